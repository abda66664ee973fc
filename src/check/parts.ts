import type { Diagnostic } from '../diagnostics.js';
import type { FileReport } from '../result.js';

/**
 * The key of a warning the resolver gives once per file (`warnedFunctions` in
 * src/types/resolve.ts: an undeclared letter read as a function, λ_1 read as λ_max), or null.
 * Each part of a file has a resolver of its own, so each would give it again.
 */
function oncePerFile(d: Diagnostic): string | null {
  if (d.code === 'undeclared-function') return `function ${String(d.args.name)}`;
  if (d.code === 'reading' && String(d.args.written ?? '').startsWith('λ_1(')) return 'λ_1';
  return null;
}

/**
 * Whether the parts of a file read every name no declaration gives alike (FileReport.undeclared):
 * the whole file reads such a name as its last use does, so a part that read `n` as an index
 * while a later one read it as a scalar would not be checked as the whole file is. Where they
 * differ, the file is checked whole instead (src/check/isolated.ts).
 */
export function partsReadAlike(reports: readonly FileReport[]): boolean {
  const reading = new Map<string, string>();
  for (const r of reports) {
    for (const entry of r.undeclared ?? []) {
      const key = entry.slice(0, entry.indexOf(' ', entry.startsWith('family ') ? 7 : 0));
      const known = reading.get(key);
      if (known !== undefined && known !== entry) return false;
      reading.set(key, entry);
    }
  }
  return true;
}

/**
 * The report of a file checked in parts (`derivationParts` in src/parse: each part the file's
 * context and a run of its chains, checked as a file of its own with the whole file's offsets)
 * as one report, the same as checking the file whole gives: the context's diagnostics from the
 * first part only (every part repeats them), each part's own after them, a warning given once
 * per file only where it comes first, steps in place. `contextEnd` is the offset of the first
 * chain. (The context holds no show: derivationParts keeps such files whole.)
 */
export function mergePartReports(file: string, source: string, contextEnd: number, reports: readonly FileReport[]): FileReport {
  const byPlace = (a: { range: readonly [number, number] }, b: { range: readonly [number, number] }) => a.range[0] - b.range[0];
  const seen = new Set<string>();
  const diagnostics = reports.flatMap((r, i) => (i === 0 ? r.diagnostics : r.diagnostics.filter((d) => d.range[0] >= contextEnd))).sort(byPlace)
    .filter((d) => {
      const key = oncePerFile(d);
      if (key === null) return true;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    file,
    source,
    diagnostics,
    steps: reports.flatMap((r) => r.steps).sort((a, b) => a.relRange[0] - b.relRange[0]),
    shows: reports.flatMap((r) => r.shows).sort(byPlace),
  };
}
