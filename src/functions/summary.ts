/**
 * CUST.SUMMARY: from a transaction log (one row per order) to one row per customer. A thin wrapper over
 * src/engine/transactions/summary.ts, which documents the definitions (frequency, recency, T, monetary).
 */
import { valueError } from "../engine/errors";
import { summarizeTransactions, TimeUnit } from "../engine/transactions/summary";
import { Locale, MessageKey, t } from "../i18n";
import {
  BLANK,
  cellToNumber,
  describeCell,
  errorCellError,
  isBlank,
  isErrorCell,
  readNumber,
  readText,
  runFunction,
  toGrid,
} from "./args";
import { addressesOf } from "./cell-address";
import { currentLocale } from "./locale";

export interface ColumnArgument {
  arg: string;
  value: unknown;
}

/**
 * A column argument's cells, read in place: a flat list (a row, or a 1-D array) or the rows of an n × 1 range, so a
 * million-cell column is not copied before it is converted.
 */
export class CellColumn {
  constructor(
    private readonly cells: readonly unknown[],
    private readonly nested: boolean,
    readonly length: number,
  ) {}

  at(i: number): unknown {
    return this.nested ? (this.cells[i] as readonly unknown[])[0] : this.cells[i];
  }

  toArray(): unknown[] {
    if (!this.nested) return this.cells.slice(0, this.length);
    const out = new Array<unknown>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = (this.cells[i] as readonly unknown[])[0];
    return out;
  }

  static of(cells: readonly unknown[]): CellColumn {
    return new CellColumn(cells, false, cells.length);
  }
}

function cellColumn(value: unknown, arg: string): CellColumn {
  if (!Array.isArray(value)) return new CellColumn([value], false, 1);
  if (value.length === 0) return CellColumn.of([]);
  if (!Array.isArray(value[0])) return CellColumn.of(toGrid(value).map((row) => row[0]));
  if (value.length === 1) return CellColumn.of(value[0] as unknown[]);
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row) || row.length !== 1) throw valueError("args.notColumn", { arg });
  }
  return new CellColumn(value, true, value.length);
}

/**
 * Parallel columns of one common length: rows blank in every column at the end are dropped (whole-column
 * references), and a range too short to reach the last filled row is a length mismatch.
 */
export function readParallelColumns(columns: readonly ColumnArgument[]): CellColumn[] {
  const read = columns.map(({ arg, value }) => cellColumn(value ?? null, arg));
  const filled = read.map((column) => {
    let end = column.length;
    while (end > 0 && isBlank(column.at(end - 1))) end--;
    return end;
  });
  const rows = Math.max(0, ...filled);
  const longest = filled.indexOf(rows);
  read.forEach((column, k) => {
    if (column.length < rows) {
      throw valueError("summary.lengthMismatch", {
        arg: columns[k].arg,
        found: column.length,
        other: columns[longest].arg,
        expected: rows,
        row: column.length + 1,
      });
    }
  });
  return read.map((column) => (column.length === rows ? column : shortened(column, rows)));
}

function shortened(column: CellColumn, rows: number): CellColumn {
  return CellColumn.of(column.toArray().slice(0, rows));
}

/** Error cells arrive as objects or as text starting with "#"; the cheap test first, for million-row logs. */
const mayBeError = (cell: unknown) =>
  (typeof cell === "object" && cell !== null) || (typeof cell === "string" && cell.charCodeAt(0) === 35);

function readIds(column: CellColumn): unknown[] {
  const cells = column.toArray();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (mayBeError(cell) && isErrorCell(cell)) throw errorCellError("customer_ids", cell, i + 1);
  }
  return cells;
}

function readDates(cells: CellColumn): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.at(i);
    if (typeof cell === "number") out[i] = cell;
    else if (isBlank(cell)) out[i] = NaN;
    else if (isErrorCell(cell)) throw errorCellError("dates", cell, i + 1);
    else {
      const number = typeof cell === "string" ? cellToNumber(cell) : NaN;
      if (Number.isNaN(number)) throw valueError("summary.dateText", { row: i + 1, found: String(cell) });
      out[i] = number;
    }
  }
  return out;
}

function readAmounts(cells: CellColumn): Float64Array {
  const out = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const cell = cells.at(i);
    if (typeof cell === "number") out[i] = cell;
    else if (isBlank(cell)) out[i] = NaN;
    else if (isErrorCell(cell)) throw errorCellError("amounts", cell, i + 1);
    else {
      const number = typeof cell === "string" ? cellToNumber(cell) : NaN;
      if (Number.isNaN(number))
        throw valueError("args.notNumberAt", { arg: "amounts", row: i + 1, found: describeCell(cell) });
      out[i] = number;
    }
  }
  return out;
}

const UNIT_NAMES: Readonly<Record<string, TimeUnit>> = {
  days: "days",
  day: "days",
  d: "days",
  jours: "days",
  weeks: "weeks",
  week: "weeks",
  w: "weeks",
  semaines: "weeks",
  months: "months",
  month: "months",
  m: "months",
  mois: "months",
};

/** A transaction log's three columns (customer_ids, dates, amounts), read by the shape rule and checked cell by cell. */
export function readTransactionLog(
  customer_ids: unknown,
  dates: unknown,
  amounts: unknown,
): { ids: unknown[]; dates: Float64Array; amounts: Float64Array } {
  const [idCells, dateCells, amountCells] = readParallelColumns([
    { arg: "customer_ids", value: customer_ids },
    { arg: "dates", value: dates },
    { arg: "amounts", value: amounts },
  ]);
  return { ids: readIds(idCells), dates: readDates(dateCells), amounts: readAmounts(amountCells) };
}

/** Reads a time unit, in English or French ("weeks", "semaines"); `fallback` when omitted. */
export function readTimeUnit(value: unknown, arg: string, fallback: TimeUnit): TimeUnit {
  const text = readText(value, arg).trim().toLowerCase();
  if (text === "") return fallback;
  const unit = UNIT_NAMES[text];
  if (!unit) throw valueError("args.notChoice", { arg, choices: "days, weeks, months", found: describeCell(text) });
  return unit;
}

const optionalDate = (value: unknown, arg: string): number | undefined => {
  const cell = readNumber(value, arg, { default: NaN });
  return Number.isNaN(cell) ? undefined : cell;
};

const header = (key: MessageKey, locale: Locale, params = {}) => t(key, params, locale);
const orBlank = (value: number) => (Number.isNaN(value) ? BLANK : value);

/**
 * One row per customer from a transaction log, with a header: id, first and last purchase, orders, total, average basket, frequency, recency, T, monetary, recent purchases, mean gap; holdout columns with a calibration end.
 * @customfunction SUMMARY
 * @helpurl https://localhost:3000/functions.html#SUMMARY
 * @requiresParameterAddresses
 * @param customer_ids Customer id of each transaction (numbers or text), e.g. A2:A100000. Trailing blank rows are ignored.
 * @param dates Date of each transaction (Excel dates; a time of day is ignored). Same-day purchases count as one purchase.
 * @param amounts Amount of each transaction (refunds may be negative).
 * @param [as_of] End of the observation (a date). Default: the last transaction date. Later transactions are ignored.
 * @param [time_unit] "days", "weeks" (default, as the models expect) or "months" (365.25/12 days), for recency, T and gaps.
 * @param [calibration_end] End of the calibration period: the summary stops there, and holdout purchases up to as_of are added.
 * @param [recent_periods] N for the column "purchases in the last N periods" (in time units). Default 12.
 * @param invocation The call, with its arguments' addresses where Excel gives them (CustomFunctionsRuntime 1.3+): a bad row's message names its cell.
 * @returns One row per customer in order of first appearance; dates as Excel serial numbers (format them as dates).
 */
export function summary(
  customer_ids: unknown[][],
  dates: unknown[][],
  amounts: unknown[][],
  as_of?: unknown,
  time_unit?: unknown,
  calibration_end?: unknown,
  recent_periods?: unknown,
  invocation?: CustomFunctions.Invocation,
): unknown[][] {
  const addresses = addressesOf(invocation, [
    "customer_ids",
    "dates",
    "amounts",
    "as_of",
    "time_unit",
    "calibration_end",
    "recent_periods",
  ]);
  return runFunction(() => {
    const log = readTransactionLog(customer_ids, dates, amounts);
    const timeUnit = readTimeUnit(time_unit, "time_unit", "weeks");
    const result = summarizeTransactions(log.ids, log.dates, log.amounts, {
      asOf: optionalDate(as_of, "as_of"),
      calibrationEnd: optionalDate(calibration_end, "calibration_end"),
      timeUnit,
      recentPeriods: readNumber(recent_periods, "recent_periods", { default: 12, positive: true }),
    });
    const locale = currentLocale();
    const unit = t(`summary.unit.${timeUnit}`, {}, locale);
    const holdout = result.holdoutPurchases;
    const titles = [
      header("summary.header.customer", locale),
      header("summary.header.firstPurchase", locale),
      header("summary.header.lastPurchase", locale),
      header("summary.header.orders", locale),
      header("summary.header.totalAmount", locale),
      header("summary.header.averageBasket", locale),
      header("summary.header.frequency", locale),
      header("summary.header.recency", locale),
      header("summary.header.age", locale),
      header("summary.header.monetary", locale),
      header("summary.header.recentPurchases", locale, { n: result.recentPeriods, unit }),
      header("summary.header.meanGap", locale, { unit }),
    ];
    if (holdout) {
      titles.push(
        header("summary.header.holdoutPurchases", locale),
        header("summary.header.holdoutLength", locale, { unit }),
      );
    }
    const rows: unknown[][] = [titles];
    for (let i = 0; i < result.count; i++) {
      const row: unknown[] = [
        result.ids[i],
        result.firstPurchase[i],
        result.lastPurchase[i],
        result.orders[i],
        result.totalAmount[i],
        result.averageBasket[i],
        result.frequency[i],
        result.recency[i],
        result.age[i],
        result.monetary[i],
        result.recentPurchases[i],
        orBlank(result.meanGap[i]),
      ];
      if (holdout) row.push(holdout[i], result.holdoutLength);
      rows.push(row);
    }
    return rows;
  }, addresses);
}
