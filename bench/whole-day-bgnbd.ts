/** The simulated customers the model and value benchmarks share, so their figures stay comparable. */
import { FitColumns } from "../src/engine/models/types";
import { beta, exponential, gamma, seededRandom } from "../src/engine/random";

/** BG/NBD customers observed 180–365 days, purchase days rounded to whole days. */
export function simulateWholeDayBgnbd(n: number, seed: number): FitColumns {
  const source = seededRandom(seed);
  const random = () => source.next();
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const age = Math.round(180 + 185 * random());
    const rate = gamma(source, 0.5, 60);
    const drop = beta(source, 0.8, 3);
    let time = 0;
    let count = 0;
    let last = 0;
    for (;;) {
      time += exponential(source, rate);
      if (time > age) break;
      count++;
      last = Math.round(time);
      if (random() < drop) break;
    }
    x[i] = count;
    tx[i] = count === 0 ? 0 : Math.min(last, age);
    T[i] = age;
  }
  return { frequency: x, recency: tx, age: T };
}
