// `npm run bench`: how fast deriv is, measured, not asserted.
//  - cold start: `deriv check` on one file in a fresh process (what an editor pays on save);
//  - warm check: checkSource on each derivation in-process, median of several runs.
// Needs a build (npm install does it). Prints one line per measure.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, 'derivations');
const files = readdirSync(dir).filter((f) => f.endsWith('.deriv')).sort();
const runs = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const cold = [];
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  spawnSync(process.execPath, [path.join(root, 'bin/deriv.js'), 'check', '--format', 'json', path.join(dir, 'q2-momentum.deriv')], { encoding: 'utf8' });
  cold.push(performance.now() - t);
}
console.log(`cold start, deriv check q2-momentum.deriv: ${median(cold).toFixed(0)} ms (median of 3)`);

const { checkSource } = await import(path.join(root, 'dist/src/index.js'));
let total = 0;
for (const f of files) {
  const text = readFileSync(path.join(dir, f), 'utf8');
  await checkSource(text, { file: f });
  const times = [];
  let report;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    report = await checkSource(text, { file: f });
    times.push(performance.now() - t);
  }
  const m = median(times);
  total += m;
  const steps = report.steps.length;
  console.log(`${f.padEnd(22)} ${m.toFixed(0).padStart(6)} ms  ${steps} steps, ${report.shows.length} shows  (${(m / Math.max(1, steps + report.shows.length)).toFixed(1)} ms per item; median of ${runs})`);
}
console.log(`all derivations: ${total.toFixed(0)} ms`);

// `deriv grade`: one submission in a fresh process, and a batch of 300 (bench/grade.mjs).
if (process.env.BENCH_GRADE !== '0') await import('./grade.mjs');
