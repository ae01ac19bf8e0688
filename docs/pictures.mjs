#!/usr/bin/env node
// The pictures of docs/images/ (`npm run docs:pictures`, which builds first), made from the
// example table with the built command and Debian's Chromium (/usr/bin/chromium):
//   report-zh.png, report-en.png   the top of `check --format html` in each language
//   report-rows-zh.png             its table of rows, where the 偏差说明 rows are marked
//   playground-zh.png              the playground judging one cell (docs/playground)
//   playground-table-zh.png        the playground's table mode on its example table
//   workbook-zh.png                the first sheet of `check --output result.xlsx`, drawn
//                                  as a grid from the file's own cells and fills (the
//                                  machine has no Excel: this is not a screenshot of it)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/images');
const example = 'docs/examples/yancheng-2022.csv';
const tmp = mkdtempSync(join(tmpdir(), 'indicator-expr-pictures-'));
const cli = (...args) => execFileSync(process.execPath, ['dist/cli.js', ...args], { cwd: root, maxBuffer: 64 << 20 });
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const page = await browser.newPage({ viewport: { width: 960, height: 760 } });
  for (const locale of ['zh', 'en']) {
    const file = join(tmp, `report-${locale}.html`);
    writeFileSync(file, cli('check', example, '--format', 'html', '--locale', locale, '-q'));
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: join(out, `report-${locale}.png`) });
    if (locale === 'zh') {
      await page.locator('#rows tr[data-line="40"]').scrollIntoViewIfNeeded();
      await page.evaluate(() => window.scrollBy(0, 200));
      await page.screenshot({ path: join(out, 'report-rows-zh.png') });
    }
  }
  const xlsx = join(tmp, 'result.xlsx');
  cli('check', example, '--output', xlsx, '-q');
  writeFileSync(join(tmp, 'workbook.html'), sheetAsHtml(readFileSync(xlsx)));
  await page.setViewportSize({ width: 1440, height: 600 });
  await page.goto(pathToFileURL(join(tmp, 'workbook.html')).href);
  await page.screenshot({ path: join(out, 'workbook-zh.png') });
  // The playground (built by `npm run playground`, which docs:pictures runs first).
  await page.setViewportSize({ width: 1000, height: 640 });
  const playground = pathToFileURL(join(root, 'docs/playground/index.html')).href;
  await page.goto(`${playground}#${new URLSearchParams({ target: '≥50亿元', actual: '47.7亿元' })}`);
  await page.screenshot({ path: join(out, 'playground-zh.png') });
  await page.setViewportSize({ width: 1000, height: 880 });
  await page.locator('#mode-table').click();
  await page.locator('#table-example').click();
  await page.locator('#table-result').waitFor();
  await page.screenshot({ path: join(out, 'playground-table-zh.png') });
} finally {
  await browser.close();
  rmSync(tmp, { recursive: true, force: true });
}
process.stdout.write('docs/images: report-zh.png report-en.png report-rows-zh.png workbook-zh.png playground-zh.png playground-table-zh.png\n');

/** The first sheet as a spreadsheet grid: its cells, its column widths, its fills and bold fonts. */
function sheetAsHtml(bytes) {
  const files = unzipSync(bytes);
  const styles = strFromU8(files['xl/styles.xml']);
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  const fills = [...styles.matchAll(/<fill>(.*?)<\/fill>/g)].map((m) => /fgColor rgb="FF(\w{6})"/.exec(m[1])?.[1] ?? null);
  const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => ({ bold: m[1].includes('<b/>'), color: /color rgb="FF(\w{6})"/.exec(m[1])?.[1] ?? null }));
  const xfs = [...styles.split('<cellXfs')[1].matchAll(/<xf [^>]*fontId="(\d+)" fillId="(\d+)"/g)].map((m) => ({ font: fonts[+m[1]], fill: fills[+m[2]] }));
  const widths = [...sheet.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => +m[2]);
  const frozen = +(/ySplit="(\d+)"/.exec(sheet)?.[1] ?? 0);
  const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  const esc = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const rows = [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].slice(0, 22).map((m) => {
    const cells = new Map();
    for (const c of m[2].matchAll(/<c r="([A-Z]+)\d+"(?: s="(\d+)")?(?: t="inlineStr")?(?:\/>|>(.*?)<\/c>)/g)) {
      const text = /<t[^>]*>(.*?)<\/t>/.exec(c[3] ?? '')?.[1] ?? /<v>(.*?)<\/v>/.exec(c[3] ?? '')?.[1] ?? '';
      cells.set(c[1], { text: unescape(text), xf: xfs[+(c[2] ?? 0)], number: (c[3] ?? '').startsWith('<v>') });
    }
    return { r: +m[1], cells };
  });
  const letters = widths.map((_, i) => String.fromCharCode(65 + i));
  const px = (w) => Math.round(w * 7.2);
  const td = (cell) => {
    if (!cell) return '<td></td>';
    const style = [cell.xf.fill ? `background:#${cell.xf.fill}` : '', cell.xf.font.bold ? 'font-weight:700' : '', cell.xf.font.color ? `color:#${cell.xf.font.color}` : '', cell.number ? 'text-align:right' : ''].filter(Boolean).join(';');
    return `<td style="${style}">${esc(cell.text)}</td>`;
  };
  return `<!doctype html><meta charset="utf-8"><style>
body { margin: 0; font: 13px/1.3 "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: #fff; }
table { border-collapse: collapse; table-layout: fixed; }
td, th { border: 1px solid #d4d4d4; padding: 2px 4px; white-space: nowrap; overflow: hidden; text-overflow: clip; height: 20px; }
th { background: #f0f0f0; color: #555; font-weight: 400; text-align: center; }
tr.frozen td { border-bottom: 2px solid #9a9a9a; }
</style><table><colgroup><col style="width:36px">${widths.map((w) => `<col style="width:${px(w)}px">`).join('')}</colgroup>
<tr><th></th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr>
${rows.map(({ r, cells }) => `<tr${r === frozen ? ' class="frozen"' : ''}><th>${r}</th>${
    // A title alone in A runs on over the empty cells beside it, as in a spreadsheet.
    cells.size === 1 && cells.has('A') ? td(cells.get('A')).replace('<td', `<td colspan="${letters.length}"`) : letters.map((l) => td(cells.get(l))).join('')}</tr>`).join('\n')}
</table>`;
}
