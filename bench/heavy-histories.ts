/**
 * The limits audit's "heavy" histories (test/support/limits.ts) as typed columns: x = round(10^(6+3u)) repeat
 * purchases, t_x in [0.5e6, 1e6], T = 1e6, from seededRandom(7) drawn in the audit's order (x, then t_x, a row).
 */
import { seededRandom } from "../src/engine/random";

export function heavyHistories(n: number): { frequency: Float64Array; recency: Float64Array; age: Float64Array } {
  const random = seededRandom(7);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    frequency[i] = Math.round(10 ** (6 + 3 * random.next()));
    recency[i] = 1e6 * (0.5 + 0.5 * random.next());
    age[i] = 1e6;
  }
  return { frequency, recency, age };
}
