import type { CleanText } from '../text/clean.js';
import type { RawSegment } from './grammar.js';
import { dateNumeralValue, hasDigit, isDigit, runDateTest, type DateDecision, type DateNumeral, type DateReads, type Note, type Token } from './lexer.js';
import { Generations } from './generations.js';
import type { DigitWords } from './shape-cache.js';
import { sameButDigitValues, sameShape, type Shape } from './shape.js';
import * as T from './tokens.js';

/**
 * Plans for date cells (`2023年12月31日前`, `2022年1-12月`, `2023/11/30`). Unlike a plain
 * number, a date is decided by its digits' values: the lexer reads a year (a calendar year is
 * one of 1900–2100), a month (1–12), a day (one its month has, which for 29 February depends
 * on the year) before it knows what the text says. So the shape cache never plans them, and
 * tables move a date's year from one use to the next.
 *
 * A date plan keeps what the full parse of one text of a shape saw: its cleaned text, the
 * lexer's tokens (after labels were merged), the grammar's segments, the notes, and every
 * decision the lexer took on a date numeral's value, as the calendar test it asked
 * (calendar.ts), the numerals it asked about and the answer. A later text of the shape is
 * answered so:
 * - its cleaned text is the template's but for the values of its ASCII digits;
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
 */

/**
 * A numeral a plan reads from the new text (its `slot` in the values read), or keeps (one
 * written in Chinese numerals, `slot` -1, is the same in every text of the shape).
 */
interface PlannedNumeral { readonly start: number; readonly end: number; readonly value: number; readonly slot: number }
interface PlannedDecision { readonly test: DateDecision['test']; readonly args: readonly (PlannedNumeral | null)[]; readonly outcome: boolean }
/** How a token of the template is remade: kept, its image spelled from the new text, or a date with new fields. */
type Remake =
  | null
  | { readonly image: true }
  | { readonly year: PlannedNumeral | null; readonly month: PlannedNumeral | null; readonly day: PlannedNumeral | null };

interface DatePlan {
  readonly cleaned: string;
  readonly tokens: readonly Token[];
  readonly remakes: readonly Remake[];
  readonly index: ReadonlyMap<Token, number>;
  /** The arrays and records of the segments that hold a token to remake (copied; the rest is shared). */
  readonly changed: ReadonlySet<object>;
  readonly segments: readonly RawSegment[];
  readonly notes: readonly Note[];
  readonly numerals: readonly PlannedNumeral[];
  readonly decisions: readonly PlannedDecision[];
}

/** What a full parse of a cell saw, for a date plan (filled by parse.ts before the build). */
export interface DateSeen {
  readonly ct: CleanText;
  readonly tokens: readonly Token[];
  readonly segments: readonly RawSegment[];
  readonly notes: readonly Note[];
  readonly reads: DateReads;
}

/** What the lexer and the grammar would make of a text: handed to the build. */
export interface Remade { readonly tokens: readonly Token[]; readonly segments: RawSegment[]; readonly notes: readonly Note[] }

/** The most shapes of date cells a parser keeps. */
export const DATE_PLANS_SIZE = 1024;

export class DatePlans {
  /** Found by the shape's hash, each with the shape it was learnt from (`sameShape`). */
  private readonly plans = new Generations<{ readonly of: Shape; readonly plan: DatePlan }, number>(DATE_PLANS_SIZE / 2);

  constructor(private readonly digits: DigitWords) {}

  /** How many shapes are kept. */
  get size(): number {
    return this.plans.size;
  }

  /**
   * The tokens, segments and notes the scan and the grammar would make of `ct` (whose
   * original text has the shape `key`), when its shape is planned and every recorded test
   * answers on its digits as on the template's; else undefined.
   */
  remake(key: Shape, ct: CleanText): Remade | undefined {
    const kept = this.plans.get(key.hash);
    if (kept === undefined || !sameShape(kept.of, key)) return undefined;
    const { plan } = kept;
    const s = ct.text;
    // Cleaned text holds ASCII digits only (clean-up folds full-width ones).
    if (!sameButDigitValues(s, plan.cleaned)) return undefined;
    const values: number[] = [];
    for (const n of plan.numerals) {
      const v = dateNumeralValue(s, n.start, n.end);
      if (v === null) return undefined;
      values.push(v);
    }
    for (const d of plan.decisions) {
      if (runDateTest(d.test, d.args.map((n) => valueOf(n, values))) !== d.outcome) return undefined;
    }
    const tokens = plan.tokens.map((t, i) => remadeToken(t, plan.remakes[i]!, s, values));
    const segments = plan.segments.map((seg) => remap(seg, plan, tokens) as RawSegment);
    return { tokens, segments, notes: plan.notes };
  }

  /** Plans the shape `key` from what a full parse saw, when that is provably safe (above). */
  learn(key: Shape, seen: DateSeen): void {
    const plan = this.plan(seen);
    if (plan !== null) this.plans.set(key.hash, { of: key, plan });
  }

  private plan(seen: DateSeen): DatePlan | null {
    const { ct, tokens, reads } = seen;
    const s = ct.text;
    if (this.digits.leading || reads.dates.length === 0) return null;
    // The numerals read, each by its slot; one without digits is kept as it is.
    const known = new Map<DateNumeral, PlannedNumeral>(reads.numerals.map((n, slot) => [n, { start: n.start, end: n.end, value: n.value, slot }]));
    let unknown = false;
    const planned = (n: DateNumeral | null): PlannedNumeral | null => {
      if (n === null) return null;
      const p = known.get(n);
      if (p !== undefined) return p;
      if (hasDigit(s, n.start, n.end)) unknown = true;
      return { start: n.start, end: n.end, value: n.value, slot: -1 };
    };
    // Every ASCII digit in a numeral read as a date's, with nothing of the vocabulary before it.
    const covered = new Uint8Array(s.length);
    for (const n of reads.numerals) {
      for (let i = n.start; i < n.end; i++) {
        covered[i] = 1;
        if (isDigit(s[i]) && !isDigit(s[i - 1]) && i > 0 && this.digits.before.has(s[i - 1]!)) return null;
      }
    }
    for (let i = 0; i < s.length; i++) if (isDigit(s[i]) && covered[i] !== 1) return null;
    // Each token holding a digit: a recorded date, or a label's text.
    const dates = new Map(reads.dates.map((d) => [d.token, d]));
    const remakes: Remake[] = [];
    const index = new Map<Token, number>();
    for (const [i, t] of tokens.entries()) {
      index.set(t, i);
      if (!hasDigit(t.image, 0, t.image.length)) { remakes.push(null); continue; }
      const d = dates.get(t);
      if (d !== undefined && t.image === s.slice(t.startOffset, t.endOffset + 1)) {
        remakes.push({ year: planned(d.year), month: planned(d.month), day: planned(d.day) });
      } else if (t.tokenType === T.Text && t.image === s.slice(t.startOffset, t.endOffset + 1)) {
        remakes.push({ image: true });
      } else {
        return null;
      }
    }
    // The segments hold the tokens and plain records of them only, so that they can be remapped.
    const changed = new Set<object>();
    if (!seen.segments.every((seg) => remappable(seg, index, remakes, changed))) return null;
    const decisions = reads.decisions.map((d) => ({ test: d.test, args: d.args.map(planned), outcome: d.outcome }));
    if (unknown) return null;
    return {
      cleaned: s, tokens: [...tokens], remakes, index, changed, segments: seen.segments, notes: seen.notes,
      numerals: reads.numerals.map((n) => known.get(n)!), decisions,
    };
  }
}

/** A numeral's value in the new text (`values`, by slot), or the template's for one without digits. */
function valueOf(n: PlannedNumeral | null, values: readonly number[]): number | null {
  if (n === null) return null;
  return n.slot < 0 ? n.value : values[n.slot]!;
}

function remadeToken(t: Token, how: Remake, s: string, values: readonly number[]): Token {
  if (how === null) return t;
  const image = s.slice(t.startOffset, t.endOffset + 1);
  if ('image' in how) return { ...t, image };
  // A field read from no numeral (a quarter's month, a year not written) is the template's.
  const d = t.date!;
  const field = (n: PlannedNumeral | null, kept: number | null): number | null => (n === null ? kept : valueOf(n, values));
  return { ...t, image, date: { year: field(how.year, d.year), month: field(how.month, d.month), day: field(how.day, d.day), end: d.end } };
}

const isToken = (v: object): boolean => 'tokenType' in v;

/**
 * Whether a segment is made of the template's tokens, arrays and plain records only; notes
 * in `changed` the arrays and records that hold a token to remake.
 */
function remappable(v: unknown, index: ReadonlyMap<Token, number>, remakes: readonly Remake[], changed: Set<object>): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'function';
  if (isToken(v)) return index.has(v as Token);
  const parts = Array.isArray(v) ? (v as unknown[]) : Object.getPrototypeOf(v) === Object.prototype ? Object.values(v) : null;
  if (parts === null || !parts.every((x) => remappable(x, index, remakes, changed))) return false;
  const holds = (x: unknown): boolean => x !== null && typeof x === 'object' && (isToken(x) ? remakes[index.get(x as Token)!] !== null : changed.has(x));
  if (parts.some(holds)) changed.add(v);
  return true;
}

/** A segment of the template with each token to remake replaced by the remade one (what holds none is shared: the build only reads it). */
function remap(v: unknown, plan: DatePlan, tokens: readonly Token[]): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (!plan.changed.has(v)) return isToken(v) ? tokens[plan.index.get(v as Token)!] : v;
  if (Array.isArray(v)) return v.map((x) => remap(x, plan, tokens));
  const out: Record<string, unknown> = {};
  for (const k in v) out[k] = remap((v as Record<string, unknown>)[k], plan, tokens);
  return out;
}
