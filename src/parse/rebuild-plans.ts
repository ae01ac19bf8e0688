import type { IndicatorError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import type { CleanText } from '../text/clean.js';
import type { UnitTable } from '../vocab/units.js';
import { emptyRange, type RangeRead } from './build.js';
import { plainValue, remadeToken, remap, remappable, type DatePlan, type DateSeen, type Remade, type Remake } from './date-plans.js';
import { Generations } from './generations.js';
import type { RawSegment } from './grammar.js';
import { hasDigit, type Token } from './lexer.js';
import { quantityAt } from './part-plans.js';
import { digitsCovered, PLAIN_NUMBER, type DigitWords } from './shape-cache.js';
import { sameButDigitValues, sameShape, type Shape } from './shape.js';
import * as T from './tokens.js';

/**
 * Plans for cells the build rejects after a decision on their numbers' values: `90%-85%`,
 * whose ends are out of order (EMPTY_RANGE, quoting both ends), `95±-5%`. Such an error
 * depends on the digits, so the shape cache does not plan it (shape-cache.ts, learnError);
 * but the scan and the grammar before the build read no digit's value, and they cost most of
 * the parse. A plan keeps what they made of one text of the shape (its cleaned text, the
 * tokens after labels were merged, the grammar's segments, the notes), as a date plan does
 * (date-plans.ts), and a later text of the shape is answered so:
 * - its cleaned text is the template's but for the values of its ASCII digits;
 * - every token that holds digits is remade from the new text: a number's image and value
 *   (read as the lexer reads a plain number, by the same functions), a label's image;
 * - the template's segments are remapped onto those tokens, and the build runs on them as on
 *   any parse: it takes its decisions on the new values and makes its own target or error.
 *
 * When the build's first decision on values was a range's order (`90%-85%`; BuildContext.reads),
 * a text of the shape whose ends are out of order too is answered before its tokens are
 * remade: its error is the build's (`emptyRange`) on the two ends read from its own digits
 * in the units the template's ends were read in. Every check of the build before that
 * decision reads no value, so it passes on the text as on the template; that decision fails
 * on the text's ends, and the build stops at it with that error. Ends in order go on to the
 * remade tokens and the build, which takes that decision and every later one itself.
 *
 * A shape is planned only when the scan read no digit's value (`shapeSafe`), every ASCII digit
 * of the cleaned text is in a number written as plain digits (a sign and a point allowed, no
 * thousands comma) or in a label's text, none in a note, and no vocabulary word can run into a
 * digit (`DigitWords`): then the scan of a text of the shape makes the same tokens but for
 * the numbers' values and the images of the tokens holding digits.
 */

/**
 * What a plan keeps of the scan and the grammar of the text it was learnt from, as a date plan
 * keeps it; its tokens are remade as a date plan's are (date-plans.ts, `remadeToken`): kept,
 * a label's image, or a plain number's image and value.
 */
interface RebuildPlan extends Pick<DatePlan, 'tokens' | 'remakes' | 'index' | 'changed' | 'segments' | 'notes'> {
  readonly of: Shape;
  readonly cleaned: string;
  /** The range whose order was the build's first decision on values, when its ends are plain numbers remade from the text. */
  readonly ends: RangeRead | null;
}

/** No date numerals: a rebuild plan remakes none. */
const NO_VALUES: readonly (number | null)[] = Object.freeze([]);

/** What a full parse of a cell saw before its build (filled by parse.ts). */
export type BuildSeen = Omit<DateSeen, 'reads'>;

/** The most shapes of such cells a parser keeps. */
export const REBUILD_PLANS_SIZE = 512;

export class RebuildPlans {
  private readonly plans = new Generations<RebuildPlan, number>(REBUILD_PLANS_SIZE / 2);

  constructor(private readonly digits: DigitWords) {}

  /** How many shapes are kept. */
  get size(): number {
    return this.plans.size;
  }

  /**
   * The tokens, segments and notes the scan and the grammar would make of `ct` (of the shape
   * `key`), when its shape is planned; or the build's error when its first decision on values
   * fails on the text's own numbers (above); else undefined.
   */
  remake(key: Shape, ct: CleanText, units: UnitTable, locale: Locale): Omit<Remade, 'by'> | IndicatorError | undefined {
    const plan = this.plans.get(key.hash);
    if (plan === undefined || !sameShape(plan.of, key)) return undefined;
    const s = ct.text;
    if (!sameButDigitValues(s, plan.cleaned)) return undefined;
    if (plan.ends !== null) {
      const { min, max, minUnit, maxUnit, from, to } = plan.ends;
      // A plain number's quantity as written (what the shape cache's plans make): its value is the lexer's reading of its digits, read only if the error quotes it.
      const read = (t: Token, unit: string) => quantityAt(s, { start: t.startOffset, end: t.endOffset + 1 }, unit, units);
      const empty = emptyRange(ct, locale, from, to, read(min, minUnit), read(max, maxUnit));
      if (empty !== undefined) return empty;
    }
    // The same shape and the same cleaned text but for the digits' values: each planned number is plain digits again.
    const tokens = plan.tokens.map((t, i) => remadeToken(t, plan.remakes[i]!, s, NO_VALUES));
    const segments = plan.segments.map((seg) => remap(seg, plan, tokens) as RawSegment);
    return { tokens, segments, notes: plan.notes };
  }

  /**
   * Plans the shape `key` from what a full parse saw before its build, when that is provably
   * safe (above); `ends`: the range whose order was the build's first decision on values, if
   * it was one.
   */
  learn(key: Shape, seen: BuildSeen, shapeSafe: boolean, ends?: RangeRead): void {
    if (!shapeSafe || this.digits.leading) return;
    const { ct, tokens } = seen;
    const s = ct.text;
    const covered = new Uint8Array(s.length);
    const remakes: Remake[] = [];
    const index = new Map<Token, number>();
    for (const [i, t] of tokens.entries()) {
      index.set(t, i);
      const image = s.slice(t.startOffset, t.endOffset + 1);
      if (!hasDigit(t.image, 0, t.image.length)) { remakes.push(null); continue; }
      if (t.image !== image) return;
      if (t.tokenType === T.NumberTok) {
        // The lexer's value is the plain reading of its text (not a half added, not a numeral in words).
        if (!PLAIN_NUMBER.test(image)) return;
        if (t.value === undefined || !plainValue(image).eq(t.value)) return;
        remakes.push('number');
      } else if (t.tokenType === T.Text) {
        remakes.push(true);
      } else {
        // Kept as it is: its digits stay uncovered, which refuses the shape below.
        remakes.push(null);
        continue;
      }
      covered.fill(1, t.startOffset, t.endOffset + 1);
    }
    // Every digit in a number or a label, none where a word of the vocabulary may run into it.
    if (!digitsCovered(this.digits, s, covered)) return;
    const changed = new Set<object>();
    if (!seen.segments.every((seg) => remappable(seg, index, remakes, changed))) return;
    // Ends read from the text only where both are numbers remade from it.
    const remade = (t: Token): boolean => index.has(t) && remakes[index.get(t)!] === 'number';
    const planned = ends !== undefined && remade(ends.min) && remade(ends.max) ? ends : null;
    this.plans.set(key.hash, { of: key, cleaned: s, tokens: [...tokens], remakes, index, changed, segments: seen.segments, notes: seen.notes, ends: planned });
  }
}
