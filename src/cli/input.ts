/**
 * The rows of the table a command reads, watched as they pass, to tell an empty input,
 * an option that does not apply to the input's format, and a column option naming a
 * column the header does not have (with the nearest header cell).
 */
import {
  detectColumns, headerKey, isTableError, type ColumnRole, type RawRow, type RowReader, type SourceInfo, type TableOptions,
} from '../table/index.js';
import { nearest, usage, UsageError } from './args.js';
import { fileProblem, type Input } from './files.js';

/** Options that only some input formats have, and which formats. */
const FORMAT_ONLY: readonly { readonly option: 'sheet' | 'encoding'; readonly formats: readonly string[]; readonly wanted: string }[] = [
  { option: 'sheet', formats: ['xlsx'], wanted: '.xlsx' },
  { option: 'encoding', formats: ['csv', 'tsv', 'jsonl'], wanted: 'CSV/TSV/JSON lines' },
];

/** How many rows are kept to explain a header that was not found. */
const KEPT_ROWS = 1000;

/**
 * Watches the rows of one input as the command reads them. `note` each row, `end` after
 * the last; `explain` turns a table error about the columns into a usage error that says
 * which column was not found and what the header has.
 */
export class InputWatch {
  private rows = 0;
  private checked = false;
  private readonly kept: RawRow[] = [];

  constructor(
    private readonly input: Input,
    private readonly options: TableOptions,
    private readonly info: SourceInfo,
    /** The flag that named each column role (`--column` names the target for normalize). */
    private readonly flags: Partial<Record<ColumnRole, string>> = {},
  ) {}

  note(row: RawRow): void {
    if (!this.checked) this.checkFormat();
    if (row.cells.some((c) => c.trim() !== '')) this.rows++;
    if (this.kept.length < KEPT_ROWS) this.kept.push(row);
  }

  end(): void {
    if (!this.checked) this.checkFormat();
    if (this.rows === 0) {
      if (this.input.file === null) usage('EMPTY_STDIN');
      usage('EMPTY_FILE', { file: this.input.file });
    }
  }

  /** The reader's rows, noted as they pass; `end` is called after the last. */
  wrap(reader: RowReader): RowReader {
    const rows = async function* (this: InputWatch): AsyncGenerator<RawRow> {
      for await (const r of reader) { this.note(r); yield r; }
      this.end();
    }.bind(this);
    return { info: reader.info, [Symbol.asyncIterator]: rows };
  }

  private checkFormat(): void {
    this.checked = true;
    const format = this.info.format;
    if (format === null) return;
    for (const f of FORMAT_ONLY) {
      if (this.options[f.option] !== undefined && !f.formats.includes(format)) {
        usage('NOT_FOR_INPUT', { option: `--${f.option}`, wanted: f.wanted, format: format === 'jsonl' ? 'JSON lines' : format.toUpperCase() });
      }
    }
  }

  /**
   * A column option that names a column the header does not have: the table layer finds
   * no header with it (NO_HEADER) or a header without it (UNKNOWN_COLUMN). The header is
   * then looked for without the named columns, and the first missing name is reported
   * with the nearest cell of that header.
   */
  explain(e: unknown): UsageError | null {
    if (e instanceof UsageError) return e;
    if (!isTableError(e)) return null;
    if (e.code === 'CANNOT_OPEN' && this.input.file !== null) return fileProblem({ code: e.details['detail'] }, this.input.file);
    if (e.code !== 'NO_HEADER' && e.code !== 'UNKNOWN_COLUMN') return null;
    const named = Object.entries(this.options.columns ?? {})
      .filter((entry): entry is [ColumnRole, string] => typeof entry[1] === 'string' && !/^\s*\d+\s*$/.test(entry[1]));
    if (named.length === 0) return null;
    const header = this.headerRow(e.code === 'UNKNOWN_COLUMN' ? Number(e.details['line']) : null);
    if (header === null) {
      const [role, column] = named[0]!;
      return new UsageError('NO_HEADER_WITH_COLUMN', { column, option: this.flags[role] ?? `--${role}` });
    }
    const cells = header.cells.map((c) => c.trim()).filter((c) => c !== '');
    const keys = new Set(cells.map(headerKey));
    for (const [role, column] of named) {
      if (keys.has(headerKey(column))) continue;
      const near = nearest(column, cells, headerKey);
      return new UsageError(
        'NO_SUCH_COLUMN', { line: header.line, column, option: this.flags[role] ?? `--${role}` },
        near === null ? null : { kind: 'name', text: near }, near === null ? cells : null,
      );
    }
    return null;
  }

  /** The header row: the one on `line`, else the one found by the known column names. */
  private headerRow(line: number | null): RawRow | null {
    if (line !== null && line > 0) return this.kept.find((r) => r.line === line) ?? null;
    const { columns: _named, ...rest } = this.options;
    try {
      const found = detectColumns(this.kept, { ...rest, header: 'auto' });
      return found.index >= 0 ? this.kept[found.index] ?? null : null;
    } catch {
      return null;
    }
  }
}
