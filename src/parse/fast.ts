import { readAsWritten } from '../model/format.js';
import { makeQuantityFromInteger, makeQuantityFromPlain } from '../model/quantity.js';
import { MAX_INTEGER_DIGITS } from '../numbers/plain.js';
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

/** Symbol comparators by their first char code, longest first (`>=` before `>`); each is one or two chars. */
const OPS_BY_FIRST = new Map<number, Array<readonly [number, Op]>>();
for (const [w, o] of [...PREFIX_OPS.entries()].filter(([w]) => /^[<>=≥≤≠!]+$/.test(w)).sort((a, b) => b[0].length - a[0].length)) {
  if (w.length > 2) throw new Error(`fast path: comparator ${w} is longer than two chars`);
  const c = w.charCodeAt(0);
  const list = OPS_BY_FIRST.get(c) ?? [];
  // The second char code, or -1 for a comparator of one char.
  list.push([w.length === 2 ? w.charCodeAt(1) : -1, o]);
  OPS_BY_FIRST.set(c, list);
}

const MAX_DIGITS = 30;
const FROZEN_NONE: readonly string[] = Object.freeze([]);

/** What the last `scan` found. One record, reused: a scan allocates nothing. */
const SCAN = {
  op: '=' as Op,
  implicit: true,
  /** Where the number starts (its sign included), ends, and where its point is (numEnd for none). */
  numStart: 0,
  numEnd: 0,
  point: 0,
  signed: false,
  intDigits: 0,
  fracDigits: 0,
  /** The digits (point left out) as an integer, exact when there are at most MAX_INTEGER_DIGITS. */
  mantissa: 0,
  /** Hash of the unit's char codes (from numEnd on), for unitAt. */
  unitHash: 0,
};

/**
 * Reads the raw text `s` as `[symbol] number [unit]` (a symbol only when `withOp`), every
 * char once: true when it has that shape, and then SCAN holds its parts. Nothing here
 * depends on a unit table: whether the unit is known is decided when the target is built.
 */
function scan(s: string, withOp: boolean): boolean {
  const n = s.length;
  let i = 0;
  SCAN.op = '=';
  SCAN.implicit = true;
  if (withOp) {
    const ops = OPS_BY_FIRST.get(at(s, 0, n));
    if (ops !== undefined) {
      const c1 = at(s, 1, n);
      for (let k = 0; k < ops.length; k++) {
        const second = ops[k]![0];
        if (second === -1) i = 1; else if (second === c1) i = 2; else continue;
        SCAN.op = ops[k]![1];
        SCAN.implicit = false;
        break;
      }
    }
  }
  SCAN.numStart = i;
  let c = at(s, i, n);
  const signed = c === 45 || c === 43;
  if (signed) c = at(s, ++i, n);
  const intStart = i;
  let m = 0;
  while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); c = at(s, ++i, n); }
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > MAX_DIGITS) return false;
  let fracDigits = 0;
  const point = i;
  if (c === 46) {
    c = at(s, ++i, n);
    const fracStart = i;
    while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); c = at(s, ++i, n); }
    fracDigits = i - fracStart;
    // `5.` or a fraction too long: full path.
    if (fracDigits === 0 || fracDigits > MAX_DIGITS) return false;
  }
  const numEnd = i;
  let u = 0;
  if (i === n) {
    // 2023.07 alone (no comparator before it) is a date.
    if (SCAN.implicit && !signed && intDigits === 4 && fracDigits >= 1 && fracDigits <= 2) return false;
  } else if (isRatioSign(c)) {
    if (i + 1 !== n) return false;
    u = c;
  } else {
    if (isDateWord(c)) return false;
    for (; i < n; c = at(s, ++i, n)) {
      if (!isUnitLetter(c) || !passesUnchanged(c)) return false;
      u = u * 31 + c | 0;
    }
  }
  SCAN.signed = signed;
  SCAN.numEnd = numEnd;
  SCAN.point = fracDigits === 0 ? numEnd : point;
  SCAN.intDigits = intDigits;
  SCAN.fracDigits = fracDigits;
  SCAN.mantissa = m;
  SCAN.unitHash = u;
  return true;
}

/** The target of the cell `scan(s, true)` last took, or null when its unit sends it the full way. */
function scannedTarget(s: string, units: UnitTable): CompareTarget | null {
  const quantity = scannedQuantity(s, units);
  if (quantity === null) return null;
  return Object.freeze({ kind: 'compare', op: SCAN.op, implicit: SCAN.implicit, quantity, text: s, label: null, note: null, modifiers: FROZEN_NONE });
}

/** The target of a raw cell, before clean-up, or null for the full path. */
export function fastTarget(s: string, units: UnitTable): CompareTarget | null {
  return scan(s, true) ? scannedTarget(s, units) : null;
}

/** The same shape without a comparator, for actual values (`52.3亿元`, `98%`, `95`), on a raw text. */
export function fastQuantityText(s: string, units: UnitTable): Quantity | null {
  return scan(s, false) ? scannedQuantity(s, units) : null;
}

/**
 * The char code at i, or -1 past the end. (charCodeAt past the end gives NaN, and V8's
 * optimized code then calls the generic builtin for every read: about 80 instructions a cell.)
 */
function at(s: string, i: number, n: number): number {
  return i < n ? s.charCodeAt(i) : -1;
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

/** The quantity of the number and unit `scan` last found in s, or null when the unit is unknown. */
function scannedQuantity(s: string, units: UnitTable): Quantity | null {
  const { numStart: start, numEnd, point, signed, intDigits, fracDigits } = SCAN;
  const { text: unit, r } = unitAt(s, numEnd, SCAN.unitHash, units);
  if (!r.known) return null;
  const plus = signed && s.charCodeAt(start) === 43;
  // A `+` is not part of the value (decimal.js reads `+5` as 5 too). Up to 15 digits the
  // decimals are built from the digits the scan read (an exact integer), else from the text.
  const q = intDigits + fracDigits <= MAX_INTEGER_DIGITS
    ? makeQuantityFromInteger(signed && !plus ? -1 : 1, SCAN.mantissa, -fracDigits, unit, r)
    : makeQuantityFromPlain(s, plus ? start + 1 : start, numEnd, unit, r, point);
  // The whole text in canonical form (no `+`, no leading zero but that of `0.x`, no trailing
  // zero after the point, not `-0`) is what formatting the quantity writes: remember it.
  const intStart = signed ? start + 1 : start;
  if (start === 0 && !plus && (intDigits === 1 || s.charCodeAt(intStart) !== 48) && (fracDigits === 0 || s.charCodeAt(numEnd - 1) !== 48)
    && !(signed && intDigits === 1 && fracDigits === 0 && s.charCodeAt(intStart) === 48)) {
    readAsWritten(q, s);
  }
  return q;
}
