import { decimalField } from '../evaluator/decimal.js';
import type { Field } from '../evaluator/field.js';
import { intervalField } from '../evaluator/interval.js';
import { exactField } from '../evaluator/rational.js';

/**
 * The precisions a point is tried at, in order: exact rationals (rational steps), double
 * enclosures (fast), then decimal enclosures at rising precision. The cap, 250 digits,
 * decides any difference above 10⁻²²⁰ of a computation's scale; a point needing more is
 * skipped and counted (a 250-digit operation costs ~30× a 50-digit one, and only a
 * deliberately tiny term needs it: 1 + e^{−3000} − 1 against e^{−3000}).
 */
export const DECIMAL_DIGITS = [50, 110, 250] as const;

let all: readonly Field<unknown>[] | null = null;
let decimals: readonly Field<unknown>[] | null = null;
/** A step whose own numbers need more than 250 digits (`1 − 10^(−300)`): one more level, while it is checked. */
let extra: { digits: number; all: readonly Field<unknown>[]; decimals: readonly Field<unknown>[] } | null = null;

/** At most this many digits for a step's extra level (decimal.js keeps ln 10 and π to 1025 digits). */
export const MAX_DIGITS = 960;

/** The most digits any level in force computes with (250, or a step's extra level). */
export function topDigits(): number {
  return extra ? extra.digits : DECIMAL_DIGITS[DECIMAL_DIGITS.length - 1]!;
}

/** Exact, then doubles, then decimals. */
export function allLevels(): readonly Field<unknown>[] {
  if (extra) return extra.all;
  return (all ??= [exactField, intervalField, ...decimalLevels()] as Field<unknown>[]);
}

/** Decimal enclosures only (to confirm what doubles could only make provisional). */
export function decimalLevels(): readonly Field<unknown>[] {
  if (extra) return extra.decimals;
  return (decimals ??= DECIMAL_DIGITS.map((d) => decimalField(d)) as Field<unknown>[]);
}

/**
 * Runs `fn` with one more decimal level of `digits` (capped at MAX_DIGITS) when that is more
 * than 250: a step that writes 10^(−300) is decided at the precision its own numbers need,
 * not skipped where 250 digits cannot tell 1 − 10⁻³⁰⁰ from 1. Synchronous: the level is
 * in force for exactly this call.
 */
export function withDigits<T>(digits: number, fn: () => T): T {
  if (digits <= DECIMAL_DIGITS[DECIMAL_DIGITS.length - 1]!) return fn();
  const d = Math.min(MAX_DIGITS, Math.ceil(digits));
  const prev = extra;
  const base = DECIMAL_DIGITS.map((x) => decimalField(x)) as Field<unknown>[];
  const decs = [...base, decimalField(d) as Field<unknown>];
  extra = { digits: d, decimals: decs, all: [exactField, intervalField, ...decs] as Field<unknown>[] };
  try {
    return fn();
  } finally {
    extra = prev;
  }
}


