import { IndicatorError } from '../errors.js';
import { DEFAULT_LOCALE } from '../i18n/messages.js';
import { makeQuantity } from '../model/quantity.js';
import type { Quantity } from '../model/types.js';
import { resolveUnit } from '../model/units.js';
import { clean, originalSpan } from '../text/clean.js';
import { missingNumber, NUMBER_AFTER, NUMBER_BEFORE } from './parse.js';
import { checkInput, DEFAULT_ENGINE, NO_OPTIONS, shapeOf, type Engine, type ParseOptions } from './parse.js';
import type { Seen } from './shape-cache.js';
import { errorAsValue, thrown, withoutStacks } from './stackless.js';
import * as T from './tokens.js';

/**
 * An actual value as self-evaluation tables write it: `52.3亿元`, `98%`, `4个工作日`,
 * `583元/人*月`, `百分之九十`, `95`. Only a quantity: comparators and words are errors.
 */
export function parseQuantityText(input: unknown, options: ParseOptions = NO_OPTIONS, engine: Engine = DEFAULT_ENGINE.get()): Quantity {
  const q = parseQuantityValue(input, options, engine);
  if (q instanceof IndicatorError) throw thrown(q, parseQuantityText);
  return q;
}

/** parseQuantityText with its error returned, without a stack (stackless.ts): the package's own readings. */
export function parseQuantityValue(input: unknown, options: ParseOptions = NO_OPTIONS, engine: Engine = DEFAULT_ENGINE.get()): Quantity | IndicatorError {
  const text = checkInput(input, options);
  // 分 as a cent reads with other units: such calls plan no shapes.
  const shape = options.fen === 'cent' ? null : shapeOf(text, options);
  const planned = shape === null ? undefined : engine.shapes.quantity(shape, text);
  if (planned !== undefined) return planned;
  const seen: Seen = { ct: null, tokens: null, shapeSafe: false };
  const made = withoutStacks(() => errorAsValue(() => readQuantity(text, options, engine, seen)));
  if (shape !== null && !(made instanceof Error)) engine.shapes.learnQuantity(shape, text, seen, made, engine.units);
  return made;
}

/** An actual value read without the shape cache, its error returned (the reference the shape cache is tested against). */
export function readQuantityFresh(text: string, options: ParseOptions, engine: Engine): Quantity | IndicatorError {
  return withoutStacks(() => errorAsValue(() => readQuantity(text, options, engine)));
}

/** `seen`, when given, receives what the reading saw (for the shape cache). */
function readQuantity(text: string, options: ParseOptions, engine: Engine, seen?: Seen): Quantity {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const units = options.fen === 'cent' ? engine.centUnits : engine.units;
  const ct = clean(text);
  if (ct.text === '') throw new IndicatorError('EMPTY', { offset: 0, length: text.length }, text, {}, locale);
  const lexer = options.fen === 'cent' ? engine.centLexer : engine.lexer;
  const bare = lexer.bareUnit(ct, locale);
  if (bare !== null) throw missingNumber(ct, bare, locale);
  const { tokens, notes, shapeSafe, safeButDivisors, numerals } = lexer.tokenize(ct, locale);
  let k = 0;
  const percentOf = tokens[k]?.tokenType === T.PercentOf ? tokens[k++] : undefined;
  const num = tokens[k]?.tokenType === T.NumberTok ? tokens[k++] : undefined;
  const unitTok = !percentOf && tokens[k]?.tokenType === T.Unit ? tokens[k++] : undefined;
  if (!num) {
    const t = tokens[k] ?? tokens[tokens.length - 1];
    const span = t ? originalSpan(ct, t.startOffset, t.endOffset + 1) : { offset: 0, length: text.length };
    const missing = t !== undefined && (t.tokenType === T.Unit || t.tokenType === T.Text || percentOf !== undefined);
    // A unit with no number (`万人`) wants it before; 百分之 wants it after.
    const where = t?.tokenType === T.Unit && percentOf === undefined ? NUMBER_BEFORE : NUMBER_AFTER;
    throw new IndicatorError(missing ? 'MISSING_NUMBER' : 'UNEXPECTED_TOKEN', span, text, { found: t?.image ?? text, expected: '', ...(missing ? where : {}) }, locale);
  }
  if (k < tokens.length) {
    const t = tokens[k]!;
    throw new IndicatorError('UNEXPECTED_TOKEN', originalSpan(ct, t.startOffset, t.endOffset + 1), text, { found: t.image, expected: '' }, locale);
  }
  void notes; // a remark in brackets after an actual value (`98%（预计）`) is allowed and ignored
  const unit = percentOf ? percentOf.unit! : unitTok ? unitTok.unit! : '';
  if (seen !== undefined) {
    seen.ct = ct; seen.tokens = tokens; seen.shapeSafe = shapeSafe === true; seen.numerals = numerals ?? null;
    // A ratio (`5.6:7`) whose scan read only whether its divisor is zero: planned with that check (shape-cache.ts).
    seen.safeButDivisors = safeButDivisors === true;
  }
  return makeQuantity(num.value!, unit, resolveUnit(unit, units));
}
