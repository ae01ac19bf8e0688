import type { Transform } from 'node:stream';
import { callerRows, rowTransform } from './stream.js';
import { toJSON, type JsonValue, type ParseOptions, type Target } from '../index.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import type { ColumnRef, DetectOptions } from './header.js';
import { rowFailed } from './errors.js';
import { parseRecordTarget, pushSafely, RowClassifier, targetKey, type TableRow } from './rows.js';
import type { RawRow } from './types.js';
import type { Rows } from './write.js';

/**
 * The columns `normalize` adds, in this order. `kind` (compare, approx, range, all,
 * qualitative, trend, deadline, period) says how to read the others:
 * - compare: `op` is `>=`, `<=`, `>`, `<`, `=` or `!=` (empty when none was written, as in
 *   `3个工作日`); value/unit/dimension/base of its quantity;
 * - approx: `op` is `≈`;
 * - range and period: `op` is `[]`, `[)`, `(]` or `()` (inclusive ends), and each value
 *   is `min..max` (`85..90`, base `0.85..0.9`); a unit is written once when both ends share it;
 * - all: the parts' fields joined with `;` (`>=;<=`, `85;90`);
 * - qualitative: `value` is the term; the other fields are empty;
 * - trend: `op` is the direction (`up`, `down`, `steady`), with the amount's quantity if any;
 * - deadline: `op` is `<=`, `value` the ISO 8601 date as far as written (`2022-12-31`,
 *   `2022-12`, `--09` for September of an unnamed year), `dimension` is `date`.
 * Decimals are the exact strings of `toJSON` (a non-terminating base is rounded to 20
 * significant digits there); `error` is `CODE: message`, empty when the row is sound.
 */
export const NORMALIZED_COLUMNS = ['kind', 'op', 'value', 'unit', 'dimension', 'base_value', 'base_unit', 'error'] as const;
export type NormalizedColumn = (typeof NORMALIZED_COLUMNS)[number];
export type NormalizedFields = Readonly<Record<NormalizedColumn, string>>;

export interface NormalizeOptions extends DetectOptions {
  /** The column holding the target (by header name or position from 1); default: detected. */
  column?: ColumnRef;
  /** Passed to the parser (`year`, `fen`, `locale` …). */
  parse?: ParseOptions;
}

export interface NormalizedRow extends TableRow {
  /** The row's cells with the added columns (header rows: their names); other rows as they were. */
  readonly cells: readonly string[];
  /** For keyed rows: the keys with the added names. */
  readonly keys?: readonly string[];
  /** Data rows: the added fields; null for title, header and blank rows. */
  readonly normalized: NormalizedFields | null;
  /** Data rows whose target parsed: the target. */
  readonly target: Target | null;
}

/** What `normalizeRows` takes: rows from `readRows`, arrays of cells, or plain objects. */
export type RowInput = RawRow | readonly unknown[] | Readonly<Record<string, unknown>>;

/**
 * Add the normalized columns to every row of a table, one row out for each row in, in
 * order and in constant memory (after the header, which is looked for among the first
 * `headerSearchRows` rows). Title and blank rows pass through unchanged, header rows get
 * the added names, data rows the added values. An added name that the header already
 * has gets the prefix `normalized_`, so no input column is ever overwritten.
 */
export async function* normalizeRows(rows: Rows<RowInput>, options: NormalizeOptions = {}): AsyncGenerator<NormalizedRow> {
  const n = new RowNormalizer(options);
  // A loop, not `yield*` over the arrays (see classifyRows).
  for await (const row of callerRows(rows, options.parse?.locale ?? options.locale)) for (const r of n.push(row)) yield r;
  for (const r of n.end()) yield r;
}

/** `normalizeRows` as an object-mode Transform: write rows in, read normalized rows out. */
export function normalizeStream(options: NormalizeOptions = {}): Transform {
  return rowTransform<RowInput, NormalizedRow>(new RowNormalizer(options));
}

const PARSE_CACHE_SIZE = 10_000;

/** The push-based core that both of the above use. */
export class RowNormalizer {
  private readonly classifier: RowClassifier;
  private readonly options: NormalizeOptions;
  private count = 0;
  private readonly cache = new Map<string, { values: NormalizedFields; target: Target | null }>();
  private readonly locale: Locale;

  constructor(options: NormalizeOptions = {}) {
    const columns = options.column === undefined ? options.columns : { ...options.columns, target: options.column };
    this.options = options;
    this.locale = options.parse?.locale ?? options.locale ?? DEFAULT_LOCALE;
    this.classifier = new RowClassifier({ ...options, columns });
  }

  push(row: RowInput): NormalizedRow[] {
    this.count++;
    return pushSafely(this.classifier, row, this.count, this.locale).map((r) => this.safely(r));
  }

  end(): NormalizedRow[] {
    return this.classifier.end().map((r) => this.safely(r));
  }

  /** Whatever one row holds, it is that row's error and the run goes on. */
  private safely(row: TableRow): NormalizedRow {
    try {
      return this.normalize(row);
    } catch (e) {
      const error = rowFailed(row.line, e, this.locale);
      const values: NormalizedFields = { ...EMPTY, error: `${error.code}: ${error.message}` };
      const cells = Array.isArray(row.cells) ? row.cells.map((c) => (typeof c === 'string' ? c : '')) : [];
      return withFields({ ...row, error, kind: row.kind === 'header' ? 'data' : row.kind }, [...cells, ...valuesOf(values)], undefined, undefined, values, null);
    }
  }

  private normalize(row: TableRow): NormalizedRow {
    if (row.kind === 'title' || row.kind === 'blank') return withFields(row, row.cells, row.keys, row.json, null, null);
    if (row.keys !== undefined) {
      const fields = this.fields(row);
      return withFields(row, [...row.cells, ...valuesOf(fields.values)], [...row.keys, ...addedNames(row.keys)], row.json, fields.values, fields.target);
    }
    const width = row.columns ? Math.max(row.columns.width, maxIndex(row) + 1) : row.cells.length;
    const fields = row.kind === 'header' ? null : this.fields(row);
    const added = fields === null ? addedNames(row.cells.slice(0, width)) : valuesOf(fields.values);
    // JSON arrays keep their values' JSON text, shifted the same way as the cells.
    const json = row.json === undefined ? undefined : insertAt(row.json, width, added.map((a) => JSON.stringify(a)), '""');
    return withFields(row, insertAt(row.cells, width, added), undefined, json, fields?.values ?? null, fields?.target ?? null);
  }

  private fields(row: TableRow): { values: NormalizedFields; target: Target | null } {
    const rec = row.record;
    if (rec === null) return { values: { ...EMPTY, error: row.error ? `${row.error.code}: ${row.error.message}` : '' }, target: null };
    const cacheKey = targetKey(rec);
    let hit = this.cache.get(cacheKey);
    if (hit === undefined) {
      const parsed = parseRecordTarget(rec, { locale: this.locale, ...this.options.parse });
      const values: NormalizedFields = parsed.ok
        ? { ...flattenTarget(toJSON(parsed.value)), error: '' }
        : { ...EMPTY, error: `${parsed.error.code}: ${parsed.error.message}` };
      hit = { values, target: parsed.ok ? parsed.value : null };
      // Tables repeat their targets (=100%, 健全, ≥95%): parse each text once. Targets
      // and these fields are immutable, so rows may share them; the cache is bounded.
      if (this.cache.size >= PARSE_CACHE_SIZE) this.cache.clear();
      this.cache.set(cacheKey, hit);
    }
    // A row that could not be read as written says so first: its cells may be misplaced.
    if (row.error) return { values: { ...hit.values, error: `${row.error.code}: ${row.error.message}` }, target: hit.target };
    return hit;
  }
}

const EMPTY: Flat = Object.freeze({ kind: '', op: '', value: '', unit: '', dimension: '', base_value: '', base_unit: '' });

function valuesOf(values: NormalizedFields): string[] {
  return NORMALIZED_COLUMNS.map((c) => values[c]);
}

/** One object layout for every output row (see makeRow in rows.ts). */
function withFields(
  row: TableRow, cells: readonly string[], keys: readonly string[] | undefined, json: readonly string[] | undefined,
  normalized: NormalizedFields | null, target: Target | null,
): NormalizedRow {
  const out: { -readonly [K in keyof NormalizedRow]: NormalizedRow[K] } = {
    line: row.line, cells, error: row.error, kind: row.kind, record: row.record, columns: row.columns, repeated: row.repeated, normalized, target,
  };
  if (keys !== undefined) out.keys = keys;
  if (json !== undefined) out.json = json;
  if (row.sparse !== undefined) out.sparse = row.sparse;
  return out;
}


function addedNames(existing: readonly string[]): string[] {
  const have = new Set(existing.map((s) => s.trim()));
  return NORMALIZED_COLUMNS.map((c) => (have.has(c) ? `normalized_${c}` : c));
}

function maxIndex(row: TableRow): number {
  const c = row.columns!;
  return Math.max(c.target, c.indicator ?? -1, c.op ?? -1, c.unit ?? -1, c.actual ?? -1, c.weight ?? -1, ...c.levels);
}

/**
 * The row's cells up to `width` (padded with empty cells), then `added`, then any cells
 * past `width`: the added columns stay under their names even in a row that is too short
 * or too long, and no cell is lost.
 */
function insertAt(cells: readonly string[], width: number, added: readonly string[], pad = ''): string[] {
  const head = cells.slice(0, width);
  while (head.length < width) head.push(pad);
  return [...head, ...added, ...cells.slice(width)];
}

type Json = { [k: string]: JsonValue };
type Flat = Omit<NormalizedFields, 'error'>;

/** The normalized columns of a target, from its JSON (so every decimal is toJSON's string). */
export function flattenTarget(json: JsonValue): Flat {
  const t = json as Json;
  const none: Flat = { kind: String(t['kind']), op: '', value: '', unit: '', dimension: '', base_value: '', base_unit: '' };
  switch (t['kind']) {
    // An implicit op (`3个工作日`) was not written: evaluation decides it, so none is shown.
    case 'compare': return { ...quantityFields(t['quantity'] as Json), kind: 'compare', op: t['implicit'] === true ? '' : String(t['op']) };
    case 'approx': return { ...quantityFields(t['quantity'] as Json), kind: 'approx', op: '≈' };
    case 'range': {
      const min = quantityFields(t['min'] as Json);
      const max = quantityFields(t['max'] as Json);
      return { ...pairOf(min, max), kind: 'range', op: brackets(t['minInclusive'] === true, t['maxInclusive'] === true) };
    }
    case 'all': {
      const parts = (t['targets'] as JsonValue[]).map(flattenTarget);
      const join = (k: keyof Flat): string => parts.map((p) => p[k]).join(';');
      return { kind: 'all', op: join('op'), value: join('value'), unit: join('unit'), dimension: join('dimension'), base_value: join('base_value'), base_unit: join('base_unit') };
    }
    case 'qualitative': return { ...none, value: String(t['term']) };
    case 'trend': {
      const amount = t['amount'] as Json | null;
      return { ...(amount ? quantityFields(amount) : none), kind: 'trend', op: String(t['direction']) };
    }
    case 'deadline': {
      const date = isoDate(t['date'] as Json);
      return { ...none, op: String(t['op']), value: date, dimension: 'date', base_value: date };
    }
    case 'period': {
      const value = `${isoDate(t['from'] as Json)}..${isoDate(t['to'] as Json)}`;
      return { ...none, op: '[]', value, dimension: 'date', base_value: value };
    }
    default: return none;
  }
}

function quantityFields(q: Json): Flat {
  const base = q['base'] as Json;
  return {
    kind: '', op: '',
    value: String(q['value']), unit: String(q['unit']), dimension: String(q['dimension']),
    base_value: String(base['value']), base_unit: String(base['unit']),
  };
}

function pairOf(a: Flat, b: Flat): Flat {
  const both = (x: string, y: string): string => (x === y ? x : `${x}..${y}`);
  return {
    kind: '', op: '',
    value: `${a.value}..${b.value}`, unit: both(a.unit, b.unit), dimension: both(a.dimension, b.dimension),
    base_value: `${a.base_value}..${b.base_value}`, base_unit: both(a.base_unit, b.base_unit),
  };
}

function brackets(minInclusive: boolean, maxInclusive: boolean): string {
  return `${minInclusive ? '[' : '('}${maxInclusive ? ']' : ')'}`;
}

/** ISO 8601 as far as written: `2022-12-31`, `2022-12`, `2022`, `--09`, `--09-15`, `---15`. */
export function isoDate(d: Json): string {
  const y = d['year'] as number | null;
  const m = d['month'] as number | null;
  const day = d['day'] as number | null;
  const p2 = (n: number): string => String(n).padStart(2, '0');
  if (y !== null) {
    if (m === null) return String(y);
    return day === null ? `${y}-${p2(m)}` : `${y}-${p2(m)}-${p2(day)}`;
  }
  if (m !== null) return day === null ? `--${p2(m)}` : `--${p2(m)}-${p2(day)}`;
  return day === null ? '' : `---${p2(day)}`;
}
