import { fill, templateParts, type Locale } from '../i18n/messages.js';
import { DETAILS, KIND_NAMES, PART_PREFIX, REASONS, type DetailKey, type ReasonCode } from '../i18n/reasons.js';
import { formatQuantity } from '../model/format.js';
import type { Quantity } from '../model/types.js';
import type { Reason } from './types.js';

/** A detail printed the same in both languages, or once per language. */
export type Detail = string | number | { readonly zh: string; readonly en: string };

/**
 * A reason before its messages are written: the code and what fills them (a quantity is
 * written as people write it, `show`, when the messages are), or the reason of a part of a
 * cell with several targets, named (`“12个月”：…`) or not, read from the part's verdict
 * when the cell's is.
 */
export type ReasonSpec = FilledSpec | PartSpec;

interface FilledSpec {
  readonly code: ReasonCode;
  readonly details: Readonly<Record<string, Detail | Quantity>>;
}

/**
 * The reason of a cell that a part decided: the part's own (`name` null), or the part's
 * under its name; written when the cell's reason is read, not when the cell is judged.
 */
interface PartSpec {
  readonly part: { readonly reason: Reason | null };
  /** The part's name before its message, or null for the part's reason as it is. */
  readonly name: string | null;
}

/** A message piece of i18n/reasons.ts in both languages, its placeholders filled. */
export function detail(key: DetailKey, vars: Record<string, string | number> = {}): { zh: string; en: string } {
  return { zh: fill(DETAILS[key].zh, vars), en: fill(DETAILS[key].en, vars) };
}

export function spec(code: ReasonCode, details: Record<string, Detail | Quantity> = {}): ReasonSpec {
  return { code, details };
}


/**
 * The templates of every reason code, split into their pieces once (text, name, text, …).
 * fillReason reads a detail as `details[name]`: no name may be one that every object
 * inherits, so that a defined value is always the detail's own (test/evaluate/reasons.test.ts
 * checks every placeholder of the fixed templates).
 */
const TEMPLATES: ReadonlyMap<ReasonCode, { readonly zh: readonly string[]; readonly en: readonly string[] }> = new Map(
  (Object.keys(REASONS) as ReasonCode[]).map((code) => [code, { zh: templateParts(REASONS[code].zh), en: templateParts(REASONS[code].en) }]),
);

/** A reason template in one language, its placeholders filled from the details (a missing one is empty). */
function fillReason(parts: readonly string[], lang: Locale, details: Readonly<Record<string, Detail | Quantity>>): string {
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    const v = details[k];
    // A defined value is an own detail (no placeholder is named as an inherited property);
    // hasOwn, a call, is left for the one case it decides: a detail given as undefined.
    if (v !== undefined) out += typeof v !== 'object' ? String(v) : 'zh' in v ? v[lang] : show(v);
    else if (Object.hasOwn(details, k)) out += String(v);
    out += parts[i + 1]!;
  }
  return out;
}

/** A reason from its messages: the object and its messages frozen, `message` in the locale's language. */
function reasonOf(code: ReasonCode, zh: string, en: string, locale: Locale): Reason {
  return Object.freeze({ code, messages: Object.freeze({ zh, en }), message: locale === 'en' ? en : zh });
}

export function makeReason(s: ReasonSpec, locale: Locale): Reason {
  if ('part' in s) {
    // A part that decided the cell did not pass, so it has a reason.
    const r = s.part.reason!;
    return s.name === null ? r : prefixReason(r, s.name, locale);
  }
  const t = TEMPLATES.get(s.code)!;
  return reasonOf(s.code, fillReason(t.zh, 'zh', s.details), fillReason(t.en, 'en', s.details), locale);
}

/** Re-issue a part's reason under the cell: the same code, its message prefixed by the part's label. */
export function prefixReason(r: Reason, label: string, locale: Locale): Reason {
  return reasonOf(r.code, fill(PART_PREFIX.zh, { label }) + r.messages.zh, fill(PART_PREFIX.en, { label }) + r.messages.en, locale);
}

/**
 * makeReason(spec(code, { actual, target: show(q), op }), locale) for a failing compare
 * verdict (BELOW_TARGET, ABOVE_TARGET, NOT_EQUAL, EQUALS_EXCLUDED): their templates begin
 * with text and {actual} in both languages (test/evaluate/verdict-messages.test.ts checks the
 * messages against the templates), so a message is the rest filled once and joined.
 */
export function compareReason(code: ReasonCode, actual: string, q: Quantity, op: string, locale: Locale): Reason {
  const t = TEMPLATES.get(code)!;
  const details = { target: show(q), op };
  const zh = fillReason(t.zh.slice(2), 'zh', details);
  const en = fillReason(t.en.slice(2), 'en', details);
  return reasonOf(code, t.zh[0]! + actual + zh, t.en[0]! + actual + en, locale);
}

/** A quantity as people write it (`4999999999.99元`, `95%`). */
export function show(q: Quantity): string {
  return formatQuantity(q);
}

export type KindName = keyof typeof KIND_NAMES.zh;
export function kindName(k: KindName): { zh: string; en: string } {
  return { zh: KIND_NAMES.zh[k], en: KIND_NAMES.en[k] };
}
