/**
 * The lean pair layout (pair-layout.ts, issue 12) gives the Pareto/NBD and GGompertz/NBD likelihoods the same
 * numbers as the layout it replaced: value, gradient and Hessian at a fixed point on 3,000 simulated customers
 * (continuous times, every history distinct; whole days, histories repeating), pinned from the previous layout
 * (commit e46d456), to 1e-12 relative (they agree bit for bit: the same integrals, summed in the same order).
 */
import { simulateHistories } from "../../../bench/functions/data";
import { compressHistories } from "../../../src/engine/models/compress";
import {
  ggomnbdPreparedNegLogLikelihood,
  prepareGgomnbdData,
} from "../../../src/engine/models/ggompertz-nbd-likelihood";
import {
  paretoNbdPreparedNegLogLikelihood,
  prepareParetoNbdData,
} from "../../../src/engine/models/pareto-nbd-likelihood";

const PINNED: Record<string, { value: number; gradient: number[]; hessian: number[] }> = {
  "continuous pnbd": {
    value: 21965.72927496029,
    gradient: [-23.44159402259085, 0.012569848429754057, 10.240474526083108, -0.06856480067063012],
    hessian: [
      3889.0260401049104, -22.392449622471183, -1350.738050904842, 7.01955406616943, -22.392449622471183,
      0.1811205725910555, 5.868128270888516, -0.030739557330578995, -1350.738050904842, 5.868128270888516,
      1378.375619829018, -6.18139343253998, 7.01955406616943, -0.030739557330578995, -6.18139343253998,
      0.0295657864217545,
    ],
  },
  "continuous ggomnbd": {
    value: 22187.84928482295,
    gradient: [1033.6532701598867, -4.638375931702442, -84979.38705936923, -268.9455942299766, 94.38302830533775],
    hessian: [
      4197.827871742056, -29.73644970791313, -205444.32548704706, -657.0930998892637, 237.6845811854275,
      -29.73644970791313, 0.24564859569747682, 955.4859989303515, 3.0584341944117304, -1.1090456700391336,
      -205444.32548704706, 955.4859989303515, 25187266.861461725, -49717.83194762275, 11671.671197341066,
      -657.0930998892637, 3.0584341944117304, -49717.83194762275, 289.35360739749, 57.419156590407574,
      237.6845811854275, -1.1090456700391336, 11671.671197341066, 57.419156590407574, -76.69344222203938,
    ],
  },
  "days pnbd": {
    value: 21808.065653330177,
    gradient: [-10.268210156205612, -0.055467343378470625, 1.4626339805844706, -0.029910809003217114],
    hessian: [
      3866.410688111085, -22.363331097452214, -1354.705529808569, 7.0407530039207, -22.363331097452214,
      0.18123228122210894, 5.876212574902205, -0.03080198971337092, -1354.705529808569, 5.876212574902205,
      1379.0025813997654, -6.124066674497709, 7.0407530039207, -0.03080198971337092, -6.124066674497709,
      0.028965644642774523,
    ],
  },
  "days ggomnbd": {
    value: 22034.353866676975,
    gradient: [1049.9711762449651, -4.712550290747012, -85505.55540496131, -270.61678485469616, 94.97693399766179],
    hessian: [
      4176.367000040148, -29.731421921653258, -205969.32882043393, -658.778827310761, 238.30234435795543,
      -29.731421921653258, 0.2459080296008954, 954.6100605367903, 3.055885604911719, -1.1084135166256741,
      -205969.32882043393, 954.6100605367903, 25044917.889340848, -50961.05556737374, 12063.983374343266,
      -658.778827310761, 3.055885604911719, -50961.05556737374, 288.22306795196613, 58.77108161128876,
      238.30234435795543, -1.1084135166256741, 12063.983374343266, 58.77108161128876, -77.51880670289394,
    ],
  },
};

const close = (actual: number, expected: number) => Math.abs(actual - expected) <= 1e-12 * Math.abs(expected);

describe.each(["continuous", "days"] as const)("%s histories", (kind) => {
  const h = simulateHistories(3000, kind, "pnbd", 21);
  const data = compressHistories(h.frequency, h.recency, h.age);
  test("Pareto/NBD: the previous layout's value, gradient and Hessian", () => {
    const gradient = new Float64Array(4);
    const hessian = new Float64Array(16);
    const value = paretoNbdPreparedNegLogLikelihood(prepareParetoNbdData(data), [0.55, 70, 0.6, 80], gradient, hessian);
    const pinned = PINNED[`${kind} pnbd`];
    expect(close(value, pinned.value)).toBe(true);
    expect(Array.from(gradient).filter((g, k) => !close(g, pinned.gradient[k]))).toEqual([]);
    expect(Array.from(hessian).filter((v, k) => !close(v, pinned.hessian[k]))).toEqual([]);
  });
  test("GGompertz/NBD: the previous layout's value, gradient and Hessian", () => {
    const gradient = new Float64Array(5);
    const hessian = new Float64Array(25);
    const params = [0.55, 70, 0.002, 0.6, 1.5];
    const value = ggomnbdPreparedNegLogLikelihood(prepareGgomnbdData(data), params, gradient, hessian);
    const pinned = PINNED[`${kind} ggomnbd`];
    expect(close(value, pinned.value)).toBe(true);
    expect(Array.from(gradient).filter((g, k) => !close(g, pinned.gradient[k]))).toEqual([]);
    expect(Array.from(hessian).filter((v, k) => !close(v, pinned.hessian[k]))).toEqual([]);
  });
});
