/**
 * The calendar's rules. The lexer decides dates by them, the build fills a month's last day
 * by them, and a date plan (parse/date-plans.ts) asks the very questions the lexer asked when
 * it re-decides a date from a text's own digits.
 */

/**
 * Days of a month, shared by the lexer (a written date must exist), the building of
 * deadlines (`12月底`, `第一季度末` end on the month's last day) and evaluate's spans of
 * days. With no year February has 29 days: a date written without a year may fall in a
 * leap year, so 29 February exists and an on-time 29 February is never late.
 */
export function daysIn(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A year the tables mean as a calendar year (contract.md "Dates"): `3662年` is none. */
export function isCalendarYear(year: number): boolean {
  return year >= 1900 && year <= 2100;
}

/** A month number (`12月` is a month, `13月` none). */
export function isMonthNumber(month: number): boolean {
  return month >= 1 && month <= 12;
}

/** A day number some month has (`每月25日` is a day of every month, `每月32日` none). */
export function isDayNumber(day: number): boolean {
  return day >= 1 && day <= 31;
}

/** Whether `day` is a day of that month (of that year: 29 February needs a leap year). */
export function isDayOf(day: number, month: number, year: number | null): boolean {
  return day >= 1 && day <= daysIn(month, year);
}
