import { isUnitPiece, numeralValue, secondNumberAt, type NumeralPiece } from '../numbers/chinese.js';
import { Rational } from '../numbers/rational.js';
import type { MixedNumeral } from './lexer.js';
import type { Slot } from './part-plans.js';
import { foldedNumeral, isWideSlot } from './shape.js';

/**
 * Numerals that mix Arabic digits with Chinese ones or units (`3万4000`, `25万6千`,
 * `十亿3000万`), for the shape cache (shape-cache.ts). The value of such a numeral is not its
 * digits as written: `3万4000` is 3×10⁴ + 4000, `25万6` is 256000 (colloquial elision of a
 * lone last digit, which `25万16` is not), `五十3` is 53 but `五十12` writes a second number
 * (an error). So the lexer reads the digits' values, and its scan is not `shapeSafe`.
 *
 * But which pieces the numeral is made of (Arabic runs, Chinese digits and units), where it
 * ends and which of its last units are a magnitude are decided by the characters alone, the
 * same in every text of the shape. Of the digits' values the scan reads only two things:
 * - whether an Arabic run after 十/百/千 reaches that unit (`五十12`: a second number, the
 *   scan fails); secondNumberAt decides, and it must find none on the new digits either, as
 *   it found none for the template (a numeral that writes two numbers makes no token);
 * - the value, by numeralValue, which decides the joins and the elision itself.
 * A plan of such a shape keeps the numeral's pieces (the Chinese ones as they are, the Arabic
 * ones as spans of the input) and, for a new text, slices the Arabic runs from it and asks
 * both functions again, as the lexer asks them: the token, the grammar's reading and the
 * build's are then the template's but for that number's value, which goes into its quantity
 * only (shape-cache.ts gives the conditions). Whether the numeral is two numbers decides
 * the answer and is asked at once; the value goes into the quantity only and is read when
 * first needed, as a quantity reads a number as written (model/quantity.ts). A numeral the
 * scan read and made no token of (a label's word, a fraction's denominator) keeps the whole
 * cell unplanned (lexer.ts, `numerals`).
 */

/**
 * An Arabic run of a mixed numeral: its span of the input, `wide` when written in full-width
 * digits (read folded, as clean-up folds them one for one).
 */
interface RunSlot extends Slot { readonly wide: boolean }

/** A mixed numeral in a text of the shape: its span, and its pieces, each Arabic run as its span of the input. */
export interface NumeralSlot extends Slot {
  readonly pieces: readonly ({ readonly char: string } | RunSlot)[];
  /** How many pieces make the value (the rest is the magnitude, which goes to the unit). */
  readonly valueCount: number;
}

/** A plain run of digits, as these plans read them (no sign, no thousands commas). */
const PLAIN_RUN = /^\d+(?:\.\d+)?$/;

/**
 * The slot of a mixed numeral the scan read, whose token's text starts at `start` in the
 * input (`at` in the cleaned text, one for one with the input there: shape-cache.ts checks
 * that), or null when one of its Arabic runs is not plain digits in the input. Its value has
 * a unit among its pieces, so that numeralValue always reads a value from them.
 */
export function numeralSlot(read: MixedNumeral, text: string, at: number, start: number, end: number): NumeralSlot | null {
  if (!read.pieces.slice(0, read.valueCount).some((p) => isUnitPiece(p.piece))) return null;
  const pieces: ({ readonly char: string } | RunSlot)[] = [];
  for (const p of read.pieces) {
    if ('char' in p.piece) { pieces.push(p.piece); continue; }
    const a = start + (p.start - at);
    const b = start + (p.end - at);
    const wide = isWideSlot(text, a, b);
    if (!PLAIN_RUN.test(foldedNumeral(text, a, b))) return null;
    pieces.push({ start: a, end: b, wide });
  }
  return { start, end, pieces, valueCount: read.valueCount };
}

/**
 * How to read the value of the numeral at `slot` in `text` (a text of the shape it was
 * planned from) as the lexer reads it; null when the new digits make it two numbers (the
 * parse then fails).
 */
export function numeralSlotReader(slot: NumeralSlot, text: string): (() => Rational) | null {
  const pieces = slot.pieces.map((p): NumeralPiece => ('char' in p ? p : { arabic: p.wide ? foldedNumeral(text, p.start, p.end) : text.slice(p.start, p.end) }));
  if (secondNumberAt(pieces) !== null) return null;
  const valuePieces = slot.valueCount === pieces.length ? pieces : pieces.slice(0, slot.valueCount);
  return () => Rational.of(numeralValue(valuePieces)!);
}
