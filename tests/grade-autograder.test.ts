import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFor } from '../src/grade/result.js';
import { compiled } from './helpers/compiled.js';

/**
 * The shipped autograders end to end: examples/gradescope/run_autograder and
 * examples/prairielearn/run.sh against fake /autograder and /grade trees in a temp folder,
 * with `deriv` a shim over this build. They always write a results.json that validates.
 */
const root = path.join(import.meta.dirname, '..');
const q2 = path.join(root, 'tests', 'fixtures', 'grade', 'q2');
const KEY = path.join(root, 'examples', 'keys', 'q2-key.deriv');
const ajv = new Ajv({ allErrors: true, strictRequired: false, allowUnionTypes: true });
const validGradescope = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schema', 'gradescope-results.schema.json'), 'utf8')) as object);
const validPrairieLearn = ajv.compile(JSON.parse(readFileSync(path.join(root, 'schema', 'prairielearn-results.schema.json'), 'utf8')) as object);

let tmp: string;
let deriv: string;

/** An executable script. */
function script(name: string, text: string): string {
  const p = path.join(tmp, 'bin', name);
  writeFileSync(p, text);
  chmodSync(p, 0o755);
  return p;
}

beforeAll(async () => {
  const build = await compiled();
  tmp = mkdtempSync(path.join(tmpdir(), 'deriv-autograder-'));
  mkdirSync(path.join(tmp, 'bin'));
  deriv = script('deriv', `#!/usr/bin/env node\nconst m = await import(${JSON.stringify(pathToFileURL(path.join(build, 'src', 'cli.js')).href)});\nprocess.exitCode = await m.run(process.argv.slice(2), m.nodeIo());\n`);
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** A fake /autograder: the key in source/, the student's files in submission/, the metadata. */
/** The SHA-256 setup.sh would record for a key that passes (so the tree's runs skip checking it again). */
const keyHash = (text: string) => createHash('sha256').update(text).digest('hex');

function gradescopeTree(name: string, student: string, key = readFileSync(KEY, 'utf8'), sha256: string | undefined = key === readFileSync(KEY, 'utf8') ? keyHash(key) : undefined): string {
  const r = path.join(tmp, name);
  mkdirSync(path.join(r, 'source'), { recursive: true });
  mkdirSync(path.join(r, 'submission'), { recursive: true });
  writeFileSync(path.join(r, 'source', 'key.deriv'), key);
  if (sha256) writeFileSync(path.join(r, 'source', 'key.sha256'), `${sha256}\n`);
  copyFileSync(path.join(q2, student), path.join(r, 'submission', 'q2.deriv'));
  writeFileSync(path.join(r, 'submission_metadata.json'), JSON.stringify({ id: 12345, users: [{ email: 'ada@example.com' }] }));
  return r;
}

function runScript(file: string, env: Record<string, string>): { status: number | null; stdout: string } {
  const r = spawnSync('bash', [path.join(root, 'examples', file)], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout + r.stderr };
}

describe('examples/gradescope/run_autograder', () => {
  it('grades /autograder/submission and writes a valid results.json, seeded by the submission id', () => {
    const r = gradescopeTree('gs-ok', 'wrong-step.deriv');
    const run = runScript('gradescope/run_autograder', { AUTOGRADER_ROOT: r, DERIV: deriv, DERIV_TIME_LIMIT_S: '60' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('run_autograder: deriv grade exited with status 0');
    expect(run.stdout).not.toContain('has changed');
    const out = JSON.parse(readFileSync(path.join(r, 'results', 'results.json'), 'utf8')) as { score: number; tests: { score: number }[]; extra_data: { deriv: { seed: number; seed_from: string } } };
    expect(validGradescope(out), JSON.stringify(validGradescope.errors)).toBe(true);
    expect(out.score).toBe(17);
    expect(out.tests.map((t) => t.score)).toEqual([0, 3, 4, 10]);
    expect(out.extra_data.deriv.seed_from).toBe('12345');
    expect(out.extra_data.deriv.seed).toBe(seedFor('12345', 'submission'));
  }, 120_000);

  it('a key.sha256 that no longer matches the key is ignored: the key is checked again', () => {
    // (The other trees carry the hash of the key they hold, as setup.sh writes it, and skip the check.)
    const hash = keyHash(readFileSync(KEY, 'utf8'));
    const stale = gradescopeTree('gs-stale', 'partial.deriv', readFileSync(KEY, 'utf8').replace('  = α (-v_{t-1}) - ε g_t\n', '  = α (-v_{t-1}) + ε g_t\n'), hash);
    const run = runScript('gradescope/run_autograder', { AUTOGRADER_ROOT: stale, DERIV: deriv });
    expect(run.stdout).toContain('has changed since it was checked');
    expect((JSON.parse(readFileSync(path.join(stale, 'results', 'results.json'), 'utf8')) as { score: number }).score).toBe(0);
  }, 120_000);

  it('a link in the submission is not followed: the key stays where it is', () => {
    const r = gradescopeTree('gs-link', 'missing.deriv');
    symlinkSync(path.join(r, 'source', 'key.deriv'), path.join(r, 'submission', 'steal.deriv'));
    symlinkSync(path.join(r, 'source'), path.join(r, 'submission', 'folder'));
    expect(runScript('gradescope/run_autograder', { AUTOGRADER_ROOT: r, DERIV: deriv }).status).toBe(0);
    const text = readFileSync(path.join(r, 'results', 'results.json'), 'utf8');
    const out = JSON.parse(text) as { score: number; extra_data: { deriv: { files: string[] } } };
    expect(out.score).toBe(10);
    expect(out.extra_data.deriv.files).toEqual([path.join(r, 'submission', 'q2.deriv')]);
    expect(text).not.toContain('answer key');
  }, 120_000);

  it('a key that does not pass: still a results.json, score 0, saying it is not the student\'s fault', () => {
    const r = gradescopeTree('gs-key', 'correct.deriv', readFileSync(KEY, 'utf8').replace('  = α (-v_{t-1}) - ε g_t\n', '  = α (-v_{t-1}) + ε g_t\n'));
    const run = runScript('gradescope/run_autograder', { AUTOGRADER_ROOT: r, DERIV: deriv });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('does not pass, so no submission was graded');
    const out = JSON.parse(readFileSync(path.join(r, 'results', 'results.json'), 'utf8')) as { score: number; output: string };
    expect(validGradescope(out), JSON.stringify(validGradescope.errors)).toBe(true);
    expect(out.score).toBe(0);
    expect(out.output).toMatch(/answer key or set-up has a problem.*This is not your fault/);
  }, 120_000);

  it('deriv crashing or hanging: still a results.json, saying what happened', () => {
    const crash = gradescopeTree('gs-crash', 'correct.deriv');
    const c = runScript('gradescope/run_autograder', { AUTOGRADER_ROOT: crash, DERIV: script('crash', '#!/bin/sh\necho boom >&2\nexit 3\n') });
    expect(c.status).toBe(0);
    const co = JSON.parse(readFileSync(path.join(crash, 'results', 'results.json'), 'utf8')) as { output: string };
    expect(validGradescope(co)).toBe(true);
    expect(co.output).toBe('Grading your submission stopped unexpectedly (status 3), so nothing could be graded. Please tell your TA.');

    const hang = gradescopeTree('gs-hang', 'correct.deriv');
    const h = runScript('gradescope/run_autograder', { AUTOGRADER_ROOT: hang, DERIV: script('hang', '#!/bin/sh\nsleep 60\n'), DERIV_TIME_LIMIT_S: '1', DERIV_GRACE_S: '1' });
    expect(h.status).toBe(0);
    const ho = JSON.parse(readFileSync(path.join(hang, 'results', 'results.json'), 'utf8')) as { output: string };
    expect(validGradescope(ho)).toBe(true);
    expect(ho.output).toMatch(/^Grading your submission ran past the time limit and was stopped/);
  }, 120_000);
});

describe('examples/prairielearn/run.sh', () => {
  function plTree(name: string, student: string, key = readFileSync(KEY, 'utf8')): string {
    const r = path.join(tmp, name);
    mkdirSync(path.join(r, 'tests'), { recursive: true });
    mkdirSync(path.join(r, 'student'), { recursive: true });
    mkdirSync(path.join(r, 'data'), { recursive: true });
    writeFileSync(path.join(r, 'tests', 'key.deriv'), key);
    if (key === readFileSync(KEY, 'utf8')) writeFileSync(path.join(r, 'tests', 'key.sha256'), keyHash(key));
    copyFileSync(path.join(q2, student), path.join(r, 'student', 'q2.deriv'));
    writeFileSync(path.join(r, 'data', 'data.json'), JSON.stringify({ params: { deriv_seed: 'v7' }, submitted_answers: {} }));
    return r;
  }

  it('grades /grade/student and writes a valid results.json (score in 0…1)', () => {
    const r = plTree('pl-ok', 'partial.deriv');
    const run = runScript('prairielearn/run.sh', { GRADE_ROOT: r, DERIV: deriv });
    expect(run.status).toBe(0);
    const out = JSON.parse(readFileSync(path.join(r, 'results', 'results.json'), 'utf8')) as { score: number; gradable: boolean; tests: unknown[] };
    expect(validPrairieLearn(out), JSON.stringify(validPrairieLearn.errors)).toBe(true);
    expect(out.gradable).toBe(true);
    expect(out.score).toBeCloseTo(17.14 / 20, 10);
    expect(out.tests).toHaveLength(4);
  }, 120_000);

  it('garbage is not gradable (no attempt lost); a broken key still writes a result', () => {
    const g = plTree('pl-garbage', 'garbage.deriv');
    runScript('prairielearn/run.sh', { GRADE_ROOT: g, DERIV: deriv });
    const go = JSON.parse(readFileSync(path.join(g, 'results', 'results.json'), 'utf8')) as { gradable: boolean; format_errors: string[] };
    expect(validPrairieLearn(go)).toBe(true);
    expect(go.gradable).toBe(false);
    expect(go.format_errors[0]).toMatch(/q2\.deriv:1:8: /);

    const k = plTree('pl-key', 'correct.deriv', 'scalar a\nshow "1" [2 points]: a + a = 3 a\n');
    expect(runScript('prairielearn/run.sh', { GRADE_ROOT: k, DERIV: deriv }).status).toBe(0);
    const ko = JSON.parse(readFileSync(path.join(k, 'results', 'results.json'), 'utf8')) as { gradable: boolean; message: string };
    expect(validPrairieLearn(ko)).toBe(true);
    expect(ko).toMatchObject({ gradable: false, message: expect.stringMatching(/^The grader could not grade this question/) });
  }, 120_000);
});
