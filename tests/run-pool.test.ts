import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWorkerError, JobPool, runPool, type JobOutcome } from '../src/run/pool.js';
import { compiled } from './helpers/compiled.js';

/**
 * The worker pool of src/run with a test worker (a real `jobWorker` module) whose jobs do what
 * they are told: return, throw, hang, exhaust memory, exit their thread.
 */
let worker: URL;

beforeAll(async () => {
  const dir = path.join(await compiled(), 'test-workers');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'behave.mjs');
  writeFileSync(file, `
import { jobWorker } from '../src/run/job.js';
export default jobWorker(async () => 'ready', async (_ready, job) => {
  switch (job.do) {
    case 'value': return job.value;
    case 'sleep': await new Promise((r) => setTimeout(r, job.ms)); return job.value;
    case 'throw': throw new Error('bad input ' + job.value);
    case 'hang': for (;;) {}
    case 'memory': { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); }
    case 'exit': process.exit(3);
    case 'young': {
      // Survivors enough to make V8 grow its semi-spaces, then the new space's size.
      const keep = [];
      for (let i = 0; i < 400000; i++) keep[i % 100000] = { i, s: 'x' + i };
      const v8 = await import('node:v8');
      return v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    }
  }
});
`);
  worker = pathToFileURL(file);
}, 240_000);

type Job = { do: 'value' | 'sleep' | 'throw' | 'hang' | 'memory' | 'exit' | 'young'; value?: number; ms?: number };
const summary = (outcomes: JobOutcome<number>[]) => outcomes.map((o) => (o.ok ? o.value : o.kind));

describe('runPool', () => {
  it.each([
    [new Error('boom\nstack'), 'the worker crashed (boom)'],
    [{ message: 'from a plain object' }, 'the worker crashed (from a plain object)'],
    [{ code: 7 }, 'the worker crashed ({"code":7})'],
    ['text', 'the worker crashed (text)'],
  ])('says what a worker error was, never [object Object]: %s', (error, message) => {
    expect(describeWorkerError(error)).toEqual({ kind: 'crash', message });
  });

  it('runs many jobs on one thread without piling up exit listeners (no MaxListenersExceededWarning)', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => void warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      const jobs: Job[] = Array.from({ length: 30 }, (_, value) => ({ do: 'sleep', ms: 20, value }));
      const outcomes = await runPool<Job, number>(jobs, { worker, threads: 1, timeoutMs: 10_000 });
      expect(summary(outcomes)).toEqual(jobs.map((j) => j.value));
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('runs every job and returns the outcomes in task order', async () => {
    const jobs: Job[] = [1, 2, 3, 4, 5].map((value) => ({ do: 'sleep', ms: (6 - value) * 20, value }));
    const settled: number[] = [];
    const out = await runPool<Job, number>(jobs, { worker, threads: 2, timeoutMs: 10_000, memoryMb: 128, onSettled: (i) => settled.push(i) });
    expect(summary(out)).toEqual([1, 2, 3, 4, 5]);
    expect([...settled].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops a job that hangs, a job that runs out of memory, one that throws and one that exits its thread; the others finish', async () => {
    const jobs: Job[] = [
      { do: 'value', value: 1 }, { do: 'hang' }, { do: 'value', value: 2 }, { do: 'memory' },
      { do: 'value', value: 3 }, { do: 'throw', value: 7 }, { do: 'exit' }, { do: 'value', value: 4 },
    ];
    const out = await runPool<Job, number>(jobs, { worker, threads: 2, timeoutMs: 5000, memoryMb: 64 });
    expect(summary(out)).toEqual([1, 'timeout', 2, 'memory', 3, 'crash', 'crash', 4]);
    const message = (i: number) => (out[i]!.ok ? '' : (out[i] as { message: string }).message);
    expect(message(1)).toBe('it ran past its time limit (5 s) and was stopped');
    expect(message(3)).toBe('it ran out of memory');
    expect(message(5)).toMatch(/^the worker crashed \(bad input 7\)$/);
    expect(message(6)).toMatch(/stopped unexpectedly|exited|crashed/);
  }, 60_000);

  it('caps a worker\'s young generation where asked (deriv check\'s workers), and leaves V8\'s growth alone otherwise', async () => {
    const capped = new JobPool<Job, number>({ worker, threads: 1, youngGenerationMb: 3 });
    const free = new JobPool<Job, number>({ worker, threads: 1 });
    try {
      const small = await capped.run({ do: 'young' }, { timeoutMs: 30_000 });
      const large = await free.run({ do: 'young' }, { timeoutMs: 30_000 });
      expect(small).toMatchObject({ ok: true });
      expect(large).toMatchObject({ ok: true });
      // (Two semi-spaces of 1 MB within the 3 MB cap; V8 grew them to 16 MB each without one.)
      expect((small as { value: number }).value).toBeLessThanOrEqual(3 << 20);
      expect((large as { value: number }).value).toBeGreaterThan(8 << 20);
    } finally {
      await capped.close();
      await free.close();
    }
  }, 60_000);

  it('a thread that has exited before its job\'s first message is read: a crash at once, not a wait for the time limit', async () => {
    const pool = new JobPool<Job, number>({ worker, threads: 1 });
    try {
      // A warm thread takes the next job at once.
      expect(await pool.run({ do: 'value', value: 1 }, { timeoutMs: 10_000 })).toMatchObject({ ok: true, value: 1 });
      const outcome = pool.run({ do: 'exit' }, { timeoutMs: 10_000 });
      // Keep this thread busy while the worker says it started and exits.
      const until = Date.now() + 600;
      while (Date.now() < until) { /* busy */ }
      const t0 = Date.now();
      const out = await outcome;
      expect(out).toMatchObject({ ok: false, kind: 'crash' });
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(await pool.run({ do: 'value', value: 2 }, { timeoutMs: 10_000 })).toMatchObject({ ok: true, value: 2 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('a worker killed from outside mid-job: that job is lost, every other one finishes', async () => {
    const jobs: Job[] = [0, 1, 2, 3, 4, 5].map((value) => ({ do: 'sleep', ms: 300, value }));
    let killed = false;
    const out = await runPool<Job, number>(jobs, {
      worker, threads: 2, timeoutMs: 10_000, memoryMb: 128,
      onStart: (index, _threadId, killWorker) => {
        if (index !== 2 || killed) return;
        killed = true;
        setTimeout(killWorker, 50);
      },
    });
    expect(killed).toBe(true);
    expect(summary(out)).toEqual([0, 1, 'crash', 3, 4, 5]);
  }, 60_000);

  // (Red team:) a 200,000-step file's budget, 2.4·10⁹ ms, overflowed setTimeout, which fired at
  // once: the file was "stopped" before anything was checked.
  it('a time limit past what setTimeout takes (2³¹ − 1 ms) is a long limit, not none', async () => {
    const out = await runPool<Job, number>([{ do: 'sleep', ms: 200, value: 5 }], { worker, threads: 1, timeoutMs: 2_400_004_000 });
    expect(summary(out)).toEqual([5]);
  });

  it('counts the time limit from when a job starts, not from when it was queued', async () => {
    const jobs: Job[] = [1, 2, 3, 4].map((value) => ({ do: 'sleep', ms: 400, value }));
    const out = await runPool<Job, number>(jobs, { worker, threads: 1, timeoutMs: 1000, memoryMb: 128 });
    expect(summary(out)).toEqual([1, 2, 3, 4]);
  }, 30_000);

  it('can be cancelled: what has not finished ends as cancelled, at once', async () => {
    const jobs: Job[] = [{ do: 'value', value: 1 }, { do: 'hang' }, { do: 'hang' }, { do: 'value', value: 2 }, { do: 'value', value: 3 }];
    const ac = new AbortController();
    const started = Date.now();
    const out = await runPool<Job, number>(jobs, {
      worker, threads: 2, timeoutMs: 60_000, memoryMb: 128, signal: ac.signal,
      onStart: (index) => { if (index === 2) setTimeout(() => ac.abort(), 100); },
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(summary(out)).toEqual([1, 'cancelled', 'cancelled', 'cancelled', 'cancelled']);
  }, 60_000);
});

