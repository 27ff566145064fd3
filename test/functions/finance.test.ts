/**
 * CUST.COHORT against a triangle built independently, the way an analyst would with COUNTIFS/SUMIFS on a helper
 * column: each row's cohort (the period of the customer's first purchase, found with MINIFS) and its period, from
 * JavaScript's own calendar; then counts of distinct customers and sums per (cohort, period) cell.
 */
import { seededRandom, uniformInt } from "../../src/engine/random";
import { cohort } from "../../src/functions/finance";
import { setFunctionsLocale } from "../../src/functions/locale";
import { excelError } from "../support/thrown";

afterEach(() => setFunctionsLocale(null));

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
    setFunctionsLocale("fr");
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
