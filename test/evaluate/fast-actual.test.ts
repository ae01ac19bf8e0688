import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromJSON, toJSON, units, verdictToJSON, type EvaluateOptions, type Quantity, type Verdict } from '../../src/index.js';
import { fill } from '../../src/i18n/messages.js';
import { REASONS } from '../../src/i18n/reasons.js';
import { formatQuantity } from '../../src/model/format.js';
import { plainQuantity } from '../../src/evaluate/actual.js';
import { evaluateWithSettings, generalVerdict } from '../../src/evaluate/evaluate.js';
import { settings } from '../../src/evaluate/options.js';
import { scoringOf } from '../../src/evaluate/verdict.js';
import { IndicatorError } from '../../src/errors.js';
import { D, type Decimal } from '../../src/numbers/decimal.js';
import { Rational } from '../../src/numbers/rational.js';
import { PLACEHOLDERS } from '../../src/vocab/words.js';
import { ACHIEVED_WORDS, NONE_WORDS, NOT_ACHIEVED_WORDS, PARTIAL_WORDS } from '../../src/vocab/achievement.js';

/**
 * An actual text against a compare, ≈ or range target may skip the general reading
 * (readActual, quantityActual) when the parser's fast path reads it (evaluate.ts,
 * verdictOnText). The verdict must be the one the general reading gives, in everything:
 * every own field in its order, decimals field by field, the reason's code and both
 * messages, the JSON, the hidden scoring, frozenness. Inputs: targets of every form the
 * three kinds take, actual texts in and around the fast path's shape (signs, leading zeros,
 * long digit runs, every unit spelling and magnitude, the same unit as the target or
 * another or none, dates, words, placeholders, tails), and the options that change reading.
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
const target = fc.oneof(
  fc.tuple(op, number, unit).map(([o, n, u]) => `${o}${n}${u}`),
  fc.tuple(number, unit).map(([n, u]) => `${n}${u}左右`),
  fc.tuple(number, number, unit).map(([a, b, u]) => `${a}${u}-${b}${u}`),
  fc.tuple(number, number, unit).map(([a, b, u]) => `${a}-${b}${u}`),
  fc.constantFrom('≥95%', '=100%', '=0%', '≤100%', '=0次', '90%左右', '3个工作日', '≥50亿元', '满意度≥90%', '85%-90%', '≥85%且≤90%'),
);
const tail = fc.constantFrom('', '', '', '', ' ', '（预计）', '以上', '，', '1');
const actual = fc.oneof(
  fc.tuple(number, unit, tail).map(([n, u, t]) => `${n}${u}${t}`),
  fc.constantFrom('', ' ', '-', '/', '无', '0', '已完成', '基本完成', '2022年12月', '2022-11-30', '百分之九十', '95 %', '９５%', '<b>95%</b>', '5e3'),
);
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

/**
 * Both readings of one case give the same error, or verdicts the same in every respect
 * (fields in order, decimals, JSON, what scoring reads). Returns the general verdict, or
 * null when both threw.
 */
function expectSame(t: string, a: string, s: ReturnType<typeof settings>): Verdict | null {
  const fast = run(() => evaluateWithSettings(t, a, s));
  const general = run(() => generalVerdict(t, a, s));
  if ('error' in general) {
    expect(fast).toEqual(general);
    return null;
  }
  if (!('verdict' in fast)) throw new Error(`fast lane threw on ${t} / ${a}`);
  expect(snapshot(fast.verdict)).toEqual(snapshot(general.verdict));
  expect(verdictToJSON(fast.verdict)).toEqual(verdictToJSON(general.verdict));
  expect(snapshot(scoringOf(fast.verdict))).toEqual(snapshot(scoringOf(general.verdict)));
  expect(Object.keys(fast.verdict)).toEqual(Object.keys(general.verdict));
  return general.verdict;
}

function run(f: () => Verdict): { verdict: Verdict } | { error: string } {
  try {
    return { verdict: f() };
  } catch (e) {
    if (e instanceof IndicatorError) return { error: `${e.code} ${e.messages.en}` };
    throw e;
  }
}

describe('an actual text read straight into a quantity ≡ the general reading', () => {
  it('gives the identical verdict on every input', () => {
    let taken = 0;
    fc.assert(fc.property(target, actual, options, (t, a, o) => {
      const s = settings(o);
      const general = expectSame(t, a, s);
      if (general === null) return;
      const k = general.target.kind;
      if ((k === 'compare' || k === 'approx' || k === 'range') && plainQuantity(a, s) !== null) taken++;
    }), { numRuns: 20_000 });
    expect(taken).toBeGreaterThan(2000);
  });

  it('gives the identical verdict when the actual is written in the target’s unit', () => {
    let taken = 0;
    const form = fc.constantFrom('compare', 'approx', 'range');
    fc.assert(fc.property(form, op, number, number, unit, tail, options, (k, o, n, m, u, tl, opts) => {
      const t = k === 'compare' ? `${o}${n}${u}` : k === 'approx' ? `${n}${u}左右` : `${n}-${m}${u}`;
      const a = `${m}${u}${tl}`;
      const s = settings(opts);
      if (expectSame(t, a, s) === null) return;
      if (plainQuantity(a, s) !== null) taken++;
    }), { numRuns: 10_000 });
    expect(taken).toBeGreaterThan(1500);
  });

  it('may skip the placeholder and word lookups for a text that begins with a digit', () => {
    // plainQuantity looks placeholders and words up only when the first char is no digit.
    const all = [...PLACEHOLDERS, ...NONE_WORDS, ...NOT_ACHIEVED_WORDS, ...PARTIAL_WORDS, ...ACHIEVED_WORDS];
    expect(all.length).toBeGreaterThan(30);
    expect(all.filter((w) => /^[0-9]/.test(w))).toEqual([]);
  });

  it('takes the benchmark’s kind of input (a number in the target’s unit)', () => {
    const s = settings(undefined);
    for (const [t, a] of [['≥95%', '96.5%'], ['≤100%', '1234.56%'], ['=0次', '3.1次'], ['3个工作日', '12.5个工作日'], ['≥50亿元', '52.3亿元'], ['90%左右', '91%'], ['85%-90%', '88%']] as const) {
      const v = generalVerdict(t, a, s);
      expect(plainQuantity(a, s)).not.toBeNull();
      expect(snapshot(evaluateWithSettings(t, a, s))).toEqual(snapshot(v));
    }
  });

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
