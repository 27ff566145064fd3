import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import type { ActiveTable } from "../hooks/useActiveTable";
import { useT } from "../locale-context";
import { FailureBar } from "./FailureBar";
import { OwnSheetNotice } from "./SegmentationsList";
import { Step } from "./Step";

export interface TableStepProps {
  active: ActiveTable;
  /** Starts the flow on this table (reads it). */
  onUse: () => void;
  busy: boolean;
  /** When the active sheet is one the add-in wrote: its name and the table it belongs to. */
  ownSheet?: { sheet: string; tableName: string } | null;
  onGoToTable?: (tableName: string) => void;
}

export function TableStep({ active, onUse, busy, ownSheet, onGoToTable }: TableStepProps) {
  const t = useT();
  const { state } = active;
  return (
    <Step id="step-table" title={t("pane.step.table")}>
      {state.status === "loading" && <Spinner size="tiny" label={t("pane.table.loading")} />}
      {state.status === "error" && <FailureBar titleKey="pane.table.lookupFailed" failure={state.failure} />}
      {state.status === "none" && ownSheet && (
        <OwnSheetNotice
          sheet={ownSheet.sheet}
          tableName={ownSheet.tableName}
          onGoTo={() => onGoToTable?.(ownSheet.tableName)}
        />
      )}
      {state.status === "none" && !ownSheet && (
        <>
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t("pane.table.none.title")}</MessageBarTitle>
              {t("pane.table.none.body")}
            </MessageBarBody>
          </MessageBar>
          <div>
            <Button onClick={() => void active.createFromSelection()} disabled={active.creating}>
              {active.creating ? t("pane.table.creating") : t("pane.table.create")}
            </Button>
          </div>
        </>
      )}
      {active.createFailure && <FailureBar titleKey="pane.table.createFailed" failure={active.createFailure} />}
      {state.status === "ready" && (
        <>
          <Text>
            {t("pane.table.summary", {
              name: state.table.name,
              sheet: state.table.worksheet,
              rows: state.table.rowCount,
              columns: state.table.headers.length,
            })}
          </Text>
          <div>
            <Button appearance="primary" onClick={onUse} disabled={busy}>
              {t("pane.table.use")}
            </Button>
          </div>
        </>
      )}
    </Step>
  );
}
