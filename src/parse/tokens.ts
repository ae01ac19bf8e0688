import { createToken, type TokenType } from 'chevrotain';

/**
 * The token vocabulary of the grammar. Our own lexer (lexer.ts) produces these tokens;
 * the patterns are `NA` because chevrotain's lexer is never run (it cost about half of
 * parsing a short cell, and the context rules here — units only after a number, dates
 * only outside a comparison — are easier to state in a hand-written scanner).
 * Categories group every spelling of one meaning: `≥`, `>=`, `不低于` are all `Ge`.
 */
const NA = /NA/;
const t = (name: string, categories?: TokenType[]): TokenType =>
  createToken({ name, pattern: NA, ...(categories ? { categories } : {}) });

// Families
export const CompareOp = t('CompareOp');
export const PostOp = t('PostOp');
export const Separator = t('Separator');
/** Every token a qualitative term may be made of (`按时完成`, `不低于上年水平`). */
export const Word = t('Word');
/**
 * Words that may stand between a comparator and its number (`不少于每年开展3次培训`) or after
 * a complete quantity (`100%达标`, `95%满意`): the target's note.
 */
export const Aside = t('Aside');

// Quantities
export const NumberTok = t('Number');
export const Unit = t('Unit', [Word]);
export const PercentOf = t('PercentOf');

// Comparators before the number (payload: op)
export const Ge = t('Ge', [CompareOp, Word]);
export const Le = t('Le', [CompareOp, Word]);
export const Gt = t('Gt', [CompareOp, Word]);
export const Lt = t('Lt', [CompareOp, Word]);
export const Eq = t('Eq', [CompareOp, Word]);
export const Ne = t('Ne', [CompareOp, Word]);
export const ApproxPre = t('ApproxPre', [Word]);

// After the number
export const PostGe = t('PostGe', [PostOp, Word]);
export const PostLe = t('PostLe', [PostOp, Word]);
export const ApproxPost = t('ApproxPost', [Word]);
export const Strictness = t('Strictness', [Word]);

// Ranges
export const RangeSep = t('RangeSep', [Word]);
export const PlusMinus = t('PlusMinus');
export const Between = t('Between');
export const BetweenAnd = t('BetweenAnd', [Word]);
export const BetweenEnd = t('BetweenEnd', [Word]);
export const LBracket = t('LBracket');
export const RBracket = t('RBracket');

// Joining targets
export const Comma = t('Comma', [Separator]);
export const Conj = t('Conj', [Separator]);

// Words
export const Intent = t('Intent', [Word]);
export const Modifier = t('Modifier', [Word, Aside]);
export const Trend = t('Trend', [Word]);
export const Text = t('Text', [Word, Aside]);

// Dates
export const DateTok = t('Date');
export const Quarter = t('Quarter');
export const YearEnd = t('YearEnd');
/** `全年`, `2024年全年`: the months 1 to 12 of one year. */
export const WholeYear = t('WholeYear');
export const DeadlinePre = t('DeadlinePre', [Word]);
export const DeadlinePost = t('DeadlinePost', [Word]);
export const Completion = t('Completion', [Word, Aside]);

export const allTokens: TokenType[] = [
  CompareOp, PostOp, Separator, Word, Aside, NumberTok, Unit, PercentOf, Ge, Le, Gt, Lt, Eq, Ne, ApproxPre,
  PostGe, PostLe, ApproxPost, Strictness, RangeSep, PlusMinus, Between, BetweenAnd, BetweenEnd,
  LBracket, RBracket, Comma, Conj, Intent, Modifier, Trend, Text, DateTok, Quarter, YearEnd, WholeYear,
  DeadlinePre, DeadlinePost, Completion,
];
