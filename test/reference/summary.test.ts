/**
 * CUST.SUMMARY against the CDNOW reference files: summarising CDNOW_sample.txt with calibration end 1997-09-30, in
 * weeks, reproduces Hardie's calibration summary (x exactly; t_x, T and zbar to the files' 2-decimal rounding), the
 * holdout actuals of the BTYD walkthrough and lifetimes' repeat-spend statistics.
 */
import { excelFunction, loadExcelFunctions } from "../support/excel";
import { excelSerial, serialFromCompactDate } from "../../src/engine/transactions/dates";
import { expectedValue, readReferenceText } from "./reference-dir";

// CUST.SUMMARY as Excel calls it, through the Excel-faithful invoker.
const summary = excelFunction("SUMMARY");
beforeAll(() => loadExcelFunctions(), 60000);

/** Half a unit of the last printed decimal, plus floating-point slack. */
const HALF_CENT = 0.005 + 1e-9;

function loadSample(): { ids: unknown[][]; dates: unknown[][]; amounts: unknown[][] } {
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  for (const line of readReferenceText("datasets", "CDNOW_sample.txt").split("\n")) {
    if (!line.trim()) continue;
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    ids.push([Number(sampleId)]);
    dates.push([serialFromCompactDate(date)]);
    amounts.push([Number(dollars)]);
  }
  return { ids, dates, amounts };
}

function loadCsv(name: string): number[][] {
  return readReferenceText("datasets", name)
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").map(Number));
}

describe("CUST.SUMMARY on CDNOW_sample.txt", () => {
  const log = loadSample();
  let header: string[];
  let rows: number[][];
  const column = (title: string) => {
    const index = header.indexOf(title);
    if (index < 0) throw new Error(`no column ${title}`);
    return rows.map((row) => row[index]);
  };
  let [id, x, tx, age, zbar, holdout]: number[][] = [];
  beforeAll(async () => {
    await loadExcelFunctions();
    const out = summary(log.ids, log.dates, log.amounts, excelSerial(1998, 6, 30), "weeks", excelSerial(1997, 9, 30));
    header = out[0] as string[];
    rows = out.slice(1) as number[][];
    [id, x, tx, age, zbar, holdout] = [
      column("customer id"),
      column("frequency"),
      column("recency"),
      column("T"),
      column("monetary"),
      column("holdout purchases"),
    ];
  }, 60000);

  test("6,919 transactions give 2,357 customers, in the file's order", () => {
    expect(log.ids).toHaveLength(6919);
    expect(rows).toHaveLength(2357);
  });

  test("reproduces cdnow_customers_summary_with_transactions.csv: x exactly, t_x, T and zbar to 2 decimals", () => {
    const expected = loadCsv("cdnow_customers_summary_with_transactions.csv");
    expect(expected).toHaveLength(2357);
    expected.forEach(([customer, ex, etx, eT, ezbar], i) => {
      expect(id[i]).toBe(customer);
      expect(x[i]).toBe(ex);
      expect(Math.abs(tx[i] - etx)).toBeLessThan(HALF_CENT);
      expect(Math.abs(age[i] - eT)).toBeLessThan(HALF_CENT);
      expect(Math.abs(zbar[i] - ezbar)).toBeLessThan(HALF_CENT);
    });
  });

  test("reproduces cdnow_customers_summary.csv (frequency, recency, T)", () => {
    loadCsv("cdnow_customers_summary.csv").forEach(([customer, frequency, recency, T], i) => {
      expect(id[i]).toBe(customer);
      expect(x[i]).toBe(frequency);
      expect(Math.abs(tx[i] - recency)).toBeLessThan(HALF_CENT);
      expect(Math.abs(age[i] - T)).toBeLessThan(HALF_CENT);
    });
  });

  test("holdout purchases match the BTYD walkthrough's actual mean holdout transactions by calibration frequency", () => {
    const reference = expectedValue<{ bin: string[]; n: number[]; actual: number[] }>(
      "bgnbd.cdnow.cond_exp_by_calibration_frequency",
    );
    const binOf = (frequency: number) => Math.min(frequency, 7);
    const counts = new Array(8).fill(0);
    const sums = new Array(8).fill(0);
    x.forEach((frequency, i) => {
      counts[binOf(frequency)]++;
      sums[binOf(frequency)] += holdout[i];
    });
    expect(counts).toEqual(reference.n);
    sums.forEach((sum, bin) => expect(sum / counts[bin]).toBeCloseTo(reference.actual[bin], 6));
    expect(column("holdout length (weeks)")[0]).toBe(39);
  });

  test("repeat-spend statistics of lifetimes' check on Hardie's paper (rounded)", () => {
    const reference = expectedValue<{
      count: number;
      mean: number;
      std: number;
      min: number;
      median: number;
      max: number;
    }>("cdnow.repeat_spend_summary");
    const spends = zbar.filter((_, i) => x[i] > 0).sort((a, b) => a - b);
    const mean = spends.reduce((a, b) => a + b, 0) / spends.length;
    const std = Math.sqrt(spends.reduce((a, b) => a + (b - mean) ** 2, 0) / (spends.length - 1));
    const mid = spends.length / 2;
    const median = spends.length % 2 ? spends[Math.floor(mid)] : (spends[mid - 1] + spends[mid]) / 2;
    expect(spends).toHaveLength(reference.count);
    expect(Math.round(mean)).toBe(reference.mean);
    expect(Math.round(std)).toBe(reference.std);
    expect(Math.round(spends[0])).toBe(reference.min);
    expect(Math.round(median)).toBe(reference.median);
    expect(Math.round(spends[spends.length - 1])).toBe(reference.max);
  });

  test("summary totals equal the log's totals when as_of covers it", () => {
    const whole = summary(log.ids, log.dates, log.amounts).slice(1) as number[][];
    const orders = whole.reduce((a, row) => a + row[3], 0);
    const total = whole.reduce((a, row) => a + row[4], 0);
    expect(orders).toBe(6919);
    expect(total).toBeCloseTo(
      log.amounts.reduce((a, [amount]) => a + (amount as number), 0),
      6,
    );
  });
});
