/**
 * What must hold of every report, whatever the input (issue 13): no internal error, every
 * range and note inside the file with a line and column on a real line, every step with a
 * verdict, and the whole check within the per-step limit times the number of steps plus a
 * large margin (a bound that catches a hang, not a timing that flakes).
 */
import { checkSource } from '../../src/check/index.js';
import type { Range } from '../../src/ast.js';
import { VERDICTS, type FileReport } from '../../src/result.js';
import { SourceFile } from '../../src/source.js';

/** The per-step limit fuzz runs check with (ms), and the points per step (fewer than the default 24: crashes, not evidence). */
export const FUZZ_TIMEOUT_MS = 400;
export const FUZZ_SAMPLES = 8;
/** Slack for parsing, resolving and a loaded machine, on top of the per-step limits (ms). */
export const MARGIN_MS = 20_000;

/** Why a range is not a place in `text` (null when it is one). */
export function badRange(text: string, src: SourceFile, range: Range | undefined, what: string): string | null {
  if (!range) return null;
  const [start, end] = range;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    return `${what}: range [${start}, ${end}) is outside the file (length ${text.length})`;
  }
  for (const offset of [start, end]) {
    const { line, column } = src.position(offset);
    const width = [...src.lineText(line)].length;
    if (line < 1 || line > src.lineStarts.length || column < 1 || column > width + 1) {
      return `${what}: offset ${offset} is at ${line}:${column}, outside its line (${width} columns)`;
    }
  }
  return null;
}

/** Every broken invariant of one report of `text` (empty when all hold). */
export function violations(text: string, report: FileReport, elapsedMs: number, timeoutMs: number): string[] {
  const out: string[] = [];
  const src = new SourceFile('fuzz', text);
  for (const d of report.diagnostics) {
    if (d.code === 'internal-error' || d.code === 'file-crashed') out.push(`crash: ${d.message}`);
    const r = badRange(text, src, d.range, `diagnostic ${d.code}`);
    if (r) out.push(r);
    for (const n of d.notes) {
      const rn = badRange(text, src, n.range, `note of ${d.code}`);
      if (rn) out.push(rn);
    }
  }
  for (const s of report.steps) {
    if (!VERDICTS.includes(s.verdict)) out.push(`step without a verdict: ${JSON.stringify(s.verdict)}`);
    if (/internal error/.test(s.message)) out.push(`step crash: ${s.message}`);
    for (const [r, what] of [[s.range, 'step'], [s.relRange, 'step relation']] as const) {
      const b = badRange(text, src, r, what);
      if (b) out.push(b);
    }
    for (const n of s.notes) {
      const b = badRange(text, src, n.range, 'step note');
      if (b) out.push(b);
    }
  }
  for (const sh of report.shows) {
    if (!VERDICTS.includes(sh.verdict)) out.push(`show without a verdict: ${JSON.stringify(sh.verdict)}`);
    if (/internal error/.test(sh.message)) out.push(`show crash: ${sh.message}`);
    const b = badRange(text, src, sh.range, 'show');
    if (b) out.push(b);
  }
  // Every step and every show (its own checks: ends, claims for all t) has its own limit.
  const budget = timeoutMs * (report.steps.length + 2 * report.shows.length + 1) + MARGIN_MS;
  if (elapsedMs > budget) out.push(`took ${elapsedMs.toFixed(0)} ms, over ${budget} ms for ${report.steps.length} steps and ${report.shows.length} shows`);
  return out;
}

/** Checks `text` as the fuzz runs do (per-step limit `timeoutMs`) and returns the broken invariants. */
export async function checkAndJudge(text: string, timeoutMs = FUZZ_TIMEOUT_MS): Promise<string[]> {
  const t0 = performance.now();
  let report: FileReport;
  try {
    report = await checkSource(text, { timeoutMs, samples: FUZZ_SAMPLES });
  } catch (err) {
    return [`checkSource threw: ${(err as Error)?.stack ?? String(err)}`];
  }
  return violations(text, report, performance.now() - t0, timeoutMs);
}
