/**
 * The purchase history each prediction function reads per customer — frequency (x), recency (t_x) and T — by the
 * shape rule of args.ts: a single cell is repeated, a range is read per row, whole columns are trimmed once, a row
 * blank everywhere gives a blank, a blank in one column of a filled row is an error naming that row.
 */
import { valueError } from "../engine/errors";
import type { CustomerHistory } from "../engine/models/types";
import { frameNumber, NumberRule, RowArgument, RowFrame } from "./args";

/** What each history column must hold. */
export const HISTORY_RULES: Readonly<Record<"frequency" | "recency" | "T", NumberRule>> = {
  frequency: { integer: true, nonNegative: true },
  recency: { nonNegative: true },
  T: { nonNegative: true },
};

/** The three history arguments, for rowFrame (first in its inputs, in this order). */
export function historyArguments(
  frequency: unknown,
  recency: unknown,
  T: unknown,
): (RowArgument & { rule: NumberRule })[] {
  return [
    { arg: "frequency", value: frequency, rule: HISTORY_RULES.frequency },
    { arg: "recency", value: recency, rule: HISTORY_RULES.recency },
    { arg: "T", value: T, rule: HISTORY_RULES.T },
  ];
}

/** Checks what the number rules cannot: t_x ≤ T, and t_x = 0 without repeat purchases. `row` is 1-based. */
export function checkCustomer(x: number, tx: number, T: number, row?: number): void {
  if (tx > T) {
    throw row === undefined
      ? valueError("history.recencyAfterAge", { recency: tx, age: T })
      : valueError("history.recencyAfterAgeAt", { row, recency: tx, age: T });
  }
  if (x === 0 && tx > 0) {
    throw row === undefined
      ? valueError("history.recencyWithoutPurchase", { found: tx })
      : valueError("history.recencyWithoutPurchaseAt", { row, found: tx });
  }
}

/** The history in one row of a frame whose first three inputs are historyArguments(). */
export function customerAt(
  frame: RowFrame,
  inputs: readonly (RowArgument & { rule?: NumberRule })[],
  row: number,
  col: number,
): CustomerHistory {
  const [x, tx, T] = [0, 1, 2].map((k) => frameNumber(frame, inputs[k], k, row, col));
  const inRange = [0, 1, 2].some((k) => frame.isRange(k));
  checkCustomer(x, tx, T, inRange ? row + 1 : undefined);
  return { frequency: x, recency: tx, age: T };
}
