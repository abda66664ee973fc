import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';

/**
 * Inequalities whose sides differ by a constant (step.ts constantDifferenceProof): proved
 * as left − right = c for every value (exact expansion, or the identity test on
 * `left = right + c`) where c has the relation's sign. Before, `x + 1 > x` was only checked
 * (held at sampled points), and under x > 10^400, where no search reaches, unknown.
 * [left, relation, right, verdict, method (for proved), assumptions, message]
 */
const PRELUDE = `scalar x, y, T
vector u in R^n
function σ : R → R
`;

type Want = 'proved' | 'checked' | 'refuted' | 'unknown';
const cases: [string, string, string, Want, string?, string?, RegExp?][] = [
  ['x + 1', '>', 'x', 'proved', 'rule', '', /expands to 1 in exact rational arithmetic, and 1 > 0/],
  ['x', '<', 'x + 1/2', 'proved', 'rule', '', /−0\.5 < 0/],
  ['(x + 1)^2', '≥', 'x^2 + 2x', 'proved', 'rule'],
  ['(x + 1)^2', '>', 'x^2 + 2x', 'proved', 'rule'],
  ['x + 1', '≠', 'x', 'proved', 'rule'],
  ['x/(x^2 + 1) + 1', '>', 'x/(x^2 + 1)', 'proved', 'rule'],
  ['(x^2 - 1)/(x - 1)', '>', 'x + 1/2', 'proved', 'rule'],
  // Past what residues modulo 2^61 − 1 take: exact expansion.
  ['x + 10^40 + 1', '>', 'x + 10^40', 'proved', 'rule'],
  ['(x + y)^2 + 10^(-30)', '>', 'x^2 + 2 x y + y^2', 'proved', 'rule', '', /1·10\^\(−30\) > 0/],
  // Through properties of the functions: the identity test on left = right + c.
  ['sin(x)^2 + cos(x)^2 + 1', '>', '1', 'proved', 'identity-test', '', /left − right = 1 for every value/],
  ['tan(x) cos(x) + 1', '>', 'sin(x)', 'proved', 'identity-test'],
  ['sqrt(x)^2 + 1', '>', 'x', 'proved', 'identity-test'],
  ['‖u‖² + 1', '>', 'uᵀu', 'proved', 'identity-test'],
  ['e^x + 1', '>', 'e^x', 'proved'],
  ['σ(x) + 3', '≥', 'σ(x) + 2', 'proved'],
  // Where sampling cannot search: proved, not unknown.
  ['x + 1', '>', 'x', 'proved', 'rule', 'assume x > 10^400'],
  ['x^2 + 1', '>', 'x^2', 'proved', undefined, 'assume x > 10^400'],
  // A constant of the wrong sign, or 0 under a strict relation: refuted by sampling.
  ['x + 1', '≥', 'x + 2', 'refuted'],
  ['x + 1', '>', 'x + 1', 'refuted'],
  ['x', '>', 'x + 1', 'refuted'],
  ['(x + 1)^2', '>', 'x^2 + 2x + 1', 'refuted'],
  ['x + 1', '≠', 'x + 1', 'refuted'],
  ['sin(x)^2 + cos(x)^2', '<', '1', 'refuted'],
  // Not a constant difference: as before.
  ['x^2 + 1', '>', 'x', 'checked'],
  ['x^2', '>', 'x', 'refuted'],
  ['x + 1', '>', 'x', 'unknown', undefined, 'assume x > 10^400, x < 10^399'],
  // ∞ is no value and a limit is not evaluated: nothing to prove.
  ['∞ + 1', '>', '∞', 'unknown'],
  ['lim_{T→∞} T + 1', '>', 'lim_{T→∞} T', 'unknown'],
];

describe('inequalities whose sides differ by a constant', () => {
  it.each(cases.map(([l, r, rr, w, m, a, msg]) => [l, r, rr, w, m ?? '', a ?? '', msg ?? null] as const))('%s %s %s → %s %s %s', async (left, rel, right, want, method, assume, message) => {
    const report = await checkSource(`${PRELUDE}${assume}\n    ${left}\n  ${rel} ${right}\n`, { file: 'case.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps).toHaveLength(1);
    const step = report.steps[0]!;
    expect(step.verdict, step.message ?? '').toBe(want);
    if (method) expect(step.method).toBe(method);
    if (message) expect(step.message).toMatch(message);
    if (want === 'refuted') expect(step.counterexample).not.toBeNull();
  });
});

describe('what such a proof says', () => {
  it('says which relation fails where a proof through a conditional definition does not apply', async () => {
    const report = await checkSource('integer t\nscalar x\ndefine v_0 = 5\ndefine v_t = 1   for t ≥ 1\n    v_t + x\n  ≠ x + 5\n', { file: 'case.deriv' });
    const step = report.steps[0]!;
    expect(step.verdict).toBe('refuted');
    expect(step.message).toMatch(/^'≠' fails at this point; the proof unfolded the definition of v_t/);
  });

  it('writes a constant past 40 characters to 12 digits, with minus signs throughout', async () => {
    const report = await checkSource('scalar x\n    x - 10^(-500)\n  < x\n', { file: 'case.deriv' });
    expect(report.steps[0]!.verdict).toBe('proved');
    expect(report.steps[0]!.message).toMatch(/expands to ≈ −1e−500 in exact rational arithmetic, and ≈ −1e−500 < 0/);
  });
});
