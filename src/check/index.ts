import type { Range } from '../ast.js';
import { diagnostic, fileDiagnostics } from '../diagnostics.js';
import type { ParsedDerivation } from '../parse/index.js';
import type { FileReport } from '../result.js';
import { resolve, type ResolvedFile } from '../types/resolve.js';
import { Checker } from './checker.js';

export { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_TIMEOUT_MS, type CheckOptions } from './options.js';
export { stackOverflowed } from './stack-overflow.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_TIMEOUT_MS, type CheckOptions } from './options.js';

/**
 * Parses, resolves and checks one derivation; never throws. `parsed` is the text already
 * parsed (`parseDerivation`), e.g. by the CLI's main thread while this one checks another file;
 * without it the parser is loaded here.
 */
export async function checkSource(text: string, options: CheckOptions = {}, parsed?: ParsedDerivation): Promise<FileReport> {
  return (await checkSourceWith(text, options, false, false, parsed)).report;
}

/** The names a resolved file uses with no declaration, as `key kind shape`, the way it last read each (FileReport.undeclared). */
function undeclaredNames(resolved: ResolvedFile): string[] {
  const scope = resolved.scopes.values().next().value;
  if (!scope) return [];
  return scope.all().filter((info) => info.implicit).map((info) => `${info.family ? 'family ' : ''}${info.key} ${info.kind} ${JSON.stringify(info.shape)}`).sort();
}

/** What grading needs besides the report: the resolved file and the checker that walked it (null if checking failed). */
export interface CheckedSource {
  readonly report: FileReport;
  readonly resolved: ResolvedFile | null;
  readonly checker: Checker | null;
}

/**
 * `checkSource`, keeping the resolved file and the checker (`recordClaims`: the context of each
 * show and answer; `trusted`: steps are not decided, for an answer key checked before).
 */
export async function checkSourceWith(text: string, options: CheckOptions = {}, recordClaims = false, trusted = false, given?: ParsedDerivation): Promise<CheckedSource> {
  let parsed: ParsedDerivation;
  try {
    // (Loaded only when needed: a worker handed parsed files never loads Ohm and the grammar.)
    parsed = given ?? (await import('../parse/index.js')).parseDerivation(text);
  } catch (err) {
    return crashed(text, options, err);
  }
  return checkParsedWith(text, parsed, options, recordClaims, trusted);
}

/**
 * `checkSource` of a text already parsed, synchronously (what src/check/in-thread.ts runs under
 * its watchdog); never throws.
 */
export function checkParsed(text: string, parsed: ParsedDerivation, options: CheckOptions = {}): FileReport {
  return checkParsedWith(text, parsed, options, false, false).report;
}

/** The report for a file whose check threw (a bug in the checker): one `file-crashed` diagnostic. */
function crashed(text: string, options: CheckOptions, err: unknown): CheckedSource {
  const message = (err as Error)?.message ?? String(err);
  const file = options.file ?? '<stdin>';
  return { report: { file, source: text, diagnostics: [diagnostic('file-crashed', { detail: message }, [0, 0])], steps: [], shows: [] }, resolved: null, checker: null };
}

/** checkSourceWith's work once the text is parsed. */
function checkParsedWith(text: string, parsed: ParsedDerivation, options: CheckOptions, recordClaims: boolean, trusted: boolean): CheckedSource {
  const file = options.file ?? '<stdin>';
  try {
    const resolved = resolve(parsed.ast);
    const diagnostics = fileDiagnostics(parsed.diagnostics, resolved.diagnostics);
    // No line is dropped silently: a file with content and nothing to check says so.
    const checks = parsed.ast.statements.some((st) => st.kind === 'ChainStatement' || st.kind === 'Show' || st.kind === 'Answer');
    if (!checks && !diagnostics.some((d) => d.severity === 'error')) diagnostics.push(diagnostic('file-without-steps', {}, [0, 0]));
    const checker = new Checker(resolved, diagnostics, {
      seed: options.seed ?? DEFAULT_SEED,
      samples: options.samples ?? DEFAULT_SAMPLES,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      timeoutFlag: options.timeoutFlag ?? '--timeout',
      ...(options.deadline !== undefined ? { deadline: options.deadline } : {}),
      ...(options.onDecide ? { onDecide: options.onDecide } : {}),
      ...(options.onDecided ? { onDecided: options.onDecided } : {}),
      ...(options.replay ? { replay: options.replay } : {}),
      ...(options.stopped ? { stopped: options.stopped } : {}),
      recordClaims,
      trusted,
      ...(parsed.brokenDefinitions ? { brokenDefinitions: parsed.brokenDefinitions } : {}),
      ...(parsed.brokenAssumptions ? { brokenAssumptions: parsed.brokenAssumptions } : {}),
    });
    checker.run();
    const byPlace = (a: { range: Range }, b: { range: Range }) => a.range[0] - b.range[0];
    const report: FileReport = {
      file, source: text,
      diagnostics: [...diagnostics, ...checker.warnings].sort(byPlace),
      steps: [...checker.steps].sort((a, b) => a.relRange[0] - b.relRange[0]),
      shows: [...checker.shows].sort(byPlace),
      ...(parsed.part ? { undeclared: undeclaredNames(resolved) } : {}),
    };
    return { report, resolved, checker };
  } catch (err) {
    return crashed(text, options, err);
  }
}
