// npm run bench: the figures of docs/performance.md, each beside its peer and goal, on the
// work users do: the cells of real tables (families.tsv: the corpus and the docs'
// examples) drawn by the share each family has in published tables, with fresh digits in
// every call (inputs.mjs).
// Throughput: each candidate in its own worker threads, rounds interleaved (so a noisy
// moment hits every candidate alike), the median of the rounds reported; ratios are taken
// against a peer measured in the same run.
//
//   npm run bench [-- --quick] [-- --only=mix,forms,evaluate,zipf,cli,cold,size,table] [-- --json]
import { spawnSync, execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TABLE_HEADER, tableRow } from './generated-table.mjs';
import { CELLS, MIX_WEIGHTS, formBatches, zipfCells } from './inputs.mjs';
import { FAMILIES } from './families.mjs';
import { bundleOf, PARSER_MARKERS } from './bundle-size.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
const SECTIONS = ['mix', 'forms', 'evaluate', 'zipf', 'cli', 'cold', 'size', 'table'];
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? null;
const unknown = (only ?? []).filter((s) => !SECTIONS.includes(s));
if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(', ')} (${SECTIONS.join(', ')})`);
const want = (name) => only === null || only.includes(name);
const ROUNDS = quick ? 5 : 15;
const SIZE = quick ? 5_000 : 20_000;
const WORKERS = quick ? 1 : 3;
const results = [];
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : `${(x / 1e3).toFixed(0)} k/s`);
const pct = (x) => `${(x * 100).toFixed(1)} %`;
const us = (ns) => `${(ns / 1e3).toFixed(2)} µs`;
const show = (text) => JSON.stringify(text);

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
 * Operations per second of each candidate: WORKERS threads each (a thread can stay in a
 * slow state for its whole life on a shared machine: its JIT and heap settle differently),
 * all rounds interleaved in an order that rotates; each thread's median after two rounds
 * of warm-up, and the candidate's figure (`median`) the median of its threads' medians.
 * `details` holds every measured round's detail (what a candidate reports beside its
 * time); `detail` the median, element by element, of a candidate's array-valued details.
 */
async function throughput(names, size) {
  const slots = names.flatMap((n) => Array.from({ length: WORKERS }, () => n));
  const workers = await Promise.all(slots.map((n) => startWorker(n, size)));
  const rates = slots.map(() => []);
  const details = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < ROUNDS + 2; r++) {
    for (let k = 0; k < slots.length; k++) {
      const j = (k + r) % slots.length;
      const { ns, ops, detail } = await round(workers[j], r);
      if (r < 2) continue; // warm-up
      rates[j].push(ops / (ns / 1e9));
      if (detail) details[slots[j]].push(detail);
    }
  }
  await Promise.all(workers.map((w) => w.terminate()));
  const of = (perThread) => Object.fromEntries(names.map((n) => [n, median(perThread.filter((_, i) => slots[i] === n))]));
  const detail = Object.fromEntries(names.map((n) => {
    const arrays = details[n].map((d) => d.ns).filter(Boolean);
    const med = (i) => { const xs = arrays.map((a) => a[i]).filter((x) => !Number.isNaN(x)); return xs.length === 0 ? NaN : median(xs); };
    return [n, arrays.length === 0 ? null : { ns: Float64Array.from(arrays[0], (_, i) => med(i)) }];
  }));
  return { median: of(rates.map(median)), details, detail };
}

/** The share of a Zipf draw (s = 1) over zipfCells() that falls on error cells. */
function zipfErrorShare() {
  const cells = zipfCells();
  const errors = new Set(CELLS.filter((c) => c.family === 'error').map((c) => c.text));
  let h = 0, e = 0;
  cells.forEach((c, i) => { h += 1 / (i + 1); if (errors.has(c)) e += 1 / (i + 1); });
  return e / h;
}

/** The share of the mix's draws whose cell has no digits to vary (families.tsv's `fresh` 0). */
const repeatedShare = () => CELLS.reduce((s, c, j) => s + (c.fresh ? 0 : MIX_WEIGHTS[j]), 0);

/**
 * The tail and the families, from each distinct cell's median cost within the mix (mixNs,
 * by families.tsv's order; cells a round never draws, whose share is below one draw, are
 * left out and the shares of the others renormalised): the mix's mean cell, the mean of
 * its slowest 2 % (by share, the dearest cells first), each family's share of cells, mean
 * cost and share of time.
 */
function mixCosts(mixNs) {
  const drawn = CELLS.map((c, j) => ({ ...c, cost: mixNs[j], w: MIX_WEIGHTS[j] })).filter((c) => !Number.isNaN(c.cost));
  const total = drawn.reduce((s, c) => s + c.w, 0);
  for (const c of drawn) c.w /= total;
  const mean = drawn.reduce((s, c) => s + c.w * c.cost, 0);
  const TAIL = 0.02;
  const tail = [];
  let left = TAIL, tailSum = 0;
  for (const c of [...drawn].sort((x, y) => y.cost - x.cost)) {
    if (left <= 0) break;
    const w = Math.min(c.w, left);
    tailSum += w * c.cost; left -= w; tail.push(c);
  }
  const families = FAMILIES.map((family) => {
    const of = drawn.filter((c) => c.family === family);
    const share = of.reduce((s, c) => s + c.w, 0), time = of.reduce((s, c) => s + c.w * c.cost, 0);
    return { family, share, cost: time / share, time: time / mean };
  });
  return { mean, tailMean: tailSum / TAIL, tailRatio: tailSum / TAIL / mean, tail: tail.slice(0, 8), families };
}

/**
 * Each error cell's cost against the median cost of the successful cells with fresh digits
 * of the nearest length (lengths as measured: fresh digits lengthen a cell), from batches of
 * each cell's own variants (batchNs; a cache answers none of these cells).
 */
function errorCosts(batchNs) {
  const lengths = formBatches(0, 1).map(([text]) => text.length);
  const cells = CELLS.map((c, j) => ({ ...c, cost: batchNs[j], length: lengths[j] }));
  const ok = cells.filter((c) => c.family !== 'error' && c.fresh);
  const errors = cells.filter((c) => c.family === 'error').map((e) => {
    const nearest = Math.min(...ok.map((c) => Math.abs(c.length - e.length)));
    const peer = median(ok.filter((c) => Math.abs(c.length - e.length) === nearest).map((c) => c.cost));
    return { text: e.text, cost: e.cost, peer, ratio: e.cost / peer };
  });
  return { worst: errors.reduce((x, y) => (y.ratio > x.ratio ? y : x)), median: median(errors.map((e) => e.ratio)) };
}

/** A self-evaluation table as the commands read it: targets, actual values, weights. */
function tableCsv(rows) {
  const lines = [TABLE_HEADER];
  for (let i = 0; i < rows; i++) lines.push(tableRow(i));
  return `${lines.join('\n')}\n`;
}

function report(figure, value, peer, goal, pass, note = '', data = {}) {
  results.push({ figure, value, peer, goal, pass, note, ...data });
  console.log(`${pass ? 'MEETS ' : 'MISSES'}  ${figure}\n        ${value}${peer ? `   | ${peer}` : ''}   | goal: ${goal}${note ? `\n        ${note}` : ''}`);
}

// 1. The mix of fresh real cells against the peers.
if (want('mix')) {
  const [O, M, Q] = ['ours: parseTarget (the mix)', 'mathjs: Unit.parse', 'js-quantities: Qty.parse'];
  const r = await throughput([O, M, Q], SIZE);
  const ours = r.median[O], mj = r.median[M];
  report('parse the mix of real cells (fresh digits)', `ours ${fmt(ours)}`, `mathjs ${fmt(mj)}, js-quantities ${fmt(r.median[Q])}; ratio to mathjs ${(ours / mj).toFixed(2)}×`,
    '≥ 1.5× mathjs', ours / mj >= 1.5,
    `${pct(repeatedShare())} of the draws are cells with no digits to vary (qualitative terms, placeholders, trends without a number): those repeat, as in a real table`,
    { ours, mathjs: mj, ratio: ours / mj });
}
// 2. The cost of each form: the slowest forms of the mix, and errors.
if (want('forms')) {
  const [T, B] = ['ours: parseTarget (the mix, each call timed)', 'ours: parseTarget (each form)'];
  const r = await throughput([T, B], SIZE);
  const f = mixCosts(r.detail[T].ns);
  report('no cliff: the slowest 2 % of the mix against its mean cell', `${f.tailRatio.toFixed(2)}× (mean ${us(f.mean)}, slowest 2 % ${us(f.tailMean)})`, '', '≤ 4×', f.tailRatio <= 4,
    `each cell's median call in the mix; the slowest: ${f.tail.map((t) => `${show(t.text)} ${us(t.cost)}`).join(', ')}`, { mean: f.mean, tailMean: f.tailMean, ratio: f.tailRatio });
  const e = errorCosts(r.detail[B].ns);
  report('an error against a successful parse of the same length', `worst ${e.worst.ratio.toFixed(2)}× (${show(e.worst.text)} ${us(e.worst.cost)} against ${us(e.worst.peer)}), median ${e.median.toFixed(2)}×`, '',
    '≤ 5×', e.worst.ratio <= 5, 'batches of each cell\'s fresh variants; the peers: successful cells with fresh digits, of the nearest length', { worst: e.worst.ratio, median: e.median });
  console.log('\n        family        share of cells  median cost  share of time');
  for (const x of f.families) console.log(`        ${x.family.padEnd(14)}${pct(x.share).padStart(9)}  ${us(x.cost).padStart(12)}  ${pct(x.time).padStart(10)}`);
  console.log('');
  results.push({ figure: 'families', families: f.families });
}
// 3. evaluate on target/actual pairs of the same mix.
if (want('evaluate')) {
  const [O, M] = ['ours: evaluate(target, actual) (the mix)', 'mathjs: Unit.parse'];
  const r = await throughput([O, M], SIZE);
  const ours = r.median[O], mj = r.median[M];
  report('evaluate(target text, actual text) on pairs of the mix', `ours ${fmt(ours)}`, `mathjs Unit.parse ${fmt(mj)}; ratio ${(ours / mj).toFixed(2)}×`, '≥ 1× mathjs', ours / mj >= 1,
    '', { ours, mathjs: mj, ratio: ours / mj });
}
// 4. Repeated cells.
if (want('zipf')) {
  const [O, X, B] = ['ours: parseTarget (Zipf over real cells)', 'ours: parseTarget (Zipf over real cells, errors left out)', 'Map.get (same draw)'];
  const r = await throughput([O, X, B], SIZE);
  const ours = r.median[O], map = r.median[B];
  const heapOf = (n) => median(r.details[n].map((d) => d.heap)) / 2 ** 20;
  report('repeated cells (Zipf over the 200 cells the mix draws most)', `ours ${fmt(ours)}; ${fmt(r.median[X])} with the error cells left out`,
    `a bare Map.get of the same targets ${fmt(map)}; ratio ${(ours / map).toFixed(2)}`, '≥ 20 M lookups/s, bounded memory', ours >= 20e6,
    `the error cells (不适用 …: ${pct(zipfErrorShare())} of the draws) are kept as errors, each call given a new one; heap of the thread after a round (its inputs included): ours ${heapOf(O).toFixed(1)} MB, the Map's ${heapOf(B).toFixed(1)} MB`,
    { ours, withoutErrors: r.median[X], map, heapMb: heapOf(O), mapHeapMb: heapOf(B) });
}
// 5. One-shot command against `node -e 0`.
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
// 6. Cold start in process: import, the first cell, the first cell of another form.
if (want('cold')) {
  const code = `const t0=performance.now();const m=await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))});const t1=performance.now();m.parseTarget('≥50亿元');const t2=performance.now();m.parseTarget('较上年提高5%');const t3=performance.now();console.log(JSON.stringify([t1-t0,t2-t1,t3-t2]))`;
  const xs = [];
  for (let i = 0; i < (quick ? 5 : 11); i++) xs.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' })));
  const [imp, first, grammar] = [0, 1, 2].map((k) => median(xs.map((x) => x[k])));
  report('cold start', `import ${imp.toFixed(1)} ms, first cell ${first.toFixed(2)} ms, then a cell of another form ${grammar.toFixed(1)} ms`, '', 'reported', true);
}
// 7. Size of the library entry with everything it imports, and what a partial import pulls in.
if (want('size')) {
  const entry = await bundleOf(`export * from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};`);
  report('library entry, min+gzip (with decimal.js and chevrotain)', `${(entry.gzip / 1024).toFixed(1)} KB (min ${(entry.min / 1024).toFixed(0)} KB)`, '', '≤ 90 KB', entry.gzip <= 90 * 1024,
    '', { gzipBytes: entry.gzip, minBytes: entry.min });
  const partial = {
    grade: `export { grade } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};`,
    toJSON: `export { toJSON } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};`,
    types: `import type { Target } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))}; export const id = (t: Target): Target => t;`,
  };
  const got = await Promise.all(Object.entries(partial).map(async ([name, code]) => ({ name, ...(await bundleOf(code, name === 'types' ? 'ts' : 'js')) })));
  report('a bundle importing only grade, toJSON or the types', got.map((g) => `${g.name} ${(g.gzip / 1024).toFixed(1)} KB${g.parser ? ' with the parser' : ''}`).join(', '), '',
    'no parser', got.every((g) => !g.parser), `the parser recognised by chevrotain's ${PARSER_MARKERS.join(', ')}`, { partial: got });
}

// 8. The table commands against reading and writing the same CSV with the same reader and
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

const machine = `${cpus()[0]?.model ?? 'cpu'} × ${cpus().length}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;
console.log(`\nmachine: ${machine}\nrounds: ${ROUNDS} × ${SIZE} (medians), ${WORKERS} threads per candidate (median of theirs)`);
if (process.argv.includes('--json')) writeFileSync(join(ROOT, 'test', 'bench', 'last-run.json'), JSON.stringify({ machine, results }, null, 2));
