/**
 * Words of the op and unit columns of templates that split a target
 * (`指标性质 | 指标值 | 度量单位`). Comparators themselves are the grammar's (words.ts): an op
 * column may hold any of them. Compared after clean-up (NFKC, folds, white space).
 */

/** An op column that says the row is qualitative: the value column holds a term or a grade scale. */
export const QUALITATIVE_OPS: readonly string[] = ['定性', '定性指标', 'qualitative'];

/** An op column that says the row is quantitative without a comparator: a bare quantity. */
export const QUANTITATIVE_OPS: readonly string[] = ['定量', '定量指标', 'quantitative'];

/**
 * A unit column that lists the answers of a yes/no question. Beside an answer in the value
 * column (是, 否, 有, 无: achievement.ts ANSWER_TERMS) the row is qualitative.
 */
export const ANSWER_UNITS: readonly string[] = [
  '是/否', '否/是', '是否', '是或否', '是、否', '有/无', '无/有', '有无', '有或无', '有、无', 'yes/no', 'y/n',
];
