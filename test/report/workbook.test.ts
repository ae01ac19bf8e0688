import { describe, expect, it } from 'vitest';
import { HtmlReport } from '../../src/report/html.js';
import { AnnotatedWorkbook } from '../../src/report/workbook.js';
import { readRows, RowChecker, tableRows } from '../../src/table/index.js';

/** The workbook and the page fed in-process, as src/cli/outputs.ts feeds them. */
async function feed(csv: string, sink: { row: AnnotatedWorkbook['row'] }, after?: (rows: number) => void): Promise<RowChecker> {
  const checker = new RowChecker({});
  let n = 0;
  for await (const row of tableRows(Buffer.from(csv), { format: 'csv' })) {
    sink.row(row, checker.checkRow(row));
    after?.(++n);
  }
  checker.finish();
  return checker;
}

async function sheet(bytes: Uint8Array, n = 1): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of readRows(bytes, { format: 'xlsx', sheet: n })) out.push([...r.cells]);
  return out;
}

const table = (rows: number): string => `三级指标,全年指标值,实际完成值,分值\n${Array.from({ length: rows }, (_, i) => `指标${i},≥${i % 90}%,${(i % 90) + 1}%,1`).join('\n')}\n`;

describe('AnnotatedWorkbook', () => {
  it('streams: bytes are ready while rows still come, and what was taken plus the end is the whole file', async () => {
    const book = new AnnotatedWorkbook({ locale: 'zh', file: 't.csv' });
    const pieces: Uint8Array[] = [];
    let takenBefore = 0;
    const checker = await feed(table(30_000), book, (n) => {
      if (book.pending >= 64 * 1024) { const p = book.take(); pieces.push(...p); if (n < 30_000) takenBefore += p.length; }
    });
    expect(takenBefore).toBeGreaterThan(1);
    book.end(checker.summary);
    pieces.push(...book.take());
    const rows = await sheet(Buffer.concat(pieces));
    expect(rows).toHaveLength(30_001);
    expect(rows[30_000]!.slice(0, 4)).toEqual(['指标29999', '≥29%', '30%', '1']);
    expect(rows[30_000]![5]).toBe('达成');
  }, 60_000);

  it('cells past the header (a shifted row) go after the added columns, so that none is lost or covered', async () => {
    const book = new AnnotatedWorkbook({ locale: 'en', file: 't.csv' });
    const checker = await feed('三级指标,全年指标值,实际完成值\n满意度,≥90%,95%\n' + Array.from({ length: 150 }, () => 'a,≥1,2').join('\n') + '\n移位,≥90%,95%,多出的格\n', book);
    book.end(checker.summary);
    const rows = await sheet(Buffer.concat(book.take()));
    const shifted = rows.find((r) => r[0] === '移位')!;
    expect(shifted.slice(0, 3)).toEqual(['移位', '≥90%', '95%']);
    expect(shifted[3]).toBe('≥90%');
    expect(shifted[4]).toBe('error');
    expect(shifted[9]).toBe('多出的格');
  });
});

describe('HtmlReport', () => {
  it('lists at most 5000 rows, says how many more there are, and still counts them all', async () => {
    const page = new HtmlReport({ locale: 'en', file: 't.csv' });
    const checker = await feed(table(5003), page);
    const html = page.end(checker.summary);
    expect(html.match(/<tr class="row-/g)).toHaveLength(5000);
    expect(html).toContain('The first 5000 rows are listed; 3 more are not');
    expect(html).toContain('<span class="n" id="count-rows">5003</span>');
  }, 60_000);
});
