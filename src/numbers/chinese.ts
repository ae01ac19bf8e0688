import { D, ONE, ZERO, type Decimal } from './decimal.js';
import { plainOrder } from './plain-order.js';
import { CN_BIG_UNITS, CN_DIGITS, CN_SMALL_UNITS } from '../vocab/numerals.js';

/**
 * 10^k for the exponents a numeral's units name (十 10^1 to 亿 10^8), and the Chinese digits'
 * values: made once, as constants, since every numeral with units multiplies by them. Never
 * changed: every operation makes a new decimal.
 */
const TEN_TO: readonly Decimal[] = Object.freeze(Array.from({ length: 9 }, (_, k) => new D(`1e${k}`)));
const DIGIT_VALUES: readonly Decimal[] = Object.freeze(Array.from({ length: 10 }, (_, k) => new D(k)));

function tenTo(k: number): Decimal {
  return TEN_TO[k] ?? new D(10).pow(k);
}

/**
 * A numeral as people write it in these tables, split into pieces by the lexer:
 * Arabic runs (`3000`, `1.5`) and single Chinese characters. Mixed forms are common:
 * `3万4000`, `25万6千`, `十亿3000万`, `三万五`, `两千六`, `一万零十二`.
 */
export type NumeralPiece = { arabic: string } | { char: string };

/** Whether a piece is a unit character (十 百 千 万 亿 and their financial forms). */
export function isUnitPiece(p: NumeralPiece): boolean {
  return 'char' in p && (CN_SMALL_UNITS.has(p.char) || CN_BIG_UNITS.has(p.char));
}

/**
 * The exact value of a numeral, or null when the pieces do not form one (`万万万五十五`
 * style nonsense is still read positionally, like people would; only an empty or
 * unit-only sequence is null).
 */
export function numeralValue(pieces: readonly NumeralPiece[]): Decimal | null {
  if (pieces.length === 0) return null;
  const hasUnit = pieces.some(isUnitPiece);
  if (!hasUnit) {
    // 二〇二二, 一九: digits read one after another (years, codes). A lone Arabic run is itself.
    if (pieces.length === 1 && 'arabic' in pieces[0]!) return new D(pieces[0].arabic);
    let s = '';
    for (const p of pieces) {
      if ('arabic' in p) s += p.arabic;
      else s += String(CN_DIGITS.get(p.char));
    }
    return /^\d+(\.\d+)?$/.test(s) ? new D(s) : null;
  }

  // Big units multiply every pending piece whose scale is not above theirs, so that
  // 十亿3000万 = 10亿 + 3000万 and 3万亿5000亿 = 3×10¹² + 5000×10⁸.
  const pending: { value: Decimal; exp: number }[] = [];
  let section = ZERO; // the current group below 万
  let digit: Decimal | null = null; // the number waiting for a unit
  let lastUnitExp = 0; // exponent of the unit just read, for 三万五 / 两千六
  let zeroSeen = false;
  let sawAnything = false;

  for (const p of pieces) {
    if ('arabic' in p) {
      digit = new D(p.arabic);
      sawAnything = true;
      continue;
    }
    const ch = p.char;
    const dv = CN_DIGITS.get(ch);
    if (dv !== undefined) {
      if (dv === 0) { zeroSeen = true; digit = null; lastUnitExp = 0; continue; }
      digit = DIGIT_VALUES[dv] ?? new D(dv);
      sawAnything = true;
      continue;
    }
    const small = CN_SMALL_UNITS.get(ch);
    if (small !== undefined) {
      // 十二: a unit with no digit before it counts one of itself.
      // 10, 100 or 1000: its exponent is its digits after the 1, counted exactly.
      lastUnitExp = String(small).length - 1;
      section = section.plus((digit ?? ONE).times(tenTo(lastUnitExp)));
      digit = null;
      zeroSeen = false;
      sawAnything = true;
      continue;
    }
    const bigExp = CN_BIG_UNITS.get(ch)!;
    let s = section.plus(digit ?? ZERO);
    if (s.isZero() && !sawAnything) s = ONE; // 万 alone
    let exp = bigExp;
    while (pending.length > 0 && pending[pending.length - 1]!.exp <= bigExp) {
      const top = pending.pop()!;
      s = s.plus(top.value);
      exp = Math.max(exp, top.exp + bigExp);
    }
    pending.push({ value: s.times(tenTo(bigExp)), exp });
    section = ZERO;
    digit = null;
    zeroSeen = false;
    lastUnitExp = bigExp;
    sawAnything = true;
  }
  let total = section;
  if (digit !== null) {
    // Colloquial shortening: 三万五 = 35000, 两千六 = 2600, 一百二 = 120; but not after 零
    // (一万零五 = 10005) and only for a lone digit (3万4000 is 34000 as written).
    const lone = digit.isInteger() && digit.gte(1) && digit.lte(9);
    if (lone && !zeroSeen && lastUnitExp >= 2) total = total.plus(digit.times(tenTo(lastUnitExp - 1)));
    else total = total.plus(digit);
  }
  for (const p of pending) total = total.plus(p.value);
  return total;
}

/**
 * Where a numeral writes a second number inside itself (forms.md §9), or null: a Chinese
 * digit right after an Arabic run or before one (`1.5五`, `8101366189154伍拾`, `六零60`); an
 * Arabic run that starts at its point (`七十.5`) or, after 十/百/千, reaches that unit
 * (`五十12` would be 62, `三百150` 450; `五十3` is 53); and, when the numeral has units, a
 * digit right after another (`一五十`: the first would be dropped). Digits one after another
 * with no unit are read digit by digit (`二〇二二`); with units 零 only marks a gap
 * (`一万零五`, `1万零50`). `arabic` says an Arabic run is one of the two: such a run is
 * always a number, while Chinese digits alone may be a word (`一五一十`).
 */
export function secondNumberAt(pieces: readonly NumeralPiece[]): { at: number; arabic: boolean } | null {
  const hasUnit = pieces.some(isUnitPiece);
  // Without units 零 is a digit like any other (二〇二二); with them, a gap.
  const isDigit = (p: NumeralPiece): boolean => 'arabic' in p || (CN_DIGITS.has(p.char) && (!hasUnit || CN_DIGITS.get(p.char) !== 0));
  let chinese: { at: number; arabic: boolean } | null = null;
  // An Arabic run anywhere decides (肆壹5亿 is a number written twice, not the word 肆壹).
  for (let i = 1; i < pieces.length; i++) {
    const a = pieces[i - 1]!;
    const b = pieces[i]!;
    if ('arabic' in b && 'char' in a) {
      const small = CN_SMALL_UNITS.get(a.char);
      // (After the first piece an Arabic run has no sign: plain digits, read as written.)
      if (b.arabic.startsWith('.') || (small !== undefined && plainOrder(b.arabic, String(small)) >= 0)) return { at: i, arabic: true };
    }
    if (!isDigit(a) || !isDigit(b)) continue;
    if ('arabic' in a !== 'arabic' in b) return { at: i, arabic: true };
    if (hasUnit) chinese ??= { at: i, arabic: false };
  }
  return chinese;
}

const CN = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const GROUP_UNITS = ['', '万', '亿', '万亿', '亿亿'];

function groupToChinese(g: number, leadingZero: boolean): string {
  const digits = String(g).padStart(4, '0').split('').map(Number);
  const units = ['千', '百', '十', ''];
  let out = '';
  let pendingZero = leadingZero;
  for (let i = 0; i < 4; i++) {
    const d = digits[i]!;
    if (d === 0) { if (out !== '') pendingZero = true; continue; }
    if (pendingZero) { out += '零'; pendingZero = false; }
    out += CN[d]! + units[i]!;
  }
  return out;
}

/** The standard Chinese numeral of a non-negative integer below 10¹⁷ (一万零一十二). */
export function toChineseNumeral(n: bigint): string {
  if (n < 0n) throw new RangeError('negative');
  if (n === 0n) return '零';
  const groups: number[] = [];
  let m = n;
  while (m > 0n) { groups.push(Number(m % 10000n)); m /= 10000n; }
  if (groups.length > GROUP_UNITS.length) throw new RangeError('too large');
  let out = '';
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    const needZero = out !== '' && (g < 1000 || groups[i + 1] === 0);
    out += groupToChinese(g, needZero) + GROUP_UNITS[i]!;
  }
  // 一十二 is written 十二 at the very start.
  return out.startsWith('一十') ? out.slice(1) : out;
}
