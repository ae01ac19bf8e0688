import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/index.js';
import { CACHE_SIZE, getDefaultEngine } from '../../src/parse/parse.js';

describe('the cache of parsed cells', () => {
  it('returns the same (immutable) target for a cell repeated once more', () => {
    const first = parseTarget('≥97.5%');
    const second = parseTarget('≥97.5%');
    expect(second).toEqual(first);
    expect(parseTarget('≥97.5%')).toBe(second);
    expect(parseTarget('≥97.5%')).toBe(second);
    expect(Object.isFrozen(second)).toBe(true);
  });

  it('keeps nothing of a cell seen once but a hash', () => {
    const { cache } = getDefaultEngine();
    const before = cache.young.size + cache.old.size;
    for (let i = 0; i < 500; i++) parseTarget(`≥${i}.25人次`);
    expect(cache.young.size + cache.old.size).toBe(before);
  });

  it('stays bounded: two generations of CACHE_SIZE at most', () => {
    const { cache } = getDefaultEngine();
    for (let i = 0; i < CACHE_SIZE * 5; i++) {
      parseTarget(`≥${i}项`);
      parseTarget(`≥${i}项`);
    }
    expect(cache.young.size).toBeGreaterThan(0);
    expect(cache.young.size).toBeLessThanOrEqual(CACHE_SIZE);
    expect(cache.old.size).toBeLessThanOrEqual(CACHE_SIZE);
    // A cell seen long ago is parsed again, and equal to before.
    const again = parseTarget('≥0项');
    expect((again as any).quantity.value.toFixed()).toBe('0');
  });

  it('keeps a cell only when options cannot change its result', () => {
    const a = parseTarget('12月底前', { year: 2023 });
    const b = parseTarget('12月底前', { year: 2024 });
    expect((a as any).date.year).toBe(2023);
    expect((b as any).date.year).toBe(2024);
    expect((parseTarget('5分', { fen: 'cent' }) as any).quantity.dimension).toBe('currency');
    expect((parseTarget('5分') as any).quantity.dimension).toBe('score');
  });

  it('never keeps errors, and the limit still applies to a cached cell', () => {
    expect(() => parseTarget('≥')).toThrow();
    expect(() => parseTarget('≥')).toThrow();
    parseTarget('=100%');
    expect(() => parseTarget('=100%', { maxLength: 3 })).toThrow(/3/);
  });
});
