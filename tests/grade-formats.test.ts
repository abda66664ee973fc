import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { mdCode, mdInline } from '../src/grade/feedback.js';
import { gradeSubmission } from '../src/grade/grade.js';
import { toGradescope } from '../src/grade/gradescope.js';
import { loadKey, type AnswerKey } from '../src/grade/key.js';
import { toPrairieLearn } from '../src/grade/prairielearn.js';
import type { SubmissionResult } from '../src/grade/result.js';
import { csvCell, formatCsv, formatGradeJson, gradeSummary } from '../src/grade/table.js';

/** The outputs: Gradescope and PrairieLearn JSON against schemas written from their specs, CSV and JSON for the course. */
const root = path.join(import.meta.dirname, '..');
const q2 = path.join(root, 'tests', 'fixtures', 'grade', 'q2');
const schema = (name: string) => JSON.parse(readFileSync(path.join(root, 'schema', name), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validGradescope = ajv.compile(schema('gradescope-results.schema.json'));
const validPrairieLearn = ajv.compile(schema('prairielearn-results.schema.json'));

let key: AnswerKey;
const results = new Map<string, SubmissionResult>();
const STUDENTS = ['correct.deriv', 'wrong-step.deriv', 'partial.deriv', 'wrong-answer.deriv', 'missing.deriv', 'garbage.deriv', 'hostile-title.deriv'];

beforeAll(async () => {
  key = (await loadKey(readFileSync(path.join(root, 'examples', 'keys', 'q2-key.deriv'), 'utf8'), 'q2-key.deriv')).key!;
  for (const f of STUDENTS) {
    const text = readFileSync(path.join(q2, f), 'utf8');
    results.set(f, await gradeSubmission(key, { student: f, files: [{ path: f, text, problem: null }], problem: null }, { seed: 11 }));
  }
  results.set('binary.deriv', await gradeSubmission(key, { student: 'binary.deriv', files: [{ path: 'binary.deriv', text: null, problem: 'this does not look like a text file (it holds NUL bytes)' }], problem: null }, { seed: 11 }));
}, 120_000);

const r = (name: string) => results.get(name)!;

describe('Gradescope results.json', () => {
  it('validates against the schema for every student, and the schema catches violations', () => {
    for (const [name, res] of results) {
      const out = toGradescope(res, key, { seedFrom: 'sub-1', version: '0.1.0' });
      expect(validGradescope(out), `${name}: ${JSON.stringify(validGradescope.errors)}`).toBe(true);
    }
    const out = toGradescope(r('correct.deriv'), key) as unknown as Record<string, unknown>;
    expect(validGradescope({ ...out, score: 'all' })).toBe(false);
    expect(validGradescope({ ...out, tests: [{ name: 'x', status: 'maybe' }] })).toBe(false);
    expect(validGradescope({ ...out, surprise: 1 })).toBe(false);
    expect(validGradescope({ tests: [{ name: 'x', max_score: 1 }] })).toBe(false);
  });

  it('one test per key claim: score, max_score, status, number, Markdown output, visibility', () => {
    const out = toGradescope(r('wrong-step.deriv'), key, { visibility: 'after_published' });
    expect(out.score).toBe(17);
    expect(out.tests.map((t) => [t.name, t.number, t.score, t.max_score, t.status, t.output_format, t.visibility])).toEqual([
      ['show "2.1 momentum"', '1', 0, 3, 'failed', 'md', 'after_published'],
      ['show "2.1 running average"', '2', 3, 3, 'passed', 'md', 'after_published'],
      ['answer "2.1"', '2.1', 4, 4, 'passed', 'md', 'after_published'],
      ['show "2.2"', '2.2', 10, 10, 'passed', 'md', 'after_published'],
    ]);
    expect(out.tests.reduce((s, t) => s + (t.score ?? 0), 0)).toBe(out.score);
    expect(out.output_format).toBe('md');
    expect(Number.isInteger(out.execution_time)).toBe(true);
  });

  it("a failing test names the step's line, the reason and the counterexample", () => {
    const out = toGradescope(r('wrong-step.deriv'), key);
    const text = out.tests[0]!.output;
    expect(text).toMatch(/^\*\*0 \/ 3 points\*\* for your show at wrong-step\.deriv:12:1\.\n\n/);
    expect(text).toContain('**wrong-step.deriv:16:3**: this step does not follow (refuted): the two sides differ at this point; left − right = (-2 ε) g\\_t');
    expect(text).toContain('```text\n  16 | = α (-v_{t-1}) + ε g_t\ncounterexample: t = 1, n = 2,');
    expect(text).toMatch(/ {2}left {2}= \[.*\] {3}right = \[.*\]/);
  });

  it('the full report and the seed are in extra_data', () => {
    const out = toGradescope(r('partial.deriv'), key, { seedFrom: 'sub-1', version: '0.1.0' });
    const d = out.extra_data['deriv'] as Record<string, unknown>;
    expect(d['seed']).toBe(11);
    expect(d['seed_from']).toBe('sub-1');
    expect((d['key'] as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((d['report'] as { files: unknown[] }).files).toHaveLength(1);
    expect(out.output).toContain('Sampling seed 11 (from `sub-1`): a regrade gives the same result.');
  });

  it('a submission that does not parse gets score 0 and a visible test saying where', () => {
    const out = toGradescope(r('garbage.deriv'), key);
    expect(out.score).toBe(0);
    expect(out.tests[0]!.name).toBe('Reading your files');
    expect(out.tests[0]!.status).toBe('failed');
    expect(out.tests[0]!.visibility).toBe('visible');
    expect(out.tests[0]!.output).toContain('garbage.deriv:1:8: expected the end of the line');
    const bin = toGradescope(r('binary.deriv'), key);
    expect(bin.score).toBe(0);
    expect(bin.tests[0]!.output).toContain('binary.deriv: this does not look like a text file');
  });

  it('a hostile title is shown inert: no HTML, no terminal escapes, Markdown escaped or in code', () => {
    const out = toGradescope(r('hostile-title.deriv'), key);
    // Outside code spans and fences (where Markdown shows text as text) nothing is markup.
    const prose = out.output.replace(/(`+)[^`][\s\S]*?\1/g, '');
    expect(prose).not.toMatch(/<img|\]\(javascript:/);
    expect(out.output).not.toContain('\u001b');
    expect(JSON.stringify(out)).not.toContain('\\u001b');
    expect(out.output).toContain('Your file\'s title: ````=HYPERLINK("http://evil.example") <img src=x onerror=alert(1)> ``` RED [click](javascript:alert(1)) | a,b````');
  });
});

describe('PrairieLearn results.json', () => {
  it('validates against the schema for every student, and the schema catches violations', () => {
    for (const [name, res] of results) {
      const out = toPrairieLearn(res, key);
      expect(validPrairieLearn(out), `${name}: ${JSON.stringify(validPrairieLearn.errors)}`).toBe(true);
      expect(JSON.stringify(out).length).toBeLessThan(1_000_000);
    }
    expect(validPrairieLearn({ gradable: true })).toBe(false);
    expect(validPrairieLearn({ score: 1.5 })).toBe(false);
    expect(validPrairieLearn({ score: 0.5, tests: [{ name: 'x', points: 1 }] })).toBe(false);
  });

  it('score in 0…1, one test per claim with points and max_points', () => {
    const out = toPrairieLearn(r('partial.deriv'), key);
    expect(out.gradable).toBe(true);
    expect(out.score).toBe(0.857); // rounded: no 0.8570000000000001 in a student's results
    expect(out.tests.map((t) => [t.name, t.points, t.max_points])).toEqual([
      ['show "2.1 momentum"', 3, 3], ['show "2.1 running average"', 3, 3], ['answer "2.1"', 4, 4], ['show "2.2"', 7.14, 10],
    ]);
    expect(out.tests[3]!.message).toMatch(/^partial\.deriv:46:5: this step does not follow \(refuted\): .* \(\+1 more\)$/);
    expect(out.tests[3]!.output).toContain('counterexample: t = ');
    expect(out.tests.map((t) => t.description)).toEqual(['show "2.1 momentum" with a derivation', 'show "2.1 running average" with a derivation', 'state the answer "2.1"', 'show "2.2" with a derivation']);
  });

  // (Red team:) the message showed the key's path (../g/key.deriv) to students.
  it('names the key by its file name only, never where it lies', () => {
    const out = toPrairieLearn(r('partial.deriv'), { ...key, file: '../secret/keys/q2-key.deriv' });
    expect(out.message).toMatch(/graded by deriv against q2-key\.deriv \(seed/);
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('a submission that does not parse is not gradable, with the format errors', () => {
    const out = toPrairieLearn(r('garbage.deriv'), key);
    expect(out.gradable).toBe(false);
    expect(out.format_errors).toHaveLength(4);
    expect(out.format_errors![0]).toMatch(/^garbage\.deriv:1:8: /);
    expect(toPrairieLearn(r('binary.deriv'), key).format_errors).toEqual(['binary.deriv: this does not look like a text file (it holds NUL bytes)']);
  });
});

describe('CSV and JSON for the course', () => {
  const all = () => STUDENTS.map(r);

  /** RFC 4180 parsing, to read the CSV back. */
  function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += c;
    }
    return rows;
  }

  it('one row per student × claim, then the summary', () => {
    const rows = parseCsv(formatCsv(all(), key));
    expect(rows[0]).toEqual(['student', 'title', 'seed', 'claim', 'kind', 'points', 'max_points', 'status', 'failure', 'reason']);
    const body = rows.slice(1, 1 + STUDENTS.length * 4);
    expect(body).toHaveLength(28);
    expect(body[4]).toEqual(['wrong-step.deriv', 'Q2 — Blaise Pascal', '11', '2.1 momentum', 'show', '0', '3', 'failed', 'step', expect.stringMatching(/^wrong-step\.deriv:16:3: this step does not follow \(refuted\).*\(\+1 more\)$/)]);
    expect(rows[29]).toEqual(['']);
    expect(rows[30]).toEqual(['claim', 'kind', 'max_points', 'mean_points', 'full', 'some', 'none', 'most_common_failure', 'most_common_failure_count']);
    expect(rows[31]).toEqual(['2.1 momentum', 'show', '3', '2.14', '5', '0', '2', 'missing', '1']);
    expect(rows[34]).toEqual(['2.2', 'show', '10', '6.73', '4', '1', '2', 'missing', '2']);
    expect(rows[35]![0]).toBe('(total)');
  });

  it('cells a spreadsheet would run as formulas are defused; quotes and separators are quoted', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe(`'+1`);
    expect(csvCell('-2')).toBe(`'-2`);
    expect(csvCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line break"');
    expect(csvCell('\u001b[31mred')).toBe('red');
    const rows = parseCsv(formatCsv([r('hostile-title.deriv')], key));
    expect(rows[1]![1]).toBe(`'=HYPERLINK("http://evil.example") <img src=x onerror=alert(1)> \`\`\` RED [click](javascript:alert(1)) | a,b`);
  });

  it('the summary: mean, how many earned each claim, the most common failure', () => {
    const s = gradeSummary(all(), key);
    expect(s.submissions).toBe(7);
    expect(s.mean_points).toBe(Math.round(((20 + 17 + 17.14 + 16 + 10 + 0 + 20) / 7) * 100) / 100);
    expect(s.claims.map((c) => [c.claim, c.full, c.some, c.none])).toEqual([
      ['2.1 momentum', 5, 0, 2], ['2.1 running average', 6, 0, 1], ['2.1', 5, 0, 2], ['2.2', 4, 1, 2],
    ]);
  });

  it('JSON: the key, each submission with its claims, the rows and the summary', () => {
    const doc = JSON.parse(formatGradeJson(all(), key, { seedFrom: 'hw', version: '0.1.0' })) as {
      version: number; key: { claims: unknown[]; total: number }; seed_from: string;
      submissions: { student: string; points: number; claims: { failures: unknown[] }[] }[]; rows: unknown[]; summary: { claims: unknown[] };
    };
    expect(doc.version).toBe(1);
    expect(doc.key.total).toBe(20);
    expect(doc.key.claims).toHaveLength(4);
    expect(doc.seed_from).toBe('hw');
    expect(doc.submissions.map((x) => [x.student, x.points])).toEqual([
      ['correct.deriv', 20], ['wrong-step.deriv', 17], ['partial.deriv', 17.14], ['wrong-answer.deriv', 16], ['missing.deriv', 10], ['garbage.deriv', 0], ['hostile-title.deriv', 20],
    ]);
    expect(doc.rows).toHaveLength(28);
    expect(doc.summary.claims).toHaveLength(4);
  });
});

describe('Markdown escaping', () => {
  it('code spans and fences are never closed by what they hold', () => {
    expect(mdInline('a ` b')).toBe('``a ` b``');
    expect(mdInline('`x`')).toBe('`` `x` ``');
    expect(mdCode(['```', 'x'])).toBe('````text\n```\nx\n````');
  });
});
