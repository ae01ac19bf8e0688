import { MARK, type Marked } from '../errors.js';
import type { Target } from '../model/types.js';
import { D, type Decimal } from '../numbers/decimal.js';
import { Rational } from '../numbers/rational.js';
import type { Engine } from '../parse/parse.js';
import { evaluateWithSettings } from './evaluate.js';
import { ceilTo, floorTo, max, min, roundHalfUp, toReportDecimal } from './exact.js';
import { invalid, readDecimal, settings, DEFAULT_SCALE, type Settings } from './options.js';
import type { Actual, DecimalInput, EvaluateOptions, Score as ScoreFields, ScoreRule, Status, Verdict } from './types.js';
import { scoringOf, type Scoring } from './verdict.js';

/**
 * Points out of a weight, by the self-evaluation rules (contract.md, "Scoring"): A is the
 * target value, B the actual, W the weight.
 *
 * - Higher is better: B ≥ A earns W, else B/A × W; with A ≤ 0, B ≥ A earns W, else 0.
 * - Lower is better: B ≤ A earns W, else A/B × W (`reverseRule: "linear"`:
 *   (1 − (B − A)/A) × W); with A ≤ 0, B ≤ A earns W, else 0.
 * - `=` with A = 0: W when B ≤ 0, else 0; with A > 0 it is higher-is-better.
 * - Ranges, ≈ and strict `=`: W inside, else the rule of the nearer bound.
 * - Words, terms, trends and dates: W on pass, [0.6 W, 0.8 W) on partial, [0, 0.6 W) on
 *   fail, `band` (0 … 1) picking the point.
 * - A cell of several targets scores as its lowest part (null when a part is unknown,
 *   since the lowest cannot be known then).
 *
 * Rounding is half up to `scale` places (default 2) and never touches a full W. A non-pass
 * never earns its ceiling (W, or the top of its band): at most the ceiling minus one unit
 * of the last kept place (with `scale: null`, 0.01). Everything is exact until rounding.
 */

const RATIO_DIGITS = 21;
const PARTIAL_LOW = Rational.of('0.6');
const PARTIAL_HIGH = Rational.of('0.8');
const OVER = Rational.of('1.3');
const UNDER = Rational.of('0.7');

interface Raw {
  readonly ratio: Rational;
  readonly rule: ScoreRule;
  readonly deviation: boolean;
  /** The share of W a non-pass must stay under, and the share it may not go below. */
  readonly ceiling: Rational;
  readonly floor: Rational;
}

function higher(a: Rational, b: Rational): Raw {
  if (a.sign() <= 0) {
    return { ratio: b.cmp(a) >= 0 ? Rational.ONE : Rational.ZERO, rule: 'higher-better-all-or-nothing', deviation: false, ceiling: Rational.ONE, floor: Rational.ZERO };
  }
  const ratio = b.cmp(a) >= 0 ? Rational.ONE : max(Rational.ZERO, b.div(a));
  return { ratio, rule: 'higher-better-ratio', deviation: b.cmp(a.times(OVER)) >= 0, ceiling: Rational.ONE, floor: Rational.ZERO };
}

function lower(a: Rational, b: Rational, s: Settings): Raw {
  if (a.sign() <= 0) {
    return { ratio: b.cmp(a) <= 0 ? Rational.ONE : Rational.ZERO, rule: 'lower-better-all-or-nothing', deviation: false, ceiling: Rational.ONE, floor: Rational.ZERO };
  }
  const deviation = b.cmp(a.times(UNDER)) <= 0;
  if (s.reverseRule === 'linear') {
    const ratio = b.cmp(a) <= 0 ? Rational.ONE : max(Rational.ZERO, Rational.ONE.minus(b.minus(a).div(a)));
    return { ratio, rule: 'lower-better-linear', deviation, ceiling: Rational.ONE, floor: Rational.ZERO };
  }
  // B > A > 0 here, so A/B is in (0, 1).
  const ratio = b.cmp(a) <= 0 ? Rational.ONE : a.div(b);
  return { ratio, rule: 'lower-better-ratio', deviation, ceiling: Rational.ONE, floor: Rational.ZERO };
}

function raw(v: Verdict, sc: Scoring, s: Settings): Raw | null {
  switch (sc.kind) {
    case 'higher': return higher(sc.a, sc.b);
    case 'lower': return lower(sc.a, sc.b, s);
    case 'equals-zero':
      return { ratio: sc.b.sign() <= 0 ? Rational.ONE : Rational.ZERO, rule: 'equals-zero', deviation: false, ceiling: Rational.ONE, floor: Rational.ZERO };
    case 'not-equal':
      return { ratio: v.status === 'pass' ? Rational.ONE : Rational.ZERO, rule: 'not-equal', deviation: false, ceiling: Rational.ONE, floor: Rational.ZERO };
    case 'window': {
      let r: Raw;
      if (v.status === 'pass') r = { ratio: Rational.ONE, rule: sc.rule, deviation: false, ceiling: Rational.ONE, floor: Rational.ZERO };
      else if (sc.b.cmp(sc.lo) <= 0) r = higher(sc.lo, sc.b);
      else r = lower(sc.hi, sc.b, s);
      return { ...r, rule: sc.rule, deviation: false };
    }
    case 'band':
      if (v.status === 'pass') return { ratio: Rational.ONE, rule: 'qualitative-band', deviation: false, ceiling: Rational.ONE, floor: Rational.ZERO };
      if (v.status === 'partial') {
        return { ratio: PARTIAL_LOW.plus(PARTIAL_HIGH.minus(PARTIAL_LOW).times(s.band)), rule: 'qualitative-band', deviation: false, ceiling: PARTIAL_HIGH, floor: PARTIAL_LOW };
      }
      return { ratio: PARTIAL_LOW.times(s.band), rule: 'qualitative-band', deviation: false, ceiling: PARTIAL_LOW, floor: Rational.ZERO };
    case 'all':
      return null;
  }
}

/** The points of a non-pass: rounded, inside its band, below its ceiling, at least 0. */
function placed(r: Raw, w: Rational, s: Settings): Decimal {
  const places = s.scale ?? DEFAULT_SCALE;
  const exact = r.ratio.times(w);
  // Most rules run from nothing to the full weight: their floor and ceiling are 0 and W.
  const ceiling = r.ceiling === Rational.ONE ? w : r.ceiling.times(w);
  const floor = r.floor === Rational.ZERO ? Rational.ZERO : r.floor.times(w);
  if (s.scale === null) {
    let x = exact;
    if (x.cmp(floor) < 0) x = floor;
    if (x.cmp(ceiling) >= 0) x = belowCeiling(ceiling, places);
    return max(Rational.ZERO, min(x, w)).toDecimal();
  }
  // The points rounded once, to the kept places, are handed out as they are when neither
  // bound moves them: they are then at least the floor (≥ 0) and under the ceiling (≤ W), so
  // keeping them within 0 … W and rounding again to the same places would give the same number.
  const rounded = roundHalfUp(exact, s.scale);
  let x = Rational.of(rounded);
  let moved = false;
  if (x.cmp(floor) < 0) { x = Rational.of(ceilTo(floor, s.scale)); moved = true; }
  if (x.cmp(ceiling) >= 0) { x = belowCeiling(ceiling, places); moved = true; }
  return moved ? roundHalfUp(max(Rational.ZERO, min(x, w)), places) : rounded;
}

/** The largest value below the ceiling on the grid of `places` decimal places. */
function belowCeiling(ceiling: Rational, places: number): Rational {
  const top = Rational.of(floorTo(ceiling, places));
  return top.cmp(ceiling) < 0 ? top : top.minus(Rational.of(new D(`1e-${places}`)));
}

interface Points { readonly score: Decimal | null; readonly ratio: Rational | null; readonly rule: ScoreRule | null; readonly deviation: boolean }

function points(v: Verdict, w: Rational, s: Settings): Points {
  const sc = scoringOf(v);
  if (v.status === 'unknown' || sc === null) return { score: null, ratio: null, rule: sc?.kind === 'all' ? 'all-lowest' : null, deviation: false };
  if (sc.kind === 'all') {
    const ps = sc.parts.map((p) => points(p, w, s));
    const deviation = ps.some((p) => p.deviation);
    if (ps.some((p) => p.score === null)) return { score: null, ratio: null, rule: 'all-lowest', deviation };
    let lowest = ps[0]!;
    for (const p of ps) if (p.score!.lt(lowest.score!)) lowest = p;
    return { score: lowest.score, ratio: lowest.ratio, rule: 'all-lowest', deviation };
  }
  const r = raw(v, sc, s)!;
  if (v.status === 'pass') return { score: w.toDecimal(), ratio: Rational.ONE, rule: r.rule, deviation: r.deviation };
  return { score: placed(r, w, s), ratio: r.ratio, rule: r.rule, deviation: r.deviation };
}

/** The `ratio` field not made yet (once made it is a decimal or null, never undefined). */
const LATER = undefined;

/**
 * A score: its public fields as own, enumerable properties (in the order of its JSON), the
 * object frozen; the mark on its prototype tells a score made by `score` in either build
 * (`isScore`) from a look-alike or a spread copy, as for verdicts.
 *
 * `ratio` is made when first read, as a verdict makes its reason, margin and completion
 * (verdict.ts): a table's check reads only the points and the status of most scores, while
 * writing the exact share of the weight as a decimal of 21 significant digits costs more
 * than placing the points. It is made once, from the exact share the points were placed
 * from (immutable), kept in a private field and handed out as the same object on every
 * read, as a data property would: no reader can tell when it was made.
 */
class Score implements ScoreFields {
  declare readonly score: Decimal | null;
  declare readonly weight: Decimal;
  declare readonly ratio: Decimal | null;
  declare readonly rule: ScoreRule | null;
  declare readonly status: Status;
  declare readonly deviation: boolean;
  declare readonly verdict: Verdict;
  readonly #share: Rational | null;
  #ratio: Decimal | null | undefined = LATER;

  constructor(points: Points, weight: Decimal, verdict: Verdict) {
    this.#share = points.ratio;
    const self = this as { -readonly [K in keyof Score]: Score[K] };
    self.score = points.score;
    self.weight = weight;
    Object.defineProperty(this, 'ratio', RATIO_READ);
    self.rule = points.rule;
    self.status = verdict.status;
    self.deviation = points.deviation;
    self.verdict = verdict;
    Object.freeze(this);
  }

  /** A score of this build or of the other (src/errors.ts, "One identity across builds"); a spread copy has no mark. */
  static is(x: unknown): x is Score {
    return (x as Marked | null)?.[MARK] === 'Score';
  }

  static ratioOf(s: Score): Decimal | null {
    if (s.#ratio !== LATER) return s.#ratio;
    return s.#ratio = s.#share === null ? null : toReportDecimal(s.#share, RATIO_DIGITS);
  }

  static {
    (this.prototype as Marked)[MARK] = 'Score';
  }
}

function readRatio(this: Score): Decimal | null {
  return Score.ratioOf(this);
}

/** The `ratio` property of every score: read through the function above. */
const RATIO_READ: PropertyDescriptor = Object.freeze({ get: readRatio, enumerable: true });

/** True for a Score made by `score` (not for a look-alike object). */
export function isScore(x: unknown): x is ScoreFields {
  return Score.is(x);
}

function weightOf(weight: DecimalInput, s: Settings): Rational {
  const w = readDecimal(weight);
  if (w === null || w.sign() < 0) invalid('weight must be a finite number of at least 0', s.locale);
  return w;
}

/** The points an actual value earns against a target, out of `weight`. */
export function score(target: Target | string, actual: Actual, weight: DecimalInput, options?: EvaluateOptions): ScoreFields {
  return scoreWithSettings(target, actual, weight, settings(options));
}

/** `score` with the units and words of one parser's registry (`createParser`). */
export function scoreWith(engine: Engine, target: Target | string, actual: Actual, weight: DecimalInput, options?: EvaluateOptions): ScoreFields {
  return scoreWithSettings(target, actual, weight, settings(options, engine));
}

function scoreWithSettings(target: Target | string, actual: Actual, weight: DecimalInput, s: Settings): ScoreFields {
  const w = weightOf(weight, s);
  const verdict = evaluateWithSettings(target, actual, s);
  return new Score(points(verdict, w, s), w.toDecimal(), verdict);
}

export type Grade = '优' | '良' | '中' | '差';

const GRADES: readonly (readonly [Rational, Grade])[] = [
  [Rational.of('90'), '优'], [Rational.of('80'), '良'], [Rational.of('60'), '中'],
];

/** 优 (≥ 90), 良 (80 to under 90), 中 (60 to under 80), 差 (< 60) of a total out of `outOf` (default 100). */
export function grade(total: DecimalInput, outOf: DecimalInput = 100): Grade {
  const t = readDecimal(total);
  if (t === null) invalid('grade() takes a finite total');
  const o = readDecimal(outOf);
  if (o === null || o.sign() <= 0) invalid('grade() takes a total out of a positive number');
  // total / outOf ≥ g / 100, cross-multiplied: exact for any outOf.
  const scaled = t.times(Rational.of('100'));
  for (const [g, name] of GRADES) if (scaled.cmp(g.times(o)) >= 0) return name;
  return '差';
}
