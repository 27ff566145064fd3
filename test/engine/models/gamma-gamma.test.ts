import fc from "fast-check";
import {
  expectedAverageSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  GammaGammaParameters,
  populationMeanSpend,
  prepareGammaGammaData,
} from "../../../src/engine/models/gamma-gamma";
import { gamma as gammaDraw, seededRandom } from "../../../src/engine/random";
import { fitModel, modelDefinition } from "../../../src/engine/models/registry";
import { inputError } from "../../support/thrown";

/** Customers with 1..10 repeat purchases whose spends follow the Gamma-Gamma model. */
function simulate(params: GammaGammaParameters, customers: number, seed: number) {
  const random = seededRandom(seed);
  const uniform = () => random.next();
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (let i = 0; i < customers; i++) {
    const x = 1 + Math.floor(uniform() * 10);
    const nu = gammaDraw(random, params.q, params.gamma);
    let total = 0;
    for (let j = 0; j < x; j++) total += gammaDraw(random, params.p, nu);
    frequency.push(x);
    monetary.push(total / x);
  }
  return { frequency, monetary };
}

describe("Gamma-Gamma fit", () => {
  const truth = { p: 6, q: 4, gamma: 15 };
  const { frequency, monetary } = simulate(truth, 4000, 20240501);
  const fit = fitGammaGamma(frequency, monetary);

  test("recovers simulated parameters within 3 standard errors", () => {
    expect(fit.converged).toBe(true);
    expect(fit.n).toBe(4000);
    for (const name of ["p", "q", "gamma"] as const) {
      const error = fit.standardErrors?.[name] ?? NaN;
      expect(error).toBeGreaterThan(0);
      expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * error);
    }
  });

  test("recovers the population's mean spend within 5%", () => {
    const estimated = populationMeanSpend(fit.params as unknown as GammaGammaParameters);
    expect(Math.abs(estimated / populationMeanSpend(truth) - 1)).toBeLessThan(0.05);
  });

  test("the fitted log-likelihood is the maximum: nearby parameters do worse", () => {
    const data = prepareGammaGammaData(frequency, monetary);
    const best = fit.params as unknown as GammaGammaParameters;
    for (const [name, factor] of [
      ["p", 1.05],
      ["q", 0.95],
      ["gamma", 1.05],
    ] as const) {
      expect(gammaGammaLogLikelihood({ ...best, [name]: best[name] * factor }, data)).toBeLessThan(fit.logLikelihood);
    }
  });

  test("customers without repeat purchases are left out, whatever their spend", () => {
    const withOneTimers = fitGammaGamma([...frequency, 0, 0], [...monetary, 0, -5]);
    expect(withOneTimers.n).toBe(4000);
    expect(withOneTimers.params.p).toBeCloseTo(fit.params.p, 6);
  });

  test("an L2 penalty pulls the parameters towards zero", () => {
    const penalised = fitGammaGamma(frequency, monetary, { penalty: 0.01 });
    const size = (p: Record<string, number>) => p.p ** 2 + p.q ** 2 + p.gamma ** 2;
    expect(size(penalised.params)).toBeLessThan(size(fit.params));
  });
});

describe("Gamma-Gamma log-likelihood", () => {
  test("its gradient matches central differences", () => {
    const data = prepareGammaGammaData([1, 2, 2, 5, 9], [10, 22.5, 8, 40, 17]);
    const at = { p: 2.5, q: 3.2, gamma: 11 };
    const gradient = new Float64Array(3);
    gammaGammaLogLikelihood(at, data, gradient);
    (["p", "q", "gamma"] as const).forEach((name, i) => {
      const h = 1e-5 * at[name];
      const up = gammaGammaLogLikelihood({ ...at, [name]: at[name] + h }, data);
      const down = gammaGammaLogLikelihood({ ...at, [name]: at[name] - h }, data);
      expect(gradient[i]).toBeCloseTo((up - down) / (2 * h), 5);
    });
  });

  test("one customer's term is Fader & Hardie (2013) eq. 1a written out", () => {
    const { p, q, gamma } = { p: 2, q: 3, gamma: 4 };
    const x = 2;
    const m = 5;
    // Γ(px+q)/(Γ(px)Γ(q)) · γ^q · m^(px−1) · x^(px) / (γ + m x)^(px+q) with px = 4: Γ(7)/(Γ(4)Γ(3)) = 720/12 = 60.
    const density = (60 * gamma ** q * m ** 3 * x ** 4) / (gamma + m * x) ** 7;
    expect(gammaGammaLogLikelihood({ p, q, gamma }, prepareGammaGammaData([x], [m]))).toBeCloseTo(
      Math.log(density),
      10,
    );
  });
});

describe("Gamma-Gamma at frequencies in the millions (issue 12)", () => {
  // The limits audit's heavy customers: x = 10^(6 + 3u), spend 10 + i mod 97 with no noise within a customer.
  const random = seededRandom(7);
  const frequency: number[] = [];
  const monetary: number[] = [];
  for (let i = 0; i < 200; i++) {
    frequency.push(Math.round(10 ** (6 + 3 * random.next())));
    random.next();
    monetary.push(10 + (i % 97));
  }
  const data = prepareGammaGammaData(frequency, monetary);
  // Eq. 1a summed in 60-digit arithmetic (mpmath), at the maximum and at points on and off the ridge p·γ ≈ 85.
  const exact: [GammaGammaParameters, number][] = [
    [{ p: 1.9188570456285703e-6, q: 2.7316835522846072, gamma: 57693444.72250396 }, -983.6957537542456],
    [{ p: 1, q: 2.25, gamma: 85 }, -989.2544730084073],
    [{ p: 3e-6, q: 2.6, gamma: 3.5e7 }, -984.1155908314691],
    [{ p: 1e-3, q: 50, gamma: 1e5 }, -22770.33098035811],
  ];

  test.each(exact)("the log-likelihood at %o is exact to 1e-13", (at, value) => {
    expect(Math.abs(gammaGammaLogLikelihood(at, data) / value - 1)).toBeLessThan(1e-13);
  });

  test("the fit finds the maximum, far down the flat ridge, and reports it converged", () => {
    const fit = fitModel(modelDefinition("gg")!, {
      frequency: Float64Array.from(frequency),
      monetary: Float64Array.from(monetary),
    });
    expect(fit.status).toBe("converged");
    expect(fit.logLikelihood).toBeGreaterThan(exact[0][1] - 1e-9);
    expect(fit.params.p / exact[0][0].p - 1).toBeCloseTo(0, 5);
    expect(fit.params.gamma / exact[0][0].gamma - 1).toBeCloseTo(0, 5);
    expect(fit.standardErrors?.p).toBeGreaterThan(0);
  });
});

describe("expected average spend E(M | x, m_x)", () => {
  const params = { p: 6.25, q: 3.74, gamma: 15.44 };

  test("lies between the population mean and the customer's own mean", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.01, max: 10000, noNaN: true }), (x, m) => {
        const expected = expectedAverageSpend(params, x, m);
        const mean = populationMeanSpend(params);
        expect(expected).toBeGreaterThanOrEqual(Math.min(mean, m) * (1 - 1e-12));
        expect(expected).toBeLessThanOrEqual(Math.max(mean, m) * (1 + 1e-12));
      }),
    );
  });

  test("moves towards the customer's own mean as repeat purchases accumulate", () => {
    const few = expectedAverageSpend(params, 1, 100);
    const many = expectedAverageSpend(params, 50, 100);
    expect(Math.abs(many - 100)).toBeLessThan(Math.abs(few - 100));
    expect(expectedAverageSpend(params, 1e6, 100)).toBeCloseTo(100, 2);
  });

  test("a customer without repeat purchases gets the population mean p·γ/(q − 1)", () => {
    expect(expectedAverageSpend(params, 0, 0)).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
  });

  test("q ≤ 1: the population mean does not exist, and the message says why (#N/A)", () => {
    const error = inputError(() => expectedAverageSpend({ p: 2, q: 0.8, gamma: 10 }, 0, 0));
    expect(error.kind).toBe("na");
    expect(error.message).toMatch(/q is 0\.8, at most 1.*infinite/);
    // A repeat customer still has a finite expectation when p·x + q > 1.
    expect(expectedAverageSpend({ p: 2, q: 0.8, gamma: 10 }, 3, 50)).toBeCloseTo((2 * (10 + 150)) / 5.8, 12);
  });

  test("a zero or negative average spend for a repeat customer is refused", () => {
    expect(inputError(() => expectedAverageSpend(params, 2, -3)).message).toMatch(/greater than zero.*-3/);
  });
});

describe("input checks", () => {
  test("non-positive spends: says how many rows and the first one", () => {
    const error = inputError(() => prepareGammaGammaData([1, 0, 2, 3, 1], [10, 0, 0, -4, 8]));
    expect(error.kind).toBe("value");
    expect(error.message).toMatch(
      /^Customers with repeat purchases but a zero or negative average spend: 2 \(first: row 3\)/,
    );
  });

  test("no repeat customer at all", () => {
    expect(inputError(() => fitGammaGamma([0, 0], [0, 0])).key).toBe("valuemodels.gg.noRepeatCustomers");
  });
});

describe("Gamma-Gamma when spend does not vary between customers (the supremum is at q, γ → ∞)", () => {
  test("the likelihood stays smooth at large q: its q-gradient matches differences of the value", () => {
    const data = prepareGammaGammaData([1, 2, 3, 5, 2, 8], [10, 20.5, 7, 33, 12, 15]);
    for (const q of [3e4, 5e8]) {
      const params = { p: 2.1, q, gamma: 12 * q };
      const gradient = new Float64Array(3);
      gammaGammaLogLikelihood(params, data, gradient);
      const h = 1e-5 * q;
      const numeric =
        (gammaGammaLogLikelihood({ ...params, q: q + h }, data) -
          gammaGammaLogLikelihood({ ...params, q: q - h }, data)) /
        (2 * h);
      expect(numeric / gradient[1] - 1).toBeCloseTo(0, 5);
    }
  });
});
