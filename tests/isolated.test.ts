import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

/**
 * The CLI checks each file in a worker with a hard time limit. The worker is compiled
 * code (dist/, made by `npm install`/`npm run build`); without a build this is skipped.
 */
const compiled = path.join(import.meta.dirname, '..', 'dist', 'src', 'check', 'isolated.js');

it.skipIf(!existsSync(compiled))('stops a file that runs over its limit and goes on with the next', async () => {
  const { isolatedChecker } = (await import(compiled)) as typeof import('../src/check/isolated.js');
  const text = readFileSync(path.join(import.meta.dirname, '..', 'derivations', 'q1-rnn.deriv'), 'utf8');
  const slow = isolatedChecker({ budgetMs: 1 });
  const stopped = await slow.check(text, { file: 'q1-rnn.deriv' });
  expect(stopped.diagnostics.map((d) => d.message).join()).toMatch(/ran over its time limit/);
  await slow.close();

  const fast = isolatedChecker();
  const report = await fast.check('    a + a\n  = 2 a\n', { file: 'ok.deriv' });
  expect(report.steps.map((s) => s.verdict)).toEqual(['proved']);
  await fast.close();
});
