import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, IndicatorError, parseQuantity, parseTarget, toJSON, units } from '../../src/index.js';
import { numeralValue, secondNumberAt, toChineseNumeral } from '../../src/numbers/chinese.js';
import { APPROX_PREFIX, PREFIX_OPS, POSTFIX_OPS, RATE_WORDS, TREND_MODIFIERS, TREND_WORDS } from '../../src/vocab/words.js';
import { strip } from '../helpers.js';

/** A decimal as a string, built from digits (never from a float). */
const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? i.toString() : `${i}.${f}`));

const unitSpelling = fc.constantFrom(...units.flatMap((u) => [u.name, ...u.spellings]).filter((s) => !/^[a-z]/i.test(s)));
const magnitude = fc.constantFrom('', '万', '亿', '千', '百万', '千万', '十万');
const unit = fc.oneof(
  fc.constantFrom('%', '‰', '个工作日', '元', '万元', '亿元', '人', '项', '次', '天', ''),
  fc.tuple(magnitude, unitSpelling).map(([m, u]) => m + u),
  fc.constantFrom('元/人', '万元/人', '元/人*月', '次/年', '元/平米'),
);
const label = fc.constantFrom(
  '', '满意度', '脱贫人口满意度', '受益户数',
  // Labels of any words (forms.md §8), and labels holding Chinese numeral characters, which
  // must come back from format unchanged.
  '补贴对象生活改善度', '完成', '2023年支付成本', '每年档案信息录入', '实地走访', '五', '十万本', '佰 壹', '三类人员', '一般故障',
  // Labels holding a numeral and its unit, a half, a comparator word (npm run fuzz).
  '每期三期', '四〇元', '半小时', '三/', '未完全达到', '已达标',
);
const opSym = fc.constantFrom('=', '≥', '≤', '>', '<', '≠', '>=', '<=', '不低于', '不超过', '达到', '');
const date = fc.record({
  y: fc.option(fc.integer({ min: 1990, max: 2099 }), { nil: null }),
  m: fc.integer({ min: 1, max: 12 }),
  d: fc.option(fc.integer({ min: 1, max: 28 }), { nil: null }),
});
const dateText = (x: { y: number | null; m: number; d: number | null }) => `${x.y !== null ? `${x.y}年` : ''}${x.m}月${x.d !== null ? `${x.d}日` : ''}`;

/** Target cells of every kind, written the way tables write them. */
const cell = fc.oneof(
  fc.tuple(label, opSym, decimal, unit).map(([l, o, v, u]) => `${l}${o}${v}${u}`),
  fc.tuple(decimal, unit, fc.constantFrom('以上', '以下', '以内', '左右')).map(([v, u, p]) => `${v}${u}${p}`),
  // Words between a comparator and its number, and after a complete quantity (forms.md §4).
  fc.tuple(label, fc.constantFrom('不少于', '至少', '不低于', '≥', '约'), fc.constantFrom('', '每年开展', '上年同期的'), decimal,
    fc.constantFrom('%', '个', '分钟', '万元'), fc.constantFrom('', '以上', '以内'), fc.constantFrom('', '达标', '满意', '进行应答'))
    .map(([l, o, g, v, u, p, a]) => `${l}${o}${g}${v}${u}${p}${a}`),
  fc.tuple(decimal, decimal, fc.constantFrom('%', '万元', '个工作日', '')).map(([a, b, u]) => {
    const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
    return `${lo}${u}-${hi}${u}`;
  }),
  fc.tuple(fc.constantFrom(...TREND_MODIFIERS, ''), fc.constantFrom(...TREND_WORDS.keys()), fc.option(fc.tuple(decimal, fc.constantFrom('%', '个百分点')), { nil: undefined }))
    .map(([m, w, a]) => `${m}${w}${a ? a[0] + a[1] : ''}`),
  date.map((d) => `${dateText(d)}前`),
  fc.tuple(date, date).map(([a, b]) => {
    const key = (x: typeof a) => [x.y ?? 0, x.m, x.d ?? 0];
    const [p, q] = key(a) <= key(b) ? [a, b] : [b, a];
    return `${dateText({ ...p, y: 2020 })}-${dateText({ ...q, y: 2021 })}`;
  }),
  fc.constantFrom('健全', '有效', '优良中低差', '按时完成', '完成'),
  fc.tuple(decimal, decimal).map(([a, b]) => `≥${a}%且≤${a === b ? a : b}%`),
  // Field forms of issue 19: colon ratios, rates, a unit in brackets, halves, compound denominators.
  fc.tuple(opSym, decimal, decimal).map(([o, a, b]) => `${o}${a}:${b}`),
  fc.tuple(opSym, decimal, fc.constantFrom('', '万', '万元', '元', '次', '人次'), fc.constantFrom(...RATE_WORDS.keys()))
    .map(([o, v, u, r]) => `${o}${v}${u}${r}`),
  fc.tuple(opSym, decimal, fc.constantFrom('', '万'), unit).map(([o, v, m, u]) => `${o}${v}${m}(${u})`),
  fc.tuple(fc.constantFrom('', '≤', '不超'), fc.constantFrom('半小时', '一个半月', '两年半', '半年', '三天半'), fc.constantFrom('', '内', '以内'))
    .map(([o, h, p]) => `${o}${h}${p}`),
  fc.tuple(opSym, decimal, fc.constantFrom('元/人/月', '元/人、天', '次/人/年', '万元/人、年')).map(([o, v, u]) => `${o}${v}${u}`),
  // Round trips of npm run fuzz: labelled deadlines and trends, a magnitude or unit after the
  // after-comparator (a note), a bracket inside a term.
  fc.tuple(label, fc.constantFrom('<', '≤', ''), date).map(([l, o, d]) => `${l}${o}${dateText(d)}前`),
  fc.tuple(label, fc.constantFrom(...TREND_WORDS.keys()), fc.constantFrom('不低于', '小于或等于', ''), decimal).map(([l, w, o, v]) => `${l}${w}${o}${v}`),
  fc.tuple(fc.constantFrom('≥', '不超过', ''), decimal, fc.constantFrom('以上', '及以下', '之内'), fc.constantFrom('万', '亿', '百万', '元', '个百分点'))
    .map(([o, v, p, m]) => `${o}${v}${p}${m}`),
  fc.tuple(fc.constantFrom('压缩', '按时'), fc.constantFrom('( 55)', '(\n完全符合)', '(\t)'), fc.constantFrom('结束', '完成')).map(([a, b, c]) => `${a}${b}${c}`),
);

describe('property: format / parse round trip', () => {
  it('parseTarget(format(t)) equals t (all but text) for generated cells', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const r = (() => { try { return parseTarget(text); } catch (e) { if (e instanceof IndicatorError) return null; throw e; } })();
        fc.pre(r !== null);
        const again = parseTarget(format(r!));
        expect(strip(toJSON(again))).toEqual(strip(toJSON(r!)));
      }),
      { numRuns: 3000 },
    );
  });

  it('most generated cells parse (the generator is not vacuous)', () => {
    const sample = fc.sample(cell, { numRuns: 1000, seed: 42 });
    const ok = sample.filter((t) => { try { parseTarget(t); return true; } catch { return false; } });
    expect(ok.length).toBeGreaterThan(900);
  });
});

describe('property: magnitudes agree exactly', () => {
  const shift = (v: string, places: number): string => {
    // Exact decimal shift by string manipulation: N万 = N × 10⁴.
    const [i, f = ''] = v.split('.');
    const digits = (i! + f.padEnd(places, '0'));
    const int = digits.slice(0, i!.length + places).replace(/^0+(?=\d)/, '');
    const frac = digits.slice(i!.length + places).replace(/0+$/, '');
    return frac ? `${int}.${frac}` : int;
  };

  it('N万元 = N×10⁴ 元 and N亿元 = N×10⁴ 万元', () => {
    fc.assert(
      fc.property(decimal, (v) => {
        const wan = parseQuantity(`${v}万元`).base.value.toString();
        const yuan = parseQuantity(`${shift(v, 4)}元`).base.value.toString();
        expect(wan).toBe(yuan);
        const yi = parseQuantity(`${v}亿元`).base.value.toString();
        const wan2 = parseQuantity(`${shift(v, 4)}万元`).base.value.toString();
        expect(yi).toBe(wan2);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('property: never anything but the package error', () => {
  const check = (text: string): void => {
    try {
      const t = parseTarget(text);
      JSON.stringify(toJSON(t));
    } catch (e) {
      if (!(e instanceof IndicatorError)) throw e;
      expect(typeof e.code).toBe('string');
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset + e.length).toBeLessThanOrEqual(Math.max(text.length, e.offset + e.length));
    }
  };

  it('on arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }), check), { numRuns: 5000 });
  });

  it('on strings made of the grammar’s own vocabulary', () => {
    const vocab = fc.constantFrom(
      ...PREFIX_OPS.keys(), ...POSTFIX_OPS.keys(), ...APPROX_PREFIX, ...TREND_WORDS.keys(), ...TREND_MODIFIERS,
      '%', '万', '亿', '元', '个工作日', '年', '月', '日', '底', '前', '-', '至', '(', ')', '（', '）', '[', ']', ',', '，', '且',
      '±', '百分之', '分之', '第', '季度', '<p>', '</p>', '&ge;', '1', '2022', '12', '31', '3.5', '一', '十', '零', ' ', '满意度', '健全',
    );
    fc.assert(fc.property(fc.array(vocab, { maxLength: 12 }).map((a) => a.join('')), check), { numRuns: 10000 });
  });

  it('error offsets stay inside the original text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        try { parseTarget(text); } catch (e) {
          if (!(e instanceof IndicatorError)) throw e;
          if (e.code !== 'INPUT_TOO_LONG') {
            expect(e.offset).toBeLessThanOrEqual(text.length);
            expect(e.offset + e.length).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('property: Chinese numerals', () => {
  it('number → Chinese → number round trip on integers up to 10¹⁶', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), (n) => {
        const cn = toChineseNumeral(n);
        const pieces = Array.from(cn).map((char) => ({ char }));
        expect(numeralValue(pieces)?.toFixed()).toBe(n.toString());
        // And through the public parser (a trailing magnitude becomes the unit).
        if (n > 0n) expect(parseQuantity(cn).base.value.toFixed()).toBe(n.toString());
      }),
      { numRuns: 5000 },
    );
  });

  it('mixed numerals: Arabic runs joined by 亿 and 万 add up, a lone digit at the end is elided, and a run after 十/百/千 reaches it or not', () => {
    /** A decimal written with up to 4 fraction digits, as an integer of ten-thousandths (an exact reference). */
    const whole = fc.oneof(fc.bigInt({ min: 0n, max: 99999n }), fc.constantFrom(1n, 9n, 10n, 99n, 100n, 999n, 1000n));
    const run = fc.tuple(whole, fc.constantFrom('', '.0', '.5', '.25', '.0625')).map(([i, f]) => `${i}${f}`);
    const scaled = (x: string): bigint => {
      const [w, f = ''] = x.split('.');
      return BigInt(w!) * 10000n + BigInt(f.padEnd(4, '0'));
    };
    const fromScaled = (n: bigint): string => {
      const w = n / 10000n;
      const f = (n % 10000n).toString().padStart(4, '0').replace(/0+$/, '');
      return f === '' ? w.toString() : `${w}.${f}`;
    };
    fc.assert(fc.property(run, run, run, fc.constantFrom('万', '亿'), (a, b, c, big) => {
      // a亿b万c: each run times its unit, the last one as written, or ×10³ when it is a lone digit 1–9 after 万.
      const pieces = [{ arabic: a }, { char: '亿' }, { arabic: b }, { char: '万' }, { arabic: c }];
      const lone = /^[1-9](\.0)?$/.test(c);
      const want = scaled(a) * 10n ** 8n + scaled(b) * 10n ** 4n + (lone ? scaled(c) * 1000n : scaled(c));
      expect(numeralValue(pieces)?.toFixed()).toBe(fromScaled(want));
      // b万 and b亿 with a run after them.
      const two = numeralValue([{ arabic: b }, { char: big }, { arabic: c }])!;
      const exp = big === '万' ? 4n : 8n;
      expect(two.toFixed()).toBe(fromScaled(scaled(b) * 10n ** exp + (lone ? scaled(c) * 10n ** (exp - 1n) : scaled(c))));
      // 五十c, 三百c, 两千c: a second number when c reaches the unit.
      for (const [unit, size] of [['十', 10n], ['百', 100n], ['千', 1000n]] as const) {
        const second = secondNumberAt([{ char: '五' }, { char: unit }, { arabic: c }]);
        expect(second, `五${unit}${c}`).toEqual(scaled(c) >= size * 10000n ? { at: 2, arabic: true } : null);
      }
    }), { numRuns: 3000 });
  });

  it.each([[0n, '零'], [10n, '十'], [12n, '十二'], [10012n, '一万零一十二'], [100000001n, '一亿零一'], [30000000n, '三千万'], [10n ** 16n, '一亿亿']])(
    '%s is written %s',
    (n, cn) => expect(toChineseNumeral(n)).toBe(cn),
  );
});
