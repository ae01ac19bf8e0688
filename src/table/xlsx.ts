import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { decimalText } from './decimal-text.js';
import { rowError, TableError, type RowError } from './errors.js';
import type { RawRow } from './types.js';
import { MAX_XML_RUN, XmlRunGuard } from './xml-guard.js';
import { readCentralDirectory, readEntryText, streamEntry, type InflateBudget, type ZipEntry } from './zip.js';

/**
 * Rows of one worksheet of an .xlsx (Office Open XML) workbook.
 *
 * The zip is held in memory (its directory is at its end), but the worksheet, by far the
 * largest part, is inflated and parsed in slices, so memory is the file plus one slice
 * plus the shared strings, not the unpacked sheet. Rows come out in sheet order with the
 * sheet's row numbers; rows the sheet leaves out are not made up (a row number tells
 * where a row is), and neither are empty cells after a row's last text.
 *
 * Hostile files are bounded (docs/security.md): inflating stops at `maxInflatedBytes`
 * over the whole archive and at `maxInflateRatio` per part (zip bombs); a row past
 * Excel's 1 048 576 rows or a cell past its 16 384 columns is an error of its row; a
 * broken part loses at most the rows it holds: a cell that cannot be read is its row's
 * error, an XML error is the error of the row it is in and the reading goes on, and a
 * sheet cut short by a limit ends with a row that says so.
 *
 * Cell text is what a person reads in Excel, without floating point: numbers are the
 * stored decimal text at Excel's 15 significant digits; a percentage-formatted number
 * is that text × 100 with `%` (0.955 → `95.5%`, exact, not the rounded display);
 * a date-formatted number is the date as people write it in these tables, which the
 * target grammar reads (`2022年11月30日`, so that `≤` in an op column beside it is a
 * deadline; with the time when the serial has one); booleans are TRUE/FALSE; formulas give their saved value, except a formula
 * that is just a number (`=100%`, as people type targets), which reads as typed.
 */
export interface XlsxOptions {
  readonly sheet?: string | number;
  readonly locale?: Locale;
  /** Called once the sheet is chosen, with its name. */
  readonly onSheet?: (name: string) => void;
  /** Inflated bytes allowed over the whole archive (default DEFAULT_XLSX_LIMITS.maxInflatedBytes). */
  readonly maxInflatedBytes?: number;
  /** Largest inflated / compressed ratio of a part past its first MiB (default DEFAULT_XLSX_LIMITS.maxInflateRatio). */
  readonly maxInflateRatio?: number;
}

export const DEFAULT_XLSX_LIMITS = {
  /** 256 MiB: an export of a few hundred thousand rows inflates to tens of MiB. */
  maxInflatedBytes: 256 * 1024 * 1024,
  /** Sheet XML of real workbooks compresses 5–30 : 1; Apache POI refuses beyond 100 : 1 too. */
  maxInflateRatio: 100,
} as const;

/** Excel's own limits (Excel specifications and limits): rows and columns of a sheet. */
export const MAX_SHEET_ROWS = 1_048_576;
export const MAX_SHEET_COLUMNS = 16_384;

interface Workbook {
  readonly sheets: readonly { readonly name: string; readonly path: string }[];
  readonly date1904: boolean;
  readonly sharedStringsPath: string | null;
  readonly stylesPath: string | null;
}

type CellFormat = 'number' | 'percent' | 'date';

export async function* readXlsx(zip: Uint8Array, options: XlsxOptions = {}): AsyncGenerator<RawRow> {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const entries = readCentralDirectory(zip);
  const max = options.maxInflatedBytes ?? DEFAULT_XLSX_LIMITS.maxInflatedBytes;
  const budget: InflateBudget = { left: max, max, maxRatio: options.maxInflateRatio ?? DEFAULT_XLSX_LIMITS.maxInflateRatio };
  const text = (path: string): string | null => {
    const e = entries.get(path);
    return e ? readEntryText(zip, e, budget) : null;
  };
  const workbook = readWorkbook(text);
  const sheet = pickSheet(workbook, options.sheet);
  options.onSheet?.(sheet.name);
  const entry = entries.get(sheet.path);
  if (!entry) throw new TableError('BAD_XLSX', { detail: `the sheet ${sheet.name} (${sheet.path}) is missing` });
  const formats = workbook.stylesPath ? readStyles(text(workbook.stylesPath) ?? '') : [];
  const stringsEntry = workbook.sharedStringsPath === null ? undefined : entries.get(workbook.sharedStringsPath);
  const strings = stringsEntry ? readSharedStrings(zip, stringsEntry, budget) : { list: [], problem: null };
  yield* readSheet(zip, entry, { strings: strings.list, stringsProblem: strings.problem, formats, date1904: workbook.date1904, locale, budget });
}

/** Element names without a namespace prefix (some writers use `x:row`). */
function local(name: string): string {
  const i = name.indexOf(':');
  return i === -1 ? name : name.slice(i + 1);
}

function parseXml(xml: string, on: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void }, what: string): void {
  const parser = new SaxesParser({ position: false });
  if (on.open) { const open = on.open; parser.on('opentag', (t) => open(t as SaxesTagPlain)); }
  if (on.close) { const close = on.close; parser.on('closetag', (t) => close(local(t.name))); }
  if (on.text) { parser.on('text', on.text); parser.on('cdata', on.text); }
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new TableError('BAD_XLSX', { detail: `${what}: ${(e as Error).message}` });
  }
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const a = tag.attributes as Record<string, string>;
  if (a[name] !== undefined) return a[name];
  for (const k of Object.keys(a)) if (local(k) === name) return a[k];
  return undefined;
}

function readRelationships(xml: string | null, base: string): Map<string, { type: string; path: string }> {
  const rels = new Map<string, { type: string; path: string }>();
  if (xml === null) return rels;
  parseXml(xml, {
    open: (t) => {
      if (local(t.name) !== 'Relationship') return;
      const id = attr(t, 'Id');
      const target = attr(t, 'Target');
      if (id && target && attr(t, 'TargetMode') !== 'External') rels.set(id, { type: attr(t, 'Type') ?? '', path: resolvePath(base, target) });
    },
  }, 'relationships');
  return rels;
}

/** A relationship target, relative to the folder of the part that names it. */
function resolvePath(base: string, target: string): string {
  const parts = target.startsWith('/') ? [] : base.split('/').filter((s) => s !== '');
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop(); else parts.push(seg);
  }
  return parts.join('/');
}

function readWorkbook(text: (path: string) => string | null): Workbook {
  const root = readRelationships(text('_rels/.rels'), '');
  const doc = [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.path ?? 'xl/workbook.xml';
  const xml = text(doc);
  if (xml === null) throw new TableError('BAD_XLSX', { detail: `no workbook (${doc})` });
  const dir = doc.includes('/') ? doc.slice(0, doc.lastIndexOf('/')) : '';
  const relsPath = `${dir ? `${dir}/` : ''}_rels/${doc.slice(doc.lastIndexOf('/') + 1)}.rels`;
  const rels = readRelationships(text(relsPath), dir);
  const sheets: { name: string; path: string }[] = [];
  let date1904 = false;
  parseXml(xml, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'workbookPr') {
        const v = attr(t, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (n === 'sheet') {
        const rel = rels.get(attr(t, 'id') ?? '');
        // Chart sheets and dialog sheets have no cells to read.
        if (rel && rel.type.endsWith('/worksheet')) sheets.push({ name: attr(t, 'name') ?? '', path: rel.path });
      }
    },
  }, 'workbook');
  const byType = (suffix: string): string | null => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path ?? null;
  return { sheets, date1904, sharedStringsPath: byType('/sharedStrings'), stylesPath: byType('/styles') };
}

function pickSheet(workbook: Workbook, want: string | number | undefined): { name: string; path: string } {
  const list = workbook.sheets;
  const names = list.map((s) => s.name).join('、') || '—';
  if (list.length === 0) throw new TableError('BAD_XLSX', { detail: 'the workbook has no worksheet' });
  if (want === undefined) return list[0]!;
  const byName = typeof want === 'string' ? list.find((s) => s.name === want) ?? list.find((s) => s.name.trim().toLowerCase() === want.trim().toLowerCase()) : undefined;
  if (byName) return byName;
  const index = typeof want === 'number' ? want : /^\d+$/.test(want.trim()) ? Number(want.trim()) : NaN;
  if (Number.isInteger(index) && index >= 1 && index <= list.length) return list[index - 1]!;
  throw new TableError('NO_SUCH_SHEET', { sheet: String(want), sheets: names });
}

/**
 * OOXML escapes characters XML cannot hold as `_xHHHH_` (Excel writes a cell's CR as
 * `_x000D_`); line breaks inside a cell read as `\n`.
 */
function unescapeText(s: string): string {
  const out = s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
  return out.includes('\r') ? out.replace(/\r\n?/g, '\n') : out;
}

/**
 * The shared strings, streamed: the part is never one string (1.2 MB zipped can be 1.27 GB
 * of XML). What stops the reading (a limit, an XML error) leaves the strings read so far
 * and a `problem` that the cells needing a later string report; an XML error stops it
 * because every string after it could be shifted by one.
 */
function readSharedStrings(zip: Uint8Array, entry: ZipEntry, budget: InflateBudget): { list: string[]; problem: string | null } {
  const list: string[] = [];
  let problem: string | null = null;
  let current = '';
  let inText = false;
  // Phonetic guides (<rPh>, furigana) are not part of the text a person reads.
  let phonetic = 0;
  const parser = new SaxesParser({ position: false });
  parser.on('error', (e) => { problem ??= `shared strings: ${e.message}`; });
  parser.on('opentag', (tag) => {
    const n = local(tag.name);
    if (n === 'si') current = '';
    else if (n === 'rPh') phonetic++;
    else if (n === 't' && phonetic === 0) inText = true;
  });
  parser.on('closetag', (tag) => {
    const n = local(tag.name);
    if (n === 't') inText = false;
    else if (n === 'rPh') phonetic--;
    else if (n === 'si' && problem === null) list.push(unescapeText(current));
  });
  const text = (t: string): void => { if (inText && current.length <= MAX_XML_RUN) current += t; };
  parser.on('text', text);
  parser.on('cdata', text);
  const guard = new XmlRunGuard(() => { problem ??= `shared strings: a text longer than ${MAX_XML_RUN} characters`; });
  const decoder = new TextDecoder('utf-8');
  try {
    for (const _ of streamEntry(zip, entry, (piece) => { if (problem === null) parser.write(guard.pass(decoder.decode(piece, { stream: true }))); }, budget)) {
      if (problem !== null) break;
    }
    if (problem === null) parser.write(decoder.decode()).close();
  } catch (e) {
    problem ??= e instanceof TableError ? String(e.details['detail'] ?? e.message) : `shared strings: ${(e as Error).message}`;
  }
  return { list, problem };
}

/** Built-in number formats (ECMA-376 18.8.30, and the CJK ids 27–36, 50–58). */
const BUILTIN_PERCENT = new Set([9, 10]);
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

function readStyles(xml: string): CellFormat[] {
  const custom = new Map<number, string>();
  const xfs: CellFormat[] = [];
  let inCellXfs = false;
  parseXml(xml, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'numFmt') custom.set(Number(attr(t, 'numFmtId')), attr(t, 'formatCode') ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) {
        const id = Number(attr(t, 'numFmtId') ?? '0');
        xfs.push(classify(id, custom.get(id)));
      }
    },
    close: (n) => { if (n === 'cellXfs') inCellXfs = false; },
  }, 'styles');
  return xfs;
}

/** What a number format does to the text: percent, date/time, or nothing we show. */
export function classify(id: number, code: string | undefined): CellFormat {
  if (code === undefined) return BUILTIN_PERCENT.has(id) ? 'percent' : BUILTIN_DATE.has(id) ? 'date' : 'number';
  // Only the first section (positive numbers) matters; quoted text, escapes, fill and
  // padding characters and [colour]/[condition] brackets carry no date or % token.
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?!h+\]|m+\]|s+\])[^\][]*\]/gi, ''); // sections never nest: stop at the next [ (linear)
  if (bare.includes('%')) return 'percent';
  if (/[ydmhs]/i.test(bare.replace(/General/gi, ''))) return 'date';
  return 'number';
}

interface SheetContext {
  readonly strings: readonly string[];
  /** Why the shared strings stop short (a limit, an XML error), or null. */
  readonly stringsProblem: string | null;
  readonly formats: readonly CellFormat[];
  readonly date1904: boolean;
  readonly locale: Locale;
  readonly budget: InflateBudget;
}

const bilingual = (zh: string, en: string): Bilingual => ({ detail_zh: zh, detail_en: en });

async function* readSheet(zip: Uint8Array, entry: ZipEntry, ctx: SheetContext): AsyncGenerator<RawRow> {
  const ready: RawRow[] = [];
  let lastRow = 0;
  // The row being read (rowNumber 0: none).
  let inRow = false;
  let rowNumber = 0;
  let cells: string[] = [];
  let rowError: RowError | null = null;
  // An XML error or a cut text seen outside a row: it goes to the next row.
  let pending: RowError | null = null;
  // The cell being read.
  let col = -1;
  let ref = '';
  let type = 'n';
  let style = 0;
  let value = '';
  let hasValue = false;
  let hasFormula = false;
  let formula = '';
  let collecting: 'v' | 't' | 'f' | null = null;
  let inInline = false;
  let phonetic = 0;

  const fail = (cell: string, detail: Bilingual): void => {
    const err = makeCellError(inRow ? rowNumber : lastRow + 1, cell, detail, ctx.locale);
    if (inRow) rowError ??= err;
    else pending ??= err;
  };
  const endRow = (): void => {
    inRow = false;
    // A row without text (formatted, or an empty <row/>) is not made up as a blank row:
    // two hundred million of them are a few megabytes zipped.
    if (cells.length === 0 && rowError === null) { if (rowNumber <= MAX_SHEET_ROWS) lastRow = rowNumber; return; }
    if (rowNumber > MAX_SHEET_ROWS) {
      rowError ??= makeCellError(rowNumber, `#${rowNumber}`, bilingual(`行号 ${rowNumber} 超出 Excel 的 ${MAX_SHEET_ROWS} 行`, `row ${rowNumber} is beyond Excel's ${MAX_SHEET_ROWS} rows`), ctx.locale);
    } else {
      lastRow = rowNumber;
    }
    ready.push({ line: rowNumber, cells, sparse: true, error: rowError });
  };

  // saxes goes on after an error but, past a broken entity or tag, reads the rest wrongly:
  // the first XML error ends the sheet there, said by the row it is in.
  let xmlError: string | null = null;
  const parser = new SaxesParser({ position: false });
  parser.on('error', (e) => { xmlError ??= e.message; });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagPlain;
    switch (local(t.name)) {
      case 'row': {
        if (inRow) endRow();
        const r = Number(attr(t, 'r'));
        rowNumber = Number.isInteger(r) && r > lastRow ? r : lastRow + 1;
        inRow = true;
        cells = [];
        rowError = pending;
        pending = null;
        col = -1;
        ref = '';
        break;
      }
      case 'c': {
        ref = attr(t, 'r') ?? '';
        const c = columnIndex(ref);
        col = c >= 0 ? c : col + 1;
        type = attr(t, 't') ?? 'n';
        style = Number(attr(t, 's') ?? '0');
        value = '';
        hasValue = false;
        hasFormula = false;
        formula = '';
        break;
      }
      case 'v': collecting = 'v'; hasValue = true; break;
      case 'f': hasFormula = true; collecting = 'f'; break;
      case 'is': inInline = true; hasValue = true; break;
      case 'rPh': phonetic++; break;
      case 't': if (inInline && phonetic === 0) collecting = 't'; break;
      default: break;
    }
  });
  parser.on('text', (s) => {
    // A value can come as many text nodes (split by comments): bounded as one run is.
    if (collecting === 'f') { if (formula.length <= MAX_XML_RUN) formula += s; } else if (collecting !== null && value.length <= MAX_XML_RUN) value += s;
  });
  parser.on('closetag', (tag) => {
    switch (local(tag.name)) {
      case 'v': case 't': case 'f': collecting = null; break;
      case 'is': inInline = false; break;
      case 'rPh': phonetic--; break;
      case 'c': {
        if (!inRow) break;
        const cellName = ref || `#${col + 1}`;
        if (col >= MAX_SHEET_COLUMNS) {
          fail(cellName, bilingual(`列超出 Excel 的 ${MAX_SHEET_COLUMNS} 列`, `the column is beyond Excel's ${MAX_SHEET_COLUMNS} columns`));
          break;
        }
        let read: { text: string; error?: Bilingual };
        const literal = hasFormula && CONSTANT_FORMULA.test(formula);
        try {
          // `=100%` typed into Excel is a formula whose value is 1: the target the person
          // wrote is the formula itself, so a formula that is only a number reads as typed.
          read = literal ? { text: `=${formula.trim()}` } : cellText(type, value, style, ctx);
        } catch (e) {
          // Whatever one cell holds, it is that row's error; the sheet goes on.
          const m = e instanceof Error ? e.message : String(e);
          read = { text: '', error: bilingual(`无法读取：${m}`, `cannot be read: ${m}`) };
        }
        // Empty cells are not stored: a cell at XFD does not make 16 383 empty ones before
        // it unless it has text.
        if (read.text !== '') {
          while (cells.length < col) cells.push('');
          cells[col] = read.text;
        }
        if (read.error) {
          fail(cellName, read.error);
        } else if (hasFormula && !literal && (!hasValue || (value === '' && type !== 'str'))) {
          // A writer that stores formulas without computing them (openpyxl and other
          // libraries do) leaves the value Excel would show unknown: say so, never guess.
          fail(cellName, bilingual('公式没有保存计算结果（请在 Excel 中打开并保存）', 'the formula has no saved value (open and save the file in Excel)'));
        }
        ref = '';
        break;
      }
      case 'row': if (inRow) endRow(); break;
      default: break;
    }
  });

  const guard = new XmlRunGuard(() => fail(ref || 'XML', bilingual(`文本超过 ${MAX_XML_RUN} 个字符，其余未读`, `a text longer than ${MAX_XML_RUN} characters; the rest was not read`)));
  const decoder = new TextDecoder('utf-8');
  let stop: TableError | null = null;
  try {
    for (const _ of streamEntry(zip, entry, (piece) => { if (xmlError === null) parser.write(guard.pass(decoder.decode(piece, { stream: true }))); }, ctx.budget)) {
      if (ready.length > 0) yield* ready.splice(0, ready.length);
      if (xmlError !== null) break;
    }
    if (xmlError === null) parser.write(decoder.decode()).close();
  } catch (e) {
    // A limit or a broken deflate stream: the rows so far stand, and a last row says
    // that the rest of the sheet was not read.
    stop = e instanceof TableError ? e : new TableError('BAD_XLSX', { detail: `${entry.name}: ${(e as Error).message}` }, { cause: e });
  }
  if (xmlError !== null) {
    fail(ref || `#${(inRow ? rowNumber : lastRow + 1)}`, bilingual(`XML 错误：${xmlError}；此后的行未读取`, `XML error: ${xmlError}; the rest of the sheet was not read`));
  } else if (stop !== null) {
    const detail = String(stop.details['detail'] ?? stop.message);
    fail(`#${(inRow ? rowNumber : lastRow + 1)}`, bilingual(`此后的行未读取：${detail}`, `the rest of the sheet was not read: ${detail}`));
  }
  if (inRow) endRow();
  if (pending !== null) ready.push({ line: lastRow + 1, cells: [], sparse: true, error: pending });
  yield* ready.splice(0, ready.length);
}

const CONSTANT_FORMULA = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*[%‰]?\s*$/;

type Bilingual = { detail_zh: string; detail_en: string };

function makeCellError(line: number, cell: string, detail: Bilingual, locale: Locale): RowError {
  return rowError('BAD_CELL', { line, cell, ...detail }, locale);
}

/** `AB12` → 27 (0-based column), or -1. */
export function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

function cellText(type: string, raw: string, style: number, ctx: SheetContext): { text: string; error?: Bilingual } {
  switch (type) {
    case 's': {
      const i = Number(raw);
      const s = Number.isInteger(i) ? ctx.strings[i] : undefined;
      if (s === undefined && ctx.stringsProblem !== null) {
        return { text: '', error: bilingual(`共享字符串 ${shortText(raw)} 未读取：${ctx.stringsProblem}`, `shared string ${shortText(raw)} was not read: ${ctx.stringsProblem}`) };
      }
      if (s === undefined) return { text: '', error: { detail_zh: `共享字符串 ${raw} 不存在`, detail_en: `shared string ${raw} does not exist` } };
      return { text: s };
    }
    case 'inlineStr': case 'str': return { text: unescapeText(raw) };
    case 'b': return { text: raw.trim() === '1' ? 'TRUE' : 'FALSE' };
    case 'e': return { text: raw };
    case 'd': return { text: chineseDate(raw.trim().replace(/T00:00:00(?:\.0+)?Z?$/, '')) };
    default: {
      if (raw.trim() === '') return { text: '' };
      const format = ctx.formats[style] ?? 'number';
      if (format === 'percent') {
        const t = decimalText(raw, 2);
        if (t !== null) return { text: `${t}%` };
      } else if (format === 'date') {
        const t = serialToIso(raw, ctx.date1904);
        if (t !== null) return { text: chineseDate(t) };
      }
      if (!withinExcel(raw)) return { text: raw.trim(), error: bilingual(`数值 ${shortText(raw)} 超出 Excel 的数值范围`, `the number ${shortText(raw)} is beyond Excel's range`) };
      return { text: decimalText(raw) ?? raw };
    }
  }
}

/**
 * Excel holds numbers up to 9.99999999999999E+307 and down to 1E-307 (and stores no
 * more): a decimal exponent far beyond that is not a number Excel wrote, and written out
 * in plain digits it would be a string of a billion zeros.
 */
const EXPONENT = /[eE]([+-]?\d+)\s*$/;
function withinExcel(raw: string): boolean {
  const m = EXPONENT.exec(raw);
  return m === null || (m[1]!.replace(/^[+-]?0*/, '').length <= 3 && Math.abs(Number(m[1])) <= 400);
}

function shortText(s: string): string {
  return s.length > 24 ? `${s.slice(0, 24)}…` : s;
}

const DAY_MS = 86_400_000;

/**
 * `2022-11-30` → `2022年11月30日` (a time after it stays as it is): the form these tables
 * write dates in, read by the target grammar as a date wherever one stands, after an op
 * column's `≤` or `=` too, and shown to people as they wrote it.
 */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?=$| )/.exec(iso);
  return m === null ? iso : `${m[1]}年${Number(m[2])}月${Number(m[3])}日${iso.slice(10)}`;
}

/**
 * An Excel date serial as ISO 8601 text. Dates are counts of days, not decimals, so this
 * is the one place a cell's text goes through a JS number. Serial 60 is 1900-02-29, the
 * day Excel keeps for Lotus 1-2-3 compatibility.
 */
export function serialToIso(raw: string, date1904: boolean): string | null {
  const serial = Number(raw);
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2958466) return null;
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86400);
  if (seconds === 86400) { days++; seconds = 0; }
  // A serial below 1 is a time of day with no date.
  if (days === 0) return time(seconds);
  let date: string;
  if (date1904) date = new Date(Date.UTC(1904, 0, 1) + days * DAY_MS).toISOString().slice(0, 10);
  else if (days === 60) date = '1900-02-29';
  else date = new Date(Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * DAY_MS).toISOString().slice(0, 10);
  return seconds === 0 ? date : `${date} ${time(seconds)}`;
}

function time(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}
