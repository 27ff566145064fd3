import { bgnbdLogLikelihood, bgnbdPredictor, fitBgnbd } from "../../src/engine/models/bgnbd";
import { FittedModel } from "../../src/engine/models/types";
import { cdnowSummary } from "./cdnow-summary";
import { expectAlmostEqualDecimal, expectRelative, expectedValue } from "./reference-dir";

type Params = Record<string, number>;
let fitted: FittedModel;
beforeAll(() => {
  fitted = fitBgnbd(cdnowSummary());
});

describe("BG/NBD on CDNOW (2,357 customers, weeks)", () => {
  test("parameters (lifetimes, decimal=2) and log-likelihood (BTYD, relative 1e-3)", () => {
    expect(fitted.converged).toBe(true);
    const expected = expectedValue<Params>("bgnbd.cdnow.params");
    for (const name of ["r", "alpha", "a", "b"]) expectAlmostEqualDecimal(fitted.params[name], expected[name], 2);
    expectRelative(fitted.logLikelihood, expectedValue<number>("bgnbd.cdnow.loglik"), 1e-3);
    expect(fitted.logLikelihood).toBeCloseTo(-9582.43, 2);
  });
  test("parameters to ~1e-4 relative of the precise published MLEs (CLVTools 1e-4; BTYD's L-BFGS-B stops 2e-4 short)", () => {
    const precise = expectedValue<{ BTYD: Params; CLVTools: Params }>("bgnbd.cdnow.params_precise");
    for (const name of ["r", "alpha", "a", "b"]) {
      expectRelative(fitted.params[name], precise.CLVTools[name], 1e-4);
      expectRelative(fitted.params[name], precise.BTYD[name], 2e-4);
    }
  });
  test("per-customer values: 1.226 expected purchases, P(alive) 0.73, customer 1516", () => {
    const model = bgnbdPredictor(fitted.params);
    const customer1 = { frequency: 2, recency: 30.43, age: 38.86 };
    expect(
      Math.abs(model.expectedPurchases(customer1, 39) - expectedValue<number>("bgnbd.cdnow.customer1.cond_exp_39w")),
    ).toBeLessThan(1e-3);
    expect(model.probabilityAlive(customer1)).toBeCloseTo(expectedValue<number>("bgnbd.cdnow.customer1.p_alive"), 2);
    const btyd = bgnbdPredictor({ r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 });
    const c1516 = expectedValue<{ cond_exp_52w: number; p_alive: number }>("bgnbd.cdnow.customer1516");
    const customer1516 = { frequency: 26, recency: 30.85714, age: 31 };
    expectRelative(btyd.expectedPurchases(customer1516, 52), c1516.cond_exp_52w, 1e-5); // t_x is printed to 5 decimals
    expectRelative(btyd.probabilityAlive(customer1516), c1516.p_alive, 1e-6);
  });
  test("mean expected holdout purchases by calibration frequency at BTYD's parameters (BTYD walkthrough §4.4, relative 1e-4)", () => {
    // BTYD's cbs has t.x and T.cal in exact days/7, this summary to 2 decimals: ~2e-5 relative apart.
    const published = expectedValue<{ n: number[]; expected: number[] }>(
      "bgnbd.cdnow.cond_exp_by_calibration_frequency",
    );
    const btyd = bgnbdPredictor({ r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 });
    const data = cdnowSummary();
    const sums = new Array(8).fill(0);
    const counts = new Array(8).fill(0);
    for (let i = 0; i < data.frequency.length; i++) {
      const bin = Math.min(data.frequency[i], 7);
      counts[bin]++;
      sums[bin] += btyd.expectedPurchases(
        { frequency: data.frequency[i], recency: data.recency![i], age: data.age![i] },
        39,
      );
    }
    expect(counts).toEqual(published.n);
    published.expected.forEach((value, bin) => expectRelative(sums[bin] / counts[bin], value, 1e-4));
  });
  test("customer 1's log-likelihood terms at the rounded parameters (FHL 2005's worksheet, as transcribed: 3 decimals)", () => {
    const terms = expectedValue<Record<string, number>>("bgnbd.cdnow.customer1.loglik_terms");
    const rounded = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    const customer1 = { frequency: 2, recency: 30.43, age: 38.86 };
    const lnL = bgnbdLogLikelihood(rounded, customer1);
    expectAlmostEqualDecimal(lnL, terms.lnL, 2);
    // ln L = A1 + A2 + ln(e^A3 + e^A4) and P(alive) = 1 / (1 + e^(A4 − A3)): the printed terms, each ±5e-4.
    const logAddExp = (u: number, v: number) => Math.max(u, v) + Math.log1p(Math.exp(-Math.abs(u - v)));
    expect(Math.abs(lnL - (terms.lnA1 + terms.lnA2 + logAddExp(terms.lnA3, terms.lnA4)))).toBeLessThan(2e-3);
    const alive = bgnbdPredictor(rounded).probabilityAlive(customer1);
    expect(Math.abs(Math.log(alive / (1 - alive)) - (terms.lnA3 - terms.lnA4))).toBeLessThan(1e-3 + 1e-9);
    expectAlmostEqualDecimal(
      bgnbdLogLikelihood(rounded, { frequency: 0, recency: 0, age: 38.86 }),
      terms["customer3_lnL(x=0)"],
      3,
    );
  });
  test("E[X(t)] for a new customer (lifetimes, decimal=3) and at 52 weeks", () => {
    const model = bgnbdPredictor(fitted.params);
    const expected = expectedValue<{ t: number[]; "E[X(t)]": number[] }>("bgnbd.cdnow.expected_new_customer");
    expected.t.forEach((t, i) =>
      expectAlmostEqualDecimal(model.expectedPurchasesNewCustomer(t), expected["E[X(t)]"][i], 3),
    );
    expectRelative(
      model.expectedPurchasesNewCustomer(52),
      expectedValue<number>("bgnbd.cdnow.expected_new_customer_52w"),
      1e-3,
    );
  });
  test("pmf at the rounded parameters and the note-027 single-customer log-likelihood", () => {
    const model = bgnbdPredictor({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    const pmf = expectedValue<Record<string, number | number[]>>("bgnbd.pmf.rounded_params");
    expect(Math.abs(model.probabilityOfPurchases(10, 2) - (pmf["P(X(2)=10)"] as number))).toBeLessThan(1e-4);
    expect(Math.abs(model.probabilityOfPurchases(0, 39) - (pmf["P(X(39)=0)"] as number))).toBeLessThan(1e-4);
    (pmf["P(X(30)=x), x=11..20"] as number[]).forEach((p, i) =>
      expectAlmostEqualDecimal(model.probabilityOfPurchases(11 + i, 30), p, 5),
    );
    const note = expectedValue<
      { params: { r: number; alpha: number; a: number; b: number }; T: number } & Record<string, number>
    >("bgnbd.single_customer_logp.note027");
    expectAlmostEqualDecimal(
      bgnbdLogLikelihood(note.params, { frequency: 0, recency: 0, age: note.T }),
      note["x=0,t_x=0"],
      5,
    );
    expectAlmostEqualDecimal(
      bgnbdLogLikelihood(note.params, { frequency: 200, recency: 38, age: note.T }),
      note["x=200,t_x=38"],
      4,
    );
  });
  test("the increasing-frequency paradox (BTYD walkthrough): E[Y(52)] falls as x grows with t_x = 20", () => {
    const btyd = bgnbdPredictor({ r: 0.2425982, alpha: 4.4136842, a: 0.7929899, b: 2.4261667 });
    const paradox = expectedValue<{ x: number[]; cond_exp_52w: number[] }>("bgnbd.cdnow.increasing_frequency_paradox");
    paradox.x.forEach((x, i) =>
      expectRelative(btyd.expectedPurchases({ frequency: x, recency: 20, age: 39 }, 52), paradox.cond_exp_52w[i], 1e-5),
    );
  });
});
