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

/**
 * Steep pieces where e^(bt0) is large (b·t0 of 14 to 420): the increment of ln(1 + (e^(by) − 1)/β) from t0 is taken
 * by log1p, not as the difference of two logarithms of size b·t0, whose rounding (1e-12 of every Gauss–Laguerre sum)
 * failed the rules' 1e-13 checks and sent the piece to panels that were off by 89-304 in ln ∫ (or −∞); and pieces
 * at 10⁸ purchases, which take the 8-point rule checked by the 4-point one. Reference: adaptive quadrature of the
 * same integrand in v = rate·(y − t0), its logarithm formed from the increments.
 */
describe.each([
  [3871114.240323643, 0.017465097845222474, 0.605487645187145, 33.75430861928447, 24483.38768872994, 696.25, 1038.33],
  [17882153.237807408, 0.03172138465616835, 0.004752152169010888, 930.99, 76.48599364661315, 3019.36, 4074.31],
  [349743826.5, 14.03, 6.678e-4, 24.54, 15022.24, 261012.6, 813502.3],
  [5e8, 2e-3, 7.6e-6, 1e3, 5e5, 6e5, 1e6],
])("steep piece m = %d, α = %d, b = %d, s = %d, β = %d on [%d, %d]", (m, alpha, b, s, beta, t0, t1) => {
  const s1 = s + 1;
  const growT0 = Math.expm1(b * t0);
  const logRelT0 = Math.log1p(growT0 / beta);
  const out = new Float64Array(GG_MOMENTS);
  const args = [alpha, b, s, beta, m, t0, t1, Math.log(alpha + t0), growT0, logRelT0, Math.expm1(b * t1)] as const;
  const logValue = logGgomnbdPiece(...args, out, true, false);
  const ratio0 = (growT0 + 1) / (beta + growT0);
  const rate = m / (alpha + t0) - b + s1 * b * ratio0;
  const drop = (d: number) => -m * Math.log1p(d / (alpha + t0)) - s1 * Math.log1p(ratio0 * Math.expm1(b * d)) + b * d;
  // The integrand is below e^-120 of its start past v = 120 (and falls on): the rest is below 1e-50 of the whole.
  const top = Math.min(rate * (t1 - t0), 120);
  let whole = 0;
  for (let k = 0; k < 12; k++)
    whole += integrate((v) => Math.exp(drop(v / rate)), (top * k) / 12, (top * (k + 1)) / 12, 1e-14);
  const reference = -m * Math.log(alpha + t0) - s1 * logRelT0 + b * t0 + Math.log(whole / rate);

  test("the value equals adaptive quadrature to 1e-12 (and 8 roundings of its logarithm)", () => {
    expect(rate * (t1 - t0)).toBeGreaterThan(100);
    expect(Math.abs(logValue - reference)).toBeLessThan(1e-12 + 8 * Number.EPSILON * Math.abs(reference));
  });

  test("its first moment in r is the mean of −ln(α + y) under the integrand", () => {
    let first = 0;
    for (let k = 0; k < 12; k++) {
      first += integrate(
        (v) => Math.exp(drop(v / rate)) * -Math.log1p(v / rate / (alpha + t0)),
        (top * k) / 12,
        (top * (k + 1)) / 12,
        1e-14,
      );
    }
    // out[0] = −ln(α + t0) + the mean of −ln(1 + δ/(α + t0)).
    expect(Math.abs(out[0] + Math.log(alpha + t0) - first / whole)).toBeLessThan(
      1e-9 * Math.abs(first / whole) + 8 * Number.EPSILON * Math.abs(Math.log(alpha + t0)),
    );
  });
});
