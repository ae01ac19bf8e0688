/**
 * Decimal text as strings, for cells that a spreadsheet stores as numbers. Nothing here
 * goes through a JS number: `0.95` shown as a percentage becomes `95%` by moving the
 * decimal point, and a stored binary artefact (`0.30000000000000004`) is rounded to the
 * 15 significant digits that Excel itself keeps and shows.
 */

/** Excel's precision: it stores and displays at most 15 significant decimal digits. */
export const EXCEL_DIGITS = 15;

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * `text` × 10^shift in plain notation, rounded half up to `digits` significant digits,
 * without trailing zeros: `("9.5E-2", 2)` → `9.5`, `("6759.5799999999999", 0)` → `6759.58`.
 * Returns null when `text` is not a decimal number.
 */
export function decimalText(text: string, shift = 0, digits = EXCEL_DIGITS): string | null {
  const m = NUMBER.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const negative = m[1] === '-';
  const intPart = m[2]!;
  const frac = m[3] ?? '';
  const exp = Number.parseInt(m[4] ?? '0', 10) + shift;
  // All digits, and where the decimal point falls among them.
  let all = intPart + frac;
  let point = intPart.length + exp;
  // Drop leading zeros (they move nothing but the point's index).
  const lead = all.search(/[1-9]/);
  if (lead === -1) return '0';
  all = all.slice(lead);
  point -= lead;
  if (all.length > digits) {
    const up = all.charCodeAt(digits) >= 0x35; // '5'
    let kept = all.slice(0, digits);
    if (up) {
      const carried = increment(kept);
      if (carried.length > kept.length) point++;
      kept = carried.slice(0, digits);
    }
    all = kept;
  }
  // Trailing zeros by a loop: /0+$/ is quadratic on long runs of zeros followed by a digit.
  let end = all.length;
  while (end > 0 && all.charCodeAt(end - 1) === 48) end--;
  all = all.slice(0, end);
  if (all === '') return '0';
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${all}`;
  else if (point >= all.length) out = all + '0'.repeat(point - all.length);
  else out = `${all.slice(0, point)}.${all.slice(point)}`;
  return negative ? `-${out}` : out;
}

/** Add one to a string of digits: `"0999"` → `"1000"`, `"999"` → `"1000"`. */
function increment(digits: string): string {
  const d = digits.split('');
  let i = d.length - 1;
  while (i >= 0) {
    if (d[i] === '9') { d[i] = '0'; i--; continue; }
    d[i] = String.fromCharCode(d[i]!.charCodeAt(0) + 1);
    return d.join('');
  }
  return `1${d.join('')}`;
}
