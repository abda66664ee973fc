/**
 * Fuzzing the printer (issue 13): parsing an expression, printing it with `printExpr`
 * (src/print.ts, the canonical spelling every message and counterexample uses) and parsing
 * the print gives the same AST, ranges aside. So what deriv prints a student can paste back.
 */
import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/ast.js';
import { parseExpression } from '../../src/parse/index.js';
import { printExpr } from '../../src/print.js';
import { anyExpression, expression } from './generators.js';
import { fuzzParams, timeoutFor } from './settings.js';

const WORDS = ['lr_max'];

/** The AST as plain data without source positions (`implicit` says how a product was written: `a b` or `a·b`, not what it is; `leibniz`, how a derivative was: `dy/dx` or `d/dx y`). */
function shapeOf(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (k, v: unknown) => (k === 'range' || k === 'implicit' || k === 'leibniz' ? undefined : v)));
}

/** Prints the fuzzer found that did not read back (fixed in src/print.ts). */
const FOUND = [
  'd/dx A_{ij}',          // printed dA_{ij}/dx: a quotient of the words dA_{ij} and dx
  '(E[r_t])^{r_{t-1}}',   // printed E[r_t]^r_{t - 1}: a braced subscript in a bare exponent
  '|abs(a)| + ‖A u‖',     // printed ||a|| + ‖A u‖: ||a|| is a norm
  'abs(|‖-(u)‖|)',
];

function roundTrip(text: string): void {
  const first = parseExpression(text, WORDS).expr;
  expect(first, text).not.toBeNull();
  const printed = printExpr(first!);
  const again = parseExpression(printed, WORDS);
  expect(again.diagnostics.map((d) => d.message), `printed: ${printed}`).toEqual([]);
  expect(shapeOf(again.expr!), `printed: ${printed}`).toEqual(shapeOf(first!));
}

describe('fuzz: print, then parse, gives the same AST', () => {
  it.each(FOUND)('found by the fuzzer: %s', (text) => roundTrip(text));

  it('generated expressions of every construct', () => {
    let parsed = 0;
    fc.assert(fc.property(fc.oneof(anyExpression, expression('scalar', 4)), (text) => {
      const first = parseExpression(text, WORDS).expr;
      fc.pre(first !== null);
      parsed++;
      roundTrip(text);
    }), fuzzParams('print-parse', 400));
    expect(parsed).toBeGreaterThan(0);
  }, timeoutFor(30_000));
});

// Trees the checker builds, which the parser never makes: a name standing for a 1×1 product
// (normal-form.ts writes xᵀy as one name), a negative number, a quotient of numbers. Each must
// print with the brackets that make it read back as it is (`√((xᵀy)²) = xᵀy` was printed
// `sqrt(xᵀy²)`, which reads as xᵀ·y²).
const at: [number, number] = [0, 0];
const scalar = { kind: 'scalar' } as const;
const name = (base: string): Expr => ({ kind: 'Var', name: { base, index: null, primes: 0, hat: false, range: at }, range: at, shape: scalar });
const num = (value: string): Expr => ({ kind: 'Num', value, range: at, shape: scalar });
const bin = (op: '+' | '-' | '*' | '/' | '^', left: Expr, right: Expr, implicit = false): Expr => ({ kind: 'Binary', op, left, right, ...(implicit ? { implicit } : {}), range: at, shape: scalar });
const call = (fn: string, arg: Expr): Expr => ({ kind: 'Call', fn: { base: fn, index: null, primes: 0, hat: false, range: at }, args: [arg], range: at, shape: scalar });

describe('print, then parse, reads a built tree as it is', () => {
  it.each([
    ['(xᵀy)²', bin('^', name('xᵀy'), num('2')), '(xᵀ y)²'],
    ['√((xᵀy)²)', call('sqrt', bin('^', name('xᵀy'), num('2'))), 'sqrt((xᵀ y)²)'],
    ['(xᵀAy)³', bin('^', name('xᵀAy'), num('3')), '(xᵀAy)³'],
    ['(xᵀy)^k', bin('^', name('xᵀy'), name('k')), '(xᵀ y)^k'],
    ['(xᵀy)ᵀ', { kind: 'Transpose', arg: name('xᵀy'), range: at, shape: scalar } as Expr, '(xᵀ y)ᵀ'],
    ['(xᵀy)!', { kind: 'Factorial', arg: name('xᵀy'), range: at, shape: scalar } as Expr, '(xᵀ y)!'],
    ['a/(xᵀy)', bin('/', name('a'), name('xᵀy')), 'a/(xᵀ y)'],
    ['(u (A + B) v)²', bin('^', name('u (A + B) v'), num('2')), '(u (A + B) v)²'],
    // (After another factor or a minus, none: products associate, and 2·(aᵀb) is 2·aᵀ·b.)
    ['2 aᵀb', bin('*', num('2'), name('aᵀb'), true), '2 aᵀ b'],
    ['-xᵀy', { kind: 'Neg', arg: name('xᵀy'), range: at, shape: scalar } as Expr, '-xᵀ y'],
    ['tr(A)²', bin('^', name('tr(A)'), num('2')), 'tr(A)²'],
    ['‖x‖²', bin('^', name('‖x‖'), num('2')), '‖x‖²'],
    ['(-2)²', bin('^', num('-2'), num('2')), '(-2)²'],
    ['a·(-2)', bin('*', name('a'), num('-2'), true), 'a (-2)'],
    ['a·(-2), written with a dot', bin('*', name('a'), num('-2')), 'a·(-2)'],
    ['a/(-2)', bin('/', name('a'), num('-2')), 'a/(-2)'],
    ['a − (−2)', bin('-', name('a'), num('-2')), 'a - (-2)'],
    ['(1/3)²', bin('^', bin('/', num('1'), num('3')), num('2')), '(1/3)²'],
    ['x^(−1)', bin('^', name('x'), num('-1')), 'x^(-1)'],
    ['(10⁻¹⁰⁰)²', bin('^', num('1e-100'), num('2')), '(1e-100)²'],
  ])('%s', (_, tree, text) => {
    const printed = printExpr(tree);
    const again = parseExpression(printed, WORDS);
    expect(again.diagnostics.map((d) => d.message), `printed: ${printed}`).toEqual([]);
    expect(shapeOf(again.expr!), `printed: ${printed}`).toEqual(shapeOf(parseExpression(text, WORDS).expr!));
  });
});
