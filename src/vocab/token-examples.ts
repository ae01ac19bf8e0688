/**
 * What a person writes for each token of the grammar, in the words of real target cells:
 * the railroad diagrams (grammar/diagrams.html) show these in the grammar's boxes beside
 * the token's name, so that a reader sees `≥ / 不低于 / 以上` rather than `CompareOp`.
 * Where a token stands for a list of the vocabulary, `from` names that list and the test
 * checks every example is in it (test/docs/grammar.test.ts).
 */
export interface TokenExample {
  /** Up to four spellings, most common first. */
  readonly examples: readonly string[];
  readonly zh: string;
  readonly en: string;
  /** The field of `vocabulary()` the examples come from, when the token is a word list. */
  readonly from?: string;
}

export const TOKEN_EXAMPLES: ReadonlyMap<string, TokenExample> = new Map<string, TokenExample>([
  ['CompareOp', { examples: ['≥', '不低于', '≤', '不超过'], zh: '数字前的比较词', en: 'a comparator before the number', from: 'opsBefore' }],
  ['PostOp', { examples: ['以上', '以内', '以下', '之内'], zh: '数字后的比较词', en: 'a comparator after the number', from: 'opsAfter' }],
  ['ApproxPre', { examples: ['约', '≈', '大约', '接近'], zh: '数字前的“约”', en: '“about” before the number', from: 'approxBefore' }],
  ['ApproxPost', { examples: ['左右', '上下', '前后'], zh: '数字后的“左右”', en: '“or so” after the number', from: 'approxAfter' }],
  ['Strictness', { examples: ['（含）', '（不含）'], zh: '是否含本数', en: 'whether the bound itself counts', from: 'strictness' }],
  ['Number', { examples: ['95', '1,200.5', '三万五', '百分之九十'], zh: '数字（阿拉伯或中文）', en: 'a number, Arabic or Chinese' }],
  ['Unit', { examples: ['%', '亿元', '个工作日', '元/人*月'], zh: '单位（含数量级）', en: 'a unit, magnitude included' }],
  ['PercentOf', { examples: ['百分之', '千分之'], zh: '“百分之”一类', en: '“per cent of” and the like', from: 'spelledRatios' }],
  ['RangeSep', { examples: ['-', '至', '到', '~'], zh: '区间的连接', en: 'between the ends of a range', from: 'rangeSeparators' }],
  ['PlusMinus', { examples: ['±', '+-'], zh: '正负', en: 'plus or minus' }],
  ['Between', { examples: ['介于'], zh: '“介于”', en: '“between”' }],
  ['BetweenAnd', { examples: ['和', '与'], zh: '“介于 A 和 B”的“和”', en: 'the “and” of “between A and B”' }],
  ['BetweenEnd', { examples: ['之间'], zh: '“之间”', en: 'the closing “between”' }],
  ['LBracket', { examples: ['['], zh: '区间的左括号', en: 'the opening bracket of an interval' }],
  ['RBracket', { examples: [']'], zh: '区间的右括号', en: 'the closing bracket of an interval' }],
  ['Separator', { examples: ['，', '；', '且', '<br>'], zh: '分隔几个目标', en: 'between several targets' }],
  ['Comma', { examples: ['，', ','], zh: '逗号', en: 'a comma' }],
  ['Intent', { examples: ['力争', '确保', '争取'], zh: '意图（保留为修饰语）', en: 'intent, kept as a modifier', from: 'intents' }],
  ['Modifier', { examples: ['较上年', '同比', '持续', '逐步'], zh: '变化的修饰语', en: 'a modifier of change', from: 'trendModifiers' }],
  ['Trend', { examples: ['提高', '下降', '增加', '改善'], zh: '变化的方向', en: 'the direction of change', from: 'trends' }],
  ['Date', { examples: ['2022年12月', '9月', '2022-11-30'], zh: '日期', en: 'a date' }],
  ['Quarter', { examples: ['第三季度', '一季度'], zh: '季度', en: 'a quarter' }],
  ['YearEnd', { examples: ['年底', '年内', '年末'], zh: '不写年份的年终', en: 'the end of an unnamed year', from: 'yearEndWords' }],
  ['WholeYear', { examples: ['全年', '2024年全年'], zh: '全年（1月至12月）', en: 'the whole year (January to December)' }],
  ['DeadlinePre', { examples: ['截至', '截止到'], zh: '日期前的“截至”', en: '“as of” before a date' }],
  ['DeadlinePost', { examples: ['前', '之前', '为止'], zh: '日期后的“前”', en: '“before” after a date', from: 'deadlineAfter' }],
  ['Completion', { examples: ['完成', '验收', '上线'], zh: '期限后的完成词', en: 'a word of completion after a deadline', from: 'completionWords' }],
  ['Aside', { examples: ['每年开展', '达标', '进行应答'], zh: '比较词与数字之间、数量之后的词（成为备注）', en: 'words between a comparator and its number, or after a quantity (the note)' }],
  ['Text', { examples: ['满意度', '受益户数'], zh: '标签或定性词中的文字', en: 'the text of a label or a term' }],
  ['Word', { examples: ['健全', '按时完成', '优良中低差'], zh: '定性目标的任何词', en: 'any word of a qualitative target' }],
]);
