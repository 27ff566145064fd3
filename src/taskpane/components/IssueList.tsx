import { Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { Fragment } from "react";
import type { MessageKey } from "../../i18n";
import type { TableIssue } from "../../engine/segmentation/types";
import { useT } from "../locale-context";

/** A cell address the pane can select ("B8"), as opposed to a "row 12" label. */
const A1 = /^\$?[A-Z]{1,3}\$?\d+$/;

export interface IssueListProps {
  issues: TableIssue[];
  warningTitle?: MessageKey;
  /** Selects a cell of the table's sheet in Excel; with it, each address is a link. */
  onSelectCell?: (cell: string) => void;
}

/** Data-quality findings grouped by severity, each with its catalogue message and first cells (links to them). */
export function IssueList({ issues, warningTitle, onSelectCell }: IssueListProps) {
  const t = useT();
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  const cells = (list: string[]) =>
    list.map((cell, i) => (
      <Fragment key={cell}>
        {i > 0 && ", "}
        {onSelectCell && A1.test(cell) ? (
          <Link
            as="button"
            inline
            onClick={() => onSelectCell(cell)}
            aria-label={t("pane.issues.selectCell", { cell })}
          >
            {cell}
          </Link>
        ) : (
          cell
        )}
      </Fragment>
    ));
  const group = (list: TableIssue[], intent: "error" | "warning", title: MessageKey) =>
    list.length > 0 && (
      <MessageBar intent={intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t(title)}</MessageBarTitle>
          <ul>
            {list.map((issue, i) => (
              <li key={`${issue.key}-${i}`}>
                {t(issue.key, issue.params)}
                {issue.cells.length > 0 && (
                  <>
                    {" "}
                    {t("pane.issues.cellsLabel")} {cells(issue.cells)}
                  </>
                )}
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
