import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkTable, readRows, tableRows } from '../../src/table/index.js';
import { decimalText } from '../../src/table/decimal-text.js';
import { chineseDate, classify, columnIndex, serialToIso } from '../../src/table/xlsx.js';
import { collect, handWorkbook as workbook, tempDir } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/tables/targets.xlsx', import.meta.url));
const file = tempDir();

describe('an .xlsx written by openpyxl (test/fixtures/tables/make-xlsx.py)', () => {
  it('reads the first sheet with sheet row numbers and the text a person sees', async () => {
    const reader = readRows(FIXTURE);
    const rows = await collect(reader);
    expect(reader.info).toMatchObject({ format: 'xlsx', sheet: '绩效目标' });
    // Rows 2 and 8 are not in the sheet: they are not made up (their numbers say where rows are).
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4, 5, 6, 7, 9]);
    expect(rows.map((r) => r.cells)).toEqual([
      ['2022年度部门整体支出绩效目标表'],
      ['一级指标', '三级指标', '年度指标值（A）', '实际完成值（B）', '分值', '完成日期'],
      ['产出', '发放住房公积金贷款', '≥50亿元', '52.3', '10', '2022年11月30日'],
      ['', '总体工作完成率', '≥95%', '95.5%', '10'],
      ['', '贷款逾期率', '≤1‰', '0.3', '5'],
      ['效益', '缴存职工满意度', '提高', 'TRUE', '7.5'],
      ['', '多行\n单元格', '=100%'],
    ]);
    expect(rows.every((r) => r.error === null)).toBe(true);
  });

  it('picks a sheet by name or by position, and says which sheets there are', async () => {
    const byName = await collect(readRows(FIXTURE, { sheet: '第二页' }));
    const byIndex = await collect(readRows(FIXTURE, { sheet: 2 }));
    const byDigits = await collect(readRows(FIXTURE, { sheet: '2' }));
    // openpyxl stores `=207项` as a formula it never computes (Excel would show #NAME?):
    // the cell is empty and the row says why, rather than a guess.
    expect(byName.map((r) => r.cells)).toEqual([['指标名称', '目标值'], ['一张网业务事项']]);
    expect(byName[1]!.error).toMatchObject({ code: 'BAD_CELL', details: { cell: 'B2' } });
    expect(byIndex).toEqual(byName);
    expect(byDigits).toEqual(byName);
    await expect(collect(readRows(FIXTURE, { sheet: '没有' }))).rejects.toMatchObject({ code: 'NO_SUCH_SHEET', details: { sheets: '绩效目标、第二页' } });
  });

  it('maps the columns of the self-evaluation form and carries the merged level down', async () => {
    const rows = await collect(tableRows(FIXTURE));
    const data = rows.filter((r) => r.kind === 'data');
    expect(rows.map((r) => r.kind)).toEqual(['title', 'header', 'data', 'data', 'data', 'data', 'data']);
    expect(data.map((r) => [r.line, r.record!.levels[0], r.record!.indicator, r.record!.target, r.record!.actual, r.record!.weight])).toEqual([
      [4, '产出', '发放住房公积金贷款', '≥50亿元', '52.3', '10'],
      [5, '产出', '总体工作完成率', '≥95%', '95.5%', '10'],
      [6, '产出', '贷款逾期率', '≤1‰', '0.3', '5'],
      [7, '效益', '缴存职工满意度', '提高', 'TRUE', '7.5'],
      [9, '效益', '多行 单元格', '=100%', '', ''],
    ]);
    // A sheet stores no empty cells: a short row is not an error there.
    expect(data.every((r) => r.error === null)).toBe(true);
  });
});

const c = (ref: string, inner: string, attrs = '') => `<x:c r="${ref}"${attrs}>${inner}</x:c>`;

describe('an .xlsx written by hand', () => {
  it('reads shared strings with rich text, phonetic guides and escapes; built-in formats; 1904 dates', async () => {
    const zip = workbook(
      `<x:row r="2">${c('A2', '<x:v>0</x:v>', ' t="s"')}${c('C2', '<x:v>1</x:v>', ' t="s"')}${c('D2', '<x:v>0.30000000000000004</x:v>')}</x:row>`
      + `<x:row r="3">${c('A3', '<x:v>0.95</x:v>', ' s="1"')}${c('B3', '<x:v>1</x:v>', ' s="2"')}${c('C3', '<x:f>A3*2</x:f><x:v>ok</x:v>', ' t="str"')}${c('D3', '<x:v>#DIV/0!</x:v>', ' t="e"')}</x:row>`
      + `<x:row r="4">${c('A4', '<x:v>7</x:v>', ' t="s"')}${c('B4', '<x:f>SUM(A1:A2)</x:f>')}</x:row>`,
      {
        sharedStrings: '<si><r><t>≥</t></r><r><rPr/><t xml:space="preserve">50亿元</t></r><rPh><t>ふりがな</t></rPh></si><si><t>第一行_x000D_\n第二行</t></si>',
        styles: '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/></cellXfs>',
        date1904: true,
      },
    );
    const rows = await collect(readRows(file('hand.xlsx', zip)));
    expect(rows.map((r) => [r.line, r.cells])).toEqual([
      [2, ['≥50亿元', '', '第一行\n第二行', '0.3']],
      [3, ['95%', '1904年1月2日', 'ok', '#DIV/0!']],
      [4, []],
    ]);
    expect(rows[2]!.error).toMatchObject({ code: 'BAD_CELL', details: { cell: 'A4' } });
    // The uncomputed formula would be the second problem of the row; one error is kept.
    expect(rows.slice(0, 2).every((r) => r.error === null)).toBe(true);
  });

  it('reads date cells (built-in date formats 14–22, 45–47, custom y/m/d formats, t="d") as dates the grammar reads', async () => {
    const styles = '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="yyyy/mm/dd"/></numFmts>'
      + '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="47"/></cellXfs>';
    const zip = workbook(
      `<x:row r="1">${c('A1', '<x:v>45657</x:v>', ' s="1"')}${c('B1', '<x:v>45657.5</x:v>', ' s="2"')}${c('C1', '<x:v>45292</x:v>', ' s="3"')}`
      + `${c('D1', '<x:v>45657</x:v>', ' s="4"')}${c('E1', '<x:v>45657</x:v>')}${c('F1', '<x:v>2024-12-31T00:00:00Z</x:v>', ' t="d"')}</x:row>`,
      { styles },
    );
    const rows = await collect(readRows(file('dates.xlsx', zip)));
    // E1 has no date format: it stays the number Excel shows.
    expect(rows[0]!.cells).toEqual(['2024年12月31日', '2024年12月31日 12:00:00', '2024年1月1日', '2024年12月31日', '45657', '2024年12月31日']);
    expect(classify(47, undefined)).toBe('date');
    expect(classify(22, undefined)).toBe('date');
  });

  it('a date cell beside an op column is a deadline, in the target and in the actual column', async () => {
    const is = (ref: string, t: string) => c(ref, `<x:is><x:t>${t}</x:t></x:is>`, ' t="inlineStr"');
    const zip = workbook(
      `<x:row r="1">${is('A1', '指标名称')}${is('B1', '指标性质')}${is('C1', '指标值')}${is('D1', '实际完成值')}</x:row>`
      + `<x:row r="2">${is('A2', '完成时间')}${is('B2', '≤')}${c('C2', '<x:v>45657</x:v>', ' s="1"')}${c('D2', '<x:v>45600</x:v>', ' s="1"')}</x:row>`
      + `<x:row r="3">${is('A3', '验收时间')}${is('B3', '=')}${c('C3', '<x:v>45657</x:v>', ' s="1"')}${c('D3', '<x:v>45700</x:v>', ' s="1"')}</x:row>`,
      { styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>' },
    );
    const rows = await collect(checkTable(file('deadline.xlsx', zip)));
    const got = rows.map((r) => [r.target?.kind, r.target?.text, r.verdict?.status, r.error?.code ?? null]);
    expect(got).toEqual([
      ['deadline', '≤2024年12月31日', 'pass', null],
      ['deadline', '=2024年12月31日', 'fail', null],
    ]);
  });

  it('streams a large sheet in slices and keeps every row in order', async () => {
    const n = 20_000;
    let xml = '';
    for (let i = 1; i <= n; i++) xml += `<x:row r="${i}">${c(`A${i}`, `<x:is><x:t>指标${i}</x:t></x:is>`, ' t="inlineStr"')}${c(`B${i}`, `<x:v>${i}.10</x:v>`)}</x:row>`;
    const rows = await collect(readRows(workbook(xml)));
    expect(rows.length).toBe(n);
    expect(rows.every((r, i) => r.line === i + 1 && r.cells[0] === `指标${i + 1}` && r.cells[1] === `${i + 1}.1`)).toBe(true);
  });

  it('refuses what is not a workbook, with a reason', async () => {
    await expect(collect(readRows(Buffer.from('PK\u0003\u0004 not really a zip')))).rejects.toMatchObject({ code: 'BAD_XLSX' });
    const noSheet = zipSync({ 'a.txt': strToU8('x') });
    await expect(collect(readRows(noSheet, { format: 'xlsx' }))).rejects.toMatchObject({ code: 'BAD_XLSX' });
  });
});

describe('cell helpers', () => {
  it('decimal text: Excel precision, percent shift, exponents, no floating point', () => {
    expect(decimalText('0.30000000000000004')).toBe('0.3');
    expect(decimalText('6759.5799999999999')).toBe('6759.58');
    expect(decimalText('4999999999.99')).toBe('4999999999.99');
    expect(decimalText('0.955', 2)).toBe('95.5');
    expect(decimalText('9.5E-2', 2)).toBe('9.5');
    expect(decimalText('1E+21')).toBe('1000000000000000000000');
    expect(decimalText('-0.0001')).toBe('-0.0001');
    expect(decimalText('0.99999999999999999')).toBe('1');
    expect(decimalText('000')).toBe('0');
    expect(decimalText('abc')).toBe(null);
  });

  it('number formats, column letters, date serials', () => {
    expect(classify(9, undefined)).toBe('percent');
    expect(classify(14, undefined)).toBe('date');
    expect(classify(0, undefined)).toBe('number');
    expect(classify(164, '0.0%')).toBe('percent');
    expect(classify(165, 'yyyy"年"m"月"d"日"')).toBe('date');
    expect(classify(166, '#,##0.00_);[Red](#,##0.00)')).toBe('number');
    expect(classify(167, '"完成率"0.00')).toBe('number');
    expect(classify(168, '[$-F800]dddd')).toBe('date');
    expect(columnIndex('A1')).toBe(0);
    expect(columnIndex('AB12')).toBe(27);
    expect(columnIndex('12')).toBe(-1);
    expect(serialToIso('44895', false)).toBe('2022-11-30');
    expect(serialToIso('60', false)).toBe('1900-02-29');
    expect(serialToIso('59', false)).toBe('1900-02-28');
    expect(serialToIso('61', false)).toBe('1900-03-01');
    expect(serialToIso('44895.5', false)).toBe('2022-11-30 12:00:00');
    expect(serialToIso('0.75', false)).toBe('18:00:00');
    expect(serialToIso('0', true)).toBe('00:00:00');
    expect(serialToIso('1', true)).toBe('1904-01-02');
    expect(chineseDate('2022-11-30')).toBe('2022年11月30日');
    expect(chineseDate('2022-11-30 12:00:00')).toBe('2022年11月30日 12:00:00');
    expect(chineseDate('18:00:00')).toBe('18:00:00');
  });
});

it('the fixture is the one its script builds (kept small)', () => {
  expect(readFileSync(FIXTURE).length).toBeLessThan(16 * 1024);
});
