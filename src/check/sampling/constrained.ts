import type { Expr } from '../../ast.js';
import type { Counterexample } from '../../result.js';
import { isMat } from '../evaluator/field.js';
import { printName } from '../../print.js';
import type { StepProblem } from '../problem.js';
import { visit } from '../rewrite.js';
import type { Rng } from '../rng.js';
import { keysRead } from './domain.js';
import { decimalLevels, allLevels } from './levels.js';
import { systemRoots } from './newton.js';
import type { Point } from './point.js';
import { counterexample, formatValue } from './report.js';
import { solvedEquation } from './search.js';
import { now } from '../../clock.js';

/** At most this many held points start Newton's method. */
const STARTS = 4;

/**
 * A `≠` step under equation assumptions that sampling meets by solving (`assume x² + y² = 1`)
 * fails where its sides are equal on the equations' solutions, a curve no draw lands on
 * (x − 2y ≠ 0 at (2/√5, 1/√5), red team rt120). The equations and left = right are solved
 * together in as many scalars (those they read, the step's own first, the rest kept at the
 * held point's values) by Newton's method from the held points, and each root is proved in a
 * box by the Krawczyk test (newton.ts systemRoots): at the box's one root every equation holds
 * and the sides are equal. Where the other assumptions hold on all of the box, that is the
 * counterexample; null otherwise (scalars only).
 */
export function constrainedZeroSearch(p: StepProblem, held: readonly Point[], rng: Rng, deadline: number): Counterexample | null {
  if (p.rel !== '≠' || held.length === 0) return null;
  const left = p.left as Expr;
  const right = p.right as Expr;
  const scalar = (e: Expr): boolean => e.shape?.kind !== 'matrix';
  if (!scalar(left) || !scalar(right)) return null;
  const equations = p.prep.checks.map((c) => solvedEquation(p, c)).filter((e): e is readonly [Expr, Expr] => e !== null && scalar(e[0]) && scalar(e[1]));
  if (equations.length === 0) return null;
  const base = held[0]!;
  // The unknowns: real scalars the step and the equations read, those the step writes first.
  const written = new Set<string>();
  for (const side of [left, right]) visit(side, (x) => { if (x.kind === 'Var') written.add(printName(x.name)); });
  const read = new Set<string>();
  for (const e of [left, right, ...equations.flat()]) {
    const keys = keysRead(p, e);
    if (!keys) return null;
    for (const k of keys) read.add(k);
  }
  const usable = (k: string): boolean => {
    const v = base.values.get(k)?.value;
    return v !== undefined && !isMat(v) && !base.isInteger(k);
  };
  const keys = [...read].filter(usable).sort((a, b) => Number(!written.has(a)) - Number(!written.has(b)));
  // (As many as there are equations where the rest can stay at the held point's values, and up
  // to two more, which Newton's method moves too: on x² + y² + z² = 1 the plane x + y + z = 3/2
  // may miss the circle through a drawn z.)
  const n = equations.length + 1;
  if (keys.length < n) return null;
  const system = [...equations, [left, right] as const];
  for (const q of systemRoots(base, keys.slice(0, n + 2), system, held.slice(0, STARTS), rng, deadline)) {
    if (now() > deadline) return null;
    q.touched.clear();
    try {
      if (!q.satisfiesAssumptions(allLevels(), true)) continue;
    } catch {
      continue;
    }
    q.touched.clear();
    const value = sharedValue(q, left, right);
    if (value === null) continue;
    return counterexample(q, value, value, 'the sides are equal at a point of a box about 10⁻⁸⁰ wide around this one, where the equations of the assumptions hold too (its existence proved by the Krawczyk test); ≈ marks a value rounded from that box');
  }
  return null;
}

/** The sides' common value over the box, at the first precision where both have one; null where either has none. */
function sharedValue(q: Point, left: Expr, right: Expr): string | null {
  for (const F of decimalLevels()) {
    try {
      const l = q.evaluate(F, left);
      q.evaluate(F, right);
      if (isMat(l)) return null;
      return F.sign(l) === null ? '≈ 0' : formatValue(F, l, 12);
    } catch {
      continue;
    }
  }
  return null;
}
