import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../src/lsp/documents.js';
import { LineIndex, negotiateEncoding, type Position } from '../src/lsp/positions.js';

/** A line with an astral letter (𝑥, two UTF-16 units), an emoji, a combining hat (x̂: x + U+0302) and Greek. */
const MIXED = 'scalar x̂, β   # 𝑥 and 😀\n    𝑥 + β\r\n  = β + 𝑥 = 2😀\rlast';

describe('positions in UTF-16 code units and in code points', () => {
  const lines = new LineIndex(MIXED);

  it.each([
    // [needle, line, UTF-16 character, code-point character]
    ['x̂', 0, 7, 7],
    ['\u0302', 0, 8, 8], // a combining mark is a code point of its own
    ['β', 0, 11, 11],
    ['𝑥 and', 0, 17, 17],
    ['and', 0, 20, 19],
    ['😀', 0, 24, 23],
    ['+ β', 1, 7, 6],
    ['= β', 2, 2, 2],
    ['= 2', 2, 11, 10],
    ['last', 3, 0, 0],
  ] as const)('%s is at line %i, UTF-16 %i, code point %i', (needle, line, utf16, utf32) => {
    const offset = MIXED.indexOf(needle);
    expect(lines.positionAt(offset, 'utf-16')).toEqual({ line, character: utf16 });
    expect(lines.positionAt(offset, 'utf-32')).toEqual({ line, character: utf32 });
    expect(lines.offsetAt({ line, character: utf16 }, 'utf-16')).toBe(offset);
    expect(lines.offsetAt({ line, character: utf32 }, 'utf-32')).toBe(offset);
  });

  it('agrees with vscode-languageserver-textdocument at every UTF-16 offset', () => {
    const doc = TextDocument.create('file:///m.deriv', 'deriv', 1, MIXED);
    for (let o = 0; o <= MIXED.length; o++) {
      expect(lines.positionAt(o, 'utf-16')).toEqual(doc.positionAt(o));
      const p = doc.positionAt(o);
      expect(lines.offsetAt(p, 'utf-16')).toBe(doc.offsetAt(p));
    }
  });

  it('clamps as the protocol says: past a line end is its end, past the last line is the end of the text', () => {
    expect(lines.offsetAt({ line: 0, character: 999 }, 'utf-16')).toBe(MIXED.indexOf('\n'));
    expect(lines.offsetAt({ line: 0, character: 999 }, 'utf-32')).toBe(MIXED.indexOf('\n'));
    expect(lines.offsetAt({ line: 9, character: 0 }, 'utf-16')).toBe(MIXED.length);
    expect(lines.positionAt(MIXED.indexOf('\r\n') + 1, 'utf-16')).toEqual({ line: 1, character: 10 }); // inside CRLF: end of line
    expect(lines.lineCount).toBe(4);
  });

  it('picks the first encoding the client offers that it speaks, else UTF-16', () => {
    expect(negotiateEncoding(undefined)).toBe('utf-16');
    expect(negotiateEncoding([])).toBe('utf-16');
    expect(negotiateEncoding(['utf-8', 'utf-32', 'utf-16'])).toBe('utf-32');
    expect(negotiateEncoding(['utf-8', 'utf-16', 'utf-32'])).toBe('utf-16');
    expect(negotiateEncoding(['utf-8'])).toBe('utf-16');
  });
});

describe('the document store applies edits as the editor sent them', () => {
  /** A seeded PRNG (mulberry32), so the random edits are the same on every run. */
  function rng(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const PIECES = ['a', 'β', '𝑥', '😀', '\u0302', '\n', '\r\n', '\r', ' = ', 'ab', ''];

  it('matches TextDocument over 300 random incremental UTF-16 edits', () => {
    const random = rng(7);
    const store = new DocumentStore('utf-16');
    let oracle = TextDocument.create('file:///r.deriv', 'deriv', 0, MIXED);
    store.open('file:///r.deriv', 0, MIXED);
    for (let v = 1; v <= 300; v++) {
      const len = oracle.getText().length;
      // Offsets on code-point boundaries, as an editor sends them.
      const at = (o: number): number => (/[\uDC00-\uDFFF]/.test(oracle.getText()[o] ?? '') ? o - 1 : o);
      const a = at(Math.floor(random() * (len + 1)));
      const b = at(Math.min(len, a + Math.floor(random() * 6)));
      const text = Array.from({ length: Math.floor(random() * 3) }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
      const change = { range: { start: oracle.positionAt(a), end: oracle.positionAt(b) }, text };
      oracle = TextDocument.update(oracle, [change], v);
      store.change('file:///r.deriv', v, [change]);
    }
    expect(store.get('file:///r.deriv')!.text).toBe(oracle.getText());
    expect(store.get('file:///r.deriv')!.version).toBe(300);
  });

  it('reads edit ranges in code points once UTF-32 is negotiated', () => {
    const store = new DocumentStore('utf-32');
    store.open('u', 1, MIXED);
    // Replace the `2` of `= 2😀` (code point 12 of line 2; UTF-16 13) with `3`, then the emoji with `x`.
    const at = (line: number, character: number): Position => ({ line, character });
    store.change('u', 2, [
      { range: { start: at(2, 12), end: at(2, 13) }, text: '3' },
      { range: { start: at(2, 13), end: at(2, 14) }, text: 'x' },
    ]);
    expect(store.get('u')!.text).toBe(MIXED.replace('2😀', '3x'));
    store.change('u', 3, [{ text: 'whole' }]);
    expect(store.get('u')!.text).toBe('whole');
    expect(store.change('not-open', 1, [{ text: 'x' }])).toBeUndefined();
  });
});
