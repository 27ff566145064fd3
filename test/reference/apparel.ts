/** The CLVTools apparel cohort (test/fixtures/apparel): calibration summary at 104 weeks and static covariates. */
import { readFileSync } from "fs";
import { join } from "path";
import { CovariateTable, FitColumns } from "../../src/engine/models/types";
import { FIXTURES_DIR } from "./published";

const rowsOf = (file: string) =>
  readFileSync(join(FIXTURES_DIR, "apparel", file), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(",").map(Number));

/** x, t_x and T in weeks (T = 104 for all), with Gender and Channel for both processes when asked. */
export function apparel(withCovariates: boolean): FitColumns & { ids: number[] } {
  const cbs = rowsOf("apparel-cbs-104w.csv");
  const cov = new Map(rowsOf("apparelStaticCov.csv").map(([id, gender, channel]) => [id, [gender, channel]]));
  const table = (): CovariateTable => ({
    names: ["Gender", "Channel"],
    values: Float64Array.from(cbs.flatMap(([id]) => cov.get(id)!)),
  });
  return {
    ids: cbs.map((row) => row[0]),
    frequency: Float64Array.from(cbs, (row) => row[1]),
    recency: Float64Array.from(cbs, (row) => row[2] / 7),
    age: Float64Array.from(cbs, () => 104),
    ...(withCovariates ? { purchaseCovariates: table(), dropoutCovariates: table() } : {}),
  };
}
