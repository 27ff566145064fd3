/**
 * The audit of Excel's limits (`npm run test:limits`, bench/limits.bench.ts) passes a case only when
 * checkLimitCase finds nothing wrong: this checks that it does find each kind of wrong outcome.
 */
import { checkLimitCase, LimitCase } from "../support/limits";

const result: LimitCase = { name: "r", fn: "CLV", args: () => [], expect: "result" };
const bound: LimitCase = { name: "b", fn: "CLV", args: () => [], expect: "bound", message: /at most 1,000/ };

describe("checkLimitCase", () => {
  test("passes finite numbers, text blanks and booleans, and the right bound", () => {
    expect(checkLimitCase(result, [[1.5], ["Champions"], [""], [true]])).toBeNull();
    expect(checkLimitCase(bound, [[{ error: "#VALUE!", message: "months must be at most 1,000" }]])).toBeNull();
  });

  test.each([
    [[[1], [Number.NaN]], /row 2 shows NaN/],
    [[[Number.POSITIVE_INFINITY]], /Infinity/],
    [[[{ error: "#VALUE!", message: "x" }]], /#VALUE!/],
    [[["TypeError: cannot read"]], /TypeError/],
    [[["undefined"]], /undefined/],
  ])("finds a wrong result %#", (cells, why) => {
    expect(checkLimitCase(result, cells)).toMatch(why);
  });

  test("finds a bound that is missing, of the wrong code, or says something else", () => {
    expect(checkLimitCase(bound, [[3]])).toMatch(/expected #VALUE!/);
    expect(checkLimitCase(bound, [[{ error: "#NUM!", message: "" }]])).toMatch(/#NUM!/);
    expect(checkLimitCase(bound, [[{ error: "#VALUE!", message: "too big" }]])).toMatch(/does not say/);
  });
});

test("an unavailable case wants #N/A with its message", () => {
  const unavailable: LimitCase = {
    name: "u",
    fn: "DERT",
    args: () => [],
    expect: "unavailable",
    message: /not available/,
  };
  expect(
    checkLimitCase(unavailable, [[{ error: "#N/A", message: "DERT is not available for the nbd model" }]]),
  ).toBeNull();
  expect(checkLimitCase(unavailable, [[{ error: "#VALUE!", message: "not available" }]])).toMatch(/expected #N\/A/);
  expect(checkLimitCase(unavailable, [[1]])).toMatch(/expected #N\/A/);
});

test("a fit case with a status wants its table to show it", () => {
  const fit: LimitCase = { name: "f", fn: "FIT", args: () => [], expect: "result", status: "converged" };
  expect(
    checkLimitCase(fit, [
      ["status", "converged"],
      ["p", 2],
    ]),
  ).toBeNull();
  expect(
    checkLimitCase(fit, [
      ["status", "not converged"],
      ["p", 2],
    ]),
  ).toMatch(/status "not converged"/);
  expect(checkLimitCase(fit, [["p", 2]])).toMatch(/expected "converged"/);
});
