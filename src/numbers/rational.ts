import { D, type Decimal, ONE, ZERO, isOurDecimal, plain } from './decimal.js';
import { quotientDecimal, terminates } from './quotient.js';

/**
 * An exact number n/d of decimals (d > 0). Almost every value has d = 1; fractions arise
 * only from factors without a finite decimal (亩 = 10000/15 平方米) and spelled ratios
 * (三分之二). Comparison cross-multiplies, so verdicts are exact without ever dividing.
 */
export class Rational {
  /** Whether d is 1, kept so the common case never compares decimals. */
  private readonly whole: boolean;

  private constructor(readonly n: Decimal, readonly d: Decimal, whole?: boolean) {
    this.whole = whole ?? d.eq(ONE);
  }

  static of(n: Decimal | string, d?: Decimal | string): Rational {
    const nd = isOurDecimal(n) ? n : new D(n);
    if (d === undefined) return new Rational(nd, ONE, true);
    let nn = nd;
    let dd = isOurDecimal(d) ? d : new D(d);
    if (dd.isZero()) throw new RangeError('Rational with zero denominator');
    if (dd.isNegative()) { nn = nn.negated(); dd = dd.negated(); }
    return new Rational(nn, dd);
  }

  static readonly ZERO = new Rational(ZERO, ONE, true);
  static readonly ONE = new Rational(ONE, ONE, true);

  /** Whether the value has a finite decimal expansion (its reduced denominator has only 2s and 5s). */
  get terminating(): boolean {
    return this.whole || terminates(this.n, this.d);
  }

  times(o: Rational): Rational {
    // Most factors are whole powers of ten over 1: skip the work a fraction would need.
    if (o.whole) {
      if (o.n.eq(ONE)) return this;
      return new Rational(this.n.times(o.n), this.d, this.whole);
    }
    return new Rational(this.n.times(o.n), this.d.times(o.d));
  }
  div(o: Rational): Rational {
    // Two whole decimals: the fraction is just the pair (no products by 1).
    if (this.whole && o.whole) return Rational.of(this.n, o.n);
    return Rational.of(this.n.times(o.d), this.d.times(o.n));
  }
  plus(o: Rational): Rational {
    if (this.whole && o.whole) return new Rational(this.n.plus(o.n), ONE, true);
    if (this.d.eq(o.d)) return new Rational(this.n.plus(o.n), this.d);
    return new Rational(this.n.times(o.d).plus(o.n.times(this.d)), this.d.times(o.d));
  }
  minus(o: Rational): Rational {
    // Two whole decimals (the margin of nearly every verdict): one subtraction.
    if (this.whole && o.whole) return new Rational(this.n.minus(o.n), ONE, true);
    return this.plus(o.neg());
  }
  neg(): Rational { return new Rational(this.n.negated(), this.d, this.whole); }
  abs(): Rational { return new Rational(this.n.abs(), this.d, this.whole); }
  cmp(o: Rational): number {
    if (this.whole && o.whole) return this.n.cmp(o.n);
    // Against zero (max(0, B/A) in every score of a non-pass) the sign decides: d > 0.
    if (o.isZero()) return this.sign();
    return this.n.times(o.d).cmp(o.n.times(this.d));
  }
  eq(o: Rational): boolean { return this.cmp(o) === 0; }
  sign(): number { return this.n.isZero() ? 0 : this.n.isNegative() ? -1 : 1; }
  /** Whether d is 1: then n is the value. */
  isWhole(): boolean { return this.whole; }
  isZero(): boolean { return this.n.isZero(); }

  /** The exact decimal when it terminates, else rounded half up to `sd` significant digits. */
  toDecimal(sd = 20): Decimal {
    // ZERO and ONE are shared by every caller: a decimal handed out from them is a new one
    // (a margin of 0, a score of 0), so that no caller can change another's.
    if (this === Rational.ZERO || this === Rational.ONE) return new D(this.n);
    return this.whole ? this.n : quotientDecimal(this.n, this.d, sd);
  }

  toString(): string { return plain(this.toDecimal()); }
}
