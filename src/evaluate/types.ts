import type { Locale } from '../i18n/messages.js';
import type { ReasonCode } from '../i18n/reasons.js';
import type { Decimal } from '../numbers/decimal.js';
import type { DateParts, Op, Quantity, QuantityJSON, Target, TargetJSON } from '../model/types.js';
import type { ParseOptions } from '../parse/parse.js';
import type { Polarity } from '../vocab/polarity.js';

export type { Polarity } from '../vocab/polarity.js';
export type { ReasonCode } from '../i18n/reasons.js';

/** `partial` comes only from words (`基本达到`) and middle grades; numbers pass or fail. */
export type Status = 'pass' | 'partial' | 'fail' | 'unknown';

/**
 * Who decided the effective op: the cell (`written`), `options.polarity` (`option`), the
 * indicator name (`indicator`), the contract's default (`default`: durations ≤, the rest
 * ≥), or the reading of a written `=` as "reached" (`equals-reached`).
 */
export type OpSource = 'written' | 'option' | 'indicator' | 'default' | 'equals-reached';

/** Anything the number-like options and weights accept: read through `String(n)` or `toString()`. */
export type DecimalInput = string | number | bigint | { toString(): string };

/** One scalar actual value as self-evaluation tables give it. */
export type ActualScalar = string | number | bigint | boolean | Date | Quantity | { toString(): string } | null | undefined;

/** A value and its baseline, for targets of change (`较上年提高`). */
export interface ActualPair {
  readonly value: ActualScalar;
  readonly baseline: ActualScalar;
}

/** Actuals for the labelled parts of a cell, by label. */
export interface ActualRecord {
  readonly [label: string]: Actual;
}

/**
 * An actual value: a string (`"52.3亿元"`, `"已完成"`, `"2022-11-30"`), a number or Decimal
 * (read in the target's own unit), a Quantity, a boolean, a Date, `{ value, baseline }`,
 * or for cells with several targets an array (by position) or a record (by label).
 */
export type Actual = ActualScalar | ActualPair | readonly Actual[] | ActualRecord;

/** A date as read from an actual value; `from` is null for "on or before" (`11月30日前`). */
export interface ActualDate {
  /** ISO-like text: `2022-11-30`, `2022-11`, `--07` (no year), `2022-01/2022-11`, `../2022-11-30`. */
  readonly date: string;
  readonly from: DateParts | null;
  readonly to: DateParts;
}

/** The actual value as the verdict read it. */
export type ActualValue =
  | Quantity
  | { readonly term: string }
  | { readonly boolean: boolean }
  | ActualDate
  | { readonly value: Quantity; readonly baseline: Quantity };

export interface Reason {
  readonly code: ReasonCode;
  readonly messages: { readonly zh: string; readonly en: string };
  /** The message in the locale of the call (default Chinese). */
  readonly message: string;
}

/** What every verdict has, whatever its status. */
export interface VerdictBase {
  readonly status: Status;
  /** The op used (`>=` for a written `=` read as reached); null for ≈, ranges, conjunctions, terms, trends, periods. */
  readonly op: Op | null;
  readonly opSource: OpSource | null;
  /** Whether a larger actual was better for this verdict (from the effective op); null when no op applies. */
  readonly polarity: Polarity | null;
  /** Null on pass; else why. */
  readonly reason: Reason | null;
  /** The unit read onto a side written without one (`95` against `≥95%` → `%`). */
  readonly assumedUnit: string | null;
  readonly target: Target;
  readonly actual: ActualValue | null;
  /** Actual − bound in base units, exact; 0 inside a range or ≈ band; null unless both are quantities. */
  readonly margin: Decimal | null;
  /** Actual / target (target / actual when lower is better), rounded half up to 4 places; null on division by 0. */
  readonly completion: Decimal | null;
  /** For a cell of several targets, one verdict per part; else null. */
  readonly parts: readonly Verdict[] | null;
}

/** A target met: no reason. */
export interface PassVerdict extends VerdictBase {
  readonly status: 'pass';
  readonly reason: null;
}

/** A target partly met, missed, or not decidable: always with the reason why. */
export interface NonPassVerdict extends VerdictBase {
  readonly status: 'partial' | 'fail' | 'unknown';
  readonly reason: Reason;
}

/**
 * The judgement of one actual value against one target. It narrows on `status`: after
 * `v.status === 'fail'` (or `!== 'pass'`) `v.reason` is a Reason, after `=== 'pass'` null.
 */
export type Verdict = PassVerdict | NonPassVerdict;

/** Which scoring rule gave the points (contract.md, "Scoring"). */
export type ScoreRule =
  | 'higher-better-ratio'
  | 'higher-better-all-or-nothing'
  | 'lower-better-ratio'
  | 'lower-better-linear'
  | 'lower-better-all-or-nothing'
  | 'equals-zero'
  | 'equals-exact'
  | 'not-equal'
  | 'range'
  | 'approx'
  | 'qualitative-band'
  | 'all-lowest';

export interface Score {
  /** Points earned out of `weight`; null when the verdict is unknown (or a part of a cell is). */
  readonly score: Decimal | null;
  readonly weight: Decimal;
  /** The fraction of the weight the rule gave, before rounding; null with the score. */
  readonly ratio: Decimal | null;
  readonly rule: ScoreRule | null;
  readonly status: Status;
  /** True when over-achievement of 30 % or more needs a 偏差说明. */
  readonly deviation: boolean;
  readonly verdict: Verdict;
}

/** The JSON of a verdict's reason: `{ code: "UNIT_MISMATCH", message: "…" }`, the message in the call's locale. */
export type ReasonJSON = { code: ReasonCode; message: string };

/** The JSON of the actual value as a verdict read it. */
export type ActualJSON =
  | QuantityJSON
  | { term: string }
  | { boolean: boolean }
  | { date: string }
  | { value: QuantityJSON; baseline: QuantityJSON };

/** What the JSON of every verdict has (contract.md, "Verdict JSON"). */
export type VerdictJSONBase = {
  op: Op | null;
  opSource: OpSource | null;
  assumedUnit: string | null;
  target: TargetJSON;
  actual: ActualJSON | null;
  /** Actual − bound in base units, a plain decimal string; null unless both sides are quantities. */
  margin: string | null;
  completion: string | null;
  /** Only for a cell of several targets: one verdict per part. */
  parts?: VerdictJSON[];
};

/** The JSON of a Verdict; narrows on `status` as the Verdict does (a non-pass has a reason). */
export type VerdictJSON =
  | (VerdictJSONBase & { status: 'pass'; reason: null })
  | (VerdictJSONBase & { status: 'partial' | 'fail' | 'unknown'; reason: ReasonJSON });

/** The JSON of a Score (contract.md, "Score JSON"): decimals as plain strings. */
export type ScoreJSON = {
  score: string | null;
  weight: string;
  ratio: string | null;
  rule: ScoreRule | null;
  status: Status;
  deviation: boolean;
};

export interface EvaluateOptions extends ParseOptions {
  /** `positive`: higher is better; `negative`: lower is better. Fills an implicit op only. */
  readonly polarity?: Polarity;
  /** The indicator's name (三级指标); polarity is inferred from it when not given. */
  readonly indicator?: string;
  /** For ≈ targets: relative (`"10%"`) or absolute (`"2个百分点"`, `"1万元"`); default 5 % of the target. */
  readonly tolerance?: DecimalInput | Quantity;
  /** `reached` (default): a written `=` means reached; `exact`: strictly equal. */
  readonly equals?: 'reached' | 'exact';
  /** Scoring of lower-is-better misses: `ratio` (A/B × W, default) or `linear` ((1 − (B − A)/A) × W). */
  readonly reverseRule?: 'ratio' | 'linear';
  /** Where inside the qualitative bands a partial or failed verdict scores: 0 (default, lower end) … 1. */
  readonly band?: DecimalInput;
  /** Decimal places of scores (default 2, half up); null keeps them exact. */
  readonly scale?: number | null;
}

export type { Locale };
