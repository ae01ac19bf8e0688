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

describe('forms §7: a year with its own end words, the whole year, month spans (issue 19)', () => {
  it.each([
    ['2024年年底前'], ['2024年年末'], ['2024年底前'], ['2024年年内'], ['2024年年底'], ['2024年年终'], ['2024年内完成'],
    ['2024年度内'], ['二〇二四年年底前'], ['2024年年底前完成'], ['截至2024年年末'],
  ])('%s is the deadline 2024-12-31', (text) => {
    expect(json(text)).toMatchObject({ kind: 'deadline', op: '<=', date: date(2024, 12, 31), text });
  });

  it('2024年年内 is the same target as 2024年底前', () => {
    const { text: _a, ...a } = json('2024年年内');
    const { text: _b, ...b } = json('2024年底前');
    expect(a).toEqual(b);
  });

  it.each([
    ['2024年全年', date(2024, 1, null), date(2024, 12, null)], ['二〇二三年全年', date(2023, 1, null), date(2023, 12, null)],
    ['全年', date(null, 1, null), date(null, 12, null)], ['全年（计划标准）', date(null, 1, null), date(null, 12, null)],
    ['=全年', date(null, 1, null), date(null, 12, null)],
  ])('%s is the whole year, a period from January to December', (text, from, to) => {
    expect(json(text)).toMatchObject({ kind: 'period', from, to, text });
  });

  it('全年 takes the reference year; before other words it stays part of the text', () => {
    expect(json('全年', { year: 2024 })).toMatchObject({ from: date(2024, 1, null), to: date(2024, 12, null) });
    expect(json('2023年全年', { year: 2024 })).toMatchObject({ from: date(2023, 1, null), to: date(2023, 12, null) });
    // Real cells (Songgang): the whole year names when, not the target; before a count it is its label.
    expect(json('全年至少提交一件政协委员社情民意')).toMatchObject({ kind: 'compare', op: '>=', label: '全年', quantity: { value: '1', unit: '件' } });
    expect(json('全年，地面坍塌易发区、市政道路')).toMatchObject({ kind: 'qualitative' });
    expect(json('全年开展培训')).toMatchObject({ kind: 'qualitative', term: '全年开展培训' });
  });

  it.each([
    ['3-6月', date(null, 3, null), date(null, 6, null)], ['1-12月', date(null, 1, null), date(null, 12, null)],
    ['1-12月份', date(null, 1, null), date(null, 12, null)], ['三至六月', date(null, 3, null), date(null, 6, null)],
    ['7~9月', date(null, 7, null), date(null, 9, null)], ['2022年1-12月', date(2022, 1, null), date(2022, 12, null)],
    ['2021年1月-12月', date(2021, 1, null), date(2021, 12, null)], ['2023年3-5月', date(2023, 3, null), date(2023, 5, null)],
  ])('%s is a span of months', (text, from, to) => {
    expect(json(text)).toMatchObject({ kind: 'period', from, to, text });
  });

  it('a month span takes the reference year, the written year first', () => {
    expect(json('3-6月', { year: 2024 })).toMatchObject({ from: date(2024, 3, null), to: date(2024, 6, null) });
    expect(json('2022年1-12月', { year: 2024 })).toMatchObject({ from: date(2022, 1, null), to: date(2022, 12, null) });
  });

  it('a span of durations stays one: 个月, after a comparator, or from a number that is no month', () => {
    const months = (v: string) => ({ value: v, dimension: 'duration', base: { value: v, unit: '月' } });
    expect(json('3-6个月')).toMatchObject({ kind: 'range', min: months('3'), max: months('6') });
    expect(json('0-6月')).toMatchObject({ kind: 'range', min: months('0'), max: months('6') });
    expect(json('3-13月')).toMatchObject({ kind: 'range', min: months('3'), max: months('13') });
    // After a comparator 月 is an amount of time (contract.md, "Dates"): ≤ with a range contradicts it.
    expect(err('≤3-6月').code).toBe('CONFLICTING_OPS');
    expect(json('约3个月')).toMatchObject({ kind: 'approx' });
  });

  it('a month that does not exist is no month span', () => {
    expect(err('2022年1-13月')).toMatchObject({ code: 'INVALID_DATE', offset: 7, length: 3 });
    expect(json('12-1月')).toMatchObject({ kind: 'period', from: date(null, 12, null), to: date(null, 1, null) });
  });
});

describe('dates with what is done by them (Songgang cells)', () => {
  it.each([
    ['11月份完成验收', date(null, 11, null)], ['11月完成验收', date(null, 11, null)], ['11月前完成发放', date(null, 11, null)],
    ['11月份之前', date(null, 11, null)], ['11月份之前完成', date(null, 11, null)], ['2024年11月份', date(2024, 11, null)],
  ])('%s is a deadline', (text, d) => {
    expect(json(text)).toMatchObject({ kind: 'deadline', op: '<=', date: d, note: null });
  });

  it('words after a deadline word or a word of completion are the note', () => {
    expect(json('在2023年6月之前出具报告')).toMatchObject({ kind: 'deadline', date: date(2023, 6, null), note: '出具报告' });
    expect(json('年终完成支出进度')).toMatchObject({ kind: 'deadline', date: date(null, 12, 31), note: '支出进度' });
    expect(json('12月前能完成发放')).toMatchObject({ kind: 'deadline', date: date(null, 12, null), note: '能完成发放' });
    expect(json('12月底前完成验收（计划标准）')).toMatchObject({ note: '计划标准' });
    expect(json('12月底前完成报告（计划标准）')).toMatchObject({ note: '计划标准；报告' });
  });

  it('a word right after a date is no part of it', () => {
    expect(err('2022年度报告')).toMatchObject({ code: 'UNEXPECTED_TOKEN', offset: 5, length: 3 });
  });
});

describe('a comparator before a date (an op column beside a date cell)', () => {
  it.each([['≤2024年12月31日'], ['<2024年12月31日'], ['=2024年12月31日'], ['≤2024-12-31'], ['小于等于2024年12月31日'], ['≤2024年12月31日前']])('%s is the deadline', (text) => {
    expect(json(text)).toMatchObject({ kind: 'deadline', op: '<=', date: date(2024, 12, 31) });
  });

  it('after a comparator a month with its day or its end is a date; a month alone is months', () => {
    expect(json('≤12月31日')).toMatchObject({ kind: 'deadline', date: date(null, 12, 31) });
    expect(json('=12月底前')).toMatchObject({ kind: 'deadline', date: date(null, 12, 31) });
    expect(json('≤12月').quantity).toMatchObject({ unit: '月', dimension: 'duration' });
  });

  it('=, before a period, says nothing more', () => {
    expect(json('=2024年1月-2024年6月')).toMatchObject({ kind: 'period', from: date(2024, 1, null), to: date(2024, 6, null) });
  });

  it('≥, >, ≠ before a date, or ≤ before a period, contradict it', () => {
    expect(err('≥2024年12月31日')).toMatchObject({ code: 'CONFLICTING_OPS', offset: 0, length: 1 });
    expect(err('≥2024年12月31日前').en).toContain('"前"');
    expect(err('≠2024-12-31').code).toBe('CONFLICTING_OPS');
    expect(err('≤2024年1月-2024年6月').code).toBe('CONFLICTING_OPS');
    expect(err('≤全年')).toMatchObject({ code: 'CONFLICTING_OPS', offset: 0, length: 1 });
    expect(err('≤第三季度').code).toBe('CONFLICTING_OPS');
  });

  it('after a comparator a year alone is still an amount of years', () => {
    expect(json('≤2024年').quantity).toMatchObject({ unit: '年', dimension: 'duration' });
    expect(json('=5年').quantity).toMatchObject({ unit: '年', dimension: 'duration' });
  });
});

describe('a deadline that recurs every month is no date (the spec gives it no reading)', () => {
  it.each([
    ['每月8号前报送', 0, 4], ['每月25日前发布家政服务岗位', 0, 5], ['每个月5号', 0, 5], ['按时报送，每月8号前报送', 5, 4],
  ])('%s is RECURRING_DEADLINE at the recurring day', (text, offset, length) => {
    const e = err(text, { locale: 'en' });
    expect(e).toMatchObject({ code: 'RECURRING_DEADLINE', offset, length });
    expect(e.en).toContain('recurs every month');
    expect(e.zh).toContain('每月重复的期限');
  });

  it('a count or an amount of days each month is no deadline', () => {
    expect(json('每月8次')).toMatchObject({ kind: 'compare', label: '每月', quantity: { value: '8', unit: '次' } });
    expect(json('每月2日内')).toMatchObject({ kind: 'compare', op: '<=', label: '每月', quantity: { value: '2', unit: '日' } });
  });
});
