/**
 * The message catalogue's machinery: every string a user reads, in English and French, looked up by key. The
 * messages themselves are registered by area, so each bundle carries only its own: the custom functions register
 * the function areas (function-messages.ts, loaded by src/i18n/index.ts), the pane and the workbench also the pane
 * areas (pane-messages.ts). Keys are prefixed with their area's name; the key type covers every area.
 */
import type * as changes from "./messages/changes";
import type * as channels from "./messages/channels";
import type * as args from "./messages/args";
import type * as cells from "./messages/cells";
import type * as clv from "./messages/clv";
import type * as common from "./messages/common";
import type * as compute from "./messages/compute";
import type * as diagnostics from "./messages/diagnostics";
import type * as excel from "./messages/excel";
import type * as finance from "./messages/finance";
import type * as financesheet from "./messages/financesheet";
import type * as grids from "./messages/grids";
import type * as history from "./messages/history";
import type * as covariates from "./messages/covariates";
import type * as models from "./messages/models";
import type * as modelsheet from "./messages/modelsheet";
import type * as pane from "./messages/pane";
import type * as residual from "./messages/residual";
import type * as resegment from "./messages/resegment";
import type * as rfm from "./messages/rfm";
import type * as segmentation from "./messages/segmentation";
import type * as selection from "./messages/selection";
import type * as segments from "./messages/segments";
import type * as segmentsheet from "./messages/segmentsheet";
import type * as summary from "./messages/summary";
import type * as valuemodels from "./messages/valuemodels";
import type * as webview from "./messages/webview";
import type * as workbench from "./messages/workbench";

export type Locale = "en" | "fr";
export const LOCALES: readonly Locale[] = ["en", "fr"];

export type MessageKey =
  | keyof typeof changes.en
  | keyof typeof channels.en
  | keyof typeof args.en
  | keyof typeof cells.en
  | keyof typeof clv.en
  | keyof typeof common.en
  | keyof typeof compute.en
  | keyof typeof diagnostics.en
  | keyof typeof excel.en
  | keyof typeof finance.en
  | keyof typeof financesheet.en
  | keyof typeof grids.en
  | keyof typeof history.en
  | keyof typeof covariates.en
  | keyof typeof models.en
  | keyof typeof modelsheet.en
  | keyof typeof pane.en
  | keyof typeof residual.en
  | keyof typeof resegment.en
  | keyof typeof rfm.en
  | keyof typeof segmentation.en
  | keyof typeof selection.en
  | keyof typeof segments.en
  | keyof typeof segmentsheet.en
  | keyof typeof summary.en
  | keyof typeof valuemodels.en
  | keyof typeof webview.en
  | keyof typeof workbench.en;

export type MessageParams = Readonly<Record<string, string | number>>;

/** One area's messages: a file of src/i18n/messages. */
export interface MessageArea {
  en: Readonly<Record<string, string>>;
  fr: Readonly<Record<string, string>>;
}

const catalogs: Record<Locale, Record<string, string>> = { en: {}, fr: {} };

/** Adds areas to the catalogue (each bundle registers the areas it shows: see function-messages, pane-messages). */
export function registerMessages(areas: Readonly<Record<string, MessageArea>>): void {
  for (const area of Object.values(areas)) {
    Object.assign(catalogs.en, area.en);
    Object.assign(catalogs.fr, area.fr);
  }
}

/** Picks our locale from an Office/BCP-47 language tag such as "fr-FR" or "en-US"; English otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  return typeof tag === "string" && tag.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** Formats a number the way the locale writes it (1,400.5 / 1 400,5). */
export function formatNumber(value: number, locale: Locale, maximumFractionDigits = 4): string {
  return numberFormat(locale, maximumFractionDigits).format(value);
}

// One formatter per locale and precision: making one costs far more than formatting (a pane render formats hundreds).
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: Locale, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${locale}:${maximumFractionDigits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-US", { maximumFractionDigits });
    formatters.set(key, found);
  }
  return found;
}

/**
 * A number in a message, as Excel's General format would show it: 1E+300 rather than 300 digits, 1.5E-07 rather than
 * 0; in between, the locale's digits (1,400.5 / 1 400,5).
 */
export function formatMessageNumber(value: number, locale: Locale): string {
  // A count or quotient that overflowed (24 ÷ 5E-324) is said as beyond Excel's largest number, never "Infinity".
  if (Number.isNaN(value)) return "?";
  if (!Number.isFinite(value))
    return `${value > 0 ? ">" : "<"} ${formatMessageNumber(value > 0 ? Number.MAX_VALUE : -Number.MAX_VALUE, locale)}`;
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
