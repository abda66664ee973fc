/**
 * The grading worker: checks the answer key once (from the pool's `workerData`), then grades one
 * submission per job. Compiled to dist/src/run/grade-worker.js; `runPool` loads it.
 */
import { Tinypool } from 'tinypool';
import { gradeSubmission, type GradeOptions } from '../grade/grade.js';
import { loadKey, type AnswerKey } from '../grade/key.js';
import { matchClaim } from '../grade/match.js';
import type { SubmissionResult } from '../grade/result.js';
import type { Submission } from '../grade/submission.js';
import { jobWorker } from './job.js';

/** What every grading worker gets once: the key's text, and how to check it. */
export interface GradeWorkerData {
  readonly keyText: string;
  readonly keyFile: string;
  /** The key's SHA-256, as the main thread checked it: its steps are not decided again here. */
  readonly keySha256?: string;
  readonly samples?: number;
  readonly keyTimeoutMs?: number;
}

/** One grading job. */
export interface GradeTask {
  readonly submission: Submission;
  readonly options: GradeOptions;
}

export default jobWorker(
  async () => {
    const data = Tinypool.workerData as GradeWorkerData;
    // The main thread has accepted this key; here it is only read (its problems were reported there).
    const { key } = await loadKey(data.keyText, data.keyFile, {
      ...(data.samples !== undefined ? { samples: data.samples } : {}),
      ...(data.keyTimeoutMs !== undefined ? { timeoutMs: data.keyTimeoutMs } : {}),
      ...(data.keySha256 !== undefined ? { checkedSha256: data.keySha256 } : {}),
    });
    if (!key) throw new Error('the answer key could not be read in the worker');
    // Warm the checker on the key's own claims before the first student's clock starts (and
    // remember those decisions: a student who writes a claim as the key does is decided at once).
    for (const c of key.claims) warmUp(key, c.name);
    return key;
  },
  (key, task: GradeTask): Promise<SubmissionResult> => gradeSubmission(key, task.submission, task.options),
);

/** Compares a key claim with itself: what a cold worker would otherwise do inside a student's time. */
function warmUp(key: AnswerKey, name: string): void {
  const entry = key.statements.get(name);
  if (!entry) return;
  const source = key.report.source;
  const texts = entry.statement.kind === 'Show'
    ? [source.slice(entry.statement.claim.range[0], entry.statement.claim.range[1])]
    : entry.statement.claims.map((f) => source.slice(f.range[0], f.range[1]));
  matchClaim(key, name, { texts, forAll: null }, {});
}
