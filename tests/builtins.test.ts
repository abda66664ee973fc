import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChainStatement, Expr, Shape } from '../src/ast.js';
import { BUILTINS, arityText, builtin, builtinFunction, builtinNorm, type Builtin } from '../src/builtins.js';
import { checkSource } from '../src/check/index.js';
import { parseDerivation } from '../src/parse/index.js';
import { printExpr } from '../src/print.js';
import { resolve } from '../src/types/resolve.js';
import { describeShape } from '../src/types/scope.js';

/** What a row's shape rule says about arguments, in words. */
function describeRule(b: Builtin, args: readonly Shape[]): string {
  const r = b.shape(args);
  return 'shape' in r ? describeShape(r.shape) : `needs ${r.expected}`;
}

/** The resolved head of `expr`, under a few declarations. */
function typed(expr: string): Expr {
  const { ast } = parseDerivation(`scalar x\nvector v in R^n\nmatrix A in R^{n×n}\n${expr}\n`);
  const r = resolve(ast);
  expect(r.diagnostics.map((d) => d.message), expr).toEqual([]);
  return (r.ast.statements.find((s): s is ChainStatement => s.kind === 'ChainStatement')!.chain.head) as Expr;
}

/** What a built-in resolved to: its row's name, read off the node it became. */
function rowOf(e: Expr): string {
  switch (e.kind) {
    case 'Call': return e.fn.base;
    case 'Abs': return 'abs';
    case 'Norm': return e.sub ? `norm_${e.sub}` : 'norm';
    case 'Expect': return e.op;
    case 'Const': return e.name;
    case 'Binary': return e.op === '^' && e.right.kind === 'Neg' ? 'inv' : `binary ${e.op}`;
    default: return e.kind;
  }
}

/** A use of a built-in written with one spelling, on an argument of the right shape. */
function useOf(name: string, spelling: string): string | null {
  const b = builtin(name)!;
  const arg = ['tr', 'det', 'λ_max', 'λ_min', 'norm_F', 'inv'].includes(name) ? 'A' : name === 'diag' ? 'v' : 'x';
  switch (b.notation) {
    case 'call': {
      if (spelling.includes('·') || spelling.includes('\\cdot') || spelling.startsWith('^') || spelling === '⁻¹' || spelling === '√') return null;
      const args = typeof b.arity === 'number' ? arg : `${arg}, ${arg}`;
      return `${spelling}(${args})`;
    }
    case 'bracket': return `${spelling}[x]`;
    case 'norm': return null;
    case 'constant': return spelling === 'I' ? null : spelling;
  }
}

describe('the table of built-ins: one row each', () => {
  it('has one row per name, and λ_min, ‖·‖_F, Cov are one row each', () => {
    const names = BUILTINS.map((b) => b.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of ['λ_min', 'norm_F', 'Cov']) expect(names.filter((x) => x === n)).toHaveLength(1);
  });

  const spellings = BUILTINS.flatMap((b) => [...b.spellings.ascii, ...b.spellings.unicode, ...b.spellings.latex]
    .map((s) => [b.name, s, useOf(b.name, s)] as const))
    .filter((row): row is readonly [string, string, string] => row[2] !== null);
  it.each(spellings)('%s is written %s', (name, _spelling, use) => {
    expect(rowOf(typed(use))).toBe(name);
  });

  // The grammar spells the functions usable without parentheses: each row with `prefix` must parse so.
  const prefixed = BUILTINS.filter((b) => b.prefix).flatMap((b) => [...b.spellings.ascii, ...b.spellings.latex]
    .map((s) => [b.name, `${s} ${['tr', 'det'].includes(b.name) ? 'A' : 'x'}`] as const));
  it.each(prefixed)('%s is applied without parentheses: %s', (name, use) => {
    expect(rowOf(typed(use))).toBe(name);
  });

  it.each([
    ['E(x)', 'E'],
    ['Var(x)', 'Var'],
    ['Cov(v, v)', 'Cov'],
  ])('%s with round brackets is the operator %s', (use, name) => expect(rowOf(typed(use))).toBe(name));

  it.each([
    ['‖A‖_F', 'norm_F'],
    ['‖v‖', 'norm'],
    ['‖v‖₂', 'norm'],
    ['norm(v)', 'norm'],
    ['|x|', 'abs'],
    ['√x', 'sqrt'],
    ['\\sqrt{x}', 'sqrt'],
    ['A⁻¹', 'inv'],
    ['inv(A)', 'inv'],
    ['trace(A)', 'tr'],
    ['ln(x)', 'log'],
  ])('%s uses the row %s', (use, name) => expect(rowOf(typed(use))).toBe(name));

  it.each([
    ['tr', [{ kind: 'matrix', rows: 'n', cols: 'n' }], 'a scalar'],
    ['tr', [{ kind: 'scalar' }], 'a scalar'],
    ['tr', [{ kind: 'matrix', rows: 'n', cols: 'm' }], 'needs a square matrix'],
    ['λ_min', [{ kind: 'scalar' }], 'a scalar'],
    ['diag', [{ kind: 'matrix', rows: 'n', cols: 1 }], 'a matrix in R^{n×n}'],
    ['diag', [{ kind: 'scalar' }], 'needs a vector'],
    ['sin', [{ kind: 'matrix', rows: 'n', cols: 1 }], 'a vector in R^n'],
    ['Cov', [{ kind: 'matrix', rows: 'n', cols: 1 }], 'a matrix in R^{n×n}'],
    ['Cov', [{ kind: 'matrix', rows: 'n', cols: 1 }, { kind: 'matrix', rows: 'm', cols: 1 }], 'a matrix in R^{n×m}'],
    ['Cov', [{ kind: 'scalar' }, { kind: 'scalar' }], 'a scalar'],
    ['Var', [{ kind: 'matrix', rows: 'n', cols: 1 }], 'needs a scalar (the covariance matrix of a vector x is Cov[x])'],
    ['max', [{ kind: 'scalar' }, { kind: 'matrix', rows: 'n', cols: 1 }], 'needs scalars'],
  ] as [string, Shape[], string][])('%s of %j is %s', (name, args, want) => {
    expect(describeRule(builtin(name)!, args)).toBe(want);
  });

  it.each([['sin', '1'], ['max', '2 or more'], ['Cov', '1 or 2'], ['pi', '0']])('%s takes %s argument(s)', (name, want) => {
    expect(arityText(builtin(name)!)).toBe(want);
  });

  it('finds functions by any ASCII spelling and norms by their subscript', () => {
    expect(builtinFunction('ln')?.name).toBe('log');
    expect(builtinFunction('lambda_min')?.name).toBe('λ_min');
    expect(builtinFunction('constructor')).toBeUndefined();
    expect(builtinNorm(null)?.name).toBe('norm');
    expect(builtinNorm('2')?.name).toBe('norm');
    expect(builtinNorm('F')?.evaluate).toBe('frobenius');
    expect(builtinNorm('1')).toBeUndefined();
  });

  it.each([
    ['sin', 'cos(u)'],
    ['cos', '-sin(u)'],
    ['tan', '1 + tan(u)²'],
    ['tanh', '1 - tanh(u)²'],
    ['exp', 'exp(u)'],
    ['log', '1/u'],
    ['sqrt', '1/(2·sqrt(u))'],
  ])('the derivative of %s(u) is %s', (name, want) => {
    const u: Expr = { kind: 'Var', name: { base: 'u', index: null, primes: 0, hat: false, range: [0, 1] }, range: [0, 1] };
    expect(printExpr(builtin(name)!.derivative!(u))).toBe(want);
  });

  it('gives every scalar function of one argument that nerdamer knows a derivative rule', () => {
    for (const b of BUILTINS) {
      if (b.notation === 'call' && b.arity === 1 && b.lowering === 'call' && b.nerdamer !== null) expect(b.derivative, b.name).not.toBeNull();
    }
  });
});

describe('built-ins evaluated where they are used', () => {
  it.each([
    ['λ_min(A) ≤ λ_max(A)', 'matrix A in R^{n×n} symmetric', 'checked'],
    ['λ_min(A) ≥ λ_max(A)', 'matrix A in R^{n×n} symmetric', 'refuted'],
    ['‖A‖_F² = tr(AᵀA)', 'matrix A in R^{n×n}', 'checked'],
    ['‖A‖_F = ‖A‖', 'matrix A in R^{n×n}', 'refuted'],
    ['‖A‖ ≤ ‖A‖_F', 'matrix A in R^{n×n}', 'checked'],
    ['tr(x) = x', 'scalar x', 'checked'],
    ['det(x) + λ_max(x) = 2x', 'scalar x', 'checked'],
    ['\\sin^2 x + \\cos^2 x = 1', 'scalar x', 'proved'],
    ['\\log z + \\log z = 2 \\log z', 'scalar z\nassume z > 0', 'proved'],
  ])('%s', async (step, decl, want) => {
    const report = await checkSource(`${decl}\n${step}\n`);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.steps.map((s) => s.verdict)).toEqual([want]);
  });

  it('says that Cov is not evaluated yet (unknown, never a pass)', async () => {
    const report = await checkSource('random x in R^n with E[x] = 0\nCov[x] = Cov[x]ᵀ\n');
    expect(report.steps.map((s) => s.verdict)).not.toContain('refuted');
  });
});

describe('where built-ins live', () => {
  it('builtins.ts imports no numeric or symbolic library (the evaluator maps its keys)', () => {
    const text = readFileSync(join(__dirname, '..', 'src', 'builtins.ts'), 'utf8');
    const imports = [...text.matchAll(/^import .* from '([^']+)';$/gmu)].map((m) => m[1]);
    expect(imports).toEqual(['./ast.js', './table.js']);
  });

  it('no other source file lists the built-in function names', () => {
    const dir = join(__dirname, '..', 'src');
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && f !== 'builtins.ts');
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      expect(text, f).not.toMatch(/\['sin', 'cos'/u);
      expect(text, f).not.toMatch(/new Set\(\[[^\]]*'λ_max'/u);
    }
  });
});
