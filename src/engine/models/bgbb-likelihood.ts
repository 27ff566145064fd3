/**
 * BG/BB's likelihood (Fader, Hardie & Shang 2010, eq. 5) for many histories at fixed parameters: the tables behind
 * bgbbLogLikelihood and its gradient (bgbb-gradient.ts), and which of the two ways of summing is cheaper.
 */
import betaln from "@stdlib/math-base-special-betaln";
import type { BgbbData, BgbbParameters } from "./bgbb";

export const logAddExp = (a: number, b: number): number => {
  const max = a > b ? a : b;
  if (max === -Infinity) return -Infinity;
  return max + Math.log1p(Math.exp(-Math.abs(a - b)));
};

/** Below this many death terms a history's sum is added directly; above, as a difference of two suffix sums. */
export const DIRECT_DEATH_TERMS = 32;

/**
 * FHS 2010 eq. 5 for many histories at fixed parameters, at a cost that does not grow with n − t_x: for each
 * frequency x, the log death terms e_x(j) = ln[B(α+x, β+j−x)·B(γ+1, δ+j)] − ln[B(α, β)·B(γ, δ)] for j = x..M and their
 * suffix sums S_x(J) = ln Σ_{j=J}^{M−1} e^{e_x(j)} are tabulated once (by the ratios of consecutive terms); a history's
 * death part is then S_x(t_x) less S_x(n). The terms decrease in j, so the part removed is at most (M − n)/(n − t_x)
 * times the part kept: with n − t_x above DIRECT_DEATH_TERMS it loses no more than two digits; shorter sums are added
 * from the tabulated terms. Tables are built for the frequencies asked for (at most M + 1 of M + 1 numbers each).
 */
export class BgbbLikelihoodTables {
  private readonly logAlive: Float64Array; // ln B(γ, δ+n)/B(γ, δ), n = 0..M
  private readonly logDeath: Float64Array; // ln B(γ+1, δ+j)/B(γ, δ), j = 0..M
  private readonly byFrequency = new Map<number, { term: Float64Array; suffix: Float64Array }>();
  private readonly baseP: number;

  constructor(
    private readonly params: BgbbParameters,
    private readonly maxOpportunities: number,
  ) {
    const { gamma, delta } = params;
    const M = maxOpportunities;
    this.baseP = betaln(params.alpha, params.beta);
    this.logAlive = new Float64Array(M + 1);
    this.logDeath = new Float64Array(M + 1);
    this.logDeath[0] = Math.log(gamma / (gamma + delta));
    for (let j = 0; j < M; j++) {
      this.logAlive[j + 1] = this.logAlive[j] + Math.log((delta + j) / (gamma + delta + j));
      this.logDeath[j + 1] = this.logDeath[j] + Math.log((delta + j) / (gamma + 1 + delta + j));
    }
  }

  /**
   * For frequency x, the log death terms e_x(j) (term, j = x..M) and their suffix sums ln Σ_{i=j}^{M−1} e^{e_x(i)}
   * (suffix): built on first use.
   */
  terms(x: number): { term: Float64Array; suffix: Float64Array } {
    let table = this.byFrequency.get(x);
    if (table) return table;
    const { alpha, beta } = this.params;
    const M = this.maxOpportunities;
    const term = new Float64Array(M + 1);
    const suffix = new Float64Array(M + 1);
    // ln B(α+x, β+j−x)/B(α, β), from j = x by B(a, b+1) = B(a, b)·b/(a+b).
    let logP = betaln(alpha + x, beta) - this.baseP;
    for (let j = x; j <= M; j++) {
      term[j] = logP + this.logDeath[j];
      logP += Math.log((beta + j - x) / (alpha + beta + j));
    }
    suffix[M] = -Infinity;
    for (let j = M - 1; j >= x; j--) suffix[j] = logAddExp(term[j], suffix[j + 1]);
    table = { term, suffix };
    this.byFrequency.set(x, table);
    return table;
  }

  /** ln B(α+x, β+n−x)/B(α, β) + ln B(γ, δ+n)/B(γ, δ): the weight of "alive through n". */
  logAliveThrough(x: number, n: number): number {
    return this.terms(x).term[n] - this.logDeath[n] + this.logAlive[n];
  }

  /** ln L(x, t_x, n), 0 ≤ x ≤ t_x ≤ n ≤ M. */
  logLikelihood(x: number, tx: number, n: number): number {
    const { term, suffix } = this.terms(x);
    const alive = term[n] - this.logDeath[n] + this.logAlive[n];
    if (n <= tx) return alive;
    let death: number;
    if (n - tx <= DIRECT_DEATH_TERMS) {
      const lead = term[tx];
      let sum = 0;
      for (let j = tx; j < n; j++) sum += Math.exp(term[j] - lead);
      death = lead + Math.log(sum);
    } else {
      death = suffix[tx] + Math.log1p(-Math.exp(suffix[n] - suffix[tx]));
    }
    return logAddExp(alive, death);
  }
}

/** What one likelihood evaluation over `data` costs, and which way is cheaper (in multiplications' worth). */
export function evaluationCost(data: BgbbData): { direct: number; tables: number; most: number } {
  let most = 0;
  let direct = 0;
  const frequencies = new Set<number>();
  for (let i = 0; i < data.opportunities.length; i++) {
    most = Math.max(most, data.opportunities[i]);
    direct += data.opportunities[i] - data.recency[i] + 40; // a multiplication a term, and four log-beta functions
    frequencies.add(data.frequency[i]);
  }
  // The tables cost about 30 multiplications' worth (a logarithm, an exponential) per (x, j) they hold.
  return { direct, tables: 30 * frequencies.size * (most + 1), most };
}

/** True when the tables are cheaper than one history at a time (bgbbLogLikelihood and its gradient agree on it). */
export function bgbbUsesTables(data: BgbbData): boolean {
  const { direct, tables } = evaluationCost(data);
  return direct >= tables;
}
