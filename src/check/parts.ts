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
 * Whether every part of a file was read with the declarations alone: no part used a name no
 * declaration gives (FileReport.undeclared). The whole file's resolver brings such a name into
 * scope at its first use, and what comes after reads differently (λ_1(A) is λ_max(A) only
 * where λ_1 is no name yet; an undeclared d or A′ is warned about once; a letter in a subscript
 * is an integer until a later use makes it a scalar): a part cannot know what earlier parts
 * brought in (red team: a step read as λ_max(A) was proved in its part and an error in the
 * whole file). Where one did, the file is checked whole instead (src/check/isolated.ts).
 */
export function partsReadAlone(reports: readonly FileReport[]): boolean {
  return reports.every((r) => (r.undeclared ?? []).length === 0);
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
  // (Not that nothing is checked: a part may hold only comments, the file holds a chain.)
  const diagnostics = reports.flatMap((r, i) => (i === 0 ? r.diagnostics : r.diagnostics.filter((d) => d.range[0] >= contextEnd))).sort(byPlace)
    .filter((d) => d.code !== 'file-without-steps')
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
