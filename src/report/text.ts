import type { Severity } from '../diagnostics.js';
import { summarize, type FileReport, type Verdict } from '../result.js';
import { SourceFile } from '../source.js';
import {
  VERDICT_MARK,
  assignmentText,
  findingsOf,
  formatAssignments,
  passes,
  verdictLabel,
  type Finding,
} from './findings.js';
import { clipText, codeFrame, displayWidth, sanitize, type FramePaint } from './frame.js';

/** Options of the human-readable format. */
export interface TextOptions {
  /** ANSI colour; the CLI turns it on only on a TTY without NO_COLOR. */
  readonly color?: boolean;
}

/** Widest step or show text on a verdict line, in display columns. */
const ITEM_TEXT_WIDTH = 72;

type Paint = (s: string) => string;

interface Palette {
  readonly bold: Paint;
  readonly dim: Paint;
  readonly verdict: (v: Verdict) => Paint;
  readonly severity: (s: Severity) => Paint;
}

function sgr(open: number, close: number): Paint {
  return (s) => `\u001b[${open}m${s}\u001b[${close}m`;
}

function palette(color: boolean): Palette {
  const id: Paint = (s) => s;
  if (!color) return { bold: id, dim: id, verdict: () => id, severity: () => id };
  const red = sgr(31, 39);
  const green = sgr(32, 39);
  const yellow = sgr(33, 39);
  const cyan = sgr(36, 39);
  const magenta = sgr(35, 39);
  const byVerdict: Record<Verdict, Paint> = { proved: green, checked: cyan, refuted: red, unknown: yellow, error: magenta };
  const bySeverity: Record<Severity, Paint> = { error: red, warning: yellow, note: cyan };
  return { bold: sgr(1, 22), dim: sgr(2, 22), verdict: (v) => byVerdict[v], severity: (s) => bySeverity[s] };
}

/** `file:line:column`. */
function location(file: string, f: Finding): string {
  return `${file}:${f.at.line}:${f.at.column}`;
}

/** The source a verdict line shows: the step from its relation to its end (on that line), or the show's label. */
function itemText(source: SourceFile, f: Finding): string {
  if (f.label !== null) return f.label;
  const line = source.lineText(f.at.line);
  const lineStart = source.lineStarts[f.at.line - 1] ?? 0;
  const from = f.range[0] - lineStart;
  const to = Math.min(f.range[1] - lineStart, line.length);
  const rest = f.range[1] - lineStart > line.length;
  return clipText(`${line.slice(from, Math.max(from, to)).trim()}${rest ? ' …' : ''}`, ITEM_TEXT_WIDTH);
}

/** The block under a failing step or show, and for every diagnostic: headline, frame, reason, counterexample, notes. */
function block(file: string, source: SourceFile, f: Finding, p: Palette): string {
  const frame: FramePaint = { gutter: p.dim, caret: p.severity(f.severity) };
  const lines = [
    `${p.bold(location(file, f))}: ${p.severity(f.severity)(p.bold(`${f.severity}:`))} ${p.bold(sanitize(f.title))}`,
    codeFrame(source, f.range, frame),
  ];
  if (f.reason !== '') lines.push(`   ${sanitize(f.reason)}`);
  const cx = f.counterexample;
  if (cx !== null) {
    lines.push(`   counterexample: ${sanitize(formatAssignments(cx))}`);
    // (`left  ≈ 0`, not `left  = ≈ 0`: a side known only within bounds, as its values are.)
    lines.push(`     ${assignmentText('left ', sanitize(cx.left))}   ${assignmentText('right', sanitize(cx.right))}`);
    if (cx.note !== undefined && cx.note !== '') lines.push(`     ${sanitize(cx.note)}`);
  }
  for (const note of f.notes) {
    const where = note.range ? ` (${file}:${source.position(note.range[0]).line}:${source.position(note.range[0]).column})` : '';
    lines.push(`   ${p.severity('note')('note:')} ${sanitize(note.message)}${where}`);
  }
  for (const fix of f.fixes) lines.push(`   ${p.severity('note')('help:')} ${sanitize(fix.message)}`);
  return lines.join('\n');
}

/** The lines for one file: a verdict line per step and show, a block under each failing one and each diagnostic. */
function fileText(report: FileReport, p: Palette): string {
  const source = new SourceFile(report.file, report.source);
  const file = sanitize(report.file);
  const findings = findingsOf(report, source);
  if (findings.length === 0) return `${file}: nothing to check`;

  const verdictOf = (f: Finding): { verdict: Verdict; label: string; text: string } | null =>
    f.verdict === null ? null : { verdict: f.verdict, label: verdictLabel(f.verdict, f.samples), text: itemText(source, f) };

  const items = findings.map((f) => ({ f, v: verdictOf(f) }));
  // reduce, not Math.max(...): a file may hold more steps than a call takes arguments.
  const locWidth = items.reduce((w, i) => (i.v ? Math.max(w, displayWidth(location(file, i.f))) : w), 0);
  const labelWidth = items.reduce((w, i) => (i.v ? Math.max(w, i.v.label.length) : w), 0);

  const out: string[] = [];
  const pushBlock = (text: string): void => {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(text, '');
  };
  for (const { f, v } of items) {
    if (v) {
      const loc = location(file, f);
      const mark = p.verdict(v.verdict)(`${VERDICT_MARK[v.verdict]} ${v.label}`);
      const pad = ' '.repeat(locWidth - displayWidth(loc));
      out.push(`${loc}${pad}  ${mark}${' '.repeat(labelWidth - v.label.length)}  ${v.text}`.trimEnd());
      if (passes(v.verdict)) {
        // A passing step still says where it extends a side's domain (LANGUAGE.md §3).
        for (const note of f.notes) if (!note.range) out.push(`   ${p.severity('note')('note:')} ${sanitize(note.message)}`);
        continue;
      }
      if (f.secondary) {
        // Why it was not checked, in one line (the cause is reported on its own).
        if (f.reason) out.push(`   ${sanitize(f.reason)}`);
        continue;
      }
    }
    pushBlock(block(file, source, f, p));
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The details line above the closing line, e.g. `(3 proved, 1 refuted; 1 error; 1 of 2 shows hold)`. */
function details(reports: readonly FileReport[]): string | null {
  const s = summarize(reports);
  const errorSteps = s.failed - s.refuted - s.unknown;
  const steps = [
    s.proved && `${s.proved} proved`,
    s.checked && `${s.checked} checked`,
    s.refuted && `${s.refuted} refuted`,
    s.unknown && `${s.unknown} unknown`,
    errorSteps && `${errorSteps} in error`,
  ].filter(Boolean);
  const warnings = reports.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  const diagnostics = [s.errors && plural(s.errors, 'error'), warnings && plural(warnings, 'warning')].filter(Boolean);
  const shows = reports.flatMap((r) => r.shows);
  const held = shows.filter((sh) => passes(sh.verdict)).length;
  const parts = [
    steps.join(', '),
    diagnostics.join(', '),
    shows.length > 0 ? `shows: ${held} of ${shows.length} hold` : '',
  ].filter((x) => x !== '');
  return parts.length > 0 ? `(${parts.join('; ')})` : null;
}

/**
 * The format for a person: per file, each step and show on its own line with its verdict,
 * a code frame with the reason (and counterexample) under each failing one and each
 * diagnostic, then a details line and the closing line `N passed, M failed` — always
 * the last line, uncoloured, for CI logs to match.
 */
export function formatText(reports: readonly FileReport[], options: TextOptions = {}): string {
  const p = palette(options.color === true);
  const s = summarize(reports);
  const parts = reports.map((r) => fileText(r, p));
  const detail = details(reports);
  const closing = `${s.passed} passed, ${s.failed} failed`;
  const tail = detail === null ? closing : `${detail}\n${closing}`;
  return `${parts.length > 0 ? `${parts.join('\n\n')}\n\n` : ''}${tail}\n`;
}
