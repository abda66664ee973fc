import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';

/**
 * `deriv check --watch` as an editor's save reaches it: the built CLI watching a real
 * folder, the file replaced by a rename (as Vim, VS Code's atomic save and most editors
 * do), which a watch on the file itself would lose. Needs `npm run build`; skipped without it.
 */
const root = path.join(import.meta.dirname, '..');
const built = existsSync(path.join(root, 'dist', 'src', 'cli.js'));
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const RIGHT = 'scalar x\n    x + x\n  = 2 x\n';
const WRONG = 'scalar x\n    x + x\n  = 3 x\n';

/** The ways editors save: a temporary file renamed over the file (VS Code, most), the file moved to a backup and written anew (Vim), in place. */
const SAVES: Record<string, (file: string, text: string) => void> = {
  'temp file + rename': (file, text) => {
    const temp = `${file}.tmp-${process.pid}`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  },
  'backup by rename, new file': (file, text) => {
    renameSync(file, `${file}~`);
    writeFileSync(file, text);
    unlinkSync(`${file}~`);
  },
  'in place': (file, text) => writeFileSync(file, text),
};

it.skipIf(!built)(`re-checks a file saved by rename, every time${built ? '' : ' (skipped: run `npm run build` first)'}`, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'deriv-watch-'));
  dirs.push(dir);
  const file = path.join(dir, 'hw.deriv');
  writeFileSync(file, RIGHT);
  const child = spawn(process.execPath, [path.join(root, 'bin', 'deriv.js'), 'check', '--watch', '--format', 'gcc', '--verbose', 'hw.deriv'], { cwd: dir });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => void (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => void (err += c.toString()));
  try {
    await expect.poll(() => out, { timeout: 30_000 }).toMatch(/^hw\.deriv:3:3: note: step proved/);
    const seen = out.length;
    const steps = [
      ['temp file + rename', WRONG, /hw\.deriv:3:3: error: step does not follow: refuted/],
      ['temp file + rename', RIGHT, /hw\.deriv:3:3: note: step proved/],
      ['backup by rename, new file', WRONG, /refuted/],
      ['in place', RIGHT, /proved/],
    ] as const;
    for (const [save, text, expected] of steps) {
      const before = out.length;
      const savedAt = performance.now();
      SAVES[save]!(file, text);
      await expect.poll(() => out.slice(before), { timeout: 30_000 }).toMatch(expected);
      // How long the user waits: printed with DERIV_TIMINGS=1, never asserted.
      if (process.env['DERIV_TIMINGS']) process.stderr.write(`watch: ${save}: re-checked ${Math.round(performance.now() - savedAt)} ms after the save\n`);
    }
    expect(out.length).toBeGreaterThan(seen);
    expect(err.match(/change detected, checking again/g)?.length).toBeGreaterThanOrEqual(steps.length);
  } finally {
    child.kill();
  }
});
