import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { run, type CliIo } from '../src/cli.js';
import { formatGcc } from '../src/report/gcc.js';
import { formatText } from '../src/report/text.js';
import type { FileReport, ShowResult, StepResult, Verdict } from '../src/result.js';
import { SourceFile } from '../src/source.js';

/**
 * `--format gcc` as editors read it without a language server: VS Code's gcc-style
 * problem matcher regex (examples/vscode/tasks.json), Vim's quickfix (its default
 * 'errorformat' and the gcc one), and `--stdin-filename` for unsaved buffers.
 */
const root = path.join(import.meta.dirname, '..');
const FIXTURES = ['tests/fixtures/gcc/mixed.deriv', 'tests/fixtures/lsp/unicode.deriv', 'derivations/wrong.deriv'];

/** The regex of VS Code's gcc-style matchers, as examples/vscode/tasks.json carries it. */
const VSCODE_GCC = /^(.*?):(\d+):(\d*):?\s+(?:fatal\s+)?(warning|error):\s+(.*)$/;

/** One finding as an editor reads it. */
interface Entry { file: string; line: number; column: number; severity: string; message: string }

/** A CLI run: exit code, output, and the reports it printed. */
interface CliRun { code: number; out: string; err: string; reports: FileReport[] }
const runs = new Map<string, Promise<CliRun>>();

/** Runs the CLI in-process with the real checker (each distinct command once: the seed is fixed, so it is the same run). */
function cli(args: string[], stdin = ''): Promise<CliRun> {
  const key = JSON.stringify([args, stdin]);
  let result = runs.get(key);
  if (result === undefined) {
    result = (async () => {
      let out = '';
      let err = '';
      const reports: FileReport[] = [];
      const io: CliIo = {
        stdout: (s) => void (out += s),
        stderr: (s) => void (err += s),
        readFile: (p) => readFile(path.resolve(root, p), 'utf8'),
        readStdin: async () => stdin,
        isTTY: false,
        env: {},
        check: async (text, options) => {
          const report = await checkSource(text, options);
          reports.push(report);
          return report;
        },
      };
      const code = await run(args, io);
      return { code, out, err, reports };
    })();
    runs.set(key, result);
  }
  return result;
}

/** The report `deriv check --format gcc FILE` printed. */
async function reportOf(file: string): Promise<FileReport> {
  return (await cli(['check', '--format', 'gcc', file])).reports[0]!;
}

/**
 * What an editor must list for a report, by the rule (not by the reporter's code):
 * diagnostics with their severity; refuted and error steps and shows as errors, unknown
 * ones as warnings; passing ones and errors already explained by a diagnostic not at all.
 */
function expectedEntries(report: FileReport): Entry[] {
  const source = new SourceFile(report.file, report.source);
  const severity = (v: Verdict): string => (v === 'unknown' ? 'warning' : 'error');
  const failing = (v: Verdict): boolean => v === 'refuted' || v === 'unknown' || v === 'error';
  const place = (offset: number) => source.position(offset);
  return [
    ...report.diagnostics.map((d) => ({ at: d.range[0], severity: d.severity, message: d.message })),
    ...report.steps.filter((s) => failing(s.verdict) && !s.secondary).map((s) => ({ at: s.relRange[0], severity: severity(s.verdict), message: s.message })),
    ...report.shows.filter((s) => failing(s.verdict) && !s.secondary).map((s) => ({ at: s.range[0], severity: severity(s.verdict), message: s.message })),
  ]
    .sort((a, b) => a.at - b.at)
    .map((e) => ({ file: report.file, line: place(e.at).line, column: place(e.at).column, severity: e.severity, message: e.message }));
}

/** Parses gcc lines with VS Code's regex; `note:` lines (related places) are left out, as VS Code leaves them. */
function parseVsCode(out: string): Entry[] {
  return out.trimEnd().split('\n').flatMap((line) => {
    const m = VSCODE_GCC.exec(line);
    if (m === null) {
      expect(line).toMatch(/^.*:\d+:\d+: note: /);
      return [];
    }
    return [{ file: m[1]!, line: Number(m[2]), column: Number(m[3]), severity: m[4]!, message: m[5]! }];
  });
}

/** Vim's `%f:%l:%c: %t%*[^:]: %m`, the gcc entry of 'errorformat', in TypeScript: type is the first letter. */
function parseVimGcc(line: string): { file: string; lnum: number; col: number; type: string; text: string } | null {
  const m = /^(.+?):(\d+):(\d+): ([A-Za-z])[^:]*: (.*)$/.exec(line);
  return m && { file: m[1]!, lnum: Number(m[2]), col: Number(m[3]), type: m[4]!, text: m[5]! };
}

function step(source: string, line: number, verdict: Verdict, extra: Partial<StepResult> = {}): StepResult {
  const at = new SourceFile('x', source).lineStarts[line - 1]! + 2;
  return {
    range: [at, at + 3], relRange: [at, at + 1], section: null, relation: '=', verdict,
    method: 'none', samples: 0, counterexample: null, message: `${verdict} here`, notes: [], ...extra,
  };
}

describe('--format gcc reads as VS Code and Vim expect', () => {
  it.each([
    ['refuted', 'error'],
    ['error', 'error'],
    ['unknown', 'warning'],
  ] as const)('a step or show whose verdict is %s is `%s:`', (verdict, word) => {
    const src = 'x\n  = y\n';
    const show: ShowResult = { name: 's', range: [0, 1], section: null, relation: '=', verdict, message: 'm', counterexample: null };
    const report: FileReport = { file: 'f.deriv', source: src, diagnostics: [], steps: [step(src, 2, verdict)], shows: [show] };
    const lines = formatGcc([report]).trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(VSCODE_GCC.exec(line)?.[4]).toBe(word);
    expect(lines.map((l) => parseVimGcc(l)?.type)).toEqual([word[0], word[0]]);
  });

  // (Red team:) a step after a line that does not parse had nothing on its line in gcc
  // output and no reason in the text view.
  it('says on its own line why a step after a broken line is not checked, as a note', async () => {
    for (const src of ['scalar a\n    a = a + 1.\n  = a\n  = a + 5\n', 'scalar a, b\n    (a+b)^2\n  = a^2 + 2a b\n      + b^2\n  = (a+b)^2\n']) {
      const report = await checkSource(src, { file: 'f.deriv' });
      const secondary = report.steps.filter((s) => s.secondary);
      expect(secondary).toHaveLength(1);
      const line = new SourceFile('f.deriv', src).position(secondary[0]!.relRange[0]).line;
      const gcc = formatGcc([report]).split('\n');
      expect(gcc.filter((l) => l.startsWith(`f.deriv:${line}:`) && /the line before has an error/.test(l))).toEqual([expect.stringMatching(/: note: /)]);
      expect(parseVsCode(formatGcc([report])).filter((e) => e.line === line)).toEqual([]);
      const text = formatText([report], { color: false }).split('\n');
      const at = text.findIndex((l) => l.startsWith(`f.deriv:${line}:`) && l.includes('! error'));
      expect(text[at + 1]).toMatch(/^ {3}the line before has an error, so this step is not checked$/);
    }
  });

  it('lists nothing for passing steps and shows (notes only with --verbose, which matchers skip)', () => {
    const src = 'x\n  = x\n';
    const report: FileReport = { file: 'f.deriv', source: src, diagnostics: [], steps: [step(src, 2, 'proved'), step(src, 2, 'checked')], shows: [] };
    expect(formatGcc([report])).toBe('');
    expect(parseVsCode(formatGcc([report], { verbose: true }))).toEqual([]);
  });

  it.each(FIXTURES)('%s: every finding matches the regex, at its place, with its severity', async (file) => {
    const { out, code, reports: [report] } = await cli(['check', '--format', 'gcc', file]);
    expect(code).toBe(1);
    const entries = parseVsCode(out);
    const expected = expectedEntries(report!);
    expect(entries.map(({ message: _m, ...e }) => e)).toEqual(expected.map(({ message: _m, ...e }) => e));
    // Each message carries the reason (and stays on one line).
    entries.forEach((e, i) => expect(e.message).toContain(expected[i]!.message));
    // The TypeScript reading of Vim's gcc 'errorformat' agrees with VS Code's.
    const vim = out.trimEnd().split('\n').map(parseVimGcc).filter((e) => e !== null && e.type !== 'n');
    expect(vim.map((e) => [e!.file, e!.lnum, e!.col, e!.type])).toEqual(entries.map((e) => [e.file, e.line, e.column, e.severity[0]]));
  });

  it('mixed.deriv has every kind: errors, warnings, refuted, unknown and error steps, an unknown show', async () => {
    const report = await reportOf(FIXTURES[0]!);
    expect(new Set(report.diagnostics.map((d) => d.severity))).toEqual(new Set(['error', 'warning']));
    expect(new Set(report.steps.map((s) => s.verdict))).toEqual(new Set(['proved', 'refuted', 'unknown', 'error']));
    expect(report.shows.map((s) => s.verdict)).toContain('unknown');
  });
});

describe('--stdin-filename', () => {
  const text = readFileSync(path.join(root, 'tests/fixtures/gcc/mixed.deriv'), 'utf8');

  it('names what - reads, in every format', async () => {
    const gcc = await cli(['check', '--format', 'gcc', '--stdin-filename', 'hw/q2.deriv', '-'], text);
    const fromFile = await cli(['check', '--format', 'gcc', 'tests/fixtures/gcc/mixed.deriv']);
    expect(gcc.out).toBe(fromFile.out.replaceAll('tests/fixtures/gcc/mixed.deriv', 'hw/q2.deriv'));
    const json = JSON.parse((await cli(['check', '--format', 'json', '--stdin-filename', 'hw/q2.deriv', '-'], text)).out);
    expect(json.files[0].file).toBe('hw/q2.deriv');
    expect((await cli(['check', '--stdin-filename', 'hw/q2.deriv', '-'], text)).out).toMatch(/^hw\/q2\.deriv:6:3 +✗ refuted/m);
    expect((await cli(['check', '-'], text)).out).toMatch(/^<stdin>:6:3 +✗ refuted/m);
  });

  it('is a usage error without -', async () => {
    const r = await cli(['check', '--stdin-filename', 'hw/q2.deriv', 'derivations/wrong.deriv']);
    expect(r).toEqual({ code: 2, out: '', err: 'deriv: --stdin-filename names stdin: use it with - among the files\n', reports: [] });
  });
});

/** Whether Debian's vim is here (`.ci/run` installs it). */
function hasVim(): boolean {
  try {
    execFileSync('vim', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const vim = hasVim();

describe(`Vim's quickfix list over --format gcc${vim ? '' : ' (skipped: vim is not installed; .ci/run installs it)'}`, () => {
  /** Loads `gccOutput` into Vim's quickfix list with `errorformat` (default: Vim's own) and jumps to each entry. */
  function quickfix(gccOutput: string, errorformat?: string) {
    const dir = mkdtempSync(path.join(tmpdir(), 'deriv-vim-'));
    try {
      const errors = path.join(dir, 'errors.txt');
      const result = path.join(dir, 'qf.json');
      writeFileSync(errors, gccOutput);
      const script = [
        'set encoding=utf-8 nomore',
        ...(errorformat !== undefined ? [`let &errorformat = ${JSON.stringify(errorformat)}`] : []),
        `cgetfile ${errors}`,
        'let out = []',
        'let qf = getqflist()',
        'for i in range(len(qf))',
        '  let e = qf[i]',
        '  if !e.valid | call add(out, {"valid": 0}) | continue | endif',
        '  silent execute "cc" (i + 1)',
        '  call add(out, {"valid": 1, "file": bufname(e.bufnr), "lnum": e.lnum, "col": e.col, "vcol": e.vcol, "type": e.type, "text": e.text, "cursor": charcol(".")})',
        'endfor',
        `call writefile([json_encode(out)], ${JSON.stringify(result)})`,
        'qa!',
      ];
      writeFileSync(path.join(dir, 'qf.vim'), `${script.join('\n')}\n`);
      execFileSync('vim', ['-es', '-u', 'NONE', '-i', 'NONE', '-N', '-S', path.join(dir, 'qf.vim')], { cwd: root, timeout: 30_000, stdio: 'ignore' });
      return JSON.parse(readFileSync(result, 'utf8')) as { valid: 0 | 1; file: string; lnum: number; col: number; vcol: number; type: string; text: string; cursor: number }[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it.skipIf(!vim).each(FIXTURES)("%s: Vim's default errorformat finds every line at its file and line", async (file) => {
    const { out } = await cli(['check', '--format', 'gcc', file]);
    const lines = out.trimEnd().split('\n');
    const qf = quickfix(out);
    expect(qf).toHaveLength(lines.length);
    qf.forEach((e, i) => {
      const [, f, l, c, rest] = /^(.*?):(\d+):(\d+):(.*)$/.exec(lines[i]!)!;
      expect(e).toMatchObject({ valid: 1, file: f, lnum: Number(l), col: Number(c), text: rest });
    });
  });

  it.skipIf(!vim).each(FIXTURES)("%s: with the gcc errorformat, Vim reads the type, and a screen column puts the cursor on the step's character", async (file) => {
    const { out } = await cli(['check', '--format', 'gcc', file]);
    const entries = out.trimEnd().split('\n').map(parseVimGcc);
    // %c (Vim's byte column): file, line, column and type as the TypeScript reading says.
    const byte = quickfix(out, '%f:%l:%c: %t%*[^:]: %m');
    expect(byte.map((e) => [e.file, e.lnum, e.col, e.type, e.text])).toEqual(entries.map((e) => [e!.file, e!.lnum, e!.col, e!.type, e!.text]));
    // %v (screen column): Vim's cursor lands on the code point the column counts, Greek and 𝑥 included.
    const screen = quickfix(out, '%f:%l:%v: %t%*[^:]: %m');
    expect(screen.map((e) => [e.lnum, e.cursor])).toEqual(entries.map((e) => [e!.lnum, e!.col]));
    // …where %c, a byte column, lands early after a Greek letter or 𝑥 (so the fixtures test something).
    if (file !== 'derivations/wrong.deriv') expect(byte.some((e) => e.cursor < e.col)).toBe(true);
  });
});

describe('examples/vscode/tasks.json: the problem matchers VS Code runs', () => {
  interface Matcher {
    owner: string;
    fileLocation: unknown;
    pattern: { regexp: string; file: number; line: number; column: number; severity: number; message: number };
    background?: { activeBegins: boolean; beginsPattern: string; endsPattern: string };
  }
  const tasks = (JSON.parse(readFileSync(path.join(root, 'examples', 'vscode', 'tasks.json'), 'utf8')) as {
    tasks: { label: string; args: string[]; isBackground?: boolean; problemMatcher: Matcher }[];
  }).tasks;

  /** What VS Code reads from output with a matcher's pattern (its regexps are JavaScript's). */
  function read(m: Matcher, out: string): Entry[] {
    const re = new RegExp(m.pattern.regexp);
    return out.split('\n').flatMap((line) => {
      const g = re.exec(line);
      return g ? [{ file: g[m.pattern.file]!, line: Number(g[m.pattern.line]), column: Number(g[m.pattern.column]), severity: g[m.pattern.severity]!, message: g[m.pattern.message]! }] : [];
    });
  }

  it('carries the gcc-style regex exactly, in both tasks', () => {
    expect(tasks.map((t) => t.label)).toEqual(['deriv: check this file', 'deriv: watch this file']);
    for (const t of tasks) expect(t.problemMatcher.pattern.regexp).toBe(VSCODE_GCC.source);
  });

  it.each(FIXTURES)('%s: the check task (gcc) and the watch task (text) find the same problems', async (file) => {
    const [check, watch] = tasks;
    const args = (t: (typeof tasks)[number]) => t.args.slice(1).filter((a) => a !== '--watch').map((a) => (a === '${file}' ? file : a));
    expect(args(check!)).toEqual(['check', '--format', 'gcc', file]);
    expect(args(watch!)).toEqual(['check', file]);
    const gcc = read(check!.problemMatcher, (await cli(args(check!))).out);
    const text = read(watch!.problemMatcher, (await cli(args(watch!))).out);
    const report = await reportOf(file);
    const places = (es: Entry[]) => es.map(({ message: _m, ...e }) => e);
    expect(places(gcc)).toEqual(places(expectedEntries(report)));
    expect(places(text)).toEqual(places(gcc));
  });

  it('the watch task knows where each re-check begins and ends', async () => {
    const bg = tasks[1]!.problemMatcher.background!;
    expect(tasks[1]!.isBackground).toBe(true);
    expect(bg.activeBegins).toBe(true);
    const out = (await cli(['check', FIXTURES[0]!])).out.trimEnd().split('\n');
    expect(out.filter((l) => new RegExp(bg.endsPattern).test(l))).toEqual([out.at(-1)]);
    // The line --watch prints on stderr before each re-check (tests/cli.test.ts pins it).
    expect('deriv: change detected, checking again').toMatch(new RegExp(bg.beginsPattern));
    expect(out.some((l) => new RegExp(bg.beginsPattern).test(l))).toBe(false);
  });
});
