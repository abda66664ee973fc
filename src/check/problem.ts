import type { Connective, Define, Expr, Formula, Hint, RelOp, Var } from '../ast.js';
import type { Prepared } from './sampling/point.js';
import { visit, type Unfolding } from './rewrite.js';

/** A rewrite a step may use: a definition-like equation `lhs = rhs` (a named show, the IH, an inline fact). */
export interface RewriteRule {
  /** `printName` of the left side's name, subscript included. */
  readonly key: string;
  readonly rhs: Expr;
  /**
   * An equation among several names, as written (`s + z = 1`, `s + z` → 1) or solved for a scalar
   * it is affine in (`x + y = 1` as y = 1 − x): where the point lies, not y a function of x, so
   * never put in where a derivative or limit is taken (∂/∂x (x² + y²) = 2x).
   */
  readonly solved?: boolean;
}

/** Everything one step is checked against. */
export interface StepProblem {
  readonly left: Expr | Formula;
  readonly rel: RelOp | Connective;
  readonly right: Expr | Formula;
  readonly hint: Hint | null;
  readonly prep: Prepared;
  readonly unfoldings: readonly Unfolding[];
  readonly functions: readonly Define[];
  /** Rewrites from assumptions, named shows, the IH and inline facts. */
  readonly rules: readonly RewriteRule[];
  /** Makes this step's sample points its own (same seed, same step → same points). */
  readonly salt: string;
  /** For `→` steps and claims: `as T → ∞`. */
  readonly limit?: { readonly wrt: Var; readonly to: Expr } | null;
}

export interface StepOptions {
  readonly seed: number;
  readonly samples: number;
  /** Time on the step clock (src/clock.ts `now()`) after which the step is `unknown`. */
  readonly deadline: number;
  /** The flag that raises the step's time limit, as messages name it (default `--timeout`). */
  readonly timeoutFlag?: string;
  /**
   * The digits the squares of the step's small numbers would need, where that is more than the
   * checker computes with (and the numbers themselves are within it): agreement between its
   * sides is then no evidence (decideStep).
   */
  readonly digitsBeyond?: number;
}

/** An expression, as opposed to a statement (a comparison, ⇔/⇒, a tag). */
export function isExpr(x: Expr | Formula): x is Expr {
  return x.kind !== 'Compare' && x.kind !== 'Logic' && x.kind !== 'TagFact';
}

/** Whether anything in an expression is a vector or a matrix. */
export function hasMatrix(e: Expr): boolean {
  let hit = false;
  visit(e, (x) => {
    if (x.shape?.kind === 'matrix') hit = true;
  });
  return hit;
}

/** `l − r`, typed like `l`. */
export const sub = (l: Expr, r: Expr): Expr => ({ kind: 'Binary', op: '-', left: l, right: r, range: l.range, shape: l.shape });
