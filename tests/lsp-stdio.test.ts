import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver';

/**
 * `deriv lsp` as an editor runs it: the built CLI over real stdio, checking in worker
 * threads. Needs the build (`npm install` / `npm run build` make dist/); skipped without it.
 */
const root = path.join(import.meta.dirname, '..');
const built = existsSync(path.join(root, 'dist', 'src', 'lsp', 'stdio.js'));
const why = built ? '' : ' (skipped: run `npm run build` first)';

/** Starts `node bin/deriv.js lsp --stdio` with a protocol client on its stdio. */
function startServer() {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'deriv.js'), 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => void (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const client = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => void published.push(p));
  client.listen();
  return { child, client, exited, published, stderr: () => stderr };
}

describe(`deriv lsp over real stdio${why}`, () => {
  it.skipIf(!built)('initializes, checks an opened file in a worker, and exits 0 after shutdown', async () => {
    const { client, exited, published, stderr } = startServer();
    const init = await client.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
    expect(init.capabilities.positionEncoding).toBe('utf-16');
    expect(init.serverInfo).toEqual({ name: 'deriv', version: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version });
    client.sendNotification('initialized', {});
    const file = path.join(root, 'derivations', 'wrong.deriv');
    const uri = pathToFileURL(file).href;
    client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'deriv', version: 1, text: readFileSync(file, 'utf8') } });
    await expect.poll(() => published.length, { timeout: 30_000 }).toBe(1);
    // The refuted steps and shows of wrong.deriv, as `# expect: refuted` marks them (1-based lines).
    expect(published[0]!.diagnostics.map((d) => [d.range.start.line + 1, d.severity, d.code])).toEqual([
      [16, 1, 'refuted'], [21, 1, 'refuted'], [26, 1, 'refuted'], [30, 1, 'refuted'], [32, 1, 'refuted'], [38, 1, 'refuted'], [40, 1, 'refuted'],
    ]);
    await client.sendRequest('shutdown');
    client.sendNotification('exit');
    expect(await exited).toBe(0);
    expect(stderr()).toBe('');
    client.dispose();
  });

  it.skipIf(!built)('exits 1 on exit without shutdown, as the protocol says', async () => {
    const { client, exited } = startServer();
    await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
    client.sendNotification('exit');
    expect(await exited).toBe(1);
    client.dispose();
  });
});

describe(`checks in worker threads${why}`, () => {
  it.skipIf(!built)('stops the thread of a cancelled check and keeps a warm one for the next', async () => {
    const compiled = path.join(root, 'dist', 'src', 'lsp', 'checks.js');
    const { workerChecks } = (await import(compiled)) as typeof import('../src/lsp/checks.js');
    const runner = workerChecks();
    expect(runner.liveThreads()).toHaveLength(1); // the spare, warming up
    // A long check: the homework's RNN question forty times over.
    const rnn = readFileSync(path.join(root, 'derivations', 'q1-rnn.deriv'), 'utf8');
    const job = runner.start(Array.from({ length: 40 }, () => rnn).join('\n'), { file: 'long.deriv' });
    const [busy] = runner.liveThreads();
    await new Promise((r) => setTimeout(r, 300));
    job.cancel();
    expect(await job.result).toBeNull();
    await expect.poll(() => runner.liveThreads().includes(busy!)).toBe(false);
    expect(runner.liveThreads()).toHaveLength(1); // a fresh spare
    const report = await runner.start('scalar x\n    x + x\n  = 3 x\n', { file: 'small.deriv' }).result;
    expect(report?.steps.map((s) => s.verdict)).toEqual(['refuted']);
    await runner.close();
    await expect.poll(() => runner.liveThreads()).toEqual([]);
  });

  it.skipIf(!built)('runs at most `concurrency` checks; the others wait, and a waiting one can be cancelled', async () => {
    const compiled = path.join(root, 'dist', 'src', 'lsp', 'checks.js');
    const { workerChecks } = (await import(compiled)) as typeof import('../src/lsp/checks.js');
    const runner = workerChecks(undefined, { concurrency: 1 });
    const rnn = readFileSync(path.join(root, 'derivations', 'q1-rnn.deriv'), 'utf8');
    const long = runner.start(Array.from({ length: 40 }, () => rnn).join('\n'), { file: 'long.deriv' });
    const waiting = runner.start('x\n  = x\n', { file: 'w.deriv' });
    const next = runner.start('scalar x\n    x + x\n  = 2 x\n', { file: 'n.deriv' });
    expect(runner.liveThreads()).toHaveLength(1); // one worker: the long check's (the others have none yet)
    waiting.cancel();
    expect(await waiting.result).toBeNull();
    // `next` waits behind the long check: stopping that lets it run.
    long.cancel();
    expect((await next.result)?.steps.map((s) => s.verdict)).toEqual(['proved']);
    expect(await long.result).toBeNull();
    // Closing settles what still runs or waits.
    const running = runner.start(Array.from({ length: 40 }, () => rnn).join('\n'), { file: 'long.deriv' });
    const queued = runner.start('x\n  = x\n', { file: 'q.deriv' });
    await runner.close();
    expect([await running.result, await queued.result]).toEqual([null, null]);
    expect(await runner.start('x\n  = x\n', {}).result).toBeNull();
    await expect.poll(() => runner.liveThreads()).toEqual([]);
  });
});
