import { fill, type Locale } from '../i18n/messages.js';
import { REPORT_WORDS, type ReportState, type ReportWords } from '../i18n/report.js';
import { cleanLabel, type CheckedRow, type CheckSummary, type TableRow } from '../table/index.js';
import { XlsxWriter, type XlsxCell, type XlsxCellInput, type XlsxStyle } from '../table/xlsx-write.js';
import { RowViews, textWidth, type RowView } from './rows.js';

/**
 * The annotated workbook of `indicator-expr check TABLE --output result.xlsx`: every row
 * of the input in its place with its cells as read (title rows, header, blank rows and
 * all), and six columns added after the header's last: the target in canonical text, the
 * verdict (coloured), completion, score, the reason, and whether the form needs a 偏差说明.
 * A second sheet holds the summary: counts, total score, grade, and the rows that need a
 * 偏差说明 or could not be judged.
 *
 * Rows stream through: the first ones are held to size the columns, then each row is
 * written as it comes; the lists of the summary stop at LISTED rows each.
 */
export interface AnnotatedWorkbookOptions {
  readonly locale: Locale;
  /** The input's name, shown in the summary. */
  readonly file: string;
  /** The input sheet's name (an .xlsx input keeps it); default the locale's word. */
  readonly sheet?: string | null;
}

/** Rows looked at to size the columns; the first data row and this many after it. */
const SIZING_ROWS = 100;
/** Rows listed in each list of the summary sheet (their count goes on). */
const LISTED = 1000;
const ADDED = 6;
/** Widths of the added columns, in characters. */
const ADDED_WIDTHS = [20, 11, 9, 8, 44, 16];

const STATE_STYLE: Readonly<Record<ReportState, XlsxStyle>> = {
  pass: 'pass', partial: 'partial', fail: 'fail', unknown: 'unknown', error: 'error',
};

interface Listed { readonly sheetRow: number; readonly indicator: string; readonly target: string; readonly actual: string; readonly note: string }

export class AnnotatedWorkbook {
  private readonly writer = new XlsxWriter();
  private readonly words: ReportWords;
  private readonly views = new RowViews();
  private held: { row: TableRow; checked: CheckedRow | null }[] | null = [];
  private dataSeen = 0;
  /** Input columns: the added ones start here. */
  private width = 0;
  /** For keyed rows (JSON objects): the key of each column, from the first keyed row. */
  private keys: string[] | null = null;
  private readonly deviations: Listed[] = [];
  private deviationCount = 0;
  private readonly unjudged: Listed[] = [];
  private unjudgedCount = 0;

  constructor(private readonly options: AnnotatedWorkbookOptions) {
    this.words = REPORT_WORDS[options.locale];
  }

  /** Bytes made and not yet taken. */
  get pending(): number {
    return this.writer.pending;
  }

  take(): Uint8Array[] {
    return this.writer.take();
  }

  /** Every row read, in order; `checked` for data rows (what RowChecker.checkRow gave). */
  row(row: TableRow, checked: CheckedRow | null): void {
    if (this.held === null) { this.write(row, checked); return; }
    this.held.push({ row, checked });
    if (row.kind === 'data' && ++this.dataSeen > SIZING_ROWS) this.start();
  }

  end(summary: CheckSummary): void {
    if (this.held !== null) this.start();
    this.writer.endSheet();
    this.summarySheet(summary);
    this.writer.finish();
  }

  /** Size the columns on the rows held, start the sheet, and write them. */
  private start(): void {
    const held = this.held!;
    this.held = null;
    const firstKeyed = held.find((h) => h.row.keys !== undefined)?.row.keys;
    if (firstKeyed !== undefined) this.keys = [...firstKeyed];
    let width = this.keys?.length ?? 0;
    for (const { row } of held) {
      if (this.keys !== null) continue;
      if (row.columns !== null) width = Math.max(width, row.columns.width);
      if (row.kind !== 'title') width = Math.max(width, row.cells.length);
    }
    this.width = width;
    const widths: number[] = [];
    for (let i = 0; i < width; i++) {
      let w = this.keys !== null ? textWidth(this.keys[i]!) : 4;
      for (const { row } of held) {
        if (row.kind === 'title' || row.keys !== undefined) continue;
        w = Math.max(w, textWidth(row.cells[i] ?? ''));
      }
      widths.push(Math.min(Math.max(w, 6), 40) + 2);
    }
    widths.push(...ADDED_WIDTHS);
    // Keyed rows have no header row of their own: their keys are written as one.
    const firstHeader = held.findIndex((h) => h.row.kind === 'header');
    const frozen = this.keys !== null ? 1 : firstHeader === -1 ? 0 : firstHeader + 1;
    this.writer.startSheet({ name: this.options.sheet ?? this.words.sheetRows, widths, frozenRows: frozen });
    if (this.keys !== null) this.writer.row([...this.keys.map((k): XlsxCell => ({ value: k, style: 'header', type: 'text' })), ...this.addedHeads()]);
    for (const h of held) this.write(h.row, h.checked);
  }

  private addedHeads(): XlsxCell[] {
    const a = this.words.added;
    return [a.target, a.verdict, a.completion, a.score, a.reason, a.deviation].map((value) => ({ value, style: 'added-header' as const, type: 'text' as const }));
  }

  private write(row: TableRow, checked: CheckedRow | null): void {
    const { input, extra } = this.inputCells(row);
    if (row.kind === 'header') {
      this.writer.row([...input.map((c): XlsxCellInput => (c === '' ? null : { value: c, style: 'header' })), ...this.addedHeads(), ...extra]);
      return;
    }
    if (row.kind !== 'data' || checked === null) {
      this.writer.row([...input, ...(extra.length > 0 ? [...new Array<null>(ADDED).fill(null), ...extra] : [])]);
      return;
    }
    const v = this.views.view(checked);
    const w = this.words;
    const added: XlsxCellInput[] = [
      { value: v.target, type: 'text' },
      v.state === null ? null : { value: w.state[v.state], style: STATE_STYLE[v.state] },
      v.completion,
      v.score,
      { value: v.reason, type: 'text' },
      v.deviation ? { value: w.deviationNeeded, style: 'flag' } : null,
    ];
    this.writer.row([...input, ...added, ...extra]);
    this.list(checked, v);
  }

  /** The row's cells in the input's columns, and any past them (written after the added ones). */
  private inputCells(row: TableRow): { input: string[]; extra: string[] } {
    if (this.keys !== null && row.keys !== undefined) {
      const input = new Array<string>(this.width).fill('');
      const extra: string[] = [];
      row.keys.forEach((k, i) => {
        const at = this.keys!.indexOf(k);
        if (at === -1) extra.push(`${k}: ${row.cells[i] ?? ''}`);
        else input[at] = row.cells[i] ?? '';
      });
      return { input, extra };
    }
    if (row.cells.length <= this.width) return { input: [...row.cells, ...new Array<string>(this.width - row.cells.length).fill('')], extra: [] };
    // Wider than every row the columns were sized on (a title spanning the width counts too).
    if (row.kind === 'title' || row.kind === 'blank') return { input: [...row.cells], extra: [] };
    return { input: row.cells.slice(0, this.width), extra: row.cells.slice(this.width) };
  }

  private list(checked: CheckedRow, v: RowView): void {
    const sheetRow = this.writer.rowCount;
    const rec = checked.record;
    const base = { sheetRow, indicator: checked.indicator ?? '', target: cleanLabel(rec?.target ?? ''), actual: cleanLabel(rec?.actual ?? '') };
    if (v.deviation && ++this.deviationCount <= LISTED) this.deviations.push({ ...base, note: v.completion });
    if ((v.state === 'unknown' || v.state === 'error') && ++this.unjudgedCount <= LISTED) this.unjudged.push({ ...base, note: v.reason });
  }

  private summarySheet(s: CheckSummary): void {
    const w = this.words;
    const wr = this.writer;
    const head = (value: string): XlsxCell => ({ value, style: 'header', type: 'text' });
    wr.startSheet({ name: w.sheetSummary, widths: [28, 30, 20, 16, 50] });
    wr.row([{ value: w.title, style: 'title' }]);
    wr.row([w.file, { value: this.options.file, type: 'text' }]);
    wr.row([w.dataRows, String(s.rows)]);
    if (s.hasActual) {
      for (const st of ['pass', 'partial', 'fail', 'unknown'] as const) wr.row([{ value: w.state[st], style: STATE_STYLE[st] }, String(s.status[st])]);
    }
    wr.row([{ value: w.state.error, style: s.errors > 0 ? 'error' : 'plain' }, String(s.errors)]);
    if (s.score !== null && s.weight !== null && s.hasActual) {
      wr.row([{ value: w.total, style: 'title' }, { value: s.score, style: 'title' }]);
      wr.row([w.outOf, s.weight]);
      if (s.unscoredWeight !== null && s.unscoredWeight !== '0') wr.row([w.unscored, s.unscoredWeight]);
      if (s.grade !== null) wr.row([{ value: w.grade, style: 'title' }, { value: w.grades[s.grade], style: 'title' }]);
    }
    const table = (title: string, list: readonly Listed[], count: number, last: string): void => {
      wr.row([]);
      wr.row([{ value: title, style: 'title' }]);
      wr.row([head(w.line), head(w.indicator), head(w.targetHead), head(w.actual), head(last)]);
      if (count === 0) wr.row([w.noneListed]);
      for (const l of list) wr.row([String(l.sheetRow), { value: l.indicator, type: 'text' }, { value: l.target, type: 'text' }, { value: l.actual, type: 'text' }, { value: l.note, type: 'text' }]);
      if (count > list.length) wr.row([fill(w.moreRows, { n: count - list.length })]);
    };
    if (s.hasActual) {
      table(w.deviationRows, this.deviations, this.deviationCount, w.added.completion);
      table(w.unjudgedRows, this.unjudged, this.unjudgedCount, w.reason);
    }
    wr.endSheet();
  }
}
