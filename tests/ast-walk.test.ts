import { describe, expect, it } from 'vitest';
import type { ChainStatement, Define, Expr } from '../src/ast.js';
import { bindersOf, children, exprKey, freeNames, mapChildren, substitute } from '../src/ast-walk.js';
import { replaceByKey, substitute as substituteIndexed, unfold, unfoldingOf, type Unfolding } from '../src/check/rewrite.js';
import { parseDerivation, parseExpression } from '../src/parse/index.js';
import { printExpr, printName } from '../src/print.js';
import { resolve } from '../src/types/resolve.js';
import type { Scope } from '../src/types/scope.js';

function parsed(text: string): Expr {
  const { expr, diagnostics } = parseExpression(text);
  expect(diagnostics).toEqual([]);
  return expr!;
}

/** The resolved head of the last chain of a file, with the file's definitions and scope. */
function typed(text: string): { e: Expr; defs: Unfolding[]; funcs: Define[]; scope: Scope } {
  const { ast, diagnostics } = parseDerivation(text);
  expect(diagnostics).toEqual([]);
  const r = resolve(ast);
  const chains = r.ast.statements.filter((s): s is ChainStatement => s.kind === 'ChainStatement');
  const last = chains[chains.length - 1]!;
  const scope = r.scopes.get(last)!;
  const defines = r.ast.statements.filter((s): s is Define => s.kind === 'Define');
  return {
    e: last.chain.head as Expr,
    defs: defines.filter((d) => !d.params).map((d) => unfoldingOf(d, scope)!),
    funcs: defines.filter((d) => d.params),
    scope,
  };
}

const subst = (pairs: [string, string][]) => new Map(pairs.map(([k, v]) => [k, parsed(v)]));

describe('binders', () => {
  it.each([
    ['∑_{i=1}^{n} x_i', ['i']],
    ['∏_{t=1}^{T} J_t', ['t']],
    ['lim_{T→∞} q^T', ['T']],
    ['d/dx x²', ['x']],
    ['∂/∂z f(z)', ['z']],
    ['∇_w L(w)', ['w']],
    ['a + b', []],
  ])('%s binds %j', (text, names) => {
    expect(bindersOf(parsed(text))).toEqual(names);
  });

  it('lists the subscripts of names as children', () => {
    expect(children(parsed('v_{t-1}')).map(printExpr)).toEqual(['t - 1']);
  });

  it('keeps the node itself when no child changes', () => {
    const e = parsed('∑_{i=1}^{n} (x_i + y)');
    expect(mapChildren(e, (c) => c)).toBe(e);
  });
});

describe('substitution never touches a bound name', () => {
  it.each([
    ['∑_{i=1}^{n} x_i', [['i', '5'], ['n', 'm']], '∑_{i=1}^{m} x_i'],
    ['∑_{i=1}^{i} x_i', [['i', '5']], '∑_{i=1}^{5} x_i'],
    ['lim_{T→∞} q^T + T', [['T', '3']], 'lim_{T→∞} q^T + 3'],
    ['∇_w L(w) + w', [['w', 'u']], '∇_w L(w) + u'],
    ['d/dx (x² y)', [['y', '2']], 'd/dx x²·2'],
    ['v_{t-1} + t', [['t', 't + 1']], 'v_t + (t + 1)'],
  ] as [string, [string, string][], string][])('%s with %j gives %s', (text, pairs, want) => {
    expect(printExpr(substituteIndexed(parsed(text), subst(pairs)))).toBe(want);
  });

  // (Capture: a replacement that mentions a name a binder inside binds renames the binder
  // first. Unfolding `S_i` by `S_t = ∑_{i=1}^{t} (t − i)` gave ∑_{i=1}^{i} (i − i) = 0, and the
  // sum rules proved ∑_{i=1}^{T} S_i = 0, red team rt130.)
  it.each([
    ['∑_{i=1}^{t} (t - i)', [['t', 'i']], "∑_{i'=1}^{i} (i - i')"],
    ['∑_{i=1}^{t} x_i β^{t-i}', [['t', 'i + 1']], "∑_{i'=1}^{i + 1} x_{i'} β^(i + 1 - i')"],
    ["∑_{i=1}^{t} (t - i - i')", [['t', 'i']], "∑_{i''=1}^{i} (i - i'' - i')"],
    ['∏_{k=1}^{n} (y + k)', [['y', 'k']], "∏_{k'=1}^{n} (k + k')"],
    // (Not to a name a binder inside holds: i′ there would capture the renamed i.)
    ["∑_{i=1}^{t} ∑_{i'=1}^{3} (t + i + i')", [['t', 'i']], "∑_{i''=1}^{i} (∑_{i'=1}^{3} (i + i'' + i'))"],
    ['lim_{T→∞} (x/T)', [['x', 'T²']], "lim_{T'→∞} T²/T'"],
    ['∑_{i=1}^{t} ∑_{j=1}^{i} (t - j)', [['t', 'j']], "∑_{i=1}^{j} (∑_{j'=1}^{i} (j - j'))"],
    // (No capture, no renaming: the bound name is not in what is put in.)
    ['∑_{i=1}^{t} (t - i)', [['t', 'n']], '∑_{i=1}^{n} (n - i)'],
    ['∑_{i=1}^{n} x_i + t', [['t', 'i']], '∑_{i=1}^{n} x_i + i'],
  ] as [string, [string, string][], string][])('renames a binder that would capture: %s with %j gives %s', (text, pairs, want) => {
    expect(printExpr(substituteIndexed(parsed(text), subst(pairs)))).toBe(want);
  });

  it('leaves a derivative whose variable would capture a name put in, and says so', () => {
    const blocked: string[] = [];
    const e = parsed('d/dx (x y)');
    expect(substitute(e, subst([['y', 'x']]), (i) => i, (at) => blocked.push(printExpr(at)))).toBe(e);
    expect(blocked).toEqual(['d/dx x y']);
  });

  it('leaves a derivative whose variable would be replaced, and says so', () => {
    const blocked: string[] = [];
    const e = parsed('∇_w L(w)');
    expect(substitute(e, subst([['w', 'g u']]), (i) => i, (at) => blocked.push(printExpr(at)))).toBe(e);
    expect(blocked).toEqual(['∇_w L(w)']);
  });

  it('unfolds a definition everywhere but under a binder of its name: ∇_w L(w) keeps ∇_w', () => {
    const { e, defs, funcs, scope } = typed('function L : R^n → R\nvector u, w in R^n\nscalar g\ndefine w = g u/‖u‖\n    ∇_w L(w) + w\n  = 0\n');
    expect(printExpr(unfold(e, defs, funcs, scope, null))).toBe('∇_w L(w) + g u/‖u‖');
  });

  it('does not unfold a definition whose value would be captured by a ∑ index', () => {
    const { e, defs, funcs, scope } = typed('integer i\ndefine a = i\n    ∑_{k=1}^{3} a + ∑_{i=1}^{3} a\n  = 0\n');
    expect(printExpr(unfold(e, defs, funcs, scope, null))).toBe('∑_{k=1}^{3} i + ∑_{i=1}^{3} a');
  });

  it('does not replace a cited fact inside a ∑ that binds one of its names', () => {
    const e = parsed('g_i + ∑_{i=1}^{n} g_i');
    const rules = new Map([[exprKey(parsed('g_i')), parsed('0')]]);
    expect(printExpr(replaceByKey(e, rules))).toBe('0 + ∑_{i=1}^{n} g_i');
  });
});

describe('free names', () => {
  it.each([
    ['∑_{i=1}^{n} x_i y', ['n', 'x_i', 'y']],
    ['∑_{i=1}^{n} x_i y', ['n', 'x_i', 'y']],
    ['lim_{T→∞} q^T', ['q']],
    ['∇_w L(w)', ['w']],
    ['v_{t-1}', ['v_{t - 1}', 't']],
  ])('%s mentions %j', (text, names) => {
    const e = parsed(text);
    const bound = new Set<string>();
    const got = freeNames(e, bound).map((v) => printName(v.name));
    // x_i's subscript i is bound by the ∑: x_i itself is listed (it names the family x), i is not.
    expect(got).toEqual(names);
  });
});

describe('identity is structural', () => {
  it.each([
    ['a b', 'a·b'],
    ['a*b', 'a b'],
    ['x0', 'x_0'],
    ['∑_{i=1}^{n} x_i', '∑_{k=1}^{n} x_k'],
    ['lim_{T→∞} q^T', 'lim_{S→∞} q^S'],
    ['(a + b)', 'a+b'],
    ['\\frac{1}{2}', '1/2'],
  ])('%s is %s', (a, b) => {
    expect(exprKey(parsed(a))).toBe(exprKey(parsed(b)));
  });

  it.each([
    ['∇_w L(w)', '∇_u L(u)'],
    ['a - b', 'b - a'],
    ['x_i', 'x_j'],
    ['‖A‖', '‖A‖_F'],
    ['a/b c', 'a/(b c)'],
  ])('%s is not %s', (a, b) => {
    expect(exprKey(parsed(a))).not.toBe(exprKey(parsed(b)));
  });
});
