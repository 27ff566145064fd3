/**
 * Per-customer summaries of one transaction log shared within one computation. "Best on holdout" and the model
 * report summarise the same log several times (the whole window for the tiers and the report, up to the
 * calibration end for the comparison and the report's tracking cohort); inside `withSummaryCache` each distinct
 * (log columns, as-of, calibration end, unit) is summarised once and the later calls get the same object.
 * Outside it, `sharedSummary` is summarizeTransactions itself, so no result can outlive the computation that
 * made it (the columns could change afterwards). Summaries handed out are read, never written, by their users.
 */
import { CustomerSummary, summarizeTransactions, SummaryOptions } from "./summary";

interface Entry {
  ids: ArrayLike<unknown>;
  amounts: Float64Array;
  key: string;
  summary: CustomerSummary;
}

let active: WeakMap<Float64Array, Entry[]> | null = null;

function keyOf(options: SummaryOptions, asOf: number | undefined): string {
  return [asOf, options.calibrationEnd, options.timeUnit ?? "weeks", options.recentPeriods].join("|");
}

function find(ids: ArrayLike<unknown>, dates: Float64Array, amounts: Float64Array, key: string) {
  return active?.get(dates)?.find((entry) => entry.ids === ids && entry.amounts === amounts && entry.key === key);
}

function remember(
  ids: ArrayLike<unknown>,
  dates: Float64Array,
  amounts: Float64Array,
  key: string,
  summary: CustomerSummary,
) {
  if (!active) return;
  const entries = active.get(dates) ?? [];
  entries.push({ ids, amounts, key, summary });
  active.set(dates, entries);
}

/** summarizeTransactions, answered from the active cache when the same columns were summarised the same way. */
export function sharedSummary(
  ids: ArrayLike<unknown>,
  dates: Float64Array,
  amounts: Float64Array,
  options: SummaryOptions = {},
): CustomerSummary {
  if (!active) return summarizeTransactions(ids, dates, amounts, options);
  const asOf = options.asOf === undefined ? undefined : Math.floor(options.asOf);
  const key = keyOf(options, asOf);
  const known = find(ids, dates, amounts, key);
  if (known) return known.summary;
  const summary = summarizeTransactions(ids, dates, amounts, options);
  remember(ids, dates, amounts, key, summary);
  // Without an as-of date the summary ends at the last purchase: the same as asking for that date explicitly.
  if (asOf === undefined) remember(ids, dates, amounts, keyOf(options, summary.asOf), summary);
  return summary;
}

/** Runs body with summaries shared between its calls of sharedSummary (nested calls share the outer cache). */
export function withSummaryCache<T>(body: () => T): T {
  if (active) return body();
  active = new WeakMap();
  try {
    return body();
  } finally {
    active = null;
  }
}
