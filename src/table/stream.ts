import { Transform, type TransformCallback } from 'node:stream';
import type { RowInput } from './normalize.js';
import { describeValue } from '../arguments.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { IndicatorError } from '../errors.js';
import { rowError, TableError, type RowError } from './errors.js';
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

/**
 * Rows given as arrays or objects become raw rows numbered by their position. Whatever a
 * caller writes comes back as a row: something that is no row (`null`, `42`) is a row
 * with the error BAD_ROW, a cell that has no text (a circular object, a bigint inside an
 * object) an empty cell and the error BAD_CELL, so neither stops the rows after it.
 */
export function toRaw(row: RowInput, position: number, locale: Locale = DEFAULT_LOCALE): RawRow {
  if (row === null || typeof row !== 'object') {
    return { line: position, cells: [], error: rowError('BAD_ROW', { line: position, found: describeValue(row) }, locale) };
  }
  const o = row as Record<string, unknown>;
  if (!Array.isArray(row) && Array.isArray(o['cells']) && typeof o['line'] === 'number' && 'error' in o) {
    // A row of readRows, passed on as it is when its cells are text.
    const cells = o['cells'] as unknown[];
    if (cells.every((c) => typeof c === 'string')) return o as unknown as RawRow;
    return cellsRow(o['line'] as number, cells, undefined, locale);
  }
  if (Array.isArray(row)) return cellsRow(position, row, undefined, locale);
  const keys = Object.keys(o);
  return cellsRow(position, keys.map((k) => o[k]), keys, locale);
}

function cellsRow(line: number, values: readonly unknown[], keys: string[] | undefined, locale: Locale): RawRow {
  let error: RowError | null = null;
  const cells = values.map((v, i) => {
    const text = cellString(v);
    if (text !== null) return text;
    error ??= rowError('BAD_CELL', { line, cell: i + 1, detail_zh: `无法转为文本（${describeValue(v)}）`, detail_en: `it has no text form (${describeValue(v)})` }, locale);
    return '';
  });
  return keys === undefined ? { line, cells, error } : { line, cells, keys, error };
}

/** A cell's text, or null when it has none (a circular object, a bigint inside an object). */
function cellString(v: unknown): string | null {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  // Numbers through String(n), as everywhere in the package; bigints by their digits.
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    try {
      return JSON.stringify(v) ?? null;
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The rows a caller hands over (an array, a generator, a Readable in object mode), read
 * so that their failure is ours to name: something that is not iterable is INVALID_OPTION,
 * and an error of the source while it is read is READ_FAILED with that error as `cause`,
 * rather than a raw error of someone else's stream.
 */
export async function* callerRows<T>(rows: AsyncIterable<T> | Iterable<T>, locale: Locale = DEFAULT_LOCALE): AsyncGenerator<T> {
  const iterable = rows !== null && (typeof rows === 'object' || typeof rows === 'function')
    && (Symbol.asyncIterator in rows || Symbol.iterator in rows);
  if (!iterable || typeof rows === 'string') {
    throw new TableError('INVALID_OPTION', { detail: `rows must be an iterable of rows, got ${describeValue(rows)}` }, { locale });
  }
  try {
    for await (const row of rows) yield row;
  } catch (e) {
    // An error that is already typed (ours, or a caller's own with a stable `code`, as the
    // command's usage errors) is the caller's to handle as it is.
    if (e instanceof TableError || e instanceof IndicatorError || isTyped(e)) throw e;
    const detail = e instanceof Error ? e.message : describeValue(e);
    throw new TableError('READ_FAILED', { detail }, { locale, cause: e });
  }
}

/** Node's own codes (`ENOENT`, `ERR_STREAM_PREMATURE_CLOSE`) name a failure of the source, not a typed error. */
function isTyped(e: unknown): boolean {
  const code = e instanceof Error ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && !/^(?:E[A-Z]+|ERR_[A-Z0-9_]+)$/.test(code);
}
