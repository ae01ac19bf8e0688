import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { hideInternals } from './hidden-decimal.js';

/**
 * The package uses decimal.js only through its documented API (contract.md, "Dependencies
 * through their public APIs"), so a later 10.x release whose internals differ cannot change
 * a result. Proof by running the package twice over the same work: once on decimal.js, once
 * on decimal.js with its internals out of reach (hidden-decimal.ts: reading or writing a
 * decimal's `d`, `e` or `s` throws, and a decimal not built by the constructor has no
 * methods that work). Every result must be the same, to the last field of the JSON, the
 * errors included. The work is every target cell of both corpora and every golden case,
 * each with other digits too, evaluated against actual values in their unit, scored against
 * weights given as text and as the package's Decimal, formatted, and read back from JSON.
 */

type Api = typeof import('../../src/index.js');

async function loadPackage(hidden: boolean): Promise<Api> {
  vi.resetModules();
  if (hidden) {
    vi.doMock('decimal.js', async (importOriginal) => {
      const real = (await importOriginal<typeof import('decimal.js')>()).default;
      const H = hideInternals(real);
      return { default: H, Decimal: H };
    });
  } else {
    vi.doUnmock('decimal.js');
  }
  return import('../../src/index.js');
}

afterAll(() => {
  vi.doUnmock('decimal.js');
  vi.resetModules();
});

function column(file: string, names: string[]): string[] {
  const lines = readFileSync(new URL(`../fixtures/corpus/${file}`, import.meta.url), 'utf8').split('\n');
  const head = lines[0]!.split('\t');
  return lines.slice(1).flatMap((l) => {
    const f = l.split('\t');
    return names.map((n) => (f[head.indexOf(n)] ?? '').replace(/\\n/g, '\n').trim());
  }).filter((c) => c !== '');
}

const goldenTargets = Object.keys(JSON.parse(readFileSync(new URL('../fixtures/yancheng-2022-targets.json', import.meta.url), 'utf8')) as object);
const goldenCases = (JSON.parse(readFileSync(new URL('../fixtures/yancheng-2022-verdicts.json', import.meta.url), 'utf8')) as {
  cases: Array<{ target: string; actual: unknown; weight: string | number; indicator: string; options?: object }>;
}).cases;

const cells = [...new Set([
  ...column('yancheng-2022.tsv', ['half_year_target', 'full_year_target']),
  ...column('songgang-2021-2023.tsv', ['target']),
  ...goldenTargets,
])];

/** The cell with every digit run's last digit moved by `k` (other values, the same shapes). */
function otherDigits(cell: string, k: number): string {
  let i = 0;
  return cell.replace(/\d+/g, (m) => m.slice(0, -1) + String((Number(m.at(-1)) + k + i++) % 10));
}

/** Every quantity's JSON (value and unit) inside a target's JSON. */
function quantities(j: unknown, out: Array<{ value: string; unit: string }> = []): Array<{ value: string; unit: string }> {
  if (j === null || typeof j !== 'object') return out;
  const o = j as Record<string, unknown>;
  if (typeof o['value'] === 'string' && typeof o['unit'] === 'string') out.push({ value: o['value'], unit: o['unit'] });
  for (const v of Object.values(o)) quantities(v, out);
  return out;
}

/** What a call gives, as data: its JSON, or the error's code, place and messages. */
function outcome(api: Api, f: () => unknown): unknown {
  try {
    const r = f();
    return typeof r === 'string' ? r : api.toJSON(r as Parameters<Api['toJSON']>[0]);
  } catch (e) {
    if (!api.isIndicatorError(e)) throw e;
    return { code: e.code, offset: e.offset, length: e.length, messages: e.messages };
  }
}

function work(api: Api): unknown[] {
  const out: unknown[] = [];
  const weight = new api.Decimal('7.5');
  for (const base of cells) {
    for (const cell of [base, otherDigits(base, 3)]) {
      const parsed = api.tryParseTarget(cell);
      if (!parsed.ok) {
        out.push(outcome(api, () => api.parseTarget(cell)));
        continue;
      }
      const t = parsed.value;
      const j = api.toJSON(t);
      out.push(j, api.format(t), outcome(api, () => api.fromJSON(j)));
      const actuals: unknown[] = [cell, '已完成', '2022-11-30'];
      for (const q of quantities(j)) {
        actuals.push(`${q.value}${q.unit}`, `${otherDigits(q.value, 1)}${q.unit}`, otherDigits(q.value, 6));
        out.push(outcome(api, () => api.parseQuantity(`${otherDigits(q.value, 4)}${q.unit}`)));
      }
      for (const a of actuals) {
        out.push(outcome(api, () => api.evaluate(t, a as string)));
        out.push(outcome(api, () => api.evaluate(t, a as string, { polarity: 'negative' })));
        out.push(outcome(api, () => api.score(t, a as string, '10')));
        out.push(outcome(api, () => api.score(t, a as string, weight, { scale: 4 })));
      }
    }
  }
  for (const c of goldenCases) {
    const options = { indicator: c.indicator, ...c.options };
    out.push(outcome(api, () => api.evaluate(c.target, c.actual as string, options)));
    out.push(outcome(api, () => api.score(c.target, c.actual as string, c.weight, options)));
  }
  for (const [total, outOf] of [['85', '100'], ['89.995', '100'], ['17', '20'], ['3', '7']] as const) out.push(api.grade(total, outOf));
  return out;
}

describe('decimal.js through its public API only', () => {
  it('gives the same results when decimal.js\'s internals are out of reach', async () => {
    const real = work(await loadPackage(false));
    const api = await loadPackage(true);
    // The stand-in is in effect: a decimal's fields cannot be read, the results hold such decimals.
    const probe = api.parseTarget('≥50亿元');
    expect(() => (probe as unknown as { quantity: { value: { d: unknown } } }).quantity.value.d).toThrow(/internal field/);
    expect(() => (new api.Decimal('1') as unknown as { e: unknown }).e).toThrow(/internal field/);
    const hidden = work(api);
    expect(hidden.length).toBe(real.length);
    expect(real.length).toBeGreaterThan(30_000);
    // Compared in slices, so that a difference names the piece of work it is in.
    for (let i = 0; i < real.length; i += 500) expect(hidden.slice(i, i + 500)).toEqual(real.slice(i, i + 500));
  }, 600_000);
});
