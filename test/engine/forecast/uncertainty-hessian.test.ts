/**
 * The information matrix of a range's parameter draws from a model's exact Hessian (registry `exactHessian`) equals
 * central differences of the model's exact gradient in log-parameters (to 1e-6), and the finite differences of −log L
 * it replaced to their own precision (1e-2: those were off by 0.25 % on Pareto/NBD's r–r entry here), at fitted and
 * at perturbed parameters, where the gradient term p_i ∂f/∂p_i of the log change of variables matters.
 */
import { logParameterHessian } from "../../../src/engine/forecast/uncertainty";
import { MODEL_DEFINITIONS } from "../../../src/engine/models/registry";
import { MODEL_PARAMETERS, FitColumns } from "../../../src/engine/models/types";
import { hessianFromGradient, numericalHessian } from "../../../src/engine/optim/hessian";
import { seededRandom } from "../../../src/engine/random";

/** Customers drawn from a Pareto/NBD with spend, so every model's optimum is inside its parameter space. */
function customers(count: number): FitColumns {
  const random = seededRandom(42);
  const gamma = (shape: number, rate: number): number => {
    // A chi-square with 2·shape degrees of freedom over 2·rate (the shapes here are halves of integers).
    let sum = 0;
    for (let k = 0; k < Math.round(2 * shape); k++) {
      const z = Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
      sum += z * z;
    }
    return sum / (2 * rate);
  };
  const frequency = new Float64Array(count);
  const recency = new Float64Array(count);
  const age = new Float64Array(count);
  const monetary = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    age[i] = 30 + 40 * random.next();
    const rate = gamma(1, 8);
    const lifetime = -Math.log(1 - random.next()) / gamma(1.5, 20);
    let t = 0;
    for (;;) {
      t += -Math.log(1 - random.next()) / rate;
      if (t > Math.min(lifetime, age[i])) break;
      frequency[i] += 1;
      recency[i] = t;
    }
    const meanSpend = gamma(3, 0.1);
    monetary[i] = frequency[i] === 0 ? 0 : meanSpend * (0.7 + 0.6 * random.next());
  }
  return { frequency, recency, age, monetary };
}

const columns = customers(1500);
const exact = MODEL_DEFINITIONS.filter((definition) => definition.exactHessian);

test("the models with an exact Hessian include the range models", () => {
  expect(exact.map((definition) => definition.name).sort()).toEqual(["bgnbd", "gg", "mbgnbd", "pnbd"]);
});

describe.each(exact.map((definition) => [definition.name, definition] as const))("%s", (name, definition) => {
  const fitted = definition.fit(columns, {});
  const names = MODEL_PARAMETERS[name];
  const likelihood = definition.negLogLikelihood!(columns);
  test.each([
    ["fitted", 1],
    ["perturbed", 1.15],
  ])("log-parameter Hessian equals finite differences at the %s parameters", (_, factor) => {
    const p = Float64Array.from(names, (parameter, i) => fitted.params[parameter] * (i % 2 === 0 ? factor : 1));
    const analytic = logParameterHessian(likelihood, p);
    const logP = Float64Array.from(p, Math.log);
    const fromGradient = hessianFromGradient((theta, out) => {
      const at = Float64Array.from(theta, Math.exp);
      likelihood(at, out, new Float64Array(names.length ** 2));
      for (let i = 0; i < names.length; i++) out[i] *= at[i];
    }, logP);
    const fromValues = numericalHessian((theta) => likelihood(Float64Array.from(theta, Math.exp)), logP);
    const scale = Math.max(...fromGradient.map((row, i) => Math.abs(row[i])));
    for (let i = 0; i < names.length; i++) {
      for (let j = 0; j < names.length; j++) {
        expect(Math.abs(analytic[i][j] - fromGradient[i][j])).toBeLessThan(1e-6 * scale);
        expect(Math.abs(analytic[i][j] - fromValues[i][j])).toBeLessThan(1e-2 * scale);
      }
    }
  });
});
