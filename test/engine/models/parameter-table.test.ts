import { readParameterTable, toParameterTable } from "../../../src/engine/models/parameter-table";
import { InputError } from "../../../src/engine/errors";
import { FittedModel } from "../../../src/engine/models/types";

const fit: FittedModel = {
  model: "bgnbd",
  params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
  logLikelihood: -9582.43,
  converged: true,
  n: 2357,
  standardErrors: { r: 0.013, alpha: 0.38, a: 0.19, b: NaN },
  message: "gradient below tolerance",
};

function thrown(call: () => unknown): InputError {
  try {
    call();
  } catch (error) {
    return error as InputError;
  }
  throw new Error("expected an error");
}

describe("toParameterTable", () => {
  test("two columns: model, the parameters in order, loglik, converged, status, aic, bic, n, standard errors, message", () => {
    const table = toParameterTable(fit, "en");
    expect(table.every((row) => row.length === 2)).toBe(true);
    expect(table.map((row) => row[0])).toEqual([
      "model",
      "r",
      "alpha",
      "a",
      "b",
      "loglik",
      "converged",
      "status",
      "aic",
      "bic",
      "n",
      "se_r",
      "se_alpha",
      "se_a",
      "se_b",
      "message",
    ]);
    expect(table[0][1]).toBe("bgnbd");
    expect(table[1][1]).toBe(0.243);
    expect(table[6][1]).toBe(true);
    expect(table[7][1]).toBe("converged");
    expect(table[8][1]).toBeCloseTo(2 * 4 + 2 * 9582.43, 8); // AIC = 2k − 2 ln L
    expect(table[9][1]).toBeCloseTo(4 * Math.log(2357) + 2 * 9582.43, 8); // BIC = k ln n − 2 ln L
    expect(table[14][1]).toBe(""); // a NaN standard error shows blank, never NaN
    // The optimiser's note never shows next to TRUE: the message is plain words.
    expect(String(table[15][1])).toBe("Converged: these are the maximum-likelihood estimates for these data.");
  });
  test("a fit that did not converge says so in the table, in the user's language", () => {
    const failed = { ...fit, converged: false, message: "iteration limit reached" };
    const en = toParameterTable(failed, "en");
    const fr = toParameterTable(failed, "fr");
    expect(en.find((row) => row[0] === "converged")![1]).toBe(false);
    expect(en.find((row) => row[0] === "status")![1]).toBe("not converged");
    expect(fr.find((row) => row[0] === "status")![1]).toBe("not converged"); // the keyword is English everywhere
    expect(String(en[en.length - 1][1])).toMatch(/did not settle.*do not rely/);
    expect(String(en[en.length - 1][1])).not.toMatch(/iteration limit|line search|BFGS/);
    expect(String(fr[fr.length - 1][1])).toMatch(/ne vous fiez pas/);
    expect(fr[0][0]).toBe("model"); // labels stay English keys
  });
});

describe("readParameterTable", () => {
  test("a table saved by the previous version (no status, aic, bic rows) still reads", () => {
    const old = [
      ["model", "bgnbd"],
      ["r", 0.243],
      ["alpha", 4.414],
      ["a", 0.793],
      ["b", 2.426],
      ["loglik", -9582.43],
      ["converged", true],
      ["n", 2357],
      ["se_r", 0.013],
      ["se_alpha", 0.38],
      ["se_a", 0.19],
      ["se_b", ""],
      ["message", "line search failed"],
    ];
    const back = readParameterTable(old, ["bgnbd"]);
    expect(back.status).toBe("converged");
    expect(back.converged).toBe(true);
    expect(back.params.b).toBe(2.426);
    expect(readParameterTable([...old.slice(0, 6), ["converged", "FAUX"]], ["bgnbd"]).status).toBe("not converged");
  });
  test("the status row wins over converged; unknown rows (e.g. covariate coefficients) are kept in extra", () => {
    const table = [...toParameterTable({ ...fit, status: "boundary", converged: false }, "en"), ["coef_age", 0.12]];
    const back = readParameterTable(table, ["bgnbd"]);
    expect(back.status).toBe("boundary");
    expect(back.converged).toBe(false);
    expect(back.extra).toEqual({ coef_age: 0.12 });
    const edited = table.map((row) => (row[0] === "status" ? ["status", "Converged"] : row));
    expect(readParameterTable(edited, ["bgnbd"]).converged).toBe(true);
  });
  test("round trip", () => {
    const back = readParameterTable(toParameterTable(fit, "en"), ["bgnbd", "mbgnbd", "pnbd"]);
    expect(back.model).toBe("bgnbd");
    expect(back.params).toEqual(fit.params);
    expect(back.logLikelihood).toBe(-9582.43);
    expect(back.converged).toBe(true);
    expect(back.n).toBe(2357);
    expect(back.standardErrors!.r).toBe(0.013);
  });
  test("labels are matched case-insensitively and a French VRAI reads as TRUE", () => {
    const grid = [
      ["Model", "PNBD"],
      ["R", 0.55],
      ["Alpha", 10.58],
      ["S", 0.61],
      ["Beta", 11.67],
      ["Converged", "VRAI"],
    ];
    const back = readParameterTable(grid, ["pnbd"]);
    expect(back.model).toBe("pnbd");
    expect(back.params.beta).toBe(11.67);
    expect(back.converged).toBe(true);
  });
  test("a table from another model: #VALUE! naming both models and the function", () => {
    const gg: unknown[][] = [
      ["model", "gg"],
      ["p", 6.25],
      ["q", 3.74],
      ["gamma", 15.44],
    ];
    const error = thrown(() => readParameterTable(gg, ["bgnbd", "mbgnbd", "pnbd"], "CUST.PALIVE"));
    expect(error.kind).toBe("value");
    expect(error.message).toBe("This parameter table is for gg, but CUST.PALIVE needs bgnbd, mbgnbd or pnbd.");
  });
  test("a range that is not a parameter table", () => {
    expect(thrown(() => readParameterTable([[1], [2]], ["bgnbd"])).key).toBe("models.notParameterTable");
    expect(thrown(() => readParameterTable([["model", "xyz"]], ["bgnbd"])).key).toBe("models.notParameterTable");
  });
  test("a missing or non-positive parameter", () => {
    const missing = [
      ["model", "bgnbd"],
      ["r", 1],
      ["alpha", 1],
      ["a", 1],
    ];
    expect(thrown(() => readParameterTable(missing, ["bgnbd"])).message).toMatch(/no b row/);
    const negative = [...missing, ["b", -2]];
    expect(thrown(() => readParameterTable(negative, ["bgnbd"])).key).toBe("models.badParameter");
  });
});
