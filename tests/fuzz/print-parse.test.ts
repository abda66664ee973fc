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
