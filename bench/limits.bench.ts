/**
 * Bounds at Excel's limits (issue 12 item 3): each case of test/support/limits.ts called once through the
 * Excel-faithful invoker, on the main thread, with its wall and CPU time. The cases' outcomes are checked by
 * test/functions/limits.slow.test.ts; the times go to BENCHMARKS.md ("Bounds at Excel's limits"), with the load.
 *
 *   npm run bench -- limits                                 # every case
 *   LIMITS=PCLVRANGE node --expose-gc --max-old-space-size=8192 --import tsx bench/limits.bench.ts
 */
import "../src/functions/install-shim";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { englishMetadata, functionImplementations } from "../scripts/make-docs";
import { setFunctionsLocale } from "../src/functions/locale";
import { FormulaArgument, invoke } from "../src/workbench/excel-invoker";
import { buildLimitData, Call, checkLimitCase, limitCases } from "../test/support/limits";

async function main(): Promise<void> {
  const json = await englishMetadata();
  const implementations = functionImplementations();
  const metadata = new Map(json.functions.map((fn) => [fn.id, fn]));
  const call: Call = (id: string, ...args: FormulaArgument[]) => {
    const fn = implementations.get(id);
    const info = metadata.get(id);
    if (!fn || !info) throw new Error(`No custom function ${id}`);
    setFunctionsLocale("en");
    return invoke(fn, info, args, { allowErrors: json.allowErrorForDataTypeAny === true }).cells;
  };
  const only = process.env.LIMITS ?? "";
  const started = performance.now();
  const data = buildLimitData(call, console.log);
  console.log(
    `data built in ${((performance.now() - started) / 1000).toFixed(1)} s; load ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
  const pattern = new RegExp(only);
  const skip = process.env.LIMITS_SKIP ? new RegExp(process.env.LIMITS_SKIP) : null;
  for (const c of limitCases(data).filter((c) => pattern.test(c.name) && !skip?.test(c.name))) {
    const args = c.args();
    (globalThis as { gc?: () => void }).gc?.();
    const cpu = process.cpuUsage();
    const start = performance.now();
    let outcome: string;
    try {
      const cells = call(c.fn, ...args);
      const problem = checkLimitCase(c, cells);
      const first = cells[0]?.[0];
      const shown =
        first !== null && typeof first === "object" ? `${first.error} ${first.message}` : `${cells.length} rows`;
      outcome = problem ? `FAILS: ${problem}` : shown;
    } catch (error) {
      outcome = `THROWS: ${String(error)}`;
    }
    const wall = performance.now() - start;
    const used = process.cpuUsage(cpu);
    console.log(
      `${c.name.padEnd(70)} ${(wall / 1000).toFixed(2).padStart(7)} s wall ${((used.user + used.system) / 1e6).toFixed(2).padStart(7)} s CPU  ${(used.user + used.system) / 1e3 > 10_000 ? "OVER 10 s CPU  " : ""}${outcome.slice(0, 160)}`,
    );
  }
  console.log(
    `load ${os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(" ")}`,
  );
}

void main();
