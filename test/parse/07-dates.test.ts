import { describe, expect, it } from 'vitest';
import { err, json } from '../helpers.js';

const date = (year: number | null, month: number | null, day: number | null) => ({ year, month, day });

describe('forms §7: deadlines, dates and periods', () => {
  it.each([
    ['2022年12月31日前', date(2022, 12, 31)], ['2022年12月底前', date(2022, 12, 31)], ['12月底前完成', date(null, 12, 31)],
    ['6月30日前', date(null, 6, 30)], ['年底前', date(null, 12, 31)], ['年内完成', date(null, 12, 31)], ['2022年底', date(2022, 12, 31)],
    ['2022.12.31前', date(2022, 12, 31)], ['2022-12-31前', date(2022, 12, 31)], ['2022/12/31前', date(2022, 12, 31)],
    ['2023年12月31日', date(2023, 12, 31)], ['2021年7月', date(2021, 7, null)], ['2020年', date(2020, null, null)],
    ['12月底到位', date(null, 12, 31)], ['每年12月底前', date(null, 12, 31)], ['9月前', date(null, 9, null)],
    ['2022年2月底', date(2022, 2, 28)], ['2024年2月底', date(2024, 2, 29)], ['二〇二二年十二月三十一日前', date(2022, 12, 31)],
    ['2022年6月30号前', date(2022, 6, 30)], ['2022-11', date(2022, 11, null)], ['2022/11前', date(2022, 11, null)],
    ['2月底前', date(null, 2, 29)], ['第三季度末', date(null, 9, 30)], ['截至2022年12月31日', date(2022, 12, 31)],
  ])('%s is a deadline', (text, d) => {
    expect(json(text)).toMatchObject({ kind: 'deadline', op: '<=', date: d, text });
  });

  it('每年 is kept as a modifier', () => {
    expect(json('每年12月底前').modifiers).toEqual(['每年']);
  });

  it('resolves a missing year from options.year', () => {
    expect(json('12月底前', { year: 2023 }).date).toEqual(date(2023, 12, 31));
    expect(json('年底前', { year: 2023 }).date).toEqual(date(2023, 12, 31));
    expect(json('2月底前', { year: 2024 }).date).toEqual(date(2024, 2, 29));
    expect(json('2022年6月前', { year: 2023 }).date).toEqual(date(2022, 6, null));
  });

  it.each([
    ['第三季度', date(null, 7, null), date(null, 9, null)], ['2022年第一季度', date(2022, 1, null), date(2022, 3, null)],
    ['2020年1月--2020年11月', date(2020, 1, null), date(2020, 11, null)], ['2021年1月-12月', date(2021, 1, null), date(2021, 12, null)],
    ['2020.1.1-2020.12.31', date(2020, 1, 1), date(2020, 12, 31)], ['2023.07-2024.01', date(2023, 7, null), date(2024, 1, null)],
    ['2022年3月至2022年6月', date(2022, 3, null), date(2022, 6, null)], ['2022-01-2022-11', date(2022, 1, null), date(2022, 11, null)],
  ])('%s is a period', (text, from, to) => {
    expect(json(text)).toMatchObject({ kind: 'period', from, to });
  });

  it('月/年 after a comparator is a duration, not a date', () => {
    expect(json('=5年').quantity).toMatchObject({ unit: '年', dimension: 'duration', base: { value: '60', unit: '月' } });
    expect(json('≥1个月').quantity).toMatchObject({ unit: '个月', dimension: 'duration' });
    expect(json('≤12月').quantity).toMatchObject({ unit: '月', dimension: 'duration' });
  });

  it('rejects dates that do not exist and periods that end before they start', () => {
    expect(err('2022年2月30日前').code).toBe('INVALID_DATE');
    expect(err('2022年13月前').code).toBe('INVALID_DATE');
    expect(err('2022年6月-2022年3月').code).toBe('EMPTY_RANGE');
  });
});
