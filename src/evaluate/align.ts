import { baseUnit, exactValue, makeQuantity } from '../model/quantity.js';
import type { Quantity } from '../model/types.js';
import { resolveUnit, splitAtom } from '../model/units.js';
import type { UnitTable } from '../vocab/units.js';

/**
 * Making two quantities comparable (contract.md, "Compatibility"): they compare only when
 * dimension and base unit both match; when exactly one side has no unit it is read in the
 * other side's unit, and the verdict says which unit was assumed.
 */
export type Alignment =
  | { readonly ok: true; readonly target: Quantity; readonly actual: Quantity; readonly assumedUnit: string | null }
  | { readonly ok: false };

export function sameKind(a: Quantity, b: Quantity): boolean {
  return a.dimension === b.dimension && baseUnit(a) === baseUnit(b);
}

/**
 * A unitless quantity read in another's unit: `95` in `%` is 95%, `132.9` in `万元` is
 * 132.9万元. A bare magnitude keeps its magnitude and takes the unit's word: `50亿` in
 * `亿元` is 50亿元, in `万元` too (the magnitude written wins over the one of the other side).
 */
export function readInUnitOf(q: Quantity, other: Quantity, table: UnitTable): Quantity | null {
  if (q.dimension !== 'number' || other.dimension === 'number') return null;
  let unit: string;
  if (q.unit === '') {
    unit = other.unit;
  } else {
    const slash = other.unit.indexOf('/');
    const head = slash === -1 ? other.unit : other.unit.slice(0, slash);
    const tail = slash === -1 ? '' : other.unit.slice(slash);
    const atom = splitAtom(head, table);
    unit = `${q.unit}${atom.unit}${tail}`;
  }
  const r = resolveUnit(unit, table);
  if (r.dimension !== other.dimension || r.base !== baseUnit(other)) return null;
  return makeQuantity(exactValue(q), unit, r);
}

export function align(target: Quantity, actual: Quantity, table: UnitTable): Alignment {
  if (sameKind(target, actual)) return { ok: true, target, actual, assumedUnit: null };
  const a = readInUnitOf(actual, target, table);
  if (a) return { ok: true, target, actual: a, assumedUnit: a.unit };
  const t = readInUnitOf(target, actual, table);
  if (t) return { ok: true, target: t, actual, assumedUnit: t.unit };
  return { ok: false };
}

/**
 * Percentage points (`个百分点`, `百分点`) are an absolute difference of ratios, while `%`,
 * `‰` and `‱` in a tolerance or a change are relative to the value they apply to.
 */
export function isRelativeRatio(q: Quantity): boolean {
  return q.dimension === 'ratio' && !q.unit.endsWith('百分点');
}

export function isPoints(q: Quantity): boolean {
  return q.dimension === 'ratio' && q.unit.endsWith('百分点');
}
