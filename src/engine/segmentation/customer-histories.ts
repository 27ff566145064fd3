/**
 * CLV tiers from a customer table: one row per customer with the first and last purchase dates, the number of
 * orders and the average order value, read as the BTYD histories a transaction log would give (Fader, Hardie & Lee
 * 2005, "Counting your customers the easy way", §3): x = orders − 1 repeat purchases, t_x = last − first,
 * T = as-of − first, in the method's time unit; monetary = the average order value (Gamma-Gamma's input).
 * Dates are whole days, as in the transaction summary. The table cannot tell orders placed on the same day apart,
 * so x counts every order after the first.
 */
import type { CellValue } from "../sheet-data";
import type { MessageKey } from "../../i18n";
import { DAYS_PER_PERIOD, DEFAULT_RECENT_PERIODS, type CustomerSummary, type TimeUnit } from "../transactions/summary";
import { isoDate } from "../transactions/dates";
import { cellNumber, customerKey } from "./cells";
import type { ColumnMapping, SegmentationMethod, TableIssue } from "./types";

/** The roles CLV tiers need in a customer table. */
export const HISTORY_ROLES = ["firstPurchase", "lastPurchase", "frequency", "monetary"] as const;

/** True when the table maps the first and last purchase dates (the rest is checked as missing roles). */
export const hasPurchaseDates = (mapping: ColumnMapping) =>
  mapping.firstPurchase !== undefined && mapping.lastPurchase !== undefined;

/** How many cells an issue lists. */
const SHOWN = 5;

interface Columns {
  first: Float64Array;
  last: Float64Array;
  orders: Float64Array;
}

function readColumns(headers: string[], rows: CellValue[][], mapping: ColumnMapping): Columns {
  const read = (header: string | undefined) => {
    const column = headers.indexOf(header as string);
    const out = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) out[i] = cellNumber(rows[i][column]);
    return out;
  };
  return { first: read(mapping.firstPurchase), last: read(mapping.lastPurchase), orders: read(mapping.frequency) };
}

/** The as-of date of a customer table: the given one (whole days), else its latest last purchase. */
export function tableAsOf(last: ArrayLike<number>, asOf?: number): number {
  if (asOf !== undefined) return Math.floor(asOf);
  let latest = -Infinity;
  for (let i = 0; i < last.length; i++) if (last[i] > latest) latest = last[i];
  return Math.floor(latest);
}

/**
 * The checks across columns, once each column holds valid dates and counts: the last purchase not before the
 * first, orders a whole number from 1, dates not after the as-of date; one order with two different dates is
 * read as one purchase (a warning). `cell(row, header)` names a cell the way the other issues do.
 */
export function historyIssues(
  headers: string[],
  rows: CellValue[][],
  mapping: ColumnMapping,
  cell: (row: number, header: string) => string,
  asOf?: number,
): TableIssue[] {
  const { first, last, orders } = readColumns(headers, rows, mapping);
  const end = tableAsOf(last, asOf);
  const findings = new Map<MessageKey, { rows: number[]; count: number; header: string }>();
  const add = (key: MessageKey, row: number, header: string) => {
    let finding = findings.get(key);
    if (!finding) findings.set(key, (finding = { rows: [], count: 0, header }));
    finding.count++;
    if (finding.rows.length < SHOWN) finding.rows.push(row);
  };
  for (let i = 0; i < rows.length; i++) {
    const firstDay = Math.floor(first[i]);
    const lastDay = Math.floor(last[i]);
    if (!(orders[i] >= 1) || !Number.isInteger(orders[i])) add("selection.issue.ordersNotWhole", i, mapping.frequency!);
    if (lastDay < firstDay) add("selection.issue.lastBeforeFirst", i, mapping.lastPurchase!);
    else if (orders[i] === 1 && lastDay !== firstDay) add("selection.issue.oneOrderTwoDates", i, mapping.lastPurchase!);
    if (lastDay > end) add("selection.issue.afterAsOf", i, mapping.lastPurchase!);
  }
  const warnings = new Set<MessageKey>(["selection.issue.oneOrderTwoDates"]);
  return [...findings.entries()].map(([key, finding]) => {
    const cells = finding.rows.map((row) => cell(row, finding.header));
    return {
      key,
      params: { count: finding.count, column: finding.header, first: cells[0], asOf: isoDate(end) },
      cells,
      severity: warnings.has(key) ? "warning" : "error",
    };
  });
}

/**
 * The customer table as the per-customer summary a transaction log gives (the same arrays, one entry per row),
 * so CLV tiers, their action columns and the Win-back sheet read it alike. The rows must have passed
 * historyIssues without error. Without a customer id column, a customer is named by its row number.
 */
export function customerTableSummary(
  headers: string[],
  rows: CellValue[][],
  mapping: ColumnMapping,
  method: Extract<SegmentationMethod, { kind: "clvTiers" }>,
  asOf?: number,
): CustomerSummary {
  const { first, last, orders } = readColumns(headers, rows, mapping);
  const n = rows.length;
  const end = tableAsOf(last, asOf);
  const unit: TimeUnit = method.timeUnit;
  const days = DAYS_PER_PERIOD[unit];
  const idColumn = mapping.customerId === undefined ? -1 : headers.indexOf(mapping.customerId);
  const monetaryColumn = headers.indexOf(mapping.monetary as string);
  const summary: CustomerSummary = {
    count: n,
    ids: rows.map((row, i) => (idColumn >= 0 ? customerKey(row[idColumn]) : i + 1)),
    firstPurchase: new Float64Array(n),
    lastPurchase: new Float64Array(n),
    orders: new Uint32Array(n),
    totalAmount: new Float64Array(n),
    averageBasket: new Float64Array(n),
    frequency: new Uint32Array(n),
    recency: new Float64Array(n),
    age: new Float64Array(n),
    monetary: new Float64Array(n),
    sinceLastPurchase: new Float64Array(n),
    // The table gives no purchase dates between the first and the last.
    recentPurchases: new Uint32Array(n),
    meanGap: new Float64Array(n),
    holdoutPurchases: null,
    holdoutLength: NaN,
    asOf: end,
    calibrationEnd: null,
    periodEnd: end,
    timeUnit: unit,
    recentPeriods: DEFAULT_RECENT_PERIODS,
    customerOfRow: Int32Array.from({ length: n }, (_, i) => i),
  };
  for (let i = 0; i < n; i++) {
    const firstDay = Math.floor(first[i]);
    const x = orders[i] - 1;
    // One order: the first purchase is the last (a second date is the warning oneOrderTwoDates).
    const lastDay = x === 0 ? firstDay : Math.floor(last[i]);
    const spend = cellNumber(rows[i][monetaryColumn]);
    summary.firstPurchase[i] = firstDay;
    summary.lastPurchase[i] = lastDay;
    summary.orders[i] = orders[i];
    summary.frequency[i] = x;
    summary.recency[i] = (lastDay - firstDay) / days;
    summary.age[i] = (end - firstDay) / days;
    summary.sinceLastPurchase[i] = summary.age[i] - summary.recency[i];
    summary.averageBasket[i] = spend;
    summary.totalAmount[i] = spend * orders[i];
    summary.monetary[i] = x > 0 ? spend : 0;
    summary.meanGap[i] = x > 0 ? summary.recency[i] / x : NaN;
  }
  return summary;
}
