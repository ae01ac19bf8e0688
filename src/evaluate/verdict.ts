import type { Locale } from '../i18n/messages.js';
import type { Op, Target } from '../model/types.js';
import type { Decimal } from '../numbers/decimal.js';
import type { Rational } from '../numbers/rational.js';
import type { Polarity } from '../vocab/polarity.js';
import { roundHalfUp } from './exact.js';
import { makeReason, type ReasonSpec } from './reason.js';
import type { ActualValue, OpSource, Reason, Status, Verdict as VerdictFields } from './types.js';

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
 * sight of JSON, spreads and equality. The private field is also the mark of a verdict
 * made here: a spread copy or a look-alike object has none (`isVerdict`). A private field
 * costs nothing to set and test, where a WeakSet and a WeakMap beside every verdict cost
 * more than the rest of a short evaluation.
 */
class Verdict implements VerdictFields {
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
  readonly #scoring: Scoring | null;

  constructor(target: Target, o: Outcome, reason: Reason | null) {
    this.status = o.status;
    this.op = o.op ?? null;
    this.opSource = o.opSource ?? null;
    this.polarity = o.polarity ?? null;
    this.reason = reason;
    this.assumedUnit = o.assumedUnit ?? null;
    this.target = target;
    this.actual = o.actual;
    this.margin = o.margin ? o.margin.toDecimal() : null;
    this.completion = o.completion ? roundHalfUp(o.completion, COMPLETION_PLACES) : null;
    this.parts = o.parts ? Object.freeze([...o.parts]) : null;
    this.#scoring = o.status === 'unknown' ? null : o.scoring;
    Object.freeze(this);
  }

  static is(x: unknown): x is Verdict {
    return typeof x === 'object' && x !== null && #scoring in x;
  }

  static scoringOf(v: VerdictFields): Scoring | null {
    return #scoring in v ? (v as Verdict).#scoring : null;
  }
}

export function finish(target: Target, o: Outcome, locale: Locale): VerdictFields {
  const reason = o.reason === null ? null : isReason(o.reason) ? o.reason : makeReason(o.reason, locale);
  return new Verdict(target, o, reason);
}

/** True for a Verdict made by `evaluate` (not for a look-alike object). */
export function isVerdict(x: unknown): x is VerdictFields {
  return Verdict.is(x);
}

export function scoringOf(v: VerdictFields): Scoring | null {
  return Verdict.scoringOf(v);
}
