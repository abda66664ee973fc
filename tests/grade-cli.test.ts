import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, type CliIo } from '../src/cli.js';

/** `deriv grade` driven in-process through run(argv, io), on in-memory files. */
const root = path.join(import.meta.dirname, '..');
const q2 = path.join(root, 'tests', 'fixtures', 'grade', 'q2');
const KEY = readFileSync(path.join(root, 'examples', 'keys', 'q2-key.deriv'), 'utf8');
const fixture = (name: string) => readFileSync(path.join(q2, name), 'utf8');

interface Fake {
  io: CliIo;
  out: () => string;
  err: () => string;
  written: Map<string, string>;
}

function fake(files: Record<string, string>, over: Partial<CliIo> = {}): Fake {
  let out = '';
  let err = '';
  const written = new Map<string, string>();
  const enc = new TextEncoder();
  const io: CliIo = {
    stdout: (s) => { out += s; },
    stderr: (s) => { err += s; },
    readFile: async (p) => {
      const t = files[p];
      if (t === undefined) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      return t;
    },
    readStdin: async () => '',
    isTTY: false,
    env: {},
    readBytes: async (p, limit) => {
      const t = files[p];
      if (t === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return enc.encode(t).subarray(0, limit + 1);
    },
    listFolder: async (p) => {
      if (files[p] !== undefined) return null;
      const names = Object.keys(files).filter((k) => k.startsWith(`${p}/`)).map((k) => k.slice(p.length + 1).split('/')[0]!);
      if (names.length === 0) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return [...new Set(names)].map((name) => ({ name, kind: 'file' as const }));
    },
    writeFileAtomic: async (p, text) => { written.set(p, text); },
    ...over,
  };
  return { io, out: () => out, err: () => err, written };
}

describe('deriv grade (in-process)', () => {
  it('gradescope: one submission, results.json on stdout; exit 0', async () => {
    const f = fake({ 'key.deriv': KEY, 's.deriv': fixture('wrong-step.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', 's.deriv', '--format', 'gradescope'], f.io)).toBe(0);
    const doc = JSON.parse(f.out()) as { score: number; tests: { name: string; score: number }[] };
    expect(doc.score).toBe(17);
    expect(doc.tests.map((t) => t.score)).toEqual([0, 3, 4, 10]);
    expect(f.err()).toBe('');
  });

  it('--out writes the file whole and prints nothing', async () => {
    const f = fake({ 'key.deriv': KEY, 's.deriv': fixture('correct.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', 's.deriv', '--format', 'prairielearn', '--out', 'results.json'], f.io)).toBe(0);
    expect(f.out()).toBe('');
    const doc = JSON.parse(f.written.get('results.json')!) as { score: number; gradable: boolean };
    expect(doc).toMatchObject({ score: 1, gradable: true });
  });

  it('csv is the default format; several submissions, one row per student × claim', async () => {
    const f = fake({ 'key.deriv': KEY, 'a.deriv': fixture('correct.deriv'), 'b.deriv': fixture('missing.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', 'a.deriv', 'b.deriv'], f.io)).toBe(0);
    const lines = f.out().split('\r\n');
    expect(lines[0]).toBe('student,title,seed,claim,kind,points,max_points,status,failure,reason');
    expect(lines.slice(1, 9).map((l) => l.split(',')[0])).toEqual(['a.deriv', 'a.deriv', 'a.deriv', 'a.deriv', 'b.deriv', 'b.deriv', 'b.deriv', 'b.deriv']);
    expect(lines[8]).toMatch(/^b\.deriv,"Q2 — Sophie Germain",20261125,2\.2,show,0,10,failed,missing,"no show named ""2\.2"" was found"$/);
  });

  // (Red team:) `grade --key K nosuch.deriv` exited 0 with nothing on stderr: the student got 0.
  it('a submission path that does not exist: graded 0 as unreadable, said on stderr, exit 1', async () => {
    const f = fake({ 'key.deriv': KEY, 'a.deriv': fixture('correct.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', 'a.deriv', 'nosuch.deriv'], f.io)).toBe(1);
    expect(f.err()).toBe('deriv grade: nosuch.deriv: no such file or folder (graded 0 as unreadable)\n');
    expect(f.out()).toMatch(/^nosuch\.deriv,.*,0,\d+,failed,unreadable,/m);
    const g = fake({ 'key.deriv': KEY, 'a.deriv': fixture('correct.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', 'a.deriv'], g.io)).toBe(0);
  });

  it('a key that does not pass: exit 2 before any student, with where and why', async () => {
    const bad = KEY.replace('  = α (-v_{t-1}) - ε g_t\n', '  = α (-v_{t-1}) + ε g_t\n');
    const f = fake({ 'key.deriv': bad, 's.deriv': fixture('correct.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', 's.deriv', '--format', 'json'], f.io)).toBe(2);
    expect(f.out()).toBe('');
    expect(f.err().split('\n')).toEqual([
      'deriv grade: the key key.deriv does not pass, so no submission was graded:',
      'key.deriv:14:1: the key\'s show "2.1 momentum" is refuted: a step of the chain is refuted',
      'key.deriv:18:3: the key\'s step is refuted: the two sides differ at this point; left − right = (-2 ε) g_t',
      expect.stringMatching(/^key\.deriv:19:3: the key's step is refuted: the two sides differ at this point/),
      '',
    ]);
  });

  it('usage errors: exit 2', async () => {
    const f = fake({ 'key.deriv': KEY, 'a.deriv': 'x', 'b.deriv': 'y' });
    expect(await run(['grade', '--key', 'key.deriv', 'a.deriv', 'b.deriv', '--format', 'gradescope'], f.io)).toBe(2);
    expect(f.err()).toBe('deriv grade: --format gradescope writes the results of one submission; give one (a file or a folder), or use --format csv or json for a batch\n');
    const g = fake({});
    expect(await run(['grade', 'a.deriv'], g.io)).toBe(2);
    expect(g.err()).toMatch(/required option '--key <file>' not specified/);
    const h = fake({});
    expect(await run(['grade', '--key', 'nope.deriv', 'a.deriv'], h.io)).toBe(2);
    expect(h.err()).toMatch(/^deriv grade: cannot read the key nope\.deriv: ENOENT/);
    const i = fake({});
    expect(await run(['grade', '--key', 'k', 'a', '--format', 'pdf'], i.io)).toBe(2);
    expect(await run(['grade', '--key', 'k', 'a', '--jobs', '0'], i.io)).toBe(2);
  });

  it('--seed-from fixes each student\'s seed: the same run twice is the same, byte for byte', async () => {
    const files = { 'key.deriv': KEY, 'ada.deriv': fixture('partial.deriv'), 'bob.deriv': fixture('partial.deriv') };
    const runOnce = async () => {
      const f = fake(files);
      expect(await run(['grade', '--key', 'key.deriv', 'ada.deriv', 'bob.deriv', '--format', 'json', '--seed-from', 'hw3'], f.io)).toBe(0);
      return JSON.parse(f.out()) as { seed_from: string; submissions: { seed: number; elapsed_ms: number; points: number }[] };
    };
    const [a, b] = [await runOnce(), await runOnce()];
    expect(a.seed_from).toBe('hw3');
    expect(a.submissions[0]!.seed).not.toBe(a.submissions[1]!.seed);
    const strip = (d: typeof a) => JSON.stringify(d.submissions.map((s) => ({ ...s, elapsed_ms: 0 })));
    expect(strip(a)).toBe(strip(b));
    expect(a.submissions.map((s) => s.points)).toEqual([17.14, 17.14]);
  });

  it('--check-key lists the claims and the SHA-256; --key-sha256 skips checking the key again, unless it changed', async () => {
    const f = fake({ 'key.deriv': KEY });
    expect(await run(['grade', '--key', 'key.deriv', '--check-key'], f.io)).toBe(0);
    const lines = f.out().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'key.deriv: the key passes; 4 claims, 20 points',
      '  show "2.1 momentum"         3 points            line 14',
      '  show "2.1 running average"  3 points            line 24',
      '  answer "2.1"                4 points            line 35',
      '  show "2.2"                  10 points, partial  line 40',
    ]);
    const hash = /^sha256 ([0-9a-f]{64})$/.exec(lines[5]!)![1]!;

    // A key that no longer passes, with the hash of its passing self: checked again, and refused.
    const bad = KEY.replace('  = α (-v_{t-1}) - ε g_t\n', '  = α (-v_{t-1}) + ε g_t\n');
    const g = fake({ 'key.deriv': bad, 's.deriv': fixture('correct.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', '--key-sha256', hash, 's.deriv'], g.io)).toBe(2);
    expect(g.err()).toMatch(/^deriv grade: key\.deriv has changed since it was checked \(its SHA-256 is not --key-sha256\): checking it again\nderiv grade: the key key\.deriv does not pass/);

    // The same key: graded as before, without checking its steps.
    const h = fake({ 'key.deriv': KEY, 's.deriv': fixture('wrong-step.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', '--key-sha256', hash, 's.deriv', '--format', 'json'], h.io)).toBe(0);
    expect((JSON.parse(h.out()) as { submissions: { points: number }[] }).submissions[0]!.points).toBe(17);
    expect(h.err()).toBe('');

    const u = fake({ 'key.deriv': KEY });
    expect(await run(['grade', '--key', 'key.deriv', '--key-sha256', 'abc', 's.deriv'], u.io)).toBe(2);
    expect(u.err()).toBe('deriv grade: --key-sha256 takes the 64 hexadecimal digits that --check-key prints\n');
    expect(await run(['grade', '--key', 'key.deriv', '--check-key', 's.deriv'], u.io)).toBe(2);
    expect(await run(['grade', '--key', 'key.deriv'], u.io)).toBe(2);
    expect(u.err()).toContain('deriv grade: no submissions given');
  });

  it("the README's TA guide shows what --check-key prints for the worked key, and names files that exist", async () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /\$ deriv grade --key examples\/keys\/q2-key\.deriv --check-key\n([\s\S]*?)```/.exec(readme)![1]!;
    const f = fake({ 'examples/keys/q2-key.deriv': KEY });
    expect(await run(['grade', '--key', 'examples/keys/q2-key.deriv', '--check-key'], f.io)).toBe(0);
    expect(f.out()).toBe(block);
    for (const file of ['examples/gradescope/setup.sh', 'examples/gradescope/run_autograder', 'examples/prairielearn/Dockerfile', 'examples/prairielearn/run.sh', 'examples/prairielearn/info.json']) {
      expect(readme).toContain(path.basename(file));
      expect(() => readFileSync(path.join(root, file))).not.toThrow();
    }
  });

  it('a progress bar on a terminal (stderr) for a batch; nothing when piped', async () => {
    const files = { 'key.deriv': KEY, 'a.deriv': fixture('garbage.deriv'), 'b.deriv': fixture('garbage.deriv') };
    const tty = fake(files, { stderrIsTTY: true });
    expect(await run(['grade', '--key', 'key.deriv', 'a.deriv', 'b.deriv'], tty.io)).toBe(0);
    expect(tty.err()).toContain('\r\u001b[Kgrading 2/2 [##############################] 100%');
    expect(tty.err()).toMatch(/graded 2 submissions in [\d.]+ s: mean 0 \/ 20, median 0\n$/);
    const piped = fake(files);
    expect(await run(['grade', '--key', 'key.deriv', 'a.deriv', 'b.deriv'], piped.io)).toBe(0);
    expect(piped.err()).toBe('');
  });
});

// A red team's findings on `deriv grade`'s command line and outputs.
describe('deriv grade: a submission out of time', () => {
  // (Red team, F4:) a submission that hit its time limit exited 0, `completed: true`, summary
  // `not_completed: 0`, nothing on stderr. README: exit 1 for a submission out of time, said on
  // stderr; what was checked before the limit keeps its points.
  it('is not completed, said on stderr, exit 1; what was checked before the limit keeps its points', async () => {
    // Steps that each stay within the step limit but together take far longer than the
    // submission's, between 2.1 and 2.2.
    const slow = Array.from({ length: 12 }, (_, k) => `    ∑_{i=1}^{60000} (sin(i x)^2 + cos(i x)^2)\n  = 60000 + ${k} - ${k}\n`).join('\n');
    const late = fixture('correct.deriv').replace('section "2.2 unrolled"', `section "slow"\nscalar x\n${slow}\nsection "2.2 unrolled"`);
    const f = fake({ 'key.deriv': KEY, 'late.deriv': late, 'good.deriv': fixture('correct.deriv') });
    const code = await run(['grade', '--key', 'key.deriv', 'late.deriv', 'good.deriv', '--format', 'json', '--timeout', '4000', '--step-timeout', '1000'], f.io);
    const doc = JSON.parse(f.out()) as {
      submissions: { student: string; points: number; completed: boolean; problems: string[]; claims: { points: number; failures: { kind: string }[] }[] }[];
      summary: { not_completed: number; claims: { most_common_failure: string | null }[] };
      rows: { student: string; claim: string; failure: string; reason: string }[];
    };
    const [late1, good] = doc.submissions;
    expect(code).toBe(1);
    expect(late1!.completed).toBe(false);
    expect(late1!.problems[0]).toBe("the submission's time limit (4 s; raise --timeout) ran out; what was not checked by then earns no points");
    expect(f.err()).toBe("deriv grade: late.deriv: the submission's time limit (4 s; raise --timeout) ran out; what was not checked by then earns no points\n");
    // 2.2 comes after the slow section: 0, saying why; the points before it are kept.
    expect(late1!.claims[3]!.points).toBe(0);
    expect(late1!.claims[3]!.failures[0]!.kind).toBe('time-limit');
    expect(late1!.points).toBe(late1!.claims.reduce((s, c) => s + c.points, 0));
    expect(good).toMatchObject({ completed: true, points: 20, problems: [] });
    expect(doc.summary.not_completed).toBe(1);
    // (F5:) the summary counts the time-limit failure, not the entry "and 3 more"; the
    // reason counts the six steps of 2.2's chain that were not checked, not the entries.
    expect(doc.summary.claims[3]!.most_common_failure).toBe('time-limit');
    const row = doc.rows.find((r) => r.student === 'late.deriv' && r.claim === '2.2')!;
    expect(row.failure).toBe('time-limit');
    expect(row.reason).toMatch(/ \(\+5 more\)$/);
  }, 120_000);
});

describe('deriv grade: empty files are files that cannot be read', () => {
  // (Red team, F9:) an empty submission got `missing` / "no show named … was found" on each
  // claim; README lists empty files with the unreadable ones, and `check` says the file is empty.
  const table: [string, string, RegExp][] = [
    ['an empty file', '', /^your submission could not be read: s\.deriv: the file is empty: nothing to check$/],
    ['blank lines only', '\n   \n\n', /^your submission could not be read: s\.deriv: the file is empty: nothing to check$/],
    ['a binary file (as before)', 'scalar a\n\u0000\u0001\u0002', /^your submission could not be read: s\.deriv: this does not look like a text file/],
  ];
  for (const [what, text, reason] of table) {
    it(`${what}: 0 for each claim as unreadable, saying why (csv and json)`, async () => {
      const c = fake({ 'key.deriv': KEY, 's.deriv': text });
      expect(await run(['grade', '--key', 'key.deriv', 's.deriv'], c.io)).toBe(0);
      const rows = c.out().split('\r\n').slice(1, 5);
      expect(rows).toHaveLength(4);
      for (const row of rows) expect(row).toMatch(/^s\.deriv,,\d+,("[^"]*"|[^,"]*),(show|answer),0,\d+,failed,unreadable,/);
      const j = fake({ 'key.deriv': KEY, 's.deriv': text });
      expect(await run(['grade', '--key', 'key.deriv', 's.deriv', '--format', 'json'], j.io)).toBe(0);
      const doc = JSON.parse(j.out()) as { submissions: { points: number; format_errors: string[]; claims: { failures: { kind: string; message: string }[] }[] }[] };
      const s = doc.submissions[0]!;
      expect(s.points).toBe(0);
      expect(s.format_errors).toHaveLength(1);
      for (const claim of s.claims) {
        expect(claim.failures.map((f) => f.kind)).toEqual(['unreadable']);
        expect(claim.failures[0]!.message).toMatch(reason);
      }
    });
  }

  it('an empty file in a folder is said; the other files are graded', async () => {
    const f = fake({ 'key.deriv': KEY, 'ada/a.deriv': '', 'ada/b.deriv': fixture('correct.deriv') });
    expect(await run(['grade', '--key', 'key.deriv', 'ada', '--format', 'json'], f.io)).toBe(0);
    const s = (JSON.parse(f.out()) as { submissions: { points: number; problems: string[]; format_errors: string[] }[] }).submissions[0]!;
    expect(s.points).toBe(20);
    expect(s.problems).toEqual(['ada/a.deriv: the file is empty: nothing to check']);
    expect(s.format_errors).toEqual(['ada/a.deriv: the file is empty: nothing to check']);
  });
});

describe('deriv grade: the class summary and "+N more" count failures', () => {
  // (Red team, F5:) the summary's most common failure was "more" (from the entry "and 2
  // more"), and the CSV reason said "(+3 more)" for 4 more refuted steps.
  const KEY2 = [
    'scalar a, b',
    'show "1" [2 points]: (a+b)^2 = a^2 + 2 a b + b^2',
    '    (a+b)^2',
    '  = (a+b)(a+b)',
    '  = a^2 + 2 a b + b^2',
    'answer "2" [3 points]: a = 2 b',
    '',
  ].join('\n');
  const chains = (n: number, line: (k: number) => string) => Array.from({ length: n }, (_, k) => line(k)).join('\n\n');
  const table: [string, string, string, string][] = [
    // what, the student's section after the answer, the most common failure, how the reason ends
    ['five refuted one-step chains', chains(5, (k) => `  a + ${k + 1}\n= a + ${k + 2}`), 'step: = a + 2', '(+4 more)'],
    ['five lines with errors', chains(5, (k) => `= a + ${k + 1}`), 'step: = a + 1', '(+4 more)'],
    ['four refuted chains and four lines with errors',
      `${chains(4, (k) => `  a + ${k + 1}\n= a + ${k + 2}`)}\n\n${chains(4, (k) => `= b + ${k + 1}`)}`, 'step: = a + 2', '(+7 more)'],
  ];
  for (const [what, section, common, ends] of table) {
    it(`${what}: the summary names a real failure; the reason counts them all`, async () => {
      const student = `scalar a, b\nanswer "2": a = 2b\n\n${section}\n`;
      const f = fake({ 'key.deriv': KEY2, 's1.deriv': student, 's2.deriv': student, 's3.deriv': student });
      expect(await run(['grade', '--key', 'key.deriv', 's1.deriv', 's2.deriv', 's3.deriv', '--format', 'json'], f.io)).toBe(0);
      const doc = JSON.parse(f.out()) as {
        rows: { claim: string; failure: string; reason: string }[];
        summary: { claims: { claim: string; most_common_failure: string | null; most_common_failure_count: number }[] };
      };
      const answer = doc.summary.claims.find((c) => c.claim === '2')!;
      expect([answer.most_common_failure, answer.most_common_failure_count]).toEqual([common, 3]);
      for (const r of doc.rows.filter((x) => x.claim === '2')) {
        expect(r.failure).toBe('step');
        expect(r.reason.endsWith(` ${ends}`)).toBe(true);
      }
      // The CSV says the same.
      const c = fake({ 'key.deriv': KEY2, 's1.deriv': student, 's2.deriv': student, 's3.deriv': student });
      expect(await run(['grade', '--key', 'key.deriv', 's1.deriv', 's2.deriv', 's3.deriv'], c.io)).toBe(0);
      expect(c.out()).toContain(`\r\n2,answer,3,0,0,0,3,"${common}",3\r\n`);
      expect(c.out()).toContain(` ${ends}"\r\n`);
    });
  }
});

describe('deriv grade: file names with control characters', () => {
  // (Red team, F13:) a submission named "x⏎y.deriv" broke the Gradescope Markdown line "for
  // your show at x⏎y.deriv:14:1". Names are shown as `check` shows them: x␊y.deriv.
  const NAME = 'x\ny\u001b\r.deriv';
  const SHOWN = 'x\u240ay\u241b\u240d.deriv';
  // format, submissions, what a person reads, what it must hold
  const texts: [string, string[], (out: string) => string[], string[]][] = [
    ['gradescope', [NAME], (out) => {
      const doc = JSON.parse(out) as { output: string; tests: { output: string }[] };
      return [doc.output, ...doc.tests.map((t) => t.output)];
    }, [`for your show at ${SHOWN}:12:1.`, `**${SHOWN}:16:3**: this step does not follow`, `${SHOWN}:50:1: `]],
    ['gradescope, a folder', ['ada'], (out) => {
      const doc = JSON.parse(out) as { output: string; tests: { output: string }[] };
      return [doc.output, ...doc.tests.map((t) => t.output)];
    }, [`\n- ada/${SHOWN}: the file is empty`]],
    ['prairielearn', [NAME], (out) => {
      const doc = JSON.parse(out) as { message: string; output: string; format_errors: string[] };
      return [doc.message, doc.output, ...doc.format_errors];
    }, [`${SHOWN}:50:1: `]],
    ['csv', [NAME, 'ada'], (out) => [out], [`"${SHOWN}:16:3: this step does not follow`]],
    ['json', [NAME, 'ada'], (out) => {
      const doc = JSON.parse(out) as { submissions: { problems: string[]; format_errors: string[] }[]; rows: { reason: string }[] };
      return [...doc.submissions.flatMap((s) => [...s.problems, ...s.format_errors]), ...doc.rows.map((r) => r.reason)];
    }, [`${SHOWN}:16:3: this step does not follow`, `${SHOWN}:50:1: `, `ada/${SHOWN}: the file is empty`]],
  ];
  for (const [format, subs, read, holds] of texts) {
    it(`${format}: what a person reads names ${JSON.stringify(SHOWN)}, never the raw control characters`, async () => {
      // One file with a refuted step (a place in a claim's output) and a line that does not
      // parse (format errors); a folder with an empty file of that name beside a good one.
      const wrong = `${fixture('wrong-step.deriv')}\n@@ noise (((\n`;
      expect(wrong.split("\n")[49]).toBe('@@ noise (((');
      const f = fake({ 'key.deriv': KEY, [NAME]: wrong, [`ada/${NAME}`]: '', 'ada/b.deriv': fixture('correct.deriv') });
      await run(['grade', '--key', 'key.deriv', ...subs, '--format', format.split(',')[0]!], f.io);
      const shown = read(f.out()).join('\n');
      for (const h of holds) expect(shown).toContain(h);
      expect(shown).not.toMatch(/x\n|\u001b|\r(?!\n)/);
    });
  }

  it('on stderr too', async () => {
    const f = fake({ 'key.deriv': KEY });
    expect(await run(['grade', '--key', 'key.deriv', `no\n${NAME}`], f.io)).toBe(1);
    expect(f.err()).toBe(`deriv grade: no\u240a${SHOWN}: no such file or folder (graded 0 as unreadable)\n`);
  });
});
