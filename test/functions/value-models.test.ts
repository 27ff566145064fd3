import { predictiveClv, PERIODS_PER_MONTH } from "../../src/engine/models/clv";
import { expectedAverageSpend } from "../../src/engine/models/gamma-gamma";
import { toParameterTable } from "../../src/engine/models/parameter-table";
import { modelDefinition } from "../../src/engine/models/registry";
import { survival } from "../../src/engine/models/sbg";
import { FittedModel } from "../../src/engine/models/types";
import {
  cellError,
  column,
  excelError,
  excelFunction,
  InputCell,
  loadExcelFunctions,
  setExcelLanguage,
} from "../support/excel";

// Called as Excel calls them (the Excel-faithful invoker).
beforeAll(() => loadExcelFunctions(), 60000);
const spend = excelFunction("SPEND");
const pclv = excelFunction("PCLV");
const retentioncurve = excelFunction("RETENTIONCURVE");

const table = (model: FittedModel["model"], params: Record<string, number>) =>
  toParameterTable({ model, params, logLikelihood: -1, converged: true, n: 100 }, "en") as InputCell[][];

const GG = { p: 6.25, q: 3.74, gamma: 15.44 };
const ggTable = table("gg", GG);
const BGNBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const bgnbdTable = table("bgnbd", BGNBD);
const sbgTable = table("sbg", { alpha: 0.704, beta: 1.182 });

afterEach(() => setExcelLanguage(null));

describe("CUST.SPEND", () => {
  test("a column in, a column out; one-time buyers get the population mean; blank rows stay blank", () => {
    const out = spend(ggTable, [[2], [0], [null], [1]], [[22.35], [null], [null], [10]]);
    expect(out).toHaveLength(4);
    expect(out[0][0]).toBeCloseTo(expectedAverageSpend(GG, 2, 22.35), 12);
    expect(out[1][0]).toBeCloseTo((6.25 * 15.44) / 2.74, 12);
    expect(out[2][0]).toBe("");
    expect(out[3][0]).toBeCloseTo(expectedAverageSpend(GG, 1, 10), 12);
  });

  test("a zero or negative spend for a repeat buyer: #VALUE! in that cell only", () => {
    const out = spend(ggTable, [[2], [3]], [[-4], [10]]);
    expect(cellError(out[0][0]).code).toBe("#VALUE!");
    expect(cellError(out[0][0]).message).toMatch(/greater than zero.*-4/);
    expect(typeof out[1][0]).toBe("number");
  });

  test("frequency not a whole number, or negative: the cell says so", () => {
    const out = spend(ggTable, [[1.5], [-1]], [[10], [10]]);
    expect(cellError(out[0][0]).message).toMatch(/whole number/);
    expect(cellError(out[1][0]).code).toBe("#VALUE!");
  });

  test("q ≤ 1: #N/A explaining that the population mean is infinite", () => {
    const out = spend(table("gg", { p: 2, q: 0.9, gamma: 10 }), [[0], [3]], [[null], [50]]);
    expect(cellError(out[0][0]).code).toBe("#N/A");
    expect(cellError(out[0][0]).message).toMatch(/infinite/);
    expect(out[1][0]).toBeCloseTo((2 * (10 + 150)) / 5.9, 12);
    // A single cell: the whole formula shows the error.
    expect(excelError(() => spend(table("gg", { p: 2, q: 0.9, gamma: 10 }), [[0]], [[null]])).code).toBe("#N/A");
  });

  test("a table from another model is refused, naming the model", () => {
    const error = excelError(() => spend(bgnbdTable, [[1]], [[10]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/bgnbd/);
  });

  test("blank monetary for a repeat buyer is named", () => {
    expect(cellError(spend(ggTable, [[2], [1]], [[null], [5]])[0][0]).message).toMatch(/monetary is blank/);
  });
});

describe("CUST.PCLV", () => {
  const predictor = modelDefinition("bgnbd")?.purchasePredictor?.(BGNBD);
  const options = { months: 12, annualDiscountRate: 0.1, margin: 0.3, periodsPerMonth: PERIODS_PER_MONTH.weeks };

  test("with a Gamma-Gamma table and monetary: margin × expected spend × discounted expected purchases", () => {
    if (!predictor) throw new Error("bgnbd is not registered");
    const out = pclv(
      bgnbdTable,
      ggTable,
      [[2], [0]],
      [[30.43], [0]],
      [[38.86], [38.86]],
      "weeks",
      [[22.35], [null]],
      12,
      0.1,
      0.3,
    );
    const customer = { frequency: 2, recency: 30.43, age: 38.86 };
    expect(out[0][0]).toBeCloseTo(predictiveClv(predictor, customer, expectedAverageSpend(GG, 2, 22.35), options), 10);
    const newcomer = { frequency: 0, recency: 0, age: 38.86 };
    expect(out[1][0]).toBeCloseTo(predictiveClv(predictor, newcomer, expectedAverageSpend(GG, 0, 0), options), 10);
  });

  test("discount_rate is ANNUAL, as in the pane: 10% discounts the 12th month by exactly 1/1.1", () => {
    const undiscounted = pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "weeks")[0][0] as number;
    const annual = pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "weeks", null, 12, 0.1)[0][0] as number;
    // Every month is discounted by a factor between 1.1^(−1/12) and 1.1^(−1), so the year lies between those;
    // a monthly 10% (the old reading) would discount the 12th month by 1.1^−12 and fall far below.
    expect(annual).toBeLessThan(undiscounted / 1.1 ** (1 / 12));
    expect(annual).toBeGreaterThan(undiscounted / 1.1);
    const lastMonthOnly =
      (pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "weeks", null, 12, 0.1)[0][0] as number) -
      (pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "weeks", null, 11, 0.1)[0][0] as number);
    const lastMonthUndiscounted =
      undiscounted - (pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "weeks", null, 11)[0][0] as number);
    expect(lastMonthOnly).toBeCloseTo(lastMonthUndiscounted / 1.1, 10);
  });

  test("with a spend column (or one number) instead of a table", () => {
    if (!predictor) throw new Error("bgnbd is not registered");
    const out = pclv(bgnbdTable, [[40]], [[2], [5]], [[30.43], [20]], [[38.86], [30]], "weeks");
    const defaults = { ...options, annualDiscountRate: 0, margin: 1 };
    expect(out[0][0]).toBeCloseTo(
      predictiveClv(predictor, { frequency: 2, recency: 30.43, age: 38.86 }, 40, defaults),
      10,
    );
    expect(out[1][0]).toBeCloseTo(predictiveClv(predictor, { frequency: 5, recency: 20, age: 30 }, 40, defaults), 10);
  });

  test("days and weeks agree for the same customers (30.4375 days a month)", () => {
    const weekly = pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "weeks")[0][0] as number;
    const dailyTable = table("bgnbd", { ...BGNBD, alpha: BGNBD.alpha * 7 });
    const daily = pclv(dailyTable, [[40]], [[2]], [[210]], [[266]], "days")[0][0] as number;
    expect(daily).toBeCloseTo(weekly, 9);
  });

  test("time_unit is required and checked", () => {
    expect(excelError(() => pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], null)).message).toMatch(
      /time_unit is required/,
    );
    expect(excelError(() => pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "fortnights")).message).toMatch(
      /days, weeks, months/,
    );
    expect(typeof pclv(bgnbdTable, [[40]], [[2]], [[30]], [[38]], "semaines")[0][0]).toBe("number");
  });

  test("bad rows get their own error naming the row: recency > T, negative recency, fractional frequency, negative spend", () => {
    const out = pclv(
      bgnbdTable,
      [[40], [40], [40], [-5], [40]],
      [[2], [2], [1.5], [2], [1]],
      [[40], [-1], [3], [3], [3]],
      [[38], [38], [38], [38], [38]],
      "weeks",
    );
    expect(cellError(out[0][0]).message).toMatch(/row 1 has recency 40 and T 38/);
    expect(cellError(out[1][0]).message).toMatch(/recency cannot be negative, but row 2/);
    expect(cellError(out[2][0]).message).toMatch(/whole numbers, but row 3 holds 1.5/);
    expect(cellError(out[3][0]).code).toBe("#VALUE!");
    expect(cellError(out[3][0]).message).toMatch(/row 4 holds -5/);
    expect(typeof out[4][0]).toBe("number");
  });

  test("Gamma-Gamma table: a non-positive monetary for a repeat buyer names the row", () => {
    const out = pclv(bgnbdTable, ggTable, [[2], [3]], [[3], [4]], [[9], [9]], "weeks", [[10], [0]]);
    expect(typeof out[0][0]).toBe("number");
    expect(cellError(out[1][0]).message).toMatch(/row 2 holds 0/);
  });

  test("monetary must come with a Gamma-Gamma table, and only with one", () => {
    expect(excelError(() => pclv(bgnbdTable, ggTable, [[2]], [[3]], [[9]], "weeks")).message).toMatch(
      /monetary is needed/,
    );
    expect(excelError(() => pclv(bgnbdTable, [[40]], [[2]], [[3]], [[9]], "weeks", [[10]])).message).toMatch(
      /only used when spend is a Gamma-Gamma table/,
    );
  });

  test("a spend or sBG table where the purchase model belongs is refused", () => {
    expect(excelError(() => pclv(ggTable, [[40]], [[2]], [[3]], [[9]], "weeks")).message).toMatch(/gg/);
    expect(excelError(() => pclv(sbgTable, [[40]], [[2]], [[3]], [[9]], "weeks")).code).toBe("#VALUE!");
  });

  test("margin typed as 30 instead of 30%, or months not whole: #VALUE! with the reason", () => {
    expect(excelError(() => pclv(bgnbdTable, [[40]], [[2]], [[3]], [[9]], "weeks", null, 12, 0, 30)).code).toBe(
      "#VALUE!",
    );
    expect(excelError(() => pclv(bgnbdTable, [[40]], [[2]], [[3]], [[9]], "weeks", null, 2.5)).code).toBe("#VALUE!");
  });

  test("columns of different lengths are named; trailing blank rows are dropped", () => {
    expect(excelError(() => pclv(bgnbdTable, [[40]], [[2], [1]], [[3]], [[9], [9], [9]], "weeks")).message).toMatch(
      /frequency has 2 rows but T has values down to row 3/,
    );
    expect(pclv(bgnbdTable, [[40]], [[2], [null]], [[3], [null]], [[9], [null]], "weeks")).toHaveLength(1);
  });

  test("messages follow the user's language", () => {
    setExcelLanguage("fr");
    expect(excelError(() => pclv(bgnbdTable, [[40]], [[2]], [[3]], [[9]], null)).message).toMatch(
      /time_unit est obligatoire/,
    );
  });
});

describe("CUST.RETENTIONCURVE", () => {
  test("from a CUST.FIT sbg table: S(1..h), and the retention rates on request", () => {
    const params = { alpha: 0.704, beta: 1.182 };
    const out = retentioncurve(sbgTable, 3, true);
    expect(out).toHaveLength(3);
    out.forEach(([share, rate], i) => {
      expect(share).toBeCloseTo(survival(params, i + 1), 12);
      expect(rate).toBeCloseTo(survival(params, i + 1) / survival(params, i), 12);
    });
    expect(retentioncurve(sbgTable, 2, null)[0]).toHaveLength(1);
  });

  test("from a survivors column: fits the cohort, then projects beyond it", () => {
    const survivors = [[1000], [631], [468], [382], [326], [289], [262], [241]];
    const out = retentioncurve(survivors, 12);
    expect(out).toHaveLength(12);
    expect(out[0][0] as number).toBeCloseTo(0.631, 1);
    expect(out[11][0] as number).toBeLessThan(out[6][0] as number);
  });

  test("survivors that go up: #VALUE! naming the row", () => {
    const error = excelError(() => retentioncurve([[100], [80], [90]], 5));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/row 3/);
  });

  test("a table from another model, and a bad horizon", () => {
    expect(excelError(() => retentioncurve(ggTable, 5)).message).toMatch(/gg/);
    expect(excelError(() => retentioncurve(sbgTable, 0)).code).toBe("#VALUE!");
    expect(excelError(() => retentioncurve(sbgTable, 2.5)).code).toBe("#VALUE!");
    expect(excelError(() => retentioncurve(sbgTable, 3, "maybe")).message).toMatch(/TRUE, FALSE/);
  });
});

describe("CUST.PCLV with a BG/BB table (issue 13): one opportunity per time_unit", () => {
  const BGBB = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 };
  const bgbbTable = table("bgbb", BGBB);
  const predictor = modelDefinition("bgbb")!.purchasePredictor!(BGBB);
  /** Σ_{t=1..N} (E[X(n, n+t)] − E[X(n, n+t−1)]) / (1 + d)^t, opportunity by opportunity. */
  const direct = (customer: { frequency: number; recency: number; age: number }, N: number, d: number) => {
    let previous = 0;
    let sum = 0;
    for (let t = 1; t <= N; t++) {
      const e = predictor.expectedPurchases(customer, t);
      sum += (e - previous) / (1 + d) ** t;
      previous = e;
    }
    return sum;
  };

  test("yearly donations: the discounted expected donations of the next 5 years × spend × margin", () => {
    const out = pclv(bgbbTable, 50, column(3, 0, 6), column(4, 0, 6), column(6, 6, 6), "years", null, 60, 0.1, 0.3);
    [
      { frequency: 3, recency: 4, age: 6 },
      { frequency: 0, recency: 0, age: 6 },
      { frequency: 6, recency: 6, age: 6 },
    ].forEach((customer, i) => expect(out[i][0]).toBeCloseTo(50 * 0.3 * direct(customer, 5, 0.1), 10));
  });

  test("monthly opportunities: the annual rate becomes a monthly one; long horizons approach CUST.DERT", () => {
    const monthly = Math.pow(1.1, 1 / 12) - 1;
    const customer = { frequency: 3, recency: 4, age: 6 };
    expect(pclv(bgbbTable, 1, 3, 4, 6, "months", null, 24, 0.1)[0][0]).toBeCloseTo(direct(customer, 24, monthly), 10);
    expect(pclv(bgbbTable, 1, 3, 4, 6, "mois", null, 1_000_000, 0.1)[0][0]).toBeCloseTo(
      predictor.discountedResidualPurchases!(customer, monthly),
      8,
    );
  });

  test("a horizon shorter than one opportunity, or an impossible history, is a #VALUE! that says why", () => {
    const short = excelError(() => pclv(bgbbTable, 50, 3, 4, 6, "years", null, 6, 0.1));
    expect(short.code).toBe("#VALUE!");
    expect(short.message).toMatch(/6 months holds no whole opportunity.*at least 12/);
    const impossible = pclv(bgbbTable, 50, column(3, 3), column(4, 2), column(6, 6), "years", null, 60);
    expect(typeof impossible[0][0]).toBe("number");
    expect(cellError(impossible[1][0]).code).toBe("#VALUE!");
    expect(cellError(impossible[1][0]).message).toMatch(/row 2/);
  });
});
