import { readAsWritten } from '../model/format.js';
import { makeQuantityFromPlain } from '../model/quantity.js';
import type { CompareTarget, Quantity } from '../model/types.js';
import { unitAt } from '../model/units.js';
import { passesUnchanged } from '../text/clean.js';
import type { UnitTable } from '../vocab/units.js';
import { PREFIX_OPS, type Op } from '../vocab/words.js';

/**
 * The fast path: most cells of real tables are `[comparator symbol] number [unit]`
 * (`=100%`, `≥50亿元`, `3个工作日`). For exactly those it builds the target directly,
 * without tokens or the grammar; anything else returns null and takes the full path.
 * test/parse/fast-path.test.ts proves on generated input that whatever this accepts, the
 * grammar gives the identical target.
 *
 * One left-to-right pass over char codes: the comparator symbol, a plain decimal of at
 * most 30 + 30 digits (no separators, no exponent; longer ones take the full path), then
 * the unit, which must be made only of unit letters (any other character, a second
 * number, a bracket or a word like 以上 sends the cell to the full path).
 *
 * It reads the raw cell, before clean-up: every character it accepts is one clean-up
 * leaves as it is (the symbols, digits, point, signs and ratio signs always are; the
 * letters of a unit are checked, so `5萬元` or `5m²` go the full way), and none it accepts
 * can be trimmed at an end or start a tag. So a cell it accepts is its own cleaned text,
 * without a separate `isClean` pass over it; test/parse/fast-path.test.ts checks that.
 */

/** Symbol comparators by their first char code, longest first (`>=` before `>`). */
const OPS_BY_FIRST = new Map<number, Array<readonly [string, Op]>>();
for (const [w, o] of [...PREFIX_OPS.entries()].filter(([w]) => /^[<>=≥≤≠!]+$/.test(w)).sort((a, b) => b[0].length - a[0].length)) {
  const c = w.charCodeAt(0);
  const list = OPS_BY_FIRST.get(c) ?? [];
  list.push([w, o]);
  OPS_BY_FIRST.set(c, list);
}

const MAX_DIGITS = 30;
const FROZEN_NONE: readonly string[] = Object.freeze([]);

/** The target of a raw cell, before clean-up, or null for the full path. */
export function fastTarget(s: string, units: UnitTable): CompareTarget | null {
  let i = 0;
  let op: Op = '=';
  let implicit = true;
  const ops = OPS_BY_FIRST.get(s.charCodeAt(0));
  if (ops !== undefined) {
    for (let k = 0; k < ops.length; k++) {
      const w = ops[k]![0];
      if (s.startsWith(w)) { op = ops[k]![1]; implicit = false; i = w.length; break; }
    }
  }
  const quantity = numberAndUnit(s, i, implicit, units);
  if (quantity === null) return null;
  return Object.freeze({ kind: 'compare', op, implicit, quantity, text: s, label: null, note: null, modifiers: FROZEN_NONE });
}

/** The same shape without a comparator, for actual values (`52.3亿元`, `98%`, `95`), on a raw text. */
export function fastQuantityText(s: string, units: UnitTable): Quantity | null {
  return numberAndUnit(s, 0, true, units);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `%`, `‰`, `‱`: a unit of one character, alone. */
function isRatioSign(c: number): boolean {
  return c === 0x25 || c === 0x2030 || c === 0x2031;
}

/** Letters a unit is spelled with: CJK ideographs, Latin letters, ² and ³. */
function isUnitLetter(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 0xb2 || c === 0xb3;
}

/** Units that can begin a date (`2022年`, `12月`, `3日`, `5号`) or a quarter: full path. */
function isDateWord(c: number): boolean {
  return c === 0x5e74 /* 年 */ || c === 0x6708 /* 月 */ || c === 0x65e5 /* 日 */ || c === 0x53f7 /* 号 */ || c === 0x5b63 /* 季 */;
}

function numberAndUnit(s: string, start: number, implicit: boolean, units: UnitTable): Quantity | null {
  const n = s.length;
  let i = start;
  const c0 = s.charCodeAt(i);
  const signed = c0 === 45 || c0 === 43;
  if (signed) i++;
  const intStart = i;
  while (i < n && isDigit(s.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > MAX_DIGITS) return null;
  let fracDigits = 0;
  const point = i;
  if (i < n && s.charCodeAt(i) === 46) {
    const fracStart = ++i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    fracDigits = i - fracStart;
    // `5.` or a fraction too long: full path.
    if (fracDigits === 0 || fracDigits > MAX_DIGITS) return null;
  }
  const numEnd = i;
  // A hash of the unit's char codes, for unitAt.
  let h = 0;
  if (i === n) {
    // 2023.07 alone is a date.
    if (implicit && !signed && intDigits === 4 && fracDigits >= 1 && fracDigits <= 2) return null;
  } else {
    const u0 = s.charCodeAt(i);
    if (isRatioSign(u0)) {
      if (i + 1 !== n) return null;
      h = u0;
    } else {
      if (isDateWord(u0)) return null;
      for (let k = i; k < n; k++) {
        const c = s.charCodeAt(k);
        if (!isUnitLetter(c) || !passesUnchanged(c)) return null;
        h = h * 31 + c | 0;
      }
    }
  }
  const { text: unit, r } = unitAt(s, i, h, units);
  if (!r.known) return null;
  // A `+` is not part of the value (decimal.js reads `+5` as 5 too).
  const q = makeQuantityFromPlain(s, c0 === 43 ? start + 1 : start, numEnd, unit, r, fracDigits === 0 ? numEnd : point);
  // The whole text in canonical form (no `+`, no leading zero but that of `0.x`, no trailing
  // zero after the point, not `-0`) is what formatting the quantity writes: remember it.
  if (start === 0 && c0 !== 43 && (intDigits === 1 || s.charCodeAt(intStart) !== 48) && (fracDigits === 0 || s.charCodeAt(numEnd - 1) !== 48)
    && !(signed && intDigits === 1 && fracDigits === 0 && s.charCodeAt(intStart) === 48)) {
    readAsWritten(q, s);
  }
  return q;
}
