import type { Range } from '../ast.js';
import type { SourceFile } from '../source.js';

/** Columns a tab advances to (tab stops every TAB_WIDTH display columns within the source line). */
const TAB_WIDTH = 4;
/** Longest stretch of a source line shown in a frame, in display columns. */
const MAX_FRAME_WIDTH = 160;
/** When a long line is clipped, how much of it stays visible before the caret. */
const LEAD_IN = 24;

/** Paint hooks for a frame; identity when colour is off. */
export interface FramePaint {
  readonly gutter: (s: string) => string;
  readonly caret: (s: string) => string;
}

const plain: FramePaint = { gutter: (s) => s, caret: (s) => s };

/**
 * How many terminal columns a code point takes: 0 for combining marks and zero-width
 * characters (so `f̂` is one column), 2 for East Asian wide characters, 1 otherwise.
 */
export function codePointWidth(ch: string): number {
  const cp = ch.codePointAt(0) ?? 0;
  if (/[\p{Mn}\p{Me}]/u.test(ch)) return 0;
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/**
 * Makes text safe to print on one terminal line: C0/C1 controls and DEL become visible
 * symbols (U+2400 block, or U+FFFD), so a source file cannot move the cursor or
 * inject escape sequences. Tabs are kept (the frame expands them).
 */
export function sanitize(text: string): string {
  // (Also the invisible format characters: a right-to-left override printed as it is turns
  // the rest of the terminal line around; one code point for one, so columns stay aligned.)
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u3164\ufe00-\ufe0f\ufeff\u{e0000}-\u{e007f}]/gu, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return '\ufffd';
  });
}

/** One displayed cell run: a code point as printed and the columns it takes. */
interface Cell { readonly text: string; readonly width: number }

/** Splits a line into code points with their display widths; tabs expand to the next tab stop. */
function cells(line: string): Cell[] {
  const out: Cell[] = [];
  let column = 0;
  for (const ch of sanitize(line)) {
    if (ch === '\t') {
      const width = TAB_WIDTH - (column % TAB_WIDTH);
      out.push({ text: ' '.repeat(width), width });
      column += width;
    } else {
      const width = codePointWidth(ch);
      out.push({ text: ch, width });
      column += width;
    }
  }
  return out;
}

/** Display width of a string as printed on one line (tabs count as at a line start). */
export function displayWidth(text: string): number {
  return cells(text).reduce((w, c) => w + c.width, 0);
}

/** Shortens text to at most `max` display columns, ending with `…` when cut; tabs become spaces. */
export function clipText(text: string, max: number): string {
  const all = cells(text);
  const total = all.reduce((w, c) => w + c.width, 0);
  if (total <= max) return all.map((c) => c.text).join('');
  let out = '';
  let width = 0;
  for (const c of all) {
    if (width + c.width > max - 1) break;
    out += c.text;
    width += c.width;
  }
  return `${out}…`;
}

/** Renders cells[from…] within `max` columns, with `…` marking what was cut on either side. */
function window(all: readonly Cell[], from: number, max: number): { text: string; width: (n: number) => number } {
  const lead = from > 0 ? '…' : '';
  let text = lead;
  let used = lead.length;
  let last = from;
  for (; last < all.length; last++) {
    const c = all[last]!;
    if (used + c.width > max - (last < all.length - 1 ? 1 : 0)) break;
    text += c.text;
    used += c.width;
  }
  if (last < all.length) text += '…';
  /** Columns from the window's start to code point index n (clamped to the window). */
  const width = (n: number): number => {
    let w = lead.length;
    for (let i = from; i < Math.min(n, last); i++) w += all[i]!.width;
    return w;
  };
  return { text, width };
}

/**
 * A code frame: the line before (for context) and the line of `range`'s start, marked
 * `>`, with a caret run under the range on that line (to its end when the range goes on).
 *
 * ```
 *    23 |   = -δ (β v_{t-1} + (1-β) g_t)       by def v
 * >  24 |   = β (-δ v_{t-1}) + δ(1-β) g_t
 *       |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
 * ```
 * Caret widths count display columns: combining marks take none, wide characters two.
 */
export function codeFrame(source: SourceFile, range: Range, paint: FramePaint = plain): string {
  const start = source.position(range[0]);
  const end = source.position(Math.max(range[0], range[1]));
  const line = start.line;
  const text = source.lineText(line);
  const all = cells(text);
  const startIndex = Math.min(start.column - 1, all.length);
  const endIndex = end.line === line ? Math.min(end.column - 1, all.length) : all.length;

  // Keep the caret's start in view on a very long line.
  const lineWidth = all.reduce((w, c) => w + c.width, 0);
  let from = 0;
  if (lineWidth > MAX_FRAME_WIDTH) {
    let before = 0;
    for (let i = 0; i < startIndex; i++) before += all[i]!.width;
    if (before > MAX_FRAME_WIDTH - LEAD_IN) {
      let w = 0;
      from = startIndex;
      while (from > 0 && w + all[from - 1]!.width <= LEAD_IN) w += all[--from]!.width;
    }
  }

  const gutterWidth = String(line).length;
  const row = (marker: string, n: number, content: string): string =>
    `${paint.gutter(`${marker}  ${String(n).padStart(gutterWidth)} |`)}${content === '' ? '' : ` ${content}`}`;

  const rows: string[] = [];
  if (line > 1) {
    const before = window(cells(source.lineText(line - 1)), from, MAX_FRAME_WIDTH).text;
    rows.push(row(' ', line - 1, before.trimEnd()));
  }
  const shown = window(all, from, MAX_FRAME_WIDTH);
  rows.push(row('>', line, shown.text.trimEnd()));
  const caretStart = shown.width(startIndex);
  const caretWidth = Math.max(1, shown.width(endIndex) - caretStart);
  rows.push(`${paint.gutter(`${' '.repeat(gutterWidth + 3)} |`)} ${' '.repeat(caretStart)}${paint.caret('^'.repeat(caretWidth))}`);
  return rows.join('\n');
}
