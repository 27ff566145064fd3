/**
 * Calibration/holdout check (Fader, Hardie & Lee 2005, fig. 4): customers grouped by their repeat
 * purchases in calibration; for each group, the mean purchases actually made in the holdout period
 * beside the mean the model predicted for that period; and the headline accuracy (totals, % error, mean
 * absolute error per customer) that lets models be compared on the same holdout.
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

/** The headline accuracy of a holdout prediction, over all customers. */
export interface HoldoutAccuracy {
  predictedTotal: number;
  actualTotal: number;
  /** (predicted − actual) / actual: −0.12 is 12% too few; NaN when nobody bought in the holdout. */
  relativeError: number;
  /** Σ |predicted − actual| / customers. */
  meanAbsoluteError: number;
}

export function holdoutByFrequency(
  predictor: PurchasePredictor,
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  holdoutPurchases: ArrayLike<number>,
  holdoutLength: number,
  maxBucket = 7,
): { rows: HoldoutRow[]; total: HoldoutRow; accuracy: HoldoutAccuracy } {
  checkHoldout(frequency, recency, age, holdoutPurchases);
  // Every customer's prediction at the cost of a closed form each (see columns.ts).
  const histories = { frequency, recency, age };
  const expected = conditionalColumn(predictor, histories, aliveColumn(predictor, histories), (customer) =>
    predictor.expectedPurchases(customer, holdoutLength),
  );
  return holdoutFromExpected(frequency, holdoutPurchases, expected, maxBucket);
}

/** The histories and holdout purchases must be valid (rows named 1-based). */
export function checkHoldout(
  frequency: ArrayLike<number>,
  recency: ArrayLike<number>,
  age: ArrayLike<number>,
  holdoutPurchases: ArrayLike<number>,
): void {
  for (let i = 0; i < frequency.length; i++) {
    checkHistory(frequency[i], recency[i], age[i], i + 1);
    const bought = holdoutPurchases[i];
    if (!(bought >= 0)) throw numError("models.holdoutNegative", { row: i + 1, found: bought });
  }
}

/**
 * The check from each customer's predicted holdout purchases (`expected`, however computed: one model, or one per
 * covariate group).
 */
export function holdoutFromExpected(
  frequency: ArrayLike<number>,
  holdoutPurchases: ArrayLike<number>,
  expected: ArrayLike<number>,
  maxBucket = 7,
): { rows: HoldoutRow[]; total: HoldoutRow; accuracy: HoldoutAccuracy } {
  let absoluteError = 0;
  // Only the groups some customer falls in: the work and memory follow the data, not max_group (an array of
  // max_group + 1 slots took 20 s at 1e9 and failed at 1e15).
  const groups = new Map<number, HoldoutRow>();
  let actualTotal = 0;
  let predictedTotal = 0;
  for (let i = 0; i < frequency.length; i++) {
    const bucket = Math.min(frequency[i], maxBucket);
    let group = groups.get(bucket);
    if (!group) groups.set(bucket, (group = { bucket, customers: 0, actual: 0, predicted: 0 }));
    group.customers++;
    group.actual += holdoutPurchases[i];
    group.predicted += expected[i];
    actualTotal += holdoutPurchases[i];
    predictedTotal += expected[i];
    absoluteError += Math.abs(expected[i] - holdoutPurchases[i]);
  }
  const rows = [...groups.values()]
    .sort((p, q) => p.bucket - q.bucket)
    .map((g) => ({ ...g, actual: g.actual / g.customers, predicted: g.predicted / g.customers }));
  const n = frequency.length;
  return {
    rows,
    total: { bucket: -1, customers: n, actual: n ? actualTotal / n : 0, predicted: n ? predictedTotal / n : 0 },
    accuracy: {
      predictedTotal,
      actualTotal,
      relativeError: actualTotal > 0 ? (predictedTotal - actualTotal) / actualTotal : NaN,
      meanAbsoluteError: n ? absoluteError / n : NaN,
    },
  };
}
