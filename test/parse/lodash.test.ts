/**
 * src/parse/lodash.ts stands in for lodash-es inside chevrotain (tsup.config.ts,
 * vitest.config.ts). Each function is compared with lodash-es itself (a dependency of
 * chevrotain, loaded here by its per-function modules, which the alias does not touch) on
 * generated collections of the kinds chevrotain passes: arrays, sparse arrays, plain
 * objects, objects with a prototype, strings, null and undefined.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import * as shim from '../../src/parse/lodash.js';

type AnyFn = (...args: unknown[]) => unknown;
const NAMES = Object.keys(shim).filter((k) => k !== 'head').sort();
const real: Record<string, AnyFn> = {};
for (const name of [...NAMES, 'head']) {
  const file = `lodash-es/${name}.js`;
  real[name] = ((await import(/* @vite-ignore */ file)) as { default: AnyFn }).default;
}
const own = shim as unknown as Record<string, AnyFn>;

const leaf = fc.oneof(
  fc.integer({ min: -5, max: 5 }), fc.constantFrom(NaN, 0, -0, '', 'a', 'b', true, false, null, undefined), fc.string({ maxLength: 3 }),
);
const array = fc.array(fc.oneof(leaf, fc.array(leaf, { maxLength: 3 })), { maxLength: 8 });
const sparse = array.map((a) => { const s = a.slice(); if (s.length > 2) delete s[1]; return s; });
const object = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'x', 'tokenTypeIdx', 'PATTERN', 'constructor'), fc.oneof(leaf, fc.array(leaf, { maxLength: 3 })), { maxKeys: 5 });
const withProto = object.map((o) => Object.assign(Object.create({ inherited: 1 }) as object, o));
const collection = fc.oneof(array, sparse, object, withProto, fc.string({ maxLength: 5 }), fc.constantFrom(null, undefined));
/** Predicates as chevrotain writes them: functions of the value (and key), sometimes truthy non-booleans. */
const predicate = fc.func(fc.oneof(fc.boolean(), fc.constantFrom(0, 1, '', 'x', undefined)));

/** Runs both and compares results, thrown errors, and what the callback saw. */
function same(name: string, args: (calls: unknown[][]) => unknown[]): void {
  const run = (f: AnyFn) => {
    const calls: unknown[][] = [];
    try {
      return { out: f(...args(calls)), calls };
    } catch (e) {
      return { threw: (e as Error).constructor.name, calls };
    }
  };
  expect(run(own[name]!), name).toEqual(run(real[name]!));
}
/** Callbacks see (value, key) only: chevrotain's never read the collection argument (lodash passes strings boxed). */
const recording = (fn: AnyFn, calls: unknown[][]) => (...a: unknown[]) => { calls.push(a.slice(0, 2)); return fn(a[0], a[1]); };

describe('src/parse/lodash.ts ≡ lodash-es', () => {
  test('covers every function chevrotain 11.2 imports', () => {
    expect(NAMES).toEqual(['assign', 'clone', 'compact', 'defaults', 'difference', 'drop', 'dropRight', 'every', 'filter', 'find', 'first',
      'flatMap', 'flatten', 'forEach', 'groupBy', 'has', 'identity', 'includes', 'indexOf', 'isArray', 'isEmpty', 'isFunction', 'isObject',
      'isRegExp', 'isString', 'isUndefined', 'keys', 'last', 'map', 'noop', 'pickBy', 'reduce', 'reject', 'some', 'uniq', 'upperFirst', 'values']);
  });

  test.each(['map', 'filter', 'reject', 'every', 'some', 'find', 'flatMap', 'groupBy'])('%s over arrays, objects, strings and nothing', (name) => {
    fc.assert(fc.property(collection, predicate, (coll, p) => same(name, (calls) => [coll, recording(p, calls)])), { numRuns: 300 });
  });

  test('forEach stops on false and returns the collection', () => {
    const stop = fc.func(fc.constantFrom(false, undefined, true, 0));
    fc.assert(fc.property(collection, stop, (coll, p) => same('forEach', (calls) => [coll, recording(p, calls)])), { numRuns: 300 });
  });

  test('find from an index', () => {
    fc.assert(fc.property(array, predicate, fc.integer({ min: -10, max: 10 }), (coll, p, from) => same('find', (calls) => [coll, recording(p, calls), from])));
  });

  test('reduce with and without a start value', () => {
    const step = fc.func(leaf);
    fc.assert(fc.property(collection, step, leaf, fc.boolean(), (coll, f, init, given) => same('reduce', (calls) => {
      const fn = (...a: unknown[]) => { calls.push(a.slice(0, 3)); return f(a[0], a[1], a[2]); };
      return given ? [coll, fn, init] : [coll, fn];
    })), { numRuns: 300 });
  });

  test('pickBy, with inherited keys', () => {
    fc.assert(fc.property(fc.oneof(object, withProto, fc.constantFrom(null, undefined)), predicate, (obj, p) => same('pickBy', (calls) => [obj, recording(p, calls)])));
  });

  test.each(['values', 'keys', 'isEmpty', 'flatten', 'compact', 'uniq', 'first', 'last', 'head', 'clone', 'identity', 'isArray', 'isFunction', 'isObject', 'isRegExp', 'isString', 'isUndefined'])('%s', (name) => {
    const anyValue = fc.oneof(collection, leaf, fc.constantFrom(/a/g, new Map([[1, 2]]), new Set(), new Map(), () => 1, Object.assign(() => 1, { k: 1 }), new String('s')));
    fc.assert(fc.property(anyValue, (v) => same(name === 'head' ? 'first' : name, () => [v])), { numRuns: 200 });
    if (name === 'head') expect(own.head).toBe(own.first);
  });

  test('upperFirst on rule names', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(null, undefined, 'ábc', 'ñ', '数量')), (v) => same('upperFirst', () => [v])));
  });

  test('clone copies arrays, objects and regular expressions one level deep, keeping prototypes', () => {
    fc.assert(fc.property(fc.oneof(array, object, withProto), (v) => {
      const mine = shim.clone(v) as object;
      expect(mine).not.toBe(v);
      expect(Object.getPrototypeOf(mine)).toBe(Object.getPrototypeOf(v));
      expect(mine).toEqual(real.clone!(v));
    }));
    const re = /x/g;
    re.lastIndex = 3;
    const copy = shim.clone(re);
    expect([copy !== re, copy.source, copy.flags, copy.lastIndex]).toEqual([true, 'x', 'g', 3]);
  });

  test('has, includes and indexOf (SameValueZero)', () => {
    fc.assert(fc.property(collection, fc.oneof(leaf, fc.constantFrom('a', 'tokenTypeIdx', 0, 1)), fc.integer({ min: -3, max: 3 }), (coll, v, from) => {
      same('has', () => [coll, v]);
      same('includes', () => [coll, v, from]);
      if (Array.isArray(coll) || coll == null) same('indexOf', () => [coll, v, from]);
    }), { numRuns: 500 });
    // A hole of a sparse array, its index as a number or as digits (a case the property found).
    // eslint-disable-next-line no-sparse-arrays
    for (const k of [1, '1', '01', '1.0', 1.5, -1, 3, '3']) same('has', () => [[[], , []], k]);
  });

  test('difference, drop and dropRight', () => {
    fc.assert(fc.property(fc.oneof(array, fc.constantFrom(null)), array, array, fc.option(fc.integer({ min: -2, max: 10 }), { nil: undefined }), (a, b, c, n) => {
      same('difference', () => [a, b, c]);
      same('drop', () => (n === undefined ? [a] : [a, n]));
      same('dropRight', () => (n === undefined ? [a] : [a, n]));
    }));
  });

  test('assign and defaults change and return the target', () => {
    fc.assert(fc.property(object, object, fc.oneof(object, fc.constantFrom(null, undefined)), (t, s1, s2) => {
      for (const name of ['assign', 'defaults']) {
        const a = { ...t }, b = { ...t };
        expect(own[name]!(a, s1, s2), name).toEqual(real[name]!(b, s1, s2));
        expect(a, name).toEqual(b);
      }
    }));
  });

  test('noop returns nothing', () => {
    expect(shim.noop()).toBe(real.noop!());
  });
});
