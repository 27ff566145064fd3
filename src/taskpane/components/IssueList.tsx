import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { MessageKey } from "../../i18n";
import type { TableIssue } from "../../engine/segmentation/types";
import { useT } from "../locale-context";

/** Data-quality findings grouped by severity, each with its catalogue message and first cells. */
export function IssueList({ issues, warningTitle }: { issues: TableIssue[]; warningTitle?: MessageKey }) {
  const t = useT();
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  const group = (list: TableIssue[], intent: "error" | "warning", title: MessageKey) =>
    list.length > 0 && (
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(title)}</MessageBarTitle>
          <ul>
            {list.map((issue, i) => (
              <li key={`${issue.key}-${i}`}>
                {t(issue.key, issue.params)}
                {issue.cells.length > 0 && <> {t("pane.issues.cells", { cells: issue.cells.join(", ") })}</>}
              </li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      {group(errors, "error", "pane.issues.errors")}
      {group(warnings, "warning", warningTitle ?? "pane.issues.warnings")}
    </>
  );
}
