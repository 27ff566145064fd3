/**
 * Seeded simulation of customer summaries for the recovery tests (test code only, not the product).
 * Every customer is observed for T periods after their first purchase, T spread uniformly over
 * [T/2, T] so ages differ as in a real cohort.
 */
import { FitColumns } from "../../../src/engine/models/types";

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, rate) by Marsaglia & Tsang (2000), boosted for shape < 1. */
export function gammaSample(random: () => number, shape: number, rate: number): number {
  if (shape < 1) return gammaSample(random, shape + 1, rate) * Math.pow(random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box–Muller normal
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

export function betaSample(random: () => number, a: number, b: number): number {
  const x = gammaSample(random, a, 1);
  return x / (x + gammaSample(random, b, 1));
}

const exponential = (random: () => number, rate: number) => -Math.log(1 - random()) / rate;

/**
 * Simulated (x, t_x, T) histories. `dropAtStart`: MBG/NBD, where a customer may also leave right after
 * the first purchase; `pareto`: Pareto/NBD, with an exponential lifetime μ ~ Gamma(s, β).
 */
function simulate(
  n: number,
  maxAge: number,
  seed: number,
  draw: (random: () => number) => {
    rate: number;
    survive: (random: () => number, time: number, first: boolean) => boolean;
    death?: number;
  },
): FitColumns {
  const random = seededRandom(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const age = maxAge * (0.5 + 0.5 * random());
    const customer = draw(random);
    let time = 0;
    let count = 0;
    let last = 0;
    let alive = customer.survive(random, 0, true);
    while (alive) {
      time += exponential(random, customer.rate);
      if (time > age || (customer.death !== undefined && time > customer.death)) break;
      count++;
      last = time;
      alive = customer.survive(random, time, false);
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
    const rate = gammaSample(random, p.r, p.alpha);
    const drop = betaSample(random, p.a, p.b);
    return { rate, survive: (rnd, _time, first) => (first && !dropAtStart ? true : rnd() >= drop) };
  });
}

export function simulateParetoNbd(
  p: { r: number; alpha: number; s: number; beta: number },
  n: number,
  maxAge: number,
  seed: number,
): FitColumns {
  return simulate(n, maxAge, seed, (random) => {
    const rate = gammaSample(random, p.r, p.alpha);
    const death = exponential(random, gammaSample(random, p.s, p.beta));
    return { rate, death, survive: () => true };
  });
}
