import { fitGgomnbd } from "../../../src/engine/models/ggompertz-nbd";
import { simulateGgomnbd } from "./simulate";

// Slow (tens of seconds on a shared machine: every likelihood evaluation integrates each customer's death term).
describe("GGompertz/NBD simulation recovery", () => {
  test("recovers simulated parameters within three standard errors", () => {
    const truth = { r: 0.9, alpha: 8, b: 0.08, s: 1.2, beta: 2 };
    const fit = fitGgomnbd(simulateGgomnbd(truth, 1000, 60, 5));
    expect(fit.converged).toBe(true);
    for (const name of ["r", "alpha", "b", "s", "beta"] as const) {
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors![name]);
    }
  }, 300000);
});
