import { D, type Decimal } from '../numbers/decimal.js';
import { Rational } from '../numbers/rational.js';
import type { Quantity } from './types.js';
import type { ResolvedUnit } from './units.js';

/** Exact values behind a Quantity's printed decimals; non-enumerable, so JSON and equality ignore it. */
const EXACT: unique symbol = Symbol('indicator-expr.exact');

interface ExactParts { readonly value: Rational; readonly base: Rational }

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
  Object.defineProperty(q, EXACT, { value: { value, base } satisfies ExactParts, enumerable: false });
  return Object.freeze(q) as Quantity;
}

/** The exact value (as written) of a quantity. */
export function exactValue(q: Quantity): Rational {
  const x = (q as unknown as { [EXACT]?: ExactParts })[EXACT];
  return x ? x.value : Rational.of(new D(q.value.toString()));
}

/** The exact value in base units. */
export function exactBase(q: Quantity): Rational {
  const x = (q as unknown as { [EXACT]?: ExactParts })[EXACT];
  return x ? x.base : Rational.of(new D(q.base.value.toString()));
}

export function isQuantity(x: unknown): x is Quantity {
  if (x === null || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return typeof o['unit'] === 'string' && typeof o['dimension'] === 'string' && o['value'] !== undefined
    && typeof o['base'] === 'object' && o['base'] !== null;
}

export type { Decimal };
