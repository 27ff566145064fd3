import { AREAS, catalogKeys, formatNumber, resolveLocale, t } from "../../src/i18n/all";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("message catalogue", () => {
  for (const [area, messages] of Object.entries(AREAS)) {
    describe(`area ${area}`, () => {
      const en = messages.en as Record<string, string>;
      const fr = messages.fr as Record<string, string>;

      test("English and French have exactly the same keys", () => {
        expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
      });

      test(`every key starts with "${area}."`, () => {
        for (const key of Object.keys(en)) expect(key.startsWith(`${area}.`)).toBe(true);
      });

      test("no message is empty, and French uses the same placeholders as English", () => {
        for (const key of Object.keys(en)) {
          expect(en[key].trim()).not.toBe("");
          expect(fr[key]?.trim()).not.toBe("");
          expect({ key, placeholders: placeholders(fr[key]) }).toEqual({ key, placeholders: placeholders(en[key]) });
        }
      });
    });
  }

  test("no key is defined by two areas", () => {
    const keys = catalogKeys("en");
    expect(new Set(keys).size).toBe(keys.length);
  });

  test("fills placeholders and writes numbers the locale's way", () => {
    expect(t("args.notNumber", { arg: "basket", found: 'the text "x"' }, "en")).toBe(
      'basket must be a number, but it is the text "x".',
    );
    expect(t("args.notNumber", { arg: "t", found: 1e300 }, "fr")).toBe("t doit être un nombre, mais c'est 1E+300.");
    expect(t("args.tooLarge", { arg: "bins", max: 10, found: 1234.5 }, "fr")).toBe(
      `bins doit valoir au plus 10 (il vaut ${formatNumber(1234.5, "fr")}).`,
    );
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
  });

  test("an overflowed number in a message is said as beyond Excel's largest, never Infinity or NaN", () => {
    expect(t("args.notNumber", { arg: "t", found: Infinity }, "en")).toBe(
      "t must be a number, but it is > 1.79769E+308.",
    );
    expect(t("args.notNumber", { arg: "t", found: -Infinity }, "fr")).toBe(
      "t doit être un nombre, mais c'est < -1,79769E+308.",
    );
    expect(t("args.notNumber", { arg: "t", found: NaN }, "en")).not.toMatch(/NaN/);
  });

  test("picks French for any French Office language, English otherwise", () => {
    expect(resolveLocale("fr-FR")).toBe("fr");
    expect(resolveLocale("fr-CA")).toBe("fr");
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale("de-DE")).toBe("en");
    expect(resolveLocale(undefined)).toBe("en");
  });
});
