import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/cli/text.js';
import { Decimal } from '../../src/index.js';
import { handWorkbook } from '../table/helpers.js';
import { CLI, EXAMPLE, ROOT, rows, run, SEED, STACK, tempDir, XLSX } from './helpers.js';

const file = tempDir();
const KEYS = ['line', 'indicator', 'target', 'verdict', 'score', 'error'];

describe('indicator-expr check on the bundled example (docs/examples/yancheng-2022.csv)', () => {
  const r = run(['check', EXAMPLE, '--format', 'jsonl']);
  const out = rows(r);

  it('gives one object per data row, in input order, with exactly the contract\'s keys', () => {
    expect(r.code).toBe(0);
    // 89 lines: a title row, the header, 87 data rows.
    expect(out).toHaveLength(87);
    expect(out.map((o) => o.line)).toEqual(Array.from({ length: 87 }, (_, i) => i + 3));
    for (const o of out) expect(Object.keys(o)).toEqual(KEYS);
    expect(out[0]).toMatchObject({ line: 3, indicator: '工作计划制定健全性', target: { kind: 'qualitative', term: '健全' }, error: null });
  });

  it('judges and scores rows as reviewed by hand', () => {
    const at = (line: number) => out.find((o) => o.line === line);
    // =0% against -3.5%: "=" means reached, and with A = 0 any B ≤ 0 reaches it.
    expect(at(11).verdict).toMatchObject({ status: 'pass', op: '<=', opSource: 'equals-reached' });
    expect(at(11).score).toMatchObject({ score: '1', weight: '1', rule: 'equals-zero' });
    // =0% against 1.2%: nothing.
    expect(at(13).score).toMatchObject({ score: '0', status: 'fail' });
    // =100% against 96.8%: 0.968 × 1, half up.
    expect(at(14).verdict).toMatchObject({ status: 'fail', completion: '0.968', reason: { code: 'BELOW_TARGET' } });
    expect(at(14).score).toMatchObject({ score: '0.97', weight: '1', rule: 'higher-better-ratio' });
    // 部分完成 against 完善: partial, the lower end of the band [0.6 W, 0.8 W).
    expect(at(20).score).toMatchObject({ score: '0.6', status: 'partial', rule: 'qualitative-band' });
    // ≥70亿元 against 68.9亿元: 68.9 / 70 × 0.9 = 0.8859 → 0.89.
    expect(at(37).score).toMatchObject({ score: '0.89', weight: '0.9' });
    // 3个工作日 (implicit) under 住房公积金贷款办理时限: a time limit, lower is better.
    expect(at(44).verdict).toMatchObject({ status: 'pass', op: '<=', opSource: 'indicator' });
    // <p>≤1‰</p>: HTML remnants are the parser's business; the text stays as written.
    expect(at(62).target).toMatchObject({ kind: 'compare', op: '<=', text: '<p>≤1‰</p>' });
    // =1.12亿元 for 计提管理费用 (a cost: lower is better) against 1.05亿元: reached, in full.
    expect(at(85).verdict).toMatchObject({ status: 'pass', op: '<=', opSource: 'equals-reached' });
    expect(at(85).score).toMatchObject({ score: '1.5', weight: '1.5' });
    // An empty actual is unknown, and unknown earns no score.
    expect(at(89).verdict).toMatchObject({ status: 'unknown', reason: { code: 'MISSING_ACTUAL' } });
    expect(at(89).score).toMatchObject({ score: null, weight: '5' });
  });

  it('adds up to 93.1 out of 100: exact decimals, and the summary on standard error says so', () => {
    const statuses = out.map((o) => o.verdict.status);
    expect(statuses.filter((s) => s === 'pass')).toHaveLength(77);
    expect(statuses.filter((s) => s === 'partial')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'fail')).toHaveLength(7);
    expect(statuses.filter((s) => s === 'unknown')).toHaveLength(1);
    const sum = (xs: (string | null)[]) => xs.reduce((a, x) => (x === null ? a : a.plus(x)), new Decimal(0)).toFixed();
    expect(sum(out.map((o) => o.score.score))).toBe('93.1');
    expect(sum(out.map((o) => o.score.weight))).toBe('100');
    expect(r.err).toContain('数据行 87：达成 77，部分达成 2，未达成 7，无法判断 1；错误 0');
    expect(r.err).toContain('总分 93.1 / 100（其中 5 分未能计分），等级：优');
    expect(r.err).toContain('表头：第 2 行（指标 = 三级指标，指标值 = 全年指标值，实际值 = 实际完成值，分值 = 分值）');
  });

  it('--quiet leaves standard error empty', () => {
    const q = run(['check', EXAMPLE, '--format', 'jsonl', '--quiet']);
    expect(q.err).toBe('');
    expect(q.out).toBe(r.out);
  });

  it('is what npm start runs, as a table', () => {
    const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
    expect(pkg.scripts.start).toBe('node dist/cli.js check docs/examples/yancheng-2022.csv --format table');
  });
});

describe('--format table', () => {
  const r = run(['check', EXAMPLE, '--format', 'table']);

  it('prints an aligned table (CJK characters two columns wide) and the summary after it', () => {
    expect(r.code).toBe(0);
    expect(r.lines[0]).toMatch(/^行 {2}指标 +指标值 +实际值 +结果 +得分 {2}说明$/);
    const data = r.lines.filter((l) => /^ *\d+ {2}/.test(l));
    expect(data).toHaveLength(87);
    // Every column starts at the same display column on every row: the status word's
    // column, measured in display width, is where the header's 结果 is.
    const at = (line: string, word: string) => displayWidth(line.slice(0, line.indexOf(word)));
    const resultColumn = at(r.lines[0]!, '结果');
    for (const l of data) {
      // The status word stands between runs of spaces (an actual such as 达成预期指标 does not).
      const m = / {2}(部分达成|未达成|无法判断|达成)(?= {2})/.exec(l)!;
      expect(displayWidth(l.slice(0, m.index + 2)), l).toBe(resultColumn);
    }
    expect(data[0]).toMatch(/^ 3 {2}工作计划制定健全性 +健全 +健全 +达成 +1\.66\/1\.66$/);
    // HTML remnants are not shown on screen; a long indicator name is cut with …
    expect(r.out).toMatch(/\n62 {2}贷款逾期率 +≤1‰ +0\.6‰ +达成/);
    expect(r.out).toContain('2022年“新市民”专项资金…');
    // A reason longer than the note column wraps under itself.
    expect(r.out).toMatch(/\n41 {2}.* {2}实际值 1186\.5万元\n {76}未达到目标 ≥1200万元\n/);
    expect(r.out).toMatch(/\n89 {2}缴存职工满意度 +提高 +无法判断 +—\/5 {2}缺少实际值\n/);
    expect(r.out).toContain('\n\n表头：第 2 行');
    expect(r.out.trimEnd().split('\n').at(-1)).toBe('总分 93.1 / 100（其中 5 分未能计分），等级：优');
    expect(r.err).toBe('');
  });

  it('has no colour when standard output is not a terminal, and colours status words with --color always', () => {
    expect(r.out).not.toContain('\x1b[');
    const c = run(['check', EXAMPLE, '--format', 'table', '--color', 'always']);
    expect(c.out).toContain('\x1b[32m达成');
    expect(c.out).toContain('\x1b[31m未达成');
    expect(c.out).toContain('\x1b[33m部分达成');
    expect(c.out).toContain('\x1b[35m无法判断');
    expect(c.out.replace(/\x1b\[\d+m/g, '')).toBe(r.out);
  });

  it('speaks English with --locale en', () => {
    const e = run(['check', EXAMPLE, '--format', 'table', '--locale', 'en']);
    expect(e.lines[0]).toMatch(/^line {2}indicator +target +actual +result +score {2}note$/);
    expect(e.out).toMatch(/The actual value 96\.8%\n +does not reach the\n +target ≥100%\n/);
    expect(e.out).toContain('87 data rows: 77 pass, 2 partial, 7 fail, 1 unknown; 0 errors');
    expect(e.out).toContain('Total score 93.1 out of 100 (5 of it not scored), grade 优 (excellent)');
  });

  const hasScript = existsSync('/usr/bin/script');
  const tty = (command: string, env: NodeJS.ProcessEnv = {}) => spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', COLUMNS: '', ...env }, timeout: 30_000,
  }).stdout;

  it.skipIf(!hasScript)('is the default on a terminal, in colour unless NO_COLOR is set', () => {
    const coloured = tty(`${process.execPath} ${CLI} check ${EXAMPLE}`);
    expect(coloured).toContain('\x1b[32m达成');
    expect(coloured).toContain('总分 93.1 / 100');
    const plain = tty(`${process.execPath} ${CLI} check ${EXAMPLE}`, { NO_COLOR: '1' });
    expect(plain).not.toContain('\x1b[');
    expect(plain.replace(/\r\n/g, '\n')).toBe(r.out);
  });

  it.skipIf(!hasScript)('shows a progress line on a terminal\'s standard error for input that takes more than a second', () => {
    const big = file('progress.csv', `三级指标,全年指标值,实际完成值\n${Array.from({ length: 1000 }, (_, i) => `指标${i},≥${i}%,${i}%`).join('\n')}\n`);
    // Half the rows, a pause, then the rest: the pause falls inside the run however long the
    // command takes to start on a busy machine.
    const slow = `(head -n 500 ${big}; sleep 2.5; tail -n +501 ${big})`;
    const out = tty(`${slow} | ${process.execPath} ${CLI} check - --format jsonl > /dev/null`);
    // The line is updated in place, then cleared before the summary.
    expect(out).toMatch(/^(\r已检查 \d+ 行…\x1b\[K)+\r\x1b\[K表头：第 1 行/);
    // Quick input (three rows, read at once: no second can pass) shows none, and --quiet none at all.
    const small = file('quick.csv', '三级指标,全年指标值,实际完成值\na,≥1%,2%\nb,≥1%,2%\nc,≥1%,2%\n');
    expect(tty(`${process.execPath} ${CLI} check ${small} --format jsonl > /dev/null`)).toMatch(/^表头：第 1 行/);
    expect(tty(`${slow} | ${process.execPath} ${CLI} check - --format jsonl --quiet > /dev/null`)).toBe('');
  });
});

describe('--format csv', () => {
  it('prints one flat row per data row, the summary on standard error', () => {
    const r = run(['check', EXAMPLE, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('line,indicator,target,op,actual,status,reason,completion,score,weight,error');
    expect(r.lines).toHaveLength(88);
    expect(r.lines[1]).toBe('3,工作计划制定健全性,健全,,健全,pass,,,1.66,1.66,');
    expect(r.lines.find((l) => l.startsWith('14,'))).toBe('14,预算执行率,=100%,>=,96.8%,fail,BELOW_TARGET,0.968,0.97,1,');
    expect(r.lines.at(-1)).toBe('89,缴存职工满意度,提高,,,unknown,MISSING_ACTUAL,,,5,');
    expect(r.err).toContain('总分 93.1 / 100');
    expect(run(['check', EXAMPLE, '--format', 'csv', '--bom']).bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes cells that hold a comma, a quote or a line break', () => {
    const r = run(['check', '-', '--format', 'csv'], '三级指标,全年指标值,实际完成值\n"数量,质量",≥1,"2"\n"说""明",≥1,"0\n个"\n');
    // (An indicator name is a label: its line breaks fold to spaces. An actual keeps them.)
    expect(r.lines.slice(1)).toEqual(['2,"数量,质量",≥1,>=,2,pass,,2,,,', '3,"说""明",≥1,>=,"0', '个",fail,BELOW_TARGET,0,,,']);
  });

  it('writes every line whole and in order, a line longer than the output buffer too', () => {
    // Lines are encoded into a 64 KiB buffer as they come; a line past its room goes out on its own.
    const long = `指标😀${'长'.repeat(40_000)}`;
    const names = Array.from({ length: 3000 }, (_, i) => (i === 1500 ? long : `指标${i}`));
    const r = run(['check', '-', '--format', 'csv'], `三级指标,全年指标值,实际完成值\n${names.map((n) => `${n},≥1%,2%`).join('\n')}\n`);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(3001);
    expect(r.lines.slice(1)).toEqual(names.map((n, i) => `${i + 2},${n},≥1%,>=,2%,pass,,2,,,`));
  });
});

describe('tables of every kind', () => {
  it('a GBK CSV with split op / value / unit columns, found by their Chinese names', () => {
    const text = [
      '2022年度项目绩效自评表',
      '一级指标,三级指标,指标性质,指标值,度量单位,实际完成值,分值',
      '产出,发放贷款,≥,50,亿元,52.3亿元,10',
      ',办结率,≥,95,%,94%,10',
      ',办理时限,≤,3,个工作日,2个工作日,5',
      '效益,满意度,定性,健全,,健全,5',
      ',逾期率,≤,1,‰,0.3,5',
    ].join('\r\n');
    const path = file('split.csv', iconv.encode(`${text}\r\n`, 'gbk'));
    const r = run(['check', path, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const out = rows(r);
    expect(out.map((o) => [o.line, o.indicator, o.verdict.status, o.score.score])).toEqual([
      [3, '发放贷款', 'pass', '10'],
      [4, '办结率', 'fail', '9.89'],
      [5, '办理时限', 'pass', '5'],
      [6, '满意度', 'pass', '5'],
      [7, '逾期率', 'pass', '5'],
    ]);
    expect(out[0].target).toMatchObject({ kind: 'compare', op: '>=', quantity: { value: '50', unit: '亿元', base: { value: '5000000000', unit: '元' } } });
    expect(out[3].target).toMatchObject({ kind: 'qualitative', term: '健全' });
    // 0.3 without a unit is read in the target's unit: 0.3‰.
    expect(out[4].verdict).toMatchObject({ assumedUnit: '‰', actual: { value: '0.3', unit: '‰' } });
    expect(r.err).toContain('符号 = 指标性质，单位 = 度量单位');
    // The encoding named explicitly gives the same; read as UTF-8 it is not the same table.
    expect(run(['check', path, '--format', 'jsonl', '--encoding', 'gbk']).out).toBe(r.out);
  });

  it('a TSV with a BOM and broken rows: each comes out in its place with its error, the rest is judged', () => {
    const bytes = Buffer.concat([
      Buffer.from('\ufeff三级指标\t全年指标值\t实际完成值\t分值\n满意度\t≥90%\t95%\t10\n"坏引号\t≥80%\t85%\t10\n太短\t≥1\n'),
      Buffer.from([0xff, 0xfe]), Buffer.from('指标\t≥1\t2\t1\n好的\t=100%\t100%\t10\n\t\t\t\n空指标值\t\t1\t2\n'),
    ]);
    const r = run(['check', file('broken.tsv', bytes), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const out = rows(r);
    expect(out.map((o) => [o.line, o.verdict?.status ?? null, o.error?.code ?? null])).toEqual([
      [2, 'pass', null],
      [3, null, 'BAD_QUOTE'],
      [4, null, 'TOO_FEW_CELLS'],
      [5, null, 'UNDECODABLE'],
      [6, 'pass', null],
      // line 7 is blank: not a data row
      [8, null, 'EMPTY'],
    ]);
    // A row that could not be read as written keeps its target (the best reading) but is not judged.
    expect(out[1]).toMatchObject({ target: { text: '≥80%' }, verdict: null, score: null });
    expect(out[1].error.message).toBe('第 3 行第 1 列引号不匹配（引号未闭合），本行按原文逐个分隔符切分');
    expect(out[5]).toMatchObject({ target: null, verdict: null, score: null, error: { code: 'EMPTY', message: '指标值为空' } });
    expect(r.err).toContain('数据行 6：达成 2，部分达成 0，未达成 0，无法判断 0；错误 4');
    // The weight of rows that were not scored still counts: 20 out of 33.
    expect(r.err).toContain('总分 20 / 33（其中 13 分未能计分），等级：中');
  });

  it('JSON lines: keyed rows named in English, numbers kept exact; a bad line and a missing key are errors', () => {
    const text = [
      '{"indicator":"满意度","target":"≥90%","actual":"95%","weight":10}',
      '{"indicator":"办理时限","target":"≤3天","actual":"4天","weight":10.50}',
      'not json',
      '{"indicator":"没有指标值"}',
    ].join('\n');
    const r = run(['check', file('t.jsonl', text), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    const out = rows(r);
    expect(out.map((o) => [o.line, o.indicator, o.verdict?.status ?? null, o.score?.score ?? null, o.error?.code ?? null])).toEqual([
      [1, '满意度', 'pass', '10', null],
      [2, '办理时限', 'fail', '7.88', null],
      [3, null, null, null, 'BAD_JSON'],
      [4, null, null, null, 'MISSING_KEY'],
    ]);
    expect(out[1].score.weight).toBe('10.5');
  });

  it('an .xlsx: the first sheet, sheet row numbers, the merged level carried down', () => {
    const r = run(['check', XLSX, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const out = rows(r);
    expect(out.map((o) => [o.line, o.indicator, o.verdict.status, o.score?.score ?? null])).toEqual([
      [4, '发放住房公积金贷款', 'pass', '10'],
      [5, '总体工作完成率', 'pass', '10'],
      [6, '贷款逾期率', 'pass', '5'],
      [7, '缴存职工满意度', 'unknown', null],
      [9, '多行 单元格', 'unknown', null],
    ]);
    // 95.5% as Excel shows it, and a number in the target's unit (0.3‰).
    expect(out[1].verdict.actual).toMatchObject({ value: '95.5', unit: '%' });
    expect(out[2].verdict.actual).toMatchObject({ value: '0.3', unit: '‰' });
    expect(out[4].score).toBeNull();
    expect(r.err).toContain('表头：第 3 行（指标 = 三级指标，指标值 = 年度指标值（A），实际值 = 实际完成值（B），分值 = 分值）');
  });

  it('an .xlsx with date cells: `≤` beside a date in the target column and a date actual make a judged deadline', () => {
    const cell = (ref: string, inner: string, attrs = '') => `<x:c r="${ref}"${attrs}>${inner}</x:c>`;
    const text = (ref: string, t: string) => cell(ref, `<x:is><x:t>${t}</x:t></x:is>`, ' t="inlineStr"');
    const date = (ref: string, serial: number) => cell(ref, `<x:v>${serial}</x:v>`, ' s="1"');
    const path = file('dates.xlsx', handWorkbook(
      `<x:row r="1">${text('A1', '三级指标')}${text('B1', '指标性质')}${text('C1', '指标值')}${text('D1', '实际完成值')}${text('E1', '分值')}</x:row>`
      + `<x:row r="2">${text('A2', '项目完成时间')}${text('B2', '≤')}${date('C2', 45657)}${date('D2', 45600)}${text('E2', '10')}</x:row>`
      + `<x:row r="3">${text('A3', '验收时间')}${text('B3', '≤')}${date('C3', 45291)}${date('D3', 45300)}${text('E3', '10')}</x:row>`,
      { styles: '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>' },
    ));
    const r = run(['check', path, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    expect(rows(r).map((o) => [o.target.text, o.target.date, o.verdict.status, o.verdict.actual, o.score.score])).toEqual([
      ['≤2024年12月31日', { year: 2024, month: 12, day: 31 }, 'pass', { date: '2024-11-04' }, '10'],
      ['≤2023年12月31日', { year: 2023, month: 12, day: 31 }, 'fail', { date: '2024-01-09' }, '0'],
    ]);
  });

  it('an .xlsx sheet by name: a formula cell the file has no value for is a row error', () => {
    const r = run(['check', XLSX, '--sheet', '第二页', '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(rows(r)).toEqual([{ line: 2, indicator: '一张网业务事项', target: null, verdict: null, score: null, error: { code: 'BAD_CELL', message: expect.stringContaining('B2') } }]);
    expect(run(['check', XLSX, '--sheet', '没有']).code).toBe(2);
  });

  it('standard input: CSV, JSON lines and .xlsx, sniffed from the content', () => {
    const csv = run(['check', '-', '--format', 'jsonl'], readFileSync(EXAMPLE));
    expect(csv.code).toBe(0);
    expect(csv.out).toBe(run(['check', EXAMPLE, '--format', 'jsonl']).out);
    const jsonl = run(['check', '-'], '{"三级指标":"满意度","全年指标值":"≥90%","实际完成值":"89%"}\n');
    expect(rows(jsonl)).toMatchObject([{ line: 1, indicator: '满意度', verdict: { status: 'fail' }, score: null }]);
    expect(jsonl.code).toBe(0);
    const xlsx = run(['check', '-', '--format', 'jsonl'], readFileSync(XLSX));
    expect(xlsx.out).toBe(run(['check', XLSX, '--format', 'jsonl']).out);
  });

  it('a real exported table: title rows skipped, repeated headers skipped and reported, every data row out', () => {
    const r = run(['check', SEED, '--format', 'jsonl']);
    const out = rows(r);
    expect(out).toHaveLength(88);
    const lines = out.map((o) => o.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(lines).not.toContain(63);
    expect(lines).not.toContain(112);
    expect(r.err).toContain('表头：第 30 行');
    expect(r.err).toContain('重复表头（已跳过）：第 63、112 行');
    // No actual column: targets only, no verdicts.
    expect(out.every((o) => o.verdict === null && o.score === null)).toBe(true);
    expect(r.err).toContain('（没有实际值列，只解析指标值）');
    expect(r.code).toBe(1);
  });

  it('a table of targets only reports the parsed targets, and exits 0 when all parse', () => {
    const r = run(['check', '-', '--format', 'table'], '指标名称,指标值\n受理率,≥95%\n办结时限,3个工作日\n');
    expect(r.code).toBe(0);
    expect(r.lines.slice(0, 4)).toEqual([
      '行  指标      指标值     类型     说明',
      '──  ────────  ─────────  ───────  ────',
      ' 2  受理率    ≥95%       compare',
      ' 3  办结时限  3个工作日  compare',
    ]);
    expect(r.out).toContain('数据行 2：已解析 2；错误 0（没有实际值列，只解析指标值）');
  });
});

describe('columns', () => {
  it('named by header text when the header is unusual, or by position', () => {
    const text = '考核内容,目标,完成,得分上限\n满意度,≥90%,95%,10\n';
    const byName = run(['check', '-', '--indicator', '考核内容', '--target', '目标', '--actual', '完成', '--weight', '得分上限'], text);
    expect(byName.code).toBe(0);
    expect(rows(byName)).toMatchObject([{ line: 2, indicator: '满意度', verdict: { status: 'pass' }, score: { score: '10', weight: '10' } }]);
    const byPosition = run(['check', '-', '--header', 'none', '--indicator', '1', '--target', '2', '--actual', '3', '--weight', '4'], text.split('\n')[1]!);
    expect(rows(byPosition)).toMatchObject([{ line: 1, indicator: '满意度', verdict: { status: 'pass' } }]);
    const headerAt = run(['check', '-', '--header', '2', '--target', '目标', '--actual', '完成'], `表一\n${text}`);
    expect(rows(headerAt)).toMatchObject([{ line: 3, verdict: { status: 'pass' } }]);
  });

  it('--period half reads 半年指标值, and never falls back to the full-year column', () => {
    const text = '三级指标,半年指标值,全年指标值,实际完成值\n受理量,≥50件,≥100件,60件\n';
    expect(rows(run(['check', '-'], text))[0].verdict.status).toBe('fail');
    expect(rows(run(['check', '-', '--period', 'half'], text))[0].verdict.status).toBe('pass');
    const none = run(['check', '-', '--period', 'half'], '三级指标,全年指标值,实际完成值\n受理量,≥100件,60件\n');
    expect(none.code).toBe(2);
    expect(none.err).toContain('找不到半年指标值列');
  });
});

describe('judging options', () => {
  it('--polarity, --tolerance, --year and --scale reach every row', () => {
    const text = '指标名称,指标值,实际值,分值\n投诉量,100件,120件,10\n个贷率,90%左右,80%,10\n完成时间,12月底前,2023-01-05,10\n';
    const plain = rows(run(['check', '-'], text));
    expect(plain.map((o) => o.verdict.status)).toEqual(['fail', 'fail', 'unknown']);
    const opts = rows(run(['check', '-', '--polarity', 'positive', '--tolerance', '15%', '--year', '2022', '--scale', '0'], text));
    expect(opts.map((o) => o.verdict.status)).toEqual(['pass', 'pass', 'fail']);
    expect(opts[0].verdict.opSource).toBe('option');
    expect(opts[2].score.score).toBe('0');
  });
});

describe('exit codes', () => {
  it('0 when every row was read and judged, whatever the verdicts; --fail-on makes verdicts count', () => {
    expect(run(['check', EXAMPLE, '--quiet']).code).toBe(0);
    expect(run(['check', EXAMPLE, '--quiet', '--fail-on', 'fail']).code).toBe(1);
    expect(run(['check', EXAMPLE, '--quiet', '--fail-on', 'unknown']).code).toBe(1);
    const allPass = '三级指标,全年指标值,实际完成值\n满意度,≥90%,95%\n受理量,≥5件,5件\n';
    expect(run(['check', '-', '--fail-on', 'fail,unknown,partial'], allPass).code).toBe(0);
    expect(run(['check', '-', '--fail-on', 'fail', '--fail-on', 'unknown'], `${allPass}时限,≤3天,\n`).code).toBe(1);
  });

  it('1 when some rows could not be read or parsed; the others still come out', () => {
    const r = run(['check', '-'], '三级指标,全年指标值,实际完成值\n满意度,≥90%,95%\n坏的,≥亿元,1\n');
    expect(r.code).toBe(1);
    expect(rows(r).map((o) => o.error?.code ?? null)).toEqual([null, 'MISSING_NUMBER']);
  });

  it('1 for an unreadable weight, which is reported and leaves the verdict standing', () => {
    const r = run(['check', '-'], '三级指标,全年指标值,实际完成值,分值\n满意度,≥90%,95%,十分\n时限,≤3天,2天,5分\n');
    expect(r.code).toBe(1);
    const out = rows(r);
    expect(out[0]).toMatchObject({ verdict: { status: 'pass' }, score: null, error: { code: 'BAD_WEIGHT', message: '第 2 行分值“十分”不是非负数' } });
    // "5分" is a weight of 5.
    expect(out[1].score).toMatchObject({ score: '5', weight: '5' });
  });

  it('2 on usage errors and tables that cannot be read at all, with a message and no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['check'], /check 需要一个表格/],
      [['check', 'a.csv', 'b.csv'], /check 只读一个表格，但给了 2 个/],
      [['check', EXAMPLE, '--format', 'xml'], /--format 只能是 table、csv、jsonl、html 或 xlsx，而不是“xml”/],
      [['check', EXAMPLE, '--format', 'xml', '--locale', 'en'], /--format must be table, csv, jsonl, html or xlsx, not "xml"/],
      [['check', EXAMPLE, '--bogus'], /check 没有选项 --bogus/],
      [['check', EXAMPLE, '--fail-on', 'pass'], /--fail-on 只接受 partial、fail、unknown/],
      [['check', EXAMPLE, '--tolerance', 'abc', '--locale', 'en'], /--tolerance must be a quantity/],
      [['check', EXAMPLE, '--band', '2'], /--band 须为 0 到 1 之间的数/],
      [['check', EXAMPLE, '--header', '0', '--locale', 'en'], /--header must be/],
      [['check', 'no-such-file.csv'], /文件不存在：no-such-file.csv/],
      [['check', 'docs/examples/yancheng-2022-targets.txt'], /没有表头行/],
      [['check', EXAMPLE, '--actual', '没有这一列'], /表头（第 2 行）中没有“没有这一列”列（--actual）/],
      [['check', EXAMPLE, '--encoding', 'klingon'], /未知编码“klingon”/],
      [['check', file('table.xls', 'x')], /不支持的文件格式：Excel 97–2003 \(\.xls\)/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.err + r.out).not.toMatch(STACK);
    }
    expect(run(['check', 'no-such-file.csv', '--locale', 'en']).err).toBe('indicator-expr: File not found: no-such-file.csv\n');
  });
});

describe('streaming', () => {
  it('20 000 rows come out in order, each with its verdict', () => {
    const body = Array.from({ length: 20_000 }, (_, i) => `指标${i},≥${i}%,${i % 2 === 0 ? i : i - 1}%`).join('\n');
    const r = run(['check', '-', '--format', 'jsonl'], `三级指标,全年指标值,实际完成值\n${body}\n`);
    expect(r.code).toBe(0);
    const out = rows(r);
    expect(out).toHaveLength(20_000);
    out.forEach((o, i) => {
      expect(o.line).toBe(i + 2);
      expect(o.indicator).toBe(`指标${i}`);
      expect(o.verdict.status).toBe(i % 2 === 0 ? 'pass' : 'fail');
    });
  });

  it('stops quietly when the reader goes away (| head)', () => {
    const body = Array.from({ length: 50_000 }, (_, i) => `指标${i},≥${i}%,${i}%`).join('\n');
    const r = spawnSync('/bin/sh', ['-c', `${process.execPath} ${CLI} check - --format jsonl --quiet | head -n 2`], {
      input: `三级指标,全年指标值,实际完成值\n${body}\n`, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stdout.split('\n')).toHaveLength(3);
    expect(r.stderr).toBe('');
  });
});
