/**
 * Fit and prediction times of the purchase models: CDNOW-sized and 100,000 simulated customers whose
 * summaries are in days (whole numbers, as a transaction log gives them), so compression applies.
 * Run: node --expose-gc --import tsx bench/models.bench.ts [name filter, e.g. "BG/NBD fit"]
 */
import { bgnbdPredictor, fitBgnbd } from "../src/engine/models/bgnbd";
import { fitParetoNbd } from "../src/engine/models/pareto-nbd";
import { bgbbPredictor } from "../src/engine/models/bgbb";
import { fitGgomnbd } from "../src/engine/models/ggompertz-nbd";
import { simulateGgomnbd } from "../test/engine/models/simulate";
import { timed, wanted } from "./timing";
import { simulateWholeDayBgnbd } from "./whole-day-bgnbd";

const small = simulateWholeDayBgnbd(2357, 1);
const large = simulateWholeDayBgnbd(100_000, 2);
const huge = simulateWholeDayBgnbd(1_000_000, 3);
timed("BG/NBD fit, 2,357 customers (days)", () => fitBgnbd(small), { runs: 9 });
timed("BG/NBD fit, 100,000 customers (days)", () => fitBgnbd(large), { runs: 9, targetMs: 170 });
timed("BG/NBD fit, 1,000,000 customers (days)", () => fitBgnbd(huge), { runs: 3 });
timed("Pareto/NBD fit, 2,357 customers (days)", () => fitParetoNbd(small), { runs: 5 });
timed("Pareto/NBD fit, 100,000 customers (days)", () => fitParetoNbd(large), { runs: 5, targetMs: 1000 });
timed("Pareto/NBD fit, 1,000,000 customers (days)", () => fitParetoNbd(huge), { runs: 3 });
const model = bgnbdPredictor({ r: 0.5, alpha: 60, a: 0.8, b: 3 });
timed(
  "BG/NBD P(alive) + E[Y(90)] for 1,000,000 customers",
  () => {
    let sum = 0;
    for (let i = 0; i < huge.frequency.length; i++) {
      const customer = { frequency: huge.frequency[i], recency: huge.recency![i], age: huge.age![i] };
      sum += model.probabilityAlive(customer) + model.expectedPurchases(customer, 90);
    }
    return sum;
  },
  { runs: 3 },
);

// GGompertz/NBD (issue 12): every likelihood evaluation integrates each customer's death term. 1,000 customers give
// an interior optimum; 300 give the boundary s, β → ∞ (one Gompertz lifetime for everyone), where the fit used to
// crawl for minutes on rounding noise and now stops.
const ggomTruth = { r: 0.9, alpha: 8, b: 0.08, s: 1.2, beta: 2 };
if (wanted("GGompertz")) {
  const ggom1000 = simulateGgomnbd(ggomTruth, 1000, 60, 5);
  const ggom300 = simulateGgomnbd(ggomTruth, 300, 60, 5);
  timed("GGompertz/NBD fit, 1,000 simulated customers (interior optimum)", () => fitGgomnbd(ggom1000), { runs: 3 });
  timed("GGompertz/NBD fit, 300 simulated customers (boundary)", () => fitGgomnbd(ggom300), { runs: 3 });
}

// BG/BB expected transactions (issue 12): the closed form of the survival sum makes a row's cost independent of the
// horizon n* (it was a loop over n*, refused beyond 1,000). 1,000,000 donors with 6-opportunity histories.
if (wanted("BG/BB E[X")) {
  const donors = 1_000_000;
  const bgbb = bgbbPredictor({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 });
  const history = (i: number) => {
    const x = i % 7;
    return { frequency: x, recency: x === 0 ? 0 : Math.min(6, x + (i % 3)), age: 6 };
  };
  for (const horizon of [10, 1000, 1_000_000]) {
    timed(
      `BG/BB E[X(n, n + ${horizon})], 1,000,000 donors`,
      () => {
        let sum = 0;
        for (let i = 0; i < donors; i++) sum += bgbb.expectedPurchases(history(i), horizon);
        return sum;
      },
      { runs: 3 },
    );
  }
}
