import { format } from 'node:util';
import { createConnection } from 'vscode-languageserver/node';
import { workerChecks } from './checks.js';
import { startServer } from './server.js';

/**
 * `deriv lsp`: the language server on this process's stdin and stdout, checking in
 * worker threads. Ends the process on `exit` (0 after `shutdown`, else 1) or when stdin
 * closes, as the library does; the returned promise never resolves.
 */
export function serveStdio(version?: string): Promise<never> {
  // stdout carries the protocol: anything a library prints goes to stderr instead.
  for (const name of ['log', 'info', 'warn', 'debug', 'error'] as const) {
    console[name] = (...args: unknown[]) => void process.stderr.write(`${format(...args)}\n`);
  }
  const connection = createConnection(process.stdin, process.stdout);
  startServer(connection, { checks: workerChecks(), ...(version !== undefined && { version }) });
  connection.listen();
  return new Promise<never>(() => {});
}
