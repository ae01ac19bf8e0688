import { describe, expect, it } from 'vitest';
import { parseTarget, toJSON } from '../../src/index.js';
import {
  BETWEEN_AND, BETWEEN_CLOSE, BETWEEN_OPEN, DEADLINE_PREFIX, PLUS_MINUS, RESULT_STATE_WORDS, TARGET_SEPARATORS,
} from '../../src/vocab/words.js';

/** The words the lexer and the builder read from src/vocab/words.ts, each as a cell uses it. */
describe('words of the grammar are data', () => {
  it('deadline words before a date', () => {
    for (const w of DEADLINE_PREFIX) {
      expect(toJSON(parseTarget(`${w}2022年12月底`)), w).toMatchObject({ kind: 'deadline', date: { year: 2022, month: 12, day: 31 } });
    }
  });

  it('the words around a range', () => {
    for (const open of BETWEEN_OPEN) for (const and of BETWEEN_AND) for (const close of BETWEEN_CLOSE) {
      expect(toJSON(parseTarget(`${open}85%${and}90%${close}`)), and).toMatchObject({ kind: 'range', min: { value: '85' }, max: { value: '90' } });
    }
  });

  it('a centre and its deviation', () => {
    for (const pm of PLUS_MINUS) {
      expect(toJSON(parseTarget(`2${pm}0.5万元`)), pm).toMatchObject({ kind: 'range', min: { value: '1.5' }, max: { value: '2.5' } });
    }
  });

  it('separators between the targets of one cell', () => {
    // (A line break never reaches the lexer: clean-up makes it a space, and `≥85%\n≤90%` is
    // rejected today. Left as it is here: results stay unchanged in this change.)
    for (const sep of TARGET_SEPARATORS.filter((s) => s !== '\n')) expect(parseTarget(`≥85%${sep}≤90%`).kind, sep).toBe('all');
  });

  it('words that make a trend word a stated result', () => {
    for (const w of RESULT_STATE_WORDS) expect(parseTarget(`${w}提高`).kind, w).toBe('qualitative');
    expect(parseTarget('提高').kind).toBe('trend');
  });

  it('grade scales of the one-character grade words', () => {
    expect(toJSON(parseTarget('优良中低差'))).toMatchObject({ kind: 'qualitative', scale: ['优', '良', '中', '低', '差'] });
    expect(toJSON(parseTarget('优良'))).toMatchObject({ scale: ['优', '良'] });
    expect(toJSON(parseTarget('优优'))).not.toHaveProperty('scale');
  });
});
