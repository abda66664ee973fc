import type { Condition, Expr, Formula, RelOp } from '../../ast.js';
import type { Counterexample } from '../../result.js';
import { Mat, isMat, type Field, type Val } from '../evaluator/field.js';
import { identity, inverse, mul } from '../evaluator/linalg.js';
import { intervalField, type Interval } from '../evaluator/interval.js';
import { Rational, bitsOf, exactField, gcd, simplestBetween, simplestIn } from '../evaluator/rational.js';
import { hasMatrix, isExpr, type StepProblem } from '../problem.js';
import { freeNames } from '../rewrite.js';
import { formulaExprs, visit } from '../../ast-walk.js';
import { printExpr, printFormula, printName } from '../../print.js';
import type { Rng } from '../rng.js';
import { simpler } from './draw.js';
import { NO_PRECISION, decideAt } from './at-point.js';
import { allLevels } from './levels.js';
import type { Point } from './point.js';
import { boundariesAlong, domainCuts, refineRoot, type Boundaries } from './boundaries.js';
import { failureStands, respectsTags } from './explore.js';
import { keysRead } from './domain.js';
import { newtonSolutions } from './newton.js';
import { meetLinear, solveSquare } from './linear-solve.js';
import { counterexample, formatSides, formatValue } from './report.js';
import { SOLUTION_GAINED, SOLUTION_LOST, statementAt } from './compare.js';
import { now } from '../../clock.js';

/**
 * Search around sampled points: solutions of equality assumptions, solutions of the
 * equations inside ⇔/⇒ steps, and simpler counterexamples.
 */

const GRID = ['-1000', '-100', '-10', '-7', '-5', '-4', '-3', '-2', '-1.5', '-1', '-0.5', '-0.1', '0',
  '0.1', '0.5', '1', '1.5', '2', '3', '4', '5', '7', '10', '100', '1000'].map((x) => Rational.parse(x));

/** a − b at a point: exactly when it is rational, else a double estimate (never a decision). */
function difference(q: Point, a: Expr, b: Expr): { exact: Rational | null; approx: number } | null {
  try {
    const l = q.evaluate(exactField, a);
    const r = q.evaluate(exactField, b);
    if (isMat(l) || isMat(r)) return null;
    const d = l.sub(r);
    return { exact: d, approx: d.toNumber() };
  } catch {
    // not rational here: estimate in doubles
  }
  try {
    const l = q.evaluate(intervalField, a) as Val<Interval>;
    const r = q.evaluate(intervalField, b) as Val<Interval>;
    if (isMat(l) || isMat(r)) return null;
    const mid = (x: Interval) => (x.lo === x.hi ? x.lo : x.lo / 2 + x.hi / 2);
    const d = mid(l) - mid(r);
    return Number.isFinite(d) ? { exact: null, approx: d } : null;
  } catch {
    return null;
  }
}

/**
 * Points along one scalar (`key`) where `a = b` holds, decided by the comparison policy:
 * grid values where it holds, and sign changes between them narrowed by secant steps
 * (exact for an equation linear in the scalar) and bisection.
 */
function rootsAlong(point: Point, key: string, a: Expr, b: Expr, rng: Rng, deadline: number, firstOnly: boolean): Point[] {
  const levels = allLevels();
  const at = (x: Rational) => {
    const q = point.replacing(key, x, rng);
    q.deadline = deadline;
    return q;
  };
  const isRoot = (q: Point) => {
    try {
      return decideAt(q, a, '=', b, levels).kind === 'holds';
    } catch {
      return false;
    }
  };
  const out: Point[] = [];
  const values = GRID.map((x) => ({ x, q: at(x) })).map((v) => ({ ...v, d: difference(v.q, a, b) }));
  for (const v of values) {
    if (v.d && (v.d.exact?.isZero() ?? Math.abs(v.d.approx) < 1e-9) && isRoot(v.q)) {
      out.push(v.q);
      if (firstOnly) return out;
    }
  }
  // (At most three sign changes are narrowed: an exact root between grid values comes from
  // the secant of an equation linear in the scalar; a periodic side changes sign at most of
  // them, and its roots are irrational: boundaries.ts finds and proves those.)
  let bisected = 0;
  for (let i = 0; i + 1 < values.length; i++) {
    if (now() > deadline || bisected >= 3) break;
    const lo = values[i]!;
    const hi = values[i + 1]!;
    if (!lo.d || !hi.d || lo.d.approx === 0 || hi.d.approx === 0 || Math.sign(lo.d.approx) === Math.sign(hi.d.approx)) continue;
    bisected++;
    const root = bisect(at, a, b, lo.x, lo.d, hi.x, hi.d, deadline);
    if (root && isRoot(root)) {
      out.push(root);
      if (firstOnly) return out;
    }
  }
  return out;
}

/** Past this many bits (the two values' numerators and denominators) no secant is tried once three have missed (bisect). */
const SECANT_BITS = 512;

function bisect(
  at: (x: Rational) => Point, a: Expr, b: Expr,
  x0: Rational, d0: { exact: Rational | null; approx: number }, x1: Rational, d1: { exact: Rational | null; approx: number }, deadline: number,
): Point | null {
  let [lo, dlo, hi, dhi] = [x0, d0, x1, d1];
  let missed = 0;
  for (let i = 0; i < 80; i++) {
    if (now() > deadline) return null;
    // A secant step first (exact for an equation linear in x when the values are exact).
    // (Where three have missed, the equation is not linear over the bracket, and the secants'
    // points only grow: those of u⁴ − 5u² + 6 = 0 reached thousands of bits, and a step under it
    // spent 1.9 s of its 2 s in their gcds. Then a secant is tried only every eighth bisection
    // while the values are short, for an equation linear on each side of a kink the bracket
    // holds (|x − 1/3| + 2x = 1 on [0, 0.5]): once the kink is outside, the secant gives the root.)
    if (dlo.exact && dhi.exact && !dhi.exact.equals(dlo.exact) && (missed < 3 || (i % 8 === 0 && bitsOf(dlo.exact) + bitsOf(dhi.exact) <= SECANT_BITS))) {
      const s = lo.sub(dlo.exact.mul(hi.sub(lo)).div(dhi.exact.sub(dlo.exact)));
      if (s.cmp(lo) * s.cmp(hi) <= 0) {
        const q = at(s);
        const ds = difference(q, a, b);
        if (ds?.exact?.isZero()) return q;
        missed++;
      }
    }
    const mid = lo.add(hi).div(Rational.of(2));
    const q = at(mid);
    const dm = difference(q, a, b);
    if (!dm) return null;
    if (dm.exact?.isZero() || dm.approx === 0) return q;
    if (Math.sign(dm.approx) === Math.sign(dlo.approx)) {
      lo = mid;
      dlo = dm;
    } else {
      hi = mid;
      dhi = dm;
    }
    if (i > 60 && Math.abs(dm.approx) < 1e-14 * (1 + Math.abs(mid.toNumber()))) return q;
  }
  return null;
}

/**
 * The sides of an equality assumption sampling meets by solving (`assume α + β = 1`), or null:
 * a substitution holds by construction wherever its right side has a value; where it has
 * none (y = log(x − 3) at x ≤ 3) no y meets it, and solving cannot help.
 */
export function solvedEquation(p: StepProblem, c: StepProblem['prep']['checks'][number]): readonly [Expr, Expr] | null {
  const f = c.formula;
  if (f.kind !== 'Compare' || f.ops.length !== 1 || f.ops[0] !== '=' || p.prep.byConstruction.has(c)) return null;
  const [a, b] = f.operands;
  return a && b ? [a, b] : null;
}

/**
 * Moves one scalar of each unmet equality assumption (`assume α + β = 1`) to a value
 * that meets it; the point is kept only if every assumption then holds.
 */
export function solveEqualities(p: StepProblem, start: Point, rng: Rng, deadline: number,
  /** Names not to solve for (a probe's own: the pole search put x at 1/3, and y is solved for). */
  fixed?: ReadonlySet<string>): Point | null {
  let point = start;
  const levels = allLevels();
  let unsampled: string | null = null;
  /** The place value of this equation's digit of the point's number (its turn, below): the product of the earlier equations' scalar counts. */
  let place = 1;
  let next = 1;
  for (const c of p.prep.checks) {
    const sides = solvedEquation(p, c);
    if (!sides) continue;
    const f = c.formula;
    const [a, b] = sides;
    // (Counted by the names it writes whether or not this point meets it already, so that each
    // equation keeps its digit from point to point.)
    place = next;
    next = Math.min(place * Math.max(1, new Set([...freeNames(a), ...freeNames(b)].map((v) => printName(v.name))).size), 2 ** 40);
    if (point.truth(f, levels) === true) continue;
    // (A derived point draws its values when they are first used: use them.)
    for (const side of [a, b]) {
      try {
        point.evaluate(exactField, side);
      } catch {
        // drawn all the same
      }
    }
    const names = [...freeNames(a), ...freeNames(b)].map((v) => point.ctx.scope.lookup(v.name)).filter((x) => x && !x.index);
    // The scalars written, then those read through definitions (`assume γ = 1` with `define γ = α + β`;
    // a family's key stands for the members drawn: `assume v_1 = 4` with `v_t = v_{t-1} + g_t` reads g@1).
    const drawnKeys = [...point.values.keys()];
    const members = (k: string): string[] => [k, ...drawnKeys.filter((d) => d.startsWith(`${k}@`))];
    const through = [...(keysRead(p, a) ?? []), ...(keysRead(p, b) ?? [])].flatMap(members).filter((k) => {
      const v = point.values.get(k)?.value;
      return v !== undefined && !isMat(v) && !point.isInteger(k);
    });
    const written = [...new Set([...names.filter((x) => x!.info.kind === 'scalar').map((x) => x!.info.key), ...through])];
    // (Each point solves for another scalar first, in turn: an equation may hold on a branch no
    // root along the first one reaches. `assume x y = 0` solved for x always put x at 0 with y
    // drawn, never y at 0 with x anything, and x = 0 was checked; so was x = y under x z = y z.
    // Each equation turns with its own digit of the point's number in mixed radix (a digit of as
    // many values as it has scalars), so the first points run through every combination of
    // first choices: with one turn for all, x y = 0, y z = 0 never had x and z at 0 with y free,
    // and y = 0 was checked, red team rt244; with binary digits, x y z = 0, u v w = 0 never
    // solved for y and v together, rt245.)
    const turn = written.length > 1 ? Math.floor(start.k / place) % written.length : 0;
    const scalars = [...written.slice(turn), ...written.slice(0, turn)];
    const matrices = [...new Set(names.filter((x) => x!.info.shape.kind === 'matrix').map((x) => x!.info.key))];
    let solved: Point | null = null;
    // A scalar first, where both sides are scalars (`assume ‖u‖ = x` is solved for x, so a
    // u the search put at 0 stays there), then a vector or matrix by Newton's method, the
    // root proved in a box (newton.ts; `assume ‖w‖ = 1`, `assume wᵀ H w = 2`).
    if (a.shape?.kind !== 'matrix' && b.shape?.kind !== 'matrix') {
      for (const key of scalars) {
        if (!point.values.has(key) || fixed?.has(key) || now() > deadline) continue;
        const root = someRoot(p, point, key, a, b, rng, deadline);
        if (root) {
          solved = root.point;
          if (root.unproved) unsampled ??= `the assumption ${printFormula(f)} may also hold where no sampled point could be put (near ${root.unproved}, a solution that could not be proved), so the step is not shown to hold on all of its solutions`;
          break;
        }
      }
    }
    if (!solved && (hasMatrix(a) || hasMatrix(b))) {
      for (const key of matrices) {
        if (!point.values.has(key) || fixed?.has(key) || now() > deadline) continue;
        solved = newtonSolutions(point, key, a, b, rng, deadline, { max: 1, assumptions: false })[0] ?? null;
        if (solved) break;
      }
    }
    if (!solved) return null;
    point = solved;
  }
  if (!point.satisfiesAssumptions(levels)) return null;
  point.unsampledRoots = unsampled;
  return point;
}

/**
 * Moves a point where a substitution has no value (`assume u = √(x − 2), v = √(3 − x)` at
 * x = 7) into its domain: along each scalar the substitution reads, the places where its
 * divisors and the arguments of √ and log are 0 cut the line into pieces; a random point of
 * each piece is tried, in random order, until every assumption holds. Null if none does.
 */
export function meetDomains(p: StepProblem, start: Point, rng: Rng, deadline: number): Point | null {
  const levels = allLevels();
  // The scalars of those with no value here are moved; every one of them cuts the line.
  const rhs: Expr[] = [];
  const failing: Expr[] = [];
  for (const c of p.prep.partialSubstitutions) {
    if (c.formula.kind !== 'Compare') continue;
    rhs.push(c.formula.operands[1]!);
    if (start.truth(c.formula, levels) === 'undefined') failing.push(c.formula.operands[1]!);
  }
  if (failing.length === 0) return null;
  const keys = new Set<string>();
  for (const e of failing) {
    for (const v of freeNames(e)) {
      const found = start.ctx.scope.lookup(v.name);
      if (found && !found.index && found.info.kind === 'scalar' && start.values.has(found.info.key) && !start.isInteger(found.info.key)) keys.add(found.info.key);
    }
  }
  const fraction = () => Rational.of(rng.int(1, 9)).div(Rational.of(10));
  for (const key of keys) {
    if (now() > deadline) break;
    const cuts = domainCuts(start, key, rhs, deadline);
    if (cuts.length === 0) continue;
    const pieces: Rational[] = [cuts[0]!.sub(Rational.ONE.add(fraction())), cuts[cuts.length - 1]!.add(Rational.ONE.add(fraction()))];
    for (let i = 0; i + 1 < cuts.length; i++) pieces.push(cuts[i]!.add(cuts[i + 1]!.sub(cuts[i]!).mul(fraction())));
    for (let i = pieces.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
    }
    for (const x of pieces) {
      const q = start.replacing(key, x, rng);
      q.deadline = deadline;
      if (q.satisfiesAssumptions(levels)) return q;
    }
  }
  return null;
}

/**
 * A simpler counterexample, as property-based testers shrink theirs: each drawn value in
 * turn is replaced by a simpler one (small integers, halves; rounded entries) as long as
 * the point still satisfies the assumptions and the step still certainly fails there.
 */
export function shrink(p: StepProblem, point: Point, rng: Rng, deadline: number): { point: Point; F: Field<unknown>; left: Val<unknown>; right: Val<unknown> } | null {
  const levels = allLevels();
  // (Where the point meets the assumptions for certain, so must a simpler one, not by
  // agreement within 10⁻³⁰: w = [0, −100] was printed under ‖w‖ > 100, on its edge, for a
  // point the edge search had put inside it — red team.)
  let certain = false;
  try {
    point.deadline = deadline;
    certain = point.satisfiesAssumptions(levels, true, true);
  } catch {
    certain = false;
  }
  const failing = (q: Point) => {
    try {
      q.deadline = deadline;
      if (!q.satisfiesAssumptions(levels, true, certain)) return null;
      q.touched.clear();
      const o = decideAt(q, p.left as Expr, p.rel as RelOp, p.right as Expr, levels);
      return o.kind === 'fails' ? { point: q, F: o.F, left: o.left, right: o.right } : null;
    } catch {
      return null;
    }
  };
  let best = failing(point);
  if (!best) return null;
  let tries = 0;
  for (const [key, { value }] of [...point.values]) {
    if (!point.touched.has(key) || point.isInteger(key)) continue;
    for (const candidate of simpler(value as Val<Rational>)) {
      if (++tries > 60 || now() > deadline) return best;
      const s = failing(best.point.replacing(key, candidate, rng));
      if (s) {
        best = s;
        break;
      }
    }
  }
  return best;
}

/** Small values every free scalar takes in the corner search: the edges of common domains. */
const CORNERS = ['0', '1', '-1', '2', '-2', '0.5', '-0.5', '1.5', '3'].map((x) => Rational.parse(x));
/** At most this many corner points per step (a deterministic budget, not a time one). */
const MAX_CORNERS = 800;

/**
 * Whether a step can go wrong on a small set a random point misses: division (a pole),
 * roots and logs (a domain edge), powers with a variable or fractional exponent (a
 * branch), absolute values and norms (a kink).
 */
export function hasCorners(e: Expr): boolean {
  let hit = false;
  const visit = (x: Expr): void => {
    if (hit) return;
    switch (x.kind) {
      case 'Binary':
        if (x.op === '/') hit = true;
        if (x.op === '^' && !(x.right.kind === 'Num' && /^\d+$/.test(x.right.value))) hit = true;
        visit(x.left);
        visit(x.right);
        return;
      case 'Call':
        if (['sqrt', 'log', 'ln', 'tan', 'inv', 'max', 'min'].includes(x.fn.base)) hit = true;
        x.args.forEach(visit);
        return;
      case 'Abs': case 'Norm': hit = true; return;
      case 'Neg': case 'Transpose': case 'Factorial': visit(x.arg); return;
      case 'Expect': visit(x.arg); if (x.second) visit(x.second); return;
      case 'Component': x.indices.forEach(visit); return;
      case 'BigOp': visit(x.body); return;
      case 'Deriv': case 'Grad': case 'Limit': visit(x.body); return;
      default: return;
    }
  };
  visit(e);
  return hit;
}

/**
 * Every combination of small values (0, ±1, ±2, ±½, 1.5, 3) for the free scalars of a
 * step (at most four), the rest as at `base`: nerdamer's false rules (√(ab) = √a√b,
 * (xᵃ)ᵇ = x^(ab)) and removable-looking poles fail at such corners, and random points
 * rarely land there. `only`: the keys to move (the rest stay as at `base`; `domainKeys`).
 * `done`: nothing more can come of the search (it can only add notes, and they are all taken).
 */
export function cornerSearch(p: StepProblem, base: Point, rng: Rng, deadline: number, extended: (q: Point, reason: string, side?: 'left' | 'right') => void, only?: ReadonlySet<string>, done: () => boolean = () => false): Counterexample | null {
  // (With the scalars an assumption reads beside one the step reads: |x| > 1 under x² − 2y² ≥ 1
  // fails only at x = ±1, y = 0, which y as drawn never allowed, red team rt108.)
  const coupled = assumedBeside(base, base.touched);
  const keys = [...base.values.keys()].filter((k) => (base.touched.has(k) || coupled.has(k)) && !base.isInteger(k) && !isMat(base.values.get(k)!.value)
    && !base.prep.dimensions.has(k) && (!only || only.has(k.split('@')[0]!)));
  if (keys.length === 0 || keys.length > 4) return null;
  // (Fewer values the more scalars, the last ones first left out: with three, every combination
  // of all nine was 729 points, half of checking y^z (y/x)^(−z) = x^z and a tenth of the
  // identity table's; 0, ±1, ±2, ±1/2 keep every domain edge and branch of a fractional power.)
  const grid = keys.length === 4 ? CORNERS.slice(0, 5) : keys.length === 3 ? CORNERS.slice(0, 7) : CORNERS;
  const levels = allLevels();
  // (And with the vectors and matrices at 0 too: a divisor ‖u‖ + |x| is 0 only at u = 0, x = 0,
  // and 1 = (‖u‖ + |x|)/(‖u‖ + |x|) was proved, red team rt103.)
  const mats = [...base.values.keys()].filter((k) => base.touched.has(k) && isMat(base.values.get(k)!.value) && (!only || only.has(k.split('@')[0]!)));
  const zeros = new Map(mats.map((k) => {
    const m = base.values.get(k)!.value as Mat<Rational>;
    return [k, new Mat(m.rows, m.cols, m.data.map(() => Rational.ZERO))] as const;
  }));
  for (const zeroed of mats.length > 0 ? [false, true] : [false]) {
    const found = cornersOf(p, base, keys, grid, zeroed ? zeros : new Map(), rng, deadline, extended, levels, done);
    if (found) return found;
  }
  // (Not for `=`: its kinks are walked along each scalar (kinkSearch), and solving them cost ~4%
  // of the identity table's checking.)
  return keys.length >= 2 && p.rel !== '=' ? kinkPoints(p, base, keys, rng, deadline, extended, levels) : null;
}

/** The scalar expressions whose zeros are a side's kinks: the arguments of |·| and √, of max and min the difference of their two arguments, and the bases of even powers (`smooth`: only those). */
function kinks(e: Expr): { g: Expr; smooth: boolean }[] {
  const out = new Map<string, { g: Expr; smooth: boolean }>();
  visit(e, (x) => {
    let g: Expr | null = null;
    let smooth = false;
    if (x.kind === 'Abs' && x.arg.shape?.kind !== 'matrix') g = x.arg;
    if (x.kind === 'Call' && !x.fn.index && x.fn.primes === 0 && x.args.length === 1 && x.fn.base === 'sqrt') g = x.args[0]!;
    if (x.kind === 'Call' && !x.fn.index && x.fn.primes === 0 && x.args.length === 2 && (x.fn.base === 'max' || x.fn.base === 'min')) {
      g = { kind: 'Binary', op: '-', left: x.args[0]!, right: x.args[1]!, range: x.range, shape: x.shape };
    }
    // (And the base of an even power, which touches 0 there: (x − 2y)² + |x + y − 3/7| > 0.)
    if (!g && x.kind === 'Binary' && x.op === '^' && x.left.shape?.kind !== 'matrix' && x.right.kind === 'Num' && /^\d*[02468]$/.test(x.right.value)) {
      g = x;
      smooth = true;
    }
    // (√(u²) and |u²| kink where u is 0.)
    while (g && g.kind === 'Binary' && g.op === '^' && g.right.kind === 'Num' && /^\d*[02468]$/.test(g.right.value)) g = g.left;
    if (g && out.size < 6) {
      const k = printExpr(g);
      out.set(k, { g, smooth: smooth && (out.get(k)?.smooth ?? true) });
    }
  });
  return [...out.values()];
}

/**
 * The points where two or three of the step's kinks (`kinks`) are 0 at once, each affine in
 * as many of the free scalars `keys` (the rest as at base), solved exactly: |x − 2y| +
 * |x + y − 3/7| > 0 fails only at (2/7, 1/7), where no value of the grid lands and a search
 * along one scalar stalls at a kink (red team rt120). A kink's coefficients are read off its
 * exact values at base and one along each scalar, and checked at two more places; a system
 * whose determinant is 0 is skipped.
 */
function kinkPoints(p: StepProblem, base: Point, keys: readonly string[], rng: Rng, deadline: number,
  extended: (q: Point, reason: string, side?: 'left' | 'right') => void, levels: ReturnType<typeof allLevels>): Counterexample | null {
  const sides = [p.left, p.right].flatMap((side) => (isExpr(side) ? [side] : formulaExprs(side)));
  const all = new Map<string, Expr>();
  let kinked = false;
  for (const side of sides) {
    for (const { g, smooth } of kinks(side)) {
      all.set(printExpr(g), g);
      if (!smooth) kinked = true;
    }
  }
  // (Squares alone are smooth: the searches along lines find where a sum of them is 0.)
  if (all.size < 2 || !kinked) return null;
  const valueAt = (q: Point, g: Expr): Rational | null => {
    try {
      const v = q.evaluate(exactField, g);
      return isMat(v) ? null : v;
    } catch {
      return null;
    }
  };
  const at0 = (k: string): Rational => base.values.get(k)!.value as Rational;
  // Each kink as c₀ + Σ cᵢ (xᵢ − baseᵢ), where it is affine in the keys.
  const affine: { g: Expr; c0: Rational; c: Rational[] }[] = [];
  for (const g of all.values()) {
    const c0 = valueAt(base, g);
    if (!c0) continue;
    const c: Rational[] = [];
    let ok = true;
    for (const k of keys) {
      const one = valueAt(base.replacing(k, at0(k).add(Rational.ONE), rng), g);
      const two = valueAt(base.replacing(k, at0(k).add(Rational.of(2)), rng), g);
      if (!one || !two || !two.sub(c0).equals(one.sub(c0).mul(Rational.of(2)))) { ok = false; break; }
      c.push(one.sub(c0));
    }
    // (And no product of two scalars: at one along every key at once too.)
    const both = ok ? valueAt(base.derive(rng, (k, v) => (keys.includes(k) ? (v as Rational).add(Rational.ONE) : v)), g) : null;
    if (!ok || !both || !both.equals(c.reduce((a, x) => a.add(x), c0))) continue;
    if (c.some((x) => !x.isZero())) affine.push({ g, c0, c });
  }
  let tried = 0;
  const subsets = <T>(xs: readonly T[], k: number): T[][] => (k === 0 ? [[]] : xs.flatMap((x, i) => subsets(xs.slice(i + 1), k - 1).map((rest) => [x, ...rest])));
  for (const size of [2, 3]) {
    if (affine.length < size || keys.length < size) break;
    for (const chosen of subsets(affine, size)) {
      for (const moved of subsets([...keys.keys()], size)) {
        if (++tried > 120 || now() > deadline) return null;
        const delta = solveSquare(chosen.map((k) => moved.map((i) => k.c[i]!)), chosen.map((k) => k.c0.neg()));
        if (!delta) continue;
        const values = new Map(moved.map((i, j) => [keys[i]!, at0(keys[i]!).add(delta[j]!)] as const));
        const q = base.derive(rng, (k, v) => values.get(k) ?? v);
        q.deadline = deadline;
        try {
          if (!q.satisfiesAssumptions(levels, true)) continue;
          q.touched.clear();
          const found = failureAt(p, q, levels);
          if (found && 'extends' in found) extended(q, found.extends, found.side);
          else if (found) return found;
        } catch {
          // this point says nothing
        }
      }
    }
  }
  return null;
}

/** The keys of the names an assumption reads (with `scalars`, of its real scalars alone: not vectors, matrices or integers). */
export function conditionKeys(base: Point, c: Condition, scalars = false): Set<string> {
  const infos = formulaExprs(c.formula).flatMap((e) => freeNames(e).map((v) => base.prep.lookup(v)?.info));
  return new Set(infos.filter((i) => i && (!scalars || (i.kind === 'scalar' && i.shape.kind === 'scalar'))).map((i) => i!.key));
}

/** The keys an assumption reads beside one of `keys` (x² − 2y² ≥ 1 puts y beside x); empty where none does. */
export function assumedBeside(base: Point, keys: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const c of base.prep.checks) {
    const read = conditionKeys(base, c);
    if ([...read].some((k) => keys.has(k))) for (const k of read) if (!keys.has(k)) out.add(k);
  }
  return out;
}

/** Whether an assumption reads two or more scalars, one of them in `keys` (x² + y² ≤ 1, x + y ≥ 1): its region's corners are points no draw meets. */
export function coupledByAssumption(base: Point, keys: ReadonlySet<string>): boolean {
  return base.prep.checks.some((c) => {
    const read = conditionKeys(base, c, true);
    return read.size >= 2 && [...read].some((k) => keys.has(k));
  });
}

/** cornerSearch over one setting of the vectors and matrices (`fixed`: their values; the rest as drawn). */
function cornersOf(p: StepProblem, base: Point, keys: readonly string[], grid: readonly Rational[], fixed: ReadonlyMap<string, Val<Rational>>, rng: Rng, deadline: number,
  extended: (q: Point, reason: string, side?: 'left' | 'right') => void, levels: ReturnType<typeof allLevels>, done: () => boolean): Counterexample | null {
  let count = 0;
  const combo = new Array<number>(keys.length).fill(0);
  for (;;) {
    if (++count > MAX_CORNERS || now() > deadline || done()) return null;
    const values = new Map<string, Val<Rational>>([...fixed, ...keys.map((k, i) => [k, grid[combo[i]!]!] as const)]);
    const q = base.derive(rng, (k, v) => values.get(k) ?? v);
    q.deadline = deadline;
    try {
      if (q.satisfiesAssumptions(levels, true)) {
        q.touched.clear();
        const found = failureAt(p, q, levels);
        if (found && 'extends' in found) extended(q, found.extends, found.side);
        else if (found) return found;
      }
    } catch {
      // this corner says nothing
    }
    let i = 0;
    while (i < combo.length && ++combo[i]! === grid.length) combo[i++] = 0;
    if (i === combo.length) return null;
  }
}

/** The counterexample a point gives, if the step certainly fails there. */
function failureAt(p: StepProblem, q: Point, levels: readonly Field<unknown>[]): Counterexample | { extends: string; side?: 'left' | 'right' } | null {
  if (p.left.kind === 'Compare' || p.left.kind === 'Logic' || p.left.kind === 'TagFact') {
    const a = q.truth(p.left as Formula, levels);
    // `A ⇒ B` holds wherever A is false, whatever B is.
    if (p.rel === '⇒' && a === false) return null;
    const s = statementAt(p.rel as '⇔' | '⇒', a, q.truth(p.right as Formula, levels));
    if (s.kind === 'lost') return counterexample(q, 'true', 'undefined', SOLUTION_LOST);
    if (s.kind === 'gained') return counterexample(q, 'undefined', 'true', SOLUTION_GAINED);
    if (s.kind !== 'decided' || s.ok || !failureStands(q, p.rel, p.left as Formula, p.right as Formula)) return null;
    return counterexample(q, s.a ? 'true' : 'false', s.b ? 'true' : 'false',
      p.rel === '⇔' ? 'one side holds here and the other does not' : 'the left side holds here but the right does not');
  }
  const o = decideAt(q, p.left as Expr, p.rel as RelOp, p.right as Expr, levels);
  if (o.kind === 'fails') {
    const [l, r] = formatSides(o.F, o.left, o.right);
    return counterexample(q, l, r);
  }
  if (o.kind === 'right-undefined' && p.rel !== '=') return { extends: o.reason, side: 'right' };
  if (o.kind === 'right-undefined') {
    const l = formatValue(o.F, o.left);
    return counterexample(q, l, 'undefined', `the right side is undefined here (${o.reason}) but the left is ${l}`);
  }
  if (o.kind === 'left-undefined') return { extends: o.reason };
  return null;
}

/** Scale factors tried inside a bound: well inside, near the edge, on it. */
const INSIDE = ['0.5', '0.9', '0.3', '0.99', '0.7', '1'];

/**
 * Meets a bound on a homogeneous function of one vector or matrix by scaling it
 * (`assume λ_max(WᵀW) ≤ δ²/γ²`: W ← c·W with c² ≤ δ²/(γ² λ_max(WᵀW))), instead of
 * hoping a random matrix lands inside. The degree of homogeneity is measured (f(2X)/f(X)
 * must be 2^k for a whole k ≤ 4); the scaled point is kept only if every assumption holds.
 */
export function meetByScaling(p: StepProblem, start: Point, rng: Rng): Point | null {
  const levels = allLevels();
  let point = start;
  for (const c of p.prep.checks) {
    const f = c.formula;
    // (A chain of two bounds, 1 ≤ x² + y² ≤ 4, as each of its links: scaled into the one it
    // breaks, then judged whole below.)
    if (f.kind !== 'Compare' || f.ops.length > 2) continue;
    if (point.truth(f, levels, true) === true) continue;
    for (let i = 0; i < f.ops.length; i++) {
      const op = f.ops[i]!;
      if (op === '=' || op === '≠' || op === '→') return null;
      const link: Formula = { kind: 'Compare', ops: [op], operands: [f.operands[i]!, f.operands[i + 1]!], range: f.range };
      if (point.truth(link, levels, true) === true) continue;
      // As x ≤ y; the one vector or matrix scaled may be on either side: down into x ≤ y
      // (‖W‖ ≤ δ, and δ ≥ ‖W‖, which was scaled the wrong way and met at 2 of 22 points), or up
      // into y ≥ x (‖w‖ > 100, met at none before).
      const [a, b] = [f.operands[i]!, f.operands[i + 1]!];
      const [x, y] = op === '≤' || op === '<' ? [a, b] : [b, a];
      const moved = scaleInto(point, x, y, true, rng) ?? scaleInto(point, y, x, false, rng);
      if (!moved) return null;
      point = moved;
    }
  }
  return point.satisfiesAssumptions(levels) ? point : null;
}

/** Lengths a framed vector the assumptions give no length takes. */
const FREE_LENGTHS: readonly Rational[] = [[1n, 1n], [2n, 1n], [1n, 2n], [3n, 1n], [5n, 3n]].map(([n, d]) => new Rational(n!, d!));

/** Vectors past this size are not put on a rational orthonormal frame (its inverse is exact). */
const MAX_FRAME_ROWS = 16;

/**
 * The length an equality assumption gives a vector, `‖a‖ = c`, `‖a‖² = c` or `aᵀa = c` with c
 * rational at the point (and a rational square for the squared forms); null for any other.
 */
function assumedLength(point: Point, lhs: Expr, rhs: Expr): { key: string; length: Rational } | null {
  for (const [a, c] of [[lhs, rhs], [rhs, lhs]] as const) {
    let squared = false;
    let arg: Expr | null = null;
    if (a.kind === 'Norm' && (a.sub ?? null) === null) arg = a.arg;
    else if (a.kind === 'Binary' && a.op === '^' && a.left.kind === 'Norm' && (a.left.sub ?? null) === null && a.right.kind === 'Num' && a.right.value === '2') [arg, squared] = [a.left.arg, true];
    else if (a.kind === 'Binary' && a.op === '*' && a.left.kind === 'Transpose' && a.left.arg.kind === 'Var' && a.right.kind === 'Var' && printName(a.left.arg.name) === printName(a.right.name)) [arg, squared] = [a.right, true];
    if (!arg || arg.kind !== 'Var' || freeNames(c).some((v) => point.ctx.scope.lookup(v.name)?.info.shape.kind === 'matrix')) continue;
    const key = point.ctx.scope.lookup(arg.name)?.info.key;
    if (!key) continue;
    try {
      const v = point.evaluate(exactField, c);
      if (isMat(v) || v.sign() <= 0) return null;
      const length = squared ? v.sqrt() : v;
      return length ? { key, length } : null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * A random rational orthogonal n×n matrix: the Cayley transform Q = (I − S)(I + S)⁻¹ of a
 * skew-symmetric S of small random fractions p/q (1 ≤ q ≤ 12, |p| ≤ 3q; I + S is invertible
 * for skew S, whose eigenvalues are imaginary), its columns' signs random. A third of the
 * frames are S = 0 (the standard basis) and a third have S half zeros, so frames along the
 * axes come up too: under u, v orthonormal `u_1 ≠ 0` fails only where u ⟂ e₁, which a dense
 * S never gives (red team rt72). Null past MAX_FRAME_ROWS.
 */
function rationalFrame(n: number, rng: Rng): Mat<Rational> | null {
  if (n > MAX_FRAME_ROWS) return null;
  // (A 1×1 product is a scalar to linalg: the one frame of R¹ is ±1.)
  if (n === 1) return new Mat(1, 1, [rng.int(0, 1) === 0 ? Rational.ONE : Rational.ONE.neg()]);
  const F = exactField;
  const skew = new Array<Rational>(n * n).fill(Rational.ZERO);
  const density = rng.int(0, 2);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (density === 0 || (density === 1 && rng.int(0, 1) === 0)) continue;
      // (Denominators up to 12, so that directions near the diagonals come up: under orthonormal
      // u, v in R², u_1 u_2 ≤ 12/25 fails only within ~8° of them, red team rt73.)
      const q = rng.int(1, 12);
      const x = new Rational(BigInt(rng.int(-3 * q, 3 * q)), BigInt(q));
      skew[i * n + j] = x;
      skew[j * n + i] = x.neg();
    }
  }
  const I = identity(F, n);
  const minus = new Mat(n, n, I.data.map((x, i) => x.sub(skew[i]!)));
  const plus = new Mat(n, n, I.data.map((x, i) => x.add(skew[i]!)));
  try {
    const Q = mul(F, minus, inverse(F, plus));
    if (!isMat(Q)) return null;
    const signs = Array.from({ length: n }, () => rng.int(0, 1) === 0);
    return Q.map((x, i) => (signs[i % n] ? x.neg() : x));
  } catch {
    return null;
  }
}

/**
 * A rational orthogonal matrix whose first column is v/‖v‖ (v a nonzero rational vector whose
 * length is rational): the Householder reflection I − 2wwᵀ/(wᵀw), w = e₁ − v/‖v‖, which maps e₁
 * to v/‖v‖, times a random frame of the other n − 1 axes. Null where ‖v‖ is irrational.
 */
function frameAround(v: Val<Rational>, rng: Rng): Mat<Rational> | null {
  if (!isMat(v) || v.cols !== 1) return null;
  const n = v.rows;
  const length = v.data.reduce((acc, x) => acc.add(x.mul(x)), Rational.ZERO).sqrt();
  if (!length || length.isZero()) return null;
  const u = v.data.map((x) => x.div(length));
  const w = u.map((x, i) => (i === 0 ? Rational.ONE.sub(x) : x.neg()));
  const ww = w.reduce((acc, x) => acc.add(x.mul(x)), Rational.ZERO);
  const H = new Mat(n, n, Array.from({ length: n * n }, (_, k) => {
    const [i, j] = [Math.floor(k / n), k % n];
    const id = i === j ? Rational.ONE : Rational.ZERO;
    return ww.isZero() ? id : id.sub(Rational.of(2).mul(w[i]!).mul(w[j]!).div(ww));
  }));
  if (n === 1) return H;
  const rest = rationalFrame(n - 1, rng);
  if (!rest) return null;
  const block = new Mat(n, n, Array.from({ length: n * n }, (_, k) => {
    const [i, j] = [Math.floor(k / n), k % n];
    if (i === 0 || j === 0) return i === j ? Rational.ONE : Rational.ZERO;
    return rest.at(i - 1, j - 1);
  }));
  const Q = mul(exactField, H, block);
  return isMat(Q) ? Q : null;
}

/** `aᵀb` of two named vectors: their keys; null for any other expression. */
function dotOf(point: Point, e: Expr): [string, string] | null {
  if (e.kind !== 'Binary' || e.op !== '*' || e.left.kind !== 'Transpose' || e.left.arg.kind !== 'Var' || e.right.kind !== 'Var') return null;
  const a = point.ctx.scope.lookup(e.left.arg.name)?.info.key;
  const b = point.ctx.scope.lookup(e.right.name)?.info.key;
  return a && b ? [a, b] : null;
}

/**
 * Vectors put on rational orthonormal frames, where equality assumptions give them lengths and
 * make some orthogonal (`assume ‖u‖ = 1, ‖v‖ = 1, uᵀv = 0`), which solving one equation at a
 * time never meets (each solve breaks the others, and a length solved in a box leaves uᵀv = 0
 * undecided). The vectors the unmet equations read fall into groups of mutual orthogonality
 * (each group must be assumed orthogonal pairwise, or nothing is done: a frame would make
 * orthogonal what is not assumed so, and every sampled point would agree on it); each group
 * takes distinct columns of its own random frame (`rationalFrame`), times the length an
 * assumption gives each (`assumedLength`) or 1, so every such equation holds exactly. Null
 * unless every assumption then holds, and, with `several`, unless the unmet equations read
 * two vectors or more (the sampler tries that first: solving one equation at a time runs out
 * of time on six of them).
 */
export function meetOrthonormal(p: StepProblem, start: Point, rng: Rng, deadline: number, several = false,
  /** Vectors to keep as they are (a search's trial): the frame of each one's group is built around it. */
  given?: ReadonlyMap<string, Val<Rational>>): Point | null {
  const levels = allLevels();
  const keys: string[] = [];
  /** Every name the unmet equations read that could be solved for. */
  const read = new Set<string>();
  const lengths = new Map<string, Rational>();
  const orthogonal = new Set<string>();
  for (const c of p.prep.checks) {
    const sides = solvedEquation(p, c);
    if (!sides) continue;
    const known = assumedLength(start, sides[0], sides[1]);
    if (known) lengths.set(known.key, known.length);
    for (const [e, zero] of [[sides[0], sides[1]], [sides[1], sides[0]]] as const) {
      const dot = zero.kind === 'Num' && /^0+(\.0*)?$/u.test(zero.value) ? dotOf(start, e) : null;
      if (dot && dot[0] !== dot[1]) orthogonal.add(`${dot[0]} ${dot[1]}`).add(`${dot[1]} ${dot[0]}`);
    }
    if (start.truth(c.formula, levels, true) === true) continue;
    for (const v of [...freeNames(sides[0]), ...freeNames(sides[1])]) {
      const info = start.ctx.scope.lookup(v.name)?.info;
      const value = info && !v.name.index ? start.values.get(info.key)?.value : undefined;
      if (info && value && isMat(value) && value.cols === 1 && !keys.includes(info.key)) keys.push(info.key);
      if (info && value && (isMat(value) || info.kind === 'scalar')) read.add(info.key);
    }
  }
  // (Only vectors given a length or an orthogonality are put on frames; the others, w in
  // `u + v = w` or `uᵀw = 1/2`, are then solved for with these fixed.)
  const framed = keys.filter((k) => lengths.has(k) || [...orthogonal].some((pair) => pair.startsWith(`${k} `)));
  if (framed.length < (several ? 2 : 1)) return null;
  // Groups: the vectors joined by an assumed orthogonality, each group a clique.
  const groups: string[][] = [];
  for (const k of framed) {
    const joined = groups.filter((g) => g.some((m) => orthogonal.has(`${k} ${m}`)));
    const merged = [k, ...joined.flat()];
    for (const g of joined) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  if (groups.some((g) => g.some((a) => g.some((b) => a !== b && !orthogonal.has(`${a} ${b}`))))) return null;
  const overrides = new Map<string, Mat<Rational>>();
  for (const group of groups) {
    const n = (start.values.get(group[0]!)!.value as Mat<Rational>).rows;
    if (group.length > n || group.some((k) => (start.values.get(k)!.value as Mat<Rational>).rows !== n)) return null;
    const fixed = group.filter((k) => given?.has(k));
    if (fixed.length > 1) return null;
    const around = fixed.length === 1 ? given!.get(fixed[0]!)! : null;
    const frame = around ? frameAround(around, rng) : rationalFrame(n, rng);
    if (!frame) return null;
    // (Columns in a random order, so each vector is not always the frame's first; a given
    // vector is the first column of the frame around it, and keeps its value.)
    const columns = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > (around ? 1 : 0); i--) {
      const j = rng.int(around ? 1 : 0, i);
      [columns[i], columns[j]] = [columns[j]!, columns[i]!];
    }
    if (around) {
      overrides.set(fixed[0]!, around as Mat<Rational>);
      group.splice(group.indexOf(fixed[0]!), 1);
      group.unshift(fixed[0]!);
    }
    group.forEach((k, i) => {
      if (around && i === 0) return;
      // (A vector given no length takes one at random: at 1 always, points agreed on it.)
      const length = lengths.get(k) ?? rng.pick(FREE_LENGTHS);
      overrides.set(k, new Mat(n, 1, Array.from({ length: n }, (_, r) => frame.at(r, columns[i]!).mul(length))));
    });
  }
  const point = start.derive(rng, (k, v) => overrides.get(k) ?? v);
  try {
    if (point.satisfiesAssumptions(levels)) return point;
    // (Then the other names the equations read, with the frames' fixed: `A u = v`, `u + v = w`.)
    if ([...read].every((k) => framed.includes(k))) return null;
    const solved = meetLinear(p, point, rng, deadline, new Set(framed)) ?? solveEqualities(p, point, rng, deadline, new Set(framed));
    return solved && framed.every((k) => solved.values.get(k)?.value === overrides.get(k)) && solved.satisfiesAssumptions(levels) ? solved : null;
  } catch {
    return null;
  }
}

/**
 * Scales the one matrix or vector `small` depends on (`big` not) so that small ≤ big (or ≥,
 * when `upper` is false); where small reads no vector or matrix, the free scalars it reads
 * together (x² + y² + z² ≤ 1: a drawn point of three scalars meets it one time in thirty, and a
 * true bound on that ball was unknown for want of points); null where that cannot be done.
 */
function scaleInto(point: Point, small: Expr, big: Expr, upper: boolean, rng: Rng): Point | null {
  const keysOf = (e: Expr) => new Set(freeNames(e).map((v) => point.ctx.scope.lookup(v.name)).filter((x) => x && !x.index).map((x) => x!.info.key));
  const read = [...keysOf(small)];
  const bigKeys = keysOf(big);
  const smallKeys = read.filter((k) => point.values.has(k) && isMat(point.values.get(k)!.value));
  // (Scalars only where every name small reads is a drawn real scalar: an integer name, a
  // defined one or one known within bounds is not scaled.)
  const scalars = smallKeys.length === 0 && read.length > 0 && read.every((k) => {
    const v = point.values.get(k)?.value;
    return v !== undefined && !isMat(v) && !point.isInteger(k) && !point.enclosures.has(k) && !point.prep.dimensions.has(k);
  }) ? read : null;
  const keys = scalars ?? (smallKeys.length === 1 ? smallKeys : null);
  if (!keys || keys.some((k) => bigKeys.has(k))) return null;
  const at = (factor: Rational): Point => {
    let q = point;
    for (const key of keys) {
      const x = point.values.get(key)!.value;
      q = q.replacing(key, isMat(x) ? x.map((v) => v.mul(factor)) : (x as Rational).mul(factor), rng);
    }
    return q;
  };
  const mid = (q: Point, e: Expr): number | null => {
    try {
      const v = q.evaluate(intervalField, e);
      if (isMat(v)) return null;
      const i = v as Interval;
      return i.lo / 2 + i.hi / 2;
    } catch {
      return null;
    }
  };
  const f1 = mid(point, small);
  const f2 = mid(at(Rational.of(2)), small);
  const g = mid(point, big);
  if (f1 === null || f2 === null || g === null || !(f1 > 0) || !(g > 0)) return null;
  const k = Math.round(Math.log2(f2 / f1));
  if (k < 1 || k > 8 || Math.abs(f2 / f1 - 2 ** k) > 1e-6 * 2 ** k) return null;
  const u = Number(INSIDE[rng.int(0, INSIDE.length - 1)]);
  const factor = (upper ? (g / f1) * u : (g / f1) / u) ** (1 / k);
  if (!Number.isFinite(factor) || factor <= 0) return null;
  // A short decimal just inside the bound (rounded toward the inside; the check decides).
  const digits = 4;
  const scale = 10 ** (digits - 1 - Math.floor(Math.log10(factor)));
  const rounded = (upper ? Math.floor(factor * scale) : Math.ceil(factor * scale)) / scale;
  if (!(rounded > 0)) return null;
  return at(Rational.parse(rounded.toPrecision(digits)));
}

/** The multiple of a nonzero vector with whole, coprime entries, its first nonzero entry positive. */
function primitive(v: Mat<Rational>): Mat<Rational> {
  let lcm = 1n;
  for (const x of v.data) lcm = (lcm / gcd(lcm, x.d)) * x.d;
  const whole = v.data.map((x) => (x.n * lcm) / x.d);
  const g = whole.reduce((acc, x) => gcd(acc, x), 0n);
  const first = v.data.find((x) => !x.isZero())!;
  const s = first.sign() < 0 ? -g : g;
  return v.map((_, i) => new Rational(whole[i]! / s));
}

/**
 * Vectors put along the standard basis, where random draws never land: at their own lengths
 * exactly (lengthProfile: `assume ‖x‖ = 1/3` or `1.0000001` still holds; √2 as (1, 1)),
 * then rounded to 6 digits, then at length 1. Each alone at ±c·e₁; three or more of one size
 * at c·e₁ together; each pair at c·e₁ and c′·e₂ (orthogonal), ±c′·e₁ (parallel, opposite);
 * three at e₁, e₂, e₂ and at e₁, e₂, e₃; a vector on the axis of a component the step reads;
 * a square matrix at I, alone and with each vector; every vector at 0 at once. Under unit u, v,
 * `‖u − v‖² ≠ 2` fails at e₁, e₂, which the orthogonal part of a drawn v (no longer of length
 * 1) never meets; `‖x‖ < ∑|x_i|` fails at e₁, `|z_3| < ‖z‖` at e₃ (red teams rt68–rt70).
 */
function basisTrials(p: StepProblem, base: Point, keys: readonly string[], value: (k: string) => Mat<Rational>): Map<string, Val<Rational>>[] {
  const vectors = keys.filter((k) => value(k).cols === 1);
  const squares = keys.filter((k) => value(k).cols > 1 && value(k).rows === value(k).cols);
  const profiles = new Map(vectors.map((k) => [k, lengthProfile(value(k), base.enclosures.get(k))] as const));
  /** k's entries `profile` (× sign) from `offset`, the rest 0; null where they do not fit. */
  const place = (k: string, offset: number, profile: readonly Rational[], sign = 1): Mat<Rational> | null => {
    if (offset + profile.length > value(k).rows) return null;
    return value(k).map((_, j) => (j >= offset && j < offset + profile.length ? (sign < 0 ? profile[j - offset]!.neg() : profile[j - offset]!) : Rational.ZERO));
  };
  const out: Map<string, Val<Rational>>[] = [];
  const push = (entries: readonly (readonly [string, Mat<Rational> | null])[]): void => {
    if (entries.every(([, v]) => v !== null)) out.push(new Map(entries as [string, Mat<Rational>][]));
  };
  const ONE = [Rational.ONE];
  const rounded = new Map(vectors.map((k) => [k, [roundedLength(value(k))]] as const));
  // (At their own lengths exactly, then rounded to one entry (where the exact entries of √2,
  // (1, 1), leave no room in R² for another vector's), then at length 1: `√‖x‖ < (1 + ‖x‖)/2`
  // ties at ‖x‖ = 1, and `‖x − y‖² < 4` under ‖x‖, ‖y‖ ≤ 1 at e₁, −e₁.)
  const exactDiffers = vectors.some((k) => profiles.get(k)!.length > 1 || !profiles.get(k)![0]!.equals(rounded.get(k)![0]!));
  for (const mode of [...(exactDiffers ? ['exact' as const] : []), 'rounded' as const, 'unit' as const]) {
    const unit = mode === 'unit';
    const size = (k: string): readonly Rational[] => (unit ? ONE : mode === 'exact' ? profiles.get(k)! : rounded.get(k)!);
    for (const a of vectors) push([[a, place(a, 0, size(a))]]);
    // (And at −c·e₁: `x_1² < 1` under ‖x‖ = 1, x_1 < 1 fails at −e₁ only.)
    for (const a of vectors) push([[a, place(a, 0, size(a), -1)]]);
    // (Every vector of one size along e₁ together: ‖u + v + w‖ < 3 under unit u, v, w; and
    // each on its own axis, e₁, e₂, …: four orthonormal vectors, `u_1 < 1` at u = e₁, rt73.)
    if (vectors.length >= 3 && vectors.every((a) => value(a).rows === value(vectors[0]!).rows)) {
      push(vectors.map((a) => [a, place(a, 0, size(a))] as const));
      let offset = 0;
      push(vectors.map((a) => {
        const at = place(a, offset, size(a));
        offset += size(a).length;
        return [a, at] as const;
      }));
    }
    for (const a of vectors) {
      for (const b of vectors) {
        if (a >= b || value(a).rows !== value(b).rows) continue;
        const [pa, pb] = [size(a), size(b)];
        push([[a, place(a, 0, pa)], [b, place(b, pa.length, pb)]]);
        // (Parallel and opposite: each along e₁, or, for lengths of several entries, where b's
        // is a rational multiple of a's, b = ±r·a.)
        const ratio = pa.length === 1 && pb.length === 1 ? null : squaredLength(pb).div(squaredLength(pa)).sqrt();
        const along = pa.length === 1 && pb.length === 1 ? pb : ratio ? pa.map((x) => x.mul(ratio)) : null;
        if (along) {
          push([[a, place(a, 0, pa)], [b, place(b, 0, along)]]);
          push([[a, place(a, 0, pa)], [b, place(b, 0, along, -1)]]);
        }
      }
    }
    for (const a of unit ? [] : vectors) {
      const others = vectors.filter((b) => b !== a && value(b).rows === value(a).rows);
      if (others.length < 2) continue;
      const pa = size(a);
      // (The others on one axis past a's, then each on its own: ‖x + y + z‖ > (‖x‖ + ‖y‖ +
      // ‖z‖)/√3 ties at e₁, e₂, e₃.)
      push([[a, place(a, 0, pa)], ...others.map((b) => [b, place(b, pa.length, size(b))] as const)]);
      if (others.length === 2) {
        const p1 = size(others[0]!);
        push([[a, place(a, 0, pa)], [others[0]!, place(others[0]!, pa.length, p1)], [others[1]!, place(others[1]!, pa.length + p1.length, size(others[1]!))]]);
      }
    }
    if (unit) continue;
    // A vector along the axis of a component the step reads (|z_3| < ‖z‖ ties at e₃).
    // (At length 1 first, the readable z = (0, 0, 1), then at its own.)
    for (const [a, k] of componentsRead(p, base, vectors)) {
      if (k <= 0 || k >= value(a).rows) continue;
      push([[a, place(a, k, ONE)]]);
      if (size(a).length === 1) push([[a, place(a, k, size(a))]]);
    }
    // A square matrix at I, with a vector of its size at its length ((xᵀS x)² < ‖S x‖² ties at
    // S = I for a unit x); and every vector at 0 (‖w − ηg‖² > ‖w‖² − 2η‖w‖ at w = g = 0).
    for (const m of squares) {
      const identity = value(m).map((_, i) => (Math.floor(i / value(m).cols) === i % value(m).cols ? Rational.ONE : Rational.ZERO));
      push([[m, identity]]);
      for (const a of vectors) if (value(a).rows === value(m).rows) push([[m, identity], [a, place(a, 0, size(a))]]);
    }
    if (vectors.length >= 2) push(vectors.map((a) => [a, value(a).map(() => Rational.ZERO)] as const));
  }
  return out;
}

const squaredLength = (profile: readonly Rational[]): Rational => profile.reduce((acc, x) => acc.add(x.mul(x)), Rational.ZERO);

/**
 * Entries whose squares add up to a vector's squared length q, to put along the first axes:
 * [√q] where q is a rational square, else a sum of two or three squares of rationals (√2 as
 * (1, 1), √3 as (1, 1, 1)), else √q rounded to 6 digits. A vector solved for an equation (a
 * box, `assume ‖x‖ = 1.0000001`) has its q read as the simplest rational within 10⁻³⁰ of it,
 * which is the q its assumption writes.
 */
function lengthProfile(v: Mat<Rational>, box: readonly [Val<Rational>, Val<Rational>] | undefined): readonly Rational[] {
  // (A box's middle, to its own precision: the value drawn in its place is only a double.)
  const [lo, hi] = box ?? [];
  const middle = lo && hi && isMat(lo) && isMat(hi) ? lo.data.map((x, i) => x.add(hi.data[i]!).div(Rational.of(2))) : v.data;
  let q = Rational.ZERO;
  try {
    q = squaredLength(middle);
  } catch {
    return [roundedLength(v)];
  }
  if (q.isZero()) return [Rational.ONE];
  try {
    if (box) q = simplestBetween(q.mul(new Rational(10n ** 30n - 1n, 10n ** 30n)), q.mul(new Rational(10n ** 30n + 1n, 10n ** 30n)));
    const root = q.sqrt();
    if (root) return [root];
    const sum = squaresOf(q.n * q.d);
    if (sum) return sum.map((s) => new Rational(s, q.d));
  } catch {
    // (A q too long for exact work: rounded below.)
  }
  return [roundedLength(v)];
}

/** A vector's length rounded to 6 digits (1 for 0). */
function roundedLength(v: Mat<Rational>): Rational {
  const c = Math.hypot(...v.data.map((x) => x.toNumber()));
  const r = Number.isFinite(c) && c > 0 ? Rational.parse(c.toPrecision(6)) : Rational.ONE;
  return r.isZero() ? Rational.ONE : r;
}

/**
 * A failure at the simplest rationals inside a point's enclosures (a vector solved for
 * `‖x‖ = 1` in a box around −e₁, where `x_1² < 1` cannot be decided by enclosures: at −e₁ it
 * fails exactly), where that snapped point meets every assumption exactly; null otherwise.
 */
export function snappedFailure(p: StepProblem, q: Point, rng: Rng): Counterexample | null {
  if (q.enclosures.size === 0) return null;
  const levels = allLevels();
  const overrides = new Map<string, Val<Rational>>();
  for (const [k, [lo, hi]] of q.enclosures) {
    if (isMat(lo) && isMat(hi)) overrides.set(k, lo.map((x, i) => simplestIn(x, hi.data[i]!)));
    else if (!isMat(lo) && !isMat(hi)) overrides.set(k, simplestIn(lo, hi));
  }
  try {
    const s = q.derive(rng, (k, v) => overrides.get(k) ?? v);
    if (!s.satisfiesAssumptions(levels, true)) return null;
    s.touched.clear();
    const found = failureAt(p, s, levels);
    return found && !('extends' in found) ? found : null;
  } catch {
    return null;
  }
}

/** m (whole, ≥ 1) as a sum of two or three squares of whole numbers, by a short search; null past it. */
function squaresOf(m: bigint): bigint[] | null {
  if (m > 10n ** 12n) return null;
  const M = Number(m);
  const square = (x: number): number | null => {
    const r = Math.round(Math.sqrt(x));
    return r * r === x ? r : null;
  };
  const two = (x: number, budget: number): [number, number] | null => {
    for (let a = Math.floor(Math.sqrt(x)), k = 0; a > 0 && 2 * a * a >= x && k < budget; a--, k++) {
      const b = square(x - a * a);
      if (b !== null) return [a, b];
    }
    return null;
  };
  const pair = two(M, 20_000);
  if (pair) return pair.filter((x) => x > 0).map(BigInt);
  for (let a = Math.floor(Math.sqrt(M)), k = 0; a > 0 && k < 100; a--, k++) {
    const rest = two(M - a * a, 200);
    if (rest) return [a, ...rest].filter((x) => x > 0).map(BigInt);
  }
  return null;
}

/** The vectors among `vectors` whose components the step reads at a whole index (x_3), with that index from 0. */
function componentsRead(p: StepProblem, base: Point, vectors: readonly string[]): [string, number][] {
  const out: [string, number][] = [];
  const seen = new Set<string>();
  const exprs = [p.left, p.right].flatMap((side) => (!side ? [] : isExpr(side) ? [side] : formulaExprs(side)));
  for (const side of exprs) {
    visit(side, (e) => {
      if (e.kind !== 'Component' || e.indices.length !== 1) return;
      const index = e.indices[0]!;
      if (index.kind !== 'Num' || !/^\d+$/.test(index.value)) return;
      const k = Number(index.value) - 1;
      const label = printName(e.of.name);
      const key = vectors.find((v) => base.values.get(v)!.label === label);
      if (key !== undefined && !seen.has(`${key}@${k}`)) {
        seen.add(`${key}@${k}`);
        out.push([key, k]);
      }
    });
  }
  return out.slice(0, 4);
}

/** At most this many coincidence points per step. */
const MAX_COINCIDENCES = 16;

/** At most this many points along the standard basis per step (basisTrials). */
const MAX_BASIS_TRIALS = 60;

/** Vectors longer than this get no gradient trials (a side is evaluated twice per entry). */
const MAX_GRADIENT_ROWS = 16;

/**
 * Each vector along the gradient of a side that is rational in it, where a bound by a length
 * is reached: `3x₁ + 4x₂ < 5‖x‖` ties at x = (3, 4, 0), and `3x₁ + 4x₂ < 5` under ‖x‖ = 1 at
 * (3/5, 4/5, 0) (Cauchy–Schwarz holds with equality along the gradient of a linear form).
 * The gradient is taken by central differences of the exact values at the point, exact for a
 * side of degree at most 2 in the vector (a guess otherwise: these are only trial points; each
 * must still fail exactly). Then ±g, in whole coprime entries, and ±g at the vector's own
 * length where that is a rational multiple of ‖g‖.
 */
function* gradientTrials(p: StepProblem, base: Point, rng: Rng, keys: readonly string[], value: (k: string) => Mat<Rational>): Generator<Map<string, Val<Rational>>> {
  if (!isExpr(p.left) || !isExpr(p.right)) return;
  const sides = [p.left, p.right];
  for (const a of keys) {
    const v = value(a);
    if (v.cols !== 1 || v.rows > MAX_GRADIENT_ROWS) continue;
    const at = (entries: Mat<Rational>, side: Expr): Rational | null => {
      try {
        const q = base.derive(rng, (k, x) => (k === a ? entries : x));
        const y = q.evaluate(exactField, side);
        return isMat(y) ? null : y;
      } catch {
        return null;
      }
    };
    const seen = new Set<string>();
    for (const side of sides) {
      const g: Rational[] = [];
      for (let i = 0; i < v.rows; i++) {
        const plus = at(v.map((x, j) => (j === i ? x.add(Rational.ONE) : x)), side);
        const minus = plus && at(v.map((x, j) => (j === i ? x.sub(Rational.ONE) : x)), side);
        if (!plus || !minus) break;
        g.push(plus.sub(minus).div(Rational.of(2)));
      }
      if (g.length !== v.rows || g.every((x) => x.isZero())) continue;
      const whole = primitive(v.map((_, i) => g[i]!));
      const key = whole.data.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      yield new Map([[a, whole]]);
      yield new Map([[a, whole.map((x) => x.neg())]]);
      // (At the vector's own length: exact where its squared length over ‖g‖² is a square.)
      const ratio = squaredLength(lengthProfile(v, base.enclosures.get(a))).div(squaredLength(whole.data)).sqrt();
      if (ratio && !ratio.isZero() && !ratio.equals(Rational.ONE)) {
        yield new Map([[a, whole.map((x) => x.mul(ratio))]]);
        yield new Map([[a, whole.map((x) => x.mul(ratio).neg())]]);
      }
    }
  }
}

/**
 * Vectors and matrices made to coincide, where random draws never land: y := x, y := −x,
 * y := 2x for two names of one shape, y := its part orthogonal to x for two vectors, and
 * each name := 0 — where `‖x − y‖ > 0`, `x ≠ y` or `xᵀy ≠ 0` fail; then the points of
 * basisTrials. Each point must meet the assumptions and keep the names' tags.
 */
export function coincidenceSearch(p: StepProblem, base: Point, rng: Rng, deadline: number): Counterexample | { tight: Point; why: string } | null {
  const keys = [...base.values.keys()].filter((k) => base.touched.has(k) && isMat(base.values.get(k)!.value));
  if (keys.length === 0) return null;
  const levels = allLevels();
  const value = (k: string) => base.values.get(k)!.value as Mat<Rational>;
  const trials: Map<string, Val<Rational>>[] = [];
  // b := f·a copies a's enclosure too, scaled (a vector solved for `assume ‖u‖ = 1` is a box,
  // and v := u meets `‖v‖ = 1` only as that box).
  const enclosed = new Map<Map<string, Val<Rational>>, [string, readonly [Mat<Rational>, Mat<Rational>]]>();
  for (const k of keys) trials.push(new Map([[k, value(k).map(() => Rational.ZERO)]]));
  for (const a of keys) {
    for (const b of keys) {
      if (a >= b) continue;
      const va = value(a);
      const vb = value(b);
      if (va.rows !== vb.rows || va.cols !== vb.cols) continue;
      const box = base.enclosures.get(a);
      for (const f of [Rational.ONE, Rational.of(-1), Rational.of(2)]) {
        const trial = new Map([[b, va.map((x) => x.mul(f))]]);
        if (box && isMat(box[0]) && isMat(box[1])) {
          const [lo, hi] = f.sign() < 0 ? [box[1], box[0]] : [box[0], box[1]];
          enclosed.set(trial, [b, [(lo as Mat<Rational>).map((x) => x.mul(f)), (hi as Mat<Rational>).map((x) => x.mul(f))]]);
        }
        trials.push(trial);
      }
      // b := its part orthogonal to a, b − (aᵀb/aᵀa)·a, exact: where (xᵀy)² > 0 or
      // |xᵀy| > 0 fail with x, y ≠ 0 (red team rt65).
      if (va.cols === 1) {
        const dot = va.data.reduce((acc, x, i) => acc.add(x.mul(vb.data[i]!)), Rational.ZERO);
        const aa = va.data.reduce((acc, x) => acc.add(x.mul(x)), Rational.ZERO);
        if (!aa.isZero() && !dot.isZero()) {
          const f = dot.div(aa);
          const orthogonal = vb.map((x, i) => x.sub(f.mul(va.data[i]!)));
          if (orthogonal.data.some((x) => !x.isZero())) {
            // (Its multiple of whole coprime entries first, (3, 1) rather than (2.7, 0.9), for
            // a readable counterexample; then itself, nearer b's size, for bounds on it.)
            const whole = primitive(orthogonal);
            if (whole.data.some((x, i) => !x.equals(orthogonal.data[i]!))) trials.push(new Map([[b, whole]]));
            trials.push(new Map([[b, orthogonal]]));
          }
        }
      }
    }
  }
  let tight: Point | null = null;
  let why = NO_PRECISION;
  // (The basis points are made only if the coincidences found nothing.)
  const candidates = function* (): Generator<Map<string, Val<Rational>>> {
    yield* trials.slice(0, MAX_COINCIDENCES);
    yield* basisTrials(p, base, keys, value).slice(0, MAX_BASIS_TRIALS);
    yield* gradientTrials(p, base, rng, keys, value);
  };
  for (const overrides of candidates()) {
    if (now() > deadline) return null;
    const q = base.derive(rng, (k, v) => overrides.get(k) ?? v);
    const box = enclosed.get(overrides);
    if (box) q.enclosures.set(box[0], box[1]);
    q.deadline = deadline;
    try {
      if (![...overrides.keys()].every((k) => respectsTags(q, k))) continue;
      // An equation assumption the coincidence broke (`assume ‖u‖ = x` at u = 0) is solved again.
      let at = q;
      if (!at.satisfiesAssumptions(levels, true)) {
        // (Or, for vectors the assumptions make orthonormal, the others put on a frame around the
        // one placed: `3u_1 + 4u_2 < 5` under orthonormal u, v at u = (3/5, 4/5), rt73.)
        const kept = (r: Point | null): r is Point => !!r && [...overrides.entries()].every(([k, v]) => (r.overrides.get(k) ?? r.values.get(k)?.value ?? null) === v);
        let again: Point | null = solveEqualities(p, at, rng, deadline);
        if (!kept(again) || !again.satisfiesAssumptions(levels, true)) again = meetOrthonormal(p, at, rng, deadline, false, overrides);
        if (!kept(again) || !again.satisfiesAssumptions(levels, true)) continue;
        at = again;
      }
      const q2 = at;
      q2.touched.clear();
      const found = failureAt(p, q2, levels);
      if (found && !('extends' in found)) return found;
      // A strict bound whose sides cannot be told apart where two values coincide
      // (|xᵀx| < ‖x‖‖x‖ at y = x) may fail there.
      if (!found && (p.rel === '<' || p.rel === '>') && !tight) {
        q2.touched.clear();
        const o = decideAt(q2, p.left as Expr, p.rel, p.right as Expr, levels);
        if (o.kind === 'undecided') {
          tight = q2;
          why = o.reason;
        }
      }
    } catch {
      // this point says nothing
    }
  }
  return tight ? { tight, why } : null;
}

/**
 * A root of `a = b` along one scalar, drawn among those found: the rational ones (grid
 * values, exact secant steps) and, half the time when there are some, an irrational one
 * (boundaries.ts, proved in a box). Always the first would sample one solution of an
 * equation with many (`assume sin(x) = 0` met only at x = 0, so `x = 0` was checked).
 * `unproved`: where the scan saw a root it could not prove (a double root: cos x = 1 at 2π).
 */
function someRoot(p: StepProblem, point: Point, key: string, a: Expr, b: Expr, rng: Rng, deadline: number): { point: Point; unproved: string | null } | null {
  const rational = rootsAlong(point, key, a, b, rng, deadline, false);
  const scan = point.isInteger(key) ? null : scanAlong(p, point, key, a, b, deadline);
  const valueOf = (q: Point): Rational | null => {
    const v = q.values.get(key)?.value;
    return v === undefined || isMat(v) ? null : (v as Rational);
  };
  // The scan's exact roots join the grid's (−13 of (x − 1)(x + 13) lies on no grid point).
  for (const r of scan?.roots ?? []) {
    if (r.at && !rational.some((q) => valueOf(q)?.equals(r.at!))) rational.push(point.replacing(key, r.at, rng));
  }
  const known = rational.map(valueOf).filter((v): v is Rational => v !== null).map((v) => v.toNumber());
  const mid = (r: { lo: Rational; hi: Rational }) => r.lo.add(r.hi).div(Rational.of(2));
  const size = (q: Rational) => Math.abs(q.toNumber());
  // A bracket at (or within 10⁻⁹ of) a root already in hand, or at a pole of a side (tan x = 0
  // changes sign at π/2 without a root there), is no missing solution.
  const accounted = (r: { lo: Rational; hi: Rational }) => {
    const m = mid(r).toNumber();
    if (known.some((k) => Math.abs(m - k) <= 1e-9 * Math.max(1, Math.abs(k)))) return true;
    return (scan?.poles ?? []).some((q) => q.lo.cmp(r.hi) <= 0 && r.lo.cmp(q.hi) <= 0 || Math.abs(mid(q).toNumber() - m) <= 1e-9 * Math.max(1, Math.abs(m)));
  };
  // An extremum where f may be 0 is a root that does not change sign (a double root).
  const mayBeZero = (x: Rational) => {
    try {
      const q = point.replacing(key, x, rng);
      const l = q.evaluate(intervalField, a);
      const r = q.evaluate(intervalField, b);
      if (isMat(l) || isMat(r)) return false;
      const d = intervalField.sub(l as Interval, r as Interval);
      return d.lo <= 0 && d.hi >= 0;
    } catch {
      return false;
    }
  };
  // Double roots within 10⁶ of 0; sign changes not proved within 10⁴ (farther out, double
  // enclosures of a periodic side lose the digits that prove a simple root: sin 1000x = 0
  // near 8·10⁵), where the points sampled are too.
  // (A sign change with f far from 0 in its middle is a pole's: tan x = 0 at 15π/2.)
  const doubts = [...(scan?.roots.filter((r) => !r.certain && !r.at && size(mid(r)) <= 1e4 && !accounted(r) && mayBeZero(mid(r))) ?? []),
    ...(scan?.extrema.filter((r) => size(mid(r)) <= 1e6 && !accounted(r) && mayBeZero(mid(r))) ?? [])];
  // (The one nearest 0 is named: 2π rather than a double root near 10⁵.)
  const doubtful = doubts.sort((r, t) => size(mid(r)) - size(mid(t)))[0];
  const unproved = doubtful ? `${point.values.get(key)?.label ?? key} ≈ ${mid(doubtful).toNumber().toPrecision(6)}` : null;
  if (rational.length === 0 || rng.int(0, 1) === 1) {
    const irrational = scan ? irrationalRoot(point, key, a, b, rng, deadline, scan) : null;
    if (irrational) return { point: irrational, unproved };
  }
  return rational.length === 0 ? null : { point: rational[rng.int(0, rational.length - 1)]!, unproved };
}

const scans = new WeakMap<object, Map<string, Boundaries>>();

/**
 * boundariesAlong for an equation, once per step for the same values of everything else it
 * reads (`sin x = 0` alone: once for all points; the scan is ~0.1 s).
 */
function scanAlong(p: StepProblem, point: Point, key: string, a: Expr, b: Expr, deadline: number): Boundaries {
  const read = [...(keysRead(p, a) ?? ['?']), ...(keysRead(p, b) ?? ['?'])].filter((k) => k !== key);
  if (read.includes('?')) return boundariesAlong(point, key, a, b, deadline);
  const others = [...new Set(read)].sort().map((k) => {
    const v = point.values.get(k)?.value;
    return `${k}=${v === undefined ? '' : isMat(v) ? v.data.map(String).join(',') : String(v)}`;
  });
  const id = `${key}\u0000${printExpr(a)}\u0000${printExpr(b)}\u0000${others.join('\u0000')}`;
  let cache = scans.get(p);
  if (!cache) scans.set(p, (cache = new Map()));
  let found = cache.get(id);
  if (!found) {
    found = boundariesAlong(point, key, a, b, deadline);
    if (cache.size < 64) cache.set(id, found);
  }
  return found;
}

const refined = new WeakMap<object, ReturnType<typeof refineRoot>>();

/**
 * A point where `a = b` holds at an irrational root of one scalar (`assume x² = 2`): a
 * certain root of a − b, one of the six nearest 0 chosen by the point's generator, narrowed to 10⁻⁹⁰
 * (boundaries.ts); the scalar is that enclosure. Null when there is
 * none. `scan`: the boundaries along the scalar, when the caller has them.
 */
function irrationalRoot(point: Point, key: string, a: Expr, b: Expr, rng: Rng, deadline: number, scan = boundariesAlong(point, key, a, b, deadline)): Point | null {
  if (point.isInteger(key)) return null;
  // Among the six nearest 0 (a counterexample at x ≈ π reads better than one near 10⁶).
  const size = (r: { lo: Rational; hi: Rational }) => Math.abs(r.lo.add(r.hi).toNumber());
  const roots = scan.roots.filter((r) => r.certain && !r.at).sort((r, t) => size(r) - size(t)).slice(0, 6);
  if (roots.length === 0) return null;
  const r = roots[rng.int(0, roots.length - 1)]!;
  // A scan shared by points with the same other values has the same brackets: refine each once.
  let fine = refined.get(r);
  if (fine === undefined) {
    fine = refineRoot(point, key, a, b, r, deadline);
    refined.set(r, fine);
  }
  if (!fine) return null;
  const q = point.replacing(key, fine.lo.add(fine.hi).div(Rational.of(2)), rng);
  if (!fine.at) q.enclosures.set(key, [fine.lo, fine.hi]);
  q.deadline = deadline;
  return q;
}