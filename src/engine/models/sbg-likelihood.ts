/**
 * The sBG log-likelihood (Fader & Hardie 2007, eq. 9) with its gradient and Hessian, at a cost that grows with
 * neither the number of periods nor the parameters. Writing S(t) = Π_{i≤t} (β+i−1)/(α+β+i−1) and
 * S(t−1) − S(t) = S(t−1)·α/(α+β+t−1), the sum over the periods' losses and the last survivors collects into
 *
 *   ln L = L·ln α + Σ_{i=1..T} [s_i·ln(i + β − 1) − s_{i−1}·ln(i + α + β − 1)],
 *
 * with s_i the survivors at the end of period i and L = s_0 − s_T the customers lost. Each sum Σ w_i·ln(i + c)
 * (c > −1) is taken term by term over the first periods, and over each block [2^ℓ, 2^{ℓ+1}) of the others from
 * ln(i + c) = ln(m + c) + ln(1 + ρ·u), u = (i − m)/h, ρ = h/(m + c), with m the block's middle and h its half-width:
 * |ρ·u| < 1/3 for every c > −1, so the series in powers of ρ converges fast, and the block's moments Σ w_i·u^k are
 * tabulated once. An evaluation then costs a few thousand multiplications whatever T, α and β. Summed this way the
 * likelihood is also free of the underflow of S(t) itself (S(10⁶) at α = 60 is below the smallest double).
 */

/** Terms of the series in ρ·u kept: |ρ·u| < 1/3, so the first left out is below 3⁻³⁶ ≈ 10⁻¹⁷ of the block's sum. */
const SERIES_TERMS = 36;
/** Moments tabulated per block, u^0..u^{K+1}. */
const MOMENTS = SERIES_TERMS + 2;
/** Periods 1..2^FIRST_LEVEL − 1 are summed term by term; blocks [2^ℓ, 2^{ℓ+1}) from ℓ = FIRST_LEVEL on. */
const FIRST_LEVEL = 7;

/** One block [first, last] of periods: its middle, half-width and the moments Σ w_i·((i − m)/h)^k, k = 0..K+1. */
interface Block {
  middle: number;
  half: number;
  moments: Float64Array;
}

/** The sums Σ w_i ln(i + c), Σ w_i/(i + c) and Σ w_i/(i + c)² over i = 1..T. */
interface Sums {
  log: number;
  first: number;
  second: number;
}

/**
 * A survivors column's likelihood. `survivors[0]` is the cohort at period 0 and `survivors[T]` the survivors at the
 * end of period T. Building it costs about 2·MOMENTS multiplications a period (once); each evaluation then costs
 * 2·(2^FIRST_LEVEL logarithms + log₂ T blocks × SERIES_TERMS terms).
 */
export class SbgLikelihood {
  private readonly lost: number;
  private readonly head: number;
  /** The blocks of s_i and of s_{i−1}. */
  private readonly renewingBlocks: Block[] = [];
  private readonly reachingBlocks: Block[] = [];

  constructor(private readonly survivors: Float64Array) {
    const T = survivors.length - 1;
    this.lost = survivors[0] - survivors[T];
    this.head = Math.min(T, 2 ** FIRST_LEVEL - 1);
    for (let first = 2 ** FIRST_LEVEL; first <= T; first *= 2) {
      const last = Math.min(2 * first - 1, T);
      this.renewingBlocks.push(this.block(first, last, 0));
      this.reachingBlocks.push(this.block(first, last, 1));
    }
  }

  /** The moments of w_i = survivors[i − lag] over first ≤ i ≤ last. */
  private block(first: number, last: number, lag: number): Block {
    const middle = (first + last) / 2;
    const half = Math.max((last - first) / 2, 0.5);
    const moments = new Float64Array(MOMENTS);
    for (let i = first; i <= last; i++) {
      const w = this.survivors[i - lag];
      if (w === 0) continue;
      const u = (i - middle) / half;
      let power = w;
      moments[0] += w;
      for (let k = 1; k < MOMENTS; k++) {
        power *= u;
        moments[k] += power;
      }
    }
    return { middle, half, moments };
  }

  /** Σ_{i=1..T} w_i ln(i + c), Σ w_i/(i + c) and Σ w_i/(i + c)², with w_i = survivors[i − lag]. */
  private sums(c: number, lag: number, blocks: readonly Block[], out: Sums): void {
    let log = 0;
    let first = 0;
    let second = 0;
    for (let i = 1; i <= this.head; i++) {
      const w = this.survivors[i - lag];
      if (w === 0) continue;
      const inverse = 1 / (i + c);
      log += w * Math.log(i + c);
      first += w * inverse;
      second += w * inverse * inverse;
    }
    for (const { middle, half, moments } of blocks) {
      if (moments[0] === 0) continue;
      const centre = middle + c;
      const minusRho = -half / centre;
      // ln(1 + ρu) = −Σ_{k≥1} (−ρu)^k/k; 1/(1 + ρu) = Σ_{k≥0} (−ρu)^k; 1/(1 + ρu)² = Σ_{k≥0} (k + 1)(−ρu)^k.
      let seriesLog = 0;
      let seriesFirst = moments[0];
      let seriesSecond = moments[0];
      let power = 1;
      for (let k = 1; k <= SERIES_TERMS; k++) {
        power *= minusRho;
        const term = power * moments[k];
        seriesLog -= term / k;
        seriesFirst += term;
        seriesSecond += (k + 1) * term;
      }
      log += moments[0] * Math.log(centre) + seriesLog;
      first += seriesFirst / centre;
      second += seriesSecond / (centre * centre);
    }
    out.log = log;
    out.first = first;
    out.second = second;
  }

  private readonly renewing: Sums = { log: 0, first: 0, second: 0 };
  private readonly reaching: Sums = { log: 0, first: 0, second: 0 };

  /**
   * ln L at (α, β); with `gradient`, writes ∂ln L/∂(α, β) into it; with `hessian`, the second derivatives
   * (row-major 2 × 2).
   */
  logLikelihood(alpha: number, beta: number, gradient?: Float64Array, hessian?: Float64Array): number {
    if (!(alpha > 0 && beta > 0) || !Number.isFinite(alpha + beta)) return NaN;
    const u = this.renewing;
    const v = this.reaching;
    this.sums(beta - 1, 0, this.renewingBlocks, u);
    this.sums(alpha + beta - 1, 1, this.reachingBlocks, v);
    const L = this.lost;
    if (gradient) {
      gradient[0] = L / alpha - v.first;
      gradient[1] = u.first - v.first;
    }
    if (hessian) {
      hessian[0] = -L / (alpha * alpha) + v.second;
      hessian[1] = v.second;
      hessian[2] = v.second;
      hessian[3] = v.second - u.second;
    }
    return (L > 0 ? L * Math.log(alpha) : 0) + u.log - v.log;
  }
}
