import { table } from '../table.js';
/** Splitting a file into lines and taking the comment off each. */

/** One line of the file. `start` is the offset of its first character in the whole text. */
export interface SourceLine {
  /** 1-based. */
  readonly number: number;
  readonly start: number;
  /** The line without its line break. */
  readonly text: string;
  /** The text before a `#` comment (a `#` inside a "string" does not start one). */
  readonly code: string;
  readonly hasComment: boolean;
}

const OPENING_QUOTES: Readonly<Record<string, string>> = table({ '"': '"', '“': '”' });

/** The part of a line before its `#` comment. */
export function stripComment(line: string): string {
  let closing: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (closing !== null) {
      if (c === closing) closing = null;
    } else if (c === '#') {
      return line.slice(0, i);
    } else if (OPENING_QUOTES[c] !== undefined) {
      closing = OPENING_QUOTES[c];
    }
  }
  return line;
}

/**
 * Splits text into lines at LF, CRLF or a lone CR. A leading byte-order mark is not part
 * of line 1 (offsets still count it, so they index the text as given).
 */
export function splitLines(text: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const push = (end: number) => {
    const lineText = text.slice(start, end);
    const code = stripComment(lineText);
    lines.push({ number: lines.length + 1, start, text: lineText, code, hasComment: code.length < lineText.length });
  };
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  push(text.length);
  return lines;
}
