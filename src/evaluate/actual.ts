import { IndicatorError } from '../errors.js';
import { exactBase, exactValue, isQuantity, makeQuantity } from '../model/quantity.js';
import type { AllTarget, ApproxTarget, CompareTarget, Quantity, RangeTarget, Target } from '../model/types.js';
import { resolveUnit } from '../model/units.js';
import { isDecimalLike } from '../numbers/decimal.js';
import type { Rational } from '../numbers/rational.js';
import { MAX_INPUT_LENGTH, parseTargetValue } from '../parse/parse.js';
import { parseQuantityValue } from '../parse/quantity.js';
import { clean, isClean } from '../text/clean.js';
import { PLACEHOLDERS } from '../vocab/words.js';
import { fromJsDate, readDate } from './dates.js';
import { readDecimal, type Settings } from './options.js';
import type { QuantityReading } from './memo.js';
import { detail, type Detail } from './reason.js';
import type { ActualDate } from './types.js';
import { compact } from './words.js';

/**
 * The first reading of an actual value, before the target says what it should be: strings
 * stay text here because `7月` is a month against a deadline and a duration against
 * `≥6个月`; everything else is classified once.
 */
export type Read =
  | { readonly kind: 'missing' }
  | { readonly kind: 'placeholder'; readonly text: string }
  | { readonly kind: 'invalid'; readonly text: string | null; readonly detail: Detail | null }
  | { readonly kind: 'quantity'; readonly q: Quantity }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | TextRead
  | { readonly kind: 'date'; readonly date: ActualDate }
  | { readonly kind: 'pair'; readonly value: unknown; readonly baseline: unknown }
  | { readonly kind: 'list'; readonly items: readonly unknown[] }
  | { readonly kind: 'record'; readonly entries: ReadonlyMap<string, unknown> };

/**
 * An actual given as text. `parsed` keeps its reading as a quantity once made: the parts of
 * a cell with several targets share one actual (`≥85%且≤90%`), and reading its text again
 * for each part made 250 parts against 250 numbers quadratic. It lives on this object, made
 * for one evaluation, never beyond it.
 */
export interface TextRead {
  readonly kind: 'text';
  readonly raw: string;
  readonly shown: string;
  readonly text: string;
  parsed?: { readonly s: Settings; readonly result: QuantityReading };
  /** Its reading as a target (what its labelled values and its bound are read from), kept the same way. */
  target?: { readonly s: Settings; readonly result: Target | IndicatorError };
  /** Its reading as a date, kept the same way. */
  date?: { readonly s: Settings; readonly result: ActualDate | null };
  /** Its reading as a bound (`≥95%`), kept the same way. */
  bound?: { readonly s: Settings; readonly result: BoundTarget | null };
}

/** An actual written with a comparator, `≈`, as a range, or as several of these joined. */
export type BoundTarget = CompareTarget | ApproxTarget | RangeTarget | AllTarget;

/**
 * The actual as a bound (contract.md, "Actuals written with a comparator"): self-evaluation
 * tables write `≥95%`, `≤2天`, `95%左右` or `90%-95%` in the actual column when the exact
 * figure is not known. Only a written comparator, `≈` or a range makes a bound, and only
 * where the text is not a plain quantity (read before this); parts of a joined bound
 * (`≥85%且≤90%`) are bounds too.
 */
export function textReadBound(read: TextRead, s: Settings): BoundTarget | null {
  if (read.bound !== undefined && read.bound.s === s) return read.bound.result;
  const result = boundOf(textReadTarget(read, s));
  read.bound = { s, result };
  return result;
}

/** The text of a text read read as a target, once per read and settings (see TextRead). */
function textReadTarget(read: TextRead, s: Settings): Target | IndicatorError {
  if (read.target !== undefined && read.target.s === s) return read.target.result;
  const result = parseTargetValue(read.raw, s.parse, s.engine);
  read.target = { s, result };
  return result;
}

function isBoundPart(t: Target): boolean {
  return ((t.kind === 'compare' && !t.implicit && t.op !== '!=') || t.kind === 'approx' || t.kind === 'range') && !wordsAround(t);
}

/**
 * Whether a target's note holds words written around its quantity rather than in brackets
 * (`95%以上吧`): a target may carry them (forms.md §4), an actual is a figure, and words
 * beside it leave it unread rather than guessed.
 */
function wordsAround(t: Target): boolean {
  if (t.note === null) return false;
  const text = t.text.replace(/（/g, '(');
  return !t.note.split('；').every((n) => text.includes(`(${n}`));
}

function boundOf(t: Target | IndicatorError): BoundTarget | null {
  if (t instanceof IndicatorError) return null;
  if (t.kind === 'all') return t.targets.every(isBoundPart) ? t : null;
  return isBoundPart(t) ? t as BoundTarget : null;
}

/** readDate of a text read, read once per read and settings (see TextRead). */
export function textReadDate(read: TextRead, s: Settings): ActualDate | null {
  if (read.date !== undefined && read.date.s === s) return read.date.result;
  const result = readDate(read.text, s);
  read.date = { s, result };
  return result;
}

/** textQuantity of a text read, read once per read and settings. */
export function textReadQuantity(read: TextRead, s: Settings): QuantityReading {
  if (read.parsed !== undefined && read.parsed.s === s) return read.parsed.result;
  const result = textQuantity(read.raw, s);
  read.parsed = { s, result };
  return result;
}

const PLACEHOLDER_SET = new Set(PLACEHOLDERS);
/** First char codes of the placeholders: a text beginning with none skips the lookup. */
const PLACEHOLDER_FIRST = new Set(PLACEHOLDERS.map((p) => p.charCodeAt(0)));

export function unitless(value: Rational, s: Settings): Quantity {
  return makeQuantity(value, '', resolveUnit('', s.units));
}

/** A Quantity handed in by the caller, checked: a look-alike object must not crash the evaluation. */
function checkedQuantity(x: Quantity): Quantity | null {
  try {
    if (typeof x.base.unit !== 'string') return null;
    const b = exactBase(x);
    const v = exactValue(x);
    if (!b.n.isFinite() || !v.n.isFinite()) return null;
    return x;
  } catch {
    return null;
  }
}

function isPlainRecord(x: object): boolean {
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

export function readActual(raw: unknown, s: Settings): Read {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  switch (typeof raw) {
    case 'string': {
      const limit = s.parse.maxLength ?? MAX_INPUT_LENGTH;
      if (raw.length > limit) {
        return { kind: 'invalid', text: `${raw.slice(0, 32)}…`, detail: detail('tooLong', { length: raw.length, limit }) };
      }
      // Text that clean-up leaves as it is has no white space either: it is its own compact form.
      const plainText = isClean(raw);
      const shown = plainText ? raw : clean(raw).text;
      const text = plainText ? raw : compact(raw);
      if (text === '') return { kind: 'missing' };
      if (PLACEHOLDER_FIRST.has(text.charCodeAt(0)) && PLACEHOLDER_SET.has(text)) return { kind: 'placeholder', text };
      return { kind: 'text', raw, shown, text };
    }
    case 'number':
    case 'bigint': {
      const r = readDecimal(raw);
      return r ? { kind: 'quantity', q: unitless(r, s) } : { kind: 'invalid', text: String(raw), detail: null };
    }
    case 'boolean':
      return { kind: 'boolean', value: raw };
    case 'object':
      break;
    default:
      return { kind: 'invalid', text: `<${typeof raw}>`, detail: detail('unsupportedType', { type: typeof raw }) };
  }
  const o = raw as object;
  if (o instanceof Date) {
    const d = fromJsDate(o);
    return d ? { kind: 'date', date: d } : { kind: 'invalid', text: 'Invalid Date', detail: null };
  }
  if (Array.isArray(o)) return { kind: 'list', items: o };
  if (isDecimalLike(o)) {
    const r = readDecimal(o);
    return r ? { kind: 'quantity', q: unitless(r, s) } : { kind: 'invalid', text: safeText(o) ?? '<Decimal>', detail: detail('notFinite') };
  }
  if (isQuantity(o)) {
    const q = checkedQuantity(o);
    return q ? { kind: 'quantity', q } : { kind: 'invalid', text: '<Quantity>', detail: detail('badQuantity') };
  }
  if (!isPlainRecord(o)) return { kind: 'invalid', text: '<object>', detail: detail('unsupportedObject') };
  const keys = Object.keys(o);
  // `{ value }` without a baseline is still a pair: a trend then says the baseline is missing.
  if (Object.hasOwn(o, 'value') || Object.hasOwn(o, 'baseline')) {
    const r = o as { value: unknown; baseline: unknown };
    return { kind: 'pair', value: r.value, baseline: r.baseline };
  }
  const entries = new Map<string, unknown>();
  for (const k of keys) entries.set(k, (o as Record<string, unknown>)[k]);
  return { kind: 'record', entries };
}

/** The text of a decimal look-alike, without trusting its toString to behave. */
function safeText(o: object): string | null {
  try {
    const t = (o as { toString(): unknown }).toString();
    return typeof t === 'string' ? t.slice(0, 64) : null;
  } catch {
    return null;
  }
}

/**
 * A quantity written in the text (`52.3亿元`, `98%`, `三分之二`), or the parser's reason why
 * not; kept by the parser of the evaluation (memo.ts), since tables repeat their actual values.
 * A reading with 分 as a cent is not kept (the memo's readings are with 分 as a score); the
 * locale only picks `message`, and the reason keeps both languages.
 */
export function textQuantity(raw: string, s: Settings): QuantityReading {
  if (s.parse.fen === 'cent') return quantityReading(raw, s);
  return s.engine.memo.quantities.get(raw, (text) => quantityReading(text, s));
}

function quantityReading(raw: string, s: Settings): QuantityReading {
  const q = parseQuantityValue(raw, s.parse, s.engine);
  return Object.freeze(q instanceof IndicatorError ? { error: errorDetail(q) } : { q });
}

/**
 * Labelled values in one string, as cells with several targets are answered:
 * `受益户数210户，受益脱贫户数16户` or `满意度：95%`. Only `=` (written or implicit) is a
 * value; anything else is not an actual.
 */
export function labelledQuantities(read: TextRead, s: Settings): ReadonlyMap<string, Quantity> | null {
  const t = textReadTarget(read, s);
  if (t instanceof IndicatorError) return null;
  const parts = t.kind === 'all' ? t.targets : [t];
  const out = new Map<string, Quantity>();
  for (const p of parts) {
    if (p.kind !== 'compare' || p.op !== '=' || p.label === null || out.has(p.label)) return null;
    out.set(p.label, p.quantity);
  }
  return out;
}

/** The text of a read value for messages. */
export function shownText(read: Read): string {
  switch (read.kind) {
    case 'text': return read.shown;
    case 'placeholder': return read.text;
    case 'invalid': return read.text ?? '';
    case 'boolean': return String(read.value);
    case 'date': return read.date.date;
    case 'list': return '[…]';
    case 'record': return '{…}';
    case 'pair': return '{ value, baseline }';
    default: return '';
  }
}

/** A parse error as a detail of UNPARSEABLE_ACTUAL: `：此处不应出现“达”`. */
export function errorDetail(e: IndicatorError): Detail {
  const zh = detail('parseError', { message: e.messages.zh }).zh;
  return Object.freeze({ zh, en: detail('parseError', { message: e.messages.en }).en });
}
