import { describe, expect, it } from 'vitest';
import { json } from '../helpers.js';

const value = (text: string): string => json(text).quantity.value;
const base = (text: string): string => json(text).quantity.base.value;

describe('forms §2: numbers', () => {
  it.each([
    ['50', '50'], ['3.37', '3.37'], ['0.5', '0.5'], ['1,200', '1200'], ['1，200.5', '1200.5'], ['-5', '-5'],
    ['12,345,678.90', '12345678.9'], ['+7', '7'], ['0.10', '0.1'], ['007', '7'],
  ])('Arabic %s → %s', (text, v) => expect(value(text)).toBe(v));

  it.each([
    ['.5', '0.5', null], ['-.5', '-0.5', null], ['+.5%', '0.5', null], ['.5万元', '0.5', null], ['≥.95', '0.95', null],
    ['满意度≥.95', '0.95', '满意度'], ['百分之.5', '0.5', null],
  ])('a point before the first digit: %s → %s, never a `.` label before the digits', (text, v, label) => {
    expect(value(text)).toBe(v);
    expect(json(text).label).toBe(label);
  });

  it('reads a second point-number as a second number (1.2.3 is no number)', () => {
    expect(() => json('1.2.3')).toThrow(expect.objectContaining({ code: 'UNEXPECTED_TOKEN', offset: 3, length: 2 }));
  });

  it.each([
    ['三', '3'], ['两', '2'], ['十二', '12'], ['一百二十', '120'], ['二〇二二', '2022'], ['壹佰', '100'],
    ['玖仟捌佰柒拾陆', '9876'], ['一千零一', '1001'], ['十', '10'], ['一亿零一', '100000001'], ['三点五', '3.5'],
  ])('Chinese %s → %s', (text, v) => expect(value(text)).toBe(v));

  it.each([
    ['三万五', '35000'], ['两千六', '2600'], ['3万4000', '34000'], ['25万6千', '256000'], ['十亿3000万', '1030000000'],
    ['一万零十二', '10012'], ['一百二', '120'], ['3万4', '34000'], ['3万亿5000亿', '3500000000000'],
  ])('colloquial %s → %s', (text, v) => expect(value(text)).toBe(v));

  it('25万6千元 is value 256000, unit 元 (contract)', () => {
    expect(json('25万6千元').quantity).toMatchObject({ value: '256000', unit: '元', base: { value: '256000', unit: '元' } });
  });

  it.each([
    ['百分之九十', '90', '%', '0.9'], ['百分之95', '95', '%', '0.95'], ['千分之一', '1', '‰', '0.001'],
    ['万分之五', '5', '‱', '0.0005'], ['百分之十二点五', '12.5', '%', '0.125'],
  ])('spelled ratio %s', (text, v, unit, b) => {
    expect(json(text).quantity).toMatchObject({ value: v, unit, dimension: 'ratio', base: { value: b, unit: '1' } });
  });

  it('三分之二 is exact inside and rounded to 20 significant digits in JSON', () => {
    expect(json('三分之二').quantity).toMatchObject({ value: '0.66666666666666666667', exact: false, dimension: 'number' });
    expect(json('4分之1').quantity).toMatchObject({ value: '0.25' });
    expect(json('4分之1').quantity.exact).toBeUndefined();
  });

  it.each([
    ['50亿元', '50', '亿元', '5000000000'], ['3.5万人', '3.5', '万人', '35000'], ['1000万平方米', '1000', '万平方米', '10000000'],
    ['1.5万', '1.5', '万', '15000'], ['3千万', '3', '千万', '30000000'], ['5百万元', '5', '百万元', '5000000'],
    ['2十亿元', '2', '十亿元', '2000000000'], ['1万亿元', '1', '万亿元', '1000000000000'], ['三千万元', '3000', '万元', '30000000'],
    ['五万元', '5', '万元', '50000'], ['8千元', '8', '千元', '8000'], ['3百亿元', '3', '百亿元', '30000000000'],
  ])('magnitude %s → value %s unit %s base %s', (text, v, unit, b) => {
    expect(json(text).quantity).toMatchObject({ value: v, unit, base: { value: b } });
  });

  it('a magnitude with no unit is a plain number (contract: unit 亿, dimension number, base unit 1)', () => {
    expect(json('50亿').quantity).toEqual({ value: '50', unit: '亿', dimension: 'number', base: { value: '5000000000', unit: '1' }, known: true });
    expect(json('95').quantity).toEqual({ value: '95', unit: '', dimension: 'number', base: { value: '95', unit: '1' }, known: true });
  });

  it('is exact: no binary floating point anywhere', () => {
    expect(base('0.1亿元')).toBe('10000000');
    expect(base('1.1万元')).toBe('11000');
    expect(base('0.3万元')).toBe('3000');
    expect(base('123456789012345678901234567890.123456789万元')).toBe('1234567890123456789012345678901234.56789');
    expect(base('5230000万元')).toBe(base('523亿元'));
  });
});
