// The things measured, each a factory: (size) => { input(round), run(input) → operations,
// or { ops, detail } }. Inputs are made before timing starts (inputs.mjs); the mix's
// cells have fresh digits in every round, so no cache of ours can answer them.
import { Unit } from 'mathjs';
import Qty from 'js-quantities';
import { evaluate, parseTarget } from '../../dist/index.js';
import { CELLS, evaluatePairs, formBatches, mixCells, mixDraws, peerCells, zipfCells, zipfDraw } from './inputs.mjs';

/** Parses every cell; a cell the library rejects is an error a table reports, not a failure of the run. */
function parseAll(cells) {
  for (const c of cells) { try { parseTarget(c); } catch { /* an IndicatorError: reported in the table */ } }
  return cells.length;
}

/** Each cell of a Zipf draw over the cells the mix draws most: what a table repeats. */
const zipfInput = (size, options) => {
  const cells = zipfCells(200, options);
  return (round) => Array.from(zipfDraw(size * 10, cells.length, round + 1), (i) => cells[i]);
};

/** The heap of this thread after a round (a worker's `process.memoryUsage()` is its own isolate's). */
const heap = () => process.memoryUsage().heapUsed;

export const candidates = {
  'ours: parseTarget (the mix)': (size) => ({ input: (round) => mixCells(round, size), run: parseAll }),
  'mathjs: Unit.parse': (size) => ({
    input: (round) => peerCells(round, size),
    run: (cells) => { for (const c of cells) Unit.parse(c); return cells.length; },
  }),
  'js-quantities: Qty.parse': (size) => ({
    input: (round) => peerCells(round, size),
    run: (cells) => { for (const c of cells) Qty.parse(c); return cells.length; },
  }),
  'ours: evaluate(target, actual) (the mix)': (size) => ({
    input: (round) => evaluatePairs(round, size),
    run: (pairs) => {
      for (const [t, a] of pairs) { try { evaluate(t, a); } catch { /* a target that is an error */ } }
      return pairs.length;
    },
  }),
  'ours: parseTarget (Zipf over real cells)': (size) => {
    const input = zipfInput(size);
    return { input, run: (draw) => ({ ops: parseAll(draw), detail: { heap: heap() } }) };
  },
  'ours: parseTarget (Zipf over real cells, errors left out)': (size) => {
    const input = zipfInput(size, { errors: false });
    return { input, run: (draw) => ({ ops: parseAll(draw), detail: { heap: heap() } }) };
  },
  'Map.get (same draw)': (size) => {
    const cells = zipfCells();
    const m = new Map(cells.map((c) => { try { return [c, parseTarget(c)]; } catch (e) { return [c, e]; } }));
    const input = zipfInput(size);
    return {
      input,
      run: (draw) => { let n = 0; for (const c of draw) if (m.get(c) !== undefined) n++; return { ops: n, detail: { heap: heap() } }; },
    };
  },
  /**
   * The mix again, each call timed: detail.ns[j] is the median nanoseconds of the calls on
   * cell j in the round (NaN when the round did not draw it). The timer's own cost is in
   * every figure alike.
   */
  'ours: parseTarget (the mix, each call timed)': (size) => ({
    input: (round) => mixDraws(round, size),
    run: ({ cells, from }) => {
      const times = CELLS.map(() => []);
      for (let i = 0; i < cells.length; i++) {
        const t0 = process.hrtime.bigint();
        try { parseTarget(cells[i]); } catch { /* an error cell */ }
        times[from[i]].push(Number(process.hrtime.bigint() - t0));
      }
      const ns = Float64Array.from(times, (t) => (t.length === 0 ? NaN : t.sort((a, b) => a - b)[t.length >> 1]));
      return { ops: cells.length, detail: { ns } };
    },
  }),
  /**
   * The cost of each distinct cell: a batch of its fresh variants timed alone, in an order
   * that changes with the round; detail.ns[j] is nanoseconds per cell of cell j.
   */
  'ours: parseTarget (each form)': (size) => {
    const batch = Math.max(4, Math.round(size / 1000));
    return {
      input: (round) => ({ round, batches: formBatches(round, batch) }),
      run: ({ round, batches }) => {
        const ns = new Float64Array(batches.length);
        const start = (round * 7919) % batches.length;
        for (let k = 0; k < batches.length; k++) {
          const j = (start + k) % batches.length;
          const t0 = process.hrtime.bigint();
          parseAll(batches[j]);
          ns[j] = Number(process.hrtime.bigint() - t0) / batch;
        }
        return { ops: batches.length * batch, detail: { ns } };
      },
    };
  },
};
