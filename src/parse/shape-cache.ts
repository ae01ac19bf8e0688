import { errorFrom, IndicatorError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { exactBase, makeQuantityOfDigits } from '../model/quantity.js';
import type { ApproxTarget, CompareTarget, Quantity, RangeTarget, Target } from '../model/types.js';
import { resolveUnit, type ResolvedUnit } from '../model/units.js';
import type { CleanText } from '../text/clean.js';
import type { UnitTable } from '../vocab/units.js';
import { isDigit, type Token } from './lexer.js';
import { Generations } from './generations.js';
import { cellTarget, planCell, type CellPlan, type PartsSeen, type Slot } from './part-plans.js';
import type { RawSegment } from './grammar.js';
import { withoutStacks } from './stackless.js';
import * as T from './tokens.js';

/**
 * The cache of finished *shapes*. Real tables repeat shapes far more than texts: `≥95%`,
 * `≥98%`, `≥90%` differ only in their digits. The shape of a text is the text with each run
 * of ASCII digits replaced by a marker of its length, so that every other character, every
 * offset and every length is the same for all texts of one shape.
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
 *   divisors, halves added, numerals mixing Arabic and Chinese digits all mark it unsafe), so
 *   the same tokens come from every text of the shape, up to the number's own value.
 * - Clean-up cannot depend on a digit's value: no `&` in the text (`&#37;` is decoded by the
 *   value of its digits), and every character of the number passes clean-up unchanged, one
 *   for one (so no digit was inside a tag, and the cleaned texts of the shape differ only
 *   there).
 * - Exactly one number token, written as plain digits with at most one point (`95`,
 *   `97.5`: no sign, no thousands commas, no Chinese numeral), holding every ASCII digit of
 *   the text: no digit is in a label, a note, a unit or a date.
 * - No vocabulary word can begin or run into the number: the character before each run of
 *   its digits is no digit and none that stands before a digit in a word of the parser's
 *   vocabulary (`m` of `m2`), and no such word begins with a digit (`digitWords`).
 * - One target (no separator: a cell written twice is one target only when its parts are
 *   equal, which reads values): a comparison or an approximation of one such number, or a
 *   range of two joined as its ends (not A±B, whose ends are computed from both). For the
 *   grammar and the build the target is then a function of the tokens' types, spans and
 *   words; the numbers' values only go into their quantities, but for the one check of a
 *   range, that its ends are in order, which `target` runs again on every text (out of order
 *   it leaves the text to the parse, which makes the EMPTY_RANGE error).
 * - Remaking the quantities from the text's own digits gives the parse's quantities back.
 * Cells of several numbers (several parts, a cell written twice, `[85%,90%]`, `±3%`, A±B,
 * ratios `1:0.5`, trends with an amount) are planned by part-plans.ts under the same
 * conditions, each value check of the build run again on every text.
 * A cell whose tokens do not fit the grammar (`≥95%且`, `50 60`) is planned as its error,
 * under the same conditions on the scan and the numbers, when what the error quotes holds no
 * digit or is the text at the error's span (`50 60`: `60`, re-sliced from each text of the
 * shape; `learnError`). Errors of the build (an empty range, a bad date) and cells with
 * numbers in words are never planned, dates only by date-plans.ts: the rest keep the cache
 * of finished cells only.
 */

/** The most shapes a parser keeps (of targets, of errors and of actual values, each). */
export const SHAPE_CACHE_SIZE = 2048;
const GENERATION = SHAPE_CACHE_SIZE / 2;

/** What separates a run's length from the text in a key: a character a shape key never holds otherwise. */
const MARK = '\u0000';

/**
 * The shape key of a text (its runs of ASCII digits replaced by MARK and a character coding
 * the run's length), or null when the text cannot have one (it holds MARK itself, or a run
 * too long to code) or needs none (no digit: no plan has a number to fill, and the cache of
 * cells keeps such texts whole).
 */
export function shapeKey(text: string, prefix = ''): string | null {
  let key = prefix;
  let from = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return null;
    if (c < 48 || c > 57) continue;
    let j = i + 1;
    while (j < n && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j - i >= 0xd800) return null;
    key += text.slice(from, i) + MARK + String.fromCharCode(j - i);
    from = j;
    i = j - 1;
  }
  return from === 0 ? null : key + text.slice(from);
}

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

const PLAIN_NUMBER = /^\d+(?:\.\d+)?$/;


/** A quantity made from a text's own digits at `slot`, in the template's unit. */
interface QuantityPlan { readonly slot: Slot; readonly unit: string; readonly resolved: ResolvedUnit }

/** A comparison or approximation: its one quantity; a range: its two ends, first the lower. */
type TargetPlan =
  | { readonly template: CompareTarget | ApproxTarget; readonly quantity: QuantityPlan }
  | { readonly template: RangeTarget; readonly min: QuantityPlan; readonly max: QuantityPlan }
  | CellPlan;

/** What the full parse saw, for planning: the cleaned text, the tokens the grammar read, and the lexer's mark. */
export interface Seen {
  ct: CleanText | null;
  tokens: readonly Token[] | null;
  shapeSafe: boolean;
  /** The tokens did not fit the grammar: the error is made from them alone (parse.ts, parseError). */
  failed: boolean;
  /** The grammar's segments of a cell that parsed, and for several, the parts the build made of them. */
  segments?: readonly RawSegment[];
  parts?: PartsSeen['parts'];
  /** The scan read no digit's value but ratios' divisors (the lexer's `safeButDivisors`). */
  safeButDivisors?: boolean;
}

/**
 * A cell whose tokens do not fit the grammar: its error, the same for every text of the shape
 * but for `input` and the details in `sliced`, which quote the text at the error's span (a
 * number the grammar did not expect) and are sliced from each text again.
 */
interface ErrorPlan {
  readonly code: IndicatorError['code'];
  readonly offset: number;
  readonly length: number;
  readonly messages: IndicatorError['messages'];
  readonly details: Readonly<Record<string, string>>;
  readonly sliced: readonly string[];
}

export class ShapeCache {
  private readonly targets = new Generations<TargetPlan>(GENERATION);
  private readonly quantities = new Generations<QuantityPlan>(GENERATION);
  private readonly errors = new Generations<ErrorPlan>(GENERATION);

  constructor(private readonly digits: DigitWords) {}

  /**
   * The target of `text` (whose shape key is `key`) from its shape's plan, or undefined. A
   * range's ends are checked in order as the build checks them; out of order it is left to
   * the parse (which makes its EMPTY_RANGE error).
   */
  target(key: string, text: string): Target | undefined {
    const plan = this.targets.get(key);
    if (plan === undefined) return undefined;
    if ('parts' in plan) return cellTarget(plan, text);
    const t = plan.template;
    const base = { text, label: t.label, note: t.note };
    // The fields in the order the build writes them (build.ts, valueTarget and rangeEnds).
    if ('min' in plan) {
      const min = quantityOf(plan.min, text);
      const max = quantityOf(plan.max, text);
      if (exactBase(min).cmp(exactBase(max)) > 0) return undefined;
      const r = t as RangeTarget;
      return Object.freeze({ kind: 'range', min, max, minInclusive: r.minInclusive, maxInclusive: r.maxInclusive, ...base, modifiers: r.modifiers });
    }
    const quantity = quantityOf(plan.quantity, text);
    const made: CompareTarget | ApproxTarget = t.kind === 'compare'
      ? { kind: 'compare', op: t.op, implicit: t.implicit, quantity, ...base, modifiers: t.modifiers }
      : { kind: 'approx', quantity, ...base, modifiers: (t as ApproxTarget).modifiers };
    return Object.freeze(made);
  }

  /**
   * The error of `text` from its shape's plan, or undefined: a new IndicatorError for the
   * caller (made, as the parse makes its errors, where the caller's stack is not recorded).
   * An error quoting the text at its span is made by the constructor from the text's own
   * slice, as the parse makes it (its messages quote that slice).
   */
  error(key: string, text: string, locale: Locale): IndicatorError | undefined {
    const plan = this.errors.get(key);
    if (plan === undefined) return undefined;
    if (plan.sliced.length === 0) return withoutStacks(() => errorFrom({ ...plan, input: text }, locale));
    const details: Record<string, string> = { ...plan.details };
    const quoted = text.slice(plan.offset, plan.offset + plan.length);
    for (const k of plan.sliced) details[k] = quoted;
    return withoutStacks(() => new IndicatorError(plan.code, plan, text, details, locale));
  }

  /**
   * Plans the error of a cell whose tokens did not fit the grammar. The grammar reads token
   * types and the spelling of comparators, never a number's value, and the error says where
   * the tokens stopped fitting: so when the scan read no digit's value and every digit of the
   * text is in a plain number (the conditions of numberSlots), every text of the shape fails
   * at the same place. What the error quotes is a token's text: with no digit, the same for
   * every text of the shape; with digits, a number's, which those conditions keep one for one
   * from the input (the same characters at the same offsets), so it is kept as "the text at
   * the error's span" when it is exactly that, and refused otherwise.
   */
  learnError(key: string, text: string, seen: Seen, made: IndicatorError): void {
    if (!seen.failed || seen.tokens === null || made.input !== text) return;
    const numbers = seen.tokens.filter((t) => t.tokenType === T.NumberTok).length;
    if (numbers === 0 || this.numberSlots(text, seen, numbers, () => false) === null) return;
    const details: Record<string, string> = {};
    const sliced: string[] = [];
    const span = text.slice(made.offset, made.offset + made.length);
    for (const [k, v] of Object.entries(made.details)) {
      if (typeof v !== 'string') return;
      if (/[0-9]/.test(v)) {
        if (v !== span) return;
        sliced.push(k);
      }
      details[k] = v;
    }
    this.errors.set(key, Object.freeze({
      code: made.code, offset: made.offset, length: made.length, messages: Object.freeze({ ...made.messages }), details: Object.freeze(details),
      sliced: Object.freeze(sliced),
    }));
  }

  /** The quantity of an actual value `text` from its shape's plan, or undefined. */
  quantity(key: string, text: string): Quantity | undefined {
    const plan = this.quantities.get(key);
    return plan === undefined ? undefined : quantityOf(plan, text);
  }

  /** Plans the shape of `text` from what its full parse made, when that is provably safe (above). */
  learnTarget(key: string, text: string, seen: Seen, made: Target, units: UnitTable): void {
    if (made.text !== text) return;
    if (made.kind === 'compare' || made.kind === 'approx') {
      const slots = this.numberSlots(text, seen, 1, SEPARATOR);
      const quantity = slots && checkedPlan(slots[0]!, made.quantity, text, units);
      if (quantity) this.targets.set(key, { template: made, quantity });
    } else if (made.kind === 'range') {
      // Two numbers joined as a range's ends: not A±B, whose ends are computed from both.
      const slots = this.numberSlots(text, seen, 2, (t) => SEPARATOR(t) || t.tokenType === T.PlusMinus);
      const min = slots && checkedPlan(slots[0]!, made.min, text, units);
      const max = slots && checkedPlan(slots[1]!, made.max, text, units);
      if (min && max) this.targets.set(key, { template: made, min, max });
    }
    if (this.targets.get(key) === undefined) this.learnCell(key, text, seen, made, units);
  }

  /**
   * Plans a cell of several numbers (part-plans.ts): several parts, a range in brackets, a
   * band, A±B, ratios. The scan may have read ratios' divisors (whether one is zero), which
   * the plan checks again: each such read made a ratio's unit token, whose digits are then
   * the divisor's slot (numberSlots).
   */
  private learnCell(key: string, text: string, seen: Seen, made: Target, units: UnitTable): void {
    if (seen.segments === undefined || seen.tokens === null || !(seen.shapeSafe || seen.safeButDivisors === true)) return;
    const numberTokens = seen.tokens.filter((t) => t.tokenType === T.NumberTok);
    const divisors = new Map<number, Slot>();
    const slots = this.numberSlots(text, { ...seen, shapeSafe: true }, numberTokens.length, () => false, divisors);
    if (slots === null) return;
    const numbers = new Map(numberTokens.map((t, i) => [t.startOffset, slots[i]!] as const));
    const plan = planCell(text, made, { segments: seen.segments, parts: seen.parts ?? [] }, numbers, divisors, units);
    if (plan !== null) this.targets.set(key, plan);
  }

  /** Plans the shape of an actual value read as a quantity (`95%`, `4个工作日`). */
  learnQuantity(key: string, text: string, seen: Seen, made: Quantity, units: UnitTable): void {
    const slots = this.numberSlots(text, seen, 1, () => false);
    const plan = slots && checkedPlan(slots[0]!, made, text, units);
    if (plan) this.quantities.set(key, plan);
  }

  /** How many shapes are kept. */
  get size(): number {
    return this.targets.size + this.quantities.size + this.errors.size;
  }

  /**
   * Where the `count` numbers of the parse are in `text`, in order, when every condition of
   * the plan on the text and its tokens holds (see above); else null.
   */
  private numberSlots(text: string, seen: Seen, count: number, refused: (t: Token) => boolean, divisors?: Map<number, Slot>): Slot[] | null {
    const { ct, tokens } = seen;
    if (!seen.shapeSafe || ct === null || tokens === null || this.digits.leading || text.includes('&')) return null;
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
      if (!PLAIN_NUMBER.test(s.slice(a, b))) return null;
      // One for one through clean-up.
      const start = ct.from === null ? a : ct.from[a]!;
      for (let i = a; i < b; i++) {
        const o = ct.from === null ? i : ct.from[i]!;
        if (o !== start + (i - a) || (ct.to !== null && ct.to[i] !== o + 1) || text[o] !== s[i]) return null;
      }
      // Nothing runs into the number from either side.
      if (isDigit(s[b])) return null;
      for (let i = a; i < b; i++) {
        if (!isDigit(s[i]) || (i > a && isDigit(s[i - 1]))) continue;
        const prev = s[i - 1];
        if (prev !== undefined && (isDigit(prev) || this.digits.before.has(prev))) return null;
      }
      inNumbers += b - a - (s.slice(a, b).includes('.') ? 1 : 0);
      if (divisor) divisors!.set(t.startOffset, { start, end: start + (b - a) });
      else slots.push({ start, end: start + (b - a) });
    }
    if (slots.length !== count) return null;
    // Every ASCII digit of the text is in the numbers.
    let digits = 0;
    for (let i = 0; i < text.length; i++) if (isDigit(text[i])) digits++;
    return digits === inNumbers ? slots : null;
  }
}

/** A separator: the cell holds more than one target (a cell written twice is one only when its parts are equal). */
const SEPARATOR = (t: Token): boolean => t.tokenType === T.Comma || t.tokenType === T.Conj;

/** The quantity of the plan, made from the digits of `text` (a plain numeral: the shape holds its digits and point). */
function quantityOf(plan: QuantityPlan, text: string): Quantity {
  return makeQuantityOfDigits(text.slice(plan.slot.start, plan.slot.end), plan.unit, plan.resolved);
}

/**
 * The plan of a quantity at `slot`, in the unit `made` has, when remaking it from the
 * text's own digits gives `made` again (the number's value is its text's, as the lexer reads
 * a plain number); else null.
 */
function checkedPlan(slot: Slot, made: Quantity, text: string, units: UnitTable): QuantityPlan | null {
  const plan: QuantityPlan = { slot, unit: made.unit, resolved: resolveUnit(made.unit, units) };
  const again = quantityOf(plan, text);
  const same = again.value.eq(made.value) && again.base.value.eq(made.base.value) && again.base.unit === made.base.unit
    && again.dimension === made.dimension && again.known === made.known && again.exact === made.exact;
  return same ? plan : null;
}
