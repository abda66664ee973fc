import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { solveExact } from '../src/check/sampling/linear-solve.js';
import { Rational } from '../src/check/evaluator/rational.js';

/**
 * Linear solves for a vector or matrix name (sampling/linear-solve.ts): an equation
 * assumption among matrices is met on its whole solution set, not only where random draws
 * happen to meet it (0, I, equal matrices), and a `≠`, `<` or `>` step is tried where one of
 * its vector or matrix parts is 0. A true step stays true.
 */
const SEEDS = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const TIMEOUT = 30_000;

async function verdicts(text: string, seed: number): Promise<string[]> {
  const report = await checkSource(text, { file: 'linear.deriv', seed, timeoutMs: TIMEOUT });
  expect(report.diagnostics.filter((d) => d.severity === 'error' && !/does not follow/.test(d.message)).map((d) => d.message)).toEqual([]);
  return report.steps.map((s) => s.verdict);
}

const refuted: { name: string; text: string; seeds?: number[] }[] = [
  { name: 'assume A B = B A: Aᵀ B = B Aᵀ fails (B on the commutant of A)', text: 'matrix A, B in R^{n×n}\nassume A B = B A\n    Aᵀ B\n  = B Aᵀ\n' },
  { name: 'assume A B symmetric: B A = (B A)ᵀ fails', text: 'matrix A, B in R^{n×n}\nassume A B symmetric\n    B A\n  = (B A)ᵀ\n' },
  { name: '‖x − 2y‖ ≠ 0 fails at x = 2y', text: 'vector x, y in R^n\n‖x - 2 y‖ ≠ 0\n' },
  { name: '‖A − 2I‖_F ≠ 0 fails at A = 2I', text: 'matrix A in R^{n×n}\n‖A - 2 I_n‖_F ≠ 0\n' },
  { name: '‖A + Aᵀ‖_F > 0 under ‖A‖_F ≥ 1 fails at an antisymmetric A', text: 'matrix A in R^{n×n}\nassume ‖A‖_F ≥ 1\n‖A + Aᵀ‖_F > 0\n', seeds: [0, 1, 2] },
  { name: '‖Q + I‖ > 0 fails at the orthogonal Q = −I', text: 'matrix Q in R^{n×n} orthogonal\n‖Q + I_n‖ > 0\n', seeds: [0, 1, 2] },
  { name: 'under unit x, y: 1 + xᵀy ≠ 0 fails at y = −x', text: 'vector x, y in R^n\nassume ‖x‖ = 1, ‖y‖ = 1\n1 + xᵀ y ≠ 0\n', seeds: [0, 1, 2] },
  { name: 'under unit x, y: xᵀy ≠ 0 fails at x ⟂ y', text: 'vector x, y in R^n\nassume ‖x‖ = 1, ‖y‖ = 1\nxᵀ y ≠ 0\n', seeds: [0, 1, 2] },
  { name: 'under unit x, y: ‖x + y‖ ≠ 0 fails at y = −x', text: 'vector x, y in R^n\nassume ‖x‖ = 1, ‖y‖ = 1\n‖x + y‖ ≠ 0\n', seeds: [0, 1, 2] },
];

const holding: { name: string; text: string }[] = [
  { name: 'assume A B = B A: A² B = B A² holds', text: 'matrix A, B in R^{n×n}\nassume A B = B A\n    A² B\n  = B A²\n' },
  { name: 'assume A B = B A: (A + B)² = A² + 2AB + B² holds', text: 'matrix A, B in R^{n×n}\nassume A B = B A\n    (A + B)²\n  = A² + 2 A B + B²\n' },
  { name: 'assume A B symmetric: A B = Bᵀ Aᵀ holds', text: 'matrix A, B in R^{n×n}\nassume A B symmetric\n    A B\n  = Bᵀ Aᵀ\n' },
  { name: '‖x − 2y‖ ≥ 0 and ‖x − 2y‖ + 1 > 0 hold', text: 'vector x, y in R^n\n‖x - 2 y‖ ≥ 0\n\n‖x - 2 y‖ + 1 > 0\n' },
  { name: 'under unit x, y: ‖x − y‖ ≤ 2, 1 + xᵀy ≥ 0 hold', text: 'vector x, y in R^n\nassume ‖x‖ = 1, ‖y‖ = 1\n‖x - y‖ ≤ 2\n\n1 + xᵀ y ≥ 0\n' },
  { name: 'assume A B = B A: tr(A B − B A) ≠ 1 holds (no solution)', text: 'matrix A, B in R^{n×n}\nassume A B = B A\ntr(A B - B A) ≠ 1\n' },
];

describe('linear solves for a vector or matrix name', () => {
  for (const c of refuted) {
    it.each(c.seeds ?? SEEDS)(`${c.name} (seed %i)`, async (seed) => {
      expect(await verdicts(c.text, seed)).toContain('refuted');
    }, 120_000);
  }
  for (const c of holding) {
    it.each([0, 1])(`${c.name} (seed %i)`, async (seed) => {
      for (const v of await verdicts(c.text, seed)) expect(['proved', 'checked']).toContain(v);
    }, 120_000);
  }

  it('solves exactly: least-norm particular solution and null space', () => {
    const q = (x: number) => Rational.of(x);
    // x₁ + x₂ = 2 (one equation, two unknowns): least norm (1, 1), null space (−1, 1).
    const s = solveExact([[q(1)], [q(1)]], [q(2)])!;
    expect(s.particular.map(String)).toEqual(['1', '1']);
    expect(s.nullSpace.map((v) => v.map(String))).toEqual([['-1', '1']]);
    // Inconsistent: x = 1 and x = 2.
    expect(solveExact([[q(1), q(1)]], [q(1), q(2)])).toBeNull();
  });
});
