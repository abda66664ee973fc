import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DEFAULT_TIMEOUT_MS, type CheckOptions } from '../check/options.js';
import { diagnostic } from '../diagnostics.js';
import type { FileReport } from '../result.js';

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

/** A report saying why a file has no verdicts (a crash or the time limit). */
function failedReport(text: string, options: CheckOptions, reason: string): FileReport {
  return {
    file: options.file ?? '<stdin>', source: text, steps: [], shows: [],
    diagnostics: [diagnostic('structure', { reason }, [0, 0])],
  };
}

/** A worker of `src/check/worker.ts`, with the jobs it has been sent. */
interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, (report: FileReport) => void>;
}

/**
 * Checks in worker threads, so the editor's messages are never kept waiting by a check.
 * A check that a newer edit makes useless is stopped by terminating its worker (a
 * check cannot be interrupted otherwise); one warm worker is kept idle (its checker
 * already loaded) so the next check starts at once. Falls back to `inProcessChecks`
 * where the compiled worker is not there (running from source).
 */
export function workerChecks(workerUrl: URL = new URL('../check/worker.js', import.meta.url)): WorkerCheckRunner {
  if (!existsSync(fileURLToPath(workerUrl))) return { ...inProcessChecks(), liveThreads: () => [] };
  let next = 0;
  let spare: PoolWorker | null = null;
  let closed = false;
  const busy = new Set<PoolWorker>();
  const alive = new Set<number>();

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
    const pw = spawn();
    spare = pw;
    send(pw, WARM_UP, { file: 'warm-up.deriv', samples: 1 }, () => {});
    // A crash while warming up only loses the spare.
    pw.worker.on('error', () => {
      if (spare === pw) spare = null;
    });
  };

  const start = (text: string, options: CheckOptions): CheckJob => {
    const pw = spare ?? spawn();
    spare = null;
    busy.add(pw);
    let settle: (report: FileReport | null) => void = () => {};
    const result = new Promise<FileReport | null>((resolve) => {
      settle = resolve;
    });
    let finished = false;
    const finish = (report: FileReport | null, keepWorker: boolean): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      pw.worker.off('error', onError);
      busy.delete(pw);
      if (keepWorker && !closed && spare === null) {
        spare = pw;
        pw.worker.unref();
      } else {
        void pw.worker.terminate();
        warmSpare();
      }
      settle(report);
    };
    const onError = (e: Error): void => finish(failedReport(text, options, `internal error while checking this file: ${e.message}`), false);
    const budget = budgetFor(text, options);
    const timer = setTimeout(
      () => finish(failedReport(text, options, `checking this file ran over its time limit (${Math.round(budget / 1000)} s) and was stopped`), false),
      budget,
    );
    timer.unref();
    pw.worker.on('error', onError);
    pw.worker.ref();
    send(pw, text, options, (report) => finish(report, true));
    return { result, cancel: () => finish(null, false) };
  };

  warmSpare();
  return {
    start,
    liveThreads: () => [...alive],
    close: async () => {
      closed = true;
      const all = [...busy, ...(spare ? [spare] : [])];
      spare = null;
      busy.clear();
      await Promise.all(all.map((pw) => pw.worker.terminate()));
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
        .then((report) => (cancelled ? null : report));
      return { result, cancel: () => { cancelled = true; } };
    },
    close: async () => {},
  };
}
