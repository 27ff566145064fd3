/**
 * The fit with covariates is Newton's method on the exact Hessian in θ = (log base, γ), built from each covariate
 * group's Hessian by the chain rule: checked here against central differences of the gradient, and the fit's end
 * against a zero gradient.
 */
import { covariateObjective, fitWithCovariates } from "../../../src/engine/models/covariates";
import { invertMatrix } from "../../../src/engine/optim/hessian";
import { fitModel, modelDefinition } from "../../../src/engine/models/registry";
import { FitColumns } from "../../../src/engine/models/types";
import { simulateBgnbd } from "./simulate";

/** Three covariate rows (purchase: two columns; drop-out: one), 300 BG/NBD customers each. */
function columns(): FitColumns {
  const rows = [
    [0, 1, 0],
    [1, 0, 1],
    [1, 1, 2],
  ];
  const parts = rows.map((_, g) => simulateBgnbd({ r: 0.8, alpha: 6 + 2 * g, a: 1.2, b: 4 - g }, 300, 52, 20 + g));
  const join = (key: "frequency" | "recency" | "age") => Float64Array.from(parts.flatMap((p) => Array.from(p[key]!)));
  return {
    frequency: join("frequency"),
    recency: join("recency"),
    age: join("age"),
    purchaseCovariates: {
      names: ["A", "B"],
      values: Float64Array.from(rows.flatMap((row) => Array.from({ length: 300 }, () => [row[0], row[1]]).flat())),
    },
    dropoutCovariates: {
      names: ["C"],
      values: Float64Array.from(rows.flatMap((row) => Array.from({ length: 300 }, () => row[2]))),
    },
  };
}

/** A fit's θ = (log base parameters, coefficients), in the likelihood's order. */
const thetaOf = (p: Record<string, number>) =>
  Float64Array.of(
    Math.log(p.r),
    Math.log(p.alpha),
    Math.log(p.a),
    Math.log(p.b),
    p["purchase.A"],
    p["purchase.B"],
    p["dropout.C"],
  );

describe("BG/NBD with covariates: the exact Hessian in (log base, γ)", () => {
  const data = columns();
  const capability = modelDefinition("bgnbd")!.covariates!;
  const objective = covariateObjective("bgnbd", capability, data);
  test("matches central differences of the gradient", () => {
    const theta = Float64Array.of(Math.log(0.7), Math.log(7), Math.log(1.1), Math.log(3.5), 0.3, -0.2, 0.25);
    const n = theta.length;
    const gradient = new Float64Array(n);
    const hessian = new Float64Array(n * n);
    const value = objective.withHessian!(theta, gradient, hessian);
    expect(value).toBeCloseTo(objective.negLogLikelihood(theta), 8);
    const plain = new Float64Array(n);
    objective.negLogLikelihood(theta, plain);
    for (let j = 0; j < n; j++) expect(gradient[j]).toBeCloseTo(plain[j], 8);
    const h = 1e-6;
    for (let k = 0; k < n; k++) {
      const up = Float64Array.from(theta);
      const down = Float64Array.from(theta);
      up[k] += h;
      down[k] -= h;
      const gUp = new Float64Array(n);
      const gDown = new Float64Array(n);
      objective.negLogLikelihood(up, gUp);
      objective.negLogLikelihood(down, gDown);
      for (let j = 0; j < n; j++) {
        const numeric = (gUp[j] - gDown[j]) / (2 * h);
        expect(Math.abs(hessian[j * n + k] - numeric)).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric)));
      }
    }
  });
  test("the fit ends where the gradient of the per-customer objective is zero, and counts every customer", () => {
    const fit = fitModel(modelDefinition("bgnbd")!, data);
    expect(fit.status).toBe("converged");
    expect(fit.n).toBe(900);
    const p = fit.params;
    const theta = thetaOf(p);
    const gradient = new Float64Array(theta.length);
    objective.negLogLikelihood(theta, gradient);
    for (const g of gradient) expect(Math.abs(g / 900)).toBeLessThan(1e-6);
  });
  test("Newton's last step, within a hundredth of the errors, is checked by its value alone; errors and fit as at the end", () => {
    const base = fitModel(modelDefinition("bgnbd")!, {
      frequency: data.frequency,
      recency: data.recency,
      age: data.age,
    });
    const fit = fitWithCovariates(base, capability, data);
    expect(fit.message).toBe("Newton step within a hundredth of the standard errors");
    const p = fit.params;
    const theta = thetaOf(p);
    const n = theta.length;
    expect(fit.logLikelihood).toBe(-objective.negLogLikelihood(theta));
    const hessian = new Float64Array(n * n);
    objective.withHessian!(theta, new Float64Array(n), hessian);
    const inverse = invertMatrix(Array.from({ length: n }, (_, i) => Array.from(hessian.subarray(i * n, i * n + n))))!;
    const errors = [p.r, p.alpha, p.a, p.b, 1, 1, 1].map((scale, j) => scale * Math.sqrt(inverse[j][j]));
    const names = ["r", "alpha", "a", "b", "purchase.A", "purchase.B", "dropout.C"];
    const reported = fit.standardErrors ?? {};
    names.forEach((name, j) => expect(reported[name] / errors[j]).toBeCloseTo(1, 3));
  });
});
