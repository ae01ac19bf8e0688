import { IndicatorError, type ErrorCode } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { daysIn } from '../model/calendar.js';
import { format } from '../model/format.js';
import type { Rational } from '../numbers/rational.js';
import { baseSign, exactBase, exactValue, heldBaseOrder, isHeldQuantity, makeQuantity, makeQuantityOnRead } from '../model/quantity.js';
import { resolveUnit, splitAtom } from '../model/units.js';
import type { DateParts, DeadlineTarget, PeriodTarget, Quantity, Target } from '../model/types.js';
import { originalSpan, type CleanText } from '../text/clean.js';
import type { UnitTable } from '../vocab/units.js';
import { DEADLINE_POSTFIX, RESULT_STATE_WORDS, STRICTNESS_NOTES, type Op } from '../vocab/words.js';
import type { LexDate, Note, Token } from './lexer.js';
import type { RawQuantity, RawSegment } from './grammar.js';
import { gradeScale } from './scale.js';
import * as T from './tokens.js';

/** What build needs besides the segments. */
export interface BuildContext {
  readonly ct: CleanText;
  readonly units: UnitTable;
  readonly locale: Locale;
  readonly year: number | null;
  readonly notes: readonly Note[];
  /** Receives, for a cell of several parts, each part's target and its span in the original text (the shape cache plans parts by them). */
  readonly parts?: { offset: number; length: number; target: Target }[];
  /**
   * Marked when the build takes a decision on numbers' values (a range's order, whether
   * A±B is empty): until then, what it made or which error it stopped at is the same for every text
   * of the cell's shape (shape-cache.ts plans such errors). Dates are left unmarked: their
   * scan has read their values already.
   */
  readonly reads?: { valueRead: boolean; ends?: RangeRead };
}

/**
 * A range's ends as the build compared them, when that was its first decision on numbers'
 * values (BuildContext.reads): the number tokens of the ends, the unit each end was read in
 * (a unit written once applies to both), and the tokens the range's error spans. A text of
 * the cell's shape reaches the same comparison with its own numbers in the same units
 * (rebuild-plans.ts).
 */
export interface RangeRead {
  readonly min: Token;
  readonly max: Token;
  readonly minUnit: string;
  readonly maxUnit: string;
  readonly from: Token;
  readonly to: Token;
}

/** Notes a decision on a number's value (BuildContext.reads). */
function valueRead(cx: BuildContext): void {
  if (cx.reads !== undefined) cx.reads.valueRead = true;
}

const NEGATION_OR_DONE = new Set(RESULT_STATE_WORDS);

/**
 * Turns the parser's raw segments into a Target: ops, units, dates, labels and notes; or the
 * error of a cell whose parts contradict each other or whose values cannot be a target
 * (`≥95%以下`, `90%-85%`). The error is returned, not thrown: the build's callers are the
 * parse and the plans that run it again on a text's fresh digits, which give the error to
 * the caller or keep it, and a cell of a shape seen failing costs then what a planned
 * success costs.
 */
export function buildTarget(segments: readonly RawSegment[], cx: BuildContext): Target | IndicatorError {
  const { ct } = cx;
  // A cell whose every part is a term is one term (`健全，有效` is kept as written).
  if (segments.every((s) => s.kind === 'qualitative')) {
    const term = ct.text.slice(segments[0]!.first.startOffset, segments[segments.length - 1]!.last.endOffset + 1);
    return qualitative(term, ct.original, cx.notes.map((n) => n.text));
  }
  const notesFor = assignNotes(segments, cx.notes, ct.text);
  if (segments.length === 1) return segmentTarget(segments[0]!, ct.original, notesFor[0]!, cx);
  const parts: Target[] = [];
  for (const [i, s] of segments.entries()) {
    const a = Math.min(s.first.startOffset, ...notesFor[i]!.map((n) => n.start));
    const b = Math.max(s.last.endOffset + 1, ...notesFor[i]!.map((n) => n.end));
    const span = originalSpan(ct, a, b);
    const target = segmentTarget(s, ct.original.slice(span.offset, span.offset + span.length), notesFor[i]!, cx);
    // The first part that fails is the cell's error.
    if (target instanceof Error) return target;
    cx.parts?.push({ ...span, target });
    parts.push(target);
  }
  return joinParts(parts, ct.original);
}

/**
 * The target of a cell of several parts, from its parts' targets. A target written twice
 * (`≥90%\n≥90%`, as some exports repeat a cell's line) is one target: its verdict is the
 * same, and it keeps its op, margin and completion. Compared in canonical text; but since
 * canonical text reads back as the target it was written from (contract.md: `format`
 * round-trips up to `text`), two parts that differ in kind, op, label, note or a quantity's
 * unit or value never write the same (`≥85%且≤90%`, `受益户数≥200户,受益脱贫户数≥15户`,
 * `102<br>120`), and two that are the same in every field but `text`, which canonical text
 * leaves out, always do (`≥90%<br>≥90%`): only parts between the two are written out.
 */
export function joinParts(parts: readonly Target[], original: string): Target {
  const distinct: Target[] = [];
  for (const p of parts) {
    let again = false;
    for (let k = 0; k < distinct.length && !again; k++) again = writtenAlike(p, distinct[k]!);
    if (!again) distinct.push(p);
  }
  if (distinct.length === 1) return freeze({ ...distinct[0]!, text: original });
  return freeze({ kind: 'all', targets: Object.freeze(distinct), text: original, label: null, note: null });
}

/** Whether two parts write the same canonical text (see joinParts): written out only when their fields cannot tell. */
function writtenAlike(a: Target, b: Target): boolean {
  return mayWriteAlike(a, b) && (sameButText(a, b) || format(a) === format(b));
}

/** False when the parts differ in a field canonical text reads back: kind, op, label, note, a quantity's unit or value. */
function mayWriteAlike(a: Target, b: Target): boolean {
  if (a.kind !== b.kind || a.label !== b.label || a.note !== b.note) return false;
  switch (a.kind) {
    case 'compare': return a.op === (b as typeof a).op && mayBeEqual(a.quantity, (b as typeof a).quantity);
    case 'approx': return mayBeEqual(a.quantity, (b as typeof a).quantity);
    case 'range': return mayBeEqual(a.min, (b as typeof a).min) && mayBeEqual(a.max, (b as typeof a).max);
    default: return true;
  }
}

/** False when two quantities differ in unit, or in value where their order is read without arithmetic (heldBaseOrder). */
function mayBeEqual(x: Quantity, y: Quantity): boolean {
  return x.unit === y.unit && (heldBaseOrder(x, y) ?? 0) === 0;
}

/**
 * True when the parts are the same in every field but `text` (each field the same string,
 * flag or list of words, each quantity of the same unit and value): they write the same.
 * False when that is not known without writing them.
 */
function sameButText(a: Target, b: Target): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]!;
    if (k !== kb[i]) return false;
    if (k === 'text') continue;
    const x = (a as unknown as Record<string, unknown>)[k];
    const y = (b as unknown as Record<string, unknown>)[k];
    if (x === y) continue;
    if (isHeldQuantity(x) && isHeldQuantity(y)) {
      if (x.unit !== y.unit || x.dimension !== y.dimension || x.known !== y.known || x.exact !== y.exact || heldBaseOrder(x, y) !== 0) return false;
    } else if (!(Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((w, j) => typeof w === 'string' && w === y[j]))) {
      // Else a list of the same words (a part's modifiers), or not known to be the same.
      return false;
    }
  }
  return true;
}

/**
 * A note belongs to the nearest segment before it (or the first one); but a note written after
 * the separator, before the next segment (`≤79；(元)0.5`), belongs to that next one.
 */
function assignNotes(segments: readonly RawSegment[], notes: readonly Note[], text: string): Note[][] {
  const out: Note[][] = segments.map(() => []);
  // Notes in one gap between two segments are in order: once one is past the separator, so are
  // those after it. Each stretch of text is looked at once.
  let gap = -1;
  let from = 0;
  let past = false;
  for (const n of notes) {
    let k = 0;
    for (let i = 0; i < segments.length; i++) if (segments[i]!.first.startOffset < n.start) k = i;
    const next = segments[k + 1];
    const end = segments[k]!.last.endOffset + 1;
    if (next !== undefined && n.start >= end && n.end <= next.first.startOffset) {
      if (gap !== k) { gap = k; from = end; past = false; }
      past ||= /\S/.test(text.slice(from, n.start));
      from = n.end;
      if (past) k++;
    }
    out[k]!.push(n);
  }
  return out;
}

function freeze<T extends object>(o: T): T {
  return Object.freeze(o);
}

function qualitative(term: string, text: string, notes: string[], label: string | null = null): Target {
  const note = notes.length ? notes.join('；') : null;
  const scale = gradeScale(term);
  if (scale !== null) return freeze({ kind: 'qualitative', term, scale, text, label, note });
  return freeze({ kind: 'qualitative', term, text, label, note });
}

/**
 * The build's error from token `a` to token `b`. Each step of the build gives it back as its
 * value, and the step that called it returns it in turn (a check that finds nothing wrong
 * gives undefined): the first check that fails decides the cell's error, as it always has.
 */
function fail(cx: BuildContext, code: ErrorCode, a: Token, b: Token, details: Record<string, string | number> = {}): IndicatorError {
  return tokenError(cx.ct, cx.locale, code, a, b, details);
}

function tokenError(ct: CleanText, locale: Locale, code: ErrorCode, a: Token, b: Token, details: Record<string, string | number>): IndicatorError {
  return new IndicatorError(code, originalSpan(ct, a.startOffset, b.endOffset + 1), ct.original, details, locale);
}

/**
 * EMPTY_RANGE, spanning the tokens `a` to `b`, when a range's ends are out of order; else
 * undefined. The build's decision on a range's ends, which rebuild plans take again on a
 * text's own numbers.
 */
export function emptyRange(ct: CleanText, locale: Locale, a: Token, b: Token, min: Quantity, max: Quantity): IndicatorError | undefined {
  if (!endsOutOfOrder(min, max)) return undefined;
  return tokenError(ct, locale, 'EMPTY_RANGE', a, b, { min: `${min.value.toFixed()}${min.unit}`, max: `${max.value.toFixed()}${max.unit}` });
}

/** `满意度：` → `满意度`. A loop, not `/[:：\s]+$/`, which is quadratic on long runs of colons. */
function trimLabel(s: string): string {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ':' || s[end - 1] === '：' || s[end - 1] === ' ')) end--;
  return s.slice(0, end);
}

function segmentTarget(seg: RawSegment, text: string, notes: Note[], cx: BuildContext): Target | IndicatorError {
  const label = seg.label ? trimLabel(seg.label.image) || null : null;
  const note = notesOf(seg, notes, cx);
  if (note instanceof Error) return note;
  const modifiers = Object.freeze(seg.pre.map((t) => t.image));
  const base = { text, label, note };
  switch (seg.kind) {
    case 'qualitative': {
      const term = cx.ct.text.slice(seg.first.startOffset, seg.last.endOffset + 1);
      return qualitative(term, text, notes.map((n) => n.text));
    }
    case 'value': return valueTarget(seg, base, modifiers, cx);
    case 'plusMinus': {
      // ±3%以内 is the band from −3% to 3%.
      const q = quantity(seg.q, cx);
      const conflict = checkPost(seg.post, null, cx);
      if (conflict !== undefined) return conflict;
      const neg = quantity(seg.q, cx, undefined, true);
      // A decision on the number's value (its sign, today written in the shape; marked all the same).
      valueRead(cx);
      if (q.value.isNegative()) return fail(cx, 'EMPTY_RANGE', seg.sign, seg.last, { min: q.value.toFixed(), max: neg.value.toFixed() });
      return freeze({ kind: 'range', min: neg, max: q, minInclusive: true, maxInclusive: true, ...base, modifiers });
    }
    case 'range': {
      const ends = rangeEnds(seg.q1, seg.q2, seg.open, seg.last, cx);
      if (ends instanceof Error) return ends;
      const [min, max] = ends;
      return freeze({ kind: 'range', min, max, minInclusive: true, maxInclusive: true, ...base, modifiers });
    }
    case 'trend': {
      // 未提高 / 已提高 state a result, not a target of change: keep them as terms.
      if (label !== null && NEGATION_OR_DONE.has(label)) return qualitative(cx.ct.text.slice(seg.first.startOffset, seg.last.endOffset + 1), text, notes.map((n) => n.text));
      const amount = seg.amount ? quantity(seg.amount, cx) : null;
      let amountOp: '>=' | '<=' | null = null;
      const after = seg.amountOp?.op ?? postOp(seg.post, cx);
      if (after instanceof Error) return after;
      const written = after;
      if (written === '>=' || written === '>') amountOp = '>=';
      else if (written === '<=' || written === '<') amountOp = '<=';
      return freeze({
        kind: 'trend', direction: seg.trend.direction!, modifiers, amount, amountOp, ...base,
      });
    }
    case 'dates': return dateTarget(seg, base, modifiers, cx);
  }
}

/**
 * Words after a quantity are its note only where they cannot change what it means: they
 * start with a letter (not a sign, `≥90%@`, nor the rest of a unit, `3次/台机/年`), not with a
 * deadline word (`每月25日前发布…`, a date the grammar did not read) nor a rate word (`3次每年`
 * is 3 次/年, forms.md §3, not 3 次 with a note), and they follow a
 * quantity whose unit is known or a count (`11月份完成验收`, `6点半前到达` are no amounts;
 * `2/基本持平` has a unit cut short).
 * Otherwise the cell stays an error at the first of them, as before words were allowed there.
 */
function checkAfterWords(seg: Extract<RawSegment, { kind: 'value' }>, cx: BuildContext): IndicatorError | undefined {
  const q = seg.q2 ?? seg.q1;
  const after = seg.aside.filter((t) => t.startOffset > q.num.startOffset);
  const first = after[0];
  if (first === undefined) return undefined;
  const read = quantity(q, cx);
  const bad = !/^\p{L}/u.test(first.image) || DEADLINE_POSTFIX.some((w) => first.image.startsWith(w)) || first.image.startsWith('每')
    || (!read.known && read.dimension !== 'count') || read.unit.endsWith('/');
  return bad ? fail(cx, 'UNEXPECTED_TOKEN', first, first, { found: first.image, expected: '' }) : undefined;
}

/**
 * The note of a segment: its brackets, and the words around its quantity (`每年开展` in
 * `不少于每年开展3次培训`, `达标` in `100%达标`), each a note of its own, in the order written.
 */
function notesOf(seg: RawSegment, notes: readonly Note[], cx: BuildContext): string | null | IndicatorError {
  const all: { text: string; start: number }[] = notes.map((n) => ({ text: n.text, start: n.start }));
  if (seg.kind === 'value') {
    // Adjacent words are one note: `每年开展` is a modifier and a text token.
    let run: Token[] = [];
    const flush = (): IndicatorError | undefined => {
      if (run.length === 0) return undefined;
      const text = cx.ct.text.slice(run[0]!.startOffset, run[run.length - 1]!.endOffset + 1);
      // `（不包含）` in brackets makes a bound strict: written bare, such a word is no note either.
      if (STRICTNESS_NOTES.has(text)) return fail(cx, 'UNEXPECTED_TOKEN', run[0]!, run[run.length - 1]!, { found: text, expected: '' });
      all.push({ text, start: run[0]!.startOffset });
      run = [];
      return undefined;
    };
    const after = checkAfterWords(seg, cx);
    if (after !== undefined) return after;
    for (const t of seg.aside) {
      const prev = run[run.length - 1];
      if (prev !== undefined && !/^ *$/.test(cx.ct.text.slice(prev.endOffset + 1, t.startOffset))) {
        const bare = flush();
        if (bare !== undefined) return bare;
      }
      run.push(t);
    }
    const bare = flush();
    if (bare !== undefined) return bare;
  }
  if (all.length === 0) return null;
  return all.sort((a, b) => a.start - b.start).map((n) => n.text).join('；');
}

function quantity(rq: RawQuantity, cx: BuildContext, unitOverride?: string, negate = false): Quantity {
  const value = negate ? rq.num.value!.neg() : rq.num.value!;
  const unit = unitOverride ?? writtenUnit(rq);
  return makeQuantity(value, unit, resolveUnit(unit, cx.units));
}

/**
 * The centre and deviation of A±B, each read by `read` (the build reads a token's number; the
 * shape cache a text's own digits): 2±0.5万元, the unit written once applies to both numbers.
 */
export function plusMinusParts(q1: RawQuantity, q2: RawQuantity, read: (rq: RawQuantity, unit?: string) => Quantity): [Quantity, Quantity] {
  // A quantity's unit is the one written (writtenUnit): each number is read once, in its unit.
  const u1 = writtenUnit(q1);
  const u2 = writtenUnit(q2);
  if (u2 === '' && u1 !== '') return [read(q1), read(q2, u1)];
  if (u1 === '' && u2 !== '') return [read(q1, u2), read(q2)];
  return [read(q1), read(q2)];
}

/**
 * A±B is the range A − B … A + B, in A's unit; empty when B is negative (then A − B is above
 * A + B: every unit's factor is positive, so B's base value has B's sign). Both in one unit
 * (`95±5%`, `2±0.5万元`): the ends are A's and B's values summed, the same numbers as their
 * base values summed and divided by the unit's factor.
 *
 * `decimals`: both numbers are decimals (written with digits, not `三分之一` or `半`), so
 * that each end in one unit is a decimal too. Such ends are made as a range's ends are, as
 * numbers read when first needed: a table that only checks its targets never sums them, and
 * whoever reads an end gets the same sum.
 */
export function plusMinusEnds(centre: Quantity, dev: Quantity, units: UnitTable, decimals: boolean): { min: Quantity; max: Quantity; empty: boolean } {
  const r = resolveUnit(centre.unit, units);
  const empty = baseSign(dev) < 0;
  if (dev.unit === centre.unit) {
    const lo = (): Rational => exactValue(centre).minus(exactValue(dev));
    const hi = (): Rational => exactValue(centre).plus(exactValue(dev));
    if (decimals) return { min: makeQuantityOnRead(lo, centre.unit, r), max: makeQuantityOnRead(hi, centre.unit, r), empty };
    return { min: makeQuantity(lo(), centre.unit, r), max: makeQuantity(hi(), centre.unit, r), empty };
  }
  const a = exactBase(centre);
  const b = exactBase(dev);
  return { min: makeQuantity(a.minus(b).div(r.factor), centre.unit, r), max: makeQuantity(a.plus(b).div(r.factor), centre.unit, r), empty };
}

/**
 * Whether a range's ends are out of order (the build's EMPTY_RANGE): their base values
 * compared, from the numbers as written where both have one (heldBaseOrder).
 */
export function endsOutOfOrder(min: Quantity, max: Quantity): boolean {
  const order = heldBaseOrder(min, max);
  return order === undefined ? exactBase(min).cmp(exactBase(max)) > 0 : order < 0;
}

/** The unit of a raw quantity as written: a spelled ratio's (百分之), its unit's, or none. */
export function writtenUnit(rq: RawQuantity): string {
  return rq.percentOf ? rq.percentOf.unit! : rq.unit ? rq.unit.unit! : '';
}

/** `85到90%`, `3-5个工作日`: a unit written once applies to both ends. */
function rangeEnds(q1: RawQuantity, q2: RawQuantity, a: Token, b: Token, cx: BuildContext): [Quantity, Quantity] | IndicatorError {
  let max = quantity(q2, cx);
  let min = quantity(q1, cx);
  if (min.unit === '' && max.unit !== '') min = quantity(q1, cx, max.unit);
  else if (min.dimension === 'number' && max.dimension !== 'number' && max.unit !== '') {
    // 5千-1万元: the first end's magnitude with the second end's unit.
    const atom = splitAtom(max.unit, cx.units);
    min = quantity(q1, cx, min.unit + atom.unit);
  } else if (max.unit === '' && min.unit !== '') max = quantity(q2, cx, min.unit);
  if (min.dimension !== max.dimension || min.base.unit !== max.base.unit) {
    return fail(cx, 'MIXED_DIMENSIONS', a, b, { a: min.unit || min.value.toString(), b: max.unit || max.value.toString() });
  }
  if (cx.reads !== undefined && !cx.reads.valueRead) cx.reads.ends = { min: q1.num, max: q2.num, minUnit: min.unit, maxUnit: max.unit, from: a, to: b };
  valueRead(cx);
  return emptyRange(cx.ct, cx.locale, a, b, min, max) ?? [min, max];
}

/** The op given by words after the number, with `（不含）`/`（含）` applied; conflicts are errors. */
function postOp(post: readonly Token[], cx: BuildContext): Op | null | IndicatorError {
  let op: Op | null = null;
  let strict: boolean | null = null;
  let opTok: Token | null = null;
  for (const t of post) {
    if (t.tokenType === T.Strictness) { strict = t.strict!; continue; }
    if (t.tokenType === T.ApproxPost) continue;
    if (op !== null && op !== t.op) return fail(cx, 'CONFLICTING_OPS', t, t, { first: opTok!.image, second: t.image });
    op = t.op!;
    opTok = t;
  }
  if (op !== null && strict === true) op = op === '>=' ? '>' : op === '<=' ? '<' : op;
  return op;
}

function checkPost(post: readonly Token[], prefix: Token | null, cx: BuildContext): IndicatorError | undefined {
  const approx = post.find((t) => t.tokenType === T.ApproxPost);
  const op = post.find((t) => t.tokenType === T.PostGe);
  if (approx && (op || prefix)) return fail(cx, 'CONFLICTING_OPS', approx, approx, { first: (op ?? prefix)!.image, second: approx.image });
  if (op) return fail(cx, 'CONFLICTING_OPS', op, op, { first: '±', second: op.image });
  return undefined;
}

const DIRECTION: Record<Op, number> = { '>=': 1, '>': 1, '<=': -1, '<': -1, '=': 0, '!=': 2 };

function valueTarget(
  seg: Extract<RawSegment, { kind: 'value' }>,
  base: { text: string; label: string | null; note: string | null },
  modifiers: readonly string[],
  cx: BuildContext,
): Target | IndicatorError {
  const prefix = seg.op;
  const approxPost = seg.post.find((t) => t.tokenType === T.ApproxPost) ?? null;
  const post = postOp(seg.post, cx);
  if (post instanceof Error) return post;

  if (seg.q2 && seg.join) {
    if (seg.join.tokenType === T.PlusMinus) {
      const [centre, dev] = plusMinusParts(seg.q1, seg.q2!, (rq, unit) => quantity(rq, cx, unit));
      if (dev.base.unit !== centre.base.unit) return fail(cx, 'MIXED_DIMENSIONS', seg.first, seg.last, { a: centre.unit, b: dev.unit });
      const { min, max, empty } = plusMinusEnds(centre, dev, cx.units, seg.q1.num.value!.isWhole() && seg.q2.num.value!.isWhole());
      valueRead(cx);
      if (empty) return fail(cx, 'EMPTY_RANGE', seg.first, seg.last, { min: min.value.toFixed(), max: max.value.toFixed() });
      return freeze({ kind: 'range', min, max, minInclusive: true, maxInclusive: true, ...base, modifiers });
    }
    if (prefix) return fail(cx, 'CONFLICTING_OPS', prefix, seg.join, { first: prefix.image, second: seg.join.image });
    if (approxPost) return fail(cx, 'CONFLICTING_OPS', approxPost, approxPost, { first: seg.join.image, second: approxPost.image });
    const ends = rangeEnds(seg.q1, seg.q2, seg.first, seg.last, cx);
    if (ends instanceof Error) return ends;
    const [min, max] = ends;
    return freeze({ kind: 'range', min, max, minInclusive: true, maxInclusive: true, ...base, modifiers });
  }

  const q = quantity(seg.q1, cx);
  const approxPre = prefix?.tokenType === T.ApproxPre;
  if (approxPost || approxPre) {
    // 控制在90%左右 is ≈; any other comparator with 左右 contradicts it.
    if (prefix && !approxPre && prefix.image !== '控制在') {
      return fail(cx, 'CONFLICTING_OPS', approxPost ?? prefix, approxPost ?? prefix, { first: prefix.image, second: (approxPost ?? prefix).image });
    }
    if (post !== null) {
      const t = seg.post.find((x) => x.tokenType === T.PostGe || x.tokenType === T.PostLe)!;
      return fail(cx, 'CONFLICTING_OPS', t, t, { first: (approxPost ?? prefix)!.image, second: t.image });
    }
    return freeze({ kind: 'approx', quantity: q, ...base, modifiers });
  }

  let op: Op;
  let implicit = false;
  if (prefix && post) {
    const pd = DIRECTION[prefix.op!];
    const qd = DIRECTION[post];
    const second = seg.post.find((x) => x.tokenType === T.PostGe || x.tokenType === T.PostLe)!;
    // ≥95%以上 repeats itself; =95%以上 reads as ≥; ≥95%以下 contradicts.
    if (pd === 0) op = post;
    else if (pd === qd) op = prefix.op === '>' || prefix.op === '<' ? prefix.op : post;
    else return fail(cx, 'CONFLICTING_OPS', second, second, { first: prefix.image, second: second.image });
  } else if (prefix) {
    op = prefix.op!;
    // 控制在 before a bound is ≤; kept explicit so the grammar stays symmetric.
  } else if (post) {
    op = post;
  } else {
    op = '=';
    implicit = true;
  }
  return freeze({ kind: 'compare', op, implicit, quantity: q, ...base, modifiers });
}

function resolveDate(d: LexDate, year: number | null): DateParts {
  const y = d.year ?? year;
  let month = d.month;
  let day = d.day;
  if (d.end) {
    if (month === null) { month = 12; day = 31; }
    else if (day === null) day = daysIn(month, y);
  }
  return Object.freeze({ year: y, month, day });
}

/**
 * The op written before a date (a split op column beside a date cell): `≤`, `<` and `=` say
 * what `前` says (contract.md: a deadline's op is always `<=`; `=` is reached in the better
 * direction, for a date the earlier); any other contradicts the deadline or period.
 */
function checkDateOp(seg: Extract<RawSegment, { kind: 'dates' }>, cx: BuildContext): IndicatorError | undefined {
  const op = seg.op;
  if (op === null) return undefined;
  const deadlineWord = seg.post.some((t) => t.tokenType === T.DeadlinePost);
  // 全年 and 第三季度 are periods (unless a deadline word closes them), as two dates are.
  const period = seg.d2 !== null || ((seg.d1.tokenType === T.WholeYear || seg.d1.tokenType === T.Quarter) && !deadlineWord);
  const fits = period ? op.op === '=' : op.op === '<=' || op.op === '<' || op.op === '=';
  if (fits) return undefined;
  const second = seg.post.find((t) => t.tokenType === T.DeadlinePost) ?? seg.d2 ?? seg.d1;
  return fail(cx, 'CONFLICTING_OPS', op, op, { first: op.image, second: second.image });
}

/**
 * Words after a deadline word or a word of completion (`在2023年6月之前出具报告`,
 * `年终完成支出进度`) say what is due: they join the note. Right after the date, before
 * either, a word is no part of a date target (`2022年度报告`).
 */
function dateWordsNote(seg: Extract<RawSegment, { kind: 'dates' }>, note: string | null, cx: BuildContext): string | null | IndicatorError {
  const k = seg.post.findIndex((t) => t.tokenType === T.Text);
  if (k === -1) return note;
  if (k === 0) return fail(cx, 'UNEXPECTED_TOKEN', seg.post[0]!, seg.post[0]!, { found: seg.post[0]!.image, expected: '' });
  const from = seg.post[k]!;
  const words = cx.ct.text.slice(from.startOffset, seg.last.endOffset + 1);
  return note === null ? words : `${note}；${words}`;
}

function dateTarget(
  seg: Extract<RawSegment, { kind: 'dates' }>,
  base0: { text: string; label: string | null; note: string | null },
  modifiers: readonly string[],
  cx: BuildContext,
): Target | IndicatorError {
  const op = checkDateOp(seg, cx);
  if (op !== undefined) return op;
  const note = dateWordsNote(seg, base0.note, cx);
  if (note instanceof Error) return note;
  const base = { ...base0, note };
  const dates = segmentDates(seg, seg.d1.date ?? null, seg.d2?.date ?? null, cx.year);
  if (dates === null) return fail(cx, 'EMPTY_RANGE', seg.d1, seg.d2!, { min: seg.d1.image, max: seg.d2!.image });
  return datedTarget(dates, base.text, base.label, base.note, modifiers);
}

/** A deadline or a period of `dates`, its fields written out in one order, the order JSON and `Object.keys` show, whether a parse or a date plan makes it. */
export function datedTarget(dates: SegmentDates, text: string, label: string | null, note: string | null, modifiers: readonly string[]): DeadlineTarget | PeriodTarget {
  if ('date' in dates) return freeze({ kind: 'deadline', op: '<=', date: dates.date, text, label, note, modifiers });
  return freeze({ kind: 'period', from: dates.from, to: dates.to, text, label, note, modifiers });
}

/** A deadline's date, or a period's ends. */
export type SegmentDates = { readonly date: DateParts } | { readonly from: DateParts; readonly to: DateParts };

/**
 * The dates of a date segment's target, from the fields `d1` and `d2` of its date tokens
 * (`seg.d1`, `seg.d2`: their types, quarters and the words after them say what the dates
 * are) and the reference year; null for a period whose ends are out of order. Date plans
 * (date-plans.ts) call it with the fields read from a new text's digits.
 */
export function segmentDates(seg: Extract<RawSegment, { kind: 'dates' }>, d1: LexDate | null, d2: LexDate | null, refYear: number | null): SegmentDates | null {
  const t1 = seg.d1;
  if (t1.tokenType === T.WholeYear && !seg.d2) {
    // 全年, 2024年全年: January to December of that year (or of the reference year).
    const year = d1!.year ?? refYear;
    if (seg.post.some((t) => t.tokenType === T.DeadlinePost)) return { date: Object.freeze({ year, month: 12, day: 31 }) };
    return { from: Object.freeze({ year, month: 1, day: null }), to: Object.freeze({ year, month: 12, day: null }) };
  }
  if (t1.tokenType === T.YearEnd) return { date: Object.freeze({ year: refYear, month: 12, day: 31 }) };
  const deadlineWord = seg.post.some((t) => t.tokenType === T.DeadlinePost);
  if (t1.tokenType === T.Quarter && !seg.d2) {
    const q = t1.quarter!;
    const year = d1!.year ?? refYear;
    if (deadlineWord) return { date: Object.freeze({ year, month: q * 3, day: daysIn(q * 3, year) }) };
    return { from: Object.freeze({ year, month: q * 3 - 2, day: null }), to: Object.freeze({ year, month: q * 3, day: null }) };
  }
  if (!seg.d2) return { date: resolveDate(d1!, refYear) };
  const fromLex = t1.tokenType === T.Quarter ? { year: d1!.year, month: t1.quarter! * 3 - 2, day: null, end: false } : d1!;
  const toLex = seg.d2.tokenType === T.Quarter ? { year: d2!.year, month: seg.d2.quarter! * 3, day: null, end: false } : d2!;
  // 2021年1月-12月: the second date takes the first one's year.
  const from = resolveDate(fromLex, refYear);
  const to = resolveDate({ ...toLex, year: toLex.year ?? from.year }, refYear);
  return compareDates(from, to) > 0 ? null : { from, to };
}

function compareDates(a: DateParts, b: DateParts): number {
  const keys = ['year', 'month', 'day'] as const;
  for (const k of keys) {
    const x = a[k], y = b[k];
    if (x === null || y === null) return 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
