import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { classifyRows, tableRows, type RawRow, type TableRow } from '../../src/table/index.js';
import { collect, CORPUS, SEED, tempDir } from './helpers.js';

const file = tempDir();
const physicalLines = (path: string) => readFileSync(path, 'utf8').replace(/\n$/, '').split('\n').length;

describe('the real exported table (seed)', async () => {
  const rows = await collect(tableRows(SEED, { format: 'tsv' }));
  const at = (line: number): TableRow => rows.find((r) => r.line === line)!;

  it('gives every physical line once, in order', () => {
    expect(rows.map((r) => r.line)).toEqual(Array.from({ length: physicalLines(SEED) }, (_, i) => i + 1));
  });

  it('skips the title rows and finds the header on line 30', () => {
    expect(rows.slice(0, 29).map((r) => r.kind).every((k) => k === 'title' || k === 'blank')).toBe(true);
    expect(at(30)).toMatchObject({ kind: 'header', repeated: false, columns: { indicator: 3, target: 5, levels: [0, 1], width: 6 } });
    expect(at(26).kind).toBe('blank');
  });

  it('carries merged indicator levels down, and reads the full-year target', () => {
    expect(at(31).record).toMatchObject({ levels: ['决策', '计划制定'], indicator: '工作计划制定健全性', target: '健全' });
    expect(at(32).record).toMatchObject({ levels: ['决策', '计划制定'], indicator: '中长期规划制定健全性' });
    expect(at(36).record).toMatchObject({ levels: ['决策', '预算编制'] });
    expect(at(42).record).toMatchObject({ levels: ['过程', '预算执行'], indicator: '预算执行率', target: '=100%' });
    // A blank line does not end the merged cell above it.
    expect(at(50).record!.levels).toEqual(['过程', '预算管理']);
  });

  it('skips and reports repeated header rows, each mapping the section below it', () => {
    const headers = rows.filter((r) => r.kind === 'header');
    expect(headers.map((r) => [r.line, r.repeated])).toEqual([[30, false], [63, true], [112, true]]);
    expect(at(63).columns).toMatchObject({ indicator: 4, target: 6, width: 7 });
    expect(at(113).record).toMatchObject({ levels: ['效益', '社会效益'], indicator: '服务场所事故率', target: '=0次' });
    expect(at(118).record).toMatchObject({ levels: ['效益', '经济效益'], indicator: '增值收益', target: '=3.37亿元' });
  });

  it('cleans HTML from labels but passes the target through as written', () => {
    expect(at(92).record).toMatchObject({ indicator: '修订完善三个细则完成率', target: '<p>=100%</p>' });
    expect(at(95).record).toMatchObject({ indicator: '贷款逾期率', target: '<p>≤1‰</p>' });
  });

  it('flags rows that are cut short or shifted instead of misreading them quietly', () => {
    expect(at(82).error).toMatchObject({ code: 'TOO_FEW_CELLS', details: { cells: 1, width: 7 } });
    // Lines 52–62 have a seventh cell under a six-column header: their columns moved.
    expect(rows.filter((r) => r.error?.code === 'EXTRA_CELLS').map((r) => r.line)).toEqual([52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62]);
  });
});

describe('the corpus table', () => {
  it('reads all 87 data rows with English headers', async () => {
    const rows = await collect(tableRows(CORPUS));
    const data = rows.filter((r) => r.kind === 'data');
    expect(data.length).toBe(87);
    expect(data.every((r) => r.error === null)).toBe(true);
    expect(data.find((r) => r.record!.indicator === '发放住房公积金贷款')!.record!.target).toBe('≥50亿元');
    const half = (await collect(tableRows(CORPUS, { period: 'half' }))).filter((r) => r.kind === 'data');
    expect(half.find((r) => r.record!.indicator === '发放住房公积金贷款')!.record!.target).toBe('≥25亿元');
  });
});

describe('records', () => {
  it('split op / value / unit columns from a GBK CSV', async () => {
    const text = '部门整体绩效目标表\r\n\r\n三级指标,指标性质,指标值,度量单位,分值\r\n发放贷款,≥,50,亿元,<p>10</p>\r\n满意度,定性,高,,5\r\n';
    const rows = await collect(tableRows(file('split.csv', iconv.encode(text, 'gbk'))));
    expect(rows.map((r) => [r.line, r.kind])).toEqual([[1, 'title'], [2, 'blank'], [3, 'header'], [4, 'data'], [5, 'data']]);
    expect(rows[3]!.record).toEqual({ indicator: '发放贷款', target: '50', op: '≥', unit: '亿元', actual: null, weight: '10', levels: [] });
    expect(rows[4]!.record).toMatchObject({ op: '定性', target: '高', unit: '' });
  });

  it('a broken row takes carried levels but does not pass its own down', async () => {
    const rows = await collect(tableRows(Buffer.from('一级指标,三级指标,指标值,分值\n产出,甲,≥1,5\n效益,乙,≥2\n,丙,≥3,5\n'), { format: 'csv' }));
    expect(rows.map((r) => [r.line, r.error?.code ?? null, r.record?.levels[0]])).toEqual([
      [1, null, undefined], [2, null, '产出'], [3, 'TOO_FEW_CELLS', '效益'], [4, null, '产出'],
    ]);
  });

  it('a blank indicator name is never carried down from the row above, only the grouping levels are', async () => {
    const csv = '一级指标,二级指标,三级指标,指标值\n产出,成本,办公支出,≤5万元\n,,,≤3万元\n,时效,,≤2天\n';
    const rows = await collect(tableRows(Buffer.from(csv), { format: 'csv' }));
    expect(rows.slice(1).map((r) => [r.record?.levels, r.record?.indicator])).toEqual([
      [['产出', '成本'], '办公支出'], [['产出', '成本'], ''], [['产出', '时效'], ''],
    ]);
  });

  it('keyed rows (JSON objects) name their own columns; a missing target key is the row\'s error', async () => {
    const text = [
      '{"indicator":"个贷率","target":"90%左右","actual":"89%","weight":10}',
      '{"indicator":"","target":"≥95%"}',
      '{"indicator":"无目标"}',
    ].join('\n');
    const rows = await collect(tableRows(Buffer.from(text)));
    expect(rows.map((r) => r.kind)).toEqual(['data', 'data', 'data']);
    expect(rows[0]!.record).toMatchObject({ indicator: '个贷率', target: '90%左右', actual: '89%', weight: '10' });
    // A blank name stays blank, in keyed rows too: no name is carried down.
    expect(rows[1]!.record).toMatchObject({ indicator: '', target: '≥95%', actual: null });
    expect(rows[2]).toMatchObject({ record: null, error: { code: 'MISSING_KEY' } });
  });

  it('rows a caller makes: a bad line while the header is looked for stays a data row in its place', async () => {
    const raw: RawRow[] = [
      { line: 1, cells: ['标题'], error: null },
      { line: 2, cells: [], error: { code: 'BAD_JSON', message: 'x', messages: { zh: 'x', en: 'x' }, details: {} } },
      { line: 3, cells: ['指标名称', '目标值'], error: null },
      { line: 4, cells: ['甲', '≥1'], error: null },
    ];
    const rows = await collect(classifyRows(raw));
    expect(rows.map((r) => [r.line, r.kind])).toEqual([[1, 'title'], [2, 'data'], [3, 'header'], [4, 'data']]);
  });

  it('an input of blank lines is no error; a table without a header is', async () => {
    expect((await collect(tableRows(Buffer.from('\n\n'), { format: 'csv' }))).map((r) => r.kind)).toEqual(['blank', 'blank']);
    await expect(collect(tableRows(Buffer.from('甲,乙\n丙,丁\n')))).rejects.toMatchObject({ code: 'NO_HEADER' });
    const byPosition = await collect(tableRows(Buffer.from('甲,≥1\n乙,≥2\n'), { columns: { indicator: 1, target: 2 } }));
    expect(byPosition.map((r) => [r.kind, r.record!.target])).toEqual([['data', '≥1'], ['data', '≥2']]);
  });
});

describe('JSON lines that mix objects and lists', () => {
  it('keeps every row: a list among objects comes out with UNKEYED_ROW', async () => {
    const text = ['{"指标":"a","指标值":"≥1"}', '["b","≥2"]', '{"指标":"c","指标值":"≥3"}', '["d","≥4"]'].join('\n');
    const rows = [];
    for await (const r of tableRows(Buffer.from(text), { format: 'jsonl' })) rows.push(r);
    expect(rows.map((r) => [r.line, r.kind, r.error?.code ?? null])).toEqual([
      [1, 'data', null], [2, 'data', 'UNKEYED_ROW'], [3, 'data', null], [4, 'data', 'UNKEYED_ROW'],
    ]);
  });
});
