import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';

/**
 * The edges of the assumptions (sampling/edges.ts): a step that turns an assumed `≤` into
 * `<` fails exactly on the bound — a vector or matrix at c·e₁ or c·I with c the bound, or 0
 * with a scalar at its included end; a function constant, or a line on its derivative bound.
 * Random points never land there, on any seed; the true neighbours still pass.
 */
type Want = 'refuted' | 'pass';

const SIGMA = 'scalar a, b, γ\nfunction σ : R → R\nassume γ > 0, a ≠ b\nassume |σ\'(z)| ≤ γ for all z\n';
const DELTA_W = 'scalar δ\nmatrix W in R^{n×n}\nassume 0 ≤ δ < 1\n';
const Q12 = 'scalar γ, δ\nvector v in R^n\nmatrix W in R^{n×n}\nfunction σ : R → R\nassume γ > 0, 0 ≤ δ < 1\nassume |σ\'(z)| ≤ γ for all z\nassume λ_max(Wᵀ W) ≤ δ²/γ²\n';
const Q43 = 'scalar g, η\nvector u, w in R^n\nfunction L : R^n → R\nassume g ≠ 0, u ≠ 0, η > 0\ndefine w = g u / ‖u‖\ndefine u\' = u - η ∇_u L(w)\n';

const cases: { name: string; text: string; want: Want; cx?: RegExp; note?: RegExp }[] = [
  // A. Norm and eigenvalue bounds on vectors and matrices.
  { name: '‖v‖ > 1 under ‖v‖ ≥ 1 fails at v = e₁', text: 'vector v in R^n\nassume ‖v‖ ≥ 1\n    ‖v‖\n  > 1\n', want: 'refuted' },
  { name: '‖W‖² < δ under ‖W‖ ≤ δ fails at δ = 0, W = 0', text: `${DELTA_W}assume ‖W‖ ≤ δ\n    ‖W‖²\n  < δ\n`, want: 'refuted', cx: /δ = 0/ },
  { name: '‖W‖ < δ under ‖W‖ ≤ δ fails at W = δ·I', text: `${DELTA_W}assume ‖W‖ ≤ δ\n    ‖W‖\n  < δ\n`, want: 'refuted' },
  { name: '‖w‖² < δ under ‖w‖ ≤ δ fails at δ = 0, w = 0', text: 'scalar δ\nvector w in R^n\nassume 0 ≤ δ < 1\nassume ‖w‖ ≤ δ\n    ‖w‖²\n  < δ\n', want: 'refuted', cx: /δ = 0/ },
  { name: '‖W‖ < δ under λ_max(WᵀW) ≤ δ² fails at W = δ·I', text: `${DELTA_W}assume λ_max(Wᵀ W) ≤ δ²\n    ‖W‖\n  < δ\n`, want: 'refuted' },
  { name: '‖v‖ ≥ 1 under ‖v‖ ≥ 1 holds', text: 'vector v in R^n\nassume ‖v‖ ≥ 1\n    ‖v‖\n  ≥ 1\n', want: 'pass' },
  { name: '‖W‖ ≤ δ under ‖W‖ ≤ δ holds', text: `${DELTA_W}assume ‖W‖ ≤ δ\n    ‖W‖\n  ≤ δ\n`, want: 'pass' },
  { name: '‖W‖² ≤ δ under ‖W‖ ≤ δ < 1 holds', text: `${DELTA_W}assume ‖W‖ ≤ δ\n    ‖W‖²\n  ≤ δ\n`, want: 'pass' },
  { name: '‖W‖ ≤ δ under λ_max(WᵀW) ≤ δ² holds', text: `${DELTA_W}assume λ_max(Wᵀ W) ≤ δ²\n    ‖W‖\n  ≤ δ\n`, want: 'pass' },
  // B. Functions on a derivative bound, or constant, under other assumptions.
  { name: '|σ(a) − σ(b)| < γ|a − b| under |σ\'| ≤ γ fails for σ(x) = γx + c', text: `${SIGMA}    |σ(a) - σ(b)|\n  < γ |a - b|\n`, want: 'refuted', note: /σ a line/ },
  { name: 'σ(1) ≠ σ(0) under |σ\'| ≤ γ fails for a constant σ', text: `${SIGMA}    σ(1)\n  ≠ σ(0)\n`, want: 'refuted', note: /σ a constant/ },
  { name: '|σ(a) − σ(b)| ≤ γ|a − b| under |σ\'| ≤ γ holds', text: `${SIGMA}    |σ(a) - σ(b)|\n  ≤ γ |a - b|\n`, want: 'pass' },
  { name: '‖∇_u L(u)‖ > 0 under u ≠ 0 fails for a constant L', text: 'vector u in R^n\nfunction L : R^n → R\nassume u ≠ 0\n    ‖∇_u L(u)‖\n  > 0\n', want: 'refuted' },
  { name: '‖∇_u L(u)‖ ≥ 0 under u ≠ 0 holds', text: 'vector u in R^n\nfunction L : R^n → R\nassume u ≠ 0\n    ‖∇_u L(u)‖\n  ≥ 0\n', want: 'pass' },
  { name: 'Q4.3 with > for ≥: ‖u\'‖ > ‖u‖ fails for a constant L (u\' = u)', text: `${Q43}    ‖u'‖\n  > ‖u‖\n`, want: 'refuted' },
  { name: 'Q1.2 with < for ≤: ‖diag(σ\'(v))‖ < γ fails for σ(x) = γx', text: `${Q12}    ‖diag(σ'(v))‖\n  < γ\n`, want: 'refuted' },
  { name: 'Q1.2 with < for ≤: ‖diag(σ\'(v)) W‖ < δ fails at δ = 0, W = 0', text: `${Q12}    ‖diag(σ'(v)) W‖\n  < δ\n`, want: 'refuted', cx: /δ = 0/ },
  { name: 'Q1.2: ‖diag(σ\'(v))‖ ≤ γ holds', text: `${Q12}    ‖diag(σ'(v))‖\n  ≤ γ\n`, want: 'pass' },
];

describe('the edges of the assumptions', () => {
  for (const seed of [undefined, 1, 2, 3]) {
    it.each(cases)(`$name (seed ${seed ?? 'default'})`, async ({ text, want, cx, note }) => {
      // (A generous time limit: the verdict, not the machine's load, is under test.)
      const report = await checkSource(text, { file: 'edges.deriv', timeoutMs: 30000, ...(seed === undefined ? {} : { seed }) });
      expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
      const step = report.steps[0]!;
      if (want === 'pass') {
        expect(['proved', 'checked'], step.message).toContain(step.verdict);
        return;
      }
      expect(step.verdict, step.message).toBe('refuted');
      if (cx) expect(step.counterexample!.assignments.map(([k, v]) => `${k} = ${v}`).join(', ')).toMatch(cx);
      if (note) expect(step.counterexample!.note ?? '').toMatch(note);
    });
  }
});
