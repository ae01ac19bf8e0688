import { describe, expect, it } from 'vitest';
import { checkTable } from '../../src/table/index.js';

/** Valid JSON numbers are numbers, whatever notation JSON allows (issue 18). */
describe('JSON lines: numbers written with an exponent', () => {
  it('1e21, 2.5E-1 and 1E+2 are read exactly, not UNPARSEABLE_ACTUAL', async () => {
    const text = [
      '{"target":"≥1","actual":1e21}',
      '{"target":"≥30%","actual":2.5E-1}',
      '{"target":"≥100","actual":1E+2}',
      '{"target":"≥1","actual":"1e21"}',
    ].join('\n');
    const out: Array<[number, string | null, string | null]> = [];
    for await (const r of checkTable(Buffer.from(text))) {
      const a = r.verdict?.actual as { value?: { toFixed(): string } } | null;
      out.push([r.line, r.verdict?.status ?? null, a?.value?.toFixed() ?? null]);
    }
    expect(out.slice(0, 3)).toEqual([[1, 'pass', '1000000000000000000000'], [2, 'fail', '0.25'], [3, 'pass', '100']]);
    // A string is text as written: it stays what the cell says.
    expect(out[3]![1]).toBe('unknown');
  });
});
