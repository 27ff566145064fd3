/**
 * CUST.FIT bgbb near its work bound (BGBB_FIT_WORK): BG/BB customers over 500–1,000 opportunities. Before the exact
 * gradient (src/engine/models/bgbb-gradient.ts) the optimiser differenced the likelihood and 5,000 such customers
 * ended "evaluation budget reached", not converged; the figures are in BENCHMARKS.md.
 * Run: node --expose-gc --import tsx bench/bgbb-fit.bench.ts
 */
import { fitBgbb, prepareBgbbData } from "../src/engine/models/bgbb";
import { beta as betaDraw, seededRandom } from "../src/engine/random";
import { timed } from "./timing";

/** `customers` BG/BB histories, each over n uniform in [most/2, most] opportunities. */
function simulate(customers: number, most: number, seed: number) {
  const random = seededRandom(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const opportunities: number[] = [];
  for (let c = 0; c < customers; c++) {
    const p = betaDraw(random, 0.6, 2.5);
    const theta = betaDraw(random, 0.4, 30);
    const n = most - Math.floor((random.next() * most) / 2);
    let x = 0;
    let last = 0;
    for (let t = 1; t <= n && !(random.next() < theta); t++) {
      if (random.next() < p) {
        x++;
        last = t;
      }
    }
    frequency.push(x);
    recency.push(last);
    opportunities.push(n);
  }
  return prepareBgbbData(frequency, recency, opportunities);
}

for (const customers of [1000, 5000]) {
  const data = simulate(customers, 1000, 5);
  let outcome = "";
  timed(
    `BG/BB fit, ${customers.toLocaleString("en")} customers, 500–1,000 opportunities (${data.frequency.length} histories)`,
    () => {
      const fit = fitBgbb(data);
      outcome = `${fit.converged ? "converged" : "NOT converged"} (${fit.message}), ln L ${fit.logLikelihood.toFixed(4)}`;
    },
    { runs: 1, warmUp: false },
  );
  console.log(`  ${outcome}`);
}
