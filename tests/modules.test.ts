import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Worker threads are started from compiled modules named by `new URL('….js', import.meta.url)`.
 * A module that was moved or renamed leaves such a name pointing at nothing; a stale dist/ can
 * hide it, and the LSP then quietly checks in-process. Every such name must be a source file.
 */
const src = path.join(import.meta.dirname, '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const references = sources(src).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/new URL\('([^']+)\.js', import\.meta\.url\)/g)].map((m) => ({
    from: path.relative(src, file), target: path.resolve(path.dirname(file), `${m[1]}.ts`),
  })));

describe('modules started by URL', () => {
  it('finds the worker modules', () => {
    expect(references.length).toBeGreaterThanOrEqual(3);
  });
  it.each(references)('$from names an existing module', ({ target }) => {
    expect(existsSync(target), path.relative(src, target)).toBe(true);
  });
});
