import { describe, expect, it } from 'vitest';
import { PREFIX_OPS, POSTFIX_OPS, APPROX_PREFIX, APPROX_POSTFIX, INTENT_WORDS } from '../../src/vocab/words.js';
import { err, json } from '../helpers.js';

describe('forms §4: comparators', () => {
  it.each([...PREFIX_OPS.entries()])('word or symbol before the number: %s → %s', (word, op) => {
    const t = json(`${word}95%`);
    expect(t.kind).toBe('compare');
    expect(t.op).toBe(op);
    expect(t.implicit).toBe(false);
    expect(t.quantity.value).toBe('95');
  });

  it.each([...POSTFIX_OPS.entries()])('word after the number: %s → %s', (word, op) => {
    const t = json(`95%${word}`);
    expect(t.op).toBe(op);
    expect(t.implicit).toBe(false);
  });

  it.each(APPROX_PREFIX)('≈ before the number: %s', (word) => {
    expect(json(`${word}95%`)).toMatchObject({ kind: 'approx', quantity: { value: '95' } });
  });

  it.each(APPROX_POSTFIX)('≈ after the number: %s', (word) => {
    expect(json(`95%${word}`)).toMatchObject({ kind: 'approx', quantity: { value: '95' } });
  });

  it.each([
    ['≥95%以上', '>='], ['≤3个工作日以内', '<='], ['不低于95%以上', '>='], ['控制在1%以下', '<='], ['=95%以上', '>='],
    ['大于95%以上', '>'], ['<5%以下', '<'], ['≥95%及以上', '>='], ['不超过10万元以内', '<='],
  ])('redundant pair %s → %s', (text, op) => expect(json(text).op).toBe(op));

  it('控制在 … 左右 is ≈', () => {
    expect(json('控制在90%左右').kind).toBe('approx');
  });

  it.each(INTENT_WORDS)('intent word %s is kept as a modifier and changes nothing', (word) => {
    const t = json(`${word}达到95%`);
    expect(t).toMatchObject({ kind: 'compare', op: '>=', modifiers: [word] });
  });

  it('力争达到95% is ≥ 95% (forms.md)', () => {
    expect(json('力争达到95%')).toMatchObject({ op: '>=', modifiers: ['力争'], quantity: { value: '95' } });
  });

  it.each([
    ['3个工作日', '个工作日'], ['100%', '%'], ['207项', '项'], ['95', ''],
  ])('a bare quantity %s has op = marked implicit', (text, unit) => {
    expect(json(text)).toMatchObject({ kind: 'compare', op: '=', implicit: true, quantity: { unit } });
  });

  it.each([
    ['不满18周岁', '<'], ['不足5%', '<'], ['未满3天', '<'], ['不到10人', '<'], ['不得低于95%', '>='], ['最低95%', '>='],
    ['确保不低于95%', '>='], ['不得超过5%', '<='], ['最高5%', '<='], ['95%以上（不含）', '>'], ['95%以下(不含)', '<'],
  ])('strict words: %s → %s', (text, op) => expect(json(text).op).toBe(op));

  it('contradictions are errors at the second word', () => {
    const e = err('≥95%以下');
    expect(e).toMatchObject({ code: 'CONFLICTING_OPS', offset: 4, length: 2 });
    expect(err('≤95%以上').code).toBe('CONFLICTING_OPS');
    expect(err('≥90%左右').code).toBe('CONFLICTING_OPS');
    expect(err('95%以上以下').code).toBe('CONFLICTING_OPS');
  });
});
