/**
 * Positions as the Language Server Protocol counts them: a 0-based line and a 0-based
 * `character` within it, in UTF-16 code units (the protocol's default and the only
 * encoding every client has) or in code points (`utf-32`, for clients that offer it).
 * Lines end at LF, CRLF or a lone CR, as in the protocol and in `SourceFile`.
 * Offsets are 0-based indices into the JavaScript string (UTF-16 code units), the same
 * offsets the AST's ranges hold.
 */

/** How a position's `character` counts: UTF-16 code units or Unicode code points. */
export type PositionEncoding = 'utf-16' | 'utf-32';

/** The encodings this server can speak, in order of preference. */
export const POSITION_ENCODINGS: readonly PositionEncoding[] = ['utf-16', 'utf-32'];

/** A protocol position: 0-based line, 0-based character in the chosen encoding. */
export interface Position { readonly line: number; readonly character: number }

/** A protocol range: `end` is exclusive. */
export interface LspRange { readonly start: Position; readonly end: Position }

/**
 * The encoding to use, from the client's `general.positionEncodings` (its preference
 * order): the first one this server speaks; UTF-16 when the client offers none.
 */
export function negotiateEncoding(offered: readonly string[] | undefined): PositionEncoding {
  for (const e of offered ?? []) {
    if ((POSITION_ENCODINGS as readonly string[]).includes(e)) return e as PositionEncoding;
  }
  return 'utf-16';
}

/** True for the first half of a surrogate pair. */
function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** True for the second half of a surrogate pair. */
function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Code points in `text` from `start` to `end` (UTF-16 offsets); a lone surrogate counts as one. */
export function codePointsBetween(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < end && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    n++;
  }
  return n;
}

/**
 * The UTF-16 offset reached by walking `count` code points from `start`, stopping at
 * `limit`: a column in code points turned into one in UTF-16 code units.
 */
export function advanceCodePoints(text: string, start: number, count: number, limit: number): number {
  let i = start;
  for (let n = 0; n < count && i < limit; n++) {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < limit && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** A text's line starts, for offset ↔ position conversion in either encoding. */
export class LineIndex {
  /** Offset where each line starts. */
  private readonly starts: number[] = [0];
  /** Offset where each line's text ends (before its line break). */
  private readonly ends: number[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.ends.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
    this.ends.push(text.length);
  }

  /** How many lines (a text ending in a line break has an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** The 0-based line holding `offset` (clamped to the text). */
  lineOf(offset: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The offsets where a 0-based line's text starts and ends (before its break). */
  lineBounds(line: number): { start: number; end: number } {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    return { start: this.starts[l]!, end: this.ends[l]! };
  }

  /** The position of an offset; an offset inside a line break is placed at the line's end. */
  positionAt(offset: number, encoding: PositionEncoding): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(o);
    const { start, end } = this.lineBounds(line);
    const at = Math.min(o, end);
    return { line, character: encoding === 'utf-16' ? at - start : codePointsBetween(this.text, start, at) };
  }

  /**
   * The offset of a position. As the protocol says, a character past the line's end
   * means the line's end, and a line past the last means the end of the text.
   */
  offsetAt(position: Position, encoding: PositionEncoding): number {
    if (position.line < 0) return 0;
    if (position.line >= this.starts.length) return this.text.length;
    const { start, end } = this.lineBounds(position.line);
    const character = Math.max(0, position.character);
    return encoding === 'utf-16' ? Math.min(start + character, end) : advanceCodePoints(this.text, start, character, end);
  }

  /** A protocol range for `[start, end)` offsets. */
  rangeAt(start: number, end: number, encoding: PositionEncoding): LspRange {
    return { start: this.positionAt(start, encoding), end: this.positionAt(Math.max(start, end), encoding) };
  }
}
