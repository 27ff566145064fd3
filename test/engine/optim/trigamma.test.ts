import { trigamma } from "../../../src/engine/optim/trigamma";

describe("trigamma", () => {
  test("known values: ψ'(1) = π²/6, ψ'(½) = π²/2", () => {
    expect(trigamma(1) / (Math.PI ** 2 / 6) - 1).toBeCloseTo(0, 14);
    expect(trigamma(0.5) / (Math.PI ** 2 / 2) - 1).toBeCloseTo(0, 14);
  });
  test("the recurrence ψ'(x) = ψ'(x+1) + 1/x² holds across the switch to the series", () => {
    for (const x of [0.01, 0.7, 3.3, 9.5, 10, 12.25, 1000]) {
      expect((trigamma(x + 1) + 1 / (x * x)) / trigamma(x) - 1).toBeCloseTo(0, 13);
    }
  });
  test("not defined at or below zero", () => {
    expect(trigamma(0)).toBeNaN();
    expect(trigamma(-1.5)).toBeNaN();
  });
});
