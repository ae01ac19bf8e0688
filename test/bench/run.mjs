// npm run bench: every figure of docs/performance.md, each beside its peer and goal.
// Throughput: each candidate in its own worker thread, rounds interleaved (so a noisy
// moment hits every candidate alike), the median of the rounds reported.
import { spawnSync, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync, readFileSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { TABLE_HEADER, tableRow } from './generated-table.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
// --only=parse,evaluate runs those sections alone (parse, zipf, evaluate, cli, cold, size, table).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? null;
const want = (name) => only === null || only.includes(name);
const ROUNDS = quick ? 5 : 15;
const SIZE = quick ? 5_000 : 20_000;
const WORKERS = quick ? 1 : 3;
const LATE = quick ? 3 : 7;
const results = [];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`);

async function startWorker(candidate, size) {
  const w = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: { candidate, size } });
  await new Promise((resolve, reject) => { w.once('message', resolve); w.once('error', reject); });
  return w;
}
const round = (w, r) => new Promise((resolve, reject) => {
  const fail = (e) => { w.off('message', done); reject(e); };
  const done = (m) => { w.off('error', fail); resolve(m); };
  w.once('message', done);
  w.once('error', fail);
  w.postMessage({ round: r });
});

/**
 * Rounds per second of each candidate: WORKERS threads each (a thread can stay in a slow
 * state for its whole life on a shared machine: its JIT and heap settle differently), all
 * rounds interleaved in an order that rotates; each thread's median after the warm-up, and
 * the candidate's figure (`median`) is the median of its threads' medians. `late` is the
 * same over the last LATE rounds alone, for information: a thread of ours takes about seven
 * rounds to settle (V8's recompilations and its first full collection), mathjs's about one.
 */
async function throughput(names, size) {
  const slots = names.flatMap((n) => Array.from({ length: WORKERS }, () => n));
  const workers = await Promise.all(slots.map((n) => startWorker(n, size)));
  const rates = slots.map(() => []);
  for (let r = 0; r < ROUNDS + 2; r++) {
    for (let k = 0; k < slots.length; k++) {
      const j = (k + r) % slots.length;
      const { ns, ops } = await round(workers[j], r);
      if (r >= 2) rates[j].push(ops / (ns / 1e9)); // two rounds of warm-up
    }
  }
  await Promise.all(workers.map((w) => w.terminate()));
  const of = (perThread) => Object.fromEntries(names.map((n) => [n, median(perThread.filter((_, i) => slots[i] === n))]));
  return { median: of(rates.map(median)), late: of(rates.map((x) => median(x.slice(-LATE)))) };
}

/** A self-evaluation table as the commands read it: targets, actual values, weights. */
function tableCsv(rows) {
  const lines = [TABLE_HEADER];
  for (let i = 0; i < rows; i++) lines.push(tableRow(i));
  return `${lines.join('\n')}\n`;
}

function report(figure, value, peer, goal, pass, note = '') {
  results.push({ figure, value, peer, goal, pass, note });
  console.log(`${pass ? 'MEETS ' : 'MISSES'}  ${figure}\n        ${value}${peer ? `   | ${peer}` : ''}   | goal: ${goal}${note ? `\n        ${note}` : ''}`);
}

// 1. Fresh distinct cells against the peers.
if (want('parse')) {
  const r = await throughput(['ours: parseTarget (fresh cells)', 'mathjs: Unit.parse', 'js-quantities: Qty.parse'], SIZE);
  const ours = r.median['ours: parseTarget (fresh cells)'], mj = r.median['mathjs: Unit.parse'], qty = r.median['js-quantities: Qty.parse'];
  const late = r.late['ours: parseTarget (fresh cells)'], lateMj = r.late['mathjs: Unit.parse'];
  report('parse fresh distinct cells', `ours ${fmt(ours)}`, `mathjs ${fmt(mj)}, js-quantities ${fmt(qty)}; ratio to mathjs ${(ours / mj).toFixed(2)}×`, '≥ 3× mathjs', ours / mj >= 3,
    `the last ${LATE} rounds alone (not the goal's figure): ours ${fmt(late)}, mathjs ${fmt(lateMj)}; ${(late / lateMj).toFixed(2)}×`);
}
// 2. Repeated cells.
if (want('zipf')) {
  const r = await throughput(['ours: parseTarget (Zipf over 200 cells)', 'Map.get (same draw)'], SIZE);
  const ours = r.median['ours: parseTarget (Zipf over 200 cells)'], map = r.median['Map.get (same draw)'];
  report('repeated cells (Zipf over 200)', `ours ${fmt(ours)}`, `a bare Map.get ${fmt(map)}; ratio ${(ours / map).toFixed(2)}`, '≥ 20 M lookups/s', ours >= 20e6,
    'cache: two generations of 1024 targets (about 2 MB at most), a cell kept from its second sight');
}
// 3. evaluate.
if (want('evaluate')) {
  const r = await throughput(['ours: evaluate(target text, actual text)', 'mathjs: Unit.parse'], SIZE);
  const ours = r.median['ours: evaluate(target text, actual text)'];
  report('evaluate(target text, actual text)', `ours ${fmt(ours)}`, `mathjs Unit.parse alone ${fmt(r.median['mathjs: Unit.parse'])}`, '≥ 1 M/s, exact', ours >= 1e6,
    `the last ${LATE} rounds alone (not the goal's figure): ours ${fmt(r.late['ours: evaluate(target text, actual text)'])}, mathjs ${fmt(r.late['mathjs: Unit.parse'])}`);
}
// 4. One-shot command against `node -e 0`.
if (want('cli')) {
  const runs = quick ? 7 : 21;
  const a = [], b = [];
  for (let i = 0; i < runs; i++) {
    for (const [list, args] of [[a, [CLI, 'parse', '≥50亿元']], [b, ['-e', '0']]]) {
      const t0 = process.hrtime.bigint();
      const p = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (p.status !== 0) throw new Error(`${args.join(' ')} failed`);
      list.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  const ours = median(a), node = median(b);
  report('one-shot `indicator-expr parse ≥50亿元`', `${ours.toFixed(1)} ms`, `node -e 0 ${node.toFixed(1)} ms; ratio ${(ours / node).toFixed(2)}×`, '≤ 2× node -e 0', ours / node <= 2);
}
// 5. Cold start in process: import, first parse (fast path), first parse through the grammar.
if (want('cold')) {
  const code = `const t0=performance.now();const m=await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});const t1=performance.now();m.parseTarget('≥50亿元');const t2=performance.now();m.parseTarget('较上年提高5%');const t3=performance.now();console.log(JSON.stringify([t1-t0,t2-t1,t3-t2]))`;
  const xs = [];
  for (let i = 0; i < (quick ? 5 : 11); i++) xs.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })));
  const [imp, first, grammar] = [0, 1, 2].map((k) => median(xs.map((x) => x[k])));
  report('cold start', `import ${imp.toFixed(1)} ms, first parse ${first.toFixed(2)} ms, first grammar parse ${grammar.toFixed(1)} ms`, '', 'reported', true,
    'the grammar (chevrotain) is built on the first cell the fast path does not take');
}
// 6. Size of the library entry with everything it imports.
if (want('size')) {
  const dir = mkdtempSync(join(tmpdir(), 'ie-size-'));
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, `export * from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};`);
  const out = join(dir, 'bundle.js');
  execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [entry, '--bundle', '--minify', '--format=esm', '--platform=neutral', `--outfile=${out}`, '--log-level=error', `--main-fields=module,main`]);
  const min = statSync(out).size, gz = gzipSync(readFileSync(out), { level: 9 }).length;
  rmSync(dir, { recursive: true, force: true });
  report('library entry, min+gzip (with decimal.js and chevrotain)', `${(gz / 1024).toFixed(1)} KB (min ${(min / 1024).toFixed(0)} KB)`, '', '≤ 64 KB', gz <= 64 * 1024);
}

// 7. The table commands against reading and writing the same CSV with the same reader and
// writer (test/bench/table-baseline.mjs), on a generated table; peak RSS of each process.
if (want('table')) {
  const rows = quick ? 20_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'ie-table-'));
  const input = join(dir, 'table.csv');
  writeFileSync(input, tableCsv(rows));
  // A quarter of the table: constant memory means the same peak on both.
  const small = join(dir, 'small.csv');
  writeFileSync(small, tableCsv(rows / 4));
  const runs = quick ? 1 : 3;
  const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const preload = join(dir, 'maxrss.cjs');
  writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nMAXRSS_KB ${process.resourceUsage().maxRSS}\\n`));\n");
  /** Seconds and peak RSS (MB) of one run, standard output to a file. */
  const measure = (args) => {
    const out = join(dir, 'out');
    const argv = time ? ['-v', process.execPath, ...args] : ['-r', preload, ...args];
    const t0 = process.hrtime.bigint();
    const fd = openSync(out, 'w');
    const p = spawnSync(time ?? process.execPath, argv, { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    closeSync(fd);
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (p.status !== 0 && p.status !== 1) throw new Error(`${args.join(' ')} failed (${p.status}): ${p.stderr.slice(0, 400)}`);
    const m = time ? /Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr) : /MAXRSS_KB (\d+)/.exec(p.stderr);
    return { seconds, rssMb: m ? Number(m[1]) / 1024 : NaN };
  };
  const commands = {
    baseline: (f) => [join(ROOT, 'test', 'bench', 'table-baseline.mjs'), f],
    normalize: (f) => [CLI, 'normalize', f],
    check: (f) => [CLI, 'check', f, '--format', 'csv', '--quiet'],
  };
  const got = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const quarter = {};
  for (let i = 0; i < runs; i++) for (const [k, args] of Object.entries(commands)) got[k].push(measure(args(input)));
  for (const [k, args] of Object.entries(commands)) quarter[k] = measure(args(small)).rssMb;
  rmSync(dir, { recursive: true, force: true });
  const med = (k) => ({ rate: rows / median(got[k].map((x) => x.seconds)), rss: Math.max(...got[k].map((x) => x.rssMb)) });
  const base = med('baseline');
  for (const k of ['normalize', 'check']) {
    const r = med(k);
    // Constant memory: four times the rows may not cost half as much memory again (the
    // heap of a streaming process still grows a little as it warms up; a row kept per row
    // would take about 1 KB, 75 MB more here).
    const constant = r.rss <= quarter[k] * 1.5;
    report(`\`indicator-expr ${k}\` on ${rows} rows`, `${fmt(r.rate).replace('/s', ' rows/s')}, peak RSS ${r.rss.toFixed(0)} MB (${quarter[k].toFixed(0)} MB on ${rows / 4} rows)`,
      `readRows + writeCsv alone ${fmt(base.rate).replace('/s', ' rows/s')}, peak RSS ${base.rss.toFixed(0)} MB; ratio ${(r.rate / base.rate).toFixed(2)}`,
      '≥ 50 % of reading + writing, constant memory', r.rate / base.rate >= 0.5 && constant,
      `median of ${runs} run${runs > 1 ? 's' : ''}; memory from ${time ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS'}${constant ? '' : '; memory grows with the table'}`);
  }
}

const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`;
console.log(`\nmachine: ${machine}\nrounds: ${ROUNDS} × ${SIZE} (medians), ${WORKERS} threads per candidate (median of theirs)`);
if (process.argv.includes('--json')) writeFileSync(join(ROOT, 'test', 'bench', 'last-run.json'), JSON.stringify({ machine, results }, null, 2));
