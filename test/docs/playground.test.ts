import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Drives docs/playground/index.html (and grammar/diagrams.html) in Debian's Chromium, as a
 * person opens them: from disk, with no server. Locally the tests are skipped, and say so,
 * when /usr/bin/chromium is missing; in CI (CI=true) they always run, and fail without it.
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PLAYGROUND = join(ROOT, 'docs/playground');
const inCI = process.env.CI === 'true';
const skip = !existsSync(CHROMIUM) && !inCI;
const why = `SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium); CI installs it and runs these`;
if (skip) console.warn(`test/docs/playground.test.ts: ${why}`);
const title = (name: string): string => (skip ? `${name} — ${why}` : name);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let context: BrowserContext;
let page: Page;
let userDataDir = '';
/** Every URL the pages asked for, and every error they threw. */
const requests: string[] = [];
const pageErrors: string[] = [];

async function open(path: string, hash = ''): Promise<Page> {
  const p = await context.newPage();
  p.on('request', (r) => { requests.push(r.url()); });
  p.on('pageerror', (e) => { pageErrors.push(String(e)); });
  await p.goto(pathToFileURL(path).href + hash);
  return p;
}

const shown = async (selector: string): Promise<boolean> => page.locator(selector).isVisible();
const textOf = async (selector: string): Promise<string> => (await page.locator(selector).textContent()) ?? '';

/** Types a case into the form, as a person does (each keystroke fires `input`). */
async function type(fields: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(fields)) {
    await page.locator(`#${id}`).fill('');
    if (value !== '') await page.locator(`#${id}`).pressSequentially(value);
  }
}

describe.skipIf(skip)(title('the playground in headless Chromium'), () => {
  beforeAll(async () => {
    // The page uses the browser build; build it from the current source every time.
    const built = spawnSync(process.execPath, [join(PLAYGROUND, 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    userDataDir = mkdtempSync(join(tmpdir(), 'indicator-expr-chromium-'));
    // launchPersistentContext is how playwright takes a fresh --user-data-dir.
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS });
    page = await open(join(PLAYGROUND, 'index.html'));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('loads the browser build from disk and parses the cell it starts with', async () => {
    expect(await page.evaluate(() => typeof (globalThis as unknown as { IndicatorExpr?: unknown }).IndicatorExpr)).toBe('object');
    expect(await shown('#missing-build')).toBe(false);
    expect(await shown('#parsed')).toBe(true);
  });

  it('≥50亿元: shows the parsed target and its JSON', async () => {
    await type({ target: '≥50亿元', actual: '', baseline: '', indicator: '' });
    expect(await textOf('#target-kind')).toBe('compare');
    expect(await textOf('#target-format')).toBe('≥50亿元');
    const json = JSON.parse(await textOf('#json'));
    expect(json).toMatchObject({ kind: 'compare', op: '>=', quantity: { value: '50', unit: '亿元', base: { value: '5000000000', unit: '元' } } });
    expect(await shown('#error')).toBe(false);
    expect(await shown('#verdict')).toBe(false);
  });

  it('shows the verdict and score when the library has evaluate(), and hides them when it has not', async () => {
    const hasEvaluate = await page.evaluate(() => typeof (globalThis as unknown as { IndicatorExpr: { evaluate?: unknown } }).IndicatorExpr.evaluate === 'function');
    await type({ target: '≥50亿元', actual: '52.3亿元' });
    expect(await shown('#verdict')).toBe(hasEvaluate);
    if (!hasEvaluate) return;
    expect(await textOf('#verdict-status')).toBe('pass');
    expect(await textOf('#verdict-op')).toBe('>= (written)');
    expect(await textOf('#verdict-margin')).toBe('230000000');
    expect(await textOf('#score')).toBe('10 / 10');
    expect(JSON.parse(await textOf('#verdict-json'))).toMatchObject({ verdict: { status: 'pass' }, score: { score: '10', rule: 'higher-better-ratio' } });
  });

  it('90%左右: an approximate target, judged with the default tolerance of 5 %', async () => {
    await type({ target: '90%左右', actual: '88%' });
    expect(await textOf('#target-kind')).toBe('approx');
    expect(JSON.parse(await textOf('#json'))).toMatchObject({ kind: 'approx', quantity: { base: { value: '0.9', unit: '1' } } });
    expect(await textOf('#verdict-status')).toBe('pass');
    await type({ actual: '85%' });
    expect(await textOf('#verdict-status')).toBe('fail');
    expect(await textOf('#verdict-reason')).toMatch(/^OUTSIDE_TOLERANCE: /);
    expect(await textOf('#score')).toBe('9.94 / 10');
  });

  it('≥: the error, its code and message, with the offending span marked', async () => {
    await type({ target: '≥', actual: '' });
    expect(await shown('#error')).toBe(true);
    expect(await shown('#parsed')).toBe(false);
    expect(await shown('#verdict')).toBe(false);
    expect(await textOf('#error-code')).toBe('MISSING_NUMBER');
    expect(await textOf('#error-text mark')).toBe('≥');
    expect(await textOf('#error-message')).toBe('“≥”之后缺少数值');
    expect(await textOf('#error-where')).toBe('offset 0, length 1');
  });

  it('marks the span inside the original text, in the language chosen', async () => {
    await page.locator('#locale').selectOption('en');
    await type({ target: '<p>≥亿元</p>' });
    expect(await textOf('#error-text')).toBe('<p>≥亿元</p>');
    expect(await textOf('#error-text mark')).toBe('亿元');
    expect(await textOf('#error-message')).toBe('A number is missing after "≥"');
    await page.locator('#locale').selectOption('zh');
  });

  it('shows an error at the end of the cell (length 0) as a caret', async () => {
    await type({ target: '≥95%且' });
    expect(await textOf('#error-code')).toBe('UNEXPECTED_END');
    expect(await page.locator('#error-text mark.empty').count()).toBe(1);
    expect(await textOf('#error-where')).toBe('offset 5, length 0');
  });

  it('fills a case from the example buttons: 3个工作日 is a time limit by its indicator name', async () => {
    await page.getByRole('button', { name: '3个工作日 · 4个工作日' }).click();
    expect(await page.locator('#indicator').inputValue()).toBe('住房公积金贷款办理时限');
    expect(await textOf('#verdict-status')).toBe('fail');
    expect(await textOf('#verdict-op')).toBe('<= (indicator)');
    expect(await textOf('#score')).toBe('7.5 / 10');
  });

  it('judges a trend with its baseline', async () => {
    await type({ target: '提高', actual: '96%', baseline: '95%', indicator: '' });
    expect(await textOf('#target-kind')).toBe('trend');
    expect(await textOf('#verdict-status')).toBe('pass');
    await type({ baseline: '' });
    expect(await textOf('#verdict-status')).toBe('unknown');
    expect(await textOf('#verdict-reason')).toMatch(/^NEEDS_BASELINE: /);
    expect(await textOf('#score')).toBe('null');
  });

  it('writes what is typed as text, never as HTML', async () => {
    await type({ target: '<img src=x onerror="window.__owned=1">≥', actual: '' });
    expect(await page.locator('#error img, #parsed img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __owned?: number }).__owned)).toBeUndefined();
  });

  it('keeps the case in the address, so that a link reopens it', async () => {
    await type({ target: '=207项', actual: '207个', baseline: '', indicator: '' });
    const url = page.url();
    expect(new URLSearchParams(new URL(url).hash.slice(1)).get('target')).toBe('=207项');
    const again = await open(join(PLAYGROUND, 'index.html'), new URL(url).hash);
    expect(await again.locator('#target').inputValue()).toBe('=207项');
    expect(await again.locator('#verdict-reason').textContent()).toMatch(/^UNIT_MISMATCH: /);
    await again.close();
  });

  it('says how to build the bundle when it is missing', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'indicator-expr-playground-'));
    try {
      for (const f of ['index.html', 'playground.js']) copyFileSync(join(PLAYGROUND, f), join(bare, f));
      const p = await open(join(bare, 'index.html'));
      expect(await p.locator('#missing-build').isVisible()).toBe(true);
      expect(await p.locator('#missing-build').textContent()).toContain('npm run playground');
      expect(await p.locator('#form').isVisible()).toBe(false);
      await p.close();
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it('grammar/diagrams.html draws one railroad diagram per rule, offline', async () => {
    const p = await open(join(ROOT, 'grammar/diagrams.html'));
    await p.locator('svg.railroad-diagram').first().waitFor();
    const rules = (await import('../../src/grammar.js')).serializedGrammar().length;
    expect(await p.locator('svg.railroad-diagram').count()).toBe(rules);
    await p.close();
  });

  it('asked for nothing but local files and threw no error', () => {
    // The missing-build page fails to load its script: that request is a file too.
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
