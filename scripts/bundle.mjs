// Build step: bundles the `deriv check` worker (dist/src/run/check-worker.js and everything it
// loads, nerdamer excepted: it is required lazily from node_modules) into one CommonJS file,
// then makes its V8 code cache by a training run that checks derivations/ in a fresh process.
// See src/run/bundle.ts. Run by `npm run build` after tsc.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'worker', 'check-worker.cjs');
const cache = bundle.replace(/\.cjs$/, '.cache');
rmSync(cache, { force: true });
await build({
  entryPoints: [path.join(root, 'dist', 'src', 'run', 'check-worker.js')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  logLevel: 'warning',
  // `import.meta.url` (nerdamer is required relative to it) is the bundle's own address.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The training run: the bundle loaded without a cache checks every derivation (parsing
// included), then V8 writes the bytecode of all it compiled.
const train = `
  const { loadBundle, cacheFileOf } = await import(${JSON.stringify(path.join(root, 'dist', 'src', 'run', 'bundle.js'))});
  const { readFileSync, writeFileSync } = await import('node:fs');
  const loaded = loadBundle(${JSON.stringify(bundle)}, undefined, false);
  const { checkSource } = await loaded.exports.checker();
  for (const file of ${JSON.stringify(trainingFiles())}) await checkSource(readFileSync(file, 'utf8'), { file });
  writeFileSync(cacheFileOf(${JSON.stringify(bundle)}), loaded.script.createCachedData());
`;
const r = spawnSync(process.execPath, ['--input-type=module', '-e', train], { cwd: root, stdio: 'inherit' });
if (r.status !== 0 || !existsSync(cache)) console.warn('bundle: no code cache made (the worker loads without it)');

function trainingFiles() {
  const dir = path.join(root, 'derivations');
  return readdirSync(dir).filter((f) => f.endsWith('.deriv')).sort().map((f) => path.join(dir, f));
}
