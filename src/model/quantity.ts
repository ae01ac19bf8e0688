import { D, isOurDecimal, type Decimal } from '../numbers/decimal.js';
import { Rational } from '../numbers/rational.js';
import type { Quantity } from './types.js';
import type { ResolvedUnit } from './units.js';

/** Exact values behind a Quantity's printed decimals; non-enumerable, so JSON and equality ignore it. */
const EXACT: unique symbol = Symbol('indicator-expr.exact');

interface ExactParts { readonly value: Rational; readonly base: Rational }

/**
 * `rounded`: the value is known to be a rounding of one that is not at hand (a JSON value
 * written with `exact: false` whose fraction cannot be told): it stays marked inexact.
 */
export function makeQuantity(value: Rational, unit: string, resolved: ResolvedUnit, rounded = false): Quantity {
  const base = value.times(resolved.factor);
  const exact = !rounded && value.terminating && base.terminating;
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

/**
 * The same quantity with decimals of its own, made by decimal.js's constructor (which copies
 * a Decimal's digits): what a cache hands out, so that no caller can alter what another gets.
 */
export function freshQuantity(q: Quantity): Quantity {
  const base = Object.freeze({ value: new D(q.base.value), unit: q.base.unit });
  const copy = { value: new D(q.value), unit: q.unit, dimension: q.dimension, base, known: q.known, exact: q.exact };
  const x = (q as unknown as { [EXACT]?: ExactParts })[EXACT];
  if (x) {
    const parts: ExactParts = { value: Rational.of(new D(x.value.n), new D(x.value.d)), base: Rational.of(new D(x.base.n), new D(x.base.d)) };
    Object.defineProperty(copy, EXACT, { value: Object.freeze(parts), enumerable: false });
  }
  return Object.freeze(copy) as Quantity;
}

/** A quantity rebuilt by a user may hold a Decimal of another decimal.js copy. */
function toOurDecimal(v: unknown): Decimal {
  return isOurDecimal(v) ? v : new D(String(v));
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
