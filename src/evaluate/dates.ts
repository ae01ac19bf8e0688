import { IndicatorError } from '../errors.js';
import { daysIn } from '../model/calendar.js';
import type { DateParts } from '../model/types.js';
import { parseTargetValue } from '../parse/parse.js';
import { DATE_ACTUAL_LEADS } from '../vocab/achievement.js';
import { COMPLETION_WORDS, DEADLINE_POSTFIX } from '../vocab/words.js';
import type { Settings } from './options.js';
import type { ActualDate } from './types.js';

/**
 * Actual dates and the calendar arithmetic of deadlines and periods. Dates are small
 * integers (years, months, days): no decimal is involved, so plain numbers are right here.
 *
 * A written date is a span of days it may mean: `2022年11月` is any day of November 2022,
 * `7月` any day of July. A day is keyed as year·10000 + month·100 + day (year 0 when the
 * comparison is "within one year", contract.md), so keys order like dates.
 */

export type DateKey = number;
export const MIN_KEY: DateKey = Number.NEGATIVE_INFINITY;

export function validDate(y: number | null, m: number | null, d: number | null): boolean {
  if (y !== null && (!Number.isInteger(y) || y < 1 || y > 9999)) return false;
  if (m !== null && (!Number.isInteger(m) || m < 1 || m > 12)) return false;
  if (d !== null && (m === null || !Number.isInteger(d) || d < 1 || d > daysIn(m, y))) return false;
  return y !== null || m !== null;
}

/** The first and last day a date may mean, in the year given (null: within one year). */
export function span(p: DateParts, year: number | null): { start: DateKey; end: DateKey } {
  const y = year ?? 0;
  const startMonth = p.month ?? 1;
  const endMonth = p.month ?? 12;
  return {
    start: y * 10000 + startMonth * 100 + (p.day ?? 1),
    end: y * 10000 + endMonth * 100 + (p.day ?? daysIn(endMonth, year)),
  };
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** ISO 8601 text of what was written: `2022-11-30`, `2022-11`, `2022`, `--11-30`, `--07`. */
export function dateText(p: DateParts): string {
  if (p.year !== null) {
    let s = pad(p.year, 4);
    if (p.month !== null) s += `-${pad(p.month, 2)}`;
    if (p.month !== null && p.day !== null) s += `-${pad(p.day, 2)}`;
    return s;
  }
  return `--${pad(p.month ?? 0, 2)}${p.day !== null ? `-${pad(p.day, 2)}` : ''}`;
}

/** People's text of a date (for messages): `2022年11月30日`, `7月`. */
export function dateWords(p: DateParts): string {
  return dateWordsIn(p, p.year);
}

/** dateWords of a date in the year it was resolved to (a target without one takes `options.year`). */
export function dateWordsIn(p: DateParts, year: number | null): string {
  return `${year !== null ? `${year}年` : ''}${p.month !== null ? `${p.month}月` : ''}${p.day !== null ? `${p.day}日` : ''}`;
}

/** Frozen parts as a literal: freezing a spread copy (`{ ...p }`) measured about 8× slower. */
const frozenParts = ({ year, month, day }: DateParts): DateParts => Object.freeze({ year, month, day });

export function actualDate(from: DateParts | null, to: DateParts): ActualDate {
  const t = frozenParts(to);
  const f = from === null ? null : from === to ? t : frozenParts(from);
  let date: string;
  if (f === null) date = `../${dateText(t)}`;
  else if (f.year === t.year && f.month === t.month && f.day === t.day) date = dateText(t);
  else date = `${dateText(f)}/${dateText(t)}`;
  return Object.freeze({ date, from: f, to: t });
}

/** Words before a date in an actual (`已于2022年11月30日完成`): they say when, not what. */
const LEADS = new Set(DATE_ACTUAL_LEADS);
/** Ends of an actual that make it "on or before" the date: `2022年11月30日前`. */
const BY_ENDINGS = new RegExp(`(${DEADLINE_POSTFIX.join('|')})(${COMPLETION_WORDS.join('|')})?$`);
/** `…日已完成`: the parser reads the completion word, not the 已 before it. */
const DONE_TAIL = new RegExp(`已(?=(${COMPLETION_WORDS.join('|')})$)`);

const NUMERIC = /^(\d{4})[-./](\d{1,2})(?:[-./](\d{1,2})(?:日|号)?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Read an actual date from cleaned text, or null when the text is no date. Numeric forms
 * (`2022-11-30`, `2022.11`, `2022/11/30`, `20221130`) are read here; the Chinese forms,
 * Chinese numerals, `底`/`末`, quarters and periods by the target parser. The year is left
 * as written: the evaluation resolves it against the target.
 */
export function readDate(text: string, s: Settings): ActualDate | null {
  let m = NUMERIC.exec(text) ?? COMPACT.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = m[3] === undefined ? null : Number(m[3]);
    if (!validDate(y, mo, d)) return null;
    const p = { year: y, month: mo, day: d };
    return actualDate(p, p);
  }
  const body = text.replace(DONE_TAIL, '');
  const t = parseTargetValue(body, s.parse, s.engine);
  if (t instanceof IndicatorError) return null;
  if (t.label !== null && !LEADS.has(t.label)) return null;
  if (t.kind === 'period') return actualDate(t.from, t.to);
  if (t.kind !== 'deadline') return null;
  m = BY_ENDINGS.exec(body);
  const by = m !== null || t.modifiers.length > 0;
  return actualDate(by ? null : t.date, t.date);
}

/** A JS Date, as spreadsheets give date cells: its calendar day in local time. */
export function fromJsDate(d: Date): ActualDate | null {
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return null;
  const p = { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
  if (!validDate(p.year, p.month, p.day)) return null;
  return actualDate(p, p);
}
