import { VERSION } from '../version.js';

export type CommandResult = number;

export const USAGE = `indicator-expr ${VERSION} — read, normalize, evaluate and score the target values of
Chinese budget performance tables (绩效目标表 / 绩效自评表).

Usage:
  indicator-expr parse [TEXT…] [--locale zh|en] [--year YYYY] [--fen score|cent]
      One JSON line per TEXT, or per line of standard input when no TEXT is given.
      Line N of the output answers line N of the input; a line that cannot be parsed
      prints {"text", "error": {code, message, offset, length}} and the rest goes on.

  indicator-expr check FILE|- [--format table|csv|jsonl] [--fail-on fail[,unknown,partial]]
      Reads a table (CSV, TSV, JSON lines or .xlsx; UTF-8 or GBK/GB18030; - is standard
      input), finds its columns by their header names, and parses, evaluates and scores
      every data row. --format table (the default on a terminal) prints an aligned table
      and the summary; jsonl (the default otherwise) prints one object per data row,
      {"line", "indicator", "target", "verdict", "score", "error"}, and csv one row per
      data row; with jsonl and csv the summary goes to standard error. Without an actual
      column only the targets are parsed.
      --fail-on STATUS   also exit 1 when a verdict is fail (partial, unknown), for CI
      --quiet            no summary and no progress line on standard error
      --color auto|always|never   colour of the table (auto: on a terminal, unless NO_COLOR)
      --bom              start csv output with a byte order mark (for Excel)
      --output FILE      FILE.xlsx: the table with verdicts, scores and reasons added, and
                         a summary sheet; FILE.html: a report page (also --format html|xlsx)

  indicator-expr normalize FILE|- [--column NAME]
      Writes the table back, row for row, in its own format and encoding (an .xlsx as
      CSV in UTF-8 with a BOM), with the columns kind, op, value, unit, dimension,
      base_value, base_unit and error added after the header's last column.
      --column NAME      the target column (header name or position from 1); default: found
      --output FILE.xlsx the same rows as an .xlsx workbook

  indicator-expr eval TARGET ACTUAL [--weight W] [--polarity positive|negative]
                     [--indicator NAME] [--tolerance T] [--year YYYY] [--locale zh|en]
      Prints the verdict JSON; with --weight, {"verdict": …, "score": …}. An actual that
      starts with "-" goes after "--": eval '=0%' -- -3.5%.

  indicator-expr --help | --version

Reading tables (check, normalize):
  --format-in csv|tsv|jsonl|xlsx   the input format (default: from the file name, else sniffed)
  --encoding ENC      the text encoding (default: BOM, else UTF-8 when valid, else GB18030)
  --sheet NAME|N      the .xlsx sheet (default the first)
  --header N|none     the header's line (default: found; title rows above it are skipped)
  --period full|half  read 全年指标值 (default) or 半年指标值
  --indicator, --target, --op, --unit, --actual, --weight COLUMN
                      name a column by its header text or its position from 1

Judging (check, eval): --polarity positive|negative, --tolerance T (≈ targets: 10%,
  2个百分点), --equals reached|exact, --reverse-rule ratio|linear, --band 0…1,
  --scale N (decimal places of scores), --year YYYY, --fen score|cent, --locale zh|en.

Exit codes: 0 every row was read and judged (whatever the verdicts), 1 some rows (or
lines) could not be read or parsed, or --fail-on matched, 2 usage error or a table
that cannot be read at all (no such file, no header row, unknown sheet or encoding).
`;

export function usageError(message: string): number {
  process.stderr.write(`indicator-expr: ${message}\nRun "indicator-expr --help" for usage.\n`);
  return 2;
}

/** Bytes gathered before a write to standard output. */
const CHUNK = 64 * 1024;

/**
 * Writes through a small buffer and honours back-pressure, so huge outputs stay in
 * constant memory. Each line is encoded into the buffer as it comes: joining the lines
 * into a string and encoding that cost about 1 µs a line more (a CSV line of check,
 * measured on Node 20). Wait for a promise `line` gives before writing the next line.
 */
export class LineWriter {
  /** Room for CHUNK bytes and a line of up to CHUNK / 3 UTF-16 units behind them. */
  private buf = Buffer.allocUnsafe(2 * CHUNK);
  private pos = 0;
  /** Called before each write (a progress line on the same terminal is cleared first). */
  beforeWrite: (() => void) | null = null;

  /** A promise only when the buffer was written out (wait for it); else nothing to wait for. */
  line(s: string): Promise<void> | undefined {
    // UTF-8 takes at most 3 bytes per UTF-16 unit; a longer line goes out on its own.
    if (s.length * 3 + 1 > this.buf.length - this.pos) return this.long(s);
    this.pos += this.buf.write(s, this.pos, 'utf8');
    this.buf[this.pos++] = 0x0a;
    return this.pos >= CHUNK ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.pos === 0) return;
    // A new buffer: the stream may still hold the one written (a pipe writes later).
    const chunk = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(2 * CHUNK);
    this.pos = 0;
    await this.write(chunk);
  }

  private async long(s: string): Promise<void> {
    await this.flush();
    await this.write(Buffer.from(`${s}\n`, 'utf8'));
  }

  private async write(chunk: Buffer): Promise<void> {
    this.beforeWrite?.();
    if (!process.stdout.write(chunk)) {
      await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
  }
}

/** Writes encoded chunks to standard output, waiting for it to drain. */
export async function writeChunks(chunks: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const c of chunks) {
    if (!process.stdout.write(c)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
}

/**
 * A progress line on standard error (`\r` updates) for inputs that take more than a
 * second; only on a terminal, so logs and pipes never see it.
 */
export class Progress {
  private readonly start = Date.now();
  private last = 0;
  private shown = false;
  private readonly on: boolean;

  constructor(private readonly label: (rows: number) => string, enabled: boolean) {
    this.on = enabled && process.stderr.isTTY === true;
  }

  tick(rows: number): void {
    if (!this.on || (rows & 255) !== 0) return;
    const now = Date.now();
    if (now - this.start < 1000 || now - this.last < 200) return;
    this.last = now;
    this.shown = true;
    process.stderr.write(`\r${this.label(rows)}\x1b[K`);
  }

  /** Clear the line (before other output to the terminal); the next tick shows it again. */
  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
    this.shown = false;
  }
}

/**
 * A source or option the command cannot work with (a TableError such as CANNOT_OPEN or
 * NO_HEADER, an IndicatorError for an option): its message in the locale asked for.
 */
export function failureMessage(e: unknown, locale: 'zh' | 'en'): string | null {
  if (e instanceof Error && (e.name === 'TableError' || e.name === 'IndicatorError')) {
    const m = (e as Error & { messages?: { zh: string; en: string } }).messages;
    return m ? m[locale] : e.message;
  }
  return null;
}
