import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnostic } from '../diagnostics.js';
import type { DerivationParts, ParsedDerivation } from '../parse/index.js';
import type { FileReport } from '../result.js';
import type { CheckTask } from '../run/check-worker.js';
import type { JobOutcome, JobPool } from '../run/pool.js';
import { timerDelay } from '../run/timer.js';
import { DEFAULT_TIMEOUT_MS, type CheckOptions, type Decision, type Stopped } from './options.js';
import { checkerHere, checkInThread, type CheckerHere, type InThreadOutcome } from './in-thread.js';
import { mergePartReports, partsReadAlone } from './parts.js';

/** Files longer than this are parsed in the worker, under the file's time limit (parsing is linear: ~0.5 s at most here). */
const MAIN_THREAD_PARSE_LIMIT = 20_000;

/** What `use` makes of the parser in this thread; undefined for a long text or if the parser failed (the worker parses it then). */
async function inThisThread<T>(text: string, use: (p: Parser) => T): Promise<T | undefined> {
  if (text.length > MAIN_THREAD_PARSE_LIMIT) return undefined;
  try {
    return use(await parser());
  } catch {
    return undefined;
  }
}

/** The parse of a short text, in this thread (undefined: the worker parses it). */
const parseHere = (text: string): Promise<ParsedDerivation | undefined> => inThisThread(text, (p) => p.parseDerivation(text));

/** A short text of chains after its context, in parts parsed in this thread as they are taken (`derivationParts`), or null for any other. */
const partsHere = async (text: string): Promise<DerivationParts | null> => (await inThisThread(text, (p) => p.derivationParts(text))) ?? null;

/**
 * Expressions nested deeper than this (a sum of this many terms) are checked in a worker: its
 * stack (4 MB) is four times this thread's (V8's 984 kB), and a sum of 999 terms, the
 * deepest a line may be (MAX_EXPRESSION_DEPTH), was already out of stack here at 0.7 of it.
 */
const IN_THREAD_MAX_DEPTH = 250;

/**
 * A short, not too deep file checked on this thread (src/check/in-thread.ts); null where it goes
 * to a worker (long or deep, the parser or the checker's bundle not there).
 */
async function checkHere(text: string, options: CheckOptions, budgetMs: number, stuckMs: number, here: () => Promise<CheckerHere | null>): Promise<InThreadOutcome | null> {
  const parsed = await parseHere(text);
  if (!parsed) return null;
  const deep = await inThisThread(text, (p) => p.depthOf(parsed.ast) > IN_THREAD_MAX_DEPTH);
  if (deep !== false) return null;
  const check = await here();
  return check ? checkInThread(check, text, parsed, options, budgetMs, stuckMs) : null;
}

type Parser = typeof import('../parse/index.js');
let parserModule: Promise<Parser> | null = null;

/**
 * The parser: its bundle run from V8's code cache (dist/parser/parse.cjs, made by
 * scripts/bundle.mjs: Ohm, the grammar and the semantics load in ~75 ms instead of ~125 and
 * parse the first file faster), else the module itself (no current bundle).
 */
function parser(): Promise<Parser> {
  parserModule ??= (async () => {
    const { loadBundle } = await import('../run/bundle.js');
    const bundled = loadBundle(
      fileURLToPath(new URL('../../parser/parse.cjs', import.meta.url)),
      fileURLToPath(new URL('../parse/index.js', import.meta.url)),
    );
    return bundled ? (bundled.exports as unknown as Parser) : import('../parse/index.js');
  })();
  return parserModule;
}

/**
 * The young generation of a `deriv check` worker, in megabytes (its semi-spaces 1 MB each,
 * as V8 starts them, instead of growing to 16 MB): a check allocates mostly values that die
 * within a step, so a small young generation is scavenged often but over little, and ~5,000
 * fewer fresh pages are faulted in. Whole-process CPU, 7 alternated pairs each: the
 * identity table 1690 → 1650 ms, the homework 1080 → 1030 ms (wall 0.77 → 0.74 s).
 */
export const CHECK_YOUNG_GENERATION_MB = 3;

/** A step still undecided this many times its limit, plus STUCK_SLACK_MS, is stuck: its worker is stopped (isolatedChecker). */
const STUCK_FACTOR = 5;
const STUCK_SLACK_MS = 5000;
/** How many stuck steps one file may have before it is reported as stopped whole. */
const MAX_STOPPED = 3;

/** The options of `deriv check` that take a value (src/cli.ts): the argument after one is not a file. */
const CHECK_VALUE_OPTIONS: ReadonlySet<string> = new Set(['-f', '--format', '--seed', '--samples', '--timeout', '--stdin-filename']);

/**
 * How many files the arguments of `deriv check` name (options and their values left out), read
 * before the CLI parses them: bin/deriv.js starts the worker at once for two or more, so it loads
 * the checker while the CLI loads (one file is checked on the CLI's thread). Only a hint.
 */
export function checkFileCount(args: readonly string[]): number {
  let n = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return n + args.length - i - 1;
    if (CHECK_VALUE_OPTIONS.has(a)) i++;
    else if (a === '-' || !a.startsWith('-')) n++;
  }
  return n;
}

/** Checks one text; the shape of `checkSource`. */
export type Checker = (text: string, options: CheckOptions) => Promise<FileReport>;

/**
 * `checkSource` in a worker thread (src/run) with a hard time limit per file: the per-step limits
 * bound every loop the checker runs, but not a single library call that takes minutes; such a
 * file is stopped and reported, and the next file gets a fresh worker. With `inThread`, a file
 * handed over alone is checked on this thread under watchdogs instead (src/check/in-thread.ts).
 * Falls back to checking in-process where the compiled worker is not there (running from
 * source). `workersStarted`: whether a worker pool was made (tests).
 */
export function isolatedChecker(limits: {
  budgetMs?: number; threads?: number; eager?: boolean;
  /** A worker module other than the checker's (a `jobWorker` of CheckTask: tests of the watch on stuck steps). */
  worker?: URL;
  /** STUCK_SLACK_MS, for tests. */
  stuckSlackMs?: number;
  /**
   * A file handed over alone (no other in the same tick) is checked on this thread
   * (src/check/in-thread.ts), not in a worker: `deriv check` sets it, a long-lived caller whose
   * thread must stay free (the language server) does not.
   */
  inThread?: boolean;
  /** The checker a file checked on this thread runs (tests: one that gets stuck); default the real one. */
  here?: () => Promise<CheckerHere | null>;
} = {}): { check: Checker; close: () => Promise<void>; workersStarted: () => boolean } {
  const url = limits.worker ?? new URL('../run/check-worker-bundled.js', import.meta.url);
  const slackMs = limits.stuckSlackMs ?? STUCK_SLACK_MS;
  if (!existsSync(fileURLToPath(url))) {
    return { check: async (text, options) => (await import('./index.js')).checkSource(text, options), close: async () => {}, workersStarted: () => false };
  }
  let pool: JobPool<CheckTask, FileReport> | null = null;
  // The pool is made once the files handed over in one go are counted: one worker per file
  // up to `limits.threads` (default 1: on two cores a second worker warms up V8 again and
  // the homework took 1.14× the wall time and 1.35× the CPU, 7 paired whole-process runs).
  // `eager` starts the workers at once, before any file is handed over (the CLI does while it
  // loads itself: the worker loads the checker meanwhile), with `limits.threads` of them.
  let parsing: Promise<void> = Promise.resolve();
  let calls = 0;
  /** The files handed over in this tick so far, and when they are all counted, how many. */
  let batch: { count: number; size: Promise<number> } | null = null;
  const batchSize = (): Promise<number> => {
    if (!batch) {
      const b: { count: number; size: Promise<number> } = { count: 0, size: Promise.resolve(0) };
      b.size = new Promise<number>((resolve) => setImmediate(() => {
        batch = null;
        resolve(b.count);
      }));
      batch = b;
    }
    batch.count++;
    return batch.size;
  };
  /** Set once a check on this thread was stopped (its module state may be half-changed): every file after goes to a worker. */
  let threadSpent = false;
  let sized: Promise<JobPool<CheckTask, FileReport>> | null = null;
  /** A pool of `threads` workers. (The pool's module is loaded only then: tinypool is ~20 ms of a start that checks one file here.) */
  const startPool = async (threads: number): Promise<JobPool<CheckTask, FileReport>> => {
    const { JobPool } = await import('../run/pool.js');
    pool = new JobPool<CheckTask, FileReport>({ worker: url, threads, youngGenerationMb: CHECK_YOUNG_GENERATION_MB });
    return pool;
  };
  if (limits.eager) sized = startPool(Math.max(1, limits.threads ?? 1));
  /**
   * A job with a watch on its steps: the worker tells each relation it starts to decide, and one
   * still undecided STUCK_FACTOR times the step's limit plus STUCK_SLACK_MS later is stuck in
   * work that looks at no deadline (a loop stepping a double past 2⁵³ never ended, red team
   * rt80): the worker is stopped, and the file checked again in a fresh one with that relation
   * left `unknown` (CheckOptions.stopped), up to MAX_STOPPED of them, the decisions the stopped
   * worker made taken as they are (CheckOptions.replay: the worker tells each), as after a stop on
   * the CLI's thread. Before this, such a step ran into the file's limit and every step of the
   * file lost its verdict. `timeoutMs` is the file's whole budget, spent across the runs;
   * `deadline` (wall time) what the parts of one file share, each run from whenever it starts.
   */
  const watched = async (workers: JobPool<CheckTask, FileReport>, task: CheckTask, timeoutMs: number, deadline?: number): Promise<JobOutcome<FileReport>> => {
    let stopped: readonly Stopped[] = task.options.stopped ?? [];
    let replay: readonly Decision[] = task.options.replay ?? [];
    const stepMs = task.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const started = Date.now();
    for (;;) {
      let kill: (() => void) | null = null;
      let deciding: Stopped | null = null;
      let stuck = false;
      let timer: NodeJS.Timeout | undefined;
      const made: Decision[] = [];
      const options = { ...task.options, ...(stopped.length > 0 ? { stopped } : {}), ...(replay.length > 0 ? { replay } : {}) };
      const outcome = await workers.run({ ...task, options }, {
        timeoutMs: Math.max(1, timeoutMs - (Date.now() - started)),
        ...(deadline !== undefined ? { deadline } : {}),
        onStart: (_threadId, killWorker) => { kill = killWorker; },
        onProgress: (data) => {
          const decided = (data as { decided?: Decision } | null)?.decided;
          if (decided && typeof decided.index === 'number' && Array.isArray(decided.range) && typeof decided.outcome === 'object') {
            made.push(decided);
            return;
          }
          const range = (data as { deciding?: unknown } | null)?.deciding;
          if (!Array.isArray(range) || range.length !== 2 || typeof range[0] !== 'number' || typeof range[1] !== 'number') return;
          const index = (data as { index?: unknown }).index;
          deciding = typeof index === 'number' ? [range[0], range[1], index] : [range[0], range[1]];
          clearTimeout(timer);
          timer = setTimeout(() => {
            stuck = true;
            kill?.();
          }, timerDelay(stepMs * STUCK_FACTOR + slackMs));
          timer.unref();
        },
      });
      clearTimeout(timer);
      if (outcome.ok || !stuck || deciding === null) return outcome;
      // (The watch stopped it: past MAX_STOPPED, the file is over its limit, not a crash.)
      if (stopped.length >= MAX_STOPPED) return { ok: false, kind: 'timeout', message: 'steps ran far past their limit', elapsedMs: outcome.elapsedMs };
      stopped = [...stopped, deciding];
      // (What this run made and took, in order: a replayed decision past a place where this run
      // went another way is not among them.)
      replay = made;
    }
  };
  const check: Checker = async (text, options) => {
    calls++;
    const lines = text.split('\n').length;
    const budget = limits.budgetMs ?? Math.max(30_000, lines * 2 * (options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
    const file = options.file ?? '<stdin>';
    const failed = (outcome: Exclude<JobOutcome<FileReport>, { ok: true }>, at: number): FileReport => {
      const finding = outcome.kind === 'timeout'
        ? diagnostic('file-time-limit', { seconds: Math.round(budget / 1000) }, [at, at])
        : diagnostic('file-crashed', { detail: outcome.message }, [at, at]);
      return { file, source: text, steps: [], shows: [], diagnostics: [finding] };
    };
    const alone = (await batchSize()) === 1;
    /** What is left of the file's budget for a worker (the time a check here took is spent). */
    let left = budget;
    if (limits.inThread && alone && !threadSpent && !limits.worker) {
      const began = Date.now();
      const here = await checkHere(text, options, budget, (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) * STUCK_FACTOR + slackMs, limits.here ?? checkerHere);
      if (here?.kind === 'report') return here.report;
      if (here?.kind === 'stuck' || here?.kind === 'handed-over' || here?.kind === 'timeout') threadSpent = true;
      if (here?.kind === 'timeout') return failed({ ok: false, kind: 'timeout', message: '', elapsedMs: budget }, 0);
      // (Stuck: the check goes on in a worker, without that step, as after a worker stuck there;
      // handed over: the check goes on in a worker. Either way the decisions made here are taken
      // there as they are, not made again.)
      // (What a check here took is spent, whatever stopped it: a file that ran out of this
      // thread's stack goes to a worker with what is left too.)
      if (here) left = Math.max(1, budget - (Date.now() - began));
      if (here?.kind === 'stuck' || here?.kind === 'handed-over') {
        // (What the check here made and took, replayed ones too: not what it was given past a
        // place where it went another way.)
        options = { ...options, replay: here.decided, ...(here.kind === 'stuck' ? { stopped: [...(options.stopped ?? []), here.range] } : {}) };
      }
    }
    sized ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => startPool(Math.max(1, Math.min(calls, limits.threads ?? 1))));
    const workers = await sized;
    // Files are parsed here, one after another in the order handed over, while the worker
    // checks the ones before (two cores at work on the start of a run). The
    // worker then never loads the parser. A long file is parsed in the worker, under its limit.
    // A long file of chains after its context is checked in parts, each handed over as soon as
    // it is parsed, so the worker checks while this thread parses the rest (the identity table,
    // 552 lines: its ~0.3 s of parsing cold no longer comes before all of its checking). The
    // merged report is the one the whole file gives (tests/parts.test.ts).
    type Handed =
      | { readonly kind: 'parts'; readonly jobs: readonly { at: number; outcome: Promise<JobOutcome<FileReport>> }[]; readonly contextEnd: number }
      | { readonly kind: 'whole'; readonly parsed: ParsedDerivation | undefined };
    const mine = parsing.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(async (): Promise<Handed> => {
      // (Not a check that goes on from decisions replayed: they are numbered in the whole file.)
      const split = options.replay ? null : await partsHere(text);
      if (split) {
        try {
          const jobs: { at: number; outcome: Promise<JobOutcome<FileReport>> }[] = [];
          // (The parts share what is left of the file's budget: each runs after the one before.)
          const until = Date.now() + left;
          for (const parsed of split.parts) {
            const at = parsed.ast.statements.find((st) => st.range[0] >= split.contextEnd)?.range[0] ?? split.contextEnd;
            jobs.push({ at, outcome: watched(workers, { text, options, parsed }, left, until) });
            // (The pool hands the part over while the next is parsed.)
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
          return { kind: 'parts', jobs, contextEnd: split.contextEnd };
        } catch {
          // (The parser failed on a part: the whole file goes as one, parsed by the worker.)
        }
      }
      return { kind: 'whole', parsed: await parseHere(text) };
    });
    parsing = mine.then(() => undefined);
    const handed = await mine;
    if (handed.kind === 'parts') {
      const reports = await Promise.all(handed.jobs.map(async ({ at, outcome }) => {
        const o = await outcome;
        return o.ok ? o.value : failed(o, at);
      }));
      if (partsReadAlone(reports)) return mergePartReports(file, text, handed.contextEnd, reports);
    }
    // (Whole: a file not split, or one a part of which used a name no declaration gives.)
    const parsed = handed.kind === 'whole' ? handed.parsed : await parseHere(text);
    const outcome = await watched(workers, { text, options, ...(parsed ? { parsed } : {}) }, left);
    return outcome.ok ? outcome.value : failed(outcome, 0);
  };
  return { check, close: async () => { await (await sized?.catch(() => null))?.close(); }, workersStarted: () => pool !== null };
}
