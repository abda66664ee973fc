/**
 * `deriv grade`: check the key (a bad key is exit 2, before any student), read the submissions,
 * grade them (one in-process; several in a pool of workers, each job under a time limit and a
 * memory cap), and write the results whole.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SAMPLES, DEFAULT_SEED } from '../check/options.js';
import { runPool, type JobOutcome } from '../run/pool.js';
import { drawProgress } from '../run/progress.js';
import type { GradeTask, GradeWorkerData } from '../run/grade-worker.js';
import { fileText, plain } from './feedback.js';
import { gradeSubmission, ungradedResult, type GradeOptions } from './grade.js';
import { toGradescope } from './gradescope.js';
import { loadKey, sha256, type AnswerKey } from './key.js';
import { DEFAULT_GRADE_STEP_TIMEOUT_MS, DEFAULT_MEMORY_MB, type GradeFormat, type Visibility } from './options.js';
import { toPrairieLearn } from './prairielearn.js';
import { seedFor, type SubmissionResult } from './result.js';
import { readSubmission, type Submission, type SubmissionReader } from './submission.js';
import { formatCsv, formatGradeJson, gradeSummary } from './table.js';


/** `deriv grade`'s options, as the CLI parsed them. */
export interface GradeCommandOptions {
  readonly key: string;
  readonly submissions: readonly string[];
  readonly format: GradeFormat;
  readonly out?: string;
  /** Worker threads for several submissions (default: the cores). */
  readonly jobs?: number;
  /** Time limit per submission, in milliseconds. */
  readonly timeout: number;
  readonly stepTimeout?: number;
  readonly samples?: number;
  readonly memory?: number;
  readonly seedFrom?: string;
  readonly visibility?: Visibility;
  readonly version?: string;
  /** Only check the key: print its claims and its SHA-256 (for `keySha256` later). */
  readonly checkKey?: boolean;
  /** The key's SHA-256 from an earlier `checkKey`: if it still matches, the key's steps are not checked again. */
  readonly keySha256?: string;
}

/** What the command needs from outside. */
export interface GradeIo extends SubmissionReader {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): Promise<string>;
  /** Writes a file whole (temporary file, then rename), or not at all. */
  writeFileAtomic?(path: string, text: string): Promise<void>;
  /** Whether stderr is a terminal: the progress bar is drawn only then. */
  readonly stderrIsTTY?: boolean;
  /** The compiled grading worker to run a pool with (default: dist/src/run/grade-worker.js beside this module). */
  readonly gradeWorker?: URL;
  /** Told when a job starts on a worker thread (tests stop a worker mid-run with `killWorker`). */
  readonly onJobStart?: (index: number, threadId: number, killWorker: () => void) => void;
}

const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The compiled worker beside this module, if this module is compiled. */
function defaultWorker(): URL | null {
  const url = new URL('../run/grade-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

/** The result for a job that ended without one. */
function lostJob(
  key: AnswerKey, sub: Submission, seed: number, outcome: Extract<JobOutcome<SubmissionResult>, { ok: false }>, timeLimitMs: number,
): SubmissionResult {
  const reason = outcome.kind === 'timeout'
    ? `grading your submission ran past its time limit (${Math.round(timeLimitMs / 1000)} s) and was stopped: nothing could be graded. A derivation this slow usually has a step that makes the checker work very hard (a huge number, a very long line); split it into smaller steps`
    : outcome.kind === 'memory' ? 'grading your submission stopped: it ran out of memory. Nothing could be graded; a very long line or a huge expression is the usual cause'
      : `grading your submission stopped: ${outcome.message}. Nothing could be graded; please tell your TA`;
  return ungradedResult(key, sub.student, sub.files.map((f) => f.path), seed, outcome.kind === 'timeout' ? 'time-limit' : 'crash', reason, { elapsedMs: outcome.elapsedMs });
}

/** Grades every submission, in-process or in a pool; never rejects. */
async function gradeAll(
  key: AnswerKey, keyText: string, subs: readonly Submission[], opts: GradeCommandOptions, io: GradeIo,
  onDone: (done: number) => void,
): Promise<SubmissionResult[]> {
  const seeds = subs.map((s) => (opts.seedFrom !== undefined ? seedFor(opts.seedFrom, s.student) : DEFAULT_SEED));
  const gradeOptions = (i: number): GradeOptions => ({
    seed: seeds[i]!, samples: opts.samples ?? DEFAULT_SAMPLES, stepTimeoutMs: opts.stepTimeout ?? DEFAULT_GRADE_STEP_TIMEOUT_MS, timeLimitMs: opts.timeout,
  });
  const worker = io.gradeWorker ?? defaultWorker();
  // One submission (Gradescope's and PrairieLearn's case, on half a core): no worker to start.
  if (subs.length === 1 || worker === null) {
    const out: SubmissionResult[] = [];
    for (let i = 0; i < subs.length; i++) {
      try {
        out.push(await gradeSubmission(key, subs[i]!, gradeOptions(i)));
      } catch (error) {
        out.push(lostJob(key, subs[i]!, seeds[i]!, { ok: false, kind: 'crash', message: `it crashed (${error instanceof Error ? error.message : String(error)})`, elapsedMs: 0 }, opts.timeout));
      }
      onDone(i + 1);
    }
    return out;
  }
  let done = 0;
  // The key passed here: workers read it without checking its steps again.
  const data: GradeWorkerData = { keyText, keyFile: key.file, keySha256: key.sha256, samples: opts.samples ?? DEFAULT_SAMPLES, keyTimeoutMs: keyTimeout(opts) };
  const outcomes = await runPool<GradeTask, SubmissionResult>(subs.map((submission, i) => ({ submission, options: gradeOptions(i) })), {
    worker,
    threads: opts.jobs ?? availableParallelism(),
    // The checker stops itself at the time limit; the hard stop is for a library call that does not.
    timeoutMs: opts.timeout + Math.max(5000, opts.timeout / 2),
    memoryMb: opts.memory ?? DEFAULT_MEMORY_MB,
    workerData: data,
    ...(io.onJobStart ? { onStart: io.onJobStart } : {}),
    onSettled: () => onDone(++done),
  });
  return outcomes.map((o, i) => (o.ok ? o.value : lostJob(key, subs[i]!, seeds[i]!, o, opts.timeout)));
}

/** The key's own steps get more time than a student's: a key that fails only on a busy machine is no use. */
function keyTimeout(opts: GradeCommandOptions): number {
  return Math.max(DEFAULT_GRADE_STEP_TIMEOUT_MS, opts.stepTimeout ?? DEFAULT_GRADE_STEP_TIMEOUT_MS);
}

/** Runs `deriv grade`; returns the exit code (0 graded, 1 some submission could not be graded, 2 usage or key error). */
export async function gradeCommand(opts: GradeCommandOptions, io: GradeIo): Promise<number> {
  if (opts.checkKey ? opts.submissions.length > 0 : opts.submissions.length === 0) {
    io.stderr(opts.checkKey
      ? 'deriv grade: --check-key checks the key alone; give no submissions with it\n'
      : 'deriv grade: no submissions given: deriv grade --key KEY SUBMISSION… (a file or a folder per student)\n');
    return EXIT.usage;
  }
  if (opts.keySha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(opts.keySha256)) {
    io.stderr('deriv grade: --key-sha256 takes the 64 hexadecimal digits that --check-key prints\n');
    return EXIT.usage;
  }
  if ((opts.format === 'gradescope' || opts.format === 'prairielearn') && opts.submissions.length !== 1) {
    io.stderr(`deriv grade: --format ${opts.format} writes the results of one submission; give one (a file or a folder), or use --format csv or json for a batch\n`);
    return EXIT.usage;
  }
  let keyText: string;
  try {
    keyText = await io.readFile(opts.key);
  } catch (error) {
    io.stderr(`deriv grade: cannot read the key ${opts.key}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
  if (keyText.charCodeAt(0) === 0xfeff) keyText = keyText.slice(1);
  const checkedSha256 = opts.checkKey ? undefined : opts.keySha256;
  if (checkedSha256 !== undefined && sha256(keyText) !== checkedSha256.toLowerCase()) {
    io.stderr(`deriv grade: ${opts.key} has changed since it was checked (its SHA-256 is not --key-sha256): checking it again\n`);
  }
  const loaded = await loadKey(keyText, opts.key, {
    samples: opts.samples ?? DEFAULT_SAMPLES, timeoutMs: keyTimeout(opts), ...(checkedSha256 !== undefined ? { checkedSha256 } : {}),
  });
  if (!loaded.key || loaded.problems.length > 0) {
    io.stderr(`deriv grade: the key ${opts.key} does not pass, so no submission was graded:\n`);
    for (const p of loaded.problems) io.stderr(`${opts.key}:${p.line}:${p.column}: ${p.message}\n`);
    return EXIT.usage;
  }
  const key = loaded.key;
  if (opts.checkKey) {
    const width = Math.max(...key.claims.map((c) => c.kind.length + c.name.length + 3));
    io.stdout(`${opts.key}: the key passes; ${key.claims.length} claims, ${key.total} points\n`);
    for (const c of key.claims) {
      const points = `${c.points} point${c.points === 1 ? '' : 's'}${c.partial ? ', partial' : ''}`;
      io.stdout(`  ${`${c.kind} "${c.name}"`.padEnd(width)}  ${points.padEnd(18)}  line ${c.line}\n`);
    }
    io.stdout(`sha256 ${key.sha256}\n`);
    return EXIT.ok;
  }

  const subs: Submission[] = [];
  for (const s of opts.submissions) subs.push(await readSubmission(io, s));
  const started = Date.now();
  const progress = io.stderrIsTTY === true && subs.length > 1;
  let last = 0;
  const results = await gradeAll(key, keyText, subs, opts, io, (done) => {
    if (!progress) return;
    const now = Date.now();
    if (now - last < 100 && done < subs.length) return;
    last = now;
    io.stderr(drawProgress(done, subs.length, now - started));
  });
  if (progress) io.stderr('\r\u001b[K');

  let text: string;
  switch (opts.format) {
    case 'gradescope':
      text = `${JSON.stringify(toGradescope(results[0]!, key, { ...(opts.visibility ? { visibility: opts.visibility } : {}), seedFrom: opts.seedFrom ?? null, ...(opts.version ? { version: opts.version } : {}) }), null, 2)}\n`;
      break;
    case 'prairielearn':
      text = `${JSON.stringify(toPrairieLearn(results[0]!, key), null, 2)}\n`;
      break;
    case 'csv':
      text = formatCsv(results, key);
      break;
    case 'json':
      text = formatGradeJson(results, key, { seedFrom: opts.seedFrom ?? null, ...(opts.version ? { version: opts.version } : {}) });
      break;
  }
  if (opts.out !== undefined) {
    if (!io.writeFileAtomic) {
      io.stderr('deriv grade: --out is not available here\n');
      return EXIT.usage;
    }
    try {
      await io.writeFileAtomic(opts.out, text);
    } catch (error) {
      io.stderr(`deriv grade: cannot write ${opts.out}: ${error instanceof Error ? error.message : String(error)} (nothing was written)\n`);
      return EXIT.usage;
    }
  } else {
    io.stdout(text);
  }
  const lost = results.filter((r) => !r.completed);
  for (const r of lost) io.stderr(`deriv grade: ${plain(fileText(r.student), 200)}: ${plain(r.problems[0] ?? 'not graded', 300)}\n`);
  // A path that does not exist is graded 0 ("unreadable") like an empty hand-in, but it is
  // most likely a typo in the command: said on stderr, and exit 1 (a student silently got 0).
  const missing = subs.filter((s) => s.missing);
  for (const s of missing) io.stderr(`deriv grade: ${plain(fileText(s.student), 200)}: no such file or folder (graded 0 as unreadable)\n`);
  if (subs.length > 1 && io.stderrIsTTY) {
    const s = gradeSummary(results, key);
    io.stderr(`graded ${s.submissions} submissions in ${((Date.now() - started) / 1000).toFixed(1)} s: mean ${s.mean_points} / ${s.max_points}, median ${s.median_points}\n`);
  }
  return lost.length > 0 || missing.length > 0 ? EXIT.failed : EXIT.ok;
}
