import fc from "fast-check";
import { cellEquals, colourRules, equalsFormula, formulaValue, MAX_COLOUR_RULES } from "../../src/excel/colour-rules";
import type { CellValue } from "../../src/excel/workbook";

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
      { value: "Lost", formula: '="Lost"', color: "#B0BEC5" },
      { value: "Champions", formula: '="Champions"', color: "#1B5E20" },
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
      { value: "A", formula: '="A"', color: "#111111" },
      { value: "", formula: '=""', color: "#999999" },
    ]);
    expect(colourRules([0, ""], ["#111111", "#111111"])).toEqual([{ value: 0, formula: "=0", color: "#111111" }]);
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
