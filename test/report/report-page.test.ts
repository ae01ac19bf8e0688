import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The report page of `check --format html`, opened from disk in Debian's Chromium as a
 * person opens it: it loads without errors and without fetching anything, and the numbers
 * on it are the command's own summary. Screenshots go to test-output/ (not committed);
 * the pictures in the docs are made by docs/pictures.mjs. Locally the tests are skipped,
 * and say so, when /usr/bin/chromium is missing; in CI (CI=true) they always run.
 */
const CHROMIUM = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.js');
const EXAMPLE = join(ROOT, 'docs/examples/yancheng-2022.csv');
const SHOTS = join(ROOT, 'test-output');
const inCI = process.env.CI === 'true';
const skip = !existsSync(CHROMIUM) && !inCI;
const why = `SKIPPED: ${CHROMIUM} is not installed (apt-get install chromium); CI installs it and runs these`;
if (skip) console.warn(`test/report/report-page.test.ts: ${why}`);
const title = (name: string): string => (skip ? `${name} — ${why}` : name);

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function cli(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let context: BrowserContext;
let userDataDir = '';
let dir = '';
const requests: string[] = [];
const problems: string[] = [];

async function open(html: string, name: string): Promise<Page> {
  const path = join(dir, name);
  writeFileSync(path, html);
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  page.on('request', (r) => { requests.push(r.url()); });
  page.on('pageerror', (e) => { problems.push(String(e)); });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`); });
  await page.goto(pathToFileURL(path).href);
  return page;
}

const text = async (page: Page, selector: string): Promise<string> => ((await page.locator(selector).textContent()) ?? '').trim();

describe.skipIf(skip)(title('the report page in headless Chromium'), () => {
  /** What the command says: the jsonl rows and the summary it prints on standard error. */
  let rows: any[] = [];
  let summary = '';
  let page: Page;

  beforeAll(async () => {
    const jsonl = cli(['check', EXAMPLE, '--format', 'jsonl']);
    rows = jsonl.out.trim().split('\n').map((l) => JSON.parse(l));
    summary = jsonl.err;
    dir = mkdtempSync(join(tmpdir(), 'indicator-expr-report-'));
    userDataDir = mkdtempSync(join(tmpdir(), 'indicator-expr-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS });
    const html = cli(['check', EXAMPLE, '--format', 'html', '-q']);
    expect(html.code).toBe(0);
    page = await open(html.out, 'report.html');
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    for (const d of [userDataDir, dir]) if (d) rmSync(d, { recursive: true, force: true });
  });

  it('loads with no error and fetches nothing but itself', async () => {
    expect(await page.title()).toContain('绩效自评检查报告');
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.endsWith('/report.html'))).toEqual([]);
  });

  it('shows the total score, grade and counts of the command\'s summary', async () => {
    const [, score, weight, unscored, grade] = /总分 ([\d.]+) \/ ([\d.]+)（其中 ([\d.]+) 分未能计分），等级：(\S)/.exec(summary)!;
    expect(await text(page, '#total-score')).toBe(score);
    expect(await text(page, '#total-weight')).toBe(weight);
    expect(await text(page, '#unscored-weight')).toBe(unscored);
    expect(await text(page, '#grade')).toBe(grade);
    const counts = /数据行 (\d+)：达成 (\d+)，部分达成 (\d+)，未达成 (\d+)，无法判断 (\d+)；错误 (\d+)/.exec(summary)!.slice(1);
    const shown = [];
    for (const id of ['rows', 'pass', 'partial', 'fail', 'unknown', 'error']) shown.push(await text(page, `#count-${id}`));
    expect(shown).toEqual(counts);
    // And the summary is the rows': the same numbers counted from the jsonl rows.
    expect(Number(counts[0])).toBe(rows.length);
    expect(Number(counts[1])).toBe(rows.filter((r) => r.verdict?.status === 'pass').length);
  });

  it('the chart: points earned and available per 一级 group add up to the totals', async () => {
    const groups = await page.locator('#chart g.depth-0').evaluateAll((gs) => gs.map((g) => ({
      name: g.getAttribute('data-name'), earned: g.getAttribute('data-earned'), available: g.getAttribute('data-available'),
    })));
    expect(groups.map((g) => g.name)).toEqual(['决策', '过程', '履职', '效益', '满意度']);
    // Hundredths as integers: exact sums without floating point.
    const cents = (s: string | null): number => Math.round(Number(s) * 100);
    expect(groups.reduce((a, g) => a + cents(g.earned), 0)).toBe(cents(await text(page, '#total-score')));
    expect(groups.reduce((a, g) => a + cents(g.available), 0)).toBe(cents(await text(page, '#total-weight')));
    const bars = await page.locator('#chart rect.earned').count();
    expect(bars).toBe(await page.locator('#chart g').count());
  });

  it('the table: every row, verdicts coloured, the rows needing a 偏差说明 marked', async () => {
    const lines = await page.locator('#rows tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))));
    expect(lines).toEqual(rows.map((r) => r.line));
    const marked = await page.locator('#rows tr.deviation').evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-line'))));
    expect(marked).toEqual(rows.filter((r) => r.score?.deviation).map((r) => r.line));
    expect(marked.length).toBeGreaterThan(0);
    const fail = page.locator('#rows tr[data-state="fail"] td.verdict').first();
    expect(await fail.textContent()).toBe('未达成');
    expect(await fail.evaluate((td) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(td).backgroundColor)).toBe('rgb(255, 199, 206)');
    expect(await text(page, '#rows tr[data-line="89"] td.reason')).toBe('缺少实际值');
  });

  it('prints on A4, and leaves screenshots in test-output/', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'report-zh.png') });
    await page.screenshot({ path: join(SHOTS, 'report-zh-full.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    // Printed, the table fits the width of A4 less the margins (210 − 2 × 12 mm at 96 dpi).
    await page.setViewportSize({ width: Math.floor((186 / 25.4) * 96), height: 1000 });
    const overflow = await page.evaluate(() => { const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement; return d.scrollWidth - d.clientWidth; });
    expect(overflow).toBeLessThanOrEqual(0);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(SHOTS, 'report-zh.pdf'), pdf);
    await page.emulateMedia({ media: 'screen' });
  });

  it('in English with --locale en', async () => {
    const html = cli(['check', EXAMPLE, '--format', 'html', '--locale', 'en', '-q']);
    const en = await open(html.out, 'report-en.html');
    expect(await text(en, 'h1')).toBe('Performance self-evaluation check');
    expect(await text(en, '#grade')).toBe('优 excellent');
    expect(await text(en, '#rows tr[data-line="89"] td.verdict')).toBe('cannot judge');
    await en.screenshot({ path: join(SHOTS, 'report-en.png') });
    expect(problems).toEqual([]);
  });
});
