import { describe, expect, it } from 'vitest';
import { parseExpression } from '../src/parse/index.js';
import { now } from '../src/clock.js';
import { range, type RuleContext } from '../src/check/rules/facts.js';
import type { StepProblem } from '../src/check/problem.js';

/**
 * `range` (rules/facts.ts) bounds an expression by its terms alone when no assumption is in
 * the context: sin and cos in [−1, 1], |·| of a bounded term, products of bounded terms and
 * of a number. The witnesses (sampling/witness.ts) and the rules prove with it, so every
 * value the expression takes must lie in its range: random expressions, random points.
 */
const context = { problem: { functions: [] } as unknown as StepProblem, facts: [], forAll: [], deadline: now() + 60_000, instances: [] } as RuleContext;

/** A random expression in x and y as deriv text and as a JavaScript function. */
function randomTerm(rand: () => number, depth: number): [string, (x: number, y: number) => number] {
  const k = Math.floor(rand() * 7) - 3;
  if (depth === 0) {
    const pick = Math.floor(rand() * 5);
    if (pick === 0) return [`${k}`, () => k];
    if (pick === 1) return ['sin(x)', (x) => Math.sin(x)];
    if (pick === 2) return ['cos(y)', (_x, y) => Math.cos(y)];
    if (pick === 3) return ['tanh(x)', (x) => Math.tanh(x)];
    return ['x^2', (x) => x * x];
  }
  const [a, fa] = randomTerm(rand, depth - 1);
  const [b, fb] = randomTerm(rand, depth - 1);
  switch (Math.floor(rand() * 5)) {
    case 0: return [`(${a}) + (${b})`, (x, y) => fa(x, y) + fb(x, y)];
    case 1: return [`(${a}) - (${b})`, (x, y) => fa(x, y) - fb(x, y)];
    case 2: return [`(${a}) (${b})`, (x, y) => fa(x, y) * fb(x, y)];
    case 3: return [`|${a}|`, (x, y) => Math.abs(fa(x, y))];
    default: return [`${k} (${a})`, (x, y) => k * fa(x, y)];
  }
}

describe('range holds every value the expression takes', () => {
  it('400 random expressions at 50 random points each', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    let bounded = 0;
    for (let i = 0; i < 400; i++) {
      const [text, f] = randomTerm(rand, 1 + Math.floor(rand() * 3));
      const e = parseExpression(text).expr!;
      expect(e, text).not.toBeNull();
      const r = range(e, context);
      if (r.lo || r.hi) bounded++;
      for (let j = 0; j < 50; j++) {
        const x = (rand() - 0.5) * 20;
        const y = (rand() - 0.5) * 20;
        const v = f(x, y);
        const slack = 1e-9 * (1 + Math.abs(v));
        if (r.lo) expect(v, `${text} at (${x}, ${y}) ≥ ${r.lo}`).toBeGreaterThanOrEqual(r.lo.toNumber() - slack);
        if (r.hi) expect(v, `${text} at (${x}, ${y}) ≤ ${r.hi}`).toBeLessThanOrEqual(r.hi.toNumber() + slack);
      }
    }
    // (Most of them are bounded on some side: the test tests something.)
    expect(bounded).toBeGreaterThan(200);
  });

  it('bounds a wave and its slope: |3 cos(x/10)| ≤ 3, 21 + 20 sin(x/10) ≥ 1', () => {
    const slope = range(parseExpression('|3 cos(x/10)| - 3').expr!, context);
    expect(slope.hi?.toString()).toBe('0');
    const lifted = range(parseExpression('21 + 20 sin(x/10)').expr!, context);
    expect(lifted.lo?.toString()).toBe('1');
  });
});
