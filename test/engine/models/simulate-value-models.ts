/**
 * Seeded random draws for the simulation-recovery tests of the spend and retention models
 * (mulberry32 uniforms; Marsaglia & Tsang 2000 gamma draws), so every run sees the same data.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    // Never exactly 0, so logarithms stay finite.
    return (((x ^ (x >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

export function standardNormal(uniform: () => number): number {
  return Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** Gamma(shape, scale) draw; shapes below 1 use the boost Gamma(a) = Gamma(a + 1)·U^(1/a). */
export function gammaDraw(uniform: () => number, shape: number, scale = 1): number {
  if (shape < 1) return gammaDraw(uniform, shape + 1, scale) * Math.pow(uniform(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = standardNormal(uniform);
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    if (Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v * scale;
  }
}

export function betaDraw(uniform: () => number, alpha: number, beta: number): number {
  const x = gammaDraw(uniform, alpha);
  return x / (x + gammaDraw(uniform, beta));
}
