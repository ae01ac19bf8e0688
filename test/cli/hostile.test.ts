import { describe, expect, it } from 'vitest';
import { rows, run, STACK, tempDir } from './helpers.js';

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
