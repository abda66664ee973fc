import { LineIndex, type LspRange, type PositionEncoding } from './positions.js';

/** One change from `textDocument/didChange`: a range replaced, or (no range) the whole text. */
export interface ContentChange { readonly range?: LspRange; readonly text: string }

/** An open document: its text as the editor has it, and the version the editor gave it. */
export class OpenDocument {
  private index: LineIndex | null = null;

  constructor(readonly uri: string, public version: number, private content: string) {}

  /** The current text. */
  get text(): string {
    return this.content;
  }

  /** Line starts of the current text (built on first use after each change). */
  get lines(): LineIndex {
    this.index ??= new LineIndex(this.content);
    return this.index;
  }

  /** Applies changes in order, each against the text the previous one left (as the protocol says). */
  apply(changes: readonly ContentChange[], version: number, encoding: PositionEncoding): void {
    for (const change of changes) {
      if (change.range === undefined) {
        this.content = change.text;
      } else {
        const lines = this.lines;
        const start = lines.offsetAt(change.range.start, encoding);
        const end = Math.max(start, lines.offsetAt(change.range.end, encoding));
        this.content = this.content.slice(0, start) + change.text + this.content.slice(end);
      }
      this.index = null;
    }
    this.version = version;
  }
}

/** The documents the editor has open, by URI; ranges in edits count in the negotiated encoding. */
export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  constructor(public encoding: PositionEncoding = 'utf-16') {}

  /** `didOpen`: the editor now owns this document's text. */
  open(uri: string, version: number, text: string): OpenDocument {
    const doc = new OpenDocument(uri, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  /** `didChange`: applies the edits; undefined for a document that is not open. */
  change(uri: string, version: number, changes: readonly ContentChange[]): OpenDocument | undefined {
    const doc = this.docs.get(uri);
    doc?.apply(changes, version, this.encoding);
    return doc;
  }

  /** `didClose`: the file on disk is the truth again. */
  close(uri: string): void {
    this.docs.delete(uri);
  }

  /** The open document at `uri`, if any. */
  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  /** Every open document. */
  all(): OpenDocument[] {
    return [...this.docs.values()];
  }
}
