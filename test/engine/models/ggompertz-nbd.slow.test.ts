import { fitGgomnbd } from "../../../src/engine/models/ggompertz-nbd";
import { describeDiagnosis } from "../../../src/engine/models/diagnosis";
import { fitModel, modelDefinition } from "../../../src/engine/models/registry";
import { simulateGgomnbd } from "./simulate";

// Slow (a few seconds on a shared machine: every likelihood evaluation integrates each customer's death term).
describe("GGompertz/NBD simulation recovery", () => {
  const truth = { r: 0.9, alpha: 8, b: 0.08, s: 1.2, beta: 2 };

  test("recovers simulated parameters within three standard errors", () => {
    const fit = fitGgomnbd(simulateGgomnbd(truth, 1000, 60, 5));
    expect(fit.converged).toBe(true);
    for (const name of ["r", "alpha", "b", "s", "beta"] as const) {
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors![name]);
    }
  }, 60000);

  // With 300 customers these data cannot tell customers' lifetimes apart: the likelihood rises towards s, β → ∞
  // with s/β fixed (one Gompertz lifetime for everyone). The fit used to crawl along that ridge for minutes on the
  // rounding noise of β^s; it now ends there and says so.
  test("a base too small to tell lifetimes apart ends at the boundary and says what the model reduces to", () => {
    const fit = fitModel(modelDefinition("ggomnbd")!, simulateGgomnbd(truth, 300, 60, 5));
    expect(fit.status).toBe("boundary");
    expect(fit.converged).toBe(false);
    expect(fit.params.s).toBeGreaterThan(1e5);
    expect(fit.params.s / fit.params.beta).toBeGreaterThan(0.5);
    expect(fit.params.s / fit.params.beta).toBeLessThan(5);
    expect(fit.diagnosis?.map((d) => d.key)).toContain("diagnostics.sameGompertzLifetime");
    expect(describeDiagnosis(fit.diagnosis, "en")).toContain("one Gompertz lifetime for everyone");
  }, 60000);
});
