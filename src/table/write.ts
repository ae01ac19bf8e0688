import iconv from 'iconv-lite';
import { TableError } from './errors.js';
import type { SourceInfo, TableFormat } from './types.js';
import { MAX_SHEET_ROWS } from './xlsx.js';

/**
 * Streaming writers. Each takes rows (an array of cells, or a row from this module with
 * `cells` and, for keyed JSON rows, `keys`) and yields encoded chunks of about 64 KiB, so
 * a table of any length is written in constant memory; hand the generator to
 * `stream.pipeline(generator, destination)` to get backpressure.
 */
export type WritableRow = readonly string[] | {
  readonly cells: readonly string[];
  readonly keys?: readonly string[] | null;
  /** JSON text of the first cells as read from JSON lines, written back as it was. */
  readonly json?: readonly string[] | null;
};

export type Rows<T> = AsyncIterable<T> | Iterable<T>;

export interface WriteOptions {
  /** Line ending (default `\n`). */
  eol?: '\n' | '\r\n' | '\r';
  /** Text encoding, any label iconv-lite knows (default UTF-8). */
  encoding?: string;
  /** Start with a byte order mark (Excel needs one to open a UTF-8 CSV as UTF-8). */
  bom?: boolean;
}

export interface DelimitedWriteOptions extends WriteOptions {
  /** Default `,`. */
  delimiter?: ',' | '\t' | ';';
}

const FLUSH_AT = 64 * 1024;

/**
 * CSV or TSV. A cell is quoted (RFC 4180, as Excel writes) when it holds the delimiter, a
 * quote or a line break, so it reads back as the same cell here, in Excel and in any
 * CSV reader. A cell is never changed otherwise: `=100%` stays as it is, even though a
 * spreadsheet would take it for a formula.
 */
export async function* writeDelimited(rows: Rows<WritableRow>, options: DelimitedWriteOptions = {}): AsyncGenerator<Buffer> {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\n';
  const quote = (cell: string): string => (needsQuotes(cell, delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);
  yield* encodeText(lines(rows, (row) => cellsOf(row).map(quote).join(delimiter), eol), options);
}

export function writeCsv(rows: Rows<WritableRow>, options: WriteOptions = {}): AsyncGenerator<Buffer> {
  return writeDelimited(rows, { ...options, delimiter: ',' });
}

export function writeTsv(rows: Rows<WritableRow>, options: WriteOptions = {}): AsyncGenerator<Buffer> {
  return writeDelimited(rows, { ...options, delimiter: '\t' });
}

/**
 * JSON lines: a keyed row as an object, a positional row as an array, a row without
 * cells as an empty line (so that line N still answers line N). Cells read from JSON
 * keep their JSON text (numbers exactly as written); other cells are strings.
 */
export async function* writeJsonl(rows: Rows<WritableRow>, options: WriteOptions = {}): AsyncGenerator<Buffer> {
  yield* encodeText(lines(rows, jsonLine, options.eol ?? '\n'), options);
}

function jsonLine(row: WritableRow): string {
  const cells = cellsOf(row);
  const keys = Array.isArray(row) ? null : (row as { keys?: readonly string[] | null }).keys ?? null;
  const json = Array.isArray(row) ? null : (row as { json?: readonly string[] | null }).json ?? null;
  const value = (i: number): string => json?.[i] ?? JSON.stringify(cells[i] ?? '');
  if (keys !== null) return `{${keys.map((k, i) => `${JSON.stringify(k)}:${value(i)}`).join(',')}}`;
  if (cells.length === 0) return '';
  return `[${cells.map((_c, i) => value(i)).join(',')}]`;
}

/** Write rows in the given format: the dispatcher `normalize` uses to answer in kind. */
export function writeRows(rows: Rows<WritableRow>, format: Exclude<TableFormat, 'xlsx'>, options: DelimitedWriteOptions = {}): AsyncGenerator<Buffer> {
  switch (format) {
    case 'csv': return writeDelimited(rows, { delimiter: ',', ...options });
    case 'tsv': return writeDelimited(rows, { ...options, delimiter: options.delimiter ?? '\t' });
    case 'jsonl': return writeJsonl(rows, options);
    default: throw new TableError('UNKNOWN_FORMAT', { format: String(format) });
  }
}

/**
 * Options that write a table back the way it was read: same format, delimiter, line
 * ending, encoding and BOM. An .xlsx is written back as CSV in UTF-8 with a BOM, which
 * Excel opens as it is.
 */
export function writeOptionsFor(info: SourceInfo): DelimitedWriteOptions & { format: Exclude<TableFormat, 'xlsx'> } {
  if (info.format === 'xlsx' || info.format === null) return { format: 'csv', delimiter: ',', eol: '\r\n', encoding: 'utf-8', bom: true };
  return {
    format: info.format,
    delimiter: info.delimiter ?? (info.format === 'tsv' ? '\t' : ','),
    eol: info.eol ?? '\n',
    encoding: info.encoding ?? 'utf-8',
    bom: info.bom,
  };
}

function needsQuotes(cell: string, delimiter: string): boolean {
  return cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r');
}

function cellsOf(row: WritableRow): readonly string[] {
  return Array.isArray(row) ? (row as readonly string[]) : (row as { cells: readonly string[] }).cells;
}

/**
 * Rendered rows. A row of a worksheet (`sparse`, with its sheet row number as `line`)
 * follows the rows the sheet left out, which the reader does not make up: they are
 * written as empty lines here, so line N of the output is row N of the sheet (within
 * Excel's 1 048 576 rows; a row numbered beyond is an error row and fills nothing).
 */
async function* lines(rows: Rows<WritableRow>, render: (row: WritableRow) => string, eol: string): AsyncGenerator<string> {
  let last = 0;
  for await (const row of rows) {
    const sheet = Array.isArray(row) ? null : row as { sparse?: boolean; line?: number };
    if (sheet !== null && sheet.sparse === true && typeof sheet.line === 'number') {
      if (sheet.line <= MAX_SHEET_ROWS) {
        for (let n = last + 1; n < sheet.line; n++) yield eol;
        if (sheet.line > last) last = sheet.line;
      }
    }
    yield render(row) + eol;
  }
}

/** Join small strings into chunks and encode them. */
export async function* encodeText(texts: AsyncIterable<string>, options: WriteOptions = {}): AsyncGenerator<Buffer> {
  const encoding = canonical(options.encoding ?? 'utf-8');
  const encode = encoding === 'utf-8' ? (s: string) => Buffer.from(s, 'utf8') : (s: string) => iconv.encode(s, encoding);
  let pending = options.bom ? '\ufeff' : '';
  for await (const t of texts) {
    pending += t;
    if (pending.length >= FLUSH_AT) { yield encode(pending); pending = ''; }
  }
  if (pending !== '') yield encode(pending);
}

function canonical(label: string): string {
  const key = label.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (key === 'utf8') return 'utf-8';
  if (['gbk', 'gb2312', 'cp936', 'gb18030'].includes(key)) return 'gb18030';
  if (!iconv.encodingExists(label)) throw new TableError('UNKNOWN_ENCODING', { encoding: label });
  return label;
}
