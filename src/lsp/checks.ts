import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFAULT_TIMEOUT_MS, type CheckOptions } from '../check/options.js';
import { diagnostic } from '../diagnostics.js';
import type { FileReport } from '../result.js';
import { timerDelay } from '../run/timer.js';

/** A check under way: its report (null once cancelled), and a way to stop it. */
export interface CheckJob {
  readonly result: Promise<FileReport | null>;
  /** Stops the check (its worker is terminated); `result` resolves to null. */
  cancel(): void;
}

/** Starts checks that can be cancelled; the language server's only way to the checker. */
export interface CheckRunner {
  start(text: string, options: CheckOptions): CheckJob;
  /** Stops everything and frees the workers. */
  close(): Promise<void>;
}

/** A runner of worker threads, which says which of its threads are alive (a cancelled check's thread is not). */
export interface WorkerCheckRunner extends CheckRunner {
  /** The `threadId` of every worker not yet exited: the busy ones and the warm spare. */
  liveThreads(): number[];
}

/** A tiny derivation a new worker checks first, so loading the checker is paid before an edit needs it. */
const WARM_UP = 'scalar x\n    x + x\n  = 2 x\n';

/** The hard time limit for one check: the per-step limit bounds loops, not one library call that runs for minutes. */
function budgetFor(text: string, options: CheckOptions): number {
  return Math.max(30_000, text.split('\n').length * 2 * (options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
}

/** A report saying why a file has no verdicts: a crash (`detail`), or the time limit (`seconds`). */
function failedReport(text: string, options: CheckOptions, why: { detail: string } | { seconds: number }): FileReport {
  return {
    file: options.file ?? '<stdin>', source: text, steps: [], shows: [],
    diagnostics: ['seconds' in why ? diagnostic('file-time-limit', why, [0, 0]) : diagnostic('file-crashed', why, [0, 0])],
  };
}

/** A worker of `src/check/worker.ts`, with the jobs it has been sent. */
interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, (report: FileReport) => void>;
}

/** A check waiting for a worker or running in one. */
interface Job {
  readonly text: string;
  readonly options: CheckOptions;
  readonly settle: (report: FileReport | null) => void;
  state: 'queued' | 'running' | 'done';
  /** Stops the running check (set once it runs). */
  stop: () => void;
}

/**
 * Checks in worker threads, so the editor's messages are never kept waiting by a check.
 * A check that a newer edit makes useless is stopped by terminating its worker (a
 * check cannot be interrupted otherwise); one warm worker is kept idle (its checker
 * already loaded) so the next check starts at once. At most `concurrency` checks run at
 * a time (default: one core left for the editor); the others wait their turn. Falls
 * back to `inProcessChecks` where the compiled worker is not there (running from source).
 */
export function workerChecks(
  workerUrl: URL = new URL('./check-thread.js', import.meta.url),
  limits: { concurrency?: number } = {},
): WorkerCheckRunner {
  if (!existsSync(fileURLToPath(workerUrl))) return { ...inProcessChecks(), liveThreads: () => [] };
  const concurrency = Math.max(1, limits.concurrency ?? availableParallelism() - 1);
  let next = 0;
  let spare: PoolWorker | null = null;
  let closed = false;
  const busy = new Set<PoolWorker>();
  const alive = new Set<number>();
  const queue: Job[] = [];
  const running = new Set<Job>();

  const spawn = (): PoolWorker => {
    // stdout and stderr are the worker's own: stdout is the protocol channel and must hold only messages.
    const worker = new Worker(workerUrl, { stdout: true, stderr: true });
    worker.stdout.on('data', (chunk: Buffer) => void process.stderr.write(chunk));
    worker.stderr.on('data', (chunk: Buffer) => void process.stderr.write(chunk));
    const pw: PoolWorker = { worker, pending: new Map() };
    // threadId reads -1 once the thread has stopped: keep the number it had.
    const threadId = worker.threadId;
    alive.add(threadId);
    worker.on('exit', () => alive.delete(threadId));
    worker.on('message', (m: { id: number; report: FileReport }) => {
      const done = pw.pending.get(m.id);
      pw.pending.delete(m.id);
      done?.(m.report);
    });
    worker.unref();
    return pw;
  };
  const send = (pw: PoolWorker, text: string, options: CheckOptions, done: (report: FileReport) => void): void => {
    const id = next++;
    pw.pending.set(id, done);
    pw.worker.postMessage({ id, text, options });
  };
  const warmSpare = (): void => {
    if (closed || spare !== null) return;
    let pw: PoolWorker;
    try {
      pw = spawn();
    } catch {
      return; // no spare: the next check starts its own worker (and says why if it cannot)
    }
    spare = pw;
    send(pw, WARM_UP, { file: 'warm-up.deriv', samples: 1 }, () => {});
    // A crash while warming up only loses the spare.
    pw.worker.on('error', () => {
      if (spare === pw) spare = null;
    });
  };

  /** Runs a queued job in the spare (or a new worker) until it reports, fails, runs out of time or is stopped. */
  const run = (job: Job): void => {
    const { text, options } = job;
    let pw: PoolWorker;
    try {
      pw = spare ?? spawn();
    } catch (error) {
      job.state = 'done';
      job.settle(failedReport(text, options, { detail: `cannot start a worker: ${error instanceof Error ? error.message : String(error)}` }));
      return;
    }
    spare = null;
    busy.add(pw);
    running.add(job);
    job.state = 'running';
    const finish = (report: FileReport | null, keepWorker: boolean): void => {
      if (job.state === 'done') return;
      job.state = 'done';
      clearTimeout(timer);
      pw.worker.off('error', onError);
      busy.delete(pw);
      running.delete(job);
      if (keepWorker && !closed && spare === null) {
        spare = pw;
        pw.worker.unref();
      } else {
        void pw.worker.terminate();
        warmSpare();
      }
      job.settle(report);
      pump();
    };
    const onError = (e: Error): void => finish(failedReport(text, options, { detail: e.message }), false);
    const budget = budgetFor(text, options);
    const timer = setTimeout(
      () => finish(failedReport(text, options, { seconds: Math.round(budget / 1000) }), false),
      timerDelay(budget),
    );
    timer.unref();
    job.stop = () => finish(null, false);
    pw.worker.on('error', onError);
    pw.worker.ref();
    send(pw, text, options, (report) => finish(report, true));
  };

  /** Starts queued jobs while fewer than `concurrency` run. */
  const pump = (): void => {
    while (!closed && running.size < concurrency && queue.length > 0) run(queue.shift()!);
  };

  const start = (text: string, options: CheckOptions): CheckJob => {
    let settle: (report: FileReport | null) => void = () => {};
    const result = new Promise<FileReport | null>((resolve) => {
      settle = resolve;
    });
    if (closed) {
      settle(null);
      return { result, cancel: () => {} };
    }
    const job: Job = { text, options, settle, state: 'queued', stop: () => {} };
    queue.push(job);
    pump();
    const cancel = (): void => {
      if (job.state === 'queued') {
        queue.splice(queue.indexOf(job), 1);
        job.state = 'done';
        settle(null);
      } else if (job.state === 'running') {
        job.stop();
      }
    };
    return { result, cancel };
  };

  warmSpare();
  return {
    start,
    liveThreads: () => [...alive],
    close: async () => {
      closed = true;
      for (const job of queue.splice(0)) job.settle(null);
      const workers = [...busy, ...(spare ? [spare] : [])];
      for (const job of [...running]) job.stop();
      spare = null;
      await Promise.all(workers.map((pw) => pw.worker.terminate()));
    },
  };
}

/**
 * Checks on this thread (for tests run from source, where there is no compiled worker):
 * a cancelled check runs to its end, and its report is dropped.
 */
export function inProcessChecks(): CheckRunner {
  return {
    start: (text, options) => {
      let cancelled = false;
      const result = import('../check/index.js')
        .then(({ checkSource }) => checkSource(text, options))
        .catch((error: unknown) => failedReport(text, options, { detail: error instanceof Error ? error.message : String(error) }))
        .then((report) => (cancelled ? null : report));
      return { result, cancel: () => { cancelled = true; } };
    },
    close: async () => {},
  };
}
