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
