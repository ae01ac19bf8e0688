import DecimalJs, { type Decimal as DecimalClass } from 'decimal.js';

/**
 * The package's own Decimal constructor. A library must never change the global
 * decimal.js configuration (users share it), so we clone it.
 *
 * Precision: inputs are capped at MAX_INPUT_LENGTH characters, so no literal has more
 * than a few thousand digits; products of a literal and a unit factor stay exact at this
 * precision. Non-terminating quotients never happen on the value path: they are kept as
 * fractions (see rational.ts); only reporting divides, through `Q` below.
 * Exponents are never used in printing (`toExpNeg`/`toExpPos`): the JSON contract wants
 * plain notation.
 */
export const D: typeof DecimalClass = DecimalJs.clone({
  precision: 10_000,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
/*
 * The types name decimal.js's class by its named export, never its default export: the
 * package's declarations then mean the same under every module resolution (under node16
 * ESM the default import of decimal.js's CommonJS declarations is the module object, and
 * every decimal would decay to `any`). test/package/packaging.test.ts checks each mode.
 */
export type Decimal = DecimalClass;

/** Decimals for reporting quotients (completion, score ratio): rounded, never exact. */
export const Q: typeof DecimalClass = DecimalJs.clone({
  precision: 40,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});

/**
 * Whether x is a decimal of our constructor. Every clone of one decimal.js copy shares a
 * prototype, so `instanceof` also holds for a user's own clone, whose methods would compute at
 * that clone's precision: the constructor decides. Any other value, a decimal of another
 * clone or copy included, is read through its text before use.
 */
export function isOurDecimal(x: unknown): x is Decimal {
  return x instanceof D && x.constructor === D;
}

export const ZERO = new D(0);
export const ONE = new D(1);

/** Anything a caller may pass as a number: our Decimal, any decimal.js copy, a string or a number. */
export type DecimalLike = string | number | bigint | { toString(): string; isFinite?: () => boolean } ;

/**
 * True for a Decimal from any copy of decimal.js (they do not share a prototype): decimal.js's
 * own `isDecimal` recognises every copy; the tag test covers copies that mark their decimals
 * only with `Symbol.toStringTag`.
 */
export function isDecimalLike(x: unknown): x is { toString(): string } {
  if (x === null || typeof x !== 'object') return false;
  if (DecimalJs.isDecimal(x)) return true;
  return Object.prototype.toString.call(x) === '[object Decimal]'
    && typeof (x as { toFixed?: unknown }).toFixed === 'function';
}

/** Plain-notation text, no exponent, no trailing zeros ("0.95", "5000000000", "-3"). */
export function plain(d: Decimal): string {
  if (d.isZero()) return '0'; // also folds -0
  return d.toFixed();
}

/**
 * The power of ten of the leading digit of a finite decimal (2 for 123.4, −2 for 0.05, 0 for
 * zero): its significant digits, integer zeros included, less its decimal places, less one.
 */
export function exponentOf(d: Decimal): number {
  return d.precision(true) - d.decimalPlaces() - 1;
}
