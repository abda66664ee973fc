/** Options for checking (kept apart so the CLI can read them without loading the checker). */
import type { Outcome } from '../result.js';

/** A relation's decision left undecided (CheckOptions.stopped): its range, and its decision's place where known. */
export type Stopped = readonly [number, number] | readonly [number, number, number];

/** One relation's decision: its place in the order decisions start (0, 1, …), the relation's range in the text, and its outcome. */
export interface Decision {
  readonly index: number;
  readonly range: readonly [number, number];
  readonly outcome: Outcome;
}

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
   * Told as each relation's decision ends (its place in the order decisions start, its range,
   * its outcome), a replayed one too: src/check/in-thread.ts and a worker's watch keep them, so
   * that a check stopped midway goes on from there in a worker (`replay`).
   */
  onDecided?: (decision: Decision) => void;
  /**
   * Decisions already made (as `onDecided` told them) on the same text with the same options:
   * each is taken as it is where the decision of that place is of that range, not made again
   * (a check stopped midway and gone on in a worker, src/check/isolated.ts). Past a place whose
   * range differs (the checks took another way), none is taken.
   */
  replay?: readonly Decision[];
  /**
   * Relations not to decide, each by its range in the text and, where given, its decision's
   * place (onDecided's `index`; a cited fact, a chain's ends and a show's relations share a
   * range with others): each is `unknown`, as a check before was stuck there far past the step's
   * limit and stopped from outside (src/check/isolated.ts).
   */
  stopped?: readonly Stopped[];
}

export const DEFAULT_SEED = 20261125;
export const DEFAULT_SAMPLES = 24;
export const DEFAULT_TIMEOUT_MS = 2000;
