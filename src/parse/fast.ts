import { readAsWritten } from '../model/format.js';
import { makeQuantityFromInteger } from '../model/quantity.js';
import type { CompareTarget, Quantity } from '../model/types.js';
import { unitAt } from '../model/units.js';
import { passesUnchanged } from '../text/clean.js';
import type { UnitTable } from '../vocab/units.js';
import { PREFIX_OPS, type Op } from '../vocab/words.js';

/** The most digits read into one exact integer: 10^15 < 2^53. */
const MAX_INTEGER_DIGITS = 15;

/**
 * The fast path: most cells of real tables are `[comparator symbol] number [unit]`
 * (`=100%`, `≥50亿元`, `3个工作日`). For exactly those it builds the target directly,
 * without tokens or the grammar; anything else returns null and takes the full path.
 * test/parse/fast-path.test.ts proves on generated input that whatever this accepts, the
 * grammar gives the identical target.
 *
 * One left-to-right pass over char codes: the comparator symbol, a plain decimal of at most
 * 15 digits (no separators, no exponent; longer ones take the full path), read into an
 * exact integer on the way, then the unit, which must be made only of unit letters (any
 * other character, a second number, a bracket or a word like 以上 sends the cell to the
 * full path). The decimals are built from that integer, not from the text again.
 *
 * It reads the raw cell, before clean-up: every character it accepts is one clean-up
 * leaves as it is (the symbols, digits, point, signs and ratio signs always are; the
 * letters of a unit are checked, so `5萬元` or `5m²` go the full way), and none it accepts
 * can be trimmed at an end or start a tag. So a cell it accepts is its own cleaned text,
 * without a separate `isClean` pass over it; test/parse/fast-path.test.ts checks that.
 */

/**
 * Symbol comparators by their first char code, longest first (`>=` before `>`): the second
 * char code (-1 for none) and the op. Only those of one or two chars; any longer one would
 * be left to the full path.
 */
const OPS_BY_FIRST = new Map<number, Array<readonly [number, Op]>>();
for (const [w, o] of [...PREFIX_OPS.entries()].filter(([w]) => w.length <= 2 && /^[<>=≥≤≠!]+$/.test(w)).sort((a, b) => b[0].length - a[0].length)) {
  const c = w.charCodeAt(0);
  const list = OPS_BY_FIRST.get(c) ?? [];
  list.push([w.length === 2 ? w.charCodeAt(1) : -1, o]);
  OPS_BY_FIRST.set(c, list);
}

const FROZEN_NONE: readonly string[] = Object.freeze([]);

/**
 * The 31-polynomial of the char codes of the last text the fast path took (fastTarget or
 * fastQuantityText returned a value), computed as it read them: the parse cache's filter
 * hashes a new cell with it (cache.ts `mixHash`) instead of reading the text again.
 */
export let scannedHash = 0;

/** The target of a raw cell, before clean-up, or null for the full path. */
export function fastTarget(s: string, units: UnitTable): CompareTarget | null {
  const n = s.length;
  let i = 0;
  let op: Op = '=';
  let implicit = true;
  let h = 0;
  const c0 = at(s, 0, n);
  const ops = OPS_BY_FIRST.get(c0);
  if (ops !== undefined) {
    const c1 = at(s, 1, n);
    for (let k = 0; k < ops.length; k++) {
      const second = ops[k]![0];
      if (second === -1) { i = 1; h = c0; } else if (second === c1) { i = 2; h = c0 * 31 + c1; } else continue;
      op = ops[k]![1];
      implicit = false;
      break;
    }
  }
  const quantity = numberAndUnit(s, i, implicit, units, h);
  if (quantity === null) return null;
  return Object.freeze({ kind: 'compare', op, implicit, quantity, text: s, label: null, note: null, modifiers: FROZEN_NONE });
}

/** The same shape without a comparator, for actual values (`52.3亿元`, `98%`, `95`), on a raw text. */
export function fastQuantityText(s: string, units: UnitTable): Quantity | null {
  return numberAndUnit(s, 0, true, units, 0);
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

/** `h`: the hash of the text before `start`, continued over the rest into scannedHash. */
function numberAndUnit(s: string, start: number, implicit: boolean, units: UnitTable, h: number): Quantity | null {
  const n = s.length;
  let i = start;
  let c = at(s, i, n);
  const signed = c === 45 || c === 43;
  // A `+` is not part of the value (decimal.js reads `+5` as 5 too).
  const plus = c === 43;
  if (signed) { h = h * 31 + c | 0; c = at(s, ++i, n); }
  // The digits, point left out, into the integer m: exact, since at most
  // MAX_INTEGER_DIGITS of them are taken (10^15 < 2^53).
  const intStart = i;
  let m = 0;
  while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); h = h * 31 + c | 0; c = at(s, ++i, n); }
  const intDigits = i - intStart;
  if (intDigits === 0) return null;
  let fracDigits = 0;
  if (c === 46) {
    h = h * 31 + c | 0;
    c = at(s, ++i, n);
    const fracStart = i;
    while (c >= 48 && c <= 57) { m = m * 10 + (c - 48); h = h * 31 + c | 0; c = at(s, ++i, n); }
    fracDigits = i - fracStart;
    // `5.`: full path.
    if (fracDigits === 0) return null;
  }
  if (intDigits + fracDigits > MAX_INTEGER_DIGITS) return null;
  const numEnd = i;
  // A hash of the unit's char codes, for unitAt.
  let u = 0;
  if (i === n) {
    // 2023.07 alone is a date.
    if (implicit && !signed && intDigits === 4 && fracDigits >= 1 && fracDigits <= 2) return null;
  } else if (isRatioSign(c)) {
    if (i + 1 !== n) return null;
    u = c;
    h = h * 31 + c | 0;
  } else {
    if (isDateWord(c)) return null;
    for (; i < n; c = at(s, ++i, n)) {
      if (!isUnitLetter(c) || !passesUnchanged(c)) return null;
      u = u * 31 + c | 0;
      h = h * 31 + c | 0;
    }
  }
  const { text: unit, r } = unitAt(s, numEnd, u, units);
  if (!r.known) return null;
  const q = makeQuantityFromInteger(signed && !plus ? -1 : 1, m, -fracDigits, unit, r);
  // The whole text in canonical form (no `+`, no leading zero but that of `0.x`, no trailing
  // zero after the point, not `-0`) is what formatting the quantity writes: remember it.
  if (start === 0 && !plus && (intDigits === 1 || s.charCodeAt(intStart) !== 48) && (fracDigits === 0 || s.charCodeAt(numEnd - 1) !== 48)
    && !(signed && intDigits === 1 && fracDigits === 0 && s.charCodeAt(intStart) === 48)) {
    readAsWritten(q, s);
  }
  scannedHash = h;
  return q;
}
