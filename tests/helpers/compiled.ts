/**
 * Worker threads run compiled JavaScript, so the tests that need real workers (the grading pool,
 * run_autograder end to end) compile src/ once per content into node_modules/.cache/ (a build of
 * their own: they never depend on a stale dist/). Concurrent test files share one build.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..', '..');
const cache = path.join(root, 'node_modules', '.cache', 'deriv-test');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  }).sort();
}

/** A hash of everything the build reads. */
function sourceHash(): string {
  const h = createHash('sha256');
  for (const f of [...filesUnder(path.join(root, 'src')), path.join(root, 'tsconfig.json'), path.join(root, 'grammar', 'derivation.ohm-bundle.js')]) {
    h.update(path.relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The compiled tree's root (holding src/… and grammar/…, as dist/ does), built if needed. */
export async function compiled(): Promise<string> {
  const out = path.join(cache, sourceHash());
  const ready = path.join(out, 'src', 'run', 'grade-worker.js');
  const lock = `${out}.lock`;
  mkdirSync(cache, { recursive: true });
  for (let waited = 0; !existsSync(ready); waited += 200) {
    try {
      mkdirSync(lock);
    } catch {
      // Another test file is building it; a lock older than 3 minutes is a dead build's.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 240_000) throw new Error('timed out waiting for the test build');
      await sleep(200);
      continue;
    }
    try {
      if (!existsSync(ready)) {
        const temp = `${out}.tmp-${process.pid}`;
        rmSync(temp, { recursive: true, force: true });
        execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json'), '--outDir', temp, '--declaration', 'false', '--sourceMap', 'false'], { stdio: 'pipe' });
        mkdirSync(path.join(temp, 'grammar'), { recursive: true });
        copyFileSync(path.join(root, 'grammar', 'derivation.ohm-bundle.js'), path.join(temp, 'grammar', 'derivation.ohm-bundle.js'));
        rmSync(out, { recursive: true, force: true });
        renameSync(temp, out);
        // Keep the cache small: older builds go.
        for (const old of readdirSync(cache)) {
          const p = path.join(cache, old);
          if (p !== out && !old.endsWith('.lock') && Date.now() - statSync(p).mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
        }
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return out;
}
