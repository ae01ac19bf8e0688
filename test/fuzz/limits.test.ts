import { describe, expect, it } from 'vitest';
import { evaluate, IndicatorError, MAX_INPUT_LENGTH, parseQuantity, parseTarget } from '../../src/index.js';
import { clean } from '../../src/text/clean.js';
import { SHORT_COMPARATORS_IN_TEXT } from '../../src/vocab/words.js';

/**
 * Limits and pathological input. Time is compared, never asserted in milliseconds: the
 * same code on an input ten times larger must take far less than the hundred times a
 * quadratic algorithm would (the factor is generous on purpose). Each side is the fastest
 * of several runs: on a busy machine even a median catches other processes' work.
 */
function fastest(f: () => void, runs = 15): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

function attempt(text: string): void {
  try { parseTarget(text, { maxLength: 1e7 }); } catch (e) { if (!(e instanceof IndicatorError)) throw e; }
}

/** The time ratio between n = 10·k and n = k of the same shape; linear is about 10. */
function growth(shape: (n: number) => string, k = 400, f: (s: string) => void = attempt): number {
  const small = shape(k);
  const large = shape(k * 10);
  f(small); f(large); // warm up
  const a = fastest(() => f(small));
  const b = fastest(() => f(large));
  return b / Math.max(a, 1e-3);
}

describe('limits', () => {
  it('rejects input over the limit before any work, whatever it is', () => {
    for (const text of ['≥'.repeat(100_000), '9'.repeat(1_000_000), '('.repeat(100_000), '<p>'.repeat(100_000)]) {
      try {
        parseTarget(text);
        expect.unreachable();
      } catch (e: any) {
        expect(e).toBeInstanceOf(IndicatorError);
        expect(e.code).toBe('INPUT_TOO_LONG');
        expect(e.offset).toBe(MAX_INPUT_LENGTH);
        expect(e.input.length).toBeLessThanOrEqual(64); // the error does not hold the whole input
      }
    }
  });

  it('parses inputs at the limit', () => {
    expect(parseTarget(`≥${'9'.repeat(MAX_INPUT_LENGTH - 1)}`).kind).toBe('compare');
    expect(() => parseTarget('≥'.repeat(MAX_INPUT_LENGTH))).toThrow(IndicatorError);
  });

  it('one character past the limit is INPUT_TOO_LONG, for targets, actual values and the option maxLength', () => {
    const code = (f: () => unknown): string => { try { f(); return 'none'; } catch (e) { return (e as IndicatorError).code; } };
    expect(code(() => parseTarget(`≥${'9'.repeat(MAX_INPUT_LENGTH)}`))).toBe('INPUT_TOO_LONG');
    expect(code(() => parseQuantity('9'.repeat(MAX_INPUT_LENGTH)))).toBe('none');
    expect(code(() => parseQuantity('9'.repeat(MAX_INPUT_LENGTH + 1)))).toBe('INPUT_TOO_LONG');
    expect(evaluate('≥1', '9'.repeat(MAX_INPUT_LENGTH)).status).toBe('pass');
    expect(evaluate('≥1', '9'.repeat(MAX_INPUT_LENGTH + 1)).status).toBe('unknown');
    // The option raises or lowers the limit, at it and one past.
    expect(code(() => parseTarget(`≥${'9'.repeat(MAX_INPUT_LENGTH)}`, { maxLength: MAX_INPUT_LENGTH + 1 }))).toBe('none');
    expect(code(() => parseTarget(`≥${'9'.repeat(MAX_INPUT_LENGTH + 1)}`, { maxLength: MAX_INPUT_LENGTH + 1 }))).toBe('INPUT_TOO_LONG');
    expect(code(() => parseTarget('≥9999', { maxLength: 5 }))).toBe('none');
    expect(code(() => parseTarget('≥99999', { maxLength: 5 }))).toBe('INPUT_TOO_LONG');
  });
});

describe('linear time on pathological shapes (raised limit)', () => {
  const shapes: Record<string, (n: number) => string> = {
    'repeated ≥': (n) => '≥'.repeat(n),
    'a long number': (n) => `≥${'9'.repeat(n)}`,
    'nested brackets': (n) => `${'('.repeat(n)}x${')'.repeat(n)}`,
    'unclosed brackets': (n) => `95%${'('.repeat(n)}`,
    'many HTML tags': (n) => '<p>'.repeat(n) + '≥90%',
    'tag starts without an end': (n) => '<a'.repeat(n),
    'entities without an end': (n) => '&ge'.repeat(n),
    'many targets': (n) => Array.from({ length: n }, (_, i) => `指标${i}≥${i}%`).join('，'),
    'long text': (n) => '健'.repeat(n),
    'label of colons': (n) => `${':'.repeat(n)}x≥5%`,
    'many separators': (n) => `≥5%${'，'.repeat(n)}≤9%`,
    'long unit word': (n) => `5${'学'.repeat(n)}`,
    'digits and Chinese': (n) => '1万'.repeat(n),
    'zeros': (n) => `0.${'0'.repeat(n)}1`,
  };
  for (const [name, shape] of Object.entries(shapes)) {
    it(name, () => {
      expect(growth(shape)).toBeLessThan(40);
    });
  }

  // Actual values of thousands of numbers (issue 18): parseQuantity reads the whole text
  // before it names the second number, so that reading must stay linear too.
  const quantities: Record<string, (n: number) => string> = {
    'numbers and spaces': (n) => Array.from({ length: n }, (_, i) => String(i % 10)).join(' '),
    'numbers and commas': (n) => Array.from({ length: n }, (_, i) => String(1000 + i)).join('，'),
    'numbers with units': (n) => Array.from({ length: n }, (_, i) => `${i % 10}元`).join(''),
    'percentages': (n) => Array.from({ length: n }, (_, i) => `${i % 100}%`).join(' '),
    'Chinese numerals with big units': (n) => '1万'.repeat(n),
    'Chinese digits': (n) => '一零'.repeat(n),
  };
  for (const [name, shape] of Object.entries(quantities)) {
    it(`parseQuantity: ${name} (300 against 3000 numbers)`, () => {
      const read = (text: string): void => { try { parseQuantity(text, { maxLength: 1e7 }); } catch (e) { if (!(e instanceof IndicatorError)) throw e; } };
      expect(growth(shape, 300, read)).toBeLessThan(40);
    });
  }

  it('clean-up alone', () => {
    expect(growth((n) => '<a'.repeat(n) + '&'.repeat(n), 400, (s) => void clean(s))).toBeLessThan(40);
  });
});

describe('evaluating cells with many targets (raised limit)', () => {
  const o = { maxLength: 1e7 };
  // One actual shared by every part of an unlabelled conjunction: each part once read the
  // whole actual again (250 parts against 250 numbers: 135 ms; quadratic).
  const target = (n: number) => parseTarget(Array.from({ length: n }, (_, i) => `≥${i + 1}`).join('且'), o);
  const actual = (n: number) => Array.from({ length: n }, (_, i) => `${i + 2}`).join('，');
  it('parts sharing one actual of as many numbers', () => {
    const cell = (n: number) => ({ t: target(n), a: actual(n) });
    const small = cell(30);
    const large = cell(300);
    const f = (c: { t: ReturnType<typeof target>; a: string }) => void evaluate(c.t, c.a, o);
    for (let i = 0; i < 5; i++) { f(small); f(large); }
    const ratio = fastest(() => f(large), 9) / Math.max(fastest(() => f(small), 9), 1e-3);
    expect(ratio).toBeLessThan(40);
  });

  it('labelled parts against labelled actuals', () => {
    // Not 为, 约, 达: before a number they are comparators (`指标为60` is label 指标, = 60).
    const chars = Array.from({ length: 400 }, (_, i) => String.fromCharCode(0x4e00 + i)).filter((c) => !SHORT_COMPARATORS_IN_TEXT.includes(c));
    const labels = (n: number) => chars.slice(0, n).map((c) => `指标${c}`);
    const cell = (n: number) => ({ t: parseTarget(labels(n).map((l, i) => `${l}≥${i + 1}`).join('，'), o), a: labels(n).map((l, i) => `${l}${i + 2}`).join('，') });
    const small = cell(30);
    const large = cell(300);
    const f = (c: { t: ReturnType<typeof parseTarget>; a: string }) => { expect(evaluate(c.t, c.a, o).status).toBe('pass'); };
    for (let i = 0; i < 5; i++) { f(small); f(large); }
    const ratio = fastest(() => f(large), 9) / Math.max(fastest(() => f(small), 9), 1e-3);
    expect(ratio).toBeLessThan(40);
  });
});
