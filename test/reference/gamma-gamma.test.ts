/**
 * Gamma-Gamma on the CDNOW sample (946 repeat customers), against lifetimes' and CLVTools' published values,
 * each at the tolerance its source uses.
 */
import {
  expectedAverageSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  GammaGammaParameters,
  prepareGammaGammaData,
} from "../../src/engine/models/gamma-gamma";
import { expectAlmostEqualDecimal, expectedValue, expectRelative, readReferenceText } from "./reference-dir";

/** ID,x,t_x,T,zbar rows of Hardie's summary with the mean repeat spend. */
function cdnowSpend() {
  const rows = readReferenceText("datasets", "cdnow_customers_summary_with_transactions.csv")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map(Number));
  return { frequency: rows.map((r) => r[1]), monetary: rows.map((r) => r[4]) };
}

const { frequency, monetary } = cdnowSpend();
const fit = fitGammaGamma(frequency, monetary);

test("gg.cdnow.params: p, q, γ to decimal=2 (lifetimes) and mean relative difference 0.001 (CLVTools)", () => {
  const expected = expectedValue<{ p: number; q: number; gamma: number }>("gg.cdnow.params");
  expect(fit.converged).toBe(true);
  expect(fit.n).toBe(946);
  let difference = 0;
  let size = 0;
  for (const name of ["p", "q", "gamma"] as const) {
    expectAlmostEqualDecimal(fit.params[name], expected[name], 2);
    difference += Math.abs(fit.params[name] - expected[name]);
    size += Math.abs(expected[name]);
  }
  // testthat's expect_equal on a vector: the mean relative difference, Σ|actual − expected| / Σ|expected|.
  expect(difference / size).toBeLessThan(0.001);
});

test("gg.cdnow.loglik: −4055.9177 at relative 0.001, at the optimum and at the published parameters", () => {
  const expected = expectedValue<number>("gg.cdnow.loglik");
  expectRelative(fit.logLikelihood, expected, 0.001);
  const published = expectedValue<GammaGammaParameters>("gg.cdnow.params");
  expectRelative(gammaGammaLogLikelihood(published, prepareGammaGammaData(frequency, monetary)), expected, 0.001);
});

test("gg.cdnow.cond_exp_spend_first10: E(M | x, m_x) for customers 1..10 at atol 0.1", () => {
  const expected = expectedValue<number[]>("gg.cdnow.cond_exp_spend_first10");
  const params = expectedValue<GammaGammaParameters>("gg.cdnow.params");
  expected.forEach((value, i) => {
    expect(Math.abs(expectedAverageSpend(params, frequency[i], monetary[i]) - value)).toBeLessThanOrEqual(0.1);
  });
});
