/**
 * CUST.LOGLIK's terms from the engine: a model's column form where it has one (GGompertz/NBD), else each customer's
 * own likelihood, and NaN rows for a predictor without a likelihood.
 */
import { logLikelihoodColumn } from "../../../src/engine/models/columns";
import { MODEL_DEFINITIONS } from "../../../src/engine/models/registry";
import { PurchasePredictor } from "../../../src/engine/models/types";

const histories = {
  frequency: Float64Array.of(0, 1, 4, 12, 2),
  recency: Float64Array.of(0, 3.5, 20, 38, 9),
  age: Float64Array.of(10, 25, 30, 40, 40),
};

function predictorOf(name: string, params: Record<string, number>): PurchasePredictor {
  const predictor = MODEL_DEFINITIONS.find((definition) => definition.name === name)?.purchasePredictor?.(params);
  if (!predictor) throw new Error(`no predictor for ${name}`);
  return predictor;
}

const eachCustomer = (predictor: PurchasePredictor) =>
  Array.from(histories.frequency, (x, i) =>
    predictor.logLikelihood!({ frequency: x, recency: histories.recency[i], age: histories.age[i] }),
  );

test("a model without a column form gives each customer's own log-likelihood", () => {
  const predictor = predictorOf("bgnbd", { r: 0.8, alpha: 5, a: 0.6, b: 2.4 });
  expect(predictor.logLikelihoodColumn).toBeUndefined();
  expect(Array.from(logLikelihoodColumn(predictor, histories))).toEqual(eachCustomer(predictor));
});

test("a model with a column form takes it, equal to the per-customer values to 1e-10", () => {
  const predictor = predictorOf("ggomnbd", { r: 0.6, alpha: 4, b: 0.05, s: 0.9, beta: 3 });
  const column = jest.spyOn(predictor, "logLikelihoodColumn");
  const values = logLikelihoodColumn(predictor, histories);
  expect(column).toHaveBeenCalledTimes(1);
  eachCustomer(predictor).forEach((expected, i) => {
    expect(Math.abs(values[i] - expected)).toBeLessThanOrEqual(1e-10 * Math.abs(expected));
  });
});

test("a predictor without a likelihood gives NaN rows", () => {
  const predictor = { ...predictorOf("bgnbd", { r: 0.8, alpha: 5, a: 0.6, b: 2.4 }), logLikelihood: undefined };
  expect(Array.from(logLikelihoodColumn(predictor, histories)).every(Number.isNaN)).toBe(true);
});
