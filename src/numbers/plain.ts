import { D, type Decimal } from './decimal.js';

/**
 * Decimals from plain decimal text (`-12.50`, `5000000000`), built without the general
 * string parser of decimal.js: the same digits-array, exponent and sign that
 * `new Decimal(text)` builds (test/numbers/plain.test.ts checks them field by field on
 * generated input), at a fraction of the cost. Parsing a cell makes two decimals (the value
 * and its base value) and this was most of the time of a short cell.
 */
const LOG_BASE = 7;
const PLAIN = /^[-+]?(\d+)(?:\.(\d+))?$/;

type Internals = { s: number; e: number; d: number[] };

export function decimalFromPlain(text: string): Decimal {
  const m = PLAIN.exec(text);
  if (m === null) return new D(text);
  // A real instance of our constructor (zero is its cheapest form), then its fields set.
  const x = new D(0) as unknown as Internals;
  x.s = text.charCodeAt(0) === 45 ? -1 : 1;
  const int = m[1]!;
  const frac = m[2] ?? '';
  let str = int + frac;
  let e = int.length;
  let i = 0;
  while (str.charCodeAt(i) === 48) i++;
  let len = str.length;
  while (len > 0 && str.charCodeAt(len - 1) === 48) len--;
  str = str.slice(i, len);
  if (str === '') {
    x.e = 0;
    x.d = [0];
    return x as unknown as Decimal;
  }
  len -= i;
  e = e - i - 1;
  x.e = e;
  const d: number[] = [];
  i = (e + 1) % LOG_BASE;
  if (e < 0) i += LOG_BASE;
  if (i < len) {
    if (i) d.push(+str.slice(0, i));
    for (len -= LOG_BASE; i < len;) d.push(+str.slice(i, (i += LOG_BASE)));
    str = str.slice(i);
    i = LOG_BASE - str.length;
  } else {
    i -= len;
  }
  for (; i--;) str += '0';
  d.push(+str);
  x.d = d;
  // Outside decimal.js's exponent limits the general constructor decides (Infinity, zero).
  if (x.e > D.maxE || x.e < D.minE) return new D(text);
  return x as unknown as Decimal;
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
