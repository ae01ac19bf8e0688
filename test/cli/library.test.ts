import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { charWidth, displayWidth, padEnd, padStart, truncate } from '../../src/cli/text.js';
import { Decimal, isVerdict, toJSON } from '../../src/index.js';
import {
  checkedRowToJSON, checkRows, checkStream, checkTable, readRows, RowChecker, type CheckedRow,
} from '../../src/table/index.js';
import { EXAMPLE, run } from './helpers.js';

/**
 * The streaming API under the command (src/table/check.ts): `check` is a thin layer over
 * `checkTable`, so the command's jsonl is exactly `checkedRowToJSON` of each row.
 */
async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('checkTable', () => {
  it('gives what the command prints, and the summary once the rows have all come out', async () => {
    const reader = checkTable(EXAMPLE);
    expect(reader.summary.rows).toBe(0);
    const checked = await collect(reader);
    expect(checked.map((r) => JSON.stringify(checkedRowToJSON(r)))).toEqual(run(['check', EXAMPLE, '--format', 'jsonl']).lines);
    expect(reader.info).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(reader.summary).toMatchObject({
      rows: 87, parsed: 87, errors: 0, status: { pass: 77, partial: 2, fail: 7, unknown: 1 },
      hasActual: true, hasWeight: true, headerLine: 2, titleRows: 1, blankRows: 0,
      score: '93.1', weight: '100', unscoredWeight: '5', grade: '优',
      columns: { indicator: '三级指标', target: '全年指标值', actual: '实际完成值', weight: '分值' },
    });
  });

  it('keeps the typed objects: verdicts the library entry recognises, the record as read', async () => {
    const [first] = await collect(checkTable(Buffer.from('三级指标,全年指标值,实际完成值,分值\n满意度,≥90%,95%,10\n')));
    expect(isVerdict(first!.verdict)).toBe(true);
    expect(toJSON(first!.score!)).toMatchObject({ score: '10', weight: '10' });
    expect(first!.score!.verdict).toBe(first!.verdict);
    expect(first!.record).toMatchObject({ indicator: '满意度', target: '≥90%', actual: '95%', weight: '10' });
  });

  it('refuses bad evaluation options before reading a row', () => {
    expect(() => checkTable(EXAMPLE, { tolerance: 'abc' })).toThrow(/tolerance/);
    expect(() => checkTable(EXAMPLE, { band: '2' })).toThrow(/band/);
  });
});

describe('checkRows', () => {
  it('takes arrays of cells, header first, numbered by position', async () => {
    const reader = checkRows([
      ['考核表'],
      ['指标名称', '目标值', '实际值'],
      ['受理率', '≥95%', '96%'],
      [],
      ['指标名称', '目标值', '实际值'],
      ['时限', '≤3天', '4天'],
      ['坏的', '≥', '1'],
    ]);
    const out = (await collect(reader)).map(checkedRowToJSON);
    expect(out.map((o) => [o.line, o.indicator, (o.verdict as { status: string } | null)?.status ?? null, o.error?.code ?? null])).toEqual([
      [3, '受理率', 'pass', null],
      [6, '时限', 'fail', null],
      [7, '坏的', null, 'MISSING_NUMBER'],
    ]);
    expect(reader.summary).toMatchObject({ rows: 3, titleRows: 1, blankRows: 1, repeatedHeaders: [5], repeatedHeaderCount: 1, errors: 1, hasWeight: false, score: null, grade: null });
  });

  it('takes objects keyed by column name, and rows from readRows', async () => {
    const keyed = await collect(checkRows([{ indicator: '满意度', target: '≥90%', actual: 91, weight: 5 }]));
    expect(checkedRowToJSON(keyed[0]!)).toMatchObject({ line: 1, indicator: '满意度', score: { score: '5' } });
    const raw = await collect(checkRows(readRows(EXAMPLE)));
    expect(raw.map((r) => r.line)).toEqual(Array.from({ length: 87 }, (_, i) => i + 3));
  });

  it('joins split op / value / unit columns, and reports targets only without an actual column', async () => {
    const reader = checkRows([['三级指标', '计算符号', '指标值', '计量单位'], ['贷款', '≥', '50', '亿元'], ['单位错', '≥', '50', '亿圆X']]);
    const out = await collect(reader);
    expect(toJSON(out[0]!.target!)).toMatchObject({ kind: 'compare', op: '>=', quantity: { base: { value: '5000000000', unit: '元' } } });
    expect(out[0]!.verdict).toBeNull();
    expect(out[1]!.error).toMatchObject({ code: 'UNKNOWN_UNIT', source: 'target' });
    expect(reader.summary).toMatchObject({ hasActual: false, parsed: 1, errors: 1 });
  });
});

describe('checkStream', () => {
  it('is an object-mode Transform: rows in, checked rows out, with the summary at the end', async () => {
    const stream = checkStream({ locale: 'en' });
    const got: CheckedRow[] = [];
    await pipeline(
      Readable.from([['indicator', 'target', 'actual', 'weight'], ['a', '≥90%', '80%', '10'], ['b', '健全', '基本健全', '10']]),
      stream,
      new Writable({ objectMode: true, write(row: CheckedRow, _e, done) { got.push(row); done(); } }),
    );
    expect(got.map((r) => [r.line, r.verdict?.status, r.score?.score?.toFixed()])).toEqual([[2, 'fail', '8.89'], [3, 'partial', '6']]);
    expect(got[0]!.verdict!.reason!.message).toBe('The actual value 80% does not reach the target ≥90%');
    expect(stream.summary).toMatchObject({ rows: 2, score: '14.89', weight: '20', grade: '中' });
  });

  it('passes a table error on as a stream error', async () => {
    const stream = checkStream();
    await expect(pipeline(Readable.from([['a', 'b'], ['c', 'd']]), stream, new Writable({ objectMode: true, write(_r, _e, d) { d(); } })))
      .rejects.toMatchObject({ code: 'NO_HEADER' });
  });
});

describe('RowChecker', () => {
  it('a bad weight is the row\'s error; an empty one just leaves it unscored', () => {
    const c = new RowChecker();
    const out = [
      ...c.push(['三级指标', '全年指标值', '实际完成值', '分值']),
      ...c.push(['a', '≥1', '2', 'x']),
      ...c.push(['b', '≥1', '2', '']),
      ...c.push(['c', '≥1', '0', '３']),
      ...c.end(),
    ];
    expect(out.map((r) => [r.error?.code ?? null, r.score?.score?.toFixed() ?? null])).toEqual([['BAD_WEIGHT', null], [null, null], [null, '0']]);
    expect(c.summary).toMatchObject({ errors: 1, score: '0', weight: '3', unscoredWeight: '0', grade: '差' });
  });

  it('totals every row exactly, past the number of weight cells it keeps', () => {
    // 2 500 distinct weight cells (the checker keeps 1 000), each some rows over, passing,
    // failing (points below the weight), unknown (unscored) and unreadable targets.
    const c = new RowChecker();
    const rows: CheckedRow[] = [...c.push(['三级指标', '全年指标值', '实际完成值', '分值'])];
    for (let i = 0; i < 10_000; i++) {
      const weight = `${(i * 7) % 2500}.${i % 3}`;
      const kind = i % 4;
      rows.push(...c.push([`x${i}`, kind === 3 ? '≥' : '≥10', kind === 0 ? '12' : kind === 1 ? '7' : kind === 2 ? '7件' : '1', weight]));
    }
    rows.push(...c.end());
    let weight = new Decimal(0), score = new Decimal(0), unscored = new Decimal(0);
    for (const r of rows) {
      const w = new Decimal(r.record!.weight!);
      weight = weight.plus(w);
      if (r.score?.score != null) score = score.plus(r.score.score);
      else unscored = unscored.plus(w);
    }
    expect(rows.filter((r) => r.score?.status === 'pass').length).toBe(2500);
    expect(c.summary).toMatchObject({ score: score.toFixed(), weight: weight.toFixed(), unscoredWeight: unscored.toFixed() });
    expect(c.summary.weight).not.toBe('0');
    expect(unscored.isZero()).toBe(false);
  });
});

describe('display width', () => {
  it('counts CJK and full-width characters as two columns, combining marks as none', () => {
    expect(displayWidth('三级指标')).toBe(8);
    expect(displayWidth('≥95%')).toBe(4);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('，。')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('😀')).toBe(2);
    expect(charWidth('\t')).toBe(0);
  });

  it('pads and cuts by display columns', () => {
    expect(padEnd('指标', 6)).toBe('指标  ');
    expect(padStart('1', 3)).toBe('  1');
    expect(truncate('一二三四五', 6)).toBe('一二…');
    expect(displayWidth(truncate('一二三四五', 6))).toBeLessThanOrEqual(6);
    expect(truncate('abc', 3)).toBe('abc');
  });
});
