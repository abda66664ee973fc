/**
 * The worker thread of `workerChecks` (src/lsp/checks.ts): checks the texts it is sent, one
 * at a time. Messages: `{ id, text, options }` in, `{ id, report }` out.
 */
import { parentPort } from 'node:worker_threads';
import { checkSource } from '../check/index.js';
import type { CheckOptions } from '../check/options.js';

parentPort?.on('message', (job: { id: number; text: string; options: CheckOptions }) => {
  void checkSource(job.text, job.options).then((report) => parentPort!.postMessage({ id: job.id, report }));
});
