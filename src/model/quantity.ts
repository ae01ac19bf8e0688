import { D, isOurDecimal, type Decimal } from '../numbers/decimal.js';
import { Rational } from '../numbers/rational.js';
import type { Quantity } from './types.js';
import type { ResolvedUnit } from './units.js';

/**
 * A quantity as the package makes it, safe to give to any number of callers.
 *
 * Its decimals are decimal.js objects, whose fields any holder can write. A quantity given
 * to two callers (a repeated cell is parsed once and its target given to every row that
 * repeats it) must not let one of them change what the other reads. So a quantity never
 * hands out the decimals it holds: each read of `value` or `base.value` is a new Decimal
 * made from them by decimal.js's constructor, and what it holds (the printed decimals and
 * the exact values behind them) is in private fields, out of every caller's reach. The
 * package's own computations read the exact values (exactValue, exactBase), and only ever
 * make new decimals from them.
 */
class HeldQuantity {
  declare readonly value: Decimal;
  declare readonly unit: string;
  declare readonly dimension: Quantity['dimension'];
  declare readonly base: HeldBase;
  declare readonly known: boolean;
  declare readonly exact: boolean;
  readonly #value: Decimal;
  readonly #exactValue: Rational;
  readonly #exactBase: Rational;
  readonly #base: HeldBase;

  constructor(value: Rational, base: Rational, unit: string, resolved: ResolvedUnit, rounded: boolean) {
    this.#value = value.toDecimal();
    this.#exactValue = value;
    this.#exactBase = base;
    this.#base = new HeldBase(base.toDecimal(), resolved.base);
    // Own, enumerable properties in the order of the contract's JSON shape.
    Object.defineProperty(this, 'value', VALUE_READ);
    const self = this as { -readonly [K in keyof HeldQuantity]: HeldQuantity[K] };
    self.unit = unit;
    self.dimension = resolved.dimension;
    self.base = this.#base;
    self.known = resolved.known;
    self.exact = !rounded && value.terminating && base.terminating;
    Object.freeze(this);
  }

  /** Whether q is one of these (not a look-alike a caller built, nor an object of its prototype). */
  static #holds(q: unknown): q is HeldQuantity {
    return typeof q === 'object' && q !== null && #exactValue in q;
  }
  static valueOf(q: HeldQuantity): Decimal { return q.#value; }
  static exactValueOf(q: unknown): Rational | null { return HeldQuantity.#holds(q) ? q.#exactValue : null; }
  static exactBaseOf(q: unknown): Rational | null { return HeldQuantity.#holds(q) ? q.#exactBase : null; }
  /** The exact base value as a decimal, null when only its fraction is exact; undefined for a look-alike. */
  static baseDecimalOf(q: unknown): Decimal | null | undefined {
    if (!HeldQuantity.#holds(q)) return undefined;
    return q.exact ? HeldBase.valueOf(q.#base) : null;
  }
}

/** A quantity's `base`: its value in base units, handed out as HeldQuantity's value is. */
class HeldBase {
  declare readonly value: Decimal;
  declare readonly unit: string;
  readonly #value: Decimal;
  constructor(value: Decimal, unit: string) {
    this.#value = value;
    Object.defineProperty(this, 'value', BASE_VALUE_READ);
    (this as { unit: string }).unit = unit;
    Object.freeze(this);
  }
  static valueOf(b: HeldBase): Decimal { return b.#value; }
}

function readValue(this: HeldQuantity): Decimal {
  return new D(HeldQuantity.valueOf(this));
}

function readBaseValue(this: HeldBase): Decimal {
  return new D(HeldBase.valueOf(this));
}

/** The `value` property of every quantity, and of every base: read through the functions above. */
const VALUE_READ: PropertyDescriptor = Object.freeze({ get: readValue, enumerable: true });
const BASE_VALUE_READ: PropertyDescriptor = Object.freeze({ get: readBaseValue, enumerable: true });

/**
 * `rounded`: the value is known to be a rounding of one that is not at hand (a JSON value
 * written with `exact: false` whose fraction cannot be told): it stays marked inexact.
 */
export function makeQuantity(value: Rational, unit: string, resolved: ResolvedUnit, rounded = false): Quantity {
  return new HeldQuantity(value, value.times(resolved.factor), unit, resolved, rounded) as unknown as Quantity;
}

/** A quantity rebuilt by a user may hold a Decimal of another decimal.js copy. */
function toOurDecimal(v: unknown): Decimal {
  return isOurDecimal(v) ? v : new D(String(v));
}

/** The exact value (as written) of a quantity. */
export function exactValue(q: Quantity): Rational {
  return HeldQuantity.exactValueOf(q) ?? Rational.of(toOurDecimal(q.value));
}

/** The exact value in base units. */
export function exactBase(q: Quantity): Rational {
  return HeldQuantity.exactBaseOf(q) ?? Rational.of(toOurDecimal(q.base.value));
}

/**
 * The base value as a decimal when that decimal is the exact value (nearly every quantity;
 * not one kept as a fraction), else null: the same number exactBase gives, without its Rational.
 */
export function baseDecimal(q: Quantity): Decimal | null {
  const held = HeldQuantity.baseDecimalOf(q);
  return held === undefined ? toOurDecimal(q.base.value) : held;
}

/** The sign of the base value (−1, 0, 1), without a Rational for it. */
export function baseSign(q: Quantity): number {
  const x = HeldQuantity.exactBaseOf(q);
  if (x) return x.sign();
  const d = toOurDecimal(q.base.value);
  return d.isZero() ? 0 : d.isNegative() ? -1 : 1;
}

/**
 * Whether x is a quantity the package made (not a look-alike): its fields are right by
 * construction, and its decimals need not be read (each read of `value` makes a new one)
 * to know that they are decimals.
 */
export function isHeldQuantity(x: unknown): x is Quantity {
  return HeldQuantity.exactValueOf(x) !== null;
}

export function isQuantity(x: unknown): x is Quantity {
  if (x === null || typeof x !== 'object') return false;
  if (isHeldQuantity(x)) return true;
  const o = x as Record<string, unknown>;
  return typeof o['unit'] === 'string' && typeof o['dimension'] === 'string' && o['value'] !== undefined
    && typeof o['base'] === 'object' && o['base'] !== null;
}

export type { Decimal };
