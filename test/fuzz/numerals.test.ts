import { describe, expect, it } from 'vitest';
import { evaluate, IndicatorError, parseTarget, score, toJSON } from '../../src/index.js';
import { checkRows } from '../../src/table/index.js';

/**
 * A number written twice in one numeral (forms.md §9) is an error at the second number:
 * once it made the lexer build `1.5.5`, and decimal.js's plain Error killed parse,
 * evaluate, score and whole tables; `8101366189154伍拾` read as 50, the first number dropped.
 */
function error(f: () => unknown): IndicatorError {
  try {
    f();
  } catch (e) {
    if (e instanceof IndicatorError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('a number written twice in one numeral', () => {
  it.each([
    ['1.5点五', 3, '点五'],
    ['三点五点五', 3, '点五'],
    ['≥8101366189154伍拾', 14, '伍拾'],
    ['≥1伍拾', 2, '伍拾'],
    ['1.5五', 3, '五'],
    ['.5四', 2, '四'],
    ['≥50五十万元', 3, '五十万'],
  ])('%s → INVALID_NUMBER at the second number', (text, offset, found) => {
    const e = error(() => parseTarget(text));
    expect(e.code).toBe('INVALID_NUMBER');
    expect(text.slice(e.offset, e.offset + e.length)).toBe(found);
  });

  it('as an actual it is an unreadable actual; as a target, the typed error', () => {
    expect(evaluate('≥1', '1.5点五')).toMatchObject({ status: 'unknown', reason: { code: 'UNPARSEABLE_ACTUAL' } });
    expect(score('≥1', '1.5点五', 10)).toMatchObject({ score: null, status: 'unknown' });
    expect(error(() => evaluate('1.5点五', '1')).code).toBe('INVALID_NUMBER');
    expect(error(() => score('三点五点五', '1', 10)).code).toBe('INVALID_NUMBER');
  });

  it('the numerals people write still read as before', () => {
    const value = (t: string): unknown => (toJSON(parseTarget(t)) as { quantity: { value: string } }).quantity.value;
    expect(value('三点五')).toBe('3.5');
    expect(value('1点五')).toBe('1.5');
    expect(value('3万4000')).toBe('34000');
    expect(value('十亿3000万')).toBe('1030000000');
    expect(value('一万零五')).toBe('10005');
    expect(value('两千六')).toBe('2600');
    expect(value('≥1.5万元')).toBe('1.5');
    expect(toJSON(parseTarget('二〇二二年底前'))).toMatchObject({ date: { year: 2022, month: 12, day: 31 } });
    // Two Chinese digits in a row are a word, not a numeral.
    expect(parseTarget('一五一十').kind).toBe('qualitative');
  });

  it('in a table the cell is that row\'s error and every other row comes back', async () => {
    const rows = [['三级指标', '指标值', '实际完成值'], ['a', '≥1', '2'], ['b', '1.5点五', '2'], ['c', '≥1', '1.5点五'], ['d', '≥1', '0']];
    const out: Array<[number, string | null]> = [];
    for await (const r of checkRows(rows)) out.push([r.line, r.error?.code ?? r.verdict?.status ?? null]);
    expect(out.map((r) => r[0])).toEqual([2, 3, 4, 5]);
    expect(out[0]![1]).toBe('pass');
    expect(out[1]![1]).toBe('INVALID_NUMBER');
    expect(out[3]![1]).toBe('fail');
  });
});
