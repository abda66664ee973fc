import { basename } from 'node:path';
/**
 * Gradescope's autograder `results.json` (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * one test per key claim, Markdown output naming the failing step, the full report in `extra_data`.
 * Its shape is checked against `schema/gradescope-results.schema.json` in the tests.
 */
import { claimMarkdown, md, mdCode, mdInline } from './feedback.js';
import type { KeyClaim } from './key.js';
import type { Visibility } from './options.js';
import type { SubmissionResult } from './result.js';

/** What the outputs need to know about the key (plain data: an `AnswerKey` is one). */
export interface KeySummary {
  readonly file: string;
  readonly sha256: string;
  readonly claims: readonly KeyClaim[];
  readonly total: number;
}


/** One test of a Gradescope results.json. */
export interface GradescopeTest {
  name: string;
  name_format: 'text';
  number?: string;
  score?: number;
  max_score?: number;
  status: 'passed' | 'failed';
  output: string;
  output_format: 'md';
  visibility: Visibility;
}

/** A Gradescope results.json. */
export interface GradescopeResults {
  score: number;
  execution_time: number;
  output: string;
  output_format: 'md';
  stdout_visibility: 'hidden';
  tests: GradescopeTest[];
  extra_data: Record<string, unknown>;
}

/** Options of the Gradescope output. */
export interface GradescopeOptions {
  readonly visibility?: Visibility;
  /** The `--seed-from` string, echoed so a regrade can be reproduced. */
  readonly seedFrom?: string | null;
  readonly version?: string;
}

/** Gradescope numbers tests like "1.1": a claim named like a number keeps its name. */
function numberOf(name: string, index: number): string {
  return /^\d+(\.\d+)*$/.test(name) ? name : String(index + 1);
}

/** The overall message: score, key, seed, and what kept parts of the submission from being read. */
function overview(r: SubmissionResult, key: KeySummary, options: GradescopeOptions): string {
  const parts = [
    `**${r.points} / ${r.maxPoints} points**, graded by deriv against ${mdInline(basename(key.file))}.`,
  ];
  if (r.title) parts.push(`Your file's title: ${mdInline(r.title)}`);
  if (r.problems.length > 0) parts.push(r.problems.map((p) => `- ${md(p)}`).join('\n'));
  if (r.formatErrors.length > 0) {
    parts.push(`These lines could not be read (fix them and submit again):\n\n${mdCode(r.formatErrors.slice(0, 20))}`);
  }
  if ((r.errors ?? []).length > 0) {
    parts.push(`These lines have errors (what they say is not checked):\n\n${mdCode(r.errors!.slice(0, 20))}`);
  }
  parts.push(`Sampling seed ${r.seed}${options.seedFrom ? ` (from ${mdInline(options.seedFrom)})` : ''}: a regrade gives the same result.`);
  return parts.join('\n\n');
}

/** Gradescope's results.json for one graded submission. */
export function toGradescope(r: SubmissionResult, key: KeySummary, options: GradescopeOptions = {}): GradescopeResults {
  const visibility = options.visibility ?? 'visible';
  const tests: GradescopeTest[] = r.claims.map((c, i) => ({
    name: `${c.kind} "${c.name}"`,
    name_format: 'text',
    number: numberOf(c.name, i),
    score: c.points,
    max_score: c.maxPoints,
    status: c.points >= c.maxPoints ? 'passed' : 'failed',
    output: claimMarkdown(c),
    output_format: 'md',
    visibility,
  }));
  const errors = r.errors ?? [];
  if (r.formatErrors.length > 0 || errors.length > 0) {
    // An informational test (no score): where the submission does not parse, or has errors
    // (an unknown name, a line that continues no chain) that no claim of the key reports.
    const output = [
      ...(r.formatErrors.length > 0 ? [`Some lines could not be read; what they state earns nothing until they do:\n\n${mdCode(r.formatErrors.slice(0, 50))}`] : []),
      ...(errors.length > 0 ? [`Some lines have errors; what they state is not checked:\n\n${mdCode(errors.slice(0, 50))}`] : []),
    ].join('\n\n');
    tests.unshift({ name: 'Reading your files', name_format: 'text', status: 'failed', output, output_format: 'md', visibility: 'visible' });
  }
  return {
    score: r.points,
    execution_time: Math.ceil(r.elapsedMs / 1000),
    output: overview(r, key, options),
    output_format: 'md',
    stdout_visibility: 'hidden',
    tests,
    extra_data: {
      deriv: {
        version: options.version ?? null,
        key: { file: key.file, sha256: key.sha256, total: key.total },
        student: r.student, files: r.files, seed: r.seed, seed_from: options.seedFrom ?? null,
        completed: r.completed, problems: r.problems, format_errors: r.formatErrors, errors: r.errors ?? [],
        claims: r.claims,
        report: r.report,
      },
    },
  };
}
