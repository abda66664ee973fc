import { describe, expect, it } from 'vitest';
import { now, withWallCap } from '../src/clock.js';

/** Sleeps without using the CPU, as a process does while other processes hold the cores. */
const sleep = (ms: number): void => { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); };

/** Keeps this thread busy for `ms` of wall time. */
const spin = (ms: number): void => {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* busy */ }
};

describe('the step clock (src/clock.ts)', () => {
  it('is on the scale of Date.now(), behind it by no more than the process has lived', () => {
    // (It stands still while the process waits: in a long-lived process, a test run or the
    // language server, it falls behind by all that waiting, never ahead.)
    const lag = Date.now() - now();
    expect(lag).toBeGreaterThan(-5);
    expect(lag).toBeLessThan(process.uptime() * 1000 + 5);
  });

  it('reaches a step\'s deadline once a wall-time budget runs out, though the process got no CPU time', () => {
    spin(15);
    const t0 = now();
    const deadline = t0 + 50;
    const read = withWallCap(Date.now() + 50, deadline, () => {
      sleep(120);
      return now();
    });
    // (Within a millisecond: Date.now() is whole milliseconds, the clock is not.)
    expect(read).toBeGreaterThanOrEqual(deadline - 1);
    // (Never ahead of wall time.)
    expect(read).toBeLessThanOrEqual(Date.now() + 1);
  });

  it('runs with wall time while the process computes', () => {
    const t0 = now();
    spin(200);
    const ran = now() - t0;
    // (At most wall time; at least most of it, as the process had the CPU: a loaded test machine
    // may take some of it away, so the lower bound is loose.)
    expect(ran).toBeLessThanOrEqual(200 + 15);
    expect(ran).toBeGreaterThan(40);
  });

  it('stands still while the process gets no CPU time, so a step keeps its limit under load', () => {
    spin(15);
    const t0 = now();
    sleep(300);
    now();
    spin(15);
    // (Up to one reading's interval of the sleep, plus the computing.)
    expect(now() - t0).toBeLessThan(100);
  });

  it('never runs backwards', () => {
    let last = now();
    let backwards = 0;
    for (let i = 0; i < 100_000; i++) {
      const t = now();
      if (t < last) backwards++;
      last = t;
      if (i % 20_000 === 0) sleep(12);
    }
    expect(backwards).toBe(0);
  });
});
