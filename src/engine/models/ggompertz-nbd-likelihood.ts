/**
 * The GGompertz/NBD log-likelihood over compressed histories with its analytic gradient and Hessian in
 * (r, α, b, s, β) (Bemmaor & Glady 2012, appendix), for fits on large bases (issue 12: 1,048,576 customers):
 *   L = Γ(r+x)/Γ(r) α^r [(α+T)^−(r+x) (1 + (e^(bT)−1)/β)^−s + (b s / β) J(t_x, T)],
 *   J(t_x, T) = ∫_{t_x}^T g, g(y) = (α+y)^−(r+x) (1 + (e^(by)−1)/β)^−(s+1) e^(by),
 * the form of ggompertz-nbd.ts (no power of β cancels against another). J depends on (x, t) only, through
 * F_x(t) = ∫_t^{t*} g with t* the largest time of frequency x: J = F_x(t_x) − F_x(T). The times of each x are laid
 * out by prepareParetoNbdData (x increasing, t decreasing), so F_x is built by adding the integrals between
 * consecutive times, each by a 2- to 4-point Gauss–Legendre rule when the interval is short enough for it to be exact
 * to a double, else by panels of 8 points (as ggompertz-nbd.ts), summed in linear scale (roundings ≈ ε per term,
 * not ε·|ln F|). Using F_x to t* rather than to ∞ only removes a common constant from both terms of the difference.
 */
import digamma from "@stdlib/math-base-special-digamma";
import gammaln from "@stdlib/math-base-special-gammaln";
import { trigamma } from "../optim/trigamma";
import { CompressedHistories } from "./compress";
import { ParetoNbdData, prepareParetoNbdData, widestGroup } from "./pair-layout";
import { gaussLegendre } from "../optim/gauss-legendre";
import { gaussLaguerre, STEEP_CHECKS, STEEP_FALL, STEEP_RULE, steepAgrees } from "../optim/gauss-laguerre";

/** The layout of prepareParetoNbdData, with the GGompertz/NBD likelihood's own work arrays. */
export interface GgomnbdData {
  layout: ParetoNbdData;
  /** Work arrays, made at the first evaluation and reused (see ParetoNbdData's). */
  buffers?: {
    logF: Float64Array;
    moments: Float64Array;
    /** ln(α+t), e^(bt) − 1 and ln(1 + (e^(bt) − 1)/β) at each pair of the current frequency, for its rows' ages. */
    atPair: Float64Array;
    widest: number;
  };
}

export function prepareGgomnbdData(data: CompressedHistories): GgomnbdData {
  return { layout: prepareParetoNbdData(data) };
}

/**
 * 5 first moments ∇F/F and 15 second moments ∇²F/F (upper triangle by rows: rr, rα, rb, rs, rβ, αα, …, ββ at 5 to 19)
 * in p = (r, α, b, s, β).
 */
export const GG_MOMENTS = 20;

/**
 * The rules: 2, 3 and 4 points for one panel (their reach as in pareto-nbd-likelihood.ts: the n-point rule's
 * relative error is of order q^(2n)·(n!)⁴/((2n+1)((2n)!)²) with q the interval's width over the integrand's scale),
 * and 8 points for panels.
 */
const RULES = [2, 3, 4, 8].map((points) => {
  const [nodes, weights] = gaussLegendre(points);
  let factorial = 1;
  for (let k = 2; k <= points; k++) factorial *= k;
  let double = 1;
  for (let k = 2; k <= 2 * points; k++) double *= k;
  const constant = factorial ** 4 / ((2 * points + 1) * double * double);
  return { nodes, weights, reach: (1e-17 / constant) ** (1 / (2 * points)) };
});
const PANEL_RULE = 3;
/** At most this many 8-point panels per interval (as ggompertz-nbd.ts: the cost stays bounded at any parameters). */
const MAX_PANELS = 400;

/** Node sums of one interval: Σw, Σw·v (5), Σw·(v vᵀ + ∇²ln g) (15). */
const SUMS = new Float64Array(1 + GG_MOMENTS);

/** The most nodes one call of accumulate takes: the steep rule's 16 (a panel has 8, a single interval at most 4). */
const MOST_NODES = 16;
/**
 * The nodes accumulate adds: weight w at y, with ln(α+y), α+y, e^(by) − 1 and ln(1 + (e^(by) − 1)/β), filled by the
 * rules; NODE_SHAPE holds m, s + 1 and β (set once per piece). Typed arrays rather than arguments: a call that is not
 * inlined passes its doubles boxed, and with a million pieces of 8 to 16 nodes a pass that made ~1 GB of garbage.
 */
const NODE_W = new Float64Array(MOST_NODES);
const NODE_Y = new Float64Array(MOST_NODES);
const NODE_LOG_ALPHA = new Float64Array(MOST_NODES);
const NODE_ALPHA = new Float64Array(MOST_NODES);
const NODE_GROW = new Float64Array(MOST_NODES);
const NODE_LOG_REL = new Float64Array(MOST_NODES);
const NODE_SHAPE = new Float64Array(3);

/**
 * Adds the first `count` nodes to SUMS (from zero when `fresh`), in local sums written back once: weight w at y.
 * v = ∇ln g = (−ln(α+y), −m/(α+y), y − (s+1) y e^(by)/d, −ln(d/β), (s+1)(e^(by) − 1)/(β d)), d = β + e^(by) − 1;
 * ∇²ln g: rα −1/(α+y); αα m/(α+y)²; bb −(s+1) y² e^(by) (β−1)/d²; bs −y e^(by)/d; bβ (s+1) y e^(by)/d²;
 * sβ (e^(by)−1)/(β d); ββ −(s+1)(e^(by)−1)(e^(by)−1+2β)/(β² d²).
 */
function accumulate(count: number, fresh: boolean, withGradient: boolean, withHessian: boolean): void {
  let i0 = fresh ? 0 : SUMS[0];
  if (!withGradient) {
    for (let k = 0; k < count; k++) i0 += NODE_W[k];
    SUMS[0] = i0;
    return;
  }
  const m = NODE_SHAPE[0];
  const s1 = NODE_SHAPE[1];
  const beta = NODE_SHAPE[2];
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  if (!fresh) {
    m0 = SUMS[1];
    m1 = SUMS[2];
    m2 = SUMS[3];
    m3 = SUMS[4];
    m4 = SUMS[5];
  }
  if (!withHessian) {
    for (let k = 0; k < count; k++) {
      const w = NODE_W[k];
      const y = NODE_Y[k];
      const grow = NODE_GROW[k];
      const d = beta + grow;
      i0 += w;
      m0 += w * -NODE_LOG_ALPHA[k];
      m1 += w * (-m / NODE_ALPHA[k]);
      m2 += w * (y - s1 * ((y * (grow + 1)) / d));
      m3 += w * -NODE_LOG_REL[k];
      m4 += w * ((s1 * grow) / (beta * d));
    }
  } else {
    let h00 = 0;
    let h01 = 0;
    let h02 = 0;
    let h03 = 0;
    let h04 = 0;
    let h11 = 0;
    let h12 = 0;
    let h13 = 0;
    let h14 = 0;
    let h22 = 0;
    let h23 = 0;
    let h24 = 0;
    let h33 = 0;
    let h34 = 0;
    let h44 = 0;
    if (!fresh) {
      h00 = SUMS[6];
      h01 = SUMS[7];
      h02 = SUMS[8];
      h03 = SUMS[9];
      h04 = SUMS[10];
      h11 = SUMS[11];
      h12 = SUMS[12];
      h13 = SUMS[13];
      h14 = SUMS[14];
      h22 = SUMS[15];
      h23 = SUMS[16];
      h24 = SUMS[17];
      h33 = SUMS[18];
      h34 = SUMS[19];
      h44 = SUMS[20];
    }
    for (let k = 0; k < count; k++) {
      const w = NODE_W[k];
      const y = NODE_Y[k];
      const alphaY = NODE_ALPHA[k];
      const grow = NODE_GROW[k];
      const d = beta + grow;
      const betaD = beta * d;
      const yed = (y * (grow + 1)) / d;
      const v0 = -NODE_LOG_ALPHA[k];
      const v1 = -m / alphaY;
      const v2 = y - s1 * yed;
      const v3 = -NODE_LOG_REL[k];
      const v4 = (s1 * grow) / betaD;
      i0 += w;
      const w0 = w * v0;
      const w1 = w * v1;
      const w2 = w * v2;
      const w3 = w * v3;
      const w4 = w * v4;
      m0 += w0;
      m1 += w1;
      m2 += w2;
      m3 += w3;
      m4 += w4;
      h00 += w0 * v0;
      h01 += w0 * v1 - w / alphaY;
      h02 += w0 * v2;
      h03 += w0 * v3;
      h04 += w0 * v4;
      h11 += w1 * v1 + (w * m) / (alphaY * alphaY);
      h12 += w1 * v2;
      h13 += w1 * v3;
      h14 += w1 * v4;
      h22 += w2 * v2 - (w * s1 * yed * y * (beta - 1)) / d;
      h23 += w2 * v3 - w * yed;
      h24 += w2 * v4 + (w * s1 * yed) / d;
      h33 += w3 * v3;
      h34 += w3 * v4 + (w * grow) / betaD;
      h44 += w4 * v4 - (w * s1 * grow * (grow + 2 * beta)) / (beta * beta * d * d);
    }
    SUMS[6] = h00;
    SUMS[7] = h01;
    SUMS[8] = h02;
    SUMS[9] = h03;
    SUMS[10] = h04;
    SUMS[11] = h11;
    SUMS[12] = h12;
    SUMS[13] = h13;
    SUMS[14] = h14;
    SUMS[15] = h22;
    SUMS[16] = h23;
    SUMS[17] = h24;
    SUMS[18] = h33;
    SUMS[19] = h34;
    SUMS[20] = h44;
  }
  SUMS[0] = i0;
  SUMS[1] = m0;
  SUMS[2] = m1;
  SUMS[3] = m2;
  SUMS[4] = m3;
  SUMS[5] = m4;
}

const STEEP_POINTS = STEEP_RULE.nodes.length;
const FALL = STEEP_FALL;

/**
 * The piece steepNodes works on, set by piece: α + t0, b, ρ0 = e^(bt0)/(β + e^(bt0) − 1), m = r + x, s + 1,
 * e^(bt0) − 1, ln(1 + (e^(bt0) − 1)/β), the fall's rate at t0, t0 and ln(α + t0) (one typed array, not ten numbers
 * per call).
 */
const STEEP_PIECE = new Float64Array(10);
/** How many nodes the last accepted steep rule left in NODE_W… (8 or 16). */
let steepCount = 0;

/**
 * A Gauss–Laguerre rule on the piece (y = t0 + v/rate): returns Σ weight·g(v)·e^v, and with `store` fills the node
 * arrays (NODE_W…) for accumulate.
 * ln g(t0 + δ) − ln g(t0) is formed from log1p of the increments: −m ln(1 + δ/(α+t0)) − (s+1) ln(1 + ρ0 (e^(bδ) − 1))
 * + bδ with ρ0 = e^(bt0)/(β + e^(bt0) − 1), no difference of two logarithms of size m·ln(α+t0) or (s+1)·b·t0 (at
 * b·t0 ≈ 14–420 the latter left every rule's sum uncertain by 1e-12, past its checks' 1e-13).
 */
function steepRule(nodes: Float64Array, weights: Float64Array, store: boolean): number {
  const alphaT0 = STEEP_PIECE[0];
  const b = STEEP_PIECE[1];
  const ratio0 = STEEP_PIECE[2];
  const m = STEEP_PIECE[3];
  const s1 = STEEP_PIECE[4];
  const growT0 = STEEP_PIECE[5];
  const logRelT0 = STEEP_PIECE[6];
  const rate = STEEP_PIECE[7];
  const t0 = STEEP_PIECE[8];
  const logAlphaT0 = STEEP_PIECE[9];
  let value = 0;
  for (let k = 0; k < nodes.length; k++) {
    const offset = nodes[k] / rate;
    const relativeAlpha = Math.log1p(offset / alphaT0);
    const growOffset = Math.expm1(b * offset);
    const relativeRel = Math.log1p(ratio0 * growOffset);
    const shape = Math.exp(nodes[k] - m * relativeAlpha - s1 * relativeRel + b * offset);
    value += weights[k] * shape;
    if (!store) continue;
    // Weights relative to t0; e^(b(t0+δ)) − 1 and ln(1 + (e^(b(t0+δ)) − 1)/β) from their values at t0 and the
    // increments.
    NODE_W[k] = (weights[k] / rate) * shape;
    NODE_Y[k] = t0 + offset;
    NODE_LOG_ALPHA[k] = logAlphaT0 + relativeAlpha;
    NODE_ALPHA[k] = alphaT0 + offset;
    NODE_GROW[k] = growT0 + (growT0 + 1) * growOffset;
    NODE_LOG_REL[k] = logRelT0 + relativeRel;
  }
  if (store) steepCount = nodes.length;
  return value;
}
if (STEEP_POINTS > MOST_NODES) throw new Error("The steep rule has more nodes than the node arrays hold.");
/** The rules, read once (an import is a getter under tsx). The quick pair: the 8-point rule (STEEP_CHECKS' first),
 * accepted when the 4-point rule agrees with it. */
const [EIGHT, TWENTY_FOUR] = STEEP_CHECKS;
const SIXTEEN = STEEP_RULE;
const [FOUR_NODES, FOUR_WEIGHTS] = gaussLaguerre(4);
/**
 * The quick pair sees g up to v ≈ 23 (the 8-point rule's last node): it is tried only where the fall's rate stays
 * within 10% of its start up to v = QUICK_REACH, so that g is nearly flat there and what lies beyond is below
 * e^−54 of the whole.
 */
const QUICK_REACH = 60;

/**
 * steepIntegral's rule on the piece [t0, t0 + width] (falling at `rate` from t0, by e^−STEEP_FALL or more): fills
 * the node arrays and returns whether its checks accept it. Written out rather than through steepIntegral's closure: the
 * fit takes it for every customer with millions of purchases, once a pass, and the nodes serve the moments too.
 * Where `quick` (see QUICK_REACH), the 8-point rule first, accepted when the 4-point rule agrees to 1e-13 (12
 * evaluations: at 10⁶ purchases or more g is flat to 1e-3 over the nodes); else, or when they disagree,
 * steepIntegral's 16-point rule with its checks.
 */
function steepNodes(quick: boolean): boolean {
  const eight = EIGHT;
  const fine = TWENTY_FOUR;
  let eightValue = NaN;
  if (quick) {
    eightValue = steepRule(eight.nodes, eight.weights, true);
    const four = steepRule(FOUR_NODES, FOUR_WEIGHTS, false);
    if (steepAgrees(eightValue, four)) return true;
  }
  const rule = SIXTEEN;
  const value = steepRule(rule.nodes, rule.weights, true);
  for (const check of [eight, fine]) {
    const sum = check === eight && quick ? eightValue : steepRule(check.nodes, check.weights, false);
    if (steepAgrees(value, sum)) return true;
  }
  return false;
}

/**
 * ln ∫_t0^t1 g and, into out, its moments (GG_MOMENTS: ∇∫g/∫g, then ∇²∫g/∫g packed; the first 5 only without the
 * Hessian). logAlphaT0 = ln(α+t0), growT0 = e^(b t0) − 1, logRelT0 = ln(1 + growT0/β) and growT1 come from the
 * caller (each time is the end of two intervals). Each node's weight is taken relative to t0 (one panel) or its
 * panel's midpoint by log1p of the offset: with r + x in the millions, −m·ln(α+y) computed directly would carry a
 * rounding of m·ε·|ln(α+y)| into every weight.
 */
export function logGgomnbdPiece(
  alpha: number,
  b: number,
  s: number,
  beta: number,
  m: number,
  t0: number,
  t1: number,
  logAlphaT0: number,
  growT0: number,
  logRelT0: number,
  growT1: number,
  out: Float64Array,
  withGradient: boolean,
  withHessian: boolean,
): number {
  PIECE.set([alpha, b, s, beta, m, t0, t1, logAlphaT0, growT0, logRelT0, growT1]);
  piece(out, 0, withGradient, withHessian);
  return PIECE[11];
}

/**
 * The pass's own call: logGgomnbdPiece with its numbers in PIECE (alpha, b, s, beta, m, t0, t1, logAlphaT0, growT0,
 * logRelT0, growT1), the moments written from out[at], and the logarithm left in PIECE[11], for the reason of the node
 * arrays (a million pieces a pass).
 */
const PIECE = new Float64Array(12);

function piece(out: Float64Array, at: number, withGradient: boolean, withHessian: boolean): void {
  const alpha = PIECE[0];
  const b = PIECE[1];
  const s = PIECE[2];
  const beta = PIECE[3];
  const m = PIECE[4];
  const t0 = PIECE[5];
  const t1 = PIECE[6];
  const logAlphaT0 = PIECE[7];
  const growT0 = PIECE[8];
  const logRelT0 = PIECE[9];
  const growT1 = PIECE[10];
  const width = t1 - t0;
  const s1 = s + 1;
  const alphaT0 = alpha + t0;
  // Singularities: y = −α, and 1 + (e^(by) − 1)/β = 0 at y = ln(1 − β)/b when β < 1.
  let near = alphaT0;
  if (beta < 1) near = Math.min(near, t0 - Math.log1p(-beta) / b);
  near = Math.max(near, 1e-300);
  // |d/dy ln g| ≤ m/(α+y) + b + (s+1) b e^(by)/(β + e^(by) − 1), the last ratio monotone in y.
  const ratio0 = (growT0 + 1) / (beta + growT0);
  const ratio1 = (growT1 + 1) / (beta + growT1);
  const slope = m / alphaT0 + b + s1 * b * Math.max(ratio0, ratio1);
  const q = width * (slope + 1 / near);
  NODE_SHAPE[0] = m;
  NODE_SHAPE[1] = s1;
  NODE_SHAPE[2] = beta;
  let rule = PANEL_RULE;
  for (let k = 0; k < PANEL_RULE; k++) {
    if (q <= RULES[k].reach) {
      rule = k;
      break;
    }
  }
  const reference = -m * logAlphaT0 - s1 * logRelT0 + b * t0;
  // ln g falls at the rate −(d/dy) ln g = m/(α+y) − b + (s+1) b e^(by)/(β + e^(by) − 1): at t0, and a lower bound on
  // the whole interval (the first term least at t1, the ratio monotone).
  const rate = rule === PANEL_RULE ? m / alphaT0 - b + s1 * b * ratio0 : 0;
  const lowest = s1 * b * Math.min(ratio0, ratio1) - b;
  const fallEnd = m / (alpha + t1) + lowest;
  let steep = rule === PANEL_RULE && rate * width >= FALL && fallEnd > 0;
  if (steep) {
    STEEP_PIECE[0] = alphaT0;
    STEEP_PIECE[1] = b;
    STEEP_PIECE[2] = ratio0;
    STEEP_PIECE[3] = m;
    STEEP_PIECE[4] = s1;
    STEEP_PIECE[5] = growT0;
    STEEP_PIECE[6] = logRelT0;
    STEEP_PIECE[7] = rate;
    STEEP_PIECE[8] = t0;
    STEEP_PIECE[9] = logAlphaT0;
    steep = steepNodes(m / (alphaT0 + QUICK_REACH / rate) + lowest >= 0.9 * rate && fallEnd >= 1e-6 * rate);
  }
  if (steep) {
    // A customer with millions of purchases: g falls by e^−100 or more over the piece, past what 400 panels resolve
    // (the fit's likelihood was −∞ there). steepIntegral's Gauss–Laguerre rule after y = t0 + v/rate, accepted by
    // its checks, with the same nodes for the moments (left by steepNodes); weights relative to t0 as for one panel.
    accumulate(steepCount, true, withGradient, withHessian);
  } else if (rule < PANEL_RULE) {
    // One panel, weights relative to t0.
    const { nodes, weights } = RULES[rule];
    const half = 0.5 * width;
    for (let k = 0; k < nodes.length; k++) {
      const offset = half * (1 + nodes[k]);
      const y = t0 + offset;
      const relativeAlpha = Math.log1p(offset / alphaT0);
      const grow = Math.expm1(b * y);
      const logRel = Math.log1p(grow / beta);
      NODE_W[k] = half * weights[k] * Math.exp(-m * relativeAlpha - s1 * (logRel - logRelT0) + b * offset);
      NODE_Y[k] = y;
      NODE_LOG_ALPHA[k] = logAlphaT0 + relativeAlpha;
      NODE_ALPHA[k] = alphaT0 + offset;
      NODE_GROW[k] = grow;
      NODE_LOG_REL[k] = logRel;
    }
    accumulate(nodes.length, true, withGradient, withHessian);
  } else {
    const panels = Math.min(MAX_PANELS, Math.max(1, Math.ceil((slope * width) / 2), Math.ceil(width / (0.5 * near))));
    const { nodes, weights } = RULES[PANEL_RULE];
    const h = width / panels;
    const half = 0.5 * h;
    // No panel at all (a NaN count) leaves the sums zero.
    if (!(panels >= 1)) SUMS.fill(0);
    for (let panel = 0; panel < panels; panel++) {
      const mid = t0 + (panel + 0.5) * h;
      const alphaMid = alpha + mid;
      const logRelMid = Math.log1p(Math.expm1(b * mid) / beta);
      const relativeMid = Math.log1p((mid - t0) / alphaT0);
      const logAlphaMid = logAlphaT0 + relativeMid;
      // ln g(mid) − ln g(t0).
      const panelShift = -m * relativeMid - s1 * (logRelMid - logRelT0) + b * (mid - t0);
      for (let k = 0; k < nodes.length; k++) {
        const offset = half * nodes[k];
        const y = mid + offset;
        const relativeAlpha = Math.log1p(offset / alphaMid);
        const grow = Math.expm1(b * y);
        const logRel = Math.log1p(grow / beta);
        NODE_W[k] =
          half * weights[k] * Math.exp(panelShift - m * relativeAlpha - s1 * (logRel - logRelMid) + b * offset);
        NODE_Y[k] = y;
        NODE_LOG_ALPHA[k] = logAlphaMid + relativeAlpha;
        NODE_ALPHA[k] = alphaMid + offset;
        NODE_GROW[k] = grow;
        NODE_LOG_REL[k] = logRel;
      }
      accumulate(nodes.length, panel === 0, withGradient, withHessian);
    }
  }
  const i0 = SUMS[0];
  if (withGradient) {
    const count = withHessian ? GG_MOMENTS : 5;
    for (let k = 0; k < count; k++) out[at + k] = SUMS[k + 1] / i0;
  }
  PIECE[11] = reference + Math.log(i0);
}

/** At or above this, a running sum is rescaled (its logarithm moved into the scale). */
const RESCALE = 1e100;

/**
 * −log L and, when `gradient` is given, its gradient in (r, α, b, s, β); with `hessian` (row-major 5×5) its Hessian
 * too. Infinity outside the domain.
 */
export function ggomnbdPreparedNegLogLikelihood(
  data: GgomnbdData,
  params: ArrayLike<number>,
  gradient?: Float64Array,
  hessian?: Float64Array,
): number {
  const r = params[0];
  const alpha = params[1];
  const b = params[2];
  const s = params[3];
  const beta = params[4];
  if (!(r > 0 && alpha > 0 && b > 0 && s > 0 && beta > 0 && Number.isFinite(r + alpha + b + s + beta))) return Infinity;
  const wantHessian = hessian !== undefined;
  const wantGradient = gradient !== undefined || wantHessian;
  const width = wantHessian ? GG_MOMENTS : 5;
  const layout = data.layout;
  const pairs = layout.pairTime.length;
  const buffers = (data.buffers ??= {
    logF: new Float64Array(pairs),
    moments: new Float64Array(0),
    atPair: new Float64Array(0),
    widest: widestGroup(layout),
  });
  const logF = buffers.logF;
  const widest = buffers.widest;
  if (wantGradient && buffers.moments.length < width * widest) buffers.moments = new Float64Array(GG_MOMENTS * widest);
  const moments = buffers.moments;
  if (buffers.atPair.length < 3 * widest) buffers.atPair = new Float64Array(3 * widest);
  const atPair = buffers.atPair;
  const pieceMoments = new Float64Array(GG_MOMENTS);
  const running = new Float64Array(GG_MOMENTS);
  const logAlpha = Math.log(alpha);
  let total = 0;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  let g4 = 0;
  // The Hessian of log L, upper triangle of a row-major 5×5, mirrored at the end.
  const H = wantHessian ? new Float64Array(25) : null;
  const { groups } = layout;
  const gammalnR = gammaln(r);
  const digR = wantGradient ? digamma(r) : 0;
  const triR = wantHessian ? trigamma(r) : 0;
  const alphaSquared = alpha * alpha;
  for (let k = 0; k < groups.values.length; k++) {
    const x = groups.values[k];
    const w = groups.weight[k];
    total += w * (gammaln(r + x) - gammalnR + r * logAlpha);
    if (wantGradient) {
      g0 += w * (digamma(r + x) - digR + logAlpha);
      g1 += (w * r) / alpha;
    }
    if (H) {
      H[0] += w * (trigamma(r + x) - triR);
      H[1] += w / alpha;
      H[6] -= (w * r) / alphaSquared;
    }
  }
  const { rowWeight, rowRecencyPair, rowAgePair, pairTime, runFrequency, runEnd } = layout;
  // The died term's constant ln(b s / β), and its gradient's (0, 0, 1/b, 1/s, −1/β).
  const logConstant = Math.log(b) + Math.log(s) - Math.log(beta);
  const c2 = 1 / b;
  const c3 = 1 / s;
  const c4 = -1 / beta;
  // A row's (M(t_x) − ρ M(T))/(1 − ρ), the moments of ln(F(t_x) − F(T)); the diagonal's terms of ∇²(ln b + ln s − ln β).
  const difference = new Float64Array(GG_MOMENTS);
  const bSecond = 1 / (b * b);
  const sSecond = 1 / (s * s);
  const betaSecond = 1 / (beta * beta);
  // F_x(t) = e^scale · sum, and its moments' numerators running[k] (also relative to e^scale).
  let scale = -Infinity;
  let sum = 0;
  // e^(bt) − 1 at the pair before (the next larger time of the same x).
  let growAbove = 0;
  // The first piece after a frequency's largest time writes its moments straight into `moments`, and `running` is
  // that row (see the pair loop) until another piece of the frequency needs it: runningRow is the row's offset.
  let firstPiece = false;
  let runningRow = -1;
  // ln(α+t), e^(bt) − 1 and ln(1 + (e^(bt) − 1)/β) at the last frequency's largest time (often every frequency's: T).
  let topTime = NaN;
  let topLogAlpha = 0;
  let topGrow = 0;
  let topLogRel = 0;
  PIECE[0] = alpha;
  PIECE[1] = b;
  PIECE[2] = s;
  PIECE[3] = beta;
  // Frequency by frequency: its pairs, then its customers (sorted by their (x, T) pair): the moments are kept for one
  // frequency at a time (see pareto-nbd-likelihood.ts).
  const rowCount = rowAgePair.length;
  let i = 0;
  for (let run = 0, start = 0; run < runEnd.length; start = runEnd[run++]) {
    const end = runEnd[run];
    const x = runFrequency[run];
    const m = r + x;
    for (let p = start; p < end; p++) {
      const t = pairTime[p];
      const at = width * (p - start);
      let logAlphaT: number;
      let growT: number;
      let logRelT: number;
      if (p === start && t === topTime) {
        logAlphaT = topLogAlpha;
        growT = topGrow;
        logRelT = topLogRel;
      } else {
        logAlphaT = Math.log(alpha + t);
        growT = Math.expm1(b * t);
        logRelT = Math.log1p(growT / beta);
      }
      atPair[3 * (p - start)] = logAlphaT;
      atPair[3 * (p - start) + 1] = growT;
      atPair[3 * (p - start) + 2] = logRelT;
      if (p === start) {
        // The largest time of this frequency (the pair before is the next larger time of the same x): F_x(t*) = 0.
        topTime = t;
        topLogAlpha = logAlphaT;
        topGrow = growT;
        topLogRel = logRelT;
        scale = -Infinity;
        sum = 0;
        logF[p] = -Infinity;
        growAbove = growT;
        firstPiece = true;
        runningRow = -1;
        continue;
      }
      PIECE[4] = m;
      PIECE[5] = t;
      PIECE[6] = pairTime[p - 1];
      PIECE[7] = logAlphaT;
      PIECE[8] = growT;
      PIECE[9] = logRelT;
      PIECE[10] = growAbove;
      const first = firstPiece;
      firstPiece = false;
      piece(first ? moments : pieceMoments, first ? at : 0, wantGradient, wantHessian);
      const logPiece = PIECE[11];
      growAbove = growT;
      if (first && Number.isFinite(logPiece)) {
        // The general update below from F = 0 (running = 0), written out: scale = ln ∫, sum = e^0 = 1, running = the
        // piece's moments (+0) and the row's moments running/1, left where the piece wrote them.
        scale = logPiece;
        sum = 1;
        logF[p] = logPiece + 0;
        runningRow = at;
        continue;
      }
      if (wantGradient) {
        if (first) {
          for (let k = 0; k < width; k++) {
            pieceMoments[k] = moments[at + k];
            running[k] = 0;
          }
        } else if (runningRow >= 0) {
          for (let k = 0; k < width; k++) running[k] = moments[runningRow + k] + 0;
        }
      }
      runningRow = -1;
      if (sum === 0 || logPiece > scale + 300) {
        // Rescale the running sums to the new piece (the first one, or one that dwarfs them).
        const factor = sum === 0 ? 0 : Math.exp(scale - logPiece);
        sum *= factor;
        if (wantGradient) for (let k = 0; k < width; k++) running[k] *= factor;
        scale = logPiece;
      }
      const share = Math.exp(logPiece - scale);
      sum += share;
      if (wantGradient) for (let k = 0; k < width; k++) running[k] += share * pieceMoments[k];
      if (sum > RESCALE) {
        scale += Math.log(sum);
        if (wantGradient) for (let k = 0; k < width; k++) running[k] /= sum;
        sum = 1;
      }
      logF[p] = scale + Math.log(sum);
      if (wantGradient) for (let k = 0; k < width; k++) moments[at + k] = running[k] / sum;
    }

    for (; i < rowCount && rowAgePair[i] < end; i++) {
      const w = rowWeight ? rowWeight[i] : 1;
      const late = rowAgePair[i];
      const T = pairTime[late];
      const alphaT = alpha + T;
      // ln(α+T) and the lifetime's survival terms, as the pair loop computed them at the row's age pair.
      const atAge = 3 * (late - start);
      const logAlphaT = atPair[atAge];
      const grow = atPair[atAge + 1];
      const logRelT = atPair[atAge + 2];
      const e = grow + 1;
      const d = beta + grow;
      // u = "alive at T": −m ln(α+T) − s ln(1 + (e^(bT) − 1)/β).
      const alive = -m * logAlphaT - s * logRelT;
      const early = rowRecencyPair[i];
      let u0 = 0;
      let u1 = 0;
      let u2 = 0;
      let u3 = 0;
      let u4 = 0;
      if (wantGradient) {
        u0 = -logAlphaT;
        u1 = -m / alphaT;
        u2 = (-s * T * e) / d;
        u3 = -logRelT;
        u4 = (s * grow) / (beta * d);
      }
      // ∇²u: its seven entries that are not zero (rα, αα, bb, bs, bβ, sβ, ββ).
      let uRA = 0;
      let uAA = 0;
      let uBB = 0;
      let uBS = 0;
      let uBBeta = 0;
      let uSBeta = 0;
      let uBetaBeta = 0;
      if (H) {
        uRA = -1 / alphaT;
        uAA = m / (alphaT * alphaT);
        uBB = (-s * T * T * e * (beta - 1)) / (d * d);
        uBS = (-T * e) / d;
        uBBeta = (s * T * e) / (d * d);
        uSBeta = grow / (beta * d);
        uBetaBeta = (-s * grow * (grow + 2 * beta)) / (beta * beta * d * d);
      }
      if (early < 0) {
        total += w * alive;
        if (wantGradient) {
          g0 += w * u0;
          g1 += w * u1;
          g2 += w * u2;
          g3 += w * u3;
          g4 += w * u4;
        }
        if (H) addSecondOfAlive(H, w, uRA, uAA, uBB, uBS, uBBeta, uSBeta, uBetaBeta);
        continue;
      }
      // At the frequency's largest time (the common case: T) F_x(T) = 0: ρ = 0, and ln(1 − ρ) = −0 adds nothing.
      const atTop = late === start;
      const drop = atTop ? -Infinity : logF[late] - logF[early];
      const ratio = drop === -Infinity ? 0 : Math.exp(drop);
      const died = ratio === 0 ? logConstant + logF[early] : logConstant + logF[early] + Math.log1p(-ratio);
      const top = Math.max(alive, died);
      // The larger of the two terms is e^0 = 1.
      let eAlive: number;
      let eDied: number;
      if (alive >= died) {
        eAlive = 1;
        eDied = Math.exp(died - top);
      } else if (died > alive) {
        eAlive = Math.exp(alive - top);
        eDied = 1;
      } else {
        eAlive = Math.exp(alive - top);
        eDied = Math.exp(died - top);
      }
      total += w * (top + Math.log(eAlive + eDied));
      if (!wantGradient) continue;
      const wAlive = eAlive / (eAlive + eDied);
      const wDied = 1 - wAlive;
      // v = ∇died = (0, 0, 1/b, 1/s, −1/β) + ∇ln(F(t_x) − F(T)), ∇ln(F1 − F2) = (∇lnF1 − ρ∇lnF2)/(1 − ρ): with
      // F2 = 0 at the largest time, ∇lnF1 (the moments there, never written, are not read).
      // The moments of ln(F(t_x) − F(T)): (M(t_x) − ρ M(T))/(1 − ρ) in `difference`, or M(t_x) in place.
      let source = moments;
      let base = width * (early - start);
      if (!atTop) {
        const inv = 1 / (1 - ratio);
        const lo = width * (late - start);
        for (let k = 0; k < width; k++) difference[k] = (moments[base + k] - ratio * moments[lo + k]) * inv;
        source = difference;
        base = 0;
      }
      const v0 = source[base];
      const v1 = source[base + 1];
      const v2 = source[base + 2] + c2;
      const v3 = source[base + 3] + c3;
      const v4 = source[base + 4] - 1 / beta;
      g0 += w * (wAlive * u0 + wDied * v0);
      g1 += w * (wAlive * u1 + wDied * v1);
      g2 += w * (wAlive * u2 + wDied * v2);
      g3 += w * (wAlive * u3 + wDied * v3);
      g4 += w * (wAlive * u4 + wDied * v4);
      if (!H) continue;
      // ∇²ln(F1 − F2) = (M2(t_x) − ρ M2(T))/(1 − ρ) − ∇ln(F1−F2)∇ln(F1−F2)ᵀ, ∇ln(F1 − F2) = v − (0, 0, 1/b, 1/s, −1/β);
      // the died term's ∇² adds −1/b², −1/s², 1/β² on the diagonal.
      addSecondOfAlive(H, w * wAlive, uRA, uAA, uBB, uBS, uBBeta, uSBeta, uBetaBeta);
      const ww = w * wDied;
      const cross = w * wAlive * wDied;
      const j2 = v2 - c2;
      const j3 = v3 - c3;
      const j4 = v4 - c4;
      const d0 = cross * (u0 - v0);
      const d1 = cross * (u1 - v1);
      const d2 = cross * (u2 - v2);
      const d3 = cross * (u3 - v3);
      const d4 = cross * (u4 - v4);
      const e0 = u0 - v0;
      const e1 = u1 - v1;
      const e2 = u2 - v2;
      const e3 = u3 - v3;
      const e4 = u4 - v4;
      H[0] += ww * (source[base + 5] - v0 * v0) + d0 * e0;
      H[1] += ww * (source[base + 6] - v0 * v1) + d0 * e1;
      H[2] += ww * (source[base + 7] - v0 * j2) + d0 * e2;
      H[3] += ww * (source[base + 8] - v0 * j3) + d0 * e3;
      H[4] += ww * (source[base + 9] - v0 * j4) + d0 * e4;
      H[6] += ww * (source[base + 10] - v1 * v1) + d1 * e1;
      H[7] += ww * (source[base + 11] - v1 * j2) + d1 * e2;
      H[8] += ww * (source[base + 12] - v1 * j3) + d1 * e3;
      H[9] += ww * (source[base + 13] - v1 * j4) + d1 * e4;
      H[12] += ww * (source[base + 14] - j2 * j2 - bSecond) + d2 * e2;
      H[13] += ww * (source[base + 15] - j2 * j3) + d2 * e3;
      H[14] += ww * (source[base + 16] - j2 * j4) + d2 * e4;
      H[18] += ww * (source[base + 17] - j3 * j3 - sSecond) + d3 * e3;
      H[19] += ww * (source[base + 18] - j3 * j4) + d3 * e4;
      H[24] += ww * (source[base + 19] - j4 * j4 + betaSecond) + d4 * e4;
    }
  }
  if (gradient) {
    gradient[0] = -g0;
    gradient[1] = -g1;
    gradient[2] = -g2;
    gradient[3] = -g3;
    gradient[4] = -g4;
  }
  if (hessian && H) {
    for (let i = 0; i < 5; i++) {
      for (let j = i; j < 5; j++) {
        hessian[5 * i + j] = -H[5 * i + j];
        hessian[5 * j + i] = -H[5 * i + j];
      }
    }
  }
  return Number.isFinite(total) ? -total : Infinity;
}

/** H (upper triangle of 5×5) += w · ∇²u, given its entries that are not zero. */
function addSecondOfAlive(
  H: Float64Array,
  w: number,
  rAlpha: number,
  alphaAlpha: number,
  bb: number,
  bs: number,
  bBeta: number,
  sBeta: number,
  betaBeta: number,
): void {
  H[1] += w * rAlpha;
  H[6] += w * alphaAlpha;
  H[12] += w * bb;
  H[13] += w * bs;
  H[14] += w * bBeta;
  H[19] += w * sBeta;
  H[24] += w * betaBeta;
}
