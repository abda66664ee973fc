import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Expr, Formula, Name } from '../src/ast.js';
import { builtin, builtinFunction, builtinNorm } from '../src/builtins.js';
import { checkSource } from '../src/check/index.js';
import { parseDerivation, parseExpression, parseFormula } from '../src/parse/index.js';
import { unLatex } from '../src/parse/lines.js';
import { GREEK_LETTERS } from '../src/parse/names.js';

/**
 * LaTeX as a renderer writes it (`deriv render --to latex` will, from the `latex` column of
 * src/builtins.ts) must read back as the same AST: a small LaTeX printer here renders every
 * expression of the homework, and the parser must give back what it started from.
 */

const LETTER_NAMES = new Map<string, string>(
  Object.entries(GREEK_LETTERS).filter(([name]) => !name.startsWith('var')).map(([name, letter]) => [letter, `\\${name}`]),
);

function latexName(n: Name): string {
  let base = [...n.base].map((c) => LETTER_NAMES.get(c) ?? c).join('');
  if (base.length > 1 && !base.startsWith('\\') && !/^\\Delta/u.test(base)) base = `\\mathrm{${base}}`;
  if (n.hat) base = `\\hat{${base}}`;
  if (n.bar) base = `\\bar{${base}}`;
  return `${base}${n.index ? `_{${latex(n.index)}}` : ''}${"'".repeat(n.primes)}`;
}

const PREC = { add: 2, big: 3, mul: 4, neg: 5, pow: 6, atom: 8 } as const;

function prec(e: Expr): number {
  switch (e.kind) {
    case 'Binary': return e.op === '+' || e.op === '-' ? PREC.add : e.op === '^' ? PREC.pow : e.op === '/' ? PREC.atom : PREC.mul;
    case 'Neg': return PREC.neg;
    case 'BigOp': case 'Deriv': case 'Grad': case 'Limit': return PREC.big;
    default: return PREC.atom;
  }
}

const wrap = (e: Expr, min: number): string => (prec(e) < min ? `\\left(${latex(e)}\\right)` : latex(e));

function latex(e: Expr): string {
  switch (e.kind) {
    case 'Num': return e.value;
    case 'Const': return e.name === 'pi' ? '\\pi' : e.name === 'inf' ? '\\infty' : e.name;
    case 'Var': return latexName(e.name);
    case 'Neg': return `-${wrap(e.arg, PREC.pow)}`;
    case 'Binary':
      switch (e.op) {
        case '+': case '-': return `${wrap(e.left, PREC.add)} ${e.op} ${wrap(e.right, PREC.add + 1)}`;
        case '/': return `\\frac{${latex(e.left)}}{${latex(e.right)}}`;
        case '^': return `${wrap(e.left, PREC.atom)}^{${latex(e.right)}}`;
        case '*': {
          const right = e.implicit && prec(e.right) === PREC.neg ? `\\left(${latex(e.right)}\\right)` : wrap(e.right, PREC.mul + 1);
          return `${wrap(e.left, PREC.mul)}${e.implicit ? ' ' : ' \\cdot '}${right}`;
        }
      }
      break;
    case 'Transpose': return `${wrap(e.arg, PREC.atom)}^{\\top}`;
    case 'Factorial': return `${wrap(e.arg, PREC.atom)}!`;
    case 'Call': {
      const row = e.fn.index || e.fn.hat || e.fn.primes ? undefined : builtinFunction(e.fn.base);
      if (row?.name === 'sqrt') return `\\sqrt{${latex(e.args[0]!)}}`;
      const head = row ? row.latex : latexName(e.fn);
      return `${head}\\left(${e.args.map(latex).join(', ')}\\right)`;
    }
    case 'Abs': return `\\left|${latex(e.arg)}\\right|`;
    case 'Norm': {
      const row = builtinNorm(e.sub)!;
      return `\\left\\|${latex(e.arg)}\\right\\|${row.name === 'norm' ? '' : `_{${e.sub}}`}`;
    }
    case 'Component': return `${latexName(e.of.name)}_{${e.indices.map(latex).join(',')}}`;
    case 'BigOp': return `\\${e.op}_{${latexName(e.index)}=${latex(e.lower)}}^{${latex(e.upper)}} ${wrap(e.body, PREC.mul)}`;
    case 'Expect': return `${builtin(e.op)!.latex}\\left[${latex(e.arg)}${e.second ? `, ${latex(e.second)}` : ''}\\right]`;
    case 'Deriv': return e.partial
      ? `\\frac{\\partial}{\\partial ${latex(e.wrt)}} ${wrap(e.body, PREC.mul)}`
      : `\\frac{d}{d${latex(e.wrt)}} ${wrap(e.body, PREC.mul)}`;
    case 'Grad': return `\\nabla_{${latex(e.wrt)}} ${wrap(e.body, PREC.mul)}`;
    case 'Limit': return `\\lim_{${latex(e.wrt)} \\to ${latex(e.to)}} ${wrap(e.body, PREC.mul)}`;
  }
  throw new Error('unreachable');
}

const RELATION: Record<string, string> = { '=': '=', '≠': '\\ne', '<': '<', '≤': '\\le', '>': '>', '≥': '\\ge', '→': '\\to' };
const CONNECTIVE: Record<string, string> = { '⇔': '\\iff', '⇒': '\\implies', '∧': '\\land', '∨': '\\lor' };

function latexFormula(f: Formula): string {
  switch (f.kind) {
    case 'Compare': return f.operands.map((o, i) => (i === 0 ? latex(o) : ` ${RELATION[f.ops[i - 1]!]} ${latex(o)}`)).join('');
    case 'Logic': return `${latexFormula(f.left)} ${CONNECTIVE[f.op]} ${latexFormula(f.right)}`;
    case 'TagFact': return `${latex(f.subject)} \\text{ ${f.tag}}`;
  }
}

const KINDS = new Set([
  'Num', 'Const', 'Var', 'Neg', 'Binary', 'Transpose', 'Factorial', 'Call', 'Abs', 'Norm', 'Component', 'BigOp',
  'Expect', 'Deriv', 'Grad', 'Limit', 'Compare', 'Logic', 'TagFact',
]);

function itemsOf(value: unknown, out: (Expr | Formula)[] = []): (Expr | Formula)[] {
  if (Array.isArray(value)) for (const v of value) itemsOf(v, out);
  else if (typeof value === 'object' && value !== null) {
    const kind = (value as { kind?: unknown }).kind;
    if (typeof kind === 'string' && KINDS.has(kind)) out.push(value as Expr | Formula);
    else for (const [k, v] of Object.entries(value)) if (k !== 'range') itemsOf(v, out);
  }
  return out;
}

function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'range' && k !== 'shape').map(([k, v]) => [k, bare(v)]));
}

const isFormula = (x: Expr | Formula): x is Formula => x.kind === 'Compare' || x.kind === 'Logic' || x.kind === 'TagFact';

describe('LaTeX as a renderer writes it reads back as the same AST', () => {
  const dir = join(__dirname, '..', 'derivations');
  const files = readdirSync(dir).filter((f) => f.endsWith('.deriv'));
  it.each(files)('%s', (file) => {
    const { ast } = parseDerivation(readFileSync(join(dir, file), 'utf8'));
    for (const item of itemsOf(ast.statements)) {
      const text = isFormula(item) ? latexFormula(item) : latex(item);
      // As a line of a file reads it (`\text{ invertible}` loses its wrapper there).
      const line = unLatex(text);
      const back = isFormula(item) ? parseFormula(line).formula : parseExpression(line).expr;
      expect(back, text).not.toBeNull();
      expect(bare(back), text).toEqual(bare(item));
    }
  });

  it('reads a rendered align block with justifications as the same chain', async () => {
    const text = [
      'scalar \\beta, \\delta',
      'vector g_t, v_t, \\Delta\\theta_t in \\mathbb{R}^{n}',
      'matrix H in \\mathbb{R}^{n \\times n}',
      'assume 0 < \\beta < 1, \\delta > 0, H \\text{ invertible}',
      'define v_t = \\beta v_{t-1} + (1-\\beta) g_t for t \\ge 1',
      'define \\Delta\\theta_t = -\\delta v_t',
      '\\begin{align*}',
      '\\Delta\\theta_{t} &= -\\delta \\left(\\beta v_{t - 1} + \\left(1 - \\beta\\right) g_{t}\\right) && \\text{by def } v \\\\',
      '&= \\beta \\left(-\\delta v_{t - 1}\\right) - \\delta \\left(1 - \\beta\\right) g_{t} && \\text{by } \\text{algebra} \\\\',
      '&= H^{-1} H \\left(\\beta \\left(-\\delta v_{t - 1}\\right) - \\delta \\left(1 - \\beta\\right) g_{t}\\right) \\quad \\text{since } H \\text{ invertible}',
      '\\end{align*}',
      '',
    ].join('\n');
    const report = await checkSource(text, { file: 'rendered.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toEqual([]);
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved']);
  });
});

describe('derivatives as LaTeX typesets them', () => {
  // `\mathrm{d}` (upright, as typeset) was the name d, so \frac{\mathrm{d}}{\mathrm{d}x} x^2 = 2x
  // was refuted; and \frac{d x^3}{dx} was (d x³)/(d x), refuted too.
  it.each([
    ['\\frac{\\mathrm{d}}{\\mathrm{d}x} x^2 = 2x'],
    ['\\frac{\\operatorname{d}}{\\operatorname{d} x} \\sin x = \\cos x'],
    ['\\frac{\\mathrm{d}^2}{\\mathrm{d}x^2} x^3 = 6x'],
    ['\\mathrm{d}/\\mathrm{d}x (x y) = y'],
    ['\\frac{d x^3}{d x} = 3x^2'],
    ['\\frac{d y}{d x} = 0'],
    ['\\frac{\\mathrm{d} (x^2 + x)}{\\mathrm{d}x} = 2x + 1'],
    ['\\frac{\\partial x^2 y}{\\partial x} = 2 x y'],
  ])('%s', async (line) => {
    const report = await checkSource(`scalar x, y\n${line}\n`, { file: 'd.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toEqual([]);
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('reads d/dn and \\frac{d …}{d n} as quotients, with a warning, where d is a declared name (a dimension)', async () => {
    const report = await checkSource('scalar d, n, σ\nassume n > 0, d > 0\n\\frac{d σ^2}{d n} = σ^2/n\ndσ/dn = σ/n\n\\frac{\\mathrm{d}}{\\mathrm{d}n} n^2 = 2n\n', { file: 'd.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toEqual([
      "read 'd/dn σ²' as (d σ²)/(d n), since d is declared; for the other reading write \\frac{\\mathrm{d}}{\\mathrm{d}n} σ²",
      "read 'dσ/dn' as (d σ)/(d n), since d is declared; for the other reading write \\frac{\\mathrm{d}}{\\mathrm{d}n} σ",
    ]);
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved']);
  });

  it('does not take a family d_k for a declared d (red team)', async () => {
    const report = await checkSource('scalar d_k, x, y\ndy/dx = 0\n', { file: 'd.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toEqual([]);
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved']);
  });

  it('still reads a \\frac whose denominator is not d and a name as a fraction', async () => {
    const report = await checkSource('scalar a, b, d, x\n\\frac{d a}{b} = d a/b\n\\frac{d}{d} = 1\n', { file: 'd.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved']);
  });
});

/** An AST without its ranges: they differ with the spelling; the tree does not. */
const strip = (x: unknown): unknown => (Array.isArray(x) ? x.map(strip) : x && typeof x === 'object'
  ? Object.fromEntries(Object.entries(x).filter(([k]) => k !== 'range').map(([k, v]) => [k, strip(v)])) : x);

describe('LaTeX braces \\{ … \\} as brackets', () => {
  const same = (a: string, b: string) => expect(JSON.stringify(strip(parseExpression(a)))).toBe(JSON.stringify(strip(parseExpression(b))));

  it.each([
    ['\\max\\{0, x\\}', 'max(0, x)'],
    ['\\min\\left\\{a, b\\right\\}', 'min(a, b)'],
    ['\\left\\{ x + 1 \\right\\} y', '(x + 1) y'],
    ['2\\{a - b\\}', '2(a - b)'],
  ])('reads %s as %s', (latexText, plain) => same(latexText, plain));

  it('checks a ReLU step written with \\max\\{0, x\\}', async () => {
    const report = await checkSource('scalar x\n    \\max\\{0, x\\}\n  = (x + |x|)/2\n', { file: 'relu.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps[0]!.verdict).toBe('proved');
  });

  it.each([
    ['\\max \\{0, x\\}', 'max(0, x)'],
    ['\\min\\,\\{0, x\\}', 'min(0, x)'],
    ['x^\\frac12', 'x^(1/2)'],
  ])('reads %s (LaTeX ignores the space; one-token \\frac in an exponent) as %s', (latexText, plain) => same(latexText, plain));

  it('counts \\{ in the nesting limit, and says where it is passed', async () => {
    const text = `scalar x\n    ${'\\{'.repeat(55)}x${'\\}'.repeat(55)}\n  = x\n`;
    const report = await checkSource(text, { file: 'deep.deriv' });
    const error = report.diagnostics.find((d) => d.severity === 'error')!;
    expect(error.message).toBe('this expression is nested too deeply: expected at most 50 levels of brackets');
    expect(error.range[0]).toBe(text.indexOf('\\{') + 2 * 50);
  });

  it('says a stray \\} closes nothing', async () => {
    const report = await checkSource('scalar x\n    x + \\}\n  = x\n', { file: 'relu.deriv' });
    expect(report.diagnostics.find((d) => d.severity === 'error')!.message).toBe("'\\}' closes nothing: expected a '\\{' before it");
  });

  it('says which \\{ is never closed', async () => {
    const report = await checkSource('scalar x\n    \\max\\{0, x\n  = x\n', { file: 'relu.deriv' });
    const error = report.diagnostics.find((d) => d.severity === 'error')!;
    expect(error.message).toContain("'\\{' is never closed: expected '\\}'");
  });
});

describe('LaTeX shorthand: \\frac12, \\sin{x}', () => {
  it.each([
    ['\\frac12', '1/2'],
    ['\\frac12 x^2', '(1/2) x^2'],
    ['\\frac1x', '1/x'],
    ['\\frac{a}b', 'a/b'],
    ['\\frac1{b c}', '1/(b c)'],
    ['\\sin{x}', 'sin(x)'],
    ['\\log{x + 1}', 'log(x + 1)'],
    ['\\sin^2{x}', 'sin(x)^2'],
    ['\\sin{x}^2', 'sin(x)^2'],
    ['\\sin{x} y', 'sin(x) y'],
    ['\\frac d{dx} x^3', 'd/dx x^3'],
    ['\\frac\\partial{\\partial x} x^3', '∂/∂x x^3'],
  ])('reads %s as %s', (latexText, plain) => {
    expect(strip(parseExpression(latexText))).toEqual(strip(parseExpression(plain)));
  });

  it('reads \\sin{x}^2 as (sin x)², saying so (LaTeX shows sin x²)', async () => {
    const report = await checkSource('scalar x\n    \\sin{x}^2 + \\cos{x}^2\n  = 1\n', { file: 'trig.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toContain("read '\\sin{x}^2' as sin(x)^2; for the other reading write sin(x^2)");
    expect(report.steps[0]!.verdict).toBe('proved');
  });

  it.each(['\\sin{(x)}^2', '\\sin^2{x}', '\\sqrt{x}^2', '\\sin(x)^2'])('does not warn where the display is plain: %s', async (written) => {
    const report = await checkSource(`scalar x\n    ${written}\n  = ${written}\n`, { file: 'trig.deriv' });
    expect(report.diagnostics).toEqual([]);
  });

  it('reads \\frac d{dx} as the derivative (red team: it was d/(d·x), and d/dx x² = x passed)', async () => {
    const report = await checkSource('scalar x\n    \\frac d{d x} x^2\n  = 2x\n\n    \\frac d{d x} x^2\n  = x\n', { file: 'd.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'refuted']);
  });

  it('says that 2\\frac12 is the product 2·½, not the mixed number LaTeX shows', async () => {
    const report = await checkSource('scalar x\n    2\\frac12\n  = 1\n', { file: 'm.deriv' });
    expect(report.diagnostics.map((d) => d.message)).toContain("read '2\\frac12' as 2·(1/2); for the other reading write 2 + 1/2");
    const negative = await checkSource('scalar x\n    (-2\\frac12)\n  = -1\n', { file: 'm.deriv' });
    expect(negative.diagnostics.map((d) => d.message)).toContain("read '-2\\frac12' as -2·(1/2); for the other reading write -(2 + 1/2)");
  });

  it('checks ½‖w‖² written \\frac12 \\|w\\|^2', async () => {
    const report = await checkSource('vector w in R^n\n    \\frac12 \\|w\\|^2\n  = \\frac{w^T w}{2}\n', { file: 'l2.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps[0]!.verdict).toBe('proved');
  });
});

// (Red team:) spellings a student pastes from LaTeX, Word or a PDF that were errors.
describe('more spellings of the same symbols', () => {
  const same = (a: string, b: string) => expect(JSON.stringify(strip(parseExpression(a, ['v']).expr))).toBe(JSON.stringify(strip(parseExpression(b, ['v']).expr)));
  it.each([
    ['\\sum\\limits_{i=1}^{n} i', '\\sum_{i=1}^{n} i'],
    ['\\prod\\nolimits_{i=1}^{n} i', '\\prod_{i=1}^{n} i'],
    ['\\lim\\limits_{n \\to \\infty} 1/n', '\\lim_{n \\to \\infty} 1/n'],
    ['\\Vert v \\Vert^2', '‖v‖^2'],
    ['\\left\\Vert v \\right\\Vert', '‖v‖'],
    ['∥v∥', '‖v‖'],
    ['v⊺ v', 'vᵀ v'],
    ['a ∗ b', 'a · b'],
    ['a － b', 'a − b'],
  ])('reads %s as %s', (text, plain) => {
    expect(parseExpression(text, ['v']).diagnostics).toEqual([]);
    same(text, plain);
  });

  // (Red team:) 𝑥 pasted from Word or a PDF was a second, undeclared name beside x.
  it.each([
    ['𝑥 + 𝑥', '2x'],
    ['𝜃²', 'θ θ'],
    ['𝐰ᵀ𝐰', '‖w‖²'],
  ])('reads the mathematical letters of %s as plain letters: = %s', async (l, r) => {
    const report = await checkSource(`scalar x, θ\nvector w in R^n\n    ${l}\n  = ${r}\n`, { file: 'm.deriv' });
    expect(report.diagnostics).toEqual([]);
    expect(report.steps[0]!.verdict).toBe('proved');
  });

  // (Red team:) ℎ (U+210E) is the italic h the alphabet leaves out; \Vert nested in a norm.
  it.each([
    ['scalar h\nassume h = 2\n    ℎ + 1\n  = 3\n', 'proved'],
    ['vector u, v in R^n\n    \\Vert \\Vert u \\Vert v \\Vert\n  = ‖u‖ ‖v‖\n', 'checked'],
  ])('reads %j', async (text, want) => {
    const report = await checkSource(text, { file: 'h.deriv' });
    expect(report.diagnostics).toEqual([]);
    expect(report.steps[0]!.verdict).toBe(want);
  });

  // (Red team:) quoted text was rewritten too: show "a∗b" was reported as "a·b".
  it('keeps quoted text as written', async () => {
    const report = await checkSource('title "x∗y"\nscalar a, b\nshow "a∗b": a ∗ b = b a\n', { file: 'q.deriv' });
    expect(report.shows.map((s) => [s.name, s.verdict])).toEqual([['a∗b', 'proved']]);
  });

  it('keeps every column where a character is read as another (∥ as ‖)', async () => {
    const report = await checkSource('vector v in R^n\n    ∥v∥²\n  = v⊺v + 1\n', { file: 'c.deriv' });
    expect(report.steps[0]!.verdict).toBe('refuted');
    expect(report.source).toContain('∥v∥²');
    expect(report.steps[0]!.relRange[0]).toBe('vector v in R^n\n    ∥v∥²\n  '.length);
  });
});
