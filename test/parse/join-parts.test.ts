/**
 * The build's joins of parts and ends (src/parse/build.ts), which the part plans of the
 * shape cache call too, so that the shape cache's differential test cannot see a fault in
 * them: each is checked here against its definition.
 * - joinParts: a cell's parts that write the same canonical text are one target (a cell
 *   written twice). It writes parts out only where their fields cannot tell; the reference
 *   writes every part out.
 * - plusMinusEnds: A±B in one unit is summed in that unit; the reference sums base values
 *   and divides by the unit's factor.
 * - endsOutOfOrder: the order of a range's ends read from the numbers as written; the
 *   reference compares exact base values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, toJSON, type Quantity, type Target } from '../../src/index.js';
import { endsOutOfOrder, joinParts, plusMinusEnds } from '../../src/parse/build.js';
import { makeEngine, parseTargetFresh } from '../../src/parse/parse.js';
import { exactBase, makeQuantity, makeQuantityOfDigits } from '../../src/model/quantity.js';
import { resolveUnit } from '../../src/model/units.js';
import { buildUnitTable, UNITS } from '../../src/vocab/units.js';

/** joinParts as its comment defines it: parts kept in order, each unless an earlier one writes the same canonical text. */
function byCanonicalText(parts: readonly Target[], original: string): Target {
  const seen = new Set<string>();
  const distinct = parts.filter((p) => {
    const f = format(p);
    if (seen.has(f)) return false;
    seen.add(f);
    return true;
  });
  if (distinct.length === 1) return Object.freeze({ ...distinct[0]!, text: original });
  return Object.freeze({ kind: 'all', targets: Object.freeze(distinct), text: original, label: null, note: null }) as Target;
}

const same = (a: Target, b: Target): void => {
  expect(JSON.stringify(toJSON(a))).toBe(JSON.stringify(toJSON(b)));
  expect(Object.keys(a)).toEqual(Object.keys(b));
  if (a.kind === 'all' && b.kind === 'all') a.targets.forEach((t, i) => expect(t).toBe(b.targets[i]));
};

/**
 * Parts that write alike and not: each form with digits from a small set (so that equal
 * numbers are frequent), numbers written alike in other spellings (`90`, `90.0`, `090`),
 * units of one dimension (万元 and 元), ops, approximations, labels, notes, ranges, terms.
 */
const FORMS = ['≥#%', '#%', '=#%', '#%左右', '约#%', '满意度≥#%', '≥#%（含）', '≥#%(2023年)', '8#%-9#%', '[8#%,9#%]', '≥#', '≥0.#', '#万元', '#0000元',
  '≤#%', '>#%', '不低于#%', '较上年提高#%', '提高#%', '力争≥#%', '#亩', '#.0亩', '≥#亩', '持续提高#%', '#个工作日', '#个月', '#个危险边坡巡查', '健全', '#.0%', '0#%', '#.50%', '±#%以内', '9#±#%'];
const DIGITS = ['0', '1', '5', '9', '00', '10', '90'];

const engine = makeEngine(UNITS);
/** A part's target, made afresh on each call (parts alike are then objects of their own). */
const parsed = (text: string): Target | null => {
  const t = parseTargetFresh(text, {}, engine);
  return t instanceof Error || t.kind === 'all' ? null : t;
};
const partText = fc.tuple(fc.constantFrom(...FORMS), fc.constantFrom(...DIGITS)).map(([f, d]) => f.replaceAll('#', d));

describe('joinParts', () => {
  it('makes what writing every part out makes: one target for parts written alike, every other part in order', () => {
    let merged = 0;
    let kept = 0;
    // Parts drawn from a few, so that parts alike are frequent.
    const cell = fc.tuple(fc.array(partText, { minLength: 1, maxLength: 3 }), fc.array(fc.nat({ max: 2 }), { minLength: 2, maxLength: 5 }))
      .map(([pool, picks]) => picks.map((i) => pool[i % pool.length]!));
    fc.assert(fc.property(cell, (texts) => {
      const parts = texts.map(parsed).filter((p): p is Target => p !== null);
      if (parts.length < 2) return;
      const original = parts.map((p) => p.text).join('\n');
      const got = joinParts(parts, original);
      same(got, byCanonicalText(parts, original));
      if (got.kind === 'all' && got.targets.length === parts.length) kept++;
      else merged++;
    }), { numRuns: 5000 });
    // Both outcomes, many times each.
    expect(merged).toBeGreaterThan(500);
    expect(kept).toBeGreaterThan(500);
  });

  it('merges parts the same but for their text, and keeps parts that differ in value, unit, op, label or note', () => {
    const join = (...texts: string[]): Target => joinParts(texts.map((t) => parsed(t)!), texts.join('\n'));
    expect(join('≥90%', '≥90%').kind).toBe('compare');
    expect(join('≥90%', '≥90.0%', '≥090%').kind).toBe('compare');
    expect(join('90%左右', '约90%').kind).toBe('approx');
    for (const pair of [['≥90%', '≥91%'], ['≥90%', '≤90%'], ['1万元', '10000元'], ['满意度≥90%', '≥90%'], ['≥90%', '≥90%(2023年)'], ['90%', '=90%'], ['12个月', '12个危险边坡巡查']]) {
      const t = join(...pair);
      expect(t.kind, pair.join()).toBe('all');
      expect(toJSON(t), pair.join()).toEqual(toJSON(byCanonicalText(pair.map((x) => parsed(x)!), pair.join('\n'))));
    }
  });
});

const units = buildUnitTable(UNITS);
const UNIT_NAMES = ['%', '万元', '亩', '', '个', 'km', '‰', '万亩'];
/** A±B written in two units of one dimension (`2万元±5000元`): centre's, deviation's. */
const UNIT_PAIRS: [string, string][] = [['万元', '元'], ['元', '万元'], ['亩', '平方米'], ['万亩', '亩'], ['km', 'm'], ['%', '‰']];
const numeral = fc.tuple(fc.nat({ max: 99999 }), fc.option(fc.nat({ max: 9999 }), { nil: undefined })).map(([w, f]) => (f === undefined ? String(w) : `${w}.${f}`));
const quantityOf = (digits: string, unit: string): Quantity => makeQuantityOfDigits(digits, unit, resolveUnit(unit, units));

describe('plusMinusEnds', () => {
  it('gives, for A±B in one unit or two of a dimension, the ends the base values give: A − B and A + B in A\'s unit, empty when B is negative', () => {
    // `decimals` either way: the ends read when first needed (both numbers decimals) are the ends computed at once.
    fc.assert(fc.property(numeral, numeral, fc.constantFrom(...UNIT_NAMES.map((u): [string, string] => [u, u]), ...UNIT_PAIRS), fc.boolean(), fc.boolean(), (a, b, [unit, devUnit], negative, decimals) => {
      const centre = quantityOf(a, unit);
      const dev = negative ? makeQuantity(exactBase(quantityOf(b, devUnit)).div(resolveUnit(devUnit, units).factor).neg(), devUnit, resolveUnit(devUnit, units)) : quantityOf(b, devUnit);
      const got = plusMinusEnds(centre, dev, units, decimals);
      const r = resolveUnit(unit, units);
      const lo = exactBase(centre).minus(exactBase(dev));
      const hi = exactBase(centre).plus(exactBase(dev));
      const want = { min: makeQuantity(lo.div(r.factor), unit, r), max: makeQuantity(hi.div(r.factor), unit, r), empty: lo.cmp(hi) > 0 };
      expect(got.empty).toBe(want.empty);
      for (const k of ['min', 'max'] as const) {
        expect(JSON.stringify(toJSON({ kind: 'compare', op: '=', implicit: true, quantity: got[k], text: '', label: null, note: null, modifiers: [] } as Target)))
          .toBe(JSON.stringify(toJSON({ kind: 'compare', op: '=', implicit: true, quantity: want[k], text: '', label: null, note: null, modifiers: [] } as Target)));
        expect(exactBase(got[k]).eq(exactBase(want[k]))).toBe(true);
        expect(got[k].exact).toBe(want[k].exact);
      }
    }), { numRuns: 3000 });
  });
});

describe('endsOutOfOrder', () => {
  it('keeps A±B\'s ends inexact when a number is a fraction without a finite decimal (三分之一±1), as ends computed at once are', () => {
    for (const [text, min, max] of [['三分之一±1', '-0.66666666666666666667', '1.3333333333333333333'], ['0.5±三分之一', '0.16666666666666666667', '0.83333333333333333333']]) {
      const t = parsed(text!);
      expect(t?.kind, text).toBe('range');
      if (t?.kind !== 'range') continue;
      expect([t.min.value.toString(), t.max.value.toString(), t.min.exact, t.max.exact], text).toEqual([min, max, false, false]);
    }
    const t = parsed('三分之一±三分之一');
    expect(t?.kind === 'range' && [t.min.exact, t.max.exact]).toEqual([true, false]);
  });

  it('orders a range\'s ends as their exact base values do, in one unit and across units', () => {
    const quantity = fc.tuple(numeral, fc.constantFrom(...UNIT_NAMES.filter((u) => u !== '%' && u !== '‰'))).map(([d, u]) => quantityOf(d, u));
    const ratio = fc.tuple(numeral, fc.constantFrom('%', '‰', '')).map(([d, u]) => quantityOf(d, u));
    fc.assert(fc.property(fc.oneof(fc.tuple(quantity, quantity), fc.tuple(ratio, ratio)), ([min, max]) => {
      expect(endsOutOfOrder(min, max)).toBe(exactBase(min).cmp(exactBase(max)) > 0);
    }), { numRuns: 5000 });
    expect(endsOutOfOrder(quantityOf('90.5', '%'), quantityOf('90.49', '%'))).toBe(true);
    expect(endsOutOfOrder(quantityOf('90.50', '%'), quantityOf('90.5', '%'))).toBe(false);
    expect(endsOutOfOrder(quantityOf('1', '万元'), quantityOf('9999', '元'))).toBe(true);
  });
});
