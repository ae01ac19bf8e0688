import { IndicatorError } from '../errors.js';
import type { Locale } from '../i18n/messages.js';
import { freshQuantity } from '../model/quantity.js';
import type { Quantity, Target } from '../model/types.js';

/**
 * The cache of parsed cells, one per parser (Engine). Tables repeat their targets (`=100%` in
 * row after row), so a parser keeps the cells it has parsed: two generations, `Map`s keyed by
 * the cell's text of at most GENERATION targets each, the older dropped whole when the newer
 * fills, a hit in the older moved to the newer (no per-hit bookkeeping, unlike an LRU). At
 * most CACHE_SIZE targets.
 *
 * What it keeps is never handed out. Targets are frozen, but the decimals inside them are
 * decimal.js objects a caller can still alter; a kept target given to two callers would let
 * one change the other's result (and every later verdict on that cell). So each call gets
 * its own copy: the same target with fresh decimals (`freshQuantity`), built with decimal.js's
 * constructor. Parts without decimals (terms, dates, words) are immutable and shared.
 *
 * A cell that does not parse is kept too: placeholders (`不适用`, a third of the cells some
 * budget systems export) and typing slips repeat as much as targets do. What is kept is the
 * error; each caller gets a new one with the same code, span and details, in its own locale.
 *
 * A cell is kept from the second time it is seen. The first time only leaves a hash of its
 * text in `seen` (a slot per hash, SEEN slots): a table of distinct cells would otherwise
 * fill the cache with targets never asked for again, which the collector must then copy.
 */
const GENERATION = 1024;
/** The most targets a cache keeps. */
export const CACHE_SIZE = 2 * GENERATION;
/** Slots of the filter of cells seen once (16 KB). */
const SEEN = 4096;

/** A hash of the text (31-polynomial of its char codes, mixed so the low bits depend on every char). */
export function hashOf(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = h * 31 + text.charCodeAt(i) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return h ^ (h >>> 16);
}

/**
 * A cell that does not parse, as kept: what every later caller's error is made from (the
 * error first made went to its caller, who may change it).
 */
class Failure {
  readonly code: IndicatorError['code'];
  readonly where: { readonly offset: number; readonly length: number };
  readonly input: string;
  readonly details: Readonly<Record<string, string | number>>;
  constructor(e: IndicatorError) {
    this.code = e.code;
    this.where = Object.freeze({ offset: e.offset, length: e.length });
    this.input = e.input;
    this.details = Object.freeze({ ...e.details });
  }
}

type Kept = Target | Failure;

/** A caller's own answer from what is kept: a copy of the target, or a new error. */
function answer(kept: Kept, locale: Locale): Target | IndicatorError {
  if (!(kept instanceof Failure)) return freshTarget(kept);
  return new IndicatorError(kept.code, kept.where, kept.input, { ...kept.details }, locale);
}

export class TargetCache {
  private young = new Map<string, Kept>();
  private old = new Map<string, Kept>();
  private readonly seen = new Int32Array(SEEN);

  /**
   * The target of `key`: a copy of the kept one, or what `parse` gives (kept if seen before).
   * A cell that does not parse gives its IndicatorError (a new one, in `locale`, when it
   * was kept), as a value.
   */
  through(key: string, parse: () => Target | IndicatorError, locale: Locale): Target | IndicatorError {
    const hit = this.young.get(key) ?? this.promote(key);
    if (hit !== undefined) return answer(hit, locale);
    const made = parse();
    const h = hashOf(key);
    const s = h & (SEEN - 1);
    if (this.seen[s] !== h) {
      // Seen once: not kept, so the caller may have this very target (or error).
      this.seen[s] = h;
      return made;
    }
    if (made instanceof IndicatorError) {
      this.keep(key, new Failure(made));
      return made;
    }
    this.keep(key, made);
    return answer(made, locale);
  }

  /** A hit in the older generation, moved to the newer. */
  private promote(key: string): Kept | undefined {
    const t = this.old.get(key);
    if (t !== undefined) this.keep(key, t);
    return t;
  }

  private keep(key: string, t: Kept): void {
    if (this.young.size >= GENERATION) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, t);
  }

  /** How many cells (targets and errors) are kept. */
  get size(): number {
    return this.young.size + this.old.size;
  }
}

/** The target with every quantity in it a fresh copy; the rest is frozen data and shared. */
export function freshTarget(t: Target): Target {
  switch (t.kind) {
    case 'compare':
    case 'approx':
      return Object.freeze({ ...t, quantity: freshQuantity(t.quantity) });
    case 'range':
      return Object.freeze({ ...t, min: freshQuantity(t.min), max: freshQuantity(t.max) });
    case 'trend':
      return t.amount === null ? t : Object.freeze({ ...t, amount: freshQuantity(t.amount as Quantity) });
    case 'all':
      return Object.freeze({ ...t, targets: Object.freeze(t.targets.map(freshTarget)) });
    default:
      return t;
  }
}
