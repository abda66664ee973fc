// Build step: bundles four things into CommonJS files run from V8's code cache (see
// src/run/bundle.ts; Node 20 has no module compile cache), each cache made by a training run
// in a fresh process under the V8 flags `deriv` runs with (src/run/v8-flags.ts):
// - the `deriv check` worker (dist/src/run/check-worker.js and everything it loads, nerdamer
//   excepted), trained by checking derivations/;
// - nerdamer (nerdamer-prime/all and its add-ons), which the worker loads only when a step
//   asks it (src/check/symbolic.ts): its cache is written by the worker's training run, with
//   what checking derivations/ compiled of it;
// - the parser the CLI's main thread runs on each file before handing it to the worker
//   (dist/src/parse/index.js with Ohm and the grammar), trained by parsing derivations/;
// - the CLI itself (what bin/deriv.js runs: dist/src/cli.js and check/isolated.js with what
//   they import), trained by running it on derivations/ (cliBundle below).
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

await cliBundle();

/**
 * The CLI's bundle, dist/cli/cli.cjs: what bin/deriv.js runs at every start (run, nodeIo,
 * isolatedChecker, checkFileCount), ~22 ES modules Node 20 would resolve and compile from source
 * each time. What the CLI imports with import() (the checker, the parser, the pool and tinypool,
 * LaTeX and HTML reports, grade, lsp) stays out, loaded as the ES module it is when asked for:
 * the checker and the parser have bundles of their own, and the rest is not on the path of
 * `deriv check`. (run/bundle.js, which `deriv check` asks for to load those, is taken in.)
 * Each module keeps its own `import.meta.url` (the file it was built to), so the files found
 * beside it (the worker, the parser's bundle, package.json) are found from inside the bundle.
 * Trained in-process on derivations/, as `deriv check FILE` runs (the file on this thread),
 * in each format, then --help and --version: what their output takes is compiled last, before
 * V8 could flush it.
 */
async function cliBundle() {
  const file = path.join(root, 'dist', 'cli', 'cli.cjs');
  rmSync(cacheOf(file), { force: true });
  const src = path.join(root, 'dist', 'src');
  const inlined = new Set([path.join(src, 'run', 'bundle.js')]);
  // (Only inside a module loaded by require can an import() run: the bundle runs in vm, where
  // Node 20 has no loader for it without --experimental-vm-modules.)
  const importer = path.join(path.dirname(file), 'esm-import.cjs');
  const keptOut = 'deriv-esm:';
  const { metafile } = await bundle({
    contents: "export { nodeIo, run } from './dist/src/cli.js';\nexport { checkFileCount, isolatedChecker } from './dist/src/check/isolated.js';\n",
    resolveDir: root,
    sourcefile: 'cli-entry.js',
  }, file, {
    metafile: true,
    // (Not the bundle's own address for import.meta.url: each module's, set by the plugin below.)
    define: {},
    banner: {
      js: 'const __moduleUrl = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, file)).href;'
        + `const __esmImport = (file) => require(${JSON.stringify(`./${path.basename(importer)}`)})(__moduleUrl(file));`,
    },
    plugins: [{
      name: 'cli-modules',
      setup(build) {
        build.onResolve({ filter: /.*/ }, (args) => {
          if (args.kind !== 'dynamic-import') return undefined;
          if (!/^\.\.?\//.test(args.path)) return { errors: [{ text: `import('${args.path}'): the CLI's bundle takes only its own modules' import()` }] };
          const target = path.resolve(args.resolveDir, args.path);
          if (inlined.has(target)) return undefined;
          return { path: keptOut + relativeTo(file, target), external: true };
        });
        // commander requires child_process at load (~5 ms of a start), for the executable
        // subcommands deriv has none of: required here only if one is spawned.
        build.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined));
        build.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({ contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);", loader: 'js' }));
        build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
          const text = readFileSync(args.path, 'utf8');
          if (!text.includes('import.meta')) return undefined;
          if (!args.path.startsWith(src + path.sep)) return { errors: [{ text: `${args.path} reads import.meta: not in the CLI's bundle` }] };
          const own = text.replace(/\bimport\.meta\.url\b/g, `__moduleUrl(${JSON.stringify(relativeTo(file, args.path))})`);
          if (own.includes('import.meta')) return { errors: [{ text: `${args.path} reads import.meta beyond its url` }] };
          return { contents: own, loader: 'js' };
        });
      },
    }],
  });
  // esbuild left the import() of each module kept out as it is: made a call of the importer.
  const bundled = readFileSync(file, 'latin1');
  const calls = bundled.replace(new RegExp(`\\bimport\\("${keptOut}([^"]+)"\\)`, 'g'), (_m, rel) => `__esmImport(${JSON.stringify(rel)})`);
  if (calls.includes(keptOut)) throw new Error(`bundle: an import() kept out of ${path.relative(root, file)} was not made a call of its importer`);
  writeFileSync(file, calls, 'latin1');
  writeFileSync(importer, '// The import() of the CLI\'s bundle (dist/cli/cli.cjs, scripts/bundle.mjs): a module that stayed an ES module.\nmodule.exports = (url) => import(url);\n');
  // (What the modules kept out load must not come in by another way.)
  for (const input of Object.keys(metafile.inputs)) {
    if (/(^|\/)node_modules\/(ohm-js|tinypool|nerdamer-prime|vscode-languageserver)\//.test(input)) throw new Error(`bundle: ${input} is in ${path.relative(root, file)}`);
  }
  trainCache(file, (loaded) => `
      const { run, nodeIo, isolatedChecker, checkFileCount } = ${loaded}.exports;
      const io = { ...nodeIo(), stdout: () => {}, stderr: () => {} };
      const runs = [];
      for (const file of ${JSON.stringify(files)}) runs.push(['check', '--format', 'json', file], ['check', file], ['check', '-f', 'gcc', file]);
      runs.push(['--help'], ['check', '--help'], ['--version']);
      for (const args of runs) {
        const checker = isolatedChecker({ inThread: true, eager: args[0] === 'check' && checkFileCount(args.slice(1)) >= 2 });
        await run(args, { ...io, check: checker.check });
        await checker.close();
      }`);
}

/** `file` as a path relative to `bundle`'s folder, with forward slashes. */
function relativeTo(bundle, file) {
  return path.relative(path.dirname(bundle), file).split(path.sep).join('/');
}

/** Bundles `entry`, then runs `train` on the bundle loaded without a cache and has V8 write the bytecode of all it compiled. */
async function bundleWithCache({ entry, file, train }) {
  rmSync(cacheOf(file), { force: true });
  await bundle(entry, file);
  trainCache(file, train);
}

/** Runs `train` on the bundle `file` loaded without a cache, in a fresh process under RUN_V8_FLAGS, and has V8 write the bytecode of all it compiled. */
function trainCache(file, train) {
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

/**
 * Bundles `entry` (a path, or esbuild's `stdin`) and all it requires into one CommonJS file,
 * ASCII and without comments (what loadBundle runs); `options` adds to or replaces esbuild's.
 */
async function bundle(entry, file, options = {}) {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: entry }),
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
    ...options,
  });
  asciiOnly(file);
  return result;
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
