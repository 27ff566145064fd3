/**
 * Fits at frequencies in the millions and billions (issue 12): every purchase model fitted on the limits audit's
 * "heavy" histories (1,048,576 customers, x = round(10^(6+3u)), t_x in [0.5e6, 1e6], T = 1e6), engine calls in plain
 * Node, with wall and CPU time, status, parameters and evaluations.
 *
 *   FITS=bgnbd,pnbd node --expose-gc --max-old-space-size=12000 --import tsx bench/fits-heavy.bench.ts
 */
import { performance } from "node:perf_hooks";
import { fitModel, modelDefinition } from "../src/engine/models/registry";
import { ModelName } from "../src/engine/models/types";
import { heavyHistories } from "./heavy-histories";

const n = Number(process.env.ROWS ?? 1_048_576);
const { frequency: x, recency: tx, age: T } = heavyHistories(n);
const models = (process.env.FITS ?? "bgnbd,pnbd,mbgnbd,nbd,ggomnbd").split(",") as ModelName[];
for (const model of models) {
  const definition = modelDefinition(model)!;
  const cpu = process.cpuUsage();
  const start = performance.now();
  const fit = fitModel(definition, { frequency: x, recency: tx, age: T });
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const params = Object.entries(fit.params)
    .map(([k, v]) => `${k}=${v.toPrecision(8)}`)
    .join(" ");
  console.log(
    `${model.padEnd(8)} ${wall.toFixed(2)} s wall ${((used.user + used.system) / 1e6).toFixed(2)} s CPU  ` +
      `${fit.status} it=${(fit as { iterations?: number }).iterations} ll=${fit.logLikelihood.toPrecision(15)} ${params} ${fit.message} ` +
      `${(fit.diagnosis ?? []).map((d) => d.key).join(",")}`,
  );
}
