import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_PARSE_LINE_BYTES } from '../../src/cli/parse.js';
import { classifyRows, tableRows } from '../../src/table/index.js';
import { DEFAULT_HEADER_SEARCH_CHARS } from '../../src/table/header.js';
import { KEYED_CACHE_SIZE } from '../../src/table/rows.js';
import type { RawRow } from '../../src/table/types.js';
import { collect } from './helpers.js';

/** The limits of docs/security.md that bound memory, each at the limit and just past it. */
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const TABLE = fileURLToPath(new URL('../../dist/table.js', import.meta.url));
const PROBE = "data:text/javascript,process.on('exit',()=>process.stderr.write('MAXRSS '+process.resourceUsage().maxRSS+'\\n'))";
const rssOf = (stderr: string): number => Number(/MAXRSS (\d+)/.exec(stderr)![1]) * 1024;

describe('the header search holds bounded rows', () => {
  const raw = (line: number, cells: string[]): RawRow => ({ line, cells, error: null });
  // Two title rows of 10 characters each, then the header.
  const table = [raw(1, ['0123456789']), raw(2, ['0123456789']), raw(3, ['指标名称', '指标值']), raw(4, ['甲', '≥1'])];

  it('headerSearchChars: at the limit the header is found, one character less and it is not', async () => {
    const found = await collect(classifyRows(table, { headerSearchChars: 20 }));
    expect(found.map((r) => r.kind)).toEqual(['title', 'title', 'header', 'data']);
    await expect(collect(classifyRows(table, { headerSearchChars: 19 }))).rejects.toMatchObject({ code: 'NO_HEADER' });
    expect(DEFAULT_HEADER_SEARCH_CHARS).toBe(16 * 1024 * 1024);
    await expect(collect(classifyRows(table, { headerSearchChars: 0 }))).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });

  it('headerSearchRows: at the limit the header is found, one row less and it is not', async () => {
    expect((await collect(classifyRows(table, { headerSearchRows: 3 }))).map((r) => r.kind)).toContain('header');
    await expect(collect(classifyRows(table, { headerSearchRows: 2 }))).rejects.toMatchObject({ code: 'NO_HEADER' });
  });

  it('a header named by line far away does not hold every row before it', async () => {
    const rows = (function* () { for (let i = 1; i <= 5000; i++) yield raw(i, ['x'.repeat(1000)]); })();
    await expect(collect(classifyRows(rows, { header: 1_000_000_000, headerSearchChars: 1_000_000 }))).rejects.toMatchObject({ code: 'NO_HEADER' });
  });
});

describe('JSON lines with a new key set on every row', () => {
  it(`keep at most ${KEYED_CACHE_SIZE} key sets mapped: 300 000 of them run in a 48 MB heap`, () => {
    const script = `
      const { classifyRows } = await import(${JSON.stringify(TABLE)});
      function* rows() { for (let i = 1; i <= 300000; i++) yield { line: i, cells: ['甲', '≥1'], keys: ['指标名称' + i, '指标值'], error: null }; }
      let n = 0, bad = 0;
      for await (const r of classifyRows(rows())) { n++; if (r.record === null || r.record.target !== '≥1') bad++; }
      console.log(n, bad);`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=48', '--input-type=module', '-e', script]);
    expect(r.status, r.stderr.toString().slice(0, 500)).toBe(0);
    expect(r.stdout.toString().trim()).toBe('300000 0');
  }, 60_000);
});

describe('parse on standard input', () => {
  it('a line of MAX_PARSE_LINE_BYTES is read (and is too long for a cell); one byte more is not kept; the next line is parsed', () => {
    const at = 'x'.repeat(MAX_PARSE_LINE_BYTES);
    const r = spawnSync(process.execPath, [CLI, 'parse', '--locale', 'en'], { input: `${at}\n${at}x\n≥90%\n`, maxBuffer: 64 * 1024 * 1024 });
    const out = r.stdout.toString().trim().split('\n').map((l) => JSON.parse(l) as { error?: { code: string; message: string }; kind?: string });
    expect(r.status).toBe(1);
    expect(out.length).toBe(3);
    expect(out[0]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(out[0]!.error!.message).toContain(`length ${MAX_PARSE_LINE_BYTES}`);
    expect(out[1]!.error).toMatchObject({ code: 'INPUT_TOO_LONG' });
    expect(out[1]!.error!.message).toContain(`> ${MAX_PARSE_LINE_BYTES} bytes`);
    expect(out[2]).toMatchObject({ kind: 'compare' });
  });

  it('a 300 MB line streams through in bounded memory', async () => {
    const child = spawn(process.execPath, ['--import', PROBE, CLI, 'parse']);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    const chunk = Buffer.alloc(1024 * 1024, 0x39);
    for (let i = 0; i < 300; i++) if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
    child.stdin.end('\n≥1\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(1);
    expect(out.trim().split('\n').length).toBe(2);
    expect(rssOf(err)).toBeLessThan(200 * 1024 * 1024);
  }, 60_000);
});

describe('a stream cannot hold more than its limits', () => {
  it('tableRows takes headerSearchChars too', async () => {
    const rows = await collect(tableRows(Buffer.from('标题标题标题\n指标名称,指标值\n甲,≥1\n'), { headerSearchChars: 6 }));
    expect(rows.map((r) => r.kind)).toEqual(['title', 'header', 'data']);
  });
});
