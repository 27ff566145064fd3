/**
 * The state of the Columns → Method → Preview → Apply flow for one table, and the actions that move it on.
 * Components only render this state; the work is done by the engine and by segmentation-actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CellValue, CustomerWorkbook, Progress, TableInfo, WorkbookFailure } from "../../excel/workbook";
import type { Locale, MessageKey, MessageParams } from "../../i18n";
import { suggestMapping } from "../../engine/segmentation/mapping";
import { validateTable } from "../../engine/segmentation/validate";
import type {
  ColumnMapping,
  DataShape,
  Recipe,
  SegmentationMethod,
  SegmentationResult,
  TableIssue,
} from "../../engine/segmentation/types";
import {
  applySegmentation,
  computeSegments,
  plannedSummarySheetName,
  refreshSegmentation,
  removeSegmentation,
  removeWritten,
  Written,
} from "../segmentation-actions";

export type Operation = "reading" | "computing" | "applying" | "refreshing" | "removing";

export interface FlowFailure {
  titleKey: MessageKey;
  failure: WorkbookFailure;
  /** What of ours is in the workbook after the failure (shown with a way to remove it). */
  written?: Written;
}

export interface FlowNotice {
  key: MessageKey;
  params: MessageParams;
}

export interface TableData {
  tableId: string;
  headers: string[];
  rows: CellValue[][];
}

/** Rows given to the mapping suggester: enough to sniff types, cheap on a million rows. */
const SAMPLE_ROWS = 200;

export const DEFAULT_METHODS: { [K in SegmentationMethod["kind"]]: Extract<SegmentationMethod, { kind: K }> } = {
  rfm: { kind: "rfm", bins: 5 },
  clvTiers: {
    kind: "clvTiers",
    split: "20-30-50",
    horizonMonths: 12,
    discountRate: 0.1,
    margin: 0.3,
    timeUnit: "weeks",
  },
  quantileTiers: { kind: "quantileTiers", column: "", tiers: 4 },
};

export function useSegmentationFlow(
  workbook: CustomerWorkbook,
  table: TableInfo | null,
  stored: Recipe | null,
  onRecipeChanged: (recipe: Recipe | null) => void,
  locale: Locale,
) {
  const [data, setData] = useState<TableData | null>(null);
  const [shape, setShape] = useState<DataShape>("customers");
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [method, setMethodState] = useState<SegmentationMethod>(DEFAULT_METHODS.rfm);
  const [result, setResult] = useState<SegmentationResult | null>(null);
  const [busy, setBusy] = useState<Operation | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<FlowFailure | null>(null);
  const [notices, setNotices] = useState<FlowNotice[]>([]);
  const abort = useRef<AbortController | null>(null);

  // Another table under the selection: what was read and previewed belongs to the old one.
  const tableId = table?.id ?? null;
  useEffect(() => {
    setData((current) => (current && current.tableId !== tableId ? null : current));
    setResult(null);
  }, [tableId]);

  // Until the effect above has run, never show one table's columns under another table's name.
  const current = data && data.tableId === tableId ? data : null;
  const recipe = stored && table && stored.tableName === table.name ? stored : null;

  // The summary sheet's name as Apply will choose it ("Segments (2)" beside a user's own "Segments"), so the
  // Apply step says it before anything is written.
  const [plannedSheet, setPlannedSheet] = useState<string | null>(null);
  useEffect(() => {
    setPlannedSheet(null);
    if (!result) return undefined;
    let live = true;
    void plannedSummarySheetName(workbook, result, recipe, locale).then((name) => {
      if (live) setPlannedSheet(name);
    });
    return () => {
      live = false;
    };
  }, [workbook, result, recipe, locale]);

  const start = (operation: Operation) => {
    setBusy(operation);
    setFailure(null);
    setNotices([]);
    setProgress(null);
    abort.current = new AbortController();
    return abort.current.signal;
  };
  const finish = () => {
    setBusy(null);
    setProgress(null);
    abort.current = null;
  };

  const read = useCallback(async () => {
    if (!table) return;
    const signal = start("reading");
    const answer = await workbook.readTable(table.id, { signal, onProgress: setProgress });
    finish();
    if (!answer.ok) {
      setFailure({ titleKey: "pane.table.readFailed", failure: answer.error });
      return;
    }
    const { headers, rows } = answer.value;
    setData({ tableId: table.id, headers, rows });
    setResult(null);
    const suggestion = suggestMapping(headers, rows.slice(0, SAMPLE_ROWS));
    // A table segmented before starts from its stored settings, so the user changes only what they want.
    setShape(recipe?.shape ?? suggestion.shape);
    setMapping(recipe?.mapping ?? suggestion.mapping);
    setMethodState(recipe?.method ?? DEFAULT_METHODS.rfm);
  }, [workbook, table, recipe]);

  // Checking a million rows takes a second or two: run it after the choice has painted, never inside the
  // click, and only when something the checks depend on changed (bins, horizon and the like do not matter).
  const [issues, setIssues] = useState<TableIssue[]>([]);
  const [checking, setChecking] = useState(false);
  const quantileColumn = method.kind === "quantileTiers" ? method.column : null;
  const checkedMethod = useMemo<SegmentationMethod>(
    () =>
      quantileColumn === null
        ? DEFAULT_METHODS[method.kind]
        : { kind: "quantileTiers", column: quantileColumn, tiers: DEFAULT_METHODS.quantileTiers.tiers },
    [method.kind, quantileColumn],
  );
  // With the table's top-left cell, issues name bad cells by their A1 address ("B8"), as the user sees them.
  const origin = table?.origin;
  useEffect(() => {
    if (!current) {
      setIssues([]);
      setChecking(false);
      return;
    }
    setChecking(true);
    const timer = setTimeout(() => {
      setIssues(
        validateTable(current.headers, current.rows, mapping, shape, { origin, method: checkedMethod, locale }),
      );
      setChecking(false);
    }, 0);
    return () => clearTimeout(timer);
  }, [current, mapping, shape, checkedMethod, locale, origin]);
  const blocked = checking || issues.some((issue) => issue.severity === "error");

  const changeShape = useCallback((next: DataShape) => {
    setShape(next);
    setResult(null);
  }, []);
  const changeMapping = useCallback((role: keyof ColumnMapping, header: string | undefined) => {
    setMapping((current) => {
      const next = { ...current };
      if (header === undefined) delete next[role];
      else next[role] = header;
      return next;
    });
    setResult(null);
  }, []);
  const setMethod = useCallback((next: SegmentationMethod) => {
    setMethodState(next);
    setResult(null);
  }, []);

  const preview = useCallback(async () => {
    if (!data) return;
    start("computing");
    // Let the busy state paint before the (synchronous) engine run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const computed = computeSegments(data.headers, data.rows, shape, mapping, method, locale);
    finish();
    if (computed.ok) setResult(computed.result);
    else setFailure({ titleKey: "pane.preview.failed", failure: computed.failure });
  }, [data, shape, mapping, method, locale]);

  const apply = useCallback(async () => {
    if (!table || !data || !result) return;
    const signal = start("applying");
    const outcome = await applySegmentation(
      workbook,
      { table, headers: data.headers, shape, mapping, method, locale, result, previous: recipe },
      { signal, onProgress: setProgress },
    );
    finish();
    if (!outcome.ok) {
      setFailure({ titleKey: "pane.apply.failedTitle", failure: outcome.failure, written: outcome.written });
      return;
    }
    const { recipe: saved, renamed, renamedSheets } = outcome.value;
    onRecipeChanged(saved);
    setNotices([
      {
        key: "pane.apply.done",
        params: { columns: saved.ownColumns.join(", "), table: table.name, sheet: saved.summarySheet },
      },
      ...renamed.map(({ wanted, used }) => ({ key: "pane.apply.renamed" as const, params: { wanted, used } })),
      ...renamedSheets.map(({ wanted, used }) => ({
        key: "pane.apply.sheetRenamed" as const,
        params: { wanted, used },
      })),
    ]);
    // The table now has our columns: read it again before another preview.
    setData(null);
    setResult(null);
  }, [workbook, table, data, result, shape, mapping, method, locale, recipe, onRecipeChanged]);

  const refresh = useCallback(async () => {
    if (!table || !recipe) return;
    const signal = start("refreshing");
    const outcome = await refreshSegmentation(workbook, table, recipe, locale, { signal, onProgress: setProgress });
    finish();
    if (!outcome.ok) {
      setFailure({ titleKey: "pane.recipe.refreshFailed", failure: outcome.failure, written: outcome.written });
      return;
    }
    onRecipeChanged(outcome.value.recipe);
    setNotices([
      {
        key: "pane.recipe.refreshed",
        params: { columns: outcome.value.recipe.ownColumns.join(", "), table: table.name },
      },
      ...outcome.value.renamed.map(({ wanted, used }) => ({
        key: "pane.apply.renamed" as const,
        params: { wanted, used },
      })),
      ...outcome.value.renamedSheets.map(({ wanted, used }) => ({
        key: "pane.apply.sheetRenamed" as const,
        params: { wanted, used },
      })),
    ]);
    setData(null);
    setResult(null);
  }, [workbook, table, recipe, locale, onRecipeChanged]);

  const remove = useCallback(async () => {
    if (!table || !recipe) return;
    start("removing");
    const outcome = await removeSegmentation(workbook, table, recipe);
    finish();
    if (!outcome.ok) {
      setFailure({ titleKey: "pane.recipe.removeFailed", failure: outcome.failure, written: outcome.written });
      return;
    }
    onRecipeChanged(null);
    setNotices([{ key: "pane.recipe.removed", params: { sheet: recipe.summarySheet } }]);
    setData(null);
    setResult(null);
  }, [workbook, table, recipe, onRecipeChanged]);

  const removeLeftovers = useCallback(async () => {
    if (!table || !failure?.written) return;
    const written = failure.written;
    start("removing");
    // After a failed first apply there is no recipe to keep; after a failed refresh the old recipe still holds.
    const outcome = await removeWritten(workbook, table.id, written);
    finish();
    if (!outcome.ok) {
      setFailure({ titleKey: "pane.recipe.removeFailed", failure: outcome.failure, written: outcome.written });
      return;
    }
    setNotices([{ key: "pane.apply.removedWritten", params: {} }]);
    setData(null);
    setResult(null);
  }, [workbook, table, failure]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  return {
    data: current,
    shape,
    mapping,
    method,
    result,
    plannedSheet,
    issues,
    checking,
    blocked,
    busy,
    progress,
    failure,
    notices,
    recipe,
    read,
    changeShape,
    changeMapping,
    setMethod,
    preview,
    apply,
    refresh,
    remove,
    removeLeftovers,
    cancel,
  };
}

export type SegmentationFlow = ReturnType<typeof useSegmentationFlow>;
