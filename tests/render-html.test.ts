import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import type { FileReport } from '../src/result.js';
import { escapeHtml, formatHtml } from '../src/report/html.js';
import { toJsonReport } from '../src/report/json.js';

const root = path.join(import.meta.dirname, '..');
const read = (p: string): string => readFileSync(path.join(root, p), 'utf8');

/** A file whose title, section, show name, comment, justifications and broken lines try to inject markup. */
const HOSTILE = read('tests/fixtures/render/hostile.deriv');

describe('the HTML report of derivations/wrong.deriv', () => {
  let report: FileReport;
  let html: string;
  beforeAll(async () => {
    report = await checkSource(read('derivations/wrong.deriv'), { file: 'derivations/wrong.deriv' });
    html = formatHtml([report]);
  });

  it('is one page with a strict Content-Security-Policy whose hash matches its one style element', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).not.toMatch(/style-src '[^']*unsafe-inline/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(csp).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    // CSP comes before the style it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('needs no network and no script: no src, only in-page links, fonts as data: URLs', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\ssrc=/i);
    for (const m of html.matchAll(/href="([^"]*)"/g)) expect(m[1]).toMatch(/^#f1-L\d+$/);
    const urls = [...html.matchAll(/url\(([^)]{0,30})/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(3);
    for (const u of urls) expect(u).toMatch(/^data:font\/woff2;base64,/);
  });

  it('every formula is typeset by KaTeX without an error', () => {
    expect(html).not.toContain('katex-error');
    expect((html.match(/class="katex"/g) ?? []).length).toBeGreaterThan(40);
  });

  it('marks every step and show where the JSON report has it, with symbol and word', () => {
    const json = toJsonReport([report]).files[0]!;
    expect(json.steps.length).toBe(7);
    for (const s of json.steps) {
      const row = new RegExp(`<tr class="step v-${s.verdict}" data-line="${s.line}" data-column="${s.column}" data-verdict="${s.verdict}"[^>]*>.*?</tr>`, 's').exec(html);
      expect(row, `line ${s.line}`).not.toBeNull();
      const symbol = { proved: '✓', checked: '≈', refuted: '✗', unknown: '?', error: '!' }[s.verdict];
      expect(row![0]).toContain(`<span class="sym" aria-hidden="true">${symbol}</span> ${s.verdict}`);
    }
    for (const s of json.shows) expect(html).toContain(`<div class="claim v-${s.verdict}" data-line="${s.line}" data-verdict="${s.verdict}">`);
  });

  it('shows the reason and the counterexample under each refuted step, typeset', () => {
    const details = [...html.matchAll(/<tr class="detail v-refuted">(.*?)<\/tr>/gs)].map((m) => m[1]!);
    expect(details).toHaveLength(report.steps.filter((s) => s.verdict === 'refuted').length);
    for (const d of details) {
      expect(d).toContain('<p class="reason">');
      expect(d).toContain('Counterexample');
      expect(d).toMatch(/left = .*right = /);
    }
    // Vectors and matrices as matrices; an undefined side as text.
    expect(html).toContain('\\begin{pmatrix}3 \\\\ 3\\end{pmatrix}');
    expect(html).toContain('\\begin{pmatrix}-2 &amp; -2 \\\\ 3 &amp; -2\\end{pmatrix}');
    expect(html).toContain('right = <code>undefined</code>');
  });

  it('numbers every line: steps link to their line in the source listing', () => {
    expect(html).toContain('<a class="ln" href="#f1-L16">16</a>');
    expect(html).toContain('<span class="src-line" id="f1-L16">');
    expect((html.match(/class="src-line"/g) ?? []).length).toBe(read('derivations/wrong.deriv').trimEnd().split('\n').length);
  });

  it('has a print style', () => {
    expect(html).toMatch(/@media print\{[^]*details\.source/);
  });
});

describe('the HTML report escapes everything from the file', () => {
  let html: string;
  beforeAll(async () => {
    html = formatHtml([await checkSource(HOSTILE, { file: '<b>evil</b>.deriv' })]);
  });

  it('no markup from the file reaches the page', () => {
    const raw = html.match(/<(script|img|iframe|b>)|<a href=(?!"#)|<[a-z]+\s[^>]*\bon[a-z]+=/gi);
    expect(raw).toBeNull();
    expect(html.includes('\u202E')).toBe(false);
  });

  it('…yet every piece is shown as text', () => {
    for (const text of [
      '<h3 class="doc-title">&#60;script&#62;window.__pwned=1&#60;/script&#62;&#60;img src=x onerror=window.__pwned=2&#62;</h3>',
      '&#60;/style&#62;&#60;script&#62;window.__pwned=3',
      '# &#60;script&#62;window.__pwned=4',
      '&#60;img src=x onerror=alert(1)&#62;',
      '&#60;b&#62;evil&#60;/b&#62;.deriv',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('escapeHtml: markup characters, controls and bidirectional overrides', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a>`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;amp;&#60;/a&#62;');
    expect(escapeHtml('a\u0000b\u001bc\u202Ed\u2066e\tf')).toBe('a\ufffdb\ufffdc\ufffdd\ufffde\tf');
  });
});

describe('the HTML report of several files', () => {
  it('one page: a summary over all files, a section and a link per file', async () => {
    const sources = { 'good.deriv': 'scalar a, b\n(a + b)²\n  = a² + 2ab + b²\n', 'bad.deriv': 'scalar a, b\n(a + b)²\n  = a² + b²\n  = b² + a²\n' };
    const reports = await Promise.all(Object.entries(sources).map(([file, text]) => checkSource(text, { file })));
    const html = formatHtml(reports);
    expect(html).toContain('<a href="#f1">good.deriv</a>: 1 passed, 0 failed');
    expect(html).toContain('<a href="#f2">bad.deriv</a>: 1 passed, 1 failed');
    expect(html).toContain('<section class="file passed" id="f1">');
    expect(html).toContain('<section class="file failed" id="f2">');
    expect(html).toContain('<h1><span class="sym" aria-hidden="true">✗</span> 1 failed, 2 passed</h1>');
    expect(html).not.toContain('katex-error');
  });
});

// A side known only within bounds reads `left ≈ 0`, as in the text output (it read `left = ≈ 0`).
it('writes a side or value known only within bounds as ≈, without an =', async () => {
  const report = await checkSource('scalar x\n    x\n  = x + 1\n', { file: 'approx.deriv' });
  const step = report.steps[0]!;
  const approx: FileReport = { ...report, steps: [{ ...step, counterexample: { assignments: [['x', '≈ 1.41421']], left: '≈ 0', right: '1' } }] };
  const html = formatHtml([approx]);
  expect(html).not.toMatch(/=\s*(<[^>]*>)*\s*≈/);
  expect(html).toMatch(/left (<[^>]*>)*≈ 0/);
});
