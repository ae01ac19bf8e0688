/**
 * The unit registry: plain data. Adding a unit is adding a row. Each row gives every
 * spelling of one unit, its dimension, its base unit and the exact factor to that base
 * (a decimal string, or [numerator, denominator] where no finite decimal exists).
 * Lookups go through maps built once (`unitTable`), so no key can collide with
 * Object.prototype (`constructor`, `__proto__`).
 */
import { WordIndex } from '../text/wordindex.js';

export type Dimension =
  | 'currency' | 'ratio' | 'count' | 'duration' | 'area' | 'length' | 'mass'
  | 'volume' | 'energy' | 'score' | 'compound' | 'number' | 'unknown';

export type Factor = string | readonly [string, string];

export interface UnitDef {
  /** The canonical spelling, used in compound base units (`平米` → `平方米`). */
  readonly name: string;
  /** Other spellings. Latin spellings are matched case-insensitively. */
  readonly spellings: readonly string[];
  readonly dimension: Dimension;
  readonly base: string;
  readonly factor: Factor;
}

const u = (name: string, spellings: string[], dimension: Dimension, base: string, factor: Factor): UnitDef =>
  ({ name, spellings, dimension, base, factor });

/**
 * Classifiers (量词) used as count units. Each is its own base: 项 and 个 are different
 * things and never compare. The list comes from the classifiers seen in published
 * 绩效目标表 (people, visits, households, items, sites, vehicles, documents, events …).
 */
export const CLASSIFIERS: readonly string[] = [
  '人', '人次', '户', '项', '个', '次', '件', '家', '所', '座', '套', '台', '辆', '份', '场',
  '期', '篇', '本', '册', '批', '批次', '条', '起', '例', '名', '位', '处', '宗', '笔', '张',
  '株', '棵', '头', '只', '粒', '种', '类', '门', '栋', '间', '床', '班', '节', '课时', '学时',
  '家次', '户次', '车次', '架次', '艘', '支', '根', '盏', '部', '组', '队', '对', '片',
  '幅', '首', '所次', '轮', '届', '册次', '份次', '卷', '枚', '颗', '箱', '袋', '瓶', '盒',
  '包', '尾', '羽', '匹', '口', '眼', '台套', '个次', '项次', '篇次', '场次', '期次', '班次',
];

export const UNITS: readonly UnitDef[] = [
  // currency: base 元. Magnitudes (万元, 亿元) come from the magnitude table.
  u('元', ['圆', '块', '块钱', '元钱'], 'currency', '元', '1'),
  u('角', [], 'currency', '元', '0.1'),
  // ratio: base 1. A percentage point is an absolute change of a ratio (0.01).
  u('%', ['百分比'], 'ratio', '1', '0.01'),
  u('‰', [], 'ratio', '1', '0.001'),
  u('‱', [], 'ratio', '1', '0.0001'),
  u('个百分点', ['百分点'], 'ratio', '1', '0.01'),
  // duration: seconds for clock time, months for calendar time, working days alone.
  u('秒', ['秒钟', 's'], 'duration', '秒', '1'),
  u('分钟', ['min'], 'duration', '秒', '60'),
  u('小时', ['个小时', '时', 'h'], 'duration', '秒', '3600'),
  u('天', ['日', '个自然日', '自然日'], 'duration', '秒', '86400'),
  u('周', ['星期', '个星期', '个周'], 'duration', '秒', '604800'),
  u('月', ['个月'], 'duration', '月', '1'),
  u('季度', ['个季度'], 'duration', '月', '3'),
  u('年', ['个年度', '年度'], 'duration', '月', '12'),
  u('工作日', ['个工作日'], 'duration', '工作日', '1'),
  // area: base 平方米. 亩 = 10000/15 平方米 has no finite decimal.
  u('平方米', ['平米', '㎡', 'm2', 'm²', '平方'], 'area', '平方米', '1'),
  u('平方公里', ['平方千米', 'km2', 'km²'], 'area', '平方米', '1000000'),
  u('公顷', ['ha'], 'area', '平方米', '10000'),
  u('亩', [], 'area', '平方米', ['10000', '15']),
  // length: base 米.
  u('米', ['m'], 'length', '米', '1'),
  u('公里', ['千米', 'km'], 'length', '米', '1000'),
  u('厘米', ['cm'], 'length', '米', '0.01'),
  u('毫米', ['mm'], 'length', '米', '0.001'),
  // mass: base 千克.
  u('克', ['g'], 'mass', '千克', '0.001'),
  u('千克', ['公斤', 'kg'], 'mass', '千克', '1'),
  u('斤', [], 'mass', '千克', '0.5'),
  u('吨', ['t'], 'mass', '千克', '1000'),
  // volume: base 立方米.
  u('立方米', ['方', 'm3', 'm³'], 'volume', '立方米', '1'),
  u('升', ['l'], 'volume', '立方米', '0.001'),
  u('毫升', ['ml'], 'volume', '立方米', '0.000001'),
  // energy: base 千瓦时; standard coal is its own base (its conversion is a policy figure).
  u('千瓦时', ['度', 'kwh', '千瓦·时'], 'energy', '千瓦时', '1'),
  u('吨标准煤', ['吨标煤'], 'energy', '吨标准煤', '1'),
  // score: points on a scale. 分 is a score in these tables, not a cent (option fen).
  u('分', [], 'score', '分', '1'),
  ...CLASSIFIERS.map((c) => u(c, [], 'count', c, '1')),
];

/** 分 read as a cent, for `fen: "cent"`. */
export const FEN_AS_CENT: UnitDef = u('分', [], 'currency', '元', '0.01');

/** Latin spellings fold case (KG, Km, M2, ha); CJK spellings match exactly. */
export function unitKey(spelling: string): string {
  return /[A-Za-z]/.test(spelling) ? spelling.toLowerCase() : spelling;
}

export interface UnitTable {
  readonly bySpelling: ReadonlyMap<string, UnitDef>;
  /** Longest-match lookup of spellings in running text, for the lexer. */
  readonly index: WordIndex<UnitDef>;
  readonly longest: number;
  /** Resolved unit texts (`亿元`, `元/人*月`): a table has few, so they are kept (bounded). */
  readonly resolved: Map<string, unknown>;
}

export function buildUnitTable(defs: readonly UnitDef[]): UnitTable {
  const bySpelling = new Map<string, UnitDef>();
  let longest = 0;
  for (const d of defs) {
    for (const s of [d.name, ...d.spellings]) {
      bySpelling.set(unitKey(s), d);
      longest = Math.max(longest, s.length);
    }
  }
  return { bySpelling, index: new WordIndex(bySpelling), longest, resolved: new Map() };
}

/**
 * Magnitude words between a number and its unit (`50亿元`, `3.5万人`, `1000万平方米`),
 * as powers of ten. Longest match wins (千万 before 千).
 */
export const MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['十', 1], ['百', 2], ['千', 3], ['万', 4], ['十万', 5], ['百万', 6], ['千万', 7],
  ['亿', 8], ['十亿', 9], ['百亿', 10], ['千亿', 11], ['万亿', 12],
]);
