/**
 * Column header names of budget performance tables (绩效目标表 / 绩效自评表 / 绩效监控表),
 * in Chinese and English, as contract.md "Command line" lists them. Data only: a new
 * spelling is a new string here, not a branch in the reader.
 *
 * Names are compared after `headerKey()` (src/table/header.ts): NFKC, HTML tags removed,
 * lower case, white space, `_` and `-` removed, and one trailing bracketed remark dropped,
 * so `全年 指标值`, `<p>三级指标</p>`, `Full year target`, `年度指标值（A）` and
 * `实际完成值(B)` all match. Matching is by whole name, never by substring: `指标值` must
 * not match `半年指标值`.
 *
 * Within a role, earlier names win when a header has several of them.
 */

export type ColumnRole = 'indicator' | 'target' | 'op' | 'unit' | 'actual' | 'weight';

/** The reporting period whose target column is read (`--period`). */
export type Period = 'full' | 'half';

/** The indicator's own name (三级指标 is the lowest, named level). */
export const INDICATOR_NAMES: readonly string[] = ['三级指标', '指标名称', 'indicator', 'indicator_name'];

/**
 * Target columns by period. A half-year monitoring table (绩效监控表) has 半年指标值 beside
 * 全年指标值; the period option picks one and never falls back to the other period's
 * column, so a half-year run cannot silently read annual targets.
 */
export const TARGET_NAMES_BY_PERIOD: Readonly<Record<Period, readonly string[]>> = {
  full: ['全年指标值', 'full_year_target', '年度指标值', '年度目标值', '全年目标值'],
  half: ['半年指标值', 'half_year_target', '半年目标值'],
};

/** Target columns that belong to no period: read for either when no period column exists. */
export const TARGET_NAMES_ANY_PERIOD: readonly string[] = ['指标值', '目标值', 'target'];

/** A comparator split out of the target (`指标性质 | 指标值 | 度量单位` templates). */
export const OP_NAMES: readonly string[] = ['指标性质', '计算符号', '符号', 'op', 'operator'];

/** A unit split out of the target. */
export const UNIT_NAMES: readonly string[] = ['度量单位', '计量单位', '单位', 'unit'];

export const ACTUAL_NAMES: readonly string[] = ['实际完成值', '全年实际值', '完成值', '实际值', 'actual'];

/** 分值 is the weight an indicator can earn; 得分 (the score earned) is output, not input. */
export const WEIGHT_NAMES: readonly string[] = ['分值', '权重', 'weight'];

/**
 * Indicator levels above the indicator (一级指标 决策/过程/产出/效益, 二级指标 数量指标 …).
 * Exported tables merge their cells, so the blank cells below a level carry its value
 * down; they also count as header names when the header row is looked for.
 */
export const LEVEL_NAMES: readonly (readonly string[])[] = [
  ['一级指标', 'level1'],
  ['二级指标', 'level2'],
];
