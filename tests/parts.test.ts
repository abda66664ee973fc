import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { mergePartReports, partsReadAlone } from '../src/check/parts.js';
import { derivationParts, parseDerivation } from '../src/parse/index.js';
import type { FileReport } from '../src/result.js';

/**
 * A long file of chains after its context is parsed and checked in parts (derivationParts,
 * mergePartReports; the CLI hands each part to its worker as soon as it is parsed). The parts
 * together must be the file: the same statements, diagnostics and report as the whole.
 */
const root = path.join(import.meta.dirname, '..');

/** Chains of every kind a part must carry over unchanged: errors, readings, citations, comments inside a chain, LaTeX. */
const CHAINS = [
  '    (x + 1)^2\n  = x^2 + 2x + 1\n',
  '    3xy^2\n  = 3 x y^2\n',
  '    x + (\n  = x\n',
  '    f(x)\n  = x^2 + 1 by def f\n',
  '    q + 1\n  = q + 1\n',
  '    a b\n  = b a by "L1"\n',
  '    x\n# a comment inside the chain\n  = x\n  ≤ x + 1\n',
  '    vᵀv\n  = ‖v‖^2\n',
  '    e^t(2t+1)\n  = e^t (2t + 1)\n',
  '    sin(x)^2 + cos(x)^2\n  = 1 \\\\\n',
  '  = x\n',
  '    log(a b)\n  = log a + log b\n',
  '    x^2\n  ≥ 0\n',
  '    sqrt(x^2)\n  = |x|\n',
];
const CONTEXT = 'title "parts"\n# a comment\nscalar a, b, x, y, z\nscalar a\nvector v in R^n\ndefine f(u) = u^2 + 1\nassume x > 0\n\\begin{align*}\n\n';
const mixed = CONTEXT + Array.from({ length: 90 }, (_, i) => CHAINS[(i * 5) % CHAINS.length]).join('\n') + '\\end{align*}\n';
const cases = (JSON.parse(readFileSync(path.join(root, 'tests/fixtures/cas-identities.json'), 'utf8')) as { cases: { left: string; right: string; rel: string; sympy?: string }[] })
  .cases.filter((c) => c.sympy && c.rel === '=');
const table = `scalar a, b, x, y, z\n${cases.map((c) => `    ${c.left}\n  = ${c.right}\n`).join('\n')}`;

/** Filler chains, with `specials` in place of the first, the middle and the last (red team's files). */
const filled = (context: string, specials: readonly string[]): string => {
  const chains = Array.from({ length: 45 }, (_, i) => `    ${i} + 2\n  = ${i + 2}\n`);
  [0, 22, 44].forEach((at, i) => { if (specials[i]) chains[at] = specials[i]!; });
  return `${context}${context ? '\n' : ''}${chains.join('\n')}`;
};
const lambda = filled('matrix A in R^{n×n}\nassume A symmetric\n', ['    λ_1 + 1\n  = 1 + λ_1\n', '    λ_1(A)\n  = λ_max(A)\n', '    λ_1(A) + 0\n  = λ_1(A)\n']);
const undeclaredD = filled('scalar x\n', ['    d x\n  = x d\n', '    d x + 1\n  = 1 + x d\n', '    2 d\n  = d + d\n']);
const commentsLast = `${Array.from({ length: 39 }, (_, i) => `    (x+${i})^2\n  = x^2 + ${2 * i} x + ${i * i}\n`).join('\n')}\n${'# comment\n'.repeat(10)}`;

const withoutTimes = (r: FileReport): unknown => JSON.parse(JSON.stringify(r, (k, v: unknown) => (k === 'durationMs' ? undefined : v)));

describe('a file of chains in parts', () => {
  it.each([['the mixed file', mixed], ['the identity table', table]])('%s: the parts hold the whole file\'s statements and diagnostics', (_what, text) => {
    const split = derivationParts(text)!;
    expect(split).not.toBeNull();
    const parts = [...split.parts];
    expect(parts.length).toBeGreaterThan(2);
    const whole = parseDerivation(text);
    const context = parts[0]!.ast.statements.filter((st) => st.range[0] < split.contextEnd);
    const chains = parts.flatMap((p) => p.ast.statements.filter((st) => st.range[0] >= split.contextEnd));
    expect([...context, ...chains]).toEqual(whole.ast.statements);
    const diagnostics = [...parts[0]!.diagnostics.filter((d) => d.range[0] < split.contextEnd), ...parts.flatMap((p) => p.diagnostics.filter((d) => d.range[0] >= split.contextEnd))];
    expect(diagnostics.sort((a, b) => a.range[0] - b.range[0])).toEqual(whole.diagnostics);
    // Every part holds the whole context.
    for (const p of parts) expect(p.ast.statements.filter((st) => st.range[0] < split.contextEnd)).toEqual(context);
  });

  it('checked in parts, gives the report the whole file gives', async () => {
    const split = derivationParts(mixed)!;
    const reports: FileReport[] = [];
    for (const part of split.parts) reports.push(await checkSource(mixed, { file: 'mixed.deriv' }, part));
    const whole = await checkSource(mixed, { file: 'mixed.deriv' });
    expect(whole.diagnostics.length).toBeGreaterThan(10);
    expect(new Set(whole.steps.map((s) => s.verdict)).size).toBeGreaterThan(2);
    expect(withoutTimes(mergePartReports('mixed.deriv', mixed, split.contextEnd, reports))).toEqual(withoutTimes(whole));
  });

  // A warning the resolver gives once per file comes once, at its first place (red team: the
  // undeclared σ and λ_1 were warned about in every part that used them).
  it.each([
    ['an undeclared function', '    σ(2z)\n  = σ(2z)\n', '    σ(3z)\n  = σ(3z)\n'],
    ['λ_1 read as λ_max', '    λ_1(Wᵀ W)\n  = λ_1(Wᵀ W)\n', '    λ_1(Wᵀ W) + 1\n  = 1 + λ_1(Wᵀ W)\n'],
  ])('%s: warned about once, as in the whole file', async (_what, early, late) => {
    const text = `scalar x, z\nmatrix W in R^{n×n}\n\n${early}\n${Array.from({ length: 50 }, (_, i) => `    (x + ${i})^2\n  = x^2 + ${2 * i} x + ${i * i}\n`).join('\n')}\n${late}`;
    const split = derivationParts(text)!;
    const reports: FileReport[] = [];
    for (const part of split.parts) reports.push(await checkSource(text, { file: 'w.deriv' }, part));
    const whole = await checkSource(text, { file: 'w.deriv' });
    expect(reports.filter((r) => r.diagnostics.length > 0).length).toBeGreaterThan(1);
    expect(withoutTimes(mergePartReports('w.deriv', text, split.contextEnd, reports))).toEqual(withoutTimes(whole));
  });

  // The whole file brings a name no declaration gives into scope at its first use, and reads
  // what follows in that light: a part cannot know what earlier parts brought in, so a file a
  // part of which used one is checked whole (red team: λ_1(A) = λ_max(A) was proved in its part,
  // an error in the whole file, where an earlier chain had made λ_1 a name).
  it('tells when a part used a name no declaration gives', async () => {
    const readAlone = async (text: string): Promise<boolean> => {
      const reports: FileReport[] = [];
      for (const part of derivationParts(text)!.parts) reports.push(await checkSource(text, { file: 'u.deriv' }, part));
      return partsReadAlone(reports);
    };
    expect(await readAlone(lambda)).toBe(false);
    expect(await readAlone(mixed)).toBe(false);
    expect(await readAlone(table)).toBe(true);
  });

  // Anything after the first chain that reaches across chains keeps the file whole.
  it.each([
    ['a show', 'show "L1": x = x\n'],
    ['a definition', 'define g = 2\n'],
    ['an assumption', 'assume y > 0\n'],
    ['a section', 'section "two"\n'],
    ['a declaration', 'scalar w\n'],
    ['an induction block', 'base:\n'],
  ])('is not split when %s follows the first chain', (_what, line) => {
    const long = CONTEXT + Array.from({ length: 80 }, (_, i) => CHAINS[i % CHAINS.length]).join('\n');
    expect(derivationParts(long)).not.toBeNull();
    const at = long.indexOf('\n\n', long.length / 2) + 2;
    expect(derivationParts(long.slice(0, at) + line + long.slice(at))).toBeNull();
  });

  // So does a context with more than declarations, definitions and assumptions: each part
  // would check its show again (red team: a show there was reported once per part, an induction
  // took each part's first chain as its base, and the file failed).
  it.each([
    ['a show', 'show "A": x + x = 2x\n'],
    ['an induction', 'integer t\ndefine u_0 = 0\ndefine u_t = u_{t-1} + 1 for t ≥ 1\nshow "S": u_t = t for all t ≥ 0 by induction on t\n  base:\n      u_0\n    = 0    by def u\n  inductive step:\n      u_t\n    = u_{t-1} + 1   by def u\n    = t  by IH\n'],
    ['an answer', 'answer "A": x\n'],
    ['a line starting with a no-break space and a relation', 'show "A":\n    x\n\u00a0 = x\n'],
  ])('is not split with %s before the first chain', (_what, lines) => {
    const long = (context: string) => `scalar x, y\n${context}\n${Array.from({ length: 60 }, (_, i) => `    (x + ${i})^2\n  = x^2 + ${2 * i} x + ${i * i}\n`).join('\n')}`;
    expect(derivationParts(long(''))).not.toBeNull();
    expect(derivationParts(long(lines))).toBeNull();
  });

  it('keeps short files and the homework whole', () => {
    expect(derivationParts(CONTEXT + CHAINS.join('\n'))).toBeNull();
    for (const f of readdirSync(path.join(root, 'derivations')).filter((n) => n.endsWith('.deriv'))) {
      expect(derivationParts(readFileSync(path.join(root, 'derivations', f), 'utf8')), f).toBeNull();
    }
    expect(derivationParts('scalar x\n\u0000')).toBeNull();
  });
});

const compiled = path.join(root, 'dist', 'src', 'check', 'isolated.js');

it.skipIf(!existsSync(compiled))('the CLI\'s worker checks a long file of chains in parts and reports it whole', async () => {
  const { isolatedChecker } = (await import(compiled)) as typeof import('../src/check/isolated.js');
  const checker = isolatedChecker({ eager: true });
  const report = await checker.check(mixed, { file: 'mixed.deriv' });
  await checker.close();
  expect(withoutTimes(report)).toEqual(withoutTimes(await checkSource(mixed, { file: 'mixed.deriv' })));
  // A part that runs over its limit is reported where it starts; the others still are.
  const slow = isolatedChecker({ budgetMs: 1 });
  const stopped = await slow.check(mixed, { file: 'mixed.deriv' });
  await slow.close();
  const limits = stopped.diagnostics.filter((d) => d.code === 'file-time-limit');
  expect(limits.length).toBeGreaterThan(1);
  expect(limits.every((d) => d.range[0] >= mixed.indexOf('\n    ') + 1)).toBe(true);
});

// Red team: files whose parts read names differently (checked whole instead), one whose last
// part holds only comments (merged: no 'nothing is checked' warning), and the table (merged).
it.skipIf(!existsSync(compiled))('the CLI\'s worker reports a file checked in parts or whole as the whole file is', async () => {
  const { isolatedChecker } = (await import(compiled)) as typeof import('../src/check/isolated.js');
  const checker = isolatedChecker({ eager: true });
  for (const [name, text] of [['lambda', lambda], ['d', undeclaredD], ['comments', commentsLast], ['k', `scalar x\nvector v in R^n\n\n${filled('', ['    v_k\n  = v_k\n', '', '    k + x\n  = x + k\n'])}`], ['table', table]] as const) {
    expect(derivationParts(text), name).not.toBeNull();
    const report = await checker.check(text, { file: `${name}.deriv` });
    expect(withoutTimes(report), name).toEqual(withoutTimes(await checkSource(text, { file: `${name}.deriv` })));
  }
  await checker.close();
}, 60_000);
