import { describe, expect, it } from 'vitest';
import { evaluate, IndicatorError, parseTarget, tryParseTarget } from '../../src/index.js';

/** The error parseTarget throws on `text`. */
function errorOf(text: string): IndicatorError {
  try {
    parseTarget(text);
  } catch (e) {
    return e as IndicatorError;
  }
  throw new Error(`${text} parsed`);
}

describe('errors made without stacks inside the parse (stackless.ts)', () => {
  it('gives an error its stack where it leaves the package: the caller is in it', () => {
    // Cells seen for the first and the second time, and errors of the lexer, the grammar and
    // build. From the third time a cell is answered by its kept failure, and a cell of a shape
    // seen failing before (`50 60` again) by the plan of its shape, without a stack
    // (test/parse/cache.test.ts).
    for (const text of ['≥亿元', '≥亿元', '50 60', '不适用', '95%-90%', '2022年13月', `≥${'x'.repeat(3)}`]) {
      const e = errorOf(text);
      expect(e).toBeInstanceOf(IndicatorError);
      expect(e).toBeInstanceOf(Error);
      expect(e.stack, text).toMatch(/^IndicatorError: /);
      expect(e.stack, text).toContain('errorOf');
      expect(e.stack, text).toContain('stackless.test.ts');
    }
    let thrownByEvaluate: unknown = null;
    try { evaluate('≥亿人', '5亿人'); } catch (e) { thrownByEvaluate = e; }
    expect((thrownByEvaluate as Error).stack).toContain('stackless.test.ts');
  });

  it('leaves the stack limit as it found it, whatever the cell', () => {
    const limit = Error.stackTraceLimit;
    try {
      for (const setting of [limit, 3, 50]) {
        Error.stackTraceLimit = setting;
        for (const text of ['≥95%', '≥亿元', '50 60', '不适用', '健全', '95%以上']) {
          tryParseTarget(text);
          tryParseTarget(text);
          expect(Error.stackTraceLimit, text).toBe(setting);
        }
        expect(() => parseTarget(null as unknown as string)).toThrow();
        expect(Error.stackTraceLimit).toBe(setting);
      }
    } finally {
      Error.stackTraceLimit = limit;
    }
  });
});

describe('a realm whose stack limit cannot be changed', () => {
  it('still parses, and errors still have stacks', () => {
    const limit = Error.stackTraceLimit;
    const descriptor = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
    Object.defineProperty(Error, 'stackTraceLimit', { value: limit, writable: false, configurable: true });
    try {
      expect(parseTarget('≥96.25%').kind).toBe('compare');
      expect(errorOf('≥万吨').stack).toContain('stackless.test.ts');
      expect(Error.stackTraceLimit).toBe(limit);
    } finally {
      if (descriptor) Object.defineProperty(Error, 'stackTraceLimit', descriptor);
    }
  });
});
