import { createHash } from 'node:crypto';
import type { Chain, Range, Show, Step } from '../ast.js';
import type { Diagnostic, RelatedNote } from '../diagnostics.js';
import { parseDerivation, parseExpression } from '../parse/index.js';
import { latexName } from '../print/latex.js';
import { summarize, type Counterexample, type FileReport, type ShowResult, type StepResult, type Verdict } from '../result.js';
import { SourceFile } from '../source.js';
import { resolve } from '../types/resolve.js';
import { VERDICT_MARK, passes, verdictLabel } from './findings.js';
import { mathStylesheet, renderMath } from './katex.js';
import { chainRows, hintRich, typesetDerivation, type Block, type Rich } from './typeset.js';

/**
 * The HTML report: one self-contained page (no script, no network: math is typeset here
 * by KaTeX, its fonts inlined) showing every chain typeset, each step marked by verdict
 * with a colour and a symbol, the reason and counterexample under each failing step, the
 * summary at the top and source line numbers. Everything from the file is escaped, and a
 * Content-Security-Policy forbids scripts and every request.
 */

/** Options of the HTML report. */
export interface HtmlOptions {
  /** The page title; default "deriv report: FILE". */
  readonly title?: string;
}

/** Characters that must not reach a page as themselves: controls and bidirectional overrides (shown as U+FFFD). */
const UNSAFE_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Text for HTML content or a quoted attribute: `& < > " '` escaped, controls made visible. */
export function escapeHtml(text: string): string {
  return text.replace(UNSAFE_CHARS, '\ufffd').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Running text with math, as HTML. */
function richHtml(rich: Rich): string {
  return rich.map((p) => (typeof p === 'string' ? escapeHtml(p) : renderMath(p.math))).join('');
}

const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A number as LaTeX: `1.5e-7` → `1.5 \cdot 10^{-7}`. */
function numberTex(n: string): string {
  const m = /^(.*?)e([+-]?)(\d+)$/i.exec(n);
  return m ? `${m[1]} \\cdot 10^{${m[2] === '-' ? '-' : ''}${m[3]}}` : n;
}

/** A counterexample value (`2`, `[1, 2]`, `[[1, 2], [3, 4]]`) as LaTeX, or null when it is not plain numbers. */
function valueTex(value: string): string | null {
  const v = value.trim();
  if (NUMBER.test(v)) return numberTex(v);
  const entries = (row: string): string[] | null => {
    const items = row.split(',').map((s) => s.trim());
    return items.length > 0 && items.every((s) => NUMBER.test(s)) ? items.map(numberTex) : null;
  };
  const matrix = /^\[\s*\[(.*)\]\s*\]$/s.exec(v);
  if (matrix) {
    const rows = matrix[1]!.split(/\]\s*,\s*\[/).map(entries);
    if (rows.some((r) => r === null)) return null;
    return `\\begin{pmatrix}${rows.map((r) => r!.join(' & ')).join(' \\\\ ')}\\end{pmatrix}`;
  }
  const vector = /^\[([^[\]]*)\]$/.exec(v);
  if (vector) {
    const items = entries(vector[1]!);
    return items === null ? null : `\\begin{pmatrix}${items.join(' \\\\ ')}\\end{pmatrix}`;
  }
  return null;
}

/** A counterexample value, typeset when it is numbers, else as code. */
function valueHtml(value: string): string {
  const tex = valueTex(value);
  return tex === null ? `<code>${escapeHtml(value)}</code>` : renderMath(tex);
}

/** A name from a counterexample (`g_1`, `Δθ_0`), typeset when it reads as a name. */
function nameHtml(name: string): string {
  const { expr } = parseExpression(name);
  return expr?.kind === 'Var' ? renderMath(latexName(expr.name)) : `<code>${escapeHtml(name)}</code>`;
}

/** `= ` before a value, or nothing before one known only within bounds (it starts with ≈). */
const equalsFor = (value: string): string => (value.startsWith('≈') ? '' : '= ');

/** The counterexample block: each name's value, then both sides. */
function counterexampleHtml(cx: Counterexample): string {
  const assignments = cx.assignments.map(([name, value]) => `<li>${nameHtml(name)} ${equalsFor(value)}${valueHtml(value)}</li>`).join('');
  return [
    '<div class="cx"><p class="cx-title">Counterexample</p>',
    assignments === '' ? '' : `<ul class="assign">${assignments}</ul>`,
    // (`left ≈ 0`, not `left = ≈ 0`: a side known only within bounds, as in the text output.)
    `<p class="sides"><span>left ${equalsFor(cx.left)}${valueHtml(cx.left)}</span> <span>right ${equalsFor(cx.right)}${valueHtml(cx.right)}</span></p>`,
    cx.note ? `<p class="cx-note">${escapeHtml(cx.note)}</p>` : '',
    '</div>',
  ].join('');
}

/** Per-file context: where things are, and how to link to a line. */
interface FileContext {
  readonly id: string;
  readonly source: SourceFile;
  readonly stepsAt: Map<number, StepResult>;
  readonly showsAt: Map<number, ShowResult>;
}

function lineOf(ctx: FileContext, offset: number): number {
  return ctx.source.position(offset).line;
}

/** A line number linking to the line in the source listing. */
function lineLink(ctx: FileContext, line: number): string {
  return `<a class="ln" href="#${ctx.id}-L${line}">${line}</a>`;
}

/** The mark of a verdict: symbol and word, coloured by the row's class. */
function markHtml(verdict: Verdict, samples: number): string {
  return `<span class="mark"><span class="sym" aria-hidden="true">${VERDICT_MARK[verdict]}</span> ${escapeHtml(verdictLabel(verdict, samples))}</span>`;
}

function notesHtml(ctx: FileContext, notes: readonly RelatedNote[]): string {
  return notes.map((n) => {
    const where = n.range ? ` (line ${lineLink(ctx, lineOf(ctx, n.range[0]))})` : '';
    return `<p class="note">note: ${escapeHtml(n.message)}${where}</p>`;
  }).join('');
}

/** What is shown under a failing step or show: why, and the counterexample. */
function detailHtml(ctx: FileContext, message: string, cx: Counterexample | null, notes: readonly RelatedNote[]): string {
  return `<p class="reason">${escapeHtml(message)}</p>${cx ? counterexampleHtml(cx) : ''}${notesHtml(ctx, notes)}`;
}

/** A step's source text (for a line that did not parse). */
function sourceText(ctx: FileContext, range: Range): string {
  return `<code class="unparsed">${escapeHtml(ctx.source.text.slice(range[0], range[1]).trim())}</code>`;
}

/** One chain as a table: a row per step, a detail row under each failing one. */
function chainHtml(ctx: FileContext, chain: Chain, caption: string | null): string {
  const rows: string[] = [];
  for (const row of chainRows(chain)) {
    const step: Step | null = row.step;
    const result = step === null ? undefined : ctx.stepsAt.get(step.relRange[0]);
    if (step !== null) ctx.stepsAt.delete(step.relRange[0]);
    const at = step === null ? ctx.source.position(chain.range[0]) : ctx.source.position(step.relRange[0]);
    const verdict = result?.verdict;
    const attrs = [
      `class="step${verdict ? ` v-${verdict}` : ''}"`,
      `data-line="${at.line}"`,
      `data-column="${at.column}"`,
      verdict ? `data-verdict="${verdict}"` : '',
      result && passes(result.verdict) ? `title="${escapeHtml(result.message)}"` : '',
    ].filter(Boolean).join(' ');
    const headLine = ctx.source.position(chain.range[0]).line;
    const headEnd = (ctx.source.lineStarts[headLine - 1] ?? 0) + ctx.source.lineText(headLine).length;
    // Chains are set in display style, as in an align* block (full-size fractions and sums).
    const display = (tex: string): string => renderMath(`\\displaystyle ${tex}`);
    const head = row.lhs === null ? '' : chain.head === null ? sourceText(ctx, [chain.range[0], headEnd]) : display(row.lhs);
    // A first statement stands where the statements after `⇔` do.
    const lhs = row.statementHead ? '' : head;
    const rhs = row.statementHead ? head : row.rhs === null ? '' : step?.rhs === null ? sourceText(ctx, step.range) : display(row.rhs);
    rows.push([
      `<tr ${attrs}>`,
      `<td class="ln-cell">${lineLink(ctx, at.line)}</td>`,
      `<td class="lhs">${lhs}</td>`,
      `<td class="rhs">${rhs}</td>`,
      `<td class="why">${row.hint ? richHtml(hintRich(row.hint)) : ''}</td>`,
      `<td class="verdict">${result ? markHtml(result.verdict, result.samples) : ''}</td>`,
      '</tr>',
    ].join(''));
    if (result && !passes(result.verdict)) {
      rows.push(`<tr class="detail v-${result.verdict}"><td></td><td colspan="4">${detailHtml(ctx, result.message, result.counterexample, result.notes)}</td></tr>`);
    } else if (result) {
      // A passing step's own notes (where it extends a side's domain), as text and gcc show them.
      const own = result.notes.filter((n) => !n.range);
      if (own.length > 0) rows.push(`<tr class="detail v-${result.verdict}"><td></td><td colspan="4">${notesHtml(ctx, own)}</td></tr>`);
    }
  }
  const head = caption === null ? '' : `<p class="caption">${escapeHtml(caption)}</p>`;
  return `<div class="chain">${head}<table>${rows.join('')}</table></div>`;
}

/** A claim (show or answer): label, statement, verdict, and why it failed. */
function claimHtml(ctx: FileContext, label: string, statement: Rich, show: Show | null, range: Range): string {
  const result = show === null ? undefined : ctx.showsAt.get(show.range[0]);
  if (show !== null) ctx.showsAt.delete(show.range[0]);
  const line = lineOf(ctx, range[0]);
  const verdict = result?.verdict;
  const attrs = `class="claim${verdict ? ` v-${verdict}` : ''}" data-line="${line}"${verdict ? ` data-verdict="${verdict}"` : ''}`;
  const mark = result ? markHtml(result.verdict, 0) : '';
  const notes = result?.notes ?? [];
  const detail = result && !passes(result.verdict) ? `<div class="detail">${detailHtml(ctx, result.message, result.counterexample, notes)}</div>`
    : notes.length > 0 ? `<div class="detail">${notesHtml(ctx, notes)}</div>` : '';
  return `<div ${attrs}><p>${lineLink(ctx, line)} <strong>${escapeHtml(label)}.</strong> ${richHtml(statement)}${mark ? ` ${mark}` : ''}</p>${detail}</div>`;
}

function blockHtml(ctx: FileContext, block: Block): string {
  switch (block.kind) {
    case 'title': return `<h3 class="doc-title">${escapeHtml(block.text)}</h3>`;
    case 'section': return `<h4 class="section">${lineLink(ctx, lineOf(ctx, block.range[0]))} ${escapeHtml(block.name)}</h4>`;
    case 'paragraph':
      return `<p class="preamble">${lineLink(ctx, lineOf(ctx, block.range[0]))} ${block.sentences.map(richHtml).join(' ')}</p>`;
    case 'claim': return claimHtml(ctx, block.label, block.statement, block.show, block.range);
    case 'chain': return chainHtml(ctx, block.chain, block.caption);
  }
}

function diagnosticHtml(ctx: FileContext, d: Diagnostic): string {
  const at = ctx.source.position(d.range[0]);
  return `<li class="diag ${d.severity}" data-line="${at.line}">${lineLink(ctx, at.line)}:${at.column} <strong>${d.severity}:</strong> ${escapeHtml(d.message)}${notesHtml(ctx, d.notes)}</li>`;
}

/** Steps and shows the typeset chains did not place (none, unless the report and the text disagree). */
function leftoverHtml(ctx: FileContext): string {
  const items = [...ctx.stepsAt.values(), ...ctx.showsAt.values()].map((r) => {
    const line = lineOf(ctx, 'relRange' in r ? r.relRange[0] : r.range[0]);
    const failing = !passes(r.verdict);
    return `<li class="v-${r.verdict}" data-line="${line}" data-verdict="${r.verdict}">${lineLink(ctx, line)} ${markHtml(r.verdict, 'samples' in r ? r.samples : 0)}${failing ? detailHtml(ctx, r.message, r.counterexample, r.notes ?? []) : ''}</li>`;
  });
  return items.length === 0 ? '' : `<ul class="leftover">${items.join('')}</ul>`;
}

/** The source with line numbers and each line's verdict marks. */
function sourceHtml(ctx: FileContext, report: FileReport): string {
  const marks = new Map<number, Verdict[]>();
  for (const r of [...report.steps, ...report.shows]) {
    const line = lineOf(ctx, 'relRange' in r ? r.relRange[0] : r.range[0]);
    marks.set(line, [...(marks.get(line) ?? []), r.verdict]);
  }
  // A final line break ends the last line; it does not start another.
  const count = ctx.source.lineStarts.length - (ctx.source.lineText(ctx.source.lineStarts.length) === '' ? 1 : 0);
  const lines = ctx.source.lineStarts.slice(0, Math.max(1, count)).map((_start, i) => {
    const n = i + 1;
    const v = marks.get(n) ?? [];
    const gutter = v.map((x) => `<span class="v-${x}">${VERDICT_MARK[x]}</span>`).join('');
    return `<span class="src-line" id="${ctx.id}-L${n}"><span class="src-n">${n}</span><span class="src-mark">${gutter}</span>${escapeHtml(ctx.source.lineText(n))}</span>`;
  });
  return `<details class="source"><summary>Source (${lines.length} lines)</summary><pre>${lines.join('')}</pre></details>`;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Counts for a summary line: `2 proved · 7 refuted · shows: 0 of 2 hold`. */
function countsHtml(reports: readonly FileReport[]): string {
  const s = summarize(reports);
  const errorSteps = s.failed - s.refuted - s.unknown;
  const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const shows = reports.flatMap((r) => r.shows);
  const chip = (v: Verdict, n: number, word: string): string =>
    n > 0 ? `<span class="chip v-${v}"><span class="sym" aria-hidden="true">${VERDICT_MARK[v]}</span> ${n} ${word}</span>` : '';
  return [
    chip('proved', s.proved, 'proved'),
    chip('checked', s.checked, 'checked'),
    chip('refuted', s.refuted, 'refuted'),
    chip('unknown', s.unknown, 'unknown'),
    chip('error', errorSteps, 'in error'),
    s.errors > 0 ? `<span class="chip v-error">${plural(s.errors, 'error')}</span>` : '',
    warnings > 0 ? `<span class="chip v-unknown">${plural(warnings, 'warning')}</span>` : '',
    shows.length > 0 ? `<span class="chip">shows: ${shows.filter((x) => passes(x.verdict)).length} of ${shows.length} hold</span>` : '',
  ].filter(Boolean).join(' ');
}

function fileHtml(report: FileReport, index: number): string {
  const source = new SourceFile(report.file, report.source);
  const ctx: FileContext = {
    id: `f${index + 1}`,
    source,
    stepsAt: new Map(report.steps.map((s) => [s.relRange[0], s])),
    showsAt: new Map(report.shows.map((s) => [s.range[0], s])),
  };
  const { ast } = resolve(parseDerivation(report.source).ast);
  const body = typesetDerivation(ast).map((b) => blockHtml(ctx, b)).join('\n');
  const diagnostics = report.diagnostics.length === 0 ? '' : `<ul class="diagnostics">${report.diagnostics.map((d) => diagnosticHtml(ctx, d)).join('')}</ul>`;
  const s = summarize([report]);
  const status = s.failed > 0 || s.errors > 0 ? 'failed' : 'passed';
  return [
    `<section class="file ${status}" id="${ctx.id}">`,
    `<h2 class="file-name">${escapeHtml(report.file)}</h2>`,
    `<p class="counts">${countsHtml([report])}</p>`,
    diagnostics,
    `<div class="doc">${body}</div>`,
    leftoverHtml(ctx),
    sourceHtml(ctx, report),
    '</section>',
  ].join('\n');
}

/** The summary at the top: passed/failed, counts, a line per file, the legend. */
function summaryHtml(reports: readonly FileReport[]): string {
  const s = summarize(reports);
  const failed = s.failed > 0 || s.errors > 0;
  const headline = failed
    ? `<span class="sym" aria-hidden="true">✗</span> ${s.failed} failed, ${s.passed} passed`
    : `<span class="sym" aria-hidden="true">✓</span> ${s.passed} passed, none failed`;
  const files = reports.length > 1
    ? `<ul class="files">${reports.map((r, i) => {
      const fs = summarize([r]);
      return `<li><a href="#f${i + 1}">${escapeHtml(r.file)}</a>: ${fs.passed} passed, ${fs.failed} failed</li>`;
    }).join('')}</ul>`
    : '';
  const legend = (['proved', 'checked', 'refuted', 'unknown', 'error'] as const)
    .map((v) => `<span class="v-${v}"><span class="sym" aria-hidden="true">${VERDICT_MARK[v]}</span> ${v}</span>`).join(' ');
  return [
    `<header class="summary ${failed ? 'failed' : 'passed'}">`,
    `<h1>${headline}</h1>`,
    `<p class="counts">${countsHtml(reports)}</p>`,
    files,
    `<p class="legend">${legend} — proved: a symbolic proof and every sampled point agrees; checked: held at every sampled point; refuted: a counterexample; unknown: not decided (says why).</p>`,
    '</header>',
  ].join('\n');
}

/** The page's own style: verdict colours (always with a symbol too), layout, and a print style. */
const PAGE_CSS = `
:root{--proved:#1a7f37;--checked:#0a6ab6;--refuted:#c62828;--unknown:#9a6700;--error:#7b3fc4;--muted:#59636e;--line:#d1d9e0;color-scheme:light}
*{box-sizing:border-box}
body{margin:0 auto;max-width:78rem;padding:1.25rem 1.5rem 3rem;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:.2rem 0}
h2.file-name{font:600 1.15rem/1.3 ui-monospace,"DejaVu Sans Mono",monospace;margin:2rem 0 .3rem;padding-top:.8rem;border-top:2px solid var(--line)}
h3.doc-title{font-size:1.2rem;margin:1rem 0 .4rem}
h4.section{font-size:1.02rem;margin:1.4rem 0 .3rem;border-bottom:1px solid var(--line)}
a.ln{color:var(--muted);font:12px ui-monospace,"DejaVu Sans Mono",monospace;text-decoration:none}
a.ln:hover{text-decoration:underline}
header.summary{border:1px solid var(--line);border-left:6px solid var(--proved);border-radius:6px;padding:.6rem 1rem;background:#f6f8fa}
header.summary.failed{border-left-color:var(--refuted)}
header.summary.failed h1 .sym{color:var(--refuted)}header.summary.passed h1 .sym{color:var(--proved)}
.legend{color:var(--muted);font-size:.85rem;margin:.3rem 0 0}
.chip{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;margin:.1rem .1rem;font-size:.85rem;background:#fff}
.v-proved{--c:var(--proved)}.v-checked{--c:var(--checked)}.v-refuted{--c:var(--refuted)}.v-unknown{--c:var(--unknown)}.v-error{--c:var(--error)}
.chip[class*="v-"],.legend [class*="v-"],.src-mark [class*="v-"]{color:var(--c)}
.mark{color:var(--c);font-weight:600;white-space:nowrap}
.sym{font-weight:700}
.preamble{margin:.4rem 0}
.claim{margin:.8rem 0 .2rem;padding:.2rem .6rem;border-left:4px solid var(--c,var(--line))}
.claim p{margin:.2rem 0}
.chain{margin:.2rem 0 .8rem;overflow-x:auto}
.chain .caption{margin:.4rem 0 0;font-style:italic}
.chain table{border-collapse:collapse}
.chain td{padding:.15rem .5rem;vertical-align:baseline}
tr.step{border-left:4px solid var(--c,var(--line))}
tr.step td.lhs{text-align:right;white-space:nowrap}
tr.step td.rhs{white-space:nowrap}
tr.step td.why{color:var(--muted);font-size:.9rem;padding-left:1.5rem}
tr.step.v-refuted,tr.step.v-error{background:#fff5f5}tr.step.v-unknown{background:#fffbea}
tr.detail{border-left:4px solid var(--c)}
tr.detail td,.claim .detail{padding:.1rem .5rem .6rem;font-size:.92rem}
.reason{margin:.1rem 0;font-weight:500}
.cx{margin:.2rem 0;padding:.3rem .6rem;border:1px dashed var(--c,var(--line));border-radius:4px;background:#fff}
.cx-title{margin:0;font-weight:600;font-size:.85rem;color:var(--c)}
.assign{list-style:none;margin:.1rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;align-items:center}
.sides{margin:.2rem 0;display:flex;gap:2rem;flex-wrap:wrap;align-items:center}
.cx-note,.note{margin:.1rem 0;color:var(--muted)}
code.unparsed{background:#f6f8fa;padding:0 .3rem;border-radius:3px}
.diagnostics{padding-left:1.2rem}.diag.error strong{color:var(--error)}.diag.warning strong{color:var(--unknown)}
details.source{margin-top:1rem}details.source summary{cursor:pointer;color:var(--muted)}
details.source pre{font:13px/1.45 ui-monospace,"DejaVu Sans Mono",monospace;background:#f6f8fa;padding:.5rem;overflow-x:auto}
.src-line{display:block}.src-line:target{background:#fff8c5}
.src-n{display:inline-block;width:3.5ch;text-align:right;color:var(--muted);margin-right:.5ch;user-select:none}
.src-mark{display:inline-block;width:3ch;user-select:none}
@media print{
body{max-width:none;padding:0;font-size:10.5pt}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
details.source,.legend{display:none}
.claim,.chain,tr,.cx{break-inside:avoid}
h2.file-name,h4.section{break-after:avoid}
.chain{overflow:visible}
a.ln{color:#555}
}
`;

/**
 * The HTML report of one or more checked files: a summary at the top, then for each file
 * its problems, its derivation typeset (claims, and chains with a verdict per step and
 * the reason and counterexample under each failing one) and its source with line numbers.
 */
export function formatHtml(reports: readonly FileReport[], options: HtmlOptions = {}): string {
  const body = [summaryHtml(reports), '<main>', ...reports.map(fileHtml), '</main>'].join('\n');
  const style = `${mathStylesheet(body)}\n${PAGE_CSS}`;
  const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${styleHash}'`,
    // KaTeX positions glyphs with style attributes; attributes cannot run code.
    "style-src-attr 'unsafe-inline'",
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const title = options.title ?? `deriv report: ${reports.map((r) => r.file).join(', ')}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
