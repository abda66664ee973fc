/**
 * A file's text with fast offset → line/column lookup: lines and columns are 1-based,
 * columns count code points, and a line ends at LF, CRLF or a lone CR (as the parser
 * splits them). A leading byte-order mark takes no column.
 */
export class SourceFile {
  readonly lineStarts: number[];
  /** Where each line's text ends (before its line break). */
  private readonly lineEnds: number[];

  constructor(readonly file: string, readonly text: string) {
    this.lineStarts = [0];
    this.lineEnds = [];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lineEnds.push(i);
        if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
    this.lineEnds.push(text.length);
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    let start = this.lineStarts[lo]!;
    if (lo === 0 && this.text.charCodeAt(0) === 0xfeff && o > 0) start = 1;
    return { line: lo + 1, column: [...this.text.slice(start, Math.min(o, this.lineEnds[lo]!))].length + 1 + Math.max(0, o - this.lineEnds[lo]!) };
  }

  /** The text of a 1-based line, without its line break (or a leading byte-order mark). */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const text = this.text.slice(start, this.lineEnds[line - 1]);
    return line === 1 ? text.replace(/^\uFEFF/, '') : text;
  }
}
