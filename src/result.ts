import type { Range } from './ast.js';
import type { Diagnostic, RelatedNote } from './diagnostics.js';

/** Worst first: a show's verdict is the worst of its parts. */
export const VERDICTS = ['error', 'refuted', 'unknown', 'checked', 'proved'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** How a verdict was reached. */
export type Method = 'structural' | 'identity-test' | 'symbolic' | 'normal-form' | 'rule' | 'evaluation' | 'sampling' | 'none';

/** A point where a step fails: every free name's value and both sides' values. */
export interface Counterexample {
  /** `[name, value]` in a stable order, e.g. `['β', '0.3']`, `['n', '2']`, `['g_t', '[1, 2]']`. */
  readonly assignments: readonly (readonly [string, string])[];
  readonly left: string;
  readonly right: string;
  /** e.g. "the right side is undefined here (log of a negative number)". */
  readonly note?: string;
}

/** A verdict on one relation, with the evidence for it. */
export interface Outcome {
  readonly verdict: Verdict;
  readonly method: Method;
  /** Sampled points that were evaluated (0 when none). */
  readonly samples: number;
  readonly counterexample: Counterexample | null;
  /** One sentence: why this verdict. */
  readonly message: string;
  readonly notes: readonly RelatedNote[];
  /** For `identity-test` (and a `rule` proof an identity test closed): the probability that a false identity passed (≤ 10⁻³⁰). */
  readonly errorBound?: number;
  /**
   * The named rule that proved the step (method `rule`: `submultiplicativity`, `q^T → 0`),
   * or that took part in a proof by another method (`differentiation`).
   */
  readonly rule?: string;
}

/** The outcome of one step of a chain, placed in its file. */
export interface StepResult extends Outcome {
  /** From the relation to the end of the right side. */
  readonly range: Range;
  /** Where the relation stands: the step is reported at its start. */
  readonly relRange: Range;
  readonly section: string | null;
  readonly relation: string;
  /** An `error` whose cause is a diagnostic reported on its own: reporters need not repeat it. */
  readonly secondary?: boolean;
  /** Its two sides differ by trivial rewriting only (`a b` for `b·a`): it derives nothing (grading; not in any report). */
  readonly trivial?: boolean;
  /** Wall time spent deciding it, in milliseconds (for `npm run bench`; not in any report). */
  readonly durationMs?: number;
  /** How its two sides were read: printed canonically after resolution (`W_hh h`, `‖u‖²`), for the JSON report. */
  readonly read?: { readonly left: string; readonly right: string };
}

export interface ShowResult {
  readonly name: string | null;
  /** The `show` line's range. */
  readonly range: Range;
  readonly section: string | null;
  readonly relation: string;
  readonly verdict: Verdict;
  readonly message: string;
  readonly counterexample: Counterexample | null;
  /** What else the check of a claim with no chain found (a point where it extends the left side's domain). */
  readonly notes?: readonly RelatedNote[];
  /** An `error` whose cause is a diagnostic reported on its own. */
  readonly secondary?: boolean;
  /**
   * For a show with a chain: whether the chain reaches the claim (starts and ends at its sides,
   * relations composing to its relation), whatever its steps' verdicts; partial credit counts it.
   */
  readonly reaches?: boolean;
  /** For a show with a chain: whether the chain starts at the claim's left side (up to trivial rewriting). */
  readonly starts?: boolean;
}

/** Everything known about one file: what stops checking (diagnostics) and each verdict. */
export interface FileReport {
  readonly file: string;
  readonly source: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly steps: readonly StepResult[];
  readonly shows: readonly ShowResult[];
  /**
   * For a part of a file only (ParsedDerivation.part): each name it used with no declaration, as
   * `key kind shape` (partsReadAlone: such a part is not read as the whole file reads it). Not
   * in any output.
   */
  readonly undeclared?: readonly string[];
}

export interface Summary {
  passed: number;
  failed: number;
  proved: number;
  checked: number;
  refuted: number;
  unknown: number;
  errors: number;
}

/**
 * Counts over files. Every verdict-bearing item counts: each step, and each show (a show's
 * verdict covers its chain reaching the claim, which no single step does).
 * passed = proved + checked; failed = refuted + unknown + error.
 */
export function summarize(files: readonly FileReport[]): Summary {
  const s: Summary = { passed: 0, failed: 0, proved: 0, checked: 0, refuted: 0, unknown: 0, errors: 0 };
  for (const f of files) {
    s.errors += f.diagnostics.filter((d) => d.severity === 'error').length;
    for (const item of [...f.steps, ...f.shows]) {
      if (item.verdict === 'proved' || item.verdict === 'checked') s.passed++;
      else s.failed++;
      if (item.verdict !== 'error') s[item.verdict]++;
    }
  }
  return s;
}

/** `x = 3`, or `λ ≈ -2.828…` for a value known only within bounds (shown as ≈ its middle). */
export function assignmentText(name: string, value: string): string {
  return value.startsWith('≈') ? `${name} ${value}` : `${name} = ${value}`;
}
