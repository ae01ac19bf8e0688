import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readRows, TableError, type RawRow } from '../../src/table/index.js';
import { collect, tempDir } from './helpers.js';

const file = tempDir();
const lines = (rows: RawRow[]) => rows.map((r) => r.line);
const errors = (rows: RawRow[]) => rows.filter((r) => r.error).map((r) => [r.line, r.error!.code]);

describe('CSV and TSV', () => {
  it('reads a GBK CSV as exported by Chinese Excel, detecting the encoding', async () => {
    const text = '三级指标,指标性质,指标值,度量单位\r\n发放住房公积金贷款,≥,50,亿元\r\n个贷率,≈,90,%\r\n';
    const path = file('gbk.csv', iconv.encode(text, 'gbk'));
    const reader = readRows(path);
    const rows = await collect(reader);
    expect(rows.map((r) => r.cells)).toEqual([
      ['三级指标', '指标性质', '指标值', '度量单位'],
      ['发放住房公积金贷款', '≥', '50', '亿元'],
      ['个贷率', '≈', '90', '%'],
    ]);
    expect(lines(rows)).toEqual([1, 2, 3]);
    expect(reader.info).toMatchObject({ format: 'csv', encoding: 'gb18030', bom: false, eol: '\r\n', delimiter: ',' });
  });

  it('reads GB18030 four-byte characters and an explicit encoding', async () => {
    const path = file('gb18030.csv', iconv.encode('指标名称,目标值\n𠀀项目,≥1项\n', 'gb18030'));
    const rows = await collect(readRows(path, { encoding: 'GBK' }));
    expect(rows[1]!.cells).toEqual(['𠀀项目', '≥1项']);
    expect(rows.every((r) => r.error === null)).toBe(true);
  });

  it('keeps every row of a TSV with a BOM and broken rows, in order, with the lines a person sees', async () => {
    const body = Buffer.concat([
      Buffer.from('\ufeff三级指标\t指标值\t分值\n', 'utf8'), // 1 header (after the BOM)
      Buffer.from('个贷率\t90%左右\t10\n', 'utf8'), // 2
      Buffer.from('"多行\n指标"\t≥95%\t5\n', 'utf8'), // 3–4: one record over two lines
      Buffer.from('满意度\t"≥90%"x\t5\n', 'utf8'), // 5: text after the closing quote
      Buffer.from('只有一列\n', 'utf8'), // 6: too few cells (seen later, by the column mapper)
      Buffer.concat([Buffer.from('坏字节\t', 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from('\t3\n', 'utf8')]), // 7
      Buffer.from('\n', 'utf8'), // 8 blank
      Buffer.from('"没有闭合\t≥1次\t2\n', 'utf8'), // 9: quote never closed
      Buffer.from('最后\t=100%\t1\n', 'utf8'), // 10
    ]);
    const reader = readRows(file('broken.tsv', body));
    const rows = await collect(reader);
    expect(reader.info).toMatchObject({ format: 'tsv', encoding: 'utf-8', bom: true, delimiter: '\t' });
    expect(lines(rows)).toEqual([1, 2, 3, 5, 6, 7, 8, 9, 10]);
    expect(rows[0]!.cells[0]).toBe('三级指标');
    expect(rows[2]!.cells).toEqual(['多行\n指标', '≥95%', '5']);
    expect(rows[3]!.cells).toEqual(['满意度', '"≥90%"x', '5']);
    expect(rows[4]!.cells).toEqual(['只有一列']);
    expect(rows[5]!.cells).toEqual(['坏字节', '\ufffd\ufffd', '3']);
    expect(rows[6]!.cells).toEqual([]);
    expect(rows[7]!.cells).toEqual(['"没有闭合', '≥1次', '2']);
    expect(rows[8]!.cells).toEqual(['最后', '=100%', '1']);
    expect(errors(rows)).toEqual([[5, 'BAD_QUOTE'], [7, 'UNDECODABLE'], [9, 'BAD_QUOTE']]);
    expect(rows[5]!.error!.messages.en).toBe('Line 7 has bytes that are not valid UTF-8 (from byte 11)');
    expect(rows[3]!.error!.details).toMatchObject({ line: 5, column: 2 });
  });

  it('recovers from an unclosed quote at the record limit without losing the lines after it', async () => {
    const text = ['a,b', '1,"open', '2,x', '3,y', '4,z', '5,"ok"'].join('\n');
    const rows = await collect(readRows(Buffer.from(text), { format: 'csv', maxRecordLines: 3 }));
    expect(rows.map((r) => [r.line, r.cells, r.error?.code ?? null])).toEqual([
      [1, ['a', 'b'], null],
      [2, ['1', '"open'], 'BAD_QUOTE'],
      [3, ['2', 'x'], null],
      [4, ['3', 'y'], null],
      [5, ['4', 'z'], null],
      [6, ['5', 'ok'], null],
    ]);
  });

  it('reads quoted cells as RFC 4180 and Excel write them', async () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""",\r\n"",5",\r\n';
    const rows = await collect(readRows(Buffer.from(text)));
    expect(rows.map((r) => r.cells)).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', ''], ['', '5"', '']]);
    expect(rows.every((r) => r.error === null)).toBe(true);
  });

  it('gives the same rows whatever the chunking past the sniffed start, for LF, CRLF and CR', async () => {
    // The first 64 KiB are sniffed in one piece; chunk boundaries matter after them.
    const filler = '甲,乙\n'.repeat(9000);
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = filler + ['指标名称,目标值', '"跨\r\n行",≥1', '', '甲,乙'].join(eol) + eol;
      const bytes = Buffer.from(text, 'utf8');
      const whole = await collect(readRows(bytes));
      for (const size of [1, 7, 4096]) {
        const stream = Readable.from((function* () { for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size); })());
        expect(await collect(readRows(stream))).toEqual(whole);
      }
      // The CRLF inside the quoted cell is one line break in every file.
      expect(lines(whole.slice(9000))).toEqual([9001, 9002, 9004, 9005]);
      expect(whole[9001]!.cells).toEqual(['跨\n行', '≥1']);
    }
  });

  it('reads standard input as a stream, and text chunks', async () => {
    const stdin = Readable.from([Buffer.from('三级指标\t指标值\n个贷率\t90%'), Buffer.from('左右\n')]);
    const rows = await collect(readRows(stdin));
    expect(rows.map((r) => r.cells)).toEqual([['三级指标', '指标值'], ['个贷率', '90%左右']]);
    const text = Readable.from(['指标名称,目标值\n', '甲,≥1\n']);
    expect((await collect(readRows(text))).map((r) => r.cells)).toEqual([['指标名称', '目标值'], ['甲', '≥1']]);
  });

  it('reads UTF-16 text with a BOM (Excel "Unicode text")', async () => {
    const text = '三级指标\t指标值\r\n个贷率\t90%左右\r\n';
    for (const enc of ['utf-16le', 'utf-16be'] as const) {
      const bom = enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const body = iconv.encode(text, enc === 'utf-16le' ? 'utf16le' : 'utf16be');
      const reader = readRows(Buffer.concat([Buffer.from(bom), body]));
      const rows = await collect(reader);
      expect(rows.map((r) => r.cells)).toEqual([['三级指标', '指标值'], ['个贷率', '90%左右']]);
      expect(reader.info).toMatchObject({ format: 'tsv', encoding: enc, bom: true, eol: '\r\n' });
    }
  });

  it('decides the encoding at the first non-ASCII line, however far down', async () => {
    const ascii = 'indicator,target\n' + 'a,>=1\n'.repeat(20_000); // > 64 KiB of ASCII first
    const tail = iconv.encode('满意度,≥90%\n', 'gbk');
    const reader = readRows(Buffer.concat([Buffer.from(ascii), tail]));
    expect(reader.info.encoding).toBe(null);
    const rows = await collect(reader);
    expect(rows.at(-1)!.cells).toEqual(['满意度', '≥90%']);
    expect(rows.at(-1)!.line).toBe(20_002);
    expect(reader.info.encoding).toBe('gb18030');
    expect(rows.every((r) => r.error === null)).toBe(true);
  });

  it('keeps a UTF-8 file UTF-8 when one line is corrupt, and reports that line', async () => {
    const body = Buffer.concat([Buffer.from('指标名称,目标值\n甲,≥1\n'), Buffer.from([0xd6, 0xd0, 0x2c, 0x31, 0x0a]), Buffer.from('乙,≥2\n')]);
    const reader = readRows(body);
    const rows = await collect(reader);
    expect(reader.info.encoding).toBe('utf-8');
    expect(errors(rows)).toEqual([[3, 'UNDECODABLE']]);
    expect(rows[3]!.cells).toEqual(['乙', '≥2']);
  });

  it('reports a line longer than the limit as its own row and goes on', async () => {
    const text = `a,b\n${'x'.repeat(200)},1\nc,d\n`;
    const rows = await collect(readRows(Buffer.from(text), { maxLineBytes: 100 }));
    expect(rows.map((r) => [r.line, r.cells, r.error?.code ?? null])).toEqual([
      [1, ['a', 'b'], null], [2, [], 'LINE_TOO_LONG'], [3, ['c', 'd'], null],
    ]);
  });

  it('sniffs the format and delimiter from the content', async () => {
    const info = async (bytes: Buffer) => { const r = readRows(bytes); await collect(r); return r.info; };
    expect((await info(Buffer.from('标题\n\n三级指标\t指标值\n甲\t≥1, 或更多\n'))).format).toBe('tsv');
    expect((await info(Buffer.from('三级指标,指标值\n甲,≥1\n'))).format).toBe('csv');
    expect((await info(Buffer.from('三级指标;指标值;分值\n甲;≥1;5\n'))).delimiter).toBe(';');
    expect((await info(Buffer.from('{"target":"≥1"}\n'))).format).toBe('jsonl');
    expect((await info(Buffer.from('["三级指标","指标值"]\n'))).format).toBe('jsonl');
    // A tab-separated file named .csv is read by its content.
    const named = readRows(file('tabs2.csv', '三级指标\t指标值\n甲\t≥1\n'));
    expect((await collect(named))[1]!.cells).toEqual(['甲', '≥1']);
    expect(named.info.format).toBe('tsv');
  });

  it('throws a TableError for what cannot be read at all', async () => {
    await expect(collect(readRows('/nonexistent/table.csv'))).rejects.toMatchObject({ name: 'TableError', code: 'CANNOT_OPEN' });
    await expect(collect(readRows(file('old.xls', 'x')))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    await expect(collect(readRows(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0])))).rejects.toMatchObject({ code: 'UNSUPPORTED_FORMAT' });
    await expect(collect(readRows(Buffer.from('a'), { encoding: 'no-such-encoding' }))).rejects.toMatchObject({ code: 'UNKNOWN_ENCODING' });
    await expect(collect(readRows(Buffer.from('a'), { encoding: 'utf-32le' }))).rejects.toMatchObject({ code: 'UNSUPPORTED_ENCODING' });
    await expect(collect(readRows(Buffer.from('a'), { maxLineBytes: 0 }))).rejects.toBeInstanceOf(TableError);
  });
});

describe('JSON lines', () => {
  it('keyed and positional rows, numbers exactly as written, bad lines kept in place', async () => {
    const text = [
      '{"indicator":"个贷率","target":"90%左右","actual":90.50,"weight":10}',
      '{"indicator":"大数","target":">=1","actual":12345678901234567890123,"extra":{"a":[1,2]},"n":null,"b":true}',
      '',
      '{"indicator": "坏", ',
      '["三级指标", "指标值", 1.10]',
      '"just a string"',
      '{"k":"dup","k":"last"}',
    ].join('\n');
    const rows = await collect(readRows(Buffer.from(text)));
    expect(lines(rows)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toMatchObject({ keys: ['indicator', 'target', 'actual', 'weight'], cells: ['个贷率', '90%左右', '90.50', '10'] });
    expect(rows[0]!.json).toEqual(['"个贷率"', '"90%左右"', '90.50', '10']);
    expect(rows[1]!.cells).toEqual(['大数', '>=1', '12345678901234567890123', '{"a":[1,2]}', '', 'true']);
    expect(rows[2]).toMatchObject({ cells: [], error: null });
    expect(rows[4]).toMatchObject({ cells: ['三级指标', '指标值', '1.10'] });
    expect(rows[4]!.keys).toBeUndefined();
    expect(rows[6]).toMatchObject({ keys: ['k'], cells: ['last'] });
    expect(errors(rows)).toEqual([[4, 'BAD_JSON'], [6, 'BAD_JSON']]);
  });
});
