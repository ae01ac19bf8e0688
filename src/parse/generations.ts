import { hashOf } from './hash.js';

/**
 * Which keys have been met once, for caches that keep a key from the second time it is met
 * (a table of distinct cells would otherwise fill them with answers never asked for again,
 * which the collector must then copy): a slot per hash, `slots` of them (a power of two),
 * each holding the last hash that fell in it. Keys whose hashes collide only wait longer.
 */
export class SeenOnce {
  readonly #slots: Int32Array;
  constructor(slots: number) {
    this.#slots = new Int32Array(slots);
  }

  /** Whether `key` is met for the first time (it is then noted). `h`: hashOf(key), when the caller has it. */
  first(key: string, h = hashOf(key)): boolean {
    const s = h & (this.#slots.length - 1);
    if (this.#slots[s] === h) return false;
    this.#slots[s] = h;
    return true;
  }

  /** Whether `key` was met (its hash, `h`, is still in its slot), noting nothing. */
  met(h: number): boolean {
    return this.#slots[h & (this.#slots.length - 1)] === h;
  }
}

/**
 * A bounded map kept in two generations, as the package's caches keep what they have read
 * (parsed cells, shapes of cells, what evaluations read): at most `generation` keys in each,
 * the older dropped whole when the newer fills, a hit in the older moved to the newer. No
 * bookkeeping per hit, unlike an LRU; at most 2 × `generation` keys.
 */
export class Generations<V, K extends string | number = string> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  readonly #generation: number;

  constructor(generation: number) {
    this.#generation = generation;
  }

  /** The value kept for `key` (moved to the newer generation if it was in the older), or undefined. */
  get(key: K): V | undefined {
    const hit = this.#young.get(key);
    if (hit !== undefined) return hit;
    const o = this.#old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  /** The value kept for `key` in the newer generation only: what a key read often costs. */
  recent(key: K): V | undefined {
    return this.#young.get(key);
  }

  set(key: K, v: V): void {
    if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, v);
  }

  get size(): number {
    return this.#young.size + this.#old.size;
  }
}
