/**
 * An in-memory workbook that behaves like Excel where the pane's safety depends on it: tables with a
 * header row, our columns added at the right (cells to the right shift, as Excel inserts table columns),
 * replaced only when declared ours, removed without touching anything else; writes arrive in the same
 * chunked requests as in Excel, any of which can be made to fail. The workbench renders it; tests use it.
 */
import { planColumnWritesSliced, planRowChunks, ROW_OVERHEAD_BYTES, estimateValueBytes } from "../excel/chunk-plan";
import { cellEquals, fontColourOn, formulaValue } from "../excel/colour-rules";
import { recipeSettingKey, recipesFromSettings } from "../excel/recipes";
import { fail, throwIfCancelled, toFailure, WorkbookFailureError } from "../excel/run";
import { runStepsSliced, STEP_ITEMS, type Steps } from "../excel/steps";
import { columnWriteSteps, findHeader, resolveColumnTargetsSliced } from "../excel/write-rules";
import type {
  CellValue,
  CustomerWorkbook,
  HostInfo,
  OwnColumn,
  OwnSheet,
  Progress,
  ReadOptions,
  StoredRecipe,
  TableInfo,
  WorkbookResult,
  WriteOptions,
} from "../excel/workbook";
import type { ChartSeriesRange, SheetChart } from "../engine/sheet-data";
import type { MessageKey, MessageParams } from "../i18n";
import type { ColourScale } from "../engine/sheet-data";
import { colourScaleFill, colourScaleStops } from "./colour-scale";

/**
 * One cell: its value, the formula text a user typed (not evaluated here), number format, fill and font colour.
 * A cell shows only what was written to it: no font colour means Excel's automatic (black) text.
 */
export interface MemoryCell {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  bold?: boolean;
  fontColor?: string;
}

/** A fill the add-in writes on its own sheet, with the font colour ExcelWorkbook writes with it. */
function sheetFill(fill: string | null | undefined): Pick<MemoryCell, "fill" | "fontColor"> {
  return fill ? { fill, fontColor: fontColourOn(fill) } : {};
}

/** Column-major storage keeps a million-row column as a handful of arrays rather than a million objects. */
interface SheetColumn {
  values: CellValue[];
  formulas: (string | undefined)[];
  numberFormats: (string | undefined)[];
  fills: (string | undefined)[];
  bolds: (boolean | undefined)[];
  fontColors: (string | undefined)[];
}

interface MemorySheet {
  name: string;
  columns: SheetColumn[];
  /** "Cell value equal to" rules, oldest first; they move with the cells when table columns shift. */
  conditionalFormats: StoredRule[];
  /** Colour scales (heat maps) the add-in wrote on its own sheet (see colour-scale.ts). */
  colourScales?: ColourScale[];
  /** Column widths the add-in set, in points (absent: fitted to the contents). */
  columnWidths?: (number | undefined)[];
}

/** A rule with the value its formula compares with, parsed once (getCell runs for every cell of a grid). */
type StoredRule = MemoryConditionalFormat & { value: CellValue | null };

/** A conditional format on one column range of a sheet: cells equal to the formula's value get the colour. */
export interface MemoryConditionalFormat {
  /** 0-based sheet coordinates of the range's first cell, and its row count (one column wide). */
  row: number;
  col: number;
  rowCount: number;
  /** Excel's formula1 with the "EqualTo" operator, e.g. '="Champions"'. */
  formula: string;
  color: string;
  /** The rule's font colour, when it sets one. */
  fontColor?: string;
}

interface MemoryTable {
  id: string;
  name: string;
  sheet: string;
  /** 0-based sheet row of the header row; data follows. */
  row: number;
  /** 0-based sheet column of the first table column. */
  col: number;
  headers: string[];
  rowCount: number;
}

/** A table as the workbench sees it: TableInfo plus where it sits on its sheet. */
export interface MemoryTableInfo extends TableInfo {
  row: number;
  col: number;
}

export interface MemoryChart {
  sheet: string;
  title: string;
  type: SheetChart["type"];
  categories: CellValue[];
  /** The first series' values. */
  values: CellValue[];
  /** The category cells' fills (segment colours), in category order. */
  fills?: (string | null)[];
  /** Every series, the first included, when the chart has several (line and column charts). */
  series?: MemoryChartSeries[];
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
}

/** One series of a chart as Excel would plot it: its name (the header cell), how it is drawn, its values. */
export interface MemoryChartSeries {
  name: string;
  type: SheetChart["type"];
  values: CellValue[];
}

/** A selected range (0-based sheet coordinates). */
export interface RangeSelection {
  sheet: string;
  row: number;
  col: number;
  rowCount?: number;
  columnCount?: number;
}

/** One request, as Excel would receive it in one context.sync(). */
export type MemoryOperation =
  | "read"
  | "listSheets"
  | "createTable"
  | "addColumns"
  | "values"
  | "numberFormats"
  | "fills"
  | "conditionalFormats"
  | "removeColumns"
  | "writeSheet"
  | "deleteSheet"
  | "settings";

export interface MemoryRequest {
  operation: MemoryOperation;
  /** Rows covered (reads and value writes). */
  rows?: number;
  estimatedBytes?: number;
}

/** Makes the nth request of an operation (counted from now, 1-based) fail like a failed Excel sync. */
export interface InjectedFailure {
  operation: MemoryOperation;
  nth?: number;
  /** OfficeExtension error code reported, "GeneralException" by default. */
  code?: string;
}

export type MemoryChangeKind = "cells" | "structure" | "selection" | "settings" | "host";

export interface MemoryChange {
  kind: MemoryChangeKind;
  sheet?: string;
}

export interface MemoryWorkbookOptions {
  host?: Partial<HostInfo>;
  /** Request ceiling for the chunk plan; tests lower it to force several chunks on small tables. */
  maxRequestBytes?: number;
  maxRowsPerRequest?: number;
  /** Rows per read block (Excel: 20,000). */
  readBlockRows?: number;
  /** Simulated time per request, so the workbench shows progress and cancel. */
  requestDelayMs?: number;
}

export interface NewTable {
  name: string;
  sheet: string;
  row?: number;
  col?: number;
  headers: string[];
  rows: CellValue[][];
  /** One per column, undefined for General. */
  numberFormats?: (string | undefined)[];
  /** formulas[row][column] typed by the user; the value in `rows` is the formula's current result. */
  formulas?: (string | undefined)[][];
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

function emptyColumn(): SheetColumn {
  return { values: [], formulas: [], numberFormats: [], fills: [], fontColors: [], bolds: [] };
}

/** An error shaped like OfficeExtension.Error, so failures map through the same catalogue as Excel's. */
function officeError(code: string, message: string): Error {
  const error = new Error(message) as Error & { code: string; debugInfo: object };
  error.name = "RichApi.Error";
  error.code = code;
  error.debugInfo = { code, message, errorLocation: "MemoryWorkbook" };
  return error;
}

/** "A" → 0, "Z" → 25, "AA" → 26. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** 0 → "A", 25 → "Z", 26 → "AA". */
function columnLetters(c: number): string {
  return (c >= 26 ? columnLetters(Math.floor(c / 26) - 1) : "") + String.fromCharCode(65 + (c % 26));
}

/** A sheet name as Excel writes it in an address: quoted ('My data', with ' doubled) unless a plain name. */
export function sheetReference(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

function overlaps(a: { start: number; count: number }, b: { start: number; count: number }): boolean {
  return a.start < b.start + b.count && b.start < a.start + a.count;
}

export class MemoryWorkbook implements CustomerWorkbook {
  private readonly sheets: MemorySheet[] = [];
  private readonly tableList: MemoryTable[] = [];
  private readonly chartList: MemoryChart[] = [];
  private readonly settingStore = new Map<string, string>();
  private readonly selectionListeners = new Set<() => void>();
  private readonly changeListeners = new Set<(change: MemoryChange) => void>();
  private readonly injected: (InjectedFailure & { seen: number })[] = [];
  private hostInfo: HostInfo;
  private selection: RangeSelection | null = null;
  /** The sheet shown when nothing is selected (the workbench's tab), so getActiveSheet has an answer. */
  private activeSheetName: string | null = null;
  private nextTableId = 1;
  /** Every request served, in order (reset with clearRequestLog). */
  readonly requests: MemoryRequest[] = [];

  constructor(private readonly options: MemoryWorkbookOptions = {}) {
    this.hostInfo = { theme: "light", displayLanguage: "en-US", ...options.host };
  }

  // ---- set-up and inspection (workbench and tests) ----

  addSheet(name: string): void {
    if (INVALID_SHEET_NAME.test(name) || name.length === 0 || name.length > 31) {
      throw officeError("InvalidArgument", `Invalid sheet name ${name}`);
    }
    if (this.findSheet(name)) throw officeError("ItemAlreadyExists", `Sheet ${name} exists`);
    this.sheets.push({ name, columns: [], conditionalFormats: [] });
    this.notify({ kind: "structure", sheet: name });
  }

  /** Writes a user table (header row + data) and registers it; the sheet is created if needed. */
  addTable(spec: NewTable): MemoryTableInfo {
    if (!this.findSheet(spec.sheet)) this.addSheet(spec.sheet);
    if (this.tableList.some((table) => table.name.toLowerCase() === spec.name.toLowerCase())) {
      throw officeError("ItemAlreadyExists", `Table ${spec.name} exists`);
    }
    const row = spec.row ?? 0;
    const col = spec.col ?? 0;
    spec.headers.forEach((header, c) => this.setCell(spec.sheet, row, col + c, { value: header }));
    spec.rows.forEach((values, r) =>
      spec.headers.forEach((_, c) =>
        this.setCell(spec.sheet, row + 1 + r, col + c, {
          value: values[c] ?? "",
          formula: spec.formulas?.[r]?.[c],
          numberFormat: spec.numberFormats?.[c],
        }),
      ),
    );
    const table: MemoryTable = {
      id: `{T${this.nextTableId++}}`,
      name: spec.name,
      sheet: spec.sheet,
      row,
      col,
      headers: [...spec.headers],
      rowCount: spec.rows.length,
    };
    this.tableList.push(table);
    this.notify({ kind: "structure", sheet: spec.sheet });
    return this.describe(table);
  }

  /** A user edit in the grid (value, formula text, format or fill). */
  editCell(sheet: string, row: number, col: number, cell: Partial<MemoryCell>): void {
    if (!this.findSheet(sheet)) throw officeError("ItemNotFound", `No sheet ${sheet}`);
    this.setCell(sheet, row, col, { ...this.storedCell(sheet, row, col), ...cell });
    this.notify({ kind: "cells", sheet });
  }

  select(range: RangeSelection | null): void {
    this.selection = range;
    if (range) this.activeSheetName = range.sheet;
    this.notify({ kind: "selection", sheet: range?.sheet });
    for (const listener of [...this.selectionListeners]) listener();
  }

  /** Selects the first data cell of a table (as a user clicking into it). */
  selectTable(tableId: string): void {
    const table = this.tableList.find((candidate) => candidate.id === tableId);
    if (!table) throw officeError("ItemNotFound", `No table ${tableId}`);
    this.select({ sheet: table.sheet, row: table.row + 1, col: table.col });
  }

  getSelection(): RangeSelection | null {
    return this.selection;
  }

  setHost(host: Partial<HostInfo>): void {
    this.hostInfo = { ...this.hostInfo, ...host };
    this.notify({ kind: "host" });
  }

  sheetNames(): string[] {
    return this.sheets.map((sheet) => sheet.name);
  }

  /** Rows and columns in use on a sheet (0 × 0 for an empty or missing sheet). */
  sheetSize(name: string): { rows: number; columns: number } {
    const sheet = this.findSheet(name);
    if (!sheet) return { rows: 0, columns: 0 };
    let rows = 0;
    let columns = 0;
    sheet.columns.forEach((column, c) => {
      const cells = [column.values, column.formulas, column.numberFormats, column.fills, column.fontColors];
      const used = cells.reduce((last, cells) => {
        for (let r = cells.length - 1; r >= last; r--) if (cells[r] !== undefined && cells[r] !== "") return r + 1;
        return last;
      }, 0);
      if (used > 0) columns = c + 1;
      rows = Math.max(rows, used);
    });
    return { rows, columns };
  }

  /**
   * A cell as Excel displays it: `fill` (and `fontColor`) are a matching conditional format's, else the cell's own.
   * A rule that sets no font colour leaves the cell's own.
   */
  getCell(sheet: string, row: number, col: number): MemoryCell {
    const cell = this.storedCell(sheet, row, col);
    const rules = this.findSheet(sheet)?.conditionalFormats ?? [];
    // The rules we write never match the same cell; should a user's overlap, the latest one wins here.
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i];
      if (col !== rule.col || row < rule.row || row >= rule.row + rule.rowCount) continue;
      if (rule.value !== null && cellEquals(cell.value, rule.value)) {
        return { ...cell, fill: rule.color, ...(rule.fontColor !== undefined ? { fontColor: rule.fontColor } : {}) };
      }
    }
    for (const scale of this.findSheet(sheet)?.colourScales ?? []) {
      if (
        row < scale.row ||
        row >= scale.row + scale.rowCount ||
        col < scale.col ||
        col >= scale.col + scale.columnCount
      )
        continue;
      const fill = colourScaleFill(scale, this.colourScaleStopsOf(sheet, scale), cell.value);
      if (fill) return { ...cell, fill };
    }
    return cell;
  }

  /** The column widths the add-in set on a sheet, in points (undefined: fitted to the contents). */
  columnWidths(sheet: string): (number | undefined)[] {
    return [...(this.findSheet(sheet)?.columnWidths ?? [])];
  }

  /** The colour scales of a sheet (copies), oldest first. */
  colourScales(sheet: string): ColourScale[] {
    return (this.findSheet(sheet)?.colourScales ?? []).map((scale) => ({ ...scale }));
  }

  /** A colour scale's stops over the numbers its block holds now (Excel recomputes them as values change). */
  private colourScaleStopsOf(sheet: string, scale: ColourScale) {
    const known = this.scaleStops.get(scale);
    if (known !== undefined) return known;
    const numbers: number[] = [];
    for (let r = scale.row; r < scale.row + scale.rowCount; r++) {
      for (let c = scale.col; c < scale.col + scale.columnCount; c++) {
        const value = this.storedCell(sheet, r, c).value;
        if (typeof value === "number" && Number.isFinite(value)) numbers.push(value);
      }
    }
    const stops = colourScaleStops(numbers);
    this.scaleStops.set(scale, stops);
    return stops;
  }

  /** Colour-scale stops computed since the last cell write (getCell runs for every cell of a grid). */
  private readonly scaleStops = new Map<ColourScale, ReturnType<typeof colourScaleStops>>();

  /** The conditional formats of a sheet (copies), oldest first. */
  conditionalFormats(sheet: string): MemoryConditionalFormat[] {
    return (this.findSheet(sheet)?.conditionalFormats ?? []).map(
      ({ row, col, rowCount, formula, color, fontColor }) => ({
        row,
        col,
        rowCount,
        formula,
        color,
        ...(fontColor !== undefined ? { fontColor } : {}),
      }),
    );
  }

  /** A cell as stored, without conditional formats: what a user edit or a cell move starts from. */
  private storedCell(sheet: string, row: number, col: number): MemoryCell {
    const column = this.findSheet(sheet)?.columns[col];
    const cell: MemoryCell = { value: column?.values[row] ?? "" };
    const formula = column?.formulas[row];
    const numberFormat = column?.numberFormats[row];
    const fill = column?.fills[row];
    if (column?.bolds[row]) cell.bold = true;
    const fontColor = column?.fontColors[row];
    if (formula !== undefined) cell.formula = formula;
    if (numberFormat !== undefined) cell.numberFormat = numberFormat;
    if (fill !== undefined) cell.fill = fill;
    if (fontColor !== undefined) cell.fontColor = fontColor;
    return cell;
  }

  /** The used values of a sheet, row by row. */
  sheetValues(name: string): CellValue[][] {
    const { rows, columns } = this.sheetSize(name);
    return Array.from({ length: rows }, (_, r) =>
      Array.from({ length: columns }, (_, c) => this.findSheet(name)?.columns[c]?.values[r] ?? ""),
    );
  }

  tables(): MemoryTableInfo[] {
    return this.tableList.map((table) => this.describe(table));
  }

  charts(): MemoryChart[] {
    return this.chartList.map((chart) => ({ ...chart }));
  }

  settings(): ReadonlyMap<string, string> {
    return new Map(this.settingStore);
  }

  injectFailure(failure: InjectedFailure): void {
    this.injected.push({ ...failure, seen: 0 });
  }

  clearRequestLog(): void {
    this.requests.length = 0;
  }

  /** Calls back after every change, so the workbench grid re-renders; returns the unsubscribe function. */
  subscribe(listener: (change: MemoryChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  // ---- CustomerWorkbook ----

  host(): HostInfo {
    return { ...this.hostInfo };
  }

  async getActiveTable(): Promise<WorkbookResult<TableInfo | null>> {
    return this.guard(async () => {
      const table = this.selection ? this.tableAt(this.selection) : undefined;
      return table ? this.info(table) : null;
    });
  }

  async getTable(name: string): Promise<WorkbookResult<TableInfo | null>> {
    return this.guard(async () => {
      const table = this.tableList.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
      return table ? this.info(table) : null;
    });
  }

  async getActiveSheet(): Promise<WorkbookResult<string>> {
    return this.guard(async () => {
      const name = this.selection?.sheet ?? this.activeSheetName ?? this.sheets[0]?.name;
      return name ?? fail("notFound", "excel.error.sheetNotFound", { name: "" });
    });
  }

  async selectRange(sheet: string, address: string): Promise<WorkbookResult<void>> {
    return this.guard(async () => {
      const target = this.findSheet(sheet);
      if (!target) return fail("notFound", "excel.error.sheetNotFound", { name: sheet });
      const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
      if (!match) return fail("invalidAddress", "excel.error.invalidAddress", { address });
      const col = columnIndex(match[1]);
      const row = Number(match[2]) - 1;
      const endCol = match[3] ? columnIndex(match[3]) : col;
      const endRow = match[4] ? Number(match[4]) - 1 : row;
      this.select({ sheet: target.name, row, col, rowCount: endRow - row + 1, columnCount: endCol - col + 1 });
    });
  }

  async createTableFromSelection(): Promise<WorkbookResult<TableInfo>> {
    return this.guard(async () => {
      const selection = this.selection;
      if (!selection || !this.findSheet(selection.sheet)) return fail("noSelection", "excel.error.noSelection");
      const existing = this.tableAt(selection);
      if (existing) return fail("selectionInTable", "excel.error.selectionInTable", { table: existing.name });
      const rowCount = selection.rowCount ?? 1;
      const columnCount = selection.columnCount ?? 1;
      if (rowCount < 2) {
        return fail("selectionTooSmall", "excel.error.selectionTooSmall", { address: this.address(selection) });
      }
      const headers: string[] = [];
      for (let c = 0; c < columnCount; c++) {
        const raw = String(this.getCell(selection.sheet, selection.row, selection.col + c).value).trim();
        const base = raw === "" ? `Column${c + 1}` : raw;
        let header = base;
        for (let n = 2; findHeader(headers, header) >= 0; n++) header = `${base}${n}`;
        headers.push(header);
      }
      await this.request({ operation: "createTable" }, () => {
        headers.forEach((header, c) =>
          this.setCell(selection.sheet, selection.row, selection.col + c, {
            ...this.storedCell(selection.sheet, selection.row, selection.col + c),
            value: header,
          }),
        );
        let n = this.tableList.length + 1;
        while (this.tableList.some((table) => table.name === `Table${n}`)) n++;
        this.tableList.push({
          id: `{T${this.nextTableId++}}`,
          name: `Table${n}`,
          sheet: selection.sheet,
          row: selection.row,
          col: selection.col,
          headers,
          rowCount: rowCount - 1,
        });
      });
      return this.info(this.tableList[this.tableList.length - 1]);
    });
  }

  onSelectionChanged(listener: () => void): () => void {
    this.selectionListeners.add(listener);
    return () => this.selectionListeners.delete(listener);
  }

  async readTable(
    tableId: string,
    options: ReadOptions = {},
  ): Promise<WorkbookResult<{ headers: string[]; rows: CellValue[][] }>> {
    return this.guard(
      async () => {
        const table = this.requireTable(tableId);
        const block = this.options.readBlockRows ?? 20_000;
        const rows: CellValue[][] = [];
        const total = Math.max(1, Math.ceil(table.rowCount / block));
        for (let start = 0, done = 0; start < table.rowCount || done === 0; start += block, done++) {
          throwIfCancelled(options.signal);
          const count = Math.min(block, table.rowCount - start);
          await this.request({ operation: "read", rows: count }, () => {
            const sheet = this.sheetOf(table);
            for (let r = start; r < start + count; r++) {
              rows.push(table.headers.map((_, c) => sheet.columns[table.col + c]?.values[table.row + 1 + r] ?? ""));
            }
          });
          this.progress(options.onProgress, "excel.progress.reading", done + 1, total);
        }
        return { headers: [...table.headers], rows };
      },
      { table: tableId },
    );
  }

  async writeColumns(
    tableId: string,
    columns: OwnColumn[],
    options: WriteOptions = {},
  ): Promise<WorkbookResult<{ written: string[] }>> {
    return this.guard(
      async () => {
        const table = this.requireTable(tableId);
        const targets = await resolveColumnTargetsSliced(table, columns);
        // Planned in slices (a million rows take a few hundred ms), as ExcelWorkbook does.
        const plan = await planColumnWritesSliced(columns, {
          ...this.chunkOptions(),
          conditionalFormats: true,
        });
        const { added, replaced, formats, total } = columnWriteSteps(targets, plan);
        const written: string[] = [];
        let done = 0;
        const step = async (operation: MemoryOperation, key: MessageKey, apply: () => unknown, extra = {}) => {
          throwIfCancelled(options.signal);
          await this.request({ operation, ...extra }, apply);
          this.progress(options.onProgress, key, ++done, total);
        };
        try {
          if (added.length > 0) {
            await step("addColumns", "excel.progress.addingColumns", () => {
              for (const target of added) this.insertTableColumn(table, target.column.header);
            });
            written.push(...added.map((target) => target.column.header));
          }
          const indexes = targets.map((target) => findHeader(table.headers, target.column.header));
          for (const chunk of plan.values) {
            await step(
              "values",
              "excel.progress.writingValues",
              () => {
                const sheet = this.sheetOf(table);
                // In slices, as Excel takes a request off the pane's thread: the page paints meanwhile.
                const copy = (column: SheetColumn, values: readonly CellValue[], from: number, to: number) => {
                  for (let r = from; r < to; r++) {
                    column.values[table.row + 1 + r] = values[r];
                    column.formulas[table.row + 1 + r] = undefined;
                  }
                };
                return (function* copySteps() {
                  const end = chunk.startRow + chunk.rowCount;
                  for (let i = 0; i < targets.length; i++) {
                    const column = sheet.columns[table.col + indexes[i]];
                    for (let from = chunk.startRow; from < end; from += STEP_ITEMS) {
                      copy(column, targets[i].column.values, from, Math.min(end, from + STEP_ITEMS));
                      yield;
                    }
                  }
                })();
              },
              { rows: chunk.rowCount, estimatedBytes: chunk.estimatedBytes },
            );
            for (const target of replaced)
              if (!written.includes(target.column.header)) written.push(target.column.header);
          }
          if (formats) {
            await step("numberFormats", "excel.progress.writingFormats", () => {
              const sheet = this.sheetOf(table);
              targets.forEach((target, i) => {
                if (target.existingIndex !== null) {
                  this.clearConditionalFormats(sheet, table.row + 1, table.col + indexes[i], table.rowCount);
                }
              });
              return (function* formats() {
                for (let i = 0; i < targets.length; i++) {
                  const target = targets[i];
                  const column = sheet.columns[table.col + indexes[i]];
                  // A column just added has no format on any cell: leaving it General is nothing to do.
                  if (target.existingIndex === null && target.column.numberFormat === undefined) continue;
                  const format = (from: number, to: number) => {
                    for (let r = from; r < to; r++) {
                      column.numberFormats[table.row + r] = target.column.numberFormat;
                      // As ExcelWorkbook's clear("Formats") on our own column: old fills and font colours go.
                      if (target.existingIndex !== null) {
                        column.fills[table.row + r] = undefined;
                        column.fontColors[table.row + r] = undefined;
                      }
                    }
                  };
                  for (let from = 1; from <= table.rowCount; from += STEP_ITEMS) {
                    format(from, Math.min(table.rowCount + 1, from + STEP_ITEMS));
                    yield;
                  }
                }
              })();
            });
          }
          for (const request of plan.fills) {
            await step(
              "fills",
              "excel.progress.writingFills",
              () => {
                const sheet = this.sheetOf(table);
                for (const run of request.runs) {
                  const column = sheet.columns[table.col + indexes[run.column]];
                  const fontColor = fontColourOn(run.color);
                  for (let r = run.startRow; r < run.startRow + run.rowCount; r++) {
                    column.fills[table.row + 1 + r] = run.color;
                    column.fontColors[table.row + 1 + r] = fontColor;
                  }
                }
              },
              { estimatedBytes: request.estimatedBytes },
            );
          }
          for (const request of plan.colourRules) {
            await step(
              "conditionalFormats",
              "excel.progress.writingFills",
              () => {
                const sheet = this.sheetOf(table);
                for (const { column, rule } of request.rules) {
                  sheet.conditionalFormats.push({
                    row: table.row + 1,
                    col: table.col + indexes[column],
                    rowCount: table.rowCount,
                    formula: rule.formula,
                    color: rule.color,
                    fontColor: rule.fontColor,
                    value: formulaValue(rule.formula),
                  });
                }
              },
              { estimatedBytes: request.estimatedBytes },
            );
          }
          return { written: columns.map((column) => column.header) };
        } catch (error) {
          throw new WorkbookFailureError({ ...toFailure(error), written: [...written] });
        }
      },
      { table: tableId },
    );
  }

  async removeColumns(tableId: string, headers: string[]): Promise<WorkbookResult<void>> {
    return this.guard(
      async () => {
        const table = this.requireTable(tableId);
        const indexes = headers
          .map((header) => findHeader(table.headers, header))
          .filter((index, i, all) => index >= 0 && all.indexOf(index) === i)
          .sort((a, b) => b - a);
        if (indexes.length === 0) return;
        await this.request({ operation: "removeColumns" }, () => {
          for (const index of indexes) this.deleteTableColumn(table, index);
        });
      },
      { table: tableId },
    );
  }

  async listSheets(): Promise<WorkbookResult<string[]>> {
    return this.guard(async () => {
      let names: string[] = [];
      await this.request({ operation: "listSheets" }, () => {
        names = this.sheetNames();
      });
      return names;
    });
  }

  async writeSheet(spec: OwnSheet, options: WriteOptions = {}): Promise<WorkbookResult<void>> {
    return this.guard(async () => {
      const old = this.findSheet(spec.name);
      if (old && spec.replaceExisting !== true) {
        return fail("nameTaken", "excel.error.sheetNameTaken", { name: old.name });
      }
      if (spec.tableName) {
        const clash = this.tableList.find(
          (table) => table.name.toLowerCase() === spec.tableName?.toLowerCase() && table.sheet !== spec.name,
        );
        if (clash) return fail("tableNameTaken", "excel.error.tableNameTaken", { name: clash.name });
      }
      const chunks = planRowChunks(
        spec.rows.length,
        (r) => spec.rows[r].reduce<number>((sum, value) => sum + estimateValueBytes(value), ROW_OVERHEAD_BYTES),
        this.chunkOptions(),
      );
      let done = 0;
      const total = chunks.length + 1;
      const progressKey: MessageKey = "excel.progress.writingSheet";
      throwIfCancelled(options.signal);
      await this.request({ operation: "writeSheet" }, () => {
        this.dropSheet(spec.name);
        this.sheets.push({ name: spec.name, columns: [], conditionalFormats: [] });
      });
      options.onProgress?.({ step: progressKey, done: ++done, total });
      for (const chunk of chunks) {
        throwIfCancelled(options.signal);
        await this.request(
          { operation: "writeSheet", rows: chunk.rowCount, estimatedBytes: chunk.estimatedBytes },
          () => {
            for (let r = chunk.startRow; r < chunk.startRow + chunk.rowCount; r++) {
              spec.rows[r].forEach((value, c) =>
                this.setCell(spec.name, r, c, {
                  value,
                  numberFormat: r > 0 ? spec.numberFormats?.[c] : undefined,
                  ...sheetFill(r > 0 && c === 0 ? spec.fills?.[r - 1] : undefined),
                }),
              );
            }
            if (chunk.startRow + chunk.rowCount === spec.rows.length) this.finishSheet(spec);
          },
        );
        options.onProgress?.({ step: progressKey, done: ++done, total });
      }
    });
  }

  async deleteSheet(name: string): Promise<WorkbookResult<void>> {
    return this.guard(async () => {
      if (!this.findSheet(name)) return;
      if (this.sheets.length === 1) throw officeError("InvalidOperation", "A workbook keeps at least one sheet");
      await this.request({ operation: "deleteSheet" }, () => this.dropSheet(name));
    });
  }

  async readRecipes(): Promise<WorkbookResult<StoredRecipe[]>> {
    return this.guard(async () => {
      let recipes: StoredRecipe[] = [];
      await this.request({ operation: "settings" }, () => {
        recipes = recipesFromSettings(this.settingStore.entries());
      });
      return recipes;
    });
  }

  async writeRecipe(recipe: StoredRecipe): Promise<WorkbookResult<void>> {
    return this.guard(async () => {
      await this.request({ operation: "settings" }, () =>
        this.settingStore.set(recipeSettingKey(recipe.key), recipe.json),
      );
    });
  }

  async deleteRecipe(key: string): Promise<WorkbookResult<void>> {
    return this.guard(async () => {
      await this.request({ operation: "settings" }, () => this.settingStore.delete(recipeSettingKey(key)));
    });
  }

  // ---- internals ----

  private async guard<T>(body: () => Promise<T>, params?: MessageParams): Promise<WorkbookResult<T>> {
    try {
      return { ok: true, value: await body() };
    } catch (error) {
      const failure = toFailure(error);
      const table = typeof params?.table === "string" ? this.tableList.find((t) => t.id === params.table) : undefined;
      const context = params ? { ...params, table: table?.name ?? params.table } : undefined;
      return { ok: false, error: { ...failure, params: { ...context, ...failure.params } } };
    }
  }

  /** Serves one request: may fail (injected) before applying anything, like a failed context.sync(). */
  /** `apply` may return steps (steps.ts): they run in slices with pauses, as Excel works off the pane's thread. */
  private async request(request: MemoryRequest, apply: () => unknown): Promise<void> {
    const delay = this.options.requestDelayMs ?? 0;
    await new Promise<void>((resolve) => (delay > 0 ? setTimeout(resolve, delay) : resolve()));
    const injected = this.injected.find((candidate) => candidate.operation === request.operation);
    if (injected && ++injected.seen >= (injected.nth ?? 1)) {
      this.injected.splice(this.injected.indexOf(injected), 1);
      throw officeError(injected.code ?? "GeneralException", `Injected failure on ${request.operation}`);
    }
    const applied = apply();
    if (Object.prototype.toString.call(applied) === "[object Generator]") await runStepsSliced(applied as Steps<void>);
    this.requests.push(request);
    this.notify({
      kind:
        request.operation === "settings"
          ? "settings"
          : request.operation === "read" || request.operation === "listSheets"
            ? "cells"
            : "structure",
    });
  }

  private progress(
    listener: ((progress: Progress) => void) | undefined,
    step: MessageKey,
    done: number,
    total: number,
  ) {
    listener?.({ step, done, total });
  }

  private chunkOptions() {
    return { maxRequestBytes: this.options.maxRequestBytes, maxRowsPerRequest: this.options.maxRowsPerRequest };
  }

  private notify(change: MemoryChange): void {
    if (change.kind === "cells" && this.changeListeners.size === 0) return;
    for (const listener of [...this.changeListeners]) listener(change);
  }

  private findSheet(name: string): MemorySheet | undefined {
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  private sheetOf(table: MemoryTable): MemorySheet {
    const sheet = this.findSheet(table.sheet);
    if (!sheet) throw officeError("ItemNotFound", `No sheet ${table.sheet}`);
    return sheet;
  }

  private requireTable(tableId: string): MemoryTable {
    const table = this.tableList.find((candidate) => candidate.id === tableId);
    return table ?? fail("tableNotFound", "excel.error.tableNotFound", { table: tableId });
  }

  private tableAt(range: RangeSelection): MemoryTable | undefined {
    return this.tableList.find(
      (table) =>
        table.sheet.toLowerCase() === range.sheet.toLowerCase() &&
        overlaps({ start: table.row, count: table.rowCount + 1 }, { start: range.row, count: range.rowCount ?? 1 }) &&
        overlaps(
          { start: table.col, count: table.headers.length },
          { start: range.col, count: range.columnCount ?? 1 },
        ),
    );
  }

  private info(table: MemoryTable): TableInfo {
    return {
      id: table.id,
      name: table.name,
      worksheet: table.sheet,
      headers: [...table.headers],
      rowCount: table.rowCount,
      origin: `${sheetReference(table.sheet)}!${columnLetters(table.col)}${table.row + 1}`,
    };
  }

  private describe(table: MemoryTable): MemoryTableInfo {
    return { ...this.info(table), row: table.row, col: table.col };
  }

  private address(range: RangeSelection): string {
    const end = { row: range.row + (range.rowCount ?? 1) - 1, col: range.col + (range.columnCount ?? 1) - 1 };
    return `${range.sheet}!${columnLetters(range.col)}${range.row + 1}:${columnLetters(end.col)}${end.row + 1}`;
  }

  private setCell(sheetName: string, row: number, col: number, cell: Partial<MemoryCell>): void {
    if (this.scaleStops.size > 0) this.scaleStops.clear();
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw officeError("ItemNotFound", `No sheet ${sheetName}`);
    while (sheet.columns.length <= col) sheet.columns.push(emptyColumn());
    const column = sheet.columns[col];
    column.values[row] = cell.value ?? "";
    // An attribute no cell of the column has yet is left absent (reads as undefined): a million-row table then holds
    // one array of values per column rather than six.
    if (cell.formula !== undefined || column.formulas[row] !== undefined) column.formulas[row] = cell.formula;
    if (cell.numberFormat !== undefined || column.numberFormats[row] !== undefined) {
      column.numberFormats[row] = cell.numberFormat;
    }
    if (cell.fill !== undefined || column.fills[row] !== undefined) column.fills[row] = cell.fill;
    if (cell.bold !== undefined || column.bolds[row] !== undefined) column.bolds[row] = cell.bold;
    if (cell.fontColor !== undefined || column.fontColors[row] !== undefined) column.fontColors[row] = cell.fontColor;
  }

  private moveCell(sheet: MemorySheet, row: number, from: number, to: number): void {
    while (sheet.columns.length <= Math.max(from, to)) sheet.columns.push(emptyColumn());
    const source = sheet.columns[from];
    const target = sheet.columns[to];
    target.values[row] = source.values[row] ?? "";
    target.formulas[row] = source.formulas[row];
    target.numberFormats[row] = source.numberFormats[row];
    target.fills[row] = source.fills[row];
    target.bolds[row] = source.bolds[row];
    target.fontColors[row] = source.fontColors[row];
  }

  /** Tables right of `col` on the table's rows move with the shifted cells; one straddling them would be cut. */
  private shiftNeighbours(table: MemoryTable, col: number, delta: number): void {
    const rows = { start: table.row, count: table.rowCount + 1 };
    for (const other of this.tableList) {
      if (other === table || other.sheet !== table.sheet || other.col < col) continue;
      const span = { start: other.row, count: other.rowCount + 1 };
      if (!overlaps(rows, span)) continue;
      if (span.start < rows.start || span.start + span.count > rows.start + rows.count) {
        throw officeError("InvalidOperation", `Inserting would cut table ${other.name}`);
      }
      other.col += delta;
    }
  }

  /** Range.conditionalFormats.clearAll() on one column range: rules inside it go (ours cover exactly one). */
  private clearConditionalFormats(sheet: MemorySheet, row: number, col: number, rowCount: number): void {
    sheet.conditionalFormats = sheet.conditionalFormats.filter(
      (rule) =>
        rule.col !== col || !overlaps({ start: rule.row, count: rule.rowCount }, { start: row, count: rowCount }),
    );
  }

  /** Conditional formats on the table's rows at or right of `col` move with their cells (deleted when `col` goes). */
  private shiftConditionalFormats(sheet: MemorySheet, table: MemoryTable, col: number, delta: number): void {
    const rows = { start: table.row, count: table.rowCount + 1 };
    sheet.conditionalFormats = sheet.conditionalFormats.flatMap((rule) => {
      if (rule.col < col || !overlaps(rows, { start: rule.row, count: rule.rowCount })) return [rule];
      if (delta < 0 && rule.col === col) return [];
      return [{ ...rule, col: rule.col + delta }];
    });
  }

  /** Excel's table column insert at the right: cells right of the table, on its rows, shift one column right. */
  private insertTableColumn(table: MemoryTable, header: string): void {
    const sheet = this.sheetOf(table);
    const col = table.col + table.headers.length;
    this.shiftNeighbours(table, col, 1);
    this.shiftConditionalFormats(sheet, table, col, 1);
    const last = sheet.columns.length - 1;
    if (last < col) {
      // Nothing right of the table: the new column is empty but for its header (an absent cell reads as "").
      this.setCell(sheet.name, table.row, col, { value: header });
      table.headers.push(header);
      return;
    }
    for (let r = table.row; r <= table.row + table.rowCount; r++) {
      for (let c = last; c >= col; c--) this.moveCell(sheet, r, c, c + 1);
      this.setCell(sheet.name, r, col, { value: r === table.row ? header : "" });
    }
    table.headers.push(header);
  }

  /** Excel's table column delete: cells right of it, on the table's rows, shift one column left. */
  private deleteTableColumn(table: MemoryTable, index: number): void {
    const sheet = this.sheetOf(table);
    const col = table.col + index;
    const last = sheet.columns.length - 1;
    for (let r = table.row; r <= table.row + table.rowCount; r++) {
      for (let c = col; c < last; c++) this.moveCell(sheet, r, c + 1, c);
      this.setCell(sheet.name, r, last, { value: "" });
    }
    this.shiftNeighbours(table, col + 1, -1);
    this.shiftConditionalFormats(sheet, table, col, -1);
    table.headers.splice(index, 1);
  }

  private dropSheet(name: string): void {
    const sheet = this.findSheet(name);
    if (!sheet) return;
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    for (let i = this.tableList.length - 1; i >= 0; i--) {
      if (this.tableList[i].sheet.toLowerCase() === name.toLowerCase()) this.tableList.splice(i, 1);
    }
    for (let i = this.chartList.length - 1; i >= 0; i--) {
      if (this.chartList[i].sheet.toLowerCase() === name.toLowerCase()) this.chartList.splice(i, 1);
    }
    if (this.selection?.sheet.toLowerCase() === name.toLowerCase()) this.selection = null;
  }

  private finishSheet(spec: OwnSheet): void {
    if (spec.tableName && spec.rows.length > 0) {
      this.tableList.push({
        id: `{T${this.nextTableId++}}`,
        name: spec.tableName,
        sheet: spec.name,
        row: 0,
        col: 0,
        headers: spec.rows[0].map(String),
        rowCount: spec.rows.length - 1,
      });
    }
    for (const block of spec.formats ?? []) {
      for (let r = block.row; r < block.row + (block.rowCount ?? 1); r++) {
        for (let c = block.col; c < block.col + (block.columnCount ?? 1); c++) {
          const cell = this.storedCell(spec.name, r, c);
          if (block.numberFormat !== undefined) cell.numberFormat = block.numberFormat;
          if (block.bold) cell.bold = true;
          if (block.fill) Object.assign(cell, sheetFill(block.fill));
          this.setCell(spec.name, r, c, cell);
        }
      }
    }
    if (spec.columnWidths) {
      const sheet = this.findSheet(spec.name);
      if (sheet) sheet.columnWidths = [...spec.columnWidths];
    }
    if (spec.colourScales && spec.colourScales.length > 0) {
      const sheet = this.findSheet(spec.name);
      if (sheet) sheet.colourScales = spec.colourScales.map((scale) => ({ ...scale }));
    }
    for (const chart of spec.charts ?? []) {
      const cells = (from: { row: number; col: number; count: number }, offset: number) =>
        Array.from({ length: from.count }, (_, i) => this.storedCell(spec.name, from.row + offset + i, from.col));
      const series = (from: ChartSeriesRange, type: SheetChart["type"]): MemoryChartSeries => ({
        name: String(this.storedCell(spec.name, from.row, from.col).value),
        type,
        values: cells(from, 1).map((cell) => cell.value),
      });
      const more = chart.moreValues ?? [];
      this.chartList.push({
        sheet: spec.name,
        title: chart.title,
        type: chart.type,
        categories: cells(chart.categories, 0).map((cell) => cell.value),
        values: cells(chart.values, 1).map((cell) => cell.value),
        fills: cells(chart.categories, 0).map((cell) => cell.fill ?? null),
        ...(more.length > 0
          ? {
              series: [
                series(chart.values, chart.type),
                ...more.map((extra) => series(extra, extra.type ?? chart.type)),
              ],
            }
          : {}),
        ...(chart.categoryAxisTitle ? { categoryAxisTitle: chart.categoryAxisTitle } : {}),
        ...(chart.valueAxisTitle ? { valueAxisTitle: chart.valueAxisTitle } : {}),
      });
    }
    if (spec.chart) {
      const data = spec.rows.slice(1);
      this.chartList.push({
        sheet: spec.name,
        title: spec.chart.title,
        type: spec.chart.type,
        categories: data.map((row) => row[0]),
        values: data.map((row) => row[spec.chart?.valueColumn ?? 1]),
      });
    }
  }
}

/** A table's user columns (everything but `ownHeaders`): headers, values, formulas, formats, fills, as JSON. */
export function snapshotUserColumns(workbook: MemoryWorkbook, tableId: string, ownHeaders: readonly string[]): string {
  const table = workbook.tables().find((candidate) => candidate.id === tableId);
  if (!table) throw new Error(`No table ${tableId}`);
  const columns = table.headers
    .map((header, c) => ({ header, c }))
    .filter(({ header }) => findHeader(ownHeaders, header) < 0)
    .map(({ header, c }) => ({
      header,
      cells: Array.from({ length: table.rowCount }, (_, r) =>
        workbook.getCell(table.worksheet, table.row + 1 + r, table.col + c),
      ),
    }));
  return JSON.stringify({ name: table.name, sheet: table.worksheet, row: table.row, col: table.col, columns });
}
