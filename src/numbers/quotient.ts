import { D, type Decimal } from './decimal.js';

/**
 * Exact quotients of two decimals: rounded to a number of places (completions, scores), to
 * significant digits (the reported value of a fraction: 亩 → 平方米, 三分之二), and whether
 * they terminate at all. A rounded division followed by a second rounding could round twice
 * (`x.4999…` up to `x.5`, then up again), so the quotient is never rounded before the last
 * step: each decimal is read through its plain text as an integer times a power of ten, the
 * quotient of the integers is truncated exactly and its remainder decides the last digit.
 */

export type Rounding = 'half-up' | 'floor' | 'ceil';

const MODE = { 'half-up': D.ROUND_HALF_UP, floor: D.ROUND_FLOOR, ceil: D.ROUND_CEIL } as const;

/** |x| = c · 10^p, c an integer. */
interface Scaled { readonly c: bigint; readonly p: number }

/** |x| as an integer and a power of ten, read from its plain text (sign and point left out). */
function scaled(x: Decimal): Scaled {
  const t = x.toFixed();
  const from = t.charCodeAt(0) === 45 ? 1 : 0;
  const dot = t.indexOf('.');
  if (dot === -1) return { c: BigInt(from === 0 ? t : t.slice(from)), p: 0 };
  return { c: BigInt(t.slice(from, dot) + t.slice(dot + 1)), p: dot + 1 - t.length };
}

function pow10(k: number): bigint {
  return 10n ** BigInt(k);
}

/** a / b rounded at 10^-places, with the sign of n (neg) for rounding and the result. */
function roundScaled(a: Scaled, b: Scaled, neg: boolean, places: number, mode: Rounding): Decimal {
  const k = a.p - b.p + places;
  const num = k >= 0 ? a.c * pow10(k) : a.c;
  const den = k >= 0 ? b.c : b.c * pow10(-k);
  let q = num / den;
  const rem = num - q * den;
  // Half up is away from zero on a tie, as the contract's rule and decimal.js's ROUND_HALF_UP.
  if (rem !== 0n && (mode === 'half-up' ? rem * 2n >= den : (mode === 'ceil') !== neg)) q += 1n;
  return new D(`${neg ? '-' : ''}${q}e${-places}`);
}

/**
 * n / d rounded to `places` decimal places (d > 0; places may be negative): half up away from
 * zero on a tie, floor and ceil by sign. A zero result keeps the sign of n.
 */
export function roundQuotient(n: Decimal, d: Decimal, places: number, mode: Rounding): Decimal {
  // A divisor of 1 (a target of 100 % or 1, a whole weight) leaves n to round as it is.
  if (places >= 0 && d.eq(1)) return n.toDecimalPlaces(places, MODE[mode]);
  return roundScaled(scaled(n), scaled(d), n.isNegative(), places, mode);
}

/**
 * n / d (d > 0) rounded half up to `sd` significant digits: the quotient's leading digit is
 * at the difference of the integers' lengths (or one below, when n's digits are the smaller)
 * plus that of their powers of ten; the rounding place keeps `sd` digits from it.
 */
export function roundSignificant(n: Decimal, d: Decimal, sd: number): Decimal {
  if (n.isZero()) return n;
  const a = scaled(n);
  const b = scaled(d);
  const gap = a.c.toString().length - b.c.toString().length;
  const below = gap >= 0 ? a.c < b.c * pow10(gap) : a.c * pow10(-gap) < b.c;
  const top = (below ? gap - 1 : gap) + a.p - b.p;
  return roundScaled(a, b, n.isNegative(), sd - 1 - top, 'half-up');
}

/**
 * Whether n / d (d ≠ 0) has a finite decimal expansion: its reduced denominator has no prime
 * factor but 2 and 5 (the powers of ten of the two sides do not matter).
 */
export function terminates(n: Decimal, d: Decimal): boolean {
  if (n.isZero()) return true;
  let a = scaled(n).c;
  let b = scaled(d).c;
  let den = b;
  while (b !== 0n) { const t = a % b; a = b; b = t; }
  den /= a;
  while (den % 2n === 0n) den /= 2n;
  while (den % 5n === 0n) den /= 5n;
  return den === 1n;
}
