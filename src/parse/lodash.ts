/**
 * The 37 lodash-es functions chevrotain 11 imports, written on the language's own
 * collections. The build (tsup.config.ts) and the tests (vitest.config.ts) give chevrotain
 * this module for `lodash-es`: lodash-es brought about 300 of its modules into the bundle
 * (30 KB minified, a third of the chevrotain part gzipped), mostly its generic machinery
 * (deep equality, cloning of every built-in type, iteratee shorthands, `Map` caches) that
 * chevrotain never asks for.
 *
 * Each function keeps lodash's meaning for the values chevrotain passes (checked over its
 * sources: arrays, plain objects, token constructors, strings; predicates are always
 * functions, never shorthands): collections are arrays (by index) or objects (by own
 * enumerable keys), `null`/`undefined` are empty collections, a `false` from a `forEach`
 * callback stops it, equality is SameValueZero. The whole test suite runs chevrotain
 * through this module, the grammar's validations included (test/parse/grammar.test.ts).
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

/** lodash's SameValueZero: `===`, except that NaN equals NaN. */
function same(a: unknown, b: unknown): boolean {
  return a === b || (a !== a && b !== b);
}

export function forEach(coll: Coll, fn: Fn): Coll {
  for (const [v, k] of entries(coll)) if (fn(v, k, coll) === false) break;
  return coll;
}
export function map(coll: Coll, fn: Fn): any[] {
  return entries(coll).map(([v, k]) => fn(v, k, coll));
}
export function filter(coll: Coll, fn: Fn): any[] {
  return entries(coll).filter(([v, k]) => fn(v, k, coll)).map(([v]) => v);
}
export function reject(coll: Coll, fn: Fn): any[] {
  return entries(coll).filter(([v, k]) => !fn(v, k, coll)).map(([v]) => v);
}
export function every(coll: Coll, fn: Fn): boolean {
  return entries(coll).every(([v, k]) => fn(v, k, coll));
}
export function some(coll: Coll, fn: Fn): boolean {
  return entries(coll).some(([v, k]) => fn(v, k, coll));
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
export function groupBy(coll: Coll, fn: Fn): Record<string, any[]> {
  const out: Record<string, any[]> = {};
  for (const [v, k] of entries(coll)) {
    const key = fn(v, k, coll);
    if (hasOwn.call(out, key)) out[key]!.push(v);
    else out[key] = [v];
  }
  return out;
}
export function pickBy(obj: Coll, fn: (value: any, key: string) => any): Record<string, any> {
  const out: Record<string, any> = {};
  if (obj == null) return out;
  // lodash reads inherited enumerable keys too.
  for (const k in obj) if (fn(obj[k], k)) out[k] = obj[k];
  return out;
}

export function values(obj: Coll): any[] {
  return entries(obj).map(([v]) => v);
}
export function keys(obj: Coll): string[] {
  return entries(obj).map(([, k]) => String(k));
}
export function has(obj: Coll, key: PropertyKey): boolean {
  return obj != null && hasOwn.call(obj, key);
}
export function includes(coll: Coll, value: unknown, fromIndex = 0): boolean {
  if (typeof coll === 'string') return coll.includes(value as string, fromIndex);
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
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof RegExp) {
    const copy = new RegExp(value.source, value.flags);
    copy.lastIndex = value.lastIndex;
    return copy as T;
  }
  if (value instanceof Map) return new Map(value) as T;
  if (value instanceof Set) return new Set(value) as T;
  return Object.assign(Object.create(Object.getPrototypeOf(value) as object | null) as object, value) as T;
}
export function assign(target: any, ...sources: any[]): any {
  return Object.assign(target, ...sources);
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

export function flatten(arr: ArrayLike<any> | null | undefined): any[] {
  if (arr == null) return [];
  return Array.prototype.concat.apply([], Array.from(arr).map((v) => (Array.isArray(v) ? v : [v])));
}
export function compact<T>(arr: ArrayLike<T> | null | undefined): T[] {
  return arr == null ? [] : Array.from(arr).filter(Boolean);
}
export function difference(arr: ArrayLike<any> | null | undefined, ...others: ArrayLike<any>[]): any[] {
  if (arr == null) return [];
  const out = others.flatMap((o) => Array.from(o ?? []));
  return Array.from(arr).filter((v) => !out.some((o) => same(o, v)));
}
export function uniq<T>(arr: ArrayLike<T> | null | undefined): T[] {
  const out: T[] = [];
  if (arr != null) for (const v of Array.from(arr)) if (!out.some((o) => same(o, v))) out.push(v);
  return out;
}
function count(n: number | undefined): number {
  return n === undefined ? 1 : Math.max(Math.trunc(n) || 0, 0);
}
export function drop<T>(arr: ArrayLike<T> | null | undefined, n?: number): T[] {
  return arr == null ? [] : Array.from(arr).slice(count(n));
}
export function dropRight<T>(arr: ArrayLike<T> | null | undefined, n?: number): T[] {
  if (arr == null) return [];
  const all = Array.from(arr);
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
