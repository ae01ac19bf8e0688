import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Locale, Status } from '../index.js';
import { HtmlReport } from '../report/html.js';
import { AnnotatedWorkbook } from '../report/workbook.js';
import { RowChecker, tableRows, type CheckOptions, type CheckSummary, type TableSource } from '../table/index.js';
import { writeXlsx } from '../table/xlsx-write.js';
import type { WritableRow } from '../table/write.js';
import { orList, usage } from './args.js';

/**
 * The outputs of `check` and `normalize` made for people rather than pipes: the
 * annotated workbook (`--output result.xlsx`, or `--format xlsx` into a file) and the
 * report page (`--format html`, or `--output report.html`).
 */
export type PeopleFormat = 'xlsx' | 'html';

/**
 * Where `--output FILE` writes and in what format: `.xlsx` a workbook, `.html`/`.htm` a
 * report page; a format given with `--format` must agree.
 */
export function outputFormat(file: string, format: string | undefined, allowed: readonly PeopleFormat[]): PeopleFormat {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  const byName: PeopleFormat | undefined = ext === 'xlsx' ? 'xlsx' : ext === 'html' || ext === 'htm' ? 'html' : undefined;
  const list = orList(allowed.map((f) => `.${f}`));
  if (format !== undefined && !(allowed as readonly string[]).includes(format)) usage('OUTPUT_ONLY', { list, format });
  if (format !== undefined && byName !== undefined && format !== byName) usage('OUTPUT_DISAGREES', { format, file: basename(file) });
  const chosen = (format as PeopleFormat | undefined) ?? byName;
  if (chosen === undefined || !allowed.includes(chosen)) usage('OUTPUT_KIND', { list, file: basename(file) });
  return chosen;
}

/**
 * Bytes to a file, written beside it under a temporary name and renamed at the end, so
 * that a run that fails half way leaves no half-written workbook behind; `-` or no file
 * is standard output.
 */
export class OutputFile {
  private readonly stream: WriteStream | NodeJS.WriteStream;
  private readonly temp: string | null;

  constructor(private readonly file: string | null) {
    if (file === null || file === '-') {
      this.stream = process.stdout;
      this.temp = null;
    } else {
      this.temp = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
      this.stream = createWriteStream(this.temp);
    }
  }

  async write(chunk: Uint8Array | string): Promise<void> {
    if (!this.stream.write(chunk)) await new Promise<void>((resolve, reject) => {
      const s = this.stream as NodeJS.EventEmitter;
      const done = (e?: Error): void => { s.off('drain', done); s.off('error', done); if (e) reject(e); else resolve(); };
      s.once('drain', done);
      s.once('error', done);
    });
  }

  async close(): Promise<void> {
    if (this.temp === null) return;
    const s = this.stream as WriteStream;
    await new Promise<void>((resolve, reject) => { s.once('error', reject); s.end(() => resolve()); });
    renameSync(this.temp, this.file!);
  }

  /** After a failure: the temporary file goes. */
  abandon(): void {
    if (this.temp === null) return;
    (this.stream as WriteStream).destroy();
    rmSync(this.temp, { force: true });
  }
}

export interface PeopleOutputOptions {
  readonly format: PeopleFormat;
  readonly source: TableSource;
  readonly name: string;
  readonly options: CheckOptions;
  readonly locale: Locale;
  readonly failOn: ReadonlySet<Status>;
  readonly out: OutputFile;
  readonly tick: (rows: number) => void;
}

/** Bytes gathered before they are written out. */
const FLUSH_AT = 64 * 1024;

/**
 * Checks every row as `check` does (RowChecker on the classified rows, so that title,
 * header and blank rows come through too and the workbook keeps them) and writes the
 * workbook or the page. Returns the summary and whether some row failed (an error, or a
 * verdict `--fail-on` names).
 */
export async function writePeopleOutput(o: PeopleOutputOptions): Promise<{ summary: CheckSummary; failed: boolean }> {
  const checker = new RowChecker(o.options);
  const rows = tableRows(o.source, o.options);
  let failed = false;
  let n = 0;
  if (o.format === 'xlsx') {
    // Made at the first row: an .xlsx input's sheet name is known by then, and kept.
    let book: AnnotatedWorkbook | null = null;
    const make = (): AnnotatedWorkbook => new AnnotatedWorkbook({ locale: o.locale, file: o.name, sheet: rows.info.sheet });
    for await (const row of rows) {
      book ??= make();
      const checked = checker.checkRow(row);
      if (checked !== null) {
        if (checked.error !== null || (checked.verdict !== null && o.failOn.has(checked.verdict.status))) failed = true;
        o.tick(++n);
      }
      book.row(row, checked);
      if (book.pending >= FLUSH_AT) for (const c of book.take()) await o.out.write(c);
    }
    checker.finish();
    book ??= make();
    book.end(checker.summary);
    for (const c of book.take()) await o.out.write(c);
  } else {
    const page = new HtmlReport({ locale: o.locale, file: o.name });
    for await (const row of rows) {
      const checked = checker.checkRow(row);
      if (checked !== null) {
        if (checked.error !== null || (checked.verdict !== null && o.failOn.has(checked.verdict.status))) failed = true;
        o.tick(++n);
      }
      page.row(row, checked);
    }
    checker.finish();
    await o.out.write(page.end(checker.summary));
  }
  return { summary: checker.summary, failed };
}

/** `normalize --output x.xlsx`: the normalized rows as a one-sheet workbook, the header row frozen. */
export async function writeRowsAsXlsx(rows: AsyncIterable<WritableRow & { kind?: string; keys?: readonly string[] }>, out: OutputFile, sheet: string | null): Promise<void> {
  // The rows are held until the header (or the first keyed row) shows where to freeze;
  // the reader holds the rows above the header anyway while it looks for it.
  const it = rows[Symbol.asyncIterator]();
  const held: (WritableRow & { kind?: string; keys?: readonly string[] })[] = [];
  let frozen = 0;
  for (let r = await it.next(); !r.done; r = await it.next()) {
    held.push(r.value);
    if (r.value.kind === 'header') { frozen = held.length; break; }
    if (r.value.kind === 'data') break;
  }
  const keys = held.find((r) => r.keys !== undefined)?.keys;
  async function* all(): AsyncGenerator<WritableRow> {
    // JSON objects have no header row: their keys become one.
    if (keys !== undefined) yield keys;
    yield* held;
    for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
  }
  for await (const chunk of writeXlsx(all(), { sheet: sheet ?? 'Sheet1', frozenRows: keys !== undefined ? 1 : frozen })) await out.write(chunk);
}
