import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromJSON, toJSON, units } from '../../src/index.js';
import { formatQuantity } from '../../src/model/format.js';
import { plain } from '../../src/numbers/decimal.js';
import { isClean } from '../../src/text/clean.js';
import { fastQuantityText, fastTarget } from '../../src/parse/fast.js';
import { parseQuantityText } from '../../src/parse/quantity.js';
import { getDefaultEngine, parseTargetText } from '../../src/parse/parse.js';
import { IndicatorError } from '../../src/errors.js';

/**
 * The fast path in front of the grammar must give exactly what the grammar gives, on
 * every input it accepts. Inputs are generated in and around its shape: symbols, signs,
 * leading zeros, long digit runs, every unit spelling with and without magnitudes, and
 * the near misses (dates, words after the unit, two numbers).
 */
const engine = getDefaultEngine();
const spellings = units.flatMap((u) => [u.name, ...u.spellings]);
const piece = fc.oneof(
  { arbitrary: fc.constantFrom('≥', '≤', '=', '==', '>=', '<=', '>', '<', '≠', '!=', '=>', '=<', '<>', ''), weight: 6 },
  // What clean-up changes or trims: the fast path reads raw cells and must leave these alone.
  { arbitrary: fc.constantFrom('≧', '＝', '＞', ' ', '“', '\u200b', '<b>', '&ge;', '≥ '), weight: 1 },
);
const number = fc.oneof(
  { arbitrary: fc.stringMatching(/^[-+]?\d{1,8}(\.\d{1,6})?$/), weight: 3 },
  { arbitrary: fc.stringMatching(/^\d{4}\.\d{1,2}$/), weight: 3 },
  { arbitrary: fc.stringMatching(/^0{0,3}\d{1,40}(\.\d{0,40})?$/), weight: 3 },
  { arbitrary: fc.constantFrom('0', '-0', '0.0', '00', '2022', '1900.12', '12'), weight: 3 },
  { arbitrary: fc.constantFrom('５', '1．5', '－3', '12 5', '１00'), weight: 1 },
);
const unit = fc.oneof(
  { arbitrary: fc.constantFrom(...spellings, '%', '‰', '‱', ''), weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom('万', '亿', '千', '百', '十', '千万', '百万', '十万', '万亿', '亿亿', '万千'), fc.constantFrom(...spellings, '')).map(([a, b]) => a + b), weight: 3 },
  { arbitrary: fc.constantFrom('年', '月', '日', '号', '年底', '月底', '季度', '元/人', '所学校', '以上', '左右', '内', '%以上', '人次', 'KG', 'Km', 'M2'), weight: 3 },
  { arbitrary: fc.constantFrom('萬元', '億元', '個', '項', 'm²', 'km³', 'ｋｇ', '％', '﹪', '℅', '万 元', '亿元\u200b'), weight: 1 },
);
const tail = fc.oneof(
  { arbitrary: fc.constantFrom('', '', '', '1', '前', '(历史标准)', '，≤5%'), weight: 6 },
  { arbitrary: fc.constantFrom(' ', '。', '”', '<br>', '&nbsp;', '\u3000'), weight: 1 },
);

const fieldsOf = (x: unknown): unknown[] => {
  const f = x as { s: number; e: number; d: number[] };
  return [f.s, f.e, f.d];
};

describe('fast path ≡ grammar', () => {
  it('gives the identical target whenever it accepts an input', () => {
    let accepted = 0;
    fc.assert(
      fc.property(piece, number, unit, tail, (op, num, u, t) => {
        const text = `${op}${num}${u}${t}`;
        const fast = fastTarget(text, engine.units);
        if (fast === null) return;
        accepted++;
        // It reads raw cells: what it takes must be text clean-up leaves as it is.
        expect(isClean(text)).toBe(true);
        let slow;
        try {
          slow = parseTargetText(text, {}, engine, true);
        } catch (e) {
          if (e instanceof IndicatorError) throw new Error(`fast path accepted ${JSON.stringify(text)}, grammar rejects it: ${e.code}`);
          throw e;
        }
        expect(toJSON(fast)).toEqual(toJSON(slow));
        expect(fast.quantity.value.eq(slow.kind === 'compare' ? slow.quantity.value : NaN)).toBe(true);
        expect(fast.quantity.base.value.eq((slow as typeof fast).quantity.base.value)).toBe(true);
        // Built from the scanned digits (as an integer, times a whole factor such as 天's
        // 86400): the very fields decimal.js gives, not only an equal value.
        expect(fieldsOf(fast.quantity.value)).toEqual(fieldsOf((slow as typeof fast).quantity.value));
        expect(fieldsOf(fast.quantity.base.value)).toEqual(fieldsOf((slow as typeof fast).quantity.base.value));
      }),
      { numRuns: 20000 },
    );
    expect(accepted).toBeGreaterThan(2500);
  });

  it('parseQuantity: the fast path gives the identical quantity whenever it accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(number, unit, tail, (num, u, t) => {
        const text = `${num}${u}${t}`;
        const fast = fastQuantityText(text, engine.units);
        if (fast === null) return;
        accepted++;
        expect(isClean(text)).toBe(true);
        const slow = parseQuantityText(text, {}, engine, true);
        expect(toJSON(fast)).toEqual(toJSON(slow));
        expect(fast.base.value.eq(slow.base.value)).toBe(true);
      }),
      { numRuns: 10000 },
    );
    expect(accepted).toBeGreaterThan(1400);
  });

  it('builds decimals equal to decimal.js’s own, field by field, and leaves over 15 digits to the grammar', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^-?\d{1,16}(\.\d{1,16})?$/), (num) => {
        const t = fastTarget(`=${num}`, engine.units);
        if (num.replace(/[-.]/g, '').length > 15) {
          expect(t).toBeNull();
          return;
        }
        if (t === null) throw new Error(`fast path declined ${num}`);
        const d = t.quantity.value as unknown as { d: number[]; e: number; s: number };
        const ref = new (t.quantity.value.constructor as new (s: string) => typeof d)(num);
        expect({ d: d.d, e: d.e, s: d.s }).toEqual({ d: ref.d, e: ref.e, s: ref.s });
      }),
      { numRuns: 5000 },
    );
  });
});

describe('the text a quantity was read from, remembered as its shown form', () => {
  it('is what formatting writes for that quantity', () => {
    let accepted = 0;
    fc.assert(
      fc.property(number, unit, (num, u) => {
        const text = `${num}${u}`;
        const q = fastQuantityText(text, engine.units);
        if (q === null) return;
        accepted++;
        // Right after the read (remembered when the text is canonical) and for a copy (never).
        const copy = fromJSON(toJSON(q)) as typeof q;
        expect(formatQuantity(q)).toBe(formatQuantity(copy));
        expect(formatQuantity(q)).toBe(`${plain(q.value)}${q.unit}`);
      }),
      { numRuns: 10000 },
    );
    expect(accepted).toBeGreaterThan(2000);
  });
});
