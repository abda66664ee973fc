/**
 * A lookup table with no prototype: user text used as a key (`constructor`, `__proto__`,
 * `toString`) finds nothing instead of an Object.prototype member.
 */
export function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
