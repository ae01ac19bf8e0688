import { describe, expect, it } from 'vitest';
import { Decimal, evaluate, score } from '../../src/index.js';
import { readDecimal } from '../../src/evaluate/options.js';

/** Settings are reused for the same options object only while its values stay the same. */
describe('options passed row after row', () => {
  it('an options object changed between calls is read again', () => {
    const o: { polarity: 'positive' | 'negative'; locale?: 'zh' | 'en'; scale?: number } = { polarity: 'positive' };
    expect(evaluate('5', '4', o).status).toBe('fail');
    expect(evaluate('5', '4', o).status).toBe('fail');
    o.polarity = 'negative';
    expect(evaluate('5', '4', o).status).toBe('pass');
    o.locale = 'en';
    o.polarity = 'positive';
    expect(evaluate('5', '4', o).reason?.message).toMatch(/^The actual value/);
    o.scale = 4;
    expect(score('≥3', '2', '1', o).score?.toFixed()).toBe('0.6667');
    o.scale = 1;
    expect(score('≥3', '2', '1', o).score?.toFixed()).toBe('0.7');
  });

  it('an invalid options object still throws every time', () => {
    const o = { equals: 'nearly' } as never;
    expect(() => evaluate('5', '4', o)).toThrow();
    expect(() => evaluate('5', '4', o)).toThrow();
  });

  it('an options object whose indicator changes from call to call names each one', () => {
    // As indicator-expr/table passes it: one object, the indicator set for each row.
    const o: { indicator?: string; scale?: number } = { indicator: '投诉率' };
    expect(evaluate('5', '4', o)).toMatchObject({ status: 'pass', op: '<=', opSource: 'indicator' });
    o.indicator = '完成率';
    expect(evaluate('5', '4', o)).toMatchObject({ status: 'fail', op: '>=', opSource: 'indicator' });
    o.indicator = '投诉率';
    expect(score('5', '6', '10', o)).toMatchObject({ status: 'fail', rule: 'lower-better-ratio' });
    o.indicator = '满意度';
    o.scale = 1;
    expect(score('5', '4', '10', o).score?.toFixed()).toBe('8');
    (o as { indicator: unknown }).indicator = 42;
    expect(() => evaluate('5', '4', o)).toThrow(/indicator must be a string/);
    o.indicator = undefined;
    expect(evaluate('5', '4', o)).toMatchObject({ op: '>=', opSource: 'default' });
  });
});

describe('a decimal of ours as a number input', () => {
  it('is read as itself, within the same limits as its text', () => {
    for (const t of ['0', '-0', '10', '0.5', '-12.340', '1e-7', '9.99e20', '1e1000', '-1e-1000', '1234567.8901234567890123']) {
      const x = new Decimal(t);
      expect(readDecimal(x)?.toDecimal().toFixed(), t).toBe(readDecimal(x.toString())?.toDecimal().toFixed());
    }
    // Past the limits: refused, as their texts are.
    for (const t of ['1e1001', '1e-1001', `1.${'3'.repeat(1200)}`, 'NaN', 'Infinity']) {
      expect(readDecimal(new Decimal(t)), t).toBeNull();
      expect(readDecimal(new Decimal(t).toString()), t).toBeNull();
    }
    expect(score('≥3', '2', new Decimal('10')).weight.toFixed()).toBe('10');
  });
});

