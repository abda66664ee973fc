/** Options for checking (kept apart so the CLI can read them without loading the checker). */
import type { Outcome } from '../result.js';

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
  /**
   * Told as each relation's decision starts, with the relation's range in the text and the
   * decision's place in the order decisions start (a worker reports it; never sent to one).
   */
  onDecide?: (range: readonly [number, number], index: number) => void;
  /**
   * Told as each relation's decision ends, with its place in the order decisions start (0, 1, …)
   * and its outcome: src/check/in-thread.ts keeps them, so that a check it hands over to a
   * worker midway goes on where it stopped (`replay`). Never sent to a worker.
   */
  onDecided?: (index: number, outcome: Outcome) => void;
  /**
   * Outcomes of decisions already made (by their place in the order decisions start, as
   * `onDecided` told them) on the same text with the same options: each is taken as it is,
   * not decided again (a check handed over to a worker midway, src/check/isolated.ts).
   */
  replay?: readonly (readonly [number, Outcome])[];
  /**
   * Relations (their ranges in the text) not to decide: each is `unknown`, as a check before
   * was stuck there far past the step's limit and stopped from outside (src/check/isolated.ts).
   */
  stopped?: readonly (readonly [number, number])[];
}

export const DEFAULT_SEED = 20261125;
export const DEFAULT_SAMPLES = 24;
export const DEFAULT_TIMEOUT_MS = 2000;
