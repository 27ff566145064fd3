import betaln from "@stdlib/math-base-special-betaln";
import gammaln from "@stdlib/math-base-special-gammaln";
import fc from "fast-check";
import {
  BGBB_FIT_WORK,
  bgbbEvaluationWork,
  bgbbIndividualLogLikelihood,
  BgbbLikelihoodTables,
  bgbbLogLikelihood,
  bgbbPredictor,
  BgbbParameters,
  checkBgbbHistory,
  MAX_HORIZON_OPPORTUNITIES,
  MAX_OPPORTUNITIES,
  survivalSum,
  fitBgbb,
  prepareBgbbData,
} from "../../../src/engine/models/bgbb";
import { beta as betaDraw, seededRandom } from "../../../src/engine/random";
import { inputError } from "../../support/thrown";

const params: BgbbParameters = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };

/** Customers over n opportunities: alive ones may die before each opportunity, then transact with p. */
function simulate(truth: BgbbParameters, customers: number, n: number, seed: number) {
  const random = seededRandom(seed);
  const uniform = () => random.next();
  const frequency: number[] = [];
  const recency: number[] = [];
  for (let c = 0; c < customers; c++) {
    const p = betaDraw(random, truth.alpha, truth.beta);
    const theta = betaDraw(random, truth.gamma, truth.delta);
    let x = 0;
    let last = 0;
    for (let t = 1; t <= n; t++) {
      if (uniform() < theta) break;
      if (uniform() < p) {
        x++;
        last = t;
      }
    }
    frequency.push(x);
    recency.push(last);
  }
  return { frequency, recency, opportunities: frequency.map(() => n) };
}

describe("BG/BB fit", () => {
  test("recovers simulated parameters within 3 standard errors", () => {
    const { frequency, recency, opportunities } = simulate(params, 20000, 8, 11);
    const data = prepareBgbbData(frequency, recency, opportunities);
    expect(data.n).toBe(20000);
    // 20,000 customers over 8 opportunities compress to at most 1 + 8·9/2 = 37 distinct histories.
    expect(data.frequency.length).toBeLessThanOrEqual(37);
    const fit = fitBgbb(data);
    expect(fit.converged).toBe(true);
    for (const name of ["alpha", "beta", "gamma", "delta"] as const) {
      const error = fit.standardErrors?.[name] ?? NaN;
      expect(error).toBeGreaterThan(0);
      expect(Math.abs(fit.params[name] - params[name])).toBeLessThan(3 * error);
    }
  });

  test("compressed rows with weights give the same likelihood as the rows repeated", () => {
    const compressed = prepareBgbbData([0, 2, 3], [0, 4, 3], [6, 6, 6], [3, 2, 1]);
    const repeated = prepareBgbbData([0, 0, 0, 2, 2, 3], [0, 0, 0, 4, 4, 3], [6, 6, 6, 6, 6, 6]);
    expect(repeated.frequency.length).toBe(3);
    expect(bgbbLogLikelihood(params, repeated)).toBeCloseTo(bgbbLogLikelihood(params, compressed), 10);
    expect(bgbbLogLikelihood(params, compressed)).toBeCloseTo(
      3 * bgbbIndividualLogLikelihood(params, 0, 0, 6) +
        2 * bgbbIndividualLogLikelihood(params, 2, 4, 6) +
        bgbbIndividualLogLikelihood(params, 3, 3, 6),
      10,
    );
  });
});

describe("BG/BB predictions", () => {
  const model = bgbbPredictor(params);

  test("P(X(n) = x) sums to 1 over x, and its mean is E[X(n)]", () => {
    for (const n of [1, 6, 15]) {
      let total = 0;
      let mean = 0;
      for (let x = 0; x <= n; x++) {
        const probability = model.probabilityOfPurchases(x, n);
        total += probability;
        mean += x * probability;
      }
      expect(total).toBeCloseTo(1, 12);
      expect(mean).toBeCloseTo(model.expectedPurchasesNewCustomer(n), 12);
    }
  });

  test("E[X(n)] matches the closed form of FHS (2010) eq. 8", () => {
    const { alpha, beta, gamma, delta } = params;
    for (const n of [1, 6, 10, 40]) {
      const closed =
        (alpha / (alpha + beta)) *
        (delta / (gamma - 1)) *
        (1 -
          Math.exp(gammaln(gamma + delta) - gammaln(gamma + delta + n) + gammaln(1 + delta + n) - gammaln(1 + delta)));
      expect(model.expectedPurchasesNewCustomer(n)).toBeCloseTo(closed, 12);
    }
  });

  test("γ = 1 needs no special case (the closed form divides by γ − 1)", () => {
    const value = bgbbPredictor({ ...params, gamma: 1 }).expectedPurchasesNewCustomer(10);
    const near = bgbbPredictor({ ...params, gamma: 1 + 1e-7 }).expectedPurchasesNewCustomer(10);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeCloseTo(near, 6);
  });

  test("a customer's expected transactions: more for recent frequent buyers, and growing with the horizon", () => {
    const loyal = { frequency: 6, recency: 6, age: 6 };
    const lapsed = { frequency: 2, recency: 2, age: 6 };
    expect(model.expectedPurchases(loyal, 5)).toBeGreaterThan(model.expectedPurchases(lapsed, 5));
    expect(model.expectedPurchases(loyal, 10)).toBeGreaterThan(model.expectedPurchases(loyal, 5));
    expect(model.expectedPurchases(loyal, 0)).toBe(0);
  });

  test("P(alive): between 0 and 1, higher for the recent buyer; 1-step expectation = P(alive)·E[p | history]", () => {
    const recent = { frequency: 3, recency: 6, age: 6 };
    const lapsed = { frequency: 3, recency: 3, age: 6 };
    const alive = model.probabilityAlive(recent);
    expect(alive).toBeGreaterThan(model.probabilityAlive(lapsed));
    expect(alive).toBeLessThan(1);
    const meanP = (params.alpha + 3) / (params.alpha + params.beta + 6);
    expect(model.expectedPurchases(recent, 1)).toBeCloseTo(alive * meanP, 12);
  });

  test("expected customers with x transactions add up to the customers", () => {
    let total = 0;
    for (let x = 0; x <= 6; x++) total += model.expectedCustomersWithPurchases(x, 6, 11104);
    expect(total).toBeCloseTo(11104, 6);
  });

  test("opportunities must be whole numbers", () => {
    expect(inputError(() => model.expectedPurchases({ frequency: 1, recency: 1, age: 6 }, 2.5)).message).toMatch(
      /whole number.*2\.5/,
    );
  });
});

describe("history checks name the row", () => {
  test("recency after the last opportunity", () => {
    const error = inputError(() => prepareBgbbData([1, 2], [1, 7], [6, 6]));
    expect(error.message).toBe("recency cannot be after the last opportunity: row 2 has recency 7 but T 6.");
  });
  test("frequency above recency, recency without a purchase, fractions and negative weights", () => {
    expect(inputError(() => prepareBgbbData([3], [2], [6])).key).toBe("valuemodels.bgbb.frequencyAboveRecency");
    expect(inputError(() => prepareBgbbData([0], [2], [6])).key).toBe("valuemodels.bgbb.recencyWithoutPurchase");
    expect(inputError(() => prepareBgbbData([1.5], [2], [6])).message).toMatch(/frequency.*row 1 holds 1\.5/);
    expect(inputError(() => prepareBgbbData([-1], [0], [6])).key).toBe("valuemodels.bgbb.notCount");
    expect(inputError(() => prepareBgbbData([1], [2], [6], [-3])).key).toBe("valuemodels.badWeight");
    expect(inputError(() => prepareBgbbData([1], [2], [6], [0])).key).toBe("valuemodels.bgbb.noCustomers");
  });
});

describe("BG/BB work is bounded by a documented number of opportunities", () => {
  const model = bgbbPredictor({ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 });
  const customer = { frequency: 3, recency: 5, age: 6 };
  const tooMany = "valuemodels.bgbb.tooManyOpportunities";

  it("refuses a horizon beyond MAX_OPPORTUNITIES with a message instead of looping over it", () => {
    expect(inputError(() => model.probabilityOfAnyPurchase!(customer, 1e12)).key).toBe(tooMany);
    expect(inputError(() => model.expectedPurchases(customer, 1e12)).key).toBe(tooMany);
    expect(inputError(() => model.expectedPurchases(customer, 1e12)).message).toMatch(/opportunit/);
    const atBound = model.probabilityOfAnyPurchase!(customer, MAX_OPPORTUNITIES);
    expect(atBound).toBeGreaterThan(0);
    expect(atBound).toBeLessThanOrEqual(1);
  });

  it("refuses a history longer than MAX_OPPORTUNITIES, naming T (the functions' argument) and the row", () => {
    const error = inputError(() => checkBgbbHistory(3, 5, 1e9, 7));
    expect(error.key).toBe("valuemodels.bgbb.tooManyOpportunitiesAt");
    expect(error.message).toContain("T is 1,000,000,000 in row 7");
  });
});

describe("BG/BB expected transactions in closed form: the cost does not depend on the horizon", () => {
  const direct = (gamma: number, d: number, k: number) => {
    let ratio = 1;
    let sum = 0;
    for (let i = 1; i <= k; i++) {
      ratio *= (d + i - 1) / (gamma + d + i - 1);
      sum += ratio;
    }
    return sum;
  };

  it("equals the opportunity-by-opportunity sum, also at and around the pole γ = 1", () => {
    for (const gamma of [0.3, 0.657, 1 - 1e-6, 1, 1 + 1e-9, 1 + 1e-6, 1.5, 7]) {
      for (const d of [0.5, 2.783, 8.78, 400]) {
        for (const k of [65, 100, 1000, 1_000_000]) {
          const expected = direct(gamma, d, k);
          expect(Math.abs(survivalSum(gamma, d, k) / expected - 1)).toBeLessThan(1e-9);
        }
      }
    }
  });

  it("long horizons that used to be refused: finite, non-decreasing, below the undiscounted limit when γ > 1", () => {
    const model = bgbbPredictor({ alpha: 1.2, beta: 0.75, gamma: 1.66, delta: 2.78 });
    const customer = { frequency: 3, recency: 5, age: 6 };
    let previous = 0;
    for (const t of [10, 1000, 5000, 100_000, MAX_HORIZON_OPPORTUNITIES]) {
      const e = model.expectedPurchases(customer, t);
      expect(Number.isFinite(e)).toBe(true);
      expect(e).toBeGreaterThanOrEqual(previous);
      previous = e;
    }
    // γ > 1: Σ_{i≥1} B(γ, d+i)/B(γ, d) = d/(γ − 1), approached from below like k^(1−γ).
    const d = 2.78 + 6;
    expect(survivalSum(1.66, d, MAX_HORIZON_OPPORTUNITIES)).toBeLessThan(d / 0.66);
    expect(survivalSum(1.66, d, MAX_HORIZON_OPPORTUNITIES)).toBeGreaterThan(0.999 * (d / 0.66));
    expect(model.expectedPurchasesNewCustomer(MAX_HORIZON_OPPORTUNITIES)).toBeCloseTo((1.2 / 1.95) * (2.78 / 0.66), 2);
    expect(inputError(() => model.expectedPurchases(customer, MAX_HORIZON_OPPORTUNITIES + 1)).key).toBe(
      "valuemodels.bgbb.tooManyOpportunities",
    );
  });
});

describe("the likelihood and PBUY at a cost that does not grow with the opportunities (issue 12 item 3)", () => {
  // FHS 2010 eq. 5 term by term, two log-beta functions a term: what the tables and the recurrences replace.
  const termByTerm = (p: BgbbParameters, x: number, tx: number, n: number) => {
    const base = betaln(p.alpha, p.beta) + betaln(p.gamma, p.delta);
    const terms = [betaln(p.alpha + x, p.beta + n - x) + betaln(p.gamma, p.delta + n) - base];
    for (let j = tx; j < n; j++)
      terms.push(betaln(p.alpha + x, p.beta + j - x) + betaln(p.gamma + 1, p.delta + j) - base);
    const most = Math.max(...terms);
    return most + Math.log(terms.reduce((sum, term) => sum + Math.exp(term - most), 0));
  };
  const scales: BgbbParameters[] = [
    params,
    { alpha: 0.01, beta: 100, gamma: 50, delta: 0.02 },
    { alpha: 100, beta: 0.01, gamma: 0.01, delta: 100 },
    { alpha: 5, beta: 5, gamma: 30, delta: 1 },
  ];
  const history = fc
    .tuple(
      fc.integer({ min: 0, max: MAX_OPPORTUNITIES }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .map(([n, a, b]) => {
      const tx = Math.floor(a * (n + 1)) % (n + 1);
      return { x: tx === 0 ? 0 : 1 + (Math.floor(b * tx) % tx), tx, n };
    });
  test("the tabulated suffix sums and the one-customer recurrence equal the term-by-term sum to 1e-12", () => {
    for (const p of scales) {
      const tables = new BgbbLikelihoodTables(p, MAX_OPPORTUNITIES);
      fc.assert(
        fc.property(history, ({ x, tx, n }) => {
          const exact = termByTerm(p, x, tx, n);
          const scale = Math.max(1, Math.abs(exact));
          expect(Math.abs(tables.logLikelihood(x, tx, n) - exact) / scale).toBeLessThan(1e-12);
          expect(Math.abs(bgbbIndividualLogLikelihood(p, x, tx, n) - exact) / scale).toBeLessThan(1e-12);
        }),
        { numRuns: 300 },
      );
    }
  });
  test("P(alive), P(alive later), E[X], DERT and the finite DERT from tabulated weights equal FHS 2010's sums", () => {
    for (const p of scales) {
      const model = bgbbPredictor(p);
      const { alpha, beta, gamma, delta } = p;
      const close = (actual: number, expected: number) =>
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-10 * Math.abs(expected) + 1e-300);
      fc.assert(
        fc.property(history, fc.integer({ min: 0, max: MAX_HORIZON_OPPORTUNITIES }), ({ x, tx, n }, t) => {
          const customer = { frequency: x, recency: tx, age: n };
          // ln P(alive through n | history), FHS 2010 eq. 11 before its last factor.
          const logAlive =
            betaln(alpha + x, beta + n - x) -
            betaln(alpha, beta) +
            betaln(gamma, delta + n) -
            betaln(gamma, delta) -
            termByTerm(p, x, tx, n);
          const survive = (k: number) => Math.exp(betaln(gamma, delta + n + k) - betaln(gamma, delta + n));
          close(model.probabilityAlive(customer), Math.exp(logAlive) * survive(1));
          close(model.probabilityAliveAt!(customer, t), Math.exp(logAlive) * survive(t + 1));
          const meanP = (alpha + x) / (alpha + beta + n);
          close(model.expectedPurchases(customer, t), Math.exp(logAlive) * meanP * survivalSum(gamma, delta + n, t));
          // Σ_{t≥1} E[(1−θ)^t]/(1+d)^t term by term (θ ~ Beta(γ, δ+n)): 1,500 terms leave less than 0.95^1500.
          const d = 0.05;
          let discounted = 0;
          let power = 1;
          for (let k = 0; k < 1500; k++) {
            power *= (delta + n + k) / (gamma + delta + n + k) / (1 + d);
            discounted += power;
          }
          const dert = Math.exp(logAlive) * meanP * discounted;
          close(model.discountedResidualPurchases!(customer, d), dert);
          let within = 0;
          for (let k = 1; k <= 30; k++) within += (survive(k) * (1 + d) ** -k) / survive(0);
          close(model.discountedPurchasesWithin!(customer, d, 30), Math.exp(logAlive) * meanP * within);
        }),
        { numRuns: 100 },
      );
    }
  });
  test("P(a transaction within n* opportunities) by products equals the log-beta sum", () => {
    const model = bgbbPredictor(params);
    const direct = (x: number, tx: number, n: number, t: number) => {
      const alive = Math.exp(
        betaln(params.alpha + x, params.beta + n - x) -
          betaln(params.alpha, params.beta) +
          betaln(params.gamma, params.delta + n) -
          betaln(params.gamma, params.delta) -
          termByTerm(params, x, tx, n),
      );
      const bp = betaln(params.alpha + x, params.beta + n - x);
      const bt = betaln(params.gamma, params.delta + n);
      let none = 0;
      for (let j = 0; j < t; j++)
        none += Math.exp(
          betaln(params.gamma + 1, params.delta + n + j) - bt + betaln(params.alpha + x, params.beta + n - x + j) - bp,
        );
      none += Math.exp(
        betaln(params.gamma, params.delta + n + t) - bt + betaln(params.alpha + x, params.beta + n - x + t) - bp,
      );
      return alive * Math.max(0, 1 - none);
    };
    for (const [x, tx, n, t] of [
      [0, 0, 6, 1],
      [3, 5, 6, 10],
      [40, 900, 1000, 1000],
      [1, 1, 1000, 7],
    ]) {
      const customer = { frequency: x, recency: tx, age: n };
      expect(model.probabilityOfAnyPurchase!(customer, t)).toBeCloseTo(direct(x, tx, n, t), 12);
    }
  });
});

describe("the BG/BB fit's work is bounded", () => {
  // Distinct histories over up to `most` opportunities, as many customers as histories.
  const histories = (count: number, most: number) => {
    const random = seededRandom(11);
    const frequency: number[] = [];
    const recency: number[] = [];
    const opportunities: number[] = [];
    for (let i = 0; i < count; i++) {
      const n = 1 + Math.floor(random.next() * most);
      const last = Math.floor(random.next() * (n + 1));
      opportunities.push(n);
      recency.push(last);
      frequency.push(last === 0 ? 0 : 1 + Math.floor(random.next() * last));
    }
    return prepareBgbbData(frequency, recency, opportunities);
  };

  test("a base whose likelihood alone would take minutes is refused, saying what to change", () => {
    const data = histories(700_000, 1000);
    expect(bgbbEvaluationWork(data) * 100).toBeGreaterThan(BGBB_FIT_WORK);
    const error = inputError(() => fitBgbb(data));
    expect(error.key).toBe("valuemodels.bgbb.fitTooLarge");
    expect(error.params).toMatchObject({ opportunities: 1000 });
  });
});
