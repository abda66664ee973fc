/**
 * Claim matching: is a student's claim the key's, up to an equivalent form? Decided by the
 * checker in the key's context (never by comparing text): sides may be swapped, either side
 * may be written differently, a `,`-list matches as a set, an inequality matches up to `⇔`.
 */
import type { Compare, Expr, Formula, RelOp } from '../ast.js';
import { exprKey } from '../ast-walk.js';
import type { Context } from '../check/sampling/point.js';
import { parseFormula } from '../parse/index.js';
import { printExpr, printFormula, printName } from '../print.js';
import { VERDICTS, type Counterexample, type Outcome, type Verdict } from '../result.js';
import { resolveIn } from '../types/resolve.js';
import type { Scope } from '../types/scope.js';
import { decideAgainstKey, sliceOf, type AnswerKey } from './key.js';

/**
 * What stands in the way of a match. `message` is for the student and never shows the key's
 * text (a visible test must not give the answer away); `detail` is for the TA, with the key's
 * claim and the difference of the two sides.
 */
export interface MatchProblem {
  readonly message: string;
  readonly detail: string;
  readonly verdict: Verdict;
  readonly counterexample: Counterexample | null;
}

/** A checker message without what would give the key's side away (`left − right = …`). */
function safe(message: string): string {
  // (And the sides' values of a claim with no names, `: left = 3, right = 2`: the key's side
  // is the key's answer.)
  return message.replace(/; left − right = .*$/s, '').replace(/:? ?left = [^,;]*, right = [^;]*$/su, '');
}

/** The outcome of comparing a student's claim (or list of claims) with a key claim. */
export interface ClaimMatch {
  /** Every claim of the key's is matched, and every claim of the student's matches one. */
  readonly ok: boolean;
  /** The weakest verdict among the decisions that made the match (`proved` or `checked` when ok). */
  readonly verdict: Verdict;
  /** How many of the key's claims the student's match. */
  readonly matched: number;
  /** How many claims the key's list has. */
  readonly total: number;
  /** How many of the student's claims match none of the key's. */
  readonly extra: number;
  readonly problems: readonly MatchProblem[];
}

/** A student's claim as written: the formula's text, and the text of its `for all …`, if any. */
export interface StudentClaim {
  readonly texts: readonly string[];
  readonly forAll: string | null;
}

/** Per-submission settings of the decisions: when they must be done by. */
export interface MatchOptions {
  readonly deadline?: number;
}

const passes = (v: Verdict): boolean => v === 'proved' || v === 'checked';
const weaker = (a: Verdict, b: Verdict): Verdict => (VERDICTS.indexOf(a) <= VERDICTS.indexOf(b) ? a : b);

/** A formula with its text, read in the key's scope (or a child holding the student's new names). */
interface Read {
  readonly formula: Formula;
  readonly text: string;
  readonly scope: Scope;
}

/** `a < b < c` is two claims; any other formula is one. */
function flatten(f: Formula): Formula[] {
  if (f.kind !== 'Compare' || f.ops.length < 2) return [f];
  return f.ops.map((op, i): Compare => ({ kind: 'Compare', ops: [op], operands: [f.operands[i]!, f.operands[i + 1]!], range: f.range }));
}

/** `a > b` is `b < a`: every binary comparison with `<`, `≤`, `=`, `≠` or `→`. */
function orient(f: Compare): { l: Expr; op: RelOp; r: Expr } {
  const [a, b] = [f.operands[0]!, f.operands[1]!];
  const op = f.ops[0]!;
  if (op === '>') return { l: b, op: '<', r: a };
  if (op === '≥') return { l: b, op: '≤', r: a };
  return { l: a, op, r: b };
}

/**
 * The names a key's equations are about: a side that is a bare name (`v_t`, `ε`) or a call
 * of a defined function. Their definitions are left out of the matching context, or a claim
 * could be matched by restating a definition (`v_t = β v_{t-1} + (1-β) g_t` for "2.2").
 */
export function subjectsOf(formulas: readonly Formula[], scope: Scope): Set<string> {
  const out = new Set<string>();
  for (const f of formulas.flatMap(flatten)) {
    if (f.kind !== 'Compare' || f.ops[0] !== '=') continue;
    for (const side of f.operands) {
      if (side.kind === 'Var') out.add(scope.lookup(side.name)?.info.key ?? printName(side.name));
    }
  }
  return out;
}

/** Compares claims within one key claim's context. */
class Matcher {
  constructor(
    private readonly key: AnswerKey,
    private readonly ctx: Context,
    private readonly without: ReadonlySet<string>,
    private readonly name: string,
    private readonly options: MatchOptions,
  ) {}

  decide(left: Expr | Formula, rel: RelOp | '⇔', right: Expr | Formula, scope: Scope): Outcome {
    return decideAgainstKey(this.key, this.ctx, left, rel, right, {
      claim: this.name, scope, without: this.without, ...(this.options.deadline !== undefined ? { deadline: this.options.deadline } : {}),
    });
  }

  /** Whether one student formula says what one key formula says. `near`: one side already agrees. */
  one(k: Read, s: Read, fallback = true): { ok: boolean; verdict: Verdict; problem: MatchProblem | null; near: boolean } {
    const K = k.formula;
    const S = s.formula;
    let best: { problem: MatchProblem; near: boolean } | null = null;
    if (K.kind === 'Compare' && S.kind === 'Compare' && K.ops.length === 1 && S.ops.length === 1) {
      const ko = orient(K);
      const so = orient(S);
      if (ko.op === so.op) {
        const symmetric = ko.op === '=' || ko.op === '≠';
        const pairings: [Expr, Expr, Expr, Expr][] = [[so.l, ko.l, so.r, ko.r]];
        if (symmetric) pairings.push([so.r, ko.l, so.l, ko.r]);
        // Try first the pairing whose first sides print the same (it usually decides at once).
        pairings.sort((a, b) => Number(printExpr(b[0]) === printExpr(b[1])) - Number(printExpr(a[0]) === printExpr(a[1])));
        for (const [s1, k1, s2, k2] of pairings) {
          const o1 = this.decide(s1, '=', k1, s.scope);
          if (!passes(o1.verdict)) continue;
          const o2 = this.decide(s2, '=', k2, s.scope);
          if (passes(o2.verdict)) return { ok: true, verdict: weaker(o1.verdict, o2.verdict), problem: null, near: true };
          best ??= {
            near: true,
            problem: {
              verdict: o2.verdict, counterexample: o2.counterexample,
              message: `${printExpr(s2)} is not what the key has on the other side: ${safe(o2.message)}`,
              detail: `${printExpr(s2)} is not ${printExpr(k2)}: ${o2.message}`,
            },
          };
        }
      }
    } else if (K.kind === 'Logic' || S.kind === 'Logic') {
      // Statements joined by ⇔ / ⇒ match part by part: sampling two ⇔'s against each other
      // rarely lands where they differ, so the parts are compared, never the whole.
      if (K.kind === 'Logic' && S.kind === 'Logic' && K.op === S.op) {
        const pairings: [Formula, Formula, Formula, Formula][] = [[S.left, K.left, S.right, K.right]];
        if (K.op === '⇔') pairings.push([S.right, K.left, S.left, K.right]);
        for (const [s1, k1, s2, k2] of pairings) {
          const a = this.one({ ...k, formula: k1 }, { ...s, formula: s1 }, false);
          if (!a.ok) {
            best ??= a.problem ? { near: false, problem: a.problem } : null;
            continue;
          }
          const b = this.one({ ...k, formula: k2 }, { ...s, formula: s2 }, false);
          if (b.ok) return { ok: true, verdict: weaker(a.verdict, b.verdict), problem: null, near: true };
          if (b.problem) best = { near: true, problem: b.problem };
        }
      }
      const why = K.kind === 'Logic' && S.kind === 'Logic' ? `the key's says ${K.op === '⇔' ? 'if and only if' : 'implies'} between other statements` : `the key's is ${K.kind === 'Logic' ? 'an equivalence of two statements' : 'a single statement'}`;
      const problem = best?.problem ?? { verdict: 'refuted' as Verdict, counterexample: null, message: why, detail: why };
      return { ok: false, verdict: problem.verdict, near: best?.near ?? false, problem };
    }
    if (K.kind === 'TagFact' && S.kind === 'TagFact') {
      // A tag is declared, not computed: the same matrix with the same tag is the same claim.
      const keyOfSubject = (e: Expr, scope: Scope) => (e.kind === 'Var' ? scope.lookup(e.name)?.info.key : undefined) ?? exprKey(e);
      const same = K.tag === S.tag && keyOfSubject(S.subject, s.scope) === keyOfSubject(K.subject, k.scope);
      return same ? { ok: true, verdict: 'proved', problem: null, near: true }
        : { ok: false, verdict: 'refuted', near: false, problem: { verdict: 'refuted', counterexample: null, message: 'another matrix or another tag', detail: `${printFormula(S)} is not ${printFormula(K)}` } };
    }
    if (K.kind === 'TagFact' || S.kind === 'TagFact') {
      const why = 'a tag and an equation or inequality say different things';
      return { ok: false, verdict: 'refuted', near: false, problem: best?.problem ?? { verdict: 'refuted', counterexample: null, message: why, detail: why } };
    }
    // One side the same and the other different (with a counterexample): another claim. Only
    // forms with no side in common go to the whole-statement comparison below.
    if (best?.near) return { ok: false, verdict: best.problem.verdict, problem: best.problem, near: true };
    if (!fallback) {
      return { ok: false, verdict: 'refuted', near: false, problem: best?.problem ?? { verdict: 'refuted', counterexample: null, message: 'its sides are not the key\'s', detail: `its sides are not those of ${printFormula(K)}` } };
    }
    // `<` and `≤` differ exactly where the two sides are equal, which sampling cannot see.
    const strictness = (f: Compare): string => (f.ops.length !== 1 ? '?' : { '<': 'strict', '>': 'strict', '≤': 'weak', '≥': 'weak' }[f.ops[0] as string] ?? f.ops[0]!);
    const [ks, ss] = [strictness(K), strictness(S)];
    if ((ks === 'strict' && ss === 'weak') || (ks === 'weak' && ss === 'strict')) {
      return {
        ok: false, verdict: 'refuted', near: best?.near ?? false,
        problem: best?.problem ?? {
          verdict: 'refuted', counterexample: null,
          message: `yours is ${ss === 'weak' ? 'a non-strict' : 'a strict'} inequality and the key's ${ks === 'weak' ? 'a non-strict' : 'a strict'} one: they differ where the two sides are equal`,
          detail: `yours is ${ss === 'weak' ? 'a non-strict' : 'a strict'} inequality and the key's (${printFormula(K)}) ${ks === 'weak' ? 'a non-strict' : 'a strict'} one: they differ where the two sides are equal`,
        },
      };
    }
    // Any other form: the two statements must agree everywhere (the checker's ⇔, solution sets included).
    const o = this.decide(S, '⇔', K, s.scope);
    if (passes(o.verdict)) return { ok: true, verdict: o.verdict, problem: null, near: false };
    return {
      ok: false, verdict: o.verdict, near: false,
      problem: { verdict: o.verdict, counterexample: o.counterexample, message: safe(o.message), detail: o.message },
    };
  }
}

/**
 * Compares a student's claim(s) with the key claim named `name`, in the key's context at that
 * claim. A list matches as a set: each of the key's claims is matched by one of the student's,
 * and each of the student's matches one of the key's.
 */
export function matchClaim(key: AnswerKey, name: string, student: StudentClaim, options: MatchOptions): ClaimMatch {
  const entry = key.statements.get(name);
  if (!entry) throw new Error(`no key claim named "${name}"`);
  const { statement, context } = entry;
  const keyForms = statement.kind === 'Show' ? [statement.claim] : [...statement.claims];
  const keyReads: Read[] = keyForms.flatMap((g) => {
    const parts = flatten(g);
    return parts.map((f) => ({ formula: f, text: parts.length > 1 ? printFormula(f) : sliceOf(key.report.source, f.range), scope: context.scope }));
  });
  const fail = (message: string, verdict: Verdict = 'error'): ClaimMatch => ({
    ok: false, verdict, matched: 0, total: keyReads.length, extra: 0, problems: [{ message, detail: message, verdict, counterexample: null }],
  });

  // Read the student's claims in the key's scope.
  const studentReads: Read[] = [];
  for (const text of student.texts) {
    const parsed = parseFormula(text);
    if (!parsed.formula) return fail(`your claim ${text} could not be read: ${parsed.diagnostics[0]?.message ?? 'it does not parse'}`);
    const r = resolveIn(parsed.formula, context.scope);
    const err = r.diagnostics.find((d) => d.severity === 'error');
    if (err) return fail(`your claim ${text} does not read in the key's names: ${err.message}`);
    for (const f of flatten(r.value)) studentReads.push({ formula: f, text: flatten(r.value).length > 1 ? printFormula(f) : text, scope: r.scope });
  }

  const matcher = new Matcher(key, context, subjectsOf(keyForms, context.scope), name, options);
  const problems: MatchProblem[] = [];
  let verdict: Verdict = 'proved';

  // `for all t ≥ 1` where the key says `for all t ≥ 0` covers less than the key's claim.
  if (student.forAll !== null && statement.kind === 'Show') {
    const parsed = parseFormula(student.forAll);
    const r = parsed.formula ? resolveIn(parsed.formula, context.scope) : null;
    const f = r?.value;
    if (!f || f.kind !== 'Compare' || r.diagnostics.some((d) => d.severity === 'error')) {
      const why = `your "for all ${student.forAll}" could not be read in the key's names`;
      problems.push({ verdict: 'error', counterexample: null, message: why, detail: why });
    } else {
      for (const c of flatten(f)) {
        const cmp = c as Compare;
        const o = matcher.decide(cmp.operands[0]!, cmp.ops[0]!, cmp.operands[1]!, r.scope);
        if (!passes(o.verdict)) {
          const keyRange = statement.forAll ? `for all ${printFormula(statement.forAll)}` : 'for every value';
          const why = `your claim holds only for ${student.forAll}, but the key's is stated ${keyRange}`;
          problems.push({ verdict: o.verdict, counterexample: o.counterexample, message: why, detail: why });
        } else verdict = weaker(verdict, o.verdict);
      }
    }
  }

  const results = new Map<string, ReturnType<Matcher['one']>>();
  const pair = (i: number, j: number): ReturnType<Matcher['one']> => {
    const id = `${i} ${j}`;
    let r = results.get(id);
    if (!r) {
      r = matcher.one(keyReads[i]!, studentReads[j]!);
      results.set(id, r);
    }
    return r;
  };
  // A student's claim that shares a printed side with the key's is tried first (speed only).
  const sides = (f: Formula): string[] => (f.kind === 'Compare' ? f.operands.map(printExpr) : [printFormula(f)]);
  const usedBy = new Map<number, number>();
  let matched = 0;
  const explained = new Set<number>();
  for (let i = 0; i < keyReads.length; i++) {
    const ks = new Set(sides(keyReads[i]!.formula));
    const order = studentReads.map((_, j) => j)
      .sort((a, b) => Number(sides(studentReads[b]!.formula).some((x) => ks.has(x))) - Number(sides(studentReads[a]!.formula).some((x) => ks.has(x))));
    const found = order.find((j) => pair(i, j).ok);
    if (found !== undefined) {
      matched++;
      usedBy.set(found, i);
      verdict = weaker(verdict, pair(i, found).verdict);
      continue;
    }
    // The nearest of the student's claims: one side agrees, or any with evidence against it.
    const near = order.find((j) => !usedBy.has(j) && !explained.has(j) && pair(i, j).near && pair(i, j).problem)
      ?? (studentReads.length === 1 && keyReads.length === 1 ? 0 : undefined);
    const problem = near !== undefined ? pair(i, near).problem : null;
    if (near !== undefined && problem) {
      explained.add(near);
      const single = keyReads.length === 1 && studentReads.length === 1;
      problems.push({
        ...problem,
        message: single ? `your claim ${studentReads[near]!.text} is not the key's: ${problem.message}` : `your ${studentReads[near]!.text} is not among the key's claims: ${problem.message}`,
        detail: `${single ? 'your claim' : 'your'} ${studentReads[near]!.text} is not the key's ${keyReads[i]!.text}: ${problem.detail}`,
      });
    } else {
      problems.push({
        verdict: 'refuted', counterexample: null,
        message: `one of the key's ${keyReads.length} claims is not among yours`,
        detail: `the key's ${keyReads[i]!.text} is not among your claims`,
      });
    }
  }
  let extra = 0;
  for (let j = 0; j < studentReads.length; j++) {
    if (usedBy.has(j)) continue;
    if (keyReads.some((_, i) => pair(i, j).ok)) continue;
    extra++;
    if (explained.has(j)) continue;
    const near = keyReads.map((_, i) => pair(i, j)).find((r) => r.near && r.problem)?.problem ?? null;
    problems.push({
      verdict: near?.verdict ?? 'refuted', counterexample: near?.counterexample ?? null,
      message: `you also state ${studentReads[j]!.text}, which is none of the key's claims${near ? ` (${near.message})` : ''}`,
      detail: `you also state ${studentReads[j]!.text}, which is none of the key's claims${near ? ` (${near.detail})` : ''}`,
    });
  }
  const ok = problems.length === 0 && matched === keyReads.length && extra === 0;
  const worstProblem = problems.reduce<Verdict>((v, p) => weaker(v, p.verdict), 'proved');
  return { ok, verdict: ok ? verdict : worstProblem, matched, total: keyReads.length, extra, problems };
}
