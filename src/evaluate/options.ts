import { IndicatorError } from '../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { isQuantity } from '../model/quantity.js';
import type { Quantity } from '../model/types.js';
import type { UnitTable } from '../vocab/units.js';
import { D, exponentOf, isDecimalLike, isOurDecimal } from '../numbers/decimal.js';
import { Rational } from '../numbers/rational.js';
import { DEFAULT_ENGINE, type Engine, type ParseOptions } from '../parse/parse.js';
import type { DecimalInput, EvaluateOptions } from './types.js';
import type { Polarity } from '../vocab/polarity.js';

/** Options checked once per call; everything below reads these, never the raw object. */
export interface Settings {
  readonly locale: Locale;
  readonly year: number | null;
  readonly polarity: Polarity | null;
  readonly indicator: string | null;
  readonly tolerance: DecimalInput | Quantity | null;
  readonly equals: 'reached' | 'exact';
  readonly reverseRule: 'ratio' | 'linear';
  readonly band: Rational;
  readonly scale: number | null;
  readonly engine: Engine;
  readonly units: UnitTable;
  /** What the parser gets: locale, fen and length limit (the year is resolved here, not there). */
  readonly parse: ParseOptions;
  readonly parseWithYear: ParseOptions;
}

export const DEFAULT_SCALE = 2;
/** Scores never need more places than this; it bounds the work a hostile option can ask for. */
const MAX_SCALE = 40;

export function invalid(detail: string, locale: Locale = DEFAULT_LOCALE): never {
  // These details are written in English only; arguments.ts gives both languages.
  throw new IndicatorError('INVALID_ARGUMENT', { offset: 0, length: 0 }, detail, { detailZh: detail, detailEn: detail }, locale);
}

/**
 * A number-like input as an exact Rational, or null when it is not a finite decimal (or
 * has more than a thousand characters, far past any table and within exact precision).
 * JS numbers go through `String(n)` (so `0.1` is 0.1), bigints through their digits, any
 * copy of decimal.js through `toString()`.
 */
export function readDecimal(x: unknown): Rational | null {
  let text: string;
  if (typeof x === 'number') {
    if (!Number.isFinite(x)) return null;
    text = String(x);
  } else if (typeof x === 'bigint') {
    text = x.toString();
    // Beyond this the working precision would round: refuse rather than compare inexactly.
    if (text.length > 1000) return null;
  } else if (typeof x === 'string') {
    text = x.trim();
    if (text.length > 1000 || !/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(text)) return null;
  } else if (isOurDecimal(x) && x.isFinite() && x.precision() <= 560 && Math.abs(exponentOf(x)) <= 400) {
    // Ours, finite, and its text (plain notation, at most 400 zeros and 560 digits) within
    // the limits below: itself, immutable, rather than that text read again (a table passes
    // each row's weight this way).
    return Rational.of(x);
  } else if (isDecimalLike(x)) {
    try {
      text = String((x as { toString(): unknown }).toString());
    } catch {
      return null;
    }
    if (text.length > 1000 || !/^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?$/i.test(text)) return null;
  } else {
    return null;
  }
  // An exponent far outside what a table holds would cost time and memory: refuse it.
  const exp = /e([-+]?\d+)$/i.exec(text);
  if (exp && Math.abs(Number(exp[1])) > 1000) return null;
  const d = new D(text);
  return d.isFinite() ? Rational.of(d) : null;
}

/**
 * The options of one call, checked. Made anew for every call: nothing of one call's options
 * is kept for another.
 */
export function settings(options: EvaluateOptions | undefined | null, engine: Engine = DEFAULT_ENGINE.get()): Settings {
  // No options (undefined or null) are the defaults.
  if (options === undefined || options === null) return settingsOf([], engine);
  if (typeof options !== 'object') invalid('options must be an object');
  return settingsOf(optionValues(options), engine);
}

/** Every option settingsOf() reads, in this order (each read once: a getter runs once per call). */
function optionValues(o: EvaluateOptions): unknown[] {
  return [o.locale, o.year, o.polarity, o.indicator, o.equals, o.reverseRule, o.band, o.scale, o.tolerance, o.fen, o.maxLength];
}

function settingsOf(values: readonly unknown[], engine: Engine): Settings {
  const [locale0, year0, polarity0, indicator0, equals0, reverseRule0, band0, scale0, tolerance0, fen, maxLength] = values as [
    EvaluateOptions['locale'], EvaluateOptions['year'], EvaluateOptions['polarity'], EvaluateOptions['indicator'], EvaluateOptions['equals'],
    EvaluateOptions['reverseRule'], EvaluateOptions['band'], EvaluateOptions['scale'], EvaluateOptions['tolerance'], EvaluateOptions['fen'],
    EvaluateOptions['maxLength'],
  ];
  const locale: Locale = locale0 === undefined ? DEFAULT_LOCALE : locale0;
  if (locale !== 'zh' && locale !== 'en') invalid(`locale must be "zh" or "en", got ${String(locale)}`);
  const year = year0 === undefined || year0 === null ? null : year0;
  if (year !== null && !(Number.isInteger(year) && year >= 1 && year <= 9999)) invalid(`year must be an integer year, got ${String(year)}`, locale);
  const polarity = polarity0 ?? null;
  if (polarity !== null && polarity !== 'positive' && polarity !== 'negative') {
    invalid(`polarity must be "positive" or "negative", got ${String(polarity)}`, locale);
  }
  const indicator = indicator0 ?? null;
  if (indicator !== null && typeof indicator !== 'string') invalid('indicator must be a string', locale);
  const equals = equals0 ?? 'reached';
  if (equals !== 'reached' && equals !== 'exact') invalid(`equals must be "reached" or "exact", got ${String(equals)}`, locale);
  const reverseRule = reverseRule0 ?? 'ratio';
  if (reverseRule !== 'ratio' && reverseRule !== 'linear') invalid(`reverseRule must be "ratio" or "linear", got ${String(reverseRule)}`, locale);
  let band = Rational.ZERO;
  if (band0 !== undefined && band0 !== null) {
    const b = readDecimal(band0);
    if (b === null || b.sign() < 0 || b.cmp(Rational.ONE) > 0) invalid(`band must be a number from 0 to 1, got ${describe(band0)}`, locale);
    band = b;
  }
  let scale: number | null = DEFAULT_SCALE;
  if (scale0 === null) scale = null;
  else if (scale0 !== undefined) {
    if (!Number.isInteger(scale0) || scale0 < 0 || scale0 > MAX_SCALE) invalid(`scale must be an integer from 0 to ${MAX_SCALE} or null, got ${describe(scale0)}`, locale);
    scale = scale0;
  }
  const tolerance = tolerance0 ?? null;
  if (tolerance !== null && typeof tolerance !== 'string' && typeof tolerance !== 'number' && typeof tolerance !== 'bigint'
    && !isDecimalLike(tolerance) && !isQuantity(tolerance)) {
    invalid('tolerance must be a string such as "10%" or "2个百分点", a number, a Decimal or a Quantity', locale);
  }
  const parse = parseOptionsOf(locale, fen, maxLength, null);
  return Object.freeze({
    locale, year, polarity, indicator, tolerance, equals, reverseRule, band, scale, engine,
    units: fen === 'cent' ? engine.centUnits : engine.units,
    parse,
    parseWithYear: year === null ? parse : parseOptionsOf(locale, fen, maxLength, year),
  });
}

/** What the parser is given: only the options it reads, each only when set (a year only where evaluation resolves one). */
function parseOptionsOf(locale: Locale, fen: ParseOptions['fen'], maxLength: ParseOptions['maxLength'], year: number | null): ParseOptions {
  const o: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = { locale };
  if (fen !== undefined) o.fen = fen;
  if (maxLength !== undefined) o.maxLength = maxLength;
  if (year !== null) o.year = year;
  return o;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean') return String(x);
  return typeof x;
}
