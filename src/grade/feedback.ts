/**
 * What a student reads about one claim, as Markdown (Gradescope) or plain text (PrairieLearn,
 * CSV). Everything that comes from a submission (claims, code lines, titles, file names) is
 * untrusted: control characters and bidirectional overrides are removed, Markdown and HTML are
 * escaped, and code goes in fences no backtick run can close.
 */
import type { JsonCounterexample } from '../report/json.js';
import { assignmentText } from '../report/findings.js';
import { sanitize } from '../report/frame.js';
import type { ClaimFailure, ClaimResult, Place } from './result.js';

/** The longest text any one field keeps (a 10 MB line must not become a 10 MB result). */
const MAX_FIELD = 2000;

/** Removes terminal escapes, other control characters and bidirectional overrides; keeps newlines and tabs. */
export function plain(s: string, max = MAX_FIELD): string {
  const cleaned = s
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  return cleaned.length > max ? `${cleaned.slice(0, max)}…` : cleaned;
}

/**
 * Text for Markdown: HTML characters as entities, and the punctuation that makes emphasis, code,
 * links, tables or headings escaped (a math message keeps its parentheses and braces readable).
 */
export function md(s: string): string {
  return plain(s)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/^([#+\-=]|\d+\.)/gm, '\\$1');
}

/** A fenced code block whose fence is longer than any run of backticks inside. */
export function mdCode(lines: readonly string[]): string {
  const body = lines.map((l) => plain(l)).join('\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${body}\n${fence}`;
}

/** Inline code that no backtick inside can close. */
export function mdInline(s: string): string {
  const t = plain(s).replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length));
  const tick = '`'.repeat(longest + 1);
  return `${tick}${t.startsWith('`') || t.endsWith('`') ? ` ${t} ` : t}${tick}`;
}

/**
 * A submitted file's name as text: its control characters (a newline, an escape) and invisible
 * format characters shown as visible symbols (`x␊y.deriv`), as `deriv check` prints it, so a
 * name cannot break a Markdown line, a list item or a terminal line. Data fields keep the name.
 */
export function fileText(path: string): string {
  return sanitize(path);
}

/** `file:line:col`. */
export function placeText(p: Place): string {
  return `${fileText(p.file)}:${p.line}:${p.column}`;
}

/** A counterexample as lines: the values, then both sides. */
export function counterexampleLines(cx: JsonCounterexample): string[] {
  const lines = [`counterexample: ${cx.assignments.map(([n, v]) => assignmentText(n, v)).join(', ') || '(no free names)'}`];
  lines.push(`  ${assignmentText('left ', cx.left)}   ${assignmentText('right', cx.right)}`);
  if (cx.note) lines.push(`  ${cx.note}`);
  return lines;
}

/**
 * The counterexample a student sees: where a claim is compared with the key's and nothing
 * in it is free, the key's side is the key's answer itself (`x = 7` against `right = 6`):
 * it is left out. (The CSV and JSON, for the TA, keep it.)
 */
function studentCounterexample(f: ClaimFailure): string[] {
  const cx = f.counterexample;
  if (!cx) return [];
  if ((f.kind === 'claim-differs' || f.kind === 'claim-undecided') && cx.assignments.length === 0) {
    return [`your side is ${cx.left} here; the key's is another`];
  }
  return counterexampleLines(cx);
}

function failureMarkdown(f: ClaimFailure): string {
  const parts = [f.place ? `**${md(placeText(f.place))}**: ${md(f.message)}` : md(f.message)];
  const code = [
    ...(f.code !== null && f.place ? [`${String(f.place.line).padStart(4)} | ${f.code}`] : []),
    ...studentCounterexample(f),
  ];
  if (code.length > 0) parts.push(mdCode(code));
  return parts.join('\n\n');
}

/** The Markdown a student sees for one claim: points, where, why (the failing step's line, reason, counterexample). */
export function claimMarkdown(c: ClaimResult): string {
  const head = `**${c.points} / ${c.maxPoints} points**${c.at ? ` for your ${c.kind} at ${md(placeText(c.at))}` : ''}.`;
  const parts = [head];
  if (c.note) parts.push(`${md(c.note[0]!.toUpperCase() + c.note.slice(1))}.`);
  for (const f of c.failures) parts.push(failureMarkdown(f));
  return parts.join('\n\n');
}

/** The same as plain text (PrairieLearn's output, logs). */
export function claimText(c: ClaimResult): string {
  const lines = [`${c.points} / ${c.maxPoints} points${c.at ? ` for your ${c.kind} at ${placeText(c.at)}` : ''}.`];
  if (c.note) lines.push(`${c.note[0]!.toUpperCase()}${c.note.slice(1)}.`);
  for (const f of c.failures) {
    lines.push('', f.place ? `${placeText(f.place)}: ${f.message}` : f.message);
    if (f.code !== null && f.place) lines.push(`${String(f.place.line).padStart(4)} | ${f.code}`);
    lines.push(...studentCounterexample(f));
  }
  return plain(lines.join('\n'), 8000);
}

/**
 * One line: the first reason (with its place), for a PrairieLearn message or, with `forTa`, a
 * table cell (then with the key's text where the student's message leaves it out).
 */
export function claimReason(c: ClaimResult, forTa = false): string {
  const f = c.failures[0];
  if (!f) return c.note ? `${c.note[0]!.toUpperCase()}${c.note.slice(1)}` : '';
  // Failures, not entries: "and 2 more" stands for two.
  const others = c.failures.slice(1).reduce((n, x) => n + (x.more ?? 1), 0);
  const more = others > 0 ? ` (+${others} more)` : '';
  const text = forTa ? (f.detail ?? f.message) : f.message;
  return plain(`${f.place ? `${placeText(f.place)}: ` : ''}${text}${more}`, 500).replace(/\s+/g, ' ');
}
