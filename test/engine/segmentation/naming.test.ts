import fc from "fast-check";
import { chooseOwnColumnNames } from "../../../src/engine/segmentation/naming";

describe("chooseOwnColumnNames", () => {
  it("keeps wanted names that are free", () => {
    expect(chooseOwnColumnNames(["Client", "Amount"], [], ["Segment", "CLV"])).toEqual({
      names: ["Segment", "CLV"],
      renamed: [],
    });
  });

  it("never reuses a user's column: Segment becomes Segment (2), and says so", () => {
    expect(chooseOwnColumnNames(["Client", "segment"], [], ["Segment"])).toEqual({
      names: ["Segment (2)"],
      renamed: [{ wanted: "Segment", used: "Segment (2)" }],
    });
  });

  it("skips further taken names", () => {
    const { names } = chooseOwnColumnNames(["Segment", "Segment (2)"], [], ["Segment"]);
    expect(names).toEqual(["Segment (3)"]);
  });

  it("reuses our own columns from the recipe (refresh replaces them)", () => {
    expect(chooseOwnColumnNames(["Client", "Segment", "CLV"], ["Segment", "CLV"], ["Segment", "CLV"])).toEqual({
      names: ["Segment", "CLV"],
      renamed: [],
    });
    const previouslyRenamed = chooseOwnColumnNames(["Segment", "Segment (2)"], ["Segment (2)"], ["Segment"]);
    expect(previouslyRenamed.names).toEqual(["Segment (2)"]);
  });

  it("property: a chosen name is never a user header, and names are unique", () => {
    const header = fc.constantFrom("Segment", "segment", "CLV", "Segment (2)", "R score", "Client", "clv (2)");
    fc.assert(
      fc.property(fc.array(header), fc.array(header), fc.uniqueArray(header), (existing, ours, wanted) => {
        const { names } = chooseOwnColumnNames(existing, ours, wanted);
        const lower = (s: string) => s.toLowerCase();
        const ourSet = new Set(ours.map(lower));
        const userSet = new Set(existing.map(lower).filter((h) => !ourSet.has(h)));
        for (const name of names) expect(userSet.has(lower(name))).toBe(false);
        expect(new Set(names.map(lower)).size).toBe(names.length);
      }),
    );
  });
});
