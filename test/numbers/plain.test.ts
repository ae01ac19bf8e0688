import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D } from '../../src/numbers/decimal.js';
import { decimalFromInteger, decimalFromPlain, MAX_INTEGER_DIGITS, shiftPlain, significantDigits, trailingZeros } from '../../src/numbers/plain.js';
import { Rational } from '../../src/numbers/rational.js';

describe('plain decimal text', () => {
  it.each([
    ['50', 4, '500000'], ['3.37', 8, '337000000'], ['0.5', 4, '5000'], ['95', -2, '0.95'], ['1', -3, '0.001'],
    ['-3', -2, '-0.03'], ['0', 8, '0'], ['-0', 2, '0'], ['0.001', 2, '0.1'], ['120.50', -1, '12.05'], ['007', 0, '7'],
  ])('shiftPlain(%s, %i) = %s', (text, k, out) => expect(shiftPlain(text, k)).toBe(out));

  it('shifting equals multiplying by a power of ten, exactly', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,20}(\.\d{1,20})?$/), fc.integer({ min: -20, max: 20 }), (text, k) => {
        expect(new D(shiftPlain(text, k)).eq(new D(text).times(new D(10).pow(k)))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('decimalFromPlain builds the same decimal as the decimal.js constructor', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[-+]?\d{1,50}(\.\d{1,50})?$/), (text) => {
        const a = decimalFromPlain(text) as unknown as { d: number[]; e: number; s: number };
        const b = new D(text) as unknown as { d: number[]; e: number; s: number };
        expect([a.s, a.e, a.d]).toEqual([b.s, b.e, b.d]);
        expect(decimalFromPlain(text).toFixed()).toBe(new D(text).toFixed());
        expect(decimalFromPlain(text) instanceof D).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('decimals from an integer and a power of ten', () => {
  type Fields = { d: number[]; e: number; s: number };
  const fields = (x: unknown): unknown[] => { const f = x as Fields; return [f.s, f.e, f.d]; };

  it('builds the same decimal as decimal.js from the same digits, for every shift', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^\d{1,15}$/), fc.integer({ min: 0, max: 15 }), fc.integer({ min: -40, max: 40 }), (neg, digits, fracAt, shift) => {
        const frac = Math.min(fracAt, digits.length);
        const m = Number(digits);
        expect(Number.isSafeInteger(m)).toBe(true);
        const text = `${neg ? '-' : ''}${digits}e${shift - frac}`;
        expect(fields(decimalFromInteger(neg ? -1 : 1, m, shift - frac))).toEqual(fields(new D(text)));
      }),
      { numRuns: 10000 },
    );
  });

  it('counts the digits of an integer at every boundary, and its trailing zeros', () => {
    for (let k = 1; k <= MAX_INTEGER_DIGITS; k++) {
      // 10^(k−1) and 10^k − 1 have k digits; both are exact doubles below 10^15.
      const low = 10 ** (k - 1);
      const high = 10 ** k - 1;
      expect([significantDigits(low), significantDigits(high)]).toEqual([k, k]);
      expect(trailingZeros(low)).toBe(k - 1);
      expect(trailingZeros(high)).toBe(0);
      for (const m of [low, high, low + 1, high - 1]) {
        expect(fields(decimalFromInteger(1, m, -3))).toEqual(fields(new D(`${m}e-3`)));
      }
    }
  });

  it('keeps the sign of a zero and reads the widest integers exactly', () => {
    expect(fields(decimalFromInteger(-1, 0, -2))).toEqual(fields(new D('-0')));
    const widest = 10 ** MAX_INTEGER_DIGITS - 1;
    expect(fields(decimalFromInteger(1, widest, -3))).toEqual(fields(new D('999999999999.999')));
    expect(fields(decimalFromInteger(1, 1e14, 0))).toEqual(fields(new D('100000000000000')));
  });
});

describe('Rational', () => {
  it('compares fractions exactly by cross-multiplication', () => {
    const third = Rational.of('1', '3');
    expect(third.cmp(Rational.of('0.33333333333333333333'))).toBe(1);
    expect(third.times(Rational.of('3')).eq(Rational.ONE)).toBe(true);
    expect(Rational.of('10000', '15').terminating).toBe(false);
    expect(Rational.of('3', '4').terminating).toBe(true);
    expect(Rational.of('3', '4').toString()).toBe('0.75');
    expect(Rational.of('2', '3').toDecimal().toFixed()).toBe('0.66666666666666666667');
    expect(() => Rational.of('1', '0')).toThrow(RangeError);
  });
});
