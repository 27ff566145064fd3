import { Button, Field, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { Progress } from "../../excel/workbook";
import type { MessageKey } from "../../i18n";
import { useT } from "../locale-context";

const useStyles = makeStyles({ panel: { display: "grid", gap: tokens.spacingVerticalXS } });

/**
 * Progress of a long read, calculation or write, announced politely, with a cancel button. A step that cannot count
 * its work (total 0: the engine computing) shows a moving bar and its name alone.
 */
export function ProgressPanel({
  progress,
  onCancel,
  labelKey = "pane.apply.progressLabel",
}: {
  progress: Progress | null;
  onCancel: () => void;
  labelKey?: MessageKey;
}) {
  const t = useT();
  const styles = useStyles();
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const status = !progress
    ? ""
    : progress.total > 0
      ? t("pane.progress.status", { step: t(progress.step), done: progress.done, total: progress.total })
      : t(progress.step);
  return (
    <div className={styles.panel}>
      <Field label={t(labelKey)}>
        <ProgressBar value={fraction} thickness="large" />
      </Field>
      <Text role="status" aria-live="polite" size={200}>
        {status}
      </Text>
      <div>
        <Button onClick={onCancel}>{t("pane.apply.cancel")}</Button>
      </div>
    </div>
  );
}
