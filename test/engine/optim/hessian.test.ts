import { invertMatrix, numericalHessian, standardErrorsFromHessian } from "../../../src/engine/optim/hessian";

describe("numericalHessian", () => {
  test("a quadratic's Hessian is its matrix", () => {
    // f = x² + 3xy + 5y² → H = [[2, 3], [3, 10]]
    const h = numericalHessian((v) => v[0] ** 2 + 3 * v[0] * v[1] + 5 * v[1] ** 2, [0.7, -1.3]);
    expect(h[0][0]).toBeCloseTo(2, 5);
    expect(h[0][1]).toBeCloseTo(3, 5);
    expect(h[1][0]).toBeCloseTo(3, 5);
    expect(h[1][1]).toBeCloseTo(10, 5);
  });
  test("a normal sample's −log L gives the textbook standard error σ/√n of the mean", () => {
    const data = [1.2, 0.4, 2.2, 1.9, 0.8, 1.5, 1.1, 0.3];
    const n = data.length;
    const mean = data.reduce((a, b) => a + b) / n;
    const sigma = 0.7;
    const nll = (p: Float64Array) => data.reduce((s, v) => s + (v - p[0]) ** 2 / (2 * sigma * sigma), 0);
    const se = standardErrorsFromHessian(numericalHessian(nll, [mean]));
    expect(se[0]).toBeCloseTo(sigma / Math.sqrt(n), 6);
  });
});

describe("standardErrorsFromHessian", () => {
  test("sqrt of the inverse's diagonal", () => {
    const se = standardErrorsFromHessian([
      [4, 0],
      [0, 25],
    ]);
    expect(se[0]).toBeCloseTo(0.5, 12);
    expect(se[1]).toBeCloseTo(0.2, 12);
  });
  test("NaN when the Hessian is singular", () => {
    const se = standardErrorsFromHessian([
      [1, 2],
      [2, 4],
    ]);
    expect(Number.isNaN(se[0]) && Number.isNaN(se[1])).toBe(true);
  });
  test("NaN when the Hessian is not finite", () => {
    expect(Number.isNaN(standardErrorsFromHessian([[NaN]])[0])).toBe(true);
  });
  test("invertMatrix × matrix = identity", () => {
    const m = [
      [2, 1, 0],
      [1, 3, 1],
      [0, 1, 4],
    ];
    const inv = invertMatrix(m)!;
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const v = m[i].reduce((s, mik, k) => s + mik * inv[k][j], 0);
        expect(v).toBeCloseTo(i === j ? 1 : 0, 12);
      }
    }
  });
});
