import { describe, expect, it } from 'vitest';
import { evaluate, score } from '../../src/index.js';

/** Settings are reused for the same options object only while its values stay the same. */
describe('options passed row after row', () => {
  it('an options object changed between calls is read again', () => {
    const o: { polarity: 'positive' | 'negative'; locale?: 'zh' | 'en'; scale?: number } = { polarity: 'positive' };
    expect(evaluate('5', '4', o).status).toBe('fail');
    expect(evaluate('5', '4', o).status).toBe('fail');
    o.polarity = 'negative';
    expect(evaluate('5', '4', o).status).toBe('pass');
    o.locale = 'en';
    o.polarity = 'positive';
    expect(evaluate('5', '4', o).reason?.message).toMatch(/^The actual value/);
    o.scale = 4;
    expect(score('≥3', '2', '1', o).score?.toFixed()).toBe('0.6667');
    o.scale = 1;
    expect(score('≥3', '2', '1', o).score?.toFixed()).toBe('0.7');
  });

  it('an invalid options object still throws every time', () => {
    const o = { equals: 'nearly' } as never;
    expect(() => evaluate('5', '4', o)).toThrow();
    expect(() => evaluate('5', '4', o)).toThrow();
  });
});
