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

/** The calculus example is real output too. */
it("reproduces the README's calculus example exactly", async () => {
  const readme = readFileSync(path.join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  const source = blocks.find((b) => b.startsWith('vector x, x_0, g in R^n'))!;
  const printed = blocks.find((b) => b.startsWith('taylor.deriv:'))!;
  const report = await checkSource(source, { file: 'taylor.deriv' });
  expect(formatText([report])).toBe(printed);
});
