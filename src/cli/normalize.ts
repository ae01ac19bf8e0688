import type { Locale, ParseOptions } from '../index.js';
import { normalizeRows, readRows, writeOptionsFor, writeRows, type NormalizedRow, type NormalizeOptions } from '../table/index.js';
import { readCommandLine, reportUsage, usage } from './args.js';
import { failureMessage, writeChunks } from './common.js';
import { inputOf } from './files.js';
import { InputWatch } from './input.js';
import { readFen, readLocale, readMaxLength, readTableOptions, readYear } from './options.js';

/**
 * `indicator-expr normalize FILE|- [--column NAME]`: the table written back row for row,
 * in its own format, delimiter, line ending, encoding and BOM (an .xlsx as CSV in UTF-8
 * with a BOM), with the normalized columns added. Rows stream through: memory stays
 * constant whatever the length of the table.
 */
export async function normalizeCommand(args: string[], locale: Locale): Promise<number> {
  const { values, positionals } = readCommandLine('normalize', args);
  if (values.column !== undefined && values.target !== undefined) usage('SAME_COLUMN');
  const given = readLocale(values.locale);
  const table = readTableOptions({ ...values, target: values.column ?? values.target }, given, ['target', 'op', 'unit']);
  const parse: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = {};
  if (given !== undefined) parse.locale = given;
  const year = readYear(values.year);
  if (year !== undefined) parse.year = year;
  const fen = readFen(values.fen);
  if (fen !== undefined) parse.fen = fen;
  const maxLength = readMaxLength(values['max-length']);
  if (maxLength !== undefined) parse.maxLength = maxLength;
  const options: NormalizeOptions = { ...table, parse };
  const input = inputOf(positionals, 'normalize');
  if (values.output !== undefined) (await import('./outputs.js')).outputFormat(values.output, undefined, ['xlsx']);

  // The first lines with an error, for the message, and how many there were: memory stays bounded.
  const failed: number[] = [];
  let failures = 0;
  const reader = readRows(input.source, options);
  const watch = new InputWatch(input, options, reader.info, { target: values.column !== undefined ? '--column' : '--target' });
  try {
    const rows = normalizeRows(watch.wrap(reader), options)[Symbol.asyncIterator]();
    // The first row out comes after the format, encoding and line ending are known.
    const first = await rows.next();
    if (first.done) return 0;
    const { format, ...write } = writeOptionsFor(reader.info);
    const note = (r: NormalizedRow): NormalizedRow => {
      // A title or header row has no error column, but undecodable bytes written as U+FFFD
      // or an over-long line written empty change it all the same: it is counted too.
      if (((r.normalized !== null && r.normalized.error !== '') || r.error !== null) && ++failures <= 10) failed.push(r.line);
      return r;
    };
    async function* all(): AsyncGenerator<NormalizedRow> {
      yield note(first.value as NormalizedRow);
      for (let r = await rows.next(); !r.done; r = await rows.next()) yield note(r.value);
    }
    if (values.output !== undefined) {
      // --output FILE.xlsx: the same rows as a workbook (src/cli/outputs.ts).
      const { OutputFile, writeRowsAsXlsx } = await import('./outputs.js');
      const file = new OutputFile(values.output);
      try {
        await writeRowsAsXlsx(all(), file, reader.info.sheet);
        await file.close();
      } catch (e) {
        file.abandon();
        throw e;
      }
    } else {
      await writeChunks(writeRows(all(), format, write));
    }
  } catch (e) {
    const problem = watch.explain(e);
    if (problem !== null) return reportUsage(problem, locale, 'normalize');
    const message = failureMessage(e, locale);
    if (message === null) throw e;
    process.stderr.write(`indicator-expr: ${message}\n`);
    return 2;
  }
  if (failures > 0) {
    if (values.quiet !== true) {
      const shown = failed.join(locale === 'zh' ? '、' : ', ');
      const more = failures > 10 ? (locale === 'zh' ? ` 等 ${failures} 行` : ` and ${failures - 10} more`) : '';
      process.stderr.write(locale === 'zh'
        ? `indicator-expr normalize: 第 ${shown}${more} 行有错误（见 error 列）\n`
        : `indicator-expr normalize: line${failures > 1 ? 's' : ''} ${shown}${more} ha${failures > 1 ? 've' : 's'} an error (see the error column)\n`);
    }
    return 1;
  }
  return 0;
}
