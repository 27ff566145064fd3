/**
 * The workbench's toolbar choices, kept in the page address (?dataset=badCells&theme=dark&lang=fr) so a
 * reload, a shared link or a browser test lands on the same state.
 */
import type { Locale } from "../i18n";

export const DATASETS = ["customers", "transactions", "badCells"] as const;
export type DatasetId = (typeof DATASETS)[number];
export type Theme = "light" | "dark";

export interface WorkbenchSettings {
  dataset: DatasetId;
  theme: Theme;
  locale: Locale;
}

export const DEFAULT_SETTINGS: WorkbenchSettings = { dataset: "customers", theme: "light", locale: "en" };

export function readSettings(search: string): WorkbenchSettings {
  const query = new URLSearchParams(search);
  const dataset = DATASETS.find((id) => id === query.get("dataset")) ?? DEFAULT_SETTINGS.dataset;
  const theme: Theme = query.get("theme") === "dark" ? "dark" : "light";
  const locale: Locale = query.get("lang")?.toLowerCase().startsWith("fr") ? "fr" : "en";
  return { dataset, theme, locale };
}

/** The query string for the settings (only what differs from the defaults). */
export function settingsQuery(settings: WorkbenchSettings): string {
  const query = new URLSearchParams();
  if (settings.dataset !== DEFAULT_SETTINGS.dataset) query.set("dataset", settings.dataset);
  if (settings.theme !== DEFAULT_SETTINGS.theme) query.set("theme", settings.theme);
  if (settings.locale !== DEFAULT_SETTINGS.locale) query.set("lang", settings.locale);
  const text = query.toString();
  return text ? `?${text}` : "";
}

/** The display language Office would report for the locale (the pane reads it from host()). */
export function displayLanguageOf(locale: Locale): string {
  return locale === "fr" ? "fr-FR" : "en-US";
}
