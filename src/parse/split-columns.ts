/**
 * Targets from split columns (`指标性质 | 指标值 | 度量单位`): the parts are joined and read by
 * the same parser as a whole cell, so every form a cell may take is a form the columns may
 * take, and `parseTarget(parts)` is `parseTarget(op + value + unit)` up to `text`
 * (forms.md §8). What is particular to the columns is checked here: the op column holds a
 * comparator (or 定性 / 定量), a comparator stands beside a number, and a unit column holds a
 * unit (the one place an unknown unit is an error, contract.md). The target's `text` is the
 * columns joined as given, and every error points into that text.
 */
import type { TokenType } from 'chevrotain';
import { IndicatorError } from '../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { unitSuggestion } from '../model/suggest.js';
import type { Quantity, Target } from '../model/types.js';
import { clean, originalSpan, type CleanText } from '../text/clean.js';
import { ANSWER_TERMS } from '../vocab/achievement.js';
import { ANSWER_UNITS, QUALITATIVE_OPS, QUANTITATIVE_OPS } from '../vocab/split-columns.js';
import { APPROX_POSTFIX, PLACEHOLDERS, POSTFIX_OPS, type Op } from '../vocab/words.js';
import type { Token } from './lexer.js';
import { checkInput, parseTargetText, type Engine, type ParseOptions } from './parse.js';
import * as T from './tokens.js';

/**
 * The columns of a template that splits a target (`指标性质 | 指标值 | 度量单位`): read as
 * the cell `op + value + unit` would be, with the same target up to `text`.
 */
export interface TargetParts {
  /** A comparator in any spelling a cell has before its number (`≥`, `≧`, `不低于`, `≥（含）`), `定性`, `定量`, or empty. */
  readonly op?: string | null;
  /** The value (`95`, `三万五`), or under 定性 the term or grade scale (`健全`, `优良中低差`). */
  readonly value: string;
  /** A unit (`%`, `万元`), with or without a bracketed gloss (`%(百分比)`), or the answers `是/否`. */
  readonly unit?: string | null;
}

/** A stretch of the joined text (op + value + unit as given) that the parser reads. */
interface Piece {
  readonly text: string;
  /** Where it starts in the joined text. */
  readonly at: number;
}

/** Tokens that make a comparator: what the op column must hold exactly one of. */
const COMPARATORS: ReadonlySet<TokenType> = new Set([T.Ge, T.Le, T.Gt, T.Lt, T.Eq, T.Ne, T.ApproxPre, T.PlusMinus]);
/** Tokens that say the value column holds a number (or a date), as a comparator needs. */
const NUMERIC: ReadonlySet<TokenType> = new Set([T.NumberTok, T.PercentOf, T.DateTok, T.Quarter, T.YearEnd]);
const QUALITATIVE = new Set(QUALITATIVE_OPS);
const QUANTITATIVE = new Set(QUANTITATIVE_OPS);
const ANSWERS = new Set(ANSWER_UNITS);
const PLACEHOLDER_SET = new Set(PLACEHOLDERS);

/** What the op column says. */
type OpColumn =
  | { readonly kind: 'none' | 'qualitative' | 'quantitative' }
  /** The column up to `mainEnd` ends with the comparator; a bracket after it (`（含）`) is read after the unit, where a cell has it. */
  | { readonly kind: 'comparator'; readonly op: Op | null; readonly type: TokenType; readonly mainEnd: number };

export function parseTargetParts(parts: TargetParts, options: ParseOptions, engine: Engine): Target {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const op = parts.op ?? '';
  const value = parts.value;
  const unit = parts.unit ?? '';
  const joined = checkInput(`${op}${value}${unit}`, options);
  const at = { value: op.length, unit: op.length + value.length };
  const fail = (code: 'EMPTY' | 'NOT_APPLICABLE' | 'INVALID_NUMBER' | 'UNKNOWN_OP' | 'UNKNOWN_UNIT',
    span: { offset: number; length: number }, details: Record<string, string>): never => {
    throw new IndicatorError(code, span, joined, details, locale);
  };

  const opCt = clean(op);
  const opc = opColumn(opCt, engine, options, locale);
  if (opc === null) return fail('UNKNOWN_OP', originalSpan(opCt, 0, opCt.text.length), { found: opCt.text });
  const valueCt = clean(value);
  if (valueCt.text === '') fail('EMPTY', { offset: 0, length: joined.length }, {});
  const valueSpan = shift(originalSpan(valueCt, 0, valueCt.text.length), at.value);
  if (PLACEHOLDER_SET.has(valueCt.text)) fail('NOT_APPLICABLE', valueSpan, { text: valueCt.text });
  const unitCt = clean(unit);
  const comparator = opc.kind === 'comparator' ? opc : null;

  // `是 | 是/否`: the unit column lists the answers, the value column gives one.
  const answer = ANSWERS.has(unitCt.text.toLowerCase()) && ANSWER_TERMS.has(valueCt.text)
    && (comparator === null || comparator.op === '=');
  // Only a comparator needs to know what the value column starts with and holds.
  const valueTokens = answer || comparator === null ? null : tokensOf(valueCt, engine, options, locale);
  // Beside a comparator the value column must hold a number (`≥ | 良好 | %` is a slip).
  if (comparator !== null && !answer && valueTokens !== null && !valueTokens.some((t) => NUMERIC.has(t.tokenType))) {
    fail('INVALID_NUMBER', valueSpan, { found: valueCt.text });
  }

  const pieces: Piece[] = [];
  // The value column sometimes repeats the comparator (`≥ | ≥95 | %`): it is read once. An
  // answer (`= | 是 | 是/否`) is the term alone.
  const first = valueTokens?.[0];
  const repeated = first !== undefined && first.tokenType === comparator?.type && first.op === comparator.op;
  const written = answer ? null : comparator;
  if (written !== null && !repeated) pieces.push({ text: op.slice(0, written.mainEnd), at: 0 });
  pieces.push({ text: value, at: at.value });
  const unitMain = unitMainEnd(unitCt, unit);
  const unitWord = unitCt.text.slice(0, unitMain.cleanEnd);
  if (!answer) {
    // … or the unit (`95% | %`), read once too; a gloss after the unit stays (`%(百分比)`).
    const skip = unitWord !== '' && valueCt.text.endsWith(unitWord) ? unitMain.end : 0;
    pieces.push({ text: unit.slice(skip), at: at.unit + skip });
  }
  if (written !== null && written.mainEnd < op.length) pieces.push({ text: op.slice(written.mainEnd), at: written.mainEnd });

  let target: Target;
  try {
    target = parseTargetText(pieces.map((p) => p.text).join(''), options, engine);
  } catch (e) {
    if (!(e instanceof IndicatorError)) throw e;
    throw new IndicatorError(e.code, joinedSpan(pieces, e.offset, e.length), joined, { ...e.details }, locale);
  }
  // A unit column must hold a unit: here, and only here, an unknown unit is an error.
  if (unitWord !== '' && !answer && quantitiesOf(target).some((q) => !q.known)) {
    const table = options.fen === 'cent' ? engine.centUnits : engine.units;
    const span = shift(originalSpan(unitCt, 0, unitMain.cleanEnd), at.unit);
    fail('UNKNOWN_UNIT', span, unitSuggestion(unitWord, table));
  }
  return Object.freeze({ ...target, text: joined });
}

/**
 * The op column read by the cell's own lexer, so that every spelling a cell accepts before
 * its number is accepted here (look-alikes after clean-up, words, a parser's own words):
 * intent words, one comparator, then brackets (`≥（含）`). null when it holds anything else.
 */
const ASIDE = new Set([T.Text, T.Modifier, T.Completion]);
/** Words that belong after a number (`≥以上` is no op column). */
const AFTER_NUMBER = new Set([...POSTFIX_OPS.keys(), ...APPROX_POSTFIX]);

function opColumn(ct: CleanText, engine: Engine, options: ParseOptions, locale: Locale): OpColumn | null {
  const word = ct.text.toLowerCase();
  if (word === '') return { kind: 'none' };
  if (QUALITATIVE.has(word)) return { kind: 'qualitative' };
  if (QUANTITATIVE.has(word)) return { kind: 'quantitative' };
  const tokens = tokensOf(ct, engine, options, locale);
  if (tokens === null) return null;
  const k = tokens.findIndex((t) => COMPARATORS.has(t.tokenType));
  if (k < 0 || tokens.slice(0, k).some((t) => t.tokenType !== T.Intent)) return null;
  // Words after the comparator stand between it and the number, as in a cell (`不低于上年同期的`).
  let end = k;
  while (end + 1 < tokens.length && ASIDE.has(tokens[end + 1]!.tokenType) && !AFTER_NUMBER.has(tokens[end + 1]!.image)) end++;
  if (tokens.slice(end + 1).some((t) => t.tokenType !== T.Strictness)) return null;
  const cmp = tokens[k]!;
  const span = originalSpan(ct, 0, tokens[end]!.endOffset + 1);
  return { kind: 'comparator', op: cmp.op ?? null, type: cmp.tokenType, mainEnd: span.offset + span.length };
}

/** The tokens of one column, or null when the column alone does not lex (the joined text then says why). */
function tokensOf(ct: CleanText, engine: Engine, options: ParseOptions, locale: Locale): Token[] | null {
  const lexer = options.fen === 'cent' ? engine.centLexer : engine.lexer;
  try {
    return lexer.tokenize(ct, locale).tokens;
  } catch (e) {
    if (e instanceof IndicatorError) return null;
    throw e;
  }
}

/** Where the unit word of a unit column ends, before a bracketed gloss (`万元（人民币）`). */
function unitMainEnd(ct: CleanText, unit: string): { cleanEnd: number; end: number } {
  const k = ct.text.indexOf('(');
  if (k < 0) return { cleanEnd: ct.text.length, end: unit.length };
  return { cleanEnd: k, end: originalSpan(ct, k, k + 1).offset };
}

function shift(span: { offset: number; length: number }, by: number): { offset: number; length: number } {
  return { offset: span.offset + by, length: span.length };
}

/** A span of the text the parser read, as a span of the joined text (pieces may be out of order). */
function joinedSpan(pieces: readonly Piece[], offset: number, length: number): { offset: number; length: number } {
  const at = (pos: number): number => {
    let start = 0;
    for (const p of pieces) {
      if (pos < start + p.text.length) return p.at + pos - start;
      start += p.text.length;
    }
    const last = pieces[pieces.length - 1];
    return last === undefined ? 0 : last.at + last.text.length;
  };
  if (length <= 0) return { offset: at(offset), length: 0 };
  let lo = Infinity;
  let hi = -Infinity;
  for (let pos = offset; pos < offset + length; pos++) {
    const j = at(pos);
    lo = Math.min(lo, j);
    hi = Math.max(hi, j + 1);
  }
  return { offset: lo, length: hi - lo };
}

function quantitiesOf(t: Target): Quantity[] {
  switch (t.kind) {
    case 'compare': case 'approx': return [t.quantity];
    case 'range': return [t.min, t.max];
    case 'all': return t.targets.flatMap(quantitiesOf);
    case 'trend': return t.amount === null ? [] : [t.amount];
    default: return [];
  }
}
