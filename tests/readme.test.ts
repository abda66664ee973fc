import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { formatText } from '../src/report/text.js';

/** The README's worked example is real output: it must stay what the tool prints. */
it("reproduces the README's worked example exactly", async () => {
  const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const source = blocks.find((b) => b.startsWith('scalar β, δ'))!;
  const printed = blocks.find((b) => b.startsWith('momentum.deriv:'))!;
  const report = await checkSource(source, { file: 'momentum.deriv' });
  expect(formatText([report])).toBe(printed);
});

/** The README's table of readings: what you write and what deriv reads are the same value. */
const PRELUDE = 'scalar a, d, p, q, r, t, x, y, z, λ, β₂, Δθ_t\nvector u, v, w, w_k in R^n\nvector s in R^1\nmatrix A, W_{hh}, W_x in R^{n×n}\n';

const rows = (() => {
  const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('| rule | you write | deriv reads |'));
  return [...table.matchAll(/^\| (.+?) \| `(.+?)` \| (.+?) \|$/gmu)].map((m) => [m[1]!, m[2]!, m[3]!] as const);
})();

it('has a row for each reading rule', () => expect(rows.length).toBeGreaterThanOrEqual(12));

it.each(rows)('README reading: %s', async (_rule, written, reading) => {
  // `e^t · (2t+1)` in the README is written `e^t · (2t+1)` in deriv too; a `(…)` note means: check the line itself.
  const line = reading.startsWith('(') ? written : `${written} = ${reading.replace(/^`|`$/gu, '')}`;
  const report = await checkSource(`${PRELUDE}${line}\n`);
  expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
  expect(report.steps.length).toBeGreaterThan(0);
  for (const s of report.steps) expect(['proved', 'checked'], `${line}: ${s.message}`).toContain(s.verdict);
});

/** The calculus example is real output too. */
it("reproduces the README's calculus example exactly", async () => {
  const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const source = blocks.find((b) => b.startsWith('vector x, x_0, g in R^n'))!;
  const printed = blocks.find((b) => b.startsWith('taylor.deriv:'))!;
  const report = await checkSource(source, { file: 'taylor.deriv' });
  expect(formatText([report])).toBe(printed);
});
