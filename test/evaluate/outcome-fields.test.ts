import { describe, expect, it } from 'vitest';
import { evaluate, toJSON, type Actual, type EvaluateOptions } from '../../src/index.js';

/**
 * Outcomes that an evaluator takes from another and completes (a deadline's op added to a
 * shared outcome, the actual and its assumed unit added to a unit mismatch): every field of
 * the verdict, not only its status and code, so that a copy that drops or adds one fails.
 */
const fields = (target: string, actual: Actual, options?: EvaluateOptions) => {
  const j = toJSON(evaluate(target, actual, options)) as unknown as Record<string, unknown>;
  const reason = j['reason'] as { code: string } | null;
  return { status: j['status'], op: j['op'], opSource: j['opSource'], code: reason?.code ?? null, assumedUnit: j['assumedUnit'], actual: j['actual'], margin: j['margin'], completion: j['completion'] };
};

const pct = (value: string, base: string) => ({ value, unit: '%', dimension: 'ratio', base: { value: base, unit: '1' }, known: true });

describe('a deadline judges by ≤ as written, whatever decided its outcome', () => {
  it.each([
    ['a year only the actual has', '12月底前', '2022-11-30', 'unknown', 'NEEDS_YEAR', { date: '2022-11-30' }],
    ['a quantity', '12月底前', '95%', 'unknown', 'KIND_MISMATCH', pct('95', '0.95')],
    ['a word of achievement', '12月底前', '已完成', 'pass', null, { term: '已完成' }],
    ['a missing actual', '12月底前', '', 'unknown', 'MISSING_ACTUAL', null],
    ['a late date', '2022年12月底前', '2023-01-02', 'fail', 'LATE', { date: '2023-01-02' }],
    ['a date in time', '2022年12月底前', '2022-12-31', 'pass', null, { date: '2022-12-31' }],
    ['a month around the deadline', '2022年12月15日前', '2022年12月', 'unknown', 'IMPRECISE_DATE', { date: '2022-12' }],
  ])('%s', (_, target, actual, status, code, shown) => {
    expect(fields(target, actual)).toEqual({
      status, op: '<=', opSource: 'written', code, assumedUnit: null, actual: shown, margin: null, completion: null,
    });
  });

  it('its messages name the deadline in the year it was resolved to', () => {
    expect(evaluate('12月底前', '2023-01-02', { year: 2022 }).reason?.messages.zh).toBe('实际日期 2023-01-02 晚于期限 2022年12月31日');
    expect(evaluate('12月15日前', '12月', { year: 2022 }).reason?.messages.en).toContain('2022年12月15日');
  });
});

describe('a unit mismatch keeps the actual it was found on', () => {
  it('a tolerance that does not fit the ≈ target: the actual, and the unit assumed for the target', () => {
    expect(fields('90左右', '88%', { tolerance: '2天' })).toEqual({
      status: 'unknown', op: null, opSource: null, code: 'UNIT_MISMATCH', assumedUnit: '%', actual: pct('88', '0.88'), margin: null, completion: null,
    });
  });

  it('an amount of change that does not fit the values: the value and its baseline', () => {
    expect(fields('提高2天', { value: '92%', baseline: '90%' })).toEqual({
      status: 'unknown', op: null, opSource: null, code: 'UNIT_MISMATCH', assumedUnit: null,
      actual: { value: pct('92', '0.92'), baseline: pct('90', '0.9') }, margin: null, completion: null,
    });
  });
});

describe('a level to keep is the target\'s own amount', () => {
  it.each([
    ['保持95%以上', '96%', 'pass', null, null, '0.01'],
    ['保持95', '96%', 'pass', null, '%', '0.01'],
    ['保持95%以上', '94%', 'fail', 'BELOW_TARGET', null, '-0.01'],
    ['维持5%以内', '6%', 'fail', 'ABOVE_TARGET', null, '0.01'],
  ])('%s against %s', (target, actual, status, code, assumedUnit, margin) => {
    expect(fields(target, actual)).toMatchObject({ status, op: null, code, assumedUnit, margin });
  });

  it('a record keyed by the target\'s label is judged as the level', () => {
    expect(fields('满意度保持95%以上', { 满意度: '96%' })).toMatchObject({ status: 'pass', margin: '0.01' });
  });
});

describe('a compare target not judged on a quantity keeps its effective op', () => {
  const q3d = { value: '3', unit: '天', dimension: 'duration', base: { value: '259200', unit: '秒' }, known: true };
  it.each([
    ['a quantity of another unit', '≥95%', '3天', undefined, 'unknown', '>=', 'written', 'positive', 'UNIT_MISMATCH', q3d],
    ['a word of achievement', '≥95%', '已完成', undefined, 'pass', '>=', 'written', 'positive', null, { term: '已完成' }],
    ['a word of partial achievement, lower better', '3个工作日', '基本完成', { indicator: '办理时限' }, 'partial', '<=', 'indicator', 'negative', 'PARTIALLY_ACHIEVED', { term: '基本完成' }],
    ['a date', '=5次', '2022-11-30', undefined, 'unknown', '>=', 'equals-reached', 'positive', 'KIND_MISMATCH', { date: '2022-11-30' }],
  ] as const)('%s', (_, target, actual, options, status, op, opSource, polarity, code, shown) => {
    expect({ ...fields(target, actual, options), polarity: evaluate(target, actual, options).polarity }).toEqual({
      status, op, opSource, polarity, code, assumedUnit: null, actual: shown, margin: null, completion: null,
    });
  });
});

describe('reasons written when read', () => {
  it('a range, a ≈ and a level to keep write their quantities as people write them', () => {
    expect(evaluate('85%-90%', '91.50%').reason?.messages).toEqual({ zh: '实际值 91.5% 不在范围 85% 至 90% 内', en: 'The actual value 91.5% is outside the range 85% to 90%' });
    expect(evaluate('约1000元/人', '0.12万元/人').reason?.messages.zh).toBe('实际值 0.12万元/人 与目标 1000元/人 相差超过允许偏差 5%');
    expect(evaluate('保持95%以上', '94.0%').reason?.messages.en).toBe('The actual value 94% does not reach the target ≥95%');
  });

  it('a cell that one part decided gives that part\'s reason, the same object, when the actual is shared alike', () => {
    const v = evaluate('≥85%且≤90%', '基本完成');
    expect(v.reason).toBe(v.parts?.[0]?.reason);
    const one = evaluate('≥85%且≤90%', '91%');
    expect(one.reason?.code).toBe('ABOVE_TARGET');
    expect(one.reason?.messages.zh).toBe(`“≤90%”：${one.parts?.[1]?.reason?.messages.zh}`);
    expect(evaluate('≥85%且≤90%', '91%', { locale: 'en' }).reason?.message).toBe(`≤90%: ${one.parts?.[1]?.reason?.messages.en}`);
  });

  it('a cell whose parts each need their own actual names them all', () => {
    expect(evaluate('受益户数≥200户,受益脱贫户数≥15户', '210户').reason?.messages.zh).toContain('受益户数、受益脱贫户数');
    expect(evaluate('受益户数≥200户,受益脱贫户数≥15户', ['210户', '16户']).reason).toBeNull();
  });
});

describe('the year option goes to the parser with the other parse options', () => {
  it('fen, the length limit and the locale are kept beside the year', () => {
    expect(evaluate('≥5分', '6分', { year: 2022, fen: 'cent' }).target).toMatchObject({ quantity: { dimension: 'currency' } });
    expect(evaluate('≥5分', '6分', { year: 2022 }).target).toMatchObject({ quantity: { dimension: 'score' } });
    expect(() => evaluate('2022年12月31日前', '2022-11-30', { year: 2022, maxLength: 5 })).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LONG' }));
    expect(evaluate('12月底前', '2023-01-02', { year: 2022, locale: 'en' }).reason?.message).toBe('The actual date 2023-01-02 is later than the deadline 2022年12月31日');
  });
});

describe('the default tolerance of ≈ is 5 % of |A|', () => {
  it.each([['-10.4', 'pass', '0'], ['-10.6', 'fail', '-0.1'], ['-9.5', 'pass', '0'], ['-9.4', 'fail', '0.1']])('约-10 against %s', (actual, status, margin) => {
    expect(fields('约-10', actual)).toMatchObject({ status, margin });
  });
});
