/**
 * The shape cache (src/parse/shape-cache.ts) answers a text whose shape (its runs of ASCII
 * digits replaced by their lengths) it has seen from that text's own digits. It may do so
 * only where the parser's answer does not depend on the digits' values: these tests compare
 * a warmed parser with the uncached parse on the corpus cells, the docs' examples and
 * generated cells, with their digits replaced by digits chosen to cross every decision a
 * value can take (months 1–12 and 13–99, years in and out of 1900–2100, zeros, leading
 * zeros, ranges in and out of order).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParser, IndicatorError, parseTarget, toJSON, type CompareTarget, type Quantity, type Target } from '../../src/index.js';
import { makeEngine, parseTargetFresh, parseTargetValue, shapeOf, type ParseOptions } from '../../src/parse/parse.js';
import { parseQuantityValue, readQuantityFresh } from '../../src/parse/quantity.js';
import { digitWords, SHAPE_CACHE_SIZE, shapeKey } from '../../src/parse/shape-cache.js';
import { DATE_PLANS_SIZE } from '../../src/parse/date-plans.js';
import { REBUILD_PLANS_SIZE } from '../../src/parse/rebuild-plans.js';
import { clean } from '../../src/text/clean.js';
import { sameShape } from '../../src/parse/shape.js';
import { hashOf } from '../../src/parse/hash.js';
import { UNITS } from '../../src/vocab/units.js';
import { buildTarget } from '../../src/parse/build.js';
import { planCell } from '../../src/parse/part-plans.js';
import * as T from '../../src/parse/tokens.js';
import type { Token } from '../../src/parse/lexer.js';
import { Rational } from '../../src/numbers/rational.js';
import { readFamilies } from '../bench/families.mjs';

const CELLS = readFamilies();

/**
 * Cells of several numbers (src/parse/part-plans.ts): several parts, parts written twice,
 * ranges in brackets, bands, A±B and ratios written with a colon, alone and as parts.
 */
const PARTS = (() => {
  const parts = ['≥85%', '≤90%', '85%-90%', '[85%,90%]', '95±5%', '±3%以内', '1:2', '1：0.5', '约90%', '90%左右', '满意度≥90%', '3个工作日',
    '健全', '2±0.5万元', '2万元±5000元', '[1.5,2.5]万元', '1:2-1:3', '较上年提高5%', '同比提高不低于3%', '下降10%以上'];
  const joins = ['且', '，', ',', '；', '\n', '<br>', '\t\n', '、'];
  const out = new Set<string>([
    ...parts, '受益户数≥200户,受益脱贫户数≥15户', '手册3000张；景点10处\n', '一般故障10分钟内响应，重大故障1小时内到达现场处理',
    '≥90%\t\n≥90%\t\n', '≥90%（含）\n≥90%', '≥90%\n≥90%\n≥90%', '≥90%\n≥90%\n≥80%', '3:01-01以上', '±1:2', '≥1:2', '1:0.5左右', '1 : 2',
    '同期对比事故伤亡率下降10%', '道路交通亡人事故降低10%\n', '已提高5%', '未提高', '较上年提高', '95%±5', '±0.5个百分点', '85%至90%', '介于85%和90%之间', '0±0%', '≥90%且≥90%', '85%-90%\n85%-90%', '95±5%\n95±5%',
  ]);
  for (const a of parts) for (const j of joins) for (const b of parts) out.add(a + j + b);
  return [...out];
})();

/**
 * Errors of the scan and of the build (planned when neither read a digit's value before them,
 * shape-cache.ts `learnError`), and look-alikes whose error, or whether there is one, a value
 * read before it decides: a range's order or a band's sign in an earlier part, a date, a day of
 * the month, a divisor, a half added; digits in entities, tags and words of the vocabulary.
 */
const ERRORS = [
  '≥90%$', '90%（计划标准', '≥95%以下', '5%-3天', '每天早上6点半前到达', '每月8号前报送', '每月25日前发布家政服务岗位', '项目总成本不超76.8258万元·',
  '12月$', '2022年12月$', '2022年12月31日$', '1:2$', '1：0.5$', '第1季度$', '每月8号$', '每月8日前$', '3万4000$', '十5$', '1点五$', '3天半$', '1.5五$',
  '85%-90%，≥95%以下', '95±5%，≥95%以下', '±3%以内，≥95%以下', '95±-5%，≥95%以下', '±-3%以内，≥95%以下', '[85%,90%]$', '85%-90%以下以上', '5-3天$', '≥95%，12月$', '1:2，≥95%以下',
  '<h1>5</h1>%$', '<h1>5%$', '&#49;5%$', '5&#37;$', '5%&#36;', '&frac12;5%$', '指标1：≥95%以下', '满意度m5$', 'm5$', '5m2$', '≥95%（2023年$', '≥95%（不包含）',
  '≥95%（2023年）$', '95%（计划标准）以下', '５%以下', '≥９５．５%$', '2022.12$', '2022.13$', '3-6月$', '13-16月$', '每天早上6.5点半前到达',
  '≥95²%<h1>≥90%$', '<h1>50</h1> 60', '<b>50</b>&nbsp;60', '50&nbsp;60', '±-0%以内，≥95%以下', '95±-0%，≥95%以下', '１：０$',
  // Errors of the build after a decision on values (rebuild-plans.ts): ranges out of order, A±B empty; with labels, notes and entities.
  '90%-85%', '[90%,85%]', '95±-5%', '90%-85%以上', '满意度90%-85%', '指标1：90%-85%', '90.5%-85%', '90%-85.55%', '-5%--10%', '90%-85%（计划标准）',
  '90%-85%（2023年）', '90%-85%，≥95%', '≥95%，90%-85%', '2023年90%-85%', '&ge;90%&ge;85%', '90%-8&#53;%', '９０%-85%', '90％－85％', '5千-1万元', '2-1万元',
  '90%-85%以下以上', '90 %- 85 %', 'm90-85', '90m-85m', '1:2-1:3', '9,000-8,000元', '1-0,000个工作日', '90-85%', '85%-90%，95%-90%', '[90,85%]', '90%-85%，90%-85%', '九十%-85%', '90%-八十五%',
];

/** Cells made to cross the decisions a digit's value takes, and forms around a plain number. */
const GENERATED = (() => {
  const before = ['', '≥', '≤', '=', '<', '>', '≠', '不低于', '约', '满意度≥', '第', '每月', '控制在', '较上年提高', '2023年', '指标1：', '≥-', '-', '+', '≥+', '约-', '不低于-', 'a-', '1-', '－'];
  const numbers = ['1', '12', '123', '1234', '12.5', '1.25', '-5', '+12.5', '-0', '--5', '-.5', '1,234', '1:2', '12-34', '34-12', '1234.12', '1234.12.12', '1234-12-12',
    '1234年12月', '12月12日', '1234/12', '.5', '十5', '1点五', '三万5', '007'];
  const after = ['', '%', '个工作日', '月', '年', '项', 'm2', 'm', '季度', '个半月', '天半', '日', '号', '万元', '亿元', '分之3', '月底前',
    '年底前', '左右', '以上', '以内', '（含）', '(万元)', '%-90%', '%左右', '±3%', '%且≤95%', '%\n≥95%', '%，≥95%', '&#37;', '</p>', 'km2',
    // Errors of the scan and of the build after every form above.
    '$', '%$', '（计划', '%以下', '前到达', '点半前到达', '%-3天'];
  const out = new Set<string>();
  for (const b of before) for (const n of numbers) for (const a of after) out.add(b + n + a);
  for (const s of ['<h1>95</h1>', '<p>≥95%</p>', '&#49;5%', '≥９5%', '≥95％', '95.5', '2022.12', '2022.13', '1:0', '90%-85%',
    '第1季度', '第5季度', '2022年第1季度', '每月8号前', '每月25日前发布', '3-6月', '13-16月', '2022年1-12月', '≥95%\n≥95%',
    '满意度m5', 'm5', '5m2', '85%~90%', '85~90%', '介于85%和90%之间', '[85%,90%]', '5千-1万元', '3-5个工作日', '0±0%', '95±5%', '±0%',
    '10%-5%', '1.5-1.25万元', '90%-85.5%', '2-10天', '10天-2周', '0-0%', '满意度85%-90%', '≥2.5个月', '两年半', '3个半月', '1.5五', '十15', '3万4000', '≥1亿元', '一年3次',
    // Cells whose tokens do not fit the grammar (planned as their errors), and look-alikes.
    '≥95%且', '≥95%且≥', '满意度≥95%≥', '≥95%≤', '≥12月且', '≥2022年且', '≥1:2且', '≥95%且90%-85%', '50 60', '≥95 %且', '95%≥≥', '≥95%以上以下',
    // Errors quoting the number the grammar did not expect (re-sliced from each text), and look-alikes.
    '50 60 70', '5 6', '50  6.5', '≥95% 96', '≥95%，90 91', '指派13个执业律师驻点13个社区', '完成14个共4.3万平方米的小湖塘库管养',
    '完成测绘建筑物280栋或建筑面积约30万平方米', '50 ６0', '50 60%', '5.0 6.0.0', '50 0060', '<b>50</b> 60', '50 6&#48;', '第3 60', 'm2 50 60']) out.add(s);
  for (const s of PARTS) out.add(s);
  for (const s of ERRORS) out.add(s);
  return [...out];
})();

/** Full-width forms as office software writes them (`９５．５％`): every ASCII character that has one. */
const wide = (s: string): string => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const wideDigits = (s: string, which: RegExp = /[0-9.]/g): string => s.replace(which, (c) => wide(c));

/**
 * Full-width digits in every position they can take (the whole cell, its digits and points,
 * the first or last digit of a run, one number of two), and entities around the number:
 * named ones (decoded by letters only), numeric ones and names holding digits (decoded by
 * their digits' value), and look-alikes that are no entity.
 */
const DECORATED = (() => {
  const out = new Set<string>();
  const cells = GENERATED.filter((t) => /[0-9]/.test(t));
  for (const t of cells) {
    out.add(wide(t));
    out.add(wideDigits(t));
    out.add(wideDigits(t, /[0-9]/g));
    out.add(wideDigits(t, /(?<![0-9])[0-9]/g));
    out.add(wideDigits(t, /[0-9](?![0-9])/g));
    out.add(wideDigits(t, /[0-9]+(?:\.[0-9]+)?(?=[^0-9]*$)/g));
  }
  const entities = ['&ge;', '&le;', '&gt;', '&lt;', '&GE;', '&nbsp;', '&amp;', '&#8805;', '&#x2265;', '&#62;', '&#37;', '&frac12;', '&sup2;',
    '&frac1;', '&sup9;', '&ge', '&ge 5;', '& 5;', '&#5', '&５;', '&;', '&ge;&le;'];
  // `﹒` and `。` are no full-width point: `﹒` folds to `.` one for one all the same.
  const numbers = ['5', '95', '95.5', '９５', '９５．５', '95﹒5', '９５﹒５', '95。5', '5²', '1,234', '12月', '-5', '1:2'];
  const after = ['', '%', '％', '万元', '亩', '&#37;', '&nbsp;%', '%&ge;', '%&#59;', '&sup2;', 'km&sup2;', '%</p>'];
  for (const e of entities) for (const n of numbers) for (const a of after) { out.add(e + n + a); out.add(n + e + a); }
  // Cells written more than once: one target only while their parts are equal.
  for (const n of ['95', '9.5', '１２', '-5', '100']) {
    for (const twice of [`≥${n}%<br>≥${n}%`, `${n}%\n${n}%`, `≥${n}%且≥${n}%`, `${n}%左右，${n}%左右`, `≥${n}%\n≥${n}%\n≥${n}%`, `≥${n}%\n≤${n}%`,
      `≥${n}%\n≥${n}`, `≥${n}%\n≥${n}%（含）`, `≥${n}%\t\n≥${n}%\t\n`, `=${n}项；=${n}项`, `${n}%-${n}%\n${n}%-${n}%`, `≥${n}%\n满意度≥${n}%`]) out.add(twice);
  }
  for (const s of ['<p>&ge;95%</p>', '&ge;95%<br>&ge;95%', '满意度&ge;95%', '&ge;95%&le;98%', '&ge;85%且&le;90%', '&frac12;95%', '95&frac12;%']) out.add(s);
  return [...out];
})();

/**
 * Cells of several numbers with full-width digits (read folded), named entities and signs
 * (part-plans.ts plans none of the last: the differential test shows the parse answers them).
 */
const DECORATED_PARTS = (() => {
  const out = new Set<string>();
  for (const t of PARTS.filter((_, i) => i % 7 === 0)) {
    out.add(wideDigits(t));
    out.add(wideDigits(t, /[0-9](?![0-9])/g));
    out.add(t.replace(/≥/g, '&ge;').replace(/≤/g, '&le;'));
    out.add(t.replace(/(?<![0-9.])(?=[0-9])/, '-'));
    out.add(t.replace(/(?<![0-9.])(?=[0-9])/g, '-'));
  }
  for (const s of ['≥-5%且≤5%', '-95±5%', '95±-5%', '±-3%以内', '-1:2', '[-5%,5%]', '≥-90%\n≥-90%', '≥９０％\n≥９０％', '≥９０％<br>≥９０％', '１：０．５', '1：０',
    '［８５％，９０％］', '９５±５％', '±３％以内', '≥９０％\t\n≥９０％\t\n', '１０２<br>１２０', '≥９０％且≥９０％', '８５％-９０％\n８５％-９０％', '≥8５%且≤9０%',
    '&ge;85%且&le;90%', '&ge;90%<br>&ge;90%', '&ge;90%\n&ge;90%\n&ge;80%', '&frac12;85%且≤90%', '≥85%且&#8805;90%']) out.add(s);
  return [...out];
})();

/**
 * Ratios written with a colon and quantities in units whose factor has no finite decimal (亩 =
 * 10000/15 平方米), as the mix's fresh variants write them (`3.159489:7.159489`,
 * `≥10.159057亩`) and with short runs, whose redrawn digits make the base exact or not, and
 * the divisor zero or not, as often as not.
 */
const QUOTIENTS = [
  '3.159489:7.159489', '1.079430：0.5079430', '3:7', '1:1', '3.5:7', '1：0.5', '12:4', '1.25:2.5', '≥1:2.5', '1:2.5左右', '1:3\n1:3', '1.5:2-1.5:3',
  '3：0.05', '1 : 7', '≥3:7且≤5:7', '3:70%', '≥10.159057亩', '≧0.5068538万亩', '≥10亩', '12亩', '3.5亩-4.5亩', '15.5万亩左右', '≥12亩且≤13亩', '≥1.5亩\n≥1.5亩',
  '±3亩', '12±3亩', '较上年提高7亩', '≥5元/亩', '≤0.3万元/亩', '１２亩', '≥１０．５亩', '5.6:7', '4.9:0.5', '１：２', '3 ：7', '30:0.05', '-5.5:7', '+1.5:3', '≥-1:2',
];

/**
 * Numerals mixing Arabic digits with Chinese ones or units (src/parse/numeral-plans.ts), in
 * the forms a number takes in a cell, and look-alikes a plan must refuse: such a numeral read
 * and then made no number (a label's word, a fraction's denominator), a half added, full-width
 * digits, thousands commas, signs, a cell written twice.
 */
const MIXED_SEEDS = (() => {
  const numerals = ['3万4000', '十亿3000万', '25万6千', '3万4', '3万40', '3.5万4000.5', '1.5亿2000万', '五十3', '五十03', '三百150', '3千5', '3千05',
    '2亿3千万', '1万零50', '三万5', '两千6', '一百2', '3万4千5百', '3万4千5', '3万亿5000亿', '十5', '八十8', '3千0999', '3万4.0', '20万3', '1万2点五',
    // No numeral (two Chinese digits in a row) but for its digits' values, which may make it two numbers (一五十12).
    '一五十03'];
  const forms = ['#', '≥#', '≤#', '#元', '≥#元', '约#人', '#左右', '#以上', '#（含）', '#-#', '#～#元', '满意度≥#', '#个工作日', '#个半月', '#年半',
    '#分之1', '#：≥95%', '#个体户', '#所学校', '指标1：#', '#<br>#', '#；≥95%', '≥#且≤#', '&ge;#', '<p>#</p>', '#&#37;', '-#', '≥-#', '#-95%',
    // Errors of the scan after the numeral (a bracket not opened), which its digits may come before (五十12).
    '#)', '≥#元）'];
  const out = new Set<string>();
  for (const n of numerals) for (const f of forms) out.add(f.replaceAll('#', n));
  for (const n of ['3万4000', '3.5万4000.5', '十亿3000万', '25万6千', '五十03']) for (const f of ['#', '≥#元', '#-#', '<p>#</p>']) out.add(wide(f.replaceAll('#', n)));
  for (const s of ['３万４０００', '3万４000', '３．５万4000', '3万4000．5', '1,000万4000', '3万1,000', '+3万4000', '2023年3万4000', '3万4000-5万6000', '3万-4万5000', '十亿3000万元以上']) out.add(s);
  return [...out];
})();

const DIGIT = /[0-9０-９]/;
const withDigit = (cells: string[]): string[] => [...new Set(cells)].filter((t) => DIGIT.test(t));
/** Real cells (as often as generated ones, though far fewer), generated ones, full-width ones and entities. */
const TARGET_SEEDS = [withDigit(CELLS.map((c) => c.text)), withDigit(GENERATED), withDigit(DECORATED)];
/** The benchmark's actual values (`#%`, `#万元`: `#` where the number goes). */
const QUANTITY_SEEDS = [withDigit(CELLS.flatMap((c) => [c.actual.replace('#', '95'), c.actual.replace('#', '1.25')])), withDigit(CELLS.map((c) => c.text)),
  withDigit(GENERATED), withDigit(DECORATED), withDigit(MIXED_SEEDS)];

/** The runs of digits of a text, each of one kind (ASCII or full-width). */
function runsOf(text: string): { start: number; end: number; wide: boolean }[] {
  return [...text.matchAll(/[0-9]+|[０-９]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, wide: m[0] >= '０' }));
}

function withDigits(text: string, fills: readonly string[]): string {
  let out = '';
  let at = 0;
  runsOf(text).forEach((r, i) => { out += text.slice(at, r.start) + (r.wide ? wide(fills[i]!) : fills[i]!); at = r.end; });
  return out + text.slice(at);
}

/** `n` written in exactly `len` digits (cut on the left, or zeros before it). */
const fit = (n: number | string, len: number): string => String(n).padStart(len, '0').slice(-len);

/** Digits for a run of `len`, drawn to cross the decisions of dates, ranges and zero divisors. */
function fill(len: number): fc.Arbitrary<string> {
  const random = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: len, maxLength: len }).map((d) => d.join(''));
  return fc.oneof(
    random,
    fc.constant('0'.repeat(len)),
    fc.integer({ min: 1, max: 12 }).map((n) => fit(n, len)),
    fc.integer({ min: 13, max: 99 }).map((n) => fit(n, len)),
    fc.integer({ min: 1900, max: 2100 }).map((n) => fit(n, len)),
    fc.integer({ min: 0, max: 9999 }).map((n) => fit(n, len)),
    fc.integer({ min: 1, max: 31 }).map((n) => fit(n, len)),
    random.map((d) => `0${d.slice(1)}`),
  );
}

/**
 * A seed and some texts of its shape. Some texts fill the runs the seed writes alike with the
 * same digits (`≥90%<br>≥90%` stays a cell written twice), some fill runs of one length alike
 * (the parts of a cell come out equal as often as not), the others each run on its own.
 */
function variants(seeds: readonly string[][]): fc.Arbitrary<{ seed: string; texts: string[] }> {
  return fc.oneof(...seeds.map((s) => fc.constantFrom(...s))).chain((seed) => {
    const runs = runsOf(seed);
    const written = runs.map((r) => seed.slice(r.start, r.end).replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
    const fills = fc.tuple(fc.tuple(...runs.map((r) => fill(r.end - r.start))), fc.constantFrom('own', 'written', 'length')).map(([f, alike]) => {
      if (alike === 'written') return f.map((_, i) => f[written.indexOf(written[i]!)]!);
      if (alike === 'own') return f;
      const byLength = new Map<number, string>();
      return f.map((d) => byLength.get(d.length) ?? (byLength.set(d.length, d), d));
    });
    return fc.array(fills, { minLength: 2, maxLength: 3 }).map((all) => ({ seed, texts: all.map((f) => withDigits(seed, f)) }));
  });
}

/** Why a warmed answer differs from the reference, or null when they are the same. */
function difference(warm: Target | Quantity | IndicatorError, ref: Target | Quantity | IndicatorError): string | null {
  if (ref instanceof IndicatorError || warm instanceof IndicatorError) {
    if (!(ref instanceof IndicatorError && warm instanceof IndicatorError)) return `one an error: ${String(warm)} / ${String(ref)}`;
    const a = `${warm.code} ${warm.offset} ${warm.length} ${warm.input} ${JSON.stringify(warm.details)} ${JSON.stringify(warm.messages)}`;
    const b = `${ref.code} ${ref.offset} ${ref.length} ${ref.input} ${JSON.stringify(ref.details)} ${JSON.stringify(ref.messages)}`;
    return a === b ? null : `${a} / ${b}`;
  }
  const a = JSON.stringify(toJSON(warm as Target));
  const b = JSON.stringify(toJSON(ref as Target));
  if (a !== b) return `${a}\n / ${b}`;
  // The same fields in the same order, and as frozen.
  const ka = Object.keys(warm).join();
  const kb = Object.keys(ref).join();
  if (ka !== kb) return `fields ${ka} / ${kb}`;
  return Object.isFrozen(warm) === Object.isFrozen(ref) ? null : 'frozen';
}

/**
 * A text parsed by the warmed engine and by the reference without caches; throws, naming the
 * text (or `label`), where the two answers differ.
 */
function bothWays(text: string, options: ParseOptions, warm: ReturnType<typeof makeEngine>, reference: ReturnType<typeof makeEngine>, label = JSON.stringify(text)): { got: Target | IndicatorError; want: Target | IndicatorError } {
  const got = parseTargetValue(text, options, warm);
  const want = parseTargetFresh(text, options, reference);
  const diff = difference(got, want);
  if (diff !== null) throw new Error(`${label}: ${diff}`);
  return { got, want };
}

const OPTIONS = fc.constantFrom<ParseOptions>({}, {}, { year: 2024 });

/** Whether the shape cache of `e` answers a text once `e` has parsed it. */
function plannedBy(e: ReturnType<typeof makeEngine>): (text: string) => boolean {
  return (text) => {
    parseTargetValue(text, {}, e);
    return e.shapes.target(shapeOf(text, {})!, text) !== undefined;
  };
}

describe('rebuild plans', () => {
  it('are learnt from errors of the build after a decision on values, when every digit is in a plain number or a label', () => {
    const e = makeEngine(UNITS);
    const learns = (text: string): boolean => {
      const before = e.rebuilds.size;
      expect(parseTargetValue(text, {}, e)).toBeInstanceOf(IndicatorError);
      return e.rebuilds.size > before;
    };
    for (const t of ['90%-85%', '[90%,85%]', '95±-5%', '满意度90%-85%', '指标1：90%-85%', '90%-85%（计划标准）', '5-3天']) expect(learns(t), t).toBe(true);
    // A digit in a note, an entity decoded by its digits' value (the cleaned texts still compare), a divisor read, a full-width digit.
    for (const t of ['90%-85%（2023年）', '1:2-1:3', '3:2-1:3']) expect(learns(t), t).toBe(false);
    // What they answer is the parse's, target or error.
    for (const t of ['91%-86%', '86%-91%', '[91%,86%]', '[86%,91%]', '96±-4%', '96±-0%', '满意度91%-92%', '-6%--1%', '6-3天', '3-6天']) {
      expect(difference(parseTargetValue(t, {}, e), parseTargetFresh(t, {}, e)), t).toBeNull();
    }
    // A target made on a rebuild plan's tokens is planned by the shape cache, as one made by a full parse is.
    const shape = shapeOf('87%-92%', {})!;
    expect(e.shapes.target(shape, '87%-92%')).toBeDefined();
    expect(e.shapes.target(shape, '92%-87%')).toBeUndefined();
  });

  it('remake numbers and labels only: a plan is refused where any other token holds a digit', () => {
    const e = makeEngine(UNITS);
    // `:2` of a ratio is a unit whose digits are a divisor's (the scan marks such a read; here it is said to be none).
    const text = '1:2-1:3';
    const ct = clean(text);
    const { tokens, notes } = e.lexer.tokenize(ct, 'zh');
    const { segments } = e.parser.parseCell(tokens);
    expect(tokens.some((t) => t.tokenType === T.Unit && /[0-9]/.test(t.image))).toBe(true);
    e.rebuilds.learn(shapeOf(text, {})!, { ct, tokens, segments: segments!, notes }, true);
    expect(e.rebuilds.size).toBe(0);
    // A number whose token is not the plain reading of its text (a half added), a token whose image is not its text.
    const other = '90%-85%';
    const oct = clean(other);
    const scanned = e.lexer.tokenize(oct, 'zh');
    const doctored = (change: (t: Token) => Token): Token[] => scanned.tokens.map((t) => (t.tokenType === T.NumberTok && t.image === '90' ? change(t) : t));
    for (const tokens2 of [doctored((t) => ({ ...t, value: Rational.of('181', '2') })), doctored((t) => ({ ...t, image: '91' })), scanned.tokens]) {
      const cells = e.parser.parseCell(tokens2).segments!;
      e.rebuilds.learn(shapeOf(other, {})!, { ct: oct, tokens: tokens2, segments: cells, notes: scanned.notes }, true);
      expect(e.rebuilds.size).toBe(tokens2 === scanned.tokens ? 1 : 0);
    }
  });

  it('stay bounded', () => {
    const e = makeEngine(UNITS);
    for (let i = 0; i < REBUILD_PLANS_SIZE * 3; i++) {
      const label = `指标${i.toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]!)}`;
      parseTargetValue(`${label}90%-85%`, {}, e);
    }
    expect(e.rebuilds.size).toBeGreaterThan(REBUILD_PLANS_SIZE / 2);
    expect(e.rebuilds.size).toBeLessThanOrEqual(REBUILD_PLANS_SIZE);
  });
});

describe('the shape cache', () => {
  it('keys texts by shape: the same shape only for texts that differ in the values of digits of one kind', () => {
    const text = fc.string({ unit: fc.constantFrom('1', '2', '0', '１', '９', 'a', '.', '．', '\u0000', '%'), maxLength: 12 });
    const mark = (x: string): string => x.replace(/[0-9]/g, '0').replace(/[０-９]/g, '０');
    fc.assert(fc.property(text, text, fc.constantFrom(null, 2024, 2025), (a, b, year) => {
      const ka = shapeKey(a);
      const kb = shapeKey(b);
      // No shape for a text without a digit (nothing to plan).
      const digitless = (x: string): boolean => !/[0-9０-９]/.test(x);
      if (ka === null || kb === null) return (ka === null) === digitless(a) && (kb === null) === digitless(b);
      const same = mark(a) === mark(b);
      // The same shape has the same hash (plans are found by it); a year is part of the shape.
      const withYear = shapeKey(b, year)!;
      // The text's own hash, taken in the same pass, is the cache of cells' (hashOf).
      return sameShape(ka, kb) === same && (!same || ka.hash === kb.hash) && sameShape(ka, withYear) === (same && year === null)
        && ka.textHash === hashOf(a);
    }), { numRuns: 20000 });
    const same = (a: string, b: string): boolean => sameShape(shapeKey(a)!, shapeKey(b)!);
    expect(same('≥95%', '≥12%')).toBe(true);
    expect(same('≥95%', '≥9%')).toBe(false);
    expect(same('≥9.5%', '≥95%')).toBe(false);
    expect(same('≥９５．０％', '≥１２．５％')).toBe(true);
    expect(same('≥９５．０％', '≥95．0％')).toBe(false);
    expect(shapeKey('≥95%')!.hash).toBe(shapeKey('≥12%')!.hash);
    expect(shapeKey('\u0000')).toBeNull();
    expect(shapeKey('健全')).toBeNull();
  });

  it('answers a text of a known shape exactly as the uncached parse does: corpus, docs and generated cells with other digits', () => {
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    let planned = 0;
    let plannedErrors = 0;
    let calls = 0;
    fc.assert(fc.property(variants(TARGET_SEEDS), OPTIONS, ({ texts }, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        if (shape !== null && warm.shapes.target(shape, text) !== undefined) planned++;
        if (shape !== null && warm.shapes.error(shape, text, 'zh') !== undefined) plannedErrors++;
        calls++;
        const { got } = bothWays(text, options, warm, reference);
        if (!(got instanceof IndicatorError) && got.text !== text) throw new Error(`${JSON.stringify(text)}: text ${got.text}`);
      }
    }), { numRuns: 20000 });
    // The comparison is worth something only if many answers came from plans.
    expect(planned / calls).toBeGreaterThan(0.15);
    expect(plannedErrors / calls).toBeGreaterThan(0.002);
  });

  it('answers errors of a known shape exactly as the uncached parse does: the scan\'s, the grammar\'s and the build\'s, and look-alikes', () => {
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    let plannedErrors = 0;
    let rebuilt = 0;
    let rebuiltErrors = 0;
    let errors = 0;
    const seeds = [withDigit(ERRORS), withDigit(ERRORS.flatMap((t) => [wideDigits(t), wideDigits(t, /[0-9](?![0-9])/g), t.replace(/≥/g, '&ge;')]))];
    fc.assert(fc.property(variants(seeds), OPTIONS, ({ texts }, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        if (shape !== null && warm.shapes.error(shape, text, 'zh') !== undefined) plannedErrors++;
        const remade = shape === null ? undefined : warm.rebuilds.remake(shape, clean(text), warm.units, 'zh');
        if (remade !== undefined) rebuilt++;
        // Ends out of order, answered before the tokens are remade.
        if (remade instanceof IndicatorError) rebuiltErrors++;
        const { want } = bothWays(text, options, warm, reference);
        if (want instanceof IndicatorError) errors++;
      }
    }), { numRuns: 6000 });
    // Most answers of the errors came from plans, and many from rebuild plans (errors or targets).
    expect(plannedErrors / errors).toBeGreaterThan(0.3);
    expect(rebuilt).toBeGreaterThan(1000);
    expect(rebuiltErrors).toBeGreaterThan(300);
  });

  it('reads actual values of a known shape exactly as the uncached reading does', () => {
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    let planned = 0;
    let calls = 0;
    fc.assert(fc.property(variants(QUANTITY_SEEDS), OPTIONS, ({ texts }, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        if (shape !== null && warm.shapes.quantity(shape, text) !== undefined) planned++;
        calls++;
        const diff = difference(parseQuantityValue(text, options, warm), readQuantityFresh(text, options, reference));
        if (diff !== null) throw new Error(`${JSON.stringify(text)}: ${diff}`);
      }
    }), { numRuns: 10000 });
    expect(planned / calls).toBeGreaterThan(0.15);
  });

  it('reads numbers written as four digits and a decimal as the uncached reading does: a year and a month only before nothing, 前, 至 …', () => {
    // `2023.07` alone may be a date (its year's and month's values decide), `1203.4万元` is an
    // amount whatever its digits: the scan reads the digits only where a date may follow.
    const seeds = withDigit(['1203.4万元', '1203.45家', '3002.6', '2023.07', '2023.7前', '2023.12底', '2023.07 至2024.01', '2023.1-2024.2',
      '1999.5个', '2023.07,', '≥1203.4万元', '2023.07完成', '2023.07之前', '2024.1人次', '1203.4\n万元', '１２０３．４万元', '２０２３．０７']);
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    let planned = 0;
    fc.assert(fc.property(variants([seeds]), OPTIONS, ({ texts }, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        if (shape !== null && warm.shapes.quantity(shape, text) !== undefined) planned++;
        const q = difference(parseQuantityValue(text, options, warm), readQuantityFresh(text, options, reference));
        if (q !== null) throw new Error(`${JSON.stringify(text)}: ${q}`);
        const t = difference(parseTargetValue(text, options, warm), parseTargetFresh(text, options, reference));
        if (t !== null) throw new Error(`${JSON.stringify(text)}: ${t}`);
      }
    }), { numRuns: 6000 });
    expect(planned).toBeGreaterThan(1000);
    const e = makeEngine(UNITS);
    const plans = plannedBy(e);
    const quantityPlanned = (text: string): boolean => {
      parseQuantityValue(text, {}, e);
      return e.shapes.quantity(shapeOf(text, {})!, text) !== undefined;
    };
    for (const t of ['1203.4万元', '1203.45家', '2024.1人次']) {
      expect(plans(t), t).toBe(true);
      expect(quantityPlanned(t), t).toBe(true);
    }
    for (const t of ['2023.07', '2023.7前', '3002.6', '2023.07 至2024.01']) expect(plans(t), t).toBe(false);
    for (const t of ['2023.07', '3002.6']) expect(quantityPlanned(t), t).toBe(false);
  });

  it('plans the shapes of plain comparisons, approximations and ranges, and none whose outcome a digit\'s value decides', () => {
    const e = makeEngine(UNITS);
    const plans = plannedBy(e);
    for (const t of ['≥95%', '=207项', '3个工作日', '满意度≥90%', '90%左右', '≥97.5%', '不低于95%', '≤12月', '≥5年', '百分之90', '85%-90%',
      '3-5个工作日', '９５％', '≥９５．５％', '-5', '-5%', '≥-5%', '+5%', '-１２．５%', '＝１００％', '&ge;90%', '<p>&ge;90%</p>', '95%&nbsp;']) expect(plans(t), t).toBe(true);
    for (const t of ['12月', '13月', '2022年', '2022.12', '第1季度', '3个半月', '1,200人',
      '&#49;5%', '&#8805;90%', '95&#37;', '&frac12;5%', '95﹒5%', '指标1：≥95%', '5m2', '满意度m5', '≥95%（2023年）']) expect(plans(t), t).toBe(false);
  });

  it('answers cells of several numbers from their plans exactly as the uncached parse does: parts equal and not, ends in and out of order, zero divisors', () => {
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    let planned = 0;
    let calls = 0;
    const kinds = new Map<string, number>();
    fc.assert(fc.property(variants([withDigit(PARTS), withDigit(PARTS), withDigit(DECORATED_PARTS)]), OPTIONS, ({ texts }, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        const fromPlan = shape !== null && warm.shapes.target(shape, text) !== undefined;
        calls++;
        const { got } = bothWays(text, options, warm, reference);
        if (fromPlan) {
          planned++;
          const t = got as Target;
          const kind = t.kind === 'all' ? 'all' : /[:：]/.test(text) ? 'ratio' : t.kind;
          kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      }
    }), { numRuns: 20000 });
    expect(planned / calls).toBeGreaterThan(0.3);
    // Every kind of plan answered, a cell written twice both as one target and as two.
    for (const k of ['all', 'compare', 'approx', 'range', 'ratio', 'trend']) expect(kinds.get(k) ?? 0, k).toBeGreaterThan(50);
  });

  it('answers ratios and quantities in 亩 with fresh fractions and zero divisors exactly as the uncached parse does, exact or not', () => {
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    const seen = { planned: 0, exact: 0, inexact: 0, zero: 0, values: 0, plannedValues: 0, plannedRatioValues: 0 };
    const isExact = (q: unknown): boolean => (q as { exact?: boolean }).exact !== false;
    fc.assert(fc.property(variants([QUOTIENTS]), OPTIONS, ({ texts }, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        const fromPlan = shape !== null && warm.shapes.target(shape, text) !== undefined;
        const { got, want } = bothWays(text, options, warm, reference);
        if (want instanceof IndicatorError && want.code === 'INVALID_NUMBER') seen.zero++;
        if (fromPlan && (got as Target).kind === 'compare') {
          seen.planned++;
          if (isExact(toJSON((got as CompareTarget).quantity))) seen.exact++; else seen.inexact++;
        }
        // The same text as an actual value, where it is one (a ratio's plan asks again whether its divisor is zero).
        const valuePlanned = shape !== null && warm.shapes.quantity(shape, text) !== undefined;
        const value = parseQuantityValue(text, options, warm);
        const valueDiff = difference(value, readQuantityFresh(text, options, reference));
        if (valueDiff !== null) throw new Error(`${JSON.stringify(text)} as a value: ${valueDiff}`);
        if (!(value instanceof IndicatorError)) seen.values++;
        if (valuePlanned) seen.plannedValues++;
        if (valuePlanned && (value as Quantity).unit.startsWith(':')) seen.plannedRatioValues++;
      }
    }), { numRuns: 10000 });
    // Many answers came from plans, exact and not, and many divisors were zero.
    for (const [k, n] of Object.entries(seen)) expect(n, k).toBeGreaterThan(300);
  });

  it('plans cells of several numbers: each part, a cell written twice, brackets, bands, A±B and ratios, with the build\'s checks run again', () => {
    const e = makeEngine(UNITS);
    const plans = plannedBy(e);
    for (const t of ['≥85%且≤90%', '≥90%\n≥90%', '≥90%<br>≥90%', '[85%,90%]', '95±5%', '0±0%', '±3%以内', '1:5', '1：0.5', '≥1:2',
      '受益户数≥200户,受益脱贫户数≥15户', '一般故障10分钟内响应，重大故障1小时内到达现场处理', '≥95%，健全', '较上年提高5%', '≥95%，较上年提高5%',
      '同期对比事故伤亡率下降10%']) expect(plans(t), t).toBe(true);
    // Written twice with entities or alike, as part plans too.
    for (const t of ['≥90%\t\n≥90%\t\n', '90%左右，90%左右', '≥90%且≥90%', '&ge;85%且&le;90%', '&ge;90%<br>&ge;90%']) expect(plans(t), t).toBe(true);
    // A ratio's unit lent to the other end of a range is the first divisor's, which the template would fix.
    for (const t of ['3:01-01以上', '≥95%且2023年底前']) expect(plans(t), t).toBe(false);
    // Full-width digits, read folded as clean-up folds them, in every read of the plan (a ratio's divisor too).
    for (const t of ['≥９０％\n≥９０％', '≥９０％<br>≥９０％', '≥９０％且≤９５％', '１：０．５', '1：０．５', '［８５％，９０％］', '９５±５％', '±３％以内', '８５％-９０．５％',
      '受益户数≥２００户,受益脱贫户数≥１５户', '≥9０%且≤95%']) expect(plans(t), t).toBe(true);
    // Refused: signs in cells of several numbers (the plans of parts read unsigned numbers
    // only), and entities whose decoding reads a digit. A zero divisor is the parse's error.
    for (const t of ['1：０', '≥-5%且≤5%', '-95±5%', '±-3%以内', '≥-90%\n≥-90%', '≥85%且&#8805;90%', '≥－５％且≤５％']) {
      expect(plans(t), t).toBe(false);
    }
    const answer = (text: string): string => JSON.stringify(toJSON(parseTargetValue(text, {}, e) as Target));
    const fresh = (text: string): string => JSON.stringify(toJSON(parseTargetFresh(text, {}, e) as Target));
    // Written twice: one target when the parts are equal, both when they are not (joinParts decides on each text).
    expect(JSON.parse(answer('≥91%\n≥91%')).kind).toBe('compare');
    expect(JSON.parse(answer('≥91%\n≥92%')).kind).toBe('all');
    for (const t of ['≥93%\n≥93%', '≥93%\n≥94%', '≥95%且≤90%', '[95%,90%]', '96±4%', '±4%以内', '2:0', '2：0.0', '3：2.5']) {
      const got = parseTargetValue(t, {}, e);
      const want = parseTargetFresh(t, {}, e);
      expect(difference(got, want), t).toBeNull();
    }
    // Out of order and zero divisors are left to the parse, which makes their errors.
    expect((parseTargetValue('[95%,90%]', {}, e) as IndicatorError).code).toBe('EMPTY_RANGE');
    expect((parseTargetValue('2:0', {}, e) as IndicatorError).code).toBe('INVALID_NUMBER');
    expect(answer('97±3%')).toBe(fresh('97±3%'));
    expect(JSON.parse(answer('97±3%')).min.value).toBe('94');
  });

  it('keeps a plan of a cell only when, run on the text it was learnt from, it gives the parse\'s target back', () => {
    const e = makeEngine(UNITS);
    const text = '≥85%且≤90%';
    const ct = clean(text);
    const { tokens, notes } = e.lexer.tokenize(ct, 'zh');
    const { segments } = e.parser.parseCell(tokens);
    const parts: { offset: number; length: number; target: Target }[] = [];
    const made = buildTarget(segments!, { ct, units: e.units, locale: 'zh', year: null, notes, parts }) as Target;
    const numbers = new Map(tokens.filter((t) => t.tokenType === T.NumberTok).map((t) => [t.startOffset, { start: t.startOffset, end: t.endOffset + 1 }] as const));
    expect(planCell(text, made, { segments: segments!, parts }, numbers, new Map(), e.units, false)).not.toBeNull();
    // A target the plan would not make from this text (another text's parts under this one's text): no plan.
    const other = parseTargetFresh('≥86%且≤90%', {}, e) as Target & { targets: readonly Target[] };
    const wrong = Object.freeze({ ...made, targets: other.targets }) as Target;
    expect(planCell(text, wrong, { segments: segments!, parts }, numbers, new Map(), e.units, false)).toBeNull();
  });

  it('plans the errors of the scan, the grammar and the build when none read a digit\'s value before it, and no other', () => {
    const e = makeEngine(UNITS);
    const plans = (text: string): boolean => {
      expect(parseTargetValue(text, {}, e)).toBeInstanceOf(IndicatorError);
      return e.shapes.error(shapeOf(text, {})!, text, 'zh') !== undefined;
    };
    // Tokens that do not fit the grammar; the last three quote the number at the error's span, sliced from each text again.
    for (const t of ['≥95%且', '≥95%且≥', '满意度≥95%≥', '50 60', '指派13个执业律师驻点13个社区', '完成14个共4.3万平方米的小湖塘库管养']) expect(plans(t), t).toBe(true);
    // The scan's errors and the build's, with digits before, at and after where they stop.
    for (const t of ['≥90%$', '90%（计划标准', '≥９５%$', '≥95%以下', '5%-3天', '每天早上6点半前到达', '每月8.5号前报送', '每月25.5日前发布家政服务岗位',
      '项目总成本不超76.8258万元·', '≥95%$，≥90%', '指标1：≥95%以下']) expect(plans(t), t).toBe(true);
    // A value read before the error: a range's order (90%-85%, and before another part's error),
    // a day of the month, a date, a divisor, a half added; digits that clean-up decodes or drops,
    // or that may run into a word of the vocabulary (`m2`).
    for (const t of ['90%-85%', '85%-90%，≥95%以下', '95±5%，≥95%以下', '每月8号前报送', '每月25日前发布家政服务岗位', '2022年2月30日前', '12月$', '1:2$',
      '3天半$', '95±-0%，≥95%以下', '&#49;5%$', '满意度m5$', '5m2$', '5-3天']) expect(plans(t), t).toBe(false);
    // ±-3%以内 is empty whatever its digits (its sign is in the shape); the build's error quotes its ends' values.
    expect(plans('±-3%以内')).toBe(false);
    // A digit dropped with a tag is the same in every text of the shape: whatever its value, none is left.
    for (const t of ['<h1>5%$', '<h1>50</h1> 60']) expect(plans(t), t).toBe(true);
    // A quoted number is sliced again only where clean-up keeps it as written.
    for (const t of ['50 ６0', '50 6&#48;']) expect(plans(t), t).toBe(false);
    // What a re-sliced error quotes is the text's own number, in its messages too.
    const quoted = parseTargetValue('指派27个执业律师驻点98个社区', { locale: 'en' }, e) as IndicatorError;
    expect([quoted.code, quoted.offset, quoted.length, quoted.details, quoted.messages.zh, quoted.message])
      .toEqual(['UNEXPECTED_TOKEN', 11, 2, { found: '98', expected: '' }, '此处不应出现“98”', 'Unexpected "98"']);
    expect(Object.isFrozen(quoted.details)).toBe(true);
    // As the constructor makes it: the same prototype, own fields, attributes and order (but its stack).
    const fields = (x: Error): unknown => Object.getOwnPropertyNames(x).filter((k) => k !== 'stack')
      .map((k) => [k, { ...Object.getOwnPropertyDescriptor(x, k), value: typeof (x as unknown as Record<string, unknown>)[k] }]);
    const fresh = parseTargetFresh('指派27个执业律师驻点98个社区', { locale: 'en' }, makeEngine(UNITS)) as IndicatorError;
    expect(fields(quoted)).toEqual(fields(fresh));
    expect(Object.getPrototypeOf(quoted)).toBe(Object.getPrototypeOf(fresh));
    expect([Object.isFrozen(quoted.messages), quoted.messages, quoted.details]).toEqual([true, fresh.messages, fresh.details]);
    // A detail quoting digits from elsewhere than the error's span is never planned (the
    // parse makes none today: what it quotes with digits is the unexpected number itself).
    const other = makeEngine(UNITS);
    const learn = other.shapes.learnError.bind(other.shapes);
    other.shapes.learnError = (key, text, seen, made) => learn(key, text, seen,
      new IndicatorError(made.code, made, made.input, { ...made.details, found: text.slice(0, 2) }));
    parseTargetValue('50 60', {}, other);
    expect(other.shapes.error(shapeOf('50 60', {})!, '50 60', 'zh')).toBeUndefined();
    other.shapes.learnError = (key, text, seen, made) => learn(key, text, seen,
      new IndicatorError(made.code, made, made.input, { ...made.details, found: text.slice(3, 5) }));
    parseTargetValue('51 61', {}, other);
    expect(other.shapes.error(shapeOf('51 61', {})!, '51 61', 'zh')).toBeDefined();
    // A planned error is the caller's own, with the text's own input, in the caller's locale.
    const a = parseTargetValue('≥96%且', { locale: 'en' }, e) as IndicatorError;
    const b = parseTargetValue('≥97%且', {}, e) as IndicatorError;
    expect([a.input, b.input, a.message === a.messages.en, b.message === b.messages.zh, a === b]).toEqual(['≥96%且', '≥97%且', true, true, false]);
  });

  it('refuses every shape of a parser whose vocabulary has a word that begins with a digit; guards the letters before digits in words', () => {
    expect(digitWords(['m2', 'km2', '个']).before).toEqual(new Set(['m', 'M']));
    expect(digitWords(['m2']).leading).toBe(false);
    expect(digitWords(['3D打印']).leading).toBe(true);
    const e = makeEngine([...UNITS, { name: '3D打印', spellings: [], dimension: 'count', base: '3D打印', factor: '1' }]);
    parseTargetValue('≥95%', {}, e);
    parseTargetValue('≥95%$', {}, e);
    parseTargetValue('≥95%以下', {}, e);
    expect(e.shapes.size).toBe(0);
    // A caller's comparator word with a digit: `A1` before 5% is ≥ 5%, but `A2` is a label A
    // and the number 25. The letter before the digit keeps the shape unplanned.
    const words = makeEngine(UNITS, { prefixOps: { A1: '>=' } });
    for (const [text, want] of [['A25%', '"op":"=","implicit":true'], ['A15%', '"op":">="'], ['A35%', '"op":"=","implicit":true']] as const) {
      const got = JSON.stringify(toJSON(parseTargetValue(text, {}, words) as Target));
      expect(got).toContain(want);
      expect(got).toBe(JSON.stringify(toJSON(parseTargetFresh(text, {}, words) as Target)));
    }
    expect(words.shapes.size).toBe(0);
    // The same for the errors of the scan and of the build: `A1` before 5%以下 is ≥ against 以下.
    for (const text of ['A15%以下', 'A25%以下', 'A15%$', 'A15%以下']) {
      expect(difference(parseTargetValue(text, {}, words), parseTargetFresh(text, {}, words)), text).toBeNull();
    }
    expect(parseTargetValue('A15%以下', {}, words)).toBeInstanceOf(IndicatorError);
    // And for rebuild plans: `A2` is a label and 290%-85% a range out of order, `A1` a comparator before a range.
    for (const text of ['A290%-85%', 'A190%-85%']) {
      expect(difference(parseTargetValue(text, {}, words), parseTargetFresh(text, {}, words)), text).toBeNull();
    }
    expect(words.shapes.size + words.rebuilds.size).toBe(0);
    parseTargetValue('90%-85%', {}, e);
    expect(e.rebuilds.size).toBe(0);
  });

  it('gives each templated answer frozen, and a caller who changes one changes no other', () => {
    const e = makeEngine(UNITS);
    parseTargetValue('≥50亿元', {}, e);
    for (let i = 0; i < 4; i++) {
      const t = parseTargetValue(`≥${60 + i}亿元`, {}, e) as CompareTarget;
      expect(Object.isFrozen(t)).toBe(true);
      expect(Object.isFrozen(t.quantity)).toBe(true);
      expect(Object.isFrozen(t.modifiers)).toBe(true);
      const read = t.quantity.value;
      (read as unknown as { d: number[] }).d[0] = 1;
      expect(() => { (t as { op: string }).op = '<='; }).toThrow(TypeError);
      expect(t.quantity.value.toFixed()).toBe(String(60 + i));
      const next = parseTargetValue(`≥${60 + i + 10}亿元`, {}, e) as CompareTarget;
      expect(toJSON(next)).toMatchObject({ op: '>=', quantity: { value: String(70 + i), base: { value: `${70 + i}00000000` } } });
    }
    // Every kind planned, every decimal a caller can reach: later answers of the shape are the
    // uncached parse's.
    const tamper = (q: Quantity): void => {
      for (const d of [q.value, q.base.value]) (d as unknown as { d: number[] }).d[0] = 1;
      for (const k of Object.getOwnPropertyNames(q)) {
        const v = (q as unknown as Record<string, unknown>)[k];
        if (v !== null && typeof v === 'object') {
          for (const x of Object.values(v)) if (x !== null && typeof x === 'object' && Array.isArray((x as { d?: unknown }).d)) (x as { d: number[] }).d[0] = 1;
        }
      }
    };
    for (const cell of ['≥9#%', '9#%左右', '8#%-9#%', '=2#项']) {
      for (let i = 10; i < 16; i++) {
        const text = cell.replaceAll('#', String(i % 10));
        const t = parseTargetValue(text, {}, e) as Target;
        const qs = t.kind === 'range' ? [t.min, t.max] : t.kind === 'compare' || t.kind === 'approx' ? [t.quantity] : [];
        expect(qs.length, text).toBeGreaterThan(0);
        qs.forEach(tamper);
        const next = cell.replaceAll('#', String((i + 1) % 10));
        expect(JSON.stringify(toJSON(parseTargetValue(next, {}, e) as Target))).toBe(JSON.stringify(toJSON(parseTargetFresh(next, {}, e) as Target)));
        expect(JSON.stringify(toJSON(parseTargetValue(text, {}, e) as Target))).toBe(JSON.stringify(toJSON(parseTargetFresh(text, {}, e) as Target)));
      }
      expect(e.shapes.target(shapeOf(cell.replaceAll('#', '5'), {})!, cell.replaceAll('#', '5'))).toBeDefined();
    }
    // Through the library's own parser too.
    parseTarget('≥81.5%');
    const t = parseTarget('≥82.5%') as CompareTarget;
    (t.quantity.base.value as unknown as { d: number[] }).d[0] = 7;
    expect((parseTarget('≥83.5%') as CompareTarget).quantity.base.value.toFixed()).toBe('0.835');
  });

  it('stays bounded: SHAPE_CACHE_SIZE shapes of targets, as many of errors and as many of actual values at most', () => {
    const e = makeEngine(UNITS);
    // Every label a new shape.
    for (let i = 0; i < SHAPE_CACHE_SIZE * 3; i++) {
      const label = `指标${i.toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]!)}`;
      parseTargetValue(`${label}≥5%`, {}, e);
      parseQuantityValue(`5${label}`, {}, e);
      parseTargetValue(`${label}≥5%且`, {}, e);
    }
    expect(e.shapes.size).toBeGreaterThan(SHAPE_CACHE_SIZE * 1.5);
    expect(e.shapes.size).toBeLessThanOrEqual(3 * SHAPE_CACHE_SIZE);
  });
});

/** Date cells: the corpus's deadlines and periods, forms.md §7's, and look-alikes whose digits decide what they are. */
const DATE_SEEDS = withDigit([
  ...CELLS.filter((c) => c.family === 'deadline').map((c) => c.text),
  '2022年12月31日前', '2022年12月底前', '12月底前完成', '6月30日前', '2022年底', '2022.12.31前', '2022-12-31前', '2023年12月31日', '2021年7月',
  '2020年', '12月底到位', '每年12月底前', '2020年1月--2020年11月', '2021年1月-12月', '2020.1.1-2020.12.31', '2023.07-2024.01', '3-6月', '1-12月',
  '2024年全年', '2024年年内', '2024年年底前', '2024年年末', '2024年底前', '2024年2月29日前', '2023年2月底前', '2月29日前', '2月底前', '≤2024年12月31日',
  '=2024年12月31日', '≤12月31日', '=12月底前', '≥2024年12月31日', '2022.2.29', '2022/2/29前', '2022-02-29', '2022-02', '2022.02前', '每月25日前发布',
  '每月8号', '2022年3-6月', '2023.1.1-2022.12.31', '2023年12月-2023年1月', '12月-1月', '12月31日-1月1日', '2022年12月31日前完成', '第1季度',
  '2022年第1季度', '2022年第三季度末', '2022年13月', '2023年12月31日前满意度≥90%', '指标1：2023年12月底前', '2023年“新市民”开户人数≥1万人',
  '2022年12月31日前（2023年）', '2022年12月（计划标准）', '二〇二二年12月31日', '2〇22年12月', '十2月底前', '1二月底前', '2022年12月31日前，2023年6月底前',
  '2022年12月31号', '2022年1月1日-12月31日', '2022年第三季度', '2022年第三季度末', '2022年三季度末前', '2022年第二季度-2023年第一季度', '2024年全年前', '2022.12', '2022.12.31-2023.1', '在2023年6月之前出具报告', '年底前完成2项', '3月底前完成50%',
  // Digits read as a date's and then as a number (13月), dates merged into a label: tokens a plan cannot remake.
  '2022年12月底前，13月', '12月底前；13月', '2022年12月“新市民”开户人数≥一万人', '2022年12月31日满意度≥九成',
  // Entities clean-up decodes by their digits' values (&#51; is 3, &#32; a space).
  '2023年12月&#51;1日前', '&#50;023年12月31日前', '2023年1&#50;月底前', '2023年12月31日前&#32;', '2023年12月31日前&#32;完成',
  // A label holding a date; decorations with digits of their own (in a tag), full-width digits and points, digits NFKC makes.
  '2022年项目完成时间2023年12月底前', '2022年项目2023年1-12月', '<h1>2023年12月前</h1>', '2023年<h3>12月31日前', '２０２３年１２月３１日前', '２０２３．１２．３１前',
  '２０２２年１-１２月', '²⁰²³年12月前', '<p>2021年1月-12月</p>', ' 2023.07-2024.01\t\n', '&nbsp;2023年12月31日前',
]);

/** What the mix's decorations do to a cell (test/bench/families.mjs DECORATIONS), and none. */
const DATE_DECORATIONS: readonly ((s: string) => string)[] = [
  (s) => s, (s) => s, (s) => `<p>${s}</p>`, (s) => ` ${s}\t\n`, (s) => wideDigits(s), (s) => `&nbsp;${s}`, (s) => `${s}<br>`,
];

/** Digits for a run of `len` that cross every calendar decision: years about 1900, 2100 and leap years, months 0–13, days 0–32. */
function dateFill(len: number): fc.Arbitrary<string> {
  const years = fc.constantFrom(1899, 1900, 1901, 1904, 2000, 2023, 2024, 2096, 2100, 2101, 3662);
  // And, as often as all those, a year, month or day that keeps every decision of most cells, but with other digits.
  const alike = len === 4 ? fc.integer({ min: 1900, max: 2100 }) : fc.integer({ min: 1, max: len === 1 ? 9 : 28 });
  return fc.oneof(
    fill(len),
    years.map((n) => fit(n, len)),
    fc.integer({ min: 0, max: 33 }).map((n) => fit(n, len)),
    fc.constantFrom(0, 1, 2, 12, 13, 28, 29, 30, 31, 32).map((n) => fit(n, len)),
    { arbitrary: alike.map((n) => fit(n, len)), weight: 4 },
  );
}

describe('date plans', () => {
  const OPTIONS_WITH_YEARS = fc.constantFrom<ParseOptions>({}, {}, { year: 2024 }, { year: 2023 }, { year: 1900 });

  /**
   * Runs the differential property over texts of the seeds' shapes, each decorated by one of
   * `decorations` (applied twice): a warmed parser answers exactly as the uncached parse.
   * Gives the shares of calls answered by a built target, and by remade tokens.
   */
  function differential(decorations: readonly ((s: string) => string)[], maxLength: number): { built: number; remade: number } {
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    let remade = 0;
    let built = 0;
    let calls = 0;
    const decorated = fc.tuple(fc.integer({ min: 0, max: decorations.length - 1 }), fc.integer({ min: 0, max: decorations.length - 1 }));
    const cells = fc.constantFrom(...DATE_SEEDS).chain((seed) => {
      const fills = fc.tuple(...runsOf(seed).map((r) => dateFill(r.end - r.start)));
      return fc.array(fc.tuple(fills, decorated), { minLength: 2, maxLength })
        .map((all) => all.map(([f, [a, b]]) => decorations[a]!(decorations[b]!(withDigits(seed, f)))));
    });
    fc.assert(fc.property(cells, OPTIONS_WITH_YEARS, (texts, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        if (shape !== null && warm.dates.target(shape, text) !== undefined) built++;
        else if (shape !== null && warm.dates.remake(clean(text), shape) !== undefined) remade++;
        calls++;
        bothWays(text, options, warm, reference, `${JSON.stringify(text)} ${JSON.stringify(options)}`);
      }
    }), { numRuns: 15000 });
    return { built: built / calls, remade: remade / calls };
  }

  it('answer a date cell of a known shape exactly as the uncached parse does: years in and out of 1900–2100, months 0–13, days 0–32, 29 February', () => {
    const { built, remade } = differential([(s) => s], 4);
    expect(built).toBeGreaterThan(0.08);
    expect(remade).toBeGreaterThan(0.005);
  });

  it('answer a decorated date cell from the plan of its cleaned text, and a built target only from its own shape, exactly as the uncached parse does', () => {
    // Each text of a seed's shape with its own decoration: a cleaned text's plan answers texts of other shapes.
    const { built, remade } = differential(DATE_DECORATIONS, 5);
    expect(built).toBeGreaterThan(0.015);
    expect(remade).toBeGreaterThan(0.06);
  });

  it('plan deadlines and periods whose every digit is in a date, and no cell with a digit anywhere else', () => {
    const e = makeEngine(UNITS);
    const plans = (text: string): boolean => {
      parseTargetValue(text, {}, e);
      return e.dates.remake(clean(text), shapeKey(text)!) !== undefined;
    };
    // A built target: one deadline or period, without a digit in its label or note, no digit in an entity.
    const builds = (text: string): boolean => {
      parseTargetValue(text, {}, e);
      return e.dates.target(shapeOf(text, {})!, text) !== undefined;
    };
    for (const t of ['2023年12月31日前', '11月底前完成', '2023/11/30', '2022年1-12月', '2021年1月-12月', '2020年1月--2020年11月', '服务期限2023.1.1-2025.12.31',
      '2023.07-2024.01', '后勤服务2023年12月31日前\n', '在2023年6月之前出具报告', '2019年12月(计划标准)', '≤2024年12月31日', '3-6月', '2024年全年',
      '2022年第三季度', '<p>2023年12月前</p>', '２０２３年１２月前', ' 2023年12月前\t\n', '<h1>2023年12月前</h1>']) expect(builds(t), t).toBe(true);
    for (const t of ['2022年项目完成时间2023年12月底前', '2022年12月31日前，2023年6月底前', '2023年12月31日前&#32;完成', '&#50;023年12月31日前',
      '2022年12月31日前（2023年）', '2022年13月']) expect(builds(t), t).toBe(false);
    // The plan of a cleaned text answers the same cell decorated, from the first sighting on.
    parseTargetValue('2021年1月-12月', {}, e);
    for (const t of ['<p>2021年1月-12月</p>', '２０２１年１月-１２月', ' 2021年1月-12月\t\n']) expect(e.dates.remake(clean(t), shapeKey(t)!), t).toBeDefined();
    for (const t of ['2023年12月31日前', '11月底前完成', '2023/11/30', '2022年1-12月', '2020年1月--2020年11月', '服务期限2023.1.1-2025.12.31',
      '2023.07-2024.01', '后勤服务2023年12月31日前\n', '在2023年6月之前出具报告', '2019年12月(计划标准)', '≤2024年12月31日', '3-6月']) expect(plans(t), t).toBe(true);
    for (const t of ['2024年全年', '2022年第三季度', '2022年第三季度末', '2022年三季度末前']) expect(plans(t), t).toBe(true);
    for (const t of ['≥95%', '2022年第1季度', '第1季度', '年底前完成2项', '3月底前完成50%', '2022年13月', '指标1：2023年12月底前',
      '2022年12月31日前（2023年）', '2023年12月31日前满意度≥90%', '13月']) expect(plans(t), t).toBe(false);
    // A shape planned from a date is answered from the new text's digits, not the template's.
    expect(toJSON(parseTargetValue('2024年2月底前', {}, e) as Target)).toMatchObject({ date: { year: 2024, month: 2, day: 29 } });
    expect(toJSON(parseTargetValue('2023年2月底前', {}, e) as Target)).toMatchObject({ date: { year: 2023, month: 2, day: 28 } });
    expect((parseTargetValue('2023年2月29日前', {}, e) as IndicatorError).code).toBe('INVALID_DATE');
    expect((parseTargetValue('2025年1月--2020年11月', {}, e) as IndicatorError).code).toBe('EMPTY_RANGE');
  });

  it('read actual dates in evaluate as a parser without plans reads them', () => {
    const warm = createParser();
    const fresh = (): ReturnType<typeof createParser> => createParser();
    for (const y of [1899, 2023, 2024, 2101]) {
      for (const [m, d] of [[2, 28], [2, 29], [11, 30], [11, 31], [13, 1]] as const) {
        for (const actual of [`${y}年${m}月${d}日`, `${y}年${m}月底前`, `${y}年${m}月`]) {
          const got = JSON.stringify(warm.evaluate('2023年12月31日前', actual));
          expect(got, actual).toBe(JSON.stringify(fresh().evaluate('2023年12月31日前', actual)));
        }
      }
    }
  });

  it('stay bounded', () => {
    const e = makeEngine(UNITS);
    for (let i = 0; i < DATE_PLANS_SIZE * 3; i++) {
      const label = `项目${i.toString(26).replace(/[0-9]/g, (d) => 'klmnopqrst'[Number(d)]!)}`;
      parseTargetValue(`${label}2023年12月31日前`, {}, e);
    }
    for (const n of [e.dates.size.cleaned, e.dates.size.targets]) {
      expect(n).toBeGreaterThan(DATE_PLANS_SIZE / 2);
      expect(n).toBeLessThanOrEqual(DATE_PLANS_SIZE);
    }
  });
});

/** Digits for a run of `len` that cross the decisions of mixed numerals: 十/百/千 reached or not, a lone digit 1–9 or not (0, 4.0). */
function mixedFill(len: number): fc.Arbitrary<string> {
  return fc.oneof(
    fill(len),
    fc.integer({ min: 0, max: 9 }).map((n) => fit(n, len)),
    fc.constantFrom(9, 10, 11, 99, 100, 101, 999, 1000, 1001, 9999, 10000, 12000).map((n) => fit(n, len)),
  );
}

describe('plans of mixed numerals', () => {
  it('answer a cell of a known shape exactly as the uncached parse does: units reached or not, lone digits elided or not', () => {
    const warm = makeEngine(UNITS);
    const reference = makeEngine(UNITS);
    let planned = 0;
    let refused = 0;
    let calls = 0;
    /** The shapes a plan has answered (the text with its ASCII digits marked, and the year). */
    const answered = new Set<string>();
    const cells = fc.constantFrom(...MIXED_SEEDS).chain((seed) => {
      const fills = fc.tuple(...runsOf(seed).map((r) => mixedFill(r.end - r.start)));
      return fc.array(fills, { minLength: 2, maxLength: 4 }).map((all) => all.map((f) => withDigits(seed, f)));
    });
    fc.assert(fc.property(cells, OPTIONS, (texts, options) => {
      for (const text of texts) {
        const shape = shapeOf(text, options);
        const key = `${text.replace(/[0-9]/g, '0')}\u0000${options.year}`;
        if (shape !== null && warm.shapes.target(shape, text) !== undefined) { planned++; answered.add(key); }
        else if (answered.has(key)) refused++;
        calls++;
        bothWays(text, options, warm, reference);
      }
    }), { numRuns: 15000 });
    expect(planned / calls).toBeGreaterThan(0.2);
    // Texts of a planned shape whose digits come out otherwise (a second number, a range out of order) are left to the parse.
    expect(refused / calls).toBeGreaterThan(0.002);
  });

  it('plan comparisons, approximations and ranges of mixed numerals, and no cell whose scan read a digit otherwise', () => {
    const e = makeEngine(UNITS);
    const plans = plannedBy(e);
    for (const t of ['3万4000', '十亿3000万', '25万6千', '3.078354万4000.078354', '≥3万4000元', '约3万4千人', '五十3', '3万4', '十亿3000万元以上', '3万4000～5万6000元',
      '满意度≥3万4000', '&ge;3万4000', '３万４０００', '≥３．５万４０００．５元']) expect(plans(t), t).toBe(true);
    for (const t of ['五十3个体户', '五十3：≥95%', '3万4个半月', '3万4年半', '1,000万4000', '3万1,000', '3万4000<br>3万4000', '3万4000；≥95%',
      '2023年3万4000', '3万4000分之1', '1万2点五', '-3万4000', '+3万4000', '指标1：3万4000', '3万4000&#37;']) expect(plans(t), t).toBe(false);
  });

  it('are handed by the lexer only when its one read of a digit\'s value was of mixed numerals, each of which made a number', () => {
    const { lexer } = makeEngine(UNITS);
    const scan = (text: string): ReturnType<typeof lexer.tokenize> => lexer.tokenize(clean(text), 'zh');
    for (const [text, images] of [['十亿3000万', ['十亿3000万']], ['3万4000～5万6000元', ['3万4000', '5万6000']], ['≥25万6千人', ['25万6千']]] as const) {
      const { numerals, shapeSafe, safeButDivisors, dateReads } = scan(text);
      expect(numerals?.map((n) => n.token?.image), text).toEqual(images);
      // No plan of another kind takes them: the plain shape's, parts' (divisors read) or dates'.
      expect([shapeSafe, safeButDivisors, dateReads ?? null], text).toEqual([false, false, null]);
    }
    // A half added, a date's numeral, a quarter, a ratio's divisor, a fraction: other reads. A
    // numeral read and then no number (a label's word), or no numeral by its characters (一五十03).
    for (const text of ['3万4个半月', '3万4年半', '2023年3万4000', '第1季度3万4000', '1:0.5，3万4000', '3万4000分之1', '五十3个体户', '五十3：≥95%', '一五十03',
      '2023年12月31日前3万4000']) {
      const { numerals, shapeSafe, dateReads } = scan(text);
      expect(numerals ?? null, text).toBeNull();
      expect(shapeSafe, text).toBe(false);
      expect(dateReads ?? null, text).toBeNull();
    }
  });

  it('read the new digits as the lexer reads them: a second number, a lone digit, a range\'s order', () => {
    const e = makeEngine(UNITS);
    const value = (text: string): string => {
      const t = parseTargetValue(text, {}, e);
      return t instanceof IndicatorError ? t.code : (t as CompareTarget).quantity.value.toFixed();
    };
    expect(value('五十03')).toBe('53');
    expect(e.shapes.target(shapeOf('五十09', {})!, '五十09')).toBeDefined();
    expect(value('五十09')).toBe('59');
    expect(value('五十12')).toBe('INVALID_NUMBER');
    expect(value('3万4.5')).toBe('30004.5');
    expect(value('3万4.0')).toBe('34000');
    expect(value('3万0.0')).toBe('30000');
    expect(value('3千0999')).toBe('3999');
    expect(value('3千1000')).toBe('INVALID_NUMBER');
    expect(value('3千0005')).toBe('3500');
    parseTargetValue('3万4000-5万6000', {}, e);
    expect((parseTargetValue('6万4000-5万6000', {}, e) as IndicatorError).code).toBe('EMPTY_RANGE');
    // Actual values (evaluate's), by the same plans.
    parseQuantityValue('五十03人', {}, e);
    expect(e.shapes.quantity(shapeOf('五十09人', {})!, '五十09人')?.value.toFixed()).toBe('59');
    expect(e.shapes.quantity(shapeOf('五十12人', {})!, '五十12人')).toBeUndefined();
    expect((parseQuantityValue('五十12人', {}, e) as IndicatorError).code).toBe('INVALID_NUMBER');
    parseQuantityValue('3万4000元', {}, e);
    expect(e.shapes.quantity(shapeOf('2万5000元', {})!, '2万5000元')?.base.value.toFixed()).toBe('25000');
  });
});
