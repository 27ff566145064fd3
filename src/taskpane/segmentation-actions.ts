/**
 * What Apply, Refresh and Remove do to the workbook, in order, through the CustomerWorkbook interface only.
 * Order matters for safety: our columns are written before anything of ours is removed, the recipe is written
 * last, and a failure midway reports exactly what had been written so the pane can offer to remove it.
 */
import type {
  CellValue,
  CustomerWorkbook,
  OwnColumn,
  OwnSheet,
  Progress,
  TableInfo,
  WorkbookFailure,
} from "../excel/workbook";
import { findHeader, sameSheetName } from "../excel/write-rules";
import { changesSheet, runSummary, segmentChanges } from "../engine/segmentation/changes";
import type { Locale } from "../i18n";
import { InputError } from "../engine/errors";
import { modelSheet } from "../engine/segmentation/model-sheet";
import { chooseOwnColumnNames } from "../engine/segmentation/naming";
import { serializeRecipe } from "../engine/segmentation/recipe";
import { segmentTable } from "../engine/segmentation/segment";
import { segmentSummarySheet } from "../engine/segmentation/summary-sheet";
import { planChannels } from "./channels-actions";
import { recipeSheets, sheetNamer } from "./stored-segmentations";
import type {
  ChangeReport,
  ColumnMapping,
  DataShape,
  Recipe,
  SegmentationMethod,
  SegmentationResult,
} from "../engine/segmentation/types";

export interface ActionOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** What is in the workbook because of us after a failure, so the user can remove it. */
export interface Written {
  columns: string[];
  sheets: string[];
}

export type ActionOutcome<T> = { ok: true; value: T } | { ok: false; failure: WorkbookFailure; written: Written };

export interface Applied {
  recipe: Recipe;
  /** Headers we could not use because the user already has a column of that name. */
  renamed: { wanted: string; used: string }[];
  /** Sheet names we could not use because the user already has a sheet of that name. */
  renamedSheets: { wanted: string; used: string }[];
}

export interface ApplyRequest {
  table: TableInfo;
  /** Current headers of the table (from the read that produced result). */
  headers: string[];
  shape: DataShape;
  mapping: ColumnMapping;
  method: SegmentationMethod;
  locale: Locale;
  result: SegmentationResult;
  /** The recipe stored for this table before this apply: its columns are ours to replace. */
  previous: Recipe | null;
  asOf?: number;
  /** A refresh: what changed since the previous run, written on its own sheet and kept with the recipe. */
  changes?: ChangeReport;
  /**
   * The settings key the recipe is stored under (default: the table's name, the key of a table's first
   * segmentation); a segmentation added beside another has its own (src/taskpane/side-by-side.ts).
   */
  recipeKey?: string;
}

/** Excel table headers are unique regardless of case. */
const headerKey = (header: string) => header.trim().toLocaleLowerCase();
const hasHeader = (list: string[], header: string) => list.some((item) => headerKey(item) === headerKey(header));

const NOTHING: Written = { columns: [], sheets: [] };

/** writeSheet failures that happen before anything is written (the name is someone else's). */
const REFUSED_BEFORE_WRITING = ["nameTaken", "tableNameTaken"];

function cancelled(written: Written): ActionOutcome<never> {
  return { ok: false, failure: { code: "cancelled", key: "pane.apply.cancelled" }, written };
}

/** Writes our columns, the summary sheet and the recipe. The user's columns are never written to. */
export async function applySegmentation(
  workbook: CustomerWorkbook,
  request: ApplyRequest,
  options: ActionOptions = {},
): Promise<ActionOutcome<Applied>> {
  const { table, headers, result, previous } = request;
  const ours = previous?.ownColumns ?? [];
  const { names, renamed } = chooseOwnColumnNames(
    headers,
    ours,
    result.columns.map((column) => column.header),
  );
  const columns: OwnColumn[] = result.columns.map((column, i) => ({
    ...column,
    header: names[i],
    replaceExisting: hasHeader(headers, names[i]) && hasHeader(ours, names[i]),
  }));

  if (options.signal?.aborted) return cancelled(NOTHING);
  // Our sheets never take a user's sheet's name: a free name is chosen before anything is written.
  const listed = await workbook.listSheets();
  if (!listed.ok) return { ok: false, failure: listed.error, written: NOTHING };
  const namer = sheetNamer(listed.value, previous);
  const oursSheets = namer.ours;
  const renamedSheets: Applied["renamedSheets"] = [];
  const named = (sheet: OwnSheet): OwnSheet => {
    const choice = namer.name(sheet.name);
    if (choice.name !== sheet.name) renamedSheets.push({ wanted: sheet.name, used: choice.name });
    return { ...sheet, name: choice.name, replaceExisting: choice.replaceExisting };
  };
  const customerSheet = result.customerSheet ? named(result.customerSheet) : undefined;
  const winBackSheet = result.winBackSheet ? named(result.winBackSheet) : undefined;
  const changes = request.changes ? named(changesSheet(request.changes, result, request.locale)) : undefined;
  const appliedAt = new Date().toISOString();
  const sheet = named(
    segmentSummarySheet(result, request.locale, {
      tableName: table.name,
      shape: request.shape,
      method: request.method,
      writtenAt: appliedAt,
    }),
  );
  // CLV tiers on a log: the model card, named after the Segments sheet so the name Apply announced stays.
  const model = result.modelReport
    ? named(
        modelSheet(result.modelReport, request.locale, {
          tableName: table.name,
          writtenAt: appliedAt,
          findings: result.warnings,
        }),
      )
    : undefined;
  // The Forecast and Cohorts sheets are named after the Segments sheet, so its planned name stays the one said.
  const forecastSheet = result.forecastSheet ? named(result.forecastSheet) : undefined;
  const cohortSheet = result.cohortSheet ? named(result.cohortSheet) : undefined;
  // Value by group: the spend table (created once, then only read) and the Channels sheet.
  let method = request.method;
  let channels: Awaited<ReturnType<typeof planChannels>> | undefined;
  if (method.kind === "clvTiers" && method.compareBy !== undefined && result.channels) {
    channels = await planChannels(
      workbook,
      {
        base: result.channels,
        spendTable: method.spendTable,
        tableName: table.name,
        locale: request.locale,
        writtenAt: appliedAt,
      },
      named,
    );
    if (!channels.ok) return { ok: false, failure: channels.failure, written: NOTHING };
    method = { ...method, spendTable: channels.plan.spendTable };
  }
  const channelSheets = channels?.ok ? [channels.plan.spendSheet, channels.plan.channels] : [];

  const wrote = await workbook.writeColumns(table.id, columns, options);
  if (!wrote.ok) {
    return { ok: false, failure: wrote.error, written: { columns: wrote.error.written ?? [], sheets: [] } };
  }
  const written: Written = { columns: [...names], sheets: [] };

  // Transactions: the per-customer summary the segments were computed on gets its own sheet.
  for (const own of [
    customerSheet,
    winBackSheet,
    sheet,
    model,
    forecastSheet,
    cohortSheet,
    changes,
    ...channelSheets,
  ].filter((item): item is OwnSheet => item !== undefined)) {
    if (options.signal?.aborted) return cancelled(written);
    const sheetWritten = await workbook.writeSheet(own, options);
    // A refusal (the name was taken meanwhile) wrote nothing, and that sheet is the user's: never report it as
    // ours. Any other failure may leave part of our sheet behind: report it as written.
    if (!sheetWritten.ok && !REFUSED_BEFORE_WRITING.includes(sheetWritten.error.code)) written.sheets.push(own.name);
    if (!sheetWritten.ok) return { ok: false, failure: sheetWritten.error, written };
    written.sheets.push(own.name);
  }

  // Only now that the new output is complete do we drop what the previous recipe wrote and no longer applies.
  const stale = ours.filter((header) => !hasHeader(names, header) && hasHeader(headers, header));
  if (stale.length > 0) {
    const removed = await workbook.removeColumns(table.id, stale);
    if (!removed.ok) return { ok: false, failure: removed.error, written };
  }
  for (const name of oursSheets) {
    if (!written.sheets.some((used) => sameSheetName(used, name))) await workbook.deleteSheet(name);
  }

  // The as-of date the summary used is stored, so a refresh on the same log gives the same output.
  const asOf = request.asOf ?? result.asOf;
  const recipe: Recipe = {
    version: 1,
    tableName: table.name,
    shape: request.shape,
    mapping: request.mapping,
    method,
    ownColumns: names,
    summarySheet: sheet.name,
    ...(customerSheet ? { customerSheet: customerSheet.name } : {}),
    ...(winBackSheet ? { winBackSheet: winBackSheet.name } : {}),
    ...(model ? { modelSheet: model.name } : {}),
    ...(changes ? { changesSheet: changes.name } : {}),
    ...(forecastSheet ? { forecastSheet: forecastSheet.name } : {}),
    ...(cohortSheet ? { cohortSheet: cohortSheet.name } : {}),
    ...(channels?.ok ? { channelsSheet: channels.plan.channels.name } : {}),
    appliedAt,
    locale: request.locale,
    ...(asOf === undefined ? {} : { asOf }),
    lastRun: runSummary(result, request.locale),
    ...(request.changes
      ? {
          changes: {
            since: request.changes.since,
            from: request.changes.from,
            to: request.changes.to,
            counts: request.changes.counts,
            newCustomers: request.changes.newCustomers,
            moved: request.changes.moved,
          },
        }
      : {}),
  };
  const saved = await workbook.writeRecipe({ key: request.recipeKey ?? table.name, json: serializeRecipe(recipe) });
  if (!saved.ok) return { ok: false, failure: saved.error, written };
  return { ok: true, value: { recipe, renamed, renamedSheets } };
}

/** Runs the engine on the rows just read; an InputError becomes a failure the pane can show. */
export function computeSegments(
  headers: string[],
  rows: CellValue[][],
  shape: DataShape,
  mapping: ColumnMapping,
  method: SegmentationMethod,
  locale: Locale,
  asOf?: number,
): { ok: true; result: SegmentationResult } | { ok: false; failure: WorkbookFailure } {
  try {
    return { ok: true, result: segmentTable(headers, rows, mapping, shape, method, locale, { asOf }) };
  } catch (error) {
    if (error instanceof InputError) {
      return { ok: false, failure: { code: "input", key: error.key, params: error.params } };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, failure: { code: "unexpected", key: "common.unexpected", params: { detail } } };
  }
}

/** What runs the engine for a refresh: the pane passes its compute worker (compute/segment-client.ts). */
export type SegmentCompute = (
  request: {
    headers: string[];
    rows: CellValue[][];
    shape: DataShape;
    mapping: ColumnMapping;
    method: SegmentationMethod;
    locale: Locale;
    asOf?: number;
  },
  options: ActionOptions,
) => Promise<ReturnType<typeof computeSegments>>;

const computeHere: SegmentCompute = async (r) =>
  computeSegments(r.headers, r.rows, r.shape, r.mapping, r.method, r.locale, r.asOf);

/**
 * Re-runs a stored recipe on the table as it is now and replaces exactly its columns (stored under recipeKey). The
 * engine runs through `compute` (the pane's worker; on this thread when not given).
 */
export async function refreshSegmentation(
  workbook: CustomerWorkbook,
  table: TableInfo,
  recipe: Recipe,
  fallbackLocale: Locale,
  options: ActionOptions = {},
  recipeKey: string = recipe.tableName,
  compute: SegmentCompute = computeHere,
): Promise<ActionOutcome<Applied>> {
  const read = await workbook.readTable(table.id, options);
  if (!read.ok) return { ok: false, failure: read.error, written: NOTHING };
  const locale = recipe.locale ?? fallbackLocale;
  const { headers, rows } = read.value;
  const computed = await compute(
    { headers, rows, shape: recipe.shape, mapping: recipe.mapping, method: recipe.method, locale, asOf: recipe.asOf },
    options,
  );
  if (!computed.ok) return { ok: false, failure: computed.failure, written: NOTHING };
  // What the previous run wrote in its segment column is each customer's previous segment.
  const segmentColumn = recipe.ownColumns.length > 0 ? findHeader(headers, recipe.ownColumns[0]) : -1;
  const changes =
    segmentColumn >= 0
      ? segmentChanges({
          previousLabels: rows.map((row) => row[segmentColumn]),
          previous: recipe.lastRun,
          since: recipe.appliedAt,
          result: computed.result,
          locale,
        })
      : undefined;
  return applySegmentation(
    workbook,
    {
      table,
      headers,
      shape: recipe.shape,
      mapping: recipe.mapping,
      method: recipe.method,
      locale,
      result: computed.result,
      previous: recipe,
      asOf: recipe.asOf,
      ...(changes ? { changes } : {}),
      recipeKey,
    },
    options,
  );
}

/**
 * Deletes this segmentation's columns, its sheets and its recipe (stored under recipeKey); another segmentation of
 * the same table keeps its own. Stops at the first failure and says what is left.
 */
export async function removeSegmentation(
  workbook: CustomerWorkbook,
  table: TableInfo,
  recipe: Recipe,
  recipeKey: string = recipe.tableName,
): Promise<ActionOutcome<void>> {
  const sheets = recipeSheets(recipe);
  const left: Written = { columns: recipe.ownColumns, sheets };
  const removed = await workbook.removeColumns(table.id, recipe.ownColumns);
  if (!removed.ok) return { ok: false, failure: removed.error, written: left };
  return removeWritten(workbook, table.id, { columns: [], sheets }, recipeKey);
}

/** Removes what a failed apply left behind (and the recipe when given its key). */
export async function removeWritten(
  workbook: CustomerWorkbook,
  tableId: string,
  written: Written,
  recipeKey?: string,
): Promise<ActionOutcome<void>> {
  if (written.columns.length > 0) {
    const removed = await workbook.removeColumns(tableId, written.columns);
    if (!removed.ok) return { ok: false, failure: removed.error, written };
  }
  for (let i = 0; i < written.sheets.length; i++) {
    const deleted = await workbook.deleteSheet(written.sheets[i]);
    // A sheet the user already deleted is not a failure: it is gone either way.
    if (!deleted.ok && deleted.error.code !== "notFound") {
      return { ok: false, failure: deleted.error, written: { columns: [], sheets: written.sheets.slice(i) } };
    }
  }
  if (recipeKey !== undefined) {
    const forgotten = await workbook.deleteRecipe(recipeKey);
    if (!forgotten.ok) return { ok: false, failure: forgotten.error, written: { columns: [], sheets: [] } };
  }
  return { ok: true, value: undefined };
}
