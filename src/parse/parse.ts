import type { IToken } from 'chevrotain';
import { A_TEXT, invalidArgument } from '../arguments.js';
import { IndicatorError } from '../errors.js';
import { evaluationMemo, type EvaluationMemo } from '../evaluate/memo.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import type { Target } from '../model/types.js';
import { clean, originalSpan, type CleanText } from '../text/clean.js';
import { buildUnitTable, FEN_AS_CENT, UNITS, type UnitDef, type UnitTable } from '../vocab/units.js';
import { PLACEHOLDERS } from '../vocab/words.js';
import { buildTarget, type BuildContext } from './build.js';
import { TargetCache } from './cache.js';
import { DatePlans, type DateSeen } from './date-plans.js';
import { RebuildPlans, type BuildSeen } from './rebuild-plans.js';
import { CellParser } from './grammar.js';
import { TableLexer, type ExtraWords, type Lexer, type Token } from './lexer.js';
import { digitWords, ShapeCache, shapeKey, type Seen, type Shape } from './shape-cache.js';
import { errorAsValue, thrown, withoutStacks } from './stackless.js';
import * as T from './tokens.js';

/**
 * The longest input read, in UTF-16 code units. Real cells are under 200; the limit is
 * checked before any work, so a pasted document or a hostile string costs nothing.
 */
export const MAX_INPUT_LENGTH = 2000;

export interface ParseOptions {
  /** Language of error messages: `zh` (default) or `en`. Both are always in `error.messages`. */
  readonly locale?: Locale;
  /** Reference year for dates written without one (`12月底前`). */
  readonly year?: number;
  /** 分 as a score (default, as these tables use it) or as a cent. */
  readonly fen?: 'score' | 'cent';
  /** Raise or lower the input length limit (default MAX_INPUT_LENGTH). */
  readonly maxLength?: number;
}

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);
const OPERATOR_LIKE = new Set([T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.Ne, T.ApproxPre, T.PercentOf, T.PlusMinus, T.RangeSep, T.Between, T.BetweenAnd, T.Trend]);

/**
 * Everything one registry parses with: its unit tables (分 as a score, and as a cent), its
 * lexers, one grammar parser (chevrotain parsers are built once and reused, `input = tokens`)
 * and the cache of its parsed cells. `createParser` makes one per registry; the top-level
 * functions share the default one (`DEFAULT_ENGINE`).
 */
export interface Engine {
  readonly cache: TargetCache;
  /** The shapes of cells it has parsed: fresh digits in a known shape skip the parse (shape-cache.ts). */
  readonly shapes: ShapeCache;
  /** The shapes of date cells it has parsed: fresh dates of a known shape skip the parse, or the scan and the grammar (date-plans.ts). */
  readonly dates: DatePlans;
  /** The shapes of cells its build rejected after reading their numbers' values: fresh digits skip the scan and the grammar (rebuild-plans.ts). */
  readonly rebuilds: RebuildPlans;
  readonly units: UnitTable;
  readonly centUnits: UnitTable;
  readonly lexer: Lexer;
  readonly centLexer: Lexer;
  readonly parser: CellParser;
  /** What evaluations by this registry have read: indicator names' polarities, actual values' quantities. */
  readonly memo: EvaluationMemo;
}

export function makeEngine(defs: readonly UnitDef[], words?: ExtraWords, parser: CellParser = new CellParser()): Engine {
  const units = buildUnitTable(defs);
  const centUnits = buildUnitTable([...defs.filter((d) => d.name !== '分'), FEN_AS_CENT]);
  const lexer = new TableLexer(units, words);
  const digits = digitWords(lexer.vocabulary());
  return {
    cache: new TargetCache(), shapes: new ShapeCache(digits), dates: new DatePlans(digits), rebuilds: new RebuildPlans(digits), units, centUnits, lexer,
    centLexer: new TableLexer(centUnits, words), parser, memo: evaluationMemo(),
  };
}

/**
 * The registry as shipped, built when first used (its grammar parser and unit tables take
 * milliseconds, which a program that only formats or grades never spends). What it keeps
 * is its own cache, which hands out copies (cache.ts).
 */
class DefaultEngine {
  #engine: Engine | null = null;
  get(): Engine {
    return (this.#engine ??= makeEngine(UNITS));
  }
}
export const DEFAULT_ENGINE = /* @__PURE__ */ new DefaultEngine();

/** The options of a call without any (shared, never changed). */
export const NO_OPTIONS: ParseOptions = Object.freeze({});

export function checkInput(text: unknown, options: ParseOptions): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  if (typeof text !== 'string') invalidArgument(A_TEXT, text, locale);
  const limit = options.maxLength ?? MAX_INPUT_LENGTH;
  if (text.length > limit) {
    throw new IndicatorError('INPUT_TOO_LONG', { offset: limit, length: text.length - limit }, text.slice(0, 64), { length: text.length, limit }, locale);
  }
  return text;
}

/**
 * A target cell: clean-up, the lexer, the grammar, then the target is built (build.ts).
 * The engine keeps the cells it has parsed, and the errors of those that do not parse.
 */
export function parseTargetText(input: unknown, options: ParseOptions = NO_OPTIONS, engine: Engine = DEFAULT_ENGINE.get()): Target {
  const t = parseTargetValue(input, options, engine);
  // The only Error parseTargetValue gives is an IndicatorError (a plain `instanceof Error`
  // test: IndicatorError's own recognises the other build's errors too, at a cost every
  // repeated cell would pay). A kept failure's error, and one made from the plan of its
  // shape, go without a stack (cache.ts, shape-cache.ts).
  if (t instanceof Error) throw engine.cache.answered(t) || engine.shapes.planned(t) ? t : thrown(t, parseTargetText);
  return t;
}

/**
 * parseTargetText with the error of a cell that does not parse returned, not thrown, and
 * without a stack (stackless.ts): for the package's own readings of text (an actual value
 * read as a target), which only ask whether and what it is.
 */
export function parseTargetValue(input: unknown, options: ParseOptions = NO_OPTIONS, engine: Engine = DEFAULT_ENGINE.get()): Target | IndicatorError {
  const text = checkInput(input, options);
  // 分 as a cent reads with other units: such calls are not kept. A year is part of the key.
  if (options.fen === 'cent') return withoutStacks(() => errorAsValue(() => parseUncached(text, options, engine)));
  const key = options.year === undefined || options.year === null ? text : `${options.year}\u0000${text}`;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const kept = engine.cache.get(key, locale);
  if (kept !== undefined) return kept;
  // A text of a shape seen before is made from its digits; otherwise the parse may plan its shape.
  const shape = shapeOf(text, options);
  // A text without digits that clean-up changes is answered from its cleaned text's target (cache.ts).
  const plain = shape === null ? cleanedKey(text, options) : null;
  const asCleaned = plain === null ? undefined : engine.cache.asCleaned(plain.key, text);
  if (asCleaned !== undefined) return engine.cache.put(key, asCleaned);
  // The text's hash was taken with its shape's; the key is the text itself when no year is given.
  const keyHash = shape !== null && key === text ? shape.textHash : undefined;
  const planned = shape === null ? undefined : engine.shapes.target(shape, text) ?? engine.dates.target(shape, text);
  if (planned !== undefined) return engine.cache.putPlanned(key, planned, keyHash);
  const failing = shape === null ? undefined : engine.shapes.error(shape, text, locale);
  if (failing !== undefined) return engine.cache.putPlanned(key, failing, keyHash);
  const seen: ParseSeen = { ct: null, tokens: null, shapeSafe: false };
  const made = withoutStacks(() => errorAsValue(() => parseUncached(text, options, engine, seen, shape)));
  if (shape !== null) {
    if (made instanceof Error) {
      // Made by the build on a rebuild plan's tokens: an error of a shape seen failing before.
      if (seen.rebuilt === true) engine.shapes.notePlanned(made);
      engine.shapes.learnError(shape, text, seen, made);
      if (seen.build?.valueRead === true && seen.rebuild !== undefined) engine.rebuilds.learn(shape, seen.rebuild, seen.shapeSafe, seen.build.ends);
    } else engine.shapes.learnTarget(shape, text, seen, made, engine.units);
    if (seen.dates !== undefined) engine.dates.learn(shape, seen.dates, made);
  }
  if (plain !== null) engine.cache.putCleaned(plain.key, plain.text, made);
  return engine.cache.put(key, made, keyHash);
}

/**
 * The cleaned text of a text without digits and its cache key, where a target of the text is
 * that of its cleaned text but for `text` (cache.ts): clean-up changes the text, and changes
 * nothing more in what it left. Otherwise null.
 */
function cleanedKey(text: string, options: ParseOptions): { text: string; key: string } | null {
  const cleaned = clean(text).text;
  if (cleaned === text || clean(cleaned).text !== cleaned) return null;
  return { text: cleaned, key: options.year === undefined || options.year === null ? cleaned : `${options.year}\u0000${cleaned}` };
}

/** A cell parsed without either cache, its error returned (the reference the shape cache is tested against). */
export function parseTargetFresh(text: string, options: ParseOptions, engine: Engine): Target | IndicatorError {
  return withoutStacks(() => errorAsValue(() => parseUncached(text, options, engine)));
}

/** The shape of a text with the options that change its result (a year; never 分 as a cent), or null. */
export function shapeOf(text: string, options: ParseOptions): Shape | null {
  return shapeKey(text, options.year ?? null);
}

/** What a parse saw, for the plans learnt from it: the shape cache's, a date's, a rebuild's. */
type ParseSeen = Seen & { dates?: DateSeen; rebuild?: BuildSeen; rebuilt?: boolean; build?: BuildContext['reads'] };

/**
 * `seen`, when given, receives what the parse saw (for the shape cache, date plans and
 * rebuild plans); a date cell whose cleaned text has a planned shape, and a cell of a `shape` planned by a
 * rebuild plan, skip the scan and the grammar (date-plans.ts, rebuild-plans.ts). The cell's
 * error is returned; but the scan's, which it throws (callers take it with `errorAsValue`).
 */
function parseUncached(text: string, options: ParseOptions, engine: Engine, seen?: ParseSeen, shape?: Shape | null): Target | IndicatorError {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const units = options.fen === 'cent' ? engine.centUnits : engine.units;
  const ct = clean(text);
  if (ct.text === '') return new IndicatorError('EMPTY', { offset: 0, length: text.length }, text, {}, locale);
  // `不适用\n不适用`: a placeholder repeated on each line of the cell is still one.
  if (PLACEHOLDER_SET.has(ct.text) || ct.text.split('\n').every((line) => PLACEHOLDER_SET.has(line.trim()))) {
    return new IndicatorError('NOT_APPLICABLE', originalSpan(ct, 0, ct.text.length), text, { text: ct.text }, locale);
  }
  const lexer = options.fen === 'cent' ? engine.centLexer : engine.lexer;
  const bare = lexer.bareUnit(ct, locale);
  if (bare !== null) return missingNumber(ct, bare, locale);
  const remade = shape == null ? undefined : engine.dates.remake(ct, shape);
  if (remade !== undefined) {
    const target = buildTarget(remade.segments, { ct, units, locale, year: options.year ?? null, notes: remade.notes });
    if (!(target instanceof Error)) engine.dates.learnTarget(shape!, ct, remade.by, target);
    return target;
  }
  const rebuilt = shape == null ? undefined : engine.rebuilds.remake(shape, ct, units, locale);
  if (rebuilt !== undefined) {
    if (seen !== undefined) seen.rebuilt = true;
    if (rebuilt instanceof Error) return rebuilt;
    const parts = seen === undefined ? undefined : [];
    const target = buildTarget(rebuilt.segments, { ct, units, locale, year: options.year ?? null, notes: rebuilt.notes, parts });
    if (seen !== undefined && !(target instanceof Error)) {
      // The tokens and segments are the scan's and the grammar's of this text (rebuild-plans.ts), whose scan read no digit's
      // value: what a full parse would have seen, from which the shape cache may plan the shape (`85%-90%` after `90%-85%`).
      Object.assign(seen, { ct, tokens: rebuilt.tokens, shapeSafe: true, segments: rebuilt.segments, parts, safeButDivisors: false, numerals: null });
    }
    return target;
  }
  // A scan that stops at an error says in `seen` whether it had read a digit's value (shape-cache.ts, learnError).
  if (seen !== undefined) seen.ct = ct;
  const { tokens, notes, shapeSafe, dateReads, safeButDivisors, numerals } = lexer.tokenize(ct, locale, seen);
  if (tokens.length === 0) {
    // Only a note: `（历史标准）` has no target in it.
    return new IndicatorError('EMPTY', { offset: 0, length: text.length }, text, {}, locale);
  }
  const merged = mergeLabels(tokens, ct);
  const { segments, failedAt } = engine.parser.parseCell(merged);
  if (segments === null) {
    if (seen !== undefined) { seen.tokens = merged; seen.shapeSafe = shapeSafe === true; }
    return parseError(failedAt, merged, ct, locale);
  }
  // Before the build, whose errors (a period out of order) a date plan makes again from the new digits.
  if (seen !== undefined && dateReads) seen.dates = { ct, tokens: merged, segments, notes, reads: dateReads };
  const parts = seen === undefined ? undefined : [];
  // What the build reads of the numbers' values, for an error it stops at (shape-cache.ts, learnError).
  const reads = seen === undefined ? undefined : (seen.build = { valueRead: false });
  if (seen !== undefined) { seen.tokens = merged; seen.shapeSafe = shapeSafe === true; seen.rebuild = { ct, tokens: merged, segments, notes }; }
  const target = buildTarget(segments, { ct, units, locale, year: options.year ?? null, notes, parts, reads });
  if (seen !== undefined) { seen.segments = segments; seen.parts = parts; seen.safeButDivisors = safeButDivisors === true; seen.numerals = numerals ?? null; }
  return target;
}

/**
 * A cell that is only a unit or magnitude (`万人`, `公里`, `%`): a unit column slipped into
 * the value column. The number it wants is missing; the span is the unit's.
 */
/** Where MISSING_NUMBER's message says the number is missing: after a comparator, before a unit. */
export const NUMBER_AFTER = Object.freeze({ whereZh: '之后', whereEn: ' after' });
export const NUMBER_BEFORE = Object.freeze({ whereZh: '之前', whereEn: ' before' });

export function missingNumber(ct: CleanText, unit: { start: number; end: number }, locale: Locale): IndicatorError {
  const found = ct.text.slice(unit.start, unit.end);
  return new IndicatorError('MISSING_NUMBER', originalSpan(ct, unit.start, unit.end), ct.original, { found, ...NUMBER_BEFORE }, locale);
}

/**
 * A label may itself hold numbers or dates (`2022年“新市民”开户人数≥1万人`). When text
 * and such tokens stand before the first comparator symbol of a segment, the whole
 * stretch is the label.
 */
function mergeLabels(tokens: Token[], ct: CleanText): Token[] {
  const out: Token[] = [];
  let segStart = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t !== undefined && t.tokenType !== T.Comma && t.tokenType !== T.Conj) continue;
    const seg = tokens.slice(segStart, i);
    const k = labelEnd(seg);
    if (k > 0) {
      const first = seg[0]!;
      const last = seg[k - 1]!;
      const label = { ...first, tokenType: T.Text, tokenTypeIdx: T.Text.tokenTypeIdx!, image: ct.text.slice(first.startOffset, last.endOffset + 1), endOffset: last.endOffset } as Token;
      out.push(label, ...seg.slice(k));
    } else {
      out.push(...seg);
    }
    if (t !== undefined) out.push(t);
    segStart = i + 1;
  }
  return out;
}

/** Tokens that begin the value of a segment. */
const VALUE_START = new Set([T.NumberTok, T.DateTok, T.YearEnd, T.Quarter, T.PercentOf, T.PlusMinus, T.LBracket, T.Between,
  T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.Ne, T.ApproxPre]);
const COMPARATORS = new Set([T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.Ne]);
/** Words the grammar reads before a value as its modifiers (`力争`, `较上年`, `截至`), not as a label. */
const PRE_WORDS = new Set([T.Intent, T.Modifier, T.DeadlinePre]);
const DATES = new Set([T.DateTok, T.Quarter, T.YearEnd]);

/**
 * Where the label of a segment ends, when it must be merged into one text token (0 for
 * none). The label is everything before the first comparator or number (forms.md §8),
 * whatever words it holds: trend and achievement words (`补贴对象生活改善度不低于80%`,
 * `完成95%`), a leading year or rate word (`2023年支付成本不超过300万元`,
 * `每年档案信息录入≧3000条`). Before a comparator symbol it may hold numbers and dates too
 * (`2022年“新市民”开户人数≥1万人`). The words the grammar reads before the value stay out:
 * modifiers and intent (`居民收入较上年提高5%`), and the trend word of a trend with an amount.
 */
function labelEnd(seg: readonly Token[]): number {
  if (!seg.some((x) => VALUE_START.has(x.tokenType) && !COMPARATORS.has(x.tokenType) && x.tokenType !== T.ApproxPre)) return 0;
  const symbol = seg.findIndex((x) => COMPARATORS.has(x.tokenType) && /^[<>=≥≤≠!]+$/.test(x.image));
  if (symbol > 0) {
    const prefix = seg.slice(0, symbol);
    if (prefix.some((x) => x.tokenType === T.Text) && prefix.some((x) => VALUE_START.has(x.tokenType))) return symbol;
  }
  // A year that a label starts with (`2023年支付成本…`) is no date of the target.
  const from = seg.length > 1 && DATES.has(seg[0]!.tokenType) && seg[1]!.tokenType === T.Text ? 1 : 0;
  let k = from;
  while (k < seg.length && !VALUE_START.has(seg[k]!.tokenType)) k++;
  if (k >= seg.length) return 0;
  let j = k;
  if (j > 0 && seg[j - 1]!.tokenType === T.Trend) j--;
  while (j > 0 && PRE_WORDS.has(seg[j - 1]!.tokenType)) j--;
  if (j === 0 || (j === 1 && seg[0]!.tokenType === T.Text)) return 0;
  return j;
}

function parseError(failedAt: IToken, tokens: Token[], ct: CleanText, locale: Locale): IndicatorError {
  const tok = failedAt as Token;
  const atEnd = tok.tokenType.name === 'EOF' || Number.isNaN(tok.startOffset);
  // A comparator (or 百分之, ±, a range separator) must be followed by a number: `≥`,
  // `≥亿元`, `满意度≥`. Chevrotain may report the comparator, what follows it, or the
  // label before it, so look from the reported token to the end of its segment.
  const start = atEnd ? Math.max(0, tokens.length - 1) : tokens.indexOf(tok);
  let k = start;
  while (k > 0 && OPERATOR_LIKE.has(tokens[k - 1]!.tokenType) && tokens[k - 1]!.tokenType !== T.Trend) k--;
  for (; k < tokens.length && tokens[k]!.tokenType !== T.Comma && tokens[k]!.tokenType !== T.Conj; k++) {
    const t = tokens[k]!;
    if (!OPERATOR_LIKE.has(t.tokenType) || t.tokenType === T.Trend) continue;
    const next = tokens[k + 1];
    if (next !== undefined && (OPERATOR_LIKE.has(next.tokenType) || next.tokenType === T.NumberTok)) continue;
    const where = next && (next.tokenType === T.Text || next.tokenType === T.Unit) ? next : t;
    return new IndicatorError('MISSING_NUMBER', originalSpan(ct, where.startOffset, where.endOffset + 1), ct.original, { found: t.image, ...NUMBER_AFTER }, locale);
  }
  if (atEnd) {
    const n = ct.original.length;
    return new IndicatorError('UNEXPECTED_END', { offset: n, length: 0 }, ct.original, { expected: '' }, locale);
  }
  return new IndicatorError('UNEXPECTED_TOKEN', originalSpan(ct, tok.startOffset, tok.endOffset + 1), ct.original, { found: tok.image, expected: '' }, locale);
}
