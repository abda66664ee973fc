/**
 * The clock a step's time limits are read on: `now()` for every deadline in src/check and for
 * the hard stop in src/deadline.ts. Milliseconds on Date.now()'s scale that advance with wall
 * time while this process gets the CPU, and no faster than the CPU time it gets
 * (`process.cpuUsage()`, all its threads) while other processes hold the machine's cores.
 *
 * So a step's 2 s limit is 2 s of computing on a machine under load as on a quiet one, and
 * neither a verdict nor what a search finds before its share of the limit runs out depends on
 * what else runs beside the checker: on a shared machine a few slow steps (∏ over a thousand
 * factors, an inequality searched at large n) went `unknown` under other processes' load and
 * were checked on a quiet machine (red teams rt88, rt92). Where the process runs on several
 * cores at once (the CLI parses on one thread while its worker checks), its CPU time runs
 * faster than wall time, and the clock is wall time: never a shorter limit than before.
 * Limits over a whole file or a submission (`deriv grade`'s budget, the CLI's watch on stuck
 * workers) stay in wall time: they bound how long a user waits, and a step still running when
 * the file's budget runs out ends there (`withWallCap`).
 *
 * The CPU time is read at most once every SAMPLE_MS of wall time (a system call), and the clock
 * never runs backwards: between two readings it runs at wall speed, and after a reading that
 * finds less CPU time than wall time it stands still until wall time has caught up.
 */

/** Wall-clock milliseconds between two readings of the process's CPU time. */
const SAMPLE_MS = 10;

/** Wall time on Date.now()'s scale (not Date.now() itself: symbolic.ts makes that a counter during nerdamer's calls, and reads this clock inside it). */
const origin = performance.timeOrigin;
const wall = (): number => origin + performance.now();

/** The process's CPU time in milliseconds (every thread, user and system); null where there is no `process` (a browser). */
const cpuMs = (): number | null => {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return null;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

let wallAt = wall();
let cpuAt = cpuMs();
let clockAt = wallAt;
let shown = wallAt;

/** While a step runs under a wall-time budget (withWallCap): from wall time `wall` on, the clock reads at least `at`. */
let cap: { readonly wall: number; readonly at: number } | null = null;

/** The step clock now, in milliseconds on Date.now()'s scale (see the module comment); never decreases. */
export function now(): number {
  const w = wall();
  if (w - wallAt >= SAMPLE_MS) {
    const c = cpuMs();
    clockAt += c === null || cpuAt === null ? w - wallAt : Math.max(0, Math.min(w - wallAt, c - cpuAt));
    wallAt = w;
    cpuAt = c;
  }
  let t = clockAt + (w - wallAt);
  if (cap !== null && w >= cap.wall && t < cap.at) {
    clockAt += cap.at - t;
    t = cap.at;
  }
  if (t > shown) shown = t;
  return shown;
}

/**
 * Runs `f` (a step) with the clock reading at least `at` (the step's deadline) once wall time
 * reaches `wallAt` (on Date.now()'s scale): the wall-time budget of a whole file or submission
 * (`deriv grade --timeout`) ends a step that is still running when it runs out, where the step
 * clock, slowed by other processes' load, would have given it longer (and the pool's hard stop,
 * meant for a library call that looks at no deadline, stopped the whole submission instead).
 * `at` must be at most `wallAt` (a deadline on this clock, which runs no faster than wall time,
 * taken within that budget): the clock then still never runs ahead of wall time.
 */
export function withWallCap<T>(wallAt: number, at: number, f: () => T): T {
  const saved = cap;
  cap = saved !== null && saved.wall <= wallAt ? saved : { wall: wallAt, at: Math.min(at, wallAt) };
  try {
    return f();
  } finally {
    cap = saved;
  }
}
