import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, parseQuantity, parseTarget, toJSON, type CompareTarget, type Quantity } from '../../src/index.js';
import { baseDecimal, baseSign, exactBase, exactValue, isHeldQuantity, makeQuantity, makeQuantityOfDigits, makeQuantityOnRead } from '../../src/model/quantity.js';
import { resolveUnit } from '../../src/model/units.js';
import { Rational } from '../../src/numbers/rational.js';
import { DEFAULT_ENGINE } from '../../src/parse/parse.js';

/**
 * A quantity made from the digits as written makes its numbers when they are first read.
 * Whatever is read first, and whenever, it must be the quantity made from the exact value.
 */
const UNITS = ['', '%', '‰', '万元', '亿元', '元', '亩', '万亩', '公里', '万人次', '个工作日', '元/平方米', '元/亩', '分钟', '吨'];
/** Numerals of every length, and multiples of small odd numbers (the digits tell `exact` in 亩 and ratios: both outcomes). */
const numeral = fc.oneof(
  fc.tuple(fc.stringMatching(/^\d{1,14}$/), fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }))
    .map(([i, f]) => (f === undefined ? i : `${i}.${f}`)),
  fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.constantFrom(3, 7, 9, 11, 21), fc.constantFrom('', '.0', '.5', '.125'))
    .map(([k, m, t]) => `${k * m}${t}`),
);
/** Ratios written with a colon, their divisors with fractions (`3.159489:7.159489`) and without. */
const RATIO = fc.oneof(fc.stringMatching(/^[1-9]\d{0,2}(\.\d{1,7})?$/), fc.constantFrom('7', '3', '0.5', '1.1', '21', '7.159489', '0.07'))
  .map((d) => `:${d}`);
const UNIT = fc.oneof(fc.constantFrom(...UNITS), RATIO);

/** Everything a caller or the package reads of a quantity, in the given order of first reads. */
function reads(q: Quantity, order: number): unknown[] {
  const steps: (() => unknown)[] = [
    () => exactBase(q).toString(),
    () => q.value.toFixed(),
    () => q.base.value.toFixed(),
    () => exactValue(q).toString(),
    () => baseDecimal(q)?.toFixed() ?? null,
    () => baseSign(q),
  ];
  const first = order % steps.length;
  const rotated = [...steps.slice(first), ...steps.slice(0, first)].map((f) => f());
  return [...rotated.slice(steps.length - first), ...rotated.slice(0, steps.length - first),
    q.exact, q.known, q.dimension, q.unit, q.base.unit, Object.keys(q), Object.keys(q.base), JSON.stringify(toJSON(q))];
}

describe('a quantity made from its digits', () => {
  const units = DEFAULT_ENGINE.get().units;

  it('reads, in any order, as the quantity made from its exact value', () => {
    const exact = [0, 0];
    fc.assert(fc.property(numeral, UNIT, fc.nat(100), (digits, unit, order) => {
      const resolved = resolveUnit(unit, units);
      const lazy = makeQuantityOfDigits(digits, unit, resolved);
      // The reference: made from the exact value, in a unit resolved again (a ratio's own).
      const made = makeQuantity(Rational.of(digits), unit, resolveUnit(unit, units));
      expect(reads(lazy, order)).toEqual(reads(made, 0));
      expect(isHeldQuantity(lazy)).toBe(true);
      // `exact` is the base's own: a finite decimal exactly when the base times its denominator is whole.
      const base = exactBase(made);
      expect(lazy.exact).toBe(base.terminating);
      if (resolved.repeating !== 1) exact[lazy.exact ? 1 : 0]!++;
    }), { numRuns: 3000 });
    // Units whose factor has no finite decimal gave both answers, often.
    expect(Math.min(...exact)).toBeGreaterThan(200);
  });

  it('is exact exactly when its base has a finite decimal, told at construction', () => {
    const mu = resolveUnit('亩', units);
    // A ratio: 3:7 = 0.428571…; 3.5:7 = 0.5; 3.159489:7.159489 has none.
    expect(makeQuantityOfDigits('3', ':7', resolveUnit(':7', units)).exact).toBe(false);
    expect(makeQuantityOfDigits('3.5', ':7', resolveUnit(':7', units)).exact).toBe(true);
    expect(makeQuantityOfDigits('3.159489', ':7.159489', resolveUnit(':7.159489', units)).exact).toBe(false);
    expect(makeQuantityOfDigits('14.318978', ':7.159489', resolveUnit(':7.159489', units)).exact).toBe(true);
    expect(makeQuantityOfDigits('0', ':7', resolveUnit(':7', units)).exact).toBe(true);
    expect(makeQuantityOfDigits('-6', '亩', mu).exact).toBe(true);
    expect(makeQuantityOfDigits('-7', '亩', mu).exact).toBe(false);
    expect(makeQuantityOfDigits('0.000', '亩', mu).exact).toBe(true);
    // 3亩 = 2000 平方米; 1亩 = 666.66… 平方米.
    expect(makeQuantityOfDigits('3', '亩', mu).exact).toBe(true);
    expect(makeQuantityOfDigits('1', '亩', mu).exact).toBe(false);
    expect(makeQuantityOfDigits('1.5', '亩', mu).exact).toBe(true);
    expect(makeQuantity(Rational.of('2', '3'), '', resolveUnit('', units)).exact).toBe(false);
    expect(makeQuantity(Rational.of('2', '3'), '亩', mu).exact).toBe(false);
    expect(makeQuantity(Rational.of('1', '4'), '万元', resolveUnit('万元', units)).exact).toBe(true);
    // Through the shape cache: a fresh text of a shape seen before.
    expect(parseQuantity('7亩').exact).toBe(false);
    expect(parseQuantity('6亩').exact).toBe(true);
    expect(parseQuantity('6亩').base.value.toFixed()).toBe('4000');
    expect((parseTarget('≥12亩') as CompareTarget).quantity.exact).toBe(true);
    expect((parseTarget('≥13亩') as CompareTarget).quantity.exact).toBe(false);
  });

  it('keeps one frozen base, whose decimals no reader can change, whichever read made them', () => {
    const t = parseTarget('≥51亿元') as CompareTarget;
    const again = parseTarget('≥52亿元') as CompareTarget; // a shape hit: made from its digits
    for (const q of [t.quantity, again.quantity]) {
      expect(q.base).toBe(q.base);
      expect(Object.isFrozen(q)).toBe(true);
      expect(Object.isFrozen(q.base)).toBe(true);
      expect(Object.keys(q)).toEqual(['value', 'unit', 'dimension', 'base', 'known', 'exact']);
      expect(Object.keys(q.base)).toEqual(['value', 'unit']);
      // The first reads make the held decimals; tampering with what they handed out changes nothing.
      const v = q.value as unknown as { d: number[] };
      const b = q.base.value as unknown as { d: number[] };
      v.d[0] = 1;
      b.d[0] = 1;
      expect(q.value.toFixed()).toBe(q === t.quantity ? '51' : '52');
      expect(q.base.value.toFixed()).toBe(q === t.quantity ? '5100000000' : '5200000000');
    }
    expect(evaluate(again, '51.5亿元').status).toBe('fail');
    expect(evaluate(t, '51.5亿元').status).toBe('pass');
    expect(() => { (again.quantity as { base: unknown }).base = {}; }).toThrow(TypeError);
  });
});

describe('a quantity read from a numeral when first needed (3万4000 of a shape seen before)', () => {
  const units = DEFAULT_ENGINE.get().units;

  it('reads, in any order, as the quantity made from its value, and reads the numeral once at most', () => {
    fc.assert(fc.property(numeral, fc.constantFrom(...UNITS), fc.nat(100), (digits, unit, order) => {
      const resolved = resolveUnit(unit, units);
      let calls = 0;
      const q = makeQuantityOnRead(() => { calls++; return Rational.of(digits); }, unit, resolved);
      // Made without its value, but in a unit whose factor has no finite decimal (亩), whose exactness is told at construction.
      expect(calls).toBe(resolved.factor.terminating ? 0 : 1);
      expect(reads(q, order)).toEqual(reads(makeQuantity(Rational.of(digits), unit, resolved), 0));
      expect(calls).toBe(1);
      expect(isHeldQuantity(q)).toBe(true);
    }), { numRuns: 300 });
  });

  it('through the shape cache: values, exactness and verdicts of fresh digits', () => {
    parseTarget('≥3万4000亩');
    const q = (parseTarget('≥3万4001亩') as CompareTarget).quantity;
    expect([q.value.toFixed(), q.exact]).toEqual(['34001', false]);
    expect((parseTarget('≥3万4002亩') as CompareTarget).quantity.exact).toBe(true);
    parseTarget('十亿3000万元');
    const t = parseTarget('十亿4000万元') as CompareTarget;
    expect(t.quantity.base.value.toFixed()).toBe('1040000000');
    expect(evaluate(t, '10.4亿元').status).toBe('pass');
    expect(evaluate(t, '10.3亿元').status).toBe('fail');
  });
});
