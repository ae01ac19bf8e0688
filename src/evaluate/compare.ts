import { IndicatorError } from '../errors.js';
import { OP_SYMBOL } from '../model/format.js';
import { baseSign, exactBase, heldBaseOrder, isQuantity } from '../model/quantity.js';
import type { ApproxTarget, CompareTarget, Op, Quantity, RangeTarget } from '../model/types.js';
import { Rational } from '../numbers/rational.js';
import { parseQuantityText } from '../parse/quantity.js';
import type { Polarity } from '../vocab/polarity.js';
import { labelledQuantities, readActual, textReadBound, textReadDate, textReadQuantity, unitless, type Read } from './actual.js';
import { boundOutcome } from './bound.js';
import { align, isRelativeRatio, readInUnitOf, sameKind } from './align.js';
import { early, judgingWord, kindMismatch, sharedKinds, unitMismatch, unparseable, judgedAs, withOp } from './common.js';
import { invalid, readDecimal, type Settings } from './options.js';
import { namePolarity } from './polarity.js';
import { compareReason, show, spec } from './reason.js';
import type { OpSource } from './types.js';
import { comparedVerdict, compareScoring, finish, type Outcome } from './verdict.js';
import type { Verdict } from './types.js';
import { wordClass } from './words.js';

type QuantityTarget = CompareTarget | ApproxTarget | RangeTarget;

/**
 * The polarity a name implies: the label written into the cell is the most specific name
 * (`脱贫人口满意度≥90%`), then the `indicator` option (the row's 三级指标).
 */
function namedPolarity(t: { label: string | null }, s: Settings): Polarity | null {
  const fromLabel = t.label === null ? null : namePolarity(t.label, s);
  if (fromLabel !== null) return fromLabel;
  return s.indicator === null ? null : namePolarity(s.indicator, s);
}

export interface EffectiveOp {
  readonly op: Op;
  readonly source: OpSource;
  /** What the verdict reads of its op, kept here so that no table is looked up by the op's text. */
  readonly polarity: Polarity | null;
  /** Whether B compared with A meets the op, by the sign c of B − A (−1, 0 or 1): bit c + 1 (≥ holds on 0 and 1, so bits 1 and 2). */
  readonly holds: number;
  readonly failCode: 'BELOW_TARGET' | 'ABOVE_TARGET' | 'NOT_EQUAL' | 'EQUALS_EXCLUDED';
  readonly symbol: string;
}

const HOLDS = { '>=': 6, '>': 4, '<=': 3, '<': 1, '=': 2, '!=': 5 } as const;
const FAIL_CODE = { '>=': 'BELOW_TARGET', '>': 'BELOW_TARGET', '<=': 'ABOVE_TARGET', '<': 'ABOVE_TARGET', '=': 'NOT_EQUAL', '!=': 'EQUALS_EXCLUDED' } as const;

/**
 * Every op with every source, made once, in arrays by the op's index (opIndex): an
 * evaluation picks one instead of making one. Not objects keyed by the op's text: a load
 * whose key varies between six strings is megamorphic in V8, and a verdict made five of
 * them (about 4 % of its instructions).
 */
const OPS: readonly Op[] = ['=', '>=', '<=', '>', '<', '!='];
const GE = 1;
const LE = 2;
function opIndex(op: Op): number {
  switch (op) {
    case '=': return 0;
    case '>=': return GE;
    case '<=': return LE;
    case '>': return 3;
    case '<': return 4;
    default: return 5;
  }
}
const bySource = (source: OpSource): readonly EffectiveOp[] => OPS.map((op) => Object.freeze({
  op, source, polarity: op === '>=' || op === '>' ? 'positive' : op === '<=' || op === '<' ? 'negative' : null, holds: HOLDS[op], failCode: FAIL_CODE[op], symbol: OP_SYMBOL[op],
}));
const WRITTEN = bySource('written');
const REACHED = bySource('equals-reached');
const OPTION = bySource('option');
const INDICATOR = bySource('indicator');
const DEFAULT = bySource('default');

/**
 * The op a compare target is judged by (contract.md, "Decisions on the edges"): a written
 * op wins, `=` meaning "reached" unless `equals: "exact"`; an implicit op is filled by the
 * polarity option, else the indicator name, else the default (durations ≤, the rest ≥).
 */
export function effectiveOp(t: CompareTarget, s: Settings): EffectiveOp {
  if (!t.implicit) {
    if (t.op !== '=' || s.equals === 'exact') return WRITTEN[opIndex(t.op)]!;
    // Reached, in the indicator's better direction: a positive target is reached from
    // below, or from above when lower is better (`=3个工作日` for a 办理时限 is met by 2
    // days); 0 (and a negative target, the same reading carried on) is reached by staying
    // at or under it.
    if (baseSign(t.quantity) <= 0) return REACHED[LE]!;
    return REACHED[(s.polarity ?? namedPolarity(t, s)) === 'negative' ? LE : GE]!;
  }
  let polarity: Polarity | null = s.polarity;
  let source = OPTION;
  if (polarity === null) {
    polarity = namedPolarity(t, s);
    source = INDICATOR;
  }
  if (polarity === null) return DEFAULT[t.quantity.dimension === 'duration' ? LE : GE]!;
  return source[polarity === 'positive' ? GE : LE]!;
}

/** `{ value }` and records nest at most two levels: an actual is not a tree (and may not be a cycle). */
const MAX_DEPTH = 2;

/**
 * The actual as a quantity for a quantitative target, or the outcome that ends the
 * evaluation (a word, a boolean, something unreadable).
 */
export function quantityActual(read: Read, t: QuantityTarget, s: Settings, depth = 0): { q: Quantity } | { done: Outcome } {
  const e = early(read);
  if (e) return { done: e };
  const shared = sharedKinds(read, t, depth, MAX_DEPTH);
  if (shared !== null) return 'entry' in shared ? quantityActual(readActual(shared.entry, s), t, s, depth + 1) : { done: shared };
  switch (read.kind) {
    case 'quantity':
      return { q: read.q };
    case 'pair':
      // A value with its baseline against a target that is no trend: the value is the actual.
      if (depth >= MAX_DEPTH) return { done: kindMismatch(t, 'pair', '', null) };
      return quantityActual(readActual(read.value, s), t, s, depth + 1);
    case 'text': {
      const word = judgingWord(read);
      if (word) return { done: word };
      if (wordClass(read.text) === 'none') return { q: unitless(Rational.ZERO, s) };
      const parsed = textReadQuantity(read, s);
      if ('q' in parsed) return { q: parsed.q };
      if (t.label !== null) {
        const labelled = labelledQuantities(read, s)?.get(t.label);
        if (labelled) return { q: labelled };
      }
      const bound = textReadBound(read, s);
      if (bound) return { done: boundOutcome(t, bound, read.shown, s) };
      const date = textReadDate(read, s);
      if (date) return { done: kindMismatch(t, 'date', read.shown, date) };
      return { done: unparseable(read, parsed.error) };
    }
  }
  return { done: unparseable(read) };
}


function ratio(x: Rational, y: Rational): Rational | null {
  return y.isZero() ? null : x.div(y);
}

export function evaluateCompare(t: CompareTarget, read: Read, s: Settings): Verdict {
  const eff = effectiveOp(t, s);
  const got = quantityActual(read, t, s);
  if ('done' in got) return finish(t, withOp(got.done, eff.op, eff.source, eff.polarity), s.locale);
  return compareQuantity(t, eff, got.q, s);
}

/**
 * A compare target judged by its effective op against the actual as a quantity. When both
 * are the package's own quantities of one kind with exact decimal base values (nearly every
 * verdict), only B against A is decided here, from the values as written where that is
 * enough (heldBaseOrder): the verdict makes its margin, completion and reason from the two
 * quantities when they are read (comparedVerdict), as finish() would have written them.
 */
export function compareQuantity(t: CompareTarget, eff: EffectiveOp, q: Quantity, s: Settings): Verdict {
  const polarity = eff.polarity;
  if (sameKind(t.quantity, q)) {
    const c = heldBaseOrder(t.quantity, q);
    if (c !== undefined) return comparedVerdict(holds(eff, c) ? 'pass' : 'fail', eff, eff.source, t, q, s.locale) as Verdict;
  }
  let target = t.quantity;
  let actual = q;
  let assumedUnit: string | null = null;
  if (!sameKind(target, actual)) {
    const al = align(target, actual, s.units);
    if (!al.ok) return finish(t, withOp(unitMismatch(q, t.quantity), eff.op, eff.source, polarity), s.locale);
    target = al.target;
    actual = al.actual;
    assumedUnit = al.assumedUnit;
  }
  const a = exactBase(target);
  const b = exactBase(actual);
  const pass = holds(eff, b.cmp(a));
  return finish(t, {
    status: pass ? 'pass' : 'fail',
    // A reason exactly when it fails: the pairing the public Verdict union names.
    reason: pass ? null : compareReason(eff.failCode, show(actual), target, eff.symbol, s.locale),
    op: eff.op, opSource: eff.source, polarity, assumedUnit, actual,
    margin: b.minus(a),
    completion: eff.op === '!=' ? null : negative(eff) ? ratio(a, b) : ratio(b, a),
    scoring: compareScoring(eff.op, eff.source, a, b),
  }, s.locale);
}

/** Whether B against A (c, the sign of B − A) meets the op. */
function holds(eff: EffectiveOp, c: number): boolean {
  return (eff.holds >> (c + 1) & 1) === 1;
}

function negative(eff: EffectiveOp): boolean {
  return eff.polarity === 'negative';
}

/** The default tolerance of ≈, made once (a decimal read from text costs ~0.25 µs). */
const DEFAULT_TOLERANCE = Rational.of('0.05');

/** The ≈ tolerance in base units (contract.md: 5 % of |A| by default; relative `10%`, absolute `2个百分点`, `1万元`). */
export function tolerance(target: Quantity, s: Settings): { t: Rational; shown: string } | { mismatch: Quantity } {
  const base = exactBase(target);
  // |A|: a target is rarely negative, and the value itself is |A| then, without a copy.
  const a = base.sign() < 0 ? base.abs() : base;
  const raw = s.tolerance;
  if (raw === null) return { t: a.times(DEFAULT_TOLERANCE), shown: '5%' };
  let q: Quantity;
  if (typeof raw === 'string') {
    try {
      q = parseQuantityText(raw, s.parse, s.engine);
    } catch (e) {
      if (e instanceof IndicatorError) invalid(`tolerance "${raw}" is not a quantity: ${e.messages.en}`, s.locale);
      throw e;
    }
  } else if (isQuantity(raw)) {
    q = raw;
  } else {
    const r = readDecimal(raw);
    if (r === null) invalid('tolerance is not a finite number', s.locale);
    q = unitless(r, s);
  }
  if (exactBase(q).sign() < 0) invalid(`tolerance must not be negative, got ${show(q)}`, s.locale);
  if (isRelativeRatio(q)) return { t: a.times(exactBase(q)), shown: show(q) };
  if (q.dimension === 'number' && target.dimension === 'number') return { t: exactBase(q), shown: show(q) };
  const read = q.dimension === 'number' ? readInUnitOf(q, target, s.units) : q;
  if (read === null || read.dimension !== target.dimension || read.base.unit !== target.base.unit) return { mismatch: q };
  return { t: exactBase(read), shown: show(read) };
}

/** Distance outside [lo, hi], 0 inside: the margin of ranges and ≈ (contract.md). */
export function outside(b: Rational, lo: Rational, hi: Rational): Rational {
  if (b.cmp(lo) < 0) return b.minus(lo);
  if (b.cmp(hi) > 0) return b.minus(hi);
  return Rational.ZERO;
}

export function evaluateApprox(t: ApproxTarget, read: Read, s: Settings): Outcome {
  const got = quantityActual(read, t, s);
  return 'done' in got ? got.done : approxQuantity(t, got.q, s);
}

/** A ≈ target against the actual as a quantity. */
export function approxQuantity(t: ApproxTarget, q: Quantity, s: Settings): Outcome {
  const al = align(t.quantity, q, s.units);
  if (!al.ok) return unitMismatch(q, t.quantity);
  const tol = tolerance(al.target, s);
  if ('mismatch' in tol) return judgedAs(unitMismatch(tol.mismatch, al.target, 'tolerance'), null, null, null, al.actual, al.assumedUnit);
  const a = exactBase(al.target);
  const b = exactBase(al.actual);
  const lo = a.minus(tol.t);
  const hi = a.plus(tol.t);
  const pass = b.cmp(lo) >= 0 && b.cmp(hi) <= 0;
  return {
    status: pass ? 'pass' : 'fail',
    reason: pass ? null : spec('OUTSIDE_TOLERANCE', { actual: al.actual, target: al.target, tolerance: tol.shown }),
    assumedUnit: al.assumedUnit,
    actual: al.actual,
    margin: outside(b, lo, hi),
    completion: ratio(b, a),
    scoring: { kind: 'window', rule: 'approx', lo, hi, loInclusive: true, hiInclusive: true, b },
  };
}

export function evaluateRange(t: RangeTarget, read: Read, s: Settings): Outcome {
  const got = quantityActual(read, t, s);
  return 'done' in got ? got.done : rangeQuantity(t, got.q, s);
}

/** A range target against the actual as a quantity. */
export function rangeQuantity(t: RangeTarget, q: Quantity, s: Settings): Outcome {
  let min = t.min;
  let max = t.max;
  let actual = q;
  let assumedUnit: string | null = null;
  // Both ends share a dimension (the parser checks); the unit written last is the cell's.
  const al = align(max, actual, s.units);
  if (!al.ok) return unitMismatch(actual, max);
  if (al.target !== max) {
    const m = readInUnitOf(min, actual, s.units);
    if (m === null) return unitMismatch(actual, min);
    min = m;
    max = al.target;
  }
  actual = al.actual;
  assumedUnit = al.assumedUnit;
  const lo = exactBase(min);
  const hi = exactBase(max);
  const b = exactBase(actual);
  const cl = b.cmp(lo);
  const ch = b.cmp(hi);
  const pass = (t.minInclusive ? cl >= 0 : cl > 0) && (t.maxInclusive ? ch <= 0 : ch < 0);
  return {
    status: pass ? 'pass' : 'fail',
    reason: pass ? null : spec('OUTSIDE_RANGE', { actual, min, max }),
    assumedUnit,
    actual,
    margin: outside(b, lo, hi),
    completion: null,
    scoring: { kind: 'window', rule: 'range', lo, hi, loInclusive: t.minInclusive, hiInclusive: t.maxInclusive, b },
  };
}
