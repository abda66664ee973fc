import type { Range } from './ast.js';

export type Severity = 'error' | 'warning' | 'note';

/** A related place, e.g. the step before a failing one. */
export interface RelatedNote { readonly message: string; readonly range?: Range }

/** A suggested edit that resolves a diagnostic: replace `range` with `newText` (e.g. `write a b`). */
export interface Fix { readonly title: string; readonly range: Range; readonly newText: string }

/** A finding about the source: data, rendered by the pure reporters in src/report. */
export interface Diagnostic {
  readonly severity: Severity;
  /** kebab-case, stable: tests and tools match on it. */
  readonly code: string;
  readonly message: string;
  readonly range: Range;
  readonly notes: readonly RelatedNote[];
  /** Edits that resolve it, best first: editors offer them as quick fixes. */
  readonly fixes?: readonly Fix[];
}

/**
 * Every message the front end can give, one template per code, so wording lives in one
 * place and tests can assert on codes.
 */
export const messages = {
  'syntax': (a: { expected: string; context?: string }) =>
    a.context ? `${a.context}: expected ${a.expected}` : `expected ${a.expected}`,
  'unexpected-character': (a: { char: string; expected?: string }) =>
    a.expected ? `unexpected character ${a.char}: expected ${a.expected}` : `unexpected character ${a.char}`,
  /** `what` names the construct when the bracket alone is unclear: "the norm opened here …". */
  'unclosed': (a: { open: string; close: string; what?: string }) =>
    a.what ? `the ${a.what} opened here is never closed: expected '${a.close}'` : `'${a.open}' is never closed: expected '${a.close}'`,
  'unmatched-closer': (a: { close: string; open: string }) => `'${a.close}' closes nothing: expected a '${a.open}' before it`,
  'missing-operand': (a: { after: string }) => `expected an expression after '${a.after}'`,
  'unknown-relation': (a: { relation: string }) =>
    `'${a.relation}' is not a relation deriv knows: expected one of = ≠ < ≤ > ≥ → ⇔ ⇒`,
  'file-too-large': (a: { limit: number }) =>
    `this file is too large to parse: expected at most ${a.limit.toLocaleString('en-US')} characters of distinct lines, so parsing stops here`,
  'too-deep': (a: { limit?: number }) =>
    a.limit !== undefined
      ? `this expression is nested too deeply: expected at most ${a.limit} levels of brackets`
      : 'this line is nested too deeply to read: expected fewer operators in one expression (split it over several steps)',
  'internal-error': (a: { detail: string }) => `internal error while parsing this line (${a.detail}): expected no error; please report it`,
  'line-too-long': (a: { length: number; limit: number }) =>
    `this line is ${a.length.toLocaleString('en-US')} characters long; lines may be at most ${a.limit.toLocaleString('en-US')}`,
  'binary-file': () => 'this does not look like a text file (it holds NUL bytes or invalid UTF-8)',
  'empty-file': () => 'the file is empty: nothing to check',
  'unknown-name': (a: { name: string; suggestion: string }) =>
    `unknown name '${a.name}': write ${a.suggestion}, or declare it`,
  'unknown-function': (a: { name: string }) =>
    `unknown function '${a.name}': declare it first, e.g. 'function ${a.name} : R → R'`,
  'not-a-function': (a: { name: string; shape: string }) =>
    `'${a.name}' is ${a.shape}, not a function: declare it with 'function ${a.name} : R → R' to apply it`,
  'wrong-arity': (a: { name: string; expected: number; got: number }) =>
    `'${a.name}' takes ${a.expected} argument${a.expected === 1 ? '' : 's'}, but ${a.got} ${a.got === 1 ? 'is' : 'are'} given`,
  'shape-mismatch': (a: { op: 'add' | 'subtract' | 'multiply' | 'divide' | 'compare' | 'equate'; left: string; right: string }) =>
    a.op === 'add' ? `cannot add ${a.left} to ${a.right}`
      : a.op === 'subtract' ? `cannot subtract ${a.right} from ${a.left}`
        : a.op === 'compare' ? `cannot compare ${a.left} with ${a.right}`
          : a.op === 'equate' ? `the two sides have different shapes: ${a.left} and ${a.right}`
            : `cannot ${a.op} ${a.left} by ${a.right}`,
  'shape-required': (a: { what: string; expected: string; got: string }) => `${a.what} needs ${a.expected}, but this is ${a.got}`,
  'duplicate-declaration': (a: { name: string }) => `'${a.name}' is already declared in this scope`,
  'bad-define': (a: { reason: string }) => `bad definition: ${a.reason}`,
  'structure': (a: { reason: string }) => a.reason,
  'unknown-rule': (a: { rule: string }) => `unknown rule '${a.rule}': the step is still checked, without it`,
  'unknown-reference': (a: { reason: string }) => a.reason,
  'chain-mixed-relations': (a: { reason: string }) => a.reason,
  /** A fact of a `random` declaration the checker does not use (it says why). */
  'unused-fact': (a: { reason: string }) => a.reason,
} as const;

export type Code = keyof typeof messages;

/** Makes a diagnostic from its code's template. */
export function diagnostic<C extends Code>(
  code: C,
  args: Parameters<(typeof messages)[C]>[0],
  range: Range,
  severity: Severity = 'error',
  notes: readonly RelatedNote[] = [],
): Diagnostic {
  const template = messages[code] as (a: typeof args) => string;
  return { severity, code, message: template(args), range, notes };
}
