/** The workbench's toolbar: sample data, theme, language, reset. */
import { Button, Field, makeStyles, Select, tokens } from "@fluentui/react-components";
import { LOCALES, Locale, t } from "../../i18n";
import { DATASETS, DatasetId, Theme, WorkbenchSettings } from "../settings";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalL, flexWrap: "wrap" },
});

const DATASET_LABEL = {
  customers: "workbench.dataset.customers",
  transactions: "workbench.dataset.transactions",
  badCells: "workbench.dataset.badCells",
} as const;

export interface WorkbenchToolbarProps {
  settings: WorkbenchSettings;
  onChange: (settings: WorkbenchSettings) => void;
  onReset: () => void;
}

export function WorkbenchToolbar({ settings, onChange, onReset }: WorkbenchToolbarProps) {
  const styles = useStyles();
  const locale = settings.locale;
  return (
    <div role="toolbar" aria-label={t("workbench.toolbar.label", {}, locale)} className={styles.root}>
      <Field label={t("workbench.toolbar.dataset", {}, locale)} size="small">
        <Select
          size="small"
          value={settings.dataset}
          data-testid="dataset"
          onChange={(_, data) => onChange({ ...settings, dataset: data.value as DatasetId })}
        >
          {DATASETS.map((id) => (
            <option key={id} value={id}>
              {t(DATASET_LABEL[id], {}, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t("workbench.toolbar.theme", {}, locale)} size="small">
        <Select
          size="small"
          value={settings.theme}
          data-testid="theme"
          onChange={(_, data) => onChange({ ...settings, theme: data.value as Theme })}
        >
          <option value="light">{t("workbench.theme.light", {}, locale)}</option>
          <option value="dark">{t("workbench.theme.dark", {}, locale)}</option>
        </Select>
      </Field>
      <Field label={t("workbench.toolbar.language", {}, locale)} size="small">
        <Select
          size="small"
          value={settings.locale}
          data-testid="language"
          onChange={(_, data) => onChange({ ...settings, locale: data.value as Locale })}
        >
          {LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {t(code === "fr" ? "workbench.language.fr" : "workbench.language.en", {}, locale)}
            </option>
          ))}
        </Select>
      </Field>
      <Button size="small" onClick={onReset}>
        {t("workbench.toolbar.reset", {}, locale)}
      </Button>
    </div>
  );
}
