import { parseArgs } from 'node:util';
import { toJSON, type Decimal, type Locale, type Score, type Status } from '../index.js';
import { checkedRowToJSON, cleanLabel, flattenTarget, readRows, RowChecker, type CheckedRow, type CheckOptions, type CheckSummary } from '../table/index.js';
import { failureMessage, LineWriter, Progress, usageError } from './common.js';
import type { PeopleFormat } from './outputs.js';
import {
  readChoice, readEvaluateOptions, readFailOn, readLocale, readTableOptions, sourceOf, TABLE_OPTIONS, UsageError,
} from './options.js';
import { displayWidth, noPaint, oneLine, padEnd, padStart, paintFor, truncate, type Colour, type Paint } from './text.js';

type Format = 'table' | 'csv' | 'jsonl' | PeopleFormat;

/**
 * `indicator-expr check FILE|-`: a thin layer over `checkTable` (src/table/check.ts) that
 * prints the checked rows as a table, CSV or JSON lines, and the summary.
 */
export async function checkCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        ...TABLE_OPTIONS,
        format: { type: 'string' },
        locale: { type: 'string' },
        year: { type: 'string' },
        fen: { type: 'string' },
        polarity: { type: 'string' },
        tolerance: { type: 'string' },
        equals: { type: 'string' },
        'reverse-rule': { type: 'string' },
        band: { type: 'string' },
        scale: { type: 'string' },
        'fail-on': { type: 'string', multiple: true },
        color: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        bom: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (e) {
    return usageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  let format: Format;
  let locale: Locale;
  let options: CheckOptions;
  let failOn: Set<Status>;
  let colour: 'auto' | 'always' | 'never';
  let input;
  try {
    locale = readLocale(values.locale) ?? 'zh';
    format = readChoice<Format>('format', values.format, ['table', 'csv', 'jsonl', 'html', 'xlsx']) ?? (process.stdout.isTTY ? 'table' : 'jsonl');
    // The workbook and page writers load only when asked for (as each command loads only its own code).
    if (values.output !== undefined) format = (await import('./outputs.js')).outputFormat(values.output, values.format, ['xlsx', 'html']);
    else if (format === 'xlsx' && process.stdout.isTTY) throw new UsageError('--format xlsx writes a workbook: give --output FILE.xlsx (or redirect standard output to a file)');
    colour = readChoice('color', values.color, ['auto', 'always', 'never'] as const) ?? 'auto';
    failOn = readFailOn(values['fail-on']);
    options = readTableOptions(values, readLocale(values.locale));
    readEvaluateOptions(values, locale, options);
    input = sourceOf(positionals, 'check');
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }

  const quiet = values.quiet === true;
  const paint = format === 'table' ? paintFor(colour, process.stdout) : paintFor('never', process.stdout);
  const progress = new Progress((n) => (locale === 'zh' ? `已检查 ${n} 行…` : `${n} rows checked…`), !quiet);
  const out = new LineWriter();
  // Rows written to the terminal the progress line is on must not land behind it.
  if (process.stdout.isTTY) out.beforeWrite = () => progress.done();
  let failed = false;
  try {
    if (format === 'html' || format === 'xlsx') {
      // The annotated workbook and the report page (src/cli/outputs.ts).
      const { OutputFile, writePeopleOutput } = await import('./outputs.js');
      const file = new OutputFile(values.output ?? null);
      try {
        const made = await writePeopleOutput({
          format, source: input.source, name: input.name, options, locale, failOn, out: file, tick: (k) => progress.tick(k),
        });
        await file.close();
        progress.done();
        if (!quiet) {
          const where = values.output === undefined || values.output === '-' ? '' : locale === 'zh' ? `已写入 ${values.output}\n` : `Written: ${values.output}\n`;
          process.stderr.write(summaryText(made.summary, locale, noPaint) + where);
        }
        return made.failed ? 1 : 0;
      } catch (e) {
        file.abandon();
        throw e;
      }
    }
    // What checkTable does, with the rows the checker gives for each row read printed
    // straight away rather than yielded again by an async generator (a few tenths of a µs
    // a row). The checker first: bad options fail before the file is opened.
    const checker = new RowChecker(options);
    const rows = readRows(input.source, options);
    const printer: Printer = format === 'jsonl' ? new JsonlPrinter(out) : format === 'csv' ? new CsvPrinter(out, values.bom === true) : new TablePrinter(out, locale, paint);
    let n = 0;
    const print = (row: CheckedRow): Promise<void> | undefined => {
      if (row.error !== null) failed = true;
      else if (row.verdict !== null && failOn.has(row.verdict.status)) failed = true;
      progress.tick(++n);
      return printer.row(row, checker.summary);
    };
    for await (const r of rows) {
      for (const row of checker.push(r)) {
        // Awaited only when the writer flushes: an await a row is a few tenths of a µs each.
        const wait = print(row);
        if (wait !== undefined) await wait;
      }
    }
    for (const row of checker.end()) {
      const wait = print(row);
      if (wait !== undefined) await wait;
    }
    progress.done();
    await printer.end(checker.summary);
    await out.flush();
    const summary = summaryText(checker.summary, locale, paint);
    if (format === 'table') {
      process.stdout.write(`\n${summary}`);
    } else if (!quiet) {
      process.stderr.write(summary);
    }
  } catch (e) {
    progress.done();
    const message = failureMessage(e, locale);
    if (message === null) throw e;
    // What was printed stays printed; the reason goes to standard error.
    await out.flush();
    process.stderr.write(`indicator-expr: ${message}\n`);
    return 2;
  }
  return failed ? 1 : 0;
}

interface Printer {
  /** A promise only when the caller has to wait (for the output to drain). */
  row(row: CheckedRow, summary: CheckSummary): Promise<void> | undefined;
  end(summary: CheckSummary): Promise<void>;
}

class JsonlPrinter implements Printer {
  constructor(private readonly out: LineWriter) {}
  row(row: CheckedRow): Promise<void> | undefined {
    return this.out.line(JSON.stringify(checkedRowToJSON(row)));
  }
  async end(): Promise<void> {}
}

/** The flat columns of `--format csv`. */
export const CSV_COLUMNS = ['line', 'indicator', 'target', 'op', 'actual', 'status', 'reason', 'completion', 'score', 'weight', 'error'] as const;

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

class CsvPrinter implements Printer {
  private started = false;
  /** The texts of weights, by identity: tables repeat a few weight cells (and the points of a pass are the weight itself). */
  private readonly weights = new Map<Decimal, string>();
  constructor(private readonly out: LineWriter, private readonly bom: boolean) {}

  private start(): Promise<void> | undefined {
    if (this.started) return undefined;
    this.started = true;
    return this.out.line((this.bom ? '\ufeff' : '') + CSV_COLUMNS.join(','));
  }

  row(row: CheckedRow): Promise<void> | undefined {
    const head = this.start();
    if (head !== undefined) return head.then(() => this.row(row));
    const v = row.verdict;
    // The op as written only when there is no verdict: toJSON and flattenTarget for
    // every row were about a tenth of the time of a row of check.
    const op = v !== null ? v.op ?? '' : row.target === null ? '' : flattenTarget(toJSON(row.target)).op;
    // In the order of CSV_COLUMNS, one string built directly (not a record of fields
    // mapped and joined); the line, status, reason code and decimals never need quotes.
    const text = `${row.line},${csvCell(row.indicator ?? '')},${csvCell(row.target?.text ?? row.record?.target ?? '')},${csvCell(op)},`
      + `${csvCell(row.record?.actual ?? '')},${v?.status ?? ''},${v?.reason?.code ?? ''},${v?.completion?.toFixed() ?? ''},`
      + `${this.points(row.score)},${csvCell(row.score === null ? row.record?.weight ?? '' : this.weight(row.score.weight))},`
      + `${row.error === null ? '' : csvCell(`${row.error.code}: ${row.error.message}`)}`;
    return this.out.line(text);
  }

  async end(): Promise<void> {
    await this.start();
  }

  private points(sc: Score | null): string {
    if (sc === null || sc.score === null) return '';
    return sc.score === sc.weight ? this.weight(sc.weight) : sc.score.toFixed();
  }

  private weight(w: Decimal): string {
    let text = this.weights.get(w);
    if (text === undefined) {
      text = w.toFixed();
      // Bounded: a weight cell is read once while the checker keeps it (up to 1 000 of them).
      if (this.weights.size >= 1000) this.weights.clear();
      this.weights.set(w, text);
    }
    return text;
  }
}

const HEAD: Readonly<Record<Locale, Readonly<Record<'line' | 'indicator' | 'target' | 'actual' | 'result' | 'score' | 'kind' | 'note', string>>>> = {
  zh: { line: '行', indicator: '指标', target: '指标值', actual: '实际值', result: '结果', score: '得分', kind: '类型', note: '说明' },
  en: { line: 'line', indicator: 'indicator', target: 'target', actual: 'actual', result: 'result', score: 'score', kind: 'kind', note: 'note' },
};

const STATUS_WORDS: Readonly<Record<Locale, Readonly<Record<Status | 'error' | 'parsed', string>>>> = {
  zh: { pass: '达成', partial: '部分达成', fail: '未达成', unknown: '无法判断', error: '错误', parsed: '已解析' },
  en: { pass: 'pass', partial: 'partial', fail: 'fail', unknown: 'unknown', error: 'error', parsed: 'parsed' },
};

const STATUS_COLOUR: Readonly<Record<Status | 'error' | 'parsed', Colour>> = {
  pass: 'green', partial: 'yellow', fail: 'red', unknown: 'magenta', error: 'red', parsed: 'green',
};

/** Widest a column may grow (display columns); longer cells are cut with `…`. */
const MAX_WIDTH = { line: 7, indicator: 28, target: 24, actual: 16, result: 8, score: 13, kind: 11 } as const;
/** Rows looked at to size the columns before the first is printed: the table streams after them. */
const SIZING_ROWS = 200;

type Cell = { text: string; colour?: Colour; right?: boolean };
type ColumnKey = keyof typeof MAX_WIDTH;

/** An aligned table for people: columns sized on the first rows, then streamed. */
class TablePrinter implements Printer {
  private held: CheckedRow[] = [];
  private keys: ColumnKey[] | null = null;
  private widths = new Map<ColumnKey, number>();

  constructor(private readonly out: LineWriter, private readonly locale: Locale, private readonly paint: Paint) {}

  async row(row: CheckedRow, summary: CheckSummary): Promise<void> {
    if (this.keys !== null) { await this.print(row); return; }
    this.held.push(row);
    if (this.held.length >= SIZING_ROWS) await this.flushHeld(summary);
  }

  async end(summary: CheckSummary): Promise<void> {
    if (this.keys === null) await this.flushHeld(summary);
  }

  private async flushHeld(summary: CheckSummary): Promise<void> {
    const keys: ColumnKey[] = ['line', 'indicator', 'target'];
    if (summary.hasActual) keys.push('actual', 'result');
    else keys.push('kind');
    if (summary.hasWeight && summary.hasActual) keys.push('score');
    this.keys = keys;
    const head = HEAD[this.locale];
    for (const k of keys) {
      let w = displayWidth(head[k === 'result' ? 'result' : k]);
      for (const r of this.held) w = Math.max(w, displayWidth(this.cells(r)[k].text));
      this.widths.set(k, Math.min(w, MAX_WIDTH[k]));
    }
    const names = [...keys.map((k) => head[k]), head.note];
    const line = (cells: string[]): string => cells.map((c, i) => {
      if (i >= keys.length) return c;
      const w = this.widths.get(keys[i]!)!;
      return keys[i] === 'line' || keys[i] === 'score' ? padStart(c, w) : padEnd(c, w);
    }).join('  ').trimEnd();
    await this.out.line(this.paint(line(names), 'bold'));
    await this.out.line(line([...keys.map((k) => '─'.repeat(this.widths.get(k)!)), '─'.repeat(displayWidth(head.note))]));
    for (const r of this.held) await this.print(r);
    this.held = [];
  }

  private async print(row: CheckedRow): Promise<void> {
    const cells = this.cells(row);
    const parts: string[] = [];
    for (const k of this.keys!) {
      const c = cells[k];
      const w = this.widths.get(k)!;
      const text = truncate(c.text, w);
      const padded = c.right ? padStart(text, w) : padEnd(text, w);
      parts.push(c.colour ? this.paint(padded, c.colour) : padded);
    }
    const note = cells.note.text;
    parts.push(cells.note.colour && note !== '' ? this.paint(note, cells.note.colour) : note);
    await this.out.line(parts.join('  ').trimEnd());
  }

  private cells(row: CheckedRow): Record<ColumnKey | 'note', Cell> {
    const words = STATUS_WORDS[this.locale];
    const v = row.verdict;
    const state: Status | 'error' | 'parsed' | null = row.error !== null ? 'error' : v !== null ? v.status : row.target !== null ? 'parsed' : null;
    const sc = row.score;
    let score = '';
    if (sc !== null) score = `${sc.score === null ? '—' : sc.score.toFixed()}/${sc.weight.toFixed()}`;
    else if (row.record?.weight) score = `—/${row.record.weight}`;
    const note = row.error !== null ? row.error.message : v?.reason?.message ?? '';
    return {
      line: { text: String(row.line), right: true },
      indicator: { text: cleanLabel(row.indicator ?? '') },
      // On screen, cells without their HTML remnants (`<p>≥90%</p>` shows as ≥90%).
      target: { text: cleanLabel(row.target?.text ?? row.record?.target ?? '') },
      actual: { text: cleanLabel(row.record?.actual ?? '') },
      result: state === null ? { text: '' } : { text: words[state], colour: STATUS_COLOUR[state] },
      kind: state === 'error' ? { text: words.error, colour: 'red' } : { text: row.target?.kind ?? '' },
      score: { text: score, right: true },
      note: { text: oneLine(note), ...(row.error !== null ? { colour: 'red' as const } : {}) },
    };
  }
}

const GRADE_EN: Readonly<Record<string, string>> = { 优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor' };

/** The summary as people read it: columns found, counts, repeated headers, total score and grade. */
export function summaryText(s: CheckSummary, locale: Locale, paint: Paint): string {
  const lines: string[] = [];
  const zh = locale === 'zh';
  const roleNames: Record<string, [string, string]> = {
    indicator: ['指标', 'indicator'], target: ['指标值', 'target'], op: ['符号', 'op'], unit: ['单位', 'unit'],
    actual: ['实际值', 'actual'], weight: ['分值', 'weight'],
  };
  if (s.columns !== null) {
    const cols = Object.entries(s.columns).map(([role, name]) => `${roleNames[role]![zh ? 0 : 1]} = ${name}`).join(zh ? '，' : ', ');
    const where = s.headerLine === null ? (zh ? '列' : 'Columns') : zh ? `表头：第 ${s.headerLine} 行` : `Header: line ${s.headerLine}`;
    lines.push(zh ? `${where}（${cols}）` : `${where} (${cols})`);
  }
  const words = STATUS_WORDS[locale];
  const count = (st: Status): string => {
    const text = zh ? `${words[st]} ${s.status[st]}` : `${s.status[st]} ${words[st]}`;
    return s.status[st] > 0 ? paint(text, STATUS_COLOUR[st]) : text;
  };
  const errors = zh ? `错误 ${s.errors}` : `${s.errors} ${s.errors === 1 ? 'error' : 'errors'}`;
  const shownErrors = s.errors > 0 ? paint(errors, 'red') : errors;
  if (s.hasActual) {
    const counts = (['pass', 'partial', 'fail', 'unknown'] as const).map(count).join(zh ? '，' : ', ');
    lines.push(zh ? `数据行 ${s.rows}：${counts}；${shownErrors}` : `${s.rows} data rows: ${counts}; ${shownErrors}`);
  } else {
    lines.push(zh
      ? `数据行 ${s.rows}：已解析 ${s.parsed}；${shownErrors}（没有实际值列，只解析指标值）`
      : `${s.rows} data rows: ${s.parsed} parsed; ${shownErrors} (no actual column: targets only)`);
  }
  if (s.repeatedHeaderCount > 0) {
    const list = listLines(s.repeatedHeaders, s.repeatedHeaderCount, zh);
    lines.push(zh ? `重复表头（已跳过）：第 ${list} 行` : `Repeated headers (skipped): line${s.repeatedHeaderCount > 1 ? 's' : ''} ${list}`);
  }
  for (const w of s.warnings.slice(0, 10)) lines.push(zh ? `注意：${w.message}` : `Note: ${w.message}`);
  if (s.warningCount > 10) lines.push(zh ? `注意：另有 ${s.warningCount - 10} 条` : `Note: ${s.warningCount - 10} more`);
  if (s.score !== null && s.weight !== null && s.hasActual) {
    const unscored = s.unscoredWeight !== null && s.unscoredWeight !== '0'
      ? (zh ? `（其中 ${s.unscoredWeight} 分未能计分）` : ` (${s.unscoredWeight} of it not scored)`) : '';
    const g = s.grade === null ? '' : zh ? `，等级：${s.grade}` : `, grade ${s.grade} (${GRADE_EN[s.grade]})`;
    lines.push(zh ? `总分 ${s.score} / ${s.weight}${unscored}${g}` : `Total score ${s.score} out of ${s.weight}${unscored}${g}`);
  }
  return `${lines.join('\n')}\n`;
}

function listLines(lines: readonly number[], count: number, zh: boolean): string {
  const shown = lines.slice(0, 20).join(zh ? '、' : ', ');
  if (count <= 20) return shown;
  return zh ? `${shown} 等 ${count} 处` : `${shown} and ${count - 20} more`;
}
