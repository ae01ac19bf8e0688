import { D, isOurDecimal, type Decimal } from '../numbers/decimal.js';
import { isZeroNumeral, plainOrder } from '../numbers/plain-order.js';
import { numeralTimesTerminates } from '../numbers/quotient.js';
import { Rational } from '../numbers/rational.js';
import type { Quantity } from './types.js';
import type { ResolvedUnit } from './units.js';

/** The signs a numeral as written may begin with (a shape may be made from `-5`). */
const MINUS = 0x2d;
const PLUS = 0x2b;

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
 *
 * Most callers read few of its numbers (checking a table's targets reads none; a verdict
 * reads the exact base only), so a quantity keeps what it was made from (the number as
 * written, the exact value when it was computed, or how to read it from a numeral written
 * with Chinese units, and its resolved unit) and makes each number, and its `base`, on first need. The memos are private fields of this one object,
 * set once, each from the same inputs: no reader can tell when they were made.
 */
class HeldQuantity {
  declare readonly value: Decimal;
  declare readonly unit: string;
  declare readonly dimension: Quantity['dimension'];
  declare readonly base: HeldBase;
  declare readonly known: boolean;
  declare readonly exact: boolean;
  /** The number as written (a plain decimal numeral), or null when made from an exact value. */
  readonly #digits: string | null;
  /** How to read the exact value (a numeral with Chinese units, `3万4000`), or null. */
  readonly #read: (() => Rational) | null;
  readonly #resolved: ResolvedUnit;
  #exactValue: Rational | null;
  #exactBase: Rational | null = null;
  #value: Decimal | null = null;
  #baseValue: Decimal | null = null;
  #base: HeldBase | null = null;

  constructor(digits: string | null, value: Rational | null, unit: string, resolved: ResolvedUnit, rounded: boolean, read: (() => Rational) | null = null) {
    this.#digits = digits;
    this.#read = read;
    this.#exactValue = value;
    this.#resolved = resolved;
    // Own, enumerable properties in the order of the contract's JSON shape.
    Object.defineProperty(this, 'value', VALUE_READ);
    const self = this as { -readonly [K in keyof HeldQuantity]: HeldQuantity[K] };
    self.unit = unit;
    self.dimension = resolved.dimension;
    Object.defineProperty(this, 'base', BASE_READ);
    self.known = resolved.known;
    self.exact = !rounded && this.#terminates(value);
    Object.freeze(this);
  }

  /**
   * Whether the value and the base value both have a finite decimal. A number as written
   * has one, and its digits tell whether its base has (the unit's `repeating`), so no
   * fraction is made for a cell whose unit's factor has no finite decimal (`≥10亩`, a ratio
   * `3:7`). A product of two finite decimals has one, so of an exact value given, only one
   * in such a unit needs the base itself (the parse's way, which a planned cell's is checked
   * against); so does a number read from a numeral with Chinese units (a decimal too).
   */
  #terminates(value: Rational | null): boolean {
    if (value === null && this.#digits !== null) return numeralTimesTerminates(this.#digits, this.#resolved.repeating);
    if (value !== null && !value.terminating) return false;
    // The unit's modulus is 1 exactly when its factor has a finite decimal (units.ts), known
    // from the unit alone: no fraction is reduced for `%` on every end of a range made from a sum.
    return this.#resolved.repeating === 1 || this.#exactBaseRead().terminating;
  }

  #exactValueRead(): Rational {
    return this.#exactValue ??= this.#read === null ? Rational.of(this.#digits!) : this.#read();
  }
  #exactBaseRead(): Rational {
    return this.#exactBase ??= this.#exactValueRead().times(this.#resolved.factor);
  }
  #baseRead(): HeldBase {
    return this.#base ??= new HeldBase(this, this.#resolved.base);
  }

  /** Whether q is one of these (not a look-alike a caller built, nor an object of its prototype). */
  static #holds(q: unknown): q is HeldQuantity {
    return typeof q === 'object' && q !== null && #resolved in q;
  }
  static valueOf(q: HeldQuantity): Decimal { return q.#value ??= q.#exactValueRead().toDecimal(); }
  static baseValueOf(q: HeldQuantity): Decimal { return q.#baseValue ??= q.#exactBaseRead().toDecimal(); }
  static baseOf(q: HeldQuantity): HeldBase { return q.#baseRead(); }
  static exactValueOf(q: unknown): Rational | null { return HeldQuantity.#holds(q) ? q.#exactValueRead() : null; }
  static exactBaseOf(q: unknown): Rational | null { return HeldQuantity.#holds(q) ? q.#exactBaseRead() : null; }
  /** The exact base value as a decimal, null when only its fraction is exact; undefined for a look-alike. */
  static baseDecimalOf(q: unknown): Decimal | null | undefined {
    if (!HeldQuantity.#holds(q)) return undefined;
    return q.exact ? HeldQuantity.baseValueOf(q) : null;
  }
  static isHeld(q: unknown): boolean { return HeldQuantity.#holds(q); }

  /**
   * The number as written when it has no sign (`95`, `0.50`; not `-5`, which a shape may
   * also be made from), else null: what the orders read from the digits take.
   */
  #unsigned(): string | null {
    const d = this.#digits;
    return d === null || d.charCodeAt(0) === MINUS || d.charCodeAt(0) === PLUS ? null : d;
  }

  /** See baseSign: every factor is positive, so an unsigned numeral's sign is its digits'. */
  static baseSign(q: unknown): number | undefined {
    if (!HeldQuantity.#holds(q)) return undefined;
    const d = q.#unsigned();
    return d === null ? q.#exactBaseRead().sign() : isZeroNumeral(d) ? 0 : 1;
  }
  static baseUnitOf(q: unknown): string | undefined {
    return HeldQuantity.#holds(q) ? q.#resolved.base : undefined;
  }

  /** See heldBaseOrder. */
  static baseOrder(a: unknown, b: unknown): number | undefined {
    if (!HeldQuantity.#holds(a) || !HeldQuantity.#holds(b) || !a.exact || !b.exact) return undefined;
    if (a.#resolved.factor !== b.#resolved.factor) return b.#exactBaseRead().cmp(a.#exactBaseRead());
    // One factor on both sides, and every factor is positive (a registry takes no other:
    // requireUnitDefs): the values as written order the bases.
    const x = a.#unsigned();
    const y = b.#unsigned();
    return x !== null && y !== null ? plainOrder(y, x) : b.#exactValueRead().cmp(a.#exactValueRead());
  }
}

/** A quantity's `base`: its value in base units, handed out as HeldQuantity's value is. */
class HeldBase {
  declare readonly value: Decimal;
  declare readonly unit: string;
  readonly #of: HeldQuantity;
  constructor(of: HeldQuantity, unit: string) {
    this.#of = of;
    Object.defineProperty(this, 'value', BASE_VALUE_READ);
    (this as { unit: string }).unit = unit;
    Object.freeze(this);
  }
  static valueOf(b: HeldBase): Decimal { return HeldQuantity.baseValueOf(b.#of); }
}

function readValue(this: HeldQuantity): Decimal {
  return new D(HeldQuantity.valueOf(this));
}

function readBase(this: HeldQuantity): HeldBase {
  return HeldQuantity.baseOf(this);
}

function readBaseValue(this: HeldBase): Decimal {
  return new D(HeldBase.valueOf(this));
}

/** The `value` and `base` properties of every quantity, and `value` of every base: read through the functions above. */
const VALUE_READ: PropertyDescriptor = Object.freeze({ get: readValue, enumerable: true });
const BASE_READ: PropertyDescriptor = Object.freeze({ get: readBase, enumerable: true });
const BASE_VALUE_READ: PropertyDescriptor = Object.freeze({ get: readBaseValue, enumerable: true });

/**
 * `rounded`: the value is known to be a rounding of one that is not at hand (a JSON value
 * written with `exact: false` whose fraction cannot be told): it stays marked inexact.
 */
export function makeQuantity(value: Rational, unit: string, resolved: ResolvedUnit, rounded = false): Quantity {
  return new HeldQuantity(null, value, unit, resolved, rounded) as unknown as Quantity;
}

/**
 * A quantity of a number as written: `digits` is a plain decimal numeral (ASCII digits, at
 * most one point between digits, perhaps a sign before them), which is read only when one of
 * its numbers is.
 */
export function makeQuantityOfDigits(digits: string, unit: string, resolved: ResolvedUnit): Quantity {
  return new HeldQuantity(digits, null, unit, resolved, false) as unknown as Quantity;
}

/**
 * A quantity of a number that `read` gives exactly when first needed: a numeral written with
 * Chinese units (`3万4000`), read as the lexer reads it. `read` gives a decimal (a whole
 * Rational) and the same one on every call.
 */
export function makeQuantityOnRead(read: () => Rational, unit: string, resolved: ResolvedUnit): Quantity {
  return new HeldQuantity(null, null, unit, resolved, false, read) as unknown as Quantity;
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

/** Whether two quantities are the same in every field and in their exact base values (a plan's check against the parse). */
export function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.value.eq(b.value) && a.unit === b.unit && a.base.value.eq(b.base.value) && a.base.unit === b.base.unit
    && a.dimension === b.dimension && a.known === b.known && a.exact === b.exact && exactBase(a).eq(exactBase(b));
}

/**
 * The order of b's base value against a's (−1, 0, 1) when both are the package's own
 * quantities with exact decimal base values (else undefined): what a compare verdict
 * decides, without making the decimals of either when both have one unit and were written
 * as plain numerals (a shape of a cell seen before), nor multiplying by the unit's factor.
 */
export function heldBaseOrder(a: Quantity, b: Quantity): number | undefined {
  return HeldQuantity.baseOrder(a, b);
}

/** The sign of the base value (−1, 0, 1), without a Rational for it. */
export function baseSign(q: Quantity): number {
  const held = HeldQuantity.baseSign(q);
  if (held !== undefined) return held;
  const d = toOurDecimal(q.base.value);
  return d.isZero() ? 0 : d.isNegative() ? -1 : 1;
}

/** The base unit (`q.base.unit`), without making the `base` of one of the package's quantities. */
export function baseUnit(q: Quantity): string {
  return HeldQuantity.baseUnitOf(q) ?? q.base.unit;
}

/**
 * Whether x is a quantity the package made (not a look-alike): its fields are right by
 * construction, and its decimals need not be read (each read of `value` makes a new one)
 * to know that they are decimals.
 */
export function isHeldQuantity(x: unknown): x is Quantity {
  return HeldQuantity.isHeld(x);
}

export function isQuantity(x: unknown): x is Quantity {
  if (x === null || typeof x !== 'object') return false;
  if (isHeldQuantity(x)) return true;
  const o = x as Record<string, unknown>;
  return typeof o['unit'] === 'string' && typeof o['dimension'] === 'string' && o['value'] !== undefined
    && typeof o['base'] === 'object' && o['base'] !== null;
}

export type { Decimal };
