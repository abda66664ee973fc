/**
 * The derivation AST: plain data, discriminated unions on `kind`.
 *
 * Every node carries `range: [start, end]`: 0-based UTF-16 offsets into the whole
 * file text, end-exclusive (as `text.slice(start, end)`). Nodes the checker makes
 * itself (unfolded definitions, normal forms) reuse the range of what they came from.
 */
export type Range = readonly [number, number];

/** A dimension: a number, or a symbolic size such as `n`. */
export type Dim = number | string;

/**
 * The shape of a value. Vectors are n×1 matrices and a transposed vector is 1×n,
 * so products need one rule; `any` is the polymorphic `0` before its shape is known.
 */
export type Shape =
  | { readonly kind: 'scalar' }
  | { readonly kind: 'matrix'; readonly rows: Dim; readonly cols: Dim }
  | { readonly kind: 'any' };

/**
 * A name as written: a base letter or word (`v`, `Δθ`, `α`, `λ`, a declared `lr`), an
 * optional subscript (`v_{t-1}` → index `t-1`; `x0` and `x₀` are `x_0`), primes (`u'`), a
 * hat (`f̂`, `\hat{f}`) and a bar (`x̄`, `\bar{x}`; absent means no bar).
 */
export interface Name {
  readonly base: string;
  readonly index: Expr | null;
  readonly primes: number;
  readonly hat: boolean;
  readonly bar?: boolean;
  readonly range: Range;
}

interface Node {
  readonly range: Range;
  /** Filled in by the shape pass (src/types); absent straight after parsing. */
  shape?: Shape;
  /**
   * Where the resolver wrote a spelling out (tanh'(z) as 1 − tanh(z)², log₂ x as log x / log 2):
   * the expression as written, for what is typeset for people. Not enumerable, so a copy of the
   * node (a rewrite's `{ ...e }`) never carries it to an expression it no longer describes.
   */
  readonly written?: Expr;
}

/** A number as written (`2`, `0.5`, `1e-3`): exact decimal text, never a float. */
export interface Num extends Node { readonly kind: 'Num'; readonly value: string }
/**
 * π, e (Euler's number, unless `e` is declared), ∞, and (after resolution) the identity
 * matrix `I` / `I_n`, whose size is its shape.
 */
export interface Const extends Node { readonly kind: 'Const'; readonly name: 'pi' | 'e' | 'inf' | 'I' }
/** A name: a scalar, vector, matrix, family member, index or (before resolution) anything. */
export interface Var extends Node { readonly kind: 'Var'; readonly name: Name }
export interface Neg extends Node { readonly kind: 'Neg'; readonly arg: Expr }
/**
 * `+ - * / ^`; `implicit` marks juxtaposition (`2x`, `W σ(h)`); `hadamard` a product written
 * `a ⊙ b` (entry by entry: the resolver reads it as diag(a) b for two vectors of one size, as
 * the product for two scalars).
 */
export interface Binary extends Node {
  readonly kind: 'Binary';
  readonly op: '+' | '-' | '*' | '/' | '^';
  readonly left: Expr;
  readonly right: Expr;
  readonly implicit?: boolean;
  readonly hadamard?: boolean;
  /** diag(a)·b as the resolver read `a ⊙ b`: printed back as a ⊙ b while its left is still diag(a). */
  readonly entrywise?: boolean;
}
export interface Transpose extends Node { readonly kind: 'Transpose'; readonly arg: Expr }
export interface Factorial extends Node { readonly kind: 'Factorial'; readonly arg: Expr }
/**
 * `f(a, b)`. After parsing, any name followed by `(` is a Call; the resolver turns the
 * ones whose callee is not a function into products (`δ(1-β)`). `fn.primes` is the
 * derivative order of a declared function (`σ'(z)`).
 */
export interface Call extends Node { readonly kind: 'Call'; readonly fn: Name; readonly args: readonly Expr[] }
export interface Abs extends Node { readonly kind: 'Abs'; readonly arg: Expr }
/**
 * `‖x‖`; `sub` is the norm's subscript as written when it is not the default Euclidean /
 * spectral one (`‖A‖_F` → `'F'`; `‖x‖₂` and `‖x‖_2` parse with `sub` null). The resolver
 * checks it against the table of built-ins.
 */
export interface Norm extends Node { readonly kind: 'Norm'; readonly arg: Expr; readonly sub?: string | null }
/**
 * A component of a single vector (`x_i`, 1-based) or an entry of a single matrix
 * (`A_{ij}`, `A_{i,j}`): made by the resolver from a subscripted name (or by the parser
 * from `A_{i,j}`); `of` is the vector or matrix.
 */
export interface Component extends Node { readonly kind: 'Component'; readonly of: Var; readonly indices: readonly Expr[] }
/** `∑_{i=lower}^{upper} body` and `∏…`; `index` is the bound variable's name. */
export interface BigOp extends Node {
  readonly kind: 'BigOp';
  readonly op: 'sum' | 'prod';
  readonly index: Name;
  readonly lower: Expr;
  readonly upper: Expr;
  readonly body: Expr;
}
/** `E[e]`, `Var[e]`, `Cov[x]` and `Cov[x, y]` (`second` is y). */
export interface Expect extends Node {
  readonly kind: 'Expect';
  readonly op: 'E' | 'Var' | 'Cov';
  readonly arg: Expr;
  readonly second?: Expr;
}

/** The two sides of `Cov[x, y]` (null for `Cov[x]` and for E/Var). */
export function covPair(e: Expect): readonly [Expr, Expr] | null {
  return e.op === 'Cov' && e.second ? [e.arg, e.second] : null;
}

/** `d/dx e`, `∂/∂x e` (body given) and `∂y/∂x`, `dy/dx` (body is the numerator). */
export interface Deriv extends Node {
  readonly kind: 'Deriv';
  readonly partial: boolean;
  readonly wrt: Var;
  readonly body: Expr;
  /** Written `dy/dx` or `\frac{d y}{d x}` with a plain d, which a declared name d makes a quotient instead. */
  readonly leibniz?: boolean;
}
/** `∇_x e`. */
export interface Grad extends Node { readonly kind: 'Grad'; readonly wrt: Var; readonly body: Expr }
/** `lim_{T→∞} e`. */
export interface Limit extends Node { readonly kind: 'Limit'; readonly wrt: Var; readonly to: Expr; readonly body: Expr }

export type Expr =
  | Num | Const | Var | Neg | Binary | Transpose | Factorial | Call | Abs | Norm
  | Component | BigOp | Expect | Deriv | Grad | Limit;

/** Relations between expressions, and the connectives between statements. */
export type RelOp = '=' | '≠' | '<' | '≤' | '>' | '≥' | '→';
export type Connective = '⇔' | '⇒';
/** What joins two statements: `and`/`or` (bind tighter), then `⇔`/`⇒`. */
export type LogicOp = Connective | '∧' | '∨';

/** `a < b ≤ c`: operands.length === ops.length + 1. */
export interface Compare extends Node {
  readonly kind: 'Compare';
  readonly operands: readonly Expr[];
  readonly ops: readonly RelOp[];
}
/** `A ⇔ B`, `A ⇒ B`, `A and B` (`∧`), `A or B` (`∨`). */
export interface Logic extends Node {
  readonly kind: 'Logic';
  readonly op: LogicOp;
  readonly left: Formula;
  readonly right: Formula;
  /** An `∧` joining a chain's links, `A ⇔ B ⇔ C` read as A ⇔ B and B ⇔ C: printed as the chain. */
  readonly chain?: true;
}
/** A tag stated as a fact about a square matrix: `H invertible`, `I + A B invertible`, `H positive definite`. */
export interface TagFact extends Node { readonly kind: 'TagFact'; readonly subject: Expr; readonly tag: MatrixTag }
export type Formula = Compare | Logic | TagFact;

export type MatrixTag = 'symmetric' | 'invertible' | 'diagonal' | 'positive definite' | 'orthogonal';

// ---------------------------------------------------------------------------
// Justifications

/** One item of a `by …` / `since …` justification. */
export type HintItem =
  | { readonly kind: 'def'; readonly names: readonly Name[]; readonly range: Range }
  | { readonly kind: 'assumption'; readonly range: Range }
  | { readonly kind: 'IH'; readonly range: Range }
  | { readonly kind: 'ref'; readonly name: string; readonly range: Range }
  /** `by α = β, ε = δ(1-β)`, `since H symmetric`, `by dividing by ε > 0`: facts to use. */
  | { readonly kind: 'fact'; readonly formula: Formula; readonly range: Range; readonly dividing?: boolean }
  /** A named rule: `linearity`, `chain rule`, `Cauchy-Schwarz`, … */
  | { readonly kind: 'rule'; readonly name: string; readonly range: Range };

export interface Hint {
  readonly keyword: 'by' | 'since';
  /** The text after the keyword, trimmed, as written. */
  readonly text: string;
  readonly items: readonly HintItem[];
  readonly range: Range;
}

// ---------------------------------------------------------------------------
// Chains

/** One line of a chain: `= rhs  by …`. `relRange` is where the relation stands. */
export interface Step {
  readonly kind: 'Step';
  readonly rel: RelOp | Connective;
  readonly relRange: Range;
  /** null when the line did not parse (its diagnostic is reported; the step is an error). */
  readonly rhs: Expr | Formula | null;
  readonly hint: Hint | null;
  /** `→ 0 as T → ∞`: the variable and where it goes. */
  readonly limit: { readonly wrt: Var; readonly to: Expr } | null;
  readonly range: Range;
}

/** A chain: its first expression (or statement, for ⇔/⇒ chains), then its steps. */
export interface Chain {
  readonly kind: 'Chain';
  /** null when the first line did not parse. */
  readonly head: Expr | Formula | null;
  readonly headHint: Hint | null;
  readonly steps: readonly Step[];
  readonly range: Range;
}

// ---------------------------------------------------------------------------
// Statements

export type DeclKind = 'scalar' | 'integer' | 'vector' | 'matrix' | 'function' | 'random';

/** `R`, `R^n`, `R^{n×m}`. An empty dims list is R itself. */
export interface Space { readonly dims: readonly Dim[]; readonly range: Range }

export interface Declare extends Node {
  readonly kind: 'Declare';
  readonly declKind: DeclKind;
  readonly names: readonly Name[];
  /** `in R^n` for vectors, matrices and random names; the domain for functions. */
  readonly space: Space | null;
  /** The codomain of a function (`σ : R → R`). */
  readonly codomain: Space | null;
  readonly tags: readonly MatrixTag[];
  /** For `random … iid with E[g_t] = μ, …`. */
  readonly iid: boolean;
  readonly facts: readonly Formula[];
}

/** One condition of an `assume`: a formula, optionally `for all z`. */
export interface Condition {
  readonly formula: Formula;
  readonly forAll: readonly Var[];
  readonly range: Range;
  /** Its `for all` is a later condition's on the line, which covers it (`z > 0, f(z) ≥ 0 for all z`). */
  readonly covered?: boolean;
  /** Covered as a condition of its own before the comma, not as a part joined by `and` (`t ≥ 1, |g_t| ≤ G for all t`). */
  readonly apart?: boolean;
}
export interface Assume extends Node { readonly kind: 'Assume'; readonly conditions: readonly Condition[] }

/**
 * `define v_t = … for t ≥ 1` (target a name, maybe with an index variable) or
 * `define f̂(x) = …` (params set: a function definition).
 */
export interface Define extends Node {
  readonly kind: 'Define';
  readonly target: Name;
  readonly params: readonly Var[] | null;
  readonly value: Expr;
  readonly condition: Compare | null;
}

/** `[8 points]` or `[8 points, partial]` on a key's claim. */
export interface Points { readonly points: number; readonly partial: boolean; readonly range: Range }

export interface Show extends Node {
  readonly kind: 'Show';
  readonly name: string | null;
  readonly points: Points | null;
  /** The claim: one formula (an equation, inequality, ⇔, or `e → 0 as T → ∞`). */
  readonly claim: Formula;
  /** For `e → 0 as T → ∞` claims. */
  readonly limit: { readonly wrt: Var; readonly to: Expr } | null;
  /** `for all t ≥ 0`. */
  readonly forAll: Compare | null;
  /** `by induction on t`. */
  readonly induction: Var | null;
  readonly hint: Hint | null;
  readonly chain: Chain | null;
  readonly base: Chain | null;
  readonly step: Chain | null;
  /** Where `base:` and `step:` stand, for messages. */
  readonly baseRange: Range | null;
  readonly stepRange: Range | null;
}

export interface Answer extends Node {
  readonly kind: 'Answer';
  readonly name: string;
  readonly points: Points | null;
  readonly claims: readonly Formula[];
}

export interface Title extends Node { readonly kind: 'Title'; readonly text: string }
export interface Section extends Node { readonly kind: 'Section'; readonly name: string }
/** A chain that stands on its own (not under a `show`): checked step by step. */
export interface ChainStatement extends Node { readonly kind: 'ChainStatement'; readonly chain: Chain }

export type Statement = Title | Section | Declare | Assume | Define | Show | Answer | ChainStatement;

export interface Derivation {
  readonly kind: 'Derivation';
  readonly statements: readonly Statement[];
  readonly range: Range;
}
