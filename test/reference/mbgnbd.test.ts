import { fitMbgnbd, mbgnbdLogLikelihood } from "../../src/engine/models/mbgnbd";
import { cdnowSummary } from "./cdnow-summary";
import { expectAlmostEqualDecimal, expectedValue } from "./reference-dir";

describe("MBG/NBD", () => {
  test("CDNOW parameters (lifetimes vs BTYDplus, decimal=3)", () => {
    const fit = fitMbgnbd(cdnowSummary());
    expect(fit.converged).toBe(true);
    const expected = expectedValue<Record<string, number>>("mbgnbd.cdnow.params");
    for (const name of ["r", "alpha", "a", "b"]) expectAlmostEqualDecimal(fit.params[name], expected[name], 3);
  });
  test("single-customer log-likelihood (pymc-marketing, decimal=5)", () => {
    const v = expectedValue<
      { params: { r: number; alpha: number; a: number; b: number }; T: number } & Record<string, number>
    >("mbgnbd.single_customer_logp");
    expectAlmostEqualDecimal(mbgnbdLogLikelihood(v.params, { frequency: 0, recency: 0, age: v.T }), v["x=0,t_x=0"], 5);
    expectAlmostEqualDecimal(
      mbgnbdLogLikelihood(v.params, { frequency: 200, recency: 38, age: v.T }),
      v["x=200,t_x=38"],
      4,
    );
  });
});
