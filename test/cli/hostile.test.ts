import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { sheetXml, workbookOf } from '../table/bombs.js';
import { CLI, ROOT, rows, run, STACK, tempDir } from './helpers.js';

/**
 * Tables as offices really export them, at their worst: every row is accounted for, the
 * exit code says what happened, and no user ever sees a stack trace.
 */
const file = tempDir();
const noStack = (s: string) => expect(s).not.toMatch(STACK);
const HEADER = '三级指标,全年指标值,实际完成值,分值';

describe('hostile tables through the command', () => {
  it('bad quotes, ragged rows and invalid bytes: every line comes out, in order', () => {
    const body = Buffer.concat([
      Buffer.from(`${HEADER}\n甲,≥90%,95%,10\n"乙,≥90%,95%,10\n丙,≥90%\n丁,≥90%,95%,10,多余,列\n`),
      Buffer.from([0xff, 0xfe, 0x2c, 0x3d, 0x31, 0x0a]),
      Buffer.from('戊,=100%,100%,10\n'),
    ]);
    for (const cmd of ['check', 'normalize']) {
      const r = run(cmd === 'check' ? ['check', file('bad.csv', body), '--format', 'jsonl'] : ['normalize', file('bad.csv', body), '--column', '全年指标值']);
      expect(r.code).toBe(1);
      noStack(r.err);
      if (cmd === 'check') {
        const out = rows(r);
        expect(out.map((x) => x.line)).toEqual([...new Set(out.map((x) => x.line))].sort((a, b) => a - b));
        expect(out.at(0).verdict.status).toBe('pass');
        expect(out.at(-1)).toMatchObject({ indicator: '戊', verdict: { status: 'pass' } });
        expect(out.filter((x) => x.error !== null).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('a 50 MB cell: an error row, and the rest goes on in bounded memory', () => {
    const big = `${HEADER}\n甲,≥90%,95%,10\n乙,${'9'.repeat(50 * 1024 * 1024)},1,10\n丙,≥90%,95%,10\n`;
    const r = run(['check', file('big.csv', big), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    noStack(r.err);
    const out = rows(r);
    // The reader does not even hold a line over 16 MiB: the row is reported, unread.
    expect(out.map((x) => x.line)).toEqual([2, 3, 4]);
    expect(out[1]).toMatchObject({ indicator: null, target: null, error: { code: 'LINE_TOO_LONG' } });
    expect(out[2].verdict.status).toBe('pass');
  });

  it('an empty file, a header only, title rows only: exit codes as documented', () => {
    // Nothing at all to read is a usage error (2); a header without data rows is a table of 0 rows (0).
    for (const [name, text, code] of [
      ['empty.csv', '', 2],
      ['header.csv', `${HEADER}\n`, 0],
      ['blank.csv', '\n\n\n', 2],
      ['title.csv', '某某单位绩效自评表\n2022年度\n', 2],
    ] as const) {
      const r = run(['check', file(name, text), '--format', 'jsonl']);
      expect([name, r.code]).toEqual([name, code]);
      expect(r.out).toBe('');
      noStack(r.err);
      if (code === 2) expect(r.err).toMatch(/indicator-expr/);
    }
  });

  it('a file that does not exist and a directory are usage errors without a stack', () => {
    for (const target of ['/nonexistent/x.csv', '/tmp']) {
      const r = run(['check', target]);
      expect(r.code).toBe(2);
      noStack(r.err);
    }
  });
});

/**
 * The failures of issue 18 that reached the user through the command, each run on the
 * built command: once one cell ended a run with exit code 2 and no rows, a hostile .xlsx
 * took gigabytes and a V8 stack trace, and normalize wrote changed lines without a word.
 */
describe('issue 18 through the command', () => {
  it('parse: a number written twice (1.5点五, 三点五点五) is its line\'s INVALID_NUMBER, every other line is answered (exit 1, was 2 with no output)', () => {
    const args = run(['parse', '1.5点五', '≥1', '三点五点五']);
    expect(args.code).toBe(1);
    noStack(args.err);
    const out = args.lines.map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(out[0].error).toMatchObject({ code: 'INVALID_NUMBER', offset: 3, length: 2 });
    expect(out[1]).toMatchObject({ kind: 'compare' });
    expect(out[2].error).toMatchObject({ code: 'INVALID_NUMBER', offset: 3, length: 2 });
    const stdin = run(['parse'], '1.5点五\n≥1\n');
    expect(stdin.code).toBe(1);
    expect(stdin.lines.map((l) => JSON.parse(l).error?.code ?? null)).toEqual(['INVALID_NUMBER', null]);
  });

  it('eval: as the actual it is an unknown verdict (exit 0), as the target its error (exit 1), never a stack', () => {
    const actual = run(['eval', '≥1', '1.5点五', '--json']);
    expect(actual.code).toBe(0);
    expect(JSON.parse(actual.out)).toMatchObject({ status: 'unknown', reason: { code: 'UNPARSEABLE_ACTUAL' } });
    const target = run(['eval', '1.5点五', '1', '--json']);
    expect(target.code).toBe(1);
    expect(JSON.parse(target.out).error).toMatchObject({ code: 'INVALID_NUMBER' });
    noStack(actual.err + target.err);
  });

  it('normalize: an over-long line keeps its place with its error and is named, above the header too (exit 1)', () => {
    const text = `标题${'x'.repeat(100)}\n指标名称,指标值\n甲${'y'.repeat(100)},≥1\n乙,≥2\n`;
    const r = run(['normalize', '-', '--max-line-bytes', '60', '--locale', 'en'], text);
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(4);
    expect(r.lines[0]).toContain('LINE_TOO_LONG: Line 1 is longer than 60 bytes');
    expect(r.lines[2]).toContain('LINE_TOO_LONG: Line 3 is longer than 60 bytes');
    expect(r.lines[3]).toMatch(/^乙,≥2,compare,/);
    expect(r.err).toContain('lines 1, 3 have an error (see the error column)');
  });

  it('normalize: bytes written back as U+FFFD in the header row are named too (exit 1, was 0: "no input cell is changed")', () => {
    const body = Buffer.concat([Buffer.from('指标名称,指标值,备注'), Buffer.from([0xff, 0xfe]), Buffer.from('\n甲,≥1,\n')]);
    const r = run(['normalize', '-', '--locale', 'en'], body);
    expect(r.lines[0]).toContain('\ufffd');
    expect(r.code).toBe(1);
    expect(r.err).toContain('line 1 has an error');
  });

  it('hostile .xlsx coordinates, numbers and XML: every row accounted for, under 400 MB, no stack (were 4.9 GB and V8 aborts)', () => {
    const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const head = `<row r="1">${inline('A1', '指标名称')}${inline('B1', '指标值')}${inline('C1', '实际完成值')}</row>`;
    const data = (r: number, name: string) => `<row r="${r}">${inline(`A${r}`, name)}${inline(`B${r}`, '≥90%')}${inline(`C${r}`, '95%')}</row>`;
    const cases: Record<string, { sheet: string; lines: number[]; errors: number[] }> = {
      // Two billion blank rows were filled in before the row (4.9 GB, heap out of memory).
      farRow: { sheet: `${head}${data(2, '甲')}<row r="2000000000">${inline('A2000000000', '乙')}</row>${data(3, '丙')}`, lines: [2, 2_000_000_000, 3], errors: [2_000_000_000] },
      // Columns up to ZZZZZZZ were filled in (2.5 GB, SIGTRAP).
      farColumn: { sheet: `${head}<row r="2">${inline('A2', '甲')}${inline('ZZZZZZZ2', '远')}</row>${data(3, '丙')}`, lines: [2, 3], errors: [2] },
      // An oversized number discarded every row not yet written.
      hugeNumber: { sheet: `${head}${data(2, '甲')}<row r="3"><c r="A3" t="inlineStr"><is><t>乙</t></is></c><c r="B3"><v>1E+999999999</v></c></row>${data(4, '丁')}`, lines: [2, 3, 4], errors: [3] },
      // An XML error discarded every row; now the rows before it stand and the error says the rest was not read.
      xmlError: { sheet: `${head}${data(2, '甲')}<row r="3"><c r="A3"><v>a & b</v></c></row>${data(4, '丁')}`, lines: [2, 3], errors: [3] },
    };
    const probe = "data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
    for (const [name, c] of Object.entries(cases)) {
      const path = file(`${name}.xlsx`, workbookOf(sheetXml(c.sheet)));
      const r = spawnSync(process.execPath, ['--max-old-space-size=400', '--import', probe, CLI, 'check', path, '--format', 'jsonl'], { cwd: ROOT });
      const err = r.stderr.toString();
      expect(r.status, `${name}: ${err}`).toBe(1);
      noStack(err);
      const out = r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as { line: number; error: unknown });
      expect(out.map((x) => x.line), name).toEqual(c.lines);
      expect(out.filter((x) => x.error !== null).map((x) => x.line), name).toEqual(c.errors);
      expect(Number(/MAXRSS (\d+)/.exec(err)![1]) * 1024, name).toBeLessThan(400 * 1024 * 1024);
    }
  }, 60_000);
});
