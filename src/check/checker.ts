import { Inexact, Signal } from './evaluator/field.js';
import { noteStackOverflow } from './stack-overflow.js';
import { contradiction } from './contradictions.js';
import type {
  Chain, Compare, Condition, Connective, Define, Expr, Formula, Hint, HintItem, Name, Range, RelOp, Show, Statement, Step, Var,
} from '../ast.js';
import { exprKey, formulaExprs, formulaKey, mapChildren, trivialKey, visit } from '../ast-walk.js';
import { constantValue } from './evaluator/interpret.js';
import { diagnostic, type Diagnostic, type RelatedNote } from '../diagnostics.js';
import { msText, OverTime, withDeadline } from '../deadline.js';
import { printExpr, printFormula, printName } from '../print.js';
import { VERDICTS, type Counterexample, type Outcome, type ShowResult, type StepResult, type Verdict } from '../result.js';
import type { ResolvedFile } from '../types/resolve.js';
import { SCALAR, familyKey, type Scope } from '../types/scope.js';
import { Prepared, isolatedScalar, type Context } from './sampling/point.js';
import type { BrokenDefinition } from '../parse/index.js';
import { NO_POINT, NO_VALUE } from './sampling/index.js';
import { freeNames, indexBounds, substituteFormula, unfoldingOf, type Unfolding } from './rewrite.js';
import { closeDependence, mergeModels, readRandomDeclaration, relatedRandomPairs, type RandomSpec } from './rules/moments.js';
import { impliedTags } from './tags.js';
import { decideStep, isExpr, type RewriteRule, type StepOptions } from './step.js';
import { nonnegative, ruleContext } from './rules/facts.js';
import { definedEverywhere, liftCalls, liftedOutcome, mentionsFunction } from './lift.js';
import { now, withWallCap } from '../clock.js';
import type { Decision, Stopped } from './options.js';

export interface CheckerOptions {
  readonly seed: number;
  readonly samples: number;
  readonly timeoutMs: number;
  /** The flag that raises `timeoutMs` (`--timeout`, `--step-timeout`), for messages. */
  readonly timeoutFlag?: string;
  /** Absolute wall time (Date.now()) after which every remaining step is `unknown`: a budget for the whole file (src/clock.ts: not the step clock). */
  readonly deadline?: number;
  /** Keep the context each show and answer is checked in (`claimContexts`), for grading against an answer key. */
  readonly recordClaims?: boolean;
  /**
   * Take every step as proved without deciding it: for an answer key already checked (its hash
   * matched), whose walk is needed only for the contexts. `decideIn` still decides.
   */
  readonly trusted?: boolean;
  /** `define` lines that did not parse (the parser's `brokenDefinitions`): what reads their targets is not checked. */
  readonly brokenDefinitions?: readonly BrokenDefinition[];
  /** `assume` lines that did not parse (the parser's `brokenAssumptions`, their ranges). */
  readonly brokenAssumptions?: readonly Range[];
  /** CheckOptions.onDecide: told as each relation's decision starts. */
  readonly onDecide?: (range: readonly [number, number], index: number) => void;
  /** CheckOptions.onDecided: told as each relation's decision ends. */
  readonly onDecided?: (decision: Decision) => void;
  /** CheckOptions.replay: decisions made before, taken by their place where the range matches, not made again. */
  readonly replay?: readonly Decision[];
  /** CheckOptions.stopped: relations left `unknown`, a check before stuck there. */
  readonly stopped?: readonly Stopped[];
}


/** A step's note that a side has no value at a point (sampling/index.ts `extend`): the step holds only where both sides have values. */
const DOMAIN_NOTE = /\b(left|right) side is undefined at\b|has no value at\b/;
/** The note on a refutation made `unknown` by an assumption left out for an error, at that assumption. */
const DROPPED_NOTE = 'this assumption has an error, so it was left out';

/** The worse of two verdicts (error < refuted < unknown < checked < proved). */
export function worst(a: Verdict, b: Verdict): Verdict {
  return VERDICTS.indexOf(a) <= VERDICTS.indexOf(b) ? a : b;
}

const INDEX_SPAN = 5;
/** A `for all t ≥ k` claim with no chain is checked for t = k … 12 (LANGUAGE.md §5.2). */
const FOR_ALL_TOP = 12;

/**
 * A named show and how it ended. `section`: the section it was shown in, when that section's
 * own assumptions were among its premises (it holds there only), else null (it holds on).
 */
interface Fact {
  readonly name: string; readonly claim: Formula; readonly verdict: Verdict; readonly forAll: Compare | null;
  /** The section it holds in only (shown under its assumptions), or null: everywhere after it. */
  readonly section: number | null; readonly sectionName: string | null;
  /** The definitions in force where it was shown, by the name they define. */
  readonly definitions: ReadonlyMap<string, Define>;
  /** The `show` line's range. */
  readonly range: Range;
  /** The assumptions in force where it was shown (file's and section's). */
  readonly assumed: readonly Condition[];
}

/** Walks a resolved file in order, keeping what is in scope, and decides every step and show. */
export class Checker {
  readonly steps: StepResult[] = [];
  readonly shows: ShowResult[] = [];
  /** Warnings found while checking (a cited show that does not exist or did not pass). */
  readonly warnings: Diagnostic[] = [];
  /** How many induction steps are being checked (where `by IH` means the claim at t − 1). */
  private inductionSteps = 0;
  private fileDefs: Define[] = [];
  /** The symbols (family keys: `v` for `v_0`) a definition with an error gives, file level then this section's: a step that reads one is not checked. */
  private readonly fileBroken = new Set<string>();
  private sectionBroken = new Set<string>();
  private sectionDefs: Define[] = [];
  private fileAssumes: Condition[] = [];
  private readonly fileRandom = { specs: new Map<string, RandomSpec>(), dependent: new Set<string>() };
  private sectionRandom = { specs: new Map<string, RandomSpec>(), dependent: new Set<string>() };
  private sectionAssumes: Condition[] = [];
  /** How many sections have begun (which one a fact was shown in). */
  private sectionCount = 0;
  /** Assumptions left out for an error (a condition that does not type-check), file level and this section's: their ranges. */
  private fileDropped: Range[] = [];
  private sectionDropped: Range[] = [];
  private section: string | null = null;
  private inSection = false;
  private readonly facts: Fact[] = [];
  /**
   * Named shows that did not pass, taken here as if they had (`passed`): for one decision only,
   * that of a step refuted without the claim it rests on (ifShowsPassed).
   */
  private asPassed: ReadonlySet<Fact> = new Set();
  /**
   * How to make each context again (`context` with the same arguments, then what was added to it):
   * a context made while `asPassed` holds other facts has their claims as a passed show's.
   */
  private readonly remakes = new WeakMap<Context, () => Context>();
  /** The name of the show whose chain is being checked, if it has one (a step there cannot cite it). */
  private showing: string | null = null;
  /** With `recordClaims`: the context each show and answer saw (for `decideIn`). */
  readonly claimContexts = new Map<Statement, Context>();

  constructor(
    private readonly file: ResolvedFile,
    private readonly diagnostics: readonly Diagnostic[],
    private readonly options: CheckerOptions,
  ) {}

  run(): void {
    // Definitions hold in their whole scope, whatever their place in it (LANGUAGE.md §2).
    this.fileDefs = this.definitionsFrom(0, this.fileBroken);
    this.file.ast.statements.forEach((st, i) => {
      if (st.kind === 'Section') {
        this.sectionDefs = this.definitionsFrom(i + 1, this.sectionBroken = new Set());
        this.sectionShadowed = new Set();
      }
      this.statement(st);
    });
  }

  /**
   * The usable definitions of the scope that starts at statement `from` (up to the next
   * section): a definition with an error is not used. A recurrence comes before the base
   * cases of its family, so that where both apply (`define u_0 = 0` and `define u_t = …`
   * with no `for`) the base case wins.
   */
  private definitionsFrom(from: number, broken: Set<string>): Define[] {
    const all = this.file.ast.statements;
    const out: Define[] = [];
    // A define line that did not parse, in this scope (from the statement before `from`, a section, to the next one).
    const begin = from === 0 ? 0 : all[from - 1]!.range[0];
    const end = all.slice(from).find((st) => st.kind === 'Section')?.range[0] ?? Infinity;
    const unparsed = (this.options.brokenDefinitions ?? []).filter((b) => b.range[0] >= begin && b.range[0] < end).map((b) => b.target);
    for (let i = from; i < all.length; i++) {
      const st = all[i]!;
      if (st.kind === 'Section') break;
      if (st.kind === 'Define' && !this.hasError(st.range)) out.push(st);
      // (Not one defined twice, whatever else is wrong with it: the first definition is the one used.)
      else if (st.kind === 'Define') {
        const errors = this.diagnostics.filter((d) => d.severity === 'error' && d.range[0] < st.range[1] && st.range[0] < d.range[1]);
        if (!errors.some((d) => d.code === 'defined-twice')) broken.add(familyKey(st.target));
      }
    }
    // (A target a valid definition of this scope gives as written is that definition's.)
    for (const t of unparsed) if (!out.some((d) => printName(d.target) === printName(t))) broken.add(familyKey(t));
    const general = (d: Define) => d.target.index !== null && d.target.index.kind !== 'Num';
    return [...out.filter(general), ...out.filter((d) => !general(d))];
  }

  private statement(st: Statement): void {
    switch (st.kind) {
      case 'Section':
        this.section = st.name;
        this.sectionCount++;
        this.inSection = true;
        this.sectionAssumes = [];
        this.sectionDropped = [];
        this.sectionRandom = { specs: new Map(), dependent: new Set() };
        return;
      case 'Define':
        // Collected for the whole scope in run(); a definition with an error is not used.
        return;
      case 'Declare':
        // A matrix in R^{1×1} is a scalar: its tags are conditions on it (positive definite
        // P > 0, invertible P ≠ 0, orthogonal P² = 1; symmetric and diagonal say nothing).
        if (st.declKind === 'matrix' && st.tags.length > 0 && !this.hasError(st.range)) {
          const scope = this.file.scopes.get(st);
          for (const name of st.names) {
            if (scope?.lookup(name)?.info.shape.kind !== 'scalar') continue;
            const p: Expr = { kind: 'Var', name, range: name.range, shape: SCALAR };
            const num = (value: string): Expr => ({ kind: 'Num', value, range: name.range, shape: SCALAR });
            const cond = (left: Expr, op: RelOp, right: Expr): Condition => ({ formula: { kind: 'Compare', operands: [left, right], ops: [op], range: name.range }, forAll: [], range: name.range });
            for (const tag of st.tags) {
              const c = tag === 'positive definite' ? cond(p, '>', num('0'))
                : tag === 'invertible' ? cond(p, '≠', num('0'))
                  : tag === 'orthogonal' ? cond({ kind: 'Binary', op: '^', left: p, right: num('2'), range: name.range, shape: SCALAR }, '=', num('1'))
                    : null;
              if (c) (this.inSection ? this.sectionAssumes : this.fileAssumes).push(c);
            }
          }
        }
        if (st.declKind === 'random' && !this.hasError(st.range)) {
          // `random g_t … iid with E[g_t] = μ, E[g_t²] = ρ`: its moments, for E[·], Var[·], Cov[·].
          const scope = this.file.scopes.get(st);
          if (scope) {
            this.warnings.push(...readRandomDeclaration(st, scope, this.inSection ? this.sectionRandom : this.fileRandom));
            closeDependence((this.inSection ? this.sectionRandom : this.fileRandom).dependent);
          }
        }
        return;
      case 'Assume': {
        // (A condition that reads a name whose definition or declaration has an error is left
        // out too: `vector v, w in R^{(n+1)}` refused, `assume x = (vᵀw)² − (vᵀv)(wᵀw)` read v
        // and w as scalars and proved x = 0.)
        const ctx = this.fileBroken.size + this.sectionBroken.size > 0 ? this.context(st, new Map()) : null;
        const dropped = (c: Condition) => this.hasError(c.range) || (ctx !== null && this.readsBrokenDefinition([c.formula], ctx) !== null);
        const kept = st.conditions.filter((c) => !dropped(c));
        // (`for all` assumptions no function meets together: said at the later one.)
        const scope = this.file.scopes.get(st);
        const clash = scope ? contradiction([...this.fileAssumes, ...this.sectionAssumes], kept, scope) : null;
        if (clash) this.warnings.push(diagnostic('assumptions-contradict', clash, st.range));
        // (A defined name read under `for all` that its definition reads a bound name in: one value,
        // not a shorthand that follows the bound name. Red team rt81: `define h = z²`,
        // `assume f(z) ≥ h for all z` was read so without a word, and f(3) ≥ 9 refuted at f ≡ 0.)
        if (kept.some((c) => c.forAll.length > 0) && (this.fileDefs.length > 0 || this.sectionDefs.length > 0)) {
          const at = this.context(st, new Map());
          for (const c of kept) {
            if (c.forAll.length === 0) continue;
            const bound = new Set(c.forAll.map((v) => familyKey(v.name)));
            const read = new Set<string>();
            for (const e of formulaExprs(c.formula)) visit(e, (x) => { if (x.kind === 'Var') read.add(familyKey(x.name)); if (x.kind === 'Call') read.add(familyKey(x.fn)); });
            // (Not the definition's own parameters or index, `define v_t = β v_{t−1} + 1` under `for all t`.)
            const own = (def: Define) => new Set([...(def.params ?? []).map((q) => familyKey(q.name)), ...(def.target.index?.kind === 'Var' ? [familyKey(def.target.index.name)] : [])]);
            const via = (def: Define) => { const mine = own(def); return this.readsSymbol([def.value], at, (key) => bound.has(key) && !mine.has(key)); };
            let by: string | null = null;
            const d = at.defs.find((def) => read.has(familyKey(def.target)) && !bound.has(familyKey(def.target)) && (by = via(def)) !== null);
            if (!d || by === null) continue;
            this.warnings.push(diagnostic('defined-under-for-all', { name: printName({ ...d.target, index: null }), bound: by, condition: `${printFormula(c.formula)} for all ${c.forAll.map((v) => printName(v.name)).join(', ')}` }, c.range));
          }
        }
        // (A condition relating random names, `Cov[X, Y] = c` or `X = Y`: they are dependent from
        // here on. Red team rt89: `assume Cov[X, Y] = c` left X and Y independent, which forces
        // c = 0, and `Var[X − Y] = s + r + 2c` was proved.)
        if (scope) {
          const model = this.inSection ? this.sectionRandom : this.fileRandom;
          // (Through definitions too: `define W = X + Y`, `assume W = 0`; red team rt90.)
          const defs = [...this.fileDefs, ...this.sectionDefs];
          const bodyOf = (v: Var): Expr | null => {
            const d = [...defs].reverse().find((x) => !x.params && (printName(x.target) === printName(v.name) || (!!v.name.index && !!x.target.index && familyKey(x.target) === familyKey(v.name))));
            return d ? d.value : null;
          };
          for (const c of kept) {
            const fresh = relatedRandomPairs(c.formula, scope, bodyOf).filter((p) => !model.dependent.has(p.key));
            for (const p of fresh) model.dependent.add(p.key);
            if (fresh.length > 0) {
              const names = [...new Set(fresh.flatMap((p) => p.names))];
              this.warnings.push(diagnostic('assumption-relates-random', { condition: printFormula(c.formula), names: names.length === 2 ? `${names[0]} and ${names[1]}` : names.join(', ') }, c.range));
            }
          }
          // (And every two names related through others: X = Z and Y = Z make X and Y
          // dependent too, and Cov[X, Z] = Cov[Y, Z] = 9/10 forces Cov[X, Y] ≠ 0; red team rt90.)
          closeDependence(model.dependent);
        }
        (this.inSection ? this.sectionAssumes : this.fileAssumes).push(...kept);
        (this.inSection ? this.sectionDropped : this.fileDropped).push(...st.conditions.filter(dropped).map((c) => c.range));
        return;
      }
      case 'ChainStatement':
        this.chain(st.chain, this.context(st, new Map(), chainParts(st.chain)), []);
        return;
      case 'Show':
        if (this.options.recordClaims) this.claimContexts.set(st, this.claimContext(st));
        this.show(st);
        return;
      case 'Answer':
        if (this.options.recordClaims) this.claimContexts.set(st, this.context(st, new Map(), st.claims));
        return;
      default:
        return;
    }
  }

  // -------------------------------------------------------------------------
  // Context

  private context(
    st: Statement, fixed: ReadonlyMap<string, readonly [number, number]>, within: readonly (Expr | Formula | null)[] = [],
  ): Context {
    const scope = this.file.scopes.get(st)!;
    // Named shows that passed are facts for the rest of the file: `v_t = … for all t ≥ 0`
    // then works like a definition wherever v has none of its own (definitions come later
    // in the list, so they win).
    const defs = [...this.factDefinitions(scope), ...this.fileDefs.filter((d) => !this.shadowedIn(d, scope)), ...this.sectionDefs];
    // Integer names are indices: 0, 1, 2, … — raised so that no family subscript goes
    // negative (`v_{t-1}` needs t ≥ 1), unless a range is fixed (a `for all`, an induction).
    // A falling subscript caps it (`v_{5−t}` needs t ≤ 5), where that leaves room above where it starts.
    const lo = 0;
    const indexRanges = new Map(fixed);
    const { lower, upper, joint } = indexBounds(within.flatMap(exprsOf));
    for (const [key, bound] of lower) {
      if (indexRanges.has(key) || bound <= lo) continue;
      indexRanges.set(key, [bound, bound + INDEX_SPAN]);
    }
    const indexCaps = new Map<string, number>();
    for (const [key, cap] of upper) {
      if (fixed.has(key) || cap < (indexRanges.get(key)?.[0] ?? lo)) continue;
      indexCaps.set(key, cap);
    }
    // (An assumption `f(z) = body for all z` that is all a definition is: read as `define
    // f(z) = body`, so a point holds f as it is, not a drawn f the equation may not hold for.
    // Red team rt89: under `f(z) = z² for all z`, f(a + b) = a² + b² was unknown, the drawn
    // f only a suspicion.)
    // (The whole file is walked for functions applied to matrices only where some assumption
    // holds `for all` one name: it was ~1% of checking the identity table, with none.)
    const assumes = [...this.fileAssumes, ...this.sectionAssumes];
    const { defining, rest } = definingAssumptions(assumes, scope, defs, assumes.some((c) => c.forAll.length === 1) ? this.calledOnMatrices() : new Set());
    const out: Context = {
      scope, defs: [...defining, ...defs], assumptions: rest,
      indexRanges, indexCaps, defaultIndex: [lo, lo + INDEX_SPAN],
      indexConstraints: joint.filter((c) => c.terms.every(([key]) => !fixed.has(key))),
      random: mergeModels(this.fileRandom, this.sectionRandom),
    };
    this.remakes.set(out, () => this.context(st, fixed, within));
    return out;
  }

  /** `change` made of a context, kept so that the context made again (`remakes`) has it too. */
  private derived(ctx: Context, change: (c: Context) => Context): Context {
    const out = change(ctx);
    const remake = this.remakes.get(ctx);
    if (remake) this.remakes.set(out, () => change(remake()));
    return out;
  }

  /** Whether a named show passed, or is taken as passed for this decision (`asPassed`). */
  private passed(f: Fact): boolean {
    return f.verdict === 'proved' || f.verdict === 'checked' || this.asPassed.has(f);
  }

  private matrixCalls: Set<string> | null = null;

  /**
   * The functions the file applies to a vector or matrix anywhere (by name): an `R → R`
   * function acts on each entry there, which a definition read from `f(z) = z² for all z`
   * would not (f(A) would be A A; red team rt91).
   */
  private calledOnMatrices(): ReadonlySet<string> {
    if (this.matrixCalls) return this.matrixCalls;
    const out = new Set<string>();
    const seen = new Set<object>();
    const walk = (x: unknown): void => {
      if (x === null || typeof x !== 'object' || seen.has(x)) return;
      seen.add(x);
      if (Array.isArray(x)) {
        for (const y of x) walk(y);
        return;
      }
      const node = x as { kind?: string; fn?: Name; args?: readonly Expr[] };
      if (node.kind === 'Call' && node.fn && node.args?.some((a) => a.shape?.kind !== 'scalar')) out.add(node.fn.base);
      for (const [k, v] of Object.entries(x)) if (k !== 'range') walk(v);
    };
    walk(this.file.ast);
    return (this.matrixCalls = out);
  }

  /** A show's `for all x ≥ 1` holds throughout its checks, like an assumption. */
  private withForAll(ctx: Context, forAll: Compare | null): Context {
    if (!forAll) return ctx;
    return this.derived(ctx, (c) => ({ ...c, assumptions: [...c.assumptions, { formula: forAll, forAll: [], range: forAll.range }] }));
  }

  /**
   * Whether a file-level definition speaks of a name this section declares anew: there it
   * would mean something else, so it is not used (its target is then a free name, which
   * can only make steps fail, never pass), with a warning once.
   */
  private shadowedIn(def: Define, scope: Scope): boolean {
    if (!scope.parent) return false;
    const bound = new Set<string>((def.params ?? []).map((p) => printName(p.name)));
    if (def.target.index?.kind === 'Var') bound.add(printName(def.target.index.name));
    const clash = freeNames(def.value, bound).find((v) => {
      const found = scope.lookup(v.name);
      if (found === undefined || !scope.hasOwn(found.info.key)) return false;
      // A tag the section assumes (`assume H invertible`) refines the same declaration.
      const outer = scope.parent?.get(found.info.key);
      return !(outer && outer.range[0] === found.info.range[0] && outer.range[1] === found.info.range[1]);
    });
    if (!clash) return false;
    this.sectionShadowed.add(familyKey(def.target));
    const key = `${this.section}\u0000${def.range[0]}`;
    if (!this.shadowWarned.has(key)) {
      this.shadowWarned.add(key);
      this.warnings.push(diagnostic('shadowed-definition', {
        section: this.section ?? '', name: printName(clash.name), target: printName(def.target),
      }, def.target.range));
    }
    return true;
  }

  private readonly shadowWarned = new Set<string>();
  /** The targets of file-level definitions this section drops (shadowedIn): a step that reads one is not checked. */
  private sectionShadowed = new Set<string>();

  /** Passing named shows of the form `name = expression` (maybe `for all t ≥ k`), as definitions. */
  private factDefinitions(scope: Scope): Define[] {
    const out: Define[] = [];
    const here = this.definitionsInForce();
    for (const f of this.facts) {
      if (!this.passed(f)) continue;
      // (Shown under a section's assumptions: a fact in that section only.)
      if (f.section !== null && f.section !== this.sectionCount) continue;
      if (this.factUnderOtherDefinitions(f, here) !== null) continue;
      const c = f.claim;
      if (c.kind !== 'Compare' || c.ops.length !== 1 || c.ops[0] !== '=') continue;
      // A declared function at distinct plain names, `g(x) = x²`: the claim holds for every x, so it
      // is `define g(x) = x²` (as an assumption `f(z) = body for all z` is, definingAssumptions). It
      // was a condition at the step's own x only, and g(2x) = 4x² by "p" was refuted at a drawn g.
      const call = c.operands[0]!;
      if (call.kind === 'Call') {
        const fn = scope.lookup(call.fn);
        if (!fn || fn.index || fn.info.kind !== 'function' || call.fn.index) continue;
        const params = call.args.filter((a): a is Var => a.kind === 'Var' && !a.name.index && !a.name.hat && !a.name.bar && a.name.primes === 0);
        if (params.length !== call.args.length || new Set(params.map((a) => printName(a.name))).size !== params.length) continue;
        if (params.some((a) => scope.lookup(a.name)?.info.kind !== 'scalar')) continue;
        const bound = new Set(params.map((a) => printName(a.name)));
        if (freeNames(c.operands[1]!, bound).some((v) => !scope.lookup(v.name))) continue;
        // (Only a claim that held for every argument: no assumption where it was shown reads the
        // function or its arguments — under `assume x > 0`, g(x) = x with g(z) = |z| holds for x > 0
        // only, and under `assume g(x) = x²` for that x only (red team rt244: g(−1) = −1 and
        // g(2y) = 4y² were proved) — and none in force here reads the function: what is assumed
        // of it here stays the constraint, not a definition over it.)
        const fnName = printName(call.fn);
        const readsAny = (conds: readonly Condition[], names: ReadonlySet<string>): boolean => conds.some((a) => formulaExprs(a.formula).some((e) => {
          let hit = false;
          visit(e, (x) => { if ((x.kind === 'Var' && names.has(printName(x.name))) || (x.kind === 'Call' && printName(x.fn) === fnName)) hit = true; });
          return hit;
        }));
        if (readsAny(f.assumed, bound) || readsAny([...this.fileAssumes, ...this.sectionAssumes], new Set())) continue;
        // (Not one whose value calls the function itself: it would loop.)
        let loops = false;
        visit(c.operands[1]!, (x) => { if (x.kind === 'Call' && printName(x.fn) === fnName) loops = true; });
        if (loops || f.forAll) continue;
        out.push({ kind: 'Define', target: call.fn, params, value: c.operands[1]!, condition: null, range: c.range });
        continue;
      }
      if (call.kind !== 'Var') continue;
      const lhs = call;
      if (!scope.lookup(lhs.name)) continue;
      // A fact about names this section cannot see (they were its own section's) says
      // nothing here; used anyway, it would make every step about its subject unknown.
      const bound = new Set<string>(f.forAll?.operands[0]?.kind === 'Var' ? [printName(f.forAll.operands[0].name)] : []);
      if (lhs.name.index?.kind === 'Var') bound.add(printName(lhs.name.index.name));
      if (freeNames(c.operands[1]!, bound).some((v) => !scope.lookup(v.name))) continue;
      // A fact that reads its own subject (`a = 1 a`, `v_t = v_t`), directly or through the
      // definitions (`x = y` with `define y = x + 0`), defines nothing: as a definition it would
      // loop, and every later step reading it would be unknown.
      if (this.readsItself(lhs, c.operands[1]!, [...out, ...this.fileDefs, ...this.sectionDefs])) continue;
      out.push({ kind: 'Define', target: lhs.name, params: null, value: c.operands[1]!, condition: f.forAll, range: c.range });
    }
    return out;
  }

  /**
   * Whether `value` reads `subject` (the same name at the same subscript as written) itself, or
   * a name whose definition among `defs` does so in turn (a family member through its base).
   */
  private readsItself(subject: Extract<Expr, { kind: 'Var' }>, value: Expr, defs: readonly Define[]): boolean {
    const key = exprKey(subject);
    const base = subject.name.base;
    const seen = new Set<string>();
    const pending: Expr[] = [value];
    while (pending.length > 0) {
      const e = pending.pop()!;
      let hit = false;
      visit(e, (x) => {
        if (x.kind !== 'Var') return;
        if (exprKey(x) === key) hit = true;
        const name = printName(x.name);
        if (seen.has(name)) return;
        seen.add(name);
        // (Through a definition of another name: its value, whatever its subscript.)
        for (const d of defs) {
          if (d.target.base !== x.name.base || d.target.base === base || d.params) continue;
          pending.push(d.value);
        }
      });
      if (hit) return true;
    }
    return false;
  }

  private rulesFor(ctx: Context, extra: readonly RewriteRule[]): RewriteRule[] {
    const rules: RewriteRule[] = [];
    for (const c of ctx.assumptions) {
      const f = c.formula;
      if (c.forAll.length === 0 && f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=') {
        rules.push({ key: exprKey(f.operands[0]!), rhs: f.operands[1]!, ...(f.operands[0]!.kind !== 'Var' ? { solved: true } : {}) });
        // (And solved for a scalar it is affine in, as sampling reads it: a + b + c = 0 gives
        // c = −a − b, and a³ + b³ + c³ = 3abc is proved by the identity test, not only checked.)
        if (f.operands[0]!.kind !== 'Var') {
          const solved = isolatedScalar(f, (v) => {
            const found = ctx.scope.lookup(v.name);
            const info = found?.info;
            return !!info && !found!.index && !v.name.index && !info.random && !info.fn && !info.family && info.kind === 'scalar' && info.shape.kind === 'scalar';
          }, (v) => ctx.scope.lookup(v.name)?.info.key ?? printName(v.name));
          if (solved) rules.push({ key: exprKey(solved.lhs), rhs: solved.rhs, solved: true });
        }
      }
    }
    return [...rules, ...extra];
  }

  /** The definitions in force here, by the name they define (a section's over the file's). */
  private definitionsInForce(): Map<string, Define> {
    const out = new Map<string, Define>();
    for (const d of [...this.fileDefs, ...(this.inSection ? this.sectionDefs : [])]) out.set(printName(d.target), d);
    return out;
  }

  /**
   * The name a fact was shown under another definition of than the one in force here, in
   * words, or null. Named shows are facts for the rest of the file (LANGUAGE.md §2), but not
   * where a name they read is defined otherwise (sixth red team: `show "s0": g(x) = 5x²`
   * with f(u) = u², cited in a section with f(u) = u³, proved a wrong ⇔).
   */
  private factUnderOtherDefinitions(f: Fact, here: ReadonlyMap<string, Define> = this.definitionsInForce()): string | null {
    for (const [name, d] of f.definitions) {
      const given = here.get(name);
      // (The same definition written again in a later section is the same definition.)
      if (given !== undefined && given !== d && definitionKey(given) !== definitionKey(d)) return name;
    }
    return null;
  }

  /**
   * The named show a justification cites by name, if it may be used here: it passed, holds in
   * this section, and was shown under the definitions in force. Else null, with a warning that
   * says why where `warn` (factRule's; citedContext asks again, silently).
   */
  private citedFact(name: string, range: Range, warn: boolean): Fact | null {
    const say = (d: Diagnostic): null => {
      if (warn) this.warnings.push(d);
      return null;
    };
    const fact = [...this.facts].reverse().find((f) => f.name === name);
    if (!fact) return say(diagnostic(name === this.showing ? 'show-cites-itself' : 'unknown-show', { name }, range));
    if (!this.passed(fact)) return say(diagnostic('show-not-passed', { name, verdict: fact.verdict }, range));
    if (fact.section !== null && fact.section !== this.sectionCount) {
      return say(diagnostic('show-other-section', { name, section: fact.sectionName ?? '' }, range));
    }
    const other = this.factUnderOtherDefinitions(fact);
    if (other !== null) return say(diagnostic('show-other-definitions', { name, defined: other }, range));
    return fact;
  }

  /** The rewrite a cited show offers; only a show that passed is used (a warning says why not). */
  private factRule(name: string, range: Range, warn = true): RewriteRule | null {
    const fact = this.citedFact(name, range, warn);
    if (!fact) return null;
    if (fact.claim.kind !== 'Compare' || fact.claim.ops.length !== 1 || fact.claim.ops[0] !== '=') return null;
    return { key: exprKey(fact.claim.operands[0]!), rhs: fact.claim.operands[1]! };
  }

  /** The rewrites of the shows these justification items cite by name (factRule for each `ref`). */
  private citedRules(items: readonly HintItem[], warn: boolean): RewriteRule[] {
    return items.flatMap((it) => (it.kind === 'ref' ? [this.factRule(it.name, it.range, warn)] : [])).filter((r): r is RewriteRule => r !== null);
  }

  /** The contexts made with cited shows' claims as conditions (citedContext), by the context they come from and the shows. */
  private readonly citedContexts = new WeakMap<Context, Map<string, { readonly ctx: Context; readonly prep: Prepared }>>();

  /**
   * The step's context with the claims of the named shows its justification cites (those
   * factRule takes) as conditions of its points, for that step only; null where it cites none
   * that adds one. What a step may use, a counterexample to it must meet: a cited claim is a
   * rewrite for the proofs (factRule), and was not a condition of the sampled points, so a
   * right step was refuted where the claim does not hold (red team rt240: `show "p": x y = 2x²`
   * under `define y = 2x`, then `x y + 1 = 2x² + 1 by "p"` in a section where y is free,
   * refuted at x = 1, y = 0 as an engine disagreement). Each claim is an assumption of the step:
   * an equation a substitution or solved for a scalar where it can be, else met by the
   * searches or by rejection; a point that meets none leaves the step unknown, never passed.
   * Not the claim that is already a definition here (factDefinitions: `v_t = …`, which every
   * point meets), nor one about names this scope cannot see, nor a limit (`→`: no point says
   * whether it holds). A claim shown `for all t ≥ k` is a condition at the step's t (of the
   * member the step's point draws: it says nothing there of v_{t+1}, which is then unenforced,
   * Prepared.onMember), and where t may be below k, only where t ≥ k.
   */
  private citedContext(ctx: Context, hint: Hint | null): { readonly ctx: Context; readonly prep: Prepared } | null {
    const conditions: Condition[] = [];
    const keys: string[] = [];
    for (const it of hint?.items ?? []) {
      if (it.kind !== 'ref') continue;
      const fact = this.citedFact(it.name, it.range, false);
      if (!fact) continue;
      const c = fact.claim;
      if (c.kind === 'Compare' && c.ops.includes('→')) continue;
      if (c.kind === 'Compare' && c.ops.length === 1 && c.ops[0] === '=' && ctx.defs.some((d) => d.value === c.operands[1])) continue;
      const bound = new Set<string>(fact.forAll?.operands[0]?.kind === 'Var' ? [printName(fact.forAll.operands[0].name)] : []);
      if (formulaExprs(c).some((e) => freeNames(e).some((v) => !ctx.scope.lookup(v.name) && !bound.has(printName(v.name))))) continue;
      if (conditions.some((x) => x.range === fact.range)) continue;
      // (Shown `for all t ≥ k`: the claim itself where every t drawn here is ≥ k, else where t ≥ k.)
      const every = forAllRange(fact.forAll);
      const always = every !== null && (ctx.indexRanges.get(every.key) ?? ctx.defaultIndex)[0] >= every.lo;
      const formula: Formula = fact.forAll && !always ? { kind: 'Logic', op: '⇒', left: fact.forAll, right: c, range: c.range } : c;
      conditions.push({ formula, forAll: [], range: fact.range });
      keys.push(`${fact.range[0]}:${fact.range[1]}`);
    }
    if (conditions.length === 0) return null;
    let known = this.citedContexts.get(ctx);
    if (!known) this.citedContexts.set(ctx, known = new Map());
    const key = keys.join(' ');
    let out = known.get(key);
    if (!out) {
      const cited = this.derived(ctx, (x) => ({ ...x, assumptions: [...x.assumptions, ...conditions] }));
      out = { ctx: cited, prep: new Prepared(cited) };
      known.set(key, out);
    }
    return out;
  }

  // -------------------------------------------------------------------------
  // Chains and steps

  private hasError(range: Range): boolean {
    return this.diagnostics.some((d) => d.severity === 'error' && d.range[0] < range[1] && range[0] < d.range[1]);
  }

  /** Checks each step of a chain; returns the worst verdict and the relations used. */
  private chain(c: Chain, ctx: Context, extraRules: readonly RewriteRule[]): { verdict: Verdict; rels: (RelOp | Connective)[]; gaps: boolean } {
    let prev: Expr | Formula | null = c.head;
    let prevRange: Range | null = c.head ? c.head.range : null;
    let verdict: Verdict = 'proved';
    let gaps = false;
    const rels: (RelOp | Connective)[] = [];
    const prep = new Prepared(ctx);
    const unfoldings = this.unfoldings(ctx);
    // A line `by IH` is checked where the induction's hypothesis holds (see induction()).
    const ihCtx: Context = this.derived(ctx, (x) => ({ ...x, assumptions: [...x.assumptions, ...x.hypotheses ?? []] }));
    const hypotheses = [...ctx.hypotheses ?? []];
    let ihPrep: Prepared | null = null;
    for (const step of c.steps) {
      rels.push(step.rel);
      const citesIH = hypotheses.length > 0 && (step.hint?.items.some((i) => i.kind === 'IH') ?? false);
      let result = citesIH
        ? this.step(step, prev, prevRange, ihCtx, ihPrep ??= new Prepared(ihCtx), unfoldings, extraRules)
        : this.step(step, prev, prevRange, ctx, prep, unfoldings, extraRules);
      // Where no point meets the hypothesis, say so: the claim is then false at t − 1 for every t tried.
      if (citesIH && result.verdict === 'unknown' && result.message?.startsWith(NO_POINT)) {
        const at = this.steps.indexOf(result);
        result = { ...result, message: 'the induction hypothesis (the claim at t − 1) held at no sampled point, so this line cannot be checked; the claim itself may be false (see its base)' };
        if (at >= 0) this.steps[at] = result;
      }
      verdict = worst(verdict, result.verdict);
      if (result.notes.some((n) => DOMAIN_NOTE.test(n.message))) gaps = true;
      prev = step.rhs;
      prevRange = step.rhs ? step.rhs.range : null;
    }
    return { verdict, rels, gaps };
  }

  /**
   * A refutation in the scope of an assumption left out for an error (a condition that does not
   * type-check, or an `assume` line that did not parse) is no counterexample: that assumption
   * may exclude the point. Such an outcome is `unknown`, naming the line; any other is as it is.
   */
  private underDroppedAssumption(outcome: Outcome, at: number): Outcome {
    if (outcome.verdict !== 'refuted') return outcome;
    const sections = this.file.ast.statements.filter((st) => st.kind === 'Section').map((st) => st.range[0]);
    const sectionOf = (pos: number) => sections.filter((s0) => s0 <= pos).length;
    const unparsed = (this.options.brokenAssumptions ?? []).filter((r) => r[0] < at && (sectionOf(r[0]) === 0 || sectionOf(r[0]) === sectionOf(at)));
    const dropped = [...this.fileDropped, ...this.sectionDropped, ...unparsed].filter((r) => r[0] < at).sort((a, b) => a[0] - b[0]);
    if (dropped.length === 0) return outcome;
    const where = outcome.counterexample ? ` at ${outcome.counterexample.assignments.map(([k, v]) => (v.startsWith('≈') ? `${k} ${v}` : `${k} = ${v}`)).join(', ') || 'its one point'}` : '';
    return {
      ...outcome, verdict: 'unknown', method: 'none', counterexample: null,
      notes: [...outcome.notes, { message: DROPPED_NOTE, range: dropped[0]! }],
      message: `the step fails${where}, but an assumption in scope has an error and was left out, and it may exclude that point (${outcome.message})`,
    };
  }

  /** `declaration` where a name (as readsBrokenDefinition prints it) was declared on a line with an error, else `definition`. */
  private brokenWhat(name: string): 'declaration' | 'definition' {
    const declared = (this.options.brokenDefinitions ?? []).some((b) => b.declaration && printName({ ...b.target, index: null }) === name);
    return declared ? 'declaration' : 'definition';
  }

  /** A symbol with a broken definition that these sides read, directly or through the definitions in scope (its name), or null. */
  private readsBrokenDefinition(sides: readonly (Expr | Formula)[], ctx: Context): string | null {
    if (this.fileBroken.size === 0 && this.sectionBroken.size === 0) return null;
    // (A file-level one the section defines or declares anew is not the one used there.)
    return this.readsSymbol(sides, ctx, (key) => this.sectionBroken.has(key)
      || (this.fileBroken.has(key) && !this.sectionDefs.some((d) => familyKey(d.target) === key) && !(ctx.scope.parent && ctx.scope.hasOwn(key))));
  }

  /** A target whose file-level definition this section drops (shadowedIn) that these sides read, directly or through the definitions in scope (its name), or null. */
  private readsShadowed(sides: readonly (Expr | Formula)[], ctx: Context): string | null {
    if (this.sectionShadowed.size === 0) return null;
    return this.readsSymbol(sides, ctx, (key) => this.sectionShadowed.has(key));
  }

  /** A symbol (family key) `isHit` picks that these sides read, directly or through the definitions in scope (its name), or null. */
  private readsSymbol(sides: readonly (Expr | Formula)[], ctx: Context, isBroken: (key: string) => boolean): string | null {
    const seen = new Set<string>();
    // Free names only (a ∑ index or a function's parameter named y is not the y defined), with
    // the names each definition binds (its parameters, its index variable).
    const queue: { e: Expr; bound: ReadonlySet<string> }[] = sides.flatMap(exprsOf).map((e) => ({ e, bound: new Set<string>() }));
    while (queue.length > 0) {
      const { e, bound } = queue.pop()!;
      const names: Name[] = freeNames(e, new Set(bound)).map((v) => v.name);
      visit(e, (x) => { if (x.kind === 'Call') names.push(x.fn); });
      for (const name of names) {
        const key = familyKey(name);
        if (isBroken(key)) return printName({ ...name, index: null });
        if (seen.has(key)) continue;
        seen.add(key);
        for (const d of ctx.defs) {
          if (familyKey(d.target) !== key) continue;
          const binds = new Set<string>((d.params ?? []).map((q) => printName(q.name)));
          if (d.target.index?.kind === 'Var') binds.add(printName(d.target.index.name));
          queue.push({ e: d.value, bound: binds });
        }
      }
    }
    return null;
  }

  private unfoldings(ctx: Context): Unfolding[] {
    return ctx.defs.filter((d) => !d.params).map((d) => unfoldingOf(d, ctx.scope)).filter((u): u is Unfolding => u !== null);
  }

  private step(
    step: Step, left: Expr | Formula | null, leftRange: Range | null, ctx: Context, prep: Prepared,
    unfoldings: Unfolding[], extraRules: readonly RewriteRule[],
  ): StepResult {
    const range: Range = [step.relRange[0], step.range[1]];
    const base = { range, relRange: step.relRange, section: this.section, relation: step.rel };
    const notes: RelatedNote[] = leftRange ? [{ message: 'the step starts from here', range: leftRange }] : [];
    const fail = (message: string, secondary = true): StepResult => {
      const r: StepResult = { ...base, verdict: 'error', method: 'none', samples: 0, counterexample: null, message, notes, secondary };
      this.steps.push(r);
      return r;
    };
    if (step.rhs === null) return fail('this line has an error, so the step is not checked');
    if (left === null) return fail('the line before has an error, so this step is not checked');
    if (this.hasError(step.range) || (leftRange && this.hasError(leftRange))) return fail('this step has an error (reported on its own), so it is not checked');
    const broken = this.readsBrokenDefinition([left, step.rhs], ctx);
    if (broken) return fail(`this step reads ${broken}, whose ${this.brokenWhat(broken)} has an error (reported on its own), so it is not checked`);
    // (A cited fact with an error of its own, `by u = 2` of a vector u: checked, the step was
    // unknown and suggested `define u = 2`, which has the same error.)
    const wrongFact = step.hint?.items.find((it) => it.kind === 'fact' && this.hasError(it.range));
    if (wrongFact && wrongFact.kind === 'fact') return fail(`the fact cited in the justification, ${printFormula(wrongFact.formula)}, has an error (reported on its own), so the step is not checked`);
    // (Second red team: sampled as a function nothing defines, g "failed" on an invented g.)
    const shadowed = this.readsShadowed([left, step.rhs], ctx);
    if (shadowed) return fail(`this step reads ${shadowed}, whose definition is not used in this section (see the warning), so it is not checked`);
    if (isExpr(left) !== isExpr(step.rhs)) {
      return fail(isExpr(left) ? 'a statement cannot follow an expression in a chain' : 'an expression cannot follow a statement in a chain', false);
    }
    const started = performance.now();
    let combined: Outcome;
    let trivial = false;
    // (decide() reports what escapes it; this is for the work around it: one step's fault is
    // that step's `unknown`, never the loss of the file's other steps.)
    try {
      combined = this.stepOutcome(step, left, step.rhs, ctx, prep, unfoldings, extraRules);
      // (A step that only rewrites trivially — terms or factors reordered, `·` for juxtaposition,
      // numbers computed — derives nothing: grading's partial credit does not count it.)
      trivial = step.rel === '=' && left !== null && isExpr(left) && step.rhs !== null && isExpr(step.rhs)
        && trivialKey(foldNumbers(left)) === trivialKey(foldNumbers(step.rhs));
    } catch (err) {
      combined = escaped(err);
    }
    combined = this.underDroppedAssumption(combined, step.range[0]);
    if (combined.verdict === 'refuted') {
      combined = this.ifShowsPassed(combined, 'step', step.hint, [left, step.rhs], ctx, step.range[0],
        (c) => this.stepOutcome(step, left, step.rhs!, c, new Prepared(c), this.unfoldings(c), extraRules));
    }
    const read = { left: printSide(left), right: printSide(step.rhs) };
    const r: StepResult = { ...base, ...combined, notes: [...notes, ...combined.notes], durationMs: performance.now() - started, ...(trivial ? { trivial } : {}), read };
    this.steps.push(r);
    return r;
  }

  /** A step's decision with what its justification offers; a cited fact that fails is the cause to report. */
  private stepOutcome(
    step: Step, left: Expr | Formula, right: Expr | Formula, ctx: Context, prep: Prepared, unfoldings: Unfolding[], extraRules: readonly RewriteRule[],
  ): Outcome {
    // (The claims of the shows it cites hold at its points: citedContext.)
    const cited = this.citedContext(ctx, step.hint);
    if (cited) ({ ctx, prep } = cited);
    const { rules, hintOutcome } = this.hintRules(step, ctx, prep, unfoldings, extraRules);
    const outcome = this.decide(left, step.rel, right, step, ctx, prep, unfoldings, rules);
    // A cited fact that fails is the cause to report; a step that fails as well keeps its own evidence.
    return !hintOutcome ? outcome
      : VERDICTS.indexOf(outcome.verdict) < VERDICTS.indexOf(hintOutcome.verdict)
        ? { ...outcome, message: `${hintOutcome.message}; and the step itself: ${outcome.message}` }
        : hintOutcome;
  }

  /**
   * The named shows a step (or a show's claim) cites (as factRule finds them), or that would
   * define a name it reads (factDefinitions), that did not pass — refuted, unknown or in error
   * for a line of their chain — but would be used here had they passed: not shown under another
   * section's assumptions or other definitions, their claim without an error.
   */
  private showsNotPassed(hint: Hint | null, sides: readonly (Expr | Formula)[]): Fact[] {
    const out: Fact[] = [];
    const usable = (fact: Fact): boolean => !this.passed(fact) && !out.includes(fact)
      // (Not one whose claim has an error: there is no claim to take. One in error for a line of
      // its chain is, as one refuted: a right step after it was refuted alike.)
      && !this.hasError(fact.claim.range) && !(fact.forAll && this.hasError(fact.forAll.range))
      && (fact.section === null || fact.section === this.sectionCount)
      && this.factUnderOtherDefinitions(fact) === null;
    for (const it of hint?.items ?? []) {
      if (it.kind !== 'ref') continue;
      const fact = [...this.facts].reverse().find((f) => f.name === it.name);
      if (fact && usable(fact)) out.push(fact);
    }
    // (What the step cites is what it rests on.) Else those uncited that would define a name
    // the step reads for what follows, had they passed (factDefinitions: `show "2.2": v_t =
    // (1 − β) ∑ …` gives v_t where nothing else does): a right step reading v_t was refuted
    // alike, v_t drawn as a free vector.
    if (out.length > 0) return out;
    // (And those that would define a name such a claim reads in turn: `show "e": w = y + 1` after
    // a failed `show "d": y = x² + 1`.)
    const read = new Set<string>();
    const reads = (e: Expr): void => visit(e, (x) => { if (x.kind === 'Var') read.add(familyKey(x.name)); });
    for (const side of sides) for (const e of isExpr(side) ? [side] : formulaExprs(side)) reads(e);
    for (let grew = true; grew;) {
      grew = false;
      for (const fact of this.facts) {
        const c = fact.claim;
        if (c.kind !== 'Compare' || c.ops.length !== 1 || c.ops[0] !== '=' || c.operands[0]!.kind !== 'Var') continue;
        if (!read.has(familyKey(c.operands[0].name)) || !usable(fact)) continue;
        out.push(fact);
        reads(c.operands[1]!);
        grew = true;
      }
    }
    return out;
  }

  /**
   * A step or a show's claim refuted without the claim of a show it cites, or that would define
   * a name it reads, that did not pass (factRule and factDefinitions leave it out, with a warning
   * for a cited one) is decided again as if that show had passed: its claim a fact exactly as a
   * passed show's is (factRule, factDefinitions, in a context made again; `redo`). Refuted even
   * so, the claim does not save it, and the first refutation stands (as it does where the claims
   * leave no point to sample); else it is `unknown`: it follows from a claim not established,
   * and the refutation was of something the student did not write (a right step after a show
   * with one wrongly justified line was refuted).
   */
  private ifShowsPassed(
    outcome: Outcome, what: 'step' | 'claim', hint: Hint | null, sides: readonly (Expr | Formula)[], ctx: Context, at: number,
    redo: (c: Context) => Outcome,
  ): Outcome {
    const failed = this.showsNotPassed(hint, sides);
    const remake = this.remakes.get(ctx);
    if (failed.length === 0 || !remake) return outcome;
    const before = this.asPassed;
    // (The warnings of the decision again are the first decision's, said once.)
    const warned = this.warnings.length;
    let again: Outcome;
    this.asPassed = new Set([...before, ...failed]);
    try {
      again = redo(remake());
    } catch (err) {
      again = escaped(err);
    } finally {
      this.asPassed = before;
      this.warnings.length = warned;
    }
    again = this.underDroppedAssumption(again, at);
    if (again.verdict === 'refuted' || again.verdict === 'error') return outcome;
    // (Nor where the claims leave no point, or none with values: they contradict the assumptions
    // or say what has no value — `assume x > 0, x² = x + 1` then `show "root": x = (1 − √5)/2`
    // left x² = x + 2, false for every x, unknown as resting on "root".)
    if (again.verdict === 'unknown' && (again.message.startsWith(NO_POINT) || again.message.startsWith(NO_VALUE))) return outcome;
    const names = failed.map((f) => `"${f.name}"`);
    const said = (v: Verdict) => (v === 'error' ? 'in error' : v);
    const verdicts = [...new Set(failed.map((f) => said(f.verdict)))];
    const one = failed.length === 1;
    const which = one
      ? `show ${names[0]}, which is ${said(failed[0]!.verdict)} (see it)`
      : `shows ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}, which are ${verdicts.length === 1 ? verdicts[0] : 'not established'} (see them)`;
    const claim = one ? 'its claim' : 'their claims';
    const message = again.verdict === 'unknown'
      ? `this ${what} rests on ${which}, and is refuted only without ${claim}, so it is not decided (with ${claim}: ${again.message}; without: ${outcome.message})`
      : `this ${what} follows from ${which}, so it is not decided (with ${claim}: ${again.message}; without: ${outcome.message})`;
    return {
      verdict: 'unknown', method: 'none', samples: again.samples, counterexample: null, message,
      notes: [...again.notes, ...failed.map((f) => ({ message: `show "${f.name}" is ${said(f.verdict)}`, range: f.range }))],
    };
  }

  /** Rewrites a justification offers, and the check of any facts it cites (they must hold too). */
  private hintRules(
    step: Step, ctx: Context, prep: Prepared, unfoldings: Unfolding[], extraRules: readonly RewriteRule[],
  ): { rules: RewriteRule[]; hintOutcome: Outcome | null } {
    const rules = this.rulesFor(ctx, extraRules);
    let hintOutcome: Outcome | null = null;
    for (const it of step.hint?.items ?? []) {
      if (it.kind === 'ref') {
        const r = this.factRule(it.name, it.range);
        if (r) rules.push(r);
      }
      if (it.kind === 'IH' && this.inductionSteps === 0) this.warnings.push(diagnostic('ih-outside-induction', {}, it.range));
      if (it.kind === 'fact') {
        const o = this.checkFact(it, step, ctx, prep, unfoldings, rules);
        if (o && (!hintOutcome || VERDICTS.indexOf(o.verdict) < VERDICTS.indexOf(hintOutcome.verdict))) hintOutcome = o;
        const f = it.formula;
        if (f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=' && !it.dividing) {
          rules.push({ key: exprKey(f.operands[0]!), rhs: f.operands[1]! });
        }
      }
    }
    return { rules, hintOutcome };
  }

  /** A cited fact must itself follow from the context; a failing one fails the step. */
  private checkFact(
    it: Extract<HintItem, { kind: 'fact' }>, step: Step, ctx: Context, prep: Prepared, unfoldings: Unfolding[], rules: RewriteRule[],
  ): Outcome | null {
    const f = it.formula;
    if (f.kind === 'TagFact') {
      const found = f.subject.kind === 'Var' ? ctx.scope.lookup(f.subject.name) : undefined;
      if (found && impliedTags(found.info.tags).has(f.tag)) return null;
      // A tag assumed of the same expression (`assume I + A B invertible`).
      const subject = exprKey(f.subject);
      if (ctx.assumptions.some((c) => c.formula.kind === 'TagFact' && exprKey(c.formula.subject) === subject
        && impliedTags(new Set([c.formula.tag])).has(f.tag))) return null;
      return {
        verdict: 'unknown', method: 'none', samples: 0, counterexample: null, notes: [],
        message: `the justification says ${printFormula(f)}, but nothing declared or assumed says so`,
      };
    }
    // A cited statement (`by x > 0 ⇒ x² > 0`, `by A and B`) must follow too, as a show's claim
    // does: each link of a chain, each side of an `and`. (It was passed over unread: a false
    // `by x > 0 ⇒ x < 0` went unsaid while a false `by y = 2y` failed its step.)
    if (f.kind === 'Logic') {
      if (f.op === '∨') {
        return {
          verdict: 'unknown', method: 'none', samples: 0, counterexample: null, notes: [],
          message: `the fact cited in the justification, ${printFormula(f)}, is not checked ('A or B' on its own is not checked yet)`,
        };
      }
      const parts = f.op === '∧' ? [f.left, f.right] : [];
      if (parts.length > 0) {
        let worst: Outcome | null = null;
        for (const part of parts) {
          const o = this.checkFact({ ...it, formula: part }, step, ctx, prep, unfoldings, rules);
          if (o && (!worst || VERDICTS.indexOf(o.verdict) < VERDICTS.indexOf(worst.verdict))) worst = o;
        }
        return worst;
      }
      const o = this.decide(f.left, f.op as Connective, f.right, step, ctx, prep, unfoldings, rules, { salt: 'fact' });
      if (o.verdict === 'proved' || o.verdict === 'checked') return null;
      return { ...o, message: `the fact cited in the justification, ${printFormula(f)}, does not follow: ${o.message}` };
    }
    let result: Outcome | null = null;
    for (let i = 0; i < f.ops.length; i++) {
      const o = this.decide(f.operands[i]!, f.ops[i]!, f.operands[i + 1]!, step, ctx, prep, unfoldings, rules, { salt: 'fact' });
      if (o.verdict === 'proved' || o.verdict === 'checked') continue;
      // (`by α = β` of a name nothing defines or assumes reads as a choice of α, as LANGUAGE.md
      // §2's "inline substitution" suggests; a step is a claim for every value, so the choice is
      // made with `define`, and the message says how.)
      const choice = this.freeName(f, ctx);
      result = {
        ...o,
        message: `the fact cited in the justification, ${printFormula(f)}, does not follow: ${o.message}${choice ? `; ${choice} is not defined or assumed anywhere, so it may be anything here: to choose ${printFormula(f)}, write 'define ${printFormula(f)}' before the chain` : ''}`,
      };
    }
    return result;
  }

  /**
   * The name x of a cited `x = e` that no definition gives, no assumption reads and e does not
   * read (a choice the justification seems to make), or null.
   */
  private freeName(f: Formula, ctx: Context): string | null {
    if (f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=') return null;
    const [x, e] = f.operands as [Expr, Expr];
    if (x.kind !== 'Var' || x.name.index) return null;
    const found = ctx.scope.lookup(x.name);
    if (!found || found.index || found.info.family || found.info.kind === 'function' || found.info.kind === 'integer') return null;
    const key = found.info.key;
    const keyOf = (n: Name) => ctx.scope.lookup(n)?.info.key;
    if (ctx.defs.some((d) => keyOf(d.target) === key)) return null;
    if (freeNames(e).some((v) => keyOf(v.name) === key)) return null;
    if (ctx.assumptions.some((c) => formulaExprs(c.formula).some((ex) => freeNames(ex).some((v) => keyOf(v.name) === key)))) return null;
    return printName(x.name);
  }

  /** How many decisions have started (each one's place in that order: CheckerOptions.replay). */
  private decisions = 0;
  /** CheckerOptions.replay by place (made at the first decision; emptied where a range differs). */
  private replayed: Map<number, Decision> | null = null;

  /** The outcome of one relation (a decision): replayed where an earlier check made it, else decided (decideOnce). */
  private decide(
    left: Expr | Formula, rel: RelOp | Connective, right: Expr | Formula, step: { relRange: Range; hint: Step['hint']; limit?: Step['limit'] },
    ctx: Context, prep: Prepared, unfoldings: Unfolding[], rules: readonly RewriteRule[],
    extra: { readonly salt?: string; readonly seed?: number; readonly deadline?: number; readonly always?: boolean } = {},
  ): Outcome {
    const index = this.decisions++;
    this.replayed ??= new Map((this.options.replay ?? []).map((d) => [d.index, d]));
    const replayed = this.replayed.get(index);
    if (replayed && replayed.range[0] === step.relRange[0] && replayed.range[1] === step.relRange[1]) {
      // (Told again: what a check made and took is what a check after a stop takes.)
      this.options.onDecided?.(replayed);
      return replayed.outcome;
    }
    // (A decision of another range at this place: this check went another way than the one
    // replayed, so no later place is that one's either.)
    if (replayed) this.replayed.clear();
    const outcome = this.decideOnce(index, left, rel, right, step, ctx, prep, unfoldings, rules, extra);
    this.options.onDecided?.({ index, range: step.relRange, outcome });
    return outcome;
  }

  private decideOnce(
    index: number, left: Expr | Formula, rel: RelOp | Connective, right: Expr | Formula, step: { relRange: Range; hint: Step['hint']; limit?: Step['limit'] },
    ctx: Context, prep: Prepared, unfoldings: Unfolding[], rules: readonly RewriteRule[],
    extra: { readonly salt?: string; readonly seed?: number; readonly deadline?: number; readonly always?: boolean },
  ): Outcome {
    if (this.options.trusted && !extra.always) {
      return { verdict: 'proved', method: 'none', samples: 0, counterexample: null, message: 'checked before (a trusted answer key)', notes: [] };
    }
    if (this.options.stopped?.some(([a, b, at]) => a === step.relRange[0] && b === step.relRange[1] && (at === undefined || at === index))) {
      return { verdict: 'unknown', method: 'none', samples: 0, counterexample: null, message: `the check of this step ran far past its time limit (${msText(this.options.timeoutMs)}) without stopping, so it was stopped from outside and the rest of the file checked without it`, notes: [] };
    }
    this.options.onDecide?.(step.relRange, index);
    // (The file's budget is wall time, the step's limit time on the step clock, src/clock.ts: what
    // is left of the budget at the start of the step is the most the step is given.)
    const fileDeadline = Math.min(this.options.deadline ?? Infinity, extra.deadline ?? Infinity);
    const fileLeft = fileDeadline - Date.now();
    if (fileLeft < 0) {
      return { verdict: 'unknown', method: 'none', samples: 0, counterexample: null, message: 'the time limit for the whole file ran out before this step', notes: [] };
    }
    const byFile = fileLeft <= this.options.timeoutMs;
    const deadline = now() + Math.min(this.options.timeoutMs, fileLeft);
    const flag = this.options.timeoutFlag ?? '--timeout';
    const opts: StepOptions = { seed: extra.seed ?? this.options.seed, samples: this.options.samples, deadline, timeoutFlag: flag };
    const salt = extra.salt ?? '';
    // A hard stop a little after the deadline, inside work that does not look at it (src/deadline.ts).
    const limit = byFile ? 'the time limit for the whole file' : `its time limit (${msText(this.options.timeoutMs)}; raise ${flag})`;
    // (The file's budget ends the step in wall time too: under other processes' load the step
    // clock runs slower than wall time, and a submission's last step ran on past its budget into
    // the grading pool's hard stop, which takes the whole submission: src/clock.ts withWallCap.)
    return Number.isFinite(fileDeadline) ? withWallCap(fileDeadline, deadline, () => this.decideUntil(left, rel, right, step, ctx, prep, unfoldings, rules, {
      deadline, fileDeadline, byFile, limit, flag, opts, salt,
    })) : this.decideUntil(left, rel, right, step, ctx, prep, unfoldings, rules, { deadline, fileDeadline, byFile, limit, flag, opts, salt });
  }

  /** decide's work once its deadline is set: the step, then with a function read at one argument lifted (lift.ts). */
  private decideUntil(
    left: Expr | Formula, rel: RelOp | Connective, right: Expr | Formula, step: { relRange: Range; hint: Step['hint']; limit?: Step['limit'] },
    ctx: Context, prep: Prepared, unfoldings: Unfolding[], rules: readonly RewriteRule[],
    { deadline, fileDeadline, byFile, limit, flag, opts, salt }: {
      readonly deadline: number; readonly fileDeadline: number; readonly byFile: boolean; readonly limit: string; readonly flag: string;
      readonly opts: StepOptions; readonly salt: string;
    },
  ): Outcome {
    const text = (x: Expr | Formula) => (isExpr(x) ? printExpr(x) : printFormula(x));
    try {
      let outcome = withDeadline(deadline, limit, Math.max(20, (deadline - now()) / 4), () => decideStep({
        left, rel, right, hint: step.hint, prep, unfoldings, functions: innermostFunctions(ctx.defs), rules,
        salt: `${salt}${text(left)} ${rel} ${text(right)}`, limit: step.limit ?? null,
      }, opts));
      // A function read at one argument only, under bounds: the step again with that call a
      // number (src/check/lift.ts), whose searches find the function no drawn one comes to.
      if ((outcome.verdict === 'checked' || outcome.verdict === 'unknown') && !/^the time limit/.test(outcome.message) && now() < deadline) {
        const lift = liftCalls(left, rel, right, ctx, rules, step.hint, step.limit);
        // (What the lifted step could not finish leaves the step's own verdict.)
        const lifted = lift && tryOutcome(() => withDeadline(deadline, limit, Math.max(20, (deadline - now()) / 4), () => decideStep({
          left: lift.left, rel, right: lift.right, hint: step.hint, prep: new Prepared(lift.ctx), unfoldings: this.unfoldings(lift.ctx),
          functions: innermostFunctions(lift.ctx.defs), rules: [...rules, ...this.rulesFor({ ...lift.ctx, assumptions: lift.liftedConditions }, [])],
          salt: `${salt}${text(left)} ${rel} ${text(right)}`, limit: null,
        }, opts)));
        if (lift && lifted && (lifted.verdict === 'refuted' || lifted.verdict === 'proved' || (lifted.verdict === 'checked' && outcome.verdict === 'unknown'))) {
          outcome = liftedOutcome(lifted, lift);
        }
      }
      // (A step the file's budget ended says so, not that its own limit ran out: in wall time,
      // or where what was left of the budget was less than its own limit.)
      if (outcome.verdict === 'unknown' && (byFile || Date.now() >= fileDeadline) && /^the time limit ran out/.test(outcome.message)) {
        return { ...outcome, message: outcome.message.replace(/^the time limit/, 'the time limit for the whole file').replace(/ \(raise [^)]*\)$/, '') };
      }
      // (Every way a step's own limit runs out says how to raise it.)
      return outcome.verdict === 'unknown' && !byFile && /^the time limit ran out/.test(outcome.message) && !outcome.message.includes('(raise ')
        ? { ...outcome, message: `${outcome.message} (raise ${flag})` } : outcome;
    } catch (err) {
      return escaped(err);
    }
  }

  // -------------------------------------------------------------------------
  // Grading (src/grade): deciding a relation in a context the walk recorded

  /** The context a show's claim is read in: its `for all t ≥ k` holds, t from k on. */
  private claimContext(st: Show): Context {
    const forAll = forAllRange(st.forAll);
    const ranges = new Map<string, readonly [number, number]>();
    if (forAll) ranges.set(forAll.key, [forAll.lo, Math.max(FOR_ALL_TOP, forAll.lo + INDEX_SPAN)]);
    return this.withForAll(this.context(st, ranges, [st.claim]), st.forAll);
  }

  /**
   * For grading: decides `left rel right` in a context recorded by the walk (`claimContexts`),
   * read in `scope` (the context's, or a child holding a student's names), leaving out the
   * definitions of the symbols keyed in `without` (`'all'`: every definition).
   */
  decideIn(
    ctx: Context, left: Expr | Formula, rel: RelOp | Connective, right: Expr | Formula,
    how: {
      readonly scope?: Scope; readonly without?: ReadonlySet<string> | 'all';
      readonly seed?: number; readonly salt?: string; readonly deadline?: number;
    },
  ): Outcome {
    const scope = how.scope ?? ctx.scope;
    const without = how.without ?? new Set<string>();
    const defs = without === 'all' ? [] : ctx.defs.filter((d) => !without.has(scope.lookup(d.target)?.info.key ?? printName(d.target)));
    const c: Context = { ...ctx, scope, defs };
    return this.decide(left, rel, right, { relRange: left.range, hint: null }, c, new Prepared(c), this.unfoldings(c), this.rulesFor(c, []), {
      always: true, salt: `grade ${how.salt ?? ''}`, ...(how.seed !== undefined ? { seed: how.seed } : {}), ...(how.deadline !== undefined ? { deadline: how.deadline } : {}),
    });
  }

  // -------------------------------------------------------------------------
  // Shows

  private show(st: Show): void {
    const outer = this.showing;
    this.showing = st.name ?? null;
    try {
      this.showBody(st);
    } finally {
      this.showing = outer;
    }
  }

  /** Checks a show (its chain, induction or claim alone) and records it. */
  private showBody(st: Show): void {
    const claim = st.claim;
    const showRange: Range = st.range;
    const record = (verdict: Verdict, message: string, counterexample: Counterexample | null = null, secondary = false, notes: readonly RelatedNote[] = [], reaches?: boolean, starts?: boolean): void => {
      this.shows.push({
        name: st.name, range: showRange, section: this.section, relation: relationOf(claim), verdict, message, counterexample,
        ...(notes.length > 0 ? { notes } : {}),
        ...(secondary ? { secondary } : {}),
        ...(reaches !== undefined ? { reaches } : {}),
        ...(starts !== undefined ? { starts } : {}),
      });
      if (st.name) {
        const premised = this.inSection && this.sectionAssumes.length > 0;
        this.facts.push({ name: st.name, claim, verdict, forAll: st.forAll, section: premised ? this.sectionCount : null, sectionName: premised ? this.section : null, definitions: this.definitionsInForce(), range: st.range, assumed: [...this.fileAssumes, ...this.sectionAssumes] });
      }
    };
    if (this.hasError(st.claim.range) || (st.forAll && this.hasError(st.forAll.range))) {
      this.skipChains(st);
      record('error', 'the claim has an error (reported on its own), so it is not checked', null, true);
      return;
    }
    const forAll = forAllRange(st.forAll);
    if (st.induction) {
      this.induction(st, forAll, record);
      return;
    }
    const ranges = new Map<string, readonly [number, number]>();
    if (forAll) ranges.set(forAll.key, st.chain ? [forAll.lo, forAll.lo + INDEX_SPAN] : [forAll.lo, Math.max(FOR_ALL_TOP, forAll.lo + INDEX_SPAN)]);
    const ctx = this.withForAll(this.context(st, ranges, [claim, ...(st.chain ? chainParts(st.chain) : [])]), st.forAll);
    if (!st.chain) {
      let o = this.underDroppedAssumption(this.direct(claim, st, ctx), st.range[0]);
      if (o.verdict === 'refuted') o = this.ifShowsPassed(o, 'claim', st.hint, [claim], ctx, st.range[0], (c) => this.direct(claim, st, c));
      // (Read left to right like a step: its domain notes go with it, LANGUAGE.md §3.)
      record(o.verdict, o.message, o.counterexample, false, o.notes.filter((n) => !n.range || n.message === DROPPED_NOTE));
      return;
    }
    const { verdict, message, reaches, starts, counterexample } = this.chainAgainstClaim(st.chain, claim, ctx, [], st.limit);
    record(verdict, message, counterexample ?? null, false, [], reaches, starts);
  }

  /** Skips the chains of a show whose claim has an error, reporting their steps as errors. */
  private skipChains(st: Show): void {
    for (const c of [st.chain, st.base, st.step]) {
      for (const s of c?.steps ?? []) {
        this.steps.push({
          range: [s.relRange[0], s.range[1]], relRange: s.relRange, section: this.section, relation: s.rel,
          verdict: 'error', method: 'none', samples: 0, counterexample: null, notes: [], secondary: true,
          message: 'the claim this chain proves has an error, so the step is not checked',
        });
      }
    }
  }

  /** A show with no chain: its claim, checked as one step. */
  private direct(claim: Formula, st: Show, ctx: Context): Outcome {
    const broken = this.readsBrokenDefinition([claim], ctx);
    if (broken) {
      return { verdict: 'error', method: 'none', samples: 0, counterexample: null, notes: [], message: `the claim reads ${broken}, whose ${this.brokenWhat(broken)} has an error (reported on its own), so it is not checked` };
    }
    // The shows its justification cites are rewrites, and their claims hold at its points, as
    // for a step (citedContext): `show "q": x y + 3 = 2x² + 3 by "p"` was decided without "p".
    const cited = this.citedContext(ctx, st.hint);
    const at = cited?.ctx ?? ctx;
    return this.directIn(claim, st, at, cited?.prep ?? new Prepared(at), this.unfoldings(at), this.rulesFor(at, this.citedRules(st.hint?.items ?? [], true)));
  }

  /** direct's decision once its context is made. */
  private directIn(claim: Formula, st: Show, ctx: Context, prep: Prepared, unfoldings: Unfolding[], rules: RewriteRule[]): Outcome {
    const fake = { relRange: st.range, hint: st.hint, limit: st.limit };
    if (claim.kind === 'Logic') {
      if (claim.op === '⇔' || claim.op === '⇒') return this.decide(claim.left, claim.op, claim.right, fake, ctx, prep, unfoldings, rules);
      if (claim.op === '∧') {
        const parts = [claim.left, claim.right].map((part) => this.directIn(part, st, ctx, prep, unfoldings, rules));
        return VERDICTS.indexOf(parts[0]!.verdict) <= VERDICTS.indexOf(parts[1]!.verdict) ? parts[0]! : parts[1]!;
      }
      return {
        verdict: 'unknown', method: 'none', samples: 0, counterexample: null, notes: [],
        message: "a claim 'A or B' on its own is not checked yet: put it in a chain of statements (… ⇔ A or B)",
      };
    }
    if (claim.kind === 'TagFact') {
      return { verdict: 'unknown', method: 'none', samples: 0, counterexample: null, notes: [], message: 'a tag cannot be shown, only declared or assumed' };
    }
    let out: Outcome | null = null;
    for (let i = 0; i < claim.ops.length; i++) {
      const o = this.decide(claim.operands[i]!, claim.ops[i]!, claim.operands[i + 1]!, fake, ctx, prep, unfoldings, rules);
      if (!out || VERDICTS.indexOf(o.verdict) < VERDICTS.indexOf(out.verdict)) out = o;
    }
    return out!;
  }

  /** Checks a chain's steps, that it starts and ends at the claim's sides, and that its relations give the claim's. */
  private chainAgainstClaim(
    chain: Chain, claim: Formula, ctx: Context, extraRules: readonly RewriteRule[], limit: Show['limit'] = null,
  ): { verdict: Verdict; message: string; reaches: boolean; starts: boolean; counterexample?: Counterexample | null } {
    const { verdict: stepsVerdict, rels, gaps } = this.chain(chain, ctx, extraRules);
    let verdict = stepsVerdict;
    const problems: string[] = [];
    const last = chain.steps.length > 0 ? chain.steps[chain.steps.length - 1]!.rhs : chain.head;
    const sides = claimSides(claim);
    if (!sides) return { verdict: worst(verdict, 'unknown'), message: 'this kind of claim cannot be matched against a chain yet', reaches: false, starts: false };
    if (chain.head === null || last === null) return { verdict: 'error', message: 'the chain has an error, so the claim is not established', reaches: false, starts: false };
    const composed = compose(rels);
    if ('error' in composed) {
      problems.push(composed.error);
      verdict = 'error';
    } else if (!implies(composed.rel, sides.rel)) {
      problems.push(`the chain shows '${composed.rel}', which does not give the claim's '${sides.rel}'`);
      verdict = 'error';
    }
    const prep = new Prepared(ctx);
    const unfoldings = this.unfoldings(ctx);
    const rules = this.rulesFor(ctx, extraRules);
    if (!('error' in composed) && composed.rel === '→') {
      const squeeze = this.limitComposition(chain, rels, sides.right, limit, ctx, prep, unfoldings, rules);
      if (squeeze) {
        if (squeeze.problem) problems.push(squeeze.problem);
        verdict = worst(verdict, squeeze.verdict);
      }
    }
    for (const [which, got, want] of [['starts', chain.head, sides.left], ['ends', last, sides.right]] as const) {
      const same = isExpr(got) && isExpr(want) ? exprKey(got) === exprKey(want) || trivialKey(foldNumbers(got)) === trivialKey(foldNumbers(want))
        : !isExpr(got) && !isExpr(want) ? formulaKey(got) === formulaKey(want) : false;
      if (same) continue;
      if (isExpr(got) !== isExpr(want)) {
        problems.push(`the chain ${which} at something of another kind than the claim's ${which === 'starts' ? 'left' : 'right'} side`);
        verdict = 'error';
        continue;
      }
      // A chain reaches its claim's sides up to trivial rewriting (LANGUAGE.md §2: the order
      // of terms and factors), not by a proof the chain does not write: `(a+b)² = (a+b)²`
      // under `show (a+b)² = a² + 2ab + b²` derives nothing, and earned a key's points.
      if (isExpr(got) && isExpr(want)) {
        const o = this.decide(got, '=', want, { relRange: chain.range, hint: null }, ctx, prep, unfoldings, rules, { salt: 'endpoint' });
        const equal = o.verdict === 'proved' || o.verdict === 'checked';
        problems.push(`the chain ${which} at ${printExpr(got)}, not at the claim's ${which === 'starts' ? 'left' : 'right'} side ${printExpr(want)}${equal
          ? ` (they are equal, but the chain must ${which === 'starts' ? 'start' : 'end'} there: ${which === 'starts' ? `start it at ${printExpr(want)}` : `add the step '= ${printExpr(want)}'`})`
          : ` (${o.message})`}`);
        verdict = 'error';
        continue;
      }
      const o = this.decide(got, isExpr(got) ? '=' : '⇔', want, { relRange: chain.range, hint: null }, ctx, prep, unfoldings, rules, { salt: 'endpoint' });
      if (o.verdict !== 'proved' && o.verdict !== 'checked') {
        const text = isExpr(want) ? printExpr(want) : printFormula(want);
        problems.push(`the chain ${which} at ${isExpr(got) ? printExpr(got) : printFormula(got)}, not at the claim's ${which === 'starts' ? 'left' : 'right'} side ${text} (${o.message})`);
        verdict = worst(verdict, o.verdict === 'unknown' ? 'unknown' : 'error');
      } else {
        verdict = worst(verdict, o.verdict);
      }
    }
    // A step holds where its sides have values (an inequality is read there; an equation may
    // extend its left side): a chain through a point where a side has none proves the claim only
    // where every side has one. `show 0 ≤ x` by `0 ≤ √x √x = x` was proved (red team rt103): the
    // claim itself is checked then, and a point where it fails refutes the show.
    // (Where the shows its steps cite hold, as each step was: citedContext. `show x y/x = 2x` by
    // `= 2x²/x by "p"`, `= 2x`, with "p": x y = 2x², was refuted at x = 1, y = 0.)
    if (gaps && problems.length === 0 && (verdict === 'proved' || verdict === 'checked') && isExpr(sides.left) && isExpr(sides.right) && sides.rel !== '→') {
      const refs = chain.steps.flatMap((s) => (s.hint?.items ?? []).filter((it) => it.kind === 'ref'));
      const cited = this.citedContext(ctx, refs.length > 0 ? { keyword: 'by', text: '', items: refs, range: chain.range } : null);
      const at = cited ?? { ctx, prep };
      const claimRules = cited ? this.rulesFor(cited.ctx, [...extraRules, ...this.citedRules(refs, false)]) : rules;
      const o = this.decide(sides.left, sides.rel, sides.right, { relRange: chain.range, hint: null }, at.ctx, at.prep, unfoldings, claimRules, { salt: 'claim', always: true });
      if (o.verdict === 'refuted') {
        return {
          verdict: 'refuted', reaches: true, starts: true, counterexample: o.counterexample,
          message: `every step holds where its sides have values, but the chain passes through points where a side has none (see its steps' notes), and there the claim fails: ${o.message}`,
        };
      }
    }
    const message = problems.length > 0 ? problems.join('; ')
      : verdict === 'proved' ? 'every step is proved and the chain reaches the claim'
        : verdict === 'checked' ? 'every step holds (some by sampling only) and the chain reaches the claim'
          : verdict === 'error' ? 'a step of the chain has an error' : `a step of the chain is ${verdict}`;
    return { verdict, message, reaches: problems.length === 0, starts: !problems.some((p) => p.startsWith('the chain starts at')) };
  }

  /**
   * A chain ending in `→ L as T → ∞` (LANGUAGE.md §2): with only `=` before it, the first
   * quantity has the same limit; with `≤`/`<` steps it is squeezed, which needs L = 0 and
   * the first quantity ≥ 0 (checked as a step of its own). The limit must be the claim's.
   */
  private limitComposition(
    chain: Chain, rels: readonly (RelOp | Connective)[], target: Expr | Formula, limit: Show['limit'],
    ctx: Context, prep: Prepared, unfoldings: Unfolding[], rules: readonly RewriteRule[],
  ): { problem: string; verdict: Verdict } | null {
    const last = chain.steps[chain.steps.length - 1]!;
    const mine = last.limit;
    if (limit && mine && (printExpr(limit.wrt) !== printExpr(mine.wrt) || printExpr(limit.to) !== printExpr(mine.to))) {
      return { problem: `the chain's limit is as ${printExpr(mine.wrt)} → ${printExpr(mine.to)}, the claim's as ${printExpr(limit.wrt)} → ${printExpr(limit.to)}`, verdict: 'error' };
    }
    if (!rels.some((r) => r === '≤' || r === '<') || !chain.head || !isExpr(chain.head) || !isExpr(target)) return null;
    if (!(target.kind === 'Num' && Number(target.value) === 0)) {
      return { problem: `a chain of bounds shows only that a nonnegative quantity tends to 0, not to ${printExpr(target)}`, verdict: 'error' };
    }
    const zero: Expr = { kind: 'Num', value: '0', range: chain.head.range, shape: { kind: 'scalar' } };
    // A norm, an absolute value, a square …: ≥ 0 by the rules alone, no points needed.
    const problem = {
      left: zero, rel: '≤' as const, right: chain.head, hint: null, prep, unfoldings, functions: innermostFunctions(ctx.defs), rules, salt: 'squeeze',
    };
    if (nonnegative(chain.head, ruleContext(problem, now() + this.options.timeoutMs))) return null;
    const o = this.decide(zero, '≤', chain.head, { relRange: chain.range, hint: null }, ctx, prep, unfoldings, rules, { salt: 'squeeze' });
    if (o.verdict === 'proved' || o.verdict === 'checked') return o.verdict === 'checked' ? { problem: '', verdict: 'checked' } : null;
    return {
      problem: `the chain bounds ${printExpr(chain.head)} from above by something that tends to 0, which proves the limit only for a quantity ≥ 0; 0 ≤ ${printExpr(chain.head)} ${o.verdict === 'refuted' ? 'fails' : 'could not be shown'} (${o.message})`,
      verdict: o.verdict === 'refuted' ? 'error' : 'unknown',
    };
  }

  private induction(st: Show, forAll: ForAll | null, record: (v: Verdict, m: string, cx?: Counterexample | null, secondary?: boolean, notes?: readonly RelatedNote[], reaches?: boolean, starts?: boolean) => void): void {
    const t = printName(st.induction!.name);
    const lo = forAll && forAll.key === t ? forAll.lo : 0;
    if (!st.base || !st.step) {
      for (const c of [st.base, st.step]) if (c) this.chain(c, this.context(st, new Map()), []);
      record('error', !st.base ? "an induction needs a 'base:' chain" : "an induction needs a 'step:' chain");
      return;
    }
    const at = (e: Expr) => substituteFormula(st.claim, new Map([[t, e]]));
    const num = (n: number): Expr => ({ kind: 'Num', value: String(n), range: st.range, shape: { kind: 'scalar' } });
    const baseCtx = this.context(st, new Map(), chainParts(st.base));
    const base = this.chainAgainstClaim(st.base, at(num(lo)), baseCtx, []);
    // The step: t ≥ lo + 1, with the claim at t − 1 (the IH) available as a rewrite.
    const tVar = st.induction!;
    const prevT: Expr = { kind: 'Binary', op: '-', left: tVar, right: num(1), range: st.range, shape: { kind: 'scalar' } };
    const ih = at(prevT);
    const ihRules: RewriteRule[] = ih.kind === 'Compare' && ih.ops.length === 1 && ih.ops[0] === '='
      ? [{ key: exprKey(ih.operands[0]!), rhs: ih.operands[1]! }] : [];
    // The step holds for t ≥ lo + 1: a fact its steps may stand on (a sum split at t − 1 needs it).
    const atLeast: Compare = { kind: 'Compare', operands: [tVar, num(lo + 1)], ops: ['≥'], range: st.induction!.range };
    let stepCtx = this.withForAll(this.context(st, new Map([[t, [lo + 1, lo + 1 + INDEX_SPAN]]]), [st.claim, ...chainParts(st.step)]), atLeast);
    // The IH is assumed in the step: points meet it. An inequality's (2^{t−1} ≥ t) as any
    // condition; an equation's (S_{t−1} = (t − 1)²) by rejection only, not as a substitution
    // (x_{t−1} = x_0 + (t − 1)d would define x_0 by itself at t = 1): where the claim is false
    // the definitions contradict it, and a point there is no counterexample to a line `by IH`.
    // (Only in the lines that cite it: where no t makes the claim true at t − 1, no point would
    // meet it, and a line of plain algebra beside it must still be checked.)
    if (ih.kind === 'Compare') {
      const hypothesis = { formula: ih, forAll: [], range: ih.range };
      stepCtx = this.derived(stepCtx, ihRules.length > 0
        ? (c) => ({ ...c, hypotheses: new Set([...(c.hypotheses ?? []), hypothesis]) })
        : (c) => ({ ...c, assumptions: [...c.assumptions, hypothesis] }));
    }
    this.inductionSteps++;
    let step: ReturnType<Checker['chainAgainstClaim']>;
    try {
      step = this.chainAgainstClaim(st.step, st.claim, stepCtx, ihRules);
    } finally {
      this.inductionSteps--;
    }
    const verdict = worst(base.verdict, step.verdict);
    const reaches = base.reaches && step.reaches;
    const starts = base.starts && step.starts;
    const message = verdict === 'proved' || verdict === 'checked'
      ? `base and step both hold, so the claim holds for all ${t} ≥ ${lo}`
      : [base.verdict !== 'proved' && base.verdict !== 'checked' ? `base: ${base.message}` : '',
        step.verdict !== 'proved' && step.verdict !== 'checked' ? `step: ${step.message}` : ''].filter(Boolean).join('; ');
    record(verdict, message, null, false, [], reaches, starts);
  }
}

function chainParts(c: Chain): (Expr | Formula | null)[] {
  return [c.head, ...c.steps.map((s) => s.rhs)];
}

function exprsOf(x: Expr | Formula | null): Expr[] {
  if (!x) return [];
  return isExpr(x) ? [x] : formulaExprs(x);
}

interface ForAll { readonly key: string; readonly lo: number }

/** `for all t ≥ 0` → t from 0. */
function forAllRange(c: Compare | null): ForAll | null {
  if (!c || c.ops.length !== 1 || c.operands[0]!.kind !== 'Var') return null;
  const v = c.operands[0];
  const b = c.operands[1]!;
  if (b.kind !== 'Num' || !/^\d+$/.test(b.value)) return null;
  const op = c.ops[0];
  const n = Number(b.value);
  if (op !== '≥' && op !== '>') return null;
  return { key: printName(v.name), lo: op === '>' ? n + 1 : n };
}

function relationOf(f: Formula): string {
  if (f.kind === 'Compare') return f.ops.length === 1 ? f.ops[0]! : f.ops.join(' ');
  if (f.kind === 'Logic') return f.op;
  return 'tag';
}

function claimSides(f: Formula): { left: Expr | Formula; rel: RelOp | Connective; right: Expr | Formula } | null {
  if (f.kind === 'Compare' && f.ops.length === 1) return { left: f.operands[0]!, rel: f.ops[0]!, right: f.operands[1]! };
  if (f.kind === 'Logic' && (f.op === '⇔' || f.op === '⇒')) return { left: f.left, rel: f.op, right: f.right };
  return null;
}

/** `=` then `≤` gives `≤`; `<` with `≤` gives `<`; `≠` or mixed directions are errors. */
export function compose(rels: readonly (RelOp | Connective)[]): { rel: RelOp | Connective } | { error: string } {
  if (rels.length === 0) return { error: 'the chain has no steps' };
  if (rels.some((r) => r === '≠')) return { error: "a chain with '≠' in it proves nothing" };
  if (rels.some((r) => r === '⇔' || r === '⇒')) {
    if (rels.some((r) => r !== '⇔' && r !== '⇒')) return { error: 'the chain mixes statements and expressions' };
    return { rel: rels.includes('⇒') ? '⇒' : '⇔' };
  }
  const up = rels.some((r) => r === '≤' || r === '<');
  const down = rels.some((r) => r === '≥' || r === '>');
  if (up && down) return { error: "the chain goes both ways ('≤' and '≥'), so it proves no relation" };
  if (rels.includes('→')) {
    // Only upper bounds may lead to a limit: a ≤ b → 0 says a → 0 (for a ≥ 0); a ≥ b → 0 says nothing.
    if (down || rels.filter((r) => r === '→').length > 1 || rels[rels.length - 1] !== '→') {
      return { error: "only '=', '≤' and '<' steps may lead to a final '→'" };
    }
    return { rel: '→' };
  }
  if (up) return { rel: rels.includes('<') ? '<' : '≤' };
  if (down) return { rel: rels.includes('>') ? '>' : '≥' };
  return { rel: '=' };
}

/** Whether a chain's composed relation gives the claim's (a stronger one does). */
function implies(got: RelOp | Connective, want: RelOp | Connective): boolean {
  if (got === want) return true;
  if (want === '≤') return got === '<' || got === '=';
  if (want === '≥') return got === '>' || got === '=';
  if (want === '⇒') return got === '⇔';
  return false;
}

/**
 * The assumptions `f(z) = body for all z` that define a declared `R → R` function f outright
 * (z the call's only argument, a name the `for all` binds; body not reading f; no other such
 * assumption or `define` of f; f never applied to a vector or matrix, where it acts on each
 * entry), as definitions `define f(z) = body`, and the other assumptions.
 */
export function definingAssumptions(
  assumptions: readonly Condition[], scope: Scope, defs: readonly Define[],
  /** Functions applied to a vector or matrix somewhere (entry by entry): never read as a definition. */
  onMatrices: ReadonlySet<string> = new Set(),
): { defining: Define[]; rest: Condition[] } {
  const found = new Map<string, { c: Condition; d: Define } | null>();
  for (const c of assumptions) {
    const f = c.formula;
    if (c.forAll.length !== 1 || f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=') continue;
    const [a, b] = f.operands as [Expr, Expr];
    const call = a.kind === 'Call' ? a : b.kind === 'Call' ? b : null;
    if (!call) continue;
    const body = call === a ? b : a;
    const z = c.forAll[0]!;
    const info = scope.lookup({ ...call.fn, primes: 0 })?.info;
    const arg = call.args[0];
    if (!info || info.kind !== 'function' || !info.fn || info.family || call.fn.primes !== 0 || call.fn.index || call.fn.hat || call.fn.bar
      || info.fn.params.length !== 1 || info.fn.params[0]!.kind !== 'scalar' || info.fn.result.kind !== 'scalar'
      || call.args.length !== 1 || arg?.kind !== 'Var' || arg.name.index || printName(arg.name) !== printName(z.name)) continue;
    // (Over the reals: `for all n` over an integer n says nothing of f(1/2).)
    if (scope.lookup(z.name)?.info.kind === 'integer') continue;
    // (A body with a value everywhere: f(z) = √z for all z is no definition of f : R → R, it
    // contradicts itself below 0, and g(a)² = a must not pass as the left side extended.)
    if (!definedEverywhere(body, scope, defs, new Set([printName(z.name)]))) continue;
    // (Nothing else may speak of f: another assumption about it may contradict the definition,
    // f'(z) = 2 f(z) beside f(z) = z², and a step must not pass on the definition alone.)
    const base = call.fn.base;
    if (onMatrices.has(base) || mentionsFunction(body, base) || mentionsFunction(defs, base)
      || assumptions.some((o) => o !== c && mentionsFunction(o.formula, base))) continue;
    // (Two such assumptions about f: neither is read so, as they may not agree.)
    found.set(info.key, found.has(info.key) ? null : { c, d: { kind: 'Define', target: { ...call.fn }, params: [arg], value: body, condition: null, range: c.range } });
  }
  const used = new Set<Condition>();
  const defining: Define[] = [];
  for (const v of found.values()) {
    if (!v) continue;
    used.add(v.c);
    defining.push(v.d);
  }
  return { defining, rest: assumptions.filter((c) => !used.has(c)) };
}

/** f's outcome, or null where it threw (ran over its time, or met what it cannot evaluate). */
function tryOutcome(f: () => Outcome): Outcome | null {
  try {
    return f();
  } catch {
    return null;
  }
}

/** The `unknown` of a step whose check threw: a signal that escaped (a value out of reach, a construct not evaluated) is a reason, not a crash. */
function escaped(err: unknown): Outcome {
  noteStackOverflow(err);
  const message = err instanceof OverTime ? err.message
    : err instanceof RangeError ? 'this step is nested too deeply to check'
    // (Said where it happened: the searches for a failing point move numbers far, and one
    // went past exact arithmetic; "a number too large for exact arithmetic" alone read as if
    // the step itself held such a number — red team rt88.)
    : err instanceof Inexact ? `the search for a point where the step fails met ${err.message.replace(/^an? /, 'a ')}, so it stopped`
    : err instanceof Signal ? err.message
    : err instanceof Error && err.message.startsWith('[DecimalError]') ? 'a number here is out of reach of decimal arithmetic (too many digits)'
    : `internal error while checking: ${(err as Error)?.message ?? String(err)}${process.env['DERIV_DEBUG'] ? `\n${(err as Error)?.stack}` : ''}`;
  return { verdict: 'unknown', method: 'none', samples: 0, counterexample: null, message, notes: [] };
}

/**
 * Every part without names replaced by its rational value (2·0 by 0, 2^0 by 1), and a term 0
 * dropped (0 − i as −i): the claim at a base index (2t at t = 0) reads as the chain writes it.
 * Parts with no rational value (π, √2) stay as they are.
 */
function foldNumbers(e: Expr): Expr {
  // (A decimal is folded too: 0.5 x is ½x and x/2.)
  if (e.kind === 'Var' || (e.kind === 'Num' && /^\d+$/u.test(e.value))) return e;
  if (freeNames(e).length === 0 && e.shape?.kind === 'scalar') {
    const q = constantValue(e);
    if (q !== null) {
      const abs: Expr = { kind: 'Num', value: q.sign() < 0 ? q.neg().toString() : q.toString(), range: e.range, shape: e.shape };
      const value: Expr = q.d === 1n ? abs : { kind: 'Binary', op: '/', left: { ...abs, value: (q.n < 0n ? -q.n : q.n).toString() }, right: { ...abs, value: q.d.toString() }, range: e.range, shape: e.shape };
      return q.sign() < 0 ? { kind: 'Neg', arg: value, range: e.range, shape: e.shape } : value;
    }
  }
  const folded = mapChildren(e, (c) => foldNumbers(c));
  // (A term 0 is none, at any depth: β^(0 − i), a claim's ∑ at t = 0, is β^(−i), as the
  // chain writes it; the base case was an error, red team rt112.)
  if (folded.kind === 'Binary' && (folded.op === '+' || folded.op === '-')) {
    const zero = (x: Expr): boolean => x.kind === 'Num' && Number(x.value) === 0;
    if (zero(folded.right)) return folded.left;
    if (zero(folded.left)) return folded.op === '+' ? folded.right : { kind: 'Neg', arg: folded.right, range: folded.range, shape: folded.shape };
  }
  return folded;
}

/** A side as the checker read it (for the JSON report's `read`). */
function printSide(side: Expr | Formula): string {
  return isExpr(side) ? printExpr(side) : printFormula(side);
}

/**
 * The function definitions in force: a section's `define f(u) = …` shadows the file's f
 * (LANGUAGE.md §2), so of several definitions of one name the last, the innermost, is kept.
 * (Every engine then reads the same f: the identity test took the file's and sampling the
 * section's, and a step about g(u) = f(u) + f(2u) was proved by one and refuted by the other.)
 */
function innermostFunctions(defs: readonly Define[]): Define[] {
  const last = new Map<string, Define>();
  for (const d of defs) if (d.params) last.set(printName(d.target), d);
  return defs.filter((d) => d.params && last.get(printName(d.target)) === d);
}

/** A definition's content, for telling two definitions of one name apart: parameters, value, condition. */
function definitionKey(d: Define): string {
  return `${(d.params ?? []).map((p) => printName(p.name)).join(',')}|${exprKey(d.value)}|${d.condition ? printFormula(d.condition) : ''}`;
}
