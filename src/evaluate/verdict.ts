import { MARK, type Marked } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { exactBase } from '../model/quantity.js';
import type { CompareTarget, Op, Quantity, Target } from '../model/types.js';
import type { Decimal } from '../numbers/decimal.js';
import type { Rational } from '../numbers/rational.js';
import type { Polarity } from '../vocab/polarity.js';
import { roundHalfUp } from './exact.js';
import { makeReason, type ReasonSpec } from './reason.js';
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
 * A verdict: its public fields as own, enumerable, frozen data properties (in this order,
 * which is the order of its JSON), and what scoring needs in a private field, out of
 * sight of JSON, spreads and equality (a private field costs nothing to set and test, where
 * a WeakMap beside every verdict costs more than the rest of a short evaluation). A verdict
 * is told by the mark on its prototype, in either build: a spread copy or a look-alike
 * object has none (`isVerdict`). finish() makes one from an Outcome; the most
 * common verdict by far, a compare target against a quantity, is made directly
 * (compareQuantity), with its fields as finish() would write them.
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

  constructor(
    status: Status, op: Op | null, opSource: OpSource | null, polarity: Polarity | null, reason: Reason | null, assumedUnit: string | null,
    target: Target, actual: ActualValue | null, margin: Decimal | null, completion: Decimal | null, parts: readonly VerdictFields[] | null,
    scoring: Kept | null,
  ) {
    this.status = status;
    this.op = op;
    this.opSource = opSource;
    this.polarity = polarity;
    this.reason = reason;
    this.assumedUnit = assumedUnit;
    this.target = target;
    this.actual = actual;
    this.margin = margin;
    this.completion = completion;
    this.parts = parts;
    this.#scoring = status === 'unknown' ? null : scoring;
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
}

export function finish(target: Target, o: Outcome, locale: Locale): VerdictFields {
  const reason = o.reason === null ? null : isReason(o.reason) ? o.reason : makeReason(o.reason, locale);
  // Every evaluator gives a reason exactly when the status is not pass, which is what makes
  // the public Verdict a union on `status` (test/fuzz/evaluate-fuzz.test.ts holds it).
  return new Verdict(
    o.status, o.op ?? null, o.opSource ?? null, o.polarity ?? null, reason, o.assumedUnit ?? null, target, o.actual,
    o.margin ? o.margin.toDecimal() : null, o.completion ? roundHalfUp(o.completion, COMPLETION_PLACES) : null,
    o.parts ? Object.freeze([...o.parts]) : null, o.scoring,
  ) as VerdictFields;
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
