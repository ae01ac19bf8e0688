import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as ix from '../../src/index.js';
import { checkRows, checkStream, normalizeRows, TableError, type CheckedRow } from '../../src/table/index.js';

/**
 * Typed errors only, at every public function (issue 18): whatever a JavaScript caller
 * passes, what is thrown is an IndicatorError (INVALID_ARGUMENT and the like) with a
 * message in both languages, never a TypeError from inside or an error of decimal.js.
 */
const circular: Record<string, unknown> = { a: 1 };
circular['self'] = circular;
const hostile: Record<string, unknown> = {
  undefined, null: null, 'Object.create(null)': Object.create(null), circular, bigint: 10n, symbol: Symbol('s'),
  function: () => 1, NaN, Infinity, number: 5, boolean: true, '[]': [], '[null]': [null], '{}': {}, string: 'x', '""': '',
  '{ kind: compare }': { kind: 'compare' }, '{ value: 1, unit: 5 }': { value: 1, unit: 5 },
  'null-prototype qualitative': Object.assign(Object.create(null), { kind: 'qualitative', term: 5 }),
  'all of itself': (() => { const t: Record<string, unknown> = { kind: 'all', text: '', label: null, note: null }; t['targets'] = [t]; return t; })(),
};

type Call = (x: never) => unknown;
const q = (): ix.Quantity => ix.parseQuantity('1元');
const calls: Record<string, Call> = {
  'parseTarget(x)': (x) => ix.parseTarget(x),
  'parseTarget(text, x)': (x) => ix.parseTarget('≥1', x),
  'parseTarget({ op: x })': (x) => ix.parseTarget({ op: x, value: '3' }),
  'parseTarget({ value: x })': (x) => ix.parseTarget({ value: x }),
  'parseTarget({ unit: x })': (x) => ix.parseTarget({ value: '3', unit: x }),
  'tryParseTarget(x)': (x) => ix.tryParseTarget(x),
  'parseQuantity(x)': (x) => ix.parseQuantity(x),
  'parseQuantity(text, x)': (x) => ix.parseQuantity('1', x),
  'convert(x, 元)': (x) => ix.convert(x, '元'),
  'convert(q, x)': (x) => ix.convert(q(), x),
  'convert(q, 元, x)': (x) => ix.convert(q(), '元', x),
  'evaluate(x, 1)': (x) => ix.evaluate(x, '1'),
  'evaluate(≥1, x)': (x) => ix.evaluate('≥1', x),
  'evaluate(≥1, 1, x)': (x) => ix.evaluate('≥1', '1', x),
  'score(x, 1, 10)': (x) => ix.score(x, '1', 10),
  'score(≥1, x, 10)': (x) => ix.score('≥1', x, 10),
  'score(≥1, 1, x)': (x) => ix.score('≥1', '1', x),
  'score(≥1, 1, 10, x)': (x) => ix.score('≥1', '1', 10, x),
  'format(x)': (x) => ix.format(x),
  'toJSON(x)': (x) => ix.toJSON(x),
  'fromJSON(x)': (x) => ix.fromJSON(x),
  'verdictToJSON(x)': (x) => ix.verdictToJSON(x),
  'scoreToJSON(x)': (x) => ix.scoreToJSON(x),
  'grade(x)': (x) => ix.grade(x),
  'grade(90, x)': (x) => ix.grade(90, x),
  'createParser(x)': (x) => ix.createParser(x),
  'createParser({ units: x })': (x) => ix.createParser({ units: x }),
  'createParser({ units: [x] })': (x) => ix.createParser({ units: [x] }),
  'createParser({ extraUnits: [x] })': (x) => ix.createParser({ extraUnits: [x] }),
  'createParser({ classifiers: x })': (x) => ix.createParser({ classifiers: x }),
  'createParser({ words: x })': (x) => ix.createParser({ words: x }),
  'createParser({ units: [{ name: x }] })': (x) => ix.createParser({ units: [{ name: x, spellings: [], dimension: 'count', base: '个', factor: '1' }] }),
  'createParser({ units: [{ factor: x }] })': (x) => ix.createParser({ units: [{ name: '个', spellings: [], dimension: 'count', base: '个', factor: x }] }),
};

function thrown(f: () => unknown): unknown {
  try {
    f();
    return null;
  } catch (e) {
    return e;
  }
}

describe('every public function throws IndicatorError and nothing else', () => {
  for (const [name, call] of Object.entries(calls)) {
    it(name, () => {
      const untyped: string[] = [];
      for (const [label, value] of Object.entries(hostile)) {
        const e = thrown(() => call(value as never));
        if (e !== null && !(e instanceof ix.IndicatorError)) untyped.push(`${label}: ${String((e as Error).message ?? e)}`);
        if (e instanceof ix.IndicatorError) {
          expect(e.messages.zh).not.toMatch(/\{\w+\}/);
          expect(e.messages.en).not.toMatch(/\{\w+\}/);
        }
      }
      expect(untyped).toEqual([]);
    });
  }

  it('the cases of the issue, each INVALID_ARGUMENT in both languages', () => {
    const cases: Array<() => unknown> = [
      () => ix.parseTarget({ op: 5 as never, value: '3' }),
      () => ix.convert(Object.create(null), '元'),
      () => ix.toJSON(Object.create(null)),
      () => ix.format(null as never),
      () => ix.format({ kind: 'compare' } as never),
      () => ix.createParser({ units: [{ name: null } as never] }),
    ];
    for (const c of cases) {
      const e = thrown(c) as ix.IndicatorError;
      expect(e).toBeInstanceOf(ix.IndicatorError);
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.messages.zh).toMatch(/^参数无效：.*应为/);
      expect(e.messages.en).toMatch(/^Invalid argument: .*(expected|must|takes)/);
    }
  });

  it('what is valid still works: a number as the split value, null op and unit, a unit added', () => {
    expect(ix.toJSON(ix.parseTarget({ op: '≥', value: 95 as never, unit: '%' }))).toMatchObject({ op: '>=', quantity: { value: '95', unit: '%' } });
    expect(ix.parseTarget({ op: null, value: '健全', unit: null }).kind).toBe('qualitative');
    const p = ix.createParser({ extraUnits: [{ name: '标箱', spellings: ['TEU'], dimension: 'count', base: '标箱', factor: '1' }] });
    expect(p.parseQuantity('5TEU').known).toBe(true);
    expect(ix.format(ix.fromJSON(ix.toJSON(ix.parseTarget('≥50亿元'))) as ix.Target)).toBe('≥50亿元');
  });
});

async function all(rows: AsyncIterable<CheckedRow>): Promise<Array<[number, string | null]>> {
  const out: Array<[number, string | null]> = [];
  for await (const r of rows) out.push([r.line, r.error?.code ?? r.verdict?.status ?? null]);
  return out;
}

describe('the table API: a bad row is that row\'s error, the rows after it come back', () => {
  const header = ['三级指标', '指标值', '实际完成值'];

  it('checkRows: a null row, a circular cell, a bigint cell, number cells', async () => {
    const rows = [header, null, ['a', circular, '1'], ['b', { n: 10n }, '1'], ['c', 5, 6], ['d', '≥1', 1], 42, ['e', '≥1', 0]];
    expect(await all(checkRows(rows as never))).toEqual([
      [2, 'BAD_ROW'], [3, 'BAD_CELL'], [4, 'BAD_CELL'], [5, 'pass'], [6, 'pass'], [7, 'BAD_ROW'], [8, 'fail'],
    ]);
  });

  it('a bigint cell is its digits', async () => {
    expect(await all(checkRows([header, ['a', '≥10', 10n]] as never))).toEqual([[2, 'pass']]);
  });

  it('checkStream().write(42) is a row with an error, not silently dropped', async () => {
    const s = checkStream();
    const out: Array<[number, string | null]> = [];
    s.on('data', (r: CheckedRow) => out.push([r.line, r.error?.code ?? r.verdict?.status ?? null]));
    const ended = new Promise((resolve) => s.on('end', resolve));
    s.write(header);
    s.write(42);
    s.write(['a', '≥1', '2']);
    s.end();
    await ended;
    expect(out).toEqual([[2, 'BAD_ROW'], [3, 'pass']]);
  });

  it('a source that fails surfaces as a typed error with the cause attached', async () => {
    const cause = new Error('disk gone');
    async function* source(): AsyncGenerator<unknown> {
      yield header;
      yield ['a', '≥1', '2'];
      throw cause;
    }
    const seen: number[] = [];
    const e = await (async () => {
      try {
        for await (const r of checkRows(source() as never)) seen.push(r.line);
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(seen).toEqual([2]);
    expect(e).toBeInstanceOf(TableError);
    expect((e as TableError).code).toBe('READ_FAILED');
    expect((e as TableError).cause).toBe(cause);
    expect((e as TableError).messages.en).toContain('disk gone');
  });

  it('a Readable that errors, through normalizeRows too', async () => {
    const stream = new Readable({ objectMode: true, read() { this.push(header); this.destroy(new Error('boom')); } });
    await expect((async () => { for await (const _ of normalizeRows(stream as never)) void _; })()).rejects.toMatchObject({ code: 'READ_FAILED' });
  });

  it('a system error of the source (ENOENT) is wrapped too; a typed error of the caller passes as it is', async () => {
    const fail = (e: Error) => async function* (): AsyncGenerator<unknown> { yield header; throw e; };
    const enoent = Object.assign(new Error('no file'), { code: 'ENOENT', syscall: 'open' });
    await expect(all(checkRows(fail(enoent)() as never))).rejects.toMatchObject({ name: 'TableError', code: 'READ_FAILED', cause: enoent });
    const typed = Object.assign(new Error('usage'), { code: 'NO_INPUT' });
    await expect(all(checkRows(fail(typed)() as never))).rejects.toBe(typed);
  });

  it('rows that are not iterable are an option error', async () => {
    await expect(all(checkRows(42 as never))).rejects.toMatchObject({ name: 'TableError', code: 'INVALID_OPTION' });
  });
});
