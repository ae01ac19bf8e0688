import { fill, templateParts, type Locale } from '../i18n/messages.js';
import { DETAILS, KIND_NAMES, PART_PREFIX, REASONS, type DetailKey, type ReasonCode } from '../i18n/reasons.js';
import { formatQuantity } from '../model/format.js';
import type { Quantity } from '../model/types.js';
import type { Reason } from './types.js';

/** A detail printed the same in both languages, or once per language. */
export type Detail = string | number | { readonly zh: string; readonly en: string };

/** A reason before its messages are written: the code and what fills them. */
export interface ReasonSpec {
  readonly code: ReasonCode;
  readonly details: Readonly<Record<string, Detail>>;
}

/** A message piece of i18n/reasons.ts in both languages, its placeholders filled. */
export function detail(key: DetailKey, vars: Record<string, string | number> = {}): { zh: string; en: string } {
  return { zh: fill(DETAILS[key].zh, vars), en: fill(DETAILS[key].en, vars) };
}

export function spec(code: ReasonCode, details: Record<string, Detail> = {}): ReasonSpec {
  return { code, details };
}

/** A reason template in one language, its placeholders filled from the details (a missing one is empty). */
function fillReason(template: string, lang: Locale, details: Readonly<Record<string, Detail>>): string {
  const parts = templateParts(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const k = parts[i]!;
    if (Object.hasOwn(details, k)) {
      const v = details[k]!;
      out += typeof v === 'object' ? v[lang] : String(v);
    }
    out += parts[i + 1]!;
  }
  return out;
}

const NO_PREFIX: ReadonlyArray<string> = Object.freeze([]);

export function makeReason(s: ReasonSpec, locale: Locale, prefix: ReadonlyArray<string> = NO_PREFIX): Reason {
  const t = REASONS[s.code];
  const pre = (lang: Locale): string => (prefix.length === 0 ? '' : prefix.map((label) => fill(PART_PREFIX[lang], { label })).join(''));
  const messages = Object.freeze({
    zh: pre('zh') + fillReason(t.zh, 'zh', s.details),
    en: pre('en') + fillReason(t.en, 'en', s.details),
  });
  return Object.freeze({ code: s.code, messages, message: messages[locale] });
}

/** Re-issue a part's reason under the cell: the same code, its message prefixed by the part's label. */
export function prefixReason(r: Reason, label: string, locale: Locale): Reason {
  const messages = Object.freeze({
    zh: fill(PART_PREFIX.zh, { label }) + r.messages.zh,
    en: fill(PART_PREFIX.en, { label }) + r.messages.en,
  });
  return Object.freeze({ code: r.code, messages, message: messages[locale] });
}

/** A quantity as people write it (`4999999999.99元`, `95%`). */
export function show(q: Quantity): string {
  return formatQuantity(q);
}

export type KindName = keyof typeof KIND_NAMES.zh;
export function kindName(k: KindName): { zh: string; en: string } {
  return { zh: KIND_NAMES.zh[k], en: KIND_NAMES.en[k] };
}
