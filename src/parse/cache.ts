import { errorFrom, IndicatorError, type ErrorParts } from '../errors.js';
import { DEFAULT_LOCALE, type Locale } from '../i18n/messages.js';
import type { Target } from '../model/types.js';
import { Generations, SeenOnce } from './generations.js';
import { hashOf } from './hash.js';
import { withoutStacks } from './stackless.js';

/**
 * The cache of parsed cells, one per parser (Engine). Tables repeat their targets (`=100%` in
 * row after row), so a parser keeps the cells it has parsed: two generations, `Map`s keyed by
 * the cell's text of at most GENERATION targets each, the older dropped whole when the newer
 * fills, a hit in the older moved to the newer (no per-hit bookkeeping, unlike an LRU). At
 * most CACHE_SIZE targets.
 *
 * What it keeps is handed out as it is: a target is frozen through and through, and its
 * quantities give each reader decimals of its own (model/quantity.ts), so no caller can
 * change what another is given (test/parse/cache.test.ts tampers with every part).
 *
 * A cell that does not parse is kept too: placeholders (`不适用`, a third of the cells some
 * budget systems export) and typing slips repeat as much as targets do. What is kept is the
 * error; each caller gets a new one with the same code, span, messages and details, in its
 * own locale, and without a call stack: recording one costs several times the rest of the
 * answer, and a cell kept as failing has failed twice before (docs/performance.md weighs it).
 *
 * A cell is kept from the second time it is seen. The first time only leaves a hash of its
 * text in a filter (a slot per hash, SEEN slots): a table of distinct cells would otherwise
 * fill the cache with targets never asked for again, which the collector must then copy.
 * There are two filters, by what answered the text: the plan of its shape (shape-cache.ts,
 * date-plans.ts), or the parser. Numbers in a table are fresh in almost every row, and each
 * fresh `≥95.3%` is a first sighting; in one filter they would overwrite the slots of the
 * cells that cost a parse (`两小时之内`, `第三季度`, a qualitative term), which a table
 * repeats a few times among thousands of numbers and which were then parsed again at every
 * sighting. A text a plan answers costs little more than a kept one when forgotten; a text
 * the parser reads costs it all again.
 *
 * A cell without digits that clean-up changes (`<p>健全</p>`, ` 两小时之内\t\n`: HTML remnants,
 * spaces, line breaks an export leaves) reads as its cleaned text (`健全`) but for its `text`:
 * the parse reads only the cleaned text, and the original only for `text` and for the spans
 * of errors and of the parts of a cell of several (text/clean.ts `originalSpan`). So such a
 * cell's target is kept under its cleaned text too, as that text's own target, and a
 * decorated cell is answered from its cleaned text's target with its own `text`
 * (`asCleaned`); not an error, nor a cell of several parts, and only where clean-up changes
 * nothing more in the cleaned text (an entity decoded to `<b>` reads otherwise when cleaned
 * again): `cleanedKey` in parse.ts. A decoration on a rare cell is a first sighting.
 */
const GENERATION = 1024;
/** The most targets a cache keeps. */
export const CACHE_SIZE = 2 * GENERATION;
/** Slots of each filter of cells seen once (16 KB each). */
const SEEN = 4096;


/**
 * A cell that does not parse, as kept: what every later caller's error is made from (the
 * error first made went to its caller, who may change it). Its messages and details are
 * frozen copies, shared by every error made from it.
 */
class Failure implements ErrorParts {
  readonly code: IndicatorError['code'];
  readonly offset: number;
  readonly length: number;
  readonly input: string;
  readonly messages: IndicatorError['messages'];
  readonly details: IndicatorError['details'];
  constructor(e: IndicatorError) {
    this.code = e.code;
    this.offset = e.offset;
    this.length = e.length;
    this.input = e.input;
    this.messages = Object.freeze({ zh: e.messages.zh, en: e.messages.en });
    this.details = Object.freeze({ ...e.details });
  }
}

type Kept = Target | Failure;

export class TargetCache {
  private readonly kept = new Generations<Kept>(GENERATION);
  /** Texts seen once that a plan answered, and texts seen once the parser read (see above). */
  private readonly seenPlanned = new SeenOnce(SEEN);
  private readonly seenParsed = new SeenOnce(SEEN);
  /** The details of every failure kept: what tells the errors made from them (`answered`). */
  private readonly failures = new WeakSet<object>();

  /**
   * The kept answer for `key` (for a cell that does not parse, a new error in `locale`,
   * without a call stack), or undefined.
   */
  get(key: string, locale: Locale): Target | IndicatorError | undefined {
    const hit = this.kept.get(key);
    return hit === undefined || !(hit instanceof Failure) ? hit : withoutStacks(() => errorFrom(hit, locale));
  }

  /** Whether `e` was made from a kept failure by `get` (its stack is to stay unrecorded). */
  answered(e: IndicatorError): boolean {
    return this.failures.has(e.details);
  }

  /**
   * What is kept for `key` in the newer generation, or undefined: what a repeated cell costs
   * when it is one of the cells a table repeats most. A cell kept there as failing comes as a
   * new error in the default locale without a call stack, as `get` would make it (a table
   * repeats its placeholders, `不适用`, as often as its targets); the caller throws it.
   * Anything else (a cell kept in the older generation or not at all) is for `get`.
   */
  recent(key: string): Target | IndicatorError | undefined {
    const hit = this.kept.recent(key);
    return hit instanceof Failure ? withoutStacks(() => errorFrom(hit, DEFAULT_LOCALE)) : hit;
  }

  /**
   * What the parser made of `key`, kept if it was seen before; given back for its caller (a
   * cell that does not parse as its IndicatorError, a value). `hash`: hashOf(key), when the
   * caller has it.
   */
  put(key: string, made: Target | IndicatorError, hash = hashOf(key)): Target | IndicatorError {
    // Seen once: only noted. Seen before by either filter (a text first parsed, then planned: its shape's first text): kept.
    return this.seenParsed.first(key, hash) && !this.seenPlanned.met(hash) ? made : this.keep(key, made);
  }

  /** As `put`, for what the plan of `key`'s shape made: noted in a filter of its own (see above). */
  putPlanned(key: string, made: Target | IndicatorError, hash = hashOf(key)): Target | IndicatorError {
    return this.seenPlanned.first(key, hash) && !this.seenParsed.met(hash) ? made : this.keep(key, made);
  }

  /**
   * The target of a cell without digits whose cleaned text's key is `cleanedKey`, with its
   * own `text`, when that cleaned text is kept as a target (see above), or undefined.
   */
  asCleaned(cleanedKey: string, text: string): Target | undefined {
    const kept = this.kept.get(cleanedKey);
    return kept === undefined || kept instanceof Failure || kept.kind === 'all' ? undefined : Object.freeze({ ...kept, text });
  }

  /**
   * What the parser made of a cell without digits, given back; a target (not of several
   * parts) is also noted under its cleaned text's key `cleanedKey` as that text's own, and
   * kept as `put` keeps it (see above).
   */
  putCleaned(cleanedKey: string, cleaned: string, made: Target | IndicatorError): Target | IndicatorError {
    if (!(made instanceof IndicatorError) && made.kind !== 'all' && !this.seenParsed.first(cleanedKey)) this.keep(cleanedKey, Object.freeze({ ...made, text: cleaned }));
    return made;
  }

  private keep(key: string, made: Target | IndicatorError): Target | IndicatorError {
    if (made instanceof IndicatorError) {
      const failure = new Failure(made);
      this.failures.add(failure.details);
      this.kept.set(key, failure);
    } else {
      this.kept.set(key, made);
    }
    return made;
  }

  /** How many cells (targets and errors) are kept. */
  get size(): number {
    return this.kept.size;
  }
}
