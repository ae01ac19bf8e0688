import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/index.js';
import { clean } from '../../src/text/clean.js';
import { err, json, q } from '../helpers.js';

const ge90 = { kind: 'compare', op: '>=', implicit: false, quantity: q('90', '%', 'ratio', '0.9', '1') };

describe('forms §1: clean-up before parsing', () => {
  it.each([
    ['≥90%'], ['≧90%'], ['⩾90%'], ['>=90%'], ['＞＝90%'], ['≥９０％'], ['≥90％'], ['　≥90%　'], ['\u00a0≥90%'],
    ['&ge;90%'], ['&#8805;90%'], ['&#x2265;90%'], ['<p>≥90%</p>'], ['<span style="color:red">≥90%</span>'],
    ['“≥90%”'], ['"≥90%"'], ['≥90%。'], ['≥90%；'], ['≥90%;'], ['≥90%，'], ['≥ 90 %'], ['<p>&ge;90&#37;</p>'],
  ])('%s reads as ≥90%%', (text) => {
    expect(json(text)).toMatchObject(ge90);
    expect(json(text).text).toBe(text);
  });

  it.each([
    ['≦5%', '<='], ['⩽5%', '<='], ['<=5%', '<='], ['&le;5%', '<='], ['==5%', '='], ['＝5%', '='], ['≠5%', '!='], ['!=5%', '!='],
    ['&gt;5%', '>'], ['&lt;5%', '<'],
  ])('symbol variant %s gives %s', (text, op) => {
    expect(json(text).op).toBe(op);
  });

  it.each([
    ['≥5萬元', '万元', '50000'], ['3個工作日', '个工作日', '3'], ['≥200項', '项', '200'], ['≤2噸', '吨', '2000'],
    ['10畝', '亩', '6666.6666666666666667'], ['≥1億元', '亿元', '100000000'], ['兩千六', '', '2600'],
  ])('traditional %s folds to simplified', (text, unit, base) => {
    const t = json(text);
    expect(t.quantity.unit).toBe(unit);
    expect(t.quantity.base.value).toBe(base);
    expect(t.text).toBe(text);
  });

  it('keeps a trailing bracketed note apart from the value', () => {
    expect(json('100%(历史标准)')).toMatchObject({ kind: 'compare', implicit: true, note: '历史标准', quantity: { value: '100' } });
    expect(json('90%（计划标准）')).toMatchObject({ note: '计划标准', quantity: { value: '90' } });
    expect(json('2019年12月(计划标准)')).toMatchObject({ kind: 'deadline', date: { year: 2019, month: 12, day: null }, note: '计划标准' });
    expect(json('≥95%（行业标准）')).toMatchObject({ op: '>=', note: '行业标准' });
  });

  it('（含） after a number keeps the bound inclusive, （不含） makes it strict', () => {
    expect(json('50万元（含）以上')).toMatchObject({ op: '>=', quantity: { value: '50', unit: '万元' }, note: null });
    expect(json('90%以上（不含）').op).toBe('>');
    expect(json('5天以内(不含)').op).toBe('<');
  });

  it('keeps the original text and points errors into it, not into the cleaned text', () => {
    // "<p>" is 3 code units and "&ge;" 4: the bad token `60` sits at offset 12 of the original.
    const e = err('<p>&ge;50 60</p>');
    expect(e.code).toBe('UNEXPECTED_TOKEN');
    expect([e.offset, e.length]).toEqual([10, 2]);
    const f = err('ＡＢ≥');
    expect(f.code).toBe('MISSING_NUMBER');
    expect(f.offset).toBe(2);
  });

  it('maps every cleaned character back to the original span', () => {
    const c = clean('<p>&ge;９０％</p>');
    expect(c.text).toBe('≥90%');
    expect(c.from).toEqual([3, 7, 8, 9]);
    expect(c.to).toEqual([7, 8, 9, 10]);
  });

  it('treats < followed by a digit as text, not a tag', () => {
    const t = json('<90%且>80%');
    expect(t.kind).toBe('all');
    expect(t.targets.map((x: any) => x.op)).toEqual(['<', '>']);
  });

  it('separates targets at <br> and </p><p>', () => {
    expect(json('≥90%<br/>≤95%').kind).toBe('all');
    expect(json('<p>≥90%</p><p>≤95%</p>').targets).toHaveLength(2);
  });

  it('never touches the global input (frozen results)', () => {
    const t = parseTarget('≥90%');
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen((t as any).quantity)).toBe(true);
  });
});
