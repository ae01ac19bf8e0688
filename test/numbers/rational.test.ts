import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { D, type Decimal } from '../../src/numbers/decimal.js';
import { Rational } from '../../src/numbers/rational.js';

const digits = fc.oneof(
  fc.stringMatching(/^-?\d{1,12}(\.\d{1,12})?$/),
  fc.stringMatching(/^-?0\.0{0,20}\d{1,8}$/),
  fc.stringMatching(/^-?\d{1,40}(\.\d{1,40})?$/),
  fc.constantFrom('0', '-0', '1', '-1', '0.5', '1e-30', '9999999', '10000000', '0.0000001', '123456789e20'),
);
const decimal = digits.map((t) => new D(t));
const nonZero = decimal.filter((x) => !x.isZero());

describe('Rational', () => {
  it('compares fractions exactly by cross-multiplication', () => {
    const third = Rational.of('1', '3');
    expect(third.cmp(Rational.of('0.33333333333333333333'))).toBe(1);
    expect(third.times(Rational.of('3')).eq(Rational.ONE)).toBe(true);
    expect(Rational.of('10000', '15').terminating).toBe(false);
    expect(Rational.of('3', '4').terminating).toBe(true);
    expect(Rational.of('3', '4').toString()).toBe('0.75');
    expect(Rational.of('2', '3').toDecimal().toFixed()).toBe('0.66666666666666666667');
    expect(Rational.of('-2', '3').toDecimal(5).toFixed()).toBe('-0.66667');
    expect(() => Rational.of('1', '0')).toThrow(RangeError);
  });

  it('times, plus, minus and cmp are exact', () => {
    fc.assert(fc.property(decimal, nonZero, decimal, nonZero, (a, b, c, d) => {
      const x = Rational.of(a, b);
      const y = Rational.of(c, d);
      // a/b ∘ c/d against the same on the cross products, all exact at the working precision.
      const value = (r: Rational) => [r.n, r.d] as const;
      const [pn, pd] = value(x.times(y));
      expect(pn.times(b).times(d).eq(a.times(c).times(pd))).toBe(true);
      const [sn, sd] = value(x.plus(y));
      expect(sn.times(b).times(d).eq(a.times(d).plus(c.times(b)).times(sd))).toBe(true);
      const [mn, md] = value(x.minus(y));
      expect(mn.times(b).times(d).eq(a.times(d).minus(c.times(b)).times(md))).toBe(true);
      const sign = (b.isNegative() ? -1 : 1) * (d.isNegative() ? -1 : 1);
      expect(x.cmp(y)).toBe(a.times(d).cmp(c.times(b)) * sign || 0);
      expect(pd.isPositive() && sd.isPositive() && md.isPositive()).toBe(true);
    }), { numRuns: 5000 });
  });

  it('tells a finite decimal as the gcd in decimal.js does', () => {
    // Scale to integers, reduce, strip 2s and 5s: decimal.js alone.
    const slow = (n: Decimal, d: Decimal): boolean => {
      const scale = new D(10).pow(Math.max(n.decimalPlaces(), d.decimalPlaces()));
      let a = n.times(scale).abs();
      let b = d.times(scale).abs();
      let den = b;
      while (!b.isZero()) { const t = a.mod(b); a = b; b = t; }
      if (!a.isZero()) den = den.div(a);
      for (const p of [2, 5]) while (den.mod(p).isZero()) den = den.div(p);
      return den.eq(1);
    };
    const small = fc.oneof(fc.stringMatching(/^-?\d{1,6}(\.\d{1,4})?$/), fc.constantFrom('3', '7', '15', '0.3', '1024', '625', '0.0016', '12.5', '-0'));
    fc.assert(fc.property(small, small.filter((t) => !new D(t).isZero()), (n, d) => {
      expect(Rational.of(n, d).terminating).toBe(slow(new D(n), new D(d)));
    }), { numRuns: 5000 });
  });

  it('gives a terminating value exactly and another rounded half up to 20 digits', () => {
    fc.assert(fc.property(decimal, nonZero, (n, d) => {
      const r = Rational.of(n, d);
      const v = r.toDecimal();
      if (r.terminating) expect(v.times(d).eq(n)).toBe(true);
      else expect(v.eq(n.div(d).toSignificantDigits(20, D.ROUND_HALF_UP))).toBe(true);
    }), { numRuns: 5000 });
  });
});
