import {
  covPair,
  type Answer, type Assume, type Chain, type Compare, type Declare, type Define, type Derivation, type Dim, type Expr,
  type Formula, type Hint, type HintItem, type MatrixTag, type Name, type Range, type Shape, type Show, type Statement,
  type Step, type Var,
} from '../ast.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { printExpr, printName } from '../print.js';
import { ANY, SCALAR, Scope, describeShape, familyKey, vectorShape, type SymbolInfo } from './scope.js';

/** A derivation after resolution: names bound, calls told from products, every node shaped. */
export interface ResolvedFile {
  readonly ast: Derivation;
  /** The scope each statement sees (its section's, or the file's). */
  readonly scopes: ReadonlyMap<Statement, Scope>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Scalar built-in functions (`ln` is `log`). */
export const SCALAR_BUILTINS = new Set(['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'tanh', 'max', 'min']);
/** Every built-in function name, as the parser spells it. */
export const BUILTIN_FUNCTIONS = new Set([...SCALAR_BUILTINS, 'ln', 'abs', 'norm', 'diag', 'tr', 'det', 'inv', 'λ_max']);

/** Rule names a justification may cite (spaces and hyphens alike, any case). */
export const KNOWN_RULES = new Set([
  'linearity', 'linearity of expectation', 'chain rule', 'submultiplicativity', 'cauchy schwarz',
  'triangle inequality', 'geometric sum', 'geometric series', 'algebra', 'expand', 'expanding', 'simplify',
  'symmetry', 'product rule', 'quotient rule', 'pythagoras', 'pythagorean theorem', 'induction',
  'empty sum', 'index shift', 'split last term', 'definition',
  // The sum, expectation and congruence rules (src/check/rules/registry.ts).
  'shift the index', 'split the last term', 'split first term', 'split the first term', 'empty product', 'telescoping',
  'telescoping sum', 'combine sums', 'constant factor', 'gauss', 'sum of squares', 'arithmetic sum', 'independence',
  'variance', 'expectation', 'bias', 'congruence', 'equal arguments', 'definition of the norm',
]);

const ONE: Expr = { kind: 'Num', value: '1', range: [0, 0], shape: SCALAR };

/** Binds names, turns `δ(1-β)` into a product and `x^T` into a transpose, and infers shapes. */
export function resolve(ast: Derivation): ResolvedFile {
  return new Resolver().run(ast);
}

interface Env {
  readonly scope: Scope;
  /** Bound names (sum indices, function parameters, a definition's index): key → shape. */
  readonly locals: ReadonlyMap<string, Shape>;
  /** Inside a subscript: undeclared letters there are integer indices. */
  readonly inIndex: boolean;
}

function isLetterName(base: string): boolean {
  const cps = [...base];
  return (cps.length === 1 && /\p{L}/u.test(base)) || (cps.length === 2 && cps[0] === 'Δ' && /\p{L}/u.test(cps[1]!));
}

function sameDim(a: Dim, b: Dim): boolean {
  return String(a) === String(b);
}

function shapeEq(a: Shape, b: Shape): boolean {
  if (a.kind === 'any' || b.kind === 'any') return true;
  if (a.kind === 'scalar' || b.kind === 'scalar') return a.kind === b.kind;
  return sameDim(a.rows, b.rows) && sameDim(a.cols, b.cols);
}

/** 1×1 is a scalar. */
function normShape(s: Shape): Shape {
  return s.kind === 'matrix' && sameDim(s.rows, 1) && sameDim(s.cols, 1) ? SCALAR : s;
}

function spaceShape(dims: readonly Dim[]): Shape {
  if (dims.length === 0) return SCALAR;
  if (dims.length === 1) return vectorShape(dims[0]!);
  return normShape({ kind: 'matrix', rows: dims[0]!, cols: dims[1]! });
}

class Resolver {
  private readonly diags: Diagnostic[] = [];
  private readonly scopes = new Map<Statement, Scope>();
  private readonly fileScope = new Scope();
  private scope = this.fileScope;
  private seenTitle = false;
  private readonly showNames = new Set<string>();
  private readonly definedHere = new Set<string>();

  run(ast: Derivation): ResolvedFile {
    const statements: Statement[] = [];
    for (const st of ast.statements) {
      try {
        const out = this.statement(st);
        this.scopes.set(out, this.scope);
        statements.push(out);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        this.diags.push(diagnostic('structure', { reason: 'this expression is nested too deeply to check' }, st.range));
        this.scopes.set(st, this.scope);
        statements.push(st);
      }
    }
    return { ast: { ...ast, statements }, scopes: this.scopes, diagnostics: this.diags };
  }

  private env(locals: ReadonlyMap<string, Shape> = new Map()): Env {
    return { scope: this.scope, locals, inIndex: false };
  }

  private error(d: Diagnostic): void {
    this.diags.push(d);
  }

  // -------------------------------------------------------------------------
  // Statements

  private statement(st: Statement): Statement {
    switch (st.kind) {
      case 'Title':
        if (this.seenTitle) this.error(diagnostic('structure', { reason: 'a file has one title: this second one is ignored' }, st.range, 'warning'));
        this.seenTitle = true;
        return st;
      case 'Section':
        this.scope = new Scope(this.fileScope);
        for (const k of [...this.definedHere]) if (k.startsWith('section:')) this.definedHere.delete(k);
        return st;
      case 'Declare': return this.declare(st);
      case 'Assume': return this.assume(st);
      case 'Define': return this.define(st);
      case 'Show': return this.show(st);
      case 'Answer': return this.answer(st);
      case 'ChainStatement': return { ...st, chain: this.chain(st.chain, this.env()) };
    }
  }

  private declare(st: Declare): Declare {
    const shape = st.declKind === 'function' ? SCALAR : spaceShape(st.space?.dims ?? []);
    if (st.declKind === 'vector' && (shape.kind !== 'matrix' || !sameDim(shape.cols, 1))) {
      this.error(diagnostic('structure', { reason: "a vector is declared in R^n, e.g. 'vector x in R^n'" }, st.space?.range ?? st.range));
    }
    if (st.declKind === 'matrix' && shape.kind !== 'matrix') {
      this.error(diagnostic('structure', { reason: "a matrix is declared in R^{n×m}, e.g. 'matrix W in R^{n×n}'" }, st.space?.range ?? st.range));
    }
    for (const space of [st.space, st.codomain]) {
      for (const d of space?.dims ?? []) {
        if (typeof d === 'number' && (d < 1 || !Number.isInteger(d))) {
          this.error(diagnostic('structure', { reason: `a dimension must be a whole number of at least 1, not ${d}` }, space!.range));
        }
      }
    }
    if (st.tags.length > 0 && !(shape.kind === 'matrix' && sameDim(shape.rows, shape.cols))) {
      this.error(diagnostic('shape-required', { what: `'${st.tags[0]}'`, expected: 'a square matrix', got: describeShape(shape) }, st.space?.range ?? st.range));
    }
    for (const name of st.names) {
      if (st.declKind === 'function' && BUILTIN_FUNCTIONS.has(name.base) && name.primes === 0 && !name.hat && !name.index) {
        this.error(diagnostic('structure', { reason: `'${name.base}' is a built-in function: choose another name` }, name.range));
        continue;
      }
      const family = name.index !== null && name.index.kind === 'Var' && name.index.name.index === null;
      const key = family ? familyKey(name) : printName(name);
      const kind = st.declKind === 'random'
        ? (shape.kind === 'scalar' ? 'scalar' : sameDim((shape as { cols: Dim }).cols, 1) ? 'vector' : 'matrix')
        : st.declKind;
      let fn: SymbolInfo['fn'] = null;
      if (st.declKind === 'function') {
        const dom = spaceShape(st.space?.dims ?? []);
        const cod = spaceShape(st.codomain?.dims ?? []);
        fn = { params: [dom], result: cod, elementwise: dom.kind === 'scalar' && cod.kind === 'scalar' };
      }
      const info: SymbolInfo = {
        key, kind, shape, family, tags: new Set(st.tags), fn,
        random: st.declKind === 'random', iid: st.iid, implicit: false, range: name.range,
      };
      const prior = this.scope.hasOwn(key) ? this.scope.get(key) : undefined;
      if (prior && !prior.implicit && !(st.declKind === 'random' && shapeEq(prior.shape, shape))) {
        this.error(diagnostic('duplicate-declaration', { name: printName(name) }, name.range));
      } else {
        this.scope.set(info);
      }
    }
    const facts = st.facts.map((f) => this.formula(f, this.env()));
    return { ...st, facts };
  }

  private assume(st: Assume): Assume {
    const conditions = st.conditions.map((c) => {
      const locals = new Map<string, Shape>();
      for (const v of c.forAll) locals.set(printName(v.name), SCALAR);
      const formula = this.formula(c.formula, this.env(locals));
      if (formula.kind === 'TagFact') this.addTag(formula.subject, formula.tag);
      return { ...c, formula, forAll: c.forAll.map((v) => ({ ...v, shape: SCALAR })) };
    });
    return { ...st, conditions };
  }

  private addTag(subject: Var, tag: MatrixTag): void {
    const found = this.scope.lookup(subject.name);
    if (!found) return;
    const tags = new Set(found.info.tags);
    tags.add(tag);
    this.scope.set({ ...found.info, tags });
  }

  private define(st: Define): Define {
    const target = st.target;
    // The same name defined twice in one scope (`v_0` and `v_t` are two definitions of v, not one twice).
    const defKey = `${this.scope === this.fileScope ? 'file' : 'section'}:${printName(target)}`;
    if (this.definedHere.has(defKey)) {
      this.error(diagnostic('structure', { reason: `'${printName(target)}' is already defined here; the later definition is the one used` }, target.range, 'warning'));
    }
    this.definedHere.add(defKey);
    const plain = !target.index && target.primes === 0 && !target.hat;
    if (plain && (BUILTIN_FUNCTIONS.has(target.base) || target.base === 'π')) {
      this.error(diagnostic('bad-define', { reason: `'${target.base}' is built in and cannot be redefined: choose another name` }, target.range));
      return st;
    }
    if (st.params) {
      const locals = new Map<string, Shape>();
      const params: Var[] = st.params.map((p) => {
        const found = this.scope.lookup(p.name);
        const shape = found && found.info.kind !== 'function' ? found.info.shape : SCALAR;
        locals.set(printName(p.name), shape);
        return { ...p, shape };
      });
      const value = this.expr(st.value, this.env(locals));
      const key = printName(target);
      const info: SymbolInfo = {
        key, kind: 'function', shape: SCALAR, family: false, tags: new Set(),
        fn: { params: params.map((p) => p.shape!), result: value.shape ?? ANY, elementwise: false },
        random: false, iid: false, implicit: false, range: target.range,
      };
      this.scope.set(info);
      return { ...st, params, value };
    }
    // A definition's index variable (`v_t … for t ≥ 1`) is bound in it.
    const locals = new Map<string, Shape>();
    const indexVar = target.index?.kind === 'Var' && target.index.name.index === null ? printName(target.index.name) : null;
    if (indexVar) locals.set(indexVar, SCALAR);
    const env = this.env(locals);
    const value = this.expr(st.value, env);
    const condition = st.condition ? (this.formula(st.condition, env) as Compare) : null;
    const found = this.scope.lookup(target);
    if (found) {
      if (found.info.kind === 'function') {
        this.error(diagnostic('bad-define', { reason: `'${printName(target)}' is a function: define it as ${printName(target)}(x) = …` }, target.range));
      } else if (value.shape && !shapeEq(found.info.shape, value.shape)) {
        this.error(diagnostic('bad-define', {
          reason: `'${printName(target)}' is ${describeShape(found.info.shape)}, but its definition is ${describeShape(value.shape)}`,
        }, st.value.range));
      }
    } else {
      const family = indexVar !== null;
      const key = family ? familyKey(target) : printName(target);
      if (!isLetterName(target.base) && !this.scope.get(key)) {
        this.error(diagnostic('unknown-name', { name: target.base, suggestion: splitWord(target.base) }, target.range));
      }
      this.scope.set({
        key, kind: shapeKind(value.shape), shape: value.shape?.kind === 'any' ? SCALAR : value.shape ?? SCALAR,
        family, tags: new Set(), fn: null, random: false, iid: false, implicit: false, range: target.range,
      });
    }
    return { ...st, value, condition };
  }

  private show(st: Show): Show {
    if (st.name !== null) {
      if (this.showNames.has(st.name)) {
        this.error(diagnostic('structure', { reason: `a show named "${st.name}" comes earlier; 'by "${st.name}"' will mean this one` }, st.range, 'warning'));
      }
      this.showNames.add(st.name);
    }
    const env = this.env();
    const forAll = st.forAll ? (this.formula(st.forAll, env) as Compare) : null;
    const claim = this.formula(st.claim, env);
    const limit = st.limit ? { wrt: this.expr(st.limit.wrt, env) as Var, to: this.expr(st.limit.to, env) } : null;
    return {
      ...st, forAll, claim, limit,
      induction: st.induction ? ({ ...st.induction, shape: SCALAR }) : null,
      hint: this.hint(st.hint, env),
      chain: st.chain ? this.chain(st.chain, env) : null,
      base: st.base ? this.chain(st.base, env) : null,
      step: st.step ? this.chain(st.step, env) : null,
    };
  }

  private answer(st: Answer): Answer {
    return { ...st, claims: st.claims.map((c) => this.formula(c, this.env())) };
  }

  private chain(c: Chain, env: Env): Chain {
    const head = c.head === null ? null : this.exprOrFormula(c.head, env);
    const steps: Step[] = c.steps.map((s) => ({
      ...s,
      rhs: s.rhs === null ? null : this.exprOrFormula(s.rhs, env),
      hint: this.hint(s.hint, env),
      limit: s.limit ? { wrt: this.expr(s.limit.wrt, env) as Var, to: this.expr(s.limit.to, env) } : null,
    }));
    // Each step's two sides must have one shape.
    let prev = head;
    for (const s of steps) {
      if (prev && s.rhs && isExpr(prev) && isExpr(s.rhs) && prev.shape && s.rhs.shape) {
        if (!shapeEq(prev.shape, s.rhs.shape)) {
          this.error(diagnostic('shape-mismatch', { op: 'equate', left: describeShape(prev.shape), right: describeShape(s.rhs.shape) }, s.relRange));
        } else {
          settle(prev, s.rhs.shape);
          settle(s.rhs, prev.shape);
        }
      }
      if (s.rhs && isExpr(s.rhs) && s.rel !== '=' && s.rel !== '≠' && s.rel !== '→' && s.rel !== '⇔' && s.rel !== '⇒' && s.rhs.shape && s.rhs.shape.kind === 'matrix') {
        this.error(diagnostic('shape-required', { what: `'${s.rel}'`, expected: 'scalars on both sides', got: describeShape(s.rhs.shape) }, s.relRange));
      }
      prev = s.rhs;
    }
    return { ...c, head, steps, headHint: this.hint(c.headHint, env) };
  }

  private hint(h: Hint | null, env: Env): Hint | null {
    if (!h) return null;
    for (const it of h.items) {
      if (it.kind === 'rule' && !KNOWN_RULES.has(it.name.toLowerCase().replace(/[\s-]+/g, ' '))) {
        this.error(diagnostic('unknown-rule', { rule: it.name }, it.range, 'warning'));
      }
    }
    const items: HintItem[] = h.items.map((it) => (it.kind === 'fact' ? { ...it, formula: this.formula(it.formula, env) } : it));
    return { ...h, items };
  }

  // -------------------------------------------------------------------------
  // Formulas and expressions

  private exprOrFormula(x: Expr | Formula, env: Env): Expr | Formula {
    return isExpr(x) ? this.expr(x, env) : this.formula(x, env);
  }

  formula(f: Formula, env: Env): Formula {
    switch (f.kind) {
      case 'TagFact': {
        const subject = this.expr(f.subject, env);
        if (subject.kind !== 'Var' || subject.shape?.kind !== 'matrix' || !sameDim(subject.shape.rows, subject.shape.cols)) {
          this.error(diagnostic('shape-required', { what: `'${f.tag}'`, expected: 'a square matrix', got: describeShape(subject.shape) }, f.subject.range));
        }
        return { ...f, subject: subject.kind === 'Var' ? subject : f.subject };
      }
      case 'Logic':
        return { ...f, left: this.formula(f.left, env), right: this.formula(f.right, env) };
      case 'Compare': {
        const operands = f.operands.map((o) => this.expr(o, env));
        for (let i = 0; i < f.ops.length; i++) {
          const a = operands[i]!;
          const b = operands[i + 1]!;
          const op = f.ops[i]!;
          if (!a.shape || !b.shape) continue;
          if (op === '<' || op === '≤' || op === '>' || op === '≥') {
            for (const side of [a, b]) {
              if (side.shape?.kind === 'matrix') {
                this.error(diagnostic('shape-required', { what: `'${op}'`, expected: 'scalars on both sides', got: describeShape(side.shape) }, side.range));
              }
            }
          } else if (!shapeEq(a.shape, b.shape)) {
            this.error(diagnostic('shape-mismatch', { op: 'equate', left: describeShape(a.shape), right: describeShape(b.shape) }, f.range));
          } else {
            settle(a, b.shape);
            settle(b, a.shape);
          }
        }
        return { ...f, operands };
      }
    }
  }

  expr(e: Expr, env: Env): Expr {
    switch (e.kind) {
      case 'Num': return { ...e, shape: e.value === '0' ? ANY : SCALAR };
      case 'Const': return { ...e, shape: e.name === 'I' ? ANY : SCALAR };
      case 'Var': return this.variable(e, env);
      case 'Neg': {
        const arg = this.expr(e.arg, env);
        return { ...e, arg, shape: arg.shape };
      }
      case 'Binary': return this.binary(e, env);
      case 'Transpose': {
        const arg = this.expr(e.arg, env);
        return { ...e, arg, shape: transposeShape(arg.shape) };
      }
      case 'Factorial': {
        const arg = this.expect(this.expr(e.arg, env), 'a factorial', 'a scalar');
        return { ...e, arg, shape: SCALAR };
      }
      case 'Call': return this.call(e, env);
      case 'Abs': {
        const arg = this.expr(e.arg, env);
        if (arg.shape?.kind === 'matrix') {
          this.error(diagnostic('shape-required', { what: '|…|', expected: 'a scalar (write ‖x‖ for the length of a vector)', got: describeShape(arg.shape) }, e.range));
        }
        return { ...e, arg, shape: SCALAR };
      }
      case 'Norm': return { ...e, arg: this.expr(e.arg, env), shape: SCALAR };
      case 'BigOp': {
        const lower = this.expr(e.lower, { ...env, inIndex: true });
        const upper = this.expr(e.upper, { ...env, inIndex: true });
        const locals = new Map(env.locals);
        locals.set(printName(e.index), SCALAR);
        const body = this.expr(e.body, { ...env, locals });
        if (e.op === 'prod' && body.shape?.kind === 'matrix' && !sameDim(body.shape.rows, body.shape.cols)) {
          this.error(diagnostic('shape-required', { what: 'a product ∏', expected: 'scalars or square matrices', got: describeShape(body.shape) }, e.body.range));
        }
        return { ...e, lower, upper, body, shape: body.shape };
      }
      case 'Expect': {
        if (e.op === 'Cov') return this.covariance(e, env);
        const arg = this.expr(e.arg, env);
        if (e.op === 'Var' && arg.shape?.kind === 'matrix') {
          const hint = arg.shape.cols === 1 ? ' (the covariance matrix of a vector is Cov[…])' : '';
          this.error(diagnostic('shape-required', { what: 'Var[…]', expected: `a scalar${hint}`, got: describeShape(arg.shape) }, e.arg.range));
        }
        return { ...e, arg, shape: e.op === 'Var' ? SCALAR : arg.shape };
      }
      case 'Deriv': {
        const wrt = this.expr(e.wrt, env) as Var;
        const body = this.expr(e.body, env);
        return { ...e, wrt, body, shape: derivShape(body.shape, wrt.shape) };
      }
      case 'Grad': {
        const wrt = this.expr(e.wrt, env) as Var;
        const body = this.expect(this.expr(e.body, env), 'a gradient ∇', 'a scalar');
        return { ...e, wrt, body, shape: wrt.shape?.kind === 'matrix' ? wrt.shape : SCALAR };
      }
      case 'Limit': {
        const wrt = this.expr(e.wrt, env) as Var;
        const to = this.expr(e.to, env);
        const body = this.expr(e.body, env);
        return { ...e, wrt, to, body, shape: body.shape };
      }
    }
  }

  /** `Cov[x]` (n×n for x in R^n) and `Cov[x, y]` (n×m): scalars or vectors only. */
  private covariance(e: Extract<Expr, { kind: 'Expect' }>, env: Env): Expr {
    const pair = covPair(e);
    const sides = (pair ?? [e.arg]).map((x) => this.expr(x, env));
    const dims: Dim[] = [];
    for (const x of sides) {
      const sh = x.shape;
      if (sh?.kind === 'matrix' && !sameDim(sh.cols, 1)) {
        this.error(diagnostic('shape-required', { what: 'Cov[…]', expected: 'scalars or vectors', got: describeShape(sh) }, x.range));
        return { ...e, shape: ANY };
      }
      dims.push(sh?.kind === 'matrix' ? sh.rows : 1);
    }
    const [rows, cols] = [dims[0]!, dims[dims.length - 1]!];
    const shape: Shape = sameDim(rows, 1) && sameDim(cols, 1) ? SCALAR : { kind: 'matrix', rows, cols };
    const arg: Expr = pair && e.arg.kind === 'Call' ? { ...e.arg, args: sides, shape: ANY } : sides[0]!;
    return { ...e, arg, shape };
  }

  private expect(x: Expr, what: string, expected: string): Expr {
    if (x.shape?.kind === 'matrix') {
      this.error(diagnostic('shape-required', { what, expected, got: describeShape(x.shape) }, x.range));
    }
    return x;
  }

  private indexExpr(e: Expr, env: Env): Expr {
    return this.expr(e, { ...env, inIndex: true });
  }

  private variable(e: Var, env: Env): Expr {
    const n = e.name;
    const key = printName(n);
    const local = env.locals.get(key);
    if (local) return { ...e, shape: local };
    const found = env.scope.lookup(n);
    if (found) {
      const name: Name = n.index ? { ...n, index: this.indexExpr(n.index, env) } : n;
      if (found.info.kind === 'function') {
        this.error(diagnostic('structure', { reason: `'${key}' is a function: apply it to an argument, as ${key}(x)` }, e.range));
        return { ...e, name, shape: ANY };
      }
      return { ...e, name, shape: found.info.shape };
    }
    if (!n.index && n.primes === 0 && !n.hat) {
      if (n.base === 'e') return { kind: 'Const', name: 'e', range: e.range, shape: SCALAR };
      if (n.base === 'I') return { kind: 'Const', name: 'I', range: e.range, shape: ANY };
      if (n.base === 'π') return { kind: 'Const', name: 'pi', range: e.range, shape: SCALAR };
    }
    if (n.base === 'I' && n.index && n.primes === 0 && !n.hat) {
      const dim: Dim = n.index.kind === 'Num' ? Number(n.index.value) : printExpr(n.index);
      return { kind: 'Const', name: 'I', range: e.range, shape: { kind: 'matrix', rows: dim, cols: dim } };
    }
    if (BUILTIN_FUNCTIONS.has(n.base)) {
      this.error(diagnostic('structure', { reason: `'${n.base}' is a function: apply it to an argument, as ${n.base}(x)` }, e.range));
      return { ...e, shape: ANY };
    }
    if (!isLetterName(n.base)) {
      const product = this.declaredLetters(e, env);
      if (product) return product;
      this.error(diagnostic('unknown-name', { name: n.base, suggestion: splitWord(n.base) }, n.range));
      return { ...e, shape: ANY };
    }
    // An undeclared letter: a scalar, or an integer index when it stands in a subscript.
    const isFamily = n.index !== null;
    const fkey = isFamily ? familyKey(n) : key;
    this.fileScope.set({
      key: fkey, kind: env.inIndex && !isFamily ? 'integer' : 'scalar', shape: SCALAR, family: isFamily, tags: new Set(),
      fn: null, random: false, iid: false, implicit: true, range: e.range,
    });
    const name: Name = n.index ? { ...n, index: this.indexExpr(n.index, env) } : n;
    return { ...e, name, shape: SCALAR };
  }

  /**
   * `gᵀHg` as on paper: a word whose every letter is a declared name (not a function) is
   * their product, the subscript, primes and hat going to the last letter. A word with
   * an undeclared letter (`ab` with no `b`) stays an error.
   */
  private declaredLetters(e: Var, env: Env): Expr | null {
    const letters = [...e.name.base];
    if (letters.length < 2) return null;
    return this.letterProduct(letters, e.name, env);
  }

  /** The product of one-letter declared names spelled by `letters`, decorations on the last; null if any is not one. */
  private letterProduct(letters: readonly string[], decorated: Name, env: Env): Expr | null {
    if (letters.length === 0 || letters.length > 8) return null;
    const start = decorated.range[0];
    let offset = start;
    let out: Expr | null = null;
    for (let i = 0; i < letters.length; i++) {
      const ch = letters[i]!;
      const name: Name = i === letters.length - 1
        ? { ...decorated, base: ch, range: [offset, decorated.range[1]] }
        : { base: ch, index: null, primes: 0, hat: false, range: [offset, offset + ch.length] };
      const found = env.locals.has(printName(name)) ? null : env.scope.lookup(name);
      if (!env.locals.has(printName(name)) && (!found || found.info.kind === 'function' || found.info.implicit)) return null;
      const v = this.variable({ kind: 'Var', name, range: name.range }, env);
      out = out === null ? v : this.product({ kind: 'Binary', op: '*', implicit: true, left: out, right: v, range: [start, name.range[1]] }, out, v);
      offset += ch.length;
    }
    return out;
  }

  private call(e: Extract<Expr, { kind: 'Call' }>, env: Env): Expr {
    const fn = e.fn;
    const key = printName(fn);
    const args = e.args.map((a) => this.expr(a, env));
    const declared = env.scope.get(printName({ ...fn, primes: 0 }));
    if (declared && declared.kind === 'function' && declared.fn) {
      const sig = declared.fn;
      if (args.length !== sig.params.length) {
        this.error(diagnostic('wrong-arity', { name: key, expected: sig.params.length, got: args.length }, e.range));
        return { ...e, args, shape: ANY };
      }
      let shape: Shape = sig.result;
      args.forEach((a, i) => {
        const want = sig.params[i]!;
        if (sig.elementwise && a.shape) {
          shape = a.shape.kind === 'any' ? SCALAR : a.shape;
        } else if (a.shape && !shapeEq(a.shape, want)) {
          this.error(diagnostic('shape-required', { what: `'${key}'`, expected: describeShape(want), got: describeShape(a.shape) }, a.range));
        }
      });
      return { ...e, args, shape };
    }
    if (!declared && BUILTIN_FUNCTIONS.has(fn.base) && fn.primes === 0 && !fn.index) return this.builtin(e, args);
    // Not a function: `δ(1-β)` is a product.
    if (declared || isLetterName(fn.base)) {
      if (args.length !== 1) {
        this.error(diagnostic('not-a-function', { name: key, shape: describeShape(declared?.shape ?? SCALAR) }, fn.range));
        return { ...e, args, shape: ANY };
      }
      const callee = this.variable({ kind: 'Var', name: fn, range: fn.range }, env);
      return this.product({ kind: 'Binary', op: '*', implicit: true, left: callee, right: args[0]!, range: e.range }, callee, args[0]!);
    }
    // `Wσ(h)` as on paper: declared names, then a declared function of the last letter.
    const letters = [...fn.base];
    if (letters.length >= 2 && letters.length <= 8) {
      const lastLetter = letters[letters.length - 1]!;
      const headText = letters.slice(0, -1).join('');
      const fnStart = fn.range[0] + headText.length;
      const lastFn = env.scope.get(printName({ ...fn, base: lastLetter, primes: 0 }));
      if (lastFn?.kind === 'function') {
        const plain: Name = { base: headText, index: null, primes: 0, hat: false, range: [fn.range[0], fnStart] };
        const head = this.letterProduct(letters.slice(0, -1), plain, env);
        if (head) {
          const call = this.call({ ...e, fn: { ...fn, base: lastLetter, range: [fnStart, fn.range[1]] }, range: [fnStart, e.range[1]] }, env);
          return this.product({ kind: 'Binary', op: '*', implicit: true, left: head, right: call, range: e.range }, head, call);
        }
      }
    }
    this.error(diagnostic('unknown-function', { name: fn.base }, fn.range));
    return { ...e, args, shape: ANY };
  }

  private builtin(e: Extract<Expr, { kind: 'Call' }>, args: Expr[]): Expr {
    const name = e.fn.base;
    const arity = name === 'max' || name === 'min' ? -1 : 1;
    if (arity === 1 && args.length !== 1) {
      this.error(diagnostic('wrong-arity', { name, expected: 1, got: args.length }, e.range));
      return { ...e, args, shape: ANY };
    }
    const a = args[0]!;
    switch (name) {
      case 'abs':
        if (a.shape?.kind === 'matrix') {
          this.error(diagnostic('shape-required', { what: 'abs(…)', expected: 'a scalar (write ‖x‖ for the length of a vector)', got: describeShape(a.shape) }, a.range));
        }
        return { kind: 'Abs', arg: a, range: e.range, shape: SCALAR };
      case 'norm': return { kind: 'Norm', arg: a, range: e.range, shape: SCALAR };
      case 'inv': {
        const neg: Expr = { kind: 'Neg', arg: ONE, range: e.range, shape: SCALAR };
        return this.binary({ kind: 'Binary', op: '^', left: a, right: neg, range: e.range }, this.env(), a, neg);
      }
      case 'diag': {
        if (a.shape?.kind === 'matrix' && sameDim(a.shape.cols, 1)) {
          return { ...e, args, shape: { kind: 'matrix', rows: a.shape.rows, cols: a.shape.rows } };
        }
        this.error(diagnostic('shape-required', { what: 'diag(…)', expected: 'a vector', got: describeShape(a.shape) }, a.range));
        return { ...e, args, shape: ANY };
      }
      case 'tr': case 'det': case 'λ_max': {
        if (a.shape?.kind !== 'matrix' || !sameDim(a.shape.rows, a.shape.cols)) {
          this.error(diagnostic('shape-required', { what: `${name}(…)`, expected: 'a square matrix', got: describeShape(a.shape) }, a.range));
        }
        return { ...e, args, shape: SCALAR };
      }
      case 'max': case 'min':
        if (args.length < 2) this.error(diagnostic('wrong-arity', { name, expected: 2, got: args.length }, e.range));
        args.forEach((x) => this.expect(x, `${name}(…)`, 'scalars'));
        return { ...e, args, shape: SCALAR };
      default: {
        const fn = name === 'ln' ? { ...e.fn, base: 'log' } : e.fn;
        // Scalar functions apply elementwise to vectors.
        return { ...e, fn, args, shape: a.shape?.kind === 'matrix' ? a.shape : SCALAR };
      }
    }
  }

  private binary(e: Extract<Expr, { kind: 'Binary' }>, env: Env, left0?: Expr, right0?: Expr): Expr {
    // `x^T` is a transpose unless the base is a scalar and T a declared name (`δ^T`, integer T).
    if (e.op === '^' && !left0 && e.right.kind === 'Var' && e.right.name.base === 'T' && !e.right.name.index && e.right.name.primes === 0) {
      const left = this.expr(e.left, env);
      const tDeclared = env.locals.has('T') || env.scope.get('T') !== undefined;
      if (left.shape?.kind === 'matrix' || !tDeclared) {
        if (left.shape?.kind === 'scalar') {
          this.error(diagnostic('structure', {
            reason: `read ${printExpr(left)}^T as the transpose of a scalar (the scalar itself): declare 'integer T' to make it a power`,
          }, e.right.range, 'warning'));
        }
        return { kind: 'Transpose', arg: left, range: e.range, shape: transposeShape(left.shape) };
      }
      const right = this.expr(e.right, env);
      return { ...e, left, right, shape: SCALAR };
    }
    const left = left0 ?? this.expr(e.left, env);
    const right = right0 ?? this.expr(e.right, env);
    const l = left.shape ?? ANY;
    const r = right.shape ?? ANY;
    const out = { ...e, left, right };
    switch (e.op) {
      case '+': case '-': {
        if (!shapeEq(l, r) || (l.kind === 'scalar' && r.kind === 'matrix') || (l.kind === 'matrix' && r.kind === 'scalar')) {
          const op = e.op === '+' ? 'add' : 'subtract';
          this.error(diagnostic('shape-mismatch', { op, left: describeShape(l), right: describeShape(r) }, e.range));
          return { ...out, shape: ANY };
        }
        for (const [side, other] of [[left, r], [right, l]] as const) {
          if (side.kind === 'Const' && side.name === 'I' && side.shape?.kind === 'any' && other.kind === 'matrix' && !sameDim(other.rows, other.cols)) {
            this.error(diagnostic('shape-required', { what: 'I', expected: 'a square matrix beside it', got: describeShape(other) }, side.range));
          }
        }
        settle(left, r);
        settle(right, l);
        return { ...out, shape: l.kind === 'any' ? r : l };
      }
      case '*': return this.product(out, left, right);
      case '/': {
        if (r.kind === 'matrix') {
          this.error(diagnostic('shape-mismatch', { op: 'divide', left: describeShape(l), right: describeShape(r) }, e.range));
          return { ...out, shape: ANY };
        }
        return { ...out, shape: l };
      }
      case '^': {
        if (r.kind === 'matrix') {
          this.error(diagnostic('shape-required', { what: 'an exponent', expected: 'a scalar', got: describeShape(r) }, right.range));
          return { ...out, shape: ANY };
        }
        if (l.kind === 'matrix') {
          if (!sameDim(l.rows, l.cols)) {
            const hint = sameDim(l.cols, 1) ? ` (for the squared length write ‖${printExpr(left)}‖² or ${printExpr(left)}ᵀ${printExpr(left)})` : '';
            this.error(diagnostic('shape-required', { what: 'a power', expected: `a scalar or a square matrix${hint}`, got: describeShape(l) }, left.range));
            return { ...out, shape: ANY };
          }
          if (!isIntegerLiteral(right) && !this.isIntegerName(right, env)) {
            this.error(diagnostic('shape-required', { what: 'a matrix power', expected: 'a whole-number exponent (or -1 for the inverse)', got: printExpr(right) }, right.range));
          }
        }
        return { ...out, shape: l };
      }
    }
  }

  /** A declared integer (`A^k` with `integer k`). */
  private isIntegerName(e: Expr, env: Env): boolean {
    return e.kind === 'Var' && env.scope.lookup(e.name)?.info.kind === 'integer';
  }

  private product(out: Extract<Expr, { kind: 'Binary' }>, left: Expr, right: Expr): Expr {
    const l = left.shape ?? ANY;
    const r = right.shape ?? ANY;
    if (l.kind === 'scalar') return { ...out, shape: r };
    if (r.kind === 'scalar') return { ...out, shape: l };
    if (l.kind === 'any' && r.kind === 'matrix') {
      if (left.kind === 'Const' && left.name === 'I') left.shape = { kind: 'matrix', rows: r.rows, cols: r.rows };
      return { ...out, shape: r };
    }
    if (r.kind === 'any' && l.kind === 'matrix') {
      if (right.kind === 'Const' && right.name === 'I') right.shape = { kind: 'matrix', rows: l.cols, cols: l.cols };
      return { ...out, shape: l };
    }
    if (l.kind === 'matrix' && r.kind === 'matrix') {
      if (!sameDim(l.cols, r.rows)) {
        this.error(diagnostic('shape-mismatch', { op: 'multiply', left: describeShape(l), right: describeShape(r) }, out.range));
        return { ...out, shape: ANY };
      }
      return { ...out, shape: normShape({ kind: 'matrix', rows: l.rows, cols: r.cols }) };
    }
    return { ...out, shape: ANY };
  }
}

function isExpr(x: Expr | Formula): x is Expr {
  return x.kind !== 'Compare' && x.kind !== 'Logic' && x.kind !== 'TagFact';
}

function isIntegerLiteral(e: Expr): boolean {
  if (e.kind === 'Num') return /^\d+$/.test(e.value);
  return e.kind === 'Neg' && e.arg.kind === 'Num' && /^\d+$/.test(e.arg.value);
}

/** Gives a polymorphic `0` or `I` the shape it meets. */
function settle(e: Expr, other: Shape): void {
  if (e.shape?.kind !== 'any' || other.kind === 'any') return;
  if (e.kind === 'Const' && e.name === 'I') e.shape = other;
  else if (e.kind === 'Num' || e.kind === 'Neg') e.shape = other;
}

function transposeShape(s: Shape | undefined): Shape {
  if (!s || s.kind !== 'matrix') return s ?? ANY;
  return normShape({ kind: 'matrix', rows: s.cols, cols: s.rows });
}

function derivShape(body: Shape | undefined, wrt: Shape | undefined): Shape {
  const b = body ?? ANY;
  const w = wrt ?? ANY;
  if (w.kind !== 'matrix') return b;
  if (b.kind === 'scalar') return w; // ∂f/∂x of a scalar: the gradient, shaped like x
  if (b.kind === 'matrix') return { kind: 'matrix', rows: b.rows, cols: w.rows }; // the Jacobian
  return ANY;
}

function shapeKind(s: Shape | undefined): SymbolInfo['kind'] {
  if (!s || s.kind !== 'matrix') return 'scalar';
  return sameDim(s.cols, 1) ? 'vector' : 'matrix';
}

/** `ab` → `a b or a*b`. */
function splitWord(word: string): string {
  const letters = [...word];
  return `${letters.join(' ')} or ${letters.join('*')}`;
}

export type { Range };
