import { readFileSync, watch as fsWatch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_TIMEOUT_MS, type CheckOptions } from './check/options.js';
import { isolatedChecker } from './check/isolated.js';
import { REPORT_FORMATS, formatReports, type ReportFormat } from './report/index.js';
import { diagnostic } from './diagnostics.js';
import { summarize, type FileReport } from './result.js';

/** The checker, loaded on first use (the CLI's own start-up does not need it). */
async function checkInProcess(text: string, options: CheckOptions): Promise<FileReport> {
  const { checkSource } = await import('./check/index.js');
  return checkSource(text, options);
}

/** Checks one source text; the real one is `checkSource`, tests pass their own. */
export type CheckFn = (text: string, options: CheckOptions) => Promise<FileReport>;

/**
 * Watches files and calls `onChange` (debounced) when one is saved; resolves when
 * watching ends (the real one never does: Ctrl-C ends the process).
 */
export type WatchFn = (paths: readonly string[], onChange: () => void) => Promise<void>;

/** Everything the CLI touches outside itself, so tests run it in-process with fakes. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads a file as UTF-8. */
  readFile: (path: string) => Promise<string>;
  /** Reads all of stdin as UTF-8. */
  readStdin: () => Promise<string>;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  env: Record<string, string | undefined>;
  /** The checker; default `checkSource`. */
  check?: CheckFn;
  /** File watching for `--watch`; without it `--watch` is a usage error. */
  watch?: WatchFn;
}

/** Exit codes: everything passed, something failed, usage error or unreadable input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** What the file name `-` reads, and how its report is named. */
const STDIN_NAME = '<stdin>';

/** The package version, found by walking up from this module (src/ in tests, dist/src/ when built). */
function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'deriv' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: look one folder up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

/** A commander argument parser for an integer option at least `min`; its message names the option. */
function integerOption(name: string, min: number): (value: string) => number {
  return (value) => {
    const n = /^[+]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be ${min === 0 ? 'a whole number ≥ 0' : `a whole number ≥ ${min}`}.`);
    }
    return n;
  };
}

/** Whether to colour: on a terminal, unless NO_COLOR is set (non-empty) or TERM is dumb. */
function useColor(io: CliIo): boolean {
  const noColor = io.env['NO_COLOR'];
  return io.isTTY && (noColor === undefined || noColor === '') && io.env['TERM'] !== 'dumb';
}

/** A short reason for an unreadable file. */
function readError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** The report for a file whose check threw (a bug in the checker): one `internal-error` diagnostic. */
function internalErrorReport(file: string, source: string, error: unknown): FileReport {
  const what = error instanceof Error ? error.message : String(error);
  return {
    file,
    source,
    diagnostics: [diagnostic('internal-error', { detail: `while checking this file: ${what}` }, [0, 0])],
    steps: [],
    shows: [],
  };
}

/** 1 when any step, show or file failed; 0 when everything passed. */
function verdictExitCode(reports: readonly FileReport[]): number {
  const s = summarize(reports);
  const showFailed = reports.some((r) => r.shows.some((sh) => sh.verdict !== 'proved' && sh.verdict !== 'checked'));
  return s.failed > 0 || s.errors > 0 || showFailed ? EXIT.failed : EXIT.ok;
}

interface CheckCommandOptions {
  format: ReportFormat;
  seed: number;
  samples: number;
  timeout: number;
  watch?: boolean;
  verbose?: boolean;
}

/** Reads and checks every file (one bad file never stops the rest), prints the reports, returns the exit code. */
async function checkOnce(files: readonly string[], opts: CheckCommandOptions, io: CliIo): Promise<number> {
  const check = io.check ?? checkInProcess;
  const reports: FileReport[] = [];
  let unreadable = false;
  let stdin: Promise<string> | undefined;
  for (const path of files) {
    let text: string;
    try {
      text = path === '-' ? await (stdin ??= io.readStdin()) : await io.readFile(path);
    } catch (error) {
      io.stderr(`deriv: cannot read ${path === '-' ? 'stdin' : path}: ${readError(error)}\n`);
      unreadable = true;
      continue;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const file = path === '-' ? STDIN_NAME : path;
    let report: FileReport;
    try {
      report = await check(text, { file, seed: opts.seed, samples: opts.samples, timeoutMs: opts.timeout });
    } catch (error) {
      if (io.env['DERIV_DEBUG']) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
      report = internalErrorReport(file, text, error);
    }
    reports.push(report);
  }
  io.stdout(formatReports(opts.format, reports, { color: opts.format === 'text' && useColor(io), verbose: opts.verbose }));
  return unreadable ? EXIT.usage : verdictExitCode(reports);
}

/** `deriv check`: once, or again on every save with `--watch`. */
async function checkCommand(files: readonly string[], opts: CheckCommandOptions, io: CliIo): Promise<number> {
  if (!opts.watch) return checkOnce(files, opts, io);
  if (files.includes('-')) {
    io.stderr('deriv: --watch needs files: it cannot watch stdin\n');
    return EXIT.usage;
  }
  if (!io.watch) {
    io.stderr('deriv: --watch is not available here\n');
    return EXIT.usage;
  }
  let code = await checkOnce(files, opts, io);
  // Re-checks run one after another, never overlapping.
  let queue: Promise<void> = Promise.resolve();
  const onChange = (): void => {
    queue = queue.then(async () => {
      io.stderr('deriv: change detected, checking again\n');
      code = await checkOnce(files, opts, io);
    });
  };
  try {
    await io.watch(files, onChange);
  } catch (error) {
    io.stderr(`deriv: cannot watch: ${readError(error)}\n`);
    return EXIT.usage;
  }
  await queue;
  return code;
}

/** A command that comes in a later version: exits 2 with a note. */
function notImplemented(program: Command, name: string, description: string, io: CliIo, setCode: (c: number) => void): void {
  program
    .command(name)
    .description(`${description} (not implemented yet)`)
    .argument('[args...]')
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false)
    .action(() => {
      io.stderr(`deriv ${name}: not implemented yet\n`);
      setCode(EXIT.usage);
    });
}

/**
 * Runs the CLI on `argv` (the arguments after the program name) and returns the exit
 * code: 0 everything passed, 1 a step or file failed, 2 usage error or unreadable input.
 * Never exits the process: all output goes through `io`.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const setCode = (c: number): void => {
    code = c;
  };

  const program = new Command('deriv')
    .description('Checks step-by-step math derivations: every step proved, checked, refuted (with a counterexample) or unknown.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`deriv: ${s}`),
      getOutHelpWidth: () => 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .helpCommand(false)
    .showSuggestionAfterError();

  program
    .command('check')
    .description('check every chain of every file')
    .argument('<files...>', 'derivation files; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('text'))
    .addOption(new Option('--seed <n>', 'sampling seed').argParser(integerOption('--seed', 0)).default(DEFAULT_SEED))
    .addOption(new Option('--samples <n>', 'points sampled per step').argParser(integerOption('--samples', 1)).default(DEFAULT_SAMPLES))
    .addOption(new Option('--timeout <ms>', 'time limit per step, in milliseconds').argParser(integerOption('--timeout', 1)).default(DEFAULT_TIMEOUT_MS))
    .option('--watch', 'check again whenever a file is saved')
    .option('--verbose', 'gcc format: list passing steps too, as notes')
    .action(async (files: string[], opts: CheckCommandOptions) => {
      setCode(await checkCommand(files, opts, io));
    });

  notImplemented(program, 'grade', 'grade submissions against an answer key', io, setCode);
  notImplemented(program, 'render', 'typeset a derivation as LaTeX or HTML', io, setCode);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    io.stderr(`deriv: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.usage;
  }
  return code;
}

/** Watches the folders holding `paths` (editors often save by renaming) and calls `onChange` 100 ms after a save. */
const watchFiles: WatchFn = (paths, onChange) =>
  new Promise<void>((_resolve, reject) => {
    const byFolder = new Map<string, Set<string>>();
    for (const p of paths) {
      const folder = dirname(resolve(p));
      const names = byFolder.get(folder) ?? new Set<string>();
      names.add(basename(p));
      byFolder.set(folder, names);
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      for (const [folder, names] of byFolder) {
        fsWatch(folder, (_event, name) => {
          if (name === null || !names.has(name.toString())) return;
          clearTimeout(timer);
          timer = setTimeout(onChange, 100);
        }).on('error', reject);
      }
    } catch (error) {
      reject(error);
    }
  });

/** The real io: process streams, the file system, fs.watch. */
export function nodeIo(): CliIo {
  // A closed pipe (`deriv check … | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: (path) => readFile(path, 'utf8'),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    watch: watchFiles,
    // Each file in a worker with a hard time limit: one file that hangs never stops a batch.
    check: isolatedChecker().check,
  };
}
