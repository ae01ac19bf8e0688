// The reader's quote recovery as it was before it was made linear (it re-scanned held
// lines): simple and quadratic, kept as the oracle the linear one must agree with.
import type { DelimitedOptions, TextLine } from '../../src/table/delimited.js';
import { DEFAULT_LOCALE, type Locale } from '../../src/i18n/messages.js';
import { rowError, type RowError } from '../../src/table/errors.js';
import type { RawRow } from '../../src/table/types.js';

/** A decoded physical line. */
// (its own copies of the two interfaces are unused)
interface TextLineUnused {
  readonly number: number;
  readonly text: string;
  /** A problem with the line itself (undecodable bytes, too long). */
  readonly error: RowError | null;
}

interface DelimitedOptionsUnused {
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
 */
export async function* referenceParseDelimited(lines: AsyncIterable<TextLine>, options: DelimitedOptions): AsyncGenerator<RawRow> {
  const { delimiter } = options;
  const locale = options.locale ?? DEFAULT_LOCALE;
  const source = lines[Symbol.asyncIterator]();
  // Lines given back after a bad quote, read again before the source.
  const replay: TextLine[] = [];
  const next = async (): Promise<TextLine | null> => {
    if (replay.length > 0) return replay.shift()!;
    const r = await source.next();
    return r.done ? null : r.value;
  };

  for (;;) {
    const first = await next();
    if (first === null) return;
    if (first.error !== null && first.error.code === 'LINE_TOO_LONG') {
      yield { line: first.number, cells: [], error: first.error };
      continue;
    }
    const state = newState();
    let status = scan(state, first.text, delimiter);
    if (status === 'done') {
      yield { line: first.number, cells: state.cells, error: first.error };
      continue;
    }
    // A quoted cell goes on: hold the lines of this record until it closes.
    const held: TextLine[] = [first];
    let chars = first.text.length;
    let failure: { reason: 'unclosed' | 'after'; column: number } | null = status === 'bad' ? { reason: 'after', column: state.cells.length + 1 } : null;
    while (failure === null && status === 'open') {
      const line = await next();
      const overLimit = held.length >= options.maxRecordLines || chars > options.maxRecordChars;
      if (line === null || overLimit || (line.error !== null && line.error.code === 'LINE_TOO_LONG')) {
        if (line !== null) replay.unshift(line);
        failure = { reason: 'unclosed', column: state.cells.length + 1 };
        break;
      }
      held.push(line);
      chars += line.text.length;
      state.field += '\n';
      status = scan(state, line.text, delimiter);
      if (status === 'bad') failure = { reason: 'after', column: state.cells.length + 1 };
    }
    if (failure === null) {
      const lineError = held.find((l) => l.error !== null)?.error ?? null;
      yield { line: first.number, cells: state.cells, error: lineError };
      continue;
    }
    // Read the first line as written and give the others back, in order.
    replay.unshift(...held.slice(1));
    const why = failure.reason === 'unclosed'
      ? { reason: 'unclosed', reason_zh: '引号未闭合', reason_en: 'the quote is never closed' }
      : { reason: 'text-after-quote', reason_zh: '右引号后还有文字', reason_en: 'text follows the closing quote' };
    const error = first.error ?? rowError('BAD_QUOTE', { line: first.number, column: failure.column, ...why }, locale);
    yield { line: first.number, cells: first.text === '' ? [] : first.text.split(delimiter), error };
  }
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
