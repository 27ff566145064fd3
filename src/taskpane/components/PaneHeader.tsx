import { useId } from "react";
import { Label, makeStyles, Select, Title3, tokens } from "@fluentui/react-components";
import { Locale, LOCALES } from "../../i18n";
import { useT } from "../locale-context";

const useStyles = makeStyles({
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    marginBottom: tokens.spacingVerticalM,
  },
  language: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

const LANGUAGE_KEYS = { en: "pane.language.en", fr: "pane.language.fr" } as const;

export function PaneHeader({ locale, onLocaleChange }: { locale: Locale; onLocaleChange: (locale: Locale) => void }) {
  const t = useT();
  const styles = useStyles();
  const selectId = useId();
  return (
    <header className={styles.header}>
      <Title3 as="h1">{t("common.productName")}</Title3>
      <div className={styles.language}>
        <Label htmlFor={selectId} size="small">
          {t("pane.language.label")}
        </Label>
        <Select
          id={selectId}
          size="small"
          value={locale}
          onChange={(_event, data) => onLocaleChange(data.value === "fr" ? "fr" : "en")}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(LANGUAGE_KEYS[code])}
            </option>
          ))}
        </Select>
      </div>
    </header>
  );
}
