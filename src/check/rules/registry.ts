import type { Expr, Hint } from '../../ast.js';
import type { StepProblem } from '../problem.js';
import { Facts } from './facts.js';
import { expectationRules } from './expectation-rules.js';
import { congruenceRule, sumRules } from './sums.js';

/**
 * Named rules as provers (DESIGN.md item 6). A rule looks at one pair of sides of a step
 * (as written, or after the valid rewrites a certificate also tries: the justification's
 * facts, the assumptions' substitutions, definitions unfolded) and either proves them
 * equal — a real proof for every value of every free name, standing only on what the
 * context establishes (`Facts`) — or says why it does not apply. A rule proof is method
 * `rule` with the rule's name; sampling still cross-checks it.
 *
 * To add a rule: implement `ProofRule` in its own file under `src/check/rules/` and add
 * it to `RULES`; the names a justification may cite it by go in `cites` (and in
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
  /** Date.now() past which the rule gives up (not applicable). */
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
export const RULES: readonly ProofRule[] = [sumRules, expectationRules, congruenceRule];

/** A justification's rule names, normalized (`Geometric-Sum` → `geometric sum`). */
export function citedRules(hint: Hint | null): string[] {
  return (hint?.items ?? []).filter((it) => it.kind === 'rule').map((it) => (it as { name: string }).name.toLowerCase().replace(/[\s-]+/g, ' '));
}

/**
 * Tries every rule that concerns a candidate pair (rules the justification cites first).
 * Returns the first proof, or why the rules did not apply (the cited rule's reason first).
 */
export function proveByRules(
  problem: StepProblem, candidates: readonly { l: Expr; r: Expr; how: string }[], deadline: number,
): { proof: RuleProof | null; reason: string | null } {
  const cited = citedRules(problem.hint);
  const citedBy = (r: ProofRule) => r.cites.some((c) => cited.includes(c));
  const ordered = [...RULES].sort((a, b) => Number(citedBy(b)) - Number(citedBy(a)));
  let facts: Facts | null = null;
  let citedReason: string | null = null;
  let anyReason: string | null = null;
  for (const rule of ordered) {
    for (const c of candidates) {
      if (Date.now() > deadline) break;
      if (!rule.concerns(c.l, c.r)) continue;
      facts ??= new Facts(problem.prep);
      const out = rule.prove({ left: c.l, right: c.r, how: c.how, problem, facts, deadline });
      if (out.kind === 'proved') {
        return { proof: { rule: rule.name, how: c.how, used: out.used, ...(out.errorBound !== undefined ? { errorBound: out.errorBound } : {}) }, reason: null };
      }
      const why = `${rule.name}: ${out.reason}`;
      if (citedBy(rule)) citedReason ??= why;
      anyReason ??= why;
    }
  }
  return { proof: null, reason: citedReason ?? anyReason };
}
