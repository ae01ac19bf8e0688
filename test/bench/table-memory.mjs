#!/usr/bin/env node
// Throughput and peak memory of the built `normalize` and `check` commands on a generated
// table (`npm run bench:table` builds first). Not a test: timings depend on the machine.
// What it does assert is what the issue asks: every row comes out (row for row), and the
// peak resident memory of each command stays under a bound whatever the table's length.
//
//   node test/bench/table-memory.mjs                  100 000 rows
//   node test/bench/table-memory.mjs 100000 1000000   each size in turn
//   BENCH_MAX_RSS_MB=200 node test/bench/table-memory.mjs
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, openSync, closeSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { TABLE_HEADER, tableRow } from './generated-table.mjs';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const MAX_RSS_MB = Number(process.env.BENCH_MAX_RSS_MB ?? 300);
const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(100_000);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error('usage: node test/bench/table-memory.mjs [ROWS…]');
  process.exit(2);
}
if (!existsSync(CLI)) {
  console.error('dist/cli.js is missing: run npm run build (npm run bench:table does)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'indicator-expr-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

async function generate(rows) {
  const path = join(dir, `table-${rows}.csv`);
  const out = createWriteStream(path);
  const write = async (s) => { if (!out.write(s)) await once(out, 'drain'); };
  await write(`2022年度部门整体绩效自评表（生成的测试数据）,,,,,\n${TABLE_HEADER}\n`);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    chunk += `${tableRow(i)}\n`;
    if (chunk.length > 1 << 16) { await write(chunk); chunk = ''; }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
  return path;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
// Without GNU time, a preloaded module reports the peak from inside the process.
const PRELOAD = join(dir, 'maxrss.cjs');
writeFileSync(PRELOAD, "process.on('exit', () => process.stderr.write(`\\nMAXRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");

/** Run the command with standard output to a file; the time taken and the peak RSS in kB. */
async function measure(args, outPath) {
  const fd = openSync(outPath, 'w');
  const argv = TIME ? [TIME, '-v', process.execPath, CLI, ...args] : [process.execPath, '-r', PRELOAD, CLI, ...args];
  const start = process.hrtime.bigint();
  const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', fd, 'pipe'] });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (d) => { err += d; });
  const [code] = await once(child, 'close');
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  closeSync(fd);
  const m = TIME ? /Maximum resident set size \(kbytes\): (\d+)/.exec(err) : /MAXRSS_KB (\d+)/.exec(err);
  if (!m) throw new Error(`no peak memory reported for ${args.join(' ')}:\n${err}`);
  return { code, seconds, maxRssKb: Number(m[1]), stderr: err };
}

async function countLines(path) {
  let n = 0;
  for await (const chunk of createReadStream(path)) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  }
  return n;
}

const failures = [];
const results = [];
for (const rows of sizes) {
  const t0 = Date.now();
  const input = await generate(rows);
  const lines = rows + 2;
  console.log(`${rows} rows (${(statSync(input).size / 1e6).toFixed(1)} MB) generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  for (const [name, args, expectedLines] of [
    ['normalize', ['normalize', input], lines],
    ['check', ['check', input, '--format', 'jsonl', '--quiet'], rows],
  ]) {
    const out = join(dir, `${name}-${rows}.out`);
    const r = await measure(args, out);
    const got = await countLines(out);
    rmSync(out);
    const mb = r.maxRssKb / 1024;
    const rate = Math.round(rows / r.seconds);
    results.push({ command: name, rows, seconds: Number(r.seconds.toFixed(2)), 'rows/s': rate, 'peak RSS (MB)': Number(mb.toFixed(1)) });
    if (r.code !== 0) failures.push(`${name} on ${rows} rows exited with ${r.code}: ${r.stderr.slice(0, 500)}`);
    if (got !== expectedLines) failures.push(`${name} on ${rows} rows wrote ${got} lines, not ${expectedLines}`);
    if (mb > MAX_RSS_MB) failures.push(`${name} on ${rows} rows peaked at ${mb.toFixed(1)} MB, over the bound of ${MAX_RSS_MB} MB`);
  }
  rmSync(input);
}
console.table(results);
console.log(`peak memory measured with ${TIME ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}; bound ${MAX_RSS_MB} MB`);
if (failures.length > 0) {
  for (const f of failures) console.error(`FAIL: ${f}`);
  process.exit(1);
}
console.log('OK: every row came out, and memory stayed bounded');
