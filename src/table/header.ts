import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import {
  ACTUAL_NAMES, INDICATOR_NAMES, LEVEL_NAMES, OP_NAMES, TARGET_NAMES_ANY_PERIOD, TARGET_NAMES_BY_PERIOD, UNIT_NAMES, WEIGHT_NAMES,
  type ColumnRole, type Period,
} from '../vocab/columns.js';
import { TableError } from './errors.js';
import type { RawRow } from './types.js';

export type { ColumnRole, Period } from '../vocab/columns.js';

/** A column named by its header text, or by its position from 1. */
export type ColumnRef = string | number;

export interface DetectOptions {
  /**
   * Columns named explicitly; they override detection. A number is a position from 1;
   * a string is a header name, compared as header names are (`headerKey`), and a string
   * of digits that names no header column is a position.
   */
  columns?: Partial<Record<ColumnRole, ColumnRef>>;
  /** Which target column to read when a table has both: 全年指标值 (default) or 半年指标值. */
  period?: Period;
  /**
   * `auto` (default): the header row is found (see `isHeaderRow`). A number: the header is
   * the row on that line. `none`: there is no header and every column is named by position.
   */
  header?: 'auto' | 'none' | number;
  /** How many rows `auto` looks through for the header (default 1000). */
  headerSearchRows?: number;
  /**
   * How many characters of cells the rows held while the header is looked for may have in
   * all (default 16 Mi, DEFAULT_HEADER_SEARCH_CHARS): past it the search stops as past
   * `headerSearchRows` does, so title rows cannot hold gigabytes.
   */
  headerSearchChars?: number;
  locale?: Locale;
}

/** Where each column of the table is, as 0-based cell positions. */
export interface ColumnMap {
  readonly indicator: number | null;
  readonly target: number;
  readonly op: number | null;
  readonly unit: number | null;
  readonly actual: number | null;
  readonly weight: number | null;
  /** Indicator levels above the indicator (一级指标, 二级指标), left to right. */
  readonly levels: readonly number[];
  /** The header text of each role's column (`null` when absent or when there is no header). */
  readonly names: Readonly<Record<ColumnRole, string | null>>;
  /** Cells in the header row (0 without a header row). */
  readonly width: number;
  /** The header's line (null without a header row). */
  readonly line: number | null;
}

export const DEFAULT_HEADER_SEARCH_ROWS = 1000;
export const DEFAULT_HEADER_SEARCH_CHARS = 16 * 1024 * 1024;

export const ROLES: readonly ColumnRole[] = ['indicator', 'target', 'op', 'unit', 'actual', 'weight'];

/**
 * A header cell reduced to what identifies it: NFKC (full-width letters and brackets
 * become ASCII), HTML tags and entities removed, lower case, no white space, `_` or `-`,
 * no required-field stars or trailing colon, and one trailing bracketed remark dropped
 * (`年度指标值（A）`, `分值(分)`, `实际完成值【必填】`).
 */
export function headerKey(text: string): string {
  // Every data row is checked for a repeated header, and most of its cells (indicator
  // names, targets, actual values) are distinct: text that none of the steps below can
  // change is its own key, without NFKC and five replacements (about 0.7 µs a cell).
  if (PLAIN.test(text)) return text;
  return computeKey(text);
}

/**
 * Text that is its own key: CJK unified ideographs (U+4E00–U+9FFF, none of which NFKC
 * changes or composes), ASCII digits and lower-case letters, and `.%‰≥≤=`; no tag,
 * entity, white space, `_`, `-`, star, colon or bracket for computeKey to remove.
 */
const PLAIN = /^[0-9a-z.%‰≥≤=\u4e00-\u9fff]*$/;

function computeKey(text: string): string {
  let s = text.normalize('NFKC')
    .replace(/<\/?[A-Za-z][^<>]*>/g, '')
    .replace(/&(?:nbsp|#160|#xa0);/gi, ' ')
    .toLowerCase()
    .replace(/[\s_\-\u200b\ufeff]+/g, '')
    .replace(/^\*+/, '');
  s = trimEnd(s, '*:');
  const stripped = s.replace(/(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕)$/, '');
  if (stripped !== '') s = trimEnd(stripped, '*:');
  return s;
}

/** Drops the given characters from the end. A loop, not /[*:]+$/, which is quadratic on long runs. */
function trimEnd(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** Longer cells are never header names, even wrapped in HTML (`<p style="…">全年指标值</p>`). */
const MAX_HEADER_CELL = 120;

const keysOf = (names: readonly string[]): string[] => names.map(headerKey);

const KNOWN = new Set<string>([
  ...keysOf(INDICATOR_NAMES), ...keysOf(TARGET_NAMES_BY_PERIOD.full), ...keysOf(TARGET_NAMES_BY_PERIOD.half),
  ...keysOf(TARGET_NAMES_ANY_PERIOD), ...keysOf(OP_NAMES), ...keysOf(UNIT_NAMES), ...keysOf(ACTUAL_NAMES),
  ...keysOf(WEIGHT_NAMES), ...LEVEL_NAMES.flatMap(keysOf),
]);

function namesFor(role: Exclude<ColumnRole, 'target'>): readonly string[] {
  switch (role) {
    case 'indicator': return INDICATOR_NAMES;
    case 'op': return OP_NAMES;
    case 'unit': return UNIT_NAMES;
    case 'actual': return ACTUAL_NAMES;
    case 'weight': return WEIGHT_NAMES;
  }
}

/** For NO_HEADER: the names the header was looked for by, when the options gave some. */
export function namedHint(options: DetectOptions): { named_zh: string; named_en: string } {
  const named = explicitNames(options);
  if (named.length === 0) return { named_zh: '', named_en: '' };
  return { named_zh: `，或含有 ${named.join('、')}`, named_en: `, or one with ${named.join(', ')}` };
}

/** String column options that can only be names (not positions). */
function explicitNames(options: DetectOptions): string[] {
  return Object.values(options.columns ?? {}).filter((v): v is string => typeof v === 'string' && !/^\s*\d+\s*$/.test(v));
}

/**
 * A header row is the first row where at least two cells are known header names; when
 * columns are named in the options, the first row that has all of those names instead.
 */
export function isHeaderRow(cells: readonly string[], options: DetectOptions = {}): boolean {
  return headerRowTest(options)(cells);
}

/**
 * `isHeaderRow` with the options read once, for a classifier that asks it of every row
 * (reading them cost three small arrays a row).
 */
export function headerRowTest(options: DetectOptions = {}): (cells: readonly string[]) => boolean {
  const named = explicitNames(options);
  if (named.length > 0) {
    const wanted = named.map(headerKey);
    return (cells) => {
      const keys = cells.map(headerKey);
      return wanted.every((k) => keys.includes(k));
    };
  }
  // Data cells repeat (`=100%`, `健全`, the weights) and every row is asked: the keys of the
  // cells met are kept for the rows of this one reading, bounded.
  const keys = new Map<string, string>();
  const keyOf = (c: string): string => {
    let k = keys.get(c);
    if (k === undefined) {
      if (keys.size >= KEY_MEMO_SIZE) keys.clear();
      keys.set(c, (k = headerKey(c)));
    }
    return k;
  };
  return (cells) => hasKnownNames(cells, keyOf);
}

/** Cells whose keys a reading keeps (`headerRowTest`). */
const KEY_MEMO_SIZE = 4096;

/** The first characters of the known names' keys. */
const KNOWN_FIRST = new Set([...KNOWN].map((k) => k.charCodeAt(0)));

/**
 * Whether a cell's key would begin with the cell's own first character: an ideograph
 * (U+4E00–U+9FFF) or an ASCII digit, which NFKC leaves as it is and composes with nothing,
 * and none of computeKey's steps removes from the front. Then a first character no known
 * key begins with rules the cell out. A cell beginning with `=`, `≥` or `≤` (targets) is
 * ruled out too: NFKC keeps these or composes them with a following U+0338 into `≠`, `≱`,
 * `≰`, and no name begins with a sign. test/table/columns.test.ts checks this on generated
 * cells.
 */
export function cannotBeKnownName(cell: string): boolean {
  const c0 = cell.charCodeAt(0);
  return (((c0 >= 0x4e00 && c0 <= 0x9fff) || (c0 >= 48 && c0 <= 57)) && !KNOWN_FIRST.has(c0)) || c0 === 61 || c0 === 0x2265 || c0 === 0x2264;
}

function hasKnownNames(cells: readonly string[], keyOf: (cell: string) => string): boolean {
  // Every data row is checked for a repeated header, so cells that cannot be a header
  // name (long text, a first character no name's key begins with: the numbers and most
  // words of data rows) are not normalised at all.
  let found = 0;
  for (const c of cells) {
    if (c === '' || c.length > MAX_HEADER_CELL || cannotBeKnownName(c)) continue;
    const k = keyOf(c);
    if (k !== '' && KNOWN.has(k) && ++found >= 2) return true;
  }
  return false;
}

/**
 * The columns of a header row (or of a keyed row's keys). Throws a TableError when no
 * target column can be found or a named column is not there.
 */
export function mapColumns(header: readonly string[], line: number | null, options: DetectOptions = {}): ColumnMap {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const period = options.period ?? 'full';
  if (period !== 'full' && period !== 'half') throw new TableError('INVALID_OPTION', { detail: `period must be "full" or "half", not "${String(period)}"` }, { locale });
  const keys = header.map(headerKey);
  const used = new Set<number>();
  const found: Record<ColumnRole, number | null> = { indicator: null, target: null, op: null, unit: null, actual: null, weight: null };

  // Explicit columns first, so that detection never takes a column the options gave to another role.
  for (const role of ROLES) {
    const ref = options.columns?.[role];
    if (ref === undefined) continue;
    const i = resolveRef(ref, keys, role, line, locale);
    found[role] = i;
    used.add(i);
  }
  const pick = (names: readonly string[]): number | null => {
    for (const name of names) {
      const k = headerKey(name);
      const i = keys.findIndex((x, j) => x === k && !used.has(j));
      if (i !== -1) {
        // Two columns of one name: taking the first would judge the wrong one silently.
        ambiguous(header, keys, k, i, line, locale);
        used.add(i);
        return i;
      }
    }
    return null;
  };
  if (found.target === null) found.target = pick([...TARGET_NAMES_BY_PERIOD[period], ...TARGET_NAMES_ANY_PERIOD]);
  if (found.target === null) {
    const other = period === 'full' ? 'half' : 'full';
    const otherName = header.find((_c, j) => keysOf(TARGET_NAMES_BY_PERIOD[other]).includes(keys[j]!));
    const name = otherName?.trim();
    throw new TableError('NO_TARGET_COLUMN', {
      line: line ?? 0,
      period_zh: period === 'full' ? '全年' : '半年',
      period_en: period === 'full' ? 'full-year' : 'half-year',
      hint_zh: name === undefined ? '' : `；表头有“${name}”，要读它请用 period: '${other}'`,
      hint_en: name === undefined ? '' : `; the header has "${name}": use period '${other}' to read it`,
    }, { locale });
  }
  for (const role of ['indicator', 'op', 'unit', 'actual', 'weight'] as const) {
    if (found[role] === null) found[role] = pick(namesFor(role));
  }
  const levels: number[] = [];
  for (const group of LEVEL_NAMES) {
    const i = pick(group);
    if (i !== null) levels.push(i);
  }
  levels.sort((a, b) => a - b);
  const nameOf = (i: number | null): string | null => (i === null || i >= header.length ? null : header[i]!.trim() || null);
  return Object.freeze({
    indicator: found.indicator,
    target: found.target,
    op: found.op,
    unit: found.unit,
    actual: found.actual,
    weight: found.weight,
    levels: Object.freeze(levels),
    names: Object.freeze({
      indicator: nameOf(found.indicator), target: nameOf(found.target), op: nameOf(found.op),
      unit: nameOf(found.unit), actual: nameOf(found.actual), weight: nameOf(found.weight),
    }),
    width: line === null ? 0 : header.length,
    line,
  });
}

/** The columns when there is no header row: every one must be given by position. */
export function positionalColumns(options: DetectOptions = {}): ColumnMap | null {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const cols = options.columns ?? {};
  const at: Record<ColumnRole, number | null> = { indicator: null, target: null, op: null, unit: null, actual: null, weight: null };
  for (const role of ROLES) {
    const ref = cols[role];
    if (ref === undefined) continue;
    const n = typeof ref === 'number' ? ref : /^\s*\d+\s*$/.test(ref) ? Number(ref) : NaN;
    if (Number.isNaN(n)) return null;
    at[role] = checkPosition(n, role, locale);
  }
  if (at.target === null) return null;
  return Object.freeze({
    ...at,
    target: at.target,
    levels: Object.freeze([]),
    names: Object.freeze({ indicator: null, target: null, op: null, unit: null, actual: null, weight: null }),
    width: 0,
    line: null,
  });
}

function checkPosition(n: number, role: ColumnRole, locale: Locale): number {
  if (!Number.isInteger(n) || n < 1) throw new TableError('COLUMN_OUT_OF_RANGE', { column: String(n), role }, { locale });
  return n - 1;
}

/**
 * Throws AMBIGUOUS_COLUMN when the header has another column of the key `k` besides `i`:
 * a role is never given to the first of two columns of one name by chance. Naming the
 * column by position (`columns: { target: 5 }`, `--column 5`) chooses.
 */
function ambiguous(header: readonly string[], keys: readonly string[], k: string, i: number, line: number | null, locale: Locale): void {
  const other = keys.indexOf(k, i + 1);
  if (other === -1) return;
  throw new TableError('AMBIGUOUS_COLUMN', { column: (header[i] ?? '').trim(), first: i + 1, second: other + 1, line: line ?? 0 }, { locale });
}

function resolveRef(ref: ColumnRef, keys: readonly string[], role: ColumnRole, line: number | null, locale: Locale): number {
  if (typeof ref === 'number') return checkPosition(ref, role, locale);
  const i = keys.indexOf(headerKey(ref));
  if (i !== -1) {
    ambiguous(keys, keys, keys[i]!, i, line, locale);
    return i;
  }
  if (/^\s*\d+\s*$/.test(ref)) return checkPosition(Number(ref), role, locale);
  throw new TableError('UNKNOWN_COLUMN', { column: ref, role, line: line ?? 0 }, { locale });
}

export interface HeaderFound {
  /** Position of the header row among the rows given (-1: no header row, columns by position). */
  readonly index: number;
  readonly columns: ColumnMap;
}

/**
 * Find the header row among the first rows of a table and map its columns. Title rows
 * above it (the form's name, the unit, the year) are what `index` skips.
 */
export function detectColumns(rows: Iterable<RawRow>, options: DetectOptions = {}): HeaderFound {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const header = options.header ?? 'auto';
  const limit = options.headerSearchRows ?? DEFAULT_HEADER_SEARCH_ROWS;
  let index = 0;
  if (header === 'none') {
    const columns = positionalColumns(options);
    if (columns === null) throw new TableError('INVALID_OPTION', { detail: 'without a header row, name the target column (and the others) by position' }, { locale });
    return { index: -1, columns };
  }
  for (const row of rows) {
    if (index >= limit) break;
    const wanted = typeof header === 'number' ? row.line === header : isHeaderRow(row.cells, options);
    if (wanted) return { index, columns: mapColumns(row.cells, row.line, options) };
    index++;
  }
  const columns = positionalColumns(options);
  if (columns !== null && typeof header !== 'number') return { index: -1, columns };
  throw new TableError('NO_HEADER', { rows: index, ...namedHint(options) }, { locale });
}
