/**
 * The predictor source of a CUST.FIT table without covariates, kept for the next calls that give the same cells.
 * What it serves: a filled-down column of formulas on one table, =CUST.PNPURCHASES($A$2:$B$6, C2, D2) copied down a
 * million rows, is a million calls that each read the same table (labels, parameters, checks). Reading it is about
 * 6.5 us, 40 % of such a call (16 us with the cache, Node, 2026-12-02); since af53d98 n and t are range arguments, so
 * one formula over the ranges reads the table once and needs no cache. A source holds no state that a call changes,
 * so sharing it gives the same numbers; a table that does not read is never kept (each call says why).
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
