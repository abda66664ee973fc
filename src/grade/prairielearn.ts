/**
 * PrairieLearn's external-grader `results.json` (https://prairielearn.readthedocs.io/en/latest/externalGrading/):
 * `score` in 0…1, `gradable: false` with `format_errors` when the submission cannot be read,
 * one test per key claim with `points` / `max_points`. Checked against
 * `schema/prairielearn-results.schema.json` in the tests; kept well under PrairieLearn's 1 MB.
 */
import { basename } from 'node:path';
import { claimReason, claimText, plain } from './feedback.js';
import type { KeySummary } from './gradescope.js';
import type { SubmissionResult } from './result.js';

/** One test of a PrairieLearn result. */
export interface PrairieLearnTest {
  name: string;
  description: string;
  points: number;
  max_points: number;
  message: string;
  output: string;
}

/** A PrairieLearn results.json. */
export interface PrairieLearnResults {
  gradable: boolean;
  score: number;
  message: string;
  output: string;
  format_errors?: string[];
  tests: PrairieLearnTest[];
}

/** PrairieLearn's results.json for one submission. */
export function toPrairieLearn(r: SubmissionResult, key: KeySummary): PrairieLearnResults {
  // A submission out of time was graded up to its limit (it has a report): what was checked
  // keeps its points, as on Gradescope. One that crashed or was killed has nothing to score.
  const graded = r.completed || r.report !== null;
  const gradable = r.formatErrors.length === 0 && graded;
  const summary = `${r.points} / ${r.maxPoints} points, graded by deriv against ${basename(key.file)} (seed ${r.seed}).`; // (Its name, not where it lies: as on Gradescope.)
  if (!gradable) {
    const errors = [...r.formatErrors, ...(graded ? [] : r.problems)].slice(0, 50);
    return {
      gradable: false,
      score: 0,
      message: graded
        ? 'Your submission could not be read: fix the lines below and submit again (this attempt does not count).'
        : 'Your submission could not be graded (see below); this attempt does not count.',
      output: plain(errors.join('\n'), 20_000),
      format_errors: errors.map((e) => plain(e, 500)),
      tests: [],
    };
  }
  return {
    gradable,
    // Rounded to 6 decimals: 15.71/20 is 0.7855, not 0.7855000000000001.
    score: r.maxPoints > 0 ? Math.round(Math.min(1, Math.max(0, r.points / r.maxPoints)) * 1e6) / 1e6 : 0,
    message: plain([summary, ...r.problems].join(' '), 2000),
    output: plain([summary, ...(r.title ? [`Title: ${r.title}`] : []), ...r.problems].join('\n'), 5000),
    tests: r.claims.map((c) => ({
      name: `${c.kind} "${c.name}"`,
      // Not the key's claim itself: for an answer, that is the answer.
      description: c.kind === 'show' ? `show "${c.name}" with a derivation` : `state the answer "${c.name}"`,
      points: c.points,
      max_points: c.maxPoints,
      message: claimReason(c),
      output: claimText(c),
    })),
  };
}
