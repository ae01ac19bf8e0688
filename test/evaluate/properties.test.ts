import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, evaluate, IndicatorError, score, type Actual } from '../../src/index.js';

/**
 * Decimals are generated as an integer and a scale and written by moving the decimal
 * point in the digit string: no float ever touches a value, so the three spellings of an
 * amount (元, 万元, 亿元) are the same number exactly.
 */
function decimalText(n: bigint, scale: number): string {
  const neg = n < 0n;
  let digits = (neg ? -n : n).toString();
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0');
    digits = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
  }
  return `${neg && digits !== '0' ? '-' : ''}${digits}`;
}

const amount = fc.record({ n: fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), scale: fc.integer({ min: 0, max: 6 }) });
const nonNegative = fc.record({ n: fc.bigInt({ min: 0n, max: 10n ** 14n }), scale: fc.integer({ min: 0, max: 6 }) });
const text = (a: { n: bigint; scale: number }, shift = 0): string => decimalText(a.n, a.scale + shift);
const SHIFT = { 元: 0, 万元: 4, 亿元: 8 } as const;
const OPS = ['≥', '≤', '>', '<', '=', '≠'] as const;
const CURRENCY = fc.constantFrom('元', '万元', '亿元') as fc.Arbitrary<keyof typeof SHIFT>;

const RUNS = { numRuns: 300 };

describe('properties', () => {
  it('the same verdict whether the actual is written in 元, 万元 or 亿元', () => {
    fc.assert(fc.property(amount, amount, fc.constantFrom(...OPS), CURRENCY, fc.boolean(), (a, t, op, unit, exact) => {
      const target = `${op}${text(t, SHIFT[unit])}${unit}`;
      const options = { equals: exact ? 'exact' as const : 'reached' as const };
      const verdicts = (['元', '万元', '亿元'] as const).map((u) => evaluate(target, `${text(a, SHIFT[u])}${u}`, options));
      const seen = verdicts.map((v) => [v.status, v.op, v.margin?.toFixed() ?? null, v.completion?.toFixed() ?? null]);
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
      expect(verdicts[0]!.status).not.toBe('unknown');
    }), RUNS);
  });

  it('monotonicity: for ≥ and > a larger actual never turns pass into fail; for ≤ and < the mirror', () => {
    fc.assert(fc.property(amount, amount, amount, fc.constantFrom('≥', '>', '≤', '<', '='), (t, x, y, op) => {
      const [lo, hi] = new Decimal(text(x)).lte(text(y)) ? [x, y] : [y, x];
      const vLo = evaluate(`${op}${text(t)}`, text(lo));
      const vHi = evaluate(`${op}${text(t)}`, text(hi));
      // A written = is reached from below (≥) or, for a target ≤ 0, from above (≤): its op says which.
      expect(vLo.op).toBe(vHi.op);
      if ((vLo.op === '>=' || vLo.op === '>') && vLo.status === 'pass') expect(vHi.status).toBe('pass');
      if ((vHi.op === '<=' || vHi.op === '<') && vHi.status === 'pass') expect(vLo.status).toBe('pass');
    }), RUNS);
  });

  it('monotonicity holds for implicit targets whatever decides the op', () => {
    fc.assert(fc.property(nonNegative, nonNegative, nonNegative, fc.constantFrom('positive', 'negative', undefined), fc.constantFrom('万元', '个工作日', '%'), (t, x, y, polarity, unit) => {
      const [lo, hi] = new Decimal(text(x)).lte(text(y)) ? [x, y] : [y, x];
      const target = `${text(t)}${unit}`;
      const vLo = evaluate(target, `${text(lo)}${unit}`, { polarity });
      const vHi = evaluate(target, `${text(hi)}${unit}`, { polarity });
      if (vLo.op === '>=' && vLo.status === 'pass') expect(vHi.status).toBe('pass');
      if (vHi.op === '<=' && vHi.status === 'pass') expect(vLo.status).toBe('pass');
    }), RUNS);
  });

  it('decimal exactness: =x+y is met exactly by the sum of x and y built from strings', () => {
    fc.assert(fc.property(amount, amount, (x, y) => {
      const sum = new Decimal(text(x)).plus(text(y));
      const target = `=${sum.toFixed()}`;
      expect(evaluate(target, sum, { equals: 'exact' }).status).toBe('pass');
      expect(evaluate(target, sum.toFixed(), { equals: 'exact' }).status).toBe('pass');
      const off = sum.plus(new Decimal(1).div(new Decimal(10).pow(x.scale + y.scale + 1)));
      expect(evaluate(target, off, { equals: 'exact' }).status).toBe('fail');
      expect(evaluate(`≤${sum.toFixed()}`, off).status).toBe('fail');
    }), RUNS);
    expect(evaluate('=0.3', new Decimal('0.1').plus('0.2'), { equals: 'exact' }).status).toBe('pass');
  });

  it('a score lies in [0, W], equals W exactly on a quantitative pass and stays under it otherwise', () => {
    const target = fc.oneof(
      fc.tuple(fc.constantFrom(...OPS), amount).map(([op, a]) => `${op}${text(a)}%`),
      fc.tuple(nonNegative, nonNegative).map(([a, b]) => `[${text(a)}%,${new Decimal(text(a)).plus(text(b)).toFixed()}%]`),
      amount.map((a) => `${text(a)}%左右`),
      nonNegative.map((a) => `${text(a)}个工作日`),
    );
    const weight = fc.record({ n: fc.bigInt({ min: 0n, max: 10n ** 6n }), scale: fc.integer({ min: 0, max: 4 }) }).map((w) => text(w));
    fc.assert(fc.property(target, amount, weight, fc.constantFrom(0, 2, 4, null), fc.constantFrom('ratio' as const, 'linear' as const), fc.double({ min: 0, max: 1, noNaN: true }), (t, a, w, scale, reverseRule, band) => {
      // A plain number is read in the target's own unit, whatever that is.
      const s = score(t, text(a), w, { scale, reverseRule, band: String(band) });
      const W = new Decimal(w);
      expect(s.weight.eq(W)).toBe(true);
      expect(s.status).not.toBe('unknown');
      expect(s.score).not.toBeNull();
      expect(s.score!.gte(0)).toBe(true);
      expect(s.score!.lte(W)).toBe(true);
      if (s.status === 'pass') expect(s.score!.eq(W)).toBe(true);
      else if (W.gt(0)) expect(s.score!.lt(W)).toBe(true);
    }), RUNS);
  });

  it('a word\'s score lies in its band', () => {
    fc.assert(fc.property(fc.constantFrom('已完成', '基本完成', '未完成'), fc.integer({ min: 1, max: 10000 }), fc.integer({ min: 0, max: 100 }), (word, w, b) => {
      const s = score('≥95%', word, w, { band: String(b / 100) });
      const W = new Decimal(w);
      if (s.status === 'pass') expect(s.score!.eq(W)).toBe(true);
      if (s.status === 'partial') expect(s.score!.gte(W.times('0.6')) && s.score!.lt(W.times('0.8'))).toBe(true);
      if (s.status === 'fail') expect(s.score!.gte(0) && s.score!.lt(W.times('0.6'))).toBe(true);
    }), RUNS);
  });

  it('range pass ⇔ both bounds hold ⇔ the conjunction passes', () => {
    fc.assert(fc.property(amount, amount, amount, (x, y, a) => {
      const [lo, hi] = new Decimal(text(x)).lte(text(y)) ? [text(x), text(y)] : [text(y), text(x)];
      const actual = `${text(a)}%`;
      const inside = new Decimal(text(a)).gte(lo) && new Decimal(text(a)).lte(hi);
      expect(evaluate(`[${lo}%,${hi}%]`, actual).status === 'pass').toBe(inside);
      expect(evaluate(`≥${lo}%且≤${hi}%`, actual).status === 'pass').toBe(inside);
    }), RUNS);
  });

  it('≈ passes exactly within 5 % of the target', () => {
    fc.assert(fc.property(amount, amount, (t, a) => {
      const A = new Decimal(text(t));
      const B = new Decimal(text(a));
      const within = B.minus(A).abs().lte(A.abs().times('0.05'));
      expect(evaluate(`${text(t)}万元左右`, `${text(a)}万元`).status === 'pass').toBe(within);
    }), RUNS);
  });
});

/** Targets of every kind, to be met by anything at all. */
const TARGETS = [
  '≥95%', '3个工作日', '=0次', '90%左右', '85%-90%', '≥85%且≤90%', '受益户数≥200户,受益脱贫户数≥15户', '健全', '否', '零事故',
  '优良中低差', '较上年提高5%', '下降2个百分点', '保持', '12月底前', '2022年12月31日前', '2021年1月-12月', '第三季度',
];

/** Pieces real actual cells are made of, so that random strings look like them. */
const PIECES = [
  '0', '1', '5', '9', '.', ',', '-', '/', '%', '‰', '元', '万', '亿', '个', '工作日', '天', '月', '年', '日', '前', '已', '未', '不',
  '基本', '部分', '完成', '达到', '提高', '下降', '是', '否', '有', '无', '零', '优', '良', '中', '差', '：', '受益户数', '，', '且',
  '≥', '≤', '=', '左右', '（', '）', '<p>', ' ', '二〇二二', '百分之', '分之', '第三季度', '~', '±', '&ge;',
];

const ANY_ACTUAL: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withTypedArray: true, withSparseArray: true }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 12 }),
  fc.double(),
  fc.constantFrom(NaN, -0, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE, 1e21, -1e-7),
  fc.bigInt(),
  fc.constantFrom(Symbol('x'), null, undefined, true, false, () => 1, new Date(NaN), new Date(2022, 10, 30)),
  fc.record({ value: fc.anything(), baseline: fc.anything() }),
  fc.array(fc.oneof(fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 6 }), fc.double()), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('受益户数', '受益脱贫户数', 'value', '__proto__', 'toString'), fc.anything()),
);

describe('robustness', () => {
  it('evaluate and score never throw anything but IndicatorError, whatever the actual', () => {
    fc.assert(fc.property(fc.constantFrom(...TARGETS), ANY_ACTUAL, (target, actual) => {
      for (const run of [() => evaluate(target, actual as Actual), () => score(target, actual as Actual, 10).verdict]) {
        let v;
        try {
          v = run();
        } catch (e) {
          expect(e).toBeInstanceOf(IndicatorError);
          continue;
        }
        expect(['pass', 'partial', 'fail', 'unknown']).toContain(v.status);
        expect(Object.isFrozen(v)).toBe(true);
        if (v.status === 'unknown') expect(v.reason).not.toBeNull();
        if (v.status === 'pass') expect(v.reason).toBeNull();
      }
    }), { numRuns: 1500 });
  });
});
