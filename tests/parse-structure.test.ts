import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Chain, ChainStatement, Derivation, Expr, Formula, Show, Statement } from '../src/ast.js';
import { parseDerivation } from '../src/parse/index.js';
import { printExpr, printFormula } from '../src/print.js';
import { SourceFile } from '../src/source.js';

const DERIVATIONS = join(import.meta.dirname, '..', 'derivations');

function print(node: Expr | Formula | null): string | null {
  if (node === null) return null;
  return node.kind === 'Compare' || node.kind === 'Logic' || node.kind === 'TagFact' ? printFormula(node) : printExpr(node);
}

/** Every chain in a derivation, with where it hangs. */
function chains(ast: Derivation): { owner: string; chain: Chain }[] {
  return ast.statements.flatMap((s) => {
    if (s.kind === 'ChainStatement') return [{ owner: 'chain', chain: s.chain }];
    if (s.kind !== 'Show') return [];
    const named = s.name ?? '(unnamed)';
    return [
      ...(s.chain ? [{ owner: named, chain: s.chain }] : []),
      ...(s.base ? [{ owner: `${named} base`, chain: s.base }] : []),
      ...(s.step ? [{ owner: `${named} step`, chain: s.step }] : []),
    ];
  });
}

/** A one-line summary per show and chain: `name: steps (relations)`. */
function outline(text: string): string[] {
  const { ast } = parseDerivation(text);
  const src = new SourceFile('x', text);
  const shows = ast.statements.filter((s): s is Show => s.kind === 'Show');
  return [
    ...shows.map((s) => `show ${s.name ?? '(unnamed)'}${s.chain || s.base ? '' : ' (no chain)'}`),
    ...chains(ast).map(({ owner, chain }) =>
      `${owner}: ${chain.steps.map((step) => `${src.position(step.relRange[0]).line}${step.rel}`).join(' ')}`),
  ];
}

describe('the example derivations', () => {
  const files = readdirSync(DERIVATIONS).filter((f) => f.endsWith('.deriv'));

  it('are all here', () => {
    expect(files.sort()).toEqual(['calculus.deriv', 'q1-rnn.deriv', 'q2-momentum.deriv', 'q3-taylor.deriv', 'q4-weightnorm.deriv', 'wrong.deriv']);
  });

  describe.each(files)('%s', (file) => {
    const text = readFileSync(join(DERIVATIONS, file), 'utf8');
    const { ast, diagnostics } = parseDerivation(text);
    const src = new SourceFile(file, text);

    it('parses with no diagnostics', () => {
      expect(diagnostics).toEqual([]);
    });

    it('gives every line that starts with a relation exactly one step, which starts on it', () => {
      const stepLines = chains(ast).flatMap(({ chain }) => chain.steps.map((s) => src.position(s.relRange[0]).line));
      const relationLines = text.split('\n').flatMap((line, i) => (/^\s*(?:=|≤|≥|<|>|≠|→|⇔|⇒)/u.test(line) ? [i + 1] : []));
      expect(stepLines.sort((a, b) => a - b)).toEqual(relationLines);
      for (const { chain } of chains(ast)) {
        for (const step of chain.steps) {
          expect(text.slice(...step.relRange)).toBe(step.rel);
          expect(step.rhs).not.toBeNull();
        }
      }
    });
  });

  const outlines: Record<string, string[]> = {
    'q1-rnn.deriv': [
      'show 1.1', 'show 1.2',
      '1.1: 17= 18= 19=',
      '1.2: 30= 31≤ 32≤ 33≤ 34≤ 35= 36→',
    ],
    'q2-momentum.deriv': [
      'show momentum', 'show running average', 'show (unnamed) (no chain)', 'show 2.2', 'show 2.3', 'show (unnamed) (no chain)',
      'momentum: 14= 15= 16= 17=',
      'running average: 24= 25= 26= 27=',
      '2.2 base: 41= 42=',
      '2.2 step: 45= 46= 47= 48=',
      '2.3: 55= 56= 57= 58=',
    ],
    'q3-taylor.deriv': [
      'show 3.1', 'show (unnamed)', 'show gradient', 'show (unnamed)',
      '3.1: 13= 14= 15=',
      '(unnamed): 21⇔ 22⇔ 23⇔ 24⇔',
      'gradient: 30= 31= 32=',
      '(unnamed): 35⇔ 36⇔ 37⇔ 38⇔',
    ],
    'q4-weightnorm.deriv': [
      'show 4.1', 'show 4.2', 'show 4.3',
      '4.1: 15= 16= 17= 18=',
      '4.2: 23= 24= 25= 26=',
      '4.3: 33= 34= 35≥',
    ],
    'wrong.deriv': [
      'show (unnamed) (no chain)', 'show (unnamed) (no chain)',
      'chain: 15= 16=', 'chain: 30=', 'chain: 32=', 'chain: 34=', 'chain: 38=', 'chain: 40=',
    ],
  };

  it.each(Object.entries(outlines))('%s has the right shows, chains and steps', (file, expected) => {
    expect(outline(readFileSync(join(DERIVATIONS, file), 'utf8'))).toEqual(expected);
  });

  it('q2: the induction has its blocks, claim and variable', () => {
    const text = readFileSync(join(DERIVATIONS, 'q2-momentum.deriv'), 'utf8');
    const src = new SourceFile('q2', text);
    const show = parseDerivation(text).ast.statements.find((s): s is Show => s.kind === 'Show' && s.name === '2.2')!;
    expect(print(show.induction)).toBe('t');
    expect(print(show.forAll)).toBe('t ≥ 0');
    expect(src.position(show.baseRange![0]).line).toBe(39);
    expect(src.position(show.stepRange![0]).line).toBe(43);
    expect([print(show.base!.head), print(show.step!.head)]).toEqual(['v_0', 'v_t']);
    expect(show.step!.steps[1]!.hint?.items).toMatchObject([{ kind: 'IH' }]);
  });

  it('q3: a ⇔ chain starts with a whole statement and its steps are statements', () => {
    const text = readFileSync(join(DERIVATIONS, 'q3-taylor.deriv'), 'utf8');
    const shows = parseDerivation(text).ast.statements.filter((s): s is Show => s.kind === 'Show');
    const chain = shows[1]!.chain!;
    expect(print(chain.head)).toBe('f̂(x_0 - ε g) < f(x_0)');
    expect(chain.steps.map((s) => s.rhs?.kind)).toEqual(['Compare', 'Compare', 'Compare', 'Compare']);
    expect(chain.steps[2]!.hint?.items).toMatchObject([{ kind: 'fact', dividing: true }]);
  });

  it('q1: the limit step knows its variable', () => {
    const text = readFileSync(join(DERIVATIONS, 'q1-rnn.deriv'), 'utf8');
    const show = parseDerivation(text).ast.statements.find((s): s is Show => s.kind === 'Show' && s.name === '1.2')!;
    expect(show.limit && [print(show.limit.wrt), print(show.limit.to)]).toEqual(['T', '∞']);
    const last = show.chain!.steps.at(-1)!;
    expect([last.rel, print(last.rhs), last.limit && print(last.limit.wrt), last.limit && print(last.limit.to)])
      .toEqual(['→', '0', 'T', '∞']);
  });
});

describe('chains', () => {
  const parse = (text: string) => parseDerivation(text);
  const chainOf = (text: string): Chain => {
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    const statement = ast.statements.find((s): s is ChainStatement => s.kind === 'ChainStatement');
    return statement!.chain;
  };
  const steps = (chain: Chain) => chain.steps.map((s) => `${s.rel} ${print(s.rhs)}`);

  it('splits a one-line chain at its relations', () => {
    const text = 'v_0 = 0 = (1-β) ∑_{i=1}^{0} β^{-i} g_i';
    const chain = chainOf(text);
    expect(print(chain.head)).toBe('v_0');
    expect(steps(chain)).toEqual(['= 0', '= (1 - β) (∑_{i=1}^{0} β^(-i) g_i)']);
    expect(chain.steps.map((s) => text.slice(...s.relRange))).toEqual(['=', '=']);
    expect(text.slice(...chain.steps[1]!.range)).toBe('= (1-β) ∑_{i=1}^{0} β^{-i} g_i');
  });

  it('continues a one-line chain from its last operand', () => {
    expect(steps(chainOf('a = b ≤ c\n  = d'))).toEqual(['= b', '≤ c', '= d']);
  });

  it('gives the head line hint to its last step, or to the head when it has no relation', () => {
    const split = chainOf('a = b = c   by def c');
    expect([split.headHint, split.steps[0]!.hint, split.steps[1]!.hint?.text]).toEqual([null, null, 'def c']);
    const head = chainOf('a   by def a\n  = b');
    expect([head.headHint?.text, head.steps[0]!.hint]).toEqual(['def a', null]);
  });

  it('keeps a comparison whole when the chain goes on with ⇔ or ⇒', () => {
    const chain = chainOf('a < b\n  ⇔ c < d\n  ⇒ e < f');
    expect(print(chain.head)).toBe('a < b');
    expect(steps(chain)).toEqual(['⇔ c < d', '⇒ e < f']);
  });

  it('makes a one-line chain of statements one step per ⇔ / ⇒, never nothing to check', () => {
    const chain = chainOf('a < b ⇔ c < d ⇒ e = f or e = g');
    expect([chain.head?.kind, chain.steps.map((s) => s.rel), chain.steps.map((s) => s.rhs?.kind)])
      .toEqual(['Compare', ['⇔', '⇒'], ['Compare', 'Logic']]);
  });

  it('makes one step per relation on a continuation line, the hint on the last', () => {
    const chain = chainOf('a\n  = b ≤ c   by assumption');
    expect(steps(chain)).toEqual(['= b', '≤ c']);
    expect(chain.steps.map((s) => s.hint?.text ?? null)).toEqual([null, 'assumption']);
  });

  it('reads `→ 0 as T → ∞` as a limit step', () => {
    const chain = chainOf('δ^T\n  → 0 as T → ∞');
    expect(chain.steps[0]).toMatchObject({ rel: '→', limit: { wrt: { kind: 'Var' }, to: { kind: 'Const', name: 'inf' } } });
  });

  it('ends a chain at a blank line but not at a comment line', () => {
    const { ast } = parse('a\n  # a comment\n  = b\n\nc\n  = d');
    expect(ast.statements.map((s) => s.kind === 'ChainStatement' && steps(s.chain))).toEqual([['= b'], ['= d']]);
  });

  it('keeps chains in file order among the statements', () => {
    const { ast } = parse('scalar a\na\n  = a\nsection "x"\nb\n  = b');
    expect(ast.statements.map((s: Statement) => s.kind)).toEqual(['Declare', 'ChainStatement', 'Section', 'ChainStatement']);
  });

  it('handles tabs, CRLF and lone CR line breaks', () => {
    for (const text of ['a\r\n\t= b\r\n\t= c\r\n', 'a\r\t= b\r\t= c', 'a\n\t= b\n\t= c']) {
      const chain = chainOf(text);
      expect(steps(chain), JSON.stringify(text)).toEqual(['= b', '= c']);
      expect(chain.steps.map((s) => text.slice(...s.relRange))).toEqual(['=', '=']);
    }
  });

  it('skips a byte-order mark', () => {
    const text = '\uFEFFscalar a\na\n= a';
    const { ast, diagnostics } = parse(text);
    expect(diagnostics).toEqual([]);
    expect(text.slice(...ast.statements[0]!.range)).toBe('scalar a');
  });
});

describe('shows and their chains', () => {
  const shows = (text: string) => parseDerivation(text).ast.statements.filter((s): s is Show => s.kind === 'Show');

  it('a chain right after a show is its chain, even after comment lines', () => {
    expect(shows('show a = b\n  a\n  = b')[0]!.chain).not.toBeNull();
    expect(shows('show a = b\n  # first, expand\n  a\n  = b')[0]!.chain).not.toBeNull();
  });

  it('a chain after a blank line is not the show\'s', () => {
    const { ast } = parseDerivation('show a = b\n\n  a\n  = b');
    expect(ast.statements.map((s) => s.kind)).toEqual(['Show', 'ChainStatement']);
    expect((ast.statements[0] as Show).chain).toBeNull();
  });

  it('only the first chain after a show is its chain', () => {
    const { ast } = parseDerivation('show a = c\n  a\n  = b\n  c\n  = c');
    expect(ast.statements.map((s) => s.kind)).toEqual(['Show', 'ChainStatement']);
  });

  it('an induction gets its base and step chains', () => {
    const [show] = shows('show v_t = 0 for all t ≥ 0 by induction on t\n  base:\n    v_0\n    = 0\n\n  step:\n    v_t\n    = 0   by IH');
    expect([print(show!.base!.head), show!.base!.steps.length, print(show!.step!.head), show!.step!.steps.length])
      .toEqual(['v_0', 1, 'v_t', 1]);
  });

  it('a block may hold the first line of its chain', () => {
    const [show] = shows('show v_t = 0 for all t ≥ 0 by induction on t\n  base: v_0 = 0\n  step: v_t\n    = 0');
    expect([print(show!.base!.head), show!.base!.steps.length, print(show!.step!.head)]).toEqual(['v_0', 1, 'v_t']);
  });
});

describe('lines that do not parse still take their place', () => {
  it('a failed continuation line is a step with no right side', () => {
    const { ast, diagnostics } = parseDerivation('a\n  = b +\n  = c');
    expect(diagnostics.map((d) => d.code)).toEqual(['missing-operand']);
    const chain = (ast.statements[0] as ChainStatement).chain;
    expect(chain.steps.map((s) => [s.rel, print(s.rhs)])).toEqual([['=', null], ['=', 'c']]);
  });

  it('a failed head line is a chain with no head', () => {
    const { ast } = parseDerivation('(a\n  = b\n  = c');
    const chain = (ast.statements[0] as ChainStatement).chain;
    expect([chain.head, chain.steps.length]).toEqual([null, 2]);
  });

  it('an unknown relation still continues the chain', () => {
    const { ast, diagnostics } = parseDerivation('a\n  ≈ b\n  = c');
    expect(diagnostics.map((d) => d.code)).toEqual(['unknown-relation']);
    expect((ast.statements[0] as ChainStatement).chain.steps.map((s) => print(s.rhs))).toEqual([null, 'c']);
  });

  it('a failed show line leaves its chain as a plain chain', () => {
    const { ast, diagnostics } = parseDerivation('show a =\n  a\n  = b');
    expect(diagnostics.map((d) => d.code)).toEqual(['missing-operand']);
    expect(ast.statements.map((s) => s.kind)).toEqual(['ChainStatement']);
  });
});
