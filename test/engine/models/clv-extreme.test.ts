/**
 * The work of the Pareto/NBD CLV column at extreme parameters (r = s = 1e4, α = β = 0.01): customers whose
 * representative history has P(alive) below 1e-200 were each valued alone (the limits case "PCLV pnbd extreme
 * parameters 2, 1,048,576" took 26 s). The values are checked in clv-extreme.slow.test.ts.
 */
import { clvWork, predictiveClvColumn } from "../../../src/engine/models/clv";
import { paretoNbdPredictor } from "../../../src/engine/models/pareto-nbd";

const options = { months: 120, annualDiscountRate: 0.1, margin: 0.3, periodsPerMonth: 365.25 / 12 };
const pnbd = paretoNbdPredictor({ r: 1e4, alpha: 0.01, s: 1e4, beta: 0.01 });

describe("Pareto/NBD CLV column at r = s = 1e4, α = β = 0.01", () => {
  test("values 1,000 never-repeat customers at distinct ages for a few hundred evaluations of E, not 1,000 × 120", () => {
    const n = 1000;
    const T = Float64Array.from({ length: n }, (_, i) => 1e-3 + i);
    clvWork.evaluations = 0;
    const values = predictiveClvColumn(
      pnbd,
      new Float64Array(n),
      new Float64Array(n),
      T,
      new Float64Array(n).fill(1),
      options,
    );
    expect(values.every((v) => typeof v === "number" && v >= 0 && v < 1e-280)).toBe(true);
    // Each customer valued alone takes about 80 evaluations of E at 120 months (Euler–Maclaurin): 160,000 before.
    expect(clvWork.evaluations).toBeLessThan(20_000);
  });
});
