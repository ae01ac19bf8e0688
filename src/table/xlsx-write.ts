import { Zip, ZipDeflate } from 'fflate';
import { decimalText } from './decimal-text.js';
import type { Rows, WritableRow } from './write.js';

/**
 * A streaming .xlsx (Office Open XML) writer: worksheets are written row by row into a
 * deflated zip entry as they come, so a table of any length is written in bounded memory
 * (a slice of sheet XML and what the caller has not yet taken of the zip).
 *
 * Our own rather than a library: the package already reads .xlsx with fflate and saxes,
 * and what a checked table needs (text and number cells, a handful of fills, column
 * widths, a frozen header, two sheets) is a few hundred lines; exceljs, the well-kept
 * choice, brings about 190 packages and holds the workbook in memory unless its separate
 * streaming writer is used. What Excel, WPS and LibreOffice need from such a file is
 * small and fixed: [Content_Types].xml, the relationships, workbook.xml, styles.xml and
 * the sheets.
 *
 * Strings are inline (`t="inlineStr"`), not shared: a shared string table would have to
 * be held until the end. Cells are written so that they read back as the same text with
 * our reader (src/table/xlsx.ts), in Excel and in other readers: see `cellXml`.
 */

/** The looks a cell can have; each is one entry of styles.xml (see STYLES). */
export type XlsxStyle =
  | 'plain' | 'header' | 'added-header' | 'pass' | 'partial' | 'fail' | 'unknown' | 'error' | 'flag' | 'title';

export interface XlsxCell {
  readonly value: string;
  /**
   * `auto` (the default): a number when the text is one Excel stores as itself (see
   * `isExcelNumber`), else text. `text` always keeps it as text; `number` is `auto` that
   * says what is meant.
   */
  readonly type?: 'auto' | 'text';
  readonly style?: XlsxStyle;
}

/** A cell: its text (written as by `auto`), a cell with a style, or nothing. */
export type XlsxCellInput = string | XlsxCell | null | undefined;

export interface XlsxSheetOptions {
  /** Shown on the sheet's tab; cut to Excel's 31 characters, `[]:*?/\` replaced. */
  readonly name: string;
  /** Column widths in characters, from the first column. */
  readonly widths?: readonly number[];
  /** Rows kept in view while scrolling (the header and what is above it). */
  readonly frozenRows?: number;
}

/** Excel's limits: rows and columns of a sheet. */
export const XLSX_MAX_ROWS = 1_048_576;
export const XLSX_MAX_COLUMNS = 16_384;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The styles, in the order of styles.xml's cellXfs: a cell's `s` is the index here. */
const STYLE_INDEX: Readonly<Record<XlsxStyle, number>> = {
  plain: 0, header: 1, 'added-header': 2, pass: 3, partial: 4, fail: 5, unknown: 6, error: 7, flag: 8, title: 9,
};

/**
 * The palette Excel itself offers as "good / neutral / bad" (green, yellow, red fills with
 * dark text of the same hue), a violet for "cannot judge", a blue for the columns we
 * added, an orange for rows that need a 偏差说明.
 */
const STYLES_XML = `${HEAD}<styleSheet xmlns="${MAIN}">`
  + '<fonts count="7">'
  + '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><sz val="11"/><color rgb="FF006100"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><sz val="11"/><color rgb="FF9C5700"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><sz val="11"/><color rgb="FF9C0006"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><sz val="11"/><color rgb="FF5B3F86"/><name val="Calibri"/><family val="2"/></font>'
  + '<font><b/><sz val="11"/><color rgb="FF9A3E00"/><name val="Calibri"/><family val="2"/></font>'
  + '</fonts>'
  + '<fills count="9">'
  + '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
  + ['FFC6EFCE', 'FFFFEB9C', 'FFFFC7CE', 'FFE4DFEC', 'FFDDEBF7', 'FFFCE4D6', 'FFF2F2F2']
    .map((c) => `<fill><patternFill patternType="solid"><fgColor rgb="${c}"/><bgColor indexed="64"/></patternFill></fill>`).join('')
  + '</fills>'
  + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
  + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
  + '<cellXfs count="10">'
  + [[0, 0], [1, 8], [1, 6], [2, 2], [3, 3], [4, 4], [5, 5], [4, 4], [6, 7], [1, 0]]
    .map(([font, fill]) => `<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="0" xfId="0"${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}/>`).join('')
  + '</cellXfs>'
  + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
  + '</styleSheet>';

/** Plain decimal text with no sign but `-`, no leading zeros, no trailing fraction zeros. */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/**
 * Whether Excel stores `text` as exactly this number: plain decimal notation, as our
 * reader prints numbers (no exponent, no `+`, no leading or trailing zeros), within
 * Excel's 15 significant digits. `95`, `1.66`, `-0.5` are numbers; `0012`, `1.10`,
 * `1e3`, `-0`, `95%` and 16-digit account numbers stay text, so that every cell reads
 * back as the text it was.
 */
export function isExcelNumber(text: string): boolean {
  return text.length <= 32 && PLAIN_NUMBER.test(text) && decimalText(text) === text;
}

/** Characters XML 1.0 cannot hold, CR (readers turn it into LF) and a literal `_xHHHH_`. */
const NEEDS_ESCAPE = /[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9A-Fa-f]{4}_)/g;

const ANY_SPECIAL = /[&<>"\x00-\x1f\ud800-\udfff\ufffe\uffff]|_x/;

/** Text for an element or attribute: XML's five, and OOXML's `_xHHHH_` for the rest. */
export function xmlText(s: string): string {
  // Most cells need nothing: one test, no copies.
  if (!ANY_SPECIAL.test(s)) return s;
  let out = s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
  out = out.replace(NEEDS_ESCAPE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
  return out;
}

/** `0` → `A`, `27` → `AB`. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function cellXml(ref: string, cell: XlsxCellInput): string {
  if (cell === null || cell === undefined) return '';
  const value = typeof cell === 'string' ? cell : cell.value;
  const style = typeof cell === 'string' ? 0 : STYLE_INDEX[cell.style ?? 'plain'];
  const s = style === 0 ? '' : ` s="${style}"`;
  if (value === '') return style === 0 ? '' : `<c r="${ref}"${s}/>`;
  const asText = typeof cell !== 'string' && cell.type === 'text';
  if (!asText && isExcelNumber(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  // White space at either end is kept only where the element says so.
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

/** Sheet names Excel accepts: 1–31 characters, none of `[]:*?/\`, unique in the workbook. */
function sheetName(name: string, taken: readonly string[]): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31);
  if (base === '') base = 'Sheet';
  let out = base;
  for (let k = 2; taken.some((t) => t.toLowerCase() === out.toLowerCase()); k++) out = `${base.slice(0, 31 - String(k).length - 1)}_${k}`;
  return out;
}

/** Sheet XML gathered to about this many characters before it is deflated. */
const SLICE = 64 * 1024;
/** One fixed time for every entry, so that the same table gives the same bytes. */
const MTIME = new Date(1980, 0, 1);

/**
 * Push-based: `startSheet`, `row`… , `endSheet`, as many sheets as wanted, then `finish`.
 * The zip comes out in pieces: `take()` hands over what is ready (the caller writes it out
 * and so keeps memory bounded).
 */
export class XlsxWriter {
  private readonly zip: Zip;
  private readonly out: Uint8Array[] = [];
  private outBytes = 0;
  private error: Error | null = null;
  private readonly sheets: string[] = [];
  private entry: ZipDeflate | null = null;
  private xml = '';
  private rows = 0;
  private finished = false;
  private readonly encoder = new TextEncoder();

  constructor() {
    this.zip = new Zip((err, data, _final) => {
      if (err) { this.error = err; return; }
      this.out.push(data);
      this.outBytes += data.length;
    });
  }

  /** Bytes made and not yet taken. */
  get pending(): number {
    return this.outBytes;
  }

  /** The pieces of the file made so far, in order; each piece is given once. */
  take(): Uint8Array[] {
    if (this.error) throw this.error;
    const pieces = this.out.splice(0);
    this.outBytes = 0;
    return pieces;
  }

  startSheet(options: XlsxSheetOptions): void {
    if (this.entry !== null) this.endSheet();
    const name = sheetName(options.name, this.sheets);
    this.sheets.push(name);
    this.entry = this.file(`xl/worksheets/sheet${this.sheets.length}.xml`);
    this.rows = 0;
    const frozen = options.frozenRows ?? 0;
    const selected = this.sheets.length === 1 ? ' tabSelected="1"' : '';
    let xml = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"${selected}>`;
    if (frozen > 0) {
      const below = `A${frozen + 1}`;
      xml += `<pane ySplit="${frozen}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/>`;
    }
    xml += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
    const widths = (options.widths ?? []).slice(0, XLSX_MAX_COLUMNS);
    if (widths.length > 0) {
      xml += `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, Math.round(w * 10) / 10))}" customWidth="1"/>`).join('')}</cols>`;
    }
    this.xml = `${xml}<sheetData>`;
  }

  /** The next row of the current sheet (row numbers count from 1 with each sheet). */
  row(cells: readonly XlsxCellInput[]): void {
    if (this.entry === null) throw new Error('XlsxWriter: row() before startSheet()');
    const r = ++this.rows;
    if (r > XLSX_MAX_ROWS) throw new Error(`a worksheet holds at most ${XLSX_MAX_ROWS} rows (Excel's limit)`);
    if (cells.length > XLSX_MAX_COLUMNS) throw new Error(`row ${r} has ${cells.length} cells; a worksheet holds at most ${XLSX_MAX_COLUMNS} columns`);
    let inner = '';
    for (let i = 0; i < cells.length; i++) inner += cellXml(`${columnName(i)}${r}`, cells[i]);
    // A row without cells is left out: readers show it as the blank row it is.
    if (inner !== '') this.xml += `<row r="${r}">${inner}</row>`;
    if (this.xml.length >= SLICE) this.push(false);
  }

  /** Rows written to the current sheet. */
  get rowCount(): number {
    return this.rows;
  }

  endSheet(): void {
    if (this.entry === null) return;
    this.xml += '</sheetData><pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
      + '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/></worksheet>';
    this.push(true);
    this.entry = null;
  }

  /** The workbook's other parts; after this, `take()` gives the end of the file. */
  finish(): void {
    if (this.finished) return;
    this.endSheet();
    if (this.sheets.length === 0) {
      this.startSheet({ name: 'Sheet1' });
      this.endSheet();
    }
    this.finished = true;
    const n = this.sheets.length;
    const sheets = this.sheets.map((_, i) => i + 1);
    this.whole('[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
      + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      + '<Default Extension="xml" ContentType="application/xml"/>'
      + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      + sheets.map((i) => `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
      + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
      + '</Types>');
    this.whole('_rels/.rels', `${HEAD}<Relationships xmlns="${PKG_REL}">`
      + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    this.whole('xl/workbook.xml', `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>`
      + this.sheets.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')
      + '</sheets></workbook>');
    this.whole('xl/_rels/workbook.xml.rels', `${HEAD}<Relationships xmlns="${PKG_REL}">`
      + sheets.map((i) => `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`).join('')
      + `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
    this.whole('xl/styles.xml', STYLES_XML);
    this.zip.end();
    if (this.error) throw this.error;
  }

  private file(name: string): ZipDeflate {
    // Level 3: on a 100 000-row sheet about half the time of level 6 for a file about a
    // quarter larger (4.7 MB against 3.8 MB); sheets are large and repetitive XML.
    const f = new ZipDeflate(name, { level: 3 });
    f.mtime = MTIME;
    this.zip.add(f);
    return f;
  }

  private whole(name: string, text: string): void {
    this.file(name).push(this.encoder.encode(text), true);
  }

  private push(final: boolean): void {
    this.entry!.push(this.encoder.encode(this.xml), final);
    this.xml = '';
    if (this.error) throw this.error;
  }
}

export interface XlsxWriteOptions {
  /** The sheet's name (default `Sheet1`). */
  readonly sheet?: string;
  /** Rows to keep in view (the header); default none. */
  readonly frozenRows?: number;
  readonly widths?: readonly number[];
}

/**
 * Rows (as the CSV writers take them) as a one-sheet workbook, in pieces of about 64 KiB
 * or more, in bounded memory. Keyed rows (JSON objects) are written by position; their
 * keys are not a header row here (a header, if wanted, is a row of its own).
 */
export async function* writeXlsx(rows: Rows<WritableRow>, options: XlsxWriteOptions = {}): AsyncGenerator<Uint8Array> {
  const w = new XlsxWriter();
  w.startSheet({ name: options.sheet ?? 'Sheet1', ...(options.frozenRows !== undefined ? { frozenRows: options.frozenRows } : {}), ...(options.widths ? { widths: options.widths } : {}) });
  for await (const row of rows) {
    w.row(Array.isArray(row) ? row as readonly string[] : (row as { cells: readonly string[] }).cells);
    if (w.pending >= SLICE) yield* w.take();
  }
  w.finish();
  yield* w.take();
}
