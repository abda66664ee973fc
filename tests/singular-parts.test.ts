import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { singularParts } from '../src/check/sampling/boundaries.js';
import { parseExpression } from '../src/parse/index.js';
import { printExpr } from '../src/print.js';

/** singularParts of one expression (shapes unset: scalars), with its signless and sign-sensitive parts. */
function parts(text: string): { poles: string[]; signless: string[]; sensitive: string[] } {
  const { expr } = parseExpression(text);
  if (!expr) throw new Error(`did not parse: ${text}`);
  const signless = new Set<string>();
  const sensitive = new Set<string>();
  const poles = singularParts(expr, true, signless, sensitive).map(printExpr);
  return { poles, signless: [...signless], sensitive: [...sensitive] };
}

describe('singular parts: which parts a side has no value beyond', () => {
  // (The innermost operation that reads a sign decides: √(x²) is defined below 0, (√x)² is not.)
  it.each([
    { text: 'log(x)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: 'log(x^2)', poles: ['x'], signless: ['x'], sensitive: [] },
    { text: '1/x', poles: ['x'], signless: [], sensitive: [] },
    { text: '1/x^2', poles: ['x'], signless: ['x'], sensitive: [] },
    { text: 'tan(x)', poles: ['cos(x)'], signless: [], sensitive: [] },
    { text: '1/cos(x)^2', poles: ['cos(x)'], signless: ['cos(x)'], sensitive: [] },
    { text: '1/sqrt(x)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: '1/sqrt(x^2)', poles: ['x'], signless: ['x'], sensitive: [] },
    { text: 'log(sqrt(x)^2)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: '1/|sqrt(x)|', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: 'x^(-1/3)', poles: ['x'], signless: [], sensitive: ['x'] },
    { text: '1/x + log(x)', poles: ['x'], signless: [], sensitive: ['x'] },
  ])('$text', ({ text, poles, signless, sensitive }) => {
    expect(parts(text)).toEqual({ poles, signless, sensitive });
  });
});

describe('the pole search across a part one side squares', () => {
  const verdict = (text: string) => checkSource(`scalar x\n${text}\n`, {}).then((r) => r.shows[0]?.verdict ?? r.steps[0]?.verdict);
  it.each([
    { text: 'show log(x^2) = 2 log(x)', want: 'refuted' },
    { text: 'show 1/sqrt(x^2) = 1/sqrt(x)', want: 'refuted' },
    { text: 'show sqrt(x^2)^3 = sqrt(x)^6', want: 'refuted' },
    { text: 'show 1 + tan(x)^2 = 1/cos(x)^2', want: 'proved' },
    { text: 'show 1/x^2 = (1/x)^2', want: 'proved' },
    { text: 'show log((sqrt(x))^2) = log(x)', want: 'proved' },
  ])('$text: $want', async ({ text, want }) => {
    expect(await verdict(text)).toBe(want);
  });
});
