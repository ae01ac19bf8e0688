import { describe, expect, it } from 'vitest';
import { IndicatorError, createParser, parseTarget, toJSON, tryParseTarget, type TargetParts } from '../../src/index.js';
import { strip } from '../helpers.js';

/** The error split columns give: code, offset and length in the joined text, and that text. */
function partsErr(parts: TargetParts): { code: string; offset: number; length: number; input: string } {
  const r = tryParseTarget(parts);
  if (r.ok) throw new Error(`expected ${JSON.stringify(parts)} to be rejected`);
  expect(r.error).toBeInstanceOf(IndicatorError);
  return { code: r.error.code, offset: r.error.offset, length: r.error.length, input: r.error.input };
}

const same = (parts: TargetParts, joined: string): void => {
  expect(strip(toJSON(parseTarget(parts)))).toEqual(strip(toJSON(parseTarget(joined))));
};

describe('forms §8: split columns read like the joined cell', () => {
  it.each([
    ['﹦', '=95%'],
    ['≧', '≥95%'],
    ['⩾', '≥95%'],
    ['＞＝', '>=95%'],
    ['＞', '>95%'],
    ['≦', '≤95%'],
    ['≒', '≈95%'],
    ['&ge;', '≥95%'],
    ['≥（含）', '≥95%（含）'],
    ['≥(含)', '≥95%'],
    ['力争达到', '力争达到95%'],
  ])('an op column %s is the comparator of %s', (op, joined) => {
    same({ op, value: '95', unit: '%' }, joined);
  });

  it('an op column holds one comparator and nothing else: the rest is UNKNOWN_OP over the column', () => {
    for (const op of ['≥≥', '≥以上', '高于或持平', '（含）≥', '定', '95']) {
      expect(partsErr({ op, value: '95', unit: '%' })).toMatchObject({ code: 'UNKNOWN_OP', offset: 0, length: op.length });
    }
    // The span is what the column holds, without the white space around it.
    expect(partsErr({ op: ' 定 ', value: '95', unit: '%' })).toMatchObject({ code: 'UNKNOWN_OP', offset: 1, length: 1 });
  });

  it('the value column may repeat the comparator in another spelling', () => {
    same({ op: '≧', value: '>=95', unit: '%' }, '≥95%');
    same({ op: '不低于', value: '≥95', unit: '%' }, '≥95%');
  });

  it('定性 reads the value column as the cell: a grade scale keeps its scale, the term never holds 定性', () => {
    const t = toJSON(parseTarget({ op: '定性', value: '优良中低差' })) as any;
    expect(t).toMatchObject({ kind: 'qualitative', term: '优良中低差', scale: ['优', '良', '中', '低', '差'], text: '定性优良中低差' });
    expect(toJSON(parseTarget({ op: '定性指标', value: ' 健全 ' }))).toMatchObject({ kind: 'qualitative', term: '健全', text: '定性指标 健全 ' });
    expect(toJSON(parseTarget({ op: 'Qualitative', value: '优良' }))).toMatchObject({ term: '优良', scale: ['优', '良'] });
    // A placeholder under 定性 is not a term.
    expect(partsErr({ op: '定性', value: '不适用' })).toEqual({ code: 'NOT_APPLICABLE', offset: 2, length: 3, input: '定性不适用' });
  });

  it('定量 and an empty op give the bare quantity', () => {
    same({ op: '定量', value: '207', unit: '项' }, '207项');
    same({ op: '定量指标', value: '207', unit: '项' }, '207项');
    same({ op: ' ', value: '三万五', unit: '元' }, '三万五元');
    same({ op: null, value: '3', unit: '个工作日' }, '3个工作日');
  });

  it('a unit with a bracketed gloss: the gloss is the note', () => {
    expect(toJSON(parseTarget({ op: '≥', value: '95', unit: '%(百分比)' }))).toMatchObject({
      kind: 'compare', op: '>=', quantity: { value: '95', unit: '%' }, note: '百分比', text: '≥95%(百分比)',
    });
    expect(toJSON(parseTarget({ op: '=', value: '50', unit: '万元（人民币）' }))).toMatchObject({
      quantity: { value: '50', unit: '万元', base: { value: '500000', unit: '元' } }, note: '人民币',
    });
    // The gloss stays when the value repeats the unit.
    same({ op: '≥', value: '95%', unit: '%(百分比)' }, '≥95%(百分比)');
    // A misspelt unit is still named, the gloss left out of the span.
    expect(partsErr({ op: '≥', value: '3', unit: '个工做日（工作日）' })).toMatchObject({ code: 'UNKNOWN_UNIT', offset: 2, length: 4 });
  });

  it('a unit column of answers beside an answer is a qualitative term', () => {
    for (const [parts, term] of [
      [{ op: '', value: '是', unit: '是/否' }, '是'],
      [{ op: '=', value: '否', unit: '是／否' }, '否'],
      [{ op: '定性', value: '有', unit: '有/无' }, '有'],
      [{ value: '无', unit: '有无' }, '无'],
    ] as const) {
      const t = toJSON(parseTarget(parts)) as any;
      expect(t).toMatchObject({ kind: 'qualitative', term, text: `${parts.op ?? ''}${parts.value}${parts.unit}` });
      expect(t.scale).toBeUndefined();
    }
    // Beside a comparator that is not = an answer is not a number.
    expect(partsErr({ op: '≥', value: '是', unit: '是/否' })).toMatchObject({ code: 'INVALID_NUMBER', offset: 1, length: 1 });
    // Beside anything else the answers are not a unit.
    expect(partsErr({ op: '=', value: '1', unit: '是/否' })).toMatchObject({ code: 'UNKNOWN_UNIT', offset: 2, length: 3 });
  });

  it('text is the columns joined as given, and every error points into it', () => {
    same({ op: ' ≥ ', value: '95', unit: '%' }, '≥95%');
    expect(parseTarget({ op: ' ≥ ', value: '95 ', unit: '%' }).text).toBe(' ≥ 95 %');
    expect(partsErr({ op: '定量', value: '50 60', unit: '%' })).toEqual({ code: 'UNEXPECTED_TOKEN', offset: 5, length: 2, input: '定量50 60%' });
    expect(partsErr({ op: '≥', value: '/', unit: '%' })).toEqual({ code: 'NOT_APPLICABLE', offset: 1, length: 1, input: '≥/%' });
    // The op column's bracket is read after the unit, as a cell has it; the span is still the value's.
    expect(partsErr({ op: '≥（含）', value: '9 5', unit: '%' })).toEqual({ code: 'UNEXPECTED_TOKEN', offset: 6, length: 1, input: '≥（含）9 5%' });
    expect(partsErr({ op: '≥', value: '9', unit: '%（含' })).toEqual({ code: 'UNCLOSED_BRACKET', offset: 3, length: 1, input: '≥9%（含' });
  });

  it('a parser of its own reads its own words in the op column', () => {
    const p = createParser({ words: { prefixOps: { 起码: '>=' } } });
    expect(toJSON(p.parseTarget({ op: '起码', value: '3', unit: '次' }))).toMatchObject({ op: '>=', quantity: { value: '3', unit: '次' } });
    expect(partsErr({ op: '起码', value: '3', unit: '次' })).toMatchObject({ code: 'UNKNOWN_OP' });
  });
});
