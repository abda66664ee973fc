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

/** A line that only opens or closes a pasted LaTeX display (`\begin{align*}`, `\]`): read like a comment. */
const LATEX_FRAME =
  /^\s*(?:\\(?:begin|end)\s*\{\s*(?:align|aligned|alignat|equation|gather|gathered|multline|eqnarray|split|array)\*?\s*\}(?:\{[^}]*\})*|\\\[|\\\]|\$\$)\s*$/u;

/** `\text{by …}`, `\quad\text{since …}`, `\text{ or }`, `\text{ invertible}`: the wrapper around a keyword or tag is LaTeX only. */
const TEXT_WRAPPER = /\\(?:text|textrm|textnormal|mbox|mathrm)\s*\{(?=\s*(?:by|since|and|or|for|as|in|symmetric|invertible|diagonal|positive|orthogonal)\b)/gu;

/** Any `\text{` (after a justification's keyword). */
const ANY_TEXT = /\\(?:text|textrm|textnormal|mbox|mathrm)\s*\{/gu;

/**
 * A line of pasted LaTeX as deriv reads it: alignment `&`, `$` and a trailing `\\` are
 * spaces, and a `\text{…}` around a keyword (`\text{by def v}`) loses its wrapper. Every
 * character keeps its place, so ranges still index the original text.
 */
export function unLatex(code: string): string {
  if (!/[&$\\]/u.test(code)) return code;
  // Offsets in UTF-16 units, to blank by index.
  const out = code.split('');
  const blank = (from: number, to: number) => { for (let i = from; i < to; i++) out[i] = ' '; };
  let closing: string | null = null;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (closing !== null) {
      if (c === closing) closing = null;
    } else if (OPENING_QUOTES[c] !== undefined) {
      closing = OPENING_QUOTES[c];
    } else if ((c === '&' || c === '$') && code[i - 1] !== '\\') {
      blank(i, i + 1);
    }
  }
  const trailing = /\\\\(?:\[[^\]]*\])?\s*$/u.exec(code);
  if (trailing) blank(trailing.index, trailing.index + trailing[0].length);
  // After a justification's keyword, every \text{…} on the line is justification text too.
  const keyword = /\\(?:text|textrm|textnormal|mbox|mathrm)\s*\{\s*(?:by|since)\b/u.exec(code);
  const wrappers = [...code.matchAll(TEXT_WRAPPER), ...(keyword ? [...code.slice(keyword.index + 1).matchAll(ANY_TEXT)]
    .map((m) => ({ ...m, index: m.index + keyword.index + 1 })) : [])];
  for (const m of wrappers) {
    const open = m.index + m[0].length - 1;
    let depth = 0;
    for (let j = open; j < code.length; j++) {
      if (code[j] === '{') depth++;
      else if (code[j] === '}' && --depth === 0) {
        blank(m.index, open + 1);
        blank(j, j + 1);
        break;
      }
    }
  }
  return out.join('');
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
    const stripped = stripComment(lineText);
    if (LATEX_FRAME.test(stripped)) {
      lines.push({ number: lines.length + 1, start, text: lineText, code: '', hasComment: true });
      return;
    }
    const code = unLatex(stripped);
    lines.push({ number: lines.length + 1, start, text: lineText, code, hasComment: stripped.length < lineText.length });
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
