import { IndicatorError } from './errors.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/messages.js';
import { isDecimalLike } from './numbers/decimal.js';
import { isHeldQuantity } from './model/quantity.js';

/**
 * The one way the public functions check what a caller passes them. A JavaScript caller
 * can pass anything (`null`, a number for a string, an object without a prototype, a
 * hand-built target missing its quantity); each check here either returns the argument as
 * its type or throws IndicatorError INVALID_ARGUMENT naming, in Chinese and English, what
 * was expected and what came. Nothing here converts a caller's value to text (`String(x)`
 * throws on `Object.create(null)` and on symbols), so a check itself never throws anything
 * else.
 */

/** What an argument should have been, in both languages. */
export interface Expected {
  readonly zh: string;
  readonly en: string;
}

/** A short, safe description of any value: its kind, never its own `toString`. */
export function describeValue(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'array';
  if (typeof x === 'object') return Object.getPrototypeOf(x) === null ? 'object without prototype' : 'object';
  if (typeof x === 'string') return x.length > 20 ? `string "${x.slice(0, 19)}…"` : `string "${x}"`;
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint') return `${typeof x} ${String(x)}`;
  return typeof x;
}

/** Throw INVALID_ARGUMENT: `expected` in both languages, and what was found. */
export function invalidArgument(expected: Expected, found: unknown, locale: Locale = DEFAULT_LOCALE): never {
  const got = describeValue(found);
  throw new IndicatorError('INVALID_ARGUMENT', { offset: 0, length: 0 }, got,
    { detailZh: `${expected.zh}，实际为 ${got}`, detailEn: `${expected.en}, got ${got}` }, locale);
}

/** The locale an options object asks for, read without trusting the object. */
export function localeOf(options: unknown): Locale {
  if (options === null || typeof options !== 'object') return DEFAULT_LOCALE;
  const l = (options as { locale?: unknown }).locale;
  return l === 'en' ? 'en' : DEFAULT_LOCALE;
}

export function isPlainRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

export function requireString(x: unknown, what: Expected, locale?: Locale): string {
  if (typeof x !== 'string') invalidArgument(what, x, locale);
  return x;
}

export function requireRecord(x: unknown, what: Expected, locale?: Locale): Record<string, unknown> {
  if (!isPlainRecord(x)) invalidArgument(what, x, locale);
  return x;
}

/** A string, or null/undefined (read as absent). */
export function optionalString(x: unknown, what: Expected, locale?: Locale): string | null {
  if (x === null || x === undefined) return null;
  return requireString(x, what, locale);
}

export function requireStringList(x: unknown, what: Expected, locale?: Locale): readonly string[] {
  if (!Array.isArray(x) || !x.every((s) => typeof s === 'string')) invalidArgument(what, x, locale);
  return x as string[];
}

const LOCALES = new Set(['zh', 'en']);
const FEN = new Set(['score', 'cent']);

/**
 * The options of parseTarget, parseQuantity and convert: undefined, or an object whose
 * fields, when present, have their documented types.
 */
export function parseOptionsOf<T extends object>(options: T | undefined, none: T): T {
  if (options === undefined) return none;
  const o = requireRecord(options, { zh: 'options 应为对象', en: 'options must be an object' });
  const locale = localeOf(o);
  if (o['locale'] !== undefined && !LOCALES.has(o['locale'] as string)) {
    invalidArgument({ zh: 'locale 应为 "zh" 或 "en"', en: 'locale must be "zh" or "en"' }, o['locale'], locale);
  }
  if (o['year'] !== undefined && !(Number.isInteger(o['year']) && (o['year'] as number) >= 1 && (o['year'] as number) <= 9999)) {
    invalidArgument({ zh: 'year 应为整数年份', en: 'year must be an integer year' }, o['year'], locale);
  }
  if (o['fen'] !== undefined && !FEN.has(o['fen'] as string)) {
    invalidArgument({ zh: 'fen 应为 "score" 或 "cent"', en: 'fen must be "score" or "cent"' }, o['fen'], locale);
  }
  if (o['maxLength'] !== undefined && !(Number.isInteger(o['maxLength']) && (o['maxLength'] as number) >= 0)) {
    invalidArgument({ zh: 'maxLength 应为非负整数', en: 'maxLength must be a non-negative integer' }, o['maxLength'], locale);
  }
  return options;
}

// ---- targets and quantities built by hand ---------------------------------------------

const DIMENSIONS = new Set(['currency', 'ratio', 'count', 'duration', 'area', 'length', 'mass', 'volume', 'energy', 'score', 'compound', 'number', 'unknown']);
const OPS = new Set(['=', '>=', '<=', '>', '<', '!=']);
const DIRECTIONS = new Set(['up', 'down', 'steady']);

/** Whether x has every field of a Quantity, with its type (the decimals of any decimal.js copy). */
export function isQuantityShape(x: unknown): boolean {
  if (!isPlainRecord(x)) return false;
  const base = x['base'];
  // A quantity of the package's own holds decimals: reading them to check would copy them.
  const held = isHeldQuantity(x);
  return (held || isDecimalLike(x['value'])) && typeof x['unit'] === 'string' && DIMENSIONS.has(x['dimension'] as string)
    && isPlainRecord(base) && (held || isDecimalLike(base['value'])) && typeof base['unit'] === 'string'
    && typeof x['known'] === 'boolean' && (x['exact'] === undefined || typeof x['exact'] === 'boolean');
}

function isDateShape(x: unknown): boolean {
  if (!isPlainRecord(x)) return false;
  const part = (v: unknown): boolean => v === null || Number.isInteger(v);
  return part(x['year']) && part(x['month']) && part(x['day']);
}

const isNullableString = (v: unknown): boolean => v === null || v === undefined || typeof v === 'string';
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isOptionalStrings = (v: unknown): boolean => v === undefined || isStrings(v);

/** Whether x has every field its kind of Target needs (parts of `all` included). */
export function isTargetShape(x: unknown, depth = 0): boolean {
  if (!isPlainRecord(x) || typeof x['text'] !== 'string' || !isNullableString(x['label']) || !isNullableString(x['note'])) return false;
  switch (x['kind']) {
    case 'compare':
      return OPS.has(x['op'] as string) && typeof x['implicit'] === 'boolean' && isQuantityShape(x['quantity']) && isOptionalStrings(x['modifiers']);
    case 'approx':
      return isQuantityShape(x['quantity']) && isOptionalStrings(x['modifiers']);
    case 'range':
      return isQuantityShape(x['min']) && isQuantityShape(x['max']) && typeof x['minInclusive'] === 'boolean'
        && typeof x['maxInclusive'] === 'boolean' && isOptionalStrings(x['modifiers']);
    case 'all': {
      const ts = x['targets'];
      // Conjunctions hold plain targets: the depth bounds a cyclic one.
      return depth < 16 && Array.isArray(ts) && ts.length > 0 && ts.every((t) => isTargetShape(t, depth + 1));
    }
    case 'qualitative':
      return typeof x['term'] === 'string' && isOptionalStrings(x['scale']);
    case 'trend':
      return DIRECTIONS.has(x['direction'] as string) && isStrings(x['modifiers'])
        && (x['amount'] === null || isQuantityShape(x['amount']))
        && (x['amountOp'] === null || x['amountOp'] === '>=' || x['amountOp'] === '<=');
    case 'deadline':
      return isDateShape(x['date']) && isOptionalStrings(x['modifiers']);
    case 'period':
      return isDateShape(x['from']) && isDateShape(x['to']) && isOptionalStrings(x['modifiers']);
    default:
      return false;
  }
}

export const A_TEXT: Expected = { zh: '应为字符串', en: 'expected a string' };
export const A_TARGET: Expected = { zh: '应为 Target（parseTarget 的结果）', en: 'expected a Target (as parseTarget returns)' };
export const A_QUANTITY: Expected = { zh: '应为 Quantity（parseQuantity 的结果）', en: 'expected a Quantity (as parseQuantity returns)' };

export function requireTarget<T>(x: T, locale?: Locale): T {
  if (!isTargetShape(x)) invalidArgument(A_TARGET, x, locale);
  return x;
}

export function requireQuantity<T>(x: T, locale?: Locale): T {
  if (!isQuantityShape(x)) invalidArgument(A_QUANTITY, x, locale);
  return x;
}

// ---- createParser ---------------------------------------------------------------------

/** A factor as the registry writes it: a positive plain decimal, or [numerator, denominator]. */
const FACTOR = /^(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d{1,3})?$/i;
const isFactorText = (f: unknown): boolean => typeof f === 'string' && f.length <= 100 && FACTOR.test(f) && /[1-9]/.test(f);

export function requireUnitDefs(x: unknown, field: string): void {
  if (x === undefined) return;
  if (!Array.isArray(x)) invalidArgument({ zh: `${field} 应为单位定义数组`, en: `${field} must be an array of unit definitions` }, x);
  for (const d of x) {
    const ok = isPlainRecord(d) && typeof d['name'] === 'string' && d['name'] !== '' && isStrings(d['spellings'])
      && DIMENSIONS.has(d['dimension'] as string) && typeof d['base'] === 'string'
      && (isFactorText(d['factor']) || (Array.isArray(d['factor']) && d['factor'].length === 2 && d['factor'].every(isFactorText)));
    if (!ok) {
      invalidArgument({
        zh: `${field} 的每项应为 { name, spellings, dimension, base, factor }（factor 为正数文本）`,
        en: `each of ${field} must be { name, spellings, dimension, base, factor } (factor a positive number as text)`,
      }, d);
    }
  }
}

/** The extra words of createParser: records of words to ops or directions, and lists of words. */
export function requireExtraWords(x: unknown): void {
  if (x === undefined) return;
  const what = { zh: 'words 应为 ExtraWords 对象', en: 'words must be an ExtraWords object' };
  const w = requireRecord(x, what);
  const record = (k: string, values: ReadonlySet<string>): void => {
    const r = w[k];
    if (r === undefined) return;
    if (!isPlainRecord(r) || !Object.keys(r).every((s) => s !== '' && values.has(r[s] as string))) {
      invalidArgument({ zh: `words.${k} 应把词映射到 ${[...values].join(' ')}`, en: `words.${k} must map words to one of ${[...values].join(' ')}` }, r);
    }
  };
  record('prefixOps', OPS);
  record('postfixOps', new Set(['>=', '<=']));
  record('trends', DIRECTIONS);
  for (const k of ['approxBefore', 'approxAfter', 'modifiers', 'intents', 'completions']) {
    const l = w[k];
    if (l !== undefined && !(isStrings(l) && (l as string[]).every((s) => s !== ''))) {
      invalidArgument({ zh: `words.${k} 应为非空字符串数组`, en: `words.${k} must be an array of non-empty strings` }, l);
    }
  }
}
