/**
 * Derivatives in log-parameters. The fits and the ranges work in θ = log p (every parameter stays positive) while
 * the models give their derivatives in p; the chain rule for f(e^θ) turns one into the other.
 */

/**
 * The gradient and row-major Hessian of f(e^θ) at θ = log p from f's gradient g and Hessian H at p:
 * ∂f/∂θ_i = p_i g_i and ∂²f/∂θ_i∂θ_j = p_i p_j H_ij + δ_ij p_i g_i.
 */
export function logScaleDerivatives(
  p: ArrayLike<number>,
  gradient: ArrayLike<number>,
  hessian: ArrayLike<number>,
  logGradient: Float64Array,
  logHessian: Float64Array,
): void {
  const n = p.length;
  for (let i = 0; i < n; i++) {
    logGradient[i] = p[i] * gradient[i];
    for (let j = 0; j < n; j++) {
      logHessian[i * n + j] = p[i] * p[j] * hessian[i * n + j] + (i === j ? p[i] * gradient[i] : 0);
    }
  }
}
