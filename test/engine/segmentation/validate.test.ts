import { canSegment, validateTable } from "../../../src/engine/segmentation/validate";
import type { ColumnMapping } from "../../../src/engine/segmentation/types";

const headers = ["Client", "Recency", "Frequency", "Monetary"];
const rfmMapping: ColumnMapping = {
  customerId: "Client",
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
};
const rfm = { kind: "rfm", bins: 5 } as const;
const good = [
  ["A", 10, 3, 25.5],
  ["B", 40, 1, 12.25],
  ["C", 5, 8, 70],
];

const summary = (issues: ReturnType<typeof validateTable>) => issues.map((issue) => [issue.key, issue.severity]);

describe("validateTable", () => {
  it("finds nothing wrong with a clean customer table", () => {
    expect(validateTable(headers, good, rfmMapping, "customers", { method: rfm })).toEqual([]);
  });

  it("refuses an empty table and a one-row table", () => {
    expect(summary(validateTable(headers, [], rfmMapping, "customers"))).toEqual([
      ["segmentation.issue.emptyTable", "error"],
    ]);
    expect(summary(validateTable(headers, [good[0]], rfmMapping, "customers"))).toEqual([
      ["segmentation.issue.oneRow", "error"],
    ]);
  });

  it("names non-numeric cells with A1 addresses when the table's origin is known", () => {
    const rows = [...good, ["D", "twelve", 2, 10], ["E", "#N/A", 2, 10]];
    const [errors, text] = validateTable(headers, rows, rfmMapping, "customers", "Sheet1!B3");
    // An Excel error is not "text such as 12 €": it gets its own advice (correct the formula).
    expect(errors).toEqual({
      key: "segmentation.issue.errorCells",
      params: { count: 1, column: "Recency", first: "C8" },
      cells: ["C8"],
      severity: "error",
    });
    expect(text).toEqual({
      key: "segmentation.issue.nonNumeric",
      params: { count: 1, column: "Recency", first: "C7" },
      cells: ["C7"],
      severity: "error",
    });
  });

  it("checks the quantile tiers' column as numbers even when it is the customer id, and asks for one when none", () => {
    const mapping = { ...rfmMapping, customerId: "Client" };
    const method = { kind: "quantileTiers" as const, column: "Client", tiers: 4 };
    const issues = validateTable(headers, good, mapping, "customers", { method, origin: "A1" });
    expect(issues.map((issue) => issue.key)).toContain("segmentation.issue.nonNumeric");
    const none = validateTable(headers, good, mapping, "customers", { method: { ...method, column: "" } });
    expect(none.map((issue) => issue.key)).toEqual(["segmentation.issue.noTierColumn"]);
  });

  it("names rows (1-based within the data) when the origin is unknown, in the user's language", () => {
    const rows = [...good, ["D", 3, "", 10]];
    const [issue] = validateTable(headers, rows, rfmMapping, "customers", { locale: "fr" });
    expect(issue.key).toBe("segmentation.issue.blank");
    expect(issue.cells).toEqual(["ligne 4"]);
  });

  it("accepts numbers typed as text, as Excel does", () => {
    const rows = [...good, ["D", "12", "2", "10.5"]];
    expect(validateTable(headers, rows, rfmMapping, "customers")).toEqual([]);
  });

  it("lists at most five cells but counts them all", () => {
    const rows = Array.from({ length: 8 }, (_, i) => [`C${i}`, "x", 1, 1]);
    const [issue] = validateTable(headers, rows, rfmMapping, "customers");
    expect(issue.params.count).toBe(8);
    expect(issue.cells).toHaveLength(5);
  });

  it("reports duplicated customer ids in a customer table, with the first duplicate", () => {
    const rows = [...good, ["B", 1, 1, 1], [42, 1, 1, 1], ["42", 2, 2, 2], ["B", 3, 3, 3]];
    const issues = validateTable(headers, rows, rfmMapping, "customers", "A1");
    expect(issues).toEqual([
      {
        key: "segmentation.issue.duplicateId",
        params: { count: 2, column: "Client", first: "A5", id: "B" },
        cells: ["A5", "A7"],
        severity: "error",
      },
    ]);
  });

  it("reports blank ids", () => {
    const rows = [...good, ["", 1, 1, 1]];
    expect(summary(validateTable(headers, rows, rfmMapping, "customers"))).toEqual([
      ["segmentation.issue.blankId", "error"],
    ]);
  });

  it("negative counts are errors, negative spend in a customer table is a warning", () => {
    const rows = [...good, ["D", -1, 1, -5]];
    expect(summary(validateTable(headers, rows, rfmMapping, "customers"))).toEqual([
      ["segmentation.issue.negativeCount", "error"],
      ["segmentation.issue.negativeValue", "warning"],
    ]);
  });

  it("requires the roles the method needs", () => {
    const issues = validateTable(headers, good, { customerId: "Client", recency: "Recency" }, "customers", {
      method: rfm,
    });
    expect(issues.map((issue) => issue.params.role)).toEqual(["frequency", "monetary value"]);
  });

  it("says when a mapped column is gone", () => {
    const issues = validateTable(headers, good, { ...rfmMapping, monetary: "Spend" }, "customers");
    expect(issues[0]).toMatchObject({ key: "segmentation.issue.headerNotFound", params: { header: "Spend" } });
  });

  it("checks the quantile column even when it is not mapped", () => {
    const rows = [...good, ["D", 1, "many", 1]];
    const issues = validateTable(headers, rows, { customerId: "Client" }, "customers", {
      method: { kind: "quantileTiers", column: "Frequency", tiers: 4 },
    });
    expect(summary(issues)).toEqual([["segmentation.issue.nonNumeric", "error"]]);
  });

  it("refuses CLV tiers on a customer table", () => {
    const method = {
      kind: "clvTiers",
      split: "deciles",
      horizonMonths: 12,
      discountRate: 0.1,
      margin: 0.3,
      timeUnit: "weeks",
    } as const;
    expect(summary(validateTable(headers, good, rfmMapping, "customers", { method }))).toEqual([
      ["selection.issue.clvNeedsHistory", "error"],
    ]);
  });

  describe("transaction logs", () => {
    const logHeaders = ["Customer", "Date", "Amount"];
    const logMapping: ColumnMapping = { customerId: "Customer", date: "Date", amount: "Amount" };
    it("allows repeated ids, warns about refunds and still lets segmentation run", () => {
      const rows = [
        ["A", 45000, 10],
        ["A", 45010, -4],
        ["B", 45003, 7],
      ];
      const issues = validateTable(logHeaders, rows, logMapping, "transactions", "A1");
      expect(issues).toEqual([
        {
          key: "segmentation.issue.negativeAmount",
          params: { count: 1, column: "Amount", first: "C3" },
          cells: ["C3"],
          severity: "warning",
        },
      ]);
      expect(canSegment(issues)).toBe(true);
    });
    it("refuses text dates and a log of one customer", () => {
      const rows = [
        ["A", "2024-01-03", 10],
        ["A", 45010, 4],
      ];
      expect(summary(validateTable(logHeaders, rows, logMapping, "transactions"))).toEqual([
        ["segmentation.issue.oneCustomer", "error"],
        ["segmentation.issue.invalidDate", "error"],
      ]);
    });
    it("requires customer, date and amount", () => {
      const issues = validateTable(
        logHeaders,
        [
          ["A", 1, 1],
          ["B", 2, 2],
        ],
        { customerId: "Customer" },
        "transactions",
      );
      expect(issues.map((issue) => issue.key)).toEqual([
        "segmentation.issue.missingRole",
        "segmentation.issue.missingRole",
      ]);
    });
  });
});
