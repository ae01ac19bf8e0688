import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkedRowToJSON, checkTable, type CheckedRow } from '../../src/table/index.js';
import { rows, run } from '../cli/helpers.js';

/**
 * contract.md, `check`: a blank indicator name (三级指标) is never filled from the row above,
 * only the grouping columns are; its row is judged without a name, and no verdict takes its
 * polarity from another row's name. Carried down, a blank name under `办公支出` read the
 * next row lower-is-better, and its miss became a pass.
 */

const SONGGANG = fileURLToPath(new URL('../fixtures/corpus/songgang-2021-2023.tsv', import.meta.url));

async function collect(it: AsyncIterable<CheckedRow>): Promise<CheckedRow[]> {
  const out: CheckedRow[] = [];
  for await (const x of it) out.push(x);
  return out;
}

// Row 3 has no name: an implicit target read by the default (≥ for money), not as 办公支出's ≤.
// Row 5 has no name under a positive one: a duration is read by the default ≤, not as 完成率's ≥.
const TABLE = [
  '一级指标,二级指标,三级指标,全年指标值,实际完成值,分值',
  '产出,成本,机关日常办公支出,100万元,90万元,10',
  ',,,100万元,90万元,10',
  '效益,时效,项目完成率,3天,4天,10',
  ',,,3天,4天,10',
].join('\n');

describe('a blank indicator name', () => {
  it('is judged without a name through checkTable: no polarity from the row above', async () => {
    const out = await collect(checkTable(Buffer.from(TABLE)));
    expect(out.map((r) => [r.line, r.indicator, r.record?.levels, r.verdict?.op, r.verdict?.opSource, r.verdict?.status])).toEqual([
      [2, '机关日常办公支出', ['产出', '成本'], '<=', 'indicator', 'pass'],
      [3, '', ['产出', '成本'], '>=', 'default', 'fail'],
      [4, '项目完成率', ['效益', '时效'], '>=', 'indicator', 'pass'],
      [5, '', ['效益', '时效'], '<=', 'default', 'fail'],
    ]);
    expect(out.map((r) => r.score?.score?.toString())).toEqual(['10', '9', '10', '7.5']);
  });

  it('is judged without a name by the command, as checkTable judges it', async () => {
    const r = run(['check', '-', '--format', 'jsonl'], TABLE);
    expect(r.code).toBe(0);
    const out = rows(r);
    expect(out.map((o) => [o.indicator, o.verdict.op, o.verdict.opSource, o.verdict.status])).toEqual([
      ['机关日常办公支出', '<=', 'indicator', 'pass'],
      ['', '>=', 'default', 'fail'],
      ['项目完成率', '>=', 'indicator', 'pass'],
      ['', '<=', 'default', 'fail'],
    ]);
    const checked = await collect(checkTable(Buffer.from(TABLE)));
    expect(r.lines).toEqual(checked.map((c) => JSON.stringify(checkedRowToJSON(c))));
  });

  it('in the Songgang export: the one row without a name keeps its blank, not the 不适用 above it', async () => {
    const out = await collect(checkTable(SONGGANG));
    const at = (line: number) => out.find((r) => r.line === line)!;
    expect(at(407)).toMatchObject({ indicator: '不适用', error: { code: 'NOT_APPLICABLE' } });
    expect(at(408)).toMatchObject({ indicator: '', error: { code: 'NOT_APPLICABLE' } });
    expect(at(409)).toMatchObject({ indicator: '不适用' });
    const r = run(['check', SONGGANG, '--format', 'jsonl']);
    const cli = rows(r);
    expect(cli).toHaveLength(1886);
    expect(cli.find((o) => o.line === 408)).toMatchObject({ indicator: '' });
    expect(cli.filter((o) => o.indicator === '').map((o) => o.line)).toEqual([408]);
  });
});
