// Compares two `npm run bench -- --json FILE` runs: each figure's value in both and the
// ratio (after / before), so a change's speed effect is one command:
//   node bench/compare.mjs before.json after.json
import { readFileSync } from 'node:fs';

const [before, after] = process.argv.slice(2).map((f) => JSON.parse(readFileSync(f, 'utf8')));
if (!before || !after) {
  console.error('usage: node bench/compare.mjs BEFORE.json AFTER.json');
  process.exit(2);
}
console.log(`before: load ${before.machine.load.toFixed(1)}, after: load ${after.machine.load.toFixed(1)} (noisy machines: compare ratios, not single figures)`);
for (const [name, a] of Object.entries(after.figures)) {
  const b = before.figures[name];
  const ratio = b && b.value !== 0 ? a.value / b.value : NaN;
  const fmt = (x) => (x === undefined ? '—' : `${x.value.toFixed(x.value < 10 ? 2 : 0)} ${x.unit}`);
  const target = a.target !== undefined ? `  (target ${a.unit === '×' ? '≥' : '≤'} ${a.target} ${a.unit})` : '';
  console.log(`${name.padEnd(40)} ${fmt(b).padStart(12)} → ${fmt(a).padStart(12)}  ${Number.isFinite(ratio) ? `×${ratio.toFixed(2)}` : ''}${target}`);
}
