import type { Expr, Formula, RelOp } from '../ast.js';
import type { RelatedNote } from '../diagnostics.js';
import type { Counterexample } from '../result.js';
import { Point } from './model.js';
import { Skip, Undefined, Unsupported, type NumericEngine, type Value } from './numeric.js';
import { hasMatrix, isExpr, type StepOptions, type StepProblem } from './problem.js';
import { freeNames } from './rewrite.js';
import { Rng } from './rng.js';

/**
 * Sampling: the points a step is tested at, the comparison of its two sides at each
 * (with a second look at twice the precision), the search for solutions of ⇔/⇒ sides
 * and of equality assumptions, removable points, and readable counterexamples.
 */

type Side = { ok: true; value: Value } | { ok: false; reason: string };

function evalSide(point: Point, e: Expr): Side {
  try {
    const value = point.evaluate(e);
    if (!point.engine.isFinite(value)) return { ok: false, reason: 'not a finite number' };
    return { ok: true, value };
  } catch (err) {
    if (err instanceof Undefined) return { ok: false, reason: err.message };
    throw err;
  }
}

function truth(point: Point, f: Formula): boolean | string {
  switch (f.kind) {
    case 'TagFact': {
      const s = evalSide(point, f.subject);
      return s.ok ? point.engine.hasTag(s.value, f.tag) : s.reason;
    }
    case 'Logic': {
      const a = truth(point, f.left);
      const b = truth(point, f.right);
      if (typeof a === 'string') return a;
      if (typeof b === 'string') return b;
      return f.op === '⇔' ? a === b : f.op === '⇒' ? !a || b : f.op === '∧' ? a && b : a || b;
    }
    case 'Compare': {
      const vals: Value[] = [];
      for (const o of f.operands) {
        const s = evalSide(point, o);
        if (!s.ok) return s.reason;
        vals.push(s.value);
      }
      return f.ops.every((op, i) => point.engine.holds(op, vals[i]!, vals[i + 1]!));
    }
  }
}

export interface SampleResult {
  readonly held: number;
  readonly failure: Counterexample | null;
  readonly unknown: string | null;
  readonly notes: RelatedNote[];
  /** For ⇔ chains: whether both truth values were seen. */
  readonly vacuous: boolean;
  /** Which index values and dimensions the points covered: `t = 1…6, n = 2…4`. */
  readonly ranges?: string;
}

/** Records the integer indices and dimensions a held point used. */
function noteIndices(point: Point, seen: Map<string, Set<number>>): void {
  const add = (k: string, v: number) => {
    if (!seen.has(k)) seen.set(k, new Set());
    seen.get(k)!.add(v);
  };
  for (const [key, { label, value }] of point.values) {
    if (!point.touched.has(key) || point.ctx.scope.get(key.split('@')[0]!)?.kind !== 'integer') continue;
    const n = point.engine.toInteger(value);
    if (n !== null) add(label, n);
  }
  for (const [d, n] of point.dims) if (point.touched.has(`dim:${d}`)) add(d, n);
}

function describeRanges(seen: Map<string, Set<number>>): string {
  return [...seen].map(([k, vs]) => {
    const sorted = [...vs].sort((a, b) => a - b);
    const lo = sorted[0]!;
    const hi = sorted[sorted.length - 1]!;
    return lo === hi ? `${k} = ${lo}` : sorted.length === hi - lo + 1 ? `${k} = ${lo}…${hi}` : `${k} ∈ {${sorted.join(', ')}}`;
  }).join(', ');
}

/** Samples points satisfying the assumptions and tests the relation at each. */
export function sampleRelation(engine: NumericEngine, p: StepProblem, opts: StepOptions): SampleResult {
  const rng = new Rng(opts.seed, p.salt);
  engine.deadline = opts.deadline;
  const notes: RelatedNote[] = [];
  let held = 0;
  let rejected = 0;
  let undefinedBoth = 0;
  let sawTrue = false;
  const probePoints: Point[] = [];
  let sawFalse = false;
  const maxAttempts = opts.samples * 10 + 20;
  const excluded = new Set<string>();
  const seen = new Map<string, Set<number>>();
  for (let attempt = 0; attempt < maxAttempts && held < opts.samples; attempt++) {
    if (Date.now() > opts.deadline) {
      // Fewer points than asked for is not a pass: a busy machine must not change verdicts.
      return { held, failure: null, unknown: `the time limit ran out after ${held} of ${opts.samples} sampled points (raise --timeout)`, notes, vacuous: false };
    }
    let point = new Point(engine, p.prep, rng, attempt);
    try {
      if (!point.satisfiesAssumptions()) {
        // An equation among the assumptions (α + β = 1) is never met by chance: solve it.
        const solved = solveEqualities(engine, p, point, rng, opts.deadline);
        if (!solved) {
          rejected++;
          if (held === 0 && rejected >= 60) break;
          continue;
        }
        point = solved;
      }
      point.touched.clear();
      engine.inexact = false;
      if (isExpr(p.left) && isExpr(p.right)) {
        const l = evalSide(point, p.left);
        const r = evalSide(point, p.right);
        if (!l.ok && !r.ok) {
          undefinedBoth++;
          continue;
        }
        if (!l.ok || !r.ok) {
          // One side undefined: a removable point if both sides agree right next to it.
          const which = !l.ok ? 'left' : 'right';
          const why = !l.ok ? l.reason : (r as { reason: string }).reason;
          const near = removable(engine, point, p, new Rng(opts.seed, `${p.salt}#${attempt}`));
          if (near === 'removable') {
            const where = describePoint(point);
            if (!excluded.has(where)) {
              excluded.add(where);
              notes.push({ message: `excluded the point ${where}, where the ${which} side is undefined (${why}); the sides agree next to it` });
            }
            continue;
          }
          return {
            held, unknown: null, notes, vacuous: false,
            failure: counterexample(point, l.ok ? engine.format(l.value) : 'undefined', r.ok ? engine.format(r.value) : 'undefined',
              `the ${which} side is undefined here (${why}) but the other is not`),
          };
        }
        if (!relationHolds(engine, point, p, l.value, r.value)) {
          const small = shrink(engine, p, point, new Rng(opts.seed, `${p.salt}~${attempt}`), opts.deadline);
          return { held, unknown: null, notes, vacuous: false, failure: counterexample(small.point, ...formatSides(engine, small.left, small.right)) };
        }
      } else {
        let a = truth(point, p.left as Formula);
        let b = truth(point, p.right as Formula);
        if (typeof a === 'string' && typeof b === 'string') {
          undefinedBoth++;
          continue;
        }
        if (typeof a === 'string' || typeof b === 'string') {
          // A statement with an undefined side is false there (√x < 2 at x = -1), unless
          // the gap is removable: right next to the point both sides are defined and agree.
          const near = point.perturbed(new Rng(opts.seed, `${p.salt}#${attempt}`));
          const na = truth(near, p.left as Formula);
          const nb = truth(near, p.right as Formula);
          if (typeof na === 'boolean' && typeof nb === 'boolean' && (p.rel === '⇔' ? na === nb : !na || nb)) {
            undefinedBoth++;
            continue;
          }
          if (typeof a === 'string') a = false;
          if (typeof b === 'string') b = false;
        }
        if (a) sawTrue = true;
        else sawFalse = true;
        const ok = p.rel === '⇔' ? a === b : p.rel === '⇒' ? !a || b : false;
        if (!ok) {
          return {
            held, unknown: null, notes, vacuous: false,
            failure: counterexample(point, a ? 'true' : 'false', b ? 'true' : 'false',
              p.rel === '⇔' ? 'one side holds here and the other does not' : 'the left side holds here but the right does not'),
          };
        }
      }
      held++;
      noteIndices(point, seen);
      if (!isExpr(p.left) && probePoints.length < 3) probePoints.push(point);
    } catch (err) {
      if (err instanceof Unsupported) return { held, failure: null, unknown: err.message, notes, vacuous: false };
      if (err instanceof Undefined || err instanceof Skip) {
        undefinedBoth++;
        continue;
      }
      throw err;
    }
  }
  if (held === 0) {
    const why = rejected > 0 && undefinedBoth === 0
      ? 'no sampled point satisfied the assumptions'
      : 'no sampled point had both sides defined';
    return { held, failure: null, unknown: why, notes, vacuous: false };
  }
  if (probePoints.length > 0) {
    // Random points almost never land on a solution of an equation: look for them.
    for (const point of probePoints) {
      const probe = probeRoots(engine, p, point, new Rng(opts.seed, `${p.salt}^`), opts.deadline);
      if (probe.failure) return { held, failure: probe.failure, unknown: null, notes, vacuous: false };
      if (probe.roots > 0) sawTrue = true;
      if (Date.now() > opts.deadline) break;
    }
  }
  const vacuous = !isExpr(p.left) && !(sawTrue && sawFalse);
  return { held, failure: null, unknown: null, notes, vacuous, ranges: describeRanges(seen) };
}

const GRID = ['-1000', '-100', '-10', '-7', '-5', '-4', '-3', '-2', '-1.5', '-1', '-0.5', '-0.1', '0',
  '0.1', '0.5', '1', '1.5', '2', '3', '4', '5', '7', '10', '100', '1000'];

/**
 * Whether `l rel r` holds at a point, beyond rounding: sides that are not exactly equal
 * are evaluated again at twice the precision, where a rounding difference shrinks by
 * ~40 orders and a real one (exp(−100) vs 0, 1 + 10⁻³⁰ vs 1) stays. Steps through a
 * double-precision eigenvalue keep the 1e-9 tolerance.
 */
function relationHolds(engine: NumericEngine, point: Point, p: StepProblem, l: Value, r: Value): boolean {
  const rel = p.rel as RelOp;
  const coarse = engine.holds(rel, l, r);
  const precise = engine.precise;
  if (engine.inexact || !precise) return coarse;
  const d1 = engine.maxAbsDiff(l, r);
  if (d1.isZero()) return rel === '=' || rel === '≤' || rel === '≥';
  // A difference below 1e-36 of the sides' own size is rounding at 40 digits; only a
  // difference that is large against the sides themselves (exp(−100) vs 0) needs a second look.
  const zero = engine.zeros(1, 1);
  const sl = engine.maxAbsDiff(l, zero);
  const sr = engine.maxAbsDiff(r, zero);
  const size = sl.greaterThan(sr) ? sl : sr;
  if ((rel === '=' || rel === '≠') && d1.lessThanOrEqualTo(size.times('1e-36'))) return rel === '=';
  if (rel === '<' || rel === '≤' || rel === '>' || rel === '≥') {
    // Only a near-tie needs a second look.
    if (d1.greaterThan(size.greaterThan(1) ? size.times('1e-20') : engine.scalar('1e-20'))) return coarse;
  }
  let l2: Value;
  let r2: Value;
  try {
    const q = point.inEngine(precise);
    precise.deadline = engine.deadline;
    l2 = q.evaluate(p.left as Expr);
    r2 = q.evaluate(p.right as Expr);
  } catch {
    return coarse;
  }
  const d2 = precise.maxAbsDiff(l2, r2);
  const rounding = d2.isZero() || d2.lessThan((precise.convert(d1) as typeof d1).times('1e-20'));
  if (rel === '=') return rounding;
  if (rel === '≠') return !rounding;
  if (precise.isMatrix(l2) || precise.isMatrix(r2)) return coarse;
  // A real difference, however small: its sign decides.
  const up = (r2 as typeof d2).minus(l2 as typeof d2);
  switch (rel) {
    case '≤': return rounding || up.isPositive();
    case '≥': return rounding || up.isNegative();
    case '<': return !rounding && up.isPositive() && !up.isZero();
    case '>': return !rounding && up.isNegative() && !up.isZero();
    default: return coarse;
  }
}

/**
 * Checks a ⇔/⇒ step on the solution sets of its sides: for each scalar a side depends
 * on, with the others as sampled, the values where that side's two expressions meet
 * (exact grid hits, or sign changes narrowed by bisection) are points where the
 * statements must still agree. This is what catches `x² = 9 ⇔ x = 3` (at x = −3).
 */
function probeRoots(engine: NumericEngine, p: StepProblem, point: Point, rng: Rng, deadline: number): { failure: Counterexample | null; roots: number } {
  let rootsSeen = 0;
  const none = () => ({ failure: null, roots: rootsSeen });
  const sides = [p.left, p.right] as Formula[];
  for (const side of sides) {
    if (side.kind !== 'Compare') continue;
    const [a, b] = side.operands;
    if (!a || !b || hasMatrix(a) || hasMatrix(b)) continue;
    for (const [key, { value }] of [...point.values]) {
      if (!point.touched.has(key) || point.isInteger(key) || engine.isMatrix(value)) continue;
      const f = (x: Value): { q: Point; d: Value } | null => {
        const q = point.replacing(key, x, rng);
        try {
          const l = evalSide(q, a);
          const r = evalSide(q, b);
          if (!l.ok || !r.ok) return null;
          return { q, d: engine.add(l.value, engine.neg(r.value)) };
        } catch {
          return null;
        }
      };
      if (Date.now() > deadline) return none();
      const roots = findRoots(engine, f, deadline, false);
      for (const q of roots) {
        try {
          if (!q.satisfiesAssumptions()) continue;
          const l = truthOrFalse(q, p.left as Formula);
          const r = truthOrFalse(q, p.right as Formula);
          rootsSeen++;
          const ok = p.rel === '⇔' ? l === r : !l || r;
          if (!ok) {
            return {
              roots: rootsSeen,
              failure: counterexample(q, l ? 'true' : 'false', r ? 'true' : 'false',
                p.rel === '⇔' ? 'one side holds here and the other does not' : 'the left side holds here but the right does not'),
            };
          }
        } catch {
          continue;
        }
      }
    }
  }
  return none();
}

/**
 * Moves one scalar of each unmet equality assumption (`assume α + β = 1`) to a value
 * that meets it, found on the grid or by bisection; the point is kept only if every
 * assumption then holds.
 */
function solveEqualities(engine: NumericEngine, p: StepProblem, start: Point, rng: Rng, deadline: number): Point | null {
  let point = start;
  for (const c of p.prep.checks) {
    const f = c.formula;
    if (f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=') continue;
    const [a, b] = f.operands;
    if (!a || !b || hasMatrix(a) || hasMatrix(b)) continue;
    try {
      if (point.holds(f)) continue;
    } catch {
      return null;
    }
    const keys = [...freeNames(a), ...freeNames(b)].map((v) => point.ctx.scope.lookup(v.name)).filter((x) => x && !x.index && x.info.kind === 'scalar').map((x) => x!.info.key);
    let solved: Point | null = null;
    for (const key of keys) {
      if (!point.values.has(key)) continue;
      const fAt = (x: Value): { q: Point; d: Value } | null => {
        const q = point.replacing(key, x, rng);
        try {
          const l = q.evaluate(a);
          const r = q.evaluate(b);
          return engine.isMatrix(l) || engine.isMatrix(r) ? null : { q, d: engine.add(l, engine.neg(r)) };
        } catch {
          return null;
        }
      };
      solved = findRoots(engine, fAt, deadline, true)[0] ?? null;
      if (solved) break;
    }
    if (!solved) return null;
    point = solved;
  }
  return point.satisfiesAssumptions() ? point : null;
}

/**
 * Points where f (a difference of two sides, as a function of one scalar) is 0: grid
 * values where it is exactly 0, and sign changes between grid values narrowed by bisect.
 */
function findRoots(
  engine: NumericEngine, f: (x: Value) => { q: Point; d: Value } | null, deadline: number, firstOnly: boolean,
): Point[] {
  const roots: Point[] = [];
  let prev: { x: Value; d: Value } | null = null;
  for (const g of GRID) {
    if (Date.now() > deadline || (firstOnly && roots.length > 0)) break;
    const x = engine.scalar(g);
    const at = f(x);
    if (!at) {
      prev = null;
      continue;
    }
    const sign = engine.sign(at.d);
    if (sign === 0) roots.push(at.q);
    else if (prev && engine.sign(prev.d) === -sign) {
      const root = bisect(engine, f, prev.x, x, deadline);
      if (root) roots.push(root);
    }
    prev = { x, d: at.d };
  }
  return roots;
}

/** Narrows a sign change of f on [lo, hi] to a point where f is 0 to 40 digits. */
function bisect(
  engine: NumericEngine, f: (x: Value) => { q: Point; d: Value } | null, lo: Value, hi: Value, deadline: number,
): Point | null {
  let a = lo;
  let b = hi;
  let fa = f(a);
  let fb = f(b);
  if (!fa || !fb) return null;
  const exact = (d: Value) => engine.sign(d) === 0 || engine.isTiny(d, '1e-38');
  for (let i = 0; i < 160; i++) {
    if (Date.now() > deadline) return null;
    // A secant step first (exact for an equation linear in x), then halving.
    const secant = engine.secant(a, fa.d, b, fb.d);
    const fs = secant === null ? null : f(secant);
    if (fs && exact(fs.d)) return fs.q;
    const mid = engine.midpoint(a, b);
    const fm = f(mid);
    if (!fm) return null;
    if (exact(fm.d)) return fm.q;
    if (engine.sign(fm.d) === engine.sign(fa.d)) {
      a = mid;
      fa = fm;
    } else {
      b = mid;
      fb = fm;
    }
  }
  return null;
}

/** A statement's truth at a point, an undefined side counting as false. */
function truthOrFalse(point: Point, f: Formula): boolean {
  const t = truth(point, f);
  return typeof t === 'boolean' ? t : false;
}

/**
 * A simpler counterexample, as property-based testers shrink theirs: each drawn value in
 * turn is replaced by a simpler one (small integers, halves; rounded entries) as long as
 * the point still satisfies the assumptions and the step still fails there.
 */
function shrink(engine: NumericEngine, p: StepProblem, point: Point, rng: Rng, deadline: number): { point: Point; left: Value; right: Value } {
  const sides = (q: Point): { left: Value; right: Value } | null => {
    try {
      if (!q.satisfiesAssumptions()) return null;
      q.touched.clear();
      engine.inexact = false;
      const l = evalSide(q, p.left as Expr);
      const r = evalSide(q, p.right as Expr);
      if (!l.ok || !r.ok || relationHolds(engine, q, p, l.value, r.value)) return null;
      return { left: l.value, right: r.value };
    } catch {
      return null;
    }
  };
  let best = point;
  let bestSides = sides(point);
  if (!bestSides) return { point, left: engine.zeros(1, 1), right: engine.zeros(1, 1) };
  let tries = 0;
  for (const [key, { value }] of [...point.values]) {
    if (!point.touched.has(key) || point.isInteger(key)) continue;
    for (const candidate of engine.simpler(value)) {
      if (++tries > 60 || Date.now() > deadline) return { point: best, ...bestSides };
      const q = best.replacing(key, candidate, rng);
      const s = sides(q);
      if (s) {
        best = q;
        bestSides = s;
        break;
      }
    }
  }
  return { point: best, ...bestSides };
}

/**
 * Whether a point where one side is undefined is a removable gap: at nudged points
 * nearby both sides are defined and the relation holds. A gap that persists nearby (a
 * log of a negative number) or a nearby point where the relation fails is not.
 */
function removable(engine: NumericEngine, point: Point, p: StepProblem, rng: Rng): 'removable' | 'not' {
  let agreed = 0;
  for (let i = 0; i < 3; i++) {
    const near = point.perturbed(rng);
    const nl = evalSide(near, p.left as Expr);
    const nr = evalSide(near, p.right as Expr);
    if (!nl.ok || !nr.ok) continue;
    if (!engine.holds(p.rel as RelOp, nl.value, nr.value)) return 'not';
    agreed++;
  }
  return agreed >= 2 ? 'removable' : 'not';
}

function describePoint(point: Point): string {
  return assignments(point).map(([k, v]) => `${k} = ${v}`).join(', ');
}

function assignments(point: Point): [string, string][] {
  const out: [string, string][] = [];
  const ints: [string, string][] = [];
  for (const [key, { label, value }] of point.values) {
    if (!point.touched.has(key) || point.dims.has(key)) continue;
    const sym = point.ctx.scope.get(key.split('@')[0]!);
    (sym?.kind === 'integer' ? ints : out).push([label, point.engine.format(value)]);
  }
  const dims = [...point.dims].filter(([d]) => point.touched.has(`dim:${d}`)).map(([d, n]) => [d, String(n)] as [string, string]);
  const fns = [...point.functions].filter(([name]) => point.touched.has(`fn:${name}`)).map(([name, f]) => [name, f.describe(name).replace(/^[^=]*= /, '')] as [string, string]);
  return [...ints, ...dims, ...out, ...fns];
}

function counterexample(point: Point, left: string, right: string, note?: string): Counterexample {
  const ce: Counterexample = { assignments: assignments(point), left, right };
  return note ? { ...ce, note } : ce;
}

/** Both sides as text, with more digits when 6 would print them alike. */
function formatSides(engine: NumericEngine, l: Value, r: Value): [string, string] {
  for (const digits of [6, 12, 24, 40]) {
    const a = engine.format(l, digits);
    const b = engine.format(r, digits);
    if (a !== b || digits === 40) return [a, b];
  }
  return [engine.format(l), engine.format(r)];
}

