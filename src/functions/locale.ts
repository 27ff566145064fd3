/**
 * The language the custom functions answer in: Excel's display language, unless a test or the
 * workbench overrides it. Office.context is only read when the Office global exists.
 */
import { Locale, resolveLocale } from "../i18n";

let override: Locale | null = null;

/** Forces the functions' language (tests, workbench); null returns to following Excel. */
export function setFunctionsLocale(locale: Locale | null): void {
  override = locale;
}

export function currentLocale(): Locale {
  if (override) return override;
  const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
  return resolveLocale(office?.context?.displayLanguage);
}
