import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MessageKey } from "../../i18n";
import type { WorkbookFailure } from "../../excel/workbook";
import type { Written } from "../segmentation-actions";
import { useT } from "../locale-context";

export interface FailureBarProps {
  titleKey: MessageKey;
  failure: WorkbookFailure;
  /** After a failed write: what of ours is in the workbook, with a button to remove it. */
  written?: Written;
  onRemoveWritten?: () => void;
}

/** A failure in the user's language: what went wrong, and after a failed write what was written and how to undo it. */
export function FailureBar({ titleKey, failure, written, onRemoveWritten }: FailureBarProps) {
  const t = useT();
  const leftovers = written && (written.columns.length > 0 || written.sheets.length > 0);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t(titleKey)}</MessageBarTitle>
        <p>{t(failure.key, failure.params)}</p>
        {written && (
          <>
            {written.columns.length > 0 && (
              <p>{t("pane.apply.writtenColumns", { columns: written.columns.join(", ") })}</p>
            )}
            {written.sheets.length > 0 && <p>{t("pane.apply.writtenSheets", { sheets: written.sheets.join(", ") })}</p>}
            {!leftovers && <p>{t("pane.apply.nothingWritten")}</p>}
            <p>{t("pane.apply.userColumnsSafe")}</p>
            {leftovers && onRemoveWritten && <p>{t("pane.apply.howToRemove")}</p>}
          </>
        )}
      </MessageBarBody>
      {leftovers && onRemoveWritten && (
        <MessageBarActions>
          <Button onClick={onRemoveWritten}>{t("pane.apply.removeWritten")}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
