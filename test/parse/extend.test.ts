import { describe, expect, it } from 'vitest';
import { createParser, evaluate, parseTarget, score, toJSON, type Target } from '../../src/index.js';

describe('extending the registries', () => {
  const p = createParser({
    classifiers: ['标段'],
    extraUnits: [{ name: '标箱', spellings: ['TEU'], dimension: 'count', base: '标箱', factor: '1' }],
    words: { prefixOps: { 不逊于: '>=' }, trends: { 攀升: 'up' }, modifiers: ['年均'], intents: ['务必'] },
  });

  it('adds classifiers, units and words to a new parser', () => {
    expect(toJSON(p.parseTarget('≥3标段'))).toMatchObject({ quantity: { unit: '标段', dimension: 'count', known: true } });
    expect(toJSON(p.parseTarget('≥5万TEU'))).toMatchObject({ quantity: { base: { value: '50000', unit: '标箱' }, known: true } });
    expect(toJSON(p.parseTarget('不逊于95%'))).toMatchObject({ kind: 'compare', op: '>=' });
    expect(toJSON(p.parseTarget('年均攀升'))).toMatchObject({ kind: 'trend', direction: 'up', modifiers: ['年均'] });
    expect(toJSON(p.parseTarget('务必达到95%'))).toMatchObject({ op: '>=', modifiers: ['务必'] });
  });

  it('never changes the shared default parser', () => {
    expect(toJSON(parseTarget('≥3标段'))).toMatchObject({ quantity: { known: false } });
    expect(parseTarget('年均攀升').kind).toBe('qualitative');
    expect(toJSON(parseTarget('不逊于95%'))).toMatchObject({ label: '不逊于', implicit: true });
  });

  it('is immune to keys that would touch Object.prototype', () => {
    const q = createParser({ words: { prefixOps: JSON.parse('{"__proto__": ">=", "constructor": "<="}') } });
    expect(toJSON(q.parseTarget('constructor5%'))).toMatchObject({ op: '<=' });
    expect(({} as Record<string, unknown>)['__proto__']).toBe(Object.prototype);
    expect(parseTarget('≥5%').kind).toBe('compare');
  });

  it('binds evaluation, scoring and conversion to the same registry (issue 17)', () => {
    const t = p.parseTarget('≥20万标箱');
    const v = p.evaluate(t, '25万标箱');
    expect(v.status).toBe('pass');
    expect(toJSON(v)).toMatchObject({ status: 'pass', margin: '50000', actual: { unit: '万标箱', known: true } });
    expect(p.evaluate('≥20万标箱', '15万TEU').status).toBe('fail');
    expect(p.evaluate('≥3标段', '4标段').status).toBe('pass');
    expect(p.score('≥20万标箱', '10万标箱', 10).score?.toFixed()).toBe('5');
    expect(toJSON(p.convert(p.parseQuantity('2万标箱'), 'TEU'))).toMatchObject({ value: '20000', unit: 'TEU' });
    expect(p.format(t)).toBe('≥20万标箱');
    // The default functions know no 标箱 (万 still scales it, as forms.md §2 says of any unit:
    // the margin is 50000 标箱), and TEU is no spelling of it.
    expect(toJSON(evaluate('≥20万标箱', '25万标箱'))).toMatchObject({ actual: { known: false }, margin: '50000' });
    expect(evaluate('≥20万标箱', '15万TEU').status).toBe('unknown');
    expect(score('≥20万标箱', '15万TEU', 10).score).toBeNull();
  });

  it('reads 分 as its `fen` option says, unless a call says otherwise', () => {
    const cents = createParser({ fen: 'cent' });
    const dim = (t: Target) => (toJSON(t) as { quantity: { dimension: string } }).quantity.dimension;
    expect(dim(cents.parseTarget('≥5分'))).toBe('currency');
    expect(dim(cents.parseTarget('≥5分', { fen: 'score' }))).toBe('score');
    expect(cents.evaluate('≥5分', '0.06元').status).toBe('pass');
    expect(dim(p.parseTarget('≥5分'))).toBe('score');
    expect(dim(parseTarget('≥5分'))).toBe('score');
    expect(() => createParser({ fen: 'penny' as never })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('returns the functions of contract.md, and nothing else', () => {
    expect(Object.keys(p).sort()).toEqual(['convert', 'evaluate', 'format', 'parseQuantity', 'parseTarget', 'score', 'tryParseTarget']);
    expect(Object.isFrozen(p)).toBe(true);
  });
});
