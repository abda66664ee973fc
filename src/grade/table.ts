/**
 * The course-wide outputs: one row per student × claim, and a summary (mean, how many earned
 * each claim, the most common failure of each), as CSV or JSON.
 */
import { claimReason, plain } from './feedback.js';
import type { KeySummary } from './gradescope.js';
import type { ClaimStatus, SubmissionResult } from './result.js';

/** One student × claim. */
export interface GradeRow {
  student: string;
  title: string;
  seed: number;
  claim: string;
  kind: 'show' | 'answer';
  points: number;
  max_points: number;
  status: ClaimStatus;
  /** The first failure's kind (`step`, `claim-differs`, `missing`, …), or empty when the claim passed. */
  failure: string;
  /** The first reason, with its file:line:column (for the TA: with the key's text where it helps). */
  reason: string;
}

/** How the class did on one claim. */
export interface ClaimSummary {
  claim: string;
  kind: 'show' | 'answer';
  max_points: number;
  mean_points: number;
  /** Students with full points, with some, with none. */
  full: number;
  some: number;
  none: number;
  /** The failure most students share (a step's text, `missing`, `claim-differs`, …), and how many. */
  most_common_failure: string | null;
  most_common_failure_count: number;
}

/** How the class did overall. */
export interface GradeSummary {
  submissions: number;
  /** Submissions whose grading did not finish (crashed, killed, out of time or memory). */
  not_completed: number;
  max_points: number;
  mean_points: number;
  median_points: number;
  claims: ClaimSummary[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One row per student × claim, in submission order then key order. */
export function gradeRows(results: readonly SubmissionResult[]): GradeRow[] {
  return results.flatMap((r) => r.claims.map((c) => ({
    student: r.student, title: r.title ?? '', seed: r.seed, claim: c.name, kind: c.kind,
    points: c.points, max_points: c.maxPoints, status: c.status,
    failure: c.status === 'passed' ? '' : (c.failures[0]?.kind ?? ''), reason: claimReason(c, true),
  })));
}

/** The class summary. */
export function gradeSummary(results: readonly SubmissionResult[], key: KeySummary): GradeSummary {
  const totals = results.map((r) => r.points).sort((a, b) => a - b);
  const mid = totals.length === 0 ? 0 : totals.length % 2 === 1 ? totals[(totals.length - 1) / 2]! : (totals[totals.length / 2 - 1]! + totals[totals.length / 2]!) / 2;
  const claims = key.claims.map((k): ClaimSummary => {
    const got = results.map((r) => r.claims.find((c) => c.name === k.name)).filter((c) => c !== undefined);
    const groups = new Map<string, number>();
    for (const c of got) {
      if (c.status === 'passed') continue;
      // (Not the entry that only says how many more there are: "and 2 more" is no failure.)
      for (const g of new Set(c.failures.filter((f) => f.more === undefined && f.group !== '').map((f) => f.group))) groups.set(g, (groups.get(g) ?? 0) + 1);
    }
    const top = [...groups].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    return {
      claim: k.name, kind: k.kind, max_points: k.points,
      mean_points: round2(got.reduce((s, c) => s + c.points, 0) / Math.max(1, got.length)),
      full: got.filter((c) => c.status === 'passed').length,
      some: got.filter((c) => c.status === 'partial').length,
      none: got.filter((c) => c.status === 'failed').length,
      most_common_failure: top ? plain(top[0], 300) : null,
      most_common_failure_count: top ? top[1] : 0,
    };
  });
  return {
    submissions: results.length,
    not_completed: results.filter((r) => !r.completed).length,
    max_points: key.total,
    mean_points: round2(totals.reduce((s, x) => s + x, 0) / Math.max(1, totals.length)),
    median_points: round2(mid),
    claims,
  };
}

/**
 * A CSV cell: quoted when needed, control characters removed, and a leading `= + - @` (which
 * spreadsheets run as a formula) defused with a `'`.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = plain(value, 1000).replace(/[\r\n\t]+/g, ' ');
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",;\s]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows, a blank line, then the summary per claim and a total line (RFC 4180 quoting, CRLF). */
export function formatCsv(results: readonly SubmissionResult[], key: KeySummary): string {
  const line = (cells: readonly (string | number | null)[]) => cells.map(csvCell).join(',');
  const rows = gradeRows(results);
  const out = [line(['student', 'title', 'seed', 'claim', 'kind', 'points', 'max_points', 'status', 'failure', 'reason'])];
  for (const r of rows) out.push(line([r.student, r.title, r.seed, r.claim, r.kind, r.points, r.max_points, r.status, r.failure, r.reason]));
  const s = gradeSummary(results, key);
  out.push('');
  out.push(line(['claim', 'kind', 'max_points', 'mean_points', 'full', 'some', 'none', 'most_common_failure', 'most_common_failure_count']));
  for (const c of s.claims) out.push(line([c.claim, c.kind, c.max_points, c.mean_points, c.full, c.some, c.none, c.most_common_failure, c.most_common_failure_count]));
  out.push(line(['(total)', '', s.max_points, s.mean_points, null, null, null, `median ${s.median_points}; ${s.submissions} submissions; ${s.not_completed} not completed`, null]));
  return `${out.join('\r\n')}\r\n`;
}

/** The JSON document: the key, each submission with its claims, the rows, the summary. */
export function formatGradeJson(results: readonly SubmissionResult[], key: KeySummary, meta: { version?: string; seedFrom?: string | null } = {}): string {
  const doc = {
    version: 1,
    deriv: meta.version ?? null,
    key: { file: key.file, sha256: key.sha256, total: key.total, claims: key.claims.map((c) => ({ name: c.name, kind: c.kind, points: c.points, partial: c.partial, claim: c.text, line: c.line })) },
    seed_from: meta.seedFrom ?? null,
    submissions: results.map((r) => ({
      student: r.student, title: r.title, files: r.files, seed: r.seed, points: r.points, max_points: r.maxPoints,
      completed: r.completed, elapsed_ms: r.elapsedMs, problems: r.problems, format_errors: r.formatErrors, claims: r.claims,
    })),
    rows: gradeRows(results),
    summary: gradeSummary(results, key),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
