import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/table/index.js';
import { decimalText } from '../../src/table/decimal-text.js';
import { columnName, isExcelNumber, writeXlsx, xmlText, XlsxWriter } from '../../src/table/xlsx-write.js';
import { bytesOf, collect } from './helpers.js';

/**
 * OOXML's escape for characters XML cannot hold (ECMA-376 ST_Xstring, `_xHHHH_`), which
 * Excel and LibreOffice decode and exceljs leaves as it is.
 */
const unescapeXstring = (s: string): string => s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));

/** What exceljs (an independent reader) reads: each row's cells as [text, type]. */
async function viaExcelJS(bytes: Uint8Array, sheet = 1): Promise<{ rows: (readonly [string, string])[][]; workbook: ExcelJS.Workbook }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = workbook.worksheets[sheet - 1]!;
  const rows: (readonly [string, string])[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    while (rows.length < n - 1) rows.push([]);
    const cells: (readonly [string, string])[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      while (cells.length < c - 1) cells.push(['', 'empty']);
      const v = cell.value;
      cells.push(v === null || v === undefined ? ['', 'empty'] : typeof v === 'number' ? [decimalText(String(v))!, 'number'] : [unescapeXstring(String(v)), typeof v]);
    });
    while (cells.length > 0 && cells.at(-1)![1] === 'empty') cells.pop();
    rows.push(cells);
  });
  return { rows, workbook };
}

const ROWS = [
  ['盐城市 2022 年度绩效自评表'],
  [],
  ['一级指标', '三级指标', '指标值', '实际值', '分值'],
  ['产出', '发放贷款', '≥50亿元', '52.3亿元', '10'],
  ['', '<b>逾期率</b> & "率"', '≤1‰', '0.3‰', '1.66'],
  ['', '0012', '1.10', '-0.5', '12345678901234567'],
  ['', '多行\n单元格\t制表', '_x000D_ 字面', '\u0001控制', '=SUM(A1)'],
];

describe('writeXlsx: rows as a workbook', () => {
  it('reads back as the same cells with our reader and with exceljs', async () => {
    const bytes = await bytesOf(writeXlsx(ROWS, { sheet: '检查结果', frozenRows: 3 }));
    const reader = readRows(bytes, { format: 'xlsx' });
    const ours = await collect(reader);
    expect(reader.info.sheet).toBe('检查结果');
    // The reader makes up no blank row: a row's number says where it is.
    expect(bySheetRow(ours)).toEqual(ROWS);
    expect(ours.every((r) => r.error === null)).toBe(true);
    const { rows } = await viaExcelJS(bytes);
    expect(rows.map((r) => r.map(([text]) => text))).toEqual(ROWS);
  });

  it('writes plain decimals as numbers and everything else as text', async () => {
    const bytes = await bytesOf(writeXlsx(ROWS));
    const { rows } = await viaExcelJS(bytes);
    const types = Object.fromEntries(rows.flat().map(([text, type]) => [text, type]));
    expect(types).toMatchObject({ '10': 'number', '1.66': 'number', '-0.5': 'number', '0012': 'string', '1.10': 'string', '12345678901234567': 'string', '≥50亿元': 'string', '=SUM(A1)': 'string' });
  });

  it('freezes the rows asked for and sets column widths', async () => {
    const bytes = await bytesOf(writeXlsx(ROWS, { frozenRows: 3, widths: [10, 30] }));
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<pane ySplit="3" topLeftCell="A4" activePane="bottomLeft" state="frozen"/>');
    const { workbook } = await viaExcelJS(bytes);
    const ws = workbook.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getColumn(2).width).toBe(30);
  });

  it('gives the same bytes for the same rows (no clock in the file)', async () => {
    const a = await bytesOf(writeXlsx(ROWS));
    const b = await bytesOf(writeXlsx(ROWS));
    expect(a.equals(b)).toBe(true);
  });

  it('streams: a large sheet comes out in many pieces, before the rows end', async () => {
    let pulled = 0;
    function* rows(): Generator<string[]> {
      for (let i = 0; i < 20_000; i++) { pulled = i; yield [`第${i}行`, String(i), '≥95%', '达成']; }
    }
    const gen = writeXlsx(rows());
    const first = await gen.next();
    expect(first.done).toBe(false);
    expect(pulled).toBeLessThan(19_999);
    const rest = await bytesOf(gen);
    const all = Buffer.concat([Buffer.from(first.value as Uint8Array), rest]);
    const back = await collect(readRows(all, { format: 'xlsx' }));
    expect(back).toHaveLength(20_000);
    expect(back[19_999]!.cells).toEqual(['第19999行', '19999', '≥95%', '达成']);
  });

  it('property: any text cell reads back unchanged (line breaks as LF)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('95', '0.5', '_x0041_', '<&>', '1e3')), { maxLength: 5 }), { maxLength: 6 }),
      async (table) => {
        const rows = table.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n')));
        const bytes = await bytesOf(writeXlsx(rows));
        const back = await collect(readRows(bytes, { format: 'xlsx' }));
        const trim = (r: readonly string[]): string[] => { const a = [...r]; while (a.length > 0 && a.at(-1) === '') a.pop(); return a; };
        const want = rows.map(trim);
        while (want.length > 0 && want.at(-1)!.length === 0) want.pop();
        const placed = bySheetRow(back);
        expect(placed.map(trim).slice(0, want.length)).toEqual(want);
        expect(placed.slice(want.length).every((r) => r.every((c) => c === ''))).toBe(true);
      },
    ), { numRuns: 60 });
  });
});

describe('the pieces', () => {
  it('isExcelNumber: only text Excel stores as that very number', () => {
    for (const yes of ['0', '95', '-0.5', '1.66', '123456789012345', '0.000001']) expect(isExcelNumber(yes), yes).toBe(true);
    for (const no of ['', '-0', '+1', '0012', '1.10', '1e3', '95%', '1234567890123456', ' 1', '1.', '.5', 'NaN']) expect(isExcelNumber(no), no).toBe(false);
  });

  it('xmlText escapes markup and what XML cannot hold', () => {
    expect(xmlText('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;');
    expect(xmlText('a\rb\u0000c_x0041_d_xyz')).toBe('a_x000D_b_x0000_c_x005F_x0041_d_xyz');
    expect(xmlText('\ud800x')).toBe('_xD800_x');
    expect(xmlText('😀')).toBe('😀');
  });

  it('columnName counts like Excel', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('keeps sheet names Excel accepts, and unique', async () => {
    const w = new XlsxWriter();
    w.startSheet({ name: 'a/b:c*?[x]' + 'y'.repeat(40) });
    w.startSheet({ name: 'A/B:C*?[X]' + 'Y'.repeat(40) });
    w.finish();
    const bytes = Buffer.concat(w.take());
    const { workbook } = await viaExcelJS(bytes);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names[0]).toBe(`a_b_c___x_${'y'.repeat(21)}`);
    expect(names[1]).toHaveLength(31);
    expect(names[1]!.toLowerCase()).not.toBe(names[0]!.toLowerCase());
  });
});

/** Rows read from a sheet put back on their sheet rows (rows left out are empty). */
function bySheetRow(rows: readonly { line: number; cells: readonly string[] }[]): string[][] {
  const out: string[][] = [];
  for (const r of rows) {
    while (out.length < r.line - 1) out.push([]);
    out[r.line - 1] = [...r.cells];
  }
  return out;
}
