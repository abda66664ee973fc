import type { CheckOptions } from '../check/options.js';
import type { FileReport } from '../result.js';
import type { CheckJob, CheckRunner } from './checks.js';

/** A document's check: waiting out the debounce, or under way. */
interface Pending {
  readonly version: number;
  timer: NodeJS.Timeout | null;
  job: CheckJob | null;
  /** Resolves with the report of this version, or null when a newer edit or a close replaced it. */
  readonly settled: Promise<FileReport | null>;
  readonly resolve: (report: FileReport | null) => void;
}

/** What the scheduler does with a finished check. */
export type OnReport = (uri: string, version: number, report: FileReport) => void;

/**
 * Debounces and cancels checks, per document: an edit waits a moment for the next
 * keystroke, then is checked; a newer edit cancels the waiting or running check of the
 * older text (its worker is stopped), so only the latest text is ever reported.
 */
export class CheckScheduler {
  private readonly pending = new Map<string, Pending>();
  /** The last report delivered per document, with the version it is for. */
  private readonly latest = new Map<string, { version: number; report: FileReport }>();

  constructor(
    private readonly runner: CheckRunner,
    private readonly onReport: OnReport,
  ) {}

  /** Checks `text` (version `version` of `uri`) after `delayMs`, replacing any check of an older version. */
  schedule(uri: string, version: number, text: string, options: CheckOptions, delayMs: number): void {
    this.cancel(uri);
    let resolve: (report: FileReport | null) => void = () => {};
    const settled = new Promise<FileReport | null>((r) => {
      resolve = r;
    });
    const p: Pending = { version, timer: null, job: null, settled, resolve };
    this.pending.set(uri, p);
    p.timer = setTimeout(() => {
      p.timer = null;
      const job = this.runner.start(text, options);
      p.job = job;
      void job.result.then((report) => {
        if (this.pending.get(uri) !== p) return;
        this.pending.delete(uri);
        if (report !== null) {
          this.latest.set(uri, { version, report });
          this.onReport(uri, version, report);
        }
        p.resolve(report);
      });
    }, delayMs);
  }

  /** Stops the waiting or running check of `uri`, if any. */
  cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (p === undefined) return;
    this.pending.delete(uri);
    if (p.timer !== null) clearTimeout(p.timer);
    p.job?.cancel();
    p.resolve(null);
  }

  /** Forgets a closed document. */
  forget(uri: string): void {
    this.cancel(uri);
    this.latest.delete(uri);
  }

  /** Whether a check of `uri` is waiting or running. */
  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  /**
   * The report for exactly `version` of `uri`: the last one if it is for that version,
   * else the one under way for it; null if there is none (or a newer edit came first).
   */
  async reportFor(uri: string, version: number): Promise<FileReport | null> {
    const last = this.latest.get(uri);
    if (last?.version === version) return last.report;
    const p = this.pending.get(uri);
    return p?.version === version ? p.settled : null;
  }

  /** The last report delivered for `uri`, with its version. */
  last(uri: string): { version: number; report: FileReport } | undefined {
    return this.latest.get(uri);
  }

  /** Cancels everything and closes the runner. */
  async dispose(): Promise<void> {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
    await this.runner.close();
  }
}
