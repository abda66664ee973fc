import type {
  Answer, Assume, Chain, Declare, Define, Derivation, Formula, Hint, HintItem, Range, Show, Step,
} from '../ast.js';
import { latexExpr, latexFormula, latexMath, latexName, latexRelation, latexSpace } from '../print/latex.js';

/**
 * A derivation laid out for typesetting, shared by the LaTeX and HTML outputs: what is
 * said in sentences (declarations, assumptions, definitions, claims) and what is set as
 * aligned chains. Math is LaTeX (from print/latex.ts); text is plain and each output
 * escapes it its own way.
 */

/** A piece of running text: plain text, or LaTeX math. */
export type RichPart = string | { readonly math: string };
/** Running text with math in it, e.g. `['Assume ', {math: '0 < \\beta < 1'}, '.']`. */
export type Rich = readonly RichPart[];

/** One block of the typeset document, in file order. */
export type Block =
  | { readonly kind: 'title'; readonly text: string; readonly range: Range }
  | { readonly kind: 'section'; readonly name: string; readonly range: Range }
  /** Declarations, assumptions and definitions in a row, as sentences. */
  | { readonly kind: 'paragraph'; readonly sentences: readonly Rich[]; readonly range: Range }
  /** A `show` (with its chains after it) or an `answer`. */
  | { readonly kind: 'claim'; readonly label: string; readonly statement: Rich; readonly show: Show | null; readonly range: Range }
  /** A chain; `caption` for the base case and inductive step of an induction. */
  | { readonly kind: 'chain'; readonly chain: Chain; readonly caption: string | null };

/** One row of a chain as set: the first expression (first row only), the relation and right side, the justification. */
export interface ChainRow {
  /** The step of this row; null for a first expression that stands on a row of its own. */
  readonly step: Step | null;
  /** The chain's first expression (LaTeX), on the first row; null on the others. */
  readonly lhs: string | null;
  /**
   * The first row of a chain of statements (`⇔`, `⇒`): the first statement stands alone,
   * set where the right sides go, and each following row starts with its relation.
   */
  readonly statementHead: boolean;
  /** The relation and right side (LaTeX), e.g. `= -\delta v_t`; null on a row with only the first expression. */
  readonly rhs: string | null;
  readonly hint: Hint | null;
}

/** Joins rich texts with a separator. */
function joinRich(parts: readonly Rich[], separator: string): Rich {
  return parts.flatMap((p, i) => (i === 0 ? p : [separator, ...p]));
}

/** A formula in running text: `$H$ symmetric`, `$\varepsilon > 0$`. */
export function factRich(f: Formula): Rich {
  return f.kind === 'TagFact' ? [{ math: latexExpr(f.subject) }, ` ${f.tag}`] : [{ math: latexFormula(f) }];
}

function hintItemRich(item: HintItem): Rich {
  switch (item.kind) {
    case 'def': return ['def ', ...joinRich(item.names.map((n) => [{ math: latexName(n) }]), ', ')];
    case 'assumption': return ['assumption'];
    case 'IH': return ['IH'];
    case 'ref': return [`“${item.name}”`];
    case 'fact': return item.dividing ? ['dividing by ', ...factRich(item.formula)] : factRich(item.formula);
    case 'rule': return [item.name];
  }
}

/** A justification as running text: `by def $v$`, `since $H$ symmetric`, `by “2.2”`. */
export function hintRich(hint: Hint): Rich {
  return [`${hint.keyword} `, ...joinRich(hint.items.map(hintItemRich), ', ')];
}

/** Whether a chain's first line is a statement (`a < b`, then `⇔ …` lines) rather than an expression. */
function isStatementChain(chain: Chain): boolean {
  const { head } = chain;
  return head !== null && (head.kind === 'Compare' || head.kind === 'Logic' || head.kind === 'TagFact');
}

/**
 * The rows of a chain. An expression chain starts with its first expression and first step
 * on one row (`v_t = …`), unless the first expression carries its own justification; a
 * chain of statements starts with its first statement alone.
 */
export function chainRows(chain: Chain): ChainRow[] {
  const rows: ChainRow[] = [];
  let lhs: string | null = chain.head === null ? '\\text{(does not parse)}' : latexMath(chain.head);
  const statement = isStatementChain(chain);
  if (statement || chain.headHint !== null || chain.steps.length === 0) {
    rows.push({ step: null, lhs, statementHead: statement, rhs: null, hint: chain.headHint });
    lhs = null;
  }
  for (const step of chain.steps) {
    let rhs = `${latexRelation(step.rel)} ${step.rhs === null ? '\\text{(does not parse)}' : latexMath(step.rhs)}`;
    if (step.limit) rhs += ` \\text{ as } ${latexExpr(step.limit.wrt)} \\to ${latexExpr(step.limit.to)}`;
    rows.push({ step, lhs, statementHead: false, rhs, hint: step.hint });
    lhs = null;
  }
  return rows;
}

/** `$g_t, v_t \in \mathbb{R}^{n}$`, `$H \in \mathbb{R}^{n \times n}$ symmetric`, `$\sigma \colon \mathbb{R} \to \mathbb{R}$`. */
function declarationRich(d: Declare): Rich {
  const names = d.names.map((n) => latexName(n, d.declKind === 'function')).join(', ');
  switch (d.declKind) {
    case 'scalar': return [{ math: `${names} \\in \\mathbb{R}` }];
    case 'integer': return [{ math: `${names} \\in \\mathbb{Z}` }];
    case 'function': return [{ math: `${names} \\colon ${latexSpace(d.space)} \\to ${latexSpace(d.codomain)}` }];
    case 'vector': case 'matrix': case 'random': {
      const out: RichPart[] = [{ math: `${names} \\in ${latexSpace(d.space)}` }, ...d.tags.map((t) => ` ${t}`)];
      if (d.declKind === 'random') {
        out.push(` random${d.iid ? ', i.i.d.' : ''}`);
        if (d.facts.length > 0) out.push(', with ', ...joinRich(d.facts.map(factRich), ', '));
      }
      return out;
    }
  }
}

function assumptionRich(a: Assume): Rich[] {
  return a.conditions.map((c) => {
    const forAll: Rich = c.forAll.length > 0 ? [' for all ', ...joinRich(c.forAll.map((v) => [{ math: latexExpr(v) }]), ', ')] : [];
    return [...factRich(c.formula), ...forAll];
  });
}

function definitionRich(d: Define): Rich {
  const params = d.params ? `(${d.params.map(latexExpr).join(', ')})` : '';
  const condition: Rich = d.condition ? [' for ', { math: latexFormula(d.condition) }] : [];
  return [{ math: `${latexName(d.target, d.params !== null)}${params} = ${latexExpr(d.value)}` }, ...condition];
}

/** The claim of a show as running text: `$v_t = …$ for all $t \ge 0$, by induction on $t$`. */
function showRich(st: Show): Rich {
  const out: RichPart[] = [...factRich(st.claim)];
  if (st.limit) out.push(' as ', { math: `${latexExpr(st.limit.wrt)} \\to ${latexExpr(st.limit.to)}` });
  if (st.forAll) out.push(' for all ', { math: latexFormula(st.forAll) });
  if (st.induction) out.push(', by induction on ', { math: latexExpr(st.induction) });
  if (st.hint) out.push(', ', ...hintRich(st.hint));
  return out;
}

function answerRich(a: Answer): Rich {
  return joinRich(a.claims.map(factRich), ', ');
}

/** The word that opens a sentence of each kind of statement. */
const SENTENCE = { Declare: 'Let', Assume: 'Assume', Define: 'Define' } as const;

/**
 * Lays out a (resolved) derivation: a run of declarations, assumptions and definitions
 * becomes one paragraph of sentences (`Let …. Assume …. Define ….`); titles, sections,
 * claims and chains are blocks of their own.
 */
export function typesetDerivation(ast: Derivation): Block[] {
  const blocks: Block[] = [];
  let sentences: Rich[] = [];
  let sentence: { kind: keyof typeof SENTENCE; phrases: Rich[] } | null = null;
  let paragraphStart: number | null = null;
  let paragraphEnd = 0;

  const closeSentence = (): void => {
    if (sentence !== null) sentences.push([`${SENTENCE[sentence.kind]} `, ...joinRich(sentence.phrases, ', '), '.']);
    sentence = null;
  };
  const closeParagraph = (): void => {
    closeSentence();
    if (sentences.length > 0 && paragraphStart !== null) {
      blocks.push({ kind: 'paragraph', sentences, range: [paragraphStart, paragraphEnd] });
    }
    sentences = [];
    paragraphStart = null;
  };
  const phrase = (kind: keyof typeof SENTENCE, phrases: readonly Rich[], range: Range): void => {
    if (sentence?.kind !== kind) {
      closeSentence();
      sentence = { kind, phrases: [] };
    }
    sentence.phrases.push(...phrases);
    paragraphStart ??= range[0];
    paragraphEnd = range[1];
  };

  for (const st of ast.statements) {
    switch (st.kind) {
      case 'Declare': phrase('Declare', [declarationRich(st)], st.range); continue;
      case 'Assume': phrase('Assume', assumptionRich(st), st.range); continue;
      case 'Define': phrase('Define', [definitionRich(st)], st.range); continue;
      default: closeParagraph();
    }
    switch (st.kind) {
      case 'Title': blocks.push({ kind: 'title', text: st.text, range: st.range }); break;
      case 'Section': blocks.push({ kind: 'section', name: st.name, range: st.range }); break;
      case 'Answer':
        blocks.push({ kind: 'claim', label: `Answer “${st.name}”`, statement: answerRich(st), show: null, range: st.range });
        break;
      case 'Show':
        blocks.push({ kind: 'claim', label: st.name === null ? 'Claim' : `Claim “${st.name}”`, statement: showRich(st), show: st, range: st.range });
        if (st.chain) blocks.push({ kind: 'chain', chain: st.chain, caption: null });
        if (st.base) blocks.push({ kind: 'chain', chain: st.base, caption: 'Base case' });
        if (st.step) blocks.push({ kind: 'chain', chain: st.step, caption: 'Inductive step' });
        break;
      case 'ChainStatement': blocks.push({ kind: 'chain', chain: st.chain, caption: null }); break;
    }
  }
  closeParagraph();
  return blocks;
}
