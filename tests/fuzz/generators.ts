/**
 * Generators for fuzzing (issue 13): well-typed expressions of every construct, whole
 * derivations around them (declarations, assumptions, definitions, sections, chains, shows,
 * induction, answers), and mutations of real files (characters inserted, deleted, swapped;
 * lines duplicated, dropped, swapped). Everything is text: what a student could type.
 */
import { fc } from '@fast-check/vitest';

/** Declarations every generated derivation starts with; the expression generators use only these names. */
export const PRELUDE = [
  'integer t, i, k, T',
  'scalar a, b, c, x, y, z, β, γ, μ, lr_max',
  'vector u, w in R^n',
  'vector v_t, g_t in R^n',
  'matrix A, B in R^{n×n}',
  'matrix H in R^{n×n} symmetric',
  'matrix P in R^{n×n} positive definite',
  'matrix M in R^{n×m}',
  'function σ : R → R',
  'function f : R^n → R',
  'random r_t iid with E[r_t] = μ, Var[r_t] = γ²',
  'random q in R^n with E[q] = 0, E[q qᵀ] = I',
].join('\n');

type Kind = 'scalar' | 'vector' | 'matrix';

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** Spellings of one operation, chosen at random (Unicode, ASCII, LaTeX). */
const times = pick(' ', ' * ', '·', ' \\cdot ', ' ');
const le = pick('≤', '<=', '\\le', '\\leq');
const ge = pick('≥', '>=', '\\ge');

const scalarLeaf: fc.Arbitrary<string> = fc.oneof(
  pick('a', 'b', 'c', 'x', 'y', 'z', 'β', 'beta', '\\beta', 'γ', 'μ', 'lr_max', 'r_t', 'r_{t-1}', 't', 'k', 'n', 'π', 'pi', 'e'),
  fc.integer({ min: 0, max: 12 }).map(String),
  pick('½', '0.5', '1e-3', '2.5', '1/2', '\\frac{1}{3}', '10^9', '∞'),
);
const vectorLeaf = pick('u', 'w', 'v_t', 'v_{t-1}', 'g_t', 'g_{t+1}', 'v_0', 'q', '\\mathbf{u}', 'E[q]');
const matrixLeaf = pick('A', 'B', 'H', 'P', 'I', 'I_n', 'Aᵀ', 'A^T', 'A^\\top', 'H⁻¹', 'P^{-1}', 'inv(A)', 'Cov[q]');

const made = new Map<string, fc.Arbitrary<string>>();

/** One expression of a kind, as text; depth-bounded, every construct of the language reachable. */
function exprOf(kind: Kind, depth: number): fc.Arbitrary<string> {
  const key = `${kind} ${depth}`;
  let a = made.get(key);
  if (!a) made.set(key, (a = makeExpr(kind, depth)));
  return a;
}

function makeExpr(kind: Kind, depth: number): fc.Arbitrary<string> {
  if (depth <= 0) return kind === 'scalar' ? scalarLeaf : kind === 'vector' ? vectorLeaf : matrixLeaf;
  const s = exprOf('scalar', depth - 1);
  const v = exprOf('vector', depth - 1);
  const m = exprOf('matrix', depth - 1);
  const p = (x: fc.Arbitrary<string>) => x.map((t) => `(${t})`);
  if (kind === 'scalar') {
    return fc.oneof(
      { weight: 6, arbitrary: scalarLeaf },
      { weight: 3, arbitrary: fc.tuple(s, pick(' + ', ' - ', '+', ' − '), s).map(([l, o, r]) => `${l}${o}${r}`) },
      { weight: 3, arbitrary: fc.tuple(p(s), times, p(s)).map(([l, o, r]) => `${l}${o}${r}`) },
      { weight: 2, arbitrary: fc.tuple(p(s), p(s)).map(([l, r]) => `${l}/${r}`) },
      { weight: 1, arbitrary: fc.tuple(s, s).map(([l, r]) => `\\frac{${l}}{${r}}`) },
      { weight: 2, arbitrary: fc.tuple(p(s), pick('2', '3', '{-1}', '{t}', '{1/2}', 'k', '{10^9}', '²', '³')).map(([b, e]) => (/^[²³]/.test(e) ? `${b}${e}` : `${b}^${e}`)) },
      { weight: 1, arbitrary: fc.tuple(p(s), s).map(([b, e]) => `${b}^{${e}}`) },
      { weight: 1, arbitrary: s.map((x) => `-(${x})`) },
      { weight: 1, arbitrary: s.map((x) => `|${x}|`) },
      { weight: 2, arbitrary: fc.tuple(pick('sin', 'cos', 'tan', 'exp', 'log', 'ln', 'sqrt', 'tanh', 'abs', '\\sin', '\\log', '√', 'σ', "σ'", 'σ\'\''), s).map(([f, x]) => `${f}(${x})`) },
      { weight: 1, arbitrary: fc.tuple(pick('sin', 'cos', '\\exp', 'log'), pick('x', '2x', 'a b', '\\pi x')).map(([f, x]) => `${f} ${x}`) },
      { weight: 1, arbitrary: s.map((x) => `\\sqrt{${x}}`) },
      { weight: 1, arbitrary: fc.tuple(pick('max', 'min'), s, s).map(([f, x, y]) => `${f}(${x}, ${y})`) },
      { weight: 2, arbitrary: fc.tuple(v, v).map(([x, y]) => `(${x})ᵀ (${y})`) },
      { weight: 1, arbitrary: fc.tuple(v, m, v).map(([x, a, y]) => `(${x})^T (${a}) (${y})`) },
      { weight: 2, arbitrary: fc.tuple(pick('‖', '||', '\\|'), v, pick('', '²', '^2', '_2')).map(([bar, x, e]) => `${bar}${x}${bar}${e}`) },
      { weight: 1, arbitrary: m.map((a) => `‖${a}‖_F`) },
      { weight: 1, arbitrary: m.map((a) => `‖${a}‖`) },
      { weight: 2, arbitrary: fc.tuple(pick('tr', 'det', 'λ_max', 'λ_min', '\\operatorname{tr}', 'trace'), m).map(([f, a]) => `${f}(${a})`) },
      { weight: 2, arbitrary: fc.tuple(pick('∑', 'sum', '\\sum', '∏', 'prod'), pick('1', '0', 'k', 't'), pick('k', 't', 'T', '3', 'n', '0'), s).map(([op, lo, hi, body]) => `${op}_{i=${lo}}^{${hi}} (${body}) i`) },
      { weight: 1, arbitrary: fc.tuple(pick('∑', '\\sum'), pick('u', 'w'), pick('u', 'w', '\\mathbf{u}')).map(([op, x, y]) => `${op}_{i=1}^{n} ${x}_i ${y}_i`) },
      { weight: 1, arbitrary: pick('u_1', 'u_i', 'A_{1,2}', 'A_{ij}', 'H_{i j}') },
      { weight: 2, arbitrary: fc.tuple(pick('E', 'Var', '\\mathbb{E}', '\\operatorname{Var}'), pick('r_t', 'r_t²', 'r_t r_{t-1}', '(a r_t + b)', 'uᵀq', '(wᵀq)^2', 'r_t^3')).map(([op, x]) => `${op}[${x}]`) },
      { weight: 1, arbitrary: pick('Cov[r_t, r_{t-1}]', 'E(r_t)', 'E[r_t]²') },
      { weight: 2, arbitrary: fc.tuple(pick('d/dx', '∂/∂x', '\\frac{d}{dx}', 'd²/dx²', '\\frac{\\partial}{\\partial x}'), s).map(([d, body]) => `${d} (${body})`) },
      { weight: 1, arbitrary: s.map((body) => `lim_{T→∞} (${body})`) },
      { weight: 1, arbitrary: fc.tuple(v).map(([x]) => `f(${x})`) },
      { weight: 1, arbitrary: pick('3!', 'k!', '(t+1)!', '(1/2)!') },
      { weight: 1, arbitrary: s.map((x) => `\\left( ${x} \\right)`) },
      { weight: 1, arbitrary: s.map((x) => `\\bar{x} + x̄ + ${x}`) },
    );
  }
  if (kind === 'vector') {
    return fc.oneof(
      { weight: 5, arbitrary: vectorLeaf },
      { weight: 3, arbitrary: fc.tuple(v, pick(' + ', ' - '), v).map(([l, o, r]) => `${l}${o}${r}`) },
      { weight: 3, arbitrary: fc.tuple(p(s), times, p(v)).map(([l, o, r]) => `${l}${o}${r}`) },
      { weight: 3, arbitrary: fc.tuple(p(m), p(v)).map(([a, x]) => `${a} ${x}`) },
      { weight: 1, arbitrary: v.map((x) => `-(${x})`) },
      { weight: 1, arbitrary: fc.tuple(p(v), p(s)).map(([x, c]) => `${x}/${c}`) },
      { weight: 1, arbitrary: v.map((x) => `σ(${x})`) },
      { weight: 1, arbitrary: fc.tuple(v, v).map(([x, y]) => `diag(${x}) (${y})`) },
      { weight: 1, arbitrary: fc.tuple(pick('∇_u', '\\nabla_u', 'nabla_u'), s).map(([g, body]) => `${g} (${body} + uᵀu)`) },
      { weight: 1, arbitrary: pick('∇_u f(u)', '∇_w (wᵀ A w)', '∂/∂u (uᵀ w)', 'E[q]', 'E[q qᵀ] u', 'Cov[q] w') },
      { weight: 1, arbitrary: fc.tuple(pick('∑'), v).map(([op, x]) => `${op}_{i=1}^{k} ${x.replace(/_t\b/g, '_i')}`) },
      { weight: 1, arbitrary: v.map((x) => `(${x})ᵀᵀ`) },
    );
  }
  return fc.oneof(
    { weight: 5, arbitrary: matrixLeaf },
    { weight: 3, arbitrary: fc.tuple(m, pick(' + ', ' - '), m).map(([l, o, r]) => `${l}${o}${r}`) },
    { weight: 3, arbitrary: fc.tuple(p(m), times, p(m)).map(([l, o, r]) => `${l}${o}${r}`) },
    { weight: 2, arbitrary: fc.tuple(p(s), p(m)).map(([c, a]) => `${c} ${a}`) },
    { weight: 2, arbitrary: m.map((a) => `(${a})ᵀ`) },
    { weight: 1, arbitrary: m.map((a) => `(${a})⁻¹`) },
    { weight: 1, arbitrary: fc.tuple(p(m), pick('2', '3', '{-2}', 'k', '0')).map(([a, e]) => `${a}^${e}`) },
    { weight: 2, arbitrary: fc.tuple(v, v).map(([x, y]) => `(${x}) (${y})ᵀ`) },
    { weight: 1, arbitrary: v.map((x) => `diag(${x})`) },
    { weight: 1, arbitrary: pick('∂(A u)/∂u', '∂/∂u (A u + w)', '∇²_u (uᵀ A u)', 'M Mᵀ', 'M Mᵀ - M Mᵀ + A') },
    { weight: 1, arbitrary: fc.tuple(pick('∏', 'prod'), m).map(([op, a]) => `${op}_{t=1}^{T} (${a})`) },
  );
}

/** A well-typed expression of `kind` (depth ≤ `depth`). */
export const expression = (kind: Kind, depth = 3): fc.Arbitrary<string> => exprOf(kind, depth);

/** Any expression, of any kind. */
export const anyExpression: fc.Arbitrary<string> = fc.oneof(expression('scalar'), expression('vector', 2), expression('matrix', 2));

/** A relation between two expressions of a kind (`=` for vectors and matrices). */
function relationFor(kind: Kind): fc.Arbitrary<string> {
  return kind === 'scalar' ? fc.oneof(pick('=', '=', '=', '<', '>', '≠'), le, ge) : pick('=', '=', '≠');
}

const hint = fc.oneof(
  { weight: 4, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: pick('   by def v', '   by def w', '   by assumption', '   by linearity', '   by IH', '   by a = b', '   by x = 2, y = x',
    '   by "s1"', '   since H symmetric', '   by Cauchy-Schwarz', '   by submultiplicativity', '   by geometric sum', '   by nonsense rule',
    '   # a comment', '   \\quad \\text{by def v}') },
);

/** A chain: a head line and 1–3 lines each beginning with a relation (or one line with several). */
function chainOf(kind: Kind, depth: number): fc.Arbitrary<string[]> {
  const e = expression(kind, depth);
  const link = fc.tuple(relationFor(kind), e, hint).map(([r, x, h]) => `  ${r} ${x}${h}`);
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(e, fc.array(link, { minLength: 1, maxLength: 3 })).map(([head, links]) => [`    ${head}`, ...links]) },
    { weight: 1, arbitrary: fc.tuple(e, relationFor(kind), e, relationFor(kind), e).map(([a, r1, b, r2, c]) => [`${a} ${r1} ${b} ${r2} ${c}`]) },
    { weight: 1, arbitrary: fc.tuple(expression('scalar', 1), expression('scalar', 1)).map(([l, r]) => [`${l} = ${r} ⇔ ${r} = ${l}`, `  ⇔ ${l} - ${r} = 0`]) },
  );
}

const kindArb = fc.constantFrom<Kind>('scalar', 'scalar', 'vector', 'matrix');

const assumption = fc.oneof(
  pick('assume 0 < β < 1', 'assume γ > 0, x ≠ 0', 'assume a ≥ 0 and b ≥ 0', 'assume A invertible', 'assume I + A B invertible',
    'assume |σ\'(z)| ≤ γ for all z', 'assume λ_max(Aᵀ A) ≤ 1', 'assume x = 2', 'assume x = 1, x = 2', 'assume a b > 1', 'assume t ≥ 1',
    'assume n = 3', 'assume c² = 2', 'assume uᵀu = 1'),
  fc.tuple(expression('scalar', 1), le, expression('scalar', 1)).map(([l, r, h]) => `assume ${l} ${r} ${h}`),
);

const definition = fc.oneof(
  pick('define v_0 = 0', 'define v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1', 'define w = A u', 'define h(x) = x² + 1',
    'define s(z) = 1/(1 + exp(-z))', 'define v_t = v_t + 1', 'define a = b + 1', 'define b = a - 1', 'define c = c', 'define x_t = x_{t+1}',
    'define g_t = g_{t-1} for t ≥ 0', 'define T = 3'),
  fc.tuple(pick('a', 'c', 'z'), expression('scalar', 2)).map(([n, e]) => `define ${n} = ${e}`),
  fc.tuple(pick('w', 'u'), expression('vector', 2)).map(([n, e]) => `define ${n} = ${e}`),
);

const show = fc.oneof(
  { weight: 2, arbitrary: fc.tuple(kindArb, fc.nat(9)).chain(([kind, label]) => fc.tuple(expression(kind, 2), relationFor(kind), expression(kind, 2), chainOf(kind, 2))
    .map(([l, r, rhs, chain]) => [`show "s${label}": ${l} ${r} ${rhs}`, ...chain.map((x) => `  ${x}`)])) },
  { weight: 1, arbitrary: fc.tuple(expression('scalar', 2), expression('scalar', 2)).map(([l, r]) => [`show ${l} = ${r}   for all t ≥ 0`]) },
  { weight: 1, arbitrary: fc.tuple(expression('vector', 1), expression('vector', 1), expression('vector', 1)).map(([l, r, mid]) => [
    `show "s1": v_t = ${r}   for all t ≥ 0   by induction on t`, '  base:', '      v_0', `    = ${l}   by def v`, '  step:', '      v_t',
    `    = ${mid}   by IH`, `    = ${r}`]) },
  { weight: 1, arbitrary: fc.tuple(expression('scalar', 1), expression('scalar', 1)).map(([l, r]) => [`answer "a1" [2 points]: ${l} = ${r}, x = 1`]) },
  { weight: 1, arbitrary: fc.constant<string[]>(['show "lim": q^T → 0 as T → ∞', '    q^T', '  → 0 as T → ∞']) },
);

/** One block of a derivation: a chain, a show, an assumption, a definition, a section, a comment. */
const block: fc.Arbitrary<string[]> = fc.oneof(
  { weight: 5, arbitrary: kindArb.chain((k) => chainOf(k, 3)) },
  { weight: 2, arbitrary: show },
  { weight: 2, arbitrary: assumption.map((x) => [x]) },
  { weight: 2, arbitrary: definition.map((x) => [x]) },
  { weight: 1, arbitrary: fc.nat(99).map((i) => [`section "${i}"`]) },
  { weight: 1, arbitrary: pick(['# a comment'], ['title "Fuzz — <b>&amp;</b> \\input{x}"'], ['scalar constructor, __proto__, toString'], ['vector p in R^3'], ['matrix C in R^{3×3} orthogonal'], ['\\begin{align*}', 'x &= x \\\\', '\\end{align*}']) },
);

/** A whole derivation: the prelude, then 1–6 blocks separated by blank lines. */
export const derivation: fc.Arbitrary<string> = fc.array(block, { minLength: 1, maxLength: 6 })
  .map((blocks) => `${PRELUDE}\n\n${blocks.map((b) => b.join('\n')).join('\n\n')}\n`);

/** Characters a mutation inserts: ASCII syntax, math Unicode, LaTeX, invisible and control characters. */
const MUTATION_CHARS = [
  '(', ')', '{', '}', '[', ']', '|', '‖', '^', '_', '\\', '/', '*', '+', '-', '=', '<', '>', '!', ',', ':', '"', '#', '&', '$', '\'',
  ' ', '\t', '\n', '\r', '\r\n', 'x', 'A', 'σ', 'β', '∑', '∏', '∇', '∂', '√', 'ᵀ', '⁻¹', '²', '₂', '½', '≤', '⇔', '→', '∞', '·', '×',
  '0', '9', '.', 'e', 'by', 'def', 'for all', 'section', 'show', 'base:', 'step:', '\\frac', '\\left(', '\\right)', '\\sum_{',
  '\u200B', '\u200F', '\u202E', '\u0301', '\uFEFF', '\u00A0', '😀', '𝑥', '\u0000', '\uD800',
];

type Mutation = (text: string) => string;

/** One random edit of a text: a character or token inserted, a span deleted or swapped, a line duplicated, dropped or moved. */
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...MUTATION_CHARS)).map(([at, ch]): Mutation => (t) => {
    const i = Math.floor(at * t.length);
    return t.slice(0, i) + ch + t.slice(i);
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 8 })).map(([at, n]): Mutation => (t) => {
    const i = Math.floor(at * t.length);
    return t.slice(0, i) + t.slice(i + n);
  }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at): Mutation => (t) => {
    const i = Math.floor(at * (t.length - 1));
    return t.slice(0, i) + t.charAt(i + 1) + t.charAt(i) + t.slice(i + 2);
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('dup', 'drop', 'swap')).map(([a, b, op]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = Math.floor(a * lines.length);
    const j = Math.floor(b * lines.length);
    if (op === 'dup') lines.splice(i, 0, lines[i] ?? '');
    else if (op === 'drop') lines.splice(i, 1);
    else [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  }),
);

/** A text with 1–`max` random edits. */
export const mutated = (texts: readonly string[], max = 6): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...texts), fc.array(mutation, { minLength: 1, maxLength: max })).map(([t, ms]) => ms.reduce((acc, m) => m(acc), t));
