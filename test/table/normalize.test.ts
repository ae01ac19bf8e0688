import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  normalizeRows, normalizeStream, NORMALIZED_COLUMNS, readRows, writeOptionsFor, writeRows, type NormalizedRow,
} from '../../src/table/index.js';
import { bytesOf, collect } from './helpers.js';

const fieldsOf = (r: NormalizedRow) => r.normalized;

describe('normalizeRows', () => {
  it('adds exact, string-valued columns for each kind of target', async () => {
    const rows = await collect(normalizeRows([
      ['三级指标', '指标值'],
      ['发放贷款', '≥50亿元'],
      ['个贷率', '90%左右'],
      ['控制率', '85%-90%'],
      ['合格率', '≥85%且≤90%'],
      ['健全性', '健全'],
      ['时限', '3个工作日'],
      ['便捷性', '较上年提高5个百分点'],
      ['完成时间', '2022年12月底前'],
      ['坏', '≥95%以下'],
      ['空', ''],
    ]));
    expect(rows[0]!.cells).toEqual(['三级指标', '指标值', ...NORMALIZED_COLUMNS]);
    expect(fieldsOf(rows[1]!)).toEqual({
      kind: 'compare', op: '>=', value: '50', unit: '亿元', dimension: 'currency', base_value: '5000000000', base_unit: '元', error: '',
    });
    expect(rows[1]!.cells).toEqual(['发放贷款', '≥50亿元', 'compare', '>=', '50', '亿元', 'currency', '5000000000', '元', '']);
    expect(fieldsOf(rows[2]!)).toMatchObject({ kind: 'approx', op: '≈', value: '90', unit: '%', dimension: 'ratio', base_value: '0.9', base_unit: '1' });
    expect(fieldsOf(rows[3]!)).toMatchObject({ kind: 'range', op: '[]', value: '85..90', unit: '%', base_value: '0.85..0.9', base_unit: '1' });
    expect(fieldsOf(rows[4]!)).toMatchObject({ kind: 'all', op: '>=;<=', value: '85;90', unit: '%;%', base_value: '0.85;0.9' });
    expect(fieldsOf(rows[5]!)).toEqual({ kind: 'qualitative', op: '', value: '健全', unit: '', dimension: '', base_value: '', base_unit: '', error: '' });
    // No comparator written: the op is left for evaluation to decide.
    expect(fieldsOf(rows[6]!)).toMatchObject({ kind: 'compare', op: '', value: '3', unit: '个工作日', base_unit: '工作日' });
    expect(fieldsOf(rows[7]!)).toMatchObject({ kind: 'trend', op: 'up', value: '5', unit: '个百分点' });
    expect(fieldsOf(rows[8]!)).toMatchObject({ kind: 'deadline', op: '<=', value: '2022-12-31', dimension: 'date' });
    expect(fieldsOf(rows[9]!)!.error).toMatch(/^CONFLICTING_OPS: /);
    expect(fieldsOf(rows[9]!)!.kind).toBe('');
    expect(fieldsOf(rows[10]!)!.error).toMatch(/^EMPTY: /);
    expect(rows.every((r) => r.cells.every((c) => typeof c === 'string'))).toBe(true);
  });

  it('joins split op / value / unit columns, and keeps the row error first', async () => {
    const rows = await collect(normalizeRows([
      ['三级指标', '指标性质', '指标值', '度量单位'],
      ['发放贷款', '≥', '50', '亿元'],
      ['满意度', '定性', '高', ''],
      ['短行', '≥'],
    ]));
    expect(fieldsOf(rows[1]!)).toMatchObject({ kind: 'compare', op: '>=', value: '50', unit: '亿元', base_value: '5000000000' });
    expect(fieldsOf(rows[2]!)).toMatchObject({ kind: 'qualitative', value: '高' });
    expect(fieldsOf(rows[3]!)!.error).toMatch(/^TOO_FEW_CELLS: /);
    // The short row is padded so the added columns stay under their names.
    expect(rows[3]!.cells.slice(0, 4)).toEqual(['短行', '≥', '', '']);
    expect(rows[3]!.cells.length).toBe(4 + NORMALIZED_COLUMNS.length);
  });

  it('one row out per row in, titles and blanks unchanged; a taken name gets a prefix', async () => {
    const input = [['表'], [], ['指标名称', '目标值', 'unit'], ['甲', '≥1项', '项'], ['乙', '≥2项', '项', '多出来的']];
    const rows = await collect(normalizeRows(input, { column: '目标值' }));
    expect(rows.map((r) => [r.line, r.kind])).toEqual([[1, 'title'], [2, 'blank'], [3, 'header'], [4, 'data'], [5, 'data']]);
    expect(rows[0]!.cells).toEqual(['表']);
    expect(rows[1]!.cells).toEqual([]);
    expect(rows[2]!.cells).toEqual(['指标名称', '目标值', 'unit', 'kind', 'op', 'value', 'normalized_unit', 'dimension', 'base_value', 'base_unit', 'error']);
    // The extra cell is kept, after the added columns.
    expect(rows[4]!.cells.at(-1)).toBe('多出来的');
    expect(rows[4]!.cells[5]).toBe('2');
    expect(fieldsOf(rows[4]!)!.error).toMatch(/^EXTRA_CELLS: /);
  });

  it('keyed rows gain keys; JSON lines written back keep numbers as written', async () => {
    const reader = readRows(Buffer.from('{"indicator":"贷款","target":"≥50亿元","weight":10.50}\n{"indicator":"x","target":"≥1","unit":"项"}\n'));
    const out = (await bytesOf(writeRows(normalizeRows(reader), 'jsonl'))).toString('utf8').split('\n');
    expect(JSON.parse(out[0]!)).toEqual({
      indicator: '贷款', target: '≥50亿元', weight: 10.5,
      kind: 'compare', op: '>=', value: '50', unit: '亿元', dimension: 'currency', base_value: '5000000000', base_unit: '元', error: '',
    });
    expect(out[0]).toContain('"weight":10.50,');
    // The input's own `unit` key is a split unit column, and is not overwritten.
    expect(JSON.parse(out[1]!)).toMatchObject({ unit: '项', normalized_unit: '项', base_value: '1' });
  });

  it('plain objects in, with the column named', async () => {
    const rows = await collect(normalizeRows([{ name: '贷款', goal: '≥50亿元' }], { column: 'goal' }));
    expect(rows[0]!.keys).toEqual(['name', 'goal', ...NORMALIZED_COLUMNS]);
    expect(fieldsOf(rows[0]!)!.base_value).toBe('5000000000');
  });

  it('as a Transform in a pipeline, ending with the rows held for the header', async () => {
    const got: NormalizedRow[] = [];
    await pipeline(
      Readable.from([['标题'], ['三级指标', '指标值'], ['贷款', '≥50亿元'], ['逾期率', '≤1‰']]),
      normalizeStream(),
      new Writable({ objectMode: true, write(row: NormalizedRow, _e, done) { got.push(row); done(); } }),
    );
    expect(got.map((r) => r.kind)).toEqual(['title', 'header', 'data', 'data']);
    expect(fieldsOf(got[3]!)).toMatchObject({ op: '<=', base_value: '0.001', base_unit: '1' });
    await expect(pipeline(Readable.from([['a', 'b']]), normalizeStream(), new Writable({ objectMode: true, write(_r, _e, d) { d(); } })))
      .rejects.toMatchObject({ code: 'NO_HEADER' });
  });

  it('streams a CSV back in its own format, row for row', async () => {
    const input = '\ufeff三级指标,指标值\r\n"贷款, 长期",≥50亿元\r\n\r\n满意度,"≥90%"\r\n';
    const reader = readRows(Buffer.from(input));
    const rows = normalizeRows(reader);
    // The writer's options are read once the first row is out, when the input is known.
    const first = await rows.next();
    const opts = writeOptionsFor(reader.info);
    expect(opts).toEqual({ format: 'csv', delimiter: ',', eol: '\r\n', encoding: 'utf-8', bom: true });
    const out = await bytesOf(writeRows((async function* () { yield first.value!; yield* rows; })(), opts.format, opts));
    expect(out.toString('utf8')).toBe([
      '\ufeff三级指标,指标值,kind,op,value,unit,dimension,base_value,base_unit,error',
      '"贷款, 长期",≥50亿元,compare,>=,50,亿元,currency,5000000000,元,',
      '',
      '满意度,≥90%,compare,>=,90,%,ratio,0.9,1,',
      '',
    ].join('\r\n'));
  });
});
