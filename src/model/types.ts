import type { Decimal } from '../numbers/decimal.js';
import type { Dimension } from '../vocab/units.js';
import type { Direction, Op } from '../vocab/words.js';

export type { Dimension } from '../vocab/units.js';
export type { Direction, Op } from '../vocab/words.js';
export type { Decimal } from '../numbers/decimal.js';

/** An amount with its unit, exact. Immutable. */
export interface Quantity {
  /** The number as written, magnitude excluded (`50` in `50亿元`). */
  readonly value: Decimal;
  /** The unit as written after clean-up, magnitude included (`亿元`, `个工作日`, `""`). */
  readonly unit: string;
  readonly dimension: Dimension;
  /** The value in the dimension's base unit (`5000000000` 元). */
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
