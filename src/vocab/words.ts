/**
 * Words of the target language as data: comparators, their redundant partners after the
 * number, approximation, trends and their modifiers, intent words, deadlines. The lexer
 * matches the longest entry; nothing here is a branch in code.
 */
export type Op = '=' | '>=' | '<=' | '>' | '<' | '!=';

/**
 * `或者` may stand for `或` in every comparator word (`小于或者等于6小时`, `或者以上`): each
 * word written with `或` is also listed with `或者`.
 */
function withOrSpelledOut<V>(entries: readonly (readonly [string, V])[]): ReadonlyMap<string, V> {
  const m = new Map<string, V>(entries);
  for (const [w, v] of entries) if (w.includes('或') && !w.includes('或者')) m.set(w.replace('或', '或者'), v);
  return m;
}

/** Symbols and words before the number. Several words are strict on purpose (不满 → <). */
export const PREFIX_OPS: ReadonlyMap<string, Op> = withOrSpelledOut<Op>([
  ['=', '='], ['==', '='], ['等于', '='], ['为', '='],
  ['≥', '>='], ['>=', '>='], ['=>', '>='], ['不低于', '>='], ['不得低于', '>='], ['不少于', '>='],
  ['不得少于', '>='], ['不小于', '>='], ['大于等于', '>='], ['大于或等于', '>='], ['至少', '>='],
  ['最少', '>='], ['最低', '>='], ['达到', '>='], ['达', '>='], ['确保不低于', '>='], ['不低于于', '>='],
  ['≤', '<='], ['<=', '<='], ['=<', '<='], ['不高于', '<='], ['不超过', '<='], ['不超', '<='], ['不得超过', '<='],
  ['不得高于', '<='], ['不多于', '<='], ['不大于', '<='], ['小于等于', '<='], ['小于或等于', '<='],
  ['至多', '<='], ['最多', '<='], ['最高', '<='], ['控制在', '<='], ['低于或等于', '<='], ['确保不超过', '<='],
  ['>', '>'], ['大于', '>'], ['高于', '>'], ['多于', '>'], ['超过', '>'], ['超出', '>'],
  ['<', '<'], ['小于', '<'], ['低于', '<'], ['少于', '<'], ['不满', '<'], ['不足', '<'],
  ['未满', '<'], ['不到', '<'], ['未达', '<'],
  ['≠', '!='], ['!=', '!='], ['<>', '!='], ['不等于', '!='],
]);

/** Words after the number that repeat or give the comparator (`95%以上`, `3个工作日内`). */
export const POSTFIX_OPS: ReadonlyMap<string, Op> = withOrSpelledOut<Op>([
  ['以上', '>='], ['及以上', '>='], ['或以上', '>='], ['以上含', '>='], ['及其以上', '>='],
  ['以下', '<='], ['及以下', '<='], ['或以下', '<='], ['以内', '<='], ['之内', '<='], ['内', '<='],
  ['及以内', '<='], ['以下含', '<='], ['及其以下', '<='], ['及其以内', '<='],
]);

/** `（不含）` after a postfix word makes it strict; `（含）` confirms it is inclusive. */
export const STRICTNESS_NOTES: ReadonlyMap<string, boolean> = new Map([
  ['不含', true], ['不包含', true], ['不包括', true], ['含', false], ['包含', false], ['含本数', false],
]);

/** ≈ before the number. `控制在` is ≤ on its own and ≈ with 左右 (the grammar pairs them). */
export const APPROX_PREFIX: readonly string[] = ['≈', '~', '约', '大约', '约为', '接近', '大概', '约合'];
/** ≈ after the number. */
export const APPROX_POSTFIX: readonly string[] = ['左右', '上下', '前后'];

/** Words of intent, kept as modifiers; they never change the comparator. */
export const INTENT_WORDS: readonly string[] = ['力争', '争取', '确保', '应达到', '原则上', '保证', '努力'];

export type Direction = 'up' | 'down' | 'steady';
export const TREND_WORDS: ReadonlyMap<string, Direction> = new Map<string, Direction>([
  ['提高', 'up'], ['提升', 'up'], ['增加', 'up'], ['增长', 'up'], ['扩大', 'up'], ['加强', 'up'],
  ['增强', 'up'], ['改善', 'up'], ['优化', 'up'], ['上升', 'up'], ['增多', 'up'], ['加快', 'up'],
  ['降低', 'down'], ['减少', 'down'], ['下降', 'down'], ['缩短', 'down'], ['压缩', 'down'],
  ['减轻', 'down'], ['缩小', 'down'], ['减低', 'down'], ['压减', 'down'],
  ['保持', 'steady'], ['稳定', 'steady'], ['持平', 'steady'], ['维持', 'steady'], ['不变', 'steady'],
  ['保持稳定', 'steady'], ['基本持平', 'steady'], ['稳中有升', 'up'], ['稳中有降', 'down'],
]);

export const TREND_MODIFIERS: readonly string[] = [
  '逐步', '持续', '不断', '明显', '显著', '进一步', '稳步', '有所', '较上年', '同比', '环比',
  '比上年', '较去年', '较上年度', '比去年', '较往年', '逐年', '大幅', '大幅度',
  '较上期', '较基期', '每年',
];

/** Range separators between two quantities or dates. */
export const RANGE_SEPARATORS: readonly string[] = ['-', '--', '—', '——', '–', '~', '至', '到', '－'];

/** Conjunctions joining two targets of one cell (`≥85%且≤90%`). */
export const CONJUNCTIONS: readonly string[] = ['且', '并且', '同时', '而且'];

/** After a date: the date is a deadline. */
export const DEADLINE_POSTFIX: readonly string[] = ['前', '之前', '以前', '止', '为止'];
/** Words of completion that may follow a deadline (`12月底前完成`); kept in the text only. */
export const COMPLETION_WORDS: readonly string[] = [
  // 达标 is one word of achievement (`100%达标`), not the comparator 达 before 标.
  '达标', '完成', '到位', '办结', '完工', '竣工', '实施', '上线', '交付', '验收', '结束', '落实', '启动', '建成', '发放',
];
/** Before a date: the date is a deadline (`截至2022年底`). */
export const DEADLINE_PREFIX: readonly string[] = ['截至', '截止', '截止到', '截止至'];
/** A range written around its ends: `介于85%和90%之间`. 和 / 与 join the ends only after 介于. */
export const BETWEEN_OPEN: readonly string[] = ['介于'];
export const BETWEEN_AND: readonly string[] = ['和', '与'];
export const BETWEEN_CLOSE: readonly string[] = ['之间'];
/** A centre and its deviation: `2±0.5万元`, `±3%以内`. */
export const PLUS_MINUS: readonly string[] = ['±', '+-'];
/** Between two targets of one cell, like a comma (`≥85%，≤90%`). */
export const TARGET_SEPARATORS: readonly string[] = [',', ';', '、', '\n'];
/**
 * Comparator words of one character (`满意度达95%`, `实地走访约48次`, `完成率为95%`). Inside
 * running text they are read as comparators only right before a number, and not at the end
 * of these words, where the character is part of the word (`节约3吨标准煤` is no ≈).
 */
export const SHORT_COMPARATORS_IN_TEXT: readonly string[] = ['达', '约', '为'];
export const WORDS_ENDING_LIKE_A_COMPARATOR: readonly string[] = [
  '节约', '预约', '签约', '履约', '违约', '合约', '公约', '制约', '集约', '特约', '契约',
  '作为', '成为', '认为', '行为', '称为', '视为', '定为', '改为', '分为', '列为', '评为', '更为', '较为', '最为', '尤为',
  '到达', '送达', '下达', '抵达', '传达', '表达', '转达', '直达', '通达', '发达', '长达', '多达', '高达',
];

/** Words after a date number that close it (`12月底`, `年末`): its last day. */
export const DATE_END_MARKS: readonly string[] = ['底', '末'];
/**
 * Rate words: written right after a quantity they make it a rate, like `/年` (`30万元一年`
 * is 300 000 元/年, `3次每年` 3 次/年). Each maps to the unit of its denominator.
 */
export const RATE_WORDS: ReadonlyMap<string, string> = new Map([
  ['一年', '年'], ['每年', '年'], ['一月', '月'], ['每月', '月'], ['每天', '天'], ['每日', '日'], ['每周', '周'],
  ['每次', '次'], ['每人', '人'],
]);
/** Words that end an unknown unit word, besides the words that follow a quantity (`5次每年`). */
export const UNIT_ENDS: readonly string[] = [...RATE_WORDS.keys()];

/**
 * Answers spelled like a unit (`对` is also the classifier of pairs): a cell of one of them
 * alone is the answer, not a unit that lost its number (MISSING_NUMBER).
 */
export const UNIT_LIKE_ANSWERS: readonly string[] = ['对'];

/** `半` is one half where a numeral stands (`半小时`, `一个半月`, `两年半`). */
export const HALF = '半';
/** `一个半月`: the classifier 个 between a numeral and its 半 (the unit is then `个月`). */
export const HALF_AFTER_CLASSIFIER = '个半';

/**
 * Words after a written year that close it (`2024年年底前`, `2024年年末`, `2024年年内`,
 * `2024年内完成`, `2024年度内`): the year's last day, as `2024年底` is.
 */
export const AFTER_YEAR_END_WORDS: readonly string[] = ['年底', '年末', '年内', '年终', '年度内', '度内', '内'];

/** The whole year (`全年`, `2024年全年`): a period from January to December. */
export const WHOLE_YEAR_WORDS: readonly string[] = ['全年'];

/** Date words with no number (`年底前`, `年内完成`): the end of an unnamed year. */
export const YEAR_END_WORDS: readonly string[] = ['年底', '年末', '年内', '年终', '本年度内', '年度内', '本年内', '当年内'];

/**
 * Words before a day of the month that make it recur (`每月8号前报送`): no single date, and the
 * spec gives no reading of a monthly deadline, so such a cell is the error RECURRING_DEADLINE.
 */
export const RECURRING_MONTH_WORDS: readonly string[] = ['每月', '每个月', '逐月'];

/** Quarter ordinals (`第三季度`). */
export const QUARTERS: ReadonlyMap<string, number> = new Map([
  ['一', 1], ['二', 2], ['三', 3], ['四', 4], ['1', 1], ['2', 2], ['3', 3], ['4', 4],
]);

/** Placeholder cells: not a target at all (NOT_APPLICABLE). */
export const PLACEHOLDERS: readonly string[] = [
  '/', '／', '—', '-', '--', '——', '–', 'N/A', 'n/a', 'NA', 'na', '不适用', '无此项', '空', '暂无', '\\',
];

/**
 * Words before a trend word that state a result rather than a target of change: `未提高`,
 * `已提高` are terms, not trends.
 */
export const RESULT_STATE_WORDS: readonly string[] = ['未', '不', '没', '没有', '尚未', '已', '已经', '均已'];

/**
 * Grade words, as self-evaluation tables grade a result. A cell made only of these, each
 * once, two or more of them, best first, is a grade scale (`优良中低差`, `好坏`,
 * `合格不合格`, `较好、一般、较差`): src/parse/scale.ts reads it, longest word first, so
 * that `良好` and `不合格` stay one grade. The spelled forms (`优秀`, `良好`) are here so
 * that a cell of one of them is one term, not two grades (`良好` is not 良 + 好).
 */
export const GRADE_WORDS: readonly string[] = [
  '优', '优秀', '良', '良好', '中', '中等', '一般', '低', '较低', '差', '较差',
  '好', '较好', '坏', '合格', '不合格', '及格', '不及格',
];

/** Spelled ratios: 百分之九十 = 90%. */
export const SPELLED_RATIOS: ReadonlyMap<string, string> = new Map([
  ['百分之', '%'], ['千分之', '‰'], ['万分之', '‱'],
]);
