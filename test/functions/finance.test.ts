/**
 * CUST.COHORT against a triangle built independently, the way an analyst would with COUNTIFS/SUMIFS on a helper
 * column: each row's cohort (the period of the customer's first purchase, found with MINIFS) and its period, from
 * JavaScript's own calendar; then counts of distinct customers and sums per (cohort, period) cell.
 */
import { seededRandom, uniformInt } from "../../src/engine/random";
import { toParameterTable } from "../../src/engine/models/parameter-table";
import { FittedModel } from "../../src/engine/models/types";
import { excelError, excelFunction, loadExcelFunctions, setExcelLanguage } from "../support/excel";

// The functions as Excel calls them: through the Excel-faithful invoker built from functions.json.
beforeAll(() => loadExcelFunctions(), 60000);
const cohort = excelFunction("COHORT");
const forecast = excelFunction("FORECAST");
const purchases = excelFunction("PURCHASES");
const pclv = excelFunction("PCLV");

const sum = (column: unknown[][]) => column.reduce((s, [v]) => s + (v as number), 0);

/** A sample log: 300 customers over two years, ids as numbers or text, times of day, a refund. */
function sampleLog(seed = 7) {
  const random = seededRandom(seed);
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  const start = 45292; // 2024-01-01
  for (let c = 0; c < 300; c++) {
    const id = c % 3 === 0 ? c : `C${c}`;
    const first = start + uniformInt(random, 0, 700);
    const orders = 1 + uniformInt(random, 0, 6);
    for (let k = 0; k < orders; k++) {
      const day = k === 0 ? first : first + uniformInt(random, 0, 400);
      ids.push([id]);
      dates.push([day + random.next() * 0.9]);
      amounts.push([k === 2 && c % 17 === 0 ? -15 : Math.round(random.next() * 10000) / 100]);
    }
  }
  return { ids, dates, amounts };
}

const monthOf = (serial: number) =>
  new Date(Math.round((Math.floor(serial) - 25569) * 86400000)).toISOString().slice(0, 7);
const monthNumber = (label: string) => Number(label.slice(0, 4)) * 12 + Number(label.slice(5, 7)) - 1;

/** The COUNTIFS-style triangle: label → offset → { customers, revenue }. */
function countifsTriangle(ids: unknown[][], dates: unknown[][], amounts: unknown[][], asOf: number) {
  const key = (id: unknown) => String(id);
  const first = new Map<string, number>();
  dates.forEach(([date], i) => {
    const d = date as number;
    if (Math.floor(d) > asOf) return;
    const k = key(ids[i][0]);
    first.set(k, Math.min(first.get(k) ?? Infinity, d));
  });
  const cells = new Map<string, { customers: Set<string>; revenue: number }>();
  dates.forEach(([date], i) => {
    const d = date as number;
    if (Math.floor(d) > asOf) return;
    const k = key(ids[i][0]);
    const cohortLabel = monthOf(first.get(k)!);
    const offset = monthNumber(monthOf(d)) - monthNumber(cohortLabel);
    const cell = `${cohortLabel}|${offset}`;
    if (!cells.has(cell)) cells.set(cell, { customers: new Set(), revenue: 0 });
    cells.get(cell)!.customers.add(k);
    cells.get(cell)!.revenue += amounts[i][0] as number;
  });
  const sizes = new Map<string, number>();
  for (const serial of first.values()) sizes.set(monthOf(serial), (sizes.get(monthOf(serial)) ?? 0) + 1);
  return { cells, sizes };
}

describe("CUST.COHORT", () => {
  const log = sampleLog();
  const lastDay = Math.floor(Math.max(...log.dates.map(([d]) => d as number)));

  test.each([
    ["active", undefined],
    ["revenue", undefined],
    ["active", 45600],
  ] as const)("%s by month (as_of %s) equals the COUNTIFS-built triangle", (output, asOf) => {
    const end = asOf ?? lastDay;
    const expected = countifsTriangle(log.ids, log.dates, log.amounts, end);
    const table = cohort(log.ids, log.dates, log.amounts, "month", output, asOf ?? null) as unknown[][];
    expect(table[0].slice(0, 4)).toEqual(["cohort", "customers acquired", "periods observed", 0]);
    const labels = [...expected.sizes.keys()].sort();
    expect(table.slice(1).map((row) => row[0])).toEqual(labels);
    const width = table[0].length - 3;
    expect(width).toBe(monthNumber(monthOf(end)) - monthNumber(labels[0]) + 1);
    for (const row of table.slice(1)) {
      const label = row[0] as string;
      expect(row[1]).toBe(expected.sizes.get(label));
      const observed = monthNumber(monthOf(end)) - monthNumber(label) + 1;
      expect(row[2]).toBe(observed);
      for (let k = 0; k < width; k++) {
        const cell = expected.cells.get(`${label}|${k}`);
        const value = row[3 + k];
        if (k >= observed) expect(value).toBe("");
        else if (output === "active") expect(value).toBe(cell ? cell.customers.size : 0);
        else expect(value as number).toBeCloseTo(cell ? cell.revenue : 0, 9);
      }
    }
  });

  test("retention and cumulative revenue per acquired customer follow from the same cells", () => {
    const active = cohort(log.ids, log.dates, log.amounts, null, "active") as unknown[][];
    const revenue = cohort(log.ids, log.dates, log.amounts, null, "revenue") as unknown[][];
    const retention = cohort(log.ids, log.dates, log.amounts, null, "retention") as unknown[][];
    const cumulative = cohort(log.ids, log.dates, log.amounts, null, "cumulative") as unknown[][];
    for (let r = 1; r < active.length; r++) {
      const size = active[r][1] as number;
      expect(retention[r][3]).toBe(1);
      let sum = 0;
      for (let c = 3; c < active[r].length; c++) {
        if (active[r][c] === "") {
          expect(retention[r][c]).toBe("");
          expect(cumulative[r][c]).toBe("");
          continue;
        }
        sum += revenue[r][c] as number;
        expect(retention[r][c] as number).toBeCloseTo((active[r][c] as number) / size, 12);
        expect(cumulative[r][c] as number).toBeCloseTo(sum / size, 9);
      }
    }
  });

  test("quarters and years: labels and sizes add up to the months'", () => {
    const months = cohort(log.ids, log.dates, log.amounts, "month") as unknown[][];
    const quarters = cohort(log.ids, log.dates, log.amounts, "quarter") as unknown[][];
    const years = cohort(log.ids, log.dates, log.amounts, "year") as unknown[][];
    const total = (table: unknown[][]) => table.slice(1).reduce((s, row) => s + (row[1] as number), 0);
    expect(total(quarters)).toBe(total(months));
    expect(total(years)).toBe(300);
    expect(quarters[1][0]).toBe("2024-Q1");
    expect(years.slice(1).map((row) => row[0])).toEqual(["2024", "2025"]);
    const q1 = months.slice(1).filter((row) => ["2024-01", "2024-02", "2024-03"].includes(row[0] as string));
    expect(quarters[1][1]).toBe(q1.reduce((s, row) => s + (row[1] as number), 0));
    setExcelLanguage("fr");
    const fr = cohort(log.ids, log.dates, log.amounts, "trimestre", "rétention") as unknown[][];
    expect(fr[0][0]).toBe("cohorte");
    expect(fr[1][0]).toBe("2024-T1");
  });

  test("projection fills every cohort to the horizon with sBG survival; observed cells unchanged", () => {
    const observed = cohort(log.ids, log.dates, log.amounts, "quarter", "active") as unknown[][];
    const projected = cohort(log.ids, log.dates, log.amounts, "quarter", "active", null, 12) as unknown[][];
    expect(projected[0].length).toBe(3 + 12);
    for (let r = 1; r < projected.length; r++) {
      const seen = projected[r][2] as number;
      for (let c = 3; c < 3 + seen; c++) expect(projected[r][c]).toBe(observed[r][c]);
      for (let c = 3 + seen; c < projected[r].length; c++) {
        expect(typeof projected[r][c]).toBe("number");
        // Projected survivors never increase and stay below the cohort size.
        expect(projected[r][c] as number).toBeLessThanOrEqual(
          (c === 3 + seen ? projected[r][1] : projected[r][c - 1]) as number,
        );
      }
    }
  });

  test("bad inputs say what to fix", () => {
    expect(excelError(() => cohort(log.ids, log.dates, log.amounts, "week")).message).toMatch(/period/);
    expect(excelError(() => cohort(log.ids, log.dates, log.amounts, null, "profit")).message).toMatch(/output/);
    const one = [[1], [1]];
    const error = excelError(() => cohort(one, [[45292], [45293]], [[1], [2]], null, null, null, 6));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/projection_periods/);
    expect(excelError(() => cohort([[1]], [[1]], [[5]], null, null, 45292)).message).toMatch(/1,200|1200/);
  });
});

describe("CUST.FORECAST", () => {
  const BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
  const table = (model: FittedModel["model"], params: Record<string, number>) =>
    toParameterTable({ model, params, logLikelihood: -1, converged: true, n: 100 }, "en");
  const random = seededRandom(11);
  const customers = 400;
  const x: number[][] = [];
  const tx: number[][] = [];
  const T: number[][] = [];
  const m: unknown[][] = [];
  for (let i = 0; i < customers; i++) {
    const age = Math.round((27 + random.next() * 12) * 7) / 7;
    const f = random.next() < 0.5 ? 0 : uniformInt(random, 1, 12);
    x.push([f]);
    tx.push([f === 0 ? 0 : Math.round(random.next() * age * 7) / 7]);
    T.push([age]);
    m.push([f === 0 ? null : 5 + Math.round(random.next() * 5000) / 100]);
  }

  test("its work is bounded: different histories × months beyond 3,000,000 is #VALUE! saying what to change", () => {
    // 6,000 customers of different ages (continuous T): 500 months would fit (not run here: seconds of work), 501 do not.
    const n = 6000;
    const ages = Array.from({ length: n }, (_, i) => [30 + i / 1000]);
    const zeros = Array.from({ length: n }, () => [0]);
    const params = table("bgnbd", BGNBD);
    const error = excelError(() => forecast(params, 30, zeros, zeros, ages, "weeks", null, 501) as never);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/6,000 different histories .* 501 months\. Use at most 500 months/);
    // Customers who share their frequency and T are computed once: whole weeks make the same call cheap.
    const weeks = ages.map(([age]) => [Math.round(age)]);
    expect(forecast(params, 30, zeros, zeros, weeks, "weeks", null, 600)).toHaveLength(1 + 600 + 1);
  });

  test("its range is bounded: 200 draws × the sample's different histories × months beyond 2,000,000 is #VALUE! (EN, FR)", () => {
    // 40 customers of 40 frequencies: 200 draws × 40 histories × 600 months = 4,800,000; refused before any schedule.
    const x = Array.from({ length: 40 }, (_, i) => [i]);
    const tx = x.map(([f]) => [f === 0 ? 0 : 20]);
    const T = x.map(() => [30]);
    const params = table("bgnbd", BGNBD);
    const error = excelError(() => forecast(params, 30, x, tx, T, "weeks", null, 600, 0, 1, null, null, true) as never);
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(
      /200 draws × 40 different histories .* 600 months\. Use at most 250 months for a range/,
    );
    setExcelLanguage("fr");
    try {
      const fr = excelError(() => forecast(params, 30, x, tx, T, "weeks", null, 600, 0, 1, null, null, true) as never);
      expect(fr.message).toMatch(/200 tirages × 40 historiques différents .* au plus 250 mois pour une fourchette/);
    } finally {
      setExcelLanguage("en");
    }
  });

  test.each([
    ["bgnbd", table("bgnbd", BGNBD)],
    ["pnbd", table("pnbd", { r: 0.55, alpha: 10.58, s: 0.61, beta: 11.67 })],
  ])("%s: the total discounted margin equals Σ CUST.PCLV over the same customers", (_name, params) => {
    const gg = table("gg", GG);
    const schedule = forecast(params, gg, x, tx, T, "weeks", m, 24, 10 / 100, 0.3) as unknown[][];
    expect(schedule).toHaveLength(1 + 24 + 1);
    expect(schedule[0]).toEqual(["month", "purchases", "revenue", "margin", "discounted margin"]);
    const values = pclv(params, gg, x, tx, T, "weeks", m, 24, 0.1, 0.3) as unknown[][];
    const total = schedule[25];
    expect(total[0]).toBe("total");
    expect(total[4] as number).toBeCloseTo(sum(values), 8);
    expect(Math.abs((total[4] as number) / sum(values) - 1)).toBeLessThan(1e-10);
    // Undiscounted, 100% margin: the revenue over the horizon is Σ PCLV at 0% and 100%.
    const revenue = forecast(params, gg, x, tx, T, "weeks", m, 24) as unknown[][];
    expect(revenue[25][2] as number).toBeCloseTo(sum(pclv(params, gg, x, tx, T, "weeks", m, 24) as unknown[][]), 8);
    // Each month is the difference of two horizons.
    const six = sum(pclv(params, gg, x, tx, T, "weeks", m, 6) as unknown[][]);
    const five = sum(pclv(params, gg, x, tx, T, "weeks", m, 5) as unknown[][]);
    expect(revenue[6][2] as number).toBeCloseTo(six - five, 8);
    // Rows add up to the total.
    for (let c = 1; c <= 4; c++) {
      const rows = schedule.slice(1, 25).reduce((s, row) => s + (row[c] as number), 0);
      expect(rows).toBeCloseTo(total[c] as number, 8);
    }
  });

  test("a spend column, days: the same identity, and the purchases are CUST.PURCHASES month by month", () => {
    const params = table("bgnbd", { ...BGNBD, alpha: BGNBD.alpha * 7 });
    const days = (column: number[][]) => column.map(([v]) => [v * 7]);
    const spendColumn = x.map((_, i) => [10 + (i % 7)]);
    const schedule = forecast(params, spendColumn, x, days(tx), days(T), "days", undefined, 12, 0.05) as unknown[][];
    const values = pclv(params, spendColumn, x, days(tx), days(T), "days", undefined, 12, 0.05) as unknown[][];
    expect(schedule[13][4] as number).toBeCloseTo(sum(values), 8);
    const month = 365.25 / 12;
    const three = sum(purchases(params, 3 * month, x, days(tx), days(T)) as unknown[][]);
    const two = sum(purchases(params, 2 * month, x, days(tx), days(T)) as unknown[][]);
    expect(schedule[3][1] as number).toBeCloseTo(three - two, 8);
  });

  test("future cohorts: first purchase in the month acquired, then a new customer's E[X(t)]; NPV = discounted margin − CAC", () => {
    const params = table("bgnbd", BGNBD);
    const gg = table("gg", GG);
    const base = forecast(params, gg, x, tx, T, "weeks", m, 6, 0.1, 0.3) as unknown[][];
    const withCohorts = forecast(params, gg, x, tx, T, "weeks", m, 6, 0.1, 0.3, [[100], [50]], [[20]]) as unknown[][];
    expect(withCohorts[0]).toEqual([
      "month",
      "new customers",
      "purchases",
      "revenue",
      "margin",
      "acquisition cost",
      "net margin",
      "discounted net margin",
    ]);
    const month = 365.25 / 12 / 7;
    const newX = (k: number) => purchases(params, k * month)[0][0] as number;
    const spendNew = (GG.p * GG.gamma) / (GG.q - 1);
    // Month 3: cohort 1 in its third month, cohort 2 in its second.
    const expected3 = 100 * (newX(3) - newX(2)) + 50 * (newX(2) - newX(1));
    expect((withCohorts[3][2] as number) - (base[3][1] as number)).toBeCloseTo(expected3, 10);
    expect((withCohorts[1][2] as number) - (base[1][1] as number)).toBeCloseTo(100 * (1 + newX(1)), 10);
    expect((withCohorts[2][3] as number) - (base[2][2] as number)).toBeCloseTo(
      spendNew * (100 * (newX(2) - newX(1)) + 50 * (1 + newX(1))),
      8,
    );
    expect(withCohorts[1][5]).toBe(2000);
    expect(withCohorts[3][1]).toBe(0);
    const total = withCohorts[7];
    const factor = (k: number) => Math.pow(1.1, -k / 12);
    const npv = withCohorts
      .slice(1, 7)
      .reduce((s, row, k) => s + (0.3 * (row[3] as number) - (row[5] as number)) * factor(k + 1), 0);
    expect(total[7] as number).toBeCloseTo(npv, 8);
    expect(total[1]).toBe(150);
    // One number is every month's acquisitions.
    const steady = forecast(params, gg, x, tx, T, "weeks", m, 6, 0.1, 0.3, [[10]], [[20]]) as unknown[][];
    expect(steady.slice(1, 7).map((row) => row[1])).toEqual([10, 10, 10, 10, 10, 10]);
  });

  test("French headers; bad inputs say what to fix", () => {
    const params = table("bgnbd", BGNBD);
    setExcelLanguage("fr");
    const schedule = forecast(params, [[20]], x, tx, T, "semaines") as unknown[][];
    expect(schedule[0][0]).toBe("mois");
    expect(schedule[13][0]).toBe("total");
    setExcelLanguage(null);
    expect(excelError(() => forecast(params, [[20]], x, tx, T, "weeks", undefined, 601)).message).toMatch(/600/);
    expect(
      excelError(() => forecast(params, [[20]], x, tx, T, "weeks", undefined, 2, 0, 1, [[1], [2], [3]])).message,
    ).toMatch(/new_customers.*3/);
    expect(
      excelError(() => forecast(params, [[20]], x, tx, T, "weeks", undefined, 2, 0, 1, undefined, [[50]])).message,
    ).toMatch(/new_customers/);
    const bad = [...x.slice(0, 3), [-1]];
    const error = excelError(() => forecast(params, [[20]], bad, tx.slice(0, 4), T.slice(0, 4), "weeks"));
    expect(error.message).toMatch(/row 4/);
  });
});
