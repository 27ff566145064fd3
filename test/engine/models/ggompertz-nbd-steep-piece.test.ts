/**
 * The GGompertz/NBD likelihood's steep pieces (a customer with many purchases: the integrand falls by e^−100 or more
 * over the piece) take the Gauss–Laguerre rule: their value and moments equal adaptive quadrature, and a fit on
 * histories with millions of purchases, whose likelihood was −∞ there (400 panels could not resolve the fall), returns.
 */
import { GG_MOMENTS, logGgomnbdPiece } from "../../../src/engine/models/ggompertz-nbd-likelihood";
import { fitGgomnbd } from "../../../src/engine/models/ggompertz-nbd";
import { integrate } from "../../../src/engine/optim/quadrature";
import { seededRandom } from "../../../src/engine/random";

describe.each([
  [300, 1, 0.01, 1, 5, 10, 60],
  [2e4, 0.5, 1e-4, 0.7, 40, 100, 900],
  [5e6, 2e-3, 3e-6, 0.6, 1.7, 5e5, 1e6],
])("m = %d, α = %d, b = %d, s = %d, β = %d on [%d, %d]", (m, alpha, b, s, beta, t0, t1) => {
  const s1 = s + 1;
  const logG = (y: number) => -m * Math.log(alpha + y) - s1 * Math.log1p(Math.expm1(b * y) / beta) + b * y;
  const out = new Float64Array(GG_MOMENTS);
  const logValue = logGgomnbdPiece(
    alpha,
    b,
    s,
    beta,
    m,
    t0,
    t1,
    Math.log(alpha + t0),
    Math.expm1(b * t0),
    Math.log1p(Math.expm1(b * t0) / beta),
    Math.expm1(b * t1),
    out,
    true,
    false,
  );
  const shift = logG(t0);
  // The integrand falls by e^-100 within t0 + 100/rate: integrate there (the rest is below 1e-43 of the whole).
  const rate = m / (alpha + t0) - b + (s1 * b * Math.exp(b * t0)) / (beta + Math.expm1(b * t0));
  const end = Math.min(t1, t0 + 120 / rate);
  const g = (y: number) => Math.exp(logG(y) - shift);
  const whole = integrate(g, t0, end, 1e-13);

  test("the value equals adaptive quadrature", () => {
    expect(rate * (t1 - t0)).toBeGreaterThan(100);
    expect(Math.abs(logValue - (shift + Math.log(whole)))).toBeLessThan(1e-10);
  });

  test("the first moments (∂ ln ∫g / ∂ r, ∂α, ∂s) equal adaptive quadrature", () => {
    const moment = (v: (y: number) => number) => integrate((y) => g(y) * v(y), t0, end, 1e-13) / whole;
    const expected = [
      moment((y) => -Math.log(alpha + y)),
      moment((y) => -m / (alpha + y)),
      moment((y) => -Math.log1p(Math.expm1(b * y) / beta)),
    ];
    [out[0], out[1], out[3]].forEach((value, i) => {
      expect(Math.abs(value - expected[i])).toBeLessThan(1e-9 * Math.abs(expected[i]));
    });
  });
});

test("a fit on 300 customers with 1e6-1e9 purchases returns finite parameters", () => {
  const random = seededRandom(7);
  const n = 300;
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n).fill(1e6);
  for (let i = 0; i < n; i++) {
    frequency[i] = Math.round(10 ** (6 + 3 * random.next()));
    recency[i] = 1e6 * (0.5 + 0.5 * random.next());
  }
  const fit = fitGgomnbd({ frequency, recency, age });
  expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  for (const value of Object.values(fit.params)) expect(Number.isFinite(value) && value > 0).toBe(true);
});
