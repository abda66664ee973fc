import { afterAll, describe, expect, it, vi } from 'vitest';
import { Prepared } from '../src/check/sampling/point.js';
import { checkSource } from '../src/check/index.js';
import type { Counterexample, FileReport, Verdict } from '../src/result.js';

/**
 * Adversarial cases (a red-team pass): wrong steps and shows a student or an adversary
 * might write, each with the behaviour the checker has today and must keep. The first
 * rule: a wrong step is never `proved` or `checked`.
 *
 * Each case's source holds one judged item: by default the last step of the file (in
 * source order), or with `at: 'show'` the last show.
 *
 * - `refuted`: verdict refuted, with a counterexample.
 * - `fails`:   anything but proved/checked (refuted, unknown or error).
 * - `error`:   an error diagnostic, and the item (if any) is not a pass.
 * - `diagnostic`: an error diagnostic (elsewhere in the file: the item itself may be true).
 * - `passes`:  proved or checked (true steps the checker must not lose).
 * - `proved`:  proved.
 *
 * Cases with `fails`, `refuted`, `passes` and `proved` must have no error diagnostics, so
 * that each one tests what it says rather than a typo.
 */
type Want = 'refuted' | 'fails' | 'error' | 'diagnostic' | 'passes' | 'proved';
interface Case { readonly name: string; readonly src: string; readonly want: Want; readonly at?: 'step' | 'show' }

const PASS: readonly Verdict[] = ['proved', 'checked'];

const MAT = 'matrix A, B, C in R^{n×n}\nmatrix H in R^{n×n} symmetric\nmatrix S, R in R^{n×n} invertible\nvector x, y, z in R^n\n';
const FUN = 'function σ : R → R\nfunction f : R^n → R\nvector x, y in R^n\nscalar a, b\n';
const MOM = 'scalar β\ninteger t, i\nvector g_t, v_t in R^n\nassume 0 < β < 1\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\n';
const WN = 'scalar g\nvector u, w in R^n\nassume g ≠ 0, u ≠ 0\ndefine w = g u / ‖u‖\n';
const SUM = 'integer t, i, j\nscalar β, a_i\nassume 0 < β < 1\n';

/** `head` then one step `rel right`. */
const step = (decl: string, head: string, rel: string, right: string): string => `${decl}    ${head}\n  ${rel} ${right}\n`;

const CASES: Case[] = [
  { name: 'x ‖u‖ < 1 under ‖u‖ ≤ 1, 0 < x ≤ 1 fails at x = 1, ‖u‖ = 1', src: 'vector u in R^n\nscalar x\nassume ‖u‖ ≤ 1, 0 < x ≤ 1\n    x ‖u‖\n  < 1\n', want: 'refuted' },
  { name: 'x ‖u‖ ≤ 1 under ‖u‖ ≤ 1, 0 < x ≤ 1 holds', src: 'vector u in R^n\nscalar x\nassume ‖u‖ ≤ 1, 0 < x ≤ 1\n    x ‖u‖\n  ≤ 1\n', want: 'passes' },
  // (Red team rt107:) an implication whose free scalar must press against another scalar's
  // closed end: searched from the base with that scalar at its end.
  { name: 'x < a ⇒ a > −0.9 under −1 ≤ x ≤ 1 fails at x = −1, a = −0.95', src: 'scalar x, a\nassume -1 ≤ x ≤ 1\n    x < a\n  ⇒ a > -0.9\n', want: 'refuted' },
  { name: 'x < a ⇒ a > −1 under −1 ≤ x ≤ 1 holds', src: 'scalar x, a\nassume -1 ≤ x ≤ 1\n    x < a\n  ⇒ a > -1\n', want: 'passes' },
  // … just inside an open end, and with two scalars at their ends at once (red team rt107's rest).
  { name: 'x < a ⇒ a > −0.9 under −1 < x ≤ 1 fails near x = −1', src: 'scalar x, a\nassume -1 < x ≤ 1\n    x < a\n  ⇒ a > -0.9\n', want: 'refuted' },
  { name: 'x y < a ⇒ a ≥ −0.5 under −1 ≤ x, y ≤ 1 fails at x = 1, y = −1, a = −0.75', src: 'scalar x, y, a\nassume -1 ≤ x ≤ 1, -1 ≤ y ≤ 1\n    x y < a\n  ⇒ a ≥ -0.5\n', want: 'refuted' },
  { name: 'a < x y ⇒ a < 1.9 under 0 < x ≤ 1, 0 < y ≤ 2 fails at x = 1, y = 2, a = 1.95', src: 'scalar x, y, a\nassume 0 < x ≤ 1, 0 < y ≤ 2\n    a < x y\n  ⇒ a < 1.9\n', want: 'refuted' },
  { name: 'x y < a ⇒ a ≥ −0.99 under −1 < x, y < 1 fails near x = 1, y = −1', src: 'scalar x, y, a\nassume -1 < x < 1, -1 < y < 1\n    x y < a\n  ⇒ a ≥ -0.99\n', want: 'refuted' },
  { name: 'x y < a ⇒ a > −1 under −1 ≤ x, y ≤ 1 holds', src: 'scalar x, y, a\nassume -1 ≤ x ≤ 1, -1 ≤ y ≤ 1\n    x y < a\n  ⇒ a > -1\n', want: 'passes' },
  { name: 'a < x y ⇒ a < 2 under 0 < x ≤ 1, 0 < y ≤ 2 holds', src: 'scalar x, y, a\nassume 0 < x ≤ 1, 0 < y ≤ 2\n    a < x y\n  ⇒ a < 2\n', want: 'passes' },
  { name: 'x < a ⇒ a > −1 under −1 < x ≤ 1 holds', src: 'scalar x, a\nassume -1 < x ≤ 1\n    x < a\n  ⇒ a > -1\n', want: 'passes' },
  // (Red team rt108:) an integer at a whole end beside a scalar's, and open ends deeper in.
  { name: 'n x ≥ a ⇒ a < 4 under 1 ≤ n ≤ 4, 0 < x ≤ 1 fails at n = 4, x = 1, a = 4', src: 'integer n\nscalar x, a\nassume 1 ≤ n ≤ 4, 0 < x ≤ 1\n    n x ≥ a\n  ⇒ a < 4\n', want: 'refuted' },
  { name: 'x < a ⇒ a > 0.001 under 0 < x ≤ 1 fails below x = 0.001', src: 'scalar x, a\nassume 0 < x ≤ 1\n    x < a\n  ⇒ a > 0.001\n', want: 'refuted' },
  { name: 'x² ≥ a ⇒ a < 8.99 under −3 < x ≤ 2 fails near x = −3', src: 'scalar x, a\nassume -3 < x ≤ 2\n    x^2 ≥ a\n  ⇒ a < 8.99\n', want: 'refuted' },
  { name: 'n x ≥ a ⇒ a ≤ 4 under 1 ≤ n ≤ 4, 0 < x ≤ 1 holds', src: 'integer n\nscalar x, a\nassume 1 ≤ n ≤ 4, 0 < x ≤ 1\n    n x ≥ a\n  ⇒ a ≤ 4\n', want: 'passes' },
  { name: 'x < a ⇒ a > 0 under 0 < x ≤ 1 holds', src: 'scalar x, a\nassume 0 < x ≤ 1\n    x < a\n  ⇒ a > 0\n', want: 'passes' },
  // (Red team rt108:) a vector or matrix the step does not read, at 0 where a probe needs it.
  { name: 'k > 0 under ‖w‖² ≤ k fails at w = 0, k = 0', src: 'vector w in R^n\nscalar k\nassume ‖w‖² ≤ k\n    k\n  > 0\n', want: 'refuted' },
  { name: 'k > 0 under ‖A‖_F² ≤ k fails at A = 0, k = 0', src: 'matrix A in R^{n×n}\nscalar k\nassume ‖A‖_F^2 ≤ k\n    k\n  > 0\n', want: 'refuted' },
  { name: 'k > 0 under ‖w‖² ≤ k, w ≠ 0 holds', src: 'vector w in R^n\nscalar k\nassume ‖w‖² ≤ k, w ≠ 0\n    k\n  > 0\n', want: 'passes' },
  { name: 'k ≥ 0 under ‖w‖ ≤ k holds', src: 'vector w in R^n\nscalar k\nassume ‖w‖ ≤ k\n    k\n  ≥ 0\n', want: 'passes' },
  { name: 'k > 0 under ‖w‖² + t² ≤ k fails at w = 0, t = 0, k = 0 (the scalar bystander at 0 too)', src: 'vector w in R^n\nscalar k, t\nassume ‖w‖² + t² ≤ k\n    k\n  > 0\n', want: 'refuted' },
  // (Red team rt107:) two assumed norm bounds met together, from every vector at 0 and each
  // met point met again on the other bound.
  { name: '‖u‖² + ‖v‖² > 1 under ‖u − v‖ ≥ 1, ‖u + v‖ ≥ 1 fails at u = e₁, v = 0', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1, ‖u + v‖ ≥ 1\n    ‖u‖² + ‖v‖²\n  > 1\n', want: 'refuted' },
  { name: '‖v‖ > 1/2 under ‖u − v‖ ≥ 1, ‖u‖ ≤ 1/2 fails at u = e₁/2, v = −e₁/2', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1, ‖u‖ ≤ 1/2\n    ‖v‖\n  > 1/2\n', want: 'refuted' },
  { name: 'uᵀv < 0 under ‖u − v‖ ≥ 1, ‖u + v‖ ≤ 1 fails at u = e₁, v = 0', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1, ‖u + v‖ ≤ 1\n    uᵀv\n  < 0\n', want: 'refuted' },
  { name: '‖u‖² + ‖v‖² ≥ 1 under ‖u − v‖ ≥ 1, ‖u + v‖ ≥ 1 holds', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1, ‖u + v‖ ≥ 1\n    ‖u‖² + ‖v‖²\n  ≥ 1\n', want: 'passes' },
  { name: '‖v‖ ≥ 1/2 under ‖u − v‖ ≥ 1, ‖u‖ ≤ 1/2 holds', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1, ‖u‖ ≤ 1/2\n    ‖v‖\n  ≥ 1/2\n', want: 'passes' },
  // … and opposite each other on their bounds (red team rt108).
  { name: '‖u − v‖ < 1 under ‖u‖ ≤ 1/2, ‖v‖ ≤ 1/2 fails at u = −v = e₁/2', src: 'vector u, v in R^n\nassume ‖u‖ ≤ 1/2, ‖v‖ ≤ 1/2\n    ‖u - v‖\n  < 1\n', want: 'refuted' },
  { name: '‖A − B‖ < 2 under ‖A‖ ≤ 1, ‖B‖ ≤ 1 fails at A = −B', src: 'matrix A, B in R^{n×n}\nassume ‖A‖ ≤ 1, ‖B‖ ≤ 1\n    ‖A - B‖\n  < 2\n', want: 'refuted' },
  { name: '‖u − v‖ ≤ 1 under ‖u‖ ≤ 1/2, ‖v‖ ≤ 1/2 holds', src: 'vector u, v in R^n\nassume ‖u‖ ≤ 1/2, ‖v‖ ≤ 1/2\n    ‖u - v‖\n  ≤ 1\n', want: 'passes' },
  // (Red team rt106:) an assumed bound on a compound vector's norm, met exactly.
  { name: '‖u − v‖ > 1 under ‖u − v‖ ≥ 1 fails where it is 1', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1\n    ‖u - v‖\n  > 1\n', want: 'refuted' },
  { name: '‖u − v‖ > 1 under ‖u − v‖² ≥ 1 fails where it is 1', src: 'vector u, v in R^n\nassume ‖u - v‖^2 ≥ 1\n    ‖u - v‖\n  > 1\n', want: 'refuted' },
  { name: 'log ‖u − v‖ > 0 under ‖u − v‖ ≥ 1 fails where it is 1', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1\n    log(‖u - v‖)\n  > 0\n', want: 'refuted' },
  { name: '‖u − v‖ ≥ 1 under ‖u − v‖ ≥ 1 holds', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1\n    ‖u - v‖\n  ≥ 1\n', want: 'passes' },
  { name: '‖u − v‖ > 1/2 under ‖u − v‖ ≥ 1 holds', src: 'vector u, v in R^n\nassume ‖u - v‖ ≥ 1\n    ‖u - v‖\n  > 1/2\n', want: 'passes' },
  { name: 'sin(x)² a < sin(x)² b ⇔ a < b under 0 < x ≤ π fails at x = π (a root on a closed end)', src: 'scalar x, a, b\nassume 0 < x ≤ π\n    sin(x)^2 a < sin(x)^2 b\n  ⇔ a < b\n', want: 'refuted' },
  { name: 'sin(x)² a < sin(x)² b ⇔ a < b under 0 < x < π holds', src: 'scalar x, a, b\nassume 0 < x < π\n    sin(x)^2 a < sin(x)^2 b\n  ⇔ a < b\n', want: 'passes' },
  // (Red team rt106:) a factor 0 only at a corner of closed ends: the statements decided there.
  { name: '(2 − x y) a < (2 − x y) b ⇔ a < b under 0 < x ≤ 1, 0 < y ≤ 2 fails at (1, 2)', src: 'scalar x, y, a, b\nassume 0 < x ≤ 1, 0 < y ≤ 2\n    (2 - x y) a < (2 - x y) b\n  ⇔ a < b\n', want: 'refuted' },
  { name: '(1 − x y) a ≤ (1 − x y) b ⇒ a ≤ b under 0 < x, y ≤ 1 fails at (1, 1)', src: 'scalar x, y, a, b\nassume 0 < x ≤ 1, 0 < y ≤ 1\n    (1 - x y) a ≤ (1 - x y) b\n  ⇒ a ≤ b\n', want: 'refuted' },
  { name: 'a ≤ b ⇒ (1 − x y) a ≤ (1 − x y) b under 0 < x, y ≤ 1 holds', src: 'scalar x, y, a, b\nassume 0 < x ≤ 1, 0 < y ≤ 1\n    a ≤ b\n  ⇒ (1 - x y) a ≤ (1 - x y) b\n', want: 'passes' },
  { name: '(2 − x y) a ≤ (2 − x y) b ⇔ a ≤ b under 0 < x, y ≤ 1 holds', src: 'scalar x, y, a, b\nassume 0 < x ≤ 1, 0 < y ≤ 1\n    (2 - x y) a ≤ (2 - x y) b\n  ⇔ a ≤ b\n', want: 'passes' },
  // (Red team rt105:) a vector known only within bounds (‖u‖ = 1, ‖u‖ = 2) is rounded onto a
  // rational point of its sphere first, so the zero of ‖u − v‖, (u − v)ᵀ(u − v) or ‖u‖ − 1 is exact.
  { name: 'under ‖u‖ = 1, 1 = (‖u − v‖ + y²)/(‖u − v‖ + y²) fails at v = u, y = 0', src: 'scalar y\nvector u, v in R^n\nassume ‖u‖ = 1\n    1\n  = (‖u - v‖ + y^2)/(‖u - v‖ + y^2)\n', want: 'refuted' },
  { name: 'under ‖u‖ = 2, 1 = ((u − v)ᵀ(u − v) + y²)/(…) fails at v = u, y = 0', src: 'scalar y\nvector u, v in R^n\nassume ‖u‖ = 2\n    1\n  = ((u - v)^T (u - v) + y^2)/((u - v)^T (u - v) + y^2)\n', want: 'refuted' },
  { name: 'under ‖u‖ = 1, 1 = (‖u‖ − 1 + y²)/(‖u‖ − 1 + y²) fails at y = 0', src: 'scalar y\nvector u in R^n\nassume ‖u‖ = 1\n    1\n  = (‖u‖ - 1 + y^2)/(‖u‖ - 1 + y^2)\n', want: 'refuted' },
  { name: 'under ‖u‖ = 1, 1 = (‖u − v‖ + y² + 1)/(‖u − v‖ + y² + 1) holds', src: 'scalar y\nvector u, v in R^n\nassume ‖u‖ = 1\n    1\n  = (‖u - v‖ + y^2 + 1)/(‖u - v‖ + y^2 + 1)\n', want: 'proved' },
  // (Red team rt88:) a factor g² or |g| in a statement is 0 at g's roots exactly, which an
  // enclosure of an irrational root cannot show: both statements are decided there with it 0.
  { name: '(x³ − x − 1)² a ≤ (x³ − x − 1)² b ⇔ a ≤ b fails at the plastic number', src: 'scalar x, a, b\n    (x^3 - x - 1)^2 a ≤ (x^3 - x - 1)^2 b\n  ⇔ a ≤ b\n', want: 'refuted' },
  { name: '(cos x − x)² a < (cos x − x)² b ⇔ a < b fails at the Dottie number', src: 'scalar x, a, b\n    (cos(x) - x)^2 a < (cos(x) - x)^2 b\n  ⇔ a < b\n', want: 'refuted' },
  { name: 'a < b ⇒ |x² − 2| a < |x² − 2| b fails at √2', src: 'scalar x, a, b\n    a < b\n  ⇒ |x^2 - 2| a < |x^2 - 2| b\n', want: 'refuted' },
  { name: '(x³ − x − 1)² a < (x³ − x − 1)² b ⇒ a < b holds', src: 'scalar x, a, b\n    (x^3 - x - 1)^2 a < (x^3 - x - 1)^2 b\n  ⇒ a < b\n', want: 'passes' },
  { name: '(x² + 1)² a < (x² + 1)² b ⇔ a < b holds', src: 'scalar x, a, b\n    (x^2 + 1)^2 a < (x^2 + 1)^2 b\n  ⇔ a < b\n', want: 'passes' },
  // (Red team rt104:) a norm's vector or matrix is 0 where it satisfies an equation, not only at
  // 0 (u = v, M u = 0, M = N): solved exactly, so a nonzero assumption does not hide it.
  { name: 'under u ≠ 0, 1 = (‖u − v‖ + x²)/(‖u − v‖ + x²) fails at u = v, x = 0', src: 'scalar x\nvector u, v in R^n\nassume u ≠ 0\n    1\n  = (‖u - v‖ + x^2)/(‖u - v‖ + x^2)\n', want: 'refuted' },
  { name: 'M, N invertible: 1 = (‖M − N‖ + y²)/(‖M − N‖ + y²) fails at M = N, y = 0', src: 'scalar y\nmatrix M, N in R^{n×n} invertible\n    1\n  = (‖M - N‖ + y^2)/(‖M - N‖ + y^2)\n', want: 'refuted' },
  { name: 'M invertible: 1 = (‖M u‖ + y²)/(‖M u‖ + y²) fails at u = 0, y = 0', src: 'scalar y\nvector u in R^n\nmatrix M in R^{n×n} invertible\n    1\n  = (‖M u‖ + y^2)/(‖M u‖ + y^2)\n', want: 'refuted' },
  { name: 'under u ≠ 0, 1 = ((u − v)ᵀ(u − v) + y²)/((u − v)ᵀ(u − v) + y²) fails at u = v, y = 0', src: 'scalar y\nvector u, v in R^n\nassume u ≠ 0\n    1\n  = ((u - v)^T (u - v) + y^2)/((u - v)^T (u - v) + y^2)\n', want: 'refuted' },
  { name: 'M invertible: 1 = (tr((M − I)ᵀ(M − I)) + y²)/(…) fails at M = I, y = 0', src: 'scalar y\nmatrix M in R^{n×n} invertible\n    1\n  = (tr((M - I)^T (M - I)) + y^2)/(tr((M - I)^T (M - I)) + y^2)\n', want: 'refuted' },
  { name: 'under u ≠ 0, 1 = (‖u − v‖ + x² + 1)/(‖u − v‖ + x² + 1) holds', src: 'scalar x\nvector u, v in R^n\nassume u ≠ 0\n    1\n  = (‖u - v‖ + x^2 + 1)/(‖u - v‖ + x^2 + 1)\n', want: 'proved' },
  // (Red team rt102:) where a term sits k places below another, agreement needs 2k digits: the
  // sides' first-order terms in it may cancel, leaving its square.
  { name: 'log(x¹⁰⁰ + 1) + log(x¹⁰⁰ − 1) ≥ 200 log x under x > 100 fails (by x^(−200))', src: 'scalar x\nassume x > 100\n    log(x^100 + 1) + log(x^100 - 1)\n  ≥ 200 log(x)\n', want: 'fails' },
  { name: '√(x¹⁰⁰ + 1) + √(x¹⁰⁰ − 1) ≥ 2x⁵⁰ under x > 100 fails', src: 'scalar x\nassume x > 100\n    √(x^100 + 1) + √(x^100 - 1)\n  ≥ 2 x^50\n', want: 'fails' },
  { name: 'log(x¹⁰⁰ + 1) + log(x¹⁰⁰ − 1) ≤ 200 log x under x > 100 holds', src: 'scalar x\nassume x > 100\n    log(x^100 + 1) + log(x^100 - 1)\n  ≤ 200 log(x)\n', want: 'passes' },
  // (Red team rt103:) a whole g^(2k) > 0 or |g| > 0 in a statement is false where g is 0,
  // touched without a change of sign: tried at g's roots.
  { name: '(x³ − x − 1)² > 0 ⇔ 1 > 0 fails at the plastic number', src: 'scalar x\n    (x^3 - x - 1)^2 > 0\n  ⇔ 1 > 0\n', want: 'refuted' },
  { name: '|x² − 2| > 0 ⇔ 1 > 0 fails at √2', src: 'scalar x\n    |x^2 - 2| > 0\n  ⇔ 1 > 0\n', want: 'refuted' },
  { name: '(x − cos x)⁴ > 0 ⇔ 0 < 1 fails at the Dottie number', src: 'scalar x\n    (x - cos(x))^4 > 0\n  ⇔ 0 < 1\n', want: 'refuted' },
  { name: '(x³ − x − 1)² > 0 ⇔ x³ − x − 1 ≠ 0 holds', src: 'scalar x\n    (x^3 - x - 1)^2 > 0\n  ⇔ x^3 - x - 1 ≠ 0\n', want: 'passes' },
  { name: '0 < (x − π)² ⇔ x ≠ π holds', src: 'scalar x\n    0 < (x - π)^2\n  ⇔ x ≠ π\n', want: 'passes' },
  // (Red team rt103:) a chain through points where a side has no value proves its claim only
  // where every side has one: the claim itself is checked then.
  { name: 'show 0 ≤ x by 0 ≤ √x √x = x fails at x < 0', src: 'scalar x\nshow 0 ≤ x\n    0\n  ≤ √x √x\n  = x\n', want: 'refuted', at: 'show' },
  { name: 'show t ≥ 5 for all t ≥ 0 by t ≥ 5 + √(t − 5)² ≥ 5 fails at t < 5', src: 'integer t\nshow t ≥ 5   for all t ≥ 0\n    t\n  ≥ 5 + √(t - 5)^2\n  ≥ 5\n', want: 'refuted', at: 'show' },
  { name: 'show 0 ≤ x by 0 ≤ √x √x = x holds under x ≥ 0', src: 'scalar x\nassume x ≥ 0\nshow 0 ≤ x\n    0\n  ≤ √x √x\n  = x\n', want: 'passes', at: 'show' },
  { name: 'show (x² − 1)/(x − 1) = x + 1 through an extension holds', src: 'scalar x\nshow (x^2 - 1)/(x - 1) = x + 1\n    (x^2 - 1)/(x - 1)\n  = (x - 1)(x + 1)/(x - 1)\n  = x + 1\n', want: 'passes', at: 'show' },
  { name: 'show 1 ≤ 1 + x² by 1 ≤ 1 + tan² … holds where the chain has gaps but the claim does not fail', src: 'scalar x\nshow 1 ≤ 1 + x^2\n    1\n  ≤ 1 + x^2\n  ≤ 1 + x^2 + 1/x^2 - 1/x^2\n  = 1 + x^2\n', want: 'passes', at: 'show' },
  // (Red team rt103:) a divisor, √ or log argument that is a sum of sizes of a vector or matrix
  // and a scalar is 0 only where both are: found with the vectors and matrices at 0.
  { name: '1 = (‖u‖ + x²)/(‖u‖ + x²) fails at u = 0, x = 0', src: 'vector u in R^n\nscalar x\n    1\n  = (‖u‖ + x^2)/(‖u‖ + x^2)\n', want: 'refuted' },
  { name: '1 = (‖u‖ + |x|)/(‖u‖ + |x|) fails at u = 0, x = 0', src: 'vector u in R^n\nscalar x\n    1\n  = (‖u‖ + |x|)/(‖u‖ + |x|)\n', want: 'refuted' },
  { name: '1 = (‖u‖ + |x − 1|)/(‖u‖ + |x − 1|) fails at u = 0, x = 1', src: 'vector u in R^n\nscalar x\n    1\n  = (‖u‖ + |x - 1|)/(‖u‖ + |x - 1|)\n', want: 'refuted' },
  { name: '0 = log(‖u‖² + x²) − log(‖u‖² + x²) fails at u = 0, x = 0', src: 'vector u in R^n\nscalar x\n    0\n  = log(‖u‖^2 + x^2) - log(‖u‖^2 + x^2)\n', want: 'refuted' },
  { name: 'x = x (uᵀu + x²)/(uᵀu + x²) fails at u = 0, x = 0', src: 'vector u in R^n\nscalar x\n    x\n  = x (u^T u + x^2)/(u^T u + x^2)\n', want: 'refuted' },
  { name: '1 = (tr(AᵀA) + x²)/(tr(AᵀA) + x²) fails at A = 0, x = 0', src: 'matrix A in R^(n x n)\nscalar x\n    1\n  = (tr(A^T A) + x^2)/(tr(A^T A) + x^2)\n', want: 'refuted' },
  { name: '1 = √(‖u‖ + x²)/√(‖u‖ + x²) fails at u = 0, x = 0', src: 'vector u in R^n\nscalar x\n    1\n  = √(‖u‖ + x^2)/√(‖u‖ + x^2)\n', want: 'refuted' },
  { name: '(‖u‖ + x²)/(‖u‖ + x²) = 1 holds (extends the left side)', src: 'vector u in R^n\nscalar x\n    (‖u‖ + x^2)/(‖u‖ + x^2)\n  = 1\n', want: 'proved' },
  { name: '1 = (‖u‖ + x² + 1)/(‖u‖ + x² + 1) holds', src: 'vector u in R^n\nscalar x\n    1\n  = (‖u‖ + x^2 + 1)/(‖u‖ + x^2 + 1)\n', want: 'proved' },
  // (Red team rt102:) numbers alone that agree to 250 digits differ where their products or
  // powers are huge: a constant of size 10^k counts 2k digits.
  { name: 'log((10^130 + 1)(10^130 − 1)) = 260 log 10 differs by 10^(−260)', src: '    log((10^130 + 1)(10^130 - 1))\n  = 260 log(10)\n', want: 'refuted' },
  { name: '√(10^130 + 1) √(10^130 − 1) ≥ 10^130 fails', src: '    √(10^130 + 1) √(10^130 - 1)\n  ≥ 10^130\n', want: 'refuted' },
  { name: '√(10^130 + 1) + √(10^130 − 1) = 2·10^65 fails', src: '    √(10^130 + 1) + √(10^130 - 1)\n  = 2·10^65\n', want: 'refuted' },
  { name: 'φ^700 = L_700 (a Lucas number) differs by φ^(−700)', src: '    ((1 + √5)/2)^700\n  = 195590688288368623374720862065652286470753922661953931055885132719267006724824946629054043478811111514114618366618560606162586244250990803990403127\n', want: 'refuted' },
  { name: 'φ^700 < L_700 holds', src: '    ((1 + √5)/2)^700\n  < 195590688288368623374720862065652286470753922661953931055885132719267006724824946629054043478811111514114618366618560606162586244250990803990403127\n', want: 'passes' },
  { name: 'log((10^130 + 1)(10^130 − 1)) < 260 log 10 holds', src: '    log((10^130 + 1)(10^130 - 1))\n  < 260 log(10)\n', want: 'passes' },
  // ---------------------------------------------------------------- matrices, transposes, norms
  { name: '(S R)⁻¹ = S⁻¹ R⁻¹', src: step(MAT, '(S R)⁻¹', '=', 'S⁻¹ R⁻¹'), want: 'refuted' },
  { name: '(S R)⁻¹ = R⁻¹ S⁻¹', src: step(MAT, '(S R)⁻¹', '=', 'R⁻¹ S⁻¹'), want: 'passes' },
  { name: 'x yᵀ = y xᵀ', src: step(MAT, 'x yᵀ', '=', 'y xᵀ'), want: 'refuted' },
  { name: '‖x + y‖ = ‖x‖ + ‖y‖', src: step(MAT, '‖x + y‖', '=', '‖x‖ + ‖y‖'), want: 'refuted' },
  { name: '‖x + y‖² = ‖x‖² + ‖y‖²', src: step(MAT, '‖x+y‖²', '=', '‖x‖² + ‖y‖²'), want: 'refuted' },
  { name: '‖x + y‖ ≤ ‖x‖ + ‖y‖', src: step(MAT, '‖x + y‖', '≤', '‖x‖ + ‖y‖'), want: 'passes' },
  { name: '‖A x‖ = ‖A‖ ‖x‖', src: step(MAT, '‖A x‖', '=', '‖A‖ ‖x‖'), want: 'refuted' },
  { name: '‖A x‖ ≤ ‖A‖ ‖x‖', src: step(MAT, '‖A x‖', '≤', '‖A‖ ‖x‖'), want: 'passes' },
  { name: '‖A B‖ = ‖A‖ ‖B‖', src: step(MAT, '‖A B‖', '=', '‖A‖ ‖B‖'), want: 'refuted' },
  { name: '‖A B‖ ≤ ‖A‖ ‖B‖', src: step(MAT, '‖A B‖', '≤', '‖A‖ ‖B‖'), want: 'passes' },
  { name: '‖A + B‖ ≤ ‖A‖ + ‖B‖', src: step(MAT, '‖A + B‖', '≤', '‖A‖ + ‖B‖'), want: 'passes' },
  { name: '‖A‖² = tr(AᵀA) (operator vs Frobenius norm)', src: step(MAT, '‖A‖²', '=', 'tr(AᵀA)'), want: 'refuted' },
  { name: '‖A‖ ≤ √(tr(AᵀA))', src: step(MAT, '‖A‖', '≤', '√(tr(AᵀA))'), want: 'passes' },
  { name: '‖A‖ = λ_max(AᵀA) (forgot the root)', src: step(MAT, '‖A‖', '=', 'λ_max(AᵀA)'), want: 'refuted' },
  { name: '‖S⁻¹‖ = 1/‖S‖', src: step(MAT, '‖S⁻¹‖', '=', '1/‖S‖'), want: 'refuted' },
  { name: '‖Aᵀ‖ = ‖A‖', src: step(MAT, '‖Aᵀ‖', '=', '‖A‖'), want: 'passes' },
  { name: '‖x yᵀ‖ = ‖x‖ ‖y‖', src: step(MAT, '‖x yᵀ‖', '=', '‖x‖ ‖y‖'), want: 'passes' },
  { name: 'tr(A B C) = tr(A C B)', src: step(MAT, 'tr(A B C)', '=', 'tr(A C B)'), want: 'refuted' },
  { name: 'det(A + B) = det A + det B', src: step(MAT, 'det(A + B)', '=', 'det(A) + det(B)'), want: 'refuted' },
  { name: 'det(2A) = 2 det(A)', src: step(MAT, 'det(2A)', '=', '2 det(A)'), want: 'refuted' },
  { name: 'A H = H A (H symmetric)', src: step(MAT, 'A H', '=', 'H A'), want: 'refuted' },
  { name: 'xᵀ A y = yᵀ A x (A not symmetric)', src: step(MAT, 'xᵀ A y', '=', 'yᵀ A x'), want: 'refuted' },
  { name: 'xᵀ A y = yᵀ A x since A symmetric (it is not)', src: step(MAT, 'xᵀ A y', '=', 'yᵀ A x       since A symmetric'), want: 'refuted' },
  { name: 'xᵀ H y = yᵀ H x (H symmetric)', src: step(MAT, 'xᵀ H y', '=', 'yᵀ H x'), want: 'proved' },
  { name: '(xᵀ A y)ᵀ = yᵀ A x', src: step(MAT, '(xᵀ A y)ᵀ', '=', 'yᵀ A x'), want: 'refuted' },
  { name: 'xᵀ A x = xᵀ Aᵀ x', src: step(MAT, 'xᵀ A x', '=', 'xᵀ Aᵀ x'), want: 'proved' },
  { name: '(A + Aᵀ)/2 = A', src: step(MAT, '(A + Aᵀ)/2', '=', 'A'), want: 'refuted' },
  { name: '(A + B)² = A² + 2AB + B²', src: step(MAT, '(A + B)²', '=', 'A² + 2AB + B²'), want: 'refuted' },
  { name: '(A⁻¹)ᵀ = A⁻¹', src: step(MAT, '(A⁻¹)ᵀ', '=', 'A⁻¹'), want: 'refuted' },
  { name: '(x − y)ᵀ A (x − y) expanded as if A were symmetric', src: step(MAT, '(x - y)ᵀ A (x - y)', '=', 'xᵀAx - 2 yᵀAx + yᵀAy'), want: 'refuted' },
  { name: '(x − y)ᵀ H (x − y) expanded, H symmetric', src: step(MAT, '(x - y)ᵀ H (x - y)', '=', 'xᵀHx - 2 yᵀHx + yᵀHy'), want: 'proved' },
  { name: '(x + y)ᵀ(x − y) = xᵀx − yᵀy', src: step(MAT, '(x + y)ᵀ(x - y)', '=', 'xᵀx - yᵀy'), want: 'proved' },
  { name: '‖x‖ ≤ |xᵀy|', src: step(MAT, '‖x‖', '≤', '|xᵀy|'), want: 'refuted' },
  { name: '|xᵀy| ≤ ‖x‖ ‖y‖', src: step(MAT, '|xᵀy|', '≤', '‖x‖ ‖y‖'), want: 'passes' },
  { name: '(xᵀy)² = xᵀx yᵀy', src: step(MAT, '(xᵀy)²', '=', 'xᵀx yᵀy'), want: 'refuted' },
  { name: '1×1: xᵀy x = y xᵀx', src: step(MAT, 'xᵀy x', '=', 'y xᵀ x'), want: 'refuted' },
  { name: '1×1: xᵀy x = x xᵀ y', src: step(MAT, 'xᵀy x', '=', 'x xᵀ y'), want: 'proved' },
  { name: '1×1: x yᵀ z = z yᵀ x', src: step(MAT, 'x yᵀ z', '=', 'z yᵀ x'), want: 'refuted' },
  { name: '1×1: (xᵀy)⁻¹ = 1/(xᵀy)', src: step(MAT, '(xᵀy)⁻¹', '=', '1/(xᵀy)'), want: 'proved' },
  { name: '1×1: x xᵀ x = (xᵀx) x', src: step(MAT, 'x xᵀ x', '=', '(xᵀx) x'), want: 'proved' },
  { name: 'A^T A = A Aᵀ with integer T declared (still a transpose)', src: step(`${MAT}integer T\n`, 'A^T A', '=', 'A Aᵀ'), want: 'refuted' },
  { name: 'x⁻¹ of a vector is an error', src: step(MAT, 'x⁻¹', '=', 'x'), want: 'error' },
  { name: 'x / y of vectors is an error', src: step(MAT, 'x/y', '=', 'x'), want: 'error' },
  { name: 'max of vectors is an error', src: step(MAT, 'max(x, y)', '=', 'max(y, x)'), want: 'error' },
  { name: 'diag of a matrix is an error', src: step(MAT, 'diag(A)', '=', 'A'), want: 'error' },
  { name: 'A + I with A non-square vs A + I_n is an error', src: step('matrix A in R^{n×m}\n', 'A + I', '=', 'A + I_n'), want: 'error' },
  { name: 'x ≤ v (vector) is an error', src: step('scalar x\nvector v in R^n\n', 'x', '≤', 'v'), want: 'error' },
  { name: 'v + x (vector + scalar) is an error', src: step('scalar x\nvector v in R^n\n', 'x', '=', 'v + x'), want: 'error' },
  { name: 'A⁻¹ A = I (singular A is a removable point)', src: step(MAT, 'A⁻¹ A', '=', 'I'), want: 'passes' },
  { name: 'S S⁻¹ = I (S invertible)', src: step(MAT, 'S S⁻¹', '=', 'I'), want: 'proved' },
  { name: '(x yᵀ)⁻¹ is never defined: not a pass', src: step(MAT, '(x yᵀ)⁻¹', '=', '(y xᵀ)⁻¹'), want: 'fails' },

  // ---------------------------------------------------------------- tags, scoping of tags
  { name: 'symmetric only assumed in another section', src: 'matrix A in R^{n×n}\nsection "1"\nassume A symmetric\n    A\n  = Aᵀ\nsection "2"\n    A\n  = Aᵀ\n', want: 'refuted' },
  { name: 'symmetric tag assumed in this section', src: 'matrix A in R^{n×n}\nsection "1"\nassume A symmetric\n    A\n  = Aᵀ\n', want: 'proved' },
  { name: 'a section redeclares M without the tag', src: 'section "A"\nmatrix M in R^{n×n} symmetric\nsection "B"\nmatrix M in R^{n×n}\n    M\n  = Mᵀ\n', want: 'refuted' },
  { name: 'orthogonal Q: Q Qᵀ = I', src: step('matrix Q in R^{n×n} orthogonal\n', 'Q Qᵀ', '=', 'I'), want: 'proved' },
  { name: 'untagged A: det(A) ≠ 0', src: step(MAT, 'det(A)', '≠', '0'), want: 'refuted' },

  // ---------------------------------------------------------------- uninterpreted functions
  { name: 'σ(a + b) = σ(a) + σ(b)', src: step(FUN, 'σ(a+b)', '=', 'σ(a) + σ(b)'), want: 'refuted' },
  { name: 'σ(2a) = 2σ(a)', src: step(FUN, 'σ(2a)', '=', '2σ(a)'), want: 'refuted' },
  { name: 'σ(−a) = −σ(a)', src: step(FUN, 'σ(-a)', '=', '-σ(a)'), want: 'refuted' },
  { name: 'σ(σ(a)) = σ(a)', src: step(FUN, 'σ(σ(a))', '=', 'σ(a)'), want: 'refuted' },
  { name: "σ'(a) = σ(a)", src: step(FUN, "σ'(a)", '=', 'σ(a)'), want: 'refuted' },
  { name: "σ(a) ≤ σ(a) + σ'(a)", src: step(FUN, 'σ(a)', '≤', "σ(a) + σ'(a)"), want: 'refuted' },
  { name: 'σ(x)ᵀ y = σ(xᵀy)', src: step(FUN, 'σ(x)ᵀ y', '=', 'σ(xᵀy)'), want: 'refuted' },
  { name: 'f(x + y) = f(x) + f(y), f : R^n → R', src: step(FUN, 'f(x+y)', '=', 'f(x) + f(y)'), want: 'refuted' },
  { name: 'f(−x) = f(x)', src: step(FUN, 'f(-x)', '=', 'f(x)'), want: 'refuted' },
  { name: 'f(2x) = 2 f(x)', src: step(FUN, 'f(2x)', '=', '2 f(x)'), want: 'refuted' },
  { name: 'f((x+y)/2) ≤ (f(x)+f(y))/2 (convexity not given)', src: step(FUN, 'f((x+y)/2)', '≤', '(f(x) + f(y))/2'), want: 'refuted' },
  { name: "σ'(a) σ(b) = σ(b) σ'(a)", src: step(FUN, "σ'(a) σ(b)", '=', "σ(b) σ'(a)"), want: 'proved' },
  { name: 'σ(a)² ≥ 0', src: step(FUN, 'σ(a)²', '≥', '0'), want: 'passes' },
  { name: 'derivatives are never passed unchecked: d/dx x² = 3x', src: step('scalar x\n', 'd/dx x²', '=', '3x'), want: 'fails' },

  // ---------------------------------------------------------------- recurrences and off-by-one
  { name: 'recurrence with g_{t−1} for g_t', src: step(MOM, 'v_t', '=', 'β v_{t-1} + (1-β) g_{t-1}'), want: 'refuted' },
  { name: 'unrolled sum with β^{t−i+1}', src: step(MOM, 'v_t', '=', '(1-β) ∑_{i=1}^{t} β^{t-i+1} g_i'), want: 'refuted' },
  { name: 'unrolled sum from i = 0', src: step(MOM, 'v_t', '=', '(1-β) ∑_{i=0}^{t} β^{t-i} g_i'), want: 'refuted' },
  { name: 'unrolled sum, correct', src: step(MOM, 'v_t', '=', '(1-β) ∑_{i=1}^{t} β^{t-i} g_i'), want: 'passes' },
  { name: 'v_{t+1} by the recurrence', src: step(MOM, 'v_{t+1}', '=', 'β v_t + (1-β) g_{t+1}'), want: 'proved' },
  { name: 'v_1 = (1−β) g_1', src: step(MOM, 'v_1', '=', '(1-β) g_1'), want: 'proved' },
  { name: 'the recurrence applied at the base: v_0 = (1−β) g_0', src: step(MOM, 'v_0', '=', '(1-β) g_0'), want: 'refuted' },
  { name: 'show with β^{i−1} (reversed powers)', src: `${MOM}show v_t = (1-β) ∑_{i=1}^{t} β^{i-1} g_i for all t ≥ 0\n`, want: 'refuted', at: 'show' },
  { name: '‖v_t‖ > 0 fails at t = 0 when the claim says for all t ≥ 0', src: `${MOM}show ‖v_t‖ > 0 for all t ≥ 0\n`, want: 'refuted', at: 'show' },
  {
    name: 'induction: a section changes the base case (v_0 = g_0), the proof cites v_0 = 0',
    src: `${MOM}section "broken base"\ndefine v_0 = g_0
show v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i   for all t ≥ 0   by induction on t
  base:
      v_0
    = 0                                                  by def v
    = (1-β) ∑_{i=1}^{0} β^{0-i} g_i
  step:
      v_t
    = β v_{t-1} + (1-β) g_t                              by def v
    = β (1-β) ∑_{i=1}^{t-1} β^{t-1-i} g_i + (1-β) g_t    by IH
    = (1-β) ∑_{i=1}^{t} β^{t-i} g_i
`,
    want: 'fails', at: 'show',
  },
  {
    name: 'induction: a wrong claim whose step just cites IH',
    src: `${MOM}show v_t = (1-β) ∑_{i=1}^{t} β^{t-i+1} g_i   for all t ≥ 0   by induction on t
  base:
      v_0
    = 0                                                  by def v
    = (1-β) ∑_{i=1}^{0} β^{0-i+1} g_i
  step:
      v_t
    = (1-β) ∑_{i=1}^{t} β^{t-i+1} g_i                    by IH
`,
    want: 'fails', at: 'show',
  },
  {
    name: 'induction: the base chain is at t = 1, not at the claim\'s base t = 0',
    src: `${MOM}show v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i   for all t ≥ 0   by induction on t
  base:
      v_1
    = (1-β) g_1
    = (1-β) ∑_{i=1}^{1} β^{1-i} g_i
  step:
      v_t
    = β v_{t-1} + (1-β) g_t                              by def v
    = β (1-β) ∑_{i=1}^{t-1} β^{t-1-i} g_i + (1-β) g_t    by IH
    = (1-β) ∑_{i=1}^{t} β^{t-i} g_i
`,
    want: 'error', at: 'show',
  },
  {
    name: 'induction: a_t = 2^t, correct',
    src: `integer t\nscalar a_t\ndefine a_0 = 1\ndefine a_t = 2 a_{t-1}   for t ≥ 1
show a_t = 2^t for all t ≥ 0 by induction on t
  base:
      a_0
    = 1
    = 2^0
  step:
      a_t
    = 2 a_{t-1}     by def a
    = 2 · 2^{t-1}   by IH
    = 2^t
`,
    want: 'passes', at: 'show',
  },
  { name: 'induction without a step: chain', src: 'integer t\nscalar x_t\nshow x_t = 0 for all t ≥ 0 by induction on t\n  base:\n      x_0\n    = 0\n', want: 'error', at: 'show' },

  // ---------------------------------------------------------------- sums with symbolic bounds
  { name: '∑ i = t²/2', src: step(SUM, '∑_{i=1}^{t} i', '=', 't²/2'), want: 'refuted' },
  { name: '∑ i = t(t+1)/2', src: step(SUM, '∑_{i=1}^{t} i', '=', 't(t+1)/2'), want: 'passes' },
  { name: '∑_{i=1}^{t} β^i = (1 − β^t)/(1 − β) (off by one)', src: step(SUM, '∑_{i=1}^{t} β^i', '=', '(1 - β^t)/(1-β)'), want: 'refuted' },
  { name: '∑_{i=0}^{t−1} β^i = (1 − β^t)/(1 − β)', src: step(SUM, '∑_{i=0}^{t-1} β^i', '=', '(1 - β^t)/(1-β)'), want: 'passes' },
  { name: 'index shift done right', src: step(SUM, '∑_{i=1}^{t} a_i', '=', '∑_{i=0}^{t-1} a_{i+1}'), want: 'passes' },
  { name: 'index shift of the bounds only', src: step(SUM, '∑_{i=1}^{t} a_i', '=', '∑_{i=2}^{t+1} a_i'), want: 'refuted' },
  { name: 'double sum swapped with (t − j + 1)', src: step(SUM, '∑_{i=1}^{t} ∑_{j=1}^{i} a_j', '=', '∑_{j=1}^{t} (t - j + 1) a_j'), want: 'passes' },
  { name: 'double sum swapped with (t − j)', src: step(SUM, '∑_{i=1}^{t} ∑_{j=1}^{i} a_j', '=', '∑_{j=1}^{t} (t - j) a_j'), want: 'refuted' },
  { name: '∑ a_i² = (∑ a_i)²', src: step(SUM, '∑_{i=1}^{t} a_i²', '=', '(∑_{i=1}^{t} a_i)²'), want: 'refuted' },
  { name: '∑ i = ∑ t', src: step(SUM, '∑_{i=1}^{t} i', '=', '∑_{i=1}^{t} t'), want: 'refuted' },
  { name: '∏ β = β^t', src: step(SUM, '∏_{i=1}^{t} β', '=', 'β^t'), want: 'passes' },
  { name: 'a ∑ with a fractional bound is not a pass', src: step(SUM, '∑_{i=1}^{2.5} i', '=', '3'), want: 'fails' },

  // ---------------------------------------------------------------- domains and nerdamer's false simplifications
  { name: '√(ab) = √a √b', src: step('scalar a, b\n', '√(a b)', '=', '√a √b'), want: 'refuted' },
  { name: 'log(ab) = log a + log b', src: step('scalar a, b\n', 'log(a b)', '=', 'log(a) + log(b)'), want: 'refuted' },
  { name: '(x^a)^b = x^(ab)', src: step('scalar a, b, x\n', '(x^a)^b', '=', 'x^(a b)'), want: 'refuted' },
  { name: '(x²)^(1/2) = x', src: step('scalar x\n', '(x²)^(1/2)', '=', 'x'), want: 'refuted' },
  { name: '√(x²) = |x|', src: step('scalar x\n', '√(x²)', '=', '|x|'), want: 'passes' },
  { name: 'log(x²) = 2 log x', src: step('scalar x\n', 'log(x²)', '=', '2 log(x)'), want: 'refuted' },
  { name: 'log(x²) = 2 log|x|', src: step('scalar x\n', 'log(x²)', '=', '2 log(|x|)'), want: 'passes' },
  // Read left to right, these extend the left side's domain (LANGUAGE.md §3): they pass; the other way round they shrink it.
  { name: '√x √x = x (extends to x < 0)', src: step('scalar x\n', '√(x) √(x)', '=', 'x'), want: 'passes' },
  { name: 'x = √x √x', src: step('scalar x\n', 'x', '=', '√(x) √(x)'), want: 'refuted' },
  { name: 'exp(log x) = x (extends to x ≤ 0)', src: step('scalar x\n', 'exp(log(x))', '=', 'x'), want: 'passes' },
  { name: 'x = exp(log x)', src: step('scalar x\n', 'x', '=', 'exp(log(x))'), want: 'refuted' },
  { name: 'log(exp x) = x', src: step('scalar x\n', 'log(exp(x))', '=', 'x'), want: 'proved' },
  { name: '(x² − 1)/(x − 1) = x + 1 (removable)', src: step('scalar x\n', '(x² - 1)/(x - 1)', '=', 'x + 1'), want: 'passes' },
  { name: 'x/x = 1 (removable)', src: step('scalar x\n', 'x/x', '=', '1'), want: 'passes' },
  { name: '1/(1/x) = x (removable)', src: step('scalar x\n', '1/(1/x)', '=', 'x'), want: 'passes' },
  { name: 'tan x cos x = sin x', src: step('scalar x\n', 'tan(x) cos(x)', '=', 'sin(x)'), want: 'passes' },
  { name: '1/y ≤ 1000 (y = 0 is not removable)', src: step('scalar y\n', '1/y', '≤', '1000'), want: 'refuted' },
  { name: 'sin(10^60) = 0', src: step('', 'sin(10^{60})', '=', '0'), want: 'refuted' },
  { name: 'cos(10^60) = 1', src: step('', 'cos(10^{60})', '=', '1'), want: 'refuted' },
  { name: '(x+y)^300 = (x+y)^299 (x+y) + 1', src: step('scalar x, y\n', '(x+y)^{300}', '=', '(x+y)^{299} (x+y) + 1'), want: 'refuted' },

  // ---------------------------------------------------------------- ⇔ and ⇒
  { name: 'xy = xz ⇔ y = z (dividing by x)', src: step('scalar x, y, z\n', 'x y = x z', '⇔', 'y = z'), want: 'refuted' },
  { name: 'x < y ⇔ cx < cy (c not known positive)', src: step('scalar x, y, c\n', 'x < y', '⇔', 'c x < c y'), want: 'refuted' },
  { name: 'x² < 4 ⇔ x < 2', src: step('scalar x\n', 'x² < 4', '⇔', 'x < 2'), want: 'refuted' },
  { name: 'x < 2 ⇒ x² < 4', src: step('scalar x\n', 'x < 2', '⇒', 'x² < 4'), want: 'refuted' },
  { name: 'x² = 1 ⇔ x = 1', src: step('scalar x\n', 'x² = 1', '⇔', 'x = 1'), want: 'refuted' },
  { name: 'x ≤ y ⇔ −x ≤ −y', src: step('scalar x, y\n', 'x ≤ y', '⇔', '-x ≤ -y'), want: 'refuted' },
  { name: 'x² − 5x + 6 = 0 ⇔ x = 3', src: step('scalar x\n', 'x² - 5x + 6 = 0', '⇔', 'x = 3'), want: 'refuted' },
  { name: '1/x < 1 ⇔ 1 < x', src: step('scalar x\n', '1/x < 1', '⇔', '1 < x'), want: 'refuted' },
  { name: 'x = y ⇒ x² = y²', src: step('scalar x, y\n', 'x = y', '⇒', 'x² = y²'), want: 'passes' },
  { name: 'A x = A y ⇔ x = y (A not invertible) is not a pass', src: step(MAT, 'A x = A y', '⇔', 'x = y'), want: 'fails' },
  { name: 'A x = b ⇔ x = A⁻¹ b (A not invertible) is not a pass', src: step(`${MAT}vector b in R^n\n`, 'A x = b', '⇔', 'x = A⁻¹ b'), want: 'fails' },
  {
    name: 'dividing by ε > 0 when ε is not assumed positive',
    src: step('scalar ε\nvector g in R^n\nmatrix H in R^{n×n} symmetric\n', 'ε²/2 gᵀ H g < ε gᵀg', '⇔', 'ε/2 gᵀ H g < gᵀg            by dividing by ε > 0'),
    want: 'refuted',
  },
  {
    name: 'dividing by gᵀHg/2 > 0 when H is only symmetric',
    src: step('scalar ε\nvector g in R^n\nmatrix H in R^{n×n} symmetric\n', 'ε/2 gᵀ H g < gᵀg', '⇔', 'ε < 2 gᵀg / (gᵀ H g)         by dividing by gᵀ H g / 2 > 0'),
    want: 'refuted',
  },
  {
    name: 'dividing by ε > 0 and gᵀHg > 0, both assumed',
    src: step('scalar ε\nvector g in R^n\nmatrix H in R^{n×n} positive definite\nassume ε > 0\n', 'ε²/2 gᵀ H g < ε gᵀg', '⇔', 'ε/2 gᵀ H g < gᵀg            by dividing by ε > 0'),
    want: 'passes',
  },

  // ---------------------------------------------------------------- justifications citing false facts
  { name: 'by dividing by c > 0, c unconstrained', src: step('scalar a, b, c\n', 'a < b', '⇔', 'a < b      by dividing by c > 0'), want: 'refuted' },
  { name: 'a true step citing a false fact', src: step('scalar a, b\n', 'a', '=', 'a          by a = b + 1'), want: 'refuted' },
  { name: 'a true step since c > 0 (false)', src: step('scalar a, c\n', 'a + 0', '=', 'a          since c > 0'), want: 'refuted' },
  { name: 'a = b by a = b', src: step('scalar a, b\n', 'a', '=', 'b            by a = b'), want: 'refuted' },
  { name: 'a + b = 2a by a = b', src: step('scalar a, b\n', 'a + b', '=', '2a           by a = b'), want: 'refuted' },
  // (It is the refuted claim itself, so it holds wherever the claim does: `unknown`, naming the
  // show, as any step that follows from a claim not established (checker.ts ifShowsPassed). It
  // was refuted only because the decision as if "bad" had passed sampled points where its claim
  // fails, as an engine disagreement: red team rt240, citedContext.)
  { name: 'a wrong step citing a refuted show', src: 'scalar a, b\nshow "bad": a + b = a b\n\n    a + b\n  = a b          by "bad"\n', want: 'fails' },
  { name: 'the refuted show itself', src: 'scalar a, b\nshow "bad": a + b = a b\n', want: 'refuted', at: 'show' },
  // A positive definite matrix is symmetric (the usual convention, and how it is sampled).
  { name: 'since H symmetric, H positive definite: a pass', src: step('matrix H in R^{n×n} positive definite\nvector x, y in R^n\n', 'xᵀ H y', '=', 'yᵀ H x       since H symmetric'), want: 'passes' },
  { name: 'a weightnorm step: wᵀu = |g| ‖u‖', src: step(WN, 'wᵀ u', '=', '|g| ‖u‖'), want: 'refuted' },
  { name: 'a weightnorm step: ‖w‖ = g', src: step(WN, '‖w‖', '=', 'g'), want: 'refuted' },
  { name: 'a weightnorm step: ‖w‖ = |g|', src: step(WN, '‖w‖', '=', '|g|'), want: 'passes' },
  { name: 'a weightnorm step: w wᵀ/‖w‖² = u uᵀ/‖u‖²', src: step(WN, 'w wᵀ/‖w‖²', '=', 'u uᵀ/‖u‖²'), want: 'passes' },

  // ---------------------------------------------------------------- assumptions
  { name: 'assume x = y + 1: x = y', src: step('scalar x, y\nassume x = y + 1\n', 'x', '=', 'y'), want: 'refuted' },
  { name: 'assume x = y + 1: x − y = 1', src: step('scalar x, y\nassume x = y + 1\n', 'x - y', '=', '1'), want: 'proved' },
  { name: 'assume x + y = 1 (no name on the left): not a pass of a wrong step', src: step('scalar x, y\nassume x + y = 1\n', 'y', '=', '1 + x'), want: 'fails' },
  { name: 'a for-all assumption never lets a wrong step pass', src: step("function σ : R → R\nscalar γ, x\nassume |σ'(z)| ≤ γ for all z\n", 'x + x', '=', '3x'), want: 'fails' },
  { name: 'a define circular in itself is not a pass', src: step('scalar x\ndefine x = x + 1\n', 'x', '=', 'x + 1'), want: 'fails' },
  { name: 'two defines referring to each other are not a pass', src: step('define a = b + 1\ndefine b = a - 1\n', 'a', '=', '5'), want: 'fails' },
  { name: 'a value defined twice is an error, not a silent choice', src: step('scalar x\ndefine x = 1\ndefine x = 2\n', 'x', '=', '2'), want: 'error' },

  // ---------------------------------------------------------------- shows: chains that do not reach the claim, compositions
  { name: 'chain ends beyond the claim', src: 'scalar x\nshow x² ≤ x²+1\n    x²\n  ≤ x² + 1\n  = x² + 2\n', want: 'fails', at: 'show' },
  { name: 'chain goes both ways (≤ then ≥)', src: 'scalar x\nshow x ≤ x + 1\n    x\n  = x + 0\n  ≤ x + 1\n  ≥ x\n', want: 'error', at: 'show' },
  { name: '≤ chain for a < claim', src: 'scalar x\nshow x < x + 1\n    x\n  ≤ x + 1\n', want: 'error', at: 'show' },
  { name: '≥ then = for a > claim', src: 'scalar x\nshow x + 1 > x\n    x + 1\n  ≥ x\n  = x\n', want: 'error', at: 'show' },
  { name: 'a chain with ≠', src: 'scalar x\nshow (x+1)² = x² + 2x + 1\n    (x+1)²\n  = x² + 2x + 1\n  ≠ x²\n', want: 'error', at: 'show' },
  { name: 'a correct ≥ chain', src: 'scalar x\nassume x ≥ 0\nshow x² + 1 ≥ 2x - 5\n    x² + 1\n  = (x-1)² + 2x\n  ≥ 2x\n  ≥ 2x - 5\n', want: 'passes', at: 'show' },
  { name: 'a chain of ≥ into → 0 is not a pass', src: 'integer T\nscalar δ\nassume 0 < δ < 1\nshow 1 + δ^T → 0 as T → ∞\n    1 + δ^T\n  ≥ δ^T\n  → 0 as T → ∞\n', want: 'fails', at: 'show' },
  { name: 'a chain-less wrong show', src: 'scalar a, b\nshow a + b = a b\n', want: 'refuted', at: 'show' },
  { name: 'a wrong coefficient show (wrong.deriv)', src: 'scalar α, β, δ, ε\ninteger t\nvector Δθ_t, g_t in R^n\ndefine α = β\ndefine ε = δ β\nshow α Δθ_{t-1} - ε g_t = β Δθ_{t-1} - δ(1-β) g_t\n', want: 'refuted', at: 'show' },

  // ---------------------------------------------------------------- sections
  { name: 'a definition from section A used in B', src: 'scalar a, b\nsection "A"\ndefine a = 2\nsection "B"\n    a\n  = 2\n', want: 'refuted' },
  { name: 'an assumption from section A used in B', src: 'scalar a, b\nsection "A"\nassume b > 0\nsection "B"\n    b\n  > 0\n', want: 'refuted' },
  { name: 'a declaration and definition from section C used in D', src: 'section "C"\nscalar q\ndefine q = 5\nsection "D"\n    q\n  = 5\n', want: 'refuted' },
  { name: 'the same name declared twice', src: step('scalar x\nvector x in R^n\n', 'x + 1', '=', '1 + x'), want: 'diagnostic' },
  { name: 'the same matrix declared twice', src: step('matrix H in R^{n×n} symmetric\nmatrix H in R^{n×n}\n', 'H', '=', 'Hᵀ'), want: 'diagnostic' },

  // ---------------------------------------------------------------- names: e, E, i, π, x^T, δ^T, Δθ
  { name: 'e = 2.718281828459045', src: step('', 'e', '=', '2.718281828459045'), want: 'refuted' },
  { name: 'ln(e) = 1', src: step('', 'ln(e)', '=', '1'), want: 'proved' },
  { name: 'e^x e^x = e^(2x)', src: step('scalar x\n', 'e^x e^x', '=', 'e^(2x)'), want: 'proved' },
  { name: 'E (a name) = e', src: step('', 'E', '=', 'e'), want: 'refuted' },
  { name: 'i² = −1 (i is a name)', src: step('', 'i²', '=', '-1'), want: 'refuted' },
  { name: 'pi = 3.14159', src: step('', 'pi', '=', '3.14159'), want: 'refuted' },
  { name: 'π = pi', src: step('', 'π', '=', 'pi'), want: 'proved' },
  { name: 'declared e is a name', src: step('scalar e\n', 'e', '=', '2.718281828459045235360287471352662497757'), want: 'refuted' },
  { name: 'declared I is a name', src: step('scalar I\n', 'I', '=', '1'), want: 'refuted' },
  { name: 'define e = 3: ln(e) = 1', src: step('define e = 3\n', 'ln(e)', '=', '1'), want: 'refuted' },
  { name: 'scalar E: E(x+1) is a product', src: step('scalar E, x\n', 'E(x+1)', '=', 'E x + E'), want: 'proved' },
  // x is not declared random: it is a constant, and E of a constant is itself.
  { name: 'E[x] = x for a deterministic x', src: step('scalar x\n', 'E[x]', '=', 'x'), want: 'passes' },
  { name: 'S, C as vector names', src: step('vector S, C in R^n\n', 'Sᵀ C', '=', 'Cᵀ S'), want: 'proved' },
  { name: 'δ^T with integer T is a power', src: step('integer T\nscalar δ\n', 'δ^T', '=', 'δ'), want: 'refuted' },
  { name: 'x^T with scalar T is a power', src: step('scalar x, T\n', 'x^T', '=', 'x'), want: 'refuted' },
  { name: '(xᵀx)^T with integer T is a power', src: step('integer T\nvector x in R^n\n', '(xᵀx)^T', '=', 'xᵀx'), want: 'refuted' },
  { name: 'x^T x = ‖x‖² (transpose of a vector)', src: step('integer T\nvector x in R^n\n', 'x^T x', '=', '‖x‖²'), want: 'proved' },
  { name: 'Δθ is not Δ θ', src: step('scalar Δ, θ, Δθ\n', 'Δθ', '=', 'Δ θ'), want: 'refuted' },
  { name: 'ab is not a b', src: step('scalar a, b, ab\n', 'ab', '=', 'a b'), want: 'refuted' },
  { name: 'f̂ is not f', src: step('scalar f, f̂\n', 'f̂', '=', 'f'), want: 'refuted' },
  { name: "u' is not u", src: step("scalar u, u'\n", "u'", '=', 'u'), want: 'refuted' },
  { name: 'an undeclared word is an error', src: step('scalar x\n', 'x', '=', 'ab'), want: 'error' },
  { name: 'prototype is an unknown name, not a crash', src: step('', 'prototype', '=', '1'), want: 'error' },
  { name: '__proto__ is an error, not a crash', src: step('', '__proto__', '=', '1'), want: 'error' },

  // ---------------------------------------------------------------- numbers close to each other
  { name: '0.1 + 0.2 = 0.3', src: step('', '0.1 + 0.2', '=', '0.3'), want: 'proved' },
  { name: '0.1 + 0.2 = 0.30000000000000004', src: step('', '0.1 + 0.2', '=', '0.30000000000000004'), want: 'refuted' },
  { name: '10^{-7} = 0', src: step('', '10^{-7}', '=', '0'), want: 'refuted' },
  { name: '1e-7 = 0', src: step('', '1e-7', '=', '0'), want: 'refuted' },
  { name: 'x·10^{-7} = 0', src: step('scalar x\n', 'x · 10^{-7}', '=', '0'), want: 'refuted' },

  // ---------------------------------------------------------------- a substitution with no value: the point is outside the assumptions
  // (`assume y = 1/(x − 2)`: no y meets it at x = 2, so x = 2 is not a counterexample)
  { name: 'y = 1/(x − 2) ⊢ 1 = y(x − 2)', src: step('scalar x, y\nassume y = 1/(x - 2)\n', '1', '=', 'y(x - 2)'), want: 'passes' },
  { name: 'y = √x ⊢ x = y²', src: step('scalar x, y\nassume y = √x\n', 'x', '=', 'y²'), want: 'passes' },
  { name: 'y = √x ⊢ |x| = x', src: step('scalar x, y\nassume y = √x\n', '|x|', '=', 'x'), want: 'passes' },
  { name: 'w = 1/x, y = w + 1 ⊢ x(y − 1) = 1', src: step('scalar x, y, w\nassume w = 1/x\nassume y = w + 1\n', 'x(y - 1)', '=', '1'), want: 'passes' },
  { name: 'y = log(x − 3) ⊢ x > 3', src: step('scalar x, y\nassume y = log(x - 3)\n', 'x', '>', '3'), want: 'passes' },
  // (A root bracket that holds a substitution's domain edge is no point of the assumptions: these
  // two right steps were refuted at x ≈ 1.41421356237, a bracket of √2 where y has no value.)
  { name: 'y = log(x − √2) ⊢ x ≠ √2', src: step('scalar x, y\nassume y = log(x - √2)\n', 'x', '≠', '√2'), want: 'passes' },
  { name: 'y = 1/(x − √2) ⊢ x ≠ √2', src: step('scalar x, y\nassume y = 1/(x - √2)\n', 'x', '≠', '√2'), want: 'passes' },
  // (… but a root beside the edge is, once its bracket is narrowed past it: red team rt109.)
  { name: 'y = 1/(x − √2) ⊢ x ≠ √2 + 10⁻²⁰', src: step('scalar x, y\nassume y = 1/(x - √2)\n', 'x', '≠', '√2 + 10^(-20)'), want: 'refuted' },
  { name: 'y = √(x − π) ⊢ x ≠ π + 10⁻²⁰', src: step('scalar x, y\nassume y = √(x - π)\n', 'x', '≠', 'π + 10^(-20)'), want: 'refuted' },
  { name: 'y = √x ⊢ y < x + 1/4', src: step('scalar x, y\nassume y = √x\n', 'y', '<', 'x + 1/4'), want: 'refuted' },
  { name: 'y = √x ⊢ y = x', src: step('scalar x, y\nassume y = √x\n', 'y', '=', 'x'), want: 'refuted' },
  { name: 'y = log(x − 3) ⊢ x > 3.5', src: step('scalar x, y\nassume y = log(x - 3)\n', 'x', '>', '3.5'), want: 'refuted' },
  { name: 'y = √x ⊢ (y > 1 ⇔ x > 2)', src: step('scalar x, y\nassume y = √x\n', 'y > 1', '⇔', 'x > 2'), want: 'refuted' },
  { name: 'y = 1/(x − 2) ⊢ y(x − 2) = x − 1', src: step('scalar x, y\nassume y = 1/(x - 2)\n', 'y(x - 2)', '=', 'x - 1'), want: 'refuted' },
  { name: 'y = √(−1 − x²): no point', src: step('scalar x, y\nassume y = √(-1 - x²)\n', 'y', '=', '0'), want: 'fails' },

  // ---------------------------------------------------------------- equations among the assumptions with many solutions
  // (the solver took the first grid root every time: sin(x) = 0 was met only at x = 0)
  { name: 'sin(x) = 0 ⊢ x = 0', src: step('scalar x\nassume sin(x) = 0\n', 'x', '=', '0'), want: 'refuted' },
  { name: 'cos(x) = 1 ⊢ x = 0 (double roots: not proved, so not passed)', src: step('scalar x\nassume cos(x) = 1\n', 'x', '=', '0'), want: 'fails' },
  { name: 'sin(x) = 0 ⊢ sin(2x) = 0', src: step('scalar x\nassume sin(x) = 0\n', 'sin(2x)', '=', '0'), want: 'passes' },
  { name: 'exp(a) = 2 ⊢ a = log 2', src: step('scalar a\nassume exp(a) = 2\n', 'a', '=', 'log(2)'), want: 'passes' },
  // (Red team:) a rational root no grid point is, from the scan; a pole is no root; 0 is not near 10⁻³⁰⁰
  { name: '(x − 1)(x + 13) = 0 ⊢ x = 1', src: step('scalar x\nassume (x - 1)(x + 13) = 0\n', 'x', '=', '1'), want: 'refuted' },
  { name: '3x² − 4x + 1 = 0 ⊢ x = 1', src: step('scalar x\nassume 3x^2 - 4x + 1 = 0\n', 'x', '=', '1'), want: 'refuted' },
  { name: '(x − 1)(x − 2)(x − 13) = 0 ⊢ (x − 1)(x − 2) = 0', src: step('scalar x\nassume (x - 1)(x - 2)(x - 13) = 0\n', '(x - 1)(x - 2)', '=', '0'), want: 'refuted' },
  { name: 'tan x = 0 ⊢ sin x = 0', src: step('scalar x\nassume tan(x) = 0\n', 'sin(x)', '=', '0'), want: 'passes' },
  { name: 'sin(πx) = 0 ⊢ cos(2πx) = 1', src: step('scalar x\nassume sin(π x) = 0\n', 'cos(2π x)', '=', '1'), want: 'passes' },
  { name: 'a + b = 1 ⊢ a = 1 − b', src: step('scalar a, b\nassume a + b = 1\n', 'a', '=', '1 - b'), want: 'passes' },

  // ---------------------------------------------------------------- an equation on a defined name says what it is defined from
  // (it was a substitution that ignored the definition: α = 1 − β refuted at α = β = 0)
  { name: 'γ := α + β, γ = 1 ⊢ α = 1 − β', src: step('scalar α, β\ndefine γ = α + β\nassume γ = 1\n', 'α', '=', '1 - β'), want: 'passes' },
  { name: 'γ := α + β, γ = 1 ⊢ α = β', src: step('scalar α, β\ndefine γ = α + β\nassume γ = 1\n', 'α', '=', 'β'), want: 'refuted' },
  { name: 'w := y − x, w = 0 ⊢ x = y', src: step('scalar x, y\ndefine w = y - x\nassume w = 0\n', 'x', '=', 'y'), want: 'passes' },
  { name: 'w := sin x, w = 0 ⊢ x = 0', src: step('scalar x\ndefine w = sin(x)\nassume w = 0\n', 'x', '=', '0'), want: 'refuted' },
  { name: 'w := x², w = 4 ⊢ x = 2', src: step('scalar x\ndefine w = x²\nassume w = 4\n', 'x', '=', '2'), want: 'refuted' },
  { name: 'w := x², w = 4 ⊢ x² = 4', src: step('scalar x\ndefine w = x²\nassume w = 4\n', 'x²', '=', '4'), want: 'passes' },
  // A family's member at a fixed index its definitions give, too (`assume v_1 = 4` was a
  // substitution that ignored the recurrence: g_1 = 4 was refuted at g_1 = 0).
  { name: 'v_t := v_{t−1} + g_t, v_0 := 0, v_1 = 4 ⊢ g_1 = 4', src: step('scalar g_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + g_t   for t ≥ 1\nassume v_1 = 4\n', 'g_1', '=', '4'), want: 'passes' },
  { name: 'v_t := v_{t−1} + g_t, v_0 := 0, v_1 = 4 ⊢ g_1 = 5', src: step('scalar g_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + g_t   for t ≥ 1\nassume v_1 = 4\n', 'g_1', '=', '5'), want: 'refuted' },
  { name: 'y_t := 2 x_t, y_1 = 4 ⊢ x_1 = 2', src: step('scalar x_t\ndefine y_t = 2 x_t   for t ≥ 1\nassume y_1 = 4\n', 'x_1', '=', '2'), want: 'passes' },
  { name: 'x_0 := c, x_t := 2 x_{t−1}, x_1 = 4 ⊢ c = 2', src: step('scalar c\ndefine x_0 = c\ndefine x_t = 2 x_{t-1}   for t ≥ 1\nassume x_1 = 4\n', 'c', '=', '2'), want: 'passes' },
  // `0 I` takes the size of the declared matrix it defines (it was 'the size of I is not known').
  { name: 'M_t ∈ R^{n×n}, M_0 := 0 I, M_t := A M_{t−1} + I ⊢ M_2 = A + I', src: step('matrix A in R^{n×n}\nmatrix M_t in R^{n×n}\ndefine M_0 = 0 I\ndefine M_t = A M_{t-1} + I   for t ≥ 1\n', 'M_2', '=', 'A + I'), want: 'passes' },
  { name: 'M_t ∈ R^{n×n}, M_0 := 0 I, M_t := A M_{t−1} + I ⊢ M_2 = A', src: step('matrix A in R^{n×n}\nmatrix M_t in R^{n×n}\ndefine M_0 = 0 I\ndefine M_t = A M_{t-1} + I   for t ≥ 1\n', 'M_2', '=', 'A'), want: 'refuted' },
  { name: 'x_t := 2 x_{t−1} for t ≥ 1, x_0 = 3 (not defined at 0: a substitution) ⊢ x_1 = 6', src: step('scalar c\ndefine x_t = 2 x_{t-1}   for t ≥ 1\nassume x_0 = 3\n', 'x_1', '=', '6'), want: 'passes' },

  // ---------------------------------------------------------------- a pole at a rational no double is, in a step with irrational values
  // (the divisor's enclosure held 0 at x = 7/3, so the point was undecided and the step proved)
  { name: '√2 + x − x = √2 (3x − 7)/(3x − 7)', src: step('scalar x\n', '√2 + x - x', '=', '√2 (3x - 7)/(3x - 7)'), want: 'refuted' },
  { name: 'eᵇ + x − x = eᵇ (3x − 7)/(3x − 7)', src: step('scalar x, b\n', 'exp(b) + x - x', '=', 'exp(b) (3x - 7)/(3x - 7)'), want: 'refuted' },
  { name: 'log(x)(5x − 7)/(5x − 7) = log x (the left is the one undefined)', src: step('scalar x\n', 'log(x) (5x - 7)/(5x - 7)', '=', 'log(x)'), want: 'passes' },

  // ---------------------------------------------------------------- integers are 0, 1, 2, … unless assumed otherwise
  // (Red team: the inequality search probed n = −2 beside the roots of n³ − n and refuted a true step.)
  { name: 'integer n: n³ ≥ n passes', src: step('integer n\n', 'n^3', '≥', 'n'), want: 'passes' },
  { name: 'integer n: n ≥ 0 passes', src: step('integer n\n', 'n', '≥', '0'), want: 'passes' },
  { name: 'integer n: n + 1 > 0 passes', src: step('integer n\n', 'n + 1', '>', '0'), want: 'passes' },
  { name: 'integer n: n³ > n is refuted (at n = 0)', src: step('integer n\n', 'n^3', '>', 'n'), want: 'refuted' },
  { name: 'integer n, n ≥ −3: n³ ≥ n is refuted (at n = −3)', src: step('integer n\nassume n ≥ -3\n', 'n^3', '≥', 'n'), want: 'refuted' },
  { name: 'integer t: (t − 1)² ≥ 0 ⇔ t ≥ 0 passes', src: step('integer t\n', '(t - 1)^2 ≥ 0', '⇔', 't ≥ 0'), want: 'passes' },
  // A subscript k·t + c keeps t where it is not negative (v_{2t−3} needs t ≥ 2), as t − 1 did; a
  // rung of the inequality's ladder too deep to evaluate ends the ladder (v_{2t} ≥ 0 was unknown).
  { name: 'v_{2t−3} ≥ 0 for v_t = t passes', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{2*t - 3}', '≥', '0'), want: 'passes' },
  { name: 'v_{3t−2} ≥ 0 for v_t = t passes', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{3*t - 2}', '≥', '0'), want: 'passes' },
  { name: 'v_{2t} ≥ 0 for v_t = t passes', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{2*t}', '≥', '0'), want: 'passes' },
  { name: 'v_{2t} ≥ 1 for v_t = t is refuted (at t = 0)', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{2*t}', '≥', '1'), want: 'refuted' },
  { name: 'v_{2t−3} ≥ 2 for v_t = t is refuted (at t = 2)', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{2*t - 3}', '≥', '2'), want: 'refuted' },
  // A falling subscript caps its index (v_{5−t} needs t ≤ 5): v_{−6} was a free value at t = 11.
  { name: 'v_{5−t} ≤ 5 for v_t = t passes', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{5-t}', '≤', '5'), want: 'passes' },
  { name: 'v_{5−t} = 5 − t for v_t = t passes', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{5-t}', '=', '5 - t'), want: 'passes' },
  { name: 'v_{5−t} + v_t = 5 for v_t = t passes', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{5-t} + v_t', '=', '5'), want: 'passes' },
  { name: 'v_{−t} ≤ 0 for v_t = t passes', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{-t}', '≤', '0'), want: 'passes' },
  { name: 'v_{5−t} ≤ 4 for v_t = t is refuted (at t = 0)', src: step('integer t\nscalar v_t\ndefine v_0 = 0\ndefine v_t = v_{t-1} + 1 for t ≥ 1\n', 'v_{5-t}', '≤', '4'), want: 'refuted' },
  // A subscript of two integers keeps them where it is not negative (v_{t−s}: t ≥ s); v_{−1} was free at s > t.
  { name: 'v_{t−s} = 2^(t−s+1) − 1 for v_t = 2v_{t−1} + 1 passes', src: step('integer t, s\nscalar v_t\ndefine v_0 = 1\ndefine v_t = 2 v_{t-1} + 1 for t ≥ 1\n', 'v_{t-s}', '=', '2^(t-s+1) - 1'), want: 'passes' },
  { name: '2^s v_{t−s} = v_t − 2^s + 1 passes', src: step('integer t, s\nscalar v_t\ndefine v_0 = 1\ndefine v_t = 2 v_{t-1} + 1 for t ≥ 1\n', '2^s v_{t-s}', '=', 'v_t - 2^s + 1'), want: 'passes' },
  { name: 'v_{t−s} ≥ 2 is refuted (at t = s)', src: step('integer t, s\nscalar v_t\ndefine v_0 = 1\ndefine v_t = 2 v_{t-1} + 1 for t ≥ 1\n', 'v_{t-s}', '≥', '2'), want: 'refuted' },
  // Inside a sum, the index variable is at the end of its range where the subscript is least
  // (∑_{i=0}^{t} v_{5−i}: t ≤ 5); its own subscript no longer bounds a free integer i.
  { name: '∑_{i=0}^{t} v_{5−i} = 2^7 − 2^(6−t) − t − 1 passes', src: step('integer t, i\nscalar v_t\ndefine v_0 = 1\ndefine v_t = 2 v_{t-1} + 1 for t ≥ 1\n', '∑_{i=0}^{t} v_{5-i}', '=', '2^7 - 2^(6-t) - t - 1'), want: 'passes' },
  { name: '∑_{i=0}^{t} v_{5−i} = 2^7 − 2^(6−t) − t is refuted', src: step('integer t, i\nscalar v_t\ndefine v_0 = 1\ndefine v_t = 2 v_{t-1} + 1 for t ≥ 1\n', '∑_{i=0}^{t} v_{5-i}', '=', '2^7 - 2^(6-t) - t'), want: 'refuted' },
  { name: '∑_{i=1}^{t} v_{i−1} = 2^(t+1) − t − 2 passes', src: step('integer t, i\nscalar v_t\ndefine v_0 = 1\ndefine v_t = 2 v_{t-1} + 1 for t ≥ 1\n', '∑_{i=1}^{t} v_{i-1}', '=', '2^(t+1) - t - 2'), want: 'passes' },
  // ---------------------------------------------------------------- far magnitudes and kinks (red team)
  // Sampled values stop near 10¹⁰: a step whose truth changes at its own constant 10¹² was checked.
  { name: 'max(x, 10¹²) = 10¹² is refuted', src: step('scalar x\n', 'max(x, 10^(12))', '=', '10^(12)'), want: 'refuted' },
  { name: 'max(x, 10¹²) ≤ 10¹² is refuted', src: step('scalar x\n', 'max(x, 10^(12))', '≤', '10^(12)'), want: 'refuted' },
  { name: 'e^(x − 10¹²) < 1 is refuted', src: step('scalar x\n', 'e^(x - 10^(12))', '<', '1'), want: 'refuted' },
  { name: '|x − 10¹²| = 10¹² − x is refuted', src: step('scalar x\n', '|x - 10^(12)|', '=', '10^(12) - x'), want: 'refuted' },
  { name: 'max(x, y + 10¹²) = y + 10¹² is refuted', src: step('scalar x, y\n', 'max(x, y + 10^(12))', '=', 'y + 10^(12)'), want: 'refuted' },
  { name: 'log(1 + e^(x − 10¹¹)) < 1 is refuted', src: step('scalar x\n', 'log(1 + e^(x - 10^(11)))', '<', '1'), want: 'refuted' },
  { name: 'max(x, 10¹²) = 10¹² under x ≤ 10¹² passes', src: step('scalar x\nassume x ≤ 10^(12)\n', 'max(x, 10^(12))', '=', '10^(12)'), want: 'passes' },
  { name: 'e^(x − 10¹²) < 1 under x < 10¹² passes', src: step('scalar x\nassume x < 10^(12)\n', 'e^(x - 10^(12))', '<', '1'), want: 'passes' },
  // An equality false only between two kinks, or at one, was checked: nothing looked there.
  { name: 'max(|x − 1/3|, 1/10) = |x − 1/3| is refuted', src: step('scalar x\n', 'max(|x - 1/3|, 1/10)', '=', '|x - 1/3|'), want: 'refuted' },
  { name: 'max(|x − 5|, 1/10) = |x − 5| is refuted', src: step('scalar x\n', 'max(|x - 5|, 1/10)', '=', '|x - 5|'), want: 'refuted' },
  { name: 'min(|x − 1/3|, 1/10) = 1/10 is refuted', src: step('scalar x\n', 'min(|x - 1/3|, 1/10)', '=', '1/10'), want: 'refuted' },
  { name: 'max(|x − 1/3|, 10⁻³⁰) = |x − 1/3| is refuted', src: step('scalar x\n', 'max(|x - 1/3|, 10^(-30))', '=', '|x - 1/3|'), want: 'refuted' },
  { name: 'max(|x − 1/3|, 1/10) ≤ |x − 1/3| is refuted', src: step('scalar x\n', 'max(|x - 1/3|, 1/10)', '≤', '|x - 1/3|'), want: 'refuted' },
  { name: 'max(|x − 1/3|, 1/10) ≥ |x − 1/3| passes', src: step('scalar x\n', 'max(|x - 1/3|, 1/10)', '≥', '|x - 1/3|'), want: 'passes' },
  { name: 'max(|x − 1/3|, 1/10) = |x − 1/3| under |x − 1/3| ≥ 1/10 passes', src: step('scalar x\nassume |x - 1/3| ≥ 1/10\n', 'max(|x - 1/3|, 1/10)', '=', '|x - 1/3|'), want: 'passes' },
  // A kink whose failing side the assumptions narrow to a strip closer than the points beside it.
  { name: '|x| = x under x > −10⁻²⁰ is refuted', src: step('scalar x\nassume x > -10^(-20)\n', '|x|', '=', 'x'), want: 'refuted' },
  { name: '|x − 1| = x − 1 under x > 1 − 10⁻¹⁵ is refuted', src: step('scalar x\nassume x > 1 - 10^(-15)\n', '|x - 1|', '=', 'x - 1'), want: 'refuted' },
  { name: 'min(x, 1 − x) = x under 0 < x < 1/2 + 10⁻¹⁰ is refuted', src: step('scalar x\nassume 0 < x < 1/2 + 10^(-10)\n', 'min(x, 1 - x)', '=', 'x'), want: 'refuted' },
  { name: 'min(x, 1 − x) = x under 0 < x ≤ 1/2 passes', src: step('scalar x\nassume 0 < x ≤ 1/2\n', 'min(x, 1 - x)', '=', 'x'), want: 'passes' },
  // Strict bounds between nonzero vectors that tie where they are parallel or orthogonal: the
  // ties are exact sums of square roots (√10·√10 = 10) no enclosure tells apart, so they were
  // unknown; and the orthogonal ones were checked (red team rt65).
  { name: '(xᵀy)² > 0 with x, y ≠ 0 is refuted (orthogonal)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '(xᵀy)²', '>', '0'), want: 'refuted' },
  { name: 'xᵀy ≠ 0 with x, y ≠ 0 is refuted (orthogonal)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, 'xᵀy', '≠', '0'), want: 'refuted' },
  { name: '|xᵀy| > 0 with x, y ≠ 0 is refuted (orthogonal)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '|xᵀy|', '>', '0'), want: 'refuted' },
  { name: '|xᵀy| < ‖x‖ ‖y‖ with x, y ≠ 0 is refuted (x = y)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '|xᵀy|', '<', '‖x‖ ‖y‖'), want: 'refuted' },
  { name: '‖x‖ ‖y‖ > xᵀy with x, y ≠ 0 is refuted (x = y)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '‖x‖ ‖y‖', '>', 'xᵀy'), want: 'refuted' },
  { name: '‖x + y‖ < ‖x‖ + ‖y‖ with x, y ≠ 0 is refuted (x = y)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '‖x + y‖', '<', '‖x‖ + ‖y‖'), want: 'refuted' },
  { name: '‖x − y‖ < ‖x‖ + ‖y‖ with x, y ≠ 0 is refuted (x = −y)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '‖x - y‖', '<', '‖x‖ + ‖y‖'), want: 'refuted' },
  { name: '‖x + y‖² < (‖x‖ + ‖y‖)² with x, y ≠ 0 is refuted (x = y)', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '‖x + y‖²', '<', '(‖x‖ + ‖y‖)²'), want: 'refuted' },
  { name: '‖2x‖ > 2‖x‖ is refuted (equal everywhere)', src: step(MAT, '‖2x‖', '>', '2‖x‖'), want: 'refuted' },
  { name: '|xᵀy| ≤ ‖x‖ ‖y‖ with x, y ≠ 0 passes', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '|xᵀy|', '≤', '‖x‖ ‖y‖'), want: 'passes' },
  { name: '‖x + y‖ ≤ ‖x‖ + ‖y‖ with x, y ≠ 0 passes', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '‖x + y‖', '≤', '‖x‖ + ‖y‖'), want: 'passes' },
  { name: '‖x‖ ‖y‖ + 1 > xᵀy passes', src: step(MAT, '‖x‖ ‖y‖ + 1', '>', 'xᵀy'), want: 'passes' },
  { name: '(xᵀy)² ≥ 0 with x, y ≠ 0 passes', src: step(`${MAT}assume x ≠ 0, y ≠ 0\n`, '(xᵀy)²', '≥', '0'), want: 'passes' },
  { name: '‖x‖ + ‖y‖ > 0 with x ≠ 0 passes', src: step(`${MAT}assume x ≠ 0\n`, '‖x‖ + ‖y‖', '>', '0'), want: 'passes' },
  { name: '‖2x‖ = 2‖x‖ passes', src: step(MAT, '‖2x‖', '=', '2‖x‖'), want: 'passes' },
  // Ties along the standard basis, where drawn vectors (and their orthogonal parts, which
  // leave a unit sphere) never land (red team rt68).
  { name: '‖u − v‖² ≠ 2 under unit u, v is refuted (u = e₁, v = e₂)', src: step('vector u, v in R^n\nassume ‖u‖ = 1, ‖v‖ = 1\n', '‖u - v‖²', '≠', '2'), want: 'refuted' },
  { name: '‖u + v‖ ‖u − v‖ < 2 under unit u, v is refuted', src: step('vector u, v in R^n\nassume ‖u‖ = 1, ‖v‖ = 1\n', '‖u + v‖ ‖u - v‖', '<', '2'), want: 'refuted' },
  { name: '‖x + y‖ ≠ √34 under ‖x‖ = 3, ‖y‖ = 5 is refuted', src: step('vector x, y in R^n\nassume ‖x‖ = 3, ‖y‖ = 5\n', '‖x + y‖', '≠', '√34'), want: 'refuted' },
  { name: '‖x + y‖ < 8 under ‖x‖ = 3, ‖y‖ = 5 is refuted (parallel)', src: step('vector x, y in R^n\nassume ‖x‖ = 3, ‖y‖ = 5\n', '‖x + y‖', '<', '8'), want: 'refuted' },
  { name: '(xᵀy)² + (xᵀz)² > 0 with x, y, z ≠ 0 is refuted', src: step('vector x, y, z in R^n\nassume x ≠ 0, y ≠ 0, z ≠ 0\n', '(xᵀy)² + (xᵀz)²', '>', '0'), want: 'refuted' },
  { name: '‖x‖ < ∑|x_i| with x ≠ 0 is refuted (x = e₁)', src: step('integer i\nvector x in R^n\nassume x ≠ 0\n', '‖x‖', '<', '∑_{i=1}^{n} |x_i|'), want: 'refuted' },
  { name: '√‖x‖ < (1 + ‖x‖)/2 with x ≠ 0 is refuted (‖x‖ = 1)', src: step('vector x in R^n\nassume x ≠ 0\n', '√(‖x‖)', '<', '(1 + ‖x‖)/2'), want: 'refuted' },
  { name: '‖x − y‖² < 4 under ‖x‖, ‖y‖ ≤ 1 is refuted (x = e₁, y = −e₁)', src: step('vector x, y in R^n\nassume ‖x‖ ≤ 1, ‖y‖ ≤ 1\n', '‖x - y‖²', '<', '4'), want: 'refuted' },
  { name: '‖x + y‖ > 2 under xᵀy ≥ 1 is refuted (x = y = e₁)', src: step('vector x, y in R^n\nassume xᵀy ≥ 1\n', '‖x + y‖', '>', '2'), want: 'refuted' },
  // (Red team rt69:) lengths the assumptions fix exactly at other values, components read at
  // other axes, three orthogonal vectors, a matrix at I, every vector at 0.
  { name: '‖x + y‖ < 10/21 under ‖x‖ = 1/3, ‖y‖ = 1/7 is refuted (parallel)', src: step('vector x, y in R^n\nassume ‖x‖ = 1/3, ‖y‖ = 1/7\n', '‖x + y‖', '<', '10/21'), want: 'refuted' },
  { name: '|x_1| < 1 under ‖x‖ = 1.0000001 is refuted', src: step('vector x in R^n\nassume ‖x‖ = 1.0000001\n', '|x_1|', '<', '1'), want: 'refuted' },
  { name: '|z_3| < ‖z‖ with z ≠ 0 in R³ is refuted (z = e₃)', src: step('vector z in R^3\nassume z ≠ 0\n', '|z_3|', '<', '‖z‖'), want: 'refuted' },
  { name: '‖x + y + z‖ > (‖x‖ + ‖y‖ + ‖z‖)/√3 with x, y, z ≠ 0 is refuted (e₁, e₂, e₃)', src: step('vector x, y, z in R^n\nassume x ≠ 0, y ≠ 0, z ≠ 0\n', '‖x + y + z‖', '>', '(‖x‖ + ‖y‖ + ‖z‖)/√3'), want: 'refuted' },
  { name: '(xᵀS x)² < ‖S x‖² under ‖x‖ = 1 is refuted (S = I)', src: step('vector x in R^n\nmatrix S in R^{n×n} symmetric\nassume ‖x‖ = 1\n', '(xᵀS x)²', '<', '‖S x‖²'), want: 'refuted' },
  { name: '‖w − η g‖² > ‖w‖² − 2η‖w‖ under η > 0 is refuted (w = g = 0)', src: step('scalar η\nvector w, g in R^n\nassume η > 0\n', '‖w - η g‖²', '>', '‖w‖² - 2η‖w‖'), want: 'refuted' },
  { name: '|z_3| ≤ ‖z‖ passes', src: step('vector z in R^3\n', '|z_3|', '≤', '‖z‖'), want: 'passes' },
  { name: '‖x + y‖ ≤ 10/21 under ‖x‖ = 1/3, ‖y‖ = 1/7 passes', src: step('vector x, y in R^n\nassume ‖x‖ = 1/3, ‖y‖ = 1/7\n', '‖x + y‖', '≤', '10/21'), want: 'passes' },
  { name: '(xᵀS x)² ≤ ‖S x‖² under ‖x‖ = 1 passes', src: step('vector x in R^n\nmatrix S in R^{n×n} symmetric\nassume ‖x‖ = 1\n', '(xᵀS x)²', '≤', '‖S x‖²'), want: 'passes' },
  { name: '‖u − v‖² ≤ 4 under unit u, v passes', src: step('vector u, v in R^n\nassume ‖u‖ = 1, ‖v‖ = 1\n', '‖u - v‖²', '≤', '4'), want: 'passes' },
  { name: '‖x + y‖ ≤ 8 under ‖x‖ = 3, ‖y‖ = 5 passes', src: step('vector x, y in R^n\nassume ‖x‖ = 3, ‖y‖ = 5\n', '‖x + y‖', '≤', '8'), want: 'passes' },
  { name: '‖x‖ ≤ ∑|x_i| passes', src: step('integer i\nvector x in R^n\n', '‖x‖', '≤', '∑_{i=1}^{n} |x_i|'), want: 'passes' },
  { name: '√‖x‖ ≤ (1 + ‖x‖)/2 passes', src: step('vector x in R^n\n', '√(‖x‖)', '≤', '(1 + ‖x‖)/2'), want: 'passes' },
  { name: '‖x + y‖ ≥ 2 under xᵀy ≥ 1 passes', src: step('vector x, y in R^n\nassume xᵀy ≥ 1\n', '‖x + y‖', '≥', '2'), want: 'passes' },
  // (Red team rt70:) a vector at −c·e₁, and three vectors along e₁ together.
  { name: 'x_1² < 1 under ‖x‖ = 1, x_1 < 1 is refuted (x = −e₁)', src: step('vector x in R^n\nassume ‖x‖ = 1, x_1 < 1\n', 'x_1^2', '<', '1'), want: 'refuted' },
  { name: '‖u + v + w‖ < 3 under unit u, v, w is refuted (u = v = w)', src: step('vector u, v, w in R^n\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1\n', '‖u + v + w‖', '<', '3'), want: 'refuted' },
  { name: '‖u + v + w‖ ≤ 3 under unit u, v, w passes', src: step('vector u, v, w in R^n\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1\n', '‖u + v + w‖', '≤', '3'), want: 'passes' },
  // A bound by a length reached along the gradient of a linear side (Cauchy–Schwarz's equality),
  // where no draw, basis vector or coincidence lands (red team rt69: 3x₁ + 4x₂ < 5‖x‖).
  { name: '3x₁ + 4x₂ < 5‖x‖ with x ≠ 0 is refuted (x = (3, 4, 0))', src: step('vector x in R^3\nassume x ≠ 0\n', '3 x_1 + 4 x_2', '<', '5 ‖x‖'), want: 'refuted' },
  { name: '3u₁ + 4u₂ < 5 under ‖u‖ = 1 is refuted (u = (3/5, 4/5, 0))', src: step('vector u in R^3\nassume ‖u‖ = 1\n', '3 u_1 + 4 u_2', '<', '5'), want: 'refuted' },
  { name: '2u₁ − u₂ + 2u₃ > −3 under ‖u‖ = 1 is refuted (u = −(2, −1, 2)/3)', src: step('vector u in R^3\nassume ‖u‖ = 1\n', '2 u_1 - u_2 + 2 u_3', '>', '-3'), want: 'refuted' },
  { name: '5x₁ − 12x₂ < 13‖x‖ in R² with x ≠ 0 is refuted (x = (5, −12))', src: step('vector x in R^2\nassume x ≠ 0\n', '5 x_1 - 12 x_2', '<', '13 ‖x‖'), want: 'refuted' },
  { name: '3x₁ + 4x₂ ≤ 5‖x‖ passes', src: step('vector x in R^3\n', '3 x_1 + 4 x_2', '≤', '5 ‖x‖'), want: 'passes' },
  { name: '3u₁ + 4u₂ ≤ 5 under ‖u‖ = 1 passes', src: step('vector u in R^3\nassume ‖u‖ = 1\n', '3 u_1 + 4 u_2', '≤', '5'), want: 'passes' },
  // Orthonormal and orthogonal vectors at given lengths: no point met all the equations, and
  // every step under them was unknown; now they are columns of rational orthogonal frames.
  { name: '‖u + v‖² = 2 for orthonormal u, v in R² passes', src: step('vector u, v in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', '‖u + v‖²', '=', '2'), want: 'passes' },
  { name: '‖u − v‖ = √2 for orthonormal u, v in R² passes', src: step('vector u, v in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', '‖u - v‖', '=', '√2'), want: 'passes' },
  { name: '‖u + v‖² = 3 for orthonormal u, v in R² is refuted', src: step('vector u, v in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', '‖u + v‖²', '=', '3'), want: 'refuted' },
  { name: '‖u + v + w‖² = 3 for orthonormal u, v, w in R³ passes', src: step('vector u, v, w in R^3\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1, uᵀv = 0, vᵀw = 0, uᵀw = 0\n', '‖u + v + w‖²', '=', '3'), want: 'passes' },
  { name: '‖u + v + w‖ < √3 for orthonormal u, v, w in R³ is refuted', src: step('vector u, v, w in R^3\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1, uᵀv = 0, vᵀw = 0, uᵀw = 0\n', '‖u + v + w‖', '<', '√3'), want: 'refuted' },
  { name: '‖a + b‖ = √13 for orthogonal a, b of lengths 2, 3 passes', src: step('vector a, b in R^n\nassume ‖a‖² = 4, bᵀb = 9, aᵀb = 0\n', '‖a + b‖', '=', '√13'), want: 'passes' },
  { name: '‖a + b‖ = 5 for orthogonal a, b of lengths 2, 3 is refuted', src: step('vector a, b in R^n\nassume ‖a‖² = 4, bᵀb = 9, aᵀb = 0\n', '‖a + b‖', '=', '5'), want: 'refuted' },
  // (Two unit vectors not assumed orthogonal are not made so: uᵀv = 0 must not hold at every point.)
  { name: 'uᵀv = 0 for unit u, v (not assumed orthogonal) is refuted', src: step('vector u, v in R^n\nassume ‖u‖ = 1, ‖v‖ = 1\n', 'uᵀv', '=', '0'), want: 'refuted' },
  { name: 'uᵀw = 0 under u ⟂ v, v ⟂ w (u, w not assumed orthogonal) is not passed', src: step('vector u, v, w in R^3\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1, uᵀv = 0, vᵀw = 0\n', 'uᵀw', '=', '0'), want: 'fails' },
  // (Red team rt73:) the gradient direction with a frame built around it (a Householder
  // reflection), directions near the diagonals, four orthonormal vectors on the axes.
  { name: '3u₁ + 4u₂ < 5 for orthonormal u, v in R² is refuted (u = (3/5, 4/5))', src: step('vector u, v in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', '3 u_1 + 4 u_2', '<', '5'), want: 'refuted' },
  { name: '5u₁ + 12u₂ < 13 for orthonormal u, v in R² is refuted', src: step('vector u, v in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', '5 u_1 + 12 u_2', '<', '13'), want: 'refuted' },
  { name: '3u₁ + 4u₂ ≤ 5 for orthonormal u, v in R² passes', src: step('vector u, v in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', '3 u_1 + 4 u_2', '≤', '5'), want: 'passes' },
  { name: 'u₁u₂ ≤ 12/25 for orthonormal u, v in R² is refuted (u = (20/29, 21/29))', src: step('vector u, v in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', 'u_1 u_2', '≤', '12/25'), want: 'refuted' },
  { name: 'u₁ + v₂ + w₃ + z₄ < 4 for four orthonormal vectors in R⁴ is refuted (e₁ … e₄)', src: step('vector u, v, w, z in R^4\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1, ‖z‖ = 1, uᵀv = 0, uᵀw = 0, uᵀz = 0, vᵀw = 0, vᵀz = 0, wᵀz = 0\n', 'u_1 + v_2 + w_3 + z_4', '<', '4'), want: 'refuted' },
  { name: 'u₁ + v₂ + w₃ + z₄ ≤ 4 for four orthonormal vectors in R⁴ passes', src: step('vector u, v, w, z in R^4\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1, ‖z‖ = 1, uᵀv = 0, uᵀw = 0, uᵀz = 0, vᵀw = 0, vᵀz = 0, wᵀz = 0\n', 'u_1 + v_2 + w_3 + z_4', '≤', '4'), want: 'passes' },
  // (Red team rt73:) a name solved from a linear equation sits on the tie at its least-norm solution.
  { name: '‖x‖ > 1/2 under ‖u‖ = 1, uᵀx = 1/2 is refuted (x = u/2)', src: step('vector u, x in R^n\nassume ‖u‖ = 1, uᵀx = 1/2\n', '‖x‖', '>', '1/2'), want: 'refuted' },
  { name: 'x₁² + x₂² > 1/4 under orthonormal u, v, uᵀx = 1/2 in R² is refuted', src: step('vector u, v, x in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0, uᵀx = 1/2\n', 'x_1^2 + x_2^2', '>', '1/4'), want: 'refuted' },
  { name: 'x₁² + x₂² ≥ 1/4 under orthonormal u, v, uᵀx = 1/2 in R² passes', src: step('vector u, v, x in R^2\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0, uᵀx = 1/2\n', 'x_1^2 + x_2^2', '≥', '1/4'), want: 'passes' },
  // (Red team rt74:) `A_{j2}` read as the letter j numbered 2 was one index.
  { name: '∑_j A_{j2} = A_{12} + A_{22} + A_{32} passes', src: step('matrix A in R^{3×3}\ninteger j\n', '∑_{j=1}^{3} A_{j2}', '=', 'A_{12} + A_{22} + A_{32}'), want: 'passes' },
  { name: '∑_j A_{j2} = A_{21} + A_{22} + A_{23} is refuted', src: step('matrix A in R^{3×3}\ninteger j\n', '∑_{j=1}^{3} A_{j2}', '=', 'A_{21} + A_{22} + A_{23}'), want: 'refuted' },
  // (Red team rt73:) the identity test took u_1 v_1 + u_2 v_2 for uᵀv at n = 2, and a rule proved this.
  { name: 'u₁v₁ + u₂v₂ ≤ 0 under uᵀv = 0 in R^n is not passed (false for n ≥ 3)', src: step('vector u, v in R^n\nassume uᵀv = 0\n', 'u_1 v_1 + u_2 v_2', '≤', '0'), want: 'fails' },
  { name: 'u₁v₁ + u₂v₂ ≤ 3/5 under unit u, v, uᵀv = 3/5 in R^n is not passed', src: step('vector u, v in R^n\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 3/5\n', 'u_1 v_1 + u_2 v_2', '≤', '3/5'), want: 'fails' },
  { name: 'u₁v₁ + u₂v₂ = uᵀv in R² passes', src: step('vector u, v in R^2\n', 'u_1 v_1 + u_2 v_2', '=', 'uᵀv'), want: 'passes' },
  { name: 'u₁v₁ + u₂v₂ = uᵀv in R^n is refuted', src: step('vector u, v in R^n\n', 'u_1 v_1 + u_2 v_2', '=', 'uᵀv'), want: 'refuted' },
  // (Red team rt72:) frames along the axes too, and the other names solved with the frames fixed.
  { name: 'u₁ ≠ 0 for orthonormal u, v in R^n is refuted (u = e₂)', src: step('vector u, v in R^n\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0\n', 'u_1', '≠', '0'), want: 'refuted' },
  { name: 'u₁ ≠ 0 for orthonormal u, v, w in R³ is refuted', src: step('vector u, v, w in R^3\nassume ‖u‖ = 1, ‖v‖ = 1, ‖w‖ = 1, uᵀv = 0, vᵀw = 0, uᵀw = 0\n', 'u_1', '≠', '0'), want: 'refuted' },
  { name: '‖w‖² = 2 under orthonormal u, v and u + v = w passes', src: step('vector u, v, w in R^n\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0, u + v = w\n', '‖w‖²', '=', '2'), want: 'passes' },
  { name: '‖w‖ ≥ 1/2 under orthonormal u, v and uᵀw = 1/2 passes', src: step('vector u, v, w in R^n\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0, uᵀw = 1/2\n', '‖w‖', '≥', '1/2'), want: 'passes' },
  { name: '‖A u‖ = 1 under orthonormal u, v and A u = v passes', src: step('vector u, v in R^n\nmatrix A in R^{n×n}\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0, A u = v\n', '‖A u‖', '=', '1'), want: 'passes' },
  { name: 'A v = −u under orthonormal u, v and A u = v is refuted', src: step('vector u, v in R^n\nmatrix A in R^{n×n}\nassume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0, A u = v\n', 'A v', '=', '-u'), want: 'refuted' },
  { name: 'W_{2,1} = W_2 for W in R^{3×1} passes', src: step('matrix W in R^{3×1}\n', 'W_{2,1}', '=', 'W_2'), want: 'passes' },
  { name: 'Rᵀ R = I_1 for an orthogonal R in R^{1×1} passes', src: step('matrix R in R^{1×1} orthogonal\n', 'R^T R', '=', 'I_1'), want: 'passes' },
  { name: 'f(−5) ≥ 0 under z > 0 and f(z) ≥ 0 for all z is an error', src: step('function f : R → R\nassume z > 0 and f(z) ≥ 0 for all z\n', 'f(-5)', '≥', '0'), want: 'diagnostic' },
  // A condition on the for-all names, before the quantified assumption or after its names,
  // with `and` and a second `for all` after it (red team rt71: f(3) ≥ 0 and f(−3) ≥ 0 proved).
  { name: 'f(−3) ≥ 0 under z > 0, f(z) ≥ 0 for all z is an error, not a proof', src: step('function f : R → R\nassume z > 0, f(z) ≥ 0 for all z\n', 'f(-3)', '≥', '0'), want: 'diagnostic' },
  { name: 'f(3) ≥ 0 under f(z) ≥ 0 for all z, |z| < 1 and g(z) ≤ 0 for all z is an error', src: step('function f, g : R → R\nassume f(z) ≥ 0 for all z, |z| < 1 and g(z) ≤ 0 for all z\n', 'f(3)', '≥', '0'), want: 'diagnostic' },
  // (A matrix in R^{1×1} is a scalar: its tags are conditions on it.)
  { name: 'P > 0 for a positive definite P in R^{1×1} passes', src: step('matrix P in R^{1×1} positive definite\n', 'P', '>', '0'), want: 'passes' },
  { name: '|Q| = 1 for an orthogonal Q in R^{1×1} passes', src: step('matrix Q in R^{1×1} orthogonal\n', '|Q|', '=', '1'), want: 'passes' },
  { name: 'R R⁻¹ = 1 for an invertible R in R^{1×1} passes', src: step('matrix R in R^{1×1} invertible\n', 'R R^{-1}', '=', '1'), want: 'passes' },
  { name: 'Q = 1 for an orthogonal Q in R^{1×1} is refuted (Q = −1)', src: step('matrix Q in R^{1×1} orthogonal\n', 'Q', '=', '1'), want: 'refuted' },
  // (Entries of a matrix in R^{3×1} and R^{1×3} take two indices: W_{21} was read as component 21.)
  { name: 'V W = ∑ V_{1k} W_{k1} for V in R^{1×3}, W in R^{3×1} passes', src: step('matrix W in R^{3×1}\nmatrix V in R^{1×3}\n', 'V W', '=', 'V_{11} W_{11} + V_{12} W_{21} + V_{13} W_{31}'), want: 'passes' },
  { name: 'W_{21} = W_2 for W in R^{3×1} passes', src: step('matrix W in R^{3×1}\n', 'W_{21}', '=', 'W_2'), want: 'passes' },
  // `for all z, w > 0` read as `for all z` and an assumption w > 0 proved this (red team rt70).
  { name: 'f(−1) ≥ 0 under f(z) ≥ 0 for all z, w > 0 is an error, not a proof', src: step('function f : R → R\nassume f(z) ≥ 0 for all z, w > 0\n', 'f(-1)', '≥', '0'), want: 'diagnostic' },
  // ---------------------------------------------------------------- robustness: nothing crashes, long inputs are bounded
  { name: 'brackets nested 60 deep are an error', src: step('scalar x\n', 'x', '=', `${'('.repeat(60)}x${')'.repeat(60)}`), want: 'error' },
  { name: 'x = x^x^…^1 (300 levels) is not a pass', src: step('scalar x\n', 'x', '=', `${'x^'.repeat(300)}1`), want: 'fails' },
  { name: 'a 3000-term sum is an error, not a crash', src: step('scalar x\n', 'x', '=', `${Array(3000).fill('x').join('+')} - 2999 x`), want: 'error' },
];

function judged(report: FileReport, at: 'step' | 'show'): { verdict: Verdict; counterexample: Counterexample | null; message: string } | null {
  const items = at === 'show' ? report.shows : report.steps;
  return items.length > 0 ? items[items.length - 1]! : null;
}

describe('soundness: adversarial cases', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    // (A step that must pass gets a time limit well past its cost: under load the 2 s default
    // made `v_{3t−2} ≥ 0` unknown, a verdict of the machine's. The others keep the default:
    // some are there to run into it.)
    const report = await checkSource(c.src, { file: 'adversarial.deriv', ...(c.want === 'passes' ? { timeoutMs: 10_000 } : {}) });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.message).join('\n')).not.toMatch(/internal error/);
    const item = judged(report, c.at ?? 'step');
    const what = `${item?.verdict}: ${item?.message}`;
    switch (c.want) {
      case 'error':
        expect(errors.length > 0 || item?.verdict === 'error', what).toBe(true);
        if (item) expect(PASS, what).not.toContain(item.verdict);
        return;
      case 'diagnostic':
        expect(errors.length, what).toBeGreaterThan(0);
        return;
      case 'fails':
        expect(errors.map((d) => d.message)).toEqual([]);
        expect(item, 'nothing was judged').not.toBeNull();
        expect(PASS, what).not.toContain(item!.verdict);
        return;
      case 'refuted':
        expect(errors.map((d) => d.message)).toEqual([]);
        expect(item?.verdict, what).toBe('refuted');
        expect(item!.counterexample, what).not.toBeNull();
        return;
      case 'passes':
        expect(errors.map((d) => d.message)).toEqual([]);
        expect(PASS, what).toContain(item?.verdict);
        return;
      case 'proved':
        expect(errors.map((d) => d.message)).toEqual([]);
        expect(item?.verdict, what).toBe('proved');
        return;
    }
  });
});

describe('soundness: the wrong steps under another seed', () => {
  it('never passes any of the wrong single steps with seed 7', async () => {
    const wrong = CASES.filter((c) => c.want === 'refuted' && (c.at ?? 'step') === 'step' && !c.src.includes('section') && !c.src.includes('show'));
    // The same cases, each alone, with a seed other than the default.
    for (const c of wrong) {
      const report = await checkSource(c.src, { seed: 7 });
      const item = judged(report, 'step')!;
      expect(PASS, `${c.name} with seed 7: ${item.verdict}: ${item.message}`).not.toContain(item.verdict);
    }
  });
});

/** Cases a red-team pass found wrong, fixed since: each failed before its fix. */
describe('soundness: fixed after the red-team pass', () => {
  const M = 'matrix A in R^{n×n}\nvector x in R^n\n';
  const cases: { name: string; text: string; want: 'refuted' | 'fails' | 'passes' | 'error' | 'unknown'; message?: RegExp }[] = [
    { name: 'positive definite is not ≥ I', text: 'matrix P in R^{n×n} positive definite\nvector x in R^n\n    xᵀ P x\n  ≥ xᵀ x\n', want: 'refuted' },
    // A drawn value past the doubles' range (x > 10⁴⁰⁰) was put in the search's grid as ∞, and
    // the step was unknown with "'Infinity' is not a number". The search along a scalar works in
    // doubles, so a step held there is still unknown, now saying why (a red team: with the
    // search let run, x/y > 10⁻⁵ under x, y > 10⁴⁰⁰ was checked; it fails at y = 10⁵x).
    // (Proved by the bounds of its terms since, rules/registry.ts strictSigns: 1/x lies in (0, 10⁻⁴⁰⁰).)
    { name: '1/x < 10⁻⁴⁰⁰ under x > 10⁴⁰⁰ is proved by its terms\' bounds', text: 'scalar x\nassume x > 10^400\n    1/x\n  < 10^(-400)\n', want: 'passes', message: /lies in \(-10\^\(-400\), 0\)/ },
    { name: '…while log x ≤ −700 under 0 < x ≤ e⁻⁷⁰⁰ (x ~ 10⁻³⁰⁵, inside the doubles) is still checked', text: 'scalar x\nassume 0 < x ≤ e^(-700)\n    log(x)\n  ≤ -700\n', want: 'passes' },
    // (Its kink is past e^(e⁷) ≈ 10^476: unknown while the probes stopped at the doubles' range;
    // a logarithm is now probed at 10^1000 too, where log log x = 7.74.)
    { name: 'max(log log x, 7) = 7 under x > 10⁴⁰⁰ is refuted past its kink at e^(e⁷)', text: 'scalar x\nassume x > 10^400\n    max(log(log(x)), 7)\n  = 7\n', want: 'refuted' },
    { name: '…while sin 2ε = 2 sin ε cos ε under ε < 10⁻⁴⁰⁰ is still proved', text: 'scalar ε\nassume 0 < ε < 10^(-400)\n    sin(2 ε)\n  = 2 sin(ε) cos(ε)\n', want: 'passes' },
    { name: 'x^(1/1000) < 2 under x > 0 fails past 2¹⁰⁰⁰ ≈ 10³⁰¹ (the grid ended at 10²⁰⁰)', text: 'scalar x\nassume x > 0\n    x^(1/1000)\n  < 2\n', want: 'refuted' },
    // (Third red team:) a squaring recurrence left decimal.js's range (10^(−9·10¹⁵)) at t = 53, where
    // its enclosure became [0, 0], and the true e_t > 0 and e_t < e_(t−1) were refuted.
    { name: 'e_t > 0 for e_t = e_(t−1)², 0 < c < 1, is not refuted', text: 'scalar e_t, c\ninteger t\nassume 0 < c < 1\ndefine e_0 = c\ndefine e_t = e_{t-1}^2  for t ≥ 1\ne_t > 0\n', want: 'passes' },
    { name: 'e_t < e_(t−1) there is not refuted', text: 'scalar e_t, c\ninteger t\nassume 0 < c < 1\ndefine e_0 = c\ndefine e_t = e_{t-1}^2  for t ≥ 1\ne_t < e_{t-1}\n', want: 'passes' },
    { name: 'u_t ≥ u_(t−1) for u_t = u_(t−1)² + 1 is no internal error', text: 'scalar u_t\ninteger t\ndefine u_0 = 10\ndefine u_t = u_{t-1}^2 + 1  for t ≥ 1\nu_t ≥ u_{t-1}\n', want: 'passes' },
    { name: 'Heron\'s step x_t = (x_(t−1) + a/x_(t−1))/2 is proved within the time limit (its integer-zero scan computed 64 ever longer exact values)', text: 'scalar x_t, a\ninteger t\nassume a > 0\ndefine x_0 = 1\ndefine x_t = (x_{t-1} + a/x_{t-1})/2  for t ≥ 1\n    x_t\n  = (x_{t-1} + a/x_{t-1})/2\n', want: 'passes' },
    { name: 'x/y > 10⁻⁵ under x, y > 10⁴⁰⁰ is not checked', text: 'scalar x, y\nassume x > 10^400, y > 10^400\n    x/y\n  > 10^(-5)\n', want: 'fails' },
    { name: 'x y > 10⁸⁰¹ there fails', text: 'scalar x, y\nassume x > 10^400, y > 10^400\n    x y\n  > 10^801\n', want: 'refuted' },
    { name: '1/x < 10⁻⁴⁰¹ under x > 10⁴⁰⁰ fails', text: 'scalar x\nassume x > 10^400\n    1/x\n  < 10^(-401)\n', want: 'refuted' },
    // (Red team on that fix:) sides that differ by less than 10⁻⁸⁰⁰ under bounds past the doubles.
    // sin, tan, tanh of a tiny argument were enclosed to 10^(−digits) beside 1, not of their own
    // size (sin ε to 457 of 860 digits at ε ~ 10⁻⁴⁰⁰), and sin ε = ε was checked.
    { name: 'sin ε = ε under ε < 10⁻⁴⁰⁰', text: 'scalar ε\nassume 0 < ε < 10^(-400)\n    sin(ε)\n  = ε\n', want: 'refuted' },
    { name: 'sin ε ≥ ε there', text: 'scalar ε\nassume 0 < ε < 10^(-400)\n    sin(ε)\n  ≥ ε\n', want: 'refuted' },
    { name: 'tan ε = ε there', text: 'scalar ε\nassume 0 < ε < 10^(-400)\n    tan(ε)\n  = ε\n', want: 'refuted' },
    { name: 'sin ε/ε = 1 there', text: 'scalar ε\nassume 0 < ε < 10^(-400)\n    sin(ε)/ε\n  = 1\n', want: 'refuted' },
    { name: 'sin ε = ε under ε < 10⁻¹⁰⁰', text: 'scalar ε\nassume 0 < ε < 10^(-100)\n    sin(ε)\n  = ε\n', want: 'refuted' },
    { name: 'sin ε < ε, tan ε > ε and tanh ε < ε hold there: not refuted, not searched', text: 'scalar ε\nassume 0 < ε < 10^(-400)\n    sin(ε) + tanh(ε)\n  < ε + tan(ε)\n', want: 'unknown', message: /past the range of the doubles/ },
    // Both sides ~10⁻⁸⁰², differing by ε⁴/24: they agreed within 10⁻⁴³⁰ of 1. Two sides certainly
    // nonzero agree only to the digits of their own size (no precision reaches this one: unknown).
    { name: '1 − cos ε ≥ ε²/2 there is not checked', text: 'scalar ε\nassume 0 < ε < 10^(-400)\n    1 - cos(ε)\n  ≥ ε^2/2\n', want: 'fails' },
    // (Second red team:) a truncated series differs by a higher power of a tiny number than its
    // square, which set the precision: under ε < 10⁻¹⁰⁰ these were checked.
    { name: 'cos ε + ε²/2 = 1 under ε < 10⁻¹⁰⁰ (ε⁴/24)', text: 'scalar ε\nassume 0 < ε < 10^(-100)\n    cos(ε) + ε^2/2\n  = 1\n', want: 'refuted' },
    { name: 'e^ε = 1 + ε + ε²/2 there (ε³/6)', text: 'scalar ε\nassume 0 < ε < 10^(-100)\n    e^ε\n  = 1 + ε + ε^2/2\n', want: 'refuted' },
    { name: 'sin ε − ε + ε³/6 = 0 there (ε⁵/120)', text: 'scalar ε\nassume 0 < ε < 10^(-100)\n    sin(ε) - ε + ε^3/6\n  = 0\n', want: 'refuted' },
    { name: 'cos(ε)² + ε² = 1 there (ε⁴/3)', text: 'scalar ε\nassume 0 < ε < 10^(-100)\n    cos(ε)^2 + ε^2\n  = 1\n', want: 'refuted' },
    { name: 'cos ε + ε²/2 = 1 under ε < 10⁻³⁰⁰ is not checked (ε⁴ past every precision)', text: 'scalar ε\nassume 0 < ε < 10^(-300)\n    cos(ε) + ε^2/2\n  = 1\n', want: 'fails' },
    // A huge bound's reciprocal is tiny: its square set no precision, and 1/(2x²) went unseen.
    { name: 'e^(1/x) = 1 + 1/x under x > 10⁴⁰⁰', text: 'scalar x\nassume x > 10^400\n    e^(1/x)\n  = 1 + 1/x\n', want: 'refuted' },
    { name: 'e^(1/x) ≤ 1 + 1/x there', text: 'scalar x\nassume x > 10^400\n    e^(1/x)\n  ≤ 1 + 1/x\n', want: 'refuted' },
    { name: '√(1 + 1/x) ≥ 1 + 1/(2x) there', text: 'scalar x\nassume x > 10^400\n    sqrt(1 + 1/x)\n  ≥ 1 + 1/(2 x)\n', want: 'refuted' },
    { name: '2^(1/x) = 1 + log(2)/x there', text: 'scalar x\nassume x > 10^400\n    2^(1/x)\n  = 1 + log(2)/x\n', want: 'refuted' },
    { name: 'e^(1/x) > 1 + 1/x and √(1 + 1/x) < 1 + 1/(2x) hold there: not refuted', text: 'scalar x\nassume x > 10^400\n    e^(1/x) + 1 + 1/(2 x)\n  > 1 + 1/x + sqrt(1 + 1/x)\n', want: 'unknown' },
    { name: 'log(e^(1/x)) = 1/x is still proved there (a certificate\'s cross-check reads agreement against 1)', text: 'scalar x\nassume x > 10^400\n    log(e^(1/x))\n  = 1/x\n', want: 'passes' },
    { name: 'x y > 10⁸⁰⁰ there is not refuted (proved by its terms\' bounds)', text: 'scalar x, y\nassume x > 10^400, y > 10^400\n    x y\n  > 10^800\n', want: 'passes' },
    // The descent's moves took a bracket's middle, as long as the bracket was narrowed (to 1/L of
    // each polynomial along a scalar): the coordinates grew to 9,000 bits, and the inequality of
    // arithmetic and geometric means in three names ran out of its 2 s (10 s needed; now ~0.5 s).
    { name: 'x³ + y³ + z³ ≥ 3xyz under positivity, within the default time limit', text: 'scalar x, y, z\nassume x > 0, y > 0, z > 0\n    x^3 + y^3 + z^3\n  ≥ 3 x y z\n', want: 'passes' },
    { name: '…and the strict form fails at x = y = z', text: 'scalar x, y, z\nassume x > 0, y > 0, z > 0\n    x^3 + y^3 + z^3\n  > 3 x y z\n', want: 'refuted' },
    // A crest of a sine far out, inside a narrow window the assumptions give (c within 10⁻⁴⁸ of
    // 4001π/2): the exact turns were tried near 0 only (and their double places miss such a
    // window), so sin x < 1 was checked. The window beside the crest keeps it true.
    { name: 'sin x < 1 in a 10⁻¹² window holding 4001π/2', text: 'scalar x\nassume |x - 6284.7561035063813735445180882506455198364373834499| < 10^(-12)\n    sin(x)\n  < 1\n', want: 'refuted' },
    { name: 'cos y > −1 in a 10⁻²⁰ window holding 2001π', text: 'scalar y\nassume |y - 6286.3268998331762701637494099422852712785359681496| < 10^(-20)\n    cos(y)\n  > -1\n', want: 'refuted' },
    { name: 'sin x < 1 in a 10⁻³⁰ window holding (2·10⁶ + 1)π/2', text: `scalar x\nassume |x - 3141594.22438612003335926261460119452394861149825980550852786| < 10^(-30)\n    sin(x)\n  < 1\n`, want: 'refuted' },
    // Past 10⁸ a sine's enclosure in doubles is [−1, 1], so no margin picked the turn (second red team).
    { name: 'sin x < 1 in a 10⁻¹² window holding (4·10¹² + 1)π/2', text: 'scalar x\nassume |x - 6283185307181.15727325208166317823709008597855019231022664957673752612028486857190545921276| < 10^(-12)\n    sin(x)\n  < 1\n', want: 'refuted' },
    { name: 'sin x ≠ 1 there', text: 'scalar x\nassume |x - 6283185307181.157273252081663178237090085978550192310226649576737526120284868571905459212755183548153| < 10^(-12)\n    sin(x)\n  ≠ 1\n', want: 'refuted' },
    { name: 'cos(x/7 − 2) > −1 in a 10⁻¹² window holding 28007π + 14', text: 'scalar x\nassume |x - 88000.5854490893392296232532355090372777101233682985887280452731967650140908578554245753714| < 10^(-12)\n    cos(x/7 - 2)\n  > -1\n', want: 'refuted' },
    // A line π x + b with b rational had no exact turns (unknown under 0 < x < 1; checked in a
    // narrow window far out): now at (kπ − 2b)/(2π), proved a crest by the identity test once
    // π((π − 2)/(2π)) + 1 is read as π/2.
    { name: 'sin(π x + 1) < 1 under 0 < x < 1', text: 'scalar x\nassume 0 < x < 1\n    sin(π x + 1)\n  < 1\n', want: 'refuted' },
    { name: 'sin(π x + 1) < 1 in a 10⁻¹² window holding its crest past x = 4000', text: 'scalar x\nassume |x - 4000.18169011381620932846223247325497127593108070851908710250466531188220640473154692981977| < 10^(-12)\n    sin(π·x + 1)\n  < 1\n', want: 'refuted' },
    { name: 'but sin(π x + 1) ≤ 1 holds', text: 'scalar x\nassume 0 < x < 1\n    sin(π x + 1)\n  ≤ 1\n', want: 'passes' },
    { name: 'and cos(2π x − 3) > −1 where no trough lies', text: 'scalar x\nassume 4000.1 < x < 4000.3\n    cos(2π x - 3)\n  > -1\n', want: 'passes' },
    { name: 'but sin x < 1 in a 10⁻¹² window 10⁻¹¹ past 4001π/2 holds', text: 'scalar x\nassume |x - 6284.75610350639137354451808825064551983643738344989919486038| < 10^(-12)\n    sin(x)\n  < 1\n', want: 'passes' },
    // A negative number to a power whose exponent no double or decimal holds exactly (2/3) was
    // undecided, not undefined, in enclosures: where the left side is not rational the points
    // with x < 0 were skipped, and these were proved (x^(1/3) at −1/2 was undefined already).
    // The descent toward where left − right is least steered by the middles of enclosures;
    // far out (a = 10⁷⁸) 1 − s(a) is enclosed across 0 and a s(a)(1 − s(a)) had a middle of
    // −10⁶², which drew it there: a bound just below the joint peak (0.447743 at a = b = 1.5434) was checked.
    { name: 'a bound just below a sum of two logistic-gradient peaks', text: 'scalar a, b\ndefine s(z) = 1/(1 + exp(-z))\n    a s(a) (1 - s(a)) + b s(b) (1 - s(b))\n  ≤ 0.4477\n', want: 'refuted' },
    { name: 'and of four', text: 'scalar a, b, c, d\ndefine s(z) = 1/(1 + exp(-z))\n    a s(a) (1 - s(a)) + b s(b) (1 - s(b)) + c s(c) (1 - s(c)) + d s(d) (1 - s(d))\n  ≤ 0.8954\n', want: 'refuted' },
    // (And not by leaving out every wide enclosure: a constant factor enclosed with
    // cancellation, (1 − s(30)) e^30 ≈ 1, is as wide at every point, and a red team found
    // these checked while the descent read margins only where enclosures were narrow.)
    { name: 'a joint peak behind a factor enclosed with cancellation', text: 'scalar x, y\ndefine s(u) = 1/(1 + exp(-u))\nassume 0 < x < 3, 0 < y < 3\n    sin(x) sin(y) sin(x + y) (1 - s(30)) e^30\n  ≤ 0.6495\n', want: 'refuted' },
    { name: 'in three scalars', text: 'scalar x, y, z\ndefine s(u) = 1/(1 + exp(-u))\nassume 0 < x < 3, 0 < y < 3, 0 < z < 3\n    x y z (3 - x - y - z) (1 - s(30)) e^30\n  ≤ 0.3163\n', want: 'refuted' },
    { name: 'behind a term that cancels to 1', text: 'scalar x, y\nassume 0 < x < 3, 0 < y < 3\n    sin(x) sin(y) sin(x + y) + (e^40 + 1 - e^40)\n  ≤ 1.6495\n', want: 'refuted' },
    // The descent moved only to turns, roots and the ends of a scalar bounded on both sides:
    // under x, y > 0 from its base points (1, 1) and (10, 2) no scalar had a turn inside, and
    // an AM–GM bound below the peak 1/27 at (1/3, 1/3) was checked (a red team).
    { name: 'x y (1 − x − y) ≤ 1/28 under x, y > 0', text: 'scalar x, y\nassume x > 0, y > 0\n    x y (1 - x - y)\n  ≤ 1/28\n', want: 'refuted' },
    { name: 'x y (1 − x − y) < 1/27 fails at (1/3, 1/3)', text: 'scalar x, y\nassume x > 0, y > 0\n    x y (1 - x - y)\n  < 1/27\n', want: 'refuted' },
    { name: 'x y z (1 − x − y − z) ≤ 1/256 − 10⁻¹⁰', text: 'scalar x, y, z\nassume x > 0, y > 0, z > 0\n    x y z (1 - x - y - z)\n  ≤ 1/256 - 10^(-10)\n', want: 'refuted' },
    { name: 'but x y (1 − x − y) ≤ 1/27 holds', text: 'scalar x, y\nassume x > 0, y > 0\n    x y (1 - x - y)\n  ≤ 1/27\n', want: 'passes' },
    { name: 'and x y z (1 − x − y − z) ≤ 1/256', text: 'scalar x, y, z\nassume x > 0, y > 0, z > 0\n    x y z (1 - x - y - z)\n  ≤ 1/256\n', want: 'passes' },
    // A vector's entries each adding the same peak: no drawn vector nears x = 1.5434·(1, …, 1)
    // and no search moved a vector's entries toward it, so these were checked (a red team).
    { name: '∑ x_i s(x_i)(1 − s(x_i)) ≤ 0.2237 n', text: 'integer i\nvector x in R^n\ndefine s(z) = 1/(1 + exp(-z))\n    ∑_{i=1}^{n} x_i s(x_i) (1 - s(x_i))\n  ≤ 0.2237 n\n', want: 'refuted' },
    { name: '∑ x_i s(x_i)(1 − s(x_i)) ≤ 0.2238 n', text: 'integer i\nvector x in R^n\ndefine s(z) = 1/(1 + exp(-z))\n    ∑_{i=1}^{n} x_i s(x_i) (1 - s(x_i))\n  ≤ 0.2238 n\n', want: 'refuted' },
    { name: 'but ∑ x_i s(x_i)(1 − s(x_i)) ≤ 0.2239 n holds', text: 'integer i\nvector x in R^n\ndefine s(z) = 1/(1 + exp(-z))\n    ∑_{i=1}^{n} x_i s(x_i) (1 - s(x_i))\n  ≤ 0.2239 n\n', want: 'passes' },
    { name: 'but the bound just above it holds', text: 'scalar a, b\ndefine s(z) = 1/(1 + exp(-z))\n    a s(a) (1 - s(a)) + b s(b) (1 - s(b))\n  ≤ 0.4478\n', want: 'passes' },
    // 0 to a varying power is 1 where the exponent is 0: a zero the exponent only touches was never sought (a red team).
    { name: '0^((x − 1/3)²) = 0 fails at 1/3', text: 'scalar x\n    0^((x - 1/3)^2)\n  = 0\n', want: 'refuted' },
    { name: 'but 0^(x² + 1) = 0 holds', text: 'scalar x\n    0^(x^2 + 1)\n  = 0\n', want: 'passes' },
    // A constant exponent that is not rational was never taken for a negative one (a red team).
    { name: 'a pole behind the exponent cos(π) = −1', text: 'scalar x\n    x\n  = x + (x - 0.3)^(cos(π)) (x - 0.3) - 1\n', want: 'refuted' },
    // Bounds false only where vectors are small together, at a structured point or near a
    // singular matrix: the probes scaled one vector or matrix at a time, or all by large
    // factors, and never put a matrix near a singular one (a red team; all were checked).
    { name: 'tanh is not 0.999-Lipschitz (near 0)', text: 'vector x, y in R^n\n    ‖tanh(x) - tanh(y)‖\n  ≤ 0.999 ‖x - y‖\n', want: 'refuted' },
    { name: '‖tanh(A x)‖ ≤ 0.999 ‖A‖ ‖x‖ fails at A = I, x small', text: 'vector x in R^n\nmatrix A in R^{n×n}\n    ‖tanh(A x)‖\n  ≤ 0.999 ‖A‖ ‖x‖\n', want: 'refuted' },
    { name: '‖(I + S)⁻¹‖ ≤ 10⁵ fails near S = −I', text: 'matrix S in R^{n×n} symmetric\n    ‖(I + S)⁻¹‖\n  ≤ 10^5\n', want: 'refuted' },
    { name: '‖A⁻¹‖ ≤ 10⁹ fails near A = 0', text: 'matrix A in R^{n×n}\nassume A invertible\n    ‖A⁻¹‖\n  ≤ 10^9\n', want: 'refuted' },
    { name: '‖(I − W)⁻¹‖ ≤ 10⁴ under ‖W‖ < 1 fails near W = I', text: 'matrix W in R^{n×n}\nassume ‖W‖ < 1\n    ‖(I - W)⁻¹‖\n  ≤ 10^4\n', want: 'refuted' },
    { name: '‖A⁻¹‖ ≤ 10⁷ fails near A = 0 (between 10⁶ and the far constants)', text: 'matrix A in R^{n×n}\nassume A invertible\n    ‖A⁻¹‖\n  ≤ 10^7\n', want: 'refuted' },
    { name: '‖(I − W)⁻¹‖ ≤ 10⁸ under ‖W‖ < 1 fails near W = I', text: 'matrix W in R^{n×n}\nassume ‖W‖ < 1\n    ‖(I - W)⁻¹‖\n  ≤ 10^8\n', want: 'refuted' },
    { name: 'but ‖tanh(x) − tanh(y)‖ ≤ ‖x − y‖ holds', text: 'vector x, y in R^n\n    ‖tanh(x) - tanh(y)‖\n  ≤ ‖x - y‖\n', want: 'passes' },
    { name: 'and ‖(I − W)⁻¹‖ ≤ 1/(1 − ‖W‖) under ‖W‖ < 1', text: 'matrix W in R^{n×n}\nassume ‖W‖ < 1\n    ‖(I - W)⁻¹‖\n  ≤ 1/(1 - ‖W‖)\n', want: 'passes' },
    { name: 'and ‖(I + P)⁻¹‖ ≤ 1 for P positive definite', text: 'matrix P in R^{n×n} positive definite\n    ‖(I + P)⁻¹‖\n  ≤ 1\n', want: 'passes' },
    // The integer ladder stopped at t + 256 wherever a recurrence was in scope, read or not (a red team).
    { name: '0.9^t ≥ 10⁻⁵⁰ beside a recurrence it does not read', text: 'integer t\nscalar u_t\ndefine u_0 = 1\ndefine u_t = 1.01 u_{t-1} for t ≥ 1\nshow "L3": 0.9^t ≥ 10^(-50)   for all t ≥ 0\n', want: 'refuted' },
    // (But a step with a ∑ beside a recurrence keeps the short ladder: momentum files' sum
    // bounds climbed to t + 16,384 and ran out of time, unknown; a red team.)
    { name: 'a momentum file\'s bound on a ∑ of vectors passes in time', text: 'scalar β\ninteger t, i\nassume 0 < β < 1\nvector g_t in R^n\nvector v_t in R^n\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\n    ‖(1-β) ∑_{i=1}^{t} β^{t-i} g_i‖\n  ≤ (1-β) ∑_{i=1}^{t} β^{t-i} ‖g_i‖\n', want: 'passes' },
    { name: 'and one on a ∑ of scalars', text: 'scalar β\ninteger t, i\nassume 0 < β < 1, t ≥ 0\nvector g_t in R^n\nvector v_t in R^n\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\n    ∑_{i=1}^{t} β^(t-i)\n  < 1/(1 - β)\n', want: 'passes' },
    { name: 'the cube root of x² is not x^(2/3) for negative x', text: 'scalar x\nassume x > -1\n    (x^2)^(1/3)\n  = x^(2/3)\n', want: 'refuted' },
    { name: 'nor the square of x^(1/3)', text: 'scalar x\nassume x > -1\n    (x^2)^(1/3)\n  = (x^(1/3))^2\n', want: 'refuted' },
    { name: 'but (x³)^(1/5) = x^(3/5): both undefined for x < 0', text: 'scalar x\n    (x^3)^(1/5)\n  = x^(3/5) + 0\n', want: 'passes' },
    { name: 'read the other way it extends the left side', text: 'scalar x\nassume x > -1\n    x^(2/3)\n  = (x^2)^(1/3)\n', want: 'passes' },
    // The identity test's substitution symbols once keyed a family member in a ∑ by its written
    // subscript: a_i stood for a_1 and a_2 alike, and these were proved.
    { name: 'a ∑ of sin of a family\'s members, weighted differently', text: 'scalar a_t\ninteger i\n    ∑_{i=1}^{2} i sin(a_i)\n  = ∑_{i=1}^{2} (3 - i) sin(a_i)\n', want: 'refuted' },
    { name: 'and of cos of a monomial with a member', text: 'scalar a_t, x\ninteger i\n    ∑_{i=1}^{2} i cos(a_i x)\n  = ∑_{i=1}^{2} (3 - i) cos(a_i x)\n', want: 'refuted' },
    { name: 'and of exp beside a huge constant', text: 'scalar a_t, x, y\ninteger i\n    10^1000 + ∑_{i=1}^{3} i exp(a_i x y)\n  = 10^1000 + ∑_{i=1}^{3} 2 exp(a_i x y)\n', want: 'fails' },
    // Under an equation among the assumptions the pole search's probes (x put at a divisor's
    // zero, the rest kept) broke it, and these were proved; the others are now solved for.
    { name: 'a divisor\'s zero under x + y = 1', text: 'scalar x, y\nassume x + y = 1\n    1\n  = (x - 1/3)/(x - 1/3)\n', want: 'refuted' },
    { name: 'and of the other name', text: 'scalar x, y\nassume x + y = 1\n    y\n  = y (y - 1/5)/(y - 1/5)\n', want: 'refuted' },
    { name: 'a divisor\'s zero under x y = 1', text: 'scalar x, y\nassume x y = 1\n    1\n  = (x - 1/3)/(x - 1/3)\n', want: 'refuted' },
    { name: 'a divisor\'s zero on the unit circle', text: 'scalar x, y\nassume x^2 + y^2 = 1\n    1\n  = (x - 3/5)/(x - 3/5)\n', want: 'refuted' },
    { name: 'on the upper half of the unit circle', text: 'scalar x, y\nassume x^2 + y^2 = 1, y > 0\n    1\n  = (x - 3/5)/(x - 3/5)\n', want: 'refuted' },
    { name: 'and at an irrational y there', text: 'scalar x, y\nassume x^2 + y^2 = 1, y > 0\n    1\n  = (x - 1/2)/(x - 1/2)\n', want: 'refuted' },
    { name: 'but not where the circle has no point', text: 'scalar x, y\nassume x^2 + y^2 = 1, y > 0\n    1\n  = (x - 2)/(x - 2)\n', want: 'passes' },
    // (A divisor in both names, zero on the equation's solutions: y put in from an equation linear in it.)
    { name: 'x − 2y on x + y = 1, x, y > 0', text: 'scalar x, y\nassume x + y = 1, x > 0, y > 0\n    1\n  = (x - 2 y)/(x - 2 y)\n', want: 'refuted' },
    { name: 'x + y − 6 on the parabola x² − y = 0', text: 'scalar x, y\nassume x^2 - y = 0\n    1\n  = (x + y - 6)/(x + y - 6)\n', want: 'refuted' },
    { name: 'x − y + 6 on its left half', text: 'scalar x, y\nassume x^2 - y = 0, x < 0\n    1\n  = (x - y + 6)/(x - y + 6)\n', want: 'refuted' },
    { name: 'x + y − 5/2 on x y = 1', text: 'scalar x, y\nassume x y = 1\n    1\n  = (x + y - 5/2)/(x + y - 5/2)\n', want: 'refuted' },
    { name: 'but x² + y + 1 is never 0 on the parabola', text: 'scalar x, y\nassume x^2 - y = 0\n    1\n  = (x^2 + y + 1)/(x^2 + y + 1)\n', want: 'passes' },
    { name: 'the step read the other way passes', text: 'scalar x, y\nassume x + y = 1\n    (x - 1/3)/(x - 1/3)\n  = 1\n', want: 'passes' },
    // A divisor that touches 0 at one point with one coordinate 0 (its turn along x on the grid's
    // −10⁻³⁰⁰, 0, 10⁻³⁰⁰, where g′ underflows) was never sought across both scalars: proved.
    { name: 'a touch at (0, π)', text: 'scalar x, y\n    1\n  = (x^2 + (y - π)^2)/(x^2 + (y - π)^2)\n', want: 'refuted' },
    { name: 'a touch at (0, e)', text: 'scalar x, y\n    1\n  = (x^2 + (y - e)^2)/(x^2 + (y - e)^2)\n', want: 'refuted' },
    { name: 'a touch at (0, π/2) of cos', text: 'scalar x, y\n    1\n  = (x^2 + cos(y)^2)/(x^2 + cos(y)^2)\n', want: 'refuted' },
    // (And at a grid point of the descent's scan: g exactly 0 there once the other name moved.)
    { name: 'a touch at (0, 5)', text: 'scalar x, y\n    1\n  = (x^2 + (y - 5)^2)/(x^2 + (y - 5)^2)\n', want: 'refuted' },
    { name: 'a touch at (1, 5)', text: 'scalar x, y\n    1\n  = ((x - 1)^2 + (y - 5)^2)/((x - 1)^2 + (y - 5)^2)\n', want: 'refuted' },
    { name: 'a touch at (7/2, −1) inside x > 1, y < 0', text: 'scalar x, y\nassume x > 1, y < 0\n    1\n  = ((x - 7/2)^2 + (y + 1)^2)/((x - 7/2)^2 + (y + 1)^2)\n', want: 'refuted' },
    { name: 'a touch at (√2, 0)', text: 'scalar x, y\n    1\n  = ((x - √2)^2 + y^2)/((x - √2)^2 + y^2)\n', want: 'refuted' },
    // Past every precision: 1 − tanh(x² + 10^400) and exp(−x² − 10^400) are below what decimals
    // hold, so agreement with 1 or 0 rests on nothing; these were checked.
    { name: 'tanh(x² + 10^400) is not 1', text: 'scalar x\n    tanh(x^2 + 10^400)\n  = 1\n', want: 'fails' },
    { name: 'tanh(−x² − 10^400) is not −1', text: 'scalar x\n    tanh(-x^2 - 10^400)\n  = -1\n', want: 'fails' },
    { name: 'exp(−x² − 10^400) is not 0', text: 'scalar x\n    exp(-x^2 - 10^400)\n  = 0\n', want: 'fails' },
    { name: 'exp(−10^400) x is not 0', text: 'scalar x\n    exp(-10^400) x\n  = 0\n', want: 'fails' },
    { name: 'exp(−exp(x² + 720)) is not 0', text: 'scalar x\n    exp(-exp(x^2 + 720))\n  = 0\n', want: 'fails' },
    // (Where nerdamer proves the difference 0, its proof stands on those agreements, as before.)
    { name: 'but exp(−x² − 10^400) = exp(−x²) exp(−10^400) is proved', text: 'scalar x\n    exp(-x^2 - 10^400)\n  = exp(-x^2) exp(-10^400)\n', want: 'passes' },
    // (The identity test's degree bound was NaN for a coefficient of 10^(−400), and NaN passed its
    // checks: these were proved "at NaN random points".)
    { name: 'cos(10^(−400)) is not ≥ 1', text: '    cos(10^(-400))\n  ≥ 1\n', want: 'fails' },
    { name: 'cos(10^(−400)) is not 1', text: '    cos(10^(-400))\n  = 1\n', want: 'fails' },
    { name: 'but cos(10^(−400)) ≤ 1', text: '    cos(10^(-400))\n  ≤ 1\n', want: 'passes' },
    { name: 'tanh(10^400) is not 1', text: '    tanh(10^400)\n  = 1\n', want: 'fails' },
    { name: 'and of the logarithm of a member', text: 'scalar a_t\ninteger i\n    10^1000 + ∑_{i=1}^{3} i log(2 a_i^2)\n  = 10^1000 + ∑_{i=1}^{3} 2 log(2 a_i^2)\n', want: 'fails' },
    { name: 'positive definite has no det ≥ 1', text: 'matrix P in R^{n×n} positive definite\n    det(P)\n  ≥ 1\n', want: 'refuted' },
    { name: 'orthogonal is not symmetric', text: 'matrix Q in R^{n×n} orthogonal\n    Qᵀ\n  = Q\n', want: 'refuted' },
    { name: 'orthogonal is not an involution', text: 'matrix Q in R^{n×n} orthogonal\n    Q Q\n  = I\n', want: 'refuted' },
    { name: 'orthogonal det can be 1', text: 'matrix Q in R^{n×n} orthogonal\n    det(Q)\n  = -1\n', want: 'refuted' },
    { name: 'invertible det can be small', text: 'matrix A in R^{n×n} invertible\n    |det(A)|\n  ≥ 1\n', want: 'refuted' },
    { name: 'diagonal can be singular', text: 'matrix D in R^{n×n} diagonal\n    det(D)\n  ≠ 0\n', want: 'refuted' },
    { name: 'symmetric can be negative definite', text: 'matrix H in R^{n×n} symmetric\n    λ_max(H)\n  ≥ 0\n', want: 'refuted' },
    { name: 'a vector can be 0', text: `${M}    ‖x‖\n  > 0\n`, want: 'refuted' },
    { name: 'a product with a matrix can be 0', text: `${M}    ‖A x‖\n  > 0\n`, want: 'refuted' },
    { name: 'a matrix can be 0', text: `${M}    ‖A‖\n  > 0\n`, want: 'refuted' },
    { name: 'dividing by ‖x‖² is not an equivalence', text: `${M}scalar a, b\n    ‖x‖² a ≤ ‖x‖² b\n  ⇔ a ≤ b\n`, want: 'refuted' },
    { name: 'n and m differ', text: 'matrix A in R^{n×m}\n    det(Aᵀ A)\n  = det(A Aᵀ)\n', want: 'refuted' },
    { name: 'I_n and I_m differ', text: 'matrix A in R^{n×m}\n    tr(I_n)\n  = tr(I_m)\n', want: 'fails' },
    { name: 'a non-square orthogonal matrix', text: 'matrix A in R^{n×m} orthogonal\n    A\n  = A\n', want: 'error' },
    { name: 'I beside a non-square matrix', text: 'matrix A in R^{2×3}\n    A + I\n  = I + A\n', want: 'error' },
    { name: 'c I beside a non-square matrix', text: 'matrix A in R^{n×m}\n    A + 2 I\n  = A\n', want: 'error' },
    { name: 'the I of X + c I takes X\'s size', text: 'matrix X in R^{n×n}\nvector w in R^n\nscalar c\n    (X + c I) w\n  = X w + c w\n', want: 'passes' },
    { name: 'and a wrong step with it is refuted', text: 'matrix X in R^{n×n}\nvector w in R^n\nscalar c\n    (X + c I) w\n  = X w + 2 c w\n', want: 'refuted' },
    { name: 'the ridge gradient', text: 'scalar λ\nvector w in R^n\nvector r in R^m\nmatrix X in R^{m×n}\n    ∇_w (1/2 ‖X w - r‖² + λ/2 ‖w‖²)\n  = (Xᵀ X + λ I) w - Xᵀ r\n', want: 'passes' },
    { name: 'A^{t-1} is a whole-number power', text: 'integer t\nmatrix A in R^{n×n}\nassume t ≥ 1\n    A^t\n  = A A^{t-1}\n', want: 'passes' },
    { name: 'and A^{t-1} A² is not A^t', text: 'integer t\nmatrix A in R^{n×n}\nassume t ≥ 1\n    A^t\n  = A^{t-1} A^2\n', want: 'refuted' },
    // LANGUAGE.md §3, domains: read left to right, a step may extend the left side's
    // domain (√x < 2 is undefined at x = −1, x < 4 is true there) but never shrink it.
    { name: 'x < 4 ⇔ √x < 2 loses x < 0', text: 'scalar x\n    x < 4\n  ⇔ √x < 2\n', want: 'refuted' },
    { name: 'x < 1 ⇔ log x < 0 loses x ≤ 0', text: 'scalar x\n    x < 1\n  ⇔ log(x) < 0\n', want: 'refuted' },
    // ⇔ between (in)equalities keeps solution sets (§5.5): a statement with no value is no
    // solution, on the left too, so these gain solutions (the forgotten domain) and are wrong.
    { name: '√x < 2 ⇔ x < 4 gains x < 0', text: 'scalar x\n    √x < 2\n  ⇔ x < 4\n', want: 'refuted' },
    { name: 'log x ≤ 0 ⇔ x ≤ 1 gains x ≤ 0', text: 'scalar x\n    log(x) ≤ 0\n  ⇔ x ≤ 1\n', want: 'refuted' },
    { name: '1/x > 0 ⇔ x ≥ 0 gains x = 0', text: 'scalar x\n    1/x > 0\n  ⇔ x ≥ 0\n', want: 'refuted' },
    { name: 'x/(x − 1) ≥ 0 ⇔ x ≤ 0 or x ≥ 1 gains x = 1', text: 'scalar x\n    x/(x-1) ≥ 0\n  ⇔ x ≤ 0 or x ≥ 1\n', want: 'refuted' },
    { name: '(x² − 1)/(x − 1) = 2 ⇔ x + 1 = 2 gains x = 1', text: 'scalar x\n    (x^2 - 1)/(x - 1) = 2\n  ⇔ x + 1 = 2\n', want: 'refuted' },
    { name: 'log x ≥ 0 ⇔ x ≥ 1 keeps the solution set', text: 'scalar x\n    log(x) ≥ 0\n  ⇔ x ≥ 1\n', want: 'passes' },
    { name: '√x < 2 ⇒ x < 4 (a ⇒ holds where its left has no value)', text: 'scalar x\n    √x < 2\n  ⇒ x < 4\n', want: 'passes' },
    // (A part of an `or` or `and` with no value leaves the other to decide: x ≤ 0 holds at x = −1.)
    { name: 'log x ≤ 0 or x ≤ 0 ⇔ x ≤ 1', text: 'scalar x\n    log(x) ≤ 0 or x ≤ 0\n  ⇔ x ≤ 1\n', want: 'passes' },
    { name: 'x < 0 or √x ≤ 2 ⇔ x ≤ 4', text: 'scalar x\n    x < 0 or √x ≤ 2\n  ⇔ x ≤ 4\n', want: 'passes' },
    { name: 'x ≤ 1 ⇔ log x ≤ 0 or x ≤ 0', text: 'scalar x\n    x ≤ 1\n  ⇔ log(x) ≤ 0 or x ≤ 0\n', want: 'passes' },
    { name: 'x > 0 and log x ≤ 0 ⇔ 0 < x ≤ 1', text: 'scalar x\n    x > 0 and log(x) ≤ 0\n  ⇔ 0 < x ≤ 1\n', want: 'passes' },
    { name: 'log x ≤ 0 or x < 0 ⇔ x ≤ 1 gains x = 0', text: 'scalar x\n    log(x) ≤ 0 or x < 0\n  ⇔ x ≤ 1\n', want: 'refuted' },
    { name: '√x < 2 ⇔ x < 4 under x ≥ 0', text: 'scalar x\nassume x ≥ 0\n    √x < 2\n  ⇔ x < 4\n', want: 'passes' },
    // Vectors and matrices on the bounds the statements' own comparisons state: sampled
    // points are off the sphere ‖x‖ = 1 almost surely, where these differ.
    { name: 'log(1 − ‖x‖) ≤ 0 ⇔ ‖x‖ ≤ 1 gains the sphere', text: 'vector x in R^3\n    log(1 - ‖x‖) ≤ 0\n  ⇔ ‖x‖ ≤ 1\n', want: 'refuted' },
    { name: '1/(1 − xᵀx) > 0 ⇔ xᵀx ≤ 1 gains the sphere', text: 'vector x in R^3\n    1/(1 - xᵀx) > 0\n  ⇔ xᵀx ≤ 1\n', want: 'refuted' },
    { name: '√(4 − xᵀx) ≥ 0 ⇔ xᵀx < 4 loses the sphere', text: 'vector x in R^3\n    √(4 - xᵀx) ≥ 0\n  ⇔ xᵀx < 4\n', want: 'refuted' },
    { name: 'log(1 − ‖A‖) ≤ 0 ⇔ ‖A‖ ≤ 1 gains ‖A‖ = 1', text: 'matrix A in R^{3×3}\n    log(1 - ‖A‖) ≤ 0\n  ⇔ ‖A‖ ≤ 1\n', want: 'refuted' },
    { name: 'log(1 − ‖x‖) ≤ 0 ⇔ ‖x‖ < 1 keeps the solution set', text: 'vector x in R^3\n    log(1 - ‖x‖) ≤ 0\n  ⇔ ‖x‖ < 1\n', want: 'passes' },
    { name: '√(4 − xᵀx) ≥ 0 ⇔ xᵀx ≤ 4 keeps the solution set', text: 'vector x in R^3\n    √(4 - xᵀx) ≥ 0\n  ⇔ xᵀx ≤ 4\n', want: 'passes' },
    { name: '‖x‖² ≤ 4 ⇔ ‖x‖ ≤ 2', text: 'vector x in R^3\n    ‖x‖^2 ≤ 4\n  ⇔ ‖x‖ ≤ 2\n', want: 'passes' },
    // Bounds on expressions of several names (a red team's): one on its bound, the others at
    // 0 or e₁/I, or all at once, or all at e₁ (parallel vectors).
    { name: 'xᵀAx ≤ 1 ⇔ xᵀAx < 1 (at A = I, x = e₁)', text: 'vector x in R^3\nmatrix A in R^{3×3}\n    xᵀA x ≤ 1\n  ⇔ xᵀA x < 1\n', want: 'refuted' },
    { name: '‖A x‖ ≤ 1 ⇔ ‖A x‖ < 1', text: 'vector x in R^3\nmatrix A in R^{3×3}\n    ‖A x‖ ≤ 1\n  ⇔ ‖A x‖ < 1\n', want: 'refuted' },
    { name: '‖A B‖ ≤ 1 ⇔ ‖A B‖ < 1', text: 'matrix A, B in R^{3×3}\n    ‖A B‖ ≤ 1\n  ⇔ ‖A B‖ < 1\n', want: 'refuted' },
    { name: 'xᵀy/(‖x‖‖y‖) < 1 ⇔ x, y ≠ 0 fails for parallel vectors', text: 'vector x, y in R^3\n    xᵀy/(‖x‖ ‖y‖) < 1\n  ⇔ ‖x‖ > 0 and ‖y‖ > 0\n', want: 'refuted' },
    { name: '‖x − y‖ ≤ 2 ⇔ ‖x − y‖ < 2 (at y = 0)', text: 'vector x, y in R^3\n    ‖x - y‖ ≤ 2\n  ⇔ ‖x - y‖ < 2\n', want: 'refuted' },
    { name: '‖x‖ ≤ 1 and ‖y‖ ≤ 1 ⇔ ‖x‖ < 1 and ‖y‖ < 1 (both on their spheres)', text: 'vector x, y in R^3\n    ‖x‖ ≤ 1 and ‖y‖ ≤ 1\n  ⇔ ‖x‖ < 1 and ‖y‖ < 1\n', want: 'refuted' },
    { name: '‖x‖ − 1 ≤ 0 ⇔ ‖x‖ − 1 < 0 (an affine side)', text: 'vector x in R^3\n    ‖x‖ - 1 ≤ 0\n  ⇔ ‖x‖ - 1 < 0\n', want: 'refuted' },
    { name: '‖A x‖ ≤ 1 ⇔ ‖A x‖² ≤ 1', text: 'vector x in R^3\nmatrix A in R^{3×3}\n    ‖A x‖ ≤ 1\n  ⇔ ‖A x‖^2 ≤ 1\n', want: 'passes' },
    { name: 'xᵀAx ≤ 1 ⇔ 2 xᵀAx ≤ 2', text: 'vector x in R^3\nmatrix A in R^{3×3}\n    xᵀA x ≤ 1\n  ⇔ 2 xᵀA x ≤ 2\n', want: 'passes' },
    // A name the premise does not bound, at 0, e₁/I, or antiparallel (a fourth red team's).
    { name: '‖x‖ = 1 ⇒ ‖A x‖ > 0 fails at A = 0', text: 'vector x in R^n\nmatrix A in R^{n×n}\n    ‖x‖ = 1\n  ⇒ ‖A x‖ > 0\n', want: 'refuted' },
    { name: '‖x‖ = 1 ⇒ xᵀSx < ‖S‖ fails at S = I', text: 'vector x in R^n\nmatrix S in R^{n×n} symmetric\n    ‖x‖ = 1\n  ⇒ xᵀ S x < ‖S‖\n', want: 'refuted' },
    { name: 'unit x, y ⇒ ‖x − y‖ < 2 fails at y = −x', text: 'vector x, y in R^n\n    ‖x‖ = 1 and ‖y‖ = 1\n  ⇒ ‖x - y‖ < 2\n', want: 'refuted' },
    { name: '‖x‖ = 2 ⇒ ‖x‖‖y‖ > |xᵀy| fails for y parallel to x', text: 'vector x, y in R^n\n    ‖x‖ = 2\n  ⇒ ‖x‖ ‖y‖ > |xᵀy|\n', want: 'refuted' },
    // A point that solves the premise's equation is searched along the other scalars (a red
    // team's: x = 1 ⇒ a ≤ 1 and a ≥ 0 was checked, a having taken 0 and 1/2 there).
    { name: 'x = 1 ⇒ a ≤ 1 and a ≥ 0', text: 'scalar x, a\n    x = 1\n  ⇒ a ≤ 1 and a ≥ 0\n', want: 'refuted' },
    { name: 'y = 1 ⇒ s(a) ≥ 1/2 for the logistic s', text: 'scalar y, a\ndefine s(z) = 1/(1 + exp(-z))\n    y = 1\n  ⇒ s(a) ≥ 1/2\n', want: 'refuted' },
    { name: 'x = 1 ⇒ b x ≥ 0', text: 'scalar x, b\n    x = 1\n  ⇒ b x ≥ 0\n', want: 'refuted' },
    { name: 'x = 1 ⇔ x = 1 and b > 0', text: 'scalar x, b\n    x = 1\n  ⇔ x = 1 and b > 0\n', want: 'refuted' },
    { name: 'x = a ⇒ a ≥ 0 (moved off x = a, solved back on it)', text: 'scalar x, a\n    x = a\n  ⇒ a ≥ 0\n', want: 'refuted' },
    { name: 'x = a b ⇒ x ≥ 0', text: 'scalar x, a, b\n    x = a b\n  ⇒ x ≥ 0\n', want: 'refuted' },
    { name: 'x = a² ⇒ x ≥ 0 is right', text: 'scalar x, a\n    x = a^2\n  ⇒ x ≥ 0\n', want: 'passes' },
    { name: 'x = 1 ⇒ x b² ≥ 0 is right', text: 'scalar x, b\n    x = 1\n  ⇒ x b^2 ≥ 0\n', want: 'passes' },
    { name: 'x = 1 ⇔ x = 1 and b² ≥ 0 is right', text: 'scalar x, b\n    x = 1\n  ⇔ x = 1 and b^2 ≥ 0\n', want: 'passes' },
    { name: 'xᵀPx = 1 ⇒ ‖P‖‖x‖² ≥ 1 is right', text: 'vector x in R^n\nmatrix P in R^{n×n} positive definite\n    xᵀ P x = 1\n  ⇒ ‖P‖ ‖x‖^2 ≥ 1\n', want: 'passes' },
    // A statement with no value has no solutions there: where the left one is false too,
    // the solution sets agree (LANGUAGE.md §5.5), so these are right.
    { name: 'assume t = 2 holds for an integer read in an exponent', text: 'integer t\nscalar a\nassume t = 2\n    a^t\n  = a a\n', want: 'passes' },
    { name: 'and in a sum bound', text: 'integer t\nassume t = 3\n    ∑_{i=1}^{t} i\n  = 6\n', want: 'passes' },
    { name: 'a wrong sum under assume t = 3', text: 'integer t\nassume t = 3\n    ∑_{i=1}^{t} i\n  = 7\n', want: 'refuted' },
    { name: 'x ≥ 1 ⇔ log x ≥ 0 keeps the solution set', text: 'scalar x\n    x ≥ 1\n  ⇔ log(x) ≥ 0\n', want: 'passes' },
    { name: 'x ≥ 1 ⇔ √(x − 1) ≥ 0 keeps the solution set', text: 'scalar x\n    x ≥ 1\n  ⇔ √(x - 1) ≥ 0\n', want: 'passes' },
    { name: 'x ≥ 0 ⇔ log x ≥ 0 loses 0 < x < 1 and x = 0', text: 'scalar x\n    x ≥ 0\n  ⇔ log(x) ≥ 0\n', want: 'refuted' },
    { name: 'a vector-valued function is a vector', text: `function F : R^n → R^n\n${M}    F(x) F(x)ᵀ A\n  = A F(x) F(x)ᵀ\n`, want: 'refuted' },
    { name: 'v_0 = 0 is in range', text: 'scalar β\nvector g_t, v_t in R^n\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) g_t for t ≥ 1\n    ‖v_t‖\n  > 0\n', want: 'refuted' },
    { name: 'integers go past 6', text: 'integer k\nshow 2^k ≤ 5000   for all k ≥ 0\n', want: 'refuted' },
    { name: 'scalars go past 1e5', text: 'scalar y\n    y\n  ≤ 10^6\n', want: 'refuted' },
    { name: 'an interval reaches near its ends', text: 'scalar x\nassume 0 < x < 1\n    x²\n  ≥ 10^(-9)\n', want: 'refuted' },
    { name: 'a built-in cannot be redefined', text: 'define sin(x) = x\n    sin(y)\n  = y\n', want: 'error' },
    { name: 'a built-in cannot be declared', text: 'function tan : R → R\n    tan(x)\n  = sin(x)/cos(x)\n', want: 'error' },
    { name: 'contradictory equality assumptions have no point', text: 'scalar x\nassume x = 1, x = 2\n    x\n  = 1\n', want: 'fails' },
    { name: 'a symbolic struggle leaves time to refute', text: 'scalar x\n    sin(x)^50 + cos(x)^50\n  = 1\n', want: 'refuted' },
    { name: 'A^0 = I', text: `${M}    A^0\n  = I\n`, want: 'passes' },
    { name: 'A^{-2} = (A A)⁻¹', text: 'matrix A in R^{n×n} invertible\n    A^{-2}\n  = (A A)⁻¹\n', want: 'passes' },
    { name: 'a diagonal positive definite matrix commutes with a diagonal one', text: 'matrix P, D in R^{n×n} diagonal\nassume P positive definite\n    P D\n  = D P\n', want: 'passes' },
    { name: 'for all x ≥ 1 holds in the check', text: 'scalar x\nshow x² ≥ x   for all x ≥ 1\n', want: 'passes' },
    { name: 'a target with an offset', text: 'scalar a_t\ndefine a_0 = 1\ndefine a_{t+1} = 2 a_t for t ≥ 0\n    a_3\n  = 8\n', want: 'passes' },
    { name: 'tr(I_n) = n', text: 'matrix A in R^{n×n}\n    tr(I_n)\n  = n\n', want: 'passes' },
    { name: 'orthogonal is invertible', text: 'matrix Q in R^{n×n} orthogonal\n    Q Q⁻¹\n  = I      since Q invertible\n', want: 'passes' },
    { name: 'a dimension of 0', text: 'vector x in R^0\n    x\n  = x\n', want: 'error' },
    { name: 'x² = 9 ⇔ x = 3 loses x = −3', text: 'scalar x\n    x² = 9\n  ⇔ x = 3\n', want: 'refuted' },
    { name: '|x| = 3 ⇔ x = 3 loses x = −3', text: 'scalar x\n    |x| = 3\n  ⇔ x = 3\n', want: 'refuted' },
    { name: 'x² = y² ⇒ x = y', text: 'scalar x, y\n    x² = y²\n  ⇒ x = y\n', want: 'refuted' },
    { name: 'x² = 9 ⇒ x = 3', text: 'scalar x\n    x² = 9\n  ⇒ x = 3\n', want: 'refuted' },
    { name: 'x² = 9 ⇔ x = 3 or x = −3 on a continuation line', text: 'scalar x\n    x² = 9\n  ⇔ x = 3 or x = -3\n', want: 'passes' },
    { name: 'x² = 9 ⇔ x = 3 or x = 3 on a continuation line', text: 'scalar x\n    x² = 9\n  ⇔ x = 3 or x = 3\n', want: 'refuted' },
    { name: '2x + 1 = 7 ⇔ x = 3 (a true equivalence, no longer vacuous)', text: 'scalar x\n    2x + 1 = 7\n  ⇔ x = 3\n', want: 'passes' },
    // (Red team rt120: checked, the left statement false at every point tried.)
    { name: 'a ⇒ whose left statement held at no point tried is no pass', text: 'scalar x, y\n    (x - 2y)^2 + (x + y - 3/7)^2 < 1/100\n  ⇒ x > 1\n', want: 'fails' },
    { name: 'nor one whose left statement holds on a line only', text: 'scalar x, y\n    |3x - y| + |x + y - 1| ≤ 0\n  ⇒ x > 1\n', want: 'fails' },
    // (Red team rt120: checked. The statement search looked at the comparisons' own boundaries,
    // never along the premise's solutions; now each conclusion is searched under its premise.)
    { name: 'x + y = 1 ⇒ xy ≤ 0.1 fails at x = y = 1/2', text: 'scalar x, y\n    x + y = 1\n  ⇒ x y ≤ 0.1\n', want: 'refuted' },
    { name: 'x² + y² = 1 ⇒ 3x + 4y ≤ 4.9 fails at (3/5, 4/5)', text: 'scalar x, y\n    x^2 + y^2 = 1\n  ⇒ 3x + 4y ≤ 4.9\n', want: 'refuted' },
    { name: 'x² + 4y² < 1 ⇒ x + y < 1 fails on an arc', text: 'scalar x, y\n    x^2 + 4y^2 < 1\n  ⇒ x + y < 1\n', want: 'refuted' },
    { name: 'x + y = 1 ⇔ x + y = 1 and xy ≤ 0.2 fails at x = y = 1/2', text: 'scalar x, y\n    x + y = 1\n  ⇔ x + y = 1 and x y ≤ 0.2\n', want: 'refuted' },
    { name: 'x + y = 1 ⇒ xy ≤ 1/4 passes', text: 'scalar x, y\n    x + y = 1\n  ⇒ x y ≤ 0.25\n', want: 'passes' },
    { name: 'x² + y² = 1 ⇒ x + y ≤ 1.4143 passes', text: 'scalar x, y\n    x^2 + y^2 = 1\n  ⇒ x + y ≤ 1.4143\n', want: 'passes' },
    // (Red team rt121: unknown; the statement search found no point on the ellipse.)
    { name: 'x² + 3y² = 1 ⇒ xy ≤ 1/(2√3) passes', text: 'scalar x, y\n    x^2 + 3y^2 = 1\n  ⇒ x y ≤ 1/(2√3)\n', want: 'passes' },
    { name: 'x² < 4 ⇔ −2 < x < 2 passes', text: 'scalar x\n    x^2 < 4\n  ⇔ -2 < x < 2\n', want: 'passes' },
    // (Red team rt120: checked. 0 only where both kinks are, (2/7, 1/7): no grid value, and a
    // search along one scalar stalls at a kink.)
    { name: '|x − 2y| + |x + y − 3/7| > 0 fails at (2/7, 1/7)', text: 'scalar x, y\n    |x - 2y| + |x + y - 3/7|\n  > 0\n', want: 'refuted' },
    { name: '… ≥ 10⁻⁶ too', text: 'scalar x, y\n    |x - 2y| + |x + y - 3/7|\n  ≥ 10^(-6)\n', want: 'refuted' },
    { name: '… with √(u²) for |u|', text: 'scalar x, y\n    √((x - 2y)^2) + √((x + y - 3/7)^2)\n  > 0\n', want: 'refuted' },
    { name: '… with min(|u|, 1)', text: 'scalar x, y\n    min(|x - 2y|, 1) + |x + y - 3/7|\n  > 0\n', want: 'refuted' },
    { name: '… in three scalars', text: 'scalar x, y, z\n    |x - 2y| + |x + y - 3/7| + |z - 1|\n  > 0\n', want: 'refuted' },
    { name: '… with a square for one of them', text: 'scalar x, y\n    (x - 2y)^2 + |x + y - 3/7|\n  > 0\n', want: 'refuted' },
    { name: '|x − 2y| + |x − 2y + 1| ≥ 1 passes', text: 'scalar x, y\n    |x - 2y| + |x - 2y + 1|\n  ≥ 1\n', want: 'passes' },
    // (Red team rt119: checked. They fail only near skew-symmetric matrices, which no draw of
    // independent entries is.)
    { name: 'tr(A²) ≥ −0.99‖A‖_F² fails at a skew A', text: 'matrix A in R^{n×n}\n    tr(A^2)\n  ≥ -0.99 ‖A‖_F^2\n', want: 'refuted' },
    { name: 'det(A² + I) > 0 fails at a rotation', text: 'matrix A in R^{n×n}\n    det(A^2 + I)\n  > 0\n', want: 'refuted' },
    { name: 'log det(A² + I) ≥ 0 fails at a small skew A', text: 'matrix A in R^{n×n}\n    log(det(A^2 + I))\n  ≥ 0\n', want: 'refuted' },
    { name: 'det(A⁴ + I) > 0 fails at a 4 × 4 companion matrix', text: 'matrix A in R^{n×n}\n    det(A^4 + I)\n  > 0\n', want: 'refuted' },
    // (Red team rt121: checked; at the skew A the margin is below double precision.)
    { name: 'tr(A²) ≥ −(1 − 10⁻¹⁷)‖A‖_F² fails at a skew A, in decimals', text: 'matrix A in R^{n×n}\n    tr(A^2)\n  ≥ -(1 - 10^(-17)) ‖A‖_F^2\n', want: 'refuted' },
    { name: 'tr(A²) ≥ −‖A‖_F² passes', text: 'matrix A in R^{n×n}\n    tr(A^2)\n  ≥ -‖A‖_F^2\n', want: 'passes' },
    { name: 'det(A² + I) ≥ 0 passes', text: 'matrix A in R^{n×n}\n    det(A^2 + I)\n  ≥ 0\n', want: 'passes' },
    { name: 'a ⇒ whose left statement held at some points still passes', text: 'scalar x, y\n    x^2 + y^2 < 1\n  ⇒ x < 1\n', want: 'passes' },
    { name: 'an equation among the assumptions is solved, not hoped for', text: 'scalar α, β\nassume α + β = 1\n    α\n  = 1 - β\n', want: 'passes' },
    { name: 'and a wrong step under it is refuted at a point that meets it', text: 'scalar α, β\nassume α + β = 1\n    α\n  = β\n', want: 'refuted' },
    { name: 'a file-level definition is not read with a section\'s new meaning of its names', text: 'scalar x\ndefine y = x²\nsection "s"\ninteger x\n    √y\n  = x\n', want: 'fails' },
    { name: 'E is linear: E[2g + μ] = 3μ', text: 'vector g, μ in R^n\nrandom g in R^n with E[g] = μ\n    E[2 g + μ]\n  = 3 μ\n', want: 'passes' },
    { name: 'E[2g] = μ is wrong', text: 'vector g, μ in R^n\nrandom g in R^n with E[g] = μ\n    E[2 g]\n  = μ\n', want: 'refuted' },
    { name: 'E[g gᵀ] needs second moments: not a pass', text: 'vector g, μ in R^n\nrandom g in R^n with E[g] = μ\n    E[g gᵀ]\n  = μ μᵀ\n', want: 'fails' },
    { name: 'E[X²] = E[X]² is not assumed', text: 'scalar m\nrandom X with E[X] = m\n    E[X²]\n  = m²\n', want: 'fails' },
    { name: 'a random symbol with no mean: E is not a pass', text: 'random X\n    E[X]\n  = 0\n', want: 'fails' },
    // Found by `npm run fuzz`: a derivative inside E[…] crashed ('reading terms'): the
    // random value was not lifted into the derivative's jets.
    { name: 'a derivative inside E[…]: E[d/dx (x r)] = μ', text: 'scalar x, μ\nrandom r with E[r] = μ\n    E[d/dx (x r)]\n  = μ\n', want: 'passes' },
    { name: 'and a wrong one', text: 'scalar x, μ\nrandom r with E[r] = μ\n    E[d/dx (x r)]\n  = 2 μ\n', want: 'refuted' },
    { name: 'exp(−100) is not 0', text: '    exp(-100)\n  = 0\n', want: 'refuted' },
    { name: '1 + 10⁻³⁰ is not 1', text: '    1 + 10^(-30)\n  = 1\n', want: 'refuted' },
    { name: 'x + 10⁻²⁶ is not x', text: 'scalar x\n    x + 10^(-26)\n  = x\n', want: 'refuted' },
    { name: '2/3 is not its 35-digit rounding', text: '    2/3\n  = 0.66666666666666666666666666666666667\n', want: 'refuted' },
    { name: 'cancellation at 10⁵⁰ is rounding, not a difference', text: 'scalar x\n    (x + 10^50) - 10^50\n  = x\n', want: 'passes' },
    { name: '10³⁰ < 10³⁰ + 1', text: '    10^30\n  < 10^30 + 1\n', want: 'passes' },
    { name: 'x ≤ 3 ⇔ x < 3 differs on the boundary', text: 'scalar x\n    x ≤ 3\n  ⇔ x < 3\n', want: 'refuted' },
    // (Red team:) dimensions past the sampled 2 … 5, and assumptions about them.
    { name: 'dims: ‖A‖_F ≤ √5 ‖A‖ fails at n = 6, A = I', text: `${M}    ‖A‖_F\n  ≤ √5 ‖A‖\n`, want: 'refuted' },
    { name: 'dims: tr(I_n) ≤ 5 fails at n = 6', text: `${M}    tr(I_n)\n  ≤ 5\n`, want: 'refuted' },
    { name: 'dims: det(MᵀM) = 0 fails for M in R^{n×6}, n ≥ 6', text: 'matrix M in R^{n×6}\n    det(Mᵀ M)\n  = 0\n', want: 'refuted' },
    { name: 'dims: min(tr(I_n), 5) = tr(I_n) fails at n = 6', text: `${M}    min(tr(I_n), 5)\n  = tr(I_n)\n`, want: 'refuted' },
    { name: 'dims: tr(I_n) ≤ 9 under n ≥ 6 fails at 12', text: `${M}assume n ≥ 6\n    tr(I_n)\n  ≤ 9\n`, want: 'refuted' },
    { name: 'dims: tr(I_n) ≤ 9 under n ≤ 10 fails at 10', text: `${M}assume n ≤ 10\n    tr(I_n)\n  ≤ 9\n`, want: 'refuted' },
    { name: 'dims: tr(I_n) = 7 under n = 7 holds', text: `${M}assume n = 7\n    tr(I_n)\n  = 7\n`, want: 'passes' },
    { name: 'dims: (A A)ᵀ = Aᵀ Aᵀ under n ≥ 6 holds', text: `${M}assume n ≥ 6\n    (A A)ᵀ\n  = Aᵀ Aᵀ\n`, want: 'passes' },
    { name: 'dims: tr(I_n) ≥ 6 under n ≥ 6 holds', text: `${M}assume n ≥ 6\n    tr(I_n)\n  ≥ 6\n`, want: 'passes' },
    { name: 'dims: tr(I_n) > 10 under n > 10 holds', text: `${M}assume n > 10\n    tr(I_n)\n  > 10\n`, want: 'passes' },
    { name: 'dims: tr(I_n) ≤ 12 under n ≤ 12 holds', text: `${M}assume n ≤ 12\n    tr(I_n)\n  ≤ 12\n`, want: 'passes' },
    { name: 'dims: ‖A‖_F ≤ √n ‖A‖ holds', text: `${M}    ‖A‖_F\n  ≤ √n ‖A‖\n`, want: 'passes' },
    { name: 'dims: ‖A x‖ ≤ ‖A‖_F ‖x‖ holds', text: `${M}    ‖A x‖\n  ≤ ‖A‖_F ‖x‖\n`, want: 'passes' },
    { name: 'dims: det(MᵀM) ≥ 0 holds for M in R^{n×6}', text: 'matrix M in R^{n×6}\n    det(Mᵀ M)\n  ≥ 0\n', want: 'passes' },
    // (Third red team:) a vector all ones at a larger size; a trace in an equation.
    { name: 'dims: (∑ x_i)² ≤ 5‖x‖² fails at n = 6, x all ones', text: `${M}    (∑_{i=1}^{n} x_i)^2\n  ≤ 5 ‖x‖²\n`, want: 'refuted' },
    { name: 'dims: (∑ x_i)² ≤ n‖x‖² holds', text: `${M}    (∑_{i=1}^{n} x_i)^2\n  ≤ n ‖x‖²\n`, want: 'passes' },
    { name: 'dims: (tr(I_n) − 2)⋯(tr(I_n) − 5) = 0 fails at n = 6', text: `${M}    (tr(I_n) - 2)(tr(I_n) - 3)(tr(I_n) - 4)(tr(I_n) - 5)\n  = 0\n`, want: 'refuted' },
    { name: 'dims: tr(A B) = tr(B A) holds at every size tried', text: 'matrix A, B in R^{n×n}\n    tr(A B)\n  = tr(B A)\n', want: 'passes' },
    { name: 'dims: det(M Mᵀ) = 0 holds for M in R^{n×2} under n ≥ 3', text: 'matrix M in R^{n×2}\nassume n ≥ 3\n    det(M Mᵀ)\n  = 0\n', want: 'passes' },
    // (Second red team:) a name spelled like a size is that size, in I_n with nothing else of
    // size n declared, and where a search moved it (‖Q‖_F² ≤ n was refuted at n = −10²⁰⁰);
    // I_m and I_n are not the same expression.
    { name: 'dims: tr(I_n) = n under n ≥ 6, nothing of size n declared, holds', text: 'assume n ≥ 6\n    tr(I_n)\n  = n\n', want: 'passes' },
    { name: 'dims: det(3 I_n) = 3^n under n ≥ 6 holds', text: 'assume n ≥ 6\n    det(3 I_n)\n  = 3^n\n', want: 'passes' },
    { name: 'dims: ‖I_n‖_F = √n holds', text: '    ‖I_n‖_F\n  = √n\n', want: 'passes' },
    { name: 'dims: ‖Q‖_F² ≤ n holds for an orthogonal Q', text: 'matrix Q in R^{n×n} orthogonal\n    ‖Q‖_F^2\n  ≤ n\n', want: 'passes' },
    { name: 'dims: ‖Q‖_F² ‖x‖ ≤ n ‖x‖ holds for an orthogonal Q', text: 'matrix Q in R^{n×n} orthogonal\nvector x in R^n\n    ‖Q‖_F^2 ‖x‖\n  ≤ n ‖x‖\n', want: 'passes' },
    { name: 'dims: tr(I_m) = tr(I_n) fails where m ≠ n', text: 'matrix A in R^{n×m}\n    tr(I_m)\n  = tr(I_n)\n', want: 'refuted' },
    { name: 'dims: tr(I_m) = tr(I_n) under n, m ≥ 12 fails', text: 'matrix A in R^{n×m}\nassume n ≥ 12, m ≥ 12\n    tr(I_m)\n  = tr(I_n)\n', want: 'refuted' },
    { name: 'dims: det(2 I_m) = det(2 I_n) fails where m ≠ n', text: 'matrix A in R^{n×m}\n    det(2 I_m)\n  = det(2 I_n)\n', want: 'refuted' },
    // (Third red team:) a recurrence's members past 400 have values (they were 'too deep'),
    // so a claim failing only there is found.
    { name: 'x_t = min(t, 1000) fails at t = 1001 (a show)', text: 'integer t\nscalar x_t\ndefine x_0 = 0\ndefine x_t = x_{t-1} + 1   for t ≥ 1\nshow x_t = min(t, 1000)   for all t ≥ 0\n', want: 'refuted' },
    { name: 'x_t = min(t, 1000) fails at t = 1001 (a step)', text: 'integer t\nscalar x_t\ndefine x_0 = 0\ndefine x_t = x_{t-1} + 1   for t ≥ 1\nassume t ≥ 0\n    x_t\n  = min(t, 1000)\n', want: 'refuted' },
    { name: 'x_t = min(t, 10^6) holds as far as sampled', text: 'integer t\nscalar x_t\ndefine x_0 = 0\ndefine x_t = x_{t-1} + 1   for t ≥ 1\nassume t ≥ 0\n    x_t\n  = min(t, 10^6)\n', want: 'passes' },
    // (Third red team:) sizes an assumption puts past 12 are drawn (up to 16, three at least):
    // `assume n ≥ 11` made every step about size n unknown.
    { name: 'dims: tr(A + A) = 2 tr(A) under n ≥ 11', text: 'matrix A in R^{n×n}\nassume n ≥ 11\n    tr(A + A)\n  = 2 tr(A)\n', want: 'passes' },
    { name: 'dims: xᵀx = ‖x‖² under n ≥ 12', text: 'vector x in R^n\nassume n ≥ 12\n    xᵀx\n  = ‖x‖^2\n', want: 'passes' },
    { name: 'dims: tr(I_n) ≤ 14 under n ≥ 12 fails at 15', text: 'integer n\nmatrix A in R^{n×n}\nassume n ≥ 12\n    tr(I_n)\n  ≤ 14\n', want: 'refuted' },
    { name: 'dims: tr(I_n) = 14 under n ≥ 14 fails', text: 'matrix A in R^{n×n}\nassume n ≥ 14\n    tr(I_n)\n  = 14\n', want: 'refuted' },
    // (Red team rt89:) an assumption that allows size 1 has it tried: R^1 is meant too, and a
    // 1×1 matrix is its scalar where one is added to it (I_m − y yᵀ/‖y‖² at m = 1).
    { name: 'dims: ‖I_m − y yᵀ/‖y‖²‖ = 1 under m ≥ 1 fails at m = 1', text: 'vector y in R^m\nassume m ≥ 1, y ≠ 0\n    ‖I_m - y yᵀ/‖y‖²‖\n  = 1\n', want: 'refuted' },
    { name: 'dims: tr(I_m) ≥ 2 under m ≥ 1 fails at m = 1', text: 'integer m\nassume m ≥ 1\n    tr(I_m)\n  ≥ 2\n', want: 'refuted' },
    { name: 'dims: ‖I_m − y yᵀ/‖y‖²‖ ≤ 1 under m > 0 holds', text: 'vector y in R^m\nassume m > 0, y ≠ 0\n    ‖I_m - y yᵀ/‖y‖²‖\n  ≤ 1\n', want: 'passes' },
    { name: 'dims: (I_m − y yᵀ/‖y‖²) y = 0 under m ≥ 1 holds', text: 'vector y in R^m\nassume m ≥ 1, y ≠ 0\n    (I_m - y yᵀ/‖y‖²) y\n  = 0\n', want: 'passes' },
    { name: 'dims: tr(A + I_m) = tr(A) + m under m ≥ 1 holds', text: 'matrix A in R^{m×m}\nassume m ≥ 1\n    tr(A + I_m)\n  = tr(A) + m\n', want: 'passes' },
    // (Red team rt89:) a bound that drops a √n for a constant fails only past the sampler's
    // sizes: tried at 13, 17, 25, 50 and 100 where the step reads vectors alone, up to 20 with matrices.
    { name: 'dims: (∑ x_i)² ≤ 12‖x‖² fails at n = 13', text: `${M}    (∑_{i=1}^{n} x_i)^2\n  ≤ 12 ‖x‖²\n`, want: 'refuted' },
    { name: 'dims: (∑ x_i)² ≤ 40‖x‖² fails at n = 50', text: `${M}    (∑_{i=1}^{n} x_i)^2\n  ≤ 40 ‖x‖²\n`, want: 'refuted' },
    { name: 'dims: ∑|x_i| ≤ 3.5‖x‖ fails at n = 13', text: `${M}    ∑_{i=1}^{n} |x_i|\n  ≤ 3.5 ‖x‖\n`, want: 'refuted' },
    { name: 'dims: ‖A‖_F ≤ 3.5‖A‖ fails at n = 13, A = I', text: `${M}    ‖A‖_F\n  ≤ 3.5 ‖A‖\n`, want: 'refuted' },
    { name: 'dims: tr(I_n) ≤ 12 fails at n = 13', text: '    tr(I_n)\n  ≤ 12\n', want: 'refuted' },
    { name: 'dims: tr(I_n) ≤ 16 under n ≥ 12 fails at 17', text: 'matrix A in R^{n×n}\nassume n ≥ 12\n    tr(I_n)\n  ≤ 16\n', want: 'refuted' },
    { name: 'dims: ∑|x_i| ≤ √n ‖x‖ holds', text: `${M}    ∑_{i=1}^{n} |x_i|\n  ≤ √n ‖x‖\n`, want: 'passes' },
    { name: 'dims: |xᵀy| ≤ ‖x‖ ‖y‖ holds', text: 'vector x, y in R^n\n    |xᵀ y|\n  ≤ ‖x‖ ‖y‖\n', want: 'passes' },
    { name: 'dims: (∑ x_i)² ≤ 100‖x‖² under n ≤ 100 holds', text: `${M}assume n ≤ 100\n    (∑_{i=1}^{n} x_i)^2\n  ≤ 100 ‖x‖²\n`, want: 'passes' },
    { name: 'dims: (∑ x_i)² ≤ 29‖x‖² under n ≤ 30 fails at 30, the cap', text: `${M}assume n ≤ 30\n    (∑_{i=1}^{n} x_i)^2\n  ≤ 29 ‖x‖²\n`, want: 'refuted' },
    { name: 'dims: (∑ x_i)² ≤ 30‖x‖² under n ≤ 30 holds', text: `${M}assume n ≤ 30\n    (∑_{i=1}^{n} x_i)^2\n  ≤ 30 ‖x‖²\n`, want: 'passes' },
    // (Red team rt90:) size 1 with a positive definite matrix (its draw was a scalar), and
    // xᵀ P x at size 1 (a 1×1 value compared as the scalar it is).
    { name: 'dims: xᵀ P x ≥ 0 for a positive definite P under n ≥ 1 holds', text: 'vector x in R^n\nmatrix P in R^{n×n} positive definite\nassume n ≥ 1\n    xᵀ P x\n  ≥ 0\n', want: 'passes' },
    { name: 'dims: xᵀ A x ≤ ‖A‖ ‖x‖² under n ≥ 1 holds', text: 'vector x in R^n\nmatrix A in R^{n×n} symmetric\nassume n ≥ 1\n    xᵀ A x\n  ≤ ‖A‖ ‖x‖²\n', want: 'passes' },
    { name: 'dims: Qᵀ Q = I_n for an orthogonal Q under n ≥ 1 holds', text: 'matrix Q in R^{n×n} orthogonal\nassume n ≥ 1\n    Qᵀ Q\n  = I_n\n', want: 'passes' },
    // (Red team rt91:) a size read as a number, at every size up to 30 (20 with matrices).
    { name: 'dims: (n − 14)² > 0 fails at n = 14', text: 'vector x in R^n\n    (n - 14)^2\n  > 0\n', want: 'refuted' },
    { name: 'dims: (n − 29)² > 0 under n ≤ 30 fails at 29', text: 'vector x in R^n\nassume n ≤ 30\n    (n - 29)^2\n  > 0\n', want: 'refuted' },
    { name: 'dims: (n − 14)² ≥ 0 holds', text: 'vector x in R^n\n    (n - 14)^2\n  ≥ 0\n', want: 'passes' },
    { name: 'dims: xᵀx ≤ 1 under ‖x‖ = 1 holds', text: 'vector x in R^n\nassume ‖x‖ = 1\n    xᵀ x\n  ≤ 1\n', want: 'passes' },
    { name: 'dims: tr(I_n) = 16 under n ≥ 16 is not decided by 16 alone', text: 'matrix A in R^{n×n}\nassume n ≥ 16\n    tr(I_n)\n  = 16\n', want: 'fails' },
    // Extreme points on the edge of a curved assumption, where names move together (red team,
    // 2026-12-03): every probe that moved one name beside a root of left − right left the
    // assumptions at once, and each of these was checked (coupledLineSearch).
    { name: 'x + y ≤ 1.4 under x² + y² ≤ 1 (fails at x = y = 1/√2)', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    x + y\n  ≤ 1.4\n', want: 'refuted' },
    { name: 'x y ≤ 0.49 under x² + y² ≤ 1', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    x y\n  ≤ 0.49\n', want: 'refuted' },
    { name: 'η L ≤ 0.9999999999 under η² L² ≤ 1 (fails at η = L = 1)', text: 'scalar η, L\nassume L > 0, η > 0, η^2 L^2 ≤ 1\n    η L\n  ≤ 0.9999999999\n', want: 'refuted' },
    { name: 'y ≤ 0.69314718 under e^y ≤ 2 (fails on (0.69314718, ln 2))', text: 'scalar y\nassume e^y ≤ 2\n    y\n  ≤ 0.69314718\n', want: 'refuted' },
    { name: 's ≤ 2.19722457733 under σ(s) ≤ 0.9 (ln 9 = 2.1972245773362…)', text: 'scalar s\nassume s > 0, 1/(1 + exp(-s)) ≤ 0.9\n    s\n  ≤ 2.19722457733\n', want: 'refuted' },
    { name: 'wᵀu ≤ 0.99‖u‖ under ‖w‖ ≤ 1 (fails at w = u/‖u‖)', text: 'vector w, u in R^n\nassume ‖w‖ ≤ 1\n    wᵀ u\n  ≤ 0.99 ‖u‖\n', want: 'refuted' },
    { name: '(wᵀu)² ≤ 0.98 uᵀu under ‖w‖ ≤ 1', text: 'vector w, u in R^n\nassume ‖w‖ ≤ 1\n    (wᵀ u)^2\n  ≤ 0.98 uᵀ u\n', want: 'refuted' },
    { name: 'det V ≤ 0.49 under ‖V‖_F ≤ 1 (fails at V = I/√2, n = 2)', text: 'matrix V in R^{n×n}\nassume ‖V‖_F ≤ 1\n    det(V)\n  ≤ 0.49\n', want: 'refuted' },
    { name: 'but x + y ≤ 1.4143 under x² + y² ≤ 1 holds', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    x + y\n  ≤ 1.4143\n', want: 'passes' },
    { name: 'and wᵀu ≤ ‖u‖ under ‖w‖ ≤ 1', text: 'vector w, u in R^n\nassume ‖w‖ ≤ 1\n    wᵀ u\n  ≤ ‖u‖\n', want: 'passes' },
    { name: 'and y ≤ 0.6931471806 under e^y ≤ 2', text: 'scalar y\nassume e^y ≤ 2\n    y\n  ≤ 0.6931471806\n', want: 'passes' },
    // (Not a pass where the step's own numbers need more than 960 digits, though its points are
    // exact: false on (π, π + 10^(−1000)), which no search can tell. A review of this stop's
    // digits change found these checked.)
    { name: 'x > π + 10^(−1000) ⇔ x > π is no pass', text: 'scalar x\n    x > π + 10^(-1000)\n  ⇔ x > π\n', want: 'fails' },
    { name: 'x² ≤ 2 + 10^(−1000) ⇔ x² ≤ 2 is no pass', text: 'scalar x\n    x^2 ≤ 2 + 10^(-1000)\n  ⇔ x^2 ≤ 2\n', want: 'fails' },
    // A claim chained with ⇔ or ⇒ is each statement joined to the next (red team: read as
    // (A ⇔ B) ⇔ C, this true claim was refuted at x = 3/2).
    { name: 'show x ≤ 1 ⇔ 2x ≤ 2 ⇔ 3x ≤ 3', text: 'scalar x\nshow x ≤ 1 ⇔ 2x ≤ 2 ⇔ 3x ≤ 3\n', want: 'passes' },
    { name: 'show x ≤ 1 ⇔ 2x ≤ 2 ⇔ 3x ≤ 4 fails', text: 'scalar x\nshow x ≤ 1 ⇔ 2x ≤ 2 ⇔ 3x ≤ 4\n', want: 'refuted' },
    { name: 'show x > 0 ⇒ x > 1 ⇒ x > 2 fails', text: 'scalar x\nshow x > 0 ⇒ x > 1 ⇒ x > 2\n', want: 'refuted' },
    { name: 'show x > 2 ⇒ x > 1 ⇒ x > 0', text: 'scalar x\nshow x > 2 ⇒ x > 1 ⇒ x > 0\n', want: 'passes' },
    // Failing sets past the doubles' range toward 0 (red team): log x > −1000 fails below
    // e^(−1000) ≈ 10^(−434); σ(log x) ≥ 10^(−500) below 10^(−500). Both were checked.
    { name: 'log x > −1000 under x > 0', text: 'scalar x\nassume x > 0\n    log(x)\n  > -1000\n', want: 'refuted' },
    { name: 'σ(log x) ≥ 10^(−500) under x > 0', text: 'scalar x\nassume x > 0\n    1/(1 + exp(-log(x)))\n  ≥ 10^(-500)\n', want: 'refuted' },
    { name: 'log x + 2000 > 0 under x > 0', text: 'scalar x\nassume x > 0\n    log(x) + 2000\n  > 0\n', want: 'refuted' },
    // (Narrow windows beside e^(±c) (red team): probed just inside and past e^(−c) to two digits,
    // and where only an assumption takes the logarithm.)
    { name: 'log x > −805 under x > 10^(−350) (fails on (10^(−350), 2.5·10^(−350)))', text: 'scalar x\nassume x > 10^(-350)\n    log(x)\n  > -805\n', want: 'refuted' },
    { name: 'x > 10^(−868) under log x > −2000 (e^(−2000) ≈ 7.4·10^(−869))', text: 'scalar x\nassume x > 0, log(x) > -2000\n    x\n  > 10^(-868)\n', want: 'refuted' },
    { name: 'but x > 10^(−869) under log x > −2000 holds', text: 'scalar x\nassume x > 0, log(x) > -2000\n    x\n  > 10^(-869)\n', want: 'passes' },
    { name: 'but log x > −1000 under x > 10^(−400) holds', text: 'scalar x\nassume x > 10^(-400)\n    log(x)\n  > -1000\n', want: 'passes' },
    { name: 'and σ(log x) ≥ 10^(−500) under x > 10^(−400)', text: 'scalar x\nassume x > 10^(-400)\n    1/(1 + exp(-log(x)))\n  ≥ 10^(-500)\n', want: 'passes' },
    // (`≠` on the solutions of a non-affine equation assumption, a curve no draw lands on: the
    // equations and left = right solved together, the root proved by the Krawczyk test.
    // Each wrong one was checked.)
    { name: 'x − 2y ≠ 0 under x² + y² = 1 (0 at (2/√5, 1/√5))', text: 'scalar x, y\nassume x^2 + y^2 = 1\n    x - 2 y\n  ≠ 0\n', want: 'refuted' },
    { name: 'x y ≠ 1/4 under x² + y² = 1', text: 'scalar x, y\nassume x^2 + y^2 = 1\n    x y\n  ≠ 1/4\n', want: 'refuted' },
    { name: 'x + y ≠ 6/5 under x² + y² = 1, x > 0', text: 'scalar x, y\nassume x^2 + y^2 = 1, x > 0\n    x + y\n  ≠ 6/5\n', want: 'refuted' },
    { name: 'x + y + z ≠ 3/2 under x² + y² + z² = 1 (more scalars than equations)', text: 'scalar x, y, z\nassume x^2 + y^2 + z^2 = 1\n    x + y + z\n  ≠ 3/2\n', want: 'refuted' },
    { name: 'x² + y² = 1 ⇒ x − 2y ≠ 0', text: 'scalar x, y\n    x^2 + y^2 = 1\n  ⇒ x - 2 y ≠ 0\n', want: 'refuted' },
    { name: 'but x + y ≠ −6/5 under x² + y² = 1, x > 0 holds (its solutions have x < 0)', text: 'scalar x, y\nassume x^2 + y^2 = 1, x > 0\n    x + y\n  ≠ -6/5\n', want: 'passes' },
    { name: 'and x + y + z ≠ 2 under x² + y² + z² = 1 (at most √3)', text: 'scalar x, y, z\nassume x^2 + y^2 + z^2 = 1\n    x + y + z\n  ≠ 2\n', want: 'passes' },
    { name: 'and x y ≠ 1 under x² + y² = 1 (at most 1/2)', text: 'scalar x, y\nassume x^2 + y^2 = 1\n    x y\n  ≠ 1\n', want: 'passes' },
    // (A sum of squares or |·| compared with 0: 0 where every base is, at once; the bases solved
    // together, the root proved by the Krawczyk test. Each wrong one was checked, red team rt124.)
    { name: '(sin x − 1/3)² + (cos y − 1/4)² > 0 (0 at arcsin(1/3), arccos(1/4))', text: 'scalar x, y\n    (sin(x) - 1/3)^2 + (cos(y) - 1/4)^2\n  > 0\n', want: 'refuted' },
    { name: '(x − y)² + (xy − π)² ≠ 0 (0 at x = y = √π)', text: 'scalar x, y\n    (x - y)^2 + (x y - pi)^2\n  ≠ 0\n', want: 'refuted' },
    { name: '|x − y| + |y − z| + |z² − 5| > 0 (0 at x = y = z = √5)', text: 'scalar x, y, z\n    |x - y| + |y - z| + |z^2 - 5|\n  > 0\n', want: 'refuted' },
    // (…or with a positive constant it must reach, however small: red team rt130, checked.)
    { name: '(x − y)² + (cos y − y)² ≥ 10^(−40) (0 at x = y = 0.739…, where cos y = y)', text: 'scalar x, y\n    (x - y)^2 + (cos(y) - y)^2\n  ≥ 10^(-40)\n', want: 'refuted' },
    { name: '10^(−30) ≤ |x − y| + |y³ − y − 1| (0 at the real root of y³ − y − 1)', text: 'scalar x, y\n    10^(-30)\n  ≤ |x - y| + |y^3 - y - 1|\n', want: 'refuted' },
    { name: '(x − y²)² + (z − y)² + (y³ − y − 1)² > 10^(−40)', text: 'scalar x, y, z\n    (x - y^2)^2 + (z - y)^2 + (y^3 - y - 1)^2\n  > 10^(-40)\n', want: 'refuted' },
    { name: 'but (x − y)² + (cos y − y)² + 10^(−40) ≥ 10^(−40) holds', text: 'scalar x, y\n    (x - y)^2 + (cos(y) - y)^2 + 10^(-40)\n  ≥ 10^(-40)\n', want: 'passes' },
    // (Over a matrix's or vector's entries too: tr A = det A = 1 at A = [[0, −1], [1, 1]].)
    { name: '(tr A − 1)² + (det A − 1)² > 0 for a 2×2 A', text: 'matrix A in R^{2×2}\n    (tr(A) - 1)^2 + (det(A) - 1)^2\n  > 0\n', want: 'refuted' },
    { name: '1 = ((uᵀu − 1)² + (uᵀv)²)/(…), 0 at orthonormal u, v', text: 'vector u, v in R^n\n    1\n  = ((uᵀu - 1)^2 + (uᵀv)^2)/((uᵀu - 1)^2 + (uᵀv)^2)\n', want: 'refuted' },
    // (A quadratic form of a positive definite H is 0 only where its vector is: rt126, checked.)
    { name: '1 = (u_2ᵀHu_2)/(…) for a family member, H positive definite', text: 'vector u_t in R^n\nmatrix H in R^{n×n}, positive definite\n    1\n  = (u_2ᵀ H u_2)/(u_2ᵀ H u_2)\n', want: 'refuted' },
    { name: '1 = ((x + y)ᵀH(x + y))/(…) under x ≠ 0, y ≠ 0', text: 'vector x, y in R^n\nmatrix H in R^{n×n}, positive definite\nassume x ≠ 0, y ≠ 0\n    1\n  = ((x + y)ᵀ H (x + y))/((x + y)ᵀ H (x + y))\n', want: 'refuted' },
    { name: 'but 1 = (uᵀHu)/(uᵀHu) under u ≠ 0 holds', text: 'vector u in R^n\nmatrix H in R^{n×n}, positive definite\nassume u ≠ 0\n    1\n  = (uᵀ H u)/(uᵀ H u)\n', want: 'passes' },
    { name: 'but (tr A − 1)² + (det A − 1)² + 1 > 0 holds', text: 'matrix A in R^{2×2}\n    (tr(A) - 1)^2 + (det(A) - 1)^2 + 1\n  > 0\n', want: 'passes' },
    // (A name an assumed substitution gives is not solved for apart from it: y = x² + 1 ≥ 1.)
    { name: 'but (y − 1/2)² + x² > 0 under y = x² + 1 holds', text: 'scalar x, y\nassume y = x^2 + 1\n    (y - 1/2)^2 + x^2\n  > 0\n', want: 'passes' },
    { name: 'and y ≠ 2 under y = x², x² + z² = 1 holds', text: 'scalar x, y, z\nassume y = x^2, x^2 + z^2 = 1\n    y\n  ≠ 2\n', want: 'passes' },
    { name: 'but (x − y)² + (xy − π)² > 0 under x > 2 holds (its zeros are at ±√π)', text: 'scalar x, y\nassume x > 2\n    (x - y)^2 + (x y - pi)^2\n  > 0\n', want: 'passes' },
    { name: 'and 0 < (x − 1)² + (x³ + x − 1)² holds (no common zero)', text: 'scalar x\n    0\n  < (x - 1)^2 + (x^3 + x - 1)^2\n', want: 'passes' },
    // (A root or fractional power passes a bound only past the doubles' range, whatever the
    // step's constants: probed at 10^(±400), 10^(±1000) and 10^(±2900); each was checked.)
    { name: 'x^(1/1000) ≤ 10 under x > 0 (fails past 10^1000)', text: 'scalar x\nassume x > 0\n    x^(1/1000)\n  ≤ 10\n', want: 'refuted' },
    { name: '√x ≤ 10^200 under x > 0 (fails past 10^400)', text: 'scalar x\nassume x > 0\n    sqrt(x)\n  ≤ 10^200\n', want: 'refuted' },
    { name: 'x^(−1/1000) ≤ 10 under x > 0 (fails below 10^(−1000))', text: 'scalar x\nassume x > 0\n    x^(-1/1000)\n  ≤ 10\n', want: 'refuted' },
    { name: 'but x^(1/1000) ≤ x + 1 under x > 0 holds', text: 'scalar x\nassume x > 0\n    x^(1/1000)\n  ≤ x + 1\n', want: 'passes' },
    // (A `≠` whose sides meet only past the doubles' range: bracketed between far powers of ten,
    // red team rt124; each was checked.)
    { name: 'x^(1/1000) ≠ 3 under x > 0 (equal at 3^1000 ≈ 10^477)', text: 'scalar x\nassume x > 0\n    x^(1/1000)\n  ≠ 3\n', want: 'refuted' },
    { name: 'log x ≠ 750 under x > 0 (equal at e^750 ≈ 10^325.7)', text: 'scalar x\nassume x > 0\n    log(x)\n  ≠ 750\n', want: 'refuted' },
    { name: '√x ≠ 10^200 under x > 0 (equal at 10^400 exactly)', text: 'scalar x\nassume x > 0\n    sqrt(x)\n  ≠ 10^200\n', want: 'refuted' },
    { name: 'x^(−1/1000) ≠ 5 under x > 0 (equal at 5^(−1000))', text: 'scalar x\nassume x > 0\n    x^(-1/1000)\n  ≠ 5\n', want: 'refuted' },
    { name: 'x^(1/1000) + 1/(x − 10^400) ≠ 3 under x > 0 (a pole on a rung, the crossing past it)', text: 'scalar x\nassume x > 0\n    x^(1/1000) + 1/(x - 10^400)\n  ≠ 3\n', want: 'refuted' },
    { name: 'but x^(1/1000) ≠ −1 under x > 0 holds', text: 'scalar x\nassume x > 0\n    x^(1/1000)\n  ≠ -1\n', want: 'passes' },
    { name: 'and 1/(log x − 750) ≠ 0 under x > 1 holds (its sign changes at a pole, not a root)', text: 'scalar x\nassume x > 1\n    1/(log(x) - 750)\n  ≠ 0\n', want: 'passes' },
    { name: 'and log x ≠ 750 under 0 < x < 10^300 holds', text: 'scalar x\nassume 0 < x < 10^300\n    log(x)\n  ≠ 750\n', want: 'passes' },
    // (Far out on the line x = y: along x alone with y = 5 it fails only past x = 10²⁷⁰⁰.)
    { name: 'log x log y ≤ 10⁴ under x, y > 1 (fails at x = y = 10^200)', text: 'scalar x, y\nassume x > 1, y > 1\n    log(x) log(y)\n  ≤ 10^4\n', want: 'refuted' },
    // (Beaten by less than doubles place, at an irrational edge (red team): the edge is narrowed
    // in exact rationals past the doubles' last bisection.)
    { name: 'x ≤ √2 − 10^(−40) under x² ≤ 2', text: 'scalar x\nassume x^2 ≤ 2\n    x\n  ≤ √2 - 10^(-40)\n', want: 'refuted' },
    { name: 'x + y ≤ √2 − 10^(−20) under x² + y² ≤ 1', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    x + y\n  ≤ √2 - 10^(-20)\n', want: 'refuted' },
    { name: 'but x ≤ √2 under x² ≤ 2 holds', text: 'scalar x\nassume x^2 ≤ 2\n    x\n  ≤ √2\n', want: 'passes' },
    { name: 'and x + y ≤ √2 under x² + y² ≤ 1', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    x + y\n  ≤ √2\n', want: 'passes' },
    // (On x = −y: red team.)
    { name: 'x y ≥ −0.4999 under x² + y² ≤ 1 (fails at (1/√2, −1/√2))', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    x y\n  ≥ -0.4999\n', want: 'refuted' },
    { name: 'but x y ≥ −0.5 there holds', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    x y\n  ≥ -0.5\n', want: 'passes' },
    // (Off x = y: along the steepest fall of left − right from 0, to the ball's edge.)
    { name: '3x + 4y ≤ 4.999 under x² + y² ≤ 1 (fails at (0.6, 0.8))', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    3 x + 4 y\n  ≤ 4.999\n', want: 'refuted' },
    { name: 'but 3x + 4y ≤ 5 there holds', text: 'scalar x, y\nassume x^2 + y^2 ≤ 1\n    3 x + 4 y\n  ≤ 5\n', want: 'passes' },
    // (Too few drawn points meet a ball in three scalars for evidence; the search still ran
    // from those few, and refutes: it was unknown.)
    { name: 'x + 2y + 2z ≤ 2.99 under x² + y² + z² ≤ 1 (fails near (1/3, 2/3, 2/3))', text: 'scalar x, y, z\nassume x^2 + y^2 + z^2 ≤ 1\n    x + 2 y + 2 z\n  ≤ 2.99\n', want: 'refuted' },
    // (The same as implications: the failing set is inside the left statement's edge.)
    { name: 'x² + y² ≤ 1 ⇒ x + y ≤ 1.4', text: 'scalar x, y\n    x^2 + y^2 ≤ 1\n  ⇒ x + y ≤ 1.4\n', want: 'refuted' },
    { name: 'x ≥ 0 and y ≥ 0 and x + y ≤ 1 ⇒ x y ≤ 0.24', text: 'scalar x, y\n    x ≥ 0 and y ≥ 0 and x + y ≤ 1\n  ⇒ x y ≤ 0.24\n', want: 'refuted' },
    { name: 'but x² + y² ≤ 1 ⇒ x + y ≤ 1.4143 holds', text: 'scalar x, y\n    x^2 + y^2 ≤ 1\n  ⇒ x + y ≤ 1.4143\n', want: 'passes' },
    { name: 'and x ≥ 0 and y ≥ 0 and x + y ≤ 1 ⇒ x y ≤ 0.25', text: 'scalar x, y\n    x ≥ 0 and y ≥ 0 and x + y ≤ 1\n  ⇒ x y ≤ 0.25\n', want: 'passes' },
    // Two boundaries closer than 10⁻³², where the statement search narrowed them to count as one
    // (red team: ln 2 and √2 to 35 places).
    { name: 'e^x ≤ 2 ⇔ x ≤ ln 2 written to 35 places', text: 'scalar x\n    e^x ≤ 2\n  ⇔ x ≤ 0.69314718055994530941723212145817656\n', want: 'refuted' },
    { name: 'e^x ≤ 2 ⇒ x ≤ ln 2 written to 35 places', text: 'scalar x\n    e^x ≤ 2\n  ⇒ x ≤ 0.69314718055994530941723212145817656\n', want: 'refuted' },
    { name: 'x² ≤ 2 ⇔ |x| ≤ √2 written to 38 places', text: 'scalar x\n    x^2 ≤ 2\n  ⇔ |x| ≤ 1.41421356237309504880168872420969807856\n', want: 'refuted' },
    { name: 'but e^x ≤ 2 ⇒ x ≤ ln 2 written to 35 places and rounded up holds', text: 'scalar x\n    e^x ≤ 2\n  ⇒ x ≤ 0.69314718055994530941723212145817657\n', want: 'passes' },
  ];
  it.each(cases)('$name', async ({ text, want, message }) => {
    const report = await checkSource(text, { file: 'case.deriv' });
    const errors = report.diagnostics.filter((d) => d.severity === 'error');
    const item = report.steps[0] ?? report.shows[0];
    if (want === 'error') {
      expect(errors.length).toBeGreaterThan(0);
      return;
    }
    expect(errors.map((d) => d.message)).toEqual([]);
    const v = item!.verdict;
    if (message) expect(item!.message).toMatch(message);
    if (want === 'passes') expect(['proved', 'checked'], item!.message).toContain(v);
    else if (want === 'unknown') expect(v, item!.message).toBe('unknown');
    else if (want === 'fails') expect(['proved', 'checked'], item!.message).not.toContain(v);
    else {
      expect(v, item!.message).toBe('refuted');
      expect(item!.counterexample).not.toBeNull();
    }
  });

  it('decides a step about members its definitions give at its one point, exactly', async () => {
    // (Third red team: u_{1000} = 1001² was unknown: 24 points of 1000 members ran out of time.)
    const text = 'integer t\nscalar u_t\ndefine u_0 = 1\ndefine u_t = u_{t-1} + 2t + 1   for t ≥ 1\n'
      + '    u_{1000}\n  = 1001^2\n    u_{100}\n  = 101^2\n    u_{1000}\n  > 10^6\n    u_{1000}\n  = 1001^2 + 1\n';
    const report = await checkSource(text, { file: 'case.deriv', timeoutMs: 4000 });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'refuted']);
    expect(report.steps.slice(0, 3).map((s) => s.method)).toEqual(['evaluation', 'evaluation', 'evaluation']);
  });

  // (Red team rt114: each member kept every member beneath it as a dependency, so u_5000 took
  // 12 million set entries and ran out of time, and the Pell pair at 1300 took 7.5 s.)
  it('decides members thousands deep in linear time', async () => {
    const text = 'integer t\ndefine u_0 = 0\ndefine u_t = u_{t-1} + 1 for t ≥ 1\ndefine p_0 = 1\ndefine q_0 = 1\n'
      + 'define p_t = p_{t-1} + 2 q_{t-1} for t ≥ 1\ndefine q_t = p_{t-1} + q_{t-1} for t ≥ 1\n'
      + '    u_{5000}\n  = 5000\n    p_{1300}^2 - 2 q_{1300}^2\n  = 1\n    p_{1301}^2 - 2 q_{1301}^2\n  = 1\n';
    const report = await checkSource(text, { file: 'case.deriv', timeoutMs: 4000 });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'refuted', 'proved']);
  });

  // (Red team rt114: the integer ladder stopped at t + 256 for any recurrence, and these were
  // checked.)
  it.each([
    ['define u_0 = 0\ndefine u_t = u_{t-1} + 1 for t ≥ 1\n    u_t\n  ≤ 300\n', 't = 301'],
    ['define a_0 = 1\ndefine a_t = 2 a_{t-1} for t ≥ 1\n    a_t\n  ≤ 10^{100}\n', 't = 333'],
    ['define s_0 = 0\ndefine s_t = s_{t-1} + 10^{-6} for t ≥ 1\n    s_t\n  ≤ 1/t\n', 't = 1001'],
    // (Red team rt116: past doubles' range from t = 1024 on, the far rungs were undecided.)
    ['define c_0 = 1\ndefine c_t = 2 c_{t-1} for t ≥ 1\n    c_t\n  ≤ 1.99^t · 10^4\n', 't = 1838'],
  ])('refutes a bound on a scalar recurrence that fails only far out: %s', async (body, at) => {
    const report = await checkSource(`integer t\n${body}`, { file: 'case.deriv', timeoutMs: 4000 });
    expect(report.steps[0]!.verdict, report.steps[0]!.message).toBe('refuted');
    expect(report.steps[0]!.counterexample!.assignments.map(([k, v]) => `${k} = ${v}`)).toEqual([at]);
  });

  it('refutes a wrong line by IH where the IH holds and the definitions give every member', async () => {
    // (Third red team: it was unknown, 'the assumption speaks of one member, and the step reads others'.)
    const text = 'integer t\nscalar x_t\ndefine x_0 = 0\ndefine x_t = 3 - 2 x_{t-1}   for t ≥ 1\nshow "s": x_t ≤ 2   for all t ≥ 0   by induction on t\n'
      + '  base:\n      x_0\n    = 0          by def x\n    ≤ 2\n  step:\n      x_t\n    = 3 - 2 x_{t-1}     by def x\n    ≤ 3 - 2·2           by IH\n    ≤ 2\n';
    const report = await checkSource(text, { file: 'case.deriv' });
    expect(report.steps.map((s) => s.verdict)).toEqual(['proved', 'proved', 'proved', 'refuted', 'proved']);
    expect(report.steps[3]!.counterexample?.assignments).toEqual([['t', '1']]);
  });

  it('reports a file with JavaScript prototype names in it as ordinary unknown names', async () => {
    const report = await checkSource('    x\n  = constructor\n    toString\n  = valueOf\n');
    expect(report.diagnostics.map((d) => d.code)).toEqual(['unknown-name', 'unknown-name', 'unknown-name']);
    expect(report.steps).toHaveLength(2);
  });

  it('refuses huge dimensions quickly instead of running out of memory', async () => {
    const t = Date.now();
    const report = await checkSource('vector x in R^{100000000}\nmatrix A in R^{3000×3000}\n    x\n  = x\n    A A\n  = A A\n');
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(report.steps.every((s) => s.verdict !== 'checked')).toBe(true);
  });

  it('names the false fact a step cites, and warns about a missing show or IH', async () => {
    const report = await checkSource('scalar a, b\n    a\n  = b   by a = b\n    a + a\n  = 2 a   by "nowhere"\n    a\n  = a   by IH\n');
    expect(report.steps[0]!.message).toMatch(/fact cited/);
    expect(report.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.message).join('\n')).toMatch(/no show named "nowhere"[\s\S]*IH/);
  });

  it('lists what a defined value depends on in a counterexample', async () => {
    const report = await checkSource('scalar g\nvector u, w in R^n\nassume u ≠ 0\ndefine w = g u / ‖u‖\n    ‖w‖\n  = g\n');
    const names = report.steps[0]!.counterexample!.assignments.map(([k]) => k);
    expect(names).toEqual(expect.arrayContaining(['g', 'u']));
  });
});

/**
 * Wrong steps whose failure set is tiny or far away: beside a pole, past 10¹², at an
 * irrational root, at a point where a vector equals another. The search must find each one;
 * and right steps near the same places must not be refuted by rounding. Where the two sides
 * touch at an irrational point, a strict relation is `unknown`, never a pass.
 */
/**
 * (Red team:) the identity test runs at a matrix size of its own; where it finds an equation's
 * sides different there, the sampled points must try that size, however few they are, and its
 * proof says what its matrices were.
 */
describe('the identity test\'s size', () => {
  const ABC = 'matrix A, B, C in R^{n×n}\n';
  const hall = `${ABC}    (A B - B A)² C - C (A B - B A)²\n  = 0\n`;
  const cases: { name: string; text: string; samples: number; want: 'refuted' | 'passes'; message?: RegExp }[] = [
    { name: '[A, B]² C = C [A, B]² fails at n = 3 with 1 point', text: hall, samples: 1, want: 'refuted', message: /\["n","3"\]/ },
    { name: '[A, B]² C = C [A, B]² fails at n = 3 with 2 points', text: hall, samples: 2, want: 'refuted', message: /\["n","3"\]/ },
    { name: '[A, B]² C = C [A, B]² fails with 24 points', text: hall, samples: 24, want: 'refuted' },
    { name: '[A, B]² C = C [A, B]² holds for 2×2 matrices', text: hall.replace('R^{n×n}', 'R^{2×2}'), samples: 1, want: 'passes', message: /with 2×2 matrices \(error/ },
    { name: '[A, B] C − C [A, B] expanded holds with 1 point', text: `${ABC}    (A B - B A) C - C (A B - B A)\n  = A B C - B A C - C A B + C B A\n`, samples: 1, want: 'passes', message: /with 2×2 matrices \(n = 2\)/ },
    { name: '(A B)ᵀ(A B) = Bᵀ Aᵀ A B with R^{2×2} names 2×2', text: 'matrix A, B in R^{2×2}\n    (A B)ᵀ (A B)\n  = Bᵀ Aᵀ A B\n', samples: 1, want: 'passes', message: /with 2×2 matrices \(error/ },
    { name: '(A B)ᵀ = Bᵀ Aᵀ with R^{3×3} names 3×3', text: 'matrix A, B in R^{3×3}\n    (A B)ᵀ\n  = Bᵀ Aᵀ\n', samples: 1, want: 'passes', message: /with 3×3 matrices \(error/ },
    { name: 'Mᵀ x + Mᵀ y = Mᵀ(x + y) with M in R^{n×6} names both sizes', text: 'matrix M in R^{n×6}\nvector x, y in R^n\n    Mᵀ x + Mᵀ y\n  = Mᵀ (x + y)\n', samples: 1, want: 'passes', message: /with 2×6 matrices and vectors in R\^2 \(n = 2\)/ },
  ];
  it.each(cases)('$name', async ({ text, samples, want, message }) => {
    const report = await checkSource(text, { file: 'case.deriv', samples });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const item = report.steps[0]!;
    if (want === 'passes') expect(['proved', 'checked'], item.message).toContain(item.verdict);
    else expect(item.verdict, item.message).toBe('refuted');
    if (message) expect(`${item.message} ${JSON.stringify(item.counterexample)}`).toMatch(message);
  });
});

describe('search beside poles, far away, at irrational roots and coincidences', () => {
  type Want2 = 'refuted' | 'passes' | 'unknown';
  const cases: { name: string; text: string; want: Want2; point?: RegExp }[] = [
    { name: 'beside the pole at 1/3', text: 'scalar x\n    1/(x - 1/3)\n  < 10^6\n', want: 'refuted' },
    { name: 'beside the poles of tan', text: 'scalar x\n    tan(x)\n  < 10^6\n', want: 'refuted' },
    // (The search along x keeps y's value between places only where it is not computed from x.)
    { name: 'a divisor an assumption computes from the scalar searched', text: 'scalar x, y\nassume y = sin(x) - 1/2\n    1\n  = y/y\n', want: 'refuted' },
    { name: 'beside the irrational poles ±√2', text: 'scalar x\n    1/(x² - 2)\n  < 10^6\n', want: 'refuted' },
    { name: 'two vectors can be equal', text: 'vector x, y in R^n\n    ‖x - y‖\n  > 0\n', want: 'refuted' },
    // (At π exactly: the exact places come before the roots' enclosures.)
    { name: 'sin x = 0 has roots besides 0', text: 'scalar x\n    sin(x) = 0\n  ⇔ x = 0\n', want: 'refuted', point: /"x","-?π"/ },
    { name: 'log x > 10 ⇔ x > e¹⁰ is not x > 22026.4657948', text: 'scalar x\n    log(x) > 10\n  ⇔ x > 22026.4657948\n', want: 'refuted' },
    { name: 'a cube root grows past 10²⁰', text: 'scalar x\nassume x > 0\n    x^(1/3)\n  < 10^20\n', want: 'refuted' },
    { name: 'a tiny interval assumption is met', text: 'scalar x\nassume 0 < x < 10^(-9)\n    x\n  > 10^(-10)\n', want: 'refuted' },
    { name: 'a huge lower bound is met', text: 'scalar x\nassume x > 10^50\n    x\n  < 10^51\n', want: 'refuted' },
    { name: '10⁻⁴⁰ + 1 is not 1, and the sides print apart', text: '    10^(-40) + 1\n  = 1\n', want: 'refuted', point: /1\.0+1|10\^|1 \+ 1e-40/ },
    { name: '√x ≥ 0 where x ≥ 0', text: 'scalar x\n    x ≥ 0\n  ⇒ √x ≥ 0\n', want: 'passes' },
    { name: 'exp(−x²) > 0 even where it underflows', text: 'scalar x\n    exp(-x^2)\n  > 0\n', want: 'passes' },
    { name: 'x/(x+1) < 1 beside its pole', text: 'scalar x\nassume x > -1\n    x/(x+1)\n  < 1\n', want: 'passes' },
    { name: '1/(x²+1) ≤ 1', text: 'scalar x\n    1/(x² + 1)\n  ≤ 1\n', want: 'passes' },
    // (Once unknown: the bottom's exact place is now guessed and the sides proved equal there.)
    { name: '(x − π)² > 0 fails only at π', text: 'scalar x\n    (x - π)²\n  > 0\n', want: 'refuted', point: /"x","-?π"/ },
    { name: 'sin x < 1 fails only where sin x = 1', text: 'scalar x\n    sin(x)\n  < 1\n', want: 'refuted', point: /"x","-?π\/2"/ },
    // (Once unknown with a doubt at 2πk: the turn's exact place is now guessed and both statements decided there.)
    { name: 'cos x = 1 ⇔ x = 0 misses the double roots 2πk', text: 'scalar x\n    cos(x) = 1\n  ⇔ x = 0\n', want: 'refuted', point: /"x","-?[24]·π"/ },
    { name: '(x − 1)² = 0 ⇔ x = 1 (a rational double root)', text: 'scalar x\n    (x - 1)^2 = 0\n  ⇔ x = 1\n', want: 'passes' },
    { name: 'a failing disk needs both scalars at once', text: 'scalar x, y\n    (x - 0.3)² + (y - 0.7)²\n  ≥ 10^(-2)\n', want: 'refuted' },
    { name: 'coupled scalars far out', text: 'scalar x, y\n    (x - y)² + (y - 1000)²\n  ≥ 10^(-8)\n', want: 'refuted' },
    { name: 'three coupled scalars', text: 'scalar x, y, z\n    (x - y)² + (y - z)² + (z - 12345.678)²\n  > 10^(-6)\n', want: 'refuted' },
    { name: 'a narrow bump that underflows between grid points', text: 'scalar x\n    e^{-1000 (x - 3.3)^2}\n  < 0.5\n', want: 'refuted' },
    { name: 'a² + b² ≥ 2ab holds (the descent finds no failure)', text: 'scalar a, b\n    a² + b²\n  ≥ 2 a b\n', want: 'passes' },
    { name: 'a declared function may be constant: ∇f(x) ≠ 0', text: 'vector x in R^n\nfunction f : R^n → R\n    ∇_x f(x)\n  ≠ 0\n', want: 'refuted' },
    { name: 'and ‖∇f(x)‖² > 0', text: 'vector x in R^n\nfunction f : R^n → R\n    ‖∇_x f(x)‖²\n  > 0\n', want: 'refuted' },
    { name: 'a gradient step need not grow ‖u‖', text: 'scalar η\nvector u in R^n\nfunction L : R^n → R\nassume u ≠ 0, η > 0\n    ‖u - η ∇_u L(u)‖²\n  > ‖u‖²\n', want: 'refuted' },
    // (Unknown until the sides' tie there, √10·√10 against 10, was decided in exact sums of square roots.)
    { name: '|xᵀy| < ‖x‖‖y‖ touches where y = x', text: 'vector x, y in R^n\nassume x ≠ 0, y ≠ 0\n    |xᵀy|\n  < ‖x‖ ‖y‖\n', want: 'refuted' },
    { name: '2^k ≤ 10³⁰ fails past the sampled k', text: 'integer k\nassume k ≥ 0\n    2^k\n  ≤ 10^30\n', want: 'refuted' },
    { name: 'a doubling recurrence passes 10⁶', text: 'integer t\nscalar a_t\ndefine a_0 = 1\ndefine a_t = 2 a_{t-1} for t ≥ 1\nassume t ≥ 0\n    a_t\n  ≤ 10^6\n', want: 'refuted' },
    { name: 'a sum that agrees up to t = 13', text: 'integer t\nassume t ≥ 0\n    ∑_{i=1}^{t} i\n  = t(t+1)/2 + t(t-1)(t-2)(t-3)(t-4)(t-5)(t-6)(t-7)(t-8)(t-9)(t-10)(t-11)(t-12)(t-13)\n', want: 'refuted' },
    { name: '∑ i = t(t+1)/2 still passes', text: 'integer t\nassume t ≥ 0\n    ∑_{i=1}^{t} i\n  = t(t+1)/2\n', want: 'passes' },
    { name: 'a kink far out: |x − 98765| ≥ 10⁻⁹', text: 'scalar x\n    |x - 98765|\n  ≥ 10^(-9)\n', want: 'refuted', point: /"98765"/ },
    { name: 'a kink at a long decimal: |x − 8765.4321| ≥ 10⁻⁹', text: 'scalar x\n    |x - 8765.4321|\n  ≥ 10^(-9)\n', want: 'refuted' },
    { name: '‖w‖ = 2‖b‖ ⇒ w = 2b fails at w = −2b (a ray)', text: 'vector w, b in R^n\n    ‖w‖ = 2 ‖b‖\n  ⇒ w = 2 b\n', want: 'refuted' },
    { name: 'wᵀw = 1 ⇔ w = b/‖b‖ fails on the rest of the sphere', text: 'vector w, b in R^n\nassume b ≠ 0\n    wᵀw = 1\n  ⇔ w = b/‖b‖\n', want: 'refuted' },
    { name: 'wᵀw = 1 ⇒ w_1 < 1 fails at a unit vector', text: 'vector w in R^n\n    wᵀ w = 1\n  ⇒ w_1 < 1\n', want: 'refuted' },
    // On a ray ‖w‖ = 1 agrees with 1 + π/10⁶⁰ to 50 digits: no point of the solution set, so
    // no refutation of this right step; Newton's boxes (10⁻⁶⁰ wide) are on the sphere.
    { name: '‖w‖ = 1 + π/10⁶⁰ ⇒ ‖w‖ > 1 is not refuted by 50-digit agreement', text: 'vector w in R^n\n    ‖w‖ = 1 + π/10^60\n  ⇒ ‖w‖ > 1\n', want: 'passes' },
    { name: '‖w‖ = 1 + π/10⁶⁰ ⇒ ‖w‖ > 1 + 10⁻⁵⁹ fails on the sphere', text: 'vector w in R^n\n    ‖w‖ = 1 + π/10^60\n  ⇒ ‖w‖ > 1 + 10^(-59)\n', want: 'refuted' },
    // The norm rules keep the norm written: Frobenius bounds are not the 2-norm's (red team).
    { name: '‖A B‖_F ≤ ‖A‖ ‖B‖ is wrong (Frobenius on the left)', text: 'matrix A, B in R^{n×n}\n    ‖A B‖_F\n  ≤ ‖A‖ ‖B‖\n', want: 'refuted' },
    { name: '‖A‖_F ≤ √λ_max(AᵀA) is wrong', text: 'matrix A in R^{n×n}\n    ‖A‖_F\n  ≤ √(λ_max(Aᵀ A))\n', want: 'refuted' },
    { name: '‖−A‖_F ≤ ‖A‖ is wrong', text: 'matrix A in R^{n×n}\n    ‖-A‖_F\n  ≤ ‖A‖\n', want: 'refuted' },
    { name: '‖diag(tanh v)‖_F ≤ 1 is wrong', text: 'vector v in R^n\n    ‖diag(tanh(v))‖_F\n  ≤ 1\n', want: 'refuted' },
    { name: '‖A + B‖_F ≤ ‖A‖ + ‖B‖ + ∑ 0 (no cross-check) is not proved', text: 'matrix A, B in R^{n×n}\n    ‖A + B‖_F\n  ≤ ‖A‖ + ‖B‖ + ∑_{i=1}^{10^9} 0\n', want: 'unknown' },
    { name: '‖A B‖_F ≤ ‖A‖_F ‖B‖_F holds', text: 'matrix A, B in R^{n×n}\n    ‖A B‖_F\n  ≤ ‖A‖_F ‖B‖_F\n', want: 'passes' },
    { name: '‖A + B‖_F ≤ ‖A‖_F + ‖B‖_F holds', text: 'matrix A, B in R^{n×n}\n    ‖A + B‖_F\n  ≤ ‖A‖_F + ‖B‖_F\n', want: 'passes' },
    // A 10⁻²⁰ difference that vanishes only at n = 2: confirmed at every size, not the cheapest (red team).
    { name: 'exp(1+x²) + 10⁻²⁵·‖Cayley–Hamilton‖² = exp(1+x²) fails for n > 2', text: 'scalar x\nmatrix A in R^{n×n}\n    exp(1 + x²) + 10^(-25) tr((A A - tr(A) A + det(A) I)ᵀ (A A - tr(A) A + det(A) I))\n  = exp(1 + x²)\n', want: 'refuted' },
    { name: 'exp(1+x²) + 10⁻²⁰ wᵀw (n − 2) = exp(1+x²) fails for n > 2', text: 'scalar x\nvector w in R^n\n    exp(1 + x²) + 10^(-20) (wᵀw) (n - 2)\n  = exp(1 + x²)\n', want: 'refuted' },
    // Numbers the step writes that need more than 250 digits get a level of their own (red team).
    { name: 'tanh x < 1 − 10⁻³⁰⁰ fails for x > 345.7', text: 'scalar x\n    tanh(x)\n  < 1 - 10^(-300)\n', want: 'refuted' },
    { name: '1/(1 + e^{−x}) < 1 − 10⁻⁴⁰⁰ fails for x > 921', text: 'scalar x\n    1/(1 + e^(-x))\n  < 1 - 10^(-400)\n', want: 'refuted' },
    { name: '(1 + e^{−x}) − 1 = e^{−x} + 10⁻⁵⁰⁰ is wrong', text: 'scalar x\n    (1 + e^(-x)) - 1\n  = e^(-x) + 10^(-500)\n', want: 'refuted' },
    // Second red-team pass: ≠ searched at roots; numbers past what the checker computes with; √ past 10³⁰⁸.
    { name: 'x ≠ 1234.5678 fails there', text: 'scalar x\n    x\n  ≠ 1234.5678\n', want: 'refuted' },
    { name: 'x² ≠ 2 fails at √2', text: 'scalar x\n    x^2\n  ≠ 2\n', want: 'refuted' },
    { name: 'x² + 1 ≠ 0 holds', text: 'scalar x\n    x^2 + 1\n  ≠ 0\n', want: 'passes' },
    { name: 'π + 10⁻¹⁰⁰⁰ = π is out of reach, not checked', text: '    π + 10^(-1000)\n  = π\n', want: 'unknown' },
    { name: '√(10^800) = 10^400 is proved exactly', text: '    √(10^800)\n  = 10^400\n', want: 'passes' },
    { name: '√(10^500 + 1) = 10^250 is wrong', text: '    √(10^500 + 1)\n  = 10^250\n', want: 'refuted' },
    // At x = y, e^x < e^y is false for certain (the same expression), though no enclosure
    // can show it; such a tie decides the comparison instead of making the step unknown.
    { name: 'e^x < e^y ⇔ x < y holds', text: 'scalar x, y\n    e^x < e^y\n  ⇔ x < y\n', want: 'passes' },
    { name: 'log x < log y ⇔ x < y holds for x, y > 0', text: 'scalar x, y\nassume x > 0\nassume y > 0\n    log(x) < log(y)\n  ⇔ x < y\n', want: 'passes' },
    { name: 'e^x < e^y ⇔ x ≤ y fails at a tie', text: 'scalar x, y\n    e^x < e^y\n  ⇔ x ≤ y\n', want: 'refuted' },
    { name: 'wᵀw = 1 ⇒ w_1 ≤ 1 holds', text: 'vector w in R^n\n    wᵀ w = 1\n  ⇒ w_1 ≤ 1\n', want: 'passes' },
    { name: '‖w‖ = ‖b‖ ⇔ wᵀw = bᵀb holds', text: 'vector w, b in R^n\n    ‖w‖ = ‖b‖\n  ⇔ wᵀw = bᵀb\n', want: 'passes' },
    { name: '|x − π| > 0 fails only at a kink', text: 'scalar x\n    |x - π|\n  > 0\n', want: 'refuted', point: /"x","π"/ },
    { name: 'cos x > −1 touches at π', text: 'scalar x\n    cos(x)\n  > -1\n', want: 'refuted', point: /"x","-?π"/ },
    // (A sampled point where no precision tells the sides apart is proved equal by algebra.)
    { name: 'max(x, π) > π fails on a half-line the enclosures cannot split', text: 'scalar x\n    max(x, π)\n  > π\n', want: 'refuted', point: /"x","-?[\d.\/]+"/ },
    { name: 'x e^(−x) < 1/e fails at 1, where no precision tells the sides apart', text: 'scalar x\n    x e^(-x)\n  < 1/e\n', want: 'refuted', point: /"x","1"/ },
    { name: 'x exp(−x) < 1/e fails at 1', text: 'scalar x\n    x exp(-x)\n  < 1/e\n', want: 'refuted', point: /"x","1"/ },
    { name: 'eˣ > e x fails at 1', text: 'scalar x\n    exp(x)\n  > e x\n', want: 'refuted', point: /"x","1"/ },
    { name: 'x e^(−x) ≤ 1/e holds', text: 'scalar x\n    x e^(-x)\n  ≤ 1/e\n', want: 'passes' },
    { name: 'log(x)/x < 1/e fails at e', text: 'scalar x\nassume x > 0\n    log(x)/x\n  < 1/e\n', want: 'refuted', point: /"x","e"/ },
    { name: 'x log x > −1/e fails at 1/e', text: 'scalar x\nassume x > 0\n    x log(x)\n  > -1/e\n', want: 'refuted', point: /"x","(1\/e|exp\(-1\))"/ },
    { name: 'x log x > −1/e under 0 < x ≤ 1/e fails at the included edge 1/e', text: 'scalar x\nassume 0 < x ≤ 1/e\n    x log(x)\n  > -1/e\n', want: 'refuted', point: /"x","1\/e"/ },
    { name: 'x log x > −1/e under 0 < x < 1/e holds', text: 'scalar x\nassume 0 < x < 1/e\n    x log(x)\n  > -1/e\n', want: 'passes' },
    // An assumption deriv cannot evaluate (a lim, a ∑ of 200,000 terms) was passed over when a
    // counterexample was confirmed, so a point it excludes was reported (x > 3 at x = 0).
    { name: 'x > 3 under lim_{t→0}(x + t) > 5 is not refuted', text: 'scalar x\nassume lim_{t→0} (x + t) > 5\n    x\n  > 3\n', want: 'unknown' },
    // (True, and false where the assumption allows the place: unknown either way, never
    // refuted at a place the assumption may exclude, never passed past one it may allow.)
    { name: 'cos x < 1 under 0 < x < 10, lim_{t→0}(x + t) ≠ 2π is not refuted', text: 'scalar x\nassume 0 < x < 10, lim_{t→0} (x + t) ≠ 2π\n    cos(x)\n  < 1\n', want: 'unknown' },
    { name: 'cos x < 1 under 0 < x < 10, lim_{t→0}(x + t) ≠ 3 is not passed', text: 'scalar x\nassume 0 < x < 10, lim_{t→0} (x + t) ≠ 3\n    cos(x)\n  < 1\n', want: 'unknown' },
    { name: 'x e^(−x) < 1/e under 0 < x < 3, lim_{t→0}(x eᵗ) ≠ 1 is not refuted', text: 'scalar x\nassume 0 < x < 3, lim_{t→0} (x e^t) ≠ 1\n    x e^(-x)\n  < 1/e\n', want: 'unknown' },
    { name: 'x e^(−x) < 1/e under 0 < x < 3, lim_{t→0}(x eᵗ) ≠ 2 is not passed', text: 'scalar x\nassume 0 < x < 3, lim_{t→0} (x e^t) ≠ 2\n    x e^(-x)\n  < 1/e\n', want: 'unknown' },
    { name: '(x + 2.5)² − 0.01 > 0 under lim_{t→0}(x + t) ≠ 100 is not passed (only the search sees it fail)', text: 'scalar x\nassume lim_{t→0} (x + t) ≠ 100\n    (x + 2.5)^2 - 0.01\n  > 0\n', want: 'unknown' },
    { name: '(x + 2.5)² + 0.01 > 0 under lim_{t→0}(x + t) ≠ 100 holds', text: 'scalar x\nassume lim_{t→0} (x + t) ≠ 100\n    (x + 2.5)^2 + 0.01\n  > 0\n', want: 'passes' },
    { name: 'tan x < 1 under 0 < x ≤ π/4, lim_{t→0}(x + t²) < π/4 is not refuted', text: 'scalar x\nassume 0 < x ≤ π/4, lim_{t→0} (x + t^2) < π/4\n    tan(x)\n  < 1\n', want: 'unknown' },
    { name: 'x log x ≥ −1/e holds', text: 'scalar x\nassume x > 0\n    x log(x)\n  ≥ -1/e\n', want: 'passes' },
    // (False at x = 3/2, where max(3/2, π) is π exactly: unknown while assumptions and
    // statements compared sides only by their texts, refuted since constants count as the
    // numbers they are.)
    { name: 'and inside a ⇔', text: 'scalar x\n    max(x, π) > π\n  ⇔ x > 0\n', want: 'refuted', point: /"x","1\.5"/ },
    { name: 'x/(x+1) < 1 fails left of the pole', text: 'scalar x\n    x/(x+1)\n  < 1\n', want: 'refuted' },
    { name: 'x + 1/x > 2 touches at 1', text: 'scalar x\nassume x > 0\n    x + 1/x\n  > 2\n', want: 'refuted' },
    { name: 'log x < x holds (no false touch)', text: 'scalar x\nassume x > 0\n    log(x)\n  < x\n', want: 'passes' },
  ];
  it.each(cases)('$name', async ({ text, want, point }) => {
    const report = await checkSource(text, { file: 'case.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    const item = report.steps[0]!;
    if (want === 'passes') expect(['proved', 'checked'], item.message).toContain(item.verdict);
    else expect(item.verdict, item.message).toBe(want);
    if (want === 'refuted') expect(item.counterexample).not.toBeNull();
    if (point) expect(`${item.message}\n${JSON.stringify(item.counterexample)}`).toMatch(point);
  });

  it('a shrunk or searched counterexample keeps its matrices\' declared tags', async () => {
    const text = 'matrix H in R^{n×n} symmetric positive definite\n    λ_max(H)\n  ≤ 100 λ_min(H) + 1\n';
    const item = (await checkSource(text, { file: 'case.deriv' })).steps[0]!;
    expect(item.verdict).toBe('refuted');
    // The right side is 100 λ_min(H) + 1: above 1 at any positive definite H (it was −12.7).
    expect(Number(item.counterexample!.right), item.counterexample!.right).toBeGreaterThan(0.99);
  });

  it('positive definite matrices are drawn with tiny smallest eigenvalues too', async () => {
    for (const bound of ['10^(-3)', '10^(-9)']) {
      const text = `matrix H in R^{n×n} symmetric positive definite\n    λ_min(H)\n  ≥ ${bound}\n`;
      expect((await checkSource(text, { file: 'case.deriv' })).steps[0]!.verdict).toBe('refuted');
    }
  });

  it('an inequality\'s IH is assumed in the step, with no false warning; a wrong step after it is still refuted', async () => {
    const right = 'integer t\nshow 2^t ≥ t + 1 for all t ≥ 0 by induction on t\n  base:\n      2^0\n    = 1\n    ≥ 0 + 1\n  step:\n      2^t\n    = 2 · 2^{t-1}\n    ≥ 2 t     by IH\n    ≥ t + 1\n';
    const a = await checkSource(right, { file: 'case.deriv' });
    expect(a.diagnostics.map((d) => d.code)).toEqual([]);
    expect(a.shows.map((s) => s.verdict)).toEqual(['checked']);
    const wrong = 'integer t\nshow 2^t ≥ 2t for all t ≥ 0 by induction on t\n  base:\n      2^0\n    ≥ 0\n  step:\n      2^t\n    = 2 · 2^{t-1}\n    ≥ 4 (t - 1)     by IH\n    ≥ 2t\n';
    const b = await checkSource(wrong, { file: 'case.deriv' });
    expect(b.shows.map((s) => s.verdict)).toEqual(['refuted']);
  });

  it('names what could not be decided, and never prints an empty point', async () => {
    const item = (await checkSource('    (10^9)!\n  > 0\n', { file: 'case.deriv' })).steps[0]!;
    expect(item.verdict).toBe('unknown');
    expect(item.message).toBe('the step could not be decided (a factorial too large to evaluate)');
  });

  it('a wrong step never passes for lack of time: a short limit gives unknown or refuted', async () => {
    for (const { text, want } of cases.filter((c) => c.want !== 'passes')) {
      for (const timeoutMs of [1, 5, 20]) {
        const item = (await checkSource(text, { file: 'case.deriv', timeoutMs })).steps[0]!;
        expect(['proved', 'checked'], `${text} at ${timeoutMs} ms: ${item.message}`).not.toContain(item.verdict);
        if (want === 'refuted' && item.verdict === 'refuted') expect(item.counterexample).not.toBeNull();
      }
    }
  });
});

// (Second red team:) an assumption relating sizes (m = n + 1, n = 1) was a substitution for the
// number and not for the size: true steps were refuted at n = m = 3, or at n = 2 under n = 1.
// Now a condition checked at each point: never refuted, unknown where no point meets it.
describe('assumptions about sizes', () => {
  it.each([
    ['matrix A in R^{n×m}\nassume m = n + 1\n    det(Aᵀ A)\n  = 0\n'],
    ['matrix A in R^{n×m}\nassume m = 2 n\n    det(Aᵀ A)\n  = 0\n'],
    ['matrix A in R^{n×m}\nassume n = m\n    det(Aᵀ A)\n  = det(A Aᵀ)\n'],
    ['matrix A, B in R^{n×n}\nassume n = 1\n    A B\n  = B A\n'],
    ['vector x in R^n\nassume n = 1\n    ‖x‖\n  = |x_1|\n'],
  ])('%s is not refuted', async (text) => {
    const report = await checkSource(text, { file: 'sizes.deriv' });
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message)).toEqual([]);
    expect(report.steps[0]!.verdict, report.steps[0]!.message).not.toBe('refuted');
  });
});

// (Second red team:) points that meet equality assumptions only to double precision are no
// evidence for a step that writes a number finer than doubles tell: these held "to double
// precision" at 20 points and were checked on some seeds. True steps with no such number stay
// checked.
// (Third red team:) a size given by an assumption from another's is drawn so (m = n + 1 left no
// point); a size read as a number is tried at every size up to 12 ((n − 10)² ≥ 1 under n ≥ 6
// fails at 10 alone).
describe('sizes given by assumptions, and read as numbers', () => {
  it.each([
    ['matrix A in R^{n×m}\nassume m = n + 1\n    det(Aᵀ A)\n  = 0\n', 'checked'],
    ['matrix A in R^{n×m}\nassume m = n + 1\n    tr(I_m)\n  = tr(I_n) + 1\n', 'checked'],
    ['matrix A in R^{n×m}\nassume m = n + 1\n    tr(I_m)\n  = tr(I_n) + 2\n', 'refuted'],
    ['matrix A in R^{n×m}\nassume n = 2m\n    tr(I_n)\n  = tr(I_m) + 2\n', 'refuted'],
    ['matrix A in R^{n×m}\nassume n = 2m\n    tr(I_n)\n  = 2 tr(I_m)\n', 'checked'],
    ['vector x in R^n\nassume n ≥ 6\n    (n - 10)^2\n  ≥ 1\n', 'refuted'],
    // (A size given by another's follows it in the dimension search too.)
    ['matrix A in R^{n×m}\nassume m = n + 1\n    (m - 7)^2\n  ≥ 1\n', 'refuted'],
    ['matrix A in R^{n×m}\nassume m = n + 1\n    det(Aᵀ A) + (n - 10)^2\n  ≥ 1\n', 'refuted'],
    ['matrix A in R^{n×m}\nassume m = n + 1\n    ∑_{i=1}^{m} i\n  ≠ 28\n', 'refuted'],
    // (Red team rt65:) a size a trace reads as a number, at every size up to 12: it fails at 9 and 10 alone.
    ['matrix A in R^{n×n}\n    tr(I_n)\n  ≠ 9\n', 'refuted'],
    ['vector x in R^n\n    (tr(I_n) - 10)^2\n  > 0\n', 'refuted'],
    ['matrix A in R^{n×n}\n    tr(I_n)\n  ≠ 1\n', 'checked'],
  ])('%s is %s', async (text, verdict) => {
    const report = await checkSource(text, { file: 'sizes.deriv' });
    expect(report.steps[0]!.verdict, report.steps[0]!.message).toBe(verdict);
  });
});

describe('points met to double precision, and a finer number', () => {
  const ORTHONORMAL = 'vector x, y in R^n\nassume xᵀy = 0, ‖x‖ = 1, ‖y‖ = 1\n';
  it.each([0, 1, 2, 3])('never passes a difference of 10⁻²⁰ (seed %i)', async (seed) => {
    for (const step of ['    xᵀx + yᵀy\n  = 2 + 10^(-20)\n', '    ‖x - y‖\n  = √2 + 10^(-20)\n']) {
      const report = await checkSource(`${ORTHONORMAL}${step}`, { file: 'orth.deriv', seed });
      expect(['refuted', 'unknown'], report.steps[0]!.message).toContain(report.steps[0]!.verdict);
    }
  });
  it.each([['    xᵀx + yᵀy\n  = 2\n'], ['    ‖x - y‖\n  = √2\n']])('still passes %s', async (step) => {
    // (~1 s a step alone: 10 s, so that a loaded machine running two test files does not make it unknown for time.)
    const report = await checkSource(`${ORTHONORMAL}${step}`, { file: 'orth.deriv', timeoutMs: 10_000 });
    expect(['proved', 'checked'], report.steps[0]!.message).toContain(report.steps[0]!.verdict);
  });
});

describe('assumptions that compare drawn scalars and numbers are decided on the drawn values', () => {
  // (Point.truth decides `0 < β < 1`, `a ≤ b`, `x ≠ 1/2` on the drawn rationals without the
  // interpreter, as its exact level would: every verdict here rests on one such assumption
  // holding or failing exactly at its edge.)
  const spy = vi.spyOn(Prepared.prototype, 'simpleComparison');
  afterAll(() => spy.mockRestore());
  it.each([
    { text: 'scalar β\nassume 0 < β < 1\n    1\n  = β/β\n', want: 'proved', simple: true },
    { text: 'scalar β\nassume β ≠ 1/2\n    1\n  = (β - 1/2)/(β - 1/2)\n', want: 'proved', simple: true },
    { text: 'scalar β\nassume β ≠ 1/3\n    1\n  = (β - 1/2)/(β - 1/2)\n', want: 'refuted', simple: true },
    { text: 'scalar a, b\nassume 0 < a ≤ b\n    sqrt(b - a)^2\n  = b - a\n', want: 'proved', simple: true },
    { text: 'scalar a, b\nassume 0 < a ≤ b\n    b - a\n  ≥ 0\n', want: 'checked', simple: true },
    { text: 'scalar a, b\nassume 0 < a < b\n    a - b\n  ≥ 0\n', want: 'refuted', simple: true },
    // (Proved since √(u²) is |u| to the case split on signs.)
    { text: 'scalar x\nassume x ≥ 0\n    sqrt(x^2)\n  = x\n', want: 'proved', simple: true },
    { text: 'scalar x\nassume x ≥ -1/1000\n    sqrt(x^2)\n  = x\n', want: 'refuted', simple: true },
    { text: 'integer t\nassume t ≥ 2\n    1\n  = (t - 1)/(t - 1)\n', want: 'proved', simple: true },
    { text: 'integer t\nassume t ≥ 1\n    1\n  = (t - 1)/(t - 1)\n', want: 'refuted', simple: true },
    // Not simple: a definition gives c its value, an operation, a vector.
    { text: 'scalar x, c\ndefine c = x - 1\nassume c > 0\n    1\n  = (x - 1)/(x - 1)\n', want: 'proved', simple: false },
    { text: 'scalar x\nassume x^2 > 1/4\n    1\n  = (2 x - 1)/(2 x - 1)\n', want: 'proved', simple: false },
  ])('$text → $want', async ({ text, want, simple: isSimple }) => {
    spy.mockClear();
    const r = await checkSource(text);
    expect(r.steps.map((s) => s.verdict).join(' ')).toBe(want);
    const asked = spy.mock.results.map((x) => x.value !== null);
    expect(asked.some((x) => x)).toBe(isSimple);
  });
});

describe('a sine turn\'s exact place, as written on paper', () => {
  // (It read 28007·π − (−14) for cos(x/7 − 2) at its trough.)
  it('writes a turn past a negative offset with a plus', async () => {
    const report = await checkSource('scalar x\nassume |x - 88000.5854490893392296232532355090372777101233682985887280452731967650140908578554245753714| < 10^(-12)\n    cos(x/7 - 2)\n  > -1\n', { file: 'turn.deriv' });
    expect(report.steps[0]!.verdict).toBe('refuted');
    expect(report.steps[0]!.counterexample!.assignments).toEqual([['x', '28007·π + 14']]);
  });
});
