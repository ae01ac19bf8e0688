import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTarget, units } from '../../src/index.js';
import { CACHE_SIZE, hashOf, mixHash } from '../../src/parse/cache.js';
import { fastQuantityText, fastTarget, scannedHash } from '../../src/parse/fast.js';
import { getDefaultEngine } from '../../src/parse/parse.js';

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
    const before = cache.size;
    for (let i = 0; i < 500; i++) parseTarget(`≥${i}.25人次`);
    for (let i = 0; i < 500; i++) parseTarget(`满意度≥${i}.25%（计划标准）`);
    expect(cache.size).toBe(before);
  });

  it('stays bounded: CACHE_SIZE targets at most', () => {
    const { cache } = getDefaultEngine();
    for (let i = 0; i < CACHE_SIZE * 3; i++) {
      parseTarget(`≥${i}项`);
      parseTarget(`≥${i}项`);
    }
    expect(cache.size).toBeGreaterThan(CACHE_SIZE / 4);
    expect(cache.size).toBeLessThanOrEqual(CACHE_SIZE);
    // A cell seen long ago is parsed again, and equal to before.
    const again = parseTarget('≥0项');
    expect((again as any).quantity.value.toFixed()).toBe('0');
  });

  it('keeps a cell in use while a stream of other repeated cells comes through', () => {
    parseTarget('=100%');
    const kept = parseTarget('=100%');
    for (let i = 0; i < CACHE_SIZE * 2; i++) {
      parseTarget(`≤${i}.5万元`);
      parseTarget(`≤${i}.5万元`);
      expect(parseTarget('=100%')).toBe(kept);
    }
  });

  it('hashes a cell the fast path reads as hashOf does', () => {
    const spellings = units.flatMap((u) => [u.name, ...u.spellings]);
    let read = 0;
    fc.assert(fc.property(
      fc.constantFrom('', '≥', '<=', '=>', '≠', '!=', '==', '<>', '>', '='),
      fc.constantFrom('', '-', '+'),
      fc.stringMatching(/^\d{1,9}(\.\d{1,6})?$/),
      fc.constantFrom('', '%', '‰', ...spellings),
      (op, sign, num, unit) => {
        const text = `${op}${sign}${num}${unit}`;
        if (fastTarget(text, getDefaultEngine().units) !== null) {
          read++;
          expect(mixHash(scannedHash)).toBe(hashOf(text));
        }
        const q = `${sign}${num}${unit}`;
        if (fastQuantityText(q, getDefaultEngine().units) !== null) expect(mixHash(scannedHash)).toBe(hashOf(q));
      },
    ), { numRuns: 5000 });
    expect(read).toBeGreaterThan(2000);
  });

  it('keeps texts whose filter hashes collide apart (they only wait longer to be kept)', () => {
    // "Aa" and "BB" have the same 31-polynomial hash, so every word of them does too.
    const words = ['Aa', 'BB'];
    let labels = [''];
    for (let k = 0; k < 6; k++) labels = labels.flatMap((l) => words.map((w) => l + w));
    expect(new Set(labels.map((l) => hashOf(`${l}≥5%`))).size).toBe(1);
    for (let round = 0; round < 3; round++) {
      for (const l of labels) expect((parseTarget(`${l}≥5%`) as any).label).toBe(l);
    }
    const a = parseTarget('AaAaAaAaAaAa≥5%');
    expect(parseTarget('AaAaAaAaAaAa≥5%')).toBe(a);
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
    for (let i = 0; i < 3; i++) {
      expect(() => parseTarget('≥')).toThrow(expect.objectContaining({ code: 'MISSING_NUMBER' }));
      expect(() => parseTarget('')).toThrow(expect.objectContaining({ code: 'EMPTY' }));
    }
    parseTarget('=100%');
    expect(() => parseTarget('=100%', { maxLength: 3 })).toThrow(/3/);
  });
});
