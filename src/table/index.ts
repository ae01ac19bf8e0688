/**
 * `indicator-expr/table`: reading and writing whole tables of targets (CSV, TSV, JSON
 * lines, .xlsx; UTF-8, UTF-16, GBK/GB18030), finding their columns, and streaming them
 * through the parser. The library entry (`indicator-expr`) does not load this module or
 * its dependencies (iconv-lite, fflate, saxes).
 *
 * **Node.js only**: it reads files and streams (`node:fs`, `node:stream`); in a browser use
 * the main entry on cells you have read yourself. TypeScript users of this subpath need
 * `@types/node`.
 *
 * The layers, each usable alone:
 *   readRows      raw rows with line numbers and row errors
 *   detectColumns the header row and where each column is
 *   tableRows     every row classified (title, header, data, blank) with its record
 *   normalizeRows rows with the normalized target columns added (also a Transform)
 *   write*        streaming CSV / TSV / JSON lines writers
 *   checkTable    rows with verdicts and scores, and a summary (also checkRows, a Transform)
 *
 * @example Check a whole self-evaluation table, row by row, then its total
 * ```ts
 * import { checkTable } from 'indicator-expr/table';
 *
 * const report = checkTable('docs/examples/yancheng-2022.csv');
 * for await (const row of report) console.log(row.line, row.verdict?.status, row.score?.score?.toString());
 * console.log(report.summary.score, report.summary.grade); // '93.1' '优'
 * ```
 *
 * @example Add the normalized columns (op, value, unit, base value …) to a table of targets
 * ```ts
 * import { normalizeRows, readRows, writeCsv } from 'indicator-expr/table';
 *
 * const rows = normalizeRows(readRows('docs/examples/yancheng-2022.csv'));
 * for await (const bytes of writeCsv(rows)) process.stdout.write(bytes);
 * ```
 *
 * @packageDocumentation
 */
export { readRows, sniffDelimiter, sniffFormat, DEFAULT_LIMITS, type RowReader } from './read.js';
export type { RawRow, ReadOptions, SourceInfo, TableFormat, TableSource } from './types.js';
export {
  detectColumns, headerKey, isHeaderRow, mapColumns, positionalColumns, ROLES,
  type ColumnMap, type ColumnRef, type ColumnRole, type DetectOptions, type HeaderFound, type Period,
} from './header.js';
export {
  classifyRows, cleanLabel, RowClassifier, tableRows,
  type RowKind, type TableOptions, type TableRecord, type TableRow, type TableRowReader,
} from './rows.js';
export {
  flattenTarget, isoDate, normalizeRows, normalizeStream, NORMALIZED_COLUMNS, RowNormalizer,
  type NormalizeOptions, type NormalizedColumn, type NormalizedFields, type NormalizedRow, type RowInput,
} from './normalize.js';
export {
  encodeText, writeCsv, writeDelimited, writeJsonl, writeOptionsFor, writeRows, writeTsv,
  type DelimitedWriteOptions, type Rows, type WritableRow, type WriteOptions,
} from './write.js';
export { isTableError, rowError, TableError, type RowError } from './errors.js';
export type { RowErrorCode, TableErrorCode } from './messages.js';
export {
  checkedRowToJSON, checkRows, checkStream, checkTable, RowChecker,
  type CheckedRow, type CheckedRowJSON, type CheckError, type CheckErrorCode, type CheckOptions, type CheckReader, type CheckSummary, type CheckTableReader,
} from './check.js';
