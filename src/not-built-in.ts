/**
 * Functions a student knows by name that deriv does not build in: said so where they are
 * written (`arcsin(x)`, `\\sec x`), never read as the product of their letters or the built-in
 * inside them (`arcsin(x)` as "a r c sin(x)", `sinc(x)` as sin(c x): red team rt130). The
 * reciprocal ones come with what to write instead (`…` for the argument).
 */
const NOT_BUILT_IN: ReadonlyMap<string, string | null> = new Map([
  ...['arcsin', 'arccos', 'arctan', 'asin', 'acos', 'atan', 'atan2', 'arcsinh', 'arccosh', 'arctanh', 'arsinh', 'arcosh', 'artanh', 'asinh', 'acosh', 'atanh',
    'sinc', 'erf', 'erfc', 'sgn', 'sign', 'floor', 'ceil', 'log1p'].map((w) => [w, null] as const),
  ['sec', '1/cos(…)'], ['csc', '1/sin(…)'], ['cosec', '1/sin(…)'], ['cot', 'cos(…)/sin(…)'], ['cotan', 'cos(…)/sin(…)'],
]);

/** A function known by name that is not built in (null if the word is none): what to write instead, with the argument's text when there is one, and whether it is an inverse trigonometric or hyperbolic one. */
export function notBuiltIn(word: string, argument: string | null): { instead: string | null; inverse: boolean } | null {
  if (!NOT_BUILT_IN.has(word)) return null;
  const instead = NOT_BUILT_IN.get(word)!;
  return { instead: instead === null ? null : instead.replaceAll('…', argument ?? '…'), inverse: /^(?:arc?|a)(?:sin|cos|tan)h?2?$/u.test(word) };
}
