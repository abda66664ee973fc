import { CodeActionKind, type CodeAction, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { LineIndex, PositionEncoding } from './positions.js';
import type { Published } from './report-to-lsp.js';

/** The document a quick fix edits: its URI and the version its diagnostics are for. */
export interface FixTarget {
  readonly uri: string;
  readonly version: number;
  readonly lines: LineIndex;
  readonly encoding: PositionEncoding;
  /** Whether the client takes `documentChanges` (versioned edits, refused on a newer text). */
  readonly versioned: boolean;
}

/**
 * Quick fixes for the diagnostics that touch `[start, end]` (offsets): one code action
 * per fix, the first fix of each diagnostic preferred. Versioned where the client
 * allows, so a fix computed for an older text is never applied to a newer one.
 */
export function quickFixes(published: readonly Published[], start: number, end: number, target: FixTarget): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const p of published) {
    if (p.fixes.length === 0) continue;
    if (p.range[1] < start || p.range[0] > end) continue;
    p.fixes.forEach((fix, i) => {
      const edits: TextEdit[] = fix.edits.map((e) => ({ range: target.lines.rangeAt(e.range[0], e.range[1], target.encoding), newText: e.text }));
      const workspaceEdit: WorkspaceEdit = target.versioned
        ? { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] }
        : { changes: { [target.uri]: edits } };
      actions.push({ title: fix.message, kind: CodeActionKind.QuickFix, diagnostics: [p.diagnostic], isPreferred: i === 0, edit: workspaceEdit });
    });
  }
  return actions;
}
