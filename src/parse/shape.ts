/**
 * The shape of a cell's text, as the shape cache (shape-cache.ts) keys it: the text with
 * each digit replaced by a mark of its kind. Two texts have the same shape when they have
 * the same length, the same characters wherever either has no digit, and digits of the same
 * kind wherever one has a digit: so their digits stand in runs of the same lengths at the
 * same offsets, and every other character, offset and length is the same.
 *
 * Two kinds of digit: ASCII `0`–`9`, and the full-width `０`–`９` that tables exported from
 * Chinese office software write (`９５．０％`). Clean-up folds a full-width digit to its ASCII
 * one, one character for one, whatever its value; a shape keeps the kinds apart, so that a
 * plan learnt from one kind reads its digits from texts of that kind only.
 */

import { mixed } from './hash.js';

/** Whether the character code is an ASCII digit. */
const ascii = (c: number): boolean => c >= 48 && c <= 57;
/** Whether the character code is a full-width digit (U+FF10–U+FF19). */
const wide = (c: number): boolean => c >= 0xff10 && c <= 0xff19;

/** A digit of either kind: a character whose value a shape leaves open. */
export const SHAPE_DIGIT = /[0-9０-９]/;

/**
 * A text's shape: the text itself (what a plan is checked against: `sameShape`), the year
 * the call reads dates with (part of every answer that holds a date, so part of the shape),
 * and a hash of both that ignores the digits' values (what the plans are found by). Also
 * `textHash`, the text's own hashOf (hash.ts), taken in the same pass: what the cache of
 * cells notes a text seen once by.
 */
export class Shape {
  constructor(readonly hash: number, readonly text: string, readonly year: number | null, readonly textHash: number) {}
}

/**
 * The shape of `text` read with `year`, or null when it holds no digit (no plan has a
 * number to fill, and the cache of cells keeps such texts whole). One pass over the text.
 */
export function shapeKey(text: string, year: number | null = null): Shape | null {
  let h = year === null ? 0x2545f491 : Math.imul(Number.isInteger(year) ? year : 0x7fff, 0x9e3779b1);
  let own = 0;
  let digits = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    own = (Math.imul(own, 31) + c) | 0;
    if (ascii(c)) { c = 48; digits++; } else if (wide(c)) { c = 0xff10; digits++; }
    h = (Math.imul(h, 31) + c) | 0;
  }
  // Small enough to be a key the Map holds without a boxed number.
  return digits === 0 ? null : new Shape(h & 0x3fffffff, text, year, mixed(own));
}

/** Whether two shapes are the same (see above): what a plan found by its hash must pass. */
export function sameShape(a: Shape, b: Shape): boolean {
  return a.year === b.year && sameButDigitValues(a.text, b.text);
}

/**
 * Whether two texts are the same but for the values of their digits: wherever they differ,
 * both hold a digit, and of the same kind.
 */
export function sameButDigitValues(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const p = x.charCodeAt(i);
    const q = y.charCodeAt(i);
    if (p !== q && !(ascii(p) ? ascii(q) : wide(p) && wide(q))) return false;
  }
  return true;
}

/**
 * Whether `text[start, end)`, a numeral's slot, is written with full-width digits or points
 * (any character past ASCII there is one: the plans read only digits, points and signs).
 */
export function isWideSlot(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * `text[start, end)` with its full-width digits and points (`．`) folded to ASCII, as clean-up
 * folds them: the numeral a plan reads from a text of a full-width shape.
 */
export function foldedNumeral(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    out += String.fromCharCode(wide(c) || c === 0xff0e ? c - 0xfee0 : c);
  }
  return out;
}
