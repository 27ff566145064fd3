/**
 * The Pareto/NBD log-likelihood over compressed histories with its analytic gradient (Schmittlein, Morrison &
 * Colombo 1987; in the log-sum-exp form of Fader & Hardie, note 008):
 *   L = Γ(r+x) α^r β^s / Γ(r) · [(α+T)^−(r+x) (β+T)^−s + s (F(t_x) − F(T))],
 *   F(t) = ∫_t^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = (L+t)^−K ₂F₁(K, b; K+1; z(t)) / K,
 * with K = r+s+x, L = max(α, β), b = s+1 when α ≥ β else r+x, and z(t) = |α−β|/(L+t) ∈ [0, 1).
 * F and its derivatives depend on (x, t) only, so they are computed once per distinct pair per evaluation.
 * For z ≤ ½, Gauss's series with its parameter and argument derivatives summed term by term in the same pass
 * (with c = K+1 the K-derivative of each term telescopes to 1/K − 1/(K+k)). For z > ½, F(t) = ∫_t^τ* + F(τ*)
 * with z(τ*) = ½: the head by 16-point Gauss–Legendre panels in y = ln(min(α,β)+τ), each panel short enough
 * that the integrand changes by at most e² across it (relative error below 1e-15), and the tail by the series.
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { trigamma } from "../optim/trigamma";
import { ParetoNbdData, widestGroup } from "./pair-layout";
import { gaussLegendre } from "../optim/gauss-legendre";
import { logPfaffTail } from "./pareto-nbd-pfaff";
import { logSteepTail, STEEP_SHAPE as STEEP_FROM, storeMoments } from "./pareto-nbd-steep";

/** b·z above which ln F is not taken by Gauss's series (its terms rise like e^(b·z) before they fall). */
export const PFAFF_FROM = 8;
/** steep.ts's STEEP_SHAPE, read per pair: a module's own constant (tsx's CommonJS reads an import by a getter). */
const STEEP_SHAPE = STEEP_FROM;

export { prepareParetoNbdData, widestGroup } from "./pair-layout";
export type { ParetoNbdData } from "./pair-layout";

/**
 * Moments of one integral F = ∫ g over the parameters p = (r, α, s, β), as the pair loop and the quadratures pass
 * them: [0..3] ∇F/F, [4..13] ∇²F/F packed by rows of the upper triangle (rr, rα, rs, rβ, αα, αs, αβ, ss, sβ, ββ).
 * Both are linear in F's parts, so a sum of integrals mixes its parts' moments by their shares.
 */
export const MOMENTS = 14;
/** Index of ∂²/∂p_i∂p_j (i ≤ j) in the packed second moments. */
const PACKED = [
  [4, 5, 6, 7],
  [5, 8, 9, 10],
  [6, 9, 11, 12],
  [7, 10, 12, 13],
] as const;

/**
 * −log L and, when `gradient` is given, its gradient in (r, α, s, β); when `hessian` is given too (row-major 4×4),
 * its Hessian, from the second moments of every F (see MOMENTS) and ∇² ln(e^u + e^v) = w_u ∇²u + w_v ∇²v +
 * w_u w_v (∇u − ∇v)(∇u − ∇v)ᵀ per customer.
 */
export function paretoNbdPreparedNegLogLikelihood(
  data: ParetoNbdData,
  params: ArrayLike<number>,
  gradient?: Float64Array,
  hessian?: Float64Array,
): number {
  const r = params[0];
  const alpha = params[1];
  const s = params[2];
  const beta = params[3];
  // Outside the domain (a parameter under- or overflowed on the optimiser's log scale): no likelihood, and the
  // optimiser steps back.
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0 && Number.isFinite(r + alpha + s + beta))) return Infinity;
  const wantHessian = hessian !== undefined;
  const wantGradient = gradient !== undefined || wantHessian;
  const width = wantHessian ? MOMENTS : 4;
  const pairs = data.pairTime.length;
  // Every entry is written below before it is read: the buffers are kept with the data between evaluations.
  const buffers = (data.buffers ??= {
    logF: new Float64Array(pairs),
    moments: new Float64Array(0),
    widest: widestGroup(data),
    widestStreamed: widestMoments(data),
  });
  const logF = buffers.logF;
  const gap = Math.abs(alpha - beta);
  const larger = Math.max(alpha, beta);
  // The x = 0 run is streamed (see below) where its last pair's F, at t = 0, is the series' alone (z ≤ ½), as the
  // pairs restarted from the series are: elsewhere it comes by the chain from the pair above, as every other pair.
  const streamable = gap / larger <= 0.5;
  const slots = streamable ? (buffers.widestStreamed ?? buffers.widest) : buffers.widest;
  if (wantGradient && buffers.moments.length < width * slots) buffers.moments = new Float64Array(MOMENTS * slots);
  const dLogF = wantGradient ? buffers.moments : null;
  const scratch = new Float64Array(MOMENTS);
  const logAlpha = Math.log(alpha);
  const logBeta = Math.log(beta);
  const logS = Math.log(s);
  let total = 0;
  let gr = 0;
  let galpha = 0;
  let gs = 0;
  let gbeta = 0;
  // The Hessian of log L in the upper triangle (hij: row i, column j), mirrored at the end.
  let h00 = 0;
  let h01 = 0;
  let h02 = 0;
  let h03 = 0;
  let h11 = 0;
  let h12 = 0;
  let h13 = 0;
  let h22 = 0;
  let h23 = 0;
  let h33 = 0;
  const { groups } = data;
  const digR = wantGradient ? digamma(r) : 0;
  const triR = wantHessian ? trigamma(r) : 0;
  const logGammaR = gammaln(r);
  const rLogAlpha = r * logAlpha;
  const sLogBeta = s * logBeta;
  for (let g = 0; g < groups.values.length; g++) {
    const x = groups.values[g];
    const w = groups.weight[g];
    total += w * (gammaln(r + x) - logGammaR + rLogAlpha + sLogBeta);
    if (wantGradient) {
      gr += w * (digamma(r + x) - digR + logAlpha);
      galpha += (w * r) / alpha;
      gs += w * logBeta;
      gbeta += (w * s) / beta;
    }
    if (wantHessian) {
      h00 += w * (trigamma(r + x) - triR);
      h01 += w / alpha;
      h11 -= (w * r) / (alpha * alpha);
      h23 += w / beta;
      h33 -= (w * s) / (beta * beta);
    }
  }
  const { rowWeight, rowRecencyPair, rowAgePair, pairTime, runFrequency, runEnd } = data;
  // Frequency by frequency: its pairs (F and its moments, in the work array from the group's first pair), then its
  // customers (sorted by their (x, T) pair, so they follow the pairs). The moments are kept for one frequency at a
  // time: ~47 MB for the largest on 1,048,576 continuous-time customers instead of 166 MB for all.
  // How many pairs in a row were reached from the one above by a few-point rule (see below).
  let chained = 0;
  const rowCount = rowAgePair.length;
  // A row's T terms, kept while the next row's T is the same (every row's, where all customers share T).
  let lastT = NaN;
  let alphaT = 0;
  let betaT = 0;
  let alphaT2 = 0;
  let betaT2 = 0;
  let logAlphaT = 0;
  let logBetaT = 0;
  const invS = 1 / s;
  const s2 = s * s;
  let i = 0;
  for (let run = 0, start = 0; run < runEnd.length; start = runEnd[run++]) {
    const end = runEnd[run];
    const x = runFrequency[run];
    const m = r + x;
    // Where every customer's t_x is the run's last pair (x = 0: t_x = 0), that pair's F comes first, by the series,
    // and each customer is taken as soon as its (x, T) pair is: the run's moments need three slots, not one a pair
    // (x = 0 is the widest run: 617,444 pairs × 14 moments, 69 MB, on 1,048,576 continuous-time customers).
    const streamed = dLogF !== null && streamable && streamedRun(data, run, start);
    if (streamed) {
      logF[end - 1] = logTailIntegral(r, alpha, s, beta, x, pairTime[end - 1], scratch, wantGradient, wantHessian);
      for (let k = 0; k < width; k++) dLogF[k] = scratch[k];
    }
    for (let p = start; p < end; p++) {
      if (!(streamed && p === end - 1)) {
        const t = pairTime[p];
        // The pair before, the same x's next larger t (none for the largest).
        const above = p > start ? p - 1 : -1;
        // Where pair p's moments go (see streamed).
        const at = streamed ? width * (1 + (p & 1)) : width * (p - start);
        // Times close together (a frequency shared by many customers with times in decimals): F(t) = F(t') + ∫_t^t' g
        // by a 2- to 4-point rule, about a fifth of the series' cost. Restarted from the series every CHAIN_LENGTH
        // pairs, so that the roundings of the sums do not add up along a long run.
        const rule =
          above >= 0 && chained < CHAIN_LENGTH ? fewPointRule(alpha, beta, m, s + 1, t, pairTime[above]) : -1;
        chained = rule >= 0 ? chained + 1 : 0;
        // At frequencies in the thousands and more, F(t) itself costs a few terms or nodes (logTailIntegral), and
        // ∫_t^t' g over a long interval would take many panels of a steep integrand: F(t) directly where F(t') is
        // below e^−1 of it (the difference F(t_x) − F(T) then keeps its digits). Tested last: it takes a logarithm.
        if (
          rule < 0 &&
          (above < 0 ||
            gap / (larger + t) <= 0.5 ||
            (m > STEEP_SHAPE && m * Math.log1p((pairTime[above] - t) / (alpha + t)) > 1))
        ) {
          logF[p] = logTailIntegral(r, alpha, s, beta, x, t, scratch, wantGradient, wantHessian);
          if (dLogF) for (let k = 0; k < width; k++) dLogF[at + k] = scratch[k];
        } else {
          // F(t) = F(t') + ∫_t^t' g for the next larger t' of the same x: a short interval, no series needed.
          const logGap =
            rule >= 0
              ? logPowerIntegralFew(alpha, beta, m, s + 1, t, pairTime[above], rule, scratch, wantGradient, wantHessian)
              : logPowerIntegralShort(alpha, beta, m, s + 1, t, pairTime[above], scratch, wantGradient, wantHessian);
          const top = Math.max(logGap, logF[above]);
          const gapShare = expOrOne(logGap - top);
          const aboveShare = expOrOne(logF[above] - top);
          logF[p] = top + Math.log(gapShare + aboveShare);
          if (dLogF) {
            const sum = gapShare + aboveShare;
            const from = streamed ? width * (1 + (above & 1)) : width * (above - start);
            for (let k = 0; k < width; k++)
              dLogF[at + k] = (gapShare * scratch[k] + aboveShare * dLogF[from + k]) / sum;
          }
        }
      }
      // The customers whose (x, T) pair is done: each one's as it comes where streamed, else all after the last pair.
      const bound = streamed ? p + 1 : p === end - 1 ? end : start;
      for (; i < rowCount && rowAgePair[i] < bound; i++) {
        const w = rowWeight ? rowWeight[i] : 1;
        const T = pairTime[rowAgePair[i]];
        if (T !== lastT) {
          lastT = T;
          alphaT = alpha + T;
          betaT = beta + T;
          alphaT2 = alphaT * alphaT;
          betaT2 = betaT * betaT;
          logAlphaT = Math.log(alphaT);
          logBetaT = Math.log(betaT);
        }
        const alive = -m * logAlphaT - s * logBetaT;
        const early = rowRecencyPair[i];
        if (early < 0) {
          total += w * alive;
          if (wantGradient) {
            gr -= w * logAlphaT;
            galpha -= (w * m) / alphaT;
            gs -= w * logBetaT;
            gbeta -= (w * s) / betaT;
          }
          if (wantHessian) {
            // w·∇²u for the "alive at T" term u = −m ln(α+T) − s ln(β+T).
            h01 -= w / alphaT;
            h11 += (w * m) / alphaT2;
            h23 -= w / betaT;
            h33 += (w * s) / betaT2;
          }
          continue;
        }
        const late = rowAgePair[i];
        // died = ln s + ln(F(t_x) − F(T)), F(t_x) > F(T)
        const ratio = Math.exp(logF[late] - logF[early]);
        const died = logS + logF[early] + Math.log1p(-ratio);
        const top = Math.max(alive, died);
        const eAlive = expOrOne(alive - top);
        const eDied = expOrOne(died - top);
        total += w * (top + Math.log(eAlive + eDied));
        if (!dLogF) continue;
        const shareAlive = (w * eAlive) / (eAlive + eDied);
        const shareDied = w - shareAlive;
        gr -= shareAlive * logAlphaT;
        galpha -= (shareAlive * m) / alphaT;
        gs -= shareAlive * logBetaT;
        gbeta -= (shareAlive * s) / betaT;
        // ∇ ln(F1 − F2) = (∇ln F1 − ρ ∇ln F2) / (1 − ρ), ρ = F2/F1
        const scale = shareDied / (1 - ratio);
        const e = streamed ? 0 : width * (early - start);
        const l = streamed ? (late === end - 1 ? 0 : width * (1 + (late & 1))) : width * (late - start);
        gr += scale * (dLogF[e] - ratio * dLogF[l]);
        galpha += scale * (dLogF[e + 1] - ratio * dLogF[l + 1]);
        gs += shareDied / s + scale * (dLogF[e + 2] - ratio * dLogF[l + 2]);
        gbeta += scale * (dLogF[e + 3] - ratio * dLogF[l + 3]);
        if (!wantHessian) continue;
        // ∇²(F1 − F2)/(F1 − F2) = (M2(t_x) − ρ M2(T)) / (1 − ρ); ∇² ln(F1 − F2) = that − ∇ln(F1 − F2) ∇ln(F1 − F2)ᵀ.
        const wAlive = shareAlive / w;
        const wDied = 1 - wAlive;
        const inv = 1 / (1 - ratio);
        h01 -= shareAlive / alphaT;
        h11 += (shareAlive * m) / alphaT2;
        h23 -= shareAlive / betaT;
        h33 += (shareAlive * s) / betaT2;
        // ∇ln(F1 − F2), and the moments' combination with its weight folded in (written out: this runs per customer).
        const v0 = (dLogF[e] - ratio * dLogF[l]) * inv;
        const v1 = (dLogF[e + 1] - ratio * dLogF[l + 1]) * inv;
        const v2 = (dLogF[e + 2] - ratio * dLogF[l + 2]) * inv;
        const v3 = (dLogF[e + 3] - ratio * dLogF[l + 3]) * inv;
        const dying = shareDied * inv;
        const sv0 = shareDied * v0;
        const sv1 = shareDied * v1;
        const sv2 = shareDied * v2;
        h00 += dying * (dLogF[e + 4] - ratio * dLogF[l + 4]) - sv0 * v0;
        h01 += dying * (dLogF[e + 5] - ratio * dLogF[l + 5]) - sv0 * v1;
        h02 += dying * (dLogF[e + 6] - ratio * dLogF[l + 6]) - sv0 * v2;
        h03 += dying * (dLogF[e + 7] - ratio * dLogF[l + 7]) - sv0 * v3;
        h11 += dying * (dLogF[e + 8] - ratio * dLogF[l + 8]) - sv1 * v1;
        h12 += dying * (dLogF[e + 9] - ratio * dLogF[l + 9]) - sv1 * v2;
        h13 += dying * (dLogF[e + 10] - ratio * dLogF[l + 10]) - sv1 * v3;
        h22 += dying * (dLogF[e + 11] - ratio * dLogF[l + 11]) - sv2 * v2 - shareDied / s2;
        h23 += dying * (dLogF[e + 12] - ratio * dLogF[l + 12]) - sv2 * v3;
        h33 += dying * (dLogF[e + 13] - ratio * dLogF[l + 13]) - shareDied * v3 * v3;
        // ∇u − ∇v, v = ln s + ln(F1 − F2).
        const cross = w * wAlive * wDied;
        const d0 = -logAlphaT - v0;
        const d1 = -m / alphaT - v1;
        const d2 = -logBetaT - v2 - invS;
        const d3 = -s / betaT - v3;
        const c0 = cross * d0;
        const c1 = cross * d1;
        const c2 = cross * d2;
        h00 += c0 * d0;
        h01 += c0 * d1;
        h02 += c0 * d2;
        h03 += c0 * d3;
        h11 += c1 * d1;
        h12 += c1 * d2;
        h13 += c1 * d3;
        h22 += c2 * d2;
        h23 += c2 * d3;
        h33 += cross * d3 * d3;
      }
    }
  }
  if (gradient) {
    gradient[0] = -gr;
    gradient[1] = -galpha;
    gradient[2] = -gs;
    gradient[3] = -gbeta;
  }
  if (hessian) {
    hessian[0] = -h00;
    hessian[1] = hessian[4] = -h01;
    hessian[2] = hessian[8] = -h02;
    hessian[3] = hessian[12] = -h03;
    hessian[5] = -h11;
    hessian[6] = hessian[9] = -h12;
    hessian[7] = hessian[13] = -h13;
    hessian[10] = -h22;
    hessian[11] = hessian[14] = -h23;
    hessian[15] = -h33;
  }
  return -total;
}

/** e^v, without evaluating e^0 (the larger of two terms scaled by itself: one of each pair). */
function expOrOne(v: number): number {
  return v === 0 ? 1 : Math.exp(v);
}

/**
 * Whether run k (starting at pair `start`) is taken customer by customer as its pairs come: x = 0, whose customers
 * all have t_x = 0 (compress.ts checks it), the run's last pair, and more than two pairs.
 */
function streamedRun(data: ParetoNbdData, k: number, start: number): boolean {
  const end = data.runEnd[k];
  return data.runFrequency[k] === 0 && end - start > 2 && data.pairTime[end - 1] === 0;
}

/** The moment slots the likelihood needs: the most pairs of a run not streamed, at least the three of one that is. */
function widestMoments(data: ParetoNbdData): number {
  let widest = 3;
  for (let k = 0, start = 0; k < data.runEnd.length; start = data.runEnd[k++]) {
    if (!streamedRun(data, k, start)) widest = Math.max(widest, data.runEnd[k] - start);
  }
  return widest;
}

/**
 * ln ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ for one customer (the "died between t_x and T" term without its
 * factor s), by quadrature over that interval: no series and no difference of two tails, so it stays accurate for
 * any parameters an optimiser reaches (e.g. s, β → ∞). −∞ when t_x = T.
 */
export function logDeathIntegral(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number) {
  if (tx >= T) return -Infinity;
  return logPowerIntegralShort(alpha, beta, r + x, s + 1, tx, T, new Float64Array(4), false);
}

/**
 * ln F(t) for one (x, t); when `withGradient`, out[0..3] receive ∂ln F/∂(r, α, s, β), and when `withHessian` too,
 * out[4..13] the second moments ∇²F/F (see MOMENTS; out then holds MOMENTS values).
 */
export function logTailIntegral(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  out: Float64Array,
  withGradient = true,
  withHessian = false,
): number {
  const larger = Math.max(alpha, beta);
  const gap = Math.abs(alpha - beta);
  const z = gap / (larger + t);
  const m = r + x;
  // At frequencies in the thousands and more, Gauss's series would grow for about b·z terms before it falls
  // (thousands a pair): a few Gauss–Laguerre nodes for the steep integrand where α and β are far apart for t, else
  // the Pfaff-transformed series, which settles within a few terms where they are close (issue 12).
  if (z * (alpha >= beta ? s + 1 : m) > PFAFF_FROM || (z > 0.5 && m > STEEP_SHAPE)) {
    if (z >= 0.05 && m > STEEP_SHAPE) {
      const steep = logSteepTail(r, alpha, s, beta, x, t, out, withGradient, withHessian);
      if (steep !== null) return steep;
    }
    const pfaff = logPfaffTail(r, alpha, s, beta, x, t, out, withGradient, withHessian);
    if (pfaff !== null) return pfaff;
  }
  if (z <= 0.5) return logSeriesTail(r, alpha, s, beta, x, t, out, withGradient, withHessian);
  // Head ∫_t^τ* by quadrature, tail F(τ*) by the series, z(τ*) = ½.
  const split = larger - 2 * Math.min(alpha, beta);
  const logTail = logSeriesTail(r, alpha, s, beta, x, split, out, withGradient, withHessian);
  const width = withHessian ? MOMENTS : 4;
  const tail = TAIL;
  if (withGradient) for (let k = 0; k < width; k++) tail[k] = out[k];
  const logHead = logPowerIntegralWide(alpha, beta, r + x, s + 1, t, split, out, withGradient, withHessian);
  const big = Math.max(logHead, logTail);
  const headShare = expOrOne(logHead - big);
  const tailShare = expOrOne(logTail - big);
  const sum = headShare + tailShare;
  if (withGradient) {
    // ∂F = ∫ ∂g + F(τ*)·∂ln F(τ*): the split point's own terms cancel (and so for ∂²F).
    for (let k = 0; k < width; k++) out[k] = (headShare * out[k] + tailShare * tail[k]) / sum;
  }
  return big + Math.log(sum);
}

/** The split point's moments while the head's are computed (logTailIntegral). */
const TAIL = new Float64Array(MOMENTS);

/**
 * The moments (see MOMENTS) of ∫ g, g = (α+τ)^−m (β+τ)^−n, from quadrature sums: i0 = Σ w, sums[0..3] = Σ w·v and
 * sums[4..13] = Σ w·v_i·v_j with v = ∂ln g/∂(r, α, s, β) = (−ln(α+τ), −m/(α+τ), −ln(β+τ), −n/(β+τ)). ∂²ln g adds
 * −1/(α+τ) = v_α/m to (r, α), m/(α+τ)² = v_α²/m to (α, α), and likewise in (s, β) with n.
 */
function momentsFromSums(sums: Float64Array, i0: number, m: number, n: number, out: Float64Array): void {
  for (let k = 0; k < MOMENTS; k++) out[k] = sums[k] / i0;
  out[5] += out[1] / m;
  out[8] += out[8] / m;
  out[12] += out[3] / n;
  out[13] += out[13] / n;
}

/** Adds one quadrature node's w·v and w·v_i·v_j to sums (see momentsFromSums). */
function addNodeMoments(sums: Float64Array, w: number, v0: number, v1: number, v2: number, v3: number): void {
  const w0 = w * v0;
  const w1 = w * v1;
  const w2 = w * v2;
  const w3 = w * v3;
  sums[0] += w0;
  sums[1] += w1;
  sums[2] += w2;
  sums[3] += w3;
  sums[4] += w0 * v0;
  sums[5] += w0 * v1;
  sums[6] += w0 * v2;
  sums[7] += w0 * v3;
  sums[8] += w1 * v1;
  sums[9] += w1 * v2;
  sums[10] += w1 * v3;
  sums[11] += w2 * v2;
  sums[12] += w2 * v3;
  sums[13] += w3 * v3;
}

/** How far below its peak a log-integrand is left out: e^−50 ≈ 2e-22, far below a double's rounding. */
const NEGLIGIBLE_LOG = 50;

/**
 * The part of [y0, y1] where a concave log-integrand (given with its slope) is within NEGLIGIBLE_LOG of its peak.
 * With a large exponent (an optimiser trying r or s far out) the integrand falls by thousands of e-folds across
 * the interval; integrating only where it matters keeps the panel count small instead of in the millions.
 */
function negligibleOutside(
  logIntegrand: (y: number) => number,
  slope: (y: number) => number,
  y0: number,
  y1: number,
): [number, number] {
  // The peak: where the (decreasing) slope crosses 0, or the end it points to.
  let low = y0;
  let high = y1;
  if (slope(y0) <= 0) high = y0;
  else if (slope(y1) >= 0) low = y1;
  for (let i = 0; i < 100 && high - low > 1e-6 * (1 + Math.abs(low)); i++) {
    const mid = 0.5 * (low + high);
    if (slope(mid) > 0) low = mid;
    else high = mid;
  }
  const peak = 0.5 * (low + high);
  const floor = logIntegrand(peak) - NEGLIGIBLE_LOG;
  // logIntegrand rises to the peak and falls after it: bisect each side for the floor, until the end left outside
  // is within another NEGLIGIBLE_LOG / 2 of it. (A tolerance in y alone left a window thousands of times too wide
  // where the integrand falls by e^1000 per unit of y, at frequencies in the billions: 10^7 panels for one customer.)
  const crossing = (inside: number, outside: number) => {
    let atOutside = logIntegrand(outside);
    if (atOutside >= floor) return outside;
    for (let i = 0; i < 200 && atOutside < floor - NEGLIGIBLE_LOG / 2; i++) {
      if (Math.abs(outside - inside) <= 1e-15 * (1 + Math.abs(inside))) break;
      const mid = 0.5 * (inside + outside);
      const atMid = logIntegrand(mid);
      if (atMid >= floor) inside = mid;
      else {
        outside = mid;
        atOutside = atMid;
      }
    }
    return outside;
  };
  return [crossing(peak, y0), crossing(peak, y1)];
}

/**
 * ln ∫_t0^t1 (α+τ)^−m (β+τ)^−n dτ and its gradient, for long intervals: 16-point Gauss–Legendre panels in
 * y = ln(min(α,β)+τ), each short enough that the integrand changes by at most e² across it and at most 1 wide
 * (the integrand's singularities are π away from the real y axis).
 */
function logPowerIntegralWide(
  alpha: number,
  beta: number,
  m: number,
  n: number,
  t0: number,
  t1: number,
  out: Float64Array,
  withGradient: boolean,
  withHessian = false,
): number {
  const alphaLarger = alpha >= beta;
  const smaller = Math.min(alpha, beta);
  const gap = Math.abs(alpha - beta);
  const mLarger = alphaLarger ? m : n;
  const mSmaller = alphaLarger ? n : m;
  // smaller + τ = e^y, larger + τ = gap + e^y; g dτ = (gap + e^y)^−mL e^(−mS y) e^y dy.
  const logIntegrand = (y: number) => -mLarger * Math.log(gap + Math.exp(y)) + (1 - mSmaller) * y;
  // The slope decreases with y (the log-integrand is concave), so its largest size is at an end.
  const slopeAt = (y: number) => 1 - mSmaller - (mLarger * Math.exp(y)) / (gap + Math.exp(y));
  const panelsFor = (from: number, to: number) => {
    const slope = Math.max(Math.abs(slopeAt(from)), Math.abs(slopeAt(to)));
    return Math.max(1, Math.ceil((slope * (to - from)) / 2), Math.ceil(to - from));
  };
  let y0 = Math.log(smaller + t0);
  let y1 = Math.log(smaller + t1);
  let panels = panelsFor(y0, y1);
  if (panels > 64) {
    [y0, y1] = negligibleOutside(logIntegrand, slopeAt, y0, y1);
    panels = panelsFor(y0, y1);
  }
  const width = y1 - y0;
  const h = width / panels;
  const nodes = LEGENDRE_NODES.length;
  const count = panels * nodes;
  const phi = new Float64Array(count);
  const ys = new Float64Array(count);
  let top = -Infinity;
  for (let p = 0; p < panels; p++) {
    const mid = y0 + (p + 0.5) * h;
    for (let k = 0; k < nodes; k++) {
      const y = mid + 0.5 * h * LEGENDRE_NODES[k];
      const v = logIntegrand(y);
      ys[p * nodes + k] = y;
      phi[p * nodes + k] = v;
      if (v > top) top = v;
    }
  }
  let i0 = 0;
  let iLogAlpha = 0;
  let iLogBeta = 0;
  let iInvAlpha = 0;
  let iInvBeta = 0;
  const sums = withHessian ? new Float64Array(MOMENTS) : null;
  for (let j = 0; j < count; j++) {
    const weight = 0.5 * h * LEGENDRE_WEIGHTS[j % nodes] * Math.exp(phi[j] - top);
    i0 += weight;
    if (!withGradient) continue;
    const y = ys[j];
    const smallerPlus = Math.exp(y);
    const largerPlus = gap + smallerPlus;
    const logLargerPlus = Math.log(largerPlus);
    if (sums) {
      if (alphaLarger) addNodeMoments(sums, weight, -logLargerPlus, -m / largerPlus, -y, -n / smallerPlus);
      else addNodeMoments(sums, weight, -y, -m / smallerPlus, -logLargerPlus, -n / largerPlus);
      continue;
    }
    if (alphaLarger) {
      iLogAlpha += weight * logLargerPlus;
      iLogBeta += weight * y;
      iInvAlpha += weight / largerPlus;
      iInvBeta += weight / smallerPlus;
    } else {
      iLogAlpha += weight * y;
      iLogBeta += weight * logLargerPlus;
      iInvAlpha += weight / smallerPlus;
      iInvBeta += weight / largerPlus;
    }
  }
  if (sums) momentsFromSums(sums, i0, m, n, out);
  else if (withGradient) {
    out[0] = -iLogAlpha / i0;
    out[1] = (-m * iInvAlpha) / i0;
    out[2] = -iLogBeta / i0;
    out[3] = (-n * iInvBeta) / i0;
  }
  return top + Math.log(i0);
}

/**
 * ln ∫_t0^t1 (α+τ)^−m (β+τ)^−n dτ and its gradient in (r, α, s, β) (m = r+x, n = s+1), by 8-point Gauss–Legendre
 * panels in τ: each panel is at most a quarter of its distance to the nearer singularity −min(α, β) and the log of
 * the integrand changes by at most ½ across it (error below 1e-16 relative).
 */
export function logPowerIntegralShort(
  alpha: number,
  beta: number,
  m: number,
  n: number,
  t0: number,
  t1: number,
  out: Float64Array,
  withGradient: boolean,
  withHessian = false,
): number {
  const width = t1 - t0;
  const near = Math.min(alpha, beta) + t0;
  const slope = m / (alpha + t0) + n / (beta + t0);
  const panels = Math.max(1, Math.ceil((slope * width) / 0.5), Math.ceil(width / (0.25 * near)));
  if (panels > 64) return logPowerIntegralWide(alpha, beta, m, n, t0, t1, out, withGradient, withHessian);
  const h = width / panels;
  // Scaled by the integrand at t0, its largest value.
  const reference = -m * Math.log(alpha + t0) - n * Math.log(beta + t0);
  let i0 = 0;
  let iLogAlpha = 0;
  let iLogBeta = 0;
  let iInvAlpha = 0;
  let iInvBeta = 0;
  const sums = withHessian ? new Float64Array(MOMENTS) : null;
  for (let p = 0; p < panels; p++) {
    const mid = t0 + (p + 0.5) * h;
    for (let k = 0; k < SHORT_NODES.length; k++) {
      const tau = mid + 0.5 * h * SHORT_NODES[k];
      const logAlphaTau = Math.log(alpha + tau);
      const logBetaTau = Math.log(beta + tau);
      const weight = 0.5 * h * SHORT_WEIGHTS[k] * Math.exp(-m * logAlphaTau - n * logBetaTau - reference);
      i0 += weight;
      if (!withGradient) continue;
      if (sums) {
        addNodeMoments(sums, weight, -logAlphaTau, -m / (alpha + tau), -logBetaTau, -n / (beta + tau));
        continue;
      }
      iLogAlpha += weight * logAlphaTau;
      iLogBeta += weight * logBetaTau;
      iInvAlpha += weight / (alpha + tau);
      iInvBeta += weight / (beta + tau);
    }
  }
  if (sums) momentsFromSums(sums, i0, m, n, out);
  else if (withGradient) {
    out[0] = -iLogAlpha / i0;
    out[1] = (-m * iInvAlpha) / i0;
    out[2] = -iLogBeta / i0;
    out[3] = (-n * iInvBeta) / i0;
  }
  return reference + Math.log(i0);
}

/**
 * Gauss–Legendre rules of 2, 3 and 4 points, and how short an interval each integrates to a double's precision:
 * with q = (t1 − t0)·(m/(α+t0) + n/(β+t0) + 1/(min(α,β)+t0)), the n-point rule's relative error is of order
 * q^(2n)·(n!)⁴/((2n+1)((2n)!)²) (the remainder of Davis & Rabinowitz, Methods of Numerical Integration, 2.7.12,
 * with the integrand's 2n-th derivative at most (2n)!·(q/width)^(2n) times itself), below 1e-17 for q at most these
 * (checked against the panelled 8-point rule in the tests).
 */
const FEW_RULES = [2, 3, 4].map((points) => {
  const [nodes, weights] = gaussLegendre(points);
  let factorial = 1;
  for (let k = 2; k <= points; k++) factorial *= k;
  let double = 1;
  for (let k = 2; k <= 2 * points; k++) double *= k;
  const constant = factorial ** 4 / ((2 * points + 1) * double * double);
  return { nodes, weights, reach: (1e-17 / constant) ** (1 / (2 * points)) };
});

/** The fewest-point rule that integrates (α+τ)^−m (β+τ)^−n over [t0, t1] to a double's precision, or −1. */
export function fewPointRule(alpha: number, beta: number, m: number, n: number, t0: number, t1: number): number {
  const q = (t1 - t0) * (m / (alpha + t0) + n / (beta + t0) + 1 / (Math.min(alpha, beta) + t0));
  for (let k = 0; k < FEW_RULES.length; k++) if (q <= FEW_RULES[k].reach) return k;
  return -1;
}

/**
 * ln ∫_t0^t1 (α+τ)^−m (β+τ)^−n dτ and its moments (as logPowerIntegralShort) by one panel of the rule `rule`
 * of FEW_RULES (see fewPointRule): a short interval between two times of the same frequency.
 */
export function logPowerIntegralFew(
  alpha: number,
  beta: number,
  m: number,
  n: number,
  t0: number,
  t1: number,
  rule: number,
  out: Float64Array,
  withGradient: boolean,
  withHessian = false,
): number {
  const { nodes, weights } = FEW_RULES[rule];
  const half = 0.5 * (t1 - t0);
  const mid = t0 + half;
  const alphaMid = alpha + mid;
  const betaMid = beta + mid;
  const logAlphaMid = Math.log(alphaMid);
  const logBetaMid = Math.log(betaMid);
  // Relative to the midpoint, by log1p of the offset: with m in the hundreds of thousands, −m·ln(α+τ) computed
  // directly carries a rounding of m·ε·|ln(α+τ)| into every node's weight.
  const reference = -m * logAlphaMid - n * logBetaMid;
  // The sums of momentsFromSums in locals (this runs for most pairs of continuous-time histories), each node's w·v_i
  // taken once for its row of products.
  let i0 = 0;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let s5 = 0;
  let s6 = 0;
  let s7 = 0;
  let s8 = 0;
  let s9 = 0;
  let s10 = 0;
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  for (let k = 0; k < nodes.length; k++) {
    const offset = half * nodes[k];
    const relativeAlpha = Math.log1p(offset / alphaMid);
    const relativeBeta = Math.log1p(offset / betaMid);
    const weight = half * weights[k] * Math.exp(-m * relativeAlpha - n * relativeBeta);
    i0 += weight;
    if (!withGradient) continue;
    const logAlphaTau = logAlphaMid + relativeAlpha;
    const logBetaTau = logBetaMid + relativeBeta;
    const alphaTau = alphaMid + offset;
    const betaTau = betaMid + offset;
    if (withHessian) {
      const v0 = -logAlphaTau;
      const v1 = -m / alphaTau;
      const v2 = -logBetaTau;
      const v3 = -n / betaTau;
      const w0 = weight * v0;
      const w1 = weight * v1;
      const w2 = weight * v2;
      const w3 = weight * v3;
      s0 += w0;
      s1 += w1;
      s2 += w2;
      s3 += w3;
      s4 += w0 * v0;
      s5 += w0 * v1;
      s6 += w0 * v2;
      s7 += w0 * v3;
      s8 += w1 * v1;
      s9 += w1 * v2;
      s10 += w1 * v3;
      s11 += w2 * v2;
      s12 += w2 * v3;
      s13 += w3 * v3;
      continue;
    }
    s0 += weight * logAlphaTau;
    s2 += weight * logBetaTau;
    s1 += weight / alphaTau;
    s3 += weight / betaTau;
  }
  if (withHessian) storeMoments(out, i0, m, n, s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13);
  else if (withGradient) {
    out[0] = -s0 / i0;
    out[1] = (-m * s1) / i0;
    out[2] = -s2 / i0;
    out[3] = (-n * s3) / i0;
  }
  return reference + Math.log(i0);
}

/** At most this many pairs in a row are reached by a few-point rule before the series starts afresh. */
const CHAIN_LENGTH = 32;

/**
 * ln F(t) by Gauss's series (z ≤ ½) and its gradient in (r, α, s, β); with `withHessian`, the second moments too.
 * ln F = ln H(K, b, z) − K·B − ln K with B = ln(L + t): its derivatives in q = (K, b, z, B) are summed term by term
 * (∂ln t_k/∂K = 1/K − 1/(K+k), ∂ln t_k/∂b = Σ_{j<k} 1/(b+j), ∂ln t_k/∂z = k/z, and their own derivatives), then
 * carried to (r, α, s, β) by the chain rule, ∇²ln F = Jᵀ ∇²_q J + Σ_q ∂_q ln F · ∇²q (K and b are linear in p).
 */
export function logSeriesTail(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  out: Float64Array,
  withGradient: boolean,
  withHessian = false,
): number {
  const K = r + s + x;
  const alphaLarger = alpha >= beta;
  const larger = alphaLarger ? alpha : beta;
  const b = alphaLarger ? s + 1 : r + x;
  const base = larger + t;
  const z = Math.abs(alpha - beta) / base;
  // H = Σ t_k, t_k = K/(K+k) (b)_k z^k / k!, with ∂/∂K, ∂/∂b and ∂/∂z summed alongside.
  let term = 1;
  let h = 1;
  let hK = 0;
  let hb = 0;
  let hz = 0;
  let harmonic = 0;
  let harmonic2 = 0;
  let hKK = 0;
  let hKb = 0;
  let hKz = 0;
  let hbb = 0;
  let hbz = 0;
  let hzz = 0;
  let previousU = 0;
  let logScale = 0;
  const invK = 1 / K;
  for (let k = 0; k < 5000; k++) {
    const ratio = ((K + k) * (b + k)) / ((K + 1 + k) * (k + 1));
    const u = (term * ((K + k) * (b + k))) / ((K + 1 + k) * (k + 1));
    const invB = 1 / (b + k);
    harmonic += invB;
    term = u * z;
    const next = k + 1;
    h += term;
    if (withGradient) {
      const invKNext = 1 / (K + next);
      const pK = invK - invKNext;
      hK += term * pK;
      hb += term * harmonic;
      hz += next * u;
      if (withHessian) {
        harmonic2 += invB * invB;
        hKK += term * (pK * pK - invK * invK + invKNext * invKNext);
        hKb += term * pK * harmonic;
        hKz += next * u * pK;
        hbb += term * (harmonic * harmonic - harmonic2);
        hbz += next * u * harmonic;
        // k(k−1) t_k / z² = k(k−1) u_{k−1}·ratio, without dividing by z.
        hzz += next * k * previousU * ratio;
        previousU = u;
      }
    }
    if (withHessian && h > SERIES_RESCALE) {
      // With b·z in the hundreds (r + x in the millions, α < β) the terms grow a long way before they fall, and the
      // second derivatives' k² factors would overflow first: every sum is kept relative to a scale, whose logarithm
      // is added back at the end. (The value and gradient alone are left as they were: see BENCHMARKS.md, issue 12.)
      term /= SERIES_RESCALE;
      h /= SERIES_RESCALE;
      hK /= SERIES_RESCALE;
      hb /= SERIES_RESCALE;
      hz /= SERIES_RESCALE;
      hKK /= SERIES_RESCALE;
      hKb /= SERIES_RESCALE;
      hKz /= SERIES_RESCALE;
      hbb /= SERIES_RESCALE;
      hbz /= SERIES_RESCALE;
      hzz /= SERIES_RESCALE;
      previousU /= SERIES_RESCALE;
      logScale += LOG_SERIES_RESCALE;
    }
    const reach = 1 + next + harmonic;
    // With the Hessian, ∂²H/∂z² needs t_2's coefficient even at z = 0.
    if (withHessian ? next >= 2 && Math.abs(term) * reach * reach <= 1e-17 * h : Math.abs(term) * reach <= 1e-17 * h) {
      break;
    }
  }
  const logBase = Math.log(base);
  if (withGradient) {
    const dK = hK / h - logBase - 1 / K;
    const db = hb / h;
    const dz = hz / h;
    // q's derivatives in p: z = (L − S)/(L + t), B = ln(L + t), with L the larger of α, β and S the smaller.
    const iL = alphaLarger ? 1 : 3;
    const iS = alphaLarger ? 3 : 1;
    const ib = alphaLarger ? 2 : 0;
    const other = (alphaLarger ? beta : alpha) + t;
    const zL = other / (base * base);
    const zS = -1 / base;
    const bL = 1 / base;
    out[0] = dK;
    out[2] = dK;
    out[ib] += db;
    out[iL] = dz * zL - K * bL;
    out[iS] = dz * zS;
    if (withHessian) {
      // ∇²_q ln F in q = (K, b, z, B).
      const lKK = hKK / h - (hK / h) ** 2 + 1 / (K * K);
      const lKb = hKb / h - (hK / h) * db;
      const lKz = hKz / h - (hK / h) * dz;
      const lbb = hbb / h - db * db;
      const lbz = hbz / h - db * dz;
      const lzz = hzz / h - dz * dz;
      // Rows of J: ∂q/∂p for each q.
      const jK = JK;
      const jb = JB_SHAPE;
      const jz = JZ;
      const jB = JB_BASE;
      jb.fill(0);
      jz.fill(0);
      jB.fill(0);
      jb[ib] = 1;
      jz[iL] = zL;
      jz[iS] = zS;
      jB[iL] = bL;
      for (let i = 0; i < 4; i++) {
        for (let j = i; j < 4; j++) {
          let v =
            lKK * jK[i] * jK[j] +
            lKb * (jK[i] * jb[j] + jb[i] * jK[j]) +
            lKz * (jK[i] * jz[j] + jz[i] * jK[j]) -
            (jK[i] * jB[j] + jB[i] * jK[j]) +
            lbb * jb[i] * jb[j] +
            lbz * (jb[i] * jz[j] + jz[i] * jb[j]) +
            lzz * jz[i] * jz[j];
          // Σ_q ∂_q ln F · ∂²q: ∂²z/∂L² = −2(S+t)/(L+t)³, ∂²z/∂L∂S = 1/(L+t)², ∂²B/∂L² = −1/(L+t)²; ∂ln F/∂B = −K.
          if (i === iL && j === iL) v += (dz * (-2 * other)) / (base * base * base) + K / (base * base);
          if ((i === iL && j === iS) || (i === iS && j === iL)) v += dz / (base * base);
          // Second moments: ∇²F/F = ∇²ln F + ∇ln F ∇ln Fᵀ.
          out[PACKED[i][j]] = v + out[i] * out[j];
        }
      }
    }
  }
  return Math.log(h) + logScale - K * logBase - Math.log(K);
}

/** The series' sums are divided by this whenever they pass it (e^460 ≈ 1e200: room for k² factors below 1e308). */
const LOG_SERIES_RESCALE = 460;
const SERIES_RESCALE = Math.exp(LOG_SERIES_RESCALE);

/** Scratch rows of the series' Jacobian (∂K, ∂b, ∂z, ∂B over r, α, s, β); K = r + s + x in every case. */
const JK = Float64Array.of(1, 0, 1, 0);
const JB_SHAPE = new Float64Array(4);
const JZ = new Float64Array(4);
const JB_BASE = new Float64Array(4);

const [LEGENDRE_NODES, LEGENDRE_WEIGHTS] = gaussLegendre(16);
const [SHORT_NODES, SHORT_WEIGHTS] = gaussLegendre(8);
