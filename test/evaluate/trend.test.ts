import { describe, expect, it } from 'vitest';
import { evaluate, parseQuantity } from '../../src/index.js';
import { TREND_ACTUAL_SUFFIXES } from '../../src/vocab/achievement.js';
import { TREND_WORDS } from '../../src/vocab/words.js';
import { brief, code, status } from './helpers.js';

describe('trends with { value, baseline }', () => {
  it('up passes when value > baseline', () => {
    expect(brief('提高', { value: '95%', baseline: '90%' })).toMatchObject({ status: 'pass', op: null, margin: '0.05', completion: null });
    expect(brief('提高', { value: '90%', baseline: '90%' })).toMatchObject({ status: 'fail', code: 'TREND_NOT_MET', margin: '0' });
    expect(brief('提高', { value: '89%', baseline: '90%' })).toMatchObject({ status: 'fail', code: 'TREND_NOT_MET' });
  });

  it('down mirrors it; steady passes when equal', () => {
    expect(status('降低', { value: 3, baseline: 4 })).toBe('pass');
    expect(status('降低', { value: 4, baseline: 4 })).toBe('fail');
    expect(status('保持', { value: '5万元', baseline: '50000元' })).toBe('pass');
    expect(brief('保持', { value: '5万元', baseline: '50001元' })).toMatchObject({ status: 'fail', code: 'TREND_NOT_MET', margin: '-1' });
  });

  it('a % amount is relative to the baseline', () => {
    expect(brief('较上年提高5%', { value: 84, baseline: 80 })).toMatchObject({ status: 'pass', margin: '0' });
    expect(brief('较上年提高5%', { value: '83.99', baseline: 80 })).toMatchObject({ status: 'fail', code: 'AMOUNT_NOT_MET', margin: '-0.01' });
    expect(status('较上年提高5%', { value: '105万元', baseline: '1000000元' })).toBe('pass');
    expect(status('下降10%', { value: '90', baseline: '100' })).toBe('pass');
    expect(status('下降10%', { value: '90.1', baseline: '100' })).toBe('fail');
    expect(status('下降10%', { value: '-110', baseline: '-100' })).toBe('pass');
  });

  it('个百分点 is absolute; plain numbers are read as %', () => {
    expect(brief('下降2个百分点', { value: 85, baseline: 87 })).toMatchObject({ status: 'pass', assumedUnit: '%', margin: '0' });
    expect(brief('下降2个百分点', { value: 85.5, baseline: 87 })).toMatchObject({ status: 'fail', code: 'AMOUNT_NOT_MET' });
    expect(status('提高2个百分点', { value: '92%', baseline: '90%' })).toBe('pass');
    expect(code('提高2个百分点', { value: '92万元', baseline: '90万元' })).toBe('UNIT_MISMATCH');
  });

  it('an amount in another unit is absolute in that unit', () => {
    expect(status('增加100人', { value: '1100人', baseline: '1000人' })).toBe('pass');
    expect(status('增加100人', { value: 1099, baseline: 1000 })).toBe('fail');
    expect(status('提高5万元', { value: '1.05亿元', baseline: '1亿元' })).toBe('pass');
  });

  it('an amount with ≤ is a cap on the change', () => {
    expect(status('同比增长不超过5%', { value: '105万元', baseline: '100万元' })).toBe('pass');
    expect(brief('同比增长不超过5%', { value: '106万元', baseline: '100万元' })).toMatchObject({ status: 'fail', code: 'AMOUNT_EXCEEDED' });
    expect(status('同比增长不超过5%', { value: '90万元', baseline: '100万元' })).toBe('pass');
  });

  it('value and baseline in different units of one dimension', () => {
    expect(status('提高', { value: '1.2亿元', baseline: '11000万元' })).toBe('pass');
    expect(brief('提高', { value: parseQuantity('96%'), baseline: 0.95 })).toMatchObject({ status: 'pass', assumedUnit: '%', margin: '0.9505' }); // 0.95 is 0.95%
    expect(brief('提高', { value: '96%', baseline: 95 })).toMatchObject({ status: 'pass', assumedUnit: '%' });
  });

  it('a baseline that is missing or of another dimension is not a guess', () => {
    expect(brief('提高', { value: '90%' })).toMatchObject({ status: 'unknown', code: 'NEEDS_BASELINE' });
    expect(brief('提高', { value: '90%', baseline: '' })).toMatchObject({ status: 'unknown', code: 'NEEDS_BASELINE' });
    expect(code('提高', { value: '90%', baseline: '3天' })).toBe('UNIT_MISMATCH');
    expect(code('提高', { value: '', baseline: '90%' })).toBe('MISSING_ACTUAL');
    expect(code('提高', { value: 'abc', baseline: '90%' })).toBe('UNPARSEABLE_ACTUAL');
  });

  it('a single value cannot show a change', () => {
    expect(brief('提高', '98%')).toMatchObject({ status: 'unknown', code: 'NEEDS_BASELINE' });
    expect(code('提高', 98)).toBe('NEEDS_BASELINE');
  });
});

describe('a steady target with an amount names a level to keep', () => {
  it('保持95%以上 / 维持5%以内: the value against the level, no baseline needed', () => {
    expect(brief('保持95%以上', '96%')).toMatchObject({ status: 'pass', op: null, margin: '0.01', completion: null });
    expect(brief('保持95%以上', '94%')).toMatchObject({ status: 'fail', code: 'BELOW_TARGET' });
    expect(brief('维持5%以内', '5.5%')).toMatchObject({ status: 'fail', code: 'ABOVE_TARGET' });
    expect(status('维持5%以内', 4)).toBe('pass');
  });

  it('保持100%: reached, like a written =', () => {
    expect(status('保持100%', { value: '100%', baseline: '100%' })).toBe('pass');
    expect(status('保持100%', { value: '99%', baseline: '100%' })).toBe('fail');
    expect(status('保持100%', '99.9%')).toBe('fail');
  });

  it('words and other kinds', () => {
    expect(status('保持95%以上', '已完成')).toBe('pass');
    expect(code('保持95%以上', '持平')).toBe('UNRECOGNISED_TERM');
    expect(code('保持95%以上', '95天')).toBe('UNIT_MISMATCH');
  });
});

describe('trends stated in words', () => {
  it.each([...TREND_WORDS].filter(([, d]) => d === 'up').map(([w]) => w))('已%s meets an up target', (w) => {
    expect(status('提高', `已${w}`)).toBe('pass');
    expect(status('提高', w)).toBe('pass');
  });

  it('modifiers and confirming endings', () => {
    for (const a of ['有所提高', '明显提升', '稳步提升', '不断提高', '进一步提高', '持续改善']) expect([a, status('提高', a)]).toEqual([a, 'pass']);
    for (const s of TREND_ACTUAL_SUFFIXES) expect(status('提升', `提升${s}`)).toBe('pass');
  });

  it('the wrong way fails', () => {
    expect(brief('提高', '下降')).toMatchObject({ status: 'fail', code: 'TREND_NOT_MET' });
    expect(brief('提高', '持平')).toMatchObject({ status: 'fail', code: 'TREND_NOT_MET' });
    expect(status('降低', '有所上升')).toBe('fail');
    expect(status('保持', '持平')).toBe('pass');
    expect(status('保持稳定', '基本持平')).toBe('pass');
  });

  it('a negated change fails the same direction, and says nothing of the other', () => {
    expect(brief('提高', '未提高')).toMatchObject({ status: 'fail', code: 'NOT_ACHIEVED' });
    expect(brief('提高', '没有提升')).toMatchObject({ status: 'fail', code: 'NOT_ACHIEVED' });
    expect(brief('提高', '未下降')).toMatchObject({ status: 'unknown', code: 'UNRECOGNISED_TERM' });
  });

  it('an amount in words is compared with the target\'s amount of the same kind', () => {
    expect(status('较上年提高3个百分点', '较上年提高3.5个百分点')).toBe('pass');
    expect(status('较上年提高3个百分点', '提高3个百分点')).toBe('pass');
    expect(brief('较上年提高3个百分点', '提高2个百分点')).toMatchObject({ status: 'fail', code: 'AMOUNT_NOT_MET' });
    expect(status('增长不超过5%', '增长4%')).toBe('pass');
    expect(brief('增长不超过5%', '增长6%')).toMatchObject({ status: 'fail', code: 'AMOUNT_EXCEEDED' });
  });

  it('a plain number as the amount is in the target\'s unit', () => {
    expect(status('增加100人', '增加120')).toBe('pass');
    expect(status('增加100人', '增加99')).toBe('fail');
    expect(code('提高5%', '提高6')).toBe('NEEDS_BASELINE');
  });

  it('an amount of another kind, or none, needs the baseline', () => {
    expect(code('较上年提高3个百分点', '提高5%')).toBe('NEEDS_BASELINE');
    expect(code('较上年提高3个百分点', '已提高')).toBe('NEEDS_BASELINE');
  });

  it('words, booleans and the rest', () => {
    expect(status('提高', '达成预期指标')).toBe('pass');
    expect(status('提高', '部分达成')).toBe('partial');
    expect(status('提高', true)).toBe('pass');
    expect(status('提高', false)).toBe('fail');
    expect(code('提高', '显著')).toBe('UNRECOGNISED_TERM');
    expect(code('提高', '2022年5月')).toBe('KIND_MISMATCH');
  });

  it('a labelled trend takes its actual from a record', () => {
    expect(evaluate('生态修复功能提高', { 生态修复功能: { value: 5, baseline: 4 } }).status).toBe('pass');
  });
});
