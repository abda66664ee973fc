/** The public API of deriv: parse, check, and report derivations. */

export {
  checkSource,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  DEFAULT_TIMEOUT_MS,
  type CheckOptions,
} from './check/index.js';
export { parseDerivation } from './parse/index.js';

export {
  VERDICTS,
  summarize,
  type Counterexample,
  type FileReport,
  type Method,
  type ShowResult,
  type StepResult,
  type Summary,
  type Verdict,
} from './result.js';
export { diagnostic, messages, type Code, type Diagnostic, type RelatedNote, type Severity } from './diagnostics.js';
export { SourceFile } from './source.js';

export {
  codeFrame,
  formatGcc,
  formatJson,
  formatReports,
  formatText,
  toJsonReport,
  JSON_REPORT_VERSION,
  REPORT_FORMATS,
  type FormatOptions,
  type GccOptions,
  type JsonCounterexample,
  type JsonDiagnostic,
  type JsonFile,
  type JsonOptions,
  type JsonReport,
  type JsonShow,
  type JsonStep,
  type ReportFormat,
  type TextOptions,
} from './report/index.js';

export type * from './ast.js';
