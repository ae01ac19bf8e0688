import { D, MAX_E, MIN_E, type Decimal } from './decimal.js';

/**
 * Decimals from plain decimal text (`-12.50`, `5000000000`), built without the general
 * string parser of decimal.js: the same digits array, exponent and sign that
 * `new Decimal(text)` builds (test/numbers/plain.test.ts checks them field by field on
 * generated input), at a fraction of the cost. Parsing a cell makes two decimals (the value
 * and its base value) and this was most of the time of a short cell.
 *
 * The digits are read once, by char code, straight into decimal.js's words of seven
 * decimal digits (no regex, no slices, no intermediate strings), exactly as decimal.js's
 * own `parseDecimal` groups them: the first word holds the digits up to the next
 * multiple of seven places, the last word is padded with zeros, leading and trailing
 * zeros are dropped, zero is `{ e: 0, d: [0] }`. Each word is an integer below 10^7.
 */
const LOG_BASE = 7;
/** 10^k for the zero padding of the last word (k < LOG_BASE). */
const PAD = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000];

type Internals = { s: number; e: number; d: number[] };

/**
 * Instances of our constructor made without running it: the prototype is D's, and the own
 * fields are those `new D(x)` gives, in its order (constructor, s, e, d); the caller sets
 * s, e and d. (`new D(0)` first would cost as much as the rest of a short cell.)
 */
const Blank = function Decimal(this: Internals & { constructor: unknown }) {
  this.constructor = D;
  this.s = 1;
  this.e = 0;
  this.d = ZERO_WORDS;
} as unknown as new () => Internals;
Blank.prototype = D.prototype;
const ZERO_WORDS: number[] = [0];

function blank(): Internals {
  return new Blank();
}

/** A decimal of our constructor from its fields, which the caller has made as decimal.js makes them. */
export function decimalOf(s: number, e: number, d: number[]): Decimal {
  const x = new Blank();
  x.s = s;
  x.e = e;
  x.d = d;
  return x as unknown as Decimal;
}

/**
 * The decimal of the digits of `text` from `start` to `end` (an optional sign, digits,
 * optionally a point and digits; the caller has checked that shape) times 10^shift.
 * A shift is exact: only the exponent moves (`50` 亿元 is 50 × 10^8 元). `at`, when the
 * caller has found it, is where the point is (`end` for none), so it is not searched again.
 */
export function decimalFromDigits(text: string, start: number, end: number, shift = 0, at = -1): Decimal {
  let i = start;
  const c0 = text.charCodeAt(i);
  const sign = c0 === 45 ? -1 : 1;
  if (c0 === 45 || c0 === 43) i++;
  // Where the point is (end when there is none), the first and one past the last
  // significant digit: leading and trailing zeros (and the point among them) skipped.
  let point = at;
  if (point === -1) {
    const dot = text.indexOf('.', i);
    point = dot === -1 || dot >= end ? end : dot;
  }
  let first = i;
  while (first < end && (text.charCodeAt(first) === 48 || first === point)) first++;
  let last = end;
  while (last > first && (text.charCodeAt(last - 1) === 48 || last - 1 === point)) last--;
  const x = blank();
  x.s = sign;
  if (first === end) {
    x.e = 0;
    x.d = [0];
    return x as unknown as Decimal;
  }
  // Exponent of the leading digit: digits between it and the point (the point not counted).
  const e = (first < point ? point - first - 1 : point - first) + shift;
  if (e > MAX_E || e < MIN_E) return new D(`${text.slice(start, end)}e${shift}`);
  x.e = e;
  let slot = (e + 1) % LOG_BASE;
  if (slot <= 0) slot += LOG_BASE;
  // The words go to a scratch array first, then into an array of exactly their number
  // (decimal.js's own arrays are exact too; a pushed-to empty array reserves 17 slots).
  let k = 0;
  let word = 0;
  let left = slot;
  for (let j = first; j < last; j++) {
    const c = text.charCodeAt(j);
    if (c === 46) continue;
    word = word * 10 + (c - 48);
    if (--left === 0) {
      if (k === SCRATCH.length) SCRATCH.push(0);
      SCRATCH[k++] = word;
      word = 0;
      left = LOG_BASE;
    }
  }
  if (left !== LOG_BASE) {
    if (k === SCRATCH.length) SCRATCH.push(0);
    SCRATCH[k++] = word * PAD[left]!;
  }
  x.d = exactWords(k);
  return x as unknown as Decimal;
}

/** 10^k for k ≤ 15, each an exact double (words.ts uses them too). */
export const POW10: number[] = [1];
while (POW10.length < 16) POW10.push(POW10[POW10.length - 1]! * 10);

/** The most digits `decimalFromInteger` takes: 10^15 < 2^53, so every such integer is an exact double. */
export const MAX_INTEGER_DIGITS = 15;
/** 10^MAX_INTEGER_DIGITS: the integers `decimalFromInteger` takes are below it. */
export const INTEGER_LIMIT = POW10[MAX_INTEGER_DIGITS]!;

/**
 * The decimal sign × m × 10^q, for an integer 0 ≤ m < 10^15. The same fields as
 * `decimalFromDigits` on the same digits (test/numbers/plain.test.ts compares them with
 * decimal.js's own). Every step is exact: integers below 2^53, and `Math.floor(m / 10^k)`
 * is the integer quotient (numbers/words.ts `div`).
 */
export function decimalFromInteger(sign: number, m: number, q: number): Decimal {
  if (m === 0) return decimalOf(sign, 0, [0]);
  const z = trailingZeros(m);
  // m is a multiple of 10^z below 2^53: the quotient is an integer, and exact.
  if (z > 0) { m /= POW10[z]!; q += z; }
  return decimalFromStripped(sign, m, significantDigits(m), q);
}

/** The count of trailing zeros of an integer 0 < m < 2^53 (by divisions: `%` on a double is a call into C). */
export function trailingZeros(m: number): number {
  let z = 0;
  for (let t = Math.floor(m / 10); t * 10 === m; t = Math.floor(m / 10)) { m = t; z++; }
  return z;
}

/**
 * The count of digits of an integer 1 ≤ m < 10^15, by comparisons with constants: the loop
 * over POW10 it replaces cost 150 instructions a decimal (a load and a bounds check a digit).
 */
export function significantDigits(m: number): number {
  if (m < 1e8) {
    if (m < 1e4) return m < 1e2 ? (m < 10 ? 1 : 2) : (m < 1e3 ? 3 : 4);
    return m < 1e6 ? (m < 1e5 ? 5 : 6) : (m < 1e7 ? 7 : 8);
  }
  if (m < 1e12) return m < 1e10 ? (m < 1e9 ? 9 : 10) : (m < 1e11 ? 11 : 12);
  return m < 1e14 ? (m < 1e13 ? 13 : 14) : 15;
}

/**
 * sign × m × 10^q for an integer 0 < m < 10^15 with no trailing zero and nd digits
 * (trailingZeros, significantDigits): a quantity's value and base value share m and differ
 * only in q, so these are worked out once for both. decimal.js's words straight from m: the
 * first holding the digits up to the next multiple of seven places, the last one padded with
 * zeros.
 */
export function decimalFromStripped(sign: number, m: number, nd: number, q: number): Decimal {
  const e = nd - 1 + q;
  if (e > MAX_E || e < MIN_E) return new D(`${sign < 0 ? '-' : ''}${m}e${q}`);
  let slot = (e + 1) % LOG_BASE;
  if (slot <= 0) slot += LOG_BASE;
  // Digits left after the first word's.
  let rest = nd - slot;
  if (rest <= 0) return decimalOf(sign, e, [m * POW10[-rest]!]);
  let p = POW10[rest]!;
  let w = Math.floor(m / p);
  m -= w * p;
  // Two words (the most common case past one): the second is the rest, padded.
  if (rest <= LOG_BASE) return decimalOf(sign, e, [w, m * POW10[LOG_BASE - rest]!]);
  let k = 0;
  SCRATCH[k++] = w;
  while (rest > 0) {
    const take = rest < LOG_BASE ? rest : LOG_BASE;
    rest -= take;
    p = POW10[rest]!;
    w = Math.floor(m / p);
    m -= w * p;
    // A last word of fewer than seven digits is padded with zeros.
    SCRATCH[k++] = take === LOG_BASE ? w : w * POW10[LOG_BASE - take]!;
  }
  return decimalOf(sign, e, exactWords(k));
}

/** Digit words being built; only small integers are stored, so it stays a packed array of them. */
const SCRATCH: number[] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

function exactWords(k: number): number[] {
  return wordsOf(SCRATCH, 0, k);
}

/**
 * `w.slice(from, from + k)`, with literals for the short ones (a literal is a few
 * nanoseconds; slice is a call into the runtime, about 20).
 */
export function wordsOf(w: readonly number[], from: number, k: number): number[] {
  switch (k) {
    case 1: return [w[from]!];
    case 2: return [w[from]!, w[from + 1]!];
    case 3: return [w[from]!, w[from + 1]!, w[from + 2]!];
    case 4: return [w[from]!, w[from + 1]!, w[from + 2]!, w[from + 3]!];
    default: return w.slice(from, from + k);
  }
}

/** Plain decimal text (`[-+]digits[.digits]`) as a decimal; anything else through decimal.js. */
export function decimalFromPlain(text: string): Decimal {
  return isPlainDecimal(text, 0, text.length) ? decimalFromDigits(text, 0, text.length) : new D(text);
}

/** Whether text[start, end) is `[-+]?\d+(\.\d+)?`. */
export function isPlainDecimal(text: string, start: number, end: number): boolean {
  let i = start;
  const c0 = text.charCodeAt(i);
  if (c0 === 45 || c0 === 43) i++;
  const intStart = i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return false;
  if (i === end) return true;
  if (text.charCodeAt(i) !== 46) return false;
  const fracStart = ++i;
  while (i < end && isDigit(text.charCodeAt(i))) i++;
  return i === end && i > fracStart;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Plain decimal text times 10^k, by moving the point (exact; k may be negative). */
export function shiftPlain(text: string, k: number): string {
  const neg = text.startsWith('-');
  const body = text.replace(/^[-+]/, '');
  const dot = body.indexOf('.');
  let digits = dot === -1 ? body : body.slice(0, dot) + body.slice(dot + 1);
  let point = (dot === -1 ? body.length : dot) + k;
  if (point < 0) { digits = '0'.repeat(-point) + digits; point = 0; }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  let a = 0;
  while (a < point - 1 && digits.charCodeAt(a) === 48) a++;
  const int = point === 0 ? '0' : digits.slice(a, point);
  // Trailing zeros by a loop: /0+$/ is quadratic on long runs of zeros followed by a digit.
  let b = digits.length;
  while (b > point && digits.charCodeAt(b - 1) === 48) b--;
  const frac = digits.slice(point, b);
  const out = frac ? `${int}.${frac}` : int;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}
