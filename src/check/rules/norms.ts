import type { BigOp, Expr, Name } from '../../ast.js';
import { substitute } from '../../ast-walk.js';
import { builtinFunction } from '../../builtins.js';
import { nameKey, printExpr, printFormula, printName } from '../../print.js';
import { hasRadicalDivisor } from '../engines/identity-test.js';
import { INSTANCE, forAllBound, forAllInstance, isGram, nonnegative, numericBound, same, unfoldOnce, type RuleContext } from './facts.js';
import { now } from '../../clock.js';

/**
 * Named rules for norms, spectra and bounds that *prove* a step `a ≤ b` when it matches
 * (LANGUAGE.md §5.5), and otherwise say why they do not apply:
 * - submultiplicativity: ‖AB‖ ≤ ‖A‖‖B‖, ‖Ax‖ ≤ ‖A‖‖x‖, and ‖∏_{t} A_t‖ ≤ ∏_{t} ‖A_t‖;
 * - triangle inequality: ‖u + v‖ ≤ ‖u‖ + ‖v‖ (also |a + b|, and differences);
 * - Cauchy–Schwarz: |uᵀv| ≤ ‖u‖‖v‖;
 * - the operator norm: ‖A‖ = √λ_max(AᵀA);
 * - ‖diag(v)‖ = max_i |v_i|, so ‖diag(σ'(u))‖ ≤ γ when |σ'(z)| ≤ γ for all z;
 * - monotonicity: products of nonnegative factors (∏ over the same range, or finite
 *   products) grow factor by factor, sums term by term, √ and even powers are increasing;
 * - the assumptions themselves (`λ_max(WᵀW) ≤ δ²/γ²`), the `for all` ones at any argument.
 * The operator norm of a matrix is the 2-norm, so all of these hold for every size.
 */

/** A proof of a bound: the rules it used, in the order they were applied. */
export interface BoundProof { readonly rules: readonly string[] }

/** Why no rule proved it: the most specific reason found. */
export interface BoundFailure { readonly why: string }

const DEPTH = 6;

const ok = (...rules: string[]): BoundProof => ({ rules });

/** The factors of a scalar product (`γ √λ` → [γ, √λ]); a matrix product stays one factor. */
function scalarFactors(e: Expr): Expr[] {
  if (e.kind === 'Binary' && e.op === '*' && e.shape?.kind !== 'matrix' && e.left.shape?.kind !== 'matrix' && e.right.shape?.kind !== 'matrix') {
    return [...scalarFactors(e.left), ...scalarFactors(e.right)];
  }
  return [e];
}

/** The factors of a matrix (or matrix-vector) product, left to right, scalars included. */
function matrixFactors(e: Expr): Expr[] {
  if (e.kind === 'Binary' && e.op === '*') return [...matrixFactors(e.left), ...matrixFactors(e.right)];
  return [e];
}

const node = (e: Expr): string => printExpr(e);

/**
 * ‖e‖ (|e| for a scalar) in the norm `sub` names: null for the 2-norm (operator norm of a
 * matrix), 'F' for Frobenius. The triangle inequality, ‖−x‖ = ‖x‖ and submultiplicativity
 * hold in each, with the same norm on both sides; ‖A‖ = √λ_max(AᵀA) and ‖diag(v)‖ = max|v_i|
 * only in the 2-norm.
 */
function normOf(e: Expr, sub: string | null = null): Expr {
  if (e.shape?.kind !== 'matrix') return { kind: 'Abs', arg: e, range: e.range, shape: { kind: 'scalar' } };
  return sub ? { kind: 'Norm', arg: e, sub, range: e.range, shape: { kind: 'scalar' } } : { kind: 'Norm', arg: e, range: e.range, shape: { kind: 'scalar' } };
}

function product(xs: readonly Expr[]): Expr {
  return xs.reduce((a, b) => ({ kind: 'Binary', op: '*', implicit: true, left: a, right: b, range: a.range, shape: { kind: 'scalar' } }));
}

function sqrtOf(e: Expr): Expr {
  return { kind: 'Call', fn: { base: 'sqrt', index: null, primes: 0, hat: false, range: e.range }, args: [e], range: e.range, shape: { kind: 'scalar' } };
}

function isCall(e: Expr, base: string): e is Extract<Expr, { kind: 'Call' }> {
  return e.kind === 'Call' && e.fn.base === base && e.fn.primes === 0 && !e.fn.hat && !e.fn.index;
}

/** Proves `a ≤ b` (or `a < b` with `strict`, only through a strict assumption) by the rules above. */
export class Bounder {
  private failure = '';

  constructor(private readonly rc: RuleContext) {}

  /** The proof, or the most specific reason none was found. */
  prove(a: Expr, b: Expr): BoundProof | BoundFailure {
    const r = this.leq(a, b, DEPTH);
    return r ?? { why: this.failure || `no rule bounds ${node(a)} by ${node(b)}` };
  }

  private fail(why: string): null {
    if (!this.failure) this.failure = why;
    return null;
  }

  private leq(a: Expr, b: Expr, depth: number): BoundProof | null {
    if (depth <= 0 || now() > this.rc.deadline) return this.fail('the rules ran out of depth or time');
    if (same(a, b, this.rc)) return ok();
    // The assumptions first, where one says it as it is: `L(w) ≥ 0` under `assume L(w) ≥ 0` was
    // put down to norms and squares (red team rt81).
    for (const f of this.rc.facts) {
      if (same(f.lhs, a, this.rc) && same(f.rhs, b, this.rc)) return ok(`assumption ${f.text}`);
    }
    if (a.kind === 'Num' && Number(a.value) === 0) {
      // (Where a call's bound from a `for all` assumption made it so, that is the reason:
      // σ(a)σ(−a) ≥ 0 under σ(z) ≥ 0 was put down to norms and squares — red team rt77.)
      const before = this.rc.instances.length;
      if (nonnegative(b, this.rc)) {
        const used = this.rc.instances.slice(before);
        return ok(used.length > 0
          ? `its terms are ≥ 0 by the assumptions (${used.map((f) => printFormula(f)).join(', ')}), and sums and products of such terms are ≥ 0`
          : 'norms, absolute values, even powers, √ and products of them are ≥ 0');
      }
    }
    // One assumption and a comparison of numbers: 1 ≤ a from 2 ≤ a, a ≤ 3 from a ≤ 2 (a ≥ 1
    // under a ≥ 2 was only checked).
    const numeric = numericBound(a, b, this.rc, false);
    if (numeric) return ok(numeric);
    const fa = forAllBound(a, this.rc);
    if (fa && same(fa.rhs, b, this.rc)) return ok(`assumption ${fa.fact.text} for all ${[...fa.fact.vars].join(', ')} (${INSTANCE} ${fa.at})`);
    // (An instance: `f(1) ≥ 1` from `f(z) ≥ z for all z`.)
    const instance = forAllInstance(a, b, this.rc);
    if (instance) return ok(`assumption ${instance.fact.text} for all ${[...instance.fact.vars].join(', ')} (${INSTANCE} ${instance.at})`);
    // Both sides products over the same range: factor by factor.
    if (a.kind === 'BigOp' && b.kind === 'BigOp' && a.op === 'prod' && b.op === 'prod') return this.products(a, b, depth);
    if (a.kind === 'BigOp' && b.kind === 'BigOp' && a.op === 'sum' && b.op === 'sum') return this.sums(a, b, depth);
    // a ≤ a + c and a − c ≤ a for c ≥ 0.
    if (b.kind === 'Binary' && b.op === '+') {
      for (const [same1, other] of [[b.left, b.right], [b.right, b.left]] as const) {
        if (same(a, same1, this.rc) && nonnegative(other, this.rc)) return ok(`adding a term ≥ 0 (${node(other)})`);
      }
    }
    if (a.kind === 'Binary' && a.op === '-' && same(a.left, b, this.rc) && nonnegative(a.right, this.rc)) return ok(`subtracting a term ≥ 0 (${node(a.right)})`);
    // Sums term by term.
    if (a.kind === 'Binary' && b.kind === 'Binary' && a.op === '+' && b.op === '+') {
      const l = this.leq(a.left, b.left, depth - 1);
      const r = l && this.leq(a.right, b.right, depth - 1);
      if (l && r) return ok(...l.rules, ...r.rules);
    }
    // Finite products of nonnegative factors, factor by factor.
    const af = scalarFactors(a);
    const bf = scalarFactors(b);
    if (af.length > 1 && af.length === bf.length) {
      const used: string[] = [];
      let good = true;
      for (let i = 0; i < af.length && good; i++) {
        if (!nonnegative(af[i]!, this.rc)) {
          good = false;
          this.fail(`${node(af[i]!)} is not known to be ≥ 0, so the product cannot be bounded factor by factor`);
          break;
        }
        const p = this.leq(af[i]!, bf[i]!, depth - 1);
        if (!p) good = false;
        else used.push(...p.rules);
      }
      if (good) return ok('monotonicity of products of nonnegative factors', ...used);
    }
    // √ and even powers are increasing on [0, ∞).
    if (isCall(a, 'sqrt') && isCall(b, 'sqrt')) {
      const p = this.leq(a.args[0]!, b.args[0]!, depth - 1);
      if (p) return ok('√ is increasing', ...p.rules);
    }
    if (isCall(a, 'sqrt') && nonnegative(b, this.rc)) {
      const sq: Expr = { kind: 'Binary', op: '^', left: b, right: { kind: 'Num', value: '2', range: b.range, shape: { kind: 'scalar' } }, range: b.range, shape: { kind: 'scalar' } };
      const p = this.leq(a.args[0]!, sq, depth - 1);
      if (p) return ok(`√x ≤ y when x ≤ y² and y ≥ 0`, ...p.rules);
    }
    // Upper bounds of a by one rule, then the rest.
    for (const [u, rule] of this.upperBounds(a)) {
      const p = this.leq(u, b, depth - 1);
      if (p) return ok(rule, ...p.rules);
    }
    // The right side read as what it equals.
    for (const [v, rule] of this.equalForms(b)) {
      const p = this.leq(a, v, depth - 1);
      if (p) return ok(rule, ...p.rules);
    }
    return this.fail(`no rule bounds ${node(a)} by ${node(b)}`);
  }

  /** ∏_{t=l}^{u} A_t ≤ ∏_{t=l}^{u} B_t when 0 ≤ A_t ≤ B_t for every t. */
  private products(a: BigOp, b: BigOp, depth: number): BoundProof | null {
    if (node(a.lower) !== node(b.lower) || node(a.upper) !== node(b.upper)) return this.fail('the two products run over different ranges');
    const body = renameIndex(b.body, b.index, a.index);
    if (!nonnegative(a.body, this.rc) && !this.nonnegativeFactors(a.body)) {
      return this.fail(`the factor ${node(a.body)} is not known to be ≥ 0, so the products cannot be compared factor by factor`);
    }
    const p = this.leq(a.body, body, depth - 1);
    return p && ok('monotonicity of products of nonnegative factors', ...p.rules);
  }

  private sums(a: BigOp, b: BigOp, depth: number): BoundProof | null {
    if (node(a.lower) !== node(b.lower) || node(a.upper) !== node(b.upper)) return this.fail('the two sums run over different ranges');
    // (A term with a square root in a divisor that depends on the index may have no value somewhere in the range,
    // √i − √20 at i = 20, where no evaluation shows an exact 0: the terms' domain is unknown.)
    if (hasRadicalDivisor(a.body, (n) => n === printName(a.index)) || hasRadicalDivisor(b.body, (n) => n === printName(b.index))) return this.fail('a term has a square root in a divisor: where it has no value cannot be told exactly');
    const p = this.leq(a.body, renameIndex(b.body, b.index, a.index), depth - 1);
    return p && ok('sums compared term by term', ...p.rules);
  }

  private nonnegativeFactors(e: Expr): boolean {
    return scalarFactors(e).every((f) => nonnegative(f, this.rc));
  }

  /** Bounds u ≥ a that one rule gives, with the rule's name. */
  private upperBounds(a: Expr): [Expr, string][] {
    const out: [Expr, string][] = [];
    if (a.kind === 'Var') {
      const v = unfoldOnce(a, this.rc);
      if (v) out.push([v, `definition of ${printName(a.name)}`]);
    }
    if (a.kind === 'Norm' || a.kind === 'Abs') {
      const x = a.arg;
      // The norm written (2 or Frobenius): the bounds keep it; the 2-norm's own facts need it.
      const sub = a.kind === 'Norm' ? a.sub ?? null : null;
      const norm = (e: Expr) => normOf(e, sub);
      // A defined matrix or vector inside the norm: its definition.
      if (x.kind === 'Var') {
        const v = unfoldOnce(x, this.rc);
        if (v) out.push([{ ...a, arg: v }, `definition of ${printName(x.name)}`]);
      }
      if (x.kind === 'BigOp' && x.op === 'prod' && x.shape?.kind === 'matrix') {
        out.push([{ ...x, body: norm(x.body), shape: { kind: 'scalar' } }, 'submultiplicativity']);
      }
      if (x.kind === 'Binary' && x.op === '*') {
        const fs = matrixFactors(x);
        if (fs.length > 1) out.push([product(fs.map(norm)), 'submultiplicativity']);
      }
      if (x.kind === 'Binary' && (x.op === '+' || x.op === '-')) {
        const sum: Expr = { kind: 'Binary', op: '+', left: norm(x.left), right: norm(x.right), range: a.range, shape: { kind: 'scalar' } };
        out.push([sum, 'triangle inequality']);
      }
      if (x.kind === 'Neg') out.push([norm(x.arg), '‖−x‖ = ‖x‖']);
      // |uᵀv| ≤ ‖u‖‖v‖.
      if (a.kind === 'Abs' && x.kind === 'Binary' && x.op === '*' && x.left.kind === 'Transpose' && x.left.arg.shape?.kind === 'matrix' && x.right.shape?.kind === 'matrix') {
        out.push([product([normOf(x.left.arg), normOf(x.right)]), 'Cauchy-Schwarz']);
      }
      if (a.kind === 'Norm' && sub === null && isMatrix(x)) out.push([sqrtOf(gram(x)), '‖A‖ = √λ_max(AᵀA)']);
      if (a.kind === 'Norm' && sub === null && isCall(x, 'diag')) {
        const bound = this.entryBound(x.args[0]!);
        if (bound) out.push([bound.value, `‖diag(v)‖ = max_i |v_i| (each |v_i| ≤ ${node(bound.value)} by ${bound.why})`]);
      }
    }
    return out;
  }

  /** Forms equal to b (read right to left): √λ_max(AᵀA) is ‖A‖, a defined name its value. */
  private equalForms(b: Expr): [Expr, string][] {
    const out: [Expr, string][] = [];
    if (isCall(b, 'sqrt') && isCall(b.args[0]!, 'λ_max') && isGram(b.args[0]!.args[0]!)) {
      const g = b.args[0]!.args[0]! as Extract<Expr, { kind: 'Binary' }>;
      const A = g.left.kind === 'Transpose' ? g.right : g.left;
      out.push([{ kind: 'Norm', arg: A, range: b.range, shape: { kind: 'scalar' } }, '‖A‖ = √λ_max(AᵀA)']);
    }
    if (b.kind === 'Var') {
      const v = unfoldOnce(b, this.rc);
      if (v) out.push([v, `definition of ${printName(b.name)}`]);
    }
    return out;
  }

  /** A bound c on every |v_i| of an elementwise `v = f(u)`: from a `for all` assumption on f. */
  private entryBound(v: Expr): { value: Expr; why: string } | null {
    if (v.kind !== 'Call' || v.args.length !== 1) return null;
    const info = this.rc.problem.prep.ctx.scope.get(printName({ ...v.fn, primes: 0 }));
    const bounded = v.fn.primes === 0 && !info ? builtinFunction(v.fn.base)?.absBound ?? null : null;
    if (bounded === null && !info?.fn?.elementwise) return null;
    // One entry: the same function at a scalar ξ standing for any entry of the argument.
    const xi: Expr = { kind: 'Var', name: { base: 'ξ', index: null, primes: 0, hat: false, range: v.range } satisfies Name, range: v.range, shape: { kind: 'scalar' } };
    const entry: Expr = { ...v, args: [xi], shape: { kind: 'scalar' } };
    const abs: Expr = { kind: 'Abs', arg: entry, range: v.range, shape: { kind: 'scalar' } };
    // (Not recorded as an instance: ξ, any entry, is no name a point has.)
    const f = forAllBound(abs, this.rc, false);
    if (f) return { value: f.rhs, why: `assumption ${f.fact.text} for all ${[...f.fact.vars].join(', ')}` };
    if (bounded !== null) return { value: { kind: 'Num', value: bounded, range: v.range, shape: { kind: 'scalar' } }, why: `|${v.fn.base}| ≤ ${bounded}` };
    return null;
  }
}

function isMatrix(e: Expr): boolean {
  const s = e.shape;
  return s?.kind === 'matrix' && String(s.rows) !== '1' && String(s.cols) !== '1';
}

/** λ_max(AᵀA). */
function gram(a: Expr): Expr {
  const at: Expr = { kind: 'Transpose', arg: a, range: a.range, shape: a.shape?.kind === 'matrix' ? { kind: 'matrix', rows: a.shape.cols, cols: a.shape.rows } : a.shape };
  const ata: Expr = { kind: 'Binary', op: '*', implicit: true, left: at, right: a, range: a.range, shape: a.shape?.kind === 'matrix' ? { kind: 'matrix', rows: a.shape.cols, cols: a.shape.cols } : a.shape };
  return { kind: 'Call', fn: { base: 'λ_max', index: null, primes: 0, hat: false, range: a.range }, args: [ata], range: a.range, shape: { kind: 'scalar' } };
}

/** The body of a ∑/∏ with its index renamed (so two products over t and s compare). */
function renameIndex(body: Expr, from: Name, to: Name): Expr {
  if (printName(from) === printName(to)) return body;
  const v: Expr = { kind: 'Var', name: to, range: body.range, shape: { kind: 'scalar' } };
  return substitute(body, new Map([[nameKey(from), v]]));
}

