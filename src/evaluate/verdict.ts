import type { Locale } from '../i18n/messages.js';
import type { Op, Target } from '../model/types.js';
import type { Rational } from '../numbers/rational.js';
import type { Polarity } from '../vocab/polarity.js';
import { roundHalfUp } from './exact.js';
import { makeReason, type ReasonSpec } from './reason.js';
import type { ActualValue, OpSource, Reason, Status, Verdict } from './types.js';

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
  | { readonly kind: 'all'; readonly parts: readonly Verdict[] };

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
  readonly parts?: readonly Verdict[] | null;
}

const VERDICTS = new WeakSet<object>();
const SCORING = new WeakMap<object, Scoring | null>();

export const COMPLETION_PLACES = 4;

function isReason(r: ReasonSpec | Reason): r is Reason {
  return 'messages' in r;
}

export function finish(target: Target, o: Outcome, locale: Locale): Verdict {
  const reason = o.reason === null ? null : isReason(o.reason) ? o.reason : makeReason(o.reason, locale);
  const v: Verdict = Object.freeze({
    status: o.status,
    op: o.op ?? null,
    opSource: o.opSource ?? null,
    polarity: o.polarity ?? null,
    reason,
    assumedUnit: o.assumedUnit ?? null,
    target,
    actual: o.actual,
    margin: o.margin ? o.margin.toDecimal() : null,
    completion: o.completion ? roundHalfUp(o.completion, COMPLETION_PLACES) : null,
    parts: o.parts ? Object.freeze([...o.parts]) : null,
  });
  VERDICTS.add(v);
  SCORING.set(v, o.status === 'unknown' ? null : o.scoring);
  return v;
}

/** True for a Verdict made by `evaluate` (not for a look-alike object). */
export function isVerdict(x: unknown): x is Verdict {
  return typeof x === 'object' && x !== null && VERDICTS.has(x);
}

export function scoringOf(v: Verdict): Scoring | null {
  return SCORING.get(v) ?? null;
}
