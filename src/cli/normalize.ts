import { parseArgs } from 'node:util';
import type { Locale, ParseOptions } from '../index.js';
import { normalizeRows, readRows, writeOptionsFor, writeRows, type NormalizedRow, type NormalizeOptions } from '../table/index.js';
import { failureMessage, usageError, writeChunks } from './common.js';
import { readFen, readLocale, readTableOptions, readYear, sourceOf, TABLE_OPTIONS, UsageError } from './options.js';

/**
 * `indicator-expr normalize FILE|- [--column NAME]`: the table written back row for row,
 * in its own format, delimiter, line ending, encoding and BOM (an .xlsx as CSV in UTF-8
 * with a BOM), with the normalized columns added. Rows stream through: memory stays
 * constant whatever the length of the table.
 */
export async function normalizeCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'format-in': TABLE_OPTIONS['format-in'],
        encoding: TABLE_OPTIONS.encoding,
        sheet: TABLE_OPTIONS.sheet,
        period: TABLE_OPTIONS.period,
        header: TABLE_OPTIONS.header,
        column: { type: 'string' },
        target: TABLE_OPTIONS.target,
        op: TABLE_OPTIONS.op,
        unit: TABLE_OPTIONS.unit,
        locale: { type: 'string' },
        year: { type: 'string' },
        fen: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (e) {
    return usageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  let locale: Locale;
  let options: NormalizeOptions;
  let input;
  try {
    if (values.column !== undefined && values.target !== undefined) throw new UsageError('--column and --target name the same column: give one');
    locale = readLocale(values.locale) ?? 'zh';
    const given = readLocale(values.locale);
    const table = readTableOptions({ ...values, target: values.column ?? values.target }, given, ['target', 'op', 'unit']);
    const parse: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = {};
    if (given !== undefined) parse.locale = given;
    const year = readYear(values.year);
    if (year !== undefined) parse.year = year;
    const fen = readFen(values.fen);
    if (fen !== undefined) parse.fen = fen;
    options = { ...table, parse };
    input = sourceOf(positionals, 'normalize');
    if (values.output !== undefined) (await import('./outputs.js')).outputFormat(values.output, undefined, ['xlsx']);
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }

  // The first lines with an error, for the message, and how many there were: memory stays bounded.
  const failed: number[] = [];
  let failures = 0;
  try {
    const reader = readRows(input.source, options);
    const rows = normalizeRows(reader, options)[Symbol.asyncIterator]();
    // The first row out comes after the format, encoding and line ending are known.
    const first = await rows.next();
    if (first.done) return 0;
    const { format, ...write } = writeOptionsFor(reader.info);
    const note = (r: NormalizedRow): NormalizedRow => {
      if (r.normalized !== null && r.normalized.error !== '' && ++failures <= 10) failed.push(r.line);
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
