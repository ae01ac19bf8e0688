import DecimalJs from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, score, toJSON, type Quantity } from '../../src/index.js';
import { D, exponentOf, isDecimalLike, isOurDecimal } from '../../src/numbers/decimal.js';

const decimal = fc.oneof(
  fc.stringMatching(/^-?\d{1,12}(\.\d{1,12})?$/),
  fc.stringMatching(/^-?0\.0{0,20}\d{1,8}$/),
  fc.constantFrom('1e-30', '123456789e20', '-5e-400'),
).map((t) => new D(t));

describe('exponentOf', () => {
  it('is the power of ten of the leading digit', () => {
    const cases: Array<[string, number]> = [['0', 0], ['-0', 0], ['123.4', 2], ['0.05', -2], ['1200', 3], ['1e-30', -30], ['-5e40', 40], ['9.99', 0], ['1', 0]];
    for (const [t, e] of cases) expect([t, exponentOf(new D(t))]).toEqual([t, e]);
    fc.assert(fc.property(decimal.filter((x) => !x.isZero()), (x) => {
      const e = exponentOf(x);
      expect(x.abs().gte(new D(`1e${e}`)) && x.abs().lt(new D(`1e${e + 1}`))).toBe(true);
    }), { numRuns: 3000 });
  });
});

describe('decimals of other constructors', () => {
  it('are ours only when our constructor made them', () => {
    const Clone = DecimalJs.clone({ precision: 3 });
    expect(isOurDecimal(new D('1.5'))).toBe(true);
    // A clone of the same decimal.js shares its prototype: instanceof alone would say yes.
    expect(new Clone('1.5') instanceof D).toBe(true);
    expect(isOurDecimal(new Clone('1.5'))).toBe(false);
    expect(isOurDecimal(new DecimalJs('1.5'))).toBe(false);
    expect(isOurDecimal('1.5')).toBe(false);
    expect([new D(1), new Clone(1), new DecimalJs(1)].every(isDecimalLike)).toBe(true);
    expect([1, '1', null, { toFixed: () => '1' }].some(isDecimalLike)).toBe(false);
  });

  it('are read at their full value, not computed on at their own precision', () => {
    // A quantity rebuilt by a user with decimals of a clone of precision 3: the margin and
    // the score are those of 1.23456, exactly.
    const Clone = DecimalJs.clone({ precision: 3 });
    const actual = { value: new Clone('1.23456'), unit: '', dimension: 'number', base: { value: new Clone('1.23456'), unit: '1' }, known: true, exact: true } as unknown as Quantity;
    expect(toJSON(evaluate('≥1', actual))).toMatchObject({ status: 'pass', margin: '0.23456' });
    expect(toJSON(evaluate('≥2', actual))).toMatchObject({ status: 'fail', margin: '-0.76544', completion: '0.6173' });
    expect(toJSON(score('≥2', actual, new Clone('10.123456'), { scale: null }))).toMatchObject({ weight: '10.123456' });
  });
});
