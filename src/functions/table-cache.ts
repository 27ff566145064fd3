/**
 * The predictor source of a CUST.FIT table without covariates, kept for the next calls that give the same cells.
 * Excel calls a function once per cell of a range given to a scalar argument (CUST.PNPURCHASES's n and t): a column
 * of a million counts is a million calls that each read the same table, and reading it (labels, parameters, checks)
 * cost about five times the probability itself (`node --cpu-prof`, BENCHMARKS.md). A source holds no state that a
 * call changes, so sharing it gives the same numbers; a table that does not read is never kept (each call says why).
 */
import { tablePredictors } from "./models";
import type { PredictorSource } from "./covariates";

/** Tables kept: a workbook rarely has more being recalculated at once. */
const KEPT = 8;
const kept = new Map<string, PredictorSource>();

/** tablePredictors(table, functionName) without covariates, from the last KEPT tables read when the cells match. */
export function cachedTablePredictors(table: unknown[][], functionName: string): PredictorSource {
  let key: string;
  try {
    key = JSON.stringify(table);
  } catch {
    return tablePredictors(table, functionName, undefined, undefined);
  }
  const found = kept.get(key);
  if (found) {
    // Most recently used last, so the oldest goes first.
    kept.delete(key);
    kept.set(key, found);
    return found;
  }
  const source = tablePredictors(table, functionName, undefined, undefined);
  kept.set(key, source);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  return source;
}
