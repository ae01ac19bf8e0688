import type { Target } from '../model/types.js';

/**
 * The cache of parsed cells. Tables repeat their targets (`=100%` in row after row), and
 * results are immutable, so a parser keeps the cells it has parsed: two generations, `Map`s
 * keyed by the cell's text of at most GENERATION targets each, the older dropped whole when
 * the newer fills, a hit in the older moved to the newer (no per-hit bookkeeping, unlike an
 * LRU). At most CACHE_SIZE targets, about 2 MB (a target of a short cell is under 1 KB).
 * V8 hashes a string for a `Map` in C++, with a per-process seed (no chosen collisions), and
 * keeps the hash in the string, so a repeated cell costs one lookup.
 *
 * A cell is kept from the second time it is seen. The first time only leaves a hash of its
 * text in `seen` (a slot per hash, SEEN slots): a cell kept at once would keep its target
 * alive past the next collection of V8's young generation, which must then copy it, and
 * for a table of distinct cells that was most of the collector's work (GC instructions
 * per new cell 631 → 300), for no hit. That hash is computed in JavaScript, where reading a
 * char costs 20–35 instructions: the parser's fast path computes it while it reads the cell
 * anyway (fast.ts `scannedHash`), other cells through `hashOf` (the same value).
 *
 * Tried in round six (docs/performance.md): a set-associative table on that JavaScript
 * hash, for hits too. A new cell cost 230 instructions less, but a hit twice as much (the
 * JS hash against V8's kept one): repeated cells 22 % slower, `evaluate` 9 %.
 */
const GENERATION = 1024;
/** The most targets a cache keeps. */
export const CACHE_SIZE = 2 * GENERATION;
/** Slots of the filter of cells seen once (16 KB). */
const SEEN = 4096;

/** The 31-polynomial of the text's char codes, mixed (`mixHash`): the filter's hash. */
export function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = h * 31 + text.charCodeAt(i) | 0;
  return mixHash(h);
}

/** Mixes a 31-polynomial hash so that its low bits, which choose the filter's slot, depend on every char. */
export function mixHash(poly: number): number {
  const h = Math.imul(poly ^ (poly >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

export class TargetCache {
  private young = new Map<string, Target>();
  private old = new Map<string, Target>();
  private readonly seen = new Int32Array(SEEN);

  get(text: string): Target | undefined {
    const hit = this.young.get(text);
    if (hit !== undefined) return hit;
    const old = this.old.get(text);
    return old === undefined ? undefined : this.keep(text, old);
  }

  /**
   * The parsed target of a cell `get` did not find, h the hash of its text: kept if it was
   * seen before (h in its slot of `seen`), else h takes that slot. Two cells whose hashes
   * share a slot may each take one more parse before they are kept.
   */
  admit(text: string, h: number, t: Target): Target {
    const s = h & (SEEN - 1);
    if (this.seen[s] !== h) {
      this.seen[s] = h;
      return t;
    }
    return this.keep(text, t);
  }

  private keep(text: string, t: Target): Target {
    if (this.young.size >= GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(text, t);
    return t;
  }

  /** How many targets are kept. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
