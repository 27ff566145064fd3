/**
 * A fake Excel for ExcelWorkbook tests, built from office-addin-mock's OfficeMockObject: the workbook,
 * tables and ranges are mock objects (so an unloaded or unsynced property reads as the mock's error
 * string), and context.sync() applies the queued writes to a small backing table and records each
 * request. One table ("Clients", id "{T1}") sits at A1 of sheet "Data".
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue } from "../../src/excel/workbook";
import type { ExcelRunner } from "../../src/excel/run";

export interface SyncRecord {
  calculationSuspended: boolean;
  screenSuspended: boolean;
  /** Rectangles written: [firstRow, firstColumn, rows, columns] in data-body coordinates. */
  values: [number, number, number, number][];
  numberFormats: { column: number; format: string }[];
  fills: { row: number; column: number; rows: number; color: string }[];
  /** Font colours set, like fills. */
  fontColors: { row: number; column: number; rows: number; color: string }[];
  fillClears: number[];
  /** Columns whose formats were cleared (Range.clear("Formats"): fill, font, number format). */
  formatClears: number[];
  /** Conditional formats added: the range's address, type, rule, fill and font colour, as set before the sync. */
  conditionalFormats: {
    address: string;
    type: string;
    formula1: unknown;
    operator: unknown;
    color: unknown;
    fontColor: unknown;
    /** A colour scale's criteria (minimum, midpoint, maximum). */
    criteria?: unknown;
  }[];
  /** Addresses of the ranges whose conditional formats were cleared. */
  conditionalFormatClears: string[];
  operations: string[];
}

/** A conditional format in the fake workbook: a data-body column range and its rule. */
export interface FakeConditionalFormat {
  column: number;
  row: number;
  rows: number;
  formula1: string;
  color: string;
  fontColor?: string;
}

export interface FakeState {
  headers: string[];
  /** Data body, row-major. */
  cells: CellValue[][];
  numberFormats: Map<number, string>;
  /** "row,column" → colour. */
  fills: Map<string, string>;
  /** "row,column" → font colour, as set by the add-in (absent: Excel's automatic colour). */
  fontColors: Map<string, string>;
  settings: Map<string, unknown>;
  conditionalFormats: FakeConditionalFormat[];
  /** The workbook's sheets in tab order ("Data" holds the table); cells of the other sheets, row-major. */
  sheets: { name: string; cells: CellValue[][]; fills: Map<string, string>; fontColors: Map<string, string> }[];
  /** Charts added to sheets, with the addresses of the ranges their series were given. */
  charts: FakeChart[];
  /** Column widths set on other sheets, by "Sheet!column" (0-based column), in points. */
  columnWidths: Map<string, number>;
  syncs: SyncRecord[];
}

/** A chart as ExcelWorkbook built it (ranges by address, e.g. "Model!B3:B12"). */
export interface FakeChart {
  sheet: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  /** Series after the first (the first comes from `source`). */
  added: { name: string; values?: string; xValues?: string; chartType?: string }[];
  /** X-axis values of each series, the first included, by series index. */
  xValues: Record<number, string>;
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
  position: string[];
}

export function officeError(code: string): Error {
  const error = new Error(`The operation failed (${code}).`) as Error & { code: string; debugInfo: object };
  error.name = "RichApi.Error";
  error.code = code;
  error.debugInfo = { code, message: error.message, errorLocation: "Range.values", statement: "range.values = ..." };
  return error;
}

interface RangeBox {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

type MockRange = OfficeMockObject & {
  values?: unknown;
  numberFormat?: unknown;
  format: OfficeMockObject & {
    fill: OfficeMockObject & { color?: unknown };
    font: OfficeMockObject & { color?: unknown };
  };
};

export interface FakeExcelOptions {
  headers: string[];
  rows: CellValue[][];
  backgroundColor?: string;
  displayLanguage?: string;
  /** Where the table's header row starts on sheet "Data", 0-based (default A1). */
  origin?: { row: number; col: number };
  /** More sheets besides "Data", as a user made them: name and cells. */
  sheets?: { name: string; cells: CellValue[][] }[];
}

export class FakeExcel {
  readonly state: FakeState;
  private failAt: { sync: number; code: string } | null = null;
  private created: { box: RangeBox; mock: MockRange; original: unknown; sheet?: string }[] = [];
  private queued: (() => void)[] = [];
  private loads: (() => void)[] = [];
  private mocks: OfficeMockObject[] = [];
  private calculationSuspended = false;
  private screenSuspended = false;
  private readonly excelMock: OfficeMockObject & { run: ExcelRunner };
  readonly office;
  private readonly origin: { row: number; col: number };

  constructor(options: FakeExcelOptions) {
    this.origin = options.origin ?? { row: 0, col: 0 };
    this.state = {
      headers: [...options.headers],
      cells: options.rows.map((row) => [...row]),
      numberFormats: new Map(),
      fills: new Map(),
      fontColors: new Map(),
      settings: new Map(),
      conditionalFormats: [],
      sheets: [{ name: "Data", cells: [] }, ...(options.sheets ?? [])].map((sheet) => ({
        name: sheet.name,
        cells: sheet.cells.map((row) => [...row]),
        fills: new Map<string, string>(),
        fontColors: new Map<string, string>(),
      })),
      charts: [],
      columnWidths: new Map(),
      syncs: [],
    };
    this.office = {
      displayLanguage: options.displayLanguage ?? "en-US",
      officeTheme: { bodyBackgroundColor: options.backgroundColor ?? "#FFFFFF" },
    };
    const fake = this;
    this.excelMock = new OfficeMockObject({
      run: async function <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
        return batch(fake.context() as unknown as Excel.RequestContext);
      },
    }) as OfficeMockObject & { run: ExcelRunner };
  }

  /** Excel.run, as ExcelWorkbook receives it. */
  get run(): ExcelRunner {
    return (batch) => this.excelMock.run(batch);
  }

  /** The nth sync from now (1-based) fails with this OfficeExtension error code; nothing queued is applied. */
  failOnSync(nth: number, code = "GeneralException"): void {
    this.failAt = { sync: this.state.syncs.length + nth, code };
  }

  private track<T extends OfficeMockObject>(mock: T): T {
    this.mocks.push(mock);
    return mock;
  }

  private context(): OfficeMockObject {
    const fake = this;
    return new OfficeMockObject({
      workbook: {
        tables: {
          getItem: (id: string) => fake.table(id),
          getItemOrNullObject: (name: string) =>
            fake.track(new OfficeMockObject({ isNullObject: name !== "Clients", name })),
        },
        getSelectedRange: () =>
          Object.assign(fake.range({ row: 0, col: 0, rows: 1, cols: 1 }), {
            getTables: () => fake.collection(() => [fake.table("{T1}")]),
          }),
        settings: fake.settings(),
        worksheets: fake.worksheets(),
        onSelectionChanged: {
          add: () => ({ remove: () => undefined, context: { sync: async () => undefined } }),
        },
      },
      application: {
        suspendApiCalculationUntilNextSync: () => {
          fake.calculationSuspended = true;
        },
        suspendScreenUpdatingUntilNextSync: () => {
          fake.screenSuspended = true;
        },
      },
      sync: async () => fake.sync(),
    });
  }

  /** A collection whose load("items/a, items/b") loads those properties of each item at the next sync. */
  private collection(items: () => OfficeMockObject[]) {
    const collection: { items: unknown; load: (properties: string) => typeof collection } = {
      items: "Error, property was not loaded",
      load: (properties: string) => {
        const names = properties
          .split(",")
          .map((name) => name.trim())
          .filter((name) => name.startsWith("items/"))
          .map((name) => name.slice("items/".length));
        this.loads.push(() => {
          collection.items = items().map((item) => item.load(names));
        });
        return collection;
      },
    };
    return collection;
  }

  private findSheet(name: string) {
    return this.state.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  }

  private worksheets() {
    const worksheets = this.collection(() =>
      this.state.sheets.map((sheet) => this.track(new OfficeMockObject({ name: sheet.name }))),
    );
    return Object.assign(worksheets, {
      getItemOrNullObject: (name: string) => {
        const existing = this.findSheet(name);
        return this.track(
          new OfficeMockObject({
            isNullObject: existing === undefined,
            name: existing?.name ?? name,
            delete: () => {
              this.current().operations.push(`deleteSheet ${name}`);
              this.queued.push(() => {
                const sheet = this.findSheet(name);
                if (sheet) this.state.sheets.splice(this.state.sheets.indexOf(sheet), 1);
              });
            },
          }),
        );
      },
      add: (name: string) => {
        this.current().operations.push(`addSheet ${name}`);
        this.queued.push(() => {
          if (this.findSheet(name)) throw officeError("ItemAlreadyExists");
          this.state.sheets.push({ name, cells: [], fills: new Map(), fontColors: new Map() });
        });
        return this.worksheet(name);
      },
    });
  }

  /** A sheet written through Worksheet.getCell(...): values and fills land in state.sheets. */
  private worksheet(name: string) {
    const fake = this;
    return {
      getCell: (r: number, c: number) => fake.range({ row: r, col: c, rows: 1, cols: 1 }, name),
      tables: {
        add: () => {
          fake.current().operations.push(`addTable ${name}`);
          return {};
        },
      },
      charts: {
        add: (type: string, source: MockRange, seriesBy: string) => {
          fake.current().operations.push(`addChart ${name}`);
          const chart: FakeChart = {
            sheet: name,
            type,
            source: fake.addressOf(source),
            seriesBy,
            title: "",
            legendVisible: true,
            added: [],
            xValues: {},
            position: [],
          };
          fake.queued.push(() => fake.state.charts.push(chart));
          const axisTitle = (key: "categoryAxisTitle" | "valueAxisTitle") => ({
            title: {
              set text(text: string) {
                chart[key] = text;
              },
            },
          });
          return {
            title: {
              set text(text: string) {
                chart.title = text;
              },
            },
            legend: {
              set visible(visible: boolean) {
                chart.legendVisible = visible;
              },
            },
            axes: { categoryAxis: axisTitle("categoryAxisTitle"), valueAxis: axisTitle("valueAxisTitle") },
            series: {
              getItemAt: (index: number) => ({
                setXAxisValues: (range: MockRange) => {
                  chart.xValues[index] = fake.addressOf(range);
                },
              }),
              add: (seriesName: string) => {
                const added: FakeChart["added"][number] = { name: seriesName };
                chart.added.push(added);
                const index = chart.added.length;
                return {
                  setValues: (range: MockRange) => {
                    added.values = fake.addressOf(range);
                  },
                  setXAxisValues: (range: MockRange) => {
                    added.xValues = fake.addressOf(range);
                    chart.xValues[index] = added.xValues;
                  },
                  set chartType(chartType: string) {
                    added.chartType = chartType;
                  },
                };
              },
            },
            setPosition: (...cells: MockRange[]) => {
              chart.position = cells.map((cell) => fake.addressOf(cell));
            },
          };
        },
      },
    };
  }

  /** The address of a range this fake created (its sheet and A1 box). */
  private addressOf(range: MockRange): string {
    const made = this.created.find((entry) => entry.mock === range);
    if (!made) throw new Error("Not a range of this fake");
    return made.sheet === undefined ? this.address(made.box) : this.address(made.box, made.sheet);
  }

  private settings() {
    const settings = this.collection(() =>
      [...this.state.settings].map(([key, value]) => this.track(new OfficeMockObject({ key, value }))),
    );
    return Object.assign(settings, {
      add: (key: string, value: unknown) => {
        this.queued.push(() => this.state.settings.set(key, value));
      },
      getItemOrNullObject: (key: string) =>
        this.track(
          new OfficeMockObject({
            isNullObject: !this.state.settings.has(key),
            delete: () => {
              this.queued.push(() => this.state.settings.delete(key));
            },
          }),
        ),
    });
  }

  private table(id: string): OfficeMockObject {
    if (id !== "{T1}") {
      this.queued.push(() => {
        throw officeError("ItemNotFound");
      });
    }
    const fake = this;
    return this.track(
      new OfficeMockObject({
        id,
        name: "Clients",
        worksheet: { name: "Data" },
        getRange: () =>
          fake.range({ row: -1, col: 0, rows: fake.state.cells.length + 1, cols: fake.state.headers.length }),
        getHeaderRowRange: () => fake.range({ row: -1, col: 0, rows: 1, cols: fake.state.headers.length }),
        getDataBodyRange: () =>
          fake.range({ row: 0, col: 0, rows: fake.state.cells.length, cols: fake.state.headers.length }),
        columns: {
          add: (_index: number | undefined, _values: unknown, name: string) => {
            fake.queued.push(() => {
              fake.state.headers.push(name);
              for (const row of fake.state.cells) row.push("");
            });
            fake.current().operations.push(`add ${name}`);
          },
          getItemAt: (index: number) => ({
            delete: () => {
              fake.current().operations.push(`delete ${index}`);
              fake.queued.push(() => {
                fake.state.headers.splice(index, 1);
                for (const row of fake.state.cells) row.splice(index, 1);
                // A deleted column's conditional formats go with it; those to its right move left.
                fake.state.conditionalFormats = fake.state.conditionalFormats
                  .filter((format) => format.column !== index)
                  .map((format) => (format.column > index ? { ...format, column: format.column - 1 } : format));
              });
            },
          }),
        },
      }),
    );
  }

  private pending: SyncRecord | null = null;

  private current(): SyncRecord {
    this.pending ??= {
      calculationSuspended: false,
      screenSuspended: false,
      values: [],
      numberFormats: [],
      fills: [],
      fontColors: [],
      fillClears: [],
      formatClears: [],
      conditionalFormats: [],
      conditionalFormatClears: [],
      operations: [],
    };
    return this.pending;
  }

  private snapshot(box: RangeBox, sheet?: string): CellValue[][] {
    const cells = sheet === undefined ? this.state.cells : (this.findSheet(sheet)?.cells ?? []);
    return Array.from({ length: box.rows }, (_, r) =>
      Array.from({ length: box.cols }, (_, c) =>
        box.row + r < 0 ? this.state.headers[box.col + c] : (cells[box.row + r]?.[box.col + c] ?? ""),
      ),
    );
  }

  /** A range of the table (data-body coordinates, the header row at -1), or of another sheet when named. */
  private range(box: RangeBox, sheet?: string): MockRange {
    const fake = this;
    const original = this.snapshot(box, sheet);
    const mock = this.track(
      new OfficeMockObject({
        values: original,
        rowCount: box.rows,
        columnCount: box.cols,
        address: sheet === undefined ? this.address(box) : this.address(box, sheet),
        format: {
          fill: {
            clear: () => {
              fake.current().fillClears.push(box.col);
              fake.queued.push(() => {
                for (let r = 0; r < box.rows; r++) fake.state.fills.delete(`${box.row + r},${box.col}`);
              });
            },
          },
          font: {},
        },
        clear: (applyTo?: string) => {
          if (applyTo !== "Formats") throw officeError("InvalidArgument");
          fake.current().formatClears.push(box.col);
          fake.queued.push(() => {
            for (let r = 0; r < box.rows; r++) {
              fake.state.fills.delete(`${box.row + r},${box.col}`);
              fake.state.fontColors.delete(`${box.row + r},${box.col}`);
            }
            fake.state.numberFormats.delete(box.col);
          });
        },
        getCell: (r: number, c: number) => fake.range({ row: box.row + r, col: box.col + c, rows: 1, cols: 1 }, sheet),
        getResizedRange: (dr: number, dc: number) =>
          fake.range({ row: box.row, col: box.col, rows: box.rows + dr, cols: box.cols + dc }, sheet),
        getColumn: (c: number) => fake.range({ row: box.row, col: box.col + c, rows: box.rows, cols: 1 }, sheet),
      }),
    ) as MockRange;
    if (sheet !== undefined) {
      Object.assign(mock.format, { autofitColumns: () => undefined });
      Object.assign(mock, { conditionalFormats: this.sheetConditionalFormats(box, sheet) });
      Object.defineProperty(mock.format, "columnWidth", {
        set: (points: number) => {
          fake.queued.push(() => fake.state.columnWidths.set(`${sheet}!${box.col}`, points));
        },
      });
    } else Object.assign(mock, { conditionalFormats: this.conditionalFormats(box) });
    this.created.push({ box, mock, original, sheet });
    return mock;
  }

  /** A sheet range's conditionalFormats: add("ColorScale") records its criteria as set before the sync. */
  private sheetConditionalFormats(box: RangeBox, sheet: string) {
    const address = this.address(box, sheet);
    return {
      add: (type: string) => {
        const format = { colorScale: { criteria: undefined as unknown } };
        const record: SyncRecord["conditionalFormats"][number] = {
          address,
          type,
          formula1: undefined,
          operator: undefined,
          color: undefined,
          fontColor: undefined,
        };
        this.current().conditionalFormats.push(record);
        this.queued.push(() => {
          record.criteria = format.colorScale.criteria;
          if (type !== "ColorScale" || typeof record.criteria !== "object") throw officeError("InvalidArgument");
        });
        return format;
      },
    };
  }

  /** Range.conditionalFormats: add("CellValue") and clearAll(), applied to state at the next sync. */
  private conditionalFormats(box: RangeBox) {
    const address = this.address(box);
    return {
      add: (type: string) => {
        const format = {
          cellValue: {
            format: { fill: { color: undefined as unknown }, font: { color: undefined as unknown } },
            rule: undefined as unknown,
          },
        };
        const record = {
          address,
          type,
          formula1: undefined as unknown,
          operator: undefined as unknown,
          color: undefined as unknown,
          fontColor: undefined as unknown,
        };
        this.current().conditionalFormats.push(record);
        this.queued.push(() => {
          const rule = format.cellValue.rule as { formula1?: unknown; operator?: unknown } | undefined;
          Object.assign(record, {
            formula1: rule?.formula1,
            operator: rule?.operator,
            color: format.cellValue.format.fill.color,
            fontColor: format.cellValue.format.font.color,
          });
          if (type !== "CellValue" || rule?.operator !== "EqualTo" || typeof rule.formula1 !== "string") {
            throw officeError("InvalidArgument");
          }
          const color = format.cellValue.format.fill.color;
          const fontColor = format.cellValue.format.font.color;
          if (typeof color !== "string") throw officeError("InvalidArgument");
          for (let c = 0; c < box.cols; c++) {
            this.state.conditionalFormats.push({
              column: box.col + c,
              row: box.row,
              rows: box.rows,
              formula1: rule.formula1,
              color,
              ...(typeof fontColor === "string" ? { fontColor } : {}),
            });
          }
        });
        return format;
      },
      clearAll: () => {
        this.current().conditionalFormatClears.push(address);
        this.queued.push(() => {
          this.state.conditionalFormats = this.state.conditionalFormats.filter(
            (format) =>
              format.column < box.col ||
              format.column >= box.col + box.cols ||
              format.row + format.rows <= box.row ||
              format.row >= box.row + box.rows,
          );
        });
      },
    };
  }

  /** Excel's A1 address of a table range (the header row is row -1 of the data body), or of another sheet's. */
  address(box: RangeBox, sheet?: string): string {
    const letters = (c: number): string =>
      (c >= 26 ? letters(Math.floor(c / 26) - 1) : "") + String.fromCharCode(65 + (c % 26));
    const offset = sheet === undefined ? { row: this.origin.row + 2, col: this.origin.col } : { row: 1, col: 0 };
    const cell = (row: number, col: number) => `${letters(col + offset.col)}${row + offset.row}`;
    const start = cell(box.row, box.col);
    const end = cell(box.row + box.rows - 1, box.col + box.cols - 1);
    return `${sheet ?? "Data"}!${start}${end === start ? "" : `:${end}`}`;
  }

  private applySheetWrites(sheetName: string, box: RangeBox, mock: MockRange, original: unknown): void {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw officeError("ItemNotFound");
    if (Array.isArray(mock.values) && mock.values !== original) {
      (mock.values as CellValue[][]).forEach((row, r) =>
        row.forEach((value, c) => {
          while (sheet.cells.length <= box.row + r) sheet.cells.push([]);
          sheet.cells[box.row + r][box.col + c] = value;
        }),
      );
    }
    const color = mock.format.fill.color;
    if (typeof color === "string" && color.startsWith("#")) {
      for (let r = 0; r < box.rows; r++) sheet.fills.set(`${box.row + r},${box.col}`, color);
    }
    const fontColor = mock.format.font.color;
    if (typeof fontColor === "string" && fontColor.startsWith("#")) {
      for (let r = 0; r < box.rows; r++) sheet.fontColors.set(`${box.row + r},${box.col}`, fontColor);
    }
  }

  private applyRangeWrites(record: SyncRecord): void {
    for (const { box, mock, original, sheet } of this.created) {
      if (sheet !== undefined) {
        this.applySheetWrites(sheet, box, mock, original);
        continue;
      }
      if (Array.isArray(mock.values) && mock.values !== original) {
        const values = mock.values as CellValue[][];
        if (values.length !== box.rows || values.some((row) => row.length !== box.cols)) {
          throw officeError("InvalidArgument");
        }
        values.forEach((row, r) => row.forEach((value, c) => (this.state.cells[box.row + r][box.col + c] = value)));
        record.values.push([box.row, box.col, box.rows, box.cols]);
      }
      if (typeof mock.numberFormat === "string") {
        this.state.numberFormats.set(box.col, mock.numberFormat);
        record.numberFormats.push({ column: box.col, format: mock.numberFormat });
      }
      const color = mock.format.fill.color;
      if (typeof color === "string" && color.startsWith("#")) {
        for (let r = 0; r < box.rows; r++) this.state.fills.set(`${box.row + r},${box.col}`, color);
        record.fills.push({ row: box.row, column: box.col, rows: box.rows, color });
      }
      const fontColor = mock.format.font.color;
      if (typeof fontColor === "string" && fontColor.startsWith("#")) {
        for (let r = 0; r < box.rows; r++) this.state.fontColors.set(`${box.row + r},${box.col}`, fontColor);
        record.fontColors.push({ row: box.row, column: box.col, rows: box.rows, color: fontColor });
      }
    }
  }

  private async sync(): Promise<void> {
    const record = this.current();
    record.calculationSuspended = this.calculationSuspended;
    record.screenSuspended = this.screenSuspended;
    this.pending = null;
    this.calculationSuspended = false;
    this.screenSuspended = false;
    const queued = this.queued;
    const loads = this.loads;
    this.queued = [];
    this.loads = [];
    try {
      const failure = this.failAt;
      if (failure && this.state.syncs.length + 1 === failure.sync) {
        this.failAt = null;
        throw officeError(failure.code);
      }
      for (const operation of queued) operation();
      this.applyRangeWrites(record);
    } finally {
      this.created = [];
      this.state.syncs.push(record);
    }
    for (const load of loads) load();
    // The prototype's sync: the context mock's own `sync` property is this very function.
    await Promise.all(this.mocks.map((mock) => OfficeMockObject.prototype.sync.call(mock)));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
