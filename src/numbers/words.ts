import { isOurDecimal, MAX_E, MIN_E, PRECISION, type Decimal } from './decimal.js';
import { decimalFromInteger, decimalOf, INTEGER_LIMIT, MAX_INTEGER_DIGITS, POW10, wordsOf } from './plain.js';

/**
 * Exact decimal arithmetic on decimal.js's own digit words, for the operations of every
 * evaluation: the margin B − A, the completion B / A rounded, and the product by a unit's
 * factor that is no power of ten (天 is 86400 秒). A decimal of our constructor is a sign,
 * an exponent and words of seven decimal digits, each word sitting at a fixed multiple of
 * seven places (word i of x stands for 10^(7·(⌊x.e/7⌋ − i))), so the words of two decimals
 * line up without any shifting of digits: decimal.js adds and subtracts them the same way. Every number computed here is an integer below 2^53 (a word,
 * a word plus a carry, a remainder times 10^7 plus a word), and every operation on them is
 * exact: +, − and × of such integers, and the one division (`div`) is the floor of a
 * quotient of two of them, which is exact below 2^53. No value is ever a binary
 * fraction. numbers/bigint.ts did the same on BigInts, at several times the cost (a BigInt
 * per word and per step, then the digits printed and read back).
 *
 * The results are built as decimal.js builds them (no leading or trailing zero words, the
 * exponent of the leading digit); test/numbers/exact.test.ts compares them with decimal.js's
 * own operations field by field. What is not plainly in range (zeros with their signs, but
 * in a product; values that are not finite; more digits than the precision) is left to the
 * caller: these functions then return null.
 */

const BASE = 10_000_000;
const LOG_BASE = 7;

type Fields = { readonly d: readonly number[] | null; readonly e: number; readonly s: number };

/**
 * Words being computed, most significant first; reused, so only the result is allocated.
 * Filled by push so that it holds small integers only (V8's packed small-integer arrays, as
 * decimal.js's own digit arrays are): results are slices of it.
 */
const SCRATCH: number[] = [];
for (let i = 0; i < 64; i++) SCRATCH.push(0);

function scratch(n: number): number[] {
  while (SCRATCH.length < n) SCRATCH.push(0);
  return SCRATCH;
}

/** Digits of a word (below 10^7, above 0). */
function digitCount(w: number): number {
  return w < 10 ? 1 : w < 100 ? 2 : w < 1000 ? 3 : w < 10000 ? 4 : w < 100000 ? 5 : w < 1000000 ? 6 : 7;
}

/** The position (in words) of a decimal's first word: ⌊e / 7⌋, on counts of places. */
function topWord(e: number): number {
  return Math.floor(e / LOG_BASE);
}

/** The most words a result may span: beyond the working precision decimal.js would round. */
function maxWords(): number {
  return Math.ceil(PRECISION / LOG_BASE) + 2;
}

/**
 * The decimal of words w[from..to] (inclusive, w[from] the first non-zero one) with the
 * first at word position `top`, and sign s; null when decimal.js would round it (more
 * digits than the precision) or the exponent is out of its range.
 */
function build(s: number, w: readonly number[], from: number, to: number, top: number): Decimal | null {
  while (to > from && w[to] === 0) to--;
  const first = w[from]!;
  const digits = digitCount(first) + LOG_BASE * (to - from);
  if (digits > PRECISION) return null;
  const e = LOG_BASE * top + digitCount(first) - 1;
  if (e > MAX_E || e < MIN_E) return null;
  return decimalOf(s, e, wordsOf(w, from, to - from + 1));
}

/**
 * ⌊x / y⌋ for integers 0 ≤ x < 2^53 and 0 < y: the division rounds x / y to the nearest
 * double, and for a quotient t that is not an integer the next integer is at least 1/y
 * above it while the rounding moves it by at most t · 2^-53 < 2^53 / y · 2^-53 = 1/y, so
 * its floor is the integer quotient (decimal.js divides its words the same way).
 */
function div(x: number, y: number): number {
  return Math.floor(x / y);
}

/** The word of x at position p (0 outside its words). */
function wordAt(d: readonly number[], top: number, p: number): number {
  const i = top - p;
  return i >= 0 && i < d.length ? d[i]! : 0;
}

/**
 * The fields of a finite, nonzero decimal of our constructor; null otherwise. A zero keeps a
 * sign in decimal.js (−0 − 0 is −0, 0 × −5 is −0) that the words cannot show: a product
 * makes it itself (timesWords), the others leave it to decimal.js.
 */
function nonZero(x: Decimal): (Fields & { readonly d: readonly number[] }) | null {
  if (!isOurDecimal(x)) return null;
  const f = x as unknown as Fields;
  return f.d === null || f.d[0] === 0 ? null : (f as Fields & { readonly d: readonly number[] });
}

/** x − y exactly, as decimal.js's `minus` gives it; null for zeros, non-finite values and what decimal.js would round. */
export function minusWords(x: Decimal, y: Decimal): Decimal | null {
  const a = nonZero(x);
  const b = nonZero(y);
  if (a === null || b === null) return null;
  const ad = a.d;
  const bd = b.d;
  if (ad.length <= 2 && bd.length <= 2) {
    const small = minusSmall(a, b);
    if (small !== null) return small;
  }
  const at = topWord(a.e);
  const bt = topWord(b.e);
  const hi = at > bt ? at : bt;
  const ab = at - ad.length + 1;
  const bb = bt - bd.length + 1;
  const lo = ab < bb ? ab : bb;
  // One more word on top for a carry.
  const n = hi - lo + 2;
  if (n > maxWords()) return null;
  const w = scratch(n);
  let s: number;
  if (a.s !== b.s) {
    // x − y = sign(x) · (|x| + |y|).
    s = a.s;
    let carry = 0;
    for (let k = n - 1, p = lo; k >= 1; k--, p++) {
      let sum = wordAt(ad, at, p) + wordAt(bd, bt, p) + carry;
      carry = 0;
      if (sum >= BASE) { sum -= BASE; carry = 1; }
      w[k] = sum;
    }
    w[0] = carry;
  } else {
    // The smaller magnitude from the larger; the sign is x's, or flipped when |y| is larger.
    const c = cmpMagnitude(ad, at, bd, bt);
    if (c === 0) return decimalOf(1, 0, [0]); // decimal.js: x − x is +0 (rounding is not ROUND_FLOOR)
    const gd = c > 0 ? ad : bd;
    const gt = c > 0 ? at : bt;
    const sd = c > 0 ? bd : ad;
    const st = c > 0 ? bt : at;
    s = c > 0 ? a.s : -a.s;
    let borrow = 0;
    for (let k = n - 1, p = lo; k >= 1; k--, p++) {
      let diff = wordAt(gd, gt, p) - wordAt(sd, st, p) - borrow;
      borrow = 0;
      if (diff < 0) { diff += BASE; borrow = 1; }
      w[k] = diff;
    }
    w[0] = 0;
  }
  let from = 0;
  while (w[from] === 0) from++;
  return build(s, w, from, n - 1, hi + 1 - from);
}

/** The integer of one or two words (below 10^14). */
function wordsInteger(d: readonly number[]): number {
  return d.length === 1 ? d[0]! : d[0]! * BASE + d[1]!;
}

/**
 * minusWords for nonzero x and y of at most two words each (nearly every margin: a value and
 * a target of up to 14 digits): each is an integer times 10^k, k that of its last word (a
 * multiple of seven), so on the lower k both are integers X and Y, where that keeps them
 * below 10^15, and x − y is the integer X − Y (below 2^53 in size: exact) times 10^k, cut
 * back into words. Null where X or Y would be too large.
 */
export function minusSmall(a: Fields & { readonly d: readonly number[] }, b: Fields & { readonly d: readonly number[] }): Decimal | null {
  let x = wordsInteger(a.d);
  let y = wordsInteger(b.d);
  const kx = LOG_BASE * (topWord(a.e) - a.d.length + 1);
  const ky = LOG_BASE * (topWord(b.e) - b.d.length + 1);
  let k = kx;
  if (kx > ky) {
    const shift = kx - ky;
    if (shift > MAX_INTEGER_DIGITS - 1 || x >= POW10[MAX_INTEGER_DIGITS - shift]!) return null;
    x *= POW10[shift]!;
    k = ky;
  } else if (ky > kx) {
    const shift = ky - kx;
    if (shift > MAX_INTEGER_DIGITS - 1 || y >= POW10[MAX_INTEGER_DIGITS - shift]!) return null;
    y *= POW10[shift]!;
  }
  const r = a.s * x - b.s * y;
  // decimal.js: x − x is +0 (rounding is not ROUND_FLOOR).
  if (r === 0) return decimalOf(1, 0, [0]);
  // k is a multiple of seven: the digits of |r| in base 10^7 are the result's words as they
  // are (at most three, |r| < 2 · 10^15), with no digit shifted and no zero counted.
  const m = r < 0 ? -r : r;
  const w = scratch(3);
  const high = div(m, BASE);
  w[2] = m - high * BASE;
  w[0] = div(high, BASE);
  w[1] = high - w[0] * BASE;
  let from = 0;
  while (w[from] === 0) from++;
  return build(r < 0 ? -1 : 1, w, from, 2, k / LOG_BASE + 2 - from);
}

/**
 * x × y exactly, as decimal.js's `times` gives it (the same schoolbook steps on the same
 * words, each below 10^14 + 2 · 10^7; a zero factor gives a zero whose sign is the product
 * of the signs, as decimal.js's does); null for non-finite values and products longer than
 * the precision.
 */
export function timesWords(x: Decimal, y: Decimal): Decimal | null {
  const a = nonZero(x);
  const b = nonZero(y);
  if (a === null || b === null) {
    // Both finite decimals of ours, so one is a zero (0 × W in every score of a non-pass).
    const fx = x as unknown as Fields;
    const fy = y as unknown as Fields;
    return isOurDecimal(x) && isOurDecimal(y) && fx.d !== null && fy.d !== null ? decimalOf(fx.s * fy.s, 0, [0]) : null;
  }
  const ad = a.d;
  const bd = b.d;
  const xl = ad.length;
  const yl = bd.length;
  const n = xl + yl;
  if (n > maxWords()) return null;
  const w = scratch(n);
  for (let k = 0; k < n; k++) w[k] = 0;
  // Row i adds bd[i] × ad into w[i + 1 …]; w[i] is still 0 there and takes the last carry.
  for (let i = yl - 1; i >= 0; i--) {
    let carry = 0;
    let k = xl + i;
    for (; k > i; k--) {
      const t = w[k]! + bd[i]! * ad[k - i - 1]! + carry;
      carry = div(t, BASE);
      w[k] = t - carry * BASE;
    }
    w[k] = carry;
  }
  // w[0] stands at word position ⌊x.e/7⌋ + ⌊y.e/7⌋ + 1.
  const from = w[0] === 0 ? 1 : 0;
  return build(a.s * b.s, w, from, n - 1, topWord(a.e) + topWord(b.e) + 1 - from);
}

/** Compare |x| and |y| by their words. */
function cmpMagnitude(xd: readonly number[], xt: number, yd: readonly number[], yt: number): number {
  if (xt !== yt) return xt > yt ? 1 : -1;
  const n = xd.length < yd.length ? xd.length : yd.length;
  for (let i = 0; i < n; i++) if (xd[i] !== yd[i]) return xd[i]! > yd[i]! ? 1 : -1;
  return xd.length === yd.length ? 0 : xd.length > yd.length ? 1 : -1;
}

export type Rounding = 'half-up' | 'floor' | 'ceil';

/**
 * roundQuotientWords when n and d have at most two words each (nearly every completion: a
 * value over a target, or the other way round, of up to 14 digits): n = N · 10^(7·i) and
 * d = V · 10^(7·j) with integers N, V < 10^14, so n / d · 10^places = x / y with x, y the
 * integers N · 10^k and V (or N and V · 10^-k). Where both stay below 2^53 the quotient is
 * one integer division (exact, see div) and its remainder decides the rounding; the result
 * is that integer times 10^-places (decimalFromInteger). Null where they would not, or the
 * quotient has more than 15 digits: the caller decides.
 */
function smallQuotient(a: Fields, b: Fields, nd: readonly number[], dd: readonly number[], places: number, mode: Rounding, neg: boolean): Decimal | null {
  const k = LOG_BASE * (topWord(a.e) - nd.length - topWord(b.e) + dd.length) + places;
  if (k > 15 || k < -15) return null;
  const N = wordsInteger(nd);
  const V = wordsInteger(dd);
  const x = k > 0 ? N * POW10[k]! : N;
  const y = k < 0 ? V * POW10[-k]! : V;
  if (x >= Number.MAX_SAFE_INTEGER || y >= Number.MAX_SAFE_INTEGER) return null;
  let q = div(x, y);
  // r < y < 2^53, and 2r is exact.
  const r = x - q * y;
  if (mode === 'half-up' ? r * 2 >= y : r !== 0 && (mode === 'ceil') !== neg) q++;
  return q < INTEGER_LIMIT ? decimalFromInteger(neg ? -1 : 1, q, -places) : null;
}

/**
 * n / d rounded to `places` decimal places (d > 0), half up away from zero on a tie (as
 * decimal.js's ROUND_HALF_UP), floor or ceil by sign. An n and a divisor of at most two
 * words each (a value of up to 14 digits over a target, or a target over such a value, as
 * for a ≤ target's completion) take one integer division (smallQuotient). Where that
 * declines, a divisor of one word (95 %, 100 %, 50 亿 … nearly every target) takes the long
 * division of n's words by it, down to one word past the rounding place, whose digits past
 * it decide. A zero n gives a zero with n's sign, as the decimal.js way does. Null
 * where the caller should decide: a longer n or divisor (Knuth's algorithm D on the words
 * was measured slower than numbers/bigint.ts, 200 ns against 130), n with digits below
 * what is computed, a quotient far under the rounding place, results too long.
 */
export function roundQuotientWords(n: Decimal, d: Decimal, places: number, mode: Rounding): Decimal | null {
  if (!isOurDecimal(n) || !isOurDecimal(d)) return null;
  const a = n as unknown as Fields;
  const b = d as unknown as Fields;
  const nd = a.d;
  const dd = b.d;
  if (nd === null || dd === null || dd.length > 2 || b.s < 0 || dd[0] === 0) return null;
  const neg = a.s < 0;
  if (nd[0] === 0) return decimalOf(a.s, 0, [0]);
  if (nd.length <= 2) {
    const small = smallQuotient(a, b, nd, dd, places, mode, neg);
    if (small !== null) return small;
  }
  if (dd.length > 1) return null;
  // The divisor is the word v times 10^(7·dbot); n's first word is at nt.
  const v = dd[0]!;
  const dbot = topWord(b.e);
  const nt = topWord(a.e);
  // The word that holds 10^-places, where that place sits in it (10^m of the word), and the
  // last quotient word computed, one below.
  const j = topWord(-places);
  const m = -places - LOG_BASE * j;
  const qLow = j - 1;
  // n's words are divided from its first down to position dbot + qLow (zeros past its end);
  // n's digits below that would need a sticky remainder: the caller decides.
  if (nt - nd.length + 1 < dbot + qLow) return null;
  // The quotient's words run from qTop down to qLow; one far under the rounding place: the caller decides.
  const qTop = nt - dbot;
  if (qTop < j) return null;
  // The quotient's words go to w[1 …], with w[0] for a carry of the rounding.
  const len = qTop - qLow + 2;
  if (len > maxWords()) return null;
  const w = scratch(len);
  w[0] = 0;
  let r = 0;
  for (let k = 1; k < len; k++) {
    // r < v < 10^7, so cur < 10^14 + 10^7 < 2^53.
    const cur = r * BASE + (k - 1 < nd.length ? nd[k - 1]! : 0);
    const q = div(cur, v);
    r = cur - q * v;
    w[k] = q;
  }
  const rest = r !== 0;
  const kj = len - 2; // the word of position j
  const pm = POW10[m]!;
  const low = w[kj]! % pm;
  const below = w[kj + 1]!;
  let up: boolean;
  if (mode === 'half-up') {
    // Past the place: `low` units of the word (the rest below adds less than one), or, when the
    // place is the word's last digit, the next word (the rest adds less than one of its units).
    up = m > 0 ? low * 2 >= pm : below * 2 >= BASE;
  } else {
    const inexact = low !== 0 || below !== 0 || rest;
    up = inexact && (mode === 'ceil' ? !neg : neg);
  }
  w[kj] = w[kj]! - low;
  if (up) {
    let k = kj;
    w[k] = w[k]! + pm;
    while (w[k]! >= BASE) {
      w[k] = w[k]! - BASE;
      k--;
      w[k] = w[k]! + 1;
    }
  }
  let from = 0;
  while (from <= kj && w[from] === 0) from++;
  if (from > kj) return decimalOf(neg ? -1 : 1, 0, [0]);
  return build(neg ? -1 : 1, w, from, kj, qTop + 1 - from);
}
