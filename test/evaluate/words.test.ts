import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, parseTarget, score } from '../../src/index.js';
import { GRADE_WORDS } from '../../src/vocab/words.js';
import {
  ACHIEVED_PREFIXES, ACHIEVED_WORDS, ANSWER_TERMS, GRADE_SYNONYMS, NEGATION_PREFIXES, NONE_WORDS, NOT_ACHIEVED_WORDS,
  PARTIAL_PREFIXES, PARTIAL_WORDS, ZERO_TERM_PREFIXES,
} from '../../src/vocab/achievement.js';
import { brief, code, status } from './helpers.js';

/** One target of every kind (yes/no terms apart: they have their own rules below). */
const EVERY_KIND = [
  '≥95%', '3个工作日', '=0%', '90%左右', '85%-90%', '≥85%且≤90%', '受益户数≥200户,受益脱贫户数≥15户',
  '健全', '优良中低差', '较上年提高5%', '下降', '12月底前', '2021年1月-12月',
];

describe('the word tables', () => {
  it('are disjoint and hold no blanks', () => {
    const all = [...ACHIEVED_WORDS, ...PARTIAL_WORDS, ...NOT_ACHIEVED_WORDS, ...NONE_WORDS];
    expect(new Set(all).size).toBe(all.length);
    for (const w of all) expect(w.trim()).toBe(w);
    for (const w of all) expect(w).not.toBe('');
  });

  it('hold the words contract.md and issue 3 name', () => {
    for (const w of ['达到', '已完成', '完成', '达成', '是', '符合', '达成预期指标']) expect(ACHIEVED_WORDS).toContain(w);
    for (const w of ['基本达到', '部分达成', '基本完成', '部分完成']) expect(PARTIAL_WORDS).toContain(w);
    for (const w of ['未完成', '未达到', '否']) expect(NOT_ACHIEVED_WORDS).toContain(w);
  });
});

describe('words judge every kind of target', () => {
  it.each(ACHIEVED_WORDS.filter((w) => !ANSWER_TERMS.has(w)))('%s passes', (w) => {
    for (const t of EVERY_KIND) {
      const v = evaluate(t, w, { year: 2022 });
      expect([t, v.status, v.reason]).toEqual([t, 'pass', null]);
      expect(v.margin).toBeNull();
      expect(v.completion).toBeNull();
    }
  });

  it.each(PARTIAL_WORDS)('%s is partial', (w) => {
    for (const t of EVERY_KIND) {
      const v = evaluate(t, w, { year: 2022 });
      expect([t, v.status, v.reason?.code]).toEqual([t, 'partial', 'PARTIALLY_ACHIEVED']);
      expect(v.margin).toBeNull();
    }
  });

  it.each(NOT_ACHIEVED_WORDS)('%s fails', (w) => {
    for (const t of EVERY_KIND) {
      const v = evaluate(t, w, { year: 2022 });
      expect([t, v.status, v.reason?.code]).toEqual([t, 'fail', 'NOT_ACHIEVED']);
      expect(v.completion).toBeNull();
    }
  });

  it('是 is a word of achievement against terms and quantities', () => {
    expect(status('≥95%', '是')).toBe('pass');
    expect(status('健全', '是')).toBe('pass');
  });

  it.each(NONE_WORDS)('%s means none: zero against quantities, meets 零/无 targets', (w) => {
    expect(brief('=0次', w)).toMatchObject({ status: 'pass', assumedUnit: '次' });
    expect(brief('≥2次', w)).toMatchObject({ status: 'fail', code: 'BELOW_TARGET' });
    expect(status('零事故', w)).toBe('pass');
    expect(status('无重大事故', w)).toBe('pass');
    expect(status('健全', w)).toBe('fail');
  });

  it('words are matched after clean-up (spaces, full stops, HTML)', () => {
    expect(status('≥95%', ' 已 完成。')).toBe('pass');
    expect(status('≥95%', '<p>基本达到</p>')).toBe('partial');
  });

  it('scores words by the qualitative bands, whatever the target', () => {
    expect(score('≥95%', '基本完成', 10).score?.toFixed()).toBe('6');
    expect(score('≥95%', '未完成', 10).score?.toFixed()).toBe('0');
    expect(score('≥95%', '已完成', 10).score?.toFixed()).toBe('10');
  });
});

describe('qualitative terms', () => {
  it('a term is met by itself and by 已 + itself', () => {
    expect(brief('健全', '健全')).toMatchObject({ status: 'pass', op: null, margin: null });
    expect(status('公开', '已公开')).toBe('pass');
    expect(status('按时完成', '按时完成')).toBe('pass');
  });

  it.each(ACHIEVED_PREFIXES)('%s + the term passes', (p) => {
    expect(status('规范', `${p}规范`)).toBe('pass');
  });

  it.each(PARTIAL_PREFIXES)('%s + the term is partial', (p) => {
    expect(brief('健全', `${p}健全`)).toMatchObject({ status: 'partial', code: 'PARTIALLY_ACHIEVED' });
  });

  it.each(NEGATION_PREFIXES)('%s + the term fails', (p) => {
    expect(brief('公开', `${p}公开`)).toMatchObject({ status: 'fail', code: 'NOT_ACHIEVED' });
  });

  it('true meets a term, false does not', () => {
    expect(status('健全', true)).toBe('pass');
    expect(brief('健全', false)).toMatchObject({ status: 'fail', code: 'NOT_ACHIEVED' });
  });

  it('another term or a quantity is not a guess', () => {
    expect(brief('健全', '规范')).toMatchObject({ status: 'unknown', code: 'UNRECOGNISED_TERM' });
    expect(brief('健全', '较好')).toMatchObject({ status: 'unknown', code: 'UNRECOGNISED_TERM' });
    expect(brief('健全', '95%')).toMatchObject({ status: 'unknown', code: 'KIND_MISMATCH' });
    expect(brief('健全', 95)).toMatchObject({ status: 'unknown', code: 'KIND_MISMATCH' });
    expect(brief('健全', '2022年5月')).toMatchObject({ status: 'unknown', code: 'KIND_MISMATCH' });
  });
});

describe('是/否/有/无 match only themselves (and true/false)', () => {
  const table: [string, string | boolean | number, string][] = [
    ['是', '是', 'pass'], ['是', true, 'pass'], ['是', '否', 'fail'], ['是', false, 'fail'], ['是', '无', 'fail'], ['是', '有', 'unknown'],
    ['有', '有', 'pass'], ['有', true, 'pass'], ['有', '无', 'fail'], ['有', '否', 'fail'], ['有', false, 'fail'], ['有', '是', 'unknown'],
    ['否', '否', 'pass'], ['否', '无', 'pass'], ['否', 0, 'pass'], ['否', '0', 'pass'], ['否', false, 'pass'],
    ['否', '是', 'fail'], ['否', '有', 'fail'], ['否', true, 'fail'], ['否', '1', 'fail'],
    ['无', '无', 'pass'], ['无', '否', 'pass'], ['无', 0, 'pass'], ['无', false, 'pass'], ['无', '没有', 'pass'],
    ['无', '有', 'fail'], ['无', '是', 'fail'], ['无', true, 'fail'], ['无', '2起', 'fail'],
    ['健全', '否', 'fail'], ['健全', '无', 'fail'], ['健全', '有', 'unknown'],
  ];
  it.each(table)('%s against %s is %s', (t, a, want) => {
    expect(status(t, a)).toBe(want);
  });
});

describe('零/无 targets', () => {
  it.each(ZERO_TERM_PREFIXES)('%s + something lower-is-better asks for nothing to happen', (p) => {
    const t = `${p}安全事故`;
    expect(status(t, '0')).toBe('pass');
    expect(status(t, '0起')).toBe('pass');
    expect(status(t, false)).toBe('pass');
    expect(status(t, '否')).toBe('pass');
    expect(status(t, t)).toBe('pass');
    expect(status(t, '1起')).toBe('fail');
    expect(status(t, true)).toBe('fail');
    expect(status(t, '有')).toBe('fail');
  });

  it('a term after 零/无 that is not lower-is-better is an ordinary term', () => {
    expect(status('无纸化', '是')).toBe('pass');
    expect(status('无纸化', false)).toBe('fail');
    expect(code('零距离服务', '0')).toBe('KIND_MISMATCH');
  });

  it('one zero term meets another', () => {
    expect(status('零事故', '无重大事故')).toBe('pass');
  });
});

describe('grade scales', () => {
  it('with 3+ grades the first two pass, the third is partial, the rest fail', () => {
    expect(status('优良中低差', '优')).toBe('pass');
    expect(status('优良中低差', '良')).toBe('pass');
    expect(brief('优良中低差', '中')).toMatchObject({ status: 'partial', code: 'PARTIALLY_ACHIEVED' });
    expect(brief('优良中低差', '低')).toMatchObject({ status: 'fail', code: 'GRADE_TOO_LOW' });
    expect(brief('优良中低差', '差')).toMatchObject({ status: 'fail', code: 'GRADE_TOO_LOW' });
    expect(status('优良中差', '中')).toBe('partial');
    expect(status('优良中差', '差')).toBe('fail');
  });

  it('with three grades the worst one fails: the top two pass and no grade is left between them and it', () => {
    expect(status('优良中', '良')).toBe('pass');
    expect(brief('优良中', '中')).toMatchObject({ status: 'fail', code: 'GRADE_TOO_LOW' });
    expect(status('较好一般较差', '较好')).toBe('pass');
    expect(status('较好一般较差', '一般')).toBe('pass');
    expect(brief('较好一般较差', '较差')).toMatchObject({ status: 'fail', code: 'GRADE_TOO_LOW' });
    expect(status('好、一般、差', '差')).toBe('fail');
  });

  it('with two grades the first passes and the second fails', () => {
    for (const [scale, first, second] of [
      ['好坏', '好', '坏'], ['优良', '优', '良'], ['合格不合格', '合格', '不合格'], ['及格不及格', '及格', '不及格'],
      ['合格/不合格', '合格', '不合格'], ['较好较差', '较好', '较差'],
    ] as const) {
      expect([scale, status(scale, first)]).toEqual([scale, 'pass']);
      expect([scale, brief(scale, second)]).toMatchObject([scale, { status: 'fail', code: 'GRADE_TOO_LOW' }]);
    }
    expect(brief('优良', '中')).toMatchObject({ status: 'fail', code: 'GRADE_TOO_LOW' });
    expect(status('优', '良')).toBe('unknown'); // one grade is no scale: an ordinary term
  });

  it('any two or more grade words, each once, written apart, are a scale: the first passes, the last fails', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...GRADE_WORDS), { minLength: 2, maxLength: 6 }), fc.constantFrom('、', '/', ' '), (grades, sep) => {
      const t = parseTarget(grades.join(sep));
      expect(t).toMatchObject({ kind: 'qualitative', scale: grades });
      expect(status(t.text, grades[0]!)).toBe('pass');
      expect(status(t.text, grades.at(-1)!)).toBe('fail');
    }));
  });

  it('reads a spelled grade as the grade of the scale it stands for', () => {
    expect(status('较好一般较差', '中')).toBe('pass');
    expect(status('较好一般较差', '差')).toBe('fail');
    expect(status('优良中差', '一般')).toBe('partial');
    expect(status('优秀良好一般', '优')).toBe('pass');
    expect(status('优秀良好一般', '一般')).toBe('fail');
  });

  it('a grade word of another family is not graded by a scale that lacks it', () => {
    expect(code('好坏', '合格')).toBe('UNRECOGNISED_TERM');
    expect(code('合格不合格', '优')).toBe('UNRECOGNISED_TERM');
    // On the ladder of 优良中低差 a grade the scale leaves out is below its passing grades.
    expect(code('优良中差', '低')).toBe('GRADE_TOO_LOW');
  });

  it.each([...GRADE_SYNONYMS])('%s is the grade %s', (word, g) => {
    expect(status('优良中低差', word)).toBe(status('优良中低差', g));
  });

  it('words of achievement judge a scale too; booleans do not', () => {
    expect(status('优良中低差', '达成预期指标')).toBe('pass');
    expect(code('优良中低差', true)).toBe('UNRECOGNISED_TERM');
  });

  it('scores a middle grade in the partial band', () => {
    expect(score('优良中低差', '中', 10).score?.toFixed()).toBe('6');
    expect(score('优良中低差', '差', 10, { band: '0.5' }).score?.toFixed()).toBe('3');
  });
});
