import { gaussLaguerre } from "../../../src/engine/optim/gauss-laguerre";

describe("gaussLaguerre", () => {
  test.each([16, 24, 32])("the %i-point rule integrates v^k e^-v exactly (k!) up to degree 2n - 1", (n) => {
    const [nodes, weights] = gaussLaguerre(n);
    expect(new Set(nodes).size).toBe(n);
    for (let i = 1; i < n; i++) expect(nodes[i]).toBeGreaterThan(nodes[i - 1]);
    let factorial = 1;
    for (let k = 0; k < 2 * n; k++) {
      if (k > 0) factorial *= k;
      let sum = 0;
      for (let i = 0; i < n; i++) sum += weights[i] * nodes[i] ** k;
      expect(Math.abs(sum / factorial - 1)).toBeLessThan(1e-12);
    }
  });
});
