import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRows, writeCsv, writeDelimited, writeJsonl, writeTsv } from '../../src/table/index.js';
import { bytesOf, collect } from './helpers.js';

describe('writers', () => {
  it('quote only what needs quoting, as RFC 4180 and Excel do', async () => {
    const rows = [['a,b', 'say "hi"', '多\n行', '=100%', ''], ['x\ty', ' 空格 ']];
    expect((await bytesOf(writeCsv(rows))).toString()).toBe('"a,b","say ""hi""","多\n行",=100%,\nx\ty, 空格 \n');
    expect((await bytesOf(writeTsv(rows, { eol: '\r\n' }))).toString()).toBe('a,b\t"say ""hi"""\t"多\n行"\t=100%\t\r\n"x\ty"\t 空格 \r\n');
  });

  it('encode as asked: a BOM for Excel, GBK for old systems', async () => {
    const utf8 = await bytesOf(writeCsv([['指标', '≥1']], { bom: true }));
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const gbk = await bytesOf(writeCsv([['指标', '≥1']], { encoding: 'gbk' }));
    expect(gbk.equals(iconv.encode('指标,≥1\n', 'gbk'))).toBe(true);
    await expect(bytesOf(writeCsv([['a']], { encoding: 'nope' }))).rejects.toMatchObject({ code: 'UNKNOWN_ENCODING' });
  });

  it('write JSON lines: objects for keyed rows, arrays for positional ones, an empty line for none', async () => {
    const out = (await bytesOf(writeJsonl([
      { cells: ['1.10', '≥1'], keys: ['w', 't'], json: ['1.10'] },
      ['a', 'b'],
      [],
    ]))).toString();
    expect(out).toBe('{"w":1.10,"t":"≥1"}\n["a","b"]\n\n');
  });

  it('come out in chunks, not one string per row or one per table', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => [`指标${i}`, '≥50亿元', String(i)]);
    const chunks = await collect(writeCsv(rows));
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.length).toBeLessThan(100);
  });

  it('round trip: any cells written as CSV or TSV read back as the same cells', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '指', ',', '\t', '"', '\n', '\r\n', ' ', '≥', '%', ';'), maxLength: 8 });
    await fc.assert(fc.asyncProperty(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom(',' as const, '\t' as const),
      async (rows, delimiter) => {
        const bytes = await bytesOf(writeDelimited(rows, { delimiter }));
        const back = await collect(readRows(bytes, { format: delimiter === ',' ? 'csv' : 'tsv' }));
        // A row of one empty cell is an empty line, which reads back as no cells.
        const expected = rows.map((r) => (r.length === 1 && r[0] === '' ? [] : r.map((c) => c.replace(/\r\n/g, '\n'))));
        expect(back.map((r) => r.cells)).toEqual(expected);
        expect(back.every((r) => r.error === null)).toBe(true);
      },
    ), { numRuns: 300 });
  });
});
