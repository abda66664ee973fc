/**
 * Synchronous work on this thread with a hard stop: Node's `vm` timeout, a watchdog thread that
 * terminates V8's execution of whatever runs (https://nodejs.org/api/vm.html, `timeout`), so a
 * loop that looks at no deadline ends too. Watchdogs nest: the inner one's stop ends only the
 * inner work. The script run is a constant calling our own function, never a user's text.
 * Work stopped so may leave the module state it was changing half-changed: whoever stops it
 * must not run that code on this thread again (src/check/in-thread.ts stops checking here).
 */
import { createContext, Script } from 'node:vm';
import { timerDelay } from './timer.js';

/** What `withWatchdog` returns when the work ran out of time. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/** The context the constant script runs in, made on first use. */
let made: { context: Record<string, unknown>; script: Script } | null = null;

/** `job()`, or TIMED_OUT if it ran past `ms` wall milliseconds (≥ 1); what it throws is thrown. */
export function withWatchdog<T>(ms: number, job: () => T): T | typeof TIMED_OUT {
  made ??= { context: createContext({ job: null }), script: new Script('job()', { filename: 'deriv-watchdog' }) };
  const { context, script } = made;
  const saved = context['job'];
  context['job'] = job;
  try {
    return script.runInContext(context, { timeout: Math.max(1, timerDelay(Math.ceil(ms))) }) as T;
  } catch (err) {
    if ((err as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return TIMED_OUT;
    throw err;
  } finally {
    context['job'] = saved;
  }
}
