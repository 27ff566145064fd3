/** The flow for the table under the selection: Table → Columns → Method → Preview → Apply, and Refresh/Remove. */
import { useEffect, useMemo, useRef, useState } from "react";
import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from "@fluentui/react-components";
import type { CustomerWorkbook } from "../excel/workbook";
import { columnLetters, parseOrigin } from "../engine/segmentation/cells";
import { useActiveTable } from "./hooks/useActiveTable";
import { useRecipes } from "./hooks/useRecipes";
import { useSegmentationFlow } from "./hooks/useSegmentationFlow";
import { useLocale, useT } from "./locale-context";
import { ApplyStep } from "./components/ApplyStep";
import { ApplyTargetChoice } from "./components/ApplyTargetChoice";
import { ColumnsStep } from "./components/ColumnsStep";
import { FailureBar } from "./components/FailureBar";
import { MethodStep } from "./components/MethodStep";
import { PreviewStep } from "./components/PreviewStep";
import { ProgressPanel } from "./components/ProgressPanel";
import { SegmentationsList } from "./components/SegmentationsList";
import { recipeSheets } from "./stored-segmentations";
import { TableStep } from "./components/TableStep";

const useStyles = makeStyles({
  app: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  messages: { display: "grid", gap: tokens.spacingVerticalXS },
});

export function App({ workbook }: { workbook: CustomerWorkbook }) {
  const t = useT();
  const locale = useLocale();
  const styles = useStyles();
  const active = useActiveTable(workbook);
  const table = active.state.status === "ready" ? active.state.table : null;
  const stored = useRecipes(workbook);
  const flow = useSegmentationFlow(workbook, table, stored.entries, () => void stored.reload(), locale);
  // On a sheet the add-in wrote (Segments, Customer summary…), the pane says whose it is instead of offering to
  // turn it into a table.
  const activeSheet = active.state.status === "none" ? active.state.sheet : null;
  const ownSheet = useMemo(() => {
    if (activeSheet === null) return null;
    for (const entry of stored.entries) {
      if (!entry.ok) continue;
      const sheet = recipeSheets(entry.recipe).find((name) => name.toLowerCase() === activeSheet.toLowerCase());
      if (sheet) return { sheet, tableName: entry.recipe.tableName };
    }
    return null;
  }, [activeSheet, stored.entries]);
  const goToTable = async (tableName: string) => {
    const found = await workbook.getTable(tableName);
    if (!found.ok || !found.value) return;
    const origin = parseOrigin(found.value.origin);
    if (!origin) return;
    await workbook.selectRange(found.value.worksheet, `${columnLetters(origin.column)}${origin.row + 1}`);
  };
  // Stable between renders, so the Columns step is not rendered again on each progress report.
  const selectCell = useMemo(
    () => (table ? (cell: string) => void workbook.selectRange(table.worksheet, cell) : undefined),
    [table, workbook],
  );
  const [methodValid, setMethodValid] = useState(true);

  // When an operation ends, the button that started it may be gone: move focus to what happened.
  const messages = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (flow.failure || flow.notices.length > 0) messages.current?.focus();
  }, [flow.failure, flow.notices]);

  const busy = flow.busy !== null;
  const longRunning = flow.busy === "reading" || flow.busy === "refreshing" || flow.busy === "removing";
  return (
    <main className={styles.app}>
      <TableStep
        active={active}
        onUse={() => void flow.read()}
        busy={busy}
        ownSheet={ownSheet}
        onGoToTable={(name) => void goToTable(name)}
      />

      <SegmentationsList
        entries={stored.entries}
        currentTable={table?.name ?? null}
        busy={busy}
        onGoTo={(name) => void goToTable(name)}
        onRefresh={(key) => void flow.refresh(key)}
        onRemove={(key) => void flow.remove(key)}
      />
      {stored.failure && <FailureBar titleKey="pane.recipe.unreadable" failure={stored.failure} />}

      {longRunning && (
        <div aria-live="polite">
          {flow.progress ? (
            <ProgressPanel progress={flow.progress} onCancel={flow.cancel} />
          ) : (
            <Spinner
              size="tiny"
              label={t(flow.busy === "reading" ? "pane.table.reading" : "pane.apply.progressLabel")}
            />
          )}
        </div>
      )}

      <div className={styles.messages} aria-live="polite" ref={messages} tabIndex={-1}>
        {flow.failure && (
          <FailureBar
            titleKey={flow.failure.titleKey}
            failure={flow.failure.failure}
            written={flow.failure.written}
            onRemoveWritten={() => void flow.removeLeftovers()}
          />
        )}
        {flow.notices.map((notice, i) => (
          <MessageBar
            key={`${notice.key}-${i}`}
            intent={notice.key === "pane.apply.renamed" ? "warning" : "success"}
            layout="multiline"
          >
            <MessageBarBody>{t(notice.key, notice.params)}</MessageBarBody>
          </MessageBar>
        ))}
      </div>

      {table && flow.data && (
        <>
          <ColumnsStep
            headers={flow.data.headers}
            shape={flow.shape}
            mapping={flow.mapping}
            issues={flow.issues}
            checking={flow.checking}
            onShapeChange={flow.changeShape}
            onMappingChange={flow.changeMapping}
            onSelectCell={selectCell}
            focusOnMount
          />
          <MethodStep
            method={flow.method}
            shape={flow.shape}
            tierColumns={flow.tierColumns}
            defaultTierColumn={flow.defaultTierColumn}
            compareColumns={flow.compareColumns}
            onChange={flow.setMethod}
            onValidityChange={setMethodValid}
          />
          <PreviewStep
            result={flow.result}
            computing={flow.busy === "computing"}
            canPreview={!flow.blocked && methodValid && !busy}
            onPreview={() => void flow.preview()}
            valueColumn={flow.method.kind === "quantileTiers" ? flow.method.column : undefined}
            progress={flow.progress}
            onCancel={flow.cancel}
          />
          {flow.result && (
            <ApplyStep
              tableName={table.name}
              result={flow.result}
              summarySheet={flow.plannedSheet ?? t("segmentation.sheet.name")}
              columnNames={flow.plannedColumns}
              applying={flow.busy === "applying"}
              progress={flow.progress}
              onApply={() => void flow.apply()}
              onCancel={flow.cancel}
            >
              <ApplyTargetChoice
                existing={flow.segmentations}
                target={flow.applyTarget}
                onChange={flow.setApplyTarget}
                disabled={busy}
              />
            </ApplyStep>
          )}
        </>
      )}
    </main>
  );
}
