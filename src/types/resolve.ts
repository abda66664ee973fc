import type {
  Answer, Assume, Call, Chain, Compare, Component, Declare, Define, Derivation, Dim, Expr, Formula, Hint,
  HintItem, MatrixTag, Name, Range, Shape, Show, Statement, Step, Var,
} from '../ast.js';
import { noteStackOverflow } from '../check/stack-overflow.js';
import { notBuiltIn } from '../not-built-in.js';
import { canonicalIndex, formulaExprs, freeNames, visit } from '../ast-walk.js';
import { arityFits, arityText, builtin, builtinFunction, builtinNorm, isBuiltinFunctionName, isElementwise, isExpDefined, type Builtin } from '../builtins.js';
import { diagnostic, type Diagnostic, type Fix } from '../diagnostics.js';
import { table } from '../table.js';
import { GREEK_LETTERS } from '../parse/names.js';
import { isLetterName, printExpr, printFormula, printName } from '../print.js';
import { ANY, SCALAR, Scope, describeShape, familyKey, labelName, vectorShape, type SymbolInfo } from './scope.js';

/** A derivation after resolution: names bound, calls told from products, every node shaped. */
export interface ResolvedFile {
  readonly ast: Derivation;
  /** The scope each statement sees (its section's, or the file's). */
  readonly scopes: ReadonlyMap<Statement, Scope>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Rule names a justification may cite (spaces and hyphens alike, any case). */
/** A rule's name as cited, compared without case, spaces, hyphens or dashes and a closing stop: `Cauchy–Schwarz.` is 'cauchy schwarz'. */
export function ruleKey(name: string): string {
  return name.toLowerCase().replace(/[.!]+$/u, '').replace(/[\s\-\u2010-\u2015]+/gu, ' ').trim();
}

export const KNOWN_RULES = new Set([
  'linearity', 'linearity of expectation', 'chain rule', 'submultiplicativity', 'cauchy schwarz',
  'triangle inequality', 'geometric sum', 'geometric series', 'algebra', 'expand', 'expanding', 'simplify',
  'symmetry', 'product rule', 'quotient rule', 'pythagoras', 'pythagorean theorem', 'induction',
  'empty sum', 'index shift', 'split last term', 'definition',
  // The sum, expectation and congruence rules (src/check/rules/registry.ts).
  'shift the index', 'split the last term', 'split first term', 'split the first term', 'empty product', 'telescoping',
  'telescoping sum', 'combine sums', 'constant factor', 'gauss', 'sum of squares', 'arithmetic sum', 'independence',
  'variance', 'expectation', 'bias', 'congruence', 'equal arguments', 'definition of the norm',
  // The bound rules (src/check/rules/norms.ts).
  'monotonicity', 'operator norm', 'assumption',
  // The case split on signs (src/check/rules/piecewise.ts).
  'cases', 'case split', 'case analysis', 'split into cases', 'definition of abs', 'definition of the absolute value',
  'definition of max', 'definition of min', 'definition of relu',
]);

const ONE: Expr = { kind: 'Num', value: '1', range: [0, 0], shape: SCALAR };

/** Operators written with brackets that people also write with round ones: `E(X)`, `Var(X)`. */
const EXPECTATION_SPELLINGS: Readonly<Record<string, 'E' | 'Var' | 'Cov'>> = table({ E: 'E', '𝔼': 'E', Var: 'Var', Cov: 'Cov' });

/** At most this many letters make a word of declared letters (`gᵀHg`, `λI`, `pq`). */
const MAX_WORD_LETTERS = 8;

/**
 * Binds names, turns `δ(1-β)` into a product, `x^T` into a transpose and `x_i` of a single
 * vector into a component, reads words of declared letters as products, and infers shapes.
 * Definitions of one scope may come in any order: a name used before its definition gets
 * the definition's shape.
 */
export function resolve(ast: Derivation): ResolvedFile {
  return new Resolver().run(ast);
}

/**
 * Resolves one formula or expression against a given scope (grading reads a student's claim in
 * the answer key's scope), with `locals` bound (a sum index, a definition's parameters). The
 * scope is not changed: names the text introduces go to the returned child scope.
 */
export function resolveIn<T extends Expr | Formula>(
  x: T, scope: Scope, locals: ReadonlyMap<string, Shape> = new Map(),
): { value: T; scope: Scope; diagnostics: readonly Diagnostic[] } {
  const child = new Scope(scope);
  const r = new Resolver(child);
  const env: Env = { scope: child, locals, integers: new Set(), inIndex: false };
  const value = (isExpr(x) ? r.expr(x, env) : r.formula(x, env)) as T;
  return { value, scope: child, diagnostics: r.diagnostics };
}

interface Env {
  readonly scope: Scope;
  /** Bound names (sum indices, function parameters, a definition's index): key → shape. */
  readonly locals: ReadonlyMap<string, Shape>;
  /** The bound names that are integers (∑/∏ indices, a recurrence's index). */
  readonly integers: ReadonlySet<string>;
  /** Inside a subscript: undeclared letters there are integer indices. */
  readonly inIndex: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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
  if (dims.length === 1) return normShape(vectorShape(dims[0]!));
  return normShape({ kind: 'matrix', rows: dims[0]!, cols: dims[1]! });
}

const plainName = (base: string, range: Range): Name => ({ base, index: null, primes: 0, hat: false, range });

/** `t`, `t+1`, `t-1`: a subscript that is one integer variable plus a constant (a recurrence's target). */
function indexVariable(index: Expr | null): string | null {
  if (!index) return null;
  if (index.kind === 'Var' && index.name.index === null) return printName(index.name);
  if (index.kind === 'Binary' && (index.op === '+' || index.op === '-') && index.left.kind === 'Var' && index.left.name.index === null
    && index.right.kind === 'Num' && /^\d+$/.test(index.right.value)) {
    return printName(index.left.name);
  }
  return null;
}

/** The definitions of one scope (the file's top, or a section), known before any is resolved. */
interface DefineGroup {
  /** Unresolved definitions by the family key of their target (`u` for u_0, u_t and u). */
  readonly pending: Map<string, Define[]>;
  /** Family keys defined by a recurrence (`define u_t = …`): `u_0` there is a member. */
  readonly families: Set<string>;
  /** Definitions that repeat an earlier one (an error each): resolved, never used. */
  readonly repeats: Set<Define>;
}

class Resolver {
  private readonly diags: Diagnostic[] = [];
  private readonly scopes = new Map<Statement, Scope>();
  private scope: Scope;

  constructor(private readonly fileScope = new Scope()) {
    this.scope = fileScope;
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.diags;
  }
  private seenTitle = false;
  private readonly showNames = new Set<string>();
  private group: DefineGroup = { pending: new Map(), families: new Set(), repeats: new Set() };
  /** The declared names of this scope whose one-letter subscript is a label, not a family's index (`W_h`). */
  private labels: ReadonlySet<string> = new Set();
  private readonly defined = new Map<Define, Define>();
  private readonly resolving = new Set<Define>();
  /** Undeclared letters already warned about as functions. */
  private readonly warnedFunctions = new Set<string>();
  // (A warning given once per file must also be known to mergePartReports, src/check/parts.ts,
  // which keeps the first of a file checked in parts.)

  run(ast: Derivation): ResolvedFile {
    const statements: Statement[] = [];
    const all = ast.statements;
    const fileDeclarations = declarationsAt(all, 0);
    this.labels = labelSubscripts(fileDeclarations);
    this.startGroup(groupAt(all, 0));
    for (let i = 0; i < all.length; i++) {
      const st = all[i]!;
      if (st.kind === 'Section') {
        this.scope = new Scope(this.fileScope);
        this.labels = labelSubscripts([...fileDeclarations, ...declarationsAt(all, i + 1)]);
        this.startGroup(groupAt(all, i + 1));
      }
      try {
        const out = this.statement(st);
        this.scopes.set(out, this.scope);
        statements.push(out);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        noteStackOverflow(err);
        this.diags.push(diagnostic('too-deep-to-check', {}, st.range));
        this.scopes.set(st, this.scope);
        statements.push(st);
      }
    }
    return { ast: { ...ast, statements }, scopes: this.scopes, diagnostics: this.diags };
  }

  private env(locals: ReadonlyMap<string, Shape> = new Map(), integers: ReadonlySet<string> = new Set()): Env {
    return { scope: this.scope, locals, integers, inIndex: false };
  }

  private error(d: Diagnostic): void {
    // (A shape error around a ∇ that took a whole product is that error's echo, not another:
    // `f(x) + ∇_x f(x)ᵀ d + ½ dᵀ ∇²_x f(x) d` also said "cannot add a scalar to a row vector".)
    if (d.code === 'shape-mismatch' && this.gradientProducts.some(([a, b]) => d.range[0] <= a && b <= d.range[1])) return;
    this.diags.push(d);
  }

  /** The ranges of gradients that took a whole product (gradient-product errors). */
  private readonly gradientProducts: Range[] = [];

  // -------------------------------------------------------------------------
  // Definitions in any order

  /**
   * Learns a scope's definitions before resolving it: which families a recurrence
   * defines, and which definitions repeat an earlier one (an error at the second).
   */
  private startGroup(defines: readonly Define[]): void {
    const group: DefineGroup = { pending: new Map(), families: new Set(), repeats: new Set() };
    // Per family: definitions of one member (a_3) by that index, the others in a list; each
    // new one is compared with those it may share a member with (not every pair: a file may
    // define thousands of members).
    const byMember = new Map<string, Map<string, Define>>();
    const general = new Map<string, Define[]>();
    for (const d of defines) {
      // (A name with a label subscript, `W_{hh}`, is a name of its own, no family's member.)
      const label = d.params ? null : this.labelOf(d.target);
      const fam = label ? printName(label) : familyKey(d.target);
      if (!d.params && !label && indexVariable(d.target.index) !== null) group.families.add(fam);
      const list = group.pending.get(fam) ?? [];
      list.push(d);
      group.pending.set(fam, list);
      const members = byMember.get(fam) ?? new Map<string, Define>();
      byMember.set(fam, members);
      const others = general.get(fam) ?? [];
      general.set(fam, others);
      // The same name twice (unless their conditions part: a_t for t ≤ 1 and for t ≥ 2), or two
      // that give one member, in either order (a_0 and a_t for t ≥ 0 both give a_0).
      const literal = !d.params && !label && d.target.index ? wholeLiteral(d.target.index) : null;
      const candidates = literal !== null
        ? [...(members.has(String(literal)) ? [members.get(String(literal))!] : []), ...others]
        : [...others, ...members.values()];
      let first: Define | undefined;
      let at: bigint | null = null;
      for (const o of candidates) {
        const shared = sharedIndex(o, d);
        if (shared !== null) {
          first = o;
          at = shared === 'unknown' ? null : shared;
          break;
        }
      }
      if (first) {
        group.repeats.add(d);
        const member = at === null ? undefined : `${familyKey(d.target)}_${at < 0n ? `{${at}}` : at}`;
        const both = member && printName(first.target) !== printName(d.target) && printName(first.target) !== member ? `, which gives ${member} too` : '';
        const conditions = at === null && !!first.condition && !!d.condition;
        this.error(diagnostic('defined-twice', { name: printName(d.target), ...(member ? { member } : {}), ...(conditions ? { conditions } : {}) }, d.target.range, {
          notes: [{ message: `the first definition of ${printName(first.target)}${both}`, range: first.target.range }],
        }));
      } else if (literal !== null) {
        members.set(String(literal), d);
      } else {
        others.push(d);
      }
    }
    this.group = group;
  }

  /** The shape of a name declared on its own as a member of the family `base` at a whole index (`v_0`), or null. */
  private declaredMemberShape(base: string): Shape | null {
    for (const info of this.scope.all()) {
      if (info.family || info.implicit || info.kind === 'function' || !info.key.startsWith(`${base}_`)) continue;
      if (/^(\d+|\{\d+\})$/u.test(info.key.slice(base.length + 1))) return info.shape;
    }
    return null;
  }

  /**
   * `n!` with n a real scalar (undeclared, or declared `scalar`): a factorial has a value only
   * at whole numbers, so almost no sampled point had one, and the step was unknown with a note
   * that read as if n! had no value at n = 0. Says to declare the name an integer.
   */
  private warnRealFactorial(arg: Expr, env: Env): void {
    if (arg.kind !== 'Var' || arg.name.index || arg.name.primes > 0) return;
    const name = printName(arg.name);
    if (env.integers.has(name) || env.locals.has(name) || env.inIndex) return;
    const info = env.scope.lookup(arg.name)?.info;
    if (!info || info.kind !== 'scalar' || info.family || info.random || info.shape.kind !== 'scalar') return;
    const fam = familyKey(arg.name);
    if (this.group.pending.has(fam) || [...this.defined.values()].some((d) => familyKey(d.target) === fam)) return;
    this.error(diagnostic('factorial-of-real', { name }, arg.range));
  }

  /**
   * Resolves the definitions a use of `n` needs that are not resolved yet. A member at a
   * constant, `f_1` or `f_{0+1}`, needs its own and the family's (`f_t`), not another member's;
   * so does a call of a plain name, `f(z)` (`call`), its own. (Under define f_1(z), f_2(z) =
   * f_1(z) + 1, f_3(z) = f_2(z) + 1, f_1's call in f_2's body resolved f_3 while f_2 was not yet
   * defined, read f_2(z) there as f_2 · z, and proved f_3(0) = 1 — red teams rt135, rt136.)
   */
  private ensureDefined(n: Name, call = false): void {
    const list = this.group.pending.get(familyKey(n));
    if (!list) return;
    const member = n.index === null ? (call ? memberKey(n) : null) : memberKey(n);
    const needed = (d: Define): boolean => {
      if (member === null) return true;
      const of = memberKey(d.target);
      return of === null || of === member;
    };
    for (const d of [...list]) if (!this.resolving.has(d) && needed(d)) this.define(d);
  }

  /** A definition of `fn` (a function's, by its exact name) that is being read now: a use of fn inside it reaches itself. */
  private definitionInProgress(fn: Name): Define | null {
    const key = printName({ ...fn, primes: 0 });
    for (const d of this.resolving) if (d.params && printName({ ...d.target, primes: 0 }) === key) return d;
    return null;
  }

  private define(st: Define): Define {
    const done = this.defined.get(st);
    if (done) return done;
    this.resolving.add(st);
    try {
      const out = this.defineNow(st);
      this.defined.set(st, out);
      const list = this.group.pending.get(familyKey(st.target));
      if (list) {
        const i = list.indexOf(st);
        if (i >= 0) list.splice(i, 1);
      }
      return out;
    } finally {
      this.resolving.delete(st);
    }
  }

  private defineNow(st: Define): Define {
    const target = st.target;
    const repeat = this.group.repeats.has(st);
    const plain = !target.index && target.primes === 0 && !target.hat && !target.bar;
    if (plain && (isBuiltinFunctionName(target.base) || target.base === 'π')) {
      this.error(diagnostic('builtin-redefined', { name: target.base }, target.range));
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
      // (`define f_t(z) = f_{t-1}(z) + 1 for t ≥ 2`: a function family by recurrence, which is not
      // built; it said f_t(…) "has no index", red team rt136.)
      if (st.condition && target.index !== null) this.error(diagnostic('function-family', { name: `${printName(target)}(…)` }, st.condition.range));
      else if (st.condition) this.error(diagnostic('condition-without-index', { name: `${printName(target)}(…)` }, st.condition.range));
      if (!repeat) {
        this.scope.set({
          key: printName(target), kind: 'function', shape: SCALAR, family: false, tags: new Set(),
          fn: { params: params.map((p) => p.shape!), result: value.shape ?? ANY, elementwise: false },
          random: false, iid: false, implicit: false, range: target.range,
        });
      }
      return { ...st, params, value };
    }
    // A name declared with a label subscript (`define W_{hh} = …`, `W_h` beside `W_x`) is
    // defined as that name: its subscript is no index.
    const labelled = this.scope.getSingle(printName(target)) ? null : this.labelOf(target);
    const declaredLabel = labelled ? this.scope.getSingle(printName(labelled)) : undefined;
    const label = labelled && (declaredLabel ? !declaredLabel.implicit : [...printName(labelled)].length > 1) ? { ...labelled, range: target.range } : null;
    // A recurrence's index variable (`v_t … for t ≥ 1`) is bound in it, an integer.
    const indexVar = label ? null : indexVariable(target.index);
    const locals = new Map<string, Shape>();
    if (indexVar) locals.set(indexVar, SCALAR);
    const env = this.env(locals, new Set(indexVar ? [indexVar] : []));
    const value = this.expr(st.value, env);
    const condition = st.condition ? (this.formula(st.condition, env) as Compare) : null;
    if (st.condition && !indexVar) this.error(diagnostic('condition-without-index', { name: printName(target) }, st.condition.range));
    const out: Define = label ? { ...st, target: label, value, condition } : { ...st, value, condition };
    if (repeat) return out;
    // What the target names: a declared name as written (`x_0`), else a member of a family
    // (declared, or defined by a recurrence here: `define u_0 = 0` with `define u_t = …`),
    // else a new name (a family when the subscript is a variable).
    const fam = familyKey(target);
    const exact = label ? declaredLabel : this.scope.getSingle(printName(target));
    const family = !label && target.index !== null && !(exact && !exact.implicit)
      && (indexVar !== null || this.group.families.has(fam) || this.scope.getFamily(fam) !== undefined);
    const key = family ? fam : printName(label ?? target);
    const found = family ? this.scope.getFamily(fam) : exact;
    const shape: Shape = value.shape?.kind === 'any' || !value.shape ? SCALAR : value.shape;
    if (found && !found.implicit) {
      // A multiple of I (`define M_0 = 0 I`) takes the declared square matrix's size; a
      // matrix that is not square has no identity.
      if (value.shape?.kind === 'any' && found.shape.kind === 'matrix' && sameDim(found.shape.rows, found.shape.cols)) settleIdentity(value, found.shape);
      else if (value.shape?.kind === 'any' && found.shape.kind === 'matrix' && identityMultiple(value)) {
        this.error(diagnostic('shape-required', { what: 'I', expected: 'a square matrix beside it', got: describeShape(found.shape) }, st.value.range));
        return out;
      }
      if (found.kind === 'function') {
        this.error(diagnostic('define-function', { name: printName(target) }, target.range));
      } else if (value.shape && !shapeEq(found.shape, value.shape)) {
        this.error(diagnostic('define-shape', {
          name: printName(target), declared: describeShape(found.shape), defined: describeShape(value.shape),
        }, st.value.range));
      }
      return out;
    }
    if (!isLetterName(target.base) && !found && !this.group.families.has(fam)) {
      // (A word with `_` in it, `define __proto__ = 5`, is no product of letters to suggest.)
      this.error([...target.base].every((l) => /\p{L}/u.test(l))
        ? diagnostic('unknown-name', { name: target.base, suggestion: splitWord(target.base) }, target.range, { fixes: wordFixes(target.base, target.range) })
        : diagnostic('undeclared-word', { name: target.base }, target.range));
    }
    this.scope.set({
      key, kind: shapeKind(shape), shape, family, tags: new Set(), fn: null, random: false, iid: false, implicit: false,
      range: target.range,
    });
    // (Not declared, and made a scalar by a definition whose value has no shape of its own,
    // `define h_0 = 0`, where 0 is the zero of any shape.)
    if (shape.kind === 'scalar' && (value.shape?.kind === 'any' || !value.shape || st.value.kind === 'Num')) this.definedOnly.add(key);
    return out;
  }

  /** Names no declaration gives, that a definition of a bare number made scalars (`define h_0 = 0`), by key: a shape error's likely cause. */
  private readonly definedOnly = new Set<string>();

  // -------------------------------------------------------------------------
  // Statements

  private statement(st: Statement): Statement {
    switch (st.kind) {
      case 'Title':
        if (this.seenTitle) this.error(diagnostic('second-title', {}, st.range));
        this.seenTitle = true;
        return st;
      case 'Section':
        this.sectionCount++;
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
    // (R^1 and R^{1×1} are declared as such but are scalars: 1×1 is a scalar everywhere.)
    const single = (st.space?.dims ?? []).length > 0 && (st.space?.dims ?? []).every((d) => sameDim(d, 1));
    if (st.declKind === 'vector' && !single && (shape.kind !== 'matrix' || !sameDim(shape.cols, 1))) {
      this.error(diagnostic('bad-space', { kind: 'vector', example: "R^n, e.g. 'vector x in R^n'" }, st.space?.range ?? st.range));
    }
    if (st.declKind === 'matrix' && !single && shape.kind !== 'matrix') {
      this.error(diagnostic('bad-space', { kind: 'matrix', example: "R^{n×m}, e.g. 'matrix W in R^{n×n}'" }, st.space?.range ?? st.range));
    }
    for (const space of [st.space, st.codomain]) {
      for (const d of space?.dims ?? []) {
        if (typeof d === 'number' && (d < 1 || !Number.isInteger(d))) this.error(diagnostic('bad-dimension', { dim: String(d) }, space!.range));
      }
    }
    if (st.tags.length > 0 && !single && !(shape.kind === 'matrix' && sameDim(shape.rows, shape.cols))) {
      this.error(diagnostic('shape-required', { what: `'${st.tags[0]}'`, expected: 'a square matrix', got: describeShape(shape) }, st.space?.range ?? st.range));
    }
    const names: Name[] = [];
    for (const written of st.names) {
      // A subscript that is a label (`W_h` beside `W_x` or a vector h, `W_{hh}`) is part of the name.
      const label = this.labelOf(written);
      const name = label ?? written;
      names.push(name);
      if (st.declKind === 'function' && isBuiltinFunctionName(name.base) && name.primes === 0 && !name.hat && !name.index) {
        this.error(diagnostic('builtin-redeclared', { name: name.base }, name.range));
        continue;
      }
      // (`scalar x, sin`: sin(x) then reads as sin times x, with no word said — red team rt78.)
      if (st.declKind !== 'function' && isBuiltinFunctionName(name.base) && name.primes === 0 && !name.hat && !name.index) {
        this.error(diagnostic('builtin-as-name', { name: name.base, kind: st.declKind }, name.range));
      }
      const family = name.index !== null && name.index.kind === 'Var' && name.index.name.index === null;
      const key = family ? familyKey(name) : printName(name);
      const kind = st.declKind === 'random'
        ? (single ? ((st.space?.dims ?? []).length === 1 ? 'vector' : 'matrix') : shape.kind === 'scalar' ? 'scalar' : sameDim((shape as { cols: Dim }).cols, 1) ? 'vector' : 'matrix')
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
      const prior = this.scope.own(key, family);
      if (prior && !prior.implicit && !(st.declKind === 'random' && shapeEq(prior.shape, shape))) {
        this.error(diagnostic('duplicate-declaration', { name: printName(name) }, name.range));
      } else {
        // (Two random declarations of one name: the later one's moments are used, silently so far.)
        if (prior?.random && st.declKind === 'random' && st.facts.length > 0) {
          this.error(diagnostic('random-redeclared', { name: printName(name) }, name.range, {
            notes: [{ message: `the first declaration of ${printName(name)}`, range: prior.range }],
          }));
        }
        this.scope.set(info);
      }
    }
    const facts = st.facts.map((f) => this.formula(f, this.env()));
    return { ...st, names, facts };
  }

  /**
   * The one name a declared name is when its subscript is a label rather than a family's
   * index: a word of several letters (`W_{hh}`), or a letter this scope's declarations show is
   * no index (`labelSubscripts`); null for a family (`g_t`) or a numbered name (`x_0`).
   */
  private labelOf(n: Name): Name | null {
    const label = labelName(n);
    if (!label || !n.index || n.index.kind !== 'Var') return null;
    return [...n.index.name.base].length > 1 || this.labels.has(printName(n)) ? label : null;
  }

  /** Sections seen so far (0: the file's top). */
  private sectionCount = 0;

  /** Names an assumption without `for all` reads, where first (`assume z > 0`), and in which section. */
  private readonly freelyAssumed = new Map<string, { range: Range; section: number }>();

  private assume(st: Assume): Assume {
    const conditions = st.conditions.map((c) => {
      const locals = new Map<string, Shape>();
      for (const v of c.forAll) locals.set(printName(v.name), this.forAllShape(v.name));
      // (`assume z > 0` and then `… for all z`: the for-all z is every z, which the earlier
      // assumption about a free z does not restrict — rt74 found f(−1) ≥ 0 proved so.)
      for (const v of c.forAll) {
        const prior = this.freelyAssumed.get(printName(v.name));
        if (prior && (prior.section === 0 || prior.section === this.sectionCount)) {
          this.error(diagnostic('for-all-name-assumed', { name: printName(v.name) }, v.range, {
            notes: [{ message: `the assumption about ${printName(v.name)}`, range: prior.range }],
          }));
        }
      }
      if (c.forAll.length === 0) {
        for (const e of formulaExprs(c.formula)) {
          for (const v of freeNames(e)) if (!this.freelyAssumed.has(printName(v.name))) this.freelyAssumed.set(printName(v.name), { range: c.range, section: this.sectionCount });
        }
      }
      const formula = this.formula(c.formula, this.env(locals));
      if (formula.kind === 'TagFact' && formula.subject.kind === 'Var') this.addTag(formula.subject, formula.tag);
      // A condition on the for-all names alone that the line's later `for all` covers (`assume
      // z > 0, f(z) ≥ 0 for all z`), or joined by 'and' to one that reads more (`z > 0 and f(z) ≥ 0
      // for all z`): meant as where the other holds, which an assumption cannot say; read as a
      // fact about every z it is false, and f(−3) ≥ 0 was proved. The error spans the conditions
      // under the same `for all`, so they are left out with it. (Written with its own `for all`,
      // `assume z² ≤ 1 for all z` is a claim about every z, false or true, checked as such.)
      const names = c.forAll.map((v) => printName(v.name)).join(', ');
      const bound = new Set(c.forAll.map((v) => printName(v.name)));
      const parts = conjuncts(formula);
      const restricting = c.covered && readsOnly(formula, bound) ? formula
        : parts.length > 1 && !parts.every((f) => readsOnly(f, bound)) ? parts.find((f) => readsOnly(f, bound)) : undefined;
      if (c.forAll.length > 0 && restricting) {
        const end = Math.max(...st.conditions.filter((d) => d.forAll.map((v) => printName(v.name)).join(', ') === names).map((d) => d.range[1]));
        // (One written before the comma, `assume t ≥ 1, |g_t| ≤ G for all t`, may be an
        // assumption of its own: said how to write it so, as after it, red team rt132.)
        this.error(diagnostic('for-all-condition', { condition: printFormula(restricting), names, ...(c.apart ? { apart: true } : {}) }, [restricting.range[0], Math.max(end, formula.range[1])]));
      }
      return { ...c, formula, forAll: c.forAll.map((v) => ({ ...v, shape: locals.get(printName(v.name))! })) };
    });
    return { ...st, conditions };
  }

  /**
   * What a `for all` name ranges over: a scalar, or the vectors (matrices) of a declared
   * single vector's (matrix's) space (`vector u in R^n`, `assume ‖∇_u L(u)‖ ≤ G for all u`).
   */
  private forAllShape(n: Name): Shape {
    const info = this.scope.lookup(n)?.info;
    return info && !info.implicit && !info.family && (info.kind === 'vector' || info.kind === 'matrix') ? info.shape : SCALAR;
  }

  private addTag(subject: Var, tag: MatrixTag): void {
    const found = this.scope.lookup(subject.name);
    if (!found) return;
    const tags = new Set(found.info.tags);
    tags.add(tag);
    this.scope.set({ ...found.info, tags });
  }

  private show(st: Show): Show {
    if (st.name !== null) {
      if (this.showNames.has(st.name)) this.error(diagnostic('show-name-reused', { name: st.name }, st.range));
      this.showNames.add(st.name);
    }
    const env = this.env();
    const forAll = st.forAll ? (this.formula(st.forAll, env) as Compare) : null;
    const claim = this.formula(st.claim, env);
    const limit = st.limit ? { wrt: this.variableOf(st.limit.wrt, env), to: this.expr(st.limit.to, env) } : null;
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
      limit: s.limit ? { wrt: this.variableOf(s.limit.wrt, env), to: this.expr(s.limit.to, env) } : null,
    }));
    // Each step's two sides must have one shape.
    let prev = head;
    for (const s of steps) {
      if (prev && s.rhs && isExpr(prev) && isExpr(s.rhs) && prev.shape && s.rhs.shape) {
        if (!shapeEq(prev.shape, s.rhs.shape)) {
          // (Not where a side's shape comes from a ∇ that took a whole product: that error says it.)
          if (![prev, s.rhs].some((side) => this.gradientProducts.some(([a, b]) => side.range[0] <= a && b <= side.range[1]))) {
            this.error(diagnostic('shape-mismatch', { op: 'equate', left: describeShape(prev.shape), right: describeShape(s.rhs.shape) }, s.relRange));
          }
        } else {
          settleSides(prev, s.rhs);
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
      if (it.kind === 'rule' && !KNOWN_RULES.has(ruleKey(it.name))) {
        this.error(diagnostic('unknown-rule', { rule: it.name }, it.range));
      }
      // (`by def q` where nothing defines q was taken without a word, red team rt115.)
      if (it.kind === 'def') {
        for (const n of it.names) {
          const fam = familyKey(n);
          if (!this.group.pending.has(fam) && ![...this.defined.values()].some((d) => familyKey(d.target) === fam)) {
            this.error(diagnostic('unknown-definition', { name: printName(n) }, n.range));
          }
        }
      }
    }
    const items: HintItem[] = h.items.map((it) => {
      if (it.kind !== 'fact') return it;
      // Words that read as a fact of unknown names (`by AM–GM with n = 2`, `by the fact that
      // a² ≥ 0`) are words: a justification runs to the end of the line (LANGUAGE.md §1),
      // so they are a rule name the checker does not know (a warning), not errors.
      const before = this.diags.length;
      const formula = this.formula(it.formula, env);
      const fresh = this.diags.slice(before);
      if (fresh.some((d) => d.code === 'unknown-name' || d.code === 'undeclared-word')) {
        this.diags.length = before;
        const name = h.text;
        this.error(diagnostic('unknown-rule', { rule: name }, it.range));
        return { kind: 'rule', name, range: it.range };
      }
      return { ...it, formula };
    });
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
        if (subject.shape?.kind !== 'matrix' || !sameDim(subject.shape.rows, subject.shape.cols)) {
          this.error(diagnostic('shape-required', { what: `'${f.tag}'`, expected: 'a square matrix', got: describeShape(subject.shape) }, f.subject.range));
        }
        return { ...f, subject };
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
            settleSides(a, b);
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
        // `AB⁻ᵀ` (parsed as the transpose of a −1 power, one postfix): the letter before it takes
        // both, A · B⁻ᵀ; it was (A B⁻¹)ᵀ (red team rt112).
        const inv = e.arg;
        if (inv.kind === 'Binary' && inv.op === '^' && inv.range[0] === e.range[0] && inv.range[1] === e.range[1] && inv.left.kind === 'Var'
          && inv.right.kind === 'Neg' && inv.right.arg.kind === 'Num' && inv.right.arg.value === '1') {
          const minusOne = inv.right;
          const split = this.splitPostfix(e, inv.left, env, (last) => ({ ...e, arg: { ...inv, left: last } }), (last) => {
            const range: Range = [last.range[0], e.range[1]];
            const neg: Expr = { ...minusOne, shape: SCALAR };
            const inverse = this.binary({ kind: 'Binary', op: '^', left: last, right: neg, range }, env, last, neg);
            return { kind: 'Transpose', arg: inverse, range, shape: transposeShape(inverse.shape) };
          });
          if (split) return split;
        }
        const split = this.splitPostfix(e, e.arg, env, (last) => ({ ...e, arg: last }));
        if (split) return split;
        const arg = this.expr(e.arg, env);
        // (`1ᵀ x` for the sum of x's entries read as 1·x, a vector, and the step said only that
        // its sides had different shapes.)
        if (isOne(e.arg)) this.error(diagnostic('number-transposed', { number: e.arg.value }, e.range));
        return { ...e, arg, shape: transposeShape(arg.shape) };
      }
      case 'Factorial': {
        const split = this.splitPostfix(e, e.arg, env, (last) => ({ ...e, arg: last }));
        if (split) return split;
        const arg = this.expect(this.expr(e.arg, env), 'a factorial', 'a scalar');
        this.warnRealFactorial(arg, env);
        return { ...e, arg, shape: SCALAR };
      }
      case 'Call': {
        const pre = this.preResolved.get(e);
        if (pre) {
          this.preResolved.delete(e);
          return pre;
        }
        return this.call(e, env);
      }
      case 'Abs': {
        const arg = this.expr(e.arg, env);
        if (arg.shape?.kind === 'matrix') {
          this.error(diagnostic('shape-required', { what: '|…|', expected: 'a scalar (write ‖x‖ for the length of a vector)', got: describeShape(arg.shape) }, e.range));
        }
        return { ...e, arg, shape: SCALAR };
      }
      case 'Norm': {
        const arg = this.expr(e.arg, env);
        const row = builtinNorm(e.sub);
        if (!row) this.error(diagnostic('unknown-norm', { sub: e.sub ?? '' }, e.range));
        return { ...e, arg, sub: row && row.name !== 'norm' ? e.sub ?? null : null, shape: SCALAR };
      }
      case 'Component': {
        // (`W_{2,1}` of a matrix declared in R^{3×1}: two indices, as W_{21}.)
        const info = env.locals.has(printName(e.of.name)) ? undefined : env.scope.getSingle(printName(e.of.name));
        return this.entry(e.of, e.indices, e, env, info?.kind === 'matrix' && !info.family);
      }
      case 'BigOp': {
        const lower = this.expr(e.lower, { ...env, inIndex: true });
        const upper = this.expr(e.upper, { ...env, inIndex: true });
        const key = printName(e.index);
        const locals = new Map(env.locals);
        locals.set(key, SCALAR);
        const body = this.expr(e.body, { ...env, locals, integers: new Set([...env.integers, key]) });
        if (e.op === 'prod' && body.shape?.kind === 'matrix' && !sameDim(body.shape.rows, body.shape.cols)) {
          this.error(diagnostic('shape-required', { what: 'a product ∏', expected: 'scalars or square matrices', got: describeShape(body.shape) }, e.body.range));
        }
        return { ...e, lower, upper, body, shape: body.shape };
      }
      case 'Expect': return this.expectation(e, env);
      case 'Deriv': {
        // `\frac{d σ²}{d n}` with `scalar d` declared (a dimension): the quotient of products, as
        // written, with a warning; an upright d (`\mathrm{d}`) is always the derivative's.
        const d = e.leibniz && !env.locals.has('d') ? env.scope.get('d') : undefined;
        if (d && !d.implicit && !d.family && d.kind !== 'function') {
          const dAt = (at: number): Expr => ({ kind: 'Var', name: { base: 'd', index: null, primes: 0, hat: false, range: [at, at + 1] }, range: [at, at + 1] });
          const top: Expr = { kind: 'Binary', op: '*', implicit: true, left: dAt(e.range[0]), right: e.body, range: [e.range[0], e.body.range[1]] };
          const bottom: Expr = { kind: 'Binary', op: '*', implicit: true, left: dAt(e.wrt.range[0] - 1), right: e.wrt, range: [e.wrt.range[0] - 1, e.wrt.range[1]] };
          const body = e.body.kind === 'Binary' && (e.body.op === '+' || e.body.op === '-') ? `(${printExpr(e.body)})` : printExpr(e.body);
          this.error(diagnostic('reading', {
            written: printExpr(e), reading: `(d ${body})/(d ${printExpr(e.wrt)}), since d is declared`,
            other: `\\frac{\\mathrm{d}}{\\mathrm{d}${printExpr(e.wrt)}} ${body}`,
          }, e.range));
          return this.expr({ kind: 'Binary', op: '/', left: top, right: bottom, range: e.range }, env);
        }
        const wrt = this.variableOf(e.wrt, env);
        // (∇²_x e is ∂/∂x ∇_x e over the same range: its gradient says ∇² in a message.)
        const hessian = e.partial && e.body.kind === 'Grad' && e.body.range[0] === e.range[0] && e.body.range[1] === e.range[1];
        const body = hessian ? this.gradient(e.body as Extract<Expr, { kind: 'Grad' }>, env, '∇²') : this.expr(e.body, env);
        return { ...e, wrt, body, shape: derivShape(body.shape, wrt.shape) };
      }
      case 'Grad': return this.gradient(e, env, '∇');
      case 'Limit': {
        const wrt = this.variableOf(e.wrt, env);
        const to = this.expr(e.to, env);
        const body = this.expr(e.body, env);
        return { ...e, wrt, to, body, shape: body.shape };
      }
    }
  }

  /** `E[x]`, `Var[x]`, `Cov[x, y]`: arity and shapes from the table of built-ins. */
  private expectation(e: Extract<Expr, { kind: 'Expect' }>, env: Env): Expr {
    const arg = this.expr(e.arg, env);
    const second = e.second ? this.expr(e.second, env) : undefined;
    const row = builtin(e.op)!;
    const args = second ? [arg, second] : [arg];
    if (!arityFits(row, args.length)) {
      this.error(diagnostic('wrong-arity', { name: `${e.op}[…]`, expected: arityText(row), got: args.length }, e.range));
      return { ...e, arg, ...(second ? { second } : {}), shape: ANY };
    }
    const r = row.shape(args.map((a) => a.shape ?? ANY));
    if ('expected' in r) {
      const bad = args[r.arg]!;
      this.error(diagnostic('shape-required', { what: `${e.op}[…]`, expected: r.expected, got: describeShape(bad.shape) }, bad.range));
      return { ...e, arg, ...(second ? { second } : {}), shape: ANY };
    }
    return { ...e, arg, ...(second ? { second } : {}), shape: r.shape };
  }

  /**
   * The variable of a derivative, gradient or limit: it stays a name (`d/de` is about a name
   * e, `d/dxy` about a word), whatever the name would read as elsewhere.
   */
  private variableOf(v: Var, env: Env): Var {
    const r = this.expr(v, env);
    return r.kind === 'Var' ? r : { ...v, shape: r.shape ?? ANY };
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

  /** A name's symbol: declared, or defined anywhere in this scope (its definition resolved first if need be). */
  private lookup(n: Name, env: Env): ReturnType<Scope['lookup']> {
    const found = env.scope.lookup(n);
    if (found && !found.info.implicit) return found;
    this.ensureDefined(n);
    return env.scope.lookup(n);
  }

  private variable(e: Var, env: Env): Expr {
    const n = e.name;
    const key = printName(n);
    const local = env.locals.get(key);
    if (local) return { ...e, shape: local };
    const found = this.lookup(n, env);
    if (found) {
      // A name declared with a label subscript (`W_h`, `W_{hh}`) is that name: its subscript is no index.
      const label = n.index && !found.info.family ? labelName(n) : null;
      const name: Name = label && printName(label) === found.info.key ? { ...label, range: n.range }
        : n.index ? { ...n, index: this.indexExpr(n.index, env) } : n;
      if (found.info.kind === 'function') {
        this.error(diagnostic('function-without-argument', { name: key }, e.range));
        return { ...e, name, shape: ANY };
      }
      return { ...e, name, shape: found.info.shape };
    }
    // `x_i` of a single vector, `A_{ij}` of a single matrix (a local one too).
    if (n.index) {
      const baseKey = familyKey(n);
      const localShape = env.locals.get(baseKey);
      const single = localShape ? null : env.scope.getSingle(baseKey);
      const shape = localShape ?? (single && single.kind !== 'function' ? single.shape : null);
      if (shape?.kind === 'matrix') {
        const of: Var = { kind: 'Var', name: { ...n, index: null, range: [n.range[0], n.range[0] + n.base.length] }, range: [e.range[0], e.range[0] + n.base.length], shape };
        const declaredMatrix = !localShape && single?.kind === 'matrix';
        return this.entry(of, componentIndices(n.index, shape, declaredMatrix), e, env, declaredMatrix);
      }
      // A vector declared in R^1 or a matrix in R^{1×1} is a scalar: x_1 and A_{11} are it.
      if (!localShape && single && !single.family && (single.kind === 'vector' || single.kind === 'matrix') && shape?.kind === 'scalar') {
        const one = single.kind === 'vector' ? '1' : '11';
        const of: Var = { kind: 'Var', name: { ...n, index: null, range: [n.range[0], n.range[0] + n.base.length] }, range: e.range, shape: SCALAR };
        if (printExpr(n.index).replace(/[\s,]/gu, '') === one) return of;
        this.error(diagnostic('component-of-single', { name: n.base, space: single.kind === 'vector' ? 'R^1' : 'R^{1×1}', only: `${n.base}_${single.kind === 'vector' ? '1' : '{11}'}`, what: single.kind === 'vector' ? 'component' : 'entry' }, e.range));
        return { ...e, shape: ANY };
      }
    }
    if (!n.index && n.primes === 0 && !n.hat && !n.bar) {
      if (n.base === 'e') return { kind: 'Const', name: 'e', range: e.range, shape: SCALAR };
      if (n.base === 'I') return { kind: 'Const', name: 'I', range: e.range, shape: ANY };
      if (n.base === 'π') return { kind: 'Const', name: 'pi', range: e.range, shape: SCALAR };
    }
    if (n.base === 'I' && n.index && n.primes === 0 && !n.hat) {
      const dim: Dim = n.index.kind === 'Num' ? Number(n.index.value) : printExpr(n.index);
      // (I_1 is 1: a 1×1 matrix is a scalar.)
      if (dim === 1) return { kind: 'Num', value: '1', range: e.range, shape: SCALAR };
      return { kind: 'Const', name: 'I', range: e.range, shape: { kind: 'matrix', rows: dim, cols: dim } };
    }
    if (isBuiltinFunctionName(n.base)) {
      this.error(diagnostic('function-without-argument', { name: n.base }, e.range));
      return { ...e, shape: ANY };
    }
    // `Var X`, `Cov X` for Var[X], Cov[X] (a word that otherwise reads as V·a·r).
    const moment = n.base === 'Var' ? 'variance' : n.base === 'Cov' ? 'covariance' : null;
    // (The argument is not known here: the message shows brackets around what follows.)
    if (moment && !n.index && n.primes === 0) {
      this.error(diagnostic('moment-without-brackets', { name: n.base, what: moment }, e.range));
      return { ...e, shape: ANY };
    }
    // `E X` for E[X] where random names are declared: E is read as a number (a warning).
    if (n.base === 'E' && !n.index && n.primes === 0 && !env.inIndex && this.scope.all().some((i) => i.random)) {
      this.error(diagnostic('bare-expectation', {}, e.range));
      // (Not declared by this use: a later E(X) is still the expectation.)
      return { ...e, shape: SCALAR };
    }
    if (!isLetterName(n.base)) {
      const known = !this.scope.get(n.base) && !n.hat && !n.bar && !env.inIndex ? notBuiltIn(n.base, null) : null;
      if (known) {
        this.error(diagnostic('not-built-in', { name: n.base, inverse: known.inverse, ...(known.instead ? { instead: known.instead } : {}) }, n.range));
        return { ...e, shape: ANY };
      }
      const product = this.declaredLetters(e, env);
      if (product) return product;
      // (`assume f(z) ≥ 0 if |z| < 1`: not "write i f or i*f".)
      if (CONDITION_WORDS.has(n.base) && !this.scope.get(n.base)) {
        this.error(diagnostic('condition-word', { word: n.base }, n.range));
        return { ...e, shape: ANY };
      }
      // (A word declared on its own, `scalar lam` read at lam_1, is no shortened Greek letter.)
      const declared = this.scope.get(n.base) !== undefined;
      // (A word of declared names, one of several letters among them: `costx` under scalar
      // cost, x is `cost x`, not cos(t x), red team rt117.)
      const names = !n.hat && !n.bar && !env.inIndex ? this.declaredNames(n.base) : null;
      this.error([...n.base].every((l) => /\p{L}/u.test(l))
        ? diagnostic('unknown-name', { name: n.base, suggestion: n.hat || n.bar ? accentedLetters(n) : names ?? splitWord(n.base, declared, env.inIndex) }, n.range,
          { fixes: n.hat || n.bar ? [] : names ? [{ message: `write ${names}`, edits: [{ range: rangeOfBase(n), text: names }] }] : wordFixes(n.base, rangeOfBase(n), declared, env.inIndex) })
        : diagnostic('undeclared-word', { name: key }, n.range));
      return { ...e, shape: ANY };
    }
    // An undeclared letter: a scalar, or an integer index when it stands in a subscript.
    const isFamily = n.index !== null;
    // (An undeclared d outside dy/dx is most likely a derivative written another way: (d y)/(d x), d sin(x)/d x.)
    if (n.base === 'd' && !isFamily && n.primes === 0 && !env.inIndex) this.error(diagnostic('undeclared-d', {}, n.range));
    // (`A'A` for AᵀA, as MATLAB writes it: a prime on a declared vector or matrix is another name.)
    if (n.primes > 0) {
      const unprimed = this.scope.lookup({ ...n, primes: 0 })?.info;
      if (unprimed && unprimed.shape.kind === 'matrix' && unprimed.kind !== 'function') {
        this.error(diagnostic('prime-not-transpose', { name: printName(n), of: printName({ ...n, primes: 0 }), shape: describeShape(unprimed.shape) }, n.range));
      }
    }
    const fkey = isFamily ? familyKey(n) : key;
    // A family whose start is declared on its own (`vector v_0 in R^n` with `define v_t =
    // β v_{t−1} + …`) has that member's shape: v_0 is a member of it (LANGUAGE.md §1).
    const shape = (isFamily ? this.declaredMemberShape(fkey) : null) ?? SCALAR;
    this.fileScope.set({
      key: fkey, kind: env.inIndex && !isFamily ? 'integer' : shapeKind(shape), shape, family: isFamily, tags: new Set(),
      fn: null, random: false, iid: false, implicit: true, range: e.range,
    });
    const name: Name = n.index ? { ...n, index: this.indexExpr(n.index, env) } : n;
    return { ...e, name, shape };
  }

  /** A component `x_i` (1-based) or an entry `A_{ij}`: integer indices, as many as the shape has. */
  private entry(of: Var, indices: readonly Expr[], at: Expr, env: Env, declaredMatrix = false): Expr {
    const shape = of.shape ?? this.expr(of, env).shape ?? ANY;
    const ofVar: Var = { ...of, shape };
    const written = printExpr(at);
    const isVector = shape.kind === 'matrix' && (sameDim(shape.cols, 1) || sameDim(shape.rows, 1));
    const expected = isVector && !(declaredMatrix && indices.length === 2) ? 1 : 2;
    if (shape.kind !== 'matrix' || indices.length !== expected) {
      this.error(diagnostic('component-arity', {
        name: printName(of.name), shape: describeShape(shape), expected, got: indices.length,
      }, at.range));
      return { kind: 'Component', of: ofVar, indices, range: at.range, shape: ANY };
    }
    const resolved = indices.map((i) => this.indexExpr(i, env));
    for (const i of resolved) {
      if (i.kind === 'Num' && /^0+$/.test(i.value)) {
        this.error(diagnostic('component-zero', { name: printName(of.name), written }, at.range));
        return { kind: 'Component', of: ofVar, indices: resolved, range: at.range, shape: ANY };
      }
      if (!this.isIntegerExpr(i, env)) {
        this.error(diagnostic('component-index', { name: printName(of.name), index: printExpr(i) }, i.range));
        return { kind: 'Component', of: ofVar, indices: resolved, range: at.range, shape: ANY };
      }
    }
    return { kind: 'Component', of: ofVar, indices: resolved, range: at.range, shape: SCALAR } satisfies Component;
  }

  /** Whether an expression is a whole number: literals, integer names and ∑ indices, and +, −, · of them. */
  private isIntegerExpr(e: Expr, env: Env): boolean {
    switch (e.kind) {
      case 'Num': return /^\d+$/.test(e.value);
      case 'Var': {
        const key = printName(e.name);
        if (env.integers.has(key)) return true;
        if (env.locals.has(key)) return false;
        const kind = env.scope.lookup(e.name)?.info.kind;
        return kind === 'integer' || (kind === undefined && e.shape?.kind === 'scalar');
      }
      case 'Neg': return this.isIntegerExpr(e.arg, env);
      case 'Binary': return (e.op === '+' || e.op === '-' || e.op === '*') && this.isIntegerExpr(e.left, env) && this.isIntegerExpr(e.right, env);
      default: return false;
    }
  }

  /**
   * `gᵀHg`, `λI` as on paper: a word whose every letter is a declared name (not a function)
   * or a constant (e, I, π) is their product, the subscript, primes and hat going to the
   * last letter. A word with an undeclared letter (`ab` with no `b`) stays an error.
   */
  private declaredLetters(e: Var, env: Env): Expr | null {
    const letters = [...e.name.base];
    if (letters.length < 2) return null;
    return this.letterProduct(letters, e.name, env);
  }

  /**
   * A word as declared names side by side, at least one of several letters (`costx` → `cost x`
   * under scalar cost, x), the fewest names first; null where there is no such split.
   */
  private declaredNames(word: string): string | null {
    const chars = [...word];
    if (chars.length > 24) return null;
    // best[i]: the fewest names spelling chars[0..i), and whether one has several letters.
    const best: ({ parts: string[]; long: boolean } | null)[] = [{ parts: [], long: false }];
    for (let i = 1; i <= chars.length; i++) {
      best[i] = null;
      for (let j = 0; j < i; j++) {
        const before = best[j];
        const part = chars.slice(j, i).join('');
        if (!before || this.scope.get(part) === undefined) continue;
        const next = { parts: [...before.parts, part], long: before.long || i - j > 1 };
        if (!best[i] || next.parts.length < best[i]!.parts.length) best[i] = next;
      }
    }
    const found = best[chars.length];
    return found && found.long && found.parts.length > 1 ? found.parts.join(' ') : null;
  }

  /** Whether one letter may stand in a word of declared letters. */
  private letterKnown(letter: string, env: Env): boolean {
    if (env.locals.has(letter)) return true;
    const n = plainName(letter, [0, 0]);
    const found = this.lookup(n, env);
    if (found) return found.info.kind !== 'function' && !found.info.implicit;
    return letter === 'e' || letter === 'I' || letter === 'π';
  }

  /** The product of one-letter names spelled by `letters`, decorations on the last; null if any is not known. */
  private letterProduct(letters: readonly string[], decorated: Name, env: Env, last?: (v: Expr) => Expr): Expr | null {
    // (Never the word of a function known by name, whatever follows it: `sec^2 x` was s·e·c²·x
    // under scalar s, e, c, with a reading warning only, red team rt132.)
    if (notBuiltIn(letters.join(''), null)) return null;
    if (letters.length === 0 || letters.length > MAX_WORD_LETTERS) return null;
    // (Not a word that holds a function's name: xsin(x) under scalar x, s and integer i, n was
    // x·s·i·n·x, and xsin(x) ≥ 0 was checked, red team rt115. It is an unknown name that says
    // how to apply the function.)
    if (!env.inIndex && functionInWord(letters.join(''))) return null;
    // (Nor a word under one hat or bar, \overline{xy}: it went on the last letter, and
    // \overline{xy} = x ȳ was proved, red team rt115.)
    if (letters.length > 1 && (decorated.hat || decorated.bar)) return null;
    if (!letters.every((ch, i) => this.letterKnown(ch, env) || (i === letters.length - 1 && decorated.index !== null && env.scope.getFamily(ch) !== undefined))) return null;
    const start = decorated.range[0];
    let offset = start;
    let out: Expr | null = null;
    for (let i = 0; i < letters.length; i++) {
      const ch = letters[i]!;
      const isLast = i === letters.length - 1;
      const name: Name = isLast
        ? { ...decorated, base: ch, range: [offset, decorated.range[1]] }
        : plainName(ch, [offset, offset + ch.length]);
      let v = this.variable({ kind: 'Var', name, range: name.range }, env);
      if (isLast && last) v = last(v);
      out = out === null ? v : this.product({ kind: 'Binary', op: '*', implicit: true, left: out, right: v, range: [start, v.range[1]] }, out, v);
      offset += ch.length;
    }
    return out;
  }

  /** A name declared as a vector in R^1 or a matrix in R^{1×1} (a scalar, `spaceShape`). */
  private declaredSingle(e: Expr, env: Env): boolean {
    if (e.kind !== 'Var' || env.locals.has(printName(e.name))) return false;
    const info = env.scope.lookup(e.name)?.info;
    return !!info && !info.family && (info.kind === 'vector' || info.kind === 'matrix') && info.shape.kind === 'scalar';
  }

  /** `left^{-T}` with `left` resolved: the inverse of its transpose, or a power (with a warning for a matrix) where T is a declared name. */
  private inverseTransposeOf(e: Extract<Expr, { kind: 'Binary' }>, left: Expr, env: Env): Expr {
    const tDeclared = env.locals.has('T') || env.scope.get('T') !== undefined;
    if (tDeclared && left.shape?.kind === 'matrix') this.error(diagnostic('inverse-transpose-or-power', { expr: printExpr(left) }, e.right.range));
    if (!tDeclared && left.shape?.kind === 'matrix') {
      const neg: Expr = { kind: 'Neg', arg: ONE, range: e.right.range, shape: SCALAR };
      const inverse = this.binary({ kind: 'Binary', op: '^', left, right: neg, range: e.range }, env, left, neg);
      return { kind: 'Transpose', arg: inverse, range: e.range, shape: transposeShape(inverse.shape) };
    }
    return this.binary(e, env, left);
  }

  /**
   * `a ⊙ b` with its sides resolved: of two vectors of one size, diag(a) b (typeset as written);
   * of two scalars, the product; anything else is an error (of matrices it is not built in).
   */
  private hadamard(e: Extract<Expr, { kind: 'Binary' }>, left: Expr, right: Expr, env: Env): Expr {
    const l = left.shape ?? ANY;
    const r = right.shape ?? ANY;
    if (l.kind === 'any' || r.kind === 'any') return { ...e, left, right, shape: ANY };
    if (l.kind === 'scalar' && r.kind === 'scalar') return { ...e, left, right, shape: SCALAR };
    if (l.kind === 'matrix' && r.kind === 'matrix' && sameDim(l.cols, 1) && sameDim(r.cols, 1) && sameDim(l.rows, r.rows)) {
      // `W a ⊙ b` is (W a) ⊙ b, left to right; W (a ⊙ b) differs (bracketed, `(W a) ⊙ b`, says which).
      if (left.kind === 'Binary' && left.op === '*' && !left.hadamard && !left.entrywise && left.range[0] === left.left.range[0]
        && left.left.shape?.kind === 'matrix' && !sameDim(left.left.shape.cols, 1)) {
        const inner: Expr = { kind: 'Binary', op: '*', hadamard: true, left: left.right, right, range: e.range };
        this.error(diagnostic('reading', {
          written: `${printExpr(left)} ⊙ ${printExpr(right)}`,
          reading: `(${printExpr(left)}) ⊙ ${printExpr(right)}, left to right`,
          other: `${printExpr(left.left)} (${printExpr(inner)})`,
        }, e.range));
      }
      const diag: Expr = {
        kind: 'Call', fn: { base: 'diag', index: null, primes: 0, hat: false, range: left.range }, args: [left], range: left.range,
        shape: { kind: 'matrix', rows: l.rows, cols: l.rows },
      };
      const read = this.binary({ kind: 'Binary', op: '*', implicit: true, left: diag, right, range: e.range }, env, diag, right);
      return asWritten(read.kind === 'Binary' ? { ...read, entrywise: true } : read, { ...e, left, right });
    }
    const wide = (x: Shape): boolean => x.kind === 'matrix' && !sameDim(x.cols, 1);
    // (A vector before a matrix, `σ'(z) ⊙ Wᵀ δ`: the vector after the matrix was meant.)
    const bracket = !wide(l) && l.kind === 'matrix' && wide(r);
    this.error(diagnostic('hadamard-shapes', { left: describeShape(l), right: describeShape(r), matrices: wide(l) && wide(r), bracket }, e.range));
    return { ...e, left, right, shape: ANY };
  }

  /** `left^T` with `left` resolved: a transpose, or a power when left is a scalar and T a declared name. */
  private transposeOrPower(e: Extract<Expr, { kind: 'Binary' }>, left: Expr, env: Env): Expr {
    const tDeclared = env.locals.has('T') || env.scope.get('T') !== undefined;
    if (left.shape?.kind === 'matrix' || !tDeclared) {
      // (Not of a vector declared in R^1 or a matrix in R^{1×1}: a scalar, but its transpose is meant.)
      if (isOne(left)) this.error(diagnostic('number-transposed', { number: left.value }, e.range));
      else if (left.shape?.kind === 'scalar' && !this.declaredSingle(left, env)) this.error(diagnostic('transpose-of-scalar', { expr: printExpr(left) }, e.right.range));
      // Only a square matrix has powers: there A^T could mean either.
      else if (tDeclared && left.shape?.kind === 'matrix' && sameDim(left.shape.rows, left.shape.cols) && !sameDim(left.shape.cols, 1)) {
        this.error(diagnostic('transpose-or-power', { expr: printExpr(left) }, e.right.range));
      }
      return { kind: 'Transpose', arg: left, range: e.range, shape: transposeShape(left.shape) };
    }
    const right = this.expr(e.right, env);
    // (`1^T x` with `integer T`: 1 either way, and still no vector of ones.)
    if (isOne(left)) this.error(diagnostic('number-transposed', { number: left.value }, e.range));
    return { ...e, left, right, shape: SCALAR };
  }

  /**
   * A superscript, transpose or factorial after a word of declared letters binds to the
   * last letter (`3xy²` is 3·x·y², LANGUAGE.md §1), with a warning that shows the reading.
   */
  private splitPostfix(whole: Expr, arg: Expr, env: Env, rebuild: (last: Expr) => Expr, on?: (last: Expr) => Expr): Expr | null {
    if (arg.kind === 'Call') return this.splitCallPostfix(whole, arg, env, rebuild, on);
    if (arg.kind !== 'Var' || isLetterName(arg.name.base) || arg.name.base.length < 2) return null;
    // `(ab)²`, `(AB)ᵀ`: the brackets around the word (its range starts before the name) take it whole.
    if (arg.range[0] !== arg.name.range[0]) return null;
    if (env.locals.has(printName(arg.name)) || this.lookup(arg.name, env)) return null;
    const letters = [...arg.name.base];
    // The last letter, already resolved, takes the postfix.
    let lastShape: Shape | undefined;
    const product = this.letterProduct(letters, arg.name, env, (v) => {
      lastShape = v.shape;
      return on ? on(v) : this.postfixOn({ ...rebuild(v), range: [v.range[0], whole.range[1]] } as Expr, v, env);
    });
    if (!product) return null;
    // A power could be meant for the whole word ((xy)²), and so could `^T` after square matrices
    // ((AB)^T); a transpose (gᵀHg, uu^T) is read one way only where the last letter is not
    // square: the whole word's transpose would not be a product of these shapes.
    const t = whole.kind === 'Binary' ? (whole.right.kind === 'Neg' ? whole.right.arg : whole.right) : null;
    const transpose = t?.kind === 'Var' && t.name.base === 'T' && !t.name.index && t.name.primes === 0;
    // (Nor where the letters before it are scalars: a B^T is (a B)^T.)
    const square = lastShape?.kind === 'matrix' && sameDim(lastShape.rows, lastShape.cols)
      && !(product.kind === 'Binary' && product.left.shape?.kind === 'scalar');
    if (whole.kind === 'Binary' && (!transpose || square)) {
      const text = printExpr(whole);
      const lastLetter = letters[letters.length - 1]!;
      const reading = `${letters.slice(0, -1).join(' · ')} · ${printExpr(rebuild({ kind: 'Var', name: { ...arg.name, base: lastLetter }, range: arg.range }))}`;
      this.error(diagnostic('reading', { written: text, reading, other: `(${letters.join(' ')})${text.slice(printName(arg.name).length)}` }, whole.range));
    }
    return product;
  }

  /**
   * `√x(x + 1)`: the symbol √ takes one atom, as an exponent does (`√x x` is √x·x), so a
   * bracket after the name, read as a product, multiplies √x: √x · (x + 1), with a warning
   * (it was √(x(x + 1))). Not `sqrt(…)`, `\sqrt{…}` or `√(…)`, whose brackets say what is
   * under the root, nor a function's application (`√f(x)`). Null where it does not apply.
   */
  private rootOfAtom(e: Call, env: Env): Expr | null {
    if (e.fn.base !== 'sqrt' || e.fn.range[1] - e.fn.range[0] !== 1 || e.args.length !== 1) return null;
    // The bracket may carry a superscript (`√x(x + 1)²`: √x · (x + 1)²).
    const under = e.args[0]!;
    const power = under.kind === 'Binary' && under.op === '^' && under.range[0] === under.left.range[0] ? under : null;
    const arg = power ? power.left : under;
    // (`√xy`, a word of declared letters: √x · y, as √2x is √2 · x; it was √(xy), and
    // √xy = √x √y passed under x, y > 0, red team rt115.)
    // (With its power on the last letter: √xy² is √x · y², red team rt117: it was √(x y²).)
    if (arg.kind === 'Var' && arg.range[0] === arg.name.range[0] && !isLetterName(arg.name.base) && [...arg.name.base].length >= 2
      && !env.locals.has(printName(arg.name)) && !this.lookup(arg.name, env)) {
      const letters = [...arg.name.base];
      const first = letters[0]!;
      if (!this.letterKnown(first, env)) return null;
      const firstEnd = arg.range[0] + first.length;
      const restName: Name = { ...arg.name, base: letters.slice(1).join(''), range: [firstEnd, arg.name.range[1]] };
      const root: Call = { ...e, args: [{ kind: 'Var', name: { base: first, index: null, primes: 0, hat: false, range: [arg.range[0], firstEnd] }, range: [arg.range[0], firstEnd] }], range: [e.range[0], firstEnd] };
      const restVar: Expr = { kind: 'Var', name: restName, range: [firstEnd, arg.range[1]] };
      const rest: Expr = power ? { ...power, left: restVar, range: [firstEnd, power.range[1]] } : restVar;
      const rootRead = this.expr(root, env);
      const restRead = this.expr(rest, env);
      const sup = power ? printExpr(power).slice(printExpr(power.left).length) : '';
      this.error(diagnostic('reading', { written: `√${arg.name.base}${sup}`, reading: `√${first} · ${letters.slice(1).join(' ')}${sup}`, other: `√(${letters.join(' ')}${sup})` }, e.range));
      return this.product({ kind: 'Binary', op: '*', implicit: true, left: rootRead, right: restRead, range: e.range }, rootRead, restRead);
    }
    if (arg.kind !== 'Call') return null;
    // (Brackets around the call, `√(x(x + 1))`, start before its name.)
    if (arg.range[0] !== arg.fn.range[0] || arg.args.length !== 1) return null;
    const callee = arg.fn;
    const declared = env.scope.get(printName({ ...callee, primes: 0 }));
    if (declared?.kind === 'function' || (!declared && builtinFunction(callee.base)) || (!declared && !isLetterName(callee.base))) return null;
    const root: Call = { ...e, args: [{ kind: 'Var', name: callee, range: callee.range }], range: [e.range[0], callee.range[1]] };
    const bracket: Expr = power ? { ...power, left: arg.args[0]!, range: [callee.range[1], power.range[1]] } : arg.args[0]!;
    const product: Expr = { kind: 'Binary', op: '*', implicit: true, left: root, right: bracket, range: e.range };
    const text = printExpr(e).replace(/^sqrt\((.*)\)$/, '√$1');
    const shown = power ? printExpr(bracket) : `(${printExpr(bracket)})`;
    this.error(diagnostic('reading', { written: text, reading: `√${printName(callee)} · ${shown}`, other: `√(${printExpr(under)})` }, e.range));
    return this.expr(product, env);
  }

  /**
   * The product `… Δ X …` with Δ (a name nothing declares) and the name X after it joined
   * into the declared or defined name ΔX (see binary()); null where that does not apply.
   * The left factor's last factor must be Δ; the right's first atom X (or the base of a
   * power or transpose that starts the right factor).
   */
  private joinDelta(e: Extract<Expr, { kind: 'Binary' }>, env: Env): Expr | null {
    // (Declared, not only used: a Δ used on its own earlier in the file made it a name, and the
    // same \Delta x read Δx on one line and Δ · x on the next, red team rt117.)
    const delta0 = env.scope.get('Δ');
    if (env.locals.has('Δ') || (delta0 !== undefined && !delta0.implicit)) return null;
    // The left factor's last factor must be Δ itself, not in brackets of its own (`(x \Delta)`):
    // a product is left-nested, so that is the left factor or its right operand.
    const product = e.left.kind === 'Binary' && e.left.op === '*' && e.left.implicit ? e.left : null;
    const delta = product ? product.right : e.left;
    if (delta.kind !== 'Var' || !isBareDelta(delta.name) || delta.range[0] !== delta.name.range[0] || delta.range[1] !== delta.name.range[1]) return null;
    const rest = product?.left;
    // The right factor with its first atom X replaced by ΔX, or null.
    const joinedAt: { name: Name | null } = { name: null };
    const joinFirst = (x: Expr): Expr | null => {
      if (x.kind === 'Var') {
        const n = x.name;
        if (!isLetterName(n.base) || n.base.startsWith('Δ') || x.range[0] !== n.range[0]) return null;
        const joined: Name = { ...n, base: `Δ${n.base}`, range: [delta.range[0], n.range[1]] };
        joinedAt.name = joined;
        // (Whether ΔX is declared or not: `\Delta x` shows as Δx, which reads as the one name Δx
        // (atomCore_delta); (\Delta x)² = Δx² was refuted and \Delta x / x = \Delta proved where
        // Δx was not declared, red team rt115. Δ declared is a name of its own, above.)
        return { kind: 'Var', name: joined, range: [delta.range[0], x.range[1]] };
      }
      if (x.kind === 'Binary' && (x.op === '^' || (x.op === '*' && x.implicit)) && x.range[0] === x.left.range[0]) {
        const left = joinFirst(x.left);
        return left ? { ...x, left, range: [left.range[0], x.range[1]] } : null;
      }
      if (x.kind === 'Transpose' && x.range[0] === x.arg.range[0]) {
        const arg = joinFirst(x.arg);
        return arg ? { ...x, arg, range: [arg.range[0], x.range[1]] } : null;
      }
      return null;
    };
    const right = joinFirst(e.right);
    if (!right) return null;
    // (Where Δ stands on its own elsewhere in the file, Δ · x is a reading too: say which was
    // taken, as `Δ x`, for `\Delta x` and the spaced `Δ x` alike, rt118.)
    const joinedName = joinedAt.name;
    if (delta0 !== undefined && joinedName) {
      const name = printName(joinedName);
      this.error(diagnostic('reading', { written: `Δ ${name.slice(1)}`, reading: `the name ${name}`, other: `Δ · ${name.slice(1)}, or declare Δ` }, joinedName.range));
    }
    return rest === undefined ? right : { ...e, left: rest, right, range: e.range };
  }

  /** Calls splitCallPostfix resolved and did not split, for the usual path to take as they are. */
  private readonly preResolved = new WeakMap<Call, Expr>();

  /**
   * `a(x + 1)²`, `β(1 − β)ᵀ`, `Wσ(h)²`: a bracket read as a product (not a function's
   * application) takes the superscript after it, as on paper (LANGUAGE.md §1: it binds to the
   * closing bracket just before it), so the power is a(x + 1)², not (a(x + 1))². Null when the
   * call is an application (`σ(h)²`, `sin(x)²`), which takes it whole.
   */
  private splitCallPostfix(whole: Expr, arg: Call, env: Env, rebuild: (last: Expr) => Expr, on?: (last: Expr) => Expr): Expr | null {
    // `(a(x + 1))²`: the brackets around it (its range starts before the name) take it whole.
    if (arg.range[0] !== arg.fn.range[0]) return null;
    const apply = on ?? ((last: Expr) => this.postfixOn({ ...rebuild(last), range: [last.range[0], whole.range[1]] } as Expr, last, env));
    // A declared vector or matrix before the bracket (`x(u + v)ᵀ`, an outer product): the
    // product is formed after the superscript, or its shapes would be checked without it.
    // (A family's member too: `g_{t−1}(u + v)ᵀ`.)
    const declared = arg.args.length === 1 && arg.fn.primes === 0 && !env.locals.has(printName(arg.fn)) ? env.scope.lookup(arg.fn)?.info : undefined;
    if (declared && !declared.implicit && declared.kind !== 'function' && declared.shape.kind === 'matrix') {
      const callee = this.variable({ kind: 'Var', name: arg.fn, range: arg.fn.range }, env);
      const last = apply(this.expr(arg.args[0]!, env));
      return this.product({ kind: 'Binary', op: '*', implicit: true, left: callee, right: last, range: whole.range }, callee, last);
    }
    const read = this.call(arg, env);
    if (read.kind !== 'Binary' || read.op !== '*' || !read.implicit) {
      // Resolved once: the usual path takes this reading instead of resolving the call again.
      this.preResolved.set(arg, read);
      return null;
    }
    const last = apply(read.right);
    return this.product({ kind: 'Binary', op: '*', implicit: true, left: read.left, right: last, range: whole.range }, read.left, last);
  }

  /** The shape of a postfix node whose argument is already resolved. */
  private postfixOn(node: Expr, arg: Expr, env: Env): Expr {
    switch (node.kind) {
      case 'Transpose': return { ...node, arg, shape: transposeShape(arg.shape) };
      case 'Factorial': return { ...node, arg: this.expect(arg, 'a factorial', 'a scalar'), shape: SCALAR };
      case 'Binary': {
        const right = this.expr(node.right, env);
        return this.binary({ ...node, left: arg, right }, env, arg, right);
      }
      default: return node;
    }
  }

  private call(e0: Call, env: Env): Expr {
    // (A constant subscript is its number: f_{0+1}(z) calls f_1, red team rt136.)
    const e: Call = e0.fn.index && e0.fn.index.kind !== 'Num' && isWholeNumber(canonicalIndex(e0.fn.index)) ? { ...e0, fn: { ...e0.fn, index: canonicalIndex(e0.fn.index) } } : e0;
    const fn = e.fn;
    const rootSplit = this.rootOfAtom(e, env);
    if (rootSplit) return rootSplit;
    const key = printName(fn);
    this.ensureDefined({ ...fn, primes: 0 }, true);
    const declared = env.scope.get(printName({ ...fn, primes: 0 }));
    // (A function used inside its own definition, directly or through another, f_1(z) = f_2(z) + 1
    // with f_2(z) = f_1(z) − 1: not a product of an undeclared name, which proved f_1(0) = 0 —
    // red team rt136.)
    const inProgress = !declared && !env.locals.has(printName({ ...fn, primes: 0 })) ? this.definitionInProgress(fn) : null;
    if (inProgress) {
      this.error(diagnostic('definition-cycle', { name: printName({ ...fn, primes: 0 }) }, fn.range));
      return { ...e, args: e.args.map((a) => this.expr(a, env)), shape: ANY };
    }
    // E(X), Var(X), Cov(X, Y) with round brackets, as many write them: the same operators.
    const bracket = !declared && fn.primes === 0 && !fn.index && !fn.hat && !fn.bar ? EXPECTATION_SPELLINGS[fn.base] : undefined;
    if (bracket && e.args.length >= 1 && e.args.length <= 2) {
      return this.expectation({ kind: 'Expect', op: bracket, arg: e.args[0]!, ...(e.args[1] ? { second: e.args[1] } : {}), range: e.range }, env);
    }
    const args = e.args.map((a) => this.expr(a, env));
    if (declared && declared.kind === 'function' && declared.fn) {
      const sig = declared.fn;
      if (args.length !== sig.params.length) {
        this.error(diagnostic('wrong-arity', { name: key, expected: String(sig.params.length), got: args.length }, e.range));
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
    // log_b(x), log_{10} x as on paper: the logarithm to base b is log x / log b (no value where
    // b = 1, b ≤ 0 or x ≤ 0, as it should).
    if (!declared && fn.base === 'log' && fn.index && fn.primes === 0 && !fn.hat && !fn.bar && e.args.length === 1) {
      const plain: Name = { ...fn, index: null };
      const log = (arg: Expr, range: Expr['range']): Expr => ({ kind: 'Call', fn: { ...plain, range: fn.range }, args: [arg], range });
      const out = this.expr({ kind: 'Binary', op: '/', left: log(e.args[0]!, e.range), right: log(fn.index, fn.index.range), range: e.range }, env);
      return asWritten(out, { ...e, args, shape: out.shape ?? SCALAR });
    }
    // λ_1(WᵀW) with λ_1 not declared, of a square matrix: its largest eigenvalue, as the
    // homework denotes it (λ_1 times the matrix was a shape error). Said as a reading.
    if (fn.base === 'λ' && fn.index?.kind === 'Num' && fn.index.value === '1' && fn.primes === 0 && !fn.hat && !fn.bar && args.length === 1
      && !declared && !env.scope.lookup(fn)) {
      const sh = args[0]!.shape;
      if (sh?.kind === 'matrix' && sh.rows === sh.cols) {
        const row = builtinFunction('λ_max')!;
        const out = this.builtin({ ...e, fn: { ...fn, base: 'λ_max', index: null } }, args, row, env);
        if (!this.warnedFunctions.has('λ_1')) this.error(diagnostic('reading', { written: `λ_1(${printExpr(args[0]!)})`, reading: `λ_max(${printExpr(args[0]!)}), its largest eigenvalue`, other: `λ_1 · (${printExpr(args[0]!)}) with λ_1 declared, or λ_max(…) to say the eigenvalue plainly` }, e.range));
        this.warnedFunctions.add('λ_1');
        return asWritten(out, { ...e, args, shape: out.shape ?? SCALAR });
      }
    }
    // cosh, sinh, sech, csch, coth (and cosh'(z) …): written out in exp.
    if (!declared && !fn.index && !fn.hat && !fn.bar && isExpDefined(fn.base)) return this.expDefined(e, args, env);
    // tanh'(z), exp''(z) as on paper: the built-in's derivative, written out (scalars).
    const primed = !declared && fn.primes > 0 && !fn.index && !fn.hat && !fn.bar ? builtinFunction(fn.base) : undefined;
    if (primed?.derivative && args.length === 1) return this.builtinDerivative(e, args[0]!, primed, env);
    if (primed) {
      // (`tanh'(z, w)`, `max'(z)`: not "unknown function 'tanh': declare it", which would shadow the built-in.)
      if (primed.derivative) this.error(diagnostic('wrong-arity', { name: `${fn.base}${"'".repeat(fn.primes)}`, expected: '1', got: args.length }, e.range));
      else this.error(diagnostic('builtin-derivative-none', { name: fn.base, primes: "'".repeat(fn.primes) }, e.range));
      return { ...e, args, shape: ANY };
    }
    const row = !declared && fn.primes === 0 && !fn.index && !fn.hat && !fn.bar ? builtinFunction(fn.base) : undefined;
    if (row) return this.builtin(e, args, row, env);
    // Not a function: `δ(1-β)` is a product.
    if (declared || isLetterName(fn.base)) {
      if (args.length !== 1) {
        this.error(diagnostic('not-a-function', { name: key, shape: describeShape(declared?.shape ?? SCALAR) }, fn.range));
        return { ...e, args, shape: ANY };
      }
      const callee = this.variable({ kind: 'Var', name: fn, range: fn.range }, env);
      // `σ(2z)` with σ undeclared may be meant as an application: say how it is read, unless
      // the letter stands in its own bracket (`n(n+1)`, `x(1-x)`: a product for sure).
      // (And at a number, `f_2(0)` with no f_2 declared or defined, nor its family: it was proved
      // silently as f_2 · 0 = 0 — red team rt136.)
      const family = fn.index === null ? undefined : env.scope.lookup(fn)?.info;
      const named = fn.index === null ? fn.base : fn.index.kind === 'Num' && (!family || family.implicit) ? printName({ ...fn, primes: 0 }) : null;
      if ((!declared || declared.implicit) && isLetterName(fn.base) && named !== null && !mentionsBase(e.args, fn.base)
        && !this.warnedFunctions.has(named) && callee.kind === 'Var') {
        this.warnedFunctions.add(named);
        const fix: Fix = { message: `declare function ${named} : R → R`, edits: [{ range: [0, 0], text: `function ${named} : R → R\n` }] };
        this.error(diagnostic('undeclared-function', { name: named, product: `${printExpr(e)}` }, fn.range, { fixes: [fix] }));
      }
      return this.product({ kind: 'Binary', op: '*', implicit: true, left: callee, right: args[0]!, range: e.range }, callee, args[0]!);
    }
    // (A function a student knows by name that is not built in: never the letters' product
    // or the built-in inside it, `arcsin(x)` as "a r c sin(x)", red team rt130; not even where
    // its letters are declared, `sec(x)²` as s·e·c·x² under scalar s, c, red team rt131.)
    const declare: Fix = { message: `declare function ${fn.base} : R → R`, edits: [{ range: [0, 0], text: `function ${fn.base} : R → R\n` }] };
    const known = fn.index === null && fn.primes === 0 ? notBuiltIn(fn.base, args.length === 1 ? printExpr(args[0]!) : null) : null;
    if (known) {
      this.error(diagnostic('not-built-in', { name: fn.base, inverse: known.inverse, ...(known.instead ? { instead: known.instead } : {}) }, fn.range, {
        fixes: known.instead ? [{ message: `write ${known.instead}`, edits: [{ range: e.range, text: known.instead }] }] : [declare],
      }));
      return { ...e, args, shape: ANY };
    }
    // `Wσ(h)`, `pq(r+1)` as on paper: declared letters, then a declared function of the last
    // letter or a bracket that multiplies.
    const letters = [...fn.base];
    if (letters.length >= 2 && letters.length <= MAX_WORD_LETTERS) {
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
      if (args.length === 1) {
        const word = this.letterProduct(letters, fn, env);
        if (word) return this.product({ kind: 'Binary', op: '*', implicit: true, left: word, right: args[0]!, range: e.range }, word, args[0]!);
      }
    }
    // (`xsin(x)`: the built-in it holds, applied.)
    const applied = fn.index === null && fn.primes === 0 && args.length === 1 ? appliedFunctionText(fn.base, printExpr(args[0]!)) : null;
    this.error(diagnostic('unknown-function', { name: fn.base, ...(applied ? { applied } : {}) }, fn.range, {
      // (A word of letters as their product only when short: `sigmoid(z)` as s·i·g·m·o·i·d(z)
      // was offered, where a student means a function to declare or define.)
      fixes: [declare, ...(args.length === 1 && [...fn.base].length <= 3 ? wordFixes(fn.base, rangeOfBase(fn)) : [])],
    }));
    return { ...e, args, shape: ANY };
  }

  /**
   * `f⁽ᵏ⁾(u)` for a built-in f of one scalar argument (`tanh'(z)`, `sin''(x)`): its row's
   * derivative at u (1 − tanh(u)²); a higher order as d/du of the order below, so only at a
   * name (tanh''(z) = d/dz (1 − tanh(z)²)). `resolvedArg` is u resolved, for its shape; the
   * written-out form resolves u again, and what that reports again is dropped.
   */
  private builtinDerivative(e: Call, resolvedArg: Expr, row: Builtin, env: Env): Expr {
    const fn = e.fn;
    const arg = e.args[0]!;
    const shape = resolvedArg.shape;
    if (shape && shape.kind !== 'scalar' && shape.kind !== 'any') {
      this.error(diagnostic('builtin-derivative-shape', { name: fn.base, primes: "'".repeat(fn.primes), shape: describeShape(shape) }, e.range));
      return { ...e, args: [resolvedArg], shape: ANY };
    }
    if (fn.primes > 1 && arg.kind !== 'Var') {
      this.error(diagnostic('builtin-derivative-argument', { name: fn.base, primes: "'".repeat(fn.primes) }, e.range));
      return { ...e, args: [resolvedArg], shape: ANY };
    }
    const at = (x: Expr): Expr => ({ ...x, range: e.range });
    let written: Expr = at(row.derivative!(arg));
    // (log' is 1/u only where log has a value: u > 0. `+ 0·log(u)` keeps log's domain, so
    // `log'(z) > 0` is not refuted at z = −1, where 1/z alone has a value.)
    if (row.name === 'log') {
      const guard: Expr = { kind: 'Binary', op: '*', left: { kind: 'Num', value: '0', range: e.range }, right: { kind: 'Call', fn: { ...fn, primes: 0, index: null }, args: [arg], range: e.range }, range: e.range };
      written = { kind: 'Binary', op: '+', left: written, right: guard, range: e.range };
    }
    for (let k = 2; k <= fn.primes; k++) written = { kind: 'Deriv', partial: false, wrt: arg as Var, body: written, range: e.range };
    const out = this.exprAgain(written, env);
    return asWritten(out, { ...e, args: [resolvedArg], shape: out.shape ?? SCALAR });
  }

  /** Resolves an expression built around parts already resolved once (a written-out spelling), each diagnostic said once. */
  private exprAgain(e: Expr, env: Env): Expr {
    const seen = new Set(this.diags.map((d) => `${d.code}@${d.range[0]}:${d.range[1]}`));
    const mark = this.diags.length;
    const out = this.expr(e, env);
    const fresh = this.diags.splice(mark).filter((d) => !seen.has(`${d.code}@${d.range[0]}:${d.range[1]}`));
    this.diags.push(...fresh);
    return out;
  }

  /** The names in a resolved expression that are not declared and read as scalars (a family's by its base, h of h_{t−1}). */
  private implicitScalars(e: Expr, env: Env): string[] {
    const out: string[] = [];
    visit(e, (x) => {
      if (x.kind !== 'Var' || env.locals.has(printName(x.name))) return;
      const found = env.scope.lookup(x.name);
      if (!found || found.info.kind !== 'scalar' || !(found.info.implicit || this.definedOnly.has(found.info.key))) return;
      // (A family by its base and its index's letter: h_t of h_{t−1}.)
      // (One at a number is named as written: `e_1` was said to be "e_t", red team rt130.)
      const letter = x.name.index ? freeNames(x.name.index).find((v) => !v.name.index)?.name.base ?? null : null;
      out.push(letter ? `${x.name.base}_${letter}` : printName(x.name));
    });
    return out;
  }

  /**
   * `∇_x e` (`nabla` ∇², inside a Hessian, for its message): e must be a scalar. Where e is a
   * product that is not (`∇_x f(x)ᵀ d`, as a Taylor term is typed: ∇ takes the whole product
   * after it, LANGUAGE.md §1), that is said, with the brackets for ∇ of the first factor alone
   * (it was "a gradient ∇ needs a scalar" and "cannot add a scalar to a vector").
   */
  private gradient(e: Extract<Expr, { kind: 'Grad' }>, env: Env, nabla: '∇' | '∇²'): Expr {
    const wrt = this.variableOf(e.wrt, env);
    const resolved = this.expr(e.body, env);
    const shape = resolved.shape;
    if (shape && shape.kind !== 'scalar' && shape.kind !== 'any' && e.body.kind === 'Binary' && e.body.op === '*' && e.body.implicit) {
      let first: Expr = e.body;
      const rest: Expr[] = [];
      while (first.kind === 'Binary' && first.op === '*' && first.implicit) {
        rest.unshift(first.right);
        first = first.left;
      }
      const x = printName(e.wrt.name);
      // (A transpose written ^T is a power in the raw line: f(x)^T.)
      const transposed = first.kind === 'Transpose' ? first.arg
        : first.kind === 'Binary' && first.op === '^' && first.right.kind === 'Var' && first.right.name.base === 'T' && !first.right.name.index && !env.scope.get('T') ? first.left : null;
      const inner = transposed ? `(${nabla}_${x} ${printExpr(transposed)})ᵀ` : `(${nabla}_${x} ${printExpr(first)})`;
      this.gradientProducts.push(e.range);
      // (A factor that is a sum keeps its brackets: (∇_v L(v))ᵀ (w − v), not (∇_v L(v))ᵀ w − v,
      // which means another thing; red team rt81.)
      const factor = (r: Expr): string => (r.kind === 'Neg' || (r.kind === 'Binary' && (r.op === '+' || r.op === '-')) ? `(${printExpr(r)})` : printExpr(r));
      this.error(diagnostic('gradient-product', { nabla, body: printExpr(e.body), shape: describeShape(shape), fix: `${inner} ${rest.map(factor).join(' ')}` }, e.range));
      return { ...e, wrt, body: resolved, shape: ANY };
    }
    const body = this.expect(resolved, 'a gradient ∇', 'a scalar');
    return { ...e, wrt, body, shape: wrt.shape?.kind === 'matrix' ? wrt.shape : SCALAR };
  }

  /**
   * The order and variable of `d^k/dx^k` (k ≥ 3, as a power or a superscript, the numerator
   * maybe times its body) where neither `d` nor the word `dx` is declared; else null.
   */
  private derivativeOrder(e: Extract<Expr, { kind: 'Binary' }>, env: Env): { order: string; x: string } | null {
    const power = (x: Expr): { base: Expr; k: string } | null => (x.kind === 'Binary' && x.op === '^' && x.right.kind === 'Num' && /^\d+$/u.test(x.right.value) ? { base: x.left, k: x.right.value } : null);
    let top: Expr = e.left;
    while (top.kind === 'Binary' && top.op === '*' && top.implicit) top = top.left;
    const num = power(top);
    const den = power(e.right);
    if (!num || !den || num.k !== den.k || Number(num.k) < 3) return null;
    const isD = (x: Expr): boolean => x.kind === 'Var' && (x.name.base === 'd' || x.name.base === '∂') && !x.name.index && x.name.primes === 0;
    if (!isD(num.base) || den.base.kind !== 'Var' || den.base.name.index || den.base.name.primes > 0) return null;
    const word = den.base.name.base;
    const first = (num.base as Extract<Expr, { kind: 'Var' }>).name.base;
    if (!word.startsWith(first) || [...word].length < 2 || env.scope.get(first) || env.scope.get(word)) return null;
    return { order: num.k, x: word.slice(first.length) };
  }

  /**
   * cosh, sinh, sech, csch, coth of one scalar, and their derivatives by primes (cosh' = sinh,
   * sech' = −sech tanh): written out in exp (builtins.ts EXP_DEFINED) and resolved as such, so
   * every engine reads them as it reads exp; typeset as written.
   */
  private expDefined(e: Call, args: Expr[], env: Env): Expr {
    const fn = e.fn;
    if (args.length !== 1) {
      this.error(diagnostic('wrong-arity', { name: `${fn.base}${"'".repeat(fn.primes)}`, expected: '1', got: args.length }, e.range));
      return { ...e, args, shape: ANY };
    }
    const shape = args[0]!.shape;
    if (shape && shape.kind !== 'scalar' && shape.kind !== 'any') {
      this.error(diagnostic('shape-required', { what: `${fn.base}(…)`, expected: 'a scalar', got: describeShape(shape) }, args[0]!.range));
      return { ...e, args, shape: ANY };
    }
    // (Its argument is written twice, e^u and e^(−u): nested, the form doubles at each level —
    // cosh(cosh(…)) twelve deep took 11 s and 870 MB. Past MAX_WRITTEN_OUT operations, an error;
    // said once, at the innermost call past it.)
    let size = 0;
    visit(args[0]!, () => { size++; });
    if (size > MAX_WRITTEN_OUT) {
      const said = this.diags.some((d) => d.code === 'written-out-too-large' && d.range[0] >= args[0]!.range[0] && d.range[1] <= args[0]!.range[1]);
      if (!said) this.error(diagnostic('written-out-too-large', { name: fn.base, limit: MAX_WRITTEN_OUT }, e.range));
      return { ...e, args, shape: ANY };
    }
    const u = e.args[0]!;
    if (fn.primes > 1 && u.kind !== 'Var') {
      this.error(diagnostic('builtin-derivative-argument', { name: fn.base, primes: "'".repeat(fn.primes) }, e.range));
      return { ...e, args, shape: ANY };
    }
    const r = e.range;
    const num = (value: string): Expr => ({ kind: 'Num', value, range: r });
    const bin = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr): Expr => ({ kind: 'Binary', op, left, right, range: r });
    const exp = (arg: Expr): Expr => ({ kind: 'Call', fn: { base: 'exp', index: null, primes: 0, hat: false, range: fn.range }, args: [arg], range: r });
    // 2 cosh u and 2 sinh u.
    const c2 = bin('+', exp(u), exp({ kind: 'Neg', arg: u, range: r }));
    const s2 = bin('-', exp(u), exp({ kind: 'Neg', arg: u, range: r }));
    const neg = (x: Expr): Expr => ({ kind: 'Neg', arg: x, range: r });
    const forms: Record<string, Expr> = { cosh: bin('/', c2, num('2')), sinh: bin('/', s2, num('2')), sech: bin('/', num('2'), c2), csch: bin('/', num('2'), s2), coth: bin('/', c2, s2) };
    // The first derivatives: sinh, cosh, −sech tanh, −csch coth, −csch².
    const firsts: Record<string, Expr> = {
      cosh: forms['sinh']!, sinh: forms['cosh']!,
      sech: neg(bin('/', bin('*', num('2'), s2), bin('^', c2, num('2')))),
      csch: neg(bin('/', bin('*', num('2'), c2), bin('^', s2, num('2')))),
      coth: neg(bin('/', num('4'), bin('^', s2, num('2')))),
    };
    let written: Expr = fn.primes === 0 ? forms[fn.base]! : firsts[fn.base]!;
    for (let k = 2; k <= fn.primes; k++) written = { kind: 'Deriv', partial: false, wrt: u as Var, body: written, range: r };
    const out = this.exprAgain(written, env);
    return asWritten(out, { ...e, args, shape: out.shape ?? SCALAR });
  }

  /** A built-in applied to its arguments: arity and shape from its row, then its own node. */
  private builtin(e: Call, args: Expr[], row: Builtin, env: Env): Expr {
    const name = row.name;
    if (!arityFits(row, args.length)) {
      this.error(diagnostic('wrong-arity', { name: e.fn.base, expected: arityText(row), got: args.length }, e.range));
      return { ...e, args, shape: ANY };
    }
    const r = row.shape(args.map((a) => a.shape ?? ANY));
    if ('expected' in r) {
      const bad = args[r.arg]!;
      this.error(diagnostic('shape-required', { what: `${e.fn.base}(…)`, expected: r.expected, got: describeShape(bad.shape) }, bad.range));
      return { ...e, args, shape: ANY };
    }
    const a = args[0]!;
    // (A vector or a rectangular matrix has no other reading; a square one has.)
    const s = a.shape;
    if (isElementwise(row) && s?.kind === 'matrix' && s.rows !== 1 && s.cols !== 1 && String(s.rows) === String(s.cols)) {
      this.error(diagnostic('elementwise-matrix', { call: `${e.fn.base}(${printExpr(a)})`, fn: e.fn.base }, e.range));
    }
    switch (row.lowering) {
      case 'abs': return { kind: 'Abs', arg: a, range: e.range, shape: SCALAR };
      case 'norm': return { kind: 'Norm', arg: a, range: e.range, shape: SCALAR };
      case 'inverse': {
        const neg: Expr = { kind: 'Neg', arg: ONE, range: e.range, shape: SCALAR };
        return this.binary({ kind: 'Binary', op: '^', left: a, right: neg, range: e.range }, env, a, neg);
      }
      case 'call': return { ...e, fn: { ...e.fn, base: name }, args, shape: r.shape };
    }
  }

  private binary(e: Extract<Expr, { kind: 'Binary' }>, env: Env, left0?: Expr, right0?: Expr): Expr {
    // `d³/dx³ e`, `\frac{d^3}{dx^3} e`: an operator of order 3 or more reads as d³ over a name
    // dx³ (it was "unknown name 'dx'"): say it is not read, and how to nest it.
    if (e.op === '/' && !left0 && !right0) {
      const order = this.derivativeOrder(e, env);
      if (order) {
        this.error(diagnostic('derivative-order', order, e.range));
        return { ...e, shape: ANY };
      }
    }
    // `\Delta \theta_t`: LaTeX ignores the space after a command, so where Δ names nothing and
    // Δθ_t is declared or defined, this is that one name, as `\Delta\theta_t` is — anywhere in
    // a product (`α \Delta \theta_{t-1}`) and under a power (`\Delta \theta_t^2` is (Δθ_t)²).
    if (e.op === '*' && e.implicit && !left0 && !right0) {
      const joined = this.joinDelta(e, env);
      if (joined) return this.expr(joined, env);
      // `(1/x)^log(2)`: the unbraced exponent took the letter l, leaving og(2); a built-in
      // function's name split so is one error that names it (not "unknown function 'og'").
      const split = splitBuiltinExponent(e);
      // (Not where the rest is declared itself: `og(2)` is then a function's call; nor a word
      // of declared letters, `an` of e^tan under `scalar t, a, n`, which is then a · n.)
      if (split && env.scope.get(split.rest) === undefined && !(split.word && [...split.rest].every((c) => env.scope.get(c) !== undefined || env.locals.has(c)))) {
        const braced = `${powerBaseText(split.base)}^{${split.negated ? '-' : ''}${split.name}(…)}`;
        // (The fix puts braces around the function and its bracketed argument: e^{cos(x)}.)
        const fixes = split.call ? [{ message: `put the function and its argument in braces: ${braced}`, edits: [{ range: [split.call[0], split.call[0]] as Range, text: '{' }, { range: [split.call[1], split.call[1]] as Range, text: '}' }] }] : [];
        this.error(diagnostic('function-in-exponent', { name: split.name, braced }, split.range, { fixes }));
        return { ...e, shape: ANY };
      }
    }
    // `x^T` is a transpose unless the base is a scalar and T a declared name (`δ^T`, integer T).
    if (e.op === '^' && !left0 && e.right.kind === 'Var' && e.right.name.base === 'T' && !e.right.name.index && e.right.name.primes === 0) {
      // `A(B + C)^T`, `c(1 − q)^T`: after a bracket read as a product, the bracket takes it;
      // `AB^T`, after a word of declared letters, the last letter (A · Bᵀ, as ABᵀ is; it was
      // (AB)ᵀ, and AB^T = BᵀAᵀ was proved, red team rt112).
      const split = this.splitPostfix(e, e.left, env, (last) => ({ ...e, left: last }), (last) => this.transposeOrPower({ ...e, range: [last.range[0], e.range[1]] }, last, env));
      if (split) return split;
      return this.transposeOrPower(e, this.expr(e.left, env), env);
    }
    // `A^{-T}`: the inverse of the transpose, (Aᵀ)⁻¹ = (A⁻¹)ᵀ, where T is not a declared name
    // (where it is, a power, with a warning); after a word or a bracket, as `^T` above.
    if (e.op === '^' && !left0 && e.right.kind === 'Neg' && e.right.arg.kind === 'Var' && e.right.arg.name.base === 'T'
      && !e.right.arg.name.index && e.right.arg.name.primes === 0) {
      const split = this.splitPostfix(e, e.left, env, (last) => ({ ...e, left: last }), (last) => this.inverseTransposeOf({ ...e, range: [last.range[0], e.range[1]] }, last, env));
      if (split) return split;
      return this.inverseTransposeOf(e, this.expr(e.left, env), env);
    }

    // `xy²` with x, y declared: the superscript binds to y.
    if (e.op === '^' && !left0) {
      const split = this.splitPostfix(e, e.left, env, (last) => ({ ...e, left: last }));
      if (split) return split;
    }
    if (e.op === '^' && !right0 && e.right.kind === 'Var' && !e.right.name.index) {
      const fn = env.scope.get(printName(e.right.name));
      if (fn?.kind === 'function' || (!fn && isBuiltinFunctionName(e.right.name.base))) {
        const base = powerBaseText(e.left);
        // (Braced, `e^{sin}(x)`: the function has no argument inside the braces, not "without braces".)
        if (e.range[1] > e.right.range[1]) this.error(diagnostic('function-without-argument', { name: printName(e.right.name) }, e.right.range));
        else this.error(diagnostic('function-in-exponent', { name: printName(e.right.name), braced: `${base}^{${printName(e.right.name)}(…)}` }, e.right.range));
        return { ...e, left: this.expr(e.left, env), right: { ...e.right, shape: ANY }, shape: ANY };
      }
    }
    // `d/dx` with nothing after it is a derivative missing its body, not d divided by a name dx.
    if (e.op === '/' && !left0 && e.left.kind === 'Var' && e.left.name.base === 'd' && !e.left.name.index && e.right.kind === 'Var'
      && /^d\p{L}$/u.test(e.right.name.base) && !this.lookup(e.left.name, env) && !this.lookup(e.right.name, env)) {
      this.error(diagnostic('derivative-body', { written: `d/${e.right.name.base}` }, e.range));
      return { ...e, shape: ANY };
    }
    const left = left0 ?? this.expr(e.left, env);
    const right = right0 ?? this.expr(e.right, env);
    // `a/b(x + 1)`, `a/bc`: a product the resolver reads out of one word or bracket is
    // juxtaposition, as tight as `/` and after it (LANGUAGE.md §1: a/b c = (a/b)·c), so the
    // division takes its first factor only, with a warning that shows the reading.
    // (Not a `\frac` denominator: it spans its braces, so it is in brackets of its own.)
    // (`a/-bc`, `a/-b(x + 1)` too: the minus goes with the first factor. A bracketed `(-bc)`
    // ends after its last factor's end, at its closing bracket: whole.)
    const negated = e.right.kind === 'Neg' && e.right.range[1] === e.right.arg.range[1] && juxtaposedWord(e.right.arg);
    if (e.op === '/' && !right0 && (juxtaposedWord(e.right) || negated)) {
      const factors = implicitFactors(negated && right.kind === 'Neg' ? right.arg : right);
      if (factors.length >= 2) {
        const first: Expr = negated
          ? { kind: 'Neg', arg: factors[0]!, range: [right.range[0], factors[0]!.range[1]], shape: factors[0]!.shape ?? ANY }
          : factors[0]!;
        const wrap = (f: Expr) => (f.kind === 'Neg' || (f.kind === 'Binary' && (f.op === '+' || f.op === '-')) ? `(${printExpr(f)})` : printExpr(f));
        this.error(diagnostic('reading', {
          written: printExpr(e),
          reading: `(${wrap(left)}/${wrap(first)}) · ${factors.slice(1).map(wrap).join(' · ')}`,
          other: `${wrap(left)}/(${printExpr(right)})`,
        }, e.range));
        let acc = this.binary({ ...e, right: first, range: [e.range[0], first.range[1]] }, env, left, first);
        for (const f of factors.slice(1)) {
          acc = this.product({ kind: 'Binary', op: '*', implicit: true, left: acc, right: f, range: [e.range[0], f.range[1]] }, acc, f);
        }
        return acc;
      }
    }
    if (e.hadamard) return this.hadamard(e, left, right, env);
    const l = left.shape ?? ANY;
    const r = right.shape ?? ANY;
    const out = { ...e, left, right };
    switch (e.op) {
      case '+': case '-': {
        if (!shapeEq(l, r) || (l.kind === 'scalar' && r.kind === 'matrix') || (l.kind === 'matrix' && r.kind === 'scalar')) {
          const op = e.op === '+' ? 'add' : 'subtract';
          // (A name read as a scalar because it is not declared is the likely cause: said so —
          // `define h_t = W h_{t−1} + U x_t` with h undeclared — red team rt65.)
          const implicit = [...new Set([left, right].flatMap((side) => this.implicitScalars(side, env)))];
          // (`1 − σ(z)` for a vector z: no vector of ones, said so.)
          const ones = [left, right].some((side) => side.kind === 'Num') && [l, r].some((x) => x.kind === 'matrix');
          this.error(diagnostic('shape-mismatch', {
            op, left: describeShape(l), right: describeShape(r), ...(implicit.length > 0 ? { undeclared: implicit.slice(0, 3).join(', ') } : {}),
            ...(ones ? { hint: 'a number is not added to each entry (no vector of ones is built in): σ(z) ⊙ (1 − σ(z)) is σ(z) − σ(z) ⊙ σ(z)' } : {}),
          }, e.range));
          return { ...out, shape: ANY };
        }
        for (const [side, other] of [[left, r], [right, l]] as const) {
          if (identityMultiple(side) && side.shape?.kind === 'any' && other.kind === 'matrix' && !sameDim(other.rows, other.cols)) {
            this.error(diagnostic('shape-required', { what: 'I', expected: 'a square matrix beside it', got: describeShape(other) }, side.range));
          }
        }
        settle(left, r);
        settle(right, l);
        // `X + c I`: the I of a scalar multiple takes the square shape beside it.
        if (r.kind === 'matrix' && sameDim(r.rows, r.cols)) settleIdentity(left, r);
        if (l.kind === 'matrix' && sameDim(l.rows, l.cols)) settleIdentity(right, l);
        return { ...out, shape: l.kind === 'any' ? (left.shape ?? r) : l };
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
          if (!this.isIntegerValued(right, env)) {
            // Names not declared integer (undeclared single letters are scalars): say how to declare them.
            const names = [...new Set(freeNames(right).filter((v) => !this.isIntegerName(v, env)).map((v) => printName(v.name)))];
            const hint = names.length > 0 ? ` (declare 'integer ${names.join(', ')}' if ${names.length > 1 ? 'they are whole numbers' : 'it is a whole number'})` : '';
            this.error(diagnostic('shape-required', { what: 'a matrix power', expected: 'a whole-number exponent (or -1 for the inverse)', got: printExpr(right) + hint }, right.range));
          }
        }
        return { ...out, shape: l };
      }
    }
  }

  /** A whole number: a literal, a declared integer, or `+ − ×` of them (`A^{t-1}`, `A^{2k}`). */
  private isIntegerValued(e: Expr, env: Env): boolean {
    if (isIntegerLiteral(e) || this.isIntegerName(e, env)) return true;
    if (e.kind === 'Neg') return this.isIntegerValued(e.arg, env);
    if (e.kind === 'Binary' && (e.op === '+' || e.op === '-' || e.op === '*')) return this.isIntegerValued(e.left, env) && this.isIntegerValued(e.right, env);
    return false;
  }

  /** A declared integer (`A^k` with `integer k`). */
  private isIntegerName(e: Expr, env: Env): boolean {
    return e.kind === 'Var' && (env.integers.has(printName(e.name)) || env.scope.lookup(e.name)?.info.kind === 'integer');
  }

  private product(out: Extract<Expr, { kind: 'Binary' }>, left: Expr, right: Expr): Expr {
    const l = left.shape ?? ANY;
    const r = right.shape ?? ANY;
    if (l.kind === 'scalar') return { ...out, shape: r };
    if (r.kind === 'scalar') return { ...out, shape: l };
    if (l.kind === 'any' && r.kind === 'matrix') {
      settleIdentity(left, { kind: 'matrix', rows: r.rows, cols: r.rows });
      return { ...out, shape: r };
    }
    if (r.kind === 'any' && l.kind === 'matrix') {
      settleIdentity(right, { kind: 'matrix', rows: l.cols, cols: l.cols });
      return { ...out, shape: l };
    }
    if (l.kind === 'matrix' && r.kind === 'matrix') {
      if (!sameDim(l.cols, r.rows)) {
        // (Two vectors of one size, `x · y` or `x y`: the products they may mean, in this notation.)
        const vectors = sameDim(l.cols, 1) && sameDim(r.cols, 1) && sameDim(l.rows, r.rows);
        const named = (x: Expr): string => (x.kind === 'Var' ? printExpr(x) : `(${printExpr(x)})`);
        const [a, b] = [named(left), named(right)];
        const gap = a.length > 1 || b.length > 1 ? ' ' : '';
        const hint = vectors ? `for the inner product write ${a}ᵀ${gap}${b}, for the outer product ${a}${gap}${b}ᵀ, for the product entry by entry ${a} ⊙ ${b}` : undefined;
        this.error(diagnostic('shape-mismatch', { op: 'multiply', left: describeShape(l), right: describeShape(r), ...(hint ? { hint } : {}) }, out.range));
        return { ...out, shape: ANY };
      }
      return { ...out, shape: normShape({ kind: 'matrix', rows: l.rows, cols: r.cols }) };
    }
    return { ...out, shape: ANY };
  }
}

// ---------------------------------------------------------------------------

/** The statements `A and B and …` joins (not a chain's links); the formula itself otherwise. */
function conjuncts(f: Formula): Formula[] {
  return f.kind === 'Logic' && f.op === '∧' && !f.chain ? [...conjuncts(f.left), ...conjuncts(f.right)] : [f];
}

/** Words that make a statement conditional, which no line of the language is (`condition-word`). */
const CONDITION_WORDS: ReadonlySet<string> = new Set(['if', 'when', 'whenever', 'unless', 'provided', 'otherwise']);

/** Whether a formula reads no name but `names` and calls no function of the file's (`z > 0`, `|z|² ≤ 1`; not `f(z) ≥ 0`). */
function readsOnly(f: Formula, names: ReadonlySet<string>): boolean {
  let only = true;
  for (const e of formulaExprs(f)) {
    for (const v of freeNames(e)) if (!names.has(printName(v.name))) only = false;
    visit(e, (x) => {
      if (x.kind === 'Call' && !isBuiltinFunctionName(x.fn.base)) only = false;
      if (x.kind === 'Expect' || x.kind === 'Deriv' || x.kind === 'Grad' || x.kind === 'Limit') only = false;
    });
  }
  return only;
}

/** The definitions of the scope that starts at statement `from` (up to the next section). */
function groupAt(statements: readonly Statement[], from: number): Define[] {
  const out: Define[] = [];
  for (let i = from; i < statements.length; i++) {
    const st = statements[i]!;
    if (st.kind === 'Section') break;
    if (st.kind === 'Define') out.push(st);
  }
  return out;
}

/** The declarations of the scope that starts at statement `from` (up to the next section). */
function declarationsAt(statements: readonly Statement[], from: number): Declare[] {
  const out: Declare[] = [];
  for (let i = from; i < statements.length; i++) {
    const st = statements[i]!;
    if (st.kind === 'Section') break;
    if (st.kind === 'Declare') out.push(st);
  }
  return out;
}

/**
 * The declared names (`W_h`, as printed) whose one-letter subscript is a label, not the index
 * of a family, in a scope with these declarations (in any order): the letter is declared as
 * something no index is (a vector, matrix, function or random name, alone or as a family:
 * `vector h`, `vector h_t`), or one letter is declared with two different subscripts of
 * letters (`matrix W_h, W_x`, `W_{hh}, W_x`: a family has one index). A letter declared
 * `integer` is always an index.
 */
function labelSubscripts(declarations: readonly Declare[]): Set<string> {
  const integers = new Set<string>();
  const notIndices = new Set<string>();
  const subscripts = new Map<string, Set<string>>();
  const candidates: Name[] = [];
  for (const d of declarations) {
    for (const n of d.names) {
      const letter = n.index?.kind === 'Var' && !n.index.name.index && labelName(n) ? printName(n.index.name) : null;
      if (d.declKind === 'integer') {
        if (!n.index) integers.add(printName(n));
      } else if (d.declKind !== 'scalar') {
        notIndices.add(familyKey(n));
      }
      if (letter !== null) {
        if ([...letter].length === 1) candidates.push(n);
        const key = familyKey(n);
        if (!subscripts.has(key)) subscripts.set(key, new Set());
        subscripts.get(key)!.add(letter);
      }
    }
  }
  const out = new Set<string>();
  for (const n of candidates) {
    const letter = printName((n.index as Var).name);
    if (integers.has(letter)) continue;
    if (notIndices.has(letter) || subscripts.get(familyKey(n))!.size > 1) out.add(printName(n));
  }
  return out;
}

/** Whole numbers as a definition's indices: lo … hi (null: no bound) less some points. */
interface IndexSet { readonly lo: bigint | null; readonly hi: bigint | null; readonly excluded: readonly bigint[] }

/** An integer literal, negated or not (`3`, `-2`); null otherwise. */
function wholeLiteral(e: Expr): bigint | null {
  const q = e.kind === 'Num' || e.kind === 'Neg' ? literalFraction(e) : null;
  return q && q[0] % q[1] === 0n ? q[0] / q[1] : null;
}

/**
 * A number written as a whole number, a decimal or a fraction of two (`3`, `-0.5`, `1/2`), as
 * numerator and positive denominator; null otherwise. (The checker's constantValue does more;
 * name resolution stands before the checker and does not import it.)
 */
function literalFraction(e: Expr): readonly [bigint, bigint] | null {
  if (e.kind === 'Num' && /^\d+(\.\d+)?$/.test(e.value)) {
    const [whole, frac = ''] = e.value.split('.');
    return [BigInt(`${whole}${frac}`), 10n ** BigInt(frac.length)];
  }
  if (e.kind === 'Neg') {
    const a = literalFraction(e.arg);
    return a && [-a[0], a[1]];
  }
  if (e.kind === 'Binary' && e.op === '/') {
    const a = literalFraction(e.left);
    const b = literalFraction(e.right);
    if (!a || !b || b[0] === 0n) return null;
    const n = a[0] * b[1];
    const d = a[1] * b[0];
    return d < 0n ? [-n, -d] : [n, d];
  }
  return null;
}

/**
 * The members of its family a definition gives: `a_3` gives 3, `a_{t+1} … for t ≥ 0` gives
 * 1, 2, …, `a_t` with no condition every index. Null for a function, a name that is no
 * member, or a condition that is not plain whole bounds on its variable (`t ≤ T`).
 */
function indicesDefined(d: Define): IndexSet | null {
  const index = d.target.index;
  if (d.params || !index) return null;
  const n = wholeLiteral(index);
  if (n !== null) return { lo: n, hi: n, excluded: [] };
  const variable = indexVariable(index);
  if (variable === null) return null;
  const offset = index.kind === 'Binary' && index.right.kind === 'Num' ? BigInt(index.right.value) * (index.op === '-' ? -1n : 1n) : 0n;
  let lo: bigint | null = null;
  let hi: bigint | null = null;
  const excluded: bigint[] = [];
  const c = d.condition;
  for (let i = 0; c && i < c.ops.length; i++) {
    const a = c.operands[i]!;
    const b = c.operands[i + 1]!;
    const isVar = (x: Expr) => x.kind === 'Var' && printName(x.name) === variable;
    const FLIP: Record<string, string> = { '<': '>', '≤': '≥', '>': '<', '≥': '≤', '=': '=', '≠': '≠' };
    let op: string = c.ops[i]!;
    let q: readonly [bigint, bigint] | null;
    if (isVar(a) && !isVar(b)) q = literalFraction(b);
    else if (isVar(b) && !isVar(a)) {
      q = literalFraction(a);
      op = FLIP[op] ?? op;
    } else return null;
    if (q === null) return null;
    // Whole values only: t > 0.5 is t ≥ 1, t ≤ 2.5 is t ≤ 2.
    const [n, d] = q;
    const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
    const ceil = n >= 0n ? (n + d - 1n) / d : -(-n / d);
    const whole = n % d === 0n;
    const raise = (v: bigint) => { lo = lo === null || v > lo ? v : lo; };
    const lower = (v: bigint) => { hi = hi === null || v < hi ? v : hi; };
    if (op === '≥') raise(ceil);
    else if (op === '>') raise(floor + 1n);
    else if (op === '≤') lower(floor);
    else if (op === '<') lower(ceil - 1n);
    else if (op === '=') { raise(whole ? floor : 1n); lower(whole ? floor : 0n); }
    else if (op === '≠') { if (whole) excluded.push(floor); }
    else return null;
  }
  const shift = (v: bigint | null) => (v === null ? null : v + offset);
  return { lo: shift(lo), hi: shift(hi), excluded: excluded.map((v) => v + offset) };
}

/**
 * A member two definitions of one family both give (the least, or the one nearest 0), `unknown`
 * when the same name is defined twice and it cannot be told (a condition `t ≤ T`), null when
 * none: `a_0 = 1` and `a_t = 2a_{t−1} for t ≥ 0` both give a_0.
 */
function sharedIndex(a: Define, b: Define): bigint | 'unknown' | null {
  if (a.params || b.params) return a.params && b.params && printName(a.target) === printName(b.target) ? 'unknown' : null;
  if (familyKey(a.target) !== familyKey(b.target)) return null;
  const same = printName(a.target) === printName(b.target);
  const sa = indicesDefined(a);
  const sb = indicesDefined(b);
  if (!sa || !sb) return same ? 'unknown' : null;
  const max = (x: bigint | null, y: bigint | null) => (x === null ? y : y === null ? x : x > y ? x : y);
  const min = (x: bigint | null, y: bigint | null) => (x === null ? y : y === null ? x : x < y ? x : y);
  const lo = max(sa.lo, sb.lo);
  const hi = min(sa.hi, sb.hi);
  if (lo !== null && hi !== null && lo > hi) return null;
  const out = new Set([...sa.excluded, ...sb.excluded].map(String));
  // The first members of the common range, from its lower end (or from 0 outward): the
  // exclusions are finitely many, so a common range of more members than them is shared.
  const start = lo ?? (hi !== null && hi < 0n ? hi : 0n);
  const step = lo === null && hi !== null && hi < 0n ? -1n : 1n;
  for (let k = start, i = 0; i <= out.size; k += step, i++) {
    if ((lo !== null && k < lo) || (hi !== null && k > hi)) break;
    if (!out.has(String(k))) return k;
  }
  if (lo === null && hi === null) {
    for (let k = -1n, i = 0; i <= out.size; k--, i++) if (!out.has(String(k))) return k;
  }
  return null;
}

/** Whether a name with this base occurs in the expressions. */
function mentionsBase(exprs: readonly Expr[], base: string): boolean {
  let hit = false;
  for (const e of exprs) visit(e, (x) => { if (x.kind === 'Var' && x.name.base === base) hit = true; });
  return hit;
}

/** The indices of `A_{ij}`, `A_{i j}`, `A_{12}`, `x_i`: a word or number splits into one per character for a matrix. */
function componentIndices(index: Expr, shape: Shape, declaredMatrix = false): Expr[] {
  // (A matrix declared in R^{3×1} or R^{1×3} takes two indices too, W_{21}, as well as one.)
  const matrix = shape.kind === 'matrix' && (declaredMatrix || (!sameDim(shape.cols, 1) && !sameDim(shape.rows, 1)));
  if (!matrix) return [index];
  if (index.kind === 'Var' && !index.name.index && [...index.name.base].length === 2 && index.name.primes === 0) {
    const [a, b] = [...index.name.base] as [string, string];
    const at = index.range[0];
    return [
      { kind: 'Var', name: plainName(a, [at, at + a.length]), range: [at, at + a.length] },
      { kind: 'Var', name: plainName(b, [at + a.length, index.range[1]]), range: [at + a.length, index.range[1]] },
    ];
  }
  // (`A_{j2}`: read as the letter j numbered 2, it is the two indices j and 2.)
  if (index.kind === 'Var' && [...index.name.base].length === 1 && index.name.primes === 0 && index.name.index?.kind === 'Num' && /^\d$/.test(index.name.index.value)) {
    const at = index.range[0];
    return [
      { kind: 'Var', name: plainName(index.name.base, [at, at + index.name.base.length]), range: [at, at + index.name.base.length] },
      { kind: 'Num', value: index.name.index.value, range: [at + index.name.base.length, index.range[1]] },
    ];
  }
  if (index.kind === 'Num' && /^\d\d$/.test(index.value)) {
    const at = index.range[0];
    return [
      { kind: 'Num', value: index.value[0]!, range: [at, at + 1] },
      { kind: 'Num', value: index.value[1]!, range: [at + 1, at + 2] },
    ];
  }
  if (index.kind === 'Binary' && index.op === '*' && index.implicit) return [index.left, index.right];
  return [index];
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
  if (e.kind === 'Const' && e.name === 'I') (e as Mutable<Expr>).shape = other;
  else if (e.kind === 'Num' || e.kind === 'Neg') (e as Mutable<Expr>).shape = other;
}

/**
 * Gives the two sides of `=` (or `≠`) the shape the other has where one is open: a bare `0`
 * or `I`, or a scalar multiple of I beside a square matrix (`2 A A⁻¹ = 2 I`,
 * `∇²‖x‖² = 2 I`, `(A + λI) − A = λ I`: the I was left without a size).
 */
function settleSides(a: Expr, b: Expr): void {
  settle(a, b.shape ?? ANY);
  settle(b, a.shape ?? ANY);
  for (const [side, other] of [[a, b.shape], [b, a.shape]] as const) {
    if (other?.kind === 'matrix' && sameDim(other.rows, other.cols)) settleIdentity(side, other);
  }
}

/** Whether an expression is `I`, `λI`, `−2I`, `I/2`, `I + λI` (a scalar multiple of the identity). */
function identityMultiple(e: Expr): boolean {
  if (e.kind === 'Const') return e.name === 'I';
  if (e.kind === 'Neg') return identityMultiple(e.arg);
  if (e.kind === 'Binary' && e.op === '*') {
    return ((e.left.shape?.kind === 'scalar' || e.left.kind === 'Num') && identityMultiple(e.right)) || (e.right.shape?.kind === 'scalar' && identityMultiple(e.left));
  }
  if (e.kind === 'Binary' && e.op === '/') return e.right.shape?.kind === 'scalar' && identityMultiple(e.left);
  if (e.kind === 'Binary' && (e.op === '+' || e.op === '-')) return identityMultiple(e.left) && identityMultiple(e.right);
  return false;
}

/** Gives the `I` of `I`, `λI`, `-2I` (a scalar multiple of the identity) the square shape beside it. */
function settleIdentity(e: Expr, shape: Shape): void {
  if (e.shape?.kind !== 'any') return;
  const m = e as Mutable<Expr>;
  if (e.kind === 'Const' && e.name === 'I') m.shape = shape;
  else if (e.kind === 'Neg') { settleIdentity(e.arg, shape); m.shape = shape; }
  else if (e.kind === 'Binary' && (e.op === '*' || e.op === '/')) {
    if (e.left.shape?.kind === 'scalar') settleIdentity(e.right, shape);
    else if (e.right.shape?.kind === 'scalar') settleIdentity(e.left, shape);
    // (A 0 before I, whose own shape is open since 0 is also the zero matrix: `0 I`.)
    else if (e.op === '*' && e.left.kind === 'Num') settleIdentity(e.right, shape);
    else return;
    m.shape = shape;
  } else if (e.kind === 'Binary' && (e.op === '+' || e.op === '-') && identityMultiple(e)) {
    // (`I + I`, `2I − λI`: every I in it.)
    settleIdentity(e.left, shape);
    settleIdentity(e.right, shape);
    m.shape = shape;
  }
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

/** `forall`, `foreach`, `forevery` written as one word: the quantifier, not six letters (`assume f(z) ≥ 0 forall z`). */
const QUANTIFIER_WORD = /^for(?:all|each|every)$/u;

/** `ab` → `a b or a*b`. */
function splitWord(word: string, declared = false, inIndex = false): string {
  if (!declared && QUANTIFIER_WORD.test(word)) return "'for all' (two words) or ∀";
  // (In a subscript a word is a label, x_{cost}: no function is applied there.)
  const applied = inIndex ? null : appliedFunctionText(word);
  if (applied) return applied;
  const greek = declared ? undefined : GREEK_ABBREVIATIONS[word];
  if (greek !== undefined) return `${greek[0]} (or ${greek[1]})`;
  const letters = [...word];
  return `${letters.join(' ')} or ${letters.join('*')}`;
}

/** A hat or bar over a word, said for each letter (`\hat{x} \hat{y}`). */
function accentedLetters(n: Name): string {
  const accent = n.hat ? '\\hat' : '\\bar';
  return `${[...n.base].map((l) => `${accent}{${l}}`).join(' ')} for a ${n.hat ? 'hat' : 'bar'} over each letter`;
}

/** Built-in functions whose names a word of letters may hold (`xsin`, `sinx`), longest first. */
const WORD_FUNCTIONS = ['tanh', 'sqrt', 'sin', 'cos', 'tan', 'exp', 'log', 'abs', 'det', 'ln'] as const;

/** The first built-in function's name inside a word of two or more parts (`xsin` → x, sin, ''), or null. */
function functionInWord(word: string): { before: string; fn: string; after: string } | null {
  for (let i = 0; i < word.length; i++) {
    const fn = WORD_FUNCTIONS.find((f) => word.startsWith(f, i));
    if (fn && fn.length < word.length) return { before: word.slice(0, i), fn, after: word.slice(i + fn.length) };
  }
  return null;
}

/**
 * How to apply the functions a word holds (`sinx` → `sin(x)`, `xsin` → `x sin(…)`,
 * `sinθcosθ` → `sin(θ) cos(θ)`), each taking the letters up to the next, or null.
 */
function appliedFunctionText(word: string, argument?: string): string | null {
  const found = functionInWord(word);
  if (!found) return null;
  // (A Greek letter's name as the letter: `alphasin(x)` → α sin(x).)
  const letters = (part: string): string => GREEK_LETTERS[part] ?? [...part].join(' ');
  const before = found.before ? `${letters(found.before)} ` : '';
  const next = found.after ? functionInWord(found.after) : null;
  if (next && next.before !== '') {
    // (The letters up to the next function are this one's argument; the rest applies on.)
    return `${before}${found.fn}(${letters(next.before)}) ${appliedFunctionText(found.after.slice(next.before.length), argument)}`;
  }
  const inner = [found.after ? letters(found.after) : '', argument ?? ''].filter((x) => x !== '').join(' ');
  return `${before}${found.fn}(${inner || '…'})`;
}


/** Words that shorten a Greek letter's name (`eps` for ε, as in code): the letter and its name. */
const GREEK_ABBREVIATIONS: Readonly<Record<string, readonly [string, string]>> = table({
  eps: ['ε', 'epsilon'], epsi: ['ε', 'epsilon'], lam: ['λ', 'lambda'], lamb: ['λ', 'lambda'], lamda: ['λ', 'lambda'],
  lmbda: ['λ', 'lambda'], alph: ['α', 'alpha'], gam: ['γ', 'gamma'], sig: ['σ', 'sigma'], del: ['δ', 'delta'],
  thet: ['θ', 'theta'],
});

/** Where a name's base stands (without its subscript). */
function rangeOfBase(n: Name): Range {
  return [n.range[0], Math.min(n.range[1], n.range[0] + n.base.length)];
}

/** A power's base as written before `^`: bracketed unless it is a name, number or constant (`(1/x)^…`). */
function powerBaseText(base: Expr): string {
  const text = printExpr(base);
  return base.kind === 'Var' || base.kind === 'Const' || (base.kind === 'Num' && !text.startsWith('-')) ? text : `(${text})`;
}

/**
 * A product whose left ends in a power with a one-letter exponent and whose right starts,
 * tight against it, with a call that the letter makes a built-in function's name (`^l` then
 * `og(2)`): that function's name, the rest of it, the power's base and the name's range; else null.
 */
function splitBuiltinExponent(e: Extract<Expr, { kind: 'Binary' }>): { name: string; rest: string; word: boolean; negated: boolean; base: Expr; range: Range; call: Range | null } | null {
  let pow: Expr = e.left;
  while (pow.kind === 'Binary' && pow.op === '*' && pow.implicit) pow = pow.right;
  let next: Expr = e.right;
  while (next.kind === 'Binary' && next.op === '*' && next.implicit) next = next.left;
  // (`e^cos^2(x)`: the rest with its power, os²; no fix then: braces around cos(x) would
  // leave its power outside them.)
  const powered = next.kind === 'Binary' && next.op === '^';
  if (next.kind === 'Binary' && next.op === '^') next = next.left;
  if (pow.kind !== 'Binary' || pow.op !== '^') return null;
  // (`2^-cos(x)`: the letter under a minus, 2^(−c) · os(x).)
  const negated = pow.right.kind === 'Neg';
  const atom = pow.right.kind === 'Neg' ? pow.right.arg : pow.right;
  if (atom.kind !== 'Var') return null;
  const letter = atom.name;
  if (letter.index || letter.primes > 0 || [...letter.base].length !== 1) return null;
  // (`e^cos(x)`: the rest a call, og(2) of (1/x)^log(2); `e^tan x`: a word, an.)
  // (`e^log_2 x`: og_2, the rest with the logarithm's base.)
  const rest = next.kind === 'Call' && !next.fn.index ? next.fn : next.kind === 'Var' && next.name.primes === 0 ? next.name : null;
  if (rest === null) return null;
  const name = `${letter.base}${rest.base}`;
  // (`norm(x)` and `abs(x)` are read as ‖x‖ and |x|, not as calls: `e^norm(x)` was e^n · orm(x),
  // "unknown function 'orm'".)
  if (!(isBuiltinFunctionName(name) || name === 'norm' || name === 'abs') || atom.range[1] !== rest.range[0]) return null;
  return { name, rest: rest.base, word: next.kind === 'Var', negated, base: pow.left, range: [atom.range[0], rest.range[1]], call: next.kind === 'Call' && !powered ? [pow.right.range[0], next.range[1]] : null };
}

/** The fixes for an unknown word: write it as a product. */
function wordFixes(word: string, range: Range, declared = false, inIndex = false): Fix[] {
  if (!declared && QUANTIFIER_WORD.test(word)) return [{ message: 'write for all', edits: [{ range, text: 'for all' }] }];
  const greek = declared ? undefined : GREEK_ABBREVIATIONS[word];
  if (greek !== undefined) return [{ message: `write ${greek[0]}`, edits: [{ range, text: greek[0] }] }];
  // (A word that holds a function's name: the function applied, not its letters, sinx → sin(x).)
  const applied = inIndex ? null : appliedFunctionText(word);
  if (applied && !applied.endsWith('(…)')) return [{ message: `write ${applied}`, edits: [{ range, text: applied }] }];
  const letters = [...word];
  if (letters.length < 2 || !letters.every((l) => /\p{L}/u.test(l))) return [];
  if (applied) return [];
  return [{ message: `write ${letters.join(' ')}`, edits: [{ range, text: letters.join(' ') }] }];
}

export type { Range };

/**
 * Whether an operand is one word or bracket the resolver may read as a product: a call of a
 * name that is not a function (`b(x + 1)`), a word of letters (`bc`), either under a
 * superscript (`b(x + 1)²`); not one in brackets of its own (`(b c)`, `(b(x + 1))`).
 */
function juxtaposedWord(e: Expr): boolean {
  if (e.kind === 'Call') return e.range[0] === e.fn.range[0];
  if (e.kind === 'Var') return e.range[0] === e.name.range[0] && e.name.base.length >= 2 && !e.name.index;
  if (e.kind === 'Binary' && e.op === '^') return e.range[0] === e.left.range[0] && juxtaposedWord(e.left);
  if (e.kind === 'Transpose' || e.kind === 'Factorial') return e.range[0] === e.arg.range[0] && juxtaposedWord(e.arg);
  return false;
}

/** The factors of a left-nested implicit product (`b·c·d` → b, c, d); one factor for anything else. */
function implicitFactors(e: Expr): Expr[] {
  return e.kind === 'Binary' && e.op === '*' && e.implicit ? [...implicitFactors(e.left), e.right] : [e];
}

/** Δ alone, undecorated. */
function isBareDelta(n: Name): boolean {
  return n.base === 'Δ' && !n.index && n.primes === 0 && !n.hat && !n.bar;
}

/** The most operations the argument of cosh, sinh, sech, csch or coth may hold: it is written out twice (Resolver.expDefined). */
const MAX_WRITTEN_OUT = 2000;

/** A Num that is a whole number ≥ 0. */
function isWholeNumber(e: Expr): boolean {
  return e.kind === 'Num' && /^\d+$/u.test(e.value);
}

/**
 * The name a use or a definition of `n` is kept under where it is one member, primes left out:
 * a plain name, or one at a whole-number subscript, folded (`f_{0+1}` is f_1); null at a
 * subscript with names in it (`f_t`, `f_{t-1}`: any member).
 */
function memberKey(n: Name): string | null {
  if (n.index === null) return printName({ ...n, primes: 0 });
  const at = canonicalIndex(n.index);
  return isWholeNumber(at) ? printName({ ...n, index: at, primes: 0 }) : null;
}

/** Whether an expression is the number 1 as written (`1`, `1.0`): `1ᵀ x` is no vector of ones. */
function isOne(e: Expr): e is Extract<Expr, { kind: 'Num' }> {
  return e.kind === 'Num' && /^1(?:\.0*)?$/u.test(e.value);
}

/** `lowered` (a copy) with `written` as what is typeset for it: a non-enumerable property (ast.ts, Node.written). */
function asWritten(lowered: Expr, written: Expr): Expr {
  const out = { ...lowered };
  Object.defineProperty(out, 'written', { value: written, enumerable: false });
  return out;
}
