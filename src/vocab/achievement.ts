/**
 * Words that self-evaluation tables (绩效自评表) write in the actual-value column instead
 * of a number, as data. Matching is exact on the cleaned text (NFKC, no spaces, trailing
 * punctuation dropped); nothing here is a branch in code.
 *
 * Sources: the wording of contract.md ("达到, 已完成, 完成, 达成, 是, 符合, 已 + term",
 * "基本达到, 部分达成"), issue 3 ("达成预期指标", "未完成", "否", "不 + term") and the three
 * grades of the central self-evaluation form's scoring note (达成年度指标 / 部分达成年度
 * 指标并具有一定效果 / 未达成年度指标且效果较差), plus the completion words published
 * self-evaluation tables use in their 完成情况 column (全部完成, 按期完成, 基本完成 …).
 */

/** The target was met: `pass` against every kind of target. */
export const ACHIEVED_WORDS: readonly string[] = [
  // The form's own wording.
  '达成预期指标', '达到预期指标', '完成预期指标', '达成年度指标', '达到年度指标', '完成年度指标',
  '达成预期目标', '达到预期目标', '完成预期目标', '实现预期目标', '达到预期', '达成预期', '达到预期效果',
  '达到目标', '达成目标', '完成目标', '实现目标',
  // Verbs of completion, bare and with 已.
  '达到', '达成', '完成', '实现', '落实', '符合', '达标', '是',
  '已达到', '已达成', '已完成', '已实现', '已落实', '已符合', '已达标', '已办结',
  // Completion phrases of the 完成情况 column.
  '全部完成', '全面完成', '圆满完成', '顺利完成', '按时完成', '按期完成', '如期完成', '按计划完成',
  '超额完成', '全部达到', '全部达成', '完全达到', '完全符合', '符合要求', '符合标准', '符合规定',
  '满足要求', '达到要求', '达到标准',
  // Check marks (NFKC keeps them).
  '√', '✓', '✔',
];

/** The target was partly met: `partial`. */
export const PARTIAL_WORDS: readonly string[] = [
  '基本达到', '基本达成', '基本完成', '基本实现', '基本落实', '基本符合', '基本达标', '基本满足',
  '部分达到', '部分达成', '部分完成', '部分实现', '部分落实', '部分符合', '部分达标',
  '大部分完成', '大部分达到', '大部分达成', '大部分实现',
  '部分达成年度指标', '部分达成预期指标', '基本达成预期指标', '基本达到预期指标',
  '基本达到预期目标', '部分达到预期目标', '基本达到预期',
  // "Not entirely": something was done, so the form's middle band.
  '未全部完成', '未完全完成', '未完全达到', '未完全达成', '未完全实现', '尚未全部完成',
  '接近完成', '接近目标',
];

/** The target was not met: `fail`. */
export const NOT_ACHIEVED_WORDS: readonly string[] = [
  '未达成预期指标', '未达到预期指标', '未完成预期指标', '未达成年度指标', '未达到年度指标', '未完成年度指标',
  '未达到预期目标', '未达成预期目标', '未完成预期目标', '未实现预期目标', '未达到预期',
  '未达到目标', '未完成目标', '未实现目标',
  '未达到', '未达成', '未完成', '未实现', '未落实', '未符合', '未达标', '不达标', '不符合',
  '不符合要求', '不符合标准', '未满足要求', '未达到要求',
  '没有完成', '没有达到', '没有达成', '没有实现', '未能完成', '未能达到', '未能实现', '无法完成',
  // Late is not done: the deadline was the target.
  '未按时完成', '未按期完成', '未如期完成', '逾期完成', '延期完成',
  '未开展', '未启动', '未实施', '未执行', '未办结',
  '否',
  '✗', '✘',
];

/**
 * "None happened": read as the quantity 0 against a quantitative target (`无` against
 * `=0次`), and as meeting a 否/无/零 target.
 */
export const NONE_WORDS: readonly string[] = ['无', '没有', '零', '未发生', '没有发生', '无发生', '未出现', '没有出现'];

/**
 * The answer terms of yes/no rows. contract.md: 是/否/有/无 targets match only themselves
 * (and true/false); 否/无 targets are met by 否, 无, 0 and false.
 */
export const ANSWER_TERMS: ReadonlyMap<string, boolean> = new Map([
  ['是', true], ['有', true], ['否', false], ['无', false],
]);

/**
 * A target term that asks for nothing to happen (`零事故`, `无重大事故`, `杜绝违规`) starts
 * with one of these and names something lower-is-better after it (the polarity table
 * decides, so `无纸化` and `零距离服务` are ordinary terms).
 */
export const ZERO_TERM_PREFIXES: readonly string[] = ['零', '无', '杜绝', '未发生', '不发生', '没有'];

/** Before a target's own term, these say it was met: `已公开`, `全部公开`, `完全符合`. */
export const ACHIEVED_PREFIXES: readonly string[] = [
  '已', '已经', '均已', '都已', '已全部', '已全面', '全部', '全面', '完全', '均',
];

/** Before a target's own term, these say it was partly met: `基本健全`, `部分公开`. */
export const PARTIAL_PREFIXES: readonly string[] = ['基本', '基本上', '部分', '大部分', '大体', '大多', '初步'];

/** Before a target's own term (or a trend word), these negate it: `不健全`, `未公开`, `未提高`. */
export const NEGATION_PREFIXES: readonly string[] = ['不', '未', '没有', '尚未', '暂未', '仍未', '未能', '不够', '欠'];

/**
 * After a trend word in an actual value (`提高了`, `提升明显`): they confirm the change.
 * Modifiers before it (`有所`, `明显`, `稳步`) are the trend modifiers of vocab/words.ts.
 */
export const TREND_ACTUAL_SUFFIXES: readonly string[] = ['了', '明显', '显著'];

/** Spelled-out grades, read as the grade characters of a scale (`优良中低差`). */
export const GRADE_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['优秀', '优'], ['良好', '良'], ['中等', '中'], ['一般', '中'], ['较低', '低'], ['较差', '差'],
]);

/** Words before a date in an actual value that only say when (`已于2022年11月30日完成`). */
export const DATE_ACTUAL_LEADS: readonly string[] = ['已', '已于', '于', '在', '已在', '已经', '已经于'];
