/**
 * The benchmark's mix (npm run bench) is made of real cells classified into the families
 * whose shares published tables give (test/bench/families.mjs). The classification is
 * data, test/bench/families.tsv; this test classifies every cell again with the library,
 * so that neither a change of the parser's results nor a new corpus cell or docs example
 * can move the mix silently (`npm run bench:families` rewrites the table after a build).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';
import { FAMILIES, FAMILY_SHARES, TABLE_URL, classify, familiesTable, freshen, readFamilies } from './families.mjs';
import { CELLS, MIX_WEIGHTS, apportion, evaluatePairs, mixDraws } from './inputs.mjs';

describe('the families of real cells (the benchmark\'s mix)', () => {
  it('families.tsv is the classification of every corpus cell and docs example by the library (npm run bench:families)', () => {
    expect(readFileSync(TABLE_URL, 'utf8'), 'test/bench/families.tsv is stale: npm run bench:families').toBe(familiesTable(lib));
  });

  it('every family the shares name has cells, and every cell a family the shares name', () => {
    const cells = readFamilies();
    for (const f of FAMILIES) expect(cells.some((c) => c.family === f), f).toBe(true);
    expect(FAMILY_SHARES.reduce((s, f) => s + f.share, 0)).toBeCloseTo(101.6, 6);
  });

  it('the classification follows the library\'s result', () => {
    expect(classify(lib, '100%')).toBe('bare');
    expect(classify(lib, '≥95%')).toBe('symbol');
    expect(classify(lib, '<p>95%以上</p>')).toBe('words');
    expect(classify(lib, '健全')).toBe('qualitative');
    expect(classify(lib, '得到提升')).toBe('trend');
    expect(classify(lib, '2022年12月底前')).toBe('deadline');
    expect(classify(lib, '满意度≥90%')).toBe('labelled');
    expect(classify(lib, '不适用')).toBe('error');
  });

  it('a round draws each family by its share', () => {
    const size = 20_000;
    const counts = apportion(size);
    expect(counts.reduce((s, x) => s + x, 0)).toBe(size);
    const total = FAMILY_SHARES.reduce((s, f) => s + f.share, 0);
    for (const { family, share } of FAMILY_SHARES) {
      const drawn = CELLS.reduce((s, c, j) => s + (c.family === family ? counts[j]! : 0), 0);
      expect(Math.abs(drawn / size - share / total), family).toBeLessThan(0.002);
    }
    expect(MIX_WEIGHTS.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 9);
  });

  it('fresh digits: no cell with numbers to vary is drawn twice in a run, and each keeps its family', () => {
    // Deadlines and periods vary their years only (over a century), so they are left out.
    const seen = new Set<string>();
    for (let round = 0; round < 3; round++) {
      const { cells, from } = mixDraws(round, 5_000);
      cells.forEach((text, i) => {
        const cell = CELLS[from[i]!]!;
        if (!cell.fresh || cell.family === 'deadline') return;
        expect(seen.has(text), text).toBe(false);
        seen.add(text);
      });
    }
    for (const c of CELLS.filter((x) => x.fresh).slice(0, 200)) expect(classify(lib, freshen(c.text, c.family, 424_242, 77)), c.text).toBe(c.family);
  });

  it('evaluate pairs: the mix\'s targets, each with an actual value', () => {
    const pairs = evaluatePairs(0, 1_000);
    expect(pairs).toHaveLength(1_000);
    expect(pairs.every(([, a]) => a !== '' && !a.includes('#') && !a.includes('@'))).toBe(true);
  });
});
