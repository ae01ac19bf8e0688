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
