// A minimal VS Code client for `deriv lsp`: starts the server on stdio for .deriv files.
// Load it with "Developer: Install Extension from Location…" after `npm install` here.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

/** @type {LanguageClient | undefined} */
let client;

/** A client for the server that the `deriv.*` settings describe. */
function makeClient() {
  const config = vscode.workspace.getConfiguration('deriv');
  const [command, ...args] = config.get('server.command', ['deriv', 'lsp']);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = {
    command,
    args, // the client adds --stdio, which `deriv lsp` accepts
    transport: TransportKind.stdio,
    // npx and npm's .cmd shims need a shell on Windows.
    options: { cwd: folder, shell: process.platform === 'win32' },
  };
  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [{ language: 'deriv' }],
    initializationOptions: {
      samples: config.get('samples'),
      timeoutMs: config.get('timeoutMs'),
      debounceMs: config.get('debounceMs'),
    },
  };
  return new LanguageClient('deriv', 'deriv', serverOptions, clientOptions);
}

/** Starts the language server for .deriv documents, and starts it anew when a `deriv.*` setting changes. */
async function activate(context) {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('deriv')) return;
      await client?.stop();
      client = makeClient();
      await client.start();
    }),
  );
  client = makeClient();
  await client.start();
}

/** Stops the server when VS Code closes or the extension is disabled. */
function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
