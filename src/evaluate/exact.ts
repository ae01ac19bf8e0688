import { D, isOne, type Decimal } from '../numbers/decimal.js';
import { roundQuotient, roundSignificant } from '../numbers/bigint.js';
import { roundQuotientWords } from '../numbers/words.js';
import { Rational } from '../numbers/rational.js';

/**
 * Rounding of exact fractions without a rounded division in between: both sides are
 * scaled to integers, the integer quotient is truncated exactly (`divToInt` never rounds
 * at this precision) and the remainder decides the last digit. So `9.995` rounds to
 * `10.00` and `10/11 × 10` to `9.09`, exactly as the contract's half-up rule says.
 */

/** Powers of ten, built once: verdicts round on every call. */
const POW10: Decimal[] = [];
function pow10(k: number): Decimal {
  if (k < 0 || k > 256) return new D(10).pow(k);
  return (POW10[k] ??= new D(10).pow(k));
}

function integers(r: Rational): { n: Decimal; d: Decimal } {
  const k = Math.max(r.n.decimalPlaces(), r.d.decimalPlaces());
  if (k === 0) return { n: r.n, d: r.d };
  const s = pow10(k);
  return { n: r.n.times(s), d: r.d.times(s) };
}

const MODE = { 'half-up': D.ROUND_HALF_UP, floor: D.ROUND_FLOOR, ceil: D.ROUND_CEIL } as const;
type Mode = keyof typeof MODE;

function roundWith(r: Rational, places: number, mode: Mode): Decimal {
  return roundPair(r.n, r.d, places, mode);
}

/** n / d rounded (d > 0). */
function roundPair(n: Decimal, d: Decimal, places: number, mode: Mode): Decimal {
  // Exactly, on digit words for a divisor of one word, or of two over a short n
  // (numbers/words.ts), 1 included (a target of 100 % or 1: decimal.js's toDecimalPlaces
  // costs several times as much); where they decline, a whole decimal rounds in decimal.js
  // itself, the rest on BigInts (numbers/bigint.ts) or the decimal.js way.
  return roundQuotientWords(n, d, places, mode)
    ?? (isOne(d) ? n.toDecimalPlaces(places, MODE[mode]) : roundQuotient(n, d, places, mode) ?? roundWithDecimals(Rational.of(n, d), places, mode));
}

/** The rounding through decimal.js alone: integers scaled up, divToInt, the remainder. */
export function roundWithDecimals(r: Rational, places: number, mode: Mode): Decimal {
  const { n, d } = integers(r);
  const x = n.times(pow10(places));
  const neg = x.isNegative();
  const ax = x.abs();
  let q = ax.divToInt(d);
  const rem = ax.minus(q.times(d));
  if (!rem.isZero()) {
    // Half up is away from zero on ties, as decimal.js ROUND_HALF_UP; floor and ceil by sign.
    const up = mode === 'half-up' ? rem.times(2).gte(d) : mode === 'ceil' ? !neg : neg;
    if (up) q = q.plus(1);
  }
  const out = q.div(pow10(places));
  return neg ? out.negated() : out;
}

/** Half up (away from zero on a tie) to `places` decimal places. */
export function roundHalfUp(r: Rational, places: number): Decimal {
  return roundWith(r, places, 'half-up');
}

/**
 * `roundHalfUp(Rational.of(x, y), places)` for decimals x and y ≠ 0, without the Rational
 * when y is positive (the fraction would be the pair as it is).
 */
export function roundQuotientOf(x: Decimal, y: Decimal, places: number): Decimal {
  return y.isNegative() ? roundHalfUp(Rational.of(x, y), places) : roundPair(x, y, places, 'half-up');
}

/** The largest multiple of 10^-places not above r. */
export function floorTo(r: Rational, places: number): Decimal {
  return roundWith(r, places, 'floor');
}

/** The smallest multiple of 10^-places not below r. */
export function ceilTo(r: Rational, places: number): Decimal {
  return roundWith(r, places, 'ceil');
}

/** The exact decimal when the fraction terminates, else rounded half up to `sd` significant digits. */
export function toReportDecimal(r: Rational, sd: number): Decimal {
  if (r.terminating) return r.toDecimal();
  const fast = roundSignificant(r.n, r.d, sd);
  if (fast !== null) return fast;
  // Non-terminating: a tie at digit `sd` is impossible, so one rounding at the working
  // precision (thousands of digits) cannot move the result.
  return r.n.div(r.d).toSignificantDigits(sd, D.ROUND_HALF_UP);
}

export function rat(d: Decimal | string | number): Rational {
  return Rational.of(d instanceof D ? d : new D(d));
}

export function min(a: Rational, b: Rational): Rational {
  return a.cmp(b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return a.cmp(b) >= 0 ? a : b;
}
