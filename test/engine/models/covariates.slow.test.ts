/**
 * Static covariates (CLVTools' definition): simulated customers whose α (purchase) and β or a, b (drop-out) are
 * scaled by exp(∓γ·z) are fitted back, and the coefficients recovered within their standard errors.
 */
import { coefficientKey, individualParameters } from "../../../src/engine/models/covariates";
import { readParameterTable, toParameterTable } from "../../../src/engine/models/parameter-table";
import { fitModel, modelDefinition } from "../../../src/engine/models/registry";
import { CovariateNames, FitColumns } from "../../../src/engine/models/types";
import { seededRandom } from "../../../src/engine/random";
import { simulateBgnbd, simulateParetoNbd } from "./simulate";

const NAMES: CovariateNames = { purchase: ["Channel", "Gender"], dropout: ["Channel"] };

/** Customers in four groups (Channel, Gender ∈ {0, 1}), each simulated with its own parameters. */
function simulateGroups(
  model: "pnbd" | "bgnbd",
  base: Record<string, number>,
  coefficients: Record<string, number>,
  perGroup: number,
): FitColumns {
  const capability = modelDefinition(model)!.covariates!;
  const params = { ...base, ...coefficients };
  const parts: { columns: FitColumns; channel: number; gender: number }[] = [];
  let seed = 3;
  for (const channel of [0, 1]) {
    for (const gender of [0, 1]) {
      const own = individualParameters(params, capability, NAMES, [channel, gender], [channel]);
      const columns =
        model === "pnbd"
          ? simulateParetoNbd(own as { r: number; alpha: number; s: number; beta: number }, perGroup, 52, seed++)
          : simulateBgnbd(own as { r: number; alpha: number; a: number; b: number }, perGroup, 52, seed++);
      parts.push({ columns, channel, gender });
    }
  }
  const join = (key: "frequency" | "recency" | "age") =>
    Float64Array.from(parts.flatMap((p) => Array.from(p.columns[key]!)));
  const purchase = parts.flatMap((p) => Array.from({ length: perGroup }, () => [p.channel, p.gender]).flat());
  const dropout = parts.flatMap((p) => Array.from({ length: perGroup }, () => p.channel));
  return {
    frequency: join("frequency"),
    recency: join("recency"),
    age: join("age"),
    purchaseCovariates: { names: NAMES.purchase, values: Float64Array.from(purchase) },
    dropoutCovariates: { names: NAMES.dropout, values: Float64Array.from(dropout) },
  };
}

describe.each([
  ["pnbd", { r: 0.8, alpha: 6, s: 0.7, beta: 20 }, { Channel: 0.6, Gender: -0.4, drop: 0.9 }],
  ["bgnbd", { r: 0.8, alpha: 6, a: 1.2, b: 4 }, { Channel: 0.6, Gender: -0.4, drop: -0.8 }],
] as const)("%s with static covariates", (model, base, truth) => {
  const coefficients = {
    [coefficientKey("purchase", "Channel")]: truth.Channel,
    [coefficientKey("purchase", "Gender")]: truth.Gender,
    [coefficientKey("dropout", "Channel")]: truth.drop,
  };
  const data = simulateGroups(model, base, coefficients, 1500);
  const fit = fitModel(modelDefinition(model)!, data);
  test("recovers every coefficient within 2.5 standard errors, and the base parameters", () => {
    expect(fit.status).toBe("converged");
    expect(fit.covariates).toEqual(NAMES);
    for (const [key, value] of Object.entries(coefficients)) {
      const se = fit.standardErrors![key];
      expect(se).toBeGreaterThan(0);
      expect(Math.abs(fit.params[key] - value)).toBeLessThan(2.5 * se);
    }
    for (const [name, value] of Object.entries(base)) {
      expect(Math.abs(fit.params[name] - value)).toBeLessThan(3 * fit.standardErrors![name]);
    }
  });
  test("fits better than without covariates, and AIC counts the coefficients", () => {
    const plain = fitModel(modelDefinition(model)!, {
      frequency: data.frequency,
      recency: data.recency,
      age: data.age,
    });
    expect(fit.logLikelihood).toBeGreaterThan(plain.logLikelihood);
    const table = toParameterTable(fit, "en");
    const aic = table.find((row) => row[0] === "aic")![1] as number;
    expect(aic).toBeCloseTo(2 * (Object.keys(base).length + 3) - 2 * fit.logLikelihood, 6);
  });
  test("the table lists one labelled coefficient and standard error per covariate and process, and reads back", () => {
    const table = toParameterTable(fit, "en");
    const labels = table.map((row) => row[0]);
    for (const key of Object.keys(coefficients)) {
      expect(labels).toContain(key);
      expect(labels).toContain(`se_${key}`);
    }
    const read = readParameterTable(table, [model]);
    expect(read.covariates).toEqual(NAMES);
    expect(read.params["purchase.Channel"]).toBe(fit.params["purchase.Channel"]);
    expect(read.extra).toEqual({});
  });
});

test("individual parameters follow CLVTools: purchase scales α by exp(−γz); drop-out β (Pareto/NBD) or a and b (BG/NBD) by exp(∓γz)", () => {
  const names = { purchase: ["z"], dropout: ["z"] };
  const coefficients = { "purchase.z": Math.log(2), "dropout.z": Math.log(3) };
  const pnbd = individualParameters(
    { r: 1, alpha: 10, s: 1, beta: 30, ...coefficients },
    modelDefinition("pnbd")!.covariates!,
    names,
    [1],
    [1],
  );
  expect(pnbd.alpha).toBeCloseTo(5, 12);
  expect(pnbd.beta).toBeCloseTo(10, 12);
  const bgnbd = individualParameters(
    { r: 1, alpha: 10, a: 1, b: 2, ...coefficients },
    modelDefinition("bgnbd")!.covariates!,
    names,
    [1],
    [1],
  );
  expect(bgnbd.alpha).toBeCloseTo(5, 12);
  expect([bgnbd.a, bgnbd.b]).toEqual([expect.closeTo(3, 12), expect.closeTo(6, 12)]);
  // Customers with z = 0 keep the base parameters.
  expect(
    individualParameters(
      { r: 1, alpha: 10, s: 1, beta: 30, ...coefficients },
      modelDefinition("pnbd")!.covariates!,
      names,
      [0],
      [0],
    ).alpha,
  ).toBe(10);
  // A random z: the purchase rate's mean r/α_i is exp(γz) times the base one.
  const z = seededRandom(1).next() * 3;
  const own = individualParameters(
    { r: 1, alpha: 10, s: 1, beta: 30, ...coefficients },
    modelDefinition("pnbd")!.covariates!,
    names,
    [z],
    [0],
  );
  expect(1 / own.alpha / (1 / 10)).toBeCloseTo(2 ** z, 10);
});
