/**
 * `deriv check` of a file on the CLI's own thread, for a file handed over alone
 * (src/check/isolated.ts decides when). A worker of its own costs a second Node start, a
 * second heap and the copying of the parsed file and its report, for nothing where there is no
 * other file to parse meanwhile: `deriv check` of the identity table took 0.90× the CPU (0.94×
 * run after SymPy, as the bench runs it) and 1.08× the wall time (no part is parsed while
 * another is checked), of one homework file 0.8× the CPU and 0.97× the wall time (8
 * alternated whole-process runs each).
 *
 * What the worker gave is kept: each relation's decision runs under a watchdog
 * (src/run/watchdog.ts) that stops it STUCK_FACTOR times its limit plus a slack later, as the
 * worker's watch does; the file under one for its whole budget. A stopped step may have left the
 * checker's module state half-changed, so this thread checks nothing more: the file is checked
 * again in a worker with that step `unknown`, as after a stuck worker. A check that ran out of
 * this thread's stack (a quarter of a worker's) where the checker notes it is done again in a
 * worker (definitions that unfold 3,000 deep were `unknown` here, decided there). What runs here is the
 * checker's bundle with its code cache, as in the worker, and the report is copied as a
 * worker's message is (structuredClone), so the CLI gets the report a worker gives.
 */
import { fileURLToPath } from 'node:url';
import type { ParsedDerivation } from '../parse/index.js';
import type { FileReport } from '../result.js';
import { TIMED_OUT, withWatchdog } from '../run/watchdog.js';
import type { CheckOptions } from './options.js';

type CheckModule = typeof import('./index.js');

/** How a check on this thread ended. */
export type InThreadOutcome =
  | { readonly kind: 'report'; readonly report: FileReport }
  /** A relation (its range) ran past its watchdog and was stopped; nothing more is checked on this thread. */
  | { readonly kind: 'stuck'; readonly range: readonly [number, number] }
  /** The file ran past its whole budget; nothing more is checked on this thread. */
  | { readonly kind: 'timeout' }
  /** The check ran out of this thread's stack somewhere (src/check/stack-overflow.ts): the file goes to a worker, whose stack is 4×. */
  | { readonly kind: 'deep' };

/** Thrown by the guard into the checker after a stop: the rest of the file is not checked here. */
class StoppedHere {
  readonly message = 'a step before was stopped: the file is checked again in a worker';
}

let loading: Promise<CheckModule | null> | null = null;

/** The checker for this thread: its bundle (dist/worker/check-worker.cjs) run from its code cache, else the module itself (no current bundle); null if neither loads. */
export function checkerHere(): Promise<CheckModule | null> {
  loading ??= (async () => {
    const { loadBundle } = await import('../run/bundle.js');
    const bundled = loadBundle(
      fileURLToPath(new URL('../../worker/check-worker.cjs', import.meta.url)),
      fileURLToPath(new URL('../run/check-worker.js', import.meta.url)),
    );
    return bundled ? (bundled.exports['checker'] as () => Promise<CheckModule>)() : import('./index.js');
  })().catch(() => null);
  return loading;
}

/** What a check on this thread needs of the checker module (tests stand in for it). */
export type CheckerHere = Pick<CheckModule, 'checkParsed' | 'stackOverflowed'>;

/**
 * Checks a parsed file on this thread: `budgetMs` for the whole file, `stuckMs` for any one
 * relation's decision (wall milliseconds, each a hard stop).
 */
export function checkInThread(check: CheckerHere, text: string, parsed: ParsedDerivation, options: CheckOptions, budgetMs: number, stuckMs: number): InThreadOutcome {
  let deciding: readonly [number, number] | null = null;
  let stuck: readonly [number, number] | null = null;
  const guard = <T>(decide: () => T): T => {
    if (stuck) throw new StoppedHere();
    const outcome = withWatchdog(stuckMs, decide);
    if (outcome === TIMED_OUT) {
      stuck = deciding ?? [0, 0];
      throw new StoppedHere();
    }
    return outcome;
  };
  const told = options.onDecide;
  check.stackOverflowed();
  const report = withWatchdog(budgetMs, () => check.checkParsed(text, parsed, {
    ...options,
    onDecide: (range) => {
      deciding = range;
      told?.(range);
    },
    guard,
  }));
  if (stuck) return { kind: 'stuck', range: stuck };
  if (report === TIMED_OUT) return { kind: 'timeout' };
  if (check.stackOverflowed()) return { kind: 'deep' };
  return { kind: 'report', report: structuredClone(report) };
}
