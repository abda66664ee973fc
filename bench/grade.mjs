// `deriv grade` speed, measured (never asserted), with the built CLI in fresh processes as a TA runs it:
//  - one submission (Gradescope's case: one container per submission): median of 3;
//  - 300 generated Q2 submissions, mixed right and wrong, with --jobs 2.
// Needs a build (npm install does it). Run: node bench/grade.mjs [count]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'deriv.js');
const key = path.join(root, 'examples', 'keys', 'q2-key.deriv');
const correct = readFileSync(path.join(root, 'tests', 'fixtures', 'grade', 'q2', 'correct.deriv'), 'utf8');
// A count given as the first argument; `npm run bench -- --json F` imports this file with its own arguments.
const countArg = /^\d+$/.test(process.argv[2] ?? '') ? process.argv[2] : undefined;
const count = Number(countArg ?? process.env.BENCH_GRADE_COUNT ?? 300);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Mistakes students make, each a small edit of a correct Q2 (a seeded choice per student).
const MISTAKES = [
  (t) => t, // right
  (t) => t,
  (t) => t.replace('  = α (-v_{t-1}) - ε g_t\n', '  = α (-v_{t-1}) + ε g_t\n'), // a sign in a step
  (t) => t.replace('answer "2.1": α = β, ε = δ(1-β)', 'answer "2.1": α = β, ε = δβ'), // a wrong answer
  (t) => t.replace('answer "2.1": α = β, ε = δ(1-β)', 'answer "2.1": β = α, ε = δ - δβ'), // right, written differently
  (t) => t.replace('    = β (1-β) ∑_{i=1}^{t-1} β^{t-1-i} g_i + (1-β) g_t    by IH', '    = β (1-β) ∑_{i=1}^{t-1} β^{t-i} g_i + (1-β) g_t    by IH'), // a wrong exponent
  (t) => t.slice(0, t.indexOf('section "2.2 unrolled"')), // 2.2 missing
  (t) => t.replace('  = β (-δ v_{t-1}) - δ(1-β) g_t\n', '  = β (-δ v_{t-1}) - δ(1+β) g_t\n'), // a wrong coefficient
];

function generate(dir, n) {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31);
  const files = [];
  for (let i = 0; i < n; i++) {
    const text = MISTAKES[(next() >>> 16) % MISTAKES.length](correct).replace('title "Q2 — Ada Lovelace"', `title "Q2 — student ${i}"`);
    const file = path.join(dir, `s${String(i).padStart(3, '0')}.deriv`);
    writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

// CPU time (user + system, all threads) is reported beside wall time: on a shared machine the
// wall time says as much about the neighbours as about deriv.
const timeBin = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));

function grade(args) {
  const t = performance.now();
  const argv = [process.execPath, bin, 'grade', '--key', key, ...args];
  const r = timeBin
    ? spawnSync(timeBin, ['-f', '@@cpu %U %S', ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`deriv grade exited with ${r.status}: ${r.stderr.slice(0, 500)}`);
  const cpu = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpuMs: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null, stdout: r.stdout };
}
const cpuText = (cpuMs) => (cpuMs === null ? '' : `, ${(cpuMs / 1000).toFixed(1)} s CPU`);

const dir = mkdtempSync(path.join(tmpdir(), 'deriv-bench-grade-'));
try {
  const files = generate(dir, count);
  const hash = /^sha256 ([0-9a-f]{64})$/m.exec(grade(['--check-key']).stdout)[1];
  for (const [label, extra] of [['the key checked too', []], ['the key trusted by its hash, as run_autograder does', ['--key-sha256', hash]]]) {
    const runs = [0, 1, 2].map((i) => grade([files[i], '--format', 'gradescope', ...extra]));
    const m = median(runs.map((r) => r.ms));
    const c = median(runs.map((r) => r.cpuMs ?? 0));
    console.log(`grade one submission in a fresh process (${label}): ${m.toFixed(0)} ms${cpuText(timeBin ? c : null)} (median of 3; target < 1500 ms)`);
  }

  const out = path.join(dir, 'grades.csv');
  const batch = grade([...files, '--format', 'csv', '--jobs', '2', '--out', out]);
  const rows = readFileSync(out, 'utf8').split('\r\n');
  const total = rows.find((l) => l.startsWith('(total)')) ?? '';
  console.log(`grade ${count} generated Q2 submissions, --jobs 2: ${(batch.ms / 1000).toFixed(1)} s${cpuText(batch.cpuMs)} (${(batch.ms / count).toFixed(0)} ms per submission; target < 60 s for 300)`);
  console.log(`  class summary: ${total}`);
  console.log(`  load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (on ${(await import('node:os')).availableParallelism()} cores)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
