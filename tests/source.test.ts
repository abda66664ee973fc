import { describe, expect, it } from 'vitest';
import { SourceFile } from '../src/source.js';

describe('SourceFile', () => {
  it.each([
    ['LF', 'ab\ncd\nef', 4, { line: 2, column: 2 }],
    ['CRLF', 'ab\r\ncd\r\nef', 5, { line: 2, column: 2 }],
    ['lone CR', 'ab\rcd\ref', 4, { line: 2, column: 2 }],
    ['code points, not UTF-16 units', '𝑥 = y', 3, { line: 1, column: 3 }],
    ['a byte-order mark takes no column', '\uFEFFab', 2, { line: 1, column: 2 }],
  ])('%s', (_, text, offset, want) => {
    expect(new SourceFile('f', text).position(offset)).toEqual(want);
  });

  it('gives line text without breaks or a byte-order mark', () => {
    const src = new SourceFile('f', '\uFEFFa\r\nb\rc\n');
    expect([1, 2, 3, 4].map((l) => src.lineText(l))).toEqual(['a', 'b', 'c', '']);
  });
});
