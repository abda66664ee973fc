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

it.skipIf(!existsSync(compiled))('checks files handed over together in parallel workers, each report for its own file', async () => {
  const { isolatedChecker } = (await import(compiled)) as typeof import('../src/check/isolated.js');
  const checker = isolatedChecker({ threads: 2 });
  const texts = ['    a + a\n  = 2 a\n', '    a + a\n  = 3 a\n', 'x\n  = x\n', '    a a\n  = a²\n'];
  const reports = await Promise.all(texts.map((t, i) => checker.check(t, { file: `f${i}.deriv` })));
  expect(reports.map((r) => r.file)).toEqual(['f0.deriv', 'f1.deriv', 'f2.deriv', 'f3.deriv']);
  expect(reports.map((r) => r.steps.map((s) => s.verdict).join())).toEqual(['proved', 'refuted', 'proved', 'proved']);
  await checker.close();
});

it.skipIf(!existsSync(compiled))('gives the report checkSource gives, for files parsed in this thread and for a long one parsed in the worker', async () => {
  const { isolatedChecker } = (await import(compiled)) as typeof import('../src/check/isolated.js');
  const { checkSource } = await import('../src/check/index.js');
  const q2 = readFileSync(path.join(import.meta.dirname, '..', 'derivations', 'q2-momentum.deriv'), 'utf8');
  // Past 20,000 characters the worker parses the file itself (under the file's time limit).
  const long = `${'# a comment to make the file long\n'.repeat(700)}scalar x\n    (x + 1)²\n  = x² + 2x + 1\n  = x² + 2x\n`;
  expect(long.length).toBeGreaterThan(20_000);
  const checker = isolatedChecker({ eager: true });
  const [a, b] = await Promise.all([checker.check(q2, { file: 'q2.deriv' }), checker.check(long, { file: 'long.deriv' })]);
  await checker.close();
  const essentials = (r: Awaited<ReturnType<typeof checkSource>>) => ({
    steps: r.steps.map((s) => [s.range, s.verdict, s.method, s.message]),
    shows: r.shows.map((s) => [s.range, s.verdict, s.message]),
    diagnostics: r.diagnostics.map((d) => [d.range, d.message]),
  });
  expect(essentials(a)).toEqual(essentials(await checkSource(q2, { file: 'q2.deriv' })));
  expect(essentials(b)).toEqual(essentials(await checkSource(long, { file: 'long.deriv' })));
  expect(b.steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
});

/**
 * A step stuck in work that looks at no deadline (red team rt80: a loop stepping a double past
 * 2⁵³ in the inequality search) ran into the file's limit, and every step of the file lost its
 * verdict. The worker tells each relation it starts; one still running far past the step's
 * limit has its worker stopped, and the file is checked again with that relation `unknown`.
 */
it('stops a worker stuck in one step and checks the file again without that step', async () => {
  const { compiled: build } = await import('./helpers/compiled.js');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const root = await build();
  const dir = path.join(root, 'test-workers');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'stuck.mjs');
  // (A stand-in for the checker: stuck at the relation 10–11 until it is told to leave it, then
  // the real checker on the rest; the second relation, 20–21, is told as it is decided.)
  writeFileSync(file, `
import { jobWorker } from '../src/run/job.js';
import { checkSource } from '../src/check/index.js';
export default jobWorker(async () => 'ready', async (_ready, task, progress) => {
  const stopped = task.options.stopped ?? [];
  const at = task.text.indexOf('= 3\\n');
  if (at >= 0 && !stopped.some(([a]) => a === at)) {
    progress({ deciding: [at, at + 1] });
    for (;;) {}
  }
  return checkSource(task.text, { ...task.options, onDecide: (range) => progress({ deciding: range }) });
});
`);
  const { isolatedChecker } = await import('../src/check/isolated.js');
  const checker = isolatedChecker({ worker: pathToFileURL(file), stuckSlackMs: 200 });
  const text = 'scalar a\n    a + a\n  = 2 a\n\n    1 + 2\n  = 3\n\n    a a\n  = 3 a\n';
  const started = Date.now();
  const report = await checker.check(text, { file: 'stuck.deriv', timeoutMs: 1000 });
  await checker.close();
  expect(report.diagnostics.map((d) => d.message)).toEqual([]);
  expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'unknown', 'refuted']);
  expect(report.steps[1]!.message).toMatch(/ran far past its time limit .* stopped from outside/);
  expect(Date.now() - started).toBeLessThan(20_000);
}, 240_000);
