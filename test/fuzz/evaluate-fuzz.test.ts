import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, evaluate, IndicatorError, parseQuantity, parseTarget, score, toJSON, type Target, type Verdict } from '../../src/index.js';
import { schema } from '../../src/schema.js';

/**
 * Verdicts and scores for any actual value: odd values give `unknown` or the package's
 * error, never a crash, and every verdict and score is valid JSON of the contract.
 */
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema, 'indicator-expr');
const validVerdict = ajv.compile({ $ref: 'indicator-expr#/definitions/Verdict' });
const validScore = ajv.compile({ $ref: 'indicator-expr#/definitions/Score' });

const cells = [...new Set(readFileSync(new URL('../fixtures/corpus/yancheng-2022.tsv', import.meta.url), 'utf8')
  .split('\n').slice(1).filter(Boolean).flatMap((l) => l.split('\t').slice(3)))];
const targets: Target[] = [
  ...cells, '85%-90%', '≥85%且≤90%', '受益户数≥200户,受益脱贫户数≥15户', '2022年12月底前', '第三季度', '较上年提高5%',
  '下降2个百分点', '优良中低差', '是', '无', '3-5个工作日', '±3%以内', '约95%', '≠0', '<5天', '12月底前',
].map((c) => parseTarget(c));

const odd = fc.constantFrom<unknown>(
  null, undefined, NaN, Infinity, -Infinity, -0, 0, 1e308, 5e-324, 10n ** 40n, -1n, true, false, '', ' ', '/', '—',
  'x'.repeat(100_000), '9'.repeat(5000), {}, [], [[]], { value: 1 }, { value: '1', baseline: '2' }, { baseline: null },
  Symbol('s'), () => 1, new Date(NaN), new Date(0), new Map(), Object.create(null), new Decimal('1e-10'),
  { toString: () => '95%' }, { toString: () => { throw new Error('boom'); } }, [1, 2, 3], { 受益户数: '300户' },
);
const actualText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('52.3亿元', '98%', '4个工作日', '已完成', '基本达到', '未完成', '2022-11-30', '7月', '优', '否', '0', '95', '1.5万人'),
);

function run(t: Target, a: unknown, w: unknown): void {
  let v;
  try {
    v = evaluate(t, a as never);
  } catch (e) {
    if (!(e instanceof IndicatorError)) throw e;
    return;
  }
  const j = JSON.parse(JSON.stringify(toJSON(v)));
  if (!validVerdict(j)) throw new Error(`${t.text} × ${String(a).slice(0, 40)}: ${ajv.errorsText(validVerdict.errors)}`);
  // A reason exactly on every non-pass, parts included: what the Verdict union promises.
  const reasons = (x: Verdict): void => { expect(x.reason === null).toBe(x.status === 'pass'); x.parts?.forEach(reasons); };
  reasons(v);
  try {
    const s = score(t, a as never, w as never);
    const sj = JSON.parse(JSON.stringify(toJSON(s)));
    if (!validScore(sj)) throw new Error(`score ${t.text}: ${ajv.errorsText(validScore.errors)}`);
  } catch (e) {
    if (!(e instanceof IndicatorError)) throw e;
  }
}

describe('fuzz: evaluate and score', () => {
  it('odd actual values against every kind of target', () => {
    fc.assert(fc.property(fc.constantFrom(...targets), odd, fc.constantFrom<unknown>('10', 5, '0', '-1', NaN, null, 'x'), (t, a, w) => run(t, a, w)), { numRuns: 5000 });
  });

  it('text actual values against every kind of target', () => {
    fc.assert(fc.property(fc.constantFrom(...targets), actualText, (t, a) => run(t, a, '10')), { numRuns: 10000 });
  });

  it('quantities of every unit against every target', () => {
    const qs = ['5元', '5%', '5天', '5个工作日', '5项', '5亩', '5吨', '5万元/人', '5分', '5'].map((x) => parseQuantity(x));
    for (const t of targets) for (const q of qs) run(t, q, '10');
  });
});
