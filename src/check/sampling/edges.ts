import type { Expr, Formula } from '../../ast.js';
import { children, formulaExprs, freeNames } from '../../ast-walk.js';
import type { Counterexample } from '../../result.js';
import { Mat, isMat } from '../evaluator/field.js';
import { Rational, exactField } from '../evaluator/rational.js';
import { printExpr, printFormula, printName } from '../../print.js';
import { isExpr, type StepProblem } from '../problem.js';
import { substitute, visit } from '../rewrite.js';
import type { Rng } from '../rng.js';
import { constantValueInstance, derivativeExtremesInstance, edgeFunctions, elementwiseInstance, extremesInstance, kinkInstance, scaledByValueInstance, valuesInstance, waveInstance, type FunctionInstance, type ValueExpr } from './draw.js';
import { evaluate, groundHostIn } from '../evaluator/interpret.js';
import { intervalField, type Interval } from '../evaluator/interval.js';
import type { FunctionBound } from './point.js';
import { equalAtSampledPoint, exactScalar as value, probeFailure, respectsTags } from './explore.js';
import { allLevels } from './levels.js';
import { constantValue } from '../evaluator/interpret.js';
import type { Point } from './point.js';
import { now } from '../../clock.js';

/**
 * The edges of the assumptions that random points and the other searches miss, where a step
 * that turns `≤` into `<` fails (LANGUAGE.md §3, "Search, not luck"):
 * - a vector or matrix a bound constrains (`‖W‖ ≤ δ`, `λ_max(WᵀW) ≤ δ²`, `‖v‖ ≥ 1`) at 0,
 *   c·e₁ (c·E₁₁) and c·I, with c the exact rational that puts it on the bound, also with the
 *   scalars the bounds read at their included ends (`0 ≤ δ`: δ = 0, W = 0 for `‖W‖² < δ`);
 * - each declared function the step reads as a constant and, for `R → R`, as the lines
 *   ±x + a, scaled onto a `for all` bound on its derivative (σ(x) = γx on |σ'(z)| ≤ γ):
 *   random instances are never either. They are tried at the first held point, there with the
 *   vectors and matrices no bound constrains at e₁ (E₁₁: their norms are exact), and at the
 *   first structured points.
 * Every probe must meet every assumption exactly or by disjoint enclosures (not by agreement:
 * `Point.satisfiesAssumptions` with `certain`), and the step must certainly fail there.
 */
export function edgeSearch(p: StepProblem, base: Point, rng: Rng, deadline: number,
  /**
   * Told of the first probe where a strict comparison or `≠` could not be decided at any
   * precision: built to sit on a bound, its sides may be equal there, and the step fail
   * (`exp(f(a)) < e` at f ≡ 1, `‖σ(x)‖ < √n` at σ ≡ 1: e against e, √2 against √2).
   */
  onTight?: (point: Point, where: string) => void,
  /** Told of each bounded function no probe could put on its bounds without breaking another assumption. */
  onUnreached?: (fn: string) => void,
  /** How a probe is tried (a statement step's: both statements' truth); an expression step's sides by default. */
  probe?: (point: Point, where: string, onUndecided: () => void) => Counterexample | null,
  /**
   * Told of each probe at the first held point with the bounded functions constant on their
   * bounds that met the assumptions and where the step held: a base for the inequality
   * search over the scalars (`f(x) cos(x) < 1` under |f(z)| ≤ 1 fails at f ≡ 1 and x = 0 only);
   * `together` where every bounded function is on its bound at once.
   */
  onBase?: (point: Point, together: boolean) => void): Counterexample | null {
  const levels = allLevels();
  const mats = [...base.values.keys()].filter((k) => base.touched.has(k) && isMat(base.values.get(k)!.value)).slice(0, 4);
  const fns = [...base.touched].filter((k) => k.startsWith('fn:')).map((k) => k.slice(3));
  if (mats.length === 0 && fns.length === 0) return null;
  const bounds = matrixBounds(base, mats);
  /** Each probe, with the bounded functions it puts on (or at the most within) their bounds. */
  type Probe = { point: Point; where: string; bounds?: readonly string[]; base?: 'one' | 'together' };
  const probes: Probe[] = [];
  // (The probes at ±B at the step's arguments, up to 28 of them: tried after the others and
  // beside their cap, so that they never push the structured points past it.)
  const extremes: Probe[] = [];
  const seen = new Set<string>();
  // Scalars the bounds read, at each included end of their own interval (`0 ≤ δ < 1`: 0).
  const ends: [string, Rational][] = [];
  for (const key of new Set(bounds.flatMap((b) => b.scalars))) {
    const iv = base.prep.intervals.get(key);
    if (!iv || base.isInteger(key)) continue;
    if (iv.lo !== null && iv.loClosed) ends.push([key, iv.lo]);
    if (iv.hi !== null && iv.hiClosed) ends.push([key, iv.hi]);
  }
  const settings: (readonly [string, Rational])[][] = [[], ...ends.slice(0, 4).map((e) => [e])];
  // (And all of them at once, each at its first end.)
  const first = new Map<string, Rational>();
  for (const [k, v] of ends) if (!first.has(k)) first.set(k, v);
  if (first.size > 1) settings.push([...first]);
  const structured: { point: Point; where: string }[] = [];
  for (const setting of settings) {
    const at = setting.reduce((q, [k, v]) => q.replacing(k, v, rng), base);
    const scalarsText = setting.map(([k, v]) => `${label(base, k)} = ${v.toString()}`).join(', ');
    for (const form of ['zero', 'unit', 'identity'] as const) {
      const entries: [string, Mat<Rational>, string][] = [];
      for (const key of mats) {
        const v = base.values.get(key)!.value as Mat<Rational>;
        const dir = direction(v, form);
        if (!dir) continue;
        const own = bounds.filter((b) => b.key === key);
        // (One no bound constrains is left as drawn: 0 and I are the coincidence and scale searches'.)
        if (own.length === 0) continue;
        const c = form === 'zero' ? Rational.ZERO : own.map((b) => onBound(at, b, dir, rng)).find((x) => x !== null) ?? null;
        if (c === null) continue;
        const what = form === 'zero' ? '0' : `${c.toString()}·${form === 'unit' ? unitName(v) : 'I'}`;
        entries.push([key, dir.map((x) => x.mul(c)), `${label(base, key)} = ${what}`]);
      }
      const groups = entries.length > 1 ? [entries, ...entries.map((e) => [e])] : entries.length === 1 ? [entries] : [];
      for (const group of groups) {
        if (setting.length === 0 && group.length === 0) continue;
        const id = `${setting.map(([k, v]) => `${k}=${v}`).join(',')}|${group.map(([k, m]) => `${k}=${m.data.join(',')}`).join(';')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        const q = group.reduce((pt, [k, m]) => pt.replacing(k, m, rng), at);
        structured.push({ point: q, where: [...group.map(([, , w]) => w), scalarsText].filter((s) => s).join(', ') });
      }
      // Under a strict bound (‖w‖ > 100) its edge breaks it: just beside it too, on both sides
      // (the assumptions keep the side that meets them). Red team: ‖v‖ ≥ 1 + 10⁻⁹ under ‖v‖ > 1
      // was checked; only a non-strict bound's edge was probed.
      for (const [key, m, what] of entries) {
        if (!bounds.some((b) => b.key === key && b.strict) || m.data.every((x) => x.isZero())) continue;
        for (const k of STRICT_EDGE_BITS) {
          for (const sign of [1n, -1n]) {
            const factor = Rational.ONE.add(new Rational(sign, 1n << k));
            const q = at.replacing(key, m.map((x) => x.mul(factor)), rng);
            structured.push({ point: q, where: [`${what}·(1 ${sign > 0n ? '+' : '−'} 2^(−${k}))`, scalarsText].filter((t) => t).join(', ') });
          }
        }
      }
    }
  }
  // A function's edge instances at the first sampled point, then the structured points as they are,
  // then those instances at the structured points (exact there where a norm is: u = e₁).
  const withFunctions = (q: Point, where: string) => {
    for (const f of fns) {
      const info = base.ctx.scope.get(f);
      if (!info?.fn) continue;
      // (Under a bound on |f| itself a line is scaled to the constant at that bound, as the
      // constant is: there the constants are 1 and −1, which scaling puts on the bound and on
      // its negative. A constant 0, which no scaling moves, had left |f(a)| < 1 under
      // |f(z)| ≤ 1 for all z checked at some seeds.)
      // Under a bound on a higher derivative, |f''(z)| ≤ c, the powers ±x² (±xᵏ), scaled onto
      // it: no constant or line reaches it (|f''(a)| < c had been checked).
      const fb = base.prep.functionBounds.get(f) ?? [];
      // (Bounds as numbers, a defined constant put in as its body: `define c = π/3` with
      // |f(z)| ≤ c is on π/3 exactly; red team rt84.)
      const fbExact = constantBodies(fb, base);
      const orders = new Set(fb.map((b) => b.order));
      const bounded = orders.has(0);
      // (The one order bounded, when only one is.)
      const single = orders.size === 1 ? [...orders][0]! : undefined;
      const drawn = edgeFunctions(rng, info.fn.elementwise);
      // (In a range, `0 < σ(z) < 1`, the constant 0 is its middle: `σ(a)(1 − σ(a)) < 1/4` fails there.)
      const ranged = fb.some((b) => b.side);
      // Under bounds on f alone written as numbers with no rational value (|f(z)| ≤ π), f ≡ ±
      // that number exactly: a scaled instance has rational coefficients, and came only within
      // 10⁻⁹ of it (`f(x) < π` under |f(z)| ≤ π was checked; red team rt82).
      if (where === '' && single === 0 && info.fn.elementwise) {
        for (const c of irrationalEnds(fbExact, q)) probes.push({ bounds: [f], base: 'one', point: q.withFunction(f, c.instance, rng), where: `${f} ≡ ${c.text}, on its bound` });
      }
      const instances = bounded && info.fn.elementwise
        ? [elementwiseInstance([Rational.ONE], []), elementwiseInstance([Rational.of(-1)], []), ...(ranged ? [elementwiseInstance([Rational.ZERO], [])] : [])]
        : drawn;
      // (Under a strict bound on |σ| or a strict range, the probes at ±its bound go just inside
      // it too, not only halfway: `σ(a) − σ(b) < 0.99` under 0 < σ(z) < 1 fails there.)
      const strictly = fb.some((b) => b.strict) ? [HALFWAY, ...JUST_INSIDE_ALL] : [HALFWAY];
      if (info.fn.elementwise) {
        for (const k of [...orders].filter((o) => o >= 2).sort((x, y) => x - y)) {
          for (const sign of [Rational.ONE, Rational.of(-1)]) instances.push(elementwiseInstance([...Array<Rational>(k).fill(Rational.ZERO), sign], []));
        }
        // Under a bound on |f| alone, f at its bound at some arguments of the step and at minus
        // it at the others (f(a) = 1, f(−a) = −1: `f(a) − f(−a) < 2` fails there), each
        // argument (a vector's entries together) on one side, every way but all alike.
        // (At the first held point, and with its scalars spread apart: there a and −a, a and
        // a², are often one value, 0 or 1.)
        if (single === 0 && where === '') {
          for (const at of [q, spread(q), close(q, p)]) {
            if (!at) continue;
            for (const [plus, minus] of signSplits(argumentValues(p, f, at))) {
              for (const shrink of strictly) {
                extremes.push({ bounds: [f], point: at.withFunction(f, extremesInstance(plus, minus), rng, shrink), where: `${f} at its bound at some of the step's arguments and at minus it at the others` });
              }
              // (On a bound written as a number with no rational value, B = π, exactly B·g: a
              // rational scaling only came near it, and `f(x) − f(y) < 2π` under |f(z)| ≤ π was
              // checked; red team rt83.)
              for (const R of irrationalRanges(fbExact, 0)) {
                extremes.push({ bounds: [f], point: at.withFunction(f, extremesOnRange(plus, minus, R), rng), where: `${f} at the ends of its range at the step's arguments` });
              }
            }
          }
        }
        // A function nothing bounds at the values the step names (its numbers, and 0) at its
        // arguments, one value per argument group: random instances never hit them.
        if (orders.size === 0 && where === '') {
          const groups = argumentValues(p, f, q).filter((g) => g.length === 1).map((g) => g[0]!).slice(0, 2);
          const named = stepNumbers(p, q);
          if (groups.length === 1) {
            for (const c of named) extremes.push({ point: q.withFunction(f, valuesInstance(groups, c, [], c), rng), where: `${f} at ${c.toString()}, a number the step names` });
          } else if (groups.length === 2) {
            for (const c1 of named) {
              for (const c2 of named) {
                extremes.push({ point: q.withFunction(f, valuesInstance([groups[0]!], c1, [groups[1]!], c2), rng), where: `${f} at numbers the step names at its arguments` });
              }
            }
          }
        }
        // Under a bound on f' or f'' alone, f⁽ᵏ⁾ turning from −c to c at one of the step's
        // arguments or midway between two (`f(a) + f(b) − 2f((a + b)/2) ≤ 0.7|a − b|` under
        // |f'| ≤ 1 fails at f = √((x − m)² + ε²), m = (a + b)/2): as far from a line as it can be.
        if ((single === 1 || single === 2) && where === '') {
          for (const at of [q, spread(q)]) {
            if (!at) continue;
            const values = distinct(callTargets(p, f, at).map((t) => t.value)).slice(0, 4);
            const kinks = [...values];
            for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) kinks.push(values[i]!.add(values[j]!).div(Rational.of(2)));
            for (const m of distinct(kinks).slice(0, 8)) {
              for (const sign of [Rational.ONE, Rational.of(-1)]) {
                for (const shrink of strictly) extremes.push({ bounds: [f], point: at.withFunction(f, kinkInstance(single, m, sign), rng, shrink), where: `${f}${"'".repeat(single)} turning from its bound to minus it at x = ${m.toString()}` });
              }
            }
          }
        }
        // Under a bound on one derivative alone, |f⁽ᵏ⁾(z)| ≤ c, f⁽ᵏ⁾ = c at one argument and −c
        // at another (a wave through π: `f'(a) − f'(b) < 2c` fails there, up to enclosure, so
        // such a step is unknown rather than passed).
        if (single !== undefined && single >= 1 && where === '') {
          for (const at of [q, spread(q), close(q, p)]) {
            if (!at) continue;
            const scalars = argumentValues(p, f, at).filter((g) => g.length === 1).map((g) => g[0]!);
            for (let i = 0; i < scalars.length && i < 3; i++) {
              for (let j = i + 1; j < scalars.length && j < 3; j++) {
                for (const [x1, x2] of [[scalars[i]!, scalars[j]!], [scalars[j]!, scalars[i]!]] as const) {
                  for (const shrink of strictly) extremes.push({ bounds: [f], point: at.withFunction(f, derivativeExtremesInstance(single, x1, x2), rng, shrink), where: `${f}${"'".repeat(single)} at its bound at one of the step's arguments and at minus it at another` });
                  // (On a bound with no rational value, |f'(z)| ≤ π, exactly: f' = π at one and −π at
                  // the other; `f'(x) − f'(y) < 2π` was checked, red team rt84.)
                  for (const R of irrationalRanges(fbExact, single)) {
                    const g = derivativeExtremesInstance(single, x1, x2);
                    const inst = scaledByValueInstance(g, R.c, (name) => g.describe(name).replace(/^(\S+) = 1·/u, `$1 = ${R.cText}·`).replace(/ = 1 at x = ([^,]*), -1 at x = /u, ` = ${R.hi} at x = $1, ${R.lo} at x = `));
                    extremes.push({ bounds: [f], point: at.withFunction(f, inst, rng), where: `${f}${"'".repeat(single)} at its bound at one of the step's arguments and at minus it at another` });
                  }
                }
              }
            }
          }
        }
        // One derivative at the most a wave its bounds allow reaches, at one of the step's
        // arguments, both signs: exact there (`|f'(a)| < 1` under |f| ≤ 1 and |f'| ≤ 1 fails at
        // f = sin(x − a); `f'(a) < 100` under |f| ≤ 1 at f = 10⁻⁶·sin(10⁶(x − a))).
        if (orders.size > 0 && where === '') {
          for (const at of [q, spread(q)]) {
            if (!at) continue;
            for (const { order: k, value: x } of callTargets(p, f, at).slice(0, 3)) {
              const omega = widestWave(at, fb, k);
              if (!omega) continue;
              for (const sign of [Rational.ONE, Rational.of(-1)]) {
                // (And at a phase of 1, where the orders next to k are not 0: g(a)g'(a) ≤ 100
                // under |g| ≤ 1 fails there, at f = sin(10¹²x + 1).)
                for (const phase of [Rational.ZERO, Rational.ONE]) {
                  extremes.push({ bounds: [f], point: at.withFunction(f, waveInstance(k, x, omega, sign, phase), rng, JUST_INSIDE), where: `${f}${"'".repeat(k)} at the most a wave within its bounds reaches, at x = ${x.toString()}` });
                }
              }
            }
          }
        }
      }
      // Under a bound on f' alone written as a number with no rational value (|f'(z)| ≤ π),
      // the lines ±π·x exactly (`f(x + 1) − f(x) < π` was checked; red team rt83).
      if (single === 1 && where === '' && info.fn.elementwise) {
        for (const R of irrationalRanges(fbExact, 1)) {
          for (const sign of [1, -1] as const) probes.push({ bounds: [f], point: q.withFunction(f, lineOnBound(R, sign), rng), where: `${f} a line, on the bound on its derivative` });
        }
      }
      for (const inst of instances) {
        const line = inst.sup?.(1)?.isZero() === false;
        if (line && bounded) continue;
        const r = q.withFunction(f, inst, rng);
        const degree = inst.sup ? [0, 1, 2, 3, 4, 5, 6].findIndex((k) => inst.sup!(k + 1)?.isZero() === true) : -1;
        const what = degree >= 2 ? `a power of x, scaled onto the bound on its ${degree === 2 ? 'second' : `${degree}th`} derivative` : line ? 'a line, scaled onto any bound on its derivative' : 'a constant function';
        probes.push({ ...(orders.size > 0 ? { bounds: [f] } : {}), ...(((bounded && degree === 0) || (single === 1 && degree === 1)) && where === '' ? { base: 'one' as const } : {}), point: r, where: `${f} ${what}${where ? `, ${where}` : ''}` });
        // (Under a bound, also with the scalars and vectors spread apart and small: `‖σ(x) −
        // σ(y)‖ ≤ ‖x − y‖²` under |σ'| ≤ 1 fails for σ(z) = z where x − y is short.)
        const apart = orders.size > 0 && where === '' ? spread(q) : null;
        if (apart) extremes.push({ bounds: [f], point: apart.withFunction(f, inst, rng), where: `${f} ${what}, its arguments spread apart` });
      }
    }
    // Under a strict bound on |f| a constant just inside it too, not only halfway (`|f(a)| <
    // 0.99` under `|f(z)| < 1` fails at f ≡ 0.995): at 1 − 10⁻³, 1 − 10⁻⁹ and 1 − 10⁻³⁰ of it.
    // (At the first held point only: the probes per step are capped.)
    // (So under a strict bound on a derivative, |f⁽ᵏ⁾(z)| < c, for ±c·xᵏ/k! just inside it:
    // `|f(a) − f(b)| ≤ 0.999|a − b|` under |f'| < 1 fails at f = 0.9999x, not at x/2.)
    for (const f of where === '' ? fns : []) {
      if (!base.ctx.scope.get(f)?.fn?.elementwise) continue;
      const strictOrders = new Set((base.prep.functionBounds.get(f) ?? []).filter((b) => b.strict).map((b) => b.order));
      for (const k of [...strictOrders].sort((x, y) => x - y)) {
        for (const shrink of [Rational.parse('0.999'), ...JUST_INSIDE_ALL]) {
          for (const sign of [Rational.ONE, Rational.of(-1)]) {
            const r = q.withFunction(f, elementwiseInstance([...Array<Rational>(k).fill(Rational.ZERO), sign], []), rng, shrink);
            const what = k === 0 ? 'a constant' : k === 1 ? 'a line' : 'a power of x';
            (k === 0 ? probes : extremes).push({ bounds: [f], point: r, where: `${f} ${what} just inside its bound${where ? `, ${where}` : ''}` });
          }
        }
      }
    }
    // Several functions bounded at once, each on its bound as a constant, with signs all +,
    // all −, and the first against the rest (`f(a) g(b) < 1` under |f|, |g| ≤ 1 fails at
    // f = g = 1): one at a time, the other stayed as drawn, off its bound.
    // (And a function bounded on f' alone, as the line ±x scaled onto it: `f'(x) g'(y) < 1`
    // under |f'|, |g'| ≤ 1 fails at f = g = x, and `f'(x) g(y) > −1` under |f'|, |g| ≤ 1 at
    // f = x, g ≡ −1; red team rt82.)
    const slopeOnly = (f: string): boolean => {
      const orders = new Set((base.prep.functionBounds.get(f) ?? []).map((b) => b.order));
      return orders.size === 1 && orders.has(1);
    };
    const together = fns.filter((f) => base.ctx.scope.get(f)?.fn?.elementwise && ((base.prep.functionBounds.get(f) ?? []).some((b) => b.order === 0) || slopeOnly(f)));
    if (together.length >= 2) {
      const one = Rational.ONE;
      const minus = Rational.of(-1);
      // (A bound with no rational value, |f(z)| ≤ π or −1 ≤ f(z) ≤ π, exactly: m + c·(±1), its
      // ends; a rational scaling only came near, and f(x) − g(x) < 2π under |f|, |g| ≤ π was
      // checked, red team rt84.)
      const exact = new Map(together.map((f) => [f, irrationalRanges(constantBodies(base.prep.functionBounds.get(f) ?? [], base), slopeOnly(f) ? 1 : 0)[0]] as const));
      const anyExact = [...exact.values()].some((R) => R !== undefined);
      for (const signs of [together.map(() => one), together.map(() => minus), together.map((_, i) => (i === 0 ? one : minus)), together.map((_, i) => (i === 0 ? minus : one))]) {
        const r = together.reduce((pt, f, i) => pt.withFunction(f, elementwiseInstance(slopeOnly(f) ? [Rational.ZERO, signs[i]!] : [signs[i]!], []), rng), q);
        probes.push({ bounds: together, ...(where === '' ? { base: 'together' as const } : {}), point: r, where: `${together.map((f, i) => `${f} = ${signs[i]!.sign() < 0 ? '−' : ''}its bound`).join(', ')}${where ? `, ${where}` : ''}` });
        if (!anyExact || where !== '') continue;
        const onEnds = together.reduce((pt, f, i) => {
          const R = exact.get(f);
          const sign = signs[i]!.sign() < 0 ? -1 : 1;
          if (!R) return pt.withFunction(f, elementwiseInstance(slopeOnly(f) ? [Rational.ZERO, signs[i]!] : [signs[i]!], []), rng);
          return pt.withFunction(f, slopeOnly(f) ? lineOnBound(R, sign) : constantOnRange(R, sign), rng);
        }, q);
        probes.push({ bounds: together, point: onEnds, where: `${together.map((f, i) => `${f} = ${signs[i]!.sign() < 0 ? '−' : ''}its bound`).join(', ')}` });
      }
      // Each bounded on |f| alone at its bound at some of the step's arguments and at minus it
      // at the others, all at once: `f(x) + g(y) − f(y) − g(x) < 4` under |f|, |g| ≤ 1 fails
      // at f = 1, −1 and g = −1, 1 at x, y (red team rt84). Each function's splits (four at most),
      // every combination, sixteen at most.
      const onValue = together.filter((f) => !slopeOnly(f) && (base.prep.functionBounds.get(f) ?? []).every((b) => b.order === 0));
      if (where === '' && onValue.length >= 2) {
        // (A split, or the bound, or minus it, at every argument: f(x) g(y) − f(y) g(x) < 2 fails
        // at f = 1, −1 with g ≡ 1.)
        type Option = [Rational[], Rational[]] | 1 | -1;
        const splits = onValue.map((f): Option[] => [...signSplits(argumentValues(p, f, q)).slice(0, 4), 1, -1]);
        if (splits.some((s) => s.length > 2)) {
          let combos: Option[][] = [[]];
          for (const s of splits) combos = combos.flatMap((c) => s.map((x) => [...c, x]));
          // (Not every function constant: the probes above have those.)
          combos = combos.filter((c) => c.some((o) => typeof o !== 'number')).slice(0, 24);
          for (const combo of combos) {
            const r = onValue.reduce((pt, f, i) => {
              const option = combo[i]!;
              // (The order-0 range `exact` holds: these functions are bounded on |f| alone.)
              const R = exact.get(f);
              if (!R) return pt.withFunction(f, typeof option === 'number' ? elementwiseInstance([Rational.of(option)], []) : extremesInstance(option[0], option[1]), rng);
              return pt.withFunction(f, typeof option === 'number' ? constantOnRange(R, option) : extremesOnRange(option[0], option[1], R), rng);
            }, q);
            extremes.push({ bounds: onValue, point: r, where: `${onValue.join(', ')} each at its bound at some of the step's arguments and at minus it at the others` });
          }
        }
      }
    }
  };
  withFunctions(base, '');
  // (With the vectors and matrices no bound constrains at e₁ or E₁₁, a norm of them is exact:
  // ‖u'‖ > ‖u‖ with u' = u − η∇L(g u/‖u‖) fails for a constant L where ‖u‖ is 1, not √2.)
  const free = mats.filter((k) => !bounds.some((b) => b.key === k));
  if (fns.length > 0 && free.length > 0) {
    const exact = free.reduce((q, k) => q.replacing(k, direction(base.values.get(k)!.value as Mat<Rational>, 'unit')!, rng), base);
    withFunctions(exact, free.map((k) => `${label(base, k)} = ${unitName(base.values.get(k)!.value as Mat<Rational>)}`).join(', '));
  }
  probes.push(...structured);
  for (const s of structured.slice(0, 4)) withFunctions(s.point, s.where);
  // A declared function bounded at a point by a constant (`0 ≤ σ(s) ≤ 0.9`): constant at each
  // such bound, where no drawn instance lands (red team: σ(s)² < 0.81 was checked; it fails at
  // σ(s) = 0.9, and σ(s) ≤ 0.9 alone, which draws met beyond, was refuted).
  for (const [f, c, text] of pointBounds(base, fns)) probes.push({ point: base.withFunction(f, elementwiseInstance([c], []), rng), where: `${f} ≡ ${c.toString()}, on ${text}` });
  // (Per bounded function, how many of its probes met every assumption and how many did not.)
  const met = new Map<string, number>();
  const broke = new Map<string, number>();
  const count = (to: Map<string, number>, fs: readonly string[] | undefined) => { for (const f of fs ?? []) to.set(f, (to.get(f) ?? 0) + 1); };
  for (const { point, where, bounds: on, base: asBase } of [...probes.slice(0, EDGE_PROBES), ...extremes]) {
    if (now() > deadline) return null;
    point.deadline = deadline;
    try {
      if (![...point.overrides.keys()].filter((k) => point.changed.has(k) && isMat(point.overrides.get(k)!)).every((k) => respectsTags(point, k))) continue;
      if (!point.satisfiesAssumptions(levels, true, true)) {
        count(broke, on);
        continue;
      }
    } catch {
      count(broke, on);
      continue;
    }
    count(met, on);
    let undecided = false;
    const what = `found on an edge of the assumptions (${where})`;
    const found = probe ? probe(point, what, () => { undecided = true; }) : probeFailure(p, point, levels, what, () => { undecided = true; });
    if (found) return found;
    if (asBase && !undecided) onBase?.(point, asBase === 'together');
    // (Sides equal at the probe by algebra, a function there a number such as π: f(x) < π at f ≡ π.)
    if (undecided && !probe && (p.rel === '<' || p.rel === '>' || p.rel === '≠')) {
      const tie = equalAtSampledPoint(p, point, deadline);
      if (tie) return tie;
    }
    if (undecided && (p.rel === '<' || p.rel === '>' || p.rel === '≠') && onTight) {
      onTight(point, where);
      onTight = undefined;
    }
  }
  // A bounded function none of whose probes met the other assumptions (`f(0) = 0` beside
  // |f(z)| ≤ 1: f ≡ ±1 breaks it) was never on its bounds: the step was not tried where it fails.
  // So was one some of whose probes broke an assumption about it (`f(1) ≥ 0` beside
  // |f(z)| ≤ 1: f ≡ −1 breaks it, and `f(a) > −1` fails only at such an f, −cos(πx)).
  const about = (f: string) => base.prep.checks.some((c) => callsFunction(c.formula, f));
  for (const [f, n] of broke) if (n > 0 && (!met.has(f) || about(f))) onUnreached?.(f);
  return null;
}

/**
 * e with each name one definition gives with no other name in the end (`define c = π/3`) put in
 * as that body, 8 levels deep at most; e itself where a name is left.
 */
function constantBody(e: Expr, q: Point): Expr {
  let out = e;
  for (let depth = 0; depth < 8; depth++) {
    const free = freeNames(out);
    if (free.length === 0) return out;
    const values = new Map<string, Expr>();
    for (const v of free) {
      const found = v.name.index ? null : q.prep.lookup(v);
      const body = found && !found.index ? q.prep.plainDefinition(found.info.key) : null;
      if (!body) return e;
      values.set(printName(v.name), body);
    }
    out = substitute(out, values);
  }
  return freeNames(out).length === 0 ? out : e;
}

/** The bounds with each defined constant in them put in as its body (`constantBody`). */
function constantBodies(bounds: readonly FunctionBound[], q: Point): FunctionBound[] {
  return bounds.map((b) => ({ ...b, bound: constantBody(b.bound, q) }));
}

/** extremesInstance(plus, minus) put on an exact range: its upper end at `plus`, its lower at `minus`, said as written. */
function extremesOnRange(plus: Rational[], minus: Rational[], R: ExactRange): FunctionInstance {
  const g = extremesInstance(plus, minus);
  return scaledByValueInstance(g, R.c, (name) => g.describe(name)
    .replace(/^(\S+) = /u, `$1 = ${R.mText === undefined ? '' : `${R.mText} + `}${R.cText}·`)
    .replace(/\((-?1) at x = ([^;]*); (-?1) at x = ([^)]*)\)$/u, `(${R.hi} at x = $2; ${R.lo} at x = $4)`), R.m);
}

/** The constant at an exact range's upper end (sign 1) or lower end (−1). */
function constantOnRange(R: ExactRange, sign: 1 | -1): FunctionInstance {
  return scaledByValueInstance(elementwiseInstance([Rational.of(sign)], []), R.c, (name) => `${name}(x) = ${sign > 0 ? R.hi : R.lo}, a constant function`, R.m);
}

/** The line ±B·x on an exact bound |f'(z)| ≤ B. */
function lineOnBound(R: ExactRange, sign: 1 | -1): FunctionInstance {
  return scaledByValueInstance(elementwiseInstance([Rational.ZERO, Rational.of(sign)], []), R.c, (name) => `${name}(x) = ${sign < 0 ? '−' : ''}${R.hi}·x`);
}

/** A range [lo, hi] an instance with |g| ≤ 1 is put on exactly, as m + c·g: c = (hi − lo)/2, m = (hi + lo)/2 (none where lo = −hi). */
interface ExactRange { readonly c: ValueExpr; readonly m?: ValueExpr; readonly lo: string; readonly hi: string; readonly cText: string; readonly mText?: string }

/**
 * The ranges of f⁽ᵏ⁾ that the `for all` bounds on it give, not strict, with an end written as a
 * number with no rational value: |f⁽ᵏ⁾(z)| ≤ B (B = π, √2; each such B certainly inside every
 * other bound), or for f itself lo ≤ f(z) ≤ hi (the tightest ends, one of them such a number:
 * −1 ≤ f(z) ≤ π). Empty where there is none, or where a bound is strict or reads a name.
 */
function irrationalRanges(bounds: readonly FunctionBound[], order: number): ExactRange[] {
  const own = bounds.filter((b) => b.order === order);
  if (own.length === 0 || own.some((b) => b.strict || freeNames(b.bound).length > 0)) return [];
  const scalar = { kind: 'scalar' } as const;
  const valueOf = (e: Expr): ValueExpr => ({ expr: e, value: (F) => evaluate(e, groundHostIn(F)) });
  const enclosure = (e: Expr): Interval | null => {
    try {
      const x = evaluate(e, groundHostIn(intervalField));
      return isMat(x) ? null : x;
    } catch {
      return null;
    }
  };
  if (own.every((b) => !b.side)) {
    const out: ExactRange[] = [];
    for (const b of own) {
      const v = enclosure(b.bound);
      if (constantValue(b.bound) !== null || !v || !(v.lo > 0)) continue;
      // (Certainly inside every other bound.)
      if (!own.every((b2) => b2 === b || (enclosure(b2.bound)?.lo ?? -Infinity) > v.hi)) continue;
      const text = printExpr(b.bound);
      out.push({ c: valueOf(b.bound), lo: printExpr({ kind: 'Neg', arg: b.bound, range: b.bound.range, shape: scalar }), hi: text, cText: text });
    }
    return out;
  }
  if (order !== 0) return [];
  const neg = (e: Expr): Expr => (e.kind === 'Neg' ? e.arg : { kind: 'Neg', arg: e, range: e.range, shape: scalar });
  const ends = (upper: boolean): Expr[] => own.flatMap((b) => (!b.side ? [upper ? b.bound : neg(b.bound)] : (b.side === 'upper') === upper ? [b.bound] : []));
  /** The tightest end: certainly below (above) every other, or the only one. */
  const tightest = (es: readonly Expr[], upper: boolean): Expr | null => {
    const vs = es.map(enclosure);
    for (let i = 0; i < es.length; i++) {
      const v = vs[i];
      if (v && vs.every((w, j) => j === i || (w !== null && (upper ? v.hi < w.lo : v.lo > w.hi)))) return es[i]!;
    }
    return null;
  };
  const hi = tightest(ends(true), true);
  const lo = tightest(ends(false), false);
  if (!hi || !lo || (constantValue(hi) !== null && constantValue(lo) !== null)) return [];
  const [h, l] = [enclosure(hi), enclosure(lo)];
  if (!h || !l || !(h.lo > l.hi)) return [];
  const two: Expr = { kind: 'Num', value: '2', range: hi.range, shape: scalar };
  const half = (op: '+' | '-'): Expr => ({ kind: 'Binary', op: '/', left: { kind: 'Binary', op, left: hi, right: lo, range: hi.range, shape: scalar }, right: two, range: hi.range, shape: scalar });
  // (Said as written, (π − 1)/2, not (π + (-1))/2.)
  const [H, L] = [printExpr(hi), lo.kind === 'Neg' ? printExpr(lo.arg) : printExpr(lo)];
  const [plus, minus] = lo.kind === 'Neg' ? ['−', '+'] : ['+', '−'];
  const [cText, mText] = constantValue(lo)?.isZero() ? [`${H}/2`, `${H}/2`] : constantValue(hi)?.isZero() ? [`${L}/2`, `-${L}/2`] : [`(${H} ${minus} ${L})/2`, `(${H} ${plus} ${L})/2`];
  return [{ c: valueOf(half('-')), m: valueOf(half('+')), lo: printExpr(lo), hi: H, cText, mText }];
}

/**
 * The constants a function may be on bounds of its own value written as numbers with no
 * rational value (π, √2, e): ±B under |f| ≤ B, B under f ≤ B or f ≥ B, each kept only where
 * it meets every bound on f (equal to a non-strict one, or certainly inside the others).
 */
function irrationalEnds(bounds: readonly FunctionBound[], q: Point): { text: string; instance: FunctionInstance }[] {
  const out: { text: string; instance: FunctionInstance }[] = [];
  const scalar = { kind: 'scalar' } as const;
  for (const b of bounds) {
    if (b.strict || b.order !== 0 || freeNames(b.bound).length > 0 || constantValue(b.bound) !== null) continue;
    for (const e of b.side ? [b.bound] : [b.bound, { kind: 'Neg', arg: b.bound, range: b.bound.range, shape: scalar } as Expr]) {
      let v: Interval;
      try {
        const x = evaluate(e, groundHostIn(intervalField));
        if (isMat(x)) continue;
        v = x;
      } catch {
        continue;
      }
      const meets = bounds.every((b2) => {
        if (b2.order !== 0) return false;
        // (Its own bound, not strict: ±B under |f| ≤ B, B under f ≤ B or f ≥ B, by construction.)
        if (b2 === b) return true;
        try {
          const w = q.evaluate(intervalField, b2.bound);
          if (isMat(w)) return false;
          return b2.side === 'upper' ? v.hi < w.lo : b2.side === 'lower' ? v.lo > w.hi : Math.max(Math.abs(v.lo), Math.abs(v.hi)) < w.lo;
        } catch {
          return false;
        }
      });
      if (!meets) continue;
      out.push({ text: printExpr(e), instance: constantValueInstance(printExpr(e), (F) => evaluate(e, groundHostIn(F)), e) });
    }
  }
  return out;
}

/**
 * The values at `q` of the arguments the step calls function `f` at (plain expressions of
 * names and numbers, exact; a vector's entries as one group), different groups only.
 */
function argumentValues(p: StepProblem, f: string, q: Point): Rational[][] {
  const groups: Rational[][] = [];
  const key = (g: readonly Rational[]) => g.map((x) => x.toString()).sort().join(',');
  for (const side of sideExprs(p)) {
    visit(side, (x) => {
      if (x.kind !== 'Call' || x.args.length !== 1 || printName({ ...x.fn, primes: 0 }) !== f) return;
      const arg = x.args[0]!;
      let plain = true;
      visit(arg, (y) => { if (y.kind !== 'Var' && y.kind !== 'Num' && y.kind !== 'Binary' && y.kind !== 'Neg') plain = false; });
      if (!plain) return;
      try {
        const v = q.evaluate(exactField, arg);
        const group = isMat(v) ? distinct(v.data) : [v];
        if (!groups.some((g) => key(g) === key(group))) groups.push(group);
      } catch {
        // (An argument with no exact value here: not used.)
      }
    });
  }
  return groups.slice(0, 4);
}

/** Whether a formula calls declared function `f` (any derivative of it). */
export function callsFunction(f: Formula, fn: string): boolean {
  let hit = false;
  for (const e of formulaExprs(f)) visit(e, (x) => { if (x.kind === 'Call' && printName({ ...x.fn, primes: 0 }) === fn) hit = true; });
  return hit;
}

/** The expressions of a step's sides: the sides, or a statement's comparisons' operands. */
function sideExprs(p: StepProblem): Expr[] {
  return [p.left, p.right].flatMap((side) => (isExpr(side) ? [side] : formulaExprs(side)));
}

/**
 * The derivatives of `f` the step reads at plain scalar arguments (f(a): order 0 at a's value,
 * σ''(2b): order 2 at 2b's), each (order, value) once, in the order they occur.
 */
function callTargets(p: StepProblem, f: string, q: Point): { order: number; value: Rational }[] {
  const out: { order: number; value: Rational }[] = [];
  const add = (order: number, v: Rational) => { if (!out.some((t) => t.order === order && t.value.equals(v))) out.push({ order, value: v }); };
  for (const side of sideExprs(p)) {
    visit(side, (x) => {
      if (x.kind !== 'Call' || x.args.length !== 1 || printName({ ...x.fn, primes: 0 }) !== f) return;
      const v = value(q, x.args[0]!);
      if (v !== null) add(x.fn.primes, v);
    });
    // (Under a derivative operator a call is differentiated once more: d/da f(2a) is 2f'(2a).)
    visit(side, (d) => {
      if (d.kind !== 'Deriv' && d.kind !== 'Grad') return;
      visit(d.body, (x) => {
        if (x.kind !== 'Call' || x.args.length !== 1 || printName({ ...x.fn, primes: 0 }) !== f) return;
        const v = value(q, x.args[0]!);
        if (v !== null) add(x.fn.primes + 1, v);
      });
    });
  }
  return out;
}

/** Where in a strict bound the waves are put: just inside it (halfway, `|f'(a)| < 0.99` under |f'| < 1 would pass). */
const JUST_INSIDE = Rational.parse('0.999999999');
/**
 * Where in a strict bound the other probes at ±it go besides halfway (Point.withFunction's
 * default): 1 − 10⁻⁹, 1 − 10⁻³⁰ and 1 − 10⁻¹⁰⁰ of it (`σ(a) > 10⁻⁴⁰` and `log σ(a) > −100`
 * under 0 < σ(z) < 1 fail only that near an end).
 */
const JUST_INSIDE_ALL = [JUST_INSIDE, Rational.parse(`0.${'9'.repeat(30)}`), Rational.parse(`0.${'9'.repeat(100)}`)];
const HALFWAY = Rational.parse('0.5');
/** The frequencies tried besides those that balance two bounds and those that reach REACH: the plain one, and 10⁶ each way. */
const WAVE_FREQUENCIES = ['1', '1000000', '0.000001'].map((x) => Rational.parse(x));
/** How far out a wave puts an order no bound holds (f' under |f| ≤ c), whatever c is: `f'(a) < 1` under |f| ≤ 10⁻¹⁰ fails. */
const REACH = 1e12;

/**
 * The frequency ω of the wave f⁽ᵏ⁾ = A·cos(ω(x − p)) whose A is largest once scaled into the
 * bounds |f⁽ʲ⁾| ≤ c_j (A·ω^(j−k) ≤ c_j each: A = min c_j·ω^(k−j)), among WAVE_FREQUENCIES,
 * the ω that make two bounds meet, (c_j₂/c_j₁)^(1/(j₂−j₁)), rounded to six digits either way,
 * and the power of 10 that takes A past REACH where no bound holds it (k above or below every
 * bounded order). A range (`0 < f(z) < 1`) counts as |f| ≤ its half-width. Null when a bound
 * has no exact value here, or the range is empty.
 */
function widestWave(q: Point, bounds: readonly { readonly order: number; readonly bound: Expr; readonly side?: 'upper' | 'lower' }[], k: number): Rational | null {
  const cs: [number, Rational][] = [];
  let lo: Rational | null = null;
  let hi: Rational | null = null;
  for (const b of bounds) {
    const c = value(q, b.bound);
    if (c === null) return null;
    if (b.side === 'upper') hi = hi === null || c.cmp(hi) < 0 ? c : hi;
    else if (b.side === 'lower') lo = lo === null || c.cmp(lo) > 0 ? c : lo;
    else {
      if (c.sign() <= 0) return null;
      cs.push([b.order, c]);
      if (b.order === 0) {
        hi = hi === null || c.cmp(hi) < 0 ? c : hi;
        lo = lo === null || c.neg().cmp(lo) > 0 ? c.neg() : lo;
      }
    }
  }
  if (bounds.some((b) => b.side)) {
    if (lo === null || hi === null || hi.cmp(lo) <= 0) return null;
    const half = hi.sub(lo).div(Rational.of(2));
    for (let i = cs.length - 1; i >= 0; i--) if (cs[i]![0] === 0) cs.splice(i, 1);
    cs.push([0, half]);
  }
  if (cs.length === 0) return null;
  const candidates = [...WAVE_FREQUENCIES];
  const decimal = (w: number, digits: number): Rational[] => {
    const e = digits - 1 - Math.floor(Math.log10(w));
    const ten = new Rational(10n ** BigInt(Math.abs(e)));
    return [Math.floor(w * 10 ** e), Math.ceil(w * 10 ** e)].filter((r) => r > 0 && Number.isSafeInteger(r)).map((r) => (e >= 0 ? Rational.of(r).div(ten) : Rational.of(r).mul(ten)));
  };
  for (const [j1, c1] of cs) {
    for (const [j2, c2] of cs) {
      if (j2 <= j1) continue;
      const w = (c2.toNumber() / c1.toNumber()) ** (1 / (j2 - j1));
      if (Number.isFinite(w) && w > 0) candidates.push(...decimal(w, 6));
    }
  }
  // (Far out: past REACH for every bound at once, as a power of 10.)
  const orders = cs.map(([j]) => j);
  if (k > Math.max(...orders) || k < Math.min(...orders)) {
    const logs = cs.map(([j, c]) => (Math.log10(REACH) - Math.log10(c.toNumber())) / (k - j));
    const exponent = k > Math.max(...orders) ? Math.ceil(Math.max(...logs)) : Math.floor(Math.min(...logs));
    if (Number.isFinite(exponent) && Math.abs(exponent) <= 400) {
      const ten = new Rational(10n ** BigInt(Math.abs(exponent)));
      candidates.push(exponent >= 0 ? ten : Rational.ONE.div(ten));
    }
  }
  const reach = (w: Rational): Rational => cs.map(([j, c]) => {
    let s = c;
    for (let i = 0; i < Math.abs(k - j); i++) s = k > j ? s.mul(w) : s.div(w);
    return s;
  }).reduce((a, b) => (b.cmp(a) < 0 ? b : a));
  let best = candidates[0]!;
  for (const w of candidates.slice(1)) if (reach(w).cmp(reach(best)) > 0) best = w;
  return best;
}

/**
 * The ways to put the groups on the two sides, + and −, not all on one side (those are
 * the constants), a split and its mirror both (f(a) − f(b) < 2 wants f(a) = 1, > −2 the
 * mirror); none where a value would be on both sides.
 */
function signSplits(groups: readonly Rational[][]): [Rational[], Rational[]][] {
  const out: [Rational[], Rational[]][] = [];
  for (let mask = 1; mask < (1 << groups.length) - 1; mask++) {
    const plus = groups.filter((_, i) => mask & (1 << i)).flat();
    const minus = groups.filter((_, i) => !(mask & (1 << i))).flat();
    if (plus.some((x) => minus.some((y) => x.equals(y)))) continue;
    out.push([distinct(plus), distinct(minus)]);
  }
  return out;
}

/** The values once each, in order. */
function distinct(xs: readonly Rational[]): Rational[] {
  return xs.filter((x, i) => xs.findIndex((y) => y.equals(x)) === i);
}

/** Scalars for `spread`: small, different, and none a root of another (a ≠ −a, a² ≠ a). */
const SPREAD: readonly [number, number][] = [[3, 7], [-5, 11], [2, 3], [-9, 13], [7, 5]];
const SPREAD_INTEGERS = [2, -3, 5, -7, 11];

/**
 * The point with the scalars it has read put at SPREAD (integers at SPREAD_INTEGERS), and its
 * vectors at entries all different from each other's (x and y drawn alike share entries, and
 * σ(x) cannot be 1 where σ(y) is −1); null when it reads neither.
 */
function spread(q: Point): Point | null {
  const keys = [...q.values.keys()].filter((k) => q.touched.has(k) && !isMat(q.values.get(k)!.value));
  const vectors = [...q.values.keys()].filter((k) => {
    const v = q.values.get(k)!.value;
    return q.touched.has(k) && isMat(v) && v.cols === 1;
  });
  if (keys.length === 0 && vectors.length === 0) return null;
  let at = keys.slice(0, SPREAD.length).reduce((pt, k, i) => pt.replacing(k, q.isInteger(k) ? Rational.of(SPREAD_INTEGERS[i]!) : Rational.of(SPREAD[i]![0]).div(Rational.of(SPREAD[i]![1]))), q);
  // (Entry g of all of them: ±(g + 1)/(g + 5), different for every g.)
  let g = 0;
  for (const k of vectors.slice(0, 3)) {
    const v = q.values.get(k)!.value as Mat<Rational>;
    at = at.replacing(k, v.map(() => {
      const e = Rational.of(g % 2 === 0 ? g + 1 : -(g + 1)).div(Rational.of(g + 5));
      g++;
      return e;
    }));
  }
  return at;
}

/**
 * The numbers a step names, exactly: its literals and the parts free of names with a rational
 * value (1/3, 10^(−50)), exponents not, each with its negative (f(a) + 0.7 wants f = −0.7),
 * and 0; at most seven.
 */
function stepNumbers(p: StepProblem, q: Point): Rational[] {
  const out: Rational[] = [Rational.ZERO];
  const add = (r: Rational) => {
    for (const x of [r, r.neg()]) if (!out.some((y) => y.equals(x))) out.push(x);
  };
  const walk = (x: Expr): void => {
    if (x.kind === 'Num' || ((x.kind === 'Binary' || x.kind === 'Neg') && freeNames(x).length === 0)) {
      const v = value(q, x);
      if (v !== null && v.n.toString().length + v.d.toString().length < 400) { add(v); return; }
    }
    if (x.kind === 'Binary' && x.op === '^') { walk(x.left); return; }
    for (const c of children(x)) walk(c);
  };
  for (const side of sideExprs(p)) walk(side);
  // (And the values here of the plain scalars it reads, `(f(a) − a)² + (f(b) − b)² > 0` at f(x) = x.)
  const scalars: Rational[] = [];
  for (const side of sideExprs(p)) {
    visit(side, (x) => {
      if (x.kind !== 'Var' || x.name.index || scalars.length >= 2) return;
      const v = value(q, x);
      if (v !== null && !scalars.some((y) => y.equals(v))) scalars.push(v);
    });
  }
  for (const v of scalars) if (!out.some((y) => y.equals(v))) out.splice(Math.min(out.length, 5), 0, v);
  return out.slice(0, 7);
}

/** How far apart `close` puts two of a step's scalars (or vectors, entry by entry). */
const NEARBY = Rational.parse('0.000001');

/**
 * The point with the second scalar it reads put 10⁻⁶ past the first (the second vector past
 * the first, entry by entry): f at +B at one and −B at the other there is as steep as a bound
 * on |f| alone allows (`|f(a) − f(b)| ≤ 100|a − b|` fails at b = a + 10⁻⁶); null when it
 * reads fewer than two.
 */
function close(q: Point, p: StepProblem): Point | null {
  // (The scalars the step calls a function at first: |f'(a) − f'(b)| ≤ 2γ|a − b| under
  // |f'(z)| ≤ γ put a beside γ, never beside b, and was checked; red team rt81.)
  const args = new Set<string>();
  for (const side of sideExprs(p)) visit(side, (x) => { if (x.kind === 'Call') for (const a of x.args) visit(a, (y) => { if (y.kind === 'Var') args.add(printName(y.name)); }); });
  const label = (k: string) => q.values.get(k)!.label;
  const scalars = [...q.values.keys()].filter((k) => q.touched.has(k) && !isMat(q.values.get(k)!.value) && !q.isInteger(k))
    .sort((u, v) => Number(!args.has(label(u))) - Number(!args.has(label(v))));
  if (scalars.length >= 2) {
    const first = q.values.get(scalars[0]!)!.value as Rational;
    return q.replacing(scalars[1]!, first.add(NEARBY));
  }
  const vectors = [...q.values.keys()].filter((k) => {
    const v = q.values.get(k)!.value;
    return q.touched.has(k) && isMat(v) && v.cols === 1;
  });
  if (vectors.length >= 2) {
    const [x, y] = [q.values.get(vectors[0]!)!.value as Mat<Rational>, q.values.get(vectors[1]!)!.value as Mat<Rational>];
    if (x.rows === y.rows) return q.replacing(vectors[1]!, x.map((e) => e.add(NEARBY)));
  }
  return null;
}

/**
 * The constants that assumptions bound a declared scalar function's value by at some point
 * (`0 ≤ σ(s) ≤ 0.9`: σ and 0, σ and 0.9), each with the assumption's text, at most 4.
 */
function pointBounds(base: Point, fns: readonly string[]): [string, Rational, string][] {
  const out: [string, Rational, string][] = [];
  for (const c of base.prep.checks) {
    const f = c.formula;
    if (f.kind !== 'Compare' || !f.ops.every((op) => ['≤', '<', '≥', '>', '='].includes(op))) continue;
    for (let i = 0; i + 1 < f.operands.length; i++) {
      for (const [call, other] of [[f.operands[i]!, f.operands[i + 1]!], [f.operands[i + 1]!, f.operands[i]!]] as const) {
        if (call.kind !== 'Call' || call.fn.index || call.fn.primes > 0 || call.shape?.kind === 'matrix') continue;
        const name = printName(call.fn);
        const info = base.ctx.scope.get(name);
        if (!fns.includes(name) || !info?.fn?.elementwise) continue;
        const k = constantValue(other);
        if (k && !out.some(([g, x]) => g === name && x.equals(k))) out.push([name, k, printFormula(f)]);
      }
    }
  }
  return out.slice(0, 4);
}

/** At most this many edge probes per step. */
const EDGE_PROBES = 40;

/** How far beside a strict bound on a vector or matrix its edge probes go (times the edge's scale, 2^−k). */
const STRICT_EDGE_BITS = [30n, 160n];

/** A bound `f(X) ≤ g`, `f(X) ≥ g` (or strict) of an assumption on one vector or matrix X that g does not read. */
interface MatrixBound {
  readonly key: string;
  /** The side that reads X, and the other. */
  readonly side: Expr;
  readonly other: Expr;
  /** The scalars the other side reads. */
  readonly scalars: readonly string[];
  /** Whether the bound is strict (`<`, `>`): its edge itself breaks it. */
  readonly strict: boolean;
}

/** The assumptions that bound a homogeneous function of one of `mats` by what does not read it. */
function matrixBounds(base: Point, mats: readonly string[]): MatrixBound[] {
  const keysOf = (e: Expr) => new Set(freeNames(e).map((v) => base.ctx.scope.lookup(v.name)).filter((x) => x && !x.index).map((x) => x!.info.key));
  const out: MatrixBound[] = [];
  for (const c of base.prep.checks) {
    const f = c.formula;
    if (f.kind !== 'Compare' || f.ops.length !== 1 || !['≤', '<', '≥', '>'].includes(f.ops[0]!)) continue;
    const [a, b] = f.operands as [Expr, Expr];
    for (const [side, other] of [[a, b], [b, a]] as const) {
      const ks = [...keysOf(side)];
      const os = keysOf(other);
      if (ks.length !== 1 || !mats.includes(ks[0]!) || os.has(ks[0]!)) continue;
      const scalars = [...os].filter((k) => { const v = base.values.get(k)?.value; return v !== undefined && !isMat(v); });
      out.push({ key: ks[0]!, side, other, scalars, strict: f.ops[0] === '<' || f.ops[0] === '>' });
    }
  }
  return out;
}

/** 0, e₁ (E₁₁ for a matrix) or I in the shape of `v`, as its tags allow (null where the form is not one of its shape). */
function direction(v: Mat<Rational>, form: 'zero' | 'unit' | 'identity'): Mat<Rational> | null {
  if (form === 'zero') return v.map(() => Rational.ZERO);
  if (form === 'unit') return new Mat(v.rows, v.cols, v.data.map((_, i) => (i === 0 ? Rational.ONE : Rational.ZERO)));
  if (v.rows !== v.cols || v.rows === 1) return null;
  return new Mat(v.rows, v.cols, v.data.map((_, i) => (i % (v.cols + 1) === 0 ? Rational.ONE : Rational.ZERO)));
}

/**
 * The c ≥ 0 with f(c·D) = g exactly, for f homogeneous of degree k = 1, 2 or 4 along D (measured:
 * f(2D) = 2^k f(D), exactly): (g/f(D))^(1/k) where that is rational, else null.
 */
function onBound(at: Point, b: MatrixBound, dir: Mat<Rational>, rng: Rng): Rational | null {
  const f1 = value(at.replacing(b.key, dir, rng), b.side);
  const f2 = value(at.replacing(b.key, dir.map((x) => x.mul(Rational.of(2))), rng), b.side);
  const g = value(at, b.other);
  if (f1 === null || f2 === null || g === null || f1.sign() <= 0 || g.sign() < 0) return null;
  const ratio = f2.div(f1);
  let t: Rational | null = g.div(f1);
  if (ratio.equals(Rational.of(2))) return t;
  if (ratio.equals(Rational.of(4))) return t.sqrt();
  if (ratio.equals(Rational.of(16))) return (t = t.sqrt()) && t.sqrt();
  return null;
}

function unitName(v: Mat<Rational>): string {
  return v.cols === 1 || v.rows === 1 ? 'e₁' : 'E₁₁';
}

function label(point: Point, key: string): string {
  return point.values.get(key)?.label ?? key;
}

/**
 * The c with f(c·D) = g exactly, for f affine in a power of c along D (f(c·D) = f(0) + h·c^k,
 * k = 1, 2 or 4, measured exactly at c = 0, 1, 2): c = ((g − f(0))/h)^(1/k) where that is
 * rational, else null. (`‖x‖ − 1 ≤ 0` and `‖x‖ ≤ 1` both put x on the unit sphere.)
 * Where f has no value at 0 (xᵀy/‖x‖), f is taken as homogeneous, as `onBound` does.
 */
function onBoundAffine(at: Point, key: string, side: Expr, other: Expr, dir: Mat<Rational>, rng: Rng): Rational | null {
  const g = value(at, other);
  const f1 = value(at.replacing(key, dir, rng), side);
  const f2 = value(at.replacing(key, dir.map((x) => x.mul(Rational.of(2))), rng), side);
  if (g === null || f1 === null || f2 === null) return null;
  const f0 = value(at.replacing(key, dir.map(() => Rational.ZERO), rng), side) ?? Rational.ZERO;
  const h1 = f1.sub(f0);
  if (h1.isZero()) return null;
  const ratio = f2.sub(f0).div(h1);
  const t = g.sub(f0).div(h1);
  if (ratio.equals(Rational.of(2))) return t;
  if (t.sign() < 0) return null;
  if (ratio.equals(Rational.of(4))) return t.sqrt();
  const r = ratio.equals(Rational.of(16)) ? t.sqrt() : null;
  return r && r.sqrt();
}

/** How `structured(v, 'one')` prints: I, e₁ or E₁₁. */
function oneName(v: Mat<Rational>): string {
  return v.rows === v.cols && v.rows > 1 ? 'I' : unitName(v);
}

/** 0, or the one of its shape (I for a square matrix, e₁ otherwise), as another name is set while one is put on a bound. */
function structured(v: Mat<Rational>, form: 'zero' | 'one'): Mat<Rational> {
  if (form === 'zero') return v.map(() => Rational.ZERO);
  return direction(v, v.rows === v.cols && v.rows > 1 ? 'identity' : 'unit')!;
}

/**
 * Points that put a vector or matrix on the bound a comparison of the step's own states, for
 * a ⇔/⇒ step: for `f(X, …) op g` with g free of them (‖x‖ ≤ 1, xᵀAx < 4, ‖x‖ − 1 ≤ 0), one
 * of them X = c·e₁ or c·I with f = g exactly, the others as drawn, at 0 or at e₁/I (‖Ax‖ = 1
 * at A = I, x = e₁); then every name at once on its bound (‖x‖ ≤ 1 and ‖y‖ ≤ 1), and every
 * name at e₁/I (x = y: parallel vectors). A statement that differs only on such a thin set,
 * `log(1 − ‖x‖) ≤ 0 ⇔ ‖x‖ ≤ 1`, is tried there (sampled points are off it almost surely).
 */
export function comparisonBoundPoints(base: Point, pairs: readonly { readonly a: Expr; readonly b: Expr }[], rng: Rng, deadline: number): { point: Point; where: string }[] {
  const keysOf = (e: Expr) => new Set(freeNames(e).map((v) => base.ctx.scope.lookup(v.name)).filter((x) => x && !x.index).map((x) => x!.info.key));
  const matrixOf = (k: string): Mat<Rational> | null => {
    const v = base.values.get(k)?.value;
    return v !== undefined && isMat(v) ? (v as Mat<Rational>) : null;
  };
  const levels = allLevels();
  // (A point draws a name when it first reads it: where the left statement was false, the
  // right one's names were never drawn, and A in ‖x‖ = 1 ⇒ ‖A x‖ > 0 had no value to set.)
  for (const { a, b } of pairs) {
    for (const e of [a, b]) {
      try {
        base.evaluate(exactField, e);
      } catch {
        // a side with no value here still drew what it read before
      }
    }
  }
  const out: { point: Point; where: string }[] = [];
  const seen = new Set<string>();
  const push = (point: Point, changed: readonly string[], where: string): void => {
    const id = changed.map((k) => `${k}=${(point.overrides.get(k) as Mat<Rational> | undefined)?.data.join(',')}`).join(';');
    if (seen.has(id) || out.length >= EDGE_PROBES) return;
    seen.add(id);
    point.deadline = deadline;
    try {
      if (!changed.every((k) => respectsTags(point, k)) || !point.satisfiesAssumptions(levels, true, true)) return;
    } catch {
      return;
    }
    out.push({ point, where });
  };
  /** Each name's first bound, for the point with all of them on theirs. */
  const first = new Map<string, Mat<Rational>>();
  const read = new Set<string>();
  for (const { a, b } of pairs) {
    for (const [side, other] of [[a, b], [b, a]] as const) {
      if (now() > deadline || out.length >= EDGE_PROBES) return out;
      const ks = [...keysOf(side)].filter((k) => matrixOf(k) !== null);
      for (const k of ks) read.add(k);
      const os = keysOf(other);
      if (ks.length === 0 || ks.length > 3 || ks.some((k) => os.has(k))) continue;
      for (const key of ks) {
        const v = matrixOf(key)!;
        const others = ks.filter((k) => k !== key);
        for (const setting of others.length === 0 ? ['drawn'] as const : ['one', 'zero', 'drawn'] as const) {
          const at = setting === 'drawn' ? base : others.reduce((q, o) => q.replacing(o, structured(matrixOf(o)!, setting), rng), base);
          const othersText = setting === 'drawn' ? '' : others.map((o) => `, ${label(base, o)} = ${setting === 'zero' ? '0' : oneName(matrixOf(o)!)}`).join('');
          for (const form of ['unit', 'identity'] as const) {
            const dir = direction(v, form);
            if (!dir) continue;
            const c = onBoundAffine(at, key, side, other, dir, rng);
            if (c === null) continue;
            const m = dir.map((x) => x.mul(c));
            if (setting !== 'zero' && !first.has(key)) first.set(key, m);
            push(at.replacing(key, m, rng), [key, ...(setting === 'drawn' ? [] : others)], `${label(base, key)} = ${c.toString()}·${form === 'unit' ? unitName(v) : 'I'}${othersText}`);
          }
        }
      }
    }
  }
  // Every name on its first bound, the others the statements read at e₁/I or at 0 (x = 2e₁
  // on ‖x‖ = 2 with y = e₁ parallel to it); every name at e₁/I; the vectors after the first at
  // −e₁ (y = −x: ‖x − y‖ = 2 for unit x and y).
  const keys = [...read];
  if (keys.length > 1 || first.size > 0) {
    for (const rest of ['one', 'zero'] as const) {
      if (first.size === 0 && rest === 'zero') continue;
      push(keys.reduce((q, k) => q.replacing(k, first.get(k) ?? structured(matrixOf(k)!, rest), rng), base), keys,
        keys.map((k) => (first.has(k) ? `${label(base, k)} on its bound` : `${label(base, k)} = ${rest === 'zero' ? '0' : oneName(matrixOf(k)!)}`)).join(', '));
    }
  }
  if (keys.length > 1) {
    push(keys.reduce((q, k) => q.replacing(k, structured(matrixOf(k)!, 'one'), rng), base), keys, keys.map((k) => `${label(base, k)} = ${oneName(matrixOf(k)!)}`).join(', '));
    const vectors = keys.filter((k) => matrixOf(k)!.cols === 1);
    if (vectors.length > 1) {
      const flipped = (k: string) => (k === vectors[0] ? structured(matrixOf(k)!, 'one') : structured(matrixOf(k)!, 'one').map((x) => x.neg()));
      push(vectors.reduce((q, k) => q.replacing(k, flipped(k), rng), base), vectors, vectors.map((k, i) => `${label(base, k)} = ${i === 0 ? '' : '−'}e₁`).join(', '));
    }
  }
  return out;
}
