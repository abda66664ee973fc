/**
 * Whether V8 ran out of stack while checking: where the checker catches a RangeError (a step too
 * deep to check, a proof attempt given up), it notes one that is a stack overflow here. The
 * CLI's thread has a quarter of a worker's stack (src/check/in-thread.ts), so a file whose
 * check overflowed there is checked again in a worker rather than reported so.
 * (Only where a RangeError is caught by name: the catch-alls that skip one sample point are not.)
 */

let overflowed = false;

/** Notes `err` if it is V8's stack overflow (`Maximum call stack size exceeded`). */
export function noteStackOverflow(err: unknown): void {
  if (err instanceof RangeError && /call stack/i.test(err.message)) overflowed = true;
}

/** Whether a stack overflow was noted since the last call (which clears it). */
export function stackOverflowed(): boolean {
  const was = overflowed;
  overflowed = false;
  return was;
}
