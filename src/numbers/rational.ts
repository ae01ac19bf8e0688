import { terminatingQuotient } from './bigint.js';
import { D, Q, type Decimal, ONE, ZERO, cmpDecimals, isOne, isOurDecimal, plain } from './decimal.js';
import { minusWords, timesWords } from './words.js';

/**
 * x · y exactly: on decimal.js's digit words (words.ts) when they can, else by decimal.js.
 * Scores multiply and cross-multiply fractions on every row (ratio × weight, B·A' against
 * A·B', 0 × W); decimal.js copies its argument first and works in its general loop.
 */
export function mul(x: Decimal, y: Decimal): Decimal {
  return timesWords(x, y) ?? x.times(y);
}

/**
 * An exact number n/d of decimals (d > 0). Almost every value has d = 1; fractions arise
 * only from factors without a finite decimal (亩 = 10000/15 平方米) and spelled ratios
 * (三分之二). Comparison cross-multiplies, so verdicts are exact without ever dividing.
 */
export class Rational {
  /** Whether d is 1, kept so the common case never compares decimals. */
  private readonly whole: boolean;

  private constructor(readonly n: Decimal, readonly d: Decimal, whole?: boolean) {
    this.whole = whole ?? isOne(d);
  }

  static of(n: Decimal | string, d?: Decimal | string): Rational {
    const nd = isOurDecimal(n) || n instanceof D ? n as Decimal : new D(n);
    if (d === undefined) return new Rational(nd, ONE, true);
    let nn = nd;
    let dd = isOurDecimal(d) || d instanceof D ? d as Decimal : new D(d);
    if (dd.isZero()) throw new RangeError('Rational with zero denominator');
    if (dd.isNegative()) { nn = nn.negated(); dd = dd.negated(); }
    return new Rational(nn, dd);
  }

  static readonly ZERO = new Rational(ZERO, ONE, true);
  static readonly ONE = new Rational(ONE, ONE, true);

  /** Whether the value has a finite decimal expansion (its reduced denominator has only 2s and 5s). */
  get terminating(): boolean {
    if (this.whole) return true;
    return terminatingQuotient(this.n, this.d) ?? this.terminatingByDecimals();
  }

  /** The same test in decimal.js alone. */
  private terminatingByDecimals(): boolean {
    // Scale both to integers, reduce by the gcd, then strip 2s and 5s.
    const scale = new D(10).pow(Math.max(this.n.decimalPlaces(), this.d.decimalPlaces()));
    let n = this.n.times(scale).abs();
    let d = this.d.times(scale);
    let a = n, b = d;
    while (!b.isZero()) { const t = a.mod(b); a = b; b = t; }
    if (!a.isZero()) { n = n.div(a); d = d.div(a); }
    for (const p of [2, 5]) while (d.mod(p).isZero()) d = d.div(p);
    return d.eq(ONE);
  }

  times(o: Rational): Rational {
    // Most factors are whole powers of ten over 1: skip the work a fraction would need.
    if (o.whole) {
      if (isOne(o.n)) return this;
      return new Rational(mul(this.n, o.n), this.d, this.whole);
    }
    return new Rational(mul(this.n, o.n), mul(this.d, o.d));
  }
  div(o: Rational): Rational {
    // Two whole decimals: the fraction is just the pair (no products by 1).
    if (this.whole && o.whole) return Rational.of(this.n, o.n);
    return Rational.of(this.n.times(o.d), this.d.times(o.n));
  }
  plus(o: Rational): Rational {
    if (this.whole && o.whole) return new Rational(this.n.plus(o.n), ONE, true);
    if (cmpDecimals(this.d, o.d) === 0) return new Rational(this.n.plus(o.n), this.d);
    return new Rational(mul(this.n, o.d).plus(mul(o.n, this.d)), mul(this.d, o.d));
  }
  minus(o: Rational): Rational {
    // Two whole decimals (the margin of nearly every verdict): exactly, on their digit words.
    if (this.whole && o.whole) return new Rational(minusWords(this.n, o.n) ?? this.n.minus(o.n), ONE, true);
    return this.plus(o.neg());
  }
  neg(): Rational { return new Rational(this.n.negated(), this.d, this.whole); }
  abs(): Rational { return new Rational(this.n.abs(), this.d, this.whole); }
  cmp(o: Rational): number {
    if (this.whole && o.whole) return cmpDecimals(this.n, o.n);
    // Against zero (max(0, B/A) in every score of a non-pass) the sign decides: d > 0.
    if (o.isZero()) return this.sign();
    return cmpDecimals(mul(this.n, o.d), mul(o.n, this.d));
  }
  eq(o: Rational): boolean { return this.cmp(o) === 0; }
  sign(): number { return this.n.isZero() ? 0 : this.n.isNegative() ? -1 : 1; }
  /** Whether d is 1: then n is the value. */
  isWhole(): boolean { return this.whole; }
  isZero(): boolean { return this.n.isZero(); }

  /** The exact decimal when it terminates, else rounded half up to `sd` significant digits. */
  toDecimal(sd = 20): Decimal {
    if (this.whole) return this.n;
    if (this.terminating) {
      // Exact: the quotient terminates within the working precision.
      return this.n.div(this.d);
    }
    return new D(new Q(this.n.toString()).div(new Q(this.d.toString())).toSignificantDigits(sd).toString());
  }

  toString(): string { return plain(this.toDecimal()); }
}
