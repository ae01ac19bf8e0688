// A data pipeline: stream a TSV table of targets (header row `indicator<TAB>target`)
// and write one JSON line per data row, with the target normalized by the parser.
// Memory stays constant whatever the size of the table; a row that cannot be parsed
// becomes a line with its error, so no row is dropped and the lines stay in step.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { toJSON, tryParseTarget } from 'indicator-expr';

async function* normalize(lines) {
  let columns = null;
  let line = 0;
  for await (const text of lines) {
    line++;
    const cells = text.split('\t');
    if (columns === null) {
      columns = { indicator: cells.indexOf('indicator'), target: cells.indexOf('target') };
      continue;
    }
    const r = tryParseTarget(cells[columns.target] ?? '', { locale: 'en' });
    const out = { line, indicator: cells[columns.indicator] ?? null };
    if (r.ok) out.target = toJSON(r.value);
    else out.error = { code: r.error.code, message: r.error.message, offset: r.error.offset, length: r.error.length };
    yield `${JSON.stringify(out)}\n`;
  }
}

const file = process.argv[2];
if (!file) throw new Error('usage: node normalize.mjs TABLE.tsv');
await pipeline(createInterface({ input: createReadStream(file), crlfDelay: Infinity }), normalize, process.stdout);
