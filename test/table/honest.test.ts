import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRows, tableRows } from '../../src/table/index.js';
import { collect, tempDir } from './helpers.js';

/** What the table layer must say rather than guess: duplicate names, a wrong encoding, changed cells. */
const file = tempDir();
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

describe('two header columns of one name', () => {
  it('is AMBIGUOUS_COLUMN, not the first one silently; a position chooses', async () => {
    const csv = Buffer.from('指标名称,指标值,实际完成值,指标值\n甲,≥90%,95%,≥99%\n');
    await expect(collect(tableRows(csv))).rejects.toMatchObject({ code: 'AMBIGUOUS_COLUMN', details: { column: '指标值', first: 2, second: 4 } });
    const rows = await collect(tableRows(csv, { columns: { target: 4 } }));
    expect(rows[1]!.record!.target).toBe('≥99%');
    // A name given in the options that two columns have is just as ambiguous.
    await expect(collect(tableRows(csv, { columns: { target: '指标值' } }))).rejects.toMatchObject({ code: 'AMBIGUOUS_COLUMN' });
    // Two columns of a name no role reads (备注) are no problem.
    const notes = await collect(tableRows(Buffer.from('指标名称,指标值,备注,备注\n甲,≥90%,a,b\n')));
    expect(notes[1]!.record!.target).toBe('≥90%');
  });
});

describe('a UTF-8 BOM before GBK text', () => {
  it('suggests the encoding instead of only "no header"', async () => {
    const gbk = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('指标名称,指标值\n甲,≥90%\n', 'gbk')]);
    const e = await collect(tableRows(gbk, { locale: 'en' })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'NO_HEADER' });
    expect((e as Error).message).toContain('--encoding gbk');
    const right = await collect(tableRows(gbk, { encoding: 'gbk' }));
    expect(right.map((r) => r.kind)).toEqual(['header', 'data']);
  });
});

describe('normalize says when it writes a cell other than it was', () => {
  it('undecodable bytes in a title row: exit 1 and the line named', () => {
    const body = Buffer.concat([Buffer.from('标题'), Buffer.from([0xff, 0xfe]), Buffer.from('\n指标名称,指标值\n甲,≥90%\n')]);
    const r = spawnSync(process.execPath, [CLI, 'normalize', file('title.csv', body), '--locale', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr.toString()).toContain('line 1 has an error');
  });

  it('an .xlsx written back keeps its rows on their sheet rows', async () => {
    const xlsx = fileURLToPath(new URL('../fixtures/tables/targets.xlsx', import.meta.url));
    const lines = (await collect(readRows(xlsx))).map((r) => r.line);
    expect(lines).toEqual([1, 3, 4, 5, 6, 7, 9]);
    const r = spawnSync(process.execPath, [CLI, 'normalize', xlsx]);
    const out = r.stdout.toString().slice(1).split('\r\n');
    expect(out[1]).toBe('');
    expect(out[2]).toMatch(/^一级指标/);
    expect(out[7]).toBe('');
    expect(out[8]).toMatch(/多行/);
  });
});
