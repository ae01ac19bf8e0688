// The peer of `indicator-expr normalize` / `check` in npm run bench: the same CSV read with
// readRows and written back with writeCsv (dist/table.js, the same reader and writer the
// commands use), to standard output, and nothing else: no column detection, no parsing.
//   node test/bench/table-baseline.mjs FILE > out.csv
import { once } from 'node:events';
import { readRows, writeCsv } from '../../dist/table.js';

for await (const chunk of writeCsv(readRows(process.argv[2]))) {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}
