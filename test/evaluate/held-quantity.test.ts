import { describe, expect, it } from 'vitest';
import { isQuantityShape, isTargetShape } from '../../src/arguments.js';
import { evaluate, fromJSON, parseQuantity, parseTarget, toJSON } from '../../src/index.js';
import { isHeldQuantity, isQuantity } from '../../src/model/quantity.js';
import type { CompareTarget, Quantity } from '../../src/model/types.js';

/**
 * A quantity the package made is known by its private fields: its shape is checked without
 * reading its decimals (each read copies them). A look-alike is still checked field by field.
 */
describe('quantities the package made', () => {
  const q = parseQuantity('52.3万元');
  const t = parseTarget('≥95%') as CompareTarget;

  it('are told from look-alikes', () => {
    expect(isHeldQuantity(q)).toBe(true);
    expect(isHeldQuantity(t.quantity)).toBe(true);
    expect(isHeldQuantity(fromJSON(toJSON(q)))).toBe(true);
    expect(isHeldQuantity({ ...q })).toBe(false);
    expect(isHeldQuantity(Object.create(Object.getPrototypeOf(q) as object) as unknown)).toBe(false);
    expect(isHeldQuantity(null)).toBe(false);
    expect(isHeldQuantity('52.3万元')).toBe(false);
  });

  it('pass the shape checks, and look-alikes with a field that is no decimal do not', () => {
    expect(isQuantityShape(q)).toBe(true);
    expect(isQuantity(q)).toBe(true);
    expect(isTargetShape(t)).toBe(true);
    const copy = { ...q, base: { ...q.base } };
    expect(isQuantityShape(copy)).toBe(true);
    expect(isQuantityShape({ ...copy, value: '52.3' })).toBe(false);
    expect(isQuantityShape({ ...copy, base: { ...copy.base, value: 52.3 } })).toBe(false);
    expect(isTargetShape({ ...t, quantity: { ...copy, value: {} } })).toBe(false);
  });

  it('evaluate the same as their look-alike copies', () => {
    const copy = { ...q, base: { ...q.base } } as Quantity;
    for (const target of ['≥50万元', '≤50万元', '=52.3万元', '52.3万元左右', '50-60万元']) {
      expect(toJSON(evaluate(target, q))).toEqual(toJSON(evaluate(target, copy)));
    }
    expect(toJSON(evaluate(t, '96%'))).toEqual(toJSON(evaluate({ ...t, quantity: { ...t.quantity, base: { ...t.quantity.base } } } as CompareTarget, '96%')));
  });
});
