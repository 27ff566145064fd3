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

/** Looks up a message and fills its {placeholders}. Numbers are written in the locale's style. */
export function t(key: MessageKey, params: MessageParams = {}, locale: Locale = "en"): string {
  const template = catalogs[locale][key] ?? catalogs.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? formatNumber(value, locale) : value;
  });
}

/** Every key of a locale's catalogue (for tests and tooling). */
export function catalogKeys(locale: Locale): string[] {
  return Object.keys(catalogs[locale]);
}
