import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { parseExpression } from '../src/parse/index.js';
import { latexName } from '../src/print/latex.js';
import { formatJson } from '../src/report/json.js';
import type { FileReport } from '../src/result.js';

// (Red team, RNN homework:) names with subscripts that are labels, capital Σ and Π for the big
// operators, ∆ (increment) for Δ, and a norm's power before its subscript.

const check = (text: string): Promise<FileReport> => checkSource(text, { file: 'rnn.deriv', seed: 1 });
const errors = (r: FileReport) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
const names = (r: FileReport, i = 0) => (r.steps[i]!.counterexample?.assignments ?? []).map(([n]) => n);

describe('a name declared with a subscript that is a label is that name (LANGUAGE.md §1)', () => {
  it('reads W_h, W_x as two matrices, not members of a family W indexed by h and x', async () => {
    const r = await check('matrix W_h, W_x in R^{n×n}\nvector h, x in R^n\n    W_h h + W_x x\n  = W_x x + W_h h\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
  });

  it.each([
    ['vector x_a, x_b in R^n\n    x_a + x_b\n  = x_b + x_a\n', 'proved'],
    ['scalar a_x, a_y\n    a_x a_y\n  = a_y a_x\n', 'proved'],
    // (The letter is a vector declared after the matrix: still a label.)
    ['matrix W_h in R^{n×n}\nvector h in R^n\n    W_h h + h\n  = (W_h + I) h\n', 'proved'],
    ['matrix W_h in R^{n×n}\nvector h_t in R^n\n    W_h h_t + h_t\n  = (W_h + I) h_t\n', 'proved'],
  ])('%j', async (text, verdict) => {
    const r = await check(text);
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe(verdict);
  });

  it('never takes two labelled names for one: W_h h = W_x h is refuted at W_h, W_x', async () => {
    const r = await check('matrix W_h, W_x in R^{n×n}\nvector h in R^n\n    W_h h\n  = W_x h\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('refuted');
    expect(names(r)).toEqual(expect.arrayContaining(['W_h', 'W_x', 'h']));
  });

  it('gives a counterexample in the declared names a_x, a_y (not x, y and a_3)', async () => {
    const r = await check('scalar a_x, a_y\n    a_x + 1\n  = a_y\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('refuted');
    expect(names(r).sort()).toEqual(['a_x', 'a_y']);
  });

  it('keeps a family a family: an integer letter is an index, and so is one subscript alone', async () => {
    const r = await check('integer k\nvector x_k, x_h in R^n\nvector g_t in R^n\n    x_k + g_{t-1}\n  = g_{t-1} + x_k\n    x_{k+1}\n  = x_k\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });

  it('defines a labelled name as that name', async () => {
    const r = await check('matrix W_h, W_x in R^{n×n}\nvector x in R^n\ndefine W_{hx} = W_h + W_x\n    W_{hx} x\n  = W_h x + W_x x        by def W_{hx}\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
  });
});

describe('a subscript of several letters (W_{hh}) is part of the name', () => {
  it('reads W_{hh} h as a matrix times a vector, not W at the index h·h', async () => {
    const r = await check('matrix W_{hh}, W_{xh} in R^{n×n}\nvector h, x in R^n\n    W_{hh} h + W_{xh} x\n  = W_{xh} x + W_{hh} h\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
  });

  it.each([
    // W_hh unbraced is the same name (LaTeX would show W_h h: a declared name wins).
    ['matrix W_{hh} in R^{n×n}\nvector h in R^n\n    W_hh h\n  = W_{hh} h\n', 'proved'],
    ['matrix W_hh in R^{n×n}\nvector h in R^n\n    W_{hh} h\n  = W_hh h\n', 'proved'],
    ['matrix W_{hh}, W_{xh} in R^{n×n}\nvector h in R^n\n    W_{hh} h\n  = W_{xh} h\n', 'refuted'],
    ['matrix W_h, W_{hh} in R^{n×n}\nvector h in R^n\n    W_{hh} h\n  = W_h h\n', 'refuted'],
    // (A letter beside a label of several letters is a label too: W_x is no member of a family W.)
    ['matrix W_{hh}, W_x in R^{n×n}\nscalar x\nvector h in R^n\n    W_{hh} h + W_x h\n  = (W_x + W_hh) h\n', 'proved'],
  ])('%j', async (text, verdict) => {
    const r = await check(text);
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe(verdict);
  });

  it('typesets W_hh as W_{hh}', () => {
    expect(latexName({ base: 'W_hh', index: null, primes: 0, hat: false, range: [0, 0] })).toBe('W_{hh}');
    expect(latexName({ base: 'W_h', index: null, primes: 0, hat: false, range: [0, 0] })).toBe('W_h');
  });
});

describe('Σ and Π typed for ∑ and ∏', () => {
  it.each([
    ['scalar β\ninteger t\n    Σ_{i=1}^{t} β^i\n  = ∑_{i=1}^{t} β^i\n'],
    ['scalar β\ninteger t\n    Π_{i=1}^{t} β\n  = β^t\n'],
    ['    \\Sigma_{i=1}^{3} i\n  = 6\n'],
    ['    2Π_{j=1}^{3} 2 - a · Σ_{i = 1}^{3} i\n  = 16 - 6a\n'],
  ])('reads %j', async (text) => {
    const r = await check(text);
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
  });

  it('keeps a matrix named Σ a name', async () => {
    const r = await check('matrix Σ in R^{n×n} symmetric\nvector u in R^n\n    uᵀ Σ u + Σ_{12}\n  = uᵀ Σᵀ u + Σ_{21}\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
  });
});

describe('∆ (U+2206, increment) is Δ', () => {
  it('reads ∆θ_t as the name Δθ_t, every column kept', async () => {
    const r = await check('vector g_t, ∆θ_t in R^n\ndefine ∆θ_t = -g_t\n    ∆θ_t\n  = -g_t       by def Δθ\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
    expect(r.source).toContain('∆θ_t');
  });
});

describe("a norm's power before its subscript, as LaTeX allows", () => {
  it.each([
    ['\\|u\\|^2_2', 'uᵀu'],
    ['‖u‖²₂', 'uᵀu'],
    ['||u||^{2}_{2}', 'uᵀu'],
    ['‖A‖^2_F', '‖A‖_F^2'],
    ['\\|u\\|^2_2 + 1', '‖u‖_2^2 + 1'],
  ])('reads %s = %s', async (l, rhs) => {
    const r = await check(`vector u in R^n\nmatrix A in R^{n×n}\n    ${l}\n  = ${rhs}\n`);
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
  });

  it('reads ‖u‖^p_2 as (‖u‖₂)^p, with a reading warning', async () => {
    const r = await check('vector u in R^n\nscalar p\n    ‖u‖^p_2\n  = ‖u‖^p\n');
    expect(errors(r)).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['reading']);
    expect(r.steps[0]!.verdict).toBe('proved');
  });

  it('parses ‖u‖^2_2 on its own (parseExpression)', () => {
    expect(parseExpression('‖u‖^2_2').diagnostics).toEqual([]);
  });
});

describe('the JSON report says how each side was read', () => {
  it('prints the sides after resolution: W_{hh} is one name, ‖u‖^2_2 a power of the norm', async () => {
    const r = await check('matrix W_{hh}, W_x in R^{n×n}\nvector h, u in R^n\n    W_{hh} h + W_x h\n  = (W_hh + W_x) h\n    \\|u\\|^2_2\n  = uᵀu\n');
    const doc = JSON.parse(formatJson([r]));
    expect(doc.files[0].steps.map((s: { read: unknown }) => s.read)).toEqual([
      { left: 'W_hh h + W_x h', right: '(W_hh + W_x) h' },
      { left: '‖u‖²', right: 'uᵀ u' },
    ]);
  });
});

describe('a function a definition gives is a name, whatever its letters (red team rt103)', () => {
  it.each([
    ['scalar x\ndefine __proto__(x) = x^2\n    __proto__(x)\n  = x^2\n', 'proved'],
    ['scalar x\ndefine _p(x) = x + 1\n    _p(x) - 1\n  = x\n', 'proved'],
    ['scalar x\ndefine constructor_2(x) = 2x\n    constructor_2(x)\n  = x + x\n', 'proved'],
    ['define __proto__(x) = x^2\n    __proto__(3)\n  = 10\n', 'refuted'],
  ])('%j', async (text, verdict) => {
    const r = await check(text);
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe(verdict);
  });
});

describe('a name led by _ defined with no parameters (red team rt104)', () => {
  it('asks for a declaration, as a word of letters does, not for a name it was given', async () => {
    const r = await check('define __proto__ = 5\n    __proto__ + 1\n  = 6\n');
    expect(errors(r)).toEqual(["unknown name '__proto__': declare it first, e.g. 'scalar __proto__'"]);
  });
  it('is read once declared', async () => {
    const r = await check('scalar __proto__\ndefine __proto__ = 5\n    __proto__ + 1\n  = 6\n');
    expect(errors(r)).toEqual([]);
    expect(r.steps[0]!.verdict).toBe('proved');
  });
});
