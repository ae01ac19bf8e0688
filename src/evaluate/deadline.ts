import type { DateParts, DeadlineTarget, PeriodTarget } from '../model/types.js';
import { readActual, textQuantity, type Read } from './actual.js';
import { banded, early, judgingWord, kindMismatch, passed, sharedKinds, unparseable, withOp } from './common.js';
import { dateWordsIn, MIN_KEY, readDate, span, type DateKey } from './dates.js';
import type { Settings } from './options.js';
import { detail, show, spec, type Detail } from './reason.js';
import type { ActualDate } from './types.js';
import type { Outcome } from './verdict.js';

/**
 * Deadlines and periods (contract.md, "Dates"). Every date is the span of days it may
 * mean; a deadline is met when the actual's last possible day is on or before the
 * deadline's last day, missed when its first possible day is after it, and otherwise the
 * actual straddles it (`IMPRECISE_DATE`). Years: an actual without one takes the target's,
 * else `options.year`; a target without one takes `options.year`; when neither side has
 * one they are compared within one year; an actual with a year against a target without
 * one (and no option) is `NEEDS_YEAR`.
 */

type Years = { ok: true; target: number | null; actual: number | null } | { ok: false };

function resolveYears(targetYear: number | null, actualYear: number | null, s: Settings): Years {
  const target = targetYear ?? s.year;
  const actual = actualYear ?? target;
  if (target === null && actual !== null) return { ok: false };
  return { ok: true, target, actual };
}

const YEAR_PROBLEMS = {
  targetHasNone: 'yearTargetHasNone', actualHasNone: 'yearActualHasNone', crossesYearEnd: 'yearCrossesYearEnd',
} as const;

function needsYear(actual: ActualDate, problem: keyof typeof YEAR_PROBLEMS): Outcome {
  return { status: 'unknown', reason: spec('NEEDS_YEAR', { detail: detail(YEAR_PROBLEMS[problem]) }), actual, scoring: null };
}

/** The days an actual may mean: a date is one day somewhere in its span; a period is all of it. */
interface Window {
  /** Earliest possible first day (−∞ for "on or before"). */
  readonly firstMin: DateKey;
  /** Latest possible first day. */
  readonly firstMax: DateKey;
  /** Earliest possible last day. */
  readonly lastMin: DateKey;
  /** Latest possible last day. */
  readonly lastMax: DateKey;
}

/** The window of an actual date, a part without a year taking `year` (null: within one year). */
function windowOf(a: ActualDate, year: number | null): Window {
  const to = span(a.to, a.to.year ?? year);
  if (a.from === null) return { firstMin: MIN_KEY, firstMax: to.end, lastMin: MIN_KEY, lastMax: to.end };
  const single = a.from === a.to || (a.from.year === a.to.year && a.from.month === a.to.month && a.from.day === a.to.day);
  // One date: the one day lies anywhere in the span. A period: its first day lies in the
  // span of `from`, its last day in the span of `to`.
  if (single) return { firstMin: to.start, firstMax: to.end, lastMin: to.start, lastMax: to.end };
  const from = span(a.from, a.from.year ?? year);
  return { firstMin: from.start, firstMax: from.end, lastMin: to.start, lastMax: to.end };
}

function dateActual(read: Read, t: DeadlineTarget | PeriodTarget, s: Settings, depth = 0): { date: ActualDate } | { done: Outcome } {
  const e = early(read);
  if (e) return { done: e };
  const shared = sharedKinds(read, t, depth, 1);
  if (shared !== null) return 'entry' in shared ? dateActual(readActual(shared.entry, s), t, s, depth + 1) : { done: shared };
  switch (read.kind) {
    case 'date':
      return { date: read.date };
    case 'quantity':
      return { done: kindMismatch(t, 'quantity', show(read.q), read.q) };
    case 'pair':
      return { done: kindMismatch(t, 'pair', '', null) };
    case 'text': {
      const word = judgingWord(read);
      if (word) return { done: word };
      const date = readDate(read.text, s);
      if (date) return { date };
      const parsed = textQuantity(read.raw, s);
      if ('q' in parsed) return { done: kindMismatch(t, 'quantity', read.shown, parsed.q) };
      return { done: unparseable(read) };
    }
  }
  return { done: unparseable(read) };
}

/** An outcome of a deadline: judged by `≤` as written. */
const byDeadline = (o: Outcome): Outcome => withOp(o, '<=', 'written', null);

/** How an actual was judged against a deadline, for messages; written only when it did not pass. */
function deadlineShown(a: ActualDate, t: DeadlineTarget, year: number | null): Record<string, Detail> {
  const deadline = dateWordsIn(t.date, year);
  return { actual: a.date, deadline, within: detail('beforeDeadline', { deadline }) };
}

export function evaluateDeadline(t: DeadlineTarget, read: Read, s: Settings): Outcome {
  const got = dateActual(read, t, s);
  if ('done' in got) return byDeadline(got.done);
  const a = got.date;
  const years = resolveYears(t.date.year, a.to.year ?? a.from?.year ?? null, s);
  if (!years.ok) return byDeadline(needsYear(a, 'targetHasNone'));
  const deadline = span(t.date, years.target).end;
  const w = windowOf(a, years.actual);
  // Work is done when its last day is: only the end of an actual period counts.
  if (w.lastMax <= deadline) return byDeadline(passed(a));
  if (w.lastMin > deadline) return byDeadline(banded('fail', spec('LATE', deadlineShown(a, t, years.target)), a));
  return byDeadline({ status: 'unknown', reason: spec('IMPRECISE_DATE', deadlineShown(a, t, years.target)), actual: a, scoring: null });
}

export function evaluatePeriod(t: PeriodTarget, read: Read, s: Settings): Outcome {
  const got = dateActual(read, t, s);
  if ('done' in got) return got.done;
  const a = got.date;
  const written = a.to.year ?? a.from?.year ?? null;
  const fromYear = t.from.year ?? s.year;
  const toYear = t.to.year ?? fromYear;
  if (fromYear === null && written !== null) return needsYear(a, 'targetHasNone');
  // An actual without a year takes the target's, when the period lies in one year.
  let actualYear: number | null = null;
  if (written === null && fromYear !== null) {
    if (fromYear === toYear) actualYear = fromYear;
    else if (s.year !== null) actualYear = s.year;
    else return needsYear(a, 'actualHasNone');
  }
  const first = span(t.from, fromYear).start;
  const last = span(t.to, toYear).end;
  if (first > last) return needsYear(a, 'crossesYearEnd');
  const w = windowOf(a, actualYear);
  if (w.firstMin >= first && w.lastMax <= last) return passed(a);
  const from = dateWordsIn(t.from, fromYear);
  const to = dateWordsIn(t.to, toYear);
  const shown = { actual: a.date, from, to, within: detail('withinPeriod', { from, to }) };
  if (w.firstMax < first || w.lastMin > last) return banded('fail', spec('OUTSIDE_PERIOD', shown), a);
  return { status: 'unknown', reason: spec('IMPRECISE_DATE', shown), actual: a, scoring: null };
}
