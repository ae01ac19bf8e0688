import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, run, STACK } from './helpers.js';

describe('indicator-expr eval', () => {
  it('prints one verdict JSON line', () => {
    const r = run(['eval', '≥50亿元', '52.3亿元']);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(JSON.parse(r.lines[0]!)).toEqual({
      status: 'pass', op: '>=', opSource: 'written', reason: null, assumedUnit: null,
      target: {
        kind: 'compare', op: '>=', implicit: false, text: '≥50亿元', label: null, note: null,
        quantity: { value: '50', unit: '亿元', dimension: 'currency', base: { value: '5000000000', unit: '元' }, known: true },
      },
      actual: { value: '52.3', unit: '亿元', dimension: 'currency', base: { value: '5230000000', unit: '元' }, known: true },
      margin: '230000000',
      completion: '1.046',
    });
  });

  it('a failed or unknown verdict still exits 0; --fail-on makes it 1', () => {
    const fail = run(['eval', '≤3个工作日', '4个工作日']);
    expect(fail.code).toBe(0);
    expect(JSON.parse(fail.out)).toMatchObject({ status: 'fail', reason: { code: 'ABOVE_TARGET', message: '实际值 4个工作日 超出目标 ≤3个工作日' } });
    expect(run(['eval', '≤3个工作日', '4个工作日', '--fail-on', 'fail']).code).toBe(1);
    expect(run(['eval', '≤3个工作日', '2个工作日', '--fail-on', 'fail']).code).toBe(0);
    const unknown = run(['eval', '≥95%', '5天', '--fail-on', 'unknown']);
    expect(JSON.parse(unknown.out).reason.code).toBe('UNIT_MISMATCH');
    expect(unknown.code).toBe(1);
  });

  it('with --weight prints {"verdict", "score"}', () => {
    const r = run(['eval', '≤3个工作日', '4个工作日', '--weight', '10']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out);
    expect(Object.keys(o)).toEqual(['verdict', 'score']);
    expect(o.verdict.status).toBe('fail');
    expect(o.score).toEqual({ score: '7.5', weight: '10', ratio: '0.75', rule: 'lower-better-ratio', status: 'fail', deviation: false });
    expect(JSON.parse(run(['eval', '≤3个工作日', '4个工作日', '--weight', '10', '--reverse-rule', 'linear']).out).score.score).toBe('6.67');
    expect(JSON.parse(run(['eval', '健全', '基本健全', '--weight', '10', '--band', '0.5']).out).score.score).toBe('7');
    expect(JSON.parse(run(['eval', '≥3', '2', '--weight', '1', '--scale', '4']).out).score.score).toBe('0.6667');
  });

  it('takes --polarity, --indicator, --tolerance, --year, --equals and --locale', () => {
    const implicit = (args: string[]) => JSON.parse(run(['eval', '100件', '120件', ...args]).out);
    expect(implicit([])).toMatchObject({ status: 'pass', op: '>=', opSource: 'default' });
    expect(implicit(['--indicator', '投诉件数'])).toMatchObject({ status: 'fail', op: '<=', opSource: 'indicator' });
    expect(implicit(['--indicator', '投诉件数', '--polarity', 'positive'])).toMatchObject({ status: 'pass', opSource: 'option' });
    expect(JSON.parse(run(['eval', '90%左右', '80%']).out).status).toBe('fail');
    expect(JSON.parse(run(['eval', '90%左右', '80%', '--tolerance', '10个百分点']).out).status).toBe('pass');
    expect(JSON.parse(run(['eval', '12月底前', '2023-01-05']).out)).toMatchObject({ status: 'unknown', reason: { code: 'NEEDS_YEAR' } });
    expect(JSON.parse(run(['eval', '12月底前', '2023-01-05', '--year', '2022']).out).status).toBe('fail');
    expect(JSON.parse(run(['eval', '=100%', '101%', '--equals', 'exact']).out).status).toBe('fail');
    expect(JSON.parse(run(['eval', '≥95%', '90%', '--locale', 'en']).out).reason.message).toBe('The actual value 90% does not reach the target ≥95%');
  });

  it('reads an actual that starts with "-" as a value, with or without --', () => {
    expect(JSON.parse(run(['eval', '=0%', '-3.5%']).out)).toMatchObject({ status: 'pass', actual: { value: '-3.5' } });
    expect(JSON.parse(run(['eval', '--weight', '1', '=0%', '--', '-3.5%']).out).score.score).toBe('1');
    expect(JSON.parse(run(['eval', '≥-5', '-0.5']).out).actual.value).toBe('-0.5');
    // An option's own value that starts with "-" is written with "=".
    expect(JSON.parse(run(['eval', '90%左右', '80%', '--tolerance=10个百分点']).out).status).toBe('pass');
  });

  it('a target that cannot be parsed prints its error as parse does, and exits 1', () => {
    const r = run(['eval', '≥', '5']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ text: '≥', error: { code: 'MISSING_NUMBER', message: '“≥”之后缺少数值', offset: 0, length: 1 } });
  });

  it('exits 2 on usage errors, with a message in Chinese (English with --locale en) and no stack trace', () => {
    for (const [args, message] of [
      [['eval'], /eval 需要两个参数：指标值和实际值，但给了 0 个/],
      [['eval', '--locale', 'en'], /takes a target and an actual value, got 0 arguments/],
      [['eval', '≥1', '--locale', 'en'], /got 1 argument$/m],
      [['eval', '≥1', '2', '3'], /但给了 3 个/],
      [['eval', '≥1', '2', '--weight=-1'], /--weight 须为不小于 0 的数，而不是“-1”/],
      [['eval', '≥1', '2', '--weight', 'x', '--locale', 'en'], /--weight must be a number of at least 0, not "x"/],
      [['eval', '≥1', '2', '--polarity', 'up'], /--polarity 只能是 positive 或 negative，而不是“up”/],
      [['eval', '≥1', '2', '--polarity', 'up', '--locale', 'en'], /--polarity must be positive or negative, not "up"/],
      [['eval', '≥1', '2', '--tolerance', 'much'], /--tolerance 须为不小于 0 的量/],
      [['eval', '≥1', '2', '--year', '22'], /--year 须为四位年份/],
      [['eval', '≥1', '2', '--scale', '99', '--locale', 'en'], /--scale must be a whole number from 0 to 40/],
      [['eval', '≥1', '2', '--nope'], /eval 没有选项 --nope/],
      [['eval', '≥1', '2', '--wieght', '3'], /eval 没有选项 --wieght；是不是 --weight？/],
    ] as const) {
      const r = run([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
      expect(r.out).toBe('');
      expect(r.err).not.toMatch(STACK);
    }
  });
});

describe('indicator-expr eval, to read', () => {
  it('--format text: the status in words, the op and its source, the margin in the written unit, the reason', () => {
    const r = run(['eval', '≥50亿元', '52.3亿元', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('结果：达成\n指标值：≥50亿元（比较 ≥，写明的符号）\n实际值：52.3亿元\n差额：+2.3亿元\n完成度：104.6%\n');
    const fail = run(['eval', '3个工作日', '4个工作日', '--indicator', '住房公积金贷款办理时限', '--weight', '10', '--format', 'text']);
    expect(fail.out).toBe([
      '结果：未达成', '指标值：3个工作日（比较 ≤，由指标名称推断）', '实际值：4个工作日', '差额：+1个工作日', '完成度：75%',
      '原因：实际值 4个工作日 超出目标 ≤3个工作日', '得分：7.5 / 10（lower-better-ratio）', '',
    ].join('\n'));
  });

  it('in English with --locale en; a margin of percentages is in percentage points', () => {
    const r = run(['eval', '≥95%', '90%', '--format', 'text', '--locale', 'en']);
    expect(r.out).toBe([
      'Result: fail', 'Target: ≥95% (compared ≥, as written)', 'Actual: 90%', 'Margin: -5 percentage points', 'Completion: 94.74%',
      'Reason: The actual value 90% does not reach the target ≥95%', '',
    ].join('\n'));
    expect(run(['eval', '健全', '基本健全', '--format', 'text']).out).toBe('结果：部分达成\n指标值：健全\n实际值：基本健全\n原因：实际完成情况“基本健全”表明部分达成目标\n');
    expect(run(['eval', '≥95%', '5天', '--format', 'text', '--locale', 'en']).out).toMatch(/^Result: unknown\n/);
  });

  it('a target that cannot be parsed: its error in words, exit 1', () => {
    const r = run(['eval', '≥', '5', '--format', 'text']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('错误：“≥”之后缺少数值（MISSING_NUMBER）\n');
  });

  // The terminal path runs under script(1), which gives the command a pty.
  const hasScript = existsSync('/usr/bin/script');
  const tty = (args: string) => spawnSync('/usr/bin/script', ['-qec', `${process.execPath} ${CLI} eval ${args}`, '/dev/null'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000,
  }).stdout.replace(/\r\n/g, '\n');

  it.skipIf(!hasScript)('is the default on a terminal; --json (or --format json) gives JSON there too', () => {
    expect(tty("'≥50亿元' '52.3亿元'")).toBe(run(['eval', '≥50亿元', '52.3亿元', '--format', 'text']).out);
    const json = run(['eval', '≥50亿元', '52.3亿元']).out;
    expect(tty("'≥50亿元' '52.3亿元' --json")).toBe(json);
    expect(tty("'≥50亿元' '52.3亿元' --format json")).toBe(json);
    // Piped, JSON whatever the terminal around it.
    expect(JSON.parse(json).status).toBe('pass');
  });
});

describe('indicator-expr --help', () => {
  it('lists every command, in Chinese by default and in English with --locale en', () => {
    const zh = run(['--help']);
    expect(zh.code).toBe(0);
    for (const s of ['indicator-expr parse', 'indicator-expr check FILE|-', 'indicator-expr normalize FILE|-', 'indicator-expr eval TARGET ACTUAL', '退出码：0']) {
      expect(zh.out).toContain(s);
    }
    const en = run(['--help', '--locale', 'en']);
    expect(en.out).toContain('Exit codes: 0');
    expect(en.out).toContain('indicator-expr help COMMAND');
  });
});
