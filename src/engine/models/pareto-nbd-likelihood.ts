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
import { CompressedHistories, frequencyGroups } from "./compress";

/** Histories arranged by distinct (x, t) pairs, t ∈ {t_x, T}. */
export interface ParetoNbdData {
  groups: ReturnType<typeof frequencyGroups>;
  pairFrequency: Float64Array;
  pairTime: Float64Array;
  rowWeight: Float64Array;
  rowFrequency: Float64Array;
  rowAge: Float64Array;
  /** Distinct ages and each row's index among them (ln(α+T), ln(β+T) are taken once per distinct T). */
  ages: Float64Array;
  rowAgeIndex: Uint32Array;
  /** The pairs by x, then t decreasing, and for each pair the one with the same x and the next larger t (or −1). */
  pairOrder: Uint32Array;
  pairAbove: Int32Array;
  /** Index of (x, t_x) and of (x, T) among the pairs; −1 for (x, t_x) when t_x = T (no death before T). */
  rowRecencyPair: Int32Array;
  rowAgePair: Int32Array;
}

export function prepareParetoNbdData(data: CompressedHistories): ParetoNbdData {
  const index = new Map<number, Map<number, number>>();
  const pairFrequency: number[] = [];
  const pairTime: number[] = [];
  const pairOf = (x: number, t: number) => {
    let byTime = index.get(x);
    if (!byTime) index.set(x, (byTime = new Map()));
    let at = byTime.get(t);
    if (at === undefined) {
      at = pairFrequency.length;
      byTime.set(t, at);
      pairFrequency.push(x);
      pairTime.push(t);
    }
    return at;
  };
  const ageIndex = new Map<number, number>();
  const ages: number[] = [];
  const rowAgeIndex = new Uint32Array(data.size);
  for (let i = 0; i < data.size; i++) {
    let at = ageIndex.get(data.age[i]);
    if (at === undefined) {
      at = ages.length;
      ageIndex.set(data.age[i], at);
      ages.push(data.age[i]);
    }
    rowAgeIndex[i] = at;
  }
  const rowRecencyPair = new Int32Array(data.size);
  const rowAgePair = new Int32Array(data.size);
  for (let i = 0; i < data.size; i++) {
    const x = data.frequency[i];
    rowAgePair[i] = pairOf(x, data.age[i]);
    rowRecencyPair[i] = data.recency[i] === data.age[i] ? -1 : pairOf(x, data.recency[i]);
  }
  const pairOrder = Uint32Array.from(pairFrequency.keys()).sort(
    (i, j) => pairFrequency[i] - pairFrequency[j] || pairTime[j] - pairTime[i],
  );
  const pairAbove = new Int32Array(pairFrequency.length).fill(-1);
  for (let k = 1; k < pairOrder.length; k++) {
    if (pairFrequency[pairOrder[k]] === pairFrequency[pairOrder[k - 1]]) pairAbove[pairOrder[k]] = pairOrder[k - 1];
  }
  return {
    groups: frequencyGroups(data),
    pairFrequency: Float64Array.from(pairFrequency),
    pairTime: Float64Array.from(pairTime),
    pairOrder,
    pairAbove,
    rowWeight: data.weight,
    rowFrequency: data.frequency,
    rowAge: data.age,
    ages: Float64Array.from(ages),
    rowAgeIndex,
    rowRecencyPair,
    rowAgePair,
  };
}

/** −log L and, when `gradient` is given, its gradient in (r, α, s, β). */
export function paretoNbdPreparedNegLogLikelihood(
  data: ParetoNbdData,
  params: ArrayLike<number>,
  gradient?: Float64Array,
): number {
  const r = params[0];
  const alpha = params[1];
  const s = params[2];
  const beta = params[3];
  // Outside the domain (a parameter under- or overflowed on the optimiser's log scale): no likelihood, and the
  // optimiser steps back.
  if (!(r > 0 && alpha > 0 && s > 0 && beta > 0 && Number.isFinite(r + alpha + s + beta))) return Infinity;
  const wantGradient = gradient !== undefined;
  const pairs = data.pairFrequency.length;
  const logF = new Float64Array(pairs);
  const dLogF = wantGradient ? new Float64Array(4 * pairs) : null;
  const scratch = new Float64Array(5);
  const gap = Math.abs(alpha - beta);
  const larger = Math.max(alpha, beta);
  for (const p of data.pairOrder) {
    const x = data.pairFrequency[p];
    const t = data.pairTime[p];
    const above = data.pairAbove[p];
    if (gap / (larger + t) <= 0.5 || above < 0) {
      logF[p] = logTailIntegral(r, alpha, s, beta, x, t, scratch, wantGradient);
      if (dLogF) for (let k = 0; k < 4; k++) dLogF[4 * p + k] = scratch[k];
      continue;
    }
    // F(t) = F(t') + ∫_t^t' g for the next larger t' of the same x: a short interval, no series needed.
    const logGap = logPowerIntegralShort(alpha, beta, r + x, s + 1, t, data.pairTime[above], scratch, wantGradient);
    const top = Math.max(logGap, logF[above]);
    const gapShare = Math.exp(logGap - top);
    const aboveShare = Math.exp(logF[above] - top);
    logF[p] = top + Math.log(gapShare + aboveShare);
    if (dLogF) {
      const sum = gapShare + aboveShare;
      for (let k = 0; k < 4; k++) {
        dLogF[4 * p + k] = (gapShare * scratch[k] + aboveShare * dLogF[4 * above + k]) / sum;
      }
    }
  }
  const logAlpha = Math.log(alpha);
  const logBeta = Math.log(beta);
  const logS = Math.log(s);
  let total = 0;
  let gr = 0;
  let galpha = 0;
  let gs = 0;
  let gbeta = 0;
  const { groups } = data;
  const digR = wantGradient ? digamma(r) : 0;
  for (let g = 0; g < groups.values.length; g++) {
    const x = groups.values[g];
    const w = groups.weight[g];
    total += w * (gammaln(r + x) - gammaln(r) + r * logAlpha + s * logBeta);
    if (wantGradient) {
      gr += w * (digamma(r + x) - digR + logAlpha);
      galpha += (w * r) / alpha;
      gs += w * logBeta;
      gbeta += (w * s) / beta;
    }
  }
  const { rowWeight, rowFrequency, rowAge, rowRecencyPair, rowAgePair, ages, rowAgeIndex } = data;
  const logAlphaAge = new Float64Array(ages.length);
  const logBetaAge = new Float64Array(ages.length);
  for (let k = 0; k < ages.length; k++) {
    logAlphaAge[k] = Math.log(alpha + ages[k]);
    logBetaAge[k] = Math.log(beta + ages[k]);
  }
  for (let i = 0; i < rowWeight.length; i++) {
    const w = rowWeight[i];
    const x = rowFrequency[i];
    const T = rowAge[i];
    const logAlphaT = logAlphaAge[rowAgeIndex[i]];
    const logBetaT = logBetaAge[rowAgeIndex[i]];
    const alive = -(r + x) * logAlphaT - s * logBetaT;
    const early = rowRecencyPair[i];
    if (early < 0) {
      total += w * alive;
      if (wantGradient) {
        gr -= w * logAlphaT;
        galpha -= (w * (r + x)) / (alpha + T);
        gs -= w * logBetaT;
        gbeta -= (w * s) / (beta + T);
      }
      continue;
    }
    const late = rowAgePair[i];
    // died = ln s + ln(F(t_x) − F(T)), F(t_x) > F(T)
    const ratio = Math.exp(logF[late] - logF[early]);
    const died = logS + logF[early] + Math.log1p(-ratio);
    const top = Math.max(alive, died);
    const eAlive = Math.exp(alive - top);
    const eDied = Math.exp(died - top);
    total += w * (top + Math.log(eAlive + eDied));
    if (!dLogF) continue;
    const shareAlive = (w * eAlive) / (eAlive + eDied);
    const shareDied = w - shareAlive;
    gr -= shareAlive * logAlphaT;
    galpha -= (shareAlive * (r + x)) / (alpha + T);
    gs -= shareAlive * logBetaT;
    gbeta -= (shareAlive * s) / (beta + T);
    // ∇ ln(F1 − F2) = (∇ln F1 − ρ ∇ln F2) / (1 − ρ), ρ = F2/F1
    const scale = shareDied / (1 - ratio);
    gr += scale * (dLogF[4 * early] - ratio * dLogF[4 * late]);
    galpha += scale * (dLogF[4 * early + 1] - ratio * dLogF[4 * late + 1]);
    gs += shareDied / s + scale * (dLogF[4 * early + 2] - ratio * dLogF[4 * late + 2]);
    gbeta += scale * (dLogF[4 * early + 3] - ratio * dLogF[4 * late + 3]);
  }
  if (gradient) {
    gradient[0] = -gr;
    gradient[1] = -galpha;
    gradient[2] = -gs;
    gradient[3] = -gbeta;
  }
  return -total;
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
 * ln F(t) for one (x, t); when `withGradient`, out[0..3] receive ∂ln F/∂(r, α, s, β).
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
): number {
  const larger = Math.max(alpha, beta);
  const gap = Math.abs(alpha - beta);
  const z = gap / (larger + t);
  if (z <= 0.5) return logSeriesTail(r, alpha, s, beta, x, t, out, withGradient);
  // Head ∫_t^τ* by quadrature, tail F(τ*) by the series, z(τ*) = ½.
  const split = larger - 2 * Math.min(alpha, beta);
  const logTail = logSeriesTail(r, alpha, s, beta, x, split, out, withGradient);
  const tail0 = out[0];
  const tail1 = out[1];
  const tail2 = out[2];
  const tail3 = out[3];
  const logHead = logPowerIntegralWide(alpha, beta, r + x, s + 1, t, split, out, withGradient);
  const big = Math.max(logHead, logTail);
  const headShare = Math.exp(logHead - big);
  const tailShare = Math.exp(logTail - big);
  const sum = headShare + tailShare;
  if (withGradient) {
    // ∂F = ∫ ∂g + F(τ*)·∂ln F(τ*): the split point's own terms cancel.
    out[0] = (headShare * out[0] + tailShare * tail0) / sum;
    out[1] = (headShare * out[1] + tailShare * tail1) / sum;
    out[2] = (headShare * out[2] + tailShare * tail2) / sum;
    out[3] = (headShare * out[3] + tailShare * tail3) / sum;
  }
  return big + Math.log(sum);
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
  // logIntegrand rises to the peak and falls after it: bisect each side for the floor.
  const crossing = (inside: number, outside: number) => {
    if (logIntegrand(outside) >= floor) return outside;
    for (let i = 0; i < 100 && Math.abs(outside - inside) > 1e-3 * (1 + Math.abs(inside)); i++) {
      const mid = 0.5 * (inside + outside);
      if (logIntegrand(mid) >= floor) inside = mid;
      else outside = mid;
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
  for (let j = 0; j < count; j++) {
    const weight = 0.5 * h * LEGENDRE_WEIGHTS[j % nodes] * Math.exp(phi[j] - top);
    i0 += weight;
    if (!withGradient) continue;
    const y = ys[j];
    const smallerPlus = Math.exp(y);
    const largerPlus = gap + smallerPlus;
    const logLargerPlus = Math.log(largerPlus);
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
  if (withGradient) {
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
function logPowerIntegralShort(
  alpha: number,
  beta: number,
  m: number,
  n: number,
  t0: number,
  t1: number,
  out: Float64Array,
  withGradient: boolean,
): number {
  const width = t1 - t0;
  const near = Math.min(alpha, beta) + t0;
  const slope = m / (alpha + t0) + n / (beta + t0);
  const panels = Math.max(1, Math.ceil((slope * width) / 0.5), Math.ceil(width / (0.25 * near)));
  if (panels > 64) return logPowerIntegralWide(alpha, beta, m, n, t0, t1, out, withGradient);
  const h = width / panels;
  // Scaled by the integrand at t0, its largest value.
  const reference = -m * Math.log(alpha + t0) - n * Math.log(beta + t0);
  let i0 = 0;
  let iLogAlpha = 0;
  let iLogBeta = 0;
  let iInvAlpha = 0;
  let iInvBeta = 0;
  for (let p = 0; p < panels; p++) {
    const mid = t0 + (p + 0.5) * h;
    for (let k = 0; k < SHORT_NODES.length; k++) {
      const tau = mid + 0.5 * h * SHORT_NODES[k];
      const logAlphaTau = Math.log(alpha + tau);
      const logBetaTau = Math.log(beta + tau);
      const weight = 0.5 * h * SHORT_WEIGHTS[k] * Math.exp(-m * logAlphaTau - n * logBetaTau - reference);
      i0 += weight;
      if (!withGradient) continue;
      iLogAlpha += weight * logAlphaTau;
      iLogBeta += weight * logBetaTau;
      iInvAlpha += weight / (alpha + tau);
      iInvBeta += weight / (beta + tau);
    }
  }
  if (withGradient) {
    out[0] = -iLogAlpha / i0;
    out[1] = (-m * iInvAlpha) / i0;
    out[2] = -iLogBeta / i0;
    out[3] = (-n * iInvBeta) / i0;
  }
  return reference + Math.log(i0);
}

/** ln F(t) by Gauss's series (z ≤ ½) and its gradient in (r, α, s, β). */
function logSeriesTail(
  r: number,
  alpha: number,
  s: number,
  beta: number,
  x: number,
  t: number,
  out: Float64Array,
  withGradient: boolean,
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
  for (let k = 0; k < 5000; k++) {
    const u = (term * ((K + k) * (b + k))) / ((K + 1 + k) * (k + 1));
    harmonic += 1 / (b + k);
    term = u * z;
    const next = k + 1;
    h += term;
    if (withGradient) {
      hK += term * (1 / K - 1 / (K + next));
      hb += term * harmonic;
      hz += next * u;
    }
    if (Math.abs(term) * (1 + next + harmonic) <= 1e-17 * h) break;
  }
  const logBase = Math.log(base);
  if (withGradient) {
    const dK = hK / h - logBase - 1 / K;
    const db = hb / h;
    const dz = hz / h;
    if (alphaLarger) {
      // z = (α−β)/(α+t): ∂z/∂α = (β+t)/(α+t)², ∂z/∂β = −1/(α+t); b = s+1
      out[0] = dK;
      out[1] = (dz * (beta + t)) / (base * base) - K / base;
      out[2] = dK + db;
      out[3] = -dz / base;
    } else {
      // z = (β−α)/(β+t); b = r+x
      out[0] = dK + db;
      out[1] = -dz / base;
      out[2] = dK;
      out[3] = (dz * (alpha + t)) / (base * base) - K / base;
    }
  }
  return Math.log(h) - K * logBase - Math.log(K);
}

/** n-point Gauss–Legendre nodes and weights on [−1, 1], by Newton's method on P_n (deterministic). */
function gaussLegendre(n: number): [Float64Array, Float64Array] {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let derivative = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      derivative = (n * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / derivative;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return [nodes, weights];
}
const [LEGENDRE_NODES, LEGENDRE_WEIGHTS] = gaussLegendre(16);
const [SHORT_NODES, SHORT_WEIGHTS] = gaussLegendre(8);
