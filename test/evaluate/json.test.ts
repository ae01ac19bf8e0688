import { describe, expect, it } from 'vitest';
import {
  evaluate, IndicatorError, isScore, isVerdict, parseQuantity, parseTarget, score, scoreToJSON, toJSON, verdictToJSON,
} from '../../src/index.js';

const pct = (value: string, base: string) => ({ value, unit: '%', dimension: 'ratio', base: { value: base, unit: '1' }, known: true });

describe('Verdict JSON', () => {
  it('has the contract\'s shape, decimals as plain strings', () => {
    expect(verdictToJSON(evaluate('≥50亿元', '52亿元'))).toEqual({
      status: 'pass', op: '>=', opSource: 'written', reason: null, assumedUnit: null,
      target: toJSON(parseTarget('≥50亿元')),
      actual: { value: '52', unit: '亿元', dimension: 'currency', base: { value: '5200000000', unit: '元' }, known: true },
      margin: '200000000', completion: '1.04',
    });
  });

  it('a reason is { code, message } in the chosen locale', () => {
    expect(verdictToJSON(evaluate('≥95%', '95', { locale: 'en', equals: 'exact' }))).toMatchObject({ status: 'pass', assumedUnit: '%', actual: pct('95', '0.95') });
    expect(verdictToJSON(evaluate('≥95%', '94%', { locale: 'en' }))).toMatchObject({
      reason: { code: 'BELOW_TARGET', message: 'The actual value 94% does not reach the target ≥95%' },
    });
    expect(verdictToJSON(evaluate('≥95%', '94%'))).toMatchObject({
      reason: { code: 'BELOW_TARGET', message: '实际值 94% 未达到目标 ≥95%' },
    });
  });

  it('actuals of every kind', () => {
    const actual = (t: string, a: unknown, o?: object) => (verdictToJSON(evaluate(t, a as string, o)) as { actual: unknown }).actual;
    expect(actual('健全', '基本健全')).toEqual({ term: '基本健全' });
    expect(actual('健全', true)).toEqual({ boolean: true });
    expect(actual('12月底前', '2022-11-30', { year: 2022 })).toEqual({ date: '2022-11-30' });
    expect(actual('提高', { value: '95%', baseline: '90%' })).toEqual({ value: pct('95', '0.95'), baseline: pct('90', '0.9') });
    expect(actual('≥95%', '')).toBeNull();
    expect(actual('≥1亩', '1亩')).toMatchObject({ base: { value: '666.66666666666666667', unit: '平方米' }, exact: false });
  });

  it('a cell of several targets carries its parts', () => {
    const j = verdictToJSON(evaluate('≥85%且≤90%', '88%')) as { parts: { status: string; op: string }[]; op: null; margin: null };
    expect(j.parts.map((p) => [p.status, p.op])).toEqual([['pass', '>='], ['pass', '<=']]);
    expect([j.op, j.margin]).toEqual([null, null]);
    expect(verdictToJSON(evaluate('≥95%', '96%'))).not.toHaveProperty('parts');
  });

  it('is plain JSON: it survives a round trip through JSON text', () => {
    const j = verdictToJSON(evaluate('受益户数≥200户,受益脱贫户数≥15户', { 受益户数: 210, 受益脱贫户数: '14户' }));
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
});

describe('Score JSON', () => {
  it('has the contract\'s shape', () => {
    expect(scoreToJSON(score('≥95%', '96%', '10'))).toEqual({ score: '10', weight: '10', ratio: '1', rule: 'higher-better-ratio', status: 'pass', deviation: false });
    expect(scoreToJSON(score('≥95%', '95天', 10))).toEqual({ score: null, weight: '10', ratio: null, rule: null, status: 'unknown', deviation: false });
    expect(scoreToJSON(score('健全', '基本健全', 5, { band: '0.25' }))).toEqual({ score: '3.25', weight: '5', ratio: '0.65', rule: 'qualitative-band', status: 'partial', deviation: false });
  });
});

describe('toJSON, isVerdict, isScore', () => {
  it('toJSON takes verdicts and scores as well as targets and quantities', () => {
    const v = evaluate('≥95%', '96%');
    const s = score('≥95%', '96%', 10);
    expect(toJSON(v)).toEqual(verdictToJSON(v));
    expect(toJSON(s)).toEqual(scoreToJSON(s));
    expect(toJSON(parseTarget('≥95%'))).toMatchObject({ kind: 'compare' });
    expect(toJSON(parseQuantity('95%'))).toEqual(pct('95', '0.95'));
    expect(() => toJSON({} as never)).toThrow(IndicatorError);
  });

  it('recognise only what evaluate and score made', () => {
    const v = evaluate('≥95%', '96%');
    const s = score('≥95%', '96%', 10);
    expect([isVerdict(v), isScore(s), isVerdict(s), isScore(v)]).toEqual([true, true, false, false]);
    expect(isVerdict({ ...v })).toBe(false);
    expect(isScore(null)).toBe(false);
  });

  it('verdicts and scores are plain data: own enumerable fields in a fixed order, nothing else visible', () => {
    const v = evaluate('≥95%', '94%');
    const keys = ['status', 'op', 'opSource', 'polarity', 'reason', 'assumedUnit', 'target', 'actual', 'margin', 'completion', 'parts'];
    expect(Object.keys(v)).toEqual(keys);
    expect(Reflect.ownKeys(v)).toEqual(keys);
    expect(Object.keys(v.reason!)).toEqual(['code', 'messages', 'message']);
    const copy = { ...v };
    expect(copy).toEqual(v);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(v));
    expect(isVerdict(copy)).toBe(false);
    const s = score('≥95%', '94%', 10);
    expect(Object.keys(s)).toEqual(['score', 'weight', 'ratio', 'rule', 'status', 'deviation', 'verdict']);
    expect(Reflect.ownKeys(s)).toEqual(Object.keys(s));
    expect(isScore({ ...s })).toBe(false);
  });

  it('verdicts and scores are frozen', () => {
    const v = evaluate('≥85%且≤90%', '88%');
    const s = score('≥95%', '96%', 10);
    for (const x of [v, v.parts!, v.parts![0]!, s]) expect(Object.isFrozen(x)).toBe(true);
    expect(Object.isFrozen(evaluate('≥95%', '94%').reason)).toBe(true);
    expect(Object.isFrozen(evaluate('提高', { value: 1, baseline: 0 }).actual)).toBe(true);
  });
});
