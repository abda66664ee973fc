import type { Counterexample } from '../../result.js';
import { Signal, isMat, type Field, type Mat, type Val } from '../evaluator/field.js';
import { Rational, exactField, readNumber, scientific } from '../evaluator/rational.js';
import { exactInteger } from '../evaluator/decimal.js';
import type { Point } from './point.js';
import { printExpr, printName } from '../../print.js';
import { formulaExprs, freeNames } from '../../ast-walk.js';

/** A value as readable text: `0.3`, `-2`, `[0.5, -1]`, `[[1, 2], [3, 4]]`. */
export function formatValue<S>(F: Field<S>, v: Val<S>, digits = 6): string {
  return isMat(v) ? matrixText(v, (x) => F.format(x, digits)) : F.format(v, digits);
}

/** A vector as `[a, b]`, a matrix as `[[a, b], [c, d]]`, each entry as `f` writes it. */
function matrixText<S>(v: Mat<S>, f: (x: S) => string): string {
  if (v.cols === 1) return `[${v.data.map(f).join(', ')}]`;
  const rows: string[] = [];
  for (let i = 0; i < v.rows; i++) rows.push(`[${v.data.slice(i * v.cols, (i + 1) * v.cols).map(f).join(', ')}]`);
  return `[${rows.join(', ')}]`;
}

/**
 * Both sides as text that visibly differ (LANGUAGE.md §3): at the fewest digits where the
 * values their texts stand for do not meet (`0.333333333333333333333333333333333` against
 * `1/3`, `1.000000001e100` against `10^100`); past 45 digits, one side and the other as it
 * plus or minus their difference (nearSides).
 */
export function formatSides<S>(F: Field<S>, l: Val<S>, r: Val<S>): [string, string] {
  // A side whose enclosure holds 0, where the other's does not, is `≈ 0` (cos(π/2) printed
  // as −4.979e-17 read as a value it does not have).
  // (Only a narrow one: sin(10^2000), known only to lie in [−1, 1], printed as `≈ 0`, red team
  // rt116; it prints as its enclosure, 0 ± 1.)
  const holds0 = (v: Val<S>) => !isMat(v) && F.sign(v) === null;
  const near0 = (v: Val<S>) => holds0(v) && F.magnitude(v as S) < 1e-6;
  if (holds0(l) !== holds0(r)) return [near0(l) ? '≈ 0' : formatValue(F, l), near0(r) ? '≈ 0' : formatValue(F, r)];
  // (An exact whole number printed as written, 1000! or 2^3000 + 1, beside a number: with its
  // digits, at the fewest where the two differ, or which side is larger does not show, red team
  // rt113: `left = 1000!, right = 4.02e2567`.)
  const whole = (v: Val<S>): Rational | null => (isMat(v) ? null : F === (exactField as unknown as Field<S>) ? v as unknown as Rational : exactInteger(v));
  // (A power of ten reads as a number: 10^100 beside 1.000000001e100.)
  const nearForm = (v: Val<S>): boolean => {
    if (whole(v) === null) return false;
    const t = F.format(v as S, 6);
    return /[!^]/.test(t) && !t.includes('/') && !/^-?10\^/.test(t);
  };
  // (Printing never decides: where these digits cannot be had, the sides print as before.)
  try {
    if (nearForm(l) !== nearForm(r)) {
      const text = (v: Val<S>, k: number): string => (nearForm(v) ? scientific(whole(v)!, k) : F.format(v as S, k));
      for (const k of [6, 12, 20, 30, 45]) {
        const [a, b] = [text(l, k), text(r, k)];
        const [m, n] = [standsFor(F, l as S, a, k), standsFor(F, r as S, b, k)];
        if (m && n && (m[1].cmp(n[0]) < 0 || n[1].cmp(m[0]) < 0)) {
          const shown = (v: Val<S>, t: string): string => (nearForm(v) ? `${F.format(v as S, k)} ≈ ${t}` : exactly(F, v, t));
          return [shown(l, a), shown(r, b)];
        }
      }
    }
  } catch (err) {
    if (!(err instanceof Signal)) throw err;
  }
  for (const digits of [6, 12, 20, 30, 45]) {
    if (printedApart(F, l, r, digits)) return [exactly(F, l, formatValue(F, l, digits)), exactly(F, r, formatValue(F, r, digits))];
  }
  return nearSides(F, l, r) ?? [formatValue(F, l, 45), formatValue(F, r, 45)];
}

/**
 * An exact value's text as printed, marked `≈` where it is rounded: exact values print as
 * themselves elsewhere, so `right = 2e50` for 2·10⁵⁰ + 3 read as its exact value.
 */
function exactly<S>(F: Field<S>, v: Val<S>, text: string): string {
  if (F !== (exactField as unknown as Field<S>) || isMat(v) || /[/^!]/.test(text)) return text;
  const value = readNumber(text);
  return !value || value.equals(v as unknown as Rational) ? text : `≈ ${text}`;
}

/** Whether two values printed at `digits` read as different numbers: at some entry, what the two texts stand for does not meet. */
function printedApart<S>(F: Field<S>, l: Val<S>, r: Val<S>, digits: number): boolean {
  const xs = isMat(l) ? l.data : [l];
  const ys = isMat(r) ? r.data : [r];
  if (xs.length !== ys.length) return true;
  return xs.some((x, i) => {
    const y = ys[i]!;
    const a = F.format(x, digits);
    const b = F.format(y, digits);
    const m = standsFor(F, x, a, digits);
    const n = standsFor(F, y, b, digits);
    // (Text no rational holds, 1e-5000: as written.)
    if (!m || !n) return a !== b;
    return m[1].cmp(n[0]) < 0 || n[1].cmp(m[0]) < 0;
  });
}

/**
 * The values a printed number stands for: itself where it is the value exactly (`1/3`,
 * `10^40 + 1`, `0.25`), else every value that rounds to it at its last digit (`0.333333` is
 * 0.3333325 to 0.3333335, and so says nothing against 1/3), or the range of `m ± r` or `(lo to hi)`. Null for
 * text that is no such number.
 */
function standsFor<S>(F: Field<S>, v: S, text: string,
  /** The significant digits the text was printed at (its trailing zeros dropped): `1` at 6 is 0.9999995 to 1.0000005, not 0.5 to 1.5. */
  shownAt?: number): [Rational, Rational] | null {
  const ends = /^\((\S+) to (\S+)\)$/.exec(text);
  if (ends) {
    const [lo, hi] = [readNumber(ends[1]!), readNumber(ends[2]!)];
    return lo && hi ? [lo, hi] : null;
  }
  const range = /^(\S+) ± (\S+)$/.exec(text);
  if (range) {
    const [mid, radius] = [readNumber(range[1]!), readNumber(range[2]!)];
    return mid && radius ? [mid.sub(radius), mid.add(radius)] : null;
  }
  const value = readNumber(text);
  if (!value) return null;
  try {
    if (F.sign(F.sub(v, F.fromRational(value))) === 0) return [value, value];
  } catch {
    // (Not comparable in this backend: taken as rounded.)
  }
  const digits = /^-?\d+(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(text);
  if (!digits) return null;
  let last = Number(digits[2] ?? 0) - (digits[1]?.length ?? 0);
  if (shownAt !== undefined && !value.isZero()) last = Math.min(last, leadingPlace(text) - shownAt + 1);
  const half = (last >= 0 ? new Rational(10n ** BigInt(last)) : new Rational(1n, 10n ** BigInt(-last))).div(Rational.of(2));
  return [value.sub(half), value.add(half)];
}

/** The place of a plain number's leading digit, as a power of ten (`123.4`: 2, `0.05`: −2, `1.5e-100`: −100). */
function leadingPlace(text: string): number {
  const m = /^-?(\d+)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(text)!;
  const whole = m[1]!.replace(/^0+/, '');
  const exponent = Number(m[3] ?? 0);
  if (whole.length > 0) return exponent + whole.length - 1;
  const zeros = /^0*/.exec(m[2] ?? '')![0].length;
  return exponent - zeros - 1;
}

/**
 * Sides that differ past their 45th digit, readably: the side that is a short number as it
 * is, the other as it plus or minus their difference (`tanh(1000)` against 1 is
 * `1 − 5.15e-869`, not 869 nines); where neither is short, the left to 15 digits and the
 * right as `left ± difference` (`π + 10⁻¹⁰⁰` against π: `≈ 3.14159265358979` and
 * `left − 1e-100`; a matrix, `left + [[0, 1e-100], …]`). Null when the difference's sign
 * is not certain.
 */
function nearSides<S>(F: Field<S>, l: Val<S>, r: Val<S>): [string, string] | null {
  if (isMat(l) || isMat(r)) {
    if (!isMat(l) || !isMat(r) || l.data.length !== r.data.length) return null;
    return [formatValue(F, l, 15), `left + ${formatValue(F, r.map((y, i) => F.sub(y, l.data[i]!)), 3)}`];
  }
  const d = F.sub(l, r);
  const sign = F.sign(d);
  if (sign !== 1 && sign !== -1) return null;
  const a = formatValue(F, l, 45);
  const b = formatValue(F, r, 45);
  // (To 3 digits where the difference is far below the sides, 2 − 10⁻³⁰⁰; else to 12, so that
  // `b − size` is the side it stands for: 1.499999998 − 0.5 read as 0.999999998, the side 1.)
  const magnitude = F.magnitude(d) / Math.max(F.magnitude(l), F.magnitude(r));
  const size = formatValue(F, sign < 0 ? F.neg(d) : d, magnitude < 1e-6 ? 3 : 12);
  // Short, and the side's value as far as it is known (2 + 10⁻³⁰⁰ prints as 2 at 45 digits,
  // and is not 2: it is the other side that is 2 − 10⁻³⁰⁰ from it then, not this one).
  // (`≈` where its enclosure holds that number but is not it: tanh(8·10⁹) is not 1, red team rt119.)
  const short = (x: string, side: S): string | null => {
    if (x.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length > 20 || /e/.test(x)) return null;
    const value = readNumber(x);
    if (!value) return null;
    try {
      const s = F.sign(F.sub(side, F.fromRational(value)));
      return s === 0 ? x : s === null ? `≈ ${x}` : null;
    } catch {
      return null;
    }
  };
  const bs = short(b, r as S);
  if (bs) return [`${b} ${sign < 0 ? '−' : '+'} ${size}`, bs];
  const as = short(a, l as S);
  if (as) return [as, `${a} ${sign < 0 ? '+' : '−'} ${size}`];
  // (Marked ≈ where the 15 digits are not its value: (1 + e⁻⁸⁰)² printed as `left = 1`.)
  const left = formatValue(F, l, 15);
  const range = standsFor(F, l as S, left, 15);
  const exact = range !== null && range[0].equals(range[1]);
  return [exact ? left : `≈ ${left}`, `left ${sign < 0 ? '+' : '−'} ${size}`];
}

/**
 * A drawn value exactly as it is (up to 40 significant digits, `10^60 + 7`, `1/3`), so a
 * student can plug it in; a decimal of up to 200 digits whole (a point within 10⁻⁵⁰ of √2,
 * where |x − √2| ≥ 10⁻⁵⁰ fails: cut to 40 digits it is no counterexample; a double pole's
 * place narrowed to 10⁻⁹⁰, where 1/(1 − sin x) < 10¹⁵⁰ fails); else to 40 digits, marked `≈`.
 */
function exactText(v: Val<Rational>): string {
  const text = formatValue(exactField, v, 40);
  if (isMat(v)) {
    // (Each entry as a scalar is, so a vector put 2⁻¹⁶⁰ inside ‖w‖ > 100 is not printed on its
    // edge, w = [0, −100], which breaks the assumption as written — red team; one rounded entry
    // marks the whole value ≈.)
    const entries = new Map(v.data.map((x) => [x, exactText(x)]));
    if ([...entries].every(([x, e]) => e === exactField.format(x, 40))) return text;
    const rounded = [...entries.values()].some((e) => e.startsWith('≈ '));
    return `${rounded ? '≈ ' : ''}${matrixText(v, (x) => entries.get(x)!.replace(/^≈ /, ''))}`;
  }
  const q = v as Rational;
  if (/^-?10\^\d+( [+-] \d+)?$/.test(text) || /^-?\d+\/\d+$/.test(text)) return text;
  try {
    if (Rational.parse(text).equals(q)) return text;
    const whole = formatValue(exactField, v, LONGEST_EXACT);
    return !whole.includes('/') && Rational.parse(whole).equals(q) ? whole : `≈ ${text}`;
  } catch {
    return text;
  }
}

/** The most significant digits a drawn value is shown with exactly. */
const LONGEST_EXACT = 200;

/**
 * The drawn values the step did not read that the assumptions tie to one it did, directly or
 * through others (`0 < x ≤ y ≤ π/2`: y, where `sin x < 1` fails at x = y = π/2): without
 * them a counterexample would not show that it meets the assumptions.
 */
function bystanders(point: Point): Set<string> {
  const groups = point.prep.checks.map((c) => {
    const keys = new Set<string>();
    for (const e of formulaExprs(c.formula)) {
      for (const v of freeNames(e)) if (!v.name.index) keys.add(point.prep.keyOfName(v.name));
    }
    return [...keys].filter((k) => !point.dims.has(k));
  });
  const tied = new Set<string>();
  const read = (k: string): boolean => point.touched.has(k) || tied.has(k);
  for (let grew = true; grew;) {
    grew = false;
    for (const g of groups) {
      if (!g.some(read)) continue;
      for (const k of g) if (!read(k)) { tied.add(k); grew = true; }
    }
  }
  return tied;
}

/**
 * A value known within a box, as shown: its middle, with an entry whose interval holds 0 and
 * whose middle is within 10⁻⁹ of the largest entry shown as 0 (a root x ≈ (0.1, 0) of xᵀy = 0
 * read x ≈ [0.1, −1.11e−16], a point where xᵀy is not 0: red team rt68).
 */
function boxMiddle(value: Val<Rational>, [lo, hi]: readonly [Val<Rational>, Val<Rational>]): Val<Rational> {
  if (!isMat(value) || !isMat(lo) || !isMat(hi)) return value;
  const scale = Math.max(...value.data.map((x) => Math.abs(x.toNumber())));
  return value.map((x, i) => (lo.data[i]!.sign() <= 0 && hi.data[i]!.sign() >= 0 && Math.abs(x.toNumber()) <= 1e-9 * scale ? Rational.ZERO : x));
}

/** The drawn values a point used: indices, dimensions, names in the order drawn, function instances. */
export function assignments(point: Point): [string, string][] {
  const out: [string, string][] = [];
  const ints: [string, string][] = [];
  const tied = bystanders(point);
  for (const [key, { label, value }] of point.values) {
    if (!(point.touched.has(key) || tied.has(key)) || point.dims.has(key)) continue;
    // A value known only within bounds (a root of an equation) is shown as ≈ its middle.
    // (Or, where its exact value is known, that: x = π/2.)
    const exact = point.symbolic.get(key);
    const box = point.enclosures.get(key);
    const text = exact ? printExpr(exact) : box ? `≈ ${formatValue(exactField, boxMiddle(value as Val<Rational>, box), 12)}` : exactText(value as Val<Rational>);
    (point.isInteger(key) ? ints : out).push([label, text]);
  }
  // A name an assumption fixes (`assume a = 2`) is substituted, never drawn: its value at the
  // point, taken from the assumption, is part of the counterexample too.
  const seen = new Set(out.map(([label]) => label));
  for (const rule of point.prep.rules) {
    const key = point.prep.keyOfName(rule.lhs.name);
    const label = printName(rule.lhs.name);
    if (rule.lhs.name.index || !(point.touched.has(key) || tied.has(key)) || point.values.has(key) || seen.has(label)) continue;
    seen.add(label);
    try {
      out.push([label, exactText(point.evaluate(exactField, rule.lhs) as Val<Rational>)]);
    } catch {
      // Not rational here (a = √2): its own text tells the value.
      out.push([label, printExpr(rule.rhs)]);
    }
  }
  const dims = [...point.dims].filter(([d]) => point.touched.has(`dim:${d}`)).map(([d, n]) => [d, String(n)] as [string, string]);
  const fns = [...point.functions].filter(([name]) => point.touched.has(`fn:${name}`)).map(([name, f]) => [name, f.describe(name).replace(/^[^=]*= /, '')] as [string, string]);
  return [...ints, ...dims, ...out, ...fns];
}

export function describePoint(point: Point): string {
  return assignments(point).filter(([k]) => !point.functions.has(k)).map(([k, v]) => (v.startsWith('≈') ? `${k} ${v}` : `${k} = ${v}`)).join(', ');
}

/**
 * A counterexample at a point: its values (assignments), the sides' values as text, and a
 * note. Where a value is one known only within a narrow interval (a root's enclosure, shown
 * `≈` and rounded), the note says so: at the rounded value itself the step may hold (red
 * team: x² < 2 ⇔ x < √2 + 10⁻⁵⁰ at x ≈ 1.41421356237, where both statements are false).
 */
export function counterexample(point: Point, left: string, right: string, note?: string): Counterexample {
  const out = counterexampleAt(point, left, right, note);
  failurePoints.set(out, point);
  return out;
}

/** The point each counterexample was made at (witness.ts decides the step there again with other function instances). */
const failurePoints = new WeakMap<Counterexample, Point>();

/** The point a counterexample of `counterexample` was made at; undefined for one made otherwise. */
export function failurePoint(ce: Counterexample): Point | undefined {
  return failurePoints.get(ce);
}

function counterexampleAt(point: Point, left: string, right: string, note?: string): Counterexample {
  const values = assignments(point);
  const ce: Counterexample = { assignments: values, left, right };
  const rounded = values.some(([, v]) => v.startsWith('≈')) && !(note ?? '').includes('rounded');
  // (An enclosure wider than the digits shown, [10, 20] shown ≈ 15, is named by its ends: the
  // step fails somewhere in it, not near the middle; red team rt57.)
  const wide: string[] = [];
  for (const [key, [lo, hi]] of point.enclosures) {
    if (!point.touched.has(key) || point.symbolic.has(key) || isMat(lo) || isMat(hi)) continue;
    const [a, b] = [lo as Rational, hi as Rational];
    if (b.sub(a).cmp(Rational.ONE.add(a.sign() < 0 ? a.neg() : a).div(Rational.of(10n ** 11n))) <= 0) continue;
    wide.push(`${point.values.get(key)?.label ?? key} between ${formatValue(exactField, a, 12)} and ${formatValue(exactField, b, 12)}`);
  }
  const why = wide.length > 0
    ? `≈ marks the middle of an interval (${wide.join(', ')}): the step fails at some point of it, not necessarily there`
    : '≈ marks a value shown rounded: the step fails at a point of an interval narrower than the digits shown';
  const said = rounded ? `${note ? `${note}; ` : ''}${why}` : note;
  return said ? { ...ce, note: said } : ce;
}
