/**
 * What the engine computes for a workbook, described as data: cell values, the columns it adds to a table and the
 * sheets it owns. The engine only describes them; src/excel (and the workbench's in-memory workbook) write them,
 * and re-export these types as part of the CustomerWorkbook interface.
 */

/** A cell value as Excel hands it over: numbers (dates are serial numbers), text, booleans; "" is blank. */
export type CellValue = string | number | boolean;

/** A column the add-in writes at the right of the user's table. */
export interface OwnColumn {
  header: string;
  /** One value per data row, in table order. */
  values: CellValue[];
  /** Excel number format for the whole column, e.g. "0", "0.0%", "#,##0.00". */
  numberFormat?: string;
  /** Fill colour per data row ("#RRGGBB"), or null for no fill. Written after the values. */
  fills?: (string | null)[];
  /**
   * true when a column of this header already exists and the stored recipe says it is ours: it is replaced.
   * false: the header must not exist yet; if it does, the write refuses rather than overwrite the user's data.
   */
  replaceExisting: boolean;
}

/** A sheet the add-in owns entirely (the "Segments" summary, a customer summary built from transactions). */
export interface OwnSheet {
  name: string;
  /** First row is the header row. */
  rows: CellValue[][];
  /** Number format per column (same length as a row), or undefined to leave General. */
  numberFormats?: (string | undefined)[];
  /** When set, the rows are written as an Excel table of this name. */
  tableName?: string;
  /** A native chart of one value column against the first column. */
  chart?: { title: string; valueColumn: number; type: "bar" | "pie" };
  /** Fill colour per data row for the first column (segment colours), or null. */
  fills?: (string | null)[];
  /** Formats of blocks of cells (0-based sheet coordinates, row 0 being the first row), applied after the rest. */
  formats?: CellBlockFormat[];
  /** Native charts over explicit ranges, for sheets laid out in several blocks (besides or instead of `chart`). */
  charts?: SheetChart[];
  /** Heat maps: colour scales over blocks of cells, applied last (conditional formats, so they follow the values). */
  colourScales?: ColourScale[];
  /**
   * Column widths in points, from column A, for sheets whose long lines of text should run over the next cells
   * rather than widen their column; absent (or undefined for a column): fitted to the contents.
   */
  columnWidths?: (number | undefined)[];
  /**
   * true when a sheet of this name exists and the stored recipe says it is ours: it is replaced.
   * false or absent: the sheet must not exist yet; if it does, the write refuses ("nameTaken") rather than
   * replace the user's sheet. (Optional so the engine can describe a sheet without knowing the workbook.)
   */
  replaceExisting?: boolean;
}

/** A rectangle of cells and how it looks. */
export interface CellBlockFormat {
  row: number;
  col: number;
  /** Default 1. */
  rowCount?: number;
  /** Default 1. */
  columnCount?: number;
  numberFormat?: string;
  bold?: boolean;
  /** "#RRGGBB". */
  fill?: string;
}

/** A column of cells on the sheet: (row, col) then `count` cells down. */
export interface ChartRange {
  row: number;
  col: number;
  count: number;
}

/** A further series of a chart: its header cell (the series' name) at (row, col), then `count` values below it. */
export interface ChartSeriesRange extends ChartRange {
  /**
   * How this series is drawn when it differs from the chart's type: a column in a line chart marks one period
   * (the end of the calibration window). Absent: as the chart.
   */
  type?: "line" | "column";
}

/**
 * A native chart: one or several series of values (each header cell names its series) against a column of
 * categories. Blank cells ("") are not plotted, so a series may cover only part of the categories.
 */
export interface SheetChart {
  title: string;
  /** bar: horizontal bars; column: vertical clustered columns; line: one line per series; pie: one series. */
  type: "bar" | "pie" | "line" | "column";
  /** The first series: its header cell at (row, col), then `count` values below it. */
  values: ChartRange;
  /** Further series over the same categories, in legend order after `values` (bar, line and column charts). */
  moreValues?: ChartSeriesRange[];
  /** The category labels: `count` cells from (row, col) down. */
  categories: ChartRange;
  /** The cell the chart's top-left corner sits on. */
  anchor: { row: number; col: number };
  /** How many rows and columns of cells the chart covers from its anchor; absent: Excel's default size. */
  extent?: { rows: number; columns: number };
  /** Axis titles (line and column charts). */
  categoryAxisTitle?: string;
  valueAxisTitle?: string;
}

/**
 * A colour scale (heat map) over a rectangle of cells, as Excel's colour-scale conditional format: the lowest number
 * of the block takes `minimum`, the highest `maximum`, and, with `midpoint`, the block's 50th percentile takes it;
 * numbers between are shaded in between. Blank and text cells are not coloured.
 */
export interface ColourScale {
  row: number;
  col: number;
  rowCount: number;
  columnCount: number;
  /** "#RRGGBB". */
  minimum: string;
  midpoint?: string;
  maximum: string;
}
