import fc from "fast-check";
import { beta, gamma, seededRandom } from "../../src/engine/random";

describe("seededRandom", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it("stays in [0, 1)", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const random = seededRandom(seed);
        for (let i = 0; i < 50; i++) {
          const u = random.next();
          if (!(u >= 0 && u < 1)) return false;
        }
        return true;
      }),
    );
  });
});

describe("gamma and beta samplers", () => {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

  it.each([
    [0.5, 2],
    [3, 0.5],
  ])("gamma(shape %p, rate %p) has mean shape/rate", (shape, rate) => {
    const random = seededRandom(7);
    const draws = Array.from({ length: 20000 }, () => gamma(random, shape, rate));
    expect(draws.every((x) => x > 0)).toBe(true);
    // Within four standard errors of the true mean (sd = √shape / rate).
    const standardError = Math.sqrt(shape) / rate / Math.sqrt(draws.length);
    expect(Math.abs(mean(draws) - shape / rate)).toBeLessThan(4 * standardError);
  });

  it("beta(a, b) has mean a/(a+b) and stays in (0, 1)", () => {
    const random = seededRandom(9);
    const draws = Array.from({ length: 20000 }, () => beta(random, 0.8, 4));
    expect(draws.every((x) => x > 0 && x < 1)).toBe(true);
    expect(mean(draws)).toBeCloseTo(0.8 / 4.8, 2);
  });
});
