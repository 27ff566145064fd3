/**
 * The exact gradient of BG/BB's log-likelihood (Fader, Hardie & Shang 2010, eq. 5), for CUST.FIT: without it the
 * optimiser differenced the likelihood (eight evaluations a gradient), so a large bounded fit spent its evaluation
 * budget before it settled and could end "not converged".
 *
 * L(x, t_x, n) = A + Σ_{j=t_x}^{n−1} D_j, with A = B(α+x, β+n−x)B(γ, δ+n)/(B(α, β)B(γ, δ)) ("alive through n") and
 * D_j = B(α+x, β+j−x)B(γ+1, δ+j)/(B(α, β)B(γ, δ)) (death after opportunity j). Since ∂ ln B(a, b)/∂a = ψ(a) − ψ(a+b),
 *   ∂ln A/∂α = ψ(α+x) − ψ(α) + ψ(α+β) − ψ(α+β+n),    ∂ln A/∂β = ψ(β+n−x) − ψ(β) + ψ(α+β) − ψ(α+β+n),
 *   ∂ln A/∂γ = ψ(γ+δ) − ψ(γ+δ+n),                    ∂ln A/∂δ = ψ(δ+n) − ψ(δ) + ψ(γ+δ) − ψ(γ+δ+n),
 * and D_j's are the same at j with γ+1 in the second beta: ∂ln D_j/∂γ = 1/γ + ψ(γ+δ) − ψ(γ+δ+j+1), ∂ln D_j/∂δ =
 * ψ(δ+j) − ψ(δ) + ψ(γ+δ) − ψ(γ+δ+j+1). Then ∇ln L = (A·∇ln A + Σ D_j·∇ln D_j)/L. The digammas at z + k are tabulated
 * once an evaluation by ψ(z+1) = ψ(z) + 1/z. Where the likelihood sums the death terms from BgbbLikelihoodTables'
 * suffix sums, the gradient takes the mean of ∇ln D_j over each suffix, weighted by D_j: a running convex
 * combination W(J) = p_J·∇ln D_J + (1 − p_J)·W(J+1) with p_J = D_J/Σ_{j≥J} D_j, so nothing overflows or cancels but
 * the one difference the likelihood itself takes. The value returned is bgbbLogLikelihood's, by the same operations.
 */
import betaln from "@stdlib/math-base-special-betaln";
import digamma from "@stdlib/math-base-special-digamma";
import type { BgbbData, BgbbParameters } from "./bgbb";
import { BgbbLikelihoodTables, bgbbUsesTables, DIRECT_DEATH_TERMS, logAddExp } from "./bgbb-likelihood";

/** ψ(z + k) for k = 0..count − 1. */
function digammaLadder(z: number, count: number): Float64Array {
  const out = new Float64Array(count);
  out[0] = digamma(z);
  for (let k = 1; k < count; k++) out[k] = out[k - 1] + 1 / (z + k - 1);
  return out;
}

/**
 * Σ weight × ln L over the histories, and its gradient in (α, β, γ, δ) written into `gradient` (the same value as
 * bgbbLogLikelihood). `byTables` chooses the way of summing (tests compare the two); by default, bgbbLogLikelihood's.
 */
export function bgbbLogLikelihoodWithGradient(
  params: BgbbParameters,
  data: BgbbData,
  gradient: Float64Array,
  byTables = bgbbUsesTables(data),
): number {
  const { alpha, beta, gamma, delta } = params;
  let most = 0;
  for (let i = 0; i < data.opportunities.length; i++) most = Math.max(most, data.opportunities[i]);
  const size = most + 2;
  const psiA = digammaLadder(alpha, size); // ψ(α + x)
  const psiB = digammaLadder(beta, size); // ψ(β + k)
  const psiAB = digammaLadder(alpha + beta, size); // ψ(α + β + k)
  const psiD = digammaLadder(delta, size); // ψ(δ + k)
  const psiGD = digammaLadder(gamma + delta, size); // ψ(γ + δ + k)
  const inverseGamma = 1 / gamma;
  /** ∇ln A at (x, n) into out. */
  const aliveGradient = (x: number, n: number, out: Float64Array) => {
    out[0] = psiA[x] - psiA[0] + psiAB[0] - psiAB[n];
    out[1] = psiB[n - x] - psiB[0] + psiAB[0] - psiAB[n];
    out[2] = psiGD[0] - psiGD[n];
    out[3] = psiD[n] - psiD[0] + psiGD[0] - psiGD[n];
  };
  // ∇ln D_j, component by component (x fixed).
  const deathAlpha = (x: number, j: number) => psiA[x] - psiA[0] + psiAB[0] - psiAB[j];
  const deathBeta = (x: number, j: number) => psiB[j - x] - psiB[0] + psiAB[0] - psiAB[j];
  const deathGamma = (j: number) => inverseGamma + psiGD[0] - psiGD[j + 1];
  const deathDelta = (j: number) => psiD[j] - psiD[0] + psiGD[0] - psiGD[j + 1];

  gradient.fill(0);
  const alive = new Float64Array(4);
  const death = new Float64Array(4);
  const add = (weight: number, share: number) => {
    // ∇ln L = a·∇ln A + (1 − a)·(mean of ∇ln D_j), a = A/L.
    for (let c = 0; c < 4; c++) gradient[c] += weight * (share * alive[c] + (1 - share) * death[c]);
  };

  if (!byTables) {
    // One history at a time: bgbbIndividualLogLikelihood's operations, with the death terms' gradients beside.
    const base = betaln(alpha, beta) + betaln(gamma, delta);
    let total = 0;
    for (let i = 0; i < data.frequency.length; i++) {
      const x = data.frequency[i];
      const tx = data.recency[i];
      const n = data.opportunities[i];
      const w = data.weights[i];
      const logAlive = betaln(alpha + x, beta + n - x) + betaln(gamma, delta + n) - base;
      aliveGradient(x, n, alive);
      if (n <= tx) {
        total += w * logAlive;
        add(w, 1);
        continue;
      }
      const first = betaln(alpha + x, beta + tx - x) + betaln(gamma + 1, delta + tx) - base;
      // Σ term·ψ(…+j) for the four digammas that vary with j (the rest of ∇ln D_j is the same for every j).
      let term = 1;
      let sum = 1;
      let sumAB = psiAB[tx];
      let sumB = psiB[tx - x];
      let sumGD = psiGD[tx + 1];
      let sumD = psiD[tx];
      for (let j = tx; j < n - 1; j++) {
        term *= ((beta + j - x) / (alpha + beta + j)) * ((delta + j) / (gamma + 1 + delta + j));
        sum += term;
        sumAB += term * psiAB[j + 1];
        sumB += term * psiB[j + 1 - x];
        sumGD += term * psiGD[j + 2];
        sumD += term * psiD[j + 1];
      }
      death[0] = psiA[x] - psiA[0] + psiAB[0] - sumAB / sum;
      death[1] = sumB / sum - psiB[0] + psiAB[0] - sumAB / sum;
      death[2] = inverseGamma + psiGD[0] - sumGD / sum;
      death[3] = sumD / sum - psiD[0] + psiGD[0] - sumGD / sum;
      const logDeath = first + Math.log(sum);
      const ll = logAddExp(logAlive, logDeath);
      total += w * ll;
      add(w, Math.exp(logAlive - ll));
    }
    return total;
  }

  const tables = new BgbbLikelihoodTables(params, most);
  // Per frequency, the D-weighted mean of ∇ln D_j over j ≥ J, for J = x..most (0 at most: an empty suffix).
  const means = new Map<number, Float64Array[]>();
  const meansFor = (x: number): Float64Array[] => {
    let table = means.get(x);
    if (table) return table;
    const { term, suffix } = tables.terms(x);
    table = [0, 1, 2, 3].map(() => new Float64Array(most + 1));
    const [mA, mB, mG, mD] = table;
    for (let J = most - 1; J >= x; J--) {
      const p = Math.exp(term[J] - suffix[J]);
      const q = 1 - p;
      mA[J] = p * deathAlpha(x, J) + q * mA[J + 1];
      mB[J] = p * deathBeta(x, J) + q * mB[J + 1];
      mG[J] = p * deathGamma(J) + q * mG[J + 1];
      mD[J] = p * deathDelta(J) + q * mD[J + 1];
    }
    means.set(x, table);
    return table;
  };
  let total = 0;
  for (let i = 0; i < data.frequency.length; i++) {
    const x = data.frequency[i];
    const tx = data.recency[i];
    const n = data.opportunities[i];
    const w = data.weights[i];
    aliveGradient(x, n, alive);
    if (n <= tx || n - tx > DIRECT_DEATH_TERMS) {
      const ll = tables.logLikelihood(x, tx, n);
      total += w * ll;
      if (n <= tx) {
        add(w, 1);
        continue;
      }
      // Σ_{tx ≤ j < n} D_j g_j = S(tx)·W(tx) − S(n)·W(n), S the suffix sums: divided by S(tx) − S(n).
      const { suffix } = tables.terms(x);
      const [mA, mB, mG, mD] = meansFor(x);
      const r = Math.exp(suffix[n] - suffix[tx]);
      const keep = 1 - r;
      death[0] = (mA[tx] - r * mA[n]) / keep;
      death[1] = (mB[tx] - r * mB[n]) / keep;
      death[2] = (mG[tx] - r * mG[n]) / keep;
      death[3] = (mD[tx] - r * mD[n]) / keep;
      add(w, Math.exp(tables.logAliveThrough(x, n) - ll));
      continue;
    }
    // A short death sum: BgbbLikelihoodTables.logLikelihood's operations, the digammas that vary with j beside.
    const { term } = tables.terms(x);
    const lead = term[tx];
    let sum = 0;
    let sumAB = 0;
    let sumB = 0;
    let sumGD = 0;
    let sumD = 0;
    for (let j = tx; j < n; j++) {
      const e = Math.exp(term[j] - lead);
      sum += e;
      sumAB += e * psiAB[j];
      sumB += e * psiB[j - x];
      sumGD += e * psiGD[j + 1];
      sumD += e * psiD[j];
    }
    const logAlive = tables.logAliveThrough(x, n);
    const ll = logAddExp(logAlive, lead + Math.log(sum));
    total += w * ll;
    death[0] = psiA[x] - psiA[0] + psiAB[0] - sumAB / sum;
    death[1] = sumB / sum - psiB[0] + psiAB[0] - sumAB / sum;
    death[2] = inverseGamma + psiGD[0] - sumGD / sum;
    death[3] = sumD / sum - psiD[0] + psiGD[0] - sumGD / sum;
    add(w, Math.exp(logAlive - ll));
  }
  return total;
}
