/**
 * The GGompertz/NBD likelihood laid out by frequency and time (issue 12: CUST.FIT ggomnbd on 1,048,576 customers):
 * the same value as the customer-by-customer likelihood of ggompertz-nbd.ts, and an analytic gradient and Hessian
 * that match finite differences.
 */
import { CompressedHistories, compressHistories } from "../../../src/engine/models/compress";
import { ggomnbdNegLogLikelihood } from "../../../src/engine/models/ggompertz-nbd";
import {
  GgomnbdData,
  ggomnbdPreparedNegLogLikelihood,
  prepareGgomnbdData,
} from "../../../src/engine/models/ggompertz-nbd-likelihood";
import { seededRandom } from "../../../src/engine/random";

// 400 customers: times with decimals, close together for the common frequencies (few-point rules between them) and
// far apart for x = 30 (panels), some with t_x = T (no death term) and some with x = 0.
const random = seededRandom(5);
const n = 400;
const x = new Float64Array(n);
const tx = new Float64Array(n);
const T = new Float64Array(n);
for (let i = 0; i < n; i++) {
  T[i] = 20 + 20 * random.next();
  x[i] = i % 7 === 0 ? 30 : i % 4;
  tx[i] = x[i] === 0 ? 0 : T[i] * random.next();
  if (i % 9 === 0 && x[i] > 0) tx[i] = T[i];
}
const histories = compressHistories(x, tx, T);
const prepared = prepareGgomnbdData(histories);
const points = [
  [0.6, 11, 0.05, 0.7, 0.4],
  [1.2, 5, 0.3, 2, 3],
  [0.5, 30, 0.001, 0.5, 0.02],
  [3, 200, 0.01, 40, 5],
];

/** The value and gradient of the pass equal ggompertz-nbd.ts's customer by customer. */
function expectCustomerByCustomer(data: CompressedHistories, p: number[], value: number, gradient: Float64Array): void {
  const expected = new Float64Array(5);
  const direct = ggomnbdNegLogLikelihood(data, p, expected);
  expect(Math.abs(value - direct)).toBeLessThanOrEqual(1e-12 * Math.abs(direct));
  for (let k = 0; k < 5; k++) {
    expect(Math.abs(gradient[k] - expected[k])).toBeLessThanOrEqual(1e-10 * (1 + Math.abs(expected[k])));
  }
}

/** The Hessian equals central differences of the pass's gradient. */
function expectDifferences(data: GgomnbdData, p: number[], hessian: Float64Array): void {
  for (let k = 0; k < 5; k++) {
    const h = 1e-5 * p[k];
    const up = [...p];
    const down = [...p];
    up[k] += h;
    down[k] -= h;
    const gUp = new Float64Array(5);
    const gDown = new Float64Array(5);
    ggomnbdPreparedNegLogLikelihood(data, up, gUp);
    ggomnbdPreparedNegLogLikelihood(data, down, gDown);
    for (let j = 0; j < 5; j++) {
      const numeric = (gUp[j] - gDown[j]) / (2 * h);
      const size = Math.sqrt(Math.abs(hessian[6 * k] * hessian[6 * j]));
      expect(Math.abs(numeric - hessian[5 * k + j])).toBeLessThanOrEqual(1e-6 * size);
    }
  }
}

describe("GGompertz/NBD likelihood by frequency and time", () => {
  test.each(points)("equals the customer-by-customer likelihood and gradient at (%p, %p, %p, %p, %p)", (...p) => {
    const gradient = new Float64Array(5);
    const value = ggomnbdPreparedNegLogLikelihood(prepared, p, gradient);
    expectCustomerByCustomer(histories, p, value, gradient);
  });
  test.each(points)("its Hessian equals central differences of its gradient at (%p, %p, %p, %p, %p)", (...p) => {
    const hessian = new Float64Array(25);
    ggomnbdPreparedNegLogLikelihood(prepared, p, new Float64Array(5), hessian);
    expectDifferences(prepared, p, hessian);
  });
  test("is Infinity outside the domain", () => {
    expect(ggomnbdPreparedNegLogLikelihood(prepared, [0.6, 11, 0, 0.7, 0.4])).toBe(Infinity);
    expect(ggomnbdPreparedNegLogLikelihood(prepared, [0.6, 11, 0.05, Infinity, 0.4])).toBe(Infinity);
  });
  // Most frequencies with one customer each (the pass writes the first piece's moments in place, and a row whose T is
  // its frequency's largest time reads them as they are), T shared across frequencies (its logarithms are reused),
  // and a few frequencies with several customers and T below the largest (the general sums): every path of the pass.
  const lone = seededRandom(11);
  const size = 300;
  const xs = new Float64Array(size);
  const txs = new Float64Array(size);
  const ages = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    xs[i] = i % 10 === 0 ? 7 + (i % 3) : 40 + i;
    ages[i] = i % 4 === 0 ? 50 + 10 * lone.next() : 60;
    txs[i] = ages[i] * (0.3 + 0.7 * lone.next());
  }
  const loneHistories = compressHistories(xs, txs, ages);
  const lonePrepared = prepareGgomnbdData(loneHistories);
  test.each([
    [0.8, 3, 0.02, 0.9, 2],
    [0.5, 40, 0.001, 20, 300],
  ])("with one customer a frequency, equals the customer-by-customer likelihood at (%p, %p, %p, %p, %p)", (...p) => {
    const gradient = new Float64Array(5);
    const hessian = new Float64Array(25);
    const value = ggomnbdPreparedNegLogLikelihood(lonePrepared, p, gradient, hessian);
    expectCustomerByCustomer(loneHistories, p, value, gradient);
    // The value and gradient alone are those of the pass with the Hessian.
    const alone = new Float64Array(5);
    expect(ggomnbdPreparedNegLogLikelihood(lonePrepared, p)).toBe(value);
    expect(ggomnbdPreparedNegLogLikelihood(lonePrepared, p, alone)).toBe(value);
    expect([...alone]).toEqual([...gradient]);
    expectDifferences(lonePrepared, p, hessian);
  });
});
