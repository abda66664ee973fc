import type { Expr, Formula, Hint, RelOp } from '../../ast.js';
import { printExpr, printFormula } from '../../print.js';
import { ruleKey } from '../../types/resolve.js';
import type { StepProblem } from '../problem.js';
import { freeNames, visit } from '../rewrite.js';
import { expectationRules } from './expectation-rules.js';
import { INSTANCE, forAllInstance, numericBound, range, rangeText, ruleContext, same } from './facts.js';
import { expandRational, rationalExpr } from '../engines/polynomial.js';
import { Bounder } from './norms.js';
import { piecewiseRule } from './piecewise.js';
import { Facts } from './side-conditions.js';
import { congruenceRule, sumRules } from './sums.js';
import { now } from '../../clock.js';

/**
 * Named rules as provers (DESIGN.md item 6): a rule either proves a step (method `rule`,
 * with its name) or says why it does not apply. The checker asks the rules a step's
 * justification cites first, then the others that take its relation.
 */

/** One step as a rule sees it (sides already in ≤ form where that applies). */
export interface RuleRequest {
  readonly problem: StepProblem;
  readonly left: Expr;
  readonly rel: RelOp;
  readonly right: Expr;
  /** Absolute time after which rules give up. */
  readonly deadline: number;
}

export type RuleResult =
  | { readonly kind: 'proved'; readonly rule: string; readonly how: string; readonly instances?: readonly Formula[] }
  | { readonly kind: 'not-applicable'; readonly rule: string; readonly why: string };

export interface NamedRule {
  /** The name reported (`rule` in the JSON). */
  readonly name: string;
  /** Names a justification may cite for it (lower case, spaces for hyphens). */
  readonly aliases: readonly string[];
  readonly relations: readonly RelOp[];
  apply(req: RuleRequest): RuleResult;
}

const BOUND_ALIASES = [
  'submultiplicativity', 'triangle inequality', 'cauchy schwarz', 'monotonicity', 'operator norm',
  'assumption', 'definition',
];

/** Rule names in a proof, best first: the one the student cited, then submultiplicativity and the like, then the rest. */
function mainRule(used: readonly string[], cited: readonly string[]): string {
  for (const c of cited) {
    const hit = used.find((u) => ruleKey(u).startsWith(ruleKey(c)));
    if (hit) return hit;
  }
  const named = used.find((u) => /submultiplicativity|triangle|Cauchy|monotonicity|√λ_max|diag/.test(u));
  return named ?? used[0] ?? 'assumption';
}

function mentionsBound(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.kind === 'Norm' || x.kind === 'Abs' || (x.kind === 'Call' && /^(λ_max|λ_min|sqrt)$/.test(x.fn.base)) || x.kind === 'BigOp') hit = true;
  });
  return hit;
}

/** Norm, spectrum and monotonicity rules (rules/norms.ts), for `≤` and for `=` as two bounds. */
const bounds: NamedRule = {
  name: 'bounds',
  aliases: BOUND_ALIASES,
  relations: ['≤', '≥', '='],
  apply(req) {
    const rc = ruleContext(req.problem, req.deadline);
    const cited = citedRules(req.problem.hint);
    const [a, b] = req.rel === '≥' ? [req.right, req.left] : [req.left, req.right];
    if (req.rel === '=' && !(mentionsBound(a) && mentionsBound(b))) return { kind: 'not-applicable', rule: 'bounds', why: 'not a step between bounds' };
    const up = new Bounder(rc).prove(a, b);
    if (!('rules' in up)) return { kind: 'not-applicable', rule: cited[0] ?? 'bounds', why: up.why };
    let used = up.rules;
    if (req.rel === '=') {
      const down = new Bounder(rc).prove(b, a);
      if (!('rules' in down)) return { kind: 'not-applicable', rule: cited[0] ?? 'bounds', why: `only ${printExpr(a)} ≤ ${printExpr(b)} follows: ${down.why}` };
      used = [...new Set([...up.rules, ...down.rules])];
    }
    used = [...new Set(used)];
    if (used.length === 0) used = ['the sides are the same'];
    return { kind: 'proved', rule: mainRule(used, cited).replace(/ \(.*$/, ''), how: used.join('; '), ...(rc.instances.length > 0 ? { instances: rc.instances } : {}) };
  },
};

/**
 * A strict step that is an instance of a strict `for all` assumption (`g(1) > 1` from
 * `g(z) > z for all z`): sampling cannot check it (it draws functions that break such an
 * assumption), and the bounds above prove `≤` only.
 */
const strictInstance: NamedRule = {
  name: 'assumption',
  aliases: ['assumption'],
  relations: ['<', '>'],
  apply(req) {
    const rc = ruleContext(req.problem, req.deadline);
    const [a, b] = req.rel === '>' ? [req.right, req.left] : [req.left, req.right];
    // An assumption that says it (a > 2 under a > 2), or one and a comparison of numbers with
    // one of them strict (a > 1 under a ≥ 2, b < 0 under b ≤ −1; both were only checked).
    const stated = rc.facts.find((f) => f.strict && same(f.lhs, a, rc) && same(f.rhs, b, rc));
    if (stated) return { kind: 'proved', rule: 'assumption', how: `assumption ${stated.text}` };
    const numeric = numericBound(a, b, rc, true);
    if (numeric) return { kind: 'proved', rule: 'assumption', how: numeric };
    const instance = forAllInstance(a, b, rc, true);
    if (!instance) return { kind: 'not-applicable', rule: 'assumption', why: 'not an instance of a strict for-all assumption' };
    return {
      kind: 'proved', rule: 'assumption', instances: rc.instances,
      how: `assumption ${instance.fact.text} for all ${[...instance.fact.vars].join(', ')} (${INSTANCE} ${instance.at})`,
    };
  },
};

/**
 * An inequality whose left − right, expanded in exact rationals (calls as atoms), lies on the
 * relation's side of 0 by the bounds the assumptions give its terms: names' intervals, even
 * powers, and the constant bounds of `for all` facts on a declared function's calls
 * (`f(3) + g(2) ≥ g(2)` from f(z) ≥ 0 for all z: left − right is f(3), and f(3) ≥ 0).
 */
const difference: NamedRule = {
  name: 'assumption',
  aliases: ['assumption'],
  relations: ['≤', '≥', '<', '>'],
  apply(req) {
    const rc = ruleContext(req.problem, req.deadline);
    // (Only where a `for all` fact may bound a term: the other bounds the rules above use.)
    if (rc.forAll.length === 0) return { kind: 'not-applicable', rule: 'assumption', why: 'no for-all assumption bounds a term' };
    if (req.left.shape?.kind === 'matrix' || req.right.shape?.kind === 'matrix') return { kind: 'not-applicable', rule: 'assumption', why: 'not between scalars' };
    let d: ReturnType<typeof expandRational>;
    try {
      d = expandRational({ kind: 'Binary', op: '-', left: req.left, right: req.right, range: req.left.range, shape: { kind: 'scalar' } }, true);
    } catch {
      // (A number past exact arithmetic, 1e99999999999: left to evaluation.)
      return { kind: 'not-applicable', rule: 'assumption', why: 'left − right cannot be expanded exactly' };
    }
    if (!d || d.den.size > 0) return { kind: 'not-applicable', rule: 'assumption', why: 'left − right is no polynomial in its terms' };
    const expr = rationalExpr(d, req.left.range);
    let r: ReturnType<typeof range>;
    try {
      r = range(expr, rc);
    } catch {
      return { kind: 'not-applicable', rule: 'assumption', why: 'the terms of left − right have no exact bounds' };
    }
    const holds = req.rel === '≥' ? r.lo !== null && r.lo.sign() >= 0
      : req.rel === '>' ? r.lo !== null && (r.lo.sign() > 0 || (r.lo.sign() === 0 && r.loStrict))
        : req.rel === '≤' ? r.hi !== null && r.hi.sign() <= 0
          : r.hi !== null && (r.hi.sign() < 0 || (r.hi.sign() === 0 && r.hiStrict));
    if (!holds || rc.instances.length === 0) return { kind: 'not-applicable', rule: 'assumption', why: `left − right = ${printExpr(expr)} has no sign the assumptions give` };
    return {
      kind: 'proved', rule: 'assumption', instances: rc.instances,
      how: `left − right = ${printExpr(expr)}, which lies in ${rangeText(r)} by the assumptions (${rc.instances.map((f) => printFormula(f)).join(', ')})`,
    };
  },
};

/**
 * A strict inequality whose left − right, as written, lies on the relation's side of 0 by the
 * bounds of its terms (squares, norms and |·| ≥ 0, numbers, the names' intervals):
 * `x² + 1/10 > 0` and `(x − y)² + (xy − 3)² + 1 > 0` were only checked (the bounds above prove
 * `≤` and `≥` only), and the second ran out of time searching.
 */
const strictSigns: NamedRule = {
  name: 'bounds',
  aliases: BOUND_ALIASES,
  relations: ['<', '>'],
  apply(req) {
    if (req.left.shape?.kind === 'matrix' || req.right.shape?.kind === 'matrix') return { kind: 'not-applicable', rule: 'bounds', why: 'not between scalars' };
    const rc = ruleContext(req.problem, req.deadline);
    const diff: Expr = req.right.kind === 'Num' && Number(req.right.value) === 0 ? req.left
      : { kind: 'Binary', op: '-', left: req.left, right: req.right, range: req.left.range, shape: { kind: 'scalar' } };
    // (Algebraic differences with names only: numbers alone are evaluated exactly, and with
    // exp, tanh or log in them the cross-check at points may not tell the sides apart where the
    // sampling does, under z > 1000.)
    let algebraic = true;
    visit(diff, (x) => { if (x.kind === 'Call' || x.kind === 'Expect' || x.kind === 'BigOp' || x.kind === 'Limit' || x.kind === 'Deriv' || x.kind === 'Grad') algebraic = false; });
    if (!algebraic || freeNames(diff).length === 0) return { kind: 'not-applicable', rule: 'bounds', why: 'not an algebraic difference of names' };
    let r: ReturnType<typeof range>;
    try {
      r = range(diff, rc);
    } catch {
      return { kind: 'not-applicable', rule: 'bounds', why: 'left − right has no exact bounds' };
    }
    const holds = req.rel === '>' ? r.lo !== null && (r.lo.sign() > 0 || (r.lo.sign() === 0 && r.loStrict))
      : r.hi !== null && (r.hi.sign() < 0 || (r.hi.sign() === 0 && r.hiStrict));
    if (!holds) return { kind: 'not-applicable', rule: 'bounds', why: `left − right has no sign its terms' bounds give` };
    const shown = rangeText(r).replace(/-?\d{25,}(\/\d+)?|\d+\/\d{25,}/g, (t) => compact(t));
    return { kind: 'proved', rule: 'bounds', how: `left − right = ${printExpr(diff)} lies in ${shown} by the bounds of its terms (squares, norms and |·| are ≥ 0; the names' intervals from the assumptions)` };
  },
};

/** A long rational as text (`-1/10000…0`) as its power of ten (`−10^(-400)`), or about it (`≈ 2.33·10^(12)`). */
function compact(text: string): string {
  const [n, d = '1'] = text.replace('-', '').split('/') as [string, string?];
  const sign = text.startsWith('-') ? '−' : '';
  const tenPower = (x: string): boolean => /^10*$/.test(x);
  if (tenPower(n) && tenPower(d)) return `${sign}10^(${n.length - d.length})`;
  // (The leading 15 digits of each, and the powers of ten the rest make.)
  let m = Number(n.slice(0, 15)) / Number(d.slice(0, 15));
  let k = (n.length - Math.min(15, n.length)) - (d.length - Math.min(15, d.length));
  while (m >= 10) { m /= 10; k++; }
  while (m > 0 && m < 1) { m *= 10; k--; }
  return `≈ ${sign}${+m.toPrecision(3)}·10^(${k})`;
}

/** Every rule, in the order they are tried. */
export const RULES: readonly NamedRule[] = [bounds, strictInstance, difference, strictSigns];

/** The rule names a justification cites (`by submultiplicativity`), normalized. */
export function citedRules(hint: Hint | null): string[] {
  return (hint?.items ?? []).filter((it) => it.kind === 'rule').map((it) => ruleKey((it as { name: string }).name));
}

/** The first rule that proves the step, or why the rules that take it do not (cited ones first). */
export function proveByRules(req: RuleRequest): { proof: Extract<RuleResult, { kind: 'proved' }> | null; reasons: string[] } {
  const reasons: string[] = [];
  for (const rule of RULES) {
    if (!rule.relations.includes(req.rel)) continue;
    if (now() > req.deadline) break;
    const r = rule.apply(req);
    if (r.kind === 'proved') return { proof: r, reasons };
    reasons.push(`${r.rule}: ${r.why}`);
  }
  return { proof: null, reasons };
}

// ---------------------------------------------------------------------------
// Equality rules: sums, expectations, congruence (a pair of sides proved equal)

/**
 * Named rules as provers (DESIGN.md item 6). A rule looks at one pair of sides of a step
 * (as written, or after the valid rewrites a certificate also tries: the justification's
 * facts, the assumptions' substitutions, definitions unfolded) and either proves them
 * equal — a real proof for every value of every free name, standing only on what the
 * context establishes (`Facts`) — or says why it does not apply. A rule proof is method
 * `rule` with the rule's name; sampling still cross-checks it.
 *
 * To add a rule: implement `ProofRule` in its own file under `src/check/rules/` and add
 * it to `EQUALITY_RULES`; the names a justification may cite it by go in `cites` (and in
 * `KNOWN_RULES`, src/types/resolve.ts, so citing them is no warning).
 */

/** One pair of sides to prove equal, and what the rule may use. */
export interface RuleInput {
  readonly left: Expr;
  readonly right: Expr;
  /** How this pair came from the step (`algebra`, `unfolding the definitions`, …). */
  readonly how: string;
  readonly problem: StepProblem;
  readonly facts: Facts;
  /** The step clock's time (src/clock.ts) past which the rule gives up (not applicable). */
  readonly deadline: number;
}

/** What a rule says about one pair. */
export type RuleOutcome =
  | {
    readonly kind: 'proved';
    /** The rules used, in words (`split the last term of ∑_{i=1}^{t}`, `geometric sum`). */
    readonly used: readonly string[];
    /** When an exact identity test closed the proof: its error probability (≤ 10⁻³⁰). */
    readonly errorBound?: number;
  }
  | { readonly kind: 'not-applicable'; readonly reason: string };

/** A named rule. */
export interface ProofRule {
  /** As reported (`sum rules`, `expectation rules`). */
  readonly name: string;
  /** Justification names that cite it (lower case, words separated by one space). */
  readonly cites: readonly string[];
  /** Whether the rule has anything to say about these sides (cheap; no proof attempt). */
  concerns(left: Expr, right: Expr): boolean;
  prove(input: RuleInput): RuleOutcome;
}

/** A step proved by a rule. */
export interface RuleProof {
  readonly rule: string;
  readonly how: string;
  readonly used: readonly string[];
  readonly errorBound?: number;
}

/** The rules, in the order they are tried (a justification's cited rules go first). */
export const EQUALITY_RULES: readonly ProofRule[] = [sumRules, expectationRules, congruenceRule, piecewiseRule];

/**
 * Tries every rule that concerns a candidate pair (rules the justification cites first).
 * Returns the first proof and the index of its candidate, or why the rules did not apply
 * (the cited rule's reason first).
 */
export function proveEqualityByRules(
  problem: StepProblem, candidates: readonly { l: Expr; r: Expr; how: string }[], deadline: number,
): { proof: RuleProof | null; reason: string | null; candidate?: number } {
  const cited = citedRules(problem.hint);
  const citedBy = (r: ProofRule) => r.cites.some((c) => cited.includes(c));
  const ordered = [...EQUALITY_RULES].sort((a, b) => Number(citedBy(b)) - Number(citedBy(a)));
  let facts: Facts | null = null;
  let citedReason: string | null = null;
  let anyReason: string | null = null;
  for (const rule of ordered) {
    for (const c of candidates) {
      if (now() > deadline) break;
      if (!rule.concerns(c.l, c.r)) continue;
      facts ??= new Facts(problem.prep);
      const out = rule.prove({ left: c.l, right: c.r, how: c.how, problem, facts, deadline });
      if (out.kind === 'proved') {
        return { proof: { rule: rule.name, how: c.how, used: out.used, ...(out.errorBound !== undefined ? { errorBound: out.errorBound } : {}) }, reason: null, candidate: candidates.indexOf(c) };
      }
      const why = `${rule.name}: ${out.reason}`;
      if (citedBy(rule)) citedReason ??= why;
      anyReason ??= why;
    }
  }
  return { proof: null, reason: citedReason ?? anyReason };
}
