/** A matrix's tags with what they imply: positive definite ⇒ symmetric, invertible; orthogonal ⇒ invertible; diagonal ⇒ symmetric. */
export function impliedTags(tags: ReadonlySet<string>): Set<string> {
  const out = new Set(tags);
  if (out.has('positive definite')) out.add('symmetric').add('invertible');
  if (out.has('orthogonal')) out.add('invertible');
  if (out.has('diagonal')) out.add('symmetric');
  return out;
}
