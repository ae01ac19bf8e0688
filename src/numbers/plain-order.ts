/**
 * The order of two plain decimal numerals as a number table writes them (ASCII digits, at
 * most one point between digits, no sign: `97.9`, `0.50`, `007`): −1, 0 or 1 as x is below,
 * equal to or above y. Read from the digits as written, without making either number: the
 * longer whole part (leading zeros aside) is the larger, then the first digit that differs,
 * a missing fraction digit reading as 0 (`1.50` equals `1.5`).
 */
export function plainOrder(x: string, y: string): number {
  const xPoint = pointAt(x);
  const yPoint = pointAt(y);
  let xs = 0;
  while (xs < xPoint && x.charCodeAt(xs) === ZERO) xs++;
  let ys = 0;
  while (ys < yPoint && y.charCodeAt(ys) === ZERO) ys++;
  const wholeDigits = xPoint - xs;
  if (wholeDigits !== yPoint - ys) return wholeDigits < yPoint - ys ? -1 : 1;
  for (let k = 0; k < wholeDigits; k++) {
    const d = x.charCodeAt(xs + k) - y.charCodeAt(ys + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const fractionDigits = Math.max(x.length - xPoint, y.length - yPoint) - 1;
  for (let k = 1; k <= fractionDigits; k++) {
    const d = digitAt(x, xPoint + k) - digitAt(y, yPoint + k);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

const ZERO = 0x30;

/** Where the point is, or the length when there is none (the whole part ends there). */
function pointAt(s: string): number {
  const p = s.indexOf('.');
  return p === -1 ? s.length : p;
}

/** The fraction digit at i, 0 past the end. */
function digitAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : ZERO;
}

/** Whether a plain numeral (as plainOrder takes it) is zero: none of its digits is other than 0. */
export function isZeroNumeral(x: string): boolean {
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c > ZERO && c <= NINE) return false;
  }
  return true;
}

const NINE = 0x39;
