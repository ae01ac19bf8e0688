import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rows, run, tempDir } from './helpers.js';

/**
 * The Songgang field data read by the command (issue 19: every cell read without an error it
 * should not have). The fixture escapes TAB, CR, LF and backslash inside fields (its README);
 * the cells as stored, line breaks and tabs included, are written into a CSV with quoted
 * fields, as a spreadsheet saves them, and `check` must give each row the result the reviewed
 * golden pins for its cell: an error exactly where the cell is one, with its code.
 */
const unescape = (s: string): string => s.replace(/\\([trn\\])/g, (_, c: string) => ({ t: '\t', r: '\r', n: '\n', '\\': '\\' })[c]!);
const lines = readFileSync(new URL('../fixtures/corpus/songgang-2021-2023.tsv', import.meta.url), 'utf8').split('\n').filter((l) => l !== '');
const header = lines[0]!.split('\t');
const records = lines.slice(1).map((l) => l.split('\t').map(unescape));
const golden = JSON.parse(readFileSync(new URL('../fixtures/songgang-2021-2023-targets.json', import.meta.url), 'utf8')) as {
  cells: Record<string, { error?: { code: string } }>;
};
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const file = tempDir();

describe('check over the Songgang field data', () => {
  it('gives every row, in order, the error its cell has and no other', () => {
    const csv = [header, ...records].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
    const r = run(['check', file('songgang.csv', csv), '--indicator', 'indicator', '--target', 'target', '--format', 'jsonl']);
    const out = rows(r).filter((o) => 'line' in o);
    expect(out).toHaveLength(records.length);
    const target = header.indexOf('target');
    const errors: Record<string, number> = {};
    out.forEach((o, i) => {
      const cell = records[i]![target]!;
      const pinned = golden.cells[cell]!;
      expect(o.error?.code ?? null, JSON.stringify(cell)).toBe(pinned.error?.code ?? null);
      if (o.error) errors[o.error.code] = (errors[o.error.code] ?? 0) + 1;
    });
    // Placeholders (不适用) are most of the errors; the rest are the few cells the review lists
    // (test/fixtures/songgang-2021-2023-reviewed.json: monthly deadlines, a time of day, …).
    const { NOT_APPLICABLE: placeholders = 0, ...others } = errors;
    expect(placeholders).toBeGreaterThan(700);
    expect(Object.values(others).reduce((a, b) => a + b, 0)).toBeLessThan(20);
    expect(r.code).toBe(1);
  });
});
