import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';

/** The verdicts of a file's shows, in order. */
async function shows(text: string): Promise<string[]> {
  return (await checkSource(text, {})).shows.map((s) => s.verdict);
}

describe('a named show that passed is a fact, never a loop', () => {
  // (A passing `name = expression` show works like a definition for the rest of the file:
  // one that reads its own subject defines nothing.)
  it.each([
    { name: 'a = 1 a', text: 'scalar a, b\nshow "x": a = 1 a\nshow "y": 2a = a + a\nshow "z": a + b = b + a\n', want: ['proved', 'proved', 'proved'] },
    { name: 'a = a', text: 'scalar a\nshow "x": a = a\nshow "y": 2a = a + a\n', want: ['proved', 'proved'] },
    { name: 'a = 2a − a', text: 'scalar a\nshow "x": a = 2 a - a\nshow "y": a^2 = a a\n', want: ['proved', 'proved'] },
    { name: 'through a definition', text: 'scalar a, x, y\ndefine y = x + 0\nshow "w": x = y\nshow "z": x + a = a + y\n', want: ['proved', 'proved'] },
    { name: 'a family member reading itself', text: 'integer t\nscalar v_t\nshow "x": v_t = 1 v_t   for all t ≥ 0\nshow "y": v_t + v_t = 2 v_t   for all t ≥ 0\n', want: ['proved', 'proved'] },
    // (A fact that reads other names is still a definition: the closed form below.)
    { name: 'a closed form is still a fact', text: 'scalar β\ninteger t\nscalar v_t\ndefine v_0 = 1\ndefine v_t = β v_{t-1} for t ≥ 1\nshow "closed": v_t = β^t   for all t ≥ 0\nshow "z": v_t v_t = β^(2t)   for all t ≥ 0\n', want: ['checked', 'checked'] },
  ])('$name', async ({ text, want }) => {
    const got = await shows(text);
    expect(got.map((v, i) => (v === 'proved' || v === 'checked') === (want[i] === 'proved' || want[i] === 'checked'))).toEqual(want.map(() => true));
  });
});

describe("a show shown under a section's assumptions holds in that section only", () => {
  // (A later section does not have them: `assume a = 2` in "one" is not a fact in "two".)
  it('is no definition in a later section', async () => {
    const report = await checkSource('scalar a, b\nsection "one"\nassume a = 2\nshow "a": a = 2\nshow "b": a + b = b + 2\nsection "two"\n    a\n  = 2\n', {});
    expect(report.shows.map((s) => s.verdict)).toEqual(['proved', 'proved']);
    expect(report.steps.map((s) => s.verdict)).toEqual(['refuted']);
  });

  it('is not used when cited in a later section, with a warning', async () => {
    const report = await checkSource('scalar a\nsection "one"\nassume a = 2\nshow "a": a = 2\nsection "two"\n    a\n  = 2   by "a"\n', {});
    expect(report.steps.map((s) => s.verdict)).toEqual(['refuted']);
    expect(report.diagnostics.map((d) => d.code)).toContain('show-other-section');
  });

  it('still holds on where it needed no section assumption', async () => {
    const report = await checkSource('scalar a\nassume a = 2\nsection "one"\nshow "a": a = 2\nsection "two"\n    a + a\n  = 4   by "a"\n', {});
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('show-other-section');
  });
});
