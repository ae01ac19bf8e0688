import { describe, expect, it } from 'vitest';
import { parseTarget, toJSON } from '../../src/index.js';
import { err, json } from '../helpers.js';

describe('forms §8: cells that hold more than a value', () => {
  it('the indicator name written into the cell becomes the label', () => {
    expect(json('脱贫人口满意度≥90%')).toMatchObject({ kind: 'compare', label: '脱贫人口满意度', op: '>=', quantity: { value: '90' } });
    expect(json('满意度：≥90%').label).toBe('满意度');
    expect(json('2022年“新市民”开户人数≥1万人')).toMatchObject({ label: '2022年“新市民”开户人数', quantity: { unit: '万人' } });
    expect(json('群众满意度90%以上')).toMatchObject({ label: '群众满意度', op: '>=' });
    expect(json('≥90%').label).toBeNull();
    expect(json('实际完成时间：2022年11月')).toMatchObject({ kind: 'deadline', label: '实际完成时间', date: { year: 2022, month: 11 } });
    expect(json('生态修复功能提高≥3%')).toMatchObject({ kind: 'trend', label: '生态修复功能', amountOp: '>=' });
  });

  it('several labelled targets in one cell: all must hold', () => {
    const t = json('受益户数≥200户,受益脱贫户数≥15户');
    expect(t.kind).toBe('all');
    expect(t.targets.map((x: any) => [x.label, x.op, x.quantity.value, x.quantity.unit, x.text])).toEqual([
      ['受益户数', '>=', '200', '户', '受益户数≥200户'],
      ['受益脱贫户数', '>=', '15', '户', '受益脱贫户数≥15户'],
    ]);
  });

  describe('split columns', () => {
    it.each([
      [{ op: '≥', value: '95', unit: '%' }, '≥95%'],
      [{ op: '=', value: '207', unit: '项' }, '=207项'],
      [{ op: '≤', value: '1.5', unit: '亿元' }, '≤1.5亿元'],
      [{ op: '>=', value: '530', unit: '元/人*月' }, '>=530元/人*月'],
      [{ value: '3', unit: '个工作日' }, '3个工作日'],
      [{ op: '≥', value: '≥95', unit: '%' }, '≥95%'],
      [{ op: '≥', value: '95%', unit: '%' }, '≥95%'],
    ])('%o builds the same target as %s', (parts, joined) => {
      const a = toJSON(parseTarget(parts)) as any;
      const b = toJSON(parseTarget(joined)) as any;
      delete a.text; delete b.text;
      expect(a).toEqual(b);
    });

    it('定性 makes the value a qualitative term', () => {
      expect(toJSON(parseTarget({ op: '定性', value: '健全' }))).toMatchObject({ kind: 'qualitative', term: '健全' });
    });

    it('an op column must hold a comparator, and beside it the value must be a number', () => {
      for (const [parts, code, offset, length] of [
        [{ op: '≈≈', value: '90', unit: '%' }, 'UNKNOWN_OP', 0, 2],
        [{ op: '高于或持平', value: '90', unit: '%' }, 'UNKNOWN_OP', 0, 5],
        [{ op: '≥', value: '良好' }, 'INVALID_NUMBER', 1, 2],
        [{ op: '≥', value: '' }, 'EMPTY', 0, 1],
      ] as const) {
        try {
          parseTarget(parts);
          expect.unreachable();
        } catch (e: any) {
          expect([e.code, e.offset, e.length]).toEqual([code, offset, length]);
        }
      }
      expect(toJSON(parseTarget({ op: '≈', value: '90', unit: '%' }))).toMatchObject({ kind: 'approx' });
      expect(toJSON(parseTarget({ op: '不低于', value: '90', unit: '%' }))).toMatchObject({ op: '>=' });
      expect(toJSON(parseTarget({ op: '定量', value: '207', unit: '项' }))).toMatchObject({ op: '=', implicit: true });
    });

    it('an unknown unit column is an error with a suggestion', () => {
      try {
        parseTarget({ op: '≥', value: '3', unit: '个工做日' });
        expect.unreachable();
      } catch (e: any) {
        expect(e.code).toBe('UNKNOWN_UNIT');
        expect(e.messages.en).toBe('Unknown unit "个工做日"; did you mean "个工作日"?');
        expect(e.messages.zh).toBe('未知计量单位“个工做日”，是否应为“个工作日”？');
        expect(e.offset).toBe(2);
        expect(e.length).toBe(4);
      }
      expect(() => parseTarget({ op: '≥', value: '3', unit: '亿园' })).toThrow(/亿元/);
    });
  });

  it.each([['优良中低差', ['优', '良', '中', '低', '差']], ['优良', ['优', '良']], ['优良中差', ['优', '良', '中', '差']]])(
    'grade scale %s',
    (text, scale) => {
      expect(json(text)).toMatchObject({ kind: 'qualitative', term: text, scale });
    },
  );

  it('a qualitative term is not a scale', () => {
    expect(json('良好').scale).toBeUndefined();
    expect(json('优秀').scale).toBeUndefined();
  });

  it('reports errors in a labelled cell at the right place', () => {
    expect(err('满意度≥')).toMatchObject({ code: 'MISSING_NUMBER', offset: 3, length: 1 });
  });
});
