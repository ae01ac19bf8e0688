import type { Quantity } from '../model/types.js';
import { Generations, SeenOnce } from '../parse/generations.js';
import type { Polarity } from '../vocab/polarity.js';
import type { Detail } from './reason.js';

/**
 * What one parser's evaluations have read, kept for the next evaluation by the same parser:
 * a table names the same indicators (`满意度`, `及时率`) and writes the same actual values
 * (`100%`, `是`) on row after row, and reading them again costs more than judging them.
 *
 * Each parser (Engine) has its own, bounded: two generations of `generation` keys, the
 * older dropped whole when the newer fills, a hit in the older moved to the newer (as the
 * cache of parsed cells, parse/cache.ts). A key longer than `longest` is read every time and
 * not kept. With `seen` slots, a key is kept from the second time it is read, as parsed
 * cells are: a column of values each written once (`52.31万元`, `52.47万元`) would otherwise
 * fill the memo with readings never asked for again, which the collector must then copy.
 * What is kept is immutable (strings, frozen objects, quantities that hand out copies of
 * their decimals), so no caller can change what another is given.
 */
export class Memo<V> {
  readonly #kept: Generations<V>;
  readonly #longest: number;
  /** Hashes of the keys read once (none: every key is kept from its first reading). */
  readonly #seen: SeenOnce | null;

  constructor(generation: number, longest: number, seen = 0) {
    this.#kept = new Generations<V>(generation);
    this.#longest = longest;
    this.#seen = seen > 0 ? new SeenOnce(seen) : null;
  }

  /** What `read(key)` gives: kept from an earlier call, or read now (and kept). `read` never gives undefined. */
  get(key: string, read: (key: string) => V): V {
    const kept = this.#kept.get(key);
    if (kept !== undefined) return kept;
    const v = read(key);
    if (key.length > this.#longest || (this.#seen !== null && this.#seen.first(key))) return v;
    this.#kept.set(key, v);
    return v;
  }


  /** How many keys are kept. */
  get size(): number {
    return this.#kept.size;
  }
}

/** An actual value's text read as a quantity, or why it is not one (the parser's message in both languages). */
export type QuantityReading = { readonly q: Quantity } | { readonly error: Detail };

/** The memos of one parser's evaluations. */
export interface EvaluationMemo {
  /** Indicator names and labels to the polarity their words imply (vocab/polarity.ts). */
  readonly polarities: Memo<Polarity | null>;
  /** Actual values' texts to their reading as a quantity (with 分 as a score: 分 as a cent is read every time). */
  readonly quantities: Memo<QuantityReading>;
}

/** Names kept per generation; an indicator name is far shorter than the longest kept. */
export const POLARITY_NAMES = 512;
/** Actual texts kept per generation; `52.3万元`, `98%`, `4个工作日` are far shorter than the longest kept. */
export const ACTUAL_TEXTS = 1024;
/** Slots of the filter of actual texts read once (16 KB; a power of two). */
const ACTUALS_SEEN = 4096;

export function evaluationMemo(): EvaluationMemo {
  return { polarities: new Memo(POLARITY_NAMES, 200), quantities: new Memo(ACTUAL_TEXTS, 64, ACTUALS_SEEN) };
}
