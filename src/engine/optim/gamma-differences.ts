/**
 * Differences of lnΓ, ψ and ψ' between two large arguments, z and z + h (z ≥ ASYMPTOTIC_FROM), by their asymptotic
 * (Stirling) series (Abramowitz & Stegun 6.1.40, 6.3.18, 6.4.12), with the leading terms combined so that nothing
 * cancels: lnΓ(z+h) − lnΓ(z) = (z−½)·log1p(h/z) + h·(ln(z+h) − 1) + S(z+h) − S(z). One logarithm and a few divisions
 * a difference, where @stdlib's lnΓ, ψ and ψ' cost a dozen special-function calls: a likelihood that crosses a
 * million distinct frequencies in the millions (BG/NBD's Γ(r+x)/Γ(r) and B(a, b+x)/B(a, b), issue 12) takes one
 * such step per frequency. Truncated after the z^−9 to z^−11 terms: at z ≥ 20 the first term left out is below 1e-17.
 */

/** The series are used from this argument on; below, the caller takes @stdlib's functions. */
export const ASYMPTOTIC_FROM = 20;

/** S(z) = lnΓ(z) − (z−½)ln z + z − ½ln 2π = 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹). */
function stirlingTail(z: number): number {
  const i = 1 / z;
  const i2 = i * i;
  return i * (1 / 12 - i2 * (1 / 360 - i2 * (1 / 1260 - i2 * (1 / 1680 - i2 / 1188))));
}

/** ψ(z) − ln z = −1/(2z) − 1/(12z²) + 1/(120z⁴) − 1/(252z⁶) + 1/(240z⁸) − 1/(132z¹⁰). */
function digammaTail(z: number): number {
  const i = 1 / z;
  const i2 = i * i;
  return -0.5 * i - i2 * (1 / 12 - i2 * (1 / 120 - i2 * (1 / 252 - i2 * (1 / 240 - i2 / 132))));
}

/** ψ'(z) = 1/z + 1/(2z²) + 1/(6z³) − 1/(30z⁵) + 1/(42z⁷) − 1/(30z⁹) + 5/(66z¹¹). */
function trigammaSeries(z: number): number {
  const i = 1 / z;
  const i2 = i * i;
  return i + i2 * (0.5 + i * (1 / 6 - i2 * (1 / 30 - i2 * (1 / 42 - i2 * (1 / 30 - (5 / 66) * i2)))));
}

/** lnΓ(z + h) − lnΓ(z) for z ≥ ASYMPTOTIC_FROM, h ≥ 0. */
export function logGammaDifference(z: number, h: number): number {
  const zh = z + h;
  return (z - 0.5) * Math.log1p(h / z) + h * (Math.log(zh) - 1) + (stirlingTail(zh) - stirlingTail(z));
}

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln B(a, b) = lnΓ(a) + lnΓ(b) − lnΓ(a + b) for a, b ≥ ASYMPTOTIC_FROM, with the leading terms combined:
 * ½ln 2π − a·log1p(b/a) − b·log1p(a/b) + ½ln((a+b)/(ab)) + S(a) + S(b) − S(a+b), none of size a·ln a.
 */
export function logBetaOfLarge(a: number, b: number): number {
  return (
    HALF_LOG_TWO_PI -
    a * Math.log1p(b / a) -
    b * Math.log1p(a / b) +
    0.5 * Math.log((a + b) / a / b) +
    (stirlingTail(a) + stirlingTail(b) - stirlingTail(a + b))
  );
}

/**
 * [lnΓ(u+h) − lnΓ(u)] − [lnΓ(u+a+h) − lnΓ(u+a)] = ln B(a, u+h) − ln B(a, u), for u ≥ ASYMPTOTIC_FROM, a > 0, h ≥ 0,
 * without the two differences' cancellation when u ≫ a (each about h·ln u, their difference about −a·h/u):
 * with G(v) = −(v−½)·log1p(a/v) − a·ln(v+a) + S(v) − S(v+a), it is G(u+h) − G(u), to within a's rounding (its two
 * leading terms are each about a).
 */
export function logBetaRatioDifference(u: number, a: number, h: number): number {
  const v = u + h;
  return (
    (u - 0.5) * Math.log1p(a / u) -
    (v - 0.5) * Math.log1p(a / v) -
    a * Math.log1p(h / (u + a)) +
    (stirlingTail(v) - stirlingTail(v + a)) -
    (stirlingTail(u) - stirlingTail(u + a))
  );
}

/** ψ(z + h) − ψ(z) for z ≥ ASYMPTOTIC_FROM, h ≥ 0. */
export function digammaDifference(z: number, h: number): number {
  return Math.log1p(h / z) + (digammaTail(z + h) - digammaTail(z));
}

/** ψ'(z) − ψ'(z + h) for z ≥ ASYMPTOTIC_FROM, h ≥ 0. */
export function trigammaDifference(z: number, h: number): number {
  return trigammaSeries(z) - trigammaSeries(z + h);
}

/**
 * The same differences along an increasing run of arguments (the frequencies of a likelihood, in increasing order),
 * each step's series at its end point kept for the next step's start: one logarithm, one log1p and one division a
 * step. `step(z, h)` sets logGamma = lnΓ(z+h) − lnΓ(z), digamma = ψ(z+h) − ψ(z), trigamma = ψ'(z) − ψ'(z+h).
 */
export class AsymptoticRun {
  logGamma = 0;
  digamma = 0;
  trigamma = 0;
  private at = NaN;
  private s = 0;
  private p = 0;
  private q = 0;

  step(z: number, h: number): void {
    if (z !== this.at) {
      this.s = stirlingTail(z);
      this.p = digammaTail(z);
      this.q = trigammaSeries(z);
    }
    const v = z + h;
    const sv = stirlingTail(v);
    const pv = digammaTail(v);
    const qv = trigammaSeries(v);
    const l = Math.log1p(h / z);
    this.logGamma = (z - 0.5) * l + h * (Math.log(v) - 1) + (sv - this.s);
    this.digamma = l + (pv - this.p);
    this.trigamma = this.q - qv;
    this.at = v;
    this.s = sv;
    this.p = pv;
    this.q = qv;
  }
}

/**
 * BG/NBD's B(a, u+h)/B(a, u) along an increasing run of u (u = b + x): `step(u, a, h)` sets logBeta =
 * ln B(a, u+h) − ln B(a, u) (as logBetaRatioDifference), digammaU = ψ(u+h) − ψ(u), digammaUA = ψ(u+a+h) − ψ(u+a),
 * trigammaU = ψ'(u) − ψ'(u+h) and trigammaUA = ψ'(u+a) − ψ'(u+a+h), the series at u + h and u + a + h kept for the
 * next step.
 */
export class AsymptoticBetaRun {
  logBeta = 0;
  digammaU = 0;
  digammaUA = 0;
  trigammaU = 0;
  trigammaUA = 0;
  private at = NaN;
  private shape = NaN;
  // At the point reached: (u−½)·log1p(a/u), S(u) − S(u+a), ψ tails and ψ' at u and u + a.
  private lead = 0;
  private s = 0;
  private pU = 0;
  private pUA = 0;
  private qU = 0;
  private qUA = 0;

  step(u: number, a: number, h: number): void {
    if (u !== this.at || a !== this.shape) {
      this.lead = (u - 0.5) * Math.log1p(a / u);
      this.s = stirlingTail(u) - stirlingTail(u + a);
      this.pU = digammaTail(u);
      this.pUA = digammaTail(u + a);
      this.qU = trigammaSeries(u);
      this.qUA = trigammaSeries(u + a);
    }
    const v = u + h;
    const va = v + a;
    const lead = (v - 0.5) * Math.log1p(a / v);
    const s = stirlingTail(v) - stirlingTail(va);
    const pU = digammaTail(v);
    const pUA = digammaTail(va);
    const qU = trigammaSeries(v);
    const qUA = trigammaSeries(va);
    const lUA = Math.log1p(h / (u + a));
    this.logBeta = this.lead - lead - a * lUA + (s - this.s);
    this.digammaU = Math.log1p(h / u) + (pU - this.pU);
    this.digammaUA = lUA + (pUA - this.pUA);
    this.trigammaU = this.qU - qU;
    this.trigammaUA = this.qUA - qUA;
    this.at = v;
    this.shape = a;
    this.lead = lead;
    this.s = s;
    this.pU = pU;
    this.pUA = pUA;
    this.qU = qU;
    this.qUA = qUA;
  }
}
