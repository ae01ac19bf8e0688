import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import { D, plain } from '../numbers/decimal.js';
import { rowError } from './errors.js';
import type { TextLine } from './delimited.js';
import type { RawRow } from './types.js';

/**
 * JSON lines: one object (a keyed row) or one array (a positional row) per line.
 *
 * Values become cell text without passing through a JS number: a number keeps the
 * digits it was written with (`1.10`, `12345678901234567890`), which JSON.parse would
 * round. JSON.parse still checks each line; the values are then cut from the line's own
 * text. `null` is an empty cell; `true`/`false` their words; a nested object or array its
 * JSON text. A repeated key keeps its last value, as JSON.parse does.
 */
export async function* parseJsonLines(lines: AsyncIterable<TextLine>, locale: Locale = DEFAULT_LOCALE): AsyncGenerator<RawRow> {
  for await (const l of lines) yield jsonRow(l, locale);
}

export function jsonRow(l: TextLine, locale: Locale = DEFAULT_LOCALE): RawRow {
  if (l.error !== null) return { line: l.number, cells: [], error: l.error };
  const text = l.text;
  if (text.trim() === '') return { line: l.number, cells: [], error: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    return { line: l.number, cells: [], error: rowError('BAD_JSON', { line: l.number, detail_zh: detail, detail_en: detail }, locale) };
  }
  if (parsed === null || typeof parsed !== 'object') {
    const detail = { detail_zh: '每行应为一个对象或数组', detail_en: 'each line must be an object or an array' };
    return { line: l.number, cells: [], error: rowError('BAD_JSON', { line: l.number, ...detail }, locale) };
  }
  const members = topLevelMembers(text);
  if (Array.isArray(parsed)) {
    const json = members.map((m) => m.value);
    return { line: l.number, cells: json.map(cellText), json, error: null };
  }
  const byKey = new Map<string, string>();
  for (const m of members) {
    const key = JSON.parse(m.key!) as string;
    byKey.delete(key);
    byKey.set(key, m.value);
  }
  const keys = [...byKey.keys()];
  const json = [...byKey.values()];
  return { line: l.number, cells: json.map(cellText), keys, json, error: null };
}

function cellText(json: string): string {
  const c = json[0];
  if (c === '"') return JSON.parse(json) as string;
  if (json === 'null') return '';
  return EXPONENT.test(json) ? plainNumber(json) : json;
}

/** A JSON number written with an exponent (`1e21`, `2.5E-3`), its exponent captured. */
const EXPONENT = /^-?\d+(?:\.\d+)?[eE]([-+]?\d+)$/;
/** Past this an exponent would spell out more zeros than any cell reader takes: kept as written. */
const MAX_SPELLED_EXPONENT = 400;

/**
 * `1e21` is a number JSON allows and a table cell never spells: its exact plain digits
 * (`1000000000000000000000`), so that it reads as the number it is.
 */
function plainNumber(json: string): string {
  const exponent = Number(EXPONENT.exec(json)![1]);
  return Math.abs(exponent) > MAX_SPELLED_EXPONENT ? json : plain(new D(json));
}

interface Member {
  /** The key's JSON text (objects only). */
  readonly key: string | null;
  readonly value: string;
}

/**
 * The JSON text of each member of the top-level object or array of a line that
 * JSON.parse accepted: a scan that only tracks strings and nesting depth.
 */
function topLevelMembers(text: string): Member[] {
  const out: Member[] = [];
  let i = text.search(/[[{]/) + 1;
  let depth = 1;
  let start = -1;
  let key: string | null = null;
  const flush = (end: number): void => {
    if (start === -1) return;
    const piece = text.slice(start, end).trim();
    if (piece !== '') out.push({ key, value: piece });
    start = -1;
    key = null;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const from = i;
      i++;
      while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      if (depth === 1 && start === -1) start = from;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (depth === 1) {
      if (c === ':') { key = text.slice(start, i).trim(); start = -1; continue; }
      if (c === ',') { flush(i); continue; }
      if (c === '}' || c === ']') { flush(i); return out; }
      if (start === -1) start = i;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return out;
}
