import { clean } from '../text/clean.js';
import {
  ACHIEVED_PREFIXES, ACHIEVED_WORDS, NEGATION_PREFIXES, NONE_WORDS, NOT_ACHIEVED_WORDS, PARTIAL_PREFIXES, PARTIAL_WORDS,
} from '../vocab/achievement.js';

/** What a word in the actual column says about the target, whatever the target is. */
export type WordClass = 'achieved' | 'partial' | 'not-achieved' | 'none';

const WORDS: ReadonlyMap<string, WordClass> = new Map<string, WordClass>([
  ...NONE_WORDS.map((w) => [w, 'none'] as const),
  ...NOT_ACHIEVED_WORDS.map((w) => [w, 'not-achieved'] as const),
  ...PARTIAL_WORDS.map((w) => [w, 'partial'] as const),
  ...ACHIEVED_WORDS.map((w) => [w, 'achieved'] as const),
]);

/** The cleaned text of an actual with no spaces at all: what word tables are matched against. */
export function compact(text: string): string {
  return clean(text).text.replace(/\s+/g, '');
}

/** First char codes of the words: most actuals (`52.3亿元`, `98%`) begin with none, and skip the lookup. */
const FIRST = new Set([...WORDS.keys()].map((w) => w.charCodeAt(0)));

export function wordClass(compactText: string): WordClass | null {
  if (!FIRST.has(compactText.charCodeAt(0))) return null;
  return WORDS.get(compactText) ?? null;
}

/** Longest first, so that `已经` is tried before `已` and `没有` before nothing. */
const byLength = (xs: readonly string[]): string[] => [...xs].sort((a, b) => b.length - a.length);
const ACHIEVED_PRE = byLength(ACHIEVED_PREFIXES);
const PARTIAL_PRE = byLength(PARTIAL_PREFIXES);
const NEGATION_PRE = byLength(NEGATION_PREFIXES);

export type TermRelation = 'same' | 'achieved' | 'partial' | 'negated';

/**
 * How an actual relates to a target's own term: the term itself, or the term after a
 * word that says it was met (`已公开`), partly met (`基本健全`) or not met (`不健全`).
 */
export function termRelation(actual: string, term: string): TermRelation | null {
  if (term === '') return null;
  if (actual === term) return 'same';
  if (!actual.endsWith(term)) return null;
  const head = actual.slice(0, actual.length - term.length);
  if (NEGATION_PRE.includes(head)) return 'negated';
  if (PARTIAL_PRE.includes(head)) return 'partial';
  if (ACHIEVED_PRE.includes(head)) return 'achieved';
  return null;
}

/** Split a leading negation off (`未提高` → `提高`); null when there is none. */
export function stripNegation(actual: string): string | null {
  for (const p of NEGATION_PRE) if (actual.startsWith(p) && actual.length > p.length) return actual.slice(p.length);
  return null;
}

/** Split a leading word of completion off (`已提高` → `提高`). */
export function stripAchieved(actual: string): string {
  for (const p of ACHIEVED_PRE) if (actual.startsWith(p) && actual.length > p.length) return actual.slice(p.length);
  return actual;
}
