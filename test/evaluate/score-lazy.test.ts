import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ceilTo, floorTo, max, min, roundHalfUp } from '../../src/evaluate/exact.js';
import { Decimal, score, toJSON, type Score } from '../../src/index.js';
import { Rational } from '../../src/numbers/rational.js';

/**
 * score() makes its `ratio` when first read and hands out the points of a non-pass as they
 * were first rounded when no bound moves them (score.ts). These tests hold that no reader can
 * tell: every field and the JSON equal those of a score made the old, eager way (the points
 * placed by the rules of contract.md "Scoring", written out again below, rounded twice; the
 * ratio written at once), read in any order, for numbers drawn next to the target, the
 * weight's rounding grid and the band's ceiling, so that every bound decides.
 */

const FIELDS = ['score', 'weight', 'ratio', 'rule', 'status', 'deviation'] as const;
type Field = typeof FIELDS[number];

/** Every public field as plain data (decimals as their text), read in the order given. */
function snapshot(s: Score, order: readonly Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of order) {
    const x = s[f];
    out[f] = Decimal.isDecimal(x) ? `D${(x as Decimal).toFixed()}` : x;
  }
  return out;
}

interface Raw { ratio: Rational; ceiling: Rational; floor: Rational }
const R = (x: string): Rational => Rational.of(x);
const whole = (ratio: Rational): Raw => ({ ratio, ceiling: Rational.ONE, floor: Rational.ZERO });
const higher = (a: Rational, b: Rational): Raw =>
  whole(a.sign() <= 0 ? (b.cmp(a) >= 0 ? Rational.ONE : Rational.ZERO) : b.cmp(a) >= 0 ? Rational.ONE : max(Rational.ZERO, b.div(a)));
const lower = (a: Rational, b: Rational, linear: boolean): Raw =>
  whole(a.sign() <= 0 ? (b.cmp(a) <= 0 ? Rational.ONE : Rational.ZERO)
    : b.cmp(a) <= 0 ? Rational.ONE : linear ? max(Rational.ZERO, Rational.ONE.minus(b.minus(a).div(a))) : a.div(b));

/** The points of a non-pass exactly as score.ts placed them before: rounded, moved, rounded again. */
function oldPlaced(r: Raw, w: Rational, scale: number | null): Decimal {
  const places = scale ?? 2;
  const exact = r.ratio.times(w);
  const ceiling = r.ceiling.times(w);
  const floor = r.floor.times(w);
  let x: Rational = scale === null ? exact : Rational.of(roundHalfUp(exact, scale));
  if (x.cmp(floor) < 0) x = scale === null ? floor : Rational.of(ceilTo(floor, scale));
  if (x.cmp(ceiling) >= 0) {
    const top = Rational.of(floorTo(ceiling, places));
    x = top.cmp(ceiling) < 0 ? top : top.minus(Rational.of(new Decimal(`1e-${places}`)));
  }
  x = max(Rational.ZERO, min(x, w));
  return scale === null ? x.toDecimal() : roundHalfUp(x, places);
}

/** The old score's public fields, its ratio written at once. */
function eager(s: Score, r: Raw, w: Rational, scale: number | null): Record<string, unknown> {
  if (s.status === 'unknown') {
    return { score: null, weight: `D${w.toDecimal().toFixed()}`, ratio: null, rule: s.rule, status: s.status, deviation: false };
  }
  const pass = s.status === 'pass';
  const points = pass ? w.toDecimal() : oldPlaced(r, w, scale);
  const ratio = pass ? Rational.ONE : r.ratio;
  return {
    score: `D${points.toFixed()}`, weight: `D${w.toDecimal().toFixed()}`, ratio: `D${ratio.toDecimal(21).toFixed()}`,
    rule: s.rule, status: s.status, deviation: s.deviation,
  };
}

/** Numbers of up to four places, near one another often (a unit of the last place apart). */
const num = fc.tuple(fc.integer({ min: -50, max: 2000 }), fc.integer({ min: 0, max: 3 }))
  .map(([n, p]) => new Decimal(n).div(10 ** p).toFixed());
const near = (a: string): fc.Arbitrary<string> => fc.oneof(
  num, fc.constant(a),
  fc.tuple(fc.constantFrom(-1, 1), fc.integer({ min: 1, max: 4 })).map(([d, p]) => new Decimal(a).plus(new Decimal(d).div(10 ** p)).toFixed()),
  fc.integer({ min: 9900, max: 9999 }).map((k) => new Decimal(a).times(k).div(10000).toFixed()),
);
const weight = fc.oneof(fc.constantFrom('1', '3', '5', '0', '0.5', '10', '2.5'), num.filter((x) => !x.startsWith('-')));
const scale = fc.constantFrom<number | null>(0, 1, 2, 3, null);
const orders = fc.shuffledSubarray([...FIELDS], { minLength: FIELDS.length, maxLength: FIELDS.length });

describe('score: ratio made when read, points rounded once', () => {
  it('equals the eager score for compare targets (≥ ≤, ratio and linear rules)', () => {
    fc.assert(fc.property(
      num.chain((a) => fc.tuple(fc.constant(a), near(a))), fc.constantFrom('≥', '≤'), weight, scale, fc.boolean(), orders,
      ([a, b], op, w, sc, linear, order) => {
        const s = score(`${op}${a}`, b, w, { scale: sc, reverseRule: linear ? 'linear' : 'ratio' });
        const r = op === '≥' ? higher(R(a), R(b)) : lower(R(a), R(b), linear);
        const want = eager(s, r, R(w), sc);
        expect(snapshot(s, order)).toEqual(want);
        expect(snapshot(s, FIELDS)).toEqual(want);
        expect(toJSON(s)).toEqual(JSON.parse(JSON.stringify(s, (k, v) => (k === 'verdict' ? undefined : v))));
      },
    ), { numRuns: 3000 });
  });

  it('equals the eager score for ranges, outside on either side', () => {
    fc.assert(fc.property(
      fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })).chain(([lo, span]) =>
        fc.tuple(fc.constant(String(lo)), fc.constant(String(lo + span)), fc.oneof(near(String(lo)), near(String(lo + span))))),
      weight, scale, orders,
      ([lo, hi, b], w, sc, order) => {
        const s = score(`${lo}-${hi}`, b, w, { scale: sc });
        const r = s.status === 'pass' ? whole(Rational.ONE) : R(b).cmp(R(lo)) <= 0 ? higher(R(lo), R(b)) : lower(R(hi), R(b), false);
        expect(s.rule).toBe('range');
        expect(snapshot(s, order)).toEqual(eager(s, r, R(w), sc));
      },
    ), { numRuns: 2000 });
  });

  it('equals the eager score for words scored in their bands (partial and fail)', () => {
    const band = fc.integer({ min: 0, max: 1000 }).map((k) => new Decimal(k).div(1000).toFixed());
    fc.assert(fc.property(
      fc.constantFrom(['提高', '基本达到'], ['健全', '不健全'], ['健全', '健全']), band, weight, scale, orders,
      ([t, a], bd, w, sc, order) => {
        const s = score(t, a, w, { scale: sc, band: bd });
        const b = R(bd);
        const low = R('0.6');
        const high = R('0.8');
        const r: Raw = s.status === 'partial' ? { ratio: low.plus(high.minus(low).times(b)), ceiling: high, floor: low }
          : s.status === 'fail' ? { ratio: low.times(b), ceiling: low, floor: Rational.ZERO } : whole(Rational.ONE);
        expect(snapshot(s, order)).toEqual(eager(s, r, R(w), sc));
      },
    ), { numRuns: 2000 });
  });

  it('hands out the same ratio on every read, and the points of a pass as the weight', () => {
    const s = score('≥90', '80', '5');
    expect(s.ratio).toBe(s.ratio);
    expect(s.ratio!.toFixed()).toBe('0.888888888888888888889');
    expect(Object.keys(s)).toEqual([...FIELDS, 'verdict']);
    expect(Object.isFrozen(s)).toBe(true);
    expect({ ...s }.ratio!.toFixed()).toBe('0.888888888888888888889');
    expect(score('≥90', '95', '5').ratio!.toFixed()).toBe('1');
  });
});
