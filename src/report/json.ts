import type { Diagnostic, Severity } from '../diagnostics.js';
import { summarize, type Counterexample, type FileReport, type Method, type Summary, type Verdict } from '../result.js';
import { SourceFile } from '../source.js';

/** The version of the JSON document's shape; bumped on any incompatible change. */
export const JSON_REPORT_VERSION = 1;

/**
 * A counterexample in JSON. `assignments` is a list of `[name, value]` pairs, in the
 * checker's stable order (a list, not an object, so order and every name survive).
 */
export interface JsonCounterexample {
  assignments: [string, string][];
  left: string;
  right: string;
  note?: string;
}

/** One edit of a fix in JSON: replace the range by `text`. */
export interface JsonEdit {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** A suggested fix in JSON (`write p q`), with the edits that make it. */
export interface JsonFix {
  message: string;
  edits: JsonEdit[];
}

/**
 * A diagnostic in JSON: 1-based lines, columns in code points, end exclusive; `args` are
 * the values its message was made from (by name), `fixes` the suggested changes.
 */
export interface JsonDiagnostic {
  code: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  args: Record<string, string | number>;
  fixes: JsonFix[];
}

/** A step in JSON, placed at its relation; the end is the end of its right side. */
export interface JsonStep {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  section: string | null;
  relation: string;
  verdict: Verdict;
  method: Method;
  samples: number;
  /** For `identity-test` (and a `rule` proof closed by one): the probability that a false identity passed. */
  errorBound?: number;
  /** The named rule that proved the step (method `rule`), or that took part in its proof (`differentiation`). */
  rule?: string;
  counterexample: JsonCounterexample | null;
  message: string;
  /** What else the check found: where a side is undefined and the step extends it, excluded points. */
  notes: string[];
  /** How the two sides were read (names, products, powers as the checker took them), for a step that was checked. */
  read?: { left: string; right: string };
}

/** A show in JSON, placed at its `show`. */
export interface JsonShow {
  name: string | null;
  line: number;
  column: number;
  section: string | null;
  relation: string;
  verdict: Verdict;
  message: string;
  counterexample: JsonCounterexample | null;
  /** A claim with no chain: where it extends the left side's domain (as a step's notes). */
  notes: string[];
}

/** One file in JSON: `errors` stop checking; `warnings` (and notes) do not fail the file. */
export interface JsonFile {
  file: string;
  errors: JsonDiagnostic[];
  warnings: JsonDiagnostic[];
  steps: JsonStep[];
  shows: JsonShow[];
}

/** The whole `--format json` document (schema/report.schema.json). */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  files: JsonFile[];
  summary: Summary;
}

/** Options of the JSON format. */
export interface JsonOptions {
  /** Spaces of indentation; 0 gives one line. Default 2. */
  readonly indent?: number;
}

function counterexample(cx: Counterexample | null): JsonCounterexample | null {
  if (cx === null) return null;
  const out: JsonCounterexample = {
    assignments: cx.assignments.map(([name, value]) => [name, value]),
    left: cx.left,
    right: cx.right,
  };
  if (cx.note !== undefined) out.note = cx.note;
  return out;
}

/** 1-based start and end of [from, to) (the end never before the start). */
function span(source: SourceFile, from: number, to: number): { line: number; column: number; endLine: number; endColumn: number } {
  const start = source.position(from);
  const end = source.position(Math.max(from, to));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function diagnostic(source: SourceFile, d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code, message: d.message, ...span(source, d.range[0], d.range[1]), severity: d.severity,
    args: { ...(d.args ?? {}) },
    fixes: (d.fixes ?? []).map((f) => ({
      message: f.message,
      edits: f.edits.map((e) => ({ ...span(source, e.range[0], e.range[1]), text: e.text })),
    })),
  };
}

function jsonFile(report: FileReport): JsonFile {
  const source = new SourceFile(report.file, report.source);
  return {
    file: report.file,
    errors: report.diagnostics.filter((d) => d.severity === 'error').map((d) => diagnostic(source, d)),
    warnings: report.diagnostics.filter((d) => d.severity !== 'error').map((d) => diagnostic(source, d)),
    steps: report.steps.map((s): JsonStep => {
      return {
        ...span(source, s.relRange[0], s.range[1]),
        section: s.section,
        relation: s.relation,
        verdict: s.verdict,
        method: s.method,
        samples: s.samples,
        ...(s.errorBound !== undefined ? { errorBound: s.errorBound } : {}),
        ...(s.rule !== undefined ? { rule: s.rule } : {}),
        counterexample: counterexample(s.counterexample),
        message: s.message,
        notes: s.notes.filter((n) => !n.range).map((n) => n.message),
        ...(s.read ? { read: { left: s.read.left, right: s.read.right } } : {}),
      };
    }),
    shows: report.shows.map((s): JsonShow => {
      const start = source.position(s.range[0]);
      return {
        name: s.name,
        line: start.line,
        column: start.column,
        section: s.section,
        relation: s.relation,
        verdict: s.verdict,
        message: s.message,
        counterexample: counterexample(s.counterexample),
        notes: (s.notes ?? []).map((n) => n.message),
      };
    }),
  };
}

/** The JSON document as data, keys in their documented order. */
export function toJsonReport(reports: readonly FileReport[]): JsonReport {
  const s = summarize(reports);
  return {
    version: JSON_REPORT_VERSION,
    files: reports.map(jsonFile),
    summary: {
      passed: s.passed,
      failed: s.failed,
      proved: s.proved,
      checked: s.checked,
      refuted: s.refuted,
      unknown: s.unknown,
      errors: s.errors,
    },
  };
}

/** The `--format json` document (see schema/report.schema.json), with a final newline. */
export function formatJson(reports: readonly FileReport[], options: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonReport(reports), null, options.indent ?? 2)}\n`;
}
