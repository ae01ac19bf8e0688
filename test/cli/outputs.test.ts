import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRows, type RawRow } from '../../src/table/index.js';
import { decimalText } from '../../src/table/decimal-text.js';
import { EXAMPLE, rows, run, STACK, tempDir, XLSX } from './helpers.js';

/**
 * The outputs for people: `check --output result.xlsx` (the annotated workbook),
 * `normalize --output`, and `check --format html` (the report page; it is driven in
 * Chromium by test/report/html-browser.test.ts).
 */
const file = tempDir();
const dir = dirname(file('.keep', ''));

async function collect(source: string | Uint8Array, sheet?: number): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of readRows(source, { format: 'xlsx', ...(sheet ? { sheet } : {}) })) out.push(r);
  return out;
}

/** exceljs's reading (an independent reader): each row's cells as text, `_xHHHH_` decoded as Excel does. */
async function viaExcelJS(path: string, sheet = 1): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[sheet - 1]!;
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    while (out.length < n - 1) out.push([]);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      while (cells.length < c - 1) cells.push('');
      const v = cell.value;
      cells.push(v === null || v === undefined ? '' : typeof v === 'number' ? decimalText(String(v))! : String(v).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));
    });
    out.push(cells);
  });
  return out;
}

const trimEnd = (cells: readonly string[]): string[] => {
  const a = [...cells];
  while (a.length > 0 && a.at(-1) === '') a.pop();
  return a;
};

/** Every input row is in its place with every cell as read; returns the output rows. */
function expectInputKept(input: readonly RawRow[], output: readonly (readonly string[])[]): void {
  expect(output.length).toBeGreaterThanOrEqual(input.length);
  input.forEach((row, i) => {
    const out = output[i] ?? [];
    row.cells.forEach((cell, c) => expect(out[c] ?? '', `row ${i + 1}, column ${c + 1}`).toBe(cell));
  });
}

const VERDICT = { pass: '达成', partial: '部分达成', fail: '未达成', unknown: '无法判断' } as const;

describe('check --output result.xlsx: the annotated workbook', () => {
  it('keeps every input row and cell (our reader and exceljs) and adds target, verdict, completion, score, reason, 偏差说明', async () => {
    const out = join(dir, 'result.xlsx');
    const r = run(['check', EXAMPLE, '--output', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('总分 93.1 / 100');
    expect(r.err).toContain(`已写入 ${out}`);
    const csv: RawRow[] = [];
    for await (const row of readRows(EXAMPLE)) csv.push(row);
    const ours = await collect(readFileSync(out));
    expect(ours.every((row) => row.error === null)).toBe(true);
    expectInputKept(csv, ours.map((row) => row.cells));
    expectInputKept(csv, await viaExcelJS(out));
    // The header gets the added names after its last column; the rest of the row is the check.
    const width = csv[1]!.cells.length;
    expect(ours[1]!.cells.slice(width)).toEqual(['指标值（规范写法）', '结论', '完成率', '得分', '说明', '偏差说明']);
    const jsonl = rows(run(['check', EXAMPLE, '--format', 'jsonl', '-q']));
    expect(jsonl).toHaveLength(87);
    for (const j of jsonl) {
      const added = ours[j.line - 1]!.cells.slice(width);
      expect(added[1], `line ${j.line}`).toBe(VERDICT[j.verdict.status as keyof typeof VERDICT]);
      expect(added[3] ?? '', `line ${j.line}`).toBe(j.score.score ?? '');
      expect(added[4] ?? '', `line ${j.line}`).toBe(j.verdict.reason?.message ?? '');
      expect((added[5] ?? '') !== '', `line ${j.line}`).toBe(j.score.deviation);
    }
    expect(ours.find((row) => row.cells[2] === '在线回复满意率')!.cells.slice(width)).toEqual(['≥95%', '达成', '101.37%', '5']);
  });

  it('colours the verdicts, freezes the header row, and writes numbers as numbers', async () => {
    const out = join(dir, 'styled.xlsx');
    expect(run(['check', EXAMPLE, '-o', out, '-q']).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('检查结果');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    const fillOf = (row: number): string | undefined => (ws.getCell(row, 8).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb;
    const lineOf = (name: string): number => { let n = 0; ws.eachRow((row, i) => { if (row.getCell(3).value === name) n = i; }); return n; };
    expect(ws.getCell(lineOf('在线回复满意率'), 8).value).toBe('达成');
    expect(fillOf(lineOf('在线回复满意率'))).toBe('FFC6EFCE');
    expect(fillOf(lineOf('预算执行率'))).toBe('FFFFC7CE');
    expect(fillOf(lineOf('缴存职工满意度'))).toBe('FFE4DFEC');
    expect(fillOf(lineOf('基础信息完善性'))).toBe('FFFFEB9C');
    // 分值 as written: 1.66 is a number, 5.00 stays the text it was; the score is a number.
    expect(ws.getCell(3, 6).value).toBe(1.66);
    expect(ws.getCell(lineOf('在线回复满意率'), 6).value).toBe('5.00');
    expect(ws.getCell(lineOf('在线回复满意率'), 10).value).toBe(5);
  });

  it('a second sheet holds the summary: counts, total, grade, the rows needing a 偏差说明 or not judged', async () => {
    const out = join(dir, 'summary.xlsx');
    expect(run(['check', EXAMPLE, '-o', out, '-q']).code).toBe(0);
    const summary = (await collect(readFileSync(out), 2)).map((row) => trimEnd(row.cells));
    const value = (label: string): string | undefined => summary.find((c) => c[0] === label)?.[1];
    expect(value('数据行')).toBe('87');
    expect([value('达成'), value('部分达成'), value('未达成'), value('无法判断'), value('错误')]).toEqual(['77', '2', '7', '1', '0']);
    expect([value('总分'), value('满分'), value('未能计分'), value('等级')]).toEqual(['93.1', '100', '5', '优']);
    const deviation = summary.findIndex((c) => c[0]?.startsWith('需填写偏差说明的行'));
    const unjudged = summary.findIndex((c) => c[0] === '无法判断或有错误的行');
    const listed = (from: number, to: number): string[] => summary.slice(from + 2, to).filter((c) => c.length > 1).map((c) => c[0]!);
    const jsonl = rows(run(['check', EXAMPLE, '--format', 'jsonl', '-q']));
    expect(listed(deviation, unjudged)).toEqual(jsonl.filter((j) => j.score?.deviation).map((j) => String(j.line)));
    expect(listed(unjudged, summary.length)).toEqual(['89']);
    // HTML remnants are gone from the lists (the first sheet keeps the cell as written).
    expect(summary.find((c) => c[1] === '贷款逾期率')).toEqual(['62', '贷款逾期率', '≤1‰', '0.6‰', '166.67%']);
  });

  it('an .xlsx input: same sheet name, same cells as our reader reads them, both readers', async () => {
    const out = join(dir, 'from-xlsx.xlsx');
    const r = run(['check', XLSX, '--output', out]);
    expect(r.code, r.err).toBe(0);
    const input = await collect(readFileSync(XLSX));
    const ours = await collect(readFileSync(out));
    expectInputKept(input, ours.map((row) => row.cells));
    expectInputKept(input, await viaExcelJS(out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.name).toBe('绩效目标');
  });

  it('JSON lines: the keys become the header row; --locale en gives English words', async () => {
    const input = '{"indicator":"满意度","target":"≥90%","actual":"95%","weight":"10"}\n{"indicator":"时限","target":"≤3天","actual":"5天","weight":"10"}\n';
    const out = join(dir, 'jsonl.xlsx');
    const r = run(['check', file('t.jsonl', input), '-o', out, '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Written: ${out}`);
    const back = (await collect(readFileSync(out))).map((row) => trimEnd(row.cells));
    expect(back[0]).toEqual(['indicator', 'target', 'actual', 'weight', 'target (canonical)', 'verdict', 'completion', 'score', 'reason', 'deviation note']);
    expect(back[1]).toEqual(['满意度', '≥90%', '95%', '10', '≥90%', 'achieved', '105.56%', '10']);
    expect(back[2]!.slice(0, 8)).toEqual(['时限', '≤3天', '5天', '10', '≤3天', 'not achieved', '60%', '6']);
    const summary = (await collect(readFileSync(out), 2)).map((row) => trimEnd(row.cells));
    expect(summary.find((c) => c[0] === 'Total score')).toEqual(['Total score', '16']);
    expect(summary.find((c) => c[0] === 'Grade')).toEqual(['Grade', '良 good']);
  });

  it('hostile cells stay as they were: markup, formulas, control characters, long numbers', async () => {
    const cells = ['<script>alert(1)</script>', '=HYPERLINK("http://x")', 'a\u0001b_x0041_', '12345678901234567890', '0012'];
    const csv = `三级指标,指标值,实际值,备注\n${cells[0]},≥1,2,"${cells[1]!.replace(/"/g, '""')}"\n${cells[2]},${cells[3]},${cells[4]},\n`;
    const out = join(dir, 'hostile.xlsx');
    const r = run(['check', file('h.csv', csv), '-o', out]);
    expect(r.code).toBe(0);
    const input: RawRow[] = [];
    for await (const row of readRows(file('h2.csv', csv))) input.push(row);
    expectInputKept(input, (await collect(readFileSync(out))).map((row) => row.cells));
    expectInputKept(input, await viaExcelJS(out));
  });

  it('exit codes as for the other formats: 1 for rows in error or --fail-on, 2 for a missing file (and no file left)', () => {
    const out = join(dir, 'codes.xlsx');
    expect(run(['check', EXAMPLE, '-o', out, '--fail-on', 'fail', '-q']).code).toBe(1);
    expect(run(['check', file('bad.csv', '指标值,实际值\n≥1%%,2\n'), '-o', out, '-q']).code).toBe(1);
    const missing = join(dir, 'missing.xlsx');
    const r = run(['check', join(dir, 'no-such.csv'), '-o', missing]);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(STACK);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('usage errors: an --output that is neither .xlsx nor .html, or a format that disagrees with it', () => {
    for (const args of [['-o', 'x.csv'], ['--format', 'csv', '-o', 'x.xlsx'], ['--format', 'html', '-o', 'x.xlsx']]) {
      const r = run(['check', EXAMPLE, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/--output|--format/);
    }
  });

  it('--format xlsx writes the workbook to standard output when it is not a terminal', async () => {
    const r = run(['check', EXAMPLE, '--format', 'xlsx', '-q']);
    expect(r.code).toBe(0);
    expect(r.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await collect(r.bytes))[1]!.cells[7]).toBe('结论');
  });
});

describe('normalize --output result.xlsx', () => {
  it('the same rows as the CSV output, as a workbook with the header frozen', async () => {
    const out = join(dir, 'normalized.xlsx');
    const r = run(['normalize', EXAMPLE, '--output', out]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const csvOut: RawRow[] = [];
    for await (const row of readRows(Buffer.from(run(['normalize', EXAMPLE]).out), { format: 'csv' })) csvOut.push(row);
    const back = await collect(readFileSync(out));
    expect(back.map((row) => trimEnd(row.cells))).toEqual(csvOut.map((row) => trimEnd(row.cells)));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(run(['normalize', EXAMPLE, '--output', join(dir, 'n.csv')]).code).toBe(2);
  });
});

describe('check --format html: the page as text', () => {
  it('escapes every cell: markup in the table is shown, never run', () => {
    // Tags are HTML remnants of exported forms and are dropped from what is shown (as in the
    // terminal table); what is left, `<` that starts no tag included, is escaped.
    const csv = '三级指标,指标值,实际值,分值\n"<img src=x onerror=alert(1)>",≥1,"<script>alert(2)</script>",5\n"a&b\'c""d <90 >1",≥1,2,5\n';
    const r = run(['check', file('x.csv', csv), '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/<img|<script|onerror/i);
    expect(r.out).toContain('a&#38;b&#39;c&#34;d &#60;90 &#62;1');
    // Nothing the page could fetch: no external reference at all.
    expect(r.out).not.toMatch(/\b(?:src|href)=|@import|url\(/i);
  });

  it('Chinese by default, English with --locale en; summary on standard error as for jsonl', () => {
    const zh = run(['check', EXAMPLE, '--format', 'html']);
    expect(zh.out).toMatch(/^<!doctype html>\n<html lang="zh-CN">/);
    expect(zh.out).toContain('绩效自评检查报告');
    expect(zh.err).toContain('总分 93.1 / 100');
    const en = run(['check', EXAMPLE, '--format', 'html', '--locale', 'en', '-q']);
    expect(en.out).toContain('<html lang="en">');
    expect(en.out).toContain('Performance self-evaluation check');
    expect(en.err).toBe('');
  });

  it('--output report.html writes the same page to a file', () => {
    const out = join(dir, 'report.html');
    const r = run(['check', EXAMPLE, '--output', out, '-q']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(run(['check', EXAMPLE, '--format', 'html', '-q']).out);
  });

  it('a table without actual values: the parsed targets, no scores or chart', () => {
    const r = run(['check', file('targets.csv', '三级指标,指标值\n满意度,≥90%\n坏,≥1%%\n'), '--format', 'html', '-q']);
    expect(r.code).toBe(1);
    expect(r.out).toContain('表中没有实际值列，只解析了指标值。');
    expect(r.out).not.toContain('<svg');
  });
});
