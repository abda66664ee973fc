import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { run } from '../src/cli.js';

/** The CLI in-process with the real checker and real files: what an editor on save gets. */
const root = path.join(import.meta.dirname, '..');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdout: (s) => { out += s; },
    stderr: (s) => { err += s; },
    readFile: (p) => readFile(path.resolve(root, p), 'utf8'),
    readStdin: async () => '',
    isTTY: false,
    env: {},
  });
  return { code, out, err };
}

it('checks the homework: every annotated line of wrong.deriv as expected, exit 1', async () => {
  const { code, out } = await cli(['check', '--format', 'json', 'derivations/wrong.deriv']);
  expect(code).toBe(1);
  const doc = JSON.parse(out) as { files: { errors: unknown[]; steps: { line: number; verdict: string; counterexample: unknown }[] }[] };
  const steps = doc.files[0]!.steps;
  expect(doc.files[0]!.errors).toEqual([]);
  expect(steps.map((s) => [s.line, s.verdict])).toEqual([
    [15, 'proved'], [16, 'refuted'], [30, 'refuted'], [32, 'refuted'], [34, 'proved'], [38, 'refuted'], [40, 'refuted'],
  ]);
  for (const s of steps) if (s.verdict === 'refuted') expect(s.counterexample).not.toBeNull();
});

it('prints one gcc line per finding for an editor, with file:line:col', async () => {
  const { out } = await cli(['check', '--format', 'gcc', 'derivations/wrong.deriv']);
  const lines = out.trim().split('\n').filter((l) => / error: /.test(l));
  expect(lines[0]).toMatch(/^derivations\/wrong\.deriv:16:3: error: step does not follow: refuted/);
  expect(lines.every((l) => /^derivations\/wrong\.deriv:\d+:\d+: error: /.test(l))).toBe(true);
});

it('exits 0 when every step passes, reading stdin', async () => {
  let out = '';
  const code = await run(['check', '-'], {
    stdout: (x) => { out += x; },
    stderr: () => {},
    readFile: async () => '',
    readStdin: async () => 'matrix A, B in R^{n×n}\n    (A B)ᵀ\n  = Bᵀ Aᵀ\n',
    isTTY: false,
    env: {},
  });
  expect(out).toMatch(/<stdin>:3:3 +✓ proved/);
  expect(out.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
  expect(code).toBe(0);
});
