import { DiagnosticSeverity, type Diagnostic as LspDiagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Range } from '../ast.js';
import type { Fix, RelatedNote, Severity } from '../diagnostics.js';
import { assignmentText, findingsOf, formatAssignments, type Finding } from '../report/findings.js';
import type { Counterexample, FileReport } from '../result.js';
import { fixesOf } from './fixes.js';
import type { LineIndex, PositionEncoding } from './positions.js';

/** A diagnostic as sent to the editor, with the quick fixes it offers (offsets into the checked text). */
export interface Published {
  readonly diagnostic: LspDiagnostic;
  /** The diagnostic's place as offsets into the checked text. */
  readonly range: Range;
  readonly fixes: readonly Fix[];
}

/** Where a report's offsets go: the checked text's lines, the encoding, the document's URI. */
export interface Placement {
  readonly lines: LineIndex;
  readonly encoding: PositionEncoding;
  readonly uri: string;
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  note: DiagnosticSeverity.Information,
};

/** The counterexample as lines: the assignments, then both sides, then its note. */
export function counterexampleLines(cx: Counterexample): string[] {
  const lines = [`counterexample: ${formatAssignments(cx)}`];
  lines.push(`${assignmentText('left', cx.left)}, ${assignmentText('right', cx.right)}`);
  if (cx.note !== undefined && cx.note !== '') lines.push(cx.note);
  return lines;
}

function related(notes: readonly RelatedNote[], at: Placement): DiagnosticRelatedInformation[] {
  return notes.flatMap((n) =>
    n.range === undefined ? [] : [{ location: { uri: at.uri, range: at.lines.rangeAt(n.range[0], n.range[1], at.encoding) }, message: n.message }],
  );
}

/** A failing step or show as a diagnostic: the title, the reason, the counterexample. */
function verdictDiagnostic(f: Finding, at: Placement): LspDiagnostic {
  const message = [f.title, ...(f.reason !== '' ? [f.reason] : []), ...(f.counterexample ? counterexampleLines(f.counterexample) : [])];
  const d: LspDiagnostic = {
    range: at.lines.rangeAt(f.range[0], f.range[1], at.encoding),
    severity: SEVERITY[f.severity],
    source: 'deriv',
    code: f.verdict ?? f.kind,
    message: message.join('\n'),
  };
  const info = related(f.notes, at);
  if (info.length > 0) d.relatedInformation = info;
  return d;
}

/**
 * A report as editor diagnostics: every diagnostic (error, warning; notes as
 * information) with its fixes, and every refuted, unknown or error step and failing
 * show (refuted and error as errors, unknown as a warning), as `--format gcc` lists them.
 * Passing steps are left to hover; an error step whose cause is already a diagnostic is
 * not repeated.
 */
export function toLspDiagnostics(report: FileReport, at: Placement): Published[] {
  const out: Published[] = [];
  for (const d of report.diagnostics) {
    const diagnostic: LspDiagnostic = {
      range: at.lines.rangeAt(d.range[0], d.range[1], at.encoding),
      severity: SEVERITY[d.severity],
      source: 'deriv',
      code: d.code,
      message: d.message,
    };
    const info = related(d.notes, at);
    if (info.length > 0) diagnostic.relatedInformation = info;
    out.push({ diagnostic, range: d.range, fixes: fixesOf(d) });
  }
  for (const f of findingsOf(report)) {
    if (f.kind === 'diagnostic' || f.passing || f.secondary) continue;
    out.push({ diagnostic: verdictDiagnostic(f, at), range: f.range, fixes: [] });
  }
  return out;
}
