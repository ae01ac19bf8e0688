import { Rational } from '../numbers/rational.js';
import { D } from '../numbers/decimal.js';
import { isZeroNumeral } from '../numbers/plain-order.js';
import { reciprocalRepeating, repeatingDenominator, scaled, type Modulus } from '../numbers/quotient.js';
import { CLASSIFIERS, MAGNITUDES, unitKey, type Dimension, type UnitDef, type UnitTable } from '../vocab/units.js';

/** What a unit text means: its dimension, its base unit and the exact factor to it. */
export interface ResolvedUnit {
  readonly dimension: Dimension;
  readonly base: string;
  readonly factor: Rational;
  readonly known: boolean;
  /**
   * Which numbers as written have a base value with a finite decimal: a plain numeral, read as
   * an integer c times a power of ten, has one in this unit exactly when this divides c (the
   * factor's repeatingDenominator, quotient.ts). 1 for nearly every unit; 3 for 亩 (10000/15
   * 平方米), 7 for a ratio `:7`. What tells a quantity's `exact` without multiplying.
   */
  readonly repeating: Modulus;
}

const CLASSIFIER_CHARS = new Set(CLASSIFIERS.filter((c) => c.length === 1));
const MAGNITUDE_LONGEST = Math.max(...[...MAGNITUDES.keys()].map((k) => k.length));

/** Separators between denominator units: `元/人*月`, `元/人·月`, `元/人.每天`. */
const DENOMINATOR_SEPARATORS = /[*·.]/;

function factorOf(def: UnitDef): Rational {
  return typeof def.factor === 'string' ? Rational.of(def.factor) : Rational.of(def.factor[0], def.factor[1]);
}

function pow10(exp: number): Rational {
  return Rational.of(new D(10).pow(exp));
}

interface Atom { magnitude: number; unit: string; def: UnitDef | undefined }

/**
 * Split one unit word into magnitude and unit. A whole-word unit wins over a magnitude
 * reading (`千克` is a kilogram, not 千 × 克); `千万元` is 千万 × 元; `万页` is 万 × 页.
 */
export function splitAtom(word: string, table: UnitTable): Atom {
  const whole = table.bySpelling.get(unitKey(word));
  if (whole !== undefined || word === '') return { magnitude: 0, unit: word, def: whole };
  let unknownRest: Atom | undefined;
  for (let len = Math.min(MAGNITUDE_LONGEST, word.length); len >= 1; len--) {
    const exp = MAGNITUDES.get(word.slice(0, len));
    if (exp === undefined) continue;
    const rest = word.slice(len);
    const def = table.bySpelling.get(unitKey(rest));
    if (rest === '' || def !== undefined || CLASSIFIER_CHARS.has(rest[0]!)) return { magnitude: exp, unit: rest, def };
    // A magnitude scales a unit the registry does not know as well (`3万页` is 30000 页,
    // `1万平` 10000 平): kept as written, 3万页 and 30000页 would never compare.
    unknownRest ??= { magnitude: exp, unit: rest, def: undefined };
  }
  return unknownRest ?? { magnitude: 0, unit: word, def: undefined };
}

function canonical(a: Atom): string {
  return a.def ? a.def.name : a.unit;
}

/**
 * Resolve a unit as written (`亿元`, `万元/人`, `元/人*月`, `620万/月`'s `万/月`, `""`).
 * Units in a denominator keep their own spelling (canonicalised) and are never converted
 * (元/月 stays per month); magnitudes on both sides fold into the factor.
 */
export function resolveUnit(text: string, table: UnitTable): ResolvedUnit {
  // A ratio's divisor is a number of the cell (fresh in nearly every cell that has one):
  // resolved on its own, it neither costs a factor until one is read nor fills the memo.
  const ratio = ratioUnit(text);
  if (ratio !== null) return ratio;
  const cached = table.resolved.get(text) as ResolvedUnit | undefined;
  // Cached per table: resolving splits magnitudes and builds factors, and tables repeat units.
  if (cached !== undefined) return cached;
  const r: ResolvedUnit = Object.freeze(resolveUncached(text, table));
  // Bounded: hostile input could invent endless unknown units.
  if (table.resolved.size < 4096) table.resolved.set(text, r);
  return r;
}

/**
 * Whether a unit text resolves to a known unit, read without the table's memo (for callers
 * outside a parse, such as `format`, which keep nothing between calls).
 */
export function isKnownUnit(text: string, table: UnitTable): boolean {
  return ratioUnit(text) !== null || resolveWords(text, table).known;
}

/** `:0.5` of `1:0.5`: a ratio written with a colon, whose value is the quotient (1 / 0.5 = 2). */
const RATIO_TO = /^:(\d+(?:\.\d+)?)$/;
const COLON = 0x3a;

/**
 * The unit of a ratio written with a colon (`:0.5`): a number per its divisor, whose factor
 * (1 / the divisor) is made when first read. A divisor of zero is no ratio (the lexer makes
 * that an error; a unit `:0` given by a caller is read as a unit of that name).
 */
class RatioUnit implements ResolvedUnit {
  declare readonly dimension: Dimension;
  declare readonly base: string;
  declare readonly known: boolean;
  readonly #divisor: string;
  declare readonly repeating: Modulus;
  #factor: Rational | null = null;
  constructor(divisor: string) {
    this.#divisor = divisor;
    const self = this as { -readonly [K in 'dimension' | 'base' | 'known' | 'repeating']: RatioUnit[K] };
    self.dimension = 'ratio';
    self.base = '1';
    self.known = true;
    // The factor is 1 / the divisor: the repeating part of the divisor's own digits.
    self.repeating = reciprocalRepeating(divisor);
    Object.freeze(this);
  }
  get factor(): Rational {
    return this.#factor ??= Rational.ONE.div(Rational.of(this.#divisor));
  }
}

function ratioUnit(text: string): ResolvedUnit | null {
  if (text.charCodeAt(0) !== COLON) return null;
  const to = RATIO_TO.exec(text);
  return to === null || isZeroNumeral(to[1]!) ? null : new RatioUnit(to[1]!);
}

/**
 * The unit `:divisor` as resolveUnit resolves it, for a divisor known to be a plain numeral
 * (digits, at most one point between digits) other than zero: a planned ratio's, whose
 * digits its plan has read and checked.
 */
export function resolveRatio(divisor: string): ResolvedUnit {
  return new RatioUnit(divisor);
}

/** A unit other than a ratio's (resolveUnit answers those first). */
function resolveUncached(text: string, table: UnitTable): ResolvedUnit {
  const r = resolveWords(text, table);
  return { ...r, repeating: r.factor.isWhole() ? 1 : repeatingDenominator(scaled(r.factor.n), scaled(r.factor.d)) };
}

/** A unit other than a ratio's: its magnitudes and words. */
function resolveWords(text: string, table: UnitTable): Omit<ResolvedUnit, 'repeating'> {
  const slash = text.indexOf('/');
  if (slash === -1) {
    const a = splitAtom(text, table);
    const mag = pow10(a.magnitude);
    if (a.unit === '') return { dimension: 'number', base: '1', factor: mag, known: true };
    if (a.def) return { dimension: a.def.dimension, base: a.def.base, factor: factorOf(a.def).times(mag), known: true };
    return {
      dimension: CLASSIFIER_CHARS.has(a.unit[0]!) ? 'count' : 'unknown',
      base: a.unit,
      factor: mag,
      known: false,
    };
  }
  const num = splitAtom(text.slice(0, slash), table);
  let factor = pow10(num.magnitude);
  let known = num.unit === '' || num.def !== undefined;
  if (num.def) factor = factor.times(factorOf(num.def));
  const numBase = num.def ? num.def.base : num.unit === '' ? '1' : num.unit;
  const dens: string[] = [];
  for (const rawPart of text.slice(slash + 1).split(DENOMINATOR_SEPARATORS)) {
    const part = rawPart.startsWith('每') ? rawPart.slice(1) : rawPart;
    if (part === '') { known = false; continue; }
    const a = splitAtom(part, table);
    factor = factor.div(pow10(a.magnitude));
    if (!a.def) known = false;
    dens.push(canonical(a));
  }
  return { dimension: 'compound', base: `${numBase}/${dens.join('·')}`, factor, known };
}
