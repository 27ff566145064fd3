/**
 * readNumberColumns reads a number its rule accepts without the per-cell reading (frameNumber): every cell must give
 * what frameNumber gives, the same number or the same error (key and parameters), at each rule's edges, and the rows
 * kept must be the rows with a value somewhere.
 */
import { InputError } from "../../src/engine/errors";
import { frameNumber, NumberRule, readNumberColumns, rowFrame, RowArgument } from "../../src/functions/args";

type Input = RowArgument & { rule?: NumberRule };

const RULES: NumberRule[] = [
  {},
  { integer: true, nonNegative: true },
  { nonNegative: true },
  { positive: true },
  { rate: true },
  { min: 1, max: 5 },
  { min: -2, nonNegative: true },
  { integer: true, max: 1000, default: 3 },
];
const CELLS: unknown[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  1.5,
  5,
  5.000000000000001,
  1000,
  1001,
  -2,
  1e300,
  -1e-300,
  Infinity,
  -Infinity,
  NaN,
  "12.5",
  "75%",
  "abc",
  "",
  null,
  true,
  "#N/A",
  Number.MAX_SAFE_INTEGER + 2,
];

/** What reading every row through frameNumber gives: the columns, or the first error (column by column). */
function expected(inputs: Input[]): { columns: number[][]; kept: number[] } | { error: unknown } {
  const frame = rowFrame(inputs);
  const kept: number[] = [];
  for (let r = 0; r < frame.rows; r++) if (frame.single || !frame.rowIsBlank(r, 0)) kept.push(r);
  try {
    return { columns: inputs.map((input, k) => kept.map((r) => frameNumber(frame, input, k, r, 0))), kept };
  } catch (error) {
    return { error };
  }
}

function actual(inputs: Input[]): { columns: number[][]; kept: number[] } | { error: unknown } {
  const kept: number[] = [];
  try {
    return { columns: readNumberColumns(inputs, kept).map((column) => Array.from(column)), kept };
  } catch (error) {
    return { error };
  }
}

function same(inputs: Input[]): void {
  const want = expected(inputs);
  const got = actual(inputs);
  if ("error" in want) {
    expect("error" in got).toBe(true);
    if (!("error" in got)) return;
    expect(got.error).toBeInstanceOf(InputError);
    const [a, b] = [got.error as InputError, want.error as InputError];
    expect({ kind: a.kind, key: a.key, params: a.params }).toEqual({ kind: b.kind, key: b.key, params: b.params });
  } else {
    expect(got).toEqual(want);
    // −0 stays −0, as frameNumber returns it.
    if (!("error" in got))
      got.columns.flat().forEach((v, i) => expect(Object.is(v, want.columns.flat()[i])).toBe(true));
  }
}

describe("readNumberColumns", () => {
  it.each(RULES.map((rule) => [JSON.stringify(rule), rule] as const))(
    "gives each cell what frameNumber gives under %s",
    (_, rule) => {
      for (const cell of CELLS) {
        for (const zeroIsBlank of [false, true]) {
          // The cell in a range (row 2 of 3), and as a single cell repeated beside a range.
          same([
            { arg: "a", value: [[1], [cell], [2]], rule, zeroIsBlank },
            { arg: "b", value: [[1], [1], [1]] },
          ]);
          same([
            { arg: "b", value: [[1], [1], [1]] },
            { arg: "a", value: [[cell]], rule, zeroIsBlank },
          ]);
        }
      }
    },
  );

  it("keeps the rows with a value in any range, blank rows anywhere", () => {
    const rule = { nonNegative: true };
    same([
      { arg: "a", value: [[null], [1], [""], [0], [null], [3]], rule, zeroIsBlank: true },
      { arg: "b", value: [[null], [2], [null], [null], [""], [4]], rule },
    ]);
    same([
      { arg: "a", value: [[1], [null], [0]], rule, zeroIsBlank: true },
      { arg: "b", value: [[2], [""], [5]], rule },
    ]);
    // A half-blank row: the error names it, as before.
    same([
      { arg: "a", value: [[1], [null], [3]], rule },
      { arg: "b", value: [[2], [2], [5]], rule },
    ]);
  });
});
