import { errorFrom, messagesOf, type ErrorParts, type IndicatorError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { makeQuantityOfDigits, makeQuantityOnRead, sameQuantity } from '../model/quantity.js';
import type { ApproxTarget, CompareTarget, Quantity, RangeTarget, Target } from '../model/types.js';
import { resolveUnit, type ResolvedUnit } from '../model/units.js';
import type { CleanText } from '../text/clean.js';
import type { UnitTable } from '../vocab/units.js';
import { endsOutOfOrder } from './build.js';
import { isDigit, type MixedNumeral, type Token } from './lexer.js';
import { Generations } from './generations.js';
import { numeralSlot, numeralSlotReader, type NumeralSlot } from './numeral-plans.js';
import { cellTarget, planCell, ratioAt, withEnds, withQuantity, type CellPlan, type PartsSeen, type Slot } from './part-plans.js';
import type { RawSegment } from './grammar.js';
import { foldedNumeral, isWideSlot, sameShape, SHAPE_DIGIT, type Shape } from './shape.js';
import { withoutStacks } from './stackless.js';
import * as T from './tokens.js';

/**
 * The cache of finished *shapes*. Real tables repeat shapes far more than texts: `≥95%`,
 * `≥98%`, `≥90%` differ only in their digits. The shape of a text (shape.ts) is the text with
 * each digit replaced by a mark of its kind (ASCII, or full-width as Chinese office software
 * writes `９５％`), so that every other character, every offset and every length is the same
 * for all texts of one shape. Plans are found by a hash of the shape and kept only for a text
 * of the same shape (`sameShape`): a hash that two shapes share finds no wrong plan.
 *
 * An entry is what the one parser made of one text of that shape, with a plan that says
 * where the shape's number went: which quantity's value, read from the digits by the same
 * function the lexer uses (the number's text → its exact value; the unit and its factor are
 * the template's). A later text of the shape is answered by making that quantity from its
 * own digits, its `text` from its own input, the rest from the template. This never decides
 * what a text means: it reuses the parser's answer where that answer provably does not
 * depend on the digits' values.
 *
 * When a plan is made (`planTarget`, `planQuantity`), and why each condition is needed:
 * - The scan read no digit's value (`shapeSafe` from the lexer: dates, quarters, zero
 *   divisors and halves added mark it unsafe), so the same tokens come from every text of the
 *   shape, up to the number's own value. A numeral mixing Arabic digits with Chinese ones
 *   (`3万4000`) is recorded by the scan rather than marking it unsafe: a comparison,
 *   approximation or range may hold such numerals when reading them was the scan's only read
 *   of a digit's value, and their plans read them again as the lexer does (numeral-plans.ts).
 * - Clean-up cannot depend on a digit's value: no digit and no `#` in what could be an
 *   entity's name, from a `&` to the next `;` (`&#37;` is decoded by the value of its digits,
 *   `&frac12;` by its name's; `&ge;` and `&nbsp;` by letters only, the same in every text of
 *   the shape), and every character of the number passes clean-up one for one: unchanged, or
 *   a full-width digit or point folded to its ASCII one, which NFKC does to every full-width
 *   digit alike (so no digit was inside a tag, and the cleaned texts of the shape differ only
 *   there, digit for digit).
 * - Exactly one number token, written as plain digits with at most one point (`95`,
 *   `97.5`) and the sign the lexer took as the number's own (`-5`: the lexer decides that
 *   from what stands before it, the same in every text of the shape; no thousands commas,
 *   no Chinese numeral but such a mixed one), holding every digit of the text (of either
 *   kind): no digit is in a label, a note, a unit or a date.
 * - No vocabulary word can begin or run into the number: the character before each run of
 *   its digits is no digit and none that stands before a digit in a word of the parser's
 *   vocabulary (`m` of `m2`), and no such word begins with a digit (`digitWords`).
 * - One target: a comparison or an approximation of one such number, or a range of two
 *   joined as its ends (not A±B, whose ends are computed from both), with no separator. For
 *   the grammar and the build the target is then a function of the tokens' types, spans and
 *   words; the numbers' values only go into their quantities, but for the one check of a
 *   range, that its ends are in order, which `target` runs again on every text (out of order
 *   it leaves the text to the parse, which makes the EMPTY_RANGE error).
 * - Remaking the quantities from the text's own digits gives the parse's quantities back.
 * Cells of several numbers (several parts, a cell written twice such as `≥90%<br>≥90%`,
 * `[85%,90%]`, `±3%`, A±B, ratios `1:0.5`, trends with an amount) are planned by
 * part-plans.ts under the same conditions, each value check of the build run again on every
 * text (for a cell written twice, the build's own dedupe, joinParts); only where every number
 * and divisor is written with no sign (`learnCell`; full-width digits read folded).
 * A cell that stops at the scan, the grammar or the build (`≥90%$`, `≥95%且`, `50 60`,
 * `≥95%以下`) is planned as its error when no stage up to the error took a decision on a
 * digit's value and every digit is treated alike by clean-up and the scan, and what the error
 * quotes holds no digit or is the text at the error's span (`50 60`: `60`, re-sliced from each
 * text of the shape; `learnError`). Errors the build decides on the numbers' values (a range
 * out of order, an empty A±B) are answered by rebuild-plans.ts, which runs the build again on
 * the new values; dates only by date-plans.ts. Cells with numbers in words keep the cache of
 * finished cells only.
 */

/** The most shapes a parser keeps (of targets, of errors and of actual values, each). */
export const SHAPE_CACHE_SIZE = 2048;
const GENERATION = SHAPE_CACHE_SIZE / 2;

export { Shape, shapeKey } from './shape.js';

/** The words of a parser's vocabulary that hold ASCII digits, as the guard above needs them. */
export interface DigitWords {
  /** A word begins with a digit: no shape of this parser is planned. */
  readonly leading: boolean;
  /** Characters that stand right before a digit in some word (both cases of a Latin one). */
  readonly before: ReadonlySet<string>;
}

export function digitWords(words: Iterable<string>): DigitWords {
  let leading = false;
  const before = new Set<string>();
  for (const w of words) {
    for (let i = 0; i < w.length; i++) {
      if (!isDigit(w[i])) continue;
      if (i === 0) leading = true;
      else if (!isDigit(w[i - 1])) { before.add(w[i - 1]!.toLowerCase()); before.add(w[i - 1]!.toUpperCase()); }
    }
  }
  return { leading, before };
}

/**
 * Whether every ASCII digit of the cleaned text `s` is in a span a plan remakes (`covered`),
 * and no run of them stands right after a character that stands before a digit in a word of
 * the vocabulary (`m` of `m2`: the scan could read the two as one word): the condition of
 * the date and rebuild plans on where a text's digits are.
 */
export function digitsCovered(digits: DigitWords, s: string, covered: Uint8Array): boolean {
  for (let i = 0; i < s.length; i++) {
    if (!isDigit(s[i])) continue;
    if (covered[i] !== 1 || (i > 0 && !isDigit(s[i - 1]) && digits.before.has(s[i - 1]!))) return false;
  }
  return true;
}

/** A number as the lexer reads it from its text alone: digits, at most one point, a sign where the lexer took one. */
export const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;


/**
 * A quantity made from a text's own digits at `slot`, in the template's unit; `wide` when the
 * slot holds full-width digits or points (read folded, as clean-up reads them). A slot of a
 * numeral mixing Arabic digits with Chinese ones (`3万4000`) is read as the lexer reads it
 * (numeral-plans.ts).
 */
interface QuantityPlan { readonly slot: Slot | NumeralSlot; readonly unit: string; readonly resolved: ResolvedUnit; readonly wide: boolean }

/** An actual value written as a ratio (`5.6:7`): its number's and its divisor's digits, each read from every text. */
interface RatioPlan { readonly slot: Slot; readonly divisor: Slot }

/**
 * A comparison or approximation: its one quantity; a range: its two ends, first the lower; a
 * cell of several numbers: its plan of parts (part-plans.ts). `of`: the shape it was learnt from.
 */
type TargetPlan =
  | { readonly of: Shape; readonly template: CompareTarget | ApproxTarget; readonly quantity: QuantityPlan }
  | { readonly of: Shape; readonly template: RangeTarget; readonly min: QuantityPlan; readonly max: QuantityPlan }
  | { readonly of: Shape; readonly cell: CellPlan };

/** An actual value's quantity, and the shape it was learnt from. */
interface ValuePlan { readonly of: Shape; readonly quantity: QuantityPlan | RatioPlan }

/** What the full parse saw, for planning: the cleaned text, the tokens the grammar read, and the lexer's mark. */
export interface Seen {
  ct: CleanText | null;
  tokens: readonly Token[] | null;
  shapeSafe: boolean;
  /** The grammar's segments of a cell that parsed, and for several, the parts the build made of them. */
  segments?: readonly RawSegment[];
  parts?: PartsSeen['parts'];
  /** The scan read no digit's value but ratios' divisors (the lexer's `safeButDivisors`). */
  safeButDivisors?: boolean;
  /** The build ran: whether it read a number's value (build.ts, BuildContext.reads). */
  build?: { valueRead: boolean };
  /** The scan read no digit's value but those of these mixed numerals' (the lexer's `numerals`). */
  numerals?: readonly MixedNumeral[] | null;
}

/**
 * A cell whose tokens do not fit the grammar: its error, the same for every text of the shape
 * but for `input` and the details in `sliced`, which quote the text at the error's span (a
 * number the grammar did not expect) and are sliced from each text again.
 */
interface ErrorPlan {
  readonly of: Shape;
  readonly code: IndicatorError['code'];
  readonly offset: number;
  readonly length: number;
  readonly messages: IndicatorError['messages'];
  readonly details: Readonly<Record<string, string>>;
  readonly sliced: readonly string[];
}

export class ShapeCache {
  private readonly targets = new Generations<TargetPlan, number>(GENERATION);
  private readonly quantities = new Generations<ValuePlan, number>(GENERATION);
  private readonly errors = new Generations<ErrorPlan, number>(GENERATION);
  /** The errors made from plans: given to their callers without a call stack, as a kept failure's are (`planned`). */
  private readonly given = new WeakSet<IndicatorError>();

  constructor(private readonly digits: DigitWords) {}

  /**
   * The target of `text` (whose shape key is `key`) from its shape's plan, or undefined. A
   * range's ends are checked in order as the build checks them; out of order it is left to
   * the parse (which makes its EMPTY_RANGE error).
   */
  target(key: Shape, text: string): Target | undefined {
    const plan = this.targets.get(key.hash);
    if (plan === undefined || !sameShape(plan.of, key)) return undefined;
    if ('cell' in plan) return cellTarget(plan.cell, text);
    // The template with its text and quantities, its fields in the order a parse writes them (part-plans.ts).
    if ('min' in plan) {
      const min = quantityOf(plan.min, text);
      const max = quantityOf(plan.max, text);
      if (min === undefined || max === undefined || endsOutOfOrder(min, max)) return undefined;
      return withEnds(plan.template, text, min, max);
    }
    const quantity = quantityOf(plan.quantity, text);
    return quantity === undefined ? undefined : withQuantity(plan.template, text, quantity);
  }

  /**
   * The error of `text` from its shape's plan, or undefined: a new IndicatorError for the
   * caller (made, as the parse makes its errors, where the caller's stack is not recorded;
   * `planned` tells it). An error quoting the text at its span quotes the text's own slice, in
   * its details and in its messages, made from them as the constructor makes them.
   */
  error(key: Shape, text: string, locale: Locale): IndicatorError | undefined {
    const plan = this.errors.get(key.hash);
    if (plan === undefined || !sameShape(plan.of, key)) return undefined;
    let parts: ErrorParts = { ...plan, input: text };
    if (plan.sliced.length > 0) {
      const details: Record<string, string> = { ...plan.details };
      const quoted = text.slice(plan.offset, plan.offset + plan.length);
      for (const k of plan.sliced) details[k] = quoted;
      // What the constructor makes of these details: its messages and a frozen copy (the copy is this object).
      parts = { ...parts, details: Object.freeze(details), messages: messagesOf(plan.code, details) };
    }
    const made = withoutStacks(() => errorFrom(parts, locale));
    this.given.add(made);
    return made;
  }

  /**
   * Whether `e` was made from a plan of its shape (its stack is to stay unrecorded): a cell of
   * a shape seen failing before, as a kept failure is a cell seen failing before (cache.ts).
   */
  planned(e: IndicatorError): boolean {
    return this.given.has(e);
  }

  /** Notes `e` as made from a plan of its shape by another kind of plan (rebuild-plans.ts): `planned` then tells it too. */
  notePlanned(e: IndicatorError): void {
    this.given.add(e);
  }

  /**
   * Plans the error of a cell that stopped at the scan (`≥90%$`), at the grammar (tokens that
   * do not fit, `≥95%且`, `50 60`) or at the build (`≥95%以下`, words after a quantity that
   * cannot be its note, `每天早上6点半前到达`). Each stage up to the error must have taken no
   * decision on a digit's value: the scan up to where it stopped (its `shapeSafe`), the
   * grammar never does (it reads token types and the spelling of comparators), the build up
   * to its error (it marks its reads: a range's order, whether A±B is empty). And clean-up and the
   * scan treat every digit alike whatever its value (`digitsAlike`: no digit in an entity's
   * name, none that may run into a word of the vocabulary). Then every text of the shape is cleaned alike but for those
   * digits, scanned into the same tokens but for the numbers' values, and stops at the same
   * place with the same error. What the error quotes is the cleaned text at a token or span
   * (the scan's and the build's errors quote no computed value before a value is read):
   * with no digit, the same for every text of the shape; with digits, kept as "the text at
   * the error's span" when it is exactly that (clean-up changed nothing there: what it drops
   * or folds would be missing or changed in the quote), and refused otherwise.
   */
  learnError(key: Shape, text: string, seen: Seen, made: IndicatorError): void {
    // `shapeSafe` is false for an error before the scan (a placeholder, a bare unit): nothing is planned for those.
    if (seen.ct === null || made.input !== text || !seen.shapeSafe || seen.build?.valueRead === true || !this.digitsAlike(text, seen.ct)) return;
    const details: Record<string, string> = {};
    const sliced: string[] = [];
    const span = text.slice(made.offset, made.offset + made.length);
    for (const [k, v] of Object.entries(made.details)) {
      if (typeof v !== 'string') return;
      // A digit of either kind: a full-width one differs from text to text as an ASCII one does.
      if (SHAPE_DIGIT.test(v)) {
        if (v !== span) return;
        sliced.push(k);
      }
      details[k] = v;
    }
    this.errors.set(key.hash, Object.freeze({
      of: key, code: made.code, offset: made.offset, length: made.length, messages: Object.freeze({ ...made.messages }), details: Object.freeze(details),
      sliced: Object.freeze(sliced),
    }));
  }

  /** The quantity of an actual value `text` from its shape's plan, or undefined. */
  quantity(key: Shape, text: string): Quantity | undefined {
    const plan = this.quantities.get(key.hash);
    if (plan === undefined || !sameShape(plan.of, key)) return undefined;
    const q = plan.quantity;
    return 'divisor' in q ? ratioAt(text, q.slot, q.divisor) : quantityOf(q, text);
  }

  /** Plans the shape of `text` from what its full parse made, when that is provably safe (above). */
  learnTarget(key: Shape, text: string, seen: Seen, made: Target, units: UnitTable): void {
    if (made.text !== text) return;
    if (made.kind === 'compare' || made.kind === 'approx') {
      // One number; a cell written more than once (`≥90%<br>≥90%`) is a cell of several parts (learnCell).
      const slots = this.numberSlots(text, seen, 1, SEPARATOR);
      const quantity = slots && checkedPlan(slots[0]!, made.quantity, text, units);
      if (quantity) { this.targets.set(key.hash, { of: key, template: made, quantity }); return; }
    } else if (made.kind === 'range') {
      // Two numbers joined as a range's ends: not A±B, whose ends are computed from both.
      const slots = this.numberSlots(text, seen, 2, (t) => SEPARATOR(t) || t.tokenType === T.PlusMinus);
      const min = slots && checkedPlan(slots[0]!, made.min, text, units);
      const max = slots && checkedPlan(slots[1]!, made.max, text, units);
      if (min && max) { this.targets.set(key.hash, { of: key, template: made, min, max }); return; }
    }
    this.learnCell(key, text, seen, made, units);
  }

  /**
   * Plans a cell of several numbers (part-plans.ts): several parts, a range in brackets, a
   * band, A±B, ratios. The scan may have read ratios' divisors (whether one is zero), which
   * the plan checks again: each such read made a ratio's unit token, whose digits are then
   * the divisor's slot (numberSlots).
   */
  private learnCell(key: Shape, text: string, seen: Seen, made: Target, units: UnitTable): void {
    if (seen.segments === undefined || seen.tokens === null || !(seen.shapeSafe || seen.safeButDivisors === true)) return;
    const numberTokens = seen.tokens.filter((t) => t.tokenType === T.NumberTok);
    const divisors = new Map<number, Slot>();
    const slots = this.numberSlots(text, { ...seen, shapeSafe: true }, numberTokens.length, () => false, divisors);
    // The plans of parts read numbers without a sign only: a sign could make a band's bound or
    // A±B's deviation negative (an empty range the plan does not check for). Full-width digits
    // are read folded, in every read of the plan (divisors too).
    if (slots === null || !slots.every((x) => unsigned(text, x)) || ![...divisors.values()].every((x) => unsigned(text, x))) return;
    const wide = [...slots, ...divisors.values()].some((x) => foldedNumeral(text, x.start, x.end) !== text.slice(x.start, x.end));
    const numbers = new Map(numberTokens.map((t, i) => [t.startOffset, slots[i]!] as const));
    const plan = planCell(text, made, { segments: seen.segments, parts: seen.parts ?? [] }, numbers, divisors, units, wide);
    if (plan !== null) this.targets.set(key.hash, { of: key, cell: plan });
  }

  /**
   * Plans the shape of an actual value read as a quantity (`95%`, `4个工作日`, `3万4000`), or
   * as a ratio (`5.6:7`) whose scan read one digit's value, whether its divisor is zero (the
   * parse's error), which the plan asks again of every text (ratioAt), as the plans of target
   * cells do (learnCell); only when the plan gives the parse's quantity back from the text it
   * is learnt from (which a full-width or signed numeral does not).
   */
  learnQuantity(key: Shape, text: string, seen: Seen, made: Quantity, units: UnitTable): void {
    const divisors = !seen.shapeSafe && seen.safeButDivisors === true ? new Map<number, Slot>() : undefined;
    const slots = this.numberSlots(text, divisors ? { ...seen, shapeSafe: true } : seen, 1, () => false, divisors);
    if (!slots) return;
    const slot = slots[0]!;
    let quantity: ValuePlan['quantity'] | null;
    if (divisors) {
      // One quantity has one divisor; a plan asks again of that one only.
      const divisor = divisors.size === 1 ? [...divisors.values()][0] : undefined;
      const remade = divisor && ratioAt(text, slot, divisor);
      quantity = remade && sameQuantity(remade, made) ? { slot, divisor: divisor! } : null;
    } else quantity = checkedPlan(slot, made, text, units);
    if (quantity) this.quantities.set(key.hash, { of: key, quantity });
  }

  /**
   * Whether clean-up and the scan treat every digit of `text` alike whatever its value:
   * clean-up reads a digit's value only where it decodes an entity (`&#37;`), so no entity's
   * name may hold a digit; it keeps an ASCII digit, folds a full-width one to its ASCII one,
   * and drops one inside a tag (no tag's meaning depends on a digit), whatever its value. And
   * no digit may run into a word of the vocabulary (`digitWords`), which the scan compares
   * with the text without marking it as a read of a value.
   */
  private digitsAlike(text: string, ct: CleanText): boolean {
    if (this.digits.leading || !entitiesWithoutDigits(text)) return false;
    const s = ct.text;
    for (let i = 1; i < s.length; i++) {
      if (isDigit(s[i]) && !isDigit(s[i - 1]) && this.digits.before.has(s[i - 1]!)) return false;
    }
    return true;
  }

  /** How many shapes are kept. */
  get size(): number {
    return this.targets.size + this.quantities.size + this.errors.size;
  }

  /**
   * Where the `count` numbers of the parse are in `text`, in order, when every condition of
   * the plan on the text and its tokens holds (see above); else null. Where the caller plans
   * no ratios (no `divisors`), numbers may be numerals mixing Arabic digits with Chinese ones,
   * when reading them was the scan's only read of a digit's value (numeral-plans.ts): their
   * slots are NumeralSlots.
   */
  private numberSlots(text: string, seen: Seen, count: number, refused: (t: Token) => boolean, divisors?: Map<number, Slot>): Slot[] | null {
    const { ct, tokens } = seen;
    const numerals = divisors === undefined && seen.numerals ? new Map(seen.numerals.map((n) => [n.token, n])) : null;
    if (!(seen.shapeSafe || numerals !== null) || ct === null || tokens === null || this.digits.leading || !entitiesWithoutDigits(text)) return null;
    const s = ct.text;
    const slots: Slot[] = [];
    let inNumbers = 0;
    for (const t of tokens) {
      if (refused(t)) return null;
      // A ratio's divisor (`:0.5` of `1:0.5`), where the caller plans ratios: the digits at the end of its unit.
      const divisor = divisors !== undefined && t.tokenType === T.Unit && t.unit?.startsWith(':') === true;
      if (t.tokenType !== T.NumberTok && !divisor) continue;
      if (!divisor && slots.length === count) return null;
      const b = t.endOffset + 1;
      const a = divisor ? b - (t.unit!.length - 1) : t.startOffset;
      const numeral = s.slice(a, b);
      const read = numerals?.get(t);
      if (!PLAIN_NUMBER.test(numeral) && read === undefined) return null;
      const start = oneForOne(ct, a, b);
      if (start === null) return null;
      // Nothing runs into the number from either side.
      if (isDigit(s[b])) return null;
      for (let i = a; i < b; i++) {
        if (!isDigit(s[i]) || (i > a && isDigit(s[i - 1]))) continue;
        const prev = s[i - 1];
        if (prev !== undefined && (isDigit(prev) || this.digits.before.has(prev))) return null;
      }
      for (let i = a; i < b; i++) if (isDigit(s[i])) inNumbers++;
      if (divisor) divisors!.set(t.startOffset, { start, end: start + (b - a) });
      else if (read === undefined) slots.push({ start, end: start + (b - a) });
      else {
        const slot = numeralSlot(read, text, a, start, start + (b - a));
        if (slot === null) return null;
        slots.push(slot);
      }
    }
    if (slots.length !== count) return null;
    // Every digit of the text (of either kind) is in the numbers.
    let digits = 0;
    for (const c of text) if (SHAPE_DIGIT.test(c)) digits++;
    return digits === inNumbers ? slots : null;
  }
}

/** A separator: the cell holds more than one target (a cell written twice is one only when its parts are equal). */
const SEPARATOR = (t: Token): boolean => t.tokenType === T.Comma || t.tokenType === T.Conj;

/**
 * The quantity of the plan, made from the digits of `text` (a plain numeral: the shape holds
 * its digits and point); for a mixed numeral, from its value as the lexer reads it, or
 * undefined when the new digits make it two numbers.
 */
function quantityOf(plan: QuantityPlan, text: string): Quantity | undefined {
  const { slot } = plan;
  if ('pieces' in slot) {
    const read = numeralSlotReader(slot, text);
    return read === null ? undefined : makeQuantityOnRead(read, plan.unit, plan.resolved);
  }
  const { start, end } = slot;
  return makeQuantityOfDigits(plan.wide ? foldedNumeral(text, start, end) : text.slice(start, end), plan.unit, plan.resolved);
}

/** Whether the input at `slot` is a number with no sign, its full-width digits and point folded (what part-plans.ts reads). */
function unsigned(text: string, slot: Slot): boolean {
  return /^\d+(?:\.\d+)?$/.test(foldedNumeral(text, slot.start, slot.end));
}

/**
 * Where the cleaned characters `ct.text[a, b)` stand in the original text, when each came
 * through clean-up one for one from its own character there (unchanged, or a full-width digit
 * or point folded to its ASCII one); else null.
 */
export function oneForOne(ct: CleanText, a: number, b: number): number | null {
  const start = ct.from === null ? a : ct.from[a]!;
  for (let i = a; i < b; i++) {
    const o = ct.from === null ? i : ct.from[i]!;
    if (o !== start + (i - a) || (ct.to !== null && ct.to[i] !== o + 1) || foldedNumeral(ct.original, o, o + 1) !== ct.text[i]) return null;
  }
  return start;
}

/**
 * Whether no `&` of the text can begin an entity whose decoding reads a digit: from each `&`
 * to the next `;`, no digit of either kind and no `#` (clean-up decodes `&#…;` by its digits'
 * value and looks a named entity up by its whole name).
 */
export function entitiesWithoutDigits(text: string): boolean {
  // One pass: a digit or `#` is in some entity's name when a `&` stands before it with no `;` between.
  let inName = false;
  for (const c of text) {
    if (c === '&') inName = true;
    else if (c === ';') inName = false;
    else if (inName && (c === '#' || SHAPE_DIGIT.test(c))) return false;
  }
  return true;
}

/**
 * The plan of a quantity at `slot`, in the unit `made` has, when remaking it from the
 * text's own digits gives `made` again (the number's value is its text's, as the lexer reads
 * a plain number); else null.
 */
function checkedPlan(slot: Slot, made: Quantity, text: string, units: UnitTable): QuantityPlan | null {
  // (A mixed numeral's runs say each whether it is written full-width: numeral-plans.ts.)
  const wide = !('pieces' in slot) && isWideSlot(text, slot.start, slot.end);
  const plan: QuantityPlan = { slot, unit: made.unit, resolved: resolveUnit(made.unit, units), wide };
  const remade = quantityOf(plan, text);
  return remade !== undefined && sameQuantity(remade, made) ? plan : null;
}
