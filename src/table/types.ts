import type { Readable } from 'node:stream';
import type { Locale } from '../i18n/messages.js';
import type { RowError } from './errors.js';

export type TableFormat = 'csv' | 'tsv' | 'jsonl' | 'xlsx';

/**
 * What a table can be read from: a file path (or file URL), the whole file as bytes, or
 * a stream of bytes such as `process.stdin`.
 */
export type TableSource = string | URL | Uint8Array | Readable | AsyncIterable<Uint8Array | string>;

/** One row as read from the source, before any column is known. */
export interface RawRow {
  /**
   * The line a person sees in the file, from 1: for a record whose quoted cell spans
   * several lines, the line where it starts; for .xlsx, the sheet's row number.
   */
  readonly line: number;
  /** The cells as text. A line with no text at all has no cells. */
  readonly cells: readonly string[];
  /** For keyed rows (a JSON object per line): `keys[i]` names `cells[i]`. */
  readonly keys?: readonly string[];
  /**
   * For JSON lines: the JSON text of each value as written, so that a writer can give
   * numbers back exactly (`1.10` stays `1.10`, not `1.1`).
   */
  readonly json?: readonly string[];
  /**
   * Cells past the end are empty rather than missing: a worksheet stores no empty cells,
   * so an .xlsx row is never too short, and its columns cannot shift.
   */
  readonly sparse?: boolean;
  /** Why the row could not be read as written; the cells are then the best reading. */
  readonly error: RowError | null;
}

/** What the reader found out about the source; filled in as it reads. */
export interface SourceInfo {
  format: TableFormat | null;
  /**
   * The encoding the text is read in (`utf-8`, `gb18030`, `utf-16le`, … or the one given).
   * Detection waits for the first non-ASCII line, so this stays `null` while every line
   * so far was ASCII (identical in every supported encoding); at the end of a pure ASCII
   * input it is `utf-8`. Always `utf-8` for .xlsx and JSON lines read as UTF-8.
   */
  encoding: string | null;
  /** The text started with a byte order mark. */
  bom: boolean;
  /** The first line ending seen (`null` for a single line without one, and for .xlsx). */
  eol: '\n' | '\r\n' | '\r' | null;
  /** CSV/TSV: the cell delimiter. */
  delimiter: ',' | '\t' | ';' | null;
  /** .xlsx: the sheet read. */
  sheet: string | null;
}

export interface ReadOptions {
  /** Overrides detection (by file extension, else by content). */
  format?: TableFormat;
  /**
   * The text encoding, any label iconv-lite knows (`gbk`, `gb18030`, `big5`, `utf-16le` …).
   * Without it: a byte order mark decides; else UTF-8 when the text is valid UTF-8,
   * otherwise GB18030 (a superset of GBK and GB2312).
   */
  encoding?: string;
  /** CSV/TSV: the delimiter, instead of detecting tab or comma. */
  delimiter?: ',' | '\t' | ';';
  /** .xlsx: the sheet, by name or 1-based position; default the first. */
  sheet?: string | number;
  /** The language of error messages (default Chinese). */
  locale?: Locale;
  /**
   * Limits that keep memory bounded on hostile or broken input. A physical line longer
   * than `maxLineBytes` comes out as an error row; a quoted cell still open after
   * `maxRecordLines` lines or `maxRecordChars` characters is taken as a bad quote.
   */
  maxLineBytes?: number;
  maxRecordLines?: number;
  maxRecordChars?: number;
  /**
   * .xlsx: inflated bytes allowed over the whole archive (default 256 MiB), and the largest
   * ratio of a part's inflated to compressed size once it is past 1 MiB (default 100).
   * Past either, the part stops there (zip bombs); see docs/security.md.
   */
  maxInflatedBytes?: number;
  maxInflateRatio?: number;
}
