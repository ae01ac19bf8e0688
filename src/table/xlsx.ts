import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { decimalText } from './decimal-text.js';
import { rowError, TableError, type RowError } from './errors.js';
import type { RawRow } from './types.js';
import { readCentralDirectory, readEntry, streamEntry, type ZipEntry } from './zip.js';

/**
 * Rows of one worksheet of an .xlsx (Office Open XML) workbook.
 *
 * The zip is held in memory (its directory is at its end), but the worksheet, by far the
 * largest part, is inflated and parsed in slices, so memory is the file plus one slice
 * plus the shared strings, not the unpacked sheet. Rows come out in sheet order with the
 * sheet's row numbers; rows the sheet leaves out are blank rows, as a person sees them.
 *
 * Cell text is what a person reads in Excel, without floating point: numbers are the
 * stored decimal text at Excel's 15 significant digits; a percentage-formatted number
 * is that text × 100 with `%` (0.955 → `95.5%`, exact, not the rounded display);
 * a date-formatted number is an ISO date (`2022-11-30`, with the time when the serial
 * has one); booleans are TRUE/FALSE; formulas give their saved value, except a formula
 * that is just a number (`=100%`, as people type targets), which reads as typed.
 */
export interface XlsxOptions {
  readonly sheet?: string | number;
  readonly locale?: Locale;
  /** Called once the sheet is chosen, with its name. */
  readonly onSheet?: (name: string) => void;
}

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
  const text = (path: string): string | null => {
    const e = entries.get(path);
    return e ? new TextDecoder('utf-8').decode(readEntry(zip, e)) : null;
  };
  const workbook = readWorkbook(text);
  const sheet = pickSheet(workbook, options.sheet);
  options.onSheet?.(sheet.name);
  const entry = entries.get(sheet.path);
  if (!entry) throw new TableError('BAD_XLSX', { detail: `the sheet ${sheet.name} (${sheet.path}) is missing` });
  const strings = workbook.sharedStringsPath ? readSharedStrings(text(workbook.sharedStringsPath) ?? '') : [];
  const formats = workbook.stylesPath ? readStyles(text(workbook.stylesPath) ?? '') : [];
  yield* readSheet(zip, entry, { strings, formats, date1904: workbook.date1904, locale });
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

function readSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let current = '';
  let inText = false;
  // Phonetic guides (<rPh>, furigana) are not part of the text a person reads.
  let phonetic = 0;
  parseXml(xml, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'si') current = '';
      else if (n === 'rPh') phonetic++;
      else if (n === 't' && phonetic === 0) inText = true;
    },
    close: (n) => {
      if (n === 't') inText = false;
      else if (n === 'rPh') phonetic--;
      else if (n === 'si') out.push(unescapeText(current));
    },
    text: (s) => { if (inText) current += s; },
  }, 'shared strings');
  return out;
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
  readonly formats: readonly CellFormat[];
  readonly date1904: boolean;
  readonly locale: Locale;
}

async function* readSheet(zip: Uint8Array, entry: ZipEntry, ctx: SheetContext): AsyncGenerator<RawRow> {
  const ready: RawRow[] = [];
  let lastRow = 0;
  // The row being read.
  let rowNumber = 0;
  let cells: string[] = [];
  let rowError: RowError | null = null;
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

  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => {
    const t = tag as SaxesTagPlain;
    switch (local(t.name)) {
      case 'row': {
        const r = Number(attr(t, 'r'));
        rowNumber = Number.isInteger(r) && r > lastRow ? r : lastRow + 1;
        // Rows the sheet leaves out are blank rows between the ones it has.
        for (let n = lastRow + 1; n < rowNumber; n++) ready.push({ line: n, cells: [], sparse: true, error: null });
        cells = [];
        rowError = null;
        col = -1;
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
    if (collecting === 'f') formula += s;
    else if (collecting !== null) value += s;
  });
  parser.on('closetag', (tag) => {
    switch (local(tag.name)) {
      case 'v': case 't': case 'f': collecting = null; break;
      case 'is': inInline = false; break;
      case 'rPh': phonetic--; break;
      case 'c': {
        // `=100%` typed into Excel is a formula whose value is 1: the target the person
        // wrote is the formula itself, so a formula that is only a number reads as typed.
        const literal = hasFormula && CONSTANT_FORMULA.test(formula);
        const read = literal ? { text: `=${formula.trim()}` } : cellText(type, value, style, ctx);
        while (cells.length < col) cells.push('');
        cells[col] = read.text;
        const cellName = ref || `#${col + 1}`;
        if (read.error && rowError === null) {
          rowError = makeCellError(rowNumber, cellName, read.error, ctx.locale);
        } else if (hasFormula && !literal && (!hasValue || (value === '' && type !== 'str')) && rowError === null) {
          // A writer that stores formulas without computing them (openpyxl and other
          // libraries do) leaves the value Excel would show unknown: say so, never guess.
          rowError = makeCellError(rowNumber, cellName, {
            detail_zh: '公式没有保存计算结果（请在 Excel 中打开并保存）',
            detail_en: 'the formula has no saved value (open and save the file in Excel)',
          }, ctx.locale);
        }
        break;
      }
      case 'row': {
        // Trailing empty cells (formatted but blank) are not part of the row's text.
        let end = cells.length;
        while (end > 0 && cells[end - 1] === '') end--;
        ready.push({ line: rowNumber, cells: end === cells.length ? cells : cells.slice(0, end), sparse: true, error: rowError });
        lastRow = rowNumber;
        break;
      }
      default: break;
    }
  });

  const decoder = new TextDecoder('utf-8');
  try {
    for (const _ of streamEntry(zip, entry, (piece) => { parser.write(decoder.decode(piece, { stream: true })); })) {
      if (ready.length > 0) yield* ready.splice(0, ready.length);
    }
    parser.write(decoder.decode()).close();
  } catch (e) {
    if (e instanceof TableError) throw e;
    throw new TableError('BAD_XLSX', { detail: `${entry.name}: ${(e as Error).message}` }, { cause: e });
  }
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
      if (s === undefined) return { text: '', error: { detail_zh: `共享字符串 ${raw} 不存在`, detail_en: `shared string ${raw} does not exist` } };
      return { text: s };
    }
    case 'inlineStr': case 'str': return { text: unescapeText(raw) };
    case 'b': return { text: raw.trim() === '1' ? 'TRUE' : 'FALSE' };
    case 'e': return { text: raw };
    case 'd': return { text: raw.trim().replace(/T00:00:00(?:\.0+)?Z?$/, '') };
    default: {
      if (raw.trim() === '') return { text: '' };
      const format = ctx.formats[style] ?? 'number';
      if (format === 'percent') {
        const t = decimalText(raw, 2);
        if (t !== null) return { text: `${t}%` };
      } else if (format === 'date') {
        const t = serialToIso(raw, ctx.date1904);
        if (t !== null) return { text: t };
      }
      return { text: decimalText(raw) ?? raw };
    }
  }
}

const DAY_MS = 86_400_000;

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
