import { describe, expect, it } from 'vitest';
import { IndicatorError, MAX_INPUT_LENGTH, parseTarget, tryParseTarget } from '../../src/index.js';
import { PLACEHOLDERS } from '../../src/vocab/words.js';
import { err } from '../helpers.js';

describe('forms §9: what must be rejected', () => {
  it.each(['', ' ', '\u3000', '<p></p>', '&nbsp;', '（历史标准）'])('empty %j → EMPTY', (text) => {
    expect(err(text).code).toBe('EMPTY');
  });

  it.each(PLACEHOLDERS)('placeholder %s → NOT_APPLICABLE', (text) => {
    expect(err(text)).toMatchObject({ code: 'NOT_APPLICABLE', offset: 0, length: text.length });
  });

  it.each([
    ['50 60', 'UNEXPECTED_TOKEN', 3, 2],
    ['≥', 'MISSING_NUMBER', 0, 1],
    ['≥亿元', 'MISSING_NUMBER', 1, 2],
    ['不低于', 'MISSING_NUMBER', 0, 3],
    ['百分之', 'MISSING_NUMBER', 0, 3],
    ['90%-85%', 'EMPTY_RANGE', 0, 7],
    ['5%-3天', 'MIXED_DIMENSIONS', 0, 5],
    ['100%（历史标准', 'UNCLOSED_BRACKET', 4, 1],
    ['每月25日前发布家政服务岗位', 'RECURRING_DEADLINE', 0, 5],
    ['≥90%@', 'UNEXPECTED_TOKEN', 4, 1],
    ['≥9\u00009', 'UNEXPECTED_CHARACTER', 2, 1],
  ] as const)('%s → %s at %i+%i', (text, code, offset, length) => {
    expect(err(text)).toMatchObject({ code, offset, length });
  });

  it('rejects input longer than the documented limit before any work', () => {
    const long = '≥'.repeat(MAX_INPUT_LENGTH + 1);
    expect(err(long)).toMatchObject({ code: 'INPUT_TOO_LONG', offset: MAX_INPUT_LENGTH, length: 1 });
    expect((parseTarget('9'.repeat(MAX_INPUT_LENGTH)) as any).quantity.value.toFixed()).toBe('9'.repeat(MAX_INPUT_LENGTH));
    expect(parseTarget('1'.repeat(40), { maxLength: 50 }).kind).toBe('compare');
    expect(err('1'.repeat(60), { maxLength: 50 }).code).toBe('INPUT_TOO_LONG');
  });

  it('gives messages in Chinese by default and English on request, both always available', () => {
    try {
      parseTarget('≥');
    } catch (e: any) {
      expect(e.message).toBe(e.messages.zh);
      expect(e.messages.en).toMatch(/number is missing/);
    }
    try {
      parseTarget('≥', { locale: 'en' });
    } catch (e: any) {
      expect(e.message).toBe('A number is missing after "≥"');
      expect(e.name).toBe('IndicatorError');
    }
  });

  it('tryParseTarget returns the error instead of throwing', () => {
    const r = tryParseTarget('≥');
    expect(r.ok).toBe(false);
    expect(r.error?.code).toBe('MISSING_NUMBER');
    const ok = tryParseTarget('≥1');
    expect(ok.ok && ok.value.kind).toBe('compare');
  });

  it('rejects what is not a string with the package error', () => {
    for (const x of [null, undefined, 5, {}, [], Symbol('x')]) {
      expect(() => parseTarget(x as any)).toThrow(IndicatorError);
    }
  });
});
