import type { BigOp, Call, Define, Deriv, Dim, Expr, Grad, Name, Shape, Var } from '../../ast.js';
import { children, mapChildren } from '../../ast-walk.js';
import { printExpr, printName } from '../../print.js';
import type { Scope } from '../../types/scope.js';
import type { StepProblem } from '../problem.js';
import { canonicalIndex, indexPattern, substitute, unfold, visit, type Unfolding } from '../rewrite.js';

/**
 * Derivatives taken symbolically, so that a step with `∇`, `∂`, `d/dx` or `σ'` of a defined
 * function can be *proved* by the certificates that follow (the exact identity test, the
 * non-commutative normal form, nerdamer), not only checked at points.
 *
 * The method is the differential: D_h(e), the derivative of e along a direction h (a fresh
 * vector of x's shape), is built by the rules d(a + b) = da + db, d(ab) = (da)b + a(db)
 * (non-commutative), d(a/s) = da/s − a ds/s², d(Aᵀ) = (dA)ᵀ, d(A⁻¹) = −A⁻¹(dA)A⁻¹,
 * d‖u‖ = uᵀdu/‖u‖, d‖u‖² = 2uᵀdu, dσ(u) = diag(σ'(u)) du (σ elementwise), df(u) = ∇f(u)ᵀdu
 * (f : R^n → R, its gradient written f'(u)), dF(u) = F'(u)du (F : R^n → R^m, F' its
 * Jacobian), d tr(A) = tr(dA), d det(A) = det(A) tr(A⁻¹dA), and the scalar table (exp, log,
 * √, sin, cos, tan, tanh, powers). D_h(e) is linear in h; the Jacobian J with D_h(e) = J h is
 * read off by moving h to the right (associativity, (uᵀh)=(hᵀu), diag(a)b = diag(b)a). So
 * ∇_x(aᵀx) = a and ∇_x(xᵀAx) = (A + Aᵀ)x come out of the product rule, and the chain rule
 * is composition: ∇_u L(w) = (∂w/∂u)ᵀ ∇L(w). For a first-order recurrence g_t = F(g_{t−1})
 * for t ≥ k + 1, ∂g_T/∂g_k is the ordered product ∏_{t=k+1}^{T} ∂g_t/∂g_{t−1} (T ≥ k).
 *
 * By a matrix W, the gradient G of a scalar (shaped like W) is read off D_H(e) = tr(GᵀH):
 * a word P H Q gives G = PᵀQᵀ, so ∇_W ½‖Wx − y‖² = (Wx − y)xᵀ.
 *
 * Conventions as in derivative.ts: a gradient is a column shaped like x; ∂y/∂x is m×n.
 */

/** What differentiation may use: names, definitions (to see what depends on x), function definitions. */
export interface CalculusContext {
  readonly scope: Scope;
  readonly unfoldings: readonly Unfolding[];
  readonly functions: readonly Define[];
  /** Assumed equalities `name = expression` keyed by the printed name (they act as definitions). */
  readonly substitutions: ReadonlyMap<string, Expr>;
  /** The smallest value an integer index takes (assumptions, or the sampler's range). */
  indexLowerBound(key: string): number | null;
}

/** What a step's differentiation may use, from the step's problem. */
export function calculusContext(p: StepProblem): CalculusContext {
  const prep = p.prep;
  const substitutions = new Map<string, Expr>();
  // (Not an equation solved for a scalar, x + y = 1 as y = 1 − x: it says where the point lies,
  // and a derivative takes y as constant, Prepared.solvedRules.)
  for (const r of prep.rules) if (!prep.solvedRules.has(r)) substitutions.set(printName({ ...r.lhs.name, index: r.lhs.name.index ? canonicalIndex(r.lhs.name.index) : null }), r.rhs);
  return {
    scope: prep.ctx.scope, unfoldings: p.unfoldings, functions: p.functions, substitutions,
    indexLowerBound(key: string): number | null {
      const iv = prep.intervals.get(key);
      if (iv?.lo !== null && iv?.lo !== undefined && Math.abs(iv.lo.toNumber()) < 1e9) {
        return Number(iv.lo.isInteger() && !iv.loClosed ? iv.lo.n + 1n : iv.lo.ceil());
      }
      return (prep.ctx.indexRanges.get(key) ?? prep.ctx.defaultIndex)[0];
    },
  };
}

/** A derivative-free form of an expression, or why there is none. */
export type Elimination =
  | { readonly expr: Expr; readonly changed: boolean; readonly notes: readonly string[] }
  | { readonly unsupported: string };

/** Thrown where a rule has no expression for a derivative (the caller says why it does not apply). */
export class NotDifferentiable extends Error {}

const SCALAR: Shape = { kind: 'scalar' };

// ---------------------------------------------------------------------------
// Building typed expressions

function shapeOf(e: Expr): Shape {
  return e.shape ?? SCALAR;
}

function isScalarShape(s: Shape): boolean {
  return s.kind === 'scalar' || (s.kind === 'matrix' && String(s.rows) === '1' && String(s.cols) === '1');
}

function isColumn(s: Shape): s is Extract<Shape, { kind: 'matrix' }> {
  return s.kind === 'matrix' && String(s.cols) === '1' && String(s.rows) !== '1';
}

function isRow(s: Shape): boolean {
  return s.kind === 'matrix' && String(s.rows) === '1' && String(s.cols) !== '1';
}

function norm1(s: Shape): Shape {
  return isScalarShape(s) ? SCALAR : s;
}

function productShape(a: Shape, b: Shape): Shape {
  if (a.kind !== 'matrix') return b;
  if (b.kind !== 'matrix') return a;
  return norm1({ kind: 'matrix', rows: a.rows, cols: b.cols });
}

function transposeShape(s: Shape): Shape {
  return s.kind === 'matrix' ? norm1({ kind: 'matrix', rows: s.cols, cols: s.rows }) : s;
}

const R0: readonly [number, number] = [0, 0];

function num(value: string, range = R0): Expr {
  return { kind: 'Num', value, range, shape: SCALAR };
}

/** The zero of a shape (the evaluator and the identity test read its shape). */
export function zeroOf(s: Shape, range = R0): Expr {
  return { kind: 'Num', value: '0', range, shape: s.kind === 'matrix' ? s : SCALAR };
}

function identity(n: Dim, range = R0): Expr {
  return { kind: 'Const', name: 'I', range, shape: { kind: 'matrix', rows: n, cols: n } };
}

const isNum = (e: Expr, v: string): boolean => e.kind === 'Num' && e.value === v;
const isIdentity = (e: Expr): boolean => e.kind === 'Const' && e.name === 'I';

function mul(a: Expr, b: Expr): Expr {
  if (isNum(a, '1') && shapeOf(a).kind === 'scalar') return b;
  if (isNum(b, '1') && shapeOf(b).kind === 'scalar') return a;
  if (isIdentity(a) && shapeOf(b).kind === 'matrix') return b;
  if (isIdentity(b) && shapeOf(a).kind === 'matrix') return a;
  if (a.kind === 'Neg') return neg(mul(a.arg, b));
  if (b.kind === 'Neg') return neg(mul(a, b.arg));
  return { kind: 'Binary', op: '*', implicit: true, left: a, right: b, range: a.range, shape: productShape(shapeOf(a), shapeOf(b)) };
}

function div(a: Expr, s: Expr): Expr {
  if (isNum(s, '1')) return a;
  if (a.kind === 'Neg') return neg(div(a.arg, s));
  return { kind: 'Binary', op: '/', left: a, right: s, range: a.range, shape: shapeOf(a) };
}

function neg(a: Expr): Expr {
  if (a.kind === 'Neg') return a.arg;
  return { kind: 'Neg', arg: a, range: a.range, shape: shapeOf(a) };
}

function add(a: Expr | null, b: Expr | null): Expr | null {
  if (!a) return b;
  if (!b) return a;
  if (b.kind === 'Neg') return { kind: 'Binary', op: '-', left: a, right: b.arg, range: a.range, shape: shapeOf(a).kind === 'matrix' ? shapeOf(a) : shapeOf(b) };
  return { kind: 'Binary', op: '+', left: a, right: b, range: a.range, shape: shapeOf(a).kind === 'matrix' ? shapeOf(a) : shapeOf(b) };
}

function sub(a: Expr | null, b: Expr | null): Expr | null {
  return add(a, b ? neg(b) : null);
}

function pow(a: Expr, k: Expr): Expr {
  if (isNum(k, '1')) return a;
  return { kind: 'Binary', op: '^', left: a, right: k, range: a.range, shape: shapeOf(a) };
}

function transposeNode(a: Expr): Expr {
  return { kind: 'Transpose', arg: a, range: a.range, shape: transposeShape(shapeOf(a)) };
}

const builtinName = (base: string): Name => ({ base, index: null, primes: 0, hat: false, range: R0 });

function builtin(name: string, arg: Expr, shape: Shape): Expr {
  return { kind: 'Call', fn: builtinName(name), args: [arg], range: arg.range, shape };
}

function diag(v: Expr): Expr {
  const s = shapeOf(v);
  if (!isColumn(s)) return v; // diag of a scalar is the scalar
  return builtin('diag', v, { kind: 'matrix', rows: s.rows, cols: s.rows });
}

/** eᵀ with the transpose moved inward where that is an identity ((AB)ᵀ = BᵀAᵀ, (Aᵀ)ᵀ = A, diag(v)ᵀ = diag(v)). */
export function transposeOf(e: Expr): Expr {
  const s = shapeOf(e);
  if (s.kind !== 'matrix') return e;
  switch (e.kind) {
    case 'Transpose': return e.arg;
    case 'Neg': return neg(transposeOf(e.arg));
    case 'Const': if (e.name === 'I') return e; break;
    case 'Num': return zeroOf(transposeShape(s), e.range);
    case 'Binary':
      if (e.op === '*') return mul(transposeOf(e.right), transposeOf(e.left));
      if (e.op === '+' || e.op === '-') return { ...e, left: transposeOf(e.left), right: transposeOf(e.right), shape: transposeShape(s) };
      if (e.op === '/') return div(transposeOf(e.left), e.right);
      break;
    case 'Call': if (e.fn.base === 'diag' && e.fn.primes === 0) return e; break;
    default: break;
  }
  return transposeNode(e);
}

// ---------------------------------------------------------------------------
// Which names depend on the variable

/** The identity of a name at a point: its symbol and its canonical subscript. */
function nameId(v: Var, scope: Scope): { key: string; index: string | null; indexExpr: Expr | null } {
  const found = scope.lookup(v.name);
  const key = found?.info.key ?? printName(v.name);
  const idx = found?.index ?? null;
  return { key, index: idx ? printExpr(canonicalIndex(idx)) : null, indexExpr: idx ? canonicalIndex(idx) : null };
}

/** Forms of `t + c` with the same t: their offset difference; null when not comparable. */
function offsetBetween(a: Expr, b: Expr): number | null {
  const pa = indexPattern(a);
  const pb = indexPattern(b);
  if (pa && pb && pa.variable === pb.variable) return pa.offset - pb.offset;
  if (a.kind === 'Num' && b.kind === 'Num' && /^\d+$/.test(a.value) && /^\d+$/.test(b.value)) return Number(a.value) - Number(b.value);
  return null;
}

const ELEMENTWISE_BUILTINS = new Set(['exp', 'log', 'ln', 'sqrt', 'sin', 'cos', 'tan', 'tanh']);

/** Forward differentiation of typed expressions along a direction. */
class Differentiator {
  private readonly x: ReturnType<typeof nameId>;
  private readonly dependsMemo = new Map<string, boolean>();
  private unfoldDepth = 0;

  constructor(private readonly ctx: CalculusContext, wrt: Var, private readonly h: Expr) {
    this.x = nameId(wrt, ctx.scope);
  }

  /** Whether a name is the variable itself. */
  private isX(v: Var): boolean {
    const id = nameId(v, this.ctx.scope);
    return id.key === this.x.key && id.index === this.x.index;
  }

  /** The definition of a name, unfolded once (an assumed equality first, as at a point); null for a free name. */
  private definitionOf(v: Var): Expr | null {
    const sub = this.ctx.substitutions.get(printName(v.name)) ?? this.ctx.substitutions.get(printName({ ...v.name, index: v.name.index ? canonicalIndex(v.name.index) : null }));
    if (sub) return sub;
    const id = nameId(v, this.ctx.scope);
    const value = unfold(v, this.ctx.unfoldings, [], this.ctx.scope, new Set([id.key]));
    return value === v ? null : value;
  }

  /** Whether the value of e can change with x. Throws where a recurrence makes it unknowable. */
  depends(e: Expr, ignoreFamily: string | null = null): boolean {
    let hit = false;
    const walk = (x: Expr, bound: ReadonlySet<string>): void => {
      if (hit) return;
      switch (x.kind) {
        case 'Var': {
          if (bound.has(printName(x.name))) return;
          if (ignoreFamily !== null && x.name.index && nameId(x, this.ctx.scope).key === ignoreFamily) return;
          if (this.varDepends(x)) hit = true;
          return;
        }
        case 'Call': {
          x.args.forEach((a) => walk(a, bound));
          const def = this.functionDef(x);
          if (def) walk(def.value, new Set([...bound, ...(def.params ?? []).map((p) => printName(p.name))]));
          return;
        }
        case 'BigOp': {
          walk(x.lower, bound);
          walk(x.upper, bound);
          walk(x.body, new Set([...bound, printName(x.index)]));
          return;
        }
        default: {
          const kids: Expr[] = [];
          visitChildren(x, (c) => kids.push(c));
          for (const c of kids) walk(c, bound);
        }
      }
    };
    walk(e, new Set());
    return hit;
  }

  private varDepends(v: Var): boolean {
    if (this.isX(v)) return true;
    const id = nameId(v, this.ctx.scope);
    const memoKey = `${id.key}@${id.index ?? ''}`;
    const known = this.dependsMemo.get(memoKey);
    if (known !== undefined) return known;
    this.dependsMemo.set(memoKey, false); // a cycle through definitions adds nothing
    let result: boolean;
    // A component x_i of the vector x itself: no expression here for its derivative.
    if (id.key === this.x.key && id.index !== null && this.x.index === null) {
      throw new NotDifferentiable(`the derivative of the component ${printName(v.name)} of ${this.x.key} is taken at points only`);
    }
    const recurrence = id.index !== null ? this.ctx.unfoldings.filter((u) => u.key === id.key && u.indexVar !== null && u.recursive).pop() : undefined;
    if (id.key === this.x.key && id.index !== null && this.x.index !== null) {
      result = this.memberDepends(v, id.indexExpr!);
    } else if (recurrence) {
      // A member of another recurrence: independent of x when its step is (apart from the
      // family itself); otherwise x enters at every step, which no rule here unrolls.
      if (this.depends(recurrence.def.value, id.key)) {
        throw new NotDifferentiable(`${printName(v.name)} depends on ${this.xText()} at every step of its recurrence, which no rule here unrolls`);
      }
      result = false;
    } else {
      const def = this.definitionOf(v);
      result = def !== null && this.depends(def);
    }
    this.dependsMemo.set(memoKey, result);
    return result;
  }

  /** Another member of x's family: later members of a recurrence depend on earlier ones. */
  private memberDepends(v: Var, index: Expr): boolean {
    const def = this.definitionOf(v);
    if (def === null) return false; // a free member (an input sequence): its own value
    const diff = offsetBetween(index, canonicalIndex(this.x.indexExpr!));
    if (diff !== null && diff < 0 && this.backwardOnly()) return false;
    if (diff !== null && diff > 0 && diff <= 6) return this.depends(def);
    throw new NotDifferentiable(`${printName(v.name)} depends on ${this.xText()} through the recurrence in a way no rule here unrolls`);
  }

  /** Whether x's family is defined by a recurrence that only looks back (g_t from g_{t−1}, …). */
  private backwardOnly(): boolean {
    for (const u of this.ctx.unfoldings) {
      if (u.key !== this.x.key) continue;
      if (!u.indexVar) continue;
      let ok = true;
      visit(u.def.value, (y) => {
        if (y.kind !== 'Var' || !y.name.index) return;
        if (nameId(y, this.ctx.scope).key !== this.x.key) return;
        const p = indexPattern(canonicalIndex(y.name.index));
        if (!p || p.variable !== u.indexVar || p.offset >= u.offset) ok = false;
      });
      if (!ok) return false;
    }
    return true;
  }

  private xText(): string {
    return this.x.index === null ? this.x.key : `${this.x.key}_${this.x.index}`;
  }

  private functionDef(c: Call): Define | null {
    const key = printName({ ...c.fn, primes: 0 });
    for (let i = this.ctx.functions.length - 1; i >= 0; i--) {
      const f = this.ctx.functions[i]!;
      if (f.params && printName(f.target) === key && f.params.length === c.args.length) return f;
    }
    return null;
  }

  /** D_h(e); null when e does not depend on x (its derivative is 0). */
  d(e: Expr): Expr | null {
    if (!this.depends(e)) return null;
    switch (e.kind) {
      case 'Num': case 'Const': return null;
      case 'Var': {
        if (this.isX(e)) return this.h;
        const def = this.definitionOf(e);
        if (def === null) return null;
        if (++this.unfoldDepth > 40) throw new NotDifferentiable('definitions nest too deeply to differentiate');
        try {
          return this.d(def);
        } finally {
          this.unfoldDepth--;
        }
      }
      case 'Neg': {
        const a = this.d(e.arg);
        return a && neg(a);
      }
      case 'Transpose': {
        const a = this.d(e.arg);
        return a && transposeNode(a);
      }
      case 'Binary': return this.binary(e);
      case 'Abs': {
        const s = e.arg;
        const ds = this.d(s);
        return ds && mul(div(s, e), ds);
      }
      case 'Norm': {
        const u = e.arg;
        const su = shapeOf(u);
        const du = this.d(u);
        if (!du) return null;
        if (su.kind !== 'matrix') return mul(div(u, e), du);
        if (!isColumn(su) && !isRow(su)) throw new NotDifferentiable('the derivative of the operator norm of a matrix has no rule here');
        const col = isColumn(su) ? u : transposeOf(u);
        const dcol = isColumn(su) ? du : transposeNode(du);
        return div(mul(transposeOf(col), dcol), e);
      }
      case 'Call': return this.call(e);
      case 'BigOp': return this.bigOp(e);
      case 'Expect': {
        if (e.op !== 'E') throw new NotDifferentiable('the derivative of a variance has no rule here');
        const a = this.d(e.arg);
        return a && { ...e, arg: a };
      }
      case 'Component': {
        // (x_i)' = h_i when the direction is a name; a component of anything else has no rule.
        if (this.isX(e.of) && this.h.kind === 'Var' && !e.indices.some((i) => this.depends(i))) return { ...e, of: this.h };
        throw new NotDifferentiable(`the derivative of the component ${printExpr(e)} has no rule here`);
      }
      case 'Factorial': throw new NotDifferentiable('a factorial of something that varies');
      case 'Limit': throw new NotDifferentiable('the derivative of a limit has no rule here');
      case 'Deriv': case 'Grad': throw new NotDifferentiable('a derivative inside a derivative that could not be taken first');
    }
  }

  private binary(e: Extract<Expr, { kind: 'Binary' }>): Expr | null {
    const { left: a, right: b } = e;
    switch (e.op) {
      case '+': return add(this.d(a), this.d(b));
      case '-': return sub(this.d(a), this.d(b));
      case '*': {
        const da = this.d(a);
        const db = this.d(b);
        return add(da && mul(da, b), db && mul(a, db));
      }
      case '/': {
        const da = this.d(a);
        const ds = this.d(b);
        return sub(da && div(da, b), ds && div(mul(a, ds), pow(b, num('2'))));
      }
      case '^': return this.power(e);
    }
  }

  private power(e: Extract<Expr, { kind: 'Binary' }>): Expr | null {
    const a = e.left;
    const k = e.right;
    const sa = shapeOf(a);
    if (this.depends(k)) {
      if (sa.kind === 'matrix') throw new NotDifferentiable('a matrix to a varying power');
      // d(a^b) = a^b (db log a + b da / a)
      const da = this.d(a);
      const dk = this.d(k)!;
      const term = add(mul(dk, builtin('log', a, SCALAR)), da && div(mul(k, da), a));
      return mul(e, term!);
    }
    const n = integerOf(k);
    if (sa.kind === 'matrix') {
      const da = this.d(a);
      if (!da) return null;
      if (n === -1) return neg(mul(mul(e, da), e));
      if (n !== null && n >= 1 && n <= 8) {
        let out: Expr | null = null;
        for (let i = 0; i < n; i++) {
          const left = i === 0 ? null : i === 1 ? a : pow(a, num(String(i)));
          const right = n - 1 - i === 0 ? null : n - 1 - i === 1 ? a : pow(a, num(String(n - 1 - i)));
          let term = da;
          if (left) term = mul(left, term);
          if (right) term = mul(term, right);
          out = add(out, term);
        }
        return out;
      }
      throw new NotDifferentiable('a matrix power other than −1 or 1…8');
    }
    if (n !== null && n > 0 && n % 2 === 0 && a.kind === 'Norm' && isColumn(shapeOf(a.arg))) {
      // d‖u‖^(2j) = 2j ‖u‖^(2j−2) uᵀdu: rational, like ‖u‖² itself.
      const u = a.arg;
      const du = this.d(u);
      if (!du) return null;
      const inner = mul(transposeOf(u), du);
      const scale = n === 2 ? num('2') : mul(num(String(n)), pow(a, num(String(n - 2))));
      return mul(scale, inner);
    }
    const da = this.d(a);
    if (!da) return null;
    if (n === 0) return null;
    if (n !== null) {
      const lower = n - 1 === 1 ? a : pow(a, n - 1 < 0 ? neg(num(String(1 - n))) : num(String(n - 1)));
      return mul(mul(num(String(n)), lower), da);
    }
    const km1: Expr = { kind: 'Binary', op: '-', left: k, right: num('1'), range: k.range, shape: SCALAR };
    return mul(mul(k, pow(a, km1)), da);
  }

  private call(e: Call): Expr | null {
    const name = e.fn.base;
    const key = printName({ ...e.fn, primes: 0 });
    const def = this.functionDef(e);
    if (def) {
      if (e.fn.primes > 0) throw new NotDifferentiable(`${key}' should have been taken first`);
      const body = substitute(def.value, new Map((def.params ?? []).map((p, j) => [printName(p.name), e.args[j]!])));
      return this.d(body);
    }
    const info = this.ctx.scope.get(key);
    if (info?.fn) return this.declared(e, info.fn.elementwise, info.fn.result);
    const plain = e.fn.primes === 0 && !e.fn.hat && e.fn.index === null;
    if (!plain) throw new NotDifferentiable(`no rule for ${printName(e.fn)}`);
    const a = e.args[0]!;
    const sa = shapeOf(a);
    if (ELEMENTWISE_BUILTINS.has(name)) {
      const da = this.d(a);
      if (!da) return null;
      const f = name === 'ln' ? 'log' : name;
      if (sa.kind === 'matrix') {
        // Elementwise on a vector: diag(f'(a)) da, where f' has an elementwise spelling.
        const prime = f === 'exp' ? builtin('exp', a, sa) : f === 'sin' ? builtin('cos', a, sa) : f === 'cos' ? neg(builtin('sin', a, sa)) : null;
        if (!prime || !isColumn(sa)) throw new NotDifferentiable(`the derivative of ${name} applied to a vector has no rule here`);
        return mul(diag(prime), da);
      }
      const two = num('2');
      switch (f) {
        case 'exp': return mul(e, da);
        case 'log': return div(da, a);
        case 'sqrt': return div(da, mul(two, e));
        case 'sin': return mul(builtin('cos', a, SCALAR), da);
        case 'cos': return neg(mul(builtin('sin', a, SCALAR), da));
        case 'tan': return div(da, pow(builtin('cos', a, SCALAR), two));
        case 'tanh': return mul({ kind: 'Binary', op: '-', left: num('1'), right: pow(e, two), range: e.range, shape: SCALAR }, da);
      }
    }
    switch (name) {
      case 'diag': {
        const dv = this.d(a);
        return dv && diag(dv);
      }
      case 'tr': {
        const da = this.d(a);
        return da && builtin('tr', da, SCALAR);
      }
      case 'det': {
        const da = this.d(a);
        if (!da) return null;
        const inv = pow(a, neg(num('1')));
        return mul(e, builtin('tr', mul(inv, da), SCALAR));
      }
      case 'inv': {
        const da = this.d(a);
        return da && neg(mul(mul(e, da), e));
      }
    }
    throw new NotDifferentiable(`${name} has no derivative rule here (it is not smooth everywhere)`);
  }

  /** A declared function: σ elementwise (σ', σ'', …), f : R^n → R (gradient f', Hessian f''), F : R^n → R^m (Jacobian F'). */
  private declared(e: Call, elementwise: boolean, result: Shape): Expr | null {
    const a = e.args[0]!;
    if (e.args.length !== 1) throw new NotDifferentiable('a function of several arguments');
    const da = this.d(a);
    if (!da) return null;
    const sa = shapeOf(a);
    const next = (shape: Shape): Expr => ({ ...e, fn: { ...e.fn, primes: e.fn.primes + 1 }, shape });
    if (elementwise) {
      if (sa.kind !== 'matrix') return mul(next(SCALAR), da);
      if (!isColumn(sa)) throw new NotDifferentiable('the derivative of a function applied to a matrix entrywise has no rule here');
      return mul(diag(next(sa)), da);
    }
    if (!isColumn(sa)) throw new NotDifferentiable('a function of something other than a vector');
    const n = sa.rows;
    if (result.kind === 'scalar' && e.fn.primes === 0) return mul(transposeOf(next({ kind: 'matrix', rows: n, cols: 1 })), da);
    if (result.kind === 'scalar' && e.fn.primes === 1) return mul(next({ kind: 'matrix', rows: n, cols: n }), da);
    if (result.kind === 'matrix' && isColumn(result) && e.fn.primes === 0) return mul(next({ kind: 'matrix', rows: result.rows, cols: n }), da);
    throw new NotDifferentiable(`no rule for a derivative of ${printName(e.fn)} of this order`);
  }

  private bigOp(e: BigOp): Expr | null {
    if (this.depends(e.lower) || this.depends(e.upper)) throw new NotDifferentiable('a ∑ or ∏ whose bounds vary');
    if (e.op === 'prod') throw new NotDifferentiable('the derivative of a ∏ has no rule here');
    const body = this.d(e.body);
    return body && { ...e, body, shape: shapeOf(body) };
  }

  // -------------------------------------------------------------------------
  // Reading off the Jacobian

  private hasH(e: Expr): boolean {
    let hit = false;
    visit(e, (y) => {
      if (y === this.h) hit = true;
    });
    return hit;
  }

  /** J with E = J h, for E linear in h and a column or scalar. */
  coef(E: Expr): Expr {
    if (E === this.h) return identity((shapeOf(this.h) as { rows: Dim }).rows);
    if (!this.hasH(E)) throw new NotDifferentiable('internal: a term without the direction');
    switch (E.kind) {
      case 'Neg': return neg(this.coef(E.arg));
      case 'Binary': {
        if (E.op === '+' || E.op === '-') {
          const l = this.coef(E.left);
          const r = this.coef(E.right);
          return E.op === '+' ? add(l, r)! : sub(l, r)!;
        }
        if (E.op === '/') return div(this.coef(E.left), E.right);
        if (E.op === '*') return this.coefProduct(E.left, E.right);
        break;
      }
      case 'Transpose': {
        const pushed = transposeOf(E.arg);
        if (pushed.kind !== 'Transpose') return this.coef(pushed);
        break;
      }
      case 'BigOp': {
        if (E.op !== 'sum') break;
        const body = this.coef(E.body);
        return { ...E, body, shape: shapeOf(body) };
      }
      case 'Expect': return { ...E, arg: this.coef(E.arg) };
      default: break;
    }
    throw new NotDifferentiable(`cannot read the Jacobian off ${printExpr(E)}`);
  }

  /**
   * For x a matrix: G with E = tr(Gᵀ H) (the gradient shaped like x), for a scalar E
   * linear in H: a word P H Q gives G = PᵀQᵀ, a word P Hᵀ Q gives G = Q P, tr(P H Q) gives PᵀQᵀ.
   */
  coefMatrix(E: Expr): Expr {
    if (!this.hasH(E)) throw new NotDifferentiable('internal: a term without the direction');
    switch (E.kind) {
      case 'Neg': return neg(this.coefMatrix(E.arg));
      case 'Transpose': return this.coefMatrix(E.arg);
      case 'Expect': return { ...E, arg: this.coefMatrix(E.arg), shape: this.h.shape };
      case 'BigOp': if (E.op === 'sum') return { ...E, body: this.coefMatrix(E.body), shape: this.h.shape }; break;
      case 'Call': if (E.fn.base === 'tr' && E.fn.primes === 0) return this.word(flatten(E.args[0]!), true); break;
      case 'Binary':
        if (E.op === '+' || E.op === '-') {
          const a = this.coefMatrix(E.left);
          const b = this.coefMatrix(E.right);
          return E.op === '+' ? add(a, b)! : sub(a, b)!;
        }
        if (E.op === '/') return div(this.coefMatrix(E.left), E.right);
        if (E.op === '*') return this.word(flatten(E), false);
        break;
      default: break;
    }
    throw new NotDifferentiable(`cannot read the gradient in a matrix off ${printExpr(E)}`);
  }

  /** G for a product chain (scalar, or inside a trace when `trace`) with the direction in one factor. */
  private word(fs: readonly Expr[], trace: boolean): Expr {
    const i = fs.findIndex((f) => this.hasH(f));
    if (i < 0 || fs.findIndex((f, j) => j > i && this.hasH(f)) >= 0) throw new NotDifferentiable('internal: not linear in the direction');
    const f = fs[i]!;
    const rebuild = (g: Expr) => [...fs.slice(0, i), g, ...fs.slice(i + 1)];
    const again = (g: Expr) => (trace ? this.word(flatten(productOf(rebuild(g))!), true) : this.coefMatrix(productOf(rebuild(g))!));
    if (f.kind === 'Binary' && (f.op === '+' || f.op === '-')) {
      const a = again(f.left);
      const b = again(f.right);
      return f.op === '+' ? add(a, b)! : sub(a, b)!;
    }
    if (f.kind === 'Neg') return neg(again(f.arg));
    if (f.kind === 'Binary' && f.op === '/') return div(again(f.left), f.right);
    if (!trace && isScalarShape(shapeOf(f))) {
      // A scalar factor that carries the direction (uᵀ H v, tr(…)): the rest is a scalar.
      const rest = productOf([...fs.slice(0, i), ...fs.slice(i + 1)]);
      const g = this.coefMatrix(f);
      return rest ? mul(rest, g) : g;
    }
    const P = productOf(fs.slice(0, i));
    const Q = productOf(fs.slice(i + 1));
    if (f === this.h) {
      // P H Q (or tr(P H Q) = tr(Q P H)): G = Pᵀ Qᵀ.
      const parts = [P && transposeOf(P), Q && transposeOf(Q)].filter((x): x is Expr => x !== null);
      return productOf(parts) ?? identity((shapeOf(this.h) as { rows: Dim }).rows);
    }
    if (f.kind === 'Transpose' && f.arg === this.h) {
      // P Hᵀ Q = (Qᵀ H Pᵀ)ᵀ, a scalar: G = Q P.
      const parts = [Q, P].filter((x): x is Expr => x !== null);
      return productOf(parts) ?? identity((shapeOf(this.h) as { rows: Dim }).rows);
    }
    if (f.kind === 'Transpose') {
      const pushed = transposeOf(f.arg);
      if (pushed.kind !== 'Transpose') return again(pushed);
    }
    throw new NotDifferentiable(`cannot read the gradient in a matrix off ${printExpr(f)}`);
  }

  private coefProduct(L: Expr, R: Expr): Expr {
    const hl = this.hasH(L);
    const hr = this.hasH(R);
    if (hl && hr) throw new NotDifferentiable('internal: a term quadratic in the direction');
    if (!hl) return mul(L, this.coef(R));
    const sl = shapeOf(L);
    const sr = shapeOf(R);
    if (isScalarShape(sl)) return mul(R, this.coef(L)); // (s)(R) = R s
    if (isColumn(sl) && isScalarShape(sr)) return mul(this.coef(L), R);
    // L is a row or a matrix that carries the direction: move R inside it.
    switch (L.kind) {
      case 'Binary':
        if (L.op === '*') return this.coef(mul(L.left, mul(L.right, R)));
        if (L.op === '+' || L.op === '-') {
          const a = this.coef(mul(L.left, R));
          const b = this.coef(mul(L.right, R));
          return L.op === '+' ? add(a, b)! : sub(a, b)!;
        }
        if (L.op === '/') return div(this.coef(mul(L.left, R)), L.right);
        break;
      case 'Neg': return neg(this.coef(mul(L.arg, R)));
      case 'Transpose': {
        const p = L.arg;
        if (isColumn(shapeOf(p)) && isColumn(sr)) return mul(transposeOf(R), this.coef(p)); // pᵀR = Rᵀp
        const pushed = transposeOf(p);
        if (pushed.kind !== 'Transpose') return this.coef(mul(pushed, R));
        break;
      }
      case 'Call':
        if (L.fn.base === 'diag' && L.fn.primes === 0 && isColumn(sr)) return mul(diag(R), this.coef(L.args[0]!)); // diag(v)R = diag(R)v
        break;
      case 'BigOp':
        if (L.op === 'sum') return this.coef({ ...L, body: mul(L.body, R), shape: productShape(sl, sr) });
        break;
      default: break;
    }
    throw new NotDifferentiable(`cannot read the Jacobian off ${printExpr(mul(L, R))}`);
  }
}

/** The factors of a product chain, left to right (scalars included). */
function flatten(e: Expr): Expr[] {
  if (e.kind === 'Binary' && e.op === '*') return [...flatten(e.left), ...flatten(e.right)];
  return [e];
}

function productOf(xs: readonly Expr[]): Expr | null {
  return xs.length === 0 ? null : xs.reduce((a, b) => mul(a, b));
}

function visitChildren(e: Expr, f: (c: Expr) => void): void {
  for (const c of children(e)) f(c);
}

function integerOf(e: Expr): number | null {
  if (e.kind === 'Num' && /^\d+$/.test(e.value)) return Number(e.value);
  if (e.kind === 'Neg') {
    const a = integerOf(e.arg);
    return a === null ? null : -a;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Derivative nodes to expressions

const DIRECTION = 'ḣ\u0000';

function direction(shape: Shape, range: Expr['range']): Var {
  return { kind: 'Var', name: { base: DIRECTION, index: null, primes: 0, hat: false, range }, range, shape };
}

/** The expression a derivative node stands for (by the conventions of derivative.ts). */
export function derivativeExpression(node: Deriv | Grad, ctx: CalculusContext, notes: string[] = []): Expr {
  const x = node.wrt;
  if (ctx.scope.lookup(x.name)?.info.kind === 'integer') throw new NotDifferentiable(`a derivative in the integer index ${printName(x.name)} is not defined`);
  // (An entry z_k of a vector z is no name of its own: z_1 or z_i may be it. The rules took
  // ∂/∂z_k z_1 to be 0, wrong at k = 1, red team rt130; the values decide.)
  if (x.name.index && !ctx.scope.lookup(x.name) && ctx.scope.lookup({ ...x.name, index: null })?.info.shape.kind === 'matrix') {
    throw new NotDifferentiable(`a derivative in ${printName(x.name)}, an entry of a vector, is taken at sampled points only`);
  }
  const sx = shapeOf(x);
  const body = node.body;
  const sb = shapeOf(body);
  const recurrence = node.kind === 'Deriv' ? recurrenceJacobian(node, ctx) : null;
  if (recurrence) {
    notes.push(recurrence.note);
    return recurrence.expr;
  }
  if (sx.kind !== 'matrix') {
    const D = new Differentiator(ctx, x, num('1', node.range));
    return D.d(body) ?? zeroOf(sb, node.range);
  }
  if (!isColumn(sx)) {
    // By a matrix: the gradient of a scalar, shaped like the matrix.
    if (!isScalarShape(sb)) throw new NotDifferentiable('the derivative of a vector or matrix by a matrix is not a value');
    const H = direction(sx, node.range);
    const DM = new Differentiator(ctx, x, H);
    const dm = DM.d(body);
    return dm ? DM.coefMatrix(dm) : zeroOf(sx, node.range);
  }
  const h = direction(sx, node.range);
  const D = new Differentiator(ctx, x, h);
  const d = D.d(body);
  if (isScalarShape(sb)) return d ? transposeOf(D.coef(d)) : zeroOf(sx, node.range);
  if (isColumn(sb)) return d ? D.coef(d) : zeroOf({ kind: 'matrix', rows: sb.rows, cols: sx.rows }, node.range);
  throw new NotDifferentiable('the derivative of a matrix by a vector is a 3-tensor');
}

/**
 * ∂g_T/∂g_k for a family with a first-order recurrence g_t = F(g_{t−1}, …) for t ≥ k + 1:
 * the ordered product ∏_{t=k+1}^{T} ∂g_t/∂g_{t−1} (T ≥ k, so the product is never shorter
 * than empty). Null when the node is not of that form.
 */
function recurrenceJacobian(node: Deriv, ctx: CalculusContext): { expr: Expr; note: string } | null {
  const body = node.body;
  const x = node.wrt;
  if (body.kind !== 'Var' || !body.name.index || !x.name.index) return null;
  const bid = nameId(body, ctx.scope);
  const xid = nameId(x, ctx.scope);
  if (bid.key !== xid.key || bid.indexExpr === null || xid.indexExpr === null || bid.index === xid.index) return null;
  if (!isColumn(shapeOf(x)) || !isColumn(shapeOf(body))) return null;
  // The recurrence that gives the family's members (the latest wins, as at a point).
  const recs = ctx.unfoldings.filter((u) => u.key === bid.key && u.indexVar !== null);
  const u = recs[recs.length - 1];
  if (!u) return null;
  const t = u.indexVar!;
  // The recurrence's range: t ≥ start (from `for t ≥ 1`; none means every t).
  const start = recurrenceStart(u.def.condition, t) + u.offset;
  // The wrt index is a number k with start = k + 1, the body's index T ≥ k is a name or `name + c`.
  const k = integerOf(xid.indexExpr);
  if (k === null || k + 1 < start) return null;
  const upper = bid.indexExpr;
  const pat = indexPattern(upper);
  if (!pat) {
    const lit = integerOf(upper);
    if (lit === null || lit < k) return null;
  } else {
    const lo = ctx.indexLowerBound(pat.variable);
    if (lo === null || lo + pat.offset < k) return null;
  }
  // The step Jacobian ∂g_t/∂g_{t−1}, taken on the recurrence body with its own index t.
  const prevIndex = canonicalIndex({ kind: 'Binary', op: '-', left: tVar(t, node), right: num('1'), range: node.range, shape: SCALAR });
  const prev: Var = { kind: 'Var', name: { ...x.name, index: prevIndex }, range: x.range, shape: x.shape };
  // The member g_t itself: the body with the recurrence's variable moved by its offset.
  const value = u.offset === 0 ? u.def.value : substitute(u.def.value, new Map([[t, canonicalIndex({ kind: 'Binary', op: '-', left: tVar(t, node), right: num(String(u.offset)), range: node.range, shape: SCALAR })]]));
  // Every member the body mentions must be g_{t−1}: first order only.
  let firstOrder = true;
  visit(value, (y) => {
    if (y.kind === 'Var' && y.name.index && nameId(y, ctx.scope).key === bid.key && printExpr(canonicalIndex(y.name.index)) !== printExpr(prevIndex)) firstOrder = false;
  });
  if (!firstOrder) return null;
  const step = derivativeExpression({ kind: 'Deriv', partial: true, wrt: prev, body: value, range: node.range, shape: { kind: 'matrix', rows: (shapeOf(body) as { rows: Dim }).rows, cols: (shapeOf(x) as { rows: Dim }).rows } }, ctx);
  const product = (b: Expr): Expr => ({
    kind: 'BigOp', op: 'prod', index: { base: t, index: null, primes: 0, hat: false, range: node.range },
    lower: num(String(k + 1), node.range), upper, body: b, range: node.range, shape: shapeOf(step),
  });
  const member: Var = { kind: 'Var', name: { ...x.name, index: tVar(t, node) }, range: x.range, shape: x.shape };
  const stepNode: Expr = { kind: 'Deriv', partial: true, wrt: prev, body: member, range: node.range, shape: shapeOf(step) };
  return { expr: product(step), note: `${printExpr(node)} = ${printExpr(product(stepNode))}, the chain rule through the recurrence` };
}

function tVar(t: string, node: Expr): Var {
  return { kind: 'Var', name: { base: t, index: null, primes: 0, hat: false, range: node.range }, range: node.range, shape: SCALAR };
}

function recurrenceStart(cond: Define['condition'], t: string): number {
  if (!cond || cond.ops.length !== 1) return Number.NEGATIVE_INFINITY;
  const [a, b] = cond.operands;
  if (a?.kind !== 'Var' || printName(a.name) !== t) return Number.NEGATIVE_INFINITY;
  const n = b ? integerOf(b) : null;
  if (n === null) return Number.NEGATIVE_INFINITY;
  return cond.ops[0] === '≥' ? n : cond.ops[0] === '>' ? n + 1 : Number.NEGATIVE_INFINITY;
}

/**
 * `f'(a)`, `f''(a)` for a function the file defines (`define σ(z) = 1/(1 + exp(-z))`): its
 * body differentiated in its scalar parameter, at a. Null when the call is not of that kind.
 */
function definedDerivativeExpression(call: Call, ctx: CalculusContext): Expr | null {
  if (call.fn.primes === 0) return null;
  const key = printName({ ...call.fn, primes: 0 });
  const def = [...ctx.functions].reverse().find((f) => f.params && printName(f.target) === key);
  if (!def || !def.params || def.params.length !== 1) return null;
  const p = def.params[0]!;
  if (shapeOf(p).kind === 'matrix' || shapeOf(call.args[0]!).kind === 'matrix') throw new NotDifferentiable(`${key}' of a vector: write ∇ or ∂ instead`);
  let body = def.value;
  for (let k = 0; k < call.fn.primes; k++) {
    const D = new Differentiator(ctx, p, num('1', call.range));
    body = D.d(body) ?? zeroOf(SCALAR, call.range);
  }
  return substitute(body, new Map([[printName(p.name), call.args[0]!]]));
}

/** Whether an expression holds a derivative to take (∇, ∂, d/dx, or f' of a defined function). */
export function hasDerivative(e: Expr, functions: readonly Define[]): boolean {
  let hit = false;
  visit(e, (y) => {
    if (y.kind === 'Deriv' || y.kind === 'Grad') hit = true;
    if (y.kind === 'Call' && y.fn.primes > 0 && functions.some((f) => f.params && printName(f.target) === printName({ ...y.fn, primes: 0 }))) hit = true;
  });
  return hit;
}

/** Replaces every derivative in e (innermost first) by its expression; says why when one cannot be taken. */
/** The most nodes a derivative taken symbolically may have (the homework's largest has a few hundred). */
const MAX_DERIVATIVE_NODES = 5000;

/** How many nodes e has, counting no further than `cap` + 1. */
function nodeCount(e: Expr, cap: number): number {
  let n = 0;
  const stack: Expr[] = [e];
  while (stack.length > 0 && n <= cap) {
    const x = stack.pop()!;
    n++;
    for (const c of children(x)) stack.push(c);
  }
  return n;
}

export function eliminateDerivatives(e: Expr, ctx: CalculusContext): Elimination {
  let changed = false;
  const notes: string[] = [];
  const rec = (x: Expr): Expr => {
    const y = mapChildren(x, (c) => rec(c));
    if (y.kind === 'Deriv' || y.kind === 'Grad') {
      changed = true;
      const d = derivativeExpression(y, ctx, notes);
      // Derivatives of derivatives grow fast (eight d/dx of exp(sin²x cos³x tan x): ~10⁵
      // nodes, 12 s and 870 MB past a 100 ms limit); past this the values decide.
      if (nodeCount(d, MAX_DERIVATIVE_NODES) > MAX_DERIVATIVE_NODES) {
        throw new NotDifferentiable(`the derivative grows past ${MAX_DERIVATIVE_NODES.toLocaleString('en-US')} terms: taken at sampled points only`);
      }
      return d;
    }
    if (y.kind === 'Call') {
      const r = definedDerivativeExpression(y, ctx);
      if (r) {
        changed = true;
        return r;
      }
    }
    return y;
  };
  try {
    const expr = rec(e);
    return { expr, changed, notes };
  } catch (err) {
    if (err instanceof NotDifferentiable) return { unsupported: err.message };
    throw err;
  }
}


/**
 * Each derivative node (outside ∑/∏ bodies) replaced by a fresh name of its shape, one
 * per distinct node: an identity that holds for every value of those names holds for
 * the derivatives' values (‖u − η∇L‖² = ‖u‖² − 2η uᵀ∇L + η²‖∇L‖² whatever ∇L is).
 */
export function abstractDerivatives(sides: readonly Expr[]): { sides: Expr[]; count: number } {
  const names = new Map<string, Var>();
  const rec = (x: Expr): Expr => {
    if (x.kind === 'Deriv' || x.kind === 'Grad') {
      const key = printExpr(x);
      let v = names.get(key);
      if (!v) {
        v = { kind: 'Var', name: { base: `⟨${key}⟩`, index: null, primes: 0, hat: false, range: x.range }, range: x.range, shape: x.shape ?? SCALAR };
        names.set(key, v);
      }
      return v;
    }
    if (x.kind === 'BigOp') return x;
    return mapChildren(x, (c) => rec(c));
  };
  const out = sides.map(rec);
  return { sides: out, count: names.size };
}
