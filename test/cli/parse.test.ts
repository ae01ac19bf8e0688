import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** These run the built command (`npm test` builds first), exactly as a user runs it. */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr, lines: r.stdout.split('\n').filter((l, i, a) => i < a.length - 1 || l !== '') };
}

describe('indicator-expr parse (built command)', () => {
  it('is built', () => expect(existsSync(CLI)).toBe(true));

  it('answers each argument with one JSON line', () => {
    const r = run(['parse', '≥50亿元', '90%左右']);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(2);
    expect(JSON.parse(r.lines[0]!)).toMatchObject({ kind: 'compare', op: '>=', quantity: { base: { value: '5000000000', unit: '元' } } });
    expect(JSON.parse(r.lines[1]!).kind).toBe('approx');
  });

  it('reads standard input: output line N answers input line N, blank lines included', () => {
    const r = run(['parse'], '≥50亿元\n\n健全\n≥\r\n3个工作日\n');
    expect(r.code).toBe(1);
    expect(r.lines).toHaveLength(5);
    const parsed = r.lines.map((l) => JSON.parse(l));
    expect(parsed[0].kind).toBe('compare');
    expect(parsed[1]).toEqual({ text: '', error: { code: 'EMPTY', message: '指标值为空', offset: 0, length: 0 } });
    expect(parsed[2].term).toBe('健全');
    expect(parsed[3]).toMatchObject({ text: '≥', error: { code: 'MISSING_NUMBER', offset: 0, length: 1 } });
    expect(parsed[4].quantity.unit).toBe('个工作日');
  });

  it('a final newline ends the last line without starting another; no newline works too', () => {
    expect(run(['parse'], '=100%\n').lines).toHaveLength(1);
    expect(run(['parse'], '=100%').lines).toHaveLength(1);
    expect(run(['parse'], '').lines).toHaveLength(0);
  });

  it('exits 0 when every line parsed', () => {
    expect(run(['parse'], '=100%\n≤1‰\n').code).toBe(0);
  });

  it('takes --locale en and --year', () => {
    const r = run(['parse', '--locale', 'en', '--year', '2023', '≥', '12月底前']);
    expect(JSON.parse(r.lines[0]!).error.message).toBe('A number is missing after "≥"');
    expect(JSON.parse(r.lines[1]!).date).toEqual({ year: 2023, month: 12, day: 31 });
  });

  it('exits 2 on usage errors, with a message and no stack trace', () => {
    for (const args of [['parse', '--locale', 'fr', 'x'], ['parse', '--bogus'], ['nonsense'], [], ['parse', '--year']]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.err + r.out).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('says what is wrong, in Chinese or with --locale en in English', () => {
    expect(run(['parse', '--locale', 'fr', 'x']).err).toContain('--locale 只能是 zh 或 en，而不是“fr”');
    expect(run(['parse', '--year', '22', '--locale', 'en', 'x']).err).toContain('--year must be a four-digit year (such as 2022), not "22"');
    expect(run(['parse', '--fen', 'yuan']).err).toContain('--fen 只能是 score 或 cent');
  });

  it('prints --help and --version', () => {
    const h = run(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toContain('indicator-expr parse');
    const v = run(['--version']);
    expect(v.code).toBe(0);
    expect(v.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('answers each line of standard input as it arrives, before the next one is written', async () => {
    const child = spawn(process.execPath, [CLI, 'parse'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const waiters: (() => void)[] = [];
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => { out += d; waiters.splice(0).forEach((w) => w()); });
    const lines = async (n: number): Promise<string[]> => {
      while (out.split('\n').length - 1 < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return out.split('\n').slice(0, n);
    };
    child.stdin.write('≥50亿元\n');
    // Standard input is still open: the answer must come now, not at its end.
    expect(JSON.parse((await lines(1))[0]!).kind).toBe('compare');
    child.stdin.write('健全\n');
    expect(JSON.parse((await lines(2))[1]!).term).toBe('健全');
    child.stdin.write('≥\n');
    expect(JSON.parse((await lines(3))[2]!).error.code).toBe('MISSING_NUMBER');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out.split('\n')).toHaveLength(4);
  }, 20_000);

  it('streams a large input in order', () => {
    const input = Array.from({ length: 20000 }, (_, i) => `≥${i}%`).join('\n');
    const r = run(['parse'], input);
    expect(r.code).toBe(0);
    expect(r.lines).toHaveLength(20000);
    expect(JSON.parse(r.lines[19999]!).quantity.value).toBe('19999');
  });
});
