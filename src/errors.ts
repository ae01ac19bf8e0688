import { DEFAULT_LOCALE, MESSAGES, fill, type ErrorCode, type Locale } from './i18n/messages.js';

export type { ErrorCode } from './i18n/messages.js';

/*
 * One identity across builds. `import` and `require` load two builds of the package
 * (dist/index.js and dist/index.cjs, dist/table.js and dist/table.cjs), each with its own
 * classes, and a program (or two of its dependencies) may use both. The classes whose
 * instances callers test (errors, verdicts, scores) mark their prototype with a registered
 * symbol (Symbol.for: the same in every build in one process) whose value names the class,
 * so what one build made is recognised by the other (instanceof, the is… guards, toJSON).
 */
export const MARK: unique symbol = Symbol.for('indicator-expr') as never;

/** What a marked prototype holds under MARK: the name of its class. */
export type Marked = { [MARK]?: 'IndicatorError' | 'TableError' | 'Verdict' | 'Score' };

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
    const messages = messagesOf(code, details);
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
   * True for whatever carries the mark (this class's instances inherit it; the other build's
   * errors have it too); a caller's own subclass keeps the ordinary test.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    return this === IndicatorError ? (x as Marked | null)?.[MARK] === 'IndicatorError' : super[Symbol.hasInstance](x);
  }

  static {
    // On the prototype, so out of sight of JSON, spreads, Object.keys and equality.
    (this.prototype as Marked)[MARK] = 'IndicatorError';
    // The class keeps its own name in the bundles too (a bundler renames a class that refers
    // to itself), so that consoles and `util.inspect` print IndicatorError.
    Object.defineProperty(this, 'name', { value: 'IndicatorError' });
  }
}

/** The messages of an error, in both languages, frozen: what the constructor gives `messages`. */
export function messagesOf(code: ErrorCode, details: Readonly<Record<string, string | number>>): IndicatorError['messages'] {
  const t = MESSAGES[code];
  // A message quotes at most a short stretch of the input: a 2000-digit number is not news.
  const shown: Record<string, string | number> = {};
  for (const k of Object.keys(details)) {
    const v = details[k]!;
    shown[k] = typeof v === 'string' && v.length > 40 ? `${v.slice(0, 39)}…` : v;
  }
  return Object.freeze({ zh: fill(t.zh, shown), en: fill(t.en, shown) });
}

/** What an IndicatorError is made again from: its fields, with its messages and details frozen. */
export type ErrorParts = Pick<IndicatorError, 'code' | 'offset' | 'length' | 'input' | 'messages' | 'details'>;

/**
 * A new IndicatorError with the fields of one made before, its message in `locale`: another
 * caller's error for the same bad cell. The error is the caller's own; its `messages` and
 * `details` are the frozen ones of `parts`, which no caller can alter, so nothing is formatted
 * again (formatting both languages costs more than the rest of answering a repeated cell).
 * It is what the constructor makes, without the formatting: an Error whose prototype is
 * IndicatorError's, with the same own fields in the same order (test/parse/cache.test.ts
 * compares them). Its stack is recorded as the Error constructor records any.
 */
export function errorFrom(parts: ErrorParts, locale: Locale): IndicatorError {
  const e = Reflect.construct(Error, [parts.messages[locale]], IndicatorError) as { -readonly [K in keyof IndicatorError]: IndicatorError[K] };
  e.name = 'IndicatorError';
  e.code = parts.code;
  e.offset = parts.offset;
  e.length = parts.length;
  e.messages = parts.messages;
  e.details = parts.details;
  e.input = parts.input;
  return e;
}

/** True for an IndicatorError of any build of the package (ESM or CommonJS) loaded in this process. */
export function isIndicatorError(e: unknown): e is IndicatorError {
  return e instanceof IndicatorError;
}
