/**
 * Wraps the in-memory workbook handed to the task pane and keeps the workbench grid's view of every sheet
 * up to date. It only uses the CustomerWorkbook interface: after each write it reads the table back, and it
 * remembers the fills and number formats the pane asked for (the interface does not read them back).
 * The pane talks to this object exactly as it talks to Excel.
 */
import type {
  CellValue,
  CustomerWorkbook,
  HostInfo,
  OwnColumn,
  OwnSheet,
  ReadOptions,
  StoredRecipe,
  TableInfo,
  WorkbookResult,
  WriteOptions,
} from "../excel/workbook";
import type { SheetView } from "./sheet-view";

/** A table the workbook starts with, as the workbench loaded it. */
export interface InitialTable {
  id: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  numberFormats: (string | undefined)[];
}

interface ColumnLook {
  numberFormat?: string;
  fills?: (string | null)[];
}

interface TableState {
  id: string;
  sheet: string;
  baseFormats: Map<string, string | undefined>;
  own: Map<string, ColumnLook>;
}

export class ObservedWorkbook implements CustomerWorkbook {
  private readonly tables = new Map<string, TableState>();
  private readonly views = new Map<string, SheetView>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly inner: CustomerWorkbook,
    initial: readonly InitialTable[],
  ) {
    for (const table of initial) {
      const baseFormats = new Map(table.headers.map((header, i) => [header, table.numberFormats[i]] as const));
      this.tables.set(table.id, { id: table.id, sheet: table.sheet, baseFormats, own: new Map() });
      this.views.set(table.sheet, {
        name: table.sheet,
        headers: [...table.headers],
        rows: table.rows.map((row) => [...row]),
        numberFormats: [...table.numberFormats],
        fills: [],
        ownColumns: [],
      });
    }
  }

  /** Every sheet, data sheets first, in the order they were added. */
  sheets(): SheetView[] {
    return [...this.views.values()];
  }

  /** Calls back after any change the pane made; returns the function that stops listening. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private async refreshTable(tableId: string): Promise<void> {
    const table = this.tables.get(tableId);
    if (!table) return;
    const read = await this.inner.readTable(tableId);
    if (!read.ok) return;
    const { headers, rows } = read.value;
    const ownColumns: number[] = [];
    const fills: ((string | null)[] | undefined)[] = [];
    const numberFormats = headers.map((header, i) => {
      const own = table.own.get(header);
      if (own) {
        ownColumns.push(i);
        fills[i] = own.fills;
        return own.numberFormat;
      }
      return table.baseFormats.get(header);
    });
    this.views.set(table.sheet, { name: table.sheet, headers, rows, numberFormats, fills, ownColumns });
    this.changed();
  }

  private async learnTable(result: WorkbookResult<TableInfo | null>): Promise<void> {
    if (!result.ok || !result.value || this.tables.has(result.value.id)) return;
    const info = result.value;
    this.tables.set(info.id, { id: info.id, sheet: info.worksheet, baseFormats: new Map(), own: new Map() });
    await this.refreshTable(info.id);
  }

  host(): HostInfo {
    return this.inner.host();
  }

  async getActiveTable(): Promise<WorkbookResult<TableInfo | null>> {
    const result = await this.inner.getActiveTable();
    await this.learnTable(result);
    return result;
  }

  async createTableFromSelection(): Promise<WorkbookResult<TableInfo>> {
    const result = await this.inner.createTableFromSelection();
    await this.learnTable(result);
    return result;
  }

  onSelectionChanged(listener: () => void): () => void {
    return this.inner.onSelectionChanged(listener);
  }

  readTable(
    tableId: string,
    options?: ReadOptions,
  ): Promise<WorkbookResult<{ headers: string[]; rows: CellValue[][] }>> {
    return this.inner.readTable(tableId, options);
  }

  async writeColumns(
    tableId: string,
    columns: OwnColumn[],
    options?: WriteOptions,
  ): Promise<WorkbookResult<{ written: string[] }>> {
    const result = await this.inner.writeColumns(tableId, columns, options);
    const table = this.tables.get(tableId);
    if (table) {
      const written = new Set(result.ok ? result.value.written : (result.error.written ?? []));
      for (const column of columns) {
        if (written.has(column.header)) {
          table.own.set(column.header, { numberFormat: column.numberFormat, fills: column.fills });
        }
      }
      await this.refreshTable(tableId);
    }
    return result;
  }

  async removeColumns(tableId: string, headers: string[]): Promise<WorkbookResult<void>> {
    const result = await this.inner.removeColumns(tableId, headers);
    const table = this.tables.get(tableId);
    if (table) {
      if (result.ok) for (const header of headers) table.own.delete(header);
      await this.refreshTable(tableId);
    }
    return result;
  }

  async writeSheet(sheet: OwnSheet, options?: WriteOptions): Promise<WorkbookResult<void>> {
    const result = await this.inner.writeSheet(sheet, options);
    if (result.ok) {
      const [headerRow = [], ...rows] = sheet.rows;
      this.views.set(sheet.name, {
        name: sheet.name,
        headers: headerRow.map(String),
        rows: rows.map((row) => [...row]),
        numberFormats: sheet.numberFormats ?? [],
        fills: sheet.fills ? [sheet.fills] : [],
        ownColumns: headerRow.map((_, i) => i),
        chart: sheet.chart,
      });
      this.changed();
    }
    return result;
  }

  async deleteSheet(name: string): Promise<WorkbookResult<void>> {
    const result = await this.inner.deleteSheet(name);
    if (result.ok && this.views.delete(name)) this.changed();
    return result;
  }

  readRecipes(): Promise<WorkbookResult<StoredRecipe[]>> {
    return this.inner.readRecipes();
  }

  writeRecipe(recipe: StoredRecipe): Promise<WorkbookResult<void>> {
    return this.inner.writeRecipe(recipe);
  }

  deleteRecipe(key: string): Promise<WorkbookResult<void>> {
    return this.inner.deleteRecipe(key);
  }
}
