/**
 * indicator-expr: read the target cells of Chinese budget performance tables
 * (绩效目标表 / 绩效自评表) into exact, typed targets; normalize units; evaluate and score
 * actual values against them.
 *
 * The pipeline, one folder each: text (clean-up) → parse (tokens, grammar, targets) →
 * model (quantities, units, JSON, format) → evaluate (verdicts, scores).
 */
import {
  invalidArgument, isQuantityShape, isTargetShape, optionalString, parseOptionsOf, requireExtraWords, requireQuantity,
  requireRecord, requireString, requireStringList, requireTarget, requireUnitDefs,
} from './arguments.js';
import { IndicatorError } from './errors.js';
import { DEFAULT_LOCALE, type Locale } from './i18n/messages.js';
import { exactBase, makeQuantity } from './model/quantity.js';
import { format as formatTarget } from './model/format.js';
import { quantityFromJSON, quantityToJSON, targetFromJSON, targetToJSON } from './model/json.js';
import { unitSuggestion } from './model/suggest.js';
import type { JsonValue, Quantity, QuantityJSON, Result, Target, TargetJSON } from './model/types.js';
import { resolveUnit } from './model/units.js';
import { DEFAULT_ENGINE, makeEngine, MAX_INPUT_LENGTH, NO_OPTIONS, parseTargetText, type Engine, type ParseOptions } from './parse/parse.js';
import type { ExtraWords } from './parse/lexer.js';
import { parseQuantityText } from './parse/quantity.js';
import { parseTargetParts, type TargetParts } from './parse/split-columns.js';
import { CLASSIFIERS, UNITS, type UnitDef } from './vocab/units.js';
import { isScore, isVerdict, scoreToJSON as scoreJSON, verdictToJSON as verdictJSON } from './evaluate/index.js';
import type { Actual, DecimalInput, EvaluateOptions, Score, ScoreJSON, Verdict, VerdictJSON } from './evaluate/index.js';
import { evaluateWith } from './evaluate/evaluate.js';
import { scoreWith } from './evaluate/score.js';

export { IndicatorError, isIndicatorError } from './errors.js';
export type { ErrorCode } from './errors.js';
export type { Locale } from './i18n/messages.js';
export type {
  AllTarget, ApproxTarget, CompareTarget, DateParts, DeadlineTarget, Dimension, Direction,
  JsonValue, Op, PeriodTarget, Quantity, QualitativeTarget, RangeTarget, Result, Target, TrendTarget,
  AllTargetJSON, ApproxTargetJSON, CompareTargetJSON, DatePartsJSON, DeadlineTargetJSON, PeriodTargetJSON, QuantityJSON,
  QualitativeTargetJSON, RangeTargetJSON, TargetJSON, TargetJSONBase, TrendTargetJSON,
} from './model/types.js';
export type { ParseOptions } from './parse/parse.js';
export type { TargetParts } from './parse/split-columns.js';
export type { ExtraWords } from './parse/lexer.js';
export type { UnitDef } from './vocab/units.js';
export { MAX_INPUT_LENGTH };
export { evaluate, grade, isScore, isVerdict, score } from './evaluate/index.js';
export { describeVerdict, type VerdictDescription } from './evaluate/describe.js';
export type {
  Actual, ActualDate, ActualPair, ActualRecord, ActualScalar, ActualValue, DecimalInput, EvaluateOptions, Grade, OpSource,
  Polarity, Reason, ReasonCode, Score, ScoreRule, Status, Verdict,
  ActualJSON, NonPassVerdict, PassVerdict, ReasonJSON, ScoreJSON, VerdictBase, VerdictJSON, VerdictJSONBase,
} from './evaluate/index.js';
import { D } from './numbers/decimal.js';
/** The package's own Decimal (a decimal.js clone: the global configuration is never touched). */
export const Decimal = D;
export type Decimal = InstanceType<typeof D>;

/** The split columns as documented: value a string (or a number, read through `String(n)`), op and unit strings or absent. */
function targetPartsOf(input: object, locale: Locale | undefined): TargetParts {
  const what = { zh: '分列指标应为 { op?: 字符串, value: 字符串, unit?: 字符串 }', en: 'split columns must be { op?: string, value: string, unit?: string }' };
  const o = requireRecord(input, what, locale);
  const v = o['value'];
  const value = typeof v === 'number' && Number.isFinite(v) ? String(v) : requireString(v, what, locale);
  return { op: optionalString(o['op'], what, locale), value, unit: optionalString(o['unit'], what, locale) };
}

const A_UNIT = { zh: '单位应为字符串', en: 'the unit must be a string' };
const A_JSON_VALUE = { zh: '应为 Target、Quantity、Verdict 或 Score', en: 'expected a Target, Quantity, Verdict or Score' };

/** What a parser of one's own may add to the shipped registries. */
export interface ParserConfig {
  /** Replace the unit registry (default: the shipped `units`). */
  readonly units?: readonly UnitDef[];
  /** Add units to it (`{ name: '标箱', spellings: ['TEU'], dimension: 'count', base: '标箱', factor: '1' }`). */
  readonly extraUnits?: readonly UnitDef[];
  /** Add classifiers, each a count unit of its own (`['标段', '台班']`). */
  readonly classifiers?: readonly string[];
  /** Add comparator, trend, modifier, intent and completion words. */
  readonly words?: ExtraWords;
  /** 分 as a score (default) or as a cent, for every call that does not say otherwise. */
  readonly fen?: 'score' | 'cent';
}

/** The package's functions bound to one registry of units and words (`createParser`). */
export interface Parser {
  parseTarget(input: string | TargetParts, options?: ParseOptions): Target;
  tryParseTarget(input: string | TargetParts, options?: ParseOptions): Result<Target>;
  parseQuantity(text: string, options?: ParseOptions): Quantity;
  convert(quantity: Quantity, unit: string, options?: ParseOptions): Quantity;
  evaluate(target: Target | string, actual: Actual, options?: EvaluateOptions): Verdict;
  score(target: Target | string, actual: Actual, weight: DecimalInput, options?: EvaluateOptions): Score;
  format(target: Target): string;
}

/**
 * A parser with its own units and words: parsing, conversion, evaluation and scoring all
 * bound to one registry, so a unit added here is known to every one of them (as pint binds
 * everything to one UnitRegistry). It never changes the shared default:
 * `createParser({ classifiers: ['标段'] })` returns functions bound to new registries.
 */
export function createParser(config: ParserConfig = {}): Parser {
  requireRecord(config, { zh: 'createParser 的参数应为对象', en: 'createParser takes an object' });
  requireUnitDefs(config.units, 'units');
  requireUnitDefs(config.extraUnits, 'extraUnits');
  if (config.classifiers !== undefined) requireStringList(config.classifiers, { zh: 'classifiers 应为字符串数组', en: 'classifiers must be an array of strings' });
  requireExtraWords(config.words);
  const classifiers = (config.classifiers ?? []).map((c): UnitDef => ({ name: c, spellings: [], dimension: 'count', base: c, factor: '1' }));
  const engine = makeEngine([...(config.units ?? UNITS), ...(config.extraUnits ?? []), ...classifiers], config.words);
  const fen = config.fen;
  if (fen !== undefined && fen !== 'score' && fen !== 'cent') {
    throw new IndicatorError('INVALID_ARGUMENT', { offset: 0, length: 0 }, String(fen), { detail: `fen must be "score" or "cent", got ${String(fen)}` });
  }
  // The parser's reading of 分 unless a call names its own.
  const own = <O extends { readonly fen?: 'score' | 'cent' }>(options: O | undefined): O | undefined =>
    (fen === undefined || options?.fen !== undefined ? options : { ...options, fen } as O);
  return Object.freeze({
    parseTarget: (input: string | TargetParts, options?: ParseOptions): Target => parseWith(engine, input, own(options)),
    tryParseTarget: (input: string | TargetParts, options?: ParseOptions): Result<Target> => tryWith(engine, input, own(options)),
    parseQuantity: (text: string, options?: ParseOptions): Quantity => parseQuantityText(text, parseOptionsOf(own(options), NO_OPTIONS), engine),
    convert: (q: Quantity, unit: string, options?: ParseOptions): Quantity => convertWith(engine, q, unit, own(options)),
    evaluate: (target: Target | string, actual: Actual, options?: EvaluateOptions): Verdict => evaluateWith(engine, target, actual, own(options)),
    score: (target: Target | string, actual: Actual, weight: DecimalInput, options?: EvaluateOptions): Score => scoreWith(engine, target, actual, weight, own(options)),
    format: (target: Target): string => formatTarget(target),
  });
}

/**
 * What the cache holds for a cell called without options, or undefined. Such a cell is its
 * own key and within the default limit: a table's repeated cells are answered here, after the
 * checks the full path makes; a cell kept as failing comes as its error (an IndicatorError,
 * the only Error the cache gives), as the full path would give it.
 */
function keptFor(engine: Engine, input: string | TargetParts, options0: ParseOptions | undefined): Target | IndicatorError | undefined {
  return options0 === undefined && typeof input === 'string' && input.length <= MAX_INPUT_LENGTH ? engine.cache.recent(input) : undefined;
}

function parseWith(engine: Engine, input: string | TargetParts, options0?: ParseOptions): Target {
  const kept = keptFor(engine, input, options0);
  if (kept !== undefined) {
    if (kept instanceof Error) throw kept;
    return kept;
  }
  const options = parseOptionsOf(options0, NO_OPTIONS);
  if (input !== null && typeof input === 'object') {
    return parseTargetParts(targetPartsOf(input, options.locale), options, engine);
  }
  return parseTargetText(input, options, engine);
}

function tryWith(engine: Engine, input: string | TargetParts, options?: ParseOptions): Result<Target> {
  // A repeated cell's error is given without being thrown: throwing costs more than making it.
  const kept = keptFor(engine, input, options);
  if (kept !== undefined) return kept instanceof Error ? { ok: false, error: kept } : { ok: true, value: kept };
  try {
    return { ok: true, value: parseWith(engine, input, options) };
  } catch (e) {
    if (e instanceof IndicatorError) return { ok: false, error: e };
    throw e;
  }
}

function convertWith(engine: Engine, q: Quantity, unit: string, options0?: ParseOptions): Quantity {
  const options = parseOptionsOf(options0, NO_OPTIONS);
  const locale = options.locale ?? DEFAULT_LOCALE;
  requireQuantity(q, locale);
  requireString(unit, A_UNIT, locale);
  const table = options.fen === 'cent' ? engine.centUnits : engine.units;
  const target = resolveUnit(unit, table);
  if (!target.known) {
    throw new IndicatorError('UNKNOWN_UNIT', { offset: 0, length: unit.length }, unit, unitSuggestion(unit, table), locale);
  }
  const from = resolveUnit(q.unit, table);
  if (from.dimension !== target.dimension || from.base !== target.base || !from.known) {
    throw new IndicatorError('INCOMPATIBLE_UNITS', { offset: 0, length: unit.length }, unit, { from: q.unit, to: unit }, locale);
  }
  return makeQuantity(exactBase(q).div(target.factor), unit, target);
}

/** Parse a target cell (or its split columns). Throws IndicatorError. */
export function parseTarget(input: string | TargetParts, options?: ParseOptions): Target {
  return parseWith(DEFAULT_ENGINE.get(), input, options);
}

/** Like parseTarget, but returns `{ ok, value }` or `{ ok: false, error }` instead of throwing. */
export function tryParseTarget(input: string | TargetParts, options?: ParseOptions): Result<Target> {
  return tryWith(DEFAULT_ENGINE.get(), input, options);
}

/** Parse an actual value: `52.3亿元`, `98%`, `4个工作日`, `95`. Throws IndicatorError. */
export function parseQuantity(text: string, options?: ParseOptions): Quantity {
  return parseQuantityText(text, parseOptionsOf(options, NO_OPTIONS), DEFAULT_ENGINE.get());
}

/** Convert exactly to another unit of the same dimension and base (`亿元` → `万元`). */
export function convert(quantity: Quantity, unit: string, options?: ParseOptions): Quantity {
  return convertWith(DEFAULT_ENGINE.get(), quantity, unit, options);
}

/** Canonical text: `parseTarget(format(t))` gives `t` back, all but `text`. */
export function format(target: Target): string {
  return formatTarget(requireTarget(target));
}

/** Reload what toJSON wrote: a Target (it has `kind`) or a Quantity. */
export function fromJSON(json: TargetJSON): Target;
export function fromJSON(json: QuantityJSON): Quantity;
export function fromJSON(json: JsonValue): Target | Quantity;
export function fromJSON(json: JsonValue): Target | Quantity {
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && 'kind' in json) {
    return targetFromJSON(json, DEFAULT_ENGINE.get().units);
  }
  return quantityFromJSON(json, DEFAULT_ENGINE.get().units);
}

/** The JSON shapes of contract.md, typed by what is given: decimals as plain strings. */
export function toJSON(value: Verdict): VerdictJSON;
export function toJSON(value: Score): ScoreJSON;
export function toJSON(value: Target): TargetJSON;
export function toJSON(value: Quantity): QuantityJSON;
export function toJSON(value: Target | Quantity | Verdict | Score): TargetJSON | QuantityJSON | VerdictJSON | ScoreJSON;
export function toJSON(value: Target | Quantity | Verdict | Score): TargetJSON | QuantityJSON | VerdictJSON | ScoreJSON {
  if (isVerdict(value)) return verdictJSON(value);
  if (isScore(value)) return scoreJSON(value);
  if (isTargetShape(value)) return targetToJSON(value as Target);
  if (isQuantityShape(value)) return quantityToJSON(value as Quantity);
  return invalidArgument(A_JSON_VALUE, value);
}

/** The unit registry as shipped (read-only data), and the classifiers read as counts. */
export const units: readonly UnitDef[] = UNITS;
export const classifiers: readonly string[] = CLASSIFIERS;

/** The JSON shape of a verdict that evaluate returned. */
export function verdictToJSON(verdict: Verdict): VerdictJSON {
  if (!isVerdict(verdict)) invalidArgument({ zh: '应为 evaluate 返回的 Verdict', en: 'expected a Verdict as evaluate returns' }, verdict);
  return verdictJSON(verdict);
}

/** The JSON shape of a score that score() returned. */
export function scoreToJSON(result: Score): ScoreJSON {
  if (!isScore(result)) invalidArgument({ zh: '应为 score 返回的 Score', en: 'expected a Score as score returns' }, result);
  return scoreJSON(result);
}
