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
  if (typeof id === "number") return id === 0 ? 0 : id;
  if (id === null || id === undefined) throw valueError("summary.blankId", { row });
  let text = typeof id === "string" ? id : String(id);
  if (text.length === 0 || text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32) {
    text = text.trim();
    if (text === "") throw valueError("summary.blankId", { row });
  }
  const first = text.charCodeAt(0);
  if ((first >= 48 && first <= 57) || first === 45 || first === 46) {
    const asNumber = Number(text);
    if (String(asNumber) === text) return asNumber;
  }
  return text;
}

/** Sorts a customer's few dates in place; insertion sort is faster than a native call for short runs. */
function sortDays(days: Float64Array, from: number, to: number): void {
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
 * Summarises a transaction log per customer. `ids`, `dates` (Excel serials) and `amounts` are parallel columns;
 * a bad row throws an InputError naming it (1-based).
 */
export function summarizeTransactions(
  ids: ArrayLike<unknown>,
  dates: Float64Array,
  amounts: Float64Array,
  options: SummaryOptions = {},
): CustomerSummary {
  const n = ids.length;
  if (dates.length !== n || amounts.length !== n) {
    const [arg, found] = dates.length !== n ? ["dates", dates.length] : ["amounts", amounts.length];
    throw valueError("args.lengthMismatch", { arg, found, other: "customer_ids", expected: n });
  }
  if (n === 0) throw valueError("summary.empty");
  const timeUnit = options.timeUnit ?? "weeks";
  const unitDays = DAYS_PER_PERIOD[timeUnit];
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
  const periodEnd = calibrationEnd ?? asOf;

  // Pass 1: customer index of every row (first-appearance order), −1 for rows after as_of.
  // A null-prototype object rather than a Map: V8 looks string keys up in it faster, and a number and the text
  // that spells it land on the same property, which is the matching rule customerKey promises.
  const index: Record<CustomerId, number> = Object.create(null);
  const firstIds: CustomerId[] = [];
  const customerOf = new Int32Array(n);
  let rowsKept = 0;
  for (let i = 0; i < n; i++) {
    const key = customerKey(ids[i], i + 1);
    if (Math.floor(dates[i]) > asOf) {
      customerOf[i] = -1;
      continue;
    }
    let c = index[key];
    if (c === undefined) {
      c = firstIds.length;
      index[key] = c;
      firstIds.push(typeof ids[i] === "number" || typeof key === "string" ? key : String(ids[i]).trim());
    }
    customerOf[i] = c;
    rowsKept++;
  }
  const customers = firstIds.length;

  // Counting sort of the kept rows by customer, keeping log order within a customer.
  const start = new Uint32Array(customers + 1);
  for (let i = 0; i < n; i++) if (customerOf[i] >= 0) start[customerOf[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const days = new Float64Array(rowsKept);
  const values = new Float64Array(rowsKept);
  for (let i = 0; i < n; i++) {
    const c = customerOf[i];
    if (c < 0) continue;
    const at = fill[c]++;
    days[at] = Math.floor(dates[i]);
    values[at] = amounts[i];
  }

  const firstPurchase = new Float64Array(customers);
  const lastPurchase = new Float64Array(customers);
  const orders = new Uint32Array(customers);
  const totalAmount = new Float64Array(customers);
  const frequency = new Uint32Array(customers);
  const firstDayAmount = new Float64Array(customers);
  const recentPurchases = new Uint32Array(customers);
  const holdout = new Uint32Array(customers);
  const recentFrom = periodEnd - recentPeriods * unitDays;

  for (let c = 0; c < customers; c++) {
    const from = start[c];
    const to = start[c + 1];
    let first = Infinity;
    let total = 0;
    let count = 0;
    let firstDay = 0;
    for (let k = from; k < to; k++) {
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
    if (count === 0) continue;
    firstPurchase[c] = first;
    totalAmount[c] = total;
    firstDayAmount[c] = firstDay;
    sortDays(days, from, to);
    let previous = NaN;
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
    lastPurchase[c] = last;
    frequency[c] = distinct - 1;
    recentPurchases[c] = recent;
    holdout[c] = later;
  }

  // Keep the customers with at least one purchase in the period, in first-appearance order.
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
    customerOfRow: customerOf,
  };
  // Old customer index → kept index (−1 when dropped); customerOf is reused as the per-row answer.
  const keptIndex = new Int32Array(customers).fill(-1);
  let j = 0;
  for (let c = 0; c < customers; c++) {
    if (orders[c] === 0) continue;
    keptIndex[c] = j;
    const x = frequency[c];
    const recency = (lastPurchase[c] - firstPurchase[c]) / unitDays;
    summary.ids[j] = firstIds[c];
    summary.firstPurchase[j] = firstPurchase[c];
    summary.lastPurchase[j] = lastPurchase[c];
    summary.orders[j] = orders[c];
    summary.totalAmount[j] = totalAmount[c];
    summary.averageBasket[j] = totalAmount[c] / orders[c];
    summary.frequency[j] = x;
    summary.recency[j] = recency;
    summary.age[j] = (periodEnd - firstPurchase[c]) / unitDays;
    summary.monetary[j] = x > 0 ? (totalAmount[c] - firstDayAmount[c]) / x : 0;
    summary.sinceLastPurchase[j] = (periodEnd - lastPurchase[c]) / unitDays;
    summary.recentPurchases[j] = recentPurchases[c];
    summary.meanGap[j] = x > 0 ? recency / x : NaN;
    if (summary.holdoutPurchases) summary.holdoutPurchases[j] = holdout[c];
    j++;
  }
  for (let i = 0; i < n; i++) {
    const c = customerOf[i];
    customerOf[i] = c < 0 || Math.floor(dates[i]) > periodEnd ? -1 : keptIndex[c];
  }
  return summary;
}
