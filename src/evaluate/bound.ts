import { format } from '../model/format.js';
import { exactBase } from '../model/quantity.js';
import type { ApproxTarget, CompareTarget, Op, Quantity, RangeTarget, Target } from '../model/types.js';
import type { Rational } from '../numbers/rational.js';
import type { BoundTarget } from './actual.js';
import { align, readInUnitOf } from './align.js';
import { unitMismatch } from './common.js';
import { effectiveOp, outside, tolerance } from './compare.js';
import type { Settings } from './options.js';
import { compareReason, show, spec, type ReasonSpec } from './reason.js';
import type { Reason, Status } from './types.js';
import { compareScoring, type Outcome, type Scoring } from './verdict.js';

/**
 * Actuals written as bounds (contract.md, "Actuals written with a comparator"): `≥95%` in the
 * actual column says the value is somewhere at or above 95 %. The verdict passes when every
 * value the bound allows meets the target (`≥95%` meets `≥90%`), fails when none does
 * (`≤80%` against `≥95%`), and is `unknown` (`IMPRECISE_ACTUAL`) when some do and some do
 * not: that is what the table says, and a guess would be a silent wrong verdict. Both sides
 * are sets of values on one line, compared exactly in base units. The score uses the
 * bound as B: the end of the actual's set nearest the edge of the target's (the written
 * number of `≥95%`; of `90%-95%` against `≥85%`, 90 %).
 */

/** One end of a set: its base value, whether it belongs to the set, and the quantity it was written as. */
interface End {
  readonly at: Rational;
  readonly inclusive: boolean;
  readonly q: Quantity;
}

/** The values between two ends; a null end is open (no bound on that side). */
interface Interval {
  readonly lo: End | null;
  readonly hi: End | null;
}

type Part = CompareTarget | ApproxTarget | RangeTarget;

/** Whatever ends the reading early (a unit that does not compare, a tolerance in the wrong unit). */
class Stop {
  constructor(readonly outcome: Outcome) {}
}

const end = (q: Quantity, inclusive: boolean): End => ({ at: exactBase(q), inclusive, q });

/** The higher of two lower ends (the one that bounds more). */
function tighterLo(a: End | null, b: End | null): End | null {
  if (a === null) return b;
  if (b === null) return a;
  const c = a.at.cmp(b.at);
  return c > 0 || (c === 0 && !a.inclusive) ? a : b;
}

function tighterHi(a: End | null, b: End | null): End | null {
  if (a === null) return b;
  if (b === null) return a;
  const c = a.at.cmp(b.at);
  return c < 0 || (c === 0 && !a.inclusive) ? a : b;
}

function isEmpty(x: Interval): boolean {
  if (x.lo === null || x.hi === null) return false;
  const c = x.lo.at.cmp(x.hi.at);
  return c > 0 || (c === 0 && !(x.lo.inclusive && x.hi.inclusive));
}

/** Whether lower end `x` lies inside lower end `t` (every value above x is above t). */
function loWithin(x: End | null, t: End | null): boolean {
  if (t === null) return true;
  if (x === null) return false;
  const c = x.at.cmp(t.at);
  return c > 0 || (c === 0 && (t.inclusive || !x.inclusive));
}

function hiWithin(x: End | null, t: End | null): boolean {
  if (t === null) return true;
  if (x === null) return false;
  const c = x.at.cmp(t.at);
  return c < 0 || (c === 0 && (t.inclusive || !x.inclusive));
}

/** Whether upper end `hi` lies below lower end `lo`, so that nothing is in both. */
function below(hi: End | null, lo: End | null): boolean {
  if (hi === null || lo === null) return false;
  const c = hi.at.cmp(lo.at);
  return c < 0 || (c === 0 && !(hi.inclusive && lo.inclusive));
}

function within(x: Interval, t: Interval): boolean {
  return loWithin(x.lo, t.lo) && hiWithin(x.hi, t.hi);
}

function apart(x: Interval, t: Interval): boolean {
  return below(x.hi, t.lo) || below(t.hi, x.lo);
}

/** A quantity of the actual in the unit of the target's `ref` (a side without a unit is read in the other's). */
function aligned(q: Quantity, ref: Quantity, s: Settings): Quantity {
  const al = align(ref, q, s.units);
  // The target side was read in the unit of the actual's first quantity (targetRef): a later
  // part in another unit (`≥90且≤95%`) would need the target read in two units at once.
  if (!al.ok || al.target !== ref) throw new Stop(unitMismatch(q, ref));
  return al.actual;
}

/** The values `op` q admits (`=`, and `!=` where it is read so, as q alone). */
function opInterval(op: Op, q: Quantity): Interval {
  switch (op) {
    case '>=': return { lo: end(q, true), hi: null };
    case '>': return { lo: end(q, false), hi: null };
    case '<=': return { lo: null, hi: end(q, true) };
    case '<': return { lo: null, hi: end(q, false) };
    default: return { lo: end(q, true), hi: end(q, true) };
  }
}

/** The values one part of the actual allows, in the unit of `ref`. */
function partInterval(p: Part, ref: Quantity, s: Settings): Interval {
  switch (p.kind) {
    case 'compare':
      return opInterval(p.op, aligned(p.quantity, ref, s));
    case 'approx': {
      // About B: the band a ≈ target around B would accept, B ± the tolerance.
      const q = aligned(p.quantity, ref, s);
      const tol = tolerance(q, s);
      if ('mismatch' in tol) throw new Stop(unitMismatch(tol.mismatch, q, 'tolerance', 'actual'));
      const b = exactBase(q);
      return { lo: { at: b.minus(tol.t), inclusive: true, q }, hi: { at: b.plus(tol.t), inclusive: true, q } };
    }
    case 'range':
      return { lo: end(aligned(p.min, ref, s), p.minInclusive), hi: end(aligned(p.max, ref, s), p.maxInclusive) };
  }
}

function actualInterval(bound: BoundTarget, ref: Quantity, s: Settings): Interval {
  const parts = (bound.kind === 'all' ? bound.targets : [bound]) as readonly Part[];
  let lo: End | null = null;
  let hi: End | null = null;
  for (const p of parts) {
    const x = partInterval(p, ref, s);
    lo = tighterLo(lo, x.lo);
    hi = tighterHi(hi, x.hi);
  }
  return { lo, hi };
}

/** The first quantity written in the bound: the one the target's unit is matched against. */
function firstQuantity(bound: BoundTarget): Quantity {
  const p = (bound.kind === 'all' ? bound.targets[0]! : bound) as Part;
  return p.kind === 'range' ? p.max : p.quantity;
}

/**
 * The target's quantities read against the actual's first one: when the target has no unit
 * (a lost unit column) it is read in the actual's unit, as for a plain actual.
 */
function targetRef(ref: Quantity, q0: Quantity, s: Settings): { ref: Quantity; assumedUnit: string | null } {
  const al = align(ref, q0, s.units);
  if (!al.ok) throw new Stop(unitMismatch(q0, ref));
  return { ref: al.target, assumedUnit: al.assumedUnit };
}

/**
 * B: the end of the actual's set nearest an end of the target's, as written: the ends of
 * `B左右` lie a tolerance away from B, and B is what the table wrote.
 */
function boundValue(x: Interval, t: Interval): End {
  const mine = [x.lo, x.hi].filter((e): e is End => e !== null);
  const edges = [t.lo, t.hi].filter((e): e is End => e !== null);
  let best = mine[0]!;
  let gap: Rational | null = null;
  for (const m of mine) {
    for (const e of edges) {
      const d = m.at.minus(e.at).abs();
      if (gap === null || d.cmp(gap) < 0) {
        best = m;
        gap = d;
      }
    }
  }
  return { at: exactBase(best.q), inclusive: best.inclusive, q: best.q };
}

function statusOf(x: Interval, t: Interval): Status {
  if (within(x, t)) return 'pass';
  return apart(x, t) ? 'fail' : 'unknown';
}

/** The target as the messages show it: the op judged by and the quantity (`≥90%`), else its canonical text (not its HTML). */
function imprecise(t: Target, shown: string, judged?: string): ReasonSpec {
  return spec('IMPRECISE_ACTUAL', { actual: shown, target: judged ?? format(t) });
}

/** A compare, ≈ or range target against an actual written as a bound. */
export function boundOutcome(t: Part, bound: BoundTarget, shown: string, s: Settings): Outcome {
  try {
    return judge(t, bound, shown, s);
  } catch (e) {
    if (e instanceof Stop) return e.outcome;
    throw e;
  }
}

/** Whether the bound names another indicator than the target does (`满意度≥95%` against `知晓率≥90%`). */
function namesAnother(t: Part, bound: BoundTarget): boolean {
  const parts = bound.kind === 'all' ? bound.targets : [bound];
  return t.label !== null && parts.some((p) => p.label !== null && p.label !== t.label);
}

function judge(t: Part, bound: BoundTarget, shown: string, s: Settings): Outcome {
  if (namesAnother(t, bound)) return { status: 'unknown', reason: spec('UNPARSEABLE_ACTUAL', { actual: shown, detail: '' }), actual: null, scoring: null };
  const { ref, assumedUnit } = targetRef(t.kind === 'range' ? t.max : t.quantity, firstQuantity(bound), s);
  const x = actualInterval(bound, ref, s);
  if (isEmpty(x)) return { status: 'unknown', reason: spec('UNPARSEABLE_ACTUAL', { actual: shown, detail: '' }), actual: null, scoring: null };
  let target: Interval;
  let reason: (b: End) => ReasonSpec | Reason;
  let scoring: (b: Rational) => Scoring;
  let margin: (b: Rational) => Rational;
  let completion: (b: Rational) => Rational | null = () => null;
  let judged: string | undefined;
  switch (t.kind) {
    case 'compare': {
      const eff = effectiveOp(t, s);
      const a = end(ref, true);
      if (eff.op === '!=') {
        // Everything but A: met when the bound leaves A out, missed when it is A alone.
        const point = { lo: a, hi: a };
        const status: Status = !within(point, x) ? 'pass' : within(x, point) ? 'fail' : 'unknown';
        const b = boundValue(x, point);
        return {
          status,
          reason: status === 'pass' ? null : status === 'fail' ? compareReason(eff.failCode, shown, ref, eff.symbol, s.locale) : imprecise(t, shown, eff.symbol + show(ref)),
          assumedUnit, actual: b.q, margin: status === 'unknown' ? null : b.at.minus(a.at),
          scoring: status === 'unknown' ? null : compareScoring(eff.op, eff.source, a.at, b.at),
        };
      }
      target = opInterval(eff.op, ref);
      reason = () => compareReason(eff.failCode, shown, ref, eff.symbol, s.locale);
      judged = eff.symbol + show(ref);
      scoring = (b) => compareScoring(eff.op, eff.source, a.at, b);
      margin = (b) => b.minus(a.at);
      completion = (b) => {
        const [num, den] = eff.polarity === 'negative' ? [a.at, b] : [b, a.at];
        return den.isZero() ? null : num.div(den);
      };
      break;
    }
    case 'approx': {
      const tol = tolerance(ref, s);
      if ('mismatch' in tol) return { ...unitMismatch(tol.mismatch, ref, 'tolerance'), actual: null };
      const a = exactBase(ref);
      target = { lo: { at: a.minus(tol.t), inclusive: true, q: ref }, hi: { at: a.plus(tol.t), inclusive: true, q: ref } };
      const { lo, hi } = { lo: target.lo!.at, hi: target.hi!.at };
      reason = () => spec('OUTSIDE_TOLERANCE', { actual: shown, target: show(ref), tolerance: tol.shown });
      scoring = (b) => ({ kind: 'window', rule: 'approx', lo, hi, loInclusive: true, hiInclusive: true, b });
      margin = (b) => outside(b, lo, hi);
      completion = (b) => (a.isZero() ? null : b.div(a));
      break;
    }
    case 'range': {
      let min = t.min;
      if (ref !== t.max) {
        const m = readInUnitOf(min, ref, s.units);
        if (m === null) return unitMismatch(firstQuantity(bound), min);
        min = m;
      }
      target = { lo: end(min, t.minInclusive), hi: end(ref, t.maxInclusive) };
      const { lo, hi } = { lo: target.lo!.at, hi: target.hi!.at };
      reason = () => spec('OUTSIDE_RANGE', { actual: shown, min: show(min), max: show(ref) });
      scoring = (b) => ({ kind: 'window', rule: 'range', lo, hi, loInclusive: t.minInclusive, hiInclusive: t.maxInclusive, b });
      margin = (b) => outside(b, lo, hi);
      break;
    }
  }
  const status = statusOf(x, target);
  const b = boundValue(x, target);
  if (status === 'unknown') return { status, reason: imprecise(t, shown, judged), assumedUnit, actual: b.q, scoring: null };
  return {
    status,
    reason: status === 'pass' ? null : reason(b),
    assumedUnit,
    actual: b.q,
    margin: margin(b.at),
    completion: completion(b.at),
    scoring: scoring(b.at),
  };
}
