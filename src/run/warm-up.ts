/**
 * Small derivations a fresh `deriv check` worker checks while it waits for its first file
 * (the main thread is still loading and parsing): V8 runs the checker's code interpreted at
 * first and 3–4× faster once warm, and the idle worker may as well be warming it. They are
 * parsed at build time (scripts/bundle-worker.mjs writes dist/worker/warm-up.json, as the
 * worker never loads the parser) and checked one per turn of the event loop until the first
 * file comes; their reports are dropped. Nothing they do is kept: the checker has no state
 * between files but caches keyed by the files' own objects, so no verdict depends on them.
 * They touch the common paths: the identity test, rules, sums, expectations, gradients,
 * recurrences with a declared function, ⇔ chains, norms and sampling of non-rational steps.
 */
import type { ParsedDerivation } from '../parse/index.js';

export const WARM_UP_SOURCES: readonly string[] = [
  `scalar a, b
    (a + b)^2 - b^2
  = a (a + 2b)
`,
  `scalar a, x
assume a > 0
    a x < a
  ⇔ x < 1       by dividing by a > 0
`,
  `scalar x
    exp(x) exp(-x)
  = 1
`,
  `integer t
vector h_t, x_t in R^n
matrix W in R^{n×n}
function σ : R → R
define h_t = W σ(h_{t-1}) + x_t      for t ≥ 1
    h_2
  = W σ(h_1) + x_2     by def h
`,
  `integer T
scalar β
assume 0 ≤ β < 1
    ∏_{t=1}^{T} β
  = β^T
  → 0 as T → ∞
`,
  `vector x, u, v in R^n
matrix H in R^{n×n} symmetric
assume H invertible
scalar c
define f(x) = c + xᵀ v + 1/2 xᵀ H x
    ∇_u f(u)
  = v + H u
    H u = -v
  ⇔ u = -H⁻¹ v
`,
  `vector u, v in R^n
    ‖u + v‖
  ≤ ‖u‖ + ‖v‖          by triangle inequality
    (u + v)ᵀ(u + v)
  = uᵀu + 2 uᵀv + vᵀv
`,
  `vector w in R^n
scalar b
random x in R^n with E[x] = 0, E[x xᵀ] = I
define y = wᵀx + b
    E[y]
  = b
    Var[y]
  = E[(wᵀx)²]
  = wᵀw
`,
];

/** A warm-up derivation with its parse. */
export interface WarmUpItem {
  readonly text: string;
  readonly parsed: ParsedDerivation;
}

/**
 * Checks the items with `check`, one per turn of the event loop, until `stop()` says a real
 * job has come (or they are done). Errors are ignored: a warm-up never fails a run.
 */
export async function warmUp(check: (text: string, parsed: ParsedDerivation) => Promise<unknown>, items: readonly WarmUpItem[], stop: () => boolean): Promise<void> {
  for (const item of items) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (stop()) return;
    try {
      await check(item.text, item.parsed);
    } catch {
      // a warm-up that fails only warmed up less
    }
  }
}
