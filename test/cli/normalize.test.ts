import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, run, STACK, tempDir, XLSX } from './helpers.js';

const file = tempDir();
const ADDED = ['kind', 'op', 'value', 'unit', 'dimension', 'base_value', 'base_unit', 'error'];

/** Lines of a text as written (the line ending is checked apart). */
const linesOf = (text: string, eol = '\n'): string[] => {
  const lines = text.split(eol);
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

describe('indicator-expr normalize', () => {
  it('CSV: row for row, every original cell untouched, the columns added after the header\'s last one', () => {
    const input = readFileSync(EXAMPLE, 'utf8');
    const r = run(['normalize', EXAMPLE]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const inLines = linesOf(input);
    const outLines = linesOf(r.out);
    expect(outLines).toHaveLength(inLines.length);
    // The title row goes through as it was; the header gets the names; data rows the values.
    expect(outLines[0]).toBe(inLines[0]);
    expect(outLines[1]).toBe(`${inLines[1]},${ADDED.join(',')}`);
    for (let i = 2; i < inLines.length; i++) expect(outLines[i]!.startsWith(`${inLines[i]},`), outLines[i]).toBe(true);
    expect(outLines[2]).toBe(`${inLines[2]},qualitative,,健全,,,,,`);
    expect(outLines.find((l) => l.includes('发放住房公积金贷款'))).toBe(',,发放住房公积金贷款,≥50亿元,52.36亿元,0.90,compare,>=,50,亿元,currency,5000000000,元,');
    expect(outLines.find((l) => l.includes('贷款逾期率'))).toMatch(/,compare,<=,1,‰,ratio,0\.001,1,$/);
  });

  it('TSV with a BOM, CRLF and broken rows: same BOM, delimiter and line ending, errors in the error column, exit 1', () => {
    const bytes = Buffer.concat([
      Buffer.from('\ufeff三级指标\t全年指标值\t实际完成值\r\n满意度\t≥90%\t95%\r\n"坏引号\t≥80%\t85%\r\n太短\r\n'),
      Buffer.from([0xff]), Buffer.from('\t≥1\t2\r\n\t\t\r\n空\t\t1\r\n好的\t=100%\t100%\r\n'),
    ]);
    const r = run(['normalize', file('t.tsv', bytes)]);
    expect(r.code).toBe(1);
    expect(r.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const out = linesOf(r.out.slice(1), '\r\n');
    expect(r.out.slice(1).split('\r\n').slice(0, -1).every((l) => !l.includes('\n'))).toBe(true);
    expect(out).toHaveLength(8);
    expect(out[0]).toBe(['三级指标', '全年指标值', '实际完成值', ...ADDED].join('\t'));
    expect(out[1]).toBe('满意度\t≥90%\t95%\tcompare\t>=\t90\t%\tratio\t0.9\t1\t');
    // A cell holding a quote is quoted when written back, so it reads back as the same cell.
    expect(out[2]).toMatch(/^"""坏引号"\t≥80%\t85%\tcompare\t.*\tBAD_QUOTE: /);
    expect(out[3]).toMatch(/^太短\t\t\t\t+TOO_FEW_CELLS: /);
    expect(out[4]).toMatch(/^\ufffd\t≥1\t2\tcompare\t.*\tUNDECODABLE: /);
    expect(out[5]).toBe('\t\t');
    expect(out[6]).toBe('空\t\t1\t\t\t\t\t\t\t\tEMPTY: 指标值为空');
    expect(out[7]).toBe('好的\t=100%\t100%\tcompare\t=\t100\t%\tratio\t1\t1\t');
    expect(r.err).toBe('indicator-expr normalize: 第 3、4、5、7 行有错误（见 error 列）\n');
  });

  it('JSON lines: each object keeps its keys and values as written, numbers exactly, with the fields added', () => {
    const text = [
      '{"indicator":"满意度","target":"≥90%","weight":1.10}',
      '',
      '{"indicator":"时限","target":"3个工作日","weight":2}',
      '{"indicator":"坏的","target":"≥"}',
    ].join('\n');
    const r = run(['normalize', file('t.jsonl', `${text}\n`)]);
    expect(r.code).toBe(1);
    const out = linesOf(r.out);
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('{"indicator":"满意度","target":"≥90%","weight":1.10,"kind":"compare","op":">=","value":"90","unit":"%","dimension":"ratio","base_value":"0.9","base_unit":"1","error":""}');
    expect(out[1]).toBe('');
    expect(JSON.parse(out[2]!)).toMatchObject({ target: '3个工作日', kind: 'compare', op: '', base_value: '3', base_unit: '工作日' });
    expect(JSON.parse(out[3]!).error).toBe('MISSING_NUMBER: “≥”之后缺少数值');
  });

  it('a GBK CSV with split columns comes back in GBK, its op and unit joined into the fields', () => {
    const text = '三级指标,指标性质,指标值,度量单位\r\n发放贷款,≥,50,亿元\r\n满意度,定性,健全,\r\n';
    const r = run(['normalize', file('gbk.csv', iconv.encode(text, 'gbk'))]);
    expect(r.code).toBe(0);
    const back = iconv.decode(r.bytes, 'gb18030');
    expect(back).toBe([
      `三级指标,指标性质,指标值,度量单位,${ADDED.join(',')}`,
      '发放贷款,≥,50,亿元,compare,>=,50,亿元,currency,5000000000,元,',
      '满意度,定性,健全,,qualitative,,健全,,,,,',
      '',
    ].join('\r\n'));
    // Not UTF-8: the bytes are GBK's.
    expect(r.bytes.includes(Buffer.from('三级指标'))).toBe(false);
  });

  it('--column names the target column; an .xlsx comes back as CSV in UTF-8 with a BOM', () => {
    const r = run(['normalize', XLSX, '--column', '年度指标值（A）']);
    expect(r.code).toBe(0);
    expect(r.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const out = r.out.slice(1).split('\r\n');
    expect(out[0]).toBe('2022年度部门整体支出绩效目标表');
    expect(out[2]).toBe(`一级指标,三级指标,年度指标值（A）,实际完成值（B）,分值,完成日期,${ADDED.join(',')}`);
    expect(out[3]).toBe('产出,发放住房公积金贷款,≥50亿元,52.3,10,2022年11月30日,compare,>=,50,亿元,currency,5000000000,元,');
    expect(run(['normalize', XLSX, '--column', '2']).out).toContain(',发放住房公积金贷款,≥50亿元,52.3,10,2022年11月30日,qualitative,,发放住房公积金贷款,');
  });

  it('reads standard input', () => {
    const r = run(['normalize', '-'], '指标名称,指标值\n受理率,≥95%\n');
    expect(r.out).toBe(`指标名称,指标值,${ADDED.join(',')}\n受理率,≥95%,compare,>=,95,%,ratio,0.95,1,\n`);
    expect(run(['normalize', '-'], '').out).toBe('');
  });

  it('streams a large table row for row', () => {
    const body = Array.from({ length: 30_000 }, (_, i) => `指标${i},≥${i}万元`).join('\n');
    const r = run(['normalize', '-'], `三级指标,全年指标值\n${body}\n`);
    expect(r.code).toBe(0);
    const out = linesOf(r.out);
    expect(out).toHaveLength(30_001);
    expect(out[30_000]).toBe('指标29999,≥29999万元,compare,>=,29999,万元,currency,299990000,元,');
  });

  it('exits 2 on usage errors and tables that cannot be read, without a stack trace', () => {
    for (const [args, message] of [
      [['normalize'], /normalize 需要一个表格/],
      [['normalize', 'no-such.csv'], /文件不存在：no-such.csv/],
      [['normalize', EXAMPLE, '--column', '没有'], /表头（第 2 行）中没有“没有”列（--column）/],
      [['normalize', EXAMPLE, '--column', 'x', '--target', 'y', '--locale', 'en'], /give one/],
      [['normalize', EXAMPLE, '--actual', '5'], /normalize 没有选项 --actual/],
    ] as const) {
      const r = run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(STACK);
    }
  });
});
