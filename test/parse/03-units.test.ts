import { describe, expect, it } from 'vitest';
import { convert, parseQuantity, parseTarget, toJSON, units } from '../../src/index.js';
import { resolveRatio, resolveUnit } from '../../src/model/units.js';
import { Rational } from '../../src/numbers/rational.js';
import { buildUnitTable, UNITS } from '../../src/vocab/units.js';
import { json } from '../helpers.js';

const quantity = (text: string) => json(text).quantity;

describe('forms §3: units and dimensions', () => {
  it.each([
    ['5元', 'currency', '5', '元'], ['5圆', 'currency', '5', '元'], ['5块', 'currency', '5', '元'],
    ['5万元', 'currency', '50000', '元'], ['5亿元', 'currency', '500000000', '元'], ['5千元', 'currency', '5000', '元'],
    ['5百万元', 'currency', '5000000', '元'], ['5万亿元', 'currency', '5000000000000', '元'],
    ['95%', 'ratio', '0.95', '1'], ['95百分比', 'ratio', '0.95', '1'], ['1‰', 'ratio', '0.001', '1'], ['1‱', 'ratio', '0.0001', '1'],
    ['2个百分点', 'ratio', '0.02', '1'], ['2百分点', 'ratio', '0.02', '1'],
    ['3人', 'count', '3', '人'], ['3人次', 'count', '3', '人次'], ['3户', 'count', '3', '户'], ['3项', 'count', '3', '项'],
    ['3个', 'count', '3', '个'], ['3课时', 'count', '3', '课时'], ['3批次', 'count', '3', '批次'],
    ['30秒', 'duration', '30', '秒'], ['5分钟', 'duration', '300', '秒'], ['2小时', 'duration', '7200', '秒'], ['2h', 'duration', '7200', '秒'],
    ['3天', 'duration', '259200', '秒'], ['3日', 'duration', '259200', '秒'], ['2周', 'duration', '1209600', '秒'], ['2星期', 'duration', '1209600', '秒'],
    ['3个月', 'duration', '3', '月'], ['2季度', 'duration', '6', '月'], ['=2年', 'duration', '24', '月'],
    ['3工作日', 'duration', '3', '工作日'], ['3个工作日', 'duration', '3', '工作日'],
    ['5平方米', 'area', '5', '平方米'], ['5平米', 'area', '5', '平方米'], ['5㎡', 'area', '5', '平方米'], ['5m²', 'area', '5', '平方米'],
    ['5m2', 'area', '5', '平方米'], ['2平方公里', 'area', '2000000', '平方米'], ['2km²', 'area', '2000000', '平方米'], ['2公顷', 'area', '20000', '平方米'],
    ['3亩', 'area', '2000', '平方米'],
    ['5米', 'length', '5', '米'], ['5m', 'length', '5', '米'], ['5公里', 'length', '5000', '米'], ['5千米', 'length', '5000', '米'],
    ['5km', 'length', '5000', '米'], ['5厘米', 'length', '0.05', '米'], ['5毫米', 'length', '0.005', '米'],
    ['5克', 'mass', '0.005', '千克'], ['5千克', 'mass', '5', '千克'], ['5公斤', 'mass', '5', '千克'], ['5kg', 'mass', '5', '千克'],
    ['5斤', 'mass', '2.5', '千克'], ['5吨', 'mass', '5000', '千克'], ['5t', 'mass', '5000', '千克'], ['5万吨', 'mass', '50000000', '千克'],
    ['5立方米', 'volume', '5', '立方米'], ['5m³', 'volume', '5', '立方米'], ['5升', 'volume', '0.005', '立方米'], ['5L', 'volume', '0.005', '立方米'],
    ['5万立方米', 'volume', '50000', '立方米'],
    ['5千瓦时', 'energy', '5', '千瓦时'], ['5度', 'energy', '5', '千瓦时'], ['5kWh', 'energy', '5', '千瓦时'], ['5万千瓦时', 'energy', '50000', '千瓦时'],
    ['5吨标准煤', 'energy', '5', '吨标准煤'],
    ['≥90分', 'score', '90', '分'],
  ])('%s → %s %s %s', (text, dimension, b, bu) => {
    expect(quantity(text)).toMatchObject({ dimension, base: { value: b, unit: bu }, known: true });
  });

  it('Latin units fold case', () => {
    for (const t of ['5KG', '5Kg', '5kg']) expect(quantity(t).base).toEqual({ value: '5', unit: '千克' });
    expect(quantity('5Km').base.value).toBe('5000');
    expect(quantity('5M2').dimension).toBe('area');
    expect(quantity('5HA').base.value).toBe('50000');
  });

  it.each([
    ['≥530元/人', '元/人', '530'], ['3万元/人', '元/人', '30000'], ['≥490元/平方米', '元/平方米', '490'], ['490元/平米', '元/平方米', '490'],
    ['2次/年', '次/年', '2'], ['50人次/天', '人次/天', '50'], ['≥530元/人*月', '元/人·月', '530'], ['530元/人·月', '元/人·月', '530'],
    ['15元/人.每天', '元/人·天', '15'], ['620万/月', '1/月', '6200000'], ['28.40/株', '1/株', '28.4'], ['5元/万人', '元/人', '0.0005'],
  ])('compound %s → base unit %s', (text, bu, b) => {
    expect(quantity(text)).toMatchObject({ dimension: 'compound', base: { unit: bu, value: b }, known: true });
  });

  it('units in a denominator are not converted (元/月 stays per month)', () => {
    expect(quantity('300元/月').base).toEqual({ value: '300', unit: '元/月' });
    expect(quantity('3元/小时').base).toEqual({ value: '3', unit: '元/小时' });
  });

  it('keeps an unknown unit (known: false), count when it starts with a classifier', () => {
    expect(quantity('=3所学校')).toEqual({ value: '3', unit: '所学校', dimension: 'count', base: { value: '3', unit: '所学校' }, known: false });
    expect(quantity('5家企业')).toMatchObject({ unit: '家企业', dimension: 'count', known: false });
    expect(quantity('5头猪')).toMatchObject({ dimension: 'count', known: false });
    expect(quantity('5公斤饲料')).toMatchObject({ unit: '公斤饲料', dimension: 'unknown', known: false });
  });

  it('scales an unknown unit by the magnitude before it (forms §2, §3: 3万页 is 30000 页)', () => {
    expect(quantity('扫描页数大于等于3万页')).toEqual({ value: '3', unit: '万页', dimension: 'unknown', base: { value: '30000', unit: '页' }, known: false });
    expect(quantity('1万平')).toMatchObject({ unit: '万平', base: { value: '10000', unit: '平' }, known: false });
    expect(quantity('2.5十万册书')).toMatchObject({ base: { value: '250000', unit: '册书' }, known: false });
    expect(quantity('3万所学校')).toEqual({ value: '3', unit: '万所学校', dimension: 'count', base: { value: '30000', unit: '所学校' }, known: false });
    // A known unit still wins over a magnitude reading, and a magnitude before it still converts.
    expect(quantity('3千克')).toMatchObject({ dimension: 'mass', base: { value: '3', unit: '千克' }, known: true });
    expect(quantity('5万千瓦时')).toMatchObject({ dimension: 'energy', base: { value: '50000', unit: '千瓦时' }, known: true });
    expect(quantity('3万人')).toMatchObject({ dimension: 'count', base: { value: '30000', unit: '人' }, known: true });
  });

  it('compares a magnitude-scaled unknown unit with the same unit written plainly', () => {
    const table = buildUnitTable(UNITS);
    expect(resolveUnit('万页', table).base).toBe(resolveUnit('页', table).base);
    expect(resolveUnit('万页', table).factor.toString()).toBe('10000');
  });

  it('resolves a ratio\'s unit from its divisor, each on its own, and a zero divisor as no ratio', () => {
    const table = buildUnitTable(UNITS);
    const before = table.resolved.size;
    for (const d of ['7', '0.5', '7.159489', '1.079430', '0.0016', '007']) {
      const r = resolveUnit(`:${d}`, table);
      expect([d, r.dimension, r.base, r.known]).toEqual([d, 'ratio', '1', true]);
      expect(r.factor.eq(Rational.ONE.div(Rational.of(d)))).toBe(true);
      expect(r.factor).toBe(r.factor);
      expect(Object.isFrozen(r)).toBe(true);
      // A planned ratio's unit, made from its checked divisor, is resolveUnit's.
      const planned = resolveRatio(d);
      expect([planned.dimension, planned.base, planned.known, planned.repeating, planned.factor.eq(r.factor)]).toEqual([r.dimension, r.base, r.known, r.repeating, true]);
    }
    // Fresh divisors (a number of each cell) leave the table's memo for the units it repeats.
    expect(table.resolved.size).toBe(before);
    for (const zero of [':0', ':0.00', ':00']) {
      expect(resolveUnit(zero, table)).toMatchObject({ dimension: 'unknown', base: zero, known: false });
    }
    // The parse: 1:0 is an error; 3:7 a fraction, rounded to 20 significant digits in JSON.
    const code = (text: string): unknown => { try { parseTarget(text); return null; } catch (e) { return (e as { code?: unknown }).code; } };
    expect(code('1:0.00')).toBe('INVALID_NUMBER');
    expect(quantity('3:7')).toMatchObject({ dimension: 'ratio', base: { value: '0.42857142857142857143', unit: '1' }, exact: false });
    expect(quantity('3.5:7')).toMatchObject({ base: { value: '0.5', unit: '1' } });
    expect(quantity('3.5:7')).not.toHaveProperty('exact');
  });

  it('recognises a unit only right after a number', () => {
    expect(json('满意度≥90%').label).toBe('满意度');
    expect(json('办理时间≤3天').label).toBe('办理时间');
  });

  it('converts exactly; 亩 has no finite decimal but stays exact inside', () => {
    expect(toJSON(convert(parseQuantity('5230000万元'), '亿元'))).toMatchObject({ value: '523', unit: '亿元' });
    expect(convert(parseQuantity('222224毫米'), '厘米').value.toString()).toBe('22222.4');
    const mu = parseQuantity('15亩');
    expect(mu.base.value.toString()).toBe('10000');
    expect(mu.exact).toBe(true);
    expect(parseQuantity('1亩').exact).toBe(false);
    expect(convert(parseQuantity('1亩'), '平方米').base.value.toString()).toBe('666.66666666666666667');
    expect(convert(convert(parseQuantity('1亩'), '平方米'), '亩').value.toString()).toBe('1');
  });

  it('registry entries are all reachable and have a consistent base', () => {
    for (const u of units) {
      const t = parseTarget(`=7${u.name}`);
      expect(t.kind).toBe('compare');
      const qu = (t as any).quantity;
      expect(qu.known).toBe(true);
      expect(qu.dimension).toBe(u.dimension);
      expect(qu.base.unit).toBe(u.base);
    }
  });
});
