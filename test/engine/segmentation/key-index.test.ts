import fc from "fast-check";
import { KeyIndex, mayHaveDuplicates } from "../../../src/engine/segmentation/key-index";

describe("KeyIndex", () => {
  it("gives dense indices in order of first appearance and finds them again", () => {
    const index = new KeyIndex(2); // fewer than the keys: the index grows
    expect(["a", 42, "a", "42", 42, -0.5, 0, -0].map((key) => index.add(key))).toEqual([0, 1, 0, 2, 1, 3, 4, 4]);
    expect(index.size).toBe(5);
    expect(index.get("42")).toBe(2);
    expect(index.get("b")).toBe(-1);
    expect(index.keyAt(3)).toBe(-0.5);
  });

  it("property: agrees with a Map", () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 300 }), (keys) => {
        const index = new KeyIndex(keys.length >> 3);
        const map = new Map<string | number, number>();
        for (const k of keys) {
          if (!map.has(k)) map.set(k, map.size);
          expect(index.add(k)).toBe(map.get(k));
        }
        expect(index.size).toBe(map.size);
      }),
    );
  });
});

describe("mayHaveDuplicates", () => {
  it("is false for distinct keys and true when a key repeats; blanks (null) are skipped", () => {
    const ids = Array.from({ length: 20000 }, (_, i) => (i % 2 ? `C${i}` : i * 1.5));
    expect(mayHaveDuplicates(ids.length, (i) => ids[i])).toBe(false);
    expect(mayHaveDuplicates(3, (i) => ["a", null, "a"][i] ?? null)).toBe(true);
    expect(mayHaveDuplicates(3, (i) => [null, "a", null][i] ?? null)).toBe(false);
    expect(mayHaveDuplicates(2, (i) => [0, -0][i])).toBe(true);
  });

  it("property: never false when a key repeats (equal keys, equal fingerprints)", () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), (keys) => {
        const repeated = new Set(keys).size < keys.length;
        if (repeated) expect(mayHaveDuplicates(keys.length, (i) => keys[i])).toBe(true);
      }),
    );
  });
});
