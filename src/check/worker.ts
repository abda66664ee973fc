/** The worker-thread side of `isolatedChecker`: checks the texts it is sent, one at a time. */
import { parentPort } from 'node:worker_threads';
import { checkSource, type CheckOptions } from './index.js';

parentPort?.on('message', (job: { id: number; text: string; options: CheckOptions }) => {
  void checkSource(job.text, job.options).then((report) => parentPort!.postMessage({ id: job.id, report }));
});
