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

/** Black or white text, whichever reads better on a "#RRGGBB" fill (WCAG relative luminance). */
export function textColorOn(fill: string): "#000000" | "#FFFFFF" {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(fill);
  if (!match) return "#000000";
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  const luminance = 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]);
  // Contrast with black (L + 0.05) / 0.05 versus with white 1.05 / (L + 0.05): they are equal at L ≈ 0.179.
  return luminance > 0.179 ? "#000000" : "#FFFFFF";
}
