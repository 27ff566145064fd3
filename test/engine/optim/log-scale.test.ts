/**
 * The chain rule to log-parameters against a function whose derivatives in θ are known in closed form:
 * f(p) = p₀² p₁ + 3 p₁ is f(e^θ) = e^(2θ₀+θ₁) + 3 e^θ₁.
 */
import { logScaleDerivatives } from "../../../src/engine/optim/log-scale";

test("gradient and Hessian in log-parameters equal the closed form of f(e^θ)", () => {
  const p = Float64Array.of(1.7, 0.4);
  const [a, b] = p;
  const gradient = Float64Array.of(2 * a * b, a * a + 3);
  const hessian = Float64Array.of(2 * b, 2 * a, 2 * a, 0);
  const logGradient = new Float64Array(2);
  const logHessian = new Float64Array(4);
  logScaleDerivatives(p, gradient, hessian, logGradient, logHessian);
  const product = a * a * b;
  const expectedGradient = [2 * product, product + 3 * b];
  const expectedHessian = [4 * product, 2 * product, 2 * product, product + 3 * b];
  expectedGradient.forEach((v, i) => expect(logGradient[i]).toBeCloseTo(v, 12));
  expectedHessian.forEach((v, i) => expect(logHessian[i]).toBeCloseTo(v, 12));
});
