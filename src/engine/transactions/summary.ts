/**
 * From a transaction log (one row per order) to one row per customer: the RFM / BTYD summary
 * ("customer-by-sufficient-statistic", Fader, Hardie & Lee 2005, "Counting your customers the easy way", §3)
 * plus the order aggregates a marketing analyst reads. Pure and typed-array based: no sorting of the whole log,
 * a counting sort by customer and a sort of each customer's own dates.
 *
 * Conventions, as in the BTYD literature and the lifetimes/BTYD packages:
 * - dates are Excel serial numbers; the time of day is dropped, and purchases on the same calendar day count as one
 *   purchase whose amount is the day's total, whatever the time unit;
 * - frequency x = purchase days − 1 (repeat purchases); recency t_x = last − first purchase day; T (age) = period
 *   end − first purchase day; monetary = mean amount of the repeat purchase days (0 when x = 0), the Gamma-Gamma input;
 * - the period ends at calibration_end when given (the holdout then runs to as_of), otherwise at as_of;
 *   transactions after as_of are ignored, and customers whose first purchase is after the period end are left out;
 * - customers come out in the order of their first appearance in the log.
 */
import { valueError, numError } from "../errors";
import { CustomerHistory } from "../models/types";
import { isExcelSerial, isoDate } from "./dates";

export type TimeUnit = "days" | "weeks" | "months";
export const TIME_UNITS: readonly TimeUnit[] = ["days", "weeks", "months"];

/**
 * Days in one period. A month is 365.25 / 12 = 30.4375 days, the mean calendar month, so 12 months make a year and
 * results do not depend on which months a customer happened to live through.
 */
export const DAYS_PER_PERIOD: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7, months: 365.25 / 12 };

export const DEFAULT_RECENT_PERIODS = 12;

export type CustomerId = string | number;

export interface SummaryOptions {
  /** End of the observation, an Excel serial date. Default: the last transaction date. */
  asOf?: number;
  /** Unit of recency, T, mean gap and the windows. Default: weeks (the models' usual unit). */
  timeUnit?: TimeUnit;
  /** End of the calibration period: the summary stops there and the holdout runs to as_of. */
  calibrationEnd?: number;
  /** Width N of the "purchases in the last N periods" window, in time units. Default 12. */
  recentPeriods?: number;
}

/** One entry per customer in every array, in first-appearance order. Times are in `timeUnit`. */
export interface CustomerSummary {
  count: number;
  ids: CustomerId[];
  /** First and last purchase day (Excel serials, whole days) within the period. */
  firstPurchase: Float64Array;
  lastPurchase: Float64Array;
  /** Transaction rows (orders) within the period, same-day orders counted separately. */
  orders: Uint32Array;
  totalAmount: Float64Array;
  /** totalAmount ÷ orders. */
  averageBasket: Float64Array;
  /** x: repeat purchase days. */
  frequency: Uint32Array;
  /** t_x: first to last purchase. */
  recency: Float64Array;
  /** T: first purchase to the period end. */
  age: Float64Array;
  /** Mean amount of the repeat purchase days; 0 when x = 0. */
  monetary: Float64Array;
  /** Time since the last purchase (T − t_x): the R of RFM, where smaller is better. */
  sinceLastPurchase: Float64Array;
  /** Purchase days in the last `recentPeriods` periods before the period end. */
  recentPurchases: Uint32Array;
  /** Mean time between two purchase days, t_x ÷ x; NaN when x = 0. */
  meanGap: Float64Array;
  /** Purchase days after calibration_end up to as_of; null without a calibration end. */
  holdoutPurchases: Uint32Array | null;
  /** as_of − calibration_end in time units, the same for every customer; NaN without a calibration end. */
  holdoutLength: number;
  asOf: number;
  calibrationEnd: number | null;
  /** calibrationEnd when given, otherwise asOf. */
  periodEnd: number;
  timeUnit: TimeUnit;
  recentPeriods: number;
  /**
   * Per input row: the index of its customer in these arrays, or −1 when the row is after the period end (or the
   * customer has no purchase in the period). Lets callers map rows to customers without hashing ids again.
   */
  customerOfRow: Int32Array;
}

/** The models' view of customer i (see src/engine/models/types.ts). */
export function customerHistory(summary: CustomerSummary, i: number): CustomerHistory {
  return { frequency: summary.frequency[i], recency: summary.recency[i], age: summary.age[i] };
}

/** The key that identifies a customer: text is trimmed, and text that spells a number matches that number. */
export function customerKey(id: unknown, row: number): CustomerId {
  const key = customerKeyOrNull(id);
  if (key === null) throw valueError("summary.blankId", { row });
  return key;
}

/** customerKey, or null for a blank id (no cell, empty or white-space text) instead of throwing. */
export function customerKeyOrNull(id: unknown): CustomerId | null {
  if (typeof id === "number") return id === 0 ? 0 : id;
  if (id === null || id === undefined) return null;
  let text = typeof id === "string" ? id : String(id);
  if (text.length === 0 || text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32) {
    text = text.trim();
    if (text === "") return null;
  }
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45 || first === 46) {
    const asNumber = Number(text);
    if (String(asNumber) === text) return asNumber;
  }
  return text;
}

function checkRows(dates: Float64Array, amounts: Float64Array): number {
  let lastDay = -Infinity;
  for (let i = 0; i < dates.length; i++) {
    const date = dates[i];
    if (Number.isNaN(date)) throw valueError("summary.blankDate", { row: i + 1 });
    if (!isExcelSerial(date)) throw numError("summary.dateOutOfRange", { row: i + 1, found: date });
    const amount = amounts[i];
    if (Number.isNaN(amount)) throw valueError("summary.blankAmount", { row: i + 1 });
    if (!Number.isFinite(amount)) throw valueError("summary.notFiniteAmount", { row: i + 1 });
    if (date > lastDay) lastDay = date;
  }
  return Math.floor(lastDay);
}

function checkPeriodEnd(value: number, arg: string): number {
  if (!isExcelSerial(value)) throw numError("summary.notDate", { arg, found: value });
  return Math.floor(value);
}

/**
 * A log's rows grouped by customer: `customerOf[row]` numbers the customers 0, 1, … in order of first appearance
 * over all rows, `keys[c]` is customer c's key (customerKey), and `idAt(row)` gives a row's id cell as typed (the
 * displayed id is the text of the first row kept when the key is a number spelled as text).
 */
export interface CustomerGroups {
  customerOf: Int32Array;
  keys: CustomerId[];
  idAt: (row: number) => unknown;
}

/**
 * Numbers the customers of an id column in first-appearance order; a blank id throws, naming its row.
 * A null-prototype object rather than a Map: V8 looks string keys up in it faster, and a number and the text that
 * spells it land on the same property, which is the matching rule customerKey promises.
 */
export function groupCustomers(ids: ArrayLike<unknown>): CustomerGroups {
  const n = ids.length;
  const index: Record<CustomerId, number> = Object.create(null);
  const keys: CustomerId[] = [];
  const customerOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = customerKey(ids[i], i + 1);
    let c = index[key];
    if (c === undefined) {
      c = keys.length;
      index[key] = c;
      keys.push(key);
    }
    customerOf[i] = c;
  }
  return { customerOf, keys, idAt: (row) => ids[row] };
}

interface Period {
  asOf: number;
  calibrationEnd: number | null;
  periodEnd: number;
  timeUnit: TimeUnit;
  recentPeriods: number;
  lastDay: number;
}

/** The checks on the columns and options, in the order they are reported; the resolved period. */
function checkLog(n: number, dates: Float64Array, amounts: Float64Array, options: SummaryOptions): Period {
  if (dates.length !== n || amounts.length !== n) {
    const [arg, found] = dates.length !== n ? ["dates", dates.length] : ["amounts", amounts.length];
    throw valueError("args.lengthMismatch", { arg, found, other: "customer_ids", expected: n });
  }
  if (n === 0) throw valueError("summary.empty");
  const timeUnit = options.timeUnit ?? "weeks";
  const recentPeriods = options.recentPeriods ?? DEFAULT_RECENT_PERIODS;
  if (!(recentPeriods > 0) || !Number.isFinite(recentPeriods)) {
    throw numError("summary.badRecentPeriods", { found: recentPeriods });
  }
  const lastDay = checkRows(dates, amounts);
  const asOf = options.asOf === undefined ? lastDay : checkPeriodEnd(options.asOf, "as_of");
  const calibrationEnd =
    options.calibrationEnd === undefined ? null : checkPeriodEnd(options.calibrationEnd, "calibration_end");
  if (calibrationEnd !== null && calibrationEnd > asOf) {
    throw numError("summary.calibrationAfterAsOf", { calibration: isoDate(calibrationEnd), asOf: isoDate(asOf) });
  }
  return { asOf, calibrationEnd, periodEnd: calibrationEnd ?? asOf, timeUnit, recentPeriods, lastDay };
}

/**
 * Summarises a transaction log per customer. `ids`, `dates` (Excel serials) and `amounts` are parallel columns;
 * a bad row throws an InputError naming it (1-based).
 */
export function summarizeTransactions(
  ids: ArrayLike<unknown>,
  dates: Float64Array,
  amounts: Float64Array,
  options: SummaryOptions = {},
): CustomerSummary {
  const period = checkLog(ids.length, dates, amounts, options);
  return summarizeGroups(groupCustomers(ids), dates, amounts, period);
}

/**
 * summarizeTransactions for a log whose ids a caller has already grouped (groupCustomers, or a reader that groups
 * while it reads the cells): the same checks, in the same order, except the blank-id one, which grouping did.
 */
export function summarizeGroupedLog(
  groups: CustomerGroups,
  dates: Float64Array,
  amounts: Float64Array,
  options: SummaryOptions = {},
): CustomerSummary {
  const period = checkLog(groups.customerOf.length, dates, amounts, options);
  return summarizeGroups(groups, dates, amounts, period);
}

/** Sorts a run of whole days in place; insertion sort is faster than a native call for short runs. */
function sortDays(days: Int32Array, from: number, to: number): void {
  if (to - from > 32) {
    days.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const day = days[i];
    let j = i - 1;
    while (j >= from && days[j] > day) {
      days[j + 1] = days[j];
      j--;
    }
    days[j + 1] = day;
  }
}

/**
 * The summary from grouped rows, in two passes over the rows and two over the customers:
 * 1. rows up to as_of: each customer numbered again in order of first appearance among them, its rows counted;
 * 2. a counting sort of those rows' days and amounts by customer (a customer's rows stay in log order);
 * then per customer, in log order, its orders, total, first purchase day and that day's amount (so every sum
 * adds the same numbers in the same order as the log), and after a sort of its own few days the distinct purchase
 * days, the last one, the recent ones and the holdout ones. Per-row work touches few arrays at random: on a
 * million-row log that, not the arithmetic, is the cost.
 */
function summarizeGroups(
  groups: CustomerGroups,
  dates: Float64Array,
  amounts: Float64Array,
  { asOf, calibrationEnd, periodEnd, timeUnit, recentPeriods }: Period,
): CustomerSummary {
  const { customerOf, keys } = groups;
  const n = customerOf.length;
  const unitDays = DAYS_PER_PERIOD[timeUnit];
  const groupCount = keys.length;

  // Pass 1. `renumber` maps a group to its customer number among rows up to as_of (−1 until seen); rowCustomer
  // is each row's customer number (−1 after as_of); rowsOf counts a customer's kept rows, holdout ones included.
  const renumber = new Int32Array(groupCount).fill(-1);
  const firstRow = new Int32Array(groupCount);
  const rowCustomer = new Int32Array(n);
  const rowsOf = new Int32Array(groupCount + 1);
  let customers = 0;
  for (let i = 0; i < n; i++) {
    if (Math.floor(dates[i]) > asOf) {
      rowCustomer[i] = -1;
      continue;
    }
    const g = customerOf[i];
    let c = renumber[g];
    if (c < 0) {
      c = customers++;
      renumber[g] = c;
      firstRow[c] = i;
    }
    rowCustomer[i] = c;
    rowsOf[c + 1]++;
  }

  // Pass 2: counting sort of the kept rows' days and amounts by customer (log order within a customer).
  const start = rowsOf;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const days = new Int32Array(start[customers]);
  const values = new Float64Array(start[customers]);
  for (let i = 0; i < n; i++) {
    const c = rowCustomer[i];
    if (c < 0) continue;
    const at = fill[c]++;
    days[at] = Math.floor(dates[i]);
    values[at] = amounts[i];
  }

  // Per customer, in log order: orders, total, the first purchase day and that day's amount within the period.
  const orders = new Uint32Array(customers);
  const totalAmount = new Float64Array(customers);
  const firstPurchase = new Float64Array(customers);
  const firstDayAmount = new Float64Array(customers);
  for (let c = 0; c < customers; c++) {
    let first = Infinity;
    let total = 0;
    let count = 0;
    let firstDay = 0;
    for (let k = start[c], to = start[c + 1]; k < to; k++) {
      const day = days[k];
      if (day > periodEnd) continue;
      count++;
      total += values[k];
      if (day < first) {
        first = day;
        firstDay = values[k];
      } else if (day === first) firstDay += values[k];
    }
    orders[c] = count;
    totalAmount[c] = total;
    firstPurchase[c] = first;
    firstDayAmount[c] = firstDay;
  }

  // Customers with at least one purchase in the period, in first-appearance order.
  let kept = 0;
  for (let c = 0; c < customers; c++) if (orders[c] > 0) kept++;
  if (kept === 0) throw numError("summary.noTransactionsBefore", { date: isoDate(periodEnd) });
  const summary: CustomerSummary = {
    count: kept,
    ids: new Array<CustomerId>(kept),
    firstPurchase: new Float64Array(kept),
    lastPurchase: new Float64Array(kept),
    orders: new Uint32Array(kept),
    totalAmount: new Float64Array(kept),
    averageBasket: new Float64Array(kept),
    frequency: new Uint32Array(kept),
    recency: new Float64Array(kept),
    age: new Float64Array(kept),
    monetary: new Float64Array(kept),
    sinceLastPurchase: new Float64Array(kept),
    recentPurchases: new Uint32Array(kept),
    meanGap: new Float64Array(kept),
    holdoutPurchases: calibrationEnd === null ? null : new Uint32Array(kept),
    holdoutLength: calibrationEnd === null ? NaN : (asOf - calibrationEnd) / unitDays,
    asOf,
    calibrationEnd,
    periodEnd,
    timeUnit,
    recentPeriods,
    customerOfRow: rowCustomer,
  };
  const recentFrom = periodEnd - recentPeriods * unitDays;
  // Customer number → kept index (−1 when dropped), for the per-row answer.
  const keptIndex = kept === customers ? null : new Int32Array(customers).fill(-1);
  let j = 0;
  for (let c = 0; c < customers; c++) {
    const count = orders[c];
    if (count === 0) continue;
    if (keptIndex) keptIndex[c] = j;
    const from = start[c];
    const to = start[c + 1];
    sortDays(days, from, to);
    const first = firstPurchase[c];
    let previous = -1;
    let distinct = 0;
    let recent = 0;
    let later = 0;
    let last = first;
    for (let k = from; k < to; k++) {
      const day = days[k];
      if (day === previous) continue;
      previous = day;
      if (day > periodEnd) {
        later++;
        continue;
      }
      distinct++;
      last = day;
      if (day > recentFrom) recent++;
    }
    const x = distinct - 1;
    const total = totalAmount[c];
    const recency = (last - first) / unitDays;
    // A number key typed as text in the customer's first row is shown as that text ("42" stays text).
    const key = keys[customerOf[firstRow[c]]];
    let id = key;
    if (typeof key === "number") {
      const cell = groups.idAt(firstRow[c]);
      if (typeof cell !== "number") id = String(cell).trim();
    }
    summary.ids[j] = id;
    summary.firstPurchase[j] = first;
    summary.lastPurchase[j] = last;
    summary.orders[j] = count;
    summary.totalAmount[j] = total;
    summary.averageBasket[j] = total / count;
    summary.frequency[j] = x;
    summary.recency[j] = recency;
    summary.age[j] = (periodEnd - first) / unitDays;
    summary.monetary[j] = x > 0 ? (total - firstDayAmount[c]) / x : 0;
    summary.sinceLastPurchase[j] = (periodEnd - last) / unitDays;
    summary.recentPurchases[j] = recent;
    summary.meanGap[j] = x > 0 ? recency / x : NaN;
    if (summary.holdoutPurchases) summary.holdoutPurchases[j] = later;
    j++;
  }
  for (let i = 0; i < n; i++) {
    const c = rowCustomer[i];
    if (c < 0) continue;
    if (Math.floor(dates[i]) > periodEnd) rowCustomer[i] = -1;
    else if (keptIndex) rowCustomer[i] = keptIndex[c];
  }
  return summary;
}
