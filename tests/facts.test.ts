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

// (Sixth red team:) a show is a fact where the definitions it was shown under are in force:
// `show "s0": g(x) = 5x²` with f(u) = u² proved `g(x) ≤ 5 ⇔ 5x² ≤ 5` in a section with f(u) = u³.
describe('a show holds where the definitions it was shown under hold', () => {
  const head = 'scalar x\ndefine f(u) = u^2\ndefine g(u) = f(u) + f(2u)\n';
  it('is not used in a section that defines anew what the file defines, with a warning', async () => {
    const report = await checkSource(`${head}show "s0": g(x) = 5x^2\n\nsection "A"\ndefine f(u) = u^3\n\n    g(x) ≤ 5 ⇔ 5x^2 ≤ 5     by "s0"\n`, {});
    expect(report.steps.map((s) => s.verdict)).toEqual(['refuted']);
    expect(report.diagnostics.map((d) => d.message)).toContain('show "s0" was shown where f had another definition than here, so it may not hold here: the step is checked without it');
  });

  it('shown in a section under its own definition of f, is not used in another where f is the file\'s', async () => {
    const report = await checkSource(`${head}\nsection "A"\ndefine f(u) = u^3\nshow "sA": g(x) = 9x^3\n\nsection "B"\n\n    g(x) + x ≤ 5 ⇔ 9x^3 + x ≤ 5     by "sA"\n`, {});
    expect(report.steps.map((s) => s.verdict)).toEqual(['refuted']);
    expect(report.diagnostics.map((d) => d.code)).toContain('show-other-definitions');
  });

  it('still holds in a section that only adds definitions of its own', async () => {
    const report = await checkSource(`${head}show "s0": g(x) = 5x^2\n\nsection "A"\ndefine h(u) = u + 1\n\n    g(x) + h(0)\n  = 5x^2 + 1     by "s0"\n`, {});
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved']);
    expect(report.diagnostics.map((d) => d.code)).not.toContain('show-other-definitions');
  });
});

describe('a cited fact with an error of its own', () => {
  // (`by u = 2` of a vector u: the shapes differ, reported at the fact. The step was unknown
  // and suggested `define u = 2`, which has the same error; it is now not checked, saying why.)
  it('leaves the step unchecked and says so, without suggesting the same fact again', async () => {
    const report = await checkSource('vector u in R^n\nscalar x\n    x + 1\n  = x + 1   by u = 2\n', {});
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual(['the two sides have different shapes: a vector in R^n and a scalar']);
    const step = report.steps[0]!;
    expect(step.verdict).toBe('error');
    expect(step.message).toBe('the fact cited in the justification, u = 2, has an error (reported on its own), so the step is not checked');
    expect(step.message).not.toMatch(/define/);
  });
});

describe('a show cited inside its own chain', () => {
  // (It said "no show named "s1" comes before this step", which is untrue: it comes before, and
  // is being proved by this very chain.)
  it('says the citation would be circular, and an unknown name still says there is none', async () => {
    const report = await checkSource('scalar x\nshow "s1": (x + 1)^2 = x^2 + 2x + 1\n    (x + 1)^2\n  = x^2 + 2x + 1     by "s1"\n  = x^2 + 2x + 1     by "s9"\n', {});
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning');
    expect(warnings.map((d) => d.code)).toEqual(['show-cites-itself', 'unknown-show']);
    expect(warnings[0]!.message).toBe('this step is part of the chain that proves show "s1", so it cannot cite it (that would be circular); the step is checked without it');
    expect(report.shows[0]!.verdict).toBe('proved');
  });

  it('still uses an earlier show of the same name', async () => {
    const report = await checkSource('scalar x\nshow "s1": x^2 = x x\nshow "s1": x^2 + 1 = x x + 1\n    x^2 + 1\n  = x x + 1     by "s1"\n', {});
    expect(report.diagnostics.map((d) => d.code)).not.toContain('show-cites-itself');
  });
});
