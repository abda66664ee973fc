// Bench for the symbolic adapter: nerdamer's load time, and how long typical and
// pathological questions take. Run: node bench/symbolic.mjs
// Compiles src/check/symbolic.ts (and what it imports) into node_modules/.cache first.
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'node_modules/.cache/deriv-bench');

// 1. Cold load time of nerdamer, each in a fresh process.
const probe = (how) => `
  const t = performance.now();
  ${how}
  process.stdout.write(String(performance.now() - t));`;
const loads = {
  "import('nerdamer-prime/all')": probe("await import('nerdamer-prime/all');"),
  "createRequire(…)('nerdamer-prime/all')": probe(
    "(await import('node:module')).createRequire(import.meta.url)('nerdamer-prime/all');"),
};
for (const [what, code] of Object.entries(loads)) {
  const times = Array.from({ length: 5 }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' })));
  times.sort((a, b) => a - b);
  console.log(`load ${what}: median ${times[2].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[4].toFixed(1)})`);
}

// 2. The adapter itself.
execFileSync(path.join(root, 'node_modules/.bin/tsc'), [
  path.join(root, 'src/check/symbolic.ts'), '--outDir', out, '--rootDir', root,
  '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node',
], { cwd: root, stdio: 'inherit' });
const { symbolicZero } = await import(pathToFileURL(path.join(out, 'src/check/symbolic.js')).href);

const R = [0, 0];
const num = (value) => ({ kind: 'Num', value: String(value), range: R });
const v = (base) => ({ kind: 'Var', name: { base, index: null, primes: 0, hat: false, range: R }, range: R });
const bin = (op) => (...xs) => xs.reduce((left, right) => ({ kind: 'Binary', op, left, right, range: R }));
const [add, sub, mul, div] = ['+', '-', '*', '/'].map(bin);
const pow = (b, e) => bin('^')(b, typeof e === 'number' ? num(e) : e);
const call = (f, ...args) => ({ kind: 'Call', fn: { base: f, index: null, primes: 0, hat: false, range: R }, args, range: R });
const [x, y, z, a] = ['x', 'y', 'z', 'a'].map(v);

const cases = {
  'first call (loads nerdamer)': sub(x, x),
  '(x+y)² − x² − 2xy − y²': sub(pow(add(x, y), 2), pow(x, 2), mul(num(2), x, y), pow(y, 2)),
  'sin² + cos² − 1': sub(add(pow(call('sin', x), 2), pow(call('cos', x), 2)), num(1)),
  '(x²−1)/(x−1) − (x+1)': sub(div(sub(pow(x, 2), num(1)), sub(x, num(1))), add(x, num(1))),
  'σ(x+y) − σ(y+x)': sub(call('σ', add(x, y)), call('σ', add(y, x))),
  'x − y (nonzero: expand, then simplify)': sub(x, y),
  '(x+y)^10 − 1': sub(pow(add(x, y), 10), num(1)),
  '(x+y)^30 − 1': sub(pow(add(x, y), 30), num(1)),
  '(x+y+z+a)^12 − 1 (times out)': sub(pow(add(x, y, z, a), 12), num(1)),
  '(x+y)^200 − 1 (refused)': sub(pow(add(x, y), 200), num(1)),
  'tanh x − (eˣ−e⁻ˣ)/(eˣ+e⁻ˣ)': sub(call('tanh', x), div(sub(call('exp', x), call('exp', mul(num(-1), x))),
    add(call('exp', x), call('exp', mul(num(-1), x))))),
};
for (const [what, expr] of Object.entries(cases)) {
  const t = performance.now();
  const answer = symbolicZero(expr);
  console.log(`${(performance.now() - t).toFixed(1).padStart(8)} ms  ${what}: ${JSON.stringify(answer)}`);
}
