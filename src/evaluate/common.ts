import type { Op, Quantity, Target } from '../model/types.js';
import type { Polarity } from '../vocab/polarity.js';
import { shownText, type Read } from './actual.js';
import { detail, kindName, show, spec, type Detail, type KindName } from './reason.js';
import type { ActualValue, OpSource } from './types.js';
import type { Outcome, Scoring } from './verdict.js';
import { wordClass, type WordClass } from './words.js';

/** The scoring of every verdict judged pass or fail without a margin (a word, a date, a grade): one object, never changed. */
export const BAND: Scoring = Object.freeze({ kind: 'band' });

/** The outcomes every kind of target shares: nothing to judge, or a word that judges itself. */

export function term(text: string): ActualValue {
  return Object.freeze({ term: text });
}

export function bool(value: boolean): ActualValue {
  return Object.freeze({ boolean: value });
}

/** Missing, placeholder and unreadable actuals are `unknown` whatever the target. */
export function early(read: Read): Outcome | null {
  switch (read.kind) {
    case 'missing':
      return { status: 'unknown', reason: spec('MISSING_ACTUAL'), actual: null, scoring: null };
    case 'placeholder':
      return { status: 'unknown', reason: spec('NOT_APPLICABLE', { actual: read.text }), actual: term(read.text), scoring: null };
    case 'invalid':
      return { status: 'unknown', reason: spec('UNPARSEABLE_ACTUAL', { actual: read.text ?? '', detail: read.detail ?? '' }), actual: null, scoring: null };
    default:
      return null;
  }
}

/** An outcome scored by its status alone (a band: no margin, no completion). */
export const banded = (status: Outcome['status'], reason: Outcome['reason'], actual: Outcome['actual']): Outcome =>
  ({ status, reason, actual, scoring: BAND });
export const passed = (actual: Outcome['actual']): Outcome => banded('pass', null, actual);
/** Partly met, as the actual `shown` says. */
export const partly = (actual: Outcome['actual'], shown: string): Outcome => banded('partial', spec('PARTIALLY_ACHIEVED', { actual: shown }), actual);
/** Not met, as the actual `shown` says. */
export const notMet = (actual: Outcome['actual'], shown: string): Outcome => banded('fail', spec('NOT_ACHIEVED', { actual: shown }), actual);
/** A word that says nothing of whether `target` was met. */
export const unrecognised = (actual: Outcome['actual'], shown: string, target: string): Outcome =>
  ({ status: 'unknown', reason: spec('UNRECOGNISED_TERM', { actual: shown, target }), actual, scoring: null });

/** Achievement, partial and non-achievement words judge any kind of target (margin and completion null). */
export function wordOutcome(cls: Exclude<WordClass, 'none'>, shown: string): Outcome {
  const actual = term(shown);
  if (cls === 'achieved') return passed(actual);
  return cls === 'partial' ? partly(actual, shown) : notMet(actual, shown);
}

/** A word of the three classes in a text actual, or null. */
export function judgingWord(read: Read): Outcome | null {
  if (read.kind !== 'text') return null;
  const cls = wordClass(read.text);
  return cls !== null && cls !== 'none' ? wordOutcome(cls, read.shown) : null;
}

/** `true` and `false` against a target that is not a yes/no term: met, or not. */
export function booleanOutcome(value: boolean): Outcome {
  return value ? passed(bool(true)) : notMet(bool(false), 'false');
}

/**
 * What every kind of target answers alike: `true`/`false` is met or not, a list is no actual
 * of one target, a date is no actual of a target that is no date; a record of actuals keyed
 * by label gives the entry of the target's own label (`entry`, to be judged in its place, at
 * most `maxDepth` records deep), else it is a list. Null: a kind the target reads its own way.
 */
export function sharedKinds(read: Read, t: Target, depth: number, maxDepth: number): Outcome | { readonly entry: unknown } | null {
  switch (read.kind) {
    case 'boolean':
      return booleanOutcome(read.value);
    case 'date':
      return t.kind === 'deadline' || t.kind === 'period' ? null : kindMismatch(t, 'date', read.date.date, read.date);
    case 'record':
      if (t.label !== null && read.entries.has(t.label) && depth < maxDepth) return { entry: read.entries.get(t.label) };
      return kindMismatch(t, 'list', '', null);
    case 'list':
      return kindMismatch(t, 'list', '', null);
    default:
      return null;
  }
}

export function kindMismatch(target: Target, actualKind: KindName, shown: string, actual: ActualValue | null): Outcome {
  if (shown === '') shown = actualKind === 'list' ? '[…]' : actualKind === 'pair' ? '{ value, baseline }' : '';
  return {
    status: 'unknown',
    reason: spec('KIND_MISMATCH', { actual: shown, actualKind: kindName(actualKind), targetKind: kindName(target.kind) }),
    actual,
    scoring: null,
  };
}

const SIDES = {
  actual: 'sideActual', target: 'sideTarget', tolerance: 'sideTolerance', baseline: 'sideBaseline', amount: 'sideAmount',
} as const;

/** Two quantities that cannot be compared: `what` (unit `a`) against `other` (unit `b`). */
export function unitMismatch(actual: Quantity, target: Quantity, what: keyof typeof SIDES = 'actual', other: keyof typeof SIDES = 'target'): Outcome {
  return {
    status: 'unknown',
    reason: spec('UNIT_MISMATCH', { what: detail(SIDES[what]), other: detail(SIDES[other]), a: actual.unit || show(actual), b: target.unit || show(target) }),
    actual,
    scoring: null,
  };
}

/**
 * An outcome with the op that judged it and the actual (and the unit assumed for it) it was
 * judged on: every field of an Outcome is named here, so none is carried over unseen.
 */
export function judgedAs(o: Outcome, op: Op | null, opSource: OpSource | null, polarity: Polarity | null, actual: ActualValue | null, assumedUnit: string | null | undefined): Outcome {
  // A field left undefined is read as null, as one left out (finish).
  return { status: o.status, reason: o.reason, op, opSource, polarity, assumedUnit, actual, margin: o.margin, completion: o.completion, scoring: o.scoring, parts: o.parts };
}

/** An outcome with the op it was judged by (a compare's effective op, a deadline's `≤`). */
export function withOp(o: Outcome, op: Op, opSource: OpSource, polarity: Polarity | null): Outcome {
  return judgedAs(o, op, opSource, polarity, o.actual, o.assumedUnit);
}

export function unparseable(read: Read, detail: Detail = ''): Outcome {
  const shown = shownText(read);
  return {
    status: 'unknown',
    reason: spec('UNPARSEABLE_ACTUAL', { actual: shown, detail }),
    actual: read.kind === 'text' ? term(shown) : null,
    scoring: null,
  };
}
