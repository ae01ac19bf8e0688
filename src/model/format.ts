import { isOurDecimal, plain } from '../numbers/decimal.js';
import { isCnNumeralChar } from '../vocab/numerals.js';
import {
  APPROX_POSTFIX, APPROX_PREFIX, COMPLETION_WORDS, CONJUNCTIONS, DEADLINE_POSTFIX, HALF, INTENT_WORDS, POSTFIX_OPS, PREFIX_OPS,
  RANGE_SEPARATORS, RECURRING_MONTH_WORDS, STRICTNESS_NOTES, TREND_MODIFIERS, TREND_WORDS, YEAR_END_WORDS,
} from '../vocab/words.js';
import { buildUnitTable, MAGNITUDES, UNITS } from '../vocab/units.js';
import { exactValue } from './quantity.js';
import { isKnownUnit } from './units.js';
import type { DateParts, Quantity, Target } from './types.js';

/** How each op is written (also the {op} of the reasons of compare verdicts). */
export const OP_SYMBOL = { '=': '=', '>=': '≥', '<=': '≤', '>': '>', '<': '<', '!=': '≠' } as const;
const TREND_WORD = { up: '提高', down: '降低', steady: '保持' } as const;
const AMOUNT_OP_WORD = { '>=': '不低于', '<=': '不超过' } as const;

/** A quantity in canonical text; a value without a finite decimal is written as a fraction. */
export function formatQuantity(q: Quantity): string {
  // An unknown unit that starts like a numeral (`九高`, `点七`: 4 点七 is not 4.7) is kept
  // apart from the number, as it was written.
  const unit = !q.known && (isCnNumeralChar(q.unit.charAt(0)) || q.unit.startsWith('点')) ? ` ${q.unit}` : q.unit;
  // A quantity with a finite decimal of our own constructor (nearly all): its value as is.
  if (q.exact && isOurDecimal(q.value)) {
    const v = notADate(plain(q.value), unit);
    // `11月` is November, `2022年` a year: a count of months or years keeps its space (`11 月`).
    return DATE_LIKE.test(`${v}${unit}`) ? `${v} ${unit}` : `${v}${unit}`;
  }
  const v = exactValue(q);
  if (!v.terminating) return `${plain(v.d)}分之${plain(v.n)}${unit}`;
  return `${plain(v.toDecimal())}${unit}`;
}

/**
 * A bare number that reads as a year and month (`2000.8`, `1972.6`: 2000年8月) is written
 * with three decimals (`2000.800`), which no date has; the value is the same.
 */
function notADate(value: string, unit: string): string {
  return unit === '' && /^(?:19|20|21)\d\d\.\d{1,2}$/.test(value) ? value.padEnd(value.indexOf('.') + 4, '0') : value;
}

/** A number and unit that the lexer reads as a month or a year rather than a count of them. */
const DATE_LIKE = /^(?:(?:[1-9]|1[0-2])月|(?:19|20)\d\d年|2100年)/;

function formatDate(d: DateParts): string {
  return `${d.year !== null ? `${d.year}年` : ''}${d.month !== null ? `${d.month}月` : ''}${d.day !== null ? `${d.day}日` : ''}`;
}

/**
 * A label (or modifiers) ending in what may continue a number (`1.`, `拾`, `+`) would run
 * into the number after it (`拾.` + `0.5亿` reads `拾.0.5亿`), and a sign after text reads as
 * a range separator (`x-582~582`): a space keeps them apart, as the parser trims it.
 */
const RUNS_INTO_NUMBER = /[0-9.,，+\-−~～]$/;
const STARTS_LIKE_NUMBER = /^[-+.,，−]/;

function join(a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  // A label's colon after a digit, before a digit, would read as a ratio (`良好3：0.4` is 3:0.4,
  // forms.md §3): a second colon is no ratio's, and the label's trim takes both.
  if (/[0-9]：$/.test(a) && /^[0-9]/.test(b)) return `${a}：${b}`;
  return RUNS_INTO_NUMBER.test(a) || STARTS_LIKE_NUMBER.test(b) || runsIntoUnit(a, b) ? `${a} ${b}` : a + b;
}

/**
 * A label that is only a unit's letters would take the number's first digit as its power
 * (`m` + `2` reads `m2`, 平方米, with no number); after other words (`半km2小时`) it does not.
 */
function runsIntoUnit(a: string, b: string): boolean {
  const digit = /^[0-9]/.exec(b)?.[0];
  return /^[A-Za-z]+$/.test(a) && digit !== undefined && readsAsUnit(a + digit);
}

/**
 * Canonical text of a target: symbols for comparators, Arabic digits, units as written.
 * `parseTarget(format(t))` gives `t` back (all but `text`).
 */
/**
 * Free text (a label, a term, a note) as clean-up will read it back: an entity-like `&`
 * escaped (`&amp;lt;` stays `&lt;`, not `<`), a `<` that would start a tag written as the
 * entity it was decoded from (`&lt;b` is text, `<b` a tag that clean-up drops; so is a `<`
 * at the end, before whatever follows it), and a line break, which only `<br>` or `<p>` can
 * have made, written as `<br>`.
 */
function free(s: string): string {
  return s.replace(/&(?=#?[0-9a-z]+;)/gi, '&amp;').replace(/<(?=[A-Za-z/!]|$)/g, '&lt;').replace(/\n/g, '<br>');
}

/**
 * A comparator symbol before text: `<` before a letter, `/` or `!` would start a tag when read
 * back (`<km2` is a tag; `&lt;km2` is `<` with the note km before 2), so it is written as its entity.
 */
function opBefore(op: string, text: string): string {
  return op === '<' && /^[A-Za-z/!]/.test(text) ? `&lt;${text}` : `${op}${text}`;
}

/**
 * Words that mean something to the lexer. A label holding one of them, or anything but
 * letters (`启动` is a completion word, `91.753未达成` holds a number, `]` is no letter),
 * reads as a label only with the colon it was written with: `启动：5公斤`, not `启动5公斤`.
 */
const MEANINGFUL = [
  ...PREFIX_OPS.keys(), ...POSTFIX_OPS.keys(), ...APPROX_PREFIX, ...APPROX_POSTFIX, ...TREND_WORDS.keys(), ...TREND_MODIFIERS,
  ...INTENT_WORDS, ...COMPLETION_WORDS, ...DEADLINE_POSTFIX, ...YEAR_END_WORDS, ...CONJUNCTIONS, ...RANGE_SEPARATORS,
].filter((w) => w.length > 0);

function labelText(label: string | null, next: string, date: DateParts | null = null): string {
  if (label === null || label === '') return '';
  // Before a date, a label holding a number (`后勤服务2023年1`, `服务期限2023.1.1-`) would lend
  // it to the date after a colon (`2023年1：1月31日` is no date): the deadline's own `≤` ends
  // the label, as the `<` it was read from did, after a colon that makes the words before it a
  // label even when they are a number and unit alone (`9299吨：≤12月31日前`; `9299吨≤` would be
  // a comparison of 9299吨). Only before a date with its day: after `≤` a
  // bare `11月` is a number of months, which a colon keeps a month (`2023年年：11月前`).
  // A label that is a calendar year alone (`2023年：6月30日前`) is read as the label it was
  // before a colon, but before `≤` as a date the comparator cannot follow.
  if (date !== null && date.day !== null && /[0-9]/.test(label) && !/^(?:(?:19|20)\d\d|2100)年$/.test(label)) return `${free(label)}：≤`;
  // Before a date, a label holding a comparator word (`未完全达到`, `未达到预期`) is ended by the
  // deadline's `≤` after the colon, as the `<` it was read from did: after the colon alone the
  // word would want a number (`未达到预期：12月31日前`). Not before a month alone, which after
  // `≤` is a number of months (`已达标：11月前` reads back as it is), nor before a year alone,
  // which the grammar takes after `≤` only with its month (`部分达成：2023年前`).
  const dated = date !== null && (date.day !== null || (date.year !== null && date.month !== null));
  const colon = dated && COMPARATOR_WORDS.some((w) => label.includes(w)) ? '：≤' : '：';
  // A label with numeral characters (`五`, `十万本`, `每期三期`) was text only because of what
  // followed it: words before a colon are a label, numerals and units included (the lexer's
  // colonLabels). So is one starting with 半, which would read as a half (`半小时<0`).
  if ([...label].some(isCnNumeralChar) || label.startsWith(HALF)) return `${free(label)}${colon}`;
  // A label ending in 每月 would make a day after it a recurring one (`每月8号`): a colon too.
  const plainLetters = /^\p{L}+$/u.test(label) && !MEANINGFUL.some((w) => label.includes(w)) && !straddles(label, next)
    && !RECURRING_MONTH_WORDS.some((w) => label.endsWith(w));
  return plainLetters ? free(label) : `${free(label)}${colon}`;
}

/** Words that ask for a number after them. */
const COMPARATOR_WORDS = [...PREFIX_OPS.keys(), ...APPROX_PREFIX].filter((w) => w.length > 0);

/** Whether a word of the lexer would form across the end of `label` (`下` + `降低` reads 下降). */
function straddles(label: string, next: string): boolean {
  const joined = label + next.slice(0, 4);
  return MEANINGFUL.some((w) => {
    const i = joined.indexOf(w, Math.max(0, label.length - w.length + 1));
    return i !== -1 && i < label.length && i + w.length > label.length;
  });
}

/**
 * The shipped units: a note that is one of them is a unit when bracketed after a bare number.
 * Read without the table's memo (isKnownUnit), so that this table never changes.
 */
const SHIPPED_UNITS = /* @__PURE__ */ buildUnitTable(UNITS);

/**
 * Whether a note written in brackets right after a number without a unit would read back as
 * that number's unit (`=5.00(万人次)` is 50 000 人次): such a note came from words between the
 * comparator and the number (`≠课时594.7上线`), and is written there again.
 */
function readsAsUnit(note: string): boolean {
  return note !== '' && isKnownUnit(note, SHIPPED_UNITS);
}

/**
 * Whether one of the notes, bracketed after a quantity of this unit, would read back as its unit:
 * after a bare number (`=5.00(万人次)` is 50 000 人次), or joined to a magnitude (`63万(日)` is
 * 63 万日; `0万(十万元)` stays a note).
 */
function readsAsUnitAfter(unit: string, notes: readonly string[]): boolean {
  if (unit === '') return notes.some(readsAsUnit);
  return MAGNITUDES.has(unit) && notes.some((n) => readsAsUnit(`${unit}${n}`));
}

/**
 * The note's parts a bracket inside the label (or a term) does not already give: `N/AL(本)及格：53.91` has
 * the note 本 from its label, so writing it again would make it two notes (or, after a bare
 * number, a unit).
 */
function notesBeyond(text: string | null, note: string | null): string[] {
  if (note === null) return [];
  const parts = note.split('；');
  // The lexer trims a bracket's inside (`( 九)`, `(\n55.92)` give 九, 55.92).
  const inText = [...(text ?? '').matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!.trim());
  return inText.length > 0 && inText.every((n, i) => parts[i] === n) ? parts.slice(inText.length) : parts;
}

export function format(t: Target): string {
  // A bracket in the middle of a term is both the term's text and its note: written once.
  // Notes of several brackets are joined by `；`, which clean-up folds inside one: one bracket each.
  const parts = t.kind === 'qualitative' ? notesBeyond(t.term, t.note) : notesBeyond(t.label, t.note);
  const bracket = (ns: string[]): string => ns.map((n) => `(${free(n)})`).join('');
  const note = bracket(parts);
  const mods = 'modifiers' in t ? t.modifiers.join('') : '';
  const head = join(labelText(t.label, mods !== '' ? mods : t.kind === 'trend' ? TREND_WORD[t.direction] : '', t.kind === 'deadline' && mods === '' ? t.date : null), mods);
  switch (t.kind) {
    case 'compare': {
      const q = t.quantity;
      const op = t.implicit ? '' : OP_SYMBOL[t.op];
      if (!readsAsUnitAfter(q.unit, parts)) return `${join(head, `${op}${formatQuantity(q)}`)}${note}`;
      // A note that is a unit goes before the number, where it came from: after the comparator,
      // bare (`≠课时594.7`); but in brackets with no comparator (bare words there are a label:
      // `(百)1`), after a magnitude (words between may read as a numeral: `=十万元0万`), for a
      // note that is itself a magnitude or starts like a numeral (`≤万2` is 12 000), or when
      // another note would read as the unit too: then every note, in order (`≤(个百分点)(元)1300万`).
      const [first, ...rest] = parts as [string, ...string[]];
      if (q.unit === '' && !t.implicit && readsAsUnit(first) && !isCnNumeralChar(first.charAt(0)) && !rest.some(readsAsUnit)) {
        return `${join(head, join(opBefore(op, free(first)), formatQuantity(q)))}${bracket(rest)}`;
      }
      return join(head, `${op}${bracket(parts)}${formatQuantity(q)}`);
    }
    case 'approx':
      // `2月左右` reads as a date (February): a month or a year count is written `约2月`.
      if (/^[月年]/.test(t.quantity.unit)) return `${join(head, `约${formatQuantity(t.quantity)}`)}${note}`;
      return `${join(head, formatQuantity(t.quantity))}左右${note}`;
    case 'range':
      if (readsAsUnitAfter(t.max.unit, parts)) {
        return join(head, `${bracket(parts)}${formatQuantity(t.min)}~${formatQuantity(t.max)}`);
      }
      return `${join(head, `${formatQuantity(t.min)}~${formatQuantity(t.max)}`)}${note}`;
    case 'all':
      // `；`, not `，`: after a number `，300` would read as a thousands group.
      return t.targets.map(format).join('；');
    case 'qualitative':
      return `${free(t.term)}${note}`;
    case 'trend': {
      // After a label, a comparator symbol would make the label run to it (a label holding a
      // number or date does, forms.md §8: `当年内艘-：提高≤5` is labelled `当年内艘-：提高`): a word.
      const op = t.amountOp === null ? '' : t.label !== null ? AMOUNT_OP_WORD[t.amountOp] : OP_SYMBOL[t.amountOp];
      if (t.amount === null) return `${join(head, TREND_WORD[t.direction])}${note}`;
      // Notes that would read as the amount's unit go before it, as a compare's do (`提高(盏)2`).
      if (readsAsUnitAfter(t.amount.unit, parts)) return `${join(head, TREND_WORD[t.direction])}${op}${note}${formatQuantity(t.amount)}`;
      return `${join(head, TREND_WORD[t.direction])}${op}${formatQuantity(t.amount)}${note}`;
    }
    case 'deadline': {
      // A strictness word (`含本数`, `不含`) in brackets after 前 is no note to the grammar, but
      // written bare after 前 it is read as one, and after the bracketed notes: so it goes last.
      const last = parts.at(-1);
      if (last !== undefined && STRICTNESS_NOTES.has(last)) {
        return `${join(head, formatDate(t.date))}前${free(last)}${bracket(parts.slice(0, -1))}`;
      }
      return `${join(head, formatDate(t.date))}前${note}`;
    }
    case 'period':
      return `${join(head, formatDate(t.from))}至${formatDate(t.to)}${note}`;
  }
}
