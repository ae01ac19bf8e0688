import { D, exponentOf, type Decimal } from './decimal.js';

/**
 * Exact rounding of a quotient of two decimals, through decimal.js's public methods only.
 * Completions, scores and the reported value of a fraction (亩 → 平方米, 三分之二) are quotients
 * rounded to a number of places; a rounded division followed by a second rounding could
 * round twice (`x.4999…` up to `x.5`, then up again), so the quotient is never rounded
 * before the last step: its integer part at the rounding place is truncated exactly
 * (`divToInt`) and the remainder decides the last digit.
 */

export type Rounding = 'half-up' | 'floor' | 'ceil';

const MODE = { 'half-up': D.ROUND_HALF_UP, floor: D.ROUND_FLOOR, ceil: D.ROUND_CEIL } as const;

/** 10^k, exactly. */
export function tenTo(k: number): Decimal {
  return new D(`1e${k}`);
}

/**
 * n / d rounded to `places` decimal places (d > 0; places may be negative): half up away from
 * zero on a tie, as the contract's rule and decimal.js's ROUND_HALF_UP; floor and ceil by
 * sign. A zero result keeps the sign of n.
 */
export function roundQuotient(n: Decimal, d: Decimal, places: number, mode: Rounding): Decimal {
  // A whole divisor of 1 (a target of 100 % or 1, every weight of a pass) is n itself.
  if (places >= 0 && d.eq(1)) return n.toDecimalPlaces(places, MODE[mode]);
  const neg = n.isNegative();
  // |n| / d · 10^places = q + rem / d, with q an integer: exact at the working precision.
  const scaled = places === 0 ? n.abs() : n.abs().times(tenTo(places));
  let q = scaled.divToInt(d);
  const rem = scaled.minus(q.times(d));
  if (!rem.isZero()) {
    const up = mode === 'half-up' ? rem.times(2).gte(d) : (mode === 'ceil') !== neg;
    if (up) q = q.plus(1);
  }
  const out = places === 0 ? q : q.times(tenTo(-places));
  return neg ? out.negated() : out;
}

/**
 * n / d (d > 0) rounded half up to `sd` significant digits. The leading digit of the quotient
 * is at the difference of the two exponents, or one below it when |n|'s digits are smaller
 * than d's; rounding at the place that keeps `sd` digits is then roundQuotient.
 */
export function roundSignificant(n: Decimal, d: Decimal, sd: number): Decimal {
  if (n.isZero()) return n;
  const gap = exponentOf(n) - exponentOf(d);
  const top = n.abs().lt(d.times(tenTo(gap))) ? gap - 1 : gap;
  return roundQuotient(n, d, sd - 1 - top, 'half-up');
}
