import { makeQuantityOfDigits, sameQuantity } from '../model/quantity.js';
import type { ApproxTarget, CompareTarget, Quantity, RangeTarget, Target, TrendTarget } from '../model/types.js';
import { resolveRatio, resolveUnit } from '../model/units.js';
import type { UnitTable } from '../vocab/units.js';
import { isZeroNumeral } from '../numbers/plain-order.js';
import { endsOutOfOrder, joinParts, plusMinusEnds, plusMinusParts, writtenUnit } from './build.js';
import type { RawQuantity, RawSegment } from './grammar.js';
import { foldedNumeral } from './shape.js';

/**
 * Plans of cells of several numbers, for the shape cache (shape-cache.ts, whose header gives
 * the conditions under which a shape is planned at all): cells of several parts (`≥85%且≤90%`,
 * `受益户数≥200户,受益脱贫户数≥15户`, a cell written twice), ranges in brackets (`[85%,90%]`),
 * bands (`±3%以内`), A±B (`95±5%`), ratios written with a colon (`1:0.5`), and trends with an
 * amount (`较上年提高5%`).
 *
 * Each part of such a cell is a comparison, an approximation, a range or a trend's amount of
 * plain numbers (or a term without any), and what the build makes of it depends on the digits' values only
 * through the quantities and a few checks of the build. The plan keeps the parse's answer
 * for every part and, for a new text of the shape, makes each quantity from the text's own
 * digits and runs those checks again by calling the build's own functions:
 * - a range's ends in order (else the text is left to the parse, which makes EMPTY_RANGE);
 * - A±B: its ends computed from both numbers (plusMinusParts, plusMinusEnds); ±A: the bound
 *   and its negation (the numbers are plain, never negative: neither is ever empty);
 * - a ratio's divisor not zero (isZeroNumeral, as the lexer asks it; else the parse makes INVALID_NUMBER), and the
 *   unit it makes resolved from the text's own digits;
 * - a cell of several parts: which of them are the same target written twice (joinParts,
 *   which compares the parts in canonical text), so that equal parts come back as one target
 *   and unequal ones as all of them, as the build decides.
 * Every number and divisor the plan reads is written with no sign (the shape cache refuses
 * other cells before planning them): a band's bound and A±B's deviation are then never
 * negative. Its digits are read as they stand, or, in a cell written in full-width digits
 * (`≥８５％且≤９０％`), as clean-up folds them, one character for one (shape.ts, foldedNumeral).
 * A part's text is the same slice of every text of the shape (the build's span of it: no
 * offset depends on a digit's value). Before a plan is kept, it is run on the text it was
 * learnt from and must give the parse's target back, field for field.
 */

/** Where a number's digits are in the input: [start, end) of its text. */
export interface Slot { readonly start: number; readonly end: number }

/**
 * A quantity made from a text's own digits at `slot`: in the unit `unit`, or, for a ratio
 * written with a colon, in the unit `:` and the digits at `divisor`.
 */
interface Amount { readonly slot: Slot; readonly unit: string; readonly divisor: Slot | null }

type Part =
  /** A term: no number, the same for every text but for its text. */
  | { readonly kind: 'fixed'; readonly template: Target }
  /** A comparison's or approximation's quantity, or a trend's amount. */
  | { readonly kind: 'one'; readonly template: CompareTarget | ApproxTarget | TrendTarget; readonly quantity: Amount }
  | { readonly kind: 'ends'; readonly template: RangeTarget; readonly min: Amount; readonly max: Amount }
  | { readonly kind: 'band'; readonly template: RangeTarget; readonly bound: Amount }
  | { readonly kind: 'plusMinus'; readonly template: RangeTarget; readonly q1: RawQuantity; readonly q2: RawQuantity; readonly s1: Slot; readonly s2: Slot };

interface PlannedPart { readonly part: Part; readonly span: Slot | null }

/**
 * The plan of a cell: its parts, each with its span (null for a cell of one part, whose text
 * is the cell's); `wide` when its numbers are written in full-width digits (read folded).
 */
export interface CellPlan { readonly parts: readonly PlannedPart[]; readonly units: UnitTable; readonly wide: boolean }

/** What the planner needs of the parse (shape-cache.ts, Seen): its segments and, for several, each part the build made. */
export interface PartsSeen {
  readonly segments: readonly RawSegment[];
  readonly parts: readonly { offset: number; length: number; target: Target }[];
}

/**
 * The target of `text` by `plan`, or undefined when a check of the build comes out otherwise
 * than it did for the text the plan was learnt from (the parse then decides).
 */
export function cellTarget(plan: CellPlan, text: string): Target | undefined {
  // Full-width digits and points read as clean-up folds them, one character for one: every slot stays where it is.
  const digits = plan.wide ? foldedNumeral(text, 0, text.length) : text;
  if (plan.parts.length === 1) return partTarget(plan.parts[0]!.part, text, digits, plan.units);
  const parts: Target[] = [];
  for (const { part, span } of plan.parts) {
    const made = partTarget(part, span === null ? text : text.slice(span.start, span.end), digits, plan.units);
    if (made === undefined) return undefined;
    parts.push(made);
  }
  return joinParts(parts, text);
}

/** The target of a part: its text `own`, its numbers read from `text` (the cell's, its digits folded). */
function partTarget(part: Part, own: string, text: string, units: UnitTable): Target | undefined {
  switch (part.kind) {
    case 'fixed': return Object.freeze({ ...part.template, text: own });
    case 'one': {
      const quantity = amountOf(part.quantity, text, units);
      return quantity && withQuantity(part.template, own, quantity);
    }
    case 'ends': {
      const min = amountOf(part.min, text, units);
      const max = amountOf(part.max, text, units);
      if (min === undefined || max === undefined || endsOutOfOrder(min, max)) return undefined;
      return withEnds(part.template, own, min, max);
    }
    case 'band': {
      // The bound is a plain number, never negative: the band is never empty (the build's EMPTY_RANGE).
      const digits = text.slice(part.bound.slot.start, part.bound.slot.end);
      const r = resolveUnit(part.bound.unit, units);
      const max = makeQuantityOfDigits(digits, part.bound.unit, r);
      // Its negation written as a numeral with a sign, read (as the bound is) when first needed.
      return withEnds(part.template, own, makeQuantityOfDigits(`-${digits}`, part.bound.unit, r), max);
    }
    case 'plusMinus': {
      const read = (rq: RawQuantity, unit?: string): Quantity => {
        return quantityAt(text, rq === part.q1 ? part.s1 : part.s2, unit ?? writtenUnit(rq), units);
      };
      // A and B are plain numbers (decimals), B never negative: the range is never empty (the build's EMPTY_RANGE).
      const [centre, dev] = plusMinusParts(part.q1, part.q2, read);
      const { min, max } = plusMinusEnds(centre, dev, units, true);
      return withEnds(part.template, own, min, max);
    }
  }
}

/**
 * The template with its text and its quantity (a trend's amount) made from a text's digits,
 * its fields written out in the order the build writes them (build.ts, valueTarget and
 * segmentTarget), which JSON and `Object.keys` show: a planned target lists its fields as a parsed one does (planCell checks the order).
 */
export function withQuantity(t: CompareTarget | ApproxTarget | TrendTarget, text: string, q: Quantity): Target {
  if (t.kind === 'compare') return Object.freeze({ kind: 'compare', op: t.op, implicit: t.implicit, quantity: q, text, label: t.label, note: t.note, modifiers: t.modifiers });
  if (t.kind === 'approx') return Object.freeze({ kind: 'approx', quantity: q, text, label: t.label, note: t.note, modifiers: t.modifiers });
  return Object.freeze({ kind: 'trend', direction: t.direction, modifiers: t.modifiers, amount: q, amountOp: t.amountOp, text, label: t.label, note: t.note });
}

/** The range template with its text and ends, written out as withQuantity writes its targets. */
export function withEnds(t: RangeTarget, text: string, min: Quantity, max: Quantity): RangeTarget {
  return Object.freeze({
    kind: 'range', min, max, minInclusive: t.minInclusive, maxInclusive: t.maxInclusive, text, label: t.label, note: t.note, modifiers: t.modifiers,
  });
}

/** The quantity of an amount from the digits of `text`; undefined for a ratio to zero (an error of the parse). */
function amountOf(a: Amount, text: string, units: UnitTable): Quantity | undefined {
  return a.divisor === null ? quantityAt(text, a.slot, a.unit, units) : ratioAt(text, a.slot, a.divisor);
}

/**
 * The ratio of the digits of `text` at `slot` to those at `divisor` (`3:7`), as the lexer
 * makes it; undefined for a divisor of zero (the parse's INVALID_NUMBER).
 */
export function ratioAt(text: string, slot: Slot, divisor: Slot): Quantity | undefined {
  const d = text.slice(divisor.start, divisor.end);
  // The divisor's digits are plain (the shape cache's conditions): its unit is resolveUnit's.
  return isZeroNumeral(d) ? undefined : makeQuantityOfDigits(text.slice(slot.start, slot.end), `:${d}`, resolveRatio(d));
}

/** The quantity of the digits of `text` at `slot`, in `unit`. */
export function quantityAt(text: string, slot: Slot, unit: string, units: UnitTable): Quantity {
  return makeQuantityOfDigits(text.slice(slot.start, slot.end), unit, resolveUnit(unit, units));
}

/**
 * The plan of a cell from what its parse made, or null. `numbers` are the slots of the
 * number tokens in order, `divisors` those of the ratios' divisors by the start of their unit
 * token (both checked by the shape cache's conditions). The plan must give `made` back.
 */
export function planCell(
  text: string, made: Target, seen: PartsSeen, numbers: ReadonlyMap<number, Slot>, divisors: ReadonlyMap<number, Slot>, units: UnitTable, wide: boolean,
): CellPlan | null {
  const { segments } = seen;
  const several = segments.length > 1;
  if (several && seen.parts.length !== segments.length) return null;
  const plannedParts: PlannedPart[] = [];
  for (let i = 0; i < segments.length; i++) {
    const p = several ? seen.parts[i]! : null;
    const part = planPart(segments[i]!, p === null ? made : p.target, numbers, divisors);
    if (part === null) return null;
    plannedParts.push({ part, span: p === null ? null : { start: p.offset, end: p.offset + p.length } });
  }
  const plan: CellPlan = { parts: plannedParts, units, wide };
  const again = cellTarget(plan, text);
  return again !== undefined && sameTarget(again, made) ? plan : null;
}

function planPart(seg: RawSegment, template: Target, numbers: ReadonlyMap<number, Slot>, divisors: ReadonlyMap<number, Slot>): Part | null {
  const amount = (rq: RawQuantity, unit: string): Amount | null => {
    const slot = numbers.get(rq.num.startOffset);
    if (slot === undefined) return null;
    if (!isRatio(rq)) return unit.startsWith(':') ? null : { slot, unit, divisor: null };
    // A ratio's unit is its own divisor's, read from each text: not one lent by the other end
    // of a range (`3:01-01`), which the template would fix.
    const divisor = divisors.get(rq.unit!.startOffset);
    return divisor === undefined ? null : { slot, unit, divisor };
  };
  switch (seg.kind) {
    case 'qualitative': return template.kind === 'qualitative' ? { kind: 'fixed', template } : null;
    case 'value': {
      if (seg.q2 === null) {
        if (template.kind !== 'compare' && template.kind !== 'approx') return null;
        const quantity = amount(seg.q1, template.quantity.unit);
        return quantity && { kind: 'one', template, quantity };
      }
      if (template.kind !== 'range' || seg.join === null) return null;
      if (seg.join.tokenType.name === 'PlusMinus') {
        const s1 = numbers.get(seg.q1.num.startOffset);
        const s2 = numbers.get(seg.q2.num.startOffset);
        // A ratio's unit would be read from the template, not the text.
        if (s1 === undefined || s2 === undefined || isRatio(seg.q1) || isRatio(seg.q2)) return null;
        return { kind: 'plusMinus', template, q1: seg.q1, q2: seg.q2, s1, s2 };
      }
      return ends(template, amount(seg.q1, template.min.unit), amount(seg.q2, template.max.unit));
    }
    case 'range':
      if (template.kind !== 'range') return null;
      return ends(template, amount(seg.q1, template.min.unit), amount(seg.q2, template.max.unit));
    case 'trend': {
      // `较上年提高5%`: the amount of a trend (a trend stated as a result, `已提高`, is a term).
      if (template.kind !== 'trend' || seg.amount === null || template.amount === null) return null;
      const quantity = amount(seg.amount, template.amount.unit);
      return quantity && { kind: 'one', template, quantity };
    }
    case 'plusMinus': {
      if (template.kind !== 'range' || isRatio(seg.q)) return null;
      const bound = amount(seg.q, template.max.unit);
      return bound && { kind: 'band', template, bound };
    }
    default: return null;
  }
}

function ends(template: RangeTarget, min: Amount | null, max: Amount | null): Part | null {
  return min && max ? { kind: 'ends', template, min, max } : null;
}

function isRatio(rq: RawQuantity): boolean {
  return rq.unit !== null && rq.unit.unit?.startsWith(':') === true;
}

/** Whether two targets are the same, field for field and in the same order (the plan's check against the parse). */
function sameTarget(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.isFrozen(a) !== Object.isFrozen(b)) return false;
  if (isQuantity(a) || isQuantity(b)) return isQuantity(a) && isQuantity(b) && sameQuantity(a, b);
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.join() !== kb.join()) return false;
  return ka.every((k) => sameTarget((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function isQuantity(x: object): x is Quantity {
  return 'base' in x && 'dimension' in x;
}
