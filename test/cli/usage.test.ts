import { chmodSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, run, STACK, tempDir, XLSX } from './helpers.js';

/**
 * The command as people use it: help for each command, usage errors in the language
 * asked for with a suggestion, file errors in words, inputs that cannot be worked with.
 */
const file = tempDir();
const COMMANDS = ['check', 'normalize', 'eval', 'parse'] as const;

describe('help', () => {
  it('<command> --help, -h and help <command> exit 0 with that command\'s help', () => {
    for (const command of COMMANDS) {
      const long = run([command, '--help']);
      expect(long.code, command).toBe(0);
      expect(long.err).toBe('');
      expect(long.out).toMatch(new RegExp(`^用法：indicator-expr ${command} `));
      expect(long.out).toContain('--locale zh|en');
      expect(run([command, '-h']).out).toBe(long.out);
      expect(run(['help', command]).out).toBe(long.out);
    }
    // Each command lists its own options, not the others'.
    expect(run(['check', '--help']).out).toContain('--format table|csv|jsonl|html|xlsx');
    expect(run(['check', '--help']).out).toContain('-o, --output FILE');
    expect(run(['check', '--help']).out).toContain('--sheet NAME|N');
    expect(run(['parse', '--help']).out).not.toContain('--sheet');
    expect(run(['eval', '--help']).out).toContain('--json');
    expect(run(['normalize', '--help']).out).toContain('--column COLUMN');
  });

  it('wins over other options, even wrong ones, and speaks English with --locale en', () => {
    const r = run(['check', 'no-such.csv', '--bogus', '--help', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: indicator-expr check FILE\|- \[OPTIONS\]\n/);
    expect(r.out).toContain('  --format table|csv|jsonl|html|xlsx\n                              the output format');
    expect(run(['help', 'eval', '--locale', 'en']).out).toMatch(/^Usage: indicator-expr eval TARGET ACTUAL/);
  });

  it('help for a command that does not exist is a usage error with a suggestion', () => {
    const r = run(['help', 'chek']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知命令“chek”');
    expect(r.err).toContain('是不是 check？');
    expect(run(['nromalize', '--locale', 'en']).err).toContain('Unknown command "nromalize" (the commands are check, normalize, eval, parse); did you mean normalize?');
  });
});

describe('usage errors', () => {
  it('an unknown flag: in Chinese by default, with the nearest flag of that command', () => {
    const r = run(['check', EXAMPLE, '--fromat', 'table']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('indicator-expr: check 没有选项 --fromat；是不是 --format？\n运行“indicator-expr check --help”查看用法。\n');
    const en = run(['check', EXAMPLE, '--fromat', 'table', '--locale', 'en']);
    expect(en.err).toBe('indicator-expr: check has no option --fromat; did you mean --format?\nRun "indicator-expr check --help" for usage.\n');
    // --locale=en works too, and anywhere on the line.
    expect(run(['parse', '--locale=en', '--yaer', '2022']).err).toContain('parse has no option --yaer; did you mean --year?');
    // Nothing near: no suggestion.
    expect(run(['check', EXAMPLE, '--zzzzzz']).err).toBe('indicator-expr: check 没有选项 --zzzzzz\n运行“indicator-expr check --help”查看用法。\n');
  });

  it('a bad choice names the choices, with the nearest one', () => {
    const r = run(['check', EXAMPLE, '--format', 'tabel']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format 只能是 table、csv、jsonl、html 或 xlsx，而不是“tabel”；是不是“table”？');
    expect(run(['eval', '1', '2', '--format', 'jsonn', '--locale', 'en']).err).toContain('--format must be text or json, not "jsonn"; did you mean "json"?');
  });

  it('an option without its value, and a flag given a value', () => {
    expect(run(['check', EXAMPLE, '--format']).err).toContain('--format 需要一个值（table|csv|jsonl|html|xlsx）');
    // The next option is not a value.
    expect(run(['check', EXAMPLE, '--target', '--quiet']).err).toContain('--target 需要一个值（COLUMN）');
    expect(run(['check', EXAMPLE, '--quiet=yes', '--locale', 'en']).err).toContain('--quiet takes no value');
  });

  it('a column option naming a column that does not exist: the nearest header cell, exit 2', () => {
    const table = '指标名称,目标值,实际值\n满意度,≥90%,95%\n';
    const r = run(['check', '-', '--target', '目标值x'], table);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('indicator-expr: 表头（第 1 行）中没有“目标值x”列（--target）；是不是“目标值”？\n');
    const en = run(['check', '-', '--actual', '完成', '--locale', 'en'], table);
    expect(en.err).toBe('indicator-expr: The header (line 1) has no column "完成" (--actual); the header has "指标名称", "目标值", "实际值"\n');
    // With the header's line given, and for normalize's --column.
    expect(run(['check', '-', '--header', '1', '--target', '目标值x'], table).err).toContain('是不是“目标值”？');
    const n = run(['normalize', '-', '--column', '目标'], table);
    expect(n.code).toBe(2);
    expect(n.err).toContain('表头（第 1 行）中没有“目标”列（--column）；是不是“目标值”？');
    // The old message is gone.
    expect(r.err + en.err + n.err).not.toMatch(/no header row|没有表头行/i);
  });

  it('an option that does not apply to the input or the output is an error', () => {
    const sheet = run(['check', EXAMPLE, '--sheet', '2']);
    expect(sheet.code).toBe(2);
    expect(sheet.err).toBe('indicator-expr: --sheet 只适用于 .xlsx 表格，而输入是 CSV\n');
    expect(run(['normalize', EXAMPLE, '--sheet', 'x', '--locale', 'en']).err).toBe('indicator-expr: --sheet applies to .xlsx tables only; the input is CSV\n');
    const encoding = run(['check', XLSX, '--encoding', 'gbk']);
    expect(encoding.code).toBe(2);
    expect(encoding.err).toContain('--encoding 只适用于 CSV/TSV/JSON lines 表格，而输入是 XLSX');
    expect(run(['check', EXAMPLE, '--format', 'table', '--bom']).err).toContain('--bom 只适用于 --format csv');
    expect(run(['check', EXAMPLE, '--format', 'jsonl', '--color', 'always']).err).toContain('--color 只适用于 --format table');
    expect(run(['eval', '1', '2', '--json', '--format', 'text']).err).toContain('--json 与 --format text 不能同时使用');
    expect(run(['check', EXAMPLE, '-o', 'x.csv']).err).toContain('--output 只写 .xlsx 或 .html 文件，而不是“x.csv”');
    expect(run(['check', EXAMPLE, '-o', 'x.csv', '--locale', 'en']).err).toContain('--output writes .xlsx or .html files, not "x.csv"');
    // The right format is fine.
    expect(run(['check', XLSX, '--sheet', '1', '--format', 'jsonl', '--quiet']).code).toBe(0);
  });
});

describe('inputs that cannot be read', () => {
  it('a missing file, a directory: in words, in both languages, never ENOENT or a stack', () => {
    const missing = run(['check', 'no-such.csv']);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe('indicator-expr: 文件不存在：no-such.csv\n');
    expect(run(['normalize', 'no/such.csv', '--locale', 'en']).err).toBe('indicator-expr: File not found: no/such.csv\n');
    const dir = file('a-directory.csv', '');
    const folder = `${dir}.d`;
    mkdirSync(folder);
    const d = run(['check', folder]);
    expect(d.code).toBe(2);
    expect(d.err).toBe(`indicator-expr: “${folder}”是一个目录，不是文件\n`);
    expect(run(['check', folder, '--locale', 'en']).err).toBe(`indicator-expr: "${folder}" is a directory, not a file\n`);
    for (const r of [missing, d]) expect(r.err).not.toMatch(/ENOENT|EISDIR|errno/);
    expect(missing.err + d.err).not.toMatch(STACK);
  });

  it.skipIf(process.getuid?.() === 0)('a file without permission to read it', () => {
    const locked = file('locked.csv', '三级指标,全年指标值\n甲,≥1\n');
    chmodSync(locked, 0o000);
    const r = run(['check', locked]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`indicator-expr: 没有读取“${locked}”的权限\n`);
  });

  it('an empty file and empty standard input are usage errors; a header without rows is not', () => {
    const empty = file('empty.csv', '');
    for (const command of ['check', 'normalize']) {
      const r = run([command, empty]);
      expect(r.code, command).toBe(2);
      expect(r.err).toBe(`indicator-expr: 文件“${empty}”是空的，没有可读的内容\n`);
      expect(r.out).toBe('');
    }
    expect(run(['check', '-', '--locale', 'en'], '').err).toBe('indicator-expr: Standard input is empty: there is nothing to read\n');
    expect(run(['check', file('blank.csv', '\n \n\n')]).code).toBe(2);
    expect(run(['check', file('header.csv', '三级指标,全年指标值,实际完成值\n'), '--format', 'jsonl']).code).toBe(0);
  });
});
