import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../src/diagnostics.js';
import { codeFrame, codePointWidth } from '../src/report/frame.js';
import { formatGcc } from '../src/report/gcc.js';
import { formatJson, toJsonReport } from '../src/report/json.js';
import { formatText } from '../src/report/text.js';
import type { Counterexample, FileReport, ShowResult, StepResult, Verdict } from '../src/result.js';
import { SourceFile } from '../src/source.js';

// ---------------------------------------------------------------------------
// Fixtures: hand-built reports over real-looking sources.

/** Offset of the start of a 1-based line. */
function lineStart(source: string, line: number): number {
  let offset = 0;
  for (let i = 1; i < line; i++) offset = source.indexOf('\n', offset) + 1;
  return offset;
}

/** The raw text of a 1-based line, without `\r\n`. */
function lineOf(source: string, line: number): string {
  const start = lineStart(source, line);
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? source.length : end).replace(/\r$/, '');
}

/** A step on `line`: the relation is the line's first non-blank character; it ends before `by`/`#`. */
function step(source: string, line: number, verdict: Verdict, extra: Partial<StepResult> = {}): StepResult {
  const start = lineStart(source, line);
  const text = lineOf(source, line);
  const rel = text.search(/\S/);
  const cut = text.search(/\s+(by|#)\s/);
  const end = (cut === -1 ? text.trimEnd().length : cut);
  return {
    range: [start + rel, start + end],
    relRange: [start + rel, start + rel + 1],
    section: '2.1',
    relation: text[rel]!,
    verdict,
    method: verdict === 'checked' ? 'sampling' : verdict === 'proved' ? 'symbolic' : 'none',
    samples: verdict === 'checked' ? 24 : 0,
    counterexample: null,
    message: `the step is ${verdict}`,
    notes: [],
    ...extra,
  };
}

/** A diagnostic over `needle` (its first occurrence) in the source. */
function diag(source: string, needle: string, code: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const start = source.indexOf(needle);
  if (start < 0) throw new Error(`fixture: ${needle} not found`);
  return { severity, code, message, args: {}, range: [start, start + needle.length], notes: [] };
}

const Q2 = [
  '# Q2: momentum',                                 // 1
  'scalar β, δ',                                    // 2
  'vector g_t, v_t in R^n',                         // 3
  'define Δθ_t = -δ v_t',                           // 4
  'show "2.1": Δθ_t = β Δθ_{t-1} + δ(1-β) g_t',     // 5
  '    Δθ_t',                                       // 6
  '  = -δ v_t                           by def Δθ', // 7
  '  = -δ (β v_{t-1} + (1-β) g_t)       by def v',  // 8
  '  = β (-δ v_{t-1}) + δ(1-β) g_t',                // 9
  '  ≤ f̂(β) + 1                         by Jensen', // 10
  '',
].join('\n');

const COUNTEREXAMPLE: Counterexample = {
  assignments: [['β', '0.3'], ['δ', '2'], ['n', '2'], ['v_{t-1}', '[0.5, -1]'], ['g_t', '[1, 2]']],
  left: '[-0.7, -4.4]',
  right: '[-0.3, 2.4]',
};

const showQ2: ShowResult = {
  name: '2.1',
  range: [lineStart(Q2, 5), lineStart(Q2, 6) - 1],
  section: '2.1',
  relation: '=',
  verdict: 'refuted',
  message: 'the chain does not reach the claim: step 3 is refuted',
  counterexample: null,
};

const q2Report: FileReport = {
  file: 'q2.deriv',
  source: Q2,
  diagnostics: [diag(Q2, 'Jensen', 'unknown-rule', "unknown rule 'Jensen': the step is still checked, without it", 'warning')],
  steps: [
    step(Q2, 7, 'proved', { message: 'both sides have the same normal form' }),
    step(Q2, 8, 'checked', { message: 'the sides agree at 24 sampled points' }),
    step(Q2, 9, 'refuted', {
      counterexample: COUNTEREXAMPLE,
      message: 'the sides differ at a sampled point',
      notes: [{ message: 'the step before', range: [lineStart(Q2, 8) + 2, lineStart(Q2, 8) + 3] }],
    }),
    step(Q2, 10, 'unknown', { message: 'no engine could decide this inequality' }),
  ],
  shows: [showQ2],
};

/** CRLF line ends, a tab before the step, and a syntax error. */
const CRLF = ['scalar x', 'x + 1', '\t= 1 + x', '  = (x + 1', ''].join('\r\n');
const crlfReport: FileReport = {
  file: 'dir/crlf.deriv',
  source: CRLF,
  diagnostics: [
    { ...diag(CRLF, '(x + 1', 'unclosed', "'(' is never closed: expected ')'"), range: [CRLF.indexOf('(x + 1'), CRLF.indexOf('(x + 1') + 1] },
  ],
  steps: [
    step(CRLF, 3, 'proved', { section: null, message: 'addition commutes' }),
    step(CRLF, 4, 'error', { section: null, message: 'this line did not parse' }),
  ],
  shows: [],
};

const ESC = '\u001b';

// ---------------------------------------------------------------------------

describe('formatText', () => {
  it('renders one file: verdict lines, frames under failures, details and the closing line', () => {
    expect(formatText([q2Report])).toBe(
      [
        'q2.deriv:5:1   ✗ refuted              show "2.1"',
        '',
        'q2.deriv:5:1: error: show "2.1" does not hold: refuted',
        '   4 | define Δθ_t = -δ v_t',
        '>  5 | show "2.1": Δθ_t = β Δθ_{t-1} + δ(1-β) g_t',
        '     | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '   the chain does not reach the claim: step 3 is refuted',
        '',
        'q2.deriv:7:3   ✓ proved               = -δ v_t',
        'q2.deriv:8:3   ≈ checked (24 points)  = -δ (β v_{t-1} + (1-β) g_t)',
        'q2.deriv:9:3   ✗ refuted              = β (-δ v_{t-1}) + δ(1-β) g_t',
        '',
        'q2.deriv:9:3: error: step does not follow: refuted',
        '   8 |   = -δ (β v_{t-1} + (1-β) g_t)       by def v',
        '>  9 |   = β (-δ v_{t-1}) + δ(1-β) g_t',
        '     |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '   the sides differ at a sampled point',
        '   counterexample: β = 0.3, δ = 2, n = 2, v_{t-1} = [0.5, -1], g_t = [1, 2]',
        '     left  = [-0.7, -4.4]   right = [-0.3, 2.4]',
        '   note: the step before (q2.deriv:8:3)',
        '',
        'q2.deriv:10:3  ? unknown              ≤ f̂(β) + 1',
        '',
        'q2.deriv:10:3: warning: step could not be checked',
        '    9 |   = β (-δ v_{t-1}) + δ(1-β) g_t',
        '>  10 |   ≤ f̂(β) + 1                         by Jensen',
        '      |   ^^^^^^^^^^',
        '   no engine could decide this inequality',
        '',
        "q2.deriv:10:42: warning: unknown rule 'Jensen': the step is still checked, without it",
        '    9 |   = β (-δ v_{t-1}) + δ(1-β) g_t',
        '>  10 |   ≤ f̂(β) + 1                         by Jensen',
        '      |                                         ^^^^^^',
        '',
        '(1 proved, 1 checked, 2 refuted, 1 unknown; 1 warning; shows: 0 of 1 hold)',
        '2 passed, 3 failed',
        '',
      ].join('\n'),
    );
  });

  it('handles CRLF and tabs: frames carry no \\r and carets line up under expanded tabs', () => {
    const out = formatText([crlfReport]);
    expect(out).not.toContain('\r');
    expect(out).toBe(
      [
        'dir/crlf.deriv:3:2  ✓ proved  = 1 + x',
        'dir/crlf.deriv:4:3  ! error   = (x + 1',
        '',
        'dir/crlf.deriv:4:3: error: step has an error',
        '   3 |     = 1 + x',
        '>  4 |   = (x + 1',
        '     |   ^^^^^^^^',
        '   this line did not parse',
        '',
        "dir/crlf.deriv:4:5: error: '(' is never closed: expected ')'",
        '   3 |     = 1 + x',
        '>  4 |   = (x + 1',
        '     |     ^',
        '',
        '(1 proved, 1 in error; 1 error)',
        '1 passed, 1 failed',
        '',
      ].join('\n'),
    );
  });

  it('puts the caret under a step after a tab where the tab expands to', () => {
    const src = 'a\n\t= b\n';
    const report: FileReport = { file: 't', source: src, diagnostics: [], steps: [step(src, 2, 'refuted')], shows: [] };
    const frame = formatText([report]).split('\n');
    const i = frame.findIndex((l) => l.startsWith('>'));
    expect(frame[i]).toBe('>  2 |     = b');
    expect(frame[i + 1]).toBe('     |     ^^^');
  });

  it('separates files with a blank line and sums over all of them', () => {
    const out = formatText([q2Report, crlfReport]);
    expect(out).toContain('by Jensen\n      |                                         ^^^^^^\n\ndir/crlf.deriv:3:2');
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('3 passed, 4 failed');
    expect(lines.at(-2)).toBe('(2 proved, 1 checked, 2 refuted, 1 unknown, 1 in error; 1 error, 1 warning; shows: 0 of 1 hold)');
  });

  it('ends with exactly `0 passed, 0 failed` when there is nothing', () => {
    expect(formatText([])).toBe('0 passed, 0 failed\n');
    const empty: FileReport = { file: 'e.deriv', source: '', diagnostics: [], steps: [], shows: [] };
    expect(formatText([empty])).toBe('e.deriv: nothing to check\n\n0 passed, 0 failed\n');
  });

  it('is plain without `color`, and coloured (closing line still plain) with it', () => {
    expect(formatText([q2Report, crlfReport])).not.toContain(ESC);
    const coloured = formatText([q2Report, crlfReport], { color: true });
    expect(coloured).toContain(`${ESC}[31m✗ refuted`);
    expect(coloured).toContain(`${ESC}[32m✓ proved`);
    expect(coloured.trimEnd().split('\n').at(-1)).toBe('3 passed, 4 failed');
    // Without the escapes it is the plain text.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(formatText([q2Report, crlfReport]));
  });

  it('quotes an unnamed show from the source', () => {
    const src = 'scalar a\nshow a + a = 2a\n';
    const show: ShowResult = { name: null, range: [9, 24], section: null, relation: '=', verdict: 'proved', message: 'same normal form', counterexample: null };
    const report: FileReport = { file: 's.deriv', source: src, diagnostics: [], steps: [], shows: [show] };
    expect(formatText([report])).toBe('s.deriv:2:1  ✓ proved  show a + a = 2a\n\n(1 proved; shows: 1 of 1 hold)\n1 passed, 0 failed\n');
    expect(formatGcc([report], { verbose: true })).toBe('s.deriv:2:1: note: show proved: same normal form\n');
    expect(formatGcc([{ ...report, shows: [{ ...show, verdict: 'unknown', message: 'timed out' }] }])).toBe(
      's.deriv:2:1: warning: show is not established: unknown — timed out\n',
    );
  });

  it('shows control characters from the source as visible symbols, never raw', () => {
    const src = 'x\n  = \u001b[2Jy\u0000\n';
    const report: FileReport = { file: 'bin.deriv', source: src, diagnostics: [], steps: [step(src, 2, 'refuted')], shows: [] };
    const out = formatText([report]);
    expect(out).not.toMatch(/[\u0000\u001b]/);
    expect(out).toContain('>  2 |   = ␛[2Jy␀');
  });

  it('clips a very long line around the caret', () => {
    const src = `x\n${'a'.repeat(500)} = b\n`;
    const start = src.indexOf(' = b') + 1;
    const report: FileReport = {
      file: 'long.deriv',
      source: src,
      diagnostics: [{ severity: 'error', code: 'syntax', message: 'expected an expression', args: {}, range: [start, start + 3], notes: [] }],
      steps: [],
      shows: [],
    };
    const lines = formatText([report]).split('\n');
    const i = lines.findIndex((l) => l.startsWith('>'));
    expect(lines[i]!.length).toBeLessThan(200);
    expect(lines[i]).toMatch(/^> {2}2 \| …a+ = b$/);
    expect(lines[i]!.indexOf('=')).toBe(lines[i + 1]!.indexOf('^'));
  });
});

describe('codeFrame', () => {
  const frameOf = (text: string, needle: string, length = needle.length): string => {
    const start = text.indexOf(needle);
    return codeFrame(new SourceFile('f', text), [start, start + length]);
  };

  it('gives combining marks no width and wide characters two', () => {
    expect(codePointWidth('\u0302')).toBe(0);
    expect(codePointWidth('β')).toBe(1);
    expect(codePointWidth('𝔼')).toBe(1);
    expect(codePointWidth('漢')).toBe(2);
    expect(frameOf('f̂(x) = ŷ + 1', 'ŷ + 1')).toBe('>  1 | f̂(x) = ŷ + 1\n     |        ^^^^^');
    expect(frameOf('漢字 = 𝔼[x]', '𝔼[x]')).toBe('>  1 | 漢字 = 𝔼[x]\n     |        ^^^^');
  });

  it('marks one column for an empty range and stops at the end of the first line of a long one', () => {
    expect(frameOf('a\nb + c\n', '+', 0)).toBe('   1 | a\n>  2 | b + c\n     |   ^');
    expect(frameOf('a\n  = b +\n    c\n', '= b', 12)).toBe('   1 | a\n>  2 |   = b +\n     |   ^^^^^');
    // Past the end of the line (an error at its end): the caret stands just after it.
    const src = 'x = (1\n';
    expect(codeFrame(new SourceFile('f', src), [6, 6])).toBe('>  1 | x = (1\n     |       ^');
  });

  // (Red team:) a right-to-left override was printed as it is and turned the terminal line around.
  it('shows an invisible format character as � in a frame, the caret still under its place', () => {
    expect(codeFrame(new SourceFile('f', 'a \u202E= b\n'), [2, 3])).toBe('>  1 | a \uFFFD= b\n     |   ^');
    expect(codeFrame(new SourceFile('f', '\u200Bx + \u2066y\n'), [5, 6])).toBe('>  1 | \uFFFDx + \uFFFDy\n     |      ^');
  });

  it('frames an empty last line after the final newline', () => {
    expect(codeFrame(new SourceFile('f', 'a\n'), [2, 2])).toBe('   1 | a\n>  2 |\n     | ^');
  });
});

describe('formatGcc', () => {
  it('gives one line per finding, in source order, passing steps left out', () => {
    expect(formatGcc([q2Report, crlfReport])).toBe(
      [
        'q2.deriv:5:1: error: show "2.1" does not hold: refuted — the chain does not reach the claim: step 3 is refuted',
        'q2.deriv:9:3: error: step does not follow: refuted — the sides differ at a sampled point; counterexample: β = 0.3, δ = 2, n = 2, v_{t-1} = [0.5, -1], g_t = [1, 2]; left = [-0.7, -4.4], right = [-0.3, 2.4]',
        'q2.deriv:8:3: note: the step before',
        'q2.deriv:10:3: warning: step could not be checked: no engine could decide this inequality',
        "q2.deriv:10:42: warning: unknown rule 'Jensen': the step is still checked, without it",
        'dir/crlf.deriv:4:3: error: step has an error: this line did not parse',
        "dir/crlf.deriv:4:5: error: '(' is never closed: expected ')'",
        '',
      ].join('\n'),
    );
  });

  it('lists passing steps as notes with `verbose`', () => {
    const out = formatGcc([q2Report], { verbose: true });
    expect(out).toContain('q2.deriv:7:3: note: step proved: both sides have the same normal form\n');
    expect(out).toContain('q2.deriv:8:3: note: step checked (24 points): the sides agree at 24 sampled points\n');
  });

  it('keeps every finding on one line that a problem matcher reads', () => {
    const src = 'x\n  = y\n';
    const cx: Counterexample = { assignments: [['y', '[1,\n 2]']], left: '1', right: '2', note: 'a note\r\nacross lines' };
    const report: FileReport = {
      file: 'm.deriv',
      source: src,
      diagnostics: [],
      steps: [step(src, 2, 'refuted', { message: 'two\nlines', counterexample: cx })],
      shows: [],
    };
    const out = formatGcc([report, q2Report, crlfReport]);
    const matcher = /^(.+?):(\d+):(\d+): (error|warning|note): (.+)$/;
    for (const line of out.trimEnd().split('\n')) expect(line).toMatch(matcher);
    expect(out).not.toContain(ESC);
    expect(out.split('\n')[0]).toBe(
      'm.deriv:2:3: error: step does not follow: refuted — two lines; counterexample: y = [1, 2]; left = 1, right = 2 (a note across lines)',
    );
  });

  it('gives nothing at all when everything passed', () => {
    const src = 'x\n  = x\n';
    expect(formatGcc([{ file: 'ok', source: src, diagnostics: [], steps: [step(src, 2, 'proved')], shows: [] }])).toBe('');
  });
});

// ---------------------------------------------------------------------------
// A small JSON Schema (2020-12) validator for the keywords schema/report.schema.json uses.

type Schema = Record<string, unknown>;
const SUPPORTED = new Set([
  '$schema', '$id', 'title', 'description', '$defs', '$ref', 'type', 'properties', 'required',
  'additionalProperties', 'items', 'prefixItems', 'minItems', 'maxItems', 'enum', 'const', 'minimum',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Returns the list of violations (empty when `value` is valid). */
function validate(root: Schema, schema: Schema, value: unknown, path = '$'): string[] {
  if (typeof schema['$ref'] === 'string') {
    const name = (schema['$ref'] as string).replace('#/$defs/', '');
    return validate(root, (root['$defs'] as Record<string, Schema>)[name]!, value, path);
  }
  const errors: string[] = [];
  const t = typeOf(value);
  if (schema['type'] !== undefined) {
    const types = ([] as string[]).concat(schema['type'] as string | string[]);
    if (!types.some((x) => x === t || (x === 'number' && t === 'integer'))) return [`${path}: ${t} is not ${types.join('|')}`];
  }
  if ('const' in schema && value !== schema['const']) errors.push(`${path}: not ${String(schema['const'])}`);
  if (Array.isArray(schema['enum']) && !(schema['enum'] as unknown[]).includes(value)) errors.push(`${path}: ${String(value)} not in enum`);
  if (typeof schema['minimum'] === 'number' && typeof value === 'number' && value < (schema['minimum'] as number)) errors.push(`${path}: below minimum`);
  if (t === 'object') {
    const obj = value as Record<string, unknown>;
    const props = (schema['properties'] ?? {}) as Record<string, Schema>;
    for (const key of (schema['required'] ?? []) as string[]) if (!(key in obj)) errors.push(`${path}: missing ${key}`);
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) errors.push(...validate(root, props[key], v, `${path}.${key}`));
      else if (schema['additionalProperties'] === false) errors.push(`${path}: unexpected ${key}`);
    }
  }
  if (t === 'array') {
    const arr = value as unknown[];
    if (typeof schema['minItems'] === 'number' && arr.length < (schema['minItems'] as number)) errors.push(`${path}: too few items`);
    if (typeof schema['maxItems'] === 'number' && arr.length > (schema['maxItems'] as number)) errors.push(`${path}: too many items`);
    const prefix = (schema['prefixItems'] ?? []) as Schema[];
    arr.forEach((v, i) => {
      const s = prefix[i] ?? (schema['items'] as Schema | undefined);
      if (s) errors.push(...validate(root, s, v, `${path}[${i}]`));
    });
  }
  return errors;
}

/** Every keyword in the schema, so the validator is known to understand all of them. */
function keywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (schema === null || typeof schema !== 'object') return out;
  if (Array.isArray(schema)) {
    for (const s of schema) keywords(s, out);
    return out;
  }
  for (const [key, value] of Object.entries(schema)) {
    out.add(key);
    if (key === 'properties' || key === '$defs') for (const s of Object.values(value as object)) keywords(s, out);
    else if (key === 'items' || key === 'prefixItems') keywords(value, out);
  }
  return out;
}

const schema = JSON.parse(readFileSync(new URL('../schema/report.schema.json', import.meta.url), 'utf8')) as Schema;

describe('formatJson', () => {
  const doc = JSON.parse(formatJson([q2Report, crlfReport]));

  it('uses only schema keywords the test validator understands', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect([...keywords(schema)].filter((k) => !SUPPORTED.has(k))).toEqual([]);
  });

  it('validates against schema/report.schema.json, and the validator catches violations', () => {
    expect(validate(schema, schema, doc)).toEqual([]);
    const empty = JSON.parse(formatJson([]));
    expect(validate(schema, schema, empty)).toEqual([]);
    const broken = structuredClone(doc);
    broken.files[0].steps[0].verdict = 'maybe';
    delete broken.summary.passed;
    broken.files[0].extra = 1;
    broken.files[0].steps[2].counterexample.assignments[0] = ['β'];
    expect(validate(schema, schema, broken)).toEqual([
      '$.files[0].steps[0].verdict: maybe not in enum',
      '$.files[0].steps[2].counterexample.assignments[0]: too few items',
      '$.files[0]: unexpected extra',
      '$.summary: missing passed',
    ]);
  });

  it('has the documented keys in the documented order', () => {
    expect(Object.keys(doc)).toEqual(['version', 'files', 'summary']);
    expect(doc.version).toBe(1);
    expect(Object.keys(doc.files[0])).toEqual(['file', 'errors', 'warnings', 'steps', 'shows']);
    expect(Object.keys(doc.files[0].steps[0])).toEqual([
      'line', 'column', 'endLine', 'endColumn', 'section', 'relation', 'verdict', 'method', 'samples', 'counterexample', 'message', 'notes',
    ]);
    expect(Object.keys(doc.files[0].shows[0])).toEqual(['name', 'line', 'column', 'section', 'relation', 'verdict', 'message', 'counterexample', 'notes']);
    expect(Object.keys(doc.files[1].errors[0])).toEqual(['code', 'message', 'line', 'column', 'endLine', 'endColumn', 'severity', 'args', 'fixes']);
    expect(Object.keys(doc.summary)).toEqual(['passed', 'failed', 'proved', 'checked', 'refuted', 'unknown', 'errors']);
  });

  it('places steps at their relation, ends them at their right side, counts columns in code points', () => {
    const [proved, checked, refuted, unknown] = doc.files[0].steps;
    expect(proved).toMatchObject({ line: 7, column: 3, endLine: 7, endColumn: 11, relation: '=', verdict: 'proved', samples: 0, counterexample: null });
    expect(checked).toMatchObject({ line: 8, column: 3, verdict: 'checked', method: 'sampling', samples: 24 });
    // `≤ f̂(β) + 1`: the hat is its own code point.
    expect(unknown).toMatchObject({ line: 10, column: 3, endLine: 10, endColumn: 14, verdict: 'unknown' });
    expect(refuted.counterexample).toEqual({
      assignments: [['β', '0.3'], ['δ', '2'], ['n', '2'], ['v_{t-1}', '[0.5, -1]'], ['g_t', '[1, 2]']],
      left: '[-0.7, -4.4]',
      right: '[-0.3, 2.4]',
    });
    expect(doc.files[0].shows[0]).toEqual({
      name: '2.1', line: 5, column: 1, section: '2.1', relation: '=', verdict: 'refuted',
      message: 'the chain does not reach the claim: step 3 is refuted', counterexample: null, notes: [],
    });
  });

  it('puts warnings apart from errors', () => {
    expect(doc.files[0].errors).toEqual([]);
    expect(doc.files[0].warnings).toEqual([
      { code: 'unknown-rule', message: "unknown rule 'Jensen': the step is still checked, without it", line: 10, column: 42, endLine: 10, endColumn: 48, severity: 'warning', args: {}, fixes: [] },
    ]);
    // CRLF: the `\r` does not shift columns.
    expect(doc.files[1].errors).toEqual([
      { code: 'unclosed', message: "'(' is never closed: expected ')'", line: 4, column: 5, endLine: 4, endColumn: 6, severity: 'error', args: {}, fixes: [] },
    ]);
    expect(doc.files[1].steps[0]).toMatchObject({ line: 3, column: 2, section: null });
  });

  it('sums like summarize and keeps a counterexample note', () => {
    expect(doc.summary).toEqual({ passed: 3, failed: 4, proved: 2, checked: 1, refuted: 2, unknown: 1, errors: 1 });
    const withNote: FileReport = {
      ...q2Report,
      steps: [{ ...q2Report.steps[2]!, counterexample: { ...COUNTEREXAMPLE, note: 'undefined on the right' } }],
    };
    expect(toJsonReport([withNote]).files[0]!.steps[0]!.counterexample).toMatchObject({ note: 'undefined on the right' });
    expect(formatJson([withNote], { indent: 0 })).not.toContain('\n  ');
  });
});

describe('a value known only within bounds', () => {
  it('reads λ ≈ -2.83 in every format, not λ = ≈ -2.83 (red team)', async () => {
    const { formatAssignments } = await import('../src/report/findings.js');
    const cx = { assignments: [['n', '2'], ['λ', '≈ -2.82842712475']] as [string, string][], left: '[3, -3]', right: 'undefined' };
    expect(formatAssignments(cx)).toBe('n = 2, λ ≈ -2.82842712475');
  });
});
