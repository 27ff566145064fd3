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
  test("two columns: model, the parameters in order, loglik, converged, n, standard errors, message", () => {
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
    expect(table[11][1]).toBe(""); // a NaN standard error shows blank, never NaN
  });
  test("a fit that did not converge says so in the table, in the user's language", () => {
    const failed = { ...fit, converged: false, message: "iteration limit reached" };
    const en = toParameterTable(failed, "en");
    const fr = toParameterTable(failed, "fr");
    expect(en.find((row) => row[0] === "converged")![1]).toBe(false);
    expect(String(en[en.length - 1][1])).toMatch(/did NOT converge.*iteration limit/);
    expect(String(fr[fr.length - 1][1])).toMatch(/PAS convergé/);
    expect(fr[0][0]).toBe("model"); // labels stay English keys
  });
});

describe("readParameterTable", () => {
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
