import type { Target } from '../model/types.js';

/**
 * The cache of parsed cells. Tables repeat their targets (`=100%` in row after row), and
 * results are immutable, so a parser keeps the cells it has parsed.
 *
 * A JavaScript `Map` keyed by the cell's text would have V8 hash every new string in C++
 * (a fresh cell of a table is a new string, even `=100%` again) and then search it twice
 * (two generations): about 400 instructions of a cell's 6 000, for every cell of a table of
 * distinct ones, which never hit. Here the text is hashed once in JavaScript (`hashOf`),
 * and that one hash serves both the lookup and the filter of cells seen once:
 *
 * - a set-associative table: SETS sets of WAYS entries, the hash choosing the set, the
 *   entries of a set in order of last use (a hit moves its entry first, a new entry goes
 *   first and the last one is dropped). At most SETS × WAYS targets are kept, a set's
 *   search is WAYS comparisons of two integers at most, and strings are compared only when
 *   their hashes are equal: colliding texts (even chosen ones) cost a miss, never a longer
 *   search;
 * - a cell is kept from the second time it is seen. The first time only leaves its hash
 *   in `seen` (a slot per hash, SEEN slots): a cell kept at once would keep its target
 *   alive past the next collection of V8's young generation, which must then copy it, and
 *   for a table of distinct cells that was most of the collector's work (GC instructions
 *   per new cell 631 → 300), for no hit.
 *
 * Memory: SETS × WAYS = 2048 targets at most (a target of a short cell is under 1 KB, so
 * about 2 MB), the hashes (8 KB) and the filter (16 KB).
 */
const SETS = 512;
/** Entries per set (`get` writes out its first test for four). */
const WAYS = 4;
/** Slots of the filter of cells seen once. */
const SEEN = 4096;

/** The most targets a cache keeps. */
export const CACHE_SIZE = SETS * WAYS;

/**
 * A hash of the text's char codes (31-polynomial, then mixed so that the low bits, which
 * choose the set and the filter's slot, depend on every char).
 */
export function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = h * 31 + text.charCodeAt(i) | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x45d9f3b);
  return h ^ (h >>> 16);
}

export class TargetCache {
  /** Per entry: its text's hash, its text ('' for none: an empty cell is never kept), its target. */
  private readonly hashes = new Int32Array(CACHE_SIZE);
  private readonly texts: string[] = Array.from({ length: CACHE_SIZE }, () => '');
  private readonly targets: Array<Target | null> = Array.from({ length: CACHE_SIZE }, () => null);
  private readonly seen = new Int32Array(SEEN);

  /** The kept target of `text` (whose hash is h), or undefined. */
  get(text: string, h: number): Target | undefined {
    const first = (h & (SETS - 1)) * WAYS;
    const hashes = this.hashes;
    // A new cell (most cells of a table) leaves here: four compares written out cost about
    // 100 instructions less than the loop below, which V8 does not unroll (WAYS is 4).
    if (hashes[first] !== h && hashes[first + 1] !== h && hashes[first + 2] !== h && hashes[first + 3] !== h) return undefined;
    for (let k = first; k < first + WAYS; k++) {
      if (hashes[k] === h && this.texts[k] === text) {
        const t = this.targets[k]!;
        // An empty slot matches only the empty text, which is never kept.
        if (t === null) return undefined;
        if (k !== first) this.moveFirst(first, k, h, text, t);
        return t;
      }
    }
    return undefined;
  }

  /**
   * The parsed target of a cell not found by `get`: kept if it was seen before (its hash in
   * its slot of `seen`), else its hash takes that slot. Two cells whose hashes share a slot
   * may each take one more parse before they are kept.
   */
  admit(text: string, h: number, t: Target): Target {
    const s = (h >>> 9) & (SEEN - 1);
    if (this.seen[s] !== h) {
      this.seen[s] = h;
      return t;
    }
    const first = (h & (SETS - 1)) * WAYS;
    this.moveFirst(first, first + WAYS - 1, h, text, t);
    return t;
  }

  /** How many targets are kept (for tests and the documentation of memory). */
  get size(): number {
    return this.texts.reduce((n, x) => n + (x === '' ? 0 : 1), 0);
  }

  /** Puts (h, text, t) first in the set at `first`, moving the entries before k one down (k's own is dropped). */
  private moveFirst(first: number, k: number, h: number, text: string, t: Target): void {
    for (let j = k; j > first; j--) {
      this.hashes[j] = this.hashes[j - 1]!;
      this.texts[j] = this.texts[j - 1]!;
      this.targets[j] = this.targets[j - 1]!;
    }
    this.hashes[first] = h;
    this.texts[first] = text;
    this.targets[first] = t;
  }
}
