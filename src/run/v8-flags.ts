/**
 * The V8 flags a `deriv` process runs with: bin/deriv.js sets them before it loads anything
 * (workers inherit them: V8's flags are the process's), and the build's training runs
 * (scripts/bundle.mjs) make the code caches under them, as V8 takes a cache only under the
 * flags it was made with.
 *
 * `--interrupt-budget` (V8's default 67,584 in Node 20): how much bytecode a function runs
 * before V8 weighs optimizing it with TurboFan. A `deriv check` lives about a second; at the
 * default, TurboFan compiled functions the run was nearly done with (and threw some away
 * again), and checking the homework cold in-process took ~1.5× as long as at 16× the budget
 * (10 alternated runs each: median 662 ms against 431; 4×: 518).
 * Hot code in a long run (deriv grade, the language server) is still optimized, later.
 *
 * `--no-parallel-scavenge`: the young generation is collected on the thread that fills it, not
 * by helper tasks on V8's platform threads. With a 3 MB young generation (the worker's,
 * src/check/isolated.ts) a scavenge is short, and on two cores its helpers wait on the other
 * JavaScript thread and on TurboFan: 10 alternated whole-process runs of the identity table,
 * CPU median 1690 → 1625 ms and wall 1.26 → 1.21 s; 8 of the homework, CPU 1065 → 1030 ms.
 * (V8 reads it at each scavenge, so it may be set at run time; `--single-threaded-gc` and
 * `--no-parallel-marking` set so abort V8 in the next full collection.)
 */
import { setFlagsFromString } from 'node:v8';

export const RUN_V8_FLAGS: readonly string[] = ['--interrupt-budget=1048576', '--no-parallel-scavenge'];

/** Sets RUN_V8_FLAGS in this process (before any worker starts or bundle loads). */
export function useRunFlags(): void {
  for (const flag of RUN_V8_FLAGS) setFlagsFromString(flag);
}
