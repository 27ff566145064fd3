import "../../../src/i18n/all";
import { accuracyLine, modelSheet, signedPercent } from "../../../src/engine/segmentation/model-sheet";
import { t } from "../../../src/i18n";
import { MemoryWorkbook } from "../../../src/workbench/memory-workbook";
import { FIRST_PURCHASE as first, sampleModelReport as report } from "../../support/model-report";

const about = {
  tableName: "Orders",
  writtenAt: "2026-12-01T10:00:00Z",
  findings: [
    {
      key: "segmentation.issue.noRepeatBuyers" as const,
      params: {},
      cells: ["A3", "A4"],
      severity: "warning" as const,
    },
  ],
};

const find = (rows: unknown[][], label: string) => rows.findIndex((row) => row[0] === label);

describe("the headline accuracy line", () => {
  test("says predicted, actual, the signed error and the MAE per customer, in each language", () => {
    expect(accuracyLine(report(), "en")).toBe(
      "Holdout purchases: predicted 1,652, actual 1,881, −12.2 %; mean absolute error 0.561 per customer.",
    );
    expect(accuracyLine(report(), "fr").replace(/[\u00a0\u202f]/g, " ")).toBe(
      "Achats de la période de validation : prévus 1 652, réels 1 881, −12,2 % ; erreur absolue moyenne 0,561 par client.",
    );
    expect(signedPercent(0.05, "en")).toBe("+5 %");
  });

  test("says why there is no holdout", () => {
    const fallback = { key: "selection.noHoldoutPurchases" as const, params: {} };
    const without = report({ holdout: undefined, comparison: undefined, fallback, calibrationEnd: null });
    expect(accuracyLine(without, "en")).toBe(
      `No holdout could be made: ${t("selection.noHoldoutPurchases", {}, "en")}`,
    );
    expect(accuracyLine(report({ holdout: undefined, comparison: undefined }), "en")).toMatch(/chosen in Method/);
  });
});

describe("the Model sheet", () => {
  const sheet = modelSheet(report(), "en", about);

  test("is a rectangle of labelled blocks: about, accuracy, comparison, parameters, findings, holdout, tracking", () => {
    const width = sheet.rows[0].length;
    expect(sheet.rows.every((row) => row.length === width)).toBe(true);
    // Fixed widths, so the long lines run over instead of widening column A.
    expect(sheet.columnWidths).toHaveLength(width);
    expect(sheet.name).toBe("Model");
    expect(sheet.rows[0][0]).toBe("Purchase model behind the value tiers of Orders");
    const order = [
      "About the model and the data",
      "Accuracy on the holdout",
      "Model comparison: fitted on the calibration period, judged on the holdout",
      "Parameters of MBG/NBD, fitted on the whole window (the predictions use them)",
      "Data quality",
      "Holdout purchases by repeat purchases in calibration (mean per customer)",
      "Tracking: repeat purchases of the tracked customers per period (weeks), actual vs model",
    ].map((label) => find(sheet.rows, label));
    expect(order.every((row) => row > 0)).toBe(true);
    expect([...order].sort((p, q) => p - q)).toEqual(order);
    expect(sheet.rows[order[1] + 1][0]).toBe(accuracyLine(report(), "en"));
    expect(sheet.rows[find(sheet.rows, "Purchase model used")][1]).toBe("MBG/NBD");
    expect(sheet.rows[find(sheet.rows, "Calibration period")].slice(1, 3)).toEqual([first, first + 30]);
    expect(sheet.rows[find(sheet.rows, "Add-in version")][1]).toBe("0.1.0");
    // The comparison: one row per model, the chosen one marked; the status keyword as CUST.FIT writes it.
    const comparison = order[2] + 1;
    expect(sheet.rows[comparison + 2].slice(0, 4)).toEqual(["MBG/NBD", -9000.5, 18009, 18030]);
    expect(sheet.rows[comparison + 2].slice(8, 10)).toEqual(["converged", "yes"]);
    expect(sheet.rows[comparison + 1][9]).toBe("");
    // A standard error that is not known is a blank cell, never NaN.
    expect(sheet.rows[find(sheet.rows, "alpha")].slice(0, 3)).toEqual(["alpha", 4.1, ""]);
    expect(sheet.rows.flat().some((cell) => typeof cell === "number" && !Number.isFinite(cell))).toBe(false);
    // The findings in words with their cells.
    expect(sheet.rows[order[4] + 1].slice(0, 2)).toEqual([t("segmentation.issue.noRepeatBuyers", {}, "en"), "A3, A4"]);
    // The last frequency group collects 7 or more.
    expect(sheet.rows[order[5] + 4][0]).toBe("7+");
  });

  test("charts the tracking and the holdout with the right series, the end of calibration marked", async () => {
    const workbook = new MemoryWorkbook();
    const written = await workbook.writeSheet(sheet);
    expect(written.ok).toBe(true);
    const charts = workbook.charts();
    expect(charts.map((chart) => [chart.title, chart.type])).toEqual([
      ["Holdout purchases per customer by calibration frequency", "column"],
      ["Cumulative repeat purchases: actual vs model", "line"],
      ["Repeat purchases per period: actual vs model", "line"],
    ]);
    const [holdout, cumulative, incremental] = charts;
    expect(holdout.categories).toEqual(["0", "1", "7+"]);
    expect(holdout.series?.map((s) => [s.name, s.values])).toEqual([
      ["Actual", [0.2, 0.8, 4]],
      ["Predicted", [0.25, 0.7, 3.5]],
    ]);
    expect(cumulative.categories).toEqual([1, 2, 3, 4, 5, 6]);
    expect(cumulative.series?.map((s) => [s.name, s.type])).toEqual([
      ["Actual cumulative", "line"],
      ["Model cumulative", "line"],
      ["End of calibration (cumulative)", "column"],
    ]);
    expect(cumulative.series?.[0].values).toEqual([2, 6, 12, 20, 30, 42]);
    // One marker, at the last calibration period, as tall as the chart's largest value.
    const marker = cumulative.series?.[2].values ?? [];
    expect(marker.map((value) => value === "")).toEqual([true, true, true, false, true, true]);
    expect(marker[3]).toBeCloseTo(1.05 * 6 * 7);
    expect(incremental.series?.map((s) => s.name)).toEqual(["Actual", "Model", "End of calibration"]);
    expect(incremental.series?.[2].values[3]).toBeCloseTo(12.6);
    expect(incremental.valueAxisTitle).toBe("Repeat purchases");
  });

  test("without a holdout: the tracking without a marker, no comparison and no holdout chart", () => {
    const fallback = { key: "selection.holdoutTooShort" as const, params: { days: 10, min: 28 } };
    const alone = modelSheet(
      report({ holdout: undefined, comparison: undefined, fallback, calibrationEnd: null, calibrationPeriods: 6 }),
      "fr",
      { ...about, findings: [] },
    );
    expect(alone.name).toBe("Modèle");
    expect(find(alone.rows, "Aucune remarque sur la qualité des données.")).toBeGreaterThan(0);
    expect(alone.charts?.map((chart) => chart.moreValues?.length)).toEqual([1, 1]);
    expect(alone.rows.flat()).not.toContain("Fin de la calibration");
  });
});
