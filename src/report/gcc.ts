import type { FileReport } from '../result.js';
import { SourceFile } from '../source.js';
import { assignmentText, findingsOf, formatAssignments, oneLine, type Finding } from './findings.js';
import { sanitize } from './frame.js';

/** Options of the gcc-style format. */
export interface GccOptions {
  /** Also report passing steps and shows, as `note:` lines. */
  readonly verbose?: boolean;
}

/** The message of a finding on one line: title, reason, counterexample. */
function message(f: Finding): string {
  // A title that already holds a colon ("step does not follow: refuted") takes the reason after a dash.
  let text = f.title;
  if (f.reason !== '') text += `${f.title.includes(':') ? ' — ' : ': '}${f.reason}`;
  const cx = f.counterexample;
  if (cx !== null) {
    text += `; counterexample: ${formatAssignments(cx)}; ${assignmentText('left', cx.left)}, ${assignmentText('right', cx.right)}`;
    if (cx.note !== undefined && cx.note !== '') text += ` (${cx.note})`;
  }
  return sanitize(oneLine(text));
}

/**
 * One line per finding, `FILE:LINE:COL: error|warning|note: MESSAGE` (1-based, columns in
 * code points), as editors' problem matchers, Vim quickfix and Emacs compilation mode
 * read it: diagnostics with their severity, refuted and error steps and failing shows as
 * errors, unknown steps as warnings, related notes as `note:` lines after their finding.
 * Passing steps and shows appear (as notes) only with `verbose`, but a passing step's
 * domain notes always do. No colour, no frames.
 */
export function formatGcc(reports: readonly FileReport[], options: GccOptions = {}): string {
  const lines: string[] = [];
  for (const report of reports) {
    const source = new SourceFile(report.file, report.source);
    const file = sanitize(oneLine(report.file));
    for (const f of findingsOf(report, source)) {
      // A step not checked because of an error reported on its own: a note on its line
      // (an editor shows something there), not a second error.
      if (f.secondary) {
        lines.push(`${file}:${f.at.line}:${f.at.column}: note: ${message(f)}`);
        continue;
      }
      if (f.passing && options.verbose !== true) {
        // A passing step still says where it extends a side's domain (LANGUAGE.md §3).
        for (const note of f.notes) if (!note.range) lines.push(`${file}:${f.at.line}:${f.at.column}: note: ${sanitize(oneLine(note.message))}`);
        continue;
      }
      lines.push(`${file}:${f.at.line}:${f.at.column}: ${f.severity}: ${message(f)}`);
      for (const note of f.notes) {
        const at = note.range ? source.position(note.range[0]) : f.at;
        lines.push(`${file}:${at.line}:${at.column}: note: ${sanitize(oneLine(note.message))}`);
      }
      for (const fix of f.fixes) {
        const at = fix.edits[0] ? source.position(fix.edits[0].range[0]) : f.at;
        lines.push(`${file}:${at.line}:${at.column}: note: fix: ${sanitize(oneLine(fix.message))}`);
      }
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
