import type { FileReport } from '../result.js';

/**
 * The report of a file checked in parts (`derivationParts` in src/parse: each part the file's
 * context and a run of its chains, checked as a file of its own with the whole file's offsets)
 * as one report, the same as checking the file whole gives: the context's diagnostics from the
 * first part only (every part repeats them), each part's own after them, steps and shows in
 * place. `contextEnd` is the offset of the first chain.
 */
export function mergePartReports(file: string, source: string, contextEnd: number, reports: readonly FileReport[]): FileReport {
  const byPlace = (a: { range: readonly [number, number] }, b: { range: readonly [number, number] }) => a.range[0] - b.range[0];
  return {
    file,
    source,
    diagnostics: reports.flatMap((r, i) => (i === 0 ? r.diagnostics : r.diagnostics.filter((d) => d.range[0] >= contextEnd))).sort(byPlace),
    steps: reports.flatMap((r) => r.steps).sort((a, b) => a.relRange[0] - b.relRange[0]),
    shows: reports.flatMap((r) => r.shows).sort(byPlace),
  };
}
