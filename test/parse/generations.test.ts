import { describe, expect, it } from 'vitest';
import { Generations } from '../../src/parse/generations.js';

describe('Generations: the two-generation map of the caches', () => {
  it('keeps at most two generations, drops the older whole, and moves a hit in the older to the newer', () => {
    const g = new Generations<number>(2);
    g.set('a', 1);
    g.set('b', 2);
    g.set('c', 3); // a, b become the older generation
    expect(g.size).toBe(3);
    expect(g.recent('a')).toBeUndefined();
    expect(g.get('a')).toBe(1); // moved to the newer: c, a
    expect(g.recent('a')).toBe(1);
    g.set('d', 4); // c, a become the older; b is dropped
    expect(g.get('b')).toBeUndefined();
    expect([g.get('c'), g.get('d'), g.size <= 4]).toEqual([3, 4, true]);
  });

  it('never holds more than 2 × generation keys', () => {
    const g = new Generations<number>(8);
    for (let i = 0; i < 1000; i++) {
      g.set(`k${i}`, i);
      g.get(`k${i >> 1}`);
      expect(g.size).toBeLessThanOrEqual(16);
    }
  });
});
