/**
 * CUST.SUMMARY: from a transaction log (one row per order) to one row per customer. A thin wrapper over
 * src/engine/transactions/summary.ts, which documents the definitions (frequency, recency, T, monetary).
 */
import { valueError } from "../engine/errors";
import {
  CustomerGroups,
  CustomerId,
  customerKeyOrNull,
  summarizeGroupedLog,
  summarizeTransactions,
  TimeUnit,
} from "../engine/transactions/summary";
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
    /** False when an n × 1 range's rows were not checked up front: at() then checks each row it reads. */
    private readonly rowsChecked = true,
  ) {}

  at(i: number): unknown {
    if (!this.nested) return this.cells[i];
    const row = this.cells[i];
    if (!this.rowsChecked && (!Array.isArray(row) || row.length !== 1)) throw new RowShapeError();
    return (row as readonly unknown[])[0];
  }

  toArray(): unknown[] {
    if (!this.nested) return this.cells.slice(0, this.length);
    const out = new Array<unknown>(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.at(i);
    return out;
  }

  static of(cells: readonly unknown[]): CellColumn {
    return new CellColumn(cells, false, cells.length);
  }
}

/** A row of an unchecked n × 1 range that is not one cell wide (readGroupedLog then reads the log the general way). */
class RowShapeError extends Error {}

function cellColumn(value: unknown, arg: string, checkRows: boolean): CellColumn {
  if (!Array.isArray(value)) return new CellColumn([value], false, 1);
  if (value.length === 0) return CellColumn.of([]);
  if (!Array.isArray(value[0])) return CellColumn.of(toGrid(value).map((row) => row[0]));
  if (value.length === 1) return CellColumn.of(value[0] as unknown[]);
  if (!checkRows) return new CellColumn(value, true, value.length, false);
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
export function readParallelColumns(columns: readonly ColumnArgument[], checkRows = true): CellColumn[] {
  const read = columns.map(({ arg, value }) => cellColumn(value ?? null, arg, checkRows));
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

/** A number cell, or numeric text read as readDates / readAmounts read it; NaN for anything else. */
function plainNumber(cell: unknown): number {
  if (typeof cell === "number") return cell;
  if (typeof cell !== "string" || isBlank(cell) || isErrorCell(cell)) return NaN;
  return cellToNumber(cell);
}

/**
 * Customer numbers for the two usual kinds of id column, without hashing text: every id a whole number, or every
 * id the same text prefix (not starting with a digit, a sign, a point, "#" or white space) followed by 1–13 digits,
 * as in "C12345". Each id then has a number that identifies it: the number itself, or for text the digits' value
 * and count, so "C012" and "C12" stay two customers. The customers and keys are exactly customerKey's (such text
 * is its own key). Null when an id is of neither kind.
 */
export function groupStructuredIds(cells: CellColumn): { customerOf: Int32Array; keys: CustomerId[] } | null {
  const first = cells.length > 0 ? cells.at(0) : undefined;
  const prefix: number[] = [];
  if (typeof first === "string") {
    const c0 = first.charCodeAt(0);
    if (c0 <= 32 || c0 === 35 || c0 === 45 || c0 === 46) return null;
    for (let k = 0; k < first.length; k++) {
      const code = first.charCodeAt(k);
      if (code >= 48 && code <= 57) break;
      prefix.push(code);
    }
    if (prefix.length === 0 || prefix.length === first.length) return null;
  } else if (typeof first !== "number") return null;
  const codes = idCodes(cells, typeof first === "number", prefix);
  if (!codes) return null;
  return groupByDirectAddress(cells, codes, typeof first === "string") ?? groupByHash(cells, codes);
}

/** Each id's identifying number (see groupStructuredIds); null when an id is not of the column's kind. */
function idCodes(cells: CellColumn, numeric: boolean, prefix: readonly number[]): Float64Array | null {
  const n = cells.length;
  const p = prefix.length;
  const codes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const id = cells.at(i);
    if (numeric) {
      if (typeof id !== "number" || !Number.isSafeInteger(id)) return null;
      codes[i] = id === 0 ? 0 : id;
      continue;
    }
    if (typeof id !== "string") return null;
    const length = id.length;
    if (length <= p || length > p + 13) return null;
    for (let k = 0; k < p; k++) if (id.charCodeAt(k) !== prefix[k]) return null;
    let value = 0;
    for (let k = p; k < length; k++) {
      const digit = id.charCodeAt(k) - 48;
      if (digit < 0 || digit > 9) return null;
      value = value * 10 + digit;
    }
    codes[i] = value * 16 + (length - p);
  }
  return codes;
}

/** The customer's key at its first row: the number, or the text as typed (which is its own key). */
const keyOf = (cells: CellColumn, row: number): CustomerId => {
  const id = cells.at(row) as CustomerId;
  return id === 0 ? 0 : id;
};

/**
 * Grouping by a table indexed by the id's value when the values are small whole numbers (ids 1…N, "C1"…"CN"):
 * one look-up per row in a table of about N entries, no hashing. For text the digit count is checked beside it,
 * and two ids with one value but different digit counts ("C12", "C012") leave this to groupByHash. Null then, or
 * when a value is too large for such a table.
 */
function groupByDirectAddress(
  cells: CellColumn,
  codes: Float64Array,
  text: boolean,
): { customerOf: Int32Array; keys: CustomerId[] } | null {
  const n = codes.length;
  const limit = 4 * n + 4096;
  let table = new Int32Array(1024).fill(-1);
  const digitsOf: number[] = [];
  const customerOf = new Int32Array(n);
  const keys: CustomerId[] = [];
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    const digits = text ? code % 16 : 0;
    const value = text ? (code - digits) / 16 : code;
    if (!(value >= 0 && value < limit)) return null;
    if (value >= table.length) {
      let size = table.length;
      while (size <= value) size *= 2;
      const grown = new Int32Array(size).fill(-1);
      grown.set(table);
      table = grown;
    }
    let c = table[value];
    if (c < 0) {
      c = keys.length;
      table[value] = c;
      keys.push(keyOf(cells, i));
      digitsOf.push(digits);
    } else if (digitsOf[c] !== digits) return null;
    customerOf[i] = c;
  }
  return { customerOf, keys };
}

/** Grouping by an open-addressing hash table of the codes, kept at most half full. */
function groupByHash(cells: CellColumn, codes: Float64Array): { customerOf: Int32Array; keys: CustomerId[] } {
  const n = codes.length;
  let bits = 12;
  let mask = (1 << bits) - 1;
  let slotKey = new Float64Array(mask + 1);
  let slotCustomer = new Int32Array(mask + 1).fill(-1);
  const keys: CustomerId[] = [];
  const keyCodes: number[] = [];
  const customerOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const code = codes[i];
    let slot = slotOf(code, bits);
    let c = slotCustomer[slot];
    while (c >= 0 && slotKey[slot] !== code) {
      slot = (slot + 1) & mask;
      c = slotCustomer[slot];
    }
    if (c < 0) {
      c = keys.length;
      keys.push(keyOf(cells, i));
      keyCodes.push(code);
      slotKey[slot] = code;
      slotCustomer[slot] = c;
      if (keys.length * 2 > mask) {
        bits++;
        mask = (1 << bits) - 1;
        slotKey = new Float64Array(mask + 1);
        slotCustomer = new Int32Array(mask + 1).fill(-1);
        for (let q = 0; q < keyCodes.length; q++) {
          let at = slotOf(keyCodes[q], bits);
          while (slotCustomer[at] >= 0) at = (at + 1) & mask;
          slotKey[at] = keyCodes[q];
          slotCustomer[at] = q;
        }
      }
    }
    customerOf[i] = c;
  }
  return { customerOf, keys };
}

/** Fibonacci hashing of a safe integer's two 32-bit halves to a table slot of `bits` bits. */
function slotOf(code: number, bits: number): number {
  const mixed = (code | 0) ^ Math.imul((code / 4294967296) | 0, 0x85ebca6b);
  return Math.imul(mixed, 0x9e3779b1) >>> (32 - bits);
}

/**
 * The log read and grouped by customer in one pass over its cells, without copying the columns, for the usual
 * case: every id a number or non-blank text, every date and amount a number or numeric text. Null as soon as a
 * cell is anything else (a blank, an error, a boolean, text that is not a number): the caller then reads the log
 * with readTransactionLog and summarizeTransactions, which report the problem as they always have. Either way the
 * summary is the same (the grouping is customerKey's, in first-appearance order; test/functions/summary-fast).
 */
export function readGroupedLog(customer_ids: unknown, dates: unknown, amounts: unknown): GroupedLog | null {
  try {
    return groupedLog(customer_ids, dates, amounts);
  } catch {
    // A problem of any kind (a range two columns wide, columns of different lengths): the general reader says it.
    return null;
  }
}

interface GroupedLog {
  groups: CustomerGroups;
  dates: Float64Array;
  amounts: Float64Array;
}

function groupedLog(customer_ids: unknown, dates: unknown, amounts: unknown): GroupedLog | null {
  // The rows of n × 1 ranges are checked as they are read, not in a pass of their own.
  const [idCells, dateCells, amountCells] = readParallelColumns(
    [
      { arg: "customer_ids", value: customer_ids },
      { arg: "dates", value: dates },
      { arg: "amounts", value: amounts },
    ],
    false,
  );
  const n = idCells.length;
  const dateValues = new Float64Array(n);
  const amountValues = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const date = dateCells.at(i);
    const day = typeof date === "number" ? date : plainNumber(date);
    const amount = amountCells.at(i);
    const value = typeof amount === "number" ? amount : plainNumber(amount);
    if (Number.isNaN(day) || Number.isNaN(value)) return null;
    dateValues[i] = day;
    amountValues[i] = value;
  }
  const idAt = (row: number) => idCells.at(row);
  const structured = groupStructuredIds(idCells);
  if (structured) return { groups: { ...structured, idAt }, dates: dateValues, amounts: amountValues };
  const customerOf = new Int32Array(n);
  // As in groupCustomers: a null-prototype object, where a number and the text that spells it are one property.
  const index: Record<CustomerId, number> = Object.create(null);
  const keys: CustomerId[] = [];
  for (let i = 0; i < n; i++) {
    const id = idCells.at(i);
    let key: CustomerId | null;
    if (typeof id === "number") key = id === 0 ? 0 : id;
    else if (typeof id === "string" && id.charCodeAt(0) !== 35) key = customerKeyOrNull(id);
    else return null;
    if (key === null) return null;
    let c = index[key];
    if (c === undefined) {
      c = keys.length;
      index[key] = c;
      keys.push(key);
    }
    customerOf[i] = c;
  }
  return { groups: { customerOf, keys, idAt }, dates: dateValues, amounts: amountValues };
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
    // The one-pass reader for the usual log; the general one (same results, its own messages) for anything else.
    const grouped = readGroupedLog(customer_ids, dates, amounts);
    const log = grouped ? null : readTransactionLog(customer_ids, dates, amounts);
    const timeUnit = readTimeUnit(time_unit, "time_unit", "weeks");
    const options = {
      asOf: optionalDate(as_of, "as_of"),
      calibrationEnd: optionalDate(calibration_end, "calibration_end"),
      timeUnit,
      recentPeriods: readNumber(recent_periods, "recent_periods", { default: 12, positive: true }),
    };
    const result = grouped
      ? summarizeGroupedLog(grouped.groups, grouped.dates, grouped.amounts, options)
      : summarizeTransactions(log!.ids, log!.dates, log!.amounts, options);
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
