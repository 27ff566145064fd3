import { formatCell, serialToIsoDate } from "../../src/workbench/cell-format";

describe("formatCell", () => {
  it("writes serial dates as ISO dates", () => {
    expect(serialToIsoDate(44927)).toBe("2023-01-01");
    expect(formatCell(45657, "yyyy-mm-dd", "fr")).toBe("2024-12-31");
  });

  it("follows decimals, grouping and percent in each language", () => {
    expect(formatCell(1234.5, "#,##0.00", "en")).toBe("1,234.50");
    expect(formatCell(1234.5, "#,##0.00", "fr").replace(/\s/g, " ")).toBe("1 234,50");
    expect(formatCell(0.256, "0.0%", "en")).toBe("25.6%");
    expect(formatCell(3.7, "0", "en")).toBe("4");
    expect(formatCell(0.1 + 0.2, undefined, "en")).toBe("0.3");
  });

  it("leaves text and booleans as Excel shows them", () => {
    expect(formatCell("n/a", "0", "en")).toBe("n/a");
    expect(formatCell(true, undefined, "fr")).toBe("TRUE");
  });
});
