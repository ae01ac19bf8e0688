import type { IndicatorError } from '../errors.js';
import { numeralValue } from '../numbers/chinese.js';
import { Rational } from '../numbers/rational.js';
import type { DeadlineTarget, PeriodTarget, Target } from '../model/types.js';
import type { CleanText } from '../text/clean.js';
import { datedTarget, segmentDates } from './build.js';
import type { RawSegment } from './grammar.js';
import { dateNumeralValue, hasDigit, runDateTest, type DateNumeral, type DateTest, type DateReads, type LexDate, type Note, type Token } from './lexer.js';
import { Generations } from './generations.js';
import { digitsCovered, entitiesWithoutDigits, oneForOne, type DigitWords } from './shape-cache.js';
import { foldedNumeral, isWideSlot, sameShape, shapeKey, SHAPE_DIGIT, type Shape } from './shape.js';
import * as T from './tokens.js';

/**
 * Plans for date cells (`2023年12月31日前`, `2022年1-12月`, `2023/11/30`). Unlike a plain
 * number, a date is decided by its digits' values: the lexer reads a year (a calendar year is
 * one of 1900–2100), a month (1–12), a day (one its month has, which for 29 February depends
 * on the year) before it knows what the text says. So the shape cache never plans them, and
 * tables move a date's year from one use to the next.
 *
 * A date plan keeps what the full parse of one cell saw: the shape of its cleaned text
 * (which holds that text), the lexer's tokens (after labels were merged), the grammar's segments, the notes, and every decision
 * the lexer took on a date numeral's value, as the calendar test it asked (calendar.ts), the
 * numerals it asked about and the answer. A later text is answered so:
 * - its cleaned text is the template's but for the values of its ASCII digits (the plan is
 *   found by the shape of the cleaned text);
 * - every recorded numeral is read again from the new text by the lexer's own function
 *   (`dateNumeralValue`), and every recorded test asked again on the new values gives the
 *   template's answer. The scan then takes every decision the same way, so it makes the
 *   same tokens, but for the fields of its date tokens, read from the new numerals, and the
 *   images of the tokens that hold digits;
 * - those tokens are remade, the template's segments are remapped onto them (the grammar
 *   reads token types and the spelling of comparators, none of which holds a digit), and the
 *   build runs on them as on any parse: it checks a period's order, fills 底/末 with the
 *   month's last day of the new year, and makes its errors itself.
 * When a test answers otherwise (a year out of 1900–2100, a 13th month, 29 February of a
 * common year), the text is parsed in full, which makes its own tokens or its error.
 *
 * A shape is planned only when its scan read no digit's value but as a date numeral, every
 * ASCII digit of the cleaned text is in such a numeral (none in a number, a unit or a note:
 * the notes are the template's), every token holding a digit is a date token whose numerals
 * were recorded or text (a label, which the grammar and the build read as its spelling only), and no vocabulary word can begin or run into
 * a numeral (as for the shape cache, `DigitWords`).
 *
 * Most date cells are one deadline or one period. For those the plan also keeps the built
 * target (`DateTarget`), and a later text of the shape is answered without clean-up, scan,
 * grammar or build: its numerals are read from the text itself, the recorded tests are asked
 * again, and the target is the template's with its own `text` and the dates the build's own
 * `segmentDates` makes of the new fields (which fills 底/末 with the new month's last day and
 * checks a period's order; out of order the text is parsed in full, which makes its
 * EMPTY_RANGE error). Clean-up is skipped under the shape cache's conditions (shape-cache.ts):
 * no entity's name holds a digit (`&#51;` is decoded by its digits' value), and every
 * character of the recorded numerals came through clean-up one for one (unchanged, or a
 * full-width digit folded). A digit of the text is then in a tag, which clean-up drops
 * whatever its digits (a tag is known by its letters), or comes through one for one to a
 * digit of the cleaned text, which the conditions above put in a recorded numeral: so the
 * cleaned text of every text of the shape is the template's but for the numerals' digits,
 * and what else the target holds (the token types the build reads; label, note and
 * modifiers, slices of the cleaned text, planned only when they hold no digit) is the
 * template's.
 *
 * The plan without a built target is found by the shape of the *cleaned* text, its own
 * terms: a cell written with a decoration (`<p>…</p>`, spaces, full-width digits) is then
 * answered from the plan of the cell as written without it, from its first sighting on.
 */

/**
 * A numeral a plan reads from a new text: where it stands (in the cleaned text for a plan of
 * it, in the input for a built target's), and whether its digits are full-width.
 */
interface InputNumeral { readonly start: number; readonly end: number; readonly wide: boolean }

/**
 * A recorded test, asked again of the values at `args`: indices into what a hit reads, the
 * plan's constants (a year not written, a numeral without digits) then the text's numerals.
 */
interface Check { readonly test: DateTest; readonly args: readonly number[]; readonly outcome: boolean }

/** A date token's fields, each the value at an index as in Check, or -1: the template's field (read from no numeral). */
interface Fields { readonly year: number; readonly month: number; readonly day: number }

/** What a hit reads from a text and asks of it: the numerals (each once) after the constants, and the recorded tests (each once). */
interface Reads {
  readonly constants: readonly (number | null)[];
  readonly numerals: readonly InputNumeral[];
  readonly checks: readonly Check[];
}

/** A cell that is one deadline or one period: its target made from the new numerals without a parse (see above). */
interface DateTarget extends Reads {
  readonly template: DeadlineTarget | PeriodTarget;
  readonly segment: Extract<RawSegment, { kind: 'dates' }>;
  /** The fields of the segment's first and second date (null: the template's token holds no digit). */
  readonly d1: Fields | null;
  readonly d2: Fields | null;
}

/**
 * How a token of the template is remade: kept (null), its image spelled from the new text
 * (true), a plain number's image and value read from it ('number', rebuild-plans.ts), or a
 * date with new fields.
 */
export type Remake = null | true | 'number' | Fields;

export interface DatePlan extends Reads {
  readonly tokens: readonly Token[];
  readonly remakes: readonly Remake[];
  readonly index: ReadonlyMap<Token, number>;
  /** The arrays and records of the segments that hold a token to remake (copied; the rest is shared). */
  readonly changed: ReadonlySet<object>;
  readonly segments: readonly RawSegment[];
  readonly notes: readonly Note[];
}

/** A built target's plan, and the input's shape it was learnt from. */
interface Kept { readonly of: Shape; readonly target: DateTarget }

/** What a full parse of a cell saw, for a date plan (filled by parse.ts before the build). */
export interface DateSeen {
  readonly ct: CleanText;
  readonly tokens: readonly Token[];
  readonly segments: readonly RawSegment[];
  readonly notes: readonly Note[];
  readonly reads: DateReads;
}

/** What the lexer and the grammar would make of a text: handed to the build; and the plan it was made by (for `learnTarget`). */
export interface Remade { readonly tokens: readonly Token[]; readonly segments: RawSegment[]; readonly notes: readonly Note[]; readonly by: DatePlan }

/** The most shapes of date cells a parser keeps. */
export const DATE_PLANS_SIZE = 1024;

export class DatePlans {
  /** The plans of cleaned texts, found by the hash of the cleaned text's shape, each with that shape (`sameShape`). */
  private readonly plans = new Generations<{ readonly of: Shape; readonly plan: DatePlan }, number>(DATE_PLANS_SIZE / 2);
  /** The plans of built targets, found by the hash of the input's shape, each with that shape. */
  private readonly targets = new Generations<Kept, number>(DATE_PLANS_SIZE / 2);

  constructor(private readonly digits: DigitWords) {}

  /** How many shapes are kept: of cleaned texts, and of inputs with a built target. */
  get size(): { readonly cleaned: number; readonly targets: number } {
    return { cleaned: this.plans.size, targets: this.targets.size };
  }

  /**
   * The tokens, segments and notes the scan and the grammar would make of `ct` (read with
   * the reference year of `shape`, the input's), when the shape of its text is planned and
   * every recorded test answers on its digits as on the template's; else undefined.
   */
  remake(ct: CleanText, shape: Shape): Remade | undefined {
    // The shape's text is the template's cleaned text: `sameShape` checks that this one is the same but for its digits' values.
    // A text that clean-up left as it was is its input, whose shape is at hand.
    const key = ct.text === shape.text ? shape : shapeKey(ct.text, shape.year);
    if (key === null) return undefined;
    const kept = this.plans.get(key.hash);
    if (kept === undefined || !sameShape(kept.of, key)) return undefined;
    const { plan } = kept;
    const s = ct.text;
    const values = valuesRead(plan, s);
    if (values === null) return undefined;
    const tokens = plan.tokens.map((t, i) => remadeToken(t, plan.remakes[i]!, s, values));
    const segments = plan.segments.map((seg) => remap(seg, plan, tokens) as RawSegment);
    return { tokens, segments, notes: plan.notes, by: plan };
  }

  /**
   * The target of `text` (whose shape is `key`) made from its planned shape's target, when the
   * shape has one and every recorded test answers on the text's digits as on the template's,
   * and a period's ends are in order; else undefined.
   */
  target(key: Shape, text: string): Target | undefined {
    const kept = this.targets.get(key.hash);
    if (kept === undefined || !sameShape(kept.of, key)) return undefined;
    const t = kept.target;
    const values = valuesRead(t, text);
    if (values === null) return undefined;
    const { segment } = t;
    const d1 = t.d1 === null ? segment.d1.date ?? null : fieldsOf(segment.d1.date!, t.d1, values);
    const d2 = t.d2 === null ? segment.d2?.date ?? null : fieldsOf(segment.d2!.date!, t.d2, values);
    const dates = segmentDates(segment, d1, d2, key.year);
    const { label, note, modifiers } = t.template;
    return dates === null ? undefined : datedTarget(dates, text, label, note, modifiers);
  }

  /** Plans the input's shape `key` and its cleaned text's from what a full parse saw and made, when that is provably safe (above). */
  learn(key: Shape, seen: DateSeen, made: Target | IndicatorError): void {
    const plan = this.plan(seen);
    if (plan === null) return;
    const cleaned = seen.ct.text === key.text ? key : shapeKey(seen.ct.text, key.year);
    if (cleaned !== null) this.plans.set(cleaned.hash, { of: cleaned, plan });
    if (!(made instanceof Error)) this.learnTarget(key, seen.ct, plan, made);
  }

  /**
   * Plans the built target of the input's shape `key` (see above), from the plan of its
   * cleaned text and what the build made of `ct`: also when the target was built from a
   * remade cell (`remake`), whose cleaned text is the template's but for the numerals'
   * digits, so that the plan's positions, tests and segments are its own.
   */
  learnTarget(key: Shape, ct: CleanText, plan: DatePlan, made: Target): void {
    const target = this.targetPlan(ct, plan, made);
    if (target !== null) this.targets.set(key.hash, { of: key, target });
  }

  /**
   * The plan of a cell's built target (see above): one deadline or period, its label, note
   * and modifiers without a digit, no entity's name with a digit, and every recorded numeral
   * through clean-up one for one.
   */
  private targetPlan(ct: CleanText, plan: DatePlan, made: Target): DateTarget | null {
    const text = ct.original;
    const segment = plan.segments[0]!;
    if (plan.segments.length !== 1 || segment.kind !== 'dates' || (made.kind !== 'deadline' && made.kind !== 'period')) return null;
    if ([made.label, made.note, ...made.modifiers].some((w) => w !== null && SHAPE_DIGIT.test(w)) || !entitiesWithoutDigits(text)) return null;
    const remakeOf = (tok: Token | null): Fields | null | undefined => {
      const r = tok === null ? null : plan.remakes[plan.index.get(tok)!]!;
      return r === true || r === 'number' ? undefined : r;
    };
    const d1 = remakeOf(segment.d1);
    const d2 = remakeOf(segment.d2);
    if (d1 === undefined || d2 === undefined) return null;
    // The plan's numerals where they stand in the input: its constants, tests and fields index them alike.
    const numerals: InputNumeral[] = [];
    for (const n of plan.numerals) {
      const start = oneForOne(ct, n.start, n.end);
      if (start === null) return null;
      const end = start + (n.end - n.start);
      numerals.push({ start, end, wide: isWideSlot(text, start, end) });
    }
    return { template: made, segment, d1, d2, constants: plan.constants, numerals, checks: plan.checks };
  }

  private plan(seen: DateSeen): DatePlan | null {
    const { ct, tokens, reads } = seen;
    const s = ct.text;
    if (this.digits.leading || reads.dates.length === 0) return null;
    // What a hit reads (Reads): each numeral read once, by its span, then the constants, the
    // values of numerals without digits (the same in every text of the shape) and null.
    const numerals: InputNumeral[] = [];
    const slots = new Map<DateNumeral, number>();
    const bySpan = new Map<number, number>();
    for (const n of reads.numerals) {
      const span = n.start * (s.length + 1) + n.end;
      if (!bySpan.has(span)) bySpan.set(span, numerals.push({ start: n.start, end: n.end, wide: false }) - 1);
      slots.set(n, bySpan.get(span)!);
    }
    const constants: (number | null)[] = [];
    let unknown = false;
    const at = (n: DateNumeral | null): number => {
      const slot = n === null ? undefined : slots.get(n);
      if (slot !== undefined) return slot;
      if (n !== null && hasDigit(s, n.start, n.end)) unknown = true;
      const v = n === null ? null : n.value;
      return numerals.length + constants.push(v) - 1;
    };
    const field = (n: DateNumeral | null): number => (n === null ? -1 : at(n));
    // Every ASCII digit in a numeral read as a date's, with nothing of the vocabulary before it.
    const covered = new Uint8Array(s.length);
    for (const n of reads.numerals) covered.fill(1, n.start, n.end);
    if (!digitsCovered(this.digits, s, covered)) return null;
    // Each token holding a digit: a recorded date, or a label's text.
    const dates = new Map(reads.dates.map((d) => [d.token, d]));
    const remakes: Remake[] = [];
    const index = new Map<Token, number>();
    for (const [i, t] of tokens.entries()) {
      index.set(t, i);
      if (!hasDigit(t.image, 0, t.image.length)) { remakes.push(null); continue; }
      const d = dates.get(t);
      if (d !== undefined && t.image === s.slice(t.startOffset, t.endOffset + 1)) {
        remakes.push({ year: field(d.year), month: field(d.month), day: field(d.day) });
      } else if (t.tokenType === T.Text && t.image === s.slice(t.startOffset, t.endOffset + 1)) {
        remakes.push(true);
      } else {
        return null;
      }
    }
    // The segments hold the tokens and plain records of them only, so that they can be remapped.
    const changed = new Set<object>();
    if (!seen.segments.every((seg) => remappable(seg, index, remakes, changed))) return null;
    const checks: Check[] = [];
    for (const d of reads.decisions) {
      const args = d.args.map(at);
      if (!checks.some((c) => c.test === d.test && c.args.join() === args.join())) checks.push({ test: d.test, args, outcome: d.outcome });
    }
    if (unknown) return null;
    return { tokens: [...tokens], remakes, index, changed, segments: seen.segments, notes: seen.notes, constants, numerals, checks };
  }
}

/**
 * The values a hit reads from `text` (Reads): its numerals' (a full-width one folded, as
 * clean-up folds it), then the constants; null when a numeral is none or a recorded test
 * answers otherwise than on the template's.
 */
function valuesRead(r: Reads, text: string): (number | null)[] | null {
  const values: (number | null)[] = [];
  for (const n of r.numerals) {
    const v = n.wide ? dateNumeralValue(foldedNumeral(text, n.start, n.end), 0, n.end - n.start) : dateNumeralValue(text, n.start, n.end);
    if (v === null) return null;
    values.push(v);
  }
  values.push(...r.constants);
  for (const c of r.checks) if (runDateTest(c.test, c.args.map((i) => values[i]!)) !== c.outcome) return null;
  return values;
}

/** A token of the template remade from the new cleaned text `s` (and, for a date, the values a hit reads) as `how` says. */
export function remadeToken(t: Token, how: Remake, s: string, values: readonly (number | null)[]): Token {
  if (how === null) return t;
  const image = s.slice(t.startOffset, t.endOffset + 1);
  if (how === true) return { ...t, image };
  if (how === 'number') return { ...t, image, value: plainValue(image) };
  return { ...t, image, date: fieldsOf(t.date!, how, values) };
}

/**
 * The value of a plain number's text, read as the lexer reads one (lexer.ts, scanNumeral: one
 * Arabic piece, its `+` dropped); a single Arabic piece always has one.
 */
export function plainValue(image: string): Rational {
  return Rational.of(numeralValue([{ arabic: image.replace(/^\+/, '') }])!);
}

/** A date's fields from a hit's `values` (Fields); a field read from no numeral is the template's. */
function fieldsOf(d: LexDate, f: Fields, values: readonly (number | null)[]): LexDate {
  return { year: f.year < 0 ? d.year : values[f.year]!, month: f.month < 0 ? d.month : values[f.month]!, day: f.day < 0 ? d.day : values[f.day]!, end: d.end };
}

const isToken = (v: object): boolean => 'tokenType' in v;

/**
 * Whether a segment is made of the template's tokens, arrays and plain records only; notes
 * in `changed` the arrays and records that hold a token to remake.
 */
export function remappable(v: unknown, index: ReadonlyMap<Token, number>, remakes: readonly unknown[], changed: Set<object>): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'function';
  if (isToken(v)) return index.has(v as Token);
  const parts = Array.isArray(v) ? (v as unknown[]) : Object.getPrototypeOf(v) === Object.prototype ? Object.values(v) : null;
  if (parts === null || !parts.every((x) => remappable(x, index, remakes, changed))) return false;
  const holds = (x: unknown): boolean => x !== null && typeof x === 'object' && (isToken(x) ? remakes[index.get(x as Token)!] !== null : changed.has(x));
  if (parts.some(holds)) changed.add(v);
  return true;
}

/** A segment of the template with each token to remake replaced by the remade one (what holds none is shared: the build only reads it). */
export function remap(v: unknown, plan: { readonly changed: ReadonlySet<object>; readonly index: ReadonlyMap<Token, number> }, tokens: readonly Token[]): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (!plan.changed.has(v)) return isToken(v) ? tokens[plan.index.get(v as Token)!] : v;
  if (Array.isArray(v)) return v.map((x) => remap(x, plan, tokens));
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = remap((v as Record<string, unknown>)[k], plan, tokens);
  return out;
}
