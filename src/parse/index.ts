import type { Derivation, Expr, Formula, Name, Range } from '../ast.js';
import { diagnostic, type Diagnostic } from '../diagnostics.js';
import { explainFailure, MAX_NESTING, scanBrackets } from './errors.js';
import { classify, type Lead } from './classify.js';
import type {
  BlockPart, ContinuationPart, HeadPart, LinePart, StatementPart,
} from './line-ast.js';
import { splitLines, type SourceLine } from './lines.js';
import { readingWarnings } from './readings.js';
import { languageWith, namesIn, type Built, type Language } from './semantics.js';
import { declaredWords } from './words.js';
import { assemble, type LineRecord } from './structure.js';

/** Lines longer than this are not parsed (Ohm's time grows with the line). */
export const MAX_LINE_LENGTH = 20_000;

/** The line kinds that the grammar parses, and the start rule for each. */
const START_RULES = {
  statement: 'StatementLine', block: 'BlockLine', continuation: 'ContinuationLine', head: 'HeadLine',
} as const;
type ParsedKind = keyof typeof START_RULES;

/**
 * What one line's parse gave, with ranges relative to the line (so it can be cached): its
 * part and the warnings on how it was read, or the error that stopped it.
 */
type LineOutcome = { readonly part: LinePart; readonly warnings: readonly Diagnostic[] } | { readonly error: Diagnostic };

/** How a line starts, and what parsing it gave; ranges relative to the line. */
interface ParsedLine {
  readonly lead: Lead;
  readonly outcome: LineOutcome;
}

/**
 * Ohm parses about 20–50 µs per character, so distinct line text is parsed once per file
 * (a repeated line comes from the cache) and at most this much of it: a larger file gets an
 * error at the first line past the budget instead of a parse that takes minutes.
 */
export const MAX_PARSED_CHARACTERS = 200_000;

/** The per-file state of line parsing. */
interface LineParser {
  /** The grammar with the file's declared words. */
  readonly language: Language;
  readonly cache: Map<string, ParsedLine>;
  parsedCharacters: number;
  readonly diagnostics: Diagnostic[];
  readonly brokenDefinitions: BrokenDefinition[];
  readonly brokenAssumptions: Range[];
  /** Leads already classified (derivationParts reads every line's first), by the line's code. */
  readonly leads?: ReadonlyMap<string, Lead>;
}

/** The target of a `define` line that did not parse (`define y = (1 +`): a step that reads it is not checked. */
export interface BrokenDefinition {
  readonly target: Name;
  /** The line's range in the file. */
  readonly range: Range;
  /** A name a declaration (`matrix M in …`) that did not parse was declaring, not a `define`'s target. */
  readonly declaration?: boolean;
}

/** `define NAME …` up to its `=`, `:=`, `≔`, `≜`, `\coloneqq` or parameter list: the name's text and offset. */
const DEFINE_TARGET = /^(\s*define\s+)(.*?)\s*(?:=|:=|≔|≜|\\coloneqq|\(|$)/u;

/** The target of a `define` line that did not parse, read by the grammar, or null. */
/** `matrix A, B in …`, `vector x : …`: the keyword and the names before `in`, `:` or the end. */
const DECLARED_NAMES = /^(\s*(?:scalar|integer|vector|matrix|function|random)\s+)(.*?)\s*(?:\bin\b|∈|:|\\in\b|$)/u;

/** The names a declaration line that did not parse was declaring (those that read as names). */
function brokenDeclared(code: string, start: number, language: Language): Name[] {
  const m = DECLARED_NAMES.exec(code);
  if (!m || m[2] === undefined || m[2].length > 400) return [];
  const out: Name[] = [];
  let offset = start + m[1]!.length;
  for (const part of m[2].split(',')) {
    const lead = part.length - part.trimStart().length;
    const text = part.trim();
    if (text !== '' && text.length <= 100) {
      const parsed = parseWithRule(text, 'ExprLine', null, language);
      if ('value' in parsed && (parsed.value as Expr).kind === 'Var') out.push(shift(((parsed.value as Expr) as Expr & { kind: 'Var' }).name, offset + lead));
    }
    offset += part.length + 1;
  }
  return out;
}

function brokenTargets(code: string, start: number, language: Language): Name[] {
  const m = DEFINE_TARGET.exec(code);
  if (!m || m[2] === undefined || m[2].trim() === '' || m[2].length > 200) return [];
  const parsed = parseWithRule(m[2], 'ExprLine', null, language);
  if (!('value' in parsed)) return [];
  const e = parsed.value as Expr;
  if (e.kind === 'Var') return [shift(e.name, start + m[1]!.length)];
  // (A target that reads as a product, `u_new` as u_n·e·w: every name in it, since the steps
  // that meant the target read them the same way; u_new was left free, and a right step about
  // it refuted.)
  return namesIn(e).slice(0, 8).map((n) => shift(n, start + m[1]!.length));
}

/** Adds `offset` to every range in a value built from one line (a deep copy). */
function shift<T>(value: T, offset: number): T {
  return mapRanges(value, (x) => x + offset);
}

/** The language without declared words (for single expressions and formulas). */
const BASE_LANGUAGE: Language = languageWith([]);

type StartRule = (typeof START_RULES)[ParsedKind] | 'ExprLine' | 'FormulaLine';

/**
 * Parses text with a start rule; a failure is explained in words. Ranges are offsets into
 * `code`. `keyword` is the statement keyword, for messages.
 */
function parseWithRule(code: string, rule: StartRule, keyword: string | null, language: Language = BASE_LANGUAGE): { value: Built; warnings?: Diagnostic[] } | { error: Diagnostic } {
  const first = parseOnce(code, rule, keyword, language);
  if (!('error' in first)) return first;
  // A bar followed by a space after a factor is read as a closing bar (`‖w ‖ x`): where that
  // reading fails there, it opens one (`2 ‖ w ‖²`, `λ \| w \|^2`, `b | a |`, pasted LaTeX's
  // `\frac{1}{2} \| X w - y \|^2`), read with the spaces after it left out. Only a line that
  // does not parse otherwise is read so (red team rt130).
  let text = code;
  /** Where spaces were left out (offsets into the text of that moment) and how many, in order. */
  const cuts: [number, number][] = [];
  let failedAt = first.error.range[0];
  for (let tries = 0; tries < 8; tries++) {
    const m = OPENING_BAR.exec(text.slice(failedAt));
    if (!m) break;
    const from = failedAt + m[1]!.length;
    text = text.slice(0, from) + text.slice(from + m[2]!.length);
    cuts.push([from, m[2]!.length]);
    const again = parseOnce(text, rule, keyword, language);
    if (!('error' in again)) {
      const value = mapRanges(again.value, (x, end) => restore(x, end, cuts));
      // (With more than one pair of such bars they may pair otherwise, `| a | b | c |` as
      // |a| b |c| or |a |b| c|: said, red team rt131.)
      const paired = pairedInOrder(code, barsLike(m[1]!), (t) => !('error' in parseOnce(t, rule, keyword, language)));
      if (paired === null) return { value };
      const start = code.length - code.trimStart().length;
      return { value, warnings: [diagnostic('spaced-bars', { written: code.trim(), reading: paired }, [start, code.trimEnd().length])] };
    }
    failedAt = again.error.range[0];
  }
  return first;
}

/**
 * Whether a line's bars of one kind may pair otherwise than in order (1st with 2nd, 3rd with
 * 4th, …), and the line with the spaces inside each pair left out (`|a| b |c|`) as the reading
 * to name: where two pairs stand side by side with no operator between them (`| a | b | c |`),
 * or, with four bars, where the line also reads with them nested (`| a | b - c | e |` as
 * |a |b - c| e|: `reads` tries it). Null where there is one pair only, or no other pairing reads.
 */
function pairedInOrder(code: string, bars: RegExp, reads: (text: string) => boolean): string | null {
  const at = [...code.matchAll(bars)].map((x) => ({ i: x.index!, n: x[0].length }));
  if (at.length < 4 || at.length % 2 !== 0) return null;
  /** The line with the spaces inside the pairs left out, bar k opening a pair where `opening(k)`, closing one elsewhere. */
  const tightened = (opening: (k: number) => boolean): string => {
    let out = '';
    let from = 0;
    at.forEach((b, k) => {
      const end = b.i + b.n;
      out += opening(k) ? code.slice(from, end) : code.slice(from, b.i).trimEnd() + code.slice(b.i, end);
      from = end;
      if (opening(k)) while (from < code.length && /\s/u.test(code[from]!)) from++;
    });
    return (out + code.slice(from)).trim();
  };
  const inOrder = tightened((k) => k % 2 === 0);
  let side = false;
  for (let k = 1; k + 1 < at.length; k += 2) {
    const between = code.slice(at[k]!.i + at[k]!.n, at[k + 1]!.i);
    if (!/[-+=<>≤≥≠,−]/u.test(between)) side = true;
  }
  if (side) return inOrder;
  return at.length === 4 && reads(tightened((k) => k < 2)) ? inOrder : null;
}

/** Every bar of the same kind as one written so (‖ and \| and \Vert alike; | alone). */
const barsLike = (bar: string): RegExp => (bar === '|' ? /(?<![|\\])\|(?!\|)/gu : /‖|\\\||\\Vert(?![A-Za-z])|\|\|/gu);

/** A bar that may open a norm or absolute value, and the spaces after it. */
const OPENING_BAR = /^(‖|\\\||\\Vert(?![A-Za-z])|\|\||\|)([ \t]+)(?=\S)/u;

/** An offset into a text with spaces left out (`cuts`, in the order they were made) as one into the text before: a range's start after a cut moves past the spaces, its end only if it ends after them. */
function restore(x: number, end: boolean, cuts: readonly [number, number][]): number {
  for (let i = cuts.length - 1; i >= 0; i--) {
    const [at, n] = cuts[i]!;
    if (end ? x > at : x >= at) x += n;
  }
  return x;
}

/** A copy of a value built from one line with every range's ends moved by `f` (its second argument: whether the offset is an end). */
function mapRanges<T>(value: T, f: (x: number, end: boolean) => number): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map((v: unknown) => mapRanges(v, f)) as T;
  // (Object.keys, not Object.entries: no pair array per key; this copies every node of every line.)
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const v = source[key];
    out[key] = key === 'range' && Array.isArray(v) ? [f(v[0], false), f(v[1], true)] : mapRanges(v, f);
  }
  return out as T;
}

/** parseWithRule's one attempt. */
function parseOnce(code: string, rule: StartRule, keyword: string | null, language: Language): { value: Built } | { error: Diagnostic } {
  const tooDeepAt = scanBrackets(code).tooDeepAt;
  if (tooDeepAt !== null) return { error: diagnostic('too-deep', { limit: MAX_NESTING }, [tooDeepAt, tooDeepAt + 1]) };
  try {
    const result = language.match(code, rule);
    if (result.failed()) return { error: explainFailure({ code, keyword }, result) };
    const value = language.build(result);
    // A line of thousands of terms (or ⁻¹ after ⁻¹) builds a tree as deep: past this, the
    // checker's and the typesetters' walks would overflow the stack. Said here, at the line.
    if (depthOf(value) > MAX_EXPRESSION_DEPTH) {
      const start = code.length - code.trimStart().length;
      return { error: diagnostic('too-deep', { operations: MAX_EXPRESSION_DEPTH }, [start, code.trimEnd().length]) };
    }
    return { value };
  } catch (error) {
    return { error: lineCrash(error, code) };
  }
}

/** The most operations one expression may hold inside one another (a sum of 1,000 terms is 1,000 deep). */
export const MAX_EXPRESSION_DEPTH = 1000;

/** How deep the nodes (objects with a `kind`) of a built line (or a whole parsed file) nest; computed without recursion. */
export function depthOf(value: unknown): number {
  let max = 0;
  // (Two stacks and `for…in`, not a pair per node and Object.values: asked of every line, the
  // allocations were most of its time.)
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const d = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    const array = Array.isArray(v);
    const depth = !array && 'kind' in v ? d + 1 : d;
    if (depth > max) max = depth;
    if (max > MAX_EXPRESSION_DEPTH) return max;
    if (array) {
      for (const child of v as unknown[]) {
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth);
        }
      }
    } else {
      for (const key in v) {
        if (!Object.hasOwn(v, key)) continue;
        const child = (v as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth);
        }
      }
    }
  }
  return max;
}

/**
 * Parses a line of a known kind. A chain line whose only error is in its justification
 * (`= 2a   by <b>magic</b>`, `by def`, `by linearity,`) is read without it, with the error as
 * a warning: a hint only says what to try first (LANGUAGE.md §2), and the step, and the line
 * after it, were lost to a typo in the words after `by`. A broken fact stays an error.
 */
function parseLine(code: string, kind: ParsedKind, keyword: string | null, language: Language): LineOutcome {
  const parsed = parseWithRule(code, START_RULES[kind], keyword, language);
  if ('value' in parsed) return { part: parsed.value as LinePart, warnings: [...(parsed.warnings ?? []), ...readingWarnings(parsed.value, code)] };
  const hint = kind === 'continuation' || kind === 'head' || (kind === 'statement' && keyword === 'show') ? hintStartOf(code) : null;
  if (hint === null || parsed.error.range[0] < hint) return parsed;
  const after = code.slice(hint).replace(/^(?:by|since)\s*/u, '');
  // (Not where an equation goes on after `by`: `x \text{by} = 1` is a misplaced word, not a
  // justification; nor a show's `by induction on t`, which its blocks need.)
  if (/^(?:[=≤≥≠⇔⇒→]|<=|>=|=>|->)/u.test(after) || /^induction\b/u.test(after)) return parsed;
  // (Nor a fact that did not parse, `by a = b +`: the step may need it, and checked without it
  // a right step would be refuted; it stays an error at its place.)
  if (/[=≤≥≠]|<=|>=/u.test(after)) return parsed;
  const bare = parseWithRule(code.slice(0, hint), START_RULES[kind], keyword, language);
  if (!('value' in bare)) return parsed;
  // (At the place it went wrong, as the error was.)
  const unread = diagnostic('justification-unread', { detail: parsed.error.message }, parsed.error.range);
  return { part: bare.value as LinePart, warnings: [...readingWarnings(bare.value, code), unread] };
}

/** Where a line's justification starts: its first `by` or `since` as a word, outside quotes (they never start an expression). */
function hintStartOf(code: string): number | null {
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') quoted = !quoted;
    if (quoted || c === '#') {
      if (c === '#') return null;
      continue;
    }
    const m = /^(?:by|since)(?=\s|$)/u.exec(code.slice(i, i + 6));
    if (m && (i === 0 || /\s/u.test(code[i - 1]!))) return i;
  }
  return null;
}

/** A crash while parsing one line, as a diagnostic at the line's start. */
function lineCrash(error: unknown, code: string): Diagnostic {
  const start = code.length - code.trimStart().length;
  return lineCrashAt(error, [start, Math.min(start + 1, code.length)]);
}

/** Classifies and parses a line's code (not yet seen in this file); ranges relative to the line. */
function parseCode(code: string, lineLength: number, parser: LineParser): ParsedLine {
  const lead = parser.leads?.get(code) ?? classify(code);
  const contentStart = code.length - code.trimStart().length;
  const at: Range = [contentStart, contentStart + 1];
  if (lineLength > MAX_LINE_LENGTH) {
    return { lead, outcome: { error: diagnostic('line-too-long', { length: lineLength, limit: MAX_LINE_LENGTH }, at) } };
  }
  parser.parsedCharacters += code.length;
  return { lead, outcome: parseLine(code, lead.kind, lead.kind === 'statement' ? lead.keyword : null, parser.language) };
}

/** The record for a line: parsed (from the cache when the same text was seen before) and shifted. */
/**
 * recordLine, but a crash (a stack overflow on a pathologically deep line) costs only
 * that line: it is recorded as a line that did not parse, with a located diagnostic.
 */
function recordLineSafely(line: SourceLine, parser: LineParser): LineRecord | 'over-budget' {
  try {
    return recordLine(line, parser);
  } catch (error) {
    const lead = line.code.length - line.code.trimStart().length;
    const at: Range = [line.start + lead, line.start + Math.min(lead + 1, line.code.length)];
    parser.diagnostics.push(lineCrashAt(error, at));
    const range: Range = [line.start + lead, line.start + line.code.trimEnd().length];
    // A line that starts with a relation still continues its chain, as a step that did not parse.
    return /^\s*(=|≤|≥|<|>|≠|⇔|⇒|→|<=|>=|!=|->|=>|<=>)/.test(line.code)
      ? { kind: 'continuation', range, part: null, lead: null }
      : { kind: 'head', range, part: null };
  }
}

function lineCrashAt(error: unknown, range: Range): Diagnostic {
  if (error instanceof RangeError) return diagnostic('too-deep', {}, range);
  return diagnostic('internal-error', { detail: error instanceof Error ? error.message : String(error) }, range);
}

function recordLine(line: SourceLine, parser: LineParser): LineRecord | 'over-budget' {
  const { code, start } = line;
  if (code.trim() === '') return { kind: line.hasComment ? 'comment' : 'blank' };
  const tooLong = line.text.length > MAX_LINE_LENGTH;
  const cached = tooLong ? undefined : parser.cache.get(code);
  if (cached === undefined && !tooLong && parser.parsedCharacters + code.length > MAX_PARSED_CHARACTERS) return 'over-budget';
  const parsed = cached ?? parseCode(code, line.text.length, parser);
  if (cached === undefined) parser.cache.set(code, parsed);
  const { lead, outcome } = parsed;
  const range: Range = [start + code.length - code.trimStart().length, start + code.trimEnd().length];
  const part = 'part' in outcome ? shift(outcome.part, start) : null;
  if ('error' in outcome) {
    parser.diagnostics.push(shift(outcome.error, start));
    if (lead.kind === 'statement' && lead.keyword === 'define') {
      for (const target of brokenTargets(code, start, parser.language)) parser.brokenDefinitions.push({ target, range });
    }
    // (A declaration that did not parse leaves its names undeclared, read as scalars: a step
    // about `matrix M in R^{(n+1)×n}` was refuted at M = 1. What reads them is not checked.)
    for (const target of brokenDeclared(code, start, parser.language)) parser.brokenDefinitions.push({ target, range, declaration: true });
    if (lead.kind === 'statement' && lead.keyword === 'assume') parser.brokenAssumptions.push(range);
  } else for (const w of outcome.warnings) parser.diagnostics.push(shift(w, start));

  // The lead decides the start rule, so it decides what kind of part the line gave.
  switch (lead.kind) {
    case 'statement':
      return { kind: 'statement', part: part as StatementPart | null };
    case 'block': {
      const block = part as BlockPart | null;
      return { kind: 'block', block: lead.block, range: block?.range ?? range, part: block };
    }
    case 'head':
      return { kind: 'head', range, part: part as HeadPart | null };
    case 'continuation':
      return { kind: 'continuation', range, part: part as ContinuationPart | null, lead: lead.relation && shift(lead.relation, start) };
  }
}

/** The first NUL or U+FFFD (a replacement for invalid UTF-8): the file is not text. */
function binaryAt(text: string): number {
  const nul = text.indexOf('\u0000');
  const replacement = text.indexOf('\uFFFD');
  if (nul < 0) return replacement;
  return replacement < 0 ? nul : Math.min(nul, replacement);
}

function emptyDerivation(text: string): Derivation {
  return { kind: 'Derivation', statements: [], range: [0, text.length] };
}

/** A parsed `.deriv` file: plain data (it crosses to a worker thread by structured clone). */
export interface ParsedDerivation {
  readonly ast: Derivation;
  readonly diagnostics: Diagnostic[];
  /** `define` lines that did not parse, by their target (the checker does not check what reads them). */
  readonly brokenDefinitions?: readonly BrokenDefinition[];
  /** `assume` lines that did not parse (their ranges): a refutation in their scope is no counterexample. */
  readonly brokenAssumptions?: readonly Range[];
  /** A part of a file (derivationParts): its report says how it read names no declaration gives (FileReport.undeclared). */
  readonly part?: boolean;
}

/**
 * Characters read as another of the language's, one for one (so every offset stays): ∥ (the
 * parallel sign) as ‖, ⊺ (intercal) as ᵀ, ∗ (asterisk operator) as ·, the full-width − and
 * the slanted ≦ ≧ as − ≤ ≥, and ∆ (increment, U+2206, as macOS types it) as the letter Δ
 * (U+0394): the two look the same. They come from Word, PDFs and other fonts' math.
 */
const ALIASES: Readonly<Record<string, string>> = { '\u2225': '\u2016', '\u22BA': '\u1D40', '\u2217': '\u00B7', '\uFF0D': '\u2212', '\u2266': '\u2264', '\u2267': '\u2265', '\u2206': '\u0394' };
const ALIASED = /[\u2225\u22BA\u2217\uFF0D\u2266\u2267\u2206]/u;
/** The characters to read as others, and quoted text, which is kept as written (`title "x∗y"`). */
const ALIASED_OR_QUOTED = /"[^"\n\r]*"|[\u2225\u22BA\u2217\uFF0D\u2266\u2267\u2206]/gu;

function aliasCharacters(text: string): string {
  return ALIASED.test(text) ? text.replace(ALIASED_OR_QUOTED, (m) => ALIASES[m] ?? m) : text;
}

/** Parses a `.deriv` file. Never throws: every problem, even an internal one, is a diagnostic. */
export function parseDerivation(source: string): ParsedDerivation {
  const text = aliasCharacters(source);
  try {
    const binary = binaryAt(text);
    if (binary >= 0) {
      return { ast: emptyDerivation(text), diagnostics: [diagnostic('binary-file', undefined, [binary, binary + 1])] };
    }
    const lines = splitLines(text);
    const language = languageWith(declaredWords(lines.map((l) => l.code)));
    const parser: LineParser = { language, cache: new Map(), parsedCharacters: 0, diagnostics: [], brokenDefinitions: [], brokenAssumptions: [] };
    const records: LineRecord[] = [];
    for (const line of lines) {
      const record = recordLineSafely(line, parser);
      if (record === 'over-budget') {
        parser.diagnostics.push(diagnostic('file-too-large', { limit: MAX_PARSED_CHARACTERS }, [line.start, line.start]));
        break;
      }
      records.push(record);
    }
    if (records.every((r) => r.kind === 'blank' || r.kind === 'comment')) {
      return { ast: emptyDerivation(text), diagnostics: [diagnostic('empty-file', undefined, [0, 0])] };
    }
    const assembled = assemble(records);
    const all = [...parser.diagnostics, ...assembled.diagnostics].sort((a, b) => a.range[0] - b.range[0]);
    return { ast: { kind: 'Derivation', statements: assembled.statements, range: [0, text.length] }, diagnostics: all, brokenDefinitions: parser.brokenDefinitions, brokenAssumptions: parser.brokenAssumptions };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ast: emptyDerivation(text), diagnostics: [diagnostic('internal-error', { detail }, [0, 0])] };
  }
}

/** The statements a file's context may hold for it to be parsed in parts (no show, answer or section). */
const CONTEXT_KEYWORDS: ReadonlySet<string> = new Set(['title', 'scalar', 'integer', 'vector', 'matrix', 'function', 'random', 'assume', 'define']);

/** Lines of chains a file needs after its context before it is parsed in parts (derivationParts). */
const PART_MIN_LINES = 120;
/** The first part's chain lines (the worker starts on it early), doubled for each next part up to the most. */
const FIRST_PART_LINES = 16;
const MOST_PART_LINES = 128;

/** A file parsed in parts (derivationParts): where its context ends, and the parts, parsed as they are taken. */
export interface DerivationParts {
  /** The offset of the file's first chain: everything before it is the context every part holds. */
  readonly contextEnd: number;
  readonly parts: Iterable<ParsedDerivation>;
}

/**
 * A long file whose context (the lines before its first chain) only declares, defines and
 * assumes, and which holds chains and nothing else after it, parsed in parts: each part is the
 * context and a run of whole chains (cut at blank lines, where a chain ends), a file of its own
 * with the whole file's offsets. A step is decided from its scope and its own chain, and in such
 * a file nothing else reaches across chains — but for a name no declaration gives, which the
 * resolver brings into scope at its first use (the CLI then checks the file whole:
 * src/check/isolated.ts, src/check/parts.ts) — so the parts can be checked one by one while the
 * next is parsed. Each line is parsed once (the context's records are reused), with the whole
 * file's declared words, each line's kind read as the parser reads it. Null for any other file:
 * a show, answer or section anywhere, a line after the first chain that is not a chain's line,
 * a comment or blank, no chain, too few chain lines to pay, too long.
 */
export function derivationParts(source: string): DerivationParts | null {
  const text = aliasCharacters(source);
  if (text.length > MAX_PARSED_CHARACTERS || binaryAt(text) >= 0) return null;
  const lines = splitLines(text);
  // (A line with only a comment does not end a chain, a blank one does: parts are cut after blank
  // ones only. Each line's lead as the parser reads it, `classify`.)
  const leads = lines.map((l): Lead | 'blank' | 'comment' => (l.code.trim() === '' ? (l.hasComment ? 'comment' : 'blank') : classify(l.code)));
  const kinds = leads.map((l) => (typeof l === 'string' ? l : l.kind));
  const first = kinds.indexOf('head');
  if (first < 0 || lines.length - first < PART_MIN_LINES) return null;
  // The context declares, defines and assumes only: a show there (or its blocks) would be
  // checked once per part.
  for (let i = 0; i < first; i++) {
    const lead = leads[i]!;
    if (typeof lead !== 'string' && (lead.kind !== 'statement' || !CONTEXT_KEYWORDS.has(lead.keyword))) return null;
  }
  for (let i = first; i < lines.length; i++) if (!['blank', 'comment', 'head', 'continuation'].includes(kinds[i]!)) return null;
  const known = new Map<string, Lead>();
  lines.forEach((l, i) => { const lead = leads[i]!; if (typeof lead !== 'string') known.set(l.code, lead); });
  return { contextEnd: lines[first]!.start, parts: partsOf(text, lines, kinds, first, known) };
}

function* partsOf(text: string, lines: readonly SourceLine[], kinds: readonly string[], first: number, leads: ReadonlyMap<string, Lead>): Generator<ParsedDerivation> {
  const language = languageWith(declaredWords(lines.map((l) => l.code)));
  const parser: LineParser = { language, cache: new Map(), parsedCharacters: 0, diagnostics: [], brokenDefinitions: [], brokenAssumptions: [], leads };
  const record = (line: SourceLine): LineRecord => {
    const r = recordLineSafely(line, parser);
    // (Not reached: the file is shorter than the budget.)
    if (r === 'over-budget') throw new Error('a file parsed in parts ran over the parse budget');
    return r;
  };
  const context = lines.slice(0, first).map(record);
  const mark = () => ({ diagnostics: parser.diagnostics.length, definitions: parser.brokenDefinitions.length, assumptions: parser.brokenAssumptions.length });
  const contextMark = mark();
  let size = FIRST_PART_LINES;
  for (let from = first; from < lines.length;) {
    // At least `size` lines, then on to the line after a blank one.
    let to = Math.min(lines.length, from + size);
    while (to < lines.length && kinds[to - 1] !== 'blank') to++;
    const before = mark();
    const records = lines.slice(from, to).map(record);
    const assembled = assemble([...context, { kind: 'blank' }, ...records]);
    const diagnostics = [...parser.diagnostics.slice(0, contextMark.diagnostics), ...parser.diagnostics.slice(before.diagnostics), ...assembled.diagnostics]
      .sort((a, b) => a.range[0] - b.range[0]);
    yield {
      ast: { kind: 'Derivation', statements: assembled.statements, range: [0, text.length] },
      diagnostics,
      brokenDefinitions: [...parser.brokenDefinitions.slice(0, contextMark.definitions), ...parser.brokenDefinitions.slice(before.definitions)],
      brokenAssumptions: [...parser.brokenAssumptions.slice(0, contextMark.assumptions), ...parser.brokenAssumptions.slice(before.assumptions)],
      part: true,
    };
    from = to;
    size = Math.min(MOST_PART_LINES, size * 2);
  }
}

/**
 * Parses one expression (e.g. `β v_{t-1} + (1-β) g_t`); ranges index `text`. `words` are
 * declared words to read as names (`lr_max`), as a file's declarations would. Never throws.
 */
export function parseExpression(text: string, words: readonly string[] = []): { expr: Expr | null; diagnostics: Diagnostic[] } {
  const parsed = parseWithRule(aliasCharacters(text), 'ExprLine', null, languageWith(words));
  return 'value' in parsed ? { expr: parsed.value as Expr, diagnostics: [] } : { expr: null, diagnostics: [parsed.error] };
}

/** Parses one formula (`0 < β < 1`, `a < b ⇔ c < d`, `H symmetric`); ranges index `text`; `words` as for parseExpression. Never throws. */
export function parseFormula(text: string, words: readonly string[] = []): { formula: Formula | null; diagnostics: Diagnostic[] } {
  const parsed = parseWithRule(aliasCharacters(text), 'FormulaLine', null, languageWith(words));
  return 'value' in parsed ? { formula: parsed.value as Formula, diagnostics: [] } : { formula: null, diagnostics: [parsed.error] };
}
