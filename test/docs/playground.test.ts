import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_WORDS } from '../../src/i18n/report.js';
import { checkTable, type CheckedRow, type CheckSummary } from '../../src/table/index.js';

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

const EXAMPLE = join(ROOT, 'docs/examples/yancheng-2022.csv');
const XLSX = join(ROOT, 'test/fixtures/tables/targets.xlsx');
/** Screenshots the test keeps (test-output/ is not committed; docs/images has the chosen ones). */
const SHOTS = join(ROOT, 'test-output/playground');

/** A table as Excel copies it: tabs, a header row, a merged 一级指标 cell left blank, a bad target. */
const PASTED = [
  '一级指标\t三级指标\t指标值\t实际完成值\t分值',
  '产出\t个人住房贷款发放额\t≥50亿元\t47.7亿元\t20',
  '\t住房公积金贷款办理时限\t3个工作日\t4个工作日\t10',
  '\t制度建设\t健全\t基本健全\t10',
  '\t个贷率\t≥\t88%\t10',
  '满意度\t缴存职工满意度\t≥90%\t96%\t50',
].join('\r\n') + '\r\n';

async function checkInNode(bytes: Uint8Array): Promise<{ rows: CheckedRow[]; summary: CheckSummary }> {
  const report = checkTable(bytes);
  const rows: CheckedRow[] = [];
  for await (const r of report) rows.push(r);
  return { rows, summary: report.summary };
}

/** The page's table says what checkTable says: the same rows, in order, with the same verdicts, scores, total and grade. */
async function expectTable(rows: CheckedRow[], summary: CheckSummary): Promise<void> {
  const shownRows = await page.locator('#table-rows tr').evaluateAll((trs) => trs.map((tr) => ({
    line: Number(tr.getAttribute('data-line')),
    state: tr.getAttribute('data-state'),
    score: tr.children[5]!.textContent,
  })));
  expect(shownRows).toEqual(rows.map((r) => ({
    line: r.line,
    state: r.error !== null ? 'error' : r.verdict?.status ?? '',
    score: r.score?.score != null ? `${r.score.score.toFixed()} / ${r.score.weight.toFixed()}` : expect.any(String),
  })));
  expect(await textOf('#table-total')).toBe(summary.score === null ? '—' : `${summary.score} / ${summary.weight}`);
  if (summary.grade !== null) expect(await textOf('#table-grade')).toBe(REPORT_WORDS.zh.grades[summary.grade]);
}

async function shot(name: string, fullPage = false): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
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
    context = await chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1000, height: 760 } });
    page = await open(join(PLAYGROUND, 'index.html'));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
  });

  it('starts empty, with grey placeholders that say they are examples, and the JSON folded away', async () => {
    for (const id of ['target', 'actual', 'baseline', 'indicator', 'weight', 'year']) {
      expect(await page.locator(`#${id}`).inputValue()).toBe('');
    }
    expect(await page.locator('#target').getAttribute('placeholder')).toBe('例如 ≥50亿元');
    // Browser code as text: this file is type-checked without the DOM library.
    const colours = await page.evaluate(`(() => {
      const el = document.getElementById('target');
      return { text: getComputedStyle(el).color, placeholder: getComputedStyle(el, '::placeholder').color };
    })()`) as { text: string; placeholder: string };
    expect(colours.placeholder).not.toBe(colours.text);
    expect(await shown('#hint')).toBe(true);
    expect(await shown('#json')).toBe(false);
    expect(await page.evaluate(() => typeof (globalThis as unknown as { IndicatorExpr?: unknown }).IndicatorExpr)).toBe('object');
    expect(await shown('#missing-build')).toBe(false);
  });

  it('≥50亿元 against 47.7亿元: the verdict in words first, the margin in 亿元, the score', async () => {
    await type({ target: '≥50亿元', actual: '47.7亿元' });
    expect(await textOf('#verdict-word')).toBe('未达成');
    expect(await textOf('#verdict-reason')).toBe('实际值 47.7亿元 未达到目标 ≥50亿元');
    expect(await textOf('#verdict-figures')).toBe('少2.3亿元 · 完成率95.4%');
    expect(await textOf('#verdict-op')).toBe('不低于（≥）：按指标值所写');
    expect(await textOf('#score')).toBe('得分 9.54 / 10');
    // First on the page: the verdict is in view without scrolling, above the developers' switch.
    const word = (await page.locator('#verdict-word').boundingBox())!;
    const dev = (await page.locator('#dev').boundingBox())!;
    expect(word.y + word.height).toBeLessThan(page.viewportSize()!.height);
    expect(word.y).toBeLessThan(dev.y);
    await shot('cell-zh');
  });

  it('the developers’ switch opens the JSON and the raw fields', async () => {
    expect(await shown('#verdict-json')).toBe(false);
    await page.locator('#dev summary').click();
    expect(await shown('#verdict-json')).toBe(true);
    expect(JSON.parse(await textOf('#json'))).toMatchObject({ kind: 'compare', op: '>=', quantity: { value: '50', unit: '亿元', base: { value: '5000000000' } } });
    expect(JSON.parse(await textOf('#verdict-json'))).toMatchObject({ verdict: { status: 'fail', margin: '-230000000' }, score: { score: '9.54', rule: 'higher-better-ratio' } });
    expect(await textOf('#dev-margin')).toBe('-230000000');
    expect(await textOf('#target-kind')).toBe('compare');
    await page.locator('#dev summary').click();
    expect(await shown('#verdict-json')).toBe(false);
  });

  it('switches to English: the page, the placeholders and the verdict', async () => {
    await page.locator('#locale').selectOption('en');
    expect(await textOf('#verdict-word')).toBe('not achieved');
    expect(await textOf('#verdict-figures')).toBe('2.3亿元 short · completion 95.4%');
    expect(await textOf('#verdict-op')).toBe('at least (≥): as the target is written');
    expect(await textOf('#verdict-reason')).toBe('The actual value 47.7亿元 does not reach the target ≥50亿元');
    expect(await textOf('#score')).toBe('score 9.54 / 10');
    expect(await textOf('label[for=target] span')).toBe('Target');
    expect(await page.locator('#actual').getAttribute('placeholder')).toBe('e.g. 52.3亿元');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await shot('cell-en');
    await page.locator('#locale').selectOption('zh');
    expect(await textOf('#verdict-word')).toBe('未达成');
  });

  it('percentages: the margin in percentage points', async () => {
    await type({ target: '≥95%', actual: '94.5%' });
    expect(await textOf('#verdict-figures')).toBe('−0.5个百分点 · 完成率99.47%');
  });

  it('90%左右: judged with the default tolerance of 5 %', async () => {
    await type({ target: '90%左右', actual: '88%' });
    expect(await textOf('#verdict-word')).toBe('达成');
    expect(await shown('#verdict-reason')).toBe(false);
    await type({ actual: '85%' });
    expect(await textOf('#verdict-word')).toBe('未达成');
    expect(await textOf('#verdict-reason')).toContain('允许偏差');
    expect(await textOf('#score')).toBe('得分 9.94 / 10');
  });

  it('3个工作日: says that the indicator name made it lower-is-better', async () => {
    await page.getByRole('button', { name: '3个工作日 · 4个工作日' }).click();
    expect(await page.locator('#indicator').inputValue()).toBe('住房公积金贷款办理时限');
    expect(await textOf('#verdict-word')).toBe('未达成');
    expect(await textOf('#verdict-op')).toBe('不高于（≤）：按指标名称判断为越低越好');
    expect(await textOf('#verdict-figures')).toBe('多1个工作日 · 完成率75%');
    expect(await textOf('#score')).toBe('得分 7.5 / 10');
  });

  it('a cell of several targets: one line per part', async () => {
    await type({ target: '受益户数≥200户,受益脱贫户数≥15户', actual: '受益户数220户,受益脱贫户数12户', indicator: '' });
    expect(await textOf('#verdict-word')).toBe('未达成');
    const parts = await page.locator('#verdict-parts li').allTextContents();
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('达成');
    expect(parts[1]).toContain('少3户');
  });

  it('a trend: judged with its baseline, and cannot be judged without', async () => {
    await type({ target: '提高', actual: '96%', baseline: '95%', indicator: '' });
    expect(await textOf('#verdict-word')).toBe('达成');
    await type({ baseline: '' });
    expect(await textOf('#verdict-word')).toBe('无法判断');
    expect(await textOf('#verdict-reason')).toContain('基期值');
    expect(await textOf('#score')).toBe('不计分');
  });

  it('≥: the error in words, with the offending span marked', async () => {
    await type({ target: '≥', actual: '' });
    expect(await shown('#error')).toBe(true);
    expect(await shown('#result')).toBe(false);
    expect(await textOf('#error-text mark')).toBe('≥');
    expect(await textOf('#error-message')).toBe('“≥”之后缺少数值');
    expect(await textOf('#error-where')).toBe('从第 1 个字符起，共 1 个字符');
    expect(await textOf('#error-code')).toBe('MISSING_NUMBER');
  });

  it('marks the span inside the original text, in the language chosen', async () => {
    await page.locator('#locale').selectOption('en');
    await type({ target: '<p>≥亿元</p>' });
    expect(await textOf('#error-text')).toBe('<p>≥亿元</p>');
    expect(await textOf('#error-text mark')).toBe('亿元');
    expect(await textOf('#error-message')).toBe('A number is missing after "≥"');
    expect(await textOf('#error-where')).toBe('characters 5 to 6');
    await page.locator('#locale').selectOption('zh');
  });

  it('shows an error at the end of the cell (length 0) as a caret', async () => {
    await type({ target: '≥95%且' });
    expect(await textOf('#error-code')).toBe('UNEXPECTED_END');
    expect(await page.locator('#error-text mark.empty').count()).toBe(1);
    expect(await textOf('#error-where')).toBe('在第 6 个字符处（文字在此意外结束）');
  });

  it('writes what is typed as text, never as HTML', async () => {
    await type({ target: '<img src=x onerror="window.__owned=1">≥', actual: '' });
    expect(await page.locator('#error img, #result img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __owned?: number }).__owned)).toBeUndefined();
  });

  it('keeps the case in the address, so that a link reopens it', async () => {
    await type({ target: '=207项', actual: '207个', baseline: '', indicator: '' });
    const url = page.url();
    expect(new URLSearchParams(new URL(url).hash.slice(1)).get('target')).toBe('=207项');
    const again = await open(join(PLAYGROUND, 'index.html'), new URL(url).hash);
    expect(await again.locator('#target').inputValue()).toBe('=207项');
    expect(await again.locator('#verdict-word').textContent()).toBe('无法判断');
    expect(await again.locator('#verdict-reason').textContent()).toContain('单位不可比较');
    // Another case's link followed in the same tab: only the hash changes, and the page follows it.
    await again.goto(`${again.url().split('#')[0]}#${new URLSearchParams({ target: '≥50亿元', actual: '52.3亿元', locale: 'en' })}`);
    await again.locator('#verdict-word', { hasText: 'achieved' }).waitFor();
    expect(await again.locator('#verdict-figures').textContent()).toBe('2.3亿元 above the target · completion 104.6%');
    await again.close();
  });

  it('a table pasted from Excel: every row judged, the total and grade as `check` gives them', async () => {
    await page.locator('#mode-table').click();
    expect(await shown('#cell-mode')).toBe(false);
    expect(await page.locator('#table-text').getAttribute('placeholder')).toContain('三级指标\t指标值');
    await page.locator('#table-text').fill(PASTED);
    await page.locator('#table-result').waitFor();
    const { rows, summary } = await checkInNode(Buffer.from(PASTED));
    await expectTable(rows, summary);
    // The row whose target cannot be read comes back, in its place, with the error in words.
    expect(await page.locator('tr[data-line="5"] td').nth(6).textContent()).toBe('“≥”之后缺少数值');
    expect(await page.locator('tr[data-line="5"]').getAttribute('data-state')).toBe('error');
    expect(await page.locator('tr[data-line="2"] td').nth(6).textContent()).toContain('少2.3亿元');
    await shot('table-zh', true);
    await page.locator('#locale').selectOption('en');
    expect(await textOf('#table-grade')).toBe(REPORT_WORDS.en.grades[summary.grade!]);
    expect(await page.locator('tr[data-line="2"] td').nth(4).textContent()).toBe('not achieved');
    await page.locator('#locale').selectOption('zh');
  });

  it('a real paste event into the box is judged like typed text', async () => {
    await page.locator('#table-text').fill('');
    await page.locator('#table-text').focus();
    // What the browser does on Ctrl+V: the paste event, then the text inserted (an input event).
    await page.evaluate(`(() => {
      const text = ${JSON.stringify(PASTED)};
      const box = document.getElementById('table-text');
      const data = new DataTransfer();
      data.setData('text/plain', text);
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      document.execCommand('insertText', false, text);
    })()`);
    expect(await page.locator('#table-text').inputValue()).toBe(PASTED.replace(/\r\n/g, '\n'));
    const { rows, summary } = await checkInNode(Buffer.from(PASTED));
    await expectTable(rows, summary);
  });

  it('a CSV file chosen from disk (the example table, 87 rows) gives the command’s 93.1 and 优', async () => {
    await page.locator('#table-file').setInputFiles(EXAMPLE);
    await page.locator('#table-rows tr').nth(86).waitFor();
    const { rows, summary } = await checkInNode(readFileSync(EXAMPLE));
    expect(summary.score).toBe('93.1');
    await expectTable(rows, summary);
    expect(await page.locator('#table-text').inputValue()).toBe('');
  });

  it('a GBK CSV dropped on the page, and an .xlsx chosen: read in the page, judged like the command', async () => {
    const gbk = iconv.encode(readFileSync(EXAMPLE, 'utf8'), 'gbk');
    const drop = await page.evaluateHandle(`(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(${JSON.stringify([...gbk])})], 'yancheng-gbk.csv', { type: 'text/csv' }));
      return data;
    })()`);
    await page.locator('#table-text').fill('');
    await page.locator('#drop').dispatchEvent('drop', { dataTransfer: drop });
    await page.locator('#table-rows tr').nth(86).waitFor();
    const fromCsv = await checkInNode(readFileSync(EXAMPLE));
    await expectTable(fromCsv.rows, fromCsv.summary);
    await page.locator('#table-file').setInputFiles(XLSX);
    const fromXlsx = await checkInNode(readFileSync(XLSX));
    await page.locator(`#table-rows tr[data-line="${fromXlsx.rows.at(-1)!.line}"]`).waitFor();
    await expectTable(fromXlsx.rows, fromXlsx.summary);
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
