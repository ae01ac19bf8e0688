import type { Transform } from 'node:stream';
import { callerRows, rowTransform } from './stream.js';
import {
  Decimal, grade, score, evaluate, toJSON,
  type DecimalInput, type EvaluateOptions, type Grade, type JsonValue, type ParseOptions, type Polarity, type Score,
  type Status, type Target, type Verdict,
} from '../index.js';
import { DEFAULT_LOCALE, fill, type Locale } from '../i18n/messages.js';
import type { ColumnMap, ColumnRole } from './header.js';
import { rowFailed } from './errors.js';
import { CHECK_MESSAGES } from './messages.js';
import type { RowInput } from './normalize.js';
import { readRows } from './read.js';
import { parseRecordTarget, pushSafely, RowClassifier, targetKey, type TableOptions, type TableRecord, type TableRow } from './rows.js';
import type { SourceInfo, TableSource } from './types.js';
import type { Rows } from './write.js';

/**
 * Checking a table: every data row's target parsed (split op / value / unit columns
 * joined), its actual value evaluated and, when the table has a weight column (分值),
 * scored; a summary kept as the rows go by. This is what `indicator-expr check` prints,
 * as a library API for pipelines:
 *
 *   checkTable(source)   a file, bytes or a byte stream → checked rows (+ `info`, `summary`)
 *   checkRows(rows)      rows already read (raw rows, arrays of cells, objects) → checked rows
 *   checkStream()        the same as an object-mode Transform
 *   RowChecker           the push-based core the three share
 *
 * One checked row comes out for each data row, in input order, whatever happened to it;
 * title, header and blank rows are not data and only show in the summary.
 */

export interface CheckOptions extends TableOptions {
  /** Higher (`positive`) or lower (`negative`) is better, for every row's implicit op; default: from each indicator's name. */
  polarity?: Polarity;
  /** For ≈ targets: relative (`"10%"`) or absolute (`"2个百分点"`); default 5 % of the target. */
  tolerance?: DecimalInput;
  /** The year of deadlines and actual dates written without one. */
  year?: number;
  /** `reached` (default): a written `=` means reached; `exact`: strictly equal. */
  equals?: 'reached' | 'exact';
  /** Scoring of lower-is-better misses (see EvaluateOptions). */
  reverseRule?: 'ratio' | 'linear';
  /** Where inside the qualitative bands a partial or failed verdict scores (0 … 1). */
  band?: DecimalInput;
  /** Decimal places of scores (default 2); null keeps them exact. */
  scale?: number | null;
  /** `分` as a score (default) or as a cent. */
  fen?: 'score' | 'cent';
  /** The longest target or actual cell read, in UTF-16 code units (default `MAX_INPUT_LENGTH`, 2000); a longer one is its row's `INPUT_TOO_LONG`. */
  maxLength?: number;
}

/** Codes of the errors the checker itself gives (besides the reader's and the parser's). */
export type CheckErrorCode = 'BAD_WEIGHT';

/** Why a data row could not be read or judged. */
export interface CheckError {
  /** A RowErrorCode of the reader (BAD_QUOTE, TOO_FEW_CELLS …), an ErrorCode of the parser (EMPTY, MISSING_NUMBER …) or BAD_WEIGHT. */
  readonly code: string;
  readonly message: string;
  readonly messages: { readonly zh: string; readonly en: string };
  /** Where it comes from: the reading of the row, the target cell, or the weight cell. */
  readonly source: 'row' | 'target' | 'weight';
}

/** One data row, checked. */
export interface CheckedRow {
  /** The line a person sees in the file (the sheet row for .xlsx). */
  readonly line: number;
  /** The indicator's name as its own row writes it (`''` when blank: never carried down); null when the table has none. */
  readonly indicator: string | null;
  /** The parsed target; null when the target could not be parsed (or the row not read). */
  readonly target: Target | null;
  /**
   * The verdict; null without an actual column (targets only), when the target could not
   * be parsed, and for a row that could not be read as written (its cells may be in the
   * wrong places, so judging them would be a guess).
   */
  readonly verdict: Verdict | null;
  /** The score (it holds the verdict too); null without a weight column, or when the verdict is null or the weight unreadable. */
  readonly score: Score | null;
  /** Why the row could not be read or judged; null when it was. */
  readonly error: CheckError | null;
  /** The row's cells by column role, as read; null for a row that could not be read at all. */
  readonly record: TableRecord | null;
}

/** What `indicator-expr check --format jsonl` prints for a row: the contract's shape. */
export interface CheckedRowJSON {
  line: number;
  indicator: string | null;
  target: JsonValue;
  verdict: JsonValue;
  score: JsonValue;
  error: { code: string; message: string } | null;
}

/** Counts and totals, updated as the rows go by; final once the rows have all come out. */
export interface CheckSummary {
  /** Data rows (every one of which came out). */
  rows: number;
  /** Data rows by verdict status. */
  status: Record<Status, number>;
  /** Data rows whose target parsed. */
  parsed: number;
  /** Data rows with an error. */
  errors: number;
  /** The columns of the (first) header, by role: header name, or `#n` for a column named by position. */
  columns: Partial<Record<ColumnRole, string>> | null;
  /** Whether the table has actual values (else only the targets were parsed) and weights. */
  hasActual: boolean;
  hasWeight: boolean;
  /** The header row's line (null when columns were named by position). */
  headerLine: number | null;
  /** Header rows repeated inside the table: skipped, counted, and the first 1000 of their lines listed. */
  repeatedHeaders: number[];
  repeatedHeaderCount: number;
  /** Rows that are not data (title, header) but could not be read as written: counted, the first 100 listed. */
  warnings: { line: number; code: string; message: string }[];
  warningCount: number;
  titleRows: number;
  blankRows: number;
  /** Sum of the scores earned (a decimal string); null without a weight column. */
  score: string | null;
  /** Sum of the weights of every data row with a readable weight (the form's total, usually 100). */
  weight: string | null;
  /** The part of `weight` that earned no score because the verdict is unknown or the row has an error. */
  unscoredWeight: string | null;
  /** `grade(score, weight)`; null without weights (or with a total weight of 0). */
  grade: Grade | null;
}

function checkError(code: CheckErrorCode, details: Record<string, string | number>, locale: Locale): CheckError {
  const t = CHECK_MESSAGES[code];
  const messages = Object.freeze({ zh: fill(t.zh, details), en: fill(t.en, details) });
  return Object.freeze({ code, message: messages[locale], messages, source: 'weight' as const });
}

/** A weight cell: a non-negative decimal, in full-width digits too, with an optional `分`. */
const WEIGHT = /^\+?(\d+(?:\.\d*)?|\.\d+)\s*分?$/;

export function weightText(cell: string): string | null {
  const t = cell.normalize('NFKC').trim();
  const m = WEIGHT.exec(t);
  return m === null ? null : m[1]!;
}

/**
 * A weight cell as read: its value, for the score and for the totals, and how many rows of
 * it the totals still owe (see RowChecker.total).
 */
interface Weight {
  readonly value: Decimal;
  /** Rows with this weight; of them, rows that earned it in full, and rows left unscored. */
  rows: number;
  full: number;
  unscored: number;
}

const FAILED_CACHE_SIZE = 10_000;
const WEIGHT_CACHE_SIZE = 1000;
/** Lists in the summary stop growing here (the counts go on): memory stays bounded. */
const LISTED_HEADERS = 1000;
const LISTED_WARNINGS = 100;

type Parsed = { ok: true; target: Target } | { ok: false; error: CheckError };

/**
 * The push-based core: give it rows one at a time (`push`), then `end()`; each call gives
 * the checked data rows that are ready. Holds at most the rows looked through for the
 * header (see RowClassifier), then one row at a time.
 */
export class RowChecker {
  readonly summary: CheckSummary = newSummary();
  private readonly classifier: RowClassifier;
  private readonly locale: Locale;
  private readonly parse: ParseOptions;
  private readonly evaluate: EvaluateOptions;
  /** Targets that could not be parsed, by their text (the parser keeps the ones that could). */
  private readonly failed = new Map<string, CheckError>();
  private readonly weights = new Map<string, Weight | null>();
  private count = 0;
  private scoreSum = new Decimal(0);
  private weightSum = new Decimal(0);
  private unscored = new Decimal(0);
  private sawWeight = false;

  constructor(options: CheckOptions = {}) {
    this.locale = options.locale ?? DEFAULT_LOCALE;
    const parse: ParseOptions = {
      locale: this.locale,
      ...(options.year !== undefined ? { year: options.year } : {}),
      ...(options.fen !== undefined ? { fen: options.fen } : {}),
      ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
    };
    this.parse = parse;
    const ev: { -readonly [K in keyof EvaluateOptions]: EvaluateOptions[K] } = { ...parse };
    if (options.polarity !== undefined) ev.polarity = options.polarity;
    if (options.tolerance !== undefined) ev.tolerance = options.tolerance;
    if (options.equals !== undefined) ev.equals = options.equals;
    if (options.reverseRule !== undefined) ev.reverseRule = options.reverseRule;
    if (options.band !== undefined) ev.band = options.band;
    if (options.scale !== undefined) ev.scale = options.scale;
    // Bad options fail here, once, rather than on a row deep in the table. Only an ≈
    // target reads the tolerance, and it needs the grammar (built in tens of ms), so it is
    // tried only when a tolerance is given.
    score('=100', '100', 1, ev);
    if (options.tolerance !== undefined) score('100左右', '100', 1, ev);
    this.evaluate = Object.freeze(ev);
    this.classifier = new RowClassifier(options);
  }

  /** A row as read (RawRow), an array of cells, or an object keyed by column name. */
  push(row: RowInput): CheckedRow[] {
    this.count++;
    return this.take(pushSafely(this.classifier, row, this.count, this.locale));
  }

  end(): CheckedRow[] {
    const out = this.take(this.classifier.end());
    this.finish();
    return out;
  }

  /** Check rows already classified (from `tableRows`); gives null for rows that are not data. */
  checkRow(row: TableRow): CheckedRow | null {
    const s = this.summary;
    if (row.kind === 'title') {
      s.titleRows++;
      this.warn(row);
      return null;
    }
    if (row.kind === 'blank') { s.blankRows++; return null; }
    if (row.kind === 'header') {
      if (row.repeated) {
        if (++s.repeatedHeaderCount <= LISTED_HEADERS) s.repeatedHeaders.push(row.line);
      } else {
        this.columnsFound(row);
      }
      this.warn(row);
      return null;
    }
    if (s.rows === 0 && s.columns === null && row.columns !== null) this.columnsFound(row);
    s.rows++;
    // The weight read once, for the score and for the totals.
    const w = row.record === null || row.record.weight === null ? null : this.weight(row.record.weight);
    const checked = this.judge(row, w);
    if (checked.target !== null) s.parsed++;
    if (checked.error !== null) s.errors++;
    const v = checked.verdict;
    if (v !== null) s.status[v.status]++;
    if (row.columns?.actual != null) s.hasActual = true;
    if (row.columns?.weight != null) { s.hasWeight = true; this.sawWeight = true; }
    this.total(checked, w);
    return checked;
  }

  /** Fill in the totals of the summary; `end()` does it, and so does a reader at its end. */
  finish(): void {
    const s = this.summary;
    if (!this.sawWeight) return;
    this.settle();
    s.score = this.scoreSum.toFixed();
    s.weight = this.weightSum.toFixed();
    s.unscoredWeight = this.unscored.toFixed();
    s.grade = this.weightSum.isZero() ? null : grade(this.scoreSum, this.weightSum);
  }

  private warn(row: TableRow): void {
    if (row.error === null) return;
    const s = this.summary;
    if (++s.warningCount <= LISTED_WARNINGS) s.warnings.push({ line: row.line, code: row.error.code, message: row.error.message });
  }

  private take(rows: readonly TableRow[]): CheckedRow[] {
    const out: CheckedRow[] = [];
    for (const r of rows) {
      let c: CheckedRow | null;
      const s = this.summary;
      const counted = s.rows;
      try {
        c = this.checkRow(r);
      } catch (e) {
        // Whatever one row holds, it is that row's error and the run goes on (counted once).
        const error = rowFailed(r.line, e, this.locale);
        c = made(r.line, r.record?.indicator ?? null, null, null, null, Object.freeze({ code: error.code, message: error.message, messages: error.messages, source: 'row' as const }), r.record);
        if (s.rows === counted) s.rows++;
        s.errors++;
      }
      if (c !== null) out.push(c);
    }
    return out;
  }

  private columnsFound(row: TableRow): void {
    const c = row.columns;
    if (c === null) return;
    const s = this.summary;
    s.headerLine = c.line;
    s.columns = describeColumns(c);
    s.hasActual = c.actual !== null;
    s.hasWeight = c.weight !== null;
  }

  /** `w`: the weight cell read (null when there is none or it is not a weight). */
  private judge(row: TableRow, w: Weight | null): CheckedRow {
    const rec = row.record;
    const rowErr: CheckError | null = row.error === null ? null : Object.freeze({
      code: row.error.code, message: row.error.message, messages: row.error.messages, source: 'row' as const,
    });
    if (rec === null) return made(row.line, null, null, null, null, rowErr, null);
    const parsed = this.parseTarget(rec);
    const target = parsed.ok ? parsed.target : null;
    // A row that could not be read as written is not judged: its cells may be misplaced.
    if (rowErr !== null) return made(row.line, rec.indicator, target, null, null, rowErr, rec);
    if (!parsed.ok) return made(row.line, rec.indicator, null, null, null, parsed.error, rec);
    if (rec.actual === null) return made(row.line, rec.indicator, target, null, null, null, rec);
    // Each row names its own indicator, in options of its own: no row's options are another's.
    const options: EvaluateOptions = rec.indicator !== null && rec.indicator !== '' ? { ...this.evaluate, indicator: rec.indicator } : this.evaluate;
    if (rec.weight === null || rec.weight === '') {
      return made(row.line, rec.indicator, target, evaluate(parsed.target, rec.actual, options), null, null, rec);
    }
    if (w === null) {
      const error = checkError('BAD_WEIGHT', { line: row.line, weight: rec.weight }, this.locale);
      return made(row.line, rec.indicator, target, evaluate(parsed.target, rec.actual, options), null, error, rec);
    }
    // The weight as a decimal, which score() takes as it is (its text would be read again).
    const s = score(parsed.target, rec.actual, w.value, options);
    return made(row.line, rec.indicator, target, s.verdict, s, null, rec);
  }

  /**
   * Adds a row to the totals. The sums are exact decimals, and an addition costs about
   * 0.3 µs: rows are counted against their weight cell instead (a score that is the weight
   * itself, the full points of a pass, too), and settle() adds each weight times its count.
   */
  private total(c: CheckedRow, w: Weight | null): void {
    if (w === null) return;
    w.rows++;
    const points = c.score === null ? null : c.score.score;
    if (points === null) w.unscored++;
    else if (points === w.value) w.full++;
    else this.scoreSum = this.scoreSum.plus(points);
  }

  /** What the rows counted against the weight cells owe the totals, added and cleared. */
  private settle(): void {
    for (const w of this.weights.values()) {
      if (w === null || w.rows === 0) continue;
      this.weightSum = this.weightSum.plus(w.value.times(w.rows));
      if (w.full > 0) this.scoreSum = this.scoreSum.plus(w.value.times(w.full));
      if (w.unscored > 0) this.unscored = this.unscored.plus(w.value.times(w.unscored));
      w.rows = w.full = w.unscored = 0;
    }
  }

  private weight(cell: string): Weight | null {
    let w = this.weights.get(cell);
    if (w === undefined) {
      const text = weightText(cell);
      w = text === null ? null : { value: new Decimal(text), rows: 0, full: 0, unscored: 0 };
      // Tables repeat their weights (5, 10, 20分): each cell is read once. Bounded.
      if (this.weights.size >= WEIGHT_CACHE_SIZE) {
        this.settle();
        this.weights.clear();
      }
      this.weights.set(cell, w);
    }
    return w;
  }

  private parseTarget(rec: TableRecord): Parsed {
    const key = targetKey(rec);
    const known = this.failed.get(key);
    if (known !== undefined) return { ok: false, error: known };
    // Tables repeat their targets (=100%, 健全): the parser keeps each text it has parsed and
    // gives every row a copy of its own. Errors are kept here, as frozen data. Bounded.
    const r = parseRecordTarget(rec, this.parse);
    if (r.ok) return { ok: true, target: r.value };
    const error: CheckError = Object.freeze({ code: r.error.code, message: r.error.message, messages: r.error.messages, source: 'target' as const });
    if (this.failed.size >= FAILED_CACHE_SIZE) this.failed.clear();
    this.failed.set(key, error);
    return { ok: false, error };
  }
}

function made(
  line: number, indicator: string | null, target: Target | null, verdict: Verdict | null, sc: Score | null,
  error: CheckError | null, record: TableRecord | null,
): CheckedRow {
  return { line, indicator, target, verdict, score: sc, error, record };
}

function newSummary(): CheckSummary {
  return {
    rows: 0, status: { pass: 0, partial: 0, fail: 0, unknown: 0 }, parsed: 0, errors: 0, columns: null,
    hasActual: false, hasWeight: false, headerLine: null, repeatedHeaders: [], repeatedHeaderCount: 0, warnings: [], warningCount: 0, titleRows: 0, blankRows: 0,
    score: null, weight: null, unscoredWeight: null, grade: null,
  };
}

function describeColumns(c: ColumnMap): Partial<Record<ColumnRole, string>> {
  const out: Partial<Record<ColumnRole, string>> = {};
  for (const role of ['indicator', 'target', 'op', 'unit', 'actual', 'weight'] as const) {
    const i = c[role];
    if (i !== null) out[role] = c.names[role] ?? `#${i + 1}`;
  }
  return out;
}

/** The contract's jsonl shape of a checked row: target, verdict and score as `toJSON` gives them. */
export function checkedRowToJSON(row: CheckedRow): CheckedRowJSON {
  return {
    line: row.line,
    indicator: row.indicator,
    target: row.target === null ? null : toJSON(row.target),
    verdict: row.verdict === null ? null : toJSON(row.verdict),
    score: row.score === null ? null : toJSON(row.score),
    error: row.error === null ? null : { code: row.error.code, message: row.error.message },
  };
}

/** Checked rows with the summary, which is final once the iteration has ended. */
export interface CheckReader extends AsyncIterable<CheckedRow> {
  readonly summary: CheckSummary;
}

/** A table checked from a file, bytes or a byte stream; `info` says what was read (format, encoding …). */
export interface CheckTableReader extends CheckReader {
  readonly info: SourceInfo;
}

/**
 * Read a table (CSV, TSV, JSON lines, .xlsx: see `readRows`), and check every data row.
 * Throws a TableError when the source cannot be read at all or has no header row; an
 * IndicatorError (INVALID_ARGUMENT) at once for bad evaluation options.
 */
export function checkTable(source: TableSource, options: CheckOptions = {}): CheckTableReader {
  const checker = new RowChecker(options);
  const rows = readRows(source, options);
  return {
    info: rows.info,
    summary: checker.summary,
    // The raw rows pushed through the checker's own classifier, not through tableRows():
    // one async generator less between the reader and the caller (a few tenths of a µs a row).
    async *[Symbol.asyncIterator]() {
      for await (const r of rows) for (const c of checker.push(r)) yield c;
      for (const c of checker.end()) yield c;
    },
  };
}

/** Check rows already read: `readRows` rows, arrays of cells (header first), or objects keyed by column name. */
export function checkRows(rows: Rows<RowInput>, options: CheckOptions = {}): CheckReader {
  const checker = new RowChecker(options);
  const locale = options.locale ?? DEFAULT_LOCALE;
  return {
    summary: checker.summary,
    async *[Symbol.asyncIterator]() {
      for await (const row of callerRows(rows, locale)) yield* checker.push(row);
      yield* checker.end();
    },
  };
}

/** `checkRows` as an object-mode Transform: write rows in, read checked rows out; `summary` is final at 'end'. */
export function checkStream(options: CheckOptions = {}): Transform & { readonly summary: CheckSummary } {
  const checker = new RowChecker(options);
  return Object.assign(rowTransform<RowInput, CheckedRow>(checker), { summary: checker.summary });
}
