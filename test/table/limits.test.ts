import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_PARSE_LINE_BYTES } from '../../src/cli/parse.js';
import { checkRows, classifyRows, DEFAULT_LIMITS, readRows, tableRows } from '../../src/table/index.js';
import { MAX_INPUT_LENGTH } from '../../src/index.js';
import { DEFAULT_HEADER_SEARCH_CHARS } from '../../src/table/header.js';
import { KEYED_CACHE_SIZE } from '../../src/table/rows.js';
import type { RawRow } from '../../src/table/types.js';
import { MAX_XML_RUN } from '../../src/table/xml-guard.js';
import { RATIO_GRACE, readCentralDirectory } from '../../src/table/zip.js';
import { bombDeflate, SHEET_HEAD, SHEET_TAIL, sheetXml, workbookOf } from './bombs.js';
import { collect } from './helpers.js';

const inlineCell = (ref: string, text: string): string => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const XLSX_HEADER = `<row r="1">${inlineCell('A1', '指标名称')}${inlineCell('B1', '指标值')}${inlineCell('C1', '实际完成值')}</row>`;
const xlsxRow = (r: number, name: string): string => `<row r="${r}">${inlineCell(`A${r}`, name)}${inlineCell(`B${r}`, '≥90%')}${inlineCell(`C${r}`, '95%')}</row>`;

/** The limits of docs/security.md that bound memory, each at the limit and just past it. */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const TABLE = fileURLToPath(new URL('../../dist/table.js', import.meta.url));
const PROBE = "data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
const rssOf = (stderr: string): number => Number(/MAXRSS (\d+)/.exec(stderr)![1]) * 1024;

describe('the header search holds bounded rows', () => {
  const raw = (line: number, cells: string[]): RawRow => ({ line, cells, error: null });
  // Two title rows of 10 characters each, then the header.
  const table = [raw(1, ['0123456789']), raw(2, ['0123456789']), raw(3, ['指标名称', '指标值']), raw(4, ['甲', '≥1'])];

  it('headerSearchChars: at the limit the header is found, one character less and it is not', async () => {
    const found = await collect(classifyRows(table, { headerSearchChars: 20 }));
    expect(found.map((r) => r.kind)).toEqual(['title', 'title', 'header', 'data']);
    await expect(collect(classifyRows(table, { headerSearchChars: 19 }))).rejects.toMatchObject({ code: 'NO_HEADER' });
    expect(DEFAULT_HEADER_SEARCH_CHARS).toBe(16 * 1024 * 1024);
    await expect(collect(classifyRows(table, { headerSearchChars: 0 }))).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('headerSearchRows: at the limit the header is found, one row less and it is not', async () => {
    expect((await collect(classifyRows(table, { headerSearchRows: 3 }))).map((r) => r.kind)).toContain('header');
    await expect(collect(classifyRows(table, { headerSearchRows: 2 }))).rejects.toMatchObject({ code: 'NO_HEADER' });
  });

  it('NO_HEADER names the search limit that ended the search, and none when the table simply ended', async () => {
    const message = async (options: object, rows = table): Promise<{ zh: string; en: string }> =>
      ((await collect(classifyRows(rows, options)).catch((e: unknown) => e)) as { messages: { zh: string; en: string } }).messages;
    expect((await message({ headerSearchChars: 19 })).en).toContain('more than the 19 characters the header search holds (headerSearchChars, --header-search-chars)');
    expect((await message({ headerSearchChars: 19 })).zh).toContain('headerSearchChars，命令行 --header-search-chars');
    expect((await message({ headerSearchRows: 2 })).en).toContain('the most rows the header search reads (2: headerSearchRows, --header-search-rows)');
    expect((await message({ headerSearchRows: 2 })).zh).toContain('表头搜索行数上限 2');
    const ended = await message({}, table.slice(0, 2));
    expect(ended.en).not.toMatch(/headerSearch/);
    expect(ended.zh).not.toMatch(/headerSearch/);
  });

  it('a header named by line far away does not hold every row before it', async () => {
    const rows = (function* () { for (let i = 1; i <= 5000; i++) yield raw(i, ['x'.repeat(1000)]); })();
    await expect(collect(classifyRows(rows, { header: 1_000_000_000, headerSearchChars: 1_000_000 }))).rejects.toMatchObject({ code: 'NO_HEADER' });
  });
});

describe('JSON lines with a new key set on every row', () => {
  it(`keep at most ${KEYED_CACHE_SIZE} key sets mapped: 300 000 of them run in a 48 MB heap`, () => {
    const script = `
      const { classifyRows } = await import(${JSON.stringify(TABLE)});
      function* rows() { for (let i = 1; i <= 300000; i++) yield { line: i, cells: ['甲', '≥1'], keys: ['指标名称' + i, '指标值'], error: null }; }
      let n = 0, bad = 0;
      for await (const r of classifyRows(rows())) { n++; if (r.record === null || r.record.target !== '≥1') bad++; }
      console.log(n, bad);`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=48', '--input-type=module', '-e', script]);
    expect(r.status, r.stderr.toString().slice(0, 500)).toBe(0);
    expect(r.stdout.toString().trim()).toBe('300000 0');
  }, 60_000);
});

describe('parse on standard input', () => {
  it('a line of MAX_PARSE_LINE_BYTES is read (and is too long for a cell); one byte more is not kept; the next line is parsed', () => {
    const at = 'x'.repeat(MAX_PARSE_LINE_BYTES);
    const r = spawnSync(process.execPath, [CLI, 'parse', '--locale', 'en'], { input: `${at}\n${at}x\n≥90%\n`, maxBuffer: 64 * 1024 * 1024 });
    const out = r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as { error?: { code: string; message: string }; kind?: string });
    expect(r.status).toBe(1);
    expect(out.length).toBe(3);
    expect(out[0]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(out[0]!.error!.message).toContain(`length ${MAX_PARSE_LINE_BYTES}`);
    expect(out[1]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(out[1]!.error!.message).toContain(`> ${MAX_PARSE_LINE_BYTES} bytes`);
    expect(out[2]).toMatchObject({ kind: 'compare' });
  });

  it('a 300 MB line streams through in bounded memory', async () => {
    const child = spawn(process.execPath, ['--import', PROBE, CLI, 'parse']);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const chunk = Buffer.alloc(1024 * 1024, 0x39);
    for (let i = 0; i < 300; i++) if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    child.stdin.end('\n≥1\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out.trim().split('\n').length).toBe(2);
    expect(rssOf(err)).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);
});

describe('a stream cannot hold more than its limits', () => {
  it('tableRows takes headerSearchChars too', async () => {
    const rows = await collect(tableRows(Buffer.from('标题标题标题\n指标名称,指标值\n甲,≥1\n'), { headerSearchChars: 6 }));
    expect(rows.map((r) => r.kind)).toEqual(['title', 'header', 'data']);
  });
});

describe('the reading limits, each at the limit and one past', () => {
  const lines = (text: string, options: Parameters<typeof readRows>[1]) =>
    collect(readRows(Buffer.from(text), { format: 'csv', ...options })).then((rows) => rows.map((r) => [r.line, r.error?.code ?? null]));

  it('the defaults are those of docs/security.md', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxLineBytes: 16 * 1024 * 1024, maxRecordLines: 10_000, maxRecordChars: 4 * 1024 * 1024 });
  });

  it('maxLineBytes: a line of that many bytes is read, one byte more is LINE_TOO_LONG', async () => {
    expect(await lines(`a,b\n${'x'.repeat(98)},1\nc,d\n`, { maxLineBytes: 100 })).toEqual([[1, null], [2, null], [3, null]]);
    expect(await lines(`a,b\n${'x'.repeat(99)},1\nc,d\n`, { maxLineBytes: 100 })).toEqual([[1, null], [2, 'LINE_TOO_LONG'], [3, null]]);
  });

  it('maxRecordLines: a quoted cell over that many lines closes, over one more it is BAD_QUOTE', async () => {
    expect(await lines('a,b\n1,"l0\nl1\nl2"\n2,z\n', { maxRecordLines: 3 })).toEqual([[1, null], [2, null], [5, null]]);
    expect(await lines('a,b\n1,"l0\nl1\nl2\nl3"\n2,z\n', { maxRecordLines: 3 })).toEqual([[1, null], [2, 'BAD_QUOTE'], [3, null], [4, null], [5, null], [6, null]]);
  });

  it('maxRecordChars: the lines held open may hold that many characters, not one more', async () => {
    expect(await lines(`a,b\n1,"${'x'.repeat(17)}\ny"\n2,z\n`, { maxRecordChars: 20 })).toEqual([[1, null], [2, null], [4, null]]);
    expect(await lines(`a,b\n1,"${'x'.repeat(18)}\ny"\n2,z\n`, { maxRecordChars: 20 })).toEqual([[1, null], [2, 'BAD_QUOTE'], [3, null], [4, null]]);
  });

  it('.xlsx maxInflatedBytes is counted in bytes over every part read: at the sum of their sizes the sheet is read whole, one byte less and it is cut', async () => {
    const sheet = sheetXml(`${XLSX_HEADER}${xlsxRow(2, '甲')}${xlsxRow(3, '乙')}`);
    const wb = workbookOf(sheet);
    // Every part but the content types is read, each once: their inflated sizes add up.
    const total = [...readCentralDirectory(wb).values()].filter((e) => e.name !== '[Content_Types].xml').reduce((n, e) => n + e.size, 0);
    const at = await collect(readRows(wb, { maxInflatedBytes: total }));
    expect(at.map((r) => [r.line, r.error?.code ?? null])).toEqual([[1, null], [2, null], [3, null]]);
    const past = await collect(readRows(wb, { maxInflatedBytes: total - 1 }));
    expect(past.slice(0, -1).map((r) => [r.line, r.error])).toEqual([[1, null], [2, null], [3, null]]);
    expect(past.at(-1)!.error!.messages.en).toContain(`inflates past the limit of ${total - 1} bytes (maxInflatedBytes)`);
    expect(DEFAULT_LIMITS).toMatchObject({ maxInflatedBytes: 256 * 1024 * 1024, maxInflateRatio: 100 });
  });

  it('.xlsx RATIO_GRACE: a part of ratio ~490 : 1 that inflates to 1 MiB is read; one byte more and the ratio stops it', async () => {
    const bomb = (size: number) => {
      const head = `${SHEET_HEAD}${XLSX_HEADER}<row/>`;
      const tail = `${xlsxRow(3, '丙')}${SHEET_TAIL}`;
      const fixed = Buffer.byteLength(head) + Buffer.byteLength(tail);
      const copies = Math.floor((size - fixed) / 258);
      // White space between rows makes up the bytes the copies of `<row/>` leave.
      const b = bombDeflate(head, 6, copies, `${' '.repeat(size - fixed - 258 * copies)}${tail}`);
      expect(b.size).toBe(size);
      expect(b.size / b.data.length).toBeGreaterThan(400);
      return workbookOf(b);
    };
    const at = await collect(readRows(bomb(RATIO_GRACE)));
    expect(at.map((r) => r.error)).toEqual([null, null]);
    expect(at.at(-1)!.cells).toEqual(['丙', '≥90%', '95%']);
    const past = await collect(readRows(bomb(RATIO_GRACE + 1)));
    expect(past.at(-1)!.error!.messages.en).toContain('inflates more than 100 times its compressed size (maxInflateRatio)');
  });

  it('.xlsx MAX_XML_RUN: a run of that many characters between two `<` is read, one more is cut and said', async () => {
    // The run after the `<` of `<t>` is `t>` and the text: MAX_XML_RUN − 2 characters of text fill it.
    const cell = (n: number) => `<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(n)}</t></is></c></row>${xlsxRow(2, '乙')}`;
    const at = await collect(readRows(workbookOf(sheetXml(cell(MAX_XML_RUN - 2)))));
    expect(at.map((r) => r.error)).toEqual([null, null]);
    expect(at[0]!.cells[0]!.length).toBe(MAX_XML_RUN - 2);
    const past = await collect(readRows(workbookOf(sheetXml(cell(MAX_XML_RUN - 1)))));
    expect(past[0]!.error!.messages.en).toContain(`longer than ${MAX_XML_RUN}`);
    expect(past[1]).toMatchObject({ line: 2, error: null, cells: ['乙', '≥90%', '95%'] });
  });

  it('maxLength of the table API: a target cell of that length is read, one longer is its row\'s INPUT_TOO_LONG', async () => {
    const rows = (target: string, options = {}) => collect(checkRows([['指标名称', '指标值', '实际完成值'], ['甲', target, '5'], ['乙', '≥1', '2']], options))
      .then((rs) => rs.map((r) => r.error?.code ?? r.verdict?.status ?? null));
    const at = `≥${'0'.repeat(MAX_INPUT_LENGTH - 2)}1`;
    expect(await rows(at)).toEqual(['pass', 'pass']);
    expect(await rows(`${at}0`)).toEqual(['INPUT_TOO_LONG', 'pass']);
    expect(await rows(`${at}0`, { maxLength: MAX_INPUT_LENGTH + 1 })).toEqual(['fail', 'pass']);
    expect(await rows('≥12345', { maxLength: 5 })).toEqual(['INPUT_TOO_LONG', 'pass']);
  });
});
