/**
 * Chinese numerals with big units (万, 亿) in linear time (issue 18): a big unit once
 * multiplied the whole sum read so far, so `1万1万1万…` cost the square of its length. The
 * value must be what the positional reading always gave: a property test compares it with
 * that reading, written here as it was (every big unit multiplies the pending sum).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity } from '../../src/index.js';
import { numeralValue, type NumeralPiece } from '../../src/numbers/chinese.js';
import { D, type Decimal } from '../../src/numbers/decimal.js';
import { CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS } from '../../src/vocab/numerals.js';

/** The reading before the change: the pending sum multiplied at each big unit. */
function positional(pieces: readonly NumeralPiece[]): Decimal {
  const pending: { value: Decimal; exp: number }[] = [];
  let section = new D(0);
  let digit: Decimal | null = null;
  let lastUnitExp = 0;
  let zeroSeen = false;
  let sawAnything = false;
  for (const p of pieces) {
    if ('arabic' in p) { digit = new D(p.arabic); sawAnything = true; continue; }
    const dv = CN_DIGITS.get(p.char);
    if (dv !== undefined) {
      if (dv === 0) { zeroSeen = true; digit = null; lastUnitExp = 0; continue; }
      digit = new D(dv); sawAnything = true; continue;
    }
    const small = CN_SMALL_UNITS.get(p.char);
    if (small !== undefined) {
      section = section.plus((digit ?? new D(1)).times(small));
      digit = null; zeroSeen = false; lastUnitExp = Math.log10(small); sawAnything = true; continue;
    }
    const bigExp = CN_BIG_UNITS.get(p.char)!;
    let s = section.plus(digit ?? 0);
    if (s.isZero() && !sawAnything) s = new D(1);
    let exp = bigExp;
    while (pending.length > 0 && pending[pending.length - 1]!.exp <= bigExp) {
      const top = pending.pop()!;
      s = s.plus(top.value);
      exp = Math.max(exp, top.exp + bigExp);
    }
    pending.push({ value: s.times(new D(10).pow(bigExp)), exp });
    section = new D(0); digit = null; zeroSeen = false; lastUnitExp = bigExp; sawAnything = true;
  }
  let total = section;
  if (digit !== null) {
    const lone = digit.isInteger() && digit.gte(1) && digit.lte(9);
    if (lone && !zeroSeen && lastUnitExp >= 2) total = total.plus(digit.times(new D(10).pow(lastUnitExp - 1)));
    else total = total.plus(digit);
  }
  for (const p of pending) total = total.plus(p.value);
  return total;
}

const piece: fc.Arbitrary<NumeralPiece> = fc.oneof(
  fc.constantFrom(...CN_DIGITS.keys(), ...CN_SMALL_UNITS.keys(), ...CN_BIG_UNITS.keys()).map((char) => ({ char })),
  fc.tuple(fc.stringMatching(/^[1-9]\d{0,5}$/), fc.option(fc.stringMatching(/^\d{1,3}$/), { nil: undefined }))
    .map(([i, f]) => ({ arabic: f === undefined ? i : `${i}.${f}` })),
);

describe('Chinese numerals with big units', () => {
  it('read as the positional reading always did (few and many pieces)', () => {
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 60 }), (pieces) => {
      const hasUnit = pieces.some((p) => 'char' in p && (CN_SMALL_UNITS.has(p.char) || CN_BIG_UNITS.has(p.char)));
      fc.pre(hasUnit);
      expect(numeralValue(pieces)!.toFixed()).toBe(positional(pieces).toFixed());
    }), { numRuns: 3000 });
  });

  it('long runs of big units, where the sum is made digit by digit', () => {
    for (const text of ['1万'.repeat(40), '三万'.repeat(50), '12万3'.repeat(30), '1亿5万'.repeat(25), '3.5万'.repeat(20), '万亿'.repeat(30), '五千万零三'.repeat(20)]) {
      const pieces: NumeralPiece[] = [...text.matchAll(/\d+(?:\.\d+)?|./g)].map((m) => (/\d/.test(m[0]) ? { arabic: m[0] } : { char: m[0] }));
      expect(numeralValue(pieces)!.toFixed(), text).toBe(positional(pieces).toFixed());
    }
  });

  // The fastest of several runs on a shared machine; linear is about 10, quadratic 100.
  const fastest = (f: () => void, runs = 7): number => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) { const t0 = performance.now(); f(); best = Math.min(best, performance.now() - t0); }
    return best;
  };
  const growth = (shape: (n: number) => string, k: number): number => {
    const read = (s: string) => () => { parseQuantity(s, { maxLength: 1e7 }); };
    const small = read(shape(k));
    const large = read(shape(k * 10));
    for (let i = 0; i < 3; i++) { small(); large(); }
    return fastest(large) / Math.max(fastest(small), 1e-3);
  };

  for (const [name, shape] of Object.entries({
    '1万 repeated': (n: number) => '1万'.repeat(n),
    '三万 repeated': (n: number) => '三万'.repeat(n),
    '12万3 repeated': (n: number) => '12万3'.repeat(n),
    '1亿 repeated': (n: number) => '1亿'.repeat(n),
  })) {
    it(`parseQuantity in linear time: ${name}`, () => {
      expect(growth(shape, 300)).toBeLessThan(40);
    });
  }
});
