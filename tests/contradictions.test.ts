import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';

/**
 * `for all` assumptions no function meets together (src/check/contradictions.ts): every step
 * that uses them is proved, however wrong (`5 ≤ f(5) ≤ 0`, each step an instance; red team
 * rt74), so the file is warned at the later assumption. Only exact clashes at a few values of
 * bounds on one function's call at the bound name are judged; nothing else is warned of.
 */
const CASES: { readonly name: string; readonly src: string; readonly warn: RegExp | null; readonly line?: number }[] = [
  { name: 'f(z) ≥ z and f(z) ≤ 0 (at z = 1)', src: 'function f : R → R\nassume f(z) ≥ z for all z\nassume f(z) ≤ 0 for all z\n', warn: /'f\(z\) ≤ 0' and 'f\(z\) ≥ z' contradict each other: at z = 1 one needs f\(1\) ≤ 0, the other f\(1\) ≥ 1: no function meets them/, line: 3 },
  { name: 'one chain z ≤ g(z) ≤ z − 1', src: 'function g : R → R\nassume z ≤ g(z) ≤ z - 1 for all z\n', warn: /contradicts itself: at z = 0 it needs g\(0\) ≥ 0 and g\(0\) ≤ -1: no function meets it/, line: 2 },
  { name: 'two equations f(z) = z and f(w) = w + 1 (other bound names)', src: 'function f : R → R\nassume f(z) = z for all z\nassume f(w) = w + 1 for all w\n', warn: /contradict each other/ },
  { name: 'strict bounds that meet: f(z) > 0 and f(z) < 0·z', src: 'function f : R → R\nassume f(z) > 0 for all z\nassume f(z) < 0 z for all z\n', warn: /contradict each other: at z = 0/ },
  { name: 'the call on the right: 1 ≤ f(z) and f(z) ≤ 1/2', src: 'function f : R → R\nassume 1 ≤ f(z) for all z\nassume f(z) ≤ 1/2 for all z\n', warn: /contradict each other/ },
  { name: "derivatives: σ'(z) ≥ 1 and σ'(z) ≤ 0", src: "function σ : R → R\nassume σ'(z) ≥ 1 for all z\nassume σ'(z) ≤ 0 for all z\n", warn: /σ'\(0\)/ },
  { name: 'a file-level bound and a section one', src: 'function f : R → R\nassume f(z) ≥ 2 for all z\nsection "s"\nassume f(z) ≤ 1 for all z\n', warn: /contradict each other/, line: 4 },
  { name: 'integers: f(n) ≥ n and f(n) ≤ 0 (at n = 1)', src: 'integer n\nfunction f : R → R\nassume f(n) ≥ n for all n\nassume f(n) ≤ 0 for all n\n', warn: /at n = 1/ },
  // Nothing to warn of.
  { name: 'integers: f(n) ≥ −n and f(n) ≤ n (they meet at 0, 1, 2, …; not at −1)', src: 'integer n\nfunction f : R → R\nassume f(n) ≥ -n for all n\nassume f(n) ≤ n for all n\n', warn: null },
  { name: 'z² ≤ h(z) ≤ z² + 1 (met by z² + 1/2)', src: 'function h : R → R\nassume h(z) ≥ z^2 for all z\nassume h(z) ≤ z^2 + 1 for all z\n', warn: null },
  { name: 'f(z) ≥ 0 and f(z) ≤ 0 (met by 0)', src: 'function f : R → R\nassume f(z) ≥ 0 for all z\nassume f(z) ≤ 0 for all z\n', warn: null },
  { name: 'bounds on σ and on σ′ are apart', src: "function σ : R → R\nassume σ(z) ≥ 1 for all z\nassume σ'(z) ≤ 0 for all z\n", warn: null },
  { name: 'two functions', src: 'function f : R → R\nfunction g : R → R\nassume f(z) ≥ 1 for all z\nassume g(z) ≤ 0 for all z\n', warn: null },
  { name: 'bounds in different sections', src: 'function f : R → R\nsection "a"\nassume f(z) ≥ 1 for all z\nsection "b"\nassume f(z) ≤ 0 for all z\n', warn: null },
  { name: 'a bound that reads another name is not judged (f(z) ≥ a, f(z) ≤ 0)', src: 'scalar a\nfunction f : R → R\nassume f(z) ≥ a for all z\nassume f(z) ≤ 0 for all z\n', warn: null },
  { name: "an argument other than the bound name (f(−z) = f(z) + 1) is not judged here", src: 'function f : R → R\nassume f(-z) = f(z) + 1 for all z\n', warn: null },
];

describe('for all assumptions that contradict one another', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const r = await checkSource(c.src, {});
      const found = r.diagnostics.filter((d) => d.code === 'assumptions-contradict');
      if (c.warn === null) {
        expect(found).toEqual([]);
        return;
      }
      expect(found).toHaveLength(1);
      expect(found[0]!.severity).toBe('warning');
      expect(found[0]!.message).toMatch(c.warn);
      if (c.line !== undefined) expect(c.src.slice(0, found[0]!.range[0]).split('\n').length).toBe(c.line);
    });
  }

  it('the chain through them is still proved step by step, with the warning beside it', async () => {
    const r = await checkSource('function f : R → R\nassume f(z) ≥ z for all z\nassume f(z) ≤ 0 for all z\n    5\n  ≤ f(5)\n  ≤ 0\n', {});
    expect(r.steps.map((s) => s.verdict)).toEqual(['proved', 'proved']);
    expect(r.diagnostics.map((d) => d.code)).toContain('assumptions-contradict');
  });
});
