/**
 * The 37 lodash-es functions chevrotain 11 imports, written on the language's own
 * collections. The build (tsup.config.ts) and the tests (vitest.config.ts) give chevrotain
 * this module for `lodash-es`: lodash-es brought about 300 of its modules into the bundle
 * (30 KB minified, a third of the chevrotain part gzipped), mostly its generic machinery
 * (deep equality, cloning of every built-in type, iteratee shorthands, `Map` caches) that
 * chevrotain never asks for.
 *
 * Each function keeps lodash's meaning, down to its corners (holes of sparse arrays count
 * for `has`, `difference` and `uniq` give -0 back as 0, `pickBy` never writes
 * `constructor`): collections are arrays and strings (by index) or objects (by own
 * enumerable keys), `null`/`undefined` are empty, a `false` from a `forEach` callback stops
 * it, equality is SameValueZero. Predicates are functions only: chevrotain never passes
 * lodash's shorthands (`'name'`, `{ key: value }`). test/parse/lodash.test.ts compares each
 * function with lodash-es itself on generated collections, and the whole suite runs
 * chevrotain on this module (vitest.config.ts), the grammar's validations included.
 *
 * Not part of the library's API; nothing of ours imports it directly.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
type Coll = any;
type Fn = (value: any, key: any, collection: any) => any;

const hasOwn = Object.prototype.hasOwnProperty;

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return value != null && typeof value !== 'function' && typeof (value as { length?: unknown }).length === 'number';
}

/** The [value, key] pairs of a collection, in lodash's order. */
function entries(coll: Coll): [any, any][] {
  if (coll == null) return [];
  if (isArrayLike(coll)) return Array.from(coll as ArrayLike<unknown>, (v, i) => [v, i]);
  return Object.keys(coll).map((k) => [coll[k], k]);
}

/**
 * Calls fn with each [value, key] of a collection, in lodash's order, until it returns false:
 * by index up to the length read at the start, or over the own enumerable keys, reading each
 * value when its turn comes (as lodash does). The grammar's analysis runs this hundreds of
 * thousands of times at start-up: a loop, where a list of pairs made first cost about a
 * quarter of building the parser.
 */
function each(coll: Coll, fn: (value: any, key: any) => unknown): void {
  if (coll == null) return;
  if (isArrayLike(coll)) {
    const n = coll.length;
    for (let i = 0; i < n; i++) if (fn(coll[i], i) === false) return;
    return;
  }
  for (const k of Object.keys(coll)) if (fn(coll[k], k) === false) return;
}

/** lodash's SameValueZero: `===`, except that NaN equals NaN. */
function same(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

export function forEach(coll: Coll, fn: Fn): Coll {
  each(coll, (v, k) => fn(v, k, coll));
  return coll;
}
export function map(coll: Coll, fn: Fn): any[] {
  const out: any[] = [];
  each(coll, (v, k) => { out.push(fn(v, k, coll)); });
  return out;
}
export function filter(coll: Coll, fn: Fn): any[] {
  const out: any[] = [];
  each(coll, (v, k) => { if (fn(v, k, coll)) out.push(v); });
  return out;
}
export function reject(coll: Coll, fn: Fn): any[] {
  return filter(coll, (v, k) => !fn(v, k, coll));
}
export function every(coll: Coll, fn: Fn): boolean {
  return !some(coll, (v, k) => !fn(v, k, coll));
}
export function some(coll: Coll, fn: Fn): boolean {
  let found = false;
  each(coll, (v, k) => !(found = !!fn(v, k, coll)));
  return found;
}
export function find(coll: Coll, fn: Fn, fromIndex = 0): any {
  const all = entries(coll);
  for (let i = Math.max(fromIndex < 0 ? all.length + fromIndex : fromIndex, 0); i < all.length; i++) {
    const [v, k] = all[i]!;
    if (fn(v, k, coll)) return v;
  }
  return undefined;
}
export function reduce(coll: Coll, fn: (acc: any, value: any, key: any, collection: any) => any, ...init: [any?]): any {
  const all = entries(coll);
  let i = 0;
  let acc = init.length > 0 ? init[0] : (all.length > 0 ? all[i++]![0] : undefined);
  for (; i < all.length; i++) acc = fn(acc, all[i]![0], all[i]![1], coll);
  return acc;
}
export function flatMap(coll: Coll, fn: Fn): any[] {
  return flatten(map(coll, fn));
}
export function groupBy(coll: Coll, fn: (value: any) => any): Record<string, any[]> {
  const out: Record<string, any[]> = {};
  each(coll, (v) => {
    const key = fn(v); // lodash passes the value alone here
    if (hasOwn.call(out, key)) out[key]!.push(v);
    else out[key] = [v];
  });
  return out;
}
export function pickBy(obj: Coll, fn: (value: any, key: string) => any): Record<string, any> {
  const out: Record<string, any> = {};
  if (obj == null) return out;
  // lodash reads inherited enumerable keys too, and never writes these three (its guard
  // against prototype pollution).
  for (const k in obj) if (fn(obj[k], k) && k !== '__proto__' && k !== 'constructor' && k !== 'prototype') out[k] = obj[k];
  return out;
}

export function values(obj: Coll): any[] {
  return map(obj, (v) => v);
}
export function keys(obj: Coll): string[] {
  return map(obj, (_, k) => String(k));
}
export function has(obj: Coll, key: PropertyKey): boolean {
  if (obj == null) return false;
  if (Object.is(key, -0)) key = '-0'; // lodash's toKey
  if (hasOwn.call(obj, key)) return true;
  // lodash counts the holes of a sparse array as present, the index given as a number or
  // as its digits (its isIndex).
  if (!Array.isArray(obj)) return false;
  const i = typeof key === 'string' && /^(?:0|[1-9]\d*)$/.test(key) ? Number(key) : key;
  return typeof i === 'number' && Number.isInteger(i) && i >= 0 && i < obj.length;
}
export function includes(coll: Coll, value: unknown, fromIndex = 0): boolean {
  if (typeof coll === 'string') {
    const from = fromIndex < 0 ? Math.max(coll.length + fromIndex, 0) : fromIndex;
    return from <= coll.length && coll.indexOf(value as string, from) > -1;
  }
  const vs = values(coll);
  for (let i = Math.max(fromIndex < 0 ? vs.length + fromIndex : fromIndex, 0); i < vs.length; i++) if (same(vs[i], value)) return true;
  return false;
}
export function indexOf(arr: ArrayLike<unknown> | null | undefined, value: unknown, fromIndex = 0): number {
  const n = arr == null ? 0 : arr.length;
  for (let i = Math.max(fromIndex < 0 ? n + fromIndex : fromIndex, 0); i < n; i++) if (same(arr![i], value)) return i;
  return -1;
}
export function isEmpty(value: unknown): boolean {
  if (value == null) return true;
  if (isArrayLike(value)) return value.length === 0;
  if (value instanceof Map || value instanceof Set) return value.size === 0;
  if (typeof value !== 'object' && typeof value !== 'function') return true;
  for (const k in value) if (hasOwn.call(value, k)) return false;
  return true;
}

export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.slice() as T;
  if (typeof value === 'function') return Object.assign({}, value) as T; // lodash: a function's own keys, on a plain object
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof RegExp) {
    const copy = new RegExp(value.source, value.flags);
    copy.lastIndex = value.lastIndex;
    return copy as T;
  }
  if (value instanceof String || value instanceof Number || value instanceof Boolean) return Object(value.valueOf()) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof Map) return new Map(value) as T;
  if (value instanceof Set) return new Set(value) as T;
  return Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value) as T;
}
export function assign(target: any, ...sources: any[]): any {
  const obj = Object(target);
  for (const source of sources) {
    if (source == null) continue;
    // lodash leaves an own value that is SameValueZero-equal (0 stays 0 under -0).
    for (const k of Object.keys(Object(source))) {
      const v = source[k];
      if (!(hasOwn.call(obj, k) && same(obj[k], v)) || (v === undefined && !(k in obj))) obj[k] = v;
    }
  }
  return obj;
}
export function defaults(target: any, ...sources: any[]): any {
  const obj = Object(target);
  for (const source of sources) {
    if (source == null) continue;
    for (const k in source) {
      const cur = obj[k];
      if (cur === undefined || (same(cur, (Object.prototype as any)[k]) && !hasOwn.call(obj, k))) obj[k] = source[k];
    }
  }
  return obj;
}

/** The elements of an array-like; anything else (a `Map`, an object) has none, as in lodash. */
function list<T>(arr: ArrayLike<T> | null | undefined): T[] {
  return isArrayLike(arr) ? Array.from(arr) : [];
}
/** lodash's `difference` and `uniq` give -0 back as 0. */
const unsigned = <T>(v: T): T => (v === 0 ? (0 as T) : v);
export function flatten(arr: ArrayLike<any> | null | undefined): any[] {
  return Array.prototype.concat.apply([], list(arr).map((v) => (Array.isArray(v) ? v : [v])));
}
export function compact<T>(arr: ArrayLike<T> | null | undefined): T[] {
  return list(arr).filter(Boolean);
}
export function difference(arr: ArrayLike<any> | null | undefined, ...others: ArrayLike<any>[]): any[] {
  const out = others.flatMap((o) => list(o));
  return list(arr).filter((v) => !out.some((o) => same(o, v))).map(unsigned);
}
export function uniq<T>(arr: ArrayLike<T> | null | undefined): T[] {
  const out: T[] = [];
  for (const v of list(arr)) if (!out.some((o) => same(o, v))) out.push(unsigned(v));
  return out;
}
function count(n: number | undefined): number {
  return n === undefined ? 1 : Math.max(Math.trunc(n) || 0, 0);
}
export function drop<T>(arr: ArrayLike<T> | null | undefined, n?: number): T[] {
  return list(arr).slice(count(n));
}
export function dropRight<T>(arr: ArrayLike<T> | null | undefined, n?: number): T[] {
  const all = list(arr);
  return all.slice(0, Math.max(all.length - count(n), 0));
}
export function first<T>(arr: ArrayLike<T> | null | undefined): T | undefined {
  return arr != null && arr.length > 0 ? arr[0] : undefined;
}
export function last<T>(arr: ArrayLike<T> | null | undefined): T | undefined {
  return arr != null && arr.length > 0 ? arr[arr.length - 1] : undefined;
}
export { first as head };
export function upperFirst(s: string | null | undefined): string {
  const str = s == null ? '' : String(s);
  return str.charAt(0).toUpperCase() + str.slice(1);
}

export function identity<T>(value: T): T {
  return value;
}
export function noop(): void {}
export const isArray = Array.isArray;
export function isFunction(value: unknown): value is (...args: any[]) => any {
  return typeof value === 'function';
}
export function isObject(value: unknown): value is object {
  return value !== null && (typeof value === 'object' || typeof value === 'function');
}
export function isRegExp(value: unknown): value is RegExp {
  return value instanceof RegExp;
}
export function isString(value: unknown): value is string {
  return typeof value === 'string' || value instanceof String;
}
export function isUndefined(value: unknown): value is undefined {
  return value === undefined;
}
