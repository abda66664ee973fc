import type { FileReport } from '../result.js';
import { formatGcc } from './gcc.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export { formatGcc, type GccOptions } from './gcc.js';
export {
  formatJson,
  toJsonReport,
  JSON_REPORT_VERSION,
  type JsonCounterexample,
  type JsonDiagnostic,
  type JsonFile,
  type JsonOptions,
  type JsonReport,
  type JsonShow,
  type JsonStep,
} from './json.js';
export { formatText, type TextOptions } from './text.js';
export { codeFrame } from './frame.js';

/** The output formats of `deriv check`. */
export const REPORT_FORMATS = ['text', 'gcc', 'json', 'html'] as const;
/** One of REPORT_FORMATS. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options any format accepts; each uses the ones it knows. */
export interface FormatOptions {
  readonly color?: boolean;
  readonly verbose?: boolean;
}

/**
 * Renders reports in the given format. Async because the HTML report (which parses the
 * files again and typesets them with KaTeX) is loaded only when asked for.
 */
export async function formatReports(format: ReportFormat, reports: readonly FileReport[], options: FormatOptions = {}): Promise<string> {
  switch (format) {
    case 'html':
      return (await import('./html.js')).formatHtml(reports);
    case 'text':
      return formatText(reports, { color: options.color });
    case 'gcc':
      return formatGcc(reports, { verbose: options.verbose });
    case 'json':
      return formatJson(reports);
  }
}
