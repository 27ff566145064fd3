import {
  cac,
  churn,
  clv,
  equity,
  lifespan,
  ltvcac,
  payback,
  pmc,
  retention,
  visitorvalue,
} from "../../src/functions/metrics";
import { setFunctionsLocale } from "../../src/functions/locale";
import { excelError } from "../support/thrown";

afterEach(() => setFunctionsLocale(null));

describe("CUST.CLV", () => {
  test("the bakery: 5 € × 3 a week × 52 weeks × 8 years = 6,240", () => {
    expect(clv([[5]], [[3]], [[52 * 8]])).toEqual([[6240]]);
  });
  test("gross margin turns revenue into profit", () => {
    expect(clv([[5]], [[3]], [[416]], [[0.4]])[0][0]).toBeCloseTo(2496, 9);
  });
  test("retention forms of Fader & Hardie note 024 (m = 100, r = 80%, d = 10%)", () => {
    const run = (method: string) =>
      clv([[100]], [[1]], null as never, null as never, [[0.8]], [[0.1]], method)[0][0] as number;
    expect(run("kotler")).toBeCloseTo(80 / 0.3, 9);
    expect(run("blattberg")).toBeCloseTo(110 / 0.3, 9);
    expect(run("ofek")).toBeCloseTo(100 / 0.3, 9);
    // default with a retention rate is kotler
    expect(clv([[100]], [[1]], null as never, null as never, [[0.8]], [[0.1]], null)[0][0]).toBeCloseTo(80 / 0.3, 9);
  });
  test("finite horizon: 3 margins, the first today", () => {
    const value = clv([[100]], [[1]], [[3]], null as never, [[0.8]], [[0.1]], "finite")[0][0] as number;
    expect(value).toBeCloseTo(100 + 80 / 1.1 + 64 / 1.21, 9);
  });
  test("finite with r = 100% and d = 0 equals the simple form", () => {
    expect(clv([[5]], [[3]], [[416]], null as never, [[1]], [[0]], "finite")[0][0]).toBeCloseTo(6240, 9);
  });
  test("a column of margins gives a column of CLVs; blank rows stay blank; trailing blanks are dropped", () => {
    const out = clv([[5]], [[3]], [[416]], [[0.5], [null], [1], [null], [null]]);
    expect(out).toEqual([[3120], [""], [6240]]);
  });
  test("a bad cell inside a range becomes an error in that cell only", () => {
    const out = clv([[5], ["abc"]], [[3]], [[416]]);
    expect(out[0][0]).toBe(6240);
    expect((out[1][0] as { code: string }).code).toBe("#VALUE!");
  });
  test("text that is not a number: #VALUE! naming the argument", () => {
    const error = excelError(() => clv([["five"]], [[3]], [[416]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('basket must be a number, but it is "five".');
  });
  test("retention at or above 1 + discount: #NUM!", () => {
    const error = excelError(() => clv([[100]], [[1]], null as never, null as never, [[1]], [[0]], "ofek"));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/never leave/);
  });
  test("retention typed as 80 instead of 80%: #NUM! that says how to type it", () => {
    const error = excelError(() => clv([[100]], [[1]], null as never, null as never, [[80]], [[0.1]]));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/75% or 0.75/);
  });
  test("numbers typed as text are read as Excel would", () => {
    expect(clv([["5"]], [["3"]], [["416"]], [["50%"]])).toEqual([[3120]]);
  });
  test("ranges of different sizes: #VALUE! naming both", () => {
    const error = excelError(() => clv([[5], [6]], [[3], [3], [3]], [[1]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/purchases_per_period has 3×1.*basket has 2×1/);
  });
  test("unknown method: #VALUE! listing the choices", () => {
    const error = excelError(() => clv([[5]], [[3]], [[1]], null as never, null as never, null as never, "perpetual"));
    expect(error.message).toMatch(/simple, kotler, blattberg, ofek, finite/);
  });
  test("the simple method needs periods", () => {
    expect(excelError(() => clv([[5]], [[3]])).message).toMatch(/needs periods/);
  });
  test("messages follow the user's language", () => {
    setFunctionsLocale("fr");
    expect(excelError(() => clv([["cinq"]], [[3]], [[1]])).message).toBe(
      "basket doit être un nombre, mais vaut « cinq ».",
    );
  });
});

describe("CUST.CAC", () => {
  test("(marketing + sales) ÷ new customers", () => {
    expect(cac([[30000]], [[20000]], [[250]])).toEqual([[200]]);
  });
  test("blank sales spend counts as zero", () => {
    expect(cac([[30000]], [[null]], [[300]])).toEqual([[100]]);
  });
  test("zero new customers: #VALUE! that says which input is zero", () => {
    const error = excelError(() => cac([[1000]], [[0]], [[0]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/new_customers is zero/);
  });
  test("negative spend: #NUM!", () => {
    expect(excelError(() => cac([[-5]], [[0]], [[3]])).code).toBe("#NUM!");
  });
});

describe("CUST.RETENTION", () => {
  test("(end − acquired) ÷ start", () => {
    expect(retention([[200]], [[180]], [[30]])).toEqual([[0.75]]);
  });
  test("from two ranges of customer IDs", () => {
    const start = [["A"], ["B"], ["C"], ["D"], [null]];
    const end = [["B"], ["D"], ["E"]];
    expect(retention(start, end)).toEqual([[0.5]]);
  });
  test("numeric IDs in ranges work too, duplicates counted once", () => {
    expect(retention([[1], [2], [2], [3], [4]], [[4], [1], [9]])).toEqual([[0.5]]);
  });
  test("zero customers at start: #VALUE!", () => {
    expect(excelError(() => retention([[0]], [[10]], [[10]])).code).toBe("#VALUE!");
  });
  test("more acquired than customers at the end: #NUM!", () => {
    expect(excelError(() => retention([[100]], [[10]], [[20]])).code).toBe("#NUM!");
  });
  test("more retained than at start: #NUM!", () => {
    expect(excelError(() => retention([[100]], [[150]], [[10]])).code).toBe("#NUM!");
  });
});

describe("CUST.CHURN and CUST.LIFESPAN", () => {
  test("churn = lost ÷ start", () => {
    expect(churn([[25]], [[100]])).toEqual([[0.25]]);
  });
  test("retention 75% → churn 25% → 4 periods", () => {
    expect(lifespan([[0.25]])).toEqual([[4]]);
  });
  test("churn of zero is a clear error, not infinity", () => {
    const error = excelError(() => lifespan([[0]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/churn_rate is zero/);
  });
  test("lost more than start: #NUM!", () => {
    expect(excelError(() => churn([[120]], [[100]])).code).toBe("#NUM!");
  });
});

describe("CUST.LTVCAC and CUST.PAYBACK", () => {
  test("LTV:CAC", () => {
    expect(ltvcac([[900]], [[300]])).toEqual([[3]]);
  });
  test("zero CAC is named", () => {
    expect(excelError(() => ltvcac([[900]], [[0]])).message).toMatch(/cac is zero/);
  });
  test("payback months = CAC ÷ (monthly revenue × margin)", () => {
    expect(payback([[300]], [[50]], [[0.6]])).toEqual([[10]]);
  });
  test("zero monthly profit: #VALUE!", () => {
    expect(excelError(() => payback([[300]], [[0]])).code).toBe("#VALUE!");
  });
});

describe("CUST.PMC, CUST.VISITORVALUE, CUST.EQUITY", () => {
  test("the brief's PMC: 2 × 400 + 400 × (75% × 2) = 1,400", () => {
    expect(pmc([[2]], [[400]], [[0.75]], [[3]])).toEqual([[1400]]);
  });
  test("the brief's value per visitor: 1,400 × 1.2% = 16.80", () => {
    expect(visitorvalue([[1400]], [[0.012]])[0][0]).toBeCloseTo(16.8, 12);
  });
  test("equity sums CLVs and skips blanks", () => {
    expect(equity([[100], [null], [250.5], [""]])).toBeCloseTo(350.5, 12);
  });
  test("equity with customer counts per value", () => {
    expect(equity([[100], [200]], [[10], [5]])).toBe(2000);
  });
  test("equity with text in the range names the row", () => {
    const error = excelError(() => equity([[100], ["n/a"], [3]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('lifetime_values must hold numbers, but row 2 holds "n/a".');
  });
  test("an Excel error inside the range is named with its row", () => {
    expect(excelError(() => equity([[1], ["#N/A"]])).message).toMatch(/row 2/);
  });
});
