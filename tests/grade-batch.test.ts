import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeIo } from '../src/cli.js';
import { gradeCommand, type GradeIo } from '../src/grade/command.js';
import type { ClaimResult, FailureKind } from '../src/grade/result.js';
import { compiled } from './helpers/compiled.js';

/**
 * A batch through the real worker pool (compiled worker, two threads): the class, plus a
 * binary file, a file that hangs inside one library call, a file that exhausts its worker's
 * memory, and a student whose worker is killed mid-run. Every other student's grade is the
 * one they get alone, and the results file is written whole.
 */
const root = path.join(import.meta.dirname, '..');
const q2 = path.join(root, 'tests', 'fixtures', 'grade', 'q2');
let dir: string;
let worker: URL;

beforeAll(async () => {
  worker = pathToFileURL(path.join(await compiled(), 'src', 'run', 'grade-worker.js'));
  dir = mkdtempSync(path.join(tmpdir(), 'deriv-batch-'));
  for (const f of readdirSync(q2)) copyFileSync(path.join(q2, f), path.join(dir, f));
  // The student whose worker is killed: one slow step first, so the kill (100 ms after the job
  // starts) always lands mid-run, however fast the machine.
  const slowStep = '    ∑_{i=1}^{60000} (sin(i x)^2 + cos(i x)^2)\n  = 60000\n';
  writeFileSync(path.join(dir, 'killed.deriv'), `section "slow"\nscalar x\n${slowStep}\n${readFileSync(path.join(q2, 'correct.deriv'), 'utf8')}`);
  writeFileSync(path.join(dir, 'binary.deriv'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00, 0xde, 0xad]));
  // A file that runs past the job's time limit: steps that each stay within the per-step
  // limit (long sums of trigonometric terms at every point) but together take far longer.
  const slow = Array.from({ length: 12 }, (_, k) => `    ∑_{i=1}^{60000} (sin(i x)^2 + cos(i x)^2)\n  = 60000 + ${k} - ${k}\n`).join('\n');
  writeFileSync(path.join(dir, 'hang.deriv'), `section "big"\nscalar x\n${slow}\n${readFileSync(path.join(q2, 'correct.deriv'), 'utf8')}`);
  // One line of 20,000 characters costs the parser some 350 MB: over a 96 MB cap.
  writeFileSync(path.join(dir, 'memory.deriv'), `x\n    ${'a+'.repeat(9990)}a\n`);
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Outcome { student: string; points: number; completed: boolean; claims: ClaimResult[]; problems: string[] }

describe('a batch in the worker pool', () => {
  it('grades everyone; a crash, a hang or a killed worker costs only its own student', async () => {
    const students = [
      'correct.deriv', 'wrong-step.deriv', 'hang.deriv', 'equivalent.deriv', 'swapped.deriv', 'wrong-answer.deriv',
      'missing.deriv', 'killed.deriv', 'garbage.deriv', 'binary.deriv', 'hostile-title.deriv', 'assumption.deriv', 'partial.deriv',
    ];
    let out = '';
    let err = '';
    const base = nodeIo();
    let killed = false;
    const io: GradeIo = {
      stdout: (s) => { out += s; },
      stderr: (s) => { err += s; },
      readFile: base.readFile, readBytes: base.readBytes!, listFolder: base.listFolder!, writeFileAtomic: base.writeFileAtomic!,
      stderrIsTTY: false,
      gradeWorker: worker,
      onJobStart: (index, _threadId, killWorker) => {
        if (students[index] !== 'killed.deriv' || killed) return;
        killed = true;
        setTimeout(killWorker, 100);
      },
    };
    const resultsFile = path.join(dir, 'results.json');
    const code = await gradeCommand({
      key: path.join(root, 'examples', 'keys', 'q2-key.deriv'), submissions: students.map((s) => path.join(dir, s)),
      format: 'json', out: resultsFile, jobs: 2, timeout: 8000,
    }, io);
    expect(out).toBe('');
    expect(code).toBe(1);
    expect(killed).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const doc = JSON.parse(readFileSync(resultsFile, 'utf8')) as { submissions: Outcome[] };
    const by = new Map(doc.submissions.map((s) => [path.basename(s.student), s]));
    expect([...by.keys()]).toEqual(students);

    const points = Object.fromEntries([...by].map(([k, s]) => [k, s.points]));
    expect(points).toEqual({
      'correct.deriv': 20, 'wrong-step.deriv': 17, 'hang.deriv': 0, 'equivalent.deriv': 20, 'swapped.deriv': 20,
      'wrong-answer.deriv': 16, 'missing.deriv': 10, 'killed.deriv': 0, 'garbage.deriv': 0, 'binary.deriv': 0,
      'hostile-title.deriv': 20, 'assumption.deriv': 7, 'partial.deriv': 17.14,
    });
    const lost = (name: string, kind: FailureKind, message: RegExp) => {
      const s = by.get(name)!;
      expect(s.completed).toBe(false);
      for (const c of s.claims) {
        expect(c.failures).toHaveLength(1);
        expect(c.failures[0]!.kind).toBe(kind);
        expect(c.failures[0]!.message).toMatch(message);
      }
    };
    // A file that runs past its time limit is stopped by the checker's own deadline: every
    // claim after it earns 0, saying so (the pool's hard kill is for what no deadline stops).
    const hang = by.get('hang.deriv')!;
    for (const c of hang.claims) {
      expect(c.failures[0]!.kind).toBe('time-limit');
      expect(c.failures[0]!.message).toMatch(/the submission's time limit \(8 s\) ran out/);
    }
    lost('killed.deriv', 'crash', /^grading your submission stopped: its worker stopped unexpectedly\. Nothing could be graded; please tell your TA$/);
    expect(by.get('binary.deriv')!.completed).toBe(true);
    expect(by.get('binary.deriv')!.claims[0]!.failures[0]!.message).toMatch(/does not look like a text file/);
    expect(err).toContain(`${path.join(dir, 'killed.deriv')}: grading your submission`);
  }, 180_000);

  it('a submission that exhausts its worker\'s memory earns 0, saying so; the worker is replaced', async () => {
    // A long time limit: this run is about memory, which a busy machine reaches slowly.
    let err = '';
    const base = nodeIo();
    const io: GradeIo = {
      stdout: () => undefined, stderr: (s) => { err += s; },
      readFile: base.readFile, readBytes: base.readBytes!, listFolder: base.listFolder!, writeFileAtomic: base.writeFileAtomic!,
      gradeWorker: worker,
    };
    const resultsFile = path.join(dir, 'memory.json');
    const code = await gradeCommand({
      key: path.join(root, 'examples', 'keys', 'q2-key.deriv'), submissions: ['memory.deriv', 'correct.deriv', 'partial.deriv'].map((s) => path.join(dir, s)),
      format: 'json', out: resultsFile, jobs: 1, timeout: 120_000, memory: 96,
    }, io);
    expect(code).toBe(1);
    const doc = JSON.parse(readFileSync(resultsFile, 'utf8')) as { submissions: Outcome[] };
    expect(doc.submissions.map((s) => [path.basename(s.student), s.points, s.completed])).toEqual([
      ['memory.deriv', 0, false], ['correct.deriv', 20, true], ['partial.deriv', 17.14, true],
    ]);
    for (const c of doc.submissions[0]!.claims) {
      expect(c.failures.map((f) => f.kind)).toEqual(['crash']);
      expect(c.failures[0]!.message).toMatch(/^grading your submission stopped: it ran out of memory\. Nothing could be graded; a very long line/);
    }
    expect(err).toContain('memory.deriv: grading your submission stopped: it ran out of memory');
  }, 240_000);

  it('an output file that cannot be written: exit 2, and nothing half-written', async () => {
    let err = '';
    const base = nodeIo();
    const io: GradeIo = {
      stdout: () => undefined, stderr: (s) => { err += s; },
      readFile: base.readFile, readBytes: base.readBytes!, listFolder: base.listFolder!, writeFileAtomic: base.writeFileAtomic!,
      gradeWorker: worker,
    };
    const target = path.join(dir, 'no-such-folder', 'results.csv');
    const code = await gradeCommand({
      key: path.join(root, 'examples', 'keys', 'q2-key.deriv'), submissions: [path.join(dir, 'garbage.deriv'), path.join(dir, 'binary.deriv')],
      format: 'csv', out: target, jobs: 2, timeout: 8000,
    }, io);
    expect(code).toBe(2);
    expect(err).toMatch(/^deriv grade: cannot write .*results\.csv: ENOENT.*\(nothing was written\)\n$/);
    expect(existsSync(path.dirname(target))).toBe(false);
  }, 120_000);
});
