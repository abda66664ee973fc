import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { DIAGNOSTICS, diagnostic, messages, severityOf, type Code } from '../src/diagnostics.js';
import { formatGcc, formatText, toJsonReport } from '../src/report/index.js';

/** Diagnostics keep their data (DESIGN.md item 7): one code per message, severity in the registry, args, fixes. */
describe('the registry of diagnostics', () => {
  it('gives every code one severity and one template', () => {
    for (const [code, entry] of Object.entries(DIAGNOSTICS)) {
      expect(['error', 'warning', 'note'], code).toContain(entry.severity);
      expect(typeof entry.message, code).toBe('function');
      expect(messages[code as Code]).toBe(entry.message);
    }
  });

  it('keeps the args a message was made from, and takes the severity from the registry', () => {
    const d = diagnostic('unknown-name', { name: 'ab', suggestion: 'a b or a*b' }, [3, 5]);
    expect(d).toEqual({
      severity: 'error', code: 'unknown-name', message: "unknown name 'ab': write a b or a*b, or declare it",
      args: { name: 'ab', suggestion: 'a b or a*b' }, range: [3, 5], notes: [],
    });
    expect(severityOf('reading')).toBe('warning');
    expect(diagnostic('reading', { written: 'x^2y', reading: 'x^2 · y', other: 'x^{2y}' }, [0, 4]).severity).toBe('warning');
  });

  it('never uses one code for free text: no code takes a bare reason', () => {
    for (const [code, entry] of Object.entries(DIAGNOSTICS)) {
      const src = entry.message.toString();
      expect(src, code).not.toMatch(/a\.reason/u);
    }
  });
});

describe('fixes', () => {
  it('suggests writing an unknown word as a product', async () => {
    const report = await checkSource('scalar p, q\npq = p q\nab = 1\n');
    const d = report.diagnostics.find((x) => x.code === 'unknown-name')!;
    expect(d.fixes).toEqual([{ message: 'write a b', edits: [{ range: [21, 23], text: 'a b' }] }]);
    // pq, of declared letters, is read as their product: no diagnostic.
    expect(report.steps[0]!.verdict).toBe('proved');
  });

  it('suggests declaring an unknown function, and writing it as a product', async () => {
    const report = await checkSource('foo(x) = 1\n');
    expect(report.diagnostics[0]!.fixes!.map((f) => f.message)).toEqual(['declare function foo : R → R', 'write f o o']);
  });

  it('carries code, args and fixes in JSON, as the schema says', async () => {
    const report = await checkSource('scalar z\nσ(z) = 1\nab = 1\n', { file: 'f.deriv' });
    const doc = toJsonReport([report]);
    const warning = doc.files[0]!.warnings.find((w) => w.code === 'undeclared-function')!;
    expect(warning).toEqual({
      code: 'undeclared-function', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 2,
      message: "'σ' is not declared, so σ(z) is read as a product; to apply a function, declare it: function σ : R → R",
      args: { name: 'σ', product: 'σ(z)' },
      fixes: [{ message: 'declare function σ : R → R', edits: [{ line: 1, column: 1, endLine: 1, endColumn: 1, text: 'function σ : R → R\n' }] }],
    });
    const error = doc.files[0]!.errors.find((e) => e.code === 'unknown-name')!;
    expect(error.args).toEqual({ name: 'ab', suggestion: 'a b or a*b' });
    const schema = JSON.parse(readFileSync(join(__dirname, '..', 'schema', 'report.schema.json'), 'utf8')) as { $defs: Record<string, { required?: string[] }> };
    expect(Object.keys(error)).toEqual(schema.$defs['diagnostic']!.required);
  });

  // (Red team:) an undeclared d outside dy/dx was silently a number: (d y)/(d x) = 3x² refuted
  // with "d = 1" and no word on how it was read.
  it.each([
    ['(d y)/(d x)', 'scalar x\ndefine y = x^3\n(d y)/(d x) = 3x^2\n', 1],
    ['d sin(x)/d x', 'scalar x\nd sin(x)/d x = cos(x)\n', 1],
    ['d y / d x (a derivative)', 'scalar x\ndefine y = x^3\nd y / d x = 3x^2\n', 0],
    ['a declared d', 'scalar x, y, d\n(d y)/(d x) = y/x\n', 0],
  ])('warns once where an undeclared d is read as a number: %s', async (_what, text, count) => {
    const report = await checkSource(text);
    expect(report.diagnostics.filter((d) => d.code === 'undeclared-d')).toHaveLength(count);
  });

  it('shows fixes as help: lines in text and as notes in gcc', async () => {
    const report = await checkSource('ab = 1\n', { file: 'f.deriv' });
    expect(formatText([report])).toContain('   help: write a b');
    expect(formatGcc([report])).toContain('f.deriv:1:1: note: fix: write a b');
  });
});
