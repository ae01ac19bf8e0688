import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { rowError, type RowError } from './errors.js';
import type { RawRow } from './types.js';

/** A decoded physical line. */
export interface TextLine {
  readonly number: number;
  readonly text: string;
  /** A problem with the line itself (undecodable bytes, too long). */
  readonly error: RowError | null;
}

export interface DelimitedOptions {
  readonly delimiter: string;
  readonly maxRecordLines: number;
  readonly maxRecordChars: number;
  readonly locale?: Locale;
}

/**
 * CSV and TSV records from physical lines, with the quoting Excel and WPS write (RFC 4180):
 * a cell that starts with `"` is quoted, `""` inside it is one `"`, and it may span lines;
 * a `"` inside an unquoted cell is just a character (as in `5"`).
 *
 * Recovery keeps every row and the order. A record with a bad quote (text after a closing
 * quote, or a quote never closed before the end of the input or the record limits) comes
 * out as its first physical line alone, split at every delimiter with quotes kept as
 * written, with a BAD_QUOTE error; the lines after it are then read again as records of
 * their own. Only the lines of one unfinished record are ever held, and the limits bound
 * them. (csv-parse, tried first, drops the records after an unclosed quote instead.)
 *
 * Reading the held lines again must not scan them again: 20 000 lines of `a","` each open
 * a quote that the next lines never close, and re-scanning each one's 10 000 held lines
 * took 38 s. Whether a quoted cell closes on a line depends only on that line, not on the
 * record it continues, so each held line is scanned once as a continuation (`cont`) and a
 * record is resolved by jumping to the next held line where a quote closes or goes wrong
 * (`stops`). Each line is then scanned at most three times: as a first line, as a
 * continuation, and once more when its record is put together.
 */
export async function* parseDelimited(lines: AsyncIterable<TextLine>, options: DelimitedOptions): AsyncGenerator<RawRow> {
  const { delimiter, maxRecordLines, maxRecordChars } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const source = lines[Symbol.asyncIterator]();
  let seq = 0;
  let charsRead = 0;
  let contCells = 0;
  let ended = false;
  // Lines read ahead for an open quote and not yet consumed, oldest first (buf[head] on).
  const buf: Held[] = [];
  let head = 0;
  // Sequence numbers of the lines in buf that end a continued quote (done, bad, too long).
  const stops: number[] = [];
  let stopHead = 0;

  const fromSource = async (): Promise<Held | null> => {
    if (ended) return null;
    const r = await source.next();
    if (r.done) { ended = true; return null; }
    const h: Held = { line: r.value, seq: seq++, before: charsRead, cont: null, contBefore: 0 };
    charsRead += r.value.text.length;
    return h;
  };
  /** Read one more line into buf as a possible continuation. */
  const readAhead = async (): Promise<boolean> => {
    const h = await fromSource();
    if (h === null) return false;
    h.cont = tooLong(h.line) ? { status: 'bad', cells: 0 } : continuation(h.line.text, delimiter);
    h.contBefore = contCells;
    contCells += h.cont.cells;
    buf.push(h);
    if (h.cont.status !== 'open') stops.push(h.seq);
    return true;
  };
  const shift = (): Held => {
    const h = buf[head]!;
    buf[head++] = undefined as unknown as Held;
    if (head > 1024 && head * 2 > buf.length) { buf.splice(0, head); head = 0; }
    while (stopHead < stops.length && stops[stopHead]! <= h.seq) stopHead++;
    if (stopHead > 1024 && stopHead * 2 > stops.length) { stops.splice(0, stopHead); stopHead = 0; }
    return h;
  };

  for (;;) {
    const held = head < buf.length ? shift() : await fromSource();
    if (held === null) return;
    const first = held.line;
    if (tooLong(first)) {
      yield { line: first.number, cells: [], error: first.error };
      continue;
    }
    const state = newState();
    const status = scan(state, first.text, delimiter);
    if (status === 'done') {
      yield { line: first.number, cells: state.cells, error: first.error };
      continue;
    }
    let failure: { reason: 'unclosed' | 'after'; column: number } | null = null;
    if (status === 'bad') {
      failure = { reason: 'after', column: state.cells.length + 1 };
    } else {
      // The quote stays open: find the first later line that ends it, reading ahead as
      // far as the limits allow from this record's first line.
      const s = held.seq;
      const fits = (t: number, before: number): boolean => t - s < maxRecordLines && before - held.before <= maxRecordChars;
      let stop: Held | null = null;
      for (;;) {
        if (stopHead < stops.length) { stop = buf[head + (stops[stopHead]! - buf[head]!.seq)]!; break; }
        const last = head < buf.length ? buf[buf.length - 1]! : null;
        if (last !== null && !fits(last.seq, last.before)) break;
        if (!(await readAhead())) break;
      }
      // The lines up to the stop (or all read) must fit the limits, else the quote is unclosed.
      if (stop === null || !fits(stop.seq, stop.before) || tooLong(stop.line)) {
        // The record took the lines before the first that did not fit (or end the quote):
        // the column counts the cells they completed, as a scan of them would.
        const u = stop !== null && fits(stop.seq, stop.before) ? stop.seq - buf[head]!.seq + head : firstUnfit(buf, head, (h) => fits(h.seq, h.before));
        const taken = head < buf.length ? (u < buf.length ? buf[u]!.contBefore : contCells) - buf[head]!.contBefore : 0;
        failure = { reason: 'unclosed', column: state.cells.length + taken + 1 };
      } else if (stop.cont!.status === 'bad') {
        const next = buf[head]!;
        failure = { reason: 'after', column: state.cells.length + (stop.contBefore - next.contBefore) + stop.cont!.cells + 1 };
      } else {
        // The record closes on the stop's line: put it together, consuming its lines.
        let lineError = first.error;
        for (;;) {
          const h = shift();
          lineError ??= h.line.error;
          state.field += '\n';
          scan(state, h.line.text, delimiter);
          if (h === stop) break;
        }
        yield { line: first.number, cells: state.cells, error: lineError };
        continue;
      }
    }
    // Read the first line as written; the lines after it are read again (from buf).
    const why = failure.reason === 'unclosed'
      ? { reason: 'unclosed', reason_zh: '引号未闭合', reason_en: 'the quote is never closed' }
      : { reason: 'text-after-quote', reason_zh: '右引号后还有文字', reason_en: 'text follows the closing quote' };
    const error = first.error ?? rowError('BAD_QUOTE', { line: first.number, column: failure.column, ...why }, locale);
    yield { line: first.number, cells: first.text === '' ? [] : first.text.split(delimiter), error };
  }
}

/** A line read, with what it does as the continuation of an open quoted cell. */
interface Held {
  readonly line: TextLine;
  /** Position among all lines read, from 0. */
  readonly seq: number;
  /** Characters of all the lines before it. */
  readonly before: number;
  /** Scanned as a continuation (only lines read ahead for an open quote). */
  cont: { status: 'done' | 'open' | 'bad'; cells: number } | null;
  /** Cells that continuation scans of the lines read ahead before it completed. */
  contBefore: number;
}

/** The index of the first line in buf[from…] that does not fit (fitting is monotone), or buf.length. */
function firstUnfit(buf: readonly Held[], from: number, fits: (h: Held) => boolean): number {
  let lo = from;
  let hi = buf.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (fits(buf[mid]!)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function tooLong(l: TextLine): boolean {
  return l.error !== null && l.error.code === 'LINE_TOO_LONG';
}

/** A line scanned inside an open quoted cell: how it ends, and the cells it completes. */
function continuation(text: string, delimiter: string): { status: 'done' | 'open' | 'bad'; cells: number } {
  const state: ScanState = { cells: [], field: '', quoted: true };
  const status = scan(state, text, delimiter);
  return { status, cells: state.cells.length };
}

interface ScanState {
  cells: string[];
  field: string;
  /** Inside a quoted cell. */
  quoted: boolean;
}

function newState(): ScanState {
  return { cells: [], field: '', quoted: false };
}

/**
 * Read one line into the state. `done`: the record ended with this line; `open`: a quoted
 * cell continues on the next line; `bad`: text after a closing quote.
 */
function scan(state: ScanState, text: string, delimiter: string): 'done' | 'open' | 'bad' {
  const n = text.length;
  let i = 0;
  if (!state.quoted && state.cells.length === 0 && n === 0) return 'done';
  for (;;) {
    if (state.quoted) {
      const q = text.indexOf('"', i);
      if (q === -1) { state.field += text.slice(i); return 'open'; }
      state.field += text.slice(i, q);
      if (text[q + 1] === '"') { state.field += '"'; i = q + 2; continue; }
      state.quoted = false;
      if (q + 1 === n) { state.cells.push(state.field); state.field = ''; return 'done'; }
      if (text.startsWith(delimiter, q + 1)) {
        state.cells.push(state.field);
        state.field = '';
        i = q + 1 + delimiter.length;
        if (i === n) { state.cells.push(''); return 'done'; }
        continue;
      }
      return 'bad';
    }
    if (text[i] === '"') { state.quoted = true; i++; continue; }
    const d = text.indexOf(delimiter, i);
    if (d === -1) { state.cells.push(text.slice(i)); return 'done'; }
    state.cells.push(text.slice(i, d));
    i = d + delimiter.length;
    if (i === n) { state.cells.push(''); return 'done'; }
  }
}
