import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import {
  ASYMPTOTIC_FROM,
  AsymptoticBetaRun,
  AsymptoticRun,
  digammaDifference,
  logBetaRatioDifference,
  logGammaDifference,
  trigammaDifference,
} from "../../../src/engine/optim/gamma-differences";
import { trigamma } from "../../../src/engine/optim/trigamma";

/** Σ_{j<h} of ln(z+j), 1/(z+j), 1/(z+j)² and ln((z+j)/(z+a+j)): the exact sums the differences stand for. */
function walked(z: number, h: number, a: number) {
  let logGamma = 0;
  let psi = 0;
  let psi1 = 0;
  let logBeta = 0;
  for (let j = 0; j < h; j++) {
    logGamma += Math.log(z + j);
    psi += 1 / (z + j);
    psi1 += 1 / (z + j) ** 2;
    logBeta -= Math.log1p(a / (z + j));
  }
  return { logGamma, psi, psi1, logBeta };
}

// (z, h, a): from the series' lower limit to frequencies in the billions.
const CASES: [number, number, number][] = [
  [ASYMPTOTIC_FROM, 5, 0.7],
  [20.5, 300, 3],
  [137.25, 40, 250],
  [1e6, 7, 0.66],
  [1.5e7, 260, 0.66],
  [4e8, 1000, 12],
];

describe("lnΓ, ψ and ψ' differences by the asymptotic series (BG/NBD at frequencies in the millions)", () => {
  test("equal the walked sums to 1e-13 of their scale", () => {
    for (const [z, h, a] of CASES) {
      const exact = walked(z, h, a);
      // Each difference is compared on its own scale: h·ln(z+h), h/z, h/z² and a·h/z.
      expect(Math.abs(logGammaDifference(z, h) - exact.logGamma)).toBeLessThan(1e-13 * h * Math.log(z + h));
      expect(Math.abs(digammaDifference(z, h) - exact.psi)).toBeLessThan(1e-13 * (h / z));
      // ψ'(z) − ψ'(z+h) is a difference of two values about 1/z: within their rounding, 1e-16/z.
      expect(Math.abs(trigammaDifference(z, h) - exact.psi1)).toBeLessThan(1e-12 * (h / (z * z)) + 1e-15 / z);
      // The beta ratio's two leading terms, each about a, cancel to about −a·h/z: an absolute error of a's rounding.
      expect(Math.abs(logBetaRatioDifference(z, a, h) - exact.logBeta)).toBeLessThan(1e-12 * ((a * h) / z) + 1e-15 * a);
    }
  });
  test("equal @stdlib's functions over long jumps", () => {
    for (const [z, h] of [
      [25, 1e6],
      [30.5, 1e9],
    ]) {
      expect(logGammaDifference(z, h) / (gammaln(z + h) - gammaln(z)) - 1).toBeCloseTo(0, 13);
      expect(digammaDifference(z, h) / (digamma(z + h) - digamma(z)) - 1).toBeCloseTo(0, 13);
      expect(trigammaDifference(z, h) / (trigamma(z) - trigamma(z + h)) - 1).toBeCloseTo(0, 12);
    }
  });
  test("the runs carry each step's end point to the next and give the one-off differences", () => {
    const rate = new AsymptoticRun();
    const dropout = new AsymptoticBetaRun();
    let z = 21.5;
    for (const h of [6, 30, 1000, 5, 1e6]) {
      rate.step(z, h);
      dropout.step(z, 0.8, h);
      expect(rate.logGamma).toBeCloseTo(logGammaDifference(z, h), 8);
      expect(rate.digamma / digammaDifference(z, h) - 1).toBeCloseTo(0, 13);
      expect(rate.trigamma / trigammaDifference(z, h) - 1).toBeCloseTo(0, 12);
      expect(dropout.logBeta / logBetaRatioDifference(z, 0.8, h) - 1).toBeCloseTo(0, 12);
      expect(dropout.digammaU / digammaDifference(z, h) - 1).toBeCloseTo(0, 13);
      expect(dropout.digammaUA / digammaDifference(z + 0.8, h) - 1).toBeCloseTo(0, 13);
      expect(dropout.trigammaU / trigammaDifference(z, h) - 1).toBeCloseTo(0, 12);
      expect(dropout.trigammaUA / trigammaDifference(z + 0.8, h) - 1).toBeCloseTo(0, 12);
      z += h;
    }
  });
});
