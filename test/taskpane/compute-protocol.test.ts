/**
 * The compute worker's packed arrays: what crosses is exactly what was sent (every number's bits, texts, booleans,
 * blanks), rows of unequal lengths and arrays that cannot pack go as plain slices, and a packed array is unpacked in
 * slices with pauses on the pane's side.
 */
import {
  Assembler,
  MAX_DICTIONARY,
  packArray,
  packRows,
  slice,
  SLICE,
  transferables,
} from "../../src/taskpane/compute/protocol";
import type { Message } from "../../src/taskpane/compute/protocol";
import { SLICE_MS, STEP_ITEMS } from "../../src/excel/steps";

const roundTrip = (value: unknown) => {
  const { head, slices } = slice(value, 1);
  const assembler = new Assembler();
  const pauses: number[] = [];
  const pending: Promise<void>[] = [];
  for (const message of slices.map((m) => structuredClone(m) as Message)) {
    if (message.type === "slice") assembler.add(message);
    else if (message.type === "packed") pending.push(assembler.addPacked(message, async () => void pauses.push(1)));
  }
  return Promise.all(pending).then(() => ({ value: assembler.build(structuredClone(head)), slices, pauses }));
};

test("a packed column comes back item for item: −0, NaN, ±Infinity, texts, booleans, blanks", async () => {
  const items: unknown[] = Array.from(
    { length: 3 * SLICE + 7 },
    (_, i) => [-0, Number.NaN, Infinity, -Infinity, 1.5e-300, "Champions", "", true, false, null, undefined, i][i % 12],
  );
  const { value, slices } = await roundTrip({ column: items });
  expect(slices.map((m) => m.type)).toEqual(["packed"]);
  const back = (value as { column: unknown[] }).column;
  expect(back).toHaveLength(items.length);
  expect(items.findIndex((item, i) => !Object.is(back[i], item))).toBe(-1);
});

test("equal values share one dictionary entry in a result column; each buffer is transferred", () => {
  const packed = packArray(Array.from({ length: 50_000 }, (_, i) => (i % 3 === 0 ? "A" : i % 3 === 1 ? "B" : i)))!;
  expect(packed.dictionary).toEqual(["A", "B"]);
  const message: Message = { type: "packed", job: 1, array: 0, packed };
  expect(transferables(message)).toEqual([packed.numbers.buffer, packed.codes.buffer]);
});

test("arrays of rows, and columns of too many distinct texts, go as plain slices", async () => {
  const rows = Array.from({ length: SLICE + 1 }, (_, i) => [`C${i}`, i]);
  const { value, slices } = await roundTrip({ rows });
  expect(slices.map((m) => m.type)).toEqual(["slice", "slice"]);
  expect(value).toEqual({ rows });
  expect(packArray(Array.from({ length: MAX_DICTIONARY + 1 }, (_, i) => `C${i}`))).toBeNull();
  expect(packArray(Array.from({ length: MAX_DICTIONARY + 1 }, (_, i) => `C${i % MAX_DICTIONARY}`))).not.toBeNull();
});

test("table rows pack column by column; rows of unequal lengths do not pack", () => {
  const rows = [
    ["C1", 3, true],
    ["C2", -0, ""],
  ];
  const columns = packRows(rows, 0, 2, 3)!;
  expect(columns).toHaveLength(3);
  const assembler = new Assembler();
  assembler.addRows(structuredClone({ type: "rows", job: 1, array: 0, offset: 0, length: 2, columns }) as never);
  const back = assembler.build({ __sliced: 0, length: 2 }) as unknown[][];
  expect(back).toEqual(rows);
  expect(Object.is(back[1][1], -0)).toBe(true);
  expect(packRows([["C1", 1], ["C2"]], 0, 2, 2)).toBeNull();
});

test("a packed array is unpacked in slices: a pause whenever a slice has held the thread for SLICE_MS", async () => {
  let clock = 0;
  const now = jest.spyOn(performance, "now").mockImplementation(() => (clock += SLICE_MS / 2));
  try {
    const items = Array.from({ length: 8 * STEP_ITEMS }, (_, i) => i % 7);
    const { value, pauses } = await roundTrip({ items });
    expect((value as { items: number[] }).items).toEqual(items);
    // The clock moves SLICE_MS / 2 at each reading (one per STEP_ITEMS items, one after each pause).
    expect(pauses.length).toBeGreaterThanOrEqual(2);
    expect(pauses.length).toBeLessThanOrEqual(8);
  } finally {
    now.mockRestore();
  }
});
