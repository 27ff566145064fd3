/**
 * CUST.PCLV reads a clean range (numbers only, each within its rule) in one tight pass and anything else row by row
 * (src/functions/value-models.ts, readPlainRows): both readings must give the same cells. A text number ("12") or a
 * blank row sends the whole call down the row-by-row reading, so the same customers read both ways are compared.
 */
import fc from "fast-check";
import { ExcelFunctions, InputCell, loadExcelFunctions } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

const BGNBD = [
  ["model", "bgnbd"],
  ["r", 0.25],
  ["alpha", 4.4],
  ["a", 0.79],
  ["b", 2.4],
];
const GG = [
  ["model", "gg"],
  ["p", 6.25],
  ["q", 3.74],
  ["gamma", 15.44],
];

const customer = fc
  .record({
    x: fc.integer({ min: 0, max: 30 }),
    T: fc.double({ min: 1, max: 80, noNaN: true }),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    spend: fc.double({ min: 0.5, max: 500, noNaN: true }),
  })
  .map(({ x, T, share, spend }) => ({ x, T, tx: x === 0 ? 0 : share * T, spend }));

const col = (values: InputCell[]): InputCell[][] => values.map((value) => [value]);

test("a clean range gives the cells the row-by-row reading gives (spend column, and Gamma-Gamma)", () => {
  fc.assert(
    fc.property(fc.array(customer, { minLength: 2, maxLength: 40 }), fc.nat(), fc.boolean(), (rows, pick, gg) => {
      const k = pick % rows.length;
      const x = rows.map((c) => c.x);
      const tx = rows.map((c) => c.tx);
      const T = rows.map((c) => c.T);
      const spend = rows.map((c) => c.spend);
      const call = (money: InputCell[], xs: InputCell[] = x, txs: InputCell[] = tx, Ts: InputCell[] = T) =>
        gg
          ? excel.call("PCLV", BGNBD, GG, col(xs), col(txs), col(Ts), "weeks", col(money), 12, 0.1, 0.3)
          : excel.call("PCLV", BGNBD, col(money), col(xs), col(txs), col(Ts), "weeks", null, 12, 0.1, 0.3);
      const fast = call(spend);
      expect(fast.every(([cell]) => typeof cell === "number")).toBe(true);
      // One spend typed as text: the row-by-row reading, every cell the same.
      const textual = spend.map((s, i) => (i === k ? String(s) : s));
      expect(call(textual)).toEqual(fast);
      // One blank row in the middle of the ranges: that row blank, every other the same.
      const blank = <T>(values: T[]) => values.map((v, i) => (i === k && k < rows.length - 1 ? null : v));
      const withBlank = call(blank(spend), blank(x), blank(tx), blank(T));
      fast.forEach((row, i) => expect(withBlank[i]).toEqual(i === k && k < rows.length - 1 ? [""] : row));
    }),
    { numRuns: 60 },
  );
});
