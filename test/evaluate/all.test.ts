import { describe, expect, it } from 'vitest';
import { evaluate, score } from '../../src/index.js';
import { brief, status } from './helpers.js';

const LABELLED = '受益户数≥200户,受益脱贫户数≥15户';

describe('an unlabelled conjunction shares one actual', () => {
  it('passes when every part passes', () => {
    const v = evaluate('≥85%且≤90%', '88%');
    expect(v.status).toBe('pass');
    expect(v.op).toBeNull();
    expect(v.parts?.map((p) => p.status)).toEqual(['pass', 'pass']);
    expect(v.parts?.map((p) => p.op)).toEqual(['>=', '<=']);
    expect(v.actual).toMatchObject({ unit: '%' });
  });

  it('fails with the failing part\'s reason, named by its text', () => {
    const v = evaluate('≥85%且≤90%', '91%');
    expect(v.status).toBe('fail');
    expect(v.reason?.code).toBe('ABOVE_TARGET');
    expect(v.reason?.messages.zh).toMatch(/^“≤90%”：/);
    expect(v.reason?.messages.en).toMatch(/^≤90%: /);
  });

  it('an array of the same length gives each part its own', () => {
    const v = evaluate('≥85%且≤90%', [88, '91%']);
    expect(v.parts?.map((p) => p.status)).toEqual(['pass', 'fail']);
    expect(v.actual).toBeNull();
  });

  it('a plain number is read in each part\'s unit', () => {
    expect(evaluate('≥85%且≤90%', 88).parts?.map((p) => p.assumedUnit)).toEqual(['%', '%']);
  });
});

describe('labelled parts need their own actual', () => {
  it('one shared quantity is NEEDS_ACTUAL_PER_TARGET', () => {
    const v = evaluate(LABELLED, '210户');
    expect(v.status).toBe('unknown');
    expect(v.reason?.code).toBe('NEEDS_ACTUAL_PER_TARGET');
    expect(v.reason?.messages.zh).toContain('受益户数、受益脱贫户数');
    expect(v.parts?.map((p) => p.reason?.code)).toEqual(['NEEDS_ACTUAL_PER_TARGET', 'NEEDS_ACTUAL_PER_TARGET']);
    expect(brief(LABELLED, 210).code).toBe('NEEDS_ACTUAL_PER_TARGET');
    expect(brief(LABELLED, ['210户']).code).toBe('NEEDS_ACTUAL_PER_TARGET');
  });

  it('an array by position', () => {
    expect(status(LABELLED, ['210户', '16户'])).toBe('pass');
    expect(status(LABELLED, [210, 14])).toBe('fail');
  });

  it('a record by label', () => {
    expect(status(LABELLED, { 受益户数: 210, 受益脱贫户数: '16户' })).toBe('pass');
    const v = evaluate(LABELLED, { 受益户数: 210, 受益脱贫户数: '14户' });
    expect(v.status).toBe('fail');
    expect(v.reason?.messages.zh).toBe('“受益脱贫户数”：实际值 14户 未达到目标 ≥15户');
  });

  it('a record missing a label leaves that part unknown', () => {
    const v = evaluate(LABELLED, { 受益户数: 210 });
    expect(v.status).toBe('unknown');
    expect(v.reason?.code).toBe('NEEDS_ACTUAL_PER_TARGET');
    expect(v.parts?.map((p) => p.status)).toEqual(['pass', 'unknown']);
  });

  it('fail outranks unknown', () => {
    expect(status(LABELLED, { 受益户数: 100 })).toBe('fail');
  });

  it('a string with the same labels', () => {
    expect(status(LABELLED, '受益户数210户,受益脱贫户数16户')).toBe('pass');
    expect(status(LABELLED, '受益户数=210户；受益脱贫户数=14户')).toBe('fail');
    expect(brief(LABELLED, '其他户数210户').code).toBe('NEEDS_ACTUAL_PER_TARGET');
  });

  it('a word judges the whole cell', () => {
    expect(status(LABELLED, '已完成')).toBe('pass');
    expect(evaluate(LABELLED, '基本完成').reason?.messages.zh).toBe('实际完成情况“基本完成”表明部分达成目标');
    expect(evaluate('≥85%且≤90%', '').reason?.messages.en).toBe('The actual value is missing');
    expect(status(LABELLED, '部分完成')).toBe('partial');
    expect(brief(LABELLED, '').code).toBe('MISSING_ACTUAL');
  });
});

describe('status order fail > unknown > partial > pass', () => {
  it.each([
    [['pass', 'partial'], 'partial', ['88%', '基本达到']],
    [['partial', 'unknown'], 'unknown', ['基本达到', '88天']],
    [['unknown', 'fail'], 'fail', ['88天', '95%']],
    [['pass', 'pass'], 'pass', ['86%', '89%']],
  ] as const)('%j is %s', (want, cell, actuals) => {
    const v = evaluate('≥85%且≤90%', [...actuals]);
    expect(v.parts?.map((p) => p.status)).toEqual(want);
    expect(v.status).toBe(cell);
  });

  it('scores the lowest part, or null when a part is unknown', () => {
    expect(score('≥85%且≤90%', ['80%', '95%'], 10).score?.toFixed()).toBe('9.41');
    expect(score('≥85%且≤90%', ['80%', '95%'], 10).rule).toBe('all-lowest');
    expect(score('≥85%且≤90%', ['88天', '95%'], 10).score).toBeNull();
  });
});
