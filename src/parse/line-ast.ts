import type {
  Answer, Assume, Connective, Declare, Define, Expr, Formula, Hint, Range, RelOp, Section, Show,
  Title, Var,
} from '../ast.js';

/**
 * What one line parses to, before structure.ts assembles lines into chains and shows.
 * Ranges are whole-file offsets, like the AST's.
 */

/** A relation or connective as written, with where it stands. */
export interface RelationToken { readonly op: RelOp | Connective; readonly range: Range }

/** `as T → ∞` after a `→` relation. */
export interface LimitPart { readonly wrt: Var; readonly to: Expr; readonly range: Range }

/** One relation and its right side: `= β v_{t-1}`; range from the relation to the right side's end. */
export interface LinkPart { readonly rel: RelationToken; readonly rhs: Expr | Formula; readonly range: Range }

/** A line that starts a chain: an expression or formula, maybe `as T → ∞`, maybe a hint. */
export interface HeadPart {
  readonly kind: 'head';
  readonly body: Expr | Formula;
  /** The relations of `body` when it is a single Compare (`a = b ≤ c`), else empty. */
  readonly relations: readonly RelationToken[];
  /** When `body` joins statements with ⇔/⇒ (`x² = 9 ⇔ x = 3`): the first and each link. */
  readonly statements: { readonly first: Formula; readonly links: readonly LinkPart[] } | null;
  readonly limit: LimitPart | null;
  readonly hint: Hint | null;
  readonly range: Range;
}

/** A line that continues a chain: `= rhs  by …` (one link per relation on the line). */
export interface ContinuationPart {
  readonly kind: 'continuation';
  readonly links: readonly LinkPart[];
  readonly limit: LimitPart | null;
  readonly hint: Hint | null;
  readonly range: Range;
}

/** `base:` or `step:` of an induction, maybe with the first line of its chain after the colon. */
export interface BlockPart {
  readonly kind: 'block';
  readonly block: 'base' | 'step';
  /** The keyword and colon. */
  readonly range: Range;
  readonly head: HeadPart | null;
}

/** A statement line: everything but chains. */
export type StatementPart = Title | Section | Declare | Assume | Define | Show | Answer;

/** What a line that parsed gives. */
export type LinePart = StatementPart | HeadPart | ContinuationPart | BlockPart;
