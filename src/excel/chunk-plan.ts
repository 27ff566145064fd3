/**
 * Plans how the add-in's columns are written so that no single request to Excel exceeds 4 MB
 * (Excel on the web refuses requests above 5 MB). Pure: sizes are conservative estimates of the JSON
 * Office.js sends, so the plan is the same in Excel, in the workbench and in tests.
 */
import { colourRuleSteps, type ColourRule } from "./colour-rules";
import { runSteps, runStepsSliced, STEP_ITEMS, type Steps } from "./steps";
import type { CellValue } from "./workbook";

/** Our ceiling per request; Excel on the web's hard limit is 5 MB, the margin absorbs estimate error. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Per request: the JSON envelope, object paths, the range address and the calculation/screen suspension. */
export const REQUEST_OVERHEAD_BYTES = 4 * 1024;
/** JSON of the longest double: "-0.0000012864227469696622" (fixed notation down to 1e-6) is 25 characters. */
export const NUMBER_BYTES = 25;
/** "[", "]" and the comma between rows of a 2-D array. */
export const ROW_OVERHEAD_BYTES = 3;
/** One getRangeByIndexes(...) action plus one format.fill.color property set, with its colour. */
export const FILL_RUN_BYTES = 256;
/** One number-format set on a whole column range (one value broadcast to every cell). */
export const NUMBER_FORMAT_BYTES = 512;
/** One conditionalFormats.add on a column range, its fill colour and its rule, besides the formula's text. */
export const COLOUR_RULE_BYTES = 512;

/** UTF-8 bytes of a string once JSON-escaped: quotes, escapes (\" \\ \uXXXX) and multi-byte characters. */
export function estimateTextBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20) bytes += 6;
    else if (code === 0x22 || code === 0x5c) bytes += 2;
    else if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else bytes += 3; // a surrogate pair is 4 bytes for 2 code units: 3 per unit over-counts, which is safe
  }
  return bytes;
}

/** JSON size of one cell value plus its separator. */
export function estimateValueBytes(value: CellValue | null | undefined): number {
  switch (typeof value) {
    case "number":
      return NUMBER_BYTES + 1;
    case "boolean":
      return 5 + 1; // "false"
    case "string":
      return estimateTextBytes(value) + 1;
    default:
      return 4 + 1; // null
  }
}

export interface RowChunk {
  /** 0-based first data row of the request. */
  startRow: number;
  rowCount: number;
  /** Estimated request size, overhead included. */
  estimatedBytes: number;
}

export interface ChunkOptions {
  maxRequestBytes?: number;
  /** An upper bound on rows per request, e.g. so a cancel or progress update comes often enough. */
  maxRowsPerRequest?: number;
}

/**
 * Packs consecutive rows greedily into requests under the byte ceiling. A single row larger than the
 * ceiling still gets a request of its own (Excel will then report it; nothing smaller can be sent).
 */
export function planRowChunks(
  rowCount: number,
  rowBytes: (row: number) => number,
  options: ChunkOptions = {},
): RowChunk[] {
  return runSteps(rowChunkSteps(rowCount, rowBytes, options));
}

/** planRowChunks, yielding every STEP_ITEMS rows (runStepsSliced pauses there when its time is up). */
function* rowChunkSteps(
  rowCount: number,
  rowBytes: (row: number) => number,
  options: ChunkOptions = {},
): Steps<RowChunk[]> {
  const ceiling = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const maxRows = options.maxRowsPerRequest ?? Number.POSITIVE_INFINITY;
  const chunks: RowChunk[] = [];
  const state = { start: 0, bytes: REQUEST_OVERHEAD_BYTES };
  // The rows of one step in a plain function (V8 optimises it better than a generator's loop).
  const scan = (from: number, to: number) => {
    let { start, bytes } = state;
    for (let row = from; row < to; row++) {
      const size = rowBytes(row);
      const count = row - start;
      if (count > 0 && (bytes + size > ceiling || count >= maxRows)) {
        chunks.push({ startRow: start, rowCount: count, estimatedBytes: bytes });
        start = row;
        bytes = REQUEST_OVERHEAD_BYTES;
      }
      bytes += size;
    }
    state.start = start;
    state.bytes = bytes;
  };
  for (let from = 0; from < rowCount; from += STEP_ITEMS) {
    scan(from, Math.min(rowCount, from + STEP_ITEMS));
    if (from + STEP_ITEMS < rowCount) yield;
  }
  if (rowCount > state.start) {
    chunks.push({ startRow: state.start, rowCount: rowCount - state.start, estimatedBytes: state.bytes });
  }
  return chunks;
}

/** Plan for rows whose cells all cost `bytesPerCell` (e.g. NUMBER_BYTES + 1), without the values at hand. */
export function planUniformWrites(
  rowCount: number,
  columnCount: number,
  bytesPerCell: number,
  options: ChunkOptions = {},
): RowChunk[] {
  const rowBytes = columnCount * bytesPerCell + ROW_OVERHEAD_BYTES;
  const ceiling = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const fit = Math.max(1, Math.floor((ceiling - REQUEST_OVERHEAD_BYTES) / rowBytes));
  const perRequest = Math.min(fit, options.maxRowsPerRequest ?? fit);
  const chunks: RowChunk[] = [];
  for (let start = 0; start < rowCount; start += perRequest) {
    const count = Math.min(perRequest, rowCount - start);
    chunks.push({ startRow: start, rowCount: count, estimatedBytes: REQUEST_OVERHEAD_BYTES + count * rowBytes });
  }
  return chunks;
}

/** Plan for writing these columns (each one value per row, same length) side by side. */
export function planValueWrites(columns: readonly (readonly CellValue[])[], options: ChunkOptions = {}): RowChunk[] {
  return runSteps(valueWriteSteps(columns, options));
}

function valueWriteSteps(columns: readonly (readonly CellValue[])[], options: ChunkOptions): Steps<RowChunk[]> {
  const rowCount = columns.length === 0 ? 0 : columns[0].length;
  return rowChunkSteps(
    rowCount,
    (row) => {
      let bytes = ROW_OVERHEAD_BYTES;
      for (const column of columns) bytes += estimateValueBytes(column[row]);
      return bytes;
    },
    options,
  );
}

/** A run of consecutive rows of one column that share a fill colour. */
export interface FillRun {
  /** Index into the list of columns being written. */
  column: number;
  startRow: number;
  rowCount: number;
  color: string;
}

/** Consecutive equal colours grouped into runs; rows without a fill produce no run. */
export function fillRuns(fills: readonly (string | null)[], column: number): FillRun[] {
  return runSteps(fillRunSteps(fills, column));
}

function* fillRunSteps(fills: readonly (string | null)[], column: number): Steps<FillRun[]> {
  const runs: FillRun[] = [];
  let row = 0;
  let slice = 0;
  while (row < fills.length) {
    const color = fills[row];
    let end = row + 1;
    while (end < fills.length && fills[end] === color) end++;
    if (color !== null && color !== "") runs.push({ column, startRow: row, rowCount: end - row, color });
    row = end;
    if (row >= slice + STEP_ITEMS) {
      slice = row;
      yield;
    }
  }
  return runs;
}

export interface FillRequest {
  runs: FillRun[];
  estimatedBytes: number;
}

/** Packs fill runs into requests under the byte ceiling (each run is one range action). */
export function planFillWrites(runs: readonly FillRun[], options: ChunkOptions = {}): FillRequest[] {
  const ceiling = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const perRequest = Math.max(1, Math.floor((ceiling - REQUEST_OVERHEAD_BYTES) / FILL_RUN_BYTES));
  const requests: FillRequest[] = [];
  for (let i = 0; i < runs.length; i += perRequest) {
    const slice = runs.slice(i, i + perRequest);
    requests.push({ runs: slice, estimatedBytes: REQUEST_OVERHEAD_BYTES + slice.length * FILL_RUN_BYTES });
  }
  return requests;
}

/** One conditional format to add on the data body of one of the columns being written. */
export interface ColourRuleWrite {
  /** Index into the list of columns being written. */
  column: number;
  rule: ColourRule;
}

export interface ColourRuleRequest {
  rules: ColourRuleWrite[];
  estimatedBytes: number;
}

/** Packs conditional formats into requests under the byte ceiling (each is one add with its rule). */
export function planColourRuleWrites(
  rules: readonly ColourRuleWrite[],
  options: ChunkOptions = {},
): ColourRuleRequest[] {
  const ceiling = options.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const requests: ColourRuleRequest[] = [];
  let current: ColourRuleRequest | null = null;
  for (const write of rules) {
    const bytes = COLOUR_RULE_BYTES + estimateTextBytes(write.rule.formula) + estimateTextBytes(write.rule.color);
    if (!current || (current.rules.length > 0 && current.estimatedBytes + bytes > ceiling)) {
      current = { rules: [], estimatedBytes: REQUEST_OVERHEAD_BYTES };
      requests.push(current);
    }
    current.rules.push(write);
    current.estimatedBytes += bytes;
  }
  return requests;
}

export interface PlannedColumn {
  values: readonly CellValue[];
  numberFormat?: string;
  fills?: readonly (string | null)[];
}

export interface WritePlanOptions extends ChunkOptions {
  /**
   * Conditional formats are available (ExcelApi 1.6): a column whose fills are a function of its values is
   * coloured by one rule per value instead of fill runs.
   */
  conditionalFormats?: boolean;
}

/** The whole write, in order: value requests, one number-format request, then fill and colour-rule requests. */
export interface WritePlan {
  values: RowChunk[];
  /** Size of the single request that sets every column's number format (0 when none has one). */
  numberFormatBytes: number;
  /** Fill runs of the columns not coloured by rules. */
  fills: FillRequest[];
  /** Conditional formats of the columns coloured by rules. */
  colourRules: ColourRuleRequest[];
  requestCount: number;
}

export function planColumnWrites(columns: readonly PlannedColumn[], options: WritePlanOptions = {}): WritePlan {
  return runSteps(columnWriteSteps(columns, options));
}

/**
 * planColumnWrites with a pause whenever a slice of it has held the thread for SLICE_MS (steps.ts), so planning a
 * million-row write never holds the pane's thread for long; the plan is planColumnWrites's (the same steps).
 */
export function planColumnWritesSliced(
  columns: readonly PlannedColumn[],
  options: WritePlanOptions = {},
  pause?: () => Promise<void>,
): Promise<WritePlan> {
  return runStepsSliced(columnWriteSteps(columns, options), pause);
}

function* columnWriteSteps(columns: readonly PlannedColumn[], options: WritePlanOptions): Steps<WritePlan> {
  const values = yield* valueWriteSteps(
    columns.map((column) => column.values),
    options,
  );
  const formatted = columns.filter((column) => column.numberFormat !== undefined).length;
  const numberFormatBytes = formatted === 0 ? 0 : REQUEST_OVERHEAD_BYTES + formatted * NUMBER_FORMAT_BYTES;
  const runs: FillRun[] = [];
  const rules: ColourRuleWrite[] = [];
  for (let index = 0; index < columns.length; index++) {
    const column = columns[index];
    if (!column.fills) continue;
    const byValue = options.conditionalFormats ? yield* colourRuleSteps(column.values, column.fills) : null;
    if (byValue) for (const rule of byValue) rules.push({ column: index, rule });
    else for (const run of yield* fillRunSteps(column.fills, index)) runs.push(run);
  }
  const fills = planFillWrites(runs, options);
  const colourRuleRequests = planColourRuleWrites(rules, options);
  return {
    values,
    numberFormatBytes,
    fills,
    colourRules: colourRuleRequests,
    requestCount: values.length + (numberFormatBytes > 0 ? 1 : 0) + fills.length + colourRuleRequests.length,
  };
}
