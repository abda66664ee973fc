/** Answer keys: a derivation whose `show` and `answer` lines carry `[N points]`, checked before any student. */
import { createHash } from 'node:crypto';
import type { Answer, Connective, Expr, Formula, RelOp, Show, Statement } from '../ast.js';
import { checkSourceWith } from '../check/index.js';
import type { Checker } from '../check/checker.js';
import type { Context } from '../check/sampling/point.js';
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_TIMEOUT_MS } from '../check/options.js';
import { printExpr, printFormula } from '../print.js';
import type { FileReport, Outcome } from '../result.js';
import { SourceFile } from '../source.js';
import type { ResolvedFile } from '../types/resolve.js';
import type { Scope } from '../types/scope.js';

/** One claim of the key that carries points. */
export interface KeyClaim {
  /** The quoted name students use for the same claim (`"2.2"`). */
  readonly name: string;
  readonly kind: 'show' | 'answer';
  readonly points: number;
  /** `[N points, partial]`: the share of passing steps instead of all-or-nothing. */
  readonly partial: boolean;
  /** The claim as the key writes it. */
  readonly text: string;
  readonly line: number;
  readonly section: string | null;
  /** Whether the key derives it (a chain or an induction): then a student's show must derive it too. */
  readonly derived: boolean;
}

/** A problem that makes a key unusable, placed in the key file. */
export interface KeyProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A checked key, ready to grade against (kept per process or worker: it holds the checker's contexts). */
export interface AnswerKey {
  readonly file: string;
  /** SHA-256 of the key's text: which key a grade was given against. */
  readonly sha256: string;
  readonly claims: readonly KeyClaim[];
  /** The sum of the claims' points. */
  readonly total: number;
  readonly report: FileReport;
  readonly resolved: ResolvedFile;
  readonly checker: Checker;
  /** Each claim's statement and the context it is read in, by claim name. */
  readonly statements: ReadonlyMap<string, { readonly statement: Show | Answer; readonly context: Context }>;
  /**
   * Decisions made against this key, by claim and the printed relation: the same claim written
   * the same way gets the same decision for every student (and is decided once per worker).
   */
  readonly decisions: Map<string, Outcome>;
}

/** At most this many decisions are remembered per key. */
export const MAX_DECISIONS = 20_000;

/**
 * Decides `left rel right` in a key claim's context, remembering the outcome. Decisions against
 * the key use the key's fixed seed (they are about the key, not about one student's sampling).
 */
export function decideAgainstKey(
  key: AnswerKey, context: Context, left: Expr | Formula, rel: RelOp | Connective, right: Expr | Formula,
  how: { readonly claim: string; readonly scope: Scope; readonly without: ReadonlySet<string> | 'all'; readonly deadline?: number },
): Outcome {
  const text = (x: Expr | Formula) => (x.kind === 'Compare' || x.kind === 'Logic' || x.kind === 'TagFact' ? printFormula(x) : printExpr(x));
  const without = how.without === 'all' ? '*' : [...how.without].sort().join(',');
  const id = `${how.claim}\u0000${without}\u0000${text(left)} ${rel} ${text(right)}`;
  const known = key.decisions.get(id);
  if (known) return known;
  const o = key.checker.decideIn(context, left, rel, right, {
    scope: how.scope, without: how.without, seed: DEFAULT_SEED, salt: how.claim,
    ...(how.deadline !== undefined ? { deadline: how.deadline } : {}),
  });
  // An outcome cut short by a deadline belongs to one submission only.
  if (!(o.verdict === 'unknown' && /time limit/.test(o.message)) && key.decisions.size < MAX_DECISIONS) key.decisions.set(id, o);
  return o;
}

/** Options for checking the key (its own sampling is fixed: every grade uses the same key verdicts). */
export interface KeyOptions {
  readonly samples?: number;
  readonly timeoutMs?: number;
  /**
   * The SHA-256 of this key when it was last checked (`deriv grade --check-key`): if the text
   * still has it, its steps are not decided again (one submission per container saves the time).
   */
  readonly checkedSha256?: string;
}

/** The SHA-256 of a text, in hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Checks a key and collects its claims. A key is usable only when it parses, every step and
 * show of it passes (proved or checked), and it has at least one named claim with points;
 * otherwise the problems say where and why. The key is returned whenever it could be read, so a
 * worker can grade with a key the main thread has already accepted.
 */
export async function loadKey(text: string, file: string, options: KeyOptions = {}): Promise<{ key: AnswerKey | null; problems: KeyProblem[] }> {
  const hash = sha256(text);
  const trusted = options.checkedSha256 !== undefined && options.checkedSha256.toLowerCase() === hash;
  const checked = await checkSourceWith(text, {
    file, seed: DEFAULT_SEED, samples: options.samples ?? DEFAULT_SAMPLES, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  }, true, trusted);
  const { report, resolved, checker } = checked;
  const src = new SourceFile(file, text);
  const problems: KeyProblem[] = [];
  const at = (offset: number, message: string): void => {
    const p = src.position(offset);
    problems.push({ line: p.line, column: p.column, message });
  };
  for (const d of report.diagnostics) if (d.severity === 'error') at(d.range[0], d.message);
  for (const s of report.steps) {
    if (s.verdict !== 'proved' && s.verdict !== 'checked' && !s.secondary) at(s.relRange[0], `the key's step is ${s.verdict}: ${s.message}`);
  }
  for (const sh of report.shows) {
    if (sh.verdict !== 'proved' && sh.verdict !== 'checked' && !sh.secondary) {
      at(sh.range[0], `the key's show${sh.name ? ` "${sh.name}"` : ''} is ${sh.verdict}: ${sh.message}`);
    }
  }
  if (!resolved || !checker) return { key: null, problems: problems.length > 0 ? problems : [{ line: 1, column: 1, message: 'the key could not be checked' }] };

  const claims: KeyClaim[] = [];
  const statements = new Map<string, { statement: Show | Answer; context: Context }>();
  let section: string | null = null;
  for (const st of resolved.ast.statements) {
    if (st.kind === 'Section') section = st.name;
    if ((st.kind !== 'Show' && st.kind !== 'Answer') || !st.points) continue;
    const line = src.position(st.range[0]).line;
    if (st.name === null) {
      at(st.range[0], 'a show with points needs a name, as in show "2.2" [8 points]: …, so that students can give theirs the same name');
      continue;
    }
    if (!(st.points.points > 0) || !Number.isFinite(st.points.points)) {
      at(st.points.range[0], `a claim's points must be a number above 0, not ${st.points.points}`);
      continue;
    }
    if (statements.has(st.name)) {
      at(st.range[0], `two claims of the key are named "${st.name}"; each needs its own name`);
      continue;
    }
    const context = checker.claimContexts.get(st as Statement);
    if (!context) continue;
    statements.set(st.name, { statement: st, context });
    const text = st.kind === 'Show' ? sliceOf(src.text, st.claim.range) : st.claims.map((c) => sliceOf(src.text, c.range)).join(', ');
    claims.push({
      name: st.name, kind: st.kind === 'Show' ? 'show' : 'answer', points: st.points.points, partial: st.points.partial,
      text, line, section, derived: st.kind === 'Show' && (st.chain !== null || st.induction !== null),
    });
  }
  if (claims.length === 0 && problems.length === 0) {
    problems.push({ line: 1, column: 1, message: 'the key gives no points: put [N points] on its shows and answers, as in show "2.2" [8 points]: …' });
  }
  const total = claims.reduce((s, c) => s + c.points, 0);
  return {
    key: claims.length > 0 ? { file, sha256: hash, claims, total, report, resolved, checker, statements, decisions: new Map() } : null,
    problems: problems.sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

/** The source text of a range, on one line. */
export function sliceOf(text: string, range: readonly [number, number]): string {
  return text.slice(range[0], range[1]).replace(/\s+/g, ' ').trim();
}
