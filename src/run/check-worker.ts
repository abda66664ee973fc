/** The worker of `deriv check` (src/check/isolated.ts): checks the texts it is sent, one job at a time. */
import type { CheckOptions } from '../check/options.js';
import type { FileReport } from '../result.js';
import { jobWorker } from './job.js';

/** One file to check. */
export interface CheckTask {
  readonly text: string;
  readonly options: CheckOptions;
}

export default jobWorker(
  async () => (await import('../check/index.js')).checkSource,
  (checkSource, task: CheckTask): Promise<FileReport> => checkSource(task.text, task.options),
);
