import { describe, expect, it } from 'vitest';
import { evaluate, type Actual, type EvaluateOptions } from '../../src/index.js';
import { REASONS, type ReasonCode } from '../../src/i18n/reasons.js';
import { templateParts } from '../../src/i18n/messages.js';

/** One way to reach every reason code, with the status it comes with. */
const EXAMPLES: Record<ReasonCode, [string, Actual, EvaluateOptions | undefined, string]> = {
  BELOW_TARGET: ['≥95%', '94%', undefined, 'fail'],
  ABOVE_TARGET: ['≤1‰', '2‰', undefined, 'fail'],
  NOT_EQUAL: ['=100%', '99%', { equals: 'exact' }, 'fail'],
  EQUALS_EXCLUDED: ['≠0', '0', undefined, 'fail'],
  OUTSIDE_RANGE: ['85%-90%', '91%', undefined, 'fail'],
  OUTSIDE_TOLERANCE: ['90%左右', '80%', undefined, 'fail'],
  NOT_ACHIEVED: ['健全', '未完成', undefined, 'fail'],
  PARTIALLY_ACHIEVED: ['健全', '基本达到', undefined, 'partial'],
  GRADE_TOO_LOW: ['优良中低差', '差', undefined, 'fail'],
  TREND_NOT_MET: ['提高', { value: '80%', baseline: '85%' }, undefined, 'fail'],
  AMOUNT_NOT_MET: ['较上年提高5%', { value: '104', baseline: '100' }, undefined, 'fail'],
  AMOUNT_EXCEEDED: ['增长不超过5%', { value: '106', baseline: '100' }, undefined, 'fail'],
  LATE: ['2022年12月31日前', '2023-01-05', undefined, 'fail'],
  OUTSIDE_PERIOD: ['2021年1月-6月', '2021年7月', undefined, 'fail'],
  MISSING_ACTUAL: ['≥95%', '', undefined, 'unknown'],
  NOT_APPLICABLE: ['≥95%', '不适用', undefined, 'unknown'],
  UNPARSEABLE_ACTUAL: ['≥95%', '九十五点', undefined, 'unknown'],
  UNRECOGNISED_TERM: ['健全', '较好', undefined, 'unknown'],
  UNIT_MISMATCH: ['≥95%', '95天', undefined, 'unknown'],
  KIND_MISMATCH: ['健全', '95%', undefined, 'unknown'],
  NEEDS_BASELINE: ['提高', '95%', undefined, 'unknown'],
  NEEDS_YEAR: ['12月底前', '2022-11-30', undefined, 'unknown'],
  IMPRECISE_DATE: ['2022年12月15日前', '2022年12月', undefined, 'unknown'],
  IMPRECISE_ACTUAL: ['≥95%', '≥90%', undefined, 'unknown'],
  NEEDS_ACTUAL_PER_TARGET: ['受益户数≥200户,受益脱贫户数≥15户', '210户', undefined, 'unknown'],
};

describe('reason codes', () => {
  it('every code has an example here', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(Object.keys(REASONS).sort());
  });

  it.each(Object.entries(EXAMPLES))('%s', (code, [target, actual, options, status]) => {
    const v = evaluate(target, actual, options);
    expect(v.status).toBe(status);
    expect(v.reason?.code).toBe(code);
    // Both languages, every placeholder filled, the message in the default locale (zh).
    expect(v.reason?.messages.zh).not.toMatch(/[{}]/);
    expect(v.reason?.messages.en).not.toMatch(/[{}]/);
    expect(v.reason?.messages.zh.length).toBeGreaterThan(4);
    expect(v.reason?.message).toBe(v.reason?.messages.zh);
    expect(evaluate(target, actual, { ...options, locale: 'en' }).reason?.message).toBe(v.reason?.messages.en);
  });

  it('no placeholder is named as a property every object inherits (fillReason reads details[name])', () => {
    for (const [code, t] of Object.entries(REASONS)) {
      for (const parts of [templateParts(t.zh), templateParts(t.en)]) {
        for (let i = 1; i < parts.length; i += 2) expect([code, parts[i], parts[i]! in Object.prototype]).toEqual([code, parts[i], false]);
      }
    }
  });

  it('the messages of failing compare verdicts begin with text and then {actual} (compareReason)', () => {
    for (const code of ['BELOW_TARGET', 'ABOVE_TARGET', 'NOT_EQUAL', 'EQUALS_EXCLUDED'] as const) {
      for (const parts of [templateParts(REASONS[code].zh), templateParts(REASONS[code].en)]) expect([code, parts[1]]).toEqual([code, 'actual']);
    }
  });

  it('every unknown has a reason, a pass none', () => {
    for (const [target, actual, options, status] of Object.values(EXAMPLES)) {
      if (status === 'unknown') expect(evaluate(target, actual, options).reason).not.toBeNull();
    }
    expect(evaluate('≥95%', '96%').reason).toBeNull();
  });

  it('messages say what was compared', () => {
    expect(evaluate('≥50亿元', '4999999999.99元').reason?.messages).toEqual({
      zh: '实际值 4999999999.99元 未达到目标 ≥50亿元',
      en: 'The actual value 4999999999.99元 does not reach the target ≥50亿元',
    });
    expect(evaluate('≥95%', '95天', { locale: 'en' }).reason?.message).toBe('The units cannot be compared: the actual value in "天", the target in "%"');
    expect(evaluate('90%左右', '80%').reason?.messages.zh).toBe('实际值 80% 与目标 90% 相差超过允许偏差 5%');
    expect(evaluate('2022年12月31日前', '2023-01-05').reason?.messages.zh).toBe('实际日期 2023-01-05 晚于期限 2022年12月31日');
  });

  it('unknown actuals of every type', () => {
    for (const a of [null, undefined, '   ', '<p></p>']) expect(evaluate('≥95%', a as Actual).reason?.code).toBe('MISSING_ACTUAL');
    for (const a of ['/', '—', 'N/A', '-']) expect(evaluate('≥95%', a).reason?.code).toBe('NOT_APPLICABLE');
    for (const a of [NaN, Infinity, Symbol('x'), () => 1, new Map(), 'x'.repeat(3000)]) {
      expect(evaluate('≥95%', a as unknown as Actual).reason?.code).toBe('UNPARSEABLE_ACTUAL');
    }
  });
});
