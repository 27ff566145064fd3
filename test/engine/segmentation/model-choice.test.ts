import "../../../src/i18n/all";
import { parseRecipe, serializeRecipe } from "../../../src/engine/segmentation/recipe";
import { segmentTable } from "../../../src/engine/segmentation/segment";
import { segmentSummarySheet } from "../../../src/engine/segmentation/summary-sheet";
import type { ColumnMapping, Recipe, SegmentationMethod } from "../../../src/engine/segmentation/types";
import type { CellValue } from "../../../src/engine/sheet-data";
import { InputError } from "../../../src/engine/errors";
import { t } from "../../../src/i18n";
import { cdnowLog } from "../../support/cdnow";

const headers = ["Customer", "Date", "Amount"];
const mapping: ColumnMapping = { customerId: "Customer", date: "Date", amount: "Amount" };
const clv = (purchaseModel?: "best" | "bgnbd" | "mbgnbd" | "pnbd"): SegmentationMethod => ({
  kind: "clvTiers",
  split: "20-30-50",
  horizonMonths: 12,
  discountRate: 0.1,
  margin: 0.3,
  timeUnit: "weeks",
  ...(purchaseModel ? { purchaseModel } : {}),
});

const log = cdnowLog();
const rows: CellValue[][] = log.ids.map((id, i) => [id, log.dates[i], log.amounts[i]]);

describe("the recipe's purchase model", () => {
  const recipe = (method: unknown) =>
    JSON.stringify({
      version: 1,
      tableName: "Orders",
      shape: "transactions",
      mapping,
      method,
      ownColumns: ["Tier"],
      summarySheet: "Segments",
      appliedAt: "2025-03-01T10:00:00.000Z",
    });

  test("is absent from recipes written before the choice (they refresh with BG/NBD)", () => {
    const parsed = parseRecipe(recipe(clv())) as Recipe;
    expect(parsed.method).toEqual(clv());
    expect("purchaseModel" in parsed.method).toBe(false);
  });

  test.each(["best", "bgnbd", "mbgnbd", "pnbd"] as const)("%s round-trips", (model) => {
    const parsed = parseRecipe(recipe(clv(model))) as Recipe;
    expect(parsed.method).toEqual(clv(model));
    expect(parseRecipe(serializeRecipe(parsed))).toEqual(parsed);
  });

  test.each(["nbd", "bgbb", "BG/NBD", 3])("refuses %p, naming the field", (model) => {
    const parsed = parseRecipe(recipe({ ...clv(), purchaseModel: model }));
    expect(parsed).toBeInstanceOf(InputError);
    expect((parsed as InputError).params.field).toBe("method.purchaseModel");
  });
});

describe("CLV tiers on the CDNOW sample log", () => {
  const run = (method: SegmentationMethod) => segmentTable(headers, rows, mapping, "transactions", method, "en");
  const best = run(clv("best"));
  const bgnbd = run(clv("bgnbd"));
  const aliveOf = (result: ReturnType<typeof run>) => result.columns.find((c) => c.header === "P(alive)")!.values;
  /** Rows of customers who bought on one day only and were last seen over a year before the end of the log. */
  const last = Math.max(...log.dates);
  const seen = new Map<string, number[]>();
  log.ids.forEach((id, i) => seen.set(id, [...(seen.get(id) ?? []), log.dates[i]]));
  const longGoneOnce = rows
    .map((row, i) => ({ i, days: seen.get(row[0] as string)! }))
    .filter(({ days }) => new Set(days).size === 1 && last - days[0] > 365)
    .map(({ i }) => i);

  test("best on holdout chooses MBG/NBD, says so, and names it in the assumptions", () => {
    expect(best.context?.purchaseChoice).toEqual({ setting: "best", by: "holdout" });
    expect(best.context?.comparison?.chosen).toBe("mbgnbd");
    expect(best.context?.comparison?.rows.map((r) => r.label)).toEqual(["BG/NBD", "MBG/NBD", "Pareto/NBD"]);
    expect(best.context?.models?.[0]).toEqual({ role: "purchases", model: "MBG/NBD", status: "converged" });
    expect(best.warnings.map((w) => w.key)).not.toContain("selection.bgnbdOneTimeBuyers");
  });

  test("one-time buyers last seen over a year ago are no longer 100 % alive", () => {
    expect(longGoneOnce.length).toBeGreaterThan(1000);
    for (const i of longGoneOnce) {
      expect(aliveOf(best)[i] as number).toBeLessThan(0.6);
      expect(aliveOf(bgnbd)[i]).toBe(1);
    }
  });

  test("BG/NBD chosen by hand says why its one-time buyers are all alive", () => {
    const warning = bgnbd.warnings.find((w) => w.key === "selection.bgnbdOneTimeBuyers");
    expect(warning).toBeDefined();
    expect(t(warning!.key, warning!.params, "en")).toContain("P(alive) = 100 %");
    expect(t(warning!.key, warning!.params, "fr")).toContain("P(actif) = 100 %");
    expect(bgnbd.context?.purchaseChoice).toEqual({ setting: "bgnbd", by: "given" });
    expect(bgnbd.context?.comparison).toBeUndefined();
  });

  test("the Segments sheet names the model used and the comparison's winner, with every candidate's error", () => {
    const about = { tableName: "Orders", shape: "transactions" as const, writtenAt: "2025-03-01T10:00:00.000Z" };
    const sheet = segmentSummarySheet(best, "en", { ...about, method: clv("best") });
    const rowOf = (label: string) => sheet.rows.find((row) => row[0] === label);
    expect(rowOf("Purchase model")?.slice(1, 3)).toEqual(["MBG/NBD", "converged"]);
    const chosen = rowOf("How the purchase model was chosen")?.[1] as string;
    expect(chosen).toMatch(/^Best on holdout: MBG\/NBD predicted the purchases of 1997-12-31 – 1998-06-30 best/);
    expect(chosen).toMatch(/BG\/NBD 0\.52; MBG\/NBD 0\.508; Pareto\/NBD 0\.508/);
    // A model given by name (and a recipe from before the choice) has no such line.
    const given = segmentSummarySheet(bgnbd, "en", { ...about, method: clv() });
    expect(given.rows.find((row) => row[0] === "How the purchase model was chosen")).toBeUndefined();
    const fr = segmentSummarySheet(best, "fr", { ...about, method: clv("best") });
    expect(fr.rows.find((row) => row[0] === "Choix du modèle d'achat")?.[1]).toMatch(
      /^Meilleur sur validation : MBG\/NBD/,
    );
  });

  test("a recipe without the field gives the same tiers and columns as BG/NBD did", () => {
    const legacy = run(clv());
    expect(legacy.columns).toEqual(bgnbd.columns);
    expect(legacy.preview).toEqual(bgnbd.preview);
    expect(legacy.context?.models?.[0].model).toBe("BG/NBD");
  });
});

test("a log too short for a holdout falls back to MBG/NBD and says why", () => {
  const short: CellValue[][] = [];
  for (let k = 0; k < 30; k++) short.push([`C${k}`, 45000 + k, 10], [`C${k}`, 45010 + k, 12]);
  const result = segmentTable(headers, short, mapping, "transactions", clv("best"), "fr");
  expect(result.context?.models?.[0].model).toBe("MBG/NBD");
  expect(result.context?.purchaseChoice?.by).toBe("fallback");
  const warning = result.warnings.find((w) => w.key === "selection.fallback");
  expect(warning).toBeDefined();
  const text = t(warning!.key, warning!.params, "fr");
  expect(text).toContain("MBG/NBD");
  expect(text).toContain("jours de période de validation");
});
