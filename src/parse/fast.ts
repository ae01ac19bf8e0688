import { makeQuantityFromPlain } from '../model/quantity.js';
import type { CompareTarget, Quantity } from '../model/types.js';
import { resolveUnit } from '../model/units.js';
import type { CleanText } from '../text/clean.js';
import type { UnitTable } from '../vocab/units.js';
import { PREFIX_OPS, type Op } from '../vocab/words.js';

/**
 * The fast path: most cells of real tables are `[comparator symbol] number [unit]`
 * (`=100%`, `≥50亿元`, `3个工作日`). For exactly those it builds the target directly,
 * without tokens or the grammar; anything else returns null and takes the full path.
 * test/parse/fast-path.test.ts proves on generated input that whatever this accepts, the
 * grammar gives the identical target.
 */
const SYMBOL_OPS: ReadonlyArray<readonly [string, Op]> = [...PREFIX_OPS.entries()]
  .filter(([w]) => /^[<>=≥≤≠!]+$/.test(w))
  .sort((a, b) => b[0].length - a[0].length);

/** A plain decimal: no separators, no exponent, bounded length (long ones take the full path). */
const NUMBER = /^[-+]?\d{1,30}(?:\.\d{1,30})?/;

/** Units that can make a date (`2022年`, `12月`) or a compound unit: full path. */
const CONTEXTUAL = /^(?:年|月|日|号|季)|[\/·*]/;

const OP_FIRST = new Set(SYMBOL_OPS.map(([w]) => w[0]!));
const UNIT_LETTERS = /^(?:[%‰‱]|[\u4e00-\u9fffA-Za-z²³]+)$/;
const FROZEN_NONE: readonly string[] = Object.freeze([]);

export function fastCompare(ct: CleanText, units: UnitTable): CompareTarget | null {
  const s = ct.text;
  let i = 0;
  let op: Op = '=';
  let implicit = true;
  if (OP_FIRST.has(s[0]!)) {
    for (const [w, o] of SYMBOL_OPS) {
      if (s.startsWith(w, 0)) { op = o; implicit = false; i = w.length; break; }
    }
  }
  const quantity = numberAndUnit(s, i, implicit, units);
  if (quantity === null) return null;
  return Object.freeze({ kind: 'compare', op, implicit, quantity, text: ct.original, label: null, note: null, modifiers: FROZEN_NONE });
}

/** The same shape without a comparator, for actual values (`52.3亿元`, `98%`, `95`). */
export function fastQuantity(ct: CleanText, units: UnitTable): Quantity | null {
  return numberAndUnit(ct.text, 0, true, units);
}

function numberAndUnit(s: string, i: number, implicit: boolean, units: UnitTable): Quantity | null {
  const m = NUMBER.exec(i === 0 ? s : s.slice(i));
  if (!m) return null;
  const num = m[0];
  const unit = s.slice(i + num.length);
  if (unit !== '') {
    if (CONTEXTUAL.test(unit)) return null;
    // Only letters of a unit may follow (a second number, a word or a bracket: full path).
    if (!UNIT_LETTERS.test(unit)) return null;
  } else if (implicit && /^\d{4}\.\d{1,2}$/.test(num)) {
    return null; // 2023.07 alone is a date
  }
  const r = resolveUnit(unit, units);
  if (!r.known) return null;
  return makeQuantityFromPlain(num.charCodeAt(0) === 43 ? num.slice(1) : num, unit, r);
}
