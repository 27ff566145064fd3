/**
 * The message catalogue: every string a user reads, in English and French.
 * Each area of the product owns one file in ./messages; keys are prefixed with the area name.
 */
import * as args from "./messages/args";
import * as clv from "./messages/clv";
import * as common from "./messages/common";
import * as diagnostics from "./messages/diagnostics";
import * as excel from "./messages/excel";
import * as finance from "./messages/finance";
import * as history from "./messages/history";
import * as models from "./messages/models";
import * as pane from "./messages/pane";
import * as rfm from "./messages/rfm";
import * as segmentation from "./messages/segmentation";
import * as segments from "./messages/segments";
import * as segmentsheet from "./messages/segmentsheet";
import * as summary from "./messages/summary";
import * as valuemodels from "./messages/valuemodels";
import * as webview from "./messages/webview";
import * as workbench from "./messages/workbench";

export type Locale = "en" | "fr";
export const LOCALES: readonly Locale[] = ["en", "fr"];

export type MessageKey =
  | keyof typeof args.en
  | keyof typeof clv.en
  | keyof typeof common.en
  | keyof typeof diagnostics.en
  | keyof typeof excel.en
  | keyof typeof finance.en
  | keyof typeof history.en
  | keyof typeof models.en
  | keyof typeof pane.en
  | keyof typeof rfm.en
  | keyof typeof segmentation.en
  | keyof typeof segments.en
  | keyof typeof segmentsheet.en
  | keyof typeof summary.en
  | keyof typeof valuemodels.en
  | keyof typeof webview.en
  | keyof typeof workbench.en;

export type MessageParams = Readonly<Record<string, string | number>>;

/** The catalogue areas, exposed for the completeness tests. */
export const AREAS = {
  args,
  clv,
  common,
  diagnostics,
  excel,
  finance,
  history,
  models,
  pane,
  rfm,
  segmentation,
  segments,
  segmentsheet,
  summary,
  valuemodels,
  webview,
  workbench,
} as const;

const catalogs: Record<Locale, Record<string, string>> = { en: {}, fr: {} };
for (const area of Object.values(AREAS)) {
  Object.assign(catalogs.en, area.en);
  Object.assign(catalogs.fr, area.fr);
}

/** Picks our locale from an Office/BCP-47 language tag such as "fr-FR" or "en-US"; English otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return typeof tag === "string" && tag.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** Formats a number the way the locale writes it (1,400.5 / 1 400,5). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 4): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-US", { maximumFractionDigits }).format(value);
}

/**
 * A number in a message, as Excel's General format would show it: 1E+300 rather than 300 digits, 1.5E-07 rather than
 * 0; in between, the locale's digits (1,400.5 / 1 400,5).
 */
export function formatMessageNumber(value: number, locale: Locale): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size !== 0 && (size >= 1e15 || size < 1e-4)) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const digits = String(Number(mantissa)).replace(".", locale === "fr" ? "," : ".");
    const power = Number(exponent);
    return `${digits}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
  }
  if (size !== 0 && size < 1) {
    return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-US", { maximumSignificantDigits: 6 }).format(value);
  }
  return formatNumber(value === 0 ? 0 : value, locale);
}

/** Looks up a message and fills its {placeholders}. Numbers are written in the locale's style (see above). */
export function t(key: MessageKey, params: MessageParams = {}, locale: Locale = "en"): string {
  const template = catalogs[locale][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatMessageNumber(value, locale) : value;
  });
}

/** Every key of a locale's catalogue (for tests and tooling). */
export function catalogKeys(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}
