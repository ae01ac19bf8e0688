import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkRows, checkStream, normalizeRows } from '../../src/table/index.js';
import type { RawRow } from '../../src/table/types.js';
import { collect, tempDir } from './helpers.js';

/**
 * Every row comes back, in order, whatever one row holds: a cell on which the library
 * throws something other than an IndicatorError is that row's error, and the run goes on.
 */
const file = tempDir();
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

// A raw row passes through as it is: a cell that is not text makes string code throw
// (TypeError), in the classifier for a label cell and in the parser for a target.
const hostile = (line: number, cells: unknown[]): RawRow => ({ line, cells: cells as string[], error: null });
const throwing = { toString(): string { throw new Error('boom'); } };
const rows = (): unknown[] => [
  hostile(1, ['指标名称', '指标值', '实际完成值']),
  hostile(2, ['甲', '≥90%', '95%']),
  hostile(3, [Symbol('s'), '≥90%', '95%']),
  hostile(4, ['丙', throwing, '95%']),
  hostile(5, ['丁', '≥90%', Symbol('actual')]),
  hostile(6, ['戊', '≥80%', '85%']),
];

describe('one row that throws is that row\'s error', () => {
  it('checkRows gives every data row, in order, with the failures as row errors', async () => {
    const reader = checkRows(rows() as RawRow[]);
    const out = await collect(reader);
    expect(out.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    expect(out[0]!.verdict!.status).toBe('pass');
    expect(out.at(-1)!.verdict!.status).toBe('pass');
    for (const r of out.slice(1, 4)) expect(r.error).not.toBeNull();
    expect(reader.summary).toMatchObject({ rows: 5, errors: 3 });
  });

  it('checkStream goes on too', async () => {
    const stream = checkStream();
    const got: { line: number }[] = [];
    stream.on('data', (r: { line: number }) => got.push(r));
    for (const r of rows()) stream.write(r);
    stream.end();
    await new Promise((resolve, reject) => { stream.on('end', resolve); stream.on('error', reject); });
    expect(got.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('normalizeRows gives every row, the failures with their error in the error column', async () => {
    const out = await collect(normalizeRows(rows() as RawRow[]));
    expect(out.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(out[1]!.normalized!.error).toBe('');
    expect(out[2]!.normalized!.error).not.toBe('');
    expect(out[3]!.normalized!.error).not.toBe('');
    expect(out[5]!.normalized).toMatchObject({ kind: 'compare', error: '' });
  });
});

describe('the command, with a cell the library once threw on', () => {
  it('1.5点五 in one row: check and normalize give every row (exit 1, never 2 with none)', () => {
    const path = file('five.csv', '指标名称,指标值,实际完成值\n甲,≥90%,95%\n乙,1.5点五,1\n丙,三点五点五,1\n丁,≥80%,85%\n');
    const check = spawnSync(process.execPath, [CLI, 'check', path, '--format', 'jsonl']);
    expect(check.status, check.stderr.toString()).toBe(1);
    const out = check.stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as { line: number; error: unknown; verdict: { status: string } | null });
    expect(out.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(out[1]!.error).not.toBeNull();
    expect(out[3]!.verdict!.status).toBe('pass');
    const norm = spawnSync(process.execPath, [CLI, 'normalize', path]);
    expect(norm.status, norm.stderr.toString()).toBe(1);
    expect(norm.stdout.toString().trim().split(/\r?\n/).length).toBe(5);
  });
});
