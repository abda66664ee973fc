import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../src/grade/grade.js';
import { loadKey, type AnswerKey } from '../src/grade/key.js';
import { matchClaim } from '../src/grade/match.js';
import { toPrairieLearn } from '../src/grade/prairielearn.js';
import { seedFor, type ClaimResult, type FailureKind, type SubmissionResult } from '../src/grade/result.js';
import { decode, readSubmission, type SubmissionReader } from '../src/grade/submission.js';

/**
 * Grading logic, in-process: the worked key for Q2 (examples/keys/q2-key.deriv) against a
 * class of students, every score and every reason asserted. Fixtures use plain algebra and
 * wrong coefficients, whose verdicts do not hang on how sampling works.
 */
const root = path.join(import.meta.dirname, '..');
const q2 = path.join(root, 'tests', 'fixtures', 'grade', 'q2');
const read = (p: string) => readFileSync(p, 'utf8');

/** An in-memory file system: paths to bytes or text; folders are the prefixes. */
function memory(files: Record<string, string | Uint8Array>): SubmissionReader {
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? new TextEncoder().encode(v) : v);
  return {
    async readBytes(p, limit) {
      const v = files[p];
      if (v === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return bytes(v).subarray(0, limit + 1);
    },
    async listFolder(p) {
      if (files[p] !== undefined) return null;
      const entries = new Map<string, 'file' | 'folder'>();
      for (const k of Object.keys(files)) {
        if (!k.startsWith(`${p}/`)) continue;
        const rest = k.slice(p.length + 1).split('/');
        entries.set(rest[0]!, rest.length > 1 ? 'folder' : 'file');
      }
      if (entries.size === 0 && p.endsWith('.deriv')) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return [...entries].map(([name, kind]) => ({ name, kind }));
    },
  };
}

let key: AnswerKey;
beforeAll(async () => {
  const loaded = await loadKey(read(path.join(root, 'examples', 'keys', 'q2-key.deriv')), 'q2-key.deriv');
  expect(loaded.problems).toEqual([]);
  key = loaded.key!;
});

async function gradeFiles(files: Record<string, string | Uint8Array>, given: string, seed = 7, timeLimitMs?: number): Promise<SubmissionResult> {
  const sub = await readSubmission(memory(files), given);
  return gradeSubmission(key, sub, { seed, ...(timeLimitMs !== undefined ? { timeLimitMs } : {}) });
}
const gradeFixture = (name: string) => gradeFiles({ [name]: read(path.join(q2, name)) }, name);

/** What a claim must come to: points, and each failure's kind, line and message. */
interface Expected {
  points: number;
  failures?: { kind: FailureKind; line?: number | null; message: RegExp; counterexample?: boolean }[];
}

function expectClaim(c: ClaimResult | undefined, e: Expected): void {
  expect(c).toBeDefined();
  expect(c!.points).toBe(e.points);
  expect(c!.status).toBe(e.points === c!.maxPoints ? 'passed' : e.points > 0 ? 'partial' : 'failed');
  const failures = e.failures ?? [];
  expect(c!.failures.map((f) => f.kind)).toEqual(failures.map((f) => f.kind));
  failures.forEach((f, i) => {
    const got = c!.failures[i]!;
    expect(got.message).toMatch(f.message);
    if (f.line !== undefined) expect(got.place?.line ?? null).toBe(f.line);
    if (f.counterexample !== undefined) expect(got.counterexample !== null).toBe(f.counterexample);
  });
}

const FULL: Record<string, Expected> = { '2.1 momentum': { points: 3 }, '2.1 running average': { points: 3 }, '2.1': { points: 4 }, '2.2': { points: 10 } };

/** The class: each student's claims, scored and explained. */
const CLASS: { file: string; total: number; claims: Record<string, Expected> }[] = [
  { file: 'correct.deriv', total: 20, claims: FULL },
  { file: 'equivalent.deriv', total: 20, claims: FULL },
  { file: 'swapped.deriv', total: 20, claims: FULL },
  { file: 'hostile-title.deriv', total: 20, claims: FULL },
  {
    file: 'wrong-step.deriv', total: 17,
    claims: {
      ...FULL,
      '2.1 momentum': {
        points: 0,
        failures: [
          { kind: 'step', line: 16, message: /^this step does not follow \(refuted\): the two sides differ at this point; left − right = \(-2 ε\) g_t$/, counterexample: true },
          { kind: 'step', line: 17, message: /^this step does not follow \(refuted\)/, counterexample: true },
        ],
      },
    },
  },
  {
    file: 'wrong-answer.deriv', total: 16,
    claims: {
      ...FULL,
      '2.1': {
        points: 0,
        failures: [{ kind: 'claim-differs', line: 31, message: /^your ε = δβ is not among the key's claims: δ β is not what the key has on the other side: the two sides differ at this point$/, counterexample: true }],
      },
    },
  },
  {
    file: 'missing.deriv', total: 10,
    claims: { ...FULL, '2.2': { points: 0, failures: [{ kind: 'missing', line: null, message: /^no show named "2\.2" was found$/ }] } },
  },
  {
    file: 'partial.deriv', total: 17.14,
    claims: {
      ...FULL,
      '2.2': {
        points: 7.14,
        failures: [
          { kind: 'step', line: 46, message: /^this step does not follow \(refuted\)/, counterexample: true },
          { kind: 'step', line: 47, message: /^this step does not follow \(refuted\)/, counterexample: true },
        ],
      },
    },
  },
  {
    file: 'assumption.deriv', total: 7,
    claims: {
      ...FULL,
      '2.1 running average': { points: 0, failures: [{ kind: 'assumption', line: 20, message: /^your proof assumes β = 1\/2, which the key does not make \(it fails at β = [\d.]+\)$/, counterexample: true }] },
      '2.2': { points: 0, failures: [{ kind: 'assumption', line: 37, message: /^your proof defines v_t = \(1-β\) ∑_\{i=1\}\^\{t\} β\^\{t-i\} g_i, which is not the key's definition of v$/ }] },
    },
  },
  {
    file: 'garbage.deriv', total: 0,
    claims: Object.fromEntries(Object.keys(FULL).map((k) => [k, { points: 0, failures: [{ kind: 'missing' as const, line: null, message: /^no (show|answer) named ".*" was found$/ }] }])),
  },
];

describe('grading the class against the Q2 key', () => {
  for (const student of CLASS) {
    it(`${student.file}: ${student.total} / 20`, async () => {
      const r = await gradeFixture(student.file);
      expect(r.maxPoints).toBe(20);
      expect(r.completed).toBe(true);
      expect(r.claims.map((c) => c.name)).toEqual(['2.1 momentum', '2.1 running average', '2.1', '2.2']);
      for (const [name, e] of Object.entries(student.claims)) expectClaim(r.claims.find((c) => c.name === name), e);
      expect(r.points).toBe(student.total);
      expect(r.report?.files).toHaveLength(1);
    });
  }

  it("a student's message never shows the key's text; the TA's detail does", async () => {
    const wrong = (await gradeFixture('wrong-answer.deriv')).claims[2]!.failures[0]!;
    expect(wrong.message).not.toMatch(/1 ?- ?β|left − right/);
    expect(wrong.detail).toMatch(/^your ε = δβ is not the key's ε = δ\(1-β\): δ β is not δ \(1 - β\): the two sides differ at this point; left − right = 2 β δ - δ$/);
    const premise = (await gradeFixture('assumption.deriv')).claims[3]!.failures[0]!;
    expect(premise.detail).toBe("your proof defines v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i, which is not the key's definition (v_0 = 0; v_t = β v_{t-1} + (1-β) g_t for t ≥ 1)");
  });

  it('a claim that earned points says how; a partial one says how much held', async () => {
    const r = await gradeFixture('partial.deriv');
    expect(r.claims[0]!.note).toBe("your claim is the key's (proved) and your show is proved");
    expect(r.claims[3]!.note).toBe("your claim is the key's (proved); 5 of 7 steps and checks of your show pass (reaching the claim is one)");
  });

  it('garbage: the lines that cannot be read are listed', async () => {
    const r = await gradeFixture('garbage.deriv');
    expect(r.formatErrors).toHaveLength(4);
    expect(r.formatErrors[0]).toMatch(/^garbage\.deriv:1:8: /);
  });

  it('a hostile title is kept as written (the outputs escape it)', async () => {
    const r = await gradeFixture('hostile-title.deriv');
    expect(r.title).toContain('<img src=x onerror=alert(1)>');
    expect(r.title).toContain('\u001b[31m');
  });
});

describe('submissions that cannot be read', () => {
  const correct = read(path.join(q2, 'correct.deriv'));
  const cases: { name: string; bytes: Uint8Array | string; problem: RegExp; points?: number }[] = [
    { name: 'binary.deriv', bytes: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe]), problem: /does not look like a text file \(it holds NUL bytes\)/ },
    { name: 'latin1.deriv', bytes: Uint8Array.from([...'title "caf'].map((c) => c.charCodeAt(0)).concat([0xe9, 0x22, 0x0a])), problem: /is not UTF-8 text/ },
    { name: 'huge.deriv', bytes: new Uint8Array(10 * 1024 * 1024).fill(0x61), problem: /1\.0 MB or more; a derivation over 1 MB is not graded/ },
    { name: 'empty.deriv', bytes: '', problem: /the file is empty/ },
  ];
  for (const c of cases) {
    it(`${c.name}: 0 for every claim, with the reason`, async () => {
      const r = await gradeFiles({ [c.name]: c.bytes }, c.name);
      expect(r.points).toBe(0);
      expect(r.problems.join(' ')).toMatch(c.problem);
      expect(r.formatErrors.join(' ')).toMatch(c.problem);
      for (const claim of r.claims) expect(claim.failures[0]!.kind).toMatch(/^(unreadable|missing)$/);
    });
  }

  it('UTF-16 with a byte-order mark is read, and graded like UTF-8', async () => {
    const le = new Uint8Array(2 + correct.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < correct.length; i++) {
      le[2 + 2 * i] = correct.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = correct.charCodeAt(i) >> 8;
    }
    expect(decode(le)).toEqual({ text: correct });
    const r = await gradeFiles({ 'utf16.deriv': le }, 'utf16.deriv');
    expect(r.points).toBe(20);
  });

  it('10,000 lines of noise: 0, and at most 50 unreadable lines listed', async () => {
    const noise = Array.from({ length: 10_000 }, () => '@@ noise ((( !!!').join('\n');
    const r = await gradeFiles({ 'noise.deriv': noise }, 'noise.deriv');
    expect(r.points).toBe(0);
    expect(r.formatErrors).toHaveLength(51);
    expect(r.formatErrors[50]).toMatch(/^… and \d+ more lines that could not be read$/);
  });

  it('a folder is one student: its .deriv files are read together', async () => {
    const [first, second] = [correct.slice(0, correct.indexOf('section "2.2')), correct.slice(0, correct.indexOf('section "2.1')) + correct.slice(correct.indexOf('section "2.2'))];
    const r = await gradeFiles({ 'ada/part1.deriv': first!, 'ada/part2.deriv': second!, 'ada/notes.txt': 'scratch', 'ada/.hidden.deriv': 'junk' }, 'ada/');
    expect(r.student).toBe('ada');
    expect(r.files).toEqual(['ada/part1.deriv', 'ada/part2.deriv']);
    expect(r.points).toBe(20);
  });

  it('a folder without a .deriv file: 0, saying what was there', async () => {
    const r = await gradeFiles({ 'bob/answers.pdf': 'x', 'bob/notes.txt': 'y' }, 'bob');
    expect(r.points).toBe(0);
    expect(r.problems).toEqual(['no .deriv file was submitted (it holds answers.pdf, notes.txt): submit your derivation as a .deriv file']);
  });
});

describe('the time limit of a submission', () => {
  const correct = read(path.join(q2, 'correct.deriv'));

  it('past the limit nothing more is checked: every claim left earns 0, saying so', async () => {
    const r = await gradeFiles({ 'late.deriv': correct }, 'late.deriv', 7, 1);
    for (const c of r.claims) {
      expect(c.points).toBe(0);
      expect(c.failures[0]!.kind).toBe('time-limit');
      expect(c.failures[0]!.message).toMatch(/^checking stopped before this (step|show): the submission's time limit \(1 ms\) ran out$/);
    }
    expect(r.problems).toEqual(["the submission's time limit (1 ms; raise --timeout) ran out; what was not checked by then earns no points"]);
    // Grading did not finish (README: exit 1, "out of time"), though it has its result.
    expect(r.completed).toBe(false);
  });

  it('the step being checked when the limit runs out says so, not that it was left out', async () => {
    // (A right step, slow to check, inside the first claim's chain.)
    const last = '  = α Δθ_{t-1} - ε g_t               by def Δθ\n';
    const slow = '  = α Δθ_{t-1} - ε g_t + (∑_{i=1}^{5000} (sin(i x)^2 + cos(i x)^2) - 5000) g_t\n';
    const text = correct.replace('scalar α, β, δ, ε', 'scalar α, β, δ, ε, x').replace(last, `${last}${slow}`);
    expect(text).toContain(slow);
    const sub = await readSubmission(memory({ 'slow.deriv': text }), 'slow.deriv');
    const r = await gradeSubmission(key, sub, { seed: 7, timeLimitMs: 1500, stepTimeoutMs: 30_000 });
    const messages = r.claims.flatMap((c) => c.failures.map((f) => f.message));
    expect(messages.some((m) => /^this step was being checked when the submission's time limit \(1\.5 s\) ran out$/.test(m)), messages.join('\n')).toBe(true);
    expect(messages.some((m) => /raise --step-timeout/.test(m)), messages.join('\n')).toBe(false);
  }, 60_000);

  it('what is checked before the limit keeps its points; what comes after earns 0', async () => {
    // 18,000 steps between 2.1 and 2.2 (identical lines: parsed once, each step still decided),
    // against 4 s: as many per second as 45,000 against 10 s, which this test took before.
    const slow = Array.from({ length: 18_000 }, () => 'x^3 + 2 = 2 + x^3').join('\n');
    const text = correct.replace('section "2.2 unrolled"', `section "slow"\nscalar x\n${slow}\n\nsection "2.2 unrolled"`);
    const r = await gradeFiles({ 'slow.deriv': text }, 'slow.deriv', 7, 4_000);
    expect(r.claims.slice(0, 3).map((c) => c.points)).toEqual([3, 3, 4]);
    expect(r.claims[3]!.points).toBe(0);
    expect(r.claims[3]!.failures.map((f) => f.kind)).toEqual(['time-limit', 'time-limit', 'time-limit', 'time-limit']);
    expect(r.claims[3]!.failures[0]!.message).toMatch(/^checking stopped before this (step|show): the submission's time limit \(4 s\) ran out$/);
    expect(r.problems).toEqual(["the submission's time limit (4 s; raise --timeout) ran out; what was not checked by then earns no points"]);
    expect(r.completed).toBe(false);
    // On PrairieLearn too what was checked keeps its points: gradable, 10 of 20.
    expect(toPrairieLearn(r, key)).toMatchObject({ gradable: true, score: 0.5 });
  }, 120_000);
});

describe('reproducible sampling', () => {
  it('--seed-from gives each student a seed of their own, the same every time', () => {
    expect(seedFor('hw3', 'ada')).toBe(seedFor('hw3', 'ada'));
    expect(seedFor('hw3', 'ada')).not.toBe(seedFor('hw3', 'bob'));
    expect(seedFor('hw3', 'ada')).not.toBe(seedFor('hw4', 'ada'));
    expect(seedFor('12345', 'submission')).toBeLessThan(2 ** 31);
  });

  it('the same seed gives the same result, byte for byte', async () => {
    const a = await gradeFixture('partial.deriv');
    const b = await gradeFixture('partial.deriv');
    const strip = (r: SubmissionResult) => JSON.stringify({ ...r, elapsedMs: 0 });
    expect(strip(a)).toBe(strip(b));
    expect(a.seed).toBe(7);
  });
});

describe('claim matching (decided by the checker, in the key\'s context)', () => {
  // `detail` is the TA's text; the student's `message` must not give the key away.
  const cases: { claim: string; texts: string[]; forAll?: string; ok: boolean; detail?: RegExp; message?: RegExp; counterexample?: boolean }[] = [
    { claim: '2.1', texts: ['α = β', 'ε = δ(1-β)'], ok: true },
    { claim: '2.1', texts: ['ε = δ - δβ', 'α = β'], ok: true },
    { claim: '2.1', texts: ['β = α', 'δ(1-β) = ε'], ok: true },
    { claim: '2.1', texts: ['α - β = 0', 'ε = δ(1-β)'], ok: true },
    { claim: '2.1', texts: ['α = β', 'ε = δβ'], ok: false, detail: /^your ε = δβ is not the key's ε = δ\(1-β\): δ β is not δ \(1 - β\)/, message: /^your ε = δβ is not among the key's claims: δ β is not what the key has on the other side/, counterexample: true },
    { claim: '2.1', texts: ['α = β'], ok: false, detail: /^the key's ε = δ\(1-β\) is not among your claims$/, message: /^one of the key's 2 claims is not among yours$/ },
    { claim: '2.1', texts: ['α = β', 'ε = δ(1-β)', 'δ = 1'], ok: false, message: /^you also state δ = 1, which is none of the key's claims$/ },
    { claim: '2.1', texts: ['α = α', 'ε = δ(1-β)'], ok: false, detail: /^your α = α is not the key's α = β: α is not β/, counterexample: true },
    { claim: '2.1 momentum', texts: ['α Δθ_{t-1} - ε g_t = Δθ_t'], ok: true },
    { claim: '2.1 momentum', texts: ['Δθ_t = -ε g_t + α Δθ_{t-1}'], ok: true },
    { claim: '2.1 momentum', texts: ['Δθ_t = α Δθ_{t-1} + ε g_t'], ok: false, detail: /left − right = \(2 ε\) g_t$/, counterexample: true },
    // Restating the definitions is not the claim: Δθ's own definition is left out of the comparison.
    { claim: '2.1 momentum', texts: ['Δθ_t = -α v_{t-1} - ε g_t'], ok: false, counterexample: true },
    { claim: '2.2', texts: ['v_t = ∑_{i=1}^{t} (1-β) β^{t-i} g_i'], ok: true },
    { claim: '2.2', texts: ['v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i'], forAll: 't ≥ 0', ok: true },
    { claim: '2.2', texts: ['v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i'], forAll: 't ≥ 1', ok: false, message: /^your claim holds only for t ≥ 1, but the key's is stated for all t ≥ 0$/ },
    { claim: '2.2', texts: ['v_t = β v_{t-1} + (1-β) g_t'], ok: false, counterexample: true },
    { claim: '2.2', texts: ['v_t = (1-β) ∑_{i=1}^{t} β^{i} g_i'], ok: false, counterexample: true },
    { claim: '2.2', texts: ['v_t = lr'], ok: false, message: /^your claim v_t = lr does not read in the key's names: unknown name 'lr'/ },
  ];
  for (const c of cases) {
    it(`${c.claim}: ${c.texts.join(', ')}${c.forAll ? ` for all ${c.forAll}` : ''} → ${c.ok ? 'matches' : 'does not'}`, () => {
      const m = matchClaim(key, c.claim, { texts: c.texts, forAll: c.forAll ?? null }, {});
      expect(m.ok).toBe(c.ok);
      expect(['proved', 'checked'].includes(m.verdict)).toBe(c.ok);
      if (c.ok) expect(m.problems).toEqual([]);
      else {
        expect(m.problems).toHaveLength(1);
        const p = m.problems[0]!;
        if (c.message) expect(p.message).toMatch(c.message);
        if (c.detail) expect(p.detail).toMatch(c.detail);
        if (c.counterexample !== undefined) expect(p.counterexample !== null).toBe(c.counterexample);
        // The key's side never shows in the student's words.
        expect(p.message).not.toMatch(/left − right|δ \(1 - β\)|\(1-β\) ∑_\{i=1\}\^\{t\} β\^\{t-i\}/);
      }
    });
  }
});

describe('inequalities and ⇔ claims (the Q3 key)', () => {
  let q3: AnswerKey;
  beforeAll(async () => {
    const loaded = await loadKey(read(path.join(root, 'examples', 'keys', 'q3-key.deriv')), 'q3-key.deriv');
    expect(loaded.problems).toEqual([]);
    q3 = loaded.key!;
  });
  const cases: { claim: string; text: string; ok: boolean; detail?: RegExp }[] = [
    { claim: '3.2 step size', text: 'ε < 2 gᵀg / (gᵀ H g)', ok: true },
    { claim: '3.2 step size', text: '2 gᵀg / (gᵀ H g) > ε', ok: true },
    { claim: '3.2 step size', text: 'ε gᵀHg < 2 gᵀg', ok: true },
    { claim: '3.2 step size', text: 'ε < gᵀg / (gᵀ H g)', ok: false, detail: /is not 2 gᵀ g\/\(gᵀ H g\): the two sides differ at this point/ },
    { claim: '3.2 step size', text: 'ε gᵀHg < 3 gᵀg', ok: false },
    { claim: '3.2 step size', text: 'ε ≤ 2 gᵀg / (gᵀ H g)', ok: false, detail: /yours is a non-strict inequality and the key's \(.*\) a strict one: they differ where the two sides are equal/ },
    { claim: '3.2', text: 'ε < 2 gᵀg / (gᵀ H g)  ⇔  f̂(x_0 - ε g) < f(x_0)', ok: true },
    { claim: '3.2', text: 'f̂(x_0 - ε g) < f(x_0)  ⇔  ε < gᵀg / (gᵀ H g)', ok: false },
    { claim: '3.2', text: 'ε < 2 gᵀg / (gᵀ H g)', ok: false, detail: /the key's is an equivalence of two statements/ },
    { claim: '3.1', text: 'f(x_0) - ε gᵀg + ε²/2 gᵀ H g = f̂(x_0 - ε g)', ok: true },
    { claim: '3.1', text: 'f̂(x_0 - ε g) = f(x_0) - ε ‖g‖² + ε²/2 gᵀ H g', ok: true },
    { claim: '3.1', text: 'f̂(x_0 - ε g) = f(x_0) - ε gᵀg + ε² gᵀ H g', ok: false, detail: /left − right = 1\/2 gᵀHg ε²$/ },
  ];
  for (const c of cases) {
    it(`${c.claim}: ${c.text} → ${c.ok ? 'matches' : 'does not'}`, () => {
      const m = matchClaim(q3, c.claim, { texts: [c.text], forAll: null }, {});
      expect(m.ok).toBe(c.ok);
      if (c.detail) expect(m.problems[0]!.detail).toMatch(c.detail);
      if (!c.ok) expect(m.problems[0]!.message).not.toMatch(/left − right|the key's [^:]*gᵀ|not 2 gᵀ/);
    });
  }
});

describe('answer keys', () => {
  const cases: { name: string; text: string; problems: RegExp[] }[] = [
    {
      name: 'a key whose own step fails',
      text: 'scalar a, b\nshow "1" [2 points]: (a + b)^2 = a^2 + b^2\n    (a + b)^2\n  = a^2 + b^2\n',
      problems: [/^4:3 the key's step is refuted: the two sides differ at this point/, /^2:1 the key's show "1" is refuted/],
    },
    { name: 'a key without points', text: 'scalar a\nshow "1": a = a\n', problems: [/^1:1 the key gives no points/] },
    { name: 'points on a show without a name', text: 'scalar a\nshow [2 points]: a = a\n', problems: [/^2:1 a show with points needs a name/] },
    { name: 'two claims with one name', text: 'scalar a\nshow "1" [1 point]: a = a\nanswer "1" [1 point]: a = a\n', problems: [/^3:1 two claims of the key are named "1"/] },
    { name: 'a key that does not parse', text: 'scalar a\nshow "1" [1 point]: a = = a\n', problems: [/^2:/] },
  ];
  for (const c of cases) {
    it(`${c.name}: refused, saying where`, async () => {
      const r = await loadKey(c.text, 'k.deriv');
      const got = r.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
      for (const p of c.problems) expect(got.some((g) => p.test(g)), `${p} in ${JSON.stringify(got)}`).toBe(true);
    });
  }

  it('the worked keys pass and list their claims', async () => {
    expect(key.claims.map((c) => [c.name, c.kind, c.points, c.partial, c.derived])).toEqual([
      ['2.1 momentum', 'show', 3, false, true], ['2.1 running average', 'show', 3, false, true],
      ['2.1', 'answer', 4, false, false], ['2.2', 'show', 10, true, true],
    ]);
    expect(key.total).toBe(20);
  });

  it('a bare show where the key derives the claim earns nothing, saying why', async () => {
    const text = read(path.join(q2, 'correct.deriv')).replace(/(show "2\.1 momentum": .*\n)(?: {4}.*\n| {2}=.*\n)+/, '$1');
    const r = await gradeFiles({ 'bare.deriv': text }, 'bare.deriv');
    expectClaim(r.claims[0], { points: 0, failures: [{ kind: 'no-chain', line: 12, message: /^your show "2\.1 momentum" states the claim without deriving it; the key asks for a derivation/ }] });
  });

  it('an answer where the key asks for a show earns nothing, saying why', async () => {
    const text = read(path.join(q2, 'correct.deriv')).replace(/show "2\.1 momentum": (.*)\n(?: {4}.*\n| {2}=.*\n)+/, 'answer "2.1 momentum": $1\n');
    const r = await gradeFiles({ 'answer.deriv': text }, 'answer.deriv');
    expectClaim(r.claims[0], { points: 0, failures: [{ kind: 'no-chain', line: 12, message: /^you state "2\.1 momentum" as an answer; the key asks you to show it/ }] });
  });

  it('a claim whose line does not parse says so', async () => {
    const text = read(path.join(q2, 'correct.deriv')).replace('answer "2.1": α = β, ε = δ(1-β)', 'answer "2.1": α = β, ε = δ(1-β');
    const r = await gradeFiles({ 'typo.deriv': text }, 'typo.deriv');
    expectClaim(r.claims[2], { points: 0, failures: [{ kind: 'unparsed', line: 33, message: /^your line stating "2\.1" could not be read: / }] });
  });

  it('a proof about undeclared names (scalars) earns nothing where the key has vectors, nor an answer whose section reads them', async () => {
    const text = read(path.join(q2, 'correct.deriv')).replace('vector g_t, v_t, Δθ_t in R^n\n', '');
    const r = await gradeFiles({ 'scalars.deriv': text }, 'scalars.deriv');
    // (Answer 2.1's section shows α Δθ_{t-1} - ε g_t = β Δθ_{t-1} - δ(1-β) g_t: its steps pass
    // only on the key's premises too, and there g and Δθ are vectors.)
    expect(r.claims.map((c) => c.points)).toEqual([0, 0, 0, 0]);
    // g is used undeclared, v and Δθ are only defined: all three are scalars there.
    expect(r.claims[2]!.failures.map((f) => f.message)).toContain('your proof uses g without declaring it, so it is a scalar there; the key has a vector');
    for (const i of [0, 1, 3]) {
      const messages = r.claims[i]!.failures.map((f) => f.message);
      expect(r.claims[i]!.failures.every((f) => f.kind === 'assumption')).toBe(true);
      expect(messages).toContain('your proof uses g without declaring it, so it is a scalar there; the key has a vector');
      expect(messages).toContain('your proof uses v without declaring it, so it is a scalar there; the key has a vector');
    }
  });

  it('a misnamed claim is missing, with the near name', async () => {
    const text = read(path.join(q2, 'correct.deriv')).replace('show "2.2":', 'show "2.2 unrolled":');
    const r = await gradeFiles({ 'name.deriv': text }, 'name.deriv');
    expectClaim(r.claims[3], { points: 0, failures: [{ kind: 'missing', line: null, message: /^no show named "2\.2" was found \(you have "2\.2 unrolled": the name must be exactly "2\.2"\)$/ }] });
  });
});

// (Red team, grading against a small key:) an answer earned its points under a definition of
// the student's own, a line in error in its section was never reported, and partial credit
// left out the unit for reaching the claim when a step failed.
describe('a small key: premises and errors of answers, partial credit', () => {
  const KEY_TEXT = [
    'scalar a, b, c, x',
    'section "2"',
    'define c = 3',
    'answer "2" [3 points]: x = 2 c',
    '    2 c',
    '  = 6                by def c',
    'section "3"',
    'show "3" [4 points, partial]: (a-b)(a+b) = a^2 - b^2',
    '    (a-b)(a+b)',
    '  = a^2 + a b - b a - b^2',
    '  = a^2 - b^2',
    '',
  ].join('\n');
  let small: AnswerKey;
  beforeAll(async () => {
    const loaded = await loadKey(KEY_TEXT, 'key.deriv');
    expect(loaded.problems).toEqual([]);
    small = loaded.key!;
  });
  const grade = async (text: string) => gradeSubmission(small, await readSubmission(memory({ 's.deriv': text }), 's.deriv'), { seed: 7 });

  it.each([
    ['its own definition of c', 'scalar a, b, c, x\nsection "2"\ndefine c = 7\nanswer "2": x = 2 c\n', 0, /defines c = 7, which is not the key's definition of c/],
    ['the key\'s definition of c', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\nanswer "2": x = 2 c\n', 3, null],
    // (Red team:) a student's own abbreviation: c = d + 1 with d = 2 is the key's c = 3.
    ['an abbreviation of its own (d = 2, c = d + 1)', 'scalar a, b, c, x\nsection "2"\ndefine d = 2\ndefine c = d + 1\nanswer "2": x = 2 c\n', 3, null],
    ['an abbreviation of its own that makes c another (d = 5, c = d + 1)', 'scalar a, b, c, x\nsection "2"\ndefine d = 5\ndefine c = d + 1\nanswer "2": x = 2 c\n', 0, /defines c = d \+ 1, which is not the key's definition of c/],
    ['a line in error in its section', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\nanswer "2": x = 2 c\nfoo bar baz\n', 0, /this line has an error, so what it says is not checked: unknown name 'foo'/],
    // (Red team rt130: an assumption of the student's that only the section's steps read made a
    // wrong step pass, `(a + 1)² = a² + 1` under a = 0, and the answer earned its points.)
    ['a wrong step that passes only under its own assumption', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\nassume a = 0\nanswer "2": x = 2 c\n    (a + 1)^2\n  = a^2 + 1\n', 0, /your proof assumes a = 0, which the key does not make/],
    ['a right step under an assumption the key does not make', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\nassume b > 5\nanswer "2": x = 2 c\n    |b - 1|\n  = b - 1\n', 0, /your proof assumes b > 5, which the key does not make/],
    ['a step under an assumption of its own that is the key\'s definition', 'scalar a, b, c, x\nsection "2"\nassume c = 3\nanswer "2": x = 2 c\n    2 c\n  = 6\n', 3, null],
    // (Red team rt132: an assumption about the student's own abbreviation, d = 0 with d = a − 1,
    // was never weighed, and a step true only at a = 1 earned the answer's points.)
    ['an assumption about an abbreviation of its own (d = 0 with d = a − 1)', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\ndefine d = a - 1\nassume d = 0\nanswer "2": x = 2 c\n    (a + 1)^2\n  = a^2 + 3\n', 0, /your proof assumes d = 0, which the key does not make \(it fails at a = /],
    ['an abbreviation of its own used in a step, with no assumption', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\ndefine d = a + 1\nanswer "2": x = 2 c\n    (a + 1)^2\n  = d^2\n', 3, null],
    // (Red team rt131: an assumption the key's definitions give, c > 0 where c = 3, was refuted at c = 0.)
    ['an assumption the key\'s definition gives (c > 0 where c = 3)', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\nassume c > 0\nanswer "2": x = 2 c\n    2 c\n  = 6\n', 3, null],
    ['an assumption the key\'s definition contradicts (c > 5 where c = 3)', 'scalar a, b, c, x\nsection "2"\ndefine c = 3\nassume c > 5\nanswer "2": x = 2 c\n    2 c\n  = 6\n', 0, /your proof assumes c > 5, which the key does not make/],
  ])('answer "2" with %s: %s points', async (_name, text, points, why) => {
    const r = await grade(text);
    const claim = r.claims.find((c) => c.name === '2')!;
    expect(claim.points).toBe(points);
    if (why) expect(claim.failures.map((f) => f.message).join('\n')).toMatch(why);
  });

  it('lists every error line to the student, also where no claim reads it', async () => {
    const r = await grade('scalar a, b, c, x\nsection "9"\n  = a\nfoo\n');
    expect(r.errors).toEqual([
      expect.stringMatching(/^s\.deriv:3:3: this line starts with '=', so it continues a chain, but no chain is open here/),
      expect.stringMatching(/^s\.deriv:4:1: unknown name 'foo'/),
    ]);
  });

  // (Red team:) a justification after an answer made the line unreadable (0 points), and
  // `a = 1 and b = 2` was one claim, not the key's two.
  it.each([
    ['x = 6   since c = 3', 3],
    ['x = 2 c   by def c', 3],
  ])('answer "2": %s earns %s', async (claims, points) => {
    const r = await grade(`scalar a, b, c, x\nsection "2"\ndefine c = 3\nanswer "2": ${claims}\n`);
    expect(r.formatErrors).toEqual([]);
    expect(r.claims.find((c) => c.name === '2')!.points).toBe(points);
  });

  // (Red team:) the visible output of a wrong answer with no free names showed the key's
  // value (`left = 7  right = 6`, "the two sides differ: left = 3, right = 2").
  it('never shows the key\'s value of an answer with no free names to the student', async () => {
    const r = await grade('scalar a, b, c, x\nsection "2"\ndefine c = 3\nanswer "2": x = 7\n');
    const claim = r.claims.find((c) => c.name === '2')!;
    expect(claim.points).toBe(0);
    const { toGradescope } = await import('../src/grade/gradescope.js');
    const { toPrairieLearn } = await import('../src/grade/prairielearn.js');
    const seen = JSON.stringify(toGradescope(r, small).tests) + JSON.stringify(toPrairieLearn(r, small).tests);
    expect(seen).not.toMatch(/right ?= ?6|= 6\b/);
    expect(seen).toMatch(/your side is 7 here; the key's is another/);
  });

  it('lists at most 50 error lines, then how many more', async () => {
    const r = await grade(`scalar a, b, c, x\nsection "9"\n${Array.from({ length: 70 }, (_, i) => `zz${i}`).join('\n')}\n`);
    expect(r.errors).toHaveLength(51);
    expect(r.errors![50]).toBe('… and 20 more errors');
  });

  // (Red team:) partial credit paid for chains that derive nothing: nine `= (a−b)²` earned
  // 5.4 of 6, and `a = a = a` under the claim 4.5 of 6.
  it.each([
    ['steps whose sides are the same expression', '    (a-b)(a+b)\n  = (a-b)(a+b)\n  = (a-b)(a+b)\n  = (a-b)(a+b)\n', 0],
    ['a chain that is not about the claim', '    a\n  = a\n  = a\n  = a\n', 0],
  ])('partial credit: %s earn nothing', async (_name, chain, points) => {
    const r = await grade(`scalar a, b, c, x\nsection "3"\nshow "3": (a-b)(a+b) = a^2 - b^2\n${chain}`);
    expect(r.claims.find((c) => c.name === '3')!.points).toBe(points);
  });

  // (Red team, last round:) padding a chain with steps that only rewrite trivially (`·` for
  // juxtaposition, reordered factors) raised partial credit; an induction whose base and
  // step chains are not about the claim earned 8 of 10 on the Q2 key.
  it('partial credit: steps that only rewrite trivially are no units', async () => {
    const plain = await grade('scalar a, b, c, x\nsection "3"\nshow "3": (a-b)(a+b) = a^2 - b^2\n    (a-b)(a+b)\n  = a^2 + b^2\n  = a^2 - b^2\n');
    const padded = await grade('scalar a, b, c, x\nsection "3"\nshow "3": (a-b)(a+b) = a^2 - b^2\n    (a-b)(a+b)\n  = (a-b)·(a+b)\n  = (a+b)(a-b)\n  = a^2 + b^2\n  = a^2 - b^2\n');
    const points = (r: SubmissionResult) => r.claims.find((c) => c.name === '3')!.points;
    expect(points(padded)).toBe(points(plain));
  });

  it('an induction whose chains are not about the claim earns nothing', async () => {
    const text = read(path.join(q2, 'correct.deriv')).split('section "2.2 unrolled"')[0]
      + 'section "2.2 unrolled"\ndefine v_0 = 0\ndefine v_t = β v_{t-1} + (1-β) g_t   for t ≥ 1\nshow "2.2": v_t = (1-β) ∑_{i=1}^{t} β^{t-i} g_i   for all t ≥ 0   by induction on t\n  base:\n      1 + 1\n    = 2\n  step:\n      1 + 1\n    = 2\n    = 3 - 1\n';
    const r = await gradeFiles({ 'bogus.deriv': text }, 'bogus.deriv');
    expect(r.claims.find((c) => c.name === '2.2')!.points).toBe(0);
  });

  it('partial credit: the passing steps, plus one for reaching the claim', async () => {
    // Three steps, two of them wrong (into and out of the slip); the chain reaches the claim:
    // (1 + 1)/(3 + 1) of 4 points (it was 1/4: the unit for reaching the claim was lost).
    const r = await grade('scalar a, b, c, x\nsection "3"\nshow "3": (a-b)(a+b) = a^2 - b^2\n    (a-b)(a+b)\n  = a^2 + a b - b a - b^2\n  = a^2 - b^2 + 1\n  = a^2 - b^2\n');
    expect(r.claims.find((c) => c.name === '3')!.points).toBe(2);
  });
});
