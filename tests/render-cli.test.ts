import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { run, type CliIo } from '../src/cli.js';

/** `deriv render` and `deriv check --format html`, in-process on real files with the real checker. */
const root = path.join(import.meta.dirname, '..');

async function cli(args: string[], files: Record<string, string> = {}, stdin = ''): Promise<{ code: number; out: string; err: string; checks: number }> {
  let out = '';
  let err = '';
  let checks = 0;
  const io: CliIo = {
    stdout: (s) => { out += s; },
    stderr: (s) => { err += s; },
    readFile: (p) => (p in files ? Promise.resolve(files[p]!) : readFile(path.resolve(root, p), 'utf8')),
    readStdin: async () => stdin,
    isTTY: false,
    env: {},
    check: (text, options) => {
      checks++;
      return checkSource(text, options);
    },
  };
  const code = await run(args, io);
  return { code, out, err, checks };
}

describe('deriv render --to latex', () => {
  it('typesets without checking: exit 0, a fragment to paste', async () => {
    const r = await cli(['render', 'derivations/q3-taylor.deriv', '--to', 'latex']);
    expect(r.code).toBe(0);
    expect(r.checks).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      '% derivations/q3-taylor.deriv, typeset by deriv render --to latex',
      '% Needs \\usepackage{amsmath,amssymb}.',
    ]);
    expect(r.out).toContain('\\begin{align*}\n  \\hat{f}(x_0 - \\varepsilon g) &= f(x_0) + (x_0 - \\varepsilon g - x_0)^\\top g');
    expect(r.out).not.toContain('\\documentclass');
  });

  it('--standalone: a whole document', async () => {
    const r = await cli(['render', 'derivations/q3-taylor.deriv', '--to', 'latex', '--standalone']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}');
    expect(r.out.trimEnd().endsWith('\\end{document}')).toBe(true);
  });

  it('--verdicts: checks the file and marks each step; exit code as for check', async () => {
    const r = await cli(['render', 'derivations/wrong.deriv', '--to', 'latex', '--verdicts']);
    expect(r.code).toBe(1);
    expect(r.checks).toBe(1);
    expect(r.out).toContain('&= \\beta (-\\delta v_{t-1}) + \\delta (1 - \\beta) g_t \\tag*{$\\times$~refuted}');
    expect(r.out).toContain('\\tag*{$\\checkmark$~proved}');
    expect(r.out).toContain('\\hfill\\mbox{$\\times$~refuted}');
  });

  it('a file with errors: what parses is typeset, the errors go to stderr, exit 1', async () => {
    const r = await cli(['render', 'bad.deriv', '--to', 'latex'], { 'bad.deriv': 'scalar x\n    x + x\n  = 2x )\n' });
    expect(r.code).toBe(1);
    expect(r.out).toContain('x + x &= \\text{(does not parse)}');
    expect(r.err).toMatch(/^bad\.deriv:3:\d+: error: /);
  });

  it('reads stdin with -', async () => {
    const r = await cli(['render', '-', '--to', 'latex'], {}, 'scalar β\nβ + β\n  = 2β\n');
    expect(r.code).toBe(0);
    expect(r.out).toContain('% <stdin>, typeset by deriv render --to latex');
    expect(r.out).toContain('\\beta + \\beta &= 2 \\beta');
  });
});

describe('deriv render --to html, deriv check --format html', () => {
  it('render --to html: the checked report as one page; exit 1 for a refuted step', async () => {
    const r = await cli(['render', 'derivations/wrong.deriv', '--to', 'html']);
    expect(r.code).toBe(1);
    expect(r.out.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.out).toContain('<h2 class="file-name">derivations/wrong.deriv</h2>');
  });

  it('check --format html: several files on one page; exit 0 when all pass', async () => {
    const ok = 'scalar a, b\n(a + b)²\n  = a² + 2ab + b²\n';
    const r = await cli(['check', '--format', 'html', 'a.deriv', 'ok.deriv'], { 'a.deriv': ok, 'ok.deriv': ok });
    expect(r.code).toBe(0);
    expect(r.out).toContain('<a href="#f2">ok.deriv</a>');
    expect(r.out).toContain('<header class="summary passed">');
  });
});

describe('deriv render: usage errors exit 2', () => {
  const table: [string, string[], RegExp][] = [
    ['no --to', ['render', 'derivations/q3-taylor.deriv'], /required option '--to <format>'/],
    ['an unknown format', ['render', 'derivations/q3-taylor.deriv', '--to', 'pdf'], /argument 'pdf' is invalid.*latex, html/s],
    ['no file', ['render', '--to', 'latex'], /missing required argument 'file'/],
    ['an unreadable file', ['render', 'nope.deriv', '--to', 'latex'], /cannot read nope\.deriv: no such file/],
  ];
  for (const [what, args, message] of table) {
    it(what, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    });
  }
});
