/**
 * Why a verdict is not `pass`: one stable code per reason, with its message in Chinese
 * and English. Data only, like messages.ts; `{x}` placeholders are filled from the
 * verdict's details (values are printed as written: `4999999999.99元`, `95%`).
 */
export const REASONS = {
  // ---- fail and partial -------------------------------------------------------------
  BELOW_TARGET: { zh: '实际值 {actual} 未达到目标 {op}{target}', en: 'The actual value {actual} does not reach the target {op}{target}' },
  ABOVE_TARGET: { zh: '实际值 {actual} 超出目标 {op}{target}', en: 'The actual value {actual} exceeds the target {op}{target}' },
  NOT_EQUAL: { zh: '实际值 {actual} 不等于目标 {target}', en: 'The actual value {actual} is not equal to the target {target}' },
  EQUALS_EXCLUDED: { zh: '实际值 {actual} 等于被排除的值 {target}', en: 'The actual value {actual} equals the excluded value {target}' },
  OUTSIDE_RANGE: { zh: '实际值 {actual} 不在范围 {min} 至 {max} 内', en: 'The actual value {actual} is outside the range {min} to {max}' },
  OUTSIDE_TOLERANCE: {
    zh: '实际值 {actual} 与目标 {target} 相差超过允许偏差 {tolerance}',
    en: 'The actual value {actual} differs from the target {target} by more than the tolerance {tolerance}',
  },
  NOT_ACHIEVED: { zh: '实际完成情况“{actual}”表明未达成目标', en: 'The actual "{actual}" says the target was not met' },
  PARTIALLY_ACHIEVED: { zh: '实际完成情况“{actual}”表明部分达成目标', en: 'The actual "{actual}" says the target was partly met' },
  GRADE_TOO_LOW: { zh: '等级“{actual}”低于目标要求的等级（{passing}）', en: 'The grade "{actual}" is below the grades the target asks for ({passing})' },
  TREND_NOT_MET: { zh: '实际变化（{change}）不符合目标“{target}”的方向', en: 'The actual change ({change}) does not go the way the target "{target}" asks' },
  AMOUNT_NOT_MET: { zh: '实际变化 {change} 小于目标要求的 {required}', en: 'The actual change {change} is less than the {required} the target asks for' },
  AMOUNT_EXCEEDED: { zh: '实际变化 {change} 超过目标允许的 {required}', en: 'The actual change {change} is more than the {required} the target allows' },
  LATE: { zh: '实际日期 {actual} 晚于期限 {deadline}', en: 'The actual date {actual} is later than the deadline {deadline}' },
  OUTSIDE_PERIOD: { zh: '实际日期 {actual} 不在期间 {from} 至 {to} 内', en: 'The actual date {actual} is outside the period {from} to {to}' },

  // ---- unknown ----------------------------------------------------------------------
  MISSING_ACTUAL: { zh: '缺少实际值', en: 'The actual value is missing' },
  NOT_APPLICABLE: { zh: '实际值“{actual}”是占位符，没有可评价的值', en: 'The actual "{actual}" is a placeholder, with no value to judge' },
  UNPARSEABLE_ACTUAL: { zh: '无法读取实际值“{actual}”{detail}', en: 'Cannot read the actual value "{actual}"{detail}' },
  UNRECOGNISED_TERM: {
    zh: '无法判断实际情况“{actual}”是否符合目标“{target}”',
    en: 'Cannot tell whether the actual "{actual}" meets the target "{target}"',
  },
  UNIT_MISMATCH: { zh: '单位不可比较：{what}为“{a}”，{other}为“{b}”', en: 'The units cannot be compared: {what} in "{a}", {other} in "{b}"' },
  KIND_MISMATCH: {
    zh: '实际值“{actual}”（{actualKind}）不能与{targetKind}目标比较',
    en: 'The actual "{actual}" ({actualKind}) cannot be compared with a {targetKind} target',
  },
  NEEDS_BASELINE: { zh: '变化类目标需要实际值和基期值（{detail}）', en: 'A target of change needs the actual value and a baseline ({detail})' },
  NEEDS_YEAR: { zh: '无法确定年份：{detail}；请提供参考年份（year 选项）', en: 'Cannot tell the year: {detail}; give the reference year (option year)' },
  IMPRECISE_DATE: { zh: '实际日期 {actual} 不够精确，无法判断是否{within}', en: 'The actual date {actual} is too imprecise to tell whether it is {within}' },
  IMPRECISE_ACTUAL: {
    zh: '实际值 {actual} 只给出了界限，其中有的值达到目标 {target}、有的未达到，无法判断',
    en: 'The actual value {actual} is only a bound: some values it allows meet the target {target} and some do not',
  },
  NEEDS_ACTUAL_PER_TARGET: {
    zh: '该指标值包含多个带名称的目标（{labels}），每个目标都需要各自的实际值',
    en: 'The cell holds several labelled targets ({labels}); each needs its own actual value',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ReasonCode = keyof typeof REASONS;

/** Pieces that fill the `{detail}`, `{what}` and `{within}` of the messages above. */
export const DETAILS = {
  tooLong: { zh: '：长度 {length} 超过上限 {limit}', en: ': length {length} exceeds the limit of {limit}' },
  unsupportedType: { zh: '：不支持的类型 {type}', en: ': unsupported type {type}' },
  notFinite: { zh: '：不是有限的数', en: ': not a finite number' },
  badQuantity: { zh: '：数量对象无效', en: ': not a valid Quantity' },
  unsupportedObject: { zh: '：不支持的对象', en: ': unsupported object' },
  parseError: { zh: '：{message}', en: ': {message}' },
  sideActual: { zh: '实际值', en: 'the actual value' },
  sideTarget: { zh: '目标', en: 'the target' },
  sideTolerance: { zh: '允许偏差', en: 'the tolerance' },
  sideBaseline: { zh: '基期值', en: 'the baseline' },
  sideAmount: { zh: '目标变化量', en: 'the change asked for' },
  yearTargetHasNone: { zh: '目标日期未写年份而实际日期写了年份', en: 'the target date has no year but the actual date has one' },
  yearActualHasNone: { zh: '实际日期未写年份而目标期间跨越多个年度', en: 'the actual date has no year and the period spans more than one year' },
  yearCrossesYearEnd: { zh: '目标期间未写年份且跨越年末', en: 'the period has no year and crosses the end of a year' },
  beforeDeadline: { zh: '在 {deadline} 之前', en: 'on or before {deadline}' },
  withinPeriod: { zh: '在 {from} 至 {to} 期间内', en: 'within {from} to {to}' },
  up: { zh: '提高', en: 'up' },
  down: { zh: '降低', en: 'down' },
  steady: { zh: '持平', en: 'steady' },
  onlyOneValue: { zh: '只给出了一个值', en: 'only one value was given' },
  changeAskedFor: { zh: '目标要求变化 {amount}', en: 'the target asks for a change of {amount}' },
  baselineMissing: { zh: '缺少基期值', en: 'the baseline is missing' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type DetailKey = keyof typeof DETAILS;

/** Prefix of a reason that comes from one part of a multi-target cell. */
export const PART_PREFIX = { zh: '“{label}”：', en: '{label}: ' } as const;

/** Words used inside reason messages, per language. */
export const KIND_NAMES = {
  zh: {
    quantity: '数量', term: '文字', date: '日期', boolean: '是/否', pair: '实际值与基期值', list: '多个值',
    compare: '数量', approx: '约数', range: '范围', all: '多目标', qualitative: '定性', trend: '变化', deadline: '期限', period: '期间',
  },
  en: {
    quantity: 'a quantity', term: 'a word', date: 'a date', boolean: 'yes/no', pair: 'value and baseline', list: 'several values',
    compare: 'comparison', approx: 'approximate', range: 'range', all: 'multi-target', qualitative: 'qualitative', trend: 'change', deadline: 'deadline', period: 'period',
  },
} as const;
