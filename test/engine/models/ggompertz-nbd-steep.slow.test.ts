/**
 * The GGompertz/NBD death integral of a customer with many purchases (m = r + x large): the steep-decay path
 * (Gauss–Laguerre after y = t0 + v/c) against the 8-point panels (taken when a gradient is asked for) where those are
 * exact, and against adaptive quadrature of the integrand relative to its value at t0 where panels cannot reach.
 */
import { ggomnbdPredictor, logScaledDeathIntegral } from "../../../src/engine/models/ggompertz-nbd";
import { integrate } from "../../../src/engine/optim/quadrature";

const PARAMETERS = [
  { r: 0.55, alpha: 10.6, b: 1e-4, s: 0.6, beta: 3.2 },
  { r: 0.5, alpha: 5, b: 0.05, s: 2, beta: 0.3 },
  { r: 2, alpha: 50, b: 1e-6, s: 0.01, beta: 1e4 },
];
const WINDOWS: [number, number][] = [
  [1, 39],
  [10, 100],
  [100, 1000],
];

/** ln J by adaptive Gauss–Kronrod of e^(L(y) − L(t0)) over where it is not negligible. */
function reference(p: (typeof PARAMETERS)[number], m: number, t0: number, t1: number): number {
  const { alpha, b, s, beta } = p;
  const start = Math.log1p(Math.expm1(b * t0) / beta);
  const drop = (y: number) =>
    -m * Math.log1p((y - t0) / (alpha + t0)) - (s + 1) * (Math.log1p(Math.expm1(b * y) / beta) - start) + b * (y - t0);
  const end = Math.min(t1, t0 + (400 * (alpha + t0)) / m);
  const atStart = -m * Math.log(alpha + t0) - (s + 1) * start + b * t0;
  return atStart + Math.log(integrate((y) => Math.exp(drop(y)), t0, end, 1e-14));
}

describe("logScaledDeathIntegral at many purchases", () => {
  test("agrees with the panels where both apply, and with adaptive quadrature everywhere", () => {
    let steep = 0;
    for (const p of PARAMETERS)
      for (const m of [20, 60, 200, 1e3, 1e4, 1e6, 1e9])
        for (const [t0, t1] of WINDOWS) {
          const value = logScaledDeathIntegral(p, m, t0, t1);
          const panels = logScaledDeathIntegral(p, m, t0, t1, new Float64Array(5));
          if (value !== panels) steep++;
          expect(Math.abs(value - reference(p, m, t0, t1))).toBeLessThan(1e-11 * Math.max(1, Math.abs(value)));
          // The panels are exact while they are not capped (slope × width within 800).
          if (m * (t1 - t0) < 400 * (p.alpha + t0)) expect(Math.abs(value - panels)).toBeLessThan(1e-10);
        }
    // The steep path is really taken (the comparison above is not only panels against panels).
    expect(steep).toBeGreaterThan(20);
  });

  test("at a billion purchases the panels (capped at 400) are far off, the steep path is not", () => {
    const p = PARAMETERS[0];
    const [m, t0, t1] = [1e9, 5e5, 1e6];
    const exact = reference(p, m, t0, t1);
    expect(Math.abs(logScaledDeathIntegral(p, m, t0, t1) - exact)).toBeLessThan(1e-11 * Math.abs(exact));
    expect(Math.abs(logScaledDeathIntegral(p, m, t0, t1, new Float64Array(5)) - exact)).toBeGreaterThan(1);
  });
});

describe("PBUY (probabilityOfAnyPurchase) at many purchases", () => {
  test("equals P(alive)(1 − S*(t) none(t) − ∫ density·none) by adaptive quadrature", () => {
    let compared = 0;
    for (const p of PARAMETERS) {
      const predictor = ggomnbdPredictor(p);
      for (const x of [0, 3, 50, 1e3, 1e6, 1e9])
        for (const [tx, T] of [
          [30, 39],
          [500, 1000],
          [9e5, 1e6],
        ])
          for (const t of [1, 52, 365]) {
            const { alpha, b, s, beta } = p;
            if (b * (T + t) > 50) continue;
            const customer = { frequency: x, recency: x === 0 ? 0 : tx, age: T };
            const scale = (beta + Math.expm1(b * T)) / Math.exp(b * T);
            const rate = alpha + T;
            const logNone = (u: number) => -(p.r + x) * Math.log1p(u / rate);
            const logDensity = (u: number) =>
              Math.log((b * s) / scale) + b * u - (s + 1) * Math.log1p(Math.expm1(b * u) / scale);
            const survival = Math.exp(-s * Math.log1p(Math.expm1(b * t) / scale));
            const end = Math.min(t, (400 * rate) / (p.r + x));
            const died = integrate((u) => Math.exp(logDensity(u) + logNone(u)), 0, end, 1e-15);
            const expected = predictor.probabilityAlive(customer) * (1 - survival * Math.exp(logNone(t)) - died);
            const value = predictor.probabilityOfAnyPurchase?.(customer, t) ?? NaN;
            // 1 − (…) in the reference carries an absolute rounding of about 1e-16.
            expect(Math.abs(value - expected)).toBeLessThanOrEqual(1e-10 * expected + 1e-15);
            compared++;
          }
    }
    expect(compared).toBeGreaterThan(50);
  });
});
