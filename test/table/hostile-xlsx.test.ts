import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readRows } from '../../src/table/index.js';
import { MAX_SHEET_COLUMNS, MAX_SHEET_ROWS } from '../../src/table/xlsx.js';
import { MAX_XML_RUN } from '../../src/table/xml-guard.js';
import { bombDeflate, SHEET_HEAD, SHEET_TAIL, sheetXml, workbookOf } from './bombs.js';
import { collect, tempDir } from './helpers.js';

/**
 * .xlsx files a careless or hostile writer makes: every row before and after a broken
 * place comes out, a broken place is the error of the row it is in (or of a last row that
 * says the rest was not read), and nothing made of a few kilobytes can take gigabytes.
 */
const file = tempDir();
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const num = (ref: string, v: string) => `<c r="${ref}"><v>${v}</v></c>`;
const HEADER = `<row r="1">${inline('A1', '指标名称')}${inline('B1', '指标值')}${inline('C1', '实际完成值')}</row>`;
const dataRow = (r: number, name: string) => `<row r="${r}">${inline(`A${r}`, name)}${inline(`B${r}`, '≥90%')}${inline(`C${r}`, '95%')}</row>`;

async function read(rowsXml: string) {
  return collect(readRows(workbookOf(sheetXml(rowsXml))));
}

describe('coordinates beyond Excel', () => {
  it('a row numbered 2 000 000 000 is an error of that row, and no blank row is made up', async () => {
    const rows = await read(`${dataRow(2, '甲')}<row r="2000000000">${inline('A2000000000', '乙')}</row>${dataRow(3, '丙')}`);
    expect(rows.map((r) => r.line)).toEqual([2, 2_000_000_000, 3]);
    expect(rows[1]!.error).toMatchObject({ code: 'BAD_CELL' });
    expect(rows[1]!.error!.messages.en).toContain(`beyond Excel's ${MAX_SHEET_ROWS} rows`);
    expect(rows[0]!.error).toBeNull();
    expect(rows[2]).toMatchObject({ error: null, cells: ['丙', '≥90%', '95%'] });
  });

  it('row 1 048 576 is read; 1 048 577 is an error', async () => {
    const rows = await read(`<row r="${MAX_SHEET_ROWS}">${inline(`A${MAX_SHEET_ROWS}`, '末行')}</row><row r="${MAX_SHEET_ROWS + 1}">${inline(`A${MAX_SHEET_ROWS + 1}`, '过')}</row>`);
    expect(rows.map((r) => [r.line, r.cells, r.error?.code ?? null])).toEqual([[MAX_SHEET_ROWS, ['末行'], null], [MAX_SHEET_ROWS + 1, ['过'], 'BAD_CELL']]);
  });

  it('a cell at column ZZZZZZZ is an error of its row; column XFD (16 384) is read, XFE is not', async () => {
    const rows = await read(`<row r="3">${inline('A3', '甲')}${inline('ZZZZZZZ3', '远')}</row><row r="4">${inline('XFD4', '边')}</row><row r="5">${inline('XFE5', '过')}</row>`);
    expect(rows[0]).toMatchObject({ line: 3, cells: ['甲'], error: { code: 'BAD_CELL', details: { cell: 'ZZZZZZZ3' } } });
    expect(rows[1]!.cells.length).toBe(MAX_SHEET_COLUMNS);
    expect(rows[1]!.cells.at(-1)).toBe('边');
    expect(rows[1]!.error).toBeNull();
    expect(rows[2]).toMatchObject({ line: 5, cells: [], error: { code: 'BAD_CELL', details: { cell: 'XFE5' } } });
  });

  it('empty cells before a far one are not made (a styled blank at XFD makes nothing)', async () => {
    const rows = await read(`<row r="1">${inline('A1', '甲')}<c r="XFD1" s="3"/></row>`);
    expect(rows[0]!.cells).toEqual(['甲']);
  });
});

describe('one broken place loses only its row', () => {
  it('1E+999999999 is the error of its cell; the rows before and after are read', async () => {
    const rows = await read(`${dataRow(1, '甲')}<row r="2">${num('A2', '1E+999999999')}</row><row r="3">${num('A3', '1E+308')}</row>${dataRow(4, '丁')}`);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4]);
    expect(rows[1]!.error).toMatchObject({ code: 'BAD_CELL', details: { cell: 'A2' } });
    expect(rows[2]!.error).toBeNull();
    expect(rows[2]!.cells[0]).toMatch(/^10{308}$/);
    expect(rows[3]).toMatchObject({ error: null, cells: ['丁', '≥90%', '95%'] });
  });

  it('an XML error is the error of the row it is in; the rows before it stand and the error says the rest was not read', async () => {
    const rows = await read(`${dataRow(1, '甲')}<row r="2">${num('A2', 'a & b')}</row>${dataRow(3, '丙')}`);
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
    expect(rows[0]!.error).toBeNull();
    expect(rows[1]!.error!.messages.en).toMatch(/XML error.*the rest of the sheet was not read/);
    const between = await read(`${dataRow(1, '甲')}</row>${dataRow(3, '丙')}`);
    expect(between[0]!.error).toBeNull();
    expect(between.at(-1)!.error!.messages.en).toMatch(/XML error/);
  });

  it('a sheet cut short: the rows read stand and a last row says the rest was lost', async () => {
    const whole = sheetXml(`${dataRow(1, '甲')}${dataRow(2, '乙')}${dataRow(3, '丙')}`);
    const rows = await collect(readRows(workbookOf(whole.subarray(0, whole.length - 80))));
    expect(rows[0]).toMatchObject({ line: 1, error: null });
    expect(rows.at(-1)!.error).toMatchObject({ code: 'BAD_CELL' });
  });

  it('a text run past MAX_XML_RUN is cut and said; the next row is read', async () => {
    const at = `<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(MAX_XML_RUN)}</t></is></c></row>`;
    const past = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'长'.repeat(MAX_XML_RUN + 10)}</t></is></c></row>`;
    const rows = await read(`${at}${past}${dataRow(3, '丙')}`);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    // `<t>` and the text after the last `<`: the run at the limit is the text less the tag.
    expect(rows[0]!.error).not.toBeNull();
    expect(rows[1]!.error!.messages.en).toContain(`longer than ${MAX_XML_RUN}`);
    expect(rows[2]).toMatchObject({ error: null, cells: ['丙', '≥90%', '95%'] });
    const under = await read(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(MAX_XML_RUN - 2)}</t></is></c></row>`);
    expect(under[0]!.error).toBeNull();
    expect(under[0]!.cells[0]!.length).toBe(MAX_XML_RUN - 2);
  });
});

describe('zip bombs', () => {
  // 2 MB that inflate to 200 million `<row/>` (1.2 GB).
  const rowsBomb = () => bombDeflate(`${SHEET_HEAD}${HEADER}${dataRow(2, '甲')}<row/>`, 6, 4_650_000, SHEET_TAIL);
  // 2 GB of white space between two rows.
  const spaceBomb = () => bombDeflate(`${SHEET_HEAD}${HEADER}${dataRow(2, '甲')} `, 1, 8_300_000, `${dataRow(3, '丙')}${SHEET_TAIL}`);

  it('the ratio limit stops 200 million <row/> with the rows before it read and a row that says so', async () => {
    const bomb = rowsBomb();
    expect(bomb.data.length).toBeLessThan(2_000_000);
    expect(bomb.size).toBeGreaterThan(1_190_000_000);
    const rows = await collect(readRows(workbookOf(bomb)));
    // The empty <row/> are not made up as rows; the last row is where the reading stopped.
    expect(rows.length).toBe(3);
    expect(rows.slice(0, 2).map((r) => [r.line, r.error])).toEqual([[1, null], [2, null]]);
    expect(rows[1]!.cells).toEqual(['甲', '≥90%', '95%']);
    expect(rows[2]!.error!.messages.en).toMatch(/rest of the sheet was not read.*maxInflateRatio/);
  });

  it('maxInflateRatio and maxInflatedBytes are options; at the limit a part is read, past it not', async () => {
    const text = sheetXml(`${HEADER}${dataRow(2, '甲')}${'<row/>'.repeat(400_000)}${dataRow(3, '丙')}`);
    const stored = workbookOf(text);
    // Stored (ratio 1): only the size limit applies. The other parts are a few hundred bytes.
    const all = await collect(readRows(stored, { maxInflatedBytes: text.length + 2000 }));
    expect(all.map((r) => [r.line, r.error])).toEqual([[1, null], [2, null], [400_003, null]]);
    const cut = await collect(readRows(stored, { maxInflatedBytes: text.length - 1000 }));
    expect(cut.at(-1)!.error!.messages.en).toContain('maxInflatedBytes');
    // A bomb of ratio ~688 : 1 is read with a ratio limit above it.
    const small = bombDeflate(`${SHEET_HEAD}${HEADER}<row/>`, 6, 20_000, `${dataRow(3, '丙')}${SHEET_TAIL}`);
    const ok = await collect(readRows(workbookOf(small), { maxInflateRatio: 1000 }));
    // Each <row/> is a row (numbered on from 1) with nothing in it: none is made up.
    expect(ok.map((r) => [r.line, r.error])).toEqual([[1, null], [20_000 * 43 + 3, null]]);
    const stopped = await collect(readRows(workbookOf(small), { maxInflateRatio: 600 }));
    expect(stopped.at(-1)!.error!.messages.en).toContain('maxInflateRatio');
    await expect(collect(readRows(stored, { maxInflateRatio: 0 }))).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  // 1.2 MB of shared strings that inflate to 1.27 GB.
  const stringsBomb = () => workbookOf(
    sheetXml(`${HEADER}<row r="2">${inline('A2', '甲')}<c r="B2" t="s"><v>0</v></c></row><row r="3">${inline('A3', '乙')}<c r="B3" t="s"><v>4000000</v></c></row>`),
    bombDeflate(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>≥90%</t></si><si><t>aaaaaaaaaa</t></si>`, 26, 4_930_000, '</sst>'),
  );

  it('a shared-strings bomb: the strings read stand, cells past them say why', async () => {
    const bytes = stringsBomb();
    expect(bytes.length).toBeLessThan(4_000_000);
    const rows = await collect(readRows(bytes));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(rows[1]).toMatchObject({ cells: ['甲', '≥90%'], error: null });
    expect(rows[2]!.error!.messages.en).toMatch(/shared string 4000000 was not read.*maxInflateRatio/);
  });

  it('each bomb finishes under 400 MB in the real command, every row accounted for', () => {
    const cases = {
      rows: workbookOf(rowsBomb()),
      space: workbookOf(spaceBomb()),
      strings: stringsBomb(),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const path = file(`${name}.xlsx`, bytes);
      const probe = "data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
      const r = spawnSync(process.execPath, ['--max-old-space-size=400', '--import', probe, CLI, 'check', path, '--format', 'jsonl'], { maxBuffer: 64 * 1024 * 1024 });
      const err = r.stderr.toString();
      expect(r.status, err).toBe(1);
      const out = r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as { line: number; error: unknown });
      expect(out[0]).toMatchObject({ line: 2, error: null });
      expect(out.at(-1)!.error).not.toBeNull();
      const rss = Number(/MAXRSS (\d+)/.exec(err)![1]) * 1024;
      if (process.env['SHOW_RSS']) console.log(name, Math.round(rss / 1048576), 'MiB');
      expect(rss).toBeLessThan(400 * 1024 * 1024);
    }
  }, 120_000);
});
