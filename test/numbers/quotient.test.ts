import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Decimal } from '../../src/numbers/decimal.js';
import { numeralTimesTerminates, quotientDecimal, reciprocalRepeating, repeatingDenominator, type Modulus, roundDecimal, roundQuotient, roundSignificant, scaledNumeral, terminates, type Rounding } from '../../src/numbers/quotient.js';
import { Rational } from '../../src/numbers/rational.js';

/**
 * Rounding of quotients, against an oracle in decimal.js alone (the way the package rounded
 * before it read decimals as BigInts): both sides scaled to integers, the integer quotient
 * truncated by `divToInt`, its remainder against half the divisor. Inputs: decimals of every
 * size and sign, zeros, long digit runs, exponents far apart, and quotients that sit on a tie
 * or a hair off.
 */

/** The exact rounding of n / d (d > 0) to `places`, as plain text with the sign of a zero shown. */
function oracle(n: Decimal, d: Decimal, places: number, mode: Rounding): string {
  const scale = new D(10).pow(Math.max(n.decimalPlaces(), d.decimalPlaces()));
  const x = n.times(scale).times(new D(10).pow(places));
  const y = d.times(scale);
  const neg = n.isNegative();
  let q = x.abs().divToInt(y);
  const rem = x.abs().minus(q.times(y));
  if (!rem.isZero() && (mode === 'half-up' ? rem.times(2).gte(y) : (mode === 'ceil') !== neg)) q = q.plus(1);
  return `${neg ? '-' : ''}${q.div(new D(10).pow(places)).toFixed()}`;
}

/** Plain text with the sign of a zero shown. */
function signed(x: Decimal): string {
  return `${x.isNegative() ? '-' : ''}${x.abs().toFixed()}`;
}

const digits = fc.oneof(
  fc.stringMatching(/^-?\d{1,12}(\.\d{1,12})?$/),
  fc.stringMatching(/^-?0\.0{0,20}\d{1,8}$/),
  fc.stringMatching(/^-?\d{1,40}(\.\d{1,40})?$/),
  fc.constantFrom('0', '-0', '1', '-1', '0.5', '1e-30', '9999999', '10000000', '0.0000001', '123456789e20', '-5e-400'),
);
const decimal = digits.map((t) => new D(t));
const positive = decimal.filter((x) => !x.isZero()).map((x) => x.abs());
const mode = fc.constantFrom('half-up', 'floor', 'ceil') as fc.Arbitrary<Rounding>;

describe('roundQuotient: n / d rounded once, exactly', () => {
  it('is the exact rounding, in every mode, zeros keeping the sign of n', () => {
    fc.assert(fc.property(decimal, positive, fc.integer({ min: -3, max: 16 }), mode, (n, d, places, m) => {
      expect(signed(roundQuotient(n, d, places, m))).toBe(oracle(n, d, places, m));
    }), { numRuns: 10_000 });
  });

  it('is exact on ties and a hair either side of them', () => {
    const short = fc.tuple(fc.stringMatching(/^[1-9]\d{0,13}$/), fc.integer({ min: -30, max: 30 })).map(([ds, e]) => new D(`${ds}e${e}`));
    const tail = fc.constantFrom('5', '49', '51', '4999999', '5000001', '49999999999999999999');
    fc.assert(fc.property(short, fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 15 }), tail, mode, (d, q, places, t, m) => {
      const n = d.times(new D(`${q}e-${places}`).plus(new D(`${t}e-${places + t.length}`)));
      expect(signed(roundQuotient(n, d, places, m))).toBe(oracle(n, d, places, m));
    }), { numRuns: 10_000 });
  });

  it('by 1, and roundDecimal, are decimal.js\'s toDecimalPlaces', () => {
    const MODES = { 'half-up': D.ROUND_HALF_UP, floor: D.ROUND_FLOOR, ceil: D.ROUND_CEIL } as const;
    fc.assert(fc.property(decimal, fc.integer({ min: 0, max: 16 }), mode, (n, places, m) => {
      expect(signed(roundQuotient(n, new D(1), places, m))).toBe(signed(n.toDecimalPlaces(places, MODES[m])));
      expect(signed(roundDecimal(n, places, m))).toBe(signed(n.toDecimalPlaces(places, MODES[m])));
    }), { numRuns: 5000 });
  });

  it('rounds half up away from zero, carries, and keeps the sign of a zero', () => {
    const round = (n: string, d: string, p: number, m: Rounding = 'half-up') => signed(roundQuotient(new D(n), new D(d), p, m));
    expect(round('9.995', '1', 2)).toBe('10');
    expect(round('-9.995', '1', 2)).toBe('-10');
    expect(round('9.99995', '1', 4)).toBe('10');
    expect(round('100', '11', 2)).toBe('9.09');
    expect(round('1', '8', 2)).toBe('0.13');
    expect(round('-1', '8', 2)).toBe('-0.13');
    expect(round('12.3456', '0.95', 4)).toBe('12.9954');
    expect(round('0.95', '12.3456', 4)).toBe('0.077');
    expect(round('1', '12345678', 4)).toBe('0');
    expect(round('-1', '1000000', 4)).toBe('-0');
    expect(round('-123.45', '12345678', 6)).toBe('-0.00001');
    expect(round('1', '3', 7, 'floor')).toBe('0.3333333');
    expect(round('1', '3', 7, 'ceil')).toBe('0.3333334');
    expect(round('-1', '3', 7, 'floor')).toBe('-0.3333334');
    expect(round('-1', '3', 7, 'ceil')).toBe('-0.3333333');
    expect(round('123456789012345678', '7', 4)).toBe('17636684144620811.1429');
    expect(round('1250', '1', -2)).toBe('1300');
  });
});

describe('roundSignificant: n / d half up to sd significant digits', () => {
  it('is the quotient at the working precision rounded to sd digits', () => {
    fc.assert(fc.property(decimal.filter((x) => !x.isZero()), positive, fc.integer({ min: 1, max: 25 }), (n, d, sd) => {
      expect(signed(roundSignificant(n, d, sd))).toBe(signed(n.div(d).toSignificantDigits(sd, D.ROUND_HALF_UP)));
    }), { numRuns: 5000 });
    expect(roundSignificant(new D(2), new D(3), 21).toFixed()).toBe('0.666666666666666666667');
    expect(roundSignificant(new D(-200), new D(3), 5).toFixed()).toBe('-66.667');
    expect(roundSignificant(new D('9.99999'), new D(1), 3).toFixed()).toBe('10');
    expect(roundSignificant(new D('10000'), new D(15), 20).toFixed()).toBe('666.66666666666666667');
  });
});

describe('terminates', () => {
  it('tells a finite decimal expansion', () => {
    const cases: Array<[string, string, boolean]> = [
      ['1', '3', false], ['10000', '15', false], ['3', '4', true], ['1', '1024', true], ['7', '625', true], ['0.3', '0.0016', true],
      ['1', '7', false], ['14', '7', true], ['-1', '6', false], ['-3', '6', true], ['0', '7', true], ['-0', '3', true], ['1e-30', '3e20', false],
    ];
    for (const [n, d, t] of cases) expect([n, d, terminates(new D(n), new D(d))]).toEqual([n, d, t]);
  });
});

describe('quotientDecimal', () => {
  it('is the exact quotient when it terminates, else rounded half up to sd digits', () => {
    fc.assert(fc.property(decimal, positive, fc.integer({ min: 1, max: 25 }), (n, d, sd) => {
      const q = quotientDecimal(n, d, sd);
      if (terminates(n, d)) expect(q.times(d).eq(n)).toBe(true);
      else expect(signed(q)).toBe(signed(n.div(d).toSignificantDigits(sd, D.ROUND_HALF_UP)));
    }), { numRuns: 5000 });
    expect(signed(quotientDecimal(new D('-0'), new D('3'), 20))).toBe('-0');
    expect(quotientDecimal(new D('1'), new D('1024'), 5).toFixed()).toBe('0.0009765625');
    expect(quotientDecimal(new D('2'), new D('3'), 5).toFixed()).toBe('0.66667');
  });
});

describe('repeatingDenominator and numeralTimesTerminates: whether x · a / b terminates, from x\'s digits', () => {
  /**
   * The reference is the product made and tested (Rational.times, terminating). Factors are
   * drawn as units' factors are (亩 = 10000/15, 1 / a ratio's divisor, powers of ten) and at
   * random, with denominators of 3s, 7s, 2s and 5s so that both outcomes are common, and long
   * enough that the modulus is a bigint (past 2^49) as well as a number, near that edge too;
   * numerals with and without sign, point, leading and trailing zeros, zeros, and long ones.
   */
  const numeral = fc.oneof(
    fc.stringMatching(/^[-+]?\d{1,8}(\.\d{1,8})?$/),
    fc.stringMatching(/^\d{1,30}(\.\d{1,30})?$/),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 63 }), fc.constantFrom('', '0', '.0', '.5', '.25')).map(([k, m, t]) => `${k * m}${t}`),
    fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.constantFrom(3n, 7n, 562949953421311n, 562949953421313n, 99999999999973n)).map(([k, m]) => `${k * m}`),
    fc.constantFrom('0', '-0', '0.000', '3', '3.0', '007', '1.5', '+12.5', '-6'),
  );
  const factorPart = fc.oneof(
    fc.stringMatching(/^\d{1,7}(\.\d{1,6})?$/),
    fc.stringMatching(/^\d{1,20}(\.\d{1,20})?$/),
    fc.tuple(fc.constantFrom(1, 2, 3, 5, 7, 9, 11, 21, 49, 63), fc.constantFrom(1, 2, 4, 5, 8, 10, 25, 1000), fc.constantFrom('', '.5', '.25', '.001'))
      .map(([a, b, t]) => `${a * b}${t}`),
    fc.constantFrom('10000', '15', '1', '0.5', '7.159489', '1.079430', '3', '0.0016', '562949953421311', '562949953421313', '99999999999973', '0.00099999999999973'),
  ).filter((x) => !new D(x).isZero());

  it('is the product\'s own terminating', () => {
    const both = [0, 0];
    const kinds = new Set<string>();
    fc.assert(fc.property(numeral, factorPart, factorPart, (x, a, b) => {
      const m = repeatingDenominator(scaledNumeral(a), scaledNumeral(b));
      const want = Rational.of(x).times(Rational.of(a, b)).terminating;
      both[want ? 1 : 0]!++;
      kinds.add(`${typeof m} ${want}`);
      expect(numeralTimesTerminates(x, m)).toBe(want);
      // 1 / a: what a ratio's unit reads from its divisor's digits.
      const r = reciprocalRepeating(a);
      expect(r).toBe(repeatingDenominator(scaledNumeral('1'), scaledNumeral(a)));
      expect(numeralTimesTerminates(x, r)).toBe(Rational.of(x).div(Rational.of(a)).terminating);
    }), { numRuns: 20_000 });
    // Both outcomes were tested many times, by small moduli and big ones.
    expect(Math.min(...both)).toBeGreaterThan(2000);
    expect([...kinds].sort()).toEqual(['bigint false', 'bigint true', 'number false', 'number true']);
  });

  it('is 1 exactly for a factor with a finite decimal, the divisor\'s own for a ratio, and a number below 2^49', () => {
    const m = (a: string, b: string): Modulus => repeatingDenominator(scaledNumeral(a), scaledNumeral(b));
    expect(m('10000', '15')).toBe(3);
    expect(m('1', '7.159489')).toBe(7159489);
    expect(m('1', '1.1')).toBe(11);
    expect(m('1', '0.5')).toBe(1);
    expect(m('21', '49')).toBe(7);
    expect(m('0', '3')).toBe(1);
    expect(m('1', '562949953421311')).toBe(562949953421311);
    expect(m('1', '562949953421313')).toBe(562949953421313n);
    expect(reciprocalRepeating('7.159489')).toBe(7159489);
    expect(reciprocalRepeating('0.0016')).toBe(1);
    expect(reciprocalRepeating('99999999999973')).toBe(99999999999973);
    expect(reciprocalRepeating('999999999999730')).toBe(99999999999973);
    expect(reciprocalRepeating('1234567890123457')).toBe(1234567890123457n);
    expect(() => reciprocalRepeating('0.00')).toThrow(RangeError);
    expect(numeralTimesTerminates('-12.000', 3)).toBe(true);
    expect(numeralTimesTerminates('+1.3', 13)).toBe(true);
    expect(numeralTimesTerminates('1.4', 13)).toBe(false);
    expect(numeralTimesTerminates('1.4', 7n)).toBe(true);
    fc.assert(fc.property(factorPart, factorPart, (a, b) => {
      expect(m(a, b) === 1).toBe(terminates(new D(a), new D(b)));
    }), { numRuns: 5000 });
  });
});
