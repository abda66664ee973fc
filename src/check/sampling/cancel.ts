/**
 * Sides of a comparison with the terms they share taken away: `f(x₀) − ε gᵀg < f(x₀)` is
 * `−ε gᵀg < 0`. Adding one number to both sides changes no relation (= ≠ < ≤ > ≥), and a
 * term written alike on both sides has one value at a point; but its enclosures, computed
 * twice, only overlap, so at g = 0 the two sides could never be told apart (the dependency
 * problem of interval arithmetic). Used only where both whole sides have a value at the
 * point: a shared term without one leaves the comparison without one too.
 */
import type { Expr } from '../../ast.js';
import { exprKey } from '../../ast-walk.js';

/** A side as signed additive terms: `a − (b − c)` is +a, −b, +c. */
function terms(e: Expr, sign: 1 | -1, out: { sign: 1 | -1; term: Expr }[]): void {
  if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) {
    terms(e.left, sign, out);
    terms(e.right, e.op === '+' ? sign : (-sign as 1 | -1), out);
  } else if (e.kind === 'Neg') {
    terms(e.arg, (-sign as 1 | -1), out);
  } else {
    out.push({ sign, term: e });
  }
}

/** The sum of signed terms as an expression (`0` for none), shaped as `like`. */
function sum(parts: readonly { sign: 1 | -1; term: Expr }[], like: Expr): Expr {
  if (parts.length === 0) return { kind: 'Num', value: '0', range: like.range, shape: like.shape ?? { kind: 'scalar' } };
  let acc: Expr = parts[0]!.sign === 1 ? parts[0]!.term : { kind: 'Neg', arg: parts[0]!.term, range: parts[0]!.term.range, shape: parts[0]!.term.shape };
  for (const { sign, term } of parts.slice(1)) {
    acc = { kind: 'Binary', op: sign === 1 ? '+' : '-', left: acc, right: term, range: [acc.range[0], term.range[1]], shape: like.shape };
  }
  return acc;
}

/**
 * The two scalar sides without the additive terms they share (same sign, same expression by
 * exprKey), or null where they share none. Sound for every relation: both sides move by the
 * same real number.
 */
export function withoutCommonTerms(a: Expr, b: Expr): [Expr, Expr] | null {
  if (a.shape?.kind !== 'scalar' || b.shape?.kind !== 'scalar') return null;
  // (Asked at every point and precision that cannot decide the sides: once per pair.)
  let known = cache.get(a);
  if (!known) cache.set(a, (known = new WeakMap()));
  const found = known.get(b);
  if (found !== undefined) return found;
  const out = cancel(a, b);
  known.set(b, out);
  return out;
}

const cache = new WeakMap<Expr, WeakMap<Expr, [Expr, Expr] | null>>();

function cancel(a: Expr, b: Expr): [Expr, Expr] | null {
  const left: { sign: 1 | -1; term: Expr }[] = [];
  const right: { sign: 1 | -1; term: Expr }[] = [];
  terms(a, 1, left);
  terms(b, 1, right);
  const pool = new Map<string, number[]>();
  right.forEach(({ sign, term }, i) => {
    const key = `${sign}${exprKey(term)}`;
    pool.set(key, [...(pool.get(key) ?? []), i]);
  });
  const dropped = new Set<number>();
  const kept: { sign: 1 | -1; term: Expr }[] = [];
  for (const t of left) {
    const free = pool.get(`${t.sign}${exprKey(t.term)}`);
    const j = free?.shift();
    if (j === undefined) kept.push(t);
    else dropped.add(j);
  }
  if (dropped.size === 0) return null;
  return [sum(kept, a), sum(right.filter((_, i) => !dropped.has(i)), b)];
}
