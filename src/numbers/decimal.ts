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
 * D's limits, read once. decimal.js keeps its settings among the constructor's own
 * properties, which V8 holds in a dictionary (D has too many of them for a fast layout), so
 * every `D.precision` is a hash lookup. The package never changes them after the clone.
 */
export const PRECISION: number = D.precision;
export const MAX_E: number = D.maxE;
export const MIN_E: number = D.minE;

/**
 * Whether x is a decimal of our constructor, by the own `constructor` field decimal.js gives
 * every instance (and `decimalFromDigits` too). The same answer as `x instanceof D` for
 * every decimal the package makes, for one field load instead of the lookup of
 * `Symbol.hasInstance` among D's dictionary properties (measured 4 ns against 15 ns, and
 * `Object.getPrototypeOf` is not much quicker); where anything else may come (a subclass),
 * callers test `instanceof D` after it.
 */
export function isOurDecimal(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { constructor?: unknown }).constructor === D;
}

export const ZERO = new D(0);
export const ONE = new D(1);

/** Anything a caller may pass as a number: our Decimal, any decimal.js copy, a string or a number. */
export type DecimalLike = string | number | bigint | { toString(): string; isFinite?: () => boolean } ;

/** True for a Decimal from any copy of decimal.js (they do not share a prototype). */
export function isDecimalLike(x: unknown): x is { toString(): string } {
  if (x === null || typeof x !== 'object') return false;
  if (DecimalJs.isDecimal(x)) return true;
  const o = x as Record<string, unknown>;
  return Array.isArray(o['d']) && typeof o['e'] === 'number' && typeof o['s'] === 'number'
    && typeof o['toFixed'] === 'function';
}

/** Plain-notation text, no exponent, no trailing zeros ("0.95", "5000000000", "-3"). */
export function plain(d: Decimal): string {
  if (d.isZero()) return '0'; // also folds -0
  return d.toFixed();
}

type Fields = { readonly d: readonly number[] | null; readonly e: number; readonly s: number };

/** Whether d is exactly 1, read from its fields (no `new Decimal(1)` per test, as `d.eq(1)` makes). */
export function isOne(d: Decimal): boolean {
  const x = d as unknown as Fields;
  return x.s === 1 && x.e === 0 && x.d !== null && x.d.length === 1 && x.d[0] === 1;
}

/**
 * `x.cmp(y)` for two decimals of our constructor, without the copy of `y` that decimal.js
 * makes first: the same steps on the same fields (sign, zero, exponent, then the words).
 * Not finite on either side: decimal.js itself decides.
 */
export function cmpDecimals(x: Decimal, y: Decimal): number {
  const a = x as unknown as Fields;
  const b = y as unknown as Fields;
  const xd = a.d;
  const yd = b.d;
  if (xd === null || yd === null || !(isOurDecimal(y) || y instanceof D)) return x.cmp(y);
  const xs = a.s;
  const ys = b.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
  if (xs !== ys) return xs;
  if (a.e !== b.e) return (a.e > b.e) !== (xs < 0) ? 1 : -1;
  const xl = xd.length;
  const yl = yd.length;
  for (let i = 0, j = xl < yl ? xl : yl; i < j; ++i) {
    if (xd[i] !== yd[i]) return (xd[i]! > yd[i]!) !== (xs < 0) ? 1 : -1;
  }
  return xl === yl ? 0 : (xl > yl) !== (xs < 0) ? 1 : -1;
}
