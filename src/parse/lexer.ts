import { createTokenInstance, type IToken, type TokenType } from 'chevrotain';
import { IndicatorError } from '../errors.js';
import { isCalendarYear, isDayNumber, isDayOf, isMonthNumber } from '../model/calendar.js';
import type { Locale } from '../i18n/messages.js';
import { isUnitPiece, numeralValue, secondNumberAt, type NumeralPiece } from '../numbers/chinese.js';
import { isZeroNumeral } from '../numbers/plain-order.js';
import { Rational } from '../numbers/rational.js';
import { originalSpan, type CleanText } from '../text/clean.js';
import { CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS, isCnNumeralChar } from '../vocab/numerals.js';
import { MAGNITUDES, type UnitTable } from '../vocab/units.js';
import {
  AFTER_YEAR_END_WORDS, APPROX_POSTFIX, APPROX_PREFIX, BETWEEN_AND, BETWEEN_CLOSE, BETWEEN_OPEN, COMPLETION_WORDS, CONJUNCTIONS,
  DATE_END_MARKS, DEADLINE_POSTFIX, DEADLINE_PREFIX, HALF, HALF_AFTER_CLASSIFIER, INTENT_WORDS, PLUS_MINUS, POSTFIX_OPS, PREFIX_OPS,
  QUARTERS, RANGE_SEPARATORS, RATE_WORDS, RECURRING_MONTH_WORDS, SHORT_COMPARATORS_IN_TEXT, SPELLED_RATIOS, UNIT_LIKE_ANSWERS,
  STRICTNESS_NOTES, TARGET_SEPARATORS, TREND_MODIFIERS, TREND_WORDS, UNIT_ENDS, WHOLE_YEAR_WORDS, WORDS_ENDING_LIKE_A_COMPARATOR,
  YEAR_END_WORDS, type Direction, type Op,
} from '../vocab/words.js';
import * as T from './tokens.js';
import { WordIndex } from '../text/wordindex.js';

/** A date as lexed: `end` means 底/末 (the last day of what was written). */
export interface LexDate { year: number | null; month: number | null; day: number | null; end: boolean }

export interface Token extends IToken {
  endOffset: number;
  op?: Op;
  value?: Rational;
  /**
   * The unit text as read (magnitude included) on Unit tokens: as written, but for the
   * forms it stands for (`一年` → `/年`, `元/人/月` → `元/人·月`, `个半月` → `个月`); the ratio
   * unit on PercentOf.
   */
  unit?: string;
  date?: LexDate;
  quarter?: number;
  direction?: Direction;
  strict?: boolean;
}

export interface Note { text: string; start: number; end: number }

/** A numeral of a date read by its value (`2023` of `2023年`), and where it stands in the cleaned text. */
export interface DateNumeral { readonly value: number; readonly start: number; readonly end: number }
/** A calendar test (model/calendar.ts) on the values of date numerals (null: a year not written). */
export type DateTest = typeof isCalendarYear | typeof isMonthNumber | typeof isDayNumber | typeof isDayOf;
/** One decision of a scan on date numerals' values: the test, the numerals it read, which way it went. */
export interface DateDecision { readonly test: DateTest; readonly args: readonly (DateNumeral | null)[]; readonly outcome: boolean }
/** A date token (a date, a whole year, a quarter) and the numerals its fields were read from (null: none, the field is the same in every text of the shape). */
export interface DateFields { readonly token: Token; readonly year: DateNumeral | null; readonly month: DateNumeral | null; readonly day: DateNumeral | null }
/**
 * Every read of a digit's value in a scan, when all were of date numerals (date-plans.ts):
 * the numerals read, each decision taken on them, and the date tokens made of them.
 */
export interface DateReads { readonly numerals: DateNumeral[]; readonly decisions: DateDecision[]; readonly dates: DateFields[] }
/**
 * A numeral that mixes Arabic digits with Chinese ones or units (`3万4000`, `25万6千`,
 * `十亿3000万`), read by its digits' values (numeral-plans.ts): its pieces with their spans in
 * the cleaned text, how many of them make its value (the rest is its magnitude), and the
 * number token made of it (null while none is, or when none was).
 */
export interface MixedNumeral {
  readonly pieces: readonly { readonly piece: NumeralPiece; readonly start: number; readonly end: number }[];
  readonly valueCount: number;
  token: Token | null;
}

/**
 * Filled by a scan that stops at an error: `shapeSafe` as `tokenize` gives it, for what the
 * scan had read up to the error (shape-cache.ts plans such an error when it is true).
 */
export interface ScanFailure { shapeSafe: boolean }

/** What the grammar needs from a lexer; a faster scanner can replace this one. */
export interface Lexer {
  /**
   * `shapeSafe` (see shape-cache.ts): true only when no decision of the scan read the value of
   * an Arabic digit (a date's month, a year's range, a zero divisor, …), so that the same text
   * with other digits of the same lengths would be scanned into the same tokens.
   * `safeButDivisors`: the same, but for the zero check of ratios' divisors (`1:0` is an
   * error), which a plan of the shape runs again (part-plans.ts).
   * `numerals`: the mixed numerals read, when reading them was the scan's only read of a
   * digit's value and each made a number token (else null); a plan of the shape re-reads them.
   */
  tokenize(ct: CleanText, locale: Locale, failed?: ScanFailure): {
    tokens: Token[]; notes: Note[]; shapeSafe?: boolean; dateReads?: DateReads | null; safeButDivisors?: boolean; numerals?: readonly MixedNumeral[] | null;
  };
  /**
   * When the whole cleaned cell is a unit or magnitude with no number (`万人`, `%`, notes
   * before or after it allowed), where that unit stands in the cleaned text; else null.
   */
  bareUnit(ct: CleanText, locale: Locale): { start: number; end: number } | null;
  /**
   * Every word the scan may look up or compare text with, so that a parser can tell which
   * of them hold digits (shape-cache.ts).
   */
  vocabulary(): Iterable<string>;
}

/** What a scan of the lexer made and read (see Lexer.tokenize). */
interface Scanned {
  tokens: Token[]; notes: Note[]; shapeSafe: boolean; dateReads: DateReads | null; safeButDivisors: boolean; numerals: readonly MixedNumeral[] | null;
}

type Ctx = 'value' | 'date' | 'other';
export interface WordEntry { type: TokenType; ctx: Ctx | 'any' | 'strong'; op?: Op; direction?: Direction; unit?: string }

/** Words a caller adds to a parser of its own (`createParser({ words })`). */
export interface ExtraWords {
  readonly prefixOps?: Readonly<Record<string, Op>>;
  readonly postfixOps?: Readonly<Record<string, '>=' | '<='>>;
  readonly approxBefore?: readonly string[];
  readonly approxAfter?: readonly string[];
  readonly trends?: Readonly<Record<string, Direction>>;
  readonly modifiers?: readonly string[];
  readonly intents?: readonly string[];
  readonly completions?: readonly string[];
}

const own = <V>(r: Readonly<Record<string, V>> | undefined): [string, V][] =>
  r ? Object.keys(r).map((k) => [k, r[k]!] as [string, V]) : [];

/** Spelling → every meaning it can have; the context picks one. */
export function buildWords(extra: ExtraWords = {}): WordIndex<WordEntry[]> {
  const m = new Map<string, WordEntry[]>();
  const add = (s: string, e: WordEntry): void => {
    const list = m.get(s);
    if (list) list.push(e); else m.set(s, [e]);
  };
  const opType: Record<Op, TokenType> = { '>=': T.Ge, '<=': T.Le, '>': T.Gt, '<': T.Lt, '=': T.Eq, '!=': T.Ne };
  for (const [s, op] of [...PREFIX_OPS, ...own(extra.prefixOps)]) add(s, { type: opType[op], ctx: /^[<>=≥≤≠!]+$/.test(s) ? 'strong' : 'any', op });
  for (const [s, op] of [...POSTFIX_OPS, ...own(extra.postfixOps)]) add(s, { type: op === '>=' ? T.PostGe : T.PostLe, ctx: 'value', op });
  for (const s of [...APPROX_POSTFIX, ...(extra.approxAfter ?? [])]) add(s, { type: T.ApproxPost, ctx: 'value' });
  for (const s of RANGE_SEPARATORS) { add(s, { type: T.RangeSep, ctx: 'value' }); add(s, { type: T.RangeSep, ctx: 'date' }); }
  for (const s of [...APPROX_PREFIX, ...(extra.approxBefore ?? [])]) add(s, { type: T.ApproxPre, ctx: s === '≈' ? 'strong' : 'any' });
  for (const s of CONJUNCTIONS) { add(s, { type: T.Conj, ctx: 'value' }); add(s, { type: T.Conj, ctx: 'date' }); }
  for (const s of DEADLINE_POSTFIX) add(s, { type: T.DeadlinePost, ctx: 'date' });
  for (const s of [...COMPLETION_WORDS, ...(extra.completions ?? [])]) add(s, { type: T.Completion, ctx: 'any' });
  for (const s of YEAR_END_WORDS) add(s, { type: T.YearEnd, ctx: 'any' });
  for (const s of [...INTENT_WORDS, ...(extra.intents ?? [])]) add(s, { type: T.Intent, ctx: 'any' });
  for (const s of [...TREND_MODIFIERS, ...(extra.modifiers ?? [])]) add(s, { type: T.Modifier, ctx: 'any' });
  for (const [s, direction] of [...TREND_WORDS, ...own(extra.trends)]) add(s, { type: T.Trend, ctx: 'any', direction });
  for (const [s, unit] of SPELLED_RATIOS) add(s, { type: T.PercentOf, ctx: 'any', unit });
  for (const s of DEADLINE_PREFIX) add(s, { type: T.DeadlinePre, ctx: 'any' });
  for (const s of BETWEEN_OPEN) add(s, { type: T.Between, ctx: 'any' });
  for (const s of BETWEEN_AND) add(s, { type: T.BetweenAnd, ctx: 'value' });
  for (const s of BETWEEN_CLOSE) add(s, { type: T.BetweenEnd, ctx: 'value' });
  for (const s of PLUS_MINUS) add(s, { type: T.PlusMinus, ctx: 'strong' });
  add('[', { type: T.LBracket, ctx: 'strong' });
  add(']', { type: T.RBracket, ctx: 'strong' });
  for (const s of TARGET_SEPARATORS) add(s, { type: T.Comma, ctx: 'strong' });
  m.delete('');
  return new WordIndex(m);
}

// Pure: a bundle that never lexes (one importing only `grade` or `toJSON`) drops it, and the tokens with it.
const DEFAULT_WORDS = /* @__PURE__ */ buildWords();

/** Words at which a unit run stops (`3个工作日内`, `12月底前完成`, `5%以上`). */
const UNIT_STOPS: string[] = [
  ...POSTFIX_OPS.keys(), ...APPROX_POSTFIX, ...DEADLINE_POSTFIX, ...COMPLETION_WORDS, ...CONJUNCTIONS,
  ...TREND_WORDS.keys(), ...RANGE_SEPARATORS, ...BETWEEN_AND, ...BETWEEN_CLOSE, ...DATE_END_MARKS, ...UNIT_ENDS, HALF,
];
const UNIT_STOP_INDEX = new WordIndex(UNIT_STOPS.map((w) => [w, true] as const));
const MAGNITUDE_INDEX = new WordIndex(MAGNITUDES);
const RATE_INDEX = new WordIndex(RATE_WORDS);
const UNIT_LIKE_TERMS = new Set(UNIT_LIKE_ANSWERS);
/** Characters after which a digit may be an elided lower place (`三万五` = 35 000, `两千六` = 2 600). */
const BIG_NUMERAL_CHARS = new Set(['百', '千', '万', '亿']);
/** `1:0.5`, `3：7` (folded to `:`): the second number of a ratio written with a colon. */
const RATIO_COLON = /^ *: *(\d+(?:\.\d+)?)/;

/** A unit as scanned: its span, whether the registry knows it, and its text as it is read. */
interface ScannedUnit { start: number; end: number; known: boolean; text: string }
const LEADING_NOTE = /^\s*[(（][^()（）]*[)）]/;
const TRAILING_NOTE = /[(（][^()（）]*[)）]\s*$/;
const AFTER_YEAR_END_INDEX = new WordIndex(AFTER_YEAR_END_WORDS.map((w) => [w, true] as const));
const WHOLE_YEAR_INDEX = new WordIndex(WHOLE_YEAR_WORDS.map((w) => [w, true] as const));
const RANGE_SEPARATOR_INDEX = new WordIndex(RANGE_SEPARATORS.map((w) => [w, true] as const));

/** Whether c is an ASCII digit. */
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
/** Whether an Arabic number can start at i: a digit, or a point before one (`.5`). */
const digitOrPointAt = (s: string, i: number): boolean => isDigit(s[i]) || (s[i] === '.' && isDigit(s[i + 1]));
const isWordChar = (c: string | undefined): boolean =>
  c !== undefined && (/[A-Za-z²³]/.test(c) || (c >= '\u4e00' && c <= '\u9fff') || c === '㎡' || c === '〇');
const RATIO_SIGNS = new Set(['%', '‰', '‱']);
const SHORT_IN_TEXT = new Set(SHORT_COMPARATORS_IN_TEXT);
/** Tokens that end a quantity or a date: a line break after them ends the target. */
const ENDS_TARGET = new Set<TokenType>([T.NumberTok, T.Unit, T.PostGe, T.PostLe, T.ApproxPost, T.Strictness, T.DateTok, T.YearEnd,
  T.Quarter, T.DeadlinePost, T.Completion, T.RBracket, T.BetweenEnd]);
/** Words that may follow a complete quantity as its note (`95%满意`). */
const AFTER_QUANTITY = new Set<TokenType>([T.Text, T.Completion, T.Trend, T.Modifier, T.Intent]);
/** What makes a part of a cell a target of its own beside `、`: a number or a comparator. */
const HOLDS_VALUE = new Set<TokenType>([T.NumberTok, T.DateTok, T.Quarter, T.YearEnd, T.PercentOf, T.Ge, T.Le, T.Gt, T.Lt, T.Eq,
  T.Ne, T.ApproxPre, T.PlusMinus, T.Between, T.LBracket]);
/** Tokens after which the words up to a colon are no label: they end a target or begin one. */
const COMPARATOR_LIKE = new Set<TokenType>([T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.Ne, T.ApproxPre, T.PlusMinus, T.Between, T.LBracket,
  T.PostGe, T.PostLe, T.ApproxPost]);
/** Tokens that hold a value of a target. */
const HOLDS_NUMBER = new Set<TokenType>([T.NumberTok, T.DateTok, T.Quarter, T.YearEnd, T.WholeYear, T.PercentOf]);
const isSeparator = (t: Token): boolean => t.tokenType === T.Comma || t.tokenType === T.Conj;
/** The comparators proper (`≥`, `不低于`, `≠` …), each a token type of the CompareOp family. */
const COMPARES = new Set<TokenType>([T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.Ne]);
/** After these a month or year number is an amount, not a date (`≥3年`, `约5个月`, `提高2年`). */
const BEFORE_AMOUNTS = new Set<TokenType>([T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.Ne, T.ApproxPre, T.PlusMinus, T.Trend, T.PostGe]);

export class TableLexer implements Lexer {
  private readonly words: WordIndex<WordEntry[]>;

  constructor(private readonly units: UnitTable, extra?: ExtraWords) {
    this.words = extra ? buildWords(extra) : DEFAULT_WORDS;
  }

  tokenize(ct: CleanText, locale: Locale, failed?: ScanFailure): Scanned {
    return new Scan(ct, this.units, this.words, locale, failed).run();
  }

  /**
   * Whether the cleaned cell is nothing but a unit or a magnitude (`万人`, `公里`, `%`,
   * `亿元`, `元/人/月`): a unit column that slipped into the value column, which wants a number.
   */
  bareUnit(ct: CleanText, locale: Locale): { start: number; end: number } | null {
    return new Scan(ct, this.units, this.words, locale).wholeIsUnit();
  }

  *vocabulary(): Generator<string> {
    for (const index of [this.words, this.units.index, UNIT_STOP_INDEX, MAGNITUDE_INDEX, RATE_INDEX, AFTER_YEAR_END_INDEX,
      WHOLE_YEAR_INDEX, RANGE_SEPARATOR_INDEX] as WordIndex<unknown>[]) yield* index.words();
    yield* [...DEADLINE_POSTFIX, ...WORDS_ENDING_LIKE_A_COMPARATOR, ...RECURRING_MONTH_WORDS, ...DATE_END_MARKS, HALF_AFTER_CLASSIFIER,
      HALF, ...STRICTNESS_NOTES.keys(), ...SHORT_COMPARATORS_IN_TEXT, ...UNIT_LIKE_ANSWERS, ...MAGNITUDES.keys()];
  }
}

class Scan {
  private readonly s: string;
  private readonly tokens: Token[] = [];
  private readonly notes: Note[] = [];
  private i = 0;
  /** Whether a `介于` opened in this segment (so 和 / 之间 mean its ends). */
  private between = false;
  /**
   * Whether a decision of this scan read what an Arabic digit is worth rather than only that
   * it is a digit: such a cell's tokens may change with its digits, so its shape is never
   * planned (shape-cache.ts). Set at every such decision (`digitValueRead`).
   */
  private valueRead = false;
  /** Whether a digit's value was read other than as a date numeral: no date plan then. */
  private otherValueRead = false;
  /** The reads of date numerals' values, made when the first is (date-plans.ts). */
  private dateReads: DateReads | null = null;
  /** Whether a ratio's divisor was checked for zero (the one value read a plan of the shape may run again). */
  private divisorRead = false;
  /** The mixed numerals read (`3万4000`): each read its digits' values, which a plan of the shape re-reads (numeral-plans.ts). */
  private readonly numerals: MixedNumeral[] = [];

  constructor(
    private readonly ct: CleanText,
    private readonly units: UnitTable,
    private readonly words: WordIndex<WordEntry[]>,
    private readonly locale: Locale,
    private readonly failed?: ScanFailure,
  ) {
    this.s = ct.text;
  }

  private fail(code: 'UNEXPECTED_CHARACTER' | 'UNCLOSED_BRACKET' | 'INVALID_DATE' | 'INVALID_NUMBER' | 'RECURRING_DEADLINE', a: number, b: number): never {
    // Whether the text up to the error was scanned without reading a digit's value (what `run` reports).
    if (this.failed !== undefined) this.failed.shapeSafe = !this.valueRead && !this.divisorRead && this.numerals.length === 0;
    throw new IndicatorError(code, originalSpan(this.ct, a, b), this.ct.original, { found: this.s.slice(a, b) }, this.locale);
  }

  private emit(type: TokenType, a: number, b: number, extra: Partial<Token> = {}): Token {
    const prev = this.last;
    // A `、` after another separator stays apart: it may begin a term (`；、市政道路`), which
    // enumerationCommas decides (`、、` is one, as before).
    if (type === T.Comma && prev !== undefined && prev.tokenType === T.Comma && !(this.s.slice(a, b) === '、' && !prev.image.endsWith('、'))) {
      // `</p><p>` and `，<br>` are one separator, not an empty target between two.
      prev.endOffset = b - 1;
      prev.image = this.s.slice(prev.startOffset, b);
      return prev;
    }
    const tok = createTokenInstance(type, this.s.slice(a, b), a, b - 1, 1, 1, a + 1, b) as Token;
    Object.assign(tok, extra);
    this.tokens.push(tok);
    if (type === T.Comma || type === T.Conj) this.between = false;
    if (type === T.Between) this.between = true;
    return tok;
  }

  private get last(): Token | undefined { return this.tokens[this.tokens.length - 1]; }

  /** What the previous token makes of the next word: after a value, after a date, or neither. */
  private ctx(): Ctx {
    const p = this.last?.tokenType;
    if (p === T.NumberTok || p === T.Unit || p === T.PostGe || p === T.PostLe || p === T.Strictness || p === T.ApproxPost) return 'value';
    if (p === T.DateTok || p === T.YearEnd || p === T.WholeYear || p === T.Quarter || p === T.DeadlinePost) return 'date';
    return 'other';
  }

  /** Inside running text only strong words (symbols, words of two characters or more) break it. */
  private inText(): boolean {
    const p = this.last;
    return p !== undefined && p.tokenType === T.Text && p.endOffset + 1 === this.i;
  }

  /** After a comparator-like token a month or year number is an amount, not a date. */
  private afterOperator(): boolean {
    const p = this.last?.tokenType;
    return p !== undefined && BEFORE_AMOUNTS.has(p);
  }

  /** Marks the scan as one whose tokens depended on the value of an Arabic digit. */
  private digitValueRead(): void {
    this.valueRead = true;
    this.otherValueRead = true;
  }

  /** Reads a date numeral's value (recorded for date plans): null when s[a, b) is no integer numeral. */
  private numeralAt(a: number, b: number): DateNumeral | null {
    const value = dateNumeralValue(this.s, a, b);
    if (!hasDigit(this.s, a, b)) return value === null ? null : { value, start: a, end: b };
    this.valueRead = true;
    // A numeral of digits that is no integer (mixed with Chinese ones): not re-read by a plan.
    if (value === null) { this.otherValueRead = true; return null; }
    const n = { value, start: a, end: b };
    (this.dateReads ??= { numerals: [], decisions: [], dates: [] }).numerals.push(n);
    return n;
  }

  /** Takes a decision on date numerals by a calendar test, and records which way it went. */
  private holds(test: DateTest, ...args: (DateNumeral | null)[]): boolean {
    const outcome = runDateTest(test, args.map((n) => (n === null ? null : n.value)));
    if (args.some((n) => n !== null && hasDigit(this.s, n.start, n.end))) {
      (this.dateReads ??= { numerals: [], decisions: [], dates: [] }).decisions.push({ test, args, outcome });
    }
    return outcome;
  }

  run(): Scanned {
    const s = this.s;
    while (this.i < s.length) {
      const c = s[this.i]!;
      if (c === ' ') { this.i++; continue; }
      if (c === '\n') { this.lineBreak(); continue; }
      if (c === '(' || c === '（') { this.bracket(); continue; }
      if (c === ')' || c === '）') this.fail('UNCLOSED_BRACKET', this.i, this.i + 1);
      if (this.tryNumberOrDate()) continue;
      if (this.tryWholeYear()) continue;
      if (this.tryWord()) continue;
      this.text();
    }
    this.enumerationCommas();
    this.colonLabels();
    const mixed = this.numerals.length > 0;
    return {
      tokens: this.tokens, notes: this.notes, shapeSafe: !this.valueRead && !this.divisorRead && !mixed,
      dateReads: this.otherValueRead || mixed ? null : this.dateReads, safeButDivisors: !this.valueRead && !mixed,
      numerals: mixed && !this.valueRead && !this.divisorRead && this.numerals.every((n) => n.token !== null) ? this.numerals : null,
    };
  }

  /**
   * `每期三期：3天`, `四〇元：921左右`, `六班：12月31日前`: words ending in a colon, with a value
   * after them, are the label, numbers and units they hold included, as a name is written
   * before its value (and as `format` writes such labels back). Not after a comparator: the
   * words before it are a target of their own then (`≥90%：…`); nor without a letter (`1:95%`
   * is a ratio before a unit, no label).
   */
  private colonLabels(): void {
    // Clean-up folds `：` to `:`; a cell without one (nearly all) has no such label.
    if (!this.s.includes(':')) return;
    const tk = this.tokens;
    let changed = false;
    const out: Token[] = [];
    let start = 0;
    for (let i = 0; i <= tk.length; i++) {
      const t = tk[i];
      if (t !== undefined && !isSeparator(t)) continue;
      const seg = tk.slice(start, i);
      const c = this.colonLabelEnd(seg);
      if (c > 0) {
        const a = seg[0]!.startOffset;
        const b = seg[c]!.endOffset + 1;
        out.push(createTokenInstance(T.Text, this.s.slice(a, b), a, b - 1, 1, 1, a + 1, b) as Token, ...seg.slice(c + 1));
        changed = true;
      } else {
        out.push(...seg);
      }
      if (t !== undefined) out.push(t);
      start = i + 1;
    }
    if (!changed) return;
    tk.length = 0;
    for (const t of out) tk.push(t);
  }

  /** The colon-ended text that ends a segment's label (see colonLabels), or -1. One pass. */
  private colonLabelEnd(seg: readonly Token[]): number {
    // Whether a value follows each token.
    const valueAfter: boolean[] = new Array<boolean>(seg.length).fill(false);
    for (let j = seg.length - 2; j >= 0; j--) valueAfter[j] = valueAfter[j + 1]! || HOLDS_NUMBER.has(seg[j + 1]!.tokenType);
    let letter = false;
    let notText = false;
    for (let j = 0; j < seg.length; j++) {
      const x = seg[j]!;
      if (COMPARATOR_LIKE.has(x.tokenType)) return -1;
      if (j > 0 && x.tokenType === T.Text && x.image.endsWith(':') && notText && (letter || /\p{L}/u.test(x.image)) && valueAfter[j]) return j;
      letter ||= /\p{L}/u.test(x.image);
      notText ||= x.tokenType !== T.Text;
    }
    return -1;
  }

  /**
   * A line break (as stored in a cell, or `<br>`) separates two targets like `,` when it
   * follows a complete quantity or date, or the words after one (`≥90%\n≥90%`,
   * `95%满意\n…`); elsewhere it is white space, inside a label (`脱贫人口\n满意度≥90%`)
   * or a term, and before a word that continues a quantity (`95%\n以上`).
   */
  private lineBreak(): void {
    const s = this.s;
    let j = this.i + 1;
    while (s[j] === ' ' || s[j] === '\n') j++;
    let k = this.tokens.length - 1;
    while (k >= 0 && AFTER_QUANTITY.has(this.tokens[k]!.tokenType)) k--;
    const ended = k >= 0 && ENDS_TARGET.has(this.tokens[k]!.tokenType);
    let continues = false;
    for (const { value } of this.words.allAt(s, j)) if (value.some((e) => e.ctx === 'value')) continues = true;
    if (ended && !continues && j < s.length) this.emit(T.Comma, this.i, this.i + 1);
    this.i++;
  }

  /**
   * `、` separates targets only where the parts on both sides hold a number or a comparator
   * (`≥95%、≤3天`); elsewhere it is part of the text (`特殊对象及群体、居民心理健康有效提升`).
   * Decided left to right, so a part joined by one `、` is judged whole at the next.
   */
  private enumerationCommas(): void {
    const tk = this.tokens;
    // Whether the part after each separator (up to the next one) holds a value, found in one
    // pass from the end, so that a long run of `、` stays linear.
    const after: boolean[] = new Array<boolean>(tk.length).fill(false);
    let holds = false;
    for (let i = tk.length - 1; i >= 0; i--) {
      if (isSeparator(tk[i]!)) { after[i] = holds; holds = false; } else if (HOLDS_VALUE.has(tk[i]!.tokenType)) holds = true;
    }
    const out: Token[] = [];
    let before = false;
    let changed = false;
    for (let i = 0; i < tk.length; i++) {
      let t = tk[i]!;
      if (isSeparator(t)) {
        const prev = out[out.length - 1];
        const enumeration = t.tokenType === T.Comma && t.image === '、';
        // `；、` before a value is one separator, as `</p><p>` is; before words the `、` is theirs.
        if (enumeration && after[i] && prev !== undefined && prev.tokenType === T.Comma) {
          prev.endOffset = t.endOffset;
          prev.image = this.s.slice(prev.startOffset, t.endOffset + 1);
          changed = true;
          continue;
        }
        if (!enumeration || (before && after[i])) { out.push(t); before = false; continue; }
        t = createTokenInstance(T.Text, t.image, t.startOffset, t.endOffset, 1, 1, t.startOffset + 1, t.endOffset + 1) as Token;
        changed = true;
      } else if (HOLDS_VALUE.has(t.tokenType)) before = true;
      const last = out[out.length - 1];
      // Text beside a `、` that is text is one run of text with it.
      if (changed && last !== undefined && last.tokenType === T.Text && t.tokenType === T.Text && last.endOffset + 1 === t.startOffset) {
        last.endOffset = t.endOffset;
        last.image = this.s.slice(last.startOffset, t.endOffset + 1);
        continue;
      }
      out.push(t);
    }
    if (!changed) return;
    tk.length = 0;
    for (const t of out) tk.push(t);
  }

  private text(): void {
    const a = this.i;
    const c = this.s[a]!;
    if (!isWordChar(c) && !/[“”"'‘’《》<>&#·*.@_\-+!?？！/\\|…:]/.test(c)) this.fail('UNEXPECTED_CHARACTER', a, a + 1);
    this.i++;
    const p = this.last;
    if (p && p.tokenType === T.Text && p.endOffset + 1 === a) {
      p.endOffset = a;
      p.image = this.s.slice(p.startOffset, a + 1);
      (p as { endColumn?: number }).endColumn = a + 1;
      return;
    }
    // Text separated by a space from text before it is one run of text.
    if (p && p.tokenType === T.Text && /^[ \n]+$/.test(this.s.slice(p.endOffset + 1, a))) {
      p.endOffset = a;
      p.image = this.s.slice(p.startOffset, a + 1);
      return;
    }
    this.emit(T.Text, a, a + 1);
  }

  /** See TableLexer.bareUnit. */
  wholeIsUnit(): { start: number; end: number } | null {
    // Notes around the unit are still no number: `%(百分比)`, `(17)工作日` (⒄ cleans to a bracket).
    let a = 0;
    let b = this.s.length;
    for (let m = LEADING_NOTE.exec(this.s); m !== null; m = LEADING_NOTE.exec(this.s.slice(a))) a += m[0].length;
    for (let m = TRAILING_NOTE.exec(this.s.slice(a, b)); m !== null && a + m.index > a; m = TRAILING_NOTE.exec(this.s.slice(a, b))) b = a + m.index;
    while (a < b && /\s/.test(this.s[a]!)) a++;
    while (b > a && /\s/.test(this.s[b - 1]!)) b--;
    const s = this.s.slice(a, b);
    if (s === '' || UNIT_LIKE_TERMS.has(s)) return null;
    // A magnitude alone (`万`, `亿`), but not one that is itself a numeral (`十`, `十万`).
    if (MAGNITUDES.has(s) && s[0] !== '十') return { start: a, end: b };
    const u = this.scanUnit(a, '');
    if (u === null || !u.known) return null;
    if (u.end === b) return { start: a, end: b };
    // `km²保持`: the digit of a squared or cubed unit is its power, not a value, so a cell that
    // opens with such a unit and has no other digit still wants its number.
    if (/[0-9]$/.test(u.text) && !/[0-9０-９]/.test(this.s.slice(u.end, b))) return { start: a, end: u.end };
    return null;
  }

  /**
   * A bracket right after a number that has no unit, holding nothing but a unit, is the
   * number's unit, as some budget systems export it (`=5.00(万人次)`, `≥12.00(次)`); after
   * a magnitude (`5.00万(元)`) it is the unit of that magnitude, though then without a
   * magnitude of its own (`5万(万元)` stays a note: which of the two was meant is unclear).
   * Returns whether the bracket was taken so.
   */
  private bracketUnit(a: number, j: number): boolean {
    const s = this.s;
    const p = this.last;
    if (p === undefined || !/^ *$/.test(s.slice(p.endOffset + 1, a))) return false;
    const afterNumber = p.tokenType === T.NumberTok;
    const afterMagnitude = p.tokenType === T.Unit && MAGNITUDES.has(p.unit ?? '');
    if (!afterNumber && !afterMagnitude) return false;
    let from = a + 1;
    let to = j;
    while (s[from] === ' ') from++;
    while (to > from && s[to - 1] === ' ') to--;
    if (from === to) return false;
    let u: ScannedUnit | null;
    // `30(万)`: a unit column of 万 exported into brackets is the magnitude of the number.
    if (afterNumber && MAGNITUDES.has(s.slice(from, to))) u = { start: from, end: to, known: true, text: s.slice(from, to) };
    else if (afterNumber) u = this.scanUnit(from, '');
    else {
      const atom = this.scanAtom(from, false);
      u = { start: from, end: atom.end, known: atom.known, text: s.slice(from, atom.end) };
    }
    if (u === null || !u.known || u.end !== to) return false;
    if (afterNumber) {
      this.emit(T.Unit, a, j + 1, { unit: u.text });
    } else {
      p.endOffset = j;
      p.image = s.slice(p.startOffset, j + 1);
      p.unit = `${p.unit!}${u.text}`;
    }
    return true;
  }

  /**
   * `全年` standing as the cell's value (nothing after it but a note) is the whole year; before
   * other words it is part of the text (`全年至少提交…`, `全年，地面坍塌易发区…`).
   */
  private tryWholeYear(): boolean {
    const a = this.i;
    const w = WHOLE_YEAR_INDEX.at(this.s, a);
    if (!w) return false;
    const p = this.last?.tokenType;
    if (p !== undefined && p !== T.Comma && p !== T.Conj && !this.afterCompare()) return false;
    const b = a + w.word.length;
    if (!/^\s*(?:[(（][^()（）]*[)）]\s*)*$/.test(this.s.slice(b))) return false;
    this.emit(T.WholeYear, a, b, { date: { year: null, month: null, day: null, end: false } });
    this.i = b;
    return true;
  }

  /** `(…)` is a note kept aside, or `（含）`/`（不含）` which makes a bound (not) inclusive. */
  private bracket(): void {
    const a = this.i;
    let depth = 0;
    let j = a;
    for (; j < this.s.length; j++) {
      const ch = this.s[j];
      if (ch === '(' || ch === '（') depth++;
      else if (ch === ')' || ch === '）') { depth--; if (depth === 0) break; }
    }
    if (j >= this.s.length) this.fail('UNCLOSED_BRACKET', a, a + 1);
    const inner = this.s.slice(a + 1, j).trim();
    const strict = STRICTNESS_NOTES.get(inner);
    if (strict !== undefined) this.emit(T.Strictness, a, j + 1, { strict });
    else if (this.bracketUnit(a, j)) { /* the number's unit */ }
    else this.notes.push({ text: inner, start: a, end: j + 1 });
    this.i = j + 1;
  }

  private tryWord(): boolean {
    const s = this.s;
    const a = this.i;
    const ctx = this.ctx();
    const text = this.inText();
    for (const { word, value: entries } of this.words.allAt(s, a)) {
      const len = word.length;
      for (const e of entries) {
        if (e.ctx === 'value' || e.ctx === 'date') { if (e.ctx !== ctx) continue; }
        else if (e.ctx === 'any' && text && len < 2 && !this.comparatorInText(word, a)) continue;
        if (e.type === T.BetweenAnd && !this.between) continue;
        // `到`, `至` join two quantities only: after one and before a number (`1小时内到达现场` is text).
        if (e.type === T.RangeSep && ctx === 'value' && isWordChar(word) && !this.numberAt(a + len)) continue;
        // `~` before a number is ≈, between two quantities a range.
        if (e.type === T.ApproxPre && s[a] === '~' && ctx !== 'other') continue;
        this.emit(e.type, a, a + len, {
          ...(e.op ? { op: e.op } : {}), ...(e.direction ? { direction: e.direction } : {}), ...(e.unit ? { unit: e.unit } : {}),
        });
        this.i = a + len;
        if (e.type === T.PercentOf) return this.afterPercentOf();
        return true;
      }
    }
    return false;
  }

  /**
   * `满意度达95%`, `实地走访约48次`: a comparator of one character inside running text, right
   * before a number, unless it ends a word that holds it (`节约3吨`, `到达3次`).
   */
  private comparatorInText(word: string, a: number): boolean {
    if (!SHORT_IN_TEXT.has(word) || !digitOrPointAt(this.s, a + 1)) return false;
    const start = this.last!.startOffset;
    return !WORDS_ENDING_LIKE_A_COMPARATOR.some((w) => a + 1 - w.length >= start && this.s.startsWith(w, a + 1 - w.length));
  }

  /** Whether a number begins at j (after spaces). */
  private numberAt(j: number): boolean {
    while (this.s[j] === ' ') j++;
    return digitOrPointAt(this.s, j) || isCnNumeralChar(this.s[j] ?? '') || this.s.startsWith('百分之', j);
  }

  /** 百分之九十: the number must follow. */
  private afterPercentOf(): boolean {
    const n = this.scanNumeral(this.i, true);
    if (!n) return true; // the grammar reports the missing number
    this.emit(T.NumberTok, this.i, n.end, { value: n.value });
    this.i = n.end;
    return true;
  }

  // ---- numbers, units and dates -------------------------------------------------------

  private tryNumberOrDate(): boolean {
    const s = this.s;
    const a = this.i;
    const c = s[a]!;
    const ctx = this.ctx();
    let signed = false;
    if ((c === '-' || c === '+') && digitOrPointAt(s, a + 1) && ctx === 'other' && !this.inText()) signed = true;
    // `.5` is 0.5, as decimal.js and people read it (not a `.` before a 5).
    const digitStart = digitOrPointAt(s, a) || signed;
    // After label words a Chinese numeral may still start the quantity (`每期三天` reads as
    // `每期3天`), but only before a unit the registry knows: 两大类, 一般 stay words.
    const cnInText = !digitStart && isCnNumeralChar(c) && this.inText();
    const cnStart = !digitStart && isCnNumeralChar(c) && !cnInText;
    if (c === HALF && !this.inText()) return this.halfAt(a);
    if (cnInText) return this.cnNumeralInText(a);
    if (!digitStart && !cnStart && c !== '第') return false;

    if (c === '第') return this.tryQuarter(a, null, a);
    if (!signed && !this.afterOperator() && this.tryQuarter(a, null, a)) return true;
    if (!signed && this.tryDate(a)) return true;

    const n = this.scanNumeral(a, true);
    if (!n) return false;
    if (s.startsWith('分之', n.end) && n.magnitude === '') {
      // 三分之二: a fraction, denominator first (a zero one is no fraction: a value decides).
      this.digitValueRead();
      const num = this.scanNumeral(n.end + 2, true);
      if (num && num.magnitude === '' && !n.value.isZero()) {
        this.emit(T.NumberTok, a, num.end, { value: num.value.div(n.value) });
        this.i = num.end;
        return true;
      }
    }
    // A Chinese numeral is a number only where one is expected or when a known unit (or
    // nothing) follows: 一般, 零事故 and 三个细则 are words.
    let p = n.end;
    // A unit may stand after white space, a line break included (`0⏎个`, as cells wrap).
    while ((s[p] === ' ' || s[p] === '\n') && (isWordChar(s[p + 1]) || RATIO_SIGNS.has(s[p + 1]!))) p++;
    let value = n.value;
    let unit = n.magnitude === '' && s.startsWith(HALF_AFTER_CLASSIFIER, p) ? this.classifierHalf(p) : null;
    // The number's value is no longer the one written (a half is added): not a plain number.
    if (unit) { value = value.plus(Rational.of('1', '2')); this.digitValueRead(); }
    else unit = this.scanUnit(p, n.magnitude, n.end - n.magnitude.length);
    if (cnStart && !this.afterOperator() && this.last?.tokenType !== T.RangeSep && this.last?.tokenType !== T.Between
      && this.last?.tokenType !== T.BetweenAnd && !(unit ? unit.known : true)) return false;
    // Before a colon a Chinese numeral is a label's word (`五：<831`, `十万本：≤9056548元`), as
    // format writes such labels back.
    // Not before a sign (`九%：`), which is no word: the label of the numeral and its unit ends at the colon.
    if (cnStart && (s[unit ? unit.end : n.end] === ':' || s[unit ? unit.end : n.end] === '：') && !(unit && RATIO_SIGNS.has(unit.text.slice(-1)))) return false;
    // 两年半, 3天半: a half after a plain unit adds to the number.
    if (unit && unit.known && s[unit.end] === HALF && n.magnitude === '' && this.plainUnit(unit.text)) {
      unit = { ...unit, end: unit.end + 1 };
      value = value.plus(Rational.of('1', '2'));
      this.digitValueRead();
    }
    const number = this.emit(T.NumberTok, a, n.end - n.magnitude.length, { value });
    if (n.mixed !== null) n.mixed.token = number;
    if (unit) {
      this.emit(T.Unit, unit.start, unit.end, { unit: unit.text });
      this.i = unit.end;
    } else {
      this.i = n.end;
    }
    return true;
  }

  /** `每期三天`: a Chinese numeral right after label words, a number only before a known unit. */
  private cnNumeralInText(a: number): boolean {
    // Chinese numerals only: digits after them (`指标一2`) make the numeral part of the label,
    // as it was written (指标一, 指标七), and the digits its number.
    const n = this.scanNumeral(a, false);
    if (!n) return false;
    let unit = this.scanUnit(n.end, n.magnitude, n.end - n.magnitude.length);
    // `至少提交一件政协委员社情民意`: where a comparator word waits for its number, the
    // registry unit right after the numeral is the unit and the words after it the note.
    if (unit && !unit.known && n.magnitude === '' && this.comparatorBeforeText()) {
      const known = this.units.index.at(this.s, n.end)?.word.length ?? 0;
      unit = known > 0 ? { start: n.end, end: n.end + known, known: true, text: this.s.slice(n.end, n.end + known) } : null;
    }
    if (!unit || !unit.known) return false;
    this.emit(T.NumberTok, a, n.end - n.magnitude.length, { value: n.value });
    this.emit(T.Unit, unit.start, unit.end, { unit: unit.text });
    this.i = unit.end;
    return true;
  }

  /** Whether the words just read follow a comparator word (`至少` in `至少提交一件`). */
  private comparatorBeforeText(): boolean {
    const p = this.tokens[this.tokens.length - 2]?.tokenType;
    return p !== undefined && (COMPARES.has(p) || p === T.ApproxPre);
  }

  /** A registry unit on its own: no magnitude, no compound, no rate (`年`, `个月`, `斤`). */
  private plainUnit(text: string): boolean {
    return this.units.index.at(text, 0)?.word.length === text.length;
  }

  /** `一个半月`, `两个半小时`: the unit is `个月` (or the unit after 个 when 个 + it is none). */
  private classifierHalf(p: number): ScannedUnit | null {
    const s = this.s;
    const after = p + HALF_AFTER_CLASSIFIER.length;
    const atom = this.scanAtom(after, false);
    if (!atom.known) return null;
    const word = s.slice(after, atom.end);
    const text = this.plainUnit(`个${word}`) ? `个${word}` : word;
    return { start: p, end: atom.end, known: true, text };
  }

  /** `半小时`, `半年`, `半个月`: one half where a numeral stands, before a unit. */
  private halfAt(a: number): boolean {
    const s = this.s;
    const from = a + 1;
    const atom = this.scanAtom(from, false);
    const text = s.slice(from, atom.end);
    if (!atom.known || !this.plainUnit(text)) return false;
    this.emit(T.NumberTok, a, a + 1, { value: Rational.of('1', '2') });
    this.emit(T.Unit, from, atom.end, { unit: text });
    this.i = atom.end;
    return true;
  }

  /**
   * A numeral: Arabic (`1,200.5`, `-5`), Chinese (`一百二十`, `二〇二二`, `壹佰`) or mixed
   * (`3万4000`, `25万6千`, `十亿3000万`). A magnitude at the very end of a simple numeral
   * (`50亿`, `3千万`) is returned apart: it belongs to the unit (`亿元`).
   */
  private scanNumeral(a: number, allowArabic: boolean): { end: number; value: Rational; magnitude: string; mixed: MixedNumeral | null } | null {
    const s = this.s;
    const pieces: { piece: NumeralPiece; start: number; end: number }[] = [];
    // Whether an Arabic run's value was read beside Chinese pieces (below): a numeral that is
    // no number then read a digit's value that no plan re-reads.
    let mixedRead = false;
    const none = (): null => {
      if (mixedRead) this.digitValueRead();
      return null;
    };
    let i = a;
    for (;;) {
      const c = s[i];
      if (c === undefined) break;
      if (allowArabic && (digitOrPointAt(s, i) || ((c === '-' || c === '+') && i === a && digitOrPointAt(s, i + 1)))) {
        const m = /^[-+]?(?:\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|\.\d+)/.exec(s.slice(i, i + 4096));
        if (!m) break;
        // Two Arabic runs in a row are two numbers (`50 60`), not one.
        if (pieces.length > 0 && 'arabic' in pieces[pieces.length - 1]!.piece) break;
        // After a Chinese numeral the Arabic digits' value decides whether the numeral is
        // written twice (十15) or elided (十5): secondNumberAt reads it.
        if (pieces.length > 0) mixedRead = true;
        const text = m[0].replace(/,/g, '');
        pieces.push({ piece: { arabic: text.replace(/^\+/, '') }, start: i, end: i + m[0].length });
        i += m[0].length;
        continue;
      }
      if (c === '点' && pieces.length > 0 && CN_DIGITS.has(s[i + 1] ?? '')) {
        // 三点五: a decimal point in Chinese numerals (1点五 reads the Arabic digits' value).
        if (pieces.some((p) => 'arabic' in p.piece)) this.digitValueRead();
        let j = i + 1;
        let frac = '';
        while (CN_DIGITS.has(s[j] ?? '')) { frac += String(CN_DIGITS.get(s[j]!)); j++; }
        // 1.5点五, 三点五点五: a second point makes a second number (forms.md §9); so does
        // what secondNumberAt finds before the point (六零60点六).
        if (pieces.some((p) => 'arabic' in p.piece && p.piece.arabic.includes('.'))) this.fail('INVALID_NUMBER', i, j);
        const before = secondNumberAt(pieces.map((p) => p.piece));
        if (before?.arabic) this.fail('INVALID_NUMBER', pieces[before.at]!.start, j);
        if (before) break;
        const intPart = numeralValue(pieces.map((p) => p.piece));
        if (intPart === null) break;
        pieces.length = 0;
        pieces.push({ piece: { arabic: `${intPart.toFixed()}.${frac}` }, start: a, end: j });
        i = j;
        continue;
      }
      if (isCnNumeralChar(c)) {
        // 30万一年 is 30万 a year, not 301000 years: colloquial elision (三万五) never takes
        // the 一 that starts a rate.
        const prev = pieces[pieces.length - 1]?.piece;
        if (prev && 'char' in prev && BIG_NUMERAL_CHARS.has(prev.char) && RATE_INDEX.at(s, i)) break;
        // 百分之 / 千分之 are spelled ratios, 分之 a fraction: stop before them.
        if (s.startsWith('分之', i + 1) && (c === '百' || c === '千' || c === '万') && pieces.length === 0) break;
        // A unit that starts like a magnitude (千瓦时, 千克, 百分点) ends the numeral: 5万千瓦时.
        if (pieces.length > 0 && CN_SMALL_UNITS.has(c) && this.unitStartsAt(i)) break;
        pieces.push({ piece: { char: c }, start: i, end: i + 1 });
        i++;
        continue;
      }
      break;
    }
    if (pieces.length === 0) return none();
    const isDigitPiece = (p: NumeralPiece): boolean => 'arabic' in p || CN_DIGITS.has(p.char);
    const head0 = pieces[0]!.piece;
    if (!pieces.some((p) => isDigitPiece(p.piece)) && !('char' in head0 && head0.char === '十')) return none();
    const twice = secondNumberAt(pieces.map((p) => p.piece));
    if (twice !== null) {
      // 8101366189154伍拾 would be 50, 1.5五 1.55: an error at the second number. Two Chinese
      // digits (一五一十) are no numeral; the text may still be a word.
      if (!twice.arabic) return none();
      // (Whether the digits write a second number read their values: `五十12` fails, `五十03` is a number.)
      if (mixedRead) this.digitValueRead();
      this.fail('INVALID_NUMBER', pieces[twice.at]!.start, pieces[pieces.length - 1]!.end);
    }

    // Trailing magnitude: the unit characters after the last digit, when everything before
    // them is plain digits (a simple numeral).
    let k = pieces.length;
    while (k > 0 && isUnitPiece(pieces[k - 1]!.piece)) k--;
    const head = pieces.slice(0, k);
    const tail = pieces.slice(k);
    const tailText = tail.map((p) => ('char' in p.piece ? p.piece.char : '')).join('');
    let magnitude = '';
    let valuePieces = pieces;
    if (k > 0 && tail.length > 0 && !head.some((p) => isUnitPiece(p.piece)) && MAGNITUDES.has(tailText)) {
      // A Chinese digit followed by 十/百/千 is one numeral (三百), not a magnitude.
      const lastHead = head[head.length - 1]!.piece;
      const cnDigitThenSmall = 'char' in lastHead && CN_SMALL_UNITS.has(tailText[0]!);
      if (!cnDigitThenSmall) { magnitude = tailText; valuePieces = head; }
      else if (tailText.length > 1 && MAGNITUDES.has(tailText.slice(1))) {
        // 三千万: 三千 is the numeral, 万 the magnitude.
        magnitude = tailText.slice(1);
        valuePieces = pieces.slice(0, k + 1);
      }
    }
    // A numeral mixing Arabic digits with Chinese ones or units (3万4000) is valued by both:
    // recorded, so that a plan can read it again from other digits.
    if (valuePieces.length > 1 && valuePieces.some((p) => 'arabic' in p.piece)) mixedRead = true;
    const v = numeralValue(valuePieces.map((p) => p.piece));
    if (v === null) return none();
    const end = pieces[pieces.length - 1]!.end;
    const mixed: MixedNumeral | null = mixedRead ? { pieces, valueCount: valuePieces.length, token: null } : null;
    if (mixed !== null) this.numerals.push(mixed);
    return { end, value: Rational.of(v), magnitude, mixed };
  }

  /**
   * The unit after a number: `%`, a registry unit (longest match), a compound `A/B`, or an
   * unknown word (`所学校`), which stops before words that end a quantity (`以上`, `内`).
   * `magnitude` is the magnitude already read with the number, written from `from` (white
   * space may stand between it and `start`: `201万 元` is 201万元, not 201 元).
   */
  private scanUnit(start: number, magnitude: string, from = start - magnitude.length): ScannedUnit | null {
    const s = this.s;
    let i = start;
    if (RATIO_SIGNS.has(s[i] ?? '')) return { start: from, end: i + 1, known: true, text: s.slice(from, i + 1).replace(/[ \n]/g, '') };
    // 1:0.5 — the unit `:0.5` reads the number as a ratio to 0.5 (units.ts resolves it); not
    // before a unit (`指标1：95%` is a label and its target), nor after a Chinese numeral, which
    // ends a label there (`五：0万元左右`; ratios are written in digits).
    const m = magnitude === '' && isDigit(s[i - 1]) ? RATIO_COLON.exec(s.slice(i, i + 64)) : null;
    if (m && !RATIO_SIGNS.has(s[i + m[0].length] ?? '') && !this.units.index.at(s, i + m[0].length)) {
      // A zero divisor (1:0) is an error: the value decides.
      // A read other than a date numeral's: no date plan (date-plans.ts) runs this check again.
      this.divisorRead = true;
      this.otherValueRead = true;
      // A ratio's divisor of zero (`1:0`): no ratio, an error.
      if (isZeroNumeral(m[1]!)) this.fail('INVALID_NUMBER', i, i + m[0].length);
      return { start: i, end: i + m[0].length, known: true, text: `:${m[1]!}` };
    }
    const atom = this.scanAtom(i, magnitude === '');
    let known = magnitude !== '' || atom.known;
    if (atom.end === i && magnitude === '' && s[i] !== '/') return null;
    i = atom.end;
    if (atom.end > start && !atom.known) known = false;
    let text = s.slice(from, i);
    let rate = RATE_INDEX.at(s, i);
    if (rate) {
      // 30万元一年, 3次每年: a rate, read as 万元/年, 次/年; 500元每人每月 as 元/人·月.
      const per: string[] = [];
      for (; rate; rate = RATE_INDEX.at(s, i)) { per.push(rate.value); i += rate.word.length; }
      return { start: from, end: i, known, text: `${text.replace(/[ \n]/g, '')}/${per.join('·')}` };
    }
    if (s[i] === '/' && (isWordChar(s[i + 1]) || s[i + 1] === '每')) {
      const slash = i;
      i++;
      text += '/';
      for (;;) {
        const d0 = i;
        if (s[i] === '每') i++;
        const d = this.scanAtom(i, true);
        if (d.end === i && d0 === slash + 1) {
          // `52/以内`: a slash with no unit after it is no part of the unit.
          i = slash;
          text = text.slice(0, -1);
          break;
        }
        if (d.end === i) { known = false; break; }
        if (!d.known) known = false;
        i = d.end;
        text += s.slice(d0, i);
        if (/[*·.]/.test(s[i] ?? '') && (isWordChar(s[i + 1]) || s[i + 1] === '每')) { text += s[i]; i++; continue; }
        // 元/人/月, 元/人、天: a second / or a 、 in the denominator joins like · (元/人·月);
        // after 、 only a known unit, else the 、 separates two targets.
        const sep = s[i];
        if ((sep === '/' || sep === '、') && isWordChar(s[i + 1])) {
          const next = this.scanAtom(i + 1, true);
          if (next.known && (sep === '/' || !isWordChar(s[next.end]))) { text += '·'; i++; continue; }
        }
        break;
      }
    }
    if (i === from) return null;
    return { start: from, end: i, known, text: text.replace(/[ \n]/g, '') };
  }

  /** One unit word: the longest registry match, extended over following letters to an unknown word. */
  private scanAtom(i: number, allowMagnitude: boolean): { end: number; known: boolean } {
    const s = this.s;
    let best = this.units.index.at(s, i)?.word.length ?? 0;
    if (allowMagnitude) {
      // 万元 / 千万元 inside a compound denominator or after a number without magnitude.
      for (const m of MAGNITUDE_INDEX.allAt(s, i)) {
        const u = this.units.index.at(s, i + m.word.length);
        if (u) best = Math.max(best, m.word.length + u.word.length);
      }
    }
    let j = i + best;
    while (j < s.length && isWordChar(s[j]) && !UNIT_STOP_INDEX.at(s, j)) j++;
    return { end: j, known: j === i + best && best > 0 };
  }

  /** Whether a registry unit of two or more characters starts at j. */
  private unitStartsAt(j: number): boolean {
    return (this.units.index.at(this.s, j)?.word.length ?? 0) >= 2;
  }

  /** `第三季度`, `2022年第三季度`: a quarter, with the year when written before it. */
  private tryQuarter(a: number, year: DateNumeral | null, tokenStart: number): boolean {
    // 第三季度, 三季度末; `2季度` without 第 is an amount of time. 第1季度 is a quarter, 第5季度
    // none: the digit's value decides.
    if (this.s[a] === '第' && isDigit(this.s[a + 1])) this.digitValueRead();
    const m = /^(?:第([一二三四1-4])|([一二三四]))季度(末|底)?/.exec(this.s.slice(a, a + 8));
    if (!m) return false;
    const q = QUARTERS.get(m[1] ?? m[2]!)!;
    const end = a + m[0].length;
    const y = year && year.value;
    const token = m[3] ? this.emit(T.DateTok, tokenStart, end, { date: { year: y, month: q * 3, day: null, end: true } })
      : this.emit(T.Quarter, tokenStart, end, { quarter: q, date: { year: y, month: null, day: null, end: false } });
    // Its year is the numeral's; its month, the quarter's (no digit: 第1季度 is no plan's).
    if (year !== null) this.dateReads?.dates.push({ token, year, month: null, day: null });
    this.i = end;
    return true;
  }

  /**
   * Dates: `2022年12月31日`, `2022年12月底`, `12月底`, `9月`, `2020年`, `二〇二二年`,
   * `2022.12.31`, `2022-12-31`, `2023.07`. A month or year number after a comparator is a
   * duration (`=5年`, `≥1个月` never reaches here), as contract.md decides.
   */
  private tryDate(a: number): boolean {
    const s = this.s;
    const rest = s.slice(a, a + 40);
    const afterOp = this.afterOperator();
    const afterRangeDate = this.last?.tokenType === T.RangeSep && this.tokens[this.tokens.length - 2]?.tokenType === T.DateTok;
    // `0-6月`, `3-13月`: after a number that is no month, the second end is a duration too.
    const afterRangeNumber = this.last?.tokenType === T.RangeSep && this.tokens[this.tokens.length - 2]?.tokenType === T.NumberTok;

    // Numeric forms: 2022.12.31 / 2022-12-31 / 2022/12/31, and 2023.07 / 2022-11 in a date position.
    let m = /^(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})(?![\d.])(日|号)?/.exec(rest);
    // Whether 2022.12.31 or 2023.07 is a date depends on its year and month (3662.2.25 is none).
    // Only a year of 1900–2100 is a calendar year (contract.md "Dates"): `3662.2.25` is no date,
    // as `3662年2月25日` is none, so a date read here can be written back with 年/月/日.
    if (m) {
      const y = this.numeralAt(a, a + 4)!;
      const moAt = a + 5;
      const dayAt = moAt + m[3]!.length + 1;
      if (this.holds(isCalendarYear, y)) {
        return this.dateToken(a, a + m[0].length, y, this.numeralAt(moAt, moAt + m[3]!.length), this.numeralAt(dayAt, dayAt + m[4]!.length));
      }
    }
    m = /^(\d{4})[.\-/](\d{1,2})(?![\d])/.exec(rest);
    if (m && !afterOp) {
      const next = s.slice(a + m[0].length);
      // What follows is read before the digits' values: `1203.4万元` is an amount whatever its
      // digits (its shape can be planned), only `2023.07` alone or before 前, 至 … may be a date.
      const follows = next === '' || /^(\s*(-|--|—|~|至|到|前|之前|以前|底|末|完成|,|;|\n))/.test(next);
      if (follows) {
        const y = this.numeralAt(a, a + 4)!;
        const mo = this.numeralAt(a + 5, a + 5 + m[2]!.length)!;
        if (this.holds(isCalendarYear, y) && this.holds(isMonthNumber, mo)) return this.dateToken(a, a + m[0].length, y, mo, null);
      }
    }

    // Chinese forms, Arabic or Chinese numerals: [Y年][M月][D日|号][底|末].
    // After a comparator `2024年` is an amount of years, but a year with its month is a date
    // (`≤2024年12月31日`, a split op column beside a date cell): no duration is written so.
    // The year's value is read only where it can decide (`≥5年` is years whatever its digits).
    const yEnd = this.numeralRunEnd(a, '年');
    const fullDate = yEnd !== null && afterOp && this.afterCompare() && this.numeralBefore(yEnd + 1, '月') !== null;
    const y = yEnd !== null && (!afterOp || fullDate) ? this.numeralBefore(a, '年') : null;
    if (y && (!afterOp || fullDate) && this.holds(isCalendarYear, y)) {
      let i = y.end + 1;
      let month: DateNumeral | null = null;
      let day: DateNumeral | null = null;
      let end = false;
      if (/^(第[一二三四1-4]|[一二三四])季度/.test(s.slice(i, i + 5))) return this.tryQuarter(i, y, a);
      const whole = WHOLE_YEAR_INDEX.at(s, i);
      if (whole) {
        const token = this.emit(T.WholeYear, a, i + whole.word.length, { date: { year: y.value, month: null, day: null, end: false } });
        this.dateReads?.dates.push({ token, year: y, month: null, day: null });
        this.i = i + whole.word.length;
        return true;
      }
      // 2022年1-12月: the first month of the span, its year written before it.
      const span = this.monthSpanStart(i, true);
      // (monthSpanStart has read the first month: it is a numeral.)
      if (span !== null) return this.dateToken(a, span, y, this.numeralAt(i, span)!, null);
      const mo = this.numeralBefore(i, '月');
      if (mo && this.holds(isMonthNumber, mo)) {
        month = mo; i = mo.end + 1;
        if (s[i] === '份') i++;
        const d = this.numeralBefore(i, '日') ?? this.numeralBefore(i, '号');
        if (d) { day = d; i = d.end + 1; }
      } else if (mo) this.fail('INVALID_DATE', a, mo.end + 1);
      if (DATE_END_MARKS.includes(s[i] ?? '')) { end = true; i++; }
      else if (month === null) {
        // 2024年年底前, 2024年年末, 2024年年内: the year's own end words.
        const w = AFTER_YEAR_END_INDEX.at(s, i);
        if (w) { end = true; i += w.word.length; }
      }
      return this.dateToken(a, i, y, month, day, end);
    }
    // 3-6月, 1-12月: months of one year (a span of durations is written 3-6个月).
    if (!afterOp && !afterRangeNumber) {
      const span = this.monthSpanStart(a, false);
      if (span !== null) return this.dateToken(a, span, null, this.numeralAt(a, span)!, null);
    }
    this.recurringDay(a);
    // After a comparator a month with its day or its end is a date too (`≤12月31日`, `=12月底前`);
    // `≤12月` is months, whatever its digits (its value is not read there).
    const moEnd = this.numeralRunEnd(a, '月');
    const monthDay = moEnd !== null && afterOp && this.afterCompare() && (DATE_END_MARKS.includes(s[moEnd + 1] ?? '')
      || (this.numeralBefore(moEnd + 1, '日') ?? this.numeralBefore(moEnd + 1, '号')) !== null);
    const mo = moEnd !== null && (!afterOp || afterRangeDate || monthDay) && !afterRangeNumber ? this.numeralBefore(a, '月') : null;
    if (mo) {
      if (!this.holds(isMonthNumber, mo)) {
        // `13月` after a comparator-less cell is no date and no sensible duration either.
        return false;
      }
      let i = mo.end + 1;
      // 11月份: the month (份 only says that it is one).
      if (s[i] === '份') i++;
      let day: DateNumeral | null = null;
      let end = false;
      const d = this.numeralBefore(i, '日') ?? this.numeralBefore(i, '号');
      if (d) { day = d; i = d.end + 1; }
      if (DATE_END_MARKS.includes(s[i] ?? '')) { end = true; i++; }
      return this.dateToken(a, i, null, mo, day, end);
    }
    return false;
  }

  /** `每月8号`, `每月25日`: a day of every month is no date (RECURRING_DEADLINE). */
  private recurringDay(a: number): void {
    const p = this.last;
    if (p === undefined || p.tokenType !== T.Text || p.endOffset + 1 !== a) return;
    const lead = RECURRING_MONTH_WORDS.find((w) => p.image.endsWith(w));
    if (lead === undefined) return;
    // 号 is always a day of the month; 日 only before a deadline word (`每月2日内` is two days).
    const day = this.numeralBefore(a, '号');
    const d = day ?? this.numeralBefore(a, '日');
    if (d === null || !this.holds(isDayNumber, d)) return;
    if (day === null && !DEADLINE_POSTFIX.some((w) => this.s.startsWith(w, d.end + 1))) return;
    this.fail('RECURRING_DEADLINE', a - lead.length, d.end + 1);
  }

  /** After a comparator symbol or word (not ≈, a trend or ±): `≤`, `不晚于`. */
  private afterCompare(): boolean {
    const p = this.last?.tokenType;
    return p !== undefined && COMPARES.has(p);
  }

  /**
   * The end of the first month of a month span at `a` (`3` of `3-6月`, `1` of `1-12月份`,
   * `三` of `三至六月`): a month number, a range separator, then a month. Null when there is none;
   * after a year (`afterYear`) a second month that does not exist is an error, not a duration.
   */
  private monthSpanStart(a: number, afterYear: boolean): number | null {
    const s = this.s;
    let j = a;
    while (j < s.length && j - a < 3 && (isDigit(s[j]) || (isCnNumeralChar(s[j]!) && !CN_BIG_UNITS.has(s[j]!)))) j++;
    if (j === a) return null;
    // The form first, the values after: only the numbers of `3-6月` have their values read
    // (`3个工作日`, `3-5个工作日` have none).
    const sep = RANGE_SEPARATOR_INDEX.at(s, j);
    if (!sep) return null;
    let k = j + sep.word.length;
    while (s[k] === ' ') k++;
    if (this.numeralRunEnd(k, '月') === null) return null;
    const first = this.numeralAt(a, j);
    if (first === null || !this.holds(isMonthNumber, first)) return null;
    const second = this.numeralBefore(k, '月');
    if (second === null) return null;
    if (!this.holds(isMonthNumber, second)) {
      if (afterYear) this.fail('INVALID_DATE', k, second.end + 1);
      return null;
    }
    return j;
  }


  /** Where a run of at most 4 numeral characters at `a` ends when `marker` follows it, else null (its value unread). */
  private numeralRunEnd(a: number, marker: string): number | null {
    const s = this.s;
    let j = a;
    while (j < s.length && (isDigit(s[j]) || (isCnNumeralChar(s[j]!) && !CN_BIG_UNITS.has(s[j]!)))) j++;
    return j === a || s[j] !== marker || j - a > 4 ? null : j;
  }

  /** An integer numeral at `a` immediately followed by `marker`. */
  private numeralBefore(a: number, marker: string): DateNumeral | null {
    const j = this.numeralRunEnd(a, marker);
    return j === null ? null : this.numeralAt(a, j);
  }

  private dateToken(a: number, b: number, year: DateNumeral | null, month: DateNumeral | null, day: DateNumeral | null, end = false): boolean {
    if (month !== null && !this.holds(isMonthNumber, month)) this.fail('INVALID_DATE', a, b);
    if (day !== null && (month === null || !this.holds(isDayOf, day, month, year))) this.fail('INVALID_DATE', a, b);
    if (year === null && month === null) return false;
    const token = this.emit(T.DateTok, a, b, { date: { year: year && year.value, month: month && month.value, day: day && day.value, end } });
    this.dateReads?.dates.push({ token, year, month, day });
    this.i = b;
    return true;
  }
}


/** The integer value of the date numeral s[a, b) (Arabic or Chinese digits), or null. Every date's decision reads it. */
export function dateNumeralValue(s: string, a: number, b: number): number | null {
  // A run of Arabic digits is itself (numeralValue's reading of one), worked out without a decimal.
  let plain = 0;
  for (let k = a; k < b && plain >= 0; k++) plain = isDigit(s[k]) ? plain * 10 + (s.charCodeAt(k) - 48) : -1;
  if (plain >= 0 && b > a && b - a <= 15) return plain;
  const pieces: NumeralPiece[] = [];
  let arabic = '';
  for (let k = a; k < b; k++) {
    if (isDigit(s[k])) arabic += s[k];
    else { if (arabic) { pieces.push({ arabic }); arabic = ''; } pieces.push({ char: s[k]! }); }
  }
  if (arabic) pieces.push({ arabic });
  const v = numeralValue(pieces);
  return v === null || !v.isInteger() ? null : v.toNumber();
}

/** Whether s[a, b) holds an ASCII digit. */
export function hasDigit(s: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (isDigit(s[k])) return true;
  return false;
}

/** Runs a calendar test on the values of its numerals (in the order holds recorded them). */
export function runDateTest(test: DateTest, values: readonly (number | null)[]): boolean {
  return (test as (...v: (number | null)[]) => boolean)(...values);
}
