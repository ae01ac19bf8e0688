import { extname } from 'node:path';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { chooseEncoding, isAscii, makeDecoder, sniffBom, type LineDecoder } from './decode.js';
import { parseDelimited, type TextLine } from './delimited.js';
import { rowError, TableError } from './errors.js';
import { parseJsonLines } from './jsonl.js';
import { splitLines, type ByteLine } from './lines.js';
import { ByteSource } from './source.js';
import type { RawRow, ReadOptions, SourceInfo, TableFormat, TableSource } from './types.js';
import { DEFAULT_XLSX_LIMITS, readXlsx } from './xlsx.js';

/** How much of the start of the input format, delimiter and encoding are sniffed from. */
const SNIFF_BYTES = 64 * 1024;

export const DEFAULT_LIMITS: Readonly<Record<'maxLineBytes' | 'maxRecordLines' | 'maxRecordChars' | 'maxInflatedBytes' | 'maxInflateRatio', number>> = {
  maxLineBytes: 16 * 1024 * 1024,
  maxRecordLines: 10_000,
  maxRecordChars: 4 * 1024 * 1024,
  ...DEFAULT_XLSX_LIMITS,
};

const EXTENSIONS: Readonly<Record<string, TableFormat>> = {
  '.csv': 'csv', '.tsv': 'tsv', '.tab': 'tsv',
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'jsonl',
  '.xlsx': 'xlsx', '.xlsm': 'xlsx',
};
/** Formats that look like tables but are not these; named so the error can say what to do. */
const UNSUPPORTED_EXTENSIONS: Readonly<Record<string, string>> = {
  '.xls': 'Excel 97–2003 (.xls)', '.et': 'WPS (.et)', '.ods': 'OpenDocument (.ods)', '.numbers': 'Numbers (.numbers)',
};

/**
 * The rows of a table, in order, each with its physical line number and, when it could
 * not be read as written, its error. A broken row never stops the reading; only a
 * source that cannot be read at all throws a TableError.
 *
 * `reader.info` tells what was detected (format, encoding, BOM, line ending, delimiter,
 * sheet); it is filled in before the first row is given.
 */
export interface RowReader extends AsyncIterable<RawRow> {
  readonly info: SourceInfo;
}

export function readRows(source: TableSource, options: ReadOptions = {}): RowReader {
  const info: SourceInfo = { format: null, encoding: null, bom: false, eol: null, delimiter: null, sheet: null };
  return {
    info,
    [Symbol.asyncIterator]: () => rows(source, options, info)[Symbol.asyncIterator](),
  };
}

async function* rows(source: TableSource, options: ReadOptions, info: SourceInfo): AsyncGenerator<RawRow> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  if (options.format !== undefined && !['csv', 'tsv', 'jsonl', 'xlsx'].includes(options.format)) {
    throw new TableError('UNKNOWN_FORMAT', { format: String(options.format) }, { locale });
  }
  const input = new ByteSource(source);
  try {
    const head = await input.peek(SNIFF_BYTES);
    const format = options.format ?? formatFromName(input.path, locale) ?? sniffFormat(head, locale);
    info.format = format;
    const limits = { ...DEFAULT_LIMITS, ...definedOnly(options) };
    if (format === 'xlsx') {
      info.encoding = 'utf-8';
      const zip = await input.readAll();
      yield* readXlsx(zip, {
        sheet: options.sheet, locale, onSheet: (name) => { info.sheet = name; },
        maxInflatedBytes: limits.maxInflatedBytes, maxInflateRatio: limits.maxInflateRatio,
      });
      return;
    }
    const bom = sniffBom(head);
    let decoder: LineDecoder | null = null;
    let skip = 0;
    if (options.encoding !== undefined) {
      decoder = makeDecoder(options.encoding);
      // A BOM of the encoding given is not text; nor is a UTF-8 BOM that an editor put
      // before GBK text (the encoding given says what the rest is). Another is left alone.
      if (bom && (bom.encoding === decoder.encoding || (bom.encoding === 'utf-8' && decoder.unit === 1))) skip = bom.length;
    } else if (bom) {
      decoder = makeDecoder(bom.encoding);
      skip = bom.length;
    } else {
      const sample = completeLines(head, head.length < SNIFF_BYTES).filter((l) => !isAscii(l));
      if (sample.length > 0) decoder = makeDecoder(chooseEncoding(sample));
    }
    info.bom = skip > 0;
    if (decoder) info.encoding = decoder.encoding;

    const byteLines = splitLines(input.chunks(), {
      unit: decoder?.unit ?? 1, bigEndian: decoder?.bigEndian ?? false, skip, maxLineBytes: limits.maxLineBytes,
    });
    const lines = decodeLines(byteLines, decoder, info, limits.maxLineBytes, locale);
    if (format === 'jsonl') {
      yield* parseJsonLines(lines, locale);
    } else {
      // A format asked for by name keeps its own delimiter; a file's extension does not
      // (systems export tab-separated text named .csv), so then the content decides.
      const delimiter = options.delimiter
        ?? (options.format !== undefined ? (format === 'tsv' ? '\t' : ',') : sniffDelimiter(headText(head, skip, decoder), format));
      info.delimiter = delimiter;
      if (options.format === undefined) info.format = delimiter === '\t' ? 'tsv' : 'csv';
      yield* parseDelimited(lines, { delimiter, maxRecordLines: limits.maxRecordLines, maxRecordChars: limits.maxRecordChars, locale });
    }
    info.encoding ??= 'utf-8';
  } finally {
    await input.close();
  }
}

function definedOnly(options: ReadOptions): Partial<typeof DEFAULT_LIMITS> {
  const out: { -readonly [K in keyof typeof DEFAULT_LIMITS]?: number } = {};
  for (const k of Object.keys(DEFAULT_LIMITS) as (keyof typeof DEFAULT_LIMITS)[]) {
    const v = options[k];
    if (v !== undefined) {
      if (!Number.isInteger(v) || v < 1) throw new TableError('INVALID_OPTION', { detail: `${k} must be a positive integer` }, { locale: options.locale });
      out[k] = v;
    }
  }
  return out;
}

/**
 * Decode each line. Without an encoding yet, ASCII lines are read as they are (ASCII is
 * the same in every encoding allowed here) and the first non-ASCII line decides.
 */
async function* decodeLines(lines: AsyncIterable<ByteLine>, given: LineDecoder | null, info: SourceInfo, maxLineBytes: number, locale: Locale): AsyncGenerator<TextLine> {
  let decoder = given;
  for await (const l of lines) {
    if (info.eol === null && l.eol !== null) info.eol = l.eol;
    if (l.tooLong) {
      yield { number: l.number, text: '', error: rowError('LINE_TOO_LONG', { line: l.number, limit: maxLineBytes }, locale) };
      continue;
    }
    if (decoder === null) {
      if (isAscii(l.bytes)) {
        yield { number: l.number, text: Buffer.from(l.bytes).toString('latin1'), error: null };
        continue;
      }
      decoder = makeDecoder(chooseEncoding([l.bytes]));
      info.encoding = decoder.encoding;
    }
    const d = decoder.decode(l.bytes);
    const error = d.bad
      ? rowError('UNDECODABLE', { line: l.number, encoding: decoder.encoding.toUpperCase(), byte: d.at + 1 }, locale)
      : null;
    yield { number: l.number, text: d.text, error };
  }
}

function formatFromName(path: string | null, locale: Locale): TableFormat | null {
  if (path === null) return null;
  const ext = extname(path).toLowerCase();
  const unsupported = UNSUPPORTED_EXTENSIONS[ext];
  if (unsupported !== undefined) throw new TableError('UNSUPPORTED_FORMAT', { detail: unsupported }, { locale });
  return EXTENSIONS[ext] ?? null;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The format from the content: zip → xlsx; `{`/`[` lines → JSON lines; else CSV or TSV. */
export function sniffFormat(head: Uint8Array, locale: Locale = DEFAULT_LOCALE): TableFormat {
  const starts = (magic: readonly number[]): boolean => head.length >= magic.length && magic.every((b, i) => head[i] === b);
  if (starts(ZIP_MAGIC)) return 'xlsx';
  // An OLE compound file is a legacy .xls, or an .xlsx saved with a password.
  if (starts(OLE_MAGIC)) throw new TableError('UNSUPPORTED_FORMAT', { detail: 'Excel 97–2003 (.xls) or a password-protected workbook' }, { locale });
  const bom = sniffBom(head);
  const text = headText(head, bom?.length ?? 0, bom ? makeDecoder(bom.encoding) : null);
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '')?.trim() ?? '';
  if (first.startsWith('{')) return 'jsonl';
  if (first.startsWith('[') && first.endsWith(']')) {
    try { JSON.parse(first); return 'jsonl'; } catch { /* a cell that starts with [ */ }
  }
  return sniffDelimiter(text, 'csv') === '\t' ? 'tsv' : 'csv';
}

/**
 * Tab, comma or semicolon: the one found on the most of the first lines. Table text has
 * commas in it, so a tab wins ties; a semicolon (a CSV saved in a European locale) must
 * beat both. With no delimiter at all, the format's own.
 */
export function sniffDelimiter(text: string, format: TableFormat): ',' | '\t' | ';' {
  const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '').slice(0, 100);
  let tabs = 0;
  let commas = 0;
  let semis = 0;
  for (const l of lines) {
    if (l.includes('\t')) tabs++;
    if (l.includes(',')) commas++;
    if (l.includes(';')) semis++;
  }
  if (semis > tabs && semis > commas) return ';';
  if (tabs > 0 && tabs >= commas) return '\t';
  if (commas > 0) return ',';
  return format === 'tsv' ? '\t' : ',';
}

/** The sniffed bytes as text, good enough to count delimiters and see the first line. */
function headText(head: Uint8Array, skip: number, decoder: LineDecoder | null): string {
  const body = head.subarray(skip);
  if (decoder?.unit === 2) return decoder.decode(body.subarray(0, body.length - (body.length % 2))).text;
  // ASCII punctuation reads the same in every ASCII-compatible encoding.
  return Buffer.from(body).toString('latin1');
}

/** The lines of the sniffed bytes, without the last one when it may be cut off. */
function completeLines(head: Uint8Array, atEnd: boolean): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < head.length; i++) {
    if (head[i] === 0x0a || head[i] === 0x0d) {
      if (i > start) out.push(head.subarray(start, i));
      start = i + 1;
    }
  }
  if (atEnd && start < head.length) out.push(head.subarray(start));
  return out;
}
