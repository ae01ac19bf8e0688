import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { strip } from '../helpers.js';
import { rows, run } from './helpers.js';

/**
 * One small table in two layouts: comparator, value and unit in columns of their own
 * (`指标性质 | 指标值 | 度量单位`, with look-alike comparators, 定性 / 定量, a gloss, answer
 * units), and the same targets written in one column as a cell would have them.
 */
const SPLIT = fileURLToPath(new URL('../fixtures/tables/split-columns.csv', import.meta.url));
const JOINED = fileURLToPath(new URL('../fixtures/tables/joined-columns.csv', import.meta.url));

describe('split columns in tables', () => {
  it('check gives every row the verdict and score it gets with the joined column', () => {
    const split = run(['check', SPLIT, '--format', 'jsonl']);
    const joined = run(['check', JOINED, '--format', 'jsonl']);
    expect([split.code, joined.code]).toEqual([0, 0]);
    const a = rows(split);
    const b = rows(joined);
    expect(a).toHaveLength(12);
    expect(a.map((r) => r.error)).toEqual(b.map(() => null));
    // Everything but the texts as written (the split rows' text is their columns joined).
    expect(a.map((r) => strip(r))).toEqual(b.map((r) => strip(r)));
    expect(a.map((r) => r.verdict.status)).toEqual(['pass', 'fail', 'pass', 'pass', 'pass', 'pass', 'fail', 'pass', 'pass', 'pass', 'pass', 'pass']);
    expect(a[1].target).toMatchObject({ text: '＞＝95%(百分比)', note: '百分比' });
    expect(a[7].target).toMatchObject({ term: '优良中低差', scale: ['优', '良', '中', '低', '差'] });
    // The same summary, below the header line that names the columns.
    expect(split.err.split('\n').slice(1)).toEqual(joined.err.split('\n').slice(1));
  });

  it('normalize adds the same columns to either layout', () => {
    const split = run(['normalize', SPLIT]);
    const joined = run(['normalize', JOINED]);
    expect([split.code, joined.code]).toEqual([0, 0]);
    const added = (lines: string[]): string[] => lines.map((l) => l.split(',').slice(-8).join(','));
    expect(added(split.lines)).toEqual(added(joined.lines));
    expect(split.lines[2]).toBe(',办结率,＞＝,95,%(百分比),94%,10,compare,>=,95,%,ratio,0.95,1,');
  });
});
