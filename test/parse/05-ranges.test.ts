import { describe, expect, it } from 'vitest';
import { err, json, q } from '../helpers.js';

const pct = (v: string, b: string) => q(v, '%', 'ratio', b, '1');

describe('forms §5: ranges and conjunctions', () => {
  it.each(['85%-90%', '85%~90%', '85%～90%', '85%至90%', '85到90%', '85%到90%', '介于85%和90%之间', '介于85%与90%之间', '[85%,90%]', '【85%，90%】', '85%—90%', '85-90%'])(
    '%s is the range 85%%…90%%',
    (text) => {
      expect(json(text)).toMatchObject({
        kind: 'range', min: pct('85', '0.85'), max: pct('90', '0.9'), minInclusive: true, maxInclusive: true, text,
      });
    },
  );

  it('3-5个工作日: a unit written once applies to both ends', () => {
    expect(json('3-5个工作日')).toMatchObject({
      kind: 'range', min: q('3', '个工作日', 'duration', '3', '工作日'), max: q('5', '个工作日', 'duration', '5', '工作日'),
    });
    expect(json('50-60万元').min).toMatchObject({ value: '50', unit: '万元', base: { value: '500000' } });
  });

  it('conjunctions: every part must hold', () => {
    for (const text of ['≥85%且≤90%', '≥85%，≤90%', '≥85%,≤90%', '≥85%并且≤90%', '≥85%；≤90%']) {
      const t = json(text);
      expect(t.kind).toBe('all');
      expect(t.targets.map((x: any) => [x.op, x.quantity.value])).toEqual([['>=', '85'], ['<=', '90']]);
      expect(t.text).toBe(text);
    }
    const t = json('≥85%且≤90%');
    expect(t.targets.map((x: any) => x.text)).toEqual(['≥85%', '≤90%']);
  });

  it('±3%以内 is the band from −3% to 3%', () => {
    expect(json('±3%以内')).toMatchObject({ kind: 'range', min: pct('-3', '-0.03'), max: pct('3', '0.03') });
    expect(json('±5%')).toMatchObject({ kind: 'range', min: { value: '-5' }, max: { value: '5' } });
  });

  it('A±B is the range A − B … A + B', () => {
    expect(json('90%±5%')).toMatchObject({ kind: 'range', min: pct('85', '0.85'), max: pct('95', '0.95') });
    expect(json('2±0.5万元')).toMatchObject({ min: { value: '1.5', unit: '万元' }, max: { value: '2.5', unit: '万元' } });
  });

  it('rejects contradictory ranges and mixed dimensions', () => {
    expect(err('90%-85%')).toMatchObject({ code: 'EMPTY_RANGE', offset: 0, length: 7 });
    expect(err('5%-3天')).toMatchObject({ code: 'MIXED_DIMENSIONS', offset: 0, length: 5 });
    expect(err('3项-5个').code).toBe('MIXED_DIMENSIONS');
    expect(err('≥85%-90%').code).toBe('CONFLICTING_OPS');
  });
});
