import { isBuiltinFunctionName } from '../builtins.js';
import { GREEK_LETTERS } from './names.js';

/**
 * The words a file declares that the grammar must read as one name: words with `_` that a
 * name would split (`lr_max`, `__proto__`), and any word of several letters (`lr`), which an
 * exponent reads whole only when declared (`e^lr`). Found by a look at the declaration lines
 * before the file is parsed (LANGUAGE.md §1: a longer word is a name only if declared). A name
 * declared with a subscript of several letters (`W_{hh}`) adds its unbraced spelling (`W_hh`),
 * the same name (the resolver reads `W_{hh}` as `W_hh`). A function a `define` gives counts as declared.
 */
export function declaredWords(codes: readonly string[]): string[] {
  const out = new Set<string>();
  for (const code of codes) {
    // A function a definition gives (`define __proto__(x) = x²`, `define _p(x) = …`) is declared
    // by it, as `define sq(x)` is: a word with `_` in it was refused as its target (red team rt103).
    const defined = /^\s*define\s+([\p{L}_][\p{L}\d_]*)\s*(\(?)/u.exec(code);
    // (A name defined with no parameters, `define __proto__ = 5`, only where `_` leads it: a
    // name of letters alone there must be declared, and says so; one led by `_` was a syntax error.)
    if (defined && isWord(defined[1]!) && (defined[2] === '(' || defined[1]!.startsWith('_'))) out.add(defined[1]!);
    const m = /^\s*(?:scalar|integer|vector|matrix|function|random)\s+(.*)$/u.exec(code);
    if (!m) continue;
    // The names come before `in R^n`, `∈`, `: R → R`, `iid` or `with`.
    const names = m[1]!.split(/\s(?:in|iid|with)\b|∈|\\in\b|:/u)[0]!;
    for (const raw of names.split(',')) {
      const word = raw.trim();
      if (isWord(word)) out.add(word);
      // `W_{hh}`, a subscript of several letters, is the name W_hh: written `W_hh` too.
      const braced = /^(\p{L})_\{(\p{L}[\p{L}\d]+)\}$/u.exec(word);
      if (braced) out.add(`${braced[1]}_${braced[2]}`);
    }
  }
  return [...out];
}

/** Whether a declared name is a word the ordinary name rule would not read as one name. */
function isWord(word: string): boolean {
  if (!/^[\p{L}_][\p{L}\d_]*$/u.test(word)) return false;
  if (GREEK_LETTERS[word] !== undefined || isBuiltinFunctionName(word)) return false;
  const letters = [...word];
  if (letters.length < 2) return false;
  // `Δθ`, a Greek letter after Δ, is one name already.
  if (letters.length === 2 && letters[0] === 'Δ') return false;
  // `x_0`, `v_t`, `x0`, `lr2`: a name with a subscript, read as such.
  if (/^\p{L}+(?:_(?:\d+|\p{L})|\d+)$/u.test(word)) return false;
  return true;
}
