import { MarkupKind, type Hover } from 'vscode-languageserver';
import { VERDICT_MARK } from '../report/findings.js';
import type { FileReport, ShowResult, StepResult } from '../result.js';
import type { LineIndex, PositionEncoding } from './positions.js';
import { counterexampleLines } from './report-to-lsp.js';

/** Escapes Markdown's punctuation so text from a file shows as written (and never as a link or HTML). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}

/** A fenced code block whose fence no line of `text` can close. */
function codeBlock(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

type Item = { kind: 'step'; step: StepResult; start: number; end: number } | { kind: 'show'; show: ShowResult; start: number; end: number };

/** The step or show reported on the line of `offset`: the one under it, else the nearest on that line. */
function itemAt(report: FileReport, lines: LineIndex, offset: number): Item | null {
  const line = lines.lineOf(offset);
  const items: Item[] = [
    ...report.steps.map((step): Item => ({ kind: 'step', step, start: step.relRange[0], end: Math.max(step.relRange[0], step.range[1]) })),
    ...report.shows.map((show): Item => ({ kind: 'show', show, start: show.range[0], end: show.range[1] })),
  ].filter((it) => lines.lineOf(it.start) === line);
  let best: Item | null = null;
  let bestDistance = Infinity;
  for (const it of items) {
    const distance = offset < it.start ? it.start - offset : offset > it.end ? offset - it.end : 0;
    if (distance < bestDistance) {
      best = it;
      bestDistance = distance;
    }
  }
  return best;
}

/** The hover's paragraphs for a step: verdict with method and points, reason, counterexample. */
function stepParagraphs(step: StepResult, markdown: boolean): string[] {
  const head = `${VERDICT_MARK[step.verdict]} ${step.verdict}`;
  const details = [`method: ${step.method}${step.rule ? ` (${step.rule})` : ''}`, `${step.samples} point${step.samples === 1 ? '' : 's'} sampled`];
  const out = [markdown ? `**${head}** · ${details.join(' · ')}` : `${head} · ${details.join(' · ')}`];
  if (step.message !== '') out.push(markdown ? escapeMarkdown(step.message) : step.message);
  if (step.counterexample) {
    const cx = counterexampleLines(step.counterexample).join('\n');
    out.push(markdown ? codeBlock(cx) : cx);
  }
  return out;
}

/** The hover's paragraphs for a show: its label and verdict, reason, counterexample. */
function showParagraphs(show: ShowResult, markdown: boolean): string[] {
  const label = show.name === null ? 'show' : `show "${show.name}"`;
  const head = `${VERDICT_MARK[show.verdict]} ${label}: ${show.verdict}`;
  const out = [markdown ? `**${escapeMarkdown(head)}**` : head];
  if (show.message !== '') out.push(markdown ? escapeMarkdown(show.message) : show.message);
  if (show.counterexample) {
    const cx = counterexampleLines(show.counterexample).join('\n');
    out.push(markdown ? codeBlock(cx) : cx);
  }
  return out;
}

/**
 * The hover for a position in a checked text: the verdict of the step (or show) on
 * that line, how it was reached (method, points sampled) and, for a failing one, the
 * reason and counterexample. Null where the line has no step or show.
 */
export function hoverAt(report: FileReport, lines: LineIndex, offset: number, encoding: PositionEncoding, markdown: boolean): Hover | null {
  const item = itemAt(report, lines, offset);
  if (item === null) return null;
  const paragraphs = item.kind === 'step' ? stepParagraphs(item.step, markdown) : showParagraphs(item.show, markdown);
  return {
    contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: paragraphs.join('\n\n') },
    range: lines.rangeAt(item.start, item.end, encoding),
  };
}
