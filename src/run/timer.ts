/**
 * A delay setTimeout takes as it is: past 2³¹ − 1 ms (24.8 days) Node fires it at once, with a
 * TimeoutOverflowWarning (a 200,000-step file's budget was stopped before it began).
 */
export function timerDelay(ms: number): number {
  return Math.min(Math.max(0, ms), 2 ** 31 - 1);
}
