import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeVerdict, evaluate } from '../../src/index.js';

const say = (target: string, actual: string, indicator?: string) => ({
  zh: describeVerdict(evaluate(target, actual, indicator === undefined ? {} : { indicator })),
  en: describeVerdict(evaluate(target, actual, indicator === undefined ? {} : { indicator, locale: 'en' }), 'en'),
});

describe('describeVerdict: a verdict in words of the chosen language', () => {
  it('≥50亿元 against 47.7亿元: not achieved, 2.3亿元 short, in the written unit', () => {
    const { zh, en } = say('≥50亿元', '47.7亿元');
    expect(zh).toMatchObject({ status: 'fail', verdict: '未达成', margin: '少2.3亿元', completion: '完成率95.4%', op: '不低于（≥）：按指标值所写' });
    expect(zh.reason).toContain('未达到目标');
    expect(en).toMatchObject({ verdict: 'not achieved', margin: '2.3亿元 short', completion: 'completion 95.4%', op: 'at least (≥): as the target is written' });
    expect(en.reason).toMatch(/^The actual value 47\.7亿元/);
  });

  it('≥50亿元 against 52.3亿元: achieved, 2.3亿元 above, completion 104.6%', () => {
    const { zh, en } = say('≥50亿元', '52.3亿元');
    expect(zh).toMatchObject({ verdict: '达成', reason: '', margin: '多2.3亿元', completion: '完成率104.6%' });
    expect(en).toMatchObject({ verdict: 'achieved', margin: '2.3亿元 above the target', completion: 'completion 104.6%' });
  });

  it('percentages differ by percentage points', () => {
    const { zh, en } = say('≥95%', '94.5%');
    expect(zh.margin).toBe('−0.5个百分点');
    expect(en.margin).toBe('−0.5 percentage points');
    expect(say('≤1‰', '1.2‰').zh.margin).toBe('+0.2个千分点');
  });

  it('says where the op came from: the indicator name makes 3个工作日 lower-better', () => {
    const { zh, en } = say('3个工作日', '4个工作日', '住房公积金贷款办理时限');
    expect(zh).toMatchObject({ verdict: '未达成', op: '不高于（≤）：按指标名称判断为越低越好', margin: '多1个工作日' });
    expect(en).toMatchObject({ op: 'at most (≤): lower is better, from the indicator name', margin: '1个工作日 over' });
  });

  it('words and bands have no margin; a partial verdict has its own word', () => {
    const { zh, en } = say('健全', '基本健全');
    expect(zh).toMatchObject({ verdict: '部分达成', op: null, margin: null, completion: null });
    expect(en.verdict).toBe('partly achieved');
    expect(say('90%左右', '88%').zh.margin).toBeNull();
  });

  it('cannot judge: the reason in words', () => {
    const { zh, en } = say('提高', '96%');
    expect(zh.verdict).toBe('无法判断');
    expect(zh.reason).toContain('基期值');
    expect(en.verdict).toBe('cannot judge');
  });

  it('describes each part of a cell of several targets', () => {
    const { zh } = say('受益户数≥200户,受益脱贫户数≥15户', '受益户数220户,受益脱贫户数12户');
    expect(zh.verdict).toBe('未达成');
    expect(zh.parts?.map((p) => [p.verdict, p.margin])).toEqual([['达成', '多20户'], ['未达成', '少3户']]);
  });

  it('the margin in words is the exact margin, converted to the written unit (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (t, a) => {
      const target = `≥${t / 100}亿元`;
      const d = describeVerdict(evaluate(target, `${a / 100}亿元`));
      const diff = a - t; // in hundredths of 亿元: exact integers
      if (diff === 0) return d.margin === '恰好等于目标值';
      const abs = Math.abs(diff);
      const text = `${Math.trunc(abs / 100)}${abs % 100 === 0 ? '' : `.${String(abs % 100).padStart(2, '0').replace(/0$/, '')}`}亿元`;
      return d.margin === (diff < 0 ? `少${text}` : `多${text}`);
    }), { numRuns: 200 });
  });
});
