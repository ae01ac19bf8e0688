import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkRows, readRows, TableError } from '../../src/table/index.js';
import type { RawRow } from '../../src/table/types.js';

/**
 * Generated hostile tables and workbooks (issue 18): whatever the bytes, reading throws
 * nothing but a TableError about the whole source, rows come out in order, and checking
 * accounts for every row read (data rows with their verdict or error, the others counted).
 */
async function readAll(bytes: Uint8Array, options: Parameters<typeof readRows>[1] = {}): Promise<RawRow[] | TableError> {
  try {
    const out: RawRow[] = [];
    for await (const r of readRows(bytes, options)) out.push(r);
    return out;
  } catch (e) {
    if (e instanceof TableError) return e;
    throw e;
  }
}

async function checkAccounts(raw: readonly RawRow[]): Promise<void> {
  const reader = checkRows(raw);
  const lines: number[] = [];
  try {
    for await (const c of reader) {
      lines.push(c.line);
      expect(c.error === null || typeof c.error.code === 'string').toBe(true);
    }
  } catch (e) {
    // Only the table as a whole may fail: no header, or columns that cannot be told apart.
    if (e instanceof TableError) return;
    throw e;
  }
  const s = reader.summary;
  expect(lines.length).toBe(s.rows);
  const headers = s.repeatedHeaderCount + (s.headerLine !== null ? 1 : 0);
  expect(s.rows + s.titleRows + s.blankRows + headers).toBe(raw.length);
  // Data rows keep the order of the rows read (an .xlsx row numbered past Excel's limit
  // keeps its number, so the order is the rows', not the numbers').
  let p = 0;
  for (const line of lines) {
    while (p < raw.length && raw[p]!.line !== line) p++;
    expect(p).toBeLessThan(raw.length);
    p++;
  }
}

const HEADER_WORDS = ['指标名称', '指标值', '实际完成值', '分值', '全年指标值', '三级指标', '度量单位', '指标性质'];
const CELLS = ['≥90%', '95%', '1.5点五', '三点五点五', '1E+999999999', '健全', '=100%', '', '"', '""', 'a","', '\u0000', '\r', '\n', '\r\n', ',', '\t', ';', '≥8101366189154伍拾', '100-120件', '2022年12月底前'];

describe('generated hostile delimited tables', () => {
  const bytePiece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...CELLS, ...HEADER_WORDS).map((s) => strToU8(s)) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xff, 0xfe]), new Uint8Array([0xb8, 0xdf])) },
  );
  it('CSV, TSV and JSON lines: only TableError, every row accounted for', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(bytePiece, { maxLength: 60 }), fc.constantFrom('csv', 'tsv', 'jsonl', undefined), fc.boolean(),
      async (pieces, format, header) => {
        const head = header ? strToU8('指标名称,指标值,实际完成值,分值\n') : new Uint8Array(0);
        const body = new Uint8Array(head.length + pieces.reduce((n, p) => n + p.length, 0));
        body.set(head);
        let at = head.length;
        for (const p of pieces) { body.set(p, at); at += p.length; }
        const raw = await readAll(body, { format: format as 'csv' | undefined, maxRecordLines: 5, maxRecordChars: 200, maxLineBytes: 300 });
        if (raw instanceof TableError) return;
        for (let i = 1; i < raw.length; i++) expect(raw[i]!.line).toBeGreaterThan(raw[i - 1]!.line);
        await checkAccounts(raw);
      },
    ), { numRuns: 1500 });
  }, 120_000);
});

describe('generated hostile workbooks', () => {
  const ref = fc.oneof(
    fc.tuple(fc.constantFrom('A', 'B', 'C', 'D', 'XFD', 'XFE', 'ZZZZZZZ', 'a', ''), fc.constantFrom('1', '2', '3', '1048576', '1048577', '2000000000', '', 'x')).map(([c, r]) => c + r),
    fc.constant('!!'),
  );
  const value = fc.constantFrom('1', '0.95', '1E+999999999', '1E-999999999', '-1e308', '45000', 'abc', '&amp;', '&bad;', '<', '', '99999999999999999999');
  const cell = fc.record({ r: ref, t: fc.constantFrom('', 's', 'str', 'inlineStr', 'b', 'e', 'd', 'n', 'zz'), s: fc.constantFrom('', '0', '1', '2', '99'), v: value, f: fc.constantFrom('', '100%', 'A1*2', '') })
    .map(({ r, t, s, v, f }) => `<c${r ? ` r="${r}"` : ''}${t ? ` t="${t}"` : ''}${s ? ` s="${s}"` : ''}>${f ? `<f>${f}</f>` : ''}${t === 'inlineStr' ? `<is><t>${v}</t></is>` : `<v>${v}</v>`}</c>`);
  const row = fc.record({ r: fc.constantFrom('', '1', '2', '3', '5', '1048576', '1048577', '2000000000', '-1', 'x'), cells: fc.array(cell, { maxLength: 4 }) })
    .map(({ r, cells }) => `<row${r ? ` r="${r}"` : ''}>${cells.join('')}</row>`);
  const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>指标名称</t></is></c><c r="B1" t="inlineStr"><is><t>指标值</t></is></c><c r="C1" t="inlineStr"><is><t>实际完成值</t></is></c></row>`;
  const workbook = (rows: string, strings: string): Uint8Array => {
    const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`;
    return zipSync({
      '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`),
      'xl/workbook.xml': strToU8(`<workbook ${ns}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'sharedStrings', 'sharedStrings.xml')}${rel('rId3', 'styles', 'styles.xml')}</Relationships>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${ns}><sheetData>${header}${rows}</sheetData></worksheet>`),
      'xl/sharedStrings.xml': strToU8(`<sst ${ns}>${strings}</sst>`),
      'xl/styles.xml': strToU8(`<styleSheet ${ns}><cellXfs><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="14"/></cellXfs></styleSheet>`),
    });
  };
  const strings = fc.array(fc.constantFrom('<si><t>≥90%</t></si>', '<si><t>健全</t></si>', '<si><t>a &amp; b</t></si>', '<si><t>broken', '<si><r><t>x</t></r></si>'), { maxLength: 4 }).map((s) => s.join(''));

  it('sheets of odd coordinates, values and XML: only TableError, rows in sheet order, every row accounted for', async () => {
    await fc.assert(fc.asyncProperty(fc.array(row, { maxLength: 8 }), strings, async (rows, ss) => {
      const raw = await readAll(workbook(rows.join(''), ss));
      if (raw instanceof TableError) return;
      for (const r of raw) expect(r.error === null || r.error.code === 'BAD_CELL').toBe(true);
      await checkAccounts(raw);
    }), { numRuns: 400 });
  }, 120_000);

  it('workbooks with bytes flipped: only TableError', async () => {
    const base = workbook('<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2"><v>0.9</v></c></row>', '<si><t>≥90%</t></si>');
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }), async (flips) => {
      const bytes = base.slice();
      for (const [i, b] of flips) bytes[i] = b;
      const raw = await readAll(bytes, { format: 'xlsx' });
      if (raw instanceof TableError) return;
      await checkAccounts(raw);
    }), { numRuns: 700 });
  }, 120_000);
});
