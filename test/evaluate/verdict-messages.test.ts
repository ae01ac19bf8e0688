import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromJSON, toJSON, units, type EvaluateOptions, type Quantity, type Verdict } from '../../src/index.js';
import { fill } from '../../src/i18n/messages.js';
import { REASONS } from '../../src/i18n/reasons.js';
import { formatQuantity } from '../../src/model/format.js';
import { evaluateWithSettings } from '../../src/evaluate/evaluate.js';
import { settings } from '../../src/evaluate/options.js';
import { IndicatorError } from '../../src/errors.js';
import { D, type Decimal } from '../../src/numbers/decimal.js';
import { Rational } from '../../src/numbers/rational.js';

/**
 * What a verdict on an actual text shows: its messages as formatting the quantities anew
 * writes them, and margins and completions as decimal.js's own arithmetic gives them, over
 * targets and actual texts of many shapes (signs, leading zeros, long digit runs, every unit
 * spelling and magnitude, the same unit as the target or another or none) and the options
 * that change reading.
 */

const spellings = units.flatMap((u) => [u.name, ...u.spellings]);
const unit = fc.oneof(
  fc.constantFrom('%', '%', '亿元', '万元', '元', '个工作日', '天', '次', '万人', '项', '‰', ''),
  fc.constantFrom(...spellings),
  fc.tuple(fc.constantFrom('万', '亿', '千', '百', '十万'), fc.constantFrom(...spellings, '')).map(([a, b]) => a + b),
  fc.constantFrom('年', '月', '日', '号', '季度', '元/人', '所学校', '以上', '左右', '人次', 'KG', 'M2', '分'),
);
const number = fc.oneof(
  fc.stringMatching(/^[-+]?\d{1,8}(\.\d{1,6})?$/),
  fc.stringMatching(/^\d{4}\.\d{1,2}$/),
  fc.stringMatching(/^0{0,3}\d{1,40}(\.\d{0,40})?$/),
  fc.constantFrom('0', '-0', '0.0', '00', '2022', '12', '100', '95', '5.', '.5'),
);
const op = fc.constantFrom('≥', '≤', '=', '', '>', '<', '≠', '>=', '不低于', '不超过');
const options = fc.constantFrom<EvaluateOptions | undefined>(
  undefined, {}, { polarity: 'negative' }, { polarity: 'positive' }, { equals: 'exact' }, { fen: 'cent' }, { locale: 'en' },
  { maxLength: 6 }, { indicator: '投诉率' }, { tolerance: '10%' }, { tolerance: '2个百分点' },
);

type Fields = { s: number; e: number; d: number[] | null };

/** Everything a verdict holds, own fields in order, decimals as their fields. */
function snapshot(x: unknown, seen = new Set<unknown>()): unknown {
  if (x === null || typeof x !== 'object') return x;
  if (x instanceof D) {
    const f = x as unknown as Fields;
    return { decimal: [f.s, f.e, f.d === null ? null : [...f.d]], keys: Object.keys(x) };
  }
  if (x instanceof Rational) return { rational: [snapshot(x.n), snapshot(x.d)] };
  // Only a cycle is cut short: an object met again elsewhere (the actual may be the very
  // quantity of the target when both came from one cached parse) is shown in full.
  if (seen.has(x)) return '<cycle>';
  seen.add(x);
  const out = Array.isArray(x)
    ? { array: x.map((v) => snapshot(v, seen)), frozen: Object.isFrozen(x) }
    : { frozen: Object.isFrozen(x), fields: Object.entries(x).map(([k, v]) => [k, snapshot(v, seen)]) };
  seen.delete(x);
  return out;
}

function run(f: () => Verdict): { verdict: Verdict } | { error: string } {
  try {
    return { verdict: f() };
  } catch (e) {
    if (e instanceof IndicatorError) return { error: `${e.code} ${e.messages.en}` };
    throw e;
  }
}

describe('verdicts on actual texts', () => {
  it('shows the quantities in messages as formatting a fresh copy of them writes', () => {
    // The shown texts are remembered (the actual as read, the target's per quantity): the
    // messages must be what the templates give with the quantities formatted anew.
    const fresh = (q: Quantity): string => formatQuantity(fromJSON(toJSON(q)) as Quantity);
    const OP_TEXT: Record<string, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=', '!=': '≠' };
    let checked = 0;
    fc.assert(fc.property(op, number, number, unit, (o, n, m, u) => {
      const t = `${o}${n}${u}`;
      const a = `${m}${u}`;
      const general = run(() => evaluateWithSettings(t, a, settings(undefined)));
      if (!('verdict' in general)) return;
      const v = general.verdict;
      if (v.target.kind !== 'compare' || v.reason === null || v.assumedUnit !== null || v.op === null) return;
      if (!['BELOW_TARGET', 'ABOVE_TARGET', 'NOT_EQUAL', 'EQUALS_EXCLUDED'].includes(v.reason.code)) return;
      checked++;
      const details = { actual: fresh(v.actual as Quantity), target: fresh(v.target.quantity), op: OP_TEXT[v.op]! };
      const t2 = REASONS[v.reason.code];
      expect(v.reason.messages).toEqual({ zh: fill(t2.zh, details), en: fill(t2.en, details) });
    }), { numRuns: 5000 });
    expect(checked).toBeGreaterThan(500);
  });
});
