import type { Decimal } from '../numbers/decimal.js';
import type { Dimension } from '../vocab/units.js';
import type { Direction, Op } from '../vocab/words.js';

export type { Dimension } from '../vocab/units.js';
export type { Direction, Op } from '../vocab/words.js';
export type { Decimal } from '../numbers/decimal.js';

/** An amount with its unit, exact. Immutable. */
export interface Quantity {
  /**
   * The number as written, magnitude excluded (`50` in `50亿元`). Each read gives a new
   * Decimal (a quantity may be shared by every caller of a repeated cell, and none of them
   * may change what another reads), so `q.value !== q.value`; compare with `.eq()`.
   */
  readonly value: Decimal;
  /** The unit as written after clean-up, magnitude included (`亿元`, `个工作日`, `""`). */
  readonly unit: string;
  readonly dimension: Dimension;
  /** The value in the dimension's base unit (`5000000000` 元); its `value` is a new Decimal at each read, like the quantity's own `value`. */
  readonly base: { readonly value: Decimal; readonly unit: string };
  /** False for a unit the registry does not know (`所学校`). */
  readonly known: boolean;
  /**
   * False when the value or its base has no finite decimal (亩 → 平方米, 三分之二): the
   * decimals shown are rounded to 20 significant digits, comparisons stay exact.
   */
  readonly exact: boolean;
}

/** A calendar date as written: fields the text leaves open are null. */
export interface DateParts {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
}

interface TargetBase {
  /** The input exactly as given (for parts of a cell, their slice of it). */
  readonly text: string;
  /** The indicator name written into the cell (`脱贫人口满意度≥90%`), else null. */
  readonly label: string | null;
  /** A bracketed remark (`历史标准`), else null. */
  readonly note: string | null;
}

export interface CompareTarget extends TargetBase {
  readonly kind: 'compare';
  readonly op: Op;
  /** True when no comparator was written (`3个工作日`): evaluation decides the op. */
  readonly implicit: boolean;
  readonly quantity: Quantity;
  /** Words of intent (`力争`, `确保`); they do not change the op. */
  readonly modifiers: readonly string[];
}

export interface ApproxTarget extends TargetBase {
  readonly kind: 'approx';
  readonly quantity: Quantity;
  readonly modifiers: readonly string[];
}

export interface RangeTarget extends TargetBase {
  readonly kind: 'range';
  readonly min: Quantity;
  readonly max: Quantity;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
  readonly modifiers: readonly string[];
}

export interface AllTarget extends TargetBase {
  readonly kind: 'all';
  readonly targets: readonly Target[];
}

export interface QualitativeTarget extends TargetBase {
  readonly kind: 'qualitative';
  /** The term exactly as cleaned (`健全`, `按时完成`). */
  readonly term: string;
  /** For a grade scale (`优良中低差`), its grades best first; else absent. */
  readonly scale?: readonly string[];
}

export interface TrendTarget extends TargetBase {
  readonly kind: 'trend';
  readonly direction: Direction;
  readonly modifiers: readonly string[];
  readonly amount: Quantity | null;
  readonly amountOp: '>=' | '<=' | null;
}

export interface DeadlineTarget extends TargetBase {
  readonly kind: 'deadline';
  readonly op: '<=';
  readonly date: DateParts;
  readonly modifiers: readonly string[];
}

export interface PeriodTarget extends TargetBase {
  readonly kind: 'period';
  readonly from: DateParts;
  readonly to: DateParts;
  readonly modifiers: readonly string[];
}

export type Target =
  | CompareTarget | ApproxTarget | RangeTarget | AllTarget | QualitativeTarget
  | TrendTarget | DeadlineTarget | PeriodTarget;

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly error?: undefined }
  | { readonly ok: false; readonly error: import('../errors.js').IndicatorError; readonly value?: undefined };

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/*
 * The JSON shapes of contract.md ("JSON shapes"), as toJSON writes them and as the JSON
 * Schema (src/schema.ts, `indicator-expr/schema`) describes them: every decimal a string in
 * plain notation. Type aliases of plain, mutable data (not interfaces, not readonly
 * arrays), so that each is also a JsonValue and goes back into fromJSON as it is.
 */

/** The JSON of a Quantity: `{ value: "50", unit: "亿元", dimension: "currency", base: { value: "5000000000", unit: "元" }, known: true }`. */
export type QuantityJSON = {
  value: string;
  unit: string;
  dimension: Dimension;
  base: { value: string; unit: string };
  known: boolean;
  /** Present (and false) only when the value or its base has no finite decimal: printed rounded to 20 significant digits. */
  exact?: false;
  /**
   * With `exact: false`, the exact value as `p/q` in lowest terms, where fromJSON could not
   * tell it back from the rounded `value` (a denominator too large to be taken for it):
   * `324分之6143.399004` is `"511949917/27000000"`.
   */
  fraction?: string;
};

/** The JSON of DateParts: fields the text leaves open are null. */
export type DatePartsJSON = { year: number | null; month: number | null; day: number | null };

/** What the JSON of every target has: the input as given, the label and the note (null when the cell has none). */
export type TargetJSONBase = { text: string; label: string | null; note: string | null };

export type CompareTargetJSON = TargetJSONBase & {
  kind: 'compare'; op: Op; implicit: boolean; quantity: QuantityJSON;
  /** Only when the cell has words of intent (`力争`). */
  modifiers?: string[];
};
export type ApproxTargetJSON = TargetJSONBase & { kind: 'approx'; quantity: QuantityJSON; modifiers?: string[] };
export type RangeTargetJSON = TargetJSONBase & {
  kind: 'range'; min: QuantityJSON; max: QuantityJSON; minInclusive: boolean; maxInclusive: boolean; modifiers?: string[];
};
export type AllTargetJSON = TargetJSONBase & { kind: 'all'; targets: TargetJSON[] };
export type QualitativeTargetJSON = TargetJSONBase & { kind: 'qualitative'; term: string; scale?: string[] };
export type TrendTargetJSON = TargetJSONBase & {
  kind: 'trend'; direction: Direction; modifiers: string[]; amount: QuantityJSON | null; amountOp: '>=' | '<=' | null;
};
export type DeadlineTargetJSON = TargetJSONBase & { kind: 'deadline'; op: '<='; date: DatePartsJSON; modifiers?: string[] };
export type PeriodTargetJSON = TargetJSONBase & { kind: 'period'; from: DatePartsJSON; to: DatePartsJSON; modifiers?: string[] };

/** The JSON of a Target; narrows on `kind` as the Target does. */
export type TargetJSON =
  | CompareTargetJSON | ApproxTargetJSON | RangeTargetJSON | AllTargetJSON | QualitativeTargetJSON
  | TrendTargetJSON | DeadlineTargetJSON | PeriodTargetJSON;
