/**
 * The pair layout where the frequencies are radix-sorted (more than 65,536 distinct, pair-layout.ts orders each
 * frequency's rows within that order): rows by x increasing, then T decreasing, then as given; each row's pairs carry
 * its T and t_x. One frequency has 41 rows (past the insertion-sorted runs), another 6, each with ties in T and in t_x.
 */
import { compressHistories } from "../../../src/engine/models/compress";
import { prepareParetoNbdData } from "../../../src/engine/models/pareto-nbd-likelihood";

test("rows of many distinct frequencies are ordered by x, then T decreasing, then as given", () => {
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < 70000; i++) {
    x.push(70000 - i);
    T.push(50 + ((i * 7919) % 101));
    tx.push(((i * 104729) % 37) + 0.5);
  }
  for (let j = 0; j <= 40; j++) {
    x.push(3);
    T.push(j === 40 ? 100 : 100 - (j % 4));
    tx.push(j === 40 ? 100 : Math.floor(j / 4));
  }
  for (let j = 0; j < 6; j++) {
    x.push(5);
    T.push(80 - (j % 2));
    tx.push(Math.floor(j / 2));
  }
  // Distinct weights name each row in the layout.
  const weights = x.map((_, i) => i + 1);
  const data = compressHistories(x, tx, T, weights);
  expect(data.size).toBe(x.length);
  const layout = prepareParetoNbdData(data);
  const expected = x.map((_, i) => i).sort((a, b) => x[a] - x[b] || T[b] - T[a] || a - b);
  const rowWeight = layout.rowWeight!;
  const got = Array.from(rowWeight, (w) => w - 1);
  expect(got).toEqual(expected);
  const runOf = (pair: number) => layout.runEnd.findIndex((end) => pair < end);
  for (let k = 0; k < got.length; k += k < 69990 ? 997 : 1) {
    const row = got[k];
    const agePair = layout.rowAgePair[k];
    expect(layout.pairTime[agePair]).toBe(T[row]);
    expect(layout.runFrequency[runOf(agePair)]).toBe(x[row]);
    const recencyPair = layout.rowRecencyPair[k];
    if (tx[row] === T[row]) {
      expect(recencyPair).toBe(-1);
    } else {
      expect(layout.pairTime[recencyPair]).toBe(tx[row]);
      expect(runOf(recencyPair)).toBe(runOf(agePair));
    }
  }
});
