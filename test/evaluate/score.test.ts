import DecimalJs from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Decimal, grade, score, toJSON } from '../../src/index.js';
import { points } from './helpers.js';

describe('higher is better', () => {
  it('B ≥ A earns W; else B/A × W, rounded half up to 2 places', () => {
    expect(points('≥95%', '96%', 10)).toBe('10');
    expect(points('≥95%', '80%', 10)).toBe('8.42');
    expect(score('≥95%', '80%', 10).rule).toBe('higher-better-ratio');
    expect(points('=100%', '98%', 10)).toBe('9.8');
    expect(points('207项', '200项', 5)).toBe('4.83');
  });

  it('over-achievement never earns more than W', () => {
    expect(points('≥50亿元', '100亿元', 10)).toBe('10');
  });

  it('half up at the last place', () => {
    expect(points('≥8', '1.0004', 1)).toBe('0.13'); // 0.12505
    expect(points('≥8', '1.00039', 1)).toBe('0.13'); // 0.12504875
    expect(points('≥8', '1.0003', 1)).toBe('0.13'); // 0.1250375
    expect(points('≥8', '0.9996', 1)).toBe('0.12'); // 0.12495
  });

  it('a negative actual scores 0', () => {
    expect(points('≥95%', '-5%', 10)).toBe('0');
  });

  it('A ≤ 0: B ≥ A earns W, else 0', () => {
    expect(points('≥0', '0', 10)).toBe('10');
    expect(points('≥0', '-1', 10)).toBe('0');
    expect(points('≥-5%', '-6%', 10)).toBe('0');
    expect(score('≥-5%', '-6%', 10).rule).toBe('higher-better-all-or-nothing');
  });
});

describe('lower is better', () => {
  it('B ≤ A earns W; else A/B × W (the central form\'s rule)', () => {
    expect(points('≤10', '10', 10)).toBe('10');
    expect(points('≤10', '11', 10)).toBe('9.09');
    expect(score('≤10', '11', 10).rule).toBe('lower-better-ratio');
    expect(points('≤1‰', '4‰', 8)).toBe('2');
  });

  it('reverseRule "linear": (1 − (B − A)/A) × W, 0 from B = 2A on', () => {
    expect(points('≤10', '11', 10, { reverseRule: 'linear' })).toBe('9');
    expect(score('≤10', '11', 10, { reverseRule: 'linear' }).rule).toBe('lower-better-linear');
    expect(points('≤10', '15', 10, { reverseRule: 'linear' })).toBe('5');
    expect(points('≤10', '20', 10, { reverseRule: 'linear' })).toBe('0');
    expect(points('≤10', '35', 10, { reverseRule: 'linear' })).toBe('0');
  });

  it('A = 0: B ≤ 0 earns W, else 0', () => {
    expect(points('≤0', '0', 10)).toBe('10');
    expect(points('≤0', '0.001', 10)).toBe('0');
    expect(score('≤0', '0.001', 10).rule).toBe('lower-better-all-or-nothing');
  });

  it('an implicit duration reads ≤', () => {
    expect(points('3个工作日', '4个工作日', 10)).toBe('7.5');
  });
});

describe('= targets', () => {
  it('A = 0: W when B ≤ 0, else 0', () => {
    expect(points('=0%', '0', 10)).toBe('10');
    expect(points('=0%', '0.1%', 10)).toBe('0');
    expect(score('=0%', '0.1%', 10).rule).toBe('equals-zero');
  });

  it('A > 0 scores like higher-is-better', () => {
    expect(score('=100%', '98%', 10).rule).toBe('higher-better-ratio');
  });

  it('strict = scores by the nearer side', () => {
    expect(points('=100', '80', 10, { equals: 'exact' })).toBe('8');
    expect(points('=100', '125', 10, { equals: 'exact' })).toBe('8');
    expect(score('=100', '125', 10, { equals: 'exact' }).rule).toBe('equals-exact');
  });

  it('≠ is all or nothing', () => {
    expect(points('≠0', '1', 10)).toBe('10');
    expect(points('≠0', '0', 10)).toBe('0');
  });
});

describe('ranges and ≈', () => {
  it('W inside, else by the nearer bound', () => {
    expect(points('85%-90%', '88%', 10)).toBe('10');
    expect(points('85%-90%', '80%', 10)).toBe('9.41');
    expect(points('85%-90%', '95%', 10)).toBe('9.47');
    expect(points('85%-90%', '95%', 10, { reverseRule: 'linear' })).toBe('9.44');
    expect(score('85%-90%', '95%', 10).rule).toBe('range');
  });

  it('≈ by the ends of its tolerance band', () => {
    expect(points('90%左右', '80%', 10)).toBe('9.36'); // 80 / 85.5
    expect(points('90%左右', '100%', 10)).toBe('9.45'); // 94.5 / 100
    expect(score('90%左右', '100%', 10).rule).toBe('approx');
  });
});

describe('qualitative bands', () => {
  it('pass W; partial in [0.6 W, 0.8 W); fail in [0, 0.6 W)', () => {
    expect(points('健全', '健全', 10)).toBe('10');
    expect(points('健全', '基本健全', 10)).toBe('6');
    expect(points('健全', '基本健全', 10, { band: '0.5' })).toBe('7');
    expect(points('健全', '基本健全', 10, { band: 1 })).toBe('7.99');
    expect(points('健全', '不健全', 10)).toBe('0');
    expect(points('健全', '不健全', 10, { band: 0.5 })).toBe('3');
    expect(points('健全', '不健全', 10, { band: new Decimal(1) })).toBe('5.99');
    expect(score('健全', '基本健全', 10).rule).toBe('qualitative-band');
  });

  it('applies to trends, deadlines and words against quantities', () => {
    expect(points('提高', { value: 2, baseline: 1 }, 5)).toBe('5');
    expect(points('提高', { value: 1, baseline: 2 }, 5, { band: '0.5' })).toBe('1.5');
    expect(points('2022年12月31日前', '2023-01-01', 5)).toBe('0');
    expect(points('≥95%', '部分完成', 10)).toBe('6');
  });

  it('the band stays inside on awkward weights', () => {
    expect(points('健全', '基本健全', '0.05', { band: 1 })).toBe('0.03');
    expect(points('健全', '基本健全', '10.005')).toBe('6.01'); // 6.003 rounds down below the band: lifted
  });
});

describe('a non-pass never earns the full weight', () => {
  it('strict bound missed by nothing', () => {
    expect(points('>95%', '95%', 10)).toBe('9.99');
    expect(score('>95%', '95%', 10).ratio?.toFixed()).toBe('1');
  });

  it('a miss that rounds up to W', () => {
    expect(points('≥95%', '94.999%', 10)).toBe('9.99');
    expect(points('≥95%', '94.999%', 10, { scale: 0 })).toBe('9');
  });
});

describe('rounding option', () => {
  it('scale sets the places; null keeps them exact', () => {
    expect(points('≤10', '11', 10, { scale: 4 })).toBe('9.0909');
    expect(points('≤10', '11', 10, { scale: 0 })).toBe('9');
    expect(points('≥8', '1', 10, { scale: null })).toBe('1.25');
    expect(points('≤10', '11', 10, { scale: null })).toBe('9.0909090909090909091');
  });

  it('a full weight is never rounded', () => {
    expect(points('≥95%', '96%', '2.555')).toBe('2.555');
    expect(points('≥95%', '96%', '2.555', { scale: 0 })).toBe('2.555');
  });
});

describe('over-achievement flag (偏差说明)', () => {
  it('B ≥ 1.3 A for higher-is-better with A > 0', () => {
    expect(score('≥100', '130', 10).deviation).toBe(true);
    expect(score('≥100', '129.99', 10).deviation).toBe(false);
    expect(score('=100%', '130%', 10).deviation).toBe(true);
    expect(score('≥0', '5', 10).deviation).toBe(false);
  });

  it('B ≤ 0.7 A for lower-is-better with A > 0', () => {
    expect(score('≤100', '70', 10).deviation).toBe(true);
    expect(score('≤100', '70.01', 10).deviation).toBe(false);
    expect(score('3个工作日', '2个工作日', 10).deviation).toBe(true);
  });

  it('not for ranges, terms or unknowns', () => {
    expect(score('85%-90%', '88%', 10).deviation).toBe(false);
    expect(score('健全', '健全', 10).deviation).toBe(false);
    expect(score('≥100%', '130天', 10).deviation).toBe(false);
  });
});

describe('unknown verdicts and weights', () => {
  it('score is null when the verdict is unknown', () => {
    const s = score('≥95%', '95天', 10);
    expect([s.score, s.ratio, s.rule, s.status]).toEqual([null, null, null, 'unknown']);
  });

  it('weights of every number type', () => {
    for (const w of ['10', 10, 10n, new Decimal(10), new DecimalJs(10), new (DecimalJs.clone())('1e1')]) {
      expect(score('≤10', '11', w).score?.toFixed()).toBe('9.09');
    }
    expect(points('≥95%', '80%', 0)).toBe('0');
  });

  it('rejects bad weights and options', () => {
    for (const w of [-1, NaN, 'abc', '', Infinity]) {
      expect(() => score('≥1', '1', w)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
    expect(() => score('≥1', '1', 10, { band: 1.5 })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => score('≥1', '1', 10, { band: -0.1 })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => score('≥1', '1', 10, { scale: -1 })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => score('≥1', '1', 10, { scale: 2.5 })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => score('≥1', '1', 10, { reverseRule: 'log' as never })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('keeps the verdict', () => {
    const s = score('≥95%', '80%', 10);
    expect(s.verdict.status).toBe('fail');
    expect(s.verdict.reason?.code).toBe('BELOW_TARGET');
  });
});

describe('the contract\'s Score JSON example', () => {
  it('≤10 target, 11 actual, weight 10', () => {
    expect(toJSON(score('≤10', '11', 10))).toEqual({
      score: '9.09', weight: '10', ratio: '0.909090909090909090909', rule: 'lower-better-ratio', status: 'fail', deviation: false,
    });
  });
});

describe('grade', () => {
  it.each([
    ['100', '优'], ['90', '优'], ['89.99', '良'], ['80', '良'], ['79.99', '中'], ['60', '中'], ['59.99', '差'], ['0', '差'], ['-5', '差'], ['120', '优'],
  ])('%s → %s', (total, g) => {
    expect(grade(total)).toBe(g);
  });

  it('numbers and Decimals, and totals out of another maximum', () => {
    expect(grade(89.99)).toBe('良');
    expect(grade(new Decimal('90'))).toBe('优');
    expect(grade(45, 50)).toBe('优');
    expect(grade('44.99', 50)).toBe('良');
    expect(grade(18, 20)).toBe('优');
    expect(grade('17.99', '20')).toBe('良');
  });

  it('rejects what is no total', () => {
    expect(() => grade(NaN)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => grade(50, 0)).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
