/**
 * Grading one submission against a checked key: each of the key's claims is found by name in
 * the student's files, compared with the key's (match.ts), its proof checked (the student's own
 * verdicts) and its premises weighed against the key's (premises.ts).
 */
import { msText } from '../deadline.js';
import type { Answer, Expr, Formula, Show, Statement } from '../ast.js';
import { checkSourceWith } from '../check/index.js';
import { DEFAULT_SAMPLES } from '../check/options.js';
import { toJsonReport, type JsonCounterexample } from '../report/json.js';
import type { Counterexample, FileReport, ShowResult, StepResult } from '../result.js';
import type { Diagnostic } from '../diagnostics.js';
import { SourceFile } from '../source.js';
import type { ResolvedFile } from '../types/resolve.js';
import { fileText, placeText } from './feedback.js';
import { sliceOf, type AnswerKey, type KeyClaim } from './key.js';
import { matchClaim, type MatchOptions } from './match.js';
import { DEFAULT_GRADE_STEP_TIMEOUT_MS } from './options.js';
import { extraPremises, statementParts } from './premises.js';
import { roundPoints, type ClaimFailure, type ClaimResult, type FailureKind, type Place, type SubmissionResult } from './result.js';
import type { Submission } from './submission.js';

/** How one submission is checked. */
export interface GradeOptions {
  /** The student's sampling seed (see `seedFor`). */
  readonly seed: number;
  readonly samples?: number;
  /** Time limit per step, in milliseconds. */
  readonly stepTimeoutMs?: number;
  /** The submission's time limit, in milliseconds: past it, what is left is not checked (and earns 0). */
  readonly timeLimitMs?: number;
}

/** Diagnostic codes that mean the text could not be read at all (PrairieLearn's "not gradable"). */
const FORMAT_CODES = new Set([
  'syntax', 'unexpected-character', 'unclosed', 'unmatched-closer', 'missing-operand', 'unknown-relation',
  'file-too-large', 'too-deep', 'line-too-long', 'binary-file', 'empty-file', 'internal-error',
]);

/** At most this many unreadable lines are listed (a 10,000-line file of noise must not make a 10,000-line result). */
const MAX_FORMAT_ERRORS = 50;

const passes = (v: string): boolean => v === 'proved' || v === 'checked';

function jsonCx(cx: Counterexample | null): JsonCounterexample | null {
  if (!cx) return null;
  return { assignments: cx.assignments.map(([n, v]) => [n, v]), left: cx.left, right: cx.right, ...(cx.note ? { note: cx.note } : {}) };
}

/** One checked file of the submission. */
interface Checked {
  readonly file: string;
  readonly source: string;
  readonly src: SourceFile;
  readonly report: FileReport;
  readonly resolved: ResolvedFile | null;
}

/** A named show or answer of the student's, in its file. */
interface Found {
  readonly at: Checked;
  readonly statement: Show | Answer;
}

/** Grades one claim; a small object per claim keeps the many small decisions readable. */
class ClaimGrader {
  private readonly failures: ClaimFailure[] = [];

  constructor(
    private readonly key: AnswerKey,
    private readonly claim: KeyClaim,
    private readonly files: readonly Checked[],
    private readonly match: MatchOptions,
    private readonly deadline: number | null,
    private readonly timeLimitMs: number | null,
  ) {}

  private place(c: Checked, offset: number): Place {
    const p = c.src.position(offset);
    return { file: c.file, line: p.line, column: p.column };
  }

  private fail(kind: FailureKind, message: string, where: { c: Checked; offset: number } | null, extra: { cx?: Counterexample | null; group?: string; detail?: string; more?: number } = {}): void {
    const place = where ? this.place(where.c, where.offset) : null;
    const code = where && place ? where.c.src.lineText(place.line).trim() : null;
    this.failures.push({
      kind, message, detail: extra.detail !== undefined && extra.detail !== message ? extra.detail : null, place, code, counterexample: jsonCx(extra.cx ?? null),
      group: extra.group ?? `${kind}${kind === 'step' && code ? `: ${code.replace(/\s+/g, ' ')}` : ''}`,
      ...(extra.more !== undefined ? { more: extra.more } : {}),
    });
  }

  private result(points: number, at: Place | null, note: string): ClaimResult {
    const p = roundPoints(Math.max(0, Math.min(this.claim.points, points)));
    const status = p >= this.claim.points ? 'passed' : p > 0 ? 'partial' : 'failed';
    return { name: this.claim.name, kind: this.claim.kind, maxPoints: this.claim.points, points: p, status, at, note, failures: this.failures };
  }

  /** The last statement with the claim's name of one of the given kinds, and how many there are. */
  private find(kinds: readonly ('Show' | 'Answer')[]): { found: Found | null; count: number } {
    let found: Found | null = null;
    let count = 0;
    for (const kind of kinds) {
      for (const c of this.files) {
        for (const st of c.resolved?.ast.statements ?? []) {
          if (st.kind === kind && st.name === this.claim.name) {
            found = { at: c, statement: st };
            count++;
          }
        }
      }
      if (found) break;
    }
    return { found, count };
  }

  /** Why the claim is not there: a line that names it but does not parse, another kind, or nothing. */
  private missing(wantShow: boolean): ClaimResult {
    const quoted = `"${this.claim.name}"`;
    for (const c of this.files) {
      for (const d of c.report.diagnostics) {
        if (d.severity !== 'error') continue;
        const line = c.src.lineText(c.src.position(d.range[0]).line);
        const m = /^\s*(show|answer)\s*"([^"]*)"/.exec(line);
        if (m && m[2] === this.claim.name) {
          this.fail('unparsed', `your line stating ${quoted} could not be read: ${d.message}`, { c, offset: d.range[0] });
          return this.result(0, null, '');
        }
      }
    }
    if (wantShow) {
      const answer = this.find(['Answer']).found;
      if (answer) {
        this.fail('no-chain', `you state ${quoted} as an answer; the key asks you to show it: write show ${quoted}: … with a derivation`, { c: answer.at, offset: answer.statement.range[0] });
        return this.result(0, null, '');
      }
    }
    const names = this.files.flatMap((c) => (c.resolved?.ast.statements ?? []).flatMap((st) => ((st.kind === 'Show' || st.kind === 'Answer') && st.name !== null ? [st.name] : [])));
    const want = this.claim.name.toLowerCase().replace(/\s+/g, ' ');
    const near = [...new Set(names)].filter((n) => {
      const x = n.toLowerCase().replace(/\s+/g, ' ');
      return x !== want && (x.includes(want) || want.includes(x));
    });
    const hint = near.length > 0 ? ` (you have ${near.slice(0, 3).map((n) => `"${n}"`).join(', ')}: the name must be exactly ${quoted})` : '';
    this.fail('missing', `no ${wantShow ? 'show' : 'answer'} named ${quoted} was found${hint}`, null, { group: 'missing' });
    return this.result(0, null, '');
  }

  /** Records the claim-match problems; true when the student's claim is the key's. */
  private claimMatches(found: Found, texts: string[], forAll: string | null): { ok: boolean; matched: number; total: number; extra: number; verdict: string } {
    const m = matchClaim(this.key, this.claim.name, { texts, forAll }, this.match);
    for (const p of m.problems) {
      const kind: FailureKind = p.verdict === 'refuted' ? 'claim-differs' : 'claim-undecided';
      this.fail(kind, p.message, { c: found.at, offset: found.statement.range[0] }, { cx: p.counterexample, group: kind, detail: p.detail });
    }
    return m;
  }

  /** Records a failing step or show; time-outs past the submission's limit are said as such. */
  private failedItem(c: Checked, item: StepResult | ShowResult, offset: number, what: 'step' | 'show'): void {
    const timedOut = item.verdict === 'unknown' && this.deadline !== null && Date.now() > this.deadline && /time limit/.test(item.message);
    if (timedOut) {
      // (The step it ran out in says so: it was being checked, not left out. Red team rt129.)
      const limit = `the submission's time limit (${msText(this.timeLimitMs ?? 0)}) ran out`;
      const text = /before this/.test(item.message) ? `checking stopped before this ${what}: ${limit}` : `this ${what} was being checked when ${limit}`;
      this.fail('time-limit', text, { c, offset }, { group: 'time-limit' });
      return;
    }
    if (item.verdict === 'unknown' && /time limit/.test(item.message)) {
      this.fail('time-limit', `this ${what} could not be checked within its time limit: ${item.message}. If it is right, split it into smaller steps`, { c, offset }, { group: 'time-limit' });
      return;
    }
    const label = item.verdict === 'error' ? 'has an error' : item.verdict === 'refuted' ? 'does not follow (refuted)' : 'could not be checked (unknown)';
    this.fail(what === 'step' ? 'step' : 'show', `this ${what} ${label}: ${item.message}`, { c, offset }, { cx: item.counterexample });
  }

  /** The steps and shows of a region of a file that do not pass; at most a few are reported. */
  private failing(c: Checked, from: number, to: number): { units: number; passing: number; failed: (StepResult | ShowResult)[]; errors: Diagnostic[] } {
    const steps = c.report.steps.filter((s) => s.relRange[0] >= from && s.relRange[0] < to);
    const shows = c.report.shows.filter((s) => s.range[0] >= from && s.range[0] < to);
    const failed = [...steps, ...shows].filter((x) => !passes(x.verdict));
    // An error on a line of the region that no failing step or show stands on (a line that
    // continues no chain, `foo bar baz` in an answer's section) fails it too: what the line
    // says is not checked, and it is not nothing.
    const failingLines = new Set(failed.map((x) => c.src.position('relRange' in x ? x.relRange[0] : x.range[0]).line));
    // (One per line: `foo bar baz` is one line in error, not three.)
    const errors = c.report.diagnostics.filter((d) => d.severity === 'error' && d.range[0] >= from && d.range[0] < to)
      .filter((d) => {
        const line = c.src.position(d.range[0]).line;
        if (failingLines.has(line)) return false;
        failingLines.add(line);
        return true;
      });
    const units = steps.length + shows.length + errors.length;
    return { units, passing: steps.length + shows.length - failed.length, failed, errors };
  }

  /** Whether a show or answer rests only on the key's premises; each one it does not is a failure. */
  private premisesHold(c: Checked, st: Show | Answer, also: readonly (Expr | Formula | null)[] = []): boolean {
    if (!c.resolved) return true;
    let ok = true;
    for (const p of extraPremises(this.key, this.claim.name, c.resolved, c.source, st, this.match, also)) {
      ok = false;
      this.fail('assumption', p.message, { c, offset: p.range[0] }, { cx: p.counterexample, group: 'assumption', detail: p.detail });
    }
    return ok;
  }

  /** The errors of a region, as failures (at most three, then how many more). */
  private reportErrors(c: Checked, errors: readonly Diagnostic[]): void {
    for (const d of errors.slice(0, 3)) this.fail('step', `this line has an error, so what it says is not checked: ${d.message}`, { c, offset: d.range[0] });
    if (errors.length > 3) this.fail('step', `and ${errors.length - 3} more lines with errors`, null, { group: '', more: errors.length - 3 });
  }

  private reportFailures(c: Checked, failed: readonly (StepResult | ShowResult)[]): void {
    // A failing show whose steps fail too adds nothing: report the steps, then a show only if it is the cause.
    const steps = failed.filter((x): x is StepResult => 'relRange' in x && !x.secondary);
    const shows = failed.filter((x): x is ShowResult => !('relRange' in x) && !x.secondary);
    const shown = steps.length > 0 ? steps : shows;
    for (const item of shown.slice(0, 3)) this.failedItem(c, item, 'relRange' in item ? item.relRange[0] : item.range[0], 'relRange' in item ? 'step' : 'show');
    if (shown.length > 3) this.fail(this.failures[this.failures.length - 1]?.kind ?? 'step', `and ${shown.length - 3} more`, null, { group: '', more: shown.length - 3 });
    if (shown.length === 0 && failed.length > 0) this.failedItem(c, failed[0]!, 'relRange' in failed[0]! ? failed[0].relRange[0] : failed[0]!.range[0], 'step');
  }

  /** A key show: the student's show of that name, its claim the key's, its chain passing, on the key's premises. */
  show(): ClaimResult {
    const { found } = this.find(['Show']);
    if (!found || found.statement.kind !== 'Show') return this.missing(true);
    const st = found.statement;
    const c = found.at;
    const at = this.place(c, st.range[0]);
    const hasChain = st.chain !== null || st.base !== null || st.step !== null;
    const m = this.claimMatches(found, [sliceOf(c.source, st.claim.range)], st.forAll ? sliceOf(c.source, st.forAll.range) : null);
    if (this.claim.derived && !hasChain) {
      this.fail('no-chain', `your show "${this.claim.name}" states the claim without deriving it; the key asks for a derivation (a chain under the show)`, { c, offset: st.range[0] });
    }
    const end = Math.max(st.range[1], ...[st.chain, st.base, st.step].map((x) => x?.range[1] ?? 0));
    const region = this.failing(c, st.range[0], end + 1);
    const verdict = c.report.shows.find((s) => s.range[0] === st.range[0])?.verdict ?? 'error';
    if (region.failed.length > 0) this.reportFailures(c, region.failed);
    this.reportErrors(c, region.errors);
    const premisesOk = this.premisesHold(c, st);
    if (!m.ok || !premisesOk || (this.claim.derived && !hasChain)) return this.result(0, at, '');
    const whole = passes(verdict) && region.errors.length === 0;
    // Partial credit (README): the share of the show's steps that pass, plus one for reaching
    // the claim (its chain starts and ends at the claim's sides), whatever the steps' verdicts.
    const own = c.report.shows.find((s) => s.range[0] === st.range[0]);
    // (Not for a show the time limit stopped before: what was not checked earns nothing.)
    const stopped = this.failures.some((f) => f.kind === 'time-limit');
    const reachUnit = stopped ? 0 : own?.reaches !== undefined ? (own.reaches ? 1 : 0) : passes(verdict) ? 1 : 0;
    const others = region.failed.filter((x) => x !== own).length;
    // A step whose two sides are the same expression (`= (a-b)²` again) derives nothing: it
    // is no unit of partial credit, passing or not (nine of them earned 5.4 of 6).
    const idle = c.report.steps.filter((x) => x.relRange[0] >= st.range[0] && x.relRange[0] <= end && passes(x.verdict)
      && (x.trivial === true || (x.method === 'structural' && x.message.startsWith('the sides are identical (both sides are the same expression)')))).length;
    const units = region.units - (own ? 1 : 0) - idle;
    const passing = units - others - region.errors.length + reachUnit;
    // A chain that does not start at the claim's left side is not about the claim: its
    // steps earn nothing (`a = a = a` under show (a−b)² = a² − 2ab + b² earned 4.5 of 6).
    const about = own?.starts !== false;
    const share = this.claim.partial ? (about ? Math.max(0, passing) / Math.max(1, units + 1) : 0) : whole ? 1 : 0;
    const note = whole
      ? `your claim is the key's (${m.verdict}) and your show is ${verdict}`
      : `your claim is the key's (${m.verdict}); ${passing} of ${units + 1} steps and checks of your show pass${reachUnit ? ' (reaching the claim is one)' : ''}`;
    return this.result(this.claim.points * share, at, note);
  }

  /** A key answer: the student's answer (or show) of that name states the key's claims, and its section passes. */
  answer(): ClaimResult {
    const { found } = this.find(['Answer', 'Show']);
    if (!found) return this.missing(false);
    const st = found.statement;
    const c = found.at;
    const at = this.place(c, st.range[0]);
    const texts = st.kind === 'Answer' ? st.claims.map((f) => sliceOf(c.source, f.range)) : [sliceOf(c.source, st.claim.range)];
    const forAll = st.kind === 'Show' && st.forAll ? sliceOf(c.source, st.forAll.range) : null;
    const m = this.claimMatches(found, texts, forAll);
    const [from, to] = sectionAround(c, st);
    const region = this.failing(c, from, to);
    if (region.failed.length > 0) this.reportFailures(c, region.failed);
    this.reportErrors(c, region.errors);
    // An answer rests on premises too (`define c = 7` where the key's c is 3 makes x = 2c
    // another answer): the same check as a show's, and its section's steps, which pass only on
    // the key's premises too (`assume x = 0` passed `(x + 1)² = x² + 1`, red team rt130).
    const section = (c.resolved?.ast.statements ?? []).filter((s) => s !== st && s.range[0] >= from && s.range[0] < to);
    if (!this.premisesHold(c, st, section.flatMap(statementParts))) return this.result(0, at, '');
    const sectionShare = region.units === 0 ? 1 : region.passing / region.units;
    if (!this.claim.partial) {
      if (!m.ok || region.failed.length > 0 || region.errors.length > 0) return this.result(0, at, '');
      return this.result(this.claim.points, at, `your answer is the key's (${m.verdict})${region.units > 0 ? ' and every step of its section passes' : ''}`);
    }
    const claimShare = Math.max(0, m.matched - m.extra) / Math.max(1, m.total);
    return this.result(this.claim.points * claimShare * sectionShare, at,
      `${m.matched} of ${m.total} of the key's claims stated${m.extra > 0 ? ` (and ${m.extra} that are not)` : ''}; ${region.passing} of ${region.units} steps in its section pass`);
  }
}

/** The section a statement is in: from its `section` line (or the file's start) to the next one (or the end). */
function sectionAround(c: Checked, st: Statement): [number, number] {
  let from = 0;
  let to = c.source.length + 1;
  for (const s of c.resolved?.ast.statements ?? []) {
    if (s.kind !== 'Section') continue;
    if (s.range[0] <= st.range[0]) from = s.range[0];
    else {
      to = s.range[0];
      break;
    }
  }
  return [from, to];
}

/** The title of the first file that has one. */
function titleOf(files: readonly Checked[]): string | null {
  for (const c of files) for (const st of c.resolved?.ast.statements ?? []) if (st.kind === 'Title') return st.text;
  return null;
}

/** A result that gives 0 for every claim, with one reason (unreadable, crashed, out of time or memory). */
export function ungradedResult(
  key: AnswerKey | { readonly claims: readonly KeyClaim[]; readonly total: number }, student: string, files: readonly string[], seed: number,
  kind: FailureKind, reason: string, extra: { formatErrors?: readonly string[]; elapsedMs?: number; completed?: boolean } = {},
): SubmissionResult {
  return {
    student, files, title: null, seed, points: 0, maxPoints: key.total,
    claims: key.claims.map((k) => ({
      name: k.name, kind: k.kind, maxPoints: k.points, points: 0, status: 'failed', at: null, note: '',
      failures: [{ kind, message: reason, detail: null, place: null, code: null, counterexample: null, group: kind }],
    })),
    problems: [reason], formatErrors: extra.formatErrors ?? [], completed: extra.completed ?? false,
    elapsedMs: extra.elapsedMs ?? 0, report: null,
  };
}

/**
 * Grades one submission against a key. Never throws for anything in the submission: what
 * cannot be read or checked earns 0 for what it affects, with the reason.
 */
export async function gradeSubmission(key: AnswerKey, sub: Submission, options: GradeOptions): Promise<SubmissionResult> {
  const started = Date.now();
  const deadline = options.timeLimitMs !== undefined ? started + options.timeLimitMs : undefined;
  const paths = sub.files.map((f) => f.path);
  const formatErrors: string[] = [];
  const errors: string[] = [];
  const problems: string[] = [];
  if (sub.problem) {
    return ungradedResult(key, sub.student, paths, options.seed, 'unreadable', sub.problem, { formatErrors: [sub.problem], completed: true });
  }
  const checked: Checked[] = [];
  for (const f of sub.files) {
    if (f.text === null) {
      const problem = `${fileText(f.path)}: ${f.problem ?? 'it could not be read'}`;
      formatErrors.push(problem);
      problems.push(problem);
      continue;
    }
    const { report, resolved } = await checkSourceWith(f.text, {
      file: f.path, seed: options.seed, samples: options.samples ?? DEFAULT_SAMPLES,
      timeoutMs: options.stepTimeoutMs ?? DEFAULT_GRADE_STEP_TIMEOUT_MS, timeoutFlag: '--step-timeout', ...(deadline !== undefined ? { deadline } : {}),
    });
    // An empty or binary file says nothing: it is a file that could not be read (README), said
    // as such, and no claim is looked for in it ("no show named … was found" on each claim).
    const unreadable = report.diagnostics.find((d) => d.code === 'empty-file' || d.code === 'binary-file');
    if (unreadable) {
      const problem = `${fileText(f.path)}: ${unreadable.message}`;
      formatErrors.push(problem);
      problems.push(problem);
      continue;
    }
    const src = new SourceFile(f.path, f.text);
    for (const d of report.diagnostics) {
      if (d.severity !== 'error') continue;
      if (!FORMAT_CODES.has(d.code)) {
        const p = src.position(d.range[0]);
        errors.push(`${placeText({ file: f.path, line: p.line, column: p.column })}: ${d.message}`);
        continue;
      }
      const p = src.position(d.range[0]);
      formatErrors.push(`${placeText({ file: f.path, line: p.line, column: p.column })}: ${d.message}`);
    }
    checked.push({ file: f.path, source: f.text, src, report, resolved });
  }
  const checkedAt = Date.now();
  if (checked.length === 0) {
    const reason = problems.length === 1 ? `your submission could not be read: ${problems[0]}` : `none of your files could be read: ${problems.join('; ')}`;
    return ungradedResult(key, sub.student, paths, options.seed, 'unreadable', reason, { formatErrors, completed: true, elapsedMs: Date.now() - started });
  }
  // Comparing claims with the key comes after checking the files, in a window of its own: a slow
  // section elsewhere must not cost a claim that was checked in time.
  const match: MatchOptions = deadline !== undefined ? { deadline: Math.max(deadline, Date.now()) + Math.max(2000, (options.timeLimitMs ?? 0) / 4) } : {};
  const claims = key.claims.map((k) => {
    const g = new ClaimGrader(key, k, checked, match, deadline ?? null, options.timeLimitMs ?? null);
    return k.kind === 'show' ? g.show() : g.answer();
  });
  // Out of time: the files' checking ran past the limit and something was left unchecked for
  // it. Grading did not finish (exit 1, on stderr), but what was checked keeps its points.
  const outOfTime = deadline !== undefined && checkedAt > deadline
    && checked.some((c) => [...c.report.steps, ...c.report.shows].some((x) => x.verdict === 'unknown' && /time limit/.test(x.message)));
  if (outOfTime) {
    problems.unshift(`the submission's time limit (${msText(options.timeLimitMs ?? 0)}; raise --timeout) ran out; what was not checked by then earns no points`);
  }
  if (formatErrors.length > MAX_FORMAT_ERRORS) {
    const more = formatErrors.length - MAX_FORMAT_ERRORS;
    formatErrors.splice(MAX_FORMAT_ERRORS, more, `… and ${more} more lines that could not be read`);
  }
  if (errors.length > MAX_FORMAT_ERRORS) {
    const more = errors.length - MAX_FORMAT_ERRORS;
    errors.splice(MAX_FORMAT_ERRORS, more, `… and ${more} more errors`);
  }
  return {
    student: sub.student, files: paths, title: titleOf(checked), seed: options.seed,
    points: roundPoints(claims.reduce((s, c) => s + c.points, 0)), maxPoints: key.total,
    claims, problems, formatErrors, ...(errors.length > 0 ? { errors } : {}), completed: !outOfTime, elapsedMs: Date.now() - started,
    report: toJsonReport(checked.map((c) => c.report)),
  };
}
