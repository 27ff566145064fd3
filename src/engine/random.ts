/**
 * A small seeded random source, so the same seed always gives the same data: the workbench's sample workbook
 * (browser tests compare against it), the simulation-recovery tests and the benchmarks. Not for anything that needs
 * cryptographic quality.
 */

export interface RandomSource {
  /** Uniform on [0, 1). */
  next(): number;
}

/** Mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and good enough for synthetic data. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 15), z | 1);
      z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
      return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** The same generator as a plain function, for loops that draw many uniforms. */
export function seededUniform(seed: number): () => number {
  const source = seededRandom(seed);
  return () => source.next();
}

/** Uniform on (0, 1): never 0, so logarithms stay finite. */
function openUniform(random: RandomSource): number {
  let u = random.next();
  while (u === 0) u = random.next();
  return u;
}

export function uniformInt(random: RandomSource, min: number, maxInclusive: number): number {
  return min + Math.floor(random.next() * (maxInclusive - min + 1));
}

export function pick<T>(random: RandomSource, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)];
}

export function standardNormal(random: RandomSource): number {
  // Box–Muller transform.
  return Math.sqrt(-2 * Math.log(openUniform(random))) * Math.cos(2 * Math.PI * random.next());
}

/** Exponential with the given rate (mean 1/rate). */
export function exponential(random: RandomSource, rate: number): number {
  return -Math.log(openUniform(random)) / rate;
}

/** Gamma(shape, rate), mean shape/rate. Marsaglia & Tsang (2000), "A simple method for generating gamma variables". */
export function gamma(random: RandomSource, shape: number, rate: number): number {
  if (shape < 1) {
    // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a).
    return gamma(random, shape + 1, rate) * Math.pow(openUniform(random), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(random);
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/** Beta(a, b) from two gammas. */
export function beta(random: RandomSource, a: number, b: number): number {
  const x = gamma(random, a, 1);
  const y = gamma(random, b, 1);
  return x / (x + y);
}
