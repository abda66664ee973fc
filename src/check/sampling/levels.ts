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

/** Exact, then doubles, then decimals. */
export function allLevels(): readonly Field<unknown>[] {
  return (all ??= [exactField, intervalField, ...decimalLevels()] as Field<unknown>[]);
}

/** Decimal enclosures only (to confirm what doubles could only make provisional). */
export function decimalLevels(): readonly Field<unknown>[] {
  return (decimals ??= DECIMAL_DIGITS.map((d) => decimalField(d)) as Field<unknown>[]);
}


