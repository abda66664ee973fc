// Build step, after `ohm generateBundles` (npm run grammar): drops from the generated grammar
// bundle the place in derivation.ohm of each of its ~3,500 parsing expressions. Ohm keeps those
// only to point at the grammar's own source in errors about the grammar (checked when the
// bundle is generated); matching and its failure messages never read them. Made into
// Interval objects at load, they were ~17 ms of the parser's ~70 ms load (paid by the CLI's
// main thread before it parses the first file, and by each worker).
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../grammar/derivation.ohm-bundle.js', import.meta.url);
const text = readFileSync(file, 'utf8');
const slim = text.replace(/\{"sourceInterval":\[\d+,\d+\]\}/g, '{}');
if (!text.includes('makeRecipe')) throw new Error('slim-grammar: not a grammar bundle');
writeFileSync(file, slim);
