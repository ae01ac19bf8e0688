import { tryParseTarget, type ParseOptions } from '../index.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { rowError, rowFailed, TableError, type RowError } from './errors.js';
import { DEFAULT_HEADER_SEARCH_CHARS, DEFAULT_HEADER_SEARCH_ROWS, headerRowTest, mapColumns, namedHint, positionalColumns, ROLES, type ColumnMap, type DetectOptions } from './header.js';
import type { RowInput } from './normalize.js';
import { readRows } from './read.js';
import { toRaw } from './stream.js';
import type { RawRow, ReadOptions, SourceInfo, TableSource } from './types.js';

/**
 * Every row of a table comes out, in input order, marked with what it is:
 * - `title`: above the header row (the form's name, the unit, the year, budget figures);
 * - `header`: the header row, and header rows repeated inside the table (`repeated`),
 *   each of which maps the columns anew from there on (exported forms restart their
 *   header, sometimes with other columns, at each section);
 * - `blank`: no text in any cell (also rows a sheet leaves out). They carry no error:
 *   blank separator lines are normal in exported forms. Count them from the stream;
 * - `data`: a row to read, with its `record`.
 * A consumer that wants the data skips the other kinds; one that writes the table back
 * (normalize) gets every row to write. A row that could not be read as written has its
 * `error` and is still in its place. Besides the reader's errors, data rows get
 * TOO_FEW_CELLS (a mapped column is past the row's end), EXTRA_CELLS (text beyond the
 * header's last column: the cells are shifted, as in some exports), MISSING_KEY (a JSON
 * object without the target), and a repeated header without a target column
 * NO_TARGET_COLUMN_HERE.
 */
export type RowKind = 'title' | 'header' | 'data' | 'blank';

/** What a data row says, by column role. */
export interface TableRecord {
  /**
   * The indicator's name (HTML tags and extra white space removed); `''` when its cell is
   * blank, since a name is never carried down from the row above (unlike the grouping
   * columns in `levels`): a name decides polarity, and a blank row judged under its
   * neighbour's name turned passes into fails. `null` when the table has no such column.
   */
  readonly indicator: string | null;
  /** The target cell exactly as written (the parser cleans it and its offsets point into it). */
  readonly target: string;
  /** Split comparator and unit columns, cleaned of tags; `null` when the table has none. */
  readonly op: string | null;
  readonly unit: string | null;
  /** The actual value cell as written; `null` when the table has no such column. */
  readonly actual: string | null;
  /** The weight (分值), cleaned of tags; `null` when the table has no such column. */
  readonly weight: string | null;
  /** 一级指标, 二级指标 … as carried down, left to right. */
  readonly levels: readonly string[];
}

/**
 * What a record's target is parsed from: its split comparator, value and unit cells when
 * the table has them, else the cell as written. Tables repeat their targets (=100%, 健全),
 * so check and normalize keep results under this key (the split cells joined by NUL).
 */
export function targetKey(rec: TableRecord): string {
  return rec.op !== null || rec.unit !== null ? `${rec.op ?? ''}\u0000${rec.target}\u0000${rec.unit ?? ''}` : rec.target;
}

/** The target of a record, parsed from the cells targetKey() names. */
export function parseRecordTarget(rec: TableRecord, options: ParseOptions): ReturnType<typeof tryParseTarget> {
  return rec.op !== null || rec.unit !== null
    ? tryParseTarget({ op: rec.op, value: rec.target, unit: rec.unit }, options)
    : tryParseTarget(rec.target, options);
}

export interface TableRow extends RawRow {
  readonly kind: RowKind;
  /**
   * Data rows only; `null` also for a data row that could not be read at all (a line with
   * no cells because of bad JSON or its length, a keyed row without its target key).
   */
  readonly record: TableRecord | null;
  /** The columns in force for this row (for a header row: the ones it sets). */
  readonly columns: ColumnMap | null;
  /** A header row after the first. */
  readonly repeated: boolean;
}

export interface TableOptions extends ReadOptions, DetectOptions {}

export interface TableRowReader extends AsyncIterable<TableRow> {
  readonly info: SourceInfo;
}

/** The rows of a table read from a file, bytes or a stream, classified and mapped. */
export function tableRows(source: TableSource, options: TableOptions = {}): TableRowReader {
  const raw = readRows(source, options);
  return { info: raw.info, [Symbol.asyncIterator]: () => classifyRows(raw, options)[Symbol.asyncIterator]() };
}

/**
 * Classify raw rows (from `readRows`, or made by the caller) and map their columns.
 * Holds at most `headerSearchRows` rows while it looks for the header; after that one
 * row at a time.
 */
export async function* classifyRows(rows: AsyncIterable<RawRow> | Iterable<RawRow>, options: DetectOptions = {}): AsyncGenerator<TableRow> {
  const classifier = new RowClassifier(options);
  // A loop, not `yield*` over the arrays: in an async generator `yield*` goes through an
  // async-from-sync iterator, about 1 µs a row more (measured on Node 20).
  for await (const row of rows) for (const r of classifier.push(row)) yield r;
  for (const r of classifier.end()) yield r;
}

/**
 * The same, one pushed row at a time, for stream transforms: `push` gives the rows that
 * are ready (none while the header is being looked for, then all the held ones), `end`
 * the rest. Throws a TableError when no header can be found or its columns mapped.
 */
export class RowClassifier {
  private readonly options: DetectOptions;
  private readonly locale: Locale;
  private readonly header: 'auto' | 'none' | number;
  private readonly limit: number;
  private columns: ColumnMap | null = null;
  private readonly reader: RecordReader;
  /** Rows seen while the header is looked for, and the characters of their cells. */
  private readonly held: RawRow[] = [];
  private heldChars = 0;
  private readonly charLimit: number;
  private searching = true;
  /** Whether a keyed row (a JSON object) was seen: then positional rows have no columns. */
  private keyed = false;
  private readonly isHeaderRow: (cells: readonly string[]) => boolean;

  constructor(options: DetectOptions = {}) {
    this.options = options;
    this.locale = options.locale ?? DEFAULT_LOCALE;
    this.header = options.header ?? 'auto';
    this.limit = positive(options.headerSearchRows, DEFAULT_HEADER_SEARCH_ROWS, 'headerSearchRows', this.locale);
    this.charLimit = positive(options.headerSearchChars, DEFAULT_HEADER_SEARCH_CHARS, 'headerSearchChars', this.locale);
    this.reader = new RecordReader(this.locale);
    this.isHeaderRow = headerRowTest(options);
    if (this.header === 'none') {
      this.columns = positionalColumns(options);
      if (this.columns === null) throw new TableError('INVALID_OPTION', { detail: 'without a header row, name the target column (and the others) by position' }, { locale: this.locale });
      this.searching = false;
    }
  }

  push(row: RawRow): TableRow[] {
    const out: TableRow[] = [];
    const { options, header } = this;
    if (row.keys !== undefined) {
      // A keyed row (a JSON object) names its own columns.
      this.keyed = true;
      if (this.searching) this.flushAsTitles(out);
      out.push(isBlank(row) ? plain(row, 'blank', null) : this.reader.keyed(row, options));
      return out;
    }
    if (this.searching && this.keyed && !isBlank(row)) {
      // A list of values among JSON objects: nothing says which column each value is.
      out.push(makeRow(row, 'data', null, null, false, row.error ?? rowError('UNKEYED_ROW', { line: row.line }, this.locale)));
      return out;
    }
    if (this.searching) {
      const isHeader = typeof header === 'number' ? row.line === header : !isBlank(row) && this.isHeaderRow(row.cells);
      if (isHeader) {
        this.columns = mapColumns(row.cells, row.line, options);
        this.flushAsTitles(out);
        this.searching = false;
        this.reader.reset();
        out.push(makeRow(row, 'header', null, this.columns, false, row.error));
        return out;
      }
      this.held.push(row);
      for (const c of row.cells) this.heldChars += typeof c === 'string' ? c.length : 0;
      const passed = this.heldChars > this.charLimit || (typeof header === 'number' ? row.line > header : this.held.length >= this.limit);
      if (passed) this.giveUp(out, this.heldChars > this.charLimit ? 'chars' : typeof header === 'number' ? null : 'rows');
      return out;
    }
    if (isBlank(row)) { out.push(plain(row, 'blank', this.columns)); return out; }
    if (unreadable(row)) { out.push(plain(row, 'data', this.columns)); return out; }
    if (header !== 'none' && this.isHeaderRow(row.cells)) {
      // A repeated header: it maps the columns for the section below it.
      let error: RowError | null = row.error;
      try {
        this.columns = mapColumns(row.cells, row.line, options);
      } catch (e) {
        if (!(e instanceof TableError)) throw e;
        error ??= rowError('NO_TARGET_COLUMN_HERE', { line: row.line }, this.locale);
      }
      this.reader.reset();
      out.push(makeRow(row, 'header', null, this.columns, true, error));
      return out;
    }
    out.push(this.reader.data(row, this.columns!));
    return out;
  }

  end(): TableRow[] {
    const out: TableRow[] = [];
    if (!this.searching || this.held.length === 0) return out;
    // Only blank or unreadable lines: nothing to map, but every row still comes out.
    if (this.held.every((r) => isBlank(r) || unreadable(r)) && positionalColumns(this.options) === null) {
      this.flushAsTitles(out);
      return out;
    }
    this.giveUp(out);
    return out;
  }

  /**
   * No header in the rows looked at: without columns by position there is nothing to read.
   * `stopped` names the search limit that ended the search, if one did, so that the
   * message says which option (and flag) looks further.
   */
  private giveUp(out: TableRow[], stopped: 'rows' | 'chars' | null = null): void {
    const map = typeof this.header === 'number' ? null : positionalColumns(this.options);
    if (map === null) {
      const details = { rows: this.held.length, ...namedHint(this.options), ...limitHint(stopped, stopped === 'chars' ? this.charLimit : this.limit), ...encodingHint(this.held) };
      throw new TableError('NO_HEADER', details, { locale: this.locale });
    }
    this.columns = map;
    this.searching = false;
    for (const r of this.held) {
      out.push(isBlank(r) ? plain(r, 'blank', map) : unreadable(r) ? plain(r, 'data', map) : this.reader.data(r, map));
    }
    this.held.length = 0;
  }

  private flushAsTitles(out: TableRow[]): void {
    for (const r of this.held) out.push(plain(r, isBlank(r) ? 'blank' : unreadable(r) ? 'data' : 'title', null));
    this.held.length = 0;
  }
}

/**
 * When lines could not be decoded (a UTF-8 BOM before GBK text, a wrong --encoding), the
 * header was probably there but unreadable: NO_HEADER says so and suggests the encoding.
 */
function encodingHint(rows: readonly RawRow[]): { encoding_zh: string; encoding_en: string } | Record<string, never> {
  const bad = rows.filter((r) => r.error?.code === 'UNDECODABLE');
  if (bad.length === 0) return {};
  const enc = String(bad[0]!.error!.details['encoding'] ?? '');
  const other = /^UTF/i.test(enc) ? 'gbk' : 'utf-8';
  return {
    encoding_zh: `。其中 ${bad.length} 行无法按 ${enc} 解码，文件可能是其他编码：请用 encoding 选项（命令行 --encoding ${other}）指定`,
    encoding_en: `. ${bad.length} of them could not be decoded as ${enc}: the file may be in another encoding; give it with the encoding option (--encoding ${other})`,
  };
}

/** Which search limit ended the header search: its option and flag, to look further. */
function limitHint(stopped: 'rows' | 'chars' | null, limit: number): { limit_zh: string; limit_en: string } | Record<string, never> {
  if (stopped === 'rows') {
    return {
      limit_zh: `，已达到表头搜索行数上限 ${limit}（headerSearchRows，命令行 --header-search-rows）`,
      limit_en: `, the most rows the header search reads (${limit}: headerSearchRows, --header-search-rows)`,
    };
  }
  if (stopped === 'chars') {
    return {
      limit_zh: `，这些行的单元格超过表头搜索字符数上限 ${limit}（headerSearchChars，命令行 --header-search-chars）`,
      limit_en: `, whose cells hold more than the ${limit} characters the header search holds (headerSearchChars, --header-search-chars)`,
    };
  }
  return {};
}

function positive(v: number | undefined, fallback: number, name: string, locale: Locale): number {
  if (v === undefined) return fallback;
  if (!Number.isInteger(v) || v < 1) throw new TableError('INVALID_OPTION', { detail: `${name} must be a positive integer` }, { locale });
  return v;
}

/** A line that gave no cells at all (bad JSON, too long): a data row that could not be read. */
function unreadable(row: RawRow): boolean {
  return row.error !== null && row.cells.length === 0;
}

/**
 * Every TableRow has the same shape (a million rows go through here: one object layout
 * keeps property access fast). Optional fields of the raw row are copied only when set.
 */
function makeRow(row: RawRow, kind: RowKind, record: TableRecord | null, columns: ColumnMap | null, repeated: boolean, error: RowError | null): TableRow {
  const out: { -readonly [K in keyof TableRow]: TableRow[K] } = { line: row.line, cells: row.cells, error, kind, record, columns, repeated };
  if (row.keys !== undefined) out.keys = row.keys;
  if (row.json !== undefined) out.json = row.json;
  if (row.sparse !== undefined) out.sparse = row.sparse;
  return out;
}

function plain(row: RawRow, kind: RowKind, columns: ColumnMap | null): TableRow {
  return makeRow(row, kind, null, columns, false, row.error);
}

function isBlank(row: RawRow): boolean {
  return row.error === null && row.cells.every((c) => cleanLabel(c) === '');
}

/**
 * Text of a label cell: HTML tags and the common entities removed, white space collapsed.
 * Target and actual cells are not cleaned here: the parser does it, with offsets.
 */
const NEEDS_CLEANING = /[\s\u3000<&]/;

export function cleanLabel(text: string): string {
  // Most cells need nothing: no tag, entity or white space to fold.
  if (!NEEDS_CLEANING.test(text)) return text;
  let s = text;
  if (s.includes('<')) s = s.replace(/<\/?[A-Za-z][^<>]*>/g, ' ');
  if (s.includes('&')) {
    s = s.replace(/&(nbsp|amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/gi, (_m, e: string) => {
      const k = e.toLowerCase();
      if (k === 'nbsp') return ' ';
      if (k === 'amp') return '&';
      if (k === 'lt') return '<';
      if (k === 'gt') return '>';
      if (k === 'quot') return '"';
      if (k === 'apos') return "'";
      const cp = k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : _m;
    });
  }
  return s.replace(/[\s\u3000]+/g, ' ').trim();
}

type KeyedCache = Map<string, ColumnMap | TableError>;

/** Key sets of JSON-lines rows whose columns are kept mapped (KEYED_CACHE_SIZE, docs/security.md). */
export const KEYED_CACHE_SIZE = 256;

/** Builds records and keeps the values that merged cells carry down. */
class RecordReader {
  /**
   * Values merged cells carry down: each grouping level's (一级指标, 二级指标) by its
   * position (a map keyed by `level${k}` made and hashed a string a cell). The indicator's
   * name is not among them (see TableRecord.indicator).
   */
  private carriedLevels: string[] = [];
  private readonly keyedMaps: KeyedCache = new Map();

  constructor(private readonly locale: Locale) {}

  /** A new header starts a new section: nothing carries across it. */
  reset(): void {
    this.carriedLevels = [];
  }

  data(row: RawRow, columns: ColumnMap): TableRow {
    const cells = row.cells;
    let error = row.error;
    if (error === null && row.sparse !== true) {
      // A mapped column beyond the row's last cell: the row is cut short.
      for (const role of ROLES) {
        const i = columns[role];
        if (i !== null && i >= cells.length) {
          error = rowError('TOO_FEW_CELLS', {
            line: row.line, cells: cells.length, width: columns.width || i + 1, column: columns.names[role] ?? `#${i + 1}`,
          }, this.locale);
          break;
        }
      }
    }
    if (error === null && row.sparse !== true && columns.width > 0) {
      // Text beyond the header's last column: the cells of this row are probably shifted.
      for (let i = columns.width; i < cells.length; i++) {
        const t = cells[i]!.trim();
        if (t !== '') {
          error = rowError('EXTRA_CELLS', { line: row.line, column: i + 1, text: t.length > 20 ? `${t.slice(0, 20)}…` : t }, this.locale);
          break;
        }
      }
    }
    return makeRow(row, 'data', this.record(cells, columns, error === null), columns, false, error);
  }

  keyed(row: RawRow, options: DetectOptions): TableRow {
    const keys = row.keys!;
    const id = keys.join('\u0000');
    let map = this.keyedMaps.get(id);
    if (map === undefined) {
      try {
        map = mapColumns(keys, null, options);
      } catch (e) {
        if (!(e instanceof TableError)) throw e;
        map = e;
      }
      // JSON lines usually repeat one key set; a file with a new one on every row must not
      // keep them all (1.2 GB on 418 MB of input).
      if (this.keyedMaps.size >= KEYED_CACHE_SIZE) this.keyedMaps.clear();
      this.keyedMaps.set(id, map);
    }
    if (map instanceof TableError) {
      const wanted = typeof options.columns?.target === 'string' ? options.columns.target : 'target';
      const error = row.error ?? rowError('MISSING_KEY', { line: row.line, column: wanted }, this.locale);
      return makeRow(row, 'data', null, null, false, error);
    }
    return makeRow(row, 'data', this.record(row.cells, map, row.error === null), map, false, row.error);
  }

  private record(cells: readonly string[], columns: ColumnMap, sound: boolean): TableRecord {
    const levels: string[] = [];
    for (let k = 0; k < columns.levels.length; k++) {
      // Merged cells export as one value and blanks below it. A broken row takes carried
      // values but does not set them: its cells may be in the wrong places.
      const t = cleanLabel(cells[columns.levels[k]!] ?? '');
      if (t === '') levels.push(this.carriedLevels[k] ?? '');
      else {
        if (sound) this.carriedLevels[k] = t;
        levels.push(t);
      }
    }
    return {
      indicator: columns.indicator === null ? null : cleanLabel(cells[columns.indicator] ?? ''),
      target: cells[columns.target] ?? '',
      op: columns.op === null ? null : cleanLabel(cells[columns.op] ?? ''),
      unit: columns.unit === null ? null : cleanLabel(cells[columns.unit] ?? ''),
      actual: columns.actual === null ? null : cells[columns.actual] ?? '',
      weight: columns.weight === null ? null : cleanLabel(cells[columns.weight] ?? ''),
      levels,
    };
  }
}

/**
 * A row into the classifier; a row on which the classifier itself throws (a cell that is
 * not text, a bug) goes in as an unreadable row with that error instead, in its place.
 * A TableError (no header, a bad option) is about the table and still ends it.
 */
export function pushSafely(classifier: RowClassifier, row: RowInput, position: number, locale: Locale): TableRow[] {
  let raw: RawRow | null = null;
  try {
    const r = toRaw(row, position, locale);
    raw = r;
    return classifier.push(r);
  } catch (e) {
    if (e instanceof TableError) throw e;
    const line = raw !== null && Number.isInteger(raw.line) ? raw.line : position;
    return classifier.push({ line, cells: [], error: rowFailed(line, e, locale) });
  }
}
