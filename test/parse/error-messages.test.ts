import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndicatorError, messagesOf, type ErrorCode } from '../../src/errors.js';
import { fill, MESSAGES } from '../../src/i18n/messages.js';

const CODES = Object.keys(MESSAGES) as ErrorCode[];
/** Every placeholder name of the templates, and a few that none has. */
const NAMES = [...new Set(CODES.flatMap((c) => [...`${MESSAGES[c].zh}${MESSAGES[c].en}`.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))), 'other', 'x'];

/** The messages as the templates read, each detail quoted at most 40 characters long (what messagesOf has always made). */
function expected(code: ErrorCode, details: Record<string, string | number>): { zh: string; en: string } {
  const shown: Record<string, string | number> = {};
  for (const k of Object.keys(details)) {
    const v = details[k]!;
    shown[k] = typeof v === 'string' && v.length > 40 ? `${v.slice(0, 39)}…` : v;
  }
  return { zh: fill(MESSAGES[code].zh, shown), en: fill(MESSAGES[code].en, shown) };
}

describe('error messages', () => {
  it('fill every code\'s templates in both languages from the details, long ones shortened', () => {
    const detail = fc.oneof(fc.string({ maxLength: 60 }), fc.integer(), fc.constantFrom('{min}', '', 'x'.repeat(40), 'y'.repeat(41)));
    fc.assert(fc.property(fc.constantFrom(...CODES), fc.dictionary(fc.constantFrom(...NAMES), detail), fc.constantFrom('zh' as const, 'en' as const), (code, details, locale) => {
      const e = new IndicatorError(code, { offset: 0, length: 1 }, 'x', details, locale);
      const want = expected(code, details);
      expect(messagesOf(code, details)).toEqual(want);
      expect(e.messages).toEqual(want);
      expect(Object.isFrozen(e.messages)).toBe(true);
      expect(e.message).toBe(want[locale]);
    }), { numRuns: 3000 });
  });

  it('quote only the details\' own enumerable keys', () => {
    const details = Object.create({ min: 'inherited' }) as Record<string, string>;
    Object.defineProperty(details, 'max', { value: 'hidden', enumerable: false });
    expect(messagesOf('EMPTY_RANGE', details)).toEqual(expected('EMPTY_RANGE', details));
    expect(messagesOf('EMPTY_RANGE', details).en).toBe('The range is empty:  is greater than ');
  });
});
