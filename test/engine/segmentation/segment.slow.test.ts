import fc from "fast-check";
import { InputError } from "../../../src/engine/errors";
import { segmentTable, toQuintileScale } from "../../../src/engine/segmentation/segment";
import { segmentSummarySheet } from "../../../src/engine/segmentation/summary-sheet";
import type { ColumnMapping, SegmentationMethod } from "../../../src/engine/segmentation/types";
import type { CellValue } from "../../../src/engine/sheet-data";
import { formatNumber, t } from "../../../src/i18n";

const headers = ["Client", "Recency", "Frequency", "Monetary"];
const mapping: ColumnMapping = {
  customerId: "Client",
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
};
const rfm: SegmentationMethod = { kind: "rfm", bins: 5 };

/** 25 customers on a 5 × 5 grid of recency and frequency, so every (R, F) cell holds exactly one customer. */
const grid: CellValue[][] = Array.from({ length: 25 }, (_, i) => {
  const r = Math.floor(i / 5);
  const f = i % 5;
  return [`C${i}`, 100 - r * 20, 1 + f * 3, 10 + i];
});

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("quantile tiers on the customer id column", () => {
  it("numeric ids are tiered like any number; text ids are refused with a message, never a crash", () => {
    const numeric = grid.map((row, i) => [1000 + i, ...row.slice(1)]);
    const tiers = segmentTable(
      headers,
      numeric,
      mapping,
      "customers",
      { kind: "quantileTiers", column: "Client", tiers: 4 },
      "en",
    );
    expect(tiers.preview.reduce((sum, segment) => sum + segment.customers, 0)).toBe(25);
    const error = thrown(() =>
      segmentTable(headers, grid, mapping, "customers", { kind: "quantileTiers", column: "Client", tiers: 4 }, "en"),
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).key).toBe("segmentation.issue.nonNumeric");
  });
});

describe("segmentTable on a customer table, RFM", () => {
  const result = segmentTable(headers, grid, mapping, "customers", rfm, "en");

  it("places the 25 (R, F) cells in the 10-segment map", () => {
    const counts = Object.fromEntries(result.preview.map((s) => [s.segmentId, s.customers]));
    expect(counts).toEqual({
      champions: 2,
      loyalCustomers: 4,
      potentialLoyalists: 4,
      newCustomers: 1,
      promising: 1,
      needAttention: 1,
      aboutToSleep: 2,
      atRisk: 4,
      cantLoseThem: 2,
      hibernating: 4,
    });
  });

  it("writes the segment name, its colour, and the R, F, M scores and code per row", () => {
    expect(result.columns.map((c) => c.header)).toEqual(["Segment", "R score", "F score", "M score", "RFM code"]);
    // The most recent (recency 20) and most frequent (13) customer: row 24.
    expect(result.columns.map((c) => c.values[24])).toEqual(["Champions", 5, 5, 5, 555]);
    expect(result.columns[0].fills![24]).toBe("#1B5E20");
    expect(result.columns.map((c) => c.values[0])).toEqual(["Hibernating", 1, 1, 1, 111]);
  });

  it("reports the thresholds used and the value as revenue (frequency × monetary)", () => {
    expect(result.thresholds.map((th) => th.label)).toEqual(["Recency breaks", "Frequency breaks", "Monetary breaks"]);
    expect(result.thresholds[1].breaks).toHaveLength(4);
    expect(result.valueKey).toBe("segmentation.value.revenue");
    const total = grid.reduce((sum, row) => sum + (row[2] as number) * (row[3] as number), 0);
    expect(result.preview.reduce((sum, s) => sum + s.value, 0)).toBeCloseTo(total, 6);
    expect(result.preview.every((s) => s.revenue === s.value)).toBe(true);
  });

  it("speaks French when asked", () => {
    const fr = segmentTable(headers, grid, mapping, "customers", rfm, "fr");
    expect(fr.columns[0].header).toBe("Segment");
    expect(fr.columns[0].values[0]).toBe("En hibernation");
    expect(fr.columns[4].header).toBe("Code RFM");
  });

  it("warns when a skewed column cannot fill every bin", () => {
    const skewed = grid.map((row, i) => [row[0], row[1], i < 20 ? 1 : 2, row[3]]);
    const { warnings } = segmentTable(headers, skewed, mapping, "customers", rfm, "en");
    expect(warnings).toEqual([
      {
        key: "segmentation.issue.fewDistinct",
        params: { column: "Frequency", distinct: 2, bins: 5 },
        cells: [],
        severity: "warning",
      },
    ]);
  });

  it("refuses bad data with the first data-quality error, never a silent segment", () => {
    const error = thrown(() => segmentTable(headers, [...grid, ["X", "soon", 1, 1]], mapping, "customers", rfm, "en"));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).key).toBe("segmentation.issue.nonNumeric");
    expect((error as InputError).params).toMatchObject({ column: "Recency", first: "row 26" });
    const empty = thrown(() => segmentTable(headers, [], mapping, "customers", rfm, "en")) as InputError;
    expect(empty.key).toBe("segmentation.issue.emptyTable");
  });

  it("refuses invalid settings", () => {
    const error = thrown(() => segmentTable(headers, grid, mapping, "customers", { kind: "rfm", bins: 1 }, "en"));
    expect((error as InputError).params).toEqual({ detail: "method.bins" });
  });

  it("uses a mapped value column as the value measure", () => {
    const withValue = grid.map((row, i) => [...row, i % 2 === 0 ? 100 : 0]);
    const result2 = segmentTable([...headers, "CLV"], withValue, { ...mapping, value: "CLV" }, "customers", rfm, "en");
    expect(result2.valueKey).toBe("segmentation.value.column");
    expect(result2.valueParams).toEqual({ column: "CLV" });
    expect(result2.preview.reduce((sum, s) => sum + s.value, 0)).toBe(1300);
  });
});

describe("toQuintileScale", () => {
  it("keeps quintiles, and places quartiles and deciles by their bin centre", () => {
    expect([1, 2, 3, 4, 5].map((s) => toQuintileScale(s, 5))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3, 4].map((s) => toQuintileScale(s, 4))).toEqual([1, 2, 4, 5]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((s) => toQuintileScale(s, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe("quantile tiers", () => {
  it("puts the highest values in tier 1, equal values in the same tier", () => {
    const rows = [
      ["a", 10],
      ["b", 40],
      ["c", 20],
      ["d", 40],
      ["e", 30],
      ["f", 0],
    ];
    const result = segmentTable(
      ["id", "Spend"],
      rows,
      { customerId: "id" },
      "customers",
      {
        kind: "quantileTiers",
        column: "Spend",
        tiers: 2,
      },
      "en",
    );
    expect(result.columns[0].header).toBe("Tier");
    expect(result.columns[0].values).toEqual(["Tier 2", "Tier 1", "Tier 2", "Tier 1", "Tier 1", "Tier 2"]);
    expect(result.thresholds).toEqual([{ label: '"Spend" breaks', breaks: [25] }]);
    expect(result.preview.map((s) => [s.customers, s.value])).toEqual([
      [3, 110],
      [3, 30],
    ]);
    expect(result.preview[0].valueShare).toBeCloseTo(110 / 140, 12);
  });
});

describe("segmentTable on a transaction log", () => {
  const logHeaders = ["Customer", "Date", "Amount"];
  const logMapping: ColumnMapping = { customerId: "Customer", date: "Date", amount: "Amount" };
  const log: CellValue[][] = [];
  // 30 customers; customer k buys k % 6 + 1 times, the last time k days before the end.
  for (let k = 0; k < 30; k++) {
    const purchases = (k % 6) + 1;
    for (let p = 0; p < purchases; p++) log.push([`K${k}`, 45000 - k - p * 7, 10 + k]);
  }
  log.push(["K3", 44999, -5]); // a refund

  it("segments each transaction row by its customer and nets refunds from revenue", () => {
    const result = segmentTable(logHeaders, log, logMapping, "transactions", rfm, "en", { asOf: 45000 });
    expect(result.preview.reduce((sum, s) => sum + s.customers, 0)).toBe(30);
    expect(result.asOf).toBe(45000);
    const segmentOfRow = result.columns[0].values;
    // Every row of a customer carries the same segment.
    const byCustomer = new Map<CellValue, Set<CellValue>>();
    log.forEach((row, i) => byCustomer.set(row[0], (byCustomer.get(row[0]) ?? new Set()).add(segmentOfRow[i])));
    for (const labels of byCustomer.values()) expect(labels.size).toBe(1);
    const grossTotal = log.reduce((sum, row) => sum + (row[2] as number), 0);
    expect(result.preview.reduce((sum, s) => sum + (s.revenue ?? 0), 0)).toBeCloseTo(grossTotal, 9);
    expect(result.warnings.map((w) => w.key)).toEqual(["segmentation.issue.negativeAmount"]);
  });

  it("builds the per-customer summary sheet with each customer's segment", () => {
    const result = segmentTable(logHeaders, log, logMapping, "transactions", rfm, "en", { asOf: 45000 });
    const sheet = result.customerSheet!;
    expect(sheet.name).toBe("Customer summary");
    expect(sheet.rows).toHaveLength(31);
    expect(sheet.rows[0][0]).toBe("Customer");
    const k3 = sheet.rows.find((row) => row[0] === "K3")!;
    expect(k3[3]).toBe(4); // orders: the refund is not a purchase
    expect(k3[4]).toBe(4 * 13 - 5); // revenue net of the refund
    expect(sheet.rows[0].length).toBe(sheet.numberFormats!.length);
  });

  it("leaves rows after the as-of date without a segment", () => {
    const later = [...log, ["K1", 45010, 99]];
    const result = segmentTable(logHeaders, later, logMapping, "transactions", rfm, "en", { asOf: 45000 });
    expect(result.columns[0].values[later.length - 1]).toBe("");
    expect(result.columns[0].fills![later.length - 1]).toBeNull();
  });
});

describe("segmentSummarySheet", () => {
  const about = { tableName: "Clients", shape: "customers" as const, method: rfm, writtenAt: "2026-12-01T10:00:00Z" };
  /** The row whose first cell is `label`. */
  const rowOf = (rows: CellValue[][], label: string) => rows.find((row) => row[0] === label)!;

  it("an assumptions block, one row per segment with its definition and action, a totals row, two charts", () => {
    const result = segmentTable(headers, grid, mapping, "customers", rfm, "en");
    const sheet = segmentSummarySheet(result, "en", about);
    expect(sheet.name).toBe("Segments");
    expect(sheet.rows[0][0]).toBe("Segments of Clients");
    expect(rowOf(sheet.rows, "Method")[1]).toBe("RFM (quintiles)");
    expect(rowOf(sheet.rows, "Model")[1]).toMatch(/^none/);
    expect(rowOf(sheet.rows, "Add-in")[1]).toMatch(/^Customer Value \d+\.\d+\.\d+$/);
    expect(rowOf(sheet.rows, "Written on")[1]).toBeCloseTo(46357 + 10 / 24, 6); // 2026-12-01 10:00 UTC
    expect(
      rowOf(sheet.rows, "Recency breaks")
        .slice(1, 5)
        .every((value) => typeof value === "number"),
    ).toBe(true);
    const header = rowOf(sheet.rows, "Segment");
    expect(header.filter((cell) => cell !== "")).toEqual([
      "Segment",
      "Definition",
      "Customers",
      "Share of customers",
      "Revenue to date",
      "Share of revenue to date",
      "Recommended action",
    ]);
    const champions = rowOf(sheet.rows, "Champions");
    expect(champions.slice(1, 3)).toEqual(["R 5, F 4–5", 2]);
    expect(champions[6]).toMatch(/^Reward/);
    expect(rowOf(sheet.rows, "At Risk")[1]).toBe("R 1–2, F 3–4");
    const total = rowOf(sheet.rows, "Total");
    expect(total[2]).toBe(25);
    expect(total[3]).toBe(1);
    const revenue = grid.reduce((sum, row) => sum + (row[2] as number) * (row[3] as number), 0);
    expect(total[4]).toBeCloseTo(revenue, 6);
    // Every row has the same width (a rectangle for Excel), shares and money have their formats.
    expect(new Set(sheet.rows.map((row) => row.length)).size).toBe(1);
    const headerRow = sheet.rows.indexOf(header);
    expect(sheet.formats).toContainEqual({ row: headerRow + 1, col: 3, rowCount: 11, numberFormat: "0.0%" });
    expect(sheet.formats).toContainEqual({ row: headerRow + 1, col: 4, rowCount: 11, numberFormat: "#,##0.00" });
    expect(sheet.formats).toContainEqual({ row: headerRow + 1, col: 0, fill: "#1B5E20" });
    expect(sheet.charts!.map((chart) => [chart.title, chart.values.col])).toEqual([
      ["Customers per segment", 2],
      ["Revenue to date per segment", 4],
    ]);
  });

  it("French: the same sheet in French words, tiers defined by their breaks", () => {
    const method = { kind: "quantileTiers" as const, column: "Monetary", tiers: 4 };
    const result = segmentTable(headers, grid, mapping, "customers", method, "fr");
    const sheet = segmentSummarySheet(result, "fr", { ...about, method });
    expect(sheet.rows[0][0]).toBe("Segments de Clients");
    const header = rowOf(sheet.rows, "Segment");
    expect(header).toContain("Somme de Monetary");
    expect(header).toContain("Part de Monetary");
    const tiers = sheet.rows.filter((row) => /^Palier /.test(String(row[0])));
    expect(tiers).toHaveLength(4);
    const breaks = result.thresholds[0].breaks;
    expect(tiers[0][1]).toBe(`« Monetary » supérieure à ${formatNumber(breaks[2], "fr", 2)}`);
    expect(tiers[3][1]).toBe(`« Monetary » jusqu'à ${formatNumber(breaks[0], "fr", 2)}`);
  });
});

describe("properties", () => {
  const customerRows = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5000 })),
    { minLength: 2, maxLength: 60 },
  );
  const toTable = (rows: [number, number, number][]): CellValue[][] =>
    rows.map(([r, f, m], i) => [`C${i}`, r, f, m / 100]);
  const methods: SegmentationMethod[] = [
    { kind: "rfm", bins: 5 },
    { kind: "rfm", bins: 4 },
    { kind: "quantileTiers", column: "Monetary", tiers: 3 },
  ];

  it("counts add up to the rows, shares sum to 1, every row gets exactly one segment", () => {
    fc.assert(
      fc.property(customerRows, fc.constantFrom(...methods), (raw, method) => {
        const rows = toTable(raw);
        const result = segmentTable(headers, rows, mapping, "customers", method, "en");
        expect(result.preview.reduce((sum, s) => sum + s.customers, 0)).toBe(rows.length);
        expect(result.preview.reduce((sum, s) => sum + s.customerShare, 0)).toBeCloseTo(1, 9);
        const total = result.preview.reduce((sum, s) => sum + s.value, 0);
        if (total > 0) expect(result.preview.reduce((sum, s) => sum + s.valueShare, 0)).toBeCloseTo(1, 9);
        const labels = new Set(result.preview.map((s) => s.labelKey + JSON.stringify(s.labelParams ?? {})));
        expect(labels.size).toBe(result.preview.length);
        const names = result.columns[0].values;
        expect(names.every((name) => typeof name === "string" && name !== "")).toBe(true);
        const perName = new Map<CellValue, number>();
        for (const name of names) perName.set(name, (perName.get(name) ?? 0) + 1);
        for (const segment of result.preview.filter((s) => s.customers > 0)) {
          expect(perName.size).toBeLessThanOrEqual(result.preview.length);
          expect([...perName.values()].reduce((a, b) => a + b, 0)).toBe(rows.length);
          expect(segment.customers).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("permuting rows permutes the per-row output identically; the same recipe gives identical columns", () => {
    fc.assert(
      fc.property(
        customerRows.chain((raw) =>
          fc.tuple(
            fc.constant(raw),
            fc.shuffledSubarray(
              raw.map((_, i) => i),
              { minLength: raw.length },
            ),
          ),
        ),
        fc.constantFrom(...methods),
        ([raw, order], method) => {
          const rows = toTable(raw);
          const first = segmentTable(headers, rows, mapping, "customers", method, "en");
          const again = segmentTable(headers, rows, mapping, "customers", method, "en");
          expect(again.columns).toEqual(first.columns);
          const permuted = segmentTable(
            headers,
            order.map((i) => rows[i]),
            mapping,
            "customers",
            method,
            "en",
          );
          for (let c = 0; c < first.columns.length; c++) {
            expect(permuted.columns[c].values).toEqual(order.map((i) => first.columns[c].values[i]));
          }
          expect(permuted.preview.map((s) => s.customers)).toEqual(first.preview.map((s) => s.customers));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("CLV tiers on a transaction log", () => {
  // A deterministic log: 200 customers with varied purchase counts, gaps and baskets over about a year.
  const log: CellValue[][] = [];
  let state = 7;
  const random = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  for (let k = 0; k < 200; k++) {
    const start = 44900 + Math.floor(random() * 120);
    const purchases = 1 + Math.floor(random() * random() * 12);
    const basket = 5 + Math.floor(random() * 80);
    for (let p = 0; p < purchases; p++) log.push([`K${k}`, start + Math.floor(p * 20 * (0.5 + random())), basket + p]);
  }
  const logHeaders = ["Customer", "Date", "Amount"];
  const logMapping: ColumnMapping = { customerId: "Customer", date: "Date", amount: "Amount" };
  const method: SegmentationMethod = {
    kind: "clvTiers",
    split: "20-30-50",
    horizonMonths: 12,
    discountRate: 0.1,
    margin: 0.3,
    timeUnit: "weeks",
  };

  it("ranks customers into top 20 % / next 30 % / rest by CLV, with CLV and P(alive) columns", () => {
    const result = segmentTable(logHeaders, log, logMapping, "transactions", method, "en", { asOf: 45300 });
    expect(result.columns.map((c) => c.header)).toEqual(["Tier", "CLV", "P(alive)"]);
    expect(result.preview.map((s) => s.segmentId)).toEqual(["top20", "next30", "rest"]);
    const [top, next, rest] = result.preview;
    expect(top.customers + next.customers + rest.customers).toBe(200);
    expect(top.customers).toBeLessThanOrEqual(40);
    expect(top.customers).toBeGreaterThan(30);
    expect(top.averageClv!).toBeGreaterThan(next.averageClv!);
    expect(next.averageClv!).toBeGreaterThan(rest.averageClv!);
    expect(top.maxCac).toBeCloseTo(top.averageClv! / 3, 9);
    expect(result.valueKey).toBe("segmentation.value.clv");
    // Each tier's CLVs lie on the right side of the breaks.
    const [median, p80] = result.thresholds[0].breaks;
    log.forEach((_, i) => {
      const clv = result.columns[1].values[i] as number;
      const tier = result.columns[0].values[i];
      expect(tier).toBe(clv > p80 ? "Top 20 %" : clv > median ? "Next 30 %" : "Rest (50 %)");
      const alive = result.columns[2].values[i] as number;
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    });
    const sheet = segmentSummarySheet(result, "en", {
      tableName: "Log",
      shape: "transactions",
      method,
      writtenAt: "2026-12-01T10:00:00Z",
    });
    const labelled = (label: string) => sheet.rows.find((row) => row[0] === label)!;
    expect(labelled("Purchase model").slice(1, 3)).toEqual(["BG/NBD", expect.stringMatching(/converged|edge/)]);
    expect(labelled("Discount rate (annual)")[1]).toBe(method.discountRate);
    expect(labelled("Horizon")[1]).toBe(method.horizonMonths);
    expect(labelled("As-of date (recency and customer age measured to)")[1]).toBe(45300);
    expect(
      labelled("Data window (first and last purchase)")
        .slice(1, 3)
        .every((d) => typeof d === "number"),
    ).toBe(true);
    expect(labelled("Segment").filter((cell) => cell !== "")).toEqual([
      "Segment",
      "Definition",
      "Customers",
      "Share of customers",
      "Revenue to date",
      "Share of revenue to date",
      "CLV, total",
      "CLV, average per customer",
      "Share of total CLV",
      "Suggested maximum CAC (average CLV ÷ 3)",
      "Recommended action",
    ]);
    const total = labelled("Total");
    expect(total[6]).toBeCloseTo(
      result.preview.reduce((sum, segment) => sum + segment.totalClv!, 0),
      6,
    );
    expect(total[9]).toBeCloseTo((total[6] as number) / (total[2] as number) / 3, 9);
    expect(labelled("Top 20 %")[1]).toMatch(/^CLV above /);
    expect(result.customerSheet!.rows[0].slice(-3)).toEqual(["Segment", "CLV", "P(alive)"]);
  });

  it("deciles: ten tiers, decile 1 the highest CLV", () => {
    const result = segmentTable(logHeaders, log, logMapping, "transactions", { ...method, split: "deciles" }, "fr", {
      asOf: 45300,
    });
    expect(result.preview).toHaveLength(10);
    expect(result.columns[0].header).toBe("Palier");
    expect(result.preview[0].averageClv!).toBeGreaterThan(result.preview[9].averageClv!);
    expect(result.preview.reduce((sum, s) => sum + s.customers, 0)).toBe(200);
  });

  it("a customer whose first purchase is on the last day of the log (T = 0) is tiered too, at P(alive) 1", () => {
    const lastDay = Math.max(...log.map((row) => row[1] as number));
    const withNewcomer = [...log, ["NEW", lastDay, 40]];
    const result = segmentTable(logHeaders, withNewcomer, logMapping, "transactions", method, "en");
    expect(result.asOf).toBe(lastDay);
    expect(result.preview.reduce((sum, s) => sum + s.customers, 0)).toBe(201);
    const row = withNewcomer.length - 1;
    expect(result.columns[2].values[row]).toBe(1);
    expect(result.columns[1].values[row]).toBeGreaterThan(0);
  });

  it("a fit at the boundary is named in the warning, in plain words (spend that never varies: Gamma-Gamma's q → ∞)", () => {
    const sameSpend = log.map(([id, day]) => [id, day, 25]);
    const result = segmentTable(logHeaders, sameSpend, logMapping, "transactions", method, "en", { asOf: 45300 });
    expect(result.warnings.find((w) => w.key === "segmentation.issue.fitNotConverged")).toBeUndefined();
    const warning = result.warnings.find(
      (w) => w.key === "selection.fitBoundary" && w.params.model === "spend model (Gamma-Gamma)",
    );
    expect(warning).toBeDefined();
    const text = t(warning!.key, warning!.params, "en");
    expect(text).toMatch(/^The spend model \(Gamma-Gamma\) ended at a boundary: /);
    expect(text).not.toMatch(/line search|iteration|gradient/i);
    expect(result.context?.models?.find((m) => m.role === "spend")?.status).toBe("boundary");
    expect(result.columns[1].values.every((v) => typeof v === "number" && Number.isFinite(v))).toBe(true);
  });

  it("refuses a log where nobody bought twice", () => {
    const once = [
      ["A", 45000, 10],
      ["B", 45001, 12],
    ];
    const error = thrown(() => segmentTable(logHeaders, once, logMapping, "transactions", method, "en")) as InputError;
    expect(error.key).toBe("segmentation.issue.noRepeatBuyers");
  });

  it("action columns: churn-risk band from P(alive), expected purchases and spend, a reason; a Win-back sheet", () => {
    const withActions = { ...method, actionColumns: true, winBack: true } as SegmentationMethod;
    const result = segmentTable(logHeaders, log, logMapping, "transactions", withActions, "en", { asOf: 45300 });
    expect(result.columns.map((c) => c.header)).toEqual([
      "Tier",
      "CLV",
      "P(alive)",
      "Churn risk",
      "Expected purchases",
      "Expected spend",
      "Why",
    ]);
    const [, , alive, band, purchases, spend, why] = result.columns.map((column) => column.values);
    log.forEach((row, i) => {
      const p = alive[i] as number;
      expect(band[i]).toBe(p < 0.3 ? "high" : p < 0.7 ? "medium" : "low");
      expect(purchases[i] as number).toBeGreaterThanOrEqual(0);
      expect(spend[i] as number).toBeGreaterThanOrEqual(0);
      const orders = log.filter((other) => other[0] === row[0]).length;
      expect(why[i]).toMatch(
        new RegExp(`^${orders} purchases?, (usually every (\\d+ weeks|week), )?silent for (1 week|\\d+ weeks)$`),
      );
    });
    // The reason of a customer seen once says so, without a gap.
    const once = log.findIndex((row) => log.filter((other) => other[0] === row[0]).length === 1);
    expect(why[once]).toMatch(/^1 purchase, silent for/);
    const winBack = result.winBackSheet!;
    expect(winBack.name).toBe("Win-back");
    expect(winBack.rows[0]).toEqual([
      "Customer",
      "Revenue (net of refunds)",
      "Orders",
      "Last purchase",
      "P(alive)",
      "CLV",
      "Why",
    ]);
    expect(winBack.rows.length).toBeGreaterThan(1);
    const revenues = winBack.rows.slice(1).map((row) => row[1] as number);
    expect([...revenues].sort((a, b) => b - a)).toEqual(revenues);
    for (const row of winBack.rows.slice(1)) expect(row[4] as number).toBeLessThan(0.3);
    // French: the band and the reason in French words.
    const fr = segmentTable(logHeaders, log, logMapping, "transactions", withActions, "fr", { asOf: 45300 });
    expect(new Set(fr.columns[3].values)).toEqual(
      new Set(["élevé", "moyen", "faible"].filter((word) => fr.columns[3].values.includes(word))),
    );
    expect(String(fr.columns[6].values[once])).toMatch(/^1 achat, sans achat depuis (\d+ semaines|[01] semaine)$/);
  });

  it("the reason says 'every week' and '1 week' in the singular, in English and in French", () => {
    const withActions = { ...method, actionColumns: true } as SegmentationMethod;
    // A weekly buyer last seen one week before the as-of date.
    const weekly: CellValue[][] = [...log, ["W", 45279, 20], ["W", 45286, 20], ["W", 45293, 20]];
    const row = weekly.length - 1;
    const en = segmentTable(logHeaders, weekly, logMapping, "transactions", withActions, "en", { asOf: 45300 });
    expect(en.columns[6].values[row]).toBe("3 purchases, usually every week, silent for 1 week");
    const fr = segmentTable(logHeaders, weekly, logMapping, "transactions", withActions, "fr", { asOf: 45300 });
    expect(fr.columns[6].values[row]).toBe("3 achats, en général chaque semaine, sans achat depuis 1 semaine");
  });
});
