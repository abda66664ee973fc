/**
 * True identities built by valid rewrites, and false ones that differ at an exact rational
 * point (issue 13, the soundness property). Terms are a small scalar language of their own —
 * + − × ÷, small powers, exp/sin/cos of polynomials — printed as `.deriv` text, rewritten by
 * rules that hold wherever the left side is defined (no rewrite adds a denominator, so the
 * right side is defined wherever the left is: LANGUAGE.md §3 reads a step left to right), and
 * evaluated exactly over BigInt rationals to know where a mutated one differs.
 */
import { fc } from '@fast-check/vitest';

/** A term of the small language; `fn` arguments and every denominator are polynomials. */
export type Term =
  | { readonly k: 'var'; readonly n: string }
  | { readonly k: 'num'; readonly v: bigint }
  | { readonly k: 'add' | 'sub' | 'mul' | 'div'; readonly a: Term; readonly b: Term }
  | { readonly k: 'pow'; readonly a: Term; readonly e: 2 | 3 }
  | { readonly k: 'neg'; readonly a: Term }
  | { readonly k: 'fn'; readonly f: 'exp' | 'sin' | 'cos'; readonly a: Term };

export const NAMES = ['a', 'b', 'c', 'x', 'y'] as const;

const v = (n: string): Term => ({ k: 'var', n });
const num = (x: number | bigint): Term => ({ k: 'num', v: BigInt(x) });
const add = (a: Term, b: Term): Term => ({ k: 'add', a, b });
const sub = (a: Term, b: Term): Term => ({ k: 'sub', a, b });
const mul = (a: Term, b: Term): Term => ({ k: 'mul', a, b });
const div = (a: Term, b: Term): Term => ({ k: 'div', a, b });
const pow = (a: Term, e: 2 | 3): Term => ({ k: 'pow', a, e });
const neg = (a: Term): Term => ({ k: 'neg', a });
const fn = (f: 'exp' | 'sin' | 'cos', a: Term): Term => ({ k: 'fn', f, a });

/** `.deriv` text of a term: every compound operand in brackets, so the reading is never in doubt. */
export function show(t: Term): string {
  const w = (x: Term): string => (x.k === 'var' || (x.k === 'num' && x.v >= 0n) ? show(x) : `(${show(x)})`);
  switch (t.k) {
    case 'var': return t.n;
    case 'num': return String(t.v);
    case 'add': return `${show(t.a)} + ${w(t.b)}`;
    case 'sub': return `${show(t.a)} - ${w(t.b)}`;
    case 'mul': return `${w(t.a)}·${w(t.b)}`;
    case 'div': return `${w(t.a)}/${w(t.b)}`;
    case 'pow': return `${w(t.a)}^${t.e}`;
    case 'neg': return `-${w(t.a)}`;
    case 'fn': return `${t.f}(${show(t.a)})`;
  }
}

const polynomial: fc.Arbitrary<Term> = fc.letrec<{ p: Term }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map(v),
    fc.integer({ min: 0, max: 5 }).map(num),
    fc.tuple(tie('p'), tie('p')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('p'), tie('p')).map(([a, b]) => sub(a, b)),
    fc.tuple(tie('p'), tie('p')).map(([a, b]) => mul(a, b)),
    tie('p').map((a) => pow(a, 2)),
  ),
})).p;

/** A starting term: polynomials, quotients by polynomials, exp/sin/cos of polynomials. */
export const term: fc.Arbitrary<Term> = fc.letrec<{ t: Term }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map(v),
    fc.integer({ min: 0, max: 5 }).map(num),
    fc.tuple(tie('t'), tie('t')).map(([a, b]) => add(a, b)),
    fc.tuple(tie('t'), tie('t')).map(([a, b]) => sub(a, b)),
    fc.tuple(tie('t'), tie('t')).map(([a, b]) => mul(a, b)),
    fc.tuple(tie('t'), polynomial).map(([a, b]) => div(a, b)),
    fc.tuple(tie('t'), fc.constantFrom<2 | 3>(2, 3)).map(([a, e]) => pow(a, e)),
    tie('t').map(neg),
    fc.tuple(fc.constantFrom<'exp' | 'sin' | 'cos'>('exp', 'sin', 'cos'), polynomial).map(([f, a]) => fn(f, a)),
  ),
})).t;

type Rewrite = (t: Term) => Term | null;

/** Valid rewrites at the root of a term: each holds wherever its left side is defined, and adds no denominator. */
const REWRITES: readonly Rewrite[] = [
  (t) => (t.k === 'add' ? add(t.b, t.a) : null),
  (t) => (t.k === 'mul' ? mul(t.b, t.a) : null),
  (t) => (t.k === 'add' && t.a.k === 'add' ? add(t.a.a, add(t.a.b, t.b)) : null),
  (t) => (t.k === 'mul' && t.a.k === 'mul' ? mul(t.a.a, mul(t.a.b, t.b)) : null),
  (t) => (t.k === 'mul' && t.b.k === 'add' ? add(mul(t.a, t.b.a), mul(t.a, t.b.b)) : null),
  (t) => (t.k === 'mul' && t.a.k === 'add' ? add(mul(t.a.a, t.b), mul(t.a.b, t.b)) : null),
  (t) => (t.k === 'mul' && t.b.k === 'sub' ? sub(mul(t.a, t.b.a), mul(t.a, t.b.b)) : null),
  (t) => (t.k === 'sub' ? add(t.a, mul(num(-1), t.b)) : null),
  (t) => (t.k === 'neg' ? mul(num(-1), t.a) : null),
  (t) => (t.k === 'pow' && t.e === 2 ? mul(t.a, t.a) : null),
  (t) => (t.k === 'pow' && t.e === 3 ? mul(pow(t.a, 2), t.a) : null),
  (t) => (t.k === 'pow' && t.a.k === 'mul' ? mul(pow(t.a.a, t.e), pow(t.a.b, t.e)) : null),
  (t) => (t.k === 'pow' && t.e === 2 && t.a.k === 'add' ? add(add(pow(t.a.a, 2), mul(num(2), mul(t.a.a, t.a.b))), pow(t.a.b, 2)) : null),
  (t) => (t.k === 'pow' && t.e === 2 && t.a.k === 'sub' ? add(sub(pow(t.a.a, 2), mul(num(2), mul(t.a.a, t.a.b))), pow(t.a.b, 2)) : null),
  (t) => (t.k === 'div' ? mul(t.a, div(num(1), t.b)) : null),
  (t) => (t.k === 'div' && t.a.k === 'add' ? add(div(t.a.a, t.b), div(t.a.b, t.b)) : null),
  (t) => (t.k === 'mul' && t.a.k === 'div' ? div(mul(t.a.a, t.b), t.a.b) : null),
  (t) => (t.k === 'num' && t.v > 0n ? add(num(t.v - 1n), num(1)) : null),
  (t) => (t.k === 'add' && t.a.k === 'num' && t.b.k === 'num' ? num(t.a.v + t.b.v) : null),
  (t) => (t.k === 'mul' && t.a.k === 'num' && t.b.k === 'num' ? num(t.a.v * t.b.v) : null),
  (t) => (t.k === 'var' ? add(t, num(0)) : null),
  (t) => (t.k === 'var' ? mul(num(1), t) : null),
  (t) => (t.k === 'var' ? div(mul(num(2), t), num(2)) : null),
  (t) => (t.k === 'fn' && t.f === 'exp' && t.a.k === 'add' ? mul(fn('exp', t.a.a), fn('exp', t.a.b)) : null),
  (t) => (t.k === 'fn' && t.f === 'sin' && t.a.k === 'add'
    ? add(mul(fn('sin', t.a.a), fn('cos', t.a.b)), mul(fn('cos', t.a.a), fn('sin', t.a.b))) : null),
  (t) => (t.k === 'fn' && t.f === 'cos' && t.a.k === 'add'
    ? sub(mul(fn('cos', t.a.a), fn('cos', t.a.b)), mul(fn('sin', t.a.a), fn('sin', t.a.b))) : null),
  (t) => (t.k === 'pow' && t.e === 2 && t.a.k === 'fn' && t.a.f === 'sin' ? sub(num(1), pow(fn('cos', t.a.a), 2)) : null),
  (t) => (t.k === 'fn' && t.f === 'cos' && t.a.k === 'neg' ? fn('cos', t.a.a) : null),
];

function childrenOf(t: Term): Term[] {
  switch (t.k) {
    case 'var': case 'num': return [];
    case 'add': case 'sub': case 'mul': case 'div': return [t.a, t.b];
    case 'pow': case 'neg': case 'fn': return [t.a];
  }
}

function withChild(t: Term, i: number, c: Term): Term {
  switch (t.k) {
    case 'var': case 'num': return t;
    case 'add': case 'sub': case 'mul': case 'div': return i === 0 ? { ...t, a: c } : { ...t, b: c };
    case 'pow': case 'neg': case 'fn': return { ...t, a: c };
  }
}

/** Every term a single rewrite at some position turns `t` into. */
function rewritesOf(t: Term, under: 'none' | 'fn' = 'none'): Term[] {
  const out: Term[] = [];
  for (const r of REWRITES) {
    const x = r(t);
    // Inside exp/sin/cos only polynomial rewrites apply (arguments stay polynomials).
    if (x && !(under === 'fn' && hasFnOrDiv(x))) out.push(x);
  }
  childrenOf(t).forEach((c, i) => {
    for (const x of rewritesOf(c, t.k === 'fn' || under === 'fn' ? 'fn' : 'none')) out.push(withChild(t, i, x));
  });
  return out;
}

function hasFnOrDiv(t: Term): boolean {
  return t.k === 'fn' || t.k === 'div' || childrenOf(t).some(hasFnOrDiv);
}

/** Applies rewrites chosen by `picks` (each an index into the rewrites available at that moment). */
export function rewrite(t: Term, picks: readonly number[]): Term {
  let cur = t;
  for (const p of picks) {
    const options = rewritesOf(cur);
    if (options.length === 0) break;
    cur = options[p % options.length]!;
  }
  return cur;
}

/** The size of a term (nodes). */
export function size(t: Term): number {
  return 1 + childrenOf(t).reduce((s, c) => s + size(c), 0);
}

/** A chain of 1–3 steps, each 1–4 valid rewrites of the one before: every step is true. */
export const trueChain: fc.Arbitrary<Term[]> = fc.tuple(term, fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }))
  .map(([t, steps]) => steps.reduce((chain, picks) => [...chain, rewrite(chain[chain.length - 1]!, picks)], [t]))
  .filter((chain) => chain.every((x) => size(x) <= 60));

// ---------------------------------------------------------------------------
// Exact evaluation, to know where a mutated term differs

/** A rational p/q (q > 0), or undefined (a zero denominator), or null (not rational: exp/sin/cos). */
type Q = readonly [bigint, bigint];

const gcd = (a: bigint, b: bigint): bigint => { a = a < 0n ? -a : a; b = b < 0n ? -b : b; while (b) [a, b] = [b, a % b]; return a; };
const q = (n: bigint, d: bigint): Q => { const g = gcd(n, d) || 1n; const s = d < 0n ? -1n : 1n; return [(s * n) / g, (s * d) / g]; };

/** The exact value of `t` at `point`: a rational, 'undefined' at a pole, or null when a function is in it. */
export function evaluate(t: Term, point: ReadonlyMap<string, Q>): Q | 'undefined' | null {
  const r = (x: Term) => evaluate(x, point);
  switch (t.k) {
    case 'var': return point.get(t.n)!;
    case 'num': return [t.v, 1n];
    case 'fn': return null;
    case 'neg': { const a = r(t.a); return a === null || a === 'undefined' ? a : [-a[0], a[1]]; }
    case 'pow': {
      const a = r(t.a);
      return a === null || a === 'undefined' ? a : q(a[0] ** BigInt(t.e), a[1] ** BigInt(t.e));
    }
    default: {
      const a = r(t.a);
      const b = r(t.b);
      if (a === null || b === null) return null;
      if (a === 'undefined' || b === 'undefined') return 'undefined';
      if (t.k === 'add') return q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
      if (t.k === 'sub') return q(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
      if (t.k === 'mul') return q(a[0] * b[0], a[1] * b[1]);
      return b[0] === 0n ? 'undefined' : q(a[0] * b[1], a[1] * b[0]);
    }
  }
}

/** Whether every denominator in `t` is nonzero at `point` (denominators are polynomials). */
export function definedAt(t: Term, point: ReadonlyMap<string, Q>): boolean {
  if (t.k === 'div') {
    const d = evaluate(t.b, point);
    if (d === null || d === 'undefined' || d[0] === 0n) return false;
  }
  return childrenOf(t).every((c) => definedAt(c, point));
}

/** A rational point for the names (small numerators and denominators). */
export const point: fc.Arbitrary<Map<string, Q>> = fc.tuple(...NAMES.map(() => fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 1, max: 4 }))))
  .map((vals) => new Map(NAMES.map((n, i) => [n, q(BigInt(vals[i]![0]), BigInt(vals[i]![1]))])));

/** How a true term is made false: a constant added, a number changed, a name replaced, an operation swapped. */
export type Mutation = { readonly kind: 'shift'; readonly by: number } | { readonly kind: 'local'; readonly at: number; readonly how: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((by): Mutation => ({ kind: 'shift', by })),
  fc.tuple(fc.nat(), fc.nat()).map(([at, how]): Mutation => ({ kind: 'local', at, how })),
);

function local(t: Term, how: number): Term | null {
  switch (t.k) {
    case 'num': return num(t.v + 1n);
    case 'var': return v(NAMES[(NAMES.indexOf(t.n as (typeof NAMES)[number]) + 1 + (how % 4)) % NAMES.length]!);
    case 'add': return how % 2 ? sub(t.a, t.b) : mul(t.a, t.b);
    case 'sub': return add(t.a, t.b);
    case 'mul': return how % 2 ? add(t.a, t.b) : mul(t.a, add(t.b, num(1)));
    case 'pow': return pow(t.a, t.e === 2 ? 3 : 2);
    case 'neg': return t.a;
    default: return null;
  }
}

/** `t` with one mutation applied (a local one at the `at`-th node, in preorder, that has one). */
export function mutate(t: Term, m: Mutation): Term {
  if (m.kind === 'shift') return add(t, num(m.by));
  const nodes: number[] = [];
  let i = 0;
  const walk = (x: Term): void => { if (local(x, m.how)) nodes.push(i); i++; childrenOf(x).forEach(walk); };
  walk(t);
  const target = nodes[m.at % nodes.length];
  let j = 0;
  const rebuild = (x: Term): Term => {
    const here = j++;
    if (here === target) return local(x, m.how) ?? x;
    let out = x;
    childrenOf(x).forEach((c, k) => { out = withChild(out, k, rebuild(c)); });
    return out;
  };
  return nodes.length ? rebuild(t) : add(t, num(1));
}
