import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { toJSON, tryParseTarget, type ParseOptions } from '../index.js';
import { LineWriter, usageError } from './common.js';

export async function parseCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        locale: { type: 'string' },
        year: { type: 'string' },
        fen: { type: 'string' },
      },
    });
  } catch (e) {
    return usageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const options: { locale?: 'zh' | 'en'; year?: number; fen?: 'score' | 'cent' } = {};
  if (values.locale !== undefined) {
    if (values.locale !== 'zh' && values.locale !== 'en') return usageError('--locale must be zh or en');
    options.locale = values.locale;
  }
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year)) return usageError('--year must be a four-digit year');
    options.year = Number(values.year);
  }
  if (values.fen !== undefined) {
    if (values.fen !== 'score' && values.fen !== 'cent') return usageError('--fen must be score or cent');
    options.fen = values.fen;
  }

  const out = new LineWriter();
  let failed = 0;
  const one = async (text: string): Promise<void> => {
    const line = parseLine(text, options);
    if (line.failed) failed++;
    await out.line(line.json);
  };
  if (positionals.length > 0) {
    for (const text of positionals) await one(text);
  } else {
    // readline ends the last line at a final newline without inventing another one, and
    // yields blank lines too, so output line N always answers input line N.
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const text of rl) await one(text);
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
