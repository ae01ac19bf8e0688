import { DEFAULT_LOCALE, MESSAGES, fill, type ErrorCode, type Locale } from './i18n/messages.js';

export type { ErrorCode } from './i18n/messages.js';

/**
 * The mark every IndicatorError carries, on its prototype: a registered symbol, so the same
 * in every copy of the package in one process. `import` and `require` load two builds
 * (dist/index.js and dist/index.cjs), each with its own class, and a program (or two of its
 * dependencies) may use both; an error thrown by one is an IndicatorError to the other
 * through this mark (instanceof and isIndicatorError).
 */
const BRAND: unique symbol = Symbol.for('indicator-expr.IndicatorError') as never;

/**
 * The one error the package throws. `code` is stable (see docs/errors.md); `offset` and
 * `length` count UTF-16 code units of the original input; `messages` holds both
 * languages and `message` the one picked by the `locale` option (default Chinese).
 */
export class IndicatorError extends Error {
  override readonly name = 'IndicatorError';
  readonly code: ErrorCode;
  readonly offset: number;
  readonly length: number;
  readonly messages: { readonly zh: string; readonly en: string };
  /** Structured details: what was found, what was expected, a suggestion. */
  readonly details: Readonly<Record<string, string | number>>;
  /** The input the error is about, exactly as given. */
  readonly input: string;

  constructor(
    code: ErrorCode,
    where: { offset: number; length: number },
    input: string,
    details: Record<string, string | number> = {},
    locale: Locale = DEFAULT_LOCALE,
  ) {
    const t = MESSAGES[code];
    // A message quotes at most a short stretch of the input: a 2000-digit number is not news.
    const shown: Record<string, string | number> = {};
    for (const k of Object.keys(details)) {
      const v = details[k]!;
      shown[k] = typeof v === 'string' && v.length > 40 ? `${v.slice(0, 39)}…` : v;
    }
    const messages = Object.freeze({ zh: fill(t.zh, shown), en: fill(t.en, shown) });
    super(messages[locale]);
    this.code = code;
    this.offset = where.offset;
    this.length = where.length;
    this.messages = messages;
    this.details = Object.freeze({ ...details });
    this.input = input;
  }

  toJSON(): { code: ErrorCode; message: string; messages: { zh: string; en: string }; offset: number; length: number } {
    return { code: this.code, message: this.message, messages: { ...this.messages }, offset: this.offset, length: this.length };
  }

  /**
   * `x instanceof IndicatorError` holds for an error of this class or of the other build's
   * (by the mark). A subclass of a caller's own keeps the ordinary test: its instances are
   * its own.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, x)) return true;
    return this === IndicatorError && hasMark(x);
  }

  static {
    Object.defineProperty(this.prototype, BRAND, { value: true });
  }
}

function hasMark(x: unknown): boolean {
  return typeof x === 'object' && x !== null && (x as { [BRAND]?: unknown })[BRAND] === true;
}

/** True for an IndicatorError of any build of the package (ESM or CommonJS) loaded in this process. */
export function isIndicatorError(e: unknown): e is IndicatorError {
  return e instanceof IndicatorError;
}
