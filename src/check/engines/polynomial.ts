import type { Expr, Range, Var } from '../../ast.js';
import { printName } from '../../print.js';
import { literal } from '../evaluator/interpret.js';
import { Rational } from '../evaluator/rational.js';

/**
 * Exact expansion of a scalar polynomial with rational coefficients (sparse, in the
 * names it mentions): what `left − right` of a wrong polynomial step comes to, without
 * asking nerdamer. Null for anything that is not a polynomial (a division by a name, a
 * root, a function) or that would expand past a size budget.
 */

/** A monomial's names and exponents, sorted by name; its key is their printed product. */
interface Term { readonly coef: Rational; readonly powers: readonly (readonly [string, number, Var])[] }
type Poly = Map<string, Term>;

const MAX_TERMS = 400;
const MAX_EXPONENT = 24;

const keyOf = (powers: Term['powers']): string => powers.map(([v, k]) => `${v}^${k}`).join('*');

function add(p: Poly, q: Poly, sign: 1 | -1): Poly {
  const out = new Map(p);
  for (const [k, t] of q) {
    const c = (out.get(k)?.coef ?? Rational.ZERO).add(sign === 1 ? t.coef : t.coef.neg());
    if (c.isZero()) out.delete(k);
    else out.set(k, { coef: c, powers: t.powers });
  }
  return out;
}

function mul(p: Poly, q: Poly): Poly | null {
  if (p.size * q.size > MAX_TERMS * 4) return null;
  let out: Poly = new Map();
  for (const a of p.values()) {
    for (const b of q.values()) {
      const powers = new Map<string, [number, Var]>();
      for (const [v, k, node] of [...a.powers, ...b.powers]) powers.set(v, [(powers.get(v)?.[0] ?? 0) + k, node]);
      const sorted = [...powers].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([v, [k, node]]) => [v, k, node] as const);
      const term: Term = { coef: a.coef.mul(b.coef), powers: sorted };
      out = add(out, new Map([[keyOf(sorted), term]]), 1);
      if (out.size > MAX_TERMS) return null;
    }
  }
  return out;
}

const constant = (c: Rational): Poly => (c.isZero() ? new Map() : new Map([['', { coef: c, powers: [] }]]));

/** The expansion of a scalar expression, or null when it is not a polynomial within budget. */
export function expandPolynomial(e: Expr): Poly | null {
  if (e.shape?.kind === 'matrix') return null;
  switch (e.kind) {
    case 'Num': return constant(literal(e));
    case 'Var': {
      const name = printName(e.name);
      return new Map([[`${name}^1`, { coef: Rational.ONE, powers: [[name, 1, e]] }]]);
    }
    case 'Neg': {
      const a = expandPolynomial(e.arg);
      return a && add(new Map(), a, -1);
    }
    case 'Binary': {
      const a = expandPolynomial(e.left);
      if (!a) return null;
      if (e.op === '^') {
        const k = e.right.kind === 'Num' && /^\d+$/.test(e.right.value) ? Number(e.right.value) : null;
        if (k === null || k > MAX_EXPONENT) return null;
        let r: Poly | null = constant(Rational.ONE);
        for (let i = 0; i < k && r; i++) r = mul(r, a);
        return r;
      }
      const b = expandPolynomial(e.right);
      if (!b) return null;
      switch (e.op) {
        case '+': return add(a, b, 1);
        case '-': return add(a, b, -1);
        case '*': return mul(a, b);
        case '/': {
          if (b.size !== 1 || !b.has('')) return null;
          return mul(a, constant(Rational.ONE.div(b.get('')!.coef)));
        }
      }
      return null;
    }
    default: return null;
  }
}

/** A polynomial as an expression (highest degree first), for printing. */
export function polynomialExpr(p: Poly, range: Range): Expr {
  const num = (q: Rational): Expr => {
    const n: Expr = { kind: 'Num', value: q.n.toString().replace('-', ''), range, shape: { kind: 'scalar' } };
    if (q.d === 1n) return n;
    return { kind: 'Binary', op: '/', left: n, right: { kind: 'Num', value: q.d.toString(), range, shape: { kind: 'scalar' } }, range, shape: { kind: 'scalar' } };
  };
  const terms = [...p.values()].sort((a, b) => {
    const da = a.powers.reduce((s, [, k]) => s + k, 0);
    const db = b.powers.reduce((s, [, k]) => s + k, 0);
    return db - da || (keyOf(a.powers) < keyOf(b.powers) ? -1 : 1);
  });
  let out: Expr | null = null;
  for (const t of terms) {
    // The first term carries its own sign (`-2 ε`, `-ε δ`); later ones are added or subtracted.
    const negFirst = out === null && t.coef.sign() < 0;
    const abs = t.coef.sign() < 0 ? t.coef.neg() : t.coef;
    let m: Expr | null = abs.equals(Rational.ONE) && t.powers.length > 0 ? null : num(abs);
    if (m && negFirst) m = m.kind === 'Num' ? { ...m, value: `-${m.value}` } : { kind: 'Neg', arg: m, range, shape: { kind: 'scalar' } };
    let first = true;
    for (const [, k, node] of t.powers) {
      let v: Expr = k === 1 ? node : { kind: 'Binary', op: '^', left: node, right: { kind: 'Num', value: String(k), range, shape: { kind: 'scalar' } }, range, shape: { kind: 'scalar' } };
      if (m === null && first && negFirst) v = { kind: 'Neg', arg: v, range, shape: { kind: 'scalar' } };
      first = false;
      m = m === null ? v : { kind: 'Binary', op: '*', left: m, right: v, implicit: true, range, shape: { kind: 'scalar' } };
    }
    const term = m!;
    if (out === null) out = term;
    else out = { kind: 'Binary', op: t.coef.sign() < 0 ? '-' : '+', left: out, right: term, range, shape: { kind: 'scalar' } };
  }
  return out ?? { kind: 'Num', value: '0', range, shape: { kind: 'scalar' } };
}
