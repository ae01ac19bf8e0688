import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean, cleanFully, isClean } from '../../src/text/clean.js';

/**
 * `clean` skips the full clean-up when `isClean` says it would change nothing. Proof on
 * generated text, in and around the shapes of real cells (symbols, `<` before digits and
 * before letters, entities, quotes, punctuation at the ends, white space, traditional
 * characters, full-width forms): whenever `isClean` holds, the full clean-up gives the text
 * back unchanged with every character mapped to itself; and `clean` always equals it.
 */
const piece = fc.oneof(
  fc.constantFrom('≥', '≤', '=', '<', '>', '<=', '<p>', '</b>', '<!--x-->', '<5', '&ge;', '&amp;', '&', ';', '%', '‰', '亿元', '万人', '個', '萬',
    '“', '”', '"', "'", '。', '，', ',', '.', '!', '、', ' ', '\u3000', '\u00a0', '\n', '\t', '\u200b', '\ufeff', '９', '％', '＞', '(', ')', '（', '）',
    '0', '5', '12.5', '-', '~', '至', '左右', '以上', 'a', 'Z', '/', '²', '㎡'),
  fc.string({ unit: 'binary', maxLength: 3 }),
);
const text = fc.array(piece, { maxLength: 8 }).map((a) => a.join(''));

describe('clean-up identity fast path', () => {
  it('isClean ⇒ the full clean-up changes nothing', () => {
    let clean_ = 0;
    fc.assert(fc.property(text, (s) => {
      if (!isClean(s)) return;
      clean_++;
      const full = cleanFully(s);
      expect(full.text).toBe(s);
      // Every cleaned character is the original one at the same place.
      expect(full.from).toEqual([...Array(full.text.length).keys()]);
      expect(full.to).toEqual([...Array(full.text.length).keys()].map((i) => i + 1));
    }), { numRuns: 30_000 });
    expect(clean_).toBeGreaterThan(1000);
  });

  it('clean gives the same text as the full clean-up on any input', () => {
    fc.assert(fc.property(text, (s) => {
      expect(clean(s).text).toBe(cleanFully(s).text);
    }), { numRuns: 20_000 });
  });

  it('takes the plain cells of tables', () => {
    for (const s of ['≥50亿元', '=100%', '<5%', '3个工作日', '≤2%', '0.5', '95']) expect(isClean(s)).toBe(true);
    for (const s of ['<p>5%</p>', '≥ 5%', '5%。', '“5%”', '&ge;5%', '5萬元', '']) expect(isClean(s)).toBe(false);
  });
});
