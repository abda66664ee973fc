/** The worker side of `runPool`: a job module's default export, made by `jobWorker`. */
import { createRequire } from 'node:module';
import type { MessagePort } from 'node:worker_threads';

/**
 * This worker's thread id, worker_threads loaded when a job first asks: the checker's bundle,
 * which holds this module, also checks a file on the CLI's own thread, where loading it was
 * ~3.6 ms of a start. (By require, not import(): a bundle run by vm has no module loader.)
 */
function threadIdHere(): number {
  return (createRequire(import.meta.url)('node:worker_threads') as typeof import('node:worker_threads')).threadId;
}

/**
 * What a worker tells the pool about a job on the job's own port: it has started (its time
 * limit runs from here), and it has finished (its value or error follows from the pool). The
 * port then closes; a port that closes with no `finished` before it means the thread died.
 */
export type JobMessage = { readonly type: 'started'; readonly threadId: number } | { readonly type: 'finished' }
  /** How far the job has come (a `deriv check` job: the relation it is deciding), told as it goes. */
  | { readonly type: 'progress'; readonly data: unknown };

/** Whether a message came from `jobWorker`. */
export function isJobMessage(m: unknown): m is JobMessage {
  if (typeof m !== 'object' || m === null) return false;
  const type = (m as { type?: unknown }).type;
  return type === 'finished' || type === 'progress' || (type === 'started' && typeof (m as { threadId?: unknown }).threadId === 'number');
}

/** What the pool sends a worker for one job. */
export interface JobEnvelope<T> {
  readonly task: T;
  readonly port: MessagePort;
}

/**
 * Makes a job module's handler. `prepare` runs once per worker (loading what every job needs,
 * e.g. checking the answer key) before the first job's clock starts; `run` does one job, and
 * may tell the pool how far it has come (`progress`: JobOptions.onProgress).
 */
export function jobWorker<C, T, R>(prepare: () => Promise<C>, run: (context: C, task: T, progress: (data: unknown) => void) => Promise<R>): (envelope: JobEnvelope<T>) => Promise<R> {
  let context: Promise<C> | null = null;
  return async ({ task, port }) => {
    try {
      // A failed preparation is tried again by the next job rather than failing all of them.
      const c = await (context ??= prepare().catch((error: unknown) => {
        context = null;
        throw error;
      }));
      port.postMessage({ type: 'started', threadId: threadIdHere() } satisfies JobMessage);
      return await run(c, task, (data) => port.postMessage({ type: 'progress', data } satisfies JobMessage));
    } finally {
      // Messages on a port arrive before its close: the pool knows this job ended normally.
      port.postMessage({ type: 'finished' } satisfies JobMessage);
      port.close();
    }
  };
}
