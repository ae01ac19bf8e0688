import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format, parseTarget, toJSON } from '../../src/index.js';
import { strip } from '../helpers.js';

/**
 * Every target cell of the seed table (both the half-year and the full-year column)
 * parses, and each distinct cell gives exactly the JSON pinned in the fixture, which was
 * reviewed by hand against contract.md.
 */
const corpus = readFileSync(new URL('../fixtures/corpus/yancheng-2022.tsv', import.meta.url), 'utf8');
const golden = JSON.parse(readFileSync(new URL('../fixtures/yancheng-2022-targets.json', import.meta.url), 'utf8')) as Record<string, unknown>;

const rows = corpus.split('\n').filter((l) => l.trim() !== '').slice(1).map((l) => l.split('\t'));
const cells = rows.flatMap((r, i) => [
  { line: i + 2, column: 'half_year_target', text: r[3]! },
  { line: i + 2, column: 'full_year_target', text: r[4]! },
]);

describe('golden: yancheng-2022 corpus', () => {
  it('has every row with five columns', () => {
    expect(rows.length).toBe(87);
    for (const r of rows) expect(r).toHaveLength(5);
  });

  it.each(cells)('line $line $column: $text', ({ text }) => {
    expect(Object.hasOwn(golden, text)).toBe(true);
    expect(toJSON(parseTarget(text))).toEqual(golden[text]);
  });

  it('pins no cell that is not in the corpus', () => {
    const texts = new Set(cells.map((c) => c.text));
    expect(Object.keys(golden).filter((k) => !texts.has(k))).toEqual([]);
  });

  it.each(Object.keys(golden))('format round trip: %s', (text) => {
    const t = parseTarget(text);
    const again = parseTarget(format(t));
    expect(strip(toJSON(again))).toEqual(strip(toJSON(t)));
  });
});
