import type { EvaluateOptions } from '../index.js';
import { parseQuantity, type Locale } from '../index.js';
import type { ColumnRef, ColumnRole, TableFormat, TableOptions } from '../table/index.js';
import { readChoice, usage } from './args.js';
import { COLUMN_OPTIONS, COMMON_OPTIONS, JUDGE_OPTIONS, PARSE_OPTIONS, READ_OPTIONS, TABLE_LIMIT_OPTIONS } from './spec.js';

/**
 * Options shared by the commands, checked once: each reader returns the value or throws
 * a UsageError (exit code 2).
 */

export function readLocale(v: string | undefined): Locale | undefined {
  return readChoice<Locale>(COMMON_OPTIONS, 'locale', v);
}

export function readYear(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) usage('BAD_YEAR', { value: v });
  return Number(v);
}

export function readFen(v: string | undefined): 'score' | 'cent' | undefined {
  return readChoice(PARSE_OPTIONS, 'fen', v);
}

/** A decimal written as text (never through a float): `--band 0.5`. */
export function readDecimalText(name: string, v: string | undefined, { min, max }: { min: string; max?: string }): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(v.trim()) || (max !== undefined && !atMost(v.trim(), max))) {
    if (max === undefined) usage('NUMBER_AT_LEAST', { option: `--${name}`, min, value: v });
    usage('NUMBER_BETWEEN', { option: `--${name}`, min, max, value: v });
  }
  return v.trim();
}

/** `text ≤ max` for plain non-negative decimals, compared as digits (no float). */
function atMost(text: string, max: string): boolean {
  const [ti = '', tf = ''] = text.replace(/^\+/, '').split('.');
  const [mi = '', mf = ''] = max.split('.');
  const a = ti.replace(/^0+(?=\d)/, '');
  const b = mi.replace(/^0+(?=\d)/, '');
  if (a.length !== b.length) return a.length < b.length;
  if (a !== b) return a < b;
  const n = Math.max(tf.length, mf.length);
  return tf.padEnd(n, '0') <= mf.padEnd(n, '0');
}

export function readInteger(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) usage('WHOLE_NUMBER_BETWEEN', { option: `--${name}`, min, max, value: v });
  return Number(v);
}

/**
 * `--tolerance 10%` (relative) or `--tolerance 2个百分点` / `1万元` (absolute): a quantity,
 * checked here so that a bad one is a usage error before any row is read.
 */
export function readTolerance(v: string, locale: Locale): string {
  const t = v.trim();
  if (t === '') usage('EMPTY_VALUE', { option: '--tolerance', arg: JUDGE_OPTIONS.tolerance.arg });
  let negative: boolean;
  try {
    negative = parseQuantity(t, { locale }).value.isNegative();
  } catch {
    negative = true;
  }
  if (negative) usage('BAD_TOLERANCE', { value: v });
  return t;
}

/** `--fail-on fail`, `--fail-on fail,unknown` (also repeated). */
export function readFailOn(v: string[] | undefined): Set<'partial' | 'fail' | 'unknown'> {
  const out = new Set<'partial' | 'fail' | 'unknown'>();
  for (const item of (v ?? []).flatMap((x) => x.split(','))) {
    const s = item.trim();
    if (s !== 'partial' && s !== 'fail' && s !== 'unknown') usage('BAD_FAIL_ON', { value: item });
    out.add(s);
  }
  return out;
}

type TableValues = Partial<Record<keyof typeof READ_OPTIONS | keyof typeof COLUMN_OPTIONS | keyof typeof TABLE_LIMIT_OPTIONS, string>>;

/** The largest value a limit flag takes: beyond it memory, not the limit, is what stops a run. */
const LIMIT_MAX = 2 ** 31 - 1;

/** `--max-length N`: the longest cell read (ParseOptions.maxLength). */
export function readMaxLength(v: string | undefined): number | undefined {
  return readInteger('max-length', v, 1, LIMIT_MAX);
}

/** The reading limits of a table (docs/security.md): each flag, the option it sets, its largest value. */
const TABLE_LIMITS = [
  ['max-line-bytes', 'maxLineBytes', LIMIT_MAX],
  ['max-record-lines', 'maxRecordLines', LIMIT_MAX],
  ['max-record-chars', 'maxRecordChars', LIMIT_MAX],
  ['max-inflated-bytes', 'maxInflatedBytes', Number.MAX_SAFE_INTEGER],
  ['max-inflate-ratio', 'maxInflateRatio', LIMIT_MAX],
  ['header-search-rows', 'headerSearchRows', LIMIT_MAX],
  ['header-search-chars', 'headerSearchChars', LIMIT_MAX],
] as const satisfies ReadonlyArray<readonly [keyof TableValues, keyof TableOptions, number]>;

/** The reading limits of a table from their flags, into the table options. */
function readTableLimits(values: TableValues, options: { -readonly [K in keyof TableOptions]: TableOptions[K] }): void {
  for (const [flag, option, max] of TABLE_LIMITS) {
    const v = readInteger(flag, values[flag], 1, max);
    if (v !== undefined) options[option] = v;
  }
}

const ROLES: readonly ColumnRole[] = ['indicator', 'target', 'op', 'unit', 'actual', 'weight'];

export function readTableOptions(values: TableValues, locale: Locale | undefined, roles: readonly ColumnRole[] = ROLES): TableOptions {
  const options: { -readonly [K in keyof TableOptions]: TableOptions[K] } = {};
  if (locale !== undefined) options.locale = locale;
  const format = readChoice<TableFormat>(READ_OPTIONS, 'format-in', values['format-in']);
  if (format !== undefined) options.format = format;
  if (values.encoding !== undefined) {
    if (values.encoding.trim() === '') usage('EMPTY_VALUE', { option: '--encoding', arg: 'utf-8, gbk, gb18030, utf-16le …' });
    options.encoding = values.encoding;
  }
  if (values.sheet !== undefined) options.sheet = values.sheet;
  const period = readChoice<'full' | 'half'>(READ_OPTIONS, 'period', values.period);
  if (period !== undefined) options.period = period;
  if (values.header !== undefined) {
    const h = values.header.trim();
    if (h === 'auto' || h === 'none') options.header = h;
    else if (/^\d+$/.test(h) && Number(h) >= 1) options.header = Number(h);
    else usage('BAD_HEADER', { value: values.header });
  }
  const columns: Partial<Record<ColumnRole, ColumnRef>> = {};
  for (const role of roles) {
    const v = values[role];
    if (v === undefined) continue;
    if (v.trim() === '') usage('EMPTY_VALUE', { option: `--${role}`, arg: 'COLUMN' });
    if (/^\s*0+\s*$/.test(v)) usage('COLUMN_FROM_ONE', { option: `--${role}` });
    columns[role] = v;
  }
  if (Object.keys(columns).length > 0) options.columns = columns;
  readTableLimits(values, options);
  return options;
}

/** The evaluate/score options `check` and `eval` share, read from their flags. */
export type EvaluateValues = Partial<Record<keyof typeof JUDGE_OPTIONS | 'max-length', string>>;

export function readEvaluateOptions(values: EvaluateValues, locale: Locale, into: { -readonly [K in keyof EvaluateOptions]?: EvaluateOptions[K] }): void {
  const year = readYear(values.year);
  if (year !== undefined) into.year = year;
  const fen = readFen(values.fen);
  if (fen !== undefined) into.fen = fen;
  const polarity = readChoice<'positive' | 'negative'>(JUDGE_OPTIONS, 'polarity', values.polarity);
  if (polarity !== undefined) into.polarity = polarity;
  if (values.tolerance !== undefined) into.tolerance = readTolerance(values.tolerance, locale);
  const equals = readChoice<'reached' | 'exact'>(JUDGE_OPTIONS, 'equals', values.equals);
  if (equals !== undefined) into.equals = equals;
  const reverseRule = readChoice<'ratio' | 'linear'>(JUDGE_OPTIONS, 'reverse-rule', values['reverse-rule']);
  if (reverseRule !== undefined) into.reverseRule = reverseRule;
  const band = readDecimalText('band', values.band, { min: '0', max: '1' });
  if (band !== undefined) into.band = band;
  const scale = readInteger('scale', values.scale, 0, 40);
  if (scale !== undefined) into.scale = scale;
  const maxLength = readMaxLength(values['max-length']);
  if (maxLength !== undefined) into.maxLength = maxLength;
}
