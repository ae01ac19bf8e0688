import { describe, expect, it } from 'vitest';
import { Decimal, evaluate, parseQuantity } from '../../src/index.js';
import { brief, code, status } from './helpers.js';

describe('≈ targets', () => {
  it('default tolerance is 5 % of the target, inclusive at both ends', () => {
    expect(brief('90%左右', '85.5%')).toMatchObject({ status: 'pass', op: null, opSource: null, margin: '0', completion: '0.95' });
    expect(brief('90%左右', '94.5%')).toMatchObject({ status: 'pass', margin: '0' });
    expect(brief('90%左右', '85.4999%')).toMatchObject({ status: 'fail', code: 'OUTSIDE_TOLERANCE', margin: '-0.000001' });
    expect(brief('90%左右', '94.5001%')).toMatchObject({ status: 'fail', margin: '0.000001' });
  });

  it('the margin is measured from the nearer end of the band', () => {
    expect(brief('100万元左右', '110万元')).toMatchObject({ status: 'fail', margin: '50000', completion: '1.1' });
    expect(brief('100万元左右', '90万元')).toMatchObject({ status: 'fail', margin: '-50000', completion: '0.9' });
  });

  it('a relative tolerance option', () => {
    expect(status('90%左右', '81%', { tolerance: '10%' })).toBe('pass');
    expect(status('90%左右', '80.99%', { tolerance: '10%' })).toBe('fail');
    expect(status('1000左右', '999', { tolerance: '1‰' })).toBe('pass');
    expect(status('1000左右', '998.9', { tolerance: '1‰' })).toBe('fail');
  });

  it('an absolute tolerance option in points or in the target\'s unit', () => {
    expect(status('90%左右', '88%', { tolerance: '2个百分点' })).toBe('pass');
    expect(status('90%左右', '87.99%', { tolerance: '2个百分点' })).toBe('fail');
    expect(status('100万元左右', '99万元', { tolerance: '1万元' })).toBe('pass');
    expect(status('100万元左右', '98.9999万元', { tolerance: '10000元' })).toBe('fail');
    expect(status('100万元左右', '101万元', { tolerance: parseQuantity('10000元') })).toBe('pass');
  });

  it('a tolerance without a unit is read in the target\'s unit', () => {
    expect(status('90%左右', '88%', { tolerance: 2 })).toBe('pass');
    expect(status('90%左右', '87.9%', { tolerance: new Decimal(2) })).toBe('fail');
    expect(status('100万元左右', '102万元', { tolerance: '2' })).toBe('pass');
  });

  it('a tolerance of another dimension is unknown, not a pass', () => {
    expect(brief('90%左右', '90%', { tolerance: '1万元' })).toMatchObject({ status: 'unknown', code: 'UNIT_MISMATCH' });
  });

  it('a malformed or negative tolerance is the caller\'s error', () => {
    expect(() => evaluate('90%左右', '90%', { tolerance: 'abc' })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => evaluate('90%左右', '90%', { tolerance: '-1%' })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => evaluate('90%左右', '90%', { tolerance: NaN })).toThrowError(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('0左右 passes only on 0 unless the tolerance is absolute', () => {
    expect(status('0左右', '0')).toBe('pass');
    expect(status('0左右', '0.000001')).toBe('fail');
    expect(status('0左右', '-0.000001', { tolerance: '50%' })).toBe('fail');
    expect(status('0左右', '0.5', { tolerance: '1' })).toBe('pass');
    expect(brief('0左右', '0')).toMatchObject({ completion: null });
  });

  it('a plain number is read in the target\'s unit', () => {
    expect(brief('100万元左右', 96)).toMatchObject({ status: 'pass', assumedUnit: '万元' });
  });
});

describe('ranges', () => {
  it('passes inside, inclusive at both ends', () => {
    expect(brief('85%-90%', '85%')).toMatchObject({ status: 'pass', margin: '0', completion: null, op: null });
    expect(brief('85%-90%', '90%')).toMatchObject({ status: 'pass', margin: '0' });
    expect(brief('85%-90%', '84.99%')).toMatchObject({ status: 'fail', code: 'OUTSIDE_RANGE', margin: '-0.0001' });
    expect(brief('85%-90%', '90.01%')).toMatchObject({ status: 'fail', margin: '0.0001' });
  });

  it('a plain number is read in the unit written once', () => {
    expect(brief('85到90%', '88')).toMatchObject({ status: 'pass', assumedUnit: '%' });
    expect(brief('3-5个工作日', 6)).toMatchObject({ status: 'fail', assumedUnit: '个工作日', margin: '1' });
  });

  it('deviation bands ±3%', () => {
    expect(status('±3%以内', '-3%')).toBe('pass');
    expect(status('±3%以内', '3.1%')).toBe('fail');
    expect(status('2±0.5万元', '25000元')).toBe('pass');
  });

  it('mixed units within the range and the actual', () => {
    expect(status('5千-1万元', '0.8万元')).toBe('pass');
    expect(status('5千-1万元', '4999元')).toBe('fail');
    expect(code('85%-90%', '88天')).toBe('UNIT_MISMATCH');
  });

  it('an exclusive bound from a target object', () => {
    const t = { kind: 'range', min: parseQuantity('85%'), max: parseQuantity('90%'), minInclusive: false, maxInclusive: true, text: '(85%,90%]', label: null, note: null, modifiers: [] } as const;
    expect(evaluate(t, '85%').status).toBe('fail');
    expect(evaluate(t, '85.0001%').status).toBe('pass');
    expect(evaluate(t, '90%').status).toBe('pass');
  });
});
