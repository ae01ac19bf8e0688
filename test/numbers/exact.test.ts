import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coefficient, roundQuotient, roundSignificant, terminatingQuotient } from '../../src/numbers/bigint.js';
import { cmpDecimals, D, isOne, type Decimal } from '../../src/numbers/decimal.js';
import { decimalFromDigits } from '../../src/numbers/plain.js';
import { minusSmall, minusWords, roundQuotientWords, timesWords } from '../../src/numbers/words.js';
import { Rational } from '../../src/numbers/rational.js';
import { roundWithDecimals } from '../../src/evaluate/exact.js';

/**
 * The shortcuts of the value path (numbers/words.ts, numbers/bigint.ts, cmpDecimals, isOne) must give what
 * decimal.js's own operations give, field by field: sign (zeros keep theirs), exponent and
 * digit words. Inputs: decimals of every size and sign, zeros, long digit runs, and values
 * with exponents far apart.
 */
type Fields = { s: number; e: number; d: number[] };
const fields = (x: Decimal): Fields => {
  const f = x as unknown as Fields;
  return { s: f.s, e: f.e, d: [...f.d] };
};

const digits = fc.oneof(
  fc.stringMatching(/^-?\d{1,12}(\.\d{1,12})?$/),
  fc.stringMatching(/^-?0\.0{0,20}\d{1,8}$/),
  fc.stringMatching(/^-?\d{1,40}(\.\d{1,40})?$/),
  fc.constantFrom('0', '-0', '1', '-1', '0.5', '1e-30', '9999999', '10000000', '0.0000001', '123456789e20', '-5e-400'),
);
const decimal = digits.map((t) => new D(t));
const nonZero = decimal.filter((x) => !x.isZero());
const positive = nonZero.map((x) => x.abs());

describe('exact decimal shortcuts ≡ decimal.js', () => {
  it('cmpDecimals is x.cmp(y)', () => {
    fc.assert(fc.property(decimal, decimal, (x, y) => {
      expect(cmpDecimals(x, y)).toBe(x.cmp(y));
      expect(cmpDecimals(x, x)).toBe(0);
    }), { numRuns: 20_000 });
  });

  it('isOne is x.eq(1)', () => {
    fc.assert(fc.property(decimal, (x) => { expect(isOne(x)).toBe(x.eq(1)); }), { numRuns: 5000 });
    for (const t of ['1', '1.0', '1.000000000', '-1', '10', '0.1', '1.0000001']) expect(isOne(new D(t))).toBe(new D(t).eq(1));
  });

  it('roundQuotient rounds n/d exactly as the decimal.js way, in every mode', () => {
    let taken = 0;
    fc.assert(fc.property(decimal, positive, fc.integer({ min: 0, max: 8 }), fc.constantFrom('half-up', 'floor', 'ceil') as fc.Arbitrary<'half-up' | 'floor' | 'ceil'>, (n, d, places, mode) => {
      const fast = roundQuotient(n, d, places, mode);
      if (fast === null) return;
      taken++;
      const r = Rational.of(n, d);
      expect(fields(fast)).toEqual(fields(roundWithDecimals(r, places, mode)));
    }), { numRuns: 10_000 });
    expect(taken).toBeGreaterThan(5000);
  });

  it('rounds ties half up, away from zero, and keeps the sign of a zero', () => {
    const round = (n: string, d: string, p: number) => roundQuotient(new D(n), new D(d), p, 'half-up')!.toFixed();
    expect(round('9.995', '1', 2)).toBe('10');
    expect(round('-9.995', '1', 2)).toBe('-10');
    expect(round('100', '11', 2)).toBe('9.09');
    expect(round('1', '8', 2)).toBe('0.13');
    expect(round('-1', '8', 2)).toBe('-0.13');
    const z = roundQuotient(new D('-1'), new D('1000000'), 4, 'half-up') as unknown as Fields;
    expect([z.s, z.e, z.d]).toEqual([-1, 0, [0]]);
  });

  it('terminatingQuotient tells a finite decimal as the gcd in decimal.js does', () => {
    // The decimal.js way, as Rational had it: scale to integers, reduce, strip 2s and 5s.
    const slow = (n: Decimal, d: Decimal): boolean => {
      const scale = new D(10).pow(Math.max(n.decimalPlaces(), d.decimalPlaces()));
      let a = n.times(scale).abs();
      let b = d.times(scale);
      let den = b;
      while (!b.isZero()) { const t = a.mod(b); a = b; b = t; }
      if (!a.isZero()) den = den.div(a);
      for (const p of [2, 5]) while (den.mod(p).isZero()) den = den.div(p);
      return den.eq(1);
    };
    const small = fc.oneof(fc.stringMatching(/^\d{1,6}(\.\d{1,4})?$/), fc.constantFrom('3', '7', '15', '0.3', '1024', '625', '0.0016', '12.5'));
    fc.assert(fc.property(small, small.filter((t) => !new D(t).isZero()), (n, d) => {
      expect(terminatingQuotient(new D(n), new D(d))).toBe(slow(new D(n), new D(d)));
    }), { numRuns: 5000 });
  });

  it('roundSignificant is the quotient at the working precision rounded to sd digits', () => {
    let taken = 0;
    fc.assert(fc.property(nonZero, positive, fc.integer({ min: 1, max: 25 }), (n, d, sd) => {
      const fast = roundSignificant(n, d, sd);
      if (fast === null) return;
      taken++;
      expect(fields(fast)).toEqual(fields(n.div(d).toSignificantDigits(sd, D.ROUND_HALF_UP)));
    }), { numRuns: 5000 });
    expect(taken).toBeGreaterThan(3000);
    expect(roundSignificant(new D(2), new D(3), 21)!.toFixed()).toBe('0.666666666666666666667');
    expect(roundSignificant(new D(-200), new D(3), 5)!.toFixed()).toBe('-66.667');
    expect(roundSignificant(new D('9.99999'), new D(1), 3)!.toFixed()).toBe('10');
  });

  it('coefficient: x = c · 10^p, remembered by identity only', () => {
    fc.assert(fc.property(decimal, decimal, (x, y) => {
      for (const v of [x, y, x, y, y, x]) {
        const c = coefficient(v)!;
        expect(new D(c.c.toString()).times(new D(10).pow(c.p)).eq(v)).toBe(true);
        expect(c.negative).toBe(v.isNegative());
      }
    }), { numRuns: 3000 });
  });
});

describe('decimalFromDigits', () => {
  it('builds text × 10^shift as decimal.js does, field by field', () => {
    fc.assert(fc.property(fc.stringMatching(/^[-+]?\d{1,40}(\.\d{1,40})?$/), fc.integer({ min: -30, max: 30 }), (text, shift) => {
      const fast = decimalFromDigits(text, 0, text.length, shift);
      expect(fields(fast)).toEqual(fields(new D(text).times(new D(10).pow(shift))));
      expect(fast instanceof D).toBe(true);
    }), { numRuns: 10_000 });
  });

  it('reads a stretch inside a longer text', () => {
    expect(decimalFromDigits('≥-12.50亿元', 1, 7, 8).toFixed()).toBe('-1250000000');
    expect(decimalFromDigits('=0.000%', 1, 6).toFixed()).toBe('0');
  });

  it('gives instances that behave as decimal.js’s own', () => {
    const a = decimalFromDigits('123.45', 0, 6);
    const b = new D('123.45');
    expect(Object.keys(a)).toEqual(Object.keys(b));
    expect(a.constructor).toBe(D);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.plus(b).toFixed()).toBe('246.9');
    expect(D.isDecimal(a)).toBe(true);
  });
});

describe('arithmetic on digit words ≡ decimal.js', () => {
  /** Divisors of one word: a word w at any word position (0.95, 100, 50 × 10^8, 3 …). */
  const oneWord = fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: -6, max: 6 }))
    .map(([w, t]) => new D(`${w}e${7 * t}`));

  it('minusWords is x.minus(y), or declines (zeros only, here)', () => {
    let taken = 0;
    fc.assert(fc.property(decimal, decimal, (x, y) => {
      const fast = minusWords(x, y);
      if (fast === null) {
        expect(x.isZero() || y.isZero()).toBe(true);
        return;
      }
      taken++;
      expect(fields(fast)).toEqual(fields(x.minus(y)));
      expect(fast instanceof D).toBe(true);
      expect(fields(minusWords(y, x)!)).toEqual(fields(y.minus(x)));
    }), { numRuns: 20_000 });
    expect(taken).toBeGreaterThan(15_000);
  });

  it('timesWords is x.times(y), zeros and their signs included (it never declines here)', () => {
    const edgy = fc.array(fc.constantFrom('9999999', '0000001', '5000000', '0000000', '1234567'), { minLength: 1, maxLength: 5 }).map((ws) => new D(`9${ws.join('')}e-${ws.length * 3}`));
    fc.assert(fc.property(fc.oneof(decimal, edgy), fc.oneof(decimal, edgy), (x, y) => {
      const fast = timesWords(x, y);
      expect(fast).not.toBeNull();
      expect(fields(fast!)).toEqual(fields(x.times(y)));
      expect(fast instanceof D).toBe(true);
    }), { numRuns: 20_000 });
    for (const [x, y] of [['0', '-5'], ['-0', '5'], ['-0', '-0'], ['0', '0'], ['-3', '0']]) {
      expect(fields(timesWords(new D(x!), new D(y!))!)).toEqual(fields(new D(x!).times(new D(y!))));
    }
    expect(timesWords(new D('Infinity'), new D('0'))).toBeNull();
    expect(timesWords(new D('12.5'), new D('86400'))!.toFixed()).toBe('1080000');
  });

  it('Rational times, plus and cmp of fractions are decimal.js\'s own cross-multiplications', () => {
    // The products go through timesWords where it can; the fraction must be the very pair
    // decimal.js's times would give, field by field.
    fc.assert(fc.property(decimal, nonZero, decimal, nonZero, (a, b, c, d) => {
      const x = Rational.of(a, b);
      const y = Rational.of(c, d);
      const sb = b.isNegative() ? -1 : 1;
      const sd = d.isNegative() ? -1 : 1;
      const [xn, xd, yn, yd] = [sb < 0 ? a.negated() : a, b.abs(), sd < 0 ? c.negated() : c, d.abs()];
      const p = x.times(y);
      expect(fields(p.n)).toEqual(fields(xn.times(yn)));
      expect(fields(p.d)).toEqual(fields(xd.times(yd)));
      expect(x.cmp(y)).toBe(xn.times(yd).cmp(yn.times(xd)));
      const sum = x.plus(y);
      expect(sum.n.div(sum.d).eq(xn.times(yd).plus(yn.times(xd)).div(xd.times(yd)))).toBe(true);
    }), { numRuns: 10_000 });
  });

  it('minusWords on values of one or two words each is x.minus(y), the integer way taken where it fits', () => {
    // Up to 14 digits at exponents near and far: one or two words, aligned by 0, 7, 14 or more places.
    const small = fc.tuple(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** 14n - 1n }), fc.oneof(fc.integer({ min: -10, max: 10 }), fc.integer({ min: -30, max: 30 })))
      .map(([neg, m, k]) => new D(`${neg ? '-' : ''}${m}e${k}`))
      .filter((x) => (x as unknown as Fields).d.length <= 2);
    const internals = (x: Decimal) => x as unknown as Fields & { d: readonly number[] };
    let taken = 0;
    fc.assert(fc.property(small, small, (x, y) => {
      const fast = minusSmall(internals(x), internals(y));
      if (fast !== null) {
        taken++;
        expect(fields(fast)).toEqual(fields(x.minus(y)));
        expect(fast instanceof D).toBe(true);
      }
      expect(fields(minusWords(x, y)!)).toEqual(fields(x.minus(y)));
    }), { numRuns: 20_000 });
    expect(taken).toBeGreaterThan(5000);
  });

  it('minusWords on carries, borrows, equal values and far exponents', () => {
    const cases: Array<[string, string]> = [
      ['10000000', '1'], ['1', '0.0000001'], ['9999999.9999999', '-0.0000001'], ['5', '5'], ['-5', '-5'], ['0.95', '0.95'],
      ['1e30', '1e-30'], ['-1e30', '1e-30'], ['123456789e20', '-5e-400'], ['5000000000', '4999999999.99'], ['-3', '7'],
      // The integer way's edges: an alignment by seven places of 10^8 − 1 and 10^8, by
      // fourteen of 9 and 10, a difference of 15 digits and one of 16, equal values.
      ['99999999e7', '1'], ['100000000e7', '1'], ['9e14', '1'], ['10e14', '1'], ['9e14', '-0.0000001'],
      ['99999999999999', '-900000000000000'], ['99999999999999', '-999999999999999'], ['5.5', '5.5'], ['-5.5', '-5.5'],
    ];
    for (const [a, b] of cases) {
      for (const [x, y] of [[a, b], [b, a]] as const) expect(fields(minusWords(new D(x), new D(y))!)).toEqual(fields(new D(x).minus(new D(y))));
    }
  });

  it('roundQuotientWords rounds n/d as the decimal.js way, in every mode, or declines', () => {
    let taken = 0;
    const mode = fc.constantFrom('half-up', 'floor', 'ceil') as fc.Arbitrary<'half-up' | 'floor' | 'ceil'>;
    fc.assert(fc.property(decimal, fc.oneof(oneWord, positive), fc.integer({ min: -3, max: 16 }), mode, (n, d, places, m) => {
      const fast = roundQuotientWords(n, d, places, m);
      if (fast === null) return;
      taken++;
      expect(fields(fast)).toEqual(fields(roundWithDecimals(Rational.of(n, d), places, m)));
      expect(fast instanceof D).toBe(true);
    }), { numRuns: 20_000 });
    expect(taken).toBeGreaterThan(5000);
    // Exact ties and their neighbours: n/d = q ± 5·10^-(places+1), a hair either side.
    const near = fc.tuple(oneWord, fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 15 }), fc.constantFrom('5', '49', '51', '4999999', '5000001'));
    fc.assert(fc.property(near, mode, ([d, q, places, tail], m) => {
      const n = d.times(new D(`${q}e-${places}`).plus(new D(`${tail}e-${places + tail.length}`)));
      const fast = roundQuotientWords(n, d, places, m);
      if (fast === null) return;
      expect(fields(fast)).toEqual(fields(roundWithDecimals(Rational.of(n, d), places, m)));
    }), { numRuns: 10_000 });
  });

  it('roundQuotientWords by 1 rounds as decimal.js\'s toDecimalPlaces, in every mode (exact.ts tries it first)', () => {
    let taken = 0;
    const MODES = { 'half-up': D.ROUND_HALF_UP, floor: D.ROUND_FLOOR, ceil: D.ROUND_CEIL } as const;
    const mode = fc.constantFrom('half-up', 'floor', 'ceil') as fc.Arbitrary<'half-up' | 'floor' | 'ceil'>;
    fc.assert(fc.property(decimal, fc.integer({ min: 0, max: 16 }), mode, (n, places, m) => {
      const fast = roundQuotientWords(n, new D(1), places, m);
      if (fast === null) return;
      taken++;
      expect(fields(fast)).toEqual(fields(n.toDecimalPlaces(places, MODES[m])));
    }), { numRuns: 20_000 });
    expect(taken).toBeGreaterThan(5000);
    for (const x of ['9.99995', '-9.99995', '0.00004', '-0.00004', '-0.00005', '0', '-0', '123.4567', '99999999999999.99999995']) {
      for (const m of ['half-up', 'floor', 'ceil'] as const) {
        const fast = roundQuotientWords(new D(x), new D(1), 4, m);
        if (fast !== null) expect([x, m, fields(fast)]).toEqual([x, m, fields(new D(x).toDecimalPlaces(4, MODES[m]))]);
      }
    }
  });

  it('roundQuotientWords on ties, carries and the last digit of a word', () => {
    const modes = ['half-up', 'floor', 'ceil'] as const;
    const cases: Array<[string, string, number]> = [
      ['9.99995', '1', 4], ['-9.99995', '1', 4], ['1', '8', 2], ['-1', '8', 2], ['100', '11', 2], ['12.3456', '0.95', 4],
      ['0.5', '1', 0], ['1.5', '1', 0], ['-2.5', '1', 0], ['1', '3', 7], ['2', '3', 7], ['0.00000005', '1', 7], ['0.00000004999', '1', 7],
      ['9999999.5', '1', 0], ['99999999999999.99999995', '1', 7], ['1', '9999999', 14], ['5', '10000000', 4], ['-1', '1000000', 4],
      ['123456789012345678', '7', 4], ['1', '7', 30], ['5000000000', '5000000000', 4], ['0.0001', '3', 4],
    ];
    for (const [n, d, p] of cases) {
      for (const m of modes) {
        const fast = roundQuotientWords(new D(n), new D(d), p, m);
        if (fast === null) continue;
        expect([n, d, p, m, fields(fast)]).toEqual([n, d, p, m, fields(roundWithDecimals(Rational.of(new D(n), new D(d)), p, m))]);
      }
    }
    expect(roundQuotientWords(new D('12.3456'), new D('0.95'), 4, 'half-up')!.toFixed()).toBe('12.9954');
    expect(roundQuotientWords(new D('9.99995'), new D(1), 4, 'half-up')!.toFixed()).toBe('10');
    expect(roundQuotientWords(new D('0'), new D('95'), 4, 'half-up')!.toFixed()).toBe('0');
    const negativeZero = Rational.of(new D('-0'), new D('95'));
    expect(fields(roundQuotientWords(negativeZero.n, negativeZero.d, 4, 'half-up')!)).toEqual(fields(roundWithDecimals(negativeZero, 4, 'half-up')));
  });

  it('roundQuotientWords on n and d of two words or fewer (one integer division), and a two-word d otherwise declines', () => {
    expect(roundQuotientWords(new D('0.95'), new D('12.3456'), 4, 'half-up')!.toFixed()).toBe('0.077');
    expect(roundQuotientWords(new D('1'), new D('1234.56'), 4, 'half-up')!.toFixed()).toBe('0.0008');
    expect(roundQuotientWords(new D('1'), new D('12345678'), 4, 'half-up')!.toFixed()).toBe('0');
    expect(roundQuotientWords(new D('-123.45'), new D('12345678'), 6, 'half-up')!.toFixed()).toBe('-0.00001');
    // A longer n over a two-word d, and a longer d, go the BigInt way.
    expect(roundQuotientWords(new D('123456789012345.5'), new D('12.3456'), 4, 'half-up')).toBeNull();
    expect(roundQuotientWords(new D('1'), new D('1.0000000000001'), 4, 'half-up')).toBeNull();
    // n and d of up to 14 digits at every position against a word boundary, ties and their neighbours.
    const short = fc.tuple(fc.stringMatching(/^[1-9]\d{0,13}$/), fc.integer({ min: -30, max: 30 })).map(([ds, e]) => new D(`${ds}e${e}`));
    const mode = fc.constantFrom('half-up', 'floor', 'ceil') as fc.Arbitrary<'half-up' | 'floor' | 'ceil'>;
    let taken = 0;
    let twoWords = 0;
    fc.assert(fc.property(short, fc.boolean(), short, fc.integer({ min: 0, max: 12 }), mode, fc.constantFrom('', '5', '49', '51', '4999999', '5000001'), (n0, minus, d, places, m, tail) => {
      // Half the time n is d times a quotient that sits on a tie (or a hair off it).
      const n1 = tail === '' ? n0 : d.times(new D(n0.toFixed(0)).times(new D(`1e-${places}`)).plus(new D(`${tail}e-${places + tail.length}`)));
      const n = minus ? n1.negated() : n1;
      const fast = roundQuotientWords(n, d, places, m);
      if (fast === null) return;
      taken++;
      if ((d as unknown as Fields).d.length === 2) twoWords++;
      expect(fields(fast)).toEqual(fields(roundWithDecimals(Rational.of(n, d), places, m)));
    }), { numRuns: 20_000 });
    expect(taken).toBeGreaterThan(8000);
    expect(twoWords).toBeGreaterThan(2000);
  });
});
