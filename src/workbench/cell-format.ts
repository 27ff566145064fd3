/**
 * How the workbench grid writes a cell, following its Excel number format closely enough to read the
 * sample data: dates (serial numbers), thousands with decimals, percentages, integers; General otherwise.
 */
import type { CellValue } from "../excel/workbook";
import type { Locale } from "../i18n";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** An Excel serial date as yyyy-mm-dd (serials count days from 1899-12-30). */
export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

function decimalsOf(format: string): number {
  const match = /\.(0+)/.exec(format);
  return match ? match[1].length : 0;
}

/** Text of a cell for display; `format` is an Excel number format such as "#,##0.00", "0.0%" or "yyyy-mm-dd". */
export function formatCell(value: CellValue, format: string | undefined, locale: Locale): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  const tag = locale === "fr" ? "fr-FR" : "en-US";
  if (!format || format === "General") {
    return new Intl.NumberFormat(tag, { maximumFractionDigits: 10, useGrouping: false }).format(value);
  }
  if (/[yd]/i.test(format) && !format.includes("0")) return serialToIsoDate(value);
  const digits = decimalsOf(format);
  if (format.includes("%")) {
    return new Intl.NumberFormat(tag, {
      style: "percent",
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  }
  return new Intl.NumberFormat(tag, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: format.includes(","),
  }).format(value);
}
