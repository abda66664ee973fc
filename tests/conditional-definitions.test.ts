import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import type { StepReport, Verdict } from '../src/result.js';

/**
 * A definition with a condition (`define a_t = … for t ≥ 1`) unfolded at a symbolic index
 * gives an equation true only where the condition holds. A step claims every index from where
 * it is sampled (t ≥ 0 by default; raised by a subscript such as a_{t-1} or by an
 * assumption), so the indices the condition leaves out are decided on their own. Before,
 * `a_t = 1.5` under `define a_t = 1.5 for t ≥ 1` was proved, though a_0 is free.
 */
const FREE_BASE = 'integer t\nscalar a_t\ndefine a_t = 1.5 for t ≥ 1\n';
const BASE = 'integer t\nscalar a_t\ndefine a_0 = 3\ndefine a_t = a_{t-1}^2 + 1 for t ≥ 1\n';
const SAME_BASE = 'integer t\nscalar a_t\ndefine a_0 = 1.5\ndefine a_t = 1.5 for t ≥ 1\n';
const WRONG_BASE = 'integer t\nscalar a_t\ndefine a_0 = 2\ndefine a_t = 1.5 for t ≥ 1\n';
const SUMS = 'integer t, T\nscalar a_t\ndefine a_t = 1.5 for t ≥ 1\n';
const NEGATIVE = 'integer t\ndefine u_t = 5 for t ≤ -2\nassume t < 0\n';
const NOT_AT = (k: number) => `integer t\nscalar a_t\ndefine a_${k} = 0\ndefine a_t = 1 for t ≠ ${k}\n`;
const BOUNDED = 'integer t\nscalar a_t\ndefine a_t = 1 for t ≤ 15\n';
const UP_TO_T = 'integer t, T\nscalar a_t\nassume 1 ≤ T ≤ 3\ndefine a_5 = 0\ndefine a_t = 1 for t ≤ T\n';
const TWO_BASES = 'integer t\nscalar a_t\ndefine a_0 = 5\ndefine a_1 = 10\ndefine a_t = 2 a_{t-1} for t ≥ 2\n';
const FAR = (condition: string) => `integer t, i\ndefine a_t = t for ${condition}\n`;
const MOMENTUM = 'scalar β\ninteger t\nvector g_t, v_t in R^n\nassume 0 < β < 1\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\n';

interface Case {
  readonly src: string;
  readonly step: string;
  readonly verdict: Verdict;
  /** Words the message must hold. */
  readonly says?: RegExp;
  /** The index the counterexample names. */
  readonly at?: [string, string];
}

const CASES: Case[] = [
  // a_0 is free: the step is false at t = 0.
  { src: FREE_BASE, step: 'a_t = 1.5', verdict: 'refuted', says: /^at t = 0, where the definition of a_t \(for t ≥ 1\) does not apply/, at: ['t', '0'] },
  { src: FREE_BASE, step: 'a_t = 1.5 by def a', verdict: 'refuted', at: ['t', '0'] },
  { src: FREE_BASE, step: 'a_t^2 = 2.25', verdict: 'refuted', at: ['t', '0'] },
  { src: FREE_BASE, step: 'a_{t-1} = 1.5', verdict: 'refuted', at: ['t', '1'] },
  { src: FREE_BASE, step: 'a_{-1} = 1.5', verdict: 'refuted' },
  // Covered: t + 1 ≥ 1 for every t ≥ 0; an assumption t ≥ 1.
  { src: FREE_BASE, step: 'a_{t+1} = 1.5', verdict: 'proved' },
  { src: `${FREE_BASE}assume t ≥ 1\n`, step: 'a_t = 1.5', verdict: 'proved' },
  // A base that agrees: t = 0 is proved on its own, and the message says so.
  { src: SAME_BASE, step: 'a_t = 1.5', verdict: 'proved', says: /leaves out t = 0, which is proved on its own/ },
  { src: WRONG_BASE, step: 'a_t = 1.5', verdict: 'refuted', at: ['t', '0'] },
  { src: BASE, step: '|a_t| = a_t', verdict: 'proved', says: /t = 0, which is proved on its own/ },
  { src: BASE, step: 'a_t ≥ 1', verdict: 'proved' },
  { src: BASE, step: 'a_t = a_{t-1}^2 + 1', verdict: 'proved' },
  { src: BASE, step: 'a_t = a_{t-1}^2 + 2', verdict: 'refuted' },
  // Under ∑/∏ the index's range decides: from 0 it leaves out a_0 (this was proved by the sum
  // rules when the cross-check drew a_0 = 1.5), from 1 it does not.
  { src: SUMS, step: '∑_{t=0}^{T} a_t = 1.5 (T + 1)', verdict: 'refuted' },
  { src: SUMS, step: '∏_{t=0}^{T} a_t = 1.5^(T+1)', verdict: 'refuted' },
  { src: SUMS, step: '∑_{t=1}^{T} a_t = 1.5 T', verdict: 'proved' },
  { src: SUMS, step: '∑_{t=0}^{T} a_{t+1} = 1.5 (T + 1)', verdict: 'proved' },
  // An index sampled downwards from an upper bound.
  { src: NEGATIVE, step: 'u_t = 5', verdict: 'refuted', at: ['t', '-1'] },
  { src: NEGATIVE.replace('-2', '-1'), step: 'u_t = 5', verdict: 'proved' },
  // Where the condition fails far from where the index starts (the first version scanned 12
  // values: t ≠ 12 and t ≤ 15 passed), exactly.
  { src: NOT_AT(12), step: 'a_t = 1 by def a', verdict: 'refuted', at: ['t', '12'] },
  { src: NOT_AT(40), step: 'a_t = 1', verdict: 'refuted', at: ['t', '40'] },
  { src: NOT_AT(11).replace('define a_11 = 0', 'define a_11 = 1'), step: 'a_t = 1', verdict: 'proved', says: /leaves out t = 11, which is proved on its own/ },
  { src: BOUNDED, step: 'a_t = 1 by def a', verdict: 'refuted' },
  // A condition that names another value (t ≤ T) was read as t ≤ t, always true.
  { src: UP_TO_T, step: 'a_t = 1 by def a', verdict: 'refuted' },
  { src: UP_TO_T, step: 'a_3 + 0 = 1', verdict: 'refuted' },
  { src: `${UP_TO_T}assume t ≤ T\n`, step: 'a_t = 1', verdict: 'checked' },
  // An assumption that only bounds the index says which values are claimed.
  { src: `${TWO_BASES}assume t ≥ 1\n`, step: 'a_t = 2 a_{t-1} by def a', verdict: 'proved', says: /leaves out t = 1, which is proved on its own/ },
  { src: `${TWO_BASES}assume t ≥ 2\n`, step: 'a_t = 2 a_{t-1} by def a', verdict: 'proved' },
  { src: TWO_BASES.replace('a_1 = 10', 'a_1 = 3'), step: 'a_t = 2 a_{t-1} by def a', verdict: 'refuted', at: ['t', '1'] },
  // Infinitely many left out, far from where sampling goes: the nearest are decided on their own.
  { src: FAR('t ≤ 1000'), step: 'a_t = t by def a', verdict: 'refuted', at: ['t', '1001'] },
  { src: FAR('t ≤ 10^6'), step: 'a_t = t by def a', verdict: 'refuted', at: ['t', '1000001'] },
  { src: `${FAR('t ≥ -1000')}assume t < 0\n`, step: 'a_t = t by def a', verdict: 'refuted' },
  // Bounds that are not whole numbers are read exactly (they were unknown, so a_t was free and a
  // true step refuted).
  { src: `${FAR('t < 5.5')}assume t ≤ 5\n`, step: 'a_t = t by def a', verdict: 'proved' },
  { src: `${FAR('t > 0.5')}assume t ≥ 1\n`, step: 'a_t = t by def a', verdict: 'proved' },
  { src: FAR('t < 5.5'), step: 'a_2 + 0 = 2', verdict: 'proved' },
  { src: FAR('t < 1000.5'), step: 'a_t = t by def a', verdict: 'refuted', at: ['t', '1001'] },
  { src: 'integer t, T\ndefine a_t = t for t ≤ T/2\nassume 2t ≤ T\n', step: 'a_t = t by def a', verdict: 'checked' },
  // Under a sum, a member far away that no definition gives: the sampler tries the definitions' boundaries.
  { src: 'integer t, i\ndefine a_i = 1 for i ≠ 500\ndefine a_500 = 0\n', step: '∑_{i=1}^{t} a_i = t', verdict: 'refuted' },
  { src: 'integer t, i\ndefine a_i = 1 for i ≤ 1000\n', step: '∑_{i=1}^{t} a_i = t', verdict: 'refuted' },
  // The homework's recurrence: v_{t-1} in the step starts t at 1, where the definition applies.
  { src: MOMENTUM, step: 'v_t = β v_{t-1} + (1-β) g_t', verdict: 'proved' },
  { src: MOMENTUM, step: 'v_{t+1} = β v_t + (1-β) g_{t+1}', verdict: 'proved' },
  { src: MOMENTUM, step: 'v_t = β v_{t-1} + β g_t', verdict: 'refuted' },
  // Pieces that switch past 100,000 (red team: checked; boundaries were capped for sums' sake).
  { src: 'integer t\nscalar a_t\ndefine a_t = t for t ≤ 100000\ndefine a_t = t + 1 for t ≥ 100001\n', step: 'a_t = t', verdict: 'refuted', at: ['t', '100001'] },
  // (An integer is 0, 1, 2, … unless an assumption says otherwise: the negative piece is
  // reached under one. Without it the step holds at every t ≥ 0.)
  { src: 'integer t\nscalar a_t\nassume t ≥ -200000\ndefine a_t = t for t ≥ -100000\ndefine a_t = 0 for t ≤ -100001\n', step: 'a_t = t', verdict: 'refuted' },
  { src: 'integer t\nscalar a_t\ndefine a_t = t for t ≥ -100000\ndefine a_t = 0 for t ≤ -100001\n', step: 'a_t = t', verdict: 'checked' },
];

async function stepOf(src: string, line: string): Promise<StepReport> {
  const [head, ...rest] = line.split(/ (?=[=≤≥<>] )/);
  const text = `${src}    ${head}\n  ${rest.join(' ')}\n`;
  const report = await checkSource(text, {});
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(report.steps).toHaveLength(1);
  return report.steps[0]!;
}

describe('conditional definitions unfolded at a symbolic index', () => {
  it.each(CASES.map((c) => [c.step, c] as const))('%s', async (_name, c) => {
    const s = await stepOf(c.src, c.step);
    expect({ verdict: s.verdict, message: s.message }).toMatchObject({ verdict: c.verdict });
    if (c.says) expect(s.message).toMatch(c.says);
    if (c.at) expect(s.counterexample?.assignments).toContainEqual(c.at);
  });
});

describe('an induction over a recurrence with two bases', () => {
  it('proves the step whose definition leaves out t = 1, that value on its own', async () => {
    const text = 'integer t\nscalar a_t\ndefine a_0 = 0\ndefine a_1 = 1\ndefine a_t = a_{t-1} + 1   for t ≥ 2\n'
      + 'show a_t = t   for all t ≥ 0   by induction on t\n  base:\n      a_0\n    = 0        by def a\n'
      + '  step:\n      a_t\n    = a_{t-1} + 1     by def a\n    = (t-1) + 1       by IH\n    = t\n';
    const report = await checkSource(text, {});
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'proved']);
    expect(report.shows.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('says a disagreement at an index the definition does not cover is about the definition, not the identity test', async () => {
    const text = 'integer t, s\nscalar a_t\ndefine a_0 = 5\ndefine a_1 = 3\ndefine a_t = 2 a_{t-1}   for t ≥ 2\n    a_{t+s+1}\n  = 2 a_{t+s}    by def a\n';
    const report = await checkSource(text, {});
    expect(report.steps[0]!.verdict).toBe('refuted');
    expect(report.steps[0]!.message).toMatch(/the definition of a_t \(for t ≥ 2\)/);
    expect(report.steps[0]!.message).not.toMatch(/identity test/);
  });
});

/**
 * A counterexample that holds a member no definition gives, below where a family's definitions
 * start, says so (red team rt130: `m_t = β^{t−1} g_1 + …` with `define m_1 = g_1`, `m_t = … for
 * t ≥ 2` was refuted at t = 0, m_0 free, with only "the two sides differ"); a recurrence's free
 * start (v_0 of v_t = β v_{t−1} + … for t ≥ 1, θ_0 of θ_t = θ_{t−1} − η g_t) is not such a member.
 */
describe('a member no definition gives, in a counterexample', () => {
  const notes = async (text: string) => (await checkSource(text, { file: 'm.deriv' })).steps[0]!;
  it('is named, with the definitions, where the step went below them', async () => {
    const s = await notes('scalar β\ninteger t, i\nvector g_t, m_t in R^n\nassume 0 < β < 1\ndefine m_1 = g_1\ndefine m_t = β m_{t-1} + (1-β) g_t   for t ≥ 2\n    m_t\n  = β^{t-1} g_1 + (1-β) ∑_{i=2}^{t} β^{t-i} g_i\n');
    expect(s.verdict).toBe('refuted');
    expect(s.notes.map((n) => n.message).join('\n')).toMatch(/no definition gives m_0 \(m_t = β m_\{t - 1\} \+ \(1 - β\) g_t for t ≥ 2; m_1 = g_1\), so it was drawn as a free value/);
  });
  // (Red team rt132: below 0 too.)
  it('is named below 0 too', async () => {
    const s = await notes('integer t\nscalar v_t\nassume t ≥ -3\ndefine v_t = 2 v_{t-1} for t ≥ 1\n    v_t\n  = 2 v_{t-1}\n');
    expect(s.verdict).toBe('refuted');
    expect(s.notes.map((n) => n.message).join('\n')).toMatch(/no definition gives v_\{-\d\}/);
  });
  it.each([
    ['a recurrence\'s free start', 'scalar β, δ\nvector g_t, v_t, Δθ_t in R^n\nassume 0 < β < 1, δ > 0\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\ndefine Δθ_t = -δ v_t\n    Δθ_t\n  = β (-δ v_{t-1}) + δ(1-β) g_t\n'],
    ['the first iterate', 'scalar η\ninteger t, T\nvector θ_t, g_t in R^n\nassume η > 0\ndefine θ_t = θ_{t-1} - η g_t   for t ≥ 1\n    ∑_{t=1}^{T} (θ_t - θ_{t-1})\n  = θ_T - θ_1\n'],
  ])('is not said of %s', async (_name, text) => {
    const s = await notes(text);
    expect(s.verdict).toBe('refuted');
    expect(s.notes.map((n) => n.message).join('\n')).not.toMatch(/no definition gives/);
  });
});
