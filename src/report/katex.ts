import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type katexModule from 'katex';

/**
 * KaTeX, server-side (the only file that imports it): LaTeX math → HTML and MathML, and
 * the stylesheet that page needs with its fonts inlined, so the page needs no network
 * and no script.
 */

type Katex = typeof katexModule;

const require = createRequire(import.meta.url);
let katex: Katex | null = null;

/** KaTeX, loaded on first use (the CLI's start-up does not need it). */
function load(): Katex {
  katex ??= require('katex') as Katex;
  return katex;
}

/**
 * LaTeX math → HTML (with MathML for screen readers). Never throws: an error is shown as
 * a `.katex-error` span. `trust: false` refuses `\href`, `\url`, `\includegraphics`,
 * `\htmlClass` and the like, so no link, image or attribute comes out of the input.
 */
export function renderMath(tex: string, display = false): string {
  return load().renderToString(tex, {
    displayMode: display,
    output: 'htmlAndMathml',
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxExpand: 1000,
    maxSize: 20,
  });
}

/** KaTeX's stylesheet with its `@font-face` rules apart, read once. */
let styles: { readonly rules: string; readonly faces: readonly FontFace[]; readonly folder: string } | null = null;

interface FontFace { readonly family: string; readonly css: string; readonly woff2: string }

function loadStyles(): NonNullable<typeof styles> {
  if (styles) return styles;
  const cssPath = require.resolve('katex/dist/katex.min.css');
  const css = readFileSync(cssPath, 'utf8');
  const faces: FontFace[] = [];
  const rules = css.replace(/@font-face\{([^}]*)\}/g, (_all, body: string) => {
    const family = /font-family:([^;]+)/.exec(body)?.[1]?.trim() ?? '';
    const woff2 = /url\(([^)]+\.woff2)\)/.exec(body)?.[1] ?? '';
    faces.push({ family, css: body, woff2 });
    return '';
  });
  styles = { rules, faces, folder: dirname(cssPath) };
  return styles;
}

const fontData = new Map<string, string>();

/** A font file as a data: URL (read once). */
function fontUrl(folder: string, file: string): string {
  let url = fontData.get(file);
  if (url === undefined) {
    url = `data:font/woff2;base64,${readFileSync(join(folder, file)).toString('base64')}`;
    fontData.set(file, url);
  }
  return url;
}

/** The class names used in an HTML text. */
function classesIn(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) out.add(c);
  return out;
}

/**
 * KaTeX's stylesheet for a page, with the fonts the page uses inlined as woff2 data: URLs
 * (a family is used when a rule that sets it matches classes found in the page; the main
 * font always is). About 100–200 kB instead of the 300 kB of every font.
 */
export function mathStylesheet(html: string): string {
  const { rules, faces, folder } = loadStyles();
  const classes = classesIn(html);
  const families = new Set(['KaTeX_Main']);
  for (const m of rules.matchAll(/([^{}]+)\{([^{}]*font-family:([^;}]+)[^{}]*)\}/g)) {
    const selectors = m[1]!.split(',');
    const family = m[3]!.trim().replace(/^"|"$/g, '').split(',')[0]!.trim();
    const used = selectors.some((sel) => {
      const needed = [...sel.matchAll(/\.([\w-]+)/g)].map((c) => c[1]!);
      return needed.length > 0 && needed.every((c) => classes.has(c));
    });
    if (used) families.add(family);
  }
  const inlined = faces
    .filter((f) => families.has(f.family) && f.woff2 !== '')
    .map((f) => `@font-face{${f.css.replace(/src:[^;}]+/, `src:url(${fontUrl(folder, f.woff2)}) format("woff2")`)}}`);
  return `${inlined.join('')}${rules}`;
}
