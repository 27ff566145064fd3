import fc from "fast-check";
import {
  cellEquals,
  colourRules,
  contrastRatio,
  equalsFormula,
  fontColourOn,
  formulaValue,
  MAX_COLOUR_RULES,
  MIN_TEXT_CONTRAST,
  relativeLuminance,
} from "../../src/excel/colour-rules";
import type { CellValue } from "../../src/excel/workbook";
import { SEGMENTS } from "../../src/engine/rfm/segments";
import { TIER_PALETTE } from "../../src/engine/segmentation/palette";

describe("text colour on the add-in's fills (WCAG 2.x contrast)", () => {
  it("computes WCAG's luminance and contrast ratio", () => {
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 12);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(contrastRatio("#000000", "#FFFFFF")).toBeCloseTo(21, 12);
    expect(contrastRatio("#FFFFFF", "#000000")).toBeCloseTo(21, 12);
    // Published pairs: #767676 on white is the lightest grey that passes AA (4.54:1); Excel's default black on
    // the Champions green reads at 2.7:1 (the issue this fixes).
    expect(contrastRatio("#767676", "#FFFFFF")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#1B5E20", "#000000")).toBeCloseTo(2.7, 1);
    expect(() => relativeLuminance("green")).toThrow();
  });

  it("every palette colour, segment and tier, gets a font colour with a contrast of 4.5:1 or more", () => {
    const palette = [...new Set([...SEGMENTS.map((segment) => segment.colour), ...TIER_PALETTE])];
    expect(palette.length).toBeGreaterThanOrEqual(15);
    for (const fill of palette) {
      const font = fontColourOn(fill);
      expect({ fill, font, ok: contrastRatio(fill, font) >= MIN_TEXT_CONTRAST }).toEqual({ fill, font, ok: true });
    }
    expect(fontColourOn("#1B5E20")).toBe("#FFFFFF");
    expect(fontColourOn("#FDD835")).toBe("#000000");
  });

  it("black or white always reaches 4.5:1, whatever the fill (property)", () => {
    const hex = fc.integer({ min: 0, max: 255 }).map((n) => n.toString(16).padStart(2, "0"));
    fc.assert(
      fc.property(fc.tuple(hex, hex, hex), ([r, g, b]) => {
        const fill = `#${r}${g}${b}`;
        const font = fontColourOn(fill);
        expect(contrastRatio(fill, font)).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
        expect(contrastRatio(fill, font)).toBeGreaterThanOrEqual(
          contrastRatio(fill, font === "#000000" ? "#FFFFFF" : "#000000"),
        );
      }),
    );
  });

  it("every colour rule carries the font colour of its fill", () => {
    const fills = [...SEGMENTS.map((segment) => segment.colour), ...TIER_PALETTE];
    const rules = colourRules(
      fills.map((_, i) => `Segment ${String.fromCharCode(65 + i)}`),
      fills,
    );
    expect(rules?.map((rule) => rule.fontColor)).toEqual(fills.map(fontColourOn));
  });
});

/** The colour Excel shows for each cell once the rules are in place (rules are mutually exclusive here). */
function shown(values: readonly CellValue[], rules: NonNullable<ReturnType<typeof colourRules>>): (string | null)[] {
  return values.map((value) => rules.find((rule) => cellEquals(value, rule.value))?.color ?? null);
}

describe("equalsFormula and formulaValue", () => {
  it("quotes text with doubled quotes, and writes numbers and booleans as Excel reads them", () => {
    expect(equalsFormula("Champions")).toBe('="Champions"');
    expect(equalsFormula('Say "hi"')).toBe('="Say ""hi"""');
    expect(equalsFormula("Top 20 %")).toBe('="Top 20 %"');
    expect(equalsFormula(3)).toBe("=3");
    expect(equalsFormula(1e-7)).toBe("=1E-7");
    expect(equalsFormula(true)).toBe("=TRUE");
    expect(formulaValue('="Say ""hi"""')).toBe('Say "hi"');
    expect(formulaValue("=1E-7")).toBe(1e-7);
    expect(formulaValue("=FALSE")).toBe(false);
    expect(formulaValue("=A1")).toBeNull();
  });

  it("refuses what a formula cannot match exactly: long text, text Excel would convert, too many digits", () => {
    expect(equalsFormula("x".repeat(256))).toBeNull();
    expect(equalsFormula("12")).toBeNull();
    expect(equalsFormula("3/4")).toBeNull();
    expect(equalsFormula("true")).toBeNull();
    expect(equalsFormula("Mar 3")).toBeNull();
    expect(equalsFormula("line\nbreak")).toBeNull();
    expect(equalsFormula(0.1 + 0.2)).toBeNull();
  });

  it("round-trips every value it accepts (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 40 }), fc.double(), fc.integer(), fc.boolean()), (value) => {
        const formula = equalsFormula(value);
        // === rather than Object.is: Excel has no negative zero, -0 is written and matched as 0.
        if (formula !== null) expect(formulaValue(formula) === value).toBe(true);
      }),
    );
  });
});

describe("cellEquals: Excel's 'cell value equal to'", () => {
  it("ignores case for text, never equates text with a number, and a blank equals 0, '' and FALSE", () => {
    expect(cellEquals("champions", "Champions")).toBe(true);
    expect(cellEquals("1", 1)).toBe(false);
    expect(cellEquals(1, true)).toBe(false);
    expect(cellEquals("", 0)).toBe(true);
    expect(cellEquals(null, false)).toBe(true);
    expect(cellEquals("", "")).toBe(true);
    expect(cellEquals("", "x")).toBe(false);
  });
});

describe("colourRules", () => {
  it("gives one rule per coloured value, in order of first appearance", () => {
    const values = ["Lost", "Champions", "Lost", "", "Champions"];
    const fills = ["#B0BEC5", "#1B5E20", "#B0BEC5", null, "#1B5E20"];
    const rules = colourRules(values, fills);
    expect(rules).toEqual([
      { value: "Lost", formula: '="Lost"', color: "#B0BEC5", fontColor: "#000000" },
      { value: "Champions", formula: '="Champions"', color: "#1B5E20", fontColor: "#FFFFFF" },
    ]);
    expect(shown(values, rules ?? [])).toEqual(fills);
  });

  it("is null when the colour does not follow the value as Excel compares values", () => {
    expect(colourRules(["A", "A"], ["#111111", "#222222"])).toBeNull();
    expect(colourRules(["A", "A"], ["#111111", null])).toBeNull();
    expect(colourRules(["Gold", "GOLD"], ["#111111", "#222222"])).toBeNull();
    expect(colourRules(["A", "B"], ["#111111"])).toBeNull();
    expect(colourRules(["12", "A"], ["#111111", "#222222"])).toBeNull();
    // A blank cell would take the colour of the rule for 0.
    expect(colourRules([0, ""], ["#111111", null])).toBeNull();
    const many = Array.from({ length: MAX_COLOUR_RULES + 1 }, (_, i) => `Client ${i}`);
    expect(
      colourRules(
        many,
        many.map(() => "#111111"),
      ),
    ).toBeNull();
  });

  it('colours blank cells with a rule for "" only when they have a fill', () => {
    expect(colourRules(["", "A", ""], ["#999999", "#111111", "#999999"])).toEqual([
      { value: "A", formula: '="A"', color: "#111111", fontColor: "#FFFFFF" },
      { value: "", formula: '=""', color: "#999999", fontColor: "#000000" },
    ]);
    expect(colourRules([0, ""], ["#111111", "#111111"])).toEqual([
      { value: 0, formula: "=0", color: "#111111", fontColor: "#FFFFFF" },
    ]);
    expect(colourRules(["A", "B"], [null, null])).toEqual([]);
  });

  it("when it gives rules, Excel shows exactly the requested fills (property)", () => {
    const palette = ["#111111", "#222222", "#333333"];
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom<CellValue>("Gold", "gold", "Silver", "", 0, 1, true, "Bronze"),
            fc.constantFrom(...palette, null),
          ),
          { maxLength: 30 },
        ),
        fc.boolean(),
        (cells, consistent) => {
          // Half the cases colour by value (consistent), half at random.
          const colourOf = new Map<string, string | null>();
          const values = cells.map(([value]) => value);
          const fills = cells.map(([value, fill]) => {
            const key = typeof value === "string" ? value.toLowerCase() : `${typeof value}${value}`;
            if (!consistent) return fill;
            if (!colourOf.has(key)) colourOf.set(key, fill);
            return colourOf.get(key) ?? null;
          });
          const rules = colourRules(values, fills);
          if (rules !== null) expect(shown(values, rules)).toEqual(fills);
        },
      ),
    );
  });
});
