import type { Range } from './ast.js';

export type Severity = 'error' | 'warning' | 'note';

/** A related place, e.g. the step before a failing one. */
export interface RelatedNote { readonly message: string; readonly range?: Range }

/** One text edit of a fix: replace `range` (whole-file offsets) by `text`. */
export interface Edit { readonly range: Range; readonly text: string }

/** A suggested change that would resolve a finding (`write p q`), for editors' quick fixes. */
export interface Fix { readonly message: string; readonly edits: readonly Edit[] }

/** The arguments a message was made from: kept as data, so every reporter renders the same finding. */
export type DiagnosticArgs = Readonly<Record<string, string | number>>;

/** A finding about the source: data, rendered by the pure reporters in src/report. */
export interface Diagnostic {
  readonly severity: Severity;
  /** kebab-case, stable: tests and tools match on it. One code, one message template. */
  readonly code: string;
  readonly message: string;
  readonly args: DiagnosticArgs;
  readonly range: Range;
  readonly notes: readonly RelatedNote[];
  /** Suggested fixes, best first; absent when there is none. */
  readonly fixes?: readonly Fix[];
}

interface Entry<A> {
  readonly severity: Severity;
  readonly message: (a: A) => string;
}

const entry = <A>(severity: Severity, message: (a: A) => string): Entry<A> => ({ severity, message });

const plural = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/**
 * Every message deriv can give, one entry per code: its severity and its template (after
 * TypeScript's diagnosticMessages.json). Wording lives here only; tests assert on codes.
 */
export const DIAGNOSTICS = {
  // ---- reading a line
  'syntax': entry('error', (a: { expected: string; context?: string }) =>
    a.context ? `${a.context}: expected ${a.expected}` : `expected ${a.expected}`),
  'unexpected-character': entry('error', (a: { char: string; expected?: string }) =>
    a.expected ? `unexpected character ${a.char}: expected ${a.expected}` : `unexpected character ${a.char}`),
  'unknown-command': entry('error', (a: { command: string }) =>
    `unknown command '${a.command}': expected a Greek letter such as \\alpha, a function such as \\log, or an operator such as \\cdot`),
  /** `what` names the construct when the bracket alone is unclear: "the norm opened here …". */
  'unclosed': entry('error', (a: { open: string; close: string; what?: string }) =>
    a.what ? `the ${a.what} opened here is never closed: expected '${a.close}'` : `'${a.open}' is never closed: expected '${a.close}'`),
  'unmatched-closer': entry('error', (a: { close: string; open: string }) => `'${a.close}' closes nothing: expected a '${a.open}' before it`),
  'missing-operand': entry('error', (a: { after: string }) => `expected an expression after '${a.after}'`),
  /** `x^√2`: an exponent without braces is one atom (LANGUAGE.md §1). */
  'exponent-braces': entry('error', (a: { found: string }) =>
    `an exponent without braces is one number or name, as in LaTeX: write ^{${a.found}…${a.found.endsWith('[') ? ']' : a.found.endsWith('\\|') ? '\\|' : ''}} for this one`),
  /** `∛x`, `\\sqrt[3]{x}`: no n-th root is built in (a power is, with its domain). */
  'nth-root': entry('error', (a: { written: string; n: string }) =>
    `'${a.written}' (an n-th root) is not built in: write the power (…)^{1/${a.n}}, which has a value where its base is ≥ 0`),
  /** cosh(cosh(cosh(…))) many levels deep: each is written out in exp with its argument twice. */
  'written-out-too-large': entry('error', (a: { name: string; limit: number }) =>
    `${a.name}(…) is read as its definition in exp, which writes its argument twice, and this argument holds over ${a.limit.toLocaleString('en-US')} operations: nest fewer of cosh, sinh, sech, csch and coth inside one another, or name a part with define`),
  'unknown-relation': entry('error', (a: { relation: string }) =>
    `'${a.relation}' is not a relation deriv knows: expected one of = ≠ < ≤ > ≥ → ⇔ ⇒`),
  'mixed-number': entry('error', (a: { whole: string; fraction: string }) =>
    `'${a.whole}${a.fraction}' mixes a whole number and a fraction: write ${a.whole} + ${a.fraction} (or one fraction)`),
  'file-too-large': entry('error', (a: { limit: number }) =>
    `this file is too large to parse: expected at most ${a.limit.toLocaleString('en-US')} characters of distinct lines, so parsing stops here`),
  'too-deep': entry('error', (a: { limit?: number; operations?: number }) =>
    a.limit !== undefined
      ? `this expression is nested too deeply: expected at most ${a.limit} levels of brackets`
      : a.operations !== undefined
        ? `this expression is too long to check: expected at most ${a.operations.toLocaleString('en-US')} operations inside one another (a sum of some ${a.operations.toLocaleString('en-US')} terms is as deep); split it over several steps`
        : 'this line is nested too deeply to read: expected fewer operators in one expression (split it over several steps)'),
  'too-deep-to-check': entry('error', () => 'this expression is nested too deeply to check: split it over several steps'),
  'internal-error': entry('error', (a: { detail: string }) => `internal error (${a.detail}); please report it`),
  'line-too-long': entry('error', (a: { length: number; limit: number }) =>
    `this line is ${a.length.toLocaleString('en-US')} characters long; lines may be at most ${a.limit.toLocaleString('en-US')}`),
  'binary-file': entry('error', () => 'this does not look like a text file (it holds NUL bytes or invalid UTF-8)'),
  'empty-file': entry('error', () => 'the file is empty: nothing to check'),
  'file-time-limit': entry('error', (a: { seconds: number }) =>
    `checking this file ran over its time limit (${a.seconds} s) and was stopped`),
  'file-crashed': entry('error', (a: { detail: string }) => `internal error while checking this file: ${a.detail} (please report it)`),
  /** A reading rule of LANGUAGE.md §1 chose between two plausible readings. */
  'reading': entry('warning', (a: { written: string; reading: string; other: string }) =>
    `read '${a.written}' as ${a.reading}; for the other reading write ${a.other}`),
  /** A line read only with a spaced bar opening (`| a | b | c |` as |a| b |c|), where its bars may nest otherwise. */
  'spaced-bars': entry('warning', (a: { written: string; reading: string }) =>
    `read '${a.written}' as ${a.reading}, a bar with a space after it opening where nothing else reads; if the bars pair otherwise, write each tight against what it encloses (|a |b| c| for one inside another)`),
  /** `\sin^{-1} x`: a power of the value, not the inverse function. */
  'inverse-function-power': entry('warning', (a: { written: string; fn: string; inverse: string }) =>
    `read '${a.written}' as 1/${a.fn}(…), a power of the value (as ${a.fn}^2 x is (${a.fn} x)²); the inverse function is ${a.inverse}`),

  // ---- lines into statements
  'nothing-to-check': entry('warning', (a: { what: string }) =>
    `this line is ${a.what} with no relation after it, so there is nothing to check: write '= …' (or '⇔ …') after it, on this line or the next`),
  'file-without-steps': entry('warning', () =>
    'nothing in this file is checked: it has no chain (a line with a relation such as a = b) and no show'),
  'no-open-chain': entry('error', (a: { relation: string }) =>
    `this line starts with '${a.relation}', so it continues a chain, but no chain is open here: `
    + 'expected the first expression of the chain on a line before it (a blank line or a statement ends a chain)'),
  'empty-block': entry('error', (a: { block: string }) => `expected the ${a.block} case's chain after '${a.block}:'`),
  'misplaced-block': entry('error', (a: { block: string }) =>
    `'${a.block}:' belongs under a 'show … by induction on t': expected such a show before it`),
  'duplicate-block': entry('error', (a: { block: string }) => `this induction already has a '${a.block}:': expected only one`),
  'step-before-base': entry('error', () => "'step:' needs a 'base:' before it: expected the base case first"),
  'misplaced-limit': entry('error', () => "'as … → …' belongs to a step that ends in '→': expected it after a '→' relation"),

  // ---- names and declarations
  'unknown-name': entry('error', (a: { name: string; suggestion: string }) =>
    `unknown name '${a.name}': write ${a.suggestion}, or declare it`),
  'undeclared-word': entry('error', (a: { name: string }) =>
    `unknown name '${a.name}': declare it first, e.g. 'scalar ${a.name}'`),
  'builtin-derivative-shape': entry('error', (a: { name: string; primes: string; shape: string }) =>
    `${a.name}${a.primes} is read on a scalar, but its argument is ${a.shape}; write the derivative out for each entry (σ'(x) of a declared function σ : R → R is elementwise)`),
  'builtin-derivative-argument': entry('error', (a: { name: string; primes: string }) =>
    `${a.name}${a.primes}(…) is read only at a name, as in ${a.name}${a.primes}(z); at another argument, write the derivative out`),
  'builtin-derivative-none': entry('error', (a: { name: string; primes: string }) =>
    `${a.name}${a.primes} has no meaning here: primes give the derivative of a built-in of one scalar argument (exp, log, sqrt, sin, cos, tan, tanh); for ${a.name}, write the derivative out, e.g. with d/dz`),
  'not-built-in': entry('error', (a: { name: string; inverse: boolean; instead?: string }) =>
    a.instead ? `'${a.name}' is not built in: write ${a.instead}`
      : `'${a.name}' is not a built-in function${a.inverse ? ' (no inverse trigonometric or hyperbolic function is)' : ''}; to use it, declare it as a function of its own, e.g. 'function ${a.name} : R → R'`),
  'unknown-function': entry('error', (a: { name: string; applied?: string }) =>
    a.applied ? `unknown function '${a.name}': to apply the built-in it holds, write ${a.applied}; else declare it, e.g. 'function ${a.name} : R → R'`
      : `unknown function '${a.name}': declare it first, e.g. 'function ${a.name} : R → R'`),
  'undeclared-d': entry('warning', () =>
    `'d' is not declared, so it is read as a number d multiplying what follows; for a derivative write dy/dx (or d y / d x), d/dx (…) or \\frac{d}{dx}; to mean a number, declare it: scalar d`),
  'prime-not-transpose': entry('warning', (a: { name: string; of: string; shape: string }) =>
    `'${a.name}' is not declared, so it is read as a new scalar name, not as the transpose of ${a.of} (${a.shape}): for the transpose write ${a.of}ᵀ or ${a.of}^T; for a new name, declare it`),
  /** `define f_1(z) = f_2(z) + 1` with `define f_2(z) = f_1(z) − 1`: a function reached from its own definition. */
  'definition-cycle': entry('error', (a: { name: string }) =>
    `'${a.name}' is used inside its own definition (directly or through another definition), so it has no value: expected a definition that does not reach itself`),
  'undeclared-function': entry('warning', (a: { name: string; product: string }) =>
    `'${a.name}' is not declared, so ${a.product} is read as a product; to apply a function, declare it: function ${a.name} : R → R`),
  'not-a-function': entry('error', (a: { name: string; shape: string }) =>
    `'${a.name}' is ${a.shape}, not a function: declare it with 'function ${a.name} : R → R' to apply it`),
  'moment-without-brackets': entry('error', (a: { name: string; what: string }) =>
    `'${a.name}' is the ${a.what}: write it with brackets around what it is of, as ${a.name}[…]`),
  'bare-expectation': entry('warning', () =>
    `'E' is not declared, so it is read as a number E multiplying what follows; for the expectation write E[X] (with brackets); to mean a number, declare it: scalar E`),
  'function-without-argument': entry('error', (a: { name: string }) => `'${a.name}' is a function: apply it to an argument, as ${a.name}(x)`),
  /** `d³/dx³`, `\\frac{d^3}{dx^3}`: one operator of order 3 or more is not read. */
  'derivative-order': entry('error', (a: { order: string; x: string }) =>
    `a derivative of order ${a.order} is not written as one operator here: nest them, as d/d${a.x} (d²/d${a.x}² …) or d/d${a.x} d/d${a.x} d/d${a.x} …`),
  /** `∂²/∂x∂y`: a mixed second derivative is written by nesting. */
  'mixed-partial': entry('error', () =>
    `a mixed second derivative is not written as one operator here: nest them, as ∂/∂x ∂/∂y …`),
  /** `∇_x f(x)ᵀ d`: ∇ takes the whole product after it. */
  'gradient-product': entry('error', (a: { nabla: string; body: string; shape: string; fix: string }) =>
    `${a.nabla} takes the whole product after it, ${a.body}, which is ${a.shape}, not a scalar; for the ${a.nabla === '∇' ? 'gradient' : 'Hessian'} of its first factor alone write ${a.fix}`),
  'derivative-body': entry('error', (a: { written: string }) =>
    `'${a.written}' is a derivative: write the expression it differentiates after it, as ${a.written} f(x)`),
  'function-in-exponent': entry('error', (a: { name: string; braced: string }) =>
    `'${a.name}' is a function, and an exponent without braces is one name: write ${a.braced}`),
  'wrong-arity': entry('error', (a: { name: string; expected: string; got: number }) =>
    `'${a.name}' takes ${a.expected} ${plural(a.expected === '1' ? 1 : 2, 'argument')}, but ${a.got} ${a.got === 1 ? 'is' : 'are'} given`),
  /** `assume f(z) ≥ 0 for all z > 0`: the `for all` of an assumption takes names, not a condition. */
  'for-all-condition': entry('error', (a: { condition: string; names: string; reals?: boolean; apart?: boolean }) => (a.reals
    ? `'for all' in an assumption takes names only: write 'for all ${a.names}' (a scalar name ranges over R already, a vector over its declared space)`
    : `'for all' in an assumption takes names only (for all ${a.names}), not a condition such as '${a.condition}': an assumption that holds only where ${a.condition} cannot be used; if it holds for every ${a.names}, write 'for all ${a.names}', else leave it out (a step that needs it is then unknown)${a.apart ? `; if '${a.condition}' is an assumption of its own, put it on a line of its own (assume ${a.condition})` : ''}`)),
  /** `assume z > 0` and then `assume f(z) ≥ 0 for all z`: the for-all z is every z. */
  'for-all-name-assumed': entry('warning', (a: { name: string }) =>
    `'for all ${a.name}' ranges over every ${a.name}: an earlier assumption about ${a.name} does not restrict it (an assumption that holds only where that one does cannot be stated; use another letter for the for-all name if ${a.name} is meant to stay free)`),
  /** `assume f(z) ≥ z for all z`, `assume f(z) ≤ 0 for all z`: no function meets both. */
  'assumptions-contradict': entry('warning', (a: { detail: string; self: boolean }) =>
    `${a.detail}: no function meets ${a.self ? 'it' : 'them'}, and anything follows from ${a.self ? 'it' : 'them'} (a step that uses ${a.self ? 'it' : 'them'} is proved however wrong); check ${a.self ? 'it' : 'them'}`),
  /** `assume f(z) ≥ 0 if |z| < 1`: no line is conditional. */
  'condition-word': entry('error', (a: { word: string }) =>
    `'${a.word}' is not part of the language: an assumption holds everywhere, or for all the names after 'for all'; one that holds only where a condition does cannot be used (leave it out, or assume the condition on a line of its own)`),
  /** `assume ∀ z: f(z) ≥ 0`: the quantifier comes after the condition here. */
  'for-all-first': entry('error', (a: { condition: string; names: string }) =>
    `in an assumption, 'for all' comes after the condition: write 'assume ${a.condition} for all ${a.names}'`),
  /** `⟨x, y⟩`, `\\langle x, y \\rangle`: not built in; xᵀy is. */
  'inner-product': entry('error', (a: { open: string }) =>
    `'${a.open}…' (an inner product) is not built in: write xᵀy for vectors x and y`),
  /** `(A x)_1`: a component is taken of a name only. */
  'component-of-expression': entry('error', (a: { sub: string }) =>
    `a component '_${a.sub}' is taken of a name only (x_i, A_{ij}), not of a bracket: define the expression first (define y = …), then write y_${a.sub}`),
  'unknown-norm': entry('error', (a: { sub: string }) =>
    `'‖·‖_${a.sub}' is not a norm deriv knows: expected ‖x‖ (= ‖x‖₂, Euclidean / spectral) or ‖A‖_F (Frobenius)`),
  'component-index': entry('error', (a: { name: string; index: string }) =>
    `the subscript of ${a.name}_${a.index} is not a whole number: a component of a vector or an entry of a matrix needs integer indices`),
  'component-zero': entry('error', (a: { name: string; written: string }) =>
    `components are numbered from 1, so ${a.written} is not a component of ${a.name}; declare ${a.written} to use it as a name of its own`),
  /** `x_2` of a vector declared in R^1 (a scalar), `A_{12}` of a matrix in R^{1×1}. */
  'component-of-single': entry('error', (a: { name: string; space: string; only: string; what: string }) =>
    `${a.name} is in ${a.space}, a scalar: its one ${a.what} is ${a.only}, which is ${a.name} itself`),
  'component-arity': entry('error', (a: { name: string; shape: string; expected: number; got: number }) =>
    `${a.name} is ${a.shape}: its ${a.expected === 1 ? 'components take one index' : 'entries take two indices'}, but ${a.got} ${a.got === 1 ? 'is' : 'are'} given`),
  'random-redeclared': entry('warning', (a: { name: string }) =>
    `'${a.name}' is declared random a second time: its moments are the ones this line gives, not those of its first declaration`),
  'duplicate-declaration': entry('error', (a: { name: string }) => `'${a.name}' is already declared in this scope`),
  'builtin-redeclared': entry('error', (a: { name: string }) => `'${a.name}' is a built-in function: choose another name`),
  /** `scalar x, sin`: the built-in is hidden, and sin(x) reads as a product. */
  /** `define h = z^2`, `assume f(z) ≥ h for all z`: h is one value, at the declared z; it does not follow the bound z. */
  'defined-under-for-all': entry('warning', (a: { name: string; bound: string; condition: string }) =>
    `'${a.name}' is defined from ${a.bound}, but in '${a.condition}' it does not follow the ${a.bound} that 'for all' binds: it is one value, the one at the declared ${a.bound}; write its definition out in the assumption if it should change with ${a.bound}`),
  /** `assume Cov[X, Y] = c`, `assume X = Y`: the random names are no longer taken as independent. */
  'assumption-relates-random': entry('warning', (a: { condition: string; names: string }) =>
    `'${a.condition}' relates the random names ${a.names}: they are taken as dependent from here on, not as independent (distinct random names are independent unless related), and their joint moments are not known, so a step that needs them is unknown`),
  'builtin-as-name': entry('warning', (a: { name: string; kind: string }) =>
    `'${a.name}' is a built-in function; declared a ${a.kind} here, ${a.name}(…) reads as ${a.name} times (…), not the built-in: choose another name if the built-in is meant`),
  'bad-space': entry('error', (a: { kind: string; example: string }) => `a ${a.kind} is declared in ${a.example}`),
  'bad-dimension': entry('error', (a: { dim: string }) => `a dimension must be a whole number of at least 1, not ${a.dim}`),
  'second-title': entry('warning', () => 'a file has one title: this second one is ignored'),
  'show-name-reused': entry('warning', (a: { name: string }) => `a show named "${a.name}" comes earlier; 'by "${a.name}"' will mean this one`),

  // ---- random declarations: a fact the checker does not use says why (never silence)
  'iid-single': entry('warning', (a: { name: string }) =>
    `'iid' is for a family of random names (random ${a.name}_t iid …); '${a.name}' is one name, so it has no members`),
  'fact-not-equation': entry('warning', (a: { fact: string }) =>
    `${a.fact} is not used: only equations E[…] = …, Var[…] = … and Cov[…] = … declare moments; a step that needs it is unknown`),
  'fact-left-side': entry('warning', (a: { fact: string }) =>
    `${a.fact} is not used: the left side should be E[…], Var[…] or Cov[…] of the random name; a step that needs it is unknown`),
  'fact-random-value': entry('warning', (a: { fact: string }) =>
    `${a.fact} is not used: a moment must not depend on a random name; a step that needs it is unknown`),
  'fact-other-name': entry('warning', (a: { fact: string; name: string }) =>
    `${a.fact} is not used: ${a.name} is not one of the random names this declaration declares; a step that needs it is unknown`),
  'fact-family-member': entry('warning', (a: { fact: string; family: string }) =>
    `${a.fact} is not used: a fact about a family is written for its index (E[${a.family}] = …), not for one member; a step that needs it is unknown`),
  'fact-higher-moment-vector': entry('warning', (a: { fact: string }) =>
    `${a.fact} is not used: third and fourth moments are used for scalar random names only; a step that needs it is unknown`),
  'fact-matrix-second-moment': entry('warning', (a: { fact: string; name: string }) =>
    `${a.fact} is not used: second moments of the random matrix '${a.name}' are not used (only its mean); a step that needs it is unknown`),
  'fact-cross-covariance': entry('warning', (a: { fact: string }) =>
    `${a.fact} is not used: a covariance between two random names is not used (distinct random names are taken as independent unless related); a step that needs it is unknown`),
  'fact-trace': entry('warning', (a: { fact: string; x: string }) =>
    `${a.fact} is not used: E[${a.x}ᵀ${a.x}] is only the trace of the second moment; declare E[${a.x} ${a.x}ᵀ] = … or Cov[${a.x}] = …; a step that needs it is unknown`),
  'fact-unknown-moment': entry('warning', (a: { fact: string }) =>
    `${a.fact} is not used: the moments used are E[g], E[g²], E[g³], E[g⁴] (scalars), E[x xᵀ], Var[g] and Cov[x]; a step that needs it is unknown`),
  'fact-repeated': entry('warning', (a: { fact: string; moment: string; name: string }) =>
    `${a.fact} is not used: ${a.moment} of '${a.name}' is already declared in this declaration`),
  'moments-incomplete': entry('warning', (a: { name: string }) =>
    `a third or fourth moment of '${a.name}' is not used without its mean and second moment (or variance): together they must be those of a distribution`),
  'fourth-without-third': entry('warning', (a: { name: string }) =>
    `E[${a.name}⁴] is not used without E[${a.name}³]: declare the third moment too (0 for a symmetric distribution), so the two can be checked to be those of a distribution`),

  // ---- shapes
  'shape-mismatch': entry('error', (a: { op: string; left: string; right: string; undeclared?: string; hint?: string }) =>
    a.op === 'add' || a.op === 'subtract'
      ? `${a.op === 'add' ? `cannot add ${a.left} to ${a.right}` : `cannot subtract ${a.right} from ${a.left}`}${a.undeclared ? ` (${a.undeclared} ${a.undeclared.includes(',') ? 'are' : 'is'} not declared, so read as a scalar: declare the shape, e.g. vector ${a.undeclared.split(', ')[0]} in R^n)` : a.hint ? `: ${a.hint}` : ''}`
        : a.op === 'compare' ? `cannot compare ${a.left} with ${a.right}`
          : a.op === 'equate' ? `the two sides have different shapes: ${a.left} and ${a.right}`
            : `cannot ${a.op} ${a.left} by ${a.right}${a.hint ? `: ${a.hint}` : ''}`),
  'shape-required': entry('error', (a: { what: string; expected: string; got: string }) => `${a.what} needs ${a.expected}, but this is ${a.got}`),
  /** `n!` of a real scalar: a factorial has a value only at whole numbers ≥ 0. */
  'factorial-of-real': entry('warning', (a: { name: string }) =>
    `${a.name}! has a value only where ${a.name} is a whole number ≥ 0, but ${a.name} is a real scalar here: declare 'integer ${a.name}'`),
  /** `a ∘ b`, `a \\circ b`, `⨀`: the entry-by-entry product is written ⊙. */
  'hadamard-spelling': entry('error', (a: { written: string }) =>
    `'${a.written}' is not built in: for the entry-by-entry (Hadamard) product, expected a ⊙ b (or a \\odot b); composition is not built in either`),
  /** `A ⊙ B` of anything but two vectors of one size or two scalars. */
  'hadamard-shapes': entry('error', (a: { left: string; right: string; matrices: boolean; bracket: boolean }) =>
    `⊙ multiplies two vectors of the same size entry by entry (a ⊙ b is diag(a) b), or two scalars; here it has ${a.left} and ${a.right}${a.matrices ? ' (⊙ of matrices is not built in)' : ''}${a.bracket ? '. ⊙ is as tight as · and read left to right, so σ\'(z) ⊙ Wᵀ δ is (σ\'(z) ⊙ Wᵀ) δ: bracket the vector ⊙ takes, σ\'(z) ⊙ (Wᵀ δ)' : ''}`),
  /** `1ᵀ x`: a number transposed is that number (no vector of ones is built in). */
  'number-transposed': entry('warning', (a: { number: string }) =>
    `${a.number}ᵀ is the number ${a.number}: a number is its own transpose. No vector of ones is built in; for the sum of the entries of a vector x in R^n write ∑_{i=1}^{n} x_i (with integer i)`),
  /** exp(A), log(A), √A … of a square matrix: entry by entry, which is not what exp(A) means in linear algebra (the matrix exponential). */
  'elementwise-matrix': entry('warning', (a: { call: string; fn: string }) =>
    `read ${a.call} entry by entry (the ${a.fn} of each entry), not as a matrix function such as the matrix exponential (none is built in)`),
  'transpose-of-scalar': entry('warning', (a: { expr: string }) =>
    `read ${a.expr}^T as the transpose of a scalar (the scalar itself): declare 'integer T' to make it a power`),
  'transpose-or-power': entry('warning', (a: { expr: string }) =>
    `read ${a.expr}^T as the transpose ${a.expr}ᵀ, though T is also a declared name: for the T-th power, name the exponent otherwise (integer K, then ${a.expr}^K)`),
  /** `A^{-T}` with T declared: a power, not the inverse transpose. */
  'inverse-transpose-or-power': entry('warning', (a: { expr: string }) =>
    `read ${a.expr}^{-T} as the (-T)-th power, since T is a declared name: for the inverse of the transpose write (${a.expr}^{-1})^T`),

  // ---- definitions
  'defined-twice': entry('error', (a: { name: string; member?: string; conditions?: boolean }) =>
    a.conditions
      ? `'${a.name}' is already defined (see the note), and whether the two conditions leave each other's values out cannot be told (only plain bounds such as 't ≥ 1' or '2 ≤ t ≤ 4' can): this definition is not used`
      : a.member && a.member !== a.name
      ? `this definition of '${a.name}' also gives ${a.member}, which is already defined (see the note): a value is defined once, so this definition is not used (its condition must leave ${a.member} out)`
      : `'${a.member ?? a.name}' is already defined (see the note): a value is defined once, so this definition is not used`),
  'condition-without-index': entry('error', (a: { name: string }) =>
    `a condition ('for …') only says which indices of a family a definition gives (define a_t = … for t ≥ 1); '${a.name}' has no index, so it would be ignored: define it for every value (with max, min or |·| for cases), or state what you need with 'assume'`),
  'function-family': entry('error', (a: { name: string }) =>
    `'${a.name}' is a function for each index, defined by cases ('for …'): that is not built in; expected each member defined on a line of its own (define f_1(z) = …, then define f_2(z) = … f_1(z) …)`),
  'builtin-redefined': entry('error', (a: { name: string }) => `'${a.name}' is built in and cannot be redefined: choose another name`),
  'define-function': entry('error', (a: { name: string }) => `'${a.name}' is a function: define it as ${a.name}(x) = …`),
  'define-shape': entry('error', (a: { name: string; declared: string; defined: string }) =>
    `'${a.name}' is ${a.declared}, but its definition is ${a.defined}`),
  'shadowed-definition': entry('warning', (a: { section: string; name: string; target: string }) =>
    `section "${a.section}" declares '${a.name}' anew, which the definition of '${a.target}' uses; that definition is not used in this section`),

  // ---- justifications
  /** A chain line's justification that did not parse: the step is read and checked without it. */
  'justification-unread': entry('warning', (a: { detail: string }) => `could not read this justification (${a.detail}): the step is checked without it`),
  'unknown-rule': entry('warning', (a: { rule: string }) => `unknown rule '${a.rule}': the step is still checked, without it`),
  'unknown-definition': entry('warning', (a: { name: string }) => `nothing defines '${a.name}' here: the step is still checked, without that definition`),
  'unknown-show': entry('warning', (a: { name: string }) =>
    `no show named "${a.name}" comes before this step; the step is checked without it`),
  /** `by "3.1"` inside the chain of show "3.1": it is not shown yet there. */
  'show-cites-itself': entry('warning', (a: { name: string }) =>
    `this step is part of the chain that proves show "${a.name}", so it cannot cite it (that would be circular); the step is checked without it`),
  /** A cited show that was shown under another section's assumptions. */
  'show-other-section': entry('warning', (a: { name: string; section: string }) =>
    `show "${a.name}" was shown under the assumptions of section "${a.section}", which do not hold here: the step is checked without it`),
  'show-other-definitions': entry('warning', (a: { name: string; defined: string }) =>
    `show "${a.name}" was shown where ${a.defined} had another definition than here, so it may not hold here: the step is checked without it`),
  'show-not-passed': entry('warning', (a: { name: string; verdict: string }) =>
    `show "${a.name}" is ${a.verdict}, so it is not used here; the step is checked without it`),
  'ih-outside-induction': entry('warning', () =>
    "'IH' is the claim at t − 1 inside the 'step:' of an induction; there is none here, so the step is checked without it"),
} as const;

export type Code = keyof typeof DIAGNOSTICS;

/** The arguments a code's message takes. */
export type ArgsOf<C extends Code> = Parameters<(typeof DIAGNOSTICS)[C]['message']>[0];

/** The message template of each code (the registry's `message` functions). */
export const messages: { readonly [C in Code]: (typeof DIAGNOSTICS)[C]['message'] } = Object.fromEntries(
  Object.entries(DIAGNOSTICS).map(([code, e]) => [code, e.message]),
) as { readonly [C in Code]: (typeof DIAGNOSTICS)[C]['message'] };

/** The severity a code has (from the registry). */
export function severityOf(code: Code): Severity {
  return DIAGNOSTICS[code].severity;
}

/** Makes a diagnostic from its code's entry: severity and message from the registry, args kept. */
export function diagnostic<C extends Code>(
  code: C,
  args: ArgsOf<C>,
  range: Range,
  extra: { readonly notes?: readonly RelatedNote[]; readonly fixes?: readonly Fix[] } = {},
): Diagnostic {
  const { severity, message } = DIAGNOSTICS[code] as Entry<ArgsOf<C>>;
  const kept: Record<string, string | number> = {};
  for (const [k, v] of Object.entries((args ?? {}) as object)) if (typeof v === 'string' || typeof v === 'number') kept[k] = v;
  const d: Diagnostic = { severity, code, message: message(args), args: kept, range, notes: extra.notes ?? [] };
  return extra.fixes && extra.fixes.length > 0 ? { ...d, fixes: extra.fixes } : d;
}

/**
 * A file's parse diagnostics and its resolver's together, less each reading warning that
 * overlaps a `function-in-exponent` error: `e^cos(x)` read as e^c · os(x) is that error, which
 * says to write e^{cos(…)}; the reading would say it twice, and offer e^{cos(x)} as another reading.
 */
export function fileDiagnostics(parse: readonly Diagnostic[], resolve: readonly Diagnostic[]): Diagnostic[] {
  const split = resolve.filter((d) => d.code === 'function-in-exponent');
  // (Any reading that overlaps the error: `e^cos^2(x)` read as e^c · os² · (x) has two.)
  const moot = (d: Diagnostic): boolean => d.code === 'reading' && split.some((e) => d.range[0] < e.range[1] && e.range[0] < d.range[1]);
  return [...parse.filter((d) => !moot(d)), ...resolve];
}
