// Build step: bundles three things into CommonJS files run from V8's code cache (see
// src/run/bundle.ts; Node 20 has no module compile cache), each cache made by a training run
// in a fresh process under the V8 flags `deriv` runs with (src/run/v8-flags.ts):
// - the `deriv check` worker (dist/src/run/check-worker.js and everything it loads, nerdamer
//   excepted), trained by checking derivations/;
// - nerdamer (nerdamer-prime/all and its add-ons), which the worker loads only when a step
//   asks it (src/check/symbolic.ts): its cache is written by the worker's training run, with
//   what checking derivations/ compiled of it;
// - the parser the CLI's main thread runs on each file before handing it to the worker
//   (dist/src/parse/index.js with Ohm and the grammar), trained by parsing derivations/.
// Run by `npm run build` after tsc.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
// The caches are made under the flags `deriv` runs with (V8 takes a cache only under its flags).
const { RUN_V8_FLAGS } = await import(path.join(root, 'dist', 'src', 'run', 'v8-flags.js'));
const files = trainingFiles();

// nerdamer first: the worker's training run below loads it from this bundle.
const engine = path.join(root, 'dist', 'worker', 'nerdamer.cjs');
rmSync(cacheOf(engine), { force: true });
await bundle(createRequire(path.join(root, 'package.json')).resolve('nerdamer-prime/all'), engine);

await bundleWithCache({
  entry: path.join(root, 'dist', 'src', 'run', 'check-worker.js'),
  file: path.join(root, 'dist', 'worker', 'check-worker.cjs'),
  // The bundle loaded without a cache checks every derivation and steps that ask nerdamer
  // (scripts/train-symbolic.deriv: derivations/ never do), then writes nerdamer's cache too,
  // with what those steps compiled of it. Each file is handed over parsed, as the CLI hands
  // its files (src/check/isolated.ts): the parser's bytecode (~0.6 of the cache's 2.5 MB) was
  // deserialized by every worker and run by none under 20,000 characters.
  train: (loaded) => `
    const { checkSource } = await ${loaded}.exports.checker();
    const { parseDerivation } = await import(${JSON.stringify(path.join(root, 'dist', 'src', 'parse', 'index.js'))});
    for (const file of ${JSON.stringify([...files, path.join(root, 'scripts', 'train-symbolic.deriv')])}) {
      const text = readFileSync(file, 'utf8');
      await checkSource(text, { file }, parseDerivation(text));
    }
    const engine = await ${loaded}.exports.engineScript();
    if (engine) writeFileSync(cacheFileOf(${JSON.stringify(engine)}), engine.createCachedData());`,
});
if (!existsSync(cacheOf(engine))) console.warn(`bundle: no code cache made for ${path.relative(root, engine)} (it loads without one)`);

await bundleWithCache({
  entry: path.join(root, 'dist', 'src', 'parse', 'index.js'),
  file: path.join(root, 'dist', 'parser', 'parse.cjs'),
  train: (loaded) => `
    for (const file of ${JSON.stringify(files)}) ${loaded}.exports.parseDerivation(readFileSync(file, 'utf8'));`,
});

/** Bundles `entry`, then runs `train` on the bundle loaded without a cache and has V8 write the bytecode of all it compiled. */
async function bundleWithCache({ entry, file, train }) {
  rmSync(cacheOf(file), { force: true });
  await bundle(entry, file);
  const script = `
    const { loadBundle, cacheFileOf } = await import(${JSON.stringify(path.join(root, 'dist', 'src', 'run', 'bundle.js'))});
    const { readFileSync, writeFileSync } = await import('node:fs');
    const loaded = loadBundle(${JSON.stringify(file)}, undefined, false);
    ${train('loaded')}
    writeFileSync(cacheFileOf(${JSON.stringify(file)}), loaded.script.createCachedData());
  `;
  const r = spawnSync(process.execPath, [...RUN_V8_FLAGS, '--input-type=module', '-e', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(cacheOf(file))) console.warn(`bundle: no code cache made for ${path.relative(root, file)} (it loads without one)`);
}

/** The code cache beside a bundle (src/run/bundle.ts's cacheFileOf). */
function cacheOf(file) {
  return file.replace(/\.cjs$/, '.cache');
}

/** Bundles `entry` and all it requires into one CommonJS file, ASCII and without comments (what loadBundle runs). */
async function bundle(entry, file) {
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    // ASCII without comments: a non-ASCII character anywhere makes V8 hold the whole ~1 MB
    // source as a two-byte string, and reading the worker's bundle took ~19 ms instead of ~4.
    minifyWhitespace: true,
    legalComments: 'none',
    charset: 'ascii',
    // `import.meta.url` (nerdamer's bundle is looked for relative to it) is the bundle's own address.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  asciiOnly(file);
}

/**
 * Escapes the non-ASCII characters esbuild leaves in regular-expression literals (its `charset:
 * 'ascii'` escapes strings and names, not regexes) as \\uXXXX, which means the same character
 * there, with or without the u flag (surrogate pairs beyond the BMP: one code point under u,
 * the same two units without it).
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  // (An escaped one, `\\∑`, would become `\\\\u2211`: a backslash and "u2211". There is none.)
  if (/\\[^\x00-\x7f]/.test(text)) throw new Error(`bundle: ${file} escapes a non-ASCII character`);
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

function trainingFiles() {
  const dir = path.join(root, 'derivations');
  return readdirSync(dir).filter((f) => f.endsWith('.deriv')).sort().map((f) => path.join(dir, f));
}
