import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';

/**
 * `⇔`/`⇒` steps between comparisons of one kind are proved when left − right of one is a
 * factor known positive (nonzero, invertible) times the other's, and both statements have
 * values wherever the assumptions hold (src/check/engines/equivalence.ts); anything else is
 * sampled and searched as before, so a wrong step is still refuted.
 */
const cases: [what: string, text: string, verdict: string][] = [
  ['terms moved across', 'scalar x, y\n    x + y < 3\n  ⇔ x < 3 - y\n', 'proved'],
  ['a constant factor', 'scalar x\n    2x < 6\n  ⇔ x < 3\n', 'proved'],
  ['a negative constant flips the comparison', 'scalar x\n    -2x < 6\n  ⇔ x > -3\n', 'proved'],
  ['…and not flipping it is refuted', 'scalar x\n    -2x < 6\n  ⇔ x < -3\n', 'refuted'],
  ['sides swapped', 'scalar x\n    x = 3\n  ⇔ 3 = x\n', 'proved'],
  ['≠ by a constant', 'scalar x\n    x ≠ 3\n  ⇔ 2x ≠ 6\n', 'proved'],
  ['⇒ by a constant', 'scalar x\n    x < 1\n  ⇒ 2x < 2\n', 'proved'],
  ['an assumed positive factor', 'scalar x\nassume x > 0\n    x² < x\n  ⇔ x < 1\n', 'proved'],
  ['…not assumed: refuted', 'scalar x\n    x² < x\n  ⇔ x < 1\n', 'refuted'],
  ['…only ≥ 0: refuted at 0', 'scalar x\nassume x ≥ 0\n    x² < x\n  ⇔ x < 1\n', 'refuted'],
  ['dividing by a positive name', 'scalar x, y\nassume y > 0\n    x/y < 1\n  ⇔ x < y\n', 'proved'],
  ['…by a name of unknown sign: refuted', 'scalar x, y\n    x/y < 1\n  ⇔ x < y\n', 'refuted'],
  ['a cited positive factor', 'scalar ε, x\nassume ε > 0\n    ε x < ε\n  ⇔ x < 1     by dividing by ε > 0\n', 'proved'],
  ['a cited factor that is not positive fails the step', 'scalar x, y\n    x y < x\n  ⇔ y < 1     by dividing by x > 0\n', 'refuted'],
  ['a nonzero factor for an equation', 'scalar x, y\nassume x ≠ 0\n    x y = x\n  ⇔ y = 1\n', 'proved'],
  ['…a factor that may be 0: refuted', 'scalar x, y\n    x y = x\n  ⇔ y = 1\n', 'refuted'],
  ['strict against non-strict: refuted', 'scalar x\n    x < 3\n  ⇔ 2x ≤ 6\n', 'refuted'],
  ['a log where its argument is positive', 'scalar x\nassume x > 0\n    log(x) < 0\n  ⇔ x log(x) < 0\n', 'proved'],
  ['an invertible matrix on the left', 'vector x, b in R^n\nmatrix A in R^{n×n}\nassume A invertible\n    A x = b\n  ⇔ x = A⁻¹ b\n', 'proved'],
  ['…a matrix not known invertible: refuted', 'vector x, b in R^n\nmatrix A in R^{n×n}\n    A x = b\n  ⇔ x = A⁻¹ b\n', 'refuted'],
  ['a multiple of the prime is not zero', 'scalar x\n    (2^61 - 1) x = 0\n  ⇔ 0 = 0\n', 'refuted'],
  // Found by a red team: each was proved before its fix.
  ['a parameter is not the global name of the same letter', 'scalar x, a, b\nassume x > 0\ndefine f(x) = log(x)\n    a < b\n  ⇔ a + f(b) < b + f(b)\n', 'refuted'],
  ['…nor with 1/x', 'scalar x, a, b\nassume x > 0\ndefine f(x) = 1/x\n    a + b < 2\n  ⇔ a + b + a f(a) < 3\n', 'refuted'],
  ['a component of a defined vector follows its definition', 'scalar x, a, b\nvector u, v in R^n\ndefine v = u/x\n    a = b\n  ⇔ a + v_1 = b + v_1\n', 'not proved'],
  ['a cited factor only sampled positive is no certificate', 'scalar a, b, x, y\n    ((3x - 7y)² + (5y - 2)²) a < ((3x - 7y)² + (5y - 2)²) b\n  ⇔ a < b   by dividing by (3x - 7y)² + (5y - 2)² > 0\n', 'not proved'],
  ['coefficients a multiple of the prime apart', 'scalar x, y\n    (2^61 + 1) x = 5 y\n  ⇔ 2x = 5y\n', 'refuted'],
  ['…with ≠', 'scalar x, y\n    (2^61 + 1) x ≠ 5 y\n  ⇔ 2x ≠ 5y\n', 'refuted'],
  ['…with vectors', 'vector v, w in R^n\n    (2^61 + 1) v = w\n  ⇔ 2 v = w\n', 'refuted'],
  ['…with < on a thin set', 'scalar x\n    (2 + 10^6 (2^61 - 1)) x < 4 + (2·10^6 - 1)(2^61 - 1)\n  ⇔ 2x < 4\n', 'refuted'],
  ['a factor whose residue reads back as a small rational of the wrong sign', 'scalar a, b\n    -10^20 a < -10^20 b\n  ⇔ a < b\n', 'refuted'],
  ['a factor a chained assumption makes positive', 'scalar a, b, x\nassume 0 < a < b\n    b x < b\n  ⇔ x < 1\n', 'proved'],
  ['…written downwards', 'scalar a, b, x\nassume b > a > 0\n    b x < b\n  ⇔ x < 1\n', 'proved'],
  ['…only ≥ 0 along the chain is no certificate', 'scalar a, b, x\nassume 0 ≤ a ≤ b\n    b x < b\n  ⇔ x < 1\n', 'not proved'],
  ['a factor both sides share, positive by the assumptions', 'scalar x, y, a, b\nassume x > 0, y > 0\n    x y a < x y b\n  ⇔ a < b\n', 'proved'],
  ['…one of them of unknown sign: refuted', 'scalar x, y, a, b\nassume x > 0\n    x y a < x y b\n  ⇔ a < b\n', 'refuted'],
  ['…multiplied in, in the other direction', 'scalar x, a, b\nassume x > 0\n    a < b\n  ⇔ x a < x b\n', 'proved'],
  ['a factor of a side compared with 0, positive by structure', 'scalar x, y\n    e^x (x - y) < 0\n  ⇔ x < y\n', 'proved'],
  ['exp of anything cancels from an equation', 'scalar x, a, b\n    exp(x) a = exp(x) b\n  ⇔ a = b\n', 'proved'],
  ['(−1)^x is no positive factor', 'scalar x, y\n    (-1)^x y < 0\n  ⇔ y < 0\n', 'refuted'],
  ['a negative cited factor', 'scalar a, b, ε\nassume ε > 0\n    a < b\n  ⇔ -ε a > -ε b   by dividing by -ε < 0\n', 'proved'],
  // Constants beyond rational reconstruction's 2³⁰ (each `checked` before: the residue read back as a wrong fraction).
  ['a large constant factor', 'scalar a, b\n    10^12 a < 10^12 b\n  ⇔ a < b\n', 'proved'],
  ['…a large divisor', 'scalar a, b\n    a/10^12 < b/10^12\n  ⇔ a < b\n', 'proved'],
  ['…negative, flipping the comparison', 'scalar a, b\n    -10^12 a < -10^12 b\n  ⇔ a > b\n', 'proved'],
  ['…negative, not flipping it: refuted', 'scalar a, b\n    -10^12 a < -10^12 b\n  ⇔ a < b\n', 'refuted'],
  ['…over a small denominator', 'scalar a\n    (10^12/7) a = 5\n  ⇔ a = 35/10^12\n', 'proved'],
  ['…off by one in the last digit: refuted', 'scalar a\n    (10^12/7) a = 5\n  ⇔ a = 36/10^12\n', 'refuted'],
];

describe('⇔ and ⇒ by a factor known positive', () => {
  it.each(cases)('%s', async (_what, text, verdict) => {
    const report = await checkSource(text, { file: 'eq.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const step = report.steps.at(-1)!;
    if (verdict === 'not proved') expect(step.verdict, step.message).not.toBe('proved');
    else expect(step.verdict, step.message).toBe(verdict);
    if (verdict === 'proved') expect(step.method).toMatch(/identity-test|structural/);
  });

  it('says which factor, and why it is positive', async () => {
    const report = await checkSource('scalar ε, x\nassume ε > 0\n    ε² x < ε²\n  ⇔ ε x < ε     by dividing by ε > 0\n', { file: 'eq.deriv' });
    expect(report.steps[0]!.message).toContain('satisfy ε² x - ε² = ε·(ε x - ε)');
    expect(report.steps[0]!.message).toContain('ε > 0 under the assumptions');
  });

  it('writes a factor that is a sum in brackets (red team rt57: x² + 1·(a - b))', async () => {
    const report = await checkSource('scalar x, a, b\n    a (x^2 + 1) ≤ b (x^2 + 1)\n  ⇔ a ≤ b\n', { file: 'eq.deriv' });
    expect(report.steps[0]!.message).toContain('= (x² + 1)·(a - b), and x² + 1 > 0 under the assumptions');
  });

  it('writes a negative term after a minus in brackets', async () => {
    const report = await checkSource('scalar a, b\n    -2 a < -2 b\n  ⇔ a > b\n', { file: 'eq.deriv' });
    expect(report.steps[0]!.message).toContain('-2 a - (-2 b) = 2·(b - a)');
  });
});
