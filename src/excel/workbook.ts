/**
 * The workbook as the task pane sees it. The pane depends on this interface only; Excel (excel-workbook.ts)
 * and the workbench's in-memory workbook implement it. Nothing here may import Office or React.
 */
import type { CellValue, OwnColumn, OwnSheet, SheetChart } from "../engine/sheet-data";
import type { MessageKey, MessageParams } from "../i18n";

export type { CellValue, OwnColumn, OwnSheet, SheetChart };

export interface TableInfo {
  /** Stable identifier of the table in this workbook (Excel's table id). */
  id: string;
  /** The table's name as the user sees it (Table1, Clients…). */
  name: string;
  worksheet: string;
  headers: string[];
  /** Number of data rows (the header row is not counted). */
  rowCount: number;
  /**
   * The table's top-left cell (its first header cell) with its sheet, e.g. "Data!B3" or "'My data'!B3", so
   * data-quality messages can name a bad cell by its A1 address.
   */
  origin: string;
}

export interface Progress {
  /** What is being done, as a catalogue key (e.g. "pane.progress.writingValues"). */
  step: MessageKey;
  done: number;
  total: number;
}

export interface WriteOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** What went wrong, in catalogue terms, plus what had already been written when a write failed midway. */
export interface WorkbookFailure {
  /** "cancelled", "notFound", "nameTaken", "tooLarge", an OfficeExtension error code, … */
  code: string;
  key: MessageKey;
  params?: MessageParams;
  /** Headers of our columns that were written before the failure (so the pane can say how to remove them). */
  written?: string[];
  /** Technical detail for the log (OfficeExtension debugInfo), never shown as the main message. */
  detail?: string;
}

export type WorkbookResult<T> = { ok: true; value: T } | { ok: false; error: WorkbookFailure };

export interface HostInfo {
  theme: "light" | "dark";
  /** BCP-47 tag of Office's display language, e.g. "fr-FR". */
  displayLanguage: string;
}

/** A recipe as stored in the document: a key (our table's name) and its JSON text. */
export interface StoredRecipe {
  key: string;
  json: string;
}

export interface CustomerWorkbook {
  host(): HostInfo;
  /** The table under the current selection, or null when the selection is not in a table. */
  getActiveTable(): Promise<WorkbookResult<TableInfo | null>>;
  /** A table by its name (as a recipe stores it), or null when the workbook has no table of that name. */
  getTable(name: string): Promise<WorkbookResult<TableInfo | null>>;
  /** The name of the active sheet (so the pane knows when the user is on a sheet the add-in wrote). */
  getActiveSheet(): Promise<WorkbookResult<string>>;
  /** Selects a range, e.g. ("Data", "B8"), activating its sheet: a data-quality message's cell, a table to go to. */
  selectRange(sheet: string, address: string): Promise<WorkbookResult<void>>;
  /** Turns the selected range (with a header row) into a table. */
  createTableFromSelection(): Promise<WorkbookResult<TableInfo>>;
  /** Calls back when the user selects elsewhere; returns the function that stops listening. */
  onSelectionChanged(listener: () => void): () => void;
  /** Reads the whole data body (in row blocks), headers first. */
  readTable(
    tableId: string,
    options?: ReadOptions,
  ): Promise<WorkbookResult<{ headers: string[]; rows: CellValue[][] }>>;
  /** Adds or replaces our columns at the right of the table, values first then formats, in chunks. */
  writeColumns(
    tableId: string,
    columns: OwnColumn[],
    options?: WriteOptions,
  ): Promise<WorkbookResult<{ written: string[] }>>;
  /** Deletes our columns by header. Headers not found are ignored. */
  removeColumns(tableId: string, headers: string[]): Promise<WorkbookResult<void>>;
  /** Names of the workbook's sheets, in tab order (so a sheet of ours never takes a user's sheet's name). */
  listSheets(): Promise<WorkbookResult<string[]>>;
  /** Creates a sheet the add-in owns, or replaces one when `replaceExisting` says it is ours. */
  writeSheet(sheet: OwnSheet, options?: WriteOptions): Promise<WorkbookResult<void>>;
  deleteSheet(name: string): Promise<WorkbookResult<void>>;
  /** Recipes travel with the document (workbook settings), so a colleague can refresh. */
  readRecipes(): Promise<WorkbookResult<StoredRecipe[]>>;
  writeRecipe(recipe: StoredRecipe): Promise<WorkbookResult<void>>;
  deleteRecipe(key: string): Promise<WorkbookResult<void>>;
}
