/**
 * Value by group ("compare by" a channel, a country, a campaign…): from the per-customer results of a CLV-tiers
 * segmentation, per group the customers, predicted CLV, P(alive) and revenue; with the spend the user typed per group
 * and period, the CAC, LTV:CAC, payback and the maximum affordable CAC.
 *
 * The formulas are the functions' own (src/engine/metrics/acquisition.ts, behind CUST.CAC, CUST.LTVCAC and
 * CUST.PAYBACK), so the Channels sheet and a formula on the same inputs agree:
 *   CAC          = spend ÷ customers of the group acquired (first purchase) in the spend's period   (CUST.CAC)
 *   LTV          = the group's average predicted CLV (the sum of each customer's CUST.PCLV ÷ customers)
 *   LTV:CAC      = LTV ÷ CAC                                                                         (CUST.LTVCAC)
 *   payback      = CAC ÷ (monthly revenue per customer × margin)                                     (CUST.PAYBACK)
 *   maximum CAC  = LTV ÷ 3, the LTV:CAC ≥ 3 rule of thumb (formulas.md, "CAC payback"), as on the Segments sheet.
 * Monthly revenue per customer is the group's revenue ÷ the months its customers have been customers (first purchase
 * to the end of the data, at least one month each; a month is 365.25/12 days).
 */
import { isBlankCell } from "../segmentation/cells";
import { sniffColumn } from "../segmentation/mapping";
import type { CellValue } from "../sheet-data";
import { valueError } from "../errors";
import { acquisitionCost, lifetimeValueToCost, paybackMonths } from "../metrics/acquisition";
import { maxCacOf } from "../segmentation/summary-sheet";
import { ChannelRanges, hasRange, RangeIssue } from "./group-ranges";

/** A month, in days (the convention of every function). */
export const DAYS_PER_MONTH = 365.25 / 12;
/** At most this many groups: a "compare by" column with more distinct values is not a channel (an id, a date…). */
export const MAX_GROUPS = 100;

/** What the segmentation knows about one group, before any spend: sums, so groups can be merged and checked. */
export interface GroupBase {
  /** The group's value as first met in the table (outer spaces removed); "" for customers without one. */
  label: string;
  customers: number;
  totalClv: number;
  /** Σ P(alive). */
  aliveSum: number;
  revenue: number;
  /** Σ months each customer has been one (first purchase to the end of the data, at least 1). */
  customerMonths: number;
  /** Each customer's acquisition day (first purchase, Excel serial), ascending. Plain array: it crosses postMessage. */
  acquired: number[];
}

/** The groups of one "compare by" column, as a segmentation result carries them to the Channels sheet. */
export interface ChannelBase {
  column: string;
  groups: GroupBase[];
  /** The data window: first purchase and end of the data (Excel serials), the default spend period. */
  firstDay: number;
  lastDay: number;
  margin: number;
  horizonMonths: number;
  discountRate: number;
  /**
   * The low and high of each group's predicted CLV (group-ranges.ts), or why there are none. Absent in results
   * made before ranges existed.
   */
  ranges?: ChannelRanges | { issue: RangeIssue };
}

/** The customers' results, one entry per customer. */
export interface GroupCustomers {
  group: ArrayLike<CellValue | null>;
  clv: ArrayLike<number>;
  alive: ArrayLike<number>;
  revenue: ArrayLike<number>;
  /** First purchase (Excel serial). */
  acquired: ArrayLike<number>;
  /** End of the data (Excel serial), the same for every customer. */
  end: number;
}

/** Groups compare case-insensitively, outer spaces removed; numbers by their text. */
export const groupKey = (value: CellValue | null | undefined): string =>
  isBlankCell(value) ? "" : String(value).trim().toLocaleLowerCase();
const groupLabel = (value: CellValue | null | undefined): string => (isBlankCell(value) ? "" : String(value).trim());

/**
 * Sums each group's customers, in the order the groups are first met; refuses more than MAX_GROUPS groups.
 * Costs one pass over the customers plus a sort of each group's acquisition days.
 */
export function groupBases(customers: GroupCustomers, column: string): GroupBase[] {
  const index = new Map<string, number>();
  const groups: GroupBase[] = [];
  const n = customers.clv.length;
  for (let c = 0; c < n; c++) {
    const key = groupKey(customers.group[c]);
    let g = index.get(key);
    if (g === undefined) {
      g = groups.length;
      if (g >= MAX_GROUPS) throw valueError("channels.issue.tooManyGroups", { column, max: MAX_GROUPS });
      index.set(key, g);
      groups.push({
        label: groupLabel(customers.group[c]),
        customers: 0,
        totalClv: 0,
        aliveSum: 0,
        revenue: 0,
        customerMonths: 0,
        acquired: [],
      });
    }
    const group = groups[g];
    group.customers++;
    group.totalClv += customers.clv[c];
    group.aliveSum += customers.alive[c];
    group.revenue += customers.revenue[c];
    group.customerMonths += Math.max(1, (customers.end - customers.acquired[c]) / DAYS_PER_MONTH);
    group.acquired.push(Math.floor(customers.acquired[c]));
  }
  for (const group of groups) group.acquired.sort((a, b) => a - b);
  return groups;
}

/** The spend the user typed for one group, over a period (Excel serials, both days included). */
export interface GroupSpend {
  /** The group's value as typed in the spend table (matched like groupKey). */
  group: string;
  /** null: not typed yet. */
  spend: number | null;
  from: number;
  to: number;
}

/** Why a group has no CAC. */
export type NoCacReason = "noSpend" | "noAcquired" | "zeroSpend";

/** One row of the Channels sheet. */
export interface GroupValue {
  label: string;
  customers: number;
  totalClv: number;
  averageClv: number;
  /** The range of totalClv (percentiles of Σ PCLV over the parameter draws), and the same per customer; null: none. */
  totalClvLow: number | null;
  totalClvHigh: number | null;
  averageClvLow: number | null;
  averageClvHigh: number | null;
  /** Why the group has no range, when the others have one. */
  noRange?: RangeIssue;
  averageAlive: number;
  revenue: number;
  monthlyRevenue: number;
  maxCac: number;
  spend: number | null;
  period: { from: number; to: number } | null;
  /** Customers whose first purchase falls in the spend's period. */
  acquiredInPeriod: number | null;
  cac: number | null;
  ltvCac: number | null;
  paybackMonths: number | null;
  /** Why cac (and what follows from it) is missing. */
  noCac?: NoCacReason;
}

/** Customers acquired in [from, to] (whole days), by binary search of the sorted acquisition days. */
export function acquiredBetween(acquired: readonly number[], from: number, to: number): number {
  const lower = (day: number) => {
    let lo = 0;
    let hi = acquired.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (acquired[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const start = Math.floor(from);
  const end = Math.floor(to);
  if (end < start) return 0;
  return lower(end + 1) - lower(start);
}

/** Each group's value, with the spend typed for it (matched by groupKey) when there is one. */
export function valueByGroup(base: ChannelBase, spends: readonly GroupSpend[]): GroupValue[] {
  const byKey = new Map<string, GroupSpend>();
  for (const entry of spends) if (!byKey.has(groupKey(entry.group))) byKey.set(groupKey(entry.group), entry);
  const ranges = base.ranges && "groups" in base.ranges ? base.ranges : null;
  return base.groups.map((group, g) => {
    const averageClv = group.customers === 0 ? 0 : group.totalClv / group.customers;
    const range = ranges?.groups[g];
    const perCustomer = (total: number) => (group.customers === 0 ? 0 : total / group.customers);
    const monthlyRevenue = group.customerMonths === 0 ? 0 : group.revenue / group.customerMonths;
    const entry = byKey.get(groupKey(group.label));
    const value: GroupValue = {
      label: group.label,
      customers: group.customers,
      totalClv: group.totalClv,
      averageClv,
      totalClvLow: hasRange(range) ? range.low : null,
      totalClvHigh: hasRange(range) ? range.high : null,
      averageClvLow: hasRange(range) ? perCustomer(range.low) : null,
      averageClvHigh: hasRange(range) ? perCustomer(range.high) : null,
      ...(range && !hasRange(range) ? { noRange: range.issue } : {}),
      averageAlive: group.customers === 0 ? 0 : group.aliveSum / group.customers,
      revenue: group.revenue,
      monthlyRevenue,
      maxCac: maxCacOf(averageClv),
      spend: entry?.spend ?? null,
      period: entry ? { from: entry.from, to: entry.to } : null,
      acquiredInPeriod: entry ? acquiredBetween(group.acquired, entry.from, entry.to) : null,
      cac: null,
      ltvCac: null,
      paybackMonths: null,
    };
    if (value.spend === null) value.noCac = "noSpend";
    else if (value.acquiredInPeriod === 0) value.noCac = "noAcquired";
    else {
      value.cac = acquisitionCost(value.spend, 0, value.acquiredInPeriod as number);
      if (value.cac === 0) value.noCac = "zeroSpend";
      else value.ltvCac = lifetimeValueToCost(averageClv, value.cac);
      if (monthlyRevenue * base.margin > 0) value.paybackMonths = paybackMonths(value.cac, monthlyRevenue, base.margin);
    }
    return value;
  });
}

/** The groups in the order the sheet shows them: highest average CLV first, ties by label. */
export function byAverageClv(values: readonly GroupValue[]): GroupValue[] {
  return [...values].sort(
    (a, b) => b.averageClv - a.averageClv || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0),
  );
}

/**
 * Each customer's group from a transaction log: the "compare by" cell of their first purchase (the earliest row;
 * of rows on the same earliest date, the first in table order), so a refresh on the same log groups identically.
 */
export function firstPurchaseGroups(
  cellOf: (purchase: number) => CellValue | null,
  dates: ArrayLike<number>,
  customerOf: ArrayLike<number>,
  customers: number,
): (CellValue | null)[] {
  const groups = new Array<CellValue | null>(customers).fill(null);
  const earliest = new Float64Array(customers).fill(Infinity);
  for (let j = 0; j < dates.length; j++) {
    const c = customerOf[j];
    if (c < 0 || !(dates[j] < earliest[c])) continue;
    earliest[c] = dates[j];
    groups[c] = cellOf(j);
  }
  return groups;
}

/**
 * The columns a table can be compared by: text columns (channel, country, campaign…) other than the customer id,
 * judged on a sample of rows across the table. Columns of numbers or dates are not offered.
 */
export function categoryColumns(
  headers: readonly string[],
  sample: readonly CellValue[][],
  exclude: readonly (string | undefined)[],
): string[] {
  return headers.filter(
    (header, column) => !exclude.includes(header) && sniffColumn(sample.map((row) => row[column])) === "text",
  );
}
