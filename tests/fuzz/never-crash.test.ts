/**
 * Fuzzing (issue 13): generated derivations of every construct, and real files mutated the way
 * a student's typing mangles them, never crash the parser or the checker, never run past the
 * per-step limits, and every diagnostic points inside the file. A failure prints fast-check's
 * seed and path and the shrunk input; replay with FUZZ_SEED=… (see settings.ts).
 */
import { fc } from '@fast-check/vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { derivation, mutated } from './generators.js';
import { checkAndJudge } from './invariants.js';
import { fuzzParams, timeoutFor } from './settings.js';

const dir = path.join(import.meta.dirname, '..', '..', 'derivations');
const REAL = readdirSync(dir).filter((f) => f.endsWith('.deriv')).sort().map((f) => readFileSync(path.join(dir, f), 'utf8'));

describe('fuzz: nothing crashes, hangs or points outside the file', () => {
  it('generated derivations', async () => {
    await fc.assert(fc.asyncProperty(derivation, async (text) => {
      expect(await checkAndJudge(text)).toEqual([]);
    }), fuzzParams('generated derivations', 60));
  }, timeoutFor(60_000));

  it('real files, mutated', async () => {
    await fc.assert(fc.asyncProperty(mutated(REAL), async (text) => {
      expect(await checkAndJudge(text)).toEqual([]);
    }), fuzzParams('mutated real files', 16));
  }, timeoutFor(90_000));

  // A deadline can strike inside any loop of the evaluator, the search or nerdamer: whatever
  // it interrupts, the step ends `unknown`, never an internal error.
  it('real files and generated ones under per-step limits of 1–60 ms', async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.constantFrom(...REAL), derivation), fc.integer({ min: 1, max: 60 }), async (text, ms) => {
      expect(await checkAndJudge(text, ms)).toEqual([]);
    }), fuzzParams('short limits', 20));
  }, timeoutFor(60_000));
});
