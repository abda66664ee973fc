/**
 * `deriv check` of a file on the CLI's own thread, for a file handed over alone
 * (src/check/isolated.ts decides when). A worker of its own costs a second Node start, a
 * second heap and the copying of the parsed file and its report, for nothing where there is no
 * other file to parse meanwhile: `deriv check` of the identity table took 0.90× the CPU (0.94×
 * run after SymPy, as the bench runs it) and 1.08× the wall time (no part is parsed while
 * another is checked), of one homework file 0.8× the CPU and 0.97× the wall time (8
 * alternated whole-process runs each).
 *
 * What the worker gave is kept, by two watchdogs (src/run/watchdog.ts): one over the file's
 * whole budget, and a window over its first STUCK_FACTOR times the step limit plus a slack
 * (the worker's watch on one step). A decision still running when the window ends and begun at
 * least half a window before is stuck, as the worker's watch would find it; any other is handed
 * over with the rest of the file (a long file's check goes on in a worker after the window).
 * A stop may leave the checker's module state half-changed, so this thread checks nothing more:
 * the file goes on in a worker, the decisions made here replayed there (CheckOptions.replay),
 * the stuck one `unknown`. A watchdog per decision, as before, started a thread each: 6% of the
 * identity table's CPU (10 alternated whole-process runs: 1775 → 1670 ms without them).
 * A check that ran out of this thread's stack (a quarter of a worker's) where the checker notes
 * it is done again in a worker (definitions that unfold 3,000 deep were `unknown` here, decided
 * there). What runs here is the checker's bundle with its code cache, as in the worker, and the
 * report is copied as a worker's message is (structuredClone), so the CLI gets the report a
 * worker gives.
 */
import { fileURLToPath } from 'node:url';
import type { ParsedDerivation } from '../parse/index.js';
import type { FileReport } from '../result.js';
import { capYoungGeneration, uncapYoungGeneration } from '../run/v8-flags.js';
import { TIMED_OUT, withWatchdog } from '../run/watchdog.js';
import type { CheckOptions, Decision, Stopped } from './options.js';

type CheckModule = typeof import('./index.js');

/** The decisions a check on this thread made before it was stopped (CheckOptions.replay). */
export type Decided = readonly Decision[];

/** How a check on this thread ended. */
export type InThreadOutcome =
  | { readonly kind: 'report'; readonly report: FileReport }
  /** A relation (its range) ran past the window and was stopped; nothing more is checked on this thread. */
  | { readonly kind: 'stuck'; readonly range: Stopped; readonly decided: Decided }
  /** The check ran past the window with no decision stuck: it goes on in a worker; nothing more is checked on this thread. */
  | { readonly kind: 'handed-over'; readonly decided: Decided }
  /** The file ran past its whole budget; nothing more is checked on this thread. */
  | { readonly kind: 'timeout' }
  /** The check ran out of this thread's stack somewhere (src/check/stack-overflow.ts): the file goes to a worker, whose stack is 4×. */
  | { readonly kind: 'deep' };

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

/** What the window's watchdog returns when it ended the check (the file's own returns TIMED_OUT). */
const WINDOW_ENDED: unique symbol = Symbol('window ended');

/**
 * Checks a parsed file on this thread: `budgetMs` for the whole file, `stuckMs` for the window
 * (wall milliseconds, each a hard stop; see the top of this file).
 */
export function checkInThread(check: CheckerHere, text: string, parsed: ParsedDerivation, options: CheckOptions, budgetMs: number, stuckMs: number): InThreadOutcome {
  /** The decisions started and not ended, by place (one inside another: a justification's fact). */
  const deciding = new Map<number, { readonly range: readonly [number, number]; readonly since: number }>();
  const decided: Decision[] = [];
  const told = options.onDecide;
  const toldDecided = options.onDecided;
  check.stackOverflowed();
  let report: FileReport | typeof TIMED_OUT | typeof WINDOW_ENDED;
  try {
    report = withWatchdog(budgetMs, () => {
      const r = withWatchdog(stuckMs, () => check.checkParsed(text, parsed, {
        ...options,
        onDecide: (range, index) => {
          // (This thread's young generation, grown by the parse, stops growing: v8-flags.ts.)
          capYoungGeneration();
          deciding.set(index, { range, since: Date.now() });
          told?.(range, index);
        },
        onDecided: (decision) => {
          decided.push(decision);
          deciding.delete(decision.index);
          toldDecided?.(decision);
        },
      }));
      return r === TIMED_OUT ? WINDOW_ENDED : r;
    });
  } finally {
    uncapYoungGeneration();
  }
  if (report === TIMED_OUT) return { kind: 'timeout' };
  if (report === WINDOW_ENDED) {
    // (Copied as a worker's message would be: they go to one.)
    const made = structuredClone(decided);
    // (The innermost decision running, the last begun: the work it was stuck in is its own.)
    const index = deciding.size > 0 ? Math.max(...deciding.keys()) : null;
    const at = index === null ? null : deciding.get(index)!;
    return at && index !== null && Date.now() - at.since >= stuckMs / 2 ? { kind: 'stuck', range: [at.range[0], at.range[1], index], decided: made } : { kind: 'handed-over', decided: made };
  }
  if (check.stackOverflowed()) return { kind: 'deep' };
  return { kind: 'report', report: structuredClone(report) };
}
