/** The public API of deriv: parse, check, and report derivations. */

export {
  checkSource,
  DEFAULT_SAMPLES,
  DEFAULT_SEED,
  DEFAULT_TIMEOUT_MS,
  type CheckOptions,
} from './check/index.js';
export { parseDerivation, parseExpression, parseFormula } from './parse/index.js';

export {
  VERDICTS,
  summarize,
  type Counterexample,
  type FileReport,
  type Method,
  type Outcome,
  type ShowResult,
  type StepResult,
  type Summary,
  type Verdict,
} from './result.js';
export {
  DIAGNOSTICS, diagnostic, messages, type Code, type Diagnostic, type DiagnosticArgs, type Edit, type Fix, type RelatedNote, type Severity,
} from './diagnostics.js';
export { SourceFile } from './source.js';

export * from './report/index.js';
export { formatHtml, escapeHtml, type HtmlOptions } from './report/html.js';
export { formatLatex, latexChain, LATEX_PACKAGES, type LatexInput, type LatexOptions } from './report/latex.js';
export { latexExpr, latexFormula, latexName } from './print/latex.js';

export type * from './ast.js';

export * from './grade/index.js';
