import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Hover, InitializeResult, PublishDiagnosticsParams, TextEdit, TextDocumentEdit } from 'vscode-languageserver';
import { createConnection } from 'vscode-languageserver/node';
import { checkSource } from '../src/check/index.js';
import type { CheckOptions } from '../src/check/options.js';
import { inProcessChecks, type CheckRunner } from '../src/lsp/checks.js';
import { startServer } from '../src/lsp/server.js';
import type { FileReport } from '../src/result.js';

/**
 * The language server driven through the protocol, in-process: a client connection
 * (vscode-jsonrpc) and the server's connection talk over a pair of streams.
 */
const FIXTURE = readFileSync(path.join(import.meta.dirname, 'fixtures', 'lsp', 'unicode.deriv'), 'utf8');
const URI = 'file:///home/student/unicode.deriv';

interface Session {
  client: MessageConnection;
  /** Resolves with the first diagnostics published for `version` of `uri`. */
  diagnostics: (version: number, uri?: string) => Promise<PublishDiagnosticsParams>;
  published: PublishDiagnosticsParams[];
  exits: number;
  close: () => Promise<void>;
}

const sessions: Session[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close();
});

async function session(
  runner: CheckRunner,
  capabilities: Record<string, unknown> = {},
  initializationOptions: unknown = { samples: 24 },
  debounceMs = 20,
): Promise<{ s: Session; init: InitializeResult }> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const s: Session = {
    client: createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)),
    published: [],
    diagnostics: () => Promise.reject(new Error('unset')),
    exits: 0,
    close: async () => {},
  };
  const server = startServer(connection, { checks: runner, debounceMs, onExit: () => void s.exits++ });
  connection.listen();
  const waiters: (() => void)[] = [];
  s.client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    s.published.push(p);
    for (const w of waiters.splice(0)) w();
  });
  s.diagnostics = (version, uri = URI) =>
    new Promise((resolve) => {
      const look = (): void => {
        const hit = s.published.find((p) => p.uri === uri && p.version === version);
        if (hit) resolve(hit);
        else waiters.push(look);
      };
      look();
    });
  s.close = async () => {
    await server.dispose();
    s.client.dispose();
    connection.dispose();
  };
  s.client.listen();
  sessions.push(s);
  const init = await s.client.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities, initializationOptions });
  s.client.sendNotification('initialized', {});
  return { s, init };
}

const VSCODE_LIKE = {
  textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } },
  workspace: { workspaceEdit: { documentChanges: true } },
};

/** The 0-based line and UTF-16 character of the `nth` occurrence of `needle` in `text`. */
function at(text: string, needle: string, nth = 0): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`${needle} not in text`);
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before.at(-1)!.length };
}

describe('deriv lsp through the protocol', () => {
  it('initializes, publishes diagnostics in UTF-16, hovers, offers and applies a quick fix', async () => {
    const { s, init } = await session(inProcessChecks(), VSCODE_LIKE);
    expect(init.capabilities).toMatchObject({
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: ['quickfix'] },
    });
    expect(init.serverInfo?.name).toBe('deriv');

    // didOpen: the refuted second step of line 4 stands after an astral 𝑥 (two UTF-16 units).
    let doc = TextDocument.create(URI, 'deriv', 1, FIXTURE);
    s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'deriv', version: 1, text: FIXTURE } });
    const first = await s.diagnostics(1);
    expect(first.diagnostics).toHaveLength(1);
    const [refuted] = first.diagnostics;
    expect(refuted!.range.start).toEqual(at(FIXTURE, '= 3 𝑥'));
    expect(refuted!.range.start).toEqual({ line: 3, character: 9 }); // 8 code points, 9 UTF-16 units
    expect(refuted!.range.end).toEqual({ line: 3, character: 15 });
    expect(refuted).toMatchObject({ severity: 1, source: 'deriv', code: 'refuted' });
    expect(refuted!.message).toMatch(/^step does not follow: refuted\n.*\ncounterexample: x = -?\d+.*\nleft = .*, right = /s);
    expect(refuted!.relatedInformation?.[0]).toMatchObject({ location: { uri: URI, range: { start: at(FIXTURE, '2 𝑥') } }, message: expect.stringMatching(/step starts/) });

    // hover: the verdict, method, points and counterexample of the step on that line.
    const onRefuted = await s.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: at(FIXTURE, '3 𝑥') });
    expect(onRefuted?.contents).toMatchObject({ kind: 'markdown' });
    const text = (onRefuted!.contents as { value: string }).value;
    expect(text).toMatch(/^\*\*✗ refuted\*\* · method: sampling · 1 point sampled/);
    expect(text).toMatch(/```text\ncounterexample: x = -?\d+\nleft = -?\d+, right = -?\d+\n```/);
    expect(onRefuted!.range).toEqual(refuted!.range);
    const onProved = await s.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: at(FIXTURE, '2 𝑥') });
    expect((onProved!.contents as { value: string }).value).toMatch(/^\*\*✓ proved\*\* · method: identity-test · 4 points sampled\n\n\S/);
    const onLastStep = await s.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 5, character: 0 } });
    expect((onLastStep!.contents as { value: string }).value).toMatch(/✓ proved/);
    expect(await s.client.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 3 } })).toBeNull();

    // didChange (incremental, UTF-16 range after 𝑥): an unknown word `ab`.
    const endOfLast = { line: 5, character: '  = β (x̂ + 𝑥)'.length };
    const typed = { range: { start: endOfLast, end: endOfLast }, text: ' + ab - a b' };
    doc = TextDocument.update(doc, [typed], 2);
    s.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [typed] });
    const second = await s.diagnostics(2);
    const unknown = second.diagnostics.find((d) => d.code === 'unknown-name');
    expect(unknown).toMatchObject({ severity: 1, message: "unknown name 'ab': write a b or a*b, or declare it" });
    expect(unknown!.range).toEqual({ start: at(doc.getText(), 'ab'), end: { line: 5, character: at(doc.getText(), 'ab').character + 2 } });

    // codeAction: `write a b`, a versioned edit, applied by the client, then checked again.
    const actions = await s.client.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: unknown!.range,
      context: { diagnostics: [unknown] },
    });
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([['write a b', 'quickfix', true]]);
    expect(actions[0]!.diagnostics).toEqual([unknown]);
    const change = actions[0]!.edit!.documentChanges![0] as TextDocumentEdit;
    expect(change.textDocument).toEqual({ uri: URI, version: 2 });
    const edits = change.edits as TextEdit[];
    doc = TextDocument.update(doc, edits.map((e) => ({ range: e.range, text: e.newText })), 3);
    expect(doc.getText()).toContain('  = β (x̂ + 𝑥) + a b - a b\n');
    s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 3 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const third = await s.diagnostics(3);
    expect(third.diagnostics.map((d) => d.code)).toEqual(['refuted']);
    // No fix where there is none.
    expect(await s.client.sendRequest('textDocument/codeAction', { textDocument: { uri: URI }, range: refuted!.range, context: { diagnostics: [] } })).toEqual([]);

    // Fixing the refuted step clears the file; closing it clears its diagnostics.
    const three = at(doc.getText(), '3 𝑥');
    s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 4 },
      contentChanges: [{ range: { start: three, end: { line: three.line, character: three.character + 1 } }, text: '2' }],
    });
    expect((await s.diagnostics(4)).diagnostics).toEqual([]);
    s.client.sendNotification('textDocument/didClose', { textDocument: { uri: URI } });
    await expect.poll(() => s.published.at(-1)).toEqual({ uri: URI, diagnostics: [] });

    await s.client.sendRequest('shutdown');
    s.client.sendNotification('exit');
    await expect.poll(() => s.exits).toBe(1);
  });

  it('counts in code points when the client offers only UTF-32, and answers in plain text when it has no Markdown', async () => {
    const { s, init } = await session(inProcessChecks(), { general: { positionEncodings: ['utf-32'] } });
    expect(init.capabilities.positionEncoding).toBe('utf-32');
    s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'deriv', version: 1, text: FIXTURE } });
    const [refuted] = (await s.diagnostics(1)).diagnostics;
    expect(refuted!.range).toEqual({ start: { line: 3, character: 8 }, end: { line: 3, character: 13 } });
    const hover = await s.client.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 3, character: 10 } });
    expect(hover.contents).toMatchObject({ kind: 'plaintext' });
    expect((hover.contents as { value: string }).value).toMatch(/^✗ refuted · method: sampling · 1 point sampled\n\n.*\n\ncounterexample: x = /s);
    // A code-point range in an edit: replace the `3` after 𝑥 on line 4.
    s.client.sendNotification('textDocument/didChange', {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [{ range: { start: { line: 3, character: 10 }, end: { line: 3, character: 11 } }, text: '2' }],
    });
    expect((await s.diagnostics(2)).diagnostics).toEqual([]);
  });

  it('escapes Markdown from the file in a hover, so a show name never turns into a link or HTML', async () => {
    const { s } = await session(inProcessChecks(), VSCODE_LIKE);
    const text = 'scalar x\nshow "<img src=x onerror=alert(1)> [a](http://e.com) *b*": x + x = 3 x\n';
    s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'deriv', version: 1, text } });
    await s.diagnostics(1);
    const hover = await s.client.sendRequest<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 0 } });
    const [head] = (hover.contents as { value: string }).value.split('\n\n');
    expect(head).toBe('**✗ show "\\<img src=x onerror=alert\\(1\\)\\> \\[a\\]\\(http://e\\.com\\) \\*b\\*": refuted**');
  });
});

/** A runner whose checks finish only when the test says, recording what it was asked. */
function gatedRunner() {
  const started: { text: string; options: CheckOptions; finish: () => Promise<void>; cancelled: boolean }[] = [];
  const runner: CheckRunner = {
    start: (text, options) => {
      let release: (r: FileReport | null) => void = () => {};
      const result = new Promise<FileReport | null>((r) => {
        release = r;
      });
      const job = {
        text,
        options,
        cancelled: false,
        finish: async () => release(await checkSource(text, options)),
      };
      started.push(job);
      return { result, cancel: () => { job.cancelled = true; release(null); } };
    },
    close: async () => {},
  };
  return { runner, started };
}

describe('debounce and cancel', () => {
  it('checks only the last of quick edits, cancels the check of older text, and never publishes a stale report', async () => {
    const { runner, started } = gatedRunner();
    const { s } = await session(runner, VSCODE_LIKE, { debounceMs: 150, samples: 24 });
    const v1 = 'scalar x\n    x + x\n  = 3 x\n';
    s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'deriv', version: 1, text: v1 } });
    await expect.poll(() => started.length).toBe(1); // opening checks at once
    expect(started[0]!.options).toMatchObject({ file: '/home/student/unicode.deriv', samples: 24 });

    // Three keystrokes within the debounce: the running check of version 1 is cancelled; one check follows.
    for (const [version, ch, character] of [[2, ' +', 7], [3, ' 0', 9], [4, ' - x', 11]] as const) {
      const end = { line: 2, character };
      s.client.sendNotification('textDocument/didChange', { textDocument: { uri: URI, version }, contentChanges: [{ range: { start: end, end }, text: ch }] });
    }
    await expect.poll(() => started[0]!.cancelled).toBe(true);
    // A hover now waits for the check of the text it points into.
    const hover = s.client.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 2, character: 2 } });
    await expect.poll(() => started.length).toBe(2);
    expect(started[1]!.text).toBe('scalar x\n    x + x\n  = 3 x + 0 - x\n');
    await started[0]!.finish(); // a late answer for version 1 is dropped
    await started[1]!.finish();
    const published = await s.diagnostics(4);
    expect(published.diagnostics).toEqual([]);
    expect(s.published.map((p) => p.version)).toEqual([4]);
    expect(((await hover)!.contents as { value: string }).value).toMatch(/✓ proved/);
  });

  it('reads seed, samples, time limit and debounce from initializationOptions, ignoring nonsense', async () => {
    const { runner, started } = gatedRunner();
    const { s } = await session(runner, {}, { seed: 7, samples: 'many', timeoutMs: -1, debounceMs: 0 });
    s.client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:Untitled-1', languageId: 'deriv', version: 1, text: 'x\n  = x\n' } });
    await expect.poll(() => started.length).toBe(1);
    expect(started[0]!.options).toEqual({ seed: 7, file: 'untitled:Untitled-1' });
  });
});
