/**
 * CUST.FIT with static covariates: how the work grows with the customers and with the distinct covariate rows.
 * The likelihood is a sum over covariate groups of each group's compressed likelihood, so the cost of one evaluation
 * is at most that of an uncompressed fit (one term per customer) whatever the covariates; the search is bounded by
 * max_iterations (default 300) and the standard errors by 2 × (parameters + coefficients) gradients, the number of
 * coefficients being at most MAX_COVARIATES per process, and the distinct rows at most MAX_COVARIATE_ROWS (256, the
 * last case here). Measured 2026-12-01 on the shared 2-core machine, CPU time (wall time was 3-7× more, the
 * machine loaded): BG/NBD 0.5 s (2 rows), 1.1 s (256 rows); Pareto/NBD 2.1 s (2 rows), 9.3 s (100 rows), 13.5 s
 * (256 rows), 30.5 s (1,000 rows: hence the cap at 256).
 * Run: node --expose-gc --import tsx bench/covariates.bench.ts [name filter]
 */
import { fitModel, modelDefinition } from "../src/engine/models/registry";
import { FitColumns } from "../src/engine/models/types";
import { timed, wanted } from "./timing";
import { simulateWholeDayBgnbd } from "./whole-day-bgnbd";

/** The customers with `distinct` values of one covariate in both processes (2: a 0/1 channel). */
function withCovariate(data: FitColumns, distinct: number): FitColumns {
  const n = data.frequency.length;
  const values = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % distinct) / Math.max(1, distinct - 1));
  return {
    ...data,
    purchaseCovariates: { names: ["z"], values },
    dropoutCovariates: { names: ["z"], values },
  };
}

for (const [model, label] of [
  ["bgnbd", "BG/NBD"],
  ["pnbd", "Pareto/NBD"],
] as const) {
  for (const [n, distinct] of [
    [100_000, 2],
    [100_000, 16],
    [100_000, 256],
  ] as const) {
    const name = `${label} fit with covariates, ${n.toLocaleString("en")} customers (days), ${distinct.toLocaleString("en")} distinct rows`;
    if (!wanted(name)) continue;
    const data = withCovariate(simulateWholeDayBgnbd(n, 4), distinct);
    timed(name, () => fitModel(modelDefinition(model)!, data), { runs: 3, warmUp: false });
  }
}
