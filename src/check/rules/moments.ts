import type { Declare, Expr, Formula, Name, Range, Shape, Var } from '../../ast.js';
import { diagnostic, type ArgsOf, type Diagnostic } from '../../diagnostics.js';
import { printExpr, printFormula, printName } from '../../print.js';
import type { Scope } from '../../types/scope.js';
import { covPair } from '../../ast.js';
import { visit } from '../rewrite.js';
import { children } from '../../ast-walk.js';

/**
 * What `random` declarations say (LANGUAGE.md §5.4): for each random name its declared
 * moments, and which names may depend on each other. The checker reads every fact of a
 * declaration; one it cannot use is a warning (`unused-fact`), never silence (codes `fact-…`, `iid-single`, `moments-incomplete`, `fourth-without-third`).
 *
 * Independence: members of an `iid` family are independent and identically distributed;
 * distinct random names are independent of each other, unless a fact relates them (such a
 * fact is not used, and the names are then taken as dependent: a step needing their joint
 * moments is unknown, never decided on an assumption the file contradicts), or an assumption
 * does (relatedRandomPairs, read by the checker at each `assume`). Members of a
 * family not declared `iid` have unknown joint moments.
 *
 * Moments used: the mean `E[g] = μ`; the second moment `E[g²] = ρ`, `E[g g] = ρ`
 * (scalars) or `E[x xᵀ] = Σ` (vectors); the central one `Var[g] = s²`, `Cov[g] = s²`,
 * `Cov[x] = Σ`, `Cov[x, x] = Σ`; and, for scalars only, `E[g³]` and `E[g⁴]` (a fourth
 * moment needs the third: together they must be those of a distribution). A family's
 * facts are written for its index (`E[g_t] = μ_t` gives each member its own mean).
 */

/** One declared moment: its value, and the family index it is written for (`t` in `E[g_t] = μ_t`). */
export interface Moment {
  readonly value: Expr;
  readonly indexVar: string | null;
  readonly range: Range;
}

/** What is known about one random name. */
export interface RandomSpec {
  /** The symbol key (`g` for the family `g_t`, `x`). */
  readonly key: string;
  /** As declared (`g_t`, `x`), for messages. */
  readonly label: string;
  readonly family: boolean;
  readonly iid: boolean;
  readonly shape: Shape;
  readonly mean: Moment | null;
  /** E[g²] or E[x xᵀ]. */
  readonly second: Moment | null;
  /** Var[g] or Cov[x]. */
  readonly covariance: Moment | null;
  /** E[g³], E[g⁴] (scalars). */
  readonly third: Moment | null;
  readonly fourth: Moment | null;
}

/** The random names in scope and the pairs (by key) that may be dependent. */
export interface RandomModel {
  readonly specs: ReadonlyMap<string, RandomSpec>;
  /** `a\u0000b` with a < b: distinct names a fact relates, so not taken as independent. */
  readonly dependent: ReadonlySet<string>;
}

/** The model of a section: the file's, with the section's declarations over it. */
export function mergeModels(outer: RandomModel, inner: RandomModel): RandomModel {
  if (inner.specs.size === 0 && inner.dependent.size === 0) return outer;
  if (outer.specs.size === 0 && outer.dependent.size === 0) return inner;
  const dependent = new Set([...outer.dependent, ...inner.dependent]);
  closeDependence(dependent);
  return { specs: new Map([...outer.specs, ...inner.specs]), dependent };
}

/** Adds to the dependent pairs (pairKey) every pair a chain of them links. */
export function closeDependence(dependent: Set<string>): void {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(k, r);
    return r;
  };
  for (const pair of dependent) {
    const [a, b] = pair.split('\u0000') as [string, string];
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    parent.set(find(a), find(b));
  }
  const groups = new Map<string, string[]>();
  for (const k of parent.keys()) {
    const r = find(k);
    groups.set(r, [...(groups.get(r) ?? []), k]);
  }
  for (const g of groups.values()) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) dependent.add(pairKey(g[i]!, g[j]!));
}

/** The key of an unordered pair of names. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

type Slot = 'mean' | 'second' | 'covariance' | 'third' | 'fourth';

const SLOT_TEXT: Record<Slot, string> = {
  mean: 'the mean', second: 'the second moment', covariance: 'the covariance', third: 'the third moment', fourth: 'the fourth moment',
};

/**
 * Reads one `random` declaration into `model` (its names and their moments). Returns the
 * warnings for facts that are not used, each saying why.
 */
export function readRandomDeclaration(st: Declare, scope: Scope, model: { specs: Map<string, RandomSpec>; dependent: Set<string> }): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const warn = (d: Diagnostic): void => {
    warnings.push(d);
  };
  const mine = new Map<string, { spec: RandomSpec; name: Name }>();
  for (const name of st.names) {
    const found = scope.lookup(name);
    if (!found || !found.info.random) continue;
    const info = found.info;
    if (st.iid && !info.family) {
      warn(diagnostic('iid-single', { name: printName(name) }, name.range));
    }
    const spec: RandomSpec = {
      key: info.key, label: printName(name), family: info.family, iid: st.iid && info.family, shape: info.shape,
      mean: null, second: null, covariance: null, third: null, fourth: null,
    };
    mine.set(info.key, { spec, name });
  }
  const slots = new Map<string, Partial<Record<Slot, Moment>>>();
  for (const f of st.facts) {
    const read = readFact(f, scope, mine);
    if ('unused' in read) {
      warn(read.unused(printFormula(f), f.range));
      // A fact relating several random names: they are not independent.
      const names = [...new Set(randomKeysIn(f, scope))];
      for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) model.dependent.add(pairKey(names[i]!, names[j]!));
      continue;
    }
    const got = slots.get(read.key) ?? {};
    if (got[read.slot]) {
      warn(diagnostic('fact-repeated', { fact: printFormula(f), moment: SLOT_TEXT[read.slot], name: mine.get(read.key)!.spec.label }, f.range));
      continue;
    }
    got[read.slot] = read.moment;
    slots.set(read.key, got);
  }
  for (const [key, { spec }] of mine) {
    const s = slots.get(key) ?? {};
    if ((s.third || s.fourth) && (!s.mean || (!s.second && !s.covariance))) {
      const m = (s.third ?? s.fourth)!;
      warn(diagnostic('moments-incomplete', { name: spec.label }, m.range));
      delete s.third;
      delete s.fourth;
    }
    if (s.fourth && !s.third) {
      warn(diagnostic('fourth-without-third', { name: spec.label }, s.fourth.range));
      delete s.fourth;
    }
    model.specs.set(key, { ...spec, ...s });
  }
  return warnings;
}

/** A fact that is not used: its warning, given the fact as written and where it is. */
type Unused = { unused: (fact: string, range: Range) => Diagnostic };
type ReadFact = { key: string; slot: Slot; moment: Moment } | Unused;

/** Which moment a fact declares, or why it declares none the checker uses. */
function readFact(f: Formula, scope: Scope, mine: ReadonlyMap<string, { spec: RandomSpec; name: Name }>): ReadFact {
  if (f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=') {
    return unused('fact-not-equation', {});
  }
  const [lhs, rhs] = f.operands as [Expr, Expr];
  if (lhs.kind !== 'Expect') return unused('fact-left-side', {});
  if (randomKeysIn(rhs, scope).length > 0) return unused('fact-random-value', {});
  /** The random name an operand is (with its family index variable), or why not. */
  const subject = (e: Expr): { key: string; indexVar: string | null } | Unused => {
    if (e.kind !== 'Var') return unused('fact-other-name', { name: printExpr(e) });
    const found = scope.lookup(e.name);
    const own = found ? mine.get(found.info.key) : undefined;
    if (!found || !own) return unused('fact-other-name', { name: `'${printName(e.name)}'` });
    if (!own.spec.family) return { key: own.spec.key, indexVar: null };
    const index = found.index;
    if (!index || index.kind !== 'Var' || index.name.index) {
      return unused('fact-family-member', { family: own.spec.label });
    }
    return { key: own.spec.key, indexVar: printName(index.name) };
  };
  const done = (s: { key: string; indexVar: string | null } | Unused, slot: Slot): ReadFact => {
    if ('unused' in s) return s;
    const spec = mine.get(s.key)!.spec;
    if ((slot === 'third' || slot === 'fourth') && spec.shape.kind !== 'scalar') {
      return unused('fact-higher-moment-vector', {});
    }
    if ((slot === 'second' || slot === 'covariance') && spec.shape.kind === 'matrix' && String(spec.shape.cols) !== '1') {
      return unused('fact-matrix-second-moment', { name: spec.label });
    }
    return { key: s.key, slot, moment: { value: rhs, indexVar: s.indexVar, range: f.range } };
  };
  const same = (a: Expr, b: Expr): boolean => printExpr(a) === printExpr(b);
  const arg = lhs.arg;
  if (lhs.op === 'Var') return done(subject(arg), 'covariance');
  if (lhs.op === 'Cov') {
    const pair = covPair(lhs);
    if (!pair) return done(subject(arg), 'covariance');
    if (!same(pair[0], pair[1])) return unused('fact-cross-covariance', {});
    return done(subject(pair[0]), 'covariance');
  }
  // E[…]
  if (arg.kind === 'Var') return done(subject(arg), 'mean');
  if (arg.kind === 'Binary' && arg.op === '^' && arg.right.kind === 'Num' && ['2', '3', '4'].includes(arg.right.value)) {
    return done(subject(arg.left), arg.right.value === '2' ? 'second' : arg.right.value === '3' ? 'third' : 'fourth');
  }
  if (arg.kind === 'Binary' && arg.op === '*') {
    const { left, right } = arg;
    if (right.kind === 'Transpose' && same(left, right.arg)) return done(subject(left), 'second');
    if (left.kind === 'Transpose' && same(left.arg, right)) {
      return unused('fact-trace', { x: printExpr(right) });
    }
    if (same(left, right) && left.shape?.kind !== 'matrix') return done(subject(left), 'second');
  }
  return unused('fact-unknown-moment', {});
}

/** The warning for a fact that is not used, once the fact's text and range are known. */
function unused<C extends 'fact-not-equation' | 'fact-left-side' | 'fact-random-value' | 'fact-other-name' | 'fact-family-member'
  | 'fact-higher-moment-vector' | 'fact-matrix-second-moment' | 'fact-cross-covariance' | 'fact-trace' | 'fact-unknown-moment'>(
  code: C, args: Omit<ArgsOf<C>, 'fact'>,
): Unused {
  return { unused: (fact, range) => diagnostic(code, { ...args, fact } as ArgsOf<C>, range) };
}

/** Keys of the random names an expression or formula mentions. */
/**
 * The pairs of distinct random names (keys, with their names as written) a condition relates:
 * read inside one E/Var/Cov (`Cov[X, Y] = c`, `E[X Y] = ρ`, `Var[X + Y] = 2`), or as values
 * outside any (`X = Y`, `X + Y = 0`). Names each in an expectation of its own (`E[X] + E[Y] = 1`)
 * are not related by it.
 */
export function relatedRandomPairs(
  f: Formula, scope: Scope,
  /** The body of a name a definition gives (`define W = X + Y`: `assume W = 0` relates X and Y), else null. */
  bodyOf: (v: Var) => Expr | null = () => null,
): { readonly key: string; readonly names: readonly [string, string] }[] {
  const groups: Map<string, string>[] = [];
  const outside = new Map<string, string>();
  // (Definitions unfolded four deep at most: a recurrence, g_t from h_t from g_{t−1}, reads itself.)
  const DEPTH = 4;
  const read = (e: Expr, into: Map<string, string>, depth: number): void => {
    visit(e, (n) => {
      if (n.kind !== 'Var') return;
      const found = scope.lookup(n.name);
      if (found?.info.random) {
        if (!into.has(found.info.key)) into.set(found.info.key, printName({ ...n.name, index: found.info.family ? n.name.index : null }));
        return;
      }
      const body = depth < DEPTH ? bodyOf(n) : null;
      if (body) read(body, into, depth + 1);
    });
  };
  const walk = (e: Expr, depth: number): void => {
    if (e.kind === 'Expect') {
      const mine = new Map<string, string>();
      read(e.arg, mine, depth);
      if (e.second) read(e.second, mine, depth);
      groups.push(mine);
      return;
    }
    if (e.kind === 'Var') {
      // (A defined name stands for its body: `define W = E[X Y]` read inside an expectation of its own.)
      const body = depth < DEPTH ? bodyOf(e) : null;
      if (body) walk(body, depth + 1);
      else read(e, outside, DEPTH);
      return;
    }
    for (const c of children(e)) walk(c, depth);
  };
  const exprs = (x: Formula): Expr[] => (x.kind === 'Logic' ? [...exprs(x.left), ...exprs(x.right)] : x.kind === 'Compare' ? [...x.operands] : [x.subject]);
  for (const e of exprs(f)) walk(e, 0);
  groups.push(outside);
  const out = new Map<string, { key: string; names: readonly [string, string] }>();
  for (const g of groups) {
    const keys = [...g.keys()];
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const key = pairKey(keys[i]!, keys[j]!);
        if (!out.has(key)) out.set(key, { key, names: [g.get(keys[i]!)!, g.get(keys[j]!)!] });
      }
    }
  }
  return [...out.values()];
}

function randomKeysIn(x: Expr | Formula, scope: Scope): string[] {
  if (x.kind === 'Logic') return [...randomKeysIn(x.left, scope), ...randomKeysIn(x.right, scope)];
  const out: string[] = [];
  const exprs: Expr[] = x.kind === 'Compare' ? [...x.operands] : x.kind === 'TagFact' ? [] : [x];
  for (const e of exprs) {
    visit(e, (n) => {
      if (n.kind !== 'Var') return;
      const found = scope.lookup(n.name);
      if (found?.info.random) out.push(found.info.key);
    });
  }
  return out;
}

/**
 * Names that stand alone as a declared second moment or covariance (`Cov[x] = Σ`,
 * `Var[g] = s`): sampling draws such a matrix positive definite and such a scalar ≥ 0, so
 * the declared moments are those of a distribution at (almost) every point.
 */
export function momentNames(model: RandomModel): { matrices: Set<string>; scalars: Set<string> } {
  const matrices = new Set<string>();
  const scalars = new Set<string>();
  for (const spec of model.specs.values()) {
    for (const m of [spec.second, spec.covariance]) {
      const v = m?.value;
      if (v?.kind !== 'Var' || v.name.index) continue;
      (v.shape?.kind === 'matrix' ? matrices : scalars).add(printName(v.name));
    }
  }
  return { matrices, scalars };
}
