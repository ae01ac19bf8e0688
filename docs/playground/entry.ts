/**
 * The playground's browser build: the package's main entry, plus what the table mode needs
 * to judge a pasted table or a chosen file inside the page.
 *
 * `indicator-expr/table` is Node-only as a whole (files and streams: node:fs, node:stream,
 * iconv-lite), but its parts that turn rows into verdicts are not: the RFC 4180 splitter
 * (parseDelimited), the .xlsx reader (fflate and saxes), the column detection and the row
 * checker (RowChecker: the same core `checkTable` and `indicator-expr check` use). The
 * table mode is built on those; the bytes are decoded by the browser's TextDecoder
 * (UTF-8, UTF-16 with a BOM, else GB18030, which WPS and older Excel write) instead of
 * iconv-lite. build.mjs resolves the Node-only modules to a stub that throws if called:
 * nothing here calls them.
 */
import { RowChecker, type CheckedRow, type CheckOptions, type CheckSummary } from '../../src/table/check.js';
import { parseDelimited, type TextLine } from '../../src/table/delimited.js';
import { DEFAULT_LIMITS, sniffDelimiter } from '../../src/table/read.js';
import type { RawRow } from '../../src/table/types.js';
import { readXlsx } from '../../src/table/xlsx.js';
import { isTableError } from '../../src/table/errors.js';
import type { Locale } from '../../src/i18n/messages.js';

export * from '../../src/index.js';
export { REPORT_WORDS } from '../../src/i18n/report.js';
export { RowViews, type RowView } from '../../src/report/rows.js';

export interface CheckedTable {
  readonly rows: CheckedRow[];
  readonly summary: CheckSummary;
}

async function* textLines(text: string): AsyncGenerator<TextLine> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // A copied range ends with a line break: that is not a blank last row.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) yield { number: i + 1, text: lines[i]!, error: null };
}

async function check(rows: AsyncIterable<RawRow>, options: CheckOptions): Promise<CheckedTable> {
  const checker = new RowChecker(options);
  const out: CheckedRow[] = [];
  for await (const r of rows) out.push(...checker.push(r));
  out.push(...checker.end());
  return { rows: out, summary: checker.summary };
}

/** Check a table given as text (pasted from Excel or WPS, or a CSV/TSV file already decoded). */
export function checkText(text: string, options: CheckOptions = {}): Promise<CheckedTable> {
  const locale: Locale = options.locale ?? 'zh';
  return check(parseDelimited(textLines(text), {
    delimiter: sniffDelimiter(text, 'csv'), maxRecordLines: DEFAULT_LIMITS.maxRecordLines, maxRecordChars: DEFAULT_LIMITS.maxRecordChars, locale,
  }), options);
}

/** The text of a CSV/TSV file's bytes: a BOM says the encoding; else UTF-8 if the bytes are, else GB18030. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Check a file's bytes: .xlsx by its zip signature (whatever its name), else text. */
export function checkBytes(bytes: Uint8Array, options: CheckOptions = {}): Promise<CheckedTable> {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return check(readXlsx(bytes, { locale: options.locale ?? 'zh' }), options);
  }
  return checkText(decodeText(bytes), options);
}

/** A table error (no header row, a broken .xlsx …) in the words of the locale, or null for any other error. */
export function tableErrorMessage(e: unknown, locale: Locale): string | null {
  return isTableError(e) ? e.messages[locale] : null;
}
