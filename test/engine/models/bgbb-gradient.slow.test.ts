/**
 * The exact gradient of BG/BB's log-likelihood (src/engine/models/bgbb-gradient.ts, from Fader, Hardie & Shang 2010
 * eq. 5): against finite differences of the likelihood, the two ways of summing against each other, and the value
 * against bgbbLogLikelihood's. A slow test (3 s under jest, which runs this arithmetic 40-100 times slower than Node).
 */
import fc from "fast-check";
import { bgbbLogLikelihood, BgbbParameters, fitBgbb, prepareBgbbData } from "../../../src/engine/models/bgbb";
import { bgbbLogLikelihoodWithGradient } from "../../../src/engine/models/bgbb-gradient";
import { bgbbUsesTables } from "../../../src/engine/models/bgbb-likelihood";
import { beta as betaDraw, seededRandom } from "../../../src/engine/random";

const NAMES = ["alpha", "beta", "gamma", "delta"] as const;

/** Distinct random histories over up to `most` opportunities. */
function histories(count: number, most: number, seed: number) {
  const random = seededRandom(seed);
  const frequency: number[] = [];
  const recency: number[] = [];
  const opportunities: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(random.next() * most);
    const last = Math.floor(random.next() * (n + 1));
    opportunities.push(n);
    recency.push(last);
    frequency.push(last === 0 ? 0 : 1 + Math.floor(random.next() * last));
  }
  return prepareBgbbData(
    frequency,
    recency,
    opportunities,
    Array.from({ length: count }, (_, i) => 1 + (i % 3)),
  );
}

/** ∂ ln L/∂p by the five-point central difference (error O(h⁴)) at a relative step h. */
function differenced(p: BgbbParameters, data: ReturnType<typeof histories>, h = 1e-4): number[] {
  return NAMES.map((name) => {
    const step = h * p[name];
    const at = (k: number) => bgbbLogLikelihood({ ...p, [name]: p[name] + k * step }, data);
    return (8 * (at(1) - at(-1)) - (at(2) - at(-2))) / (12 * step);
  });
}

const points: BgbbParameters[] = [
  { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 },
  { alpha: 0.05, beta: 30, gamma: 4, delta: 0.2 },
  { alpha: 12, beta: 0.1, gamma: 0.02, delta: 60 },
];

describe("BG/BB log-likelihood gradient", () => {
  const short = histories(1500, 40, 1);
  const long = histories(60, 1000, 2);

  test("equals five-point finite differences of the likelihood to 1e-6, each way of summing", () => {
    for (const data of [short, long]) {
      for (const p of points) {
        const reference = differenced(p, data);
        const scale = Math.max(...reference.map(Math.abs));
        for (const byTables of [false, true]) {
          const gradient = new Float64Array(4);
          bgbbLogLikelihoodWithGradient(p, data, gradient, byTables);
          for (let c = 0; c < 4; c++) expect(Math.abs(gradient[c] - reference[c])).toBeLessThan(1e-6 * scale);
        }
      }
    }
  });

  test("the two ways of summing agree to 1e-10, and the value is bgbbLogLikelihood's", () => {
    for (const data of [short, long]) {
      expect(bgbbUsesTables(data)).toBe(data === short);
      for (const p of points) {
        const direct = new Float64Array(4);
        const tables = new Float64Array(4);
        const value = bgbbLogLikelihoodWithGradient(p, data, direct, false);
        const tabulated = bgbbLogLikelihoodWithGradient(p, data, tables, true);
        expect(Math.abs(tabulated / value - 1)).toBeLessThan(1e-12);
        expect(bgbbLogLikelihoodWithGradient(p, data, new Float64Array(4))).toBe(bgbbLogLikelihood(p, data));
        const scale = Math.max(...Array.from(direct, Math.abs));
        for (let c = 0; c < 4; c++) expect(Math.abs(tables[c] - direct[c])).toBeLessThan(1e-10 * scale);
      }
    }
  });

  test("one history at a time: every (x, t_x, n) and parameters from 0.01 to 100 (fast-check)", () => {
    const parameter = fc.double({ min: -2, max: 2, noNaN: true }).map((v) => 10 ** v);
    const history = fc
      .tuple(
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([n, u, v]) => {
        const tx = Math.floor(u * (n + 1)) > n ? n : Math.floor(u * (n + 1));
        const x = tx === 0 ? 0 : 1 + Math.min(tx - 1, Math.floor(v * tx));
        return [x, tx, n] as const;
      });
    fc.assert(
      fc.property(parameter, parameter, parameter, parameter, history, (alpha, beta, gamma, delta, [x, tx, n]) => {
        const p = { alpha, beta, gamma, delta };
        const data = prepareBgbbData([x], [tx], [n]);
        const reference = differenced(p, data);
        const gradient = new Float64Array(4);
        bgbbLogLikelihoodWithGradient(p, data, gradient, false);
        const tables = new Float64Array(4);
        bgbbLogLikelihoodWithGradient(p, data, tables, true);
        // Each component against its own difference, scaled by the size of its terms (1/p for the digammas at p).
        for (let c = 0; c < 4; c++) {
          const size = Math.abs(reference[c]) + 1 / p[NAMES[c]];
          expect(Math.abs(gradient[c] - reference[c])).toBeLessThan(1e-5 * size);
          expect(Math.abs(tables[c] - gradient[c])).toBeLessThan(1e-9 * size);
        }
      }),
      { numRuns: 150, seed: 12 },
    );
  });

  test("the fit's optimum has a gradient of zero (the gradient and the likelihood agree on where it is)", () => {
    // BG/BB customers over 30 opportunities (an interior optimum).
    const random = seededRandom(3);
    const frequency: number[] = [];
    const recency: number[] = [];
    for (let c = 0; c < 3000; c++) {
      const p = betaDraw(random, 1.2, 0.75);
      const theta = betaDraw(random, 0.66, 2.8);
      let x = 0;
      let last = 0;
      for (let t = 1; t <= 30 && !(random.next() < theta); t++) {
        if (random.next() < p) {
          x++;
          last = t;
        }
      }
      frequency.push(x);
      recency.push(last);
    }
    const data = prepareBgbbData(
      frequency,
      recency,
      frequency.map(() => 30),
    );
    const fit = fitBgbb(data);
    expect(fit.converged).toBe(true);
    const p = fit.params as unknown as BgbbParameters;
    const gradient = new Float64Array(4);
    bgbbLogLikelihoodWithGradient(p, data, gradient);
    // Per customer and in log-parameters (p·∂/∂p), the optimiser's own scale.
    for (let c = 0; c < 4; c++) expect(Math.abs((p[NAMES[c]] * gradient[c]) / data.n)).toBeLessThan(1e-6);
  });
});
