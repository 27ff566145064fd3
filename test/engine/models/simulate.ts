/**
 * Seeded simulation of customer summaries for the recovery tests (test code only, not the product).
 * Every customer is observed for T periods after their first purchase, T spread uniformly over
 * [T/2, T] so ages differ as in a real cohort.
 */
import { FitColumns } from "../../../src/engine/models/types";
import { exponential, gamma, beta, RandomSource, seededRandom } from "../../../src/engine/random";

/**
 * Simulated (x, t_x, T) histories. `dropAtStart`: MBG/NBD, where a customer may also leave right after
 * the first purchase; `pareto`: Pareto/NBD, with an exponential lifetime μ ~ Gamma(s, β).
 */
function simulate(
  n: number,
  maxAge: number,
  seed: number,
  draw: (random: RandomSource) => {
    rate: number;
    survive: (random: RandomSource, time: number, first: boolean) => boolean;
    death?: number;
  },
): FitColumns {
  const source = seededRandom(seed);
  const random = () => source.next();
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const age = maxAge * (0.5 + 0.5 * random());
    const customer = draw(source);
    let time = 0;
    let count = 0;
    let last = 0;
    let alive = customer.survive(source, 0, true);
    while (alive) {
      time += exponential(source, customer.rate);
      if (time > age || (customer.death !== undefined && time > customer.death)) break;
      count++;
      last = time;
      alive = customer.survive(source, time, false);
    }
    x[i] = count;
    tx[i] = last;
    T[i] = age;
  }
  return { frequency: x, recency: tx, age: T };
}

export function simulateBgnbd(
  p: { r: number; alpha: number; a: number; b: number },
  n: number,
  maxAge: number,
  seed: number,
  dropAtStart = false,
): FitColumns {
  return simulate(n, maxAge, seed, (random) => {
    const rate = gamma(random, p.r, p.alpha);
    const drop = beta(random, p.a, p.b);
    return { rate, survive: (rnd, _time, first) => (first && !dropAtStart ? true : rnd.next() >= drop) };
  });
}

export function simulateParetoNbd(
  p: { r: number; alpha: number; s: number; beta: number },
  n: number,
  maxAge: number,
  seed: number,
): FitColumns {
  return simulate(n, maxAge, seed, (random) => {
    const rate = gamma(random, p.r, p.alpha);
    const death = exponential(random, gamma(random, p.s, p.beta));
    return { rate, death, survive: () => true };
  });
}

/** NBD histories: Poisson purchases at λ ~ Gamma(r, α), no drop-out. */
export function simulateNbd(p: { r: number; alpha: number }, n: number, maxAge: number, seed: number): FitColumns {
  return simulate(n, maxAge, seed, (random) => ({ rate: gamma(random, p.r, p.alpha), survive: () => true }));
}

/** GGompertz/NBD histories: lifetime with S(t | η) = exp(−η (e^(bt) − 1)), η ~ Gamma(s, β). */
export function simulateGgomnbd(
  p: { r: number; alpha: number; b: number; s: number; beta: number },
  n: number,
  maxAge: number,
  seed: number,
): FitColumns {
  return simulate(n, maxAge, seed, (random) => {
    const rate = gamma(random, p.r, p.alpha);
    const eta = gamma(random, p.s, p.beta);
    const death = Math.log1p(exponential(random, 1) / eta) / p.b;
    return { rate, death, survive: () => true };
  });
}
