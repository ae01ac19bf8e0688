import { MARK, type Marked } from '../errors.js';
import { DEFAULT_LOCALE, fill, type Locale } from '../i18n/messages.js';
import { ROW_MESSAGES, TABLE_MESSAGES, type RowErrorCode, type TableErrorCode } from './messages.js';

type Details = Readonly<Record<string, string | number>>;

/**
 * Why one row could not be read as written. A row with an error still comes out, in
 * order, with the cells that could be read: rows are never dropped.
 */
export interface RowError {
  readonly code: RowErrorCode;
  readonly message: string;
  readonly messages: { readonly zh: string; readonly en: string };
  readonly details: Details;
}

export function rowError(code: RowErrorCode, details: Record<string, string | number>, locale: Locale = DEFAULT_LOCALE): RowError {
  const t = ROW_MESSAGES[code];
  const messages = Object.freeze({ zh: fill(t.zh, details), en: fill(t.en, details) });
  return Object.freeze({ code, message: messages[locale], messages, details: Object.freeze({ ...details }) });
}

/**
 * A row on which something threw that should not have (a bug, or a cell the library
 * cannot take): that row's error, so that one row never ends a run or loses the others.
 */
export function rowFailed(line: number, thrown: unknown, locale: Locale = DEFAULT_LOCALE): RowError {
  let detail: string;
  try {
    detail = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown);
  } catch {
    detail = 'unknown error';
  }
  if (detail.length > 200) detail = `${detail.slice(0, 200)}…`;
  return rowError('ROW_FAILED', { line, detail }, locale);
}

/**
 * Thrown when a source or the options cannot be read at all (no such file, no header
 * row, an unknown sheet or encoding). A broken row never throws: it carries a RowError.
 */
export class TableError extends Error {
  override readonly name = 'TableError';
  readonly code: TableErrorCode;
  readonly messages: { readonly zh: string; readonly en: string };
  readonly details: Details;

  constructor(code: TableErrorCode, details: Record<string, string | number> = {}, options: { locale?: Locale; cause?: unknown } = {}) {
    const t = TABLE_MESSAGES[code];
    const messages = Object.freeze({ zh: fill(t.zh, details), en: fill(t.en, details) });
    super(messages[options.locale ?? DEFAULT_LOCALE], options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = messages;
    this.details = Object.freeze({ ...details });
  }

  toJSON(): { code: TableErrorCode; message: string; messages: { zh: string; en: string } } {
    return { code: this.code, message: this.message, messages: { ...this.messages } };
  }

  /** True for a TableError of either build, dist/table.js or dist/table.cjs (src/errors.ts, "One identity across builds"). */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return this === TableError ? (x as Marked | null)?.[MARK] === 'TableError' : super[Symbol.hasInstance](x);
  }

  static {
    (this.prototype as Marked)[MARK] = 'TableError';
    // The class keeps its own name in the bundles too (a bundler renames a class that refers
    // to itself), so that consoles and `util.inspect` print TableError.
    Object.defineProperty(this, 'name', { value: 'TableError' });
  }
}

export function isTableError(e: unknown): e is TableError {
  return e instanceof TableError;
}
