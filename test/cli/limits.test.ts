/**
 * The limits of docs/security.md as flags of the command (issue 18): each raises or lowers
 * its limit for one run, checked on the built command at the limit and one past it, and
 * each flag's help names the default the library uses.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, IndicatorError, MAX_INPUT_LENGTH, parseTarget, toJSON, tryParseTarget } from '../../src/index.js';
import { MAX_PARSE_LINE_BYTES } from '../../src/cli/parse.js';
import { DEFAULT_HEADER_SEARCH_CHARS, DEFAULT_HEADER_SEARCH_ROWS } from '../../src/table/header.js';
import { DEFAULT_LIMITS } from '../../src/table/index.js';
import { readCentralDirectory } from '../../src/table/zip.js';
import { SHEET_HEAD, SHEET_TAIL, bombDeflate, sheetXml, workbookOf } from '../table/bombs.js';
import { run, tempDir } from './helpers.js';

const file = tempDir();
const jsonl = (out: string): Record<string, any>[] => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, any>);
const cellOf = (n: number): string => `≥${'0'.repeat(n - 2)}1`; // a target of n characters, ≥1
const table = (target: string): string => `指标名称,指标值,实际完成值\n甲,${target},5\n乙,≥1,2\n`;

describe('--max-length', () => {
  it('parse: a cell of the limit is read, one character more is INPUT_TOO_LONG, with the default and when raised', () => {
    expect(jsonl(run(['parse', cellOf(MAX_INPUT_LENGTH)]).out)[0]).toMatchObject({ kind: 'compare' });
    expect(jsonl(run(['parse', cellOf(MAX_INPUT_LENGTH + 1)]).out)[0]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(jsonl(run(['parse', '--max-length', '3000', cellOf(3000)]).out)[0]).toMatchObject({ kind: 'compare' });
    expect(jsonl(run(['parse', '--max-length', '3000', cellOf(3001)]).out)[0]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(jsonl(run(['parse', '--max-length', '5', '≥1234']).out)[0]).toMatchObject({ kind: 'compare' });
    expect(jsonl(run(['parse', '--max-length', '5', '≥12345']).out)[0]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
  });

  it('parse on standard input: a raised --max-length raises the line limit with it', () => {
    // 400 000 characters of 3 bytes each: 1.2 MB, over the default line limit of 1 MiB.
    const long = '好'.repeat(400_000);
    expect(jsonl(run(['parse'], `${long}\n`).out)[0]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(jsonl(run(['parse', '--max-length', '400000'], `${long}\n`).out)[0]).toMatchObject({ kind: 'qualitative' });
  });

  it('check, normalize and eval take it for their cells', () => {
    const past = cellOf(MAX_INPUT_LENGTH + 1);
    expect(jsonl(run(['check', '-', '--format', 'jsonl', '-q'], table(past)).out).map((r) => r['error']?.code ?? r['verdict'].status)).toEqual(['INPUT_TOO_LONG', 'pass']);
    expect(jsonl(run(['check', '-', '--format', 'jsonl', '-q', '--max-length', String(MAX_INPUT_LENGTH + 1)], table(past)).out)
      .map((r) => r['error']?.code ?? r['verdict'].status)).toEqual(['pass', 'pass']);
    expect(run(['normalize', '-', '-q'], table(past)).lines[1]).toContain('INPUT_TOO_LONG');
    expect(run(['normalize', '-', '-q', '--max-length', String(MAX_INPUT_LENGTH + 1)], table(past)).lines[1]).not.toContain('INPUT_TOO_LONG');
    expect(run(['eval', past, '5', '--json']).code).toBe(1);
    expect(JSON.parse(run(['eval', past, '5', '--json', '--max-length', String(MAX_INPUT_LENGTH + 1)]).out)).toMatchObject({ status: 'pass' });
  });

  it('a value that is no whole number of at least 1 is a usage error', () => {
    for (const bad of ['0', '-1', '1.5', 'x']) expect(run(['parse', '--max-length', bad, '≥1']).code, bad).toBe(2);
  });
});

describe('one number as written: 4 096 characters (docs/security.md)', () => {
  // Reached only with a raised --max-length: below it a cell is at most 2 000 characters.
  const digits = (n: number): string => '7'.repeat(n);

  it('the library: 4 096 digits are one exact number; 4 097 are UNEXPECTED_TOKEN at the 4 097th, one character long', () => {
    const at = parseTarget(`≥${digits(4096)}`, { maxLength: 5000 });
    expect(toJSON(at)).toMatchObject({ kind: 'compare', quantity: { value: digits(4096) } });
    let e: unknown = null;
    try {
      parseTarget(`≥${digits(4097)}`, { maxLength: 5000 });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(IndicatorError);
    expect(e).toMatchObject({ code: 'UNEXPECTED_TOKEN', offset: 4097, length: 1 });
    // A number's sign, point and thousands commas count as written.
    expect(tryParseTarget(`-${digits(4095)}`, { maxLength: 5000 }).ok).toBe(true);
    expect(tryParseTarget(`-${digits(4096)}`, { maxLength: 5000 })).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_TOKEN', offset: 4096, length: 1 } });
    // As an actual value, the same cut is an actual that cannot be read, never a wrong value.
    expect(evaluate('≥1', digits(4097), { maxLength: 5000 })).toMatchObject({ status: 'unknown', reason: { code: 'UNPARSEABLE_ACTUAL' } });
    expect(evaluate('≥1', digits(4096), { maxLength: 5000 }).status).toBe('pass');
  });

  it('the command: parse --max-length 5000 reads 4 096 digits and answers 4 097 with the error, its offset and length', () => {
    const out = jsonl(run(['parse', '--max-length', '5000', digits(4096), digits(4097)]).out);
    expect(out[0]).toMatchObject({ kind: 'compare', quantity: { value: digits(4096) } });
    expect(out[1]!.error).toMatchObject({ code: 'UNEXPECTED_TOKEN', offset: 4096, length: 1 });
  });
});

describe('what an error quotes of the input (docs/security.md)', () => {
  it('a message quotes 40 characters whole, 41 as 39 and an ellipsis; the offset and length still cover all of it', () => {
    const at = tryParseTarget(`50 ${'6'.repeat(40)}`, { locale: 'en' });
    expect(at).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_TOKEN', offset: 3, length: 40, message: `Unexpected "${'6'.repeat(40)}"` } });
    const past = tryParseTarget(`50 ${'6'.repeat(41)}`, { locale: 'en' });
    expect(past).toMatchObject({ ok: false, error: { code: 'UNEXPECTED_TOKEN', offset: 3, length: 41, message: `Unexpected "${'6'.repeat(39)}…"` } });
    expect(jsonl(run(['parse', '--locale', 'en', `50 ${'6'.repeat(41)}`]).out)[0]!.error.message).toBe(`Unexpected "${'6'.repeat(39)}…"`);
  });

  it('error.input keeps 64 characters of an input over the length limit, not more', () => {
    const input = (n: number): string => {
      const r = tryParseTarget('1'.repeat(n), { maxLength: 10 });
      if (r.ok) throw new Error('parsed');
      return r.error.input as string;
    };
    expect(input(64)).toHaveLength(64);
    expect(input(65)).toHaveLength(64);
    expect(input(MAX_INPUT_LENGTH * 10)).toHaveLength(64);
  });
});

describe('--max-line-bytes', () => {
  it('check: a line of that many bytes is read, one byte more is LINE_TOO_LONG and the next row goes on', () => {
    // Line 2 is `甲…,≥1`: n bytes of UTF-8 for n − 5 ASCII letters.
    const text = (n: number) => `指标名称,指标值\n甲${'x'.repeat(n - 8)},≥1\n乙,≥2\n`;
    expect(Buffer.byteLength(`甲${'x'.repeat(52)},≥1`)).toBe(60);
    const codes = (n: number) => jsonl(run(['check', '-', '--format', 'jsonl', '-q', '--max-line-bytes', '60'], text(n)).out).map((r) => r['error']?.code ?? null);
    expect(codes(60)).toEqual([null, null]);
    expect(codes(61)).toEqual(['LINE_TOO_LONG', null]);
  });

  it('parse: a line of that many bytes is read, one byte more is not kept', () => {
    // `≥` is 3 bytes: 10 bytes, then 11.
    const r = run(['parse', '--max-line-bytes', '10', '--locale', 'en'], '≥1234567\n≥12345678\n≥1\n');
    const out = jsonl(r.out);
    expect(out[0]).toMatchObject({ kind: 'compare' });
    expect(out[1]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(out[1]!.error.message).toContain('> 10 bytes');
    expect(out[2]).toMatchObject({ kind: 'compare' });
  });
});

describe('--max-record-lines and --max-record-chars (a quoted cell over lines)', () => {
  const codes = (args: string[], text: string): Array<[number, string | null]> =>
    jsonl(run(['check', '-', '--format', 'jsonl', '-q', ...args], text).out).map((r) => [r['line'], r['error']?.code ?? null]);

  it('lines: a quoted cell over that many lines is one cell, over one more it is BAD_QUOTE and the lines after it are rows', () => {
    const text = '指标名称,指标值\n甲,"健全\n完善\n有效"\n乙,≥2\n';
    expect(codes(['--max-record-lines', '3'], text)).toEqual([[2, null], [5, null]]);
    expect(codes(['--max-record-lines', '2'], text)).toEqual([[2, 'BAD_QUOTE'], [3, 'TOO_FEW_CELLS'], [4, 'TOO_FEW_CELLS'], [5, null]]);
  });

  it('characters: the lines held open may hold that many characters, not one more', () => {
    // Line 2 is `甲,"` and 17 letters: 20 characters held open before the quote closes on line 3.
    const text = (n: number) => `指标名称,指标值\n甲,"${'x'.repeat(n)}\ny"\n乙,≥2\n`;
    expect(codes(['--max-record-chars', '20'], text(17))).toEqual([[2, null], [4, null]]);
    expect(codes(['--max-record-chars', '20'], text(18))[0]).toEqual([2, 'BAD_QUOTE']);
  });

  it('the defaults are the library\'s; a value below 1 is a usage error', () => {
    const check = run(['check', '--help', '--locale', 'en']).out;
    expect(check).toContain(`(default ${DEFAULT_LIMITS.maxRecordLines})`);
    expect(check).toContain(`(default ${DEFAULT_LIMITS.maxRecordChars}, 4 Mi)`);
    for (const flag of ['--max-record-lines', '--max-record-chars']) expect(run(['check', '-', flag, '0'], '指标名称,指标值\n').code, flag).toBe(2);
  });
});

describe('--max-inflated-bytes and --max-inflate-ratio (.xlsx)', () => {
  const HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>指标名称</t></is></c><c r="B1" t="inlineStr"><is><t>指标值</t></is></c></row>';
  const row = (r: number) => `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>行${r}</t></is></c><c r="B${r}" t="inlineStr"><is><t>≥1</t></is></c></row>`;
  const lastError = (args: string[], path: string): string | null => {
    const rows = jsonl(run(['check', path, '--format', 'jsonl', '-q', ...args]).out);
    return rows.at(-1)!['error']?.code ?? null;
  };

  it('the inflated size: a workbook within it is read whole, one past it is cut with a row that says so', () => {
    const sheet = sheetXml(`${HEADER}${row(2)}${'<row/>'.repeat(50_000)}${row(3)}`);
    const wb = workbookOf(sheet);
    const path = file('stored.xlsx', wb);
    // The parts are stored (ratio 1); every part but the content types is read once.
    const total = [...readCentralDirectory(wb).values()].filter((e) => e.name !== '[Content_Types].xml').reduce((n, e) => n + e.size, 0);
    expect(lastError(['--max-inflated-bytes', String(total)], path)).toBeNull();
    expect(lastError(['--max-inflated-bytes', String(total - 1)], path)).toBe('BAD_CELL');
  });

  it('the ratio: a part of ratio ~688 : 1 is read under 1000, stopped under 600', () => {
    const path = file('bomb.xlsx', workbookOf(bombDeflate(`${SHEET_HEAD}${HEADER}<row/>`, 6, 20_000, `${row(3)}${SHEET_TAIL}`)));
    expect(lastError(['--max-inflate-ratio', '1000'], path)).toBeNull();
    expect(lastError(['--max-inflate-ratio', '600'], path)).not.toBeNull();
  });
});

describe('--header-search-rows', () => {
  it('at the limit the header is found; one row less and it is not (exit code 2)', () => {
    const text = '标题\n副标题\n指标名称,指标值\n甲,≥1\n';
    expect(run(['check', '-', '--format', 'jsonl', '-q', '--header-search-rows', '3'], text).code).toBe(0);
    expect(run(['check', '-', '--format', 'jsonl', '-q', '--header-search-rows', '2'], text).code).toBe(2);
  });

  it('past it, the message names the limit and its flag', () => {
    const r = run(['check', '-', '--locale', 'en', '--header-search-rows', '2'], '标题\n副标题\n指标名称,指标值\n甲,≥1\n');
    expect(r.err).toContain('the most rows the header search reads (2: headerSearchRows, --header-search-rows)');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('--header-search-chars', () => {
  // Two title rows of 10 characters each: 20 characters held before the header is seen.
  const text = '0123456789\n0123456789\n指标名称,指标值\n甲,≥1\n';

  it('check and normalize: at the limit the header is found, one character less and it is not (exit code 2)', () => {
    for (const command of ['check', 'normalize']) {
      const format = command === 'check' ? ['--format', 'jsonl'] : [];
      const at = run([command, '-', '-q', ...format, '--header-search-chars', '20'], text);
      expect(at.code, `${command} at the limit: ${at.err}`).toBe(0);
      expect(at.out, command).toContain('甲');
      const past = run([command, '-', '-q', '--locale', 'en', '--header-search-chars', '19'], text);
      expect(past.code, command).toBe(2);
      expect(past.out).toBe('');
      expect(past.err).toContain('more than the 19 characters the header search holds (headerSearchChars, --header-search-chars)');
    }
  });

  it('in Chinese too', () => {
    expect(run(['check', '-', '--header-search-chars', '19'], text).err).toContain('超过表头搜索字符数上限 19（headerSearchChars，命令行 --header-search-chars）');
  });

  it('the default is the library\'s (a search of 1000 rows holds them all), and a value below 1 is a usage error', () => {
    expect(run(['check', '-', '--format', 'jsonl', '-q'], text).code).toBe(0);
    for (const bad of ['0', '-1', '1.5', 'x', '']) {
      const r = run(['check', '-', '--header-search-chars', bad], text);
      expect(r.code, bad).toBe(2);
      expect(r.err, bad).toContain('--header-search-chars');
    }
  });
});

describe('the help names the defaults the library uses', () => {
  it('check and parse', () => {
    const check = run(['check', '--help', '--locale', 'en']).out;
    expect(check).toContain(`(default ${MAX_INPUT_LENGTH})`);
    expect(check).toContain(`(default ${DEFAULT_LIMITS.maxLineBytes}, 16 MiB)`);
    expect(check).toContain(`(default ${DEFAULT_LIMITS.maxInflatedBytes}, 256 MiB)`);
    expect(check).toContain(`(default ${DEFAULT_LIMITS.maxInflateRatio})`);
    expect(check).toContain(`(default ${DEFAULT_HEADER_SEARCH_ROWS})`);
    expect(check).toContain(`--header-search-chars N`);
    expect(check).toContain(`(default ${DEFAULT_HEADER_SEARCH_CHARS}, 16 Mi)`);
    expect(run(['normalize', '--help', '--locale', 'en']).out).toContain(`(default ${DEFAULT_HEADER_SEARCH_CHARS}, 16 Mi)`);
    expect(run(['parse', '--help', '--locale', 'en']).out).toContain(`(default ${MAX_PARSE_LINE_BYTES}, 1 MiB`);
  });
});
