import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useT } from "../locale-context";

/** Shown when the page runs outside Excel (office.js answers with no host). */
export function OpenInExcel() {
  const t = useT();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t("pane.openInExcel.title")}</MessageBarTitle> {t("pane.openInExcel.body")}
      </MessageBarBody>
    </MessageBar>
  );
}
