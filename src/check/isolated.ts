import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type { FileReport } from '../result.js';
import { DEFAULT_TIMEOUT_MS, type CheckOptions } from './options.js';

/** Checks one text; the shape of `checkSource`. */
export type Checker = (text: string, options: CheckOptions) => Promise<FileReport>;

/**
 * `checkSource` in a worker thread with a hard time limit per file: the per-step limits
 * bound every loop the checker runs, but not a single library call that takes minutes;
 * such a file is stopped and reported, and the next file gets a fresh worker. Falls back
 * to checking in-process where the compiled worker is not there (running from source).
 */
export function isolatedChecker(limits: { budgetMs?: number } = {}): { check: Checker; close: () => Promise<void> } {
  const url = new URL('./worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(url))) {
    return { check: async (text, options) => (await import('./index.js')).checkSource(text, options), close: async () => {} };
  }
  let worker: Worker | null = null;
  let next = 0;
  const start = (): Worker => {
    worker ??= new Worker(url);
    worker.unref();
    return worker;
  };
  const check: Checker = (text, options) =>
    new Promise((resolve) => {
      const w = start();
      const id = next++;
      const lines = text.split('\n').length;
      const budget = limits.budgetMs ?? Math.max(30_000, lines * 2 * (options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
      const done = (report: FileReport): void => {
        clearTimeout(timer);
        w.off('message', onMessage);
        w.off('error', onError);
        resolve(report);
      };
      const fail = (finding: Diagnostic): void => {
        void w.terminate();
        if (worker === w) worker = null;
        done({ file: options.file ?? '<stdin>', source: text, steps: [], shows: [], diagnostics: [finding] });
      };
      const onMessage = (m: { id: number; report: FileReport }): void => {
        if (m.id === id) done(m.report);
      };
      const onError = (e: Error): void => fail(diagnostic('file-crashed', { detail: e.message }, [0, 0]));
      const timer = setTimeout(() => fail(diagnostic('file-time-limit', { seconds: Math.round(budget / 1000) }, [0, 0])), budget);
      w.on('message', onMessage);
      w.on('error', onError);
      w.ref();
      w.postMessage({ id, text, options });
    }).finally(() => worker?.unref()) as Promise<FileReport>;
  return { check, close: async () => { if (worker) await worker.terminate(); } };
}
