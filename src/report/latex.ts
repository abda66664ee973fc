import type { Chain, Hint, Show, Step } from '../ast.js';
import { parseDerivation } from '../parse/index.js';
import { latexText } from '../print/latex.js';
import type { FileReport, ShowResult, StepResult, Verdict } from '../result.js';
import { resolve } from '../types/resolve.js';
import { chainRows, hintRich, typesetDerivation, type Block, type Rich } from './typeset.js';

/** What `formatLatex` typesets: a file's text, and its verdicts when they are to be shown. */
export interface LatexInput {
  readonly file: string;
  readonly source: string;
  readonly steps?: FileReport['steps'];
  readonly shows?: FileReport['shows'];
}

/** Options of the LaTeX output. */
export interface LatexOptions {
  /** A margin mark per step (`\tag*{$\checkmark$}`) and per claim, from the input's verdicts. */
  readonly verdicts?: boolean;
  /** A whole document (`\documentclass{article}` … `\end{document}`), not a fragment to paste. */
  readonly standalone?: boolean;
}

/** The packages the output needs. */
export const LATEX_PACKAGES = ['amsmath', 'amssymb'] as const;

/** A verdict's margin mark, in LaTeX text mode; pdflatex sets all of them with amssymb. */
const LATEX_MARK: Readonly<Record<Verdict, string>> = {
  proved: '$\\checkmark$',
  checked: '$\\approx$',
  refuted: '$\\times$',
  unknown: '?',
  error: '!',
};

/** Margin marks for the steps of a chain, keyed by the step. */
export type StepMarks = (step: Step) => string | null;

/** Running text as LaTeX: text escaped, math in `$…$`. */
export function latexRich(rich: Rich): string {
  return rich.map((p) => (typeof p === 'string' ? latexText(p) : `$${p.math}$`)).join('');
}

/**
 * A justification as LaTeX math: `\text{by def $v$}`. Inside the `\text{…}` is the
 * justification as a `.deriv` file writes it, with its math in `$…$`.
 */
export function latexHint(hint: Hint): string {
  return `\\text{${latexRich(hintRich(hint))}}`;
}

/**
 * One chain as an `align*` block: every relation aligned (`&=`, `&\le`, `&\iff`), each
 * justification after `&& \quad`. An expression chain has its first expression and first
 * step on one row (`v_t &= …`); a chain of statements has its first statement on a row of
 * its own (`& a < b`), aligned with the statements after the `&\iff`.
 */
export function latexChain(chain: Chain, marks: StepMarks = () => null): string {
  const rows = chainRows(chain).map((row) => {
    let tex = row.statementHead ? `& ${row.lhs}` : (row.lhs ?? '');
    if (row.rhs !== null) tex += `${row.lhs === null ? '' : ' '}&${row.rhs}`;
    if (row.hint !== null) tex += ` ${row.rhs === null && !row.statementHead ? '&&&' : '&&'} \\quad ${latexHint(row.hint)}`;
    const mark = row.step === null ? null : marks(row.step);
    if (mark !== null) tex += ` \\tag*{${mark}}`;
    return tex;
  });
  return ['\\begin{align*}', ...rows.map((r, i) => `  ${r}${i < rows.length - 1 ? ' \\\\' : ''}`), '\\end{align*}'].join('\n');
}

/** The LaTeX of one block. */
function blockLatex(block: Block, stepMark: StepMarks, showMark: (show: Show) => string | null): string {
  switch (block.kind) {
    case 'title': return `\\section*{${latexText(block.text)}}`;
    case 'section': return `\\subsection*{${latexText(block.name)}}`;
    case 'paragraph': return `\\noindent ${block.sentences.map(latexRich).join('\n')}`;
    case 'claim': {
      const mark = block.show === null ? null : showMark(block.show);
      return `\\medskip\\noindent\\textbf{${latexText(block.label)}.} ${latexRich(block.statement)}.${mark === null ? '' : ` \\hfill\\mbox{${mark}}`}`;
    }
    case 'chain': {
      const chain = latexChain(block.chain, stepMark);
      return block.caption === null ? chain : `\\noindent\\emph{${latexText(block.caption)}.}\n${chain}`;
    }
  }
}

/** A file name as it may stand in a LaTeX comment: on one line. */
function commentSafe(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

/**
 * Typesets a derivation as LaTeX: a `\section*` for its title, a `\subsection*` per
 * section, declarations, assumptions and definitions as short sentences (`Let $\beta \in
 * \mathbb{R}$. Assume $0 < \beta < 1$.`), each claim in bold, and each chain as an
 * `align*` block. With `verdicts`, each step and claim gets a margin mark. Needs
 * amsmath and amssymb; lines that do not parse are shown as such.
 */
export function formatLatex(input: LatexInput, options: LatexOptions = {}): string {
  const { ast } = resolve(parseDerivation(input.source).ast);
  const verdicts = options.verdicts === true;
  const stepsAt = new Map<number, StepResult>((input.steps ?? []).map((s) => [s.relRange[0], s]));
  const showsAt = new Map<number, ShowResult>((input.shows ?? []).map((s) => [s.range[0], s]));
  const markOf = (verdict: Verdict | undefined): string | null =>
    verdict === undefined ? null : `${LATEX_MARK[verdict]}~${verdict}`;
  const stepMark: StepMarks = (step) => (verdicts ? markOf(stepsAt.get(step.relRange[0])?.verdict) : null);
  const showMark = (show: Show): string | null => (verdicts ? markOf(showsAt.get(show.range[0])?.verdict) : null);
  const blocks = typesetDerivation(ast).map((b) => blockLatex(b, stepMark, showMark));

  const header = [
    `% ${commentSafe(input.file)}, typeset by deriv render --to latex`,
    `% Needs \\usepackage{${LATEX_PACKAGES.join(',')}}.`,
  ];
  if (verdicts) {
    // The legend goes under the title, if there is one.
    const legend = '\\noindent\\textit{Marks: $\\checkmark$ proved, $\\approx$ checked at sampled points, $\\times$ refuted, ? unknown, ! error.}';
    blocks.splice(blocks[0]?.startsWith('\\section*') ? 1 : 0, 0, legend);
  }
  const body = `${blocks.join('\n\n')}\n`;
  if (!options.standalone) return `${header.join('\n')}\n\n${body}`;
  return [
    ...header,
    '\\documentclass{article}',
    `\\usepackage{${LATEX_PACKAGES.join(',')}}`,
    '\\begin{document}',
    '',
    body,
    '\\end{document}',
    '',
  ].join('\n');
}
