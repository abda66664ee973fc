import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileReport } from '../src/result.js';
import type { CheckTask } from '../src/run/check-worker.js';
import { JobPool } from '../src/run/pool.js';
import { compiled } from './helpers/compiled.js';

/**
 * The pathological corpus of issue 13 (item 2), each file checked the way `deriv check` does it:
 * in a worker thread with a memory cap (`resourceLimits`) and a time limit. Every entry ends
 * with the expected findings and verdicts (an error or `unknown` where nothing can be decided;
 * the right verdict where it can), within its limit, without running out of memory, and the
 * ordinary step after it (`p + p = 2p`) is still proved. Entries already pinned elsewhere with
 * their exact messages (tests/parse-errors.test.ts, robustness, soundness) are here for the
 * worker, the memory cap and the rest of the file.
 */
const GOOD = '\n\n    p + p\n  = 2p\n';
const TIMEOUT_MS = 2000;
const MEMORY_MB = 512;

interface Entry {
  readonly name: string;
  readonly text: string;
  /** Verdicts of the steps before the good one, in order. */
  readonly verdicts: readonly string[];
  /** Error codes that must be among the diagnostics. */
  readonly errors?: readonly string[];
  /** The whole file is refused (binary): no step at all, so nothing after it is checked. */
  readonly refused?: boolean;
  /** The good step comes first (the file is cut off after it). */
  readonly goodFirst?: boolean;
}

const CORPUS: readonly Entry[] = [
  // cosh is written out in exp with its argument twice: nested, the form doubled at each level
  // (twelve deep: 11 s and 870 MB).
  { name: 'cosh nested 40 deep', text: `    ${'cosh('.repeat(40)}p${')'.repeat(40)}\n  = 1`, verdicts: ['error'], errors: ['written-out-too-large'] },
  { name: 'sinh(p + cosh(p)) nested 14 deep', text: `    ${'sinh(p + cosh('.repeat(14)}p${'))'.repeat(14)}\n  = 1`, verdicts: ['error'], errors: ['written-out-too-large'] },
  { name: 'brackets nested 5000 deep', text: `    ${'('.repeat(5000)}x${')'.repeat(5000)}\n  = x`, verdicts: ['error'], errors: ['too-deep'] },
  {
    name: 'a 10 MB file', goodFirst: true, errors: ['file-too-large'], verdicts: [],
    text: Array.from({ length: 420_000 }, (_, i) => `zq${i} ~~ ${'w'.repeat(10)}`).join('\n'),
  },
  { name: 'a 100,000-term sum', text: `    ${Array(100_000).fill('x').join(' + ')}\n  = 100000 x`, verdicts: ['error'], errors: ['line-too-long'] },
  // (Red team:) a tree this deep overflowed the stack in the worker (the file lost every verdict).
  { name: 'a 3,500-term sum', text: `    ${Array(3500).fill('x').join(' + ')}\n  = 3500 x`, verdicts: ['error'], errors: ['too-deep'] },
  { name: 'x followed by 4000 ⁻¹', text: `    x${'⁻¹'.repeat(4000)}\n  = x`, verdicts: ['error'], errors: ['too-deep'] },
  // (Red team:) each symbolic derivative multiplied the size: 12 s and 870 MB under a 100 ms limit.
  { name: 'eight nested d/dx', text: `    ${'d/dx '.repeat(8)}exp(sin(x)^2 cos(x)^3 tan(x))\n  = 0`, verdicts: ['refuted'] },
  { name: '(a+b)^200', text: '    (a+b)^200\n  = a^200 + b^200\n  = (b + a)^200', verdicts: ['refuted', 'refuted'] },
  { name: 'x^(10^9)', text: '    x^(10^9)\n  = (x^2)^(5·10^8)\n  = x^(10^9) + 1', verdicts: ['proved', 'refuted'] },
  { name: '10^(10^10)', text: '    10^(10^10) + 1\n  = 10^(10^10)\n\n    10^(10^10)\n  = 0', verdicts: ['unknown', 'refuted'] },
  { name: '2^2^2^2^2^2', text: '    2^2^2^2^2^2\n  = 2^65536', verdicts: ['unknown'] },
  { name: 'a factorial of 10^6', text: '    (10^6)!\n  = 10^6 · (10^6 - 1)!\n  = (10^6)! + 1', verdicts: ['unknown', 'unknown'] },
  {
    name: 'a 50×50 matrix product chain',
    text: `matrix A, B, C in R^{50×50}\n    ${Array(60).fill('A B C').join(' ')}\n  = ${Array(60).fill('A B C').join(' ')} + I - I\n  = ${Array(60).fill('A C B').join(' ')}`,
    verdicts: ['unknown', 'unknown'],
  },
  {
    name: 'names __proto__, constructor, toString, hasOwnProperty',
    text: 'scalar __proto__, constructor, toString, hasOwnProperty, valueOf\n    toString + valueOf\n  = valueOf + toString\n  = __proto__ + constructor + hasOwnProperty',
    verdicts: ['proved', 'refuted'],
  },
  // As the CLI reads it: invalid bytes decode to U+FFFD, and the file is refused with a located error.
  { name: 'invalid UTF-8', text: Buffer.from([...Buffer.from('    x\n  = x'), 0xc3, 0x28, 0xff]).toString('utf8'), verdicts: [], errors: ['binary-file'], refused: true },
  { name: 'NUL bytes', text: '    x\n  = x\u0000\u0000', verdicts: [], errors: ['binary-file'], refused: true },
  { name: 'CRLF and lone CR', text: 'scalar a\r\n    a + a\r\n  = 2a\r\n\r\n    a\r  = a + 1\r', verdicts: ['proved', 'refuted'] },
  { name: 'a byte-order mark', text: '\uFEFFscalar a\n    a + a\n  = 2a', verdicts: ['proved'] },
  { name: 'right-to-left marks', text: '    a \u200F+ b\n  = b + a\u202E\n\n    \u202Ea\n  = a + 1', verdicts: ['error', 'error'], errors: ['unexpected-character'] },
  { name: '10,000 sections', text: Array.from({ length: 10_000 }, (_, i) => `section "s${i}"`).join('\n'), verdicts: [] },
  { name: 'define v_t = v_t + 1', text: 'scalar v_t\ndefine v_t = v_t + 1\n    v_t\n  = v_t + 1\n  = v_3', verdicts: ['unknown', 'unknown'] },
  { name: 'mutually recursive definitions', text: 'define a = b + 1\ndefine b = a - 1\n    a\n  = b + 1\n  = a + 2', verdicts: ['unknown', 'unknown'] },
  {
    // Found by the fuzzer: each unfolding of w squares the expression inside Var[…], and each
    // expectation opened a fresh evaluation, so neither the rules nor the sampler stopped (47 s).
    name: 'a definition that reaches itself through Var[…]',
    text: 'scalar a\nvector u, w in R^n\nmatrix A in R^{n×n}\nrandom q in R^n with E[q] = 0, E[q qᵀ] = I\ndefine w = (Var[(wᵀq)^2]) ((a) (u))\n    (∑_{i=1}^{k} w) (u)ᵀ\n  = (sin(a)) (A)',
    verdicts: ['unknown'],
  },
  {
    name: 'an induction whose base is never reached',
    text: 'scalar u_t\ndefine u_t = u_{t+1} + 1   for t ≥ 0\n    u_0\n  = 5\n\nshow "s": u_t = 0   for all t ≥ 0   by induction on t\n  step:\n      u_t\n    = u_{t+1} + 1   by def u\n    = 0',
    verdicts: ['unknown', 'unknown', 'unknown'], errors: ['step-before-base'],
  },
];

let pool: JobPool<CheckTask, FileReport>;

beforeAll(async () => {
  const worker = pathToFileURL(path.join(await compiled(), 'src', 'run', 'check-worker.js'));
  pool = new JobPool<CheckTask, FileReport>({ worker, threads: 2, memoryMb: MEMORY_MB });
}, 240_000);

afterAll(async () => { await pool?.close(); });

describe('the pathological corpus, in a worker with a memory cap', () => {
  it.each(CORPUS)('$name', async (entry) => {
    const text = entry.goodFirst ? `${GOOD.trimStart()}\n${entry.text}` : `${entry.text}${GOOD}`;
    const steps = entry.verdicts.length + (entry.refused ? 0 : 1);
    // The file's budget as `deriv check` gives it: far above what these need, far below a hang.
    const outcome = await pool.run({ text, options: { timeoutMs: TIMEOUT_MS } }, { timeoutMs: TIMEOUT_MS * (steps + 2) + 30_000 });
    if (!outcome.ok) throw new Error(`${outcome.kind}: ${outcome.message}`);
    const report = outcome.value;
    const codes = report.diagnostics.map((d) => d.code);
    expect(codes).not.toContain('internal-error');
    expect(codes).not.toContain('file-crashed');
    for (const code of entry.errors ?? []) expect(codes).toContain(code);
    const verdicts = report.steps.map((s) => s.verdict);
    if (entry.refused) {
      expect(verdicts).toEqual([]);
      return;
    }
    const good = entry.goodFirst ? verdicts[0] : verdicts[verdicts.length - 1];
    const rest = entry.goodFirst ? verdicts.slice(1) : verdicts.slice(0, -1);
    expect(good, 'the ordinary step after the pathological part').toBe('proved');
    expect(rest).toEqual(entry.verdicts);
    // Each step keeps to its own limit (with room for a loaded machine), not just the file to its budget.
    for (const st of report.steps.filter((s) => s.verdict !== 'error')) expect(st.durationMs ?? Infinity, `step ${st.relation} at ${JSON.stringify(st.range)}`).toBeLessThan(TIMEOUT_MS * 3);
    for (const sh of report.shows) expect(['error', 'unknown']).toContain(sh.verdict);
  }, 120_000);
});
