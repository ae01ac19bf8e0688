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
export interface Scaled { readonly c: bigint; readonly p: number }

/** |x| as an integer and a power of ten, read from its plain text (sign and point left out). */
export function scaled(x: Decimal): Scaled {
  return scaledNumeral(x.toFixed());
}

/**
 * |x| as an integer and a power of ten, for x a plain decimal numeral (digits, at most one
 * point between digits, perhaps a sign before them: what a cell writes and toFixed prints).
 */
export function scaledNumeral(t: string): Scaled {
  const first = t.charCodeAt(0);
  const from = first === 45 || first === 43 ? 1 : 0;
  const dot = t.indexOf('.');
  if (dot === -1) return { c: BigInt(from === 0 ? t : t.slice(from)), p: 0 };
  return { c: BigInt(t.slice(from, dot) + t.slice(dot + 1)), p: dot + 1 - t.length };
}

/** The powers of ten that quotients of table figures need, made once (a constant table). */
const POWERS = Object.freeze(Array.from({ length: 48 }, (_, k) => 10n ** BigInt(k)));

function pow10(k: number): bigint {
  return k < POWERS.length ? POWERS[k]! : 10n ** BigInt(k);
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
  const b = scaled(d);
  // A divisor of 1 (a target of 100 % or 1) leaves n to round as it is; d > 0, so its
  // digits tell it (a comparison with 1 would make a decimal of the 1 on every call).
  if (places >= 0 && b.p === 0 && b.c === 1n) return roundDecimal(n, places, mode);
  return roundScaled(scaled(n), b, n.isNegative(), places, mode);
}

/** n rounded to `places` ≥ 0 decimal places, as a new decimal. */
export function roundDecimal(n: Decimal, places: number, mode: Rounding): Decimal {
  // Always a new decimal, even when nothing is rounded off: what is rounded may be held by
  // others (a target's value, the zero every score of nothing shares), and what is returned
  // is handed to a caller.
  return n.toDecimalPlaces(places, MODE[mode]);
}

/**
 * a / b rounded half up to `sd` significant digits: the quotient's leading digit is at the
 * difference of the integers' lengths (or one below, when a's digits are the smaller) plus
 * that of their powers of ten; the rounding place keeps `sd` digits from it.
 */
function significantScaled(a: Scaled, b: Scaled, neg: boolean, sd: number): Decimal {
  const gap = a.c.toString().length - b.c.toString().length;
  const below = gap >= 0 ? a.c < b.c * pow10(gap) : a.c * pow10(-gap) < b.c;
  const top = (below ? gap - 1 : gap) + a.p - b.p;
  return roundScaled(a, b, neg, sd - 1 - top, 'half-up');
}

/** Whether a / b has a finite decimal expansion: b without its 2s and 5s divides a. */
function terminatesScaled(a: Scaled, b: Scaled): boolean {
  return a.c % withoutTwosAndFives(b.c) === 0n;
}

/** A positive integer without its prime factors 2 and 5 (the ones a power of ten cancels). */
function withoutTwosAndFives(c: bigint): bigint {
  let rest = c;
  while (rest % 2n === 0n) rest /= 2n;
  while (rest % 5n === 0n) rest /= 5n;
  return rest;
}

/**
 * A modulus of repeatingDenominator: a JS number when below SMALL_MODULUS, else a bigint. A
 * remainder by a small one is taken digit by digit, r → (10r + digit) mod m, each step an
 * integer below 10 · SMALL_MODULUS < 2^53, which a JS number holds exactly: exact integer
 * arithmetic on the digits, never a value rounded, and no bigint made for the common case
 * (亩: 3; a ratio `:7.159489`: 7159489).
 */
export type Modulus = number | bigint;
const SMALL_MODULUS = 2 ** 49;
/** Significant digits of an integer read as a small modulus (below 10^14 < SMALL_MODULUS). */
const SMALL_DIGITS = 14;

/**
 * For a / b (b ≠ 0): the least integer m such that x · a / b, for any x = c · 10^p with c an
 * integer, has a finite decimal expansion exactly when m divides c. It is b's integer without
 * its 2s and 5s, over what it shares with a's: then x · a / b = c · (a' / m) · 10^k with a'
 * and m coprime, which has a finite decimal when m divides c and else none. 1 when a / b
 * itself has a finite decimal (every unit's factor but a few: 亩 = 10000/15 平方米, a ratio `:7`).
 */
export function repeatingDenominator(a: Scaled, b: Scaled): Modulus {
  if (b.c === 0n) throw new RangeError('division by zero');
  if (a.c === 0n) return 1;
  const rest = withoutTwosAndFives(b.c);
  return modulus(rest / gcd(a.c, rest));
}

function modulus(m: bigint): Modulus {
  return m < BigInt(SMALL_MODULUS) ? Number(m) : m;
}

/**
 * repeatingDenominator of 1 / x, x a plain numeral other than zero (a ratio's divisor `:0.5`):
 * its digits' integer without its 2s and 5s (1 shares nothing with it), read from the digits.
 */
export function reciprocalRepeating(x: string): Modulus {
  let c = 0;
  let digits = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x.charCodeAt(i) - ZERO_CODE;
    if (d < 0 || d > 9) continue;
    if (c !== 0 || d !== 0) digits++;
    // Past SMALL_DIGITS digits the integer may not be exact as a JS number: read it as a bigint.
    if (digits > SMALL_DIGITS) return repeatingDenominator(ONE_SCALED, scaledNumeral(x));
    c = c * 10 + d;
  }
  if (c === 0) throw new RangeError('division by zero');
  while (c % 2 === 0) c /= 2;
  while (c % 5 === 0) c /= 5;
  return c;
}

const ZERO_CODE = 0x30;
const ONE_SCALED: Scaled = Object.freeze({ c: 1n, p: 0 });

function gcd(x: bigint, y: bigint): bigint {
  let [a, b] = [x, y];
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * Whether a plain decimal numeral (as scaledNumeral reads it) times a number whose
 * repeatingDenominator is `m` has a finite decimal expansion: whether m divides the numeral's
 * digits read as an integer (sign and point left out), without making any number of it.
 */
export function numeralTimesTerminates(numeral: string, m: Modulus): boolean {
  if (m === 1) return true;
  // Only a modulus below SMALL_MODULUS keeps every step of the digit loop exact.
  if (typeof m === 'bigint' || m >= SMALL_MODULUS) return scaledNumeral(numeral).c % BigInt(m) === 0n;
  let r = 0;
  for (let i = 0; i < numeral.length; i++) {
    const d = numeral.charCodeAt(i) - ZERO_CODE;
    if (d >= 0 && d <= 9) r = (r * 10 + d) % m;
  }
  return r === 0;
}

/** n / d (d > 0) rounded half up to `sd` significant digits. */
export function roundSignificant(n: Decimal, d: Decimal, sd: number): Decimal {
  if (n.isZero()) return n;
  return significantScaled(scaled(n), scaled(d), n.isNegative(), sd);
}

/**
 * Whether n / d (d ≠ 0) has a finite decimal expansion: in lowest terms its denominator has
 * no prime factor but 2 and 5 (the powers of ten of the two sides do not matter).
 */
export function terminates(n: Decimal, d: Decimal): boolean {
  return n.isZero() || terminatesScaled(scaled(n), scaled(d));
}

/**
 * The value of n / d (d > 0) as a decimal: exact when it terminates, else rounded half up to
 * `sd` significant digits (contract.md, "Exactness": the JSON of a fraction).
 */
export function quotientDecimal(n: Decimal, d: Decimal, sd: number): Decimal {
  if (n.isZero()) return n.div(d);
  const a = scaled(n);
  const b = scaled(d);
  return terminatesScaled(a, b) ? n.div(d) : significantScaled(a, b, n.isNegative(), sd);
}
