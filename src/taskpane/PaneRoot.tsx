/**
 * The pane's shell: theme and language from Office, the language menu, and the "open in Excel" state when
 * no workbook is available. Everything below it talks to the workbook through the CustomerWorkbook interface.
 */
import { useState } from "react";
import { FluentProvider, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { CustomerWorkbook } from "../excel/workbook";
import { Locale, resolveLocale } from "../i18n";
import { LocaleContext } from "./locale-context";
import { App } from "./App";
import { OpenInExcel } from "./components/OpenInExcel";
import { PaneHeader } from "./components/PaneHeader";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

export interface PaneRootProps {
  workbook: CustomerWorkbook | null;
  /** Overrides Office's display language (tests, workbench). */
  locale?: Locale;
}

export function PaneRoot({ workbook, locale: forcedLocale }: PaneRootProps) {
  const host = workbook?.host();
  const [locale, setLocale] = useState<Locale>(forcedLocale ?? resolveLocale(host?.displayLanguage));
  const styles = useStyles();
  return (
    <FluentProvider theme={host?.theme === "dark" ? webDarkTheme : webLightTheme} lang={locale}>
      <LocaleContext.Provider value={locale}>
        <div className={styles.root}>
          <PaneHeader locale={locale} onLocaleChange={setLocale} />
          {workbook ? <App workbook={workbook} /> : <OpenInExcel />}
        </div>
      </LocaleContext.Provider>
    </FluentProvider>
  );
}
