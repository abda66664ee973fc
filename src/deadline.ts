/**
 * The time limit of the step being checked, as a hard stop deep inside work that does not
 * look at the step's own deadline: every walk over the AST (`slots` in ast-walk.ts, which
 * visit, mapChildren, substitute and freeNames go through), the interpreter's ∑/∏ loops,
 * the normal form, printing and the symbolic engine's input. Where the cost of a step
 * multiplies with nesting (∑ inside ∑ inside ∑ …, written out by a rule; a product of
 * matrices expanded term by term), one of these runs for long; `tick()` notices, cheaply
 * (the step clock, src/clock.ts, once every few thousand calls), and throws `OverTime`, which the checker
 * turns into an `unknown` step that names the limit (checker.ts, `decide`); the steps
 * before and after keep their verdicts.
 *
 * The phases of a step keep to its soft deadline by themselves; the hard stop is a little
 * later (`graceMs`), so a step that finishes on time is never cut short while it words its
 * result. Outside a step (parsing, resolving) there is no limit. One step is checked at a
 * time in a thread (decide is synchronous), so the limit is a module-level value.
 */

import { now } from './clock.js';

/**
 * The step ran over its time limit and was stopped. Not an Error (no stack is captured)
 * and not a Signal (field.ts): a point that throws it is not skipped, the step stops.
 */
export class OverTime {
  constructor(readonly message: string) {}
}

let hardDeadline = Infinity;
let limitText = '';
let count = 0;

/** Calls between two looks at the clock. */
const EVERY = 2048;

/**
 * Runs `f` with a hard stop at `deadline + graceMs`; `limit` names the limit for the message
 * (`its time limit (1 s; raise --timeout)`). Nested calls keep the earlier of the two stops.
 */
export function withDeadline<T>(deadline: number, limit: string, graceMs: number, f: () => T): T {
  const saved = [hardDeadline, limitText] as const;
  const hard = deadline + graceMs;
  if (hard < hardDeadline) {
    hardDeadline = hard;
    limitText = limit;
  }
  try {
    return f();
  } finally {
    [hardDeadline, limitText] = saved;
  }
}

/** A time limit in words: `800 ms`, `2 s`, `1.5 s`. */
export function msText(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

/** Throws OverTime when the current step is past its hard stop (looks at the clock every EVERY calls). */
export function tick(): void {
  if (++count < EVERY) return;
  count = 0;
  if (hardDeadline !== Infinity && now() > hardDeadline) throw overTime();
}

/** tick() for a loop whose each turn is costly: looks at the clock every time. */
export function tickNow(): void {
  if (hardDeadline !== Infinity && now() > hardDeadline) throw overTime();
}

/** Whether the current step is past its hard stop. */
export function overHardDeadline(): boolean {
  return hardDeadline !== Infinity && now() > hardDeadline;
}

function overTime(): OverTime {
  return new OverTime(`this step ran over ${limitText} and was stopped`);
}
