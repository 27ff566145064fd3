/**
 * What the grid tests share (test/functions/grids*.test.ts): parameter tables typed as CUST.FIT spills them, a row
 * argument, and the check that every cell of a grid equals the single-cell call.
 */
import { InputCell, isShownError, ShownCell } from "./excel";

export const BGNBD: InputCell[][] = [
  ["model", "bgnbd"],
  ["r", 0.243],
  ["alpha", 4.414],
  ["a", 0.793],
  ["b", 2.426],
];
export const PNBD: InputCell[][] = [
  ["model", "pnbd"],
  ["r", 0.553],
  ["alpha", 10.578],
  ["s", 0.606],
  ["beta", 11.669],
];
/** Fader, Hardie & Shang (2010), the donations data: one opportunity a year, n = 6. */
export const BGBB: InputCell[][] = [
  ["model", "bgbb"],
  ["alpha", 1.204],
  ["beta", 0.75],
  ["gamma", 0.657],
  ["delta", 2.783],
];
export const GG: InputCell[][] = [
  ["model", "gg"],
  ["p", 6.25],
  ["q", 3.74],
  ["gamma", 15.44],
];

export const row = (...cells: InputCell[]): InputCell[][] => [cells];
export const range = (from: number, to: number, step: number) =>
  Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

/** A grid cell against the single-cell call: the same number, or an error with the same code. */
export function expectSame(shown: ShownCell, single: ShownCell, where: string): void {
  if (typeof single === "number") {
    expect({ where, shown }).toEqual({ where, shown: expect.any(Number) });
    expect({ where, close: Math.abs((shown as number) - single) <= 1e-12 * Math.max(1, Math.abs(single)) }).toEqual({
      where,
      close: true,
    });
  } else if (isShownError(single)) {
    expect({ where, code: isShownError(shown) ? shown.error : shown }).toEqual({ where, code: single.error });
  } else expect({ where, shown }).toEqual({ where, shown: single });
}

/** Every cell of `grid` equals `single(r, c)`, and the grid has rows × cols cells. */
export function expectGrid(
  grid: ShownCell[][],
  rows: number,
  cols: number,
  single: (r: number, c: number) => ShownCell,
) {
  expect(grid.length).toBe(rows);
  grid.forEach((line, r) => {
    expect(line.length).toBe(cols);
    line.forEach((cell, c) => expectSame(cell, single(r, c), `cell ${r + 1},${c + 1}`));
  });
}
