// The inputs of the benchmarks, shared by run.mjs's candidates (wall time, in worker
// threads) and instructions.mjs (instruction counts), so that both measure the same work.
// Pure functions of the round and the size: nothing here loads a library.
//
// The mix: every real cell (families.tsv: the corpus and the docs' examples) drawn by the
// share its family has in published tables (FAMILY_SHARES), and within a family by how
// often the corpus holds it (a docs example counting once). The draw is apportioned, not
// sampled: each round holds every cell the same number of times, in its own shuffled
// order, so that every round is the same work; every draw gets digits of its own
// (families.mjs `freshen`), so that no cache of a parser can answer it.
import { FAMILY_SHARES, freshen, readFamilies, variant } from './families.mjs';

export const CELLS = readFamilies();
/** The units of the peers' quantities: plain, prefixed and compound, as real cells have. */
export const PEER_UNITS = ['m', 'kg', 'km', 's', 'h', 'g', 'cm', 'l', 'km/h', 'm^2', 'kg/m^3', 'kWh'];

/** Each distinct cell's share of the mix (they sum to 1). */
export const MIX_WEIGHTS = (() => {
  const total = FAMILY_SHARES.reduce((s, f) => s + f.share, 0);
  const inFamily = new Map();
  for (const c of CELLS) inFamily.set(c.family, (inFamily.get(c.family) ?? 0) + c.weight);
  return CELLS.map((c) => (FAMILY_SHARES.find((f) => f.family === c.family).share / total) * (c.weight / inFamily.get(c.family)));
})();

/** `n` whole counts in proportion to `exact` (which sums to n): largest remainders. */
function largestRemainders(exact, n) {
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k++, left--) counts[order[k][1]]++;
  return counts;
}

/**
 * How many times each cell appears in a round of `size` draws: first each family's count
 * by its share, then the family's cells by their weights (largest remainders both times),
 * so that a family's share stays exact however many rarely drawn cells (docs examples) it has.
 */
export function apportion(size) {
  const total = FAMILY_SHARES.reduce((s, f) => s + f.share, 0);
  const perFamily = largestRemainders(FAMILY_SHARES.map((f) => (f.share / total) * size), size);
  const counts = new Array(CELLS.length).fill(0);
  FAMILY_SHARES.forEach((f, k) => {
    const members = [];
    CELLS.forEach((c, i) => { if (c.family === f.family) members.push(i); });
    const weight = members.reduce((s, i) => s + MIX_WEIGHTS[i], 0);
    if (members.length === 0) return;
    const within = largestRemainders(members.map((i) => (MIX_WEIGHTS[i] / weight) * perFamily[k]), perFamily[k]);
    members.forEach((i, m) => { counts[i] = within[m]; });
  });
  return counts;
}

/** A pseudo-random sequence in [0, 1) from a seed (the same numbers on every machine). */
function randoms(seed) {
  let x = (seed * 2654435761) >>> 0;
  return () => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x / 4294967296; };
}

/**
 * The draws of one round, shuffled: [cell index, id, n], id unique to the draw among all
 * rounds, n the draw's count among the cell's own (as `freshen` takes them).
 */
function draws(round, size) {
  const counts = apportion(size);
  const out = [];
  counts.forEach((count, j) => { for (let k = 0; k < count; k++) out.push([j, round * size + out.length, 1 + round * count + k]); });
  const next = randoms(round + 1);
  for (let i = out.length - 1; i > 0; i--) { const k = Math.floor(next() * (i + 1)); [out[i], out[k]] = [out[k], out[i]]; }
  return out;
}

/** The target cells of one round of the mix: each a real cell with fresh digits, some decorated. */
export function mixCells(round, size) {
  return draws(round, size).map(([j, id, n]) => variant(CELLS[j], id, n));
}

/** The same cells with, for each, the index of the real cell it was drawn from (in CELLS). */
export function mixDraws(round, size) {
  const d = draws(round, size);
  return { cells: d.map(([j, id, n]) => variant(CELLS[j], id, n)), from: Int32Array.from(d, ([j]) => j) };
}

/**
 * The peers' strings for the same round: a quantity with the mix cell's first number (or a
 * fresh one, for cells without digits) and a unit of theirs.
 */
export function peerCells(round, size) {
  return mixCells(round, size).map((c, i) => `${/\d+(?:\.\d+)?/.exec(c)?.[0] ?? round * size + i + 1} ${PEER_UNITS[i % PEER_UNITS.length]}`);
}

/**
 * A fresh actual value for a target's template (`#` a number, `@` a date): the number near
 * the target's own (so that verdicts pass and fail, as in a real table), the date in 1990–2029.
 */
function actualText(template, id, target) {
  const near = Number(/\d+/.exec(target)?.[0] ?? 50) + (id % 9) - 4;
  return template
    .replace('#', `${Math.max(0, near)}.${id % 10}`)
    .replace('@', `${1990 + (id % 40)}-${String(1 + (id % 12)).padStart(2, '0')}-${String(1 + (id % 28)).padStart(2, '0')}`);
}

/** [target text, actual text] pairs of one round: the mix's targets, each with an actual value of its kind. */
export function evaluatePairs(round, size) {
  return draws(round, size).map(([j, id, n]) => {
    const target = variant(CELLS[j], id, n);
    return [target, actualText(CELLS[j].actual, id, target)];
  });
}

/**
 * For the cost of each form: `batch` fresh variants of every distinct cell for one round
 * (decorations left out, so that each batch is the cell's own form).
 */
export function formBatches(round, batch) {
  return CELLS.map((c, j) => Array.from({ length: batch }, (_, b) => {
    const id = (round * CELLS.length + j) * batch + b;
    return c.fresh ? freshen(c.text, c.family, id, 1 + round * batch + b) : c.text;
  }));
}

/**
 * The `k` cells the mix draws most, as written (no fresh digits): what a table repeats.
 * `errors: false` leaves out the cells the library rejects (placeholders such as 不适用).
 */
export function zipfCells(k = 200, { errors = true } = {}) {
  return MIX_WEIGHTS.map((w, i) => [w, i]).filter(([, i]) => errors || CELLS[i].family !== 'error')
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, k).map(([, i]) => CELLS[i].text);
}

/** n indexes into k items by Zipf's law (s = 1), from a fixed pseudo-random sequence. */
export function zipfDraw(n, k, seed) {
  const h = []; let acc = 0;
  for (let i = 1; i <= k; i++) { acc += 1 / i; h.push(acc); }
  const out = new Int32Array(n);
  const next = randoms(seed);
  for (let i = 0; i < n; i++) {
    const u = next() * acc;
    let lo = 0, hi = k - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (h[mid] < u) lo = mid + 1; else hi = mid; }
    out[i] = lo;
  }
  return out;
}
