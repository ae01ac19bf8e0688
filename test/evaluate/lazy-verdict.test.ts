import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createParser, Decimal, evaluate, parseQuantity, parseTarget, score, toJSON, type Verdict } from '../../src/index.js';
import type { Quantity } from '../../src/model/types.js';

/**
 * A verdict makes its reason, margin and completion when they are first read (verdict.ts).
 * These tests hold that no reader can tell: read at once or later, in any order, after other
 * evaluations and after a caller has written into what another verdict handed out, every
 * field and the JSON are the same; and the status decided without the decimals (the values
 * as written, heldBaseOrder) agrees with the margin computed from them.
 */

const FIELDS = ['status', 'op', 'opSource', 'polarity', 'reason', 'assumedUnit', 'target', 'actual', 'margin', 'completion', 'parts'] as const;
type Field = typeof FIELDS[number];

/** Every field as plain data (decimals as their text), read in the order given. */
function snapshot(v: Verdict, order: readonly Field[] = FIELDS): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of order) {
    const x = v[f];
    out[f] = Decimal.isDecimal(x) ? `D${(x as Decimal).toFixed()}` : f === 'target' || f === 'actual' ? JSON.stringify(x) : x;
  }
  return out;
}

const digits = fc.tuple(fc.integer({ min: 0, max: 999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }))
  .map(([w, f]) => (f === undefined ? String(w) : `${w}.${String(f).padStart(2, '0')}`));
/** The actual near the target's number: the same value, a unit of the last digit off, or written with zeros. */
const nearDigits = (t: string): fc.Arbitrary<string> => fc.oneof(
  fc.constant(t), fc.constant(`${t}${t.includes('.') ? '0' : '.0'}`), fc.constant(`0${t}`),
  fc.constantFrom(-1, 1).map((d) => {
    const places = t.includes('.') ? t.length - t.indexOf('.') - 1 : 0;
    const x = new Decimal(t).plus(new Decimal(d).div(10 ** places));
    return x.isNegative() ? t : x.toFixed(places);
  }),
  digits,
);
const OP = fc.constantFrom('≥', '≤', '>', '<', '=', '≠', '');
/** Units of one kind with different factors (元 万元 亿元), one whose factor has no finite decimal (亩), and none. */
const UNIT = fc.constantFrom('%', '元', '万元', '亿元', '亩', '个', '天', '');
const pair = fc.tuple(OP, digits, UNIT, UNIT, fc.constantFrom('text', 'quantity', 'number'))
  .chain(([op, t, tu, au, form]) => nearDigits(t).map((a) => ({ target: `${op}${t}${tu}`, actual: `${a}${au}`, number: a, form })));

function actualOf(p: { actual: string; number: string; form: string }, parse: (s: string) => Quantity): string | number | Quantity {
  if (p.form === 'number') return Number(p.number);
  if (p.form === 'quantity') return parse(p.actual);
  return p.actual;
}

describe('verdicts whose fields are made when read', () => {
  it('are the same read at once or later, in any order, after other evaluations', () => {
    const p = createParser();
    fc.assert(fc.property(pair, fc.shuffledSubarray([...FIELDS]), fc.array(pair, { maxLength: 3 }), fc.constantFrom('zh', 'en'), (x, order, others, locale) => {
      let now: Verdict;
      let later: Verdict;
      try {
        now = p.evaluate(x.target, actualOf(x, p.parseQuantity), { locale });
        later = p.evaluate(x.target, actualOf(x, p.parseQuantity), { locale });
      } catch {
        return; // a target that does not parse
      }
      const atOnce = snapshot(now);
      const json = toJSON(now);
      for (const o of others) {
        try { toJSON(p.evaluate(o.target, o.actual)); } catch { /* a target that does not parse */ }
      }
      const some = snapshot(later, order);
      for (const f of order) expect(some[f]).toEqual(atOnce[f]);
      expect(snapshot(later)).toEqual(atOnce);
      expect(toJSON(later)).toEqual(json);
      expect({ ...later }).toEqual({ ...now });
      // The same object on every read, as a data property gives.
      for (const f of FIELDS) expect(later[f]).toBe(later[f]);
    }), { numRuns: 3000 });
  });

  it('decide B against A as the margin made from the decimals says', () => {
    const p = createParser();
    fc.assert(fc.property(pair, (x) => {
      let v: Verdict;
      try {
        v = p.evaluate(x.target, actualOf(x, p.parseQuantity));
      } catch {
        return;
      }
      if (v.op === null || v.margin === null || v.status === 'unknown') return;
      const c = v.margin.isZero() ? 0 : v.margin.isNegative() ? -1 : 1;
      const holds = { '>=': c >= 0, '>': c > 0, '<=': c <= 0, '<': c < 0, '=': c === 0, '!=': c !== 0 }[v.op];
      expect(v.status).toBe(holds ? 'pass' : 'fail');
      // The margin is B − A in base units, from the quantities' own base values.
      const t = v.target.kind === 'compare' ? v.target.quantity : null;
      if (t !== null && v.assumedUnit === null && t.exact && (v.actual as Quantity).exact) {
        expect(v.margin.toFixed()).toBe((v.actual as Quantity).base.value.minus(t.base.value).toFixed());
      }
    }), { numRuns: 3000 });
  });

  it('are frozen, their lazily made fields refusing writes as data properties do', () => {
    const v = evaluate('≥95%', '94%');
    expect(Object.isFrozen(v)).toBe(true);
    expect(() => { (v as { margin: unknown }).margin = new Decimal(1); }).toThrow(TypeError);
    expect(() => { (v as { reason: unknown }).reason = null; }).toThrow(TypeError);
    expect(() => { (v as { completion: unknown }).completion = null; }).toThrow(TypeError);
    expect(() => Object.defineProperty(v, 'margin', { value: 1 })).toThrow(TypeError);
    expect(Object.keys(v)).toEqual([...FIELDS]);
    expect(Object.isFrozen(v.reason)).toBe(true);
    expect(v.margin!.toFixed()).toBe('-0.01');
    expect(v.completion!.toFixed()).toBe('0.9895');
  });

  it('give no caller a way to change what another is given', () => {
    const target = parseTarget('≥95%');
    const actual = parseQuantity('94.5%');
    const a = evaluate(target, actual);
    const b = evaluate(target, actual);
    const c = evaluate('≥95%', '94.5%');
    const points = score(target, actual, 10).score!.toFixed();
    // The first caller reads everything and writes into every decimal it can reach.
    for (const d of [a.margin!, a.completion!]) {
      (d as unknown as { d: number[] }).d[0] = 7;
      (d as unknown as { e: number }).e = 5;
    }
    if (a.target.kind === 'compare') (a.target.quantity.value as unknown as { d: number[] }).d[0] = 7;
    ((a.actual as Quantity).base.value as unknown as { d: number[] }).d[0] = 7;
    expect(() => { (a.reason!.messages as { zh: string }).zh = 'x'; }).toThrow(TypeError);
    for (const v of [b, c]) {
      expect(v.margin!.toFixed()).toBe('-0.005');
      expect(v.completion!.toFixed()).toBe('0.9947');
      expect(v.reason!.code).toBe('BELOW_TARGET');
      expect(toJSON(v)).toEqual(toJSON(evaluate('≥95%', '94.5%')));
    }
    expect(score(target, actual, 10).score!.toFixed()).toBe(points);
    expect(points).toBe('9.95');
  });
});

describe('fields a verdict knows when it is made', () => {
  // A verdict writes as plain data what it knows at once (no reason on a pass, no completion
  // under ≠, no margin where the outcome has none) and makes the rest when read. A look-alike
  // copy of the actual takes the way that computes every field from exact values (finish):
  // both must give the same JSON, whichever way each field was written.
  it('are those the verdict made from exact values gives', () => {
    const p = createParser();
    fc.assert(fc.property(pair, fc.constantFrom('zh', 'en'), fc.constantFrom<'reached' | 'exact'>('reached', 'exact'), (x, locale, equals) => {
      let target;
      try {
        target = p.parseTarget(x.target);
      } catch {
        return; // a target that does not parse
      }
      const q = p.parseQuantity(x.actual);
      // A copy of a quantity whose base has no finite decimal holds that base rounded.
      if (!q.exact) return;
      const copy = { ...q, base: { ...q.base } } as Quantity;
      const held = p.evaluate(target, q, { locale, equals });
      const reference = p.evaluate(target, copy, { locale, equals });
      expect(toJSON(held)).toEqual(toJSON(reference));
      expect(held.reason === null).toBe(held.status === 'pass');
    }), { numRuns: 3000 });
  });

  it('are null, reason and all, where the outcome has none', () => {
    const v = evaluate('健全', '健全');
    expect([v.status, v.reason, v.margin, v.completion]).toEqual(['pass', null, null, null]);
    const u = evaluate('≥95%', '不适用');
    expect([u.status, u.reason?.code, u.margin, u.completion]).toEqual(['unknown', 'NOT_APPLICABLE', null, null]);
    const n = evaluate('≠5', '6');
    expect([n.status, n.reason, n.margin?.toFixed(), n.completion]).toEqual(['pass', null, '1', null]);
    const f = evaluate('≠5', '5');
    expect([f.status, f.reason?.code, f.margin?.toFixed(), f.completion]).toEqual(['fail', 'EQUALS_EXCLUDED', '0', null]);
    for (const x of [v, u, n, f]) {
      expect(Object.keys(x)).toEqual([...FIELDS]);
      expect(Object.isFrozen(x)).toBe(true);
      expect(() => Object.defineProperty(x, 'reason', { value: 1 })).toThrow(TypeError);
    }
  });
});

describe('a written = read from the value as written', () => {
  it('is reached from below unless its value is 0, whatever zeros are written', () => {
    const p = createParser();
    const zeros = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('0', '1', '5'), fc.boolean())
      .map(([lead, places, last, point]) => `${'0'.repeat(lead)}0${point ? `.${'0'.repeat(places)}${last}` : last === '0' ? '' : last}`);
    fc.assert(fc.property(zeros, fc.constantFrom('%', '万元', '个', ''), fc.constantFrom('text', 'parsed'), (d, unit, form) => {
      const text = `=${d}${unit}`;
      const v = p.evaluate(form === 'text' ? text : p.parseTarget(text), `1${unit}`);
      expect(v.op).toBe(new Decimal(d).isZero() ? '<=' : '>=');
      expect(v.opSource).toBe('equals-reached');
    }), { numRuns: 2000 });
  });
});

describe('signed numbers of a known shape', () => {
  // A shape may be made from a signed number (`-5`, `≥-5%`): its order and sign are not its
  // digits' as written, so the verdict reads them from the exact values.
  it('orders and signs signed numbers of a shape seen before as their values', () => {
    const p = createParser();
    for (const warm of ['-1.5%', '-2.25%', '+1.5%']) p.evaluate('=0%', warm);
    expect(p.evaluate('=0%', '-3.2%').status).toBe('pass');
    expect(p.evaluate('=0%', '+3.2%').status).toBe('fail');
    p.evaluate('≥-5%', '-4%');
    p.evaluate('≥-5%', '-6%');
    expect(p.evaluate('≥-3%', '-2.5%').status).toBe('pass');
    expect(p.evaluate('≥-3%', '-3.5%').status).toBe('fail');
    expect(p.evaluate('≥-3%', '-3%').status).toBe('pass');
    expect(p.score('=0%', '-3.2%', 5).score?.toString()).toBe('5');
  });

  it('agrees with a fresh parser on signed actuals and targets', () => {
    const warm = createParser();
    fc.assert(fc.property(
      fc.constantFrom('≥', '≤', '=', ''), fc.integer({ min: -999, max: 999 }), fc.integer({ min: -999, max: 999 }), fc.constantFrom('', '+'),
      (op, a, b, plus) => {
        const t = `${op}${a < 0 ? '' : plus}${a / 10}%`;
        const x = `${b < 0 ? '' : plus}${b / 10}%`;
        expect(toJSON(warm.evaluate(t, x))).toEqual(toJSON(createParser().evaluate(t, x)));
      },
    ), { numRuns: 2000 });
  });
});
