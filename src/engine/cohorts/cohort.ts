/**
 * Acquisition cohorts from a transaction log: customers grouped by the calendar period (month, quarter or year) of
 * their first purchase, and for each cohort and each period since acquisition (0 = the acquisition period itself):
 * the customers with at least one purchase in that period (active), and the amounts they spent (revenue).
 * Retention is active ÷ cohort size; cumulative revenue per acquired customer is Σ revenue up to the period ÷ size.
 *
 * Dates, as_of and customer ids follow the transaction summary (src/engine/transactions/summary.ts): the time of day
 * is dropped, rows after as_of are ignored, ids match as CUST.SUMMARY matches them. The period that contains as_of
 * is counted although it may not be over.
 *
 * Optionally the cells after each cohort's last observed period are projected with one shifted-beta-geometric model
 * (Fader & Hardie 2007, "How to project customer retention") fitted to all cohorts at once: each cohort's active
 * customers, made non-increasing (a customer who comes back after a quiet period is counted as never having left),
 * are its survivors; the cohorts share (α, β) and each contributes its own likelihood (F&H 2007 eq. 9). A projected
 * cell is the cohort's last observed survivors × S(k)/S(last), and its revenue that × the revenue per active
 * customer seen at the same period since acquisition over all cohorts (over every period ≥ 1 where none reached it).
 */
import { Locale, t } from "../../i18n";
import { naError, valueError } from "../errors";
import { fitLogParameters } from "../optim/fit";
import { SBG_PARAMETER_NAMES, SbgData, SbgParameters, sbgLogLikelihood, survival } from "../models/sbg";
import { calendarDate } from "../transactions/dates";
import { summarizeTransactions } from "../transactions/summary";

export type CohortPeriod = "month" | "quarter" | "year";
export const COHORT_PERIODS: readonly CohortPeriod[] = ["month", "quarter", "year"];

/** The most periods a triangle may span (100 years of months), so a call's work and its spill stay bounded. */
export const MAX_COHORT_PERIODS = 1200;

export interface CohortOptions {
  period?: CohortPeriod;
  /** End of the observation (Excel serial). Default: the last transaction date. */
  asOf?: number;
  /**
   * Project every cohort with the sBG model up to this many periods since acquisition (0..projectTo − 1) where it
   * has not been observed yet. 0 (default): observed cells only.
   */
  projectTo?: number;
}

export interface CohortTriangle {
  period: CohortPeriod;
  asOf: number;
  /** Calendar period index of each cohort (see periodIndex), oldest first; only periods with acquisitions. */
  cohortPeriod: Int32Array;
  /** Customers acquired in each cohort. */
  size: Float64Array;
  /** Periods observed for each cohort (offsets 0..observed − 1), up to and including the period of as_of. */
  observed: Int32Array;
  /** Columns of the triangle: periods since acquisition 0..width − 1. */
  width: number;
  /** Row-major cohorts × width; NaN where neither observed nor projected. */
  active: Float64Array;
  revenue: Float64Array;
  /** The pooled sBG fit when cells were projected. */
  sbg: { params: SbgParameters; converged: boolean } | null;
}

/** A calendar period as one integer: months since year 0, quarters since year 0, or the year. */
export function periodIndex(period: CohortPeriod, year: number, month: number): number {
  if (period === "month") return year * 12 + (month - 1);
  if (period === "quarter") return year * 4 + Math.floor((month - 1) / 3);
  return year;
}

/** The year and the number within the year (month 1–12, quarter 1–4, or 1 for a year) of a period index. */
export function periodParts(period: CohortPeriod, index: number): { year: number; part: number } {
  if (period === "month") return { year: Math.floor(index / 12), part: (index % 12) + 1 };
  if (period === "quarter") return { year: Math.floor(index / 4), part: (index % 4) + 1 };
  return { year: index, part: 1 };
}

/** A cohort's label: "2024-03", "2024-Q1" (French "2024-T1") or "2024". */
export function cohortLabel(period: CohortPeriod, index: number, locale: Locale): string {
  const { year, part } = periodParts(period, index);
  if (period === "month") return `${year}-${String(part).padStart(2, "0")}`;
  if (period === "quarter")
    return t("finance.cohort.quarterLabel", { year: String(year), quarter: String(part) }, locale);
  return String(year);
}

const periodOfSerial = (period: CohortPeriod, serial: number) => {
  const { year, month } = calendarDate(serial);
  return periodIndex(period, year, month);
};

/**
 * Builds the triangle. `ids`, `dates` (Excel serials) and `amounts` are parallel columns, checked as CUST.SUMMARY
 * checks them (a bad row throws an InputError naming it).
 */
export function cohortTriangle(
  ids: ArrayLike<unknown>,
  dates: Float64Array,
  amounts: Float64Array,
  options: CohortOptions = {},
): CohortTriangle {
  const period = options.period ?? "month";
  const summary = summarizeTransactions(ids, dates, amounts, { asOf: options.asOf, timeUnit: "days" });
  const customers = summary.count;
  const asOf = summary.asOf;
  let firstDay = Infinity;
  for (let c = 0; c < customers; c++) firstDay = Math.min(firstDay, summary.firstPurchase[c]);
  const firstPeriod = periodOfSerial(period, firstDay);
  const lastPeriod = periodOfSerial(period, asOf);
  const span = lastPeriod - firstPeriod + 1;
  if (span > MAX_COHORT_PERIODS) {
    throw valueError("finance.cohort.tooManyPeriods", { found: span, max: MAX_COHORT_PERIODS, period });
  }
  const projectTo = options.projectTo ?? 0;
  if (!Number.isInteger(projectTo) || projectTo < 0 || projectTo > MAX_COHORT_PERIODS) {
    throw valueError("finance.cohort.badProjection", { found: projectTo, max: MAX_COHORT_PERIODS });
  }

  // Day → calendar period offset from firstPeriod, by a table over [firstDay, asOf] (at most 1200 years of days).
  const days = asOf - firstDay + 1;
  const offsetOfDay = new Int32Array(days);
  {
    let day = firstDay;
    let current = 0;
    let { year, month } = calendarDate(firstDay);
    while (day <= asOf) {
      // The first day of the next calendar month, then the period it starts.
      month++;
      if (month > 12) {
        month = 1;
        year++;
      }
      const nextMonthStart = Date.UTC(year, month - 1, 1) / 86_400_000 + 25569;
      const end = Math.min(nextMonthStart, asOf + 1);
      offsetOfDay.fill(current, day - firstDay, end - firstDay);
      day = end;
      current = periodIndex(period, year, month) - firstPeriod;
    }
  }

  // Cohorts: the periods with at least one acquisition, oldest first.
  const customerCohortSlot = new Int32Array(customers);
  const slotOfOffset = new Int32Array(span).fill(-1);
  for (let c = 0; c < customers; c++) slotOfOffset[offsetOfDay[summary.firstPurchase[c] - firstDay]] = 0;
  let cohorts = 0;
  for (let k = 0; k < span; k++) if (slotOfOffset[k] === 0) slotOfOffset[k] = cohorts++;
  const cohortPeriod = new Int32Array(cohorts);
  const observed = new Int32Array(cohorts);
  for (let k = 0; k < span; k++) {
    const slot = slotOfOffset[k];
    if (slot < 0) continue;
    cohortPeriod[slot] = firstPeriod + k;
    observed[slot] = span - k;
  }
  const size = new Float64Array(cohorts);
  const cohortOffset = new Int32Array(customers);
  for (let c = 0; c < customers; c++) {
    const offset = offsetOfDay[summary.firstPurchase[c] - firstDay];
    customerCohortSlot[c] = slotOfOffset[offset];
    cohortOffset[c] = offset;
    size[customerCohortSlot[c]]++;
  }
  const width = Math.max(span, projectTo);
  const active = new Float64Array(cohorts * width).fill(NaN);
  const revenue = new Float64Array(cohorts * width).fill(NaN);
  for (let s = 0; s < cohorts; s++) {
    active.fill(0, s * width, s * width + observed[s]);
    revenue.fill(0, s * width, s * width + observed[s]);
  }

  // Rows grouped by customer (counting sort), so "active in this period" counts each customer once: lastSeen[k]
  // holds the last customer counted at period offset k.
  const rowOf = summary.customerOfRow;
  const n = rowOf.length;
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) if (rowOf[i] >= 0) start[rowOf[i] + 1]++;
  for (let c = 0; c < customers; c++) start[c + 1] += start[c];
  const fill = start.slice(0, customers);
  const order = new Int32Array(start[customers]);
  for (let i = 0; i < n; i++) if (rowOf[i] >= 0) order[fill[rowOf[i]]++] = i;
  const lastSeen = new Int32Array(span).fill(-1);
  for (let c = 0; c < customers; c++) {
    const row = customerCohortSlot[c] * width - cohortOffset[c];
    for (let k = start[c]; k < start[c + 1]; k++) {
      const i = order[k];
      const offset = offsetOfDay[Math.floor(dates[i]) - firstDay];
      revenue[row + offset] += amounts[i];
      if (lastSeen[offset] !== c) {
        lastSeen[offset] = c;
        active[row + offset]++;
      }
    }
  }

  const sbg = projectTo > 0 ? project(active, revenue, size, observed, width) : null;
  return { period, asOf, cohortPeriod, size, observed, width, active, revenue, sbg };
}

/** Fills the unobserved cells up to `width` with the pooled sBG projection (see the module comment). */
function project(
  active: Float64Array,
  revenue: Float64Array,
  size: Float64Array,
  observed: Int32Array,
  width: number,
): { params: SbgParameters; converged: boolean } {
  const cohorts = size.length;
  const survivors: SbgData[] = [];
  const lastSurvivors = new Float64Array(cohorts);
  let churned = false;
  for (let s = 0; s < cohorts; s++) {
    const curve = new Float64Array(observed[s]);
    let running = size[s];
    for (let k = 0; k < observed[s]; k++) {
      running = Math.min(running, active[s * width + k]);
      curve[k] = running;
    }
    lastSurvivors[s] = running;
    if (curve.length >= 2) {
      survivors.push({ survivors: curve, n: size[s] });
      if (running < size[s]) churned = true;
    }
  }
  if (survivors.length === 0 || !churned) throw naError("finance.cohort.cannotProject");
  const total = survivors.reduce((sum, data) => sum + data.n, 0);
  const fit = fitLogParameters({
    names: SBG_PARAMETER_NAMES,
    negLogLikelihood: (x) => {
      let ll = 0;
      for (const data of survivors) ll += sbgLogLikelihood({ alpha: x[0], beta: x[1] }, data);
      return -ll;
    },
    starts: [
      [1, 1],
      [0.5, 2],
      [3, 10],
    ],
    n: total,
  });
  const params = { alpha: fit.params.alpha, beta: fit.params.beta };
  if (!(params.alpha > 0 && params.beta > 0)) throw naError("finance.cohort.cannotProject");

  // Revenue per active customer at each period since acquisition, pooled over the cohorts observed there.
  const perActive = new Float64Array(width).fill(NaN);
  let allRevenue = 0;
  let allActive = 0;
  for (let k = 0; k < width; k++) {
    let r = 0;
    let a = 0;
    for (let s = 0; s < cohorts; s++) {
      if (k >= observed[s]) continue;
      r += revenue[s * width + k];
      a += active[s * width + k];
    }
    if (a > 0) perActive[k] = r / a;
    if (k >= 1) {
      allRevenue += r;
      allActive += a;
    }
  }
  const fallback = allActive > 0 ? allRevenue / allActive : perActive[0];
  for (let s = 0; s < cohorts; s++) {
    const last = observed[s] - 1;
    const base = lastSurvivors[s] / survival(params, last);
    for (let k = observed[s]; k < width; k++) {
      const projected = base * survival(params, k);
      active[s * width + k] = projected;
      const rate = Number.isNaN(perActive[k]) ? fallback : perActive[k];
      revenue[s * width + k] = projected * rate;
    }
  }
  return { params, converged: fit.converged };
}

export type CohortMeasure = "active" | "retention" | "revenue" | "cumulative";
export const COHORT_MEASURES: readonly CohortMeasure[] = ["active", "retention", "revenue", "cumulative"];

/** One measure of the triangle, row-major cohorts × width, NaN where there is no cell. */
export function cohortMeasure(triangle: CohortTriangle, measure: CohortMeasure): Float64Array {
  const { width, size, active, revenue } = triangle;
  const out = new Float64Array(active.length);
  for (let s = 0; s < size.length; s++) {
    let cumulative = 0;
    for (let k = 0; k < width; k++) {
      const at = s * width + k;
      if (measure === "active") out[at] = active[at];
      else if (measure === "retention") out[at] = active[at] / size[s];
      else if (measure === "revenue") out[at] = revenue[at];
      else {
        cumulative += revenue[at];
        out[at] = cumulative / size[s];
      }
    }
  }
  return out;
}
