import { describe, expect, it } from 'vitest';
import { IndicatorError } from '../../src/errors.js';
import { buildTarget } from '../../src/parse/build.js';
import { makeEngine, parseTargetFresh } from '../../src/parse/parse.js';
import { clean } from '../../src/text/clean.js';
import { UNITS } from '../../src/vocab/units.js';

/**
 * Cells the build rejects, one for each of its checks: the parts of a cell contradict each
 * other, a range is empty, words after a quantity cannot be its note.
 */
const REJECTED: readonly [string, string][] = [
  ['90%-85%', 'EMPTY_RANGE'],
  ['[90%,85%]', 'EMPTY_RANGE'],
  ['95±-5%', 'EMPTY_RANGE'],
  ['2023年12月-2023年1月', 'EMPTY_RANGE'],
  ['5%-3天', 'MIXED_DIMENSIONS'],
  ['95%±5天', 'MIXED_DIMENSIONS'],
  ['≥95%以下', 'CONFLICTING_OPS'],
  ['90%以上以下', 'CONFLICTING_OPS'],
  ['≥85%-90%', 'CONFLICTING_OPS'],
  ['85%-90%左右', 'CONFLICTING_OPS'],
  ['≥90%左右', 'CONFLICTING_OPS'],
  ['约90%以上', 'CONFLICTING_OPS'],
  ['±3%以上', 'CONFLICTING_OPS'],
  ['≥2023年12月底前', 'CONFLICTING_OPS'],
  ['每天早上6点半前到达', 'UNEXPECTED_TOKEN'],
  ['≥90%不含', 'UNEXPECTED_TOKEN'],
  ['≥90%，≥95%以下', 'CONFLICTING_OPS'],
];

describe('the build gives its errors as values (build.ts)', () => {
  const e = makeEngine(UNITS);
  it.each(REJECTED)('%s: returned, not thrown, and the error the parse gives (%s)', (text, code) => {
    const ct = clean(text);
    const { tokens, notes } = e.lexer.tokenize(ct, 'en');
    const { segments } = e.parser.parseCell(tokens);
    expect(segments, 'the grammar accepts it: the build rejects it').not.toBeNull();
    let made: unknown;
    expect(() => { made = buildTarget(segments!, { ct, units: e.units, locale: 'en', year: null, notes }); }).not.toThrow();
    expect(made).toBeInstanceOf(IndicatorError);
    const error = made as IndicatorError;
    expect(error.code).toBe(code);
    expect(error.message).toBe(error.messages.en);
    expect(error.toJSON()).toEqual((parseTargetFresh(text, { locale: 'en' }, makeEngine(UNITS)) as IndicatorError).toJSON());
  });
});
