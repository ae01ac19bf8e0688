/**
 * Messages for every error and reason code, in Chinese and English. Data only: a new
 * language is a new column. `{x}` placeholders are filled from the error's details.
 */
export type Locale = 'zh' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh';

export const MESSAGES = {
  EMPTY: { zh: '指标值为空', en: 'The target is empty' },
  NOT_APPLICABLE: { zh: '“{text}”是占位符（不适用），不是指标值', en: '"{text}" is a placeholder (not applicable), not a target' },
  INPUT_TOO_LONG: { zh: '输入长度 {length} 超过上限 {limit}', en: 'Input of length {length} exceeds the limit of {limit}' },
  UNEXPECTED_CHARACTER: { zh: '无法识别的字符“{found}”', en: 'Unrecognised character "{found}"' },
  UNEXPECTED_TOKEN: { zh: '此处不应出现“{found}”{expected}', en: 'Unexpected "{found}"{expected}' },
  UNEXPECTED_END: { zh: '指标值不完整{expected}', en: 'The target ends too early{expected}' },
  // {whereZh}/{whereEn}: 之后/after a comparator (`≥`), 之前/before a unit alone (`万人`).
  MISSING_NUMBER: { zh: '“{found}”{whereZh}缺少数值', en: 'A number is missing{whereEn} "{found}"' },
  UNKNOWN_UNIT: { zh: '未知计量单位“{unit}”{suggestionZh}', en: 'Unknown unit "{unit}"{suggestionEn}' },
  MIXED_DIMENSIONS: { zh: '范围两端的单位不一致：“{a}”与“{b}”', en: 'The ends of the range have different kinds of unit: "{a}" and "{b}"' },
  EMPTY_RANGE: { zh: '范围下限 {min} 大于上限 {max}', en: 'The range is empty: {min} is greater than {max}' },
  CONFLICTING_OPS: { zh: '比较符“{first}”与“{second}”矛盾', en: 'The comparators "{first}" and "{second}" contradict each other' },
  UNCLOSED_BRACKET: { zh: '括号未闭合', en: 'A bracket is not closed' },
  INVALID_DATE: { zh: '日期“{found}”不存在', en: 'The date "{found}" does not exist' },
  RECURRING_DEADLINE: {
    zh: '“{found}”是每月重复的期限，不是一个日期：请写出所评价期间的期限（如“12月8日前”）',
    en: '"{found}" is a deadline that recurs every month, not one date: write the deadline of the period judged (such as 12月8日前)',
  },
  INVALID_NUMBER: { zh: '“{found}”不是数值', en: '"{found}" is not a number' },
  UNKNOWN_OP: { zh: '未知比较符“{found}”', en: 'Unknown comparator "{found}"' },
  INCOMPATIBLE_UNITS: { zh: '不能把“{from}”换算为“{to}”', en: 'Cannot convert "{from}" to "{to}"' },
  INVALID_JSON: { zh: '无法读取的 JSON：{detail}', en: 'Cannot read this JSON: {detail}' },
  INVALID_ARGUMENT: { zh: '参数无效：{detailZh}', en: 'Invalid argument: {detailEn}' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof MESSAGES;

/**
 * A message from its template: each `{name}` is replaced by `details[name]` (by nothing when
 * details has no such key); any other brace is text. One pass over the template, which
 * keeps nothing between calls.
 */
export function fill(template: string, details: Readonly<Record<string, string | number>>): string {
  let out = '';
  let from = 0;
  for (let open = template.indexOf('{'); open !== -1; open = template.indexOf('{', open + 1)) {
    const close = template.indexOf('}', open + 1);
    if (close === -1) break;
    const name = template.slice(open + 1, close);
    if (!PLACEHOLDER_NAME.test(name)) continue;
    out += template.slice(from, open);
    if (Object.hasOwn(details, name)) out += String(details[name]);
    from = close + 1;
    open = close;
  }
  return out + template.slice(from);
}

const PLACEHOLDER_NAME = /^\w+$/;

/**
 * A template split into its pieces: text, a placeholder's name, text, … (always an odd
 * number: `{x}` at either end leaves an empty text), for tables that split their templates
 * once when loaded.
 */
export function templateParts(template: string): readonly string[] {
  return template.split(/\{(\w+)\}/);
}
