import type { Decimal } from '../numbers/decimal.js';
import { roundDecimal, roundQuotient, type Rounding } from '../numbers/quotient.js';
import { Rational } from '../numbers/rational.js';

/**
 * Rounding of exact fractions for what verdicts and scores report: the fraction is rounded
 * once, exactly (numbers/quotient.ts), so `9.995` rounds to `10.00` and `10/11 × 10` to
 * `9.09`, as the contract's half-up rule says.
 */

function roundWith(r: Rational, places: number, mode: Rounding): Decimal {
  return r.isWhole() && places >= 0 ? roundDecimal(r.n, places, mode) : roundQuotient(r.n, r.d, places, mode);
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
  return y.isNegative() ? roundHalfUp(Rational.of(x, y), places) : roundQuotient(x, y, places, 'half-up');
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
  return r.toDecimal(sd);
}

export function min(a: Rational, b: Rational): Rational {
  return a.cmp(b) <= 0 ? a : b;
}

export function max(a: Rational, b: Rational): Rational {
  return a.cmp(b) >= 0 ? a : b;
}
