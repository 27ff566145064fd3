/**
 * The state of the Columns → Method → Preview → Apply flow for one table, and the actions that move it on.
 * Components only render this state; the work is done by the engine and by segmentation-actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CellValue, CustomerWorkbook, Progress, TableInfo, WorkbookFailure } from "../../excel/workbook";
import type { Locale, MessageKey, MessageParams } from "../../i18n";
import { numericColumns, sampleRows, suggestMapping } from "../../engine/segmentation/mapping";
import { chooseOwnColumnNames } from "../../engine/segmentation/naming";
import { validateTable } from "../../engine/segmentation/validate";
import { categoryColumns } from "../../engine/channels/value-by-group";
import { channelsNotices } from "../channels-notices";
import type {
  ColumnMapping,
  DataShape,
  Recipe,
  SegmentationMethod,
  SegmentationResult,
  TableIssue,
} from "../../engine/segmentation/types";
import { throttleProgress } from "../compute/progress";
import { computeSegmentsInWorker } from "../compute/segment-client";
import { withSegmentationActions } from "../load-actions";
import type { Written } from "../segmentation-actions";
import { plannedSummarySheetName, recipeSheets, StoredSegmentation } from "../stored-segmentations";
import { ApplyTarget, effectiveTarget, resolveTarget, segmentationsOfTable } from "../side-by-side";

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

export const DEFAULT_METHODS: { [K in SegmentationMethod["kind"]]: Extract<SegmentationMethod, { kind: K }> } = {
  rfm: { kind: "rfm", bins: 5 },
  clvTiers: {
    kind: "clvTiers",
    split: "20-30-50",
    horizonMonths: 12,
    discountRate: 0.1,
    margin: 0.3,
    timeUnit: "weeks",
    actionColumns: true,
    purchaseModel: "best",
  },
  quantileTiers: { kind: "quantileTiers", column: "", tiers: 4 },
};

export function useSegmentationFlow(
  workbook: CustomerWorkbook,
  table: TableInfo | null,
  stored: readonly StoredSegmentation[],
  onRecipesChanged: () => void,
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
  const [preferredTierColumn, setPreferredTierColumn] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  // Another table under the selection: what was read and previewed belongs to the old one.
  const tableId = table?.id ?? null;
  useEffect(() => {
    setData((current) => (current && current.tableId !== tableId ? null : current));
    setResult(null);
  }, [tableId]);

  // Until the effect above has run, never show one table's columns under another table's name.
  const current = data && data.tableId === tableId ? data : null;
  const recipe = useMemo(() => recipeOfTable(stored, table?.name ?? null), [stored, table?.name]);
  // A table segmented before: Apply replaces one of its segmentations or adds one beside them (the user's choice).
  const segmentations = useMemo(() => segmentationsOfTable(stored, table?.name ?? null), [stored, table?.name]);
  const [chosenTarget, setApplyTarget] = useState<ApplyTarget | null>(null);
  useEffect(() => setApplyTarget(null), [tableId]);
  const applyTarget = effectiveTarget(segmentations, chosenTarget);
  // The replaced recipe is the stored object itself, so effects that depend on it do not rerun on every render.
  const resolved = table ? resolveTarget(stored, table.name, applyTarget) : null;
  const previous = resolved?.previous ?? null;
  const recipeKey = resolved?.key;
  // The headers Apply will write ("Segment (2)" beside another segmentation's "Segment"), said before it.
  const plannedColumns = useMemo(
    () =>
      result && current
        ? chooseOwnColumnNames(
            current.headers,
            previous?.ownColumns ?? [],
            result.columns.map((column) => column.header),
          ).names
        : null,
    [result, current, previous],
  );

  // The summary sheet's name as Apply will choose it ("Segments (2)" beside a user's own "Segments"), so the
  // Apply step says it before anything is written.
  const [plannedSheet, setPlannedSheet] = useState<string | null>(null);
  useEffect(() => {
    setPlannedSheet(null);
    if (!result) return undefined;
    let live = true;
    void plannedSummarySheetName(workbook, result, previous, locale).then((name) => {
      if (live) setPlannedSheet(name);
    });
    return () => {
      live = false;
    };
  }, [workbook, result, previous, locale]);

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
    const answer = await workbook.readTable(table.id, { signal, onProgress: throttleProgress(setProgress) });
    finish();
    if (!answer.ok) {
      setFailure({ titleKey: "pane.table.readFailed", failure: answer.error });
      return;
    }
    const { headers, rows } = answer.value;
    setData({ tableId: table.id, headers, rows });
    setResult(null);
    // Rows from across the table (first, last, spread): a date-sorted log shows its repeat buyers only there.
    const suggestion = suggestMapping(headers, sampleRows(rows));
    // The value column is chosen in one place, the quantile tiers' column picker; the guess is its default.
    const { value: suggestedValue, ...suggested } = suggestion.mapping;
    setPreferredTierColumn(suggestedValue ?? null);
    // A table segmented before starts from its stored settings, so the user changes only what they want.
    setShape(recipe?.shape ?? suggestion.shape);
    setMapping(recipe?.mapping ?? suggested);
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

  // The columns quantile tiers may cut (numbers only, never the id or the purchase date), from rows across the table.
  const sample = useMemo(() => (current ? sampleRows(current.rows) : []), [current]);
  const tierColumns = useMemo(
    () =>
      current ? numericColumns(current.headers, sample, { customerId: mapping.customerId, date: mapping.date }) : [],
    [current, sample, mapping.customerId, mapping.date],
  );
  // The text columns CLV tiers can compare by (channel, country…): never the customer id.
  const compareColumns = useMemo(
    () => (current ? categoryColumns(current.headers, sample, [mapping.customerId]) : []),
    [current, sample, mapping.customerId],
  );
  const defaultTierColumn =
    preferredTierColumn !== null && tierColumns.includes(preferredTierColumn)
      ? preferredTierColumn
      : (tierColumns[0] ?? "");

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
    const signal = start("computing");
    // In the compute worker (main thread where there is none), with progress and cancel.
    const computed = await computeSegmentsInWorker(
      { headers: data.headers, rows: data.rows, shape, mapping, method, locale },
      { signal, onProgress: throttleProgress(setProgress) },
    );
    finish();
    if (computed.ok) setResult(computed.result);
    // Cancelled by the user: back to before Preview, nothing to report (nothing was written).
    else if (computed.failure.code !== "cancelled")
      setFailure({ titleKey: "pane.preview.failed", failure: computed.failure });
  }, [data, shape, mapping, method, locale]);

  const apply = useCallback(async () => {
    if (!table || !data || !result) return;
    const signal = start("applying");
    const outcome = await withSegmentationActions((actions) =>
      actions.applySegmentation(
        workbook,
        {
          table,
          headers: data.headers,
          shape,
          mapping,
          method,
          locale,
          result,
          previous,
          ...(recipeKey === undefined ? {} : { recipeKey }),
        },
        { signal, onProgress: throttleProgress(setProgress) },
      ),
    );
    finish();
    if (!outcome.ok) {
      setFailure({ titleKey: "pane.apply.failedTitle", failure: outcome.failure, written: outcome.written });
      return;
    }
    const { recipe: saved } = outcome.value;
    // A name taken by another of our segmentations is no surprise (the Apply step said so): only a name taken by
    // the user's own column or sheet is worth a warning.
    const others = stored.filter((entry) => entry.ok && entry.key !== recipeKey);
    const ourColumns = others.flatMap((entry) => (entry.ok ? entry.recipe.ownColumns : []));
    const ourSheets = others.flatMap((entry) => (entry.ok ? recipeSheets(entry.recipe) : []));
    const notOurs =
      (names: string[]) =>
      ({ wanted }: { wanted: string }) =>
        !names.some((name) => name.toLowerCase() === wanted.toLowerCase());
    const renamed = outcome.value.renamed.filter(notOurs(ourColumns));
    const renamedSheets = outcome.value.renamedSheets.filter(notOurs(ourSheets));
    onRecipesChanged();
    setNotices([
      {
        key: "pane.apply.done",
        params: { columns: saved.ownColumns.join(", "), table: table.name, sheet: saved.summarySheet },
      },
      ...channelsNotices(saved),
      ...renamed.map(({ wanted, used }) => ({ key: "pane.apply.renamed" as const, params: { wanted, used } })),
      ...renamedSheets.map(({ wanted, used }) => ({
        key: "pane.apply.sheetRenamed" as const,
        params: { wanted, used },
      })),
    ]);
    // The table now has our columns: read it again before another preview.
    setData(null);
    setResult(null);
    setApplyTarget(null);
  }, [workbook, table, data, result, shape, mapping, method, locale, previous, recipeKey, stored, onRecipesChanged]);

  /** The stored segmentation by key (default: the current table's), with its table as the workbook has it now. */
  const target = useCallback(
    async (key?: string) => {
      const entry = key === undefined ? null : stored.find((candidate) => candidate.key === key);
      const chosen = entry && entry.ok ? entry.recipe : key === undefined ? recipe : null;
      if (!chosen) return null;
      const recipeKey = key ?? segmentations[0]?.key ?? chosen.tableName;
      if (table && table.name.toLowerCase() === chosen.tableName.toLowerCase()) {
        return { recipe: chosen, recipeKey, table };
      }
      const found = await workbook.getTable(chosen.tableName);
      if (!found.ok) return { recipe: chosen, recipeKey, failure: found.error };
      if (found.value === null) {
        return {
          recipe: chosen,
          recipeKey,
          failure: {
            code: "tableNotFound",
            key: "excel.error.tableNotFound" as const,
            params: { table: chosen.tableName },
          },
        };
      }
      return { recipe: chosen, recipeKey, table: found.value };
    },
    [workbook, stored, recipe, segmentations, table],
  );

  const refresh = useCallback(
    async (key?: string) => {
      const signal = start("refreshing");
      const found = await target(key);
      if (!found) return finish();
      if (!found.table) {
        finish();
        setFailure({
          titleKey: "pane.recipe.refreshFailed",
          failure: found.failure,
          written: { columns: [], sheets: [] },
        });
        return;
      }
      const table = found.table;
      const outcome = await withSegmentationActions((actions) =>
        actions.refreshSegmentation(
          workbook,
          table,
          found.recipe,
          locale,
          { signal, onProgress: throttleProgress(setProgress) },
          found.recipeKey,
          computeSegmentsInWorker,
        ),
      );
      finish();
      if (!outcome.ok) {
        setFailure({ titleKey: "pane.recipe.refreshFailed", failure: outcome.failure, written: outcome.written });
        return;
      }
      onRecipesChanged();
      setNotices([
        {
          key: "pane.recipe.refreshed",
          params: { columns: outcome.value.recipe.ownColumns.join(", "), table: found.table.name },
        },
        ...channelsNotices(outcome.value.recipe),
        ...(outcome.value.recipe.changes && outcome.value.recipe.changesSheet
          ? [
              {
                key: "pane.recipe.changed" as const,
                params: {
                  moved: outcome.value.recipe.changes.moved,
                  added: outcome.value.recipe.changes.newCustomers,
                  sheet: outcome.value.recipe.changesSheet,
                },
              },
            ]
          : []),
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
    },
    [workbook, target, locale, onRecipesChanged],
  );

  const remove = useCallback(
    async (key?: string) => {
      start("removing");
      const found = await target(key);
      if (!found) return finish();
      if (!found.table) {
        finish();
        setFailure({ titleKey: "pane.recipe.removeFailed", failure: found.failure });
        return;
      }
      const table = found.table;
      const outcome = await withSegmentationActions(
        (actions) => actions.removeSegmentation(workbook, table, found.recipe, found.recipeKey),
        { columns: found.recipe.ownColumns, sheets: recipeSheets(found.recipe) },
      );
      finish();
      if (!outcome.ok) {
        setFailure({ titleKey: "pane.recipe.removeFailed", failure: outcome.failure, written: outcome.written });
        return;
      }
      onRecipesChanged();
      setNotices([{ key: "pane.recipe.removed", params: { sheet: found.recipe.summarySheet } }]);
      setData(null);
      setResult(null);
    },
    [workbook, target, onRecipesChanged],
  );

  const removeLeftovers = useCallback(async () => {
    if (!table || !failure?.written) return;
    const written = failure.written;
    start("removing");
    // After a failed first apply there is no recipe to keep; after a failed refresh the old recipe still holds.
    const outcome = await withSegmentationActions(
      (actions) => actions.removeWritten(workbook, table.id, written),
      written,
    );
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
    plannedColumns,
    tierColumns,
    defaultTierColumn,
    compareColumns,
    issues,
    checking,
    blocked,
    busy,
    progress,
    failure,
    notices,
    recipe,
    segmentations,
    applyTarget,
    setApplyTarget,
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

/** The stored segmentation of a table (the first, when several were kept), or null. */
export function recipeOfTable(stored: readonly StoredSegmentation[], tableName: string | null): Recipe | null {
  if (tableName === null) return null;
  for (const entry of stored) {
    if (entry.ok && entry.recipe.tableName.toLowerCase() === tableName.toLowerCase()) return entry.recipe;
  }
  return null;
}
