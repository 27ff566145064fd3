/**
 * Calibration/holdout check (Fader, Hardie & Lee 2005, fig. 4): customers grouped by their repeat
 * purchases in calibration; for each group, the mean purchases actually made in the holdout period
 * beside the mean the model predicted for that period.
 */
import { numError } from "../errors";
import { aliveColumn, conditionalColumn } from "./columns";
import { checkHistory } from "./compress";
import { PurchasePredictor } from "./types";

export interface HoldoutRow {
  /** Calibration frequency of the group; the last group is "maxBucket or more". */
  bucket: number;
  customers: number;
  actual: number;
  predicted: number;
}

export function holdoutByFrequency(
  predictor: PurchasePredictor,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  holdoutPurchases: ArrayLike<number>,
  holdoutLength: number,
  maxBucket = 7,
): { rows: HoldoutRow[]; total: HoldoutRow } {
  const count = new Float64Array(maxBucket + 1);
  const actual = new Float64Array(maxBucket + 1);
  const predicted = new Float64Array(maxBucket + 1);
  for (let i = 0; i < frequency.length; i++) {
    checkHistory(frequency[i], recency[i], age[i], i + 1);
    const bought = holdoutPurchases[i];
    if (!(bought >= 0)) throw numError("models.holdoutNegative", { row: i + 1, found: String(bought) });
  }
  // Every customer's prediction at the cost of a closed form each (see columns.ts).
  const histories = { frequency, recency, age };
  const expected = conditionalColumn(predictor, histories, aliveColumn(predictor, histories), (customer) =>
    predictor.expectedPurchases(customer, holdoutLength),
  );
  for (let i = 0; i < frequency.length; i++) {
    const bucket = Math.min(frequency[i], maxBucket);
    count[bucket]++;
    actual[bucket] += holdoutPurchases[i];
    predicted[bucket] += expected[i];
  }
  const rows: HoldoutRow[] = [];
  for (let k = 0; k <= maxBucket; k++) {
    if (count[k] > 0)
      rows.push({ bucket: k, customers: count[k], actual: actual[k] / count[k], predicted: predicted[k] / count[k] });
  }
  const n = frequency.length;
  const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
  return {
    rows,
    total: { bucket: -1, customers: n, actual: n ? sum(actual) / n : 0, predicted: n ? sum(predicted) / n : 0 },
  };
}
