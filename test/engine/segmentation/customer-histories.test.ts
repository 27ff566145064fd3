import "../../../src/i18n/all";
import { InputError } from "../../../src/engine/errors";
import { suggestMapping } from "../../../src/engine/segmentation/mapping";
import { parseRecipe, serializeRecipe } from "../../../src/engine/segmentation/recipe";
import { segmentTable } from "../../../src/engine/segmentation/segment";
import { customerTableSummary } from "../../../src/engine/segmentation/customer-histories";
import type { ColumnMapping, Recipe, SegmentationMethod } from "../../../src/engine/segmentation/types";
import { validateTable } from "../../../src/engine/segmentation/validate";
import type { CellValue } from "../../../src/engine/sheet-data";
import { excelSerial } from "../../../src/engine/transactions/dates";
import { summarizeTransactions } from "../../../src/engine/transactions/summary";
import { t } from "../../../src/i18n";
import { cdnowLog } from "../../support/cdnow";

const clv = (purchaseModel?: "best" | "bgnbd" | "mbgnbd" | "pnbd", extra = {}) =>
  ({
    kind: "clvTiers",
    split: "20-30-50",
    horizonMonths: 12,
    discountRate: 0.1,
    margin: 0.3,
    timeUnit: "weeks",
    ...(purchaseModel ? { purchaseModel } : {}),
    ...extra,
  }) as Extract<SegmentationMethod, { kind: "clvTiers" }>;

const headers = ["Customer", "First purchase", "Last purchase", "Orders", "Average spend"];
const mapping: ColumnMapping = {
  customerId: "Customer",
  firstPurchase: "First purchase",
  lastPurchase: "Last purchase",
  frequency: "Orders",
  monetary: "Average spend",
};

describe("histories from a customer table", () => {
  test("x = orders − 1, t_x = last − first, T = as-of − first, in the method's unit", () => {
    const rows: CellValue[][] = [
      ["A", 45000, 45070, 5, 20],
      ["B", 45014, 45014, 1, 35],
      ["C", 45007.75, 45091.2, 3, 12.5],
    ];
    const summary = customerTableSummary(headers, rows, mapping, clv(), 45098);
    expect(Array.from(summary.frequency)).toEqual([4, 0, 2]);
    expect(Array.from(summary.recency)).toEqual([10, 0, 12]);
    expect(Array.from(summary.age)).toEqual([14, 12, 13]);
    expect(Array.from(summary.monetary)).toEqual([20, 0, 12.5]);
    expect(Array.from(summary.totalAmount)).toEqual([100, 35, 37.5]);
    expect(summary.ids).toEqual(["A", "B", "C"]);
    // Without an as-of date, the latest last purchase.
    expect(customerTableSummary(headers, rows, mapping, clv()).asOf).toBe(45091);
  });

  test("gives the CLV a transaction log gives when the table holds that log's histories (CDNOW)", () => {
    const log = cdnowLog();
    const s = summarizeTransactions(log.ids, log.dates, log.amounts, { timeUnit: "days" });
    const table: CellValue[][] = s.ids.map((id, c) => [
      id,
      s.firstPurchase[c],
      s.lastPurchase[c],
      s.frequency[c] + 1,
      s.frequency[c] > 0 ? s.monetary[c] : s.averageBasket[c],
    ]);
    const fromTable = segmentTable(headers, table, mapping, "customers", clv("mbgnbd"), "en");
    const logHeaders = ["Customer", "Date", "Amount"];
    const logRows: CellValue[][] = log.ids.map((id, i) => [id, log.dates[i], log.amounts[i]]);
    const fromLog = segmentTable(
      logHeaders,
      logRows,
      { customerId: "Customer", date: "Date", amount: "Amount" },
      "transactions",
      clv("mbgnbd"),
      "en",
    );
    const clvOf = (result: typeof fromLog) => result.perCustomer!.clv!;
    expect(clvOf(fromTable)).toHaveLength(s.count);
    clvOf(fromTable).forEach((value, c) => expect(value).toBeCloseTo(clvOf(fromLog)[c], 6));
    expect(fromTable.preview.map((p) => p.customers)).toEqual(fromLog.preview.map((p) => p.customers));
    expect(fromTable.context?.models?.[0]).toEqual({ role: "purchases", model: "MBG/NBD", status: "converged" });
  });

  test("best on holdout has nothing to hold out in a customer table: MBG/NBD, and the warning says why", () => {
    const rows: CellValue[][] = Array.from({ length: 40 }, (_, i) => [
      `K${i}`,
      45000 + i,
      45000 + i + (i % 4) * 30,
      1 + (i % 4),
      10 + i,
    ]);
    const result = segmentTable(headers, rows, mapping, "customers", clv("best", { winBack: true }), "en");
    expect(result.context?.models?.[0].model).toBe("MBG/NBD");
    expect(result.context?.purchaseChoice?.by).toBe("fallback");
    const warning = result.warnings.find((w) => w.key === "selection.fallback")!;
    expect(t(warning.key, warning.params, "en")).toContain("a customer table gives no purchase dates to hold out");
    expect(result.columns.map((c) => c.header)).toEqual(["Tier", "CLV", "P(alive)"]);
    expect(result.winBackSheet).toBeDefined();
  });
});

describe("checks of a customer table for CLV tiers", () => {
  const keys = (issues: ReturnType<typeof validateTable>) => issues.map((issue) => [issue.key, issue.severity]);

  test("without the purchase dates it says which columns to choose", () => {
    const rows: CellValue[][] = [
      ["A", 3, 20],
      ["B", 1, 35],
    ];
    const issues = validateTable(
      ["Customer", "Orders", "Spend"],
      rows,
      { customerId: "Customer", frequency: "Orders", monetary: "Spend" },
      "customers",
      { method: clv() },
    );
    expect(keys(issues)).toEqual([["selection.issue.clvNeedsHistory", "error"]]);
    expect(t("selection.issue.clvNeedsHistory", {}, "fr")).toMatch(/dates du premier et du dernier achat/);
  });

  test("names the cells of impossible histories, in A1 from the table's origin", () => {
    const rows: CellValue[][] = [
      ["A", 45000, 44990, 2, 20], // last before first
      ["B", 45000, 45010, 0, 20], // no order
      ["C", 45000, 45010, 2.5, 20], // half an order
      ["D", 45000, 45020, 1, 20], // one order, two dates: a warning
      ["E", 45000, 45200, 3, 20], // after the as-of date
    ];
    const issues = validateTable(headers, rows, mapping, "customers", { method: clv(), origin: "B2", asOf: 45100 });
    expect(keys(issues)).toEqual([
      ["selection.issue.lastBeforeFirst", "error"],
      ["selection.issue.ordersNotWhole", "error"],
      ["selection.issue.oneOrderTwoDates", "warning"],
      ["selection.issue.afterAsOf", "error"],
    ]);
    const byKey = Object.fromEntries(issues.map((issue) => [issue.key, issue]));
    expect(byKey["selection.issue.lastBeforeFirst"].cells).toEqual(["D3"]);
    expect(byKey["selection.issue.ordersNotWhole"].cells).toEqual(["E4", "E5"]);
    expect(byKey["selection.issue.afterAsOf"].params.asOf).toBe("2023-06-23");
    const error = (() => {
      try {
        segmentTable(headers, rows, mapping, "customers", clv(), "fr", { asOf: 45100 });
      } catch (e) {
        return e as InputError;
      }
    })();
    expect(error?.key).toBe("selection.issue.lastBeforeFirst");
    expect(t(error!.key, error!.params, "fr")).toMatch(/^« Last purchase » a des derniers achats antérieurs/);
  });

  test("dates typed as text are refused like any date column", () => {
    const rows: CellValue[][] = [
      ["A", "2023-01-01", 45010, 2, 20],
      ["B", 45000, 45010, 2, 20],
    ];
    const issues = validateTable(headers, rows, mapping, "customers", { method: clv() });
    expect(keys(issues)).toEqual([["segmentation.issue.invalidDate", "error"]]);
  });

  test("RFM ignores the purchase-date columns (blanks and all)", () => {
    const rows: CellValue[][] = [
      ["A", "", 45010, 2, 20],
      ["B", 45000, "", 2, 20],
    ];
    const withRecency = { ...mapping, recency: "Orders" };
    expect(validateTable(headers, rows, withRecency, "customers", { method: { kind: "rfm", bins: 5 } })).toEqual([]);
  });
});

describe("mapping a customer table with purchase dates", () => {
  const sample = (n: number): CellValue[][] =>
    Array.from({ length: n }, (_, i) => [
      `C${i}`,
      excelSerial(2023, 1, 1) + i,
      excelSerial(2024, 1, 1) + i,
      1 + (i % 5),
      10.5 + i,
    ]);

  test.each([
    [["Customer ID", "First order date", "Last order date", "Number of orders", "Average order value"]],
    [["Client", "Date premier achat", "Date du dernier achat", "Nombre de commandes", "Panier moyen"]],
    [["N° client", "Première commande", "Dernière commande", "Commandes", "Montant moyen"]],
    [["customer", "first purchase", "last purchase", "orders", "aov"]],
  ])("%j", (names) => {
    const { shape, mapping: guessed } = suggestMapping(names, sample(30));
    expect(shape).toBe("customers");
    expect(guessed).toMatchObject({
      customerId: names[0],
      firstPurchase: names[1],
      lastPurchase: names[2],
      frequency: names[3],
      monetary: names[4],
    });
  });

  test("a 'days since last purchase' column of numbers is still the recency", () => {
    const rows: CellValue[][] = Array.from({ length: 20 }, (_, i) => [`C${i}`, 3 + i, 1 + (i % 4), 20.5 + i]);
    const { mapping: guessed } = suggestMapping(["Customer", "Days since last purchase", "Orders", "Spend"], rows);
    expect(guessed.recency).toBe("Days since last purchase");
    expect(guessed.lastPurchase).toBeUndefined();
  });

  test("the recipe keeps the date roles", () => {
    const recipe: Recipe = {
      version: 1,
      tableName: "Clients",
      shape: "customers",
      mapping,
      method: clv("best"),
      ownColumns: ["Tier"],
      summarySheet: "Segments",
      appliedAt: "2025-03-01T10:00:00.000Z",
    };
    expect(parseRecipe(serializeRecipe(recipe))).toEqual(recipe);
  });
});
