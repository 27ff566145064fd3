/**
 * Excel date serial numbers: days since 1899-12-30, so 1 = 1900-01-01 and 45658 = 2025-01-01.
 * The helpers are exact from 1900-03-01 on (Excel's fictitious 29 February 1900 is not reproduced).
 */

/** The largest date Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;

const MS_PER_DAY = 86_400_000;
/** Days from 1899-12-30 to 1970-01-01, the Unix epoch. */
const UNIX_EPOCH_SERIAL = 25569;

/** The serial number of a calendar date (month 1–12). */
export function excelSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** The calendar date of a serial number; a time of day (the fraction) is dropped. */
export function calendarDate(serial: number): { year: number; month: number; day: number } {
  const date = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** A serial number as an ISO date, "YYYY-MM-DD" (for messages and tests). */
export function isoDate(serial: number): string {
  const { year, month, day } = calendarDate(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The serial number of a compact date "YYYYMMDD" (as in the CDNOW files); NaN when it is not one. */
export function serialFromCompactDate(text: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return NaN;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const serial = excelSerial(year, month, day);
  const check = calendarDate(serial);
  return check.year === year && check.month === month && check.day === day ? serial : NaN;
}

/** True when the number can be an Excel date (time of day allowed). */
export function isExcelSerial(value: number): boolean {
  return Number.isFinite(value) && value >= 1 && value < MAX_EXCEL_SERIAL + 1;
}
