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
