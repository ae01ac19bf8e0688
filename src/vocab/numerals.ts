/**
 * Chinese numeral characters as data. Plain (一二三), financial (壹贰叁) and colloquial
 * (两, 〇) digits; small units (十百千) that are part of a numeral; big units (万亿) that
 * group numerals. Traditional forms are folded before lexing (text/folds.ts), so only
 * simplified spellings appear here.
 */
export const CN_DIGITS: ReadonlyMap<string, number> = new Map([
  ['〇', 0], ['零', 0], ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
  ['壹', 1], ['贰', 2], ['叁', 3], ['肆', 4], ['伍', 5], ['陆', 6], ['柒', 7], ['捌', 8], ['玖', 9],
]);

/** 十百千 multiply the digit before them inside one group of four. */
export const CN_SMALL_UNITS: ReadonlyMap<string, number> = new Map([
  ['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000],
]);

/** 万亿 multiply everything smaller before them (十亿3000万, 3万亿5000亿). Exponent of ten. */
export const CN_BIG_UNITS: ReadonlyMap<string, number> = new Map([
  ['万', 4], ['亿', 8],
]);

/** Characters that can occur inside a numeral run. */
export function isCnNumeralChar(ch: string): boolean {
  return CN_DIGITS.has(ch) || CN_SMALL_UNITS.has(ch) || CN_BIG_UNITS.has(ch);
}
