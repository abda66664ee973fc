import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckOptions } from '../src/check/index.js';
import { run, type CheckFn, type CliIo, type WatchFn } from '../src/cli.js';
import type { Diagnostic } from '../src/diagnostics.js';
import type { FileReport, StepResult, Verdict } from '../src/result.js';

/**
 * A fake checker reading verdicts off the text: each line starting with a relation is a
 * step whose verdict is its `# verdict` comment (default proved); `!error` makes an error
 * diagnostic, `!warning` a warning, `!refuted-show` a refuted show, `!throw` a crash.
 */
const fakeCheck: CheckFn = async (text, options) => {
  if (text.includes('!throw')) throw new Error('boom');
  const file = options.file ?? '<stdin>';
  const steps: StepResult[] = [];
  const diagnostics: Diagnostic[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const rel = line.search(/[=≤<]/);
    if (/^\s*[=≤<]/.test(line)) {
      const verdict = (/#\s*(\w+)/.exec(line)?.[1] ?? 'proved') as Verdict;
      steps.push({
        range: [offset + rel, offset + line.replace(/\s*#.*$/, '').length],
        relRange: [offset + rel, offset + rel + 1],
        section: null,
        relation: line[rel]!,
        verdict,
        method: verdict === 'refuted' ? 'sampling' : 'symbolic',
        samples: verdict === 'refuted' ? 3 : 0,
        counterexample: verdict === 'refuted' ? { assignments: [['x', '2']], left: '4', right: '5' } : null,
        message: `fake ${verdict}`,
        notes: [],
      });
    }
    for (const severity of ['error', 'warning'] as const) {
      const at = line.indexOf(`!${severity}`);
      if (at >= 0) diagnostics.push({ severity, code: `fake-${severity}`, message: `a fake ${severity}`, range: [offset + at, offset + at + 6], notes: [] });
    }
    offset += line.length + 1;
  }
  const shows = text.includes('!refuted-show')
    ? [{ name: 's', range: [0, 4] as const, section: null, relation: '=', verdict: 'refuted' as const, message: 'no', counterexample: null }]
    : [];
  return { file, source: text, diagnostics, steps, shows };
};

interface Fake {
  io: CliIo;
  out: () => string;
  err: () => string;
  calls: { text: string; options: CheckOptions }[];
}

function fake(files: Record<string, string>, over: Partial<CliIo> & { stdin?: string } = {}): Fake {
  let out = '';
  let err = '';
  const calls: Fake['calls'] = [];
  let stdinReads = 0;
  const { stdin, ...rest } = over;
  const io: CliIo = {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readFile: async (path) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
    },
    readStdin: async () => {
      if (stdinReads++ > 0) throw new Error('stdin read twice');
      return stdin ?? '';
    },
    isTTY: false,
    env: {},
    check: async (text, options) => {
      calls.push({ text, options });
      return fakeCheck(text, options);
    },
    ...rest,
  };
  return { io, out: () => out, err: () => err, calls };
}

const GOOD = 'x + x\n  = 2x\n  = x·2\n';
const BAD = 'x + x\n  = 2x\n  = x^2   # refuted\n';
const UNKNOWN = 'x\n  ≤ y   # unknown\n';
const ANSI = /\u001b\[/;

describe('deriv check: exit codes', () => {
  const table: [string, Record<string, string>, number][] = [
    ['every step passed', { 'a.deriv': GOOD, 'b.deriv': GOOD }, 0],
    ['a refuted step', { 'a.deriv': GOOD, 'b.deriv': BAD }, 1],
    ['an unknown step', { 'a.deriv': UNKNOWN }, 1],
    ['an error step', { 'a.deriv': 'x\n  = y  # error\n' }, 1],
    ['an error diagnostic, no steps', { 'a.deriv': 'scalar !error\n' }, 1],
    ['a warning only', { 'a.deriv': `!warning\n${GOOD}` }, 0],
    ['a refuted show', { 'a.deriv': `!refuted-show\n${GOOD}` }, 1],
    ['nothing to check', { 'a.deriv': '' }, 0],
  ];
  for (const [what, files, code] of table) {
    it(`exits ${code} on ${what}`, async () => {
      const f = fake(files);
      expect(await run(['check', ...Object.keys(files)], f.io)).toBe(code);
      expect(f.err()).toBe('');
    });
  }

  it('prints the closing line last', async () => {
    const f = fake({ 'a.deriv': GOOD, 'b.deriv': BAD });
    await run(['check', 'a.deriv', 'b.deriv'], f.io);
    expect(f.out()).toMatch(/\n3 passed, 1 failed\n$/);
    expect(f.out()).toContain('b.deriv:3:3: error: step does not follow: refuted\n');
    expect(f.out()).toContain('   counterexample: x = 2\n     left  = 4   right = 5\n');
  });
});

describe('deriv check: formats', () => {
  it('--format json prints one parseable document', async () => {
    const f = fake({ 'a.deriv': GOOD, 'b.deriv': BAD });
    expect(await run(['check', '--format', 'json', 'a.deriv', 'b.deriv'], f.io)).toBe(1);
    const doc = JSON.parse(f.out());
    expect(doc.version).toBe(1);
    expect(doc.files.map((x: { file: string }) => x.file)).toEqual(['a.deriv', 'b.deriv']);
    expect(doc.files[1].steps[1]).toMatchObject({ line: 3, column: 3, verdict: 'refuted', counterexample: { assignments: [['x', '2']] } });
    expect(doc.summary).toEqual({ passed: 3, failed: 1, proved: 3, checked: 0, refuted: 1, unknown: 0, errors: 0 });
  });

  it('--format gcc prints one line per finding', async () => {
    const f = fake({ 'b.deriv': BAD, 'u.deriv': UNKNOWN });
    expect(await run(['check', '-f', 'gcc', 'b.deriv', 'u.deriv'], f.io)).toBe(1);
    expect(f.out()).toBe(
      'b.deriv:3:3: error: step does not follow: refuted — fake refuted; counterexample: x = 2; left = 4, right = 5\n' +
        'u.deriv:2:3: warning: step could not be checked: fake unknown\n',
    );
  });

  it('--format gcc --verbose adds passing steps as notes', async () => {
    const f = fake({ 'a.deriv': GOOD });
    expect(await run(['check', '--format=gcc', '--verbose', 'a.deriv'], f.io)).toBe(0);
    expect(f.out()).toBe('a.deriv:2:3: note: step proved: fake proved\na.deriv:3:3: note: step proved: fake proved\n');
  });

  it('colours text only on a TTY without NO_COLOR (and not for TERM=dumb)', async () => {
    const cases: [boolean, Record<string, string>, boolean][] = [
      [true, {}, true],
      [true, { NO_COLOR: '1' }, false],
      [true, { NO_COLOR: '' }, true],
      [true, { TERM: 'dumb' }, false],
      [false, {}, false],
    ];
    for (const [isTTY, env, coloured] of cases) {
      const f = fake({ 'b.deriv': BAD }, { isTTY, env });
      await run(['check', 'b.deriv'], f.io);
      expect(ANSI.test(f.out()), JSON.stringify({ isTTY, env })).toBe(coloured);
    }
    for (const format of ['gcc', 'json']) {
      const f = fake({ 'b.deriv': BAD }, { isTTY: true });
      await run(['check', '--format', format, 'b.deriv'], f.io);
      expect(ANSI.test(f.out())).toBe(false);
    }
  });
});

describe('deriv check: input', () => {
  it('reports a missing file on stderr, still checks the rest, exits 2', async () => {
    const f = fake({ 'a.deriv': GOOD, 'b.deriv': BAD });
    expect(await run(['check', 'a.deriv', 'missing.deriv', 'b.deriv'], f.io)).toBe(2);
    expect(f.err()).toBe('deriv: cannot read missing.deriv: no such file\n');
    expect(f.calls.map((c) => c.options.file)).toEqual(['a.deriv', 'b.deriv']);
    expect(f.out()).toContain('b.deriv:3:3');
    expect(f.out()).toMatch(/3 passed, 1 failed\n$/);
  });

  it('names other read errors briefly', async () => {
    const f = fake({}, { readFile: async () => Promise.reject(Object.assign(new Error('EISDIR'), { code: 'EISDIR' })) });
    expect(await run(['check', 'folder'], f.io)).toBe(2);
    expect(f.err()).toBe('deriv: cannot read folder: it is a directory\n');
  });

  it('reads stdin for -, once, as <stdin>', async () => {
    const f = fake({ 'a.deriv': GOOD }, { stdin: BAD });
    expect(await run(['check', '-', 'a.deriv', '-'], f.io)).toBe(1);
    expect(f.calls.map((c) => c.options.file)).toEqual(['<stdin>', 'a.deriv', '<stdin>']);
    expect(f.calls[0]!.text).toBe(BAD);
    expect(f.out()).toContain('<stdin>:3:3: error: step does not follow: refuted');
  });

  it('drops a byte-order mark before checking', async () => {
    const f = fake({ 'a.deriv': `\ufeff${GOOD}` });
    expect(await run(['check', 'a.deriv'], f.io)).toBe(0);
    expect(f.calls[0]!.text).toBe(GOOD);
  });

  it('turns a checker crash into an internal-error diagnostic for that file only', async () => {
    const f = fake({ 'a.deriv': 'x\n!throw\n', 'b.deriv': GOOD });
    expect(await run(['check', '--format', 'json', 'a.deriv', 'b.deriv'], f.io)).toBe(1);
    const doc = JSON.parse(f.out());
    expect(doc.files[0].errors).toEqual([
      expect.objectContaining({ code: 'internal-error', line: 1, column: 1, severity: 'error', message: expect.stringContaining('boom') }),
    ]);
    expect(doc.files[1].steps).toHaveLength(2);
    expect(f.err()).toBe('');
  });

  it('passes --seed, --samples and --timeout to the checker, with defaults', async () => {
    const f = fake({ 'a.deriv': GOOD });
    await run(['check', '--seed', '7', '--samples', '5', '--timeout', '100', 'a.deriv'], f.io);
    await run(['check', 'a.deriv'], f.io);
    expect(f.calls.map((c) => c.options)).toEqual([
      { file: 'a.deriv', seed: 7, samples: 5, timeoutMs: 100 },
      { file: 'a.deriv', seed: 20261125, samples: 24, timeoutMs: 2000 },
    ]);
  });

  it('uses the real checker when none is given', async () => {
    const f = fake({ 'a.deriv': GOOD }, { check: undefined });
    const code = await run(['check', '--format', 'json', 'a.deriv'], f.io);
    expect([0, 1]).toContain(code);
    expect(JSON.parse(f.out()).files[0].file).toBe('a.deriv');
  });
});

describe('deriv check and render: a file that is not text is unreadable input', () => {
  // (Red team, F8:) a binary or non-UTF-8 file exited 1; CLI.md: exit 2 on unreadable input
  // (README: the other files are still checked). Read as UTF-8, invalid bytes become U+FFFD.
  const BINARY = '\u007fELF\u0002\u0001\u0000\u0000\u00de\u00ad';
  const NOT_UTF8 = 'scalar a\n\ufffd\ufffd show "x": a = a\n';
  const NUL_INSIDE = 'scalar a\n  a + a\n= 2a\u0000\n';
  const OK = 'scalar a\n  a + a\n= 2a\n';
  const table: [string, string[], Record<string, string>, number][] = [
    ['check: a binary file', ['check', 'b.deriv'], { 'b.deriv': BINARY }, 2],
    ['check: a file that is not UTF-8', ['check', 'b.deriv'], { 'b.deriv': NOT_UTF8 }, 2],
    ['check: a NUL byte in a text file', ['check', 'b.deriv'], { 'b.deriv': NUL_INSIDE }, 2],
    ['check --format json: a binary file', ['check', '--format', 'json', 'b.deriv'], { 'b.deriv': BINARY }, 2],
    ['check: a binary file among good ones', ['check', 'a.deriv', 'b.deriv', 'c.deriv'], { 'a.deriv': OK, 'b.deriv': BINARY, 'c.deriv': OK }, 2],
    ['render --to latex: a binary file', ['render', '--to', 'latex', 'b.deriv'], { 'b.deriv': BINARY }, 2],
    ['render --to html: a binary file', ['render', '--to', 'html', 'b.deriv'], { 'b.deriv': NOT_UTF8 }, 2],
    ['check: good files (as before)', ['check', 'a.deriv', 'c.deriv'], { 'a.deriv': OK, 'c.deriv': OK }, 0],
    ['check: an empty file is read; nothing to check is an error (as before)', ['check', 'e.deriv'], { 'e.deriv': '' }, 1],
  ];
  for (const [what, argv, files, code] of table) {
    it(`${what}: exit ${code}`, async () => {
      const f = fake(files, { check: undefined });
      expect(await run(argv, f.io)).toBe(code);
      if (code === 2) {
        expect(f.err()).toMatch(/(^|\n)(deriv: cannot read b\.deriv|b\.deriv:\d+:\d+: error): this does not look like a text file/);
      } else {
        expect(f.err()).toBe('');
      }
      // One bad file never stops a batch: the others are checked and reported.
      if (files['c.deriv'] !== undefined) expect(f.out()).toContain('c.deriv:3:1  ✓ proved');
    });
  }
});

describe('deriv: usage', () => {
  const usage: [string, string[], RegExp][] = [
    ['a non-number --samples', ['check', '--samples', 'abc', 'a.deriv'], /--samples.*abc|abc.*--samples/],
    ['--samples 0', ['check', '--samples', '0', 'a.deriv'], /--samples/],
    ['a negative --seed', ['check', '--seed=-1', 'a.deriv'], /--seed/],
    ['a fractional --timeout', ['check', '--timeout', '1.5', 'a.deriv'], /--timeout/],
    ['an unknown format', ['check', '--format', 'xml', 'a.deriv'], /xml/],
    ['an unknown option', ['check', '--fast', 'a.deriv'], /--fast/],
    ['no files', ['check'], /missing required argument/],
    ['an unknown command', ['chek', 'a.deriv'], /unknown command 'chek'/],
    ['no command', [], /Usage: deriv/],
  ];
  for (const [what, argv, message] of usage) {
    it(`exits 2 on ${what}, saying why on stderr`, async () => {
      const f = fake({ 'a.deriv': GOOD });
      expect(await run(argv, f.io)).toBe(2);
      expect(f.err()).toMatch(message);
      expect(f.out()).toBe('');
      expect(f.calls).toEqual([]);
    });
  }

  it('--help and check --help print usage on stdout and exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['check', '--help']]) {
      const f = fake({});
      expect(await run(argv, f.io)).toBe(0);
      expect(f.out()).toMatch(/^Usage: deriv/);
      expect(f.err()).toBe('');
    }
    const f = fake({});
    await run(['check', '--help'], f.io);
    for (const option of ['--format', '--seed', '--samples', '--timeout', '--watch']) expect(f.out()).toContain(option);
  });

  it('--version prints the package version', async () => {
    const f = fake({});
    expect(await run(['--version'], f.io)).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(f.out()).toBe(`${pkg.version}\n`);
  });
});

describe('deriv check --watch', () => {
  it('checks again on each change and returns the last exit code', async () => {
    const files = { 'a.deriv': GOOD };
    const watch: WatchFn = async (paths, onChange) => {
      expect(paths).toEqual(['a.deriv']);
      files['a.deriv'] = BAD;
      onChange();
      onChange();
    };
    const f = fake(files, { watch });
    expect(await run(['check', '--watch', 'a.deriv'], f.io)).toBe(1);
    expect(f.calls).toHaveLength(3);
    expect(f.out().match(/passed, \d+ failed/g)).toEqual(['passed, 0 failed', 'passed, 1 failed', 'passed, 1 failed']);
    expect(f.err()).toBe('deriv: change detected, checking again\n'.repeat(2));
  });

  it('starts watching before it prints the first report: a save right after it is not lost', async () => {
    let printedBeforeWatch: string | null = null;
    const files = { 'a.deriv': GOOD };
    const f = fake(files, {
      watch: async () => {
        printedBeforeWatch = f.out();
      },
    });
    expect(await run(['check', '--watch', 'a.deriv'], f.io)).toBe(0);
    expect(printedBeforeWatch).toBe('');
    expect(f.out()).toMatch(/passed, 0 failed/);
  });

  it('is a usage error on stdin or where watching is unavailable', async () => {
    const f = fake({ 'a.deriv': GOOD }, { watch: async () => {} });
    expect(await run(['check', '--watch', '-'], f.io)).toBe(2);
    expect(f.err()).toContain('cannot watch stdin');
    const g = fake({ 'a.deriv': GOOD });
    expect(await run(['check', '--watch', 'a.deriv'], g.io)).toBe(2);
    expect(g.err()).toContain('--watch is not available');
  });
});

const BIN = new URL('../bin/deriv.js', import.meta.url);
const BUILT = existsSync(new URL('../dist/src/cli.js', import.meta.url));

describe.skipIf(!BUILT)('bin/deriv.js (after npm run build)', () => {
  it('runs and sets the exit code', () => {
    const version = execFileSync(process.execPath, [BIN.pathname, '--version'], { encoding: 'utf8' });
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    let status = 0;
    try {
      execFileSync(process.execPath, [BIN.pathname, 'check', '--samples', 'abc', 'x'], { stdio: 'pipe' });
    } catch (error) {
      status = (error as { status: number }).status;
    }
    expect(status).toBe(2);
  });

  // (Red team:) `yes 'x = x' | deriv check -` grew to 9 GB and never ended; /dev/zero said
  // "Invalid string length". Past 64 MB an input is not read further: a read error, exit 2.
  it.each([
    ['stdin past 64 MB', ['check', '-'], Buffer.alloc((64 << 20) + 4096, 'x = x\n'), /cannot read stdin: it is larger than 64 MB/],
    ['/dev/zero', ['check', '/dev/zero'], Buffer.alloc(0), /cannot read \/dev\/zero: it is larger than 64 MB/],
  ])('refuses %s with a read error', (_name, args, input, message) => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [BIN.pathname, ...args], { input, stdio: 'pipe', maxBuffer: 1 << 20 });
    } catch (error) {
      status = (error as { status: number }).status;
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
  }, 60_000);

  // bin/deriv.js beside a dist/ of its own: the built modules (a link to dist/src) and a
  // stand-in for the CLI's bundle that says it ran.
  describe('runs the CLI\'s bundle (dist/cli/cli.cjs) when it is there and current', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'deriv-bin-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(path.join(root, 'bin'));
    mkdirSync(path.join(root, 'dist', 'cli'), { recursive: true });
    copyFileSync(BIN, path.join(root, 'bin', 'deriv.js'));
    writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
    symlinkSync(new URL('../dist/src', import.meta.url), path.join(root, 'dist', 'src'), 'dir');
    const bundle = path.join(root, 'dist', 'cli', 'cli.cjs');
    const deriv = (...args: string[]): { status: number; out: string } => {
      try {
        const input = 'scalar a\n    a + a\n  = 2a\n';
        return { status: 0, out: execFileSync(process.execPath, [path.join(root, 'bin', 'deriv.js'), ...args], { encoding: 'utf8', input, stdio: 'pipe' }) };
      } catch (error) {
        return { status: (error as { status: number }).status, out: String((error as { stdout: string }).stdout) };
      }
    };
    const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

    it('runs it, checks included', () => {
      writeFileSync(bundle, [
        'exports.checkFileCount = (args) => args.length;',
        'exports.isolatedChecker = (limits) => ({ limits });',
        'exports.nodeIo = ({ checker }) => ({ checker });',
        "exports.run = async (argv, io) => { process.stdout.write(`bundled ${argv.join(' ')} ${JSON.stringify(io.checker?.limits)}\\n`); return 3; };",
      ].join('\n'));
      expect(deriv('--version')).toEqual({ status: 3, out: 'bundled --version undefined\n' });
      expect(deriv('check', 'a.deriv', 'b.deriv')).toEqual({ status: 3, out: 'bundled check a.deriv b.deriv {"inThread":true,"eager":true}\n' });
    });

    it('runs the modules instead when it is older than dist/src/cli.js (tsc ran since), or missing', () => {
      const older = new Date(Date.now() - 365 * 86_400_000);
      utimesSync(bundle, older, older);
      expect(deriv('--version')).toEqual({ status: 0, out: `${version}\n` });
      expect(deriv('check', '--format', 'json', '-')).toMatchObject({ status: 0, out: expect.stringContaining('"verdict": "proved"') });
      rmSync(bundle);
      expect(deriv('--version')).toEqual({ status: 0, out: `${version}\n` });
    });
  });

  // bin/deriv.js exits once stdout and stderr are flushed, not after Node's teardown: a report
  // larger than a pipe's buffer, read slowly, still arrives whole, with the exit code.
  it('writes a report larger than a pipe buffer whole to a slow reader, then exits with its code', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deriv-pipe-'));
    const file = path.join(dir, 'many.deriv');
    writeFileSync(file, `scalar x\n${Array.from({ length: 150 }, (_, i) => `    (x + ${i})^2\n  = x^2 + ${2 * i} x + ${i * i + (i % 2)}\n`).join('\n')}`);
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${BIN.pathname}" check --format json "${file}" | (sleep 1; cat); echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const status = out.slice(out.lastIndexOf('status '));
    const report = JSON.parse(out.slice(0, out.lastIndexOf('status '))) as { summary: { proved: number; refuted: number } };
    expect(out.length).toBeGreaterThan(1 << 16);
    expect(report.summary).toMatchObject({ proved: 75, refuted: 75 });
    expect(status.trim()).toBe('status 1');
    rmSync(dir, { recursive: true });
  }, 60_000);

  // (Red team rt247: `> /dev/full` printed a line of the bundle and ENOSPC's stack, exit 1.)
  it.skipIf(!existsSync('/dev/full'))('says in a line that the output cannot be written to a full device, and exits 2', () => {
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${BIN.pathname}" check <(printf 'scalar a\\n    a + a\\n  = 2a\\n') > /dev/full; echo "status $?"`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out.trim()).toBe('status 2');
    let stderr = '';
    try {
      execFileSync('bash', ['-c', `"${process.execPath}" "${BIN.pathname}" check --format json <(printf 'scalar a\\n    a + a\\n  = 2a\\n') > /dev/full`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toBe('deriv: cannot write the output: no space left on the device (ENOSPC)\n');
  });

  // (A read with positions failed on them: ESPIPE.)
  it('reads a file that is a pipe (<(…) in a shell)', () => {
    const out = execFileSync('bash', ['-c', `"${process.execPath}" "${BIN.pathname}" check <(printf 'scalar a\\n    a + a\\n  = 2a\\n')`], { encoding: 'utf8' });
    expect(out).toMatch(/✓ proved/);
  });
});
