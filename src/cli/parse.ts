import { createInterface } from 'node:readline';
import { toJSON, tryParseTarget, type Locale, type ParseOptions } from '../index.js';
import { readCommandLine } from './args.js';
import { LineWriter } from './common.js';
import { readFen, readLocale, readYear } from './options.js';

export async function parseCommand(args: string[], _locale: Locale): Promise<number> {
  const { values, positionals } = readCommandLine('parse', args);
  const options: { -readonly [K in keyof ParseOptions]: ParseOptions[K] } = {};
  const locale = readLocale(values.locale);
  if (locale !== undefined) options.locale = locale;
  const year = readYear(values.year);
  if (year !== undefined) options.year = year;
  const fen = readFen(values.fen);
  if (fen !== undefined) options.fen = fen;

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
    // readline ends the last line at a final newline without inventing another one, and
    // yields blank lines too, so output line N always answers input line N.
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    // Each line is answered as it arrives (a program talking to us line by line waits
    // for the answer): the lines of one chunk of input are parsed first, and the buffer
    // goes out once they are done, so a big piped input still leaves in large writes.
    let pending = false;
    const flushSoon = (): void => {
      if (pending) return;
      pending = true;
      setImmediate(() => { pending = false; void out.flush(); });
    };
    for await (const text of rl) {
      const wait = one(text);
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
