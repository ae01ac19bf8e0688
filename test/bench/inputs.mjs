// The inputs of the benchmarks, shared by candidates.mjs (wall time, in worker threads) and
// instructions.mjs (instruction counts), so that both measure the same work. Pure functions
// of the round: nothing here imports a library.
export const OPS = ['≥', '≤', '=', '', '>', '<'];
export const OUR_UNITS = ['%', '亿元', '万人', '个工作日', '次', '万元', '天', '项'];
export const PEER_UNITS = ['m', 'kg', 'km', 's', 'h', 'g', 'cm', 'l'];

/** Distinct plain decimals for one round: value i of round r never repeats across rounds. */
export function values(round, size) {
  const out = new Array(size);
  for (let i = 0; i < size; i++) out[i] = `${(round * size + i) % 100000}.${(i * 37) % 100}`;
  return out;
}

/** The 200 cells of a Zipf draw: what tables repeat (`=100%` most of all). */
export function zipfCells() {
  const base = ['=100%', '≥95%', '=0%', '≤100%', '健全', '有效', '提高', '≥90%', '=0次', '≥1次', '90%左右', '3个工作日'];
  const cells = [...base];
  for (let i = 0; cells.length < 200; i++) cells.push(`${OPS[i % 4]}${(i * 13) % 500}${OUR_UNITS[i % OUR_UNITS.length]}`);
  return cells;
}

export function zipfDraw(n, k, seed) {
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

/** Fresh cells of ours for one round: a comparator, a distinct decimal, a unit. */
export function freshCells(round, size) {
  return values(round, size).map((v, i) => `${OPS[i % OPS.length]}${v}${OUR_UNITS[i % OUR_UNITS.length]}`);
}

/** The peers' equivalent strings: a distinct decimal and a unit. */
export function peerCells(round, size) {
  return values(round, size).map((v, i) => `${v} ${PEER_UNITS[i % PEER_UNITS.length]}`);
}

/** [target text, actual text] pairs: the Zipf cells with a number, each against a fresh value in its unit. */
export function evaluatePairs(round, size) {
  const cells = zipfCells().filter((c) => /\d/.test(c));
  return values(round, size).map((v, i) => [cells[i % cells.length], `${v}${cells[i % cells.length].replace(/^[^\d]*[\d.]+/, '').replace(/左右$/, '')}`]);
}
