/**
 * ln F(t) of the Pareto/NBD likelihood, F(t) = ∫_t^∞ (α+τ)^−m (β+τ)^−n dτ (m = r + x, n = s + 1), with its gradient
 * and second moments in (r, α, s, β), by the Pfaff-transformed series of pareto-nbd-tail.ts (Abramowitz & Stegun
 * 15.3.1 and 15.3.4):
 *   F(t) = (L+t)^−(p_L−1) (S+t)^−P · G / K,   G = Σ_k (P)_k / (K+1)_k · w^k,   w = −(L−S)/(S+t),
 * K = m + n − 1, L and S the larger and smaller of α and β, p_L and P their exponents. Gauss's series in
 * z = (L−S)/(L+t), which the likelihood otherwise sums, has terms that grow like e^(m·z) before they fall: thousands
 * of terms a pair at frequencies in the millions (70 s of a Pareto/NBD fit on 1,048,576 such customers, issue 12).
 * This one alternates and its terms shrink at least by |w| each (P < K + 1): for |w| ≤ ½ it settles within 56 terms,
 * whatever m, and within a handful where |w| is small. Its derivatives are summed term by term in the same pass:
 * with c_k = Π_{j<k} (P+j)/(K+1+j), ∂ln g_k/∂P = Σ_{j<k} 1/(P+j), ∂ln g_k/∂K = −Σ_{j<k} 1/(K+1+j), ∂g_k/∂w = k c_k
 * w^(k−1), then carried to (r, α, s, β) by the chain rule (K and P are linear in the parameters).
 */

/** Most terms: |w| ≤ ½ settles to 1e-17 (with the derivatives' factors k²) within about 70. */
const MAX_TERMS = 100;

/** Index of ∂²/∂p_i∂p_j (i ≤ j) in the packed second moments (the layout of pareto-nbd-likelihood.ts's MOMENTS). */
const PACKED = [
  [4, 5, 6, 7],
  [5, 8, 9, 10],
  [6, 9, 11, 12],
  [7, 10, 12, 13],
] as const;

// Scratch rows of the Jacobian of q = (P, K, w) and of the prefix's parameters over (r, α, s, β).
const JP = new Float64Array(4);
const JK = Float64Array.of(1, 0, 1, 0);
const JW = new Float64Array(4);
const GRAD = new Float64Array(4);

/**
 * ln F(t) by the transformed series, or null where |w| > ½. With `withGradient`, out[0..3] receive ∂ln F/∂(r, α, s, β);
 * with `withHessian` too, out[4..13] the second moments ∇²F/F (the layout of logTailIntegral's).
 */
export function logPfaffTail(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  out: Float64Array,
  withGradient: boolean,
  withHessian = false,
): number | null {
  const alphaLarger = alpha >= beta;
  const L = alphaLarger ? alpha : beta;
  const S = alphaLarger ? beta : alpha;
  const m = r + x;
  const n = s + 1;
  const pL = alphaLarger ? m : n;
  const P = alphaLarger ? n : m;
  const K = m + n - 1;
  const lt = L + t;
  const st = S + t;
  const w = -(L - S) / st;
  if (!(w >= -0.5)) return null;
  // G = Σ g_k and its derivatives in q = (P, K, w): G_P, G_K, G_w, G_PP, G_PK, G_Pw, G_KK, G_Kw, G_ww.
  let sum = 1;
  let term = 1;
  let hP = 0;
  let hK = 0;
  let hP2 = 0;
  let hK2 = 0;
  let gP = 0;
  let gK = 0;
  let gW = 0;
  let gPP = 0;
  let gPK = 0;
  let gPW = 0;
  let gKK = 0;
  let gKW = 0;
  let gWW = 0;
  // ∂g_k/∂w of the term before (g_0's is 0).
  let previousDw = 0;
  for (let k = 0; ; k++) {
    if (k === MAX_TERMS) return null;
    const rho = (P + k) / (K + 1 + k);
    // ∂g_{k+1}/∂w = (k+1)·ρ_k·g_k (= (k+1) c_{k+1} w^k) and ∂²g_{k+1}/∂w² = (k+1)·ρ_k·∂g_k/∂w.
    const dw = (k + 1) * rho * term;
    const dww = (k + 1) * rho * previousDw;
    previousDw = dw;
    term *= rho * w;
    sum += term;
    if (withGradient) {
      const iP = 1 / (P + k);
      const iK = 1 / (K + 1 + k);
      hP += iP;
      hK -= iK;
      gP += term * hP;
      gK += term * hK;
      gW += dw;
      if (withHessian) {
        hP2 -= iP * iP;
        hK2 += iK * iK;
        gPP += term * (hP * hP + hP2);
        gPK += term * hP * hK;
        gKK += term * (hK * hK + hK2);
        gPW += dw * hP;
        gKW += dw * hK;
        gWW += dww;
      }
    }
    // The derivatives' terms carry up to k² more than the terms themselves (and ∂²G/∂w² needs g_2 even at w = 0).
    const reach = k + 3;
    if (k >= 2 && Math.abs(term) * reach * reach <= 1e-17 * sum && Math.abs(dw) * reach <= 1e-17 * sum) break;
  }
  const logLt = Math.log(lt);
  const logSt = Math.log(st);
  const value = -(pL - 1) * logLt - P * logSt - Math.log(K) + Math.log(sum);
  if (!withGradient) return value;
  const iL = alphaLarger ? 1 : 3;
  const iS = alphaLarger ? 3 : 1;
  // The exponent p_L is r + x's when α is the larger (index 0), s + 1's otherwise (index 2); P the other one.
  const iPL = alphaLarger ? 0 : 2;
  const iP = alphaLarger ? 2 : 0;
  // ln G's derivatives in q.
  const lP = gP / sum;
  const lK = gK / sum;
  const lW = gW / sum;
  // ∂w/∂L = −1/(S+t), ∂w/∂S = (L+t)/(S+t)².
  const wL = -1 / st;
  const wS = lt / (st * st);
  JP.fill(0);
  JP[iP] = 1;
  JW.fill(0);
  JW[iL] = wL;
  JW[iS] = wS;
  // ∇ln F = ∇A + Σ_q ∂_q ln G ∇q, A = −(p_L−1) ln(L+t) − P ln(S+t) − ln K.
  for (let i = 0; i < 4; i++) GRAD[i] = lP * JP[i] + lK * JK[i] + lW * JW[i] - JK[i] / K;
  GRAD[iPL] -= logLt;
  GRAD[iP] -= logSt;
  GRAD[iL] -= (pL - 1) / lt;
  GRAD[iS] -= P / st;
  for (let i = 0; i < 4; i++) out[i] = GRAD[i];
  if (!withHessian) return value;
  const lPP = gPP / sum - lP * lP;
  const lPK = gPK / sum - lP * lK;
  const lPW = gPW / sum - lP * lW;
  const lKK = gKK / sum - lK * lK;
  const lKW = gKW / sum - lK * lW;
  const lWW = gWW / sum - lW * lW;
  for (let i = 0; i < 4; i++) {
    for (let j = i; j < 4; j++) {
      let v =
        lPP * JP[i] * JP[j] +
        lKK * JK[i] * JK[j] +
        lWW * JW[i] * JW[j] +
        lPK * (JP[i] * JK[j] + JK[i] * JP[j]) +
        lPW * (JP[i] * JW[j] + JW[i] * JP[j]) +
        lKW * (JK[i] * JW[j] + JW[i] * JK[j]) +
        (JK[i] * JK[j]) / (K * K);
      // ln G's slope in w times w's second derivatives: ∂²w/∂L∂S = 1/(S+t)², ∂²w/∂S² = −2(L+t)/(S+t)³.
      if ((i === iL && j === iS) || (i === iS && j === iL)) v += lW / (st * st);
      if (i === iS && j === iS) v += (-2 * lW * lt) / (st * st * st);
      // The prefix's own second derivatives: −(p_L−1) ln(L+t) and −P ln(S+t).
      if ((i === iPL && j === iL) || (i === iL && j === iPL)) v -= 1 / lt;
      if (i === iL && j === iL) v += (pL - 1) / (lt * lt);
      if ((i === iP && j === iS) || (i === iS && j === iP)) v -= 1 / st;
      if (i === iS && j === iS) v += P / (st * st);
      out[PACKED[i][j]] = v + out[i] * out[j];
    }
  }
  return value;
}
