import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyByGrammar, classifyQuickly } from '../src/parse/classify.js';
import { splitLines } from '../src/parse/lines.js';

const ROOT = join(import.meta.dirname, '..');

/** Every non-blank line's code in the .deriv files of a folder. */
function linesOf(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).filter((f) => f.endsWith('.deriv'))
    .flatMap((f) => splitLines(readFileSync(join(ROOT, folder, f), 'utf8')).map((l) => l.code).filter((c) => c.trim() !== ''));
}

/** Lines at the edges of the quick classification: spacing, keywords as prefixes, every relation spelling. */
const EDGES = [
  '= a', '== a', '=> a', '==> a', '=', '   = x', '\t= x', '\u00A0= x', '\\, = x', '\\le x', '<= x', '<=> x', '< x', '> x',
  '≤ x', '⩽ x', '≥ x', '⩾ x', '≠ x', '!= x', '→ x', '⟶ x', '-> x', '⇔ x', '⟺ x', '⇒ x', '⟹ x', '≈ x', '~ x', ':= x',
  'show x = 1', 'show: x', 'shows = 1', 'show_1 = 2', 'show1 = 2', 'showé = 1', 'show∈ R', 'show', 'define f(x) = x',
  'title "a"', 'section "b"', 'scalar a', 'integer n', 'vector v in R^n', 'matrix A in R^{n×n}', 'function f: R → R',
  'random X', 'assume a > 0', 'answer "a": x = 1', 'base: x = 1', 'base case: x', 'step: x', 'inductive step: x',
  'induction step: x', 'baseline = 2', 'steps = 1', 'a = b', 'x', '2x = 4', '(a + b)^2', '|x| ≤ 1', '‖x‖ = 1',
  '[x]', '{x}', 'β = 1', 'Δx = 1', '∇_x f', '∑_{i=1}^n i', '∂f/∂x', '²', 'ᵀ', 'E[X] = 0', '𝔼[X] = 0', '√x',
  ' '.repeat(63) + '=>', ' '.repeat(60) + 'show', ' '.repeat(70) + 'x', '',
];

describe('the quick classification of a line', () => {
  const lines = [...linesOf('derivations'), ...linesOf('examples'), ...EDGES];

  it.each(lines.map((l) => [l]))('agrees with the grammar: %j', (line) => {
    const start = line.slice(0, 64);
    const quick = classifyQuickly(start);
    if (quick !== null) expect(quick).toEqual(classifyByGrammar(start));
  });

  it('decides most lines of the homework without the grammar', () => {
    const homework = linesOf('derivations');
    const decided = homework.filter((l) => classifyQuickly(l.slice(0, 64)) !== null).length;
    expect(decided / homework.length).toBeGreaterThan(0.8);
  });
});
