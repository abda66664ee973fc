import { describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import type { Verdict } from '../src/result.js';

/**
 * `for all` assumptions sampling cannot enforce (a bound from one side, an equation, a relation
 * of several values) left a failing step `unknown` ("may violate an assumption sampling cannot
 * enforce"), every failing step of the file, `1 = 2` too. Where the functions they call can be
 * lines a + b·z that meet each of them at every z (src/check/sampling/witness.ts), the failure
 * stands there, and the step is refuted; a right step never is.
 */
interface Case {
  readonly name: string;
  readonly src: string;
  readonly want: Verdict | 'not refuted';
  /** The counterexample's value of a function, and what its note says. */
  readonly fn?: readonly [string, string];
  readonly note?: RegExp;
}

const BELOW = 'scalar a, b, γ\nfunction f : R → R\nassume f(z) ≥ 0 for all z\n';
const ABOVE_Z = 'scalar a\nfunction f : R → R\nassume f(z) ≥ z for all z\n';
const SIGMOID = "scalar a\nfunction σ : R → R\nassume σ'(z) = σ(z)(1 - σ(z)) for all z\n";
const PAIRS = 'scalar a, b\nfunction g : R → R\nassume g(x) + g(y) ≥ 0 for all x, y\n';
const LIPSCHITZ = "scalar a, b\nfunction g : R → R\nassume |g'(z)| ≤ 1 for all z\nassume g(z) ≥ 0 for all z\n";

const CASES: Case[] = [
  // A step that does not read the function: any function meeting the assumption will do.
  { name: '1 = 2 under f(z) ≥ 0', src: `${BELOW}    1\n  = 2\n`, want: 'refuted' },
  { name: 'a + 1 = a under f(z) ≥ 0', src: `${BELOW}    a + 1\n  = a\n`, want: 'refuted' },
  { name: "|σ'(a)| ≤ γ/2 under |σ'(z)| ≤ γ beside f(z) ≥ 0", src: `${BELOW}function σ : R → R\nassume γ > 0\nassume |σ'(z)| ≤ γ for all z\n    |σ'(a)|\n  ≤ γ/2\n`, want: 'refuted' },
  { name: '1 = a/a under f(z) ≥ 0 (the right side undefined at a = 0)', src: `${BELOW}    1\n  = a/a\n`, want: 'refuted' },
  // A step that reads it: the line is shown, and what it was chosen to meet.
  { name: 'f(2) ≥ 1 under f(z) ≥ 0', src: `${BELOW}    f(2)\n  ≥ 1\n`, want: 'refuted', fn: ['f', '0, a constant function'], note: /f is chosen to meet 'f\(z\) ≥ 0' for every z/ },
  { name: 'f(a) > 0 under f(z) ≥ 0', src: `${BELOW}    f(a)\n  > 0\n`, want: 'refuted' },
  { name: 'f(a) ≥ 1 under f(z) > 0', src: 'scalar a\nfunction f : R → R\nassume f(z) > 0 for all z\n    f(a)\n  ≥ 1\n', want: 'refuted' },
  { name: 'f(3) ≥ 4 under f(z) ≥ z (f = x)', src: `${ABOVE_Z}    f(3)\n  ≥ 4\n`, want: 'refuted', fn: ['f', 'x'] },
  { name: 'f(a) > a + 1 under f(z) ≥ z', src: `${ABOVE_Z}    f(a)\n  > a + 1\n`, want: 'refuted' },
  { name: "σ'(a) = σ(a) under σ' = σ(1 − σ) (σ = 1)", src: `${SIGMOID}    σ'(a)\n  = σ(a)\n`, want: 'refuted', note: /σ is chosen to meet 'σ'\(z\) = σ\(z\) \(1 - σ\(z\)\)' for every z/ },
  { name: "σ(a) > 0 under σ' = σ(1 − σ) alone (σ = 0 meets it)", src: `${SIGMOID}    σ(a)\n  > 0\n`, want: 'refuted' },
  { name: 'g(a) ≥ 1 under g(x) + g(y) ≥ 0', src: `${PAIRS}    g(a)\n  ≥ 1\n`, want: 'refuted' },
  { name: "g(a) ≥ 1/2 under |g'(z)| ≤ 1 and g(z) ≥ 0", src: `${LIPSCHITZ}    g(a)\n  ≥ 1/2\n`, want: 'refuted' },
  { name: 'f(a) ≤ g(a) under f(z) ≤ g(z) + 1 (two functions)', src: 'scalar a\nfunction f : R → R\nfunction g : R → R\nassume f(z) ≤ g(z) + 1 for all z\n    f(a)\n  ≤ g(a)\n', want: 'refuted' },
  // Failures only a constant gives (the searches' constant instances find them): they stand.
  { name: 'f(a) ≠ 0 under f(z) ≥ 0 (f = 0)', src: `${BELOW}    f(a)\n  ≠ 0\n`, want: 'refuted', fn: ['f', '0, a constant function'] },
  { name: 'f(a)² ≤ f(a) under f(z) ≥ 0 (f = 2)', src: `${BELOW}    f(a)^2\n  ≤ f(a)\n`, want: 'refuted' },
  { name: "σ'(a) ≠ 0 under σ' = σ(1 − σ)", src: `${SIGMOID}    σ'(a)\n  ≠ 0\n`, want: 'refuted' },
  // Assumptions a candidate meets by the bounds of their terms, not as a constant difference.
  { name: "g(a) ≥ 1 under |g(x) − g(y)| ≤ |x − y| (g constant: 0 ≤ |x − y|)", src: 'scalar a\nfunction g : R → R\nassume |g(x) - g(y)| ≤ |x - y| for all x, y\n    g(a)\n  ≥ 1\n', want: 'refuted' },
  { name: 'f(1) ≥ 0 under f(z) ≥ −z² (f = −x²), beside a Lipschitz g', src: 'function f : R → R\nfunction g : R → R\nassume |g(x) - g(y)| ≤ |x - y| for all x, y\nassume f(z) ≥ -z^2 for all z\n    f(1)\n  ≥ 0\n', want: 'refuted', fn: ['f', '-x²'] },
  { name: 'f(a) ≥ 1 under f(x) ≤ f(y) + (x − y)² (f constant)', src: 'scalar a\nfunction f : R → R\nassume f(x) ≤ f(y) + (x - y)^2 for all x, y\n    f(a)\n  ≥ 1\n', want: 'refuted' },
  // Candidates for several functions advance together; scaled quadratics; built-ins; values (red team rt76).
  { name: 'g(1) ≥ −1 under f(z) + g(z) = 0 and f(z) ≥ z² (f = 1 + x², g = −1 − x²)', src: 'function f : R → R\nfunction g : R → R\nassume f(z) + g(z) = 0 for all z\nassume f(z) ≥ z^2 for all z\n    g(1)\n  ≥ -1\n', want: 'refuted' },
  { name: "f(0) > 0 under f(z) ≥ 0 and f''(z) = 2 (f = x²)", src: "function f : R → R\nassume f(z) ≥ 0 for all z\nassume f''(z) = 2 for all z\n    f(0)\n  > 0\n", want: 'refuted' },
  { name: "f(1) > 1 under f(z) ≥ γ z², γ = 1 (γ's value at the point put in)", src: 'scalar γ\nfunction f : R → R\nassume γ = 1\nassume f(z) ≥ γ z^2 for all z\n    f(1)\n  > 1\n', want: 'refuted' },
  { name: 'f(1) > 2 under f(z) ≥ 2z² (f = 2x²)', src: 'function f : R → R\nassume f(z) ≥ 2 z^2 for all z\n    f(1)\n  > 2\n', want: 'refuted' },
  { name: 'f(0) ≥ 1 under exp(f(z)) ≥ 1 (f = 0)', src: 'function f : R → R\nassume exp(f(z)) ≥ 1 for all z\n    f(0)\n  ≥ 1\n', want: 'refuted' },
  { name: 'a ≥ 1 under g(z) ≥ z² + 1 and g(a) ≤ 2: g is shown', src: 'scalar a\nfunction f : R → R\nfunction g : R → R\nassume f(z) ≥ 0 for all z\nassume g(z) ≥ z^2 + 1 for all z\nassume g(a) ≤ 2\n    a\n  ≥ 1\n', want: 'refuted', note: /g is chosen to meet 'g\(z\) ≥ z² \+ 1'/ },
  { name: 'f(0) ≥ 1 under f(z) ≥ 2z + 1/1000 (f = 2x + 1/2, a line with both coefficients simple)', src: 'function f : R → R\nassume f(z) ≥ 2z + 1/1000 for all z\n    f(0)\n  ≥ 1\n', want: 'refuted' },
  { name: 'f(1) = 1 under f(x + y) = f(x) + f(y) + 2xy (f = x² + x)', src: 'function f : R → R\nassume f(x + y) = f(x) + f(y) + 2 x y for all x, y\n    f(1)\n  = 1\n', want: 'refuted' },
  // A function of a vector, L : R^n → R: constants only (a loss bounded below).
  { name: '1 = 2 under L(u) ≥ 0 for all u in R³', src: 'vector w, u in R^3\nfunction L : R^3 → R\nassume L(u) ≥ 0 for all u\n    1\n  = 2\n', want: 'refuted' },
  { name: 'L(w) ≥ 1 under L(u) ≥ 0 for all u (L = 0)', src: 'vector w, u in R^3\nfunction L : R^3 → R\nassume L(u) ≥ 0 for all u\n    L(w)\n  ≥ 1\n', want: 'refuted', fn: ['L', '0, a constant function'] },
  // Bounded gradients and smoothness (rt79): a constant's gradient is 0, under a norm too.
  { name: '1 = 2 under ‖∇_u L(u)‖ ≤ G for all u', src: 'scalar G\nvector w, u in R^n\nfunction L : R^n → R\nassume G > 0\nassume ‖∇_u L(u)‖ ≤ G for all u\n    1\n  = 2\n', want: 'refuted' },
  { name: 'L(w) ≥ 0 under ‖∇_u L(u)‖ ≤ G for all u (L = −1)', src: 'scalar G\nvector w, u in R^n\nfunction L : R^n → R\nassume G > 0\nassume ‖∇_u L(u)‖ ≤ G for all u\n    L(w)\n  ≥ 0\n', want: 'refuted', note: /L is chosen to meet '‖∇_u L\(u\)‖ ≤ G' for every u/ },
  { name: 'L(w) ≥ 1 under ‖∇L(u) − ∇L(v)‖ ≤ β‖u − v‖ for all u, v (L = 0)', src: 'scalar β\nvector w, u, v in R^n\nfunction L : R^n → R\nassume β > 0\nassume ‖∇_u L(u) - ∇_v L(v)‖ ≤ β ‖u - v‖ for all u, v\n    L(w)\n  ≥ 1\n', want: 'refuted', fn: ['L', '0, a constant function'] },
  { name: "f(a) ≥ 1 under |d/dz f(z)| ≤ 1 for all z (f = 0)", src: 'scalar a\nfunction f : R → R\nassume |d/dz f(z)| ≤ 1 for all z\n    f(a)\n  ≥ 1\n', want: 'refuted' },
  // Waves: a bound on σ' with σ(z) > 0, which no polynomial but a constant meets (red team rt77).
  { name: "|σ'(a)σ'(b)| ≤ γ under |σ'(z)| ≤ γ, σ(z) > 0, γ > 1 (σ = c + (γ/w)·sin(w x))", src: "scalar a, b, γ\nfunction σ : R → R\nassume γ > 1\nassume |σ'(z)| ≤ γ for all z\nassume σ(z) > 0 for all z\n    |σ'(a) σ'(b)|\n  ≤ γ\n", want: 'refuted', note: /σ is chosen to meet '\|σ'\(z\)\| ≤ γ' and 'σ\(z\) > 0'/ },
  { name: "σ'(a) ≤ γ/2 under |σ'(z)| ≤ γ and σ(z) > 0", src: "scalar a, γ\nfunction σ : R → R\nassume γ > 0\nassume |σ'(z)| ≤ γ for all z\nassume σ(z) > 0 for all z\n    σ'(a)\n  ≤ γ/2\n", want: 'refuted' },
  // Other functions' assumptions: each group of functions linked by them is met on its own.
  { name: 'f(1) ≥ 1 under f(z) ≥ 0 beside g(z) ≥ z² (g = x², a quadratic; red team rt75)', src: 'scalar a\nfunction f : R → R\nfunction g : R → R\nassume f(z) ≥ 0 for all z\nassume g(z) ≥ z^2 for all z\n    f(1)\n  ≥ 1\n', want: 'refuted' },
  { name: '1 = 2 under four functions bounded below', src: 'function f : R → R\nfunction g : R → R\nfunction h : R → R\nfunction k : R → R\nassume f(z) ≥ 0 for all z\nassume g(z) ≥ 1 for all z\nassume h(z) ≥ 2 for all z\nassume k(z) ≥ 3 for all z\n    1\n  = 2\n', want: 'refuted' },
  { name: 'f(a) ≥ a² + 1 under f(z) ≥ z² (f = x²)', src: 'scalar a\nfunction f : R → R\nassume f(z) ≥ z^2 for all z\n    f(a)\n  ≥ a^2 + 1\n', want: 'refuted' },
  { name: 'f(3) > 9 under f(z) ≥ z² (f = x²)', src: 'function f : R → R\nassume f(z) ≥ z^2 for all z\n    f(3)\n  > 9\n', want: 'refuted', fn: ['f', 'x²'] },
  { name: 'f(1) ≤ −1 under f(z) ≤ g(z), g(z) ≤ 0: g is shown too', src: 'function f : R → R\nfunction g : R → R\nassume f(z) ≤ g(z) for all z\nassume g(z) ≤ 0 for all z\n    f(1)\n  ≤ -1\n', want: 'refuted', fn: ['g', '0, a constant function'], note: /f and g are chosen to meet 'f\(z\) ≤ g\(z\)' and 'g\(z\) ≤ 0' for every z/ },
  { name: 'f(0) ≥ 2 under f(z) ≥ sin(a) (a built-in in the assumption is no function to replace)', src: 'scalar a\nfunction f : R → R\nassume f(z) ≥ sin(a) for all z\n    f(0)\n  ≥ 2\n', want: 'refuted' },
  { name: 'f(2) ≥ 1 under f(z) ≥ a: the value of a is shown', src: 'scalar a\nfunction f : R → R\nassume f(z) ≥ a for all z\n    f(2)\n  ≥ a + 1\n', want: 'refuted', note: /'f\(z\) ≥ a'/ },
  // Right steps: never refuted.
  // (Red team rt82:) a defined family or recurrence under `for all`, which follows the bound
  // index: f ≡ 0 was taken to meet f(k) ≥ u_k, judged at the point's k alone.
  { name: 'f(3) ≥ 9 under f(k) ≥ u_k for all k, u_k = k²', src: 'integer k\nfunction f : R → R\ndefine u_k = k^2\nassume f(k) ≥ u_k for all k\n    f(3)\n  ≥ 9\n', want: 'not refuted' },
  { name: 'f(3) ≥ 8 under f(t) ≥ v_t for all t, v_t = 2 v_(t−1), v_0 = 1', src: 'integer t\nfunction f : R → R\ndefine v_0 = 1\ndefine v_t = 2 v_{t-1} for t ≥ 1\nassume f(t) ≥ v_t for all t\n    f(3)\n  ≥ 8\n', want: 'not refuted' },
  { name: 'g(3) ≤ 1/4 under g(k) ≤ u_k for all k, u_k = 1/(k + 1)', src: 'integer k\nfunction g : R → R\ndefine u_k = 1/(k + 1)\nassume g(k) ≤ u_k for all k\n    g(3)\n  ≤ 1/4\n', want: 'not refuted' },
  { name: '‖∇_w L(w)‖² ≤ G² under ‖∇_u L(u)‖ ≤ G for all u', src: 'scalar G\nvector w, u in R^n\nfunction L : R^n → R\nassume G > 0\nassume ‖∇_u L(u)‖ ≤ G for all u\n    ‖∇_w L(w)‖^2\n  ≤ G^2\n', want: 'not refuted' },
  { name: 'L(w) − L(v) ≤ G‖w − v‖ under ‖∇_u L(u)‖ ≤ G for all u (the mean value theorem)', src: 'scalar G\nvector w, v, u in R^n\nfunction L : R^n → R\nassume G > 0\nassume ‖∇_u L(u)‖ ≤ G for all u\n    L(w) - L(v)\n  ≤ G ‖w - v‖\n', want: 'not refuted' },
  { name: 'L(w) ≥ 0 under ‖∇_u L(u)‖ ≤ G and L(u) ≥ 0 for all u', src: 'scalar G\nvector w, u in R^n\nfunction L : R^n → R\nassume G > 0\nassume ‖∇_u L(u)‖ ≤ G for all u\nassume L(u) ≥ 0 for all u\n    L(w)\n  ≥ 0\n', want: 'not refuted' },
  { name: "‖∇_w L(w)‖ ≤ 1 under ‖∇_u r‖ ≤ 1 for all u, r defined from L (a defined name's gradient is never taken for 0)", src: 'vector w, u in R^n\nfunction L : R^n → R\ndefine r = L(u)\nassume ‖∇_u r‖ ≤ 1 for all u\n    ‖∇_w L(w)‖\n  ≤ 1\n', want: 'not refuted' },
  { name: 'f(a) + 1 > 0 under f(z) ≥ 0', src: `${BELOW}    f(a) + 1\n  > 0\n`, want: 'not refuted' },
  { name: 'f(a) ≥ 0 under f(z) ≥ 0', src: `${BELOW}    f(a)\n  ≥ 0\n`, want: 'proved' },
  { name: 'f(a) ≥ a under f(z) ≥ z', src: `${ABOVE_Z}    f(a)\n  ≥ a\n`, want: 'proved' },
  { name: "σ'(a) ≤ 1/4 under σ' = σ(1 − σ) (true of every solution on all of R)", src: `${SIGMOID}    σ'(a)\n  ≤ 1/4\n`, want: 'not refuted' },
  { name: "σ'(a) = σ(a) − σ(a)² under σ' = σ(1 − σ)", src: `${SIGMOID}    σ'(a)\n  = σ(a) - σ(a)^2\n`, want: 'proved' },
  { name: 'g(a) ≥ 0 under g(x) + g(y) ≥ 0 (x = y = a)', src: `${PAIRS}    g(a)\n  ≥ 0\n`, want: 'not refuted' },
  { name: "g(a) − g(b) ≤ |a − b| under |g'(z)| ≤ 1 and g(z) ≥ 0", src: `${LIPSCHITZ}    g(a) - g(b)\n  ≤ |a - b|\n`, want: 'not refuted' },
  { name: 'f(a)² + 1 ≥ 1 under f(z) ≥ z', src: `${ABOVE_Z}    f(a)^2 + 1\n  ≥ 1\n`, want: 'not refuted' },
  { name: "|σ'(a)σ'(b)| ≤ γ² under |σ'(z)| ≤ γ and σ(z) > 0", src: "scalar a, b, γ\nfunction σ : R → R\nassume γ > 1\nassume |σ'(z)| ≤ γ for all z\nassume σ(z) > 0 for all z\n    |σ'(a) σ'(b)|\n  ≤ γ^2\n", want: 'not refuted' },
  { name: "|σ'(a)| < γ + 1 under |σ'(z)| ≤ γ and σ(z) > 0", src: "scalar a, γ\nfunction σ : R → R\nassume γ > 0\nassume |σ'(z)| ≤ γ for all z\nassume σ(z) > 0 for all z\n    |σ'(a)|\n  < γ + 1\n", want: 'not refuted' },
  { name: 'g(a) − g(b) ≤ |a − b| under |g(x) − g(y)| ≤ |x − y|', src: 'scalar a, b\nfunction g : R → R\nassume |g(x) - g(y)| ≤ |x - y| for all x, y\n    g(a) - g(b)\n  ≤ |a - b|\n', want: 'not refuted' },
  { name: 'f(a) ≥ −a² under f(z) ≥ −z²', src: 'scalar a\nfunction f : R → R\nassume f(z) ≥ -z^2 for all z\n    f(a)\n  ≥ -a^2\n', want: 'not refuted' },
  { name: 'f(a) f(b) ≥ 0 under f(z) ≥ 0', src: `${BELOW}    f(a) f(b)\n  ≥ 0\n`, want: 'not refuted' },
  { name: "σ'(a) ≥ 0 under σ' = σ(1 − σ) and 0 < σ(z) < 1", src: `${SIGMOID}assume 0 < σ(z) < 1 for all z\n    σ'(a)\n  ≥ 0\n`, want: 'not refuted' },
  { name: 'σ(a) ≤ 1 under ‖σ(u)‖ ≤ 1 for all u in R³ (σ of a vector is a vector: no constant 1)', src: 'scalar a\nvector u in R^3\nfunction σ : R → R\nassume ‖σ(u)‖ ≤ 1 for all u\n    σ(a)\n  ≤ 1\n', want: 'not refuted' },
  { name: 'L(w) + 1 > 0 under L(u) ≥ 0 for all u', src: 'vector w, u in R^3\nfunction L : R^3 → R\nassume L(u) ≥ 0 for all u\n    L(w) + 1\n  > 0\n', want: 'not refuted' },
  { name: 'L(w) ≥ 1 under L(u) ≥ ‖u‖² + 1 for all u (no constant meets it)', src: 'vector w, u in R^3\nfunction L : R^3 → R\nassume L(u) ≥ ‖u‖^2 + 1 for all u\n    L(w)\n  ≥ 1\n', want: 'not refuted' },
  { name: '1 = 2 under L(u) ≥ ‖u‖² for all u (no constant meets it: unknown)', src: 'vector w, u in R^3\nfunction L : R^3 → R\nassume L(u) ≥ ‖u‖^2 for all u\n    1\n  = 2\n', want: 'unknown' },
  // A chain whose pairs are proved two ways: each pair that is the same everywhere is judged at 0 too.
  { name: 'f(1) ≥ f(0) + 1 under −z² ≤ 0 ≤ f(z + 1) − f(z) − 1 (f = −x does not meet it)', src: 'function f : R → R\nassume -(z^2) ≤ 0 ≤ f(z + 1) - f(z) - 1 for all z\n    f(1)\n  ≥ f(0) + 1\n', want: 'not refuted' },
  // A function the file defines is no function to replace: an assumption about it speaks of the ones its body calls.
  { name: 'f(3) ≥ −1 under f(z) ≥ −5 and h(z) ≥ 0, h(z) = f(z) + 1 defined (right: f ≥ −1)', src: 'function f : R → R\nassume f(z) ≥ -5 for all z\ndefine h(z) = f(z) + 1\nassume h(z) ≥ 0 for all z\n    f(3)\n  ≥ -1\n', want: 'not refuted' },
  { name: '1 = 2 under h(z) ≤ 0, h(z) = f(z) + 1 defined, and f(z) ≥ 0 (contradictory)', src: 'function f : R → R\ndefine h(z) = f(z) + 1\nassume h(z) ≤ 0 for all z\nassume f(z) ≥ 0 for all z\n    1\n  = 2\n', want: 'not refuted' },
  // Assumptions no candidate meets: a failure stays a suspicion.
  { name: 'f(1) ≥ 1 under f(z) ≥ 0 beside g(z) ≥ exp(z) (g not shown to exist by a candidate)', src: 'function f : R → R\nfunction g : R → R\nassume f(z) ≥ 0 for all z\nassume g(z) ≥ exp(z) for all z\n    f(1)\n  ≥ 1\n', want: 'unknown' },
  { name: '1 = 2 under g(z) ≥ 1 and g(z) ≤ 0 (contradictory) beside f(z) ≥ 0', src: 'function f : R → R\nfunction g : R → R\nassume f(z) ≥ 0 for all z\nassume g(z) ≥ 1 for all z\nassume g(z) ≤ 0 for all z\n    1\n  = 2\n', want: 'unknown' },
  { name: '0 = 1 under f(−z) = f(z) + 1 (no function meets it)', src: 'function f : R → R\nassume f(-z) = f(z) + 1 for all z\n    0\n  = 1\n', want: 'unknown' },
  { name: '4 ≤ 1 under z² ≤ 1 for all z (nothing meets it)', src: 'assume z^2 ≤ 1 for all z\n    4\n  ≤ 1\n', want: 'unknown' },
  { name: 'f(a) ≥ a³ + 1 under f(z) ≥ z³ (no candidate of degree 2 meets it)', src: 'scalar a\nfunction f : R → R\nassume f(z) ≥ z^3 for all z\n    f(a)\n  ≥ a^3 + 1\n', want: 'unknown' },
  { name: 'f(a) ≥ 1 under f(z) ≥ exp(z) (read through a call: not proved of a line)', src: 'scalar a\nfunction f : R → R\nassume f(z) ≥ exp(z) for all z\n    f(a)\n  ≥ exp(a) + 1\n', want: 'unknown' },
];

describe('for all assumptions met by lines: failures that stand', () => {
  for (const seed of [undefined, 1]) {
    for (const c of CASES) {
      it(`${c.name}${seed === undefined ? '' : ` (seed ${seed})`}`, async () => {
        const r = await checkSource(c.src, { timeoutMs: 10_000, ...(seed === undefined ? {} : { seed }) });
        expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const step = r.steps[r.steps.length - 1]!;
        if (c.want === 'not refuted') expect(step.verdict).not.toBe('refuted');
        else expect(step.verdict).toBe(c.want);
        if (c.fn) expect(step.counterexample?.assignments).toContainEqual(c.fn);
        if (c.note) expect(step.counterexample?.note).toMatch(c.note);
        if (c.want === 'refuted') expect(step.message).not.toMatch(/may violate/);
      });
    }
  }

  it('a counterexample of a step that does not read the function names no function and needs no note', async () => {
    const r = await checkSource(`${BELOW}    1\n  = 2\n`, {});
    expect(r.steps[0]!.counterexample).toEqual({ assignments: [], left: '1', right: '2' });
  });
});
