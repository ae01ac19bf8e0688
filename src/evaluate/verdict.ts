import { MARK, type Marked } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { baseDecimal, exactBase } from '../model/quantity.js';
import type { CompareTarget, Op, Quantity, Target } from '../model/types.js';
import type { Decimal } from '../numbers/decimal.js';
import type { Rational } from '../numbers/rational.js';
import type { Polarity } from '../vocab/polarity.js';
import { roundHalfUp, roundQuotientOf } from './exact.js';
import { compareReason, makeReason, show, type ReasonSpec } from './reason.js';
import type { ActualValue, OpSource, Reason, Status, VerdictBase, Verdict as VerdictFields } from './types.js';

/**
 * What scoring needs from a verdict, kept exact and out of sight (a verdict prints only
 * its public fields). A = target value, B = actual value, both in base units.
 */
export type Scoring =
  | { readonly kind: 'higher'; readonly a: Rational; readonly b: Rational }
  | { readonly kind: 'lower'; readonly a: Rational; readonly b: Rational }
  | { readonly kind: 'equals-zero'; readonly b: Rational }
  | {
    readonly kind: 'window'; readonly rule: 'range' | 'approx' | 'equals-exact';
    readonly lo: Rational; readonly hi: Rational; readonly loInclusive: boolean; readonly hiInclusive: boolean; readonly b: Rational;
  }
  | { readonly kind: 'not-equal' }
  | { readonly kind: 'band' }
  | { readonly kind: 'all'; readonly parts: readonly VerdictFields[] };

/** What an evaluator decides; `finish` turns it into a Verdict. */
export interface Outcome {
  readonly status: Status;
  readonly reason: ReasonSpec | Reason | null;
  readonly op?: Op | null;
  readonly opSource?: OpSource | null;
  readonly polarity?: Polarity | null;
  readonly assumedUnit?: string | null;
  readonly actual: ActualValue | null;
  readonly margin?: Rational | null;
  readonly completion?: Rational | null;
  readonly scoring: Scoring | null;
  readonly parts?: readonly VerdictFields[] | null;
}

export const COMPLETION_PLACES = 4;

function isReason(r: ReasonSpec | Reason): r is Reason {
  return 'messages' in r;
}

/**
 * What a compare verdict's op makes of B against A (compare.ts picks one of a fixed set per
 * op and source): enough to write its completion and its reason once they are read.
 */
export interface ComparedBy {
  /** Lower is better: the completion is A / B. */
  readonly polarity: Polarity | null;
  readonly op: Op;
  readonly failCode: 'BELOW_TARGET' | 'ABOVE_TARGET' | 'NOT_EQUAL' | 'EQUALS_EXCLUDED';
  readonly symbol: string;
}

/**
 * What a verdict's reason, margin and completion are made from when first read: the Outcome
 * an evaluator decided (a reason still to be written, exact Rationals still to be rounded),
 * or, for a compare target against a quantity (most verdicts), the op that judged it, the
 * quantities themselves being the verdict's own `target` and `actual`.
 */
type MadeFrom = Outcome | ComparedBy;

/** A field not made yet (no field is ever undefined once made). */
const LATER = undefined;

/**
 * A verdict: its public fields as own, enumerable properties in the order of its JSON, the
 * object frozen, and what scoring needs in a private field, out of sight of JSON, spreads and
 * equality (a private field costs nothing to set and test, where a WeakMap beside every
 * verdict costs more than the rest of a short evaluation). A verdict is told by the mark on
 * its prototype, in either build: a spread copy or a look-alike object has none (`isVerdict`).
 *
 * `reason`, `margin` and `completion` are made when first read, as a quantity makes its
 * decimals (model/quantity.ts): most verdicts are asked only for their status (a table's
 * tally, a score, a filter on failures), while writing the two messages, subtracting and
 * dividing cost more than judging. Each is made once, from what the verdict was made from
 * (immutable: the package's own quantities, the evaluator's exact values and words), kept in
 * a private field, and handed out as the same object on every read, as a data property would:
 * no reader can tell when it was made. finish() makes a verdict from an Outcome; the most
 * common verdict by far, a compare target against one of the package's quantities, is made
 * directly (compareQuantity) from its op.
 */
export class Verdict implements VerdictBase {
  declare readonly status: Status;
  declare readonly op: Op | null;
  declare readonly opSource: OpSource | null;
  declare readonly polarity: Polarity | null;
  declare readonly reason: Reason | null;
  declare readonly assumedUnit: string | null;
  declare readonly target: Target;
  declare readonly actual: ActualValue | null;
  declare readonly margin: Decimal | null;
  declare readonly completion: Decimal | null;
  declare readonly parts: readonly VerdictFields[] | null;
  readonly #scoring: Kept | null;
  readonly #from: MadeFrom;
  readonly #locale: Locale;
  #reason: Reason | null | undefined = LATER;
  #margin: Decimal | null | undefined = LATER;
  #completion: Decimal | null | undefined = LATER;

  constructor(
    status: Status, op: Op | null, opSource: OpSource | null, polarity: Polarity | null, assumedUnit: string | null,
    target: Target, actual: ActualValue | null, parts: readonly VerdictFields[] | null, scoring: Kept | null,
    from: MadeFrom, locale: Locale,
  ) {
    this.#from = from;
    this.#locale = locale;
    this.#scoring = status === 'unknown' ? null : scoring;
    const self = this as { -readonly [K in keyof Verdict]: Verdict[K] };
    self.status = status;
    self.op = op;
    self.opSource = opSource;
    self.polarity = polarity;
    Object.defineProperty(this, 'reason', REASON_READ);
    self.assumedUnit = assumedUnit;
    self.target = target;
    self.actual = actual;
    Object.defineProperty(this, 'margin', MARGIN_READ);
    Object.defineProperty(this, 'completion', COMPLETION_READ);
    self.parts = parts;
    Object.freeze(this);
  }

  /** A verdict of this build or of the other (src/errors.ts, "One identity across builds"); a spread copy has no mark. */
  static is(x: unknown): x is Verdict {
    return (x as Marked | null)?.[MARK] === 'Verdict';
  }

  static {
    (this.prototype as Marked)[MARK] = 'Verdict';
  }

  static scoringOf(v: VerdictFields): Kept | null {
    return #scoring in v ? (v as Verdict).#scoring : null;
  }

  static reasonOf(v: Verdict): Reason | null {
    if (v.#reason !== LATER) return v.#reason;
    const from = v.#from;
    let r: Reason | null;
    if (isOutcome(from)) {
      r = from.reason === null ? null : isReason(from.reason) ? from.reason : makeReason(from.reason, v.#locale);
    } else {
      // A compare verdict has a reason exactly when it fails.
      r = v.status === 'pass' ? null : compareReason(from.failCode, show(v.actual as Quantity), (v.target as CompareTarget).quantity, from.symbol, v.#locale);
    }
    return v.#reason = r;
  }

  static marginOf(v: Verdict): Decimal | null {
    if (v.#margin !== LATER) return v.#margin;
    const from = v.#from;
    return v.#margin = isOutcome(from) ? (from.margin ? from.margin.toDecimal() : null)
      : baseDecimal(v.actual as Quantity)!.minus(baseDecimal((v.target as CompareTarget).quantity)!);
  }

  static completionOf(v: Verdict): Decimal | null {
    if (v.#completion !== LATER) return v.#completion;
    const from = v.#from;
    if (isOutcome(from)) return v.#completion = from.completion ? roundHalfUp(from.completion, COMPLETION_PLACES) : null;
    if (from.op === '!=') return v.#completion = null;
    const a = baseDecimal((v.target as CompareTarget).quantity)!;
    const b = baseDecimal(v.actual as Quantity)!;
    return v.#completion = from.polarity === 'negative' ? roundedQuotient(a, b) : roundedQuotient(b, a);
  }
}

function isOutcome(from: MadeFrom): from is Outcome {
  return 'status' in from;
}

/** x / y rounded as a verdict's completion; null on division by 0. */
function roundedQuotient(x: Decimal, y: Decimal): Decimal | null {
  return y.isZero() ? null : roundQuotientOf(x, y, COMPLETION_PLACES);
}

function readReason(this: Verdict): Reason | null {
  return Verdict.reasonOf(this);
}
function readMargin(this: Verdict): Decimal | null {
  return Verdict.marginOf(this);
}
function readCompletion(this: Verdict): Decimal | null {
  return Verdict.completionOf(this);
}

/** The `reason`, `margin` and `completion` properties of every verdict: read through the functions above. */
const REASON_READ: PropertyDescriptor = Object.freeze({ get: readReason, enumerable: true });
const MARGIN_READ: PropertyDescriptor = Object.freeze({ get: readMargin, enumerable: true });
const COMPLETION_READ: PropertyDescriptor = Object.freeze({ get: readCompletion, enumerable: true });

export function finish(target: Target, o: Outcome, locale: Locale): VerdictFields {
  // Every evaluator gives a reason exactly when the status is not pass, which is what makes
  // the public Verdict a union on `status` (test/fuzz/evaluate-fuzz.test.ts holds it).
  return new Verdict(
    o.status, o.op ?? null, o.opSource ?? null, o.polarity ?? null, o.assumedUnit ?? null, target, o.actual,
    o.parts ? Object.freeze([...o.parts]) : null, o.scoring, o, locale,
  ) as VerdictFields;
}

/**
 * A compare verdict of a target quantity and an actual that are both the package's own
 * quantities with exact decimal base values, judged `status` by `by`: its reason, margin
 * and completion are made from the two quantities when read (Verdict), and what scoring
 * reads from them when a score is asked for (scoringOf).
 */
export function comparedVerdict(status: 'pass' | 'fail', by: ComparedBy, opSource: OpSource, target: CompareTarget, actual: Quantity, locale: Locale): VerdictFields {
  return new Verdict(status, by.op, opSource, by.polarity, null, target, actual, null, COMPARE_SCORING, by, locale) as VerdictFields;
}

/** True for a Verdict made by `evaluate` (not for a look-alike object). */
export function isVerdict(x: unknown): x is VerdictFields {
  return Verdict.is(x);
}

/**
 * The scoring of a compare verdict whose target quantity and actual both have an exact
 * decimal base value: A and B are read from them when a score is asked for (scoringOf), as
 * compareQuantity read them, instead of being kept in a scoring object made for every verdict.
 */
export const COMPARE_SCORING = 'compare';

export type Kept = Scoring | typeof COMPARE_SCORING;

/** What scoring needs of a compare target judged by `op` (from `source`): A and B in base units. */
export function compareScoring(op: Op, source: OpSource, a: Rational, b: Rational): Scoring {
  return op === '!=' ? { kind: 'not-equal' }
    : op === '=' ? { kind: 'window', rule: 'equals-exact', lo: a, hi: a, loInclusive: true, hiInclusive: true, b }
      : source === 'equals-reached' && a.isZero() ? { kind: 'equals-zero', b }
        : op === '<=' || op === '<' ? { kind: 'lower', a, b } : { kind: 'higher', a, b };
}

export function scoringOf(v: VerdictFields): Scoring | null {
  const sc = Verdict.scoringOf(v);
  return sc === COMPARE_SCORING
    ? compareScoring(v.op!, v.opSource!, exactBase((v.target as CompareTarget).quantity), exactBase(v.actual as Quantity))
    : sc;
}
