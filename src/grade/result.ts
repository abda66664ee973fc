/** What grading produces: plain data, the same in a worker and in-process, read by every output format. */
import { createHash } from 'node:crypto';
import type { JsonCounterexample, JsonReport } from '../report/json.js';

/** A place in a submitted file: 1-based line and column (columns count code points). */
export interface Place {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Why a claim lost points. The kind groups failures across students in the class summary:
 * - `missing`: no show or answer with the claim's name;
 * - `unparsed`: the line that states it does not parse;
 * - `no-chain`: a show with no derivation where the key derives the claim;
 * - `claim-differs`: the claim is not equivalent to the key's (a counterexample says where);
 * - `claim-undecided`: equivalence could not be decided either way;
 * - `assumption`: the proof rests on an assumption or definition the key does not make;
 * - `step`: a step fails (in the show's chain, or in the answer's section);
 * - `show`: every step holds, but the chain does not establish the claim;
 * - `time-limit`: the submission's time limit ran out before this was checked;
 * - `crash`: grading this submission crashed or ran out of memory;
 * - `unreadable`: the submission could not be read (empty, binary, too large, not UTF-8).
 */
export type FailureKind =
  | 'missing' | 'unparsed' | 'no-chain' | 'claim-differs' | 'claim-undecided' | 'assumption'
  | 'step' | 'show' | 'time-limit' | 'crash' | 'unreadable';

/** One reason a claim lost points, worded for the student. */
export interface ClaimFailure {
  readonly kind: FailureKind;
  /** One or two sentences: what is wrong and, where it helps, what to do. Never shows the key's text. */
  readonly message: string;
  /** The same for the TA, with the key's claim where it helps (CSV, JSON, Gradescope's extra_data); null when it adds nothing. */
  readonly detail: string | null;
  /** The failing step or statement, when there is one. */
  readonly place: Place | null;
  /** The source line at `place`, as written (plain text: outputs escape it). */
  readonly code: string | null;
  readonly counterexample: JsonCounterexample | null;
  /** Groups the same failure across students (the class summary's "most common failing step"); '' for a `more` entry. */
  readonly group: string;
  /**
   * Set on the entry that stands for the failures not listed one by one ("and 4 more"): how many
   * there are. It is no failure of its own: the class summary does not count it, and "+N more"
   * counts what it stands for.
   */
  readonly more?: number;
}

/** `passed`: full points; `partial`: some (a `partial` claim); `failed`: none. */
export type ClaimStatus = 'passed' | 'partial' | 'failed';

/** One key claim, graded for one student. */
export interface ClaimResult {
  readonly name: string;
  readonly kind: 'show' | 'answer';
  readonly maxPoints: number;
  readonly points: number;
  readonly status: ClaimStatus;
  /** Where the student states it (null when they do not). */
  readonly at: Place | null;
  /** How it was decided, for a claim that earned points (e.g. "equivalent to the key's (proved); every step holds"). */
  readonly note: string;
  readonly failures: readonly ClaimFailure[];
}

/** One student's grade. */
export interface SubmissionResult {
  /** The submission as given on the command line (a file or a folder). */
  readonly student: string;
  /** The `.deriv` files read for it. */
  readonly files: readonly string[];
  /** The first file's `title`, if any (as written: outputs escape it). */
  readonly title: string | null;
  /** The sampling seed used for this student (fixed by `--seed-from`). */
  readonly seed: number;
  readonly points: number;
  readonly maxPoints: number;
  readonly claims: readonly ClaimResult[];
  /** What went wrong with the submission as a whole: unreadable, crashed, timed out. */
  readonly problems: readonly string[];
  /** Syntax errors and unreadable files ("file:line:col: message"): PrairieLearn's `format_errors`. */
  readonly formatErrors: readonly string[];
  /**
   * The other errors in the files ("file:line:col: message": an unknown name, a line that
   * continues no chain, mismatched shapes): the student sees them even where no claim of
   * the key reads the line.
   */
  readonly errors?: readonly string[];
  /**
   * Whether grading finished: false when it crashed, was killed or ran out of memory (the claims
   * then have 0), or ran out of time (what was checked before the limit keeps its points).
   */
  readonly completed: boolean;
  readonly elapsedMs: number;
  /** The full check report of the student's files (`deriv check --format json`), when there is one. */
  readonly report: JsonReport | null;
}

/** Rounds points to hundredths, so 8 × 2/3 prints as 5.33, and sums stay exact enough. */
export function roundPoints(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * The sampling seed for one student: the same `--seed-from` string and submission name (its
 * file or folder name, wherever it sits) give the same seed, so a regrade gives the same result
 * (SHA-256 of both, first 31 bits).
 */
export function seedFor(seedFrom: string, student: string): number {
  const name = student.replace(/[/\\]+$/, '').split(/[/\\]/).pop() ?? student;
  const digest = createHash('sha256').update(`${seedFrom}\u0000${name}`).digest();
  return digest.readUInt32BE(0) >>> 1;
}
