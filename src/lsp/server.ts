import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  MarkupKind,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver';
import type { CheckOptions } from '../check/options.js';
import type { FileReport } from '../result.js';
import type { CheckRunner } from './checks.js';
import { quickFixes } from './code-actions.js';
import { DocumentStore } from './documents.js';
import { hoverAt } from './hover.js';
import { LineIndex, negotiateEncoding } from './positions.js';
import { toLspDiagnostics, type Published } from './report-to-lsp.js';
import { CheckScheduler } from './scheduler.js';

/** How the server checks: the runner, the pause after a keystroke, the sampling options. */
export interface ServerOptions {
  readonly checks: CheckRunner;
  /** Milliseconds of quiet after an edit before it is checked (default 250). */
  readonly debounceMs?: number;
  /** Seed, samples and time limit per step (the CLI's defaults where absent). */
  readonly check?: Omit<CheckOptions, 'file'>;
  /** Handles the `exit` notification; without it the library ends the process (0 after `shutdown`, else 1). */
  readonly onExit?: () => void;
  /** The version reported in `serverInfo`. */
  readonly version?: string;
}

/** The server's default pause after a keystroke, in milliseconds. */
export const DEFAULT_DEBOUNCE_MS = 250;

/** Settings a client may send as `initializationOptions` (each optional, like the CLI's flags). */
interface InitOptions { seed?: number; samples?: number; timeoutMs?: number; debounceMs?: number }

/** The whole numbers among `initializationOptions`; anything else is ignored. */
function readInitOptions(raw: unknown): InitOptions {
  const out: InitOptions = {};
  if (typeof raw !== 'object' || raw === null) return out;
  const get = (key: keyof InitOptions, min: number): void => {
    const v = (raw as Record<string, unknown>)[key];
    if (typeof v === 'number' && Number.isSafeInteger(v) && v >= min) out[key] = v;
  };
  get('seed', 0);
  get('samples', 1);
  get('timeoutMs', 1);
  get('debounceMs', 0);
  return out;
}

/** The file name a report carries: the path of a `file:` URI, else the URI itself (an unsaved buffer). */
function fileOf(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/**
 * Serves the Language Server Protocol on `connection`: checks every open document as it
 * is edited (debounced; a newer edit cancels the older check) and publishes its
 * diagnostics, answers hovers with the verdict of the step on a line, and offers the
 * diagnostics' fixes as quick fixes. Call `connection.listen()` after this.
 */
export function startServer(connection: Connection, options: ServerOptions): { dispose: () => Promise<void> } {
  const store = new DocumentStore();
  const published = new Map<string, { version: number; items: Published[] }>();
  let markdown = false;
  let versionedEdits = false;
  let checkOptions: Omit<CheckOptions, 'file'> = { ...options.check };
  let debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  /** Line starts of each checked text, built once per report. */
  const lineIndexes = new WeakMap<FileReport, LineIndex>();
  const linesOf = (report: FileReport): LineIndex => {
    let lines = lineIndexes.get(report);
    if (lines === undefined) lineIndexes.set(report, (lines = new LineIndex(report.source)));
    return lines;
  };

  const onReport = (uri: string, version: number, report: FileReport): void => {
    const doc = store.get(uri);
    if (doc === undefined || doc.version !== version) return;
    const items = toLspDiagnostics(report, { lines: linesOf(report), encoding: store.encoding, uri });
    published.set(uri, { version, items });
    void connection.sendDiagnostics({ uri, version, diagnostics: items.map((p) => p.diagnostic) });
  };
  const scheduler = new CheckScheduler(options.checks, onReport);

  const schedule = (uri: string, immediately: boolean): void => {
    const doc = store.get(uri);
    if (doc === undefined) return;
    scheduler.schedule(uri, doc.version, doc.text, { ...checkOptions, file: fileOf(uri) }, immediately ? 0 : debounceMs);
  };

  /** The report for the document's current version, waiting for its check if it is under way. */
  const currentReport = async (uri: string): Promise<FileReport | null> => {
    const doc = store.get(uri);
    return doc === undefined ? null : scheduler.reportFor(uri, doc.version);
  };

  connection.onInitialize((params): InitializeResult => {
    const caps = params.capabilities;
    store.encoding = negotiateEncoding(caps.general?.positionEncodings);
    markdown = caps.textDocument?.hover?.contentFormat?.includes(MarkupKind.Markdown) === true;
    versionedEdits = caps.workspace?.workspaceEdit?.documentChanges === true;
    const init = readInitOptions(params.initializationOptions);
    checkOptions = {
      ...checkOptions,
      ...(init.seed !== undefined && { seed: init.seed }),
      ...(init.samples !== undefined && { samples: init.samples }),
      ...(init.timeoutMs !== undefined && { timeoutMs: init.timeoutMs }),
    };
    if (init.debounceMs !== undefined) debounceMs = init.debounceMs;
    return {
      capabilities: {
        positionEncoding: store.encoding,
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'deriv', ...(options.version !== undefined && { version: options.version }) },
    };
  });

  connection.onDidOpenTextDocument(({ textDocument: d }) => {
    store.open(d.uri, d.version, d.text);
    schedule(d.uri, true);
  });

  connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => {
    if (store.change(d.uri, d.version, contentChanges) !== undefined) schedule(d.uri, false);
  });

  connection.onDidCloseTextDocument(({ textDocument: d }) => {
    store.close(d.uri);
    scheduler.forget(d.uri);
    published.delete(d.uri);
    void connection.sendDiagnostics({ uri: d.uri, diagnostics: [] });
  });

  connection.onHover(async ({ textDocument, position }, token): Promise<Hover | null> => {
    const doc = store.get(textDocument.uri);
    if (doc === undefined) return null;
    const offset = doc.lines.offsetAt(position, store.encoding);
    const report = await currentReport(textDocument.uri);
    if (report === null || token.isCancellationRequested) return null;
    return hoverAt(report, linesOf(report), offset, store.encoding, markdown);
  });

  connection.onCodeAction(async ({ textDocument, range }, token): Promise<CodeAction[]> => {
    const doc = store.get(textDocument.uri);
    if (doc === undefined) return [];
    const { version } = doc;
    const start = doc.lines.offsetAt(range.start, store.encoding);
    const end = doc.lines.offsetAt(range.end, store.encoding);
    const report = await currentReport(textDocument.uri);
    const items = published.get(textDocument.uri);
    if (report === null || token.isCancellationRequested || items?.version !== version) return [];
    const target = { uri: textDocument.uri, version, lines: linesOf(report), encoding: store.encoding, versioned: versionedEdits };
    return quickFixes(items.items, start, end, target);
  });

  const dispose = async (): Promise<void> => {
    await scheduler.dispose();
  };
  connection.onShutdown(dispose);
  if (options.onExit) connection.onExit(options.onExit);
  return { dispose };
}
