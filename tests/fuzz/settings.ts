/**
 * How big a fuzz run is (issue 13). In the test suite every property runs a fixed number of
 * cases (`runs`) from a fixed seed per property, so `npm test` (and CI) is the same run every
 * time and a commit is never blocked by a case it did not introduce; `npm run fuzz`
 * (scripts/fuzz.mjs) sets FUZZ_SECONDS, and then each property runs for that many seconds from
 * a fresh random seed, to find new cases (each one found goes into a test of its own). FUZZ_SEED replays
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
  const seed = fixedSeed ?? (LONG_RUN ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : nameSeed(name));
  console.log(`fuzz ${name}: seed ${seed}${LONG_RUN ? `, ${seconds} s` : `, ${runs} runs`} (replay: FUZZ_SEED=${seed})`);
  return LONG_RUN
    ? { seed, numRuns: 1_000_000_000, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false }
    : { seed, numRuns: runs };
}

/** A property's fixed seed in the test suite: a 31-bit FNV-1a hash of its name. */
function nameSeed(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return (h >>> 1) | 0;
}
