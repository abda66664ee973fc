import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';

/**
 * The identities CAS test suites hold, true and false (tests/fixtures/cas-identities.json):
 * no true one refuted, no false one passed, and the proofs where an exact method must find one.
 */
interface Case { left: string; rel: string; right: string; want: 'pass' | 'proved' | 'refuted'; assume?: string; sympy?: string }

const { cases } = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'cas-identities.json'), 'utf8')) as { cases: Case[] };

describe('CAS-suite identities', () => {
  it('has at least 60 of them, true and false', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.want === 'refuted').length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases.map((c) => [`${c.left} ${c.rel} ${c.right}${c.assume ? ` (assume ${c.assume})` : ''}`, c] as const))('%s', async (_, c) => {
    const text = `scalar a, b, x, y, z\n${c.assume ? `assume ${c.assume}\n` : ''}    ${c.left}\n  ${c.rel} ${c.right}\n`;
    const report = await checkSource(text, { file: 'identity.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const step = report.steps[0]!;
    if (c.want === 'refuted') {
      expect(step.verdict, step.message).toBe('refuted');
      expect(step.counterexample).not.toBeNull();
      // Sides that differ print differently.
      expect(step.counterexample!.left).not.toBe(step.counterexample!.right);
    } else if (c.want === 'proved') {
      expect(step.verdict, step.message).toBe('proved');
    } else {
      expect(['proved', 'checked'], step.message).toContain(step.verdict);
    }
  });
});
