/**
 * The column forms (P(alive) of Pareto/NBD for a whole column, and the future-given-alive interpolated in T) give the
 * per-customer values: on whole-day and continuous-time histories, for fitted-looking and extreme parameters.
 */
import { aliveColumn, conditionalColumn } from "../../../src/engine/models/columns";
import { customersByFrequency } from "../../../src/engine/models/frequency-groups";
import { modelDefinition } from "../../../src/engine/models/registry";
import { PurchaseModelName } from "../../../src/engine/models/types";
import { seededRandom } from "../../../src/engine/random";

/** Histories with T 30–400 (days), many repeat buyers, some who bought at T, continuous or whole days. */
function histories(n: number, continuous: boolean, seed: number) {
  const source = seededRandom(seed);
  const random = () => source.next();
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const T = 30 + 370 * random();
    const x = random() < 0.4 ? 0 : Math.floor(1 + 12 * random() ** 2);
    const share = random() < 0.1 ? 1 : random() < 0.1 ? 0.999 + 0.001 * random() : random();
    age[i] = continuous ? T : Math.round(T);
    recency[i] = x === 0 ? 0 : continuous ? age[i] * share : Math.round(age[i] * share);
    frequency[i] = x;
  }
  return { frequency, recency, age };
}

const PARAMETERS: Record<PurchaseModelName, Record<string, number>[]> = {
  pnbd: [
    { r: 0.55, alpha: 70, s: 0.6, beta: 80 },
    { r: 0.05, alpha: 0.3, s: 3, beta: 2000 },
    { r: 5, alpha: 800, s: 0.1, beta: 0.5 },
    { r: 1.2, alpha: 40, s: 40, beta: 9000 },
  ],
  bgnbd: [
    { r: 0.24, alpha: 30, a: 0.8, b: 2.4 },
    { r: 3, alpha: 300, a: 0.05, b: 9 },
  ],
  mbgnbd: [{ r: 0.5, alpha: 50, a: 0.9, b: 3 }],
  nbd: [{ r: 0.4, alpha: 80 }],
  ggomnbd: [{ r: 0.55, alpha: 70, b: 0.002, s: 0.6, beta: 0.5 }],
};

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe.each(Object.keys(PARAMETERS) as PurchaseModelName[])("%s column predictions", (model) => {
  test.each([false, true])("match the per-customer values (continuous times: %s)", (continuous) => {
    const data = histories(3000, continuous, continuous ? 5 : 6);
    for (const params of PARAMETERS[model]) {
      const predictor = modelDefinition(model)!.purchasePredictor!(params);
      const alive = aliveColumn(predictor, data);
      // The groups a caller keeps across many parameters give the same column, bit for bit.
      expect(aliveColumn(predictor, data, customersByFrequency(data.frequency, data.age))).toEqual(alive);
      const purchases = conditionalColumn(predictor, data, alive, (c) => predictor.expectedPurchases(c, 90));
      const any = conditionalColumn(predictor, data, alive, (c) => predictor.probabilityOfAnyPurchase!(c, 90));
      let worstAlive = 0;
      let worstChurn = 0;
      let worstPurchases = 0;
      let worstAny = 0;
      for (let i = 0; i < data.age.length; i++) {
        const customer = { frequency: data.frequency[i], recency: data.recency[i], age: data.age[i] };
        const p = predictor.probabilityAlive(customer);
        worstAlive = Math.max(worstAlive, relative(alive[i], p));
        if (1 - p > 1e-6) worstChurn = Math.max(worstChurn, relative(1 - alive[i], 1 - p));
        worstPurchases = Math.max(worstPurchases, relative(purchases[i], predictor.expectedPurchases(customer, 90)));
        worstAny = Math.max(worstAny, relative(any[i], predictor.probabilityOfAnyPurchase!(customer, 90)));
      }
      expect(worstAlive).toBeLessThan(1e-10);
      expect(worstChurn).toBeLessThan(1e-9);
      expect(worstPurchases).toBeLessThan(1e-10);
      expect(worstAny).toBeLessThan(1e-10);
    }
  });
});

test("a row whose per-customer P(alive) throws is NaN in the column, the others are computed", () => {
  const predictor = {
    ...modelDefinition("bgnbd")!.purchasePredictor!({ r: 0.24, alpha: 30, a: 0.8, b: 2.4 }),
    probabilityAlive: (c: { frequency: number }) => {
      if (c.frequency > 5) throw new Error("too many");
      return 0.5;
    },
  };
  const alive = aliveColumn(predictor, { frequency: [1, 9], recency: [1, 2], age: [3, 3] });
  expect(Array.from(alive)).toEqual([0.5, NaN]);
});
