/** The pane's language, chosen from Office's display language and switchable in the pane. */
import { createContext, useCallback, useContext } from "react";
import { Locale, MessageKey, MessageParams, t } from "../i18n";

export const LocaleContext = createContext<Locale>("en");

/** Returns a translator bound to the pane's current language. */
export function useT(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useContext(LocaleContext);
  return useCallback((key: MessageKey, params?: MessageParams) => t(key, params, locale), [locale]);
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}
