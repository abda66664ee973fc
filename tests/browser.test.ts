import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource } from '../src/check/index.js';
import { formatHtml } from '../src/report/html.js';
import { toJsonReport, type JsonFile } from '../src/report/json.js';

/**
 * The HTML report in a real browser: Debian's Chromium, headless, driven by playwright-core
 * (no browser download). Screenshots go to tests/output/ (git-ignored).
 */
const CHROMIUM = process.env['DERIV_CHROMIUM'] ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const root = path.join(import.meta.dirname, '..');
const outputDir = path.join(root, 'tests', 'output');
const HOSTILE = readFileSync(path.join(root, 'tests/fixtures/render/hostile.deriv'), 'utf8');

/** What a page did while it was open: every request, dialog, console error and page error. */
interface Watched {
  readonly page: Page;
  readonly requests: string[];
  readonly dialogs: string[];
  readonly errors: string[];
}

describe.skipIf(!hasChromium)(`the HTML report in Chromium${hasChromium ? '' : ` — skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`}`, () => {
  let profile: string;
  let context: BrowserContext;
  let work: string;

  beforeAll(async () => {
    profile = mkdtempSync(path.join(tmpdir(), 'deriv-chromium-profile-'));
    work = mkdtempSync(path.join(tmpdir(), 'deriv-report-'));
    mkdirSync(outputDir, { recursive: true });
    // A fresh profile, and nothing that talks to the network on its own.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1100, height: 900 },
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  /** Opens an HTML report from a file, as a user would, recording everything it does. */
  async function open(name: string, html: string): Promise<Watched> {
    const file = path.join(work, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const watched: Watched = { page, requests: [], dialogs: [], errors: [] };
    page.on('request', (r) => { if (r.url() !== url) watched.requests.push(r.url()); });
    page.on('dialog', (d) => { watched.dialogs.push(d.message()); void d.dismiss(); });
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') watched.errors.push(m.text()); });
    page.on('pageerror', (e) => watched.errors.push(e.message));
    // Any request the page makes (other than loading itself) is refused and recorded.
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return watched;
  }

  it('derivations/wrong.deriv: every formula typeset, each verdict where the JSON has it, each counterexample shown', async () => {
    const report = await checkSource(readFileSync(path.join(root, 'derivations/wrong.deriv'), 'utf8'), { file: 'derivations/wrong.deriv' });
    const json: JsonFile = toJsonReport([report]).files[0]!;
    const { page, requests, dialogs, errors } = await open('wrong.html', formatHtml([report]));

    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('.katex').count()).toBeGreaterThan(40);
    // KaTeX's fonts came from the page itself and were used.
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Math'))).toBe(true);

    // Every step row as the reader sees it, read in one go.
    const rows = await page.$$eval('tr.step', (trs) => trs.map((tr) => {
      const mark = tr.querySelector('.mark') as HTMLElement | null;
      const detail = tr.nextElementSibling as HTMLElement | null;
      const shown = (el: Element | null): boolean => el !== null && (el as HTMLElement).offsetParent !== null;
      return {
        line: Number(tr.getAttribute('data-line')),
        column: Number(tr.getAttribute('data-column')),
        verdict: tr.getAttribute('data-verdict'),
        mark: mark?.innerText ?? null,
        markShown: shown(mark),
        colour: mark ? getComputedStyle(mark).color : null,
        detail: detail?.classList.contains('detail') ? {
          shown: shown(detail),
          reason: (detail.querySelector('.reason') as HTMLElement | null)?.innerText ?? null,
          title: (detail.querySelector('.cx-title') as HTMLElement | null)?.innerText ?? null,
          assignments: detail.querySelectorAll('.assign li').length,
          sides: (detail.querySelector('.sides') as HTMLElement | null)?.innerText ?? '',
        } : null,
      };
    }));
    expect(rows.map((r) => [r.line, r.column, r.verdict])).toEqual(json.steps.map((s) => [s.line, s.column, s.verdict]));
    const colours = new Map<string, string>();
    json.steps.forEach((s, i) => {
      const row = rows[i]!;
      const symbol = { proved: '✓', checked: '≈', refuted: '✗', unknown: '?', error: '!' }[s.verdict];
      expect(row.mark).toBe(`${symbol} ${s.verdict}`);
      expect(row.markShown).toBe(true);
      colours.set(s.verdict, row.colour!);
      if (s.verdict === 'refuted') {
        // The reason and the counterexample stand right under the step, visible.
        expect(row.detail).toMatchObject({ shown: true, reason: s.message, title: 'Counterexample', assignments: s.counterexample!.assignments.length });
        expect(row.detail!.sides).toMatch(/left =[^]*right =/);
      } else {
        expect(row.detail).toBeNull();
      }
    });
    // Colour as well as the symbol: refuted and proved marks differ.
    expect(colours.get('refuted')).toBe('rgb(198, 40, 40)');
    expect(colours.get('proved')).toBe('rgb(26, 127, 55)');
    for (const s of json.shows) {
      expect(await page.locator(`.claim[data-line="${s.line}"]`).getAttribute('data-verdict')).toBe(s.verdict);
    }
    // The summary at the top says what failed.
    expect(await page.locator('header.summary h1').innerText()).toBe(`✗ ${toJsonReport([report]).summary.failed} failed, ${toJsonReport([report]).summary.passed} passed`);

    // A line number leads to the source line.
    await page.locator('tr.step[data-line="16"] a.ln').click();
    expect(await page.locator('#f1-L16').isVisible()).toBe(true);
    expect(await page.locator('#f1-L16').innerText()).toContain('β (-δ v_{t-1}) + δ(1-β) g_t');
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.screenshot({ path: path.join(outputDir, 'report-wrong.png'), fullPage: true });
    await page.screenshot({ path: path.join(outputDir, 'report-wrong-top.png') });

    // The print style leaves out the source listing.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('details.source').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a hostile file: its markup is shown as text, no script runs, no request is made', async () => {
    const report = await checkSource(HOSTILE, { file: '<img src=x onerror=alert(9)>.deriv' });
    const { page, requests, dialogs, errors } = await open('hostile.html', formatHtml([report]));

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.locator('img, iframe, svg[onload], a[href^="javascript"]').count()).toBe(0);
    // Shown as written, as text.
    expect(await page.locator('h3.doc-title').innerText()).toBe('<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>');
    expect(await page.locator('h4.section').innerText()).toContain('</style><script>window.__pwned=3</script>');
    expect(await page.locator('h2.file-name').innerText()).toBe('<img src=x onerror=alert(9)>.deriv');
    expect(await page.locator('.claim strong').first().innerText()).toBe('Claim “<img src=x onerror=alert(1)>”.');
    await page.locator('details.source summary').click();
    expect(await page.locator('#f1-L4').innerText()).toContain('# <script>window.__pwned=4</script> <iframe src="https://example.com/"></iframe>');
    expect(await page.locator('.katex-error').count()).toBe(0);
    await page.screenshot({ path: path.join(outputDir, 'report-hostile.png'), fullPage: true });

    expect(requests).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
