import { describe, expect, it } from 'vitest';
import { createParser, parseTarget, toJSON } from '../../src/index.js';

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
});
