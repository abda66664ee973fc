import type {
  Chain, ChainStatement, Expr, Formula, Hint, Range, Show, Statement, Step,
} from '../ast.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import type {
  BlockPart, ContinuationPart, HeadPart, LinkPart, RelationToken, StatementPart,
} from './line-ast.js';

/**
 * The second pass: lines → statements. Chains are built from a head line and the lines
 * that continue it; a chain right after a `show` (comment lines between are fine, a blank
 * line is not) is that show's chain, a chain after `base:` / `step:` is that block's, and
 * any other chain is a ChainStatement.
 */

/** One classified line; `part` is null when the line did not parse (its error is reported). */
export type LineRecord =
  | { readonly kind: 'blank' | 'comment' }
  | { readonly kind: 'statement'; readonly part: StatementPart | null }
  | { readonly kind: 'block'; readonly block: 'base' | 'step'; readonly range: Range; readonly part: BlockPart | null }
  | { readonly kind: 'head'; readonly range: Range; readonly part: HeadPart | null }
  | {
    readonly kind: 'continuation'; readonly range: Range; readonly part: ContinuationPart | null;
    /** The leading relation, known even when the line failed (null for an unknown relation). */
    readonly lead: RelationToken | null;
  };

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ContinuationRecord = Extract<LineRecord, { kind: 'continuation' }>;

/** Where a chain goes when it is complete. */
type Owner =
  | { readonly kind: 'statement' }
  | { readonly kind: 'show'; readonly show: Mutable<Show> }
  | { readonly kind: 'block'; readonly block: 'base' | 'step'; readonly show: Mutable<Show> };

interface OpenChain {
  readonly owner: Owner;
  readonly head: HeadPart | null;
  readonly headRange: Range;
  readonly lines: ContinuationRecord[];
}

interface Induction {
  readonly show: Mutable<Show>;
  hasBase: boolean;
  hasStep: boolean;
}

function isConnective(op: string): boolean {
  return op === '⇔' || op === '⇒';
}

function stepOf(rel: RelationToken, rhs: Expr | Formula | null, range: Range, hint: Hint | null, limit: Step['limit']): Step {
  return { kind: 'Step', rel: rel.op, relRange: rel.range, rhs, hint, limit, range };
}

/** The steps of one continuation line: one per relation; the hint and limit go to the last. */
function continuationSteps(record: ContinuationRecord): Step[] {
  const { part, lead, range } = record;
  if (part === null) {
    // A line that did not parse is one step with no right side; an unknown relation keeps
    // its place with '=' (the step is an error either way).
    return [stepOf(lead ?? { op: '=', range: [range[0], range[0] + 1] }, null, range, null, null)];
  }
  return part.links.map((link: LinkPart, i) => {
    const last = i === part.links.length - 1;
    return stepOf(link.rel, link.rhs, link.range, last ? part.hint : null, last ? limitOf(part.limit) : null);
  });
}

function limitOf(limit: HeadPart['limit']): Step['limit'] {
  return limit ? { wrt: limit.wrt, to: limit.to } : null;
}

/** Assembles line records into statements, reporting misplaced lines. */
export function assemble(records: readonly LineRecord[]): { statements: Statement[]; diagnostics: Diagnostic[] } {
  const statements: Statement[] = [];
  const diagnostics: Diagnostic[] = [];
  // In an object so that TypeScript sees the closures below change it.
  const open: { chain: OpenChain | null } = { chain: null };
  /** A show whose chain may start on the next line. */
  let awaitingShow: Mutable<Show> | null = null;
  /** A `base:` / `step:` whose chain has not started yet. */
  let awaitingBlock: { block: 'base' | 'step'; range: Range; show: Mutable<Show> } | null = null;
  let induction: Induction | null = null;

  const closeChain = () => {
    if (open.chain) finishChain(open.chain);
    open.chain = null;
  };

  const finishChain = (finished: OpenChain) => {
    const built = buildChain(finished, diagnostics);
    const { owner } = finished;
    if (owner.kind === 'show') owner.show.chain = built;
    else if (owner.kind === 'block') owner.show[owner.block] = built;
    else statements.push({ kind: 'ChainStatement', chain: built, range: built.range } satisfies ChainStatement);
  };

  const reportEmptyBlock = () => {
    if (awaitingBlock) {
      diagnostics.push(diagnostic('empty-block', { block: awaitingBlock.block }, awaitingBlock.range));
    }
    awaitingBlock = null;
  };

  const openChain = (head: HeadPart | null, headRange: Range) => {
    closeChain();
    let owner: Owner = { kind: 'statement' };
    if (awaitingBlock) owner = { kind: 'block', block: awaitingBlock.block, show: awaitingBlock.show };
    else if (awaitingShow) owner = { kind: 'show', show: awaitingShow };
    awaitingBlock = null;
    awaitingShow = null;
    open.chain = { owner, head, headRange, lines: [] };
  };

  for (const record of records) {
    switch (record.kind) {
      case 'comment':
        break;
      case 'blank':
        closeChain();
        awaitingShow = null;
        break;
      case 'statement': {
        closeChain();
        reportEmptyBlock();
        awaitingShow = null;
        induction = null;
        const { part } = record;
        if (part === null) break;
        if (part.kind === 'Show') {
          const show: Mutable<Show> = { ...part };
          statements.push(show);
          awaitingShow = show;
          if (show.induction) induction = { show, hasBase: false, hasStep: false };
        } else {
          statements.push(part);
        }
        break;
      }
      case 'block': {
        closeChain();
        reportEmptyBlock();
        awaitingShow = null;
        const { block, range } = record;
        if (!induction) {
          diagnostics.push(diagnostic('misplaced-block', { block }, range));
          break;
        }
        const seen = block === 'base' ? induction.hasBase : induction.hasStep;
        if (seen) {
          diagnostics.push(diagnostic('duplicate-block', { block }, range));
          break;
        }
        if (block === 'step' && !induction.hasBase) {
          diagnostics.push(diagnostic('step-before-base', {}, range));
        }
        if (block === 'base') {
          induction.hasBase = true;
          induction.show.baseRange = range;
        } else {
          induction.hasStep = true;
          induction.show.stepRange = range;
        }
        awaitingBlock = { block, range, show: induction.show };
        if (record.part?.head) openChain(record.part.head, record.part.head.range);
        break;
      }
      case 'head':
        openChain(record.part, record.range);
        break;
      case 'continuation': {
        if (open.chain) {
          open.chain.lines.push(record);
        } else {
          diagnostics.push(diagnostic('no-open-chain', { relation: record.lead?.op ?? 'a relation' }, record.lead?.range ?? record.range));
        }
        break;
      }
    }
  }
  closeChain();
  reportEmptyBlock();
  return { statements, diagnostics };
}

/** Builds a chain: a one-line `a = b ≤ c` head is split into steps unless it is a ⇔/⇒ chain. */
function buildChain(open: OpenChain, diagnostics: Diagnostic[]): Chain {
  const { head, headRange, lines } = open;
  const continuation = lines.flatMap(continuationSteps);
  const end = Math.max(headRange[1], ...lines.map((l) => l.range[1]));
  const range: Range = [headRange[0], end];
  if (head === null) return { kind: 'Chain', head: null, headHint: null, steps: continuation, range };

  const nextIsLogical = continuation.length > 0 && isConnective(continuation[0]!.rel);
  const { body } = head;
  // A one-line chain of statements, `x² = 9 ⇔ x = 3 or x = -3`: one step per ⇔ / ⇒.
  if (head.statements && (continuation.length === 0 || nextIsLogical)) {
    const links = head.statements.links;
    const split = links.map((link, i) => {
      const last = i === links.length - 1;
      return stepOf(link.rel, link.rhs, link.range, last ? head.hint : null, last ? limitOf(head.limit) : null);
    });
    return { kind: 'Chain', head: head.statements.first, headHint: null, steps: [...split, ...continuation], range };
  }
  if (body.kind === 'Compare' && head.relations.length > 0 && !nextIsLogical) {
    const split = head.relations.map((rel, i) => {
      const rhs = body.operands[i + 1]!;
      const last = i === head.relations.length - 1;
      return stepOf(rel, rhs, [rel.range[0], rhs.range[1]], last ? head.hint : null, last ? limitOf(head.limit) : null);
    });
    return { kind: 'Chain', head: body.operands[0]!, headHint: null, steps: [...split, ...continuation], range };
  }
  if (head.limit) {
    diagnostics.push(diagnostic('misplaced-limit', {}, head.limit.range));
  }
  // No line is dropped silently: a lone expression or statement has nothing to check.
  if (continuation.length === 0 && open.owner.kind === 'statement') {
    const what = body.kind === 'Compare' || body.kind === 'Logic' || body.kind === 'TagFact' ? 'a statement' : 'an expression';
    diagnostics.push(diagnostic('nothing-to-check', { what }, headRange));
  }
  return { kind: 'Chain', head: body, headHint: head.hint, steps: continuation, range };
}
