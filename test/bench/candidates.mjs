// The things measured, each a factory: (size) => { input(round), run(input) → operations }.
// Inputs are made before timing starts; "fresh" inputs differ in every round, so no cache
// of ours can answer them.
import { Unit } from 'mathjs';
import Qty from 'js-quantities';
import { evaluate, parseTarget } from '../../dist/index.js';

const OPS = ['≥', '≤', '=', '', '>', '<'];
const OUR_UNITS = ['%', '亿元', '万人', '个工作日', '次', '万元', '天', '项'];
const PEER_UNITS = ['m', 'kg', 'km', 's', 'h', 'g', 'cm', 'l'];

/** Distinct plain decimals for one round: value i of round r never repeats across rounds. */
function values(round, size) {
  const out = new Array(size);
  for (let i = 0; i < size; i++) out[i] = `${(round * size + i) % 100000}.${(i * 37) % 100}`;
  return out;
}

/** The 200 cells of a Zipf draw: what tables repeat (`=100%` most of all). */
function zipfCells() {
  const base = ['=100%', '≥95%', '=0%', '≤100%', '健全', '有效', '提高', '≥90%', '=0次', '≥1次', '90%左右', '3个工作日'];
  const cells = [...base];
  for (let i = 0; cells.length < 200; i++) cells.push(`${OPS[i % 4]}${(i * 13) % 500}${OUR_UNITS[i % OUR_UNITS.length]}`);
  return cells;
}

function zipfDraw(n, k, seed) {
  // Zipf(s = 1) over k items by inverse CDF on a fixed pseudo-random sequence.
  const h = []; let acc = 0;
  for (let i = 1; i <= k; i++) { acc += 1 / i; h.push(acc); }
  const out = new Int32Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const u = (x / 4294967296) * acc;
    let lo = 0, hi = k - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (h[mid] < u) lo = mid + 1; else hi = mid; }
    out[i] = lo;
  }
  return out;
}

export const candidates = {
  'ours: parseTarget (fresh cells)': (size) => ({
    input: (round) => values(round, size).map((v, i) => `${OPS[i % OPS.length]}${v}${OUR_UNITS[i % OUR_UNITS.length]}`),
    run: (cells) => { for (const c of cells) parseTarget(c); return cells.length; },
  }),
  'mathjs: Unit.parse': (size) => ({
    input: (round) => values(round, size).map((v, i) => `${v} ${PEER_UNITS[i % PEER_UNITS.length]}`),
    run: (cells) => { for (const c of cells) Unit.parse(c); return cells.length; },
  }),
  'js-quantities: Qty.parse': (size) => ({
    input: (round) => values(round, size).map((v, i) => `${v} ${PEER_UNITS[i % PEER_UNITS.length]}`),
    run: (cells) => { for (const c of cells) Qty.parse(c); return cells.length; },
  }),
  'ours: parseTarget (Zipf over 200 cells)': (size) => {
    const cells = zipfCells();
    return {
      input: (round) => { const d = zipfDraw(size * 10, cells.length, round + 1); return Array.from(d, (i) => cells[i]); },
      run: (draw) => { for (const c of draw) parseTarget(c); return draw.length; },
    };
  },
  'Map.get (same draw)': (size) => {
    const cells = zipfCells();
    const m = new Map(cells.map((c) => [c, parseTarget(c)]));
    return {
      input: (round) => { const d = zipfDraw(size * 10, cells.length, round + 1); return Array.from(d, (i) => cells[i]); },
      run: (draw) => { let n = 0; for (const c of draw) if (m.get(c) !== undefined) n++; return n; },
    };
  },
  'ours: evaluate(target text, actual text)': (size) => {
    const cells = zipfCells().filter((c) => /\d/.test(c));
    return {
      input: (round) => values(round, size).map((v, i) => [cells[i % cells.length], `${v}${cells[i % cells.length].replace(/^[^\d]*[\d.]+/, '').replace(/左右$/, '')}`]),
      run: (pairs) => { for (const [t, a] of pairs) evaluate(t, a); return pairs.length; },
    };
  },
};
