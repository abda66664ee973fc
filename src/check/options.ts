/** Options for checking (kept apart so the CLI can read them without loading the checker). */

/** Options for checking one source text. */
export interface CheckOptions {
  /** The file name reported (default `<stdin>`). */
  file?: string;
  /** Sampling seed; the same seed gives the same verdicts and counterexamples. */
  seed?: number;
  /** Points sampled per step. */
  samples?: number;
  /** Time limit per step, in milliseconds; a step over it is `unknown`. */
  timeoutMs?: number;
  /** The flag that raises `timeoutMs`, as a message over it names it (`--timeout`; `deriv grade`: `--step-timeout`). */
  timeoutFlag?: string;
  /** Absolute wall time (Date.now()) after which every remaining step is `unknown`: a budget for the whole file (src/clock.ts: not the step clock). */
  deadline?: number;
  /** Told as each relation's decision starts, with the relation's range in the text (a worker reports it; never sent to one). */
  onDecide?: (range: readonly [number, number]) => void;
  /**
   * Runs each relation's decision (after `onDecide`): src/check/in-thread.ts runs it under a
   * watchdog that stops a step stuck far past its limit. Never sent to a worker.
   */
  guard?: <T>(decide: () => T) => T;
  /**
   * Relations (their ranges in the text) not to decide: each is `unknown`, as a check before
   * was stuck there far past the step's limit and stopped from outside (src/check/isolated.ts).
   */
  stopped?: readonly (readonly [number, number])[];
}

export const DEFAULT_SEED = 20261125;
export const DEFAULT_SAMPLES = 24;
export const DEFAULT_TIMEOUT_MS = 2000;
