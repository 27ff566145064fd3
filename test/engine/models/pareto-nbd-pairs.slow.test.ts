/**
 * The Pareto/NBD likelihood's layout for large bases (issue 12: CUST.FIT pnbd on 1,048,576 customers): the radix sort
 * of the histories' times, the pairs numbered in order, and the few-point rules that carry F(t) from one time to the
 * next of the same frequency. Each is checked against an independent computation.
 */
import fc from "fast-check";
import { compressHistories } from "../../../src/engine/models/compress";
import {
  fewPointRule,
  logPowerIntegralFew,
  logPowerIntegralShort,
  MOMENTS,
  paretoNbdPreparedNegLogLikelihood,
  ParetoNbdData,
  prepareParetoNbdData,
} from "../../../src/engine/models/pareto-nbd-likelihood";
import { orderByTime } from "../../../src/engine/models/sort-times";
import { seededRandom } from "../../../src/engine/random";

describe("orderByTime (radix sort of non-negative times)", () => {
  const time = fc.oneof(
    fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => v + 0),
    fc.integer({ min: 0, max: 400 }),
    fc.constantFrom(0, 5e-324, 1e-300, Number.MAX_VALUE),
  );
  test("sorts by time, stably, like a comparison sort", () => {
    fc.assert(
      fc.property(fc.array(time, { maxLength: 300 }), (values) => {
        const times = Float64Array.from(values);
        const order = Array.from(orderByTime(times));
        const expected = values.map((_, i) => i).sort((i, j) => values[i] - values[j] || i - j);
        expect(order).toEqual(expected);
      }),
    );
  });
  test("sorts by a major key first, then time, stably", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), time), { maxLength: 300 }), (entries) => {
        const times = Float64Array.from(entries, ([, t]) => t);
        const major = Uint32Array.from(entries, ([k]) => k);
        const order = Array.from(orderByTime(times, major, 5));
        const expected = entries
          .map((_, i) => i)
          .sort((i, j) => entries[i][0] - entries[j][0] || entries[i][1] - entries[j][1] || i - j);
        expect(order).toEqual(expected);
      }),
    );
  });
});

describe("orderByTime's two digit widths", () => {
  test("from 2^16 times (16-bit digits) as below (8-bit digits): the comparison sort's stable order", () => {
    const random = seededRandom(3);
    const n = (1 << 16) + 5;
    // Ties (whole days), and decimals differing in their low bits.
    const times = Float64Array.from({ length: n }, (_, i) =>
      i % 3 === 0 ? Math.floor(400 * random.next()) : 1e3 * random.next(),
    );
    const major = Uint32Array.from({ length: n }, (_, i) => i % 7);
    const expected = Array.from({ length: n }, (_, i) => i).sort(
      (i, j) => major[i] - major[j] || times[i] - times[j] || i - j,
    );
    expect(Array.from(orderByTime(times, major, 7))).toEqual(expected);
    const head = times.subarray(0, 4000);
    const narrow = Array.from({ length: 4000 }, (_, i) => i).sort((i, j) => head[i] - head[j] || i - j);
    expect(Array.from(orderByTime(head))).toEqual(narrow);
  });
});

describe("the few-point rules between close times", () => {
  test("agree with the panelled 8-point rule wherever fewPointRule picks one (moments included)", () => {
    const logUniform = (lo: number, hi: number) =>
      fc.double({ min: Math.log(lo), max: Math.log(hi), noNaN: true }).map(Math.exp);
    fc.assert(
      fc.property(
        logUniform(0.01, 1e4),
        logUniform(0.01, 1e4),
        logUniform(0.01, 1e3),
        logUniform(1.01, 1e3),
        logUniform(0.1, 1e4),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (alpha, beta, m, n, t0, fraction) => {
          const scale = m / (alpha + t0) + n / (beta + t0) + 1 / (Math.min(alpha, beta) + t0);
          const t1 = t0 + (0.04 * fraction + 1e-9) / scale;
          const rule = fewPointRule(alpha, beta, m, n, t0, t1);
          if (rule < 0 || !(t1 > t0)) return;
          const few = new Float64Array(MOMENTS);
          const panelled = new Float64Array(MOMENTS);
          const a = logPowerIntegralFew(alpha, beta, m, n, t0, t1, rule, few, true, true);
          const b = logPowerIntegralShort(alpha, beta, m, n, t0, t1, panelled, true, true);
          expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-14 * Math.max(1, Math.abs(b)));
          for (let k = 0; k < 4; k++) {
            expect(Math.abs(few[k] - panelled[k])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(panelled[k])));
          }
        },
      ),
    );
  });
  test("no rule for an interval too wide for four points", () => {
    expect(fewPointRule(10, 12, 1.5, 1.6, 100, 100.5)).toBeGreaterThanOrEqual(0);
    expect(fewPointRule(10, 12, 1.5, 1.6, 100, 130)).toBe(-1);
  });
});

describe("the likelihood on many customers with times in decimals", () => {
  // 600 customers over three frequencies, T within a fifth of a day: the times of a frequency are thousandths of a
  // day apart, so nearly every F(t) is reached from the next larger time by a few-point rule.
  const random = seededRandom(11);
  const n = 600;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    T[i] = 180 + 0.2 * random.next();
    x[i] = i % 3;
    tx[i] = x[i] === 0 ? 0 : T[i] * random.next();
  }
  const all = prepareParetoNbdData(compressHistories(x, tx, T));
  // The same likelihood customer by customer: each one's own F by the series, nothing carried between customers.
  const alone = Array.from({ length: n }, (_, i) => prepareParetoNbdData(compressHistories([x[i]], [tx[i]], [T[i]])));
  test.each([
    [0.55, 10.58, 0.61, 11.67],
    [0.55, 20, 0.61, 1.2],
    [2.5, 300, 3.1, 0.5],
  ])("value, gradient and Hessian equal the sum of the customers' own at (%p, %p, %p, %p)", (...params) => {
    const gradient = new Float64Array(4);
    const hessian = new Float64Array(16);
    const value = paretoNbdPreparedNegLogLikelihood(all, params, gradient, hessian);
    let sum = 0;
    const sumGradient = new Float64Array(4);
    const sumHessian = new Float64Array(16);
    const g = new Float64Array(4);
    const h = new Float64Array(16);
    for (const data of alone) {
      sum += paretoNbdPreparedNegLogLikelihood(data, params, g, h);
      for (let k = 0; k < 4; k++) sumGradient[k] += g[k];
      for (let k = 0; k < 16; k++) sumHessian[k] += h[k];
    }
    expect(Math.abs(value - sum)).toBeLessThanOrEqual(1e-11 * Math.abs(sum));
    // Gradient and Hessian entries relative to the size of the customers' own terms (the sums cancel at an optimum).
    let size = 0;
    for (const data of alone) {
      paretoNbdPreparedNegLogLikelihood(data, params, g);
      size = Math.max(size, ...Array.from(g, Math.abs));
    }
    for (let k = 0; k < 4; k++) expect(Math.abs(gradient[k] - sumGradient[k])).toBeLessThanOrEqual(1e-10 * size * n);
    for (let k = 0; k < 16; k++) {
      const diagonal = Math.sqrt(Math.abs(sumHessian[5 * Math.floor(k / 4)] * sumHessian[5 * (k % 4)]));
      expect(Math.abs(hessian[k] - sumHessian[k])).toBeLessThanOrEqual(1e-9 * diagonal);
    }
  });
  test("the pairs run by frequency, then time decreasing, each customer pointing at its own times", () => {
    expect(layoutProblems(all, x, tx, T)).toEqual([]);
  });
  test("ties between one customer's T and another's t_x share a pair; weights and −0 are kept", () => {
    // Whole days: many customers share T, and some t_x equal another customer's T.
    const days = seededRandom(5);
    const m = 400;
    const dx = new Float64Array(m);
    const dtx = new Float64Array(m);
    const dT = new Float64Array(m);
    const weights = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      dT[i] = 20 + Math.floor(10 * days.next());
      dx[i] = i % 4;
      dtx[i] = dx[i] === 0 ? (i % 8 === 0 ? -0 : 0) : Math.floor(dT[i] * days.next());
      weights[i] = 1 + (i % 3);
    }
    const rows = { frequency: dx, recency: dtx, age: dT, weight: weights, size: m, total: 0 };
    const layout = prepareParetoNbdData(rows);
    expect(layout.rowWeight).not.toBeNull();
    expect(layoutProblems(layout, dx, dtx, dT, weights)).toEqual([]);
    // No two pairs of one frequency with the same time.
    for (let p = 1; p < layout.pairTime.length; p++) {
      if (frequencyOfPair(layout, p) === frequencyOfPair(layout, p - 1)) {
        expect(layout.pairTime[p]).toBeLessThan(layout.pairTime[p - 1]);
      }
    }
  });
});

/** The frequency of pair p: its run's. */
function frequencyOfPair(layout: ParetoNbdData, p: number): number {
  let run = 0;
  while (layout.runEnd[run] <= p) run++;
  return layout.runFrequency[run];
}

/** What is wrong with a layout of these customers (see ParetoNbdData): nothing, when []. */
function layoutProblems(
  layout: ParetoNbdData,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  weights?: Float64Array,
): string[] {
  const wrong: string[] = [];
  const pairs = layout.pairTime.length;
  if (layout.runEnd[layout.runEnd.length - 1] !== pairs) wrong.push("the runs do not end at the last pair");
  for (let k = 1; k < layout.runFrequency.length; k++) {
    if (!(layout.runFrequency[k] > layout.runFrequency[k - 1])) wrong.push(`run ${k} not after run ${k - 1}`);
  }
  for (let p = 1; p < pairs; p++) {
    if (
      frequencyOfPair(layout, p) === frequencyOfPair(layout, p - 1) &&
      !(layout.pairTime[p] < layout.pairTime[p - 1])
    ) {
      wrong.push(`pair ${p} not before pair ${p - 1} in time`);
    }
  }
  // The rows follow their (x, T) pairs; every customer once, with its own (x, T), (x, t_x) and weight.
  const rows: string[] = [];
  for (let i = 0; i < layout.rowAgePair.length; i++) {
    if (i > 0 && layout.rowAgePair[i] < layout.rowAgePair[i - 1]) wrong.push(`row ${i} before its pair's order`);
    const frequency = frequencyOfPair(layout, layout.rowAgePair[i]);
    const age = layout.pairTime[layout.rowAgePair[i]];
    const early = layout.rowRecencyPair[i];
    if (early >= 0 && frequencyOfPair(layout, early) !== frequency) wrong.push(`row ${i}: t_x of another frequency`);
    if (early >= 0 && !(layout.pairTime[early] < age)) wrong.push(`row ${i}: t_x not before T`);
    const recency = early < 0 ? age : layout.pairTime[early];
    rows.push(`${frequency} ${recency} ${age} ${layout.rowWeight ? layout.rowWeight[i] : 1}`);
  }
  const expected = Array.from(x, (_, i) => `${x[i]} ${tx[i] + 0} ${T[i]} ${weights ? weights[i] : 1}`);
  if (rows.sort().join("|") !== expected.sort().join("|")) wrong.push("the rows are not the customers");
  return wrong;
}
