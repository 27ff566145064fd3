import { Button, Field, makeStyles, ProgressBar, Text, tokens } from "@fluentui/react-components";
import type { Progress } from "../../excel/workbook";
import { useT } from "../locale-context";

const useStyles = makeStyles({ panel: { display: "grid", gap: tokens.spacingVerticalXS } });

/** Progress of a long read or write, announced politely, with a cancel button. */
export function ProgressPanel({ progress, onCancel }: { progress: Progress | null; onCancel: () => void }) {
  const t = useT();
  const styles = useStyles();
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  return (
    <div className={styles.panel}>
      <Field label={t("pane.apply.progressLabel")}>
        <ProgressBar value={fraction} thickness="large" />
      </Field>
      <Text role="status" aria-live="polite" size={200}>
        {progress ? t("pane.progress.status", { step: t(progress.step), done: progress.done, total: progress.total }) : ""}
      </Text>
      <div>
        <Button onClick={onCancel}>{t("pane.apply.cancel")}</Button>
      </div>
    </div>
  );
}
