import { D, isOurDecimal, type Decimal } from '../numbers/decimal.js';
import { decimalFromInteger, decimalFromStripped, INTEGER_LIMIT, POW10, significantDigits, trailingZeros } from '../numbers/plain.js';
import { mul, Rational } from '../numbers/rational.js';
import type { Quantity } from './types.js';
import type { ResolvedUnit } from './units.js';

/** Exact values behind a Quantity's printed decimals; non-enumerable, so JSON and equality ignore it. */
const EXACT: unique symbol = Symbol('indicator-expr.exact');

interface ExactParts { readonly value: Rational; readonly base: Rational }

/**
 * The quantity sign × m × 10^q in `unit`, for an integer 0 ≤ m < 10^15: the fast path reads
 * the digits of a cell into m while it scans them, and both decimals are built from m
 * (decimalFromInteger), not from the text again.
 */
export function makeQuantityFromInteger(sign: number, m: number, q: number, unit: string, resolved: ResolvedUnit): Quantity {
  const pow10 = resolved.pow10;
  if (pow10 === null) {
    const value = decimalFromInteger(sign, m, q);
    // A whole factor: the product of two integers, exact while it stays below 10^15 (if the
    // true product were 2^53 or more, its rounded double would be too, and fail the test).
    const f = resolved.wholeFactor;
    if (f !== null && m * f < INTEGER_LIMIT) return exactQuantity(value, decimalFromInteger(sign, m * f, q), unit, resolved);
    return byFactor(value, unit, resolved);
  }
  // A zero (with its sign) is the same decimal in every unit.
  if (m === 0) { const zero = decimalFromInteger(sign, 0, q); return exactQuantity(zero, zero, unit, resolved); }
  // The value and the base value differ only in their exponent: m's trailing zeros and
  // digits are counted once for both.
  const z = trailingZeros(m);
  if (z > 0) { m /= POW10[z]!; q += z; }
  const nd = significantDigits(m);
  const value = decimalFromStripped(sign, m, nd, q);
  return exactQuantity(value, pow10 === 0 ? value : decimalFromStripped(sign, m, nd, q + pow10), unit, resolved);
}

/**
 * A decimal value in a unit whose factor is no power of ten: a whole factor (天 is 86400 秒)
 * is one exact product, as makeQuantity computes it (Rational.times by a whole factor is
 * that product), without its Rationals; a fraction (亩) goes through makeQuantity.
 */
function byFactor(value: Decimal, unit: string, resolved: ResolvedUnit): Quantity {
  const f = resolved.factor;
  return f.isWhole() ? exactQuantity(value, mul(value, f.n), unit, resolved) : makeQuantity(Rational.of(value), unit, resolved);
}

/** A quantity whose value and base value are both exact decimals. */
function exactQuantity(value: Decimal, base: Decimal, unit: string, resolved: ResolvedUnit): Quantity {
  return Object.freeze({
    value,
    unit,
    dimension: resolved.dimension,
    base: Object.freeze({ value: base, unit: resolved.base }),
    known: resolved.known,
    exact: true,
  }) as Quantity;
}

export function makeQuantity(value: Rational, unit: string, resolved: ResolvedUnit): Quantity {
  const base = value.times(resolved.factor);
  const exact = value.terminating && base.terminating;
  const q = {
    value: value.toDecimal(),
    unit,
    dimension: resolved.dimension,
    base: Object.freeze({ value: base.toDecimal(), unit: resolved.base }),
    known: resolved.known,
    exact,
  };
  // Only a value without a finite decimal needs its fraction kept beside the rounded decimals.
  if (!exact) Object.defineProperty(q, EXACT, { value: { value, base } satisfies ExactParts, enumerable: false });
  return Object.freeze(q) as Quantity;
}

/** A quantity rebuilt by a user may hold a Decimal of another decimal.js copy. */
function toOurDecimal(v: unknown): Decimal {
  return isOurDecimal(v) || v instanceof D ? v as Decimal : new D(String(v));
}

/** The exact value (as written) of a quantity. */
export function exactValue(q: Quantity): Rational {
  const x = (q as unknown as { [EXACT]?: ExactParts })[EXACT];
  return x ? x.value : Rational.of(toOurDecimal(q.value));
}

/** The exact value in base units. */
export function exactBase(q: Quantity): Rational {
  const x = (q as unknown as { [EXACT]?: ExactParts })[EXACT];
  return x ? x.base : Rational.of(toOurDecimal(q.base.value));
}

/**
 * The base value as a decimal when that decimal is the exact value (nearly every quantity;
 * not one kept as a fraction), else null: the same number exactBase gives, without its Rational.
 */
export function baseDecimal(q: Quantity): Decimal | null {
  return (q as unknown as { [EXACT]?: ExactParts })[EXACT] ? null : toOurDecimal(q.base.value);
}

/** The sign of the base value (−1, 0, 1), without a Rational for it. */
export function baseSign(q: Quantity): number {
  const x = (q as unknown as { [EXACT]?: ExactParts })[EXACT];
  if (x) return x.base.sign();
  const d = toOurDecimal(q.base.value);
  return d.isZero() ? 0 : d.isNegative() ? -1 : 1;
}

export function isQuantity(x: unknown): x is Quantity {
  if (x === null || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return typeof o['unit'] === 'string' && typeof o['dimension'] === 'string' && o['value'] !== undefined
    && typeof o['base'] === 'object' && o['base'] !== null;
}

export type { Decimal };
