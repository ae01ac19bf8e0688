import { describe, expect, it } from 'vitest';
import { evaluate, toJSON } from '../../src/index.js';
import { brief, code, points, status } from './helpers.js';

const actualDate = (target: string, actual: unknown, options?: { year?: number }) =>
  (toJSON(evaluate(target, actual as string, options)) as { actual: unknown }).actual;

describe('actual dates in every written form', () => {
  it.each([
    ['2022-11-30', '2022-11-30'], ['2022年11月30日', '2022-11-30'], ['2022.11.30', '2022-11-30'], ['2022/11/30', '2022-11-30'],
    ['20221130', '2022-11-30'], ['2022年11月', '2022-11'], ['2022-11', '2022-11'], ['2022.11', '2022-11'], ['2022年', '2022'],
    ['7月', '--07'], ['11月30日', '--11-30'], ['二〇二二年十一月', '2022-11'], ['2022年11月底', '2022-11-30'],
    ['已于2022年11月30日完成', '2022-11-30'], ['2022年11月30日已完成', '2022-11-30'], ['2022年11月30日完成', '2022-11-30'],
    ['2022年11月30日前', '../2022-11-30'], ['截至2022年11月', '../2022-11'],
    ['2022年1月-2022年11月', '2022-01/2022-11'], ['2022.01.01-2022.11.30', '2022-01-01/2022-11-30'], ['2022年第三季度', '2022-07/2022-09'],
  ])('%s is read as %s', (text, iso) => {
    expect(actualDate('2022年12月31日前', text)).toEqual({ date: iso });
  });

  it('a JS Date is its local calendar day', () => {
    expect(actualDate('2022年12月31日前', new Date(2022, 10, 30, 23, 59))).toEqual({ date: '2022-11-30' });
    expect(code('2022年12月31日前', new Date(NaN))).toBe('UNPARSEABLE_ACTUAL');
  });

  it('a date that does not exist is no date', () => {
    expect(code('2022年12月31日前', '2022-02-30')).toBe('UNPARSEABLE_ACTUAL');
    expect(code('2022年12月31日前', '2022-13')).toBe('UNPARSEABLE_ACTUAL');
  });
});

describe('deadlines', () => {
  it('pass on or before, fail after, op <= written', () => {
    expect(brief('2022年12月31日前', '2022-12-31')).toMatchObject({ status: 'pass', op: '<=', opSource: 'written', margin: null, completion: null });
    expect(brief('2022年12月31日前', '2023-01-01')).toMatchObject({ status: 'fail', code: 'LATE' });
    expect(status('2022年12月31日前', '2022年11月')).toBe('pass');
  });

  it('compares at the coarser precision; a straddling actual is IMPRECISE_DATE', () => {
    expect(brief('2022年12月15日前', '2022年12月')).toMatchObject({ status: 'unknown', code: 'IMPRECISE_DATE' });
    expect(status('2022年12月15日前', '2022年11月')).toBe('pass');
    expect(status('2022年12月15日前', '2023年')).toBe('fail');
    expect(code('2022年6月30日前', '2022年')).toBe('IMPRECISE_DATE');
    expect(status('2022年12月', '2022-12-15')).toBe('pass');
    expect(status('2022年', '2022年')).toBe('pass');
  });

  it('9月前 is met by any day of September or earlier', () => {
    expect(status('9月前', '7月')).toBe('pass');
    expect(status('9月前', '9月30日')).toBe('pass');
    expect(brief('9月前', '10月1日')).toMatchObject({ status: 'fail', code: 'LATE' });
  });

  it('an actual without a year takes the target\'s year', () => {
    expect(status('2022年12月15日前', '12月10日')).toBe('pass');
    expect(status('2022年12月15日前', '12月16日')).toBe('fail');
  });

  it('a target without a year takes options.year; an actual with a year needs it', () => {
    expect(brief('12月底前', '2022-11-30')).toMatchObject({ status: 'unknown', code: 'NEEDS_YEAR' });
    expect(status('12月底前', '2022-11-30', { year: 2022 })).toBe('pass');
    expect(status('12月底前', '2023-01-05', { year: 2022 })).toBe('fail');
    expect(status('年底前', '11月', { year: 2022 })).toBe('pass');
  });

  it('within one year when neither side has one', () => {
    expect(status('12月底前', '11月')).toBe('pass');
    expect(status('6月30日前', '7月1日')).toBe('fail');
    expect(code('6月30日前', '6月')).toBe(null);
  });

  it('an actual "on or before" a date passes when that date is in time, else is imprecise', () => {
    expect(status('2022年12月31日前', '2022年11月30日前')).toBe('pass');
    expect(code('2022年11月15日前', '2022年11月30日前')).toBe('IMPRECISE_DATE');
  });

  it('an actual period is done at its end', () => {
    expect(status('2022年12月31日前', '2022年1月-2022年11月')).toBe('pass');
    expect(status('2022年10月31日前', '2022年1月-2022年11月')).toBe('fail');
  });

  it('words and other kinds', () => {
    expect(status('2022年12月31日前', '按时完成')).toBe('pass');
    expect(brief('2022年12月31日前', '逾期完成')).toMatchObject({ status: 'fail', code: 'NOT_ACHIEVED' });
    expect(code('2022年12月31日前', '95%')).toBe('KIND_MISMATCH');
    expect(code('2022年12月31日前', 2022)).toBe('KIND_MISMATCH');
    expect(code('2022年12月31日前', '下个月')).toBe('UNPARSEABLE_ACTUAL');
  });
});

describe('periods', () => {
  it('pass when the actual date lies inside', () => {
    expect(status('2020年1月--2020年11月', '2020年7月')).toBe('pass');
    expect(status('2020年1月--2020年11月', '2020-11-30')).toBe('pass');
    expect(brief('2020年1月--2020年11月', '2020年12月')).toMatchObject({ status: 'fail', code: 'OUTSIDE_PERIOD' });
    expect(status('2020年1月--2020年11月', '2019-12-31')).toBe('fail');
    expect(code('2020年1月--2020年11月', '2020年')).toBe('IMPRECISE_DATE');
  });

  it('an actual period passes when it lies inside, fails when it surely leaves it', () => {
    expect(status('2020年1月--2020年11月', '2020.02-2020.10')).toBe('pass');
    expect(status('2020年1月--2020年11月', '2020.02-2020.12')).toBe('fail');
    expect(status('2020.1.1-2020.12.31', '2019.12-2020.03')).toBe('fail');
  });

  it('years: the target\'s, options.year, or NEEDS_YEAR', () => {
    expect(status('2021年1月-12月', '7月')).toBe('pass');
    expect(brief('2023.07-2024.01', '8月')).toMatchObject({ status: 'unknown', code: 'NEEDS_YEAR' });
    expect(status('2023.07-2024.01', '8月', { year: 2023 })).toBe('pass');
    expect(status('第三季度', '8月')).toBe('pass');
    expect(status('第三季度', '10月')).toBe('fail');
    expect(code('第三季度', '2022年8月')).toBe('NEEDS_YEAR');
    expect(status('第三季度', '2022年8月', { year: 2022 })).toBe('pass');
  });
});

describe('a year with its end words, the whole year and month spans (issue 19)', () => {
  it('a year\'s end words are a deadline at its last day', () => {
    expect(status('2024年年底前', '2024-12-31')).toBe('pass');
    expect(brief('2024年年底前', '2025-01-02')).toMatchObject({ status: 'fail', code: 'LATE', op: '<=', opSource: 'written' });
    expect(status('2024年年末', '2024年12月')).toBe('pass');
    expect(status('2024年年内', '2024年11月30日完成')).toBe('pass');
    expect(status('2024年年内', '2025年1月')).toBe('fail');
  });

  it('全年 passes when the actual date or period lies inside the year', () => {
    expect(status('2024年全年', '2024年12月')).toBe('pass');
    expect(status('2024年全年', '2024年1月-2024年12月')).toBe('pass');
    expect(brief('2024年全年', '2025年1月')).toMatchObject({ status: 'fail', code: 'OUTSIDE_PERIOD', op: null });
    expect(status('2024年全年', '2024年3月-2025年2月')).toBe('fail');
    expect(status('全年', '12月')).toBe('pass');
    expect(status('全年', '已完成')).toBe('pass');
    expect(brief('全年', '未完成')).toMatchObject({ status: 'fail', code: 'NOT_ACHIEVED' });
  });

  it('全年 without a year takes options.year; an actual with a year needs one (contract.md, "Dates")', () => {
    expect(brief('全年', '2024年12月')).toMatchObject({ status: 'unknown', code: 'NEEDS_YEAR' });
    expect(status('全年', '2024年12月', { year: 2024 })).toBe('pass');
    expect(status('全年', '2023年12月', { year: 2024 })).toBe('fail');
  });

  it('a month span holds the months of the reference year', () => {
    expect(status('3-6月', '4月')).toBe('pass');
    expect(status('3-6月', '6月30日')).toBe('pass');
    expect(brief('3-6月', '7月')).toMatchObject({ status: 'fail', code: 'OUTSIDE_PERIOD' });
    expect(code('3-6月', '2024年5月')).toBe('NEEDS_YEAR');
    expect(status('3-6月', '2024年5月', { year: 2024 })).toBe('pass');
    expect(status('2022年1-12月', '2022-06-30')).toBe('pass');
    expect(status('2022年1-12月', '2023-01-01')).toBe('fail');
    expect(code('3-6月', '2024年')).toBe('NEEDS_YEAR');
    expect(code('3-6月', '2024年', { year: 2024 })).toBe('IMPRECISE_DATE');
  });

  it('a date cell beside ≤ is judged as the deadline it is', () => {
    expect(status('≤2024年12月31日', '2024年12月31日')).toBe('pass');
    expect(status('=2024年6月30日', '2024-07-01')).toBe('fail');
  });

  it('scores: W on pass, the lower end of the fail band otherwise, null when unknown', () => {
    expect(points('2024年全年', '2024年12月', 10)).toBe('10');
    expect(points('2024年全年', '2025年1月', 10)).toBe('0');
    expect(points('2024年年底前', '2025-01-02', 10, { band: 1 })).toBe('5.99');
    expect(points('3-6月', '2024年5月', 10)).toBe(null);
    expect(points('全年', '基本完成', 10)).toBe('6');
  });
});
