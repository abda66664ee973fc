/** A one-line progress bar for a terminal (stderr): drawn over itself with `\r`. */

/** The bar after `done` of `total` jobs, `elapsedMs` in: count, bar, percentage, time left. */
export function drawProgress(done: number, total: number, elapsedMs: number, width = 30): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  const left = done === 0 ? null : (elapsedMs / done) * (total - done);
  const eta = left === null ? '' : ` ${Math.ceil(left / 1000)} s left`;
  return `\r\u001b[Kgrading ${done}/${total} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(share * 100)}%${done < total ? eta : ''}`;
}
