import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import type { Verdict } from '../src/result.js';

/**
 * A strict inequality whose left − right lies on the relation's side of 0 by the bounds of its
 * terms is proved (rules/registry.ts `strictSigns`): `x² + 1/10 > 0` was only checked, and
 * `(x − y)² + (xy − 3)² + 1 > 0` ran out of time searching. A difference that may reach 0 is
 * not proved (`(x − y)² + (xy − 3)² > 0` is 0 at x = y = √3), and where a search for a failing
 * point goes past exact arithmetic the step says so (red team rt88).
 */
const CASES: { readonly src: string; readonly want: Verdict | 'not proved' }[] = [
  { src: 'scalar x\n    x^2 + 1/10\n  > 0\n', want: 'proved' },
  { src: 'scalar x, y\n    (x - y)^2 + (x y - 3)^2 + 1\n  > 0\n', want: 'proved' },
  { src: 'scalar x, y\n    -1\n  < (x - y)^2 + |x|\n', want: 'proved' },
  { src: 'scalar x\nassume x > 0\n    x + x^2\n  > 0\n', want: 'proved' },
  { src: 'vector v in R^n\n    ‖v‖ + 1\n  > 0\n', want: 'proved' },
  { src: 'scalar x, y\n    (x - y)^2 + (x y - 3)^2\n  > 0\n', want: 'not proved' },
  { src: 'scalar x\n    x^2\n  > 0\n', want: 'refuted' },
  { src: 'scalar x\nassume x ≥ 0\n    x + x^2\n  > 0\n', want: 'refuted' },
  { src: 'scalar x\n    x^2 + 1\n  > x\n', want: 'not proved' },
  // (rt97: an affine bound is a bound on its name, 2x − 1 > 0: x > 1/2.)
  { src: 'scalar x\nassume 2x - 1 > 0\n    x\n  > 0.5\n', want: 'proved' },
  { src: 'scalar x\nassume 1 - 3x ≥ 0\n    x\n  < 1/2\n', want: 'proved' },
  { src: 'scalar x\nassume 2x - 1 > 0\n    x\n  > 0.6\n', want: 'refuted' },
];

describe('a strict inequality proved by the bounds of its terms', () => {
  it.each(CASES)('$src → $want', async ({ src, want }) => {
    const step = (await checkSource(src, {})).steps[0]!;
    if (want === 'not proved') expect(step.verdict, step.message).not.toBe('proved');
    else expect(step.verdict, step.message).toBe(want);
  });

  it('shows a long bound by its leading digits and power of ten', async () => {
    // (The first digit of the numerator alone had read 2·10^29 for 2·10^30/3.)
    const step = (await checkSource('scalar x\nassume x > 10^30\n    x - 10^30/3\n  > 0\n', {})).steps[0]!;
    expect(step.verdict).toBe('proved');
    expect(step.message).toMatch(/lies in \(≈ 6\.67·10\^\(29\), ∞\)/);
  });

  it('says where exact arithmetic ran out, not only that it did', async () => {
    const step = (await checkSource('scalar x, y\n    (x - y)^2 + (x y - 3)^2\n  > 0\n', {})).steps[0]!;
    expect(step.message).not.toBe('a number too large for exact arithmetic');
  });
});
