/**
 * The textbook formulas (CUST.CLV … CUST.EQUITY), called as Excel calls them: through the Excel-faithful invoker
 * (test/support/excel.ts), so a message Excel would drop (#NUM!) cannot make a test pass.
 */
import { column, errorCell, ExcelFunctions, loadExcelFunctions } from "../support/excel";

let excel: ExcelFunctions;
beforeAll(async () => {
  excel = await loadExcelFunctions();
}, 60000);

const num = (cell: unknown) => cell as number;

describe("CUST.CLV", () => {
  test("the bakery: 5 € × 3 a week × 52 weeks × 8 years = 6,240", () => {
    expect(excel.call("CLV", 5, 3, 52 * 8)).toEqual([[6240]]);
  });
  test("gross margin turns revenue into profit", () => {
    expect(num(excel.value("CLV", 5, 3, 416, 0.4))).toBeCloseTo(2496, 9);
  });
  test("retention forms of Fader & Hardie note 024 (m = 100, r = 80%, d = 10%)", () => {
    const run = (method: string | null) => num(excel.value("CLV", 100, 1, null, null, 0.8, 0.1, method));
    expect(run("kotler")).toBeCloseTo(80 / 0.3, 9);
    expect(run("blattberg")).toBeCloseTo(110 / 0.3, 9);
    expect(run("ofek")).toBeCloseTo(100 / 0.3, 9);
    // default with a retention rate is kotler
    expect(run(null)).toBeCloseTo(80 / 0.3, 9);
  });
  test("finite horizon: 3 margins, the first today", () => {
    const value = num(excel.value("CLV", 100, 1, 3, null, 0.8, 0.1, "finite"));
    expect(value).toBeCloseTo(100 + 80 / 1.1 + 64 / 1.21, 9);
  });
  test("finite with r = 100% and d = 0 equals the simple form", () => {
    expect(num(excel.value("CLV", 5, 3, 416, null, 1, 0, "finite"))).toBeCloseTo(6240, 9);
  });
  test("a column of margins gives a column of CLVs; blank rows stay blank; trailing blanks are dropped", () => {
    expect(excel.call("CLV", 5, 3, 416, column(0.5, null, 1, null, null))).toEqual([[3120], [""], [6240]]);
  });
  test("a bad cell inside a range becomes an error in that cell only, naming its row", () => {
    const out = excel.call("CLV", column(5, "abc"), 3, 416);
    expect(out[0][0]).toBe(6240);
    expect(out[1][0]).toEqual({ error: "#VALUE!", message: expect.stringMatching(/basket.*row 2/) });
  });
  test("an error cell in one row gives an error in that row only (allowErrorForDataTypeAny)", () => {
    const out = excel.call("CLV", column(5, errorCell("#N/A"), 7), 3, 416);
    expect(out[0][0]).toBe(6240);
    expect(out[1][0]).toMatchObject({ error: "#N/A", message: expect.stringMatching(/basket.*row 2/) });
    expect(out[2][0]).toBe(7 * 3 * 416);
  });
  test("text that is not a number: #VALUE! naming the argument", () => {
    expect(excel.error("CLV", "five", 3, 416)).toEqual({
      error: "#VALUE!",
      message: 'basket must be a number, but it is the text "five".',
    });
  });
  test("retention at or above 1 + discount: #VALUE! with the reason", () => {
    const error = excel.error("CLV", 100, 1, null, null, 1, 0, "ofek");
    expect(error.error).toBe("#VALUE!");
    expect(error.message).toMatch(/never leave/);
  });
  test("retention typed as 80 instead of 80%: #VALUE! that says how to type it", () => {
    const error = excel.error("CLV", 100, 1, null, null, 80, 0.1);
    expect(error.error).toBe("#VALUE!");
    expect(error.message).toMatch(/75% or 0.75/);
  });
  test("numbers typed as text are read as Excel would", () => {
    expect(excel.call("CLV", "5", "3", "416", "50%")).toEqual([[3120]]);
  });
  test("ranges of different sizes: #VALUE! naming both", () => {
    const error = excel.error("CLV", column(5, 6), column(3, 3, 3), 1);
    expect(error.error).toBe("#VALUE!");
    expect(error.message).toMatch(/basket has 2 rows but purchases_per_period has values down to row 3/);
  });
  test("unknown method: #VALUE! listing the choices", () => {
    expect(excel.error("CLV", 5, 3, 1, null, null, null, "perpetual").message).toMatch(
      /simple, kotler, blattberg, ofek, finite/,
    );
  });
  test("the simple method needs periods", () => {
    expect(excel.error("CLV", 5, 3).message).toMatch(/needs periods/);
  });
  test("messages follow the user's language", () => {
    expect(excel.errorWith({ locale: "fr" }, "CLV", "cinq", 3, 1).message).toBe(
      "basket doit être un nombre, mais c'est le texte « cinq ».",
    );
  });
});

describe("CUST.CAC", () => {
  test("(marketing + sales) ÷ new customers", () => {
    expect(excel.call("CAC", 30000, 20000, 250)).toEqual([[200]]);
  });
  test("a blank sales spend cell counts as zero", () => {
    expect(excel.call("CAC", 30000, [[null]], 300)).toEqual([[100]]);
  });
  test("zero new customers: #VALUE! that says which input is zero", () => {
    const error = excel.error("CAC", 1000, 0, 0);
    expect(error.error).toBe("#VALUE!");
    expect(error.message).toMatch(/new_customers is zero/);
  });
  test("negative spend: #VALUE! naming it", () => {
    expect(excel.error("CAC", -5, 0, 3)).toMatchObject({ error: "#VALUE!", message: /marketing_spend/ });
  });
});

describe("CUST.RETENTION", () => {
  test("(end − acquired) ÷ start", () => {
    expect(excel.call("RETENTION", 200, 180, 30)).toEqual([[0.75]]);
  });
  test("zero customers at start: #VALUE!", () => {
    expect(excel.error("RETENTION", 0, 10, 10).error).toBe("#VALUE!");
  });
  test("more acquired than customers at the end: #VALUE! with the counts", () => {
    expect(excel.error("RETENTION", 100, 10, 20)).toMatchObject({ error: "#VALUE!", message: /20/ });
  });
  test("more retained than at start: #VALUE! with the counts", () => {
    expect(excel.error("RETENTION", 100, 150, 10)).toMatchObject({ error: "#VALUE!", message: /140/ });
  });
});

describe("CUST.CHURN and CUST.LIFESPAN", () => {
  test("churn = lost ÷ start", () => {
    expect(excel.call("CHURN", 25, 100)).toEqual([[0.25]]);
  });
  test("retention 75% → churn 25% → 4 periods", () => {
    expect(excel.call("LIFESPAN", 0.25)).toEqual([[4]]);
  });
  test("churn of zero is a clear error, not infinity", () => {
    const error = excel.error("LIFESPAN", 0);
    expect(error.error).toBe("#VALUE!");
    expect(error.message).toMatch(/churn_rate is zero/);
  });
  test("lost more than start: #VALUE! with the counts", () => {
    expect(excel.error("CHURN", 120, 100)).toMatchObject({ error: "#VALUE!", message: /120/ });
  });
});

describe("CUST.LTVCAC and CUST.PAYBACK", () => {
  test("LTV:CAC", () => {
    expect(excel.call("LTVCAC", 900, 300)).toEqual([[3]]);
  });
  test("zero CAC is named", () => {
    expect(excel.error("LTVCAC", 900, 0).message).toMatch(/cac is zero/);
  });
  test("payback months = CAC ÷ (monthly revenue × margin)", () => {
    expect(excel.call("PAYBACK", 300, 50, 0.6)).toEqual([[10]]);
  });
  test("zero monthly profit: #VALUE!", () => {
    expect(excel.error("PAYBACK", 300, 0).error).toBe("#VALUE!");
  });
});

describe("CUST.PMC, CUST.VISITORVALUE, CUST.EQUITY", () => {
  test("the brief's PMC: 2 × 400 + 400 × (75% × 2) = 1,400", () => {
    expect(excel.call("PMC", 2, 400, 0.75, 3)).toEqual([[1400]]);
  });
  test("the brief's value per visitor: 1,400 × 1.2% = 16.80", () => {
    expect(num(excel.value("VISITORVALUE", 1400, 0.012))).toBeCloseTo(16.8, 12);
  });
  test("equity sums CLVs and skips blanks", () => {
    expect(num(excel.value("EQUITY", column(100, null, 250.5, "")))).toBeCloseTo(350.5, 12);
  });
  test("equity with customer counts per value", () => {
    expect(excel.value("EQUITY", column(100, 200), column(10, 5))).toBe(2000);
  });
  test("equity with text in the range names the row", () => {
    expect(excel.error("EQUITY", column(100, "n/a", 3))).toEqual({
      error: "#VALUE!",
      message: 'lifetime_values must hold numbers, but row 2 holds the text "n/a".',
    });
  });
  test("an Excel error inside the range is named with its row", () => {
    expect(excel.error("EQUITY", column(1, errorCell("#N/A"))).message).toMatch(/row 2/);
  });
});
