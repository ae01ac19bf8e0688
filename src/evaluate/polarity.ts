import { clean } from '../text/clean.js';
import { POLARITY_KEYWORDS, type Polarity, type PolarityKeyword } from '../vocab/polarity.js';
import type { Settings } from './options.js';

/**
 * The polarity a name implies (inferPolarity), kept by the parser of the evaluation (memo.ts):
 * a table names the same indicator on every row, and the scan of a name for every keyword
 * of the table costs more than the comparison it decides.
 */
export function namePolarity(name: string, s: Settings): Polarity | null {
  return s.engine.memo.polarities.get(name, polarityOf);
}

const polarityOf = (name: string): Polarity | null => inferPolarity(name)?.polarity ?? null;

interface Match { readonly start: number; readonly end: number; readonly entry: PolarityKeyword }

/**
 * The polarity an indicator name implies, and the keyword that decided it; null when no
 * keyword is in the name. The rule (documented with the table in vocab/polarity.ts):
 * longest matches win over the shorter ones they overlap, then any positive match wins.
 */
export function inferPolarity(name: string): { polarity: Polarity; keyword: string } | null {
  const text = clean(name).text.replace(/\s+/g, '');
  if (text === '') return null;
  const found: Match[] = [];
  // A unit or remark in brackets after the name (`宣传资料印刷费（万元）`) is not where it ends.
  const ending = withoutTrailingBrackets(text);
  for (const entry of POLARITY_KEYWORDS) {
    if (entry.atEnd) {
      if (ending.endsWith(entry.word)) found.push({ start: ending.length - entry.word.length, end: ending.length, entry });
      continue;
    }
    let at = text.indexOf(entry.word);
    while (at !== -1) {
      found.push({ start: at, end: at + entry.word.length, entry });
      at = text.indexOf(entry.word, at + 1);
    }
  }
  // Longest first; a match overlapping one already kept is part of a longer word.
  found.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.start - b.start);
  const kept: Match[] = [];
  for (const m of found) {
    if (!kept.some((k) => m.start < k.end && k.start < m.end)) kept.push(m);
  }
  const positive = kept.find((m) => m.entry.polarity === 'positive');
  if (positive) return { polarity: 'positive', keyword: positive.entry.word };
  const negative = kept.find((m) => m.entry.polarity === 'negative');
  return negative ? { polarity: 'negative', keyword: negative.entry.word } : null;
}

/** Brackets at the end of a name: `（万元）`, `(元/年)`, `【成本指标】`, one after another. */
const TRAILING_BRACKETS = /(?:[(（【\[][^()（）【】[\]]*[)）】\]])+$/;

function withoutTrailingBrackets(text: string): string {
  const m = TRAILING_BRACKETS.exec(text);
  return m === null || m.index === 0 ? text : text.slice(0, m.index);
}
