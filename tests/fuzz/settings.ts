/**
 * How big a fuzz run is (issue 13). In the test suite every property runs a fixed number of
 * cases (`runs`), from a fresh random seed each time; `npm run fuzz` (scripts/fuzz.mjs) sets
 * FUZZ_SECONDS, and then each property runs for that many seconds instead. FUZZ_SEED replays
 * a run: fast-check prints the seed and the shrunk case's path when a property fails, and each
 * property logs its seed when it starts.
 */
import { fc } from '@fast-check/vitest';

const seconds = Number(process.env.FUZZ_SECONDS ?? 0);
const fixedSeed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : null;

/** Whether this is a long run (`npm run fuzz`). */
export const LONG_RUN = seconds > 0;

/** The vitest timeout a property needs: its fixed-size run's `ciMs`, or the long run's seconds plus slack. */
export function timeoutFor(ciMs: number): number {
  return LONG_RUN ? seconds * 1000 + 120_000 : ciMs;
}

/** fast-check parameters for one property: a fixed number of runs in CI, a time budget in a long run. */
export function fuzzParams(name: string, runs: number): fc.Parameters<unknown> {
  const seed = fixedSeed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
  console.log(`fuzz ${name}: seed ${seed}${LONG_RUN ? `, ${seconds} s` : `, ${runs} runs`} (replay: FUZZ_SEED=${seed})`);
  return LONG_RUN
    ? { seed, numRuns: 1_000_000_000, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false }
    : { seed, numRuns: runs };
}
