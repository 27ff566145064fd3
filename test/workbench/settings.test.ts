import fc from "fast-check";
import { DATASETS, DEFAULT_SETTINGS, readSettings, settingsQuery } from "../../src/workbench/settings";

describe("workbench settings in the address", () => {
  it("defaults when the query is empty or wrong", () => {
    expect(readSettings("")).toEqual(DEFAULT_SETTINGS);
    expect(readSettings("?dataset=nope&theme=pink&lang=de")).toEqual(DEFAULT_SETTINGS);
    expect(settingsQuery(DEFAULT_SETTINGS)).toBe("");
  });

  it("accepts fr-FR as French", () => {
    expect(readSettings("?lang=fr-FR").locale).toBe("fr");
  });

  it("round-trips every combination", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DATASETS),
        fc.constantFrom("light" as const, "dark" as const),
        fc.constantFrom("en" as const, "fr" as const),
        (dataset, theme, locale) => {
          const settings = { dataset, theme, locale };
          expect(readSettings(settingsQuery(settings))).toEqual(settings);
        },
      ),
    );
  });
});
