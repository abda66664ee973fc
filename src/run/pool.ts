/**
 * Running jobs in worker threads (tinypool): each job with a time limit from the moment it
 * starts and, optionally, a memory cap (`resourceLimits`). A job that runs over, runs out of
 * memory, crashes or whose worker dies ends with a reason; the worker is replaced and every
 * other job goes on. `JobPool` runs jobs as they come (`deriv check`, file by file);
 * `runPool` runs a batch, cancellable (`deriv grade`). Workers are written with `jobWorker`
 * (job.ts).
 */
import { MessageChannel } from 'node:worker_threads';
import { Tinypool } from 'tinypool';
import { timerDelay } from './timer.js';
import { isJobMessage } from './job.js';

/** How one job ended: its value, or why there is none. */
export type JobOutcome<R> =
  | { readonly ok: true; readonly value: R; readonly elapsedMs: number }
  | { readonly ok: false; readonly kind: 'timeout' | 'memory' | 'crash' | 'cancelled'; readonly message: string; readonly elapsedMs: number };

/** The workers of a pool. */
export interface WorkerOptions {
  /** The compiled worker module (its default export made with `jobWorker`). */
  readonly worker: URL;
  /** Worker threads (at least 1). */
  readonly threads: number;
  /** Heap cap per worker, in megabytes (none when absent). */
  readonly memoryMb?: number;
  /**
   * Young generation cap per worker, in megabytes (V8's default when absent: its semi-spaces
   * grow to 16 MB each). A smaller one is scavenged more often but each time over less, and
   * fewer fresh pages are faulted in: see CHECK_YOUNG_GENERATION_MB (src/check/isolated.ts).
   */
  readonly youngGenerationMb?: number;
  /** Given once to every worker (the job module reads it in its `prepare`). */
  readonly workerData?: unknown;
  /** How long a worker may take to start (load its modules, run `prepare`) before its job counts as crashed. */
  readonly startupMs?: number;
}

/** How one job is run. */
export interface JobOptions {
  /** Time limit, in milliseconds, counted from when the job starts in its worker. */
  readonly timeoutMs: number;
  /** And a wall time (Date.now()) it never runs past, however late it starts (jobs that share one budget). */
  readonly deadline?: number;
  /** Stops the job: it ends as `cancelled`. */
  readonly signal?: AbortSignal;
  /** The job started on a worker thread; `killWorker` stops that thread the hard way (as if it died). */
  readonly onStart?: (threadId: number, killWorker: () => void) => void;
  /** Told what the job reports of its progress, as it goes (jobWorker's `progress`). */
  readonly onProgress?: (data: unknown) => void;
}

/** A short reason for a worker's failure. */
export function describeWorkerError(error: unknown): { kind: 'memory' | 'crash'; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message
    : typeof error === 'object' && error !== null ? (typeof (error as { message?: unknown }).message === 'string' ? (error as { message: string }).message : JSON.stringify(error) ?? 'no detail')
      : String(error);
  if (code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory|memory limit/i.test(text)) return { kind: 'memory', message: 'it ran out of memory' };
  return { kind: 'crash', message: `the worker crashed (${text.split('\n')[0]})` };
}

/** How long a job whose thread is gone waits for the pool to say why before it is a crash of unknown cause. */
const REPORT_GRACE_MS = 2000;

/** A pool of worker threads that runs one job per worker at a time. */
export class JobPool<T, R> {
  private readonly pool: Tinypool;
  private readonly startupMs: number;

  constructor(options: WorkerOptions) {
    const threads = Math.max(1, options.threads);
    this.pool = new Tinypool({
      filename: options.worker.href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      ...(options.memoryMb !== undefined || options.youngGenerationMb !== undefined
        ? {
          resourceLimits: {
            ...(options.memoryMb !== undefined ? { maxOldGenerationSizeMb: options.memoryMb } : {}),
            ...(options.youngGenerationMb !== undefined ? { maxYoungGenerationSizeMb: options.youngGenerationMb } : {}),
          },
        }
        : {}),
      workerData: options.workerData,
      // One job per worker at a time, so a time limit is one job's.
      concurrentTasksPerWorker: 1,
    });
    this.startupMs = options.startupMs ?? 180_000;
  }

  /** Runs one job; never rejects. */
  run(task: T, options: JobOptions): Promise<JobOutcome<R>> {
    return new Promise((resolveJob) => {
      const { port1, port2 } = new MessageChannel();
      const abort = new AbortController();
      let started = Date.now();
      let settled = false;
      let reason: { kind: 'timeout' | 'crash' | 'cancelled'; message: string } | null = null;
      let timer: NodeJS.Timeout | undefined;
      const settle = (outcome: JobOutcome<R>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onCancel);
        port1.close();
        resolveJob(outcome);
      };
      const stop = (why: { kind: 'timeout' | 'crash' | 'cancelled'; message: string }): void => {
        reason ??= why;
        abort.abort();
        // The pool rejects the job when it has stopped the worker; settle anyway in case it does not.
        setTimeout(() => settle({ ok: false, ...reason!, elapsedMs: Date.now() - started }), 2000).unref();
      };
      const onCancel = (): void => stop({ kind: 'cancelled', message: 'the run was cancelled' });
      if (options.signal?.aborted) {
        settle({ ok: false, kind: 'cancelled', message: 'the run was cancelled', elapsedMs: 0 });
        return;
      }
      options.signal?.addEventListener('abort', onCancel, { once: true });
      timer = setTimeout(() => stop({ kind: 'crash', message: `its worker did not start within ${Math.round(this.startupMs / 1000)} s` }), this.startupMs);
      // The job's own port closes when its job ends (after a `finished` message) or when its thread
      // dies in any way: process.exit, killed from outside, out of memory. A thread that exits
      // without an error would otherwise leave its job waiting. (A Worker's 'exit' listener is no
      // use here: the thread may have exited before this job's first message is read.)
      let finished = false;
      port1.on('close', () => {
        if (finished) return;
        // Give the pool's own report (an error, out of memory) time to arrive first: a thread
        // that ran out of memory closes its port before its heap is torn down and its error
        // told, and on a busy machine that took more than 250 ms (CI: a submission that
        // exhausted its memory was said to have stopped unexpectedly).
        setTimeout(() => {
          if (!settled) stop({ kind: 'crash', message: 'its worker stopped unexpectedly' });
        }, REPORT_GRACE_MS).unref();
      });
      port1.on('message', (m: unknown) => {
        if (!isJobMessage(m)) return;
        if (m.type === 'finished') {
          finished = true;
          return;
        }
        if (m.type === 'progress') {
          options.onProgress?.(m.data);
          return;
        }
        started = Date.now();
        clearTimeout(timer);
        const limitMs = options.deadline === undefined ? options.timeoutMs : Math.max(1, Math.min(options.timeoutMs, options.deadline - started));
        timer = setTimeout(() => stop({ kind: 'timeout', message: `it ran past its time limit (${Math.round(options.timeoutMs / 1000)} s) and was stopped` }), timerDelay(limitMs));
        options.onStart?.(m.threadId, () => void this.pool.threads.find((t) => t.threadId === m.threadId)?.terminate());
      });
      this.pool.run({ task, port: port2 }, { transferList: [port2], signal: abort.signal }).then(
        (value: R) => settle({ ok: true, value, elapsedMs: Date.now() - started }),
        (error: unknown) => {
          // (Running out of memory is what happened, whatever was guessed before it was told.)
          const told = describeWorkerError(error);
          settle({ ok: false, ...(told.kind === 'memory' ? told : reason ?? told), elapsedMs: Date.now() - started });
        },
      );
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await this.pool.destroy().catch(() => undefined);
  }
}

/** Options of a batch. */
export interface PoolOptions<R> extends WorkerOptions {
  /** Time limit per job, in milliseconds, counted from when the job starts in its worker. */
  readonly timeoutMs: number;
  /** Stops the run: jobs not yet finished end as `cancelled`. */
  readonly signal?: AbortSignal;
  /** A job started on a worker thread; `killWorker` stops that thread the hard way (as if it died). */
  readonly onStart?: (index: number, threadId: number, killWorker: () => void) => void;
  /** A job ended (in the order they end). */
  readonly onSettled?: (index: number, outcome: JobOutcome<R>) => void;
}

/** Runs every task, at most `threads` at a time; the outcomes come back in task order. Never rejects. */
export async function runPool<T, R>(tasks: readonly T[], options: PoolOptions<R>): Promise<JobOutcome<R>[]> {
  const outcomes: JobOutcome<R>[] = new Array(tasks.length);
  if (tasks.length === 0) return outcomes;
  const threads = Math.max(1, Math.min(options.threads, tasks.length));
  const pool = new JobPool<T, R>({ ...options, threads });
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      const outcome = await pool.run(tasks[index]!, {
        timeoutMs: options.timeoutMs,
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onStart ? { onStart: (threadId: number, killWorker: () => void) => options.onStart!(index, threadId, killWorker) } : {}),
      });
      outcomes[index] = outcome;
      options.onSettled?.(index, outcome);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    await pool.close();
  }
  return outcomes;
}

