import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';

/** Inputs meant to break things: each must give located findings, never a crash or a hang. */
describe('robustness', () => {
  it('keeps every other line when one line is pathologically deep', async () => {
    const text = [
      `    ${Array(4900).fill('x').join(' + ')}`, '  = 4900 x',
      `    ${'-'.repeat(3000)}x`, '  = x',
      `    ${'('.repeat(45)}x${')'.repeat(45)}`, '  = x',
      `    ${Array(3000).fill('x').join('^')}`, '  = 1',
    ].join('\n');
    const report = await checkSource(text);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('internal-error');
    expect(report.steps).toHaveLength(4);
    expect(report.steps[2]!.verdict).toBe('proved');
  });

  it.each([
    ['a name that is an Object.prototype key', 'scalar constructor, hasOwnProperty\n    constructor\n  = hasOwnProperty\n', 'refuted'],
    ['__proto__ as a declared word', 'scalar __proto__\n    x\n  = x\n', null],
    // 2^(10^10) overflows doubles, but its enclosure [1.8e308, ∞) is certainly not 0.
    ['a huge power', '    2^(10^10)\n  = 0\n', 'refuted'],
    ['a tower of powers', '    x^(x^(x^(x^x)))\n  = 1\n', null],
    ['division by zero on both sides', '    1/0\n  = 1/0\n', null],
    ['a factorial of a non-integer', '    (1/2)!\n  = 1\n', null],
    // No free names: exact evaluation decides it.
    ['an empty sum with reversed bounds', 'integer i\n    ∑_{i=5}^{1} i\n  = 0\n', 'proved'],
    ['a subscript that is not an integer', 'vector v_t in R^n\n    v_{1/2}\n  = v_{1/2}\n', null],
    ['a recurrence without a base', 'scalar a_t\ndefine a_t = a_{t-1} + 1\n    a_t\n  = a_{t-1} + 1\n', null],
    ['a definition that refers to itself', 'define a = a + 1\n    a\n  = a\n', null],
    ['HTML in a title', 'title "<script>alert(1)</script>"\n    x\n  = x\n', 'proved'],
  ])('%s', async (_, text, verdict) => {
    const t = Date.now();
    const report = await checkSource(text, { timeoutMs: 1000 });
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('internal-error');
    for (const s of report.steps) expect(['proved', 'checked', 'refuted', 'unknown', 'error']).toContain(s.verdict);
    if (verdict) expect(report.steps.map((s) => s.verdict)).toEqual([verdict]);
  });
});

/** Random lines of the new readings' tokens: every one gives findings, never a crash. */
describe('robustness of the readings', () => {
  const TOKENS = [
    'x', 'y', 'A', 'u', 'σ', 'λ', 'e', '^', '_', '{', '}', '(', ')', '[', ']', '‖', '|', '\\|', '=', '⇔', 'and', 'or', '+', '-',
    '·', '/', '²', '₂', '½', 'x̄', '\\bar{x}', '\\mathbf{u}', '\\left(', '\\right)', '\\left\\|', '\\right\\|', 'sin', '\\log',
    'd/dx', 'd', '∑_{i=1}^{n}', 'x_i', 'A_{i,j}', 'A_{ij}', 'Cov[', 'E[', 'Var(', 'λ_min(', '‖A‖_F', '\\text{by}', '&', '\\\\',
    'invertible', 'symmetric', ',', '2', '0', ' ', 'λI', 'pq', '__proto__', 'lr_max', '∧', '∨', '→', '≤', '∇_x', 'lim_{T→∞}',
  ];
  it('checks 150 files of random lines without an internal error', async () => {
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let i = 0; i < 150; i++) {
      const lines = ['scalar x, y, λ, p, q, lr_max, __proto__', 'vector u in R^n', 'matrix A in R^{n×n}'];
      for (let l = 0; l < 3; l++) lines.push(Array.from({ length: 1 + next(9) }, () => TOKENS[next(TOKENS.length)]).join(next(2) ? ' ' : ''));
      const text = lines.join('\n');
      const report = await checkSource(text, { timeoutMs: 100, samples: 4 });
      const crashes = [...report.diagnostics.map((d) => d.message), ...report.steps.map((s) => s.message)].filter((m) => /internal error/u.test(m));
      expect(crashes, text).toEqual([]);
    }
  }, 120_000);
});
