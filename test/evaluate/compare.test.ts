import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, evaluate, IndicatorError, parseQuantity, parseTarget, score } from '../../src/index.js';
import { brief, code, status } from './helpers.js';

describe('exact comparison in base units', () => {
  it('≥50亿元 passes for 5000000000元 and 500000万元, fails for 4999999999.99元', () => {
    expect(brief('≥50亿元', '5000000000元')).toMatchObject({ status: 'pass', margin: '0', completion: '1' });
    expect(brief('≥50亿元', '500000万元')).toMatchObject({ status: 'pass', margin: '0' });
    expect(brief('≥50亿元', '4999999999.99元')).toMatchObject({ status: 'fail', code: 'BELOW_TARGET', margin: '-0.01', completion: '1' });
  });

  it('compares 亿 and 万 spellings of the same amount exactly', () => {
    expect(brief('≥52.3亿元', '523000万元')).toMatchObject({ status: 'pass', margin: '0' });
    expect(brief('=523亿元', '5230000万元', { equals: 'exact' })).toMatchObject({ status: 'pass', margin: '0' });
    expect(brief('≤1.5亿元', '15000.0001万元')).toMatchObject({ status: 'fail', code: 'ABOVE_TARGET', margin: '1' });
  });

  it('keeps permille and percent exact', () => {
    expect(brief('≤1‰', '0.1%')).toMatchObject({ status: 'pass', margin: '0' });
    expect(brief('≤1‰', '0.11%')).toMatchObject({ status: 'fail', margin: '0.0001' });
  });

  it('reads compound units to their base', () => {
    expect(brief('≤600元/人*月', '583元/人·月')).toMatchObject({ status: 'pass', margin: '-17' });
    expect(brief('≤0.06万元/人*月', '583元/人*月')).toMatchObject({ status: 'pass', margin: '-17' });
  });

  it('compares a unit the registry does not know only with the same unit', () => {
    expect(status('≥3所学校', '5所学校')).toBe('pass');
    expect(code('≥3所学校', '5所')).toBe('UNIT_MISMATCH');
  });
});

describe('a side without a unit is read in the other side\'s unit', () => {
  it('95 against ≥95% is 95%', () => {
    expect(brief('≥95%', '95')).toMatchObject({ status: 'pass', assumedUnit: '%', margin: '0' });
    expect(brief('≥95%', '0.95')).toMatchObject({ status: 'fail', assumedUnit: '%' });
  });

  it('132.9 against ≤202.6万元 is 132.9万元', () => {
    expect(brief('≤202.6万元', '132.9')).toMatchObject({ status: 'pass', assumedUnit: '万元', margin: '-697000', completion: '1.5245' });
  });

  it('a bare magnitude keeps its magnitude: 50亿 against ≥50亿元', () => {
    expect(brief('≥50亿元', '50亿')).toMatchObject({ status: 'pass', assumedUnit: '亿元', margin: '0' });
    expect(brief('≥50亿元', '4999.9万')).toMatchObject({ status: 'fail', assumedUnit: '万元' });
  });

  it('a target whose unit column was lost is read in the actual\'s unit', () => {
    expect(brief('≥95', '96%')).toMatchObject({ status: 'pass', assumedUnit: '%', margin: '0.01' });
    expect(brief('≥50亿', '52.3亿元')).toMatchObject({ status: 'pass', assumedUnit: '亿元', margin: '230000000' });
  });

  it('both sides without unit compare as plain numbers, nothing assumed', () => {
    expect(brief('≥90', '90')).toMatchObject({ status: 'pass', assumedUnit: null });
  });

  it('a unit of another dimension or base is unknown, never a silent pass', () => {
    expect(brief('≥95%', '95天')).toMatchObject({ status: 'unknown', code: 'UNIT_MISMATCH', margin: null, completion: null });
    expect(code('=207项', '207个')).toBe('UNIT_MISMATCH');
    expect(code('≤3个工作日', '3天')).toBe('UNIT_MISMATCH');
    expect(code('≤3个月', '90天')).toBe('UNIT_MISMATCH');
    expect(code('≥50亿元', '50亿人')).toBe('UNIT_MISMATCH');
  });
});

describe('actual values of every type', () => {
  it('JS numbers are read through String(n)', () => {
    expect(brief('≥95%', 95)).toMatchObject({ status: 'pass', assumedUnit: '%' });
    expect(brief('≥0.3', 0.1 + 0.2)).toMatchObject({ status: 'pass', margin: '0.00000000000000004' });
    expect(brief('≥1', 1e21)).toMatchObject({ status: 'pass', margin: '999999999999999999999' });
    expect(brief('≥0', -0)).toMatchObject({ status: 'pass', margin: '0' });
  });

  it('NaN and Infinity are unknown UNPARSEABLE_ACTUAL, never a crash', () => {
    for (const x of [NaN, Infinity, -Infinity]) expect(brief('≥95%', x)).toMatchObject({ status: 'unknown', code: 'UNPARSEABLE_ACTUAL' });
  });

  it('bigints are exact', () => {
    expect(brief('≥1亿元', 100000000n)).toMatchObject({ status: 'pass', assumedUnit: '亿元' });
    expect(brief('=12345678901234567890123', 12345678901234567890123n, { equals: 'exact' })).toMatchObject({ status: 'pass' });
  });

  it('accepts our Decimal and a Decimal of any other decimal.js copy', () => {
    const Foreign = DecimalJs.clone({ precision: 5 });
    expect(brief('≥95%', new Decimal('95.5'))).toMatchObject({ status: 'pass', margin: '0.005' });
    expect(brief('≥95%', new Foreign('94.99999'))).toMatchObject({ status: 'fail', margin: '-0.0000001' });
    expect(brief('≥95%', new DecimalJs('1e-3'))).toMatchObject({ status: 'fail', assumedUnit: '%' });
    expect(brief('≥95%', new Foreign(NaN))).toMatchObject({ status: 'unknown', code: 'UNPARSEABLE_ACTUAL' });
  });

  it('accepts a Quantity as it is', () => {
    expect(brief('≥50亿元', parseQuantity('52.3亿元'))).toMatchObject({ status: 'pass', margin: '230000000' });
    expect(code('≥50亿元', parseQuantity('52.3亿人'))).toBe('UNIT_MISMATCH');
  });

  it('strings are cleaned like cells (full-width digits, HTML, spaces, notes)', () => {
    expect(brief('≥95%', '９６％')).toMatchObject({ status: 'pass' });
    expect(brief('≥95%', '<p>96%</p>')).toMatchObject({ status: 'pass' });
    expect(brief('≥95%', ' 96 % ')).toMatchObject({ status: 'pass' });
    expect(brief('≥95%', '96%（预计）')).toMatchObject({ status: 'pass' });
    expect(brief('≥95%', '百分之九十六')).toMatchObject({ status: 'pass' });
    expect(brief('≥1200元', '1,200元')).toMatchObject({ status: 'pass' });
  });

  it('a labelled actual meets a labelled target', () => {
    expect(brief('脱贫人口满意度≥90%', '脱贫人口满意度95%')).toMatchObject({ status: 'pass', margin: '0.05' });
    expect(brief('脱贫人口满意度≥90%', '脱贫人口满意度：89%')).toMatchObject({ status: 'fail' });
    expect(brief('脱贫人口满意度≥90%', { 脱贫人口满意度: '95%' })).toMatchObject({ status: 'pass' });
    expect(code('脱贫人口满意度≥90%', '满意度95%')).toBe('UNPARSEABLE_ACTUAL');
  });

  it('{ value, baseline } against a target that is no trend is judged by its value', () => {
    expect(brief('≥95%', { value: '96%', baseline: '90%' })).toMatchObject({ status: 'pass' });
  });

  it('无 against a quantity is zero', () => {
    expect(brief('=0次', '无')).toMatchObject({ status: 'pass', assumedUnit: '次' });
    expect(brief('≥2次', '无')).toMatchObject({ status: 'fail', code: 'BELOW_TARGET', margin: '-2' });
  });

  it('a date or a list against a quantity is a kind mismatch', () => {
    expect(code('≥95%', '2022年11月')).toBe('KIND_MISMATCH');
    expect(code('≥95%', [95, 96])).toBe('KIND_MISMATCH');
    expect(code('≥95%', new Date(2022, 0, 1))).toBe('KIND_MISMATCH');
  });

  it('text that is no quantity is UNPARSEABLE_ACTUAL with the parser\'s reason', () => {
    // `95%以上` alone is a bound (bound.test.ts); with a word after it, it is no reading at all.
    const v = evaluate('≥95%', '95%以上吧');
    expect(v.reason?.code).toBe('UNPARSEABLE_ACTUAL');
    expect(v.reason?.messages.en).toContain('以上');
    expect(code('≥95%', '约')).toBe('UNPARSEABLE_ACTUAL');
  });
});

describe('ops', () => {
  it('strict and inclusive bounds', () => {
    expect(status('>95%', '95%')).toBe('fail');
    expect(status('>95%', '95.0001%')).toBe('pass');
    expect(status('<3天', '3天')).toBe('fail');
    expect(code('<3天', '3天')).toBe('ABOVE_TARGET');
    expect(status('<3天', '71小时')).toBe('pass');
    expect(status('≥95%以上(不含)', '95%')).toBe('fail');
  });

  it('≠ passes on anything else', () => {
    expect(brief('≠0', '1')).toMatchObject({ status: 'pass', op: '!=', completion: null });
    expect(brief('≠0', '0')).toMatchObject({ status: 'fail', code: 'EQUALS_EXCLUDED' });
  });

  it('= means reached: A > 0 needs B ≥ A', () => {
    expect(brief('=100%', '100%')).toMatchObject({ status: 'pass', op: '>=', opSource: 'equals-reached' });
    expect(brief('=100%', '101%')).toMatchObject({ status: 'pass', op: '>=', opSource: 'equals-reached' });
    expect(brief('=100%', '98%')).toMatchObject({ status: 'fail', code: 'BELOW_TARGET', completion: '0.98' });
  });

  it('= means reached: A = 0 passes when B ≤ 0', () => {
    expect(brief('=0%', '0')).toMatchObject({ status: 'pass', op: '<=', opSource: 'equals-reached', completion: null });
    expect(brief('=0%', '-3%')).toMatchObject({ status: 'pass' });
    expect(brief('=0%', '1%')).toMatchObject({ status: 'fail', code: 'ABOVE_TARGET', completion: '0' });
  });

  it('= with a negative target is reached from above (the A = 0 reading carried on)', () => {
    expect(brief('=-5%', '-6%')).toMatchObject({ status: 'pass', op: '<=', opSource: 'equals-reached' });
    expect(status('=-5%', '-4%')).toBe('fail');
  });

  it('= is reached in the indicator\'s better direction: from above when lower is better', () => {
    const limit = { indicator: '住房公积金贷款办理时限' };
    expect(brief('=3个工作日', '2个工作日', limit)).toMatchObject({ status: 'pass', op: '<=', opSource: 'equals-reached' });
    expect(brief('=3个工作日', '4个工作日', limit)).toMatchObject({ status: 'fail', op: '<=', code: 'ABOVE_TARGET' });
    expect(brief('=0.5‰', '0.3‰', { indicator: '贷款逾期率' })).toMatchObject({ status: 'pass', op: '<=' });
    expect(brief('=20万元', '18万元', { indicator: '市民中心运行维护费' })).toMatchObject({ status: 'pass', op: '<=' });
    expect(brief('=20万元', '18万元', { polarity: 'negative' })).toMatchObject({ status: 'pass', op: '<=' });
    // A label in the cell names the indicator too; higher-is-better names keep B ≥ A.
    expect(brief('投诉率=2%', '1%')).toMatchObject({ status: 'pass', op: '<=' });
    expect(brief('=95%', '94%', { indicator: '缴存职工满意度' })).toMatchObject({ status: 'fail', op: '>=', code: 'BELOW_TARGET' });
    expect(brief('=95%', '94%', { polarity: 'positive', indicator: '贷款逾期率' })).toMatchObject({ status: 'fail', op: '>=' });
    // Scored as lower is better: reached earns the whole weight, a miss A / B of it.
    expect(score('=3个工作日', '2个工作日', 10, limit)).toMatchObject({ status: 'pass', rule: 'lower-better-ratio' });
    expect(score('=3个工作日', '2个工作日', 10, limit).score!.toString()).toBe('10');
    expect(score('=3个工作日', '4个工作日', 10, limit).score!.toString()).toBe('7.5');
  });

  it('equals: "exact" makes = strict', () => {
    expect(brief('=100%', '101%', { equals: 'exact' })).toMatchObject({ status: 'fail', op: '=', opSource: 'written', code: 'NOT_EQUAL' });
    expect(brief('=100%', '1', { equals: 'exact' })).toMatchObject({ status: 'fail', assumedUnit: '%' });
    expect(brief('=0.3', new Decimal('0.1').plus('0.2'), { equals: 'exact' })).toMatchObject({ status: 'pass' });
    expect(brief('=0.3', 0.1 + 0.2, { equals: 'exact' })).toMatchObject({ status: 'fail' });
  });

  it('a written op always wins over polarity', () => {
    expect(brief('≥95%', '96%', { polarity: 'negative' })).toMatchObject({ status: 'pass', op: '>=', opSource: 'written' });
    expect(brief('≤1‰', '0.5‰', { indicator: '信访投诉处理率' })).toMatchObject({ status: 'pass', op: '<=', opSource: 'written' });
  });
});

describe('implicit op: option, then indicator, then default', () => {
  it('polarity option', () => {
    expect(brief('100%', '98%', { polarity: 'negative' })).toMatchObject({ status: 'pass', op: '<=', opSource: 'option' });
    expect(brief('3个工作日', '4个工作日', { polarity: 'positive' })).toMatchObject({ status: 'pass', op: '>=', opSource: 'option' });
  });

  it('the option beats the indicator name', () => {
    expect(brief('1‰', '0.5‰', { polarity: 'positive', indicator: '贷款逾期率' })).toMatchObject({ status: 'fail', op: '>=', opSource: 'option' });
  });

  it('indicator name', () => {
    expect(brief('1‰', '0.5‰', { indicator: '贷款逾期率' })).toMatchObject({ status: 'pass', op: '<=', opSource: 'indicator', completion: '2' });
    expect(brief('100%', '98%', { indicator: '信访投诉处理率' })).toMatchObject({ status: 'fail', op: '>=', opSource: 'indicator' });
    expect(brief('365天', '365天', { indicator: '线上办事大厅全年正常办理时间' })).toMatchObject({ status: 'pass', op: '>=', opSource: 'indicator' });
  });

  it('the label written in the cell names the indicator too, before the option', () => {
    expect(brief('贷款逾期率1‰', '0.8‰')).toMatchObject({ status: 'pass', op: '<=', opSource: 'indicator' });
    expect(brief('贷款逾期率1‰', '0.8‰', { indicator: '重点工作完成率' })).toMatchObject({ op: '<=', opSource: 'indicator' });
  });

  it('default: durations are time limits (≤), the rest ≥', () => {
    expect(brief('3个工作日', '4个工作日')).toMatchObject({ status: 'fail', op: '<=', opSource: 'default', code: 'ABOVE_TARGET', completion: '0.75' });
    expect(brief('207项', '210项')).toMatchObject({ status: 'pass', op: '>=', opSource: 'default' });
    expect(brief('207项', '206项', { indicator: '一张网业务事项' })).toMatchObject({ status: 'fail', op: '>=', opSource: 'default' });
  });

  it('an implicit op is reported even when a word decides', () => {
    expect(brief('3个工作日', '已完成')).toMatchObject({ status: 'pass', op: '<=', opSource: 'default', margin: null, completion: null });
  });
});

describe('margin and completion', () => {
  it('completion is actual/target for ≥ and target/actual for ≤, half up to 4 places', () => {
    expect(brief('≥3', '2')).toMatchObject({ completion: '0.6667', margin: '-1' });
    expect(brief('≤3', '2')).toMatchObject({ completion: '1.5', margin: '-1' });
    expect(brief('≥8', '1.00005')).toMatchObject({ completion: '0.125' });
    expect(brief('≥2', '0.00001')).toMatchObject({ completion: '0' });
    expect(brief('≥2', '0.00009')).toMatchObject({ completion: '0' });
    expect(brief('≥2', '0.0001')).toMatchObject({ completion: '0.0001' });
  });

  it('completion is null on division by zero', () => {
    expect(brief('≥0次', '3次')).toMatchObject({ status: 'pass', completion: null });
    expect(brief('≤5', '0')).toMatchObject({ status: 'pass', completion: null });
  });

  it('a margin is exact in base units, however long', () => {
    expect(brief('≥0.000000000000000000000000001', '0.000000000000000000000000002')).toMatchObject({ margin: '0.000000000000000000000000001' });
  });

  it('a non-terminating unit (亩) still gives exact verdicts', () => {
    expect(status('≥1亩', '666.6666666667平方米')).toBe('pass');
    expect(status('≥1亩', '666.6666666666平方米')).toBe('fail');
    expect(status('=3亩', '2000平方米', { equals: 'exact' })).toBe('pass');
  });
});

describe('targets given as objects or text', () => {
  it('evaluates a parsed Target as the same text', () => {
    const t = parseTarget('≥50亿元');
    expect(evaluate(t, '52.3亿元').status).toBe(evaluate('≥50亿元', '52.3亿元').status);
  });

  it('throws the parse error of a bad target text', () => {
    expect(() => evaluate('≥', '1')).toThrow(IndicatorError);
    expect(() => evaluate('/', '1')).toThrowError(expect.objectContaining({ code: 'NOT_APPLICABLE' }));
  });

  it('rejects what is no target', () => {
    expect(() => evaluate({ kind: 'nonsense' } as never, '1')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => evaluate(null as never, '1')).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('parses a year-less target with options.year', () => {
    expect(evaluate('12月底前', '2022-11-30', { year: 2022 }).target).toMatchObject({ date: { year: 2022, month: 12, day: 31 } });
  });

  it('rejects bad options', () => {
    expect(() => evaluate('≥1', '1', { polarity: 'up' as never })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => evaluate('≥1', '1', { equals: 'strict' as never })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => evaluate('≥1', '1', { locale: 'fr' as never })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => evaluate('≥1', '1', { year: 20.5 })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
