import { D, isOurDecimal, PRECISION, type Decimal } from './decimal.js';
import { decimalFromDigits } from './plain.js';

/**
 * Exact decimal arithmetic on integers, where numbers/words.ts declines (the completion
 * B / A rounded when A has more than one digit word, the score's ratio, the finite-decimal
 * test): a decimal of our constructor is c · 10^p with
 * c an integer, and c is decimal.js's own digit words put together as a BigInt. Nothing
 * is rounded and nothing is a binary fraction; the results are built as decimal.js builds
 * a decimal from its digits (test/numbers/bigint.test.ts compares them with decimal.js's
 * own operations, field by field). Whatever is not plainly in range (zeros with their
 * signs, non-finite values, exponents far apart, more digits than the precision) is left
 * to decimal.js: these functions then return null.
 */

/** Beyond 10^400 between two exponents, decimal.js is as quick; values of tables are nowhere near. */
export const MAX_SHIFT = 400;

const POW10N: bigint[] = [];
export function pow10n(k: number): bigint {
  return (POW10N[k] ??= 10n ** BigInt(k));
}

const WORD = 10_000_000n;

export interface Coefficient {
  /** The integer, with the sign of the decimal (zero has none: see `zero`). */
  readonly c: bigint;
  /** The power of ten it is scaled by. */
  readonly p: number;
  readonly negative: boolean;
  readonly zero: boolean;
  /** Digits of c. */
  readonly digits: number;
}

type Fields = { readonly d: readonly number[] | null; readonly e: number; readonly s: number };

/**
 * The last two decimals read, by identity (decimals are immutable): a score reads the same
 * two for its ratio, its finite-decimal test and its rounding.
 */
let lastX: Decimal | null = null;
let lastC: Coefficient | null = null;
let prevX: Decimal | null = null;
let prevC: Coefficient | null = null;

/** x = c · 10^p; null for a value that is not finite or not of our constructor. */
export function coefficient(x: Decimal): Coefficient | null {
  if (x === lastX) return lastC;
  if (x === prevX) return prevC;
  const r = read(x);
  prevX = lastX;
  prevC = lastC;
  lastX = x;
  lastC = r;
  return r;
}

function read(x: Decimal): Coefficient | null {
  if (!(isOurDecimal(x) || x instanceof D)) return null;
  const { d, e, s } = x as unknown as Fields;
  if (d === null || d.length === 0 || !Number.isFinite(e)) return null;
  let c = BigInt(d[0]!);
  for (let i = 1; i < d.length; i++) c = c * WORD + BigInt(d[i]!);
  // d[0] has no leading zeros, every later word seven digits; e is the exponent of the first digit.
  const digits = digitCount(d[0]!) + 7 * (d.length - 1);
  return { c: s < 0 ? -c : c, p: e - digits + 1, negative: s < 0, zero: d[0] === 0, digits };
}

/** Digits of a word (below 10^7). */
function digitCount(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1000 ? 3 : w < 10000 ? 4 : w < 100000 ? 5 : w < 1000000 ? 6 : 7;
}

export type Rounding = 'half-up' | 'floor' | 'ceil';

/**
 * n / d rounded to `places` decimal places (d > 0): the quotient truncated at `places` is
 * one integer division of the coefficients, one of them scaled by a power of ten, and the
 * remainder decides the last digit (half up away from zero on a tie, as decimal.js's
 * ROUND_HALF_UP; floor and ceil by sign). A zero result keeps the sign of n, as the
 * decimal.js way does. Null where decimal.js should decide.
 */
export function roundQuotient(n: Decimal, d: Decimal, places: number, mode: Rounding): Decimal | null {
  const a = coefficient(n);
  const b = coefficient(d);
  if (a === null || b === null || b.negative || b.zero) return null;
  const k = a.p - b.p + places;
  if (k > MAX_SHIFT || k < -MAX_SHIFT) return null;
  const neg = a.negative;
  const an = neg ? -a.c : a.c;
  const num = k >= 0 ? an * pow10n(k) : an;
  const den = k >= 0 ? b.c : b.c * pow10n(-k);
  let q = num / den;
  const rem = num - q * den;
  if (rem !== 0n) {
    const up = mode === 'half-up' ? rem * 2n >= den : mode === 'ceil' ? !neg : neg;
    if (up) q += 1n;
  }
  const digits = q.toString();
  if (digits.length > PRECISION) return null;
  const text = neg ? `-${digits}` : digits;
  return decimalFromDigits(text, 0, text.length, -places);
}

/**
 * Whether n / d has a finite decimal expansion: its reduced denominator has no prime
 * factor but 2 and 5 (the powers of ten of the two sides do not matter). Null where
 * decimal.js should decide.
 */
export function terminatingQuotient(n: Decimal, d: Decimal): boolean | null {
  const a = coefficient(n);
  const b = coefficient(d);
  if (a === null || b === null || b.zero) return null;
  if (a.zero) return true;
  let x = a.c < 0n ? -a.c : a.c;
  let y = b.c < 0n ? -b.c : b.c;
  let den = y;
  while (y !== 0n) { const t = x % y; x = y; y = t; }
  den /= x;
  while (den % 2n === 0n) den /= 2n;
  while (den % 5n === 0n) den /= 5n;
  return den === 1n;
}

/**
 * n / d (d > 0) rounded half up to `sd` significant digits, exactly: the quotient's
 * exponent comes from the coefficients' lengths, then it is `roundQuotient` at the places
 * that keep `sd` digits. Null where decimal.js should decide (and for a zero n).
 */
export function roundSignificant(n: Decimal, d: Decimal, sd: number): Decimal | null {
  const a = coefficient(n);
  const b = coefficient(d);
  if (a === null || b === null || a.zero || b.zero || b.negative) return null;
  const ac = a.c < 0n ? -a.c : a.c;
  const gap = a.digits - b.digits;
  if (gap > MAX_SHIFT || gap < -MAX_SHIFT) return null;
  // |ca / cb| is in [10^gap, 10^(gap+1)) or [10^(gap-1), 10^gap).
  const below = gap >= 0 ? ac < b.c * pow10n(gap) : ac * pow10n(-gap) < b.c;
  const exponent = (below ? gap - 1 : gap) + a.p - b.p;
  return roundQuotient(n, d, sd - 1 - exponent, 'half-up');
}
