// npm run bench:instructions: machine instructions per operation, counted by valgrind.
//
// Wall time on a shared two-core machine moves by 10-30 % from run to run, so a change of a
// few per cent cannot be seen in it. Instructions can: each workload (the inputs of the
// wall-time suite, inputs.mjs) runs in a child `node --single-threaded` (no concurrent
// compiler or GC threads, whose work valgrind would count in any order) under valgrind's
// cachegrind, with only the library it measures loaded, once for 10 rounds and once for
// 20; the difference, divided by the operations between them, is the steady state per
// operation, start-up and warm-up cancelled out. The harness alone (inputs made, nothing
// run) is counted the same way and subtracted. Instructions include V8's own work (GC,
// Object.freeze, Map lookups), not only our JavaScript; they are not time (a cache miss
// costs more than an add), but they rank changes the same way far more steadily. A run
// takes several minutes (valgrind runs node about 50 times slower).
//
// node test/bench/instructions.mjs [--repeat=N] [--only=parse,evaluate,mathjs] [--size=N --rounds=FEW,MORE]
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { evaluatePairs, mixCells, peerCells } from './inputs.mjs';

const SELF = fileURLToPath(import.meta.url);
const option = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SIZE = Number(option('size') ?? 20_000);
const [FEW, MORE] = (option('rounds') ?? '10,20').split(',').map(Number);
/** Each workload: the library it loads (only that one, so the heap is the library's own), its input and its loop. */
const WORKLOADS = {
  parse: {
    name: 'ours: parseTarget (the mix)', load: () => import('../../dist/index.js'),
    input: mixCells, run: (m, cells) => { for (const c of cells) { try { m.parseTarget(c); } catch { /* an error cell */ } } },
  },
  mathjs: {
    name: 'mathjs: Unit.parse', load: () => import('mathjs'),
    input: peerCells, run: (m, cells) => { for (const c of cells) m.Unit.parse(c); },
  },
  evaluate: {
    name: 'ours: evaluate(target, actual) (the mix)', load: () => import('../../dist/index.js'),
    input: evaluatePairs, run: (m, pairs) => { for (const [t, a] of pairs) { try { m.evaluate(t, a); } catch { /* an error target */ } } },
  },
};

if (process.argv[2] === '--child') {
  // The measured process: ROUNDS rounds of one workload, or only its inputs (`harness`).
  const [, , , key, rounds, mode] = process.argv;
  const w = WORKLOADS[key];
  const m = await w.load();
  for (let r = 0; r < Number(rounds); r++) {
    const input = w.input(r, SIZE);
    if (mode !== 'harness') w.run(m, input);
  }
  process.exit(0);
}

const hasValgrind = spawnSync('valgrind', ['--version'], { stdio: 'ignore' }).status === 0;
if (!hasValgrind) {
  console.log('valgrind is not installed: instruction counts skipped (apt-get install valgrind)');
  process.exit(0);
}
const repeat = Number(process.argv.find((a) => a.startsWith('--repeat='))?.slice(9) ?? 1);
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? Object.keys(WORKLOADS);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Instructions of one child run, from cachegrind's summary line `I refs: 1,234`. */
function instructions(key, rounds, mode) {
  const p = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null',
    process.execPath, '--single-threaded', SELF, '--child', key, String(rounds), mode, `--size=${SIZE}`], { encoding: 'utf8', maxBuffer: 1 << 24 });
  const m = /I\s+refs:\s+([\d,]+)/.exec(p.stderr);
  if (p.status !== 0 || !m) throw new Error(`valgrind run of ${key} failed: ${p.stderr.slice(-400)}`);
  return Number(m[1].replaceAll(',', ''));
}

const ops = (MORE - FEW) * SIZE;
const per = {};
for (const key of only) {
  const name = WORKLOADS[key]?.name;
  if (!name) throw new Error(`unknown workload ${key} (${Object.keys(WORKLOADS).join(', ')})`);
  const xs = [];
  for (let i = 0; i < repeat; i++) {
    const run = instructions(key, MORE, 'run') - instructions(key, FEW, 'run');
    const harness = instructions(key, MORE, 'harness') - instructions(key, FEW, 'harness');
    xs.push((run - harness) / ops);
  }
  per[key] = median(xs);
  console.log(`${name.padEnd(44)} ${per[key].toFixed(0).padStart(7)} instructions/op${repeat > 1 ? `  (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})` : ''}`);
}
if (per.parse !== undefined && per.mathjs !== undefined) console.log(`the mix, mathjs / ours in instructions: ${(per.mathjs / per.parse).toFixed(2)}×`);
if (per.evaluate !== undefined && per.mathjs !== undefined) console.log(`evaluate on the mix, mathjs / ours in instructions: ${(per.mathjs / per.evaluate).toFixed(2)}×`);
