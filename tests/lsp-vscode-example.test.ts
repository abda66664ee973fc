import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_SAMPLES, DEFAULT_TIMEOUT_MS } from '../src/check/options.js';
import { DEFAULT_DEBOUNCE_MS } from '../src/lsp/server.js';

/**
 * examples/vscode-extension, the client a VS Code user loads with "Developer: Install
 * Extension from Location…": what can be checked without VS Code.
 */
const root = path.join(import.meta.dirname, '..');
const dir = path.join(root, 'examples', 'vscode-extension');
const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
  main: string;
  engines: { vscode: string };
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    configuration: { properties: Record<string, { default: unknown }> };
  };
  dependencies: Record<string, string>;
};

it('is a loadable extension: its main parses, its files exist, it claims .deriv files', () => {
  expect(existsSync(path.join(dir, manifest.main))).toBe(true);
  execFileSync(process.execPath, ['--check', path.join(dir, manifest.main)]);
  expect(manifest.contributes.languages).toEqual([expect.objectContaining({ id: 'deriv', extensions: ['.deriv'] })]);
  JSON.parse(readFileSync(path.join(dir, manifest.contributes.languages[0]!.configuration), 'utf8'));
  expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
  expect(Object.keys(manifest.dependencies)).toEqual(['vscode-languageclient']);
});

it("passes the server the settings it reads, with the CLI's defaults", () => {
  const props = manifest.contributes.configuration.properties;
  expect(props['deriv.server.command']!.default).toEqual(['deriv', 'lsp']);
  expect(props['deriv.samples']!.default).toBe(DEFAULT_SAMPLES);
  expect(props['deriv.timeoutMs']!.default).toBe(DEFAULT_TIMEOUT_MS);
  expect(props['deriv.debounceMs']!.default).toBe(DEFAULT_DEBOUNCE_MS);
  const source = readFileSync(path.join(dir, manifest.main), 'utf8');
  for (const key of ['samples', 'timeoutMs', 'debounceMs']) expect(source).toContain(`${key}: config.get('${key}')`);
});

it('keeps vscode-languageclient out of the package itself', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: object; devDependencies: object };
  expect(Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })).not.toContain('vscode-languageclient');
});
