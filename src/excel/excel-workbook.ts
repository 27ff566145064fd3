/**
 * CustomerWorkbook on the Excel JavaScript API. Every batch goes through runExcel; writes follow the chunk
 * plan (values, then number formats, then fills), with calculation suspended for each chunk.
 *
 * Needs ExcelApi 1.9 (Range.getTables, suspendScreenUpdatingUntilNextSync; 1.6 conditional formats and
 * suspendApiCalculationUntilNextSync; 1.4 settings and *OrNullObject), declared in manifest.xml: every Excel with
 * the shared runtime the add-in requires (Microsoft 365 2002+, Excel 2021/2024, Mac 16.35+, the web) has it, so
 * there is no code path for older sets.
 */
import type { MessageKey, MessageParams } from "../i18n";
import { fontColourOn } from "./colour-rules";
import { planColumnWritesSliced, planRowChunks, estimateValueBytes, ROW_OVERHEAD_BYTES, fillRuns } from "./chunk-plan";
import { recipeSettingKey, recipesFromSettings } from "./recipes";
import { fail, globalExcelRunner, runExcel, throwIfCancelled, toFailure, type ExcelRunner } from "./run";
import { columnWriteSteps, findHeader, resolveColumnTargetsSliced } from "./write-rules";
import type {
  CellValue,
  CustomerWorkbook,
  HostInfo,
  OwnColumn,
  OwnSheet,
  ReadOptions,
  SheetChart,
  StoredRecipe,
  TableInfo,
  WorkbookResult,
  WriteOptions,
} from "./workbook";

/** The parts of Office.context we read. */
export interface OfficeContextLike {
  displayLanguage?: string;
  officeTheme?: { bodyBackgroundColor?: string };
}

export interface ExcelWorkbookOptions {
  /** Excel.run; defaults to the global one. */
  run?: ExcelRunner;
  /** Office.context; defaults to the global one. */
  office?: OfficeContextLike | null;
  /** Rows per read block (default 20,000), further capped so a block stays under MAX_READ_CELLS. */
  readBlockRows?: number;
  maxRequestBytes?: number;
}

/** A read block's response must stay under the 5 MB limit too: 100,000 cells at ~25 B is ~2.5 MB. */
export const MAX_READ_CELLS = 100_000;

/** WCAG relative luminance of "#RRGGBB"; a background below 0.5 is a dark Office theme. */
export function themeFromBackground(color: string | undefined): "light" | "dark" {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? "");
  if (!match) return "light";
  const channel = (hex: string) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(match[1]) + 0.7152 * channel(match[2]) + 0.0722 * channel(match[3]);
  return luminance < 0.5 ? "dark" : "light";
}

function globalOfficeContext(): OfficeContextLike | null {
  const office = (globalThis as { Office?: { context?: OfficeContextLike } }).Office;
  return office?.context ?? null;
}

/**
 * Sets one value on every cell of a range (Excel's "single input copy": a non-array value is applied to
 * the whole range), so a million-row column's number format is one small action, not a million strings.
 */
function setWholeRange(range: Excel.Range, property: "numberFormat", value: string): void {
  (range as unknown as Record<typeof property, string>)[property] = value;
}

/** "Data!B3:H40" → "Data!B3". A sheet name cannot contain ":", so the first one ends the top-left cell. */
export function topLeftCell(address: string): string {
  const colon = address.indexOf(":");
  return colon < 0 ? address : address.slice(0, colon);
}

/** Consecutive column indexes grouped, so adjacent columns are written as one rectangular range. */
function contiguousGroups(indexes: readonly number[]): { first: number; members: number[] }[] {
  const order = indexes.map((index, member) => ({ index, member })).sort((a, b) => a.index - b.index);
  const groups: { first: number; members: number[] }[] = [];
  for (const { index, member } of order) {
    const last = groups[groups.length - 1];
    if (last && last.first + last.members.length === index) last.members.push(member);
    else groups.push({ first: index, members: [member] });
  }
  return groups;
}

export class ExcelWorkbook implements CustomerWorkbook {
  private readonly runner: ExcelRunner;
  private readonly office: OfficeContextLike | null;

  constructor(private readonly options: ExcelWorkbookOptions = {}) {
    this.runner = options.run ?? ((batch) => globalExcelRunner()(batch));
    this.office = options.office === undefined ? globalOfficeContext() : options.office;
  }

  host(): HostInfo {
    let background: string | undefined;
    try {
      background = this.office?.officeTheme?.bodyBackgroundColor;
    } catch {
      background = undefined; // officeTheme throws on hosts that do not expose it
    }
    return { theme: themeFromBackground(background), displayLanguage: this.office?.displayLanguage ?? "en-US" };
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>, params?: MessageParams) {
    return runExcel(batch, { runner: this.runner, params });
  }

  async getActiveTable(): Promise<WorkbookResult<TableInfo | null>> {
    return this.run(async (context) => {
      const table = await this.tableUnderSelection(context);
      return table ? this.describe(context, table) : null;
    });
  }

  async getTable(name: string): Promise<WorkbookResult<TableInfo | null>> {
    return this.run(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(name).load("isNullObject");
      await context.sync();
      return table.isNullObject ? null : this.describe(context, table);
    });
  }

  async getActiveSheet(): Promise<WorkbookResult<string>> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return sheet.name;
    });
  }

  async selectRange(sheet: string, address: string): Promise<WorkbookResult<void>> {
    return this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  }

  async createTableFromSelection(): Promise<WorkbookResult<TableInfo>> {
    return this.run(async (context) => {
      const existing = await this.tableUnderSelection(context);
      if (existing) return fail("selectionInTable", "excel.error.selectionInTable", { table: existing.name });
      const range = context.workbook.getSelectedRange().load("address, rowCount");
      await context.sync();
      if (range.rowCount < 2) {
        return fail("selectionTooSmall", "excel.error.selectionTooSmall", { address: range.address });
      }
      const table = context.workbook.tables.add(range, true);
      table.load("id, name");
      await context.sync();
      return this.describe(context, table);
    });
  }

  onSelectionChanged(listener: () => void): () => void {
    let registration: OfficeExtension.EventHandlerResult<Excel.SelectionChangedEventArgs> | null = null;
    let stopped = false;
    const remove = () => {
      const current = registration;
      registration = null;
      if (!current) return;
      current.remove();
      void current.context.sync().catch(() => undefined); // the document may already be closed
    };
    void this.run(async (context) => {
      registration = context.workbook.onSelectionChanged.add(async () => {
        if (!stopped) listener();
      });
      await context.sync();
      if (stopped) remove();
    });
    return () => {
      stopped = true;
      remove();
    };
  }

  async readTable(
    tableId: string,
    options: ReadOptions = {},
  ): Promise<WorkbookResult<{ headers: string[]; rows: CellValue[][] }>> {
    let tableName = tableId;
    const result = await this.run(
      async (context) => {
        const table = context.workbook.tables.getItem(tableId).load("name");
        const header = table.getHeaderRowRange().load("values");
        const body = table.getDataBodyRange().load("rowCount, columnCount");
        await context.sync();
        tableName = table.name;
        const headers = (header.values[0] as CellValue[]).map((value) => String(value));
        const columns = Math.max(1, body.columnCount);
        let blockRows = Math.max(
          1,
          Math.min(this.options.readBlockRows ?? 20_000, Math.floor(MAX_READ_CELLS / columns)),
        );
        const rows: CellValue[][] = [];
        while (rows.length < body.rowCount) {
          throwIfCancelled(options.signal);
          const count = Math.min(blockRows, body.rowCount - rows.length);
          const block = body
            .getCell(rows.length, 0)
            .getResizedRange(count - 1, columns - 1)
            .load("values");
          try {
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block is the point
            await context.sync();
          } catch (error) {
            // A block of long texts can still exceed the response limit: halve it and retry.
            if (toFailure(error).key === "excel.error.tooLarge" && count > 1) {
              blockRows = Math.ceil(count / 2);
              continue;
            }
            throw error;
          }
          for (const row of block.values as CellValue[][]) rows.push(row);
          options.onProgress?.({ step: "excel.progress.reading", done: rows.length, total: body.rowCount });
        }
        return { headers, rows };
      },
      { table: tableId },
    );
    return this.named(result, tableName);
  }

  async writeColumns(
    tableId: string,
    columns: OwnColumn[],
    options: WriteOptions = {},
  ): Promise<WorkbookResult<{ written: string[] }>> {
    let tableName = tableId;
    const written: string[] = [];
    const result = await this.run(
      async (context) => {
        const table = context.workbook.tables.getItem(tableId).load("name");
        const header = table.getHeaderRowRange().load("values");
        const body = table.getDataBodyRange().load("rowCount");
        await context.sync();
        tableName = table.name;
        const headers = (header.values[0] as CellValue[]).map((value) => String(value));
        const targets = await resolveColumnTargetsSliced(
          { name: table.name, headers, rowCount: body.rowCount },
          columns,
        );
        // Colour rules where the fills follow the values (conditional formats, ExcelApi 1.6), fill runs otherwise.
        // Planned in slices with pauses: on a million rows the plan takes a few hundred ms of the pane's thread.
        const plan = await planColumnWritesSliced(columns, {
          maxRequestBytes: this.options.maxRequestBytes,
          conditionalFormats: true,
        });
        const { added, replaced, formats, total } = columnWriteSteps(targets, plan);
        let done = 0;
        const send = async (step: MessageKey) => {
          context.application.suspendApiCalculationUntilNextSync();
          await context.sync();
          options.onProgress?.({ step, done: ++done, total });
        };

        throwIfCancelled(options.signal);
        context.application.suspendScreenUpdatingUntilNextSync();
        if (added.length > 0) {
          for (const target of added) table.columns.add(undefined, undefined, target.column.header);
          await send("excel.progress.addingColumns");
          written.push(...added.map((target) => target.column.header));
        }
        const all = [...headers, ...added.map((target) => target.column.header)];
        const indexes = targets.map((target) => findHeader(all, target.column.header));
        const groups = contiguousGroups(indexes);
        const dataBody = table.getDataBodyRange();

        for (const chunk of plan.values) {
          throwIfCancelled(options.signal);
          for (const group of groups) {
            const values: CellValue[][] = new Array(chunk.rowCount);
            for (let r = 0; r < chunk.rowCount; r++) {
              values[r] = group.members.map((member) => targets[member].column.values[chunk.startRow + r]);
            }
            dataBody
              .getCell(chunk.startRow, group.first)
              .getResizedRange(chunk.rowCount - 1, group.members.length - 1).values = values;
          }
          await send("excel.progress.writingValues");
          for (const target of replaced)
            if (!written.includes(target.column.header)) written.push(target.column.header);
        }

        if (formats && body.rowCount > 0) {
          throwIfCancelled(options.signal);
          targets.forEach((target, member) => {
            const column = dataBody.getColumn(indexes[member]);
            if (target.existingIndex !== null) {
              // Our previous fills and their font colours (a white text left on a cell that is no longer filled
              // would be invisible); the number format is set again just below.
              column.clear("Formats");
              // Our previous colour rules: without this a refresh would stack a new set on the old one.
              column.conditionalFormats.clearAll();
            }
            setWholeRange(column, "numberFormat", target.column.numberFormat ?? "General");
          });
          await send("excel.progress.writingFormats");
        }

        for (const request of plan.fills) {
          throwIfCancelled(options.signal);
          for (const run of request.runs) {
            const range = dataBody.getCell(run.startRow, indexes[run.column]).getResizedRange(run.rowCount - 1, 0);
            range.format.fill.color = run.color;
            range.format.font.color = fontColourOn(run.color);
          }
          await send("excel.progress.writingFills");
        }

        for (const request of plan.colourRules) {
          throwIfCancelled(options.signal);
          for (const { column, rule } of request.rules) {
            const format = dataBody.getColumn(indexes[column]).conditionalFormats.add("CellValue");
            format.cellValue.format.fill.color = rule.color;
            format.cellValue.format.font.color = rule.fontColor;
            format.cellValue.rule = { formula1: rule.formula, operator: "EqualTo" };
          }
          await send("excel.progress.writingFills");
        }
        return { written: columns.map((column) => column.header) };
      },
      { table: tableId },
    );
    if (result.ok) return result;
    return this.named({ ok: false, error: { ...result.error, written } }, tableName);
  }

  async removeColumns(tableId: string, headers: string[]): Promise<WorkbookResult<void>> {
    let tableName = tableId;
    const result = await this.run(
      async (context) => {
        const table = context.workbook.tables.getItem(tableId).load("name");
        const header = table.getHeaderRowRange().load("values");
        await context.sync();
        tableName = table.name;
        const existing = (header.values[0] as CellValue[]).map((value) => String(value));
        const indexes = [...new Set(headers.map((name) => findHeader(existing, name)).filter((index) => index >= 0))];
        if (indexes.length === 0) return;
        // Highest index first, so the indexes still to delete do not move.
        for (const index of indexes.sort((a, b) => b - a)) table.columns.getItemAt(index).delete();
        await context.sync();
      },
      { table: tableId },
    );
    return this.named(result, tableName);
  }

  async listSheets(): Promise<WorkbookResult<string[]>> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      return sheets.items.map((sheet) => sheet.name);
    });
  }

  async writeSheet(sheet: OwnSheet, options: WriteOptions = {}): Promise<WorkbookResult<void>> {
    return this.run(async (context) => {
      const old = context.workbook.worksheets.getItemOrNullObject(sheet.name).load("isNullObject, name");
      const clash = sheet.tableName ? context.workbook.tables.getItemOrNullObject(sheet.tableName) : null;
      const clashSheet = clash?.load("isNullObject, name").worksheet.load("name");
      await context.sync();
      if (!old.isNullObject && sheet.replaceExisting !== true) {
        fail("nameTaken", "excel.error.sheetNameTaken", { name: old.name });
      }
      if (clash && !clash.isNullObject && clashSheet && clashSheet.name.toLowerCase() !== sheet.name.toLowerCase()) {
        fail("tableNameTaken", "excel.error.tableNameTaken", { name: clash.name });
      }
      const chunks = planRowChunks(
        sheet.rows.length,
        (r) => sheet.rows[r].reduce<number>((sum, value) => sum + estimateValueBytes(value), ROW_OVERHEAD_BYTES),
        { maxRequestBytes: this.options.maxRequestBytes },
      );
      const width = sheet.rows[0]?.length ?? 0;
      const total = chunks.length + 2;
      let done = 0;
      const step: MessageKey = "excel.progress.writingSheet";
      const send = async () => {
        await context.sync();
        options.onProgress?.({ step, done: ++done, total });
      };
      throwIfCancelled(options.signal);
      if (!old.isNullObject) old.delete();
      const worksheet = context.workbook.worksheets.add(sheet.name);
      await send();
      for (const chunk of chunks) {
        throwIfCancelled(options.signal);
        context.application.suspendApiCalculationUntilNextSync();
        worksheet.getCell(chunk.startRow, 0).getResizedRange(chunk.rowCount - 1, width - 1).values = sheet.rows.slice(
          chunk.startRow,
          chunk.startRow + chunk.rowCount,
        );
        await send();
      }
      const dataRows = sheet.rows.length - 1;
      if (dataRows > 0) {
        sheet.numberFormats?.forEach((format, c) => {
          if (format !== undefined)
            setWholeRange(worksheet.getCell(1, c).getResizedRange(dataRows - 1, 0), "numberFormat", format);
        });
        for (const run of fillRuns(sheet.fills ?? [], 0)) {
          const range = worksheet.getCell(1 + run.startRow, 0).getResizedRange(run.rowCount - 1, 0);
          range.format.fill.color = run.color;
          range.format.font.color = fontColourOn(run.color);
        }
      }
      if (width > 0 && sheet.rows.length > 0) {
        const whole = worksheet.getCell(0, 0).getResizedRange(sheet.rows.length - 1, width - 1);
        if (sheet.tableName) worksheet.tables.add(whole, true).name = sheet.tableName;
        if (sheet.chart && dataRows > 0) {
          const values = worksheet.getCell(0, sheet.chart.valueColumn).getResizedRange(dataRows, 0);
          const chart = worksheet.charts.add(sheet.chart.type === "pie" ? "Pie" : "BarClustered", values, "Columns");
          chart.title.text = sheet.chart.title;
          chart.series.getItemAt(0).setXAxisValues(worksheet.getCell(1, 0).getResizedRange(dataRows - 1, 0));
          chart.setPosition(worksheet.getCell(1, width + 1));
        }
        whole.format.autofitColumns();
        sheet.columnWidths?.forEach((points, c) => {
          if (points !== undefined) worksheet.getCell(0, c).format.columnWidth = points;
        });
      }
      for (const block of sheet.formats ?? []) {
        const range = worksheet
          .getCell(block.row, block.col)
          .getResizedRange((block.rowCount ?? 1) - 1, (block.columnCount ?? 1) - 1);
        if (block.numberFormat !== undefined) setWholeRange(range, "numberFormat", block.numberFormat);
        if (block.bold) range.format.font.bold = true;
        if (block.fill) {
          range.format.fill.color = block.fill;
          range.format.font.color = fontColourOn(block.fill);
        }
      }
      // Heat maps: Excel's colour-scale conditional format (ConditionalFormatType.colorScale, ExcelApi 1.6).
      for (const scale of sheet.colourScales ?? []) {
        if (scale.rowCount < 1 || scale.columnCount < 1) continue;
        const range = worksheet
          .getCell(scale.row, scale.col)
          .getResizedRange(scale.rowCount - 1, scale.columnCount - 1);
        const format = range.conditionalFormats.add("ColorScale");
        format.colorScale.criteria = {
          minimum: { type: "LowestValue", color: scale.minimum },
          ...(scale.midpoint ? { midpoint: { formula: "50", type: "Percentile", color: scale.midpoint } } : {}),
          maximum: { type: "HighestValue", color: scale.maximum },
        };
      }
      for (const spec of sheet.charts ?? []) addSheetChart(worksheet, sheet.rows, spec);
      await send();
    });
  }

  async deleteSheet(name: string): Promise<WorkbookResult<void>> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name).load("isNullObject");
      await context.sync();
      if (sheet.isNullObject) return;
      sheet.delete();
      await context.sync();
    });
  }

  async readRecipes(): Promise<WorkbookResult<StoredRecipe[]>> {
    return this.run(async (context) => {
      const settings = context.workbook.settings.load("items/key, items/value");
      await context.sync();
      return recipesFromSettings(settings.items.map((setting) => [setting.key, setting.value as unknown] as const));
    });
  }

  async writeRecipe(recipe: StoredRecipe): Promise<WorkbookResult<void>> {
    return this.run(async (context) => {
      context.workbook.settings.add(recipeSettingKey(recipe.key), recipe.json);
      await context.sync();
    });
  }

  async deleteRecipe(key: string): Promise<WorkbookResult<void>> {
    return this.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(recipeSettingKey(key)).load("isNullObject");
      await context.sync();
      if (setting.isNullObject) return;
      setting.delete();
      await context.sync();
    });
  }

  // ---- internals ----

  /** The first table overlapping the selection. */
  private async tableUnderSelection(context: Excel.RequestContext): Promise<Excel.Table | null> {
    const tables = context.workbook.getSelectedRange().getTables(false).load("items/id, items/name");
    await context.sync();
    return tables.items[0] ?? null;
  }

  private async describe(context: Excel.RequestContext, table: Excel.Table): Promise<TableInfo> {
    table.load("id, name");
    const header = table.getHeaderRowRange().load("values");
    const body = table.getDataBodyRange().load("rowCount");
    const worksheet = table.worksheet.load("name");
    const whole = table.getRange().load("address");
    await context.sync();
    return {
      id: table.id,
      name: table.name,
      worksheet: worksheet.name,
      headers: (header.values[0] as CellValue[]).map((value) => String(value)),
      rowCount: body.rowCount,
      origin: topLeftCell(whole.address),
    };
  }

  /** Messages name the table as the user knows it, not by its id. */
  private named<T>(result: WorkbookResult<T>, tableName: string): WorkbookResult<T> {
    if (result.ok) return result;
    return { ok: false, error: { ...result.error, params: { ...result.error.params, table: tableName } } };
  }
}

const CHART_TYPES: Record<SheetChart["type"], "BarClustered" | "Pie" | "Line" | "ColumnClustered"> = {
  bar: "BarClustered",
  pie: "Pie",
  line: "Line",
  column: "ColumnClustered",
};

/**
 * Adds one native chart over cells already queued on the sheet. The first series comes from its header cell and
 * values (Excel names it from the header); further series are added by name with their values and the same
 * categories (ChartSeriesCollection.add, setValues, setXAxisValues and ChartSeries.chartType: ExcelApi 1.7).
 */
function addSheetChart(worksheet: Excel.Worksheet, rows: readonly CellValue[][], spec: SheetChart): void {
  if (spec.values.count < 1 || spec.categories.count < 1) return;
  const column = (from: { row: number; col: number }, count: number) =>
    worksheet.getCell(from.row, from.col).getResizedRange(count - 1, 0);
  const categories = column(spec.categories, spec.categories.count);
  const chart = worksheet.charts.add(CHART_TYPES[spec.type], column(spec.values, spec.values.count + 1), "Columns");
  chart.title.text = spec.title;
  chart.series.getItemAt(0).setXAxisValues(categories);
  const more = (spec.moreValues ?? []).filter((series) => series.count > 0);
  for (const extra of more) {
    const series = chart.series.add(String(rows[extra.row]?.[extra.col] ?? ""));
    series.setValues(column({ row: extra.row + 1, col: extra.col }, extra.count));
    series.setXAxisValues(categories);
    if (extra.type) series.chartType = CHART_TYPES[extra.type];
  }
  chart.legend.visible = more.length > 0;
  if (spec.categoryAxisTitle) chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
  if (spec.valueAxisTitle) chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  const anchor = worksheet.getCell(spec.anchor.row, spec.anchor.col);
  if (spec.extent) {
    chart.setPosition(
      anchor,
      worksheet.getCell(spec.anchor.row + spec.extent.rows - 1, spec.anchor.col + spec.extent.columns - 1),
    );
  } else {
    chart.setPosition(anchor);
  }
}
