import { Transform, type TransformCallback } from 'node:stream';
import type { RowInput } from './normalize.js';
import type { RawRow } from './types.js';

// Shared by the row processors of normalize.ts and check.ts: rows in, rows out.

/**
 * An object-mode Transform over a push/end row processor (RowNormalizer, RowChecker): rows
 * written in go through `push`, whatever they yield is read out, `end` flushes the rest.
 * An exception of the processor becomes the stream's error instead of an uncaught throw.
 */
export function rowTransform<I, O>(processor: { push(row: I): Iterable<O>; end(): Iterable<O> }): Transform {
  return new Transform({
    objectMode: true,
    transform(row: I, _enc: BufferEncoding, done: TransformCallback) {
      try {
        for (const r of processor.push(row)) this.push(r);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        for (const r of processor.end()) this.push(r);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
}

/** Rows given as arrays or objects become raw rows numbered by their position. */
export function toRaw(row: RowInput, position: number): RawRow {
  if (Array.isArray(row)) return { line: position, cells: row.map(cellString), error: null };
  const o = row as Record<string, unknown>;
  if (Array.isArray(o['cells']) && typeof o['line'] === 'number' && 'error' in o) return o as unknown as RawRow;
  const keys = Object.keys(o);
  return { line: position, cells: keys.map((k) => cellString(o[k])), keys, error: null };
}

function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
