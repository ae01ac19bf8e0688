import { describe, expect, it } from 'vitest';
import { evaluate, format, parseQuantity, parseTarget, toJSON } from '../../src/index.js';
import { err, json, q, strip } from '../helpers.js';

/**
 * Forms of numbers, units and comparator words that budget systems export (issue 19,
 * forms.md §1–§4 and §9): a unit in brackets, rates, halves, short and spelled-out
 * comparator words, compound denominators, colon ratios, and units with no number.
 */
const quantity = (text: string) => json(text).quantity;

describe('a unit in brackets right after a bare number is its unit (forms §1)', () => {
  it.each([
    ['=5.00(万人次)', '=', q('5', '万人次', 'count', '50000', '人次')],
    ['≥12.00(次)', '>=', q('12', '次', 'count', '12', '次')],
    ['=100.00(%)', '=', q('100', '%', 'ratio', '1', '1')],
    ['≥13459.00(平方米)', '>=', q('13459', '平方米', 'area', '13459', '平方米')],
    ['≥13459.00（平方米）', '>=', q('13459', '平方米', 'area', '13459', '平方米')],
    ['≤3.5（万元）', '<=', q('3.5', '万元', 'currency', '35000', '元')],
    ['≥90 (分)', '>=', q('90', '分', 'score', '90', '分')],
    ['≤200(元/人)', '<=', q('200', '元/人', 'compound', '200', '元/人')],
  ])('%s', (text, op, quantity) => {
    expect(json(text)).toMatchObject({ kind: 'compare', op, implicit: false, quantity, note: null });
  });

  it('after a magnitude the bracket gives the magnitude its unit: 5.00万(元) is 5 万元', () => {
    expect(quantity('5.00万(元)')).toEqual(q('5', '万元', 'currency', '50000', '元'));
    expect(quantity('≥3千(人次)')).toEqual(q('3', '千人次', 'count', '3000', '人次'));
  });

  it('a magnitude alone in the bracket is the magnitude of the number: 30(万) is 300 000', () => {
    expect(quantity('30(万)')).toEqual(q('30', '万', 'number', '300000', '1'));
  });

  it('a second magnitude in the bracket (5万(万元)) is a note: which one was meant is unclear', () => {
    expect(json('5万(万元)')).toMatchObject({ quantity: { unit: '万' }, note: '万元' });
  });

  it('after a number with its unit the bracket stays a note or gloss', () => {
    expect(json('≥98%(百分比)')).toMatchObject({ op: '>=', quantity: { unit: '%' }, note: '百分比' });
    expect(json('100%(历史标准)')).toMatchObject({ quantity: { unit: '%' }, note: '历史标准' });
    expect(json('≥12次（次）')).toMatchObject({ quantity: { unit: '次' }, note: '次' });
  });

  it('a bracket that holds more than a unit stays a note', () => {
    expect(json('≥12(计划标准)')).toMatchObject({ quantity: { unit: '' }, note: '计划标准' });
    expect(json('≥12(次以上)')).toMatchObject({ quantity: { unit: '' }, note: '次以上' });
  });

  it('the unit in brackets decides the verdict (=5.00(万人次) is not met by 6人次)', () => {
    expect(evaluate('=5.00(万人次)', '6人次').status).toBe('fail');
    expect(evaluate('=5.00(万人次)', '5.2万人次').status).toBe('pass');
  });

  it('an actual value may carry its unit in brackets too', () => {
    expect(toJSON(parseQuantity('5.00(万人次)'))).toMatchObject({ unit: '万人次', base: { value: '50000' } });
  });
});

describe('rates after a quantity (forms §3)', () => {
  it.each([
    ['30万元一年', '=', q('30', '万元/年', 'compound', '300000', '元/年')],
    ['不超过30万一年', '<=', q('30', '万/年', 'compound', '300000', '1/年')],
    ['3次每年', '=', q('3', '次/年', 'compound', '3', '次/年')],
    ['7.2万一年', '=', q('7.2', '万/年', 'compound', '72000', '1/年')],
    ['≥2次每月', '>=', q('2', '次/月', 'compound', '2', '次/月')],
    ['≤500元每人', '<=', q('500', '元/人', 'compound', '500', '元/人')],
    ['1次每天', '=', q('1', '次/天', 'compound', '1', '次/天')],
    ['≤2小时每次', '<=', q('2', '小时/次', 'compound', '7200', '秒/次')],
    ['500元每人每月', '=', q('500', '元/人·月', 'compound', '500', '元/人·月')],
    ['3万一月', '=', q('3', '万/月', 'compound', '30000', '1/月')],
  ])('%s', (text, op, quantity) => {
    expect(json(text)).toMatchObject({ kind: 'compare', op, quantity });
  });

  it('colloquial elision never takes the 一 of a rate, but still reads 三万五 and 两千六', () => {
    expect(quantity('三万五').base.value).toBe('35000');
    expect(quantity('两千六').base.value).toBe('2600');
    expect(quantity('3万一千').base.value).toBe('31000');
    expect(quantity('十一年')).toEqual(q('11', '年', 'duration', '132', '月'));
  });

  it('不超过30万一年 is met by 28万 a year, not read as 301 000 years', () => {
    expect(evaluate('不超过30万一年', '28万一年').status).toBe('pass');
    expect(evaluate('不超过30万一年', '31万/年').status).toBe('fail');
  });

  it('at the start of a cell a rate word is no rate of a quantity', () => {
    expect(json('每年3次')).toMatchObject({ quantity: { unit: '次' } });
  });
});

describe('半 is one half where a numeral stands (forms §2)', () => {
  it.each([
    ['半小时内', '<=', q('0.5', '小时', 'duration', '1800', '秒')],
    ['半年', '=', q('0.5', '年', 'duration', '6', '月')],
    ['半个月', '=', q('0.5', '个月', 'duration', '0.5', '月')],
    ['一个半月', '=', q('1.5', '个月', 'duration', '1.5', '月')],
    ['两个半小时', '=', q('2.5', '个小时', 'duration', '9000', '秒')],
    ['两年半', '=', q('2.5', '年', 'duration', '30', '月')],
    ['≤3天半', '<=', q('3.5', '天', 'duration', '302400', '秒')],
    ['一年半以内', '<=', q('1.5', '年', 'duration', '18', '月')],
  ])('%s', (text, op, quantity) => {
    expect(json(text)).toMatchObject({ kind: 'compare', op, quantity });
  });

  it('半 inside words stays a word', () => {
    expect(json('过半')).toMatchObject({ kind: 'qualitative', term: '过半' });
    expect(json('半数以上')).toMatchObject({ kind: 'qualitative' });
  });
});

describe('comparator words (forms §4)', () => {
  it.each([
    ['不超5天', '<=', '5', '天'],
    ['审批不超10个工作日', '<=', '10', '个工作日'],
    ['小于或者等于6小时', '<=', '6', '小时'],
    ['大于或者等于95%', '>=', '95', '%'],
    ['5人及其以下', '<=', '5', '人'],
    ['5人及其以上', '>=', '5', '人'],
    ['5人或者以上', '>=', '5', '人'],
    ['50万元（含）以上', '>=', '50', '万元'],
    ['5人（含）以下', '<=', '5', '人'],
    ['5人以上（不含）', '>', '5', '人'],
    ['5人以下（不含）', '<', '5', '人'],
  ])('%s', (text, op, value, unit) => {
    expect(json(text)).toMatchObject({ kind: 'compare', op, implicit: false, quantity: { value, unit } });
  });

  it('the label before 不超 is the label, the word itself is the comparator', () => {
    expect(json('总成本不超20万')).toMatchObject({ label: '总成本', op: '<=' });
  });
});

describe('compound units with a second / or a 、 in the denominator (forms §3)', () => {
  it.each([
    ['5元/人/月', q('5', '元/人·月', 'compound', '5', '元/人·月')],
    ['≥500元/人、天', q('500', '元/人·天', 'compound', '500', '元/人·天')],
    ['2万元/人/年', q('2', '万元/人·年', 'compound', '20000', '元/人·年')],
  ])('%s', (text, quantity) => {
    expect(json(text)).toMatchObject({ kind: 'compare', quantity });
  });

  it('a 、 before a second target still separates the targets', () => {
    expect(json('≥500元/人、≥3次').kind).toBe('all');
    expect(json('500元/人、3天').targets).toHaveLength(2);
  });
});

describe('a slash with no unit after it', () => {
  it('is no part of the unit (52/以内 had the unit "/", which format could not read back)', () => {
    expect(err('52/以内').code).toBe('UNEXPECTED_TOKEN');
    expect(quantity('620万/月')).toMatchObject({ unit: '万/月', base: { value: '6200000', unit: '1/月' } });
  });
});

describe('ratios written with a colon (forms §3)', () => {
  it.each([
    ['1:1', '1', ':1', '1', true],
    ['1：0.5', '1', ':0.5', '2', true],
    ['≥1:1', '1', ':1', '1', true],
    ['3:7', '3', ':7', '0.42857142857142857143', false],
  ])('%s', (text, value, unit, base, exact) => {
    const got = quantity(text);
    expect(got).toMatchObject({ value, unit, dimension: 'ratio', base: { value: base, unit: '1' } });
    expect(got.exact ?? true).toBe(exact);
  });

  it('compares exactly with other ratios (1:0.5 is 200 %)', () => {
    expect(evaluate('≥1:1', '1.2:1').status).toBe('pass');
    expect(evaluate('=1:0.5', '200%').status).toBe('pass');
    expect(evaluate('≥3:7', '0.42:1').status).toBe('fail');
  });

  it('with spaces around the colon, after a label; not before a unit', () => {
    expect(quantity('1 : 2')).toMatchObject({ unit: ':2', base: { value: '0.5' } });
    expect(json('配套比例1：0.5')).toMatchObject({ label: '配套比例', quantity: { unit: ':0.5', base: { value: '2' } } });
    expect(err('1:95%').code).not.toBe('INVALID_NUMBER');
    expect(() => parseTarget('1:95%')).toThrow();
  });

  it('a ratio to zero is an invalid number', () => {
    expect(err('1:0')).toMatchObject({ code: 'INVALID_NUMBER', offset: 1, length: 2 });
  });
});

describe('a unit or magnitude with no number is MISSING_NUMBER (forms §9)', () => {
  it.each([
    ['万人', 0, 2], ['公里', 0, 2], ['%', 0, 1], ['亿元', 0, 2], ['万', 0, 1], ['人次', 0, 2],
    ['元/人/月', 0, 5], [' 平方米 ', 1, 3], ['%(百分比)', 0, 1],
  ])('%s', (text, offset, length) => {
    expect(err(text)).toMatchObject({ code: 'MISSING_NUMBER', offset, length });
  });

  it('the message says the number is missing before the unit, and still after a comparator', () => {
    expect(err('万人')).toMatchObject({ zh: '“万人”之前缺少数值', en: 'A number is missing before "万人"' });
    expect(err('≥')).toMatchObject({ zh: '“≥”之后缺少数值', en: 'A number is missing after "≥"' });
  });

  it('an actual value that is only a unit is MISSING_NUMBER as well', () => {
    expect(() => parseQuantity('%')).toThrow(expect.objectContaining({ code: 'MISSING_NUMBER', offset: 0, length: 1 }));
  });

  it('terms that hold unit characters, numerals and answers stay what they were', () => {
    for (const t of ['达标', '满意', '健全', '年度考核合格', '对', '是']) expect(json(t).kind).toBe('qualitative');
    expect(quantity('十')).toEqual(q('10', '', 'number', '10', '1'));
  });
});

describe('every new form formats back to itself', () => {
  it.each([
    ['=5.00(万人次)', '=5万人次'], ['5.00万(元)', '5万元'], ['30万元一年', '30万元/年'], ['不超过30万一年', '≤30万/年'],
    ['3次每年', '3次/年'], ['500元每人每月', '500元/人·月'], ['半小时内', '≤0.5小时'], ['一个半月', '1.5个月'], ['两年半', '2.5年'],
    ['不超5天', '≤5天'], ['小于或者等于6小时', '≤6小时'], ['5人及其以下', '≤5人'], ['≥500元/人、天', '≥500元/人·天'],
    ['5元/人/月', '5元/人·月'], ['1:1', '1:1'], ['1：0.5', '1:0.5'], ['3:7', '3:7'],
  ])('%s → %s', (text, formatted) => {
    const t = parseTarget(text);
    expect(format(t)).toBe(formatted);
    expect(strip(toJSON(parseTarget(format(t))))).toEqual(strip(toJSON(t)));
  });
});
