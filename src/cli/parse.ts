import { IndicatorError, MAX_INPUT_LENGTH, toJSON, tryParseTarget, type Locale, type ParseOptions } from '../index.js';
import { splitLines } from '../table/lines.js';
import { readCommandLine } from './args.js';
import { LineWriter } from './common.js';
import { readFen, readInteger, readLocale, readMaxLength, readYear } from './options.js';

/**
 * Standard input is read line by line within this many bytes a line (MAX_PARSE_LINE_BYTES,
 * docs/security.md): a cell is at most MAX_INPUT_LENGTH characters, so a longer line is
 * answered INPUT_TOO_LONG without being held (a 300 MB line once took 2.6 GB).
 */
export const MAX_PARSE_LINE_BYTES = 1024 * 1024;

export async function parseCommand(args: string[], _locale: Locale): Promise<number> {
  const { values, positionals } = readCommandLine('parse', args);
  const options: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = {};
  const locale = readLocale(values.locale);
  if (locale !== undefined) options.locale = locale;
  const year = readYear(values.year);
  if (year !== undefined) options.year = year;
  const fen = readFen(values.fen);
  if (fen !== undefined) options.fen = fen;
  const maxLength = readMaxLength(values['max-length']);
  if (maxLength !== undefined) options.maxLength = maxLength;
  // A line that long cannot hold a cell within the length limit (a character is at most 4
  // bytes of UTF-8), so the default follows a raised --max-length.
  const maxLineBytes = readInteger('max-line-bytes', values['max-line-bytes'], 1, 2 ** 31 - 1)
    ?? Math.max(MAX_PARSE_LINE_BYTES, 4 * (maxLength ?? 0));

  const out = new LineWriter();
  let failed = 0;
  const one = (text: string): Promise<void> | undefined => {
    const line = parseLine(text, options);
    if (line.failed) failed++;
    return out.line(line.json);
  };
  if (positionals.length > 0) {
    for (const text of positionals) await one(text);
  } else {
    // The last line ends at a final newline without another being invented, and blank
    // lines are lines too, so output line N always answers input line N.
    // Each line is answered as it arrives (a program talking to us line by line waits
    // for the answer): the lines of one chunk of input are parsed first, and the buffer
    // goes out once they are done, so a big piped input still leaves in large writes.
    let pending = false;
    const flushSoon = (): void => {
      if (pending) return;
      pending = true;
      setImmediate(() => { pending = false; void out.flush(); });
    };
    for await (const l of splitLines(process.stdin, { unit: 1, maxLineBytes })) {
      let wait: Promise<void> | undefined;
      if (l.tooLong) {
        failed++;
        wait = out.line(tooLongLine(options, maxLineBytes));
      } else {
        wait = one(Buffer.from(l.bytes.buffer, l.bytes.byteOffset, l.bytes.length).toString('utf8'));
      }
      if (wait !== undefined) await wait;
      flushSoon();
    }
  }
  await out.flush();
  return failed > 0 ? 1 : 0;
}

export function parseLine(text: string, options: ParseOptions): { json: string; failed: boolean } {
  const r = tryParseTarget(text, options);
  if (r.ok) return { json: JSON.stringify(toJSON(r.value)), failed: false };
  const e = r.error;
  return {
    json: JSON.stringify({ text, error: { code: e.code, message: e.message, offset: e.offset, length: e.length } }),
    failed: true,
  };
}

/** The answer to a line longer than the line limit, which was not kept. */
function tooLongLine(options: ParseOptions, maxLineBytes: number): string {
  const e = new IndicatorError('INPUT_TOO_LONG', { offset: 0, length: 0 }, '', { length: `> ${maxLineBytes} bytes`, limit: options.maxLength ?? MAX_INPUT_LENGTH }, options.locale);
  return JSON.stringify({ text: '', error: { code: e.code, message: e.message, offset: e.offset, length: e.length } });
}
