import type { Connective, RelOp } from '../ast.js';
import { unknownRelationAt } from './errors.js';
import type { RelationToken } from './line-ast.js';
import { buildLine, grammar } from './semantics.js';

// How a line starts, which picks the start rule it is parsed with (index.ts).

/** How much of a line the classifying rules look at. */
const LEAD_LENGTH = 64;

/** How a line starts: a statement keyword, `base:`/`step:`, a relation, or anything else. */
export type Lead =
  | { readonly kind: 'statement'; readonly keyword: string }
  | { readonly kind: 'block'; readonly block: 'base' | 'step' }
  /** `relation` is null for a relation deriv does not know (`≈`): the line still continues a chain. */
  | { readonly kind: 'continuation'; readonly relation: RelationToken | null }
  | { readonly kind: 'head' };

/**
 * The one-character relations and connectives that start a continuation line, as
 * `relationLead` reads them (`=` on its own: `==` and `=>` are longer).
 */
const SINGLE_RELATIONS: ReadonlyMap<string, RelOp | Connective> = new Map<string, RelOp | Connective>([
  ['≤', '≤'], ['⩽', '≤'], ['≥', '≥'], ['⩾', '≥'], ['≠', '≠'], ['→', '→'], ['⟶', '→'],
  ['⇔', '⇔'], ['⟺', '⇔'], ['⇒', '⇒'], ['⟹', '⇒'],
]);

/** A statement keyword as `statementLead` reads it, when an ASCII non-word character (or the end) follows. */
const STATEMENT_WORD = /^(?:title|section|scalar|integer|vector|matrix|function|random|assume|define|show|answer)(?=[^\p{L}\p{N}_]|$)/u;

/** What cannot start any lead (a keyword is lowercase ASCII; a relation or a space is no letter, digit or bracket). */
const HEAD_START = /^[\p{L}\p{N}([{|‖]/u;

/** The lowercase letters that start a statement or block keyword. */
const LEAD_LETTERS = new Set('abdfimrstv');

/**
 * How a line starts, decided from its first character without the grammar where that is
 * exact: most lines are `= …`, `show …`, `define …` or start with a name, and the three
 * classifying matches (each a full Ohm match) cost about 7% of parsing a file. Gives what
 * classifyByGrammar gives, or null when the grammar must decide.
 */
export function classifyQuickly(start: string): Lead | null {
  let i = 0;
  // (Tabs and ASCII spaces: what `spaces` skips first; any other space falls through to the grammar.)
  while (start[i] === ' ' || start[i] === '\t') i++;
  const c = start[i];
  if (c === undefined) return null;
  if (c === '=') {
    // relOpSymbol_eq is `"==" | "=" ~">"`; `=>` is the connective.
    const next = start[i + 1];
    if (next === '>') return { kind: 'continuation', relation: { op: '⇒', range: [i, i + 2] } };
    return { kind: 'continuation', relation: { op: '=', range: next === '=' ? [i, i + 2] : [i, i + 1] } };
  }
  const single = SINGLE_RELATIONS.get(c);
  if (single !== undefined) return { kind: 'continuation', relation: { op: single, range: [i, i + 1] } };
  if (c < 'a' || c > 'z' || !LEAD_LETTERS.has(c)) return HEAD_START.test(c) ? { kind: 'head' } : null;
  // (A non-ASCII letter after the keyword, or `step`/`base`, is left to the grammar.)
  const word = STATEMENT_WORD.exec(start.slice(i));
  return word !== null && /^[\x00-\x7F]?$/u.test(start.charAt(i + word[0].length)) ? { kind: 'statement', keyword: word[0] } : null;
}

/** How a line starts (only its first characters are looked at; the base language suffices). */
export function classify(code: string): Lead {
  const start = code.slice(0, LEAD_LENGTH);
  return classifyQuickly(start) ?? classifyByGrammar(start);
}

/** classify, by the grammar's classifying rules. */
export function classifyByGrammar(start: string): Lead {
  const statement = grammar.match(start, 'statementLead');
  if (statement.succeeded()) return { kind: 'statement', keyword: buildLine(statement) as string };
  const block = grammar.match(start, 'blockLead');
  if (block.succeeded()) return { kind: 'block', block: buildLine(block) as 'base' | 'step' };
  const relation = grammar.match(start, 'relationLead');
  if (relation.succeeded()) return { kind: 'continuation', relation: buildLine(relation) as RelationToken };
  if (unknownRelationAt(start, start.length - start.trimStart().length)) return { kind: 'continuation', relation: null };
  return { kind: 'head' };
}

