import { IndicatorError } from '../errors.js';
import { exactBase, exactValue, makeQuantity } from '../model/quantity.js';
import type { Direction, Quantity, TrendTarget } from '../model/types.js';
import { resolveUnit } from '../model/units.js';
import { plain } from '../numbers/decimal.js';
import { Rational } from '../numbers/rational.js';
import { parseTargetValue } from '../parse/parse.js';
import { TREND_ACTUAL_SUFFIXES } from '../vocab/achievement.js';
import { readActual, textQuantity, unitless, type Read } from './actual.js';
import { align, isPoints, isRelativeRatio, readInUnitOf } from './align.js';
import { BAND, banded, early, judgingWord, kindMismatch, notMet, passed, sharedKinds, term, unitMismatch, unparseable, unrecognised, judgedAs } from './common.js';
import { readDate } from './dates.js';
import { roundHalfUp } from './exact.js';
import type { Settings } from './options.js';
import { detail, show, spec, type Detail } from './reason.js';
import type { Outcome } from './verdict.js';
import { stripAchieved, stripNegation, wordClass } from './words.js';

/**
 * Targets of change (contract.md): they need `{ value, baseline }`, or an actual that
 * says the change (`已提高`, `较上年提高3个百分点`). Up passes when value > baseline and by
 * at least `amount` when given (`%` relative to the baseline, `个百分点` and other units
 * absolute); down mirrors it; steady passes when equal. An amount with `≤`
 * (`增长不超过5%`) is a cap on the change in that direction, so a change the other way
 * meets it too.
 *
 * A steady target with an amount (`保持95%`, `保持95%以上`, `维持5%以内`) names the level to
 * keep, not a change: the value must reach it (`≥`/`≤` as written, else `=` read as
 * reached), and no baseline is needed.
 */

type AmountKind = { kind: 'relative' } | { kind: 'absolute'; dimension: string; base: string };

function amountKind(q: Quantity): AmountKind {
  if (isRelativeRatio(q)) return { kind: 'relative' };
  return { kind: 'absolute', dimension: q.dimension, base: q.base.unit };
}

function sameAmountKind(a: Quantity, b: Quantity): boolean {
  const x = amountKind(a);
  const y = amountKind(b);
  if (x.kind === 'relative' || y.kind === 'relative') return x.kind === y.kind;
  return y.kind === 'absolute' && x.dimension === y.dimension && x.base === y.base;
}


function needsBaseline(detail: Detail, actual: Outcome['actual']): Outcome {
  return { status: 'unknown', reason: spec('NEEDS_BASELINE', { detail }), actual, scoring: null };
}


/** A change stated in words: direction, amount, and whether it was negated (`未提高`). */
interface StatedChange { readonly direction: Direction; readonly amount: Quantity | null; readonly negated: boolean }

/** The change `text` states (negated, when a negation was split off before it), or null. */
function asTrend(text: string, s: Settings, negated: boolean): StatedChange | null {
  let body = stripAchieved(text);
  for (const suffix of TREND_ACTUAL_SUFFIXES) {
    if (body.endsWith(suffix) && body.length > suffix.length) { body = body.slice(0, -suffix.length); break; }
  }
  const t = parseTargetValue(body, s.parse, s.engine);
  return !(t instanceof IndicatorError) && t.kind === 'trend' && t.label === null ? { direction: t.direction, amount: t.amount, negated } : null;
}

function statedChange(text: string, s: Settings): StatedChange | null {
  // `不断提高` is a modifier and a trend word, `未提高` a negation: the whole text is tried first.
  const rest = stripNegation(text);
  return asTrend(text, s, false) ?? (rest === null ? null : asTrend(rest, s, true));
}

function wordsOutcome(t: TrendTarget, c: StatedChange, shown: string, s: Settings): Outcome {
  const actual = term(shown);
  const target = t.text;
  if (c.negated) {
    return c.direction === t.direction ? notMet(actual, shown) : unrecognised(actual, shown, target);
  }
  if (c.direction !== t.direction) {
    return banded('fail', spec('TREND_NOT_MET', { change: detail(c.direction), target }), actual);
  }
  if (t.amount === null) return passed(actual);
  let said = c.amount;
  // `增加120` for `增加100人`: a plain number is in the target's unit (never for a relative %).
  if (said !== null && amountKind(t.amount).kind === 'absolute' && said.dimension === 'number' && t.amount.dimension !== 'number') {
    said = readInUnitOf(said, t.amount, s.units) ?? said;
  }
  if (said === null || !sameAmountKind(said, t.amount)) {
    return needsBaseline(detail('changeAskedFor', { amount: show(t.amount) }), actual);
  }
  const got = exactBase(said);
  const want = exactBase(t.amount);
  const cap = t.amountOp === '<=';
  const ok = cap ? got.cmp(want) <= 0 : got.cmp(want) >= 0;
  if (ok) return passed(actual);
  return banded('fail', spec(cap ? 'AMOUNT_EXCEEDED' : 'AMOUNT_NOT_MET', { change: show(said), required: show(t.amount) }), actual);
}

/** One side of `{ value, baseline }` as a quantity, or why it is not one. */
function sideQuantity(raw: unknown, s: Settings): { q: Quantity } | { read: Read; error: Detail | null } {
  const read = readActual(raw, s);
  if (read.kind === 'quantity') return { q: read.q };
  if (read.kind === 'text') {
    if (wordClass(read.text) === 'none') return { q: unitless(Rational.ZERO, s) };
    const parsed = textQuantity(read.raw, s);
    if ('q' in parsed) return { q: parsed.q };
    return { read, error: parsed.error };
  }
  return { read, error: null };
}

const PERCENT = (s: Settings): Quantity => makeQuantity(Rational.ONE, '%', resolveUnit('%', s.units));

function pairOutcome(t: TrendTarget, rawValue: unknown, rawBaseline: unknown, s: Settings): Outcome {
  const vs = sideQuantity(rawValue, s);
  if ('read' in vs) {
    return early(vs.read) ?? unparseable(vs.read, vs.error ?? '');
  }
  const bs = sideQuantity(rawBaseline, s);
  if ('read' in bs) {
    if (bs.read.kind === 'missing') return needsBaseline(detail('baselineMissing'), vs.q);
    return early(bs.read) ?? unparseable(bs.read, bs.error ?? '');
  }
  let v = vs.q;
  let b = bs.q;
  let assumedUnit: string | null = null;
  const amount = t.amount;
  // Plain numbers for a change in points or in a unit are read in that unit (`80`, `85` for `提高2个百分点`).
  if (v.dimension === 'number' && b.dimension === 'number' && amount && amountKind(amount).kind === 'absolute' && amount.dimension !== 'number') {
    const unitOf = isPoints(amount) ? PERCENT(s) : amount;
    const v2 = readInUnitOf(v, unitOf, s.units);
    const b2 = readInUnitOf(b, unitOf, s.units);
    if (v2 && b2) { v = v2; b = b2; assumedUnit = v2.unit; }
  }
  const al = align(b, v, s.units);
  if (!al.ok) return unitMismatch(b, v, 'baseline', 'actual');
  v = al.actual;
  b = al.target;
  assumedUnit = al.assumedUnit ?? assumedUnit;
  const actual = Object.freeze({ value: v, baseline: b });
  const vr = exactBase(v);
  const br = exactBase(b);
  let required = Rational.ZERO;
  if (amount) {
    if (amountKind(amount).kind === 'relative') {
      required = br.abs().times(exactBase(amount));
    } else {
      const am = align(v, amount, s.units);
      if (!am.ok) return judgedAs(unitMismatch(amount, v, 'amount', 'actual'), null, null, null, actual, null);
      required = exactBase(am.actual);
    }
  }
  const diff = vr.minus(br);
  const change = t.direction === 'up' ? diff : t.direction === 'down' ? diff.neg() : diff.abs();
  const bound = t.direction === 'up' ? br.plus(required) : t.direction === 'down' ? br.minus(required) : br;
  const cap = t.amountOp === '<=';
  let status: 'pass' | 'fail';
  let code: 'TREND_NOT_MET' | 'AMOUNT_NOT_MET' | 'AMOUNT_EXCEEDED' = 'TREND_NOT_MET';
  if (cap) {
    status = change.cmp(required) <= 0 ? 'pass' : 'fail';
    code = 'AMOUNT_EXCEEDED';
  } else if (t.direction === 'steady') {
    status = diff.isZero() ? 'pass' : 'fail';
  } else if (change.sign() <= 0) {
    status = 'fail';
  } else {
    status = change.cmp(required) >= 0 ? 'pass' : 'fail';
    code = 'AMOUNT_NOT_MET';
  }
  const changeText = amount === null || code === 'TREND_NOT_MET'
    ? `${show(b)} → ${show(v)}`
    : describeChange(change, br, amount);
  return {
    status,
    reason: status === 'pass' ? null
      : spec(code, { change: changeText, required: amount ? show(amount) : '', target: t.text }),
    assumedUnit,
    actual,
    margin: vr.minus(bound),
    completion: null,
    scoring: BAND,
  };
}

/** The change in the amount's own terms, for messages: `3.5%` of the baseline, `1.5个百分点`. */
function describeChange(change: Rational, baseline: Rational, amount: Quantity): string {
  if (amountKind(amount).kind === 'relative') {
    if (baseline.isZero()) return '—';
    return `${plain(roundHalfUp(change.div(baseline.abs()).times(Rational.of('100')), 2))}%`;
  }
  const factor = exactValue(amount).isZero() ? null : exactBase(amount).div(exactValue(amount));
  if (factor === null || factor.isZero()) return plain(change.toDecimal());
  return `${plain(roundHalfUp(change.div(factor), 4))}${amount.unit}`;
}

const OP_TEXT = { '>=': '≥', '<=': '≤' } as const;

/** `保持95%以上`: the value against the level, by the op written with it (else reached). */
function levelOutcome(t: TrendTarget, amount: Quantity, q: Quantity, s: Settings): Outcome {
  const al = align(amount, q, s.units);
  if (!al.ok) return unitMismatch(q, amount);
  const a = exactBase(al.target);
  const b = exactBase(al.actual);
  const op = t.amountOp ?? (a.sign() > 0 ? '>=' : '<=');
  const pass = op === '>=' ? b.cmp(a) >= 0 : b.cmp(a) <= 0;
  return {
    status: pass ? 'pass' : 'fail',
    reason: pass ? null : spec(op === '>=' ? 'BELOW_TARGET' : 'ABOVE_TARGET', { actual: al.actual, op: OP_TEXT[op], target: al.target }),
    assumedUnit: al.assumedUnit,
    actual: al.actual,
    margin: b.minus(a),
    completion: null,
    scoring: BAND,
  };
}

/** A steady target with its level (`amount`, the target's own): see levelOutcome. */
function evaluateLevel(t: TrendTarget, amount: Quantity, read: Read, s: Settings, depth: number): Outcome {
  const shared = sharedKinds(read, t, depth, 1);
  if (shared !== null) return 'entry' in shared ? evaluateTrend(t, readActual(shared.entry, s), s, depth + 1) : shared;
  switch (read.kind) {
    case 'quantity':
      return levelOutcome(t, amount, read.q, s);
    case 'pair': {
      const v = sideQuantity(read.value, s);
      if ('read' in v) return early(v.read) ?? unparseable(v.read, v.error ?? '');
      return levelOutcome(t, amount, v.q, s);
    }
    case 'text': {
      const word = judgingWord(read);
      if (word) return word;
      const parsed = textQuantity(read.raw, s);
      if ('q' in parsed) return levelOutcome(t, amount, parsed.q, s);
      const date = readDate(read.text, s);
      if (date) return kindMismatch(t, 'date', read.shown, date);
      // `持平` says nothing of the level.
      return unrecognised(term(read.shown), read.shown, t.text);
    }
    default:
      return unparseable(read);
  }
}

export function evaluateTrend(t: TrendTarget, read: Read, s: Settings, depth = 0): Outcome {
  const e = early(read);
  if (e) return e;
  if (t.direction === 'steady' && t.amount !== null) return evaluateLevel(t, t.amount, read, s, depth);
  const shared = sharedKinds(read, t, depth, 1);
  if (shared !== null) return 'entry' in shared ? evaluateTrend(t, readActual(shared.entry, s), s, depth + 1) : shared;
  switch (read.kind) {
    case 'pair':
      return pairOutcome(t, read.value, read.baseline, s);
    case 'quantity':
      return needsBaseline(detail('onlyOneValue'), read.q);
    case 'text':
      break;
    default:
      return unparseable(read);
  }
  const word = judgingWord(read);
  if (word) return word;
  const stated = statedChange(read.text, s);
  if (stated) return wordsOutcome(t, stated, read.shown, s);
  const parsed = textQuantity(read.raw, s);
  if ('q' in parsed) return needsBaseline(detail('onlyOneValue'), parsed.q);
  const date = readDate(read.text, s);
  if (date) return kindMismatch(t, 'date', read.shown, date);
  return unrecognised(term(read.shown), read.shown, t.text);
}
