import { describe, expect, it } from 'vitest';
import type { Expr } from '../src/ast.js';
import { visit } from '../src/ast-walk.js';
import { now } from '../src/clock.js';
import { checkSource } from '../src/check/index.js';
import { OverTime, withDeadline } from '../src/deadline.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { loadKey } from '../src/grade/key.js';
import type { Submission } from '../src/grade/submission.js';

/**
 * Steps whose cost multiplies with nesting (found by a red-team helper: ∑_{i=1}^{2} written
 * 28 deep ran ~30 s under a 1 s limit, while a rule wrote it out term by term, and `deriv
 * check` lost the whole file to its hard limit). Each such step is `unknown`, within about
 * its own limit, with a reason that names the limit or the count of terms; the step before
 * (proved) and the step after (refuted) keep their verdicts.
 */
const TIMEOUT_MS = 300;
const nest = (depth: number, op: string, body: string, upper = '2'): string => `${`${op}_{i=1}^{${upper}} `.repeat(depth)}${body}`;
/** ∑_{i0=1}^{2} ∑_{i1=1}^{i0+1} ∑_{i2=1}^{i1+1} …: each inner range reads the index outside it. */
const dependent = (depth: number): string => Array.from({ length: depth }, (_, k) => `∑_{i${k}=1}^{${k === 0 ? '2' : `i${k - 1}+1`}} `).join('') + `i${depth - 1}`;

const CASES: readonly { name: string; decl?: string; step: string }[] = [
  { name: '∑ of 2 terms, 20 deep', step: `  ${nest(20, '∑', 'i')}\n= 0` },
  { name: '∑ of 2 terms, 28 deep', step: `  ${nest(28, '∑', 'i')}\n= 0` },
  { name: '∑ of 2 terms, 40 deep', step: `  ${nest(40, '∑', 'i')}\n= 0` },
  { name: '∏ of 2 factors, 28 deep', step: `  ${nest(28, '∏', '(i + 1)')}\n= 0` },
  { name: '∑ 28 deep of a free name', step: `  ${nest(28, '∑', 'x^i')}\n≤ 0` },
  { name: '∑ 28 deep on both sides', step: `  ${nest(28, '∑', 'x')}\n= ${nest(28, '∑', 'x')} + 1` },
  { name: 'inner bounds that read the outer index, 16 deep', decl: `integer ${Array.from({ length: 16 }, (_, k) => `i${k}`).join(', ')}\n`, step: `  ${dependent(16)}\n= 0` },
  { name: 'sums of 2000 terms inside one another', decl: 'integer j, k\n', step: '  ∑_{i=1}^{2000} ∑_{j=1}^{2000} ∑_{k=1}^{2000} i j k\n= 0' },
  { name: '∏ of matrices 28 deep', decl: 'matrix A in R^{n×n}\n', step: `  ${nest(28, '∏', 'A')}\n= A` },
  { name: 'a definition that is a deep ∑', decl: `define s = ${nest(28, '∑', 'i')}\n`, step: '  s\n= 0' },
  { name: 'd/dx of a deep ∑', step: `  d/dx (${nest(28, '∑', 'x i')})\n= 0` },
];

describe('a step whose cost multiplies with nesting is unknown within its limit; the others keep their verdicts', () => {
  it.each(CASES)('$name', async ({ decl, step }) => {
    const text = `scalar a\n${decl ?? ''}  a + a\n= 2a\n\n${step}\n\n  a\n= a + 1\n`;
    const started = Date.now();
    const report = await checkSource(text, { timeoutMs: TIMEOUT_MS });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'unknown', 'refuted']);
    expect(report.steps[1]!.message).toMatch(/time limit/);
    for (const s of report.steps) expect(s.durationMs ?? Infinity).toBeLessThan(TIMEOUT_MS * 3);
  });

  // (Red team rt128: with less of the file's budget left than the step's own limit, a step
  // said "the time limit ran out while searching …", naming neither limit, and told to raise
  // its own, which would not have helped.)
  it('a step searched until what was left of the file\'s budget ran out says so, not to raise its own limit', async () => {
    const report = await checkSource('scalar x\n  ∑_{i=1}^{5000} sin(i x)/i\n≤ 2\n', { timeoutMs: 5000, deadline: Date.now() + TIMEOUT_MS });
    expect(report.steps[0]!.verdict).toBe('unknown');
    expect(report.steps[0]!.message).toMatch(/^the time limit for the whole file ran out/);
    expect(report.steps[0]!.message).not.toMatch(/raise/);
  });

  it('says how many terms a deep ∑ has', async () => {
    const report = await checkSource(`  ${nest(28, '∑', 'i')}\n= 0\n`, { timeoutMs: TIMEOUT_MS });
    expect(report.steps[0]!.message).toBe('this ∑ has 2^28 terms (∑ and ∏ inside one another), too many to evaluate in the time limit');
  });

  it('still writes out and proves nested sums over short ranges', async () => {
    const report = await checkSource(`integer j\n  ${nest(3, '∑', 'i', '4')}\n= 160\n\n  ∑_{i=1}^{16} ∑_{j=1}^{16} (i + j)\n= 4352\n\n  ∑_{i=1}^{300} ∑_{j=1}^{300} i j\n= (∑_{i=1}^{300} i)^2\n`, { timeoutMs: 2000 });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved']);
  });
});

describe('grading a submission with a step whose cost multiplies with nesting', () => {
  it('keeps the points of every claim, and takes about the step limit, not the submission limit', async () => {
    const keyText = 'scalar a, b\nshow "1" [2 points]: (a+b)^2 = a^2 + 2 a b + b^2\n    (a+b)^2\n  = a^2 + 2 a b + b^2\nanswer "2" [3 points]: a = 2 b\n';
    const { key } = await loadKey(keyText, 'key.deriv', { timeoutMs: 2000 });
    const text = `scalar a, b\nshow "1": (a+b)^2 = a^2 + 2 a b + b^2\n    (a+b)^2\n  = a^2 + a b + b a + b^2\n  = a^2 + 2 a b + b^2\nanswer "2": 2b = a\n\nsection "scratch"\n  ${nest(34, '∑', 'i')}\n= 0\n`;
    const sub: Submission = { student: 's', files: [{ path: 's.deriv', text, problem: null }], problem: null };
    const started = Date.now();
    const result = await gradeSubmission(key!, sub, { seed: 1, stepTimeoutMs: TIMEOUT_MS, timeLimitMs: 20_000 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.claims.map((c) => c.points), JSON.stringify(result.claims.map((c) => c.failures))).toEqual([2, 3]);
    expect(result.points).toBe(5);
  });
});

describe('the hard stop inside walks (src/deadline.ts)', () => {
  it('stops a walk whose cost multiplies with depth, and only inside a step', () => {
    const range: [number, number] = [0, 0];
    let e: Expr = { kind: 'Var', name: { base: 'x', index: null, primes: 0, hat: false, range }, range };
    // x + x, its two operands one object: 2^40 nodes to visit, 40 to build.
    for (let k = 0; k < 40; k++) e = { kind: 'Binary', op: '+', left: e, right: e, range };
    const started = Date.now();
    let stopped: unknown = null;
    try {
      withDeadline(now() + 50, 'its time limit (50 ms)', 20, () => visit(e, () => {}));
    } catch (err) {
      stopped = err;
    }
    expect(stopped).toBeInstanceOf(OverTime);
    expect((stopped as OverTime).message).toBe('this step ran over its time limit (50 ms) and was stopped');
    expect(Date.now() - started).toBeLessThan(1000);
    // Outside a step there is no limit: the same walk now runs on until its own callback stops it.
    let n = 0;
    expect(() => visit(e, () => { if (++n > 100_000) throw new Error('enough'); })).toThrow('enough');
  });
});

describe('a step over its time limit names the flag that raises it', () => {
  // (A million points cannot be sampled in 100 ms: the limit runs out while sampling, or while
  // evaluating a point; each message says which flag raises it.)
  const text = 'scalar x\n  cos(x) + 2\n> 0\n';
  it('--timeout for deriv check', async () => {
    const report = await checkSource(text, { timeoutMs: 100, samples: 1_000_000 });
    expect(report.steps[0]!.verdict).toBe('unknown');
    expect(report.steps[0]!.message).toMatch(/^the time limit ran out.*\(raise --timeout\)$/);
  });

  it('--step-timeout for deriv grade (its --timeout is the whole submission\'s)', async () => {
    const { key } = await loadKey('scalar x\nshow "1" [2 points]: cos(x) + 2 > 0\n', 'key.deriv', { timeoutMs: 2000 });
    const sub: Submission = { student: 's', files: [{ path: 's.deriv', text: 'scalar x\nshow "1": cos(x) + 2 > 0\n', problem: null }], problem: null };
    const result = await gradeSubmission(key!, sub, { seed: 1, samples: 1_000_000, stepTimeoutMs: 100, timeLimitMs: 20_000 });
    const said = JSON.stringify(result.claims.map((c) => c.failures));
    expect(said).toMatch(/the time limit ran out[^"]*\(raise --step-timeout\)/);
    expect(said).not.toMatch(/raise --timeout/);
  });
});
