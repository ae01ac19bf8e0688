import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/index.js';
import { isZeroNumeral, plainOrder } from '../../src/numbers/plain-order.js';

/**
 * plainOrder orders two plain numerals from their digits; decimal.js's comparison of the
 * same numerals is the reference. The numerals are drawn near one another (one digit
 * changed, a zero written before or after, the point moved) so that every step of the
 * comparison decides some of the draws: the length of the whole part, its digits, the
 * fraction's digits and the zeros that pad the shorter fraction.
 */
const digits = fc.array(fc.constantFrom(...'0123456789'), { minLength: 1, maxLength: 6 }).map((d) => d.join(''));
const numeral = fc.tuple(digits, fc.option(digits, { nil: undefined })).map(([w, f]) => (f === undefined ? w : `${w}.${f}`));

/** A numeral near x: the same value spelled otherwise, or one digit, the point or a zero moved. */
const near = (x: string): fc.Arbitrary<string> => fc.oneof(
  fc.constant(x),
  fc.constant(`0${x}`),
  fc.constant(x.includes('.') ? `${x}0` : `${x}.0`),
  fc.nat(x.length - 1).chain((i) => fc.constantFrom(...'0123456789').map((d) => (x[i] === '.' ? x : x.slice(0, i) + d + x.slice(i + 1)))),
  fc.constant(x.includes('.') ? x.replace('.', '') : x),
  fc.constant(x.includes('.') ? x.slice(0, -1) || '0' : `${x}1`),
  numeral,
);

describe('plainOrder', () => {
  it('orders two numerals as decimal.js does', () => {
    fc.assert(fc.property(numeral.chain((x) => fc.tuple(fc.constant(x), near(x))), ([x, y]) => {
      const want = new Decimal(x).cmp(new Decimal(y));
      expect(plainOrder(x, y)).toBe(want);
      expect(plainOrder(y, x)).toBe(0 - want);
    }), { numRuns: 20000 });
  });

  it('reads leading zeros, padding zeros and the lengths of the whole parts', () => {
    expect(plainOrder('007', '7')).toBe(0);
    expect(plainOrder('1.50', '1.5')).toBe(0);
    expect(plainOrder('0.5', '00.50')).toBe(0);
    expect(plainOrder('10', '9.99')).toBe(1);
    expect(plainOrder('0.09', '0.1')).toBe(-1);
    expect(plainOrder('97.9', '98')).toBe(-1);
    expect(plainOrder('100.0001', '100')).toBe(1);
    expect(plainOrder('0', '0.000')).toBe(0);
  });
});

describe('isZeroNumeral', () => {
  it('is decimal.js\'s isZero of the numeral', () => {
    const zeros = fc.tuple(fc.stringMatching(/^0{1,4}$/), fc.option(fc.stringMatching(/^0{1,4}$/), { nil: undefined }));
    const nearZero = fc.oneof(numeral, zeros.map(([w, f]) => (f === undefined ? w : `${w}.${f}`)), zeros.chain(([w, f]) => fc.constantFrom(...'123456789')
      .chain((d) => fc.nat(w.length + (f?.length ?? 0)).map((i) => { const t = f === undefined ? w : `${w}.${f}`; const j = t[i] === '.' ? i + 1 : i; return t.slice(0, j) + d + t.slice(j + 1); }))));
    fc.assert(fc.property(nearZero, (x) => {
      expect(isZeroNumeral(x)).toBe(new Decimal(x).isZero());
    }), { numRuns: 5000 });
    expect(isZeroNumeral('0.000')).toBe(true);
    expect(isZeroNumeral('0.009')).toBe(false);
    expect(isZeroNumeral('9')).toBe(false);
  });
});
