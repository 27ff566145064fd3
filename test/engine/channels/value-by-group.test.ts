/** Value by group: hand-computed groups, CAC, LTV:CAC and payback, the spend table, and invariants. */
import fc from "fast-check";
import { InputError } from "../../../src/engine/errors";
import { channelsSheet } from "../../../src/engine/channels/channels-sheet";
import { isTableName, readSpendTable, spendSheet } from "../../../src/engine/channels/spend-table";
import {
  acquiredBetween,
  byAverageClv,
  categoryColumns,
  ChannelBase,
  DAYS_PER_MONTH,
  firstPurchaseGroups,
  groupBases,
  MAX_GROUPS,
  valueByGroup,
} from "../../../src/engine/channels/value-by-group";
import { acquisitionCost, lifetimeValueToCost, paybackMonths } from "../../../src/engine/metrics/acquisition";
import { t } from "../../../src/i18n";

const END = 45_000;
/** Five customers: three from the web (spelled two ways), one from a store, one without a channel. */
const customers = {
  group: ["Web", "Store", " web ", "WEB", ""],
  clv: [120, 60, 30, 90, 10],
  alive: [0.9, 0.5, 0.4, 0.8, 0.2],
  revenue: [300, 200, 90, 150, 20],
  // Acquired 10 months, 2 months, 6 months and 3 days before the end, and 1 month.
  acquired: [
    END - 10 * DAYS_PER_MONTH,
    END - 2 * DAYS_PER_MONTH,
    END - 6 * DAYS_PER_MONTH,
    END - 3,
    END - DAYS_PER_MONTH,
  ],
  end: END,
};

function base(): ChannelBase {
  return {
    column: "Channel",
    groups: groupBases(customers, "Channel"),
    firstDay: END - 400,
    lastDay: END,
    margin: 0.3,
    horizonMonths: 12,
    discountRate: 0.1,
  };
}

describe("groupBases", () => {
  it("sums each group, case and outer spaces ignored, labelled as first met", () => {
    const groups = groupBases(customers, "Channel");
    expect(groups.map((group) => group.label)).toEqual(["Web", "Store", ""]);
    const [web, store, blank] = groups;
    expect(web).toMatchObject({ customers: 3, totalClv: 240, revenue: 540 });
    expect(web.aliveSum).toBeCloseTo(2.1, 12);
    // 10 + 6 months, and 3 days counted as the 1-month minimum.
    expect(web.customerMonths).toBeCloseTo(17, 10);
    expect(store).toMatchObject({ customers: 1, totalClv: 60, revenue: 200 });
    expect(store.customerMonths).toBeCloseTo(2, 10);
    expect(blank).toMatchObject({ customers: 1, totalClv: 10 });
    expect(web.acquired).toEqual([...web.acquired].sort((a, b) => a - b));
  });

  it(`refuses a column of more than ${MAX_GROUPS} values (an id, not a channel)`, () => {
    const n = MAX_GROUPS + 1;
    const many = {
      group: Array.from({ length: n }, (_, i) => `C${i}`),
      clv: new Float64Array(n),
      alive: new Float64Array(n),
      revenue: new Float64Array(n),
      acquired: new Float64Array(n).fill(END),
      end: END,
    };
    let error: unknown;
    try {
      groupBases(many, "Customer");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).key).toBe("channels.issue.tooManyGroups");
  });
});

describe("valueByGroup", () => {
  it("gives CAC, LTV:CAC, payback and the maximum CAC by hand", () => {
    const from = END - 7 * DAYS_PER_MONTH;
    const values = valueByGroup(base(), [
      { group: "web", spend: 300, from, to: END },
      { group: "Store", spend: 0, from: 0, to: END },
    ]);
    const web = values.find((value) => value.label === "Web")!;
    // Two web customers (6 months and 3 days ago) were acquired since 7 months ago: CAC 300 ÷ 2 = 150.
    expect(web.acquiredInPeriod).toBe(2);
    expect(web.cac).toBe(150);
    expect(web.averageClv).toBe(80);
    expect(web.ltvCac).toBeCloseTo(80 / 150, 12);
    // 540 of revenue over 17 customer-months: 31.76 a month; at 30 % margin 9.53 a month pays 150 back in 15.74.
    expect(web.monthlyRevenue).toBeCloseTo(540 / 17, 10);
    expect(web.paybackMonths).toBeCloseTo(150 / ((540 / 17) * 0.3), 10);
    expect(web.maxCac).toBeCloseTo(80 / 3, 12);
    // The functions' own formulas, one implementation.
    expect(web.cac).toBe(acquisitionCost(300, 0, 2));
    expect(web.ltvCac).toBe(lifetimeValueToCost(80, 150));
    expect(web.paybackMonths).toBe(paybackMonths(150, 540 / 17, 0.3));

    const store = values.find((value) => value.label === "Store")!;
    expect(store).toMatchObject({ cac: 0, ltvCac: null, noCac: "zeroSpend", paybackMonths: 0 });
    const blank = values.find((value) => value.label === "")!;
    expect(blank).toMatchObject({ spend: null, cac: null, ltvCac: null, paybackMonths: null, noCac: "noSpend" });
  });

  it("has no CAC when nobody was acquired in the period", () => {
    const [web] = valueByGroup(base(), [{ group: "Web", spend: 100, from: END + 1, to: END + 30 }]);
    expect(web).toMatchObject({ acquiredInPeriod: 0, cac: null, noCac: "noAcquired" });
  });

  it("sorts by average CLV, best first", () => {
    const sorted = byAverageClv(valueByGroup(base(), []));
    expect(sorted.map((value) => value.label)).toEqual(["Web", "Store", ""]);
  });

  it("keeps every customer and every unit of CLV, whatever the grouping", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.constantFrom("A", "b", "B", "c", ""),
            clv: fc.double({ min: 0, max: 1e4, noNaN: true }),
            acquired: fc.integer({ min: END - 900, max: END }),
          }),
          { minLength: 1, maxLength: 60 },
        ),
        (list) => {
          const bases = groupBases(
            {
              group: list.map((item) => item.group),
              clv: list.map((item) => item.clv),
              alive: list.map(() => 0.5),
              revenue: list.map((item) => item.clv),
              acquired: list.map((item) => item.acquired),
              end: END,
            },
            "G",
          );
          expect(bases.reduce((sum, group) => sum + group.customers, 0)).toBe(list.length);
          const total = list.reduce((sum, item) => sum + item.clv, 0);
          expect(bases.reduce((sum, group) => sum + group.totalClv, 0)).toBeCloseTo(total, 6);
          for (const group of bases) {
            // Every customer is acquired within the whole window, so its CAC divides by the whole group.
            const [value] = valueByGroup({ ...base(), groups: [group] }, [
              { group: group.label, spend: 1000, from: END - 900, to: END },
            ]);
            expect(value.acquiredInPeriod).toBe(group.customers);
            expect(value.maxCac * 3).toBeCloseTo(value.averageClv, 8);
          }
        },
      ),
    );
  });
});

describe("acquiredBetween", () => {
  it("counts the days in [from, to], as a filter does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 50 }),
        fc.double({ min: -5, max: 105, noNaN: true }),
        fc.double({ min: -5, max: 105, noNaN: true }),
        (days, from, to) => {
          const sorted = [...days].sort((a, b) => a - b);
          const expected = days.filter((day) => day >= Math.floor(from) && day <= Math.floor(to)).length;
          expect(acquiredBetween(sorted, from, to)).toBe(expected);
        },
      ),
    );
  });
});

describe("firstPurchaseGroups", () => {
  it("takes the group of each customer's earliest purchase, the first row on a tie", () => {
    const cells = ["Store", "Web", "Ads", "Web", "Store"];
    const dates = [10, 5, 5, 3, 8];
    const customerOf = [0, 0, 0, 1, -1];
    expect(firstPurchaseGroups((j) => cells[j], dates, customerOf, 2)).toEqual(["Web", "Web"]);
  });
});

describe("categoryColumns", () => {
  it("offers text columns only, never the customer id", () => {
    const headers = ["Id", "Date", "Amount", "Channel", "Country"];
    const rows = [
      ["C1", 45000, 12.5, "Web", "FR"],
      ["C2", 45001, 20, "Store", "BE"],
    ];
    expect(categoryColumns(headers, rows, ["Id"])).toEqual(["Channel", "Country"]);
  });
});

describe("the spend table", () => {
  const window = { firstDay: 44_000, lastDay: 45_000 };

  it("is created with the groups found, a blank spend and the data window", () => {
    const sheet = spendSheet(["Web", ""], "Channel", window, "ChannelSpend", "en");
    expect(sheet.tableName).toBe("ChannelSpend");
    expect(sheet.rows).toEqual([
      ["Channel", "Spend", "Period start", "Period end"],
      ["Web", "", 44_000, 45_000],
      [t("channels.group.blank", {}, "en"), "", 44_000, 45_000],
    ]);
  });

  it("reads what the user typed, in English or French headers, and says what it leaves out", () => {
    const en = readSpendTable(
      ["Channel", "Spend (€)", "From", "To"],
      [
        ["Web", 500, 44_500, 44_900],
        ["Store", "", "", ""],
        ["Ads", "lots", 44_500, 44_900],
        ["web", 10, "", ""],
        ["(no value)", 20, "", ""],
      ],
      "Channel",
      window,
      "en",
    );
    expect(en.spends).toEqual([
      { group: "Web", spend: 500, from: 44_500, to: 44_900 },
      { group: "Store", spend: null, from: 44_000, to: 45_000 },
      { group: "Ads", spend: null, from: 44_500, to: 44_900 },
      { group: "", spend: 20, from: 44_000, to: 45_000 },
    ]);
    expect(en.issues.map((issue) => issue.key)).toEqual(["channels.issue.badSpend", "channels.issue.duplicateGroup"]);

    const fr = readSpendTable(["Pays", "Début", "Fin", "Dépense"], [["FR", 44_100, 44_200, 90]], "Pays", window, "fr");
    expect(fr.spends).toEqual([{ group: "FR", spend: 90, from: 44_100, to: 44_200 }]);

    // Without a spend header, the first column that is neither the group nor a period column.
    const plain = readSpendTable(
      ["Campaign", "From", "To", "Paid"],
      [["Spring", 44_100, 44_200, 75]],
      "Channel",
      window,
      "en",
    );
    expect(plain.spends).toEqual([{ group: "Spring", spend: 75, from: 44_100, to: 44_200 }]);
  });

  it("accepts Excel table names only", () => {
    expect(isTableName("ChannelSpend")).toBe(true);
    expect(isTableName("DepensesCanal")).toBe(true);
    expect(isTableName("Channel spend")).toBe(false);
    expect(isTableName("A1")).toBe(false);
    expect(isTableName("")).toBe(false);
  });
});

describe("channelsSheet", () => {
  it("writes one row per group, a total, its assumptions and charts, in French too", () => {
    for (const locale of ["en", "fr"] as const) {
      const { sheet, values } = channelsSheet(base(), [{ group: "Web", spend: 300, from: 0, to: END }], locale, {
        tableName: "Log",
        spendTable: "ChannelSpend",
        spendTableCreated: false,
        issues: [],
        writtenAt: "2026-12-01T10:00:00Z",
      });
      expect(sheet.name).toBe(t("channels.sheetName", {}, locale));
      const header = sheet.rows.findIndex(
        (row) => row[0] === "Channel" && row[1] === t("channels.col.customers", {}, locale),
      );
      expect(header).toBeGreaterThan(0);
      expect(sheet.rows.slice(header + 1, header + 1 + values.length).map((row) => row[0])).toEqual([
        "Web",
        "Store",
        t("channels.group.blank", {}, locale),
      ]);
      const cac = sheet.rows[header].indexOf(t("channels.col.cac", {}, locale));
      expect(sheet.rows[header + 1][cac]).toBe(100);
      expect(sheet.rows[header + 2][cac]).toBe("");
      expect(sheet.rows[header + 4][0]).toBe(t("channels.total", {}, locale));
      // Groups missing from the spend table are named in the assumptions.
      expect(sheet.rows.some((row) => String(row[1]).startsWith("Store, "))).toBe(true);
      expect(sheet.charts?.map((chart) => chart.values.count)).toEqual([3, 3, 3]);
      expect(sheet.columnWidths).toHaveLength(sheet.rows[0].length);
      // Every cell is a finite number or text: nothing like NaN reaches the sheet.
      for (const row of sheet.rows) {
        for (const cell of row) if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
      }
    }
  });
});

describe("channelsSheet with CLV ranges", () => {
  const about = {
    tableName: "Log",
    spendTable: "ChannelSpend",
    spendTableCreated: false,
    issues: [],
    writtenAt: "2026-12-01T10:00:00Z",
  };
  const percentiles = { low: 0.1, high: 0.9 };
  const noCovariance = { issue: { key: "finance.range.noCovariance" as const, params: { model: "bgnbd" } } };

  it("shows each group's low and high, total and per customer, the totals row's, and the chart's two more series", () => {
    for (const locale of ["en", "fr"] as const) {
      const ranges = {
        percentiles,
        draws: 200,
        seed: 1,
        groups: [{ low: 200, high: 290 }, { low: 50, high: 75 }, noCovariance],
        total: { low: 280, high: 350 },
      };
      const { sheet } = channelsSheet({ ...base(), ranges }, [], locale, about);
      const p = (value: number) => (locale === "fr" ? `${value} %` : `${value}%`);
      const header = sheet.rows.findIndex((row) => row[0] === "Channel");
      const columns = sheet.rows[header].map(String);
      const at = (key: Parameters<typeof t>[0], value: number) => columns.indexOf(t(key, { p: p(value) }, locale));
      const [totalLow, totalHigh] = [at("channels.col.totalClvLow", 10), at("channels.col.totalClvHigh", 90)];
      const [averageLow, averageHigh] = [at("channels.col.averageClvLow", 10), at("channels.col.averageClvHigh", 90)];
      expect(Math.min(totalLow, totalHigh, averageLow, averageHigh)).toBeGreaterThan(0);
      // Sorted by average CLV: Web (240 / 3), Store (60), blank (10).
      const [web, store, blank, total] = sheet.rows.slice(header + 1, header + 5);
      expect([web[totalLow], web[totalHigh], web[averageLow], web[averageHigh]]).toEqual([200, 290, 200 / 3, 290 / 3]);
      expect([store[averageLow], store[averageHigh]]).toEqual([50, 75]);
      expect([blank[totalLow], blank[averageHigh]]).toEqual(["", ""]);
      const note = columns.indexOf(t("channels.col.note", {}, locale));
      expect(String(blank[note])).toContain(t("finance.range.noCovariance", { model: "bgnbd" }, locale));
      expect([total[totalLow], total[totalHigh], total[averageLow]]).toEqual([280, 350, 280 / 5]);
      const chart = sheet.charts![0];
      expect(chart.moreValues?.map((series) => series.col)).toEqual([averageLow, averageHigh]);
      expect(sheet.rows.some((row) => String(row[1]).includes("200"))).toBe(true);
    }
  });

  it("when no range could be computed, says why and adds no range column", () => {
    const ranges = {
      percentiles,
      draws: 200,
      seed: 1,
      groups: [noCovariance, noCovariance, noCovariance],
      total: noCovariance,
    };
    const { sheet } = channelsSheet({ ...base(), ranges }, [], "en", about);
    const line = sheet.rows.find((row) => row[0] === t("channels.range", {}, "en"));
    expect(line?.[1]).toBe(t("finance.range.noCovariance", { model: "bgnbd" }, "en"));
    const header = sheet.rows.find((row) => row[0] === "Channel")!;
    expect(header.some((cell) => String(cell).includes("low ("))).toBe(false);
    expect(sheet.charts![0].moreValues).toBeUndefined();
  });
});
