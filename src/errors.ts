import { DEFAULT_LOCALE, MESSAGES, fill, type ErrorCode, type Locale } from './i18n/messages.js';

export type { ErrorCode } from './i18n/messages.js';

/*
 * One identity across builds. `import` and `require` load two builds of the package
 * (dist/index.js and dist/index.cjs, dist/table.js and dist/table.cjs), each with its own
 * classes, and a program (or two of its dependencies) may use both. The classes whose
 * instances callers test (errors, verdicts, scores) put a mark on their prototype: a
 * registered symbol (Symbol.for), the same in every build in one process, so what one
 * build made is recognised by the other (instanceof, the is… guards, toJSON).
 */

/** Put `mark` on a class's prototype (non-enumerable: JSON, spreads and equality never see it). */
export function setMark(cls: abstract new (...args: never[]) => unknown, mark: symbol): void {
  Object.defineProperty(cls.prototype, mark, { value: true });
}

/** Whether x was made by a class carrying `mark`, in any build (a spread copy carries none). */
export function hasMark(x: unknown, mark: symbol): boolean {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[mark] === true;
}

/**
 * `x instanceof cls` for a class with a mark: its own instances, and for the class itself
 * (`base`), also those of its twin in the other build. A caller's own subclass keeps the
 * ordinary test: its instances are its own.
 */
export function isInstanceOrMarked(cls: unknown, base: unknown, x: unknown, mark: symbol): boolean {
  return Function.prototype[Symbol.hasInstance].call(cls, x) || (cls === base && hasMark(x, mark));
}

const MARK: unique symbol = Symbol.for('indicator-expr.IndicatorError') as never;

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

  /** True for an IndicatorError of either build (see isInstanceOrMarked). */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return isInstanceOrMarked(this, IndicatorError, x, MARK);
  }

  static {
    setMark(this, MARK);
  }
}

/** True for an IndicatorError of any build of the package (ESM or CommonJS) loaded in this process. */
export function isIndicatorError(e: unknown): e is IndicatorError {
  return e instanceof IndicatorError;
}
