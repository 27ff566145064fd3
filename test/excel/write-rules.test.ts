import fc from "fast-check";
import { chooseSheetName, MAX_SHEET_NAME_LENGTH, sameSheetName } from "../../src/excel/write-rules";

describe("chooseSheetName", () => {
  it("keeps the wanted name when no sheet has it", () => {
    expect(chooseSheetName("Segments", ["Data"], [])).toEqual({ name: "Segments", replaceExisting: false });
  });

  it("replaces a sheet only when the recipe says it is ours, whatever its case", () => {
    expect(chooseSheetName("Segments", ["Data", "segments"], ["Segments"])).toEqual({
      name: "Segments",
      replaceExisting: true,
    });
  });

  it("skips a user's sheet, and ours at a numbered name is reused", () => {
    expect(chooseSheetName("Segments", ["SEGMENTS", "Segments (2)"], [])).toEqual({
      name: "Segments (3)",
      replaceExisting: false,
    });
    expect(chooseSheetName("Segments", ["Segments", "Segments (2)"], ["Segments (2)"])).toEqual({
      name: "Segments (2)",
      replaceExisting: true,
    });
  });

  it("does not give two sheets of one write the same name", () => {
    expect(chooseSheetName("Segments", [], [], ["segments"])).toEqual({ name: "Segments (2)", replaceExisting: false });
  });

  it("shortens the name so the suffix fits Excel's 31 characters", () => {
    const long = "Synthèse par client (transactions)";
    const first = chooseSheetName(long, [], []);
    expect(first.name).toBe(long.slice(0, MAX_SHEET_NAME_LENGTH));
    const second = chooseSheetName(long, [first.name], []);
    expect(second.name).toBe(`${long.slice(0, MAX_SHEET_NAME_LENGTH - 4)} (2)`);
    expect(second.name).toHaveLength(MAX_SHEET_NAME_LENGTH);
  });

  it("never picks an existing sheet that is not ours (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("Segments", "Clients", "Synthèse clients"),
        fc.array(fc.constantFrom("Segments", "segments", "Segments (2)", "Segments (3)", "Clients", "Clients (2)")),
        fc.array(fc.constantFrom("Segments", "Segments (2)", "Clients (3)")),
        (wanted, existing, ours) => {
          const choice = chooseSheetName(wanted, existing, ours);
          const taken = existing.some((name) => sameSheetName(name, choice.name));
          expect(choice.replaceExisting).toBe(taken);
          if (taken) expect(ours.some((name) => sameSheetName(name, choice.name))).toBe(true);
          expect(choice.name.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
        },
      ),
    );
  });
});
