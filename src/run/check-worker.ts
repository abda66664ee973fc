/** The worker of `deriv check` (src/check/isolated.ts): checks the texts it is sent, one job at a time. */
import type { CheckOptions } from '../check/options.js';
import type { ParsedDerivation } from '../parse/index.js';
import type { FileReport } from '../result.js';
import { jobWorker } from './job.js';

/** One file to check, parsed already when `parsed` is there. */
export interface CheckTask {
  readonly text: string;
  readonly options: CheckOptions;
  readonly parsed?: ParsedDerivation;
}

// The checker starts loading with the worker, not with its first file (the CLI starts the
// worker while it loads itself); a failed load is tried again by the next job.
let loading: Promise<typeof import('../check/index.js')> | null = import('../check/index.js');
loading.catch(() => undefined);

/** The checker module (loaded once; scripts/bundle.mjs also calls it, to train the code cache). */
export function checker(): Promise<typeof import('../check/index.js')> {
  return (loading ??= import('../check/index.js')).catch((error: unknown) => {
    loading = null;
    throw error;
  });
}

export default jobWorker(
  async () => (await checker()).checkSource,
  // (Each relation it starts to decide is told to the CLI's thread, which stops a worker stuck
  // far past a step's limit and checks the file again without that step: src/check/isolated.ts.)
  // (And each decision made, so that after a stop the check goes on from there: CheckOptions.replay.)
  (checkSource, task: CheckTask, progress): Promise<FileReport> => checkSource(task.text, {
    ...task.options,
    onDecide: (range, index) => progress({ deciding: range, index }),
    onDecided: (decision) => progress({ decided: decision }),
  }, task.parsed),
);

/** The compiled nerdamer bundle the checker loaded, if any (scripts/bundle.mjs writes its code cache after training). */
export async function engineScript(): Promise<import('node:vm').Script | null> {
  return (await import('../check/symbolic.js')).engineScript();
}
