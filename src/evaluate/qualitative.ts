import { exactBase } from '../model/quantity.js';
import type { QualitativeTarget } from '../model/types.js';
import { ANSWER_TERMS, GRADE_SYNONYMS, ZERO_TERM_PREFIXES } from '../vocab/achievement.js';
import { textQuantity, type Read } from './actual.js';
import { banded, bool, early, kindMismatch, notMet, partly, passed, term, unrecognised, wordOutcome } from './common.js';
import { readDate } from './dates.js';
import type { Settings } from './options.js';
import { namePolarity } from './polarity.js';
import { show, spec } from './reason.js';
import type { ActualValue } from './types.js';
import type { Outcome } from './verdict.js';
import { compact, termRelation, wordClass } from './words.js';

/**
 * Qualitative targets (contract.md): 是/否/有/无 match only themselves and true/false;
 * 否/无/零 targets are met by 否, 无, 0 and false; any other term by itself, 是, true or a
 * word of achievement; partial words give `partial`. Grade scales (`优良中低差`, `好坏`,
 * `合格不合格`): with two grades the first passes and the second fails; with three or
 * more the first two pass, the third is partial unless it is the last (`中` of
 * `优良中低差` and of `优良中差`), and the rest fail, so the worst grade never passes
 * (`较差` of `较好一般较差`).
 */

/** A term asking for nothing to happen: 否, 无, or 零/无/杜绝 + something lower-is-better (`零事故`). */
export function isZeroTerm(t: string, s: Settings): boolean {
  if (ANSWER_TERMS.get(t) === false) return true;
  return ZERO_TERM_PREFIXES.some((p) => t.length > p.length && t.startsWith(p)
    && namePolarity(t.slice(p.length), s) === 'negative');
}

/**
 * The one-character grades of the common ladder: against a scale of the ladder (`优良中差`),
 * a grade of it that the scale leaves out (`低`) is below the grades that pass.
 */
const LADDER = /^[优良中低差]$/;

/** A grade word as its plain grade (`优秀` → `优`, `一般` → `中`). */
function plainGrade(word: string): string {
  return GRADE_SYNONYMS.get(word) ?? word;
}

/** The place of a graded actual in the scale; -1 for a grade of the ladder that a scale of the ladder leaves out; null for none. */
function gradeIndex(scale: readonly string[], x: string): number | null {
  const i = scale.indexOf(x);
  if (i >= 0) return i;
  const plain = plainGrade(x);
  const j = scale.findIndex((g) => plainGrade(g) === plain);
  if (j >= 0) return j;
  return LADDER.test(plain) && scale.every((g) => LADDER.test(plainGrade(g))) ? -1 : null;
}

function gradeOutcome(scale: readonly string[], i: number, shown: string): Outcome {
  const actual = term(shown);
  const passing = scale.length >= 3 ? 2 : 1;
  if (i >= 0 && i < passing) return passed(actual);
  if (i === 2 && scale.length >= 4) return partly(actual, shown);
  return banded('fail', spec('GRADE_TOO_LOW', { actual: shown, passing: scale.slice(0, passing).join('、') }), actual);
}

export function evaluateQualitative(t: QualitativeTarget, read: Read, s: Settings): Outcome {
  const e = early(read);
  if (e) return e;
  const want = compact(t.term);
  const answer = ANSWER_TERMS.get(want);
  const zero = isZeroTerm(want, s);
  switch (read.kind) {
    case 'boolean': {
      if (t.scale) return unrecognised(bool(read.value), String(read.value), t.term);
      const met = zero ? !read.value : read.value;
      return met ? passed(bool(read.value)) : notMet(bool(read.value), String(read.value));
    }
    case 'quantity':
      if (!zero) return kindMismatch(t, 'quantity', show(read.q), read.q);
      return exactBase(read.q).isZero() ? passed(read.q) : notMet(read.q, show(read.q));
    case 'date':
      return kindMismatch(t, 'date', read.date.date, read.date);
    case 'pair':
      return kindMismatch(t, 'pair', '', null);
    case 'list':
    case 'record':
      return kindMismatch(t, 'list', '', null);
    case 'text':
      break;
    default:
      return unrecognised(null, '', t.term);
  }
  const x = read.text;
  const shown = read.shown;
  const actual = term(shown);
  if (t.scale) {
    const i = gradeIndex(t.scale, x);
    if (i !== null) return gradeOutcome(t.scale, i, shown);
  }
  if (x === want) return passed(actual);
  const said = ANSWER_TERMS.get(x);
  if (said !== undefined) {
    if (zero) return said ? notMet(actual, shown) : passed(actual);
    if (answer === true) return said ? unrecognised(actual, shown, t.term) : notMet(actual, shown);
    // Another term: 是 meets it (contract.md), 否 and 无 say it was not met, 有 says nothing.
    if (x === '是') return passed(actual);
    return said ? unrecognised(actual, shown, t.term) : notMet(actual, shown);
  }
  const cls = wordClass(x);
  if (cls === 'none' || (zero && isZeroTerm(x, s))) return zero ? passed(actual) : notMet(actual, shown);
  const rel = termRelation(x, want);
  if (rel === 'achieved') return passed(actual);
  if (rel === 'partial') return partly(actual, shown);
  if (rel === 'negated') return notMet(actual, shown);
  if (cls !== null) return wordOutcome(cls, shown);
  const parsed = textQuantity(read.raw, s);
  if ('q' in parsed) {
    if (!zero) return kindMismatch(t, 'quantity', shown, parsed.q);
    return exactBase(parsed.q).isZero() ? passed(parsed.q) : notMet(parsed.q, shown);
  }
  const date = readDate(x, s);
  if (date) return kindMismatch(t, 'date', shown, date);
  return unrecognised(actual, shown, t.term);
}
