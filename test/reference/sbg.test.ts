/**
 * sBG on Fader & Hardie's (2007) "Regular" cohort, against pymc-marketing's reference estimates at its
 * tolerance (rtol 0.1 on an MCMC posterior mean, so the MLE is compared at that tolerance too).
 */
import { fitSbg, survivalCurve } from "../../src/engine/models/sbg";
import { expectedValue } from "./reference-dir";

interface Regular {
  percent_alive: number[];
  alpha: number;
  beta: number;
}

const regular = expectedValue<Regular>("sbg.fader_hardie_2007.regular");
// The reference expands the percentages to a cohort of 1,000 customers.
const survivors = regular.percent_alive.map((percent) => Math.round(percent * 10));
const fit = fitSbg(survivors);

test("sbg.fader_hardie_2007.regular: α and β within rtol 0.1", () => {
  expect(fit.converged).toBe(true);
  expect(fit.n).toBe(1000);
  expect(Math.abs(fit.params.alpha - regular.alpha)).toBeLessThanOrEqual(0.1 * regular.alpha);
  expect(Math.abs(fit.params.beta - regular.beta)).toBeLessThanOrEqual(0.1 * regular.beta);
});

test("the fitted curve reproduces the observed survival within 1.5 percentage points", () => {
  const curve = survivalCurve({ alpha: fit.params.alpha, beta: fit.params.beta }, survivors.length - 1);
  curve.forEach((share, i) => {
    expect(Math.abs(100 * share - regular.percent_alive[i + 1])).toBeLessThan(1.5);
  });
});
