import { readFileSync, watch as fsWatch, writeSync } from 'node:fs';
import { open, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_SAMPLES, DEFAULT_SEED, DEFAULT_TIMEOUT_MS, type CheckOptions } from './check/options.js';
import { isolatedChecker, type Checker } from './check/isolated.js';
import type { FolderEntry } from './grade/submission.js';
import { DEFAULT_GRADE_STEP_TIMEOUT_MS, DEFAULT_MEMORY_MB, DEFAULT_SUBMISSION_TIMEOUT_MS, GRADE_FORMATS, VISIBILITIES, type GradeFormat, type Visibility } from './grade/options.js';
import { sanitize } from './report/frame.js';
import { REPORT_FORMATS, formatReports, type ReportFormat } from './report/index.js';
import { diagnostic, fileDiagnostics } from './diagnostics.js';
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
  /** Serves `deriv lsp` on this process's stdio (given the version to report); without it `deriv lsp` is a usage error. */
  lsp?: (version: string) => Promise<number>;
  /** Reads at most `limit + 1` bytes of a file (grading decodes submissions itself). */
  readBytes?: (path: string, limit: number) => Promise<Uint8Array>;
  /** A folder's entries (links not followed), or null when the path is not a folder (a submission folder is one student). */
  listFolder?: (path: string) => Promise<FolderEntry[] | null>;
  /** Writes a file whole: a temporary file beside it, then renamed over it (`deriv grade --out`). */
  writeFileAtomic?: (path: string, text: string) => Promise<void>;
  /** Whether stderr is a terminal (the grading progress bar is drawn only then). */
  stderrIsTTY?: boolean;
  /** The compiled grading worker for a pool (default: the one beside the compiled CLI). */
  gradeWorker?: URL;
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
/** The most a file or stdin may hold: far above any derivation (the parser takes ~5 MB), far below memory. */
const MAX_INPUT_BYTES = 64 << 20;

/** An input past MAX_INPUT_BYTES (/dev/zero, `yes | deriv check -`): read no further. */
class InputTooLarge extends Error {
  constructor() {
    super(`it is larger than ${MAX_INPUT_BYTES >> 20} MB, far more than a derivation holds`);
  }
}

function readError(error: unknown): string {
  if (error instanceof InputTooLarge) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** Why the output could not be written, in words (the system's code after them). */
function writeError(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOSPC') return 'no space left on the device (ENOSPC)';
  if (error.code === 'EIO') return 'the device reported an input/output error (EIO)';
  if (error.code === 'EDQUOT') return 'the disk quota is used up (EDQUOT)';
  return error.code ? `${error.message.replace(/^[A-Z]+: /, '')} (${error.code})` : error.message;
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

/**
 * Says on stderr which files are not text (NUL bytes, invalid UTF-8: the parser's `binary-file`);
 * true when there is one. Such a file is unreadable input, exit 2 (CLI.md), like a missing one;
 * its report still carries the diagnostic with its place, and the other files are checked.
 */
function reportNotText(reports: readonly FileReport[], io: CliIo): boolean {
  let any = false;
  for (const r of reports) {
    const d = r.diagnostics.find((x) => x.code === 'binary-file');
    if (!d) continue;
    io.stderr(`deriv: cannot read ${sanitize(r.file)}: ${d.message}\n`);
    any = true;
  }
  return any;
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
  stdinFilename?: string;
}

/** Reads and checks every file (one bad file never stops the rest), prints the reports, returns the exit code. */
/** `afterRead` runs once every file has been read (before checking): `--watch` starts watching there. */
async function checkOnce(files: readonly string[], opts: CheckCommandOptions, io: CliIo, afterRead?: () => void): Promise<number> {
  const check = io.check ?? checkInProcess;
  let unreadable = false;
  let stdin: Promise<string> | undefined;
  const inputs: { file: string; text: string }[] = [];
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
    inputs.push({ file: path === '-' ? (opts.stdinFilename ?? STDIN_NAME) : path, text });
  }
  afterRead?.();
  // All files are handed to the checker at once (it checks as many at a time as it has
  // workers); the reports keep the order of the files.
  const reports = await Promise.all(inputs.map(async ({ file, text }): Promise<FileReport> => {
    try {
      return await check(text, { file, seed: opts.seed, samples: opts.samples, timeoutMs: opts.timeout });
    } catch (error) {
      if (io.env['DERIV_DEBUG']) io.stderr(`${error instanceof Error ? error.stack : String(error)}\n`);
      return internalErrorReport(file, text, error);
    }
  }));
  io.stdout(await formatReports(opts.format, reports, { color: opts.format === 'text' && useColor(io), verbose: opts.verbose }));
  if (reportNotText(reports, io)) unreadable = true;
  return unreadable ? EXIT.usage : verdictExitCode(reports);
}

/** `deriv check`: once, or again on every save with `--watch`. */
async function checkCommand(files: readonly string[], opts: CheckCommandOptions, io: CliIo): Promise<number> {
  if (opts.stdinFilename !== undefined && !files.includes('-')) {
    io.stderr('deriv: --stdin-filename names stdin: use it with - among the files\n');
    return EXIT.usage;
  }
  if (!opts.watch) return checkOnce(files, opts, io);
  if (files.includes('-')) {
    io.stderr('deriv: --watch needs files: it cannot watch stdin\n');
    return EXIT.usage;
  }
  if (!io.watch) {
    io.stderr('deriv: --watch is not available here\n');
    return EXIT.usage;
  }
  const watch = io.watch;
  let code: number = EXIT.ok;
  // Watching starts as soon as the first check has read the files, before it prints: a save
  // right after the first report (or during the check) is never missed. Re-checks run one
  // after another, never overlapping.
  let watching: Promise<unknown> | null = null;
  const first = checkOnce(files, opts, io, () => {
    watching = watch(files, onChange).then(() => null, (error: unknown) => ({ error }));
  });
  let queue: Promise<void> = first.then((c) => {
    code = c;
  });
  function onChange(): void {
    queue = queue.then(async () => {
      io.stderr('deriv: change detected, checking again\n');
      code = await checkOnce(files, opts, io);
    });
  }
  await first;
  const failure = (await (watching ?? Promise.resolve(null))) as { error: unknown } | null;
  if (failure) {
    io.stderr(`deriv: cannot watch: ${readError(failure.error)}\n`);
    return EXIT.usage;
  }
  await queue;
  return code;
}

/** What `deriv render` writes. */
const RENDER_FORMATS = ['latex', 'html'] as const;

interface RenderCommandOptions {
  to: (typeof RENDER_FORMATS)[number];
  verdicts?: boolean;
  standalone?: boolean;
  seed: number;
  samples: number;
  timeout: number;
}

/**
 * `deriv render FILE --to latex|html`: LaTeX to paste into a homework (checked only with
 * `--verdicts`), or the HTML report. Exit code as for `check` when checked; without
 * checking, 1 when the file has errors (listed on stderr), else 0.
 */
async function renderCommand(path: string, opts: RenderCommandOptions, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = path === '-' ? await io.readStdin() : await io.readFile(path);
  } catch (error) {
    io.stderr(`deriv: cannot read ${path === '-' ? 'stdin' : path}: ${readError(error)}\n`);
    return EXIT.usage;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const file = path === '-' ? STDIN_NAME : path;
  if (opts.to === 'latex' && !opts.verdicts) {
    const [{ formatLatex }, { parseDerivation }, { resolve }] = await Promise.all([
      import('./report/latex.js'), import('./parse/index.js'), import('./types/resolve.js'),
    ]);
    io.stdout(formatLatex({ file, source: text }, { standalone: opts.standalone }));
    const parsed = parseDerivation(text);
    const diagnostics = fileDiagnostics(parsed.diagnostics, resolve(parsed.ast).diagnostics);
    const report: FileReport = { file, source: text, diagnostics, steps: [], shows: [] };
    if (diagnostics.length > 0) io.stderr(await formatReports('gcc', [report]));
    if (diagnostics.some((d) => d.code === 'binary-file')) return EXIT.usage;
    return diagnostics.some((d) => d.severity === 'error') ? EXIT.failed : EXIT.ok;
  }
  const check = io.check ?? checkInProcess;
  let report: FileReport;
  try {
    report = await check(text, { file, seed: opts.seed, samples: opts.samples, timeoutMs: opts.timeout });
  } catch (error) {
    report = internalErrorReport(file, text, error);
  }
  if (opts.to === 'html') {
    io.stdout(await formatReports('html', [report]));
  } else {
    const { formatLatex } = await import('./report/latex.js');
    io.stdout(formatLatex(report, { verdicts: true, standalone: opts.standalone }));
  }
  return reportNotText([report], io) ? EXIT.usage : verdictExitCode([report]);
}

/** The sampling options `check` and `render` share. */
function samplingOptions(command: Command): Command {
  return command
    .addOption(new Option('--seed <n>', 'sampling seed').argParser(integerOption('--seed', 0)).default(DEFAULT_SEED))
    .addOption(new Option('--samples <n>', 'points sampled per step').argParser(integerOption('--samples', 1)).default(DEFAULT_SAMPLES))
    .addOption(new Option('--timeout <ms>', 'time limit per step, in milliseconds').argParser(integerOption('--timeout', 1)).default(DEFAULT_TIMEOUT_MS));
}

interface GradeCliOptions {
  key: string;
  format: GradeFormat;
  out?: string;
  jobs?: number;
  timeout: number;
  stepTimeout: number;
  samples: number;
  memory: number;
  seedFrom?: string;
  visibility: Visibility;
  checkKey?: boolean;
  keySha256?: string;
}

/** `deriv grade`: the grading code is loaded only for this command. */
async function gradeCommand(submissions: readonly string[], opts: GradeCliOptions, io: CliIo): Promise<number> {
  if (!io.readBytes || !io.listFolder) {
    io.stderr('deriv grade: reading submissions is not available here\n');
    return EXIT.usage;
  }
  const { gradeCommand: grade } = await import('./grade/command.js');
  const { readBytes, listFolder } = io;
  return grade({
    key: opts.key, submissions, format: opts.format, timeout: opts.timeout, stepTimeout: opts.stepTimeout,
    samples: opts.samples, memory: opts.memory, visibility: opts.visibility, version: packageVersion(),
    ...(opts.out !== undefined ? { out: opts.out } : {}),
    ...(opts.jobs !== undefined ? { jobs: opts.jobs } : {}),
    ...(opts.seedFrom !== undefined ? { seedFrom: opts.seedFrom } : {}),
    ...(opts.checkKey ? { checkKey: true } : {}),
    ...(opts.keySha256 !== undefined ? { keySha256: opts.keySha256 } : {}),
  }, {
    stdout: io.stdout, stderr: io.stderr, readFile: io.readFile, readBytes, listFolder,
    ...(io.writeFileAtomic ? { writeFileAtomic: io.writeFileAtomic } : {}),
    ...(io.stderrIsTTY !== undefined ? { stderrIsTTY: io.stderrIsTTY } : {}),
    ...(io.gradeWorker ? { gradeWorker: io.gradeWorker } : {}),
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

  samplingOptions(program
    .command('check')
    .description('check every chain of every file')
    .argument('<files...>', 'derivation files; - reads stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMATS).default('text')))
    .option('--watch', 'check again whenever a file is saved')
    .option('--verbose', 'gcc format: list passing steps too, as notes')
    .option('--stdin-filename <name>', 'with -, the file name to report for stdin (an editor\'s unsaved buffer)')
    .action(async (files: string[], opts: CheckCommandOptions) => {
      setCode(await checkCommand(files, opts, io));
    });

  program
    .command('lsp')
    .description('a language server (Language Server Protocol) on stdin and stdout, for editors')
    .option('--stdio', 'talk over stdin and stdout (the only transport; editors often pass it)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(async () => {
      if (!io.lsp) {
        io.stderr('deriv lsp: not available here\n');
        setCode(EXIT.usage);
        return;
      }
      setCode(await io.lsp(packageVersion()));
    });

  samplingOptions(program
    .command('render')
    .description('typeset a derivation as LaTeX (to paste into a homework) or as an HTML report')
    .argument('<file>', 'a derivation file; - reads stdin')
    .addOption(new Option('--to <format>', 'latex or html').choices(RENDER_FORMATS).makeOptionMandatory())
    .option('--verdicts', 'latex: check the file and mark each step ✓/✗ in the margin')
    .option('--standalone', 'latex: a whole document, not a fragment to paste'))
    .action(async (file: string, opts: RenderCommandOptions) => {
      setCode(await renderCommand(file, opts, io));
    });

  program
    .command('grade')
    .description('grade submissions against an answer key (a .deriv whose shows and answers carry [N points])')
    .argument('[submissions...]', 'files or folders; a folder is one student (its .deriv files read together)')
    .requiredOption('--key <file>', 'the answer key')
    .option('--check-key', 'only check the key: list its claims and print its SHA-256')
    .option('--key-sha256 <hex>', 'the SHA-256 --check-key printed: if the key still has it, its steps are not checked again')
    .addOption(new Option('-f, --format <format>', 'output format').choices(GRADE_FORMATS).default('csv'))
    .option('-o, --out <file>', 'write the results to this file (whole, or not at all)')
    .addOption(new Option('--jobs <n>', 'worker threads for several submissions (default: the cores)').argParser(integerOption('--jobs', 1)))
    .addOption(new Option('--timeout <ms>', 'time limit per submission, in milliseconds').argParser(integerOption('--timeout', 1)).default(DEFAULT_SUBMISSION_TIMEOUT_MS))
    .addOption(new Option('--step-timeout <ms>', 'time limit per step, in milliseconds').argParser(integerOption('--step-timeout', 1)).default(DEFAULT_GRADE_STEP_TIMEOUT_MS))
    .addOption(new Option('--samples <n>', 'points sampled per step').argParser(integerOption('--samples', 1)).default(DEFAULT_SAMPLES))
    .addOption(new Option('--memory <mb>', 'heap per worker, in megabytes').argParser(integerOption('--memory', 64)).default(DEFAULT_MEMORY_MB))
    .option('--seed-from <string>', "fixes each student's sampling (e.g. the submission id): a regrade gives the same result")
    .addOption(new Option('--visibility <when>', 'Gradescope: when students see each claim').choices(VISIBILITIES).default('visible'))
    .action(async (submissions: string[], opts: GradeCliOptions) => {
      setCode(await gradeCommand(submissions, opts, io));
    });

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

/**
 * Reads at most `limit + 1` bytes of a file, in chunks as they come (a buffer of the limit's
 * size, 64 MB for `deriv check`, was allocated and zeroed for every file read).
 */
async function readBytes(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let filled = 0;
    while (filled <= limit) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 16, limit + 1 - filled));
      // (Position null: read on from where the last read ended, so pipes and FIFOs read too.)
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      filled += bytesRead;
    }
    return Buffer.concat(chunks, filled);
  } finally {
    await handle.close();
  }
}

/** A folder's entries, saying which are files, folders or links (not followed); null when the path is not a folder. */
async function listFolder(path: string): Promise<FolderEntry[] | null> {
  const s = await stat(path);
  if (!s.isDirectory()) return null;
  return (await readdir(path, { withFileTypes: true })).map((d) => ({
    name: d.name,
    kind: d.isSymbolicLink() ? 'link' : d.isDirectory() ? 'folder' : d.isFile() ? 'file' : 'other',
  }));
}

/** Writes a temporary file beside `path`, then renames it over `path`: readers see the old file or the whole new one. */
async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    await writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/** The real io: process streams, the file system, fs.watch; `checker` is one already started (bin/deriv.js starts it early). */
export function nodeIo(options: { checker?: { check: Checker } } = {}): CliIo {
  // A closed pipe (`deriv check … | head`) is not an error worth a stack trace. Nor is any
  // other failure to write the output (a full disk, `> /dev/full`: ENOSPC), which printed a
  // line of the bundle and the error's stack: a line on stderr, written directly, and exit 2.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      writeSync(2, `deriv: cannot write the output: ${writeError(error)}\n`);
    } catch {
      // stderr is gone too: the exit code says it
    }
    process.exit(2);
  });
  return {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: async (path) => {
      const bytes = await readBytes(path, MAX_INPUT_BYTES);
      if (bytes.length > MAX_INPUT_BYTES) throw new InputTooLarge();
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
        chunks.push(b);
        size += b.length;
        // (`yes | deriv check -` grew to 9 GB and never ended.)
        if (size > MAX_INPUT_BYTES) {
          process.stdin.destroy();
          throw new InputTooLarge();
        }
      }
      return Buffer.concat(chunks).toString('utf8');
    },
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    readBytes,
    listFolder,
    writeFileAtomic,
    watch: watchFiles,
    lsp: async (version) => (await import('./lsp/stdio.js')).serveStdio(version),
    // Each file in a worker with a hard time limit: one file that hangs never stops a batch.
    check: (options.checker ?? isolatedChecker()).check,
  };
}
