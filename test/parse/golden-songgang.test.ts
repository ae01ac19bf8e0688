import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toJSON, tryParseTarget } from '../../src/index.js';

/**
 * Every target cell of the Songgang field data (185 project tables a budget system exported,
 * cells exactly as stored, whitespace and line breaks included) gives exactly the result
 * pinned in the fixture: the target's JSON, or the error's code and span. See the fixture's
 * `review` note for what has and has not been reviewed against the spec.
 */
const unescape = (s: string): string => s.replace(/\\([trn\\])/g, (_, c: string) => ({ t: '\t', r: '\r', n: '\n', '\\': '\\' })[c]!);
const rows = readFileSync(new URL('../fixtures/corpus/songgang-2021-2023.tsv', import.meta.url), 'utf8')
  .split('\n').slice(1).filter((l) => l !== '').map((l) => l.split('\t'));
const golden = JSON.parse(readFileSync(new URL('../fixtures/songgang-2021-2023-targets.json', import.meta.url), 'utf8')) as { cells: Record<string, unknown> };
const distinct = [...new Set(rows.map((r) => unescape(r[7]!)))];

describe('golden: songgang-2021-2023 corpus', () => {
  it('has its 1 886 rows of nine columns and 650 distinct target cells', () => {
    expect(rows).toHaveLength(1886);
    for (const r of rows) expect(r).toHaveLength(9);
    expect(distinct).toHaveLength(650);
    // (As sets: JSON objects list integer-like keys such as "126" first.)
    expect(Object.keys(golden.cells).sort()).toEqual([...distinct].sort());
  });

  it.each(distinct.map((text) => [JSON.stringify(text), text] as const))('%s', (_, text) => {
    const r = tryParseTarget(text);
    const got = r.ok ? toJSON(r.value) : { error: { code: r.error.code, offset: r.error.offset, length: r.error.length } };
    expect(got).toEqual(golden.cells[text]);
    if (!r.ok) {
      expect(r.error.offset + r.error.length).toBeLessThanOrEqual(text.length);
      expect(r.error.messages.zh).not.toBe('');
    }
  });
});
