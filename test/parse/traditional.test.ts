import { readFileSync } from 'node:fs';
import { Converter, Locale } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { foldsFile, openccCharacters, traditionalPairs, vocabularyChars } from '../../grammar/traditional-folds.mjs';
import { vocabulary } from '../../src/grammar.js';
import { evaluate, parseTarget, toJSON } from '../../src/index.js';
import { clean } from '../../src/text/clean.js';

/**
 * Tables published in traditional script read as the same tables in simplified script: every
 * word the package knows, written in traditional characters by OpenCC (the converter people
 * and mirrors use), cleans to the simplified word, and parses to the same target. The fold
 * table itself is generated from OpenCC's dictionary (grammar/traditional-folds.mjs).
 */
const v = vocabulary();
const words = [...new Set([
  ...v.opsBefore.map((x) => x.word), ...v.opsAfter.map((x) => x.word), ...v.approxBefore, ...v.approxAfter,
  ...v.intents, ...v.trends.map((x) => x.word), ...v.trendModifiers, ...v.conjunctions, ...v.deadlineAfter,
  ...v.completionWords, ...v.yearEndWords, ...v.afterYearEndWords, ...v.wholeYearWords, ...v.recurringMonthWords, ...v.spelledRatios.map((x) => x.word), ...v.magnitudes.map((x) => x.word),
  ...v.placeholders, ...v.units.flatMap((u) => [u.name, ...u.spellings]), ...v.classifiers,
  ...Object.values(v.achievement).flat(), ...v.polarity.map((x) => x.word), ...v.strictness.map((x) => x.word),
])].filter((w) => /\p{Script=Han}/u.test(w));
const toTaiwan = Converter({ from: 'cn', to: 'tw' });
const toHongKong = Converter({ from: 'cn', to: 'hk' });
const toTraditional = Converter({ from: 'cn', to: 't' });

describe('traditional script', () => {
  it('the fold table is generated from OpenCC for the vocabulary (npm run vocab:folds)', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../node_modules/opencc-js/package.json', import.meta.url), 'utf8')) as { version: string };
    const fresh = foldsFile(traditionalPairs(vocabularyChars(v), openccCharacters(Locale)), version);
    expect(readFileSync(new URL('../../src/vocab/traditional-folds.ts', import.meta.url), 'utf8')).toBe(fresh);
  });

  it('finds the vocabulary\'s words and characters', () => {
    expect(words.length).toBeGreaterThan(300);
    expect(words).toEqual(expect.arrayContaining(['不低于', '工作日', '较上年', '逾期', '以上', '基本达到']));
  });

  it.each([['standard', toTraditional], ['Taiwan', toTaiwan], ['Hong Kong', toHongKong]] as const)(
    'every word of the vocabulary written in %s traditional script cleans to the simplified word', (_, convert) => {
      const differ = words.filter((w) => convert(w) !== w);
      expect(differ.length).toBeGreaterThan(100);
      // A traditional spelling that is a simplified word too (回覆: 覆 is simplified, as in
      // 覆盖率) cannot fold character by character; the vocabulary lists it as a word itself.
      const known = new Set(words);
      expect(words.map((w) => [w, convert(w), clean(convert(w)).text]).filter(([w, t, back]) => back !== w && !known.has(t!))).toEqual([]);
    },
  );

  it('simplified words are never changed by the fold', () => {
    expect(words.filter((w) => clean(w).text !== w)).toEqual([]);
  });

  it('cells written in traditional script parse to the targets of their simplified forms', () => {
    const cells = ['≥50亿元', '不低于95%', '3个工作日', '较上年提高5个百分点', '2022年12月底前完成', '≤1‰', '健全',
      '受益户数≥200户,受益脱贫户数≥15户', '90%左右', '不超过30万元', '贷款逾期率≤1.5%', '=207项', '≥1000万平方米'];
    for (const cell of cells) {
      const traditional = toTaiwan(cell);
      // Labels are free text: only the vocabulary's characters fold, so they may differ.
      const strip = (x: unknown): unknown => JSON.parse(JSON.stringify(x, (k, val: unknown) => (k === 'text' || k === 'label' ? undefined : val)));
      expect(strip(toJSON(parseTarget(traditional))), `${cell} → ${traditional}`).toEqual(strip(toJSON(parseTarget(cell))));
    }
  });

  it('actual values and indicator names in traditional script are judged alike', () => {
    expect(evaluate('≥50億元', '52.3億元').status).toBe('pass');
    expect(evaluate('健全', '已完成').status).toBe(evaluate('健全', toTaiwan('已完成')).status);
    expect(evaluate('3個工作日', '2個工作日', { indicator: toTaiwan('住房公积金贷款办理时限') }).op).toBe('<=');
  });
});
