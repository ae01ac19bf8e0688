/**
 * The words of the outputs made for people (the annotated workbook and the report page),
 * in Chinese and English. Data only, like messages.ts: a new language is a new column.
 * The verdict words are the ones the self-evaluation forms use (达成 / 部分达成 / 未达成).
 */
import type { Locale } from './messages.js';
import { STATE_WORDS } from './describe.js';

export type ReportState = 'pass' | 'partial' | 'fail' | 'unknown' | 'error';

export interface ReportWords {
  readonly state: Readonly<Record<ReportState, string>>;
  /** Heads of the columns the workbook adds after the table's own. */
  readonly added: {
    readonly target: string; readonly verdict: string; readonly completion: string;
    readonly score: string; readonly reason: string; readonly deviation: string;
  };
  /** What a row that needs a 偏差说明 says in the deviation column. */
  readonly deviationNeeded: string;
  readonly sheetRows: string;
  readonly sheetSummary: string;
  readonly title: string;
  readonly file: string;
  /** After a label: `：` in Chinese, `: ` in English. */
  readonly colon: string;
  readonly dataRows: string;
  readonly total: string;
  readonly outOf: string;
  readonly unscored: string;
  readonly grade: string;
  readonly grades: Readonly<Record<'优' | '良' | '中' | '差', string>>;
  readonly deviationRows: string;
  readonly unjudgedRows: string;
  readonly noneListed: string;
  readonly moreRows: string;
  /** Heads of the lists of rows in the summary and of the report's table. */
  readonly line: string;
  readonly level1: string;
  readonly level2: string;
  readonly indicator: string;
  readonly targetHead: string;
  readonly actual: string;
  readonly weight: string;
  readonly reason: string;
  readonly chart: string;
  readonly chartNote: string;
  readonly earned: string;
  readonly available: string;
  readonly noGroups: string;
  readonly noWeights: string;
  readonly ungrouped: string;
  readonly rowsHead: string;
  readonly targetsOnly: string;
  readonly completionOf: string;
  readonly notShown: string;
  readonly madeBy: string;
}

export const REPORT_WORDS: Readonly<Record<Locale, ReportWords>> = {
  zh: {
    state: STATE_WORDS.zh,
    added: { target: '指标值（规范写法）', verdict: '结论', completion: '完成率', score: '得分', reason: '说明', deviation: '偏差说明' },
    deviationNeeded: '需填写（超目标 30% 以上）',
    sheetRows: '检查结果',
    sheetSummary: '摘要',
    title: '绩效自评检查报告',
    file: '文件',
    colon: '：',
    dataRows: '数据行',
    total: '总分',
    outOf: '满分',
    unscored: '未能计分',
    grade: '等级',
    grades: { 优: '优', 良: '良', 中: '中', 差: '差' },
    deviationRows: '需填写偏差说明的行（实际超出目标 30% 以上）',
    unjudgedRows: '无法判断或有错误的行',
    noneListed: '无',
    moreRows: '另有 {n} 行未列出',
    line: '行',
    level1: '一级指标',
    level2: '二级指标',
    indicator: '三级指标',
    targetHead: '指标值',
    actual: '实际值',
    weight: '分值',
    reason: '原因',
    chart: '各指标组得分',
    chartNote: '深色为得分，浅色为分值',
    earned: '得分',
    available: '分值',
    noGroups: '表中没有一级、二级指标列，不按指标组汇总。',
    noWeights: '表中没有分值列，不计得分。',
    ungrouped: '（未分组）',
    rowsHead: '逐项结果',
    targetsOnly: '表中没有实际值列，只解析了指标值。',
    completionOf: '完成率 {p}',
    notShown: '只列出前 {shown} 行，另有 {n} 行未列出（完整结果见 --output result.xlsx）。',
    madeBy: '由 indicator-expr {version} 生成；得分按绩效自评规则计算，结论供核对，不代替评价人的判断。',
  },
  en: {
    state: STATE_WORDS.en,
    added: { target: 'target (canonical)', verdict: 'verdict', completion: 'completion', score: 'score', reason: 'reason', deviation: 'deviation note' },
    deviationNeeded: 'required (30% or more over target)',
    sheetRows: 'checked',
    sheetSummary: 'summary',
    title: 'Performance self-evaluation check',
    file: 'File',
    colon: ': ',
    dataRows: 'Data rows',
    total: 'Total score',
    outOf: 'Out of',
    unscored: 'Not scored',
    grade: 'Grade',
    grades: { 优: '优 excellent', 良: '良 good', 中: '中 fair', 差: '差 poor' },
    deviationRows: 'Rows that need a deviation note (actual 30% or more beyond the target)',
    unjudgedRows: 'Rows that could not be judged or have an error',
    noneListed: 'none',
    moreRows: '{n} more rows not listed',
    line: 'Row',
    level1: 'Level 1',
    level2: 'Level 2',
    indicator: 'Indicator',
    targetHead: 'Target',
    actual: 'Actual',
    weight: 'Weight',
    reason: 'Reason',
    chart: 'Points by indicator group',
    chartNote: 'dark: points earned; light: points available',
    earned: 'earned',
    available: 'available',
    noGroups: 'The table has no level 1 / level 2 columns: no totals by group.',
    noWeights: 'The table has no weight column: nothing is scored.',
    ungrouped: '(no group)',
    rowsHead: 'Row by row',
    targetsOnly: 'The table has no actual column: only the targets were parsed.',
    completionOf: 'completion {p}',
    notShown: 'The first {shown} rows are listed; {n} more are not (the full result: --output result.xlsx).',
    madeBy: 'Made by indicator-expr {version}. Scores follow the self-evaluation rules; the verdicts are for checking and do not replace the evaluator\'s judgement.',
  },
};
