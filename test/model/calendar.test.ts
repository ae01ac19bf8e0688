import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysIn } from '../../src/model/calendar.js';
import { parseTarget } from '../../src/index.js';

/**
 * The one table of month lengths that the lexer (does a written date exist), the building
 * of deadlines (`2月底`, `第一季度末`) and evaluate's spans share.
 */
describe('daysIn', () => {
  it('is the Gregorian calendar for every month of a given year', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
      // The day before the first of the next month, by the platform's proleptic Gregorian calendar.
      const d = new Date(0);
      d.setUTCFullYear(year, month, 0);
      expect(daysIn(month, year)).toBe(d.getUTCDate());
    }), { numRuns: 2000 });
  });

  it('gives February 29 days when no year is written, every other month its fixed length', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysIn(m, null))).toEqual([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('is what the parser uses: month ends and the dates that exist', () => {
    const end = (text: string) => { const t = parseTarget(text); return t.kind === 'deadline' ? t.date.day : null; };
    expect(end('2024年2月底前')).toBe(29);
    expect(end('2023年2月底前')).toBe(28);
    expect(end('2月底前')).toBe(29);
    expect(end('2023年第一季度末前')).toBe(31);
    expect(parseTarget('2024年2月29日前').kind).toBe('deadline');
    expect(() => parseTarget('2023年2月29日前')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
    expect(() => parseTarget('2023年4月31日前')).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
