import { describe, expect, it } from 'vitest';
import { format, IndicatorError, parseQuantity, parseTarget } from '../../src/index.js';

/**
 * format's type says it takes a Target; JavaScript callers (and TypeScript ones through
 * `any`) can pass anything. Whatever is not a Target is an IndicatorError INVALID_ARGUMENT,
 * never a TypeError and never a text made of `undefined`.
 */
describe('format takes a Target and nothing else', () => {
  const notTargets: [string, unknown][] = [
    ['text', '≥50亿元'], ['null', null], ['undefined', undefined], ['a number', 5], ['an array', []],
    ['a quantity', parseQuantity('5天')], ['an object', {}], ['an object without a prototype', Object.create(null)],
    ['an unknown kind', { kind: 'nope', text: 'x', label: null, note: null }],
    ['a throwing toString', { toString: () => { throw new Error('boom'); } }],
  ];

  it.each(notTargets)('rejects %s with INVALID_ARGUMENT', (_, x) => {
    let caught: unknown;
    try {
      format(x as never);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IndicatorError);
    const e = caught as IndicatorError;
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.messages.en).toMatch(/format\(\) takes a Target/);
    expect(e.messages.zh).toMatch(/^参数无效/);
  });

  it('still formats every kind of target', () => {
    for (const cell of ['≥50亿元', '90%左右', '85%-90%', '≥85%且≤90%', '健全', '较上年提高', '2022年12月底前', '2020年1月至2020年11月']) {
      expect(parseTarget(format(parseTarget(cell))).kind).toBe(parseTarget(cell).kind);
    }
  });
});
