import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate, score, toJSON } from '../../src/index.js';
import { schema } from '../../src/schema.js';
import { run } from '../cli/helpers.js';
import { brief, points, status } from './helpers.js';

/**
 * contract.md, "Actuals written with a comparator": `≥95%` in the actual column is a bound.
 * Pass when every value it allows meets the target, fail when none does, else `unknown`
 * (IMPRECISE_ACTUAL); the score uses the bound as B. Before, all of these were
 * UNPARSEABLE_ACTUAL.
 */

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(schema, 'indicator-expr');
const validVerdict = ajv.compile({ $ref: 'indicator-expr#/definitions/Verdict' });

describe('an actual written as a bound, against a compare target', () => {
  it.each([
    // target, actual, status
    ['≥95%', '≥95%', 'pass'],
    ['≥90%', '≥95%', 'pass'],
    ['≥95%', '>95%', 'pass'],
    ['≥95%', '95%以上', 'pass'],
    ['≥95%', '不低于96%', 'pass'],
    ['>95%', '>95%', 'pass'],
    ['≤3天', '≤2天', 'pass'],
    ['≤3天', '<3天', 'pass'],
    ['<3天', '≤3天', 'unknown'],
    ['≤3天', '不超过3天', 'pass'],
    ['≥95%', '≤80%', 'fail'],
    ['≥95%', '<95%', 'fail'],
    ['>95%', '≤95%', 'fail'],
    ['≤3天', '≥4天', 'fail'],
    ['≤3天', '>3天', 'fail'],
    ['≥95%', '≥90%', 'unknown'],
    ['≥95%', '≤99%', 'unknown'],
    ['>95%', '≥95%', 'unknown'],
    ['≤3天', '≤5天', 'unknown'],
    ['≥95%', '≥96%且≤98%', 'pass'],
    ['≥95%', '96%-98%', 'pass'],
    ['≥95%', '90%-98%', 'unknown'],
    ['≥95%', '80%-90%', 'fail'],
    ['≥95%', '101%左右', 'pass'], // 101 % ± 5.05 %
    ['≥95%', '95%左右', 'unknown'],
    ['≥95%', '约85%', 'fail'],
    ['=100%', '≥100%', 'pass'],
    ['=100%', '≤99%', 'fail'],
    ['≠0', '≥1', 'pass'],
    ['≠0', '≤0', 'unknown'],
    ['=0', '≤0', 'pass'],
    ['=0', '<1', 'unknown'],
  ] as const)('%s against %s: %s', (target, actual, want) => {
    const v = evaluate(target, actual);
    expect(v.status).toBe(want);
    if (want === 'unknown') expect(v.reason?.code).toBe('IMPRECISE_ACTUAL');
    expect(validVerdict(toJSON(v))).toBe(true);
  });

  it('a strict `=` is met only by the bound that allows A alone', () => {
    expect(status('=100%', '≥100%', { equals: 'exact' })).toBe('unknown');
    expect(status('=100%', '≥100%且≤100%', { equals: 'exact' })).toBe('pass');
    expect(status('=100%', '≤99%', { equals: 'exact' })).toBe('fail');
  });

  it('an implicit op is filled by polarity, from the option or the name, as for a plain actual', () => {
    expect(brief('100万元', '≤90万元', { indicator: '机关日常办公支出' })).toMatchObject({ status: 'pass', op: '<=', opSource: 'indicator' });
    expect(brief('100万元', '≤90万元', { polarity: 'positive' })).toMatchObject({ status: 'fail', op: '>=', opSource: 'option' });
    expect(brief('100万元', '≤90万元')).toMatchObject({ status: 'fail', op: '>=', opSource: 'default' });
    expect(brief('3天', '≤2天')).toMatchObject({ status: 'pass', op: '<=', opSource: 'default' });
    expect(brief('3天', '≥5天')).toMatchObject({ status: 'fail', op: '<=', opSource: 'default' });
    // A written = is reached in the indicator's better direction.
    expect(brief('=3个工作日', '≤2个工作日', { indicator: '住房公积金贷款办理时限' })).toMatchObject({ status: 'pass', op: '<=', opSource: 'equals-reached' });
    expect(brief('=3个工作日', '≥4个工作日', { indicator: '住房公积金贷款办理时限' })).toMatchObject({ status: 'fail', op: '<=' });
  });

  it('compares exactly in base units, reading a side without a unit in the other\'s', () => {
    expect(status('≥50亿元', '≥500000万元')).toBe('pass');
    expect(status('≥50亿元', '≤4999999999.99元')).toBe('fail');
    expect(brief('≥95', '≥96%')).toMatchObject({ status: 'pass', assumedUnit: '%' });
    expect(brief('≥95%', '≥96')).toMatchObject({ status: 'pass', assumedUnit: '%' });
    expect(brief('≥95%', '≥95天')).toMatchObject({ status: 'unknown', code: 'UNIT_MISMATCH' });
  });
});

describe('an actual written as a bound, against ranges, ≈ and several targets', () => {
  it.each([
    ['85%-90%', '86%-88%', 'pass'],
    ['85%-90%', '≥86%且≤90%', 'pass'],
    ['85%-90%', '≥95%', 'fail'],
    ['85%-90%', '≤80%', 'fail'],
    ['85%-90%', '≥88%', 'unknown'],
    ['85%-90%', '80%-86%', 'unknown'],
    ['85%-90%', '88%左右', 'unknown'], // 88 % ± 5 % of it reaches past 90 %
    ['90%左右', '89%-91%', 'pass'],
    ['90%左右', '≥95%', 'fail'],
    ['90%左右', '≤80%', 'fail'],
    ['90%左右', '≥90%', 'unknown'],
    ['≥85%且≤90%', '≥86%且≤89%', 'pass'],
    ['≥85%且≤90%', '≥91%', 'fail'],
    ['≥85%且≤90%', '≥86%', 'unknown'],
  ] as const)('%s against %s: %s', (target, actual, want) => {
    const v = evaluate(target, actual);
    expect(v.status).toBe(want);
    expect(validVerdict(toJSON(v))).toBe(true);
  });

  it('a ≈ actual is the band a ≈ target around it would accept, with the tolerance option too', () => {
    expect(status('≥95%', '97%左右')).toBe('unknown'); // 97 % ± 4.85 %
    expect(status('≥95%', '97%左右', { tolerance: '1%' })).toBe('pass'); // 97 % ± 0.97 %
  });

  it('a bound may name its indicator, but not another one than the target names', () => {
    expect(status('≥90%', '满意度≥95%')).toBe('pass');
    expect(status('满意度≥90%', '满意度≥95%')).toBe('pass');
    expect(brief('知晓率≥90%', '满意度≥95%')).toMatchObject({ status: 'unknown', code: 'UNPARSEABLE_ACTUAL' });
  });

  it('a labelled cell whose parts have no actual each still needs one per part', () => {
    expect(brief('受益户数≥200户,受益脱贫户数≥15户', '≥210户')).toMatchObject({ status: 'unknown', code: 'NEEDS_ACTUAL_PER_TARGET' });
  });
});

describe('the verdict and score of a bound', () => {
  it('reads the bound as B: the actual of the verdict, its margin and completion', () => {
    expect(toJSON(evaluate('≥90%', '≥95%'))).toMatchObject({
      status: 'pass', op: '>=', actual: { value: '95', unit: '%' }, margin: '0.05', completion: '1.0556',
    });
    expect(toJSON(evaluate('≥95%', '80%-90%'))).toMatchObject({ status: 'fail', actual: { value: '90', unit: '%' }, margin: '-0.05' });
    expect(toJSON(evaluate('≤3天', '≤2天'))).toMatchObject({ status: 'pass', actual: { value: '2', unit: '天' }, completion: '1.5' });
  });

  it('an imprecise verdict has no margin, completion or score', () => {
    const s = score('≥95%', '≥90%', 10);
    expect(toJSON(s.verdict)).toMatchObject({ status: 'unknown', reason: { code: 'IMPRECISE_ACTUAL' }, margin: null, completion: null });
    expect(s.score).toBeNull();
  });

  it('scores by the rules, with the bound as B', () => {
    expect(points('≥90%', '≥95%', 10)).toBe('10');
    expect(points('≥95%', '≤80%', 10)).toBe('8.42'); // 80 / 95 × 10
    expect(points('≥95%', '80%-90%', 10)).toBe('9.47'); // 90 / 95 × 10: the nearer end
    expect(points('≤3天', '≥4天', 10)).toBe('7.5'); // 3 / 4 × 10
    expect(points('≤3天', '≥4天', 10, { reverseRule: 'linear' })).toBe('6.67'); // (1 − 1/3) × 10
    expect(points('85%-90%', '≥95%', 10)).toBe('9.47'); // 90 / 95 × 10
    expect(points('=0', '≥1', 10)).toBe('0');
    expect(score('≥80%', '≥120%', 10).deviation).toBe(true); // B ≥ 1.3 A needs a 偏差说明
  });

  it('messages name the bound as written, in both languages', () => {
    expect(evaluate('≥95%', '≤80%').reason?.messages).toEqual({
      zh: '实际值 ≤80% 未达到目标 ≥95%', en: 'The actual value ≤80% does not reach the target ≥95%',
    });
    const r = evaluate('≥95%', '≥90%', { locale: 'en' }).reason;
    expect(r?.code).toBe('IMPRECISE_ACTUAL');
    expect(r?.message).toBe('The actual value ≥90% is only a bound: some values it allows meet the target ≥95% and some do not');
    expect(r?.messages.zh).toContain('≥90%');
  });

  it('what is not a bound stays unreadable: a comparator with nothing after it, ≠, a deadline', () => {
    expect(brief('≥95%', '≥')).toMatchObject({ status: 'unknown', code: 'UNPARSEABLE_ACTUAL' });
    expect(brief('≥95%', '≠90%')).toMatchObject({ status: 'unknown', code: 'UNPARSEABLE_ACTUAL' });
    expect(brief('≥95%', '2022年12月底前')).toMatchObject({ status: 'unknown', code: 'KIND_MISMATCH' });
  });
});

describe('bounds, by property', () => {
  const pct = fc.integer({ min: 0, max: 200 });
  const op = fc.constantFrom('≥', '>', '≤', '<');

  it('a bound passes only when each value it allows passes, and fails only when each fails', () => {
    fc.assert(fc.property(op, pct, op, pct, fc.integer({ min: -3, max: 3 }), (top, a, bop, b, step) => {
      const v = evaluate(`${top}${a}%`, `${bop}${b}%`);
      // A value the bound allows: b itself when it is allowed, else one step inside.
      const inside = bop === '≥' || bop === '≤' ? b : bop === '>' ? b + 1 : b - 1;
      const sample = bop === '≥' || bop === '>' ? inside + Math.abs(step) : inside - Math.abs(step);
      const one = evaluate(`${top}${a}%`, `${sample}%`).status;
      if (v.status === 'pass') expect(one).toBe('pass');
      if (v.status === 'fail') expect(one).toBe('fail');
      expect(['pass', 'fail', 'unknown']).toContain(v.status);
    }));
  });

  it('a bound that allows one value only is judged as that value', () => {
    fc.assert(fc.property(op, pct, pct, (top, a, b) => {
      expect(evaluate(`${top}${a}%`, `≥${b}%且≤${b}%`).status).toBe(evaluate(`${top}${a}%`, `${b}%`).status);
    }));
  });
});

describe('the command shows bounds', () => {
  it('eval and check judge them', () => {
    const e = run(['eval', '≥90%', '≥95%', '--format', 'json']);
    expect(JSON.parse(e.out)).toMatchObject({ status: 'pass', actual: { value: '95', unit: '%' } });
    const u = run(['eval', '≥95%', '≥90%', '--format', 'json', '--locale', 'en']);
    expect(JSON.parse(u.out)).toMatchObject({ status: 'unknown', reason: { code: 'IMPRECISE_ACTUAL' } });
    const table = '三级指标,指标值,实际完成值,分值\n满意度,≥90%,≥95%,10\n投诉率,≤5%,≤8%,10\n办理时限,≤3天,≥4天,10\n';
    const c = run(['check', '-', '--format', 'jsonl'], table);
    expect(c.code).toBe(0);
    expect(c.lines.map((l) => JSON.parse(l)).map((o) => [o.verdict.status, o.verdict.reason?.code ?? null, o.score.score])).toEqual([
      ['pass', null, '10'], ['unknown', 'IMPRECISE_ACTUAL', null], ['fail', 'ABOVE_TARGET', '7.5'],
    ]);
  });
});
