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
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

export const RUN_V8_FLAGS: readonly string[] = ['--interrupt-budget=1048576', '--no-parallel-scavenge'];

/** Sets RUN_V8_FLAGS in this process (before any worker starts or bundle loads). */
export function useRunFlags(): void {
  for (const flag of RUN_V8_FLAGS) setFlagsFromString(flag);
}

/**
 * The young generation of `deriv check`'s own thread stops growing once its semi-spaces are
 * this large (MB of new space, both semi-spaces together). A worker's is bounded at start
 * (src/check/isolated.ts, CHECK_YOUNG_GENERATION_MB); this thread's heap was made by Node
 * before any of ours ran, so V8 would grow its semi-spaces to 16 MB each as a long check's
 * survivors add up, faulting in fresh pages for it (~4,000 of the identity table's ~21,000).
 * Parsing a file takes it to 16 MB; checking the identity table took it to 32.
 */
const YOUNG_CAP_BYTES = 16 * 2 ** 20;

/** V8's default factor by which a full new space grows (`--semi-space-growth-factor`, 2 since V8 5). */
const DEFAULT_GROWTH = 2;

/**
 * Whether the growth is capped, process-wide: each bundle (the CLI's, the checker's, which
 * loads nerdamer's) has its own copy of this module, and the flag is the process's.
 */
const CAPPED = Symbol.for('deriv.youngGenerationCapped');
const state = globalThis as { [CAPPED]?: boolean };

/**
 * Once the new space has reached `atBytes` (YOUNG_CAP_BYTES), has V8 grow it no further: the growth
 * factor is read at each growth, so it can be set to 1 at run time, where the heap's size
 * limits cannot (they are fixed when Node makes the isolate). Called at each decision of a
 * check on this thread (src/check/in-thread.ts); undone by uncapYoungGeneration. On the
 * identity table: 30 alternated whole-process runs, CPU median 1335 → 1260 ms, wall 1200 →
 * 1135 ms, minor page faults 20,700 → 16,800.
 */
export function capYoungGeneration(atBytes = YOUNG_CAP_BYTES): void {
  if (state[CAPPED]) return;
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  if (!space || space.space_size < atBytes) return;
  setFlagsFromString('--semi-space-growth-factor=1');
  state[CAPPED] = true;
}

/** Lets the new space grow again as V8 would (after a check on this thread). */
export function uncapYoungGeneration(): void {
  if (!state[CAPPED]) return;
  setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH}`);
  state[CAPPED] = false;
}

/**
 * Runs `fn` under the flags the code caches were made with: V8 takes a cache only where the
 * hash of all its flags is the one it was made under, and a capped growth factor changes it
 * (nerdamer's bundle is loaded from its cache during a check, src/run/bundle.ts).
 */
export function underCacheFlags<T>(fn: () => T): T {
  if (!state[CAPPED]) return fn();
  setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH}`);
  try {
    return fn();
  } finally {
    setFlagsFromString('--semi-space-growth-factor=1');
  }
}
