/**
 * What a student's proof rests on, against what the key gives. A show proved under the
 * student's own declarations, assumptions and definitions earns the key's points only if
 * each of them that bears on the show is one the key makes too (or follows from the key's
 * assumptions and definitions): a weaker set is fine; `assume β = 1/2`, `define β = 0`, a definition
 * of v that is the claim itself, or `matrix H … positive definite` where the key only says
 * symmetric is not, and the output says which.
 */
import type { Answer, Chain, Compare, Condition, Declare, Define, Expr, Formula, Show, Statement } from '../ast.js';
import type { Context } from '../check/sampling/point.js';
import { freeNames, substitute, substituteFormula, unfoldingOf, visit } from '../check/rewrite.js';
import { formulaExprs } from '../ast-walk.js';
import { impliedTags } from '../check/tags.js';
import { parseExpression, parseFormula } from '../parse/index.js';
import { printExpr, printFormula, printName } from '../print.js';
import type { Counterexample, Outcome, Verdict } from '../result.js';
import { resolveIn, type ResolvedFile } from '../types/resolve.js';
import { SCALAR, type Scope, type SymbolInfo } from '../types/scope.js';
import { decideAgainstKey, sliceOf, type AnswerKey } from './key.js';
import type { MatchOptions } from './match.js';

/** A premise of the student's that the key does not give. */
export interface ExtraPremise {
  /** Where it is written (offsets into the student's file). */
  readonly range: readonly [number, number];
  readonly message: string;
  /** For the TA: with the key's definitions where the message leaves them out. */
  readonly detail: string;
  readonly counterexample: Counterexample | null;
}

const passes = (o: Outcome): boolean => o.verdict === 'proved' || o.verdict === 'checked';

/** The keys of the symbols an expression or formula mentions (names, families, called functions). */
function keysIn(x: Expr | Formula | null, scope: Scope, out = new Set<string>()): Set<string> {
  if (x === null) return out;
  if (x.kind === 'Compare') {
    for (const o of x.operands) keysIn(o, scope, out);
    return out;
  }
  if (x.kind === 'Logic') return keysIn(x.right, scope, keysIn(x.left, scope, out));
  if (x.kind === 'TagFact') return keysIn(x.subject, scope, out);
  visit(x, (e) => {
    if (e.kind === 'Var') out.add(scope.lookup(e.name)?.info.key ?? printName(e.name));
    if (e.kind === 'Call') out.add(scope.lookup({ ...e.fn, primes: 0 })?.info.key ?? printName({ ...e.fn, primes: 0 }));
  });
  return out;
}

/** Everything a show says: its claim, its `for all`, its chains and the facts its justifications cite. */
function showParts(st: Show | Answer): (Expr | Formula | null)[] {
  // (An answer says its claims: what its names are defined or assumed to be is its premise.)
  if (st.kind === 'Answer') return [...st.claims];
  return [st.claim, st.forAll, ...chainParts([st.chain, st.base, st.step])];
}

/** Everything chains say: their lines and the facts their justifications cite. */
function chainParts(chains: readonly (Chain | null)[]): (Expr | Formula | null)[] {
  const parts: (Expr | Formula | null)[] = [];
  for (const c of chains) {
    if (!c) continue;
    parts.push(c.head);
    for (const s of c.steps) {
      parts.push(s.rhs);
      for (const it of s.hint?.items ?? []) if (it.kind === 'fact') parts.push(it.formula);
    }
  }
  return parts;
}

/** What a chain or show says (for an answer, the statements of its section: its steps pass only on the key's premises too). */
export function statementParts(st: Statement): (Expr | Formula | null)[] {
  if (st.kind === 'ChainStatement') return chainParts([st.chain]);
  if (st.kind === 'Show' || st.kind === 'Answer') return showParts(st);
  return [];
}

/** The declarations, assumptions and definitions in scope at a statement: the file's, then its section's. */
function inScope(file: ResolvedFile, at: Statement): Statement[] {
  const fileLevel: Statement[] = [];
  let section: Statement[] = [];
  let inSection = false;
  for (const st of file.ast.statements) {
    if (st === at) break;
    if (st.kind === 'Section') {
      inSection = true;
      section = [];
    } else if (st.kind === 'Declare' || st.kind === 'Assume' || st.kind === 'Define') {
      (inSection ? section : fileLevel).push(st);
    }
  }
  return [...fileLevel, ...section];
}

/** `t ≥ 1`, `t > 0` → 1; null for no condition; NaN for any other condition. */
function lowerBound(c: Compare | null): number | null {
  if (!c) return null;
  const [a, b] = [c.operands[0], c.operands[1]];
  if (c.ops.length !== 1 || a?.kind !== 'Var' || b?.kind !== 'Num' || !/^-?\d+$/.test(b.value)) return Number.NaN;
  const n = Number(b.value);
  return c.ops[0] === '≥' ? n : c.ops[0] === '>' ? n + 1 : Number.NaN;
}

/** Checks a student's premises against the key claim's context. */
class PremiseCheck {
  readonly extra: ExtraPremise[] = [];
  private readonly keyScope: Scope;

  constructor(
    private readonly key: AnswerKey,
    private readonly ctx: Context,
    private readonly source: string,
    private readonly name: string,
    private readonly options: MatchOptions,
  ) {
    this.keyScope = ctx.scope;
  }

  /**
   * The student's own abbreviations (plain `define d = 2` of a name the key does not define),
   * by name: put into a definition's value before it is compared with the key's, so that
   * `define c = d + 1` with `define d = 2` is the key's `define c = 3`.
   */
  abbreviations = new Map<string, Expr>();

  private add(range: readonly [number, number], message: string, counterexample: Counterexample | null = null, detail = message): void {
    this.extra.push({ range, message, detail, counterexample });
  }

  /** Decides a relation in the key's context: without its definitions, or (`definitions`) with them. */
  private decide(left: Expr | Formula, rel: Compare['ops'][number] | '⇔' | '⇒', right: Expr | Formula, scope: Scope, definitions = false): Outcome {
    return decideAgainstKey(this.key, this.ctx, left, rel, right, {
      claim: `${this.name} premise`, scope, without: definitions ? new Set<string>() : 'all', ...(this.options.deadline !== undefined ? { deadline: this.options.deadline } : {}),
    });
  }

  /** An expression or formula of the student's as text, with their own abbreviations written out (a few rounds: one may use another); `written` where it has none. */
  private expandAbbreviations(x: Expr | Formula, written: string): string {
    if (this.abbreviations.size === 0) return written;
    const isFormula = x.kind === 'Compare' || x.kind === 'Logic' || x.kind === 'TagFact';
    let value = x;
    for (let round = 0; round < 5; round++) {
      const names = (isFormula ? formulaExprs(value as Formula) : [value as Expr]).flatMap((e) => freeNames(e)).filter((v) => !v.name.index && this.abbreviations.has(printName(v.name)));
      if (names.length === 0) break;
      const map = new Map(names.map((v) => [printName(v.name), this.abbreviations.get(printName(v.name))!]));
      value = isFormula ? substituteFormula(value as Formula, map) : substitute(value as Expr, map);
    }
    return value === x ? written : isFormula ? printFormula(value as Formula) : printExpr(value as Expr);
  }

  /** A declaration: the same kind of object, no smaller space, no tag the key's does not imply. */
  declaration(st: Declare, name: string, info: SymbolInfo): void {
    const k = this.keyScope.get(info.key);
    if (!k || k.implicit) return;
    const what = (i: SymbolInfo) => (i.kind === 'integer' ? 'an integer' : i.kind === 'function' ? 'a function' : `a ${i.kind}`);
    if (info.kind !== k.kind && !(info.kind === 'scalar' && k.kind === 'integer')) {
      this.add(st.range, `you declare ${name} as ${what(info)}; the key has ${what(k)}`);
      return;
    }
    if (info.shape.kind === 'matrix' && k.shape.kind === 'matrix') {
      const pairs: [string | number, string | number][] = [[info.shape.rows, k.shape.rows], [info.shape.cols, k.shape.cols]];
      if (pairs.some(([s, kd]) => typeof s === 'number' && s !== kd)) {
        this.add(st.range, `you declare ${name} with a fixed size (${info.shape.rows}×${info.shape.cols}); the key's is ${k.shape.rows}×${k.shape.cols}`);
        return;
      }
    }
    const keyTags = impliedTags(k.tags);
    const more = [...impliedTags(info.tags)].filter((t) => !keyTags.has(t));
    if (more.length > 0) this.add(st.range, `you take ${name} to be ${more.join(' and ')}, which the key does not`);
    if (info.random && !k.random) this.add(st.range, `you declare ${name} random; the key does not`);
  }

  /** A name the student uses undeclared (a scalar) where the key declares something else. */
  undeclared(range: readonly [number, number], name: string, info: SymbolInfo, k: SymbolInfo): void {
    const what = (i: SymbolInfo) => (i.kind === 'integer' ? 'an integer' : i.kind === 'function' ? 'a function' : `a ${i.kind}`);
    this.add(range, `your proof uses ${name} without declaring it, so it is ${what(info)} there; the key has ${what(k)}`);
  }

  /** An assumption: it must follow from the key's assumptions and definitions. */
  assumption(c: Condition, studentScope: Scope, defines: (key: string) => Define[]): void {
    const text = sliceOf(this.source, c.range);
    const f = c.formula;
    if (f.kind === 'TagFact') {
      const k = f.subject.kind === 'Var' ? this.keyScope.lookup(f.subject.name)?.info : undefined;
      if (!k || !impliedTags(k.tags).has(f.tag)) this.add(c.range, `your proof assumes ${text}, which the key does not make`);
      return;
    }
    // `assume v_0 = 0` where the key defines v: read it as a definition.
    if (c.forAll.length === 0 && f.kind === 'Compare' && f.ops.length === 1 && f.ops[0] === '=' && f.operands[0]!.kind === 'Var') {
      const target = f.operands[0];
      const skey = studentScope.lookup(target.name)?.info.key ?? printName(target.name);
      if (defines(skey).length > 0) {
        this.definition({ kind: 'Define', target: target.name, params: null, value: f.operands[1]!, condition: null, range: c.range }, studentScope, defines, 'assumption');
        return;
      }
    }
    const locals = new Map(c.forAll.map((v) => [printName(v.name), SCALAR] as const));
    // (The student's own abbreviations written out: `assume d = 1` with `define d = x` is x = 1.)
    const parsed = parseFormula(this.expandAbbreviations(f, sliceOf(this.source, f.range)));
    const r = parsed.formula ? resolveIn(parsed.formula, this.keyScope, locals) : null;
    if (!r || r.diagnostics.some((d) => d.severity === 'error')) {
      this.add(c.range, `your proof assumes ${text}, which does not read in the key's names`);
      return;
    }
    if (c.forAll.length > 0) {
      // Sampling cannot enforce a `for all`: only the very same assumption is accepted.
      const same = this.ctx.assumptions.some((k) => k.forAll.length === c.forAll.length && printFormula(k.formula) === printFormula(r.value));
      if (!same) this.add(c.range, `your proof assumes ${text}, which the key does not make`);
      return;
    }
    const g = r.value;
    // (On the key's premises, its definitions included: `assume c > 0` where the key defines
    // c = 3 follows, and was refuted at c = 0, red team rt131; `assume c = 3` was accepted.)
    const outcomes = g.kind === 'Compare'
      ? g.ops.map((op, i) => this.decide(g.operands[i]!, op, g.operands[i + 1]!, r.scope, true))
      : g.kind === 'Logic' && (g.op === '⇔' || g.op === '⇒') ? [this.decide(g.left, g.op, g.right, r.scope, true)]
        : g.kind === 'Logic' ? [{ verdict: 'unknown' as Verdict, counterexample: null, message: `an assumption joined with ${g.op === '∧' ? 'and' : 'or'} is not compared with the key's`, method: 'none' as const, samples: 0, notes: [] }] : [];
    const bad = outcomes.find((o) => !passes(o));
    if (bad) {
      const at = bad.counterexample?.assignments.map(([n, v]) => `${n} = ${v}`).join(', ');
      this.add(c.range, bad.verdict === 'refuted'
        ? `your proof assumes ${text}, which the key does not make${at ? ` (it fails at ${at})` : ` (${bad.message})`}`
        : `your proof assumes ${text}, which could not be shown to follow from the key's assumptions (${bad.message})`, bad.counterexample);
    }
  }

  /**
   * A definition: of a name the key defines, it must be one of the key's definitions (the same
   * subscript pattern, range and value); of a name the key leaves free, it is an extra assumption;
   * of a new name, it is the student's own abbreviation and fine.
   */
  definition(d: Define, studentScope: Scope, defines: (key: string) => Define[], as: 'definition' | 'assumption' = 'definition'): void {
    const skey = studentScope.lookup(d.target)?.info.key ?? printName(d.target);
    const text = sliceOf(this.source, d.range).replace(/^define\s+/, '');
    const keyDefs = defines(skey);
    if (keyDefs.length === 0) {
      const k = this.keyScope.get(skey);
      if (k && !k.implicit) this.add(d.range, `your proof ${as === 'definition' ? 'defines' : 'assumes'} ${text}, but the key leaves ${printName({ ...d.target, index: null })} free`);
      return;
    }
    const mine = unfoldingOf(d, studentScope);
    const candidates = keyDefs.filter((kd) => {
      if ((kd.params === null) !== (d.params === null)) return false;
      if (kd.params && d.params) return kd.params.length === d.params.length;
      const theirs = unfoldingOf(kd, this.keyScope);
      if (!mine || !theirs) return false;
      if ((mine.indexVar === null) !== (theirs.indexVar === null) || mine.offset !== theirs.offset || mine.literal !== theirs.literal) return false;
      const [a, b] = [lowerBound(d.condition), lowerBound(kd.condition)];
      return a === b || (a !== null && b !== null && a === b);
    });
    for (const kd of candidates) {
      const o = this.sameValue(d, kd, mine?.indexVar ?? null, unfoldingOf(kd, this.keyScope)?.indexVar ?? null);
      if (o && passes(o)) return;
    }
    const theirs = [...keyDefs].sort((p, q) => p.range[0] - q.range[0]).map((kd) => sliceOf(this.key.report.source, kd.range).replace(/^define\s+/, '')).join('; ');
    const what = `your proof ${as === 'definition' ? 'defines' : 'assumes'} ${text}, which is not the key's definition`;
    this.add(d.range, `${what} of ${printName({ ...d.target, index: null })}`, null, `${what} (${theirs})`);
  }

  /** Whether a student's definition has the key's value (parameters and index variables renamed to the key's). */
  private sameValue(d: Define, kd: Define, indexVar: string | null, keyIndexVar: string | null): Outcome | null {
    const locals = new Map<string, typeof SCALAR>();
    const rename = new Map<string, Expr>();
    if (d.params && kd.params) {
      d.params.forEach((p, i) => {
        const kp = kd.params![i]!;
        locals.set(printName(p.name), kp.shape ?? SCALAR);
        if (printName(p.name) !== printName(kp.name)) rename.set(printName(p.name), kp);
      });
    } else if (indexVar !== null && keyIndexVar !== null) {
      locals.set(indexVar, SCALAR);
      if (indexVar !== keyIndexVar) rename.set(indexVar, { kind: 'Var', name: { base: keyIndexVar, index: null, primes: 0, hat: false, range: d.range }, range: d.range, shape: SCALAR });
    }
    const parsed = parseExpression(this.expandAbbreviations(d.value, sliceOf(this.source, d.value.range)));
    if (!parsed.expr) return null;
    const r = resolveIn(parsed.expr, this.keyScope, locals);
    if (r.diagnostics.some((x) => x.severity === 'error')) return null;
    return this.decide(substitute(r.value, rename), '=', kd.value, r.scope);
  }
}

/**
 * The premises of a student's show (declarations, assumptions and definitions in its scope that
 * bear on it) that the key's context for the claim `name` does not give. Empty when the proof
 * would carry over to the key's setting.
 */
export function extraPremises(key: AnswerKey, name: string, file: ResolvedFile, source: string, show: Show | Answer, options: MatchOptions,
  /** What else rests on them: for an answer, its section's chains and shows. */
  also: readonly (Expr | Formula | null)[] = []): ExtraPremise[] {
  const entry = key.statements.get(name);
  const studentScope = file.scopes.get(show);
  if (!entry || !studentScope) return [];
  const check = new PremiseCheck(key, entry.context, source, name, options);
  const keyDefs = (skey: string): Define[] => entry.context.defs.filter((kd) => (entry.context.scope.lookup(kd.target)?.info.key ?? printName(kd.target)) === skey);
  const statements = inScope(file, show);
  for (const st of statements) {
    if (st.kind !== 'Define' || st.params || st.target.index || st.condition) continue;
    const k = studentScope.lookup(st.target)?.info.key ?? printName(st.target);
    if (keyDefs(k).length === 0 && !entry.context.scope.get(k)) check.abbreviations.set(printName(st.target), st.value);
  }

  // The names the show depends on: its own, and those its definitions and assumptions tie to them.
  const relevant = new Set<string>();
  for (const p of [...showParts(show), ...also]) keysIn(p, studentScope, relevant);
  for (let changed = true; changed;) {
    changed = false;
    const grow = (keys: Set<string>) => {
      for (const k of keys) if (!relevant.has(k)) { relevant.add(k); changed = true; }
    };
    for (const st of statements) {
      if (st.kind === 'Define') {
        const target = studentScope.lookup(st.target)?.info.key ?? printName(st.target);
        const reads = keysIn(st.value, studentScope);
        if (relevant.has(target)) grow(reads);
        // (And the other way: an assumption about a name defined from the show's names
        // constrains them, `define d = x` with `assume d = 1`, which was never weighed, and a
        // wrong step under x = 1 earned the show's points, red team rt132.)
        else if ([...reads].some((k) => relevant.has(k))) grow(new Set([target]));
      } else if (st.kind === 'Assume') {
        for (const c of st.conditions) {
          const keys = keysIn(c.formula, studentScope);
          if ([...keys].some((k) => relevant.has(k))) grow(keys);
        }
      }
    }
  }

  // A name the student never declares is a scalar in their file: a proof about scalars says
  // nothing about the key's vectors and matrices (which do not commute).
  // (A name the student only defines, `define v_t = …` with g_t undeclared, is as much theirs.)
  const declared = new Set(statements.flatMap((st) => (st.kind === 'Declare' ? st.names.map((n) => studentScope.lookup(n)?.info.key ?? printName(n)) : [])));
  for (const k of relevant) {
    const info = studentScope.get(k);
    const theirs = entry.context.scope.get(k);
    if (!info || declared.has(k) || !theirs || theirs.implicit || theirs.kind === info.kind || (info.kind === 'scalar' && theirs.kind === 'integer')) continue;
    check.undeclared(show.range, k, info, theirs);
  }
  for (const st of statements) {
    if (st.kind === 'Declare') {
      for (const n of st.names) {
        const info = studentScope.lookup(n)?.info;
        if (info && relevant.has(info.key)) check.declaration(st, printName(n), info);
      }
    } else if (st.kind === 'Assume') {
      for (const c of st.conditions) {
        if ([...keysIn(c.formula, studentScope)].some((k) => relevant.has(k))) check.assumption(c, studentScope, keyDefs);
      }
    } else if (st.kind === 'Define') {
      const target = studentScope.lookup(st.target)?.info.key ?? printName(st.target);
      if (relevant.has(target)) check.definition(st, studentScope, keyDefs);
    }
  }
  return check.extra;
}
