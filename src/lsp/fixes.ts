import type { Diagnostic, Fix } from '../diagnostics.js';

/**
 * The quick fixes a diagnostic offers: its own `fixes`, or, for an `unknown-name`
 * diagnostic that carries none, the product its message suggests (`ab` → `a b`),
 * replacing the word where the diagnostic's range starts.
 */
export function fixesOf(d: Diagnostic, text: string): readonly Fix[] {
  if (d.fixes !== undefined && d.fixes.length > 0) return d.fixes;
  if (d.code !== 'unknown-name') return [];
  const name = /^unknown name '(.+?)'/u.exec(d.message)?.[1];
  const start = d.range[0];
  if (name === undefined || !text.startsWith(name, start)) return [];
  const letters = [...name];
  if (letters.length < 2) return [];
  const product = letters.join(' ');
  return [{ title: `write ${product}`, range: [start, start + name.length], newText: product }];
}
