import { describe, expect, it } from 'vitest';
import { TREND_MODIFIERS, TREND_WORDS } from '../../src/vocab/words.js';
import { json, q } from '../helpers.js';

describe('forms §6: qualitative targets', () => {
  it.each(['健全', '明确', '合理', '规范', '科学', '合规', '公开', '完善', '有效', '实时', '及时', '达标', '合格', '优秀', '良好',
    '按时完成', '按期完成', '完成', '是', '否', '有', '无', '符合要求', '无重大事故', '零事故', '一般', '持续发展', '改善条件'])(
    '%s is a qualitative term kept exactly',
    (term) => {
      expect(json(term)).toEqual({ kind: 'qualitative', term, text: term, label: null, note: null });
    },
  );

  it('keeps the note of a qualitative term apart', () => {
    expect(json('健全（历史标准）')).toMatchObject({ kind: 'qualitative', term: '健全', note: '历史标准' });
  });
});

describe('forms §6: trends', () => {
  it.each([...TREND_WORDS.entries()])('trend word %s → %s', (word, direction) => {
    expect(json(word)).toEqual({ kind: 'trend', direction, modifiers: [], amount: null, amountOp: null, text: word, label: null, note: null });
  });

  it.each(TREND_MODIFIERS)('modifier %s before 提高', (m) => {
    expect(json(`${m}提高`)).toMatchObject({ kind: 'trend', direction: 'up', modifiers: [m] });
  });

  it('modifiers stack and amounts follow', () => {
    expect(json('较上年逐步提高')).toMatchObject({ modifiers: ['较上年', '逐步'], direction: 'up' });
    expect(json('提高5%')).toMatchObject({ amount: q('5', '%', 'ratio', '0.05', '1'), amountOp: null });
    expect(json('较上年增长10%')).toMatchObject({ modifiers: ['较上年'], direction: 'up', amount: { value: '10' } });
    expect(json('下降2个百分点')).toMatchObject({ direction: 'down', amount: q('2', '个百分点', 'ratio', '0.02', '1') });
    expect(json('同比提高不低于3%')).toMatchObject({ modifiers: ['同比'], amountOp: '>=', amount: { value: '3' } });
    expect(json('降低不超过5%')).toMatchObject({ direction: 'down', amountOp: '<=' });
    expect(json('增长10%以上')).toMatchObject({ amountOp: '>=' });
  });

  it('text before a final trend word is the label (contract)', () => {
    expect(json('生态修复功能提高')).toMatchObject({ kind: 'trend', label: '生态修复功能', direction: 'up' });
    expect(json('满意度较上年提高')).toMatchObject({ kind: 'trend', label: '满意度', modifiers: ['较上年'] });
  });

  it('a result (未提高, 已提高) is a term, not a target of change', () => {
    for (const t of ['未提高', '已提高', '尚未提升', '不增加']) expect(json(t)).toMatchObject({ kind: 'qualitative', term: t });
  });

  it('a trend word followed by an object is qualitative', () => {
    expect(json('改善条件').kind).toBe('qualitative');
    expect(json('提高服务质量').kind).toBe('qualitative');
  });
});
