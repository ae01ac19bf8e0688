/**
 * The words of a verdict described for people (describeVerdict): the op in words, where
 * it came from, the margin in the unit the target was written in, and the completion.
 * Data only, like reasons.ts: a new language is a new column.
 */
import type { Locale } from './messages.js';

/**
 * The verdict words of the self-evaluation forms (达成 / 部分达成 / 未达成), one set for the
 * report page, the workbook (REPORT_WORDS.state) and describeVerdict, so that they all say
 * the same word for the same verdict. Here rather than in report.ts, so that the library
 * entry carries these words without the report's.
 */
export const STATE_WORDS = {
  zh: { pass: '达成', partial: '部分达成', fail: '未达成', unknown: '无法判断', error: '错误' },
  en: { pass: 'achieved', partial: 'partly achieved', fail: 'not achieved', unknown: 'cannot judge', error: 'error' },
} as const satisfies Record<Locale, Record<'pass' | 'partial' | 'fail' | 'unknown' | 'error', string>>;

export interface DescribeWords {
  readonly op: Readonly<Record<'>=' | '>' | '<=' | '<' | '=' | '!=', string>>;
  readonly polarity: Readonly<Record<'positive' | 'negative', string>>;
  /** `{op}` the op in words, `{polarity}` the polarity in words. */
  readonly opSource: Readonly<Record<'written' | 'option' | 'indicator' | 'default' | 'equals-reached', string>>;
  /** Margins against a bound, `{amount}` in the written unit (`2.3亿元`). */
  readonly short: string;
  readonly over: string;
  readonly below: string;
  readonly above: string;
  readonly onTarget: string;
  /** Percentages differ by points, not by percent: `{sign}` is `+` or `−`, `{amount}` a number. */
  readonly percentPoints: string;
  readonly permillePoints: string;
  readonly completion: string;
}

export const DESCRIBE_WORDS: Readonly<Record<Locale, DescribeWords>> = {
  zh: {
    op: { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '=': '等于', '!=': '不等于' },
    polarity: { positive: '越高越好', negative: '越低越好' },
    opSource: {
      written: '{op}：按指标值所写',
      option: '{op}：按所给选项判断为{polarity}',
      indicator: '{op}：按指标名称判断为{polarity}',
      default: '{op}：未写比较符，按默认规则判断为{polarity}',
      'equals-reached': '{op}：“=”按达到目标理解',
    },
    short: '少{amount}',
    over: '多{amount}',
    below: '少{amount}',
    above: '多{amount}',
    onTarget: '恰好等于目标值',
    percentPoints: '{sign}{amount}个百分点',
    permillePoints: '{sign}{amount}个千分点',
    completion: '完成率{percent}%',
  },
  en: {
    op: { '>=': 'at least', '>': 'more than', '<=': 'at most', '<': 'less than', '=': 'equal to', '!=': 'not equal to' },
    polarity: { positive: 'higher is better', negative: 'lower is better' },
    opSource: {
      written: '{op}: as the target is written',
      option: '{op}: {polarity}, from the polarity option',
      indicator: '{op}: {polarity}, from the indicator name',
      default: '{op}: no comparator written; {polarity} by default',
      'equals-reached': '{op}: "=" read as reached',
    },
    short: '{amount} short',
    over: '{amount} over',
    below: '{amount} below the target',
    above: '{amount} above the target',
    onTarget: 'exactly on the target',
    percentPoints: '{sign}{amount} percentage points',
    permillePoints: '{sign}{amount} per-mille points',
    completion: 'completion {percent}%',
  },
};
