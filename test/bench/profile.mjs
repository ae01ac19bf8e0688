// npm run bench:profile [-- --candidate=NAME | --cell=TEXT] [-- --rounds=N]: one benchmark
// candidate (or parseTarget on fresh variants of one cell) in this thread under V8's sampling profiler (node --cpu-prof), its self time summed by the
// source file of each function (through dist/'s source maps) and by function. What
// docs/performance.md's "What the profile shows" is read from.
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidates } from './candidates.mjs';

const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const name = arg('candidate', 'ours: parseTarget (the mix)');
const rounds = Number(arg('rounds', '30'));
const size = Number(arg('size', '5000'));
const top = Number(arg('top', '40'));

const cell = arg('cell', null);
const c = cell === null ? await candidates[name](size) : await oneCell(cell);

/** parseTarget on `size` fresh variants of one cell a round (families.mjs `variant`), errors included. */
async function oneCell(text) {
  const { parseTarget } = await import('../../dist/index.js');
  const { variant } = await import('./families.mjs');
  const { CELLS } = await import('./inputs.mjs');
  const known = CELLS.find((x) => x.text === text) ?? { ...CELLS[0], text };
  return {
    input: (round) => Array.from({ length: size }, (_, i) => variant(known, round * size + i, round * size + i + 1)),
    run: (cells) => { for (const x of cells) { try { parseTarget(x); } catch { /* an error cell */ } } return cells.length; },
  };
}
const inputs = Array.from({ length: rounds + 2 }, (_, r) => c.input(r));
c.run(inputs[0]); c.run(inputs[1]); // warm-up, outside the profile

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
for (let r = 2; r < rounds + 2; r++) c.run(inputs[r]);
const { profile } = await session.post('Profiler.stop');
session.disconnect();

// The source file of a line of a dist chunk, from its source map (mappings decoded by hand:
// base64 VLQ, only the source index is needed per generated line).
const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const maps = new Map();
function sourceOf(url, line) {
  if (!url.includes('/dist/')) return url.includes('node_modules') ? url.replace(/.*node_modules\//, '').split('/')[0] : (url || '(native)');
  const file = join(DIST, url.replace(/.*\/dist\//, ''));
  if (!maps.has(file)) {
    let m = null;
    try {
      const raw = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
      const lines = raw.mappings.split(';');
      let src = 0;
      const perLine = lines.map((l) => {
        let first = null;
        for (const seg of l.split(',')) {
          if (seg === '') continue;
          const v = vlq(seg);
          if (v.length > 1) { src += v[1]; if (first === null) first = src; }
        }
        return first ?? src;
      });
      m = { sources: raw.sources, perLine };
    } catch { /* no map */ }
    maps.set(file, m);
  }
  const m = maps.get(file);
  if (!m) return url;
  const s = m.sources[m.perLine[line] ?? 0] ?? url;
  return s.replace(/^(\.\.\/)+/, '').replace(/.*node_modules\//, '');
}
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function vlq(seg) {
  const out = [];
  let v = 0, shift = 0;
  for (const ch of seg) {
    const d = B64.indexOf(ch);
    v += (d & 31) << shift;
    if (d & 32) { shift += 5; continue; }
    out.push(v & 1 ? -(v >>> 1) : v >>> 1);
    v = 0; shift = 0;
  }
  return out;
}

const dt = new Map();
for (let i = 0; i < profile.samples.length; i++) dt.set(profile.samples[i], (dt.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));
const byFile = new Map();
const byFn = new Map();
let total = 0;
for (const node of profile.nodes) {
  const t = dt.get(node.id) ?? 0;
  // The profiler's own reply (`Profiler.stop`) is sampled too: not the candidate's time.
  if (t === 0 || (node.callFrame.functionName === 'dispatch' && node.callFrame.url === '')) continue;
  total += t;
  const f = node.callFrame;
  const file = f.url ? sourceOf(f.url, f.lineNumber) : `(${f.functionName || 'native'})`;
  const key = file.replace(/^(chevrotain|decimal\.js|@chevrotain)\/.*$/, '$1').replace(/^lodash-es\/.*$/, 'lodash-es');
  byFile.set(key, (byFile.get(key) ?? 0) + t);
  const fn = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + t);
}
const show = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top)
  .map(([k, t]) => `${((100 * t) / total).toFixed(1).padStart(5)} %  ${k}`).join('\n');
console.log(`${cell === null ? name : JSON.stringify(cell)}: ${rounds} rounds of ${size}, ${(total / 1e6).toFixed(2)} s of samples\n\nby source file (self time)\n${show(byFile)}\n\nby function (self time)\n${show(byFn)}`);
