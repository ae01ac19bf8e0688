import { toJSON, type Decimal, type Locale, type Score, type Status } from '../index.js';
import { checkedRowToJSON, flattenTarget, readRows, RowChecker, type CheckedRow, type CheckOptions, type CheckSummary } from '../table/index.js';
import { readChoice, readCommandLine, reportUsage, usage } from './args.js';
import { failureMessage, LineWriter, Progress } from './common.js';
import { inputOf } from './files.js';
import { InputWatch } from './input.js';
import { fill } from '../i18n/messages.js';
import { NOTICES, STATUS_WORDS } from './messages.js';
import { readEvaluateOptions, readFailOn, readLocale, readTableOptions } from './options.js';
import { CHECK_OPTIONS } from './spec.js';
import { TablePrinter, tableWidth } from './table.js';
import type { PeopleFormat } from './outputs.js';
import { noPaint, paintFor, STATUS_COLOUR, type Paint } from './text.js';

type Format = 'table' | 'csv' | 'jsonl' | PeopleFormat;

/**
 * `indicator-expr check FILE|-`: a thin layer over `checkTable` (src/table/check.ts) that
 * prints the checked rows as a table, CSV or JSON lines, and the summary.
 */
export async function checkCommand(args: string[], locale: Locale): Promise<number> {
  const { values, positionals } = readCommandLine('check', args);
  const given = readLocale(values.locale);
  const asked = readChoice<Format>(CHECK_OPTIONS, 'format', values.format);
  let format: Format = asked ?? (process.stdout.isTTY ? 'table' : 'jsonl');
  // The workbook and page writers load only when asked for (as each command loads only its own code).
  if (values.output !== undefined) format = (await import('./outputs.js')).outputFormat(values.output, values.format, ['xlsx', 'html']);
  else if (format === 'xlsx' && process.stdout.isTTY) usage('XLSX_TO_TERMINAL');
  const colour = readChoice<'auto' | 'always' | 'never'>(CHECK_OPTIONS, 'color', values.color) ?? 'auto';
  // Options for another output are mistakes, not wishes to ignore (a default format is
  // not the user's choice: --color with output that happens to go to a pipe is fine).
  if (values.color !== undefined && asked !== undefined && asked !== 'table') usage('NOT_FOR_OUTPUT', { option: '--color', wanted: 'table' });
  if (values.bom === true && format !== 'csv') usage('NOT_FOR_OUTPUT', { option: '--bom', wanted: 'csv' });
  const failOn: Set<Status> = readFailOn(values['fail-on']);
  const options: CheckOptions = readTableOptions(values, given);
  readEvaluateOptions(values, locale, options);
  const input = inputOf(positionals, 'check');

  const quiet = values.quiet === true;
  const paint = format === 'table' ? paintFor(colour, process.stdout) : paintFor('never', process.stdout);
  const progress = new Progress((n) => (locale === 'zh' ? `已检查 ${n} 行…` : `${n} rows checked…`), !quiet);
  const out = new LineWriter();
  // Rows written to the terminal the progress line is on must not land behind it.
  if (process.stdout.isTTY) out.beforeWrite = () => progress.done();
  let failed = false;
  // What checkTable does, with the rows the checker gives for each row read printed
  // straight away rather than yielded again by an async generator (a few tenths of a µs
  // a row). The checker first: bad options fail before the file is opened.
  const checker = new RowChecker(options);
  const rows = readRows(input.source, options);
  const watch = new InputWatch(input, options, rows.info);
  try {
    if (format === 'html' || format === 'xlsx') {
      // The annotated workbook and the report page (src/cli/outputs.ts).
      const { OutputFile, writePeopleOutput } = await import('./outputs.js');
      const file = new OutputFile(values.output ?? null);
      try {
        const made = await writePeopleOutput({
          format, source: input.source, name: input.file ?? '<stdin>', options, locale, failOn, out: file, tick: (k) => progress.tick(k),
        });
        await file.close();
        progress.done();
        if (!quiet) {
          const where = values.output === undefined || values.output === '-' ? '' : `${fill(NOTICES.WRITTEN[locale], { file: values.output })}\n`;
          process.stderr.write(summaryText(made.summary, locale, noPaint) + where);
        }
        return made.failed ? 1 : 0;
      } catch (e) {
        file.abandon();
        throw e;
      }
    }
    const printer: Printer = format === 'jsonl' ? new JsonlPrinter(out) : format === 'csv' ? new CsvPrinter(out, values.bom === true)
      : new TablePrinter(out, locale, paint, tableWidth(process.stdout));
    let n = 0;
    const print = (row: CheckedRow): Promise<void> | undefined => {
      if (row.error !== null) failed = true;
      else if (row.verdict !== null && failOn.has(row.verdict.status)) failed = true;
      progress.tick(++n);
      return printer.row(row, checker.summary);
    };
    for await (const r of rows) {
      watch.note(r);
      for (const row of checker.push(r)) {
        // Awaited only when the writer flushes: an await a row is a few tenths of a µs each.
        const wait = print(row);
        if (wait !== undefined) await wait;
      }
    }
    watch.end();
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
    // What was printed stays printed; the reason goes to standard error.
    await out.flush();
    const problem = watch.explain(e);
    if (problem !== null) return reportUsage(problem, locale, 'check');
    const message = failureMessage(e, locale);
    if (message === null) throw e;
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
  const count = (st: Status): string => {
    const word = STATUS_WORDS[st][locale];
    const text = zh ? `${word} ${s.status[st]}` : `${s.status[st]} ${word}`;
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
