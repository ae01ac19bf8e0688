import type { EvaluateOptions } from '../index.js';
import { parseQuantity, type Locale } from '../index.js';
import type { ColumnRef, ColumnRole, TableFormat, TableOptions, TableSource } from '../table/index.js';

/**
 * Options shared by the commands, checked once: each reader returns the value or a
 * message for a usage error (exit code 2).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function usage(message: string): never {
  throw new UsageError(message);
}

export const LOCALE_OPTION = { locale: { type: 'string' } } as const;

export function readLocale(v: string | undefined): Locale | undefined {
  if (v === undefined) return undefined;
  if (v !== 'zh' && v !== 'en') usage('--locale must be zh or en');
  return v;
}

export function readYear(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) usage('--year must be a four-digit year');
  return Number(v);
}

export function readFen(v: string | undefined): 'score' | 'cent' | undefined {
  if (v === undefined) return undefined;
  if (v !== 'score' && v !== 'cent') usage('--fen must be score or cent');
  return v;
}

export function readChoice<T extends string>(name: string, v: string | undefined, choices: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(choices as readonly string[]).includes(v)) usage(`--${name} must be ${choices.join(', ').replace(/, ([^,]*)$/, ' or $1')}`);
  return v as T;
}

/** A decimal written as text (never through a float): `--band 0.5`. */
export function readDecimalText(name: string, v: string | undefined, { min, max }: { min?: string; max?: string } = {}): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(v.trim())) usage(`--${name} must be a number${min === '0' ? ' of at least 0' : ''}${max ? ` up to ${max}` : ''}`);
  return v.trim();
}

export function readInteger(name: string, v: string | undefined, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) usage(`--${name} must be a whole number from ${min} to ${max}`);
  return Number(v);
}

/**
 * `--tolerance 10%` (relative) or `--tolerance 2个百分点` / `1万元` (absolute): a quantity,
 * checked here so that a bad one is a usage error before any row is read.
 */
export function readTolerance(v: string, locale: Locale): string {
  const t = v.trim();
  if (t === '') usage('--tolerance needs a value such as 10% or 2个百分点');
  let negative: boolean;
  try {
    negative = parseQuantity(t, { locale }).value.isNegative();
  } catch {
    negative = true;
  }
  if (negative) usage(`--tolerance must be a quantity of at least 0 such as 10%, 2个百分点 or 1万元, not "${v}"`);
  return t;
}

/** `--fail-on fail`, `--fail-on fail,unknown` (also repeated). */
export function readFailOn(v: string[] | undefined): Set<'partial' | 'fail' | 'unknown'> {
  const out = new Set<'partial' | 'fail' | 'unknown'>();
  for (const item of (v ?? []).flatMap((x) => x.split(','))) {
    const s = item.trim();
    if (s !== 'partial' && s !== 'fail' && s !== 'unknown') usage(`--fail-on takes partial, fail and unknown (comma-separated), not "${item}"`);
    out.add(s);
  }
  return out;
}

/** What reads a table: the input, its format, encoding and sheet, and where its columns are. */
export const TABLE_OPTIONS = {
  'format-in': { type: 'string' },
  encoding: { type: 'string' },
  sheet: { type: 'string' },
  period: { type: 'string' },
  header: { type: 'string' },
  indicator: { type: 'string' },
  target: { type: 'string' },
  op: { type: 'string' },
  unit: { type: 'string' },
  actual: { type: 'string' },
  weight: { type: 'string' },
} as const;

type TableValues = Partial<Record<keyof typeof TABLE_OPTIONS, string>>;

const ROLES: readonly ColumnRole[] = ['indicator', 'target', 'op', 'unit', 'actual', 'weight'];

export function readTableOptions(values: TableValues, locale: Locale | undefined, roles: readonly ColumnRole[] = ROLES): TableOptions {
  const options: { -readonly [K in keyof TableOptions]: TableOptions[K] } = {};
  if (locale !== undefined) options.locale = locale;
  const format = readChoice<TableFormat>('format-in', values['format-in'], ['csv', 'tsv', 'jsonl', 'xlsx']);
  if (format !== undefined) options.format = format;
  if (values.encoding !== undefined) {
    if (values.encoding.trim() === '') usage('--encoding needs an encoding name (utf-8, gbk, gb18030, utf-16le …)');
    options.encoding = values.encoding;
  }
  if (values.sheet !== undefined) options.sheet = values.sheet;
  const period = readChoice('period', values.period, ['full', 'half'] as const);
  if (period !== undefined) options.period = period;
  if (values.header !== undefined) {
    const h = values.header.trim();
    if (h === 'auto' || h === 'none') options.header = h;
    else if (/^\d+$/.test(h) && Number(h) >= 1) options.header = Number(h);
    else usage('--header must be the header\'s line number (from 1), auto or none');
  }
  const columns: Partial<Record<ColumnRole, ColumnRef>> = {};
  for (const role of roles) {
    const v = values[role];
    if (v === undefined) continue;
    if (v.trim() === '') usage(`--${role} needs a column: a header name or a position from 1`);
    if (/^\s*0+\s*$/.test(v)) usage(`--${role}: columns count from 1`);
    columns[role] = v;
  }
  if (Object.keys(columns).length > 0) options.columns = columns;
  return options;
}

/** `-` is standard input; anything else a file path. */
export function sourceOf(positionals: readonly string[], command: string): { source: TableSource; name: string } {
  if (positionals.length === 0) usage(`${command} needs a table: a file, or - for standard input`);
  if (positionals.length > 1) usage(`${command} reads one table, got ${positionals.length}: ${positionals.join(' ')}`);
  const file = positionals[0]!;
  if (file === '-') return { source: process.stdin, name: '<stdin>' };
  return { source: file, name: file };
}

/** The evaluate/score options `check` and `eval` share, read from their flags. */
export interface EvaluateValues {
  year?: string | undefined;
  fen?: string | undefined;
  polarity?: string | undefined;
  tolerance?: string | undefined;
  equals?: string | undefined;
  'reverse-rule'?: string | undefined;
  band?: string | undefined;
  scale?: string | undefined;
}

export function readEvaluateOptions(values: EvaluateValues, locale: Locale, into: { -readonly [K in keyof EvaluateOptions]?: EvaluateOptions[K] }): void {
  const year = readYear(values.year);
  if (year !== undefined) into.year = year;
  const fen = readFen(values.fen);
  if (fen !== undefined) into.fen = fen;
  const polarity = readChoice('polarity', values.polarity, ['positive', 'negative'] as const);
  if (polarity !== undefined) into.polarity = polarity;
  if (values.tolerance !== undefined) into.tolerance = readTolerance(values.tolerance, locale);
  const equals = readChoice('equals', values.equals, ['reached', 'exact'] as const);
  if (equals !== undefined) into.equals = equals;
  const reverseRule = readChoice('reverse-rule', values['reverse-rule'], ['ratio', 'linear'] as const);
  if (reverseRule !== undefined) into.reverseRule = reverseRule;
  const band = readDecimalText('band', values.band, { min: '0', max: '1' });
  if (band !== undefined) into.band = band;
  const scale = readInteger('scale', values.scale, 0, 40);
  if (scale !== undefined) into.scale = scale;
}
