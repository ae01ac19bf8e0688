// The things measured, each a factory: (size) => { input(round), run(input) → operations }.
// Inputs are made before timing starts; "fresh" inputs differ in every round, so no cache
// of ours can answer them.
import { Unit } from 'mathjs';
import Qty from 'js-quantities';
import { evaluate, parseTarget } from '../../dist/index.js';
import { evaluatePairs, freshCells, peerCells, zipfCells, zipfDraw } from './inputs.mjs';

export const candidates = {
  'ours: parseTarget (fresh cells)': (size) => ({
    input: (round) => freshCells(round, size),
    run: (cells) => { for (const c of cells) parseTarget(c); return cells.length; },
  }),
  'mathjs: Unit.parse': (size) => ({
    input: (round) => peerCells(round, size),
    run: (cells) => { for (const c of cells) Unit.parse(c); return cells.length; },
  }),
  'js-quantities: Qty.parse': (size) => ({
    input: (round) => peerCells(round, size),
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
  'ours: evaluate(target text, actual text)': (size) => ({
    input: (round) => evaluatePairs(round, size),
    run: (pairs) => { for (const [t, a] of pairs) evaluate(t, a); return pairs.length; },
  }),
};
